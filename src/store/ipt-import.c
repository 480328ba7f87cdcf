/* Importing the scores CSV: every row checked first, then the whole file in one transaction. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipt-import.h"
#include "ipt-import-private.h"
#include "ipt-store-private.h"

static void
import_session_free (ImportSession *session)
{
  guint i;

  for (i = 0; session->existing != NULL && i < MAX_MEASURES; i++)
    {
      if (session->existing[i] != NULL)
        {
          g_free (session->existing[i]->items);
          g_free (session->existing[i]);
        }
    }
  g_free (session->existing);
  g_free (session->attendance);
  g_free (session);
}

static void
import_client_free (gpointer data)
{
  ImportClient *client = data;
  guint i;

  for (i = 0; i < client->n_sessions; i++)
    if (client->sessions[i] != NULL)
      import_session_free (client->sessions[i]);
  g_free (client->sessions);
  g_free (client->code);
  g_free (client);
}

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->text);
}

static void
import_context_init (ImportContext *ctx,
                     const char    *name,
                     IptImportFlags flags)
{
  guint i;

  memset (ctx, 0, sizeof *ctx);
  ctx->name = name;
  ctx->flags = flags;
  g_assert (ipt_measure_get_n_measures () <= MAX_MEASURES);
  ctx->n_measures = ipt_measure_get_n_measures ();
  for (i = 0; i < ctx->n_measures; i++)
    ctx->measures[i] = ipt_measure_get_nth (i);
  ctx->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (ctx->problems, problem_clear);
  ctx->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  ctx->answers = g_array_new (FALSE, FALSE, sizeof (int));
  ctx->clients = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, import_client_free);
  ctx->client_order = g_ptr_array_new ();
}

static void
import_context_clear (ImportContext *ctx)
{
  g_array_unref (ctx->problems);
  g_array_unref (ctx->rows);
  g_array_unref (ctx->answers);
  g_ptr_array_unref (ctx->client_order);
  g_hash_table_unref (ctx->clients);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a;
  const Problem *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->seq != pb->seq)
    return pa->seq < pb->seq ? -1 : 1;
  return 0;
}

gboolean
_ipt_import_sql_failed (sqlite3     *db,
                        const char  *what,
                        GError     **error)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
               _("Could not import the scores (%s): %s"), what, sqlite3_errmsg (db));
  return FALSE;
}

void
_ipt_import_load_statements_clear (LoadStatements *st)
{
  sqlite3_finalize (st->client);
  sqlite3_finalize (st->episode);
  sqlite3_finalize (st->sessions);
  sqlite3_finalize (st->scores);
}

/* Reads what the casebook holds for one client of the file: id, current course, its sessions
 * and their scores. */
gboolean
_ipt_import_load_client (ImportContext  *ctx,
                         sqlite3        *db,
                         LoadStatements *st,
                         ImportClient   *client,
                         GError        **error)
{
  int rc;

  sqlite3_reset (st->client);
  sqlite3_bind_text (st->client, 1, client->code, -1, SQLITE_STATIC);
  rc = sqlite3_step (st->client);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _ipt_import_sql_failed (db, "clients", error);
  client->id = sqlite3_column_int64 (st->client, 0);

  sqlite3_reset (st->episode);
  sqlite3_bind_int64 (st->episode, 1, client->id);
  rc = sqlite3_step (st->episode);
  if (rc != SQLITE_ROW)
    return _ipt_import_sql_failed (db, "episodes", error);
  client->n_episodes = (guint) sqlite3_column_int (st->episode, 1);
  if (sqlite3_column_type (st->episode, 0) == SQLITE_NULL)
    return TRUE;
  client->episode_id = sqlite3_column_int64 (st->episode, 0);

  sqlite3_reset (st->sessions);
  sqlite3_bind_int64 (st->sessions, 1, client->episode_id);
  while ((rc = sqlite3_step (st->sessions)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (st->sessions, 1);
      const char *date = (const char *) sqlite3_column_text (st->sessions, 2);
      const char *attendance = (const char *) sqlite3_column_text (st->sessions, 3);
      ImportSession *sess;

      if (number < 1 || number > MAX_SESSION)
        continue;
      sess = get_session (client, (guint) number);
      sess->id = sqlite3_column_int64 (st->sessions, 0);
      g_strlcpy (sess->db_date, date != NULL ? date : "", sizeof sess->db_date);
      g_free (sess->attendance);
      sess->attendance = g_strdup (attendance != NULL ? attendance : "");
      sess->attended = g_strcmp0 (attendance, "attended") == 0;
    }
  if (rc != SQLITE_DONE)
    return _ipt_import_sql_failed (db, "sessions", error);

  sqlite3_reset (st->scores);
  sqlite3_bind_int64 (st->scores, 1, client->episode_id);
  while ((rc = sqlite3_step (st->scores)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (st->scores, 1);
      guint m = measure_index_of (ctx, (const char *) sqlite3_column_text (st->scores, 2));
      ImportSession *sess;
      Existing *ex;
      guint i;

      if (number < 1 || number > MAX_SESSION || m == G_MAXUINT)
        continue;
      sess = get_session (client, (guint) number);
      if (sess->existing == NULL)
        sess->existing = g_new0 (Existing *, MAX_MEASURES);
      if (sess->existing[m] != NULL)
        continue;
      ex = g_new0 (Existing, 1);
      ex->id = sqlite3_column_int64 (st->scores, 0);
      ex->total = sqlite3_column_type (st->scores, 3) == SQLITE_NULL
                  ? IPT_TOTAL_NONE : sqlite3_column_int (st->scores, 3);
      ex->capacity = ctx->measures[m]->n_items;
      if (ex->capacity > 0)
        {
          ex->items = g_new (int, ex->capacity);
          if (_ipt_store_unpack_answers ((const char *) sqlite3_column_text (st->scores, 4),
                                         ex->items, ex->capacity))
            ex->n_items = ex->capacity;
          else
            for (i = 0; i < ex->capacity; i++)
              ex->items[i] = IPT_ITEM_MISSING;
        }
      sess->existing[m] = ex;
    }
  if (rc != SQLITE_DONE)
    return _ipt_import_sql_failed (db, "scores", error);

  return TRUE;
}

gboolean
ipt_import_scores_csv_data (IptStore         *store,
                            const char       *name,
                            const char       *data,
                            gsize             len,
                            IptImportFlags    flags,
                            IptImportSummary *summary,
                            GPtrArray        *problems,
                            GError          **error)
{
  ImportContext ctx;
  IptImportSummary local = { 0, };
  gboolean ok;
  guint i;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ipt_store_get_read_only (store))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                   _("This casebook is open read-only: nothing can be imported into it"));
      return FALSE;
    }

  import_context_init (&ctx, name, flags);

  ok = _ipt_import_parse_file (&ctx, data != NULL ? data : "", len);
  if (ok && ctx.rows->len > 0)
    {
      sqlite3 *db = _ipt_store_get_db (store);
      sqlite3_stmt *stmt = NULL;
      g_autofree char *restore = NULL;

      /* SQLite's default page cache (2 MiB) while importing: the pages of a large file go to
       * the WAL as the cache fills and the same memory serves again, where a cache that grows
       * to hold them all costs more in fresh memory than the spilling does (measured with
       * tests/bench/bench-import). The connection's own size comes back after. */
      if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        restore = g_strdup_printf ("PRAGMA cache_size = %d", sqlite3_column_int (stmt, 0));
      sqlite3_finalize (stmt);
      if (restore != NULL)
        sqlite3_exec (db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);

      ok = _ipt_import_run (&ctx, store, &local, error);

      if (restore != NULL)
        sqlite3_exec (db, restore, NULL, NULL, NULL);
    }
  else
    {
      ok = TRUE;
    }

  if (ok && ctx.problems->len > 0)
    {
      g_array_sort (ctx.problems, compare_problems);
      if (problems != NULL)
        {
          for (i = 0; i < ctx.problems->len; i++)
            {
              Problem *problem = &g_array_index (ctx.problems, Problem, i);

              g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s", name, problem->line,
                                                          problem->text));
            }
        }
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u problem, nothing was imported",
                                "%s: %u problems, nothing was imported",
                                ctx.problems->len),
                   name, ctx.problems->len);
      ok = FALSE;
    }
  else if (ok)
    {
      local.n_unchanged += ctx.n_duplicates;
      local.n_rows = ctx.rows->len + ctx.n_duplicates;
      local.n_clients = ctx.client_order->len;
      if (summary != NULL)
        *summary = local;
    }

  import_context_clear (&ctx);
  return ok;
}

gboolean
ipt_import_scores_csv (IptStore         *store,
                       const char       *path,
                       IptImportFlags    flags,
                       IptImportSummary *summary,
                       GPtrArray        *problems,
                       GError          **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not read the scores file: %s"), local_error->message);
      return FALSE;
    }

  return ipt_import_scores_csv_data (store, path, g_mapped_file_get_contents (file),
                                     g_mapped_file_get_length (file), flags, summary, problems,
                                     error);
}
