/* The scores CSV across courses: the export writes every course with its ordinal (`course`),
 * the import takes the column (or goes to the current course without it), and an export
 * round-trips exactly. */
#include "config.h"

#include "test-csv-common.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ipt-csv-export.h"
#include "ipt-demo.h"
#include "ipt-import.h"
#include "ipt-store-private.h"
#include "ipt-store.h"

#define COURSE_HEADER "client_code,course,session,date,measure,total,items\n"

static char *
export_scores (IptStore *store)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (ipt_csv_export_scores (store, out, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static int
query_int (IptStore   *store,
           const char *sql)
{
  sqlite3 *db = _ipt_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
import_refused (IptStore   *store,
                const char *text,
                const char *problem)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (import_text (store, text, IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, problem);
}

/* A second course started after the first: the export keeps the first course's scores. */
static void
test_export_every_course (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autofree char *out = NULL;
  sqlite3 *db = _ipt_store_get_db (store);

  import_ok (store, HEADER "A1,1,2025-01-06,phq9,20,\nA1,2,2025-01-13,phq9,14,\n"
                           "B2,1,2025-02-03,gad7,9,\n", IPT_IMPORT_DEFAULT, NULL);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO episodes (client_id, ordinal, start_date, "
                                     "planned_sessions, assessment_end, middle_end) "
                                     "SELECT id, 2, '2026-01-05', 16, 3, 12 FROM clients "
                                     "WHERE code = 'A1'", NULL, NULL, NULL), ==, SQLITE_OK);
  /* without the column, rows go to the current course, as they always did */
  import_ok (store, HEADER "A1,1,2026-01-05,phq9,11,\n", IPT_IMPORT_DEFAULT, NULL);

  out = export_scores (store);
  g_assert_cmpstr (out, ==,
                   EXPECTED_HEADER "\r\n"
                   "A1,1,1,2025-01-06,phq9,20,\r\n"
                   "A1,1,2,2025-01-13,phq9,14,\r\n"
                   "A1,2,1,2026-01-05,phq9,11,\r\n"
                   "B2,1,1,2025-02-03,gad7,9,\r\n");
}

static const char several_courses[] =
  COURSE_HEADER
  "C-0002,2,1,2025-09-01,phq9,17,2;2;2;2;2;2;2;2;1\n"
  "C-0001,1,1,2025-01-06,phq9,21,\n"
  "C-0001,1,1,2025-01-06,gad7,15,\n"
  "C-0002,1,1,2025-02-03,phq9,12,\n"
  "C-0001,3,2,2026-03-09,phq9,6,\n"
  "C-0001,2,1,2025-08-04,wsas,20,4;4;4;4;4\n"
  "C-0001,1,16,2025-04-28,phq9,8,\n"
  "C-0001,3,1,2026-03-02,phq9,9,\n"
  "C-0003,1,1,2026-01-05,phq9,14,\n";

static void
test_import_courses (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  IptImportSummary summary;

  import_ok (store, several_courses, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_clients, ==, 3);
  g_assert_cmpuint (summary.n_clients_new, ==, 3);
  g_assert_cmpuint (summary.n_episodes_new, ==, 6);
  g_assert_cmpuint (summary.n_scores_new, ==, 9);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT group_concat(ordinal, '') FROM (SELECT e.ordinal "
                                     "FROM episodes e JOIN clients c ON c.id = e.client_id "
                                     "WHERE c.code = 'C-0001' ORDER BY e.ordinal)"), ==, 123);
  /* each course starts on the earliest date of its own rows */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episodes e JOIN clients c "
                                     "ON c.id = e.client_id WHERE c.code = 'C-0001' AND "
                                     "e.ordinal = 3 AND e.start_date = '2026-03-02'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT s.number FROM sessions s JOIN episodes e "
                                     "ON e.id = s.episode_id JOIN clients c ON c.id = e.client_id "
                                     "WHERE c.code = 'C-0001' AND e.ordinal = 1 "
                                     "ORDER BY s.number DESC LIMIT 1"), ==, 16);

  /* a row for an earlier course that exists goes to that course */
  import_ok (store, COURSE_HEADER "C-0001,2,2,2025-08-11,phq9,10,\n", IPT_IMPORT_DEFAULT,
             &summary);
  g_assert_cmpuint (summary.n_episodes_new, ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores sc JOIN sessions s "
                                     "ON s.id = sc.session_id JOIN episodes e "
                                     "ON e.id = s.episode_id WHERE e.ordinal = 2 AND "
                                     "s.number = 2 AND sc.total = 10"), ==, 1);

  /* the same file again changes nothing */
  import_ok (store, several_courses, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 9);
}

static void
test_import_courses_refused (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();

  import_ok (store, COURSE_HEADER "A1,1,1,2025-01-06,phq9,20,\n", IPT_IMPORT_DEFAULT, NULL);

  import_refused (store, COURSE_HEADER "A1,1,1,2025-01-06,phq9,20,\nA1,3,1,2026-01-05,phq9,9,\n",
                  "in.csv:3: course 3 of A1 cannot be created: A1 has 1 course, and the next "
                  "one is course 2");
  import_refused (store, COURSE_HEADER "Z9,2,1,2026-01-05,phq9,9,\n",
                  "in.csv:2: course 2 of Z9 cannot be created: Z9 has 0 courses, and the next "
                  "one is course 1");
  import_refused (store, COURSE_HEADER "A1,0,1,2026-01-05,phq9,9,\n",
                  "in.csv:2: course 0 does not exist: courses are numbered from 1 to 99");
  import_refused (store, COURSE_HEADER "A1,,1,2026-01-05,phq9,9,\n",
                  "in.csv:2: missing course number");
  import_refused (store, COURSE_HEADER "A1,x,1,2026-01-05,phq9,9,\n",
                  "in.csv:2: course “x” is not a whole number");
  import_refused (store, COURSE_HEADER "A1,1,1,2025-01-07,phq9,20,\n",
                  "in.csv:2: session 1 of A1 course 1 is dated 2025-01-06 in the casebook, not "
                  "2025-01-07 (import with --replace to change it)");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episodes"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 1);
}

/* Export, import into an empty casebook, export again: the same file. */
static void
test_round_trip (void)
{
  g_autoptr(IptStore) first = open_fresh_store ();
  g_autoptr(IptStore) second = open_fresh_store ();
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  IptImportSummary summary;

  import_ok (first, several_courses, IPT_IMPORT_DEFAULT, NULL);
  out1 = export_scores (first);
  import_ok (second, out1, IPT_IMPORT_DEFAULT, NULL);
  out2 = export_scores (second);
  g_assert_cmpstr (out2, ==, out1);

  import_ok (first, out1, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, summary.n_rows);
}

/* The demo caseload, with its earlier and maintenance courses, round-trips whole. */
static void
test_demo_round_trip (void)
{
  g_autofree char *path = g_build_filename (test_dir, "demo-courses.sqlite", NULL);
  g_autoptr(IptStore) demo = NULL;
  g_autoptr(IptStore) copy = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;

  g_assert_true (ipt_demo_generate (path, 60, IPT_DEMO_SEED_DEFAULT, &error));
  g_assert_no_error (error);
  demo = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* the demo has scores in courses before the current one */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM scores sc JOIN sessions s "
                                    "ON s.id = sc.session_id JOIN episodes e "
                                    "ON e.id = s.episode_id WHERE e.ordinal < (SELECT "
                                    "max(e2.ordinal) FROM episodes e2 "
                                    "WHERE e2.client_id = e.client_id)"), >, 0);

  out1 = export_scores (demo);
  {
    g_auto(GStrv) lines = g_strsplit (out1, "\r\n", -1);

    /* every score, one line each, and the header */
    g_assert_cmpint (g_strv_length (lines) - 2, ==, query_int (demo, "SELECT count(*) FROM scores"));
  }
  import_ok (copy, out1, IPT_IMPORT_DEFAULT, NULL);
  out2 = export_scores (copy);
  g_assert_true (g_str_equal (out1, out2));
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-csv-courses-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/courses/export-every-course", test_export_every_course);
  g_test_add_func ("/csv/courses/import", test_import_courses);
  g_test_add_func ("/csv/courses/import-refused", test_import_courses_refused);
  g_test_add_func ("/csv/courses/round-trip", test_round_trip);
  g_test_add_func ("/csv/courses/demo-round-trip", test_demo_round_trip);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
