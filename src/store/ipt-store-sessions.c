/* Reading and writing sessions with their scores, and the packing of item answers. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <string.h>

#include <glib/gi18n.h>

/* Sessions and scores */

#define SESSION_COLUMNS \
  "s.id, s.episode_id, s.number, s.date, s.attendance, s.attendees, s.duration, " \
  "s.note_agenda, s.note_events, s.note_between, s.tasks_done"

static IptSession *
session_from_row (IptStmt *stmt)
{
  IptSession *session;
  IptAttendance attendance = IPT_ATTENDANCE_ATTENDED;
  IptAttendees attendees = IPT_ATTENDEES_CLIENT_ALONE;

  session = ipt_session_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
                             COL_TEXT (stmt, 3));
  ipt_session_set_id (session, sqlite3_column_int64 (stmt, 0));
  if (ipt_attendance_from_id (COL_TEXT (stmt, 4), &attendance))
    ipt_session_set_attendance (session, attendance);
  if (ipt_attendees_from_id (COL_TEXT (stmt, 5), &attendees))
    ipt_session_set_attendees (session, attendees);
  ipt_session_set_duration (session, sqlite3_column_int (stmt, 6));
  ipt_session_set_note_agenda (session, COL_TEXT (stmt, 7));
  ipt_session_set_note_events (session, COL_TEXT (stmt, 8));
  ipt_session_set_note_between (session, COL_TEXT (stmt, 9));
  ipt_session_set_tasks_done (session, sqlite3_column_int64 (stmt, 10));

  return session;
}

static void
bind_session (IptStmt    *stmt,
              IptSession *session)
{
  sqlite3_bind_int64 (stmt, 2, ipt_session_get_episode_id (session));
  sqlite3_bind_int (stmt, 3, ipt_session_get_number (session));
  _ipt_bind_text (stmt, 4, ipt_session_get_date (session));
  _ipt_bind_text (stmt, 5, ipt_attendance_to_id (ipt_session_get_attendance (session)));
  _ipt_bind_text (stmt, 6, ipt_attendees_to_id (ipt_session_get_attendees (session)));
  if (ipt_session_get_duration (session) > 0)
    sqlite3_bind_int (stmt, 7, ipt_session_get_duration (session));
  else
    sqlite3_bind_null (stmt, 7);
  _ipt_bind_optional_text (stmt, 8, ipt_session_get_note_agenda (session));
  _ipt_bind_optional_text (stmt, 9, ipt_session_get_note_events (session));
  _ipt_bind_optional_text (stmt, 10, ipt_session_get_note_between (session));
  sqlite3_bind_int64 (stmt, 11, ipt_session_get_tasks_done (session));
}

/* Answers as stored in scores.answers (ipt-schema-3.sql): a digit per item, '-' when missing. */
const char *
_ipt_store_pack_answers (const int *items,
                         guint      n_items,
                         char      *buf)
{
  guint i;

  if (items == NULL || n_items == 0 || n_items > IPT_STORE_MAX_ANSWERS)
    return NULL;
  for (i = 0; i < n_items; i++)
    {
      if (items[i] == IPT_ITEM_MISSING)
        buf[i] = '-';
      else if (items[i] >= 0 && items[i] <= 9)
        buf[i] = (char) ('0' + items[i]);
      else
        buf[i] = '?';  /* refused by the CHECK of scores.answers */
    }
  buf[n_items] = '\0';
  return buf;
}

gboolean
_ipt_store_unpack_answers (const char *text,
                           int        *items,
                           guint       n_items)
{
  guint i;

  if (text == NULL || strlen (text) != n_items || n_items == 0)
    return FALSE;
  for (i = 0; i < n_items; i++)
    {
      if (text[i] >= '0' && text[i] <= '9')
        items[i] = text[i] - '0';
      else
        items[i] = IPT_ITEM_MISSING;
    }
  return TRUE;
}

static gboolean
insert_score (IptStore *self,
              gint64    session_id,
              IptScore *score,
              gint64   *score_id,
              GError  **error)
{
  const IptMeasure *measure = ipt_score_get_measure (score);
  const char *version = ipt_score_get_measure_version (score);
  g_autoptr(IptStmt) stmt = NULL;
  char answers[IPT_STORE_MAX_ANSWERS + 1];
  const int *items;
  guint n_items = 0;

  stmt = _ipt_store_prepare (self,
                             "INSERT INTO scores (session_id, measure, measure_version, total, "
                             "risk, answers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  _ipt_bind_text (stmt, 2, measure->id);
  _ipt_bind_text (stmt, 3, version != NULL ? version : measure->version);
  if (ipt_score_has_total (score))
    sqlite3_bind_int (stmt, 4, ipt_score_get_total (score));
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int (stmt, 5, ipt_score_get_risk (score) ? 1 : 0);
  /* Items are numbered from 1 as on the printed questionnaire: the first character is item 1. */
  items = ipt_score_get_items (score, &n_items);
  _ipt_bind_text (stmt, 6, _ipt_store_pack_answers (items, n_items, answers));
  if (!_ipt_store_step_done (self, stmt, error))
    return FALSE;

  *score_id = sqlite3_last_insert_rowid (_ipt_store_get_db (self));
  return TRUE;
}

static gboolean
validate_session (IptSession *session,
                  GPtrArray  *scores,
                  GError    **error)
{
  g_autoptr(GError) model_error = NULL;

  if (!ipt_session_validate (session, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);
      const IptMeasure *measure = ipt_score_get_measure (score);

      if (!ipt_score_validate (score, &model_error))
        return _ipt_store_model_refused (&model_error, error);

      for (guint j = 0; j < i; j++)
        {
          if (ipt_score_get_measure (g_ptr_array_index (scores, j)) == measure)
            {
              g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           _("A session can have only one %s"), measure->name);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* A session cannot come before the client was born. */
static gboolean
check_after_birth (IptStore   *self,
                   IptSession *session,
                   GError    **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GError) model_error = NULL;
  int rc;

  stmt = _ipt_store_prepare (self, "SELECT c.birth_date FROM episodes e "
                                   "JOIN clients c ON c.id = e.client_id WHERE e.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ipt_session_get_episode_id (session));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW &&
      !ipt_session_check_birth (ipt_session_get_date (session),
                                (const char *) sqlite3_column_text (stmt, 0), &model_error))
    return _ipt_store_model_refused (&model_error, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

gboolean
ipt_store_save_session (IptStore   *self,
                        IptSession *session,
                        GPtrArray  *scores,
                        GError    **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autofree gint64 *score_ids = NULL;
  gint64 session_id;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_SESSION (session), FALSE);

  if (!validate_session (session, scores, error))
    return FALSE;

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  if (!check_after_birth (self, session, error))
    return _ipt_store_write_end (self, FALSE, NULL);

  session_id = ipt_session_get_id (session);
  if (session_id == 0)
    {
      stmt = _ipt_store_prepare (self,
                                 "INSERT INTO sessions (episode_id, number, date, attendance, "
                                 "attendees, duration, note_agenda, note_events, note_between, "
                                 "tasks_done) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_session (stmt, session);
          ok = _ipt_store_step_done (self, stmt, error);
          session_id = sqlite3_last_insert_rowid (_ipt_store_get_db (self));
        }
    }
  else
    {
      stmt = _ipt_store_prepare (self,
                                 "UPDATE sessions SET episode_id = ?2, number = ?3, date = ?4, "
                                 "attendance = ?5, attendees = ?6, duration = ?7, "
                                 "note_agenda = ?8, note_events = ?9, note_between = ?10, "
                                 "tasks_done = ?11 WHERE id = ?1",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, session_id);
          bind_session (stmt, session);
          ok = _ipt_store_write_row (self, stmt, "session", session_id, error);
        }
    }

  if (ok && scores != NULL)
    {
      g_autoptr(IptStmt) clear = _ipt_store_prepare (self,
                                                     "DELETE FROM scores WHERE session_id = ?1",
                                                     error);

      ok = clear != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (clear, 1, session_id);
          ok = _ipt_store_step_done (self, clear, error);
        }

      score_ids = g_new0 (gint64, scores->len);
      for (guint i = 0; ok && i < scores->len; i++)
        ok = insert_score (self, session_id, g_ptr_array_index (scores, i), &score_ids[i], error);
    }

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  /* Ids only once the transaction holds them. */
  ipt_session_set_id (session, session_id);
  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      ipt_score_set_id (g_ptr_array_index (scores, i), score_ids[i]);
      ipt_score_set_session_id (g_ptr_array_index (scores, i), session_id);
    }
  return TRUE;
}

gboolean
ipt_store_delete_session (IptStore *self,
                          gint64    session_id,
                          GError  **error)
{
  return _ipt_store_delete_by_id (self, "DELETE FROM sessions WHERE id = ?1", "session", session_id,
                                  error);
}

GPtrArray *
ipt_store_list_sessions (IptStore *self,
                         gint64    episode_id,
                         GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) appointments = NULL;
  g_autoptr(IptCourseMap) course = NULL;
  g_autofree char *end_date = NULL;
  guint planned = 0, assessment_end = 0, middle_end = 0;
  gboolean ended;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT planned_sessions, assessment_end, middle_end, "
                             "status IS NOT 'active', end_date FROM episodes "
                             "WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _ipt_store_not_found (error, "course", episode_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  planned = sqlite3_column_int (stmt, 0);
  assessment_end = sqlite3_column_int (stmt, 1);
  middle_end = sqlite3_column_int (stmt, 2);
  ended = sqlite3_column_int (stmt, 3) != 0;
  end_date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  _ipt_stmt_release (g_steal_pointer (&stmt));

  stmt = _ipt_store_prepare (self,
                             "SELECT " SESSION_COLUMNS " FROM sessions s WHERE s.episode_id = ?1 "
                             "ORDER BY s.number",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, episode_id);
  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  appointments = g_array_new (FALSE, FALSE, sizeof (IptAppointment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptSession *session = session_from_row (stmt);
      const char *date = ipt_session_get_date (session);
      IptAppointment a = { ipt_session_get_number (session), ipt_session_get_attended (session),
                           FALSE };

      a.after_end = end_date != NULL && date != NULL && strcmp (date, end_date) > 0;
      g_array_append_val (appointments, a);
      g_ptr_array_add (sessions, session);
    }

  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }

  /* The phase of each session is where the model puts it among the attended sessions. */
  course = ipt_course_map_new (planned, assessment_end, middle_end, ended,
                               (const IptAppointment *) (void *) appointments->data,
                               appointments->len);
  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);

      ipt_session_set_phase (session,
                             ipt_course_map_phase_of (course, ipt_session_get_number (session)));
    }
  return g_steal_pointer (&sessions);
}

/* Rows: score id, session id, measure, version, total, item, value; ordered by score then item
 * (item and value NULL for a score without item answers). */
static GPtrArray *
load_scores (IptStore   *self,
             const char *sql,
             gint64      key,
             GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) scores = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, key);
  scores = g_ptr_array_new_with_free_func (g_object_unref);

  /* One row per score: id, session_id, measure, measure_version, total, answers. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *measure_id = COL_TEXT (stmt, 2);
      const char *version = COL_TEXT (stmt, 3);
      const IptMeasure *measure = ipt_measure_lookup (measure_id);
      int items[IPT_STORE_MAX_ANSWERS];
      IptScore *score;

      if (measure == NULL)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                       _("The casebook holds a score of an unknown measure (%s)"),
                       measure_id);
          return NULL;
        }

      if (measure->n_items > 0 && measure->n_items <= IPT_STORE_MAX_ANSWERS &&
          _ipt_store_unpack_answers (COL_TEXT (stmt, 5), items, measure->n_items))
        score = ipt_score_new_from_items (measure, items, measure->n_items);
      else
        score = ipt_score_new_from_total (measure, sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                                   ? IPT_TOTAL_NONE
                                                   : sqlite3_column_int (stmt, 4));
      ipt_score_set_id (score, sqlite3_column_int64 (stmt, 0));
      ipt_score_set_session_id (score, sqlite3_column_int64 (stmt, 1));
      if (version != NULL)
        ipt_score_set_measure_version (score, version);
      g_ptr_array_add (scores, score);
    }
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&scores);
}

GPtrArray *
ipt_store_list_scores (IptStore *self,
                       gint64    episode_id,
                       GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return load_scores (self,
                      "SELECT sc.id, sc.session_id, sc.measure, sc.measure_version, sc.total, "
                      "sc.answers FROM sessions s "
                      "JOIN scores sc ON sc.session_id = s.id "
                      "WHERE s.episode_id = ?1 ORDER BY s.number, sc.measure, sc.id",
                      episode_id, error);
}

GPtrArray *
ipt_store_list_session_scores (IptStore *self,
                               gint64    session_id,
                               GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return load_scores (self,
                      "SELECT sc.id, sc.session_id, sc.measure, sc.measure_version, sc.total, "
                      "sc.answers FROM scores sc "
                      "WHERE sc.session_id = ?1 ORDER BY sc.measure, sc.id",
                      session_id, error);
}
