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
  g_free (client->key);
  g_free (client->code);
  g_free (client->label);
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
  ctx->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
import_context_clear (ImportContext *ctx)
{
  g_array_unref (ctx->problems);
  g_array_unref (ctx->rows);
  g_array_unref (ctx->answers);
  g_ptr_array_unref (ctx->client_order);
  g_hash_table_unref (ctx->clients);
  g_hash_table_unref (ctx->codes);
  g_hash_table_unref (ctx->new_ids);
  g_clear_pointer (&ctx->db_codes, g_hash_table_unref);
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

static gboolean
import_from_reader (IptStore         *store,
                    const char       *name,
                    IptCsvReader     *reader,
                    IptImportFlags    flags,
                    IptImportSummary *summary,
                    GPtrArray        *problems,
                    GError          **error)
{
  ImportContext ctx;
  IptImportSummary local = { 0, };
  gboolean ok;
  guint i;

  if (ipt_store_get_read_only (store))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                   _("This casebook is open read-only: nothing can be imported into it"));
      return FALSE;
    }

  import_context_init (&ctx, name, flags);

  ok = _ipt_import_parse_file (&ctx, reader);
  if (ipt_csv_reader_get_error (reader) != NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not read the scores file: %s"),
                   ipt_csv_reader_get_error (reader)->message);
      import_context_clear (&ctx);
      return FALSE;
    }
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
      local.n_clients = g_hash_table_size (ctx.codes);
      if (summary != NULL)
        *summary = local;
    }

  import_context_clear (&ctx);
  return ok;
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
  g_autoptr(IptCsvReader) reader = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = ipt_csv_reader_new (data != NULL ? data : "", len);
  return import_from_reader (store, name, reader, flags, summary, problems, error);
}

gboolean
ipt_import_scores_csv (IptStore         *store,
                       const char       *path,
                       IptImportFlags    flags,
                       IptImportSummary *summary,
                       GPtrArray        *problems,
                       GError          **error)
{
  g_autoptr(IptCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read as a stream: a file of any size is held a window at a time. */
  reader = ipt_csv_reader_new_for_file (path, &local_error);
  if (reader == NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not read the scores file: %s"), local_error->message);
      return FALSE;
    }

  return import_from_reader (store, path, reader, flags, summary, problems, error);
}
