/* Reading everything a case report shows of a course from the store. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-case-report-private.h"

#include <glib/gi18n.h>

static void
report_goal_free (IptReportGoal *goal)
{
  g_clear_object (&goal->goal);
  g_clear_pointer (&goal->ratings, g_array_unref);
  g_free (goal);
}

void
ipt_case_report_free (IptCaseReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->client);
  g_clear_object (&report->episode);
  g_clear_pointer (&report->sessions, g_ptr_array_unref);
  g_clear_pointer (&report->scores, g_ptr_array_unref);
  g_clear_pointer (&report->people, g_ptr_array_unref);
  g_clear_pointer (&report->events, g_ptr_array_unref);
  g_clear_pointer (&report->goals, g_ptr_array_unref);
  g_clear_pointer (&report->attendees, g_ptr_array_unref);
  g_clear_pointer (&report->work, g_ptr_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&report->focus[i]);
      g_clear_pointer (&report->stages[i], g_array_unref);
    }
  g_clear_object (&report->notes);
  g_clear_object (&report->ending);
  g_clear_object (&report->maintenance);
  g_clear_pointer (&report->risk_reviews, g_ptr_array_unref);
  g_clear_pointer (&report->chart, ipt_chart_data_unref);
  g_clear_pointer (&report->outcome, ipt_outcome_free);
  g_free (report);
}

IptCaseReport *
ipt_case_report_load (IptStore   *store,
                      IptClient  *client,
                      IptEpisode *episode,
                      GError    **error)
{
  g_autoptr(IptCaseReport) report = g_new0 (IptCaseReport, 1);
  g_autoptr(GPtrArray) goals = NULL;
  GError *local_error = NULL;
  gint64 episode_id, client_id;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (IPT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (episode == NULL || IPT_IS_EPISODE (episode), NULL);

  client_id = ipt_client_get_id (client);
  report->client = g_object_ref (client);
  if (episode != NULL)
    report->episode = g_object_ref (episode);
  else
    {
      report->episode = ipt_store_get_current_episode (store, client_id, &local_error);
      if (report->episode == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                         _("%s has no course to report on"), ipt_client_get_code (client));
          return NULL;
        }
    }
  episode_id = ipt_episode_get_id (report->episode);

  if ((report->sessions = ipt_store_list_sessions (store, episode_id, error)) == NULL
      || (report->scores = ipt_store_list_scores (store, episode_id, error)) == NULL
      || (report->people = ipt_store_list_people (store, client_id, error)) == NULL
      || (report->events = ipt_store_list_life_events (store, client_id, error)) == NULL
      || (goals = ipt_store_list_goals (store, episode_id, error)) == NULL
      || (report->attendees = ipt_store_list_course_attendees (store, episode_id, error)) == NULL
      || (report->notes = ipt_store_get_inventory_notes (store, client_id, error)) == NULL
      || (report->risk_reviews = ipt_store_list_risk_reviews (store, episode_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < 2; i++)
    if ((report->focus[i] = ipt_store_get_focus_fields (store, episode_id, i == 1, error)) == NULL
        || (report->stages[i] = ipt_store_list_dispute_stages (store, episode_id, i == 1, error)) == NULL)
      return NULL;

  report->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) report_goal_free);
  for (guint i = 0; i < goals->len; i++)
    {
      IptGoal *goal = g_ptr_array_index (goals, i);
      IptReportGoal *item = g_new0 (IptReportGoal, 1);

      g_ptr_array_add (report->goals, item);
      item->goal = g_object_ref (goal);
      item->ratings = ipt_store_list_goal_ratings (store, ipt_goal_get_id (goal), error);
      if (item->ratings == NULL)
        return NULL;
    }

  report->work = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < report->sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (report->sessions, i);
      IptSessionWork *work = ipt_store_get_session_work (store, ipt_session_get_id (session), error);
      gboolean any = FALSE;

      if (work == NULL)
        return NULL;
      for (guint t = 0; t < IPT_N_TECHNIQUES; t++)
        any = any || ipt_session_work_uses_technique (work, t);
      if (any)
        g_ptr_array_add (report->work, work);
      else
        g_object_unref (work);
    }

  report->ending = ipt_store_get_course_ending (store, episode_id, &local_error);
  if (local_error == NULL)
    report->maintenance = ipt_store_get_maintenance (store, episode_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  report->chart = ipt_chart_data_new (client, report->episode, report->sessions, report->scores,
                                      report->events);
  /* The report's sessions table names who attended; its chart says the same. */
  ipt_chart_data_set_attendees (report->chart, report->sessions, report->attendees, TRUE);
  report->outcome = ipt_chart_data_compute_outcome (report->chart);
  return g_steal_pointer (&report);
}
