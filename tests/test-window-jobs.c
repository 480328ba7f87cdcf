/* Window tests of long work: the busy indicator (one row per job, apart from the notification
 * and its Undo) and the application held while a file is written, windows closed or not. */
#include "config.h"

#include <string.h>

#include "test-window-common.h"

#include "ipt-demo.h"

static guint
n_jobs (IptWindow *window)
{
  return g_list_model_get_n_items (_ipt_window_get_jobs (window));
}

static void
wait_for_copy (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (_ipt_window_is_copying (fixture->window) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_ipt_window_is_copying (fixture->window));
  spin ();
}

/* A client deleted, then a backup started before Undo: the Undo stays offered while the
 * backup runs and after it, and still brings the client back; the backup's notice comes after. */
static void
test_undo_survives_backup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IptClient) restored = NULL;
  const char *message;

  add_client (fixture, "U-0001", "Uma", "Undone");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL);
  spin ();
  gtk_dialog_response (GTK_DIALOG (fixture->window->dialog), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpuint (ipt_store_count_clients (fixture->store, NULL), ==, 0);
  g_assert_true (gtk_widget_get_visible (fixture->window->toast_undo_button));
  message = gtk_label_get_label (fixture->window->toast_label);
  g_assert_nonnull (strstr (message, "U-0001") != NULL ? message : strstr (message, "Uma"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back-up-now", NULL);
  g_assert_cmpuint (n_jobs (fixture->window), ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->jobs_revealer));
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->toast_revealer));
  g_assert_true (gtk_widget_get_visible (fixture->window->toast_undo_button));
  g_assert_true (gtk_widget_is_sensitive (fixture->window->toast_undo_button));
  snapshot (fixture->window, "jobs-backup-beside-undo");

  wait_for_copy (fixture);
  g_assert_cmpuint (n_jobs (fixture->window), ==, 0);
  /* The backup's notice waits: the Undo is still the one shown. */
  g_assert_true (gtk_widget_get_visible (fixture->window->toast_undo_button));
  g_assert_false (g_str_has_prefix (gtk_label_get_label (fixture->window->toast_label),
                                    "Backed up to "));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  restored = ipt_store_find_client (fixture->store, "U-0001", NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (ipt_client_get_given_name (restored), ==, "Uma");
  /* Then the notice of the backup. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (fixture->window->toast_label),
                                   "Backed up to "));
  g_assert_true (gtk_widget_get_visible (fixture->window->toast_open_button));
}

/* Two jobs at once: each has its row; the end of one leaves the other's. */
static void
test_overlapping_jobs (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(IptJob) first = _ipt_window_begin_job (fixture->window, "Making the demo caseload…");
  g_autoptr(IptJob) second = _ipt_window_begin_job (fixture->window,
                                                    "Writing the supervision pack…");
  g_autoptr(IptJob) copy = NULL;

  g_assert_cmpuint (n_jobs (fixture->window), ==, 2);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->jobs_revealer));
  g_assert_cmpfloat (ipt_job_get_fraction (first), <, 0);
  ipt_job_set_fraction (first, 0.25);
  ipt_job_set_fraction (second, 0.5);
  g_assert_cmpfloat (ipt_job_get_fraction (second), ==, 0.5);
  spin ();
  snapshot (fixture->window, "jobs-two");

  ipt_job_finish (first);
  spin ();
  g_assert_cmpuint (n_jobs (fixture->window), ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->jobs_revealer));
  copy = g_list_model_get_item (_ipt_window_get_jobs (fixture->window), 0);
  g_assert_true (copy == second);
  /* Finished, a job tells no more progress. */
  ipt_job_set_fraction (first, 0.75);
  g_assert_cmpfloat (ipt_job_get_fraction (first), ==, 0.25);

  ipt_job_finish (second);
  spin ();
  g_assert_cmpuint (n_jobs (fixture->window), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->jobs_revealer));
}

/* A job shown in two windows (Open Demo Caseload) goes from both when it ends. */
static void
test_job_in_two_windows (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "second.sqlite", NULL);
  g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, NULL);
  IptWindow *other = ipt_window_new (app, store);
  g_autoptr(IptJob) job = ipt_job_new (G_APPLICATION (app), "Making the demo caseload…");
  g_autoptr(IptJob) own = _ipt_window_begin_job (other, "Backing up the casebook…");

  /* Sizes known: no spinner keeps the main loop turning for ever in spin (). */
  ipt_job_set_fraction (job, 0.1);
  ipt_job_set_fraction (own, 0.2);
  gtk_window_present (GTK_WINDOW (other));
  ipt_window_add_job (fixture->window, job);
  ipt_window_add_job (other, job);
  spin ();
  g_assert_cmpuint (n_jobs (fixture->window), ==, 1);
  g_assert_cmpuint (n_jobs (other), ==, 2);
  ipt_job_finish (job);
  g_assert_cmpuint (n_jobs (fixture->window), ==, 0);
  g_assert_cmpuint (n_jobs (other), ==, 1);
  ipt_job_finish (own);
  gtk_window_destroy (GTK_WINDOW (other));
  spin ();
}

/* The case report written while the window closes: the application lives on until the file is
 * whole, nothing is shown over the closed window, and no temporary file is left behind. */
typedef struct
{
  char *casebook;
  char *pdf;
} HoldData;

static void
on_hold_activate (GtkApplication *hold_app,
                  HoldData       *hold)
{
  g_autoptr(IptStore) store = ipt_store_open (hold->casebook, IPT_STORE_OPEN_NO_BACKUP, NULL);
  IptWindow *window = ipt_window_new (hold_app, store);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipt_window_show_client (window, "C-0001"));
  g_assert_true (_ipt_window_export_report (window, 0, hold->pdf, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_jobs (window), ==, 1);
  /* Closed at once: without the hold the application would end here, under the writing. */
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_report_holds_application (void)
{
  g_autoptr(GtkApplication) hold_app = gtk_application_new ("org.iptcasebook.IptCasebook.Hold",
                                                            G_APPLICATION_NON_UNIQUE);
  g_autofree char *dir = g_build_filename (tmpdir, "hold", NULL);
  HoldData hold = { g_build_filename (dir, "casebook.sqlite", NULL),
                    g_build_filename (dir, "report.pdf", NULL) };
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (ipt_demo_generate (hold.casebook, 3, IPT_DEMO_SEED_DEFAULT, &error));
  g_assert_no_error (error);
  g_signal_connect (hold_app, "activate", G_CALLBACK (on_hold_activate), &hold);
  g_assert_cmpint (g_application_run (G_APPLICATION (hold_app), 0, NULL), ==, 0);

  /* Whole, the moment the application ended. */
  g_assert_true (g_file_get_contents (hold.pdf, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (pdf, "%PDF", 4) == 0);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".report.pdf."));
  /* Nothing was shown over the closed window. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      g_assert_false (GTK_IS_MESSAGE_DIALOG (toplevel));
    }
  g_free (hold.casebook);
  g_free (hold.pdf);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-jobs-XXXXXX"))
    return 77;

  g_test_add ("/ui/jobs/undo-survives-backup", Fixture, NULL, fixture_set_up,
              test_undo_survives_backup, fixture_tear_down);
  g_test_add ("/ui/jobs/overlapping", Fixture, NULL, fixture_set_up,
              test_overlapping_jobs, fixture_tear_down);
  g_test_add ("/ui/jobs/in-two-windows", Fixture, NULL, fixture_set_up,
              test_job_in_two_windows, fixture_tear_down);
  g_test_add_func ("/ui/jobs/report-holds-application", test_report_holds_application);

  return ui_test_run ();
}
