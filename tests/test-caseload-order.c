/* Tests of the caseload's order the store keeps for each client (ipt-schema-8.sql): after every
 * kind of write it is what the model works out from the records, and the top of the caseload and
 * its counts read from it are those of the whole caseload. */
#include "config.h"

#include "test-store-common.h"

#include <string.h>

#include "ipt-import.h"
#include "ipt-store-casework.h"
#include "ipt-store-snapshot.h"

/* The whole caseload as the model sees it, in its order. */
static GPtrArray *
whole_caseload (IptStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries = ipt_store_load_caseload (store, &error);

  g_assert_no_error (error);
  g_ptr_array_sort (summaries, ipt_case_summary_compare_caseload);
  return summaries;
}

static gint64
id_of (IptCaseSummary *summary)
{
  return ipt_client_get_id (ipt_case_summary_get_client (summary));
}

/* The kept rows, none stale, are exactly the model's: one per client, same rank, code, archived
 * flag and attention; the head of every length is the start of the whole caseload, and the
 * counts are the whole caseload's. */
static void
assert_order_kept (IptStore *store)
{
  g_autoptr(GPtrArray) whole = whole_caseload (store);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_running = 0;
  guint n_attention = 0;
  guint counted_running = G_MAXUINT;
  guint counted_attention = G_MAXUINT;
  guint i = 0;

  g_assert_cmpint (query_int (store, "SELECT count (*) FROM caseload_order_stale"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM caseload_order"), ==, whole->len);

  /* In the index's order, row by row against the model's order. */
  g_assert_cmpint (sqlite3_prepare_v2 (_ipt_store_get_db (store),
                                       "SELECT client_id, rank, code, archived, attention "
                                       "FROM caseload_order ORDER BY rank, code",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IptCaseSummary *summary;
      IptClient *client;

      g_assert_cmpuint (i, <, whole->len);
      summary = g_ptr_array_index (whole, i++);
      client = ipt_case_summary_get_client (summary);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, ipt_client_get_id (client));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==,
                       ipt_case_summary_get_caseload_rank (summary));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==,
                       ipt_client_get_code (client));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, ipt_client_get_archived (client));
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==,
                       ipt_case_summary_get_needs_attention (summary));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (i, ==, whole->len);

  for (guint n = 1; n <= whole->len + 1; n++)
    {
      g_autoptr(GPtrArray) head = ipt_store_load_caseload_head (store, n, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (head->len, ==, MIN (n, whole->len));
      for (guint k = 0; k < head->len; k++)
        g_assert_cmpint (id_of (g_ptr_array_index (head, k)), ==,
                         id_of (g_ptr_array_index (whole, k)));
    }

  for (guint k = 0; k < whole->len; k++)
    {
      IptCaseSummary *summary = g_ptr_array_index (whole, k);

      if (ipt_client_get_archived (ipt_case_summary_get_client (summary))
          || ipt_case_summary_get_caseload_rank (summary) == IPT_CASELOAD_RANK_NOT_RUNNING)
        continue;
      n_running++;
      if (ipt_case_summary_get_needs_attention (summary))
        n_attention++;
    }
  g_assert_true (ipt_store_count_caseload (store, &counted_running, &counted_attention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counted_running, ==, n_running);
  g_assert_cmpuint (counted_attention, ==, n_attention);
}

static void
save_review (IptStore  *store,
             gint64     episode_id,
             const char *date,
             IptRiskReview **out)
{
  g_autoptr(IptRiskReview) review = ipt_risk_review_new (episode_id, date);
  g_autoptr(GError) error = NULL;

  ipt_risk_review_set_asked (review, "Thoughts of self-harm");
  ipt_risk_review_set_plan (review, "Safety plan agreed");
  g_assert_true (ipt_store_save_risk_review (store, review, &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&review);
}

/* Every kind of write the window makes, each followed by the check. */
static void
test_order_follows_writes (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = add_client (store, "C-0003");
  g_autoptr(IptClient) b = add_client (store, "C-0001");
  g_autoptr(IptClient) c = add_client (store, "C-0002");
  g_autoptr(IptClient) d = add_client (store, "C-0010");
  g_autoptr(IptEpisode) a_now = NULL;
  g_autoptr(IptEpisode) b_now = NULL;
  g_autoptr(IptEpisode) c_now = NULL;
  g_autoptr(IptSession) risky = NULL;
  g_autoptr(IptSession) s = NULL;
  g_autoptr(IptRiskReview) review = NULL;
  g_autoptr(IptCourseEnding) ending = NULL;
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  g_autoptr(IptEpisode) next = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *csv =
    "client_code,session,date,measure,total,items\n"
    "C-0002,3,2026-01-19,phq9,22,\n"
    "C-0020,1,2026-01-05,phq9,12,\n"
    "C-0020,2,2026-01-12,phq9,20,\n";

  /* Clients without a course. */
  assert_order_kept (store);

  /* Courses started: no scores yet. */
  a_now = add_episode (store, a, "2026-01-05", 16);
  b_now = add_episode (store, b, "2026-01-05", 8);
  c_now = add_episode (store, c, "2026-01-05", 12);
  assert_order_kept (store);

  /* Sessions saved: a risk (item 9 above 0), a deterioration, one on track. */
  risky = add_session (store, a_now, 1, IPT_ATTENDANCE_ATTENDED, 1, 2, 1);
  assert_order_kept (store);
  g_clear_object (&s);
  s = add_session (store, b_now, 1, IPT_ATTENDANCE_ATTENDED, 1, 0, 1);
  g_clear_object (&s);
  s = add_session (store, b_now, 2, IPT_ATTENDANCE_ATTENDED, 2, 0, 2);
  g_clear_object (&s);
  s = add_session (store, c_now, 1, IPT_ATTENDANCE_ATTENDED, 2, 0, 2);
  assert_order_kept (store);

  /* A score changed (the session saved again with other answers). */
  {
    g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
    int items[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };

    g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), items, 9));
    g_assert_true (ipt_store_save_session (store, s, scores, &error));
    g_assert_no_error (error);
  }
  assert_order_kept (store);

  /* The contract changed: b reaches its midpoint not yet improved (not on track). */
  ipt_episode_set_planned_sessions (b_now, 20);
  ipt_episode_set_assessment_end (b_now, 4);
  ipt_episode_set_middle_end (b_now, 16);
  g_assert_true (ipt_store_update_episode (store, b_now, &error));
  g_assert_no_error (error);
  assert_order_kept (store);

  /* A risk review, then a later item 9 above 0, then the review deleted. */
  save_review (store, ipt_episode_get_id (a_now), "2026-01-06", &review);
  assert_order_kept (store);
  g_clear_object (&s);
  s = add_session (store, a_now, 2, IPT_ATTENDANCE_ATTENDED, 1, 0, 1);
  assert_order_kept (store);
  g_assert_true (ipt_store_delete_risk_review (store, ipt_risk_review_get_id (review), &error));
  g_assert_no_error (error);
  assert_order_kept (store);

  /* A session deleted. */
  g_assert_true (ipt_store_delete_session (store, ipt_session_get_id (risky), &error));
  g_assert_no_error (error);
  assert_order_kept (store);

  /* A course ended, then a new course started for the same client. */
  ending = ipt_course_ending_new (ipt_episode_get_id (c_now), "2026-02-01",
                                  IPT_END_REASON_COMPLETED);
  g_assert_true (ipt_store_end_course (store, ending, &error));
  g_assert_no_error (error);
  assert_order_kept (store);
  next = ipt_episode_new (ipt_client_get_id (c), "2026-03-02", 16);
  g_assert_true (ipt_store_start_course (store, next, &error));
  g_assert_no_error (error);
  assert_order_kept (store);

  /* Archived, and a code changed. */
  ipt_client_set_archived (d, TRUE);
  g_assert_true (ipt_store_update_client (store, d, &error));
  g_assert_no_error (error);
  ipt_client_set_code (b, "C-0000");
  g_assert_true (ipt_store_update_client (store, b, &error));
  g_assert_no_error (error);
  assert_order_kept (store);

  /* An import: a new client, and a score for a client's current course. */
  g_assert_true (ipt_import_scores_csv_data (store, "scores.csv", csv, strlen (csv),
                                             IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_order_kept (store);

  /* A client deleted, and the deletion undone. */
  snapshot = ipt_store_take_client (store, ipt_client_get_id (a), &error);
  g_assert_no_error (error);
  assert_order_kept (store);
  g_assert_true (ipt_store_restore_client (store, snapshot, &error));
  g_assert_no_error (error);
  assert_order_kept (store);

  /* The person a course focuses on deleted: the course loses its focus person through a foreign
   * key action, which marks the client from inside it. */
  {
    g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (b), "Sam", "partner", 1);

    g_assert_true (ipt_store_save_person (store, person, &error));
    g_assert_no_error (error);
    ipt_episode_set_focus_person_id (b_now, ipt_person_get_id (person));
    g_assert_true (ipt_store_update_episode (store, b_now, &error));
    g_assert_no_error (error);
    assert_order_kept (store);
    g_assert_true (ipt_store_delete_person (store, ipt_person_get_id (person), &error));
    g_assert_no_error (error);
    assert_order_kept (store);
  }

  /* A course deleted. */
  g_assert_true (ipt_store_delete_episode (store, ipt_episode_get_id (next), &error));
  g_assert_no_error (error);
  assert_order_kept (store);
}

/* Writes made with the sqlite3 shell mark the clients; until the store writes again, the head and
 * the counts work those clients out from their records; opening again brings the rows up to
 * date. */
static void
test_order_follows_raw_sql (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = add_client (store, "A-0001");
  g_autoptr(IptClient) b = add_client (store, "B-0001");
  g_autoptr(IptClient) c = add_client (store, "C-0001");
  g_autoptr(IptEpisode) a_now = add_episode (store, a, "2026-01-05", 16);
  g_autoptr(IptEpisode) b_now = add_episode (store, b, "2026-01-05", 16);
  g_autoptr(IptSession) s1 = add_session (store, a_now, 1, IPT_ATTENDANCE_ATTENDED, 1, 0, 1);
  g_autoptr(IptSession) s2 = add_session (store, b_now, 1, IPT_ATTENDANCE_ATTENDED, 1, 0, 1);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _ipt_store_get_db (store);
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;

  assert_order_kept (store);

  /* b's item 9 answered above 0 by hand: b goes to the top; c archived by hand. */
  sql = g_strdup_printf ("UPDATE scores SET answers = substr (answers, 1, 8) || '3' "
                         "WHERE session_id = %" G_GINT64_FORMAT " AND measure = 'phq9';"
                         "UPDATE clients SET archived = 1 WHERE id = %" G_GINT64_FORMAT ";",
                         ipt_session_get_id (s2), ipt_client_get_id (c));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM caseload_order_stale"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM episode_series_stale"), ==, 1);
  {
    g_autoptr(GPtrArray) head = ipt_store_load_caseload_head (store, 1, &error);
    guint running = 0, attention = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (head->len, ==, 1);
    g_assert_cmpint (id_of (g_ptr_array_index (head, 0)), ==, ipt_client_get_id (b));
    g_assert_cmpint (ipt_case_summary_get_signal_kind (g_ptr_array_index (head, 0)), ==,
                     IPT_SIGNAL_RISK);
    g_assert_true (ipt_store_count_caseload (store, &running, &attention, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (running, ==, 2);
    g_assert_cmpuint (attention, ==, 1);
  }

  /* A client deleted by hand (foreign keys off, as in the shell) leaves no row behind. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM clients WHERE id = %" G_GINT64_FORMAT,
                         ipt_client_get_id (c));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Opening again brings them up to date. */
  path = g_strdup (ipt_store_get_path (store));
  g_clear_object (&store);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  assert_order_kept (store);
  g_assert_cmpint (query_int (store, "SELECT rank FROM caseload_order ORDER BY rank LIMIT 1"), ==,
                   IPT_SIGNAL_RISK);
  (void) s1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-caseload-order-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/caseload-order/follows-writes", test_order_follows_writes);
  g_test_add_func ("/store/caseload-order/follows-raw-sql", test_order_follows_raw_sql);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
