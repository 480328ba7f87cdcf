/* One measure's panel of the mood chart: its bands, grid, scores, header and margin labels. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-mood-chart-layout.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ipt-chart-marker.h"
#include "ipt-chart-private.h"

/* "19 → 5 (−14) · reliable improvement · now below the cut-off" ("at or above" for a case) */
static char *
panel_status (const IptChartData *data,
              IptChartMeasure     m)
{
  const IptMeasure *measure = ipt_chart_measure_get (m);
  const IptChartPoint *points = data->points[m];
  guint n = data->n_points[m];
  GString *s = g_string_new (NULL);
  int first, last, change;

  if (n == 0)
    {
      g_string_append (s, _("no scores yet"));
      return g_string_free (s, FALSE);
    }

  first = points[0].total;
  last = points[n - 1].total;
  change = last - first;

  if (n == 1)
    {
      const char *band = ipt_measure_band_label (measure, first);

      /* TRANSLATORS: a panel's status with one score: "first score 18, moderately severe" */
      g_string_append_printf (s, _("first score %d, %s"), first, band != NULL ? band : "");
    }
  else
    {
      g_autofree char *delta = ipt_chart_format_change (change);

      g_string_append_printf (s, "%d \u2192 %d (%s)", first, last, delta);
      if (measure->rci > 0)
        {
          g_string_append (s, " \u00b7 ");
          if (change <= -measure->rci)
            g_string_append (s, _("reliable improvement"));
          else if (change >= measure->rci)
            g_string_append (s, _("reliable deterioration"));
          else
            /* TRANSLATORS: the change is smaller than the reliable change index (±6) */
            g_string_append_printf (s, _("no reliable change (under ±%d)"), measure->rci);
        }
    }

  if (ipt_measure_has_caseness (measure))
    {
      gboolean was = ipt_measure_is_case (measure, first);
      gboolean is = ipt_measure_is_case (measure, last);

      g_string_append (s, " \u00b7 ");
      if (n > 1 && was && !is)
        g_string_append (s, _("now below the cut-off"));
      else if (n > 1 && !was && is)
        g_string_append (s, _("now at or above the cut-off"));
      else if (is)
        /* a score equal to the cut-off is a case */
        g_string_append (s, _("at or above the cut-off"));
      else
        g_string_append (s, _("below the cut-off"));
    }

  return g_string_free (s, FALSE);
}

/* Labels in a column, kept apart vertically ------------------------------------------------ */

typedef struct
{
  char           *text;
  IptChartColor   color;
  double          want;        /* desired centre */
  double          lo, hi;      /* the centre may move within */
  double          h;
  int             lines;       /* 1, or 2 for a long band name in a tall band */
  double          y;           /* placed top */
  gboolean        placed;
} VLabel;

/* Places labels in order (first = highest priority) so that none overlaps another; a label
 * that finds no room within its range is dropped rather than drawn over another. */
static void
place_vlabels (VLabel *labels,
               guint   n,
               double  gap)
{
  for (guint i = 0; i < n; i++)
    {
      VLabel *a = &labels[i];
      double candidates[64];
      guint n_candidates = 0;

      candidates[n_candidates++] = a->want;
      for (guint j = 0; j < i; j++)
        {
          if (!labels[j].placed || n_candidates + 2 > G_N_ELEMENTS (candidates))
            continue;
          candidates[n_candidates++] = labels[j].y - gap - a->h / 2;
          candidates[n_candidates++] = labels[j].y + labels[j].h + gap + a->h / 2;
        }

      a->placed = FALSE;
      {
        /* the free candidate nearest to the wanted centre */
        double best = 0, best_d = G_MAXDOUBLE;

        for (guint c = 0; c < n_candidates; c++)
          {
            double centre = candidates[c];
            double d = fabs (centre - a->want);
            gboolean ok = centre >= a->lo - 0.01 && centre <= a->hi + 0.01 && d < best_d;

            for (guint j = 0; ok && j < i; j++)
              if (labels[j].placed
                  && centre - a->h / 2 < labels[j].y + labels[j].h + gap - 0.01
                  && centre + a->h / 2 > labels[j].y - gap + 0.01)
                ok = FALSE;
            if (ok)
              {
                best = centre;
                best_d = d;
              }
          }
        if (best_d < G_MAXDOUBLE)
          {
            a->y = best - a->h / 2;
            a->placed = TRUE;
          }
      }
    }
}

/* Drawing ---------------------------------------------------------------------------------- */

/* Severity bands get darker with severity: faint, so the phases still show through. */
static double
severity_amount (const IptChartStyle *style,
                 guint                band,
                 guint                n_bands)
{
  if (n_bands <= 1)
    return 0;
  return (style->dark ? 0.085 : 0.075) * band / (n_bands - 1);
}

/* Every cell of (phase x severity band x reliable-change band) is filled once with its mixed
 * colour: crisp edges and each pixel painted once, which keeps the chart fast. */
static void
draw_panel_background (cairo_t             *cr,
                       Text                *t,
                       const Layout        *l,
                       const Panel         *panel,
                       const IptChartData  *data,
                       const IptChartStyle *style)
{
  const IptMeasure *measure = ipt_chart_measure_get (panel->measure);
  IptChartColor series;
  double breaks[32];
  guint n_breaks = 0;
  double rci_lo = -1, rci_hi = -1;

  ipt_chart_style_get_series_color (style, panel->measure, &series);

  breaks[n_breaks++] = measure->total_min;
  breaks[n_breaks++] = measure->total_max;
  for (guint b = 0; b < measure->n_bands && n_breaks < 28; b++)
    if (measure->bands[b].min > measure->total_min && measure->bands[b].min < measure->total_max)
      breaks[n_breaks++] = measure->bands[b].min;
  if (measure->rci > 0 && data->n_points[panel->measure] > 0)
    {
      int first = data->points[panel->measure][0].total;

      rci_lo = MAX (measure->total_min, first - measure->rci);
      rci_hi = MIN (measure->total_max, first + measure->rci);
      breaks[n_breaks++] = rci_lo;
      breaks[n_breaks++] = rci_hi;
    }

  /* sort the few breaks */
  for (guint i = 1; i < n_breaks; i++)
    for (guint j = i; j > 0 && breaks[j - 1] > breaks[j]; j--)
      {
        double tmp = breaks[j];
        breaks[j] = breaks[j - 1];
        breaks[j - 1] = tmp;
      }

  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      guint first, last;
      IptChartColor tint = _ipt_mood_chart_phase_tint (style, phase);

      if (!_ipt_mood_chart_phase_range (data, l, phase, &first, &last))
        continue;

      for (guint i = 0; i + 1 < n_breaks; i++)
        {
          double a = breaks[i], b = breaks[i + 1], mid = (a + b) / 2;
          IptChartColor c = tint;

          if (b <= a)
            continue;
          for (guint k = 0; k < measure->n_bands; k++)
            if (mid >= measure->bands[k].min && mid <= measure->bands[k].max + 1)
              {
                c = mix (c, style->foreground, severity_amount (style, k, measure->n_bands));
                break;
              }
          if (rci_lo >= 0 && a >= rci_lo && b <= rci_hi)
            c = mix (c, series, style->dark ? 0.16 : 0.13);

          fill_rect (cr, slot_x (l, first - 0.5), value_y (panel, measure, b),
                     slot_x (l, MIN (last, l->last_number) + 0.5), value_y (panel, measure, a), &c);
        }
    }

  /* Missed sessions: a gap column, so the line visibly bridges them. */
  for (guint i = 0; i < data->n_sessions; i++)
    {
      const IptChartSession *s = &data->sessions[i];
      IptChartColor c = with_alpha (style->foreground, 0.05);

      if (!session_missed (s) || s->number > l->last_number)
        continue;
      fill_rect (cr, slot_x (l, s->number - 0.5), panel->plot.y,
                 slot_x (l, s->number + 0.5), panel->plot.y + panel->plot.h, &c);
    }

  /* The edges of the reliable-change band, so it reads on grey paper too. */
  if (rci_lo >= 0)
    {
      IptChartColor edge = with_alpha (series, 0.45);

      set_color (cr, &edge);
      if (rci_lo > measure->total_min)
        hline (cr, t, panel->plot.x, panel->plot.x + panel->plot.w,
               value_y (panel, measure, rci_lo) - 1, 1);
      if (rci_hi < measure->total_max)
        hline (cr, t, panel->plot.x, panel->plot.x + panel->plot.w,
               value_y (panel, measure, rci_hi), 1);
      cairo_fill (cr);
    }
}

void
_ipt_mood_chart_draw_panel (cairo_t             *cr,
                            Text                *t,
                            const Layout        *l,
                            const Panel         *panel,
                            const IptChartData  *data,
                            const IptChartStyle *style)
{
  const IptMeasure *measure;
  const IptChartPoint *points;
  guint n;
  IptChartColor series, grid, axis, fg = style->foreground, mute = muted (style);
  IptChartColor warn = warning_color (style), bg = background (style);
  VLabel labels[16];
  guint n_labels = 0;
  g_autofree char *status = NULL;
  g_autoptr(IptChartMarker) marker = NULL;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  double name_w;
  char buf[64];

  if (panel->measure < 0)
    {
      guint shown = 0;

      for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
        shown += style->show_measure[m] ? 1 : 0;
      text_set (t, t->normal, shown == 0 ? _("No measure selected") : _("No scores recorded yet"),
                panel->plot.w);
      {
        double w, h;

        text_size (t, &w, &h);
        _ipt_mood_chart_text_draw (cr, t, panel->plot.x + (panel->plot.w - w) / 2,
                                   panel->plot.y + (panel->plot.h - h) / 2, &mute);
      }
      return;
    }

  measure = ipt_chart_measure_get (panel->measure);
  points = data->points[panel->measure];
  n = data->n_points[panel->measure];
  ipt_chart_style_get_series_color (style, panel->measure, &series);
  grid = with_alpha (fg, style->dark ? 0.13 : 0.11);
  axis = with_alpha (fg, 0.45);

  draw_panel_background (cr, t, l, panel, data, style);

  /* phase boundaries across the plot */
  {
    IptChartColor boundary = with_alpha (fg, 0.22);

    set_color (cr, &boundary);
    for (guint phase = 1; phase < N_PHASES; phase++)
      {
        guint first, last;

        if (_ipt_mood_chart_phase_range (data, l, phase, &first, &last))
          vline (cr, t, slot_x (l, first - 0.5), panel->plot.y, panel->plot.y + panel->plot.h);
      }
    cairo_fill (cr);
  }

  /* Grid and y ticks. */
  set_color (cr, &grid);
  for (int v = measure->total_min + panel->step; v <= measure->total_max; v += panel->step)
    hline (cr, t, panel->plot.x, panel->plot.x + panel->plot.w, value_y (panel, measure, v), 1);
  cairo_fill (cr);

  set_color (cr, &axis);
  vline (cr, t, panel->plot.x - 1, panel->plot.y, panel->plot.y + panel->plot.h);
  hline (cr, t, panel->plot.x - 1, panel->plot.x + panel->plot.w, panel->plot.y + panel->plot.h - 1, 1);
  cairo_fill (cr);

  for (int v = measure->total_min; v <= measure->total_max; v += panel->step)
    {
      double w, h;

      g_snprintf (buf, sizeof buf, "%d", v);
      text_set (t, t->small, buf, -1);
      text_size (t, &w, &h);
      _ipt_mood_chart_text_draw (cr, t, panel->plot.x - l->small * 0.5 - w,
                                 value_y (panel, measure, v) - h / 2, &mute);
    }

  /* The caseness cut-off, dashed: points on it are cases. */
  if (ipt_measure_has_caseness (measure))
    {
      set_color (cr, &warn);
      hline_dashed (cr, t, panel->plot.x, panel->plot.x + panel->plot.w,
                    value_y (panel, measure, measure->caseness), 2, l->fs * 0.5, l->fs * 0.3);
      cairo_fill (cr);
    }

  /* Where the scores go; on pixels, at pixel centres, where the markers are stamped. */
  {
    double ring = MAX (1.5, l->line * 0.9);

    marker = ipt_chart_marker_new (cr, l->radius + ring / 2, l->radius - ring / 2, &series, &bg);
    xs = g_new (double, MAX (n, 1));
    ys = g_new (double, MAX (n, 1));
    for (guint i = 0; i < n; i++)
      {
        xs[i] = slot_x (l, points[i].session);
        ys[i] = value_y (panel, measure, points[i].total);
        if (marker != NULL)
          ipt_chart_marker_snap (marker, cr, &xs[i], &ys[i]);
      }

    /* The scores. Joins and ends sit under the points, so the cheapest kinds do. */
    cairo_set_line_width (cr, l->line);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    set_color (cr, &series);
    for (guint i = 0; i < n; i++)
      {
        if (i == 0)
          cairo_move_to (cr, xs[i], ys[i]);
        else
          {
            cairo_line_to (cr, xs[i], ys[i]);
            record_line (t, xs[i - 1], ys[i - 1], xs[i], ys[i], l->line);
          }
      }
    cairo_stroke (cr);

    /* The points: stamped on pixels, else discs and annuli filled as paths (fills cost far
     * less than stroked arcs). */
    if (marker != NULL)
      {
        for (guint i = 0; i < n; i++)
          ipt_chart_marker_stamp (marker, cr, xs[i], ys[i]);
      }
    else
      {
        for (guint i = 0; i < n; i++)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, xs[i], ys[i], l->radius + ring / 2, 0, 2 * G_PI);
          }
        set_color (cr, &series);
        cairo_fill (cr);
        for (guint i = 0; i < n; i++)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, xs[i], ys[i], l->radius - ring / 2, 0, 2 * G_PI);
          }
        set_color (cr, &bg);
        cairo_fill (cr);
      }

    /* Risk: a ring around the point (its session is also marked under the axis). */
    cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (guint i = 0; i < n; i++)
      {
        double r = l->radius + l->fs * 0.33;

        if (!points[i].risk)
          continue;
        cairo_new_sub_path (cr);
        cairo_arc (cr, xs[i], ys[i], r + 0.8, 0, 2 * G_PI);
        cairo_new_sub_path (cr);
        cairo_arc (cr, xs[i], ys[i], r - 0.8, 0, 2 * G_PI);
      }
    set_color (cr, &warn);
    cairo_fill (cr);
    cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  }

  /* The header: the measure's name and its change in words. */
  text_set (t, t->bold, measure->name, -1);
  text_size (t, &name_w, NULL);
  _ipt_mood_chart_text_draw (cr, t, panel->header.x, panel->header.y, &series);
  status = panel_status (data, panel->measure);
  if (panel->header.w - name_w - l->fs > l->fs * 2)
    {
      text_set (t, t->normal, status, panel->header.w - name_w - l->fs);
      _ipt_mood_chart_text_draw (cr, t, panel->header.x + name_w + l->fs * 0.7, panel->header.y, &fg);
    }

  /* Right margin: the cut-off first (it must show), then the band names where room is left. */
  if (l->right_w > l->fs)
    {
      double small_h = line_height (t, t->small);

      if (ipt_measure_has_caseness (measure))
        {
          VLabel *a = &labels[n_labels++];

          a->text = g_strdup (_ipt_mood_chart_cutoff_text (buf, sizeof buf, measure->caseness));
          a->color = warn;
          a->want = value_y (panel, measure, measure->caseness);
          a->lo = a->hi = a->want;
          a->h = small_h;
          a->lines = 1;
        }
      for (guint b = measure->n_bands; b > 0 && n_labels < G_N_ELEMENTS (labels); b--)
        {
          const IptBand *band = &measure->bands[b - 1];
          double top = value_y (panel, measure, MIN (band->max + 1, measure->total_max));
          double bottom = value_y (panel, measure, band->min);
          VLabel *a = &labels[n_labels++];

          a->text = g_strdup (ipt_measure_band_label (measure, band->min));
          a->color = mute;
          a->want = (top + bottom) / 2;
          a->lines = 1;
          a->h = small_h;
          /* A name too long for the margin takes two lines where its band has room for them. */
          if (bottom - top >= 2.5 * small_h
              && text_measure (t, t->small, a->text) > l->right_w)
            {
              double w;

              _ipt_mood_chart_text_set_lines (t, t->small, a->text, l->right_w, 2);
              text_size (t, &w, &a->h);
              a->lines = 2;
            }
          a->lo = MAX (top, panel->plot.y) + a->h / 2 - 1;
          a->hi = MIN (bottom, panel->plot.y + panel->plot.h) - a->h / 2 + 1;
        }

      for (guint i = 0; i < n_labels; i++)
        {
          labels[i].lo = MAX (labels[i].lo, panel->plot.y + labels[i].h / 2 - 2);
          labels[i].hi = MIN (labels[i].hi, panel->plot.y + panel->plot.h - labels[i].h / 2 + 2);
        }
      place_vlabels (labels, n_labels, 0);

      for (guint i = 0; i < n_labels; i++)
        {
          if (labels[i].placed)
            {
              _ipt_mood_chart_text_set_lines (t,
                                              i == 0 && ipt_measure_has_caseness (measure)
                                              ? t->small_bold : t->small,
                                              labels[i].text, l->right_w, labels[i].lines);
              _ipt_mood_chart_text_draw (cr, t, l->right_x, labels[i].y, &labels[i].color);
            }
          g_free (labels[i].text);
        }
    }
}
