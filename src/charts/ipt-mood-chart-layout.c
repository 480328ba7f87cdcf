/* The mood chart's layout: where the panels, axes, events and legend go, measured once. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-mood-chart-layout.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ipt-chart-private.h"

/* Scales and labels ------------------------------------------------------------------------ */

/* The first and last appointment number of each phase on this chart, from the model's map of the
 * course: a band begins and ends at the attended sessions that open and close its phase (the
 * sessions a running course has left drawn as if attended); FALSE when not shown. */
gboolean
_ipt_mood_chart_phase_range (const IptChartData *data,
                             const Layout       *l,
                             IptPhase            phase,
                             guint              *first,
                             guint              *last)
{
  if (!ipt_course_map_phase_span (data->course, phase,
                                  data->status == IPT_EPISODE_STATUS_ACTIVE, first, last))
    return FALSE;
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

const char *
_ipt_mood_chart_cutoff_text (char  *buf,
                             gsize  size,
                             int    caseness)
{
  /* TRANSLATORS: the caseness cut-off line of a measure, "cut-off 10" */
  g_snprintf (buf, size, _("cut-off %d"), caseness);
  return buf;
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
  if (l->has_joint)
    {
      /* TRANSLATORS: legend of the mark under a session the client attended with someone */
      LegendItem item = { LEGEND_JOINT, -1, g_strdup (_("joint session")), 0, 0, 0 };

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
void
_ipt_mood_chart_font_sizes (const IptChartStyle *style,
                            double               width,
                            double               height,
                            double              *fs,
                            double              *small)
{
  double base = style->font_size > 0 ? style->font_size : 12;

  *fs = CLAMP (MIN (height / 26.0, width / 55.0), 8.0, base);
  *small = round (*fs * 0.85 * 4) / 4;
}

void
_ipt_mood_chart_layout_compute (Layout              *l,
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
  _ipt_mood_chart_font_sizes (style, width, height, &l->fs, &l->small);
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
    {
      if (session_missed (&data->sessions[i]))
        l->has_missed = TRUE;
      if (ipt_chart_session_is_joint (&data->sessions[i])
          && data->sessions[i].number <= l->last_number)
        l->has_joint = TRUE;
    }
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
                                              _ipt_mood_chart_cutoff_text (buf, sizeof buf,
                                                                           measure->caseness)));
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
  l->show_marks = l->has_missed || l->has_risk || l->has_joint;
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
                                              _ipt_mood_chart_cutoff_text (buf, sizeof buf,
                                                                           measure->caseness)));
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

void
_ipt_mood_chart_layout_clear (Layout *l)
{
  if (l->event_places != NULL)
    event_places_free (l->event_places, l->n_event_places);
  l->event_places = NULL;
  g_clear_pointer (&l->legend_items, legend_items_free);
}
