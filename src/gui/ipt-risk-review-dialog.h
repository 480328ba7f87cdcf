/* Recording or editing a risk review: the date, what was asked, what was done and the plan. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_RISK_REVIEW_DIALOG (ipt_risk_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IptRiskReviewDialog, ipt_risk_review_dialog, IPT, RISK_REVIEW_DIALOG,
                      IptFormWindow)

/* review NULL: a new review of the course episode_id, dated `date` (today when NULL). flag: the
 * risk that is open, in words (the signal's rule), shown at the top; NULL shows nothing.
 * An IptFormWindow: emits "saved" (review id) once the store has the record; also "deleted"
 * (the review as it was stored) once it is gone; then closes. */
IptRiskReviewDialog *ipt_risk_review_dialog_new (GtkWindow     *parent,
                                                 IptStore      *store,
                                                 gint64         episode_id,
                                                 IptRiskReview *review,
                                                 const char    *date,
                                                 const char    *flag);
gboolean             ipt_risk_review_dialog_get_can_save (IptRiskReviewDialog *self);
/* Fills a text field as typing would: "asked", "done" or "plan". */
void                 ipt_risk_review_dialog_set_text (IptRiskReviewDialog *self,
                                                      const char          *field,
                                                      const char          *text);

G_END_DECLS
