/* IptClientPage's phase tasks: how far the current phase's tasks are done, from the ticks at
 * its sessions and from what the course's records show (ipt-phase-progress.h). */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-client-page-private.h"
#include "ipt-store-casework.h"

void
_ipt_client_page_phase_progress (IptClientPage    *self,
                                 IptPhase          phase,
                                 IptPhaseProgress *progress)
{
  IptCourseRecords records = { FALSE, };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(IptCourseEnding) ending = NULL;
  g_autoptr(GError) error = NULL;
  const char *agreed_on = ipt_episode_get_agreed_on (self->episode);

  people = ipt_store_list_people (self->store, self->client_id, &error);
  if (people == NULL)
    {
      g_debug ("Inventory of client %" G_GINT64_FORMAT " not read: %s", self->client_id,
               error->message);
      g_clear_error (&error);
    }
  records.inventory_taken = people != NULL && people->len > 0;
  records.focus_chosen = ipt_episode_get_focus (self->episode) != IPT_FOCUS_NONE;
  records.formulation_agreed = agreed_on != NULL && *agreed_on != '\0';

  ending = ipt_store_get_course_ending (self->store, ipt_episode_get_id (self->episode), &error);
  if (ending != NULL)
    {
      const char *signs = ipt_course_ending_get_text (ending, IPT_ENDING_WARNING_SIGNS);
      const char *what_to_do = ipt_course_ending_get_text (ending, IPT_ENDING_IF_SIGNS_RETURN);

      records.relapse_plan_written = (signs != NULL && *signs != '\0')
                                     || (what_to_do != NULL && *what_to_do != '\0');
    }

  ipt_phase_progress_compute (phase, self->sessions, &records, progress);
}
