/* The CSV reader and writer (RFC 4180), and the scores and outcomes CSV exports. */
#include "config.h"

#include "test-csv-common.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ipt-csv-export.h"
#include "ipt-csv.h"
#include "ipt-import.h"
#include "ipt-store-private.h"
#include "ipt-store.h"

static char *
export_scores (IptStore *store)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (ipt_csv_export_scores (store, out, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static char *
export_outcomes (IptStore *store)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (ipt_csv_export_outcomes (store, out, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

/* The reader */

typedef struct
{
  IptCsvRecordStatus status;
  guint              line;
  guint              problem_line;
  char              *fields;   /* joined with '|' */
} Record;

static GArray *
read_all (const char *data,
          gsize       len)
{
  g_autoptr(IptCsvReader) reader = ipt_csv_reader_new (data, len);
  GArray *records = g_array_new (FALSE, TRUE, sizeof (Record));
  Record r;

  while (ipt_csv_reader_next (reader, &r.status, &r.line, &r.problem_line))
    {
      GString *s = g_string_new (NULL);
      guint i;

      for (i = 0; i < ipt_csv_reader_get_n_fields (reader); i++)
        {
          if (i > 0)
            g_string_append_c (s, '|');
          g_string_append (s, ipt_csv_reader_get_field (reader, i, NULL));
        }
      r.fields = g_string_free (s, FALSE);
      g_array_append_val (records, r);
    }
  return records;
}

static void
records_free (GArray *records)
{
  guint i;

  for (i = 0; i < records->len; i++)
    g_free (g_array_index (records, Record, i).fields);
  g_array_unref (records);
}

#define RECORD(records, i) (&g_array_index ((records), Record, (i)))

static void
test_reader_quoting (void)
{
  const char data[] =
    "a,b,c\n"
    "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
    "\"\",,last\n"
    "after\n";
  GArray *records = read_all (data, strlen (data));

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (RECORD (records, 0)->fields, ==, "a|b|c");
  g_assert_cmpuint (RECORD (records, 0)->line, ==, 1);
  g_assert_cmpint (RECORD (records, 1)->status, ==, IPT_CSV_RECORD_OK);
  g_assert_cmpstr (RECORD (records, 1)->fields, ==, "x, y|say \"hi\"|two\nlines");
  g_assert_cmpuint (RECORD (records, 1)->line, ==, 2);
  /* the quoted line break moved the next record one physical line down */
  g_assert_cmpstr (RECORD (records, 2)->fields, ==, "||last");
  g_assert_cmpuint (RECORD (records, 2)->line, ==, 4);
  g_assert_cmpstr (RECORD (records, 3)->fields, ==, "after");
  g_assert_cmpuint (RECORD (records, 3)->line, ==, 5);
  records_free (records);
}

static void
test_reader_crlf_bom (void)
{
  const char data[] = "\xEF\xBB\xBF" "a,b\r\n\"1\r\n2\",3\r\n\r\nz,\r\n";
  GArray *records = read_all (data, strlen (data));

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (RECORD (records, 0)->fields, ==, "a|b");   /* no BOM in the first name */
  g_assert_cmpstr (RECORD (records, 1)->fields, ==, "1\r\n2|3");
  g_assert_cmpuint (RECORD (records, 1)->line, ==, 2);
  g_assert_cmpint (RECORD (records, 2)->status, ==, IPT_CSV_RECORD_BLANK);
  g_assert_cmpuint (RECORD (records, 2)->line, ==, 4);
  g_assert_cmpstr (RECORD (records, 3)->fields, ==, "z|");
  g_assert_cmpuint (RECORD (records, 3)->line, ==, 5);
  records_free (records);
}

static void
test_reader_malformed (void)
{
  const char data[] = "a,b\nx\"y,2\n\"q\"r,3\nok,\xC3\x28\n\"open,4\nmore\n";
  GArray *records = read_all (data, strlen (data));

  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpint (RECORD (records, 1)->status, ==, IPT_CSV_RECORD_STRAY_QUOTE);
  g_assert_cmpuint (RECORD (records, 1)->problem_line, ==, 2);
  g_assert_cmpint (RECORD (records, 2)->status, ==, IPT_CSV_RECORD_TEXT_AFTER_QUOTE);
  g_assert_cmpuint (RECORD (records, 2)->problem_line, ==, 3);
  g_assert_cmpint (RECORD (records, 3)->status, ==, IPT_CSV_RECORD_BAD_UTF8);
  g_assert_cmpuint (RECORD (records, 3)->problem_line, ==, 4);
  g_assert_cmpint (RECORD (records, 4)->status, ==, IPT_CSV_RECORD_UNTERMINATED);
  g_assert_cmpuint (RECORD (records, 4)->problem_line, ==, 5);
  records_free (records);
}

static void
test_writer_quoting (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  ipt_csv_append_field (out, "plain");
  g_string_append_c (out, ',');
  ipt_csv_append_field (out, "a,b");
  g_string_append_c (out, ',');
  ipt_csv_append_field (out, "say \"hi\"");
  g_string_append_c (out, ',');
  ipt_csv_append_field (out, "two\nlines");
  g_string_append_c (out, ',');
  ipt_csv_append_field (out, NULL);
  g_string_append_c (out, ',');
  ipt_csv_append_field (out, " padded");
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\"");
}

/* Export */

static void
test_export_scores (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autofree char *out = NULL;

  import_ok (store,
             HEADER
             "B2,1,2026-02-01,epds,14,\n"
             "A1,2,2026-01-12,wsas,,1;2;;3;4\n"
             "A1,1,2026-01-05,gad7,12,\n"
             "A1,1,2026-01-05,phq9,,3;3;3;3;2;2;2;2;0\n"
             "A1,10,2026-03-16,phq9,5,\n",
             IPT_IMPORT_DEFAULT, NULL);
  out = export_scores (store);
  g_assert_cmpstr (out, ==,
                   EXPECTED_HEADER "\r\n"
                   "A1,1,1,2026-01-05,phq9,20,3;3;3;3;2;2;2;2;0\r\n"
                   "A1,1,1,2026-01-05,gad7,12,\r\n"
                   "A1,1,2,2026-01-12,wsas,13,1;2;;3;4\r\n"
                   "A1,1,10,2026-03-16,phq9,5,\r\n"
                   "B2,1,1,2026-02-01,epds,14,\r\n");
}

static void
test_export_round_trip (void)
{
  g_autoptr(IptStore) first = open_fresh_store ();
  g_autoptr(IptStore) second = open_fresh_store ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "scores.csv", NULL);
  g_autofree char *fixture = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(GError) error = NULL;
  IptImportSummary summary;

  g_assert_true (g_file_get_contents (path, &fixture, NULL, &error));
  g_assert_no_error (error);
  import_ok (first, fixture, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, >, 20);
  out1 = export_scores (first);

  import_ok (second, out1, IPT_IMPORT_DEFAULT, &summary);
  out2 = export_scores (second);
  g_assert_cmpstr (out2, ==, out1);

  /* and the export, imported back into the casebook it came from, changes nothing */
  import_ok (first, out1, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, summary.n_rows);
}

static void
test_export_outcomes (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autofree char *out = NULL;

  import_ok (store,
             HEADER
             /* recovered and reliably improved: dP = -10, dG = -6 */
             "A,1,2026-01-05,phq9,18,\nA,1,2026-01-05,gad7,12,\n"
             "A,2,2026-01-12,phq9,12,\n"
             "A,3,2026-01-19,phq9,8,\nA,3,2026-01-19,gad7,6,\n"
             /* one PHQ-9 only */
             "B,1,2026-01-05,phq9,15,\n"
             /* not a case at the start, 8 points worse, no GAD-7 */
             "C,1,2026-01-05,phq9,8,\nC,2,2026-01-12,phq9,16,\n"
             /* below caseness at the end without a reliable change */
             "D,1,2026-01-05,phq9,12,\nD,2,2026-01-12,phq9,9,\n"
             /* improved reliably but still a case: dP = -7 */
             "E,1,2026-01-05,phq9,22,\nE,2,2026-01-12,phq9,15,\nE,2,2026-01-12,gad7,15,\n"
             /* a session not attended does not count */
             "F,1,2026-01-05,phq9,20,\nF,2,2026-01-12,phq9,4,\nF,3,2026-01-19,phq9,19,\n"
             /* GAD-7 only: no PHQ-9, insufficient data */
             "G,1,2026-01-05,gad7,10,\nG,2,2026-01-12,gad7,3,\n"
             /* ended on 2026-01-12: session 3 comes after, maintenance, out of the outcome */
             "H,1,2026-01-05,phq9,18,\nH,2,2026-01-12,phq9,8,\nH,3,2026-02-09,phq9,20,\n"
             /* dropped out */
             "I,1,2026-01-05,phq9,15,\nI,2,2026-01-12,phq9,14,\n"
             /* an 8-session contract: sessions 9 and 10 are maintenance */
             "J,1,2026-01-05,phq9,16,\nJ,2,2026-01-12,wsas,20,\nJ,3,2026-01-19,wsas,20,\n"
             "J,4,2026-01-26,wsas,20,\nJ,5,2026-02-02,wsas,20,\nJ,6,2026-02-09,wsas,20,\n"
             "J,7,2026-02-16,wsas,20,\nJ,8,2026-03-02,phq9,7,\nJ,9,2026-04-06,phq9,16,\n"
             "J,10,2026-05-04,phq9,17,\n",
             IPT_IMPORT_DEFAULT, NULL);
  exec_sql (store, "UPDATE sessions SET attendance = 'cancelled-by-client' WHERE number = 3 AND "
                   "episode_id = (SELECT e.id FROM episodes e JOIN clients c ON c.id = e.client_id "
                   "WHERE c.code = 'F')");
  exec_sql (store, "UPDATE episodes SET status = 'ended', end_date = '2026-01-12' "
                   "WHERE client_id = (SELECT id FROM clients WHERE code = 'H')");
  exec_sql (store, "UPDATE episodes SET status = 'dropped-out', end_date = '2026-01-12' "
                   "WHERE client_id = (SELECT id FROM clients WHERE code = 'I')");
  exec_sql (store, "UPDATE episodes SET planned_sessions = 8, assessment_end = 2, middle_end = 6 "
                   "WHERE client_id = (SELECT id FROM clients WHERE code = 'J')");

  out = export_outcomes (store);
  g_assert_cmpstr (out, ==,
                   "client_code,episode,sessions_attended,phq9_first,phq9_last,gad7_first,"
                   "gad7_last,caseness,recovery,reliable_improvement,reliable_deterioration,"
                   "reliable_recovery,outcome,status\r\n"
                   "A,1,3,18,8,12,6,1,1,1,0,1,reliable-recovery,active\r\n"
                   /* a measure taken once is not paired: its columns stay empty */
                   "B,1,1,,,,,,,,,,insufficient-data,active\r\n"
                   "C,1,2,8,16,,,0,0,0,1,0,reliable-deterioration,active\r\n"
                   "D,1,2,12,9,,,1,1,0,0,0,recovery,active\r\n"
                   "E,1,2,22,15,,,1,0,1,0,0,reliable-improvement,active\r\n"
                   "F,1,2,20,4,,,1,1,1,0,1,reliable-recovery,active\r\n"
                   "G,1,2,,,10,3,,,,,,insufficient-data,active\r\n"
                   "H,1,2,18,8,,,1,1,1,0,1,reliable-recovery,ended\r\n"
                   "I,1,2,15,14,,,1,0,0,0,0,no-reliable-change,dropped-out\r\n"
                   "J,1,8,16,7,,,1,1,1,0,1,reliable-recovery,active\r\n");
}

static void
test_export_write_atomic (void)
{
  g_autofree char *path = g_build_filename (test_dir, "out.csv", NULL);
  g_autofree char *bad = g_build_filename (test_dir, "no-such-dir", "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (ipt_export_write_output (path, "a,b\r\n", 5, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a,b\r\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (ipt_export_write_output (bad, "x", 1, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-csv-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/crlf-bom", test_reader_crlf_bom);
  g_test_add_func ("/csv/reader/malformed", test_reader_malformed);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/export/scores", test_export_scores);
  g_test_add_func ("/csv/export/round-trip", test_export_round_trip);
  g_test_add_func ("/csv/export/outcomes", test_export_outcomes);
  g_test_add_func ("/csv/export/write-atomic", test_export_write_atomic);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
