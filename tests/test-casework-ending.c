/* Tests of ending a course and its undo, maintenance, earlier courses, the rules of bad input,
 * goal ratings at a session, and a deleted client's records kept for Undo. */
#include "config.h"

#include "test-casework-common.h"
#include "ipt-store-snapshot.h"
#include "test-case-report-fixture.h"

static void
test_store_ending (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) first = add_episode (store, client, "2026-01-05", 12);
  g_autoptr(IptEpisode) second = NULL;
  g_autoptr(IptEpisode) read = NULL;
  g_autoptr(IptSession) last = add_dated_session (store, first, 12, "2026-03-30",
                                                  IPT_ATTENDEES_CLIENT_ALONE);
  g_autoptr(IptCourseEnding) ending = ipt_course_ending_new (ipt_episode_get_id (first),
                                                             "2026-03-23", IPT_END_REASON_COMPLETED);
  g_autoptr(IptCourseEnding) copy = NULL;
  g_autoptr(IptMaintenance) contract = NULL;
  g_autoptr(IptMaintenance) contract_copy = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = long_text ();
  gint64 id = ipt_episode_get_id (first);

  /* Not before the last session. */
  g_assert_false (ipt_store_end_course (store, ending, &error));
  g_assert_cmpstr (error->message, ==,
                   "End date 2026-03-23 is before the course’s last session (2026-03-30)");
  g_clear_error (&error);
  g_assert_null (ipt_store_get_course_ending (store, id, &error));
  g_assert_no_error (error);

  /* A second course cannot start while the first runs. */
  second = ipt_episode_new (ipt_client_get_id (client), "2026-06-01", 16);
  g_assert_false (ipt_store_start_course (store, second, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Course 1 is still running: end it before starting another");
  g_clear_error (&error);

  ipt_course_ending_set_end_date (ending, "2026-03-30");
  ipt_course_ending_set_text (ending, IPT_ENDING_WARNING_SIGNS, "Staying in bed, not calling Sam");
  ipt_course_ending_set_text (ending, IPT_ENDING_WHAT_HELPED, text);
  ipt_course_ending_set_text (ending, IPT_ENDING_PEOPLE_TO_TURN_TO, "Sam; her sister");
  ipt_course_ending_set_text (ending, IPT_ENDING_IF_SIGNS_RETURN, "Call the practice");
  ipt_course_ending_set_maintenance_offered (ending, TRUE);
  g_assert_true (ipt_store_end_course (store, ending, &error));
  g_assert_no_error (error);

  read = ipt_store_get_episode (store, id, &error);
  g_assert_cmpint (ipt_episode_get_status (read), ==, IPT_EPISODE_STATUS_ENDED);
  g_assert_cmpstr (ipt_episode_get_end_date (read), ==, "2026-03-30");
  g_assert_cmpstr (ipt_episode_get_end_reason (read), ==, "completed");
  g_clear_object (&read);
  copy = ipt_store_get_course_ending (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_course_ending_get_reason (copy), ==, IPT_END_REASON_COMPLETED);
  g_assert_cmpstr (ipt_course_ending_get_end_date (copy), ==, "2026-03-30");
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    g_assert_cmpstr (ipt_course_ending_get_text (copy, i), ==, ipt_course_ending_get_text (ending, i));
  g_assert_true (ipt_course_ending_get_maintenance_offered (copy));
  g_clear_object (&copy);

  /* Ending twice is refused. */
  g_assert_false (ipt_store_end_course (store, ending, &error));
  g_assert_cmpstr (error->message, ==, "The course already ended on 2026-03-30");
  g_clear_error (&error);

  /* Undo: the course runs again, as it was. */
  g_assert_true (ipt_store_reopen_course (store, id, &error));
  g_assert_no_error (error);
  read = ipt_store_get_episode (store, id, &error);
  g_assert_cmpint (ipt_episode_get_status (read), ==, IPT_EPISODE_STATUS_ACTIVE);
  g_assert_null (ipt_episode_get_end_date (read));
  g_assert_null (ipt_episode_get_end_reason (read));
  g_clear_object (&read);
  g_assert_null (ipt_store_get_course_ending (store, id, &error));
  g_assert_false (ipt_store_reopen_course (store, id, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Maintenance needs an ended course; dropped out is not one. */
  contract = ipt_maintenance_new (id, "2026-04-27", 6);
  g_assert_false (ipt_store_start_maintenance (store, contract, &error));
  g_assert_cmpstr (error->message, ==, "End the course before starting maintenance sessions");
  g_clear_error (&error);
  ipt_course_ending_set_reason (ending, IPT_END_REASON_DROPPED_OUT);
  g_assert_true (ipt_store_end_course (store, ending, &error));
  read = ipt_store_get_episode (store, id, &error);
  g_assert_cmpint (ipt_episode_get_status (read), ==, IPT_EPISODE_STATUS_DROPPED_OUT);
  g_clear_object (&read);
  g_assert_false (ipt_store_start_maintenance (store, contract, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ipt_store_reopen_course (store, id, &error));
  ipt_course_ending_set_reason (ending, IPT_END_REASON_COMPLETED);
  g_assert_true (ipt_store_end_course (store, ending, &error));

  ipt_maintenance_set_start_date (contract, "2026-03-01");
  g_assert_false (ipt_store_start_maintenance (store, contract, &error));
  g_assert_nonnull (strstr (error->message, "before the course ended"));
  g_clear_error (&error);
  ipt_maintenance_set_start_date (contract, "2026-04-27");
  g_assert_true (ipt_store_start_maintenance (store, contract, &error));
  g_assert_no_error (error);
  contract_copy = ipt_store_get_maintenance (store, id, &error);
  g_assert_cmpstr (ipt_maintenance_get_start_date (contract_copy), ==, "2026-04-27");
  g_assert_cmpuint (ipt_maintenance_get_planned_sessions (contract_copy), ==, 6);
  g_assert_cmpuint (ipt_maintenance_get_interval_weeks (contract_copy), ==, 4);
  g_assert_false (ipt_store_start_maintenance (store, contract, &error));
  g_assert_cmpstr (error->message, ==, "The course already has a maintenance contract");
  g_clear_error (&error);
  /* The ending cannot be undone under a maintenance contract. */
  g_assert_false (ipt_store_reopen_course (store, id, &error));
  g_assert_cmpstr (error->message, ==, "A maintenance contract follows the course: undo it first");
  g_clear_error (&error);
  /* Undo of maintenance; refused once a maintenance session was recorded. */
  g_assert_true (ipt_store_cancel_maintenance (store, id, &error));
  g_assert_null (ipt_store_get_maintenance (store, id, &error));
  g_assert_true (ipt_store_start_maintenance (store, contract, &error));
  {
    g_autoptr(IptSession) monthly = add_dated_session (store, first, 13, "2026-04-27",
                                                       IPT_ATTENDEES_CLIENT_ALONE);

    g_assert_false (ipt_store_cancel_maintenance (store, id, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  /* A second course after the first ended; the first is then an earlier course, kept ended. */
  ipt_episode_set_start_date (second, "2026-03-01");
  g_assert_false (ipt_store_start_course (store, second, &error));
  g_assert_nonnull (strstr (error->message, "before the last one ended"));
  g_clear_error (&error);
  ipt_episode_set_start_date (second, "2026-06-01");
  g_assert_true (ipt_store_start_course (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_episode_get_ordinal (second), ==, 2);
  earlier = ipt_store_list_earlier_courses (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 1);
  g_assert_cmpint (ipt_episode_get_id (g_ptr_array_index (earlier, 0)), ==, id);
  g_assert_cmpint (ipt_episode_get_status (g_ptr_array_index (earlier, 0)), ==,
                   IPT_EPISODE_STATUS_ENDED);
  g_clear_pointer (&earlier, g_ptr_array_unref);
  g_assert_false (ipt_store_cancel_maintenance (store, id, &error));
  g_clear_error (&error);
  exec_ok (store, "DELETE FROM sessions WHERE number = 13");
  g_assert_true (ipt_store_cancel_maintenance (store, id, &error));
  g_assert_false (ipt_store_reopen_course (store, id, &error));
  g_assert_cmpstr (error->message, ==, "A later course of the client has started: this one stays ended");
  g_clear_error (&error);

  /* The database's own rules. */
  assert_sql_refused (store, "INSERT INTO course_endings (episode_id, reason) VALUES (2, 'completed')");
  assert_sql_refused (store, "UPDATE course_endings SET reason = 'finished'");
  assert_sql_refused (store, "UPDATE course_endings SET maintenance_offered = 2");
  assert_sql_refused (store, "INSERT INTO maintenance_contracts VALUES (2, '2026-07-01', 4, 4)");
  assert_sql_refused (store, "INSERT INTO maintenance_contracts VALUES (1, '2026-07-01', 0, 4)");
  assert_sql_refused (store, "INSERT INTO maintenance_contracts VALUES (1, '2026-07-01', 4, 13)");
  assert_sql_refused (store, "INSERT INTO maintenance_contracts VALUES (1, '2026-13-01', 4, 4)");
  assert_sql_refused (store, "INSERT INTO maintenance_contracts VALUES (1, '2026-01-01', 4, 4)");
}

/* The rules item 10 names, through the store and the database. */
static void
test_store_bad_input (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (client), "Jamie", NULL, 4);
  g_autoptr(IptLifeEvent) event = ipt_life_event_new (ipt_client_get_id (client), "2026-02-01",
                                                      "Moved house", 6);
  g_autoptr(IptGoal) goal = ipt_goal_new (ipt_episode_get_id (episode), "See friends weekly");
  g_autoptr(GError) error = NULL;

  g_assert_false (ipt_store_save_person (store, person, &error));
  g_assert_cmpstr (error->message, ==, "Ring must be 1 (closest) to 3, not 4");
  g_clear_error (&error);
  g_assert_false (ipt_store_save_life_event (store, event, &error));
  g_assert_cmpstr (error->message, ==, "Impact on mood must be between -5 and +5, not 6");
  g_clear_error (&error);
  ipt_life_event_set_impact (event, -5);
  g_assert_true (ipt_store_save_life_event (store, event, &error));
  g_assert_no_error (error);

  g_assert_true (ipt_store_save_goal (store, goal, &error));
  g_assert_false (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 3, 11, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 3, 10, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM goal_ratings"), ==, 1);

  /* Several goals rated at one session, as one step: a bad rating leaves all as they were. */
  {
    g_autoptr(IptGoal) second = ipt_goal_new (ipt_episode_get_id (episode), "Call a friend weekly");
    g_autoptr(GArray) read = NULL;
    IptSessionGoalRating ratings[2];

    g_assert_true (ipt_store_save_goal (store, second, &error));
    ratings[0] = (IptSessionGoalRating) { ipt_goal_get_id (goal), 4 };
    ratings[1] = (IptSessionGoalRating) { ipt_goal_get_id (second), 12 };
    g_assert_false (ipt_store_save_session_goal_ratings (store, ipt_episode_get_id (episode), 5,
                                                         ratings, 2, &error));
    g_assert_cmpstr (error->message, ==, "A goal rating is from 0 to 10, not 12");
    g_clear_error (&error);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM goal_ratings WHERE session_number = 5"),
                     ==, 0);
    ratings[1].rating = 7;
    g_assert_true (ipt_store_save_session_goal_ratings (store, ipt_episode_get_id (episode), 5,
                                                        ratings, 2, &error));
    g_assert_no_error (error);
    read = ipt_store_list_session_goal_ratings (store, ipt_episode_get_id (episode), 5, &error);
    g_assert_cmpuint (read->len, ==, 2);
    g_assert_cmpint (g_array_index (read, IptSessionGoalRating, 0).rating, ==, 4);
    g_assert_cmpint (g_array_index (read, IptSessionGoalRating, 1).rating, ==, 7);
    g_clear_pointer (&read, g_array_unref);
    read = ipt_store_list_session_goal_ratings (store, ipt_episode_get_id (episode), 6, &error);
    g_assert_cmpint (g_array_index (read, IptSessionGoalRating, 0).rating, ==, IPT_GOAL_RATING_NONE);
    /* Another course's goal is refused. */
    ratings[0].goal_id = 999;
    g_assert_false (ipt_store_save_session_goal_ratings (store, ipt_episode_get_id (episode), 6,
                                                         ratings, 1, &error));
    g_assert_cmpstr (error->message, ==, "A goal rated is not one of this course’s goals");
    g_clear_error (&error);
  }

  assert_sql_refused (store, "UPDATE life_events SET impact = -6");
  assert_sql_refused (store, "UPDATE goal_ratings SET rating = 11");
  assert_sql_refused (store, "UPDATE goal_ratings SET rating = -1");
}


static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table, each line "table|values", sorted: two casebooks with the same
 * records give the same text. */
static char *
dump_rows (IptStore *store)
{
  sqlite3 *db = _ipt_store_get_db (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite%' "
                                           "AND name != 'episode_series_stale'", -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          GString *line = g_string_new (table);

          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (line, "|%s", sqlite3_column_type (rows, c) == SQLITE_NULL
                                                 ? "NULL" : (const char *) sqlite3_column_text (rows, c));
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Undo of a client's deletion brings back every record of theirs, the IPT work included. */
static void
test_store_snapshot (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) other = add_client (store, "C-0001");
  g_autoptr(IptClient) client = fixture_case (store, 16, 16, NULL);
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = ipt_client_get_id (client);

  {
    g_autoptr(IptEpisode) episode = ipt_store_get_current_episode (store, id, &error);
    g_autoptr(IptMaintenance) contract = ipt_maintenance_new (ipt_episode_get_id (episode),
                                                              "2026-06-01", 4);

    g_assert_true (ipt_store_start_maintenance (store, contract, &error));
    g_assert_no_error (error);
  }

  before = dump_rows (store);
  snapshot = ipt_store_snapshot_client (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "clients"), ==, 1);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "people"), ==, 3);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "sessions"), ==, 16);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "dispute_stage_changes"), ==, 2);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "session_attendees"), ==, 1);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "course_endings"), ==, 1);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "maintenance_contracts"), ==, 1);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "inventory_notes"), ==, 1);
  g_assert_cmpuint (ipt_client_snapshot_count_rows (snapshot, "goal_ratings"), ==, 4);

  g_assert_true (ipt_store_delete_client (store, id, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_true (ipt_store_restore_client (store, snapshot, &error));
  g_assert_no_error (error);
  after = dump_rows (store);
  g_assert_cmpstr (after, ==, before);

  /* A record made since, in the way: nothing is written and the casebook is as it was. */
  g_assert_true (ipt_store_delete_client (store, id, &error));
  g_clear_pointer (&before, g_free);
  {
    g_autoptr(IptClient) newcomer = add_client (store, "C-0077");
    g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (newcomer), "Sam", NULL, 2);

    g_assert_true (ipt_store_save_person (store, person, &error));
    before = dump_rows (store);
    g_assert_false (ipt_store_restore_client (store, snapshot, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_clear_pointer (&after, g_free);
    after = dump_rows (store);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_null (ipt_store_snapshot_client (store, 999, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-casework-ending-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/casework/store/ending", test_store_ending);
  g_test_add_func ("/casework/store/bad-input", test_store_bad_input);
  g_test_add_func ("/casework/store/snapshot", test_store_snapshot);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
