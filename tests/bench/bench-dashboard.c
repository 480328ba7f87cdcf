/* Times the caseload dashboard on a caseload with about 200 active courses: from asking for it
 * to its first full frame, then the frames while scrolling through its cards. Needs a display. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-renderer.h"
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

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkWidget *
find_grid (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
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
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
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
  double step;
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

  /* Asking for the dashboard to its first full frame: the cards made, the figures computed. */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL);
  wait_for_frame (GTK_WIDGET (window));
  first_frame = (g_get_monotonic_time () - start) / 1000.0;

  figures = ipt_caseload_view_get_figures (window->dashboard);
  grid = find_grid (GTK_WIDGET (window->dashboard));
  if (grid == NULL)
    die ("grid", NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  n_made = count_children (grid);

  /* Scrolling down and back, a step of a fifth of a card each frame. */
  step = 90;
  for (int i = 0; i < n_steps; i++)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      if (value + step > upper || value + step < 0)
        step = -step;
      gtk_adjustment_set_value (adjustment, value + step);
      wait_for_frame (GTK_WIDGET (window));
      g_array_append_val (frames, (double) { frame_work / 1000.0 });
    }
  g_array_sort (frames, compare_doubles);

  g_print ("Caseload dashboard, %d clients: %u active and %u ended courses, %u cards\n",
           n_clients, figures->n_active, figures->n_ended,
           g_list_model_get_n_items (ipt_caseload_view_get_cases (window->dashboard)));
  g_print ("  main window's first frame    %.1f ms (for comparison, same machine and load)\n",
           window_frame);
  g_print ("  first frame after asking     %.1f ms (%u cards made)\n", first_frame, n_made);
  g_print ("  frame while scrolling        median %.2f ms, p90 %.2f ms, max %.2f ms (%u frames; 16.7 ms is 60 fps)\n",
           g_array_index (frames, double, frames->len / 2),
           g_array_index (frames, double, frames->len * 9 / 10),
           g_array_index (frames, double, frames->len - 1), frames->len);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  bench_remove_casebook (path);
  g_rmdir (dir);
  return 0;
}
