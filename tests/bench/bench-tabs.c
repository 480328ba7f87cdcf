/* Times switching tabs on a client's page (Overview, Sessions, Formulation, Timeline) on a
 * demo caseload: the switch itself plus the work of the frame that shows it (from the frame
 * clock's layout to the end of its paint, the tab's drawing included), leaving out the wait for
 * the frame clock's tick. Target: under one frame (16.7 ms at 60 Hz). Also the processor time of
 * that work, and the frames the switch still asks for in the next 300 ms (a transition's, which
 * draw both tabs): a switch is only done when those are. Needs a display. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-renderer.h"
#include "ipt-window-private.h"
#include "bench-util.h"

static int n_clients = 200;
static int n_rounds = 40;

static const GOptionEntry entries[] = {
  { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "Number of clients (200)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds, "Switches to each tab (40)", "N" },
  { NULL }
};

static const char *const tabs[] = { "overview", "sessions", "formulation", "timeline" };

static gboolean painted;
static gint64 frame_start;
static gint64 frame_work;
static double frame_cpu_start;
static double frame_cpu;
static guint n_frames;
static double frames_cpu;
static gboolean laid_out;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-tabs: %s: %s\n", what, error != NULL ? error->message : "failed");
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

static void
on_layout (GdkFrameClock *clock,
           gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = bench_thread_cpu_ms ();
  laid_out = TRUE;
}

/* A frame that only paints has no layout phase: its work starts here. */
static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  if (!laid_out)
    {
      frame_start = g_get_monotonic_time ();
      frame_cpu_start = bench_thread_cpu_ms ();
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work = g_get_monotonic_time () - frame_start;
  frame_cpu = bench_thread_cpu_ms () - frame_cpu_start;
  n_frames++;
  frames_cpu += frame_cpu;
  laid_out = FALSE;
}

static void
on_waited (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Waits for the next frame; redraw_all: the whole window (before timing), else only what the
 * switch queued. */
static void
wait_for_frame (GtkWidget *window,
                gboolean   redraw_all)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  painted = FALSE;
  if (redraw_all)
    gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  if (!painted)
    die ("no frame within a second", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time switching tabs on a client's page");
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GtkApplication) app = NULL;
  GArray *times[G_N_ELEMENTS (tabs)];
  GArray *cpu_times[G_N_ELEMENTS (tabs)];
  guint later_frames[G_N_ELEMENTS (tabs)] = { 0, };
  double later_cpu[G_N_ELEMENTS (tabs)] = { 0, };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  IptWindow *window;
  IptEpisode *episode = NULL;
  GdkFrameClock *frame_clock;
  guint best_sessions = 0;
  gint64 best_client = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (!gtk_init_check ())
    die ("display", NULL);
  ipt_renderer_choose (gdk_display_get_default ());

  dir = g_dir_make_tmp ("ipt-bench-tabs-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary directory", error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  path = g_build_filename (dir, "bench-tabs.sqlite", NULL);
  if (!ipt_demo_generate (path, n_clients, IPT_DEMO_SEED_DEFAULT, &error))
    die ("demo", error);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);

  app = gtk_application_new ("org.iptcasebook.IptCasebook.BenchTabs", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = ipt_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  /* "layout" comes before the page's widgets' own handlers run: connected first. */
  g_signal_connect (frame_clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_frame (GTK_WIDGET (window), TRUE);

  /* The client with the most sessions in a running course: the fullest page. */
  for (guint i = 0; i < window->caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (window->caseload, i);

      if (ipt_case_summary_get_episode (summary) != NULL
          && ipt_case_summary_get_current_session (summary) > best_sessions)
        {
          best_sessions = ipt_case_summary_get_current_session (summary);
          best_client = ipt_client_get_id (ipt_case_summary_get_client (summary));
        }
    }
  if (best_client == 0)
    die ("a client with a session", NULL);
  _ipt_window_select_client (window, best_client);
  episode = ipt_client_page_get_episode (window->client_page);
  if (episode == NULL)
    die ("the client's course", NULL);
  for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
    {
      times[t] = g_array_new (FALSE, FALSE, sizeof (double));
      cpu_times[t] = g_array_new (FALSE, FALSE, sizeof (double));
      /* Each tab drawn once before timing, as a practitioner would have seen it. */
      ipt_client_page_show_tab (window->client_page, tabs[t]);
      wait_for_frame (GTK_WIDGET (window), TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (int round = 0; round < n_rounds; round++)
    for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
      {
        gint64 start = g_get_monotonic_time ();
        double cpu_start = bench_thread_cpu_ms ();
        double cpu_switch;
        gint64 switched;
        double ms;

        ipt_client_page_show_tab (window->client_page, tabs[t]);
        switched = g_get_monotonic_time ();
        cpu_switch = bench_thread_cpu_ms () - cpu_start;
        wait_for_frame (GTK_WIDGET (window), FALSE);
        ms = (switched - start + frame_work) / 1000.0;
        g_array_append_val (times[t], ms);
        ms = cpu_switch + frame_cpu;
        g_array_append_val (cpu_times[t], ms);

        /* Frames the switch still asks for afterwards (a transition's): the switch is only
         * done when they are. */
        {
          gboolean waited = FALSE;

          n_frames = 0;
          frames_cpu = 0;
          g_timeout_add_once (300, on_waited, &waited);
          while (!waited)
            g_main_context_iteration (NULL, TRUE);
          later_frames[t] += n_frames;
          later_cpu[t] += frames_cpu;
        }
      }

  g_print ("bench-tabs: %d switches to each tab, a client with %u sessions, %d clients, window %dx%d, renderer %s\n",
           n_rounds, best_sessions, n_clients,
           gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
    {
      GArray *a = times[t];
      GArray *c = cpu_times[t];

      g_array_sort (a, compare_doubles);
      g_array_sort (c, compare_doubles);
      g_print ("  to %-12s median %.2f ms, p90 %.2f ms, max %.2f ms; processor: median %.2f ms, "
               "p90 %.2f ms (switch + frame work; target < 16.7 ms)\n",
               tabs[t], g_array_index (a, double, a->len / 2),
               g_array_index (a, double, a->len * 9 / 10), g_array_index (a, double, a->len - 1),
               g_array_index (c, double, c->len / 2), g_array_index (c, double, c->len * 9 / 10));
      g_print ("  %-15s then %.1f more frames in the next 300 ms, %.2f ms of processor time\n", "",
               (double) later_frames[t] / n_rounds, later_cpu[t] / n_rounds);
      g_array_unref (a);
      g_array_unref (c);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  bench_remove_casebook (path);
  g_rmdir (dir);
  return 0;
}
