/* The review database, in memory only: created, filled, serialized, deserialized and read. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-review-db.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "ipt-store.h"
#include "ipt-store-sql.h"

struct _IptReviewDb
{
  GObject parent_instance;

  sqlite3 *db;
  char *casebook_uid;
  char *created_at;
};

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

static gboolean
fail (sqlite3 *db,
      int      rc,
      GError **error)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, _("Review database: %s"),
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

typedef sqlite3_stmt Stmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stmt, sqlite3_finalize)

static Stmt *
prepare (IptReviewDb *self,
         const char  *sql,
         GError     **error)
{
  Stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      fail (self->db, rc, error);
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (IptReviewDb *self,
           Stmt        *stmt,
           GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return fail (self->db, rc, error);
  return TRUE;
}

static void
bind_text (Stmt       *stmt,
           int         index,
           const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* IPT_REVIEW_WEEK_NONE, IPT_TOTAL_NONE, ... bind NULL */
static void
bind_int_or_null (Stmt *stmt,
                  int   index,
                  int   value,
                  int   none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

static int
column_int_or (Stmt *stmt,
               int   col,
               int   none)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return none;
  return sqlite3_column_int (stmt, col);
}

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

static gboolean
exec (IptReviewDb *self,
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

static gboolean
open_memory (IptReviewDb *self,
             GError     **error)
{
  int rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            NULL);

  if (rc != SQLITE_OK)
    return fail (self->db, rc, error);
  sqlite3_extended_result_codes (self->db, TRUE);
  /* the clear database never touches the disk, not even as a temporary sort file */
  return exec (self, "PRAGMA temp_store = MEMORY", error);
}

static char *
now_utc (void)
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

  if (!open_memory (self, error))
    return NULL;
  schema = g_resource_lookup_data (ipt_store_sql_get_resource (),
                                   "/org/iptcasebook/IptCasebook/store/ipt-review-schema-1.sql",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (schema == NULL)
    return NULL;
  /* Our own integers: PRAGMA takes no bound parameters. */
  pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                            IPT_REVIEW_DB_APPLICATION_ID, IPT_REVIEW_DB_VERSION);
  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "BEGIN", error) ||
      !exec (self, pragma, error) ||
      !exec (self, g_bytes_get_data (schema, NULL), error))
    return NULL;

  self->casebook_uid = g_strdup (casebook_uid);
  self->created_at = now_utc ();
  stmt = prepare (self, "INSERT INTO review_info (id, casebook_uid, created_at) VALUES (1, ?1, ?2)",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, self->casebook_uid);
  bind_text (stmt, 2, self->created_at);
  if (!step_done (self, stmt, error) || !exec (self, "COMMIT", error))
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

  if (!open_memory (self, error))
    return NULL;
  copy = sqlite3_malloc64 (size);
  if (copy == NULL)
    {
      fail (NULL, SQLITE_NOMEM, error);
      return NULL;
    }
  memcpy (copy, data, size);
  rc = sqlite3_deserialize (self->db, "main", copy, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      fail (self->db, rc, error);
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
  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  stmt = prepare (self, "SELECT casebook_uid, created_at FROM review_info WHERE id = 1", error);
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
      fail (self->db, SQLITE_NOMEM, error);
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
  g_autoptr(Stmt) stmt = prepare (self,
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
  bind_text (stmt, 2, rc->code);
  bind_text (stmt, 3, ipt_episode_status_to_id (rc->status));
  sqlite3_bind_int (stmt, 4, rc->planned_sessions);
  sqlite3_bind_int (stmt, 5, rc->assessment_end);
  sqlite3_bind_int (stmt, 6, rc->middle_end);
  bind_text (stmt, 7, focus_id (rc->focus));
  bind_text (stmt, 8, focus_id (rc->secondary_focus));
  bind_text (stmt, 9, rc->dispute_stage == IPT_DISPUTE_STAGE_NONE
                      ? NULL : ipt_dispute_stage_to_id (rc->dispute_stage));
  bind_text (stmt, 10, rc->focus_person);
  bind_int_or_null (stmt, 11, rc->agreed_week, IPT_REVIEW_WEEK_NONE);
  sqlite3_bind_int (stmt, 12, rc->weeks_running);
  sqlite3_bind_int (stmt, 13, rc->sessions_attended);
  sqlite3_bind_int (stmt, 14, rc->current_session);
  bind_text (stmt, 15, ipt_phase_to_id (rc->phase));
  bind_text (stmt, 16, rc->progress_text != NULL ? rc->progress_text : "");
  sqlite3_bind_int (stmt, 17, rc->shared);
  bind_text (stmt, 18, rc->formulation);
  bind_text (stmt, 19, rc->old_role);
  bind_text (stmt, 20, rc->new_role);
  if (o != NULL)
    {
      bind_text (stmt, 21, ipt_outcome_category_to_id (o->category));
      bind_text (stmt, 22, o->rule);
      sqlite3_bind_int (stmt, 23, o->finished_treatment);
      sqlite3_bind_int (stmt, 24, o->caseness);
      sqlite3_bind_int (stmt, 25, o->recovery);
      sqlite3_bind_int (stmt, 26, o->reliable_improvement);
      sqlite3_bind_int (stmt, 27, o->reliable_deterioration);
      sqlite3_bind_int (stmt, 28, o->reliable_recovery);
      sqlite3_bind_int (stmt, 29, o->has_gad7);
      bind_int_or_null (stmt, 30, o->phq9_first, IPT_TOTAL_NONE);
      bind_int_or_null (stmt, 31, o->phq9_last, IPT_TOTAL_NONE);
      bind_int_or_null (stmt, 32, o->gad7_first, IPT_TOTAL_NONE);
      bind_int_or_null (stmt, 33, o->gad7_last, IPT_TOTAL_NONE);
      sqlite3_bind_int (stmt, 34, o->n_phq9);
    }
  return step_done (self, stmt, error);
}

static gboolean
insert_case_details (IptReviewDb         *self,
                     const IptReviewCase *rc,
                     GError             **error)
{
  g_autoptr(Stmt) session = prepare (self,
    "INSERT INTO sessions (episode_id, number, week, attendance, attendees, duration, phase, "
    "tasks_done, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  g_autoptr(Stmt) score = prepare (self,
    "INSERT INTO scores (episode_id, session, measure, total, risk_item) "
    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  g_autoptr(Stmt) person = prepare (self,
    "INSERT INTO people (episode_id, position, label, ring, ideal_ring, knows_about_mood, notes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  g_autoptr(Stmt) event = prepare (self,
    "INSERT INTO life_events (episode_id, position, week, impact, person, title) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autoptr(Stmt) goal = prepare (self,
    "INSERT INTO goals (episode_id, position, text, first_rating, latest_rating) "
    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  g_autoptr(Stmt) signal = prepare (self,
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
      bind_int_or_null (session, 3, s->week, IPT_REVIEW_WEEK_NONE);
      bind_text (session, 4, ipt_attendance_to_id (s->attendance));
      bind_text (session, 5, ipt_attendees_to_id (s->attendees));
      bind_int_or_null (session, 6, s->duration, 0);
      bind_text (session, 7, ipt_phase_to_id (s->phase));
      sqlite3_bind_int (session, 8, s->tasks_done);
      bind_text (session, 9, s->note);
      if (!step_done (self, session, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->scores->len; i++)
    {
      const IptReviewScore *s = &g_array_index (rc->scores, IptReviewScore, i);

      sqlite3_reset (score);
      sqlite3_bind_int64 (score, 1, rc->episode_id);
      sqlite3_bind_int (score, 2, s->session);
      bind_text (score, 3, s->measure);
      bind_int_or_null (score, 4, s->total, IPT_TOTAL_NONE);
      bind_int_or_null (score, 5, s->risk_item, IPT_ITEM_MISSING);
      if (!step_done (self, score, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->people->len; i++)
    {
      const IptReviewPerson *p = &g_array_index (rc->people, IptReviewPerson, i);

      sqlite3_reset (person);
      sqlite3_bind_int64 (person, 1, rc->episode_id);
      sqlite3_bind_int (person, 2, i);
      bind_text (person, 3, p->label);
      sqlite3_bind_int (person, 4, p->ring);
      bind_int_or_null (person, 5, p->ideal_ring, 0);
      sqlite3_bind_int (person, 6, p->knows_about_mood);
      bind_text (person, 7, p->notes);
      if (!step_done (self, person, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->events->len; i++)
    {
      const IptReviewEvent *e = &g_array_index (rc->events, IptReviewEvent, i);

      sqlite3_reset (event);
      sqlite3_bind_int64 (event, 1, rc->episode_id);
      sqlite3_bind_int (event, 2, i);
      bind_int_or_null (event, 3, e->week, IPT_REVIEW_WEEK_NONE);
      sqlite3_bind_int (event, 4, e->impact);
      bind_text (event, 5, e->person);
      bind_text (event, 6, e->title);
      if (!step_done (self, event, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->goals->len; i++)
    {
      const IptReviewGoal *g = &g_array_index (rc->goals, IptReviewGoal, i);

      sqlite3_reset (goal);
      sqlite3_bind_int64 (goal, 1, rc->episode_id);
      sqlite3_bind_int (goal, 2, i);
      bind_text (goal, 3, g->text);
      bind_int_or_null (goal, 4, g->first_rating, IPT_GOAL_RATING_NONE);
      bind_int_or_null (goal, 5, g->latest_rating, IPT_GOAL_RATING_NONE);
      if (!step_done (self, goal, error))
        return FALSE;
    }
  for (guint i = 0; i < rc->signals->len; i++)
    {
      const IptSignal *s = g_ptr_array_index (rc->signals, i);

      sqlite3_reset (signal);
      sqlite3_bind_int64 (signal, 1, rc->episode_id);
      sqlite3_bind_int (signal, 2, i);
      bind_text (signal, 3, ipt_signal_kind_to_id (s->kind));
      bind_text (signal, 4, s->rule != NULL ? s->rule : "");
      if (!step_done (self, signal, error))
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

  if (!exec (self, "SAVEPOINT add_case", error))
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
    exec (self, "ROLLBACK TO add_case", NULL);
  exec (self, "RELEASE add_case", NULL);
  return ok;
}

static gboolean
enum_from_id (const char *id,
              const char *(*to_id) (int),
              int          n_values,
              int         *out)
{
  for (int v = 0; id != NULL && v < n_values; v++)
    {
      const char *candidate = to_id (v);

      if (candidate != NULL && strcmp (candidate, id) == 0)
        {
          *out = v;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
outcome_to_id (int value)
{
  return ipt_outcome_category_to_id (value);
}

static const char *
signal_to_id (int value)
{
  return ipt_signal_kind_to_id (value);
}

static IptReviewCase *
case_from_row (Stmt *stmt)
{
  IptReviewCase *rc = ipt_review_case_new (COL_TEXT (stmt, 1));
  int category;

  rc->episode_id = sqlite3_column_int64 (stmt, 0);
  ipt_episode_status_from_id (COL_TEXT (stmt, 2), &rc->status);
  rc->planned_sessions = sqlite3_column_int (stmt, 3);
  rc->assessment_end = sqlite3_column_int (stmt, 4);
  rc->middle_end = sqlite3_column_int (stmt, 5);
  rc->focus = IPT_FOCUS_NONE;
  ipt_focus_from_id (COL_TEXT (stmt, 6), &rc->focus);
  rc->secondary_focus = IPT_FOCUS_NONE;
  ipt_focus_from_id (COL_TEXT (stmt, 7), &rc->secondary_focus);
  rc->dispute_stage = IPT_DISPUTE_STAGE_NONE;
  ipt_dispute_stage_from_id (COL_TEXT (stmt, 8), &rc->dispute_stage);
  rc->focus_person = g_strdup (COL_TEXT (stmt, 9));
  rc->agreed_week = column_int_or (stmt, 10, IPT_REVIEW_WEEK_NONE);
  rc->weeks_running = sqlite3_column_int (stmt, 11);
  rc->sessions_attended = sqlite3_column_int (stmt, 12);
  rc->current_session = sqlite3_column_int (stmt, 13);
  ipt_phase_from_id (COL_TEXT (stmt, 14), &rc->phase);
  rc->progress_text = g_strdup (COL_TEXT (stmt, 15));
  rc->shared = sqlite3_column_int (stmt, 16) & IPT_REVIEW_SHARE_ALL;
  rc->formulation = g_strdup (COL_TEXT (stmt, 17));
  rc->old_role = g_strdup (COL_TEXT (stmt, 18));
  rc->new_role = g_strdup (COL_TEXT (stmt, 19));
  if (enum_from_id (COL_TEXT (stmt, 20), outcome_to_id, IPT_OUTCOME_NO_RELIABLE_CHANGE + 1,
                    &category))
    {
      IptOutcome *o = g_new0 (IptOutcome, 1);

      o->category = category;
      o->rule = g_strdup (COL_TEXT (stmt, 21));
      o->finished_treatment = sqlite3_column_int (stmt, 22);
      o->caseness = sqlite3_column_int (stmt, 23);
      o->recovery = sqlite3_column_int (stmt, 24);
      o->reliable_improvement = sqlite3_column_int (stmt, 25);
      o->reliable_deterioration = sqlite3_column_int (stmt, 26);
      o->reliable_recovery = sqlite3_column_int (stmt, 27);
      o->has_gad7 = sqlite3_column_int (stmt, 28);
      o->phq9_first = column_int_or (stmt, 29, IPT_TOTAL_NONE);
      o->phq9_last = column_int_or (stmt, 30, IPT_TOTAL_NONE);
      o->gad7_first = column_int_or (stmt, 31, IPT_TOTAL_NONE);
      o->gad7_last = column_int_or (stmt, 32, IPT_TOTAL_NONE);
      o->n_phq9 = sqlite3_column_int (stmt, 33);
      rc->outcome = o;
    }
  return rc;
}

static gboolean
read_details (IptReviewDb  *self,
              GHashTable   *by_episode,
              GError      **error)
{
  g_autoptr(Stmt) sessions = prepare (self,
    "SELECT episode_id, number, week, attendance, attendees, duration, phase, tasks_done, note "
    "FROM sessions ORDER BY episode_id, number", error);
  g_autoptr(Stmt) scores = prepare (self,
    "SELECT episode_id, session, measure, total, risk_item FROM scores "
    "ORDER BY episode_id, session, measure", error);
  g_autoptr(Stmt) people = prepare (self,
    "SELECT episode_id, label, ring, ideal_ring, knows_about_mood, notes FROM people "
    "ORDER BY episode_id, position", error);
  g_autoptr(Stmt) events = prepare (self,
    "SELECT episode_id, week, impact, person, title FROM life_events "
    "ORDER BY episode_id, position", error);
  g_autoptr(Stmt) goals = prepare (self,
    "SELECT episode_id, text, first_rating, latest_rating FROM goals "
    "ORDER BY episode_id, position", error);
  g_autoptr(Stmt) signals = prepare (self,
    "SELECT episode_id, kind, rule FROM signals ORDER BY episode_id, position", error);
  IptReviewCase *rc;
  gint64 id;

  if (sessions == NULL || scores == NULL || people == NULL || events == NULL || goals == NULL ||
      signals == NULL)
    return FALSE;

#define CASE_OF(stmt) (id = sqlite3_column_int64 ((stmt), 0), \
                       rc = g_hash_table_lookup (by_episode, &id))
  while (sqlite3_step (sessions) == SQLITE_ROW)
    if (CASE_OF (sessions) != NULL)
      {
        IptReviewSession s = { 0, };

        s.number = sqlite3_column_int (sessions, 1);
        s.week = column_int_or (sessions, 2, IPT_REVIEW_WEEK_NONE);
        ipt_attendance_from_id (COL_TEXT (sessions, 3), &s.attendance);
        ipt_attendees_from_id (COL_TEXT (sessions, 4), &s.attendees);
        s.duration = column_int_or (sessions, 5, 0);
        ipt_phase_from_id (COL_TEXT (sessions, 6), &s.phase);
        s.tasks_done = sqlite3_column_int (sessions, 7);
        s.note = g_strdup (COL_TEXT (sessions, 8));
        g_array_append_val (rc->sessions, s);
      }
  while (sqlite3_step (scores) == SQLITE_ROW)
    if (CASE_OF (scores) != NULL)
      {
        IptReviewScore s = { 0, };

        s.session = sqlite3_column_int (scores, 1);
        g_strlcpy (s.measure, COL_TEXT (scores, 2) != NULL ? COL_TEXT (scores, 2) : "",
                   sizeof s.measure);
        s.total = column_int_or (scores, 3, IPT_TOTAL_NONE);
        s.risk_item = column_int_or (scores, 4, IPT_ITEM_MISSING);
        g_array_append_val (rc->scores, s);
      }
  while (sqlite3_step (people) == SQLITE_ROW)
    if (CASE_OF (people) != NULL)
      {
        IptReviewPerson p = { 0, };

        p.label = g_strdup (COL_TEXT (people, 1));
        p.ring = sqlite3_column_int (people, 2);
        p.ideal_ring = column_int_or (people, 3, 0);
        p.knows_about_mood = sqlite3_column_int (people, 4);
        p.notes = g_strdup (COL_TEXT (people, 5));
        g_array_append_val (rc->people, p);
      }
  while (sqlite3_step (events) == SQLITE_ROW)
    if (CASE_OF (events) != NULL)
      {
        IptReviewEvent e = { 0, };

        e.week = column_int_or (events, 1, IPT_REVIEW_WEEK_NONE);
        e.impact = sqlite3_column_int (events, 2);
        e.person = g_strdup (COL_TEXT (events, 3));
        e.title = g_strdup (COL_TEXT (events, 4));
        g_array_append_val (rc->events, e);
      }
  while (sqlite3_step (goals) == SQLITE_ROW)
    if (CASE_OF (goals) != NULL)
      {
        IptReviewGoal g = { 0, };

        g.text = g_strdup (COL_TEXT (goals, 1));
        g.first_rating = column_int_or (goals, 2, IPT_GOAL_RATING_NONE);
        g.latest_rating = column_int_or (goals, 3, IPT_GOAL_RATING_NONE);
        g_array_append_val (rc->goals, g);
      }
  while (sqlite3_step (signals) == SQLITE_ROW)
    if (CASE_OF (signals) != NULL)
      {
        IptSignal *s = g_new0 (IptSignal, 1);
        int kind = IPT_SIGNAL_NO_SCORES;

        enum_from_id (COL_TEXT (signals, 1), signal_to_id, IPT_SIGNAL_NO_SCORES + 1, &kind);
        s->kind = kind;
        s->rule = g_strdup (COL_TEXT (signals, 2));
        g_ptr_array_add (rc->signals, s);
      }
#undef CASE_OF
  return TRUE;
}

GPtrArray *
ipt_review_db_list_cases (IptReviewDb *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) by_episode = NULL;
  g_autoptr(Stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);

  stmt = prepare (self,
    "SELECT episode_id, code, status, planned_sessions, assessment_end, middle_end, focus, "
    "secondary_focus, dispute_stage, focus_person, agreed_week, weeks_running, "
    "sessions_attended, current_session, phase, progress_text, shared, formulation, old_role, "
    "new_role, outcome, outcome_rule, finished_treatment, caseness, recovery, "
    "reliable_improvement, reliable_deterioration, reliable_recovery, has_gad7, phq9_first, "
    "phq9_last, gad7_first, gad7_last, n_phq9 FROM cases ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_review_case_unref);
  by_episode = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptReviewCase *review_case = case_from_row (stmt);

      g_ptr_array_add (cases, review_case);
      g_hash_table_insert (by_episode, &review_case->episode_id, review_case);
    }
  if (rc != SQLITE_DONE)
    {
      fail (self->db, rc, error);
      return NULL;
    }
  if (!read_details (self, by_episode, error))
    return NULL;
  return g_steal_pointer (&cases);
}

/* The supervisor's records */

static gboolean
case_exists (IptReviewDb *self,
             gint64       episode_id,
             GError     **error)
{
  g_autoptr(Stmt) stmt = prepare (self, "SELECT 1 FROM cases WHERE episode_id = ?1", error);

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
      g_autofree char *now = now_utc ();

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
  stmt = prepare (self,
    "INSERT OR REPLACE INTO comments (uid, episode_id, session_number, author, created_at, text) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ipt_comment_get_uid (comment));
  sqlite3_bind_int64 (stmt, 2, ipt_comment_get_episode_id (comment));
  bind_int_or_null (stmt, 3, ipt_comment_get_session_number (comment), 0);
  bind_text (stmt, 4, ipt_comment_get_author (comment));
  bind_text (stmt, 5, ipt_comment_get_created_at (comment));
  bind_text (stmt, 6, ipt_comment_get_text (comment));
  return step_done (self, stmt, error);
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
  stmt = prepare (self,
    "INSERT OR REPLACE INTO session_reviews (uid, episode_id, session_number, phase, "
    "task_ratings, focus_rating, stance_rating, comment, reviewer, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ipt_session_review_get_uid (review));
  sqlite3_bind_int64 (stmt, 2, ipt_session_review_get_episode_id (review));
  sqlite3_bind_int (stmt, 3, ipt_session_review_get_session_number (review));
  bind_text (stmt, 4, ipt_phase_to_id (ipt_session_review_get_phase (review)));
  sqlite3_bind_text (stmt, 5, ipt_session_review_get_task_ratings_text (review), -1, g_free);
  bind_int_or_null (stmt, 6, ipt_session_review_get_focus_rating (review), IPT_REVIEW_RATING_NONE);
  bind_int_or_null (stmt, 7, ipt_session_review_get_stance_rating (review),
                    IPT_REVIEW_RATING_NONE);
  bind_text (stmt, 8, ipt_session_review_get_comment (review));
  bind_text (stmt, 9, ipt_session_review_get_reviewer (review));
  bind_text (stmt, 10, ipt_session_review_get_created_at (review));
  return step_done (self, stmt, error);
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
  stmt = prepare (self,
    "INSERT OR REPLACE INTO supervision_log (uid, episode_id, date, sessions_discussed, "
    "recordings_reviewed, action_points, author, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ipt_supervision_entry_get_uid (entry));
  sqlite3_bind_int64 (stmt, 2, ipt_supervision_entry_get_episode_id (entry));
  bind_text (stmt, 3, ipt_supervision_entry_get_date (entry));
  sqlite3_bind_text (stmt, 4, ipt_supervision_entry_get_sessions_text (entry), -1, g_free);
  sqlite3_bind_int64 (stmt, 5, ipt_supervision_entry_get_recordings_reviewed (entry));
  bind_text (stmt, 6, ipt_supervision_entry_get_action_points (entry));
  bind_text (stmt, 7, ipt_supervision_entry_get_author (entry));
  bind_text (stmt, 8, ipt_supervision_entry_get_created_at (entry));
  return step_done (self, stmt, error);
}

typedef GObject *(*FromRow) (Stmt *stmt);

static GPtrArray *
list_records (IptReviewDb *self,
              const char  *sql,
              gint64       episode_id,
              FromRow      from_row,
              GError     **error)
{
  g_autoptr(Stmt) stmt = prepare (self, sql, error);
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
      fail (self->db, rc, error);
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
  ipt_comment_set_session_number (comment, column_int_or (stmt, 2, 0));
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
  ipt_session_review_set_focus_rating (review,
                                       CLAMP (column_int_or (stmt, 5, IPT_REVIEW_RATING_NONE),
                                              IPT_REVIEW_RATING_NONE, IPT_REVIEW_RATING_MAX));
  ipt_session_review_set_stance_rating (review,
                                        CLAMP (column_int_or (stmt, 6, IPT_REVIEW_RATING_NONE),
                                               IPT_REVIEW_RATING_NONE, IPT_REVIEW_RATING_MAX));
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
