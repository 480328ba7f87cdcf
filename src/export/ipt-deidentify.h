/* De-identification: the one place that decides what of a case leaves the practitioner's machine.
 * The supervision pack and the review file are written from what this returns, never from the
 * casebook's records. */
#pragma once

#include <gio/gio.h>

#include "ipt-model.h"
#include "ipt-store.h"

G_BEGIN_DECLS

/* "C-0001, C-0002" into its codes (white space trimmed, repeats dropped); fails
 * (G_IO_ERROR_INVALID_ARGUMENT) on an empty list or an empty code. */
GStrv      ipt_deidentify_parse_codes (const char *list, GError **error);

/* The de-identified current course of each client named in `codes` (NULL: every client not
 * archived that has a course), in the order given (NULL: by code). What leaves:
 * - the case code, never a name, birth date, phone, e-mail, referrer or the client's notes;
 * - dates as session numbers and weeks from the course's start;
 * - inventory people by their relationship ("Partner", or "Person 2" when the relationship is
 *   empty or holds the person's name), never by name;
 * - life-event titles, the formulation (and old and new role), session notes, goals' texts
 *   and the inventory's notes only where `shares` (case code -> GUINT_TO_POINTER of
 *   IptReviewShare; NULL: nothing shared) includes them for that case: free text may name
 *   people, so including it is the practitioner's choice, case by case;
 * - scores, signals with their rules, the outcome so far;
 * - comments, session reviews and log entries that supervisors wrote on earlier review files
 *   (merged into the casebook), never comments the practitioner wrote.
 * An unknown code, or a named client without a course, fails (IPT_STORE_ERROR_NOT_FOUND, one
 * line naming it). Elements IptReviewCase. */
GPtrArray *ipt_deidentify_cases (IptStore           *store,
                                 const char * const *codes,
                                 GHashTable         *shares,
                                 GError            **error);

/* The warning to show where the practitioner includes free text, translated. */
const char *ipt_deidentify_free_text_warning (void);

G_END_DECLS
