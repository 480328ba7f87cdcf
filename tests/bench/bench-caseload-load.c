/* Times the window's caseload on a large casebook, read at once (as before) against read in two
 * parts (the top of the list first, the rest in the background): the window made and its first
 * frame painted, then the whole caseload in the list, and the resident memory then. Each round
 * runs both, alternated, each in a process of its own. Needs a display. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-renderer.h"
#include "ipt-window-private.h"
#include "bench-util.h"

static int n_clients = 100000;
static int n_rounds = 3;
static char *database;
static char *mode;

static const GOptionEntry entries[] = {
  { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "Number of clients of the demo (100000)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds, "Rounds of both ways (3)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "A casebook instead of a demo", "FILE" },
  { "mode", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &mode, "at-once or two-parts", "MODE" },
  { NULL }
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-caseload-load: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* One window on the casebook: prints "first-frame-ms whole-ms resident-kb". */
static int
run_one (const char *path,
         gboolean    two_parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GtkApplication) app = NULL;
  IptWindow *window;
  gint64 start;
  gint64 first;
  gint64 whole;

  if (!gtk_init_check ())
    die ("display", NULL);
  ipt_renderer_choose (gdk_display_get_default ());
  _ipt_window_set_caseload_chunking (two_parts ? 5000 : G_MAXUINT, 300, 2000);

  app = gtk_application_new ("org.iptcasebook.IptCasebook.BenchLoad", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  start = g_get_monotonic_time ();
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  window = ipt_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  first = g_get_monotonic_time ();
  while (_ipt_window_get_caseload_loading (window))
    g_main_context_iteration (NULL, TRUE);
  whole = g_get_monotonic_time ();

  g_print ("%.1f %.1f %ld %u\n", (first - start) / 1000.0, (whole - start) / 1000.0,
           resident_kb (), window->caseload->len);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time reading a large caseload");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *modes[] = { "at-once", "two-parts" };
  const char *labels[] = { "read at once (before):", "in two parts (now):" };
  GArray *values[2][3];
  guint n_loaded = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);

  if (mode != NULL)
    return run_one (database, g_str_equal (mode, "two-parts"));

  dir = g_dir_make_tmp ("ipt-bench-load-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary directory", error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (database != NULL)
    {
      path = g_strdup (database);
    }
  else
    {
      path = g_build_filename (dir, "bench-load.sqlite", NULL);
      if (!ipt_demo_generate (path, n_clients, IPT_DEMO_SEED_DEFAULT, &error))
        die ("demo", error);
    }

  for (guint m = 0; m < 2; m++)
    for (guint k = 0; k < 3; k++)
      values[m][k] = g_array_new (FALSE, FALSE, sizeof (double));

  /* A first window of each, not counted: the page cache and font cache warm. */
  for (int round = -1; round < n_rounds; round++)
    for (guint m = 0; m < 2; m++)
      {
        const char *child_argv[] = { argv[0], "--mode", modes[m], "--database", path, NULL };
        g_autofree char *out = NULL;
        int status;
        double first, whole, rss;

        if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                           NULL, &status, &error)
            || !g_spawn_check_wait_status (status, &error))
          die (modes[m], error);
        if (sscanf (out, "%lf %lf %lf %u", &first, &whole, &rss, &n_loaded) != 4)
          die (modes[m], NULL);
        if (round < 0)
          continue;
        g_array_append_val (values[m][0], first);
        g_array_append_val (values[m][1], whole);
        rss /= 1024.0;
        g_array_append_val (values[m][2], rss);
      }

  g_print ("bench-caseload-load: %u clients, %d rounds, medians\n", n_loaded, n_rounds);
  for (guint m = 0; m < 2; m++)
    {
      g_print ("  %-24s first frame %7.1f ms, whole caseload listed %7.1f ms, resident %6.1f MB\n",
               labels[m], median (values[m][0]), median (values[m][1]), median (values[m][2]));
      for (guint k = 0; k < 3; k++)
        g_array_unref (values[m][k]);
    }

  if (database == NULL)
    bench_remove_casebook (path);
  g_rmdir (dir);
  return 0;
}
