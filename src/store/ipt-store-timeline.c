/* Reading and writing a client's timeline of life events, a course's goals and its comments. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

/* Timeline */

static void
bind_life_event (IptStmt *stmt,
                 gpointer record)
{
  IptLifeEvent *event = record;

  sqlite3_bind_int64 (stmt, 2, ipt_life_event_get_client_id (event));
  _ipt_bind_text (stmt, 3, ipt_life_event_get_date (event));
  _ipt_bind_text (stmt, 4, ipt_life_event_get_title (event));
  sqlite3_bind_int (stmt, 5, ipt_life_event_get_impact (event));
  _ipt_bind_id (stmt, 6, ipt_life_event_get_person_id (event));
}

gboolean
ipt_store_save_life_event (IptStore     *self,
                           IptLifeEvent *event,
                           GError      **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (event), FALSE);

  if (!ipt_life_event_validate (event, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  id = ipt_life_event_get_id (event);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO life_events (client_id, date, title, impact, "
                               "person_id) VALUES (?2, ?3, ?4, ?5, ?6)",
                               "UPDATE life_events SET client_id = ?2, date = ?3, title = ?4, "
                               "impact = ?5, person_id = ?6 WHERE id = ?1",
                               "life event", bind_life_event, event, error))
    return FALSE;

  ipt_life_event_set_id (event, id);
  return TRUE;
}

gboolean
ipt_store_delete_life_event (IptStore *self,
                             gint64    event_id,
                             GError  **error)
{
  return _ipt_store_delete_by_id (self, "DELETE FROM life_events WHERE id = ?1", "life event",
                                  event_id, error);
}

static GObject *
life_event_from_row (IptStmt *stmt)
{
  IptLifeEvent *event = ipt_life_event_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 2),
                                            COL_TEXT (stmt, 3), sqlite3_column_int (stmt, 4));

  ipt_life_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  ipt_life_event_set_person_id (event, sqlite3_column_int64 (stmt, 5));
  return G_OBJECT (event);
}

GPtrArray *
ipt_store_list_life_events (IptStore *self,
                            gint64    client_id,
                            GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT id, client_id, date, title, impact, person_id "
                                "FROM life_events WHERE client_id = ?1 ORDER BY date, id",
                                client_id, life_event_from_row, error);
}

/* Goals */

static void
bind_rating (IptStmt *stmt,
             int      index,
             int      rating)
{
  if (rating == IPT_GOAL_RATING_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, rating);
}

static void
bind_goal (IptStmt *stmt,
           gpointer record)
{
  IptGoal *goal = record;

  sqlite3_bind_int64 (stmt, 2, ipt_goal_get_episode_id (goal));
  _ipt_bind_text (stmt, 3, ipt_goal_get_text (goal));
  bind_rating (stmt, 4, ipt_goal_get_first_rating (goal));
  bind_rating (stmt, 5, ipt_goal_get_latest_rating (goal));
}

static gboolean
read_goal_ratings (IptStore *self,
                   IptGoal  *goal,
                   GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  stmt = _ipt_store_prepare (self, "SELECT first_rating, latest_rating FROM goals WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ipt_goal_get_id (goal));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? _ipt_store_not_found (error, "goal", ipt_goal_get_id (goal))
                             : _ipt_store_fail (self, rc, error);

  ipt_goal_set_first_rating (goal, sqlite3_column_type (stmt, 0) == SQLITE_NULL
                                   ? IPT_GOAL_RATING_NONE : sqlite3_column_int (stmt, 0));
  ipt_goal_set_latest_rating (goal, sqlite3_column_type (stmt, 1) == SQLITE_NULL
                                    ? IPT_GOAL_RATING_NONE : sqlite3_column_int (stmt, 1));
  return TRUE;
}

gboolean
ipt_store_save_goal (IptStore *self,
                     IptGoal  *goal,
                     GError  **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_GOAL (goal), FALSE);

  if (!ipt_goal_validate (goal, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  /* Once a goal has ratings by session, its first and latest ratings come from them. */
  id = ipt_goal_get_id (goal);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO goals (episode_id, text, first_rating, latest_rating) "
                               "VALUES (?2, ?3, ?4, ?5)",
                               "UPDATE goals SET episode_id = ?2, text = ?3, "
                               "first_rating = CASE WHEN EXISTS "
                               "(SELECT 1 FROM goal_ratings WHERE goal_id = ?1) "
                               "THEN first_rating ELSE ?4 END, "
                               "latest_rating = CASE WHEN EXISTS "
                               "(SELECT 1 FROM goal_ratings WHERE goal_id = ?1) "
                               "THEN latest_rating ELSE ?5 END WHERE id = ?1",
                               "goal", bind_goal, goal, error))
    return FALSE;

  ipt_goal_set_id (goal, id);
  return read_goal_ratings (self, goal, error);
}

gboolean
ipt_store_delete_goal (IptStore *self,
                       gint64    goal_id,
                       GError  **error)
{
  return _ipt_store_delete_by_id (self, "DELETE FROM goals WHERE id = ?1", "goal", goal_id, error);
}

static GObject *
goal_from_row (IptStmt *stmt)
{
  IptGoal *goal = ipt_goal_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 2));

  ipt_goal_set_id (goal, sqlite3_column_int64 (stmt, 0));
  ipt_goal_set_first_rating (goal, sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                   ? IPT_GOAL_RATING_NONE : sqlite3_column_int (stmt, 3));
  ipt_goal_set_latest_rating (goal, sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                    ? IPT_GOAL_RATING_NONE : sqlite3_column_int (stmt, 4));
  return G_OBJECT (goal);
}

GPtrArray *
ipt_store_list_goals (IptStore *self,
                      gint64    episode_id,
                      GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT id, episode_id, text, first_rating, latest_rating FROM "
                                "goals WHERE episode_id = ?1 ORDER BY id",
                                episode_id, goal_from_row, error);
}

gboolean
ipt_store_set_goal_rating (IptStore *self,
                           gint64    goal_id,
                           guint     session_number,
                           int       rating,
                           GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (session_number < 1 || session_number > 99)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("Session number %u is not between 1 and 99"), session_number);
      return FALSE;
    }
  if (rating != IPT_GOAL_RATING_NONE && (rating < 0 || rating > 10))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("A goal rating is from 0 to 10, not %d"), rating);
      return FALSE;
    }

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  if (rating == IPT_GOAL_RATING_NONE)
    stmt = _ipt_store_prepare (self,
                               "DELETE FROM goal_ratings "
                               "WHERE goal_id = ?1 AND session_number = ?2",
                               error);
  else
    stmt = _ipt_store_prepare (self,
                               "INSERT INTO goal_ratings (goal_id, session_number, rating) "
                               "VALUES (?1, ?2, ?3) ON CONFLICT (goal_id, session_number) "
                               "DO UPDATE SET rating = excluded.rating",
                               error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, goal_id);
      sqlite3_bind_int (stmt, 2, session_number);
      if (rating != IPT_GOAL_RATING_NONE)
        sqlite3_bind_int (stmt, 3, rating);
      ok = _ipt_store_step_done (self, stmt, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

GArray *
ipt_store_list_goal_ratings (IptStore *self,
                             gint64    goal_id,
                             GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GArray) ratings = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT session_number, rating FROM goal_ratings WHERE goal_id = ?1 "
                             "ORDER BY session_number",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, goal_id);
  ratings = g_array_new (FALSE, FALSE, sizeof (IptGoalRating));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptGoalRating rating = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };

      g_array_append_val (ratings, rating);
    }

  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

/* Supervision comments */

static void
bind_comment (IptStmt *stmt,
              gpointer record)
{
  IptComment *comment = record;

  sqlite3_bind_int64 (stmt, 2, ipt_comment_get_episode_id (comment));
  if (ipt_comment_get_session_number (comment) > 0)
    sqlite3_bind_int (stmt, 3, ipt_comment_get_session_number (comment));
  else
    sqlite3_bind_null (stmt, 3);
  _ipt_bind_optional_text (stmt, 4, ipt_comment_get_author (comment));
  _ipt_bind_text (stmt, 5, ipt_comment_get_created_at (comment));
  _ipt_bind_text (stmt, 6, ipt_comment_get_text (comment));
}

gboolean
ipt_store_save_comment (IptStore   *self,
                        IptComment *comment,
                        GError    **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_COMMENT (comment), FALSE);

  if (!ipt_comment_validate (comment, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (ipt_comment_get_created_at (comment) == NULL)
    {
      g_autofree char *now = _ipt_store_now ();

      ipt_comment_set_created_at (comment, now);
    }

  id = ipt_comment_get_id (comment);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO comments (episode_id, session_number, author, "
                               "created_at, text) VALUES (?2, ?3, ?4, ?5, ?6)",
                               "UPDATE comments SET episode_id = ?2, session_number = ?3, "
                               "author = ?4, created_at = ?5, text = ?6 WHERE id = ?1",
                               "comment", bind_comment, comment, error))
    return FALSE;

  ipt_comment_set_id (comment, id);
  return TRUE;
}

static GObject *
comment_from_row (IptStmt *stmt)
{
  IptComment *comment = ipt_comment_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 3),
                                         COL_TEXT (stmt, 5));

  ipt_comment_set_id (comment, sqlite3_column_int64 (stmt, 0));
  ipt_comment_set_session_number (comment, sqlite3_column_int (stmt, 2));
  ipt_comment_set_created_at (comment, COL_TEXT (stmt, 4));
  return G_OBJECT (comment);
}

GPtrArray *
ipt_store_list_comments (IptStore *self,
                         gint64    episode_id,
                         GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT id, episode_id, session_number, author, created_at, text "
                                "FROM comments WHERE episode_id = ?1 ORDER BY created_at, id",
                                episode_id, comment_from_row, error);
}
