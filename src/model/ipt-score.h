/* One questionnaire answered at a session: item answers and the computed total. */
#pragma once

#include <glib-object.h>

#include "ipt-measure.h"

G_BEGIN_DECLS

#define IPT_TYPE_SCORE (ipt_score_get_type ())
G_DECLARE_FINAL_TYPE (IptScore, ipt_score, IPT, SCORE, GObject)

/* With items (n_items == the measure's item count), the total is computed from them. */
IptScore         *ipt_score_new_from_items (const IptMeasure *measure, const int *items, guint n_items);
/* A total without item answers (measures shipped as totals only, or imported totals). */
IptScore         *ipt_score_new_from_total (const IptMeasure *measure, int total);

gint64            ipt_score_get_id (IptScore *self);
void              ipt_score_set_id (IptScore *self, gint64 id);
gint64            ipt_score_get_session_id (IptScore *self);
void              ipt_score_set_session_id (IptScore *self, gint64 session_id);
const IptMeasure *ipt_score_get_measure (IptScore *self);
const char       *ipt_score_get_measure_id (IptScore *self);
const char       *ipt_score_get_measure_version (IptScore *self);
void              ipt_score_set_measure_version (IptScore *self, const char *version);
/* Item answers (IPT_ITEM_MISSING for missing ones); NULL and 0 when only a total exists. */
const int        *ipt_score_get_items (IptScore *self, guint *n_items);
gboolean          ipt_score_has_items (IptScore *self);
/* Sets one answer and recomputes the total (notifies "total"). */
void              ipt_score_set_item (IptScore *self, guint index, int value);
int               ipt_score_get_total (IptScore *self);  /* IPT_TOTAL_NONE when none */
/* Sets the total of a score without item answers (totals-only measures, corrections). */
void              ipt_score_set_total (IptScore *self, int total);
gboolean          ipt_score_has_total (IptScore *self);
gboolean          ipt_score_get_risk (IptScore *self);   /* risk item answered above 0 */
int               ipt_score_get_risk_item (IptScore *self); /* its answer or IPT_ITEM_MISSING */
/* Checks items and total against the measure; a total with items must match them. */
gboolean          ipt_score_validate (IptScore *self, GError **error);

G_END_DECLS
