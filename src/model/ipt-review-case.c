/* One de-identified case: plain data, owned by its reference count. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-review-case.h"

#include <stdio.h>
#include <string.h>

#include "ipt-course-map.h"
#include "ipt-measure.h"

G_DEFINE_BOXED_TYPE (IptReviewCase, ipt_review_case, ipt_review_case_ref, ipt_review_case_unref)

static void
clear_session (gpointer data)
{
  IptReviewSession *session = data;

  g_clear_pointer (&session->note, g_free);
}

static void
clear_person (gpointer data)
{
  IptReviewPerson *person = data;

  g_clear_pointer (&person->label, g_free);
  g_clear_pointer (&person->notes, g_free);
}

static void
clear_event (gpointer data)
{
  IptReviewEvent *event = data;

  g_clear_pointer (&event->person, g_free);
  g_clear_pointer (&event->title, g_free);
}

static void
clear_goal (gpointer data)
{
  IptReviewGoal *goal = data;

  g_clear_pointer (&goal->text, g_free);
}

IptReviewCase *
ipt_review_case_new (const char *code)
{
  IptReviewCase *self = g_new0 (IptReviewCase, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->code = g_strdup (code);
  self->agreed_week = IPT_REVIEW_WEEK_NONE;
  self->sessions = g_array_new (FALSE, TRUE, sizeof (IptReviewSession));
  g_array_set_clear_func (self->sessions, clear_session);
  self->scores = g_array_new (FALSE, TRUE, sizeof (IptReviewScore));
  self->people = g_array_new (FALSE, TRUE, sizeof (IptReviewPerson));
  g_array_set_clear_func (self->people, clear_person);
  self->events = g_array_new (FALSE, TRUE, sizeof (IptReviewEvent));
  g_array_set_clear_func (self->events, clear_event);
  self->goals = g_array_new (FALSE, TRUE, sizeof (IptReviewGoal));
  g_array_set_clear_func (self->goals, clear_goal);
  self->signals = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_signal_free);
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->session_reviews = g_ptr_array_new_with_free_func (g_object_unref);
  self->supervision_log = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

IptReviewCase *
ipt_review_case_ref (IptReviewCase *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ipt_review_case_unref (IptReviewCase *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->code);
  g_free (self->focus_person);
  g_free (self->progress_text);
  g_free (self->formulation);
  g_free (self->old_role);
  g_free (self->new_role);
  g_array_unref (self->sessions);
  g_array_unref (self->scores);
  g_array_unref (self->people);
  g_array_unref (self->events);
  g_array_unref (self->goals);
  g_ptr_array_unref (self->signals);
  g_ptr_array_unref (self->comments);
  g_ptr_array_unref (self->session_reviews);
  g_ptr_array_unref (self->supervision_log);
  g_clear_pointer (&self->outcome, ipt_outcome_free);
  g_free (self);
}

IptSignalKind
ipt_review_case_get_signal_kind (const IptReviewCase *self)
{
  g_return_val_if_fail (self != NULL, IPT_SIGNAL_NO_SCORES);

  if (self->signals->len == 0)
    return IPT_SIGNAL_NO_SCORES;
  return ((const IptSignal *) g_ptr_array_index (self->signals, 0))->kind;
}

guint
ipt_need_rank (IptSignalKind     kind,
               const IptOutcome *outcome)
{
  switch (kind)
    {
    case IPT_SIGNAL_RISK:
      return 0;
    case IPT_SIGNAL_DETERIORATION:
      return 1;
    case IPT_SIGNAL_NOT_ON_TRACK:
      return 2;
    case IPT_SIGNAL_ON_TRACK:
      return 3;
    case IPT_SIGNAL_NO_SCORES:
      return 4;
    case IPT_SIGNAL_OUTCOME:
    default:
      break;
    }
  if (outcome == NULL)
    return 7;
  switch (outcome->category)
    {
    case IPT_OUTCOME_RELIABLE_DETERIORATION:
      return 5;
    case IPT_OUTCOME_NO_RELIABLE_CHANGE:
      return 6;
    case IPT_OUTCOME_INSUFFICIENT_DATA:
      return 7;
    case IPT_OUTCOME_RELIABLE_IMPROVEMENT:
      return 8;
    case IPT_OUTCOME_RECOVERY:
      return 9;
    case IPT_OUTCOME_RELIABLE_RECOVERY:
    default:
      return 10;
    }
}

int
ipt_review_case_compare_need (gconstpointer a,
                              gconstpointer b)
{
  const IptReviewCase *x = *(IptReviewCase * const *) a;
  const IptReviewCase *y = *(IptReviewCase * const *) b;
  guint rx = ipt_need_rank (ipt_review_case_get_signal_kind (x), x->outcome);
  guint ry = ipt_need_rank (ipt_review_case_get_signal_kind (y), y->outcome);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

static GDate *
parse_date (const char *iso)
{
  int y, m, d;
  char end;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

int
ipt_review_week_between (const char *start,
                         const char *date)
{
  GDate *a = parse_date (start);
  GDate *b = parse_date (date);
  int days, week = IPT_REVIEW_WEEK_NONE;

  if (a != NULL && b != NULL)
    {
      days = g_date_days_between (a, b);
      /* floor division: the six days before the start are week -1 */
      week = days >= 0 ? days / 7 : -((-days + 6) / 7);
    }
  g_clear_pointer (&a, g_date_free);
  g_clear_pointer (&b, g_date_free);
  return week;
}

IptCaseSummary *
ipt_review_case_to_summary (const IptReviewCase *self)
{
  g_autoptr(IptClient) client = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GArray) appointments = NULL;
  g_autoptr(GArray) phq9 = NULL;
  g_autoptr(GArray) gad7 = NULL;
  IptCaseSummary *summary;
  gboolean risk_open = FALSE;
  guint risk_last = 0;

  g_return_val_if_fail (self != NULL, NULL);

  client = ipt_client_new (self->code);
  ipt_client_set_id (client, self->episode_id);
  episode = ipt_episode_new (self->episode_id, NULL, self->planned_sessions);
  ipt_episode_set_id (episode, self->episode_id);
  ipt_episode_set_assessment_end (episode, self->assessment_end);
  ipt_episode_set_middle_end (episode, self->middle_end);
  ipt_episode_set_focus (episode, self->focus);
  ipt_episode_set_secondary_focus (episode, self->secondary_focus);
  ipt_episode_set_status (episode, self->status);

  appointments = g_array_new (FALSE, FALSE, sizeof (IptAppointment));
  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    {
      const IptReviewSession *session = &g_array_index (self->sessions, IptReviewSession, i);
      IptAppointment appointment = { session->number,
                                     session->attendance == IPT_ATTENDANCE_ATTENDED, FALSE };

      g_array_append_val (appointments, appointment);
    }

  phq9 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  gad7 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  for (guint i = 0; self->scores != NULL && i < self->scores->len; i++)
    {
      const IptReviewScore *score = &g_array_index (self->scores, IptReviewScore, i);
      IptSeriesPoint point = { score->session, score->total, score->risk_item };

      if (strcmp (score->measure, "phq9") == 0)
        {
          g_array_append_val (phq9, point);
          if (score->risk_item != IPT_ITEM_MISSING && score->risk_item > 0)
            risk_last = MAX (risk_last, score->session);
        }
      else if (strcmp (score->measure, "gad7") == 0)
        {
          g_array_append_val (gad7, point);
        }
    }

  summary = ipt_case_summary_new (client, episode,
                                  (const IptAppointment *) (void *) appointments->data,
                                  appointments->len,
                                  (const IptSeriesPoint *) (void *) phq9->data, phq9->len,
                                  (const IptSeriesPoint *) (void *) gad7->data, gad7->len);

  /* The file says whether the practitioner reviewed the risk: its signals were computed with
   * the casebook's risk reviews, which do not leave it. */
  for (guint i = 0; self->signals != NULL && i < self->signals->len; i++)
    risk_open |= ((IptSignal *) g_ptr_array_index (self->signals, i))->kind == IPT_SIGNAL_RISK;
  if (!risk_open && risk_last > 0)
    ipt_case_summary_set_risk_reviewed_through (summary, risk_last);
  return summary;
}
