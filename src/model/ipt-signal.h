/* Progress signals during a course (clinical.md section 6), each with its rule in words. */
#pragma once

#include <glib-object.h>

#include "ipt-course-map.h"
#include "ipt-outcome.h"
#include "ipt-series.h"

G_BEGIN_DECLS

/* In order of precedence: the first that applies is the one a badge shows. */
typedef enum
{
  IPT_SIGNAL_RISK,
  IPT_SIGNAL_DETERIORATION,
  IPT_SIGNAL_NOT_ON_TRACK,
  IPT_SIGNAL_ON_TRACK,
  IPT_SIGNAL_OUTCOME,        /* the course has ended: see the outcome */
  IPT_SIGNAL_NO_SCORES,      /* the course runs but has no PHQ-9 yet */
} IptSignalKind;

#define IPT_TYPE_SIGNAL_KIND (ipt_signal_kind_get_type ())
GType ipt_signal_kind_get_type (void);

typedef struct
{
  const IptSeriesPoint *phq9;
  guint                 n_phq9;
  const IptSeriesPoint *gad7;
  guint                 n_gad7;
  const IptCourseMap   *course;           /* where the course's sessions stand */
  gboolean              course_running;   /* FALSE once ended or dropped out */
  /* Sessions up to this number are covered by a risk review (ipt_risk_reviewed_through ()). */
  guint                 risk_reviewed_through;
} IptProgress;

typedef struct
{
  IptSignalKind kind;
  char         *rule;   /* the rule in words with this case's numbers, translated */
} IptSignal;

#define IPT_TYPE_SIGNAL (ipt_signal_get_type ())
GType ipt_signal_get_type (void);

IptSignal *ipt_signal_copy (const IptSignal *signal);
void       ipt_signal_free (IptSignal *signal);

/* Every signal that applies, in order of precedence (never empty): risk and deterioration can
 * come together; on track excludes not on track; a finished course gives IPT_SIGNAL_OUTCOME with
 * the outcome's rule (plus risk while it is open: ipt_risk_is_open ()). Elements are IptSignal. */
GPtrArray *ipt_signals_compute (const IptProgress *progress);

/* The rule of `kind` (one that applies) in a few words with the case's numbers, itself a complete
 * rule, for a card with room for a line: "PHQ-9 item 9 = 2 at session 3, not yet reviewed",
 * "PHQ-9 +7 since session 1 (+6 or more)", "midpoint reached, PHQ-9 19 → 17, not yet 6 lower",
 * "PHQ-9 19 → 8, 11 lower (6 or more)"; an outcome's paired scores, "PHQ-9 18 → 6". The rule
 * in full is the IptSignal's. Translated. */
char      *ipt_signal_describe_briefly (IptSignalKind      kind,
                                        const IptProgress *progress);

/* What one questionnaire says about its risk item (PHQ-9 item 9). */
typedef enum
{
  IPT_RISK_ITEM_NONE,       /* the measure has no risk item */
  IPT_RISK_ITEM_CLEAR,      /* answered 0 */
  IPT_RISK_ITEM_RAISED,     /* answered above 0 */
  IPT_RISK_ITEM_NOT_KNOWN,  /* a total only, or the item unanswered: says nothing either way */
} IptRiskItemState;

/* answer: the risk item's answer, IPT_ITEM_MISSING when not known; flagged: the score was stored
 * with its risk flag set (a total recorded with a known risk). */
IptRiskItemState ipt_signal_risk_item_state (const char *measure_id,
                                             int         answer,
                                             gboolean    flagged);
/* "item 9 not known", translated, for a session whose PHQ-9 says nothing about item 9. */
char            *ipt_signal_risk_item_not_known_text (const char *measure_id);

/* At most this many signals apply at once (risk, deterioration, not on track). */
#define IPT_SIGNALS_MAX_APPLYING 3

/* The kinds that ipt_signals_compute () would return, in the same order, without their words:
 * cheap enough for a whole caseload. kinds holds IPT_SIGNALS_MAX_APPLYING; returns the count. */
guint       ipt_signals_classify (const IptProgress *progress,
                                  IptSignalKind     *kinds);

/* "risk", "deterioration", "not-on-track", "on-track", "outcome", "no-scores" (the GEnum
 * nicks, as stored in review files); from_id returns FALSE for an unknown id. */
const char *ipt_signal_kind_to_id (IptSignalKind kind);
gboolean    ipt_signal_kind_from_id (const char *id, IptSignalKind *out);
/* "Risk", "Deterioration", "Not on track", ..., translated. */
const char *ipt_signal_kind_to_label (IptSignalKind kind);
/* Does this kind ask for the supervisor's attention (risk, deterioration, not on track)? */
gboolean    ipt_signal_kind_needs_attention (IptSignalKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptSignal, ipt_signal_free)

G_END_DECLS
