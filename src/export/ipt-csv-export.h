/* The scores CSV and the outcomes CSV (DESIGN "Scores CSV", "Outcomes CSV").
 *
 * Both end their lines in CRLF (RFC 4180; the importer reads LF too). The scores CSV holds every
 * course of every client, each row naming its course by ordinal (`course`), so that an export
 * imported again changes nothing and imported into an empty casebook gives the same export;
 * measures of a session come in registry order (phq9, gad7, wsas, hamd17, bdi2, epds), as in
 * DESIGN's example. The outcomes CSV covers every course. */
#pragma once

#include <gio/gio.h>

#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_OUTCOMES_CSV_HEADER \
  "client_code,episode,sessions_attended,phq9_first,phq9_last,gad7_first,gad7_last," \
  "caseness,recovery,reliable_improvement,reliable_deterioration,reliable_recovery,outcome," \
  "status"

/* Appends the scores CSV of the casebook to out: the header, then one line per score of every
 * course, sorted by client code, course, session, measure. Lines end in CRLF
 * (RFC 4180); `items` holds the answers separated by ';' (an unanswered item is empty). */
gboolean ipt_csv_export_scores (IptStore *store, GString *out, GError **error);

/* Appends the outcomes CSV: one line per course, sorted by client code then ordinal, computed
 * with ipt_course_map_compute_outcome () from the totals of the attended sessions of the contract
 * (maintenance left out); `status` says whether the course runs (active), ended or dropped out. */
gboolean ipt_csv_export_outcomes (IptStore *store, GString *out, GError **error);

/* One line of the outcomes CSV (without the header), CRLF-terminated. */
void     ipt_csv_append_outcome_line (GString          *out,
                                      const char       *client_code,
                                      guint             ordinal,
                                      guint             sessions_attended,
                                      const IptOutcome *outcome,
                                      IptEpisodeStatus  status);

/* Writes data to path as ipt_output_file_open () describes (a regular file is replaced whole or
 * not at all, a new one is created 0600, a device or pipe is written in place), or to standard
 * output when path is "-". */
gboolean ipt_export_write_output (const char  *path,
                                  const char  *data,
                                  gsize        len,
                                  GError     **error);

G_END_DECLS
