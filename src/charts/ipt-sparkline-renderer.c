/* Draws a PHQ-9 sparkline: the trend on the full scale, coloured by the case's signal. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-sparkline-renderer.h"

#include <math.h>

void
ipt_sparkline_renderer_draw (cairo_t              *cr,
                             const IptSeriesPoint *points,
                             guint                 n_points,
                             IptSignalKind         kind,
                             const IptChartStyle  *style,
                             double                width,
                             double                height)
{
  const IptMeasure *measure = ipt_chart_measure_get (IPT_CHART_MEASURE_PHQ9);
  IptChartColor color;
  guint first_session = G_MAXUINT, last_session = 0, n_valid = 0;
  double range, pad, w, h, span;
  gboolean started = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (style != NULL);

  if (measure == NULL || width < 4 || height < 4)
    return;

  for (guint i = 0; i < n_points; i++)
    {
      if (!ipt_measure_total_in_range (measure, points[i].total))
        continue;
      first_session = MIN (first_session, points[i].session);
      last_session = MAX (last_session, points[i].session);
      n_valid++;
    }

  pad = MIN (2.5, height / 6);
  w = width - 2 * pad;
  h = height - 2 * pad;
  range = measure->total_max - measure->total_min;
  span = last_session > first_session ? last_session - first_session : 1;

  cairo_save (cr);

  /* the cut-off, faint: above it is a case */
  if (ipt_measure_has_caseness (measure))
    {
      double y = round (pad + h - (measure->caseness - measure->total_min) / range * h) + 0.5;

      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                             style->foreground.blue, 0.18);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
    }

  if (n_valid == 0)
    {
      cairo_restore (cr);
      return;
    }

  ipt_chart_style_get_signal_color (style, kind, &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, MAX (color.alpha, 0.75));
  cairo_set_line_width (cr, 1.6);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  {
    double last_x = 0, last_y = 0;

    for (guint i = 0; i < n_points; i++)
      {
        double x, y;

        if (!ipt_measure_total_in_range (measure, points[i].total))
          continue;
        x = n_valid == 1 ? pad + w : pad + (points[i].session - first_session) / span * w;
        y = pad + h - (points[i].total - measure->total_min) / range * h;
        if (!started)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
        started = TRUE;
        last_x = x;
        last_y = y;
      }
    if (n_valid > 1)
      cairo_stroke (cr);
    cairo_new_path (cr);
    cairo_arc (cr, last_x, last_y, 2.2, 0, 2 * G_PI);
    cairo_fill (cr);
  }

  cairo_restore (cr);
}
