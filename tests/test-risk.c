/* Tests of the risk review (clinical.md section 6): the record, the rule that keeps risk open
 * until a review covers it, the signals, the caseload and the stored table with its CHECKs. */
#include "config.h"

#include <string.h>

#include "ipt-chart-data.h"
#include "ipt-chart-export.h"
#include "ipt-demo.h"

#include "test-store-common.h"

#define M IPT_ITEM_MISSING
#define N IPT_TOTAL_NONE

/* The record */

static IptRiskReview *
make_review (gint64      episode_id,
             const char *date)
{
  IptRiskReview *review = ipt_risk_review_new (episode_id, date);

  ipt_risk_review_set_asked (review, "Asked about thoughts, plans and means.");
  ipt_risk_review_set_done (review, "Safety plan written together.");
  ipt_risk_review_set_plan (review, "Ask item 9 at every session; GP informed.");
  return review;
}

static void
test_validate (void)
{
  g_autoptr(IptRiskReview) review = make_review (1, "2026-03-02");
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (IPT_RISK_REVIEW_TEXT_MAX + 1, 'x');

  g_assert_true (ipt_risk_review_validate (review, &error));
  g_assert_no_error (error);

  /* Nothing done is allowed: asking and planning may be all there was. */
  ipt_risk_review_set_done (review, NULL);
  g_assert_true (ipt_risk_review_validate (review, NULL));

  ipt_risk_review_set_date (review, "2026-02-30");
  g_assert_false (ipt_risk_review_validate (review, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  ipt_risk_review_set_date (review, "2026-03-02");

  ipt_risk_review_set_asked (review, " \t\n ");
  g_assert_false (ipt_risk_review_validate (review, &error));
  g_assert_nonnull (strstr (error->message, "asked"));
  g_clear_error (&error);
  ipt_risk_review_set_asked (review, "Asked.");

  ipt_risk_review_set_plan (review, "");
  g_assert_false (ipt_risk_review_validate (review, &error));
  g_assert_nonnull (strstr (error->message, "plan"));
  g_clear_error (&error);
  ipt_risk_review_set_plan (review, "Review next week.");

  ipt_risk_review_set_done (review, long_text);
  g_assert_false (ipt_risk_review_validate (review, &error));
  g_clear_error (&error);
  long_text[IPT_RISK_REVIEW_TEXT_MAX] = '\0';
  ipt_risk_review_set_done (review, long_text);
  g_assert_true (ipt_risk_review_validate (review, NULL));
}

/* The rule */

static GPtrArray *
make_sessions (const char * const *dates)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; dates[i] != NULL; i++)
    g_ptr_array_add (sessions, ipt_session_new (1, i + 1, dates[i]));
  return sessions;
}

static void
test_reviewed_through (void)
{
  const char * const dates[] = { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", NULL };
  g_autoptr(GPtrArray) sessions = make_sessions (dates);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);

  /* No review: nothing covered. */
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, NULL), ==, 0);
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 0);

  /* Before the first session: nothing covered either. */
  g_ptr_array_add (reviews, make_review (1, "2026-01-04"));
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 0);

  /* On the day of a session: that session is covered (the review was made at it). */
  g_ptr_array_add (reviews, make_review (1, "2026-01-12"));
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 2);

  /* Between sessions: those before it. The latest review counts, in whatever order listed. */
  g_ptr_array_insert (reviews, 0, make_review (1, "2026-01-20"));
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 3);

  /* After the last session: all of them. */
  g_ptr_array_add (reviews, make_review (1, "2026-02-10"));
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 4);
}

typedef struct
{
  const char    *name;
  IptSeriesPoint phq9[6];   /* session 0 ends it */
  guint          reviewed_through;
  guint          open_session;   /* 0: risk not open */
} OpenCase;

static const OpenCase open_cases[] = {
  { "no flag", { { 1, 18, 0 }, { 2, 16, 0 } }, 0, 0 },
  { "flag at the latest", { { 1, 18, 0 }, { 2, 16, 1 } }, 0, 2 },
  { "flag, then 0: stays", { { 1, 18, 2 }, { 2, 16, 0 }, { 3, 12, 0 } }, 0, 1 },
  { "flag, then unanswered: stays", { { 1, 18, 2 }, { 2, N, M } }, 0, 1 },
  { "flag on a form without a total", { { 1, N, 3 } }, 0, 1 },
  { "reviewed at the flagged session", { { 1, 18, 2 }, { 2, 16, 0 } }, 1, 0 },
  { "reviewed later", { { 1, 18, 2 }, { 2, 16, 0 } }, 2, 0 },
  { "reviewed before the flag", { { 1, 18, 0 }, { 2, 16, 1 } }, 1, 2 },
  { "a new flag after the review", { { 1, 18, 2 }, { 2, 16, 0 }, { 3, 15, 1 } }, 2, 3 },
  { "the latest of two open flags", { { 1, 18, 2 }, { 2, 16, 0 }, { 3, 15, 1 }, { 4, 14, 0 } },
    0, 3 },
  { "review covers every flag", { { 1, 18, 2 }, { 3, 15, 1 }, { 4, 14, 0 } }, 4, 0 },
  { "missed appointments between", { { 1, 18, 0 }, { 4, 15, 2 } }, 3, 4 },
  { "no forms", { { 0 } }, 0, 0 },
};

static void
test_open (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (open_cases); i++)
    {
      const OpenCase *c = &open_cases[i];
      guint n = 0;
      const IptSeriesPoint *point;

      while (n < G_N_ELEMENTS (c->phq9) && c->phq9[n].session != 0)
        n++;
      g_test_message ("%s", c->name);
      point = ipt_risk_open_point (c->phq9, n, c->reviewed_through);
      g_assert_cmpuint (point != NULL ? point->session : 0, ==, c->open_session);
      g_assert_cmpint (ipt_risk_is_open (c->phq9, n, c->reviewed_through), ==,
                       c->open_session != 0);
    }
  g_assert_false (ipt_risk_is_open (NULL, 0, 0));
}

static void
test_signals (void)
{
  const IptSeriesPoint phq9[] = { { 1, 18, 2 }, { 2, 16, 0 }, { 3, 15, 0 } };
  const IptAppointment appointments[] = { { 1, TRUE, FALSE }, { 2, TRUE, FALSE },
                                          { 3, TRUE, FALSE } };
  g_autoptr(IptCourseMap) course = ipt_course_map_new (16, 4, 12, FALSE, appointments,
                                                       G_N_ELEMENTS (appointments));
  IptProgress progress = {
    .phq9 = phq9, .n_phq9 = G_N_ELEMENTS (phq9), .course = course, .course_running = TRUE,
  };
  IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  IptSignal *signal;

  /* Not reviewed: risk first, its rule naming the session that raised it. */
  open = ipt_signals_compute (&progress);
  signal = g_ptr_array_index (open, 0);
  g_assert_cmpint (signal->kind, ==, IPT_SIGNAL_RISK);
  g_assert_nonnull (strstr (signal->rule, "answered 2 at session 1"));
  g_assert_nonnull (strstr (signal->rule, "until a risk review is recorded"));
  g_assert_cmpuint (ipt_signals_classify (&progress, kinds), ==, 1);
  g_assert_cmpint (kinds[0], ==, IPT_SIGNAL_RISK);

  /* Reviewed at session 1: the other signals speak. */
  progress.risk_reviewed_through = 1;
  reviewed = ipt_signals_compute (&progress);
  g_assert_cmpuint (reviewed->len, ==, 1);
  g_assert_cmpint (((IptSignal *) g_ptr_array_index (reviewed, 0))->kind, ==, IPT_SIGNAL_ON_TRACK);

  /* An ended course keeps an unreviewed risk beside its outcome. */
  progress.risk_reviewed_through = 0;
  progress.course_running = FALSE;
  g_assert_cmpuint (ipt_signals_classify (&progress, kinds), ==, 2);
  g_assert_cmpint (kinds[0], ==, IPT_SIGNAL_RISK);
  g_assert_cmpint (kinds[1], ==, IPT_SIGNAL_OUTCOME);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_case_summary (void)
{
  const IptSeriesPoint phq9[] = { { 1, 18, 2 }, { 2, 16, 0 } };
  g_autoptr(IptClient) client = ipt_client_new ("C-0101");
  g_autoptr(IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr(IptCaseSummary) summary = NULL;
  guint notified = 0;

  const IptAppointment appointments[] = { { 1, TRUE, FALSE }, { 2, TRUE, FALSE } };

  summary = ipt_case_summary_new (client, episode, appointments, G_N_ELEMENTS (appointments),
                                  phq9, G_N_ELEMENTS (phq9), NULL, 0);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
  g_assert_cmpint (ipt_case_summary_get_signal_kind (summary), ==, IPT_SIGNAL_RISK);
  g_assert_nonnull (strstr (ipt_case_summary_get_signal_rule (summary), "session 1"));
  g_assert_true (ipt_case_summary_get_needs_attention (summary));

  g_signal_connect (summary, "notify::has-risk", G_CALLBACK (count_notify), &notified);
  ipt_case_summary_set_risk_reviewed_through (summary, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (ipt_case_summary_get_risk_reviewed_through (summary), ==, 1);
  g_assert_false (ipt_case_summary_get_has_risk (summary));
  g_assert_cmpint (ipt_case_summary_get_signal_kind (summary), ==, IPT_SIGNAL_ON_TRACK);
  g_assert_nonnull (strstr (ipt_case_summary_get_signal_rule (summary), "On track"));
  g_assert_false (ipt_case_summary_get_needs_attention (summary));

  /* The same value again changes nothing. */
  ipt_case_summary_set_risk_reviewed_through (summary, 1);
  g_assert_cmpuint (notified, ==, 1);
}

/* The store */

static void
test_store_records (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0102");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptEpisode) other = add_episode (store, client, "2026-06-01", 12);
  g_autoptr(IptRiskReview) second = make_review (ipt_episode_get_id (episode), "2026-02-02");
  g_autoptr(IptRiskReview) first = make_review (ipt_episode_get_id (episode), "2026-01-12");
  g_autoptr(IptRiskReview) elsewhere = make_review (ipt_episode_get_id (other), "2026-06-08");
  g_autoptr(IptRiskReview) blank = make_review (ipt_episode_get_id (episode), "2026-01-12");
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  IptRiskReview *read;

  g_assert_true (ipt_store_save_risk_review (store, second, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_store_save_risk_review (store, first, &error));
  g_assert_true (ipt_store_save_risk_review (store, elsewhere, &error));
  g_assert_cmpint (ipt_risk_review_get_id (second), >, 0);
  g_assert_cmpint (ipt_risk_review_get_id (first), >, ipt_risk_review_get_id (second));

  /* Listed by date, every field back as written. */
  reviews = ipt_store_list_risk_reviews (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  read = g_ptr_array_index (reviews, 0);
  g_assert_cmpint (ipt_risk_review_get_id (read), ==, ipt_risk_review_get_id (first));
  g_assert_cmpint (ipt_risk_review_get_episode_id (read), ==, ipt_episode_get_id (episode));
  g_assert_cmpstr (ipt_risk_review_get_date (read), ==, "2026-01-12");
  g_assert_cmpstr (ipt_risk_review_get_asked (read), ==, "Asked about thoughts, plans and means.");
  g_assert_cmpstr (ipt_risk_review_get_done (read), ==, "Safety plan written together.");
  g_assert_cmpstr (ipt_risk_review_get_plan (read), ==, "Ask item 9 at every session; GP informed.");
  g_clear_pointer (&reviews, g_ptr_array_unref);

  /* Updated in place. */
  ipt_risk_review_set_plan (second, "Weekly check-in call.");
  ipt_risk_review_set_done (second, NULL);
  g_assert_true (ipt_store_save_risk_review (store, second, &error));
  reviews = ipt_store_list_risk_reviews (store, ipt_episode_get_id (episode), &error);
  read = g_ptr_array_index (reviews, 1);
  g_assert_cmpstr (ipt_risk_review_get_plan (read), ==, "Weekly check-in call.");
  g_assert_cmpstr (ipt_risk_review_get_done (read), ==, "");
  g_clear_pointer (&reviews, g_ptr_array_unref);

  /* The model refuses first, with its own words; nothing is written. */
  ipt_risk_review_set_asked (blank, "   ");
  g_assert_false (ipt_store_save_risk_review (store, blank, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ipt_risk_review_get_id (blank), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_reviews"), ==, 3);

  /* Deleted; a second delete finds nothing. */
  g_assert_true (ipt_store_delete_risk_review (store, ipt_risk_review_get_id (first), &error));
  g_assert_no_error (error);
  g_assert_false (ipt_store_delete_risk_review (store, ipt_risk_review_get_id (first), &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting a course takes its reviews with it. */
  g_assert_true (ipt_store_delete_episode (store, ipt_episode_get_id (other), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_reviews"), ==, 1);
}

/* The CHECKs refuse what the model would, whoever writes. */
static void
test_store_checks (void)
{
  static const char * const refused[] = {
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (1, '2026-02-30', 'a', 'p')",
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (1, '2026-3-1', 'a', 'p')",
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (1, '2026-03-01', ' ', 'p')",
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (1, '2026-03-01', 'a', "
    "char (10, 9, 13))",
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (1, '2026-03-01', NULL, 'p')",
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (1, '2026-03-01', x'41', 'p')",
    "INSERT INTO risk_reviews (episode_id, date, asked, done, plan) VALUES (1, '2026-03-01', 'a', "
    "printf ('%.4001c', 'x'), 'p')",
    "INSERT INTO risk_reviews (episode_id, date, asked, plan) VALUES (99, '2026-03-01', 'a', 'p')",
  };
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0103");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  sqlite3 *db = _ipt_store_get_db (store);

  g_assert_cmpint (ipt_episode_get_id (episode), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL), !=, SQLITE_OK);
    }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_reviews"), ==, 0);

  /* The longest texts and an empty "done" are fine. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO risk_reviews (episode_id, date, asked, done, plan) "
                                     "VALUES (1, '2026-03-01', printf ('%.4000c', 'x'), '', 'p')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_reviews"), ==, 1);
}

/* The caseload's flag follows the rule, with the store counting the sessions a review covers as
 * the model does. */
static void
test_caseload (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0104");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-01", 16);
  g_autoptr(IptSession) s1 = add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED, 2, 2, -1);
  g_autoptr(IptSession) s2 = add_session (store, episode, 2, IPT_ATTENDANCE_ATTENDED, 2, 0, -1);
  g_autoptr(IptSession) s3 = NULL;
  g_autoptr(IptCaseSummary) summary = NULL;
  g_autoptr(IptRiskReview) review = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id = ipt_client_get_id (client);
  gint64 episode_id = ipt_episode_get_id (episode);

  /* Item 9 of 2 at session 1, 0 at session 2: still open. */
  summary = ipt_store_load_case_summary (store, client_id, &error);
  g_assert_no_error (error);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
  g_assert_cmpint (ipt_case_summary_get_signal_kind (summary), ==, IPT_SIGNAL_RISK);
  g_assert_cmpuint (ipt_case_summary_get_risk_reviewed_through (summary), ==, 0);
  g_clear_object (&summary);

  /* Reviewed on the day of session 1: closed. */
  review = make_review (episode_id, ipt_session_get_date (s1));
  g_assert_true (ipt_store_save_risk_review (store, review, &error));
  g_assert_no_error (error);
  summary = ipt_store_load_case_summary (store, client_id, &error);
  g_assert_cmpuint (ipt_case_summary_get_risk_reviewed_through (summary), ==, 1);
  g_assert_false (ipt_case_summary_get_has_risk (summary));
  g_assert_cmpint (ipt_case_summary_get_signal_kind (summary), !=, IPT_SIGNAL_RISK);
  g_clear_object (&summary);

  /* A new item 9 above 0 at session 3: open again. */
  s3 = add_session (store, episode, 3, IPT_ATTENDANCE_ATTENDED, 2, 1, -1);
  summary = ipt_store_load_case_summary (store, client_id, &error);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
  g_assert_nonnull (strstr (ipt_case_summary_get_signal_rule (summary), "session 3"));
  g_clear_object (&summary);

  /* The store and the model agree on what the latest review covers. */
  sessions = ipt_store_list_sessions (store, episode_id, &error);
  g_assert_no_error (error);
  reviews = ipt_store_list_risk_reviews (store, episode_id, &error);
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 1);
  g_clear_pointer (&reviews, g_ptr_array_unref);

  /* Reviewed after session 3 (between appointments): closed, in the whole caseload too. */
  g_clear_object (&review);
  review = make_review (episode_id, "2026-01-20");
  g_assert_true (ipt_store_save_risk_review (store, review, &error));
  {
    g_autoptr(GPtrArray) caseload = ipt_store_load_caseload (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (caseload->len, ==, 1);
    summary = g_object_ref (g_ptr_array_index (caseload, 0));
  }
  g_assert_cmpuint (ipt_case_summary_get_risk_reviewed_through (summary), ==, 3);
  g_assert_false (ipt_case_summary_get_has_risk (summary));
  {
    /* The chart of the course carries the reviews too (its title's signal, its tooltips). */
    g_autoptr(IptChartData) chart = ipt_chart_export_load_data (store, client, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (chart->n_risk_reviews, ==, 2);
    g_assert_cmpuint (chart->risk_reviewed_through, ==, 3);
    g_assert_cmpstr (chart->risk_reviews[1].date, ==, "2026-01-20");
  }
  reviews = ipt_store_list_risk_reviews (store, episode_id, &error);
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, 3);
  g_clear_object (&summary);

  /* Undo of that review (deleted): open again. */
  g_assert_true (ipt_store_delete_risk_review (store, ipt_risk_review_get_id (review), &error));
  summary = ipt_store_load_case_summary (store, client_id, &error);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
}

/* What the caseload reads (kept by triggers) against the model's rule, for one course. */
static void
assert_cover_agrees (IptStore *store,
                     gint64    client_id,
                     gint64    episode_id,
                     guint     expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = ipt_store_list_sessions (store, episode_id, &error);
  g_autoptr(GPtrArray) reviews = ipt_store_list_risk_reviews (store, episode_id, &error);
  g_autoptr(IptCaseSummary) summary = ipt_store_load_case_summary (store, client_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ipt_risk_reviewed_through (sessions, reviews), ==, expected);
  g_assert_cmpuint (ipt_case_summary_get_risk_reviewed_through (summary), ==, expected);
}

/* Whoever changes the sessions or the reviews (a form, an import, the sqlite3 shell), the
 * caseload's count of covered sessions follows. */
static void
test_cover_follows_records (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0106");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-01", 16);
  g_autoptr(IptRiskReview) review = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id = ipt_client_get_id (client);
  gint64 episode_id = ipt_episode_get_id (episode);
  sqlite3 *db = _ipt_store_get_db (store);

  /* Sessions 1 to 4 on 2026-01-02 to 2026-01-05. */
  for (guint n = 1; n <= 4; n++)
    g_object_unref (add_session (store, episode, n, IPT_ATTENDANCE_ATTENDED, 1, n == 1 ? 2 : 0, -1));
  assert_cover_agrees (store, client_id, episode_id, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_review_cover"), ==, 0);

  review = make_review (episode_id, "2026-01-03");
  g_assert_true (ipt_store_save_risk_review (store, review, &error));
  g_assert_no_error (error);
  assert_cover_agrees (store, client_id, episode_id, 2);

  /* A later review counts, an earlier one does not change it. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO risk_reviews (episode_id, date, asked, plan) "
                                     "VALUES (1, '2026-01-04', 'a', 'p'), "
                                     "(1, '2026-01-01', 'a', 'p')", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_cover_agrees (store, client_id, episode_id, 3);

  /* Sessions moved, added and deleted by hand. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE sessions SET date = '2026-01-09' WHERE number = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_cover_agrees (store, client_id, episode_id, 2);
  g_object_unref (add_session (store, episode, 5, IPT_ATTENDANCE_ATTENDED, 1, 0, -1));
  g_assert_cmpint (sqlite3_exec (db, "UPDATE sessions SET date = '2026-01-04' WHERE number = 5",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_cover_agrees (store, client_id, episode_id, 5);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM sessions WHERE number = 5", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  assert_cover_agrees (store, client_id, episode_id, 2);

  /* The review's date changed, then the reviews deleted one by one. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE risk_reviews SET date = '2026-01-10' "
                                     "WHERE date = '2026-01-04'", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_cover_agrees (store, client_id, episode_id, 4);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM risk_reviews WHERE date = '2026-01-10'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_cover_agrees (store, client_id, episode_id, 2);
  g_assert_true (ipt_store_delete_risk_review (store, ipt_risk_review_get_id (review), &error));
  assert_cover_agrees (store, client_id, episode_id, 0);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM risk_reviews", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_review_cover"), ==, 0);

  /* Deleting the client leaves nothing behind. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO risk_reviews (episode_id, date, asked, plan) "
                                     "VALUES (1, '2026-01-04', 'a', 'p'), (1, '2026-01-05', 'a', 'p')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_review_cover"), ==, 1);
  g_assert_true (ipt_store_delete_client (store, client_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_reviews"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_review_cover"), ==, 0);
}

/* The demo caseload reviews the flags a practitioner would have reviewed: risk stays open only
 * on the cases made to show it, at their latest sessions. */
static void
test_demo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GError) error = NULL;
  guint open = 0, reviewed = 0;

  g_assert_true (ipt_demo_generate (path, 40, 7, &error));
  g_assert_no_error (error);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  caseload = ipt_store_load_caseload (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (caseload, i);
      guint n;
      const IptSeriesPoint *phq9 = ipt_case_summary_get_phq9 (summary, &n);
      const IptSeriesPoint *point;

      if (ipt_case_summary_get_risk_reviewed_through (summary) > 0)
        reviewed++;
      if (!ipt_case_summary_get_has_risk (summary))
        continue;
      open++;
      point = ipt_risk_open_point (phq9, n, ipt_case_summary_get_risk_reviewed_through (summary));
      g_assert_nonnull (point);
      /* One of the two latest forms of the course raised it. */
      g_assert_cmpuint (point->session, >=, phq9[MAX (n, 2) - 2].session);
    }
  g_assert_cmpuint (open, >=, 2);
  g_assert_cmpuint (reviewed, >=, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM risk_reviews"), >=, 1);
}

/* The chart's tooltip of a risk point lists the reviews that cover it. */
static void
test_chart (void)
{
  static const IptChartSession chart_sessions[] = {
    { 1, (char *) "2026-03-02", IPT_ATTENDANCE_ATTENDED, 0 },
    { 2, (char *) "2026-03-09", IPT_ATTENDANCE_ATTENDED, 0 },
    { 3, (char *) "2026-03-16", IPT_ATTENDANCE_ATTENDED, 0 },
  };
  static const IptChartScore scores[] = {
    { 1, "phq9", 17, 1 }, { 2, "phq9", 16, 0 }, { 3, "phq9", 15, 2 },
  };
  const char * const dates[] = { "2026-03-02", "2026-03-09", "2026-03-16", NULL };
  g_autoptr(GPtrArray) sessions = make_sessions (dates);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IptChartData) data = NULL;
  g_autoptr(IptChartData) bare = NULL;
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;
  g_autofree char *unreviewed = NULL;

  bare = ipt_chart_data_new_from_arrays ("C-0105", IPT_FOCUS_NONE, IPT_EPISODE_STATUS_ACTIVE, 16,
                                         4, 12, chart_sessions, 3, scores, 3, NULL, 0);
  unreviewed = ipt_chart_data_describe_point (bare, IPT_CHART_MEASURE_PHQ9, 0);
  g_assert_nonnull (strstr (unreviewed, "Risk: item 9 answered 1"));
  g_assert_nonnull (strstr (unreviewed, "No risk review recorded since"));
  g_assert_cmpuint (bare->risk_reviewed_through, ==, 0);

  g_ptr_array_add (reviews, make_review (1, "2026-03-09"));
  ipt_risk_review_set_plan (g_ptr_array_index (reviews, 0), "Weekly check-in call.");
  data = ipt_chart_data_new_from_arrays ("C-0105", IPT_FOCUS_NONE, IPT_EPISODE_STATUS_ACTIVE, 16,
                                         4, 12, chart_sessions, 3, scores, 3, NULL, 0);
  ipt_chart_data_set_risk_reviews (data, sessions, reviews);
  g_assert_cmpuint (data->n_risk_reviews, ==, 1);
  g_assert_cmpuint (data->risk_reviewed_through, ==, 2);

  /* Session 1's flag was reviewed a week later; session 3's after the review was not. */
  first = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 0);
  g_assert_nonnull (strstr (first, "Risk review"));
  g_assert_nonnull (strstr (first, "Weekly check-in call."));
  g_assert_null (strstr (first, "No risk review"));
  third = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 2);
  g_assert_nonnull (strstr (third, "Risk: item 9 answered 2"));
  g_assert_nonnull (strstr (third, "No risk review recorded since"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-risk-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk/review/validate", test_validate);
  g_test_add_func ("/risk/rule/reviewed-through", test_reviewed_through);
  g_test_add_func ("/risk/rule/open", test_open);
  g_test_add_func ("/risk/rule/signals", test_signals);
  g_test_add_func ("/risk/case-summary", test_case_summary);
  g_test_add_func ("/risk/store/records", test_store_records);
  g_test_add_func ("/risk/store/checks", test_store_checks);
  g_test_add_func ("/risk/store/caseload", test_caseload);
  g_test_add_func ("/risk/store/cover-follows-records", test_cover_follows_records);
  g_test_add_func ("/risk/chart", test_chart);
  g_test_add_func ("/risk/demo", test_demo);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
