/* Copies of a casebook made while it is open: the file alone holds what was saved, and a copy
 * that left its -wal behind is named as such. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipt-model.h"
#include "ipt-store.h"


static char *test_dir;

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) len, NULL));
}

/* The app is open and has saved: a copy of the .sqlite file alone (no -wal) has every save. */
static void
test_file_alone_holds_saves (void)
{
  g_autofree char *path = g_build_filename (test_dir, "open.sqlite", NULL);
  g_autofree char *copy = g_build_filename (test_dir, "open-copy.sqlite", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptStore) copied = NULL;
  g_autoptr(IptClient) client = ipt_client_new ("C-0001");
  g_autoptr(IptClient) found = NULL;
  g_autoptr(GError) error = NULL;

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);

  /* still open: the copy is taken as a file manager would take it */
  copy_file (path, copy);
  copied = ipt_store_open (copy, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  found = ipt_store_find_client (copied, "C-0001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
}

/* A new casebook whose contents are all still in its -wal, copied without it. */
static void
test_copy_without_wal (void)
{
  g_autofree char *path = g_build_filename (test_dir, "walonly.sqlite", NULL);
  g_autofree char *copy = g_build_filename (test_dir, "walonly-copy.sqlite", NULL);
  g_autofree char *other = g_build_filename (test_dir, "other.sqlite", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                                     "CREATE TABLE clients (id INTEGER PRIMARY KEY); "
                                     "PRAGMA user_version = 1; "
                                     "PRAGMA application_id = 1230001219;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (path, copy);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close (db);

  store = ipt_store_open (copy, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_false (g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK));
  g_assert_nonnull (strstr (error->message, "walonly-copy.sqlite-wal"));
  g_clear_error (&error);

  /* another program's database stays "not an IPT Casebook file" */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA application_id = 305419896;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = ipt_store_open (other, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK);
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-store-copy-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-copy/file-alone-holds-saves", test_file_alone_holds_saves);
  g_test_add_func ("/store-copy/copy-without-wal", test_copy_without_wal);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
