/* Times the Inventory tab with 15 people: a person moved to another ring through the store,
 * the tab following the store's announcement, and the next frame's layout and paint (the
 * circle drawn by its renderer, one marker per person). The tab's part is also given apart from
 * the write's, and in processor time. Needs a display. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-inventory-view.h"
#include "ipt-renderer.h"
#include "ipt-store-casework.h"
#include "ipt-store.h"
#include "bench-util.h"

/* The GUI's resources (the .ui templates), registered by their own constructor once linked in. */
GResource *ipt_get_resource (void);

#define N_PEOPLE 15
#define N_MOVES 60

static gboolean painted;
static gint64 frame_start;
static gint64 frame_work;
static double frame_cpu_start;
static double frame_cpu;
static gint64 follow_start;
static gint64 follow_work;
static double follow_cpu_start;
static double follow_cpu;

/* Connected before and after the tab's own handler of the store's announcement: the time
 * between is the tab following the change. */
static void
on_changed_first (IptStore *store,
                  gpointer  changes,
                  gpointer  user_data)
{
  follow_start = g_get_monotonic_time ();
  follow_cpu_start = bench_thread_cpu_ms ();
}

static void
on_changed_last (IptStore *store,
                 gpointer  changes,
                 gpointer  user_data)
{
  follow_work = g_get_monotonic_time () - follow_start;
  follow_cpu = bench_thread_cpu_ms () - follow_cpu_start;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-inventory: %s: %s\n", what, error != NULL ? error->message : "failed");
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

static gboolean laid_out;

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
  if (laid_out)
    return;
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = bench_thread_cpu_ms ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work = g_get_monotonic_time () - frame_start;
  frame_cpu = bench_thread_cpu_ms () - frame_cpu_start;
  laid_out = FALSE;
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
  g_print ("  %-22s median %.2f ms, 90th percentile %.2f ms%s\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 9 / 10), note);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GArray) update_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) screen_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) follow_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) follow_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) screen_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 person_ids[N_PEOPLE];
  GtkWidget *window;
  GtkWidget *view;
  GdkFrameClock *frame_clock;

  if (!gtk_init_check ())
    die ("no display", NULL);
  g_assert_nonnull (ipt_get_resource ());
  ipt_renderer_choose (gdk_display_get_default ());

  dir = g_dir_make_tmp ("bench-inventory-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary folder", error);
  path = g_build_filename (dir, "casebook.sqlite", NULL);
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  client = ipt_client_new ("C-0001");
  if (!ipt_store_insert_client (store, client, &error))
    die ("client", error);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);
      g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (client), name, "Friend",
                                                    1 + i % 3);

      ipt_person_set_ideal_ring (person, 1 + (i + 1) % 3);
      ipt_person_set_contact (person, "Weekends, walks and the odd film");
      if (!ipt_store_save_person (store, person, &error))
        die ("person", error);
      person_ids[i] = ipt_person_get_id (person);
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  view = ipt_inventory_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_first), NULL);
  ipt_inventory_view_set_client (IPT_INVENTORY_VIEW (view), store, ipt_client_get_id (client), 0);
  g_signal_connect_after (store, "changed", G_CALLBACK (on_changed_last), NULL);
  ipt_circle_view_set_show_ideal (ipt_inventory_view_get_circle (IPT_INVENTORY_VIEW (view)), TRUE);
  gtk_window_present (GTK_WINDOW (window));
  frame_clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (frame_clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  for (guint i = 0; i < 5; i++)
    wait_for_frame (window);

  /* The same frame with nothing changed: what the window costs to paint at all. */
  for (guint i = 0; i < N_MOVES; i++)
    {
      double ms;

      wait_for_frame (window);
      ms = frame_work / 1000.0;
      g_array_append_val (idle_times, ms);
    }

  for (guint i = 0; i < N_MOVES; i++)
    {
      gint64 id = person_ids[i % N_PEOPLE];
      guint ring = 1 + (i / N_PEOPLE + i) % 3;
      gint64 start, returned;
      double ms;

      start = g_get_monotonic_time ();
      /* The tab reads the inventory again from the store's announcement, before this returns. */
      if (!ipt_store_move_person (store, id, ring, 0, &error))
        die ("move", error);
      returned = g_get_monotonic_time ();
      wait_for_frame (window);

      ms = (returned - start) / 1000.0;
      g_array_append_val (update_times, ms);
      ms = frame_work / 1000.0;
      g_array_append_val (frame_times, ms);
      ms = (returned - start + frame_work) / 1000.0;
      g_array_append_val (screen_times, ms);
      ms = follow_work / 1000.0;
      g_array_append_val (follow_times, ms);
      g_array_append_val (follow_cpu_times, follow_cpu);
      g_array_append_val (frame_cpu_times, frame_cpu);
      ms = follow_cpu + frame_cpu;
      g_array_append_val (screen_cpu_times, ms);
    }

  g_print ("bench-inventory: %d moves on a closeness circle of %d people, window %dx%d, renderer %s\n",
           N_MOVES, N_PEOPLE, gtk_widget_get_width (window), gtk_widget_get_height (window),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  print_times ("move and tab follows:", update_times, " (the write with its fsync, then the read)");
  print_times ("frame, nothing changed:", idle_times, " (the whole window painted again)");
  print_times ("tab follows:", follow_times, " (of the above: the tab's handler of the announcement)");
  print_times ("frame after a move:", frame_times, " (layout and paint)");
  print_times ("screen updated:", screen_times, " (target < 16 ms)");
  g_print ("  processor time of this thread (other programs left out):\n");
  print_times ("tab follows:", follow_cpu_times, "");
  print_times ("frame after a move:", frame_cpu_times, "");
  print_times ("follows and frame:", screen_cpu_times, " (target < 16 ms, with the write's)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  bench_remove_casebook (path);
  g_rmdir (dir);
  return 0;
}
