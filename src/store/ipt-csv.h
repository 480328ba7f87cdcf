/* RFC 4180 CSV: a reader that keeps physical line numbers, and the quoting rule for writers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IptCsvReader IptCsvReader;

/* The longest record read, in bytes: far beyond any line of our formats, and short enough that
 * a file that is not CSV (one line of a gigabyte) is refused at once, without holding it. */
#define IPT_CSV_RECORD_MAX_BYTES (64 * 1024)

/* Reads records from data (len bytes; need not be NUL-terminated, must outlive the reader).
 * A UTF-8 byte order mark at the start is skipped. Records end at LF, CRLF or a lone CR outside
 * quotes; quoted fields may hold commas, line breaks and "" for a quote. */
IptCsvReader *ipt_csv_reader_new (const char *data, gsize len);
/* The same, reading the file at path as a stream: only a window of it is held at a time. */
IptCsvReader *ipt_csv_reader_new_for_file (const char *path, GError **error);
void          ipt_csv_reader_free (IptCsvReader *reader);
/* A failure to read the file (set when ipt_csv_reader_next () returned FALSE early), or NULL. */
const GError *ipt_csv_reader_get_error (IptCsvReader *reader);

typedef enum
{
  IPT_CSV_RECORD_OK,
  IPT_CSV_RECORD_BLANK,            /* an empty line: no field, no quote */
  IPT_CSV_RECORD_BAD_UTF8,         /* *problem_line: the line of the first invalid byte */
  IPT_CSV_RECORD_UNTERMINATED,     /* a quoted field runs to the end of the file */
  IPT_CSV_RECORD_TEXT_AFTER_QUOTE, /* "ab"c */
  IPT_CSV_RECORD_STRAY_QUOTE,      /* ab"c */
  IPT_CSV_RECORD_TOO_LONG,         /* longer than IPT_CSV_RECORD_MAX_BYTES: reading stops */
} IptCsvRecordStatus;

/* Reads the next record. Returns FALSE at the end of the data. On TRUE, *line is the physical
 * line (1-based) where the record starts, *problem_line the line of the problem (for OK, the
 * start line), and the fields are valid until the next call. Reading goes on after a bad record,
 * at the next line break outside quotes (after an unterminated quote there is nothing left). */
gboolean      ipt_csv_reader_next (IptCsvReader        *reader,
                                   IptCsvRecordStatus  *status,
                                   guint               *line,
                                   guint               *problem_line);
guint         ipt_csv_reader_get_n_fields (IptCsvReader *reader);
/* The field's text (NUL-terminated, quotes removed); len may be NULL. */
const char   *ipt_csv_reader_get_field (IptCsvReader *reader, guint index, gsize *len);

/* Appends a field, quoted when it holds a comma, a quote, CR or LF, or starts or ends with a
 * space (RFC 4180). NULL is appended as an empty field. */
void          ipt_csv_append_field (GString *out, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptCsvReader, ipt_csv_reader_free)

G_END_DECLS
