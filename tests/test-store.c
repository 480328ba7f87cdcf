/* Tests of the casebook store's file: opening it, refusing what is not a casebook, backups. */
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
  g_autofree char *expected = g_strdup_printf ("was written by a newer version of IPT Casebook "
                                               "(schema 99; this version reads up to %d)",
                                               IPT_STORE_SCHEMA_VERSION);

  make_foreign_db (path, "PRAGMA user_version = 99;");

  assert_refused (path, IPT_STORE_ERROR_TOO_NEW, expected);
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

/* A copy replaces a regular file, through a symbolic link too (the link stays); a pipe is
 * refused and stays a pipe. */
static void
test_backup_to_pipe_and_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autofree char *fifo = g_build_filename (dir, "pipe.sqlite", NULL);
  g_autofree char *target = g_build_filename (dir, "copy.sqlite", NULL);
  g_autofree char *link = g_build_filename (dir, "link.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (ipt_store_backup_to (store, fifo, &error));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("copy.sqlite", link), ==, 0);
  g_assert_true (ipt_store_backup_to (store, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "SQLite format 3"));
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
  g_test_add_func ("/store/backup/pipe-and-link", test_backup_to_pipe_and_link);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
