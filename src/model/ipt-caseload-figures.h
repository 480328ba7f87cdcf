/* The caseload figures of clinical.md section 5: active and ended courses, recovery rate against
 * the national target, reliable improvement rate, reliable deterioration count. Pure functions. */
#pragma once

#include <glib-object.h>

#include "ipt-enums.h"
#include "ipt-outcome.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

/* The national recovery target (NHS Talking Therapies): 50 %. */
#define IPT_RECOVERY_TARGET 0.5

typedef struct
{
  guint  n_active;
  guint  n_ended;                 /* ended or dropped out: no longer running */
  guint  n_finished;              /* ended courses that finished treatment */
  guint  n_caseness;              /* of those, at caseness at start */
  guint  n_recovered;
  guint  n_reliably_improved;
  guint  n_reliably_deteriorated;
  guint  n_need_discussion;       /* courses with risk, deterioration or not on track */
  double recovery_rate;           /* recovered / caseness, < 0 when no course counts */
  double reliable_improvement_rate;  /* reliably improved / finished, < 0 when none */
} IptCaseloadFigures;

/* statuses[i], outcomes[i] and kinds[i] describe one course (outcome NULL: no outcome computed;
 * kinds[i]: its most urgent signal). Only courses that no longer run count towards the rates and
 * the deterioration count; every course whose signal asks for attention (risk, deterioration,
 * not on track: ipt_signal_kind_needs_attention ()) counts as needing discussion. */
void        ipt_caseload_figures_compute (const IptEpisodeStatus   *statuses,
                                          const IptOutcome * const *outcomes,
                                          const IptSignalKind      *kinds,
                                          guint                     n_courses,
                                          IptCaseloadFigures       *figures);

typedef enum
{
  IPT_CASELOAD_FIGURE_ACTIVE,
  IPT_CASELOAD_FIGURE_ENDED,
  IPT_CASELOAD_FIGURE_RECOVERY_RATE,
  IPT_CASELOAD_FIGURE_RELIABLE_IMPROVEMENT_RATE,
  IPT_CASELOAD_FIGURE_RELIABLE_DETERIORATION,
  IPT_CASELOAD_FIGURE_NEED_DISCUSSION,
  IPT_CASELOAD_N_FIGURES,
} IptCaseloadFigure;

/* "Recovery rate", translated. */
const char *ipt_caseload_figure_to_label (IptCaseloadFigure figure);
/* The figure's definition in words (for a tooltip or a screen reader), translated. */
const char *ipt_caseload_figure_to_definition (IptCaseloadFigure figure);
/* The value as shown: "3", "48 % (target 50 %)", "—" when no course counts; translated. */
char       *ipt_caseload_figure_format (const IptCaseloadFigures *figures,
                                        IptCaseloadFigure          figure);

G_END_DECLS
