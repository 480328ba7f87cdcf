/* Times opening a casebook of 10,000 clients and loading its caseload (the main window's start). */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ipt-model.h"
#include "ipt-store.h"

static int n_clients = 10000;
static int n_sessions = 10;
static int n_runs = 9;
static char *database;

static const GOptionEntry entries[] = {
  { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "Number of clients (10000)", "N" },
  { "sessions", 's', 0, G_OPTION_ARG_INT, &n_sessions, "Sessions per client (10)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Timed runs; the median is reported (9)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Use (or make, when missing) this casebook instead of a temporary one", "FILE" },
  { NULL }
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-open: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* A deterministic caseload: scores drift down with some noise, one client in 40 answers item 9. */
static void
build (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  gint64 start = g_get_monotonic_time ();

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP | IPT_STORE_OPEN_MUST_NOT_EXIST, &error);
  if (store == NULL)
    die ("open", error);
  if (!ipt_store_begin (store, &error))
    die ("begin", error);

  for (int c = 0; c < n_clients; c++)
    {
      g_autofree char *code = g_strdup_printf ("C-%05d", c + 1);
      g_autoptr(IptClient) client = ipt_client_new (code);
      g_autoptr(IptEpisode) episode = NULL;
      int level = g_rand_int_range (rand, 1, 3);

      ipt_client_set_given_name (client, "Given");
      ipt_client_set_family_name (client, code);
      if (!ipt_store_insert_client (store, client, &error))
        die ("client", error);

      episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
      ipt_episode_set_focus (episode, 1 + c % 4);
      if (!ipt_store_insert_episode (store, episode, &error))
        die ("course", error);

      for (int n = 1; n <= n_sessions; n++)
        {
          g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", 1 + (n * 7) / 28,
                                                   1 + (n * 7) % 28);
          g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), n, date);
          g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
          int p[9], g[7];

          if (g_rand_int_range (rand, 0, 12) == 0)
            ipt_session_set_attendance (session, IPT_ATTENDANCE_DID_NOT_ATTEND);
          for (int i = 0; i < 9; i++)
            {
              int answer = level + g_rand_int_range (rand, -1, 2) - n / 5;

              p[i] = CLAMP (answer, 0, 3);
            }
          p[8] = c % 40 == 0 ? 1 : 0;
          for (int i = 0; i < 7; i++)
            {
              int answer = level + g_rand_int_range (rand, -1, 2) - n / 6;

              g[i] = CLAMP (answer, 0, 3);
            }
          g_ptr_array_add (scores, ipt_score_new_from_items (phq9, p, 9));
          g_ptr_array_add (scores, ipt_score_new_from_items (gad7, g, 7));
          if (!ipt_store_save_session (store, session, scores, &error))
            die ("session", error);

          /* One course in ten has a risk review, at its fifth session. */
          if (c % 10 == 0 && n == 5)
            {
              g_autoptr(IptRiskReview) review = ipt_risk_review_new (ipt_episode_get_id (episode),
                                                                     date);

              ipt_risk_review_set_asked (review, "Asked about thoughts of death or self-harm.");
              ipt_risk_review_set_plan (review, "Ask at every session.");
              if (!ipt_store_save_risk_review (store, review, &error))
                die ("risk review", error);
            }
        }
    }

  if (!ipt_store_commit (store, &error))
    die ("commit", error);
  g_print ("built %d clients x %d sessions (PHQ-9 and GAD-7 items, a risk review in one course "
           "in ten) in %.1f s\n",
           n_clients, n_sessions, (g_get_monotonic_time () - start) / 1e6);
}

/* Processor time as well as wall time: on a busy machine the wall clock also counts waiting. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  guint n_cases = 0;
  struct stat st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);

  if (database != NULL)
    path = g_strdup (database);
  else
    {
      tmp_dir = g_dir_make_tmp ("bench-open-XXXXXX", &error);
      if (tmp_dir == NULL)
        die ("temporary folder", error);
      path = g_build_filename (tmp_dir, "casebook.sqlite", NULL);
    }
  /* Backups go to the temporary folder too, never to the real one. */
  if (tmp_dir != NULL)
    g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    build (path);
  if (g_stat (path, &st) == 0)
    g_print ("casebook: %s (%.1f MB)\n", path, st.st_size / 1e6);

  for (int run = 0; run < MAX (n_runs, 1); run++)
    {
      g_autoptr(IptStore) store = NULL;
      g_autoptr(GPtrArray) caseload = NULL;
      gint64 t0, t1, t2;
      double c0, c1, c2;
      double ms;

      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
      if (store == NULL)
        die ("open", error);
      t1 = g_get_monotonic_time ();
      c1 = cpu_ms ();
      caseload = ipt_store_load_caseload (store, &error);
      if (caseload == NULL)
        die ("caseload", error);
      t2 = g_get_monotonic_time ();
      c2 = cpu_ms ();

      n_cases = caseload->len;
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (open_ms, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (load_ms, ms);
      ms = (t2 - t0) / 1000.0;
      g_array_append_val (total_ms, ms);
      ms = c1 - c0;
      g_array_append_val (open_cpu, ms);
      ms = c2 - c1;
      g_array_append_val (load_cpu, ms);
    }

  g_print ("%u cases, median of %u runs (wall clock / processor time):\n", n_cases, open_ms->len);
  g_print ("  ipt_store_open           %7.1f ms  %7.1f ms\n", median (open_ms), median (open_cpu));
  g_print ("  ipt_store_load_caseload  %7.1f ms  %7.1f ms\n", median (load_ms), median (load_cpu));
  g_print ("  open + caseload          %7.1f ms\n", median (total_ms));

  if (tmp_dir != NULL)
    {
      g_autofree char *backups = g_build_filename (tmp_dir, "ipt-casebook", "backups", NULL);
      g_autofree char *parent = g_build_filename (tmp_dir, "ipt-casebook", NULL);

      g_unlink (path);
      g_rmdir (backups);
      g_rmdir (parent);
      g_rmdir (tmp_dir);
    }
  g_free (database);
  return 0;
}
