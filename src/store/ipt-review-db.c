/* The review database, in memory only: created, deserialized, serialized, and its cases written. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-review-db.h"
#include "ipt-review-db-private.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "ipt-store.h"
#include "ipt-store-sql.h"


G_DEFINE_FINAL_TYPE (IptReviewDb, ipt_review_db, G_TYPE_OBJECT)

static void
ipt_review_db_finalize (GObject *object)
{
  IptReviewDb *self = (IptReviewDb *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->casebook_uid);
  g_free (self->created_at);

  G_OBJECT_CLASS (ipt_review_db_parent_class)->finalize (object);
}

static void
ipt_review_db_class_init (IptReviewDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipt_review_db_finalize;
}

static void
ipt_review_db_init (IptReviewDb *self)
{
}

gboolean
_ipt_review_db_fail (sqlite3 *db,
                     int      rc,
                     GError **error)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, _("Review database: %s"),
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

Stmt *
_ipt_review_db_prepare (IptReviewDb *self,
                        const char  *sql,
                        GError     **error)
{
  Stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _ipt_review_db_fail (self->db, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
_ipt_review_db_step_done (IptReviewDb *self,
                          Stmt        *stmt,
                          GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _ipt_review_db_fail (self->db, rc, error);
  return TRUE;
}

void
_ipt_review_db_bind_text (Stmt       *stmt,
                          int         index,
                          const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* IPT_REVIEW_WEEK_NONE, IPT_TOTAL_NONE, ... bind NULL */
void
_ipt_review_db_bind_int_or_null (Stmt *stmt,
                                 int   index,
                                 int   value,
                                 int   none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

int
_ipt_review_db_column_int_or (Stmt *stmt,
                              int   col,
                              int   none)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return none;
  return sqlite3_column_int (stmt, col);
}


gboolean
_ipt_review_db_exec (IptReviewDb *self,
                     const char  *sql,
                     GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, _("Review database: %s"),
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ipt_review_db_open_memory (IptReviewDb *self,
                            GError     **error)
{
  int rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            NULL);

  if (rc != SQLITE_OK)
    return _ipt_review_db_fail (self->db, rc, error);
  sqlite3_extended_result_codes (self->db, TRUE);
  /* the clear database never touches the disk, not even as a temporary sort file */
  return _ipt_review_db_exec (self, "PRAGMA temp_store = MEMORY", error);
}

char *
_ipt_review_db_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

IptReviewDb *
ipt_review_db_new (const char *casebook_uid,
                   GError    **error)
{
  g_autoptr(IptReviewDb) self = g_object_new (IPT_TYPE_REVIEW_DB, NULL);
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *pragma = NULL;
  g_autoptr(Stmt) stmt = NULL;

  g_return_val_if_fail (casebook_uid != NULL, NULL);

  if (!_ipt_review_db_open_memory (self, error))
    return NULL;
  schema = g_resource_lookup_data (ipt_store_sql_get_resource (),
                                   "/org/iptcasebook/IptCasebook/store/ipt-review-schema-1.sql",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (schema == NULL)
    return NULL;
  /* Our own integers: PRAGMA takes no bound parameters. */
  pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                            IPT_REVIEW_DB_APPLICATION_ID, IPT_REVIEW_DB_VERSION);
  if (!_ipt_review_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_ipt_review_db_exec (self, "BEGIN", error) ||
      !_ipt_review_db_exec (self, pragma, error) ||
      !_ipt_review_db_exec (self, g_bytes_get_data (schema, NULL), error))
    return NULL;

  self->casebook_uid = g_strdup (casebook_uid);
  self->created_at = _ipt_review_db_now_utc ();
  stmt = _ipt_review_db_prepare (self,
                                 "INSERT INTO review_info (id, casebook_uid, created_at) "
                                 "VALUES (1, ?1, ?2)",
                                 error);
  if (stmt == NULL)
    return NULL;
  _ipt_review_db_bind_text (stmt, 1, self->casebook_uid);
  _ipt_review_db_bind_text (stmt, 2, self->created_at);
  if (!_ipt_review_db_step_done (self, stmt, error) || !_ipt_review_db_exec (self, "COMMIT", error))
    return NULL;
  return g_steal_pointer (&self);
}

static int
query_pragma (IptReviewDb *self,
              const char  *sql)
{
  g_autoptr(Stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

IptReviewDb *
ipt_review_db_new_from_image (GBytes  *image,
                              GError **error)
{
  g_autoptr(IptReviewDb) self = g_object_new (IPT_TYPE_REVIEW_DB, NULL);
  g_autoptr(Stmt) stmt = NULL;
  static const char sqlite_magic[16] = "SQLite format 3";
  const guint8 *data;
  gsize size = 0;
  unsigned char *copy;
  int rc, app_id, version;

  g_return_val_if_fail (image != NULL, NULL);

  data = g_bytes_get_data (image, &size);
  if (size < 100 || memcmp (data, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK,
                           _("the review file holds no review database"));
      return NULL;
    }

  if (!_ipt_review_db_open_memory (self, error))
    return NULL;
  copy = sqlite3_malloc64 (size);
  if (copy == NULL)
    {
      _ipt_review_db_fail (NULL, SQLITE_NOMEM, error);
      return NULL;
    }
  memcpy (copy, data, size);
  rc = sqlite3_deserialize (self->db, "main", copy, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      _ipt_review_db_fail (self->db, rc, error);
      return NULL;
    }

  app_id = query_pragma (self, "PRAGMA application_id");
  version = query_pragma (self, "PRAGMA user_version");
  if (app_id != IPT_REVIEW_DB_APPLICATION_ID)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK,
                           _("the review file holds a database of another kind"));
      return NULL;
    }
  if (version > IPT_REVIEW_DB_VERSION)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_TOO_NEW,
                   _("the review file was written by a newer version of IPT Casebook (review "
                     "layout %d; this version reads up to %d)"), version, IPT_REVIEW_DB_VERSION);
      return NULL;
    }
  if (version < 1 || query_pragma (self, "SELECT 'ok' = (SELECT quick_check FROM "
                                         "pragma_quick_check)") != 1)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                           _("the review database inside the file is damaged"));
      return NULL;
    }
  if (!_ipt_review_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  stmt = _ipt_review_db_prepare (self,
                                 "SELECT casebook_uid, created_at FROM review_info WHERE id = 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                           _("the review database inside the file is damaged"));
      return NULL;
    }
  self->casebook_uid = g_strdup (COL_TEXT (stmt, 0));
  self->created_at = g_strdup (COL_TEXT (stmt, 1));
  return g_steal_pointer (&self);
}

static void
free_image (gpointer data)
{
  sqlite3_free (data);
}

GBytes *
ipt_review_db_serialize (IptReviewDb *self,
                         GError     **error)
{
  sqlite3_int64 size = 0;
  unsigned char *data;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);

  data = sqlite3_serialize (self->db, "main", &size, 0);
  if (data == NULL)
    {
      _ipt_review_db_fail (self->db, SQLITE_NOMEM, error);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, size, free_image, data);
}

const char *
ipt_review_db_get_casebook_uid (IptReviewDb *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);
  return self->casebook_uid;
}

const char *
ipt_review_db_get_created_at (IptReviewDb *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);
  return self->created_at;
}

/* Cases */

static const char *
focus_id (IptFocus focus)
{
  return focus == IPT_FOCUS_NONE ? NULL : ipt_focus_to_id (focus);
}

static gboolean
insert_case_row (IptReviewDb         *self,
                 const IptReviewCase *rc,
                 GError             **error)
{
  g_autoptr(Stmt) stmt = _ipt_review_db_prepare (self,
    "INSERT INTO cases (episode_id, code, status, planned_sessions, assessment_end, middle_end, "
    "focus, secondary_focus, dispute_stage, focus_person, agreed_week, weeks_running, "
    "sessions_attended, current_session, phase, progress_text, shared, formulation, old_role, "
    "new_role, outcome, outcome_rule, finished_treatment, caseness, recovery, "
    "reliable_improvement, reliable_deterioration, reliable_recovery, has_gad7, phq9_first, "
    "phq9_last, gad7_first, gad7_last, n_phq9, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
    "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
    "?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, (SELECT count(*) FROM cases))", error);
  const IptOutcome *o = rc->outcome;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rc->episode_id);
  _ipt_review_db_bind_text (stmt, 2, rc->code);
  _ipt_review_db_bind_text (stmt, 3, ipt_episode_status_to_id (rc->status));
  sqlite3_bind_int (stmt, 4, rc->planned_sessions);
  sqlite3_bind_int (stmt, 5, rc->assessment_end);
  sqlite3_bind_int (stmt, 6, rc->middle_end);
  _ipt_review_db_bind_text (stmt, 7, focus_id (rc->focus));
  _ipt_review_db_bind_text (stmt, 8, focus_id (rc->secondary_focus));
  _ipt_review_db_bind_text (stmt, 9, rc->dispute_stage == IPT_DISPUTE_STAGE_NONE
                            ? NULL : ipt_dispute_stage_to_id (rc->dispute_stage));
  _ipt_review_db_bind_text (stmt, 10, rc->focus_person);
  _ipt_review_db_bind_int_or_null (stmt, 11, rc->agreed_week, IPT_REVIEW_WEEK_NONE);
  sqlite3_bind_int (stmt, 12, rc->weeks_running);
  sqlite3_bind_int (stmt, 13, rc->sessions_attended);
  sqlite3_bind_int (stmt, 14, rc->current_session);
  _ipt_review_db_bind_text (stmt, 15, ipt_phase_to_id (rc->phase));
  _ipt_review_db_bind_text (stmt, 16, rc->progress_text != NULL ? rc->progress_text : "");
  sqlite3_bind_int (stmt, 17, rc->shared);
  _ipt_review_db_bind_text (stmt, 18, rc->formulation);
  _ipt_review_db_bind_text (stmt, 19, rc->old_role);
  _ipt_review_db_bind_text (stmt, 20, rc->new_role);
  if (o != NULL)
    {
      _ipt_review_db_bind_text (stmt, 21, ipt_outcome_category_to_id (o->category));
      _ipt_review_db_bind_text (stmt, 22, o->rule);
      sqlite3_bind_int (stmt, 23, o->finished_treatment);
      sqlite3_bind_int (stmt, 24, o->caseness);
      sqlite3_bind_int (stmt, 25, o->recovery);
      sqlite3_bind_int (stmt, 26, o->reliable_improvement);
      sqlite3_bind_int (stmt, 27, o->reliable_deterioration);
      sqlite3_bind_int (stmt, 28, o->reliable_recovery);
      sqlite3_bind_int (stmt, 29, o->has_gad7);
      _ipt_review_db_bind_int_or_null (stmt, 30, o->phq9_first, IPT_TOTAL_NONE);
      _ipt_review_db_bind_int_or_null (stmt, 31, o->phq9_last, IPT_TOTAL_NONE);
      _ipt_review_db_bind_int_or_null (stmt, 32, o->gad7_first, IPT_TOTAL_NONE);
      _ipt_review_db_bind_int_or_null (stmt, 33, o->gad7_last, IPT_TOTAL_NONE);
      sqlite3_bind_int (stmt, 34, o->n_phq9);
    }
  return _ipt_review_db_step_done (self, stmt, error);
}

static gboolean
insert_case_details (IptReviewDb         *self,
                     const IptReviewCase *rc,
                     GError             **error)
{
  g_autoptr(Stmt) session = _ipt_review_db_prepare (self,
    "INSERT INTO sessions (episode_id, number, week, attendance, attendees, duration, phase, "
    "tasks_done, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  g_autoptr(Stmt) score = _ipt_review_db_prepare (self,
    "INSERT INTO scores (episode_id, session, measure, total, risk_item) "
    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  g_autoptr(Stmt) person = _ipt_review_db_prepare (self,
    "INSERT INTO people (episode_id, position, label, ring, ideal_ring, knows_about_mood, notes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  g_autoptr(Stmt) event = _ipt_review_db_prepare (self,
    "INSERT INTO life_events (episode_id, position, week, impact, person, title) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autoptr(Stmt) goal = _ipt_review_db_prepare (self,
    "INSERT INTO goals (episode_id, position, text, first_rating, latest_rating) "
    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  g_autoptr(Stmt) signal = _ipt_review_db_prepare (self,
    "INSERT INTO signals (episode_id, position, kind, rule) VALUES (?1, ?2, ?3, ?4)", error);

  if (session == NULL || score == NULL || person == NULL || event == NULL || goal == NULL ||
      signal == NULL)
    return FALSE;

  for (guint i = 0; i < rc->sessions->len; i++)
    {
      const IptReviewSession *s = &g_array_index (rc->sessions, IptReviewSession, i);

      sqlite3_reset (session);
      sqlite3_bind_int64 (session, 1, rc->episode_id);
      sqlite3_bind_int (session, 2, s->number);
      _ipt_review_db_bind_int_or_null (session, 3, s->week, IPT_REVIEW_WEEK_NONE);
      _ipt_review_db_bind_text (session, 4, ipt_attendance_to_id (s->attendance));
      _ipt_review_db_bind_text (session, 5, ipt_attendees_to_id (s->attendees));
      _ipt_review_db_bind_int_or_null (session, 6, s->duration, 0);
      _ipt_review_db_bind_text (session, 7, ipt_phase_to_id (s->phase));
      sqlite3_bind_int (session, 8, s->tasks_done);
      _ipt_review_db_bind_text (session, 9, s->note);
      if (!_ipt_review_db_step_done (self, session, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->scores->len; i++)
    {
      const IptReviewScore *s = &g_array_index (rc->scores, IptReviewScore, i);

      sqlite3_reset (score);
      sqlite3_bind_int64 (score, 1, rc->episode_id);
      sqlite3_bind_int (score, 2, s->session);
      _ipt_review_db_bind_text (score, 3, s->measure);
      _ipt_review_db_bind_int_or_null (score, 4, s->total, IPT_TOTAL_NONE);
      _ipt_review_db_bind_int_or_null (score, 5, s->risk_item, IPT_ITEM_MISSING);
      if (!_ipt_review_db_step_done (self, score, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->people->len; i++)
    {
      const IptReviewPerson *p = &g_array_index (rc->people, IptReviewPerson, i);

      sqlite3_reset (person);
      sqlite3_bind_int64 (person, 1, rc->episode_id);
      sqlite3_bind_int (person, 2, i);
      _ipt_review_db_bind_text (person, 3, p->label);
      sqlite3_bind_int (person, 4, p->ring);
      _ipt_review_db_bind_int_or_null (person, 5, p->ideal_ring, 0);
      sqlite3_bind_int (person, 6, p->knows_about_mood);
      _ipt_review_db_bind_text (person, 7, p->notes);
      if (!_ipt_review_db_step_done (self, person, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->events->len; i++)
    {
      const IptReviewEvent *e = &g_array_index (rc->events, IptReviewEvent, i);

      sqlite3_reset (event);
      sqlite3_bind_int64 (event, 1, rc->episode_id);
      sqlite3_bind_int (event, 2, i);
      _ipt_review_db_bind_int_or_null (event, 3, e->week, IPT_REVIEW_WEEK_NONE);
      sqlite3_bind_int (event, 4, e->impact);
      _ipt_review_db_bind_text (event, 5, e->person);
      _ipt_review_db_bind_text (event, 6, e->title);
      if (!_ipt_review_db_step_done (self, event, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->goals->len; i++)
    {
      const IptReviewGoal *g = &g_array_index (rc->goals, IptReviewGoal, i);

      sqlite3_reset (goal);
      sqlite3_bind_int64 (goal, 1, rc->episode_id);
      sqlite3_bind_int (goal, 2, i);
      _ipt_review_db_bind_text (goal, 3, g->text);
      _ipt_review_db_bind_int_or_null (goal, 4, g->first_rating, IPT_GOAL_RATING_NONE);
      _ipt_review_db_bind_int_or_null (goal, 5, g->latest_rating, IPT_GOAL_RATING_NONE);
      if (!_ipt_review_db_step_done (self, goal, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->signals->len; i++)
    {
      const IptSignal *s = g_ptr_array_index (rc->signals, i);

      sqlite3_reset (signal);
      sqlite3_bind_int64 (signal, 1, rc->episode_id);
      sqlite3_bind_int (signal, 2, i);
      _ipt_review_db_bind_text (signal, 3, ipt_signal_kind_to_id (s->kind));
      _ipt_review_db_bind_text (signal, 4, s->rule != NULL ? s->rule : "");
      if (!_ipt_review_db_step_done (self, signal, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ipt_review_db_add_case (IptReviewDb         *self,
                        const IptReviewCase *review_case,
                        GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), FALSE);
  g_return_val_if_fail (review_case != NULL, FALSE);

  if (!_ipt_review_db_exec (self, "SAVEPOINT add_case", error))
    return FALSE;
  ok = insert_case_row (self, review_case, error) &&
       insert_case_details (self, review_case, error);
  for (guint i = 0; ok && i < review_case->comments->len; i++)
    ok = ipt_review_db_add_comment (self, g_ptr_array_index (review_case->comments, i), error);
  for (guint i = 0; ok && i < review_case->session_reviews->len; i++)
    ok = ipt_review_db_add_session_review (self,
                                           g_ptr_array_index (review_case->session_reviews, i),
                                           error);
  for (guint i = 0; ok && i < review_case->supervision_log->len; i++)
    ok = ipt_review_db_add_supervision_entry (self,
                                              g_ptr_array_index (review_case->supervision_log, i),
                                              error);
  if (!ok)
    _ipt_review_db_exec (self, "ROLLBACK TO add_case", NULL);
  _ipt_review_db_exec (self, "RELEASE add_case", NULL);
  return ok;
}

