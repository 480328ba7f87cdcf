/* The mood chart renderer, no toolkit involved: the chart around its panels, and hit tests. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-mood-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ipt-chart-private.h"
#include "ipt-palette.h"
#include "ipt-mood-chart-layout.h"
#include "ipt-mood-chart-private.h"

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

IptChartColor
_ipt_mood_chart_phase_tint (const IptChartStyle *style,
                            IptPhase             phase)
{
  IptChartColor tint;

  ipt_chart_style_get_phase_tint (style, phase, &tint);
  return mix (background (style), with_alpha (tint, 1.0), tint.alpha);
}

static IptChartColor
phase_text (const IptChartStyle *style,
            IptPhase             phase)
{
  return rgb (ipt_palette_phase_text (phase, style->dark));
}

static IptChartColor
event_color (const IptChartStyle *style,
             int                  impact)
{
  if (impact < 0)
    return warning_color (style);
  if (impact > 0)
    {
      guint32 good = 0;

      ipt_palette_signal (IPT_SIGNAL_ON_TRACK, style->dark, &good);
      return rgb (good);
    }
  return muted (style);
}

/* Scales and labels ------------------------------------------------------------------------ */

char *
ipt_mood_chart_dup_title (const IptChartData  *data,
                          const IptChartStyle *style)
{
  GString *s;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  s = g_string_new (data->code[0] != '\0' ? data->code : _("Mood chart"));

  if (data->focus != IPT_FOCUS_NONE)
    g_string_append_printf (s, " \u00b7 %s",
                            ipt_focus_to_label (data->focus, style->us_focus_names));
  /* TRANSLATORS: the contract in the chart's title: "16-session course" */
  g_string_append_printf (s, " \u00b7 ");
  g_string_append_printf (s, ngettext ("%u-session course", "%u-session course",
                                       data->planned_sessions),
                          data->planned_sessions);
  return g_string_free (s, FALSE);
}

/* "Middle phase · session 9 of 16 · Not on track" or "Course ended · Reliable recovery". */
char *
_ipt_mood_chart_subtitle (const IptChartData *data)
{
  guint current = ipt_chart_data_get_current_session (data);
  g_autoptr(IptOutcome) outcome = NULL;
  g_autoptr(GPtrArray) signals = NULL;
  g_autofree IptSeriesPoint *phq9 = NULL;
  g_autofree IptSeriesPoint *gad7 = NULL;
  IptProgress progress = { .risk_reviewed_through = data->risk_reviewed_through, };
  GString *s = g_string_new (NULL);

  if (current == 0)
    {
      g_string_append (s, _("No session attended yet"));
      return g_string_free (s, FALSE);
    }

  phq9 = _ipt_chart_data_series (data, IPT_CHART_MEASURE_PHQ9, &progress.n_phq9);
  gad7 = _ipt_chart_data_series (data, IPT_CHART_MEASURE_GAD7, &progress.n_gad7);

  if (data->status == IPT_EPISODE_STATUS_ACTIVE)
    {
      IptPhase phase = ipt_course_map_get_phase (data->course);
      guint attended = ipt_course_map_get_attended (data->course);

      /* Attended sessions count: missed appointments use up no session of the contract. */
      if (phase != IPT_PHASE_MAINTENANCE)
        /* TRANSLATORS: "Middle phase · session 9 of 16" */
        g_string_append_printf (s, _("%s phase \u00b7 session %u of %u"),
                                ipt_phase_to_label (phase), attended, data->planned_sessions);
      else
        /* TRANSLATORS: "Maintenance phase · after a 16-session course" */
        g_string_append_printf (s, _("%s phase \u00b7 after a %u-session course"),
                                ipt_phase_to_label (phase), data->planned_sessions);
    }
  else
    {
      const IptAppointment *appointments = ipt_course_map_get_appointments (data->course);
      const IptAppointmentPlace *places = ipt_course_map_get_places (data->course);
      guint attended = ipt_course_map_get_attended (data->course);
      guint maintenance = ipt_course_map_get_maintenance (data->course);
      guint last = 0;

      /* The contract's attended sessions; maintenance after it is counted apart. */
      for (guint i = 0; i < ipt_course_map_get_n_appointments (data->course); i++)
        if (places[i].attended > 0)
          last = appointments[i].number;
      g_string_append_printf (s, "%s \u00b7 ", ipt_episode_status_to_label (data->status));
      /* Missed sessions keep their numbers, so the last number can be more than the count. */
      if (attended == last)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u session attended",
                                                "%u sessions attended", attended), attended);
      else
        /* TRANSLATORS: "14 sessions attended, the last one session 16" */
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                "%u session attended, the last one session %u",
                                                "%u sessions attended, the last one session %u",
                                                attended),
                                attended, last);
      if (maintenance > 0)
        /* TRANSLATORS: attended sessions after the contract: " · 2 maintenance sessions" */
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " \u00b7 %u maintenance session",
                                                " \u00b7 %u maintenance sessions", maintenance),
                                maintenance);
    }

  progress.phq9 = phq9;
  progress.gad7 = gad7;
  progress.course = data->course;
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

/* Drawing ---------------------------------------------------------------------------------- */

static void
draw_phases (cairo_t             *cr,
             Text                *t,
             const Layout        *l,
             const IptChartData  *data,
             const IptChartStyle *style)
{
  IptPhase current_phase = ipt_course_map_get_phase (data->course);
  gboolean running = data->status == IPT_EPISODE_STATUS_ACTIVE;
  IptChartColor line = with_alpha (style->foreground, 0.22);

  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      guint first, last;
      IptChartColor tint = _ipt_mood_chart_phase_tint (style, phase);
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
          /* only where no text crosses: the phase row here, the plots in
           * _ipt_mood_chart_draw_panel () */
          set_color (cr, &line);
          vline (cr, t, x0, l->band_top, l->phases.y + l->phases.h);
          cairo_fill (cr);
        }
    }
}

/* The width of the joint-session mark: two people side by side. */
static double
joint_mark_width (const Layout *l)
{
  return l->small * 1.3;
}

/* Two people, heads and shoulders, in a box of joint_mark_width () by h at (x, y): the mark of
 * a joint session, drawn rather than a character that a font may lack. Its box is recorded with
 * the texts', so that no text runs into it. */
static void
draw_joint_mark (cairo_t             *cr,
                 Text                *t,
                 const Layout        *l,
                 double               x,
                 double               y,
                 double               h,
                 const IptChartColor *color)
{
  double w = joint_mark_width (l);
  double head = h * 0.17;

  set_color (cr, color);
  for (int i = 0; i < 2; i++)
    {
      double cx = x + w * (i == 0 ? 0.32 : 0.68);

      cairo_new_path (cr);
      cairo_arc (cr, cx, y + h * 0.12 + head, head, 0, 2 * G_PI);
      cairo_fill (cr);
      /* the shoulders: half a disc under the head */
      cairo_new_path (cr);
      cairo_arc (cr, cx, y + h * 0.88, w * 0.26, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  if (t->boxes != NULL)
    {
      IptChartBox box = { x, y + h * 0.12, w, h * 0.76 };

      g_array_append_val (t->boxes, box);
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

/* The widest a word under session n may be: 1.6 slots alone, less than a slot beside another
 * mark. marked[] runs from 0 to last_number + 1. */
static double
mark_room (const Layout   *l,
           const gboolean *marked,
           guint           n)
{
  if (n == 0 || n > l->last_number)
    return l->slot * 1.6;
  if (marked[n - 1] || marked[n + 1])
    return l->slot - l->small * 0.3;
  return l->slot * 1.6;
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
       * that the legend explains. A word may spread over its neighbours' slots only when they
       * have no mark of their own (longer words, in German for one, would run into each other). */
      g_autofree gboolean *marked = g_new0 (gboolean, l->last_number + 2);
      g_autofree gboolean *joint = g_new0 (gboolean, l->last_number + 2);
      g_autofree gboolean *risk = g_new0 (gboolean, l->last_number + 2);
      double small_h = line_height (t, t->small), jw = joint_mark_width (l);
      IptChartColor joint_color = fg;

      for (guint i = 0; i < data->n_sessions; i++)
        {
          const IptChartSession *s = &data->sessions[i];

          if (s->number > l->last_number)
            continue;
          if (session_missed (s))
            marked[s->number] = TRUE;
          if (ipt_chart_session_is_joint (s))
            marked[s->number] = joint[s->number] = TRUE;
        }
      for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
        for (guint i = 0; style->show_measure[m] && i < data->n_points[m]; i++)
          if (data->points[m][i].risk && data->points[m][i].session <= l->last_number)
            marked[data->points[m][i].session] = risk[data->points[m][i].session] = TRUE;

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
          if (w > mark_room (l, marked, s->number))
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

              double room, x;

              if (!p->risk || p->session > l->last_number)
                continue;
              /* Beside a joint session's mark, the two share the slot: the mark left, the
               * word right. */
              room = mark_room (l, marked, p->session)
                     - (joint[p->session] ? jw + l->small * 0.2 : 0);
              text_set (t, t->small_bold, C_("chart mark", "risk"), -1);
              text_size (t, &w, &h);
              if (w > room)
                {
                  text_set (t, t->small_bold, "!", -1);
                  text_size (t, &w, &h);
                }
              x = slot_x (l, p->session) - w / 2;
              if (joint[p->session])
                x = slot_x (l, p->session) - (jw + l->small * 0.2 + w) / 2 + jw + l->small * 0.2;
              _ipt_mood_chart_text_draw (cr, t, x, l->marks.y, &warn);
            }
        }

      for (guint n = 1; n <= l->last_number; n++)
        {
          double x = slot_x (l, n) - jw / 2;

          if (!joint[n])
            continue;
          if (risk[n])
            {
              text_set (t, t->small_bold, C_("chart mark", "risk"), -1);
              text_size (t, &w, &h);
              if (w > mark_room (l, marked, n) - jw - l->small * 0.2)
                {
                  text_set (t, t->small_bold, "!", -1);
                  text_size (t, &w, &h);
                }
              x = slot_x (l, n) - (jw + l->small * 0.2 + w) / 2;
            }
          draw_joint_mark (cr, t, l, x, l->marks.y, small_h, &joint_color);
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

  /* TRANSLATORS: the name of the chart's lane of life events, left of it; keep it short */
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
            IptChartColor c = mix (_ipt_mood_chart_phase_tint (style, IPT_PHASE_MIDDLE), series,
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
        case LEGEND_JOINT:
          {
            double w = joint_mark_width (l);

            draw_joint_mark (cr, t, l, x + (sw - w) / 2, y, small_h, &fg);
          }
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

  title = ipt_mood_chart_dup_title (data, style);
  text_set (&t, t.title, title, l.title.w);
  _ipt_mood_chart_text_draw (cr, &t, l.title.x, l.title.y, &style->foreground);
  if (l.show_subtitle)
    {
      g_autofree char *subtitle = _ipt_mood_chart_subtitle (data);
      IptChartColor mute = muted (style);

      text_set (&t, t.small, subtitle, l.subtitle.w);
      _ipt_mood_chart_text_draw (cr, &t, l.subtitle.x, l.subtitle.y, &mute);
    }

  draw_phases (cr, &t, &l, data, style);
  for (guint i = 0; i < l.n_panels; i++)
    _ipt_mood_chart_draw_panel (cr, &t, &l, &l.panels[i], data, style);
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
  hit->joint_session = 0;

  /* A joint session's mark under the axis. */
  if (l.show_marks && l.has_joint && y >= l.marks.y && y <= l.marks.y + l.marks.h)
    for (guint i = 0; i < data->n_sessions; i++)
      {
        const IptChartSession *s = &data->sessions[i];
        double sx = slot_x (&l, s->number);

        if (!ipt_chart_session_is_joint (s) || s->number > l.last_number
            || fabs (sx - x) > MAX (l.slot / 2, joint_mark_width (&l)))
          continue;
        hit->measure = IPT_CHART_MEASURE_PHQ9;
        hit->index = 0;
        hit->joint_session = s->number;
        hit->x = sx;
        hit->y = l.marks.y + l.marks.h / 2;
        _ipt_mood_chart_layout_clear (&l);
        _ipt_mood_chart_text_clear (&t);
        return TRUE;
      }

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
