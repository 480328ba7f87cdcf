/* Benchmark of the case report: a 20-session course written as a PDF (target: under 300 ms),
 * and the same with the layout alone. Prints figures, asserts nothing (see
 * tests/test-case-report.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "ipt-case-report.h"

#include "test-case-report-fixture.h"
#include "bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = NULL;
  enum { RUNS = 30 };
  double total[RUNS], load[RUNS];

  g_assert_no_error (error);
  store = ipt_store_open (db, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  client = fixture_case (store, 20, 20, NULL);

  /* Warm the font caches, as a running application has them. */
  g_assert_true (ipt_case_report_export (store, "C-0042", pdf, FALSE, &error));

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(IptCaseReport) report = NULL;
      gint64 start = g_get_monotonic_time (), loaded;

      report = ipt_case_report_load (store, client, NULL, &error);
      loaded = g_get_monotonic_time ();
      g_assert_true (ipt_case_report_write (report, pdf, FALSE, &error));
      total[i] = (g_get_monotonic_time () - start) / 1000.0;
      load[i] = (loaded - start) / 1000.0;
    }

  qsort (total, RUNS, sizeof total[0], compare_doubles);
  qsort (load, RUNS, sizeof load[0], compare_doubles);
  printf ("case report, 20-session course, read and written as PDF (fsync included): "
          "median %.1f ms, 90th percentile %.1f ms (reading the casebook: median %.1f ms) "
          "(target: under 300 ms)\n",
          total[RUNS / 2], total[RUNS * 9 / 10], load[RUNS / 2]);

  g_clear_object (&store);
  bench_remove_casebook (db);
  g_remove (pdf);
  g_rmdir (dir);
  return 0;
}
