/* The case report of a course as a PDF (A4): contract and phases, focus and formulation, the
 * inventory with the closeness circle, the timeline, the mood chart, the scores, the
 * risk reviews with the risk flags they cover, the outcome
 * with its rules in words, goals and their ratings, session work, the ending plan. */
#pragma once

#include <gio/gio.h>

#include "ipt-store.h"

G_BEGIN_DECLS

typedef struct _IptCaseReport IptCaseReport;

/* Everything the report shows of a client's course, read from the store; episode NULL: the
 * current course. Fails with IPT_STORE_ERROR_NOT_FOUND when the client has no course. */
IptCaseReport *ipt_case_report_load (IptStore   *store,
                                     IptClient  *client,
                                     IptEpisode *episode,
                                     GError    **error);
void           ipt_case_report_free (IptCaseReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptCaseReport, ipt_case_report_free)

/* Writes the report to output_path (a temporary file beside it, renamed over it, so a failure
 * leaves no half-written file). The client's name appears only with include_name; the case
 * code always. Every page is A4 with its number; long texts flow onto the next page. */
gboolean       ipt_case_report_write (const IptCaseReport *report,
                                      const char          *output_path,
                                      gboolean             include_name,
                                      GError             **error);

/* The report of the current course of the client with case code `code`. Errors: a file not
 * named .pdf (G_IO_ERROR_INVALID_ARGUMENT), an unknown code or no course
 * (IPT_STORE_ERROR_NOT_FOUND), store and file errors; each a single translated line. */
gboolean       ipt_case_report_export (IptStore   *store,
                                       const char *code,
                                       const char *output_path,
                                       gboolean    include_name,
                                       GError    **error);

G_END_DECLS
