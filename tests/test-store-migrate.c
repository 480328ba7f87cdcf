/* Tests of the store's migrations: casebooks of every older schema brought up to date. */
#include "config.h"

#include "test-store-common.h"

#include <string.h>

/* Every row of every table (and the schema), as text: two casebooks with the same dump hold the
 * same records in the same tables. */
static char *
dump_db (sqlite3 *db)
{
  static const char * const queries[] = {
    "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name",
    "SELECT * FROM clients ORDER BY id",
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM episodes ORDER BY id",
    "SELECT * FROM sessions ORDER BY id",
    "SELECT * FROM scores ORDER BY id",
    "SELECT * FROM score_items ORDER BY score_id, item",
    "SELECT * FROM life_events ORDER BY id",
    "SELECT * FROM goals ORDER BY id",
    "SELECT * FROM comments ORDER BY id",
    "SELECT * FROM goal_ratings ORDER BY goal_id, session_number",
    "SELECT * FROM episode_series ORDER BY episode_id",
    "SELECT * FROM episode_series_stale ORDER BY episode_id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (out, "-- %s\n", queries[q]);
      /* A table that an older schema does not have yet. */
      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        {
          g_string_append (out, "(none)\n");
          continue;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (out, "%s|", text != NULL ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (out, FALSE);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static char *
fixture_path (int version)
{
  g_autofree char *name = g_strdup_printf ("casebook-v%d.sqlite", version);

  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* Every client's kept place in the caseload's order (ipt-schema-8.sql) is the model's, none
 * left stale. */
static void
assert_order_kept (IptStore *store)
{
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (query_int (store, "SELECT count (*) FROM caseload_order_stale"), ==, 0);
  caseload = ipt_store_load_caseload (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM caseload_order"), ==, caseload->len);
  for (guint i = 0; i < caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (caseload, i);
      IptClient *client = ipt_case_summary_get_client (summary);
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("SELECT count (*) FROM caseload_order WHERE client_id = %"
                             G_GINT64_FORMAT " AND rank = %u AND code = '%s' AND archived = %d "
                             "AND attention = %d",
                             ipt_client_get_id (client),
                             ipt_case_summary_get_caseload_rank (summary),
                             ipt_client_get_code (client), ipt_client_get_archived (client),
                             ipt_case_summary_get_needs_attention (summary));
      g_assert_cmpint (query_int (store, sql), ==, 1);
    }
}

/* Migrations */

static void
test_migrate_from (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = fixture_path (version);
  g_autofree char *current = fixture_path (IPT_STORE_SCHEMA_VERSION);
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *original = NULL;
  g_autofree char *migrated_dump = NULL;
  g_autofree char *expected_dump = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptStore) reference = NULL;
  g_autoptr(IptStore) old = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GError) error = NULL;
  gsize original_len = 0;

  copy_file (fixture, path);
  g_assert_true (g_file_get_contents (path, &original, &original_len, NULL));
  backup = g_strdup_printf ("%s.before-v%d.bak", path, IPT_STORE_SCHEMA_VERSION);

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, IPT_STORE_SCHEMA_VERSION);

  /* Every record kept, exactly as a casebook made at the current version holds them. */
  {
    g_autofree char *reference_path = g_build_filename (dir, "reference.sqlite", NULL);

    copy_file (current, reference_path);
    reference = ipt_store_open (reference_path, IPT_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
  }
  migrated_dump = dump_db (_ipt_store_get_db (store));
  expected_dump = dump_db (_ipt_store_get_db (reference));
  g_assert_cmpstr (migrated_dump, ==, expected_dump);

  /* Item answers came through; every course has its progress row. */
  scores = ipt_store_list_session_scores (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 2);
  g_assert_cmpint (ipt_score_get_risk_item (g_ptr_array_index (scores, 1)), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series"), ==, 3);

  /* The cached progress was rebuilt: the new numbers show at once. Client 1's current course
   * has appointments 1 and 3 attended and 2 missed: session 2 of 16, not 3. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episode_series_stale"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT attended = '1,3' FROM episode_series "
                                     "WHERE episode_id = 2"), ==, 1);
  {
    g_autoptr(IptCaseSummary) summary = ipt_store_load_case_summary (store, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 2);
    g_assert_cmpstr (ipt_case_summary_get_progress_text (summary), ==,
                     "Session 2 of 16 · Assessment");
  }

  /* The caseload's order is kept for every client, as the model works it out. */
  assert_order_kept (store);

  /* The copy made first is the old file, still at its old version. */
  g_assert_true (exists (backup));
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  old = ipt_store_open (backup, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (old);
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, version);
    sqlite3_finalize (stmt);
    g_clear_pointer (&migrated_dump, g_free);
    migrated_dump = dump_db (db);
    sqlite3_close (db);

    /* Same records and tables as the fixture it was copied from. */
    g_assert_cmpint (sqlite3_open_v2 (fixture, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_clear_pointer (&expected_dump, g_free);
    expected_dump = dump_db (db);
    sqlite3_close (db);
    g_assert_cmpstr (migrated_dump, ==, expected_dump);
  }

  /* Opening again migrates nothing and copies nothing more. */
  g_clear_object (&store);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  {
    g_autofree char *second = g_strdup_printf ("%s.before-v%d-2.bak", path,
                                               IPT_STORE_SCHEMA_VERSION);

    g_assert_false (exists (second));
  }
}

/* A step that fails leaves the file at its version, with nothing of the step in it. */
static void
test_migrate_failing_step (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = fixture_path (1);
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  copy_file (fixture, path);
  /* A table in the way of step 2, as a hand-edited file might have. */
  make_foreign_db (path, "CREATE TABLE goal_ratings (x);");
  backup = g_strdup_printf ("%s.before-v%d.bak", path, IPT_STORE_SCHEMA_VERSION);

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "casebook.sqlite"));
  g_assert_true (exists (backup));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                       "(SELECT count(*) FROM sqlite_schema "
                                       "WHERE name IN ('measure_items', 'episode_series'))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Answers that cannot be kept in scores.answers (written by hand past version 2's trigger) stop
 * step 3 with a message that says so; the file stays at version 2 with every answer. */
static void
test_migrate_unfit_answers (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = fixture_path (2);
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  copy_file (fixture, path);
  /* A BDI-II (totals only) with an answer. */
  make_foreign_db (path, "DROP TRIGGER score_items_in_range_insert;"
                         "INSERT INTO score_items (score_id, item, value) VALUES (9, 1, 2);");

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "does not fit its measure"));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                       "(SELECT count(*) FROM score_items)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 56);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_migrate_current_untouched (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = fixture_path (IPT_STORE_SCHEMA_VERSION);
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GError) error = NULL;

  copy_file (fixture, path);
  backup = g_strdup_printf ("%s.before-v%d.bak", path, IPT_STORE_SCHEMA_VERSION);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_false (exists (backup));

  caseload = ipt_store_load_caseload (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caseload->len, ==, 3);
  /* Made with the sqlite3 shell, it had every client marked: their rows are written now. */
  assert_order_kept (store);
}

static void
test_migrate_backup_not_overwritten (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = fixture_path (1);
  g_autofree char *path = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;

  copy_file (fixture, path);
  first = g_strdup_printf ("%s.before-v%d.bak", path, IPT_STORE_SCHEMA_VERSION);
  second = g_strdup_printf ("%s.before-v%d-2.bak", path, IPT_STORE_SCHEMA_VERSION);
  g_file_set_contents (first, "an earlier copy", -1, &error);
  g_assert_no_error (error);

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (first, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an earlier copy");
  g_assert_true (exists (second));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-store-migrate-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  for (int v = 1; v < IPT_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("/store/migrate/from-v%d", v);

      g_test_add_data_func (name, GINT_TO_POINTER (v), test_migrate_from);
    }
  g_test_add_func ("/store/migrate/failing-step", test_migrate_failing_step);
  g_test_add_func ("/store/migrate/unfit-answers", test_migrate_unfit_answers);
  g_test_add_func ("/store/migrate/current-untouched", test_migrate_current_untouched);
  g_test_add_func ("/store/migrate/backup-not-overwritten", test_migrate_backup_not_overwritten);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
