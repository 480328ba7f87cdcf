/* The supervision pack: a de-identified PDF for the supervisor (cover, caseload figures, then
 * per case its chart, focus and phase, signals with their rules, outcome, and what the
 * practitioner chose to include). */
#pragma once

#include <gio/gio.h>

#include "ipt-chart-data.h"
#include "ipt-store.h"

G_BEGIN_DECLS

/* The mood chart of a de-identified case: session numbers only (no dates), no life events. */
IptChartData *ipt_supervision_chart_data (const IptReviewCase *review_case);

/* The caseload figures over the cases (elements IptReviewCase). */
void          ipt_supervision_compute_figures (GPtrArray          *cases,
                                               IptCaseloadFigures *figures);

/* Writes the pack of `cases` (elements IptReviewCase) to a PDF in memory. */
GBytes       *ipt_supervision_pack_render (GPtrArray *cases,
                                           GError   **error);

/* Writes the pack of de-identified cases to `output_path` through a temporary file ("-":
 * standard output). It needs no casebook: _async renders and writes in a GTask thread (the
 * cases must not change meanwhile), telling progress (cases drawn of all, may be NULL) on the
 * caller's main context as ipt-tasks.h describes. */
gboolean      ipt_supervision_pack_write (GPtrArray   *cases,
                                          const char  *output_path,
                                          GError     **error);
void          ipt_supervision_pack_write_async (GPtrArray           *cases,
                                                const char          *output_path,
                                                GCancellable        *cancellable,
                                                IptProgressFunc      progress,
                                                gpointer             progress_data,
                                                GDestroyNotify       progress_data_free,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      ipt_supervision_pack_write_finish (GAsyncResult  *result,
                                                 GError       **error);

/* The pack of the de-identified cases (ipt_deidentify_cases ()) of `codes` (NULL: every
 * active client with a course), with what `shares` includes, written to `output_path` through
 * a temporary file. n_cases: how many went in. */
gboolean      ipt_supervision_pack_export (IptStore           *store,
                                           const char * const *codes,
                                           GHashTable         *shares,
                                           const char         *output_path,
                                           guint              *n_cases,
                                           GError            **error);

G_END_DECLS
