/* Tests of the casebook store: opening and refusing files, records, rules, migrations, backups. */
#include "config.h"

#include "test-store-common.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ipt-model.h"
#include "ipt-store.h"
#include "ipt-store-private.h"

/* Opening and refusing files */

static void
test_open_new (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "new-folder", NULL);
  g_autofree char *path = g_build_filename (sub, "casebook.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = NULL;
  mode_t old_umask = umask (022);

  store = ipt_store_open (path, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (ipt_store_get_path (store), ==, path);
  g_assert_false (ipt_store_get_read_only (store));

  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, IPT_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, IPT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = "
                                     "'goal_ratings'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);

  client = add_client (store, "C-0001");

  /* Private whatever the umask: folder 0700, the file and its WAL companions 0600. */
  g_assert_cmpuint (file_mode (sub), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (exists (wal));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  ipt_store_close (store);
  g_assert_false (exists (wal));
  umask (old_umask);
}

static void
test_open_default_dir_mode (void)
{
  g_autofree char *path = ipt_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;

  /* An existing folder of ours with loose permissions is tightened. */
  g_unlink (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  store = ipt_store_open (NULL, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_store_get_path (store), ==, path);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_clear_object (&store);

  /* So is the casebook itself, once it is known to be one. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  store = ipt_store_open (NULL, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
test_open_empty_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;

  g_file_set_contents_full (path, "", 0, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, IPT_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (ipt_store_count_clients (store, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_open_read_only (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0007");
  g_autoptr(IptClient) other = ipt_client_new ("C-0008");
  g_autoptr(IptStore) reader = NULL;
  g_autoptr(IptStore) nothing = NULL;
  g_autoptr(GPtrArray) clients = NULL;

  g_clear_object (&store);

  reader = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ipt_store_get_read_only (reader));
  g_assert_cmpint (sqlite3_db_readonly (_ipt_store_get_db (reader), "main"), ==, 1);
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (reader), "DELETE FROM clients", NULL, NULL,
                                 NULL) & 0xff, ==, SQLITE_READONLY);
  clients = ipt_store_list_clients (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 1);
  g_assert_false (ipt_store_insert_client (reader, other, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (ipt_client_get_id (other), ==, 0);

  nothing = ipt_store_open (missing, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (nothing);
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_assert_false (exists (missing));
}

/* A second connection (another window, the command line) while the first holds a WAL. */
static void
test_open_while_open (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) first = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (first, "C-0001");
  g_autofree char *wal = g_strconcat (ipt_store_get_path (first), "-wal", NULL);
  g_autoptr(IptStore) second = NULL;
  g_autoptr(IptStore) reader = NULL;
  g_autoptr(IptClient) other = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  second = ipt_store_open (ipt_store_get_path (first), IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_clients (second, &error), ==, 1);
  other = add_client (second, "C-0002");
  g_assert_cmpuint (ipt_store_count_clients (first, &error), ==, 2);

  reader = ipt_store_open (ipt_store_get_path (first), IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_clients (reader, &error), ==, 2);
}

static void
test_open_must_not_exist (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptStore) again = NULL;

  store = ipt_store_open (path, IPT_STORE_OPEN_MUST_NOT_EXIST | IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  again = ipt_store_open (path, IPT_STORE_OPEN_MUST_NOT_EXIST, &error);
  g_assert_null (again);
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS);
}

/* Opens `path`, expects `code` and a one-line message naming the file, and checks that the file
 * is byte for byte as it was and that no -wal, -shm or -journal file appeared. */
static void
assert_refused (const char *path,
                int         code,
                const char *message_part)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);
  gsize before_len = 0, after_len = 0;
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  struct stat st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  if (!is_dir)
    g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = ipt_store_open (path, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IPT_STORE_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, base));
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));

  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  if (!is_dir)
    {
      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (exists (companion));
    }
}

/* A real casebook with a few records, closed (so its WAL is checkpointed away). */
static char *
make_casebook (const char *dir,
               const char *name)
{
  g_autoptr(IptStore) store = open_new (dir, name);
  g_autofree char *path = g_strdup (ipt_store_get_path (store));

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *code = g_strdup_printf ("C-%04u", i);
      g_autoptr(IptClient) client = add_client (store, code);
      g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);

      for (guint n = 1; n <= 4; n++)
        g_object_unref (add_session (store, episode, n, IPT_ATTENDANCE_ATTENDED, 2, 0, 1));
    }

  return g_steal_pointer (&path);
}

static void
test_refuse_random_bytes (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "random.sqlite", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_file_set_contents_full (path, (const char *) bytes, sizeof bytes, G_FILE_SET_CONTENTS_NONE,
                            0644, &error);
  g_assert_no_error (error);

  assert_refused (path, IPT_STORE_ERROR_NOT_A_CASEBOOK, "is not an IPT Casebook file");
}

static void
test_refuse_text_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "scores.csv", NULL);
  g_autoptr(GError) error = NULL;
  const char *text = "client_code,session,date,measure,total,items\n"
                     "C-0001,1,2026-01-05,phq9,18,2;2;2;2;2;2;2;2;2\n";

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  assert_refused (path, IPT_STORE_ERROR_NOT_A_CASEBOOK, "is not an IPT Casebook file");
}

static void
test_refuse_truncated (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *source = make_casebook (dir, "whole.sqlite");
  g_autofree char *path = g_build_filename (dir, "half.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  g_file_set_contents_full (path, contents, length / 2, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  assert_refused (path, IPT_STORE_ERROR_DAMAGED, "is damaged");
}

static void
test_refuse_corrupt_page (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = make_casebook (dir, "corrupt.sqlite");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  /* Garbage over the b-tree pages after the first ones, the header left intact. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 2 * 4096; i < 6 * 4096; i++)
    contents[i] = (char) (i * 7 + 13);
  g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  assert_refused (path, IPT_STORE_ERROR_DAMAGED, "is damaged");
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *plain = g_build_filename (dir, "places.sqlite", NULL);
  g_autofree char *other_id = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *wal = g_build_filename (dir, "wal.sqlite", NULL);

  /* Application id 0, with tables; another program's id; another program's WAL database. */
  make_foreign_db (plain, "CREATE TABLE places (id INTEGER PRIMARY KEY, url TEXT);"
                          "INSERT INTO places (url) VALUES ('https://example.org');");
  make_foreign_db (other_id, "PRAGMA application_id = 1234;"
                             "CREATE TABLE clients (id INTEGER PRIMARY KEY, code TEXT);");
  make_foreign_db (wal, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");

  assert_refused (plain, IPT_STORE_ERROR_NOT_A_CASEBOOK, "is not an IPT Casebook file");
  assert_refused (other_id, IPT_STORE_ERROR_NOT_A_CASEBOOK, "is not an IPT Casebook file");
  assert_refused (wal, IPT_STORE_ERROR_NOT_A_CASEBOOK, "is not an IPT Casebook file");
}

/* Another program has its WAL database open: refusing it must not checkpoint that WAL. */
static void
test_refuse_foreign_live_wal (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "live.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *wal_after = NULL;
  gsize before_len = 0, after_len = 0, wal_before_len = 0, wal_after_len = 0;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* The program stopped without checkpointing (it crashed, say): its WAL holds the pages. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; CREATE TABLE t (x);"
                                     "INSERT INTO t VALUES (1), (2), (3);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_true (g_file_get_contents (wal, &wal_before, &wal_before_len, NULL));
  g_assert_cmpuint (wal_before_len, >, 0);

  store = ipt_store_open (path, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_true (g_file_get_contents (wal, &wal_after, &wal_after_len, NULL));
  g_assert_cmpmem (wal_before, wal_before_len, wal_after, wal_after_len);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = make_casebook (dir, "future.sqlite");

  make_foreign_db (path, "PRAGMA user_version = 99;");

  assert_refused (path, IPT_STORE_ERROR_TOO_NEW,
                  "was written by a newer version of IPT Casebook (schema 99; this version "
                  "reads up to 3)");
}

static void
test_refuse_directory (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "folder.sqlite", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_refused (path, IPT_STORE_ERROR_NOT_A_CASEBOOK, "is not an IPT Casebook file");
}

/* Backups */

static guint
count_backups (const char *dir,
               const char *prefix)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (gdir == NULL)
    return 0;
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".sqlite"))
        n++;
    }
  return n;
}

static void
test_backup_daily_on_open (void)
{
  g_autofree char *path = ipt_store_default_path ();
  g_autofree char *backups = ipt_store_backup_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "casebook-%Y-%m-%d.sqlite");
  g_autofree char *today_path = g_build_filename (backups, today, NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptStore) copy = NULL;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;
  struct stat first, again;

  g_unlink (path);   /* another test may have made it */
  g_assert_false (exists (backups));

  /* A brand-new casebook has nothing to back up. */
  store = ipt_store_open (NULL, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  client = add_client (store, "C-0001");
  g_clear_object (&store);
  g_assert_cmpuint (count_backups (backups, "casebook-"), ==, 0);

  /* The next opening makes today's copy, folder 0700, file 0600. */
  store = ipt_store_open (NULL, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ipt_store_get_backup_error (store));
  g_assert_cmpuint (count_backups (backups, "casebook-"), ==, 1);
  g_assert_true (exists (today_path));
  g_assert_cmpuint (file_mode (backups), ==, 0700);
  g_assert_cmpuint (file_mode (today_path), ==, 0600);
  g_assert_cmpint (g_stat (today_path, &first), ==, 0);
  g_clear_object (&store);

  /* At most one a day: opening again leaves it as it is. */
  store = ipt_store_open (NULL, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (count_backups (backups, "casebook-"), ==, 1);
  g_assert_cmpint (g_stat (today_path, &again), ==, 0);
  g_assert_cmpint (first.st_ino, ==, again.st_ino);
  g_assert_cmpint (first.st_mtime, ==, again.st_mtime);

  /* NO_BACKUP and other files than the default one make none. */
  g_assert_cmpint (g_unlink (today_path), ==, 0);
  store = ipt_store_open (NULL, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (exists (today_path));

  /* The copy is a whole casebook. */
  store = ipt_store_open (NULL, IPT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  copy = ipt_store_open (today_path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_clients (copy, NULL), ==, 1);
}

static void
test_backup_rotation (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "casebook-%Y-%m-%d.sqlite");
  g_autoptr(GError) error = NULL;
  static const char * const others[] = {
    "notes.txt", "other-2020-01-01.sqlite", "casebook-2020-01-01.sqlite.tmp", "casebook-old.sqlite",
  };

  g_assert_cmpint (g_mkdir (backups, 0755), ==, 0);
  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *name = g_strdup_printf ("%s/casebook-2020-01-%02u.sqlite", backups, day);

      g_file_set_contents (name, "old", -1, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *name = g_build_filename (backups, others[i], NULL);

      g_file_set_contents (name, "keep", -1, &error);
      g_assert_no_error (error);
    }

  g_assert_true (ipt_store_backup_daily (store, backups, 5, &error));
  g_assert_no_error (error);

  /* Today's copy and the four newest old ones; other files are not ours to remove. */
  g_assert_cmpuint (count_backups (backups, "casebook-20"), ==, 5);
  {
    g_autofree char *kept = g_build_filename (backups, today, NULL);
    g_autofree char *newest_old = g_build_filename (backups, "casebook-2020-01-20.sqlite", NULL);
    g_autofree char *fourth_old = g_build_filename (backups, "casebook-2020-01-17.sqlite", NULL);
    g_autofree char *gone = g_build_filename (backups, "casebook-2020-01-16.sqlite", NULL);

    g_assert_true (exists (kept));
    g_assert_true (exists (newest_old));
    g_assert_true (exists (fourth_old));
    g_assert_false (exists (gone));
  }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *name = g_build_filename (backups, others[i], NULL);

      g_assert_true (exists (name));
    }

  /* Written to a temporary file, then renamed: none is left behind. */
  {
    g_autoptr(GDir) gdir = g_dir_open (backups, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (gdir)) != NULL)
      g_assert_false (name[0] == '.');
  }

  /* Again the same day: nothing new; keep 2 trims the rest. */
  g_assert_true (ipt_store_backup_daily (store, backups, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (backups, "casebook-20"), ==, 2);
}

/* The caseload */

/* Every course's progress row agrees with the records, except for courses marked stale; with
 * `fresh`, none may be stale. */
static void
assert_series (IptStore *store,
               gboolean  fresh)
{
  if (fresh)
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series_stale"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series_view v "
                                     "LEFT JOIN episode_series t USING (episode_id) "
                                     "WHERE v.episode_id NOT IN "
                                     "(SELECT episode_id FROM episode_series_stale) "
                                     "AND (t.episode_id IS NULL "
                                     "OR t.sessions_attended IS NOT v.sessions_attended "
                                     "OR t.current_session IS NOT v.current_session "
                                     "OR t.phq9 IS NOT v.phq9 OR t.gad7 IS NOT v.gad7)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series WHERE episode_id NOT IN "
                                     "(SELECT id FROM episodes)"), ==, 0);
}

static void
test_caseload (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) b = add_client (store, "B-0002");
  g_autoptr(IptClient) a = add_client (store, "A-0001");
  g_autoptr(IptClient) c = add_client (store, "C-0003");
  g_autoptr(IptEpisode) a_old = add_episode (store, a, "2025-01-06", 12);
  g_autoptr(IptEpisode) a_now = add_episode (store, a, "2026-01-05", 16);
  g_autoptr(IptEpisode) b_now = add_episode (store, b, "2026-01-05", 16);
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(IptCaseSummary) single = NULL;
  g_autoptr(GError) error = NULL;
  IptCaseSummary *summary;
  const IptSeriesPoint *points;
  guint n = 0;

  /* A's first course must not leak into the current one. */
  g_object_unref (add_session (store, a_old, 1, IPT_ATTENDANCE_ATTENDED, 3, 3, 3));
  g_object_unref (add_session (store, a_old, 2, IPT_ATTENDANCE_ATTENDED, 3, 3, 3));
  g_object_unref (add_session (store, a_old, 3, IPT_ATTENDANCE_ATTENDED, 3, 3, 3));
  /* A now: 1 attended (PHQ 2x8 + 1 = 17, GAD 14), 2 DNA (scores ignored), 3 attended without
   * scores, 4 attended (PHQ 8, risk 0; GAD 7), 5 cancelled. */
  g_object_unref (add_session (store, a_now, 1, IPT_ATTENDANCE_ATTENDED, 2, 1, 2));
  g_object_unref (add_session (store, a_now, 2, IPT_ATTENDANCE_DID_NOT_ATTEND, 3, 3, 3));
  g_object_unref (add_session (store, a_now, 3, IPT_ATTENDANCE_ATTENDED, -1, 0, -1));
  g_object_unref (add_session (store, a_now, 4, IPT_ATTENDANCE_ATTENDED, 1, 0, 1));
  g_object_unref (add_session (store, a_now, 5, IPT_ATTENDANCE_CANCELLED_BY_CLIENT, -1, 0, -1));
  /* B: one session with PHQ-9 only. */
  g_object_unref (add_session (store, b_now, 1, IPT_ATTENDANCE_ATTENDED, 1, 2, -1));

  caseload = ipt_store_load_caseload (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caseload->len, ==, 3);

  summary = g_ptr_array_index (caseload, 0);
  g_assert_cmpstr (ipt_client_get_code (ipt_case_summary_get_client (summary)), ==, "A-0001");
  g_assert_cmpint (ipt_episode_get_id (ipt_case_summary_get_episode (summary)), ==,
                   ipt_episode_get_id (a_now));
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 3);
  g_assert_cmpuint (ipt_case_summary_get_current_session (summary), ==, 4);
  points = ipt_case_summary_get_phq9 (summary, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (points[0].session, ==, 1);
  g_assert_cmpint (points[0].total, ==, 17);
  g_assert_cmpint (points[0].risk_item, ==, 1);
  g_assert_cmpuint (points[1].session, ==, 4);
  g_assert_cmpint (points[1].total, ==, 8);
  g_assert_cmpint (points[1].risk_item, ==, 0);
  points = ipt_case_summary_get_gad7 (summary, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (points[0].total, ==, 14);
  g_assert_cmpint (points[1].total, ==, 7);
  g_assert_cmpint (points[1].risk_item, ==, IPT_ITEM_MISSING);
  g_assert_false (ipt_case_summary_get_has_risk (summary));

  summary = g_ptr_array_index (caseload, 1);
  g_assert_cmpstr (ipt_client_get_code (ipt_case_summary_get_client (summary)), ==, "B-0002");
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 1);
  points = ipt_case_summary_get_phq9 (summary, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (points[0].total, ==, 10);
  g_assert_cmpint (points[0].risk_item, ==, 2);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
  g_assert_cmpint (ipt_case_summary_get_signal_kind (summary), ==, IPT_SIGNAL_RISK);
  ipt_case_summary_get_gad7 (summary, &n);
  g_assert_cmpuint (n, ==, 0);

  /* No course yet. */
  summary = g_ptr_array_index (caseload, 2);
  g_assert_cmpstr (ipt_client_get_code (ipt_case_summary_get_client (summary)), ==, "C-0003");
  g_assert_null (ipt_case_summary_get_episode (summary));
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 0);
  g_assert_cmpuint (ipt_case_summary_get_current_session (summary), ==, 0);

  /* One client's summary is the same as in the caseload. */
  single = ipt_store_load_case_summary (store, ipt_client_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (single), ==, 3);
  g_assert_cmpuint (ipt_case_summary_get_current_session (single), ==, 4);
  ipt_case_summary_get_phq9 (single, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (single), ==,
                   ipt_case_summary_get_progress_text (g_ptr_array_index (caseload, 0)));
  g_clear_object (&single);
  assert_series (store, TRUE);
  single = ipt_store_load_case_summary (store, 999, &error);
  g_assert_null (single);
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
}

/* Whatever writes the records, even raw SQL, the caseload follows. */
static void
test_caseload_follows_raw_sql (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = add_client (store, "A-0001");
  g_autoptr(IptClient) b = add_client (store, "B-0001");
  g_autoptr(IptEpisode) a_now = add_episode (store, a, "2026-01-05", 16);
  g_autoptr(IptEpisode) b_now = add_episode (store, b, "2026-01-05", 16);
  g_autoptr(IptSession) s1 = add_session (store, a_now, 1, IPT_ATTENDANCE_ATTENDED, 2, 0, 2);
  g_autoptr(IptSession) s2 = add_session (store, a_now, 2, IPT_ATTENDANCE_ATTENDED, 1, 0, 1);
  g_autoptr(IptSession) s3 = add_session (store, b_now, 1, IPT_ATTENDANCE_ATTENDED, 3, 0, -1);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _ipt_store_get_db (store);
  g_autofree char *sql = NULL;
  g_autoptr(IptCaseSummary) summary = NULL;
  const IptSeriesPoint *points;
  guint n = 0;

  assert_series (store, TRUE);

  /* Item 9 answered later, a session missed after all, a GAD-7 removed, a session moved to
   * another course, a course deleted. */
  sql = g_strdup_printf ("UPDATE scores SET answers = substr (answers, 1, 8) || '2' "
                         "WHERE session_id = %" G_GINT64_FORMAT " AND measure = 'phq9';"
                         "DELETE FROM scores WHERE session_id = %" G_GINT64_FORMAT
                         " AND measure = 'gad7';",
                         ipt_session_get_id (s2), ipt_session_get_id (s2));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series_stale"), ==, 1);
  assert_series (store, FALSE);

  summary = ipt_store_load_case_summary (store, ipt_client_get_id (a), &error);
  g_assert_no_error (error);
  points = ipt_case_summary_get_phq9 (summary, &n);
  g_assert_cmpuint (n, ==, 2);
  /* The total is the model's to compute; the risk item follows the answer. */
  g_assert_cmpint (points[1].total, ==, 8);
  g_assert_cmpint (points[1].risk_item, ==, 2);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
  ipt_case_summary_get_gad7 (summary, &n);
  g_assert_cmpuint (n, ==, 1);
  g_clear_object (&summary);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE sessions SET attendance = 'did-not-attend' WHERE id = %"
                         G_GINT64_FORMAT ";"
                         "UPDATE sessions SET episode_id = %" G_GINT64_FORMAT ", number = 2 "
                         "WHERE id = %" G_GINT64_FORMAT ";",
                         ipt_session_get_id (s2), ipt_episode_get_id (b_now),
                         ipt_session_get_id (s1));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series_stale"), ==, 2);
  assert_series (store, FALSE);

  summary = ipt_store_load_case_summary (store, ipt_client_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 0);
  g_assert_cmpuint (ipt_case_summary_get_current_session (summary), ==, 0);
  ipt_case_summary_get_phq9 (summary, &n);
  g_assert_cmpuint (n, ==, 0);
  g_clear_object (&summary);
  summary = ipt_store_load_case_summary (store, ipt_client_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 2);
  g_assert_cmpuint (ipt_case_summary_get_current_session (summary), ==, 2);
  points = ipt_case_summary_get_phq9 (summary, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (points[0].total, ==, 24);
  g_assert_cmpint (points[1].session, ==, 2);
  g_assert_cmpint (points[1].total, ==, 16);
  g_clear_object (&summary);

  /* The next change through the store brings every course up to date. */
  g_assert_true (ipt_store_delete_session (store, ipt_session_get_id (s3), &error));
  g_assert_no_error (error);
  assert_series (store, TRUE);
  g_assert_true (ipt_store_delete_episode (store, ipt_episode_get_id (b_now), &error));
  g_assert_no_error (error);
  assert_series (store, TRUE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series"), ==, 1);

  /* So does opening the file again. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM sessions", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series_stale"), ==, 1);
  {
    g_autofree char *path = g_strdup (ipt_store_get_path (store));

    g_clear_object (&store);
    store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
    g_assert_no_error (error);
    assert_series (store, TRUE);
    g_assert_cmpint (query_int (store, "SELECT sessions_attended FROM episode_series"), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new", test_open_new);
  g_test_add_func ("/store/open/default-dir-mode", test_open_default_dir_mode);
  g_test_add_func ("/store/open/empty-file", test_open_empty_file);
  g_test_add_func ("/store/open/read-only", test_open_read_only);
  g_test_add_func ("/store/open/must-not-exist", test_open_must_not_exist);
  g_test_add_func ("/store/open/while-open", test_open_while_open);
  g_test_add_func ("/store/refuse/random-bytes", test_refuse_random_bytes);
  g_test_add_func ("/store/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/store/refuse/corrupt-page", test_refuse_corrupt_page);
  g_test_add_func ("/store/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/store/refuse/foreign-live-wal", test_refuse_foreign_live_wal);
  g_test_add_func ("/store/refuse/newer", test_refuse_newer);
  g_test_add_func ("/store/refuse/directory", test_refuse_directory);
  g_test_add_func ("/store/backup/daily-on-open", test_backup_daily_on_open);
  g_test_add_func ("/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/store/caseload/values", test_caseload);
  g_test_add_func ("/store/caseload/follows-raw-sql", test_caseload_follows_raw_sql);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
