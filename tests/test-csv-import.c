/* The scores CSV import: what it adds, replaces and refuses, and how it leaves the casebook. */
#include "config.h"

#include "test-csv-common.h"

#define MEASURES "phq9, gad7, wsas, hamd17, bdi2, epds"

/* Every table the import writes, as text, to compare a casebook before and after. */
static char *
snapshot (IptStore *store)
{
  static const char * const queries[] = {
    "SELECT id, code, given_name, family_name FROM clients ORDER BY id",
    "SELECT id, client_id, ordinal, start_date, planned_sessions, assessment_end, middle_end, "
    "focus, status FROM episodes ORDER BY id",
    "SELECT id, episode_id, number, date, attendance FROM sessions ORDER BY id",
    "SELECT id, session_id, measure, measure_version, total, risk FROM scores ORDER BY id",
    "SELECT score_id, item, value FROM score_items ORDER BY score_id, item",
  };
  sqlite3 *db = _ipt_store_get_db (store);
  GString *out = g_string_new (NULL);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int c;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (out, "%s|", v != NULL ? v : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (out, FALSE);
}

static int
query_int (IptStore   *store,
           const char *sql)
{
  sqlite3 *db = _ipt_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (IptStore   *store,
            const char *sql)
{
  sqlite3 *db = _ipt_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Import */

static void
test_import_basic (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  IptImportSummary summary;
  g_autofree char *start = NULL;
  const char csv[] =
    "\xEF\xBB\xBF" "client_code,session,date,measure,total,items\r\n"
    "C-0001,1,2026-01-05,phq9,18,2;2;3;2;2;2;2;2;1\r\n"
    "C-0001,1,2026-01-05,gad7,11,\r\n"
    "C-0001,2,2026-01-12,phq9,,1;1;1;1;1;1;1;1;0\r\n"
    "\"C-0002\",3,2026-02-02,bdi2,\"30\",\r\n"
    "C-0002,1,2026-01-20,wsas,,4;4;;4;4\r\n";

  import_ok (store, csv, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_rows, ==, 5);
  g_assert_cmpuint (summary.n_scores_new, ==, 5);
  g_assert_cmpuint (summary.n_unchanged, ==, 0);
  g_assert_cmpuint (summary.n_clients, ==, 2);
  g_assert_cmpuint (summary.n_clients_new, ==, 2);
  g_assert_cmpuint (summary.n_episodes_new, ==, 2);
  g_assert_cmpuint (summary.n_sessions_new, ==, 4);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients WHERE given_name IS NULL"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episodes WHERE planned_sessions = 16 "
                                     "AND assessment_end = 4 AND middle_end = 12 "
                                     "AND focus IS NULL AND ordinal = 1"), ==, 2);
  /* the course starts on the earliest date of the client's rows, not the first row's */
  start = query_text (store, "SELECT start_date FROM episodes e JOIN clients c "
                             "ON c.id = e.client_id WHERE c.code = 'C-0002'");
  g_assert_cmpstr (start, ==, "2026-01-20");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions WHERE attendance = 'attended'"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'phq9' "
                                     "ORDER BY id LIMIT 1"), ==, 18);
  /* PHQ-9 item 9 above 0: risk */
  g_assert_cmpint (query_int (store, "SELECT risk FROM scores WHERE measure = 'phq9' "
                                     "ORDER BY id LIMIT 1"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'phq9' "
                                     "ORDER BY id DESC LIMIT 1"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items si JOIN scores s "
                                     "ON s.id = si.score_id WHERE s.measure = 'gad7'"), ==, 0);
  /* WSAS with one item missing: the mean of the others stands in for it */
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'wsas'"), ==, 20);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items si JOIN scores s "
                                     "ON s.id = si.score_id WHERE s.measure = 'wsas' "
                                     "AND si.value IS NULL AND si.item = 3"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'bdi2'"), ==, 30);
}

/* A questionnaire with a declined item, as the export writes it: the answers kept, no total. */
static void
test_import_declined_item (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  IptImportSummary summary;
  g_autofree char *answers = NULL;

  import_ok (store,
             "client_code,session,date,measure,total,items\n"
             "C-0001,1,2026-01-05,phq9,,2;2;3;;2;2;2;2;1\n"
             "C-0001,1,2026-01-05,gad7,,1;1;1;1;1;1;\n",
             IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores WHERE total IS NULL"), ==, 2);
  answers = query_text (store, "SELECT answers FROM scores WHERE measure = 'phq9'");
  g_assert_cmpstr (answers, ==, "223-22221");
  g_clear_pointer (&answers, g_free);
  answers = query_text (store, "SELECT answers FROM scores WHERE measure = 'gad7'");
  g_assert_cmpstr (answers, ==, "111111-");
  /* Item 9 was answered: risk, even without a total. */
  g_assert_cmpint (query_int (store, "SELECT risk FROM scores WHERE measure = 'phq9'"), ==, 1);

  /* The same file again changes nothing. */
  import_ok (store,
             "client_code,session,date,measure,total,items\n"
             "C-0001,1,2026-01-05,phq9,,2;2;3;;2;2;2;2;1\n",
             IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_unchanged, ==, 1);
}

static void
test_import_header_any_order (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  IptImportSummary summary;

  import_ok (store,
             "measure,items,total,date,session,client_code\n"
             "epds,,14,2026-03-01,1,E1\n"
             " gad7 , 1;1;1;1;1;1;1 , 7 , 2026-03-01 , 1 , E1 \n",
             IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'gad7'"), ==, 7);
}

typedef struct
{
  const char *name;
  const char *csv;
  const char *problems[4];
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-measure", HEADER "C-1,1,2026-01-05,xyz,3,\n",
    { "in.csv:2: unknown measure “xyz” (expected one of " MEASURES ")" } },
  { "missing-measure", HEADER "C-1,1,2026-01-05,,3,\n",
    { "in.csv:2: missing measure (expected one of " MEASURES ")" } },
  { "total-out-of-range", HEADER "C-1,1,2026-01-05,phq9,28,\n",
    { "in.csv:2: total 28 is out of range for PHQ-9 (0 to 27)" } },
  { "total-negative", HEADER "C-1,1,2026-01-05,phq9,-3,\n",
    { "in.csv:2: total “-3” is negative" } },
  { "total-not-a-number", HEADER "C-1,1,2026-01-05,phq9,12.5,\n",
    { "in.csv:2: total “12.5” is not a whole number" } },
  { "item-out-of-range", HEADER "C-1,1,2026-01-05,gad7,,1;1;1;4;1;1;1\n",
    { "in.csv:2: item 4 is 4, out of range for GAD-7 (0 to 3)" } },
  { "item-out-of-range-hamd", HEADER "C-1,1,2026-01-05,hamd17,,0;0;0;3;0;0;0;0;0;0;0;0;0;0;0;0;0\n",
    { "in.csv:2: item 4 is 3, out of range for HRSD / HAM-D 17 (0 to 2)" } },
  { "item-not-a-number", HEADER "C-1,1,2026-01-05,gad7,,1;1;x;1;1;1;1\n",
    { "in.csv:2: item 3 (“x”) is not a whole number" } },
  { "wrong-item-count", HEADER "C-1,1,2026-01-05,gad7,,1;1;1\n",
    { "in.csv:2: GAD-7 has 7 items, found 3" } },
  { "items-disagree", HEADER "C-1,1,2026-01-05,gad7,8,1;1;1;1;1;1;1\n",
    { "in.csv:2: the items give a total of 7 but the total is 8" } },
  { "phq9-declined-item-but-total", HEADER "C-1,1,2026-01-05,phq9,7,1;1;1;;1;1;1;1;0\n",
    { "in.csv:2: PHQ-9 has no total with 1 items unanswered, but the total is 7" } },
  { "wsas-no-total-but-total", HEADER "C-1,1,2026-01-05,wsas,12,4;;;4;4\n",
    { "in.csv:2: WSAS has no total with 2 items unanswered, but the total is 12" } },
  { "no-item-answered", HEADER "C-1,1,2026-01-05,wsas,,;;;;\n",
    { "in.csv:2: no WSAS item is answered" } },
  { "impossible-date", HEADER "C-1,1,2026-02-30,bdi2,20,\n",
    { "in.csv:2: impossible date “2026-02-30”" } },
  { "date-not-iso", HEADER "C-1,1,05/01/2026,bdi2,20,\n",
    { "in.csv:2: date “05/01/2026” is not written YYYY-MM-DD (ISO 8601)" } },
  { "missing-date", HEADER "C-1,1,,bdi2,20,\n", { "in.csv:2: missing date" } },
  { "session-zero", HEADER "C-1,0,2026-01-05,bdi2,20,\n",
    { "in.csv:2: session 0 does not exist: sessions are numbered from 1" } },
  { "session-negative", HEADER "C-1,-2,2026-01-05,bdi2,20,\n",
    { "in.csv:2: session “-2” is negative: sessions are numbered from 1" } },
  { "session-not-a-number", HEADER "C-1,two,2026-01-05,bdi2,20,\n",
    { "in.csv:2: session “two” is not a whole number" } },
  { "session-too-high", HEADER "C-1,100,2026-01-05,bdi2,20,\n",
    { "in.csv:2: session 100 is past the last possible session number (99)" } },
  { "invalid-code", HEADER "C 1,1,2026-01-05,bdi2,20,\n",
    { "in.csv:2: invalid client code “C 1” (1 to 32 letters, digits, “-” or “_”, starting with "
      "a letter or a digit)" } },
  { "missing-code", HEADER ",1,2026-01-05,bdi2,20,\n", { "in.csv:2: missing client code" } },
  { "invalid-utf8", HEADER "C-1,1,2026-01-05,bdi2,20,\nC-\xff,1,2026-01-05,bdi2,20,\n",
    { "in.csv:3: invalid UTF-8 (the file must be saved as UTF-8)" } },
  { "no-header", "C-1,1,2026-01-05,bdi2,20,\n",
    { "in.csv:1: no header row: the first line must name the columns " EXPECTED_HEADER } },
  { "wrong-header", "client_code,session,date,measure,score,items\nC-1,1,2026-01-05,bdi2,20,\n",
    { "in.csv:1: unknown column “score” in the header (expected " EXPECTED_HEADER ")",
      "in.csv:1: missing column “total” in the header (expected " EXPECTED_HEADER ")" } },
  { "duplicate-column", "client_code,session,date,measure,total,items,date\n",
    { "in.csv:1: column “date” appears twice in the header" } },
  { "unterminated-quote",
    HEADER "C-1,1,2026-01-05,bdi2,20,\n\"C-2,1,2026-01-05,bdi2,20,\nC-3,1,2026-01-05,bdi2,20,\n",
    { "in.csv:3: a quoted field starts on this line and its closing quote is missing" } },
  { "stray-quote", HEADER "C-1,1,2026-01-05,bdi2,2\"0,\n",
    { "in.csv:2: a quote inside an unquoted field (quote the whole field and write the quote "
      "twice)" } },
  { "text-after-quote", HEADER "C-1,1,2026-01-05,bdi2,\"20\"x,\n",
    { "in.csv:2: text after the closing quote of a field (a quote inside a quoted field is "
      "written twice)" } },
  { "empty-file", "",
    { "in.csv:1: the file is empty: the first line must name the columns " EXPECTED_HEADER } },
  { "bom-only", "\xEF\xBB\xBF",
    { "in.csv:1: the file is empty: the first line must name the columns " EXPECTED_HEADER } },
  { "wrong-field-count", HEADER "C-1,1,2026-01-05,bdi2,20\nC-1,2,2026-01-12,bdi2,20,,\n",
    { "in.csv:2: expected 6 fields, found 5", "in.csv:3: expected 6 fields, found 7" } },
  { "neither-total-nor-items", HEADER "C-1,1,2026-01-05,phq9,,\n",
    { "in.csv:2: neither a total nor items: give one or both" } },
  { "items-for-totals-only", HEADER "C-1,1,2026-01-05,bdi2,,1;2\n",
    { "in.csv:2: BDI-II is recorded as a total only (its wording is not shipped): leave items "
      "empty" } },
  { "duplicate-disagrees", HEADER "C-1,2,2026-01-12,bdi2,20,\nC-1,2,2026-01-12,bdi2,21,\n",
    { "in.csv:3: BDI-II of C-1 session 2 differs from the one on line 2" } },
  { "two-dates-in-file", HEADER "C-1,2,2026-01-12,bdi2,20,\nC-1,2,2026-01-13,epds,10,\n",
    { "in.csv:3: session 2 of C-1 is dated 2026-01-13 here but 2026-01-12 on line 2: a session "
      "has one date" } },
  { "changes-existing-score", HEADER "C-1,1,2026-01-05,phq9,,2;2;2;2;2;2;2;2;1\n",
    { "in.csv:2: PHQ-9 of C-1 session 1 is already in the casebook with total 16, items "
      "2;2;2;2;2;2;2;2;0, this row has total 17, items 2;2;2;2;2;2;2;2;1 (import with "
      "--replace to change it)" } },
  { "second-date-for-session", HEADER "C-1,1,2026-01-06,gad7,5,\n",
    { "in.csv:2: session 1 of C-1 is dated 2026-01-05 in the casebook, not 2026-01-06 "
      "(import with --replace to change it)" } },
  /* line numbers are physical: the quoted line break in row 2 puts row 3 on line 4 */
  { "physical-lines", HEADER "C-1,3,2026-01-19,bdi2,20,\"\n\"\nC-1,x,2026-01-05,bdi2,20,\n",
    { "in.csv:2: BDI-II is recorded as a total only (its wording is not shipped): leave items "
      "empty",
      "in.csv:4: session “x” is not a whole number" } },
  /* one line per problem, several problems on one row, good rows between bad ones */
  { "every-bad-row",
    HEADER "C-1,3,2026-01-19,bdi2,20,\nC-1,0,2026-13-01,bdi2,20,\nC-2,1,2026-01-05,epds,12,\n"
    "C-3,1,2026-01-05,phq9,99,\n",
    { "in.csv:3: session 0 does not exist: sessions are numbered from 1",
      "in.csv:3: impossible date “2026-13-01”",
      "in.csv:5: total 99 is out of range for PHQ-9 (0 to 27)" } },
};

static void
test_import_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_expected = 0;
  guint i;

  /* a casebook with something in it, which must stay as it is */
  import_ok (store, HEADER "C-1,1,2026-01-05,phq9,,2;2;2;2;2;2;2;2;0\n", IPT_IMPORT_DEFAULT, NULL);
  before = snapshot (store);

  g_assert_false (import_text (store, bad->csv, IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);

  while (n_expected < G_N_ELEMENTS (bad->problems) && bad->problems[n_expected] != NULL)
    n_expected++;
  for (i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, n_expected);
  for (i = 0; i < n_expected; i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, bad->problems[i]);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_idempotent (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  IptImportSummary summary;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char csv[] =
    HEADER
    "A1,1,2026-01-05,phq9,,3;3;3;3;2;2;2;2;0\n"
    "A1,1,2026-01-05,gad7,12,\n"
    "A1,2,2026-01-12,wsas,,1;2;;3;4\n"
    "A1,2,2026-01-12,wsas,,1;2;;3;4\n"    /* the same row twice: one score */
    "B2,1,2026-02-01,epds,14,\n";

  import_ok (store, csv, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 4);
  g_assert_cmpuint (summary.n_unchanged, ==, 1);
  before = snapshot (store);

  import_ok (store, csv, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_rows, ==, 5);
  g_assert_cmpuint (summary.n_scores_new, ==, 0);
  g_assert_cmpuint (summary.n_scores_replaced, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 5);
  g_assert_cmpuint (summary.n_clients_new, ==, 0);
  g_assert_cmpuint (summary.n_sessions_new, ==, 0);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* a total alone, equal to the recorded one, leaves the recorded answers be */
  import_ok (store, HEADER "A1,1,2026-01-05,phq9,20,\n", IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_unchanged, ==, 1);
  g_free (after);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* new rows next to known ones go in, the known ones stay as they are */
  import_ok (store, HEADER "A1,1,2026-01-05,gad7,12,\nA1,3,2026-01-19,gad7,9,\n",
             IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 1);
  g_assert_cmpuint (summary.n_sessions_new, ==, 1);
  g_assert_cmpuint (summary.n_unchanged, ==, 1);
}

static void
test_import_replace (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  IptImportSummary summary;
  g_autofree char *date = NULL;
  const char change[] = HEADER "A1,1,2026-01-06,phq9,,1;1;1;1;1;1;1;1;0\n";

  import_ok (store, HEADER "A1,1,2026-01-05,phq9,,3;3;3;3;2;2;2;2;2\nA1,2,2026-01-12,bdi2,30,\n",
             IPT_IMPORT_DEFAULT, NULL);
  g_assert_cmpint (query_int (store, "SELECT risk FROM scores WHERE measure = 'phq9'"), ==, 1);

  g_assert_false (import_text (store, change, IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 2);   /* the date and the score */
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'phq9'"), ==, 22);

  import_ok (store, change, IPT_IMPORT_REPLACE, &summary);
  g_assert_cmpuint (summary.n_scores_replaced, ==, 1);
  g_assert_cmpuint (summary.n_sessions_redated, ==, 1);
  g_assert_cmpuint (summary.n_scores_new, ==, 0);
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'phq9'"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT risk FROM scores WHERE measure = 'phq9'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT sum(value) FROM score_items"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 2);
  date = query_text (store, "SELECT date FROM sessions WHERE number = 1");
  g_assert_cmpstr (date, ==, "2026-01-06");

  /* a total alone replaces answers that no longer add up to it */
  import_ok (store, HEADER "A1,1,2026-01-06,phq9,10,\n", IPT_IMPORT_REPLACE, &summary);
  g_assert_cmpuint (summary.n_scores_replaced, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT total FROM scores WHERE measure = 'phq9'"), ==, 10);
}

static void
test_import_not_attended (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  import_ok (store, HEADER "A1,1,2026-01-05,bdi2,30,\n", IPT_IMPORT_DEFAULT, NULL);
  exec_sql (store, "UPDATE sessions SET attendance = 'did-not-attend'");

  /* the known score is unchanged, a new one on that session is refused */
  import_ok (store, HEADER "A1,1,2026-01-05,bdi2,30,\n", IPT_IMPORT_DEFAULT, NULL);
  g_assert_false (import_text (store, HEADER "A1,1,2026-01-05,epds,3,\n", IPT_IMPORT_REPLACE,
                               NULL, problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "in.csv:2: session 1 of A1 is recorded as “did-not-attend”: scores belong to "
                   "attended sessions");
}

static void
test_import_existing_client (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(IptClient) client = ipt_client_new ("K-7");
  g_autoptr(GError) error = NULL;
  IptImportSummary summary;

  ipt_client_set_given_name (client, "Kim");
  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);

  import_ok (store, HEADER "K-7,2,2026-03-09,epds,9,\nK-7,1,2026-03-02,epds,11,\n",
             IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_clients_new, ==, 0);
  g_assert_cmpuint (summary.n_episodes_new, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episodes WHERE start_date = '2026-03-02'"), ==, 1);
}

static void
test_import_blank_lines (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  IptImportSummary summary;

  import_ok (store, HEADER "\nA1,1,2026-01-05,bdi2,30,\n\n\n", IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_scores_new, ==, 1);

  /* a header alone is an empty export: nothing to do, not an error */
  import_ok (store, HEADER, IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_rows, ==, 0);
}

/* The import does the work of the schema's row triggers once per file: the results must be the
 * ones the triggers give, and the triggers must be back afterwards. */
static void
test_import_triggers (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autofree char *triggers_before = NULL;
  g_autofree char *triggers_after = NULL;
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const int phq9[] = { 1, 1, 1, 1, 1, 1, 1, 1, 2 };
  const char check_series[] =
    "SELECT count(*) FROM episodes e LEFT JOIN episode_series s ON s.episode_id = e.id "
    "JOIN episode_series_view v ON v.episode_id = e.id "
    "WHERE s.episode_id IS NULL OR s.sessions_attended IS NOT v.sessions_attended "
    "OR s.current_session IS NOT v.current_session OR s.phq9 IS NOT v.phq9 OR s.gad7 IS NOT v.gad7 "
    "OR s.attended IS NOT v.attended "
    "OR e.id IN (SELECT episode_id FROM episode_series_stale)";
  const char check_risk[] =
    "SELECT count(*) FROM scores s WHERE s.risk IS NOT coalesce ("
    "(SELECT si.value > 0 FROM score_items si JOIN measure_items m ON m.measure = s.measure "
    " AND m.item = si.item AND m.risk = 1 WHERE si.score_id = s.id), 0)";

  triggers_before = query_text (store, "SELECT group_concat (name || sql, '|') FROM "
                                       "(SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                       " ORDER BY name)");

  /* a client the app wrote, whose course the import adds to */
  client = ipt_client_new ("APP-1");
  g_assert_true (ipt_store_insert_client (store, client, &error));
  episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 12);
  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  session = ipt_session_new (ipt_episode_get_id (episode), 1, "2026-01-05");
  scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);

  import_ok (store,
             HEADER
             "APP-1,2,2026-01-12,phq9,,2;2;2;2;2;2;2;2;3\n"
             "APP-1,2,2026-01-12,gad7,9,\n"
             "N-1,1,2026-02-02,phq9,,0;0;0;0;0;0;0;0;1\n"
             "N-1,2,2026-02-09,phq9,,0;0;0;0;0;0;0;0;0\n"
             "N-1,2,2026-02-09,wsas,,1;1;1;1;1\n"
             "N-2,1,2026-02-02,bdi2,25,\n",
             IPT_IMPORT_DEFAULT, NULL);
  g_assert_cmpint (query_int (store, check_series), ==, 0);
  g_assert_cmpint (query_int (store, check_risk), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores WHERE risk = 1"), ==, 3);

  /* replacing: risk gone, answers gone, series follow */
  import_ok (store,
             HEADER
             "APP-1,2,2026-01-12,phq9,,2;2;2;2;2;2;2;2;0\n"
             "N-1,1,2026-02-03,phq9,4,\n",
             IPT_IMPORT_REPLACE, NULL);
  g_assert_cmpint (query_int (store, check_series), ==, 0);
  g_assert_cmpint (query_int (store, check_risk), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores WHERE risk = 1"), ==, 1);

  triggers_after = query_text (store, "SELECT group_concat (name || sql, '|') FROM "
                                      "(SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                      " ORDER BY name)");
  g_assert_cmpstr (triggers_after, ==, triggers_before);

  /* and they still fire: a score the app saves updates the series */
  g_ptr_array_set_size (scores, 0);
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 3));
  g_clear_object (&session);
  session = ipt_session_new (ipt_episode_get_id (episode), 3, "2026-01-19");
  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, check_series), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT current_session FROM episode_series s "
                                     "JOIN episodes e ON e.id = s.episode_id "
                                     "JOIN clients c ON c.id = e.client_id WHERE c.code = 'APP-1'"),
                   ==, 3);

  /* Ended on 2026-01-12: a session the import adds after that day is maintenance, in the
   * series the import writes as in the view. */
  ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ENDED);
  ipt_episode_set_end_date (episode, "2026-01-12");
  g_assert_true (ipt_store_update_episode (store, episode, &error));
  g_assert_no_error (error);
  import_ok (store, HEADER "APP-1,4,2026-02-02,phq9,5,\n", IPT_IMPORT_DEFAULT, NULL);
  g_assert_cmpint (query_int (store, check_series), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT attended = '1,2,3+,4+' FROM episode_series s "
                                     "JOIN episodes e ON e.id = s.episode_id "
                                     "JOIN clients c ON c.id = e.client_id WHERE c.code = 'APP-1'"),
                   ==, 1);
}

/* What the database refuses (a CHECK, a trigger) while the import writes undoes the whole import,
 * and the triggers the import suspends come back. */
static void
test_import_refused_by_database (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (store, HEADER "A1,1,2026-01-05,bdi2,30,\n", IPT_IMPORT_DEFAULT, NULL);
  exec_sql (store, "CREATE TRIGGER test_refuse BEFORE INSERT ON scores "
                   "WHEN NEW.answers GLOB '??3*' BEGIN SELECT RAISE (ABORT, 'refused'); END");
  before = snapshot (store);

  g_assert_false (import_text (store, HEADER "A1,2,2026-01-12,gad7,,1;1;1;1;1;1;1\n"
                                      "B1,1,2026-01-12,gad7,,1;1;3;1;1;1;1\n",
                               IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
  g_assert_cmpuint (problems->len, ==, 0);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name LIKE 'episode_series_%'"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 1);
}

/* New sessions and scores are numbered after the casebook's largest ids; with no room left
 * after them, nothing is written. */
static void
test_import_ids_exhausted (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (store, HEADER "A1,1,2026-01-05,bdi2,30,\n", IPT_IMPORT_DEFAULT, NULL);
  exec_sql (store, "UPDATE scores SET id = 9223372036854775806");
  before = snapshot (store);

  g_assert_false (import_text (store, HEADER "A1,2,2026-01-12,gad7,,1;1;1;1;1;1;1\n"
                                      "B1,1,2026-01-12,gad7,,1;1;3;1;1;1;1\n",
                               IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
  g_assert_cmpuint (problems->len, ==, 0);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* with room for one more score only, the file's two do not fit either */
  exec_sql (store, "UPDATE scores SET id = 9223372036854775805");
  g_assert_false (import_text (store, HEADER "A1,2,2026-01-12,gad7,,1;1;1;1;1;1;1\n"
                                      "B1,1,2026-01-12,gad7,,1;1;3;1;1;1;1\n",
                               IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 1);
  g_clear_error (&error);

  /* with room, the new ones follow */
  exec_sql (store, "UPDATE scores SET id = 1000");
  import_ok (store, HEADER "A1,2,2026-01-12,gad7,,1;1;1;1;1;1;1\n"
                           "B1,1,2026-01-12,gad7,,1;1;3;1;1;1;1\n", IPT_IMPORT_DEFAULT, NULL);
  g_assert_cmpint (query_int (store, "SELECT max(id) FROM scores"), ==, 1002);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int status;
  guint i;

  test_dir = g_dir_make_tmp ("ipt-test-csv-import-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/import/basic", test_import_basic);
  g_test_add_func ("/csv/import/header-any-order", test_import_header_any_order);
  g_test_add_func ("/csv/import/declined-item", test_import_declined_item);
  for (i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/csv/import/refused/%s", bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_import_bad);
    }
  g_test_add_func ("/csv/import/idempotent", test_import_idempotent);
  g_test_add_func ("/csv/import/replace", test_import_replace);
  g_test_add_func ("/csv/import/not-attended", test_import_not_attended);
  g_test_add_func ("/csv/import/existing-client", test_import_existing_client);
  g_test_add_func ("/csv/import/blank-lines", test_import_blank_lines);
  g_test_add_func ("/csv/import/triggers", test_import_triggers);
  g_test_add_func ("/csv/import/refused-by-database", test_import_refused_by_database);
  g_test_add_func ("/csv/import/ids-exhausted", test_import_ids_exhausted);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
