/* Times how the window follows a session saved through the store, on a caseload of 1,000
 * clients with one client's page open: the save (with its fsync), the views' update from the
 * store's announcement (row, page, chart) and the next frame's layout and paint. Needs a
 * display. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-renderer.h"
#include "ipt-window-private.h"
#include "bench-util.h"

static int n_clients = 1000;
static int n_saves = 40;

static const GOptionEntry entries[] = {
  { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "Number of clients (1000)", "N" },
  { "saves", 's', 0, G_OPTION_ARG_INT, &n_saves, "Number of saves (40)", "N" },
  { NULL }
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-live: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean painted;
static gint64 frame_start;
static gint64 frame_work;
static gint64 committed_at;

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work = g_get_monotonic_time () - frame_start;
}

/* Connected before the window: runs first, just after the COMMIT. */
static void
on_store_changed (IptStore        *store,
                  IptStoreChanges *changes,
                  gpointer         user_data)
{
  committed_at = g_get_monotonic_time ();
}

static void
wait_for_frame (GtkWidget *window)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
print_times (const char *what,
             GArray     *times,
             const char *note)
{
  g_array_sort (times, compare_doubles);
  g_print ("  %-24s median %.2f ms, p90 %.2f ms, max %.2f ms%s\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 9 / 10),
           g_array_index (times, double, times->len - 1), note);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the window following a save");
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) update_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) screen_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  IptWindow *window;
  IptEpisode *episode = NULL;
  GdkFrameClock *frame_clock;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (!gtk_init_check ())
    die ("display", NULL);
  ipt_renderer_choose (gdk_display_get_default ());

  dir = g_dir_make_tmp ("ipt-bench-live-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary directory", error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  path = g_build_filename (dir, "bench-live.sqlite", NULL);
  if (!ipt_demo_generate (path, n_clients, IPT_DEMO_SEED_DEFAULT, &error))
    die ("demo", error);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), NULL);

  app = gtk_application_new ("org.iptcasebook.IptCasebook.BenchLive", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = ipt_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_frame (GTK_WIDGET (window));

  /* The first client on the list with a running course and a session, on their page. */
  for (guint i = 0; i < window->caseload->len && episode == NULL; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (window->caseload, i);

      if (ipt_case_summary_get_episode (summary) != NULL
          && ipt_case_summary_get_current_session (summary) > 0)
        {
          _ipt_window_select_client (window,
                                     ipt_client_get_id (ipt_case_summary_get_client (summary)));
          episode = ipt_client_page_get_episode (window->client_page);
        }
    }
  if (episode == NULL)
    die ("a client with a session", NULL);
  wait_for_frame (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (int i = 0; i < n_saves; i++)
    {
      GPtrArray *sessions = ipt_client_page_get_sessions (window->client_page);
      g_autoptr(IptSession) session = g_object_ref (g_ptr_array_index (sessions, sessions->len - 1));
      gint64 start;
      gint64 returned;
      double ms;

      /* A note changed and saved, as the session form does. */
      g_autofree char *note = g_strdup_printf ("Saved for the benchmark, round %d.", i);

      ipt_session_set_note_between (session, note);
      start = g_get_monotonic_time ();
      committed_at = 0;
      if (!ipt_store_save_session (store, session, NULL, &error))
        die ("save", error);
      returned = g_get_monotonic_time ();
      wait_for_frame (GTK_WIDGET (window));

      ms = (committed_at - start) / 1000.0;
      g_array_append_val (save_times, ms);
      ms = (returned - committed_at) / 1000.0;
      g_array_append_val (update_times, ms);
      ms = (returned - committed_at + frame_work) / 1000.0;
      g_array_append_val (screen_times, ms);
    }

  g_print ("bench-live: %d saves of one session, %u clients on the list, window %dx%d, renderer %s\n",
           n_saves, window->caseload->len,
           gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  print_times ("save (to the COMMIT):", save_times, " (target < 20 ms)");
  print_times ("views follow:", update_times, " (row, page and chart read again)");
  print_times ("screen updated:", screen_times, " (views + frame layout and paint; target < 16 ms)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  bench_remove_casebook (path);
  g_rmdir (dir);
  return 0;
}
