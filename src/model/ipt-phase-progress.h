/* How far a phase's tasks are done (clinical.md section 1): ticked at the phase's sessions, or
 * shown by the records themselves (an inventory taken, a focus chosen, a formulation agreed, a
 * relapse-prevention plan written). */
#pragma once

#include <glib.h>

#include "ipt-enums.h"

G_BEGIN_DECLS

/* What the course's records show. */
typedef struct
{
  gboolean inventory_taken;       /* at least one person in the inventory */
  gboolean focus_chosen;
  gboolean formulation_agreed;    /* the date it was agreed is recorded */
  gboolean relapse_plan_written;  /* the ending's warning signs or what to do are recorded */
} IptCourseRecords;

typedef struct
{
  IptPhase phase;
  guint    n_tasks;
  guint    done;                  /* bit i: task i of ipt_phase_get_tasks (phase) is done */
  guint    n_done;
} IptPhaseProgress;

/* sessions: IptSession of the course, their phases set; those of `phase` count. */
void  ipt_phase_progress_compute (IptPhase                phase,
                                  GPtrArray              *sessions,
                                  const IptCourseRecords *records,
                                  IptPhaseProgress       *progress);
gboolean ipt_phase_progress_task_done (const IptPhaseProgress *progress,
                                       guint                   task);
/* "3 of 7 tasks of the assessment done; still to do: give the sick role, ..." translated. */
char *ipt_phase_progress_describe (const IptPhaseProgress *progress);

G_END_DECLS
