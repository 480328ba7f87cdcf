/* Times the caseload dashboard on a caseload with about 200 active courses: from asking for it
 * to its first full frame, then the frames while scrolling through its cards. Needs a display. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-renderer.h"
#include "ipt-card-grid.h"
#include "ipt-window-private.h"
#include "bench-util.h"

static int n_clients = 500;
static int n_steps = 120;

static const GOptionEntry entries[] = {
  { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "Number of clients (500)", "N" },
  { "steps", 's', 0, G_OPTION_ARG_INT, &n_steps, "Scrolling steps (120)", "N" },
  { NULL }
};

static gboolean painted;
static gint64 frame_start;
static gint64 frame_work;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-dashboard: %s: %s\n", what, error != NULL ? error->message : "failed");
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

static void
wait_for_frame (GtkWidget *window)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

/* Scrolls adjustment down and back by step each frame; the frames' own work, sorted. */
static GArray *
scroll (GtkWidget     *window,
        GtkAdjustment *adjustment,
        double         step)
{
  GArray *frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < n_steps; i++)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      if (value + step > upper || value + step < 0)
        step = -step;
      gtk_adjustment_set_value (adjustment, value + step);
      wait_for_frame (window);
      g_array_append_val (frames, (double) { frame_work / 1000.0 });
    }
  g_array_sort (frames, compare_doubles);
  return frames;
}

/* A mapped scrolled window under widget with more to show than fits. */
static GtkScrolledWindow *
find_scrolling (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 200)
        return GTK_SCROLLED_WINDOW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolling (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_grid (GtkWidget *widget)
{
  if (IPT_IS_CARD_GRID (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *grid = find_grid (child);

      if (grid != NULL)
        return grid;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the caseload dashboard");
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GArray) frames = NULL;
  g_autoptr(GArray) list_frames = NULL;
  g_autoptr(GArray) page_frames = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const IptCaseloadFigures *figures;
  GtkAdjustment *adjustment;
  GdkFrameClock *frame_clock;
  IptWindow *window;
  GtkWidget *grid;
  gint64 start;
  double first_frame;
  double window_frame;
  double asked;
  double first_work;
  guint n_made;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (!gtk_init_check ())
    die ("display", NULL);
  ipt_renderer_choose (gdk_display_get_default ());

  dir = g_dir_make_tmp ("ipt-bench-dashboard-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary directory", error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  path = g_build_filename (dir, "bench-dashboard.sqlite", NULL);
  if (!ipt_demo_generate (path, n_clients, IPT_DEMO_SEED_DEFAULT, &error))
    die ("demo", error);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);

  app = gtk_application_new ("org.iptcasebook.IptCasebook.BenchDashboard",
                             G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = ipt_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  start = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_frame (GTK_WIDGET (window));
  window_frame = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_frame (GTK_WIDGET (window));

  /* For comparison: the main window's caseload list scrolled the same way (a row's height a
   * step), on the same machine under the same load. */
  list_frames = scroll (GTK_WIDGET (window),
                        gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->caseload_view)),
                        60);
  /* and a client's page, a large area like the dashboard's */
  {
    IptCaseSummary *first = g_ptr_array_index (window->caseload, 0);
    GtkScrolledWindow *page;

    _ipt_window_select_client (window, ipt_client_get_id (ipt_case_summary_get_client (first)));
    wait_for_frame (GTK_WIDGET (window));
    wait_for_frame (GTK_WIDGET (window));
    page = find_scrolling (GTK_WIDGET (window->client_page));
    if (page == NULL)
      die ("client page", NULL);
    page_frames = scroll (GTK_WIDGET (window), gtk_scrolled_window_get_vadjustment (page), 90);
  }

  /* Asking for the dashboard to its first full frame: the cards made, the figures computed. */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL);
  asked = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_frame (GTK_WIDGET (window));
  first_frame = (g_get_monotonic_time () - start) / 1000.0;
  first_work = frame_work / 1000.0;

  figures = ipt_caseload_view_get_figures (window->dashboard);
  grid = find_grid (GTK_WIDGET (window->dashboard));
  if (grid == NULL)
    die ("grid", NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  n_made = ipt_card_grid_get_n_cards (IPT_CARD_GRID (grid));

  /* Scrolling down and back, a step of a fifth of a card each frame. */
  frames = scroll (GTK_WIDGET (window), adjustment, 90);
  g_print ("Caseload dashboard, %d clients: %u active and %u ended courses, %u cards\n",
           n_clients, figures->n_active, figures->n_ended,
           g_list_model_get_n_items (ipt_caseload_view_get_cases (window->dashboard)));
  g_print ("  main window's first frame    %.1f ms (for comparison, same machine and load)\n",
           window_frame);
  g_print ("  first frame after asking     %.1f ms (%u cards made): the view and its figures %.1f ms, "
           "the frame's layout and drawing %.1f ms\n", first_frame, n_made, asked, first_work);
  g_print ("  frame while scrolling        median %.2f ms, p90 %.2f ms, max %.2f ms (%u frames; 16.7 ms is 60 fps)\n",
           g_array_index (frames, double, frames->len / 2),
           g_array_index (frames, double, frames->len * 9 / 10),
           g_array_index (frames, double, frames->len - 1), frames->len);
  g_print ("  caseload list while scrolling median %.2f ms, p90 %.2f ms, max %.2f ms (for comparison)\n",
           g_array_index (list_frames, double, list_frames->len / 2),
           g_array_index (list_frames, double, list_frames->len * 9 / 10),
           g_array_index (list_frames, double, list_frames->len - 1));
  g_print ("  client page while scrolling  median %.2f ms, p90 %.2f ms, max %.2f ms (for comparison)\n",
           g_array_index (page_frames, double, page_frames->len / 2),
           g_array_index (page_frames, double, page_frames->len * 9 / 10),
           g_array_index (page_frames, double, page_frames->len - 1));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  bench_remove_casebook (path);
  g_rmdir (dir);
  return 0;
}
