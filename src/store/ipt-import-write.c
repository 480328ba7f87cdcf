/* Writing an import into the casebook in one transaction: batched inserts, triggers held back. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-import-private.h"

#include <string.h>

#include <glib/gi18n.h>

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    return _ipt_import_sql_failed (db, "prepare", error);
  return TRUE;
}

static gboolean
step_done (sqlite3      *db,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _ipt_import_sql_failed (db, what, error);
  return TRUE;
}

/* Rows inserted many at a time: one statement of `size` rows, parents flushed first so that
 * foreign keys always find their row. */
typedef struct
{
  int         type;   /* SQLITE_INTEGER, SQLITE_TEXT or SQLITE_NULL */
  gint64      i;
  const char *s;      /* static, or held by the import context until the flush */
} Value;

typedef struct _Batch Batch;
struct _Batch
{
  const char   *what;
  sqlite3_stmt *full;
  sqlite3_stmt *one;
  guint         n_cols;
  guint         size;
  guint         n_rows;
  Value        *values;
  Batch        *parent;
  gint64        last_id;  /* the id SQLite must give the last row; 0: not checked */
};

static gboolean
batch_prepare (Batch       *batch,
               sqlite3     *db,
               const char  *what,
               const char  *head,
               const char  *tuple,
               guint        n_cols,
               guint        size,
               Batch       *parent,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  guint r;

  batch->what = what;
  batch->n_cols = n_cols;
  batch->size = size;
  batch->n_rows = 0;
  batch->parent = parent;
  batch->values = g_new0 (Value, (gsize) n_cols * size);

  for (r = 0; r < size; r++)
    g_string_append_printf (sql, "%s%s", r > 0 ? ", " : " VALUES ", tuple);
  if (!prepare (db, sql->str, &batch->full, error))
    return FALSE;
  g_string_printf (sql, "%s VALUES %s", head, tuple);
  return prepare (db, sql->str, &batch->one, error);
}

static void
batch_clear (Batch *batch)
{
  sqlite3_finalize (batch->full);
  sqlite3_finalize (batch->one);
  g_free (batch->values);
  memset (batch, 0, sizeof *batch);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Value  *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, value->s, -1, SQLITE_STATIC);
      break;
    case SQLITE_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static gboolean
batch_flush (Batch    *batch,
             sqlite3  *db,
             GError  **error)
{
  guint r, c;

  if (batch->parent != NULL && !batch_flush (batch->parent, db, error))
    return FALSE;
  if (batch->n_rows == 0)
    return TRUE;

  if (batch->n_rows == batch->size)
    {
      for (r = 0; r < batch->n_rows * batch->n_cols; r++)
        bind_value (batch->full, (int) r + 1, &batch->values[r]);
      if (!step_done (db, batch->full, batch->what, error))
        return FALSE;
    }
  else
    {
      for (r = 0; r < batch->n_rows; r++)
        {
          for (c = 0; c < batch->n_cols; c++)
            bind_value (batch->one, (int) c + 1, &batch->values[r * batch->n_cols + c]);
          if (!step_done (db, batch->one, batch->what, error))
            return FALSE;
        }
    }
  batch->n_rows = 0;

  /* Rows given a NULL id take the next one after the table's largest (see write_prepare): the
   * ids the import counted must be the ones SQLite gave, or nothing is written. */
  if (batch->last_id != 0 && sqlite3_last_insert_rowid (db) != batch->last_id)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not import the scores (%s): the new records were not numbered as "
                     "expected"), batch->what);
      return FALSE;
    }
  return TRUE;
}

/* Takes the next row's values (n_cols of them). */
static Value *
batch_row (Batch *batch)
{
  g_assert (batch->n_rows < batch->size);
  return &batch->values[batch->n_rows++ * batch->n_cols];
}

static gboolean
batch_maybe_flush (Batch    *batch,
                   sqlite3  *db,
                   GError  **error)
{
  if (batch->n_rows < batch->size)
    return TRUE;
  return batch_flush (batch, db, error);
}

static inline void
value_int (Value  *value,
           gint64  i)
{
  value->type = SQLITE_INTEGER;
  value->i = i;
}

static inline void
value_text (Value      *value,
            const char *s)
{
  value->type = SQLITE_TEXT;
  value->s = s;
}

static inline void
value_total (Value *value,
             int    total)
{
  if (total == IPT_TOTAL_NONE || total == IPT_ITEM_MISSING)
    value->type = SQLITE_NULL;
  else
    value_int (value, total);
}

#define SCORES_BATCH 256
#define ANSWERS_SIZE (IPT_STORE_MAX_ANSWERS + 1)

typedef struct
{
  sqlite3_stmt *client;
  sqlite3_stmt *episode;
  sqlite3_stmt *redate;
  sqlite3_stmt *update_score;
  sqlite3_stmt *series;
  Batch         sessions;
  Batch         scores;
  char         *answers;  /* scores.answers of each batched score, ANSWERS_SIZE bytes each */
  gint64        next_session_id;
  gint64        next_score_id;
} WriteStatements;

static void
write_statements_clear (WriteStatements *st)
{
  sqlite3_finalize (st->client);
  sqlite3_finalize (st->episode);
  sqlite3_finalize (st->redate);
  sqlite3_finalize (st->update_score);
  sqlite3_finalize (st->series);
  g_free (st->answers);
  batch_clear (&st->scores);
  batch_clear (&st->sessions);
}

static gboolean
write_prepare (ImportContext   *ctx,
               sqlite3         *db,
               WriteStatements *st,
               GError         **error)
{
  gint64 max_session = 0, max_score = 0;

  if (!prepare (db, "INSERT INTO clients (code, created_at, updated_at) VALUES (?1, ?2, ?2)",
                &st->client, error) ||
      !prepare (db, "INSERT INTO episodes (client_id, ordinal, start_date, planned_sessions, "
                    "assessment_end, middle_end, status) VALUES (?, ?, ?, ?, ?, ?, 'active')",
                &st->episode, error) ||
      !prepare (db, "UPDATE sessions SET date = ? WHERE id = ?", &st->redate, error) ||
      !prepare (db, "UPDATE scores SET measure_version = ?, total = ?, risk = ?, answers = ? "
                    "WHERE id = ?",
                &st->update_score, error) ||
      !prepare (db, "INSERT OR REPLACE INTO episode_series (episode_id, sessions_attended, "
                    "current_session, phq9, gad7, attended) VALUES (?, ?, ?, ?, ?, ?)",
                &st->series, error))
    return FALSE;

  if (!batch_prepare (&st->sessions, db, "sessions",
                      "INSERT INTO sessions (id, episode_id, number, date, attendance)",
                      "(?, ?, ?, ?, 'attended')", 4, 64, NULL, error) ||
      !batch_prepare (&st->scores, db, "scores",
                      "INSERT INTO scores (id, session_id, measure, measure_version, total, risk, "
                      "answers)",
                      "(?, ?, ?, ?, ?, ?, ?)", 7, SCORES_BATCH, &st->sessions, error))
    return FALSE;
  st->answers = g_new (char, (gsize) SCORES_BATCH * ANSWERS_SIZE);

  /* The transaction holds the write lock: the next ids are ours. New rows are inserted with a
   * NULL id, which SQLite turns into one more than the table's largest (no search for a free
   * id, as an explicit one costs); batch_flush checks that they came out as counted here. */
  {
    sqlite3_stmt *stmt = NULL;

    if (!prepare (db, "SELECT (SELECT coalesce (max (id), 0) FROM sessions), "
                      "(SELECT coalesce (max (id), 0) FROM scores)", &stmt, error))
      return FALSE;
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        sqlite3_finalize (stmt);
        return _ipt_import_sql_failed (db, "ids", error);
      }
    max_session = sqlite3_column_int64 (stmt, 0);
    max_score = sqlite3_column_int64 (stmt, 1);
    sqlite3_finalize (stmt);
  }
  /* every row of the file a new session and score at most */
  if (max_session < 0 || max_score < 0 ||
      max_session > G_MAXINT64 - 1 - (gint64) ctx->rows->len ||
      max_score > G_MAXINT64 - 1 - (gint64) ctx->rows->len)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not import the scores: the casebook's record numbers are too large "
                     "for new sessions and scores"));
      return FALSE;
    }
  st->next_session_id = max_session + 1;
  st->next_score_id = max_score + 1;
  return TRUE;
}

static gboolean
write_row (ImportContext    *ctx,
           sqlite3          *db,
           WriteStatements  *st,
           ImportSession    *sess,
           Row              *row,
           IptImportSummary *summary,
           GError          **error)
{
  const IptMeasure *measure = ctx->measures[row->measure];
  gboolean risk = row->n_items > 0 &&
                  ipt_measure_items_flag_risk (measure, row_items (ctx, row), row->n_items);
  char answers[IPT_STORE_MAX_ANSWERS + 1];
  gint64 score_id;

  if (row->action == ACTION_SKIP)
    {
      summary->n_unchanged++;
      return TRUE;
    }

  if (row->action == ACTION_UPDATE)
    {
      score_id = sess->existing[row->measure]->id;
      sqlite3_bind_text (st->update_score, 1, measure->version, -1, SQLITE_STATIC);
      if (row->total == IPT_TOTAL_NONE)
        sqlite3_bind_null (st->update_score, 2);
      else
        sqlite3_bind_int (st->update_score, 2, row->total);
      sqlite3_bind_int (st->update_score, 3, risk ? 1 : 0);
      /* the row's answers replace the old ones (a total alone, agreeing with them, is skipped) */
      if (_ipt_store_pack_answers (row_items (ctx, row), row->n_items, answers) != NULL)
        sqlite3_bind_text (st->update_score, 4, answers, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (st->update_score, 4);
      sqlite3_bind_int64 (st->update_score, 5, score_id);
      if (!step_done (db, st->update_score, "scores", error))
        return FALSE;
      summary->n_scores_replaced++;
      return TRUE;
    }

  /* new scores take the ids after the casebook's last */
  score_id = st->next_score_id++;
  {
    char *text = st->answers + (gsize) st->scores.n_rows * ANSWERS_SIZE;
    Value *v = batch_row (&st->scores);

    /* NULL: SQLite numbers the row, score_id as checked by batch_flush */
    v[0].type = SQLITE_NULL;
    st->scores.last_id = score_id;
    value_int (&v[1], sess->id);
    value_text (&v[2], measure->id);
    value_text (&v[3], measure->version);
    value_total (&v[4], row->total);
    value_int (&v[5], risk ? 1 : 0);
    if (_ipt_store_pack_answers (row_items (ctx, row), row->n_items, text) != NULL)
      value_text (&v[6], text);
    else
      v[6].type = SQLITE_NULL;
  }
  if (!batch_maybe_flush (&st->scores, db, error))
    return FALSE;
  summary->n_scores_new++;
  return TRUE;
}

/* A whole number >= 0 in decimal, without printf (thousands of points per import). */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* One point of a course's series as episode_series_view writes it: "number:total:risk answer",
 * from the score the course holds once the import is written. */
static void
append_point (ImportContext *ctx,
              ImportSession *sess,
              guint          number,
              guint          m,
              gboolean       with_risk,
              GString       *series)
{
  const IptMeasure *measure = ctx->measures[m];
  const Row *row = sess->rows[m] != 0 ? &g_array_index (ctx->rows, Row, sess->rows[m] - 1) : NULL;
  const Existing *ex = session_existing (sess, m);
  const int *items;
  guint n_items;
  int total;

  if (row != NULL && row->action != ACTION_SKIP)
    {
      total = row->total;
      items = row_items (ctx, row);
      n_items = row->n_items;
    }
  else if (ex != NULL)
    {
      total = ex->total;
      items = ex->items;
      n_items = ex->n_items;
    }
  else
    {
      return;
    }

  if (series->len > 0)
    g_string_append_c (series, ',');
  append_uint (series, number);
  g_string_append_c (series, ':');
  if (total != IPT_TOTAL_NONE && total >= 0)
    append_uint (series, (guint) total);
  g_string_append_c (series, ':');
  if (with_risk && measure->risk_item >= 0 && (guint) measure->risk_item < n_items &&
      items[measure->risk_item] >= 0)
    append_uint (series, (guint) items[measure->risk_item]);
}

/* The course's row of episode_series, computed from what the import loaded and wrote instead of
 * from the view (its triggers are suspended: see begin_bulk); tests/test-csv-import.c compares both. */
static gboolean
write_series (ImportContext    *ctx,
              sqlite3          *db,
              WriteStatements  *st,
              ImportClient     *client,
              GError          **error)
{
  g_autoptr(GString) phq9 = g_string_new (NULL);
  g_autoptr(GString) gad7 = g_string_new (NULL);
  g_autoptr(GString) numbers = g_string_new (NULL);
  guint phq9_m = measure_index_of (ctx, "phq9");
  guint gad7_m = measure_index_of (ctx, "gad7");
  guint n, attended = 0, current = 0;

  for (n = 1; n <= MAX_SESSION; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess == NULL || sess->id == 0 || !sess->attended)
        continue;
      attended++;
      current = n;
      /* As the view writes it: the number, '+' when dated after the course's end date. */
      if (numbers->len > 0)
        g_string_append_c (numbers, ',');
      append_uint (numbers, n);
      if (client->end_date[0] != '\0' &&
          strcmp (sess->date[0] != '\0' ? sess->date : sess->db_date, client->end_date) > 0)
        g_string_append_c (numbers, '+');
      if (phq9_m != G_MAXUINT)
        append_point (ctx, sess, n, phq9_m, TRUE, phq9);
      if (gad7_m != G_MAXUINT)
        append_point (ctx, sess, n, gad7_m, FALSE, gad7);
    }

  sqlite3_bind_int64 (st->series, 1, client->episode_id);
  sqlite3_bind_int (st->series, 2, (int) attended);
  sqlite3_bind_int (st->series, 3, (int) current);
  sqlite3_bind_text (st->series, 4, phq9->str, (int) phq9->len, SQLITE_STATIC);
  sqlite3_bind_text (st->series, 5, gad7->str, (int) gad7->len, SQLITE_STATIC);
  sqlite3_bind_text (st->series, 6, numbers->str, (int) numbers->len, SQLITE_STATIC);
  return step_done (db, st->series, "course progress", error);
}

static gboolean
write_client (ImportContext    *ctx,
              sqlite3          *db,
              WriteStatements  *st,
              ImportClient     *client,
              const char       *now,
              IptImportSummary *summary,
              GError          **error)
{
  guint n, m;

  if (client->id == 0)
    {
      /* another course of the same new client may have created it already */
      g_autofree char *folded = g_ascii_strdown (client->code, -1);
      gint64 *created = g_hash_table_lookup (ctx->new_ids, folded);

      if (created != NULL)
        {
          client->id = *created;
        }
      else
        {
          sqlite3_bind_text (st->client, 1, client->code, -1, SQLITE_STATIC);
          sqlite3_bind_text (st->client, 2, now, -1, SQLITE_STATIC);
          if (!step_done (db, st->client, "clients", error))
            return FALSE;
          client->id = sqlite3_last_insert_rowid (db);
          g_hash_table_insert (ctx->new_ids, g_steal_pointer (&folded),
                               g_memdup2 (&client->id, sizeof client->id));
          summary->n_clients_new++;
        }
    }

  if (client->episode_id == 0)
    {
      guint assessment_end = 0, middle_end = 0;

      ipt_phase_default_boundaries (IPT_PLANNED_SESSIONS_DEFAULT, &assessment_end, &middle_end);
      sqlite3_bind_int64 (st->episode, 1, client->id);
      sqlite3_bind_int (st->episode, 2,
                        client->course > 0 ? (int) client->course : (int) client->n_episodes + 1);
      sqlite3_bind_text (st->episode, 3, client->first_date, -1, SQLITE_STATIC);
      sqlite3_bind_int (st->episode, 4, IPT_PLANNED_SESSIONS_DEFAULT);
      sqlite3_bind_int (st->episode, 5, (int) assessment_end);
      sqlite3_bind_int (st->episode, 6, (int) middle_end);
      if (!step_done (db, st->episode, "episodes", error))
        return FALSE;
      client->episode_id = sqlite3_last_insert_rowid (db);
      summary->n_episodes_new++;
    }

  for (n = 1; n <= MAX_SESSION; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess == NULL || sess->date[0] == '\0')
        continue;

      if (sess->id == 0)
        {
          Value *v = batch_row (&st->sessions);

          sess->id = st->next_session_id++;
          sess->attended = TRUE;
          v[0].type = SQLITE_NULL;  /* numbered sess->id by SQLite, as for scores */
          st->sessions.last_id = sess->id;
          value_int (&v[1], client->episode_id);
          value_int (&v[2], n);
          value_text (&v[3], sess->date);
          if (!batch_maybe_flush (&st->sessions, db, error))
            return FALSE;
          summary->n_sessions_new++;
        }
      else if (sess->redate)
        {
          sqlite3_bind_text (st->redate, 1, sess->date, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (st->redate, 2, sess->id);
          if (!step_done (db, st->redate, "sessions", error))
            return FALSE;
          summary->n_sessions_redated++;
        }

      for (m = 0; m < ctx->n_measures; m++)
        {
          if (sess->rows[m] == 0)
            continue;
          if (!write_row (ctx, db, st, sess, &g_array_index (ctx->rows, Row, sess->rows[m] - 1),
                          summary, error))
            return FALSE;
        }
    }

  return write_series (ctx, db, st, client, error);
}

/* Bulk writing.
 *
 * The triggers of the schema (ipt-schema-2.sql) that mark a course stale for each row written
 * would have the store recompute every course of the file from episode_series_view before the
 * commit. Inside the import's transaction they are dropped; the import writes the episode_series
 * row of each course it touched itself (write_series), and the triggers are created again from
 * their own SQL before the commit; any failure rolls the whole transaction back, triggers
 * included. A trigger not named here keeps firing row by row. When one of these triggers or the
 * view changes its meaning in the schema, write_series must change with it (tests/test-csv-import.c
 * compares the results with what the view gives). Item answers are checked by the CHECK of
 * scores.answers (ipt-schema-3.sql), as any other writer's. */
static const char * const bulk_triggers[] = {
  "episode_series_episode_insert",
  "episode_series_session_insert",
  "episode_series_session_update",
  "episode_series_score_insert",
  "episode_series_score_update",
};

typedef struct
{
  char *sql[G_N_ELEMENTS (bulk_triggers)];  /* NULL: not in this casebook */
} Suspended;

static void
suspended_clear (Suspended *suspended)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    g_clear_pointer (&suspended->sql[i], g_free);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _ipt_import_sql_failed (db, what, error);
  return TRUE;
}

static gboolean
begin_bulk (sqlite3    *db,
            Suspended  *suspended,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  guint i;

  if (!prepare (db, "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?",
                &stmt, error))
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, bulk_triggers[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        suspended->sql[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return _ipt_import_sql_failed (db, "triggers", error);
        }
    }
  sqlite3_finalize (stmt);

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      g_autofree char *drop = NULL;

      if (suspended->sql[i] == NULL)
        continue;
      drop = g_strdup_printf ("DROP TRIGGER main.%s", bulk_triggers[i]);
      if (!exec_sql (db, drop, "triggers", error))
        return FALSE;
    }
  return TRUE;
}

/* Brings the suspended triggers back. */
static gboolean
finish_bulk (sqlite3    *db,
             Suspended  *suspended,
             GError    **error)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      if (suspended->sql[i] != NULL && !exec_sql (db, suspended->sql[i], "triggers", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
any_session_redated (ImportContext *ctx)
{
  guint i, n;

  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      for (n = 1; n <= MAX_SESSION; n++)
        if (client_session (client, n) != NULL && client_session (client, n)->redate)
          return TRUE;
    }
  return FALSE;
}

gboolean
_ipt_import_run (ImportContext    *ctx,
                 IptStore         *store,
                 IptImportSummary *summary,
                 GError          **error)
{
  sqlite3 *db = _ipt_store_get_db (store);
  LoadStatements load = { NULL, };
  WriteStatements write = { NULL, };
  Suspended suspended = { { NULL, } };
  g_autofree char *now = _ipt_store_now ();
  gboolean ok = FALSE;
  guint i;

  if (!_ipt_store_write_begin (store, error))
    return FALSE;

  if (!prepare (db, "SELECT id, birth_date FROM clients WHERE code = ?", &load.client, error) ||
      !prepare (db, "SELECT (SELECT id FROM episodes WHERE client_id = ?1 "
                    "ORDER BY ordinal DESC LIMIT 1), "
                    "(SELECT coalesce(max(ordinal), 0) FROM episodes WHERE client_id = ?1), "
                    "(SELECT end_date FROM episodes WHERE client_id = ?1 "
                    "ORDER BY ordinal DESC LIMIT 1)",
                &load.episode, error) ||
      !prepare (db, "SELECT (SELECT id FROM episodes WHERE client_id = ?1 AND ordinal = ?2), "
                    "(SELECT coalesce(max(ordinal), 0) FROM episodes WHERE client_id = ?1)",
                &load.course, error) ||
      !prepare (db, "SELECT id, number, date, attendance FROM sessions WHERE episode_id = ?",
                &load.sessions, error) ||
      !prepare (db, "SELECT sc.id, s.number, sc.measure, sc.total, sc.answers FROM scores sc "
                    "JOIN sessions s ON s.id = sc.session_id WHERE s.episode_id = ?",
                &load.scores, error))
    goto out;

  _ipt_import_sort_clients (ctx);
  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      if (!_ipt_import_load_client (ctx, db, &load, client, error))
        goto out;
      _ipt_import_check_client (ctx, client);
    }
  _ipt_import_check_courses (ctx);

  if (ctx->problems->len > 0)
    {
      ok = TRUE;  /* reported by the caller */
      goto out;
    }

  _ipt_import_load_statements_clear (&load);
  memset (&load, 0, sizeof load);

  /* everything already in the casebook (a file imported again): nothing to write */
  {
    guint n_skipped = 0;

    for (i = 0; i < ctx->rows->len; i++)
      if (g_array_index (ctx->rows, Row, i).action == ACTION_SKIP)
        n_skipped++;
    if (n_skipped == ctx->rows->len && !any_session_redated (ctx))
      {
        summary->n_unchanged += n_skipped;
        return _ipt_store_write_end (store, TRUE, error);
      }
  }

  if (!begin_bulk (db, &suspended, error) ||
      !write_prepare (ctx, db, &write, error))
    goto out;

  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      if (!write_client (ctx, db, &write, client, now, summary, error))
        goto out;
    }
  if (!batch_flush (&write.scores, db, error))
    goto out;

  write_statements_clear (&write);
  memset (&write, 0, sizeof write);

  if (!finish_bulk (db, &suspended, error))
    goto out;
  suspended_clear (&suspended);

  return _ipt_store_write_end (store, TRUE, error);

out:
  _ipt_import_load_statements_clear (&load);
  write_statements_clear (&write);
  suspended_clear (&suspended);
  _ipt_store_write_end (store, FALSE, NULL);
  return ok;
}
