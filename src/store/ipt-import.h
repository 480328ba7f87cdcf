/* Importing scores from the scores CSV (DESIGN "Scores CSV"): all of a file or none of it.
 *
 * What the reader accepts, where DESIGN leaves it open:
 * - RFC 4180 quoting; lines end in CRLF, LF or CR; a UTF-8 byte order mark is skipped.
 * - The header names the six columns exactly, and `course` or not, in any order; an unknown,
 *   missing or repeated column is refused at line 1. With `course`, every row names one (1 to
 *   99); a course the client does not have is created only as its next one (courses of a new
 *   client from 1), with 16 sessions and the default phases; its status is left as a new
 *   course's (active).
 * - A record (line) longer than IPT_CSV_RECORD_MAX_BYTES ends the reading: one problem. Spaces and tabs around a value are ignored. Blank lines are
 *   skipped; a file with the header alone imports nothing and is not an error.
 * - Line numbers in problems are physical lines where the row starts (1 is the header); a quoted
 *   field left open is reported at the line where it starts, invalid UTF-8 at its own line.
 * - Measures whose wording is not shipped (bdi2, epds) take a total only. An empty element in
 *   `items` is an unanswered item: PHQ-9, GAD-7 and HAM-D 17 need every item (as the app asks
 *   for every item); WSAS follows its rule (one missing: the mean of the others; more: no total,
 *   and then a total given is refused). A total given with items must equal theirs.
 * - A row equal to a score already recorded is unchanged; a total alone equal to a recorded
 *   total leaves the recorded answers as they are. Repeated rows in one file that agree count
 *   once. A new score on a session recorded as not attended is refused, even with --replace.
 * - New clients get a course of 16 sessions with the default phases, starting on the earliest
 *   date of their rows; so do known clients without a course. Sessions are created attended. */
#pragma once

#include <gio/gio.h>

#include "ipt-store.h"

G_BEGIN_DECLS

typedef enum
{
  IPT_IMPORT_DEFAULT = 0,
  /* rows that change an existing score or a session's date update them instead of failing */
  IPT_IMPORT_REPLACE = 1 << 0,
} IptImportFlags;

typedef struct
{
  guint n_rows;            /* data rows read (blank lines not counted) */
  guint n_scores_new;      /* scores added */
  guint n_scores_replaced; /* existing scores changed (IPT_IMPORT_REPLACE) */
  guint n_unchanged;       /* rows already in the casebook, or repeated in the file */
  guint n_clients;         /* clients the file speaks of */
  guint n_clients_new;
  guint n_episodes_new;    /* courses opened for clients who had none */
  guint n_sessions_new;
  guint n_sessions_redated;
} IptImportSummary;

/* The header of the scores CSV, in the order the export writes it. An imported file may leave
 * out `course`: its rows then go to each client's current course. */
#define IPT_SCORES_CSV_HEADER "client_code,course,session,date,measure,total,items"

/* Imports a scores CSV held in memory; `name` is the file name used in problem lines.
 *
 * Every problem is appended to `problems` (elements: char *, "NAME:LINE: what is wrong",
 * translated, sorted by line) and the function returns FALSE with IPT_STORE_ERROR_INVALID; the
 * casebook is then untouched. Other failures (SQLite, I/O) return FALSE with their own code.
 * On success the whole file went in as one transaction and `summary` (may be NULL) says what. */
gboolean ipt_import_scores_csv_data (IptStore         *store,
                                     const char       *name,
                                     const char       *data,
                                     gsize             len,
                                     IptImportFlags    flags,
                                     IptImportSummary *summary,
                                     GPtrArray        *problems,
                                     GError          **error);

/* The same for a file on disk (problem lines name it as given). */
gboolean ipt_import_scores_csv (IptStore         *store,
                                const char       *path,
                                IptImportFlags    flags,
                                IptImportSummary *summary,
                                GPtrArray        *problems,
                                GError          **error);

G_END_DECLS
