/* The practitioner's window and the application binary, driven as a user would, checked on the store. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <gtk/gtk.h>

#include "ipt-case-row.h"
#include "ipt-gui-private.h"
#include "ipt-phase-bar.h"
#include "ipt-renderer.h"
#include "ipt-import.h"
#include "ipt-store-casework.h"
#include "ipt-store-private.h"
#include "ipt-store.h"
#include "ipt-window-private.h"

#include "test-window-common.h"

/* GtkSearchEntry reports changes after a short delay, as typing goes on. */
static void
search_for (Fixture    *fixture,
            const char *text)
{
  gint64 until;

  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), text);
  until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Types one character at the end of the search (NULL: Backspace), as a keyboard would. */
static void
type_key (Fixture    *fixture,
          const char *character)
{
  GtkEditable *entry = GTK_EDITABLE (fixture->window->search_entry);
  int length = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  gint64 until;

  if (character != NULL)
    gtk_editable_insert_text (entry, character, -1, &length);
  else if (length > 0)
    gtk_editable_delete_text (entry, length - 1, length);
  until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->list_stack), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "no-client");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-session", NULL)
                  && fixture->window->dialog != NULL);
}

static void
test_search_and_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *filtered;

  add_client (fixture, "C-0031", "Rowan", "Ashby");
  add_client (fixture, "C-0032", "Morgan", "Ellery");
  add_client (fixture, "X-0007", "Sasha", "Lindqvist");
  start_course (fixture, 16);
  record_phq9_session (fixture);
  filtered = G_LIST_MODEL (fixture->window->shown);

  /* Active shows running courses and clients without one. */
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 3);

  /* typing searches from the caseload's side, not from the client page, whose keys belong to
   * its own controls */
  {
    GtkWidget *capture = gtk_search_bar_get_key_capture_widget (fixture->window->search_bar);

    g_assert_nonnull (capture);
    g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (fixture->window->caseload_view), capture));
    g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (fixture->window->client_page), capture));
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  search_for (fixture, "ASHBY");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  search_for (fixture, "x-00");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  {
    IptCaseSummary *summary = ipt_caseload_model_get_summary (fixture->window->shown, 0);
    g_assert_cmpstr (ipt_client_get_code (ipt_case_summary_get_client (summary)), ==, "X-0007");
  }
  search_for (fixture, "nobody");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->list_stack), ==, "nothing-found");
  search_for (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 3);

  /* Typed a letter at a time, the search narrows and widens again. */
  type_key (fixture, "r");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 2);
  type_key (fixture, "o");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  type_key (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 2);
  type_key (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 3);

  /* Needs attention: Lindqvist's PHQ-9 item 9 raised the risk flag. */
  gtk_toggle_button_set_active (fixture->window->attention_button, TRUE);
  g_assert_false (gtk_toggle_button_get_active (fixture->window->active_button));
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fixture->window->attention_button)), ==,
                   "_Needs attention · 1");

  gtk_toggle_button_set_active (fixture->window->ended_button, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 0);

  /* Archiving takes a client to Ended. */
  gtk_toggle_button_set_active (fixture->window->active_button, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.archive-client", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 2);
  gtk_toggle_button_set_active (fixture->window->ended_button, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  {
    g_autoptr(IptClient) client = ipt_store_find_client (fixture->store, "X-0007", NULL);
    g_assert_true (ipt_client_get_archived (client));
  }
  /* Undo brings them back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  {
    g_autoptr(IptClient) client = ipt_store_find_client (fixture->store, "X-0007", NULL);
    g_assert_false (ipt_client_get_archived (client));
  }

  /* Case is folded on both sides: "Groß" finds "GROSS" and the other way round. */
  gtk_toggle_button_set_active (fixture->window->active_button, TRUE);
  add_client (fixture, "C-0033", "Anna", "GROSS");
  search_for (fixture, "Groß");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  search_for (fixture, "gross");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
}

static void
test_window_state_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_build_filename (tmpdir, "state.sqlite", NULL);
  g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, NULL);
  IptWindow *window;
  int position;

  g_assert_nonnull (store);
  /* a window wide enough for the page beside a 380-pixel list, whatever earlier tests left */
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_int (settings, "paned-position", 380);
  window = ipt_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpint (gtk_paned_get_position (window->paned), ==, 380);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  spin ();
  gtk_paned_set_position (window->paned, 412);
  spin ();
  position = gtk_paned_get_position (window->paned);
  g_assert_cmpint (position, !=, 380);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "paned-position"), ==, position);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "paned-position");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* On GTK before 4.14 with a software GL driver (as under xvfb), windows draw with cairo. */
static void
test_renderer_software_gl (void)
{
  GtkWidget *window;
  GskRenderer *renderer;
  const char *chosen = ipt_renderer_choose (gdk_display_get_default ());

  if (chosen == NULL)
    {
      g_test_skip ("GSK_RENDERER is set, GTK chooses by itself, or GL is not a software rasteriser");
      return;
    }
  g_assert_cmpstr (chosen, ==, "cairo");
  /* Asked again, the choice stands. */
  g_assert_cmpstr (ipt_renderer_choose (gdk_display_get_default ()), ==, "cairo");

  window = gtk_window_new ();
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_true (GSK_IS_RENDERER (renderer));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static void
report_min_widths (GtkWidget *widget,
                   int        depth)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min > 140 && depth < 22)
    g_test_message ("%*s%s %s: %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                    gtk_widget_get_name (widget), min);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    report_min_widths (c, depth + 1);
}

/* Half of a 1,600-pixel screen: the window fits in 800 pixels with a client's page shown. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  int min = 0, nat = 0;

  add_client (fixture, "N-0001", "Nora", "Narrow-Windowsworth");
  start_course (fixture, 16);
  record_phq9_session (fixture);
  spin ();

  /* the window's size is its content's (a shadow drawn around it is not part of it) */
  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (fixture->window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("narrowest: %d pixels", min);
  if (min > 800)
    report_min_widths (GTK_WIDGET (fixture->window), 0);
  g_assert_cmpint (min, <=, 800);
  gtk_widget_measure (gtk_window_get_titlebar (GTK_WINDOW (fixture->window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 800);

  /* and each tab of the page */
  for (guint i = 0; i < 5; i++)
    {
      static const char *const tabs[] = {
        "sessions", "inventory", "timeline", "formulation", "overview",
      };

      ipt_client_page_show_tab (fixture->window->client_page, tabs[i]);
      spin ();
      gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (fixture->window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      g_assert_cmpint (min, <=, 800);
    }
}

/* The search ignores accents both ways, as GNOME's searches do. */
static void
test_search_accents (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *shown = G_LIST_MODEL (fixture->window->shown);

  add_client (fixture, "A-0001", "Zoë", "Nguyễn");
  add_client (fixture, "A-0002", "Zoe", "Smith");
  add_client (fixture, "A-0003", "Søren", "Kierkegaard");

  search_for (fixture, "zoe");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  search_for (fixture, "nguyen");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search_for (fixture, "ZOË NGUY");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search_for (fixture, "soren");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search_for (fixture, "smïth");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

/* A row's badge and its reason in a few words; an ended course's badge names its outcome; the
 * signal card says each label once; a client without a name shows their code once. */
static void
test_signal_wording (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) row = g_object_ref_sink (ipt_case_row_new ());
  IptClientPage *page = fixture->window->client_page;
  IptCaseSummary *summary;
  gint64 client_id;
  GtkLabel *details, *rule;
  const char *expected;

  const char csv[] = "client_code,session,date,measure,total,items\n"
                     "R-0001,1,2026-01-05,phq9,,1;1;1;1;1;1;1;1;0\n"
                     "R-0001,2,2026-01-12,phq9,,2;2;2;2;2;2;1;1;2\n";
  const char later[] = "client_code,session,date,measure,total,items\n"
                       "R-0001,3,2026-01-19,phq9,,1;1;1;1;1;1;1;2;0\n";
  g_autoptr(IptClient) client = NULL;

  g_assert_true (ipt_import_scores_csv_data (fixture->store, "in.csv", csv, strlen (csv),
                                             IPT_IMPORT_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  client = ipt_store_find_client (fixture->store, "R-0001", NULL);
  client_id = ipt_client_get_id (client);
  _ipt_window_select_client (fixture->window, client_id);
  spin ();

  details = GTK_LABEL (child (page, IPT_TYPE_CLIENT_PAGE, "details_label"));
  g_assert_false (g_str_has_prefix (gtk_label_get_label (details), "R-0001"));
  rule = GTK_LABEL (child (page, IPT_TYPE_CLIENT_PAGE, "signal_rule_label"));
  g_assert_null (strstr (gtk_label_get_label (rule), "Deterioration: Deterioration"));
  g_assert_null (strstr (gtk_label_get_label (rule), "Risk: Risk"));
  g_assert_nonnull (strstr (gtk_label_get_label (rule), "Deterioration: "));

  summary = ipt_client_page_get_summary (page);
  ipt_case_row_set_summary (IPT_CASE_ROW (row), summary);
  /* risk, and deterioration (PHQ-9 +9) beside it */
  g_assert_cmpstr (ipt_case_row_get_badge_text (IPT_CASE_ROW (row)), ==, "Risk +1");
  g_assert_cmpstr (ipt_case_row_get_reason_text (IPT_CASE_ROW (row)), ==, "item 9 = 2 at session 2");

  /* ended, the risk reviewed: the badge is the outcome */
  g_assert_true (ipt_import_scores_csv_data (fixture->store, "in.csv", later, strlen (later),
                                             IPT_IMPORT_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(IptEpisode) episode = ipt_store_get_current_episode (fixture->store, client_id,
                                                                   &error);
    g_autoptr(IptRiskReview) review = NULL;
    g_autoptr(IptCourseEnding) ending = NULL;

    g_assert_no_error (error);
    review = ipt_risk_review_new (ipt_episode_get_id (episode), "2026-01-19");
    ipt_risk_review_set_asked (review, "Asked about thoughts of death");
    ipt_risk_review_set_plan (review, "Safety plan agreed");
    g_assert_true (ipt_store_save_risk_review (fixture->store, review, &error));
    g_assert_no_error (error);
    ending = ipt_course_ending_new (ipt_episode_get_id (episode), "2026-01-19",
                                    IPT_END_REASON_COMPLETED);
    g_assert_true (ipt_store_end_course (fixture->store, ending, &error));
    g_assert_no_error (error);
  }
  spin ();
  summary = ipt_client_page_get_summary (page);
  ipt_case_row_set_summary (IPT_CASE_ROW (row), summary);
  expected = ipt_outcome_category_to_label (ipt_case_summary_get_outcome (summary)->category);
  g_assert_cmpstr (ipt_case_row_get_badge_text (IPT_CASE_ROW (row)), ==, expected);
  g_assert_cmpstr (ipt_case_row_get_badge_text (IPT_CASE_ROW (row)), !=, "Outcome");
  g_assert_cmpstr (ipt_case_row_get_reason_text (IPT_CASE_ROW (row)), ==, "PHQ-9 8 → 9");
  ipt_case_row_set_summary (IPT_CASE_ROW (row), NULL);
}

/* Back Up Now makes today's backup again with what is saved now; Save a Copy writes a whole
 * casebook where asked, never over the casebook itself. Both run in a worker thread: the window
 * says what is under way and refuses a second copy meanwhile. */
static const char *
job_label (IptWindow *window,
           guint      position)
{
  g_autoptr(IptJob) job = g_list_model_get_item (_ipt_window_get_jobs (window), position);

  g_assert_nonnull (job);
  /* The job lives on in the window's list. */
  return ipt_job_get_label (job);
}

static void
wait_for_copy (Fixture *fixture)
{
  while (_ipt_window_is_copying (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static void
test_back_up_and_copy (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *copy = g_build_filename (tmpdir, "copy.sqlite", NULL);
  g_autofree char *second = g_build_filename (tmpdir, "second.sqlite", NULL);
  g_autofree char *nowhere = g_build_filename (tmpdir, "no", "such", "copy.sqlite", NULL);
  g_autofree char *saved = NULL;
  const char * const files[] = { NULL, copy };
  GtkWindow *shown = NULL;
  GListModel *toplevels;
  g_autoptr(GError) error = NULL;

  add_client (fixture, "B-0001", "Bea", "Backup");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back-up-now", NULL);
  g_assert_true (_ipt_window_is_copying (fixture->window));
  /* The busy indicator says what is under way; the notification is left alone. */
  g_assert_cmpstr (job_label (fixture->window, 0), ==, "Backing up the casebook…");
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->jobs_revealer));
  /* One copy at a time. */
  g_assert_false (_ipt_window_save_copy (fixture->window, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  wait_for_copy (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (_ipt_window_get_jobs (fixture->window)), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->jobs_revealer));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (fixture->window->toast_label),
                                   "Backed up to "));
  backup = g_strdup (gtk_label_get_label (fixture->window->toast_label) +
                     strlen ("Backed up to "));
  g_assert_true (g_str_has_prefix (backup, tmpdir));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  g_assert_true (_ipt_window_save_copy (fixture->window, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (job_label (fixture->window, 0), ==, "Saving a copy of the casebook…");
  wait_for_copy (fixture);
  saved = g_strdup_printf ("Saved a copy to %s", copy);
  g_assert_cmpstr (gtk_label_get_label (fixture->window->toast_label), ==, saved);
  g_assert_false (_ipt_window_save_copy (fixture->window, fixture->path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (_ipt_window_is_copying (fixture->window));

  /* A folder that does not exist: the error is shown, nothing is left behind. */
  g_assert_true (_ipt_window_save_copy (fixture->window, nowhere, &error));
  g_assert_no_error (error);
  wait_for_copy (fixture);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (fixture->window))
        shown = toplevel;
    }
  g_assert_nonnull (shown);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  gtk_window_destroy (shown);
  spin ();
  g_assert_false (_ipt_window_is_copying (fixture->window));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *path = files[i] != NULL ? files[i] : backup;
      g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
      g_autoptr(IptClient) client = NULL;

      g_assert_no_error (error);
      client = ipt_store_find_client (store, "B-0001", &error);
      g_assert_no_error (error);
      g_assert_nonnull (client);
    }
}

/* The application binary: --screenshot of the demo, and a damaged casebook refused. */

static void
test_app_screenshot (void)
{
  const char *binary = g_getenv ("IPT_CASEBOOK");
  g_autofree char *png = g_build_filename (tmpdir, "demo.png", NULL);
  g_autofree char *home = g_build_filename (tmpdir, "app-home", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  gsize length;
  int status;
  const char *argv[] = { binary, "--demo", "--client", "C-0003", "--screenshot", png, NULL };

  if (binary == NULL)
    {
      g_test_skip ("IPT_CASEBOOK is not set");
      return;
    }

  env = g_get_environ ();
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
#ifdef IPT_TEST_SANITIZED
  /* The app has no way to keep a GL driver loaded to the end as this program does
   * (tests/test-window-common.h), so in the sanitizer run it runs without GL: no driver is
   * loaded, and everything else it does is checked for leaks. The renderer choice itself is
   * checked here, in this program (/ui/renderer/...). */
  env = g_environ_setenv (env, "GDK_DEBUG", "gl-disable", TRUE);
#endif
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_file_get_contents (png, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 10000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_app_damaged_store (void)
{
  const char *binary = g_getenv ("IPT_CASEBOOK");
  g_autofree char *path = g_build_filename (tmpdir, "damaged.sqlite", NULL);
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status;
  const char garbage[] = "this is not a casebook, just some bytes that must stay as they are\n";
  const char *argv[] = { binary, "--database", path, NULL };

  if (binary == NULL)
    {
      g_test_skip ("IPT_CASEBOOK is not set");
      return;
    }

  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_true (g_str_has_prefix (err, "ipt-casebook: "));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);

  g_file_get_contents (path, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, garbage);
}

/* The phase bar counts attended sessions: a segment per appointment, then what the contract has
 * left; missed appointments use up no session of it. */
static void
test_phase_bar_attended (void)
{
  g_autoptr(IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *bar = g_object_ref_sink (ipt_phase_bar_new ());
  const char *tooltip;

  ipt_episode_set_id (episode, 1);
  for (guint n = 1; n <= 14; n++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02u", n);
      IptSession *session = ipt_session_new (1, n, date);

      if (n == 3 || n == 7 || n == 12)
        ipt_session_set_attendance (session, IPT_ATTENDANCE_DID_NOT_ATTEND);
      g_ptr_array_add (sessions, session);
    }

  ipt_phase_bar_set_course (IPT_PHASE_BAR (bar), episode, sessions);
  /* 14 appointments, 11 attended: 5 sessions of the contract to come. */
  g_assert_cmpuint (ipt_phase_bar_get_n_segments (IPT_PHASE_BAR (bar)), ==, 19);
  g_assert_cmpuint (ipt_phase_bar_get_n_filled (IPT_PHASE_BAR (bar)), ==, 11);
  tooltip = gtk_widget_get_tooltip_text (bar);
  g_assert_cmpstr (tooltip, ==, "11 of 16 planned sessions attended");

  /* Ended: nothing to come. */
  ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ENDED);
  ipt_phase_bar_set_course (IPT_PHASE_BAR (bar), episode, sessions);
  g_assert_cmpuint (ipt_phase_bar_get_n_segments (IPT_PHASE_BAR (bar)), ==, 14);
  g_object_unref (bar);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-window-XXXXXX"))
    return 77;

  g_test_add_func ("/ui/renderer/software-gl", test_renderer_software_gl);
  g_test_add ("/ui/window/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/ui/window/search-and-filter", Fixture, NULL, fixture_set_up, test_search_and_filter, fixture_tear_down);
  g_test_add_func ("/ui/window/state-remembered", test_window_state_remembered);
  g_test_add ("/ui/window/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui/window/search-accents", Fixture, NULL, fixture_set_up, test_search_accents, fixture_tear_down);
  g_test_add ("/ui/window/signal-wording", Fixture, NULL, fixture_set_up, test_signal_wording, fixture_tear_down);
  g_test_add ("/ui/window/back-up-and-copy", Fixture, NULL, fixture_set_up, test_back_up_and_copy, fixture_tear_down);
  g_test_add_func ("/ui/app/screenshot", test_app_screenshot);
  g_test_add_func ("/ui/app/damaged-store-refused", test_app_damaged_store);
  g_test_add_func ("/ui/phase-bar/attended", test_phase_bar_attended);

  return ui_test_run ();
}
