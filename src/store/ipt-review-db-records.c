/* The supervisor's records in a review database: comments, session reviews, the log. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-review-db.h"
#include "ipt-review-db-private.h"
#include "ipt-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* The supervisor's records */

static gboolean
case_exists (IptReviewDb *self,
             gint64       episode_id,
             GError     **error)
{
  g_autoptr(Stmt) stmt = _ipt_review_db_prepare (self,
                                                 "SELECT 1 FROM cases WHERE episode_id = ?1",
                                                 error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                       _("That case is not in the review file"));
  return FALSE;
}

/* Gives the record a uid and created_at when missing, and checks its case. */
static gboolean
prepare_record (IptReviewDb *self,
                GObject     *record,
                GError     **model_error,
                GError     **error)
{
  g_autofree char *uid = NULL;
  g_autofree char *created_at = NULL;
  gint64 episode_id = 0;

  if (model_error != NULL && *model_error != NULL)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           (*model_error)->message);
      return FALSE;
    }
  g_object_get (record, "uid", &uid, "created-at", &created_at, "episode-id", &episode_id,
                NULL);
  if (!case_exists (self, episode_id, error))
    return FALSE;
  if (uid == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();

      g_object_set (record, "uid", random, NULL);
    }
  if (created_at == NULL)
    {
      g_autofree char *now = _ipt_review_db_now_utc ();

      g_object_set (record, "created-at", now, NULL);
    }
  return TRUE;
}

gboolean
ipt_review_db_add_comment (IptReviewDb *self,
                           IptComment  *comment,
                           GError     **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(Stmt) stmt = NULL;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), FALSE);
  g_return_val_if_fail (IPT_IS_COMMENT (comment), FALSE);

  ipt_comment_validate (comment, &model_error);
  if (!prepare_record (self, G_OBJECT (comment), &model_error, error))
    return FALSE;
  stmt = _ipt_review_db_prepare (self,
    "INSERT OR REPLACE INTO comments (uid, episode_id, session_number, author, created_at, text) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  _ipt_review_db_bind_text (stmt, 1, ipt_comment_get_uid (comment));
  sqlite3_bind_int64 (stmt, 2, ipt_comment_get_episode_id (comment));
  _ipt_review_db_bind_int_or_null (stmt, 3, ipt_comment_get_session_number (comment), 0);
  _ipt_review_db_bind_text (stmt, 4, ipt_comment_get_author (comment));
  _ipt_review_db_bind_text (stmt, 5, ipt_comment_get_created_at (comment));
  _ipt_review_db_bind_text (stmt, 6, ipt_comment_get_text (comment));
  return _ipt_review_db_step_done (self, stmt, error);
}

gboolean
ipt_review_db_add_session_review (IptReviewDb      *self,
                                  IptSessionReview *review,
                                  GError          **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(Stmt) stmt = NULL;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), FALSE);
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (review), FALSE);

  ipt_session_review_validate (review, &model_error);
  if (!prepare_record (self, G_OBJECT (review), &model_error, error))
    return FALSE;
  stmt = _ipt_review_db_prepare (self,
    "INSERT OR REPLACE INTO session_reviews (uid, episode_id, session_number, phase, "
    "task_ratings, focus_rating, stance_rating, comment, reviewer, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  _ipt_review_db_bind_text (stmt, 1, ipt_session_review_get_uid (review));
  sqlite3_bind_int64 (stmt, 2, ipt_session_review_get_episode_id (review));
  sqlite3_bind_int (stmt, 3, ipt_session_review_get_session_number (review));
  _ipt_review_db_bind_text (stmt, 4, ipt_phase_to_id (ipt_session_review_get_phase (review)));
  sqlite3_bind_text (stmt, 5, ipt_session_review_get_task_ratings_text (review), -1, g_free);
  _ipt_review_db_bind_int_or_null (stmt, 6, ipt_session_review_get_focus_rating (review),
                                   IPT_REVIEW_RATING_NONE);
  _ipt_review_db_bind_int_or_null (stmt, 7, ipt_session_review_get_stance_rating (review),
                                   IPT_REVIEW_RATING_NONE);
  _ipt_review_db_bind_text (stmt, 8, ipt_session_review_get_comment (review));
  _ipt_review_db_bind_text (stmt, 9, ipt_session_review_get_reviewer (review));
  _ipt_review_db_bind_text (stmt, 10, ipt_session_review_get_created_at (review));
  return _ipt_review_db_step_done (self, stmt, error);
}

gboolean
ipt_review_db_add_supervision_entry (IptReviewDb         *self,
                                     IptSupervisionEntry *entry,
                                     GError             **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(Stmt) stmt = NULL;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), FALSE);
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (entry), FALSE);

  ipt_supervision_entry_validate (entry, &model_error);
  if (!prepare_record (self, G_OBJECT (entry), &model_error, error))
    return FALSE;
  stmt = _ipt_review_db_prepare (self,
    "INSERT OR REPLACE INTO supervision_log (uid, episode_id, date, sessions_discussed, "
    "recordings_reviewed, action_points, author, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  _ipt_review_db_bind_text (stmt, 1, ipt_supervision_entry_get_uid (entry));
  sqlite3_bind_int64 (stmt, 2, ipt_supervision_entry_get_episode_id (entry));
  _ipt_review_db_bind_text (stmt, 3, ipt_supervision_entry_get_date (entry));
  sqlite3_bind_text (stmt, 4, ipt_supervision_entry_get_sessions_text (entry), -1, g_free);
  sqlite3_bind_int64 (stmt, 5, ipt_supervision_entry_get_recordings_reviewed (entry));
  _ipt_review_db_bind_text (stmt, 6, ipt_supervision_entry_get_action_points (entry));
  _ipt_review_db_bind_text (stmt, 7, ipt_supervision_entry_get_author (entry));
  _ipt_review_db_bind_text (stmt, 8, ipt_supervision_entry_get_created_at (entry));
  return _ipt_review_db_step_done (self, stmt, error);
}

typedef GObject *(*FromRow) (Stmt *stmt);

static GPtrArray *
list_records (IptReviewDb *self,
              const char  *sql,
              gint64       episode_id,
              FromRow      from_row,
              GError     **error)
{
  g_autoptr(Stmt) stmt = _ipt_review_db_prepare (self, sql, error);
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _ipt_review_db_fail (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static GObject *
comment_from_row (Stmt *stmt)
{
  IptComment *comment = ipt_comment_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 3),
                                         COL_TEXT (stmt, 5));

  ipt_comment_set_uid (comment, COL_TEXT (stmt, 0));
  ipt_comment_set_session_number (comment, _ipt_review_db_column_int_or (stmt, 2, 0));
  ipt_comment_set_created_at (comment, COL_TEXT (stmt, 4));
  return G_OBJECT (comment);
}

GPtrArray *
ipt_review_db_list_comments (IptReviewDb *self,
                             gint64       episode_id,
                             GError     **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);

  return list_records (self,
                       "SELECT uid, episode_id, session_number, author, created_at, text "
                       "FROM comments WHERE ?1 = 0 OR episode_id = ?1 "
                       "ORDER BY episode_id, created_at, uid", episode_id, comment_from_row,
                       error);
}

/* A rating column: NULL is "not rated"; anything out of range is read as the nearest rating. */
static int
column_rating (Stmt *stmt,
               int   col)
{
  return CLAMP (_ipt_review_db_column_int_or (stmt, col, IPT_REVIEW_RATING_NONE),
                IPT_REVIEW_RATING_NONE, IPT_REVIEW_RATING_MAX);
}

static GObject *
review_from_row (Stmt *stmt)
{
  IptPhase phase = IPT_PHASE_ASSESSMENT;
  IptSessionReview *review;

  ipt_phase_from_id (COL_TEXT (stmt, 3), &phase);
  review = ipt_session_review_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
                                   phase);
  ipt_session_review_set_uid (review, COL_TEXT (stmt, 0));
  ipt_session_review_set_task_ratings_text (review, COL_TEXT (stmt, 4));
  ipt_session_review_set_focus_rating (review, column_rating (stmt, 5));
  ipt_session_review_set_stance_rating (review, column_rating (stmt, 6));
  ipt_session_review_set_comment (review, COL_TEXT (stmt, 7));
  ipt_session_review_set_reviewer (review, COL_TEXT (stmt, 8));
  ipt_session_review_set_created_at (review, COL_TEXT (stmt, 9));
  return G_OBJECT (review);
}

GPtrArray *
ipt_review_db_list_session_reviews (IptReviewDb *self,
                                    gint64       episode_id,
                                    GError     **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);

  return list_records (self,
                       "SELECT uid, episode_id, session_number, phase, task_ratings, "
                       "focus_rating, stance_rating, comment, reviewer, created_at "
                       "FROM session_reviews WHERE ?1 = 0 OR episode_id = ?1 "
                       "ORDER BY episode_id, session_number, created_at, uid", episode_id,
                       review_from_row, error);
}

static GObject *
entry_from_row (Stmt *stmt)
{
  IptSupervisionEntry *entry = ipt_supervision_entry_new (sqlite3_column_int64 (stmt, 1),
                                                          COL_TEXT (stmt, 2));

  ipt_supervision_entry_set_uid (entry, COL_TEXT (stmt, 0));
  ipt_supervision_entry_set_sessions_text (entry, COL_TEXT (stmt, 3));
  ipt_supervision_entry_set_recordings_reviewed (entry, sqlite3_column_int (stmt, 4));
  ipt_supervision_entry_set_action_points (entry, COL_TEXT (stmt, 5));
  ipt_supervision_entry_set_author (entry, COL_TEXT (stmt, 6));
  ipt_supervision_entry_set_created_at (entry, COL_TEXT (stmt, 7));
  return G_OBJECT (entry);
}

GPtrArray *
ipt_review_db_list_supervision_log (IptReviewDb *self,
                                    gint64       episode_id,
                                    GError     **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);

  return list_records (self,
                       "SELECT uid, episode_id, date, sessions_discussed, recordings_reviewed, "
                       "action_points, author, created_at FROM supervision_log "
                       "WHERE ?1 = 0 OR episode_id = ?1 ORDER BY episode_id, date, created_at, uid",
                       episode_id, entry_from_row, error);
}

