/* Outcomes summed over a caseload (clinical.md section 5): ended courses only. */
#pragma once

#include <glib.h>

#include "ipt-enums.h"
#include "ipt-outcome.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_courses;            /* every course added, whatever its status */
  guint n_ended;              /* ended courses: the only ones counted below */
  guint n_finished;           /* ended courses that finished treatment */
  guint n_at_caseness;        /* of those, at caseness at start */
  guint n_recovered;
  guint n_reliably_improved;
  guint n_reliably_deteriorated;
} IptCaseloadFigures;

/* Adds one course. A running course's outcome is only "so far" and a dropped-out course did not
 * end its contract: neither is counted, only n_courses. */
void    ipt_caseload_figures_add (IptCaseloadFigures *figures,
                                  IptEpisodeStatus    status,
                                  const IptOutcome   *outcome);
/* Recovered / (finished treatment - not at caseness at start), from 0 to 1; -1 when no ended
 * course finished treatment at caseness. The national target is 0.5. */
double  ipt_caseload_figures_recovery_rate (const IptCaseloadFigures *figures);
/* Reliably improved / finished treatment, from 0 to 1; -1 when none finished treatment. */
double  ipt_caseload_figures_reliable_improvement_rate (const IptCaseloadFigures *figures);

G_END_DECLS
