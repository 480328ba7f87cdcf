/* Benchmark of the chart renderers: prints figures, asserts nothing (see tests/test-charts.c). */
#include "config.h"

#include <cairo.h>
#include <stdio.h>

#include "ipt-mood-chart-private.h"
#include "ipt-sparkline-renderer.h"

#include "fixtures/charts/charts-fixtures.h"

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
  bench_sparklines ();
  return 0;
}
