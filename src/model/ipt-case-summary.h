/* One row of the caseload: a client, their current course and where it stands. */
#pragma once

#include <glib-object.h>

#include "ipt-client.h"
#include "ipt-episode.h"
#include "ipt-outcome.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

#define IPT_TYPE_CASE_SUMMARY (ipt_case_summary_get_type ())
G_DECLARE_FINAL_TYPE (IptCaseSummary, ipt_case_summary, IPT, CASE_SUMMARY, GObject)

/* episode may be NULL (a client with no course yet). appointments: the course's appointments
 * (attended ones are enough: missed ones move nothing on), mapped with ipt_course_map_new ().
 * phq9/gad7: the series of attended sessions with the measure, in session order (copied).
 * Signals and outcome are computed here. */
IptCaseSummary *ipt_case_summary_new (IptClient            *client,
                                      IptEpisode           *episode,
                                      const IptAppointment *appointments,
                                      guint                 n_appointments,
                                      const IptSeriesPoint *phq9,
                                      guint                 n_phq9,
                                      const IptSeriesPoint *gad7,
                                      guint                 n_gad7);

IptClient            *ipt_case_summary_get_client (IptCaseSummary *self);
IptEpisode           *ipt_case_summary_get_episode (IptCaseSummary *self);   /* nullable */
/* Attended sessions of the contract (maintenance left out): the n of "session n of N". */
guint                 ipt_case_summary_get_sessions_attended (IptCaseSummary *self);
/* The appointment number of the latest attended session, 0 when none. */
guint                 ipt_case_summary_get_current_session (IptCaseSummary *self);
/* Where the course's sessions stand; NULL without a course. */
const IptCourseMap   *ipt_case_summary_get_course_map (IptCaseSummary *self);
IptPhase              ipt_case_summary_get_phase (IptCaseSummary *self);
const IptSeriesPoint *ipt_case_summary_get_phq9 (IptCaseSummary *self, guint *n_points);
const IptSeriesPoint *ipt_case_summary_get_gad7 (IptCaseSummary *self, guint *n_points);
/* Elements are IptSignal, most urgent first; never empty when there is an episode. */
GPtrArray            *ipt_case_summary_get_signals (IptCaseSummary *self);
/* The first signal's kind (property "signal-kind"), IPT_SIGNAL_NO_SCORES without a course. */
IptSignalKind         ipt_case_summary_get_signal_kind (IptCaseSummary *self);
const char           *ipt_case_summary_get_signal_rule (IptCaseSummary *self);
/* The kinds of every signal that applies, most urgent first: up to IPT_SIGNALS_MAX_APPLYING into
 * kinds; returns the count (0 without a course). */
guint                 ipt_case_summary_get_signal_kinds (IptCaseSummary *self,
                                                         IptSignalKind  *kinds);
/* Every signal's rule in words, most urgent first, one a line. */
char                 *ipt_case_summary_dup_signal_rules (IptCaseSummary *self);
/* Every signal's rule in a few words (ipt_signal_describe_briefly ()), in the order of
 * ipt_case_summary_get_signals (); empty without a course. */
GStrv                 ipt_case_summary_dup_signal_briefs (IptCaseSummary *self);
/* Risk is open: a PHQ-9 item 9 above 0 after the sessions a risk review covers. */
gboolean              ipt_case_summary_get_has_risk (IptCaseSummary *self);
/* The sessions covered by the latest risk review (ipt_risk_reviewed_through ()), 0: none.
 * The store sets it once the summary is made; setting it classifies the signals again. */
guint                 ipt_case_summary_get_risk_reviewed_through (IptCaseSummary *self);
void                  ipt_case_summary_set_risk_reviewed_through (IptCaseSummary *self,
                                                                  guint           session_number);
gboolean              ipt_case_summary_get_needs_attention (IptCaseSummary *self);
/* The outcome so far (final once the course has ended). */
const IptOutcome     *ipt_case_summary_get_outcome (IptCaseSummary *self);
/* "Session 7 of 16 · Middle", translated (property "progress-text"). */
const char           *ipt_case_summary_get_progress_text (IptCaseSummary *self);
/* "given family preferred code" folded for search (ipt_search_fold: case and accents off;
 * property "search-key"). */
const char           *ipt_case_summary_get_search_key (IptCaseSummary *self);

/* The caseload's order (clinical.md section 6): clients whose current course runs come first,
 * by their most urgent signal, then everyone else; by code (strcmp) within each. The rank is
 * that signal's IptSignalKind while the course runs, IPT_CASELOAD_RANK_NOT_RUNNING otherwise
 * (the store keeps it for each client: ipt-schema-8.sql). */
#define IPT_CASELOAD_RANK_NOT_RUNNING 6
guint                 ipt_case_summary_get_caseload_rank (IptCaseSummary *self);
/* For g_ptr_array_sort () of IptCaseSummary pointers: the caseload's order. */
int                   ipt_case_summary_compare_caseload (gconstpointer a,
                                                         gconstpointer b);

G_END_DECLS
