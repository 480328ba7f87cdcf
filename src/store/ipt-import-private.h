/* Shared by the pieces of the scores CSV import (ipt-import*.c): its context and rows. */
#pragma once

#include <string.h>

#include "ipt-csv.h"
#include "ipt-import.h"
#include "ipt-store-private.h"

G_BEGIN_DECLS

#define MAX_MEASURES 8  /* the registry has 6; checked in import_context_init */
#define MAX_SESSION 99
#define MAX_COURSE 99

typedef struct
{
  gint64 id;
  int    total;     /* IPT_TOTAL_NONE when none */
  guint  n_items;   /* 0: a total without items */
  guint  capacity;  /* the measure's item count */
  int   *items;
} Existing;

typedef struct
{
  guint line;
  guint measure;    /* index in the registry */
  guint session;
  int   total;      /* given or computed; IPT_TOTAL_NONE when none */
  guint n_items;
  guint items_at;   /* index of the first answer in ImportContext.answers */
  guint action;     /* ACTION_* */
} Row;

enum { ACTION_INSERT, ACTION_UPDATE, ACTION_SKIP };

typedef struct
{
  gint64    id;                 /* 0: new */
  char      db_date[11];
  gboolean  attended;
  char     *attendance;         /* from the casebook, NULL for a new session */
  char      date[11];           /* from the file, "" when the file has no row for it */
  guint     date_line;
  gboolean  redate;
  guint     rows[MAX_MEASURES]; /* 1 + index in ImportContext.rows, 0: none */
  Existing **existing;          /* MAX_MEASURES of them, NULL: no score in the casebook */
} ImportSession;

/* One course of one client that the file speaks of: the client's current course when the file
 * has no `course` column (course 0), else the course with that ordinal. */
typedef struct
{
  char          *key;           /* code, or code and course */
  char          *code;
  char          *label;         /* in problems: the code, or "C-0001 course 2" */
  guint          course;        /* 0: the current course */
  guint          rank;          /* the order in which the file first names the client */
  guint          first_line;
  gint64         id;            /* 0: new */
  gint64         episode_id;    /* 0: no course yet (or not that one) */
  guint          n_episodes;
  char           first_date[11];
  char           end_date[11];  /* of the current course, "" when not ended */
  char           birth_date[11];  /* from the casebook, "" when not known */
  ImportSession **sessions;     /* by number, up to the highest one seen */
  guint          n_sessions;    /* that number + 1 */
} ImportClient;

typedef struct
{
  guint line;
  guint seq;
  char *text;
} Problem;

typedef struct
{
  const char       *name;
  IptImportFlags    flags;
  guint             n_measures;
  const IptMeasure *measures[MAX_MEASURES];
  GArray           *problems;   /* Problem */
  GArray           *rows;       /* Row */
  GArray           *answers;    /* int */
  GHashTable       *clients;    /* ImportClient.key -> ImportClient */
  GPtrArray        *client_order;
  GHashTable       *codes;      /* code -> its rank (1 + order of first mention) */
  GHashTable       *new_ids;    /* folded code -> gint64 *: clients the import created */
  GHashTable       *db_codes;   /* folded code -> code of the casebook; built on first need */
  gboolean          has_course;
  guint             n_duplicates;
} ImportContext;

static inline const int *
row_items (ImportContext *ctx,
           const Row     *row)
{
  if (row->n_items == 0)
    return NULL;
  return &g_array_index (ctx->answers, int, row->items_at);
}

static inline ImportSession *
client_session (const ImportClient *client,
                guint               number)
{
  return number < client->n_sessions ? client->sessions[number] : NULL;
}

static inline Existing *
session_existing (const ImportSession *session,
                  guint                m)
{
  return session->existing != NULL ? session->existing[m] : NULL;
}

static inline ImportSession *
get_session (ImportClient *client,
             guint         number)
{
  g_assert (number >= 1 && number <= MAX_SESSION);
  if (number >= client->n_sessions)
    {
      /* most courses have 16 sessions or so: room for 20, then for all */
      guint n = number < 20 ? 21 : MAX_SESSION + 1;

      client->sessions = g_renew (ImportSession *, client->sessions, n);
      memset (client->sessions + client->n_sessions, 0,
              (n - client->n_sessions) * sizeof (ImportSession *));
      client->n_sessions = n;
    }
  if (client->sessions[number] == NULL)
    client->sessions[number] = g_new0 (ImportSession, 1);
  return client->sessions[number];
}

static inline guint
measure_index_of (ImportContext *ctx,
                  const char    *id)
{
  guint i;

  for (i = 0; i < ctx->n_measures; i++)
    if (g_strcmp0 (ctx->measures[i]->id, id) == 0)
      return i;
  return G_MAXUINT;
}

/* ipt-import.c */
gboolean _ipt_import_sql_failed (sqlite3     *db,
                                 const char  *what,
                                 GError     **error);

/* ipt-import-read.c */
G_GNUC_PRINTF (3, 4)
void     _ipt_import_add_problem (ImportContext *ctx,
                                  guint          line,
                                  const char    *format,
                                  ...);
gboolean _ipt_import_parse_file  (ImportContext *ctx,
                                  IptCsvReader  *reader);

/* ipt-import-check.c */
gboolean _ipt_import_row_agrees    (ImportContext *ctx,
                                    const Row     *row,
                                    int            total,
                                    const int     *items,
                                    guint          n_items);
void     _ipt_import_check_client  (ImportContext *ctx,
                                    ImportClient  *client);
void     _ipt_import_sort_clients  (ImportContext *ctx);
void     _ipt_import_check_courses (ImportContext *ctx);

/* ipt-import-load.c */
typedef struct
{
  sqlite3_stmt *client;
  sqlite3_stmt *episode;
  sqlite3_stmt *course;      /* the course with an ordinal */
  sqlite3_stmt *sessions;
  sqlite3_stmt *scores;
} LoadStatements;

void     _ipt_import_load_statements_clear (LoadStatements *st);
gboolean _ipt_import_load_client           (ImportContext  *ctx,
                                            sqlite3        *db,
                                            LoadStatements *st,
                                            ImportClient   *client,
                                            GError        **error);

/* ipt-import-write.c */
gboolean _ipt_import_run (ImportContext    *ctx,
                          IptStore         *store,
                          IptImportSummary *summary,
                          GError          **error);

G_END_DECLS
