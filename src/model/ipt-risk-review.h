/* A risk review (clinical.md section 6): the practitioner's record that a risk flag was looked at,
 * and the rule that keeps the flag raised until one is recorded. */
#pragma once

#include <glib-object.h>

#include "ipt-signal.h"

G_BEGIN_DECLS

#define IPT_TYPE_RISK_REVIEW (ipt_risk_review_get_type ())
G_DECLARE_FINAL_TYPE (IptRiskReview, ipt_risk_review, IPT, RISK_REVIEW, GObject)

/* Longest text of each field, in characters (the store checks it too). */
#define IPT_RISK_REVIEW_TEXT_MAX 4000

IptRiskReview *ipt_risk_review_new (gint64 episode_id, const char *date);

gint64      ipt_risk_review_get_id (IptRiskReview *self);
void        ipt_risk_review_set_id (IptRiskReview *self, gint64 id);
gint64      ipt_risk_review_get_episode_id (IptRiskReview *self);
void        ipt_risk_review_set_episode_id (IptRiskReview *self, gint64 episode_id);
/* The day of the review, ISO 8601. */
const char *ipt_risk_review_get_date (IptRiskReview *self);
void        ipt_risk_review_set_date (IptRiskReview *self, const char *date);
/* What was asked (thoughts, plans, means, protective factors, ...). */
const char *ipt_risk_review_get_asked (IptRiskReview *self);
void        ipt_risk_review_set_asked (IptRiskReview *self, const char *asked);
/* What was done (safety plan made, GP or crisis team told, ...); may be empty. */
const char *ipt_risk_review_get_done (IptRiskReview *self);
void        ipt_risk_review_set_done (IptRiskReview *self, const char *done);
/* The plan from here. */
const char *ipt_risk_review_get_plan (IptRiskReview *self);
void        ipt_risk_review_set_plan (IptRiskReview *self, const char *plan);

/* A real date, something asked and a plan, each text at most IPT_RISK_REVIEW_TEXT_MAX
 * characters; the error names the field, translated. */
gboolean    ipt_risk_review_validate (IptRiskReview *self, GError **error);

/* The rule, in one place. A review covers every session dated on or before its own date, so:
 * the highest session number that the latest review (elements IptRiskReview) covers, among
 * sessions (elements IptSession); 0 when there is no review or it comes before every session. */
guint       ipt_risk_reviewed_through (GPtrArray *sessions,
                                       GPtrArray *reviews);
/* Risk is open while a PHQ-9 form of a session after `reviewed_through` has its risk item
 * above 0: a later answer of 0 does not close it, a review does, and a new answer above 0 after
 * the review opens it again. Returns the latest such point, or NULL when risk is not open. */
const IptSeriesPoint *ipt_risk_open_point (const IptSeriesPoint *phq9,
                                           guint                 n_phq9,
                                           guint                 reviewed_through);
gboolean    ipt_risk_is_open (const IptSeriesPoint *phq9,
                              guint                 n_phq9,
                              guint                 reviewed_through);

G_END_DECLS
