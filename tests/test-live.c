/* Window tests of the live model: what is written through the store, by whoever, shows in the
 * caseload row, the client's page, its tabs, the chart and the dashboard with nobody telling
 * them; a preference changed anywhere shows in every open view. */
#include "config.h"

#include <string.h>

#include "test-window-common.h"

#include "ipt-application.h"
#include "ipt-card-grid.h"
#include "ipt-case-card.h"
#include "ipt-case-row.h"
#include "ipt-caseload-view.h"
#include "ipt-demo.h"
#include "ipt-formulation-view.h"
#include "ipt-import.h"
#include "ipt-mood-chart-view.h"
#include "ipt-store-private.h"
#include "ipt-timeline-view.h"

/* The row widget showing the client, NULL when none does. */
static IptCaseRow *
find_row (GtkWidget *widget,
          gint64     client_id)
{
  if (IPT_IS_CASE_ROW (widget))
    {
      IptCaseSummary *summary = ipt_case_row_get_summary (IPT_CASE_ROW (widget));

      if (summary != NULL && ipt_client_get_id (ipt_case_summary_get_client (summary)) == client_id)
        return IPT_CASE_ROW (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      IptCaseRow *row = find_row (child, client_id);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static guint
row_current_session (Fixture *fixture,
                     gint64   client_id)
{
  IptCaseRow *row = find_row (GTK_WIDGET (fixture->window->caseload_view), client_id);

  g_assert_nonnull (row);
  return ipt_case_summary_get_current_session (ipt_case_row_get_summary (row));
}

static guint
chart_n_phq9 (Fixture *fixture)
{
  IptMoodChartView *chart = ipt_client_page_get_mood_chart (fixture->window->client_page);
  IptChartData *data = ipt_mood_chart_view_get_data (chart);

  return data != NULL ? data->n_points[IPT_CHART_MEASURE_PHQ9] : 0;
}

static guint
page_current_session (Fixture *fixture)
{
  return ipt_case_summary_get_current_session (ipt_client_page_get_summary (fixture->window->client_page));
}

/* A session written as another form would: straight through the store. */
static void
save_session_elsewhere (Fixture *fixture,
                        guint    number,
                        int      each)
{
  IptEpisode *episode = ipt_client_page_get_episode (fixture->window->client_page);
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup_printf ("2026-02-%02u", number);
  int items[9];

  for (guint i = 0; i < 9; i++)
    items[i] = i < 8 ? each : 0;
  session = ipt_session_new (ipt_episode_get_id (episode), number, date);
  ipt_session_set_attendance (session, IPT_ATTENDANCE_ATTENDED);
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), items, 9));
  g_assert_true (ipt_store_save_session (fixture->store, session, scores, &error));
  g_assert_no_error (error);
}

static void
test_session_saved_elsewhere (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  gint64 other_id = add_client (fixture, "C-0002", "Bo", "Chen");
  IptCaseRow *other_row;
  IptCaseSummary *other_summary;

  _ipt_window_select_client (fixture->window, client_id);
  spin ();
  start_course (fixture, 12);
  record_phq9_session (fixture);
  g_assert_cmpuint (row_current_session (fixture, client_id), ==, 1);
  g_assert_cmpuint (page_current_session (fixture), ==, 1);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 1);

  other_row = find_row (GTK_WIDGET (fixture->window->caseload_view), other_id);
  g_assert_nonnull (other_row);
  other_summary = ipt_case_row_get_summary (other_row);

  save_session_elsewhere (fixture, 2, 1);
  /* Synchronously: no main loop turn is needed for the model to follow. */
  g_assert_cmpuint (page_current_session (fixture), ==, 2);
  g_assert_cmpuint (ipt_client_page_get_sessions (fixture->window->client_page)->len, ==, 2);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 2);
  spin ();
  g_assert_cmpuint (row_current_session (fixture, client_id), ==, 2);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 2);
  /* Only the changed row was read again. */
  g_assert_true (ipt_case_row_get_summary (find_row (GTK_WIDGET (fixture->window->caseload_view),
                                                     other_id)) == other_summary);
}

static void
test_import_while_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptClient) created = NULL;
  const char *csv = "client_code,session,date,measure,total,items\n"
                    "C-0001,1,2026-01-05,phq9,18,\n"
                    "C-0001,2,2026-01-12,phq9,15,\n"
                    "C-0001,3,2026-01-19,phq9,11,\n"
                    "C-0007,1,2026-01-06,phq9,12,\n";

  _ipt_window_select_client (fixture->window, client_id);
  spin ();
  start_course (fixture, 16);
  g_assert_cmpuint (page_current_session (fixture), ==, 0);

  g_assert_true (ipt_import_scores_csv_data (fixture->store, "scores.csv", csv, strlen (csv), 0,
                                             NULL, problems, &error));
  g_assert_no_error (error);
  spin ();

  g_assert_cmpuint (page_current_session (fixture), ==, 3);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 3);
  g_assert_cmpuint (row_current_session (fixture, client_id), ==, 3);
  /* The client the import made joins the caseload; the page stays on the one shown. */
  created = ipt_store_find_client (fixture->store, "C-0007", NULL);
  g_assert_nonnull (created);
  g_assert_cmpuint (fixture->window->caseload->len, ==, 2);
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->window->caseload_view),
                              ipt_client_get_id (created)));
  g_assert_cmpint (ipt_client_get_id (ipt_client_page_get_client (fixture->window->client_page)),
                   ==, client_id);
}

static void
test_undo_shows_again (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 session_id;

  start_course (fixture, 12);
  record_phq9_session (fixture);
  save_session_elsewhere (fixture, 2, 1);
  spin ();
  session_id = ipt_session_get_id (g_ptr_array_index (ipt_client_page_get_sessions (fixture->window->client_page), 1));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x", session_id);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window->dialog), "session.delete", NULL);
  spin ();
  g_assert_cmpuint (page_current_session (fixture), ==, 1);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 1);
  g_assert_cmpuint (row_current_session (fixture, client_id), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (page_current_session (fixture), ==, 2);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 2);
  g_assert_cmpuint (row_current_session (fixture, client_id), ==, 2);

  /* The client deleted from elsewhere leaves the list and the page. */
  g_assert_true (ipt_store_delete_client (fixture->store, client_id, NULL));
  spin ();
  g_assert_null (ipt_client_page_get_client (fixture->window->client_page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "no-client");
  g_assert_cmpuint (fixture->window->caseload->len, ==, 0);
}

static void
test_rolled_back_save (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  IptCaseSummary *page_summary;
  IptCaseSummary *row_summary;
  IptEpisode *episode;
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  start_course (fixture, 12);
  record_phq9_session (fixture);
  spin ();
  page_summary = ipt_client_page_get_summary (fixture->window->client_page);
  row_summary = ipt_case_row_get_summary (find_row (GTK_WIDGET (fixture->window->caseload_view),
                                                    client_id));

  /* A save the casebook refuses half-way: the page and the row are not even read again. */
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (fixture->store),
                                 "CREATE TEMP TRIGGER refuse_wsas BEFORE INSERT ON main.scores "
                                 "WHEN NEW.measure = 'wsas' BEGIN SELECT RAISE (ABORT, 'no'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  episode = ipt_client_page_get_episode (fixture->window->client_page);
  session = ipt_session_new (ipt_episode_get_id (episode), 2, "2026-02-02");
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 9));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("wsas"), 9));
  g_assert_false (ipt_store_save_session (fixture->store, session, scores, &error));
  g_assert_nonnull (error);
  spin ();

  g_assert_true (ipt_client_page_get_summary (fixture->window->client_page) == page_summary);
  g_assert_true (ipt_case_row_get_summary (find_row (GTK_WIDGET (fixture->window->caseload_view),
                                                     client_id)) == row_summary);
  g_assert_cmpuint (page_current_session (fixture), ==, 1);
}

/* The Formulation and Timeline tabs and the chart of the page read what the store announces for
 * their client by themselves: a goal, a life event, a session and a new formulation written
 * straight through the store show on them, and a change to another client reads nothing. */
static void
test_tabs_follow_the_store (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  gint64 other_id = add_client (fixture, "C-0002", "Bo", "Chen");
  IptClientPage *page = fixture->window->client_page;
  IptFormulationView *formulation = child (page, IPT_TYPE_CLIENT_PAGE, "formulation_view");
  IptTimelineView *timeline = child (page, IPT_TYPE_CLIENT_PAGE, "timeline_view");
  IptMoodChartView *chart = ipt_client_page_get_mood_chart (page);
  GtkLabel *formulation_label = child (formulation, IPT_TYPE_FORMULATION_VIEW, "formulation_label");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptGoal) goal = NULL;
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(IptLifeEvent) other_event = NULL;
  GPtrArray *goals;
  GPtrArray *events;
  IptChartData *chart_data;

  _ipt_window_select_client (fixture->window, client_id);
  spin ();
  start_course (fixture, 12);
  record_phq9_session (fixture);
  episode = g_object_ref (ipt_client_page_get_episode (page));
  g_assert_cmpuint (ipt_formulation_view_get_goals (formulation)->len, ==, 0);
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 1);

  /* A tab in sight follows at once. */
  ipt_client_page_show_tab (page, "formulation");
  spin ();
  goal = ipt_goal_new (ipt_episode_get_id (episode), "Talk with Jamie about the move");
  g_assert_true (ipt_store_save_goal (fixture->store, goal, NULL));
  g_assert_cmpuint (ipt_formulation_view_get_goals (formulation)->len, ==, 1);

  ipt_client_page_show_tab (page, "timeline");
  spin ();
  g_assert_cmpuint (ipt_timeline_view_get_events (timeline)->len, ==, 0);
  g_assert_cmpuint (ipt_timeline_view_get_n_scores (timeline), ==, 1);
  event = ipt_life_event_new (client_id, "2026-02-03", "Moved house", -2);
  g_assert_true (ipt_store_save_life_event (fixture->store, event, NULL));
  g_assert_cmpuint (ipt_timeline_view_get_events (timeline)->len, ==, 1);

  save_session_elsewhere (fixture, 2, 1);
  g_assert_cmpuint (ipt_timeline_view_get_n_scores (timeline), ==, 2);

  /* A tab out of sight reads nothing until it comes into sight, then shows what changed. */
  ipt_episode_set_formulation (episode, "Low mood since the move; the dispute with Jamie.");
  g_assert_true (ipt_store_update_episode (fixture->store, episode, NULL));
  g_assert_cmpstr (gtk_label_get_label (formulation_label), !=,
                   "Low mood since the move; the dispute with Jamie.");
  ipt_client_page_show_tab (page, "formulation");
  spin ();
  g_assert_cmpstr (gtk_label_get_label (formulation_label), ==,
                   "Low mood since the move; the dispute with Jamie.");
  ipt_client_page_show_tab (page, "overview");
  spin ();
  g_assert_cmpuint (chart_n_phq9 (fixture), ==, 2);

  /* Another client's change: nothing on the page's tabs is read again. */
  goals = ipt_formulation_view_get_goals (formulation);
  events = ipt_timeline_view_get_events (timeline);
  chart_data = ipt_mood_chart_view_get_data (chart);
  other_event = ipt_life_event_new (other_id, "2026-02-04", "Started a new job", 2);
  g_assert_true (ipt_store_save_life_event (fixture->store, other_event, NULL));
  spin ();
  g_assert_true (ipt_formulation_view_get_goals (formulation) == goals);
  g_assert_true (ipt_timeline_view_get_events (timeline) == events);
  g_assert_true (ipt_mood_chart_view_get_data (chart) == chart_data);
}

/* A tab made anywhere, told once which course to show, follows the store with no call from
 * anyone: no client page here to reload it. */
static void
test_tab_alone_follows_the_store (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  IptFormulationView *formulation = IPT_FORMULATION_VIEW (ipt_formulation_view_new ());
  IptTimelineView *timeline = IPT_TIMELINE_VIEW (ipt_timeline_view_new ());
  IptMoodChartView *chart = ipt_mood_chart_view_new ();
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptGoal) goal = NULL;
  g_autoptr(IptLifeEvent) event = NULL;
  gint64 course_id;

  start_course (fixture, 12);
  record_phq9_session (fixture);
  /* The window's page shows another client meanwhile: only the tabs here show this one. */
  _ipt_window_select_client (fixture->window, 0);
  spin ();
  episode = ipt_store_get_current_episode (fixture->store, client_id, NULL);
  course_id = ipt_episode_get_id (episode);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (formulation));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (timeline));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (chart));
  gtk_window_set_child (GTK_WINDOW (window), box);
  /* in sight: a tab out of sight reads what changed only once it comes into sight */
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  ipt_formulation_view_set_course (formulation, fixture->store, client_id, course_id);
  ipt_timeline_view_set_client (timeline, fixture->store, client_id, course_id);
  ipt_mood_chart_view_set_course (chart, fixture->store, client_id, course_id);
  g_assert_cmpuint (ipt_formulation_view_get_goals (formulation)->len, ==, 0);
  g_assert_cmpuint (ipt_timeline_view_get_n_scores (timeline), ==, 1);
  g_assert_cmpuint (ipt_mood_chart_view_get_data (chart)->n_points[IPT_CHART_MEASURE_PHQ9], ==, 1);

  goal = ipt_goal_new (course_id, "Sleep before midnight");
  g_assert_true (ipt_store_save_goal (fixture->store, goal, NULL));
  event = ipt_life_event_new (client_id, "2026-02-03", "Moved house", -2);
  g_assert_true (ipt_store_save_life_event (fixture->store, event, NULL));
  {
    g_autoptr(IptSession) session = ipt_session_new (course_id, 2, "2026-02-10");
    g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);

    ipt_session_set_attendance (session, IPT_ATTENDANCE_ATTENDED);
    g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 12));
    g_assert_true (ipt_store_save_session (fixture->store, session, scores, NULL));
  }
  g_assert_cmpuint (ipt_formulation_view_get_goals (formulation)->len, ==, 1);
  g_assert_cmpuint (ipt_timeline_view_get_events (timeline)->len, ==, 1);
  g_assert_cmpuint (ipt_timeline_view_get_n_scores (timeline), ==, 2);
  g_assert_cmpuint (ipt_mood_chart_view_get_data (chart)->n_points[IPT_CHART_MEASURE_PHQ9], ==, 2);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static void
test_preference_updates_page (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0001", "Ada", "Byrne");
  g_autoptr(GSettings) settings = g_settings_new ("org.iptcasebook.IptCasebook");
  GtkLabel *details = child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "details_label");
  const char *uk = ipt_focus_to_label (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, FALSE);
  const char *us = ipt_focus_to_label (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, TRUE);
  IptFormulationView *formulation = child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE,
                                           "formulation_view");
  GtkLabel *focus_label = child (formulation, IPT_TYPE_FORMULATION_VIEW, "focus_label");
  IptMoodChartView *chart = ipt_client_page_get_mood_chart (fixture->window->client_page);
  g_autofree char *title = NULL;
  IptCourseDialog *dialog;

  g_settings_set_boolean (settings, "us-focus-names", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  dialog = IPT_COURSE_DIALOG (fixture->window->dialog);
  ipt_course_dialog_set_focus (dialog, IPT_FOCUS_INTERPERSONAL_SENSITIVITY);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "course.save", NULL);
  spin ();
  g_assert_nonnull (strstr (gtk_label_get_label (details), uk));
  g_assert_cmpstr (ipt_case_row_get_focus_text (find_row (GTK_WIDGET (fixture->window->caseload_view),
                                                          client_id)), ==, uk);
  g_assert_cmpstr (gtk_label_get_label (focus_label), ==, uk);
  title = ipt_mood_chart_view_dup_title (chart);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, uk));
  g_clear_pointer (&title, g_free);

  /* Changed anywhere (here: as the Preferences window would), the open page, its tabs, its
   * chart and the rows follow. */
  g_settings_set_boolean (settings, "us-focus-names", TRUE);
  spin ();
  g_assert_null (strstr (gtk_label_get_label (details), uk));
  g_assert_nonnull (strstr (gtk_label_get_label (details), us));
  g_assert_cmpstr (ipt_case_row_get_focus_text (find_row (GTK_WIDGET (fixture->window->caseload_view),
                                                          client_id)), ==, us);
  g_assert_cmpstr (gtk_label_get_label (focus_label), ==, us);
  title = ipt_mood_chart_view_dup_title (chart);
  g_assert_null (strstr (title, uk));
  g_assert_nonnull (strstr (title, us));
  g_clear_pointer (&title, g_free);

  /* The window's stateful action is the same preference. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "settings.us-focus-names", NULL);
  spin ();
  g_assert_false (g_settings_get_boolean (settings, "us-focus-names"));
  g_assert_nonnull (strstr (gtk_label_get_label (details), uk));
  g_assert_cmpstr (gtk_label_get_label (focus_label), ==, uk);
}

static gint64
client_at (IptWindow *window,
           guint      position)
{
  IptCaseSummary *summary = g_ptr_array_index (window->caseload, position);

  return ipt_client_get_id (ipt_case_summary_get_client (summary));
}

static void
save_phq9 (IptStore   *store,
           IptEpisode *episode,
           guint       number,
           int         risk)
{
  g_autofree char *date = g_strdup_printf ("2026-03-%02u", number);
  g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), number, date);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  int items[9] = { 2, 2, 2, 2, 2, 2, 2, 2, risk };

  ipt_session_set_attendance (session, IPT_ATTENDANCE_ATTENDED);
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), items, 9));
  g_assert_true (ipt_store_save_session (store, session, scores, NULL));
}

static void
test_row_moves_to_its_place (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 a = add_client (fixture, "C-0001", "Ada", "Byrne");
  gint64 b = add_client (fixture, "C-0002", "Bo", "Chen");
  gint64 c = add_client (fixture, "C-0003", "Cy", "Dunn");
  g_autoptr(IptEpisode) course_a = ipt_episode_new (a, "2026-03-01", 12);
  g_autoptr(IptEpisode) course_b = ipt_episode_new (b, "2026-03-01", 12);
  g_autoptr(IptEpisode) course_c = ipt_episode_new (c, "2026-03-01", 12);

  g_assert_true (ipt_store_insert_episode (fixture->store, course_a, NULL));
  g_assert_true (ipt_store_insert_episode (fixture->store, course_b, NULL));
  g_assert_true (ipt_store_insert_episode (fixture->store, course_c, NULL));
  save_phq9 (fixture->store, course_a, 1, 0);
  save_phq9 (fixture->store, course_b, 1, 0);
  save_phq9 (fixture->store, course_c, 1, 0);
  spin ();
  g_assert_cmpint (client_at (fixture->window, 0), ==, a);
  g_assert_cmpint (client_at (fixture->window, 1), ==, b);
  g_assert_cmpint (client_at (fixture->window, 2), ==, c);

  /* A risk answer at C-0002's next session: the most urgent case comes to the top, the others
   * keep their order. */
  save_phq9 (fixture->store, course_b, 2, 2);
  spin ();
  g_assert_cmpint (client_at (fixture->window, 0), ==, b);
  g_assert_cmpint (client_at (fixture->window, 1), ==, a);
  g_assert_cmpint (client_at (fixture->window, 2), ==, c);
  g_assert_true (ipt_case_summary_get_has_risk (ipt_caseload_model_get_summary (fixture->window->shown, 0)));

  /* A later answer of 0 does not clear the flag by itself (clinical.md section 6)... */
  save_phq9 (fixture->store, course_b, 3, 0);
  spin ();
  g_assert_cmpint (client_at (fixture->window, 0), ==, b);

  /* ...a risk review does, and the row goes back to its place by code. */
  {
    g_autoptr(IptRiskReview) review = ipt_risk_review_new (ipt_episode_get_id (course_b),
                                                           "2026-03-03");

    ipt_risk_review_set_asked (review, "Asked about thoughts of self-harm");
    ipt_risk_review_set_plan (review, "Review again next session");
    g_assert_true (ipt_store_save_risk_review (fixture->store, review, NULL));
  }
  spin ();
  g_assert_cmpint (client_at (fixture->window, 0), ==, a);
  g_assert_cmpint (client_at (fixture->window, 1), ==, b);
  g_assert_cmpint (client_at (fixture->window, 2), ==, c);
}

/* The card showing the client on the dashboard, NULL when none is made. */
static IptCaseCard *
find_card (IptCaseloadView *view,
           gint64           client_id)
{
  IptCardGrid *grid = child (view, IPT_TYPE_CASELOAD_VIEW, "grid");
  guint n = g_list_model_get_n_items (ipt_caseload_view_get_cases (view));

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = ipt_card_grid_get_card (grid, i);
      IptCaseSummary *summary = NULL;

      if (card != NULL)
        summary = ipt_case_card_get_summary (IPT_CASE_CARD (card));

      if (summary != NULL && ipt_client_get_id (ipt_case_summary_get_client (summary)) == client_id)
        return IPT_CASE_CARD (card);
    }
  return NULL;
}

static guint
card_current_session (IptCaseloadView *view,
                      gint64           client_id)
{
  IptCaseCard *card = find_card (view, client_id);

  g_assert_nonnull (card);
  return ipt_case_summary_get_current_session (ipt_case_card_get_summary (card));
}

static gint64
card_client_at (IptCaseloadView *view,
                guint            position)
{
  g_autoptr(IptCaseSummary) summary = g_list_model_get_item (ipt_caseload_view_get_cases (view),
                                                             position);

  return ipt_client_get_id (ipt_case_summary_get_client (summary));
}

/* The dashboard follows the store by itself: a session saved replaces only its client's card,
 * and a card whose need changes moves to its place, the others left as they are. */
static void
test_dashboard_follows_the_store (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 a = add_client (fixture, "C-0001", "Ada", "Byrne");
  gint64 b = add_client (fixture, "C-0002", "Bo", "Chen");
  gint64 c = add_client (fixture, "C-0003", "Cy", "Dunn");
  g_autoptr(IptEpisode) course_a = ipt_episode_new (a, "2026-03-01", 12);
  g_autoptr(IptEpisode) course_b = ipt_episode_new (b, "2026-03-01", 12);
  g_autoptr(IptEpisode) course_c = ipt_episode_new (c, "2026-03-01", 12);
  IptCaseloadView *view;
  IptCardGrid *grid;
  IptCaseSummary *summary_a;
  IptCaseSummary *summary_c;
  IptCaseCard *card_a;
  guint n_binds;

  g_assert_true (ipt_store_insert_episode (fixture->store, course_a, NULL));
  g_assert_true (ipt_store_insert_episode (fixture->store, course_b, NULL));
  g_assert_true (ipt_store_insert_episode (fixture->store, course_c, NULL));
  save_phq9 (fixture->store, course_a, 1, 0);
  save_phq9 (fixture->store, course_b, 1, 0);
  save_phq9 (fixture->store, course_c, 1, 0);
  spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-dashboard",
                                             NULL));
  spin ();
  view = fixture->window->dashboard;
  g_assert_nonnull (view);
  grid = child (view, IPT_TYPE_CASELOAD_VIEW, "grid");
  g_assert_cmpint (card_client_at (view, 0), ==, a);
  g_assert_cmpint (card_client_at (view, 1), ==, b);
  g_assert_cmpint (card_client_at (view, 2), ==, c);
  g_assert_nonnull (find_card (view, b));
  card_a = find_card (view, a);
  g_assert_nonnull (card_a);
  summary_a = ipt_case_card_get_summary (card_a);
  summary_c = ipt_case_card_get_summary (find_card (view, c));
  g_assert_cmpuint (card_current_session (view, b), ==, 1);

  /* C-0002's next session: only their card is bound again, in its place. */
  n_binds = ipt_card_grid_get_n_binds (grid);
  save_phq9 (fixture->store, course_b, 2, 0);
  g_assert_cmpuint (card_current_session (view, b), ==, 2);
  spin ();
  g_assert_cmpuint (ipt_card_grid_get_n_binds (grid) - n_binds, ==, 1);
  g_assert_cmpuint (card_current_session (view, b), ==, 2);
  g_assert_true (find_card (view, a) == card_a);
  g_assert_true (ipt_case_card_get_summary (card_a) == summary_a);
  g_assert_true (ipt_case_card_get_summary (find_card (view, c)) == summary_c);
  g_assert_cmpuint (ipt_caseload_view_get_figures (view)->n_need_discussion, ==, 0);

  /* A risk answer at C-0003's next session: their card moves to the top, the others keep
   * their cards and order. */
  n_binds = ipt_card_grid_get_n_binds (grid);
  save_phq9 (fixture->store, course_c, 2, 2);
  spin ();
  g_assert_cmpint (card_client_at (view, 0), ==, c);
  g_assert_cmpint (card_client_at (view, 1), ==, a);
  g_assert_cmpint (card_client_at (view, 2), ==, b);
  g_assert_cmpuint (ipt_card_grid_get_n_binds (grid) - n_binds, ==, 1);
  g_assert_true (ipt_case_summary_get_has_risk (ipt_case_card_get_summary (find_card (view, c))));
  g_assert_true (ipt_case_card_get_summary (find_card (view, a)) == summary_a);
  g_assert_cmpuint (ipt_caseload_view_get_figures (view)->n_need_discussion, ==, 1);

  /* An archived client leaves the dashboard. */
  {
    g_autoptr(IptClient) client = ipt_store_get_client (fixture->store, a, NULL);

    ipt_client_set_archived (client, TRUE);
    g_assert_true (ipt_store_update_client (fixture->store, client, NULL));
  }
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (ipt_caseload_view_get_cases (view)), ==, 2);
  g_assert_null (find_card (view, a));
}

static void
test_open_demo_in_background (void)
{
  g_autoptr(IptApplication) demo_app = ipt_application_new ();
  g_autofree char *demo_path = ipt_store_demo_path ();
  g_autofree char *path = g_build_filename (tmpdir, "busy.sqlite", NULL);
  g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, NULL);
  g_autoptr(IptWindow) window = NULL;
  IptWindow *demo = NULL;
  gint64 deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  guint turns = 0;

  g_unlink (demo_path);
  g_assert_true (g_application_register (G_APPLICATION (demo_app), NULL, NULL));
  window = g_object_ref (ipt_window_new (GTK_APPLICATION (demo_app), store));
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* The demo is made in a worker thread: the window says so and goes on turning. */
  g_action_group_activate_action (G_ACTION_GROUP (demo_app), "open-demo", NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (demo_app), "open-demo"));
  g_assert_true (gtk_revealer_get_reveal_child (window->jobs_revealer));
  g_assert_cmpuint (g_list_model_get_n_items (_ipt_window_get_jobs (window)), ==, 1);
  while (g_list_length (gtk_application_get_windows (GTK_APPLICATION (demo_app))) < 2
         && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      turns++;
    }
  g_assert_cmpuint (turns, >, 1);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (demo_app)); l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      demo = l->data;
  g_assert_nonnull (demo);
  g_assert_cmpstr (ipt_store_get_path (ipt_window_get_store (demo)), ==, demo_path);
  g_assert_cmpuint (ipt_store_count_clients (ipt_window_get_store (demo), NULL), ==,
                    IPT_DEMO_CLIENTS_DEFAULT);
  g_assert_false (gtk_revealer_get_reveal_child (window->jobs_revealer));
  g_assert_cmpuint (g_list_model_get_n_items (_ipt_window_get_jobs (window)), ==, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (demo_app), "open-demo"));

  gtk_window_destroy (GTK_WINDOW (demo));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (g_steal_pointer (&window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-live-XXXXXX"))
    return 77;

  g_test_add ("/ui/live/session-saved-elsewhere", Fixture, NULL, fixture_set_up,
              test_session_saved_elsewhere, fixture_tear_down);
  g_test_add ("/ui/live/import-while-shown", Fixture, NULL, fixture_set_up,
              test_import_while_shown, fixture_tear_down);
  g_test_add ("/ui/live/undo-shows-again", Fixture, NULL, fixture_set_up,
              test_undo_shows_again, fixture_tear_down);
  g_test_add ("/ui/live/rolled-back-save", Fixture, NULL, fixture_set_up,
              test_rolled_back_save, fixture_tear_down);
  g_test_add ("/ui/live/row-moves-to-its-place", Fixture, NULL, fixture_set_up,
              test_row_moves_to_its_place, fixture_tear_down);
  g_test_add_func ("/ui/live/open-demo-in-background", test_open_demo_in_background);
  g_test_add ("/ui/live/preference-updates-page", Fixture, NULL, fixture_set_up,
              test_preference_updates_page, fixture_tear_down);
  g_test_add ("/ui/live/tabs-follow-the-store", Fixture, NULL, fixture_set_up,
              test_tabs_follow_the_store, fixture_tear_down);
  g_test_add ("/ui/live/tab-alone-follows-the-store", Fixture, NULL, fixture_set_up,
              test_tab_alone_follows_the_store, fixture_tear_down);
  g_test_add ("/ui/live/dashboard-follows-the-store", Fixture, NULL, fixture_set_up,
              test_dashboard_follows_the_store, fixture_tear_down);

  return ui_test_run ();
}
