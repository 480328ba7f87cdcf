/* Tests of the store's records (saving, listing, deleting), the database's rules, transactions. */
#include "config.h"

#include "test-store-common.h"

/* Records */

static void
test_clients (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) ann = ipt_client_new ("C-0002");
  g_autoptr(IptClient) ben = NULL;
  g_autoptr(IptClient) copy = NULL;
  g_autoptr(IptClient) found = NULL;
  g_autoptr(IptClient) none = NULL;
  g_autoptr(IptClient) twin = ipt_client_new ("C-0002");
  g_autoptr(IptClient) bad = ipt_client_new ("C 0003!");
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;

  ipt_client_set_given_name (ann, "Ann");
  ipt_client_set_family_name (ann, "Example");
  ipt_client_set_preferred_name (ann, "Annie");
  ipt_client_set_birth_date (ann, "1980-04-12");
  ipt_client_set_phone (ann, "0100 000 001");
  ipt_client_set_email (ann, "ann@example.org");
  ipt_client_set_referrer (ann, "GP practice");
  ipt_client_set_notes (ann, "Prefers mornings.\nSecond line.");
  g_assert_true (ipt_store_insert_client (store, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_client_get_id (ann), >, 0);
  g_assert_nonnull (ipt_client_get_created_at (ann));
  g_assert_cmpstr (ipt_client_get_created_at (ann), ==, ipt_client_get_updated_at (ann));

  ben = add_client (store, "C-0001");

  copy = ipt_store_get_client (store, ipt_client_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_client_get_code (copy), ==, "C-0002");
  g_assert_cmpstr (ipt_client_get_given_name (copy), ==, "Ann");
  g_assert_cmpstr (ipt_client_get_family_name (copy), ==, "Example");
  g_assert_cmpstr (ipt_client_get_preferred_name (copy), ==, "Annie");
  g_assert_cmpstr (ipt_client_get_birth_date (copy), ==, "1980-04-12");
  g_assert_cmpstr (ipt_client_get_phone (copy), ==, "0100 000 001");
  g_assert_cmpstr (ipt_client_get_email (copy), ==, "ann@example.org");
  g_assert_cmpstr (ipt_client_get_referrer (copy), ==, "GP practice");
  g_assert_cmpstr (ipt_client_get_notes (copy), ==, "Prefers mornings.\nSecond line.");
  g_assert_false (ipt_client_get_archived (copy));
  g_assert_cmpstr (ipt_client_get_created_at (copy), ==, ipt_client_get_created_at (ann));

  /* Update: fields change, updated_at moves on, created_at stays. */
  created = g_strdup (ipt_client_get_created_at (ann));
  updated = g_strdup (ipt_client_get_updated_at (ann));
  g_usleep (2000);
  ipt_client_set_archived (ann, TRUE);
  ipt_client_set_phone (ann, NULL);
  g_assert_true (ipt_store_update_client (store, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_client_get_updated_at (ann), >, updated);
  g_clear_object (&copy);
  copy = ipt_store_get_client (store, ipt_client_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_true (ipt_client_get_archived (copy));
  g_assert_null (ipt_client_get_phone (copy));
  g_assert_cmpstr (ipt_client_get_created_at (copy), ==, created);
  g_assert_cmpstr (ipt_client_get_updated_at (copy), >, updated);

  /* Sorted by code. */
  clients = ipt_store_list_clients (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 2);
  g_assert_cmpstr (ipt_client_get_code (g_ptr_array_index (clients, 0)), ==, "C-0001");
  g_assert_cmpstr (ipt_client_get_code (g_ptr_array_index (clients, 1)), ==, "C-0002");
  g_assert_cmpuint (ipt_store_count_clients (store, &error), ==, 2);

  found = ipt_store_find_client (store, "C-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_client_get_id (found), ==, ipt_client_get_id (ben));
  none = ipt_store_find_client (store, "C-9999", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* A second client with the same code conflicts; a bad code is the model's refusal. */
  g_assert_false (ipt_store_insert_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (ipt_client_get_id (twin), ==, 0);
  g_assert_false (ipt_store_insert_client (store, bad, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ipt_store_count_clients (store, NULL), ==, 2);

  g_assert_null (ipt_store_get_client (store, 999, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ipt_client_set_id (twin, 999);
  g_assert_false (ipt_store_update_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_episodes (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) first = ipt_episode_new (ipt_client_get_id (client), "2025-03-03", 12);
  g_autoptr(IptEpisode) second = NULL;
  g_autoptr(IptEpisode) copy = NULL;
  g_autoptr(IptEpisode) current = NULL;
  g_autoptr(IptEpisode) bad = NULL;
  g_autoptr(IptEpisode) orphan = NULL;
  g_autoptr(IptPerson) father = ipt_person_new (ipt_client_get_id (client), "Father", "father", 1);
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_store_save_person (store, father, &error));
  g_assert_no_error (error);

  ipt_episode_set_focus (first, IPT_FOCUS_GRIEF);
  ipt_episode_set_secondary_focus (first, IPT_FOCUS_ROLE_TRANSITION);
  ipt_episode_set_focus_person_id (first, ipt_person_get_id (father));
  ipt_episode_set_focus_date (first, "2025-01-20");
  ipt_episode_set_formulation (first, "Low mood since his father died.");
  ipt_episode_set_agreed_on (first, "2025-03-17");
  ipt_episode_set_status (first, IPT_EPISODE_STATUS_ENDED);
  ipt_episode_set_end_date (first, "2025-05-26");
  ipt_episode_set_end_reason (first, "Completed");
  g_assert_true (ipt_store_insert_episode (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_episode_get_ordinal (first), ==, 1);

  second = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
  ipt_episode_set_focus (second, IPT_FOCUS_ROLE_DISPUTE);
  ipt_episode_set_dispute_stage (second, IPT_DISPUTE_STAGE_IMPASSE);
  ipt_episode_set_old_role (second, "Employee");
  ipt_episode_set_new_role (second, "Retired");
  g_assert_true (ipt_store_insert_episode (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_episode_get_ordinal (second), ==, 2);

  copy = ipt_store_get_episode (store, ipt_episode_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_client_id (copy), ==, ipt_client_get_id (client));
  g_assert_cmpstr (ipt_episode_get_start_date (copy), ==, "2025-03-03");
  g_assert_cmpuint (ipt_episode_get_planned_sessions (copy), ==, 12);
  g_assert_cmpuint (ipt_episode_get_assessment_end (copy), ==, 3);
  g_assert_cmpuint (ipt_episode_get_middle_end (copy), ==, 9);
  g_assert_cmpint (ipt_episode_get_focus (copy), ==, IPT_FOCUS_GRIEF);
  g_assert_cmpint (ipt_episode_get_secondary_focus (copy), ==, IPT_FOCUS_ROLE_TRANSITION);
  g_assert_cmpint (ipt_episode_get_focus_person_id (copy), ==, ipt_person_get_id (father));
  g_assert_cmpstr (ipt_episode_get_focus_date (copy), ==, "2025-01-20");
  g_assert_cmpstr (ipt_episode_get_formulation (copy), ==, "Low mood since his father died.");
  g_assert_cmpstr (ipt_episode_get_agreed_on (copy), ==, "2025-03-17");
  g_assert_cmpint (ipt_episode_get_status (copy), ==, IPT_EPISODE_STATUS_ENDED);
  g_assert_cmpstr (ipt_episode_get_end_date (copy), ==, "2025-05-26");
  g_assert_cmpstr (ipt_episode_get_end_reason (copy), ==, "Completed");

  current = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_id (current), ==, ipt_episode_get_id (second));
  g_assert_cmpint (ipt_episode_get_dispute_stage (current), ==, IPT_DISPUTE_STAGE_IMPASSE);
  g_assert_cmpstr (ipt_episode_get_old_role (current), ==, "Employee");
  g_assert_cmpstr (ipt_episode_get_new_role (current), ==, "Retired");
  g_assert_cmpint (ipt_episode_get_focus (current), ==, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_cmpint (ipt_episode_get_secondary_focus (current), ==, IPT_FOCUS_NONE);

  /* Update the contract. */
  ipt_episode_set_planned_sessions (second, 20);
  ipt_episode_set_assessment_end (second, 5);
  ipt_episode_set_middle_end (second, 15);
  g_assert_true (ipt_store_update_episode (store, second, &error));
  g_assert_no_error (error);
  episodes = ipt_store_list_episodes (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, ==, 2);
  g_assert_cmpuint (ipt_episode_get_ordinal (g_ptr_array_index (episodes, 0)), ==, 1);
  g_assert_cmpuint (ipt_episode_get_planned_sessions (g_ptr_array_index (episodes, 1)), ==, 20);
  g_assert_cmpuint (ipt_episode_get_middle_end (g_ptr_array_index (episodes, 1)), ==, 15);

  /* The model refuses a broken contract with its own message. */
  ipt_episode_set_middle_end (second, 4);
  {
    g_autoptr(GError) model_error = NULL;

    g_assert_false (ipt_episode_validate (second, &model_error));
    g_assert_false (ipt_store_update_episode (store, second, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, model_error->message);
    g_clear_error (&error);
  }
  ipt_episode_set_middle_end (second, 15);
  ipt_episode_set_planned_sessions (second, 7);
  g_assert_false (ipt_store_update_episode (store, second, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ipt_episode_set_planned_sessions (second, 20);
  bad = ipt_episode_new (ipt_client_get_id (client), "2026-02-30", 16);
  g_assert_false (ipt_store_insert_episode (store, bad, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A course of a client who does not exist. */
  orphan = ipt_episode_new (4242, "2026-01-05", 16);
  g_assert_false (ipt_store_insert_episode (store, orphan, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ipt_episode_get_id (orphan), ==, 0);

  /* Deleting the person the course focuses on leaves the course without one. */
  g_assert_true (ipt_store_delete_person (store, ipt_person_get_id (father), &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = ipt_store_get_episode (store, ipt_episode_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_focus_person_id (copy), ==, 0);

  g_assert_true (ipt_store_delete_episode (store, ipt_episode_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_false (ipt_store_delete_episode (store, ipt_episode_get_id (second), &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&current);
  current = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
  g_assert_cmpint (ipt_episode_get_id (current), ==, ipt_episode_get_id (first));
}

static void
test_sessions_and_scores (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), 5, "2026-02-02");
  g_autoptr(IptSession) later = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) replaced = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  IptSession *copy;
  IptScore *score;
  const int phq9[9] = { 3, 2, 2, 1, 1, 1, 0, 0, 2 };
  const int wsas[5] = { 5, 4, 5, IPT_ITEM_MISSING, 4 };
  const int *items;
  guint n_items = 0;

  ipt_session_set_attendance (session, IPT_ATTENDANCE_ATTENDED);
  ipt_session_set_attendees (session, IPT_ATTENDEES_WITH_PARTNER);
  ipt_session_set_duration (session, 55);
  ipt_session_set_note_agenda (session, "Agenda");
  ipt_session_set_note_events (session, "Events");
  ipt_session_set_note_between (session, "Between");
  ipt_session_set_tasks_done (session, 0x5);
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("wsas"), wsas, 5));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("bdi2"), 24));
  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_session_get_id (session), >, 0);
  for (guint i = 0; i < scores->len; i++)
    {
      g_assert_cmpint (ipt_score_get_id (g_ptr_array_index (scores, i)), >, 0);
      g_assert_cmpint (ipt_score_get_session_id (g_ptr_array_index (scores, i)), ==,
                       ipt_session_get_id (session));
    }

  later = add_session (store, episode, 14, IPT_ATTENDANCE_DID_NOT_ATTEND, -1, 0, -1);

  /* By number, with the phase from the attended sessions (4 / 12 of 16): appointment 5 is the
   * first attended session, and the missed 14 is where the course stands, still assessment. */
  sessions = ipt_store_list_sessions (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  copy = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (ipt_session_get_id (copy), ==, ipt_session_get_id (session));
  g_assert_cmpint (ipt_session_get_episode_id (copy), ==, ipt_episode_get_id (episode));
  g_assert_cmpuint (ipt_session_get_number (copy), ==, 5);
  g_assert_cmpstr (ipt_session_get_date (copy), ==, "2026-02-02");
  g_assert_cmpint (ipt_session_get_attendance (copy), ==, IPT_ATTENDANCE_ATTENDED);
  g_assert_cmpint (ipt_session_get_attendees (copy), ==, IPT_ATTENDEES_WITH_PARTNER);
  g_assert_cmpuint (ipt_session_get_duration (copy), ==, 55);
  g_assert_cmpstr (ipt_session_get_note_agenda (copy), ==, "Agenda");
  g_assert_cmpstr (ipt_session_get_note_events (copy), ==, "Events");
  g_assert_cmpstr (ipt_session_get_note_between (copy), ==, "Between");
  g_assert_cmpuint (ipt_session_get_tasks_done (copy), ==, 0x5);
  g_assert_cmpint (ipt_session_get_phase (copy), ==, IPT_PHASE_ASSESSMENT);
  copy = g_ptr_array_index (sessions, 1);
  g_assert_cmpint (ipt_session_get_attendance (copy), ==, IPT_ATTENDANCE_DID_NOT_ATTEND);
  g_assert_cmpint (ipt_session_get_phase (copy), ==, IPT_PHASE_ASSESSMENT);

  /* Items are stored 1-based, a missing answer as NULL, and come back as the model has them. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 14);
  g_assert_cmpint (query_int (store, "SELECT min(item) FROM score_items"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items WHERE value IS NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (store, "SELECT risk FROM scores WHERE measure = 'phq9'"), ==, 1);

  loaded = ipt_store_list_scores (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  /* By measure id within the session: bdi2, phq9, wsas. */
  score = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (ipt_score_get_measure_id (score), ==, "bdi2");
  g_assert_false (ipt_score_has_items (score));
  g_assert_cmpint (ipt_score_get_total (score), ==, 24);
  score = g_ptr_array_index (loaded, 1);
  g_assert_cmpstr (ipt_score_get_measure_id (score), ==, "phq9");
  g_assert_cmpstr (ipt_score_get_measure_version (score), ==, "1");
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpmem (items, n_items * sizeof (int), phq9, sizeof phq9);
  g_assert_cmpint (ipt_score_get_total (score), ==, 12);
  g_assert_true (ipt_score_get_risk (score));
  g_assert_cmpint (ipt_score_get_session_id (score), ==, ipt_session_get_id (session));
  score = g_ptr_array_index (loaded, 2);
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpmem (items, n_items * sizeof (int), wsas, sizeof wsas);
  g_assert_cmpint (ipt_score_get_total (score),
                   ==, ipt_score_get_total (g_ptr_array_index (scores, 1)));
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Scores NULL: the session changes, its scores stay. */
  ipt_session_set_note_agenda (session, "Changed");
  g_assert_true (ipt_store_save_session (store, session, NULL, &error));
  g_assert_no_error (error);
  loaded = ipt_store_list_session_scores (store, ipt_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* A list replaces them; an empty one removes them. */
  g_ptr_array_add (replaced, ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 9));
  g_assert_true (ipt_store_save_session (store, session, replaced, &error));
  g_assert_no_error (error);
  loaded = ipt_store_list_session_scores (store, ipt_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (ipt_score_get_measure_id (g_ptr_array_index (loaded, 0)), ==, "gad7");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_ptr_array_set_size (replaced, 0);
  g_assert_true (ipt_store_save_session (store, session, replaced, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 0);

  /* Two PHQ-9 in one session, or a second session 5, are refused. */
  g_ptr_array_add (replaced, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 9));
  g_ptr_array_add (replaced, ipt_score_new_from_total (ipt_measure_lookup ("phq9"), 10));
  g_assert_false (ipt_store_save_session (store, session, replaced, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(IptSession) twin = ipt_session_new (ipt_episode_get_id (episode), 5, "2026-02-03");

    g_assert_false (ipt_store_save_session (store, twin, NULL, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (ipt_session_get_id (twin), ==, 0);
  }

  g_assert_true (ipt_store_delete_session (store, ipt_session_get_id (later), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
}

static void
test_inventory_timeline_goals_comments (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptPerson) person = ipt_person_new (ipt_client_get_id (client), "Sam", "partner", 1);
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(IptGoal) goal = ipt_goal_new (ipt_episode_get_id (episode), "See friends weekly");
  g_autoptr(IptComment) comment = ipt_comment_new (ipt_episode_get_id (episode), "Supervisor",
                                                   "Check item 9 at every session.");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GError) error = NULL;
  IptPerson *p;
  IptLifeEvent *e;
  IptGoal *g;
  IptComment *c;

  ipt_person_set_ideal_ring (person, 2);
  ipt_person_set_contact (person, "Every day");
  ipt_person_set_satisfying (person, "Kind");
  ipt_person_set_unsatisfying (person, "Money");
  ipt_person_set_changes_wanted (person, "Talk calmly");
  ipt_person_set_knows_about_mood (person, TRUE);
  g_assert_true (ipt_store_save_person (store, person, &error));
  g_assert_no_error (error);
  ipt_person_set_ring (person, 2);
  g_assert_true (ipt_store_save_person (store, person, &error));
  list = ipt_store_list_people (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  p = g_ptr_array_index (list, 0);
  g_assert_cmpint (ipt_person_get_id (p), ==, ipt_person_get_id (person));
  g_assert_cmpstr (ipt_person_get_name (p), ==, "Sam");
  g_assert_cmpstr (ipt_person_get_relationship (p), ==, "partner");
  g_assert_cmpuint (ipt_person_get_ring (p), ==, 2);
  g_assert_cmpuint (ipt_person_get_ideal_ring (p), ==, 2);
  g_assert_cmpstr (ipt_person_get_contact (p), ==, "Every day");
  g_assert_cmpstr (ipt_person_get_satisfying (p), ==, "Kind");
  g_assert_cmpstr (ipt_person_get_unsatisfying (p), ==, "Money");
  g_assert_cmpstr (ipt_person_get_changes_wanted (p), ==, "Talk calmly");
  g_assert_true (ipt_person_get_knows_about_mood (p));
  g_clear_pointer (&list, g_ptr_array_unref);

  event = ipt_life_event_new (ipt_client_get_id (client), "2025-12-24", "Argument", -3);
  ipt_life_event_set_person_id (event, ipt_person_get_id (person));
  g_assert_true (ipt_store_save_life_event (store, event, &error));
  g_assert_no_error (error);
  list = ipt_store_list_life_events (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_life_event_get_date (e), ==, "2025-12-24");
  g_assert_cmpstr (ipt_life_event_get_title (e), ==, "Argument");
  g_assert_cmpint (ipt_life_event_get_impact (e), ==, -3);
  g_assert_cmpint (ipt_life_event_get_person_id (e), ==, ipt_person_get_id (person));
  g_clear_pointer (&list, g_ptr_array_unref);
  ipt_life_event_set_impact (event, 9);
  g_assert_false (ipt_store_save_life_event (store, event, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ipt_goal_set_first_rating (goal, 2);
  g_assert_true (ipt_store_save_goal (store, goal, &error));
  g_assert_no_error (error);
  list = ipt_store_list_goals (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_goal_get_text (g), ==, "See friends weekly");
  g_assert_cmpint (ipt_goal_get_first_rating (g), ==, 2);
  g_assert_cmpint (ipt_goal_get_latest_rating (g), ==, IPT_GOAL_RATING_NONE);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Ratings by session drive the first and latest ratings. */
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 3, 4, &error));
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 1, 3, &error));
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 6, 7, &error));
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 6, 8, &error));
  g_assert_no_error (error);
  g_assert_false (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 7, 11, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ratings = ipt_store_list_goal_ratings (store, ipt_goal_get_id (goal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 3);
  g_assert_cmpuint (g_array_index (ratings, IptGoalRating, 0).session_number, ==, 1);
  g_assert_cmpint (g_array_index (ratings, IptGoalRating, 0).rating, ==, 3);
  g_assert_cmpuint (g_array_index (ratings, IptGoalRating, 2).session_number, ==, 6);
  g_assert_cmpint (g_array_index (ratings, IptGoalRating, 2).rating, ==, 8);
  ipt_goal_set_text (goal, "See two friends weekly");
  g_assert_true (ipt_store_save_goal (store, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_goal_get_first_rating (goal), ==, 3);
  g_assert_cmpint (ipt_goal_get_latest_rating (goal), ==, 8);
  g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), 6,
                                            IPT_GOAL_RATING_NONE, &error));
  list = ipt_store_list_goals (store, ipt_episode_get_id (episode), &error);
  g = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_goal_get_text (g), ==, "See two friends weekly");
  g_assert_cmpint (ipt_goal_get_latest_rating (g), ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);

  ipt_comment_set_session_number (comment, 3);
  g_assert_true (ipt_store_save_comment (store, comment, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ipt_comment_get_created_at (comment));
  list = ipt_store_list_comments (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ipt_comment_get_author (c), ==, "Supervisor");
  g_assert_cmpstr (ipt_comment_get_text (c), ==, "Check item 9 at every session.");
  g_assert_cmpuint (ipt_comment_get_session_number (c), ==, 3);
  g_assert_cmpstr (ipt_comment_get_created_at (c), ==, ipt_comment_get_created_at (comment));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Deleting the client removes everything of theirs. */
  g_object_unref (add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED, 1, 0, 1));
  g_assert_true (ipt_store_delete_client (store, ipt_client_get_id (client), &error));
  g_assert_no_error (error);
  {
    static const char * const tables[] = {
      "clients", "people", "episodes", "sessions", "scores", "score_items", "life_events",
      "goals", "goal_ratings", "comments",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

        g_assert_cmpint (query_int (store, sql), ==, 0);
      }
  }
}

/* Rules */

static void
test_check_raw_sql (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = add_session (store, episode, 1, IPT_ATTENDANCE_ATTENDED,
                                               -1, 0, -1);
  sqlite3 *db = _ipt_store_get_db (store);
  g_autofree char *setup = NULL;
  static const char * const refused[] = {
    "UPDATE scores SET total = 28 WHERE measure = 'phq9'",
    "UPDATE scores SET total = 22 WHERE measure = 'gad7'",
    "INSERT INTO scores (session_id, measure, measure_version, total) VALUES (1, 'mood', '1', 2)",
    "UPDATE scores SET total = -1 WHERE measure = 'wsas'",
    "UPDATE scores SET total = 41 WHERE measure = 'wsas'",
    "UPDATE scores SET answers = '4--------' WHERE id = 1",            /* PHQ-9 item 1 is 0-3 */
    "UPDATE scores SET answers = '3--------0' WHERE id = 1",           /* PHQ-9 has no item 10 */
    "UPDATE scores SET answers = '3-------' WHERE id = 1",             /* nor only 8 */
    "UPDATE scores SET answers = '3-------x' WHERE id = 1",
    "UPDATE scores SET answers = '3 -------' WHERE id = 1",
    "UPDATE scores SET answers = CAST ('3--------' AS BLOB) WHERE id = 1",
    "UPDATE scores SET answers = '4-----3' WHERE id = 2",              /* GAD-7 item 1 is 0-3 */
    "UPDATE scores SET answers = '9---8' WHERE id = 3",                /* WSAS items are 0-8 */
    "UPDATE scores SET answers = '4--3-------------' WHERE id = 4",    /* HAM-D item 4 is 0-2 */
    "UPDATE scores SET answers = '4--2------------3' WHERE id = 4",    /* item 17 is 0-2 */
    "UPDATE scores SET answers = '1' WHERE id = 5",                    /* BDI-II: totals only */
    "INSERT INTO scores (session_id, measure, measure_version, answers) "
    "VALUES (1, 'epds', '1', '0000000000')",
    "UPDATE scores SET measure = 'epds' WHERE id = 1",
    "UPDATE scores SET measure = 'gad7' WHERE id = 1",
    "UPDATE episodes SET planned_sessions = 7",
    "UPDATE episodes SET planned_sessions = 21",
    "UPDATE episodes SET assessment_end = 12",
    "UPDATE episodes SET middle_end = 16",
    "UPDATE episodes SET assessment_end = 0",
    "UPDATE episodes SET start_date = '2026-02-30'",
    "UPDATE episodes SET start_date = '5 January 2026'",
    "UPDATE episodes SET focus = 'anger'",
    "UPDATE episodes SET status = 'paused'",
    "UPDATE sessions SET attendance = 'late'",
    "UPDATE sessions SET attendees = 'dog'",
    "UPDATE sessions SET date = '2026-02-30'",
    "UPDATE sessions SET number = 0",
    "UPDATE sessions SET duration = 0",
    "UPDATE clients SET birth_date = '1980-13-01'",
    "UPDATE clients SET code = 'C 1'",
    "UPDATE clients SET archived = 2",
    "INSERT INTO people (client_id, name, ring) VALUES (1, 'X', 4)",
    "INSERT INTO life_events (client_id, date, title, impact) VALUES (1, '2026-01-01', 'X', 6)",
    "INSERT INTO goals (episode_id, text, first_rating) VALUES (1, 'X', 11)",
    "INSERT INTO goal_ratings (goal_id, session_number, rating) VALUES (1, 1, 11)",
    "INSERT INTO sessions (episode_id, number, date) VALUES (999, 2, '2026-01-12')",
  };

  /* Scores 1 phq9, 2 gad7, 3 wsas, 4 hamd17, 5 bdi2 at session 1; a goal. */
  setup = g_strdup_printf ("INSERT INTO scores (id, session_id, measure, measure_version, total) "
                           "VALUES (1, %1$" G_GINT64_FORMAT ", 'phq9', '1', NULL), "
                           "(2, %1$" G_GINT64_FORMAT ", 'gad7', '1', NULL), "
                           "(3, %1$" G_GINT64_FORMAT ", 'wsas', '1', NULL), "
                           "(4, %1$" G_GINT64_FORMAT ", 'hamd17', '1', NULL), "
                           "(5, %1$" G_GINT64_FORMAT ", 'bdi2', '1', 20);"
                           "UPDATE scores SET answers = '3--------' WHERE id = 1;"
                           "UPDATE scores SET answers = '------3' WHERE id = 2;"
                           "UPDATE scores SET answers = '----8' WHERE id = 3;"
                           "UPDATE scores SET answers = '4--2-------------' WHERE id = 4;"
                           "INSERT INTO goals (id, episode_id, text) VALUES (1, 1, 'Goal');",
                           ipt_session_get_id (session));
  g_assert_cmpint (sqlite3_exec (db, setup, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      int rc = sqlite3_exec (db, refused[i], NULL, NULL, NULL);

      if ((rc & 0xff) != SQLITE_CONSTRAINT)
        g_error ("not refused (%d): %s", rc, refused[i]);
    }

  /* Nothing changed. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 9 + 7 + 5 + 17);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items WHERE value IS NOT NULL"),
                   ==, 5);
  g_assert_cmpint (query_int (store,
                              "SELECT value FROM score_items WHERE score_id = 1 AND item = 1"),
                   ==, 3);
  g_assert_cmpint (query_int (store,
                              "SELECT value FROM score_items WHERE score_id = 4 AND item = 4"),
                   ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores WHERE answers IS NOT NULL"),
                   ==, 4);
  g_assert_cmpint (query_int (store, "SELECT planned_sessions FROM episodes"), ==, 16);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
}

/* The item ranges of the database are those of the model's registry. */
static void
test_check_measure_items (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  guint total_items = 0;

  for (guint m = 0; m < ipt_measure_get_n_measures (); m++)
    {
      const IptMeasure *measure = ipt_measure_get_nth (m);

      for (guint i = 0; i < measure->n_items; i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT min_value * 1000000 + max_value * 1000 + "
                                                  "risk FROM measure_items WHERE measure = '%s' "
                                                  "AND item = %u",
                                                  measure->id, i + 1);
          gint64 expected = measure->items[i].min * 1000000 + measure->items[i].max * 1000 +
                            (measure->risk_item == (int) i ? 1 : 0);

          g_assert_cmpint (query_int (store, sql), ==, expected);
          total_items++;
        }
    }

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM measure_items"), ==, total_items);
}

/* Transactions */

static void
test_transaction_failing_save (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), 1, "2026-01-05");
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const int phq9[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 0 };

  /* A disk that refuses the second questionnaire half-way through the save. */
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (store),
                                 "CREATE TEMP TRIGGER refuse_gad7 BEFORE INSERT ON main.scores "
                                 "WHEN NEW.measure = 'gad7' BEGIN SELECT RAISE (ABORT, 'no'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 5));
  g_assert_false (ipt_store_save_session (store, session, scores, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (ipt_session_get_id (session), ==, 0);
  g_assert_cmpint (ipt_score_get_id (g_ptr_array_index (scores, 0)), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scores"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (_ipt_store_get_db (store)));

  /* The same save without the GAD-7 goes through. */
  g_ptr_array_remove_index (scores, 1);
  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM score_items"), ==, 9);
}

static void
test_transaction_begin_commit (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) a = ipt_client_new ("C-0001");
  g_autoptr(IptClient) b = ipt_client_new ("C-0002");
  g_autoptr(IptClient) twin = ipt_client_new ("C-0001");
  g_autoptr(IptClient) c = ipt_client_new ("C-0003");
  g_autoptr(GError) error = NULL;

  /* Inside one user action, a failing call undoes only itself; rollback undoes all. */
  g_assert_true (ipt_store_begin (store, &error));
  g_assert_true (ipt_store_insert_client (store, a, &error));
  g_assert_false (ipt_store_insert_client (store, twin, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (ipt_store_insert_client (store, b, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 2);
  ipt_store_rollback (store);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (_ipt_store_get_db (store)));

  g_assert_true (ipt_store_begin (store, &error));
  g_assert_true (ipt_store_insert_client (store, c, &error));
  g_assert_true (ipt_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM clients"), ==, 1);

  g_assert_false (ipt_store_commit (store, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-store-records-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/records/clients", test_clients);
  g_test_add_func ("/store/records/episodes", test_episodes);
  g_test_add_func ("/store/records/sessions-and-scores", test_sessions_and_scores);
  g_test_add_func ("/store/records/inventory-timeline-goals-comments",
                   test_inventory_timeline_goals_comments);
  g_test_add_func ("/store/check/raw-sql", test_check_raw_sql);
  g_test_add_func ("/store/check/measure-items", test_check_measure_items);
  g_test_add_func ("/store/transaction/failing-save", test_transaction_failing_save);
  g_test_add_func ("/store/transaction/begin-commit", test_transaction_begin_commit);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
