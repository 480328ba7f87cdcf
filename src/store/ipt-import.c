/* Importing the scores CSV: every row checked first, then the whole file in one transaction. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipt-csv.h"
#include "ipt-import.h"
#include "ipt-store-private.h"

#define MAX_MEASURES 8  /* the registry has 6; checked in import_context_init */
#define MAX_SESSION 99
#define MAX_ITEMS 64

enum { COL_CODE, COL_SESSION, COL_DATE, COL_MEASURE, COL_TOTAL, COL_ITEMS, N_COLS };

static const char * const column_names[N_COLS] = {
  "client_code", "session", "date", "measure", "total", "items",
};

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

typedef struct
{
  char          *code;
  gint64         id;            /* 0: new */
  gint64         episode_id;    /* 0: no course yet */
  guint          n_episodes;
  char           first_date[11];
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
  GHashTable       *clients;    /* code -> ImportClient */
  GPtrArray        *client_order;
  guint             n_duplicates;
} ImportContext;

static void
import_session_free (ImportSession *session)
{
  guint i;

  for (i = 0; session->existing != NULL && i < MAX_MEASURES; i++)
    {
      if (session->existing[i] != NULL)
        {
          g_free (session->existing[i]->items);
          g_free (session->existing[i]);
        }
    }
  g_free (session->existing);
  g_free (session->attendance);
  g_free (session);
}

static void
import_client_free (gpointer data)
{
  ImportClient *client = data;
  guint i;

  for (i = 0; i < client->n_sessions; i++)
    if (client->sessions[i] != NULL)
      import_session_free (client->sessions[i]);
  g_free (client->sessions);
  g_free (client->code);
  g_free (client);
}

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->text);
}

static void
import_context_init (ImportContext *ctx,
                     const char    *name,
                     IptImportFlags flags)
{
  guint i;

  memset (ctx, 0, sizeof *ctx);
  ctx->name = name;
  ctx->flags = flags;
  g_assert (ipt_measure_get_n_measures () <= MAX_MEASURES);
  ctx->n_measures = ipt_measure_get_n_measures ();
  for (i = 0; i < ctx->n_measures; i++)
    ctx->measures[i] = ipt_measure_get_nth (i);
  ctx->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (ctx->problems, problem_clear);
  ctx->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  ctx->answers = g_array_new (FALSE, FALSE, sizeof (int));
  ctx->clients = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, import_client_free);
  ctx->client_order = g_ptr_array_new ();
}

static void
import_context_clear (ImportContext *ctx)
{
  g_array_unref (ctx->problems);
  g_array_unref (ctx->rows);
  g_array_unref (ctx->answers);
  g_ptr_array_unref (ctx->client_order);
  g_hash_table_unref (ctx->clients);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (ImportContext *ctx,
             guint          line,
             const char    *format,
             ...)
{
  Problem problem;
  va_list args;

  va_start (args, format);
  problem.line = line;
  problem.seq = ctx->problems->len;
  problem.text = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (ctx->problems, problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a;
  const Problem *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->seq != pb->seq)
    return pa->seq < pb->seq ? -1 : 1;
  return 0;
}

static char *
expected_measures (ImportContext *ctx)
{
  GString *s = g_string_new (NULL);
  guint i;

  for (i = 0; i < ctx->n_measures; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, ctx->measures[i]->id);
    }
  return g_string_free (s, FALSE);
}

/* Spaces and tabs around a field are not part of any value of ours. */
static const char *
trim (const char *s,
      gsize      *len)
{
  while (*len > 0 && (*s == ' ' || *s == '\t'))
    {
      s++;
      (*len)--;
    }
  while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
    (*len)--;
  return s;
}

typedef enum
{
  NUMBER_OK,
  NUMBER_EMPTY,
  NUMBER_NEGATIVE,
  NUMBER_NOT_A_NUMBER,
  NUMBER_TOO_LARGE,
} NumberStatus;

/* A whole number written with digits only (a leading '-' is reported as negative). */
static NumberStatus
parse_number (const char *s,
              gsize       len,
              int        *out)
{
  gsize i, start = 0;
  gint64 value = 0;
  gboolean negative = FALSE;

  if (len == 0)
    return NUMBER_EMPTY;
  if (s[0] == '-' || s[0] == '+')
    {
      negative = s[0] == '-';
      start = 1;
      if (len == 1)
        return NUMBER_NOT_A_NUMBER;
    }
  for (i = start; i < len; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return NUMBER_NOT_A_NUMBER;
      if (value < 1000000000)
        value = value * 10 + (s[i] - '0');
    }
  if (negative && value != 0)
    return NUMBER_NEGATIVE;
  if (value >= 1000000000)
    return NUMBER_TOO_LARGE;
  *out = (int) value;
  return NUMBER_OK;
}

static gboolean
date_has_iso_shape (const char *s,
                    gsize       len)
{
  static const char shape[] = "dddd-dd-dd";
  gsize i;

  if (len != 10)
    return FALSE;
  for (i = 0; i < 10; i++)
    {
      if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
        return FALSE;
    }
  return TRUE;
}

static gboolean
code_is_valid (const char *s,
               gsize       len)
{
  gsize i;

  if (len < 1 || len > 32)
    return FALSE;
  for (i = 0; i < len; i++)
    {
      char c = s[i];

      if (!g_ascii_isalnum (c) && c != '-' && c != '_')
        return FALSE;
    }
  return TRUE;
}

static const int *
row_items (ImportContext *ctx,
           const Row     *row)
{
  if (row->n_items == 0)
    return NULL;
  return &g_array_index (ctx->answers, int, row->items_at);
}

/* Would storing `row` over a score with (total, items) change it? A row giving the same total
 * without items leaves the answers already recorded as they are. */
static gboolean
row_agrees (ImportContext *ctx,
            const Row     *row,
            int            total,
            const int     *items,
            guint          n_items)
{
  if (row->total != total)
    return FALSE;
  if (row->n_items == 0)
    return TRUE;
  if (row->n_items != n_items)
    return FALSE;
  return memcmp (row_items (ctx, row), items, n_items * sizeof (int)) == 0;
}

static void
format_score (GString          *out,
              const IptMeasure *measure,
              int               total,
              const int        *items,
              guint             n_items)
{
  guint i;

  if (total == IPT_TOTAL_NONE)
    g_string_append (out, _("no total"));
  else
    g_string_append_printf (out, _("total %d"), total);
  if (n_items == 0)
    return;
  g_string_append (out, _(", items "));
  for (i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      if (items[i] != IPT_ITEM_MISSING)
        g_string_append_printf (out, "%d", items[i]);
    }
}

static ImportClient *
get_client (ImportContext *ctx,
            const char    *code,
            gsize          len)
{
  char key[33];
  ImportClient *client;

  g_assert (len <= 32);
  memcpy (key, code, len);
  key[len] = '\0';

  client = g_hash_table_lookup (ctx->clients, key);
  if (client == NULL)
    {
      client = g_new0 (ImportClient, 1);
      client->code = g_strdup (key);
      g_hash_table_insert (ctx->clients, client->code, client);
      g_ptr_array_add (ctx->client_order, client);
    }
  return client;
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

static ImportSession *
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

static void
check_header (ImportContext *ctx,
              IptCsvReader  *reader,
              guint          line,
              int            columns[N_COLS])
{
  guint n = ipt_csv_reader_get_n_fields (reader);
  guint i, j, n_known = 0;
  gboolean bad = FALSE;

  for (j = 0; j < N_COLS; j++)
    columns[j] = -1;

  for (i = 0; i < n; i++)
    {
      gsize len;
      const char *field = ipt_csv_reader_get_field (reader, i, &len);

      field = trim (field, &len);
      for (j = 0; j < N_COLS; j++)
        if (strlen (column_names[j]) == len && memcmp (column_names[j], field, len) == 0)
          break;
      if (j < N_COLS)
        n_known++;
    }

  if (n_known == 0)
    {
      add_problem (ctx, line, _("no header row: the first line must name the columns %s"),
                   IPT_SCORES_CSV_HEADER);
      return;
    }

  for (i = 0; i < n; i++)
    {
      gsize len;
      const char *field = ipt_csv_reader_get_field (reader, i, &len);
      g_autofree char *name = NULL;

      field = trim (field, &len);
      name = g_strndup (field, len);
      for (j = 0; j < N_COLS; j++)
        if (strcmp (column_names[j], name) == 0)
          break;
      if (j == N_COLS)
        {
          add_problem (ctx, line, _("unknown column “%s” in the header (expected %s)"),
                       name, IPT_SCORES_CSV_HEADER);
          bad = TRUE;
        }
      else if (columns[j] >= 0)
        {
          add_problem (ctx, line, _("column “%s” appears twice in the header"), name);
          bad = TRUE;
        }
      else
        {
          columns[j] = (int) i;
        }
    }

  for (j = 0; j < N_COLS; j++)
    {
      if (columns[j] < 0)
        {
          add_problem (ctx, line, _("missing column “%s” in the header (expected %s)"),
                       column_names[j], IPT_SCORES_CSV_HEADER);
          bad = TRUE;
        }
    }

  if (bad)
    columns[0] = -1;
}

static const char *
field_at (IptCsvReader *reader,
          const int     columns[N_COLS],
          int           col,
          gsize        *len)
{
  const char *field = ipt_csv_reader_get_field (reader, (guint) columns[col], len);

  return trim (field, len);
}

/* Checks one data row; a good row joins ctx->rows and its client and session. */
static void
read_row (ImportContext *ctx,
          IptCsvReader  *reader,
          guint          line,
          const int      columns[N_COLS])
{
  guint n_fields = ipt_csv_reader_get_n_fields (reader);
  guint n_problems = ctx->problems->len;
  const char *code, *session_s, *date, *measure_s, *total_s, *items_s;
  gsize code_len, session_len, date_len, measure_len, total_len, items_len;
  const IptMeasure *measure = NULL;
  guint measure_index = 0;
  int session = 0;
  int total = IPT_TOTAL_NONE;
  gboolean total_given = FALSE;
  int answers[MAX_ITEMS];
  guint n_answers = 0;
  guint n_missing = 0;
  guint first_missing = 0;
  guint i;
  Row row;
  ImportClient *client;
  ImportSession *sess;

  if (n_fields != N_COLS)
    {
      add_problem (ctx, line, _("expected %u fields, found %u"), (guint) N_COLS, n_fields);
      return;
    }

  code = field_at (reader, columns, COL_CODE, &code_len);
  session_s = field_at (reader, columns, COL_SESSION, &session_len);
  date = field_at (reader, columns, COL_DATE, &date_len);
  measure_s = field_at (reader, columns, COL_MEASURE, &measure_len);
  total_s = field_at (reader, columns, COL_TOTAL, &total_len);
  items_s = field_at (reader, columns, COL_ITEMS, &items_len);

  /* client code */
  if (code_len == 0)
    add_problem (ctx, line, _("missing client code"));
  else if (!code_is_valid (code, code_len))
    add_problem (ctx, line,
                 _("invalid client code “%.*s” (1 to 32 letters, digits, “-” or “_”)"),
                 (int) code_len, code);

  /* session number */
  switch (parse_number (session_s, session_len, &session))
    {
    case NUMBER_OK:
      if (session == 0)
        add_problem (ctx, line, _("session 0 does not exist: sessions are numbered from 1"));
      else if (session > MAX_SESSION)
        add_problem (ctx, line, _("session %d is past the last possible session number (%d)"),
                     session, MAX_SESSION);
      break;
    case NUMBER_EMPTY:
      add_problem (ctx, line, _("missing session number"));
      break;
    case NUMBER_NEGATIVE:
      add_problem (ctx, line, _("session “%.*s” is negative: sessions are numbered from 1"),
                   (int) session_len, session_s);
      break;
    case NUMBER_TOO_LARGE:
      add_problem (ctx, line, _("session %.*s is past the last possible session number (%d)"),
                   (int) session_len, session_s, MAX_SESSION);
      break;
    case NUMBER_NOT_A_NUMBER:
    default:
      add_problem (ctx, line, _("session “%.*s” is not a whole number"),
                   (int) session_len, session_s);
      break;
    }

  /* date */
  if (date_len == 0)
    {
      add_problem (ctx, line, _("missing date"));
    }
  else if (!date_has_iso_shape (date, date_len))
    {
      add_problem (ctx, line, _("date “%.*s” is not written YYYY-MM-DD (ISO 8601)"),
                   (int) date_len, date);
    }
  else
    {
      char d[11];

      memcpy (d, date, 10);
      d[10] = '\0';
      if (!ipt_date_is_valid (d))
        add_problem (ctx, line, _("impossible date “%s”"), d);
    }

  /* measure */
  if (measure_len == 0)
    {
      g_autofree char *expected = expected_measures (ctx);

      add_problem (ctx, line, _("missing measure (expected one of %s)"), expected);
    }
  else
    {
      for (i = 0; i < ctx->n_measures; i++)
        {
          const char *id = ctx->measures[i]->id;

          if (strlen (id) == measure_len && memcmp (id, measure_s, measure_len) == 0)
            {
              measure = ctx->measures[i];
              measure_index = i;
              break;
            }
        }
      if (measure == NULL)
        {
          g_autofree char *expected = expected_measures (ctx);

          add_problem (ctx, line, _("unknown measure “%.*s” (expected one of %s)"),
                       (int) measure_len, measure_s, expected);
        }
    }

  /* total: checked against the measure's range */
  if (total_len > 0)
    {
      int value = 0;

      switch (parse_number (total_s, total_len, &value))
        {
        case NUMBER_OK:
          total_given = TRUE;
          total = value;
          if (measure != NULL && !ipt_measure_total_in_range (measure, total))
            add_problem (ctx, line, _("total %d is out of range for %s (%d to %d)"),
                         total, measure->name, measure->total_min, measure->total_max);
          break;
        case NUMBER_NEGATIVE:
          add_problem (ctx, line, _("total “%.*s” is negative"), (int) total_len, total_s);
          break;
        case NUMBER_TOO_LARGE:
          add_problem (ctx, line, _("total %.*s is out of range"), (int) total_len, total_s);
          break;
        case NUMBER_EMPTY:
        case NUMBER_NOT_A_NUMBER:
        default:
          add_problem (ctx, line, _("total “%.*s” is not a whole number"),
                       (int) total_len, total_s);
          break;
        }
    }

  /* items: "a;b;c", an empty element is an unanswered item */
  if (items_len > 0 && measure != NULL)
    {
      if (measure->n_items == 0)
        {
          add_problem (ctx, line,
                       _("%s is recorded as a total only (its wording is not shipped): "
                         "leave items empty"), measure->name);
        }
      else
        {
          const char *p = items_s;
          const char *end = items_s + items_len;
          guint n = 1;
          const char *q;
          gboolean items_ok = TRUE;

          for (q = items_s; q < end; q++)
            if (*q == ';')
              n++;
          if (n != measure->n_items)
            {
              add_problem (ctx, line, _("%s has %u items, found %u"),
                           measure->name, measure->n_items, n);
              items_ok = FALSE;
            }
          else
            {
              for (i = 0; i < n; i++)
                {
                  const char *e = p;
                  gsize elen;
                  int value = 0;

                  while (e < end && *e != ';')
                    e++;
                  elen = (gsize) (e - p);
                  p = trim (p, &elen);
                  switch (parse_number (p, elen, &value))
                    {
                    case NUMBER_OK:
                      if (value < measure->items[i].min || value > measure->items[i].max)
                        {
                          add_problem (ctx, line,
                                       _("item %u is %d, out of range for %s (%d to %d)"),
                                       i + 1, value, measure->name,
                                       measure->items[i].min, measure->items[i].max);
                          items_ok = FALSE;
                        }
                      answers[i] = value;
                      break;
                    case NUMBER_EMPTY:
                      answers[i] = IPT_ITEM_MISSING;
                      if (n_missing++ == 0)
                        first_missing = i + 1;
                      break;
                    case NUMBER_NEGATIVE:
                    case NUMBER_TOO_LARGE:
                      add_problem (ctx, line,
                                   _("item %u is %.*s, out of range for %s (%d to %d)"),
                                   i + 1, (int) elen, p, measure->name,
                                   measure->items[i].min, measure->items[i].max);
                      items_ok = FALSE;
                      break;
                    case NUMBER_NOT_A_NUMBER:
                    default:
                      add_problem (ctx, line, _("item %u (“%.*s”) is not a whole number"),
                                   i + 1, (int) elen, p);
                      items_ok = FALSE;
                      break;
                    }
                  p = e + 1;
                }
            }

          if (items_ok && n_missing == n)
            {
              add_problem (ctx, line, _("no %s item is answered"), measure->name);
            }
          else if (items_ok && n_missing > 0 && measure->missing_rule == IPT_MISSING_RULE_NONE)
            {
              add_problem (ctx, line, _("%s needs all %u items (item %u is empty)"),
                           measure->name, measure->n_items, first_missing);
            }
          else if (items_ok)
            {
              int computed = ipt_measure_compute_total (measure, answers, n);

              n_answers = n;
              if (total_given && computed == IPT_TOTAL_NONE)
                add_problem (ctx, line,
                             _("%s has no total with %u items unanswered, but the total is %d"),
                             measure->name, n_missing, total);
              else if (total_given && computed != total)
                add_problem (ctx, line, _("the items give a total of %d but the total is %d"),
                             computed, total);
              total = computed;
            }
        }
    }
  else if (items_len == 0 && total_len == 0)
    {
      add_problem (ctx, line, _("neither a total nor items: give one or both"));
    }

  if (ctx->problems->len > n_problems)
    return;

  /* A good row: checks against the other rows of the file. */
  client = get_client (ctx, code, code_len);
  sess = get_session (client, (guint) session);

  if (client->first_date[0] == '\0' || memcmp (date, client->first_date, 10) < 0)
    {
      memcpy (client->first_date, date, 10);
      client->first_date[10] = '\0';
    }

  if (sess->date[0] == '\0')
    {
      memcpy (sess->date, date, 10);
      sess->date[10] = '\0';
      sess->date_line = line;
    }
  else if (memcmp (sess->date, date, 10) != 0)
    {
      add_problem (ctx, line,
                   _("session %d of %s is dated %.10s here but %s on line %u: a session has "
                     "one date"), session, client->code, date, sess->date, sess->date_line);
      return;
    }

  row.line = line;
  row.measure = measure_index;
  row.session = (guint) session;
  row.total = total;
  row.n_items = n_answers;
  row.items_at = ctx->answers->len;
  row.action = ACTION_INSERT;
  if (n_answers > 0)
    g_array_append_vals (ctx->answers, answers, n_answers);

  if (sess->rows[measure_index] != 0)
    {
      Row *other = &g_array_index (ctx->rows, Row, sess->rows[measure_index] - 1);

      if (row_agrees (ctx, &row, other->total, row_items (ctx, other), other->n_items))
        {
          ctx->n_duplicates++;
          return;
        }
      if (row_agrees (ctx, other, row.total, row_items (ctx, &row), row.n_items))
        {
          /* the same score, with the answers this time: keep this row */
          ctx->n_duplicates++;
          *other = row;
          return;
        }
      add_problem (ctx, line,
                   _("%s of %s session %d differs from the one on line %u"),
                   measure->name, client->code, session, other->line);
      return;
    }

  g_array_append_val (ctx->rows, row);
  sess->rows[measure_index] = ctx->rows->len;
}

static gboolean
parse_file (ImportContext *ctx,
            const char    *data,
            gsize          len)
{
  g_autoptr(IptCsvReader) reader = ipt_csv_reader_new (data, len);
  IptCsvRecordStatus status;
  guint line, problem_line;
  int columns[N_COLS];
  gboolean header = FALSE;

  while (ipt_csv_reader_next (reader, &status, &line, &problem_line))
    {
      switch (status)
        {
        case IPT_CSV_RECORD_BLANK:
          if (!header)
            {
              add_problem (ctx, line, _("no header row: the first line must name the columns %s"),
                           IPT_SCORES_CSV_HEADER);
              return FALSE;
            }
          continue;
        case IPT_CSV_RECORD_BAD_UTF8:
          add_problem (ctx, problem_line, _("invalid UTF-8 (the file must be saved as UTF-8)"));
          break;
        case IPT_CSV_RECORD_UNTERMINATED:
          add_problem (ctx, problem_line,
                       _("a quoted field starts on this line and its closing quote is missing"));
          break;
        case IPT_CSV_RECORD_TEXT_AFTER_QUOTE:
          add_problem (ctx, problem_line,
                       _("text after the closing quote of a field (a quote inside a quoted "
                         "field is written twice)"));
          break;
        case IPT_CSV_RECORD_STRAY_QUOTE:
          add_problem (ctx, problem_line,
                       _("a quote inside an unquoted field (quote the whole field and write "
                         "the quote twice)"));
          break;
        case IPT_CSV_RECORD_OK:
        default:
          if (!header)
            {
              header = TRUE;
              check_header (ctx, reader, line, columns);
              if (columns[0] < 0)
                return FALSE;
            }
          else
            {
              read_row (ctx, reader, line, columns);
            }
          continue;
        }

      /* a broken record */
      if (!header)
        return FALSE;
    }

  if (!header)
    {
      add_problem (ctx, 1, _("the file is empty: the first line must name the columns %s"),
                   IPT_SCORES_CSV_HEADER);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sql_failed (sqlite3     *db,
            const char  *what,
            GError     **error)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
               _("Could not import the scores (%s): %s"), what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    return sql_failed (db, "prepare", error);
  return TRUE;
}

static guint
measure_index_of (ImportContext *ctx,
                  const char    *id)
{
  guint i;

  for (i = 0; i < ctx->n_measures; i++)
    if (g_strcmp0 (ctx->measures[i]->id, id) == 0)
      return i;
  return G_MAXUINT;
}

typedef struct
{
  sqlite3_stmt *client;
  sqlite3_stmt *episode;
  sqlite3_stmt *sessions;
  sqlite3_stmt *scores;
} LoadStatements;

static void
load_statements_clear (LoadStatements *st)
{
  sqlite3_finalize (st->client);
  sqlite3_finalize (st->episode);
  sqlite3_finalize (st->sessions);
  sqlite3_finalize (st->scores);
}

/* Reads what the casebook holds for one client of the file: id, current course, its sessions
 * and their scores. */
static gboolean
load_client (ImportContext  *ctx,
             sqlite3        *db,
             LoadStatements *st,
             ImportClient   *client,
             GError        **error)
{
  int rc;

  sqlite3_reset (st->client);
  sqlite3_bind_text (st->client, 1, client->code, -1, SQLITE_STATIC);
  rc = sqlite3_step (st->client);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return sql_failed (db, "clients", error);
  client->id = sqlite3_column_int64 (st->client, 0);

  sqlite3_reset (st->episode);
  sqlite3_bind_int64 (st->episode, 1, client->id);
  rc = sqlite3_step (st->episode);
  if (rc != SQLITE_ROW)
    return sql_failed (db, "episodes", error);
  client->n_episodes = (guint) sqlite3_column_int (st->episode, 1);
  if (sqlite3_column_type (st->episode, 0) == SQLITE_NULL)
    return TRUE;
  client->episode_id = sqlite3_column_int64 (st->episode, 0);

  sqlite3_reset (st->sessions);
  sqlite3_bind_int64 (st->sessions, 1, client->episode_id);
  while ((rc = sqlite3_step (st->sessions)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (st->sessions, 1);
      const char *date = (const char *) sqlite3_column_text (st->sessions, 2);
      const char *attendance = (const char *) sqlite3_column_text (st->sessions, 3);
      ImportSession *sess;

      if (number < 1 || number > MAX_SESSION)
        continue;
      sess = get_session (client, (guint) number);
      sess->id = sqlite3_column_int64 (st->sessions, 0);
      g_strlcpy (sess->db_date, date != NULL ? date : "", sizeof sess->db_date);
      g_free (sess->attendance);
      sess->attendance = g_strdup (attendance != NULL ? attendance : "");
      sess->attended = g_strcmp0 (attendance, "attended") == 0;
    }
  if (rc != SQLITE_DONE)
    return sql_failed (db, "sessions", error);

  sqlite3_reset (st->scores);
  sqlite3_bind_int64 (st->scores, 1, client->episode_id);
  while ((rc = sqlite3_step (st->scores)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (st->scores, 1);
      guint m = measure_index_of (ctx, (const char *) sqlite3_column_text (st->scores, 2));
      ImportSession *sess;
      Existing *ex;
      guint i;

      if (number < 1 || number > MAX_SESSION || m == G_MAXUINT)
        continue;
      sess = get_session (client, (guint) number);
      if (sess->existing == NULL)
        sess->existing = g_new0 (Existing *, MAX_MEASURES);
      if (sess->existing[m] != NULL)
        continue;
      ex = g_new0 (Existing, 1);
      ex->id = sqlite3_column_int64 (st->scores, 0);
      ex->total = sqlite3_column_type (st->scores, 3) == SQLITE_NULL
                  ? IPT_TOTAL_NONE : sqlite3_column_int (st->scores, 3);
      ex->capacity = ctx->measures[m]->n_items;
      if (ex->capacity > 0)
        {
          ex->items = g_new (int, ex->capacity);
          if (_ipt_store_unpack_answers ((const char *) sqlite3_column_text (st->scores, 4),
                                         ex->items, ex->capacity))
            ex->n_items = ex->capacity;
          else
            for (i = 0; i < ex->capacity; i++)
              ex->items[i] = IPT_ITEM_MISSING;
        }
      sess->existing[m] = ex;
    }
  if (rc != SQLITE_DONE)
    return sql_failed (db, "scores", error);

  return TRUE;
}

/* Compares the good rows with the casebook: changed scores and dates, sessions not attended. */
static void
check_client (ImportContext *ctx,
              ImportClient  *client)
{
  gboolean replace = (ctx->flags & IPT_IMPORT_REPLACE) != 0;
  guint n, m;

  if (client->episode_id == 0)
    return;

  for (n = 1; n <= MAX_SESSION; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess == NULL || sess->date[0] == '\0' || sess->id == 0)
        continue;

      if (strcmp (sess->db_date, sess->date) != 0)
        {
          if (replace)
            sess->redate = TRUE;
          else
            add_problem (ctx, sess->date_line,
                         _("session %u of %s is dated %s in the casebook, not %s "
                           "(import with --replace to change it)"),
                         n, client->code, sess->db_date, sess->date);
        }

      for (m = 0; m < ctx->n_measures; m++)
        {
          Row *row;
          Existing *ex = session_existing (sess, m);

          if (sess->rows[m] == 0)
            continue;
          row = &g_array_index (ctx->rows, Row, sess->rows[m] - 1);

          if (ex != NULL && row_agrees (ctx, row, ex->total, ex->items, ex->n_items))
            {
              row->action = ACTION_SKIP;
              continue;
            }

          if (!sess->attended)
            {
              add_problem (ctx, row->line,
                           _("session %u of %s is recorded as “%s”: scores belong to attended "
                             "sessions"), n, client->code, sess->attendance);
              continue;
            }

          if (ex == NULL)
            continue;

          if (replace)
            {
              row->action = ACTION_UPDATE;
            }
          else
            {
              g_autoptr(GString) was = g_string_new (NULL);
              g_autoptr(GString) now = g_string_new (NULL);
              const IptMeasure *measure = ctx->measures[m];

              format_score (was, measure, ex->total, ex->items, ex->n_items);
              format_score (now, measure, row->total, row_items (ctx, row), row->n_items);
              add_problem (ctx, row->line,
                           _("%s of %s session %u is already in the casebook with %s, this row "
                             "has %s (import with --replace to change it)"),
                           measure->name, client->code, n, was->str, now->str);
            }
        }
    }
}

static gboolean
step_done (sqlite3      *db,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (db, what, error);
  return TRUE;
}

/* Rows inserted many at a time: one statement of `size` rows, parents flushed first so that
 * foreign keys always find their row. */
typedef struct
{
  int         type;   /* SQLITE_INTEGER, SQLITE_TEXT or SQLITE_NULL */
  gint64      i;
  const char *s;      /* static, or held by the import context until the flush */
} Value;

typedef struct _Batch Batch;
struct _Batch
{
  const char   *what;
  sqlite3_stmt *full;
  sqlite3_stmt *one;
  guint         n_cols;
  guint         size;
  guint         n_rows;
  Value        *values;
  Batch        *parent;
  gint64        last_id;  /* the id SQLite must give the last row; 0: not checked */
};

static gboolean
batch_prepare (Batch       *batch,
               sqlite3     *db,
               const char  *what,
               const char  *head,
               const char  *tuple,
               guint        n_cols,
               guint        size,
               Batch       *parent,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  guint r;

  batch->what = what;
  batch->n_cols = n_cols;
  batch->size = size;
  batch->n_rows = 0;
  batch->parent = parent;
  batch->values = g_new0 (Value, (gsize) n_cols * size);

  for (r = 0; r < size; r++)
    g_string_append_printf (sql, "%s%s", r > 0 ? ", " : " VALUES ", tuple);
  if (!prepare (db, sql->str, &batch->full, error))
    return FALSE;
  g_string_printf (sql, "%s VALUES %s", head, tuple);
  return prepare (db, sql->str, &batch->one, error);
}

static void
batch_clear (Batch *batch)
{
  sqlite3_finalize (batch->full);
  sqlite3_finalize (batch->one);
  g_free (batch->values);
  memset (batch, 0, sizeof *batch);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Value  *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, value->s, -1, SQLITE_STATIC);
      break;
    case SQLITE_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static gboolean
batch_flush (Batch    *batch,
             sqlite3  *db,
             GError  **error)
{
  guint r, c;

  if (batch->parent != NULL && !batch_flush (batch->parent, db, error))
    return FALSE;
  if (batch->n_rows == 0)
    return TRUE;

  if (batch->n_rows == batch->size)
    {
      for (r = 0; r < batch->n_rows * batch->n_cols; r++)
        bind_value (batch->full, (int) r + 1, &batch->values[r]);
      if (!step_done (db, batch->full, batch->what, error))
        return FALSE;
    }
  else
    {
      for (r = 0; r < batch->n_rows; r++)
        {
          for (c = 0; c < batch->n_cols; c++)
            bind_value (batch->one, (int) c + 1, &batch->values[r * batch->n_cols + c]);
          if (!step_done (db, batch->one, batch->what, error))
            return FALSE;
        }
    }
  batch->n_rows = 0;

  /* Rows given a NULL id take the next one after the table's largest (see write_prepare): the
   * ids the import counted must be the ones SQLite gave, or nothing is written. */
  if (batch->last_id != 0 && sqlite3_last_insert_rowid (db) != batch->last_id)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not import the scores (%s): the new records were not numbered as "
                     "expected"), batch->what);
      return FALSE;
    }
  return TRUE;
}

/* Takes the next row's values (n_cols of them). */
static Value *
batch_row (Batch *batch)
{
  g_assert (batch->n_rows < batch->size);
  return &batch->values[batch->n_rows++ * batch->n_cols];
}

static gboolean
batch_maybe_flush (Batch    *batch,
                   sqlite3  *db,
                   GError  **error)
{
  if (batch->n_rows < batch->size)
    return TRUE;
  return batch_flush (batch, db, error);
}

static inline void
value_int (Value  *value,
           gint64  i)
{
  value->type = SQLITE_INTEGER;
  value->i = i;
}

static inline void
value_text (Value      *value,
            const char *s)
{
  value->type = SQLITE_TEXT;
  value->s = s;
}

static inline void
value_total (Value *value,
             int    total)
{
  if (total == IPT_TOTAL_NONE || total == IPT_ITEM_MISSING)
    value->type = SQLITE_NULL;
  else
    value_int (value, total);
}

#define SCORES_BATCH 256
#define ANSWERS_SIZE (IPT_STORE_MAX_ANSWERS + 1)

typedef struct
{
  sqlite3_stmt *client;
  sqlite3_stmt *episode;
  sqlite3_stmt *redate;
  sqlite3_stmt *update_score;
  sqlite3_stmt *series;
  Batch         sessions;
  Batch         scores;
  char         *answers;  /* scores.answers of each batched score, ANSWERS_SIZE bytes each */
  gint64        next_session_id;
  gint64        next_score_id;
} WriteStatements;

static void
write_statements_clear (WriteStatements *st)
{
  sqlite3_finalize (st->client);
  sqlite3_finalize (st->episode);
  sqlite3_finalize (st->redate);
  sqlite3_finalize (st->update_score);
  sqlite3_finalize (st->series);
  g_free (st->answers);
  batch_clear (&st->scores);
  batch_clear (&st->sessions);
}

static gboolean
write_prepare (ImportContext   *ctx,
               sqlite3         *db,
               WriteStatements *st,
               GError         **error)
{
  gint64 max_session = 0, max_score = 0;

  if (!prepare (db, "INSERT INTO clients (code, created_at, updated_at) VALUES (?1, ?2, ?2)",
                &st->client, error) ||
      !prepare (db, "INSERT INTO episodes (client_id, ordinal, start_date, planned_sessions, "
                    "assessment_end, middle_end, status) VALUES (?, ?, ?, ?, ?, ?, 'active')",
                &st->episode, error) ||
      !prepare (db, "UPDATE sessions SET date = ? WHERE id = ?", &st->redate, error) ||
      !prepare (db, "UPDATE scores SET measure_version = ?, total = ?, risk = ?, answers = ? "
                    "WHERE id = ?",
                &st->update_score, error) ||
      !prepare (db, "INSERT OR REPLACE INTO episode_series (episode_id, sessions_attended, "
                    "current_session, phq9, gad7) VALUES (?, ?, ?, ?, ?)",
                &st->series, error))
    return FALSE;

  if (!batch_prepare (&st->sessions, db, "sessions",
                      "INSERT INTO sessions (id, episode_id, number, date, attendance)",
                      "(?, ?, ?, ?, 'attended')", 4, 64, NULL, error) ||
      !batch_prepare (&st->scores, db, "scores",
                      "INSERT INTO scores (id, session_id, measure, measure_version, total, risk, "
                      "answers)",
                      "(?, ?, ?, ?, ?, ?, ?)", 7, SCORES_BATCH, &st->sessions, error))
    return FALSE;
  st->answers = g_new (char, (gsize) SCORES_BATCH * ANSWERS_SIZE);

  /* The transaction holds the write lock: the next ids are ours. New rows are inserted with a
   * NULL id, which SQLite turns into one more than the table's largest (no search for a free
   * id, as an explicit one costs); batch_flush checks that they came out as counted here. */
  {
    sqlite3_stmt *stmt = NULL;

    if (!prepare (db, "SELECT (SELECT coalesce (max (id), 0) FROM sessions), "
                      "(SELECT coalesce (max (id), 0) FROM scores)", &stmt, error))
      return FALSE;
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        sqlite3_finalize (stmt);
        return sql_failed (db, "ids", error);
      }
    max_session = sqlite3_column_int64 (stmt, 0);
    max_score = sqlite3_column_int64 (stmt, 1);
    sqlite3_finalize (stmt);
  }
  /* every row of the file a new session and score at most */
  if (max_session < 0 || max_score < 0 ||
      max_session > G_MAXINT64 - 1 - (gint64) ctx->rows->len ||
      max_score > G_MAXINT64 - 1 - (gint64) ctx->rows->len)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not import the scores: the casebook's record numbers are too large "
                     "for new sessions and scores"));
      return FALSE;
    }
  st->next_session_id = max_session + 1;
  st->next_score_id = max_score + 1;
  return TRUE;
}


static gboolean
write_row (ImportContext    *ctx,
           sqlite3          *db,
           WriteStatements  *st,
           ImportSession    *sess,
           Row              *row,
           IptImportSummary *summary,
           GError          **error)
{
  const IptMeasure *measure = ctx->measures[row->measure];
  gboolean risk = row->n_items > 0 &&
                  ipt_measure_items_flag_risk (measure, row_items (ctx, row), row->n_items);
  char answers[IPT_STORE_MAX_ANSWERS + 1];
  gint64 score_id;

  if (row->action == ACTION_SKIP)
    {
      summary->n_unchanged++;
      return TRUE;
    }

  if (row->action == ACTION_UPDATE)
    {
      score_id = sess->existing[row->measure]->id;
      sqlite3_bind_text (st->update_score, 1, measure->version, -1, SQLITE_STATIC);
      if (row->total == IPT_TOTAL_NONE)
        sqlite3_bind_null (st->update_score, 2);
      else
        sqlite3_bind_int (st->update_score, 2, row->total);
      sqlite3_bind_int (st->update_score, 3, risk ? 1 : 0);
      /* the row's answers replace the old ones (a total alone, agreeing with them, is skipped) */
      if (_ipt_store_pack_answers (row_items (ctx, row), row->n_items, answers) != NULL)
        sqlite3_bind_text (st->update_score, 4, answers, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (st->update_score, 4);
      sqlite3_bind_int64 (st->update_score, 5, score_id);
      if (!step_done (db, st->update_score, "scores", error))
        return FALSE;
      summary->n_scores_replaced++;
      return TRUE;
    }

  /* new scores take the ids after the casebook's last */
  score_id = st->next_score_id++;
  {
    char *text = st->answers + (gsize) st->scores.n_rows * ANSWERS_SIZE;
    Value *v = batch_row (&st->scores);

    /* NULL: SQLite numbers the row, score_id as checked by batch_flush */
    v[0].type = SQLITE_NULL;
    st->scores.last_id = score_id;
    value_int (&v[1], sess->id);
    value_text (&v[2], measure->id);
    value_text (&v[3], measure->version);
    value_total (&v[4], row->total);
    value_int (&v[5], risk ? 1 : 0);
    if (_ipt_store_pack_answers (row_items (ctx, row), row->n_items, text) != NULL)
      value_text (&v[6], text);
    else
      v[6].type = SQLITE_NULL;
  }
  if (!batch_maybe_flush (&st->scores, db, error))
    return FALSE;
  summary->n_scores_new++;
  return TRUE;
}

/* A whole number >= 0 in decimal, without printf (thousands of points per import). */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* One point of a course's series as episode_series_view writes it: "number:total:risk answer",
 * from the score the course holds once the import is written. */
static void
append_point (ImportContext *ctx,
              ImportSession *sess,
              guint          number,
              guint          m,
              gboolean       with_risk,
              GString       *series)
{
  const IptMeasure *measure = ctx->measures[m];
  const Row *row = sess->rows[m] != 0 ? &g_array_index (ctx->rows, Row, sess->rows[m] - 1) : NULL;
  const Existing *ex = session_existing (sess, m);
  const int *items;
  guint n_items;
  int total;

  if (row != NULL && row->action != ACTION_SKIP)
    {
      total = row->total;
      items = row_items (ctx, row);
      n_items = row->n_items;
    }
  else if (ex != NULL)
    {
      total = ex->total;
      items = ex->items;
      n_items = ex->n_items;
    }
  else
    {
      return;
    }

  if (series->len > 0)
    g_string_append_c (series, ',');
  append_uint (series, number);
  g_string_append_c (series, ':');
  if (total != IPT_TOTAL_NONE && total >= 0)
    append_uint (series, (guint) total);
  g_string_append_c (series, ':');
  if (with_risk && measure->risk_item >= 0 && (guint) measure->risk_item < n_items &&
      items[measure->risk_item] >= 0)
    append_uint (series, (guint) items[measure->risk_item]);
}

/* The course's row of episode_series, computed from what the import loaded and wrote instead of
 * from the view (its triggers are suspended: see begin_bulk); tests/test-csv.c compares both. */
static gboolean
write_series (ImportContext    *ctx,
              sqlite3          *db,
              WriteStatements  *st,
              ImportClient     *client,
              GError          **error)
{
  g_autoptr(GString) phq9 = g_string_new (NULL);
  g_autoptr(GString) gad7 = g_string_new (NULL);
  guint phq9_m = measure_index_of (ctx, "phq9");
  guint gad7_m = measure_index_of (ctx, "gad7");
  guint n, attended = 0, current = 0;

  for (n = 1; n <= MAX_SESSION; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess == NULL || sess->id == 0 || !sess->attended)
        continue;
      attended++;
      current = n;
      if (phq9_m != G_MAXUINT)
        append_point (ctx, sess, n, phq9_m, TRUE, phq9);
      if (gad7_m != G_MAXUINT)
        append_point (ctx, sess, n, gad7_m, FALSE, gad7);
    }

  sqlite3_bind_int64 (st->series, 1, client->episode_id);
  sqlite3_bind_int (st->series, 2, (int) attended);
  sqlite3_bind_int (st->series, 3, (int) current);
  sqlite3_bind_text (st->series, 4, phq9->str, (int) phq9->len, SQLITE_STATIC);
  sqlite3_bind_text (st->series, 5, gad7->str, (int) gad7->len, SQLITE_STATIC);
  return step_done (db, st->series, "course progress", error);
}

static gboolean
write_client (ImportContext    *ctx,
              sqlite3          *db,
              WriteStatements  *st,
              ImportClient     *client,
              const char       *now,
              IptImportSummary *summary,
              GError          **error)
{
  guint n, m;

  if (client->id == 0)
    {
      sqlite3_bind_text (st->client, 1, client->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->client, 2, now, -1, SQLITE_STATIC);
      if (!step_done (db, st->client, "clients", error))
        return FALSE;
      client->id = sqlite3_last_insert_rowid (db);
      summary->n_clients_new++;
    }

  if (client->episode_id == 0)
    {
      guint assessment_end = 0, middle_end = 0;

      ipt_phase_default_boundaries (IPT_PLANNED_SESSIONS_DEFAULT, &assessment_end, &middle_end);
      sqlite3_bind_int64 (st->episode, 1, client->id);
      sqlite3_bind_int (st->episode, 2, (int) client->n_episodes + 1);
      sqlite3_bind_text (st->episode, 3, client->first_date, -1, SQLITE_STATIC);
      sqlite3_bind_int (st->episode, 4, IPT_PLANNED_SESSIONS_DEFAULT);
      sqlite3_bind_int (st->episode, 5, (int) assessment_end);
      sqlite3_bind_int (st->episode, 6, (int) middle_end);
      if (!step_done (db, st->episode, "episodes", error))
        return FALSE;
      client->episode_id = sqlite3_last_insert_rowid (db);
      summary->n_episodes_new++;
    }

  for (n = 1; n <= MAX_SESSION; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess == NULL || sess->date[0] == '\0')
        continue;

      if (sess->id == 0)
        {
          Value *v = batch_row (&st->sessions);

          sess->id = st->next_session_id++;
          sess->attended = TRUE;
          v[0].type = SQLITE_NULL;  /* numbered sess->id by SQLite, as for scores */
          st->sessions.last_id = sess->id;
          value_int (&v[1], client->episode_id);
          value_int (&v[2], n);
          value_text (&v[3], sess->date);
          if (!batch_maybe_flush (&st->sessions, db, error))
            return FALSE;
          summary->n_sessions_new++;
        }
      else if (sess->redate)
        {
          sqlite3_bind_text (st->redate, 1, sess->date, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (st->redate, 2, sess->id);
          if (!step_done (db, st->redate, "sessions", error))
            return FALSE;
          summary->n_sessions_redated++;
        }

      for (m = 0; m < ctx->n_measures; m++)
        {
          if (sess->rows[m] == 0)
            continue;
          if (!write_row (ctx, db, st, sess, &g_array_index (ctx->rows, Row, sess->rows[m] - 1),
                          summary, error))
            return FALSE;
        }
    }

  return write_series (ctx, db, st, client, error);
}

/* Bulk writing.
 *
 * The triggers of the schema (ipt-schema-2.sql) that mark a course stale for each row written
 * would have the store recompute every course of the file from episode_series_view before the
 * commit. Inside the import's transaction they are dropped; the import writes the episode_series
 * row of each course it touched itself (write_series), and the triggers are created again from
 * their own SQL before the commit; any failure rolls the whole transaction back, triggers
 * included. A trigger not named here keeps firing row by row. When one of these triggers or the
 * view changes its meaning in the schema, write_series must change with it (tests/test-csv.c
 * compares the results with what the view gives). Item answers are checked by the CHECK of
 * scores.answers (ipt-schema-3.sql), as any other writer's. */
static const char * const bulk_triggers[] = {
  "episode_series_episode_insert",
  "episode_series_session_insert",
  "episode_series_session_update",
  "episode_series_score_insert",
  "episode_series_score_update",
};

typedef struct
{
  char *sql[G_N_ELEMENTS (bulk_triggers)];  /* NULL: not in this casebook */
} Suspended;

static void
suspended_clear (Suspended *suspended)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    g_clear_pointer (&suspended->sql[i], g_free);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_failed (db, what, error);
  return TRUE;
}

static gboolean
begin_bulk (sqlite3    *db,
            Suspended  *suspended,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  guint i;

  if (!prepare (db, "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?",
                &stmt, error))
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, bulk_triggers[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        suspended->sql[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return sql_failed (db, "triggers", error);
        }
    }
  sqlite3_finalize (stmt);

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      g_autofree char *drop = NULL;

      if (suspended->sql[i] == NULL)
        continue;
      drop = g_strdup_printf ("DROP TRIGGER main.%s", bulk_triggers[i]);
      if (!exec_sql (db, drop, "triggers", error))
        return FALSE;
    }
  return TRUE;
}

/* Brings the suspended triggers back. */
static gboolean
finish_bulk (sqlite3    *db,
             Suspended  *suspended,
             GError    **error)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      if (suspended->sql[i] != NULL && !exec_sql (db, suspended->sql[i], "triggers", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
any_session_redated (ImportContext *ctx)
{
  guint i, n;

  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      for (n = 1; n <= MAX_SESSION; n++)
        if (client_session (client, n) != NULL && client_session (client, n)->redate)
          return TRUE;
    }
  return FALSE;
}

static gboolean
run_import (ImportContext    *ctx,
            IptStore         *store,
            IptImportSummary *summary,
            GError          **error)
{
  sqlite3 *db = _ipt_store_get_db (store);
  LoadStatements load = { NULL, };
  WriteStatements write = { NULL, };
  Suspended suspended = { { NULL, } };
  g_autofree char *now = _ipt_store_now ();
  gboolean ok = FALSE;
  guint i;

  if (!_ipt_store_write_begin (store, error))
    return FALSE;

  if (!prepare (db, "SELECT id FROM clients WHERE code = ?", &load.client, error) ||
      !prepare (db, "SELECT (SELECT id FROM episodes WHERE client_id = ?1 "
                    "ORDER BY ordinal DESC LIMIT 1), "
                    "(SELECT coalesce(max(ordinal), 0) FROM episodes WHERE client_id = ?1)",
                &load.episode, error) ||
      !prepare (db, "SELECT id, number, date, attendance FROM sessions WHERE episode_id = ?",
                &load.sessions, error) ||
      !prepare (db, "SELECT sc.id, s.number, sc.measure, sc.total, sc.answers FROM scores sc "
                    "JOIN sessions s ON s.id = sc.session_id WHERE s.episode_id = ?",
                &load.scores, error))
    goto out;

  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      if (!load_client (ctx, db, &load, client, error))
        goto out;
      check_client (ctx, client);
    }

  if (ctx->problems->len > 0)
    {
      ok = TRUE;  /* reported by the caller */
      goto out;
    }

  load_statements_clear (&load);
  memset (&load, 0, sizeof load);

  /* everything already in the casebook (a file imported again): nothing to write */
  {
    guint n_skipped = 0;

    for (i = 0; i < ctx->rows->len; i++)
      if (g_array_index (ctx->rows, Row, i).action == ACTION_SKIP)
        n_skipped++;
    if (n_skipped == ctx->rows->len && !any_session_redated (ctx))
      {
        summary->n_unchanged += n_skipped;
        return _ipt_store_write_end (store, TRUE, error);
      }
  }

  if (!begin_bulk (db, &suspended, error) ||
      !write_prepare (ctx, db, &write, error))
    goto out;

  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      if (!write_client (ctx, db, &write, client, now, summary, error))
        goto out;
    }
  if (!batch_flush (&write.scores, db, error))
    goto out;

  write_statements_clear (&write);
  memset (&write, 0, sizeof write);

  if (!finish_bulk (db, &suspended, error))
    goto out;
  suspended_clear (&suspended);

  return _ipt_store_write_end (store, TRUE, error);

out:
  load_statements_clear (&load);
  write_statements_clear (&write);
  suspended_clear (&suspended);
  _ipt_store_write_end (store, FALSE, NULL);
  return ok;
}

gboolean
ipt_import_scores_csv_data (IptStore         *store,
                            const char       *name,
                            const char       *data,
                            gsize             len,
                            IptImportFlags    flags,
                            IptImportSummary *summary,
                            GPtrArray        *problems,
                            GError          **error)
{
  ImportContext ctx;
  IptImportSummary local = { 0, };
  gboolean ok;
  guint i;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ipt_store_get_read_only (store))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                   _("This casebook is open read-only: nothing can be imported into it"));
      return FALSE;
    }

  import_context_init (&ctx, name, flags);

  ok = parse_file (&ctx, data != NULL ? data : "", len);
  if (ok && ctx.rows->len > 0)
    {
      sqlite3 *db = _ipt_store_get_db (store);
      sqlite3_stmt *stmt = NULL;
      g_autofree char *restore = NULL;

      /* SQLite's default page cache (2 MiB) while importing: the pages of a large file go to
       * the WAL as the cache fills and the same memory serves again, where a cache that grows
       * to hold them all costs more in fresh memory than the spilling does (measured with
       * tests/bench/bench-import). The connection's own size comes back after. */
      if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        restore = g_strdup_printf ("PRAGMA cache_size = %d", sqlite3_column_int (stmt, 0));
      sqlite3_finalize (stmt);
      if (restore != NULL)
        sqlite3_exec (db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);

      ok = run_import (&ctx, store, &local, error);

      if (restore != NULL)
        sqlite3_exec (db, restore, NULL, NULL, NULL);
    }
  else
    {
      ok = TRUE;
    }

  if (ok && ctx.problems->len > 0)
    {
      g_array_sort (ctx.problems, compare_problems);
      if (problems != NULL)
        {
          for (i = 0; i < ctx.problems->len; i++)
            {
              Problem *problem = &g_array_index (ctx.problems, Problem, i);

              g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s", name, problem->line,
                                                          problem->text));
            }
        }
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u problem, nothing was imported",
                                "%s: %u problems, nothing was imported",
                                ctx.problems->len),
                   name, ctx.problems->len);
      ok = FALSE;
    }
  else if (ok)
    {
      local.n_unchanged += ctx.n_duplicates;
      local.n_rows = ctx.rows->len + ctx.n_duplicates;
      local.n_clients = ctx.client_order->len;
      if (summary != NULL)
        *summary = local;
    }

  import_context_clear (&ctx);
  return ok;
}

gboolean
ipt_import_scores_csv (IptStore         *store,
                       const char       *path,
                       IptImportFlags    flags,
                       IptImportSummary *summary,
                       GPtrArray        *problems,
                       GError          **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not read the scores file: %s"), local_error->message);
      return FALSE;
    }

  return ipt_import_scores_csv_data (store, path, g_mapped_file_get_contents (file),
                                     g_mapped_file_get_length (file), flags, summary, problems,
                                     error);
}
