/* Reading the scores CSV and checking each row, alone and against the other rows of the file. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-import-private.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipt-csv.h"

#define MAX_ITEMS 64

enum { COL_CODE, COL_SESSION, COL_DATE, COL_MEASURE, COL_TOTAL, COL_ITEMS, COL_COURSE, N_COLS };

/* `course` may be left out: the rows then go to each client's current course. */
static const char * const column_names[N_COLS] = {
  "client_code", "session", "date", "measure", "total", "items", "course",
};

void
_ipt_import_add_problem (ImportContext *ctx,
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
  /* not "-", "+", "=" or "@" first: a spreadsheet would take it for a formula */
  if (!g_ascii_isalnum (s[0]))
    return FALSE;
  for (i = 0; i < len; i++)
    {
      char c = s[i];

      if (!g_ascii_isalnum (c) && c != '-' && c != '_')
        return FALSE;
    }
  return TRUE;
}

static ImportClient *
get_client (ImportContext *ctx,
            const char    *code,
            gsize          len,
            guint          course,
            guint          line)
{
  char key[48];
  ImportClient *client;

  /* codes are one and the same whatever their case: "c-0001" is "C-0001" */
  g_assert (len <= 32);
  for (gsize i = 0; i < len; i++)
    key[i] = g_ascii_tolower (code[i]);
  key[len] = '\0';
  if (course > 0)
    g_snprintf (key + len, sizeof key - len, "\x1f%u", course);

  client = g_hash_table_lookup (ctx->clients, key);
  if (client == NULL)
    {
      gpointer rank;
      char *folded;

      client = g_new0 (ImportClient, 1);
      client->key = g_strdup (key);
      client->code = g_strndup (code, len);
      client->course = course;
      client->first_line = line;
      if (course > 0)
        client->label = g_strdup_printf (_("%s course %u"), client->code, course);
      else
        client->label = g_strdup (client->code);

      folded = g_ascii_strdown (client->code, -1);

      if (!g_hash_table_lookup_extended (ctx->codes, folded, NULL, &rank))
        {
          rank = GUINT_TO_POINTER (g_hash_table_size (ctx->codes) + 1);
          g_hash_table_insert (ctx->codes, folded, rank);
        }
      else
        g_free (folded);
      client->rank = GPOINTER_TO_UINT (rank);
      g_hash_table_insert (ctx->clients, client->key, client);
      g_ptr_array_add (ctx->client_order, client);
    }
  return client;
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
      _ipt_import_add_problem (ctx, line,
                               _("no header row: the first line must name the columns %s"),
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
          _ipt_import_add_problem (ctx, line, _("unknown column “%s” in the header (expected %s)"),
                                   name, IPT_SCORES_CSV_HEADER);
          bad = TRUE;
        }
      else if (columns[j] >= 0)
        {
          _ipt_import_add_problem (ctx, line, _("column “%s” appears twice in the header"), name);
          bad = TRUE;
        }
      else
        {
          columns[j] = (int) i;
        }
    }

  ctx->has_course = columns[COL_COURSE] >= 0;
  for (j = 0; j < N_COLS; j++)
    {
      if (columns[j] < 0 && j != COL_COURSE)
        {
          _ipt_import_add_problem (ctx, line, _("missing column “%s” in the header (expected %s)"),
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
  const char *field;

  if (columns[col] < 0)
    {
      *len = 0;
      return "";
    }
  field = ipt_csv_reader_get_field (reader, (guint) columns[col], len);
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
  guint i;
  Row row;
  ImportClient *client;
  ImportSession *sess;

  guint n_columns = ctx->has_course ? N_COLS : N_COLS - 1;
  const char *course_s;
  gsize course_len;
  int course = 0;

  if (n_fields != n_columns)
    {
      _ipt_import_add_problem (ctx, line, _("expected %u fields, found %u"), n_columns, n_fields);
      return;
    }

  code = field_at (reader, columns, COL_CODE, &code_len);
  session_s = field_at (reader, columns, COL_SESSION, &session_len);
  date = field_at (reader, columns, COL_DATE, &date_len);
  measure_s = field_at (reader, columns, COL_MEASURE, &measure_len);
  total_s = field_at (reader, columns, COL_TOTAL, &total_len);
  items_s = field_at (reader, columns, COL_ITEMS, &items_len);
  course_s = field_at (reader, columns, COL_COURSE, &course_len);

  /* course: the ordinal of one of the client's courses, when the file has the column */
  if (ctx->has_course)
    {
      switch (parse_number (course_s, course_len, &course))
        {
        case NUMBER_OK:
          if (course == 0 || course > MAX_COURSE)
            _ipt_import_add_problem (ctx, line,
                                     _("course %d does not exist: courses are numbered from 1 "
                                       "to %d"),
                                     course, MAX_COURSE);
          break;
        case NUMBER_EMPTY:
          _ipt_import_add_problem (ctx, line, _("missing course number"));
          break;
        case NUMBER_NEGATIVE:
        case NUMBER_TOO_LARGE:
          _ipt_import_add_problem (ctx, line,
                                   _("course %.*s does not exist: courses are numbered from 1 "
                                     "to %d"),
                                   (int) MIN (course_len, 20), course_s, MAX_COURSE);
          break;
        case NUMBER_NOT_A_NUMBER:
        default:
          _ipt_import_add_problem (ctx, line, _("course “%.*s” is not a whole number"),
                                   (int) MIN (course_len, 20), course_s);
          break;
        }
    }

  /* client code */
  if (code_len == 0)
    _ipt_import_add_problem (ctx, line, _("missing client code"));
  else if (!code_is_valid (code, code_len))
    {
      g_autofree char *whole = g_strndup (code, code_len);
      g_autofree char *shown = ipt_text_quote_short (whole);

      _ipt_import_add_problem (ctx, line,
                               _("invalid client code %s (1 to 32 letters, digits, “-” or “_”, "
                                 "starting with a letter or a digit)"),
                               shown);
    }

  /* session number */
  switch (parse_number (session_s, session_len, &session))
    {
    case NUMBER_OK:
      if (session == 0)
        _ipt_import_add_problem (ctx, line,
                                 _("session 0 does not exist: sessions are numbered from 1"));
      else if (session > MAX_SESSION)
        _ipt_import_add_problem (ctx, line,
                                 _("session %d is past the last possible session number (%d)"),
                                 session, MAX_SESSION);
      break;
    case NUMBER_EMPTY:
      _ipt_import_add_problem (ctx, line, _("missing session number"));
      break;
    case NUMBER_NEGATIVE:
      _ipt_import_add_problem (ctx, line,
                               _("session “%.*s” is negative: sessions are numbered from 1"),
                               (int) session_len, session_s);
      break;
    case NUMBER_TOO_LARGE:
      _ipt_import_add_problem (ctx, line,
                               _("session %.*s is past the last possible session number (%d)"),
                               (int) session_len, session_s, MAX_SESSION);
      break;
    case NUMBER_NOT_A_NUMBER:
    default:
      _ipt_import_add_problem (ctx, line, _("session “%.*s” is not a whole number"),
                               (int) session_len, session_s);
      break;
    }

  /* date */
  if (date_len == 0)
    {
      _ipt_import_add_problem (ctx, line, _("missing date"));
    }
  else if (!date_has_iso_shape (date, date_len))
    {
      _ipt_import_add_problem (ctx, line, _("date “%.*s” is not written YYYY-MM-DD (ISO 8601)"),
                               (int) date_len, date);
    }
  else
    {
      char d[11];

      memcpy (d, date, 10);
      d[10] = '\0';
      if (!ipt_date_is_valid (d))
        _ipt_import_add_problem (ctx, line, _("impossible date “%s”"), d);
      else if (!ipt_session_date_is_near (d))
        _ipt_import_add_problem (ctx, line, _("date %s is more than a year ahead"), d);
    }

  /* measure */
  if (measure_len == 0)
    {
      g_autofree char *expected = expected_measures (ctx);

      _ipt_import_add_problem (ctx, line, _("missing measure (expected one of %s)"), expected);
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

          _ipt_import_add_problem (ctx, line, _("unknown measure “%.*s” (expected one of %s)"),
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
            _ipt_import_add_problem (ctx, line, _("total %d is out of range for %s (%d to %d)"),
                                     total, measure->name, measure->total_min, measure->total_max);
          break;
        case NUMBER_NEGATIVE:
          _ipt_import_add_problem (ctx, line, _("total “%.*s” is negative"), (int) total_len,
                                   total_s);
          break;
        case NUMBER_TOO_LARGE:
          _ipt_import_add_problem (ctx, line, _("total %.*s is out of range"), (int) total_len,
                                   total_s);
          break;
        case NUMBER_EMPTY:
        case NUMBER_NOT_A_NUMBER:
        default:
          _ipt_import_add_problem (ctx, line, _("total “%.*s” is not a whole number"),
                                   (int) total_len, total_s);
          break;
        }
    }

  /* items: "a;b;c", an empty element is an unanswered item */
  if (items_len > 0 && measure != NULL)
    {
      if (measure->n_items == 0)
        {
          _ipt_import_add_problem (ctx, line,
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
              _ipt_import_add_problem (ctx, line, _("%s has %u items, found %u"),
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
                          _ipt_import_add_problem (ctx, line,
                                                   _("item %u is %d, out of range for %s "
                                                     "(%d to %d)"),
                                                   i + 1, value, measure->name,
                                                   measure->items[i].min, measure->items[i].max);
                          items_ok = FALSE;
                        }
                      answers[i] = value;
                      break;
                    case NUMBER_EMPTY:
                      answers[i] = IPT_ITEM_MISSING;
                      n_missing++;
                      break;
                    case NUMBER_NEGATIVE:
                    case NUMBER_TOO_LARGE:
                      _ipt_import_add_problem (ctx, line,
                                               _("item %u is %.*s, out of range for %s (%d to %d)"),
                                               i + 1, (int) elen, p, measure->name,
                                               measure->items[i].min, measure->items[i].max);
                      items_ok = FALSE;
                      break;
                    case NUMBER_NOT_A_NUMBER:
                    default:
                      _ipt_import_add_problem (ctx, line,
                                               _("item %u (“%.*s”) is not a whole number"), i + 1,
                                               (int) elen, p);
                      items_ok = FALSE;
                      break;
                    }
                  p = e + 1;
                }
            }

          if (items_ok && n_missing == n)
            {
              _ipt_import_add_problem (ctx, line, _("no %s item is answered"), measure->name);
            }
          /* An item left empty was declined (clinical.md section 4): the answers given are
           * kept, and the form has no total unless its measure allows one. */
          else if (items_ok)
            {
              int computed = ipt_measure_compute_total (measure, answers, n);

              n_answers = n;
              if (total_given && computed == IPT_TOTAL_NONE)
                _ipt_import_add_problem (ctx, line,
                                         _("%s has no total with %u items unanswered, but the "
                                           "total is %d"),
                                         measure->name, n_missing, total);
              else if (total_given && computed != total)
                _ipt_import_add_problem (ctx, line,
                                         _("the items give a total of %d but the total is %d"),
                                         computed, total);
              total = computed;
            }
        }
    }
  else if (items_len == 0 && total_len == 0)
    {
      _ipt_import_add_problem (ctx, line, _("neither a total nor items: give one or both"));
    }

  if (ctx->problems->len > n_problems)
    return;

  /* A good row: checks against the other rows of the file. */
  client = get_client (ctx, code, code_len, (guint) course, line);
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
      _ipt_import_add_problem (ctx, line,
                               _("session %d of %s is dated %.10s here but %s on line %u: a "
                                 "session has one date"),
                               session, client->label, date, sess->date, sess->date_line);
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

      if (_ipt_import_row_agrees (ctx, &row, other->total, row_items (ctx, other), other->n_items))
        {
          ctx->n_duplicates++;
          return;
        }
      if (_ipt_import_row_agrees (ctx, other, row.total, row_items (ctx, &row), row.n_items))
        {
          /* the same score, with the answers this time: keep this row */
          ctx->n_duplicates++;
          *other = row;
          return;
        }
      _ipt_import_add_problem (ctx, line,
                               _("%s of %s session %d differs from the one on line %u"),
                               measure->name, client->label, session, other->line);
      return;
    }

  g_array_append_val (ctx->rows, row);
  sess->rows[measure_index] = ctx->rows->len;
}

gboolean
_ipt_import_parse_file (ImportContext *ctx,
                        IptCsvReader  *reader)
{
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
              _ipt_import_add_problem (ctx, line,
                                       _("no header row: the first line must name the columns %s"),
                                       IPT_SCORES_CSV_HEADER);
              return FALSE;
            }
          continue;
        case IPT_CSV_RECORD_BAD_UTF8:
          _ipt_import_add_problem (ctx, problem_line,
                                   _("invalid UTF-8 (the file must be saved as UTF-8)"));
          break;
        case IPT_CSV_RECORD_UNTERMINATED:
          _ipt_import_add_problem (ctx, problem_line,
                                   _("a quoted field starts on this line and its closing quote is "
                                     "missing"));
          break;
        case IPT_CSV_RECORD_TEXT_AFTER_QUOTE:
          _ipt_import_add_problem (ctx, problem_line,
                                   _("text after the closing quote of a field (a quote inside a "
                                     "quoted field is written twice)"));
          break;
        case IPT_CSV_RECORD_STRAY_QUOTE:
          _ipt_import_add_problem (ctx, problem_line,
                                   _("a quote inside an unquoted field (quote the whole field and "
                                     "write the quote twice)"));
          break;
        case IPT_CSV_RECORD_TOO_LONG:
          _ipt_import_add_problem (ctx, problem_line,
                                   _("this line is longer than %u KiB: the file is not a scores "
                                     "CSV, and nothing after this line was read"),
                                   IPT_CSV_RECORD_MAX_BYTES / 1024);
          return FALSE;
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
      _ipt_import_add_problem (ctx, 1,
                               _("the file is empty: the first line must name the columns %s"),
                               IPT_SCORES_CSV_HEADER);
      return FALSE;
    }

  return TRUE;
}
