/* Tests of the model objects: enums and ids, dates, courses and phases, clients, sessions and
 * scores. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-model.h"

#include "test-model-common.h"

/* ---- enums ---------------------------------------------------------------------------------- */

typedef const char *(*ToId) (int value);
typedef gboolean (*FromId) (const char *id, int *out);

static void
check_enum (GType       type,
            ToId        to_id,
            FromId      from_id,
            const char *const *ids,
            guint       n_ids)
{
  GEnumClass *klass = g_type_class_ref (type);

  g_assert_cmpuint (klass->n_values, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      GEnumValue *value = g_enum_get_value (klass, (int) i);
      int back = -1;

      g_assert_nonnull (value);
      g_assert_cmpstr (to_id ((int) i), ==, ids[i]);
      if (ids[i] == NULL)
        {
          /* No value stored for "none": the GEnum nick says it. */
          g_assert_cmpstr (value->value_nick, ==, "none");
          continue;
        }
      g_assert_cmpstr (value->value_nick, ==, ids[i]);
      g_assert_true (from_id (ids[i], &back));
      g_assert_cmpint (back, ==, (int) i);
    }
  g_type_class_unref (klass);

  /* Unknown ids are refused and leave *out alone. */
  {
    int out = 42;

    g_assert_false (from_id ("no-such-id", &out));
    g_assert_cmpint (out, ==, 42);
    g_assert_false (from_id ("Middle", &out));
    g_assert_cmpint (out, ==, 42);
  }
}

static void
test_enum_ids (void)
{
  static const char * const phases[] = { "assessment", "middle", "end", "maintenance" };
  static const char * const foci[] = {
    NULL, "grief", "role-dispute", "role-transition", "interpersonal-sensitivity"
  };
  static const char * const stages[] = { NULL, "renegotiation", "impasse", "dissolution" };
  static const char * const attendance[] = {
    "attended", "cancelled-by-client", "cancelled-by-practitioner", "did-not-attend"
  };
  static const char * const attendees[] = {
    "client-alone", "with-partner", "with-family-member", "other"
  };
  static const char * const statuses[] = { "active", "ended", "dropped-out" };
  IptFocus focus = IPT_FOCUS_GRIEF;
  IptDisputeStage stage = IPT_DISPUTE_STAGE_IMPASSE;
  IptPhase phase = IPT_PHASE_END;
  IptAttendance att = IPT_ATTENDANCE_DID_NOT_ATTEND;

  check_enum (IPT_TYPE_PHASE, (ToId) ipt_phase_to_id, (FromId) ipt_phase_from_id,
              phases, G_N_ELEMENTS (phases));
  check_enum (IPT_TYPE_FOCUS, (ToId) ipt_focus_to_id, (FromId) ipt_focus_from_id,
              foci, G_N_ELEMENTS (foci));
  check_enum (IPT_TYPE_DISPUTE_STAGE, (ToId) ipt_dispute_stage_to_id,
              (FromId) ipt_dispute_stage_from_id, stages, G_N_ELEMENTS (stages));
  check_enum (IPT_TYPE_ATTENDANCE, (ToId) ipt_attendance_to_id, (FromId) ipt_attendance_from_id,
              attendance, G_N_ELEMENTS (attendance));
  check_enum (IPT_TYPE_ATTENDEES, (ToId) ipt_attendees_to_id, (FromId) ipt_attendees_from_id,
              attendees, G_N_ELEMENTS (attendees));
  check_enum (IPT_TYPE_EPISODE_STATUS, (ToId) ipt_episode_status_to_id,
              (FromId) ipt_episode_status_from_id, statuses, G_N_ELEMENTS (statuses));

  /* The database stores NULL for no focus and no stage. */
  g_assert_null (ipt_focus_to_id (IPT_FOCUS_NONE));
  g_assert_true (ipt_focus_from_id (NULL, &focus));
  g_assert_cmpint (focus, ==, IPT_FOCUS_NONE);
  focus = IPT_FOCUS_GRIEF;
  g_assert_true (ipt_focus_from_id ("", &focus));
  g_assert_cmpint (focus, ==, IPT_FOCUS_NONE);
  g_assert_null (ipt_dispute_stage_to_id (IPT_DISPUTE_STAGE_NONE));
  g_assert_true (ipt_dispute_stage_from_id (NULL, &stage));
  g_assert_cmpint (stage, ==, IPT_DISPUTE_STAGE_NONE);

  /* Ids that must be present are not optional elsewhere. */
  g_assert_false (ipt_phase_from_id (NULL, &phase));
  g_assert_cmpint (phase, ==, IPT_PHASE_END);
  g_assert_false (ipt_attendance_from_id ("", &att));
  g_assert_false (ipt_attendance_from_id ("dna", &att));
  g_assert_cmpint (att, ==, IPT_ATTENDANCE_DID_NOT_ATTEND);
  g_assert_false (ipt_focus_from_id ("none", &focus));
}

/* The ids files and the database hold, for the enums defined beside their objects: these exact
 * strings, read back through the GEnum nicks. */
static void
test_enum_ids_records (void)
{
  static const char * const kinds[] = {
    "risk", "deterioration", "not-on-track", "on-track", "outcome", "no-scores"
  };
  static const char * const outcomes[] = {
    "insufficient-data", "reliable-recovery", "reliable-deterioration", "recovery",
    "reliable-improvement", "no-reliable-change"
  };
  static const char * const techniques[] = {
    "communication-analysis", "decision-analysis", "role-play"
  };
  static const char * const resolves[] = { "unknown", "usually", "sometimes", "rarely" };
  static const char * const reasons[] = { "completed", "dropped-out", "referred-on" };
  IptTechnique technique = IPT_TECHNIQUE_ROLE_PLAY;

  check_enum (IPT_TYPE_SIGNAL_KIND, (ToId) ipt_signal_kind_to_id,
              (FromId) ipt_signal_kind_from_id, kinds, G_N_ELEMENTS (kinds));
  check_enum (IPT_TYPE_OUTCOME_CATEGORY, (ToId) ipt_outcome_category_to_id,
              (FromId) ipt_outcome_category_from_id, outcomes, G_N_ELEMENTS (outcomes));
  check_enum (IPT_TYPE_TECHNIQUE, (ToId) ipt_technique_to_id, (FromId) ipt_technique_from_id,
              techniques, G_N_ELEMENTS (techniques));
  check_enum (IPT_TYPE_ARGUMENTS_RESOLVE, (ToId) ipt_arguments_resolve_to_id,
              (FromId) ipt_arguments_resolve_from_id, resolves, G_N_ELEMENTS (resolves));
  check_enum (IPT_TYPE_END_REASON, (ToId) ipt_end_reason_to_id, (FromId) ipt_end_reason_from_id,
              reasons, G_N_ELEMENTS (reasons));
  g_assert_false (ipt_technique_from_id (NULL, &technique));
  g_assert_cmpint (technique, ==, IPT_TECHNIQUE_ROLE_PLAY);
}

static void
test_enum_labels (void)
{
  g_assert_cmpstr (ipt_phase_to_label (IPT_PHASE_MIDDLE), ==, "Middle");
  g_assert_cmpstr (ipt_phase_to_label (IPT_PHASE_MAINTENANCE), ==, "Maintenance");
  g_assert_cmpstr (ipt_focus_to_label (IPT_FOCUS_ROLE_DISPUTE, FALSE), ==, "Role dispute");
  g_assert_cmpstr (ipt_focus_to_label (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, FALSE), ==,
                   "Interpersonal sensitivity");
  g_assert_cmpstr (ipt_focus_to_label (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, TRUE), ==,
                   "Interpersonal deficits");
  g_assert_cmpstr (ipt_focus_to_label (IPT_FOCUS_GRIEF, TRUE), ==, "Grief");
  g_assert_cmpstr (ipt_attendance_to_label (IPT_ATTENDANCE_DID_NOT_ATTEND), ==, "Did not attend");
  g_assert_cmpstr (ipt_attendees_to_label (IPT_ATTENDEES_WITH_PARTNER), ==, "With partner");
  g_assert_cmpstr (ipt_episode_status_to_label (IPT_EPISODE_STATUS_DROPPED_OUT), ==,
                   "Dropped out");
  g_assert_cmpstr (ipt_dispute_stage_to_label (IPT_DISPUTE_STAGE_IMPASSE), ==, "Impasse");

  g_assert_nonnull (strstr (ipt_focus_to_description (IPT_FOCUS_GRIEF), "mourn"));
  g_assert_nonnull (strstr (ipt_focus_to_description (IPT_FOCUS_ROLE_DISPUTE),
                            "communication or expectations"));
  g_assert_nonnull (strstr (ipt_focus_to_description (IPT_FOCUS_ROLE_TRANSITION), "mastery"));
  g_assert_nonnull (strstr (ipt_focus_to_description (IPT_FOCUS_INTERPERSONAL_SENSITIVITY),
                            "isolation"));

  for (int p = IPT_PHASE_ASSESSMENT; p <= IPT_PHASE_MAINTENANCE; p++)
    {
      const char * const *tasks = ipt_phase_get_tasks (p);
      guint n = 0;

      g_assert_nonnull (tasks);
      while (tasks[n] != NULL)
        g_assert_cmpstr (tasks[n++], !=, "");
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpuint (n, <=, 32);   /* tasks-done is a 32-bit set */
      /* The same (cached) list each time. */
      g_assert_true (ipt_phase_get_tasks (p) == tasks);
    }
  g_assert_cmpstr (ipt_phase_get_tasks (IPT_PHASE_ASSESSMENT)[0], ==,
                   "Review symptoms and make the diagnosis");
  g_assert_nonnull (strstr (ipt_phase_get_tasks (IPT_PHASE_ASSESSMENT)[1], "sick role"));
  g_assert_nonnull (strstr (ipt_phase_get_tasks (IPT_PHASE_MIDDLE)[0],
                            "How have you been since we last met?"));
  g_assert_nonnull (strstr (ipt_phase_get_tasks (IPT_PHASE_END)[4], "relapse-prevention"));
}

/* ---- dates ---------------------------------------------------------------------------------- */

static void
test_dates (void)
{
  static const char * const valid[] = {
    "2026-01-05", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "2026-04-30",
    "9999-12-31",
  };
  static const char * const invalid[] = {
    "2026-02-30", "2026-13-01", "26-1-5", "2026-01-05x", "2026-01-05 ", " 2026-01-05",
    "2026-1-05", "2026-01-5", "2023-02-29", "1900-02-29", "2026-00-10", "2026-01-00",
    "2026-04-31", "0000-01-01", "2026/01/05", "2026-01-05T10:00", "20260105", "", "abcd-ef-gh",
    "2026-0a-05", "+026-01-05", "2026--1-05",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("%s", valid[i]);
      g_assert_true (ipt_date_is_valid (valid[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (ipt_date_is_valid (invalid[i]));
    }
  g_assert_false (ipt_date_is_valid (NULL));
}

/* ---- episodes and phases -------------------------------------------------------------------- */

static void
test_default_boundaries (void)
{
  static const guint expected[][3] = {
    { 8, 2, 6 }, { 9, 2, 7 }, { 10, 3, 8 }, { 11, 3, 8 }, { 12, 3, 9 }, { 13, 3, 10 },
    { 14, 4, 11 }, { 15, 4, 11 }, { 16, 4, 12 }, { 17, 4, 13 }, { 18, 5, 14 }, { 19, 5, 14 },
    { 20, 5, 15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint planned = expected[i][0];
      guint a = 0, m = 0;
      g_autoptr (IptEpisode) episode = ipt_episode_new (1, "2026-01-05", planned);
      g_autoptr (GError) error = NULL;

      ipt_phase_default_boundaries (planned, &a, &m);
      g_test_message ("%u: %u / %u", planned, a, m);
      g_assert_cmpuint (a, ==, expected[i][1]);
      g_assert_cmpuint (m, ==, expected[i][2]);
      g_assert_cmpuint (a, ==, (planned + 2) / 4);
      g_assert_cmpuint (m, ==, (3 * planned + 2) / 4);
      g_assert_cmpuint (1, <=, a);
      g_assert_cmpuint (a, <, m);
      g_assert_cmpuint (m, <, planned);

      /* A new course takes them and is valid as it is. */
      g_assert_cmpuint (ipt_episode_get_planned_sessions (episode), ==, planned);
      g_assert_cmpuint (ipt_episode_get_assessment_end (episode), ==, a);
      g_assert_cmpuint (ipt_episode_get_middle_end (episode), ==, m);
      g_assert_cmpint (ipt_episode_get_status (episode), ==, IPT_EPISODE_STATUS_ACTIVE);
      g_assert_true (ipt_episode_validate (episode, &error));
      g_assert_no_error (error);
    }
}

static void
test_phase_for_session (void)
{
  g_autoptr (IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);

  g_assert_cmpint (ipt_phase_for_session (16, 4, 12, 0), ==, IPT_PHASE_ASSESSMENT);
  for (guint n = 1; n <= 4; n++)
    g_assert_cmpint (ipt_episode_phase_for_session (episode, n), ==, IPT_PHASE_ASSESSMENT);
  for (guint n = 5; n <= 12; n++)
    g_assert_cmpint (ipt_episode_phase_for_session (episode, n), ==, IPT_PHASE_MIDDLE);
  for (guint n = 13; n <= 16; n++)
    g_assert_cmpint (ipt_episode_phase_for_session (episode, n), ==, IPT_PHASE_END);
  g_assert_cmpint (ipt_episode_phase_for_session (episode, 17), ==, IPT_PHASE_MAINTENANCE);
  g_assert_cmpint (ipt_episode_phase_for_session (episode, 30), ==, IPT_PHASE_MAINTENANCE);

  /* N = 12: 1-3 / 4-9 / 10-12; N = 8: 1-2 / 3-6 / 7-8. */
  g_assert_cmpint (ipt_phase_for_session (12, 3, 9, 3), ==, IPT_PHASE_ASSESSMENT);
  g_assert_cmpint (ipt_phase_for_session (12, 3, 9, 4), ==, IPT_PHASE_MIDDLE);
  g_assert_cmpint (ipt_phase_for_session (12, 3, 9, 9), ==, IPT_PHASE_MIDDLE);
  g_assert_cmpint (ipt_phase_for_session (12, 3, 9, 10), ==, IPT_PHASE_END);
  g_assert_cmpint (ipt_phase_for_session (12, 3, 9, 12), ==, IPT_PHASE_END);
  g_assert_cmpint (ipt_phase_for_session (12, 3, 9, 13), ==, IPT_PHASE_MAINTENANCE);
  g_assert_cmpint (ipt_phase_for_session (8, 2, 6, 2), ==, IPT_PHASE_ASSESSMENT);
  g_assert_cmpint (ipt_phase_for_session (8, 2, 6, 3), ==, IPT_PHASE_MIDDLE);
  g_assert_cmpint (ipt_phase_for_session (8, 2, 6, 7), ==, IPT_PHASE_END);
  g_assert_cmpint (ipt_phase_for_session (8, 2, 6, 9), ==, IPT_PHASE_MAINTENANCE);

  /* Custom boundaries (Weissman and Markowitz: at most 3 assessment sessions). */
  ipt_episode_set_assessment_end (episode, 3);
  g_assert_cmpint (ipt_episode_phase_for_session (episode, 4), ==, IPT_PHASE_MIDDLE);
}

static void
expect_episode_error (IptEpisode *episode,
                      const char *part)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (ipt_episode_validate (episode, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_episode_validate (void)
{
  g_autoptr (IptEpisode) e = ipt_episode_new (1, "2026-01-05", 16);

  g_assert_true (ipt_episode_validate (e, NULL));

  ipt_episode_set_planned_sessions (e, 7);
  expect_episode_error (e, "Planned sessions must be between 8 and 20");
  ipt_episode_set_planned_sessions (e, 21);
  expect_episode_error (e, "Planned sessions must be between 8 and 20");
  ipt_episode_set_planned_sessions (e, 20);
  g_assert_true (ipt_episode_validate (e, NULL));
  ipt_episode_set_planned_sessions (e, 8);
  /* 4 / 12 no longer fit a course of 8. */
  expect_episode_error (e, "middle phase");
  ipt_episode_set_middle_end (e, 7);
  g_assert_true (ipt_episode_validate (e, NULL));
  ipt_episode_set_middle_end (e, 8);
  expect_episode_error (e, "middle phase");
  ipt_episode_set_planned_sessions (e, 16);
  ipt_episode_set_middle_end (e, 12);

  ipt_episode_set_assessment_end (e, 0);
  expect_episode_error (e, "assessment phase");
  ipt_episode_set_assessment_end (e, 12);
  expect_episode_error (e, "middle phase");
  ipt_episode_set_assessment_end (e, 1);
  g_assert_true (ipt_episode_validate (e, NULL));
  ipt_episode_set_assessment_end (e, 4);

  ipt_episode_set_start_date (e, "2026-02-30");
  expect_episode_error (e, "Start date");
  ipt_episode_set_start_date (e, NULL);
  expect_episode_error (e, "Start date");
  ipt_episode_set_start_date (e, "2026-01-05");

  ipt_episode_set_end_date (e, "2026-13-01");
  expect_episode_error (e, "End date");
  ipt_episode_set_end_date (e, "2025-12-31");
  expect_episode_error (e, "before the start date");
  ipt_episode_set_end_date (e, "2026-04-27");
  g_assert_true (ipt_episode_validate (e, NULL));

  ipt_episode_set_agreed_on (e, "26-1-5");
  expect_episode_error (e, "formulation was agreed");
  ipt_episode_set_agreed_on (e, "2026-01-26");
  ipt_episode_set_focus_date (e, "2025-02-29");
  expect_episode_error (e, "Date of death or change");
  ipt_episode_set_focus_date (e, "2025-09-30");
  g_assert_true (ipt_episode_validate (e, NULL));

  ipt_episode_set_focus (e, IPT_FOCUS_ROLE_DISPUTE);
  ipt_episode_set_secondary_focus (e, IPT_FOCUS_ROLE_DISPUTE);
  expect_episode_error (e, "Secondary focus must differ from the focus");
  ipt_episode_set_secondary_focus (e, IPT_FOCUS_GRIEF);
  g_assert_true (ipt_episode_validate (e, NULL));
  ipt_episode_set_secondary_focus (e, IPT_FOCUS_NONE);
  ipt_episode_set_focus (e, IPT_FOCUS_NONE);
  g_assert_true (ipt_episode_validate (e, NULL));
}

/* ---- clients -------------------------------------------------------------------------------- */

static void
test_client_display_name (void)
{
  g_autoptr (IptClient) c = ipt_client_new ("C-0042");
  guint count = 0;

  g_signal_connect (c, "notify::display-name", G_CALLBACK (count_notify), &count);
  g_assert_cmpstr (ipt_client_get_code (c), ==, "C-0042");
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "C-0042");

  ipt_client_set_given_name (c, "Alexandra");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "Alexandra");
  ipt_client_set_family_name (c, "Okafor");
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "Alexandra Okafor");
  ipt_client_set_preferred_name (c, "Alex");
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "Alex Okafor");

  /* Same value: no notification; a name that is not shown: none either. */
  ipt_client_set_preferred_name (c, "Alex");
  g_assert_cmpuint (count, ==, 3);
  ipt_client_set_given_name (c, "Alexandria");
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "Alex Okafor");
  ipt_client_set_code (c, "C-0043");
  g_assert_cmpuint (count, ==, 3);

  ipt_client_set_preferred_name (c, "");
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "Alexandria Okafor");
  ipt_client_set_given_name (c, NULL);
  ipt_client_set_preferred_name (c, NULL);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "Okafor");
  ipt_client_set_family_name (c, NULL);
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "C-0043");
  ipt_client_set_code (c, "C-0044");
  g_assert_cmpstr (ipt_client_get_display_name (c), ==, "C-0044");
  g_assert_cmpuint (count, ==, 7);
}

static void
expect_client_error (IptClient  *client,
                     const char *part)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (ipt_client_validate (client, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_client_validate (void)
{
  static const char * const good_codes[] = { "C-0042", "a", "ABC_123-x", "12345678901234567890123456789012" };
  static const char * const bad_codes[] = {
    "", "C 0042", "C/1", "é", "123456789012345678901234567890123", "C-0042\n", "C.1",
  };
  g_autoptr (IptClient) c = ipt_client_new ("C-0001");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today_s = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_s = g_date_time_format (tomorrow, "%Y-%m-%d");

  for (guint i = 0; i < G_N_ELEMENTS (good_codes); i++)
    g_assert_true (ipt_client_code_is_valid (good_codes[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    g_assert_false (ipt_client_code_is_valid (bad_codes[i]));
  g_assert_false (ipt_client_code_is_valid (NULL));

  g_assert_true (ipt_client_validate (c, NULL));
  ipt_client_set_code (c, "C 1");
  expect_client_error (c, "Case code");
  ipt_client_set_code (c, "C-0001");

  ipt_client_set_birth_date (c, "1985-02-29");
  expect_client_error (c, "Birth date");
  ipt_client_set_birth_date (c, "85-1-5");
  expect_client_error (c, "Birth date");
  ipt_client_set_birth_date (c, tomorrow_s);
  expect_client_error (c, "future");
  ipt_client_set_birth_date (c, today_s);
  g_assert_true (ipt_client_validate (c, NULL));
  ipt_client_set_birth_date (c, "1984-02-29");
  g_assert_true (ipt_client_validate (c, NULL));

  ipt_client_set_email (c, "alex@example.org");
  g_assert_true (ipt_client_validate (c, NULL));
  ipt_client_set_email (c, "alex.example.org");
  expect_client_error (c, "E-mail");
  ipt_client_set_email (c, "@example.org");
  expect_client_error (c, "E-mail");
  ipt_client_set_email (c, "alex@");
  expect_client_error (c, "E-mail");
  ipt_client_set_email (c, "alex@ex@ample.org");
  expect_client_error (c, "E-mail");
  ipt_client_set_email (c, "");
  g_assert_true (ipt_client_validate (c, NULL));
  ipt_client_set_email (c, NULL);
  g_assert_true (ipt_client_validate (c, NULL));
}

/* ---- sessions ------------------------------------------------------------------------------- */

static void
test_session (void)
{
  g_autoptr (IptSession) s = ipt_session_new (3, 1, "2026-01-05");
  g_autoptr (GError) error = NULL;
  guint attended_count = 0;

  g_assert_cmpint (ipt_session_get_episode_id (s), ==, 3);
  g_assert_cmpuint (ipt_session_get_number (s), ==, 1);
  g_assert_cmpstr (ipt_session_get_date (s), ==, "2026-01-05");
  g_assert_cmpint (ipt_session_get_attendance (s), ==, IPT_ATTENDANCE_ATTENDED);
  g_assert_cmpint (ipt_session_get_attendees (s), ==, IPT_ATTENDEES_CLIENT_ALONE);
  g_assert_true (ipt_session_get_attended (s));
  g_assert_true (ipt_session_validate (s, &error));
  g_assert_no_error (error);

  g_signal_connect (s, "notify::attended", G_CALLBACK (count_notify), &attended_count);
  ipt_session_set_attendance (s, IPT_ATTENDANCE_DID_NOT_ATTEND);
  g_assert_false (ipt_session_get_attended (s));
  g_assert_cmpuint (attended_count, ==, 1);
  ipt_session_set_attendance (s, IPT_ATTENDANCE_CANCELLED_BY_CLIENT);
  g_assert_cmpuint (attended_count, ==, 1);
  ipt_session_set_attendance (s, IPT_ATTENDANCE_ATTENDED);
  g_assert_cmpuint (attended_count, ==, 2);

  ipt_session_set_duration (s, 0);
  g_assert_true (ipt_session_validate (s, NULL));
  ipt_session_set_duration (s, 600);
  g_assert_true (ipt_session_validate (s, NULL));
  ipt_session_set_duration (s, 601);
  g_assert_false (ipt_session_validate (s, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Duration"));
  g_clear_error (&error);
  ipt_session_set_duration (s, 50);

  ipt_session_set_number (s, 0);
  g_assert_false (ipt_session_validate (s, &error));
  g_assert_nonnull (strstr (error->message, "Session number"));
  g_clear_error (&error);
  ipt_session_set_number (s, 17);
  g_assert_true (ipt_session_validate (s, NULL));

  ipt_session_set_date (s, "2026-02-30");
  g_assert_false (ipt_session_validate (s, &error));
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  ipt_session_set_date (s, NULL);
  g_assert_false (ipt_session_validate (s, NULL));
}

/* ---- scores --------------------------------------------------------------------------------- */

static void
test_score_items (void)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const int items[9] = { 2, 2, 3, 2, 2, 2, 2, 2, 1 };
  g_autoptr (IptScore) s = ipt_score_new_from_items (phq9, items, 9);
  g_autoptr (GError) error = NULL;
  const int *got;
  guint n = 0, total_count = 0, risk_count = 0;

  g_assert_cmpstr (ipt_score_get_measure_id (s), ==, "phq9");
  g_assert_true (ipt_score_get_measure (s) == phq9);
  g_assert_cmpstr (ipt_score_get_measure_version (s), ==, phq9->version);
  g_assert_true (ipt_score_has_items (s));
  got = ipt_score_get_items (s, &n);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpmem (got, n * sizeof (int), items, sizeof items);
  g_assert_true (got != items);
  g_assert_cmpint (ipt_score_get_total (s), ==, 18);
  g_assert_true (ipt_score_has_total (s));
  g_assert_true (ipt_score_get_risk (s));
  g_assert_cmpint (ipt_score_get_risk_item (s), ==, 1);
  g_assert_true (ipt_score_validate (s, &error));
  g_assert_no_error (error);

  g_signal_connect (s, "notify::total", G_CALLBACK (count_notify), &total_count);
  g_signal_connect (s, "notify::risk", G_CALLBACK (count_notify), &risk_count);

  /* The same answer: nothing changes. */
  ipt_score_set_item (s, 0, 2);
  g_assert_cmpuint (total_count, ==, 0);
  ipt_score_set_item (s, 0, 0);
  g_assert_cmpint (ipt_score_get_total (s), ==, 16);
  g_assert_cmpuint (total_count, ==, 1);
  g_assert_cmpuint (risk_count, ==, 0);

  ipt_score_set_item (s, 8, 0);
  g_assert_false (ipt_score_get_risk (s));
  g_assert_cmpint (ipt_score_get_total (s), ==, 15);
  g_assert_cmpuint (risk_count, ==, 1);

  /* A missing item: no total. */
  ipt_score_set_item (s, 4, IPT_ITEM_MISSING);
  g_assert_cmpint (ipt_score_get_total (s), ==, IPT_TOTAL_NONE);
  g_assert_false (ipt_score_has_total (s));
  g_assert_cmpuint (total_count, ==, 3);
  ipt_score_set_item (s, 4, 2);
  g_assert_cmpint (ipt_score_get_total (s), ==, 15);

  /* An answer out of range: no total, and validate says why. */
  ipt_score_set_item (s, 2, 7);
  g_assert_cmpint (ipt_score_get_total (s), ==, IPT_TOTAL_NONE);
  g_assert_false (ipt_score_validate (s, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "item 3"));
  g_clear_error (&error);
}

static void
test_score_totals (void)
{
  const IptMeasure *bdi2 = ipt_measure_lookup ("bdi2");
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *wsas = ipt_measure_lookup ("wsas");
  const int short_items[3] = { 1, 1, 1 };
  const int wsas_items[5] = { 2, IPT_ITEM_MISSING, 0, 0, 0 };
  g_autoptr (IptScore) bdi = ipt_score_new_from_total (bdi2, 30);
  g_autoptr (IptScore) high = ipt_score_new_from_total (bdi2, 64);
  g_autoptr (IptScore) none = ipt_score_new_from_total (phq9, IPT_TOTAL_NONE);
  g_autoptr (IptScore) wrong = ipt_score_new_from_items (phq9, short_items, 3);
  g_autoptr (IptScore) ws = ipt_score_new_from_items (wsas, wsas_items, 5);
  g_autoptr (IptScore) imported = ipt_score_new_from_total (phq9, 12);
  g_autoptr (GError) error = NULL;
  guint n = 99;

  g_assert_false (ipt_score_has_items (bdi));
  g_assert_null (ipt_score_get_items (bdi, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (ipt_score_get_total (bdi), ==, 30);
  g_assert_false (ipt_score_get_risk (bdi));
  g_assert_cmpint (ipt_score_get_risk_item (bdi), ==, IPT_ITEM_MISSING);
  g_assert_true (ipt_score_validate (bdi, NULL));
  ipt_score_set_total (bdi, 63);
  g_assert_true (ipt_score_validate (bdi, NULL));

  g_assert_false (ipt_score_validate (high, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "between 0 and 63"));
  g_clear_error (&error);

  g_assert_false (ipt_score_validate (none, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_cmpint (ipt_score_get_total (wrong), ==, IPT_TOTAL_NONE);
  g_assert_false (ipt_score_validate (wrong, &error));
  g_assert_nonnull (strstr (error->message, "9 items"));
  g_clear_error (&error);

  /* WSAS with one item missing still has a total (2 * 5 / 4 = 2.5, rounded half up). */
  g_assert_cmpint (ipt_score_get_total (ws), ==, 3);
  g_assert_true (ipt_score_validate (ws, NULL));

  /* An imported total, then answered item by item: the items decide the total. */
  g_assert_cmpint (ipt_score_get_total (imported), ==, 12);
  ipt_score_set_item (imported, 8, 2);
  g_assert_true (ipt_score_has_items (imported));
  g_assert_cmpint (ipt_score_get_total (imported), ==, IPT_TOTAL_NONE);
  g_assert_true (ipt_score_get_risk (imported));
  for (guint i = 0; i < 8; i++)
    ipt_score_set_item (imported, i, 1);
  g_assert_cmpint (ipt_score_get_total (imported), ==, 10);
  g_assert_true (ipt_score_validate (imported, NULL));
}

/* Which relationships may appear in de-identified material: plain words only. */
static void
test_relationship_is_plain (void)
{
  const char *plain[] = { "partner", "Best friend", "Mother-in-law", "ex-husband",
                          "late father", "line manager", "Friend from church", "GP" };
  const char *free_text[] = { "", "  ", "Jo's mum", "Manager at Riverside Surgery, Mr Hughes",
                              "Daughter (lives at 14 Elm Road)", "Mrs Okafor next door",
                              "Sister Ayesha", "friend 2",
                              "best friend and old school friend from the club" };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    g_assert_true (ipt_relationship_is_plain (plain[i]));
  for (guint i = 0; i < G_N_ELEMENTS (free_text); i++)
    g_assert_false (ipt_relationship_is_plain (free_text[i]));
  g_assert_false (ipt_relationship_is_plain (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("ipt-test-model-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/ids", test_enum_ids);
  g_test_add_func ("/model/enums/ids-of-records", test_enum_ids_records);
  g_test_add_func ("/model/enums/labels-and-tasks", test_enum_labels);
  g_test_add_func ("/model/dates", test_dates);
  g_test_add_func ("/model/episode/default-boundaries", test_default_boundaries);
  g_test_add_func ("/model/episode/phase-for-session", test_phase_for_session);
  g_test_add_func ("/model/episode/validate", test_episode_validate);
  g_test_add_func ("/model/client/display-name", test_client_display_name);
  g_test_add_func ("/model/client/validate", test_client_validate);
  g_test_add_func ("/model/session", test_session);
  g_test_add_func ("/model/score/items", test_score_items);
  g_test_add_func ("/model/score/totals", test_score_totals);
  g_test_add_func ("/model/relationship/plain", test_relationship_is_plain);

  ret = g_test_run ();
  g_rmdir (tmp);
  return ret;
}
