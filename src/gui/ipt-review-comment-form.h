/* Review mode: the supervisor's comment on a case or on one of its sessions. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-review.h"

G_BEGIN_DECLS

#define IPT_TYPE_REVIEW_COMMENT_FORM (ipt_review_comment_form_get_type ())
G_DECLARE_FINAL_TYPE (IptReviewCommentForm, ipt_review_comment_form, IPT, REVIEW_COMMENT_FORM,
                      IptFormWindow)

/* session_number 0: a comment on the whole case. Emits "saved" once the review has it. */
IptReviewCommentForm *ipt_review_comment_form_new (GtkWindow     *parent,
                                                   IptReview     *review,
                                                   IptReviewCase *review_case,
                                                   guint          session_number);
/* Types the comment, as the user would (for tests). */
void                  ipt_review_comment_form_set_text (IptReviewCommentForm *self,
                                                        const char           *text);

G_END_DECLS
