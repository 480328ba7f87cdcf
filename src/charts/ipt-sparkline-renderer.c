/* Draws a PHQ-9 sparkline: the trend on the full scale, for a caseload row (coloured by the
 * case's signal) or a dashboard card (across the course's phases, with the cut-off). */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-sparkline-renderer.h"

#include <math.h>

/* Where the series goes: sessions first..last over the plot's width. */
typedef struct
{
  double pad, w, h;
  double first, last;     /* the session numbers at the left and right ends */
  gboolean slots;         /* each session a slot (the course), or points end to end (a row) */
} Scale;

static double
scale_x (const Scale *s,
         double       number)
{
  if (s->slots)
    return s->pad + (number - s->first + 0.5) / (s->last - s->first + 1) * s->w;
  return s->pad + (number - s->first) / MAX (s->last - s->first, 1) * s->w;
}

static double
scale_y (const Scale      *s,
         const IptMeasure *measure,
         double            total)
{
  double range = measure->total_max - measure->total_min;

  return s->pad + s->h - (total - measure->total_min) / range * s->h;
}

static void
draw_line (cairo_t              *cr,
           const IptSeriesPoint *points,
           guint                 n_points,
           const IptMeasure     *measure,
           const Scale          *s,
           const IptChartColor  *color)
{
  double last_x = 0, last_y = 0;
  guint n_valid = 0;

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, 1.6);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < n_points; i++)
    if (ipt_measure_total_in_range (measure, points[i].total))
      n_valid++;
  if (n_valid == 0)
    return;

  for (guint i = 0, k = 0; i < n_points; i++)
    {
      double x, y;

      if (!ipt_measure_total_in_range (measure, points[i].total))
        continue;
      /* A row's single score sits at its right end, where the latest would be. */
      x = n_valid == 1 && !s->slots ? s->pad + s->w : scale_x (s, points[i].session);
      y = scale_y (s, measure, points[i].total);
      if (k++ == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      last_x = x;
      last_y = y;
    }
  if (n_valid > 1)
    cairo_stroke (cr);
  cairo_new_path (cr);
  cairo_arc (cr, last_x, last_y, 2.2, 0, 2 * G_PI);
  cairo_fill (cr);
}

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
  guint first_session = G_MAXUINT, last_session = 0;
  Scale s;

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
    }

  s.pad = MIN (2.5, height / 6);
  s.w = width - 2 * s.pad;
  s.h = height - 2 * s.pad;
  s.first = first_session;
  s.last = last_session;
  s.slots = FALSE;

  cairo_save (cr);

  /* the cut-off, faint: above it is a case */
  if (ipt_measure_has_caseness (measure))
    {
      double y = round (scale_y (&s, measure, measure->caseness)) + 0.5;

      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                             style->foreground.blue, 0.18);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
    }

  ipt_chart_style_get_signal_color (style, kind, &color);
  color.alpha = MAX (color.alpha, 0.75);
  draw_line (cr, points, n_points, measure, &s, &color);

  cairo_restore (cr);
}

void
ipt_sparkline_renderer_draw_course (cairo_t              *cr,
                                    const IptSeriesPoint *points,
                                    guint                 n_points,
                                    const IptCourseMap   *course,
                                    gboolean              projected,
                                    const IptChartStyle  *style,
                                    double                width,
                                    double                height)
{
  const IptMeasure *measure = ipt_chart_measure_get (IPT_CHART_MEASURE_PHQ9);
  IptChartColor color;
  guint last_number;
  Scale s;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (style != NULL);

  if (course == NULL)
    {
      ipt_sparkline_renderer_draw (cr, points, n_points, IPT_SIGNAL_NO_SCORES, style, width,
                                   height);
      return;
    }
  if (measure == NULL || width < 4 || height < 4)
    return;

  /* The whole contract, as the mood chart spans it, and any session beyond it. */
  last_number = ipt_course_map_get_planned (course);
  last_number = MAX (last_number, ipt_course_map_get_projected_last (course));
  if (ipt_course_map_get_n_appointments (course) > 0)
    last_number = MAX (last_number, ipt_course_map_get_appointments (course)
                                      [ipt_course_map_get_n_appointments (course) - 1].number);
  for (guint i = 0; i < n_points; i++)
    last_number = MAX (last_number, points[i].session);
  last_number = MAX (last_number, 1);

  s.pad = 0;
  s.w = width;
  s.h = height;
  s.first = 1;
  s.last = last_number;
  s.slots = TRUE;

  cairo_save (cr);

  for (IptPhase phase = IPT_PHASE_ASSESSMENT; phase <= IPT_PHASE_MAINTENANCE; phase++)
    {
      guint first, last;
      double x0, x1;

      if (!ipt_course_map_phase_span (course, phase, projected, &first, &last) || first > last)
        continue;
      ipt_chart_style_get_phase_tint (style, phase, &color);
      x0 = round (scale_x (&s, first - 0.5));
      x1 = round (scale_x (&s, MIN (last, last_number) + 0.5));
      /* A little stronger than the mood chart's on light cards, where a small band fades. */
      cairo_set_source_rgba (cr, color.red, color.green, color.blue,
                             color.alpha * (style->dark ? 1.0 : 1.6));
      cairo_rectangle (cr, x0, 0, x1 - x0, height);
      cairo_fill (cr);
    }

  /* The line keeps clear of the edges: a score of 0 or 27 is not cut in half. */
  s.pad = MIN (4, height / 8);
  s.h = height - 2 * s.pad;

  if (ipt_measure_has_caseness (measure))
    {
      double y = round (scale_y (&s, measure, measure->caseness));

      ipt_chart_style_get_signal_color (style, IPT_SIGNAL_RISK, &color);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, style->dark ? 1.0 : 0.8);
      for (double x = 0; x < width; x += 6)
        cairo_rectangle (cr, x, y, MIN (3, width - x), 1);
      cairo_fill (cr);
    }

  ipt_chart_style_get_series_color (style, IPT_CHART_MEASURE_PHQ9, &color);
  draw_line (cr, points, n_points, measure, &s, &color);

  cairo_restore (cr);
}
