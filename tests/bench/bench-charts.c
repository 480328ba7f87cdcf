/* Benchmark of the chart renderers: prints figures, asserts nothing (see tests/test-charts.c). */
#include "config.h"

#include <cairo.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "ipt-mood-chart-private.h"
#include "ipt-sparkline-renderer.h"
#include "ipt-chart-export.h"
#include "ipt-demo.h"
#include "ipt-store.h"

#include "fixtures/charts/charts-fixtures.h"
#include "bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench_chart (const char *label,
             gboolean    dark,
             int         width,
             int         height,
             gboolean    cold)
{
  g_autoptr(IptChartData) data = fixture_role_dispute ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  enum { RUNS = 300 };
  double times[RUNS];
  IptChartStyle style;

  ipt_chart_style_init (&style, dark);
  style.font_family = "DejaVu Sans";

  /* warm the font and glyph caches, as a running application has them */
  for (int i = 0; i < 5; i++)
    {
      cairo_t *cr = cairo_create (surface);
      ipt_mood_chart_render (cr, data, &style, width, height);
      cairo_destroy (cr);
    }

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start;
      cairo_t *cr;

      /* cold: every label shaped again, as for a chart never drawn before */
      if (cold)
        ipt_mood_chart_drop_shape_cache ();
      start = g_get_monotonic_time ();
      cr = cairo_create (surface);
      ipt_mood_chart_render (cr, data, &style, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("mood chart %-28s %dx%d: median %.3f ms, p90 %.3f ms, min %.3f ms (%d runs)\n",
          label, width, height, times[RUNS / 2], times[RUNS * 9 / 10], times[0], RUNS);
  cairo_surface_destroy (surface);
}

/* Each chart of a demo caseload drawn for the first time, in turn, as a supervisor going
 * through the cases sees them: the labels this chart shares with those drawn before (session
 * numbers, phase and measure names, most dates) are shaped already, its own are not. */
static void
bench_new_charts (int n_clients)
{
  g_autofree char *dir = g_dir_make_tmp ("ipt-bench-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "charts.sqlite", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_chart_data_unref);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 500);
  g_autofree double *times = NULL;
  IptChartStyle style;
  guint n;

  if (!ipt_demo_generate (path, n_clients, IPT_DEMO_SEED_DEFAULT, &error)
      || (store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error)) == NULL
      || (caseload = ipt_store_load_caseload (store, &error)) == NULL)
    {
      g_printerr ("bench-charts: demo caseload: %s\n", error->message);
      exit (1);
    }
  for (guint i = 0; i < caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (caseload, i);
      IptChartData *data;

      if (ipt_case_summary_get_episode (summary) == NULL)
        continue;
      data = ipt_chart_export_load_data (store, ipt_case_summary_get_client (summary),
                                         ipt_case_summary_get_episode (summary), NULL);
      if (data != NULL)
        g_ptr_array_add (charts, data);
    }

  ipt_chart_style_init (&style, FALSE);
  style.font_family = "DejaVu Sans";
  ipt_mood_chart_drop_shape_cache ();
  n = charts->len;
  times = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);

      ipt_mood_chart_render (cr, g_ptr_array_index (charts, i), &style, 900, 500);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("mood chart, first drawing of each     900x500: first chart %.3f ms; then ",
          times[0]);
  qsort (times + 1, n - 1, sizeof (double), compare_doubles);
  printf ("median %.3f ms, p90 %.3f ms, max %.3f ms (%u demo charts)\n",
          times[1 + (n - 1) / 2], times[1 + (n - 1) * 9 / 10], times[n - 1], n);

  cairo_surface_destroy (surface);
  g_clear_object (&store);
  bench_remove_casebook (path);
  g_rmdir (dir);
}

static void
bench_sparklines (void)
{
  static const IptSeriesPoint points[] = {
    { 1, 19, 0 }, { 2, 18, 1 }, { 3, 17, 0 }, { 4, 15, 0 }, { 5, 16, 0 }, { 6, 14, 0 },
    { 8, 12, 0 }, { 9, 11, 0 }, { 10, 9, 0 }, { 11, 10, 0 }, { 12, 8, 0 }, { 13, 7, 0 },
  };
  enum { N = 1000, W = 96, H = 22, RUNS = 20 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * 10, H * 100);
  double times[RUNS];
  IptChartStyle style;

  ipt_chart_style_init (&style, FALSE);
  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);

      for (int i = 0; i < N; i++)
        {
          cairo_save (cr);
          cairo_translate (cr, (i % 10) * W, (i / 10) * H);
          ipt_sparkline_renderer_draw (cr, points, 4 + i % 9, (IptSignalKind) (i % 4), &style, W, H);
          cairo_restore (cr);
        }
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("%d sparklines %dx%d: median %.2f ms, min %.2f ms (%d runs)\n", N, W, H,
          times[RUNS / 2], times[0], RUNS);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  bench_chart ("16 sessions, 3 measures", FALSE, 900, 500, FALSE);
  bench_chart ("16 sessions, 3 measures, dark", TRUE, 900, 500, FALSE);
  bench_chart ("16 sessions, 3 measures", FALSE, 1100, 600, FALSE);
  bench_chart ("(labels not yet shaped)", FALSE, 900, 500, TRUE);
  bench_new_charts (300);
  bench_sparklines ();
  return 0;
}
