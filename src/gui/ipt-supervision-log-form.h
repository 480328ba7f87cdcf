/* Review mode: one entry of a case's supervision log (clinical.md section 7): the date, the
 * sessions discussed, the recordings reviewed and the action points. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-review.h"

G_BEGIN_DECLS

#define IPT_TYPE_SUPERVISION_LOG_FORM (ipt_supervision_log_form_get_type ())
G_DECLARE_FINAL_TYPE (IptSupervisionLogForm, ipt_supervision_log_form, IPT, SUPERVISION_LOG_FORM,
                      IptFormWindow)

/* Emits "saved" once the review has the entry. */
IptSupervisionLogForm *ipt_supervision_log_form_new (GtkWindow     *parent,
                                                     IptReview     *review,
                                                     IptReviewCase *review_case);
/* Fills the fields as the user would (for tests); NULL leaves a field as it is. */
void                   ipt_supervision_log_form_set_fields (IptSupervisionLogForm *self,
                                                            const char            *date,
                                                            const char            *sessions,
                                                            int                    recordings,
                                                            const char            *action_points);
/* The message under the date or the sessions field, NULL when none. */
const char            *ipt_supervision_log_form_get_date_error (IptSupervisionLogForm *self);
const char            *ipt_supervision_log_form_get_sessions_error (IptSupervisionLogForm *self);

G_END_DECLS
