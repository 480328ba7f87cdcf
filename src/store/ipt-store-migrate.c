/* The schema as ordered steps of plain SQL (compiled in as resources), applied in transactions. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"
#include "ipt-store-sql.h"

#include <glib/gi18n.h>

/* Step N (ipt-schema-N.sql) turns a version N-1 casebook into version N; step 1 creates the
 * tables from nothing. A step that rebuilds a table must turn foreign keys off around its
 * transaction (PRAGMA foreign_keys cannot change inside one); the check below runs anyway. */

static GBytes *
lookup_step (int      version,
             GError **error)
{
  g_autofree char *resource = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  resource = g_strdup_printf ("/org/iptcasebook/IptCasebook/store/ipt-schema-%d.sql", version);
  bytes = g_resource_lookup_data (ipt_store_sql_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                 _("The schema step to version %d is missing: %s"), version,
                 local_error->message);
  return bytes;
}

static gboolean
set_db_error (sqlite3    *db,
              int         rc,
              const char *what,
              GError    **error)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
               "%s: %s", what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
exec_step (sqlite3 *db,
           int      version,
           GError **error)
{
  g_autoptr(GBytes) bytes = lookup_step (version, error);
  g_autofree char *what = NULL;
  g_autofree char *pragma = NULL;
  char *message = NULL;
  int rc;

  if (bytes == NULL)
    return FALSE;

  /* Resources end with a NUL byte, so the data is a C string. */
  rc = sqlite3_exec (db, g_bytes_get_data (bytes, NULL), NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not upgrade the casebook to schema %d: %s"), version,
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  /* Our own integer: PRAGMA takes no bound parameters. */
  pragma = g_strdup_printf ("PRAGMA user_version = %d", version);
  rc = sqlite3_exec (db, pragma, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      what = g_strdup_printf (_("Could not upgrade the casebook to schema %d"), version);
      return set_db_error (db, rc, what, error);
    }

  return TRUE;
}

static gboolean
foreign_keys_hold (sqlite3 *db,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                   _("A record of table %s refers to a missing record of table %s"),
                   (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_db_error (db, rc, _("Could not check the casebook"), error);
  return TRUE;
}

static gboolean
run_steps (sqlite3 *db,
           int      first,
           int      last,
           gboolean new_file,
           GError **error)
{
  int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (db, rc, _("Could not start the upgrade"), error);

  if (new_file)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                                 IPT_STORE_APPLICATION_ID);

      rc = sqlite3_exec (db, pragma, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_db_error (db, rc, _("Could not create the casebook"), error);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  for (int version = first; version <= last; version++)
    {
      if (!exec_step (db, version, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!new_file && !foreign_keys_hold (db, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (db, rc, _("Could not save the upgrade"), error);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
_ipt_store_create_schema (sqlite3 *db,
                          GError **error)
{
  /* A new casebook is version 1 and every later step, in a single transaction, so that new and
   * upgraded files have exactly the same tables. */
  return run_steps (db, 1, IPT_STORE_SCHEMA_VERSION, TRUE, error);
}

gboolean
_ipt_store_migrate (sqlite3    *db,
                    int         from_version,
                    const char *display_name,
                    GError    **error)
{
  g_return_val_if_fail (from_version >= 1, FALSE);

  for (int version = from_version + 1; version <= IPT_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!run_steps (db, version, version, FALSE, &local_error))
        {
          g_set_error (error, IPT_STORE_ERROR, local_error->code,
                       _("%s could not be upgraded past schema %d: %s"),
                       display_name, version - 1, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
