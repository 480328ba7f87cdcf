/* How far a phase's tasks are done: ticks at its sessions and what the records show. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-phase-progress.h"
#include "ipt-session.h"

#include <glib/gi18n.h>

#include <string.h>

/* Tasks the records show, by their place in ipt_phase_get_tasks () (ipt-enums.c). */
#define ASSESSMENT_INVENTORY 2
#define ASSESSMENT_FOCUS 4
#define ASSESSMENT_FORMULATION 5
#define END_RELAPSE_PLAN 4

void
ipt_phase_progress_compute (IptPhase                phase,
                            GPtrArray              *sessions,
                            const IptCourseRecords *records,
                            IptPhaseProgress       *progress)
{
  const char * const *tasks = ipt_phase_get_tasks (phase);
  guint all;

  g_return_if_fail (progress != NULL);

  memset (progress, 0, sizeof *progress);
  progress->phase = phase;
  while (tasks != NULL && tasks[progress->n_tasks] != NULL)
    progress->n_tasks++;
  all = progress->n_tasks >= 32 ? G_MAXUINT : (1u << progress->n_tasks) - 1;

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);

      if (ipt_session_get_phase (session) == phase && ipt_session_get_attended (session))
        progress->done |= ipt_session_get_tasks_done (session);
    }

  if (records != NULL && phase == IPT_PHASE_ASSESSMENT)
    {
      if (records->inventory_taken)
        progress->done |= 1u << ASSESSMENT_INVENTORY;
      if (records->focus_chosen)
        progress->done |= 1u << ASSESSMENT_FOCUS;
      if (records->formulation_agreed)
        progress->done |= 1u << ASSESSMENT_FORMULATION;
    }
  if (records != NULL && phase == IPT_PHASE_END && records->relapse_plan_written)
    progress->done |= 1u << END_RELAPSE_PLAN;

  progress->done &= all;
  for (guint t = 0; t < progress->n_tasks; t++)
    if (progress->done & (1u << t))
      progress->n_done++;
}

gboolean
ipt_phase_progress_task_done (const IptPhaseProgress *progress,
                              guint                   task)
{
  g_return_val_if_fail (progress != NULL, FALSE);

  return task < progress->n_tasks && (progress->done & (1u << task)) != 0;
}

char *
ipt_phase_progress_describe (const IptPhaseProgress *progress)
{
  const char * const *tasks;
  g_autoptr(GString) todo = g_string_new (NULL);
  g_autofree char *head = NULL;

  g_return_val_if_fail (progress != NULL, NULL);

  tasks = ipt_phase_get_tasks (progress->phase);
  for (guint t = 0; t < progress->n_tasks; t++)
    if (!ipt_phase_progress_task_done (progress, t))
      {
        if (todo->len > 0)
          /* TRANSLATORS: between the phase's tasks still to do, in a list */
          g_string_append (todo, _("; "));
        g_string_append (todo, tasks[t]);
      }

  /* TRANSLATORS: "3 of 7 tasks of the Assessment phase done" */
  head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u task of the %s phase done",
                                       "%u of %u tasks of the %s phase done", progress->n_tasks),
                          progress->n_done, progress->n_tasks,
                          ipt_phase_to_label (progress->phase));
  if (todo->len == 0)
    return g_steal_pointer (&head);
  /* TRANSLATORS: the tasks of a phase done, then the ones still to do */
  return g_strdup_printf (_("%s; still to do: %s"), head, todo->str);
}
