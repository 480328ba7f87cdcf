/* Importing scores from the scores CSV (DESIGN "Scores CSV"): all of a file or none of it. */
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

/* The header of the scores CSV, in the order the export writes it. */
#define IPT_SCORES_CSV_HEADER "client_code,session,date,measure,total,items"

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
