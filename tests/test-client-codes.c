/* Client codes: one and the same whatever their case, starting with a letter or a digit, and
 * quoted short in messages. */
#include "config.h"

#include "test-csv-common.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ipt-import.h"
#include "ipt-model.h"
#include "ipt-store-private.h"
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

static void
test_code_rules (void)
{
  static const char * const good[] = { "C-0001", "c_1", "7", "ab-CD_9" };
  static const char * const bad[] = { "-C1", "+1", "=SUM(A1)", "@home", "_x", "", "C 1",
                                      "C-0001-0002-0003-0004-0005-0006-7" };
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (ipt_client_code_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (ipt_client_code_is_valid (bad[i]));

  /* a refused value is quoted short */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (huge, 'A');
  g_string_prepend_c (huge, '=');
  client = ipt_client_new (huge->str);
  g_assert_false (ipt_client_validate (client, &error));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "(10001 characters)"));
}

static void
test_store_codes (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(IptClient) first = ipt_client_new ("C-0001");
  g_autoptr(IptClient) twin = ipt_client_new ("c-0001");
  g_autoptr(IptClient) other = ipt_client_new ("C-0002");
  g_autoptr(IptClient) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_store_insert_client (store, first, &error));
  g_assert_no_error (error);
  g_assert_false (ipt_store_insert_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "C-0001"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);

  /* found whatever its case */
  found = ipt_store_find_client (store, "c-0001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (ipt_client_get_code (found), ==, "C-0001");

  /* another client cannot take it in another case; the client itself may change its case */
  g_assert_true (ipt_store_insert_client (store, other, &error));
  ipt_client_set_code (other, "C-0001");
  g_assert_false (ipt_store_update_client (store, other, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  ipt_client_set_code (first, "c-0001");
  g_assert_true (ipt_store_update_client (store, first, &error));
  g_assert_no_error (error);
}

static void
test_import_codes (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  IptImportSummary summary;

  import_ok (store, HEADER "C-0001,1,2026-01-05,phq9,12,\n", IPT_IMPORT_DEFAULT, NULL);

  /* the casebook's client, whatever the case in the file; two spellings in one file are one */
  import_ok (store, HEADER "c-0001,2,2026-01-12,phq9,10,\n"
                           "n-0009,1,2026-01-05,gad7,9,\n"
                           "N-0009,2,2026-01-12,gad7,8,\n", IPT_IMPORT_DEFAULT, &summary);
  g_assert_cmpuint (summary.n_clients, ==, 2);
  g_assert_cmpuint (summary.n_clients_new, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions s JOIN episodes e "
                                     "ON e.id = s.episode_id JOIN clients c "
                                     "ON c.id = e.client_id WHERE c.code = 'C-0001'"), ==, 2);

  /* a formula-like code, and a long one quoted short */
  g_string_append (text, "-C1,1,2026-01-05,phq9,3,\n");
  g_string_append (text, "=");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (text, 'B');
  g_string_append (text, ",1,2026-01-05,phq9,3,\n");
  g_assert_false (ipt_import_scores_csv_data (store, "in.csv", text->str, text->len,
                                              IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0),
                                   "in.csv:2: invalid client code “-C1”"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1),
                                   "in.csv:3: invalid client code “=BBB"));
  g_assert_cmpuint (strlen (g_ptr_array_index (problems, 1)), <, 250);
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-client-codes-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-codes/rules", test_code_rules);
  g_test_add_func ("/client-codes/store", test_store_codes);
  g_test_add_func ("/client-codes/import", test_import_codes);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
