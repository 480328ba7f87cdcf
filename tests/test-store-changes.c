/* Tests of the store's change announcements: what a committed transaction names, and that a
 * rolled-back one names nothing. */
#include "config.h"

#include "test-store-common.h"

#include "ipt-import.h"
#include "ipt-store-snapshot.h"

typedef struct
{
  GPtrArray *announced;   /* IptStoreChanges, in order */
} Listener;

static void
on_changed (IptStore        *store,
            IptStoreChanges *changes,
            Listener        *listener)
{
  g_ptr_array_add (listener->announced, ipt_store_changes_ref (changes));
}

static void
listen (IptStore *store,
        Listener *listener)
{
  listener->announced = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_store_changes_unref);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), listener);
}

static void
listener_clear (Listener *listener)
{
  g_clear_pointer (&listener->announced, g_ptr_array_unref);
}

static IptStoreChanges *
last (Listener *listener)
{
  g_assert_cmpuint (listener->announced->len, >, 0);
  return g_ptr_array_index (listener->announced, listener->announced->len - 1);
}

static guint
count (IptStoreChanges   *changes,
       IptStoreChangeKind kind)
{
  guint n;
  g_autofree gint64 *ids = ipt_store_changes_get_ids (changes, kind, &n);

  return n;
}

static void
test_changes_set (void)
{
  g_autoptr(IptStoreChanges) changes = ipt_store_changes_new ();
  g_autofree gint64 *ids = NULL;
  g_autofree const char **tables = NULL;
  guint n;

  g_assert_true (ipt_store_changes_is_empty (changes));
  ipt_store_changes_add (changes, IPT_STORE_CHANGE_CLIENT, 7);
  ipt_store_changes_add (changes, IPT_STORE_CHANGE_CLIENT, 3);
  ipt_store_changes_add (changes, IPT_STORE_CHANGE_CLIENT, 7);
  ipt_store_changes_add (changes, IPT_STORE_CHANGE_CLIENT, 0);
  ipt_store_changes_add_record (changes, "goals", 5);
  g_assert_false (ipt_store_changes_is_empty (changes));

  ids = ipt_store_changes_get_ids (changes, IPT_STORE_CHANGE_CLIENT, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, 3);
  g_assert_cmpint (ids[1], ==, 7);
  g_assert_true (ipt_store_changes_has_client (changes, 7));
  g_assert_false (ipt_store_changes_has_client (changes, 5));
  g_assert_false (ipt_store_changes_has (changes, IPT_STORE_CHANGE_COURSE, 7));
  g_assert_true (ipt_store_changes_has_record (changes, "goals", 5));
  g_assert_false (ipt_store_changes_has_record (changes, "people", 5));
  tables = ipt_store_changes_get_record_tables (changes);
  g_assert_cmpstr (tables[0], ==, "goals");
  g_assert_null (tables[1]);
}

static void
test_changes_each_write (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) other = add_client (store, "C-0002");
  Listener listener;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptSession) session = NULL;
  g_autoptr(IptPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  IptStoreChanges *changes;
  gint64 client_id;
  gint64 episode_id;

  /* Written before anyone listened: nothing is kept for later. */
  listen (store, &listener);
  g_assert_cmpuint (listener.announced->len, ==, 0);

  client = add_client (store, "C-0001");
  client_id = ipt_client_get_id (client);
  g_assert_cmpuint (listener.announced->len, ==, 1);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has_client (changes, client_id));
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_CLIENT), ==, 1);
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_COURSE), ==, 0);

  episode = add_episode (store, client, "2026-01-05", 16);
  episode_id = ipt_episode_get_id (episode);
  g_assert_cmpuint (listener.announced->len, ==, 2);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_COURSE, episode_id));
  g_assert_true (ipt_store_changes_has_client (changes, client_id));
  g_assert_false (ipt_store_changes_has_client (changes, ipt_client_get_id (other)));

  /* A session names itself, its course and its client, and its scores as records. */
  session = add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED, 2, 0, 1);
  g_assert_cmpuint (listener.announced->len, ==, 3);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_SESSION,
                                        ipt_session_get_id (session)));
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_COURSE, episode_id));
  g_assert_true (ipt_store_changes_has_client (changes, client_id));
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_CLIENT), ==, 1);
  {
    guint n;
    g_autofree gint64 *scores = ipt_store_changes_get_record_ids (changes, "scores", &n);

    g_assert_cmpuint (n, ==, 2);
  }

  person = ipt_person_new (client_id, "Sam", "partner", 1);
  g_assert_true (ipt_store_save_person (store, person, &error));
  g_assert_no_error (error);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has_record (changes, "people", ipt_person_get_id (person)));
  g_assert_true (ipt_store_changes_has_client (changes, client_id));

  /* A deleted session still names its course and client, though they no longer hold it. */
  g_assert_true (ipt_store_delete_session (store, ipt_session_get_id (session), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (listener.announced->len, ==, 5);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_SESSION,
                                        ipt_session_get_id (session)));
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_COURSE, episode_id));
  g_assert_true (ipt_store_changes_has_client (changes, client_id));

  g_assert_true (ipt_store_delete_client (store, client_id, &error));
  g_assert_no_error (error);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has_client (changes, client_id));
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_COURSE, episode_id));
  g_assert_false (ipt_store_changes_has_client (changes, ipt_client_get_id (other)));

  /* Nobody listening: nothing is gathered. */
  g_signal_handlers_disconnect_by_func (store, on_changed, &listener);
  g_object_unref (client);
  client = add_client (store, "C-0003");
  g_assert_false (store->collecting);
  g_assert_cmpuint (store->pending->len, ==, 0);
  g_assert_cmpuint (listener.announced->len, ==, 6);

  listener_clear (&listener);
}

static void
test_changes_one_per_transaction (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = ipt_client_new ("C-0001");
  g_autoptr(IptClient) b = ipt_client_new ("C-0002");
  g_autoptr(GError) error = NULL;
  Listener listener;
  IptStoreChanges *changes;

  listen (store, &listener);
  g_assert_true (ipt_store_begin (store, &error));
  g_assert_true (ipt_store_insert_client (store, a, &error));
  g_assert_true (ipt_store_insert_client (store, b, &error));
  /* Nothing is announced before the commit. */
  g_assert_cmpuint (listener.announced->len, ==, 0);
  g_assert_true (ipt_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (listener.announced->len, ==, 1);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has_client (changes, ipt_client_get_id (a)));
  g_assert_true (ipt_store_changes_has_client (changes, ipt_client_get_id (b)));
  listener_clear (&listener);
}

static void
on_changed_check_committed (IptStore        *store,
                            IptStoreChanges *changes,
                            gpointer         user_data)
{
  /* A listener reads what was announced: it is in the casebook. */
  g_assert_true (sqlite3_get_autocommit (_ipt_store_get_db (store)));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);
  (*(guint *) user_data)++;
}

static void
test_changes_after_commit (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = NULL;
  guint calls = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_check_committed), &calls);
  client = add_client (store, "C-0001");
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_changes_rollback (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptClient) twin = ipt_client_new ("C-0001");
  g_autoptr(IptClient) b = ipt_client_new ("C-0002");
  g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), 1, "2026-01-05");
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const int phq9[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 0 };
  Listener listener;
  IptStoreChanges *changes;

  listen (store, &listener);

  /* A save that fails half-way (the session row was written) announces nothing. */
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (store),
                                 "CREATE TEMP TRIGGER refuse_gad7 BEFORE INSERT ON main.scores "
                                 "WHEN NEW.measure = 'gad7' BEGIN SELECT RAISE (ABORT, 'no'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 5));
  g_assert_false (ipt_store_save_session (store, session, scores, &error));
  g_clear_error (&error);
  g_assert_cmpuint (listener.announced->len, ==, 0);

  /* A conflicting insert neither. */
  g_assert_false (ipt_store_insert_client (store, twin, &error));
  g_clear_error (&error);
  g_assert_cmpuint (listener.announced->len, ==, 0);

  /* A transaction rolled back as a whole neither. */
  g_assert_true (ipt_store_begin (store, &error));
  g_assert_true (ipt_store_insert_client (store, b, &error));
  ipt_store_rollback (store);
  g_assert_cmpuint (listener.announced->len, ==, 0);
  ipt_client_set_id (b, 0);

  /* Inside one, the failed call's rows are dropped and the rest announced. */
  g_assert_true (ipt_store_begin (store, &error));
  g_assert_false (ipt_store_save_session (store, session, scores, &error));
  g_clear_error (&error);
  g_assert_true (ipt_store_insert_client (store, b, &error));
  g_assert_true (ipt_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (listener.announced->len, ==, 1);
  changes = last (&listener);
  g_assert_true (ipt_store_changes_has_client (changes, ipt_client_get_id (b)));
  g_assert_false (ipt_store_changes_has_client (changes, ipt_client_get_id (client)));
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_COURSE), ==, 0);
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_SESSION), ==, 0);
  {
    g_autofree const char **tables = ipt_store_changes_get_record_tables (changes);

    g_assert_null (tables[0]);
  }

  listener_clear (&listener);
}

static void
test_changes_import (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptClient) untouched = add_client (store, "C-0009");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptClient) created = NULL;
  Listener listener;
  IptStoreChanges *changes;
  const char *csv = "client_code,session,date,measure,total,items\n"
                    "C-0001,1,2026-01-05,phq9,18,\n"
                    "C-0001,2,2026-01-12,phq9,15,\n"
                    "C-0003,1,2026-01-06,gad7,11,\n";
  const char *bad = "client_code,session,date,measure,total,items\n"
                    "C-0001,3,2026-01-19,phq9,99,\n";

  listen (store, &listener);
  g_assert_true (ipt_import_scores_csv_data (store, "scores.csv", csv, strlen (csv), 0, NULL,
                                             problems, &error));
  g_assert_no_error (error);

  /* One announcement for the whole file, naming both clients and only them. */
  g_assert_cmpuint (listener.announced->len, ==, 1);
  changes = last (&listener);
  created = ipt_store_find_client (store, "C-0003", &error);
  g_assert_nonnull (created);
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_CLIENT), ==, 2);
  g_assert_true (ipt_store_changes_has_client (changes, ipt_client_get_id (client)));
  g_assert_true (ipt_store_changes_has_client (changes, ipt_client_get_id (created)));
  g_assert_false (ipt_store_changes_has_client (changes, ipt_client_get_id (untouched)));
  g_assert_true (ipt_store_changes_has (changes, IPT_STORE_CHANGE_COURSE,
                                        ipt_episode_get_id (episode)));
  g_assert_cmpuint (count (changes, IPT_STORE_CHANGE_SESSION), ==, 3);

  /* A refused file announces nothing. */
  g_assert_false (ipt_import_scores_csv_data (store, "bad.csv", bad, strlen (bad), 0, NULL,
                                              problems, &error));
  g_clear_error (&error);
  g_assert_cmpuint (listener.announced->len, ==, 1);

  listener_clear (&listener);
}

static void
test_snapshot_take_and_restore (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED, 2, 1, 1);
  g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (client), "Sam", "partner", 1);
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  Listener listener;

  g_assert_true (ipt_store_save_person (store, person, &error));
  event = ipt_life_event_new (ipt_client_get_id (client), "2026-01-02", "Moved house", -1);
  ipt_life_event_set_person_id (event, ipt_person_get_id (person));
  g_assert_true (ipt_store_save_life_event (store, event, &error));
  g_assert_no_error (error);
  listen (store, &listener);

  /* A client who is not there: nothing taken, nothing announced. */
  g_assert_null (ipt_store_take_client (store, 999, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  /* One whole sentence, not a noun spliced into one. */
  g_assert_cmpstr (error->message, ==, "No client with id 999 in the casebook");
  g_clear_error (&error);
  g_assert_cmpuint (listener.announced->len, ==, 0);

  snapshot = ipt_store_take_client (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 0);
  g_assert_cmpuint (listener.announced->len, ==, 1);
  g_assert_true (ipt_store_changes_has_client (last (&listener), ipt_client_get_id (client)));

  /* Back whole, in one transaction and one announcement, the event still naming its person. */
  g_assert_true (ipt_store_restore_client (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_client_snapshot_get_client_id (snapshot), ==, ipt_client_get_id (client));
  g_assert_cmpuint (listener.announced->len, ==, 2);
  g_assert_true (ipt_store_changes_has_client (last (&listener), ipt_client_get_id (client)));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients WHERE code = 'C-0001'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM life_events e JOIN people p "
                                     "ON p.id = e.person_id AND p.client_id = e.client_id"), ==, 1);

  /* A snapshot serves once. */
  g_assert_false (ipt_store_restore_client (store, snapshot, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (listener.announced->len, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);

  listener_clear (&listener);
}

static void
exec_sql (IptStore   *store,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* SQLite rolls a whole transaction back by itself after some errors (disk full, I/O, a
 * trigger's RAISE (ROLLBACK)). When that happens in a write nested in another (taking a client
 * deletes it inside the take's transaction), the inner call reports it and the outer one ends
 * quietly: no critical, the error returned, nothing announced, nothing half written, and the
 * store writes again afterwards. */
static void
test_changes_nested_lost (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED, 2, 1, 1);
  g_autoptr(IptClient) other = NULL;
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  Listener listener;

  /* Fails deep inside the nested delete, as a full disk would. */
  exec_sql (store, "CREATE TEMP TRIGGER fail_delete BEFORE DELETE ON main.scores "
                   "BEGIN SELECT RAISE (ROLLBACK, 'database or disk is full'); END");
  listen (store, &listener);

  snapshot = ipt_store_take_client (store, ipt_client_get_id (client), &error);
  g_assert_null (snapshot);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (listener.announced->len, ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episodes"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 2);

  /* The same through the public transaction calls, the outer one committing. */
  g_assert_true (ipt_store_begin (store, &error));
  g_assert_false (ipt_store_delete_client (store, ipt_client_get_id (client), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Nothing starts while the lost transaction's outer call is still open. */
  other = ipt_client_new ("C-0002");
  g_assert_false (ipt_store_insert_client (store, other, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ipt_store_commit (store, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (listener.announced->len, ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 2);

  /* Then the store writes again, and announces it. */
  exec_sql (store, "DROP TRIGGER temp.fail_delete");
  snapshot = ipt_store_take_client (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (listener.announced->len, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 0);

  listener_clear (&listener);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-store-changes-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/changes/set", test_changes_set);
  g_test_add_func ("/store/changes/each-write", test_changes_each_write);
  g_test_add_func ("/store/changes/one-per-transaction", test_changes_one_per_transaction);
  g_test_add_func ("/store/changes/after-commit", test_changes_after_commit);
  g_test_add_func ("/store/changes/rollback", test_changes_rollback);
  g_test_add_func ("/store/changes/import", test_changes_import);
  g_test_add_func ("/store/snapshot/take-and-restore", test_snapshot_take_and_restore);
  g_test_add_func ("/store/changes/nested-lost", test_changes_nested_lost);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
