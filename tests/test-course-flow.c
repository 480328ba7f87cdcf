/* The flow of a course through the window's actions: a session's suggested date and the question
 * before an unusual one; ending a course and undoing that, a maintenance contract started and
 * undone, a second course started after the first ended and the first one's report; the client page at a glance and
 * how far the phase's tasks are done; a session's work by technique, who attended and the
 * goal ratings. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ipt-client-page.h"
#include "ipt-client-page-private.h"
#include "ipt-ending-dialog.h"
#include "ipt-inventory-view.h"
#include "ipt-session-editor.h"
#include "ipt-gui-private.h"
#include "ipt-store.h"
#include "ipt-store-casework.h"
#include "ipt-window-private.h"

#include "test-window-common.h"

static IptEpisode *
current_course (Fixture *fixture,
                gint64   client_id)
{
  g_autoptr(GError) error = NULL;
  IptEpisode *episode = ipt_store_get_current_episode (fixture->store, client_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (episode);
  return episode;
}

static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static IptEndingDialog *
open_ending (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.end-course", NULL);
  spin ();
  g_assert_true (IPT_IS_ENDING_DIALOG (fixture->window->dialog));
  return IPT_ENDING_DIALOG (fixture->window->dialog);
}

static void
end_course (Fixture *fixture)
{
  IptEndingDialog *dialog = open_ending (fixture);

  gtk_drop_down_set_selected (child (dialog, IPT_TYPE_ENDING_DIALOG, "reason_dropdown"),
                              IPT_END_REASON_COMPLETED);
  ipt_ending_dialog_set_text (dialog, IPT_ENDING_WARNING_SIGNS, "Sleeping badly, avoiding Jamie");
  ipt_ending_dialog_set_text (dialog, IPT_ENDING_PEOPLE_TO_TURN_TO, "Sam (sister) — ☎ evenings");
  gtk_check_button_set_active (child (dialog, IPT_TYPE_ENDING_DIALOG, "maintenance_check"), TRUE);
  g_assert_true (ipt_ending_dialog_get_can_save (dialog));
  snapshot (dialog, "ending-dialog");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "ending.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
}

static void
test_end_course_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "E-0001", "Robin", "Ashe");
  g_autoptr(IptEpisode) running = NULL;
  g_autoptr(IptEpisode) ended = NULL;
  g_autoptr(IptEpisode) again = NULL;
  g_autoptr(IptCourseEnding) ending = NULL;
  g_autoptr(IptCourseEnding) gone = NULL;
  g_autoptr(GError) error = NULL;

  start_course (fixture, 12);
  record_phq9_session (fixture);
  running = current_course (fixture, client_id);
  g_assert_cmpint (ipt_episode_get_status (running), ==, IPT_EPISODE_STATUS_ACTIVE);

  end_course (fixture);
  ended = current_course (fixture, client_id);
  g_assert_cmpint (ipt_episode_get_status (ended), ==, IPT_EPISODE_STATUS_ENDED);
  g_assert_nonnull (ipt_episode_get_end_date (ended));
  ending = ipt_store_get_course_ending (fixture->store, ipt_episode_get_id (ended), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ending);
  g_assert_cmpstr (ipt_course_ending_get_text (ending, IPT_ENDING_WARNING_SIGNS), ==,
                   "Sleeping badly, avoiding Jamie");
  g_assert_cmpstr (ipt_course_ending_get_text (ending, IPT_ENDING_PEOPLE_TO_TURN_TO), ==,
                   "Sam (sister) — ☎ evenings");
  g_assert_true (ipt_course_ending_get_maintenance_offered (ending));
  /* The page follows: its course is the ended one. */
  g_assert_cmpint (ipt_episode_get_status (ipt_client_page_get_episode (fixture->window->client_page)),
                   ==, IPT_EPISODE_STATUS_ENDED);

  /* Undo from the toast: the course runs again, with no ending record. */
  g_assert_nonnull (fixture->window->undo_func);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  again = current_course (fixture, client_id);
  g_assert_cmpint (ipt_episode_get_status (again), ==, IPT_EPISODE_STATUS_ACTIVE);
  gone = ipt_store_get_course_ending (fixture->store, ipt_episode_get_id (again), &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

static void
test_ending_refuses_bad_date (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "E-0002", "Kit", "Lane");
  IptEndingDialog *dialog;
  GtkLabel *error_label;
  g_autoptr(IptEpisode) episode = NULL;

  g_autofree char *ahead = days_from_today (7);
  IptSessionEditor *editor;

  start_course (fixture, 12);

  /* A session saved with a date ahead: the end date may not come before it, and the message
   * beside the date says which session it is and where its date is corrected. */
  editor = open_new_session (fixture);
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", ahead);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_nonnull (ipt_session_editor_get_date_question (editor));
  gtk_dialog_response (GTK_DIALOG (ipt_session_editor_get_date_question (editor)),
                       GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_null (fixture->window->dialog);
  dialog = open_ending (fixture);
  g_assert_false (ipt_ending_dialog_get_can_save (dialog));
  error_label = child (dialog, IPT_TYPE_ENDING_DIALOG, "end_error");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Session 1"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), ahead));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Sessions tab"));
  g_assert_nonnull (strstr (ipt_form_window_get_save_reason (IPT_FORM_WINDOW (dialog)),
                            "Sessions tab"));

  set_text (dialog, IPT_TYPE_ENDING_DIALOG, "end_entry", "2999-01-01");
  g_assert_false (ipt_ending_dialog_get_can_save (dialog));
  error_label = child (dialog, IPT_TYPE_ENDING_DIALOG, "end_error");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  set_text (dialog, IPT_TYPE_ENDING_DIALOG, "end_entry", "1999-01-01");
  g_assert_false (ipt_ending_dialog_get_can_save (dialog));
  set_text (dialog, IPT_TYPE_ENDING_DIALOG, "end_entry", "not a date");
  g_assert_false (ipt_ending_dialog_get_can_save (dialog));

  /* Saving is refused: nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "ending.save", NULL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (dialog));
  episode = current_course (fixture, client_id);
  g_assert_cmpint (ipt_episode_get_status (episode), ==, IPT_EPISODE_STATUS_ACTIVE);
}

static void
test_maintenance_and_second_course (Fixture       *fixture,
                                    gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "E-0003", "Noor", "Haddad");
  g_autoptr(IptEpisode) first = NULL;
  g_autoptr(IptEpisode) second = NULL;
  g_autoptr(IptMaintenance) contract = NULL;
  g_autoptr(IptMaintenance) cancelled = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  GMenuModel *section;
  gsize length = 0;
  gint64 until;
  gint64 first_id;

  start_course (fixture, 12);
  record_phq9_session (fixture);
  end_course (fixture);
  first = current_course (fixture, client_id);
  first_id = ipt_episode_get_id (first);

  /* Maintenance: one step, undone from the toast. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-maintenance", NULL);
  spin ();
  contract = ipt_store_get_maintenance (fixture->store, first_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contract);
  g_assert_cmpuint (ipt_maintenance_get_planned_sessions (contract), ==,
                    IPT_MAINTENANCE_SESSIONS_DEFAULT);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  cancelled = ipt_store_get_maintenance (fixture->store, first_id, &error);
  g_assert_no_error (error);
  g_assert_null (cancelled);

  /* The client starts a second course; the first is an earlier course now. */
  start_course (fixture, 16);
  second = current_course (fixture, client_id);
  g_assert_cmpint (ipt_episode_get_id (second), !=, first_id);
  g_assert_cmpuint (ipt_episode_get_ordinal (second), ==, 2);
  g_assert_cmpint (ipt_episode_get_status (second), ==, IPT_EPISODE_STATUS_ACTIVE);
  earlier = ipt_store_list_earlier_courses (fixture->store, client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 1);
  g_assert_cmpint (ipt_episode_get_id (g_ptr_array_index (earlier, 0)), ==, first_id);

  /* The second course's first session is dated like the first course's: its start date. */
  {
    IptSessionEditor *editor = open_new_session (fixture);

    g_assert_cmpstr (gtk_editable_get_text (child (editor, IPT_TYPE_SESSION_EDITOR, "date_entry")),
                     ==, ipt_episode_get_start_date (second));
    gtk_window_destroy (GTK_WINDOW (editor));
    spin ();
  }

  /* The first course is within reach from the client menu: opened on the page, and as its
   * case report. */
  section = G_MENU_MODEL (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE,
                                 "earlier_section"));
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "win.open-course");
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_cmpint (g_variant_get_int64 (target), ==, first_id);
  g_clear_pointer (&action, g_free);
  g_clear_pointer (&target, g_variant_unref);
  g_assert_true (g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "win.export-report");
  target = g_menu_model_get_item_attribute_value (section, 1, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);
  g_assert_cmpint (g_variant_get_int64 (target), ==, first_id);

  /* Opened: its sessions, scores, chart and ending, marked as an earlier course, read only. */
  {
    IptClientPage *page = fixture->window->client_page;
    /* bound to win.record-risk-review: sensitive while the action is enabled */
    GtkWidget *record_button = page->risk_review_button;
    GtkWidget *bar = GTK_WIDGET (child (page, IPT_TYPE_CLIENT_PAGE, "earlier_bar"));
    GtkLabel *bar_label = child (page, IPT_TYPE_CLIENT_PAGE, "earlier_label");
    GtkLabel *ending_label = child (page, IPT_TYPE_CLIENT_PAGE, "ending_label");
    IptChartData *chart;

    g_assert_true (gtk_widget_get_sensitive (record_button));
    g_assert_false (gtk_widget_get_visible (bar));
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-course", "x", first_id);
    spin ();
    g_assert_cmpint (ipt_episode_get_id (ipt_client_page_get_episode (page)), ==, first_id);
    g_assert_true (ipt_client_page_get_read_only (page));
    g_assert_true (gtk_widget_get_visible (bar));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (bar_label), "Course 1, ended "));
    g_assert_true (g_str_has_suffix (gtk_label_get_label (bar_label), " — read only"));
    g_assert_nonnull (strstr (gtk_label_get_label (ending_label), "Completed"));
    g_assert_nonnull (strstr (gtk_label_get_label (ending_label),
                              "Warning signs: Sleeping badly, avoiding Jamie"));
    g_assert_cmpuint (ipt_client_page_get_sessions (page)->len, ==, 1);
    chart = ipt_mood_chart_view_get_data (ipt_client_page_get_mood_chart (page));
    g_assert_cmpuint (chart->n_points[IPT_CHART_MEASURE_PHQ9], ==, 1);
    g_assert_cmpint (chart->status, ==, IPT_EPISODE_STATUS_ENDED);
    g_assert_cmpint (ipt_case_summary_get_episode (ipt_client_page_get_summary (page)) != NULL, ==, TRUE);
    snapshot (fixture->window, "earlier-course");

    /* Nothing there can be changed: recording, editing, ending, the tabs' own actions. */
    g_assert_false (gtk_widget_get_sensitive (record_button));
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-session", NULL);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-course", NULL);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-risk-review", NULL);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-maintenance", NULL);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x",
                                ipt_session_get_id (g_ptr_array_index (ipt_client_page_get_sessions (page), 0)));
    gtk_widget_activate_action (GTK_WIDGET (page->formulation_view), "formulation.edit", NULL);
    gtk_widget_activate_action (GTK_WIDGET (page->formulation_view), "formulation.add-goal", NULL);
    gtk_widget_activate_action (GTK_WIDGET (page->timeline_view), "timeline.add-event", NULL);
    gtk_widget_activate_action (GTK_WIDGET (page->inventory_view), "inventory.add-person", NULL);
    spin ();
    g_assert_null (fixture->window->dialog);
    g_assert_null (ipt_inventory_view_get_form (IPT_INVENTORY_VIEW (page->inventory_view)));
    {
      GList *toplevels = gtk_window_list_toplevels ();

      /* the main window alone */
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (l->data != fixture->window && gtk_widget_get_visible (l->data))
          g_assert_not_reached ();
      g_list_free (toplevels);
    }
    g_clear_object (&second);
    second = current_course (fixture, client_id);
    g_assert_cmpint (ipt_episode_get_ordinal (second), ==, 2);

    /* A change elsewhere to the client keeps the earlier course shown. */
    {
      g_autoptr(IptClient) client = ipt_store_get_client (fixture->store, client_id, &error);

      ipt_client_set_referrer (client, "Dr Okafor");
      g_assert_true (ipt_store_update_client (fixture->store, client, &error));
      spin ();
      g_assert_true (ipt_client_page_get_read_only (page));
      g_assert_cmpint (ipt_episode_get_id (ipt_client_page_get_episode (page)), ==, first_id);
    }

    /* Back to the current course, where everything can be done again. */
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-course", "x", (gint64) 0);
    spin ();
    g_assert_cmpint (ipt_episode_get_id (ipt_client_page_get_episode (page)), ==,
                     ipt_episode_get_id (second));
    g_assert_false (ipt_client_page_get_read_only (page));
    g_assert_false (gtk_widget_get_visible (bar));
    g_assert_true (gtk_widget_get_sensitive (record_button));
    g_assert_cmpuint (ipt_client_page_get_sessions (page)->len, ==, 0);
  }

  path = g_build_filename (tmpdir, "E-0003 course 1.pdf", NULL);
  g_assert_true (_ipt_window_export_report (fixture->window, first_id, path, FALSE, &error));
  g_assert_no_error (error);
  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!gtk_revealer_get_reveal_child (fixture->window->toast_revealer)
         && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (pdf, "%PDF", 4) == 0);
  g_assert_nonnull (strstr (gtk_label_get_label (fixture->window->toast_label), path));

  /* A course of another client is refused. */
  g_assert_false (_ipt_window_export_report (fixture->window, first_id + 1000, path, FALSE,
                                             &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
}

static guint
n_sessions (Fixture *fixture,
            gint64   client_id)
{
  g_autoptr(IptEpisode) episode = current_course (fixture, client_id);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = ipt_store_list_sessions (fixture->store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  return sessions->len;
}

static void
test_session_date_flow (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "F-0001", "Ari", "Moss");
  g_autofree char *today = days_from_today (0);
  g_autofree char *far = days_from_today (7);
  g_autofree char *between = days_from_today (3);
  IptSessionEditor *editor;
  GtkWindow *question;

  start_course (fixture, 12);
  record_phq9_session (fixture);

  /* A new session is suggested a week after the last one, but never after today. */
  editor = open_new_session (fixture);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, IPT_TYPE_SESSION_EDITOR, "date_entry")),
                   ==, today);

  /* More than a year ahead is refused beside the date, at the top of the form, not at its
   * foot; and Save, off, says why. */
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", "2999-01-01");
  g_assert_true (gtk_widget_get_visible (child (editor, IPT_TYPE_SESSION_EDITOR, "date_error")));
  g_assert_nonnull (strstr (gtk_label_get_text (child (editor, IPT_TYPE_SESSION_EDITOR, "date_error")),
                            "more than a year ahead"));
  g_assert_false (gtk_widget_get_visible (child (editor, IPT_TYPE_SESSION_EDITOR, "save_error")));
  g_assert_false (gtk_widget_get_sensitive (child (editor, IPT_TYPE_SESSION_EDITOR, "save_button")));
  g_assert_nonnull (strstr (ipt_form_window_get_save_reason (IPT_FORM_WINDOW (editor)),
                            "more than a year ahead"));
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", today);
  g_assert_false (gtk_widget_get_visible (child (editor, IPT_TYPE_SESSION_EDITOR, "date_error")));
  g_assert_null (strstr (ipt_form_window_get_save_reason (IPT_FORM_WINDOW (editor)) != NULL
                         ? ipt_form_window_get_save_reason (IPT_FORM_WINDOW (editor)) : "",
                         "more than a year ahead"));

  /* In the future, even a week: asked first, nothing saved until the answer. */
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", far);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  question = ipt_session_editor_get_date_question (editor);
  g_assert_nonnull (question);
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 1);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_null (fixture->window->dialog);
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 2);

  /* Before the previous session: "Change the Date" keeps the form open and unsaved. */
  editor = open_new_session (fixture);
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", between);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  question = ipt_session_editor_get_date_question (editor);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (ipt_session_editor_get_date_question (editor));
  g_assert_true (fixture->window->dialog == GTK_WINDOW (editor));
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 2);

  /* The date changed: it is asked about again before it is saved. */
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", far);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_nonnull (ipt_session_editor_get_date_question (editor));
  gtk_dialog_response (GTK_DIALOG (ipt_session_editor_get_date_question (editor)),
                       GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 3);
}

static void
test_page_at_a_glance (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(IptClient) client = ipt_client_new ("G-0001");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = days_from_today (-70);
  g_autofree char *seen = days_from_today (-36);
  g_autofree char *birth = NULL;
  g_autofree char *age = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  IptClientPage *page = fixture->window->client_page;
  GtkLabel *glance;
  GtkLabel *quiet;
  const char *text;

  /* Born 34 years ago last month: 34 today. */
  birth = g_strdup_printf ("%04d-%02d-01", g_date_time_get_year (now) - 34 - (g_date_time_get_month (now) == 1),
                           g_date_time_get_month (now) == 1 ? 12 : g_date_time_get_month (now) - 1);
  ipt_client_set_given_name (client, "Jo");
  ipt_client_set_family_name (client, "Reyes");
  ipt_client_set_birth_date (client, birth);
  ipt_client_set_phone (client, "07700 900123");
  ipt_client_set_referrer (client, "GP Dr Shah");
  g_assert_true (ipt_store_insert_client (fixture->store, client, &error));
  g_assert_no_error (error);
  episode = ipt_episode_new (ipt_client_get_id (client), start, 16);
  g_assert_true (ipt_store_insert_episode (fixture->store, episode, &error));
  g_assert_no_error (error);
  session = ipt_session_new (ipt_episode_get_id (episode), 1, seen);
  g_assert_true (ipt_store_save_session (fixture->store, session, scores, &error));
  g_assert_no_error (error);

  _ipt_window_select_client (fixture->window, ipt_client_get_id (client));
  spin ();
  glance = child (page, IPT_TYPE_CLIENT_PAGE, "glance_label");
  quiet = child (page, IPT_TYPE_CLIENT_PAGE, "quiet_label");
  text = gtk_label_get_label (glance);
  age = g_strdup_printf ("Age %d", 34);
  g_assert_nonnull (strstr (text, age));
  g_assert_nonnull (strstr (text, "07700 900123"));
  g_assert_nonnull (strstr (text, "Referred by GP Dr Shah"));
  g_assert_nonnull (strstr (text, seen));
  /* Five weeks without a session: the course has gone quiet. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (quiet)));
  g_assert_cmpstr (gtk_label_get_label (quiet), ==, "No session for 5 weeks");

  /* A session today: no longer quiet, last seen today, and the page followed the store. */
  g_clear_object (&session);
  g_free (seen);
  seen = days_from_today (0);
  session = ipt_session_new (ipt_episode_get_id (episode), 2, seen);
  g_assert_true (ipt_store_save_session (fixture->store, session, scores, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (quiet)));
  g_assert_nonnull (strstr (gtk_label_get_label (glance), seen));
}

static const char *
tasks_progress_text (IptClientPage *page)
{
  GtkWidget *box = child (page, IPT_TYPE_CLIENT_PAGE, "tasks_box");

  for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (gtk_widget_get_name (w), "tasks-progress") == 0)
      return gtk_label_get_label (GTK_LABEL (w));
  g_assert_not_reached ();
}

static void
test_phase_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "P-0001", "Lee", "Quinn");
  IptClientPage *page = fixture->window->client_page;
  g_autoptr(IptPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  IptPhaseProgress progress;

  start_course (fixture, 12);
  record_phq9_session (fixture);
  before = g_strdup (tasks_progress_text (page));
  _ipt_client_page_phase_progress (page, IPT_PHASE_ASSESSMENT, &progress);
  /* start_course chose a focus: that task is done by the record itself. */
  g_assert_cmpuint (progress.n_done, ==, 1);

  /* A person in the inventory: the inventory is taken, and the Overview follows. */
  person = ipt_person_new (client_id, "Jamie", "partner", 1);
  g_assert_true (ipt_store_save_person (fixture->store, person, &error));
  g_assert_no_error (error);
  spin ();
  _ipt_client_page_phase_progress (page, IPT_PHASE_ASSESSMENT, &progress);
  g_assert_cmpuint (progress.n_done, ==, 2);
  g_assert_cmpstr (tasks_progress_text (page), !=, before);
}

/* The first widget under root of this name (gtk_widget_set_name), depth first. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Rows of a column view (children of its list view) named for screen readers. */
static guint
count_named_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LIST_VIEW (root))
        {
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL));
          n++;
        }
      else
        n += count_named_rows (c);
    }
  return n;
}

static void
test_session_work (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "W-0001", "Dana", "Fox");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptPerson) jamie = NULL;
  g_autoptr(IptGoal) goal = NULL;
  g_autoptr(IptSessionWork) work = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  IptSessionEditor *editor;
  IptSessionWorkForm *form;
  const gint64 *ids;
  guint n_ids;

  start_course (fixture, 12);
  episode = current_course (fixture, client_id);
  jamie = ipt_person_new (client_id, "Jamie", "partner", 1);
  g_assert_true (ipt_store_save_person (fixture->store, jamie, &error));
  g_assert_no_error (error);
  goal = ipt_goal_new (ipt_episode_get_id (episode), "Talk with Jamie about money calmly");
  g_assert_true (ipt_store_save_goal (fixture->store, goal, &error));
  g_assert_no_error (error);

  editor = open_new_session (fixture);
  form = ipt_session_editor_get_work_form (editor);
  /* Who came with the client is chosen right under "Who attended", before the questionnaires,
   * and only for a joint session. */
  {
    GtkWidget *card = ipt_session_work_form_get_attendees (form);
    GtkWidget *slot = child (editor, IPT_TYPE_SESSION_EDITOR, "attendees_slot");

    g_assert_true (gtk_widget_get_parent (card) == slot);
    g_assert_true (gtk_widget_get_next_sibling (slot)
                   == child (editor, IPT_TYPE_SESSION_EDITOR, "measures_box"));
    g_assert_false (gtk_widget_get_visible (card));
    gtk_drop_down_set_selected (child (editor, IPT_TYPE_SESSION_EDITOR, "attendees_dropdown"),
                                IPT_ATTENDEES_WITH_PARTNER);
    g_assert_true (gtk_widget_get_visible (card));
  }
  ipt_session_work_form_set_attendee (form, ipt_person_get_id (jamie), TRUE);
  ipt_session_work_form_set_other (form, "Jamie’s mother, for the first half");
  ipt_session_work_form_set_text (form, IPT_TECHNIQUE_FIELD_SAID, "“You never listen”");
  ipt_session_work_form_set_text (form, IPT_TECHNIQUE_FIELD_MEANT, "I feel alone with the bills");
  ipt_session_work_form_set_rating (form, ipt_goal_get_id (goal), 7);
  snapshot (editor, "session-work");
  /* The technique sections are named for screen readers after their technique. */
  for (guint t = 0; t < IPT_N_TECHNIQUES; t++)
    {
      GtkWidget *expander = find_named (GTK_WIDGET (form), ipt_technique_to_id (t));
      g_autofree char *wrong = NULL;

      g_assert_true (GTK_IS_EXPANDER (expander));
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                  ipt_technique_to_label (t));
      g_assert_null (wrong);
    }
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  sessions = ipt_store_list_sessions (fixture->store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  work = ipt_store_get_session_work (fixture->store,
                                     ipt_session_get_id (g_ptr_array_index (sessions, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_session_work_get_text (work, IPT_TECHNIQUE_FIELD_SAID), ==, "“You never listen”");
  g_assert_cmpstr (ipt_session_work_get_text (work, IPT_TECHNIQUE_FIELD_MEANT), ==,
                   "I feel alone with the bills");
  g_assert_null (ipt_session_work_get_text (work, IPT_TECHNIQUE_FIELD_CHOICE));
  ids = ipt_session_work_get_attendee_ids (work, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, ipt_person_get_id (jamie));
  g_assert_cmpstr (ipt_session_work_get_other_attendee (work), ==, "Jamie’s mother, for the first half");
  attendees = ipt_store_list_course_attendees (fixture->store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 2);
  /* The Sessions tab names them; its rows are named for screen readers. */
  {
    IptClientPage *page = fixture->window->client_page;

    gtk_stack_set_visible_child_name (page->tabs_stack, "sessions");
    spin ();
    g_assert_cmpuint (count_named_rows (GTK_WIDGET (page->sessions_view)), >=, 1);
  }
  {
    IptClientPage *page = fixture->window->client_page;
    gint64 id = ipt_session_get_id (g_ptr_array_index (sessions, 0));
    const char *who = g_hash_table_lookup (page->attendees, &id);

    g_assert_nonnull (who);
    g_assert_nonnull (strstr (who, "Jamie, partner"));
    g_assert_nonnull (strstr (who, "Jamie’s mother, for the first half"));
  }
  /* The Overview's chart marks the joint session and names who came, in its description and
   * in the tooltip of its mark. */
  {
    IptMoodChartView *chart = ipt_client_page_get_mood_chart (fixture->window->client_page);
    IptChartData *chart_data = ipt_mood_chart_view_get_data (chart);
    g_autofree char *mark = NULL;

    g_assert_true (ipt_chart_session_is_joint (ipt_chart_data_find_session (chart_data, 1)));
    g_assert_nonnull (strstr (ipt_mood_chart_view_get_description (chart),
                              "Joint session: 1 with Jamie, partner and "
                              "Jamie’s mother, for the first half."));
    mark = ipt_chart_data_describe_joint_mark (chart_data, 1);
    g_assert_nonnull (strstr (mark, "\nJoint session with Jamie, partner and Jamie’s mother"));
  }

  ratings = ipt_store_list_session_goal_ratings (fixture->store, ipt_episode_get_id (episode), 1,
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 1);
  g_assert_cmpint (g_array_index (ratings, IptSessionGoalRating, 0).rating, ==, 7);

  /* Opened again, the form shows what was saved and is not modified. */
  editor = IPT_SESSION_EDITOR (ipt_session_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                                       episode, sessions,
                                                       g_ptr_array_index (sessions, 0)));
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (editor)));
  {
    g_autofree char *state = ipt_session_work_form_get_state (ipt_session_editor_get_work_form (editor));

    g_assert_nonnull (strstr (state, "I feel alone with the bills"));
  }
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-course-flow-XXXXXX"))
    return 77;
  /* Accessible names are kept by GTK's test context (no AT-SPI bus): GTK reads GTK_A11Y when it
   * makes the first widget's context, which is after this. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_add ("/course-flow/session-date", Fixture, NULL, fixture_set_up,
              test_session_date_flow, fixture_tear_down);
  g_test_add ("/course-flow/at-a-glance", Fixture, NULL, fixture_set_up,
              test_page_at_a_glance, fixture_tear_down);
  g_test_add ("/course-flow/phase-progress", Fixture, NULL, fixture_set_up,
              test_phase_progress, fixture_tear_down);
  g_test_add ("/course-flow/session-work", Fixture, NULL, fixture_set_up,
              test_session_work, fixture_tear_down);
  g_test_add ("/course-flow/end-and-undo", Fixture, NULL, fixture_set_up,
              test_end_course_and_undo, fixture_tear_down);
  g_test_add ("/course-flow/bad-date", Fixture, NULL, fixture_set_up,
              test_ending_refuses_bad_date, fixture_tear_down);
  g_test_add ("/course-flow/maintenance-and-second-course", Fixture, NULL, fixture_set_up,
              test_maintenance_and_second_course, fixture_tear_down);

  return ui_test_run ();
}
