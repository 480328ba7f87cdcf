/* The window's dialogs and preferences, used as a user would, checked on the store. */
#include "config.h"

#include <gtk/gtk.h>

#include "ipt-client-dialog.h"
#include "ipt-course-dialog.h"
#include "ipt-gui-private.h"
#include "ipt-preferences-window.h"
#include "ipt-session-editor.h"
#include "ipt-store.h"
#include "ipt-window-private.h"

#include "test-window-common.h"

static GPtrArray *
current_sessions (Fixture *fixture,
                  gint64   client_id)
{
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions;

  episode = ipt_store_get_current_episode (fixture->store, client_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (episode);
  sessions = ipt_store_list_sessions (fixture->store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  return sessions;
}

static void
test_client_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  IptClientDialog *dialog;
  g_autoptr(IptClient) client = NULL;

  add_client (fixture, "C-0001", "Ada", "Lovelace");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL);
  spin ();
  dialog = IPT_CLIENT_DIALOG (fixture->window->dialog);
  /* The suggested code follows the highest one. */
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, IPT_TYPE_CLIENT_DIALOG, "code_entry")),
                   ==, "C-0002");

  /* A taken code, an impossible date and a malformed e-mail are each explained and block Save. */
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "code_entry", "C-0001");
  g_assert_false (ipt_client_dialog_get_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_CLIENT_DIALOG, "code_error")));
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "code_entry", "C-0002");
  g_assert_true (ipt_client_dialog_get_can_save (dialog));

  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "birth_entry", "1990-02-30");
  g_assert_false (ipt_client_dialog_get_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_CLIENT_DIALOG, "birth_error")));
  snapshot (dialog, "client-dialog");
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "birth_entry", "1990-02-28");
  g_assert_true (ipt_client_dialog_get_can_save (dialog));

  /* Save does nothing while the form is invalid. */
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "code_entry", "bad code!");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "client.save", NULL);
  spin ();
  g_assert_nonnull (fixture->window->dialog);
  g_assert_cmpuint (ipt_store_count_clients (fixture->store, NULL), ==, 1);

  /* Escape (window.close) asks about what was typed, then leaves without writing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  spin ();
  g_assert_nonnull (_ipt_get_discard_question (GTK_WINDOW (dialog)));
  /* named by its question, for screen readers (message dialogs show no title bar) */
  g_assert_cmpstr (gtk_window_get_title (_ipt_get_discard_question (GTK_WINDOW (dialog))), !=,
                   NULL);
  g_assert_cmpstr (gtk_window_get_title (_ipt_get_discard_question (GTK_WINDOW (dialog))), !=,
                   "");
  gtk_dialog_response (GTK_DIALOG (_ipt_get_discard_question (GTK_WINDOW (dialog))),
                       GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_null (fixture->window->dialog);
  g_assert_cmpuint (ipt_store_count_clients (fixture->store, NULL), ==, 1);

  client = ipt_store_find_client (fixture->store, "C-0001", NULL);
  g_assert_cmpstr (ipt_client_get_family_name (client), ==, "Lovelace");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "client");
  snapshot (fixture->window, "no-course");
}

static void
test_course_contract (Fixture       *fixture,
                      gconstpointer  data)
{
  IptCourseDialog *dialog;
  gint64 client_id = add_client (fixture, "C-0010", "Grace", "Hopper");
  g_autoptr(IptEpisode) episode = NULL;

  /* Opened and closed unchanged, it asks nothing; changed, it asks first (Keep Editing here). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window->dialog), "window.close", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  dialog = IPT_COURSE_DIALOG (fixture->window->dialog);
  ipt_course_dialog_set_focus (dialog, IPT_FOCUS_GRIEF);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  spin ();
  g_assert_nonnull (_ipt_get_discard_question (GTK_WINDOW (dialog)));
  gtk_dialog_response (GTK_DIALOG (_ipt_get_discard_question (GTK_WINDOW (dialog))),
                       GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (dialog));

  /* The default plan comes from the settings, the phases from the plan. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, IPT_TYPE_COURSE_DIALOG, "planned_spin")), ==, 16);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, IPT_TYPE_COURSE_DIALOG, "assessment_spin")), ==, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, IPT_TYPE_COURSE_DIALOG, "middle_spin")), ==, 12);

  gtk_spin_button_set_value (child (dialog, IPT_TYPE_COURSE_DIALOG, "planned_spin"), 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, IPT_TYPE_COURSE_DIALOG, "assessment_spin")), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, IPT_TYPE_COURSE_DIALOG, "middle_spin")), ==, 9);

  /* An impossible contract is explained and cannot be saved. */
  gtk_spin_button_set_value (child (dialog, IPT_TYPE_COURSE_DIALOG, "middle_spin"), 2);
  gtk_spin_button_set_value (child (dialog, IPT_TYPE_COURSE_DIALOG, "assessment_spin"), 3);
  g_assert_false (ipt_course_dialog_get_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_COURSE_DIALOG, "contract_error")));
  snapshot (dialog, "course-dialog");
  gtk_spin_button_set_value (child (dialog, IPT_TYPE_COURSE_DIALOG, "middle_spin"), 8);
  g_assert_true (ipt_course_dialog_get_can_save (dialog));

  set_text (dialog, IPT_TYPE_COURSE_DIALOG, "start_entry", "2026-13-01");
  g_assert_false (ipt_course_dialog_get_can_save (dialog));
  set_text (dialog, IPT_TYPE_COURSE_DIALOG, "start_entry", "2026-01-05");

  ipt_course_dialog_set_focus (dialog, IPT_FOCUS_ROLE_TRANSITION);
  gtk_drop_down_set_selected (child (dialog, IPT_TYPE_COURSE_DIALOG, "secondary_dropdown"),
                              IPT_FOCUS_ROLE_TRANSITION);
  g_assert_false (ipt_course_dialog_get_can_save (dialog));
  gtk_drop_down_set_selected (child (dialog, IPT_TYPE_COURSE_DIALOG, "secondary_dropdown"),
                              IPT_FOCUS_GRIEF);
  g_assert_true (ipt_course_dialog_get_can_save (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "course.save", NULL);
  spin ();

  episode = ipt_store_get_current_episode (fixture->store, client_id, NULL);
  g_assert_nonnull (episode);
  g_assert_cmpuint (ipt_episode_get_planned_sessions (episode), ==, 12);
  g_assert_cmpuint (ipt_episode_get_assessment_end (episode), ==, 3);
  g_assert_cmpuint (ipt_episode_get_middle_end (episode), ==, 8);
  g_assert_cmpstr (ipt_episode_get_start_date (episode), ==, "2026-01-05");
  g_assert_cmpint (ipt_episode_get_focus (episode), ==, IPT_FOCUS_ROLE_TRANSITION);
  g_assert_cmpint (ipt_episode_get_secondary_focus (episode), ==, IPT_FOCUS_GRIEF);

  /* The page now shows the course: 12 segments, none filled. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "course_stack")),
                   ==, "course");
}

static void
test_record_session (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0020", "Alan", "Turing");
  IptSessionEditor *editor;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(IptCaseSummary) summary = NULL;
  IptScore *score;
  guint n_items;
  const int *items;

  start_course (fixture, 16);
  editor = open_new_session (fixture);

  /* Item by item: no total until every PHQ-9 item is answered, then total and band at once; an
   * item left unanswered does not block saving (tests/test-forms.c saves one). */
  for (guint i = 0; i < 8; i++)
    ipt_session_editor_set_item (editor, "phq9", i, phq9_answers[i]);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "8 of 9 answered");
  g_assert_true (ipt_session_editor_get_can_save (editor));
  g_assert_false (ipt_session_editor_get_risk (editor));

  ipt_session_editor_set_item (editor, "phq9", 8, 0);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "16 · moderately severe");
  g_assert_false (ipt_session_editor_get_risk (editor));
  ipt_session_editor_set_item (editor, "phq9", 8, 1);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "17 · moderately severe");
  g_assert_true (ipt_session_editor_get_risk (editor));
  snapshot (editor, "session-editor");

  /* A half-answered GAD-7 would be saved incomplete; cleared, it was simply not taken. */
  ipt_session_editor_set_item (editor, "gad7", 0, 3);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "gad7"), ==, "1 of 7 answered");
  g_assert_true (ipt_session_editor_get_can_save (editor));
  for (guint i = 0; i < 7; i++)
    ipt_session_editor_set_item (editor, "gad7", i, IPT_ITEM_MISSING);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "gad7"), ==, "Not taken");
  g_assert_true (ipt_session_editor_get_can_save (editor));

  /* WSAS: one missing item takes the mean of the others; two missing give no total. */
  for (guint i = 0; i < 3; i++)
    ipt_session_editor_set_item (editor, "wsas", i, 4);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "wsas"), ==, "3 of 5 answered");
  ipt_session_editor_set_item (editor, "wsas", 3, 4);
  g_assert_true (ipt_session_editor_get_can_save (editor));
  /* and the total says how it was made */
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "wsas"), ==,
                   "20 · significant impairment (one item missing: the mean of the others, "
                   "rounded half up)");

  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  sessions = current_sessions (fixture, client_id);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (ipt_session_get_number (g_ptr_array_index (sessions, 0)), ==, 1);
  scores = ipt_store_list_session_scores (fixture->store,
                                          ipt_session_get_id (g_ptr_array_index (sessions, 0)), NULL);
  g_assert_cmpuint (scores->len, ==, 2);
  score = g_ptr_array_index (scores, 0);
  g_assert_cmpstr (ipt_score_get_measure_id (score), ==, "phq9");
  g_assert_cmpint (ipt_score_get_total (score), ==, 17);
  g_assert_true (ipt_score_get_risk (score));
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpuint (n_items, ==, 9);
  g_assert_cmpmem (items, 9 * sizeof (int), phq9_answers, sizeof phq9_answers);
  g_assert_cmpstr (ipt_score_get_measure_id (g_ptr_array_index (scores, 1)), ==, "wsas");
  g_assert_cmpint (ipt_score_get_total (g_ptr_array_index (scores, 1)), ==, 20);

  /* The risk flag shows on the row and the page. */
  summary = ipt_store_load_case_summary (fixture->store, client_id, NULL);
  g_assert_true (ipt_case_summary_get_has_risk (summary));
  g_assert_true (gtk_widget_get_visible (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "risk_label")));
  g_assert_true (ipt_case_summary_get_has_risk (ipt_client_page_get_summary (fixture->window->client_page)));
  {
    IptCaseSummary *row = ipt_caseload_model_get_summary (fixture->window->shown, 0);
    g_assert_cmpint (ipt_case_summary_get_signal_kind (row), ==, IPT_SIGNAL_RISK);
  }

  /* The next session is numbered after it, and its number must be free. */
  editor = open_new_session (fixture);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (editor, IPT_TYPE_SESSION_EDITOR, "number_spin")), ==, 2);
  gtk_spin_button_set_value (child (editor, IPT_TYPE_SESSION_EDITOR, "number_spin"), 1);
  g_assert_false (ipt_session_editor_get_can_save (editor));
  gtk_spin_button_set_value (child (editor, IPT_TYPE_SESSION_EDITOR, "number_spin"), 2);
  /* A missed session takes no questionnaire. */
  gtk_drop_down_set_selected (child (editor, IPT_TYPE_SESSION_EDITOR, "attendance_dropdown"),
                              IPT_ATTENDANCE_DID_NOT_ATTEND);
  g_assert_true (ipt_session_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = current_sessions (fixture, client_id);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpint (ipt_session_get_attendance (g_ptr_array_index (sessions, 1)), ==, IPT_ATTENDANCE_DID_NOT_ATTEND);

  /* The Sessions tab lists both. */
  ipt_client_page_show_tab (fixture->window->client_page, "sessions");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "sessions_stack")),
                   ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "sessions_view")))),
                    ==, 2);
  snapshot (fixture->window, "sessions");
}

/* A PHQ-9 recorded as a total only says nothing about item 9, and the editor says so. */
static void
test_total_only_item9 (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0041", "Noor", "Haddad");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  start_course (fixture, 16);
  episode = ipt_store_get_current_episode (fixture->store, client_id, &error);
  g_assert_no_error (error);
  session = ipt_session_new (ipt_episode_get_id (episode), 1, "2026-01-05");
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 12));
  g_assert_true (ipt_store_save_session (fixture->store, session, scores, &error));
  g_assert_no_error (error);
  /* written behind the window's back, as an import does: the page follows the store */
  spin ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x",
                              ipt_session_get_id (session));
  spin ();
  g_assert_true (IPT_IS_SESSION_EDITOR (fixture->window->dialog));
  g_assert_cmpstr (ipt_session_editor_get_total_text (IPT_SESSION_EDITOR (fixture->window->dialog),
                                                      "phq9"),
                   ==, "12 (total only · item 9 not known)");
  g_assert_false (ipt_session_editor_get_risk (IPT_SESSION_EDITOR (fixture->window->dialog)));
  gtk_window_destroy (GTK_WINDOW (fixture->window->dialog));
  spin ();
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0040", "Jamie", "Okafor");
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(IptClient) restored = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  gint64 session_id;

  start_course (fixture, 16);
  record_phq9_session (fixture);
  sessions = current_sessions (fixture, client_id);
  session_id = ipt_session_get_id (g_ptr_array_index (sessions, 0));
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Delete a session from its editor, then undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x", session_id);
  spin ();
  g_assert_true (IPT_IS_SESSION_EDITOR (fixture->window->dialog));
  g_assert_cmpstr (ipt_session_editor_get_total_text (IPT_SESSION_EDITOR (fixture->window->dialog), "phq9"),
                   ==, "17 · moderately severe");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window->dialog), "session.delete", NULL);
  spin ();
  sessions = current_sessions (fixture, client_id);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->toast_revealer));
  snapshot (fixture->window, "toast");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  sessions = current_sessions (fixture, client_id);
  g_assert_cmpuint (sessions->len, ==, 1);
  scores = ipt_store_list_session_scores (fixture->store,
                                          ipt_session_get_id (g_ptr_array_index (sessions, 0)), NULL);
  g_assert_cmpuint (scores->len, ==, 1);
  g_assert_cmpint (ipt_score_get_total (g_ptr_array_index (scores, 0)), ==, 17);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  g_clear_pointer (&scores, g_ptr_array_unref);

  /* Deleting a client asks first; Cancel keeps them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL);
  spin ();
  g_assert_true (GTK_IS_MESSAGE_DIALOG (fixture->window->dialog));
  gtk_dialog_response (GTK_DIALOG (fixture->window->dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_cmpuint (ipt_store_count_clients (fixture->store, NULL), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL);
  spin ();
  gtk_dialog_response (GTK_DIALOG (fixture->window->dialog), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpuint (ipt_store_count_clients (fixture->store, NULL), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "no-client");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->list_stack), ==, "empty");

  /* Undo writes back the client, their course, the session and its item answers. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  restored = ipt_store_find_client (fixture->store, "C-0040", NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (ipt_client_get_given_name (restored), ==, "Jamie");
  episode = ipt_store_get_current_episode (fixture->store, ipt_client_get_id (restored), NULL);
  g_assert_nonnull (episode);
  g_assert_cmpint (ipt_episode_get_focus (episode), ==, IPT_FOCUS_ROLE_DISPUTE);
  sessions = current_sessions (fixture, ipt_client_get_id (restored));
  g_assert_cmpuint (sessions->len, ==, 1);
  scores = ipt_store_list_session_scores (fixture->store,
                                          ipt_session_get_id (g_ptr_array_index (sessions, 0)), NULL);
  g_assert_cmpuint (scores->len, ==, 1);
  g_assert_true (ipt_score_get_risk (g_ptr_array_index (scores, 0)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "client");
}

static void
test_preferences_measures (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) in_use = NULL;
  IptPreferencesWindow *prefs = ipt_preferences_window_new (GTK_WINDOW (fixture->window));
  GtkWidget *box = child (prefs, IPT_TYPE_PREFERENCES_WINDOW, "measures_box");
  IptSessionEditor *editor;

  gtk_window_present (GTK_WINDOW (prefs));
  spin ();
  snapshot (prefs, "preferences");

  /* Untick WSAS and tick BDI-II: the settings follow and so does the session editor. */
  for (GtkWidget *button = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      if (g_strcmp0 (gtk_widget_get_name (button), "wsas") == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), FALSE);
      if (g_strcmp0 (gtk_widget_get_name (button), "bdi2") == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
    }
  in_use = g_settings_get_strv (settings, "measures-in-use");
  g_assert_false (g_strv_contains ((const char * const *) in_use, "wsas"));
  g_assert_true (g_strv_contains ((const char * const *) in_use, "phq9"));
  g_assert_true (g_strv_contains ((const char * const *) in_use, "bdi2"));

  g_object_ref (prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_finalize_object (prefs);

  add_client (fixture, "C-0050", "Robin", "Castell");
  start_course (fixture, 16);
  editor = open_new_session (fixture);
  g_assert_nonnull (ipt_session_editor_get_total_text (editor, "phq9"));
  g_assert_null (ipt_session_editor_get_total_text (editor, "wsas"));

  /* BDI-II is typed as a total: out of range or not a number, it cannot be saved. */
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "bdi2"), ==, "Not taken");
  g_assert_true (ipt_session_editor_get_can_save (editor));
  ipt_session_editor_set_total (editor, "bdi2", "64");
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "bdi2"), ==, "No total");
  g_assert_false (ipt_session_editor_get_can_save (editor));
  ipt_session_editor_set_total (editor, "bdi2", "2a");
  g_assert_false (ipt_session_editor_get_can_save (editor));
  ipt_session_editor_set_total (editor, "bdi2", "21");
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "bdi2"), ==, "21 · moderate");
  g_assert_true (ipt_session_editor_get_can_save (editor));
  snapshot (editor, "session-editor-bdi2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
  {
    g_autoptr(GPtrArray) sessions = current_sessions (fixture, fixture->window->client_id);
    g_autoptr(GPtrArray) scores = NULL;
    IptScore *score;

    g_assert_cmpuint (sessions->len, ==, 1);
    scores = ipt_store_list_session_scores (fixture->store,
                                            ipt_session_get_id (g_ptr_array_index (sessions, 0)),
                                            NULL);
    g_assert_cmpuint (scores->len, ==, 1);
    score = g_ptr_array_index (scores, 0);
    g_assert_cmpstr (ipt_score_get_measure_id (score), ==, "bdi2");
    g_assert_cmpint (ipt_score_get_total (score), ==, 21);
    g_assert_false (ipt_score_has_items (score));

    /* Opened again, the total is there to edit. */
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x",
                                ipt_session_get_id (g_ptr_array_index (sessions, 0)));
    spin ();
    g_assert_true (IPT_IS_SESSION_EDITOR (fixture->window->dialog));
    editor = IPT_SESSION_EDITOR (fixture->window->dialog);
    g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "bdi2"), ==, "21 · moderate");
    ipt_session_editor_set_total (editor, "bdi2", "");
    g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "bdi2"), ==, "Not taken");
    gtk_window_destroy (GTK_WINDOW (editor));
    spin ();
  }

  g_settings_reset (settings, "measures-in-use");
}

/* Closing a session form with answers in it asks first; Keep Editing keeps them. */
static void
test_session_discard (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0070", "Mary", "Seacole");
  IptSessionEditor *editor;
  GtkWindow *question;
  g_autoptr(GPtrArray) sessions = NULL;

  start_course (fixture, 16);

  /* Nothing entered: Escape closes at once. */
  editor = open_new_session (fixture);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  /* An answer given: Escape asks. */
  editor = open_new_session (fixture);
  ipt_session_editor_set_item (editor, "phq9", 0, 2);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (editor));
  question = _ipt_get_discard_question (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  snapshot (question, "discard-question");
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (_ipt_get_discard_question (GTK_WINDOW (editor)));
  g_assert_true (fixture->window->dialog == GTK_WINDOW (editor));
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "1 of 9 answered");

  /* Asked again and discarded: the form closes and nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  spin ();
  question = _ipt_get_discard_question (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_null (fixture->window->dialog);
  sessions = current_sessions (fixture, client_id);
  g_assert_cmpuint (sessions->len, ==, 0);

  /* Closing the main window over a form with answers asks too, and the window stays. */
  editor = open_new_session (fixture);
  ipt_session_editor_set_item (editor, "phq9", 0, 3);
  gtk_window_close (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  question = _ipt_get_discard_question (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  spin ();

  /* A form that goes away while asking takes its question with it. */
  editor = open_new_session (fixture);
  ipt_session_editor_set_item (editor, "phq9", 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  spin ();
  question = _ipt_get_discard_question (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &question);
  gtk_window_destroy (GTK_WINDOW (editor));
  spin ();
  g_assert_null (question);
}

#ifndef IPT_TEST_SANITIZED
/* The file chooser shown, as a window: without a desktop portal, the native chooser is a
 * GtkFileChooserDialog. */
static GtkDialog *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_DIALOG (window);
    }
  return NULL;
}

/* The export's file chooser, answered as a user would. */
static void
drive_export_chooser (Fixture          *fixture,
                      IptMoodChartView *view)
{
  GtkNativeDialog *chooser;
  GtkDialog *dialog;
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  g_autofree char *pdf = g_build_filename (tmpdir, "exported chart.pdf", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "typed chart.png", NULL);
  g_autofree char *typed_pdf = g_build_filename (tmpdir, "typed chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;

  /* The file chooser suggests a name by the case code; a name without a type becomes a PDF. */
  chooser = ipt_mood_chart_view_export (view, GTK_WINDOW (fixture->window));
  g_assert_true (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "C-0060 mood chart.pdf");
  spin ();
  dialog = find_file_chooser ();
  if (dialog == NULL)
    {
      /* a desktop portal's chooser is another program's window */
      gtk_native_dialog_hide (chooser);
      g_test_skip ("the file chooser is a desktop portal's, which this test cannot answer");
      return;
    }
  /* Not the working directory: the documents folder (home without one) the first time. */
  {
    g_autoptr(GFile) opened = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL
                                                     && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());

    g_assert_nonnull (opened);
    g_assert_true (g_file_equal (opened, expected));
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "exported chart");
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  /* the chooser checks the folder before it answers */
  for (guint i = 0; i < 100 && !g_file_test (pdf, G_FILE_TEST_EXISTS); i++)
    spin ();
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* A notification says where, with a button to the folder. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (fixture->window->toast_label),
                                   "Chart saved to "));
  g_assert_true (gtk_widget_get_visible (fixture->window->toast_open_button));

  /* Choosing "PNG image" in the type list renames the file and writes a PNG. */
  chooser = ipt_mood_chart_view_export (view, GTK_WINDOW (fixture->window));
  spin ();
  dialog = find_file_chooser ();
  g_assert_nonnull (dialog);
  /* The next export opens in the folder of the last. */
  {
    g_autoptr(GFile) opened = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));

    g_assert_nonnull (opened);
    g_assert_true (g_file_equal (opened, folder));
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "typed chart.pdf");
  {
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
    g_autoptr(GtkFileFilter) png_filter = g_list_model_get_item (filters, 1);
    g_autofree char *renamed = NULL;

    g_assert_cmpstr (gtk_file_filter_get_name (png_filter), ==, "PNG image");
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), png_filter);
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), png_filter);
    spin ();
    renamed = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
    g_assert_cmpstr (renamed, ==, "typed chart.png");
  }
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  for (guint i = 0; i < 100 && !g_file_test (png, G_FILE_TEST_EXISTS); i++)
    spin ();
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  g_assert_false (g_file_test (typed_pdf, G_FILE_TEST_EXISTS));

  /* Ctrl+E's action opens the same chooser; cancelled, it writes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-chart", NULL);
  spin ();
  g_assert_nonnull (find_file_chooser ());
  gtk_dialog_response (find_file_chooser (), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (find_file_chooser ());
}
#endif

/* Date fields have a calendar beside the typing: it opens on the field's day, and the day
 * chosen is written as YYYY-MM-DD. */
static void
test_date_calendar (Fixture       *fixture,
                    gconstpointer  data)
{
  IptClientDialog *dialog;
  GtkEntry *birth;
  GtkPopover *popover;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) chosen = g_date_time_new_local (1984, 7, 15, 0, 0, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL);
  spin ();
  dialog = IPT_CLIENT_DIALOG (fixture->window->dialog);
  birth = GTK_ENTRY (child (dialog, IPT_TYPE_CLIENT_DIALOG, "birth_entry"));
  g_assert_cmpstr (gtk_entry_get_icon_name (birth, GTK_ENTRY_ICON_SECONDARY), ==,
                   "x-office-calendar-symbolic");
  gtk_editable_set_text (GTK_EDITABLE (birth), "1979-03-02");

  _ipt_date_entry_show_calendar (birth);
  spin ();
  popover = _ipt_date_entry_get_popover (birth);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 1979);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 2);
  /* the text did not change by opening */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1979-03-02");

  gtk_calendar_select_day (calendar, chosen);
  g_signal_emit_by_name (calendar, "day-selected");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1984-07-15");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* A birth year before 1900 is asked about before it is saved; "Correct It" saves nothing. */
static void
test_birth_year_asks (Fixture       *fixture,
                      gconstpointer  data)
{
  IptClientDialog *dialog;
  GtkWindow *question;
  g_autoptr(IptClient) saved = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL);
  spin ();
  dialog = IPT_CLIENT_DIALOG (fixture->window->dialog);
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "code_entry", "O-0001");
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "given_entry", "Olga");
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "birth_entry", "1875-03-02");
  spin ();

  gtk_widget_activate_action (GTK_WIDGET (dialog), "client.save", NULL);
  spin ();
  question = _ipt_client_dialog_get_birth_question (dialog);
  g_assert_nonnull (question);
  g_assert_null (ipt_store_find_client (fixture->store, "O-0001", NULL));
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (_ipt_client_dialog_get_birth_question (dialog));
  g_assert_null (ipt_store_find_client (fixture->store, "O-0001", NULL));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "client.save", NULL);
  spin ();
  question = _ipt_client_dialog_get_birth_question (dialog);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  spin ();
  saved = ipt_store_find_client (fixture->store, "O-0001", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (ipt_client_get_birth_date (saved), ==, "1875-03-02");
  g_assert_null (fixture->window->dialog);
}

/* The client page's chart: printed, and exported through the file chooser. */
static void
test_chart_export_and_print (Fixture       *fixture,
                             gconstpointer  data)
{
  IptMoodChartView *view;
  g_autofree char *printed = g_build_filename (tmpdir, "printed chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  add_client (fixture, "C-0060", "Rosa", "Parks");
  start_course (fixture, 16);
  record_phq9_session (fixture);
  view = ipt_client_page_get_mood_chart (fixture->window->client_page);
  g_assert_nonnull (ipt_mood_chart_view_get_data (view));

  /* Printing draws the chart on an A4 page. */
  g_assert_true (ipt_mood_chart_view_print_to_file (view, printed, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (printed, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 2000);

#ifdef IPT_TEST_SANITIZED
  /* GTK 4.8's file chooser leaves its folder listing allocated after it closes. */
  g_test_message ("the file chooser is driven in the build without sanitizers only");
#else
  drive_export_chooser (fixture, view);
#endif
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-dialogs-XXXXXX"))
    return 77;

  /* Windows draw with the renderer the application chooses at startup (cairo on a software GL
   * driver), as they did when these tests ran after the renderer test in tests/test-window.c. */
  ipt_renderer_choose (gdk_display_get_default ());

  g_test_add ("/ui/window/client-validation", Fixture, NULL, fixture_set_up, test_client_validation, fixture_tear_down);
  g_test_add ("/ui/window/date-calendar", Fixture, NULL, fixture_set_up, test_date_calendar, fixture_tear_down);
  g_test_add ("/ui/window/birth-year-asks", Fixture, NULL, fixture_set_up, test_birth_year_asks, fixture_tear_down);
  g_test_add ("/ui/window/course-contract", Fixture, NULL, fixture_set_up, test_course_contract, fixture_tear_down);
  g_test_add ("/ui/window/record-session", Fixture, NULL, fixture_set_up, test_record_session, fixture_tear_down);
  g_test_add ("/ui/window/total-only-item9", Fixture, NULL, fixture_set_up, test_total_only_item9,
              fixture_tear_down);
  g_test_add ("/ui/window/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/ui/window/session-discard", Fixture, NULL, fixture_set_up, test_session_discard, fixture_tear_down);
  g_test_add ("/ui/chart/export-and-print", Fixture, NULL, fixture_set_up, test_chart_export_and_print, fixture_tear_down);
  g_test_add ("/ui/preferences/measures", Fixture, NULL, fixture_set_up, test_preferences_measures, fixture_tear_down);

  return ui_test_run ();
}
