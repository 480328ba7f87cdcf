/* Tests of where a course's appointments stand: attended sessions drive the course, missed
 * appointments use up no session, maintenance follows the contract (clinical.md section 1). */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-model.h"

#define A IPT_PHASE_ASSESSMENT
#define M IPT_PHASE_MIDDLE
#define E IPT_PHASE_END
#define X IPT_PHASE_MAINTENANCE

/* A course from a pattern, one character per appointment from number 1: 'a' attended, 'm' missed,
 * 'A' attended after the end date, 'M' missed after it. */
static IptCourseMap *
course_from (guint       planned,
             gboolean    ended,
             const char *pattern)
{
  guint n = (guint) strlen (pattern);
  g_autofree IptAppointment *a = g_new0 (IptAppointment, MAX (n, 1));
  guint a_end, m_end;

  for (guint i = 0; i < n; i++)
    {
      a[i].number = i + 1;
      a[i].attended = pattern[i] == 'a' || pattern[i] == 'A';
      a[i].after_end = pattern[i] == 'A' || pattern[i] == 'M';
    }
  ipt_phase_default_boundaries (planned, &a_end, &m_end);
  return ipt_course_map_new (planned, a_end, m_end, ended, a, n);
}

/* The phases of appointments 1.. as a string of A, M, E, X. */
static char *
phases_of (const IptCourseMap *map)
{
  static const char letters[] = { 'A', 'M', 'E', 'X' };
  GString *s = g_string_new (NULL);
  const IptAppointmentPlace *places = ipt_course_map_get_places (map);

  for (guint i = 0; i < ipt_course_map_get_n_appointments (map); i++)
    g_string_append_c (s, letters[places[i].phase]);
  return g_string_free (s, FALSE);
}

static void
check (guint       planned,
       gboolean    ended,
       const char *pattern,
       const char *phases,
       guint       attended,
       guint       maintenance,
       IptPhase    phase_now)
{
  g_autoptr (IptCourseMap) map = course_from (planned, ended, pattern);
  g_autofree char *got = phases_of (map);

  g_test_message ("%u planned, %s: %s", planned, pattern, got);
  g_assert_cmpstr (got, ==, phases);
  g_assert_cmpuint (ipt_course_map_get_attended (map), ==, attended);
  g_assert_cmpuint (ipt_course_map_get_maintenance (map), ==, maintenance);
  g_assert_cmpint (ipt_course_map_get_phase (map), ==, phase_now);
}

static void
test_all_attended (void)
{
  check (16, FALSE, "aaaaaaaaaaaaaaaa", "AAAAMMMMMMMMEEEE", 16, 0, E);
  check (16, FALSE, "aaaa", "AAAA", 4, 0, A);
  check (16, FALSE, "aaaaa", "AAAAM", 5, 0, M);
  check (16, FALSE, "", "", 0, 0, A);
}

/* clinical.md's example: 14 appointments, 3 missed, is session 11 of 16 in the middle phase. */
static void
test_missed_in_every_phase (void)
{
  /* Missed: 2 (assessment), 8 (middle), 17 (end): every phase is as long as planned. */
  check (16, FALSE, "amaaaaamaaaaaaaamaa", "AAAAAMMMMMMMMMEEEEE", 16, 0, E);
}

static void
test_clinical_example (void)
{
  g_autoptr (IptCourseMap) map = course_from (16, FALSE, "aaamaaamaaaama");
  IptAppointmentPlace place;

  g_assert_cmpuint (ipt_course_map_get_attended (map), ==, 11);
  g_assert_cmpint (ipt_course_map_get_phase (map), ==, M);
  g_assert_cmpuint (ipt_course_map_get_latest_number (map), ==, 14);
  g_assert_true (ipt_course_map_reached_midpoint (map));
  g_assert_true (ipt_course_map_lookup (map, 14, &place));
  g_assert_cmpuint (place.attended, ==, 11);
  g_assert_true (ipt_course_map_lookup (map, 13, &place));
  g_assert_cmpuint (place.attended, ==, 0);
  g_assert_cmpint (place.phase, ==, M);
  g_assert_true (ipt_course_map_lookup (map, 4, &place));
  g_assert_cmpuint (place.attended, ==, 0);
  g_assert_false (ipt_course_map_in_contract (map, 4));
  g_assert_true (ipt_course_map_in_contract (map, 5));
  /* The next appointment would be session 12, still middle; the one after that, 13, the end. */
  g_assert_cmpint (ipt_course_map_phase_of (map, 15), ==, M);
  g_assert_false (ipt_course_map_lookup (map, 15, &place));
}

/* A missed appointment as the last of a phase belongs to the phase the course is in: the
 * assessment still needs its 4th session, so the gap is assessment; the band of the chart ends
 * at the attended session that closes the phase. */
static void
test_missed_last_of_phase (void)
{
  g_autoptr (IptCourseMap) map = NULL;
  guint first = 0, last = 0;

  check (16, FALSE, "aaamaa", "AAAAAM", 5, 0, M);
  /* After the 4th attended session the course is in the middle phase: a miss there is middle. */
  check (16, FALSE, "aaaama", "AAAAMM", 5, 0, M);

  map = course_from (16, FALSE, "aaaama");
  g_assert_true (ipt_course_map_phase_span (map, A, FALSE, &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 4);
  g_assert_true (ipt_course_map_phase_span (map, M, FALSE, &first, &last));
  g_assert_cmpuint (first, ==, 6);
  g_assert_cmpuint (last, ==, 6);
  /* Projected: 11 sessions of the contract left after appointment 6, numbered 7 to 17. */
  g_assert_true (ipt_course_map_phase_span (map, M, TRUE, &first, &last));
  g_assert_cmpuint (first, ==, 6);
  g_assert_cmpuint (last, ==, 13);
  g_assert_true (ipt_course_map_phase_span (map, E, TRUE, &first, &last));
  g_assert_cmpuint (first, ==, 14);
  g_assert_cmpuint (last, ==, 17);
  g_assert_false (ipt_course_map_phase_span (map, E, FALSE, &first, &last));
  g_assert_false (ipt_course_map_phase_span (map, X, TRUE, &first, &last));
  g_assert_cmpuint (ipt_course_map_get_projected_last (map), ==, 17);
  /* the 11 sessions to come: 7 middle (6th to 12th), 4 end, then maintenance */
  g_assert_cmpint (ipt_course_map_phase_to_come (map, 1), ==, M);
  g_assert_cmpint (ipt_course_map_phase_to_come (map, 7), ==, M);
  g_assert_cmpint (ipt_course_map_phase_to_come (map, 8), ==, E);
  g_assert_cmpint (ipt_course_map_phase_to_come (map, 11), ==, E);
  g_assert_cmpint (ipt_course_map_phase_to_come (map, 12), ==, X);
}

static void
test_all_missed (void)
{
  g_autoptr (IptCourseMap) map = course_from (16, FALSE, "mmmm");

  check (16, FALSE, "mmmm", "AAAA", 0, 0, A);
  g_assert_cmpuint (ipt_course_map_get_latest_number (map), ==, 0);
  g_assert_false (ipt_course_map_reached_midpoint (map));
  g_assert_false (ipt_course_map_phase_span (map, A, FALSE, NULL, NULL));
  /* The contract is still all to come: 16 sessions after appointment 4. */
  g_assert_cmpuint (ipt_course_map_get_projected_last (map), ==, 20);
}

static void
test_twenty_sessions (void)
{
  /* 20 planned: 1-5 / 6-15 / 16-20. */
  check (20, FALSE, "aaaaaaaaaaaaaaaaaaaa", "AAAAAMMMMMMMMMMEEEEE", 20, 0, E);
  /* Missed 5 and 17: the 21st attended session (appointment 23) is maintenance. */
  check (20, FALSE, "aaaamaaaaaaaaaaamaaaaaa", "AAAAAAMMMMMMMMMMEEEEEEX", 20, 1, X);
}

static void
test_maintenance (void)
{
  g_autoptr (IptCourseMap) map = course_from (8, FALSE, "aaaaaaaaaa");

  /* 8 planned (2 / 6): sessions 9 and 10 are maintenance, and out of the outcome. */
  check (8, FALSE, "aaaaaaaaaa", "AAMMMMEEXX", 8, 2, X);
  g_assert_false (ipt_course_map_in_contract (map, 9));
  g_assert_true (ipt_course_map_in_contract (map, 8));
  /* A missed appointment after the contract is maintenance too. */
  check (8, FALSE, "aaaaaaaam", "AAMMMMEEX", 8, 0, E);
}

/* Ended early at its 10th attended session: what comes after the end date is maintenance. */
static void
test_maintenance_after_end (void)
{
  g_autoptr (IptCourseMap) map = course_from (16, TRUE, "aaaaaaaaaaAMA");
  const IptSeriesPoint phq9[] = { { 1, 18, 0 }, { 10, 7, 0 }, { 13, 19, 0 } };
  g_autoptr (IptOutcome) outcome = NULL;

  check (16, TRUE, "aaaaaaaaaaAMA", "AAAAMMMMMMXXX", 10, 2, X);
  /* A new appointment of an ended course is maintenance. */
  g_assert_cmpint (ipt_course_map_phase_of (map, 14), ==, X);
  g_assert_cmpuint (ipt_course_map_get_projected_last (map), ==, 13);

  outcome = ipt_course_map_compute_outcome (map, phq9, 3, NULL, 0);
  g_assert_cmpint (outcome->phq9_last, ==, 7);
  g_assert_cmpint (outcome->category, ==, IPT_OUTCOME_RELIABLE_RECOVERY);
}

/* Missed appointments and maintenance sessions stay out of the outcome. */
static void
test_outcome_contract_only (void)
{
  g_autoptr (IptCourseMap) map = course_from (8, FALSE, "amaaaaaaaa");
  /* A score on a missed appointment (2) is not a session's score; 10 is maintenance. */
  const IptSeriesPoint phq9[] = { { 1, 15, 0 }, { 2, 3, 0 }, { 9, 12, 0 }, { 10, 3, 0 } };
  g_autoptr (IptOutcome) outcome = ipt_course_map_compute_outcome (map, phq9, 4, NULL, 0);

  g_assert_cmpuint (ipt_course_map_get_attended (map), ==, 8);
  g_assert_cmpuint (outcome->n_phq9, ==, 2);
  g_assert_cmpint (outcome->phq9_first, ==, 15);
  g_assert_cmpint (outcome->phq9_last, ==, 12);
  g_assert_cmpint (outcome->category, ==, IPT_OUTCOME_NO_RELIABLE_CHANGE);
}

static void
test_copy_and_duplicates (void)
{
  const IptAppointment appointments[] = { { 3, TRUE, FALSE }, { 1, TRUE, FALSE },
                                          { 3, TRUE, FALSE }, { 2, FALSE, FALSE } };
  g_autoptr (IptCourseMap) map = ipt_course_map_new (16, 4, 12, FALSE, appointments, 4);
  g_autoptr (IptCourseMap) copy = ipt_course_map_copy (map);

  /* Sorted by number, a repeated number taken once. */
  g_assert_cmpuint (ipt_course_map_get_n_appointments (map), ==, 3);
  g_assert_cmpuint (ipt_course_map_get_appointments (map)[2].number, ==, 3);
  g_assert_cmpuint (ipt_course_map_get_attended (copy), ==, 2);
  g_assert_true (G_TYPE_IS_BOXED (IPT_TYPE_COURSE_MAP));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("ipt-test-course-map-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-map/all-attended", test_all_attended);
  g_test_add_func ("/course-map/missed-in-every-phase", test_missed_in_every_phase);
  g_test_add_func ("/course-map/clinical-example", test_clinical_example);
  g_test_add_func ("/course-map/missed-last-of-phase", test_missed_last_of_phase);
  g_test_add_func ("/course-map/all-missed", test_all_missed);
  g_test_add_func ("/course-map/twenty-sessions", test_twenty_sessions);
  g_test_add_func ("/course-map/maintenance", test_maintenance);
  g_test_add_func ("/course-map/maintenance-after-end", test_maintenance_after_end);
  g_test_add_func ("/course-map/outcome-contract-only", test_outcome_contract_only);
  g_test_add_func ("/course-map/copy-and-duplicates", test_copy_and_duplicates);

  ret = g_test_run ();
  g_rmdir (tmp);
  return ret;
}
