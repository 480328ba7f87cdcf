/* The CSV reader reading a file as a stream: the same records as from memory, and a line far
 * too long refused at once without being held. */
#include "config.h"

#include "test-csv-common.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ipt-csv.h"
#include "ipt-import.h"
#include "ipt-store.h"

static int
query_int (IptStore   *store,
           const char *sql)
{
  sqlite3 *db = _ipt_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
describe_records (IptCsvReader *reader)
{
  GString *out = g_string_new (NULL);
  IptCsvRecordStatus status;
  guint line, problem_line;

  while (ipt_csv_reader_next (reader, &status, &line, &problem_line))
    {
      guint i;

      g_string_append_printf (out, "%d %u %u:", status, line, problem_line);
      for (i = 0; i < ipt_csv_reader_get_n_fields (reader); i++)
        {
          gsize len;
          const char *field = ipt_csv_reader_get_field (reader, i, &len);

          g_string_append_c (out, '|');
          g_string_append_len (out, field, len);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Several windows' worth of records, with quoted line breaks, CR, CRLF and broken records,
 * read from a file and from memory alike. */
static void
test_same_as_memory (void)
{
  g_autofree char *path = g_build_filename (test_dir, "stream.csv", NULL);
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF" "a,b,c\r\n");
  g_autoptr(IptCsvReader) memory = NULL;
  g_autoptr(IptCsvReader) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_memory = NULL;
  g_autofree char *from_stream = NULL;
  guint i;

  for (i = 0; text->len < 3 * 1024 * 1024 + 777; i++)
    {
      switch (i % 6)
        {
        case 0:
          g_string_append_printf (text, "C-%05u,%u,plain\r\n", i, i);
          break;
        case 1:
          g_string_append_printf (text, "\"quoted, %u\",\"two\nlines\",\"a \"\"q\"\"\"\n", i);
          break;
        case 2:
          g_string_append_printf (text, "lone,cr,%u\r", i);
          break;
        case 3:
          g_string_append (text, "\n");
          break;
        case 4:
          g_string_append_printf (text, "bad\"quote,%u,x\n", i);
          break;
        default:
          /* a long record, well under the limit */
          g_string_append_printf (text, "%u,", i);
          for (guint j = 0; j < 200; j++)
            g_string_append (text, "wxyz");
          g_string_append (text, ",end\r\n");
          break;
        }
    }
  g_string_append (text, "last,\"open quote");

  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));

  memory = ipt_csv_reader_new (text->str, text->len);
  stream = ipt_csv_reader_new_for_file (path, &error);
  g_assert_no_error (error);
  from_memory = describe_records (memory);
  from_stream = describe_records (stream);
  g_assert_null (ipt_csv_reader_get_error (stream));
  g_assert_cmpuint (strlen (from_memory), >, 1000);
  g_assert_true (g_str_equal (from_memory, from_stream));
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A gigabyte on one line (a sparse file, no disk space used) is refused at its first line,
 * holding no more than a window of it. */
static void
test_gigabyte_line (void)
{
  g_autofree char *path = g_build_filename (test_dir, "huge.csv", NULL);
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  glong before;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "client_code", 11), ==, 11);
  g_assert_cmpint (ftruncate (fd, (off_t) 1024 * 1024 * 1024), ==, 0);
  close (fd);

  before = max_rss_kib ();
  g_assert_false (ipt_import_scores_csv (store, path, IPT_IMPORT_DEFAULT, NULL, problems,
                                         &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (problems, 0),
                                   "huge.csv:1: this line is longer than 64 KiB: the file is not "
                                   "a scores CSV, and nothing after this line was read"));
  /* a window of the file, not the file */
  g_assert_cmpint (max_rss_kib () - before, <, 32 * 1024);
}

/* The limit holds for a line after good ones too, and the file imports nothing. */
static void
test_long_line_later (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEADER "C-0001,1,2026-01-05,phq9,3,\n");

  g_string_append (text, "C-0002,1,2026-01-05,phq9,3,");
  for (guint i = 0; i < IPT_CSV_RECORD_MAX_BYTES; i++)
    g_string_append_c (text, '1');
  g_string_append (text, "\nC-0003,1,2026-01-05,phq9,3,\n");

  g_assert_false (ipt_import_scores_csv_data (store, "in.csv", text->str, text->len,
                                              IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "in.csv:3: "));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-csv-stream-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/stream/same-as-memory", test_same_as_memory);
  g_test_add_func ("/csv/stream/gigabyte-line", test_gigabyte_line);
  g_test_add_func ("/csv/stream/long-line-later", test_long_line_later);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
