/* Supervision records of the casebook: session reviews, the supervision log, merged comments. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-supervision.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

char *
ipt_store_get_casebook_uid (IptStore *self,
                            GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self, "SELECT uid FROM casebook_identity WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (COL_TEXT (stmt, 0));
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                           _("The casebook has lost its identity record"));
      return NULL;
    }
  _ipt_store_fail (self, rc, error);
  return NULL;
}

static void
ensure_created_at (GObject *record)
{
  g_autofree char *created_at = NULL;

  g_object_get (record, "created-at", &created_at, NULL);
  if (created_at == NULL)
    {
      g_autofree char *now = _ipt_store_now ();

      g_object_set (record, "created-at", now, NULL);
    }
}

/* Session reviews */

#define REVIEW_COLUMNS "id, episode_id, session_number, phase, task_ratings, focus_rating, " \
                       "stance_rating, comment, reviewer, created_at, review_uid"

static void
bind_rating (IptStmt *stmt,
             int      index,
             int      rating)
{
  if (rating == IPT_REVIEW_RATING_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, rating);
}

static void
bind_review (IptStmt *stmt,
             gpointer record)
{
  IptSessionReview *review = record;
  char *ratings = ipt_session_review_get_task_ratings_text (review);

  sqlite3_bind_int64 (stmt, 2, ipt_session_review_get_episode_id (review));
  sqlite3_bind_int (stmt, 3, ipt_session_review_get_session_number (review));
  _ipt_bind_text (stmt, 4, ipt_phase_to_id (ipt_session_review_get_phase (review)));
  sqlite3_bind_text (stmt, 5, ratings, -1, g_free);
  bind_rating (stmt, 6, ipt_session_review_get_focus_rating (review));
  bind_rating (stmt, 7, ipt_session_review_get_stance_rating (review));
  _ipt_bind_optional_text (stmt, 8, ipt_session_review_get_comment (review));
  _ipt_bind_optional_text (stmt, 9, ipt_session_review_get_reviewer (review));
  _ipt_bind_text (stmt, 10, ipt_session_review_get_created_at (review));
  _ipt_bind_optional_text (stmt, 11, ipt_session_review_get_uid (review));
}

static const char REVIEW_INSERT[] =
  "INSERT INTO session_reviews (episode_id, session_number, phase, task_ratings, focus_rating, "
  "stance_rating, comment, reviewer, created_at, review_uid, unread) "
  "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

gboolean
ipt_store_save_session_review (IptStore         *self,
                               IptSessionReview *review,
                               GError          **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (review), FALSE);

  if (!ipt_session_review_validate (review, &model_error))
    return _ipt_store_model_refused (&model_error, error);
  ensure_created_at (G_OBJECT (review));

  id = ipt_session_review_get_id (review);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO session_reviews (episode_id, session_number, phase, "
                               "task_ratings, focus_rating, stance_rating, comment, reviewer, "
                               "created_at, review_uid) "
                               "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                               "UPDATE session_reviews SET episode_id = ?2, session_number = ?3, "
                               "phase = ?4, task_ratings = ?5, focus_rating = ?6, "
                               "stance_rating = ?7, comment = ?8, reviewer = ?9, "
                               "created_at = ?10, review_uid = ?11 WHERE id = ?1",
                               "session review", bind_review, review, error))
    return FALSE;

  ipt_session_review_set_id (review, id);
  return TRUE;
}

static int
column_rating (IptStmt *stmt,
               int      col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return IPT_REVIEW_RATING_NONE;
  return CLAMP (sqlite3_column_int (stmt, col), 0, IPT_REVIEW_RATING_MAX);
}

static GObject *
review_from_row (IptStmt *stmt)
{
  IptPhase phase = IPT_PHASE_ASSESSMENT;
  IptSessionReview *review;

  ipt_phase_from_id (COL_TEXT (stmt, 3), &phase);
  review = ipt_session_review_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
                                   phase);
  ipt_session_review_set_id (review, sqlite3_column_int64 (stmt, 0));
  /* A CHECK keeps the characters valid; a text of another length leaves the tasks unrated. */
  ipt_session_review_set_task_ratings_text (review, COL_TEXT (stmt, 4));
  ipt_session_review_set_focus_rating (review, column_rating (stmt, 5));
  ipt_session_review_set_stance_rating (review, column_rating (stmt, 6));
  ipt_session_review_set_comment (review, COL_TEXT (stmt, 7));
  ipt_session_review_set_reviewer (review, COL_TEXT (stmt, 8));
  ipt_session_review_set_created_at (review, COL_TEXT (stmt, 9));
  ipt_session_review_set_uid (review, COL_TEXT (stmt, 10));
  return G_OBJECT (review);
}

GPtrArray *
ipt_store_list_session_reviews (IptStore *self,
                                gint64    episode_id,
                                GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT " REVIEW_COLUMNS " FROM session_reviews "
                                "WHERE episode_id = ?1 ORDER BY session_number, created_at, id",
                                episode_id, review_from_row, error);
}

/* The supervision log */

#define ENTRY_COLUMNS "id, episode_id, date, sessions_discussed, recordings_reviewed, " \
                      "action_points, author, created_at, review_uid"

static void
bind_entry (IptStmt *stmt,
            gpointer record)
{
  IptSupervisionEntry *entry = record;

  sqlite3_bind_int64 (stmt, 2, ipt_supervision_entry_get_episode_id (entry));
  _ipt_bind_text (stmt, 3, ipt_supervision_entry_get_date (entry));
  sqlite3_bind_text (stmt, 4, ipt_supervision_entry_get_sessions_text (entry), -1, g_free);
  sqlite3_bind_int64 (stmt, 5, ipt_supervision_entry_get_recordings_reviewed (entry));
  _ipt_bind_optional_text (stmt, 6, ipt_supervision_entry_get_action_points (entry));
  _ipt_bind_optional_text (stmt, 7, ipt_supervision_entry_get_author (entry));
  _ipt_bind_text (stmt, 8, ipt_supervision_entry_get_created_at (entry));
  _ipt_bind_optional_text (stmt, 9, ipt_supervision_entry_get_uid (entry));
}

static const char ENTRY_INSERT[] =
  "INSERT INTO supervision_log (episode_id, date, sessions_discussed, recordings_reviewed, "
  "action_points, author, created_at, review_uid, unread) "
  "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12)";

gboolean
ipt_store_save_supervision_entry (IptStore            *self,
                                  IptSupervisionEntry *entry,
                                  GError             **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (entry), FALSE);

  if (!ipt_supervision_entry_validate (entry, &model_error))
    return _ipt_store_model_refused (&model_error, error);
  ensure_created_at (G_OBJECT (entry));

  id = ipt_supervision_entry_get_id (entry);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO supervision_log (episode_id, date, "
                               "sessions_discussed, recordings_reviewed, action_points, author, "
                               "created_at, review_uid) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               "UPDATE supervision_log SET episode_id = ?2, date = ?3, "
                               "sessions_discussed = ?4, recordings_reviewed = ?5, "
                               "action_points = ?6, author = ?7, created_at = ?8, "
                               "review_uid = ?9 WHERE id = ?1",
                               "supervision log entry", bind_entry, entry, error))
    return FALSE;

  ipt_supervision_entry_set_id (entry, id);
  return TRUE;
}

static GObject *
entry_from_row (IptStmt *stmt)
{
  IptSupervisionEntry *entry = ipt_supervision_entry_new (sqlite3_column_int64 (stmt, 1),
                                                          COL_TEXT (stmt, 2));

  ipt_supervision_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  ipt_supervision_entry_set_sessions_text (entry, COL_TEXT (stmt, 3));
  ipt_supervision_entry_set_recordings_reviewed (entry, sqlite3_column_int (stmt, 4));
  ipt_supervision_entry_set_action_points (entry, COL_TEXT (stmt, 5));
  ipt_supervision_entry_set_author (entry, COL_TEXT (stmt, 6));
  ipt_supervision_entry_set_created_at (entry, COL_TEXT (stmt, 7));
  ipt_supervision_entry_set_uid (entry, COL_TEXT (stmt, 8));
  return G_OBJECT (entry);
}

GPtrArray *
ipt_store_list_supervision_log (IptStore *self,
                                gint64    episode_id,
                                GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT " ENTRY_COLUMNS " FROM supervision_log "
                                "WHERE episode_id = ?1 ORDER BY date, created_at, id",
                                episode_id, entry_from_row, error);
}

/* Merging a review file's records */

/* Is a record with this uid already in the table? */
static gboolean
uid_known (IptStore   *self,
           const char *sql,
           const char *uid,
           gboolean   *known,
           GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _ipt_bind_text (stmt, 1, uid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  *known = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
episode_exists (IptStore *self,
                gint64    episode_id,
                GError  **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, "SELECT 1 FROM episodes WHERE id = ?1",
                                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return _ipt_store_not_found (error, "course", episode_id);
}

typedef struct
{
  const char *exists_sql;
  const char *insert_sql;
  void      (*bind) (IptStmt *, gpointer);
  gboolean  (*validate) (gpointer record, GError **error);
  guint      *added;
} MergeKind;

static gboolean
validate_comment (gpointer record, GError **error)
{
  return ipt_comment_validate (record, error);
}

static gboolean
validate_review (gpointer record, GError **error)
{
  return ipt_session_review_validate (record, error);
}

static gboolean
validate_entry (gpointer record, GError **error)
{
  return ipt_supervision_entry_validate (record, error);
}

static void
bind_merged_comment (IptStmt *stmt,
                     gpointer record)
{
  IptComment *comment = record;

  sqlite3_bind_int64 (stmt, 2, ipt_comment_get_episode_id (comment));
  if (ipt_comment_get_session_number (comment) > 0)
    sqlite3_bind_int (stmt, 3, ipt_comment_get_session_number (comment));
  _ipt_bind_optional_text (stmt, 4, ipt_comment_get_author (comment));
  _ipt_bind_text (stmt, 5, ipt_comment_get_created_at (comment));
  _ipt_bind_text (stmt, 6, ipt_comment_get_text (comment));
  _ipt_bind_text (stmt, 7, ipt_comment_get_uid (comment));
}

static const char COMMENT_INSERT[] =
  "INSERT INTO comments (episode_id, session_number, author, created_at, text, review_uid, "
  "unread) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?12)";

static gboolean
merge_records (IptStore        *self,
               GPtrArray       *records,
               const MergeKind *kind,
               guint           *n_unchanged,
               GError         **error)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      GObject *record = g_ptr_array_index (records, i);
      g_autoptr(GError) model_error = NULL;
      g_autoptr(IptStmt) stmt = NULL;
      g_autofree char *uid = NULL;
      gint64 episode_id = 0;
      gboolean known = FALSE;

      g_object_get (record, "uid", &uid, "episode-id", &episode_id, NULL);
      if (uid == NULL || uid[0] == '\0')
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                               _("A record to merge has no review id"));
          return FALSE;
        }
      if (!kind->validate (record, &model_error))
        return _ipt_store_model_refused (&model_error, error);
      if (!uid_known (self, kind->exists_sql, uid, &known, error))
        return FALSE;
      if (known)
        {
          (*n_unchanged)++;
          continue;
        }
      if (!episode_exists (self, episode_id, error))
        return FALSE;
      ensure_created_at (record);

      stmt = _ipt_store_prepare (self, kind->insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      kind->bind (stmt, record);
      sqlite3_bind_int (stmt, 12, 1);   /* unread */
      if (!_ipt_store_step_done (self, stmt, error))
        return FALSE;
      (*kind->added)++;
    }
  return TRUE;
}

gboolean
ipt_store_merge_supervision (IptStore            *self,
                             GPtrArray           *comments,
                             GPtrArray           *reviews,
                             GPtrArray           *entries,
                             IptSupervisionMerge *summary,
                             GError             **error)
{
  IptSupervisionMerge counts = { 0, };
  const MergeKind kinds[] = {
    { "SELECT 1 FROM comments WHERE review_uid = ?1", COMMENT_INSERT, bind_merged_comment,
      validate_comment, &counts.n_comments },
    { "SELECT 1 FROM session_reviews WHERE review_uid = ?1", REVIEW_INSERT, bind_review,
      validate_review, &counts.n_reviews },
    { "SELECT 1 FROM supervision_log WHERE review_uid = ?1", ENTRY_INSERT, bind_entry,
      validate_entry, &counts.n_entries },
  };
  GPtrArray *lists[] = { comments, reviews, entries };
  gboolean ok = TRUE;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  for (guint k = 0; ok && k < G_N_ELEMENTS (kinds); k++)
    ok = merge_records (self, lists[k], &kinds[k], &counts.n_unchanged, error);
  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  if (summary != NULL)
    *summary = counts;
  return TRUE;
}

static GObject *
merged_comment_from_row (IptStmt *stmt)
{
  IptComment *comment = ipt_comment_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 3),
                                         COL_TEXT (stmt, 5));

  ipt_comment_set_id (comment, sqlite3_column_int64 (stmt, 0));
  ipt_comment_set_session_number (comment, sqlite3_column_int (stmt, 2));
  ipt_comment_set_created_at (comment, COL_TEXT (stmt, 4));
  ipt_comment_set_uid (comment, COL_TEXT (stmt, 6));
  return G_OBJECT (comment);
}

gboolean
ipt_store_list_merged_supervision (IptStore   *self,
                                   gint64      episode_id,
                                   GPtrArray **comments,
                                   GPtrArray **reviews,
                                   GPtrArray **entries,
                                   GError    **error)
{
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) r = NULL;
  g_autoptr(GPtrArray) e = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (comments != NULL && reviews != NULL && entries != NULL, FALSE);

  c = _ipt_store_list_by_id (self,
                             "SELECT id, episode_id, session_number, author, created_at, text, "
                             "review_uid FROM comments "
                             "WHERE episode_id = ?1 AND review_uid IS NOT NULL "
                             "ORDER BY created_at, id", episode_id, merged_comment_from_row, error);
  if (c == NULL)
    return FALSE;
  r = _ipt_store_list_by_id (self,
                             "SELECT " REVIEW_COLUMNS " FROM session_reviews "
                             "WHERE episode_id = ?1 AND review_uid IS NOT NULL "
                             "ORDER BY session_number, created_at, id",
                             episode_id, review_from_row, error);
  if (r == NULL)
    return FALSE;
  e = _ipt_store_list_by_id (self,
                             "SELECT " ENTRY_COLUMNS " FROM supervision_log "
                             "WHERE episode_id = ?1 AND review_uid IS NOT NULL "
                             "ORDER BY date, created_at, id", episode_id, entry_from_row, error);
  if (e == NULL)
    return FALSE;

  *comments = g_steal_pointer (&c);
  *reviews = g_steal_pointer (&r);
  *entries = g_steal_pointer (&e);
  return TRUE;
}

guint
ipt_store_count_unread_supervision (IptStore *self,
                                    gint64    episode_id,
                                    GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), 0);

  stmt = _ipt_store_prepare (self,
                             "SELECT (SELECT count(*) FROM comments "
                             "        WHERE episode_id = ?1 AND unread = 1) + "
                             "       (SELECT count(*) FROM session_reviews "
                             "        WHERE episode_id = ?1 AND unread = 1) + "
                             "       (SELECT count(*) FROM supervision_log "
                             "        WHERE episode_id = ?1 AND unread = 1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      return 0;
    }
  return (guint) sqlite3_column_int (stmt, 0);
}

gboolean
ipt_store_mark_supervision_read (IptStore *self,
                                 gint64    episode_id,
                                 GError  **error)
{
  static const char * const sql[] = {
    "UPDATE comments SET unread = 0 WHERE episode_id = ?1 AND unread = 1",
    "UPDATE session_reviews SET unread = 0 WHERE episode_id = ?1 AND unread = 1",
    "UPDATE supervision_log SET unread = 0 WHERE episode_id = ?1 AND unread = 1",
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql[i], error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, episode_id);
          ok = _ipt_store_step_done (self, stmt, error);
        }
    }
  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}
