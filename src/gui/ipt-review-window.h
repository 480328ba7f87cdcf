/* Review mode: a supervisor's window on an open review file. It shows the file's de-identified
 * cases (codes, never names) and lets the supervisor comment, rate sessions and keep the
 * supervision log; no clinical record can be changed from it. Save writes the file again. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-caseload-view.h"
#include "ipt-review.h"

G_BEGIN_DECLS

#define IPT_TYPE_REVIEW_WINDOW (ipt_review_window_get_type ())
G_DECLARE_FINAL_TYPE (IptReviewWindow, ipt_review_window, IPT, REVIEW_WINDOW, GtkApplicationWindow)

IptReviewWindow *ipt_review_window_new (GtkApplication *app,
                                        IptReview      *review);
IptReview       *ipt_review_window_get_review (IptReviewWindow *self);
/* The caseload dashboard of the file's cases: where review mode opens; Ctrl+D and the header
 * bar's toggle go back to it. */
IptCaseloadView *ipt_review_window_get_dashboard (IptReviewWindow *self);
gboolean         ipt_review_window_get_dashboard_shown (IptReviewWindow *self);
/* Shows the case with this code (leaving the dashboard); FALSE when the file has none. */
gboolean         ipt_review_window_show_case (IptReviewWindow *self,
                                              const char      *code);
/* The case shown, NULL when none. */
IptReviewCase   *ipt_review_window_get_case (IptReviewWindow *self);
/* Renders the window as it is now into a PNG file. */
gboolean         ipt_review_window_save_screenshot (IptReviewWindow *self,
                                                    const char      *path,
                                                    GError         **error);
/* The form or question open over the window, NULL when none (for tests). */
GtkWindow       *ipt_review_window_get_dialog (IptReviewWindow *self);

G_END_DECLS
