/* A session's work by technique, and who from the inventory attended a joint session. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-casework.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

#define TECHNIQUE_COLUMNS \
  "interaction, said, meant, alternatives, options, pros_cons, choice, rehearsed, how_it_went"

IptSessionWork *
ipt_store_get_session_work (IptStore *self,
                            gint64    session_id,
                            GError  **error)
{
  g_autoptr(IptSessionWork) work = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) other = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(IptStmt) attendees = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT " TECHNIQUE_COLUMNS " FROM session_techniques "
                             "WHERE session_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  work = ipt_session_work_new (session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
        ipt_session_work_set_text (work, i, COL_TEXT (stmt, i));
    }
  else if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  _ipt_stmt_release (g_steal_pointer (&stmt));

  attendees = _ipt_store_prepare (self,
                                  "SELECT person_id, description FROM session_attendees "
                                  "WHERE session_id = ?1 ORDER BY id",
                                  error);
  if (attendees == NULL)
    return NULL;
  sqlite3_bind_int64 (attendees, 1, session_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  other = g_string_new (NULL);
  while ((rc = sqlite3_step (attendees)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (attendees, 0);

      if (person_id != 0)
        g_array_append_val (ids, person_id);
      else
        {
          /* Several in words (people who left the inventory among them) read as one line. */
          if (other->len > 0)
            g_string_append (other, "; ");
          g_string_append (other, COL_TEXT (attendees, 1));
        }
    }
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }

  ipt_session_work_set_attendee_ids (work, (const gint64 *) (gpointer) ids->data, ids->len);
  ipt_session_work_set_other_attendee (work, other->len > 0 ? other->str : NULL);
  return g_steal_pointer (&work);
}

/* The session's attendees value and its client. */
static gboolean
read_session (IptStore      *self,
              gint64         session_id,
              IptAttendees  *attendees,
              gint64        *client_id,
              GError       **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  stmt = _ipt_store_prepare (self,
                             "SELECT s.attendees, e.client_id FROM sessions s "
                             "JOIN episodes e ON e.id = s.episode_id WHERE s.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _ipt_store_not_found (error, "session", session_id);
  if (rc != SQLITE_ROW)
    return _ipt_store_fail (self, rc, error);

  *attendees = IPT_ATTENDEES_CLIENT_ALONE;
  ipt_attendees_from_id (COL_TEXT (stmt, 0), attendees);
  *client_id = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
write_techniques (IptStore       *self,
                  IptSessionWork *work,
                  GError        **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  gboolean empty = TRUE;

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    if (!is_blank (ipt_session_work_get_text (work, i)))
      empty = FALSE;

  stmt = _ipt_store_prepare (self,
                             empty
                             ? "DELETE FROM session_techniques WHERE session_id = ?1"
                             : "INSERT OR REPLACE INTO session_techniques (session_id, "
                               TECHNIQUE_COLUMNS ") "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ipt_session_work_get_session_id (work));
  if (!empty)
    for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
      _ipt_bind_optional_text (stmt, 2 + i, ipt_session_work_get_text (work, i));
  return _ipt_store_step_done (self, stmt, error);
}

static gboolean
write_attendees (IptStore       *self,
                 IptSessionWork *work,
                 gint64          client_id,
                 GError        **error)
{
  g_autoptr(IptStmt) clear = NULL;
  g_autoptr(IptStmt) check = NULL;
  g_autoptr(IptStmt) insert = NULL;
  gint64 session_id = ipt_session_work_get_session_id (work);
  const gint64 *ids;
  const char *other;
  guint n_ids;

  clear = _ipt_store_prepare (self, "DELETE FROM session_attendees WHERE session_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, session_id);
  if (!_ipt_store_step_done (self, clear, error))
    return FALSE;

  check = _ipt_store_prepare (self, "SELECT 1 FROM people WHERE id = ?1 AND client_id = ?2", error);
  insert = _ipt_store_prepare (self,
                               "INSERT INTO session_attendees (session_id, person_id, description) "
                               "VALUES (?1, ?2, ?3)",
                               error);
  if (check == NULL || insert == NULL)
    return FALSE;

  ids = ipt_session_work_get_attendee_ids (work, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (check);
      sqlite3_bind_int64 (check, 1, ids[i]);
      sqlite3_bind_int64 (check, 2, client_id);
      rc = sqlite3_step (check);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                               _("A person who attended is not in this client’s interpersonal inventory"));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return _ipt_store_fail (self, rc, error);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, session_id);
      sqlite3_bind_int64 (insert, 2, ids[i]);
      sqlite3_bind_null (insert, 3);
      if (!_ipt_store_step_done (self, insert, error))
        return FALSE;
    }

  other = ipt_session_work_get_other_attendee (work);
  if (!is_blank (other))
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, session_id);
      sqlite3_bind_null (insert, 2);
      _ipt_bind_text (insert, 3, other);
      if (!_ipt_store_step_done (self, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ipt_store_save_session_work (IptStore        *self,
                             IptSessionWork  *work,
                             GError         **error)
{
  g_autoptr(GError) model_error = NULL;
  IptAttendees attendees = IPT_ATTENDEES_CLIENT_ALONE;
  gint64 client_id = 0;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_SESSION_WORK (work), FALSE);

  if (!ipt_session_work_validate (work, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_session (self, ipt_session_work_get_session_id (work), &attendees, &client_id, error);
  if (ok && attendees == IPT_ATTENDEES_CLIENT_ALONE && ipt_session_work_has_attendees (work))
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           _("The session is recorded with the client alone: choose who attended "
                             "with them first"));
      ok = FALSE;
    }
  if (ok)
    ok = write_techniques (self, work, error);
  if (ok)
    ok = write_attendees (self, work, client_id, error);

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

GPtrArray *
ipt_store_list_course_attendees (IptStore *self,
                                 gint64    episode_id,
                                 GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT a.session_id, a.person_id, p.name, p.relationship, "
                             "a.description FROM session_attendees a "
                             "JOIN sessions s ON s.id = a.session_id "
                             "LEFT JOIN people p ON p.id = a.person_id "
                             "WHERE s.episode_id = ?1 ORDER BY s.number, a.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);

  attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_attendee_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attendees,
                     ipt_attendee_new (sqlite3_column_int64 (stmt, 0),
                                       sqlite3_column_int64 (stmt, 1),
                                       COL_TEXT (stmt, 2), COL_TEXT (stmt, 3),
                                       COL_TEXT (stmt, 4)));
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&attendees);
}

/* Goal ratings at a session */

GArray *
ipt_store_list_session_goal_ratings (IptStore *self,
                                     gint64    episode_id,
                                     guint     session_number,
                                     GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GArray) ratings = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT g.id, r.rating FROM goals g LEFT JOIN goal_ratings r "
                             "ON r.goal_id = g.id AND r.session_number = ?2 "
                             "WHERE g.episode_id = ?1 ORDER BY g.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  sqlite3_bind_int (stmt, 2, session_number);

  ratings = g_array_new (FALSE, FALSE, sizeof (IptSessionGoalRating));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptSessionGoalRating rating = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_type (stmt, 1) == SQLITE_NULL ? IPT_GOAL_RATING_NONE
                                                      : sqlite3_column_int (stmt, 1),
      };

      g_array_append_val (ratings, rating);
    }
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

gboolean
ipt_store_save_session_goal_ratings (IptStore                   *self,
                                     gint64                      episode_id,
                                     guint                       session_number,
                                     const IptSessionGoalRating *ratings,
                                     guint                       n_ratings,
                                     GError                    **error)
{
  g_autoptr(IptStmt) check = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (ratings != NULL || n_ratings == 0, FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  check = _ipt_store_prepare (self, "SELECT 1 FROM goals WHERE id = ?1 AND episode_id = ?2", error);
  ok = check != NULL;
  for (guint i = 0; ok && i < n_ratings; i++)
    {
      int rc;

      sqlite3_reset (check);
      sqlite3_bind_int64 (check, 1, ratings[i].goal_id);
      sqlite3_bind_int64 (check, 2, episode_id);
      rc = sqlite3_step (check);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                               _("A goal rated is not one of this course’s goals"));
          ok = FALSE;
        }
      else if (rc != SQLITE_ROW)
        ok = _ipt_store_fail (self, rc, error);
      else
        ok = ipt_store_set_goal_rating (self, ratings[i].goal_id, session_number,
                                        ratings[i].rating, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}
