/* Tests of the store's caseload: each client's summary, and its progress rows kept up to date. */
#include "config.h"

#include "test-store-common.h"

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
                                     "OR t.phq9 IS NOT v.phq9 OR t.gad7 IS NOT v.gad7 "
                                     "OR t.attended IS NOT v.attended)"), ==, 0);
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
  /* Item 9 was 1 at session 1 and no risk review is recorded: the later 0 does not clear it. */
  g_assert_true (ipt_case_summary_get_has_risk (summary));

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

/* Attended sessions count and sessions after the end date are maintenance; ending a course
 * brings its progress up to date. */
static void
test_caseload_attended_and_ended (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = add_client (store, "A-0001");
  g_autoptr(IptEpisode) course = add_episode (store, a, "2026-01-01", 8);
  g_autoptr(IptCaseSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* Appointments 1 to 10 (dated 2026-01-02 to 2026-01-11), 3 missed: PHQ-9 16 at first, 8
   * at the 5th and 6th, 24 at 7 to 10. */
  for (guint n = 1; n <= 10; n++)
    g_object_unref (add_session (store, course, n,
                                 n == 3 ? IPT_ATTENDANCE_DID_NOT_ATTEND : IPT_ATTENDANCE_ATTENDED,
                                 n <= 4 ? 2 : n <= 6 ? 1 : 3, 0, -1));

  summary = ipt_store_load_case_summary (store, ipt_client_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 8);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (summary), ==,
                   "Session 8 of 8 · Maintenance");
  /* The 9th attended session (appointment 10) is out of the outcome: 16 to 24 by session 9. */
  g_assert_cmpint (ipt_case_summary_get_outcome (summary)->phq9_last, ==, 24);
  g_clear_object (&summary);

  /* Ended on 2026-01-07 (appointment 6): 7 to 10 are maintenance now. */
  ipt_episode_set_status (course, IPT_EPISODE_STATUS_ENDED);
  ipt_episode_set_end_date (course, "2026-01-07");
  ipt_episode_set_end_reason (course, "Completed");
  g_assert_true (ipt_store_update_episode (store, course, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT attended = '1,2,4,5,6,7+,8+,9+,10+' "
                                     "FROM episode_series"), ==, 1);
  assert_series (store, TRUE);

  summary = ipt_store_load_case_summary (store, ipt_client_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (summary), ==, 5);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (summary), ==, "Ended after 5 sessions");
  g_assert_cmpint (ipt_case_summary_get_outcome (summary)->phq9_last, ==, 8);
  g_assert_cmpint (ipt_case_summary_get_outcome (summary)->category, ==,
                   IPT_OUTCOME_RELIABLE_RECOVERY);
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

  tmp_root = g_dir_make_tmp ("test-store-caseload-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/caseload/values", test_caseload);
  g_test_add_func ("/store/caseload/follows-raw-sql", test_caseload_follows_raw_sql);
  g_test_add_func ("/store/caseload/attended-and-ended", test_caseload_attended_and_ended);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
