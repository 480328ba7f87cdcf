/* Times saving a session with its questionnaires (PHQ-9, GAD-7, WSAS), fsync included, as the
 * session editor's Save does: one ipt_store_save_session () on a casebook on disk. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "ipt-model.h"
#include "ipt-store.h"
#include "bench-util.h"

static int n_runs = 50;
static char *directory;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Sessions saved; the median is reported (50)", "N" },
  { "directory", 'd', 0, G_OPTION_ARG_FILENAME, &directory,
    "Put the casebook in this directory (the disk to measure) instead of a temporary one", "DIR" },
  { NULL }
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-save: %s: %s\n", what, error != NULL ? error->message : "failed");
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time saving a session");
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = ipt_client_new ("C-0001");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const int phq9[9] = { 2, 2, 1, 2, 1, 1, 2, 1, 0 };
  const int gad7[7] = { 1, 2, 1, 1, 0, 1, 2 };
  const int wsas[5] = { 4, 3, 5, 2, 4 };
  double total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  n_runs = CLAMP (n_runs, 1, 99);

  dir = directory != NULL ? g_strdup (directory) : g_dir_make_tmp ("ipt-bench-save-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary directory", error);
  path = g_build_filename (dir, "bench-save.sqlite", NULL);
  g_unlink (path);

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  ipt_client_set_given_name (client, "Bench");
  if (!ipt_store_insert_client (store, client, &error))
    die ("client", error);
  episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 20);
  if (!ipt_store_insert_episode (store, episode, &error))
    die ("course", error);

  for (int i = 0; i < n_runs; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", 1 + i / 28, 1 + i % 28);
      g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), i + 1, date);
      g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 start;
      double ms;

      ipt_session_set_duration (session, 50);
      ipt_session_set_note_events (session, "Talked about the week's arguments and what was said.");
      ipt_session_set_tasks_done (session, 0x5);
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("gad7"), gad7, 7));
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("wsas"), wsas, 5));

      start = g_get_monotonic_time ();
      if (!ipt_store_save_session (store, session, scores, &error))
        die ("save", error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      total += ms;
    }

  g_array_sort (times, compare_doubles);
  g_print ("bench-save: %d sessions saved (3 questionnaires each, synchronous=FULL) in %s\n",
           n_runs, dir);
  g_print ("  median %.2f ms, mean %.2f ms, max %.2f ms (target < 20 ms)\n",
           g_array_index (times, double, times->len / 2), total / n_runs,
           g_array_index (times, double, times->len - 1));

  g_clear_object (&store);
  if (directory == NULL)
    {
      bench_remove_casebook (path);
      g_rmdir (dir);
    }
  return 0;
}
