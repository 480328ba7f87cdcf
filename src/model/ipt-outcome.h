/* Outcome of a course by the NHS Talking Therapies definitions (clinical.md section 5). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* In the order of the one-word label: the first that applies is the outcome. */
typedef enum
{
  IPT_OUTCOME_INSUFFICIENT_DATA,
  IPT_OUTCOME_RELIABLE_RECOVERY,
  IPT_OUTCOME_RELIABLE_DETERIORATION,
  IPT_OUTCOME_RECOVERY,
  IPT_OUTCOME_RELIABLE_IMPROVEMENT,
  IPT_OUTCOME_NO_RELIABLE_CHANGE,
} IptOutcomeCategory;

#define IPT_TYPE_OUTCOME_CATEGORY (ipt_outcome_category_get_type ())
GType ipt_outcome_category_get_type (void);

typedef struct
{
  IptOutcomeCategory category;
  /* The values below are meaningful only when category != IPT_OUTCOME_INSUFFICIENT_DATA,
   * except the first/last totals, which are filled whenever the measure is paired (taken at
   * two or more sessions). */
  gboolean finished_treatment;
  gboolean caseness;                /* caseness at start */
  gboolean recovery;
  gboolean reliable_improvement;
  gboolean reliable_deterioration;
  gboolean reliable_recovery;
  gboolean has_gad7;                /* GAD-7 paired; FALSE: the rules used PHQ-9 alone */
  int      phq9_first, phq9_last;   /* IPT_TOTAL_NONE when PHQ-9 is not paired */
  int      gad7_first, gad7_last;   /* IPT_TOTAL_NONE when GAD-7 is not paired */
  guint    n_phq9;                  /* attended sessions with a PHQ-9 total */
  guint    n_gad7;                  /* attended sessions with a GAD-7 total */
  char    *rule;                    /* the rule that decided, in words, translated */
} IptOutcome;

#define IPT_TYPE_OUTCOME (ipt_outcome_get_type ())
GType ipt_outcome_get_type (void);

/* phq9 and gad7: the totals of the attended sessions of the contract that have the measure, in
 * session order (ipt_course_map_compute_outcome () picks them). A measure counts only when paired:
 * taken at two or more of them; its pair is the first and the last. An unpaired GAD-7 is as if
 * not taken (PHQ-9 alone). A pure function: the result depends on these arrays only. */
IptOutcome *ipt_outcome_compute (const int *phq9,
                                 guint      n_phq9,
                                 const int *gad7,
                                 guint      n_gad7);
IptOutcome *ipt_outcome_copy (const IptOutcome *outcome);
void        ipt_outcome_free (IptOutcome *outcome);

/* "reliable-recovery", ... as in the outcomes CSV and review files (the GEnum nicks);
 * from_id returns FALSE for an unknown id. */
const char *ipt_outcome_category_to_id (IptOutcomeCategory category);
gboolean    ipt_outcome_category_from_id (const char *id, IptOutcomeCategory *out);
/* "Reliable recovery", translated. */
const char *ipt_outcome_category_to_label (IptOutcomeCategory category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptOutcome, ipt_outcome_free)

G_END_DECLS
