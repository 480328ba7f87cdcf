/* Caseload figures over courses that have ended (clinical.md section 5). */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-caseload-figures.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

void
ipt_caseload_figures_compute (const IptEpisodeStatus   *statuses,
                              const IptOutcome * const *outcomes,
                              const IptSignalKind      *kinds,
                              guint                     n_courses,
                              IptCaseloadFigures       *figures)
{
  g_return_if_fail (n_courses == 0 || (statuses != NULL && outcomes != NULL && kinds != NULL));
  g_return_if_fail (figures != NULL);

  memset (figures, 0, sizeof *figures);
  for (guint i = 0; i < n_courses; i++)
    {
      const IptOutcome *outcome = outcomes[i];

      /* A risk left open stays to be discussed after the course has ended. */
      if (ipt_signal_kind_needs_attention (kinds[i]))
        figures->n_need_discussion++;
      if (statuses[i] == IPT_EPISODE_STATUS_ACTIVE)
        {
          figures->n_active++;
          continue;
        }
      figures->n_ended++;
      if (outcome == NULL || outcome->category == IPT_OUTCOME_INSUFFICIENT_DATA ||
          !outcome->finished_treatment)
        continue;
      figures->n_finished++;
      if (outcome->caseness)
        figures->n_caseness++;
      if (outcome->caseness && outcome->recovery)
        figures->n_recovered++;
      if (outcome->reliable_improvement)
        figures->n_reliably_improved++;
      if (outcome->reliable_deterioration)
        figures->n_reliably_deteriorated++;
    }

  figures->recovery_rate = figures->n_caseness > 0
                           ? (double) figures->n_recovered / figures->n_caseness : -1.0;
  figures->reliable_improvement_rate = figures->n_finished > 0
                                       ? (double) figures->n_reliably_improved / figures->n_finished
                                       : -1.0;
}

const char *
ipt_caseload_figure_to_label (IptCaseloadFigure figure)
{
  switch (figure)
    {
    case IPT_CASELOAD_FIGURE_ACTIVE:
      return _("Active courses");
    case IPT_CASELOAD_FIGURE_ENDED:
      return _("Ended courses");
    case IPT_CASELOAD_FIGURE_RECOVERY_RATE:
      return _("Recovery rate");
    case IPT_CASELOAD_FIGURE_RELIABLE_IMPROVEMENT_RATE:
      return _("Reliable improvement rate");
    case IPT_CASELOAD_FIGURE_RELIABLE_DETERIORATION:
      return _("Reliable deterioration");
    case IPT_CASELOAD_FIGURE_NEED_DISCUSSION:
      /* TRANSLATORS: a caseload figure: how many cases need discussion in supervision */
      return _("Need discussion");
    case IPT_CASELOAD_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ipt_caseload_figure_to_definition (IptCaseloadFigure figure)
{
  switch (figure)
    {
    case IPT_CASELOAD_FIGURE_ACTIVE:
      return _("Courses still running.");
    case IPT_CASELOAD_FIGURE_ENDED:
      return _("Courses that have ended, completed or dropped out.");
    case IPT_CASELOAD_FIGURE_RECOVERY_RATE:
      return _("Of the ended courses that finished treatment (two or more sessions with a "
               "PHQ-9) and were at caseness at the start, the share that ended below the "
               "cut-offs (PHQ-9 under 10, GAD-7 under 8). The national target is 50 %.");
    case IPT_CASELOAD_FIGURE_RELIABLE_IMPROVEMENT_RATE:
      return _("Of the ended courses that finished treatment, the share whose PHQ-9 fell by 6 "
               "or more or GAD-7 by 4 or more, with neither measure reliably worse.");
    case IPT_CASELOAD_FIGURE_RELIABLE_DETERIORATION:
      return _("Ended courses whose PHQ-9 rose by 6 or more or GAD-7 by 4 or more, with "
               "neither measure reliably better.");
    case IPT_CASELOAD_FIGURE_NEED_DISCUSSION:
      return _("Cases whose signal asks for discussion: a risk not yet reviewed, a "
               "deterioration, or not on track.");
    case IPT_CASELOAD_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_rate (double rate)
{
  /* TRANSLATORS: a percentage, "48 %" */
  return g_strdup_printf (_("%d %%"), (int) floor (rate * 100.0 + 0.5));
}

char *
ipt_caseload_figure_format (const IptCaseloadFigures *figures,
                            IptCaseloadFigure         figure)
{
  g_return_val_if_fail (figures != NULL, NULL);

  switch (figure)
    {
    case IPT_CASELOAD_FIGURE_ACTIVE:
      return g_strdup_printf ("%u", figures->n_active);
    case IPT_CASELOAD_FIGURE_ENDED:
      return g_strdup_printf ("%u", figures->n_ended);
    case IPT_CASELOAD_FIGURE_RECOVERY_RATE:
      if (figures->recovery_rate < 0)
        return g_strdup (_("— (no ended course at caseness)"));
      {
        g_autofree char *rate = format_rate (figures->recovery_rate);
        g_autofree char *target = format_rate (IPT_RECOVERY_TARGET);

        /* TRANSLATORS: "48 % of 25 (target 50 %)" */
        return g_strdup_printf (_("%s of %u (target %s)"), rate, figures->n_caseness, target);
      }
    case IPT_CASELOAD_FIGURE_RELIABLE_IMPROVEMENT_RATE:
      if (figures->reliable_improvement_rate < 0)
        return g_strdup (_("— (no ended course finished treatment)"));
      {
        g_autofree char *rate = format_rate (figures->reliable_improvement_rate);

        return g_strdup_printf (_("%s of %u"), rate, figures->n_finished);
      }
    case IPT_CASELOAD_FIGURE_RELIABLE_DETERIORATION:
      return g_strdup_printf ("%u", figures->n_reliably_deteriorated);
    case IPT_CASELOAD_FIGURE_NEED_DISCUSSION:
      return g_strdup_printf ("%u", figures->n_need_discussion);
    case IPT_CASELOAD_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}
