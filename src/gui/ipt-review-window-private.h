/* IptReviewWindow's instance, shared by its files. */
#pragma once

#include "ipt-caseload-view.h"
#include "ipt-review-window.h"

G_BEGIN_DECLS

struct _IptReviewWindow
{
  GtkApplicationWindow parent_instance;

  IptReview          *review;
  IptReviewCase      *shown;          /* the case on the right, NULL: none */
  GPtrArray          *by_need;        /* IptReviewCase, the list's order */
  GtkWindow          *dialog;         /* form or question over the window */
  gboolean            saving;
  gboolean            close_after_save;
  gboolean            us_wording;     /* US names of the focus (the preference, bound) */

  GtkStack           *view_stack;     /* the window's child: dashboard or cases */

  /* template children */
  IptCaseloadView    *dashboard;
  GtkToggleButton    *dashboard_button;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkListBox         *case_list;
  GtkStack           *content_stack;
  GtkBox             *case_box;
  GtkLabel           *status_label;
  GtkSpinner         *save_spinner;
  GtkWidget          *save_button;
};

/* ipt-review-window-case.c: the case on the right, built again when the review announces an
 * addition to it (IptReview::changed, followed from follow_review) or the wording changes. */
void _ipt_review_window_fill_case (IptReviewWindow *self);
void _ipt_review_window_follow_review (IptReviewWindow *self);
void _ipt_review_window_set_dialog (IptReviewWindow *self,
                                    GtkWindow       *dialog);

G_END_DECLS
