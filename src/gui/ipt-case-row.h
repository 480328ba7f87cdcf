/* One row of the caseload list: name, code, focus, progress, signal badge, sparkline. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"

G_BEGIN_DECLS

#define IPT_TYPE_CASE_ROW (ipt_case_row_get_type ())
G_DECLARE_FINAL_TYPE (IptCaseRow, ipt_case_row, IPT, CASE_ROW, GtkWidget)

GtkWidget      *ipt_case_row_new (void);
/* summary may be NULL (an unbound row). The focus wording follows the preferences (property
 * "us-wording", bound to IptPreferences). */
void            ipt_case_row_set_summary (IptCaseRow     *self,
                                          IptCaseSummary *summary);
IptCaseSummary *ipt_case_row_get_summary (IptCaseRow *self);
/* The focus as the row shows it ("Grief"), NULL when unbound. */
const char     *ipt_case_row_get_focus_text (IptCaseRow *self);
/* The signal badge's words ("Not on track"; an ended course's outcome, "Recovery"), NULL
 * without a course. */
const char     *ipt_case_row_get_badge_text (IptCaseRow *self);
/* The badge's reason in a few words ("PHQ-9 +7"), shown on the progress line; NULL: none. */
const char     *ipt_case_row_get_reason_text (IptCaseRow *self);

G_END_DECLS
