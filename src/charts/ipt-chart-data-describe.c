/* A mood chart's data said in words: the description read by screen readers and printed under
 * exported charts, and each point's tooltip. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-chart-data.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-chart-private.h"

/* "fell from 18, moderately severe, to 7, mild, over 12 sessions; reliable improvement" */
static void
describe_measure (GString            *text,
                  const IptChartData *data,
                  IptChartMeasure     m)
{
  const IptMeasure *measure = ipt_chart_measure_get (m);
  const IptChartPoint *points = data->points[m];
  guint n = data->n_points[m];
  const IptChartPoint *first, *last;
  const char *first_band, *last_band;
  int change;
  guint span;

  if (measure == NULL || n == 0)
    return;

  first = &points[0];
  last = &points[n - 1];
  first_band = ipt_measure_band_label (measure, first->total);
  last_band = ipt_measure_band_label (measure, last->total);

  if (text->len > 0)
    g_string_append (text, " ");

  if (n == 1)
    {
      /* TRANSLATORS: "PHQ-9 was 18, moderately severe, at session 1; one score so far." */
      g_string_append_printf (text, _("%s was %d, %s, at session %u; one score so far."),
                              measure->name, first->total,
                              first_band != NULL ? first_band : _("no band"), first->session);
      return;
    }

  change = last->total - first->total;
  /* Attended sessions from the first score to the last: missed appointments are not sessions. */
  span = 0;
  for (guint i = 0; i < ipt_course_map_get_n_appointments (data->course); i++)
    {
      const IptAppointment *a = &ipt_course_map_get_appointments (data->course)[i];

      if (a->attended && a->number >= first->session && a->number <= last->session)
        span++;
    }
  if (change < 0)
    /* TRANSLATORS: "PHQ-9 fell from 18, moderately severe, to 7, mild, over 12 sessions" */
    g_string_append_printf (text, ngettext ("%s fell from %d, %s, to %d, %s, over %u session",
                                            "%s fell from %d, %s, to %d, %s, over %u sessions",
                                            span),
                            measure->name, first->total, first_band ? first_band : _("no band"),
                            last->total, last_band ? last_band : _("no band"), span);
  else if (change > 0)
    g_string_append_printf (text, ngettext ("%s rose from %d, %s, to %d, %s, over %u session",
                                            "%s rose from %d, %s, to %d, %s, over %u sessions",
                                            span),
                            measure->name, first->total, first_band ? first_band : _("no band"),
                            last->total, last_band ? last_band : _("no band"), span);
  else
    g_string_append_printf (text, ngettext ("%s stayed at %d, %s, over %u session",
                                            "%s stayed at %d, %s, over %u sessions",
                                            span),
                            measure->name, first->total, first_band ? first_band : _("no band"),
                            span);

  if (measure->rci <= 0)
    g_string_append (text, _("; no reliable-change index"));
  else if (change <= -measure->rci)
    g_string_append (text, _("; reliable improvement"));
  else if (change >= measure->rci)
    g_string_append (text, _("; reliable deterioration"));
  else
    g_string_append (text, _("; no reliable change"));

  if (ipt_measure_has_caseness (measure))
    {
      gboolean was_case = ipt_measure_is_case (measure, first->total);
      gboolean is_case = ipt_measure_is_case (measure, last->total);

      if (was_case && !is_case)
        g_string_append_printf (text, _(", now below the cut-off of %d"), measure->caseness);
      else if (!was_case && is_case)
        g_string_append_printf (text, _(", now at or above the cut-off of %d"),
                                measure->caseness);
    }

  g_string_append (text, ".");
}

/* The phase inside the chart's description: lowercasing the phase's label would be wrong in a
 * language that capitalises nouns, so each language writes it as it reads there. A catalogue
 * without the phrase yet keeps the label lowercased. */
static char *
phase_in_sentence (IptPhase phase)
{
  const char *english, *phrase;

  switch (phase)
    {
    case IPT_PHASE_ASSESSMENT:
      english = "assessment";
      /* TRANSLATORS: a phase inside a sentence, "session 2 of 16, assessment phase"; write it
       * as it reads in "%s phase" there (German: "Anfangsphase", with "%s phase" as "%s") */
      phrase = C_("phase in a sentence", "assessment");
      break;
    case IPT_PHASE_MIDDLE:
      english = "middle";
      /* TRANSLATORS: a phase inside a sentence, "session 9 of 16, middle phase" */
      phrase = C_("phase in a sentence", "middle");
      break;
    case IPT_PHASE_END:
      english = "end";
      /* TRANSLATORS: a phase inside a sentence, "session 14 of 16, end phase" */
      phrase = C_("phase in a sentence", "end");
      break;
    case IPT_PHASE_MAINTENANCE:
    default:
      english = "maintenance";
      /* TRANSLATORS: a phase inside a sentence, "maintenance phase after a 16-session course" */
      phrase = C_("phase in a sentence", "maintenance");
      break;
    }
  if (g_str_equal (phrase, english))
    return g_utf8_strdown (ipt_phase_to_label (phase), -1);
  return g_strdup (phrase);
}

char *
ipt_chart_data_describe (const IptChartData *data)
{
  g_autoptr(GString) scores = g_string_new (NULL);
  GString *text;
  guint current, attended;

  g_return_val_if_fail (data != NULL, NULL);

  text = g_string_new (NULL);
  current = ipt_chart_data_get_current_session (data);
  attended = ipt_chart_data_get_sessions_attended (data);

  if (current == 0)
    g_string_append_printf (text, _("Mood chart of %s: no session attended yet."), data->code);
  else
    {
      IptPhase phase = ipt_course_map_get_phase (data->course);
      g_autofree char *phase_name = phase_in_sentence (phase);

      /* Attended sessions count; missed appointments keep their numbers on the axis. */
      if (data->status != IPT_EPISODE_STATUS_ACTIVE)
        /* TRANSLATORS: "Mood chart of C-0042, course ended at session 16 of 16." */
        g_string_append_printf (text, _("Mood chart of %s, course ended at session %u of %u."),
                                data->code, attended, data->planned_sessions);
      else if (phase == IPT_PHASE_MAINTENANCE)
        /* TRANSLATORS: "Mood chart of C-0051, maintenance phase after a 16-session course." */
        g_string_append_printf (text, _("Mood chart of %s, %s phase after a %u-session course."),
                                data->code, phase_name, data->planned_sessions);
      else
        /* TRANSLATORS: "Mood chart of C-0017, session 9 of 16, middle phase." */
        g_string_append_printf (text, _("Mood chart of %s, session %u of %u, %s phase."),
                                data->code, attended, data->planned_sessions, phase_name);
    }

  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    describe_measure (scores, data, m);

  if (scores->len == 0)
    g_string_append_printf (text, " %s", _("No scores recorded yet."));
  else
    g_string_append_printf (text, " %s", scores->str);

  {
    g_autofree char *joint = ipt_chart_data_describe_joint_sessions (data);

    if (joint != NULL)
      g_string_append_printf (text, " %s", joint);
  }

  return g_string_free (text, FALSE);
}

char *
ipt_chart_data_describe_point (const IptChartData *data,
                               IptChartMeasure     m,
                               guint               index)
{
  const IptMeasure *measure;
  const IptChartPoint *point, *first;
  const IptChartSession *session;
  g_autofree char *date = NULL;
  g_autofree char *change = NULL;
  const char *band;
  GString *text;
  int delta;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (m < IPT_CHART_N_MEASURES, NULL);
  g_return_val_if_fail (index < data->n_points[m], NULL);

  measure = ipt_chart_measure_get (m);
  point = &data->points[m][index];
  first = &data->points[m][0];
  session = ipt_chart_data_find_session (data, point->session);
  date = session != NULL ? ipt_chart_format_date (session->date) : NULL;
  band = ipt_measure_band_label (measure, point->total);
  text = g_string_new (NULL);

  if (date != NULL)
    /* TRANSLATORS: tooltip heading: "Session 9 · 27 Jul" */
    g_string_append_printf (text, _("Session %u · %s"), point->session, date);
  else
    g_string_append_printf (text, _("Session %u"), point->session);

  g_string_append_printf (text, "\n%s %d", measure->name, point->total);
  if (band != NULL)
    g_string_append_printf (text, " · %s", band);

  delta = point->total - first->total;
  change = ipt_chart_format_change (delta);
  if (index == 0)
    g_string_append_printf (text, "\n%s", _("First score"));
  else if (measure->rci > 0 && delta <= -measure->rci)
    /* TRANSLATORS: "−8 from the first score (19): reliable improvement" */
    g_string_append_printf (text, _("\n%s from the first score (%d): reliable improvement"),
                            change, first->total);
  else if (measure->rci > 0 && delta >= measure->rci)
    g_string_append_printf (text, _("\n%s from the first score (%d): reliable deterioration"),
                            change, first->total);
  else if (measure->rci > 0)
    g_string_append_printf (text, _("\n%s from the first score (%d): within ±%d, not reliable"),
                            change, first->total, measure->rci);
  else
    g_string_append_printf (text, _("\n%s from the first score (%d)"), change, first->total);

  {
    g_autofree char *joint = session != NULL ? ipt_chart_session_describe_joint (session) : NULL;

    if (joint != NULL)
      g_string_append_printf (text, "\n%s", joint);
  }

  if (point->risk)
    {
      guint n_reviews = 0;

      /* TRANSLATORS: "Risk: item 9 answered 1" */
      g_string_append_printf (text, _("\nRisk: item %d answered %d"),
                              measure->risk_item + 1, point->risk_item);

      /* The reviews made at this session or after it: they cover it. */
      for (guint i = 0; i < data->n_risk_reviews; i++)
        {
          const IptChartRiskReview *review = &data->risk_reviews[i];
          g_autofree char *review_date = NULL;

          if (session == NULL || session->date == NULL
              || strcmp (review->date, session->date) < 0)
            continue;
          review_date = ipt_chart_format_date (review->date);
          /* TRANSLATORS: a risk review in a chart's tooltip: its date, then its plan */
          g_string_append_printf (text, _("\nRisk review %s · plan: %s"),
                                  review_date != NULL ? review_date : review->date, review->plan);
          n_reviews++;
        }
      if (n_reviews == 0)
        g_string_append_printf (text, "\n%s",
                                _("No risk review recorded since: the flag stays until one is"));
    }
  else if (ipt_signal_risk_item_state (measure->id, point->risk_item, FALSE)
           == IPT_RISK_ITEM_NOT_KNOWN)
    {
      /* a total only: nothing known about item 9, which is not the same as no risk */
      g_autofree char *unknown = ipt_signal_risk_item_not_known_text (measure->id);
      g_autofree char *capital = g_strdup (unknown);

      capital[0] = g_ascii_toupper (capital[0]);
      g_string_append_printf (text, "\n%s", capital);
    }

  return g_string_free (text, FALSE);
}
