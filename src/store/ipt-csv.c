/* RFC 4180 CSV reading with physical line numbers, and field quoting for writers. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipt-csv.h"

/* A file is read in pieces of this size, beside the record being read. */
#define READ_CHUNK (1024 * 1024)

struct _IptCsvReader
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;
  GString    *buf;      /* field texts, each followed by a NUL */
  GArray     *offsets;  /* gsize: where each field starts in buf */

  /* reading a file: data is the window own[0, len) of it */
  int         fd;
  char       *own;
  gsize       capacity;
  gboolean    eof;
  gboolean    stopped;  /* after a record that is too long */
  GError     *error;
};

IptCsvReader *
ipt_csv_reader_new (const char *data,
                    gsize       len)
{
  IptCsvReader *reader;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  reader = g_new0 (IptCsvReader, 1);
  reader->data = data;
  reader->len = len;
  reader->line = 1;
  reader->buf = g_string_sized_new (256);
  reader->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 8);
  reader->fd = -1;
  reader->eof = TRUE;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = 3;

  return reader;
}

/* Keeps at least one longest record (and a byte) ahead of pos in the window, or the rest of the
 * file: what was read moves to the front, more is read behind it. */
static gboolean
fill_window (IptCsvReader *reader)
{
  if (reader->eof || reader->len - reader->pos > IPT_CSV_RECORD_MAX_BYTES + 2)
    return TRUE;

  memmove (reader->own, reader->own + reader->pos, reader->len - reader->pos);
  reader->len -= reader->pos;
  reader->pos = 0;

  while (!reader->eof && reader->len < reader->capacity)
    {
      ssize_t n = read (reader->fd, reader->own + reader->len, reader->capacity - reader->len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (&reader->error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        reader->eof = TRUE;
      reader->len += (gsize) n;
    }
  return TRUE;
}

IptCsvReader *
ipt_csv_reader_new_for_file (const char  *path,
                             GError     **error)
{
  IptCsvReader *reader;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }

  reader = ipt_csv_reader_new (NULL, 0);
  reader->fd = fd;
  reader->eof = FALSE;
  reader->capacity = READ_CHUNK + IPT_CSV_RECORD_MAX_BYTES + 2;
  reader->own = g_malloc (reader->capacity);
  reader->data = reader->own;
  if (!fill_window (reader))
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      ipt_csv_reader_free (reader);
      return NULL;
    }
  if (reader->len >= 3 && memcmp (reader->data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = 3;
  return reader;
}

const GError *
ipt_csv_reader_get_error (IptCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->error;
}

void
ipt_csv_reader_free (IptCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_string_free (reader->buf, TRUE);
  g_array_unref (reader->offsets);
  if (reader->fd >= 0)
    close (reader->fd);
  g_free (reader->own);
  g_clear_error (&reader->error);
  g_free (reader);
}

/* Consumes one line break at pos (LF, CRLF or CR), counting the line. */
static void
consume_line_break (IptCsvReader *reader)
{
  if (reader->data[reader->pos] == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->len && reader->data[reader->pos] == '\n')
        reader->pos++;
    }
  else
    {
      reader->pos++;
    }
  reader->line++;
}

/* After a malformed field: skips to the next line break (quotes no longer count). */
static void
skip_to_line_end (IptCsvReader *reader)
{
  while (reader->pos < reader->len)
    {
      char c = reader->data[reader->pos];

      if (c == '\n' || c == '\r')
        {
          consume_line_break (reader);
          return;
        }
      reader->pos++;
    }
}

static guint
count_lines (const char *start,
             const char *end)
{
  guint n = 0;
  const char *p;

  for (p = start; p < end; p++)
    {
      if (*p == '\n')
        n++;
      else if (*p == '\r' && (p + 1 >= end || p[1] != '\n'))
        n++;
    }
  return n;
}

gboolean
ipt_csv_reader_next (IptCsvReader       *reader,
                     IptCsvRecordStatus *status,
                     guint              *line,
                     guint              *problem_line)
{
  const char *data;
  gsize record_start;
  gsize real_len;
  guint start_line;
  gboolean any_quote = FALSE;
  IptCsvRecordStatus st = IPT_CSV_RECORD_OK;
  guint st_line;
  const char *bad_utf8 = NULL;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (status != NULL && line != NULL && problem_line != NULL, FALSE);

  if (reader->stopped)
    return FALSE;
  if (reader->fd >= 0 && !fill_window (reader))
    return FALSE;
  if (reader->pos >= reader->len)
    return FALSE;

  /* A record reads no further than its longest length (and a byte, to see it is longer). */
  real_len = reader->len;
  reader->len = MIN (real_len, reader->pos + IPT_CSV_RECORD_MAX_BYTES + 1);

  data = reader->data;
  record_start = reader->pos;
  start_line = reader->line;
  st_line = start_line;
  g_string_truncate (reader->buf, 0);
  g_array_set_size (reader->offsets, 0);

  for (;;)
    {
      gsize offset = reader->buf->len;

      g_array_append_val (reader->offsets, offset);

      if (reader->pos < reader->len && data[reader->pos] == '"')
        {
          guint quote_line = reader->line;
          gboolean closed = FALSE;

          any_quote = TRUE;
          reader->pos++;
          while (reader->pos < reader->len)
            {
              char c = data[reader->pos];
              gsize run = reader->pos;

              if (c == '"')
                {
                  if (reader->pos + 1 < reader->len && data[reader->pos + 1] == '"')
                    {
                      g_string_append_c (reader->buf, '"');
                      reader->pos += 2;
                      continue;
                    }
                  reader->pos++;
                  closed = TRUE;
                  break;
                }
              /* a run of plain bytes */
              while (run < reader->len && data[run] != '"' && data[run] != '\n' && data[run] != '\r')
                run++;
              if (run > reader->pos)
                {
                  g_string_append_len (reader->buf, data + reader->pos, run - reader->pos);
                  reader->pos = run;
                  continue;
                }
              /* a line break inside the quotes belongs to the field */
              g_string_append_c (reader->buf, c);
              if (c == '\n')
                reader->line++;
              else if (reader->pos + 1 >= reader->len || data[reader->pos + 1] != '\n')
                reader->line++;
              reader->pos++;
            }
          if (!closed)
            {
              st = IPT_CSV_RECORD_UNTERMINATED;
              st_line = quote_line;
              g_string_append_c (reader->buf, '\0');
              break;
            }
          if (reader->pos < reader->len && data[reader->pos] != ',' &&
              data[reader->pos] != '\n' && data[reader->pos] != '\r')
            {
              st = IPT_CSV_RECORD_TEXT_AFTER_QUOTE;
              st_line = reader->line;
              g_string_append_c (reader->buf, '\0');
              skip_to_line_end (reader);
              break;
            }
        }
      else
        {
          gsize end = reader->pos;

          while (end < reader->len && data[end] != ',' && data[end] != '\n' &&
                 data[end] != '\r' && data[end] != '"')
            end++;
          g_string_append_len (reader->buf, data + reader->pos, end - reader->pos);
          reader->pos = end;
          if (end < reader->len && data[end] == '"')
            {
              st = IPT_CSV_RECORD_STRAY_QUOTE;
              st_line = reader->line;
              g_string_append_c (reader->buf, '\0');
              skip_to_line_end (reader);
              break;
            }
        }

      g_string_append_c (reader->buf, '\0');

      if (reader->pos >= reader->len)
        break;
      if (data[reader->pos] == ',')
        {
          reader->pos++;
          continue;
        }
      /* a line break ends the record */
      consume_line_break (reader);
      break;
    }

  if (reader->pos - record_start > IPT_CSV_RECORD_MAX_BYTES)
    {
      /* not a line of a CSV file of ours: nothing after it is read */
      reader->len = real_len;
      reader->stopped = TRUE;
      *status = IPT_CSV_RECORD_TOO_LONG;
      *line = start_line;
      *problem_line = start_line;
      return TRUE;
    }
  reader->len = real_len;

  if (!g_utf8_validate_len (data + record_start, reader->pos - record_start, &bad_utf8))
    {
      /* a broken character outranks the syntax: the syntax may only look broken because of it */
      st = IPT_CSV_RECORD_BAD_UTF8;
      st_line = start_line + count_lines (data + record_start, bad_utf8);
    }

  if (st == IPT_CSV_RECORD_OK && !any_quote && reader->offsets->len == 1 && reader->buf->len == 1)
    st = IPT_CSV_RECORD_BLANK;

  *status = st;
  *line = start_line;
  *problem_line = st_line;
  return TRUE;
}

guint
ipt_csv_reader_get_n_fields (IptCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->offsets->len;
}

const char *
ipt_csv_reader_get_field (IptCsvReader *reader,
                          guint         index,
                          gsize        *len)
{
  gsize start, end;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->offsets->len, NULL);

  start = g_array_index (reader->offsets, gsize, index);
  if (index + 1 < reader->offsets->len)
    end = g_array_index (reader->offsets, gsize, index + 1) - 1;
  else
    end = reader->buf->len - 1;

  if (len != NULL)
    *len = end - start;
  return reader->buf->str + start;
}

void
ipt_csv_append_field (GString    *out,
                      const char *value)
{
  gsize n;
  const char *p;

  g_return_if_fail (out != NULL);

  if (value == NULL || *value == '\0')
    return;

  n = strlen (value);
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' && value[n - 1] != ' ')
    {
      g_string_append_len (out, value, n);
      return;
    }

  g_string_append_c (out, '"');
  for (p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
