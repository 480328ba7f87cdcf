/* Importing a large scores CSV with the app against sqlite3's own .import of the same file into
 * a plain table, side by side, alternating, fresh databases each time.
 *
 *   bench-import [--rows N] [--rounds R] [--app PATH] [--sqlite3 PATH] [--keep DIR]
 *
 * Two files are timed: one with item answers (PHQ-9 and GAD-7 at every session, WSAS at every
 * fourth, as a practice records them) and the same rows with totals only. Prints every run, the
 * medians and the ratio app / sqlite3. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

static void
generate_csv (const char *path,
              guint       n_rows,
              gboolean    with_items)
{
  g_autoptr(GString) out = g_string_sized_new (n_rows * 48);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260105);
  guint row = 0, client = 0;

  g_string_append (out, "client_code,session,date,measure,total,items\r\n");
  while (row < n_rows)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1 + client % 28, 1 + client % 12, 2025);
      guint session;

      client++;
      for (session = 1; session <= 16 && row < n_rows; session++)
        {
          static const struct { const char *id; guint n; int max; } measures[] = {
            { "phq9", 9, 3 }, { "gad7", 7, 3 }, { "wsas", 5, 8 },
          };
          char iso[16];
          guint m;

          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
          for (m = 0; m < G_N_ELEMENTS (measures) && row < n_rows; m++)
            {
              g_autoptr(GString) items = g_string_new (NULL);
              int total = 0;
              guint i;

              if (m == 2 && session % 4 != 1)
                continue;
              for (i = 0; i < measures[m].n; i++)
                {
                  int v = g_rand_int_range (rand, 0, measures[m].max + 1);

                  total += v;
                  g_string_append_printf (items, "%s%d", i > 0 ? ";" : "", v);
                }
              g_string_append_printf (out, "B-%06u,%u,%s,%s,%d,%s\r\n", client, session, iso,
                                      measures[m].id, total, with_items ? items->str : "");
              row++;
            }
          g_date_add_days (date, 7);
        }
    }

  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      exit (1);
    }
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_remove (journal);
}

/* Runs argv to its end; returns the wall-clock seconds. */
static double
timed_run (const char * const *argv,
           const char         *dir)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start;
  int status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (dir, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-import: %s failed: %s\n%s", argv[0], error->message, err != NULL ? err : "");
      exit (1);
    }
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
bench_file (const char *label,
            const char *csv,
            const char *dir,
            const char *app,
            const char *sqlite3,
            guint       rounds)
{
  g_autofree char *app_db = g_build_filename (dir, "app.sqlite", NULL);
  g_autofree char *plain_db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *import_cmd = g_strdup_printf (".import %s scores", csv);
  const char *app_argv[] = { app, "--database", app_db, "--import-csv", csv, NULL };
  const char *sqlite_argv[] = { sqlite3, plain_db, "-cmd", ".mode csv", import_cmd, NULL };
  double *app_times = g_new (double, rounds);
  double *sqlite_times = g_new (double, rounds);
  double app_median, sqlite_median;
  guint r;

  for (r = 0; r < rounds; r++)
    {
      remove_db (app_db);
      remove_db (plain_db);
      if (r % 2 == 0)
        {
          app_times[r] = timed_run (app_argv, dir);
          sqlite_times[r] = timed_run (sqlite_argv, dir);
        }
      else
        {
          sqlite_times[r] = timed_run (sqlite_argv, dir);
          app_times[r] = timed_run (app_argv, dir);
        }
      printf ("  %-12s round %u: ipt-casebook --import-csv %.3f s, sqlite3 .import %.3f s\n",
              label, r + 1, app_times[r], sqlite_times[r]);
      fflush (stdout);
    }

  app_median = median (app_times, rounds);
  sqlite_median = median (sqlite_times, rounds);
  printf ("%-12s median: ipt-casebook %.3f s, sqlite3 %.3f s, ratio %.2f\n",
          label, app_median, sqlite_median, app_median / sqlite_median);
  remove_db (app_db);
  remove_db (plain_db);
  g_free (app_times);
  g_free (sqlite_times);
}

int
main (int    argc,
      char **argv)
{
  int rows = 200000;
  int rounds = 5;
  g_autofree char *app = NULL;
  g_autofree char *sqlite3 = NULL;
  g_autofree char *keep = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *items_csv = NULL;
  g_autofree char *totals_csv = NULL;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Score rows in each file (200000)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Runs of each, alternating (5)", "R" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The ipt-casebook to time ($IPT_CASEBOOK)", "PATH" },
    { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3, "The sqlite3 shell (sqlite3)", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and keep the CSV files", "DIR" },
    { NULL }
  };

  context = g_option_context_new ("- time the scores CSV import against sqlite3 .import");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return 1;
    }
  if (rows < 1 || rounds < 1)
    {
      g_printerr ("bench-import: --rows and --rounds must be at least 1\n");
      return 1;
    }
  if (app == NULL)
    app = g_strdup (g_getenv ("IPT_CASEBOOK") != NULL ? g_getenv ("IPT_CASEBOOK") : IPT_CASEBOOK_PATH);
  if (sqlite3 == NULL)
    sqlite3 = g_strdup ("sqlite3");

  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0700);
      dir = g_canonicalize_filename (keep, NULL);
    }
  else
    {
      dir = g_dir_make_tmp ("ipt-bench-import-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("bench-import: %s\n", error->message);
          return 1;
        }
    }

  items_csv = g_build_filename (dir, "scores-items.csv", NULL);
  totals_csv = g_build_filename (dir, "scores-totals.csv", NULL);
  generate_csv (items_csv, (guint) rows, TRUE);
  generate_csv (totals_csv, (guint) rows, FALSE);

  printf ("bench-import: %d score rows, %d rounds, %s against %s\n", rows, rounds, app, sqlite3);
  bench_file ("with items", items_csv, dir, app, sqlite3, (guint) rounds);
  bench_file ("totals only", totals_csv, dir, app, sqlite3, (guint) rounds);

  if (keep == NULL)
    {
      g_remove (items_csv);
      g_remove (totals_csv);
      g_rmdir (dir);
    }
  return 0;
}
