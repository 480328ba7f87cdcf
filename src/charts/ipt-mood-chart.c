/* The mood chart renderer: draws one course on any cairo_t, no toolkit involved. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-mood-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

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

/* The first and last session number of each phase on this chart; FALSE when not shown. */
static gboolean
phase_range (const IptChartData *data,
             const Layout       *l,
             IptPhase            phase,
             guint              *first,
             guint              *last)
{
  switch (phase)
    {
    case IPT_PHASE_ASSESSMENT:
      *first = 1;
      *last = data->assessment_end;
      break;
    case IPT_PHASE_MIDDLE:
      *first = data->assessment_end + 1;
      *last = data->middle_end;
      break;
    case IPT_PHASE_END:
      *first = data->middle_end + 1;
      *last = data->planned_sessions;
      break;
    case IPT_PHASE_MAINTENANCE:
    default:
      *first = data->planned_sessions + 1;
      *last = l->last_number;
      break;
    }

  return *first <= *last && *first <= l->last_number;
}

static int
tick_step (const IptMeasure *measure,
           double            plot_h,
           double            min_spacing)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100 };
  int range = measure->total_max - measure->total_min;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (plot_h * steps[i] / range >= min_spacing)
      return steps[i];
  return range;
}

static const char *
cutoff_text (char  *buf,
             gsize  size,
             int    caseness)
{
  /* TRANSLATORS: the caseness cut-off line of a measure, "cut-off 10" */
  g_snprintf (buf, size, _("cut-off %d"), caseness);
  return buf;
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

/* Layout ----------------------------------------------------------------------------------- */

/* x of a date on the session axis: between the dated sessions around it, or a week a slot
 * beyond them. FALSE when the course has no dated session. */
static gboolean
date_to_number (const IptChartData *data,
                const char         *iso_date,
                double             *number)
{
  gint64 day, prev_day = 0, next_day = 0;
  guint prev = 0, next = 0;
  gboolean have_prev = FALSE, have_next = FALSE;

  if (!ipt_chart_parse_date (iso_date, &day))
    return FALSE;

  for (guint i = 0; i < data->n_sessions; i++)
    {
      gint64 d;

      if (!ipt_chart_parse_date (data->sessions[i].date, &d))
        continue;
      if (d <= day)
        {
          prev = data->sessions[i].number;
          prev_day = d;
          have_prev = TRUE;
        }
      else if (!have_next)
        {
          next = data->sessions[i].number;
          next_day = d;
          have_next = TRUE;
        }
    }

  if (have_prev && have_next && next_day > prev_day)
    *number = prev + (double) (day - prev_day) / (next_day - prev_day) * (next - prev);
  else if (have_prev)
    *number = prev + (day - prev_day) / 7.0;
  else if (have_next)
    *number = next - (next_day - day) / 7.0;
  else
    return FALSE;

  return TRUE;
}

static char *
event_label (const IptChartEvent *event)
{
  g_autofree char *impact = ipt_chart_format_change (event->impact);

  return g_strdup_printf ("%s (%s)", event->title, impact);
}

/* Greedy rows: each label goes in the first row where it fits beside the others. */
static guint
place_events (const IptChartData *data,
              const Layout       *l,
              Text               *t,
              guint               max_rows,
              EventPlace         *places)
{
  double row_end[MAX_EVENT_ROWS];
  guint rows_used = 0;
  double gap = l->small;

  for (guint r = 0; r < MAX_EVENT_ROWS; r++)
    row_end[r] = -G_MAXDOUBLE;

  for (guint i = 0; i < data->n_events; i++)
    {
      EventPlace *p = &places[i];
      double number;

      p->row = -2;     /* not on the axis */
      p->text = NULL;
      if (!date_to_number (data, data->events[i].date, &number)
          || number < 0.5 || number > l->last_number + 0.5)
        continue;

      p->x = slot_x (l, number);
      p->text = event_label (&data->events[i]);
      p->label_w = MIN (text_measure (t, t->small, p->text), l->plot_w);
      p->label_x = CLAMP (p->x - p->label_w / 2, l->plot_x, l->plot_x + l->plot_w - p->label_w);
      p->row = -1;
      for (guint r = 0; r < max_rows; r++)
        {
          if (p->label_x >= row_end[r] + gap)
            {
              p->row = r;
              row_end[r] = p->label_x + p->label_w;
              rows_used = MAX (rows_used, r + 1);
              break;
            }
        }
    }

  return rows_used;
}

static void
event_places_free (EventPlace *places,
                   guint       n)
{
  for (guint i = 0; i < n; i++)
    g_free (places[i].text);
  g_free (places);
}

static GArray *
legend_items (const IptChartData *data,
              const Layout       *l,
              Text               *t,
              double              width)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  gboolean has_cutoff = FALSE, has_band = FALSE;
  double swatch = l->fs * 1.6;
  double x = 0;
  guint row = 0;

  for (guint i = 0; i < l->n_panels; i++)
    {
      int m = l->panels[i].measure;
      LegendItem item = { LEGEND_SERIES, m, NULL, 0, 0, 0 };

      if (m < 0)
        continue;
      item.text = g_strdup (ipt_chart_measure_get (m)->name);
      g_array_append_val (items, item);
      if (ipt_measure_has_caseness (ipt_chart_measure_get (m)))
        has_cutoff = TRUE;
      if (ipt_chart_measure_get (m)->rci > 0 && data->n_points[m] > 0)
        has_band = TRUE;
    }
  if (has_band)
    {
      LegendItem item = { LEGEND_BAND, -1, g_strdup (_("first score \u00b1 reliable change")), 0, 0, 0 };
      g_array_append_val (items, item);
    }
  if (has_cutoff)
    {
      LegendItem item = { LEGEND_CUTOFF, -1, g_strdup (_("caseness cut-off")), 0, 0, 0 };
      g_array_append_val (items, item);
    }
  if (l->has_risk)
    {
      const IptMeasure *phq9 = ipt_chart_measure_get (IPT_CHART_MEASURE_PHQ9);
      LegendItem item = { LEGEND_RISK, -1, NULL, 0, 0, 0 };

      /* TRANSLATORS: legend of the risk ring: "risk: PHQ-9 item 9 above 0" */
      item.text = g_strdup_printf (_("risk: %s item %d above 0"), phq9->name, phq9->risk_item + 1);
      g_array_append_val (items, item);
    }

  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);

      item->w = swatch + l->small * 0.4 + text_measure (t, t->small, item->text);
      if (x > 0 && x + item->w > width)
        {
          row++;
          x = 0;
        }
      item->x = x;
      item->row = row;
      x += item->w + l->fs * 1.4;
    }

  return items;
}

static void
legend_items_free (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, LegendItem, i).text);
  g_array_unref (items);
}

/* Small charts get smaller text, down to a readable floor. */
static void
font_sizes (const IptChartStyle *style,
            double               width,
            double               height,
            double              *fs,
            double              *small)
{
  double base = style->font_size > 0 ? style->font_size : 12;

  *fs = CLAMP (MIN (height / 26.0, width / 55.0), 8.0, base);
  *small = round (*fs * 0.85 * 4) / 4;
}

static void
layout_compute (Layout              *l,
                Text                *t,
                PangoContext        *context,
                const IptChartData  *data,
                const IptChartStyle *style,
                double               width,
                double               height)
{
  double title_h, small_h, normal_h, header_h, marker_h;
  double left_w = 0, right_w = 0;
  double min_plot, avail = 0, y;
  guint max_event_rows = 0;

  memset (l, 0, sizeof *l);

  /* Small charts get smaller text, down to a readable floor. */
  font_sizes (style, width, height, &l->fs, &l->small);
  l->pad = round (l->fs * 0.6);
  l->line = MAX (1.5, l->fs / 6.0);
  l->radius = MAX (2.5, l->fs * 0.3);
  _ipt_mood_chart_text_init (t, context, style, l->fs, l->small);

  l->last_number = MAX (ipt_chart_data_get_last_number (data), 1);
  l->current = ipt_chart_data_get_current_session (data);

  /* Panels: the shown measures that have scores; one empty panel when none has. */
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    {
      if (!style->show_measure[m])
        continue;
      if (data->n_points[m] == 0)
        continue;
      l->panels[l->n_panels++].measure = m;
    }
  if (l->n_panels == 0)
    l->panels[l->n_panels++].measure = -1;

  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    for (guint i = 0; style->show_measure[m] && i < data->n_points[m]; i++)
      if (data->points[m][i].risk)
        l->has_risk = TRUE;
  for (guint i = 0; i < data->n_sessions; i++)
    if (session_missed (&data->sessions[i]))
      l->has_missed = TRUE;
  for (guint i = 0; i < data->n_events && !l->has_events; i++)
    {
      double number;

      l->has_events = date_to_number (data, data->events[i].date, &number)
                      && number >= 0.5 && number <= l->last_number + 0.5;
    }

  /* Horizontal: y ticks and the lane name on the left, band labels on the right. */
  left_w = text_measure (t, t->small, "00");
  if (l->has_events)
    left_w = MAX (left_w, text_measure (t, t->small, _("Events")));
  for (guint i = 0; i < l->n_panels; i++)
    {
      const IptMeasure *measure;
      char buf[64];

      if (l->panels[i].measure < 0)
        continue;
      measure = ipt_chart_measure_get (l->panels[i].measure);
      left_w = MAX (left_w, text_measure (t, t->small, measure->total_max >= 100 ? "000" : "00"));
      for (guint b = 0; b < measure->n_bands; b++)
        right_w = MAX (right_w, text_measure (t, t->small,
                                              ipt_measure_band_label (measure, measure->bands[b].min)));
      if (ipt_measure_has_caseness (measure))
        right_w = MAX (right_w, text_measure (t, t->small_bold,
                                              cutoff_text (buf, sizeof buf, measure->caseness)));
    }
  right_w = MIN (right_w, width * 0.17);
  l->right_w = right_w;
  l->plot_x = snap (l->pad + left_w + l->small * 0.6);
  l->plot_w = MAX (1.0, snap (width - l->plot_x - right_w - l->pad * 2));
  l->right_x = l->plot_x + l->plot_w + l->pad;
  l->slot = l->plot_w / l->last_number;

  /* Vertical: fixed rows, then what is left goes to the plots; drop the least needed rows
   * while the plots would be too small to read. */
  title_h = line_height (t, t->title);
  small_h = line_height (t, t->small);
  normal_h = line_height (t, t->normal);
  header_h = normal_h + l->small * 0.3;
  marker_h = l->fs * 0.9;
  min_plot = l->fs * 3.2;

  l->show_subtitle = TRUE;
  l->show_dates = TRUE;
  l->show_marks = l->has_missed || l->has_risk;
  l->show_legend = TRUE;
  l->show_events = l->has_events;
  l->event_rows = MAX_EVENT_ROWS;

  /* Text measured once: the legend's rows and the rows the event labels would take. */
  l->legend_items = legend_items (data, l, t, width - 2 * l->pad);
  l->legend_rows = l->legend_items->len > 0
                   ? g_array_index (l->legend_items, LegendItem, l->legend_items->len - 1).row + 1
                   : 0;
  if (l->has_events)
    {
      EventPlace *places = g_new0 (EventPlace, MAX (data->n_events, 1));

      max_event_rows = place_events (data, l, t, MAX_EVENT_ROWS, places);
      event_places_free (places, data->n_events);
    }

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      guint rows = MIN (max_event_rows, l->event_rows);
      double fixed;

      fixed = l->pad + title_h
              + (l->show_subtitle ? small_h : 0)
              + small_h * 1.5                                   /* phase labels */
              + l->n_panels * header_h
              + small_h * 1.2                                   /* session numbers */
              + (l->show_dates ? small_h : 0)
              + (l->show_marks ? small_h : 0)
              + (l->show_events ? l->pad + marker_h + MAX (rows, 1) * small_h : 0)
              + (l->show_legend && l->legend_rows > 0 ? l->pad + l->legend_rows * small_h * 1.25 : 0)
              + l->pad;
      avail = (height - fixed) / l->n_panels;

      if (avail >= min_plot)
        break;
      if (l->show_legend)
        l->show_legend = FALSE;
      else if (l->show_subtitle)
        l->show_subtitle = FALSE;
      else if (l->show_events && l->event_rows > 1)
        l->event_rows = 1;
      else if (l->show_marks)
        l->show_marks = FALSE;
      else if (l->show_dates)
        l->show_dates = FALSE;
      else if (l->show_events)
        l->show_events = FALSE;
      else
        break;
    }
  avail = MAX (avail, l->fs);

  y = l->pad;
  l->title = (Rect) { l->pad, y, width - 2 * l->pad, title_h };
  y += title_h;
  if (l->show_subtitle)
    {
      l->subtitle = (Rect) { l->pad, y, width - 2 * l->pad, small_h };
      y += small_h;
    }
  y += small_h * 0.25;
  l->band_top = snap (y);
  l->phases = (Rect) { l->plot_x, y, l->plot_w, small_h * 1.25 };
  y += small_h * 1.25;

  for (guint i = 0; i < l->n_panels; i++)
    {
      Panel *p = &l->panels[i];

      p->header = (Rect) { l->plot_x, y, l->plot_w, header_h };
      y += header_h;
      p->plot = (Rect) { l->plot_x, snap (y), l->plot_w, snap (y + avail) - snap (y) };
      y += avail;
      if (p->measure >= 0)
        p->step = tick_step (ipt_chart_measure_get (p->measure), p->plot.h, small_h * 1.5);
    }

  /* Short plots have no room for most band names: give the unused margin to the plots. */
  {
    double needed = 0;

    for (guint i = 0; i < l->n_panels; i++)
      {
        const Panel *p = &l->panels[i];
        const IptMeasure *measure;
        char buf[64];

        if (p->measure < 0)
          continue;
        measure = ipt_chart_measure_get (p->measure);
        if (ipt_measure_has_caseness (measure))
          needed = MAX (needed, text_measure (t, t->small_bold,
                                              cutoff_text (buf, sizeof buf, measure->caseness)));
        for (guint b = 0; b < measure->n_bands; b++)
          {
            const IptBand *band = &measure->bands[b];
            double band_h = (MIN (band->max + 1, measure->total_max) - band->min)
                            / (double) (measure->total_max - measure->total_min) * p->plot.h;

            if (band_h >= small_h)
              needed = MAX (needed, text_measure (t, t->small,
                                                  ipt_measure_band_label (measure, band->min)));
          }
      }
    needed = MIN (needed, width * 0.17);
    if (needed < l->right_w)
      {
        l->right_w = needed;
        l->plot_w = MAX (1.0, snap (width - l->plot_x - l->right_w - l->pad * 2));
        l->right_x = l->plot_x + l->plot_w + l->pad;
        l->slot = l->plot_w / l->last_number;
        l->phases.w = l->plot_w;
        for (guint i = 0; i < l->n_panels; i++)
          {
            l->panels[i].header.w = l->plot_w;
            l->panels[i].plot.w = l->plot_w;
          }
      }
  }

  y += small_h * 0.2;
  l->numbers = (Rect) { l->plot_x, y, l->plot_w, small_h };
  y += small_h;
  if (l->show_dates)
    {
      l->dates = (Rect) { l->plot_x, y, l->plot_w, small_h };
      y += small_h;
    }
  if (l->show_marks)
    {
      l->marks = (Rect) { l->plot_x, y, l->plot_w, small_h };
      y += small_h;
    }
  l->band_bottom = snap (y);

  if (l->show_events)
    {
      guint rows;

      l->event_places = g_new0 (EventPlace, MAX (data->n_events, 1));
      l->n_event_places = data->n_events;
      rows = place_events (data, l, t, l->event_rows, l->event_places);
      y += l->pad;
      l->events = (Rect) { l->plot_x, y, l->plot_w, marker_h + MAX (rows, 1) * small_h };
      y += l->events.h;
    }

  if (l->show_legend && l->legend_rows > 0)
    {
      y += l->pad;
      l->legend = (Rect) { l->pad, y, width - 2 * l->pad, l->legend_rows * small_h * 1.25 };
    }
}

static void
layout_clear (Layout *l)
{
  if (l->event_places != NULL)
    event_places_free (l->event_places, l->n_event_places);
  l->event_places = NULL;
  g_clear_pointer (&l->legend_items, legend_items_free);
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

      if (!phase_range (data, l, phase, &first, &last))
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

        if (phase_range (data, l, phase, &first, &last))
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

          a->text = g_strdup (cutoff_text (buf, sizeof buf, measure->caseness));
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

      if (!phase_range (data, l, phase, &first, &last))
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

    font_sizes (style, width, height, &fs, &small);
    t.key = _ipt_mood_chart_shape_cache_key (cr, style, fs, small);
  }
  layout_compute (&l, &t, context, data, style, width, height);
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

  layout_clear (&l);
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

  layout_compute (&l, &t, context, data, style, width, height);
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

  layout_clear (&l);
  _ipt_mood_chart_text_clear (&t);
  return found;
}
