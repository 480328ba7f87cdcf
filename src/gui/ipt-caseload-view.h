/* The caseload dashboard: the caseload figures, then a card for every course, ordered by need
 * (risk, deterioration, not on track, on track, then ended courses by outcome). */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"
#include "ipt-caseload-figures.h"
#include "ipt-review.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_CASELOAD_VIEW (ipt_caseload_view_get_type ())
G_DECLARE_FINAL_TYPE (IptCaseloadView, ipt_caseload_view, IPT, CASELOAD_VIEW, GtkWidget)

IptCaseloadView          *ipt_caseload_view_new (void);

/* Where the cards count supervision comments (property "store"; NULL: no count). */
void                      ipt_caseload_view_set_store (IptCaseloadView *self,
                                                       IptStore        *store);
/* Shows the clients of `summaries` (IptCaseSummary, borrowed) that have a course and are not
 * archived, ordered by need, and the caseload figures over their courses. */
void                      ipt_caseload_view_set_cases (IptCaseloadView *self,
                                                       GPtrArray       *summaries);
/* Review mode: shows the review file's cases (codes only) with the caseload figures, ordered by
 * need; each card counts the supervisor's comments, ratings and log entries and follows the
 * review's "changed". "case-activated" then gives the case's episode id. */
void                      ipt_caseload_view_set_review (IptCaseloadView *self,
                                                        IptReview       *review);
/* The cards' cases in the order shown (IptCaseSummary). */
GListModel               *ipt_caseload_view_get_cases (IptCaseloadView *self);
const IptCaseloadFigures *ipt_caseload_view_get_figures (IptCaseloadView *self);

/* TRUE: cards name cases by their code only (review mode; property "codes-only"). */
void                      ipt_caseload_view_set_codes_only (IptCaseloadView *self,
                                                            gboolean         codes_only);
gboolean                  ipt_caseload_view_get_codes_only (IptCaseloadView *self);

/* Opens the case of the card at `position`, as a click or Enter does: emits "case-activated"
 * with the client's id. */
void                      ipt_caseload_view_activate_case (IptCaseloadView *self,
                                                           guint            position);

G_END_DECLS
