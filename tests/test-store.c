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

/* Records */

static void
test_clients (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) ann = ipt_client_new ("C-0002");
  g_autoptr(IptClient) ben = NULL;
  g_autoptr(IptClient) copy = NULL;
  g_autoptr(IptClient) found = NULL;
  g_autoptr(IptClient) none = NULL;
  g_autoptr(IptClient) twin = ipt_client_new ("C-0002");
  g_autoptr(IptClient) bad = ipt_client_new ("C 0003!");
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;

  ipt_client_set_given_name (ann, "Ann");
  ipt_client_set_family_name (ann, "Example");
  ipt_client_set_preferred_name (ann, "Annie");
  ipt_client_set_birth_date (ann, "1980-04-12");
  ipt_client_set_phone (ann, "0100 000 001");
  ipt_client_set_email (ann, "ann@example.org");
  ipt_client_set_referrer (ann, "GP practice");
  ipt_client_set_notes (ann, "Prefers mornings.\nSecond line.");
  g_assert_true (ipt_store_insert_client (store, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_client_get_id (ann), >, 0);
  g_assert_nonnull (ipt_client_get_created_at (ann));
  g_assert_cmpstr (ipt_client_get_created_at (ann), ==, ipt_client_get_updated_at (ann));

  ben = add_client (store, "C-0001");

  copy = ipt_store_get_client (store, ipt_client_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_client_get_code (copy), ==, "C-0002");
  g_assert_cmpstr (ipt_client_get_given_name (copy), ==, "Ann");
  g_assert_cmpstr (ipt_client_get_family_name (copy), ==, "Example");
  g_assert_cmpstr (ipt_client_get_preferred_name (copy), ==, "Annie");
  g_assert_cmpstr (ipt_client_get_birth_date (copy), ==, "1980-04-12");
  g_assert_cmpstr (ipt_client_get_phone (copy), ==, "0100 000 001");
  g_assert_cmpstr (ipt_client_get_email (copy), ==, "ann@example.org");
  g_assert_cmpstr (ipt_client_get_referrer (copy), ==, "GP practice");
  g_assert_cmpstr (ipt_client_get_notes (copy), ==, "Prefers mornings.\nSecond line.");
  g_assert_false (ipt_client_get_archived (copy));
  g_assert_cmpstr (ipt_client_get_created_at (copy), ==, ipt_client_get_created_at (ann));

  /* Update: fields change, updated_at moves on, created_at stays. */
  created = g_strdup (ipt_client_get_created_at (ann));
  updated = g_strdup (ipt_client_get_updated_at (ann));
  g_usleep (2000);
  ipt_client_set_archived (ann, TRUE);
  ipt_client_set_phone (ann, NULL);
  g_assert_true (ipt_store_update_client (store, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_client_get_updated_at (ann), >, updated);
  g_clear_object (&copy);
  copy = ipt_store_get_client (store, ipt_client_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_true (ipt_client_get_archived (copy));
  g_assert_null (ipt_client_get_phone (copy));
  g_assert_cmpstr (ipt_client_get_created_at (copy), ==, created);
  g_assert_cmpstr (ipt_client_get_updated_at (copy), >, updated);

  /* Sorted by code. */
  clients = ipt_store_list_clients (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 2);
  g_assert_cmpstr (ipt_client_get_code (g_ptr_array_index (clients, 0)), ==, "C-0001");
  g_assert_cmpstr (ipt_client_get_code (g_ptr_array_index (clients, 1)), ==, "C-0002");
  g_assert_cmpuint (ipt_store_count_clients (store, &error), ==, 2);

  found = ipt_store_find_client (store, "C-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_client_get_id (found), ==, ipt_client_get_id (ben));
  none = ipt_store_find_client (store, "C-9999", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* A second client with the same code conflicts; a bad code is the model's refusal. */
  g_assert_false (ipt_store_insert_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (ipt_client_get_id (twin), ==, 0);
  g_assert_false (ipt_store_insert_client (store, bad, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ipt_store_count_clients (store, NULL), ==, 2);

  g_assert_null (ipt_store_get_client (store, 999, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ipt_client_set_id (twin, 999);
  g_assert_false (ipt_store_update_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_episodes (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) first = ipt_episode_new (ipt_client_get_id (client), "2025-03-03", 12);
  g_autoptr(IptEpisode) second = NULL;
  g_autoptr(IptEpisode) copy = NULL;
  g_autoptr(IptEpisode) current = NULL;
  g_autoptr(IptEpisode) bad = NULL;
  g_autoptr(IptEpisode) orphan = NULL;
  g_autoptr(IptPerson) father = ipt_person_new (ipt_client_get_id (client), "Father", "father", 1);
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_store_save_person (store, father, &error));
  g_assert_no_error (error);

  ipt_episode_set_focus (first, IPT_FOCUS_GRIEF);
  ipt_episode_set_secondary_focus (first, IPT_FOCUS_ROLE_TRANSITION);
  ipt_episode_set_focus_person_id (first, ipt_person_get_id (father));
  ipt_episode_set_focus_date (first, "2025-01-20");
  ipt_episode_set_formulation (first, "Low mood since his father died.");
  ipt_episode_set_agreed_on (first, "2025-03-17");
  ipt_episode_set_status (first, IPT_EPISODE_STATUS_ENDED);
  ipt_episode_set_end_date (first, "2025-05-26");
  ipt_episode_set_end_reason (first, "Completed");
  g_assert_true (ipt_store_insert_episode (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_episode_get_ordinal (first), ==, 1);

  second = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
  ipt_episode_set_focus (second, IPT_FOCUS_ROLE_DISPUTE);
  ipt_episode_set_dispute_stage (second, IPT_DISPUTE_STAGE_IMPASSE);
  ipt_episode_set_old_role (second, "Employee");
  ipt_episode_set_new_role (second, "Retired");
  g_assert_true (ipt_store_insert_episode (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_episode_get_ordinal (second), ==, 2);

  copy = ipt_store_get_episode (store, ipt_episode_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_client_id (copy), ==, ipt_client_get_id (client));
  g_assert_cmpstr (ipt_episode_get_start_date (copy), ==, "2025-03-03");
  g_assert_cmpuint (ipt_episode_get_planned_sessions (copy), ==, 12);
  g_assert_cmpuint (ipt_episode_get_assessment_end (copy), ==, 3);
  g_assert_cmpuint (ipt_episode_get_middle_end (copy), ==, 9);
  g_assert_cmpint (ipt_episode_get_focus (copy), ==, IPT_FOCUS_GRIEF);
  g_assert_cmpint (ipt_episode_get_secondary_focus (copy), ==, IPT_FOCUS_ROLE_TRANSITION);
  g_assert_cmpint (ipt_episode_get_focus_person_id (copy), ==, ipt_person_get_id (father));
  g_assert_cmpstr (ipt_episode_get_focus_date (copy), ==, "2025-01-20");
  g_assert_cmpstr (ipt_episode_get_formulation (copy), ==, "Low mood since his father died.");
  g_assert_cmpstr (ipt_episode_get_agreed_on (copy), ==, "2025-03-17");
  g_assert_cmpint (ipt_episode_get_status (copy), ==, IPT_EPISODE_STATUS_ENDED);
  g_assert_cmpstr (ipt_episode_get_end_date (copy), ==, "2025-05-26");
  g_assert_cmpstr (ipt_episode_get_end_reason (copy), ==, "Completed");

  current = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_id (current), ==, ipt_episode_get_id (second));
  g_assert_cmpint (ipt_episode_get_dispute_stage (current), ==, IPT_DISPUTE_STAGE_IMPASSE);
  g_assert_cmpstr (ipt_episode_get_old_role (current), ==, "Employee");
  g_assert_cmpstr (ipt_episode_get_new_role (current), ==, "Retired");
  g_assert_cmpint (ipt_episode_get_focus (current), ==, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_cmpint (ipt_episode_get_secondary_focus (current), ==, IPT_FOCUS_NONE);

  /* Update the contract. */
  ipt_episode_set_planned_sessions (second, 20);
  ipt_episode_set_assessment_end (second, 5);
  ipt_episode_set_middle_end (second, 15);
  g_assert_true (ipt_store_update_episode (store, second, &error));
  g_assert_no_error (error);
  episodes = ipt_store_list_episodes (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, ==, 2);
  g_assert_cmpuint (ipt_episode_get_ordinal (g_ptr_array_index (episodes, 0)), ==, 1);
  g_assert_cmpuint (ipt_episode_get_planned_sessions (g_ptr_array_index (episodes, 1)), ==, 20);
  g_assert_cmpuint (ipt_episode_get_middle_end (g_ptr_array_index (episodes, 1)), ==, 15);

  /* The model refuses a broken contract with its own message. */
  ipt_episode_set_middle_end (second, 4);
  {
    g_autoptr(GError) model_error = NULL;

    g_assert_false (ipt_episode_validate (second, &model_error));
    g_assert_false (ipt_store_update_episode (store, second, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, model_error->message);
    g_clear_error (&error);
  }
  ipt_episode_set_middle_end (second, 15);
  ipt_episode_set_planned_sessions (second, 7);
  g_assert_false (ipt_store_update_episode (store, second, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ipt_episode_set_planned_sessions (second, 20);
  bad = ipt_episode_new (ipt_client_get_id (client), "2026-02-30", 16);
  g_assert_false (ipt_store_insert_episode (store, bad, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A course of a client who does not exist. */
  orphan = ipt_episode_new (4242, "2026-01-05", 16);
  g_assert_false (ipt_store_insert_episode (store, orphan, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ipt_episode_get_id (orphan), ==, 0);

  /* Deleting the person the course focuses on leaves the course without one. */
  g_assert_true (ipt_store_delete_person (store, ipt_person_get_id (father), &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = ipt_store_get_episode (store, ipt_episode_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_focus_person_id (copy), ==, 0);

  g_assert_true (ipt_store_delete_episode (store, ipt_episode_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_false (ipt_store_delete_episode (store, ipt_episode_get_id (second), &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&current);
  current = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
  g_assert_cmpint (ipt_episode_get_id (current), ==, ipt_episode_get_id (first));
}

static void
test_sessions_and_scores (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), 5, "2026-02-02");
  g_autoptr(IptSession) later = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) replaced = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  IptSession *copy;
  IptScore *score;
  const int phq9[9] = { 3, 2, 2, 1, 1, 1, 0, 0, 2 };
  const int wsas[5] = { 5, 4, 5, IPT_ITEM_MISSING, 4 };
  const int *items;
  guint n_items = 0;

  ipt_session_set_attendance (session, IPT_ATTENDANCE_ATTENDED);
  ipt_session_set_attendees (session, IPT_ATTENDEES_WITH_PARTNER);
  ipt_session_set_duration (session, 55);
  ipt_session_set_note_agenda (session, "Agenda");
  ipt_session_set_note_events (session, "Events");
  ipt_session_set_note_between (session, "Between");
  ipt_session_set_tasks_done (session, 0x5);
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("wsas"), wsas, 5));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("bdi2"), 24));
  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_session_get_id (session), >, 0);
  for (guint i = 0; i < scores->len; i++)
    {
      g_assert_cmpint (ipt_score_get_id (g_ptr_array_index (scores, i)), >, 0);
      g_assert_cmpint (ipt_score_get_session_id (g_ptr_array_index (scores, i)), ==,
                       ipt_session_get_id (session));
    }

  later = add_session (store, episode, 14, IPT_ATTENDANCE_DID_NOT_ATTEND, -1, 0, -1);

  /* By number, with the phase from the course's boundaries (4 / 12 of 16). */
  sessions = ipt_store_list_sessions (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  copy = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (ipt_session_get_id (copy), ==, ipt_session_get_id (session));
  g_assert_cmpint (ipt_session_get_episode_id (copy), ==, ipt_episode_get_id (episode));
  g_assert_cmpuint (ipt_session_get_number (copy), ==, 5);
  g_assert_cmpstr (ipt_session_get_date (copy), ==, "2026-02-02");
  g_assert_cmpint (ipt_session_get_attendance (copy), ==, IPT_ATTENDANCE_ATTENDED);
  g_assert_cmpint (ipt_session_get_attendees (copy), ==, IPT_ATTENDEES_WITH_PARTNER);
  g_assert_cmpuint (ipt_session_get_duration (copy), ==, 55);
  g_assert_cmpstr (ipt_session_get_note_agenda (copy), ==, "Agenda");
  g_assert_cmpstr (ipt_session_get_note_events (copy), ==, "Events");
  g_assert_cmpstr (ipt_session_get_note_between (copy), ==, "Between");
  g_assert_cmpuint (ipt_session_get_tasks_done (copy), ==, 0x5);
  g_assert_cmpint (ipt_session_get_phase (copy), ==, IPT_PHASE_MIDDLE);
  copy = g_ptr_array_index (sessions, 1);
  g_assert_cmpint (ipt_session_get_attendance (copy), ==, IPT_ATTENDANCE_DID_NOT_ATTEND);
  g_assert_cmpint (ipt_session_get_phase (copy), ==, IPT_PHASE_END);

  /* Items are stored 1-based, a missing answer as NULL, and come back as the model has them. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 14);
  g_assert_cmpint (query_int (store, "SELECT min(item) FROM score_items"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items WHERE value IS NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (store, "SELECT risk FROM scores WHERE measure = 'phq9'"), ==, 1);

  loaded = ipt_store_list_scores (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  /* By measure id within the session: bdi2, phq9, wsas. */
  score = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (ipt_score_get_measure_id (score), ==, "bdi2");
  g_assert_false (ipt_score_has_items (score));
  g_assert_cmpint (ipt_score_get_total (score), ==, 24);
  score = g_ptr_array_index (loaded, 1);
  g_assert_cmpstr (ipt_score_get_measure_id (score), ==, "phq9");
  g_assert_cmpstr (ipt_score_get_measure_version (score), ==, "1");
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpmem (items, n_items * sizeof (int), phq9, sizeof phq9);
  g_assert_cmpint (ipt_score_get_total (score), ==, 12);
  g_assert_true (ipt_score_get_risk (score));
  g_assert_cmpint (ipt_score_get_session_id (score), ==, ipt_session_get_id (session));
  score = g_ptr_array_index (loaded, 2);
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpmem (items, n_items * sizeof (int), wsas, sizeof wsas);
  g_assert_cmpint (ipt_score_get_total (score),
                   ==, ipt_score_get_total (g_ptr_array_index (scores, 1)));
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Scores NULL: the session changes, its scores stay. */
  ipt_session_set_note_agenda (session, "Changed");
  g_assert_true (ipt_store_save_session (store, session, NULL, &error));
  g_assert_no_error (error);
  loaded = ipt_store_list_session_scores (store, ipt_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* A list replaces them; an empty one removes them. */
  g_ptr_array_add (replaced, ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 9));
  g_assert_true (ipt_store_save_session (store, session, replaced, &error));
  g_assert_no_error (error);
  loaded = ipt_store_list_session_scores (store, ipt_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (ipt_score_get_measure_id (g_ptr_array_index (loaded, 0)), ==, "gad7");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_ptr_array_set_size (replaced, 0);
  g_assert_true (ipt_store_save_session (store, session, replaced, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 0);

  /* Two PHQ-9 in one session, or a second session 5, are refused. */
  g_ptr_array_add (replaced, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 9));
  g_ptr_array_add (replaced, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 10));
  g_assert_false (ipt_store_save_session (store, session, replaced, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(IptSession) twin = ipt_session_new (ipt_episode_get_id (episode), 5, "2026-02-03");

    g_assert_false (ipt_store_save_session (store, twin, NULL, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (ipt_session_get_id (twin), ==, 0);
  }

  g_assert_true (ipt_store_delete_session (store, ipt_session_get_id (later), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
}

static void
test_inventory_timeline_goals_comments (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (client), "Sam", "partner", 1);
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(IptGoal) goal = ipt_goal_new (ipt_episode_get_id (episode), "See friends weekly");
  g_autoptr(IptComment) comment = ipt_comment_new (ipt_episode_get_id (episode), "Supervisor",
                                                   "Check item 9 at every session.");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GError) error = NULL;
  IptPerson *p;
  IptLifeEvent *e;
  IptGoal *g;
  IptComment *c;

  ipt_person_set_ideal_ring (person, 2);
  ipt_person_set_contact (person, "Every day");
  ipt_person_set_satisfying (person, "Kind");
  ipt_person_set_unsatisfying (person, "Money");
  ipt_person_set_changes_wanted (person, "Talk calmly");
  ipt_person_set_knows_about_mood (person, TRUE);
  g_assert_true (ipt_store_save_person (store, person, &error));
  g_assert_no_error (error);
  ipt_person_set_ring (person, 2);
  g_assert_true (ipt_store_save_person (store, person, &error));
  list = ipt_store_list_people (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  p = g_ptr_array_index (list, 0);
  g_assert_cmpint (ipt_person_get_id (p), ==, ipt_person_get_id (person));
  g_assert_cmpstr (ipt_person_get_name (p), ==, "Sam");
  g_assert_cmpstr (ipt_person_get_relationship (p), ==, "partner");
  g_assert_cmpuint (ipt_person_get_ring (p), ==, 2);
  g_assert_cmpuint (ipt_person_get_ideal_ring (p), ==, 2);
  g_assert_cmpstr (ipt_person_get_contact (p), ==, "Every day");
  g_assert_cmpstr (ipt_person_get_satisfying (p), ==, "Kind");
  g_assert_cmpstr (ipt_person_get_unsatisfying (p), ==, "Money");
  g_assert_cmpstr (ipt_person_get_changes_wanted (p), ==, "Talk calmly");
  g_assert_true (ipt_person_get_knows_about_mood (p));
  g_clear_pointer (&list, g_ptr_array_unref);

  event = ipt_life_event_new (ipt_client_get_id (client), "2025-12-24", "Argument", -3);
  ipt_life_event_set_person_id (event, ipt_person_get_id (person));
  g_assert_true (ipt_store_save_life_event (store, event, &error));
  g_assert_no_error (error);
  list = ipt_store_list_life_events (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_life_event_get_date (e), ==, "2025-12-24");
  g_assert_cmpstr (ipt_life_event_get_title (e), ==, "Argument");
  g_assert_cmpint (ipt_life_event_get_impact (e), ==, -3);
  g_assert_cmpint (ipt_life_event_get_person_id (e), ==, ipt_person_get_id (person));
  g_clear_pointer (&list, g_ptr_array_unref);
  ipt_life_event_set_impact (event, 9);
  g_assert_false (ipt_store_save_life_event (store, event, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ipt_goal_set_first_rating (goal, 2);
  g_assert_true (ipt_store_save_goal (store, goal, &error));
  g_assert_no_error (error);
  list = ipt_store_list_goals (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_goal_get_text (g), ==, "See friends weekly");
  g_assert_cmpint (ipt_goal_get_first_rating (g), ==, 2);
  g_assert_cmpint (ipt_goal_get_latest_rating (g), ==, IPT_GOAL_RATING_NONE);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Ratings by session drive the first and latest ratings. */
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 3, 4, &error));
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 1, 3, &error));
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 6, 7, &error));
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 6, 8, &error));
  g_assert_no_error (error);
  g_assert_false (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 7, 11, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ratings = ipt_store_list_goal_ratings (store, ipt_goal_get_id (goal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 3);
  g_assert_cmpuint (g_array_index (ratings, IptGoalRating, 0).session_number, ==, 1);
  g_assert_cmpint (g_array_index (ratings, IptGoalRating, 0).rating, ==, 3);
  g_assert_cmpuint (g_array_index (ratings, IptGoalRating, 2).session_number, ==, 6);
  g_assert_cmpint (g_array_index (ratings, IptGoalRating, 2).rating, ==, 8);
  ipt_goal_set_text (goal, "See two friends weekly");
  g_assert_true (ipt_store_save_goal (store, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_goal_get_first_rating (goal), ==, 3);
  g_assert_cmpint (ipt_goal_get_latest_rating (goal), ==, 8);
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 6,
                                            IPT_GOAL_RATING_NONE, &error));
  list = ipt_store_list_goals (store, ipt_episode_get_id (episode), &error);
  g = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_goal_get_text (g), ==, "See two friends weekly");
  g_assert_cmpint (ipt_goal_get_latest_rating (g), ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);

  ipt_comment_set_session_number (comment, 3);
  g_assert_true (ipt_store_save_comment (store, comment, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ipt_comment_get_created_at (comment));
  list = ipt_store_list_comments (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_comment_get_author (c), ==, "Supervisor");
  g_assert_cmpstr (ipt_comment_get_text (c), ==, "Check item 9 at every session.");
  g_assert_cmpuint (ipt_comment_get_session_number (c), ==, 3);
  g_assert_cmpstr (ipt_comment_get_created_at (c), ==, ipt_comment_get_created_at (comment));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Deleting the client removes everything of theirs. */
  g_object_unref (add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED, 1, 0, 1));
  g_assert_true (ipt_store_delete_client (store, ipt_client_get_id (client), &error));
  g_assert_no_error (error);
  {
    static const char * const tables[] = {
      "clients", "people", "episodes", "sessions", "scores", "score_items", "life_events",
      "goals", "goal_ratings", "comments",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

        g_assert_cmpint (query_int (store, sql), ==, 0);
      }
  }
}

/* Rules */

static void
test_check_raw_sql (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED,
                                               -1, 0, -1);
  sqlite3 *db = _ipt_store_get_db (store);
  g_autofree char *setup = NULL;
  static const char * const refused[] = {
    "UPDATE scores SET total = 28 WHERE measure = 'phq9'",
    "UPDATE scores SET total = 22 WHERE measure = 'gad7'",
    "INSERT INTO scores (session_id, measure, measure_version, total) VALUES (1, 'mood', '1', 2)",
    "UPDATE scores SET total = -1 WHERE measure = 'wsas'",
    "UPDATE scores SET total = 41 WHERE measure = 'wsas'",
    "UPDATE scores SET answers = '4--------' WHERE id = 1",            /* PHQ-9 item 1 is 0-3 */
    "UPDATE scores SET answers = '3--------0' WHERE id = 1",           /* PHQ-9 has no item 10 */
    "UPDATE scores SET answers = '3-------' WHERE id = 1",             /* nor only 8 */
    "UPDATE scores SET answers = '3-------x' WHERE id = 1",
    "UPDATE scores SET answers = '3 -------' WHERE id = 1",
    "UPDATE scores SET answers = CAST ('3--------' AS BLOB) WHERE id = 1",
    "UPDATE scores SET answers = '4-----3' WHERE id = 2",              /* GAD-7 item 1 is 0-3 */
    "UPDATE scores SET answers = '9---8' WHERE id = 3",                /* WSAS items are 0-8 */
    "UPDATE scores SET answers = '4--3-------------' WHERE id = 4",    /* HAM-D item 4 is 0-2 */
    "UPDATE scores SET answers = '4--2------------3' WHERE id = 4",    /* item 17 is 0-2 */
    "UPDATE scores SET answers = '1' WHERE id = 5",                    /* BDI-II: totals only */
    "INSERT INTO scores (session_id, measure, measure_version, answers) "
    "VALUES (1, 'epds', '1', '0000000000')",
    "UPDATE scores SET measure = 'epds' WHERE id = 1",
    "UPDATE scores SET measure = 'gad7' WHERE id = 1",
    "UPDATE episodes SET planned_sessions = 7",
    "UPDATE episodes SET planned_sessions = 21",
    "UPDATE episodes SET assessment_end = 12",
    "UPDATE episodes SET middle_end = 16",
    "UPDATE episodes SET assessment_end = 0",
    "UPDATE episodes SET start_date = '2026-02-30'",
    "UPDATE episodes SET start_date = '5 January 2026'",
    "UPDATE episodes SET focus = 'anger'",
    "UPDATE episodes SET status = 'paused'",
    "UPDATE sessions SET attendance = 'late'",
    "UPDATE sessions SET attendees = 'dog'",
    "UPDATE sessions SET date = '2026-02-30'",
    "UPDATE sessions SET number = 0",
    "UPDATE sessions SET duration = 0",
    "UPDATE clients SET birth_date = '1980-13-01'",
    "UPDATE clients SET code = 'C 1'",
    "UPDATE clients SET archived = 2",
    "INSERT INTO people (client_id, name, ring) VALUES (1, 'X', 4)",
    "INSERT INTO life_events (client_id, date, title, impact) VALUES (1, '2026-01-01', 'X', 6)",
    "INSERT INTO goals (episode_id, text, first_rating) VALUES (1, 'X', 11)",
    "INSERT INTO goal_ratings (goal_id, session_number, rating) VALUES (1, 1, 11)",
    "INSERT INTO sessions (episode_id, number, date) VALUES (999, 2, '2026-01-12')",
  };

  /* Scores 1 phq9, 2 gad7, 3 wsas, 4 hamd17, 5 bdi2 at session 1; a goal. */
  setup = g_strdup_printf ("INSERT INTO scores (id, session_id, measure, measure_version, total) "
                           "VALUES (1, %1$" G_GINT64_FORMAT ", 'phq9', '1', NULL), "
                           "(2, %1$" G_GINT64_FORMAT ", 'gad7', '1', NULL), "
                           "(3, %1$" G_GINT64_FORMAT ", 'wsas', '1', NULL), "
                           "(4, %1$" G_GINT64_FORMAT ", 'hamd17', '1', NULL), "
                           "(5, %1$" G_GINT64_FORMAT ", 'bdi2', '1', 20);"
                           "UPDATE scores SET answers = '3--------' WHERE id = 1;"
                           "UPDATE scores SET answers = '------3' WHERE id = 2;"
                           "UPDATE scores SET answers = '----8' WHERE id = 3;"
                           "UPDATE scores SET answers = '4--2-------------' WHERE id = 4;"
                           "INSERT INTO goals (id, episode_id, text) VALUES (1, 1, 'Goal');",
                           ipt_session_get_id (session));
  g_assert_cmpint (sqlite3_exec (db, setup, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      int rc = sqlite3_exec (db, refused[i], NULL, NULL, NULL);

      if ((rc & 0xff) != SQLITE_CONSTRAINT)
        g_error ("not refused (%d): %s", rc, refused[i]);
    }

  /* Nothing changed. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 9 + 7 + 5 + 17);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items WHERE value IS NOT NULL"),
                   ==, 5);
  g_assert_cmpint (query_int (store,
                              "SELECT value FROM score_items WHERE score_id = 1 AND item = 1"),
                   ==, 3);
  g_assert_cmpint (query_int (store,
                              "SELECT value FROM score_items WHERE score_id = 4 AND item = 4"),
                   ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores WHERE answers IS NOT NULL"),
                   ==, 4);
  g_assert_cmpint (query_int (store, "SELECT planned_sessions FROM episodes"), ==, 16);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
}

/* The item ranges of the database are those of the model's registry. */
static void
test_check_measure_items (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  guint total_items = 0;

  for (guint m = 0; m < ipt_measure_get_n_measures (); m++)
    {
      const IptMeasure *measure = ipt_measure_get_nth (m);

      for (guint i = 0; i < measure->n_items; i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT min_value * 1000000 + max_value * 1000 + "
                                                  "risk FROM measure_items WHERE measure = '%s' "
                                                  "AND item = %u",
                                                  measure->id, i + 1);
          gint64 expected = measure->items[i].min * 1000000 + measure->items[i].max * 1000 +
                            (measure->risk_item == (int) i ? 1 : 0);

          g_assert_cmpint (query_int (store, sql), ==, expected);
          total_items++;
        }
    }

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM measure_items"), ==, total_items);
}

/* Transactions */

static void
test_transaction_failing_save (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), 1, "2026-01-05");
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const int phq9[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 0 };

  /* A disk that refuses the second questionnaire half-way through the save. */
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (store),
                                 "CREATE TEMP TRIGGER refuse_gad7 BEFORE INSERT ON main.scores "
                                 "WHEN NEW.measure = 'gad7' BEGIN SELECT RAISE (ABORT, 'no'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 5));
  g_assert_false (ipt_store_save_session (store, session, scores, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (ipt_session_get_id (session), ==, 0);
  g_assert_cmpint (ipt_score_get_id (g_ptr_array_index (scores, 0)), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (_ipt_store_get_db (store)));

  /* The same save without the GAD-7 goes through. */
  g_ptr_array_remove_index (scores, 1);
  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 9);
}

static void
test_transaction_begin_commit (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = ipt_client_new ("C-0001");
  g_autoptr(IptClient) b = ipt_client_new ("C-0002");
  g_autoptr(IptClient) twin = ipt_client_new ("C-0001");
  g_autoptr(IptClient) c = ipt_client_new ("C-0003");
  g_autoptr(GError) error = NULL;

  /* Inside one user action, a failing call undoes only itself; rollback undoes all. */
  g_assert_true (ipt_store_begin (store, &error));
  g_assert_true (ipt_store_insert_client (store, a, &error));
  g_assert_false (ipt_store_insert_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (ipt_store_insert_client (store, b, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 2);
  ipt_store_rollback (store);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (_ipt_store_get_db (store)));

  g_assert_true (ipt_store_begin (store, &error));
  g_assert_true (ipt_store_insert_client (store, c, &error));
  g_assert_true (ipt_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);

  g_assert_false (ipt_store_commit (store, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
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
  g_test_add_func ("/store/records/clients", test_clients);
  g_test_add_func ("/store/records/episodes", test_episodes);
  g_test_add_func ("/store/records/sessions-and-scores", test_sessions_and_scores);
  g_test_add_func ("/store/records/inventory-timeline-goals-comments",
                   test_inventory_timeline_goals_comments);
  g_test_add_func ("/store/check/raw-sql", test_check_raw_sql);
  g_test_add_func ("/store/check/measure-items", test_check_measure_items);
  g_test_add_func ("/store/transaction/failing-save", test_transaction_failing_save);
  g_test_add_func ("/store/transaction/begin-commit", test_transaction_begin_commit);
  g_test_add_func ("/store/backup/daily-on-open", test_backup_daily_on_open);
  g_test_add_func ("/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/store/caseload/values", test_caseload);
  g_test_add_func ("/store/caseload/follows-raw-sql", test_caseload_follows_raw_sql);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
