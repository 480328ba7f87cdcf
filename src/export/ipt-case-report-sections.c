/* The case report's sections: contract, focus and formulation, inventory, timeline, mood
 * chart and scores, outcome, goals, session work, ending. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-case-report-private.h"

#include <glib/gi18n.h>

#include "ipt-closeness-circle.h"
#include "ipt-date-format.h"
#include "ipt-goal-chart.h"
#include "ipt-timeline-chart.h"
#include "ipt-mood-chart.h"

/* A field whose value is a date, written the way the reader's locale writes one. */
static void
write_date_field (IptReportWriter *w,
                  const char      *label,
                  const char      *iso_date)
{
  g_autofree char *shown = ipt_date_format_display (iso_date);

  _ipt_report_field (w, label, shown);
}

/* Whether a person gives the client support and is confided in, as one whole phrase. */
static const char *
support_text (IptPerson *person)
{
  gboolean supportive = ipt_person_get_supportive (person);
  gboolean confidant = ipt_person_get_confidant (person);

  if (supportive && confidant)
    /* TRANSLATORS: in a report, how a person of the client's inventory supports them */
    return _("Supportive and confided in");
  if (supportive)
    /* TRANSLATORS: in a report, how a person of the client's inventory supports them */
    return _("Supportive, not confided in");
  if (confidant)
    /* TRANSLATORS: in a report, how a person of the client's inventory supports them */
    return _("Confided in, not supportive");
  /* TRANSLATORS: in a report, how a person of the client's inventory supports them */
  return _("Neither supportive nor confided in");
}

static IptPerson *
find_person (const IptCaseReport *report,
             gint64               person_id)
{
  for (guint i = 0; person_id != 0 && i < report->people->len; i++)
    if (ipt_person_get_id (g_ptr_array_index (report->people, i)) == person_id)
      return g_ptr_array_index (report->people, i);
  return NULL;
}

/* "Jamie (partner)", or NULL. */
static char *
person_label (const IptCaseReport *report,
              gint64               person_id)
{
  IptPerson *person = find_person (report, person_id);
  const char *relationship;

  if (person == NULL)
    return NULL;
  relationship = ipt_person_get_relationship (person);
  if (relationship == NULL || *relationship == '\0')
    return g_strdup (ipt_person_get_name (person));
  /* TRANSLATORS: a person of the inventory: name (relationship) */
  return g_strdup_printf (_("%s (%s)"), ipt_person_get_name (person), relationship);
}

static const char *
focus_name (IptFocus focus)
{
  return focus != IPT_FOCUS_NONE ? ipt_focus_to_label (focus, FALSE) : _("Not chosen yet");
}

/* "16 sessions, weekly, focus: Role dispute with Jamie" */
static char *
contract_line (const IptCaseReport *report)
{
  IptPerson *person = find_person (report, ipt_focus_fields_get_person_id (report->focus[0]));

  return ipt_focus_fields_describe_contract (report->focus[0],
                                             ipt_episode_get_planned_sessions (report->episode),
                                             person != NULL ? ipt_person_get_name (person) : NULL);
}

/* Contract and phases */

void
_ipt_report_write_contract (IptReportWriter     *w,
                            const IptCaseReport *report)
{
  IptEpisode *e = report->episode;
  guint planned = ipt_episode_get_planned_sessions (e);
  guint a = ipt_episode_get_assessment_end (e), m = ipt_episode_get_middle_end (e);
  g_autofree char *contract = contract_line (report);
  g_autofree char *phases = NULL;
  g_autofree char *attended = NULL;
  guint n_attended = 0, n_missed = 0;

  for (guint i = 0; i < report->sessions->len; i++)
    {
      if (ipt_session_get_attended (g_ptr_array_index (report->sessions, i)))
        n_attended++;
      else
        n_missed++;
    }

  _ipt_report_heading (w, 2, _("Contract and phases"));
  _ipt_report_field (w, _("Contract"), contract);
  write_date_field (w, _("Started"), ipt_episode_get_start_date (e));
  /* TRANSLATORS: the phases of a course by session number */
  phases = g_strdup_printf (_("Assessment: sessions 1 to %u · Middle: %u to %u · End: %u to %u"),
                            a, a + 1, m, m + 1, planned);
  _ipt_report_field (w, _("Phases"), phases);
  _ipt_report_field (w, _("Status"), ipt_episode_status_to_label (ipt_episode_get_status (e)));
  attended = g_strdup_printf (_("%u attended, %u missed or cancelled"), n_attended, n_missed);
  _ipt_report_field (w, _("Sessions"), attended);
  if (report->maintenance != NULL)
    {
      guint n_planned = ipt_maintenance_get_planned_sessions (report->maintenance);
      guint weeks = ipt_maintenance_get_interval_weeks (report->maintenance);
      g_autofree char *from = ipt_date_format_display (ipt_maintenance_get_start_date (report->maintenance));
      /* TRANSLATORS: how often maintenance sessions are, "one every 4 weeks" */
      g_autofree char *every = g_strdup_printf (ngettext ("one every %u week", "one every %u weeks",
                                                          weeks),
                                                weeks);
      /* TRANSLATORS: a maintenance contract, "6 sessions, one every 4 weeks, from 2026-05-04" */
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u session, %s, from %s", "%u sessions, %s, from %s",
                                   n_planned),
                         n_planned, every, from);

      _ipt_report_field (w, _("Maintenance"), text);
    }
}

/* Focus and formulation */

static void
write_focus (IptReportWriter     *w,
             const IptCaseReport *report,
             guint                rank)
{
  IptFocusFields *fields = report->focus[rank];
  IptFocus focus = ipt_focus_fields_get_focus (fields);
  g_autofree char *heading = NULL;
  g_autofree char *person = person_label (report, ipt_focus_fields_get_person_id (fields));
  const char *missing = ipt_focus_fields_get_missing (fields);

  if (focus == IPT_FOCUS_NONE && rank == 1)
    return;

  /* The focus's name is the heading, so that a report can be searched for it. */
  heading = rank == 0 ? g_strdup (focus_name (focus))
                      /* TRANSLATORS: the heading of a secondary focus, "Grief (secondary focus)" */
                      : g_strdup_printf (_("%s (secondary focus)"), focus_name (focus));
  _ipt_report_heading (w, 2, heading);
  _ipt_report_paragraph (w, w->small, ipt_focus_to_description (focus));

  switch (focus)
    {
    case IPT_FOCUS_GRIEF:
      _ipt_report_field (w, _("Person who died"), person);
      write_date_field (w, _("Date of death"), ipt_focus_fields_get_date (fields));
      break;

    case IPT_FOCUS_ROLE_DISPUTE:
      {
        GArray *stages = report->stages[rank];
        g_autoptr(GString) history = g_string_new (NULL);

        _ipt_report_field (w, _("The other person"), person);
        if (ipt_focus_fields_get_dispute_stage (fields) != IPT_DISPUTE_STAGE_NONE)
          _ipt_report_field (w, _("Stage"),
                             ipt_dispute_stage_to_label (ipt_focus_fields_get_dispute_stage (fields)));
        for (guint i = 0; i < stages->len; i++)
          {
            const IptDisputeStageChange *change = &g_array_index (stages, IptDisputeStageChange, i);

            if (history->len > 0)
              g_string_append (history, "; ");
            /* TRANSLATORS: a dispute's stage and the session it was recorded at */
            g_string_append_printf (history, _("%s from session %u"),
                                    ipt_dispute_stage_to_label (change->stage),
                                    change->session_number);
          }
        _ipt_report_field (w, _("Stage history"), history->str);
      }
      break;

    case IPT_FOCUS_ROLE_TRANSITION:
      _ipt_report_field (w, _("Old role"), ipt_focus_fields_get_old_role (fields));
      _ipt_report_field (w, _("New role"), ipt_focus_fields_get_new_role (fields));
      write_date_field (w, _("Date of the change"), ipt_focus_fields_get_date (fields));
      break;

    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
    case IPT_FOCUS_NONE:
    default:
      break;
    }
  _ipt_report_field (w, _("Still to record"), missing);
}

void
_ipt_report_write_formulation (IptReportWriter     *w,
                               const IptCaseReport *report)
{
  const char *formulation = ipt_episode_get_formulation (report->episode);
  const char *agreed = ipt_episode_get_agreed_on (report->episode);
  g_autofree char *agreed_text = NULL;
  g_autofree char *agreed_shown = NULL;

  _ipt_report_heading (w, 1, _("Focus and formulation"));
  write_focus (w, report, 0);
  write_focus (w, report, 1);

  _ipt_report_heading (w, 2, _("Formulation"));
  _ipt_report_paragraph (w, NULL, formulation != NULL && *formulation != '\0'
                                  ? formulation : _("No formulation written yet."));
  agreed_shown = ipt_date_format_display (agreed);
  agreed_text = agreed != NULL ? g_strdup_printf (_("Agreed with the client on %s."), agreed_shown)
                               : g_strdup (_("Not yet agreed with the client."));
  _ipt_report_paragraph (w, w->small, agreed_text);
}

/* Interpersonal inventory */

typedef struct
{
  IptCirclePerson *people;
  guint            n_people;
} CircleDraw;

static void
draw_circle (cairo_t *cr,
             double   width,
             double   height,
             gpointer data)
{
  CircleDraw *circle = data;
  IptCircleOptions options = { TRUE, 0 };
  IptChartStyle style;

  ipt_chart_style_init (&style, FALSE);
  style.font_family = "Cantarell,DejaVu Sans,Sans";
  ipt_closeness_circle_render (cr, circle->people, circle->n_people, &options, &style,
                               width, height);
}

void
_ipt_report_write_inventory (IptReportWriter     *w,
                             const IptCaseReport *report)
{
  g_autofree IptCirclePerson *circle_people = g_new0 (IptCirclePerson, MAX (report->people->len, 1));
  gint64 focus_ids[2] = { ipt_focus_fields_get_person_id (report->focus[0]),
                          ipt_focus_fields_get_person_id (report->focus[1]) };
  CircleDraw circle = { circle_people, report->people->len };

  /* The section's heading stays with the circle. */
  if (report->people->len > 0)
    _ipt_report_need (w, 400);
  _ipt_report_heading (w, 1, _("Interpersonal inventory"));
  if (report->people->len == 0)
    _ipt_report_paragraph (w, NULL, _("No one recorded in the inventory yet."));

  for (guint i = 0; i < report->people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (report->people, i);

      circle_people[i] = (IptCirclePerson) {
        ipt_person_get_id (person), ipt_person_get_name (person),
        ipt_person_get_relationship (person), ipt_person_get_ring (person),
        ipt_person_get_ideal_ring (person),
        ipt_closeness_circle_focus_of (ipt_person_get_id (person), focus_ids,
                                       G_N_ELEMENTS (focus_ids)),
      };
    }
  if (report->people->len > 0)
    {
      _ipt_report_need (w, 330 + 40);
      _ipt_report_heading (w, 2, _("Closeness circle"));
      _ipt_report_picture (w, 330, 330, draw_circle, &circle);
      _ipt_report_paragraph (w, w->small,
                             _("Ring 1 is the closest. A double red ring marks the person of the "
                               "focus; a faint empty circle joined to a person shows where the "
                               "client would like them to be."));
    }

  for (guint i = 0; i < report->people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (report->people, i);
      g_autofree char *heading = ipt_closeness_circle_describe (&circle_people[i]);

      _ipt_report_heading (w, 3, heading);
      _ipt_report_field (w, _("Time together and shared activities"), ipt_person_get_contact (person));
      _ipt_report_field (w, ipt_person_text_to_label (IPT_PERSON_TALK_ABOUT),
                         ipt_person_get_text (person, IPT_PERSON_TALK_ABOUT));
      _ipt_report_field (w, ipt_person_text_to_label (IPT_PERSON_CANNOT_TALK_ABOUT),
                         ipt_person_get_text (person, IPT_PERSON_CANNOT_TALK_ABOUT));
      _ipt_report_field (w, _("Liked"), ipt_person_get_satisfying (person));
      _ipt_report_field (w, _("Disliked"), ipt_person_get_unsatisfying (person));
      _ipt_report_field (w, ipt_person_text_to_label (IPT_PERSON_ARGUMENTS),
                         ipt_person_get_text (person, IPT_PERSON_ARGUMENTS));
      if (ipt_person_get_arguments_resolve (person) != IPT_ARGUMENTS_RESOLVE_UNKNOWN)
        _ipt_report_field (w, _("Do arguments resolve?"),
                           ipt_arguments_resolve_to_label (ipt_person_get_arguments_resolve (person)));
      _ipt_report_field (w, _("Knows about the client’s mood"),
                         ipt_person_get_knows_about_mood (person) ? _("Yes") : _("No"));
      _ipt_report_field (w, _("Changes wanted"), ipt_person_get_changes_wanted (person));
      _ipt_report_field (w, _("Support"), support_text (person));
    }

  if (!ipt_inventory_notes_is_empty (report->notes))
    {
      _ipt_report_heading (w, 2, _("The client’s relationships as a whole"));
      for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
        _ipt_report_field (w, ipt_inventory_text_to_label (i),
                           ipt_inventory_notes_get_text (report->notes, i));
    }
}

/* Timeline, mood chart, scores */

static void
draw_timeline (cairo_t *cr,
               double   width,
               double   height,
               gpointer data)
{
  const IptCaseReport *report = data;
  g_autofree IptTimelineEvent *events = g_new0 (IptTimelineEvent, MAX (report->events->len, 1));
  g_autofree IptTimelineScore *scores = g_new0 (IptTimelineScore, MAX (report->scores->len, 1));
  guint n_scores = 0;
  IptChartStyle style;

  for (guint i = 0; i < report->events->len; i++)
    {
      IptLifeEvent *event = g_ptr_array_index (report->events, i);

      events[i] = (IptTimelineEvent) { ipt_life_event_get_date (event),
                                       ipt_life_event_get_title (event),
                                       ipt_life_event_get_impact (event) };
    }
  for (guint i = 0; i < report->sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (report->sessions, i);

      for (guint k = 0; k < report->scores->len; k++)
        {
          IptScore *score = g_ptr_array_index (report->scores, k);

          if (ipt_score_get_session_id (score) == ipt_session_get_id (session)
              && ipt_session_get_attended (session)
              && g_strcmp0 (ipt_score_get_measure_id (score), "phq9") == 0
              && ipt_score_has_total (score))
            scores[n_scores++] = (IptTimelineScore) { ipt_session_get_date (session),
                                                      ipt_score_get_total (score) };
        }
    }

  ipt_chart_style_init (&style, FALSE);
  style.font_family = "Cantarell,DejaVu Sans,Sans";
  style.font_size = 9;
  ipt_timeline_chart_render (cr, events, report->events->len, scores, n_scores, &style,
                             width, height);
}

void
_ipt_report_write_timeline (IptReportWriter     *w,
                            const IptCaseReport *report)
{
  static const double widths[] = { 0.16, 0.10, 0.50, 0.24 };
  const char *header[] = { _("Date"), _("Impact"), _("Event"), _("Person") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* the heading and its chart on one page */
  if (report->events->len > 0)
    _ipt_report_need (w, 190 + 50);
  _ipt_report_heading (w, 1, _("Timeline"));
  if (report->events->len == 0)
    {
      _ipt_report_paragraph (w, NULL, _("No life events recorded."));
      return;
    }
  _ipt_report_picture (w, _ipt_report_content_width (), 190, draw_timeline, (gpointer) report);
  for (guint i = 0; i < report->events->len; i++)
    {
      IptLifeEvent *event = g_ptr_array_index (report->events, i);
      char **row = g_new0 (char *, 5);

      row[0] = ipt_date_format_display (ipt_life_event_get_date (event));
      row[1] = ipt_life_event_format_impact (ipt_life_event_get_impact (event));
      row[2] = g_strdup (ipt_life_event_get_title (event));
      row[3] = person_label (report, ipt_life_event_get_person_id (event));
      if (row[3] == NULL)
        row[3] = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  _ipt_report_table (w, header, widths, G_N_ELEMENTS (widths), rows);
  _ipt_report_paragraph (w, w->small, _("Impact on mood from −5 (much worse) to +5 (much better), "
                                        "against the PHQ-9 line of the course; the same events are "
                                        "on the mood chart's lane."));
}

static void
draw_mood_chart (cairo_t *cr,
                 double   width,
                 double   height,
                 gpointer data)
{
  IptChartStyle style;

  ipt_chart_style_init (&style, FALSE);
  style.font_family = "Cantarell,DejaVu Sans,Sans";
  style.font_size = 8;
  ipt_mood_chart_render (cr, data, &style, width, height);
}

static const IptScore *
find_score (const IptCaseReport *report,
            gint64               session_id,
            const char          *measure)
{
  for (guint i = 0; i < report->scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (report->scores, i);

      if (ipt_score_get_session_id (score) == session_id
          && g_strcmp0 (ipt_score_get_measure_id (score), measure) == 0)
        return score;
    }
  return NULL;
}

static char *
score_text (const IptScore *score)
{
  if (score == NULL)
    return g_strdup ("");
  if (!ipt_score_has_total ((IptScore *) score))
    return g_strdup (_("incomplete"));
  return g_strdup_printf ("%d", ipt_score_get_total ((IptScore *) score));
}

/* Who attended a session with the client, in words ("Jamie, partner"), or "". */
static char *
attendees_text (const IptCaseReport *report,
                IptSession          *session)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < report->attendees->len; i++)
    {
      IptAttendee *attendee = g_ptr_array_index (report->attendees, i);
      g_autofree char *label = NULL;

      if (attendee->session_id != ipt_session_get_id (session))
        continue;
      label = ipt_attendee_to_label (attendee);
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, label);
    }
  if (text->len == 0 && ipt_session_get_attendees (session) != IPT_ATTENDEES_CLIENT_ALONE)
    g_string_append (text, ipt_attendees_to_label (ipt_session_get_attendees (session)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_ipt_report_write_scores (IptReportWriter     *w,
                          const IptCaseReport *report)
{
  static const double widths[] = { 0.05, 0.11, 0.16, 0.16, 0.18, 0.08, 0.08, 0.08, 0.10 };
  /* TRANSLATORS: a column of the sessions table: who came with the client to a joint session
   * ("Jamie, partner"); empty when the client came alone */
  const char *header[] = { _("No."), _("Date"), _("Phase"), _("Attendance"), _("With"),
                           "PHQ-9", "GAD-7", "WSAS", _("Item 9") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *described = ipt_chart_data_describe (report->chart);

  _ipt_report_need (w, 360);
  _ipt_report_heading (w, 1, _("Mood chart"));
  _ipt_report_picture (w, _ipt_report_content_width (), 300, draw_mood_chart, report->chart);
  _ipt_report_paragraph (w, w->small, described);

  _ipt_report_heading (w, 2, _("Scores: PHQ-9, GAD-7 and WSAS"));
  if (report->sessions->len == 0)
    {
      _ipt_report_paragraph (w, NULL, _("No sessions recorded yet."));
      return;
    }
  for (guint i = 0; i < report->sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (report->sessions, i);
      const IptScore *phq9 = find_score (report, ipt_session_get_id (session), "phq9");
      char **row = g_new0 (char *, 10);
      int item9 = phq9 != NULL ? ipt_score_get_risk_item ((IptScore *) phq9) : IPT_ITEM_MISSING;

      row[0] = g_strdup_printf ("%u", ipt_session_get_number (session));
      row[1] = ipt_date_format_display (ipt_session_get_date (session));
      row[2] = g_strdup (ipt_phase_to_label (ipt_session_get_phase (session)));
      row[3] = g_strdup (ipt_attendance_to_label (ipt_session_get_attendance (session)));
      row[4] = attendees_text (report, session);
      row[5] = score_text (phq9);
      row[6] = score_text (find_score (report, ipt_session_get_id (session), "gad7"));
      row[7] = score_text (find_score (report, ipt_session_get_id (session), "wsas"));
      row[8] = phq9 == NULL ? g_strdup ("")
               : item9 == IPT_ITEM_MISSING ? g_strdup (_("not known"))
               : item9 > 0 ? g_strdup_printf (_("%d: risk"), item9)
               : g_strdup ("0");
      g_ptr_array_add (rows, row);
    }
  _ipt_report_table (w, header, widths, G_N_ELEMENTS (widths), rows);
}

/* Outcome */

void
_ipt_report_write_outcome (IptReportWriter     *w,
                           const IptCaseReport *report)
{
  const IptOutcome *o = report->outcome;
  gboolean running = ipt_episode_get_status (report->episode) == IPT_EPISODE_STATUS_ACTIVE;
  g_autofree char *label = NULL;

  _ipt_report_heading (w, 1, _("Outcome"));
  label = running
          /* TRANSLATORS: the outcome of a course still running, "Recovery (so far)" */
          ? g_strdup_printf (_("%s (so far: the course is still running)"),
                             ipt_outcome_category_to_label (o->category))
          : g_strdup (ipt_outcome_category_to_label (o->category));
  _ipt_report_field (w, _("Outcome"), label);
  _ipt_report_field (w, _("Why"), o->rule);

  _ipt_report_heading (w, 2, _("The rules, in words"));
  _ipt_report_paragraph (w, w->small,
                         _("The outcome follows the NHS Talking Therapies definitions, from the "
                           "first and last attended sessions that have each measure (PHQ-9 for "
                           "depression, GAD-7 for anxiety; PHQ-9 alone when GAD-7 was not taken "
                           "twice)."));
  _ipt_report_paragraph (w, w->small,
                         _("Finished treatment: at least two attended sessions with a PHQ-9. "
                           "Caseness at start: first PHQ-9 of 10 or more, or first GAD-7 of 8 or "
                           "more. Recovery: at caseness at start, and the last PHQ-9 below 10 and "
                           "the last GAD-7 below 8. Reliable improvement: PHQ-9 down by 6 or more, "
                           "or GAD-7 down by 4 or more, and neither reliably worse. Reliable "
                           "deterioration: PHQ-9 up by 6 or more, or GAD-7 up by 4 or more, and "
                           "neither reliably better. Reliable recovery: recovery and reliable "
                           "improvement together. No reliable change: neither."));
}

/* Goals, session work, ending */

static void
draw_goal_chart (cairo_t *cr,
                 double   width,
                 double   height,
                 gpointer data)
{
  const IptCaseReport *report = data;
  g_autofree IptGoalSeries *series = g_new0 (IptGoalSeries, report->goals->len);
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_free);
  IptChartStyle style;

  for (guint i = 0; i < report->goals->len; i++)
    {
      IptReportGoal *goal = g_ptr_array_index (report->goals, i);
      IptGoalPoint *p = g_new0 (IptGoalPoint, MAX (goal->ratings->len, 1));

      for (guint r = 0; r < goal->ratings->len; r++)
        {
          const IptGoalRating *rating = &g_array_index (goal->ratings, IptGoalRating, r);

          p[r] = (IptGoalPoint) { rating->session_number, rating->rating };
        }
      g_ptr_array_add (points, p);
      series[i] = (IptGoalSeries) { ipt_goal_get_text (goal->goal), p, goal->ratings->len };
    }

  ipt_chart_style_init (&style, FALSE);
  style.font_family = "Cantarell,DejaVu Sans,Sans";
  style.font_size = 9;
  ipt_goal_chart_render (cr, series, report->goals->len,
                         ipt_episode_get_planned_sessions (report->episode), &style, width, height);
}

void
_ipt_report_write_goals (IptReportWriter     *w,
                         const IptCaseReport *report)
{
  _ipt_report_heading (w, 1, _("Goals"));
  if (report->goals->len == 0)
    {
      _ipt_report_paragraph (w, NULL, _("No goals agreed yet."));
      return;
    }
  _ipt_report_picture (w, _ipt_report_content_width (), 110 + 14 * MIN (report->goals->len, 6),
                       draw_goal_chart, (gpointer) report);
  for (guint i = 0; i < report->goals->len; i++)
    {
      IptReportGoal *goal = g_ptr_array_index (report->goals, i);
      g_autoptr(GString) ratings = g_string_new (NULL);
      g_autofree char *label = g_strdup_printf (_("Goal %u"), i + 1);

      for (guint r = 0; r < goal->ratings->len; r++)
        {
          const IptGoalRating *rating = &g_array_index (goal->ratings, IptGoalRating, r);

          if (ratings->len > 0)
            g_string_append (ratings, " · ");
          /* TRANSLATORS: a goal's rating at a session, "session 4: 6/10" */
          g_string_append_printf (ratings, _("session %u: %d/10"), rating->session_number,
                                  rating->rating);
        }
      _ipt_report_field (w, label, ipt_goal_get_text (goal->goal));
      _ipt_report_field (w, _("Ratings"), ratings->len > 0 ? ratings->str : _("not rated yet"));
    }
}

void
_ipt_report_write_session_work (IptReportWriter     *w,
                                const IptCaseReport *report)
{
  if (report->work->len == 0)
    return;

  _ipt_report_heading (w, 1, _("Session work by technique"));
  for (guint i = 0; i < report->work->len; i++)
    {
      IptSessionWork *work = g_ptr_array_index (report->work, i);
      guint number = 0;

      for (guint s = 0; s < report->sessions->len; s++)
        if (ipt_session_get_id (g_ptr_array_index (report->sessions, s))
            == ipt_session_work_get_session_id (work))
          number = ipt_session_get_number (g_ptr_array_index (report->sessions, s));

      for (guint t = 0; t < IPT_N_TECHNIQUES; t++)
        {
          g_autofree char *heading = NULL;

          if (!ipt_session_work_uses_technique (work, t))
            continue;
          /* TRANSLATORS: "Session 6: Role play" */
          heading = g_strdup_printf (_("Session %u: %s"), number, ipt_technique_to_label (t));
          _ipt_report_heading (w, 3, heading);
          for (guint f = 0; f < IPT_TECHNIQUE_N_FIELDS; f++)
            if (ipt_technique_field_get_technique (f) == t)
              _ipt_report_field (w, ipt_technique_field_to_label (f),
                                 ipt_session_work_get_text (work, f));
        }
    }
}

void
_ipt_report_write_ending (IptReportWriter     *w,
                          const IptCaseReport *report)
{
  _ipt_report_heading (w, 1, _("Ending and relapse prevention"));
  if (report->ending == NULL)
    {
      _ipt_report_paragraph (w, NULL, ipt_episode_get_status (report->episode)
                                      == IPT_EPISODE_STATUS_ACTIVE
                                      ? _("The course is still running.")
                                      : _("The course ended before an ending plan was recorded."));
      return;
    }
  write_date_field (w, _("Ended"), ipt_course_ending_get_end_date (report->ending));
  _ipt_report_field (w, _("Reason"),
                     ipt_end_reason_to_label (ipt_course_ending_get_reason (report->ending)));
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    _ipt_report_field (w, ipt_ending_text_to_label (i),
                       ipt_course_ending_get_text (report->ending, i));
  _ipt_report_field (w, _("Maintenance sessions offered"),
                     ipt_course_ending_get_maintenance_offered (report->ending) ? _("Yes") : _("No"));
}

