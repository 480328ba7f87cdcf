/* Tests of the progress signals of a course (clinical.md section 6). */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-model.h"

#define M IPT_ITEM_MISSING
#define N IPT_TOTAL_NONE
#define MAX_POINTS 8
#define MAX_KINDS 3

typedef struct
{
  const char    *name;
  IptSeriesPoint phq9[MAX_POINTS];   /* session 0 ends the series */
  IptSeriesPoint gad7[MAX_POINTS];
  guint          planned;
  guint          current;
  gboolean       running;
  int            kinds[MAX_KINDS + 1];   /* -1 ends the list */
  const char    *rule_part;              /* a part of the first signal's rule, or NULL */
} SignalCase;

/* A course of `planned` sessions whose appointments 1 to `attended` were all attended. */
static IptCourseMap *
course_attended (guint planned,
                 guint attended)
{
  g_autofree IptAppointment *appointments = g_new0 (IptAppointment, MAX (attended, 1));
  guint a_end, m_end;

  for (guint i = 0; i < attended; i++)
    appointments[i] = (IptAppointment) { i + 1, TRUE, FALSE };
  ipt_phase_default_boundaries (planned, &a_end, &m_end);
  return ipt_course_map_new (planned, a_end, m_end, FALSE, appointments, attended);
}

static guint
points_length (const IptSeriesPoint *points)
{
  guint n = 0;

  while (n < MAX_POINTS && points[n].session != 0)
    n++;
  return n;
}

static const SignalCase cases[] = {
  { "no scores", { { 0 } }, { { 0 } }, 16, 0, TRUE,
    { IPT_SIGNAL_NO_SCORES, -1 }, "No PHQ-9 recorded yet" },
  { "GAD-7 only, no PHQ-9", { { 0 } }, { { 1, 12, M }, { 2, 12, M } }, 16, 2, TRUE,
    { IPT_SIGNAL_NO_SCORES, -1 }, NULL },
  { "first session at caseness", { { 1, 18, 0 } }, { { 0 } }, 16, 1, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, "1 of 16 sessions attended" },

  /* Risk: a PHQ-9 item 9 above 0, whatever the total; it stays until reviewed (no review
   * here: tests/test-risk.c has them). */
  { "risk at the latest session", { { 1, 18, 0 }, { 2, 4, 1 } }, { { 0 } }, 16, 2, TRUE,
    { IPT_SIGNAL_RISK, -1 }, "session 2" },
  { "risk earlier only, not reviewed", { { 1, 18, 2 }, { 2, 16, 0 } }, { { 0 } }, 16, 2, TRUE,
    { IPT_SIGNAL_RISK, -1 }, "answered 2 at session 1" },
  { "risk item missing at the latest", { { 1, 18, 2 }, { 2, N, M } }, { { 0 } }, 16, 2, TRUE,
    { IPT_SIGNAL_RISK, -1 }, "at session 1" },
  { "risk on a form without a total", { { 1, 12, 0 }, { 2, N, 3 } }, { { 0 } }, 16, 2, TRUE,
    { IPT_SIGNAL_RISK, -1 }, "answered 3" },
  { "risk with no total at all", { { 1, N, 1 } }, { { 0 } }, 16, 1, TRUE,
    { IPT_SIGNAL_RISK, -1 }, NULL },
  { "risk and deterioration", { { 1, 10, 0 }, { 2, 17, 1 } }, { { 0 } }, 16, 2, TRUE,
    { IPT_SIGNAL_RISK, IPT_SIGNAL_DETERIORATION, -1 }, NULL },
  { "risk, deterioration, not on track", { { 1, 12, 0 }, { 9, 18, 2 } }, { { 0 } }, 16, 9, TRUE,
    { IPT_SIGNAL_RISK, IPT_SIGNAL_DETERIORATION, IPT_SIGNAL_NOT_ON_TRACK, -1 }, NULL },

  /* Deterioration: PHQ-9 6 above the first, or GAD-7 4 above. */
  { "PHQ-9 exactly +6", { { 1, 10, 0 }, { 3, 16, 0 } }, { { 0 } }, 16, 3, TRUE,
    { IPT_SIGNAL_DETERIORATION, -1 }, "rose from 10 to 16" },
  { "PHQ-9 +5", { { 1, 10, 0 }, { 3, 15, 0 } }, { { 0 } }, 16, 3, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, NULL },
  { "GAD-7 exactly +4 only", { { 1, 8, 0 }, { 3, 8, 0 } }, { { 1, 5, M }, { 3, 9, M } }, 16, 3,
    TRUE, { IPT_SIGNAL_DETERIORATION, -1 }, "GAD-7 rose from 5 to 9" },
  { "GAD-7 +3", { { 1, 8, 0 }, { 3, 8, 0 } }, { { 1, 5, M }, { 3, 8, M } }, 16, 3, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, NULL },
  { "both deteriorate", { { 1, 4, 0 }, { 3, 12, 0 } }, { { 1, 3, M }, { 3, 9, M } }, 16, 3, TRUE,
    { IPT_SIGNAL_DETERIORATION, -1 }, "PHQ-9 rose from 4 to 12" },
  { "middle scores do not count", { { 1, 10, 0 }, { 2, 20, 0 }, { 3, 12, 0 } }, { { 0 } }, 16, 3,
    TRUE, { IPT_SIGNAL_ON_TRACK, -1 }, NULL },
  { "forms without a total skipped", { { 1, N, 0 }, { 2, 12, 0 }, { 3, 19, 0 }, { 4, N, 0 } },
    { { 0 } }, 16, 4, TRUE, { IPT_SIGNAL_DETERIORATION, -1 }, "rose from 12 to 19" },
  { "deterioration and not on track", { { 1, 12, 0 }, { 9, 18, 0 } }, { { 0 } }, 16, 9, TRUE,
    { IPT_SIGNAL_DETERIORATION, IPT_SIGNAL_NOT_ON_TRACK, -1 }, NULL },

  /* Not on track: caseness, midpoint reached (session * 2 >= planned), not 6 below. */
  { "not on track at midpoint", { { 1, 19, 0 }, { 8, 16, 0 } }, { { 0 } }, 16, 8, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, "19 → 16" },
  { "past midpoint", { { 1, 19, 0 }, { 9, 16, 0 } }, { { 0 } }, 16, 9, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, "9 of 16 sessions attended" },
  { "one before midpoint", { { 1, 19, 0 }, { 7, 16, 0 } }, { { 0 } }, 16, 7, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, "7 of 16 sessions attended" },
  { "odd plan 15, session 8", { { 1, 19, 0 }, { 8, 16, 0 } }, { { 0 } }, 15, 8, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, "8 of 15 sessions attended" },
  { "odd plan 15, session 7", { { 1, 19, 0 }, { 7, 16, 0 } }, { { 0 } }, 15, 7, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, NULL },
  { "plan 8, session 4", { { 1, 12, 0 }, { 4, 12, 0 } }, { { 0 } }, 8, 4, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, NULL },
  { "exactly 6 below", { { 1, 19, 0 }, { 9, 13, 0 } }, { { 0 } }, 16, 9, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, "6 below" },
  { "5 below", { { 1, 19, 0 }, { 9, 14, 0 } }, { { 0 } }, 16, 9, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, NULL },
  { "caseness exactly 10", { { 1, 10, 0 }, { 9, 10, 0 } }, { { 0 } }, 16, 9, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, "PHQ-9 10, at or above the cut-off of 10" },
  { "not at caseness (9)", { { 1, 9, 0 }, { 10, 9, 0 } }, { { 0 } }, 16, 10, TRUE,
    { IPT_SIGNAL_ON_TRACK, -1 }, "PHQ-9 9, below the cut-off of 10" },
  { "caseness by GAD-7 exactly 8", { { 1, 9, 0 }, { 10, 9, 0 } }, { { 1, 8, M }, { 10, 8, M } },
    16, 10, TRUE, { IPT_SIGNAL_NOT_ON_TRACK, -1 }, "GAD-7 8, at or above the cut-off of 8" },
  { "GAD-7 7 not a case", { { 1, 9, 0 }, { 10, 9, 0 } }, { { 1, 7, M }, { 10, 7, M } },
    16, 10, TRUE, { IPT_SIGNAL_ON_TRACK, -1 }, NULL },
  { "in maintenance, not improved", { { 1, 15, 0 }, { 18, 12, 0 } }, { { 0 } }, 16, 18, TRUE,
    { IPT_SIGNAL_NOT_ON_TRACK, -1 }, NULL },

  /* The course has ended: the outcome. */
  { "ended, reliable recovery", { { 1, 18, 0 }, { 16, 7, 0 } }, { { 1, 12, M }, { 16, 5, M } },
    16, 16, FALSE, { IPT_SIGNAL_OUTCOME, -1 }, "Reliable recovery: " },
  { "ended with risk", { { 1, 18, 0 }, { 16, 7, 1 } }, { { 0 } }, 16, 16, FALSE,
    { IPT_SIGNAL_RISK, IPT_SIGNAL_OUTCOME, -1 }, "Risk: " },
  { "ended, deterioration is the outcome", { { 1, 5, 0 }, { 16, 12, 0 } }, { { 0 } }, 16, 16,
    FALSE, { IPT_SIGNAL_OUTCOME, -1 }, "Reliable deterioration: " },
  { "dropped out after one score", { { 1, 18, 0 } }, { { 0 } }, 16, 3, FALSE,
    { IPT_SIGNAL_OUTCOME, -1 }, "Insufficient data: " },
  { "ended without scores", { { 0 } }, { { 0 } }, 16, 0, FALSE,
    { IPT_SIGNAL_OUTCOME, -1 }, "Insufficient data: " },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SignalCase *c = &cases[i];
      g_autoptr (IptCourseMap) course = course_attended (c->planned, c->current);
      IptProgress progress = {
        .phq9 = c->phq9,
        .n_phq9 = points_length (c->phq9),
        .gad7 = c->gad7,
        .n_gad7 = points_length (c->gad7),
        .course = course,
        .course_running = c->running,
      };
      g_autoptr (GPtrArray) signals = ipt_signals_compute (&progress);
      IptSignalKind classified[IPT_SIGNALS_MAX_APPLYING];
      guint n_classified = ipt_signals_classify (&progress, classified);
      guint n_expected = 0;

      while (c->kinds[n_expected] >= 0)
        n_expected++;

      g_test_message ("%s:", c->name);
      for (guint s = 0; s < signals->len; s++)
        {
          IptSignal *signal = g_ptr_array_index (signals, s);

          g_test_message ("  %s — %s", ipt_signal_kind_to_id (signal->kind), signal->rule);
          g_assert_nonnull (signal->rule);
          g_assert_cmpstr (signal->rule, !=, "");
        }

      g_assert_cmpuint (signals->len, ==, n_expected);
      g_assert_cmpuint (n_classified, ==, n_expected);
      for (guint s = 0; s < n_expected; s++)
        {
          IptSignal *signal = g_ptr_array_index (signals, s);

          g_assert_cmpstr (ipt_signal_kind_to_id (signal->kind), ==,
                           ipt_signal_kind_to_id (c->kinds[s]));
          /* The cheap classification gives the same kinds in the same order. */
          g_assert_cmpint (classified[s], ==, c->kinds[s]);
        }
      if (c->rule_part != NULL)
        {
          IptSignal *first = g_ptr_array_index (signals, 0);

          g_assert_nonnull (strstr (first->rule, c->rule_part));
        }
    }
}

/* The ended course's signal carries the outcome's rule, computed from the series' totals. */
static void
test_outcome_rule (void)
{
  const IptSeriesPoint phq9[] = { { 1, 18, 0 }, { 2, N, M }, { 9, 12, 0 } };
  const int totals[] = { 18, 12 };
  g_autoptr (IptCourseMap) course = course_attended (16, 9);
  IptProgress progress = {
    .phq9 = phq9, .n_phq9 = G_N_ELEMENTS (phq9), .course = course, .course_running = FALSE,
  };
  g_autoptr (GPtrArray) signals = ipt_signals_compute (&progress);
  g_autoptr (IptOutcome) outcome = ipt_outcome_compute (totals, 2, NULL, 0);
  IptSignal *signal;

  g_assert_cmpuint (signals->len, ==, 1);
  signal = g_ptr_array_index (signals, 0);
  g_assert_cmpint (signal->kind, ==, IPT_SIGNAL_OUTCOME);
  g_assert_cmpint (outcome->category, ==, IPT_OUTCOME_RELIABLE_IMPROVEMENT);
  g_assert_cmpstr (signal->rule, ==, outcome->rule);
  g_assert_true (g_str_has_prefix (signal->rule, "Reliable improvement: "));
}

/* Every combination over small series against the rules written out again. */
static void
test_exhaustive (void)
{
  for (int p0 = 0; p0 <= 27; p0 += 1)
    for (int p1 = 0; p1 <= 27; p1 += 1)
      for (int g = -1; g <= 12; g += 1)
        for (guint current = 2; current <= 17; current += 5)
          for (int risk = 0; risk <= 1; risk++)
            {
              const IptSeriesPoint phq9[] = { { 1, p0, 0 }, { current, p1, risk } };
              const IptSeriesPoint gad7[] = { { 1, 8, M }, { current, g, M } };
              g_autoptr (IptCourseMap) course = course_attended (15, current);
              IptProgress progress = {
                .phq9 = phq9, .n_phq9 = 2, .gad7 = gad7, .n_gad7 = g >= 0 ? 2 : 0,
                .course = course, .course_running = TRUE,
              };
              g_autoptr (GPtrArray) signals = ipt_signals_compute (&progress);
              gboolean det = p1 - p0 >= 6 || (g >= 0 && g - 8 >= 4);
              gboolean caseness = p0 >= 10 || g >= 0;   /* first GAD-7 is 8 */
              gboolean not_on_track = caseness && current * 2 >= 15 && p1 - p0 > -6;
              int expected[4];
              IptSignalKind classified[IPT_SIGNALS_MAX_APPLYING];
              guint n = 0;

              if (risk)
                expected[n++] = IPT_SIGNAL_RISK;
              if (det)
                expected[n++] = IPT_SIGNAL_DETERIORATION;
              if (not_on_track)
                expected[n++] = IPT_SIGNAL_NOT_ON_TRACK;
              if (n == 0)
                expected[n++] = IPT_SIGNAL_ON_TRACK;

              g_assert_cmpuint (ipt_signals_classify (&progress, classified), ==, n);
              for (guint s = 0; s < n; s++)
                g_assert_cmpint (classified[s], ==, expected[s]);
              if (signals->len != n)
                g_error ("PHQ-9 %d -> %d, GAD-7 8 -> %d, session %u: %u signals, expected %u",
                         p0, p1, g, current, signals->len, n);
              for (guint s = 0; s < n; s++)
                g_assert_cmpint (((IptSignal *) g_ptr_array_index (signals, s))->kind, ==,
                                 expected[s]);
            }
}

/* The midpoint counts attended sessions: missed appointments do not bring it nearer. */
static void
test_midpoint_attended (void)
{
  /* 16 planned; appointments 1 to 11 with 4, 6 and 9 missed: 8 attended, the midpoint. */
  IptAppointment appointments[11];
  const IptSeriesPoint phq9[] = { { 1, 19, 0 }, { 11, 16, 0 } };
  IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];

  for (guint i = 0; i < 11; i++)
    appointments[i] = (IptAppointment) { i + 1, i + 1 != 4 && i + 1 != 6 && i + 1 != 9, FALSE };

  {
    g_autoptr (IptCourseMap) course = ipt_course_map_new (16, 4, 12, FALSE, appointments, 11);
    IptProgress progress = { .phq9 = phq9, .n_phq9 = 2, .course = course, .course_running = TRUE };
    g_autoptr (GPtrArray) signals = ipt_signals_compute (&progress);

    g_assert_cmpuint (ipt_course_map_get_attended (course), ==, 8);
    g_assert_cmpuint (ipt_signals_classify (&progress, kinds), ==, 1);
    g_assert_cmpint (kinds[0], ==, IPT_SIGNAL_NOT_ON_TRACK);
    g_assert_nonnull (strstr (((IptSignal *) signals->pdata[0])->rule,
                              "8 of 16 sessions attended"));
  }

  /* One more missed (appointment 11 itself): 7 attended, before the midpoint. */
  appointments[10].attended = FALSE;
  {
    g_autoptr (IptCourseMap) course = ipt_course_map_new (16, 4, 12, FALSE, appointments, 11);
    const IptSeriesPoint phq9_before[] = { { 1, 19, 0 }, { 10, 16, 0 } };
    IptProgress progress = { .phq9 = phq9_before, .n_phq9 = 2, .course = course,
                             .course_running = TRUE };

    g_assert_cmpuint (ipt_course_map_get_attended (course), ==, 7);
    g_assert_cmpuint (ipt_signals_classify (&progress, kinds), ==, 1);
    g_assert_cmpint (kinds[0], ==, IPT_SIGNAL_ON_TRACK);
  }
}

/* The risk rule on its own: an item 9 above 0 stays open until a review covers its session,
 * whatever later forms say; item 9 unknown raises nothing. */
static void
test_risk_point (void)
{
  const IptSeriesPoint raised[] = { { 1, 18, 0 }, { 2, N, 2 } };
  const IptSeriesPoint later_zero[] = { { 1, 18, 2 }, { 2, 12, 0 } };
  const IptSeriesPoint unknown[] = { { 1, 18, 0 }, { 2, 12, M } };

  g_assert_true (ipt_risk_open_point (raised, 2, 0) == &raised[1]);
  g_assert_true (ipt_risk_open_point (later_zero, 2, 0) == &later_zero[0]);
  g_assert_null (ipt_risk_open_point (later_zero, 2, 1));
  g_assert_null (ipt_risk_open_point (unknown, 2, 0));
  g_assert_null (ipt_risk_open_point (NULL, 0, 0));
}

/* A PHQ-9 recorded as a total only says nothing about item 9: "not known", never "no risk". */
static void
test_risk_item_state (void)
{
  g_autofree char *text = ipt_signal_risk_item_not_known_text ("phq9");

  g_assert_cmpint (ipt_signal_risk_item_state ("phq9", 0, FALSE), ==, IPT_RISK_ITEM_CLEAR);
  g_assert_cmpint (ipt_signal_risk_item_state ("phq9", 2, FALSE), ==, IPT_RISK_ITEM_RAISED);
  g_assert_cmpint (ipt_signal_risk_item_state ("phq9", M, FALSE), ==, IPT_RISK_ITEM_NOT_KNOWN);
  g_assert_cmpint (ipt_signal_risk_item_state ("phq9", M, TRUE), ==, IPT_RISK_ITEM_RAISED);
  g_assert_cmpint (ipt_signal_risk_item_state ("gad7", M, FALSE), ==, IPT_RISK_ITEM_NONE);
  g_assert_cmpint (ipt_signal_risk_item_state ("bdi2", M, FALSE), ==, IPT_RISK_ITEM_NONE);
  g_assert_cmpstr (text, ==, "item 9 not known");
}

static void
test_kinds (void)
{
  static const char * const ids[] = {
    "risk", "deterioration", "not-on-track", "on-track", "outcome", "no-scores",
  };
  GEnumClass *klass = g_type_class_ref (IPT_TYPE_SIGNAL_KIND);

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      GEnumValue *value = g_enum_get_value (klass, (int) k);

      g_assert_cmpstr (ipt_signal_kind_to_id (k), ==, ids[k]);
      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, ids[k]);
      g_assert_nonnull (ipt_signal_kind_to_label (k));
    }
  g_type_class_unref (klass);
  g_assert_null (ipt_signal_kind_to_id (G_N_ELEMENTS (ids)));

  g_assert_cmpstr (ipt_signal_kind_to_label (IPT_SIGNAL_NOT_ON_TRACK), ==, "Not on track");
  g_assert_true (ipt_signal_kind_needs_attention (IPT_SIGNAL_RISK));
  g_assert_true (ipt_signal_kind_needs_attention (IPT_SIGNAL_DETERIORATION));
  g_assert_true (ipt_signal_kind_needs_attention (IPT_SIGNAL_NOT_ON_TRACK));
  g_assert_false (ipt_signal_kind_needs_attention (IPT_SIGNAL_ON_TRACK));
  g_assert_false (ipt_signal_kind_needs_attention (IPT_SIGNAL_OUTCOME));
  g_assert_false (ipt_signal_kind_needs_attention (IPT_SIGNAL_NO_SCORES));
}

static void
test_copy (void)
{
  IptSignal signal = { IPT_SIGNAL_DETERIORATION, (char *) "Deterioration: PHQ-9 rose" };
  g_autoptr (IptSignal) copy = ipt_signal_copy (&signal);

  g_assert_true (G_TYPE_IS_BOXED (IPT_TYPE_SIGNAL));
  g_assert_cmpint (copy->kind, ==, IPT_SIGNAL_DETERIORATION);
  g_assert_cmpstr (copy->rule, ==, signal.rule);
  g_assert_true (copy->rule != signal.rule);
}

/* Each rule in a few words, with the case's numbers; a risk names the form that raised it, not a
 * later item 9 of 0. */
static void
test_briefly (void)
{
  static const struct
  {
    IptSeriesPoint phq9[3];
    guint          n_phq9;
    guint          attended;
    gboolean       running;
    guint          reviewed;
    IptSignalKind  kind;
    const char    *brief;
  } briefs[] = {
    { { { 1, 18, 2 }, { 3, 12, 0 } }, 2, 3, TRUE, 0, IPT_SIGNAL_RISK,
      "PHQ-9 item 9 = 2 at session 1, not yet reviewed" },
    { { { 1, 12, 0 }, { 4, 19, 0 } }, 2, 4, TRUE, 0, IPT_SIGNAL_DETERIORATION,
      "PHQ-9 +7 since session 1 (+6 or more)" },
    { { { 1, 19, 0 }, { 9, 17, 0 } }, 2, 9, TRUE, 0, IPT_SIGNAL_NOT_ON_TRACK,
      "midpoint reached, PHQ-9 19 → 17, not yet 6 lower" },
    { { { 1, 19, 0 }, { 9, 8, 0 } }, 2, 9, TRUE, 0, IPT_SIGNAL_ON_TRACK,
      "PHQ-9 19 → 8, 11 lower (6 or more)" },
    { { { 1, 19, 0 }, { 3, 14, 0 } }, 2, 3, TRUE, 0, IPT_SIGNAL_ON_TRACK,
      "PHQ-9 19 → 14, midpoint not reached" },
    { { { 1, 7, 0 }, { 3, 8, 0 } }, 2, 3, TRUE, 0, IPT_SIGNAL_ON_TRACK,
      "not at caseness at start (PHQ-9 7)" },
    { { { 1, 18, 0 }, { 8, 9, 0 }, { 16, 6, 0 } }, 3, 16, FALSE, 0, IPT_SIGNAL_OUTCOME,
      "PHQ-9 18 → 6" },
    { { { 1, 18, 0 } }, 0, 1, TRUE, 0, IPT_SIGNAL_NO_SCORES, "No PHQ-9 recorded yet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (briefs); i++)
    {
      g_autoptr (IptCourseMap) course = course_attended (16, briefs[i].attended);
      IptProgress progress = { .phq9 = briefs[i].phq9, .n_phq9 = briefs[i].n_phq9,
                               .course = course, .course_running = briefs[i].running,
                               .risk_reviewed_through = briefs[i].reviewed };
      IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];
      g_autofree char *brief = NULL;

      g_assert_cmpuint (ipt_signals_classify (&progress, kinds), >=, 1);
      g_assert_cmpint (kinds[0], ==, briefs[i].kind);
      brief = ipt_signal_describe_briefly (kinds[0], &progress);
      g_assert_cmpstr (brief, ==, briefs[i].brief);
    }

  /* PHQ-9 and GAD-7 both rose: both named */
  {
    const IptSeriesPoint phq9[] = { { 1, 10, 0 }, { 4, 17, 0 } };
    const IptSeriesPoint gad7[] = { { 1, 8, 0 }, { 4, 13, 0 } };
    g_autoptr (IptCourseMap) course = course_attended (16, 4);
    IptProgress progress = { .phq9 = phq9, .n_phq9 = 2, .gad7 = gad7, .n_gad7 = 2,
                             .course = course, .course_running = TRUE };
    g_autofree char *brief = ipt_signal_describe_briefly (IPT_SIGNAL_DETERIORATION, &progress);

    g_assert_cmpstr (brief, ==,
                     "PHQ-9 +7 since session 1 (+6 or more); GAD-7 +5 since session 1 (+4 or more)");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("ipt-test-signals-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signals/table", test_table);
  g_test_add_func ("/signals/outcome-rule", test_outcome_rule);
  g_test_add_func ("/signals/exhaustive", test_exhaustive);
  g_test_add_func ("/signals/midpoint-attended", test_midpoint_attended);
  g_test_add_func ("/signals/risk-point", test_risk_point);
  g_test_add_func ("/signals/risk-item-state", test_risk_item_state);
  g_test_add_func ("/signals/kinds", test_kinds);
  g_test_add_func ("/signals/copy", test_copy);
  g_test_add_func ("/signals/briefly", test_briefly);

  ret = g_test_run ();
  g_rmdir (tmp);
  return ret;
}
