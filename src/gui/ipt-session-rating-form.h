/* Review mode: the supervisor's rating of a session they heard or discussed (clinical.md
 * section 7): each task of its phase, the focus kept and the IPT stance, 0 to 3, with the
 * practitioner's own ticks beside them, and a comment. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-review.h"

G_BEGIN_DECLS

#define IPT_TYPE_SESSION_RATING_FORM (ipt_session_rating_form_get_type ())
G_DECLARE_FINAL_TYPE (IptSessionRatingForm, ipt_session_rating_form, IPT, SESSION_RATING_FORM,
                      IptFormWindow)

/* NULL when the case has no session `number`. Emits "saved" once the review has the rating. */
IptSessionRatingForm *ipt_session_rating_form_new (GtkWindow     *parent,
                                                   IptReview     *review,
                                                   IptReviewCase *review_case,
                                                   guint          number);
guint                 ipt_session_rating_form_get_n_tasks (IptSessionRatingForm *self);
/* Chooses a rating as a click would: task 0 .. n_tasks - 1, then n_tasks for the focus and
 * n_tasks + 1 for the stance; rating IPT_REVIEW_RATING_NONE or 0 to 3. */
void                  ipt_session_rating_form_set_rating (IptSessionRatingForm *self,
                                                          guint                 item,
                                                          int                   rating);
void                  ipt_session_rating_form_set_comment (IptSessionRatingForm *self,
                                                           const char           *comment);
/* The practitioner's tick shown beside task `task` ("Ticked" or "Not ticked"). */
const char           *ipt_session_rating_form_get_tick_text (IptSessionRatingForm *self,
                                                             guint                 task);
/* The message shown for the whole form, NULL when none. */
const char           *ipt_session_rating_form_get_error (IptSessionRatingForm *self);

G_END_DECLS
