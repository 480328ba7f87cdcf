/* Tests of the IPT work of a case: focus fields and a dispute's stages, formulation, inventory,
 * the circle, session work and attendees, ending a course, maintenance, earlier courses. */
#include "config.h"

#include "test-store-common.h"

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

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
