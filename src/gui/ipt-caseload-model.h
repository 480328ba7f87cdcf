/* The caseload rows shown: a list of slots whose clients change in place as the search and
 * filters change, so that the list keeps its row widgets (GTK 4.8 makes rows anew for items
 * that are removed and added). */
#pragma once

#include <gio/gio.h>

#include "ipt-model.h"

G_BEGIN_DECLS

#define IPT_TYPE_CASE_SLOT (ipt_case_slot_get_type ())
G_DECLARE_FINAL_TYPE (IptCaseSlot, ipt_case_slot, IPT, CASE_SLOT, GObject)

/* The client shown in this place of the list (property "summary", notified on change). */
IptCaseSummary *ipt_case_slot_get_summary (IptCaseSlot *self);

#define IPT_TYPE_CASELOAD_MODEL (ipt_caseload_model_get_type ())
G_DECLARE_FINAL_TYPE (IptCaseloadModel, ipt_caseload_model, IPT, CASELOAD_MODEL, GObject)

typedef gboolean (*IptCaseloadMatchFunc) (IptCaseSummary *summary,
                                          gpointer        user_data);

IptCaseloadModel *ipt_caseload_model_new (void);
/* Shows these summaries (in this order) that match; summaries: IptCaseSummary, borrowed for the
 * call (the model keeps references to those it shows). */
void              ipt_caseload_model_show (IptCaseloadModel    *self,
                                           GPtrArray           *summaries,
                                           IptCaseloadMatchFunc match,
                                           gpointer             user_data);
/* Adds these summaries that match after those shown (the caseload read in the background). */
void              ipt_caseload_model_append (IptCaseloadModel    *self,
                                             GPtrArray           *summaries,
                                             IptCaseloadMatchFunc match,
                                             gpointer             user_data);
/* The summary in place `position`, NULL past the end (borrowed). */
IptCaseSummary   *ipt_caseload_model_get_summary (IptCaseloadModel *self,
                                                  guint             position);

G_END_DECLS
