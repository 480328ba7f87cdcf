/* Loading what the casebook holds for each client of an import: its course, sessions and scores. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-import-private.h"

#include <glib/gi18n.h>

void
_ipt_import_load_statements_clear (LoadStatements *st)
{
  sqlite3_finalize (st->client);
  sqlite3_finalize (st->episode);
  sqlite3_finalize (st->course);
  sqlite3_finalize (st->sessions);
  sqlite3_finalize (st->scores);
}

/* The casebook's codes by their folded spelling, read once when a code of the file is not
 * found as it is written. */
static gboolean
load_db_codes (ImportContext  *ctx,
               sqlite3        *db,
               GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  ctx->db_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (sqlite3_prepare_v2 (db, "SELECT code FROM clients", -1, &stmt, NULL) != SQLITE_OK)
    return _ipt_import_sql_failed (db, "clients", error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      if (code != NULL)
        g_hash_table_insert (ctx->db_codes, g_ascii_strdown (code, -1), g_strdup (code));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _ipt_import_sql_failed (db, "clients", error);
  return TRUE;
}

/* Reads what the casebook holds for one client of the file: id, the course the rows go to (the
 * current one, or the one with the ordinal of the `course` column), its sessions and their
 * scores. */
gboolean
_ipt_import_load_client (ImportContext  *ctx,
                         sqlite3        *db,
                         LoadStatements *st,
                         ImportClient   *client,
                         GError        **error)
{
  sqlite3_stmt *episode;
  int rc;

  sqlite3_reset (st->client);
  sqlite3_bind_text (st->client, 1, client->code, -1, SQLITE_STATIC);
  rc = sqlite3_step (st->client);
  if (rc == SQLITE_DONE)
    {
      /* Codes are one and the same whatever their case: the casebook's spelling wins. */
      const char *db_code;

      if (ctx->db_codes == NULL && !load_db_codes (ctx, db, error))
        return FALSE;
      db_code = g_hash_table_lookup (ctx->db_codes, client->key);
      if (db_code == NULL && client->course > 0)
        {
          g_autofree char *folded = g_ascii_strdown (client->code, -1);

          db_code = g_hash_table_lookup (ctx->db_codes, folded);
        }
      if (db_code == NULL)
        return TRUE;
      g_free (client->code);
      client->code = g_strdup (db_code);
      g_free (client->label);
      if (client->course > 0)
        client->label = g_strdup_printf (_("%s course %u"), client->code, client->course);
      else
        client->label = g_strdup (client->code);
      sqlite3_reset (st->client);
      sqlite3_bind_text (st->client, 1, client->code, -1, SQLITE_STATIC);
      rc = sqlite3_step (st->client);
      if (rc == SQLITE_DONE)
        return TRUE;
    }
  if (rc != SQLITE_ROW)
    return _ipt_import_sql_failed (db, "clients", error);
  client->id = sqlite3_column_int64 (st->client, 0);
  {
    const char *birth = (const char *) sqlite3_column_text (st->client, 1);

    g_strlcpy (client->birth_date, birth != NULL ? birth : "", sizeof client->birth_date);
  }

  if (client->course == 0)
    {
      sqlite3_reset (st->episode);
      sqlite3_bind_int64 (st->episode, 1, client->id);
      episode = st->episode;
    }
  else
    {
      sqlite3_reset (st->course);
      sqlite3_bind_int64 (st->course, 1, client->id);
      sqlite3_bind_int (st->course, 2, (int) client->course);
      episode = st->course;
    }
  rc = sqlite3_step (episode);
  if (rc != SQLITE_ROW)
    return _ipt_import_sql_failed (db, "episodes", error);
  client->n_episodes = (guint) sqlite3_column_int (episode, 1);
  if (sqlite3_column_type (episode, 0) == SQLITE_NULL)
    return TRUE;
  client->episode_id = sqlite3_column_int64 (episode, 0);
  if (sqlite3_column_type (episode, 2) == SQLITE_TEXT)
    g_strlcpy (client->end_date, (const char *) sqlite3_column_text (episode, 2),
               sizeof client->end_date);

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
