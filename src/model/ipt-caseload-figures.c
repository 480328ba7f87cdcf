/* Outcomes summed over a caseload (clinical.md section 5): ended courses only. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-caseload-figures.h"

void
ipt_caseload_figures_add (IptCaseloadFigures *figures,
                          IptEpisodeStatus    status,
                          const IptOutcome   *outcome)
{
  g_return_if_fail (figures != NULL);
  g_return_if_fail (outcome != NULL);

  figures->n_courses++;
  if (status != IPT_EPISODE_STATUS_ENDED)
    return;

  figures->n_ended++;
  if (outcome->category == IPT_OUTCOME_INSUFFICIENT_DATA || !outcome->finished_treatment)
    return;
  figures->n_finished++;
  if (outcome->caseness)
    figures->n_at_caseness++;
  if (outcome->recovery)
    figures->n_recovered++;
  if (outcome->reliable_improvement)
    figures->n_reliably_improved++;
  if (outcome->reliable_deterioration)
    figures->n_reliably_deteriorated++;
}

double
ipt_caseload_figures_recovery_rate (const IptCaseloadFigures *figures)
{
  g_return_val_if_fail (figures != NULL, -1);

  /* finished treatment - not at caseness at start = finished at caseness */
  if (figures->n_at_caseness == 0)
    return -1;
  return (double) figures->n_recovered / figures->n_at_caseness;
}

double
ipt_caseload_figures_reliable_improvement_rate (const IptCaseloadFigures *figures)
{
  g_return_val_if_fail (figures != NULL, -1);

  if (figures->n_finished == 0)
    return -1;
  return (double) figures->n_reliably_improved / figures->n_finished;
}
