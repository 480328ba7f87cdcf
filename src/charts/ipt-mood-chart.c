/* The mood chart renderer: draws one course on any cairo_t, no toolkit involved. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-mood-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ipt-chart-marker.h"
#include "ipt-chart-private.h"
#include "ipt-mood-chart-layout.h"
#include "ipt-mood-chart-private.h"

typedef struct
{
  guint32 light_tint;
  guint32 light_text;
  guint32 dark_tint;
  guint32 dark_text;
} PhaseColors;

static const PhaseColors phase_colors[N_PHASES] = {
  { 0x3584e4, 0x1a5fb4, 0x3584e4, 0x8cbcf2 },   /* assessment: blue */
  { 0x9141ac, 0x7a3592, 0xa560c0, 0xd0a4e4 },   /* middle: purple */
  { 0x26a269, 0x18774a, 0x2ec27e, 0x7be0aa },   /* end: green */
  { 0x986a44, 0x7d5530, 0xb5835a, 0xdcb894 },   /* maintenance: brown */
};

/* Colours ---------------------------------------------------------------------------------- */

static IptChartColor
rgb (guint32 value)
{
  IptChartColor c = {
    ((value >> 16) & 0xff) / 255.0,
    ((value >> 8) & 0xff) / 255.0,
    (value & 0xff) / 255.0,
    1.0,
  };
  return c;
}

static IptChartColor
phase_tint (const IptChartStyle *style,
            IptPhase             phase)
{
  const PhaseColors *p = &phase_colors[MIN ((guint) phase, N_PHASES - 1)];

  return mix (background (style), rgb (style->dark ? p->dark_tint : p->light_tint),
              style->dark ? 0.13 : 0.075);
}

static IptChartColor
phase_text (const IptChartStyle *style,
            IptPhase             phase)
{
  const PhaseColors *p = &phase_colors[MIN ((guint) phase, N_PHASES - 1)];

  return rgb (style->dark ? p->dark_text : p->light_text);
}

static IptChartColor
event_color (const IptChartStyle *style,
             int                  impact)
{
  if (impact < 0)
    return warning_color (style);
  if (impact > 0)
    return rgb (style->dark ? 0x57e389 : 0x1b7a4b);
  return muted (style);
}

/* Scales and labels ------------------------------------------------------------------------ */

static IptPhase
phase_of (const IptChartData *data,
          guint               number)
{
  return ipt_phase_for_session (data->planned_sessions, data->assessment_end, data->middle_end,
                                number);
}

/* "19 → 5 (−14) · reliable improvement · now below the cut-off" */
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
        g_string_append (s, _("now above the cut-off"));
      else if (is)
        g_string_append (s, _("above the cut-off"));
      else
        g_string_append (s, _("below the cut-off"));
    }

  return g_string_free (s, FALSE);
}

static char *
chart_title (const IptChartData *data)
{
  GString *s = g_string_new (data->code[0] != '\0' ? data->code : _("Mood chart"));

  if (data->focus != IPT_FOCUS_NONE)
    g_string_append_printf (s, " \u00b7 %s", ipt_focus_to_label (data->focus, FALSE));
  /* TRANSLATORS: the contract in the chart's title: "16-session course" */
  g_string_append_printf (s, " \u00b7 ");
  g_string_append_printf (s, ngettext ("%u-session course", "%u-session course",
                                       data->planned_sessions),
                          data->planned_sessions);
  return g_string_free (s, FALSE);
}

/* "Middle phase · session 9 of 16 · Not on track" or "Course ended · Reliable recovery". */
static char *
chart_subtitle (const IptChartData *data,
                guint               current)
{
  g_autoptr(IptOutcome) outcome = NULL;
  g_autoptr(GPtrArray) signals = NULL;
  g_autofree IptSeriesPoint *phq9 = NULL;
  g_autofree IptSeriesPoint *gad7 = NULL;
  IptProgress progress = { 0, };
  GString *s = g_string_new (NULL);

  if (current == 0)
    {
      g_string_append (s, _("No session attended yet"));
      return g_string_free (s, FALSE);
    }

  phq9 = g_new0 (IptSeriesPoint, MAX (data->n_points[IPT_CHART_MEASURE_PHQ9], 1));
  gad7 = g_new0 (IptSeriesPoint, MAX (data->n_points[IPT_CHART_MEASURE_GAD7], 1));
  for (guint i = 0; i < data->n_points[IPT_CHART_MEASURE_PHQ9]; i++)
    {
      const IptChartPoint *p = &data->points[IPT_CHART_MEASURE_PHQ9][i];
      phq9[i] = (IptSeriesPoint) { p->session, p->total, p->risk_item };
    }
  for (guint i = 0; i < data->n_points[IPT_CHART_MEASURE_GAD7]; i++)
    {
      const IptChartPoint *p = &data->points[IPT_CHART_MEASURE_GAD7][i];
      gad7[i] = (IptSeriesPoint) { p->session, p->total, p->risk_item };
    }

  if (data->status == IPT_EPISODE_STATUS_ACTIVE)
    {
      IptPhase phase = phase_of (data, current);

      if (current <= data->planned_sessions)
        /* TRANSLATORS: "Middle phase · session 9 of 16" */
        g_string_append_printf (s, _("%s phase \u00b7 session %u of %u"),
                                ipt_phase_to_label (phase), current, data->planned_sessions);
      else
        /* TRANSLATORS: "Maintenance phase · session 20, after a 16-session course" */
        g_string_append_printf (s, _("%s phase \u00b7 session %u, after a %u-session course"),
                                ipt_phase_to_label (phase), current, data->planned_sessions);
    }
  else
    {
      guint attended = 0;

      for (guint i = 0; i < data->n_sessions; i++)
        if (data->sessions[i].attendance == IPT_ATTENDANCE_ATTENDED)
          attended++;
      g_string_append_printf (s, "%s \u00b7 ", ipt_episode_status_to_label (data->status));
      /* Missed sessions keep their numbers, so the last number can be more than the count. */
      if (attended == current)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u session attended",
                                                "%u sessions attended", attended), attended);
      else
        /* TRANSLATORS: "17 sessions attended, the last one session 18" */
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                "%u session attended, the last one session %u",
                                                "%u sessions attended, the last one session %u",
                                                attended),
                                attended, current);
    }

  progress.phq9 = phq9;
  progress.n_phq9 = data->n_points[IPT_CHART_MEASURE_PHQ9];
  progress.gad7 = gad7;
  progress.n_gad7 = data->n_points[IPT_CHART_MEASURE_GAD7];
  progress.planned_sessions = data->planned_sessions;
  progress.current_session = current;
  progress.course_running = data->status == IPT_EPISODE_STATUS_ACTIVE;
  signals = ipt_signals_compute (&progress);

  for (guint i = 0; signals != NULL && i < signals->len; i++)
    {
      IptSignal *signal = g_ptr_array_index (signals, i);

      if (signal->kind == IPT_SIGNAL_OUTCOME)
        {
          outcome = ipt_chart_data_compute_outcome (data);
          g_string_append_printf (s, " \u00b7 %s", ipt_outcome_category_to_label (outcome->category));
        }
      else
        g_string_append_printf (s, " \u00b7 %s", ipt_signal_kind_to_label (signal->kind));
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
      IptChartColor tint = phase_tint (style, phase);

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

static void
draw_panel (cairo_t             *cr,
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

static void
draw_phases (cairo_t             *cr,
             Text                *t,
             const Layout        *l,
             const IptChartData  *data,
             const IptChartStyle *style)
{
  IptPhase current_phase = l->current > 0 ? phase_of (data, l->current) : IPT_PHASE_ASSESSMENT;
  gboolean running = data->status == IPT_EPISODE_STATUS_ACTIVE;
  IptChartColor line = with_alpha (style->foreground, 0.22);

  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      guint first, last;
      IptChartColor tint = phase_tint (style, phase);
      IptChartColor color = phase_text (style, phase);
      g_autofree char *label = NULL;
      double x0, x1, w, h;

      if (!_ipt_mood_chart_phase_range (data, l, phase, &first, &last))
        continue;
      last = MIN (last, l->last_number);
      x0 = slot_x (l, first - 0.5);
      x1 = slot_x (l, last + 0.5);

      fill_rect (cr, x0, l->band_top, x1, l->band_bottom, &tint);

      if (first == last)
        label = g_strdup_printf ("%s \u00b7 %u", ipt_phase_to_label (phase), first);
      else
        label = g_strdup_printf ("%s \u00b7 %u\u2013%u", ipt_phase_to_label (phase), first, last);
      text_set (t, t->small_bold, label, -1);
      text_size (t, &w, &h);
      if (w > x1 - x0 - l->small * 1.6)
        {
          text_set (t, t->small_bold, ipt_phase_to_label (phase), x1 - x0 - l->small * 1.6);
          text_size (t, &w, &h);
        }

      /* The phase the course is in now is a filled pill: found at a glance. */
      if (running && l->current > 0 && phase == current_phase)
        {
          double px = (x0 + x1) / 2 - w / 2 - l->small * 0.5, py = l->phases.y + 1;
          double pw = w + l->small, ph = h, r = ph / 2;

          set_color (cr, &color);
          cairo_new_sub_path (cr);
          cairo_arc (cr, px + r, py + r, r, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (cr, px + pw - r, py + r, r, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
          color = background (style);
        }
      _ipt_mood_chart_text_draw (cr, t, (x0 + x1) / 2 - w / 2, l->phases.y + 1, &color);

      if (phase > 0)
        {
          /* only where no text crosses: the phase row here, the plots in draw_panel () */
          set_color (cr, &line);
          vline (cr, t, x0, l->band_top, l->phases.y + l->phases.h);
          cairo_fill (cr);
        }
    }
}

/* Labels every k-th slot so that neighbours never touch. */
static guint
label_stride (const Layout *l,
              double        label_w)
{
  static const guint strides[] = { 1, 2, 3, 4, 5, 10, 20 };

  for (guint i = 0; i < G_N_ELEMENTS (strides); i++)
    if (l->slot * strides[i] >= label_w + l->small * 0.6)
      return strides[i];
  return l->last_number;
}

static void
draw_axis (cairo_t             *cr,
           Text                *t,
           const Layout        *l,
           const IptChartData  *data,
           const IptChartStyle *style)
{
  IptChartColor fg = style->foreground, mute = muted (style), warn = warning_color (style);
  guint stride;
  char buf[32];
  double w, h;

  g_snprintf (buf, sizeof buf, "%u", l->last_number);
  stride = label_stride (l, text_measure (t, t->small_bold, buf));
  for (guint n = 1; n <= l->last_number; n++)
    {
      gboolean is_current = n == l->current;

      if ((n - 1) % stride != 0 && !is_current)
        continue;
      /* the current session is always labelled; drop a neighbour that would touch it */
      if (!is_current && l->current > 0 && (guint) ABS ((int) n - (int) l->current) < stride)
        continue;
      g_snprintf (buf, sizeof buf, "%u", n);
      text_set (t, is_current ? t->small_bold : t->small, buf, -1);
      text_size (t, &w, &h);
      _ipt_mood_chart_text_draw (cr, t, slot_x (l, n) - w / 2, l->numbers.y, is_current ? &fg : &mute);
    }

  if (l->show_dates)
    {
      double widest = 0;

      for (guint i = 0; i < data->n_sessions; i++)
        {
          g_autofree char *date = ipt_chart_format_date (data->sessions[i].date);

          if (date != NULL)
            widest = MAX (widest, text_measure (t, t->small, date));
        }
      stride = label_stride (l, widest);
      for (guint i = 0; i < data->n_sessions; i++)
        {
          const IptChartSession *s = &data->sessions[i];
          g_autofree char *date = NULL;

          if (s->number > l->last_number || (s->number - 1) % stride != 0)
            continue;
          date = ipt_chart_format_date (s->date);
          if (date == NULL)
            continue;
          text_set (t, t->small, date, -1);
          text_size (t, &w, &h);
          _ipt_mood_chart_text_draw (cr, t, slot_x (l, s->number) - w / 2, l->dates.y, &mute);
        }
    }

  if (l->show_marks)
    {
      /* Missed sessions and risk under their session: a word when it fits, else a symbol
       * that the legend explains. */
      for (guint i = 0; i < data->n_sessions; i++)
        {
          const IptChartSession *s = &data->sessions[i];
          const char *word, *symbol;

          if (!session_missed (s) || s->number > l->last_number)
            continue;
          if (s->attendance == IPT_ATTENDANCE_DID_NOT_ATTEND)
            {
              /* TRANSLATORS: "did not attend", under its session on the chart */
              word = C_("chart mark", "DNA");
              symbol = "\u00d7";
            }
          else
            {
              /* TRANSLATORS: a cancelled session, under its session on the chart */
              word = C_("chart mark", "cancelled");
              symbol = "\u2013";
            }
          text_set (t, t->small, word, -1);
          text_size (t, &w, &h);
          if (w > l->slot * 1.6)
            {
              text_set (t, t->small_bold, symbol, -1);
              text_size (t, &w, &h);
            }
          _ipt_mood_chart_text_draw (cr, t, slot_x (l, s->number) - w / 2, l->marks.y, &mute);
        }

      for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
        {
          for (guint i = 0; style->show_measure[m] && i < data->n_points[m]; i++)
            {
              const IptChartPoint *p = &data->points[m][i];

              if (!p->risk)
                continue;
              text_set (t, t->small_bold, C_("chart mark", "risk"), -1);
              text_size (t, &w, &h);
              if (w > l->slot * 1.6)
                {
                  text_set (t, t->small_bold, "!", -1);
                  text_size (t, &w, &h);
                }
              _ipt_mood_chart_text_draw (cr, t, slot_x (l, p->session) - w / 2, l->marks.y, &warn);
            }
        }
    }
}

static void
draw_flag (cairo_t             *cr,
           double               x,
           double               y,
           double               size,
           int                  impact,
           const IptChartColor *color)
{
  set_color (cr, color);
  if (impact < 0)
    {
      /* worse: pointing down */
      cairo_move_to (cr, x - size / 2, y);
      cairo_line_to (cr, x + size / 2, y);
      cairo_line_to (cr, x, y + size * 0.8);
    }
  else if (impact > 0)
    {
      cairo_move_to (cr, x - size / 2, y + size * 0.8);
      cairo_line_to (cr, x + size / 2, y + size * 0.8);
      cairo_line_to (cr, x, y);
    }
  else
    {
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + size * 0.4, y + size * 0.4);
      cairo_line_to (cr, x, y + size * 0.8);
      cairo_line_to (cr, x - size * 0.4, y + size * 0.4);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_events (cairo_t             *cr,
             Text                *t,
             const Layout        *l,
             const IptChartData  *data,
             const IptChartStyle *style)
{
  const EventPlace *places = l->event_places;
  IptChartColor mute = muted (style), fg = style->foreground;
  IptChartColor line = with_alpha (fg, 0.2);
  double marker = l->fs * 0.8, small_h = line_height (t, t->small);
  double w, h;

  text_set (t, t->small, _("Events"), -1);
  text_size (t, &w, &h);
  _ipt_mood_chart_text_draw (cr, t, l->plot_x - l->small * 0.5 - w,
                             l->events.y + marker / 2 - h / 2, &mute);

  set_color (cr, &line);
  hline (cr, t, l->plot_x, l->plot_x + l->plot_w, l->events.y + marker / 2, 1);
  cairo_fill (cr);

  for (guint i = 0; i < data->n_events; i++)
    {
      const EventPlace *p = &places[i];
      IptChartColor color = event_color (style, data->events[i].impact);

      if (p->row == -2)
        continue;
      draw_flag (cr, p->x, l->events.y, marker, data->events[i].impact, &color);
      if (p->row < 0)
        continue;
      text_set (t, t->small, p->text, p->label_w + 1);
      _ipt_mood_chart_text_draw (cr, t, p->label_x, l->events.y + marker + p->row * small_h, &fg);
    }
}

static void
draw_legend (cairo_t             *cr,
             Text                *t,
             const Layout        *l,
             const IptChartData  *data,
             const IptChartStyle *style)
{
  GArray *items = l->legend_items;
  IptChartColor fg = style->foreground, warn = warning_color (style), bg = background (style);
  double small_h = line_height (t, t->small), sw = l->fs * 1.6;

  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      double x = l->legend.x + item->x, y = l->legend.y + item->row * small_h * 1.25;
      double cy = y + small_h / 2;
      IptChartColor series = fg;

      if (item->measure >= 0)
        ipt_chart_style_get_series_color (style, item->measure, &series);
      else if (l->n_panels > 0 && l->panels[0].measure >= 0)
        ipt_chart_style_get_series_color (style, l->panels[0].measure, &series);

      switch (item->kind)
        {
        case LEGEND_SERIES:
          cairo_new_path (cr);
          set_color (cr, &series);
          cairo_set_line_width (cr, l->line);
          cairo_move_to (cr, x, cy);
          cairo_rel_line_to (cr, sw, 0);
          cairo_stroke (cr);
          cairo_arc (cr, x + sw / 2, cy, l->radius, 0, 2 * G_PI);
          set_color (cr, &bg);
          cairo_fill_preserve (cr);
          set_color (cr, &series);
          cairo_set_line_width (cr, MAX (1.5, l->line * 0.9));
          cairo_stroke (cr);
          break;
        case LEGEND_BAND:
          {
            IptChartColor c = mix (phase_tint (style, IPT_PHASE_MIDDLE), series,
                                   style->dark ? 0.16 : 0.13);
            IptChartColor edge = with_alpha (series, 0.45);

            fill_rect (cr, x, cy - small_h * 0.35, x + sw, cy + small_h * 0.35, &c);
            set_color (cr, &edge);
            cairo_set_line_width (cr, 1);
            cairo_rectangle (cr, snap (x) + 0.5, snap (cy - small_h * 0.35) + 0.5,
                             snap (x + sw) - snap (x) - 1,
                             snap (cy + small_h * 0.35) - snap (cy - small_h * 0.35) - 1);
            cairo_stroke (cr);
          }
          break;
        case LEGEND_CUTOFF:
          {
            set_color (cr, &warn);
            hline_dashed (cr, t, x, x + sw, cy, 2, l->fs * 0.5, l->fs * 0.3);
            cairo_fill (cr);
          }
          break;
        case LEGEND_RISK:
          cairo_new_path (cr);
          set_color (cr, &warn);
          cairo_set_line_width (cr, 1.6);
          cairo_arc (cr, x + sw / 2, cy, l->radius + l->fs * 0.33, 0, 2 * G_PI);
          cairo_stroke (cr);
          break;
        case LEGEND_DNA:
        case LEGEND_CANCELLED:
        case LEGEND_EVENT:
        default:
          break;
        }

      text_set (t, t->small, item->text, -1);
      _ipt_mood_chart_text_draw (cr, t, x + sw + l->small * 0.4, y, &fg);
    }
}

void
ipt_mood_chart_render (cairo_t             *cr,
                       const IptChartData  *data,
                       const IptChartStyle *style,
                       double               width,
                       double               height)
{
  ipt_mood_chart_render_recorded (cr, data, style, width, height, NULL, NULL);
}

void
ipt_mood_chart_render_recorded (cairo_t             *cr,
                                const IptChartData  *data,
                                const IptChartStyle *style,
                                double               width,
                                double               height,
                                GArray              *boxes,
                                GArray              *segments)
{
  PangoContext *context;
  g_autofree char *title = NULL;
  Text t = { 0, };
  Layout l;
  IptChartColor bg;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  context = pango_cairo_create_context (cr);
  {
    double fs, small;

    _ipt_mood_chart_font_sizes (style, width, height, &fs, &small);
    t.key = _ipt_mood_chart_shape_cache_key (cr, style, fs, small);
  }
  _ipt_mood_chart_layout_compute (&l, &t, context, data, style, width, height);
  t.boxes = boxes;
  t.segments = segments;

  bg = background (style);
  set_color (cr, &bg);
  cairo_paint (cr);

  title = chart_title (data);
  text_set (&t, t.title, title, l.title.w);
  _ipt_mood_chart_text_draw (cr, &t, l.title.x, l.title.y, &style->foreground);
  if (l.show_subtitle)
    {
      g_autofree char *subtitle = chart_subtitle (data, l.current);
      IptChartColor mute = muted (style);

      text_set (&t, t.small, subtitle, l.subtitle.w);
      _ipt_mood_chart_text_draw (cr, &t, l.subtitle.x, l.subtitle.y, &mute);
    }

  draw_phases (cr, &t, &l, data, style);
  for (guint i = 0; i < l.n_panels; i++)
    draw_panel (cr, &t, &l, &l.panels[i], data, style);
  draw_axis (cr, &t, &l, data, style);
  if (l.show_events)
    draw_events (cr, &t, &l, data, style);
  if (l.show_legend && l.legend_rows > 0)
    draw_legend (cr, &t, &l, data, style);

  _ipt_mood_chart_layout_clear (&l);
  _ipt_mood_chart_text_clear (&t);
  g_object_unref (context);
  cairo_restore (cr);
}

gboolean
ipt_mood_chart_hit_test (PangoContext        *context,
                         const IptChartData  *data,
                         const IptChartStyle *style,
                         double               width,
                         double               height,
                         double               x,
                         double               y,
                         IptChartHit         *hit)
{
  Text t = { 0, };
  Layout l;
  double best = G_MAXDOUBLE, limit;
  gboolean found = FALSE;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (width < 1 || height < 1)
    return FALSE;

  _ipt_mood_chart_layout_compute (&l, &t, context, data, style, width, height);
  limit = MAX (l.slot / 2, l.radius * 3);

  for (guint i = 0; i < l.n_panels; i++)
    {
      const Panel *p = &l.panels[i];
      const IptMeasure *measure;

      if (p->measure < 0 || y < p->header.y || y > p->plot.y + p->plot.h + l.radius * 2)
        continue;
      measure = ipt_chart_measure_get (p->measure);
      for (guint k = 0; k < data->n_points[p->measure]; k++)
        {
          const IptChartPoint *point = &data->points[p->measure][k];
          double px = slot_x (&l, point->session), py = value_y (p, measure, point->total);
          double d = hypot (px - x, (py - y) * 0.35);

          if (fabs (px - x) <= limit && d < best)
            {
              best = d;
              hit->measure = p->measure;
              hit->index = k;
              hit->x = px;
              hit->y = py;
              found = TRUE;
            }
        }
    }

  _ipt_mood_chart_layout_clear (&l);
  _ipt_mood_chart_text_clear (&t);
  return found;
}
