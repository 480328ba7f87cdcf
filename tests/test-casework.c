/* Tests of the IPT work of a case: the model's records, focus fields and a dispute's stages,
 * formulation, inventory and the circle, session work and attendees. */
#include "config.h"

#include "test-casework-common.h"
#include "ipt-store-snapshot.h"

/* Model */

static void
test_model_focus_fields (void)
{
  g_autoptr(IptFocusFields) grief = ipt_focus_fields_new (1, FALSE, IPT_FOCUS_GRIEF);
  g_autoptr(IptFocusFields) dispute = ipt_focus_fields_new (1, TRUE, IPT_FOCUS_ROLE_DISPUTE);
  g_autoptr(IptFocusFields) transition = ipt_focus_fields_new (1, FALSE, IPT_FOCUS_ROLE_TRANSITION);
  g_autoptr(GError) error = NULL;
  IptDisputeStageChange change = { 0, IPT_DISPUTE_STAGE_IMPASSE };

  /* Grief asks for its person, then the date; a death after today or before birth is refused. */
  g_assert_cmpstr (ipt_focus_fields_get_missing (grief), ==,
                   "Choose the person who died from the inventory");
  ipt_focus_fields_set_person_id (grief, 7);
  g_assert_cmpstr (ipt_focus_fields_get_missing (grief), ==, "Give the date of death");
  ipt_focus_fields_set_date (grief, "2026-05-02");
  g_assert_null (ipt_focus_fields_get_missing (grief));
  g_assert_true (ipt_focus_fields_validate (grief, "1980-04-12", "2026-06-01", &error));
  g_assert_no_error (error);
  g_assert_false (ipt_focus_fields_validate (grief, "1980-04-12", "2026-05-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Date of death 2026-05-02 is after today");
  g_clear_error (&error);
  ipt_focus_fields_set_date (grief, "1979-12-31");
  g_assert_false (ipt_focus_fields_validate (grief, "1980-04-12", "2026-06-01", &error));
  g_assert_cmpstr (error->message, ==,
                   "Date of death 1979-12-31 is before the client was born (1980-04-12)");
  g_clear_error (&error);
  ipt_focus_fields_set_date (grief, "2026-02-30");
  g_assert_false (ipt_focus_fields_validate (grief, NULL, "2026-06-01", &error));
  g_assert_nonnull (strstr (error->message, "is not a valid date"));
  g_clear_error (&error);
  ipt_focus_fields_set_date (grief, "2026-02-03");
  ipt_focus_fields_set_old_role (grief, "Worker");
  g_assert_false (ipt_focus_fields_validate (grief, NULL, "2026-06-01", &error));
  g_assert_cmpstr (error->message, ==, "A role is not a field of the focus Grief");
  g_clear_error (&error);

  /* A dispute: the person, then the stage. */
  g_assert_true (ipt_focus_fields_get_secondary (dispute));
  g_assert_cmpstr (ipt_focus_fields_get_missing (dispute), ==,
                   "Choose the other person in the dispute from the inventory");
  ipt_focus_fields_set_person_id (dispute, 3);
  g_assert_cmpstr (ipt_focus_fields_get_missing (dispute), ==, "Choose the stage of the dispute");
  ipt_focus_fields_set_dispute_stage (dispute, IPT_DISPUTE_STAGE_RENEGOTIATION);
  g_assert_null (ipt_focus_fields_get_missing (dispute));
  g_assert_true (ipt_focus_fields_validate (dispute, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A transition has no person; roles of any script. */
  ipt_focus_fields_set_old_role (transition, "Lehrerin");
  ipt_focus_fields_set_new_role (transition, "退休");
  g_assert_cmpstr (ipt_focus_fields_get_missing (transition), ==, "Give the date of the change");
  ipt_focus_fields_set_date (transition, "2027-03-01");
  g_assert_true (ipt_focus_fields_validate (transition, "1960-01-01", "2026-06-01", &error));
  g_assert_no_error (error);
  ipt_focus_fields_set_person_id (transition, 2);
  g_assert_false (ipt_focus_fields_validate (transition, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Person is not a field of the focus Role transition");
  g_clear_error (&error);
  ipt_focus_fields_set_person_id (transition, 0);
  ipt_focus_fields_set_new_role (transition, "\xff\xfe");
  g_assert_false (ipt_focus_fields_validate (transition, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "New role holds bytes that are not text (not UTF-8)");
  g_clear_error (&error);

  /* The contract in one line. */
  {
    g_autofree char *with = ipt_focus_fields_describe_contract (dispute, 16, "Jamie");
    g_autofree char *moving = NULL;
    g_autofree char *missing = ipt_focus_fields_describe_contract (grief, 8, NULL);

    ipt_focus_fields_set_new_role (transition, "退休");
    moving = ipt_focus_fields_describe_contract (transition, 12, NULL);
    g_assert_cmpstr (with, ==, "16 sessions, weekly, focus: Role dispute with Jamie");
    g_assert_cmpstr (moving, ==, "12 sessions, weekly, focus: Role transition from Lehrerin to 退休");
    g_assert_cmpstr (missing, ==, "8 sessions, weekly, focus: Grief");
  }

  /* Stage changes: a session and a stage. */
  g_assert_false (ipt_dispute_stage_change_validate (&change, &error));
  g_assert_cmpstr (error->message, ==, "Session number must be 1 to 99, not 0");
  g_clear_error (&error);
  change.session_number = 5;
  change.stage = IPT_DISPUTE_STAGE_NONE;
  g_assert_false (ipt_dispute_stage_change_validate (&change, &error));
  g_clear_error (&error);
  change.stage = IPT_DISPUTE_STAGE_DISSOLUTION;
  g_assert_true (ipt_dispute_stage_change_validate (&change, &error));
  g_assert_no_error (error);
}

static void
test_model_ending_and_maintenance (void)
{
  g_autoptr(IptCourseEnding) ending = ipt_course_ending_new (1, "2026-04-20",
                                                             IPT_END_REASON_COMPLETED);
  g_autoptr(IptMaintenance) contract = ipt_maintenance_new (1, "2026-05-18", 6);
  g_autoptr(GError) error = NULL;
  IptEndReason reason;

  g_assert_cmpstr (ipt_end_reason_to_id (IPT_END_REASON_REFERRED_ON), ==, "referred-on");
  g_assert_true (ipt_end_reason_from_id ("dropped-out", &reason));
  g_assert_cmpint (reason, ==, IPT_END_REASON_DROPPED_OUT);
  g_assert_false (ipt_end_reason_from_id ("finished", &reason));
  g_assert_cmpstr (ipt_ending_text_to_label (IPT_ENDING_IF_SIGNS_RETURN), ==,
                   "What to do if the signs come back");

  g_assert_true (ipt_course_ending_validate (ending, "2026-01-05", "2026-06-01", &error));
  g_assert_no_error (error);
  g_assert_false (ipt_course_ending_validate (ending, "2026-05-01", "2026-06-01", &error));
  g_assert_cmpstr (error->message, ==, "End date 2026-04-20 is before the course started (2026-05-01)");
  g_clear_error (&error);
  g_assert_false (ipt_course_ending_validate (ending, "2026-01-05", "2026-04-19", &error));
  g_assert_nonnull (strstr (error->message, "is in the future"));
  g_clear_error (&error);
  ipt_course_ending_set_reason (ending, 7);
  g_assert_false (ipt_course_ending_validate (ending, NULL, "2026-06-01", &error));
  g_assert_cmpstr (error->message, ==, "Reason must be completed, dropped out or referred on");
  g_clear_error (&error);
  ipt_course_ending_set_reason (ending, IPT_END_REASON_COMPLETED);
  ipt_course_ending_set_text (ending, IPT_ENDING_WARNING_SIGNS, "\xc3\x28");
  g_assert_false (ipt_course_ending_validate (ending, NULL, "2026-06-01", &error));
  g_assert_cmpstr (error->message, ==, "Warning signs holds bytes that are not text (not UTF-8)");
  g_clear_error (&error);

  /* Properties for binding, by their names. */
  g_object_set (ending, "people-to-turn-to", "Sister", "maintenance-offered", TRUE, NULL);
  g_assert_cmpstr (ipt_course_ending_get_text (ending, IPT_ENDING_PEOPLE_TO_TURN_TO), ==, "Sister");
  g_assert_true (ipt_course_ending_get_maintenance_offered (ending));

  g_assert_cmpuint (ipt_maintenance_get_interval_weeks (contract), ==, 4);
  g_assert_true (ipt_maintenance_validate (contract, "2026-04-20", &error));
  g_assert_no_error (error);
  g_assert_false (ipt_maintenance_validate (contract, "2026-06-01", &error));
  g_assert_nonnull (strstr (error->message, "before the course ended"));
  g_clear_error (&error);
  ipt_maintenance_set_planned_sessions (contract, 0);
  g_assert_false (ipt_maintenance_validate (contract, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Maintenance sessions must be 1 to 24, not 0");
  g_clear_error (&error);
  ipt_maintenance_set_planned_sessions (contract, 6);
  ipt_maintenance_set_interval_weeks (contract, 13);
  g_assert_false (ipt_maintenance_validate (contract, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Weeks between maintenance sessions must be 1 to 12, not 13");
  g_clear_error (&error);
}

static void
test_model_session_work (void)
{
  g_autoptr(IptSessionWork) work = ipt_session_work_new (4);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptAttendee) jamie = ipt_attendee_new (4, 2, "Jamie", "partner", NULL);
  g_autoptr(IptAttendee) words = ipt_attendee_new (4, 0, NULL, NULL, "a neighbour");
  g_autofree char *jamie_label = ipt_attendee_to_label (jamie);
  g_autofree char *words_label = ipt_attendee_to_label (words);
  const gint64 twice[] = { 3, 3 };
  const gint64 two[] = { 3, 5 };
  guint n = 0;

  g_assert_cmpstr (jamie_label, ==, "Jamie, partner");
  g_assert_cmpstr (words_label, ==, "a neighbour");

  g_assert_false (ipt_session_work_uses_technique (work, IPT_TECHNIQUE_ROLE_PLAY));
  g_object_set (work, "rehearsed", "Asking for help with the children", NULL);
  g_assert_true (ipt_session_work_uses_technique (work, IPT_TECHNIQUE_ROLE_PLAY));
  g_assert_false (ipt_session_work_uses_technique (work, IPT_TECHNIQUE_DECISION_ANALYSIS));
  g_assert_cmpint (ipt_technique_field_get_technique (IPT_TECHNIQUE_FIELD_PROS_CONS), ==,
                   IPT_TECHNIQUE_DECISION_ANALYSIS);
  g_assert_cmpstr (ipt_technique_field_to_label (IPT_TECHNIQUE_FIELD_ALTERNATIVES), ==,
                   "What else could be said");

  g_assert_false (ipt_session_work_has_attendees (work));
  ipt_session_work_set_attendee_ids (work, twice, 2);
  g_assert_false (ipt_session_work_validate (work, &error));
  g_assert_cmpstr (error->message, ==, "The same person is named twice among those who attended");
  g_clear_error (&error);
  ipt_session_work_set_attendee_ids (work, two, 2);
  g_assert_true (ipt_session_work_validate (work, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_session_work_get_attendee_ids (work, &n)[1], ==, 5);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (ipt_session_work_has_attendees (work));
}

static void
test_model_person_fields (void)
{
  g_autoptr(IptPerson) person = ipt_person_new (1, "Jamie", "partner", 1);
  g_autoptr(GError) error = NULL;
  IptArgumentsResolve resolve;

  g_object_set (person, "talk-about", "Work", "arguments-resolve", IPT_ARGUMENTS_RESOLVE_RARELY,
                "supportive", TRUE, NULL);
  g_assert_cmpstr (ipt_person_get_text (person, IPT_PERSON_TALK_ABOUT), ==, "Work");
  g_assert_cmpint (ipt_person_get_arguments_resolve (person), ==, IPT_ARGUMENTS_RESOLVE_RARELY);
  g_assert_true (ipt_person_get_supportive (person));
  g_assert_false (ipt_person_get_confidant (person));
  g_assert_true (ipt_arguments_resolve_from_id ("sometimes", &resolve));
  g_assert_cmpint (resolve, ==, IPT_ARGUMENTS_RESOLVE_SOMETIMES);
  g_assert_true (ipt_person_validate (person, &error));
  g_assert_no_error (error);
  ipt_person_set_text (person, IPT_PERSON_ARGUMENTS, "\x80");
  g_assert_false (ipt_person_validate (person, &error));
  g_assert_cmpstr (error->message, ==, "Arguments holds bytes that are not text (not UTF-8)");
}

/* Store */

static void
test_store_inventory (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptPerson) jamie = add_person (store, client, "Jamie", "partner", 1);
  g_autoptr(IptInventoryNotes) notes = ipt_inventory_notes_new (ipt_client_get_id (client));
  g_autoptr(IptInventoryNotes) read = NULL;
  g_autoptr(IptInventoryNotes) empty = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = long_text ();
  IptPerson *copy;

  ipt_person_set_text (jamie, IPT_PERSON_TALK_ABOUT, "The children");
  ipt_person_set_text (jamie, IPT_PERSON_CANNOT_TALK_ABOUT, text);
  ipt_person_set_text (jamie, IPT_PERSON_ARGUMENTS, "Money, weekly");
  ipt_person_set_arguments_resolve (jamie, IPT_ARGUMENTS_RESOLVE_RARELY);
  ipt_person_set_supportive (jamie, TRUE);
  ipt_person_set_confidant (jamie, TRUE);
  ipt_person_set_ideal_ring (jamie, 1);
  g_assert_true (ipt_store_save_person (store, jamie, &error));
  g_assert_no_error (error);

  people = ipt_store_list_people (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  copy = g_ptr_array_index (people, 0);
  g_assert_cmpstr (ipt_person_get_text (copy, IPT_PERSON_TALK_ABOUT), ==, "The children");
  g_assert_cmpstr (ipt_person_get_text (copy, IPT_PERSON_CANNOT_TALK_ABOUT), ==, text);
  g_assert_cmpstr (ipt_person_get_text (copy, IPT_PERSON_ARGUMENTS), ==, "Money, weekly");
  g_assert_cmpint (ipt_person_get_arguments_resolve (copy), ==, IPT_ARGUMENTS_RESOLVE_RARELY);
  g_assert_true (ipt_person_get_supportive (copy));
  g_assert_true (ipt_person_get_confidant (copy));

  /* The circle: a move changes the rings only; a ring outside 1-3 is refused. */
  g_assert_true (ipt_store_move_person (store, ipt_person_get_id (jamie), 3, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT ring * 10 + ideal_ring FROM people"), ==, 31);
  g_assert_false (ipt_store_move_person (store, ipt_person_get_id (jamie), 4, 0, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Ring must be 1 (closest) to 3, not 4");
  g_clear_error (&error);
  g_assert_false (ipt_store_move_person (store, ipt_person_get_id (jamie), 0, 0, &error));
  g_clear_error (&error);
  g_assert_false (ipt_store_move_person (store, 999, 2, 0, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT ring FROM people"), ==, 3);

  /* Case-level fields. */
  empty = ipt_store_get_inventory_notes (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_true (ipt_inventory_notes_is_empty (empty));
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_SOCIAL_SUPPORT, "Few friends since the move");
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_CONFIDING, "Only her sister");
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_COMMUNICATION_STYLE, text);
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_ONSET_CHANGES, "Retired in March");
  g_assert_true (ipt_store_save_inventory_notes (store, notes, &error));
  g_assert_no_error (error);
  read = ipt_store_get_inventory_notes (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    g_assert_cmpstr (ipt_inventory_notes_get_text (read, i), ==,
                     ipt_inventory_notes_get_text (notes, i));
  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    ipt_inventory_notes_set_text (notes, i, NULL);
  g_assert_true (ipt_store_save_inventory_notes (store, notes, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM inventory_notes"), ==, 0);

  /* The database's own rules. */
  assert_sql_refused (store, "UPDATE people SET arguments_resolve = 'never'");
  assert_sql_refused (store, "UPDATE people SET supportive = 2");
  assert_sql_refused (store, "UPDATE people SET ring = 0");
  assert_sql_refused (store, "UPDATE people SET ideal_ring = 4");
  assert_sql_refused (store, "INSERT INTO inventory_notes (client_id) VALUES (999)");
}

static void
test_store_focus (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptClient) other = add_client (store, "C-0002");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptPerson) jamie = NULL;
  g_autoptr(IptPerson) gran = NULL;
  g_autoptr(IptPerson) stranger = add_person (store, other, "Kim", "friend", 2);
  g_autoptr(IptFocusFields) primary = NULL;
  g_autoptr(IptFocusFields) secondary = NULL;
  g_autoptr(IptFocusFields) read = NULL;
  g_autoptr(GArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = long_text ();
  gint64 id;
  IptDisputeStageChange change = { 2, IPT_DISPUTE_STAGE_RENEGOTIATION };

  ipt_client_set_birth_date (client, "1980-04-12");
  g_assert_true (ipt_store_update_client (store, client, &error));
  jamie = add_person (store, client, "Jamie", "partner", 1);
  gran = add_person (store, client, "Gran", "grandmother", 2);
  episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
  ipt_episode_set_focus (episode, IPT_FOCUS_ROLE_DISPUTE);
  ipt_episode_set_secondary_focus (episode, IPT_FOCUS_GRIEF);
  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  g_assert_no_error (error);
  id = ipt_episode_get_id (episode);

  /* The primary focus: a dispute with Jamie; its stage changes at sessions 2 and 6. */
  primary = ipt_store_get_focus_fields (store, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_focus_fields_get_focus (primary), ==, IPT_FOCUS_ROLE_DISPUTE);
  ipt_focus_fields_set_person_id (primary, ipt_person_get_id (jamie));
  g_assert_true (ipt_store_save_focus_fields (store, primary, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_store_record_dispute_stage (store, id, FALSE, &change, &error));
  g_assert_no_error (error);
  change = (IptDisputeStageChange) { 6, IPT_DISPUTE_STAGE_IMPASSE };
  g_assert_true (ipt_store_record_dispute_stage (store, id, FALSE, &change, &error));
  read = ipt_store_get_focus_fields (store, id, FALSE, &error);
  g_assert_cmpint (ipt_focus_fields_get_person_id (read), ==, ipt_person_get_id (jamie));
  g_assert_cmpint (ipt_focus_fields_get_dispute_stage (read), ==, IPT_DISPUTE_STAGE_IMPASSE);
  g_clear_object (&read);
  stages = ipt_store_list_dispute_stages (store, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 2);
  g_assert_cmpuint (g_array_index (stages, IptDisputeStageChange, 0).session_number, ==, 2);
  g_assert_cmpint (g_array_index (stages, IptDisputeStageChange, 0).stage, ==,
                   IPT_DISPUTE_STAGE_RENEGOTIATION);
  g_clear_pointer (&stages, g_array_unref);
  /* A second change at the same session replaces the first; removing goes back one. */
  change.stage = IPT_DISPUTE_STAGE_DISSOLUTION;
  g_assert_true (ipt_store_record_dispute_stage (store, id, FALSE, &change, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM dispute_stage_changes"), ==, 2);
  g_assert_true (ipt_store_remove_dispute_stage (store, id, FALSE, 6, &error));
  g_assert_no_error (error);
  read = ipt_store_get_focus_fields (store, id, FALSE, &error);
  g_assert_cmpint (ipt_focus_fields_get_dispute_stage (read), ==, IPT_DISPUTE_STAGE_RENEGOTIATION);
  g_clear_object (&read);
  /* The secondary focus is grief: it has no stage. */
  g_assert_false (ipt_store_record_dispute_stage (store, id, TRUE, &change, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The course’s secondary focus is not a role dispute: it has no stage");
  g_clear_error (&error);

  /* The secondary focus: grief for Gran; a death before birth or after today is refused. */
  secondary = ipt_store_get_focus_fields (store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_focus_fields_get_focus (secondary), ==, IPT_FOCUS_GRIEF);
  g_assert_cmpint (ipt_focus_fields_get_person_id (secondary), ==, 0);
  ipt_focus_fields_set_person_id (secondary, ipt_person_get_id (gran));
  ipt_focus_fields_set_date (secondary, "1979-01-01");
  g_assert_false (ipt_store_save_focus_fields (store, secondary, FALSE, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Date of death 1979-01-01 is before the client was born (1980-04-12)");
  g_clear_error (&error);
  ipt_focus_fields_set_date (secondary, "2999-01-01");
  g_assert_false (ipt_store_save_focus_fields (store, secondary, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "Date of death 2999-01-01 is after today");
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM secondary_focus_fields"), ==, 0);
  /* Someone else's person is refused. */
  ipt_focus_fields_set_date (secondary, "2025-11-20");
  ipt_focus_fields_set_person_id (secondary, ipt_person_get_id (stranger));
  g_assert_false (ipt_store_save_focus_fields (store, secondary, FALSE, &error));
  g_assert_cmpstr (error->message, ==,
                   "The person chosen is not in this client’s interpersonal inventory");
  g_clear_error (&error);
  ipt_focus_fields_set_person_id (secondary, ipt_person_get_id (gran));
  g_assert_true (ipt_store_save_focus_fields (store, secondary, FALSE, &error));
  g_assert_no_error (error);
  read = ipt_store_get_focus_fields (store, id, TRUE, &error);
  g_assert_cmpint (ipt_focus_fields_get_person_id (read), ==, ipt_person_get_id (gran));
  g_assert_cmpstr (ipt_focus_fields_get_date (read), ==, "2025-11-20");
  g_clear_object (&read);

  /* Fields of another focus than the course has now are refused. */
  {
    g_autoptr(IptFocusFields) wrong = ipt_focus_fields_new (id, FALSE, IPT_FOCUS_GRIEF);

    g_autoptr(IptFocusFields) deficits = ipt_focus_fields_new (id, FALSE,
                                                               IPT_FOCUS_INTERPERSONAL_SENSITIVITY);

    g_assert_false (ipt_store_save_focus_fields (store, wrong, FALSE, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
    /* One whole sentence, no "primary" spliced in. */
    g_assert_cmpstr (error->message, ==,
                     "The course’s focus is now “Role dispute”, not “Grief”: choose the focus first");
    g_clear_error (&error);
    /* The focus named as the practitioner chose to name it. */
    g_assert_false (ipt_store_save_focus_fields (store, deficits, TRUE, &error));
    g_assert_cmpstr (error->message, ==, "The course’s focus is now “Role dispute”, not "
                                         "“Interpersonal deficits”: choose the focus first");
    g_clear_error (&error);
  }

  /* A focus person deleted from the inventory: the focus keeps its place and asks again. */
  g_assert_true (ipt_store_delete_person (store, ipt_person_get_id (gran), &error));
  read = ipt_store_get_focus_fields (store, id, TRUE, &error);
  g_assert_cmpint (ipt_focus_fields_get_focus (read), ==, IPT_FOCUS_GRIEF);
  g_assert_cmpint (ipt_focus_fields_get_person_id (read), ==, 0);
  g_assert_cmpstr (ipt_focus_fields_get_date (read), ==, "2025-11-20");
  g_assert_cmpstr (ipt_focus_fields_get_missing (read), ==,
                   "Choose the person who died from the inventory");
  g_clear_object (&read);

  /* Formulation and the date agreed. */
  g_assert_true (ipt_store_save_formulation (store, id, text, "2026-01-26", &error));
  g_assert_no_error (error);
  {
    g_autoptr(IptEpisode) copy = ipt_store_get_episode (store, id, &error);

    g_assert_cmpstr (ipt_episode_get_formulation (copy), ==, text);
    g_assert_cmpstr (ipt_episode_get_agreed_on (copy), ==, "2026-01-26");
  }
  g_assert_false (ipt_store_save_formulation (store, id, "x", "2025-12-31", &error));
  g_assert_cmpstr (error->message, ==, "Date agreed 2025-12-31 is before the course started (2026-01-05)");
  g_clear_error (&error);
  g_assert_false (ipt_store_save_formulation (store, id, "x", "2999-12-31", &error));
  g_clear_error (&error);
  g_assert_false (ipt_store_save_formulation (store, id, "\xff", NULL, &error));
  g_clear_error (&error);

  /* The database's own rules. */
  assert_sql_refused (store, "INSERT INTO dispute_stage_changes VALUES (1, 1, 3, 'stalemate')");
  assert_sql_refused (store, "INSERT INTO dispute_stage_changes VALUES (1, 3, 3, 'impasse')");
  assert_sql_refused (store, "INSERT INTO dispute_stage_changes VALUES (1, 1, 100, 'impasse')");
  assert_sql_refused (store, "INSERT INTO dispute_stage_changes VALUES (1, 2, 3, 'impasse')");
  assert_sql_refused (store, "UPDATE secondary_focus_fields SET focus_date = '2026-02-30'");
  assert_sql_refused (store, "UPDATE secondary_focus_fields SET dispute_stage = 'open'");
  assert_sql_refused (store, "UPDATE secondary_focus_fields SET person_id = 1 + (SELECT max (id) FROM people)");
}

static void
test_store_session_work (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptClient) other = add_client (store, "C-0002");
  g_autoptr(IptEpisode) episode = add_episode (store, client, "2026-01-05", 16);
  g_autoptr(IptPerson) jamie = add_person (store, client, "Jamie", "partner", 1);
  g_autoptr(IptPerson) sam = add_person (store, client, "Sam", "son", 2);
  g_autoptr(IptPerson) stranger = add_person (store, other, "Kim", "friend", 2);
  g_autoptr(IptSession) alone = add_dated_session (store, episode, 1, "2026-01-05",
                                                   IPT_ATTENDEES_CLIENT_ALONE);
  g_autoptr(IptSession) joint = add_dated_session (store, episode, 2, "2026-01-12",
                                                   IPT_ATTENDEES_WITH_PARTNER);
  g_autoptr(IptSessionWork) work = ipt_session_work_new (ipt_session_get_id (joint));
  g_autoptr(IptSessionWork) read = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = long_text ();
  g_autofree char *label = NULL;
  gint64 ids[2] = { ipt_person_get_id (jamie), ipt_person_get_id (sam) };
  gint64 foreign_id = ipt_person_get_id (stranger);
  const gint64 *read_ids;
  guint n = 0;

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    {
      g_autofree char *value = g_strdup_printf ("section %u — 段落", i);

      ipt_session_work_set_text (work, i, value);
    }
  ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_MEANT, text);
  ipt_session_work_set_attendee_ids (work, ids, 2);
  ipt_session_work_set_other_attendee (work, "an interpreter");
  g_assert_true (ipt_store_save_session_work (store, work, &error));
  g_assert_no_error (error);

  read = ipt_store_get_session_work (store, ipt_session_get_id (joint), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    g_assert_cmpstr (ipt_session_work_get_text (read, i), ==, ipt_session_work_get_text (work, i));
  read_ids = ipt_session_work_get_attendee_ids (read, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (read_ids[0], ==, ids[0]);
  g_assert_cmpint (read_ids[1], ==, ids[1]);
  g_assert_cmpstr (ipt_session_work_get_other_attendee (read), ==, "an interpreter");
  g_clear_object (&read);

  attendees = ipt_store_list_course_attendees (store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 3);
  label = ipt_attendee_to_label (g_ptr_array_index (attendees, 0));
  g_assert_cmpstr (label, ==, "Jamie, partner");
  g_clear_pointer (&attendees, g_ptr_array_unref);

  /* Nobody attends a session with the client alone; nobody from another client's inventory. */
  {
    g_autoptr(IptSessionWork) bad = ipt_session_work_new (ipt_session_get_id (alone));

    ipt_session_work_set_attendee_ids (bad, ids, 1);
    g_assert_false (ipt_store_save_session_work (store, bad, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
    g_clear_error (&error);
    /* The techniques alone are fine there. */
    ipt_session_work_set_attendee_ids (bad, NULL, 0);
    ipt_session_work_set_text (bad, IPT_TECHNIQUE_FIELD_OPTIONS, "Move or stay");
    g_assert_true (ipt_store_save_session_work (store, bad, &error));
    g_assert_no_error (error);
  }
  ipt_session_work_set_attendee_ids (work, &foreign_id, 1);
  g_assert_false (ipt_store_save_session_work (store, work, &error));
  g_assert_cmpstr (error->message, ==,
                   "A person who attended is not in this client’s interpersonal inventory");
  g_clear_error (&error);
  /* Nothing half-saved: the failed save left the earlier one whole. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_attendees"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_techniques"), ==, 2);

  /* A person leaving the inventory stays among those who attended, in words. */
  g_assert_true (ipt_store_delete_person (store, ipt_person_get_id (sam), &error));
  read = ipt_store_get_session_work (store, ipt_session_get_id (joint), &error);
  read_ids = ipt_session_work_get_attendee_ids (read, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (ipt_session_work_get_other_attendee (read), ==, "Sam, son; an interpreter");
  g_clear_object (&read);

  /* Back to "client alone": nobody else attended. */
  ipt_session_set_attendees (joint, IPT_ATTENDEES_CLIENT_ALONE);
  g_assert_true (ipt_store_save_session (store, joint, NULL, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_attendees"), ==, 0);

  /* Empty work removes the row; a deleted session takes its work with it. */
  read = ipt_session_work_new (ipt_session_get_id (alone));
  g_assert_true (ipt_store_save_session_work (store, read, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_techniques"), ==, 1);
  g_assert_true (ipt_store_delete_session (store, ipt_session_get_id (joint), &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_techniques"), ==, 0);

  assert_sql_refused (store, "INSERT INTO session_attendees (session_id, person_id, description) "
                             "VALUES (1, NULL, '')");
  assert_sql_refused (store, "INSERT INTO session_attendees (session_id, description) "
                             "VALUES (1, 'someone')");
  assert_sql_refused (store, "INSERT INTO session_techniques (session_id) VALUES (999)");
}

/* Every row of a table, as text, in a fixed order: what Undo must give back field by field. */
static char *
dump_table (IptStore   *store,
            const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_ipt_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s%s=%s", c > 0 ? "|" : "", sqlite3_column_name (stmt, c),
                                sqlite3_column_type (stmt, c) == SQLITE_NULL
                                ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static const char *const course_tables[] = {
  "SELECT * FROM episodes ORDER BY id",
  "SELECT * FROM sessions ORDER BY id",
  "SELECT * FROM scores ORDER BY id",
  "SELECT * FROM session_techniques ORDER BY session_id",
  "SELECT * FROM session_attendees ORDER BY id",
  "SELECT * FROM goals ORDER BY id",
  "SELECT * FROM goal_ratings ORDER BY goal_id, session_number",
  "SELECT * FROM dispute_stage_changes ORDER BY episode_id, focus_rank, session_number",
  "SELECT * FROM risk_review_cover ORDER BY episode_id",
};

static char *
dump_course (IptStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (course_tables); i++)
    {
      g_autofree char *rows = dump_table (store, course_tables[i]);

      g_string_append_printf (out, "%s\n%s", course_tables[i], rows);
    }
  return g_string_free (out, FALSE);
}

static void
test_store_session_undo (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
  g_autoptr(IptPerson) jamie = add_person (store, client, "Jamie", "partner", 1);
  g_autoptr(IptSession) first = NULL;
  g_autoptr(IptSession) joint = NULL;
  g_autoptr(IptSessionWork) work = NULL;
  g_autoptr(IptSessionWork) read = NULL;
  g_autoptr(IptFocusFields) fields = NULL;
  g_autoptr(IptGoal) goal = NULL;
  g_autoptr(IptSessionSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  static const int items[] = { 2, 2, 3, 2, 2, 2, 2, 2, 1 };
  gint64 jamie_id = ipt_person_get_id (jamie);
  IptDisputeStageChange change = { 2, IPT_DISPUTE_STAGE_IMPASSE };
  IptSessionGoalRating rating;

  ipt_episode_set_focus (episode, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  g_assert_no_error (error);
  first = add_dated_session (store, episode, 1, "2026-01-05", IPT_ATTENDEES_CLIENT_ALONE);
  joint = ipt_session_new (ipt_episode_get_id (episode), 2, "2026-01-12");
  ipt_session_set_attendees (joint, IPT_ATTENDEES_WITH_PARTNER);
  ipt_session_set_note_agenda (joint, "The row about money — 金銭");
  g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), items,
                                                     G_N_ELEMENTS (items)));
  g_ptr_array_add (scores, ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 11));
  g_assert_true (ipt_store_save_session (store, joint, scores, &error));
  g_assert_no_error (error);

  /* What the joint session holds: techniques, who came, a goal rating, a stage change. */
  work = ipt_session_work_new (ipt_session_get_id (joint));
  ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_INTERACTION, "Jamie came home late");
  ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_OPTIONS, "Talk on Sunday, or write");
  ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_REHEARSED, "Asking for an hour together");
  ipt_session_work_set_attendee_ids (work, &jamie_id, 1);
  ipt_session_work_set_other_attendee (work, "an interpreter");
  g_assert_true (ipt_store_save_session_work (store, work, &error));
  g_assert_no_error (error);
  fields = ipt_store_get_focus_fields (store, ipt_episode_get_id (episode), FALSE, &error);
  ipt_focus_fields_set_person_id (fields, jamie_id);
  g_assert_true (ipt_store_save_focus_fields (store, fields, FALSE, &error));
  change = (IptDisputeStageChange) { 1, IPT_DISPUTE_STAGE_RENEGOTIATION };
  g_assert_true (ipt_store_record_dispute_stage (store, ipt_episode_get_id (episode), FALSE,
                                                 &change, &error));
  change = (IptDisputeStageChange) { 2, IPT_DISPUTE_STAGE_IMPASSE };
  g_assert_true (ipt_store_record_dispute_stage (store, ipt_episode_get_id (episode), FALSE,
                                                 &change, &error));
  goal = ipt_goal_new (ipt_episode_get_id (episode), "Talk about money calmly");
  g_assert_true (ipt_store_save_goal (store, goal, &error));
  g_assert_no_error (error);
  rating = (IptSessionGoalRating) { ipt_goal_get_id (goal), 3 };
  g_assert_true (ipt_store_save_session_goal_ratings (store, ipt_episode_get_id (episode), 1,
                                                      &rating, 1, &error));
  rating.rating = 6;
  g_assert_true (ipt_store_save_session_goal_ratings (store, ipt_episode_get_id (episode), 2,
                                                      &rating, 1, &error));
  g_assert_no_error (error);
  before = dump_course (store);

  /* Deleting takes all of it; what session 1 had stays. */
  snapshot = ipt_store_take_session (store, ipt_session_get_id (joint), &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (ipt_session_snapshot_get_number (snapshot), ==, 2);
  g_assert_cmpuint (ipt_session_snapshot_count_rows (snapshot, "sessions"), ==, 1);
  g_assert_cmpuint (ipt_session_snapshot_count_rows (snapshot, "scores"), ==, 2);
  g_assert_cmpuint (ipt_session_snapshot_count_rows (snapshot, "session_techniques"), ==, 1);
  g_assert_cmpuint (ipt_session_snapshot_count_rows (snapshot, "session_attendees"), ==, 2);
  g_assert_cmpuint (ipt_session_snapshot_count_rows (snapshot, "goal_ratings"), ==, 1);
  g_assert_cmpuint (ipt_session_snapshot_count_rows (snapshot, "dispute_stage_changes"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_attendees"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM goal_ratings"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT latest_rating FROM goals"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM dispute_stage_changes"), ==, 1);
  g_clear_object (&fields);
  fields = ipt_store_get_focus_fields (store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_cmpint (ipt_focus_fields_get_dispute_stage (fields), ==, IPT_DISPUTE_STAGE_RENEGOTIATION);
  after = dump_course (store);
  g_assert_cmpstr (after, !=, before);

  /* Undo gives every field of every record back, ids included. */
  g_assert_true (ipt_store_restore_session (store, snapshot, &error));
  g_assert_no_error (error);
  restored = dump_course (store);
  g_assert_cmpstr (restored, ==, before);
  read = ipt_store_get_session_work (store, ipt_session_get_id (joint), &error);
  g_assert_cmpstr (ipt_session_work_get_text (read, IPT_TECHNIQUE_FIELD_REHEARSED), ==,
                   "Asking for an hour together");
  g_assert_cmpstr (ipt_session_work_get_other_attendee (read), ==, "an interpreter");
  stages = ipt_store_list_dispute_stages (store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_cmpuint (stages->len, ==, 2);
  g_clear_object (&fields);
  fields = ipt_store_get_focus_fields (store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_cmpint (ipt_focus_fields_get_dispute_stage (fields), ==, IPT_DISPUTE_STAGE_IMPASSE);

  /* A second Undo is refused whole: the session is back in the way. */
  g_assert_false (ipt_store_restore_session (store, snapshot, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&restored, g_free);
  restored = dump_course (store);
  g_assert_cmpstr (restored, ==, before);

  /* A new session 2 made since the deletion: Undo refused, nothing half-written. */
  g_clear_pointer (&snapshot, ipt_session_snapshot_free);
  snapshot = ipt_store_take_session (store, ipt_session_get_id (joint), &error);
  g_assert_no_error (error);
  g_clear_object (&joint);
  joint = add_dated_session (store, episode, 2, "2026-01-13", IPT_ATTENDEES_CLIENT_ALONE);
  g_clear_pointer (&after, g_free);
  after = dump_course (store);
  g_assert_false (ipt_store_restore_session (store, snapshot, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&restored, g_free);
  restored = dump_course (store);
  g_assert_cmpstr (restored, ==, after);

  /* A session that is not there cannot be taken. */
  g_assert_null (ipt_store_take_session (store, 999999, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
}

/* The course's records, the people and the life events. */
static char *
dump_person_links (IptStore *store)
{
  g_autofree char *course = dump_course (store);
  g_autofree char *people = dump_table (store, "SELECT * FROM people ORDER BY id");
  g_autofree char *events = dump_table (store, "SELECT * FROM life_events ORDER BY id");

  return g_strconcat (course, people, events, NULL);
}

/* Deleting a person takes their row and every link to them; Undo gives back the person with
 * their id and each link (the focus of a course, a life event, a session's attendee, whose
 * description the deletion wrote in), and leaves what was written since. */
static void
test_store_person_undo (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autoptr(IptEpisode) episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
  g_autoptr(IptPerson) jamie = add_person (store, client, "Jamie", "partner", 1);
  g_autoptr(IptPerson) sam = add_person (store, client, "Sam", "friend", 2);
  g_autoptr(IptSession) first = NULL;
  g_autoptr(IptSession) joint = NULL;
  g_autoptr(IptSessionWork) work = NULL;
  g_autoptr(IptFocusFields) fields = NULL;
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(IptPersonSnapshot) snapshot = NULL;
  g_auto(IptPersonReferences) refs = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  gint64 jamie_id = ipt_person_get_id (jamie);
  gint64 ids[2] = { ipt_person_get_id (jamie), ipt_person_get_id (sam) };

  ipt_episode_set_focus (episode, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  g_assert_no_error (error);
  first = add_dated_session (store, episode, 1, "2026-01-05", IPT_ATTENDEES_CLIENT_ALONE);
  joint = add_dated_session (store, episode, 2, "2026-01-12", IPT_ATTENDEES_WITH_PARTNER);
  work = ipt_session_work_new (ipt_session_get_id (joint));
  ipt_session_work_set_attendee_ids (work, ids, 2);
  g_assert_true (ipt_store_save_session_work (store, work, &error));
  g_assert_no_error (error);
  fields = ipt_store_get_focus_fields (store, ipt_episode_get_id (episode), FALSE, &error);
  ipt_focus_fields_set_person_id (fields, jamie_id);
  g_assert_true (ipt_store_save_focus_fields (store, fields, FALSE, &error));
  g_assert_no_error (error);
  event = ipt_life_event_new (ipt_client_get_id (client), "2025-11-02", "Moved in with Jamie", -2);
  ipt_life_event_set_person_id (event, jamie_id);
  g_assert_true (ipt_store_save_life_event (store, event, &error));
  g_assert_no_error (error);

  /* What the question before the deletion names. */
  g_assert_true (ipt_store_get_person_references (store, jamie_id, &refs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refs.focus_courses->len, ==, 1);
  g_assert_cmpuint (g_array_index (refs.focus_courses, guint, 0), ==, 1);
  g_assert_cmpuint (refs.n_sessions, ==, 1);
  g_assert_cmpuint (refs.n_life_events, ==, 1);

  before = dump_person_links (store);

  /* Deleting: the person goes, every link to them is set to none. */
  snapshot = ipt_store_take_person (store, jamie_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (ipt_person_snapshot_get_person_id (snapshot), ==, jamie_id);
  g_assert_cmpuint (ipt_person_snapshot_count_rows (snapshot, "people"), ==, 1);
  g_assert_cmpuint (ipt_person_snapshot_count_rows (snapshot, "episodes"), ==, 1);
  g_assert_cmpuint (ipt_person_snapshot_count_rows (snapshot, "session_attendees"), ==, 1);
  g_assert_cmpuint (ipt_person_snapshot_count_rows (snapshot, "life_events"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM episodes WHERE focus_person_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM life_events WHERE person_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_attendees "
                                     "WHERE person_id IS NULL AND description = 'Jamie, partner'"), ==, 1);

  /* Undo: the person with their id, and each link as it was, in one transaction. */
  g_assert_true (ipt_store_restore_person (store, snapshot, &error));
  g_assert_no_error (error);
  restored = dump_person_links (store);
  g_assert_cmpstr (restored, ==, before);

  /* A second Undo is refused whole: the person is back in the way. */
  g_assert_false (ipt_store_restore_person (store, snapshot, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A person who is not there cannot be taken. */
  g_assert_null (ipt_store_take_person (store, 999999, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-casework-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/casework/model/focus-fields", test_model_focus_fields);
  g_test_add_func ("/casework/model/ending-and-maintenance", test_model_ending_and_maintenance);
  g_test_add_func ("/casework/model/session-work", test_model_session_work);
  g_test_add_func ("/casework/model/person-fields", test_model_person_fields);
  g_test_add_func ("/casework/store/inventory", test_store_inventory);
  g_test_add_func ("/casework/store/focus", test_store_focus);
  g_test_add_func ("/casework/store/session-work", test_store_session_work);
  g_test_add_func ("/casework/store/session-undo", test_store_session_undo);
  g_test_add_func ("/casework/store/person-undo", test_store_person_undo);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
