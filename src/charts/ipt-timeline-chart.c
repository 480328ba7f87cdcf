/* The timeline of a client: life events and their impact, against the PHQ-9 line. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-timeline-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "ipt-chart-private.h"

#define PHQ9_MAX 27
#define IMPACT_MAX 5

/* Julian day of an ISO date, 0 when it is not one. */
static guint32
julian_of (const char *iso)
{
  GDate date;
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
set_fg (cairo_t             *cr,
        const IptChartStyle *style,
        double               alpha)
{
  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                         style->foreground.blue, style->foreground.alpha * alpha);
}

/* "Mar 2026" */
static char *
month_label (guint32 julian)
{
  GDate date;
  char buf[32];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buf, sizeof buf, "%b %Y", &date) == 0)
    return g_strdup_printf ("%d-%02d", g_date_get_year (&date), g_date_get_month (&date));
  return g_strdup (buf);
}

void
ipt_timeline_chart_render (cairo_t                *cr,
                           const IptTimelineEvent *events,
                           guint                   n_events,
                           const IptTimelineScore *scores,
                           guint                   n_scores,
                           const IptChartStyle    *style,
                           double                  width,
                           double                  height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  IptChartColor worse, better, phq;
  guint32 first = 0, last = 0;
  double fs, left, right, top, bottom, mid, span;
  g_autofree double *event_xs = NULL;
  g_autofree double *event_ys = NULL;
  int label_h = 0;
  int tw, th;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  for (guint i = 0; i < n_events; i++)
    {
      guint32 j = julian_of (events[i].date);

      if (j == 0)
        continue;
      first = first == 0 ? j : MIN (first, j);
      last = MAX (last, j);
    }
  for (guint i = 0; i < n_scores; i++)
    {
      guint32 j = julian_of (scores[i].date);

      if (j == 0)
        continue;
      first = first == 0 ? j : MIN (first, j);
      last = MAX (last, j);
    }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, style->background.red, style->background.green, style->background.blue);
  cairo_paint (cr);

  fs = style->font_size > 0 ? style->font_size * 0.9 : 10.0;
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, fs * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, "PHQ-9 27", -1);
  pango_layout_get_pixel_size (layout, &tw, &th);

  left = 28;
  right = width - tw - 8;
  top = th + 6;
  bottom = height - th - 8;
  mid = (top + bottom) / 2;
  if (right <= left + 20 || bottom <= top + 20)
    {
      cairo_restore (cr);
      return;
    }

  ipt_chart_style_get_signal_color (style, IPT_SIGNAL_RISK, &worse);
  ipt_chart_style_get_signal_color (style, IPT_SIGNAL_ON_TRACK, &better);
  ipt_chart_style_get_series_color (style, IPT_CHART_MEASURE_PHQ9, &phq);

  /* The middle line (no change) and the impact scale on the left. */
  cairo_set_line_width (cr, 1.0);
  set_fg (cr, style, 0.3);
  cairo_move_to (cr, left, round (mid) + 0.5);
  cairo_line_to (cr, right, round (mid) + 0.5);
  cairo_stroke (cr);
  set_fg (cr, style, 0.7);
  for (int v = -IMPACT_MAX; v <= IMPACT_MAX; v += IMPACT_MAX)
    {
      g_autofree char *label = ipt_chart_format_change (v);
      double y = mid - (mid - top) * v / IMPACT_MAX;
      int w, h;

      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, left - 4 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  if (first == 0)
    {
      int w, h;

      pango_layout_set_text (layout, _("No life events or scores yet"), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, (left + right - w) / 2, mid - h - 4);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return;
    }
  /* A little room either side, so the first and last marks are not on the edge. */
  span = MAX ((double) (last - first), 1.0);
  first = first > (guint32) (span * 0.03) + 1 ? first - (guint32) (span * 0.03) - 1 : first;
  last += (guint32) (span * 0.03) + 1;
  span = last - first;

  /* First and last months under the axis. */
  {
    g_autofree char *from = month_label (first);
    g_autofree char *to = month_label (last);
    int w, h;

    set_fg (cr, style, 0.7);
    pango_layout_set_text (layout, from, -1);
    cairo_move_to (cr, left, bottom + 4);
    pango_cairo_show_layout (cr, layout);
    pango_layout_set_text (layout, to, -1);
    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_move_to (cr, right - w, bottom + 4);
    pango_cairo_show_layout (cr, layout);
  }

  /* Events: a bar up (better) or down (worse) by the impact, its title beside it. */
  {
    int line_h;

    pango_layout_set_text (layout, "Ag", -1);
    pango_layout_get_pixel_size (layout, NULL, &line_h);
    event_xs = g_new0 (double, MAX (n_events, 1));
    event_ys = g_new0 (double, MAX (n_events, 1));
    for (guint i = 0; i < n_events; i++)
      {
        guint32 j = julian_of (events[i].date);
        int impact = CLAMP (events[i].impact, -IMPACT_MAX, IMPACT_MAX);

        event_xs[i] = j == 0 ? -1 : left + (right - left) * (j - first) / span;
        event_ys[i] = mid - (mid - top) * impact / IMPACT_MAX;
      }
    label_h = line_h;
  }
  for (guint i = 0; i < n_events; i++)
    {
      int impact = CLAMP (events[i].impact, -IMPACT_MAX, IMPACT_MAX);
      double x, y, room, label_top;
      int w, h;

      if (event_xs[i] < 0)
        continue;
      x = event_xs[i];
      y = event_ys[i];
      /* The title runs right of the bar until the next bar or title in its way. */
      label_top = impact < 0 ? y + 2 : y - label_h - 2;
      room = MAX (width * 0.25, 60);
      for (guint k = 0; k < n_events; k++)
        {
          double bar_top, bar_bottom, other_top;
          int other_impact = CLAMP (events[k].impact, -IMPACT_MAX, IMPACT_MAX);

          if (k == i || event_xs[k] < 0 || event_xs[k] < x
              || (event_xs[k] == x && k < i))
            continue;
          bar_top = MIN (event_ys[k], mid);
          bar_bottom = MAX (event_ys[k], mid);
          if (bar_top < label_top + label_h && bar_bottom > label_top && event_xs[k] > x)
            room = MIN (room, event_xs[k] - 3 - 6 - (x + 5));
          other_top = other_impact < 0 ? event_ys[k] + 2 : event_ys[k] - label_h - 2;
          if (other_top < label_top + label_h && other_top + label_h > label_top)
            room = MIN (room, event_xs[k] + 5 - 8 - (x + 5));
        }
      /* near the right edge the title goes on the bar's left, with the room there */
      if (x + 5 + room > width && width - (x + 5) < 60)
        room = MIN (MAX (width * 0.25, 60), x - 5);
      room = MAX (room, 24);
      if (impact < 0)
        cairo_set_source_rgb (cr, worse.red, worse.green, worse.blue);
      else
        cairo_set_source_rgb (cr, better.red, better.green, better.blue);
      cairo_rectangle (cr, x - 3, MIN (y, mid), 6, MAX (fabs (y - mid), 2.0));
      cairo_fill (cr);

      set_fg (cr, style, 1.0);
      pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, events[i].title != NULL ? events[i].title : "", -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* beyond the bar's end, kept inside the picture: near the right edge, on the bar's
       * left, never across the bar itself */
      cairo_move_to (cr, x + 5 + w <= width ? x + 5 : MAX (x - 6 - w, 0),
                     impact < 0 ? MIN (y + 2, height - h) : MAX (y - h - 2, 0));
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }

  /* The PHQ-9 line on its own scale, over everything. */
  if (n_scores > 0)
    {
      gboolean started = FALSE;
      int w, h;

      cairo_set_source_rgb (cr, phq.red, phq.green, phq.blue);
      cairo_set_line_width (cr, 2.0);
      cairo_new_path (cr);
      for (guint i = 0; i < n_scores; i++)
        {
          guint32 j = julian_of (scores[i].date);
          double x, y;

          if (j == 0)
            continue;
          x = left + (right - left) * (j - first) / span;
          y = bottom - (bottom - top) * CLAMP (scores[i].total, 0, PHQ9_MAX) / PHQ9_MAX;
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);
      for (guint i = 0; i < n_scores; i++)
        {
          guint32 j = julian_of (scores[i].date);
          double x, y;

          if (j == 0)
            continue;
          x = left + (right - left) * (j - first) / span;
          y = bottom - (bottom - top) * CLAMP (scores[i].total, 0, PHQ9_MAX) / PHQ9_MAX;
          cairo_new_path (cr);
          cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      pango_layout_set_text (layout, "PHQ-9 27", -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, right + 6, top - h / 2.0);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_text (layout, "0", -1);
      cairo_move_to (cr, right + 6, bottom - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* The scale's words, top left. */
  set_fg (cr, style, 0.7);
  pango_layout_set_text (layout, _("Impact on mood"), -1);
  cairo_move_to (cr, left, 0);
  pango_cairo_show_layout (cr, layout);

  cairo_restore (cr);
}
