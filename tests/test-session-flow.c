/* Tests of the session flow's rules and of a phase's task progress: pure model functions. */
#include "config.h"

#include "ipt-model.h"
#include "ipt-phase-progress.h"
#include "ipt-session-flow.h"

static void
test_suggest_date (void)
{
  g_autofree char *next = ipt_session_suggest_date ("2026-02-26", "2026-01-05", "2026-03-10");
  g_autofree char *year_end = ipt_session_suggest_date ("2026-12-28", NULL, "2027-01-06");
  g_autofree char *not_yet = ipt_session_suggest_date ("2026-12-07", NULL, "2026-12-07");
  g_autofree char *ahead = ipt_session_suggest_date ("2026-12-14", NULL, "2026-12-07");
  g_autofree char *first = ipt_session_suggest_date (NULL, "2026-01-05", "2026-03-10");
  g_autofree char *none = ipt_session_suggest_date (NULL, NULL, "2026-03-10");

  g_assert_cmpstr (next, ==, "2026-03-05");
  g_assert_cmpstr (year_end, ==, "2027-01-04");
  /* never after today, even when the last session is dated ahead */
  g_assert_cmpstr (not_yet, ==, "2026-12-07");
  g_assert_cmpstr (ahead, ==, "2026-12-07");
  g_assert_cmpstr (first, ==, "2026-01-05");
  g_assert_cmpstr (none, ==, "2026-03-10");
}

static void
test_check_date (void)
{
  g_autofree char *question = NULL;

  g_assert_cmpint (ipt_session_check_date ("2026-03-05", "2026-02-26", "2026-01-05", "2026-03-10",
                                           &question), ==, IPT_SESSION_DATE_OK);
  g_assert_null (question);
  g_assert_cmpint (ipt_session_check_date ("2026-02-20", "2026-02-26", "2026-01-05", "2026-03-01",
                                           &question), ==, IPT_SESSION_DATE_BEFORE_PREVIOUS);
  g_assert_cmpstr (question, ==,
                   "20 February 2026 is before the session before it (26 February 2026). Save it anyway?");
  g_clear_pointer (&question, g_free);
  g_assert_cmpint (ipt_session_check_date ("2025-12-20", NULL, "2026-01-05", "2026-03-01",
                                           &question), ==, IPT_SESSION_DATE_BEFORE_COURSE);
  g_clear_pointer (&question, g_free);
  /* today is fine, any day after it asks */
  g_assert_cmpint (ipt_session_check_date ("2026-03-01", NULL, NULL, "2026-03-01", NULL), ==,
                   IPT_SESSION_DATE_OK);
  g_assert_cmpint (ipt_session_check_date ("2026-03-02", NULL, NULL, "2026-03-01", &question), ==,
                   IPT_SESSION_DATE_FUTURE);
  g_assert_cmpstr (question, ==, "2 March 2026 is 1 day from today. Save it anyway?");
  g_clear_pointer (&question, g_free);
  g_assert_cmpint (ipt_session_check_date ("2026-03-30", NULL, NULL, "2026-03-01", &question), ==,
                   IPT_SESSION_DATE_FUTURE);
  g_assert_cmpstr (question, ==, "30 March 2026 is 29 days from today. Save it anyway?");
  g_clear_pointer (&question, g_free);
  g_assert_cmpint (ipt_session_check_date ("2026-02-30", NULL, NULL, "2026-03-01", &question), ==,
                   IPT_SESSION_DATE_INVALID);
  g_assert_nonnull (question);
}

static void
test_age_and_quiet (void)
{
  g_autofree char *quiet = NULL;
  g_autofree char *one = NULL;

  g_assert_cmpint (ipt_age_on ("1980-04-12", "2026-04-11"), ==, 45);
  g_assert_cmpint (ipt_age_on ("1980-04-12", "2026-04-12"), ==, 46);
  g_assert_cmpint (ipt_age_on ("2000-02-29", "2026-02-28"), ==, 25);
  g_assert_cmpint (ipt_age_on (NULL, "2026-04-12"), ==, -1);
  g_assert_cmpint (ipt_age_on ("2030-01-01", "2026-04-12"), ==, -1);
  g_assert_cmpint (ipt_days_between ("2026-02-26", "2026-03-05"), ==, 7);

  g_assert_null (ipt_course_quiet_text (IPT_EPISODE_STATUS_ACTIVE, "2026-03-01", "2026-03-21"));
  quiet = ipt_course_quiet_text (IPT_EPISODE_STATUS_ACTIVE, "2026-03-01", "2026-03-29");
  g_assert_cmpstr (quiet, ==, "No session for 4 weeks");
  g_assert_null (ipt_course_quiet_text (IPT_EPISODE_STATUS_ENDED, "2026-01-01", "2026-03-29"));
  g_assert_null (ipt_course_quiet_text (IPT_EPISODE_STATUS_ACTIVE, NULL, "2026-03-29"));
}

static IptSession *
session_in (IptPhase phase,
            guint    tasks,
            gboolean attended)
{
  IptSession *session = ipt_session_new (1, 1, "2026-01-05");

  ipt_session_set_phase (session, phase);
  ipt_session_set_tasks_done (session, tasks);
  if (!attended)
    ipt_session_set_attendance (session, IPT_ATTENDANCE_DID_NOT_ATTEND);
  return session;
}

static void
test_phase_progress (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  IptCourseRecords records = { TRUE, TRUE, FALSE, TRUE };
  IptPhaseProgress progress;
  g_autofree char *text = NULL;

  g_ptr_array_add (sessions, session_in (IPT_PHASE_ASSESSMENT, 1 << 0, TRUE));
  g_ptr_array_add (sessions, session_in (IPT_PHASE_ASSESSMENT, 1 << 1, TRUE));
  g_ptr_array_add (sessions, session_in (IPT_PHASE_ASSESSMENT, 1 << 6, FALSE)); /* missed: no */
  g_ptr_array_add (sessions, session_in (IPT_PHASE_MIDDLE, 0x7, TRUE));

  ipt_phase_progress_compute (IPT_PHASE_ASSESSMENT, sessions, &records, &progress);
  g_assert_cmpuint (progress.n_tasks, ==, 7);
  /* ticked: symptoms, sick role; shown by the records: inventory, focus */
  g_assert_cmpuint (progress.n_done, ==, 4);
  g_assert_true (ipt_phase_progress_task_done (&progress, 2));
  g_assert_false (ipt_phase_progress_task_done (&progress, 5));
  g_assert_false (ipt_phase_progress_task_done (&progress, 6));
  text = ipt_phase_progress_describe (&progress);
  g_assert_cmpstr (text, ==, "4 of 7 tasks of the Assessment phase done; still to do: "
                             "Link the onset to interpersonal events; Agree the formulation with "
                             "the client; Agree the treatment contract");
  g_clear_pointer (&text, g_free);

  ipt_phase_progress_compute (IPT_PHASE_MIDDLE, sessions, &records, &progress);
  g_assert_cmpuint (progress.n_done, ==, progress.n_tasks);
  text = ipt_phase_progress_describe (&progress);
  g_assert_cmpstr (text, ==, "3 of 3 tasks of the Middle phase done");
  g_clear_pointer (&text, g_free);

  /* the relapse-prevention plan shows in the end phase, with no session there yet */
  ipt_phase_progress_compute (IPT_PHASE_END, sessions, &records, &progress);
  g_assert_cmpuint (progress.n_done, ==, 1);
  g_assert_true (ipt_phase_progress_task_done (&progress, 4));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/session-flow/suggest-date", test_suggest_date);
  g_test_add_func ("/model/session-flow/check-date", test_check_date);
  g_test_add_func ("/model/session-flow/age-and-quiet", test_age_and_quiet);
  g_test_add_func ("/model/phase-progress", test_phase_progress);

  return g_test_run ();
}
