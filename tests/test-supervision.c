/* Tests of supervision in the model and the casebook: caseload figures, session reviews, the
 * supervision log, merged records. */
#include "config.h"

#include "test-store-common.h"

#include "ipt-store-supervision.h"

static IptOutcome *
outcome_of (int phq9_first, int phq9_last, int gad7_first, int gad7_last)
{
  int phq9[] = { phq9_first, phq9_last };
  int gad7[] = { gad7_first, gad7_last };

  return ipt_outcome_compute (phq9, 2, gad7, gad7_first >= 0 ? 2 : 0);
}

static void
test_caseload_figures (void)
{
  /* recovered; reliably improved without recovery; deteriorated; not at caseness and
   * recovered "by the letter"; insufficient data; a running course that would count as
   * recovered; a dropped-out course that recovered */
  g_autoptr(IptOutcome) recovered = outcome_of (18, 6, 12, 5);
  g_autoptr(IptOutcome) improved = outcome_of (24, 14, -1, -1);
  g_autoptr(IptOutcome) worse = outcome_of (11, 19, -1, -1);
  g_autoptr(IptOutcome) below = outcome_of (6, 4, 5, 3);
  g_autoptr(IptOutcome) running = outcome_of (20, 5, -1, -1);
  g_autoptr(IptOutcome) dropped = outcome_of (15, 8, -1, -1);
  int one[] = { 15 };
  g_autoptr(IptOutcome) thin = ipt_outcome_compute (one, 1, NULL, 0);
  const IptOutcome *outcomes[] = { recovered, improved, worse, below, thin, running, dropped,
                                   NULL };
  const IptEpisodeStatus statuses[] = {
    IPT_EPISODE_STATUS_ENDED, IPT_EPISODE_STATUS_ENDED, IPT_EPISODE_STATUS_ENDED,
    IPT_EPISODE_STATUS_ENDED, IPT_EPISODE_STATUS_ENDED, IPT_EPISODE_STATUS_ACTIVE,
    IPT_EPISODE_STATUS_DROPPED_OUT, IPT_EPISODE_STATUS_ACTIVE,
  };
  /* the worse course ended with a risk not yet reviewed; the running ones are on track and not
   * on track */
  const IptSignalKind kinds[] = {
    IPT_SIGNAL_OUTCOME, IPT_SIGNAL_OUTCOME, IPT_SIGNAL_RISK, IPT_SIGNAL_OUTCOME,
    IPT_SIGNAL_OUTCOME, IPT_SIGNAL_ON_TRACK, IPT_SIGNAL_OUTCOME, IPT_SIGNAL_NOT_ON_TRACK,
  };
  IptCaseloadFigures f;
  g_autofree char *need = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *none = NULL;

  ipt_caseload_figures_compute (statuses, outcomes, kinds, G_N_ELEMENTS (outcomes), &f);
  g_assert_cmpuint (f.n_active, ==, 2);
  g_assert_cmpuint (f.n_need_discussion, ==, 2);
  need = ipt_caseload_figure_format (&f, IPT_CASELOAD_FIGURE_NEED_DISCUSSION);
  g_assert_cmpstr (need, ==, "2");
  g_assert_cmpstr (ipt_caseload_figure_to_label (IPT_CASELOAD_FIGURE_NEED_DISCUSSION), ==,
                   "Need discussion");
  g_assert_nonnull (strstr (ipt_caseload_figure_to_definition (IPT_CASELOAD_FIGURE_NEED_DISCUSSION),
                            "not on track"));
  g_assert_cmpuint (f.n_ended, ==, 6);
  g_assert_cmpuint (f.n_finished, ==, 5);      /* thin has one PHQ-9 */
  g_assert_cmpuint (f.n_caseness, ==, 4);      /* below was never at caseness */
  g_assert_cmpuint (f.n_recovered, ==, 2);     /* recovered, dropped; not running */
  g_assert_cmpuint (f.n_reliably_improved, ==, 3);
  g_assert_cmpuint (f.n_reliably_deteriorated, ==, 1);
  g_assert_cmpfloat_with_epsilon (f.recovery_rate, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (f.reliable_improvement_rate, 0.6, 1e-9);

  rate = ipt_caseload_figure_format (&f, IPT_CASELOAD_FIGURE_RECOVERY_RATE);
  g_assert_cmpstr (rate, ==, "50 % of 4 (target 50 %)");
  g_assert_nonnull (strstr (ipt_caseload_figure_to_definition (IPT_CASELOAD_FIGURE_RECOVERY_RATE),
                            "50 %"));

  /* nothing ended: no rate */
  ipt_caseload_figures_compute (statuses + 5, outcomes + 5, kinds + 5, 1, &f);
  g_assert_cmpuint (f.n_active, ==, 1);
  g_assert_cmpuint (f.n_need_discussion, ==, 0);
  g_assert_cmpfloat (f.recovery_rate, <, 0);
  none = ipt_caseload_figure_format (&f, IPT_CASELOAD_FIGURE_RECOVERY_RATE);
  g_assert_true (g_str_has_prefix (none, "—"));
}

static IptReviewCase *
case_with (const char         *code,
           IptSignalKind       kind,
           IptOutcomeCategory  category)
{
  IptReviewCase *rc = ipt_review_case_new (code);
  IptSignal *signal = g_new0 (IptSignal, 1);

  signal->kind = kind;
  signal->rule = g_strdup ("rule");
  g_ptr_array_add (rc->signals, signal);
  rc->outcome = g_new0 (IptOutcome, 1);
  rc->outcome->category = category;
  return rc;
}

static void
test_order_by_need (void)
{
  g_autoptr(GPtrArray) cases = NULL;
  const char *expected[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" };

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_review_case_unref);
  g_ptr_array_add (cases, case_with ("J", IPT_SIGNAL_OUTCOME, IPT_OUTCOME_RELIABLE_RECOVERY));
  g_ptr_array_add (cases, case_with ("D", IPT_SIGNAL_ON_TRACK, IPT_OUTCOME_INSUFFICIENT_DATA));
  g_ptr_array_add (cases, case_with ("F", IPT_SIGNAL_OUTCOME, IPT_OUTCOME_RELIABLE_DETERIORATION));
  g_ptr_array_add (cases, case_with ("B", IPT_SIGNAL_DETERIORATION,
                                     IPT_OUTCOME_NO_RELIABLE_CHANGE));
  g_ptr_array_add (cases, case_with ("H", IPT_SIGNAL_OUTCOME, IPT_OUTCOME_RELIABLE_IMPROVEMENT));
  g_ptr_array_add (cases, case_with ("A", IPT_SIGNAL_RISK, IPT_OUTCOME_RECOVERY));
  g_ptr_array_add (cases, case_with ("G", IPT_SIGNAL_OUTCOME, IPT_OUTCOME_NO_RELIABLE_CHANGE));
  g_ptr_array_add (cases, case_with ("C", IPT_SIGNAL_NOT_ON_TRACK, IPT_OUTCOME_NO_RELIABLE_CHANGE));
  g_ptr_array_add (cases, case_with ("I", IPT_SIGNAL_OUTCOME, IPT_OUTCOME_RECOVERY));
  g_ptr_array_add (cases, case_with ("E", IPT_SIGNAL_NO_SCORES, IPT_OUTCOME_INSUFFICIENT_DATA));

  g_ptr_array_sort (cases, ipt_review_case_compare_need);
  for (guint i = 0; i < cases->len; i++)
    g_assert_cmpstr (((IptReviewCase *) g_ptr_array_index (cases, i))->code, ==, expected[i]);
}

static void
test_review_model (void)
{
  g_autoptr(IptSessionReview) review = ipt_session_review_new (1, 6, IPT_PHASE_MIDDLE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = ipt_session_review_get_n_tasks (review);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) ipt_phase_get_tasks (IPT_PHASE_MIDDLE)));
  g_assert_cmpuint (n, >=, 2);

  /* nothing rated, no comment: refused */
  g_assert_false (ipt_session_review_validate (review, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  ipt_session_review_set_task_rating (review, 0, 3);
  ipt_session_review_set_task_rating (review, n - 1, 0);
  text = ipt_session_review_get_task_ratings_text (review);
  g_assert_cmpuint (strlen (text), ==, n);
  g_assert_cmpint (text[0], ==, '3');
  g_assert_cmpint (text[n - 1], ==, '0');
  g_assert_cmpint (text[1], ==, '-');
  g_assert_true (ipt_session_review_validate (review, &error));

  /* a text of the wrong length or with a rating out of range changes nothing */
  g_assert_false (ipt_session_review_set_task_ratings_text (review, "3"));
  g_assert_false (ipt_session_review_set_task_ratings_text (review, NULL));
  text[0] = '4';
  g_assert_false (ipt_session_review_set_task_ratings_text (review, text));
  g_assert_cmpint (ipt_session_review_get_task_rating (review, 0), ==, 3);

  g_assert_cmpstr (ipt_review_rating_to_label (2), ==, "Adequately");
  g_assert_null (ipt_review_rating_to_label (4));
}

static void
test_entry_model (void)
{
  g_autoptr(IptSupervisionEntry) entry = ipt_supervision_entry_new (1, "2026-03-02");
  g_autoptr(IptSupervisionEntry) other = ipt_supervision_entry_new (1, "2026-03-09");
  g_autoptr(IptSupervisionEntry) elsewhere = ipt_supervision_entry_new (2, "2026-03-09");
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  IptSupervisionTotals totals;

  g_assert_false (ipt_supervision_entry_validate (entry, &error));
  g_clear_error (&error);

  g_assert_true (ipt_supervision_entry_set_sessions_text (entry, " 7, 3,4,3 "));
  text = ipt_supervision_entry_get_sessions_text (entry);
  g_assert_cmpstr (text, ==, "3,4,7");
  g_assert_false (ipt_supervision_entry_set_sessions_text (entry, "3,x"));
  g_assert_false (ipt_supervision_entry_set_sessions_text (entry, "0"));
  g_assert_false (ipt_supervision_entry_set_sessions_text (entry, "3,,4"));
  g_assert_true (ipt_supervision_entry_validate (entry, &error));

  ipt_supervision_entry_set_date (entry, "2026-02-30");
  g_assert_false (ipt_supervision_entry_validate (entry, &error));
  g_clear_error (&error);
  ipt_supervision_entry_set_date (entry, "2026-03-02");

  /* a session discussed twice counts once; recordings add up; courses kept apart */
  ipt_supervision_entry_set_recordings_reviewed (entry, 1);
  g_assert_true (ipt_supervision_entry_set_sessions_text (other, "4,5"));
  ipt_supervision_entry_set_recordings_reviewed (other, 2);
  g_assert_true (ipt_supervision_entry_set_sessions_text (elsewhere, "4"));
  g_ptr_array_add (entries, entry);
  g_ptr_array_add (entries, other);
  g_ptr_array_add (entries, elsewhere);
  ipt_supervision_totals_compute (entries, &totals);
  g_assert_cmpuint (totals.n_entries, ==, 3);
  g_assert_cmpuint (totals.n_sessions_discussed, ==, 5);
  g_assert_cmpuint (totals.n_recordings_reviewed, ==, 3);
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSessionReview) review = NULL;
  g_autoptr(IptSupervisionEntry) entry = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *uid_again = NULL;
  g_autofree char *ratings = NULL;
  IptSessionReview *read;
  IptSupervisionEntry *read_entry;
  gint64 episode_id = ipt_episode_get_id (episode);

  uid = ipt_store_get_casebook_uid (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (uid), ==, 32);
  uid_again = ipt_store_get_casebook_uid (store, &error);
  g_assert_cmpstr (uid, ==, uid_again);

  review = ipt_session_review_new (episode_id, 2, IPT_PHASE_ASSESSMENT);
  ipt_session_review_set_task_rating (review, 1, 2);
  ipt_session_review_set_focus_rating (review, 3);
  ipt_session_review_set_comment (review, "Good use of the inventory.");
  g_assert_true (ipt_store_save_session_review (store, review, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_session_review_get_id (review), >, 0);

  reviews = ipt_store_list_session_reviews (store, episode_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  read = g_ptr_array_index (reviews, 0);
  g_assert_cmpuint (ipt_session_review_get_session_number (read), ==, 2);
  g_assert_cmpint (ipt_session_review_get_phase (read), ==, IPT_PHASE_ASSESSMENT);
  ratings = ipt_session_review_get_task_ratings_text (read);
  g_assert_cmpint (ratings[1], ==, '2');
  g_assert_cmpint (ipt_session_review_get_focus_rating (read), ==, 3);
  g_assert_cmpint (ipt_session_review_get_stance_rating (read), ==, IPT_REVIEW_RATING_NONE);
  g_assert_cmpstr (ipt_session_review_get_comment (read), ==, "Good use of the inventory.");
  g_assert_nonnull (ipt_session_review_get_created_at (read));

  entry = ipt_supervision_entry_new (episode_id, "2026-02-02");
  ipt_supervision_entry_set_sessions_text (entry, "1,2");
  ipt_supervision_entry_set_action_points (entry, "Ask about the partner.");
  g_assert_true (ipt_store_save_supervision_entry (store, entry, &error));
  g_assert_no_error (error);
  log = ipt_store_list_supervision_log (store, episode_id, &error);
  g_assert_cmpuint (log->len, ==, 1);
  read_entry = g_ptr_array_index (log, 0);
  {
    g_autofree char *sessions = ipt_supervision_entry_get_sessions_text (read_entry);

    g_assert_cmpstr (sessions, ==, "1,2");
  }
  g_assert_cmpstr (ipt_supervision_entry_get_action_points (read_entry), ==,
                   "Ask about the partner.");

  /* an invalid entry is refused by the model, nothing written */
  ipt_supervision_entry_set_date (entry, "not a date");
  ipt_supervision_entry_set_id (entry, 0);
  g_assert_false (ipt_store_save_supervision_entry (store, entry, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM supervision_log"), ==, 1);
}

static void
test_store_merge (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  IptSupervisionMerge summary;
  IptComment *comment;
  IptSessionReview *review;
  IptSupervisionEntry *entry;
  gint64 episode_id = ipt_episode_get_id (episode);

  comment = ipt_comment_new (episode_id, "Supervisor", "Check item 9 at every session.");
  ipt_comment_set_session_number (comment, 3);
  ipt_comment_set_uid (comment, "c1");
  g_ptr_array_add (comments, comment);
  review = ipt_session_review_new (episode_id, 3, IPT_PHASE_ASSESSMENT);
  ipt_session_review_set_stance_rating (review, 2);
  ipt_session_review_set_uid (review, "r1");
  g_ptr_array_add (reviews, review);
  entry = ipt_supervision_entry_new (episode_id, "2026-02-02");
  ipt_supervision_entry_set_recordings_reviewed (entry, 1);
  ipt_supervision_entry_set_uid (entry, "e1");
  g_ptr_array_add (entries, entry);

  g_assert_true (ipt_store_merge_supervision (store, comments, reviews, entries, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_comments, ==, 1);
  g_assert_cmpuint (summary.n_reviews, ==, 1);
  g_assert_cmpuint (summary.n_entries, ==, 1);
  g_assert_cmpuint (summary.n_unchanged, ==, 0);
  g_assert_cmpuint (ipt_store_count_unread_supervision (store, episode_id, &error), ==, 3);

  /* the same again adds nothing */
  g_assert_true (ipt_store_merge_supervision (store, comments, reviews, entries, &summary, &error));
  g_assert_cmpuint (summary.n_comments + summary.n_reviews + summary.n_entries, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM comments"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_reviews"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM supervision_log"), ==, 1);

  g_assert_true (ipt_store_mark_supervision_read (store, episode_id, &error));
  g_assert_cmpuint (ipt_store_count_unread_supervision (store, episode_id, &error), ==, 0);

  /* a record for a course that is not here: nothing written, not even the valid ones */
  comment = ipt_comment_new (episode_id, "Supervisor", "Another");
  ipt_comment_set_uid (comment, "c2");
  g_ptr_array_add (comments, comment);
  entry = ipt_supervision_entry_new (episode_id + 100, "2026-02-09");
  ipt_supervision_entry_set_recordings_reviewed (entry, 1);
  ipt_supervision_entry_set_uid (entry, "e2");
  g_ptr_array_add (entries, entry);
  g_assert_false (ipt_store_merge_supervision (store, comments, reviews, entries, &summary,
                                               &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM comments"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-supervision-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supervision/caseload-figures", test_caseload_figures);
  g_test_add_func ("/supervision/order-by-need", test_order_by_need);
  g_test_add_func ("/supervision/review-model", test_review_model);
  g_test_add_func ("/supervision/entry-model", test_entry_model);
  g_test_add_func ("/supervision/store-round-trip", test_store_round_trip);
  g_test_add_func ("/supervision/store-merge", test_store_merge);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
