/* Tests of the outcome of a course (clinical.md section 5), case by case and exhaustively. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-model.h"

#define N IPT_TOTAL_NONE
#define END (-100)   /* ends a series in the table */

typedef struct
{
  const char        *name;
  int                phq9[8];
  int                gad7[8];
  IptOutcomeCategory category;
  gboolean           caseness, recovery, improvement, deterioration;
} OutcomeCase;

static guint
series_length (const int *series)
{
  guint n = 0;

  while (n < 8 && series[n] != END)
    n++;
  return n;
}

static const OutcomeCase cases[] = {
  /* Finished treatment: 2 PHQ-9 scores at least. */
  { "zero sessions", { END }, { END }, IPT_OUTCOME_INSUFFICIENT_DATA },
  { "one session only", { 18, END }, { 12, END }, IPT_OUTCOME_INSUFFICIENT_DATA },
  { "one PHQ-9, two GAD-7", { 18, END }, { 12, 5, END }, IPT_OUTCOME_INSUFFICIENT_DATA },
  { "no PHQ-9, GAD-7 only", { END }, { 12, 5, 3, END }, IPT_OUTCOME_INSUFFICIENT_DATA },
  { "two forms, one without a total", { 18, N, END }, { END }, IPT_OUTCOME_INSUFFICIENT_DATA },

  /* Reliable recovery. */
  { "reliable recovery", { 18, 12, 7, END }, { 12, 9, 5, END },
    IPT_OUTCOME_RELIABLE_RECOVERY, TRUE, TRUE, TRUE, FALSE },
  { "reliable recovery, PHQ-9 without GAD-7", { 16, 9, END }, { END },
    IPT_OUTCOME_RELIABLE_RECOVERY, TRUE, TRUE, TRUE, FALSE },
  { "reliable recovery at dP exactly -6", { 15, 9, END }, { END },
    IPT_OUTCOME_RELIABLE_RECOVERY, TRUE, TRUE, TRUE, FALSE },
  { "reliable recovery by GAD-7 exactly -4", { 11, 7, END }, { 10, 6, END },
    IPT_OUTCOME_RELIABLE_RECOVERY, TRUE, TRUE, TRUE, FALSE },

  /* Recovery without a reliable improvement. */
  { "recovery, dP -5", { 14, 9, END }, { END },
    IPT_OUTCOME_RECOVERY, TRUE, TRUE, FALSE, FALSE },
  { "recovery, start exactly at caseness 10", { 10, 9, END }, { END },
    IPT_OUTCOME_RECOVERY, TRUE, TRUE, FALSE, FALSE },
  { "recovery, GAD-7 start exactly 8", { 8, 8, END }, { 8, 7, END },
    IPT_OUTCOME_RECOVERY, TRUE, TRUE, FALSE, FALSE },
  { "recovery, dG -3", { 9, 9, END }, { 10, 7, END },
    IPT_OUTCOME_RECOVERY, TRUE, TRUE, FALSE, FALSE },
  { "recovery with mixed reliable changes", { 15, 9, END }, { 3, 7, END },
    IPT_OUTCOME_RECOVERY, TRUE, TRUE, FALSE, FALSE },
  /* A reliable deterioration is never hidden behind a recovery (second edition). */
  { "recovery together with a reliable deterioration", { 3, 9, END }, { 10, 7, END },
    IPT_OUTCOME_RELIABLE_DETERIORATION, TRUE, TRUE, FALSE, TRUE },
  { "clinical.md: PHQ-9 2 to 8, GAD-7 8 to 7", { 2, 8, END }, { 8, 7, END },
    IPT_OUTCOME_RELIABLE_DETERIORATION, TRUE, TRUE, FALSE, TRUE },

  /* Reliable improvement without recovery. */
  { "improvement, dP exactly -6, ends at 12", { 18, 12, END }, { END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, TRUE, FALSE, TRUE, FALSE },
  { "improvement, ends exactly at caseness 10", { 16, 10, END }, { END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, TRUE, FALSE, TRUE, FALSE },
  { "improvement, GAD-7 ends exactly at caseness 8", { 16, 7, END }, { 12, 8, END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, TRUE, FALSE, TRUE, FALSE },
  { "improvement, not at caseness at start", { 9, 3, END }, { 7, 2, END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, FALSE, FALSE, TRUE, FALSE },
  { "improvement by GAD-7 exactly -4 only", { 8, 8, END }, { 7, 3, END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, FALSE, FALSE, TRUE, FALSE },
  { "improvement on PHQ-9, GAD-7 +3", { 18, 12, END }, { 5, 8, END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, TRUE, FALSE, TRUE, FALSE },
  { "middle scores do not count", { 18, 25, 3, 12, END }, { END },
    IPT_OUTCOME_RELIABLE_IMPROVEMENT, TRUE, FALSE, TRUE, FALSE },

  /* Reliable deterioration. */
  { "deterioration, dP exactly +6", { 5, 11, END }, { END },
    IPT_OUTCOME_RELIABLE_DETERIORATION, FALSE, FALSE, FALSE, TRUE },
  { "deterioration, dG exactly +4", { 5, 5, END }, { 3, 7, END },
    IPT_OUTCOME_RELIABLE_DETERIORATION, FALSE, FALSE, FALSE, TRUE },
  { "deterioration at caseness", { 12, 20, END }, { 9, 9, END },
    IPT_OUTCOME_RELIABLE_DETERIORATION, TRUE, FALSE, FALSE, TRUE },
  { "deterioration on PHQ-9, GAD-7 -3", { 12, 18, END }, { 12, 9, END },
    IPT_OUTCOME_RELIABLE_DETERIORATION, TRUE, FALSE, FALSE, TRUE },

  /* No reliable change. */
  { "no change, dP -5", { 18, 13, END }, { END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, TRUE, FALSE, FALSE, FALSE },
  { "no change, dP +5", { 5, 10, END }, { END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, FALSE, FALSE, FALSE, FALSE },
  { "no change, dG -3 and +3", { 12, 12, END }, { 11, 8, END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, TRUE, FALSE, FALSE, FALSE },
  { "no change, dG +3", { 5, 5, END }, { 3, 6, END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, FALSE, FALSE, FALSE, FALSE },
  { "improvement on one, deterioration on the other", { 20, 13, END }, { 5, 9, END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, TRUE, FALSE, FALSE, FALSE },
  { "deterioration on one, improvement on the other", { 4, 10, END }, { 12, 8, END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, TRUE, FALSE, FALSE, FALSE },
  /* Paired scores only: a GAD-7 taken once is as if not taken (PHQ-9 alone). */
  { "unpaired GAD-7 at the first session only", { 14, 9, END }, { 9, END },
    IPT_OUTCOME_RECOVERY, TRUE, TRUE, FALSE, FALSE },
  { "unpaired GAD-7 only at the last session", { 9, 9, END }, { 12, END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, FALSE, FALSE, FALSE, FALSE },
  { "unpaired GAD-7 a case at the last, PHQ-9 recovered", { 16, 4, END }, { 15, END },
    IPT_OUTCOME_RELIABLE_RECOVERY, TRUE, TRUE, TRUE, FALSE },
  { "start below caseness, no change", { 9, 9, END }, { 7, 7, END },
    IPT_OUTCOME_NO_RELIABLE_CHANGE, FALSE, FALSE, FALSE, FALSE },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const OutcomeCase *c = &cases[i];
      guint np = series_length (c->phq9);
      guint ng = series_length (c->gad7);
      g_autoptr (IptOutcome) o = ipt_outcome_compute (c->phq9, np, c->gad7, ng);
      IptOutcomeCategory expected = c->category;

      g_test_message ("%s: %s", c->name, o->rule);
      g_assert_nonnull (o->rule);
      g_assert_cmpstr (ipt_outcome_category_to_id (o->category), ==,
                       ipt_outcome_category_to_id (expected));
      g_assert_true (g_str_has_prefix (o->rule, ipt_outcome_category_to_label (o->category)));

      if (expected == IPT_OUTCOME_INSUFFICIENT_DATA)
        {
          g_assert_false (o->finished_treatment);
          g_assert_cmpuint (o->n_phq9, <, 2);
          continue;
        }

      g_assert_true (o->finished_treatment);
      g_assert_cmpint (o->caseness, ==, c->caseness);
      g_assert_cmpint (o->recovery, ==, c->recovery);
      g_assert_cmpint (o->reliable_improvement, ==, c->improvement);
      g_assert_cmpint (o->reliable_deterioration, ==, c->deterioration);
      g_assert_cmpint (o->reliable_recovery, ==, c->recovery && c->improvement);
      g_assert_cmpint (o->has_gad7, ==, ng >= 2);
      if (ng < 2)
        {
          g_assert_cmpint (o->gad7_first, ==, IPT_TOTAL_NONE);
          g_assert_cmpint (o->gad7_last, ==, IPT_TOTAL_NONE);
        }
    }
}

static void
test_insufficient (void)
{
  const int one[] = { 18 };
  const int gad[] = { 12, 6 };
  g_autoptr (IptOutcome) none = ipt_outcome_compute (NULL, 0, NULL, 0);
  g_autoptr (IptOutcome) single = ipt_outcome_compute (one, 1, gad, 2);

  g_assert_cmpint (none->category, ==, IPT_OUTCOME_INSUFFICIENT_DATA);
  g_assert_cmpuint (none->n_phq9, ==, 0);
  g_assert_cmpint (none->phq9_first, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (none->phq9_last, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (none->gad7_first, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (none->gad7_last, ==, IPT_TOTAL_NONE);
  g_assert_false (none->has_gad7);
  g_assert_false (none->finished_treatment);
  g_assert_false (none->recovery);
  g_assert_nonnull (strstr (none->rule, "0 so far"));

  /* The first/last totals are filled whenever the measure is paired, and only then. */
  g_assert_cmpint (single->category, ==, IPT_OUTCOME_INSUFFICIENT_DATA);
  g_assert_cmpuint (single->n_phq9, ==, 1);
  g_assert_cmpint (single->phq9_first, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (single->phq9_last, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (single->gad7_first, ==, 12);
  g_assert_cmpint (single->gad7_last, ==, 6);
  g_assert_true (single->has_gad7);
  g_assert_nonnull (strstr (single->rule, "1 so far"));
}

static void
test_first_last (void)
{
  const int phq[] = { N, 18, 25, N, 3, 12, N };
  const int gad[] = { 14, N, 9 };
  g_autoptr (IptOutcome) o = ipt_outcome_compute (phq, G_N_ELEMENTS (phq), gad, G_N_ELEMENTS (gad));

  /* Forms without a total are skipped: the first and last scores are 18 and 12. */
  g_assert_cmpuint (o->n_phq9, ==, 4);
  g_assert_cmpint (o->phq9_first, ==, 18);
  g_assert_cmpint (o->phq9_last, ==, 12);
  g_assert_cmpint (o->gad7_first, ==, 14);
  g_assert_cmpint (o->gad7_last, ==, 9);
  g_assert_true (o->has_gad7);
  g_assert_cmpint (o->category, ==, IPT_OUTCOME_RELIABLE_IMPROVEMENT);
}

/* GAD-7 taken once is not paired: treated as not taken, PHQ-9 alone, its columns empty. */
static void
test_gad7_once (void)
{
  const int phq[] = { 14, 7 };
  const int phq_low[] = { 8, 8 };
  const int gad_low[] = { 5 };
  const int gad_case[] = { 9 };
  const int gad_skipped[] = { N, 9, N };
  g_autoptr (IptOutcome) low = ipt_outcome_compute (phq, 2, gad_low, 1);
  g_autoptr (IptOutcome) high = ipt_outcome_compute (phq, 2, gad_case, 1);
  g_autoptr (IptOutcome) only_gad = ipt_outcome_compute (phq_low, 2, gad_case, 1);
  g_autoptr (IptOutcome) skipped = ipt_outcome_compute (phq_low, 2, gad_skipped, 3);

  g_assert_false (low->has_gad7);
  g_assert_cmpuint (low->n_gad7, ==, 1);
  g_assert_cmpint (low->gad7_first, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (low->gad7_last, ==, IPT_TOTAL_NONE);
  g_assert_cmpint (low->category, ==, IPT_OUTCOME_RELIABLE_RECOVERY);

  /* A GAD-7 of 9 taken once neither keeps the case from recovery ... */
  g_assert_false (high->has_gad7);
  g_assert_true (high->recovery);
  g_assert_cmpint (high->category, ==, IPT_OUTCOME_RELIABLE_RECOVERY);
  g_assert_null (strstr (high->rule, "GAD-7"));

  /* ... nor makes one at caseness at start. */
  g_assert_false (only_gad->caseness);
  g_assert_cmpint (only_gad->category, ==, IPT_OUTCOME_NO_RELIABLE_CHANGE);

  /* Forms without a total do not pair a measure either. */
  g_assert_false (skipped->has_gad7);
  g_assert_cmpuint (skipped->n_gad7, ==, 1);
}

static void
test_rules_in_words (void)
{
  const int phq[] = { 18, 12, 7 };
  const int gad[] = { 12, 5 };
  const int phq_mixed[] = { 20, 13 };
  const int gad_mixed[] = { 5, 9 };
  const int phq_worse[] = { 5, 11 };
  g_autoptr (IptOutcome) rr = ipt_outcome_compute (phq, 3, gad, 2);
  g_autoptr (IptOutcome) mixed = ipt_outcome_compute (phq_mixed, 2, gad_mixed, 2);
  g_autoptr (IptOutcome) worse = ipt_outcome_compute (phq_worse, 2, NULL, 0);

  g_assert_cmpint (rr->category, ==, IPT_OUTCOME_RELIABLE_RECOVERY);
  g_assert_true (g_str_has_prefix (rr->rule, "Reliable recovery: "));
  g_assert_nonnull (strstr (rr->rule, "PHQ-9 18, at or above the cut-off of 10"));
  g_assert_nonnull (strstr (rr->rule, "PHQ-9 7, below the cut-off of 10"));
  g_assert_nonnull (strstr (rr->rule, "GAD-7 5, below the cut-off of 8"));
  g_assert_nonnull (strstr (rr->rule, "fell by 11"));
  g_assert_nonnull (strstr (rr->rule, "6 or more"));

  g_assert_cmpint (mixed->category, ==, IPT_OUTCOME_NO_RELIABLE_CHANGE);
  g_assert_nonnull (strstr (mixed->rule, "PHQ-9 fell by 7"));
  g_assert_nonnull (strstr (mixed->rule, "GAD-7 rose by 4"));
  g_assert_nonnull (strstr (mixed->rule, "opposite"));

  g_assert_cmpint (worse->category, ==, IPT_OUTCOME_RELIABLE_DETERIORATION);
  g_assert_nonnull (strstr (worse->rule, "rose by 6"));
  g_assert_null (strstr (worse->rule, "GAD-7"));
}

static void
test_copy_and_types (void)
{
  const int phq[] = { 18, 7 };
  g_autoptr (IptOutcome) o = ipt_outcome_compute (phq, 2, NULL, 0);
  g_autoptr (IptOutcome) copy = ipt_outcome_copy (o);
  GEnumClass *klass;

  g_assert_true (copy != o);
  g_assert_true (copy->rule != o->rule);
  g_assert_cmpstr (copy->rule, ==, o->rule);
  g_assert_cmpint (copy->category, ==, o->category);
  g_assert_cmpint (copy->phq9_last, ==, 7);

  g_assert_true (G_TYPE_IS_BOXED (IPT_TYPE_OUTCOME));
  g_assert_true (G_TYPE_IS_ENUM (IPT_TYPE_OUTCOME_CATEGORY));

  klass = g_type_class_ref (IPT_TYPE_OUTCOME_CATEGORY);
  for (int c = IPT_OUTCOME_INSUFFICIENT_DATA; c <= IPT_OUTCOME_NO_RELIABLE_CHANGE; c++)
    {
      GEnumValue *value = g_enum_get_value (klass, c);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, ipt_outcome_category_to_id (c));
      g_assert_nonnull (ipt_outcome_category_to_label (c));
    }
  g_type_class_unref (klass);

  g_assert_cmpstr (ipt_outcome_category_to_id (IPT_OUTCOME_INSUFFICIENT_DATA), ==,
                   "insufficient-data");
  g_assert_cmpstr (ipt_outcome_category_to_id (IPT_OUTCOME_RELIABLE_RECOVERY), ==,
                   "reliable-recovery");
  g_assert_cmpstr (ipt_outcome_category_to_id (IPT_OUTCOME_RECOVERY), ==, "recovery");
  g_assert_cmpstr (ipt_outcome_category_to_id (IPT_OUTCOME_RELIABLE_IMPROVEMENT), ==,
                   "reliable-improvement");
  g_assert_cmpstr (ipt_outcome_category_to_id (IPT_OUTCOME_RELIABLE_DETERIORATION), ==,
                   "reliable-deterioration");
  g_assert_cmpstr (ipt_outcome_category_to_id (IPT_OUTCOME_NO_RELIABLE_CHANGE), ==,
                   "no-reliable-change");
  g_assert_cmpstr (ipt_outcome_category_to_label (IPT_OUTCOME_RECOVERY), ==, "Recovery");

  /* The label order: the first that applies, in enum order. */
  g_assert_cmpint (IPT_OUTCOME_INSUFFICIENT_DATA, <, IPT_OUTCOME_RELIABLE_RECOVERY);
  g_assert_cmpint (IPT_OUTCOME_RELIABLE_RECOVERY, <, IPT_OUTCOME_RELIABLE_DETERIORATION);
  g_assert_cmpint (IPT_OUTCOME_RELIABLE_DETERIORATION, <, IPT_OUTCOME_RECOVERY);
  g_assert_cmpint (IPT_OUTCOME_RECOVERY, <, IPT_OUTCOME_RELIABLE_IMPROVEMENT);
  g_assert_cmpint (IPT_OUTCOME_RELIABLE_IMPROVEMENT, <, IPT_OUTCOME_NO_RELIABLE_CHANGE);
}

/* Every first/last pair of both measures against the definitions written out again, with the
 * NHS Talking Therapies numbers as literals. */
static void
test_exhaustive (void)
{
  for (int p0 = 0; p0 <= 27; p0++)
    for (int p1 = 0; p1 <= 27; p1++)
      for (int g0 = -1; g0 <= 21; g0++)
        for (int g1 = (g0 < 0 ? -1 : 0); g1 <= (g0 < 0 ? -1 : 21); g1++)
          {
            const int phq[] = { p0, p1 };
            const int gad[] = { g0, g1 };
            gboolean has_g = g0 >= 0;
            int dp = p1 - p0;
            int dg = has_g ? g1 - g0 : 0;
            gboolean caseness = p0 >= 10 || (has_g && g0 >= 8);
            gboolean recovery = caseness && p1 < 10 && (!has_g || g1 < 8);
            gboolean up = dp >= 6 || (has_g && dg >= 4);
            gboolean down = dp <= -6 || (has_g && dg <= -4);
            gboolean ri = down && !up;
            gboolean rd = up && !down;
            IptOutcomeCategory expected;
            IptOutcome *o = ipt_outcome_compute (phq, 2, gad, has_g ? 2 : 0);

            /* The label order of the second edition. */
            if (recovery && ri)
              expected = IPT_OUTCOME_RELIABLE_RECOVERY;
            else if (rd)
              expected = IPT_OUTCOME_RELIABLE_DETERIORATION;
            else if (recovery)
              expected = IPT_OUTCOME_RECOVERY;
            else if (ri)
              expected = IPT_OUTCOME_RELIABLE_IMPROVEMENT;
            else
              expected = IPT_OUTCOME_NO_RELIABLE_CHANGE;

            if (o->category != expected || o->caseness != caseness || o->recovery != recovery
                || o->reliable_improvement != ri || o->reliable_deterioration != rd
                || o->reliable_recovery != (recovery && ri) || !o->finished_treatment)
              g_error ("PHQ-9 %d -> %d, GAD-7 %d -> %d: got %s, expected %s",
                       p0, p1, g0, g1, ipt_outcome_category_to_id (o->category),
                       ipt_outcome_category_to_id (expected));
            ipt_outcome_free (o);
          }
}

/* Caseload figures count courses that no longer run only: a running course's outcome is "so
 * far". */
static void
test_caseload_figures (void)
{
  const int recovered[] = { 18, 7 };
  const int improved[] = { 20, 12 };
  const int below[] = { 8, 2 };
  const int one[] = { 18 };
  g_autoptr (IptOutcome) r = ipt_outcome_compute (recovered, 2, NULL, 0);
  g_autoptr (IptOutcome) i = ipt_outcome_compute (improved, 2, NULL, 0);
  g_autoptr (IptOutcome) b = ipt_outcome_compute (below, 2, NULL, 0);
  g_autoptr (IptOutcome) none = ipt_outcome_compute (one, 1, NULL, 0);
  const IptEpisodeStatus running[] = { IPT_EPISODE_STATUS_ACTIVE, IPT_EPISODE_STATUS_ACTIVE };
  const IptOutcome *running_outcomes[] = { r, i };
  const IptSignalKind kinds[] = {
    IPT_SIGNAL_ON_TRACK, IPT_SIGNAL_OUTCOME, IPT_SIGNAL_OUTCOME, IPT_SIGNAL_OUTCOME,
    IPT_SIGNAL_OUTCOME,
  };
  const IptEpisodeStatus statuses[] = {
    IPT_EPISODE_STATUS_ACTIVE, IPT_EPISODE_STATUS_ENDED, IPT_EPISODE_STATUS_ENDED,
    IPT_EPISODE_STATUS_ENDED, IPT_EPISODE_STATUS_ENDED,
  };
  const IptOutcome *outcomes[] = { r, r, i, b, none };
  IptCaseloadFigures f;

  ipt_caseload_figures_compute (NULL, NULL, NULL, 0, &f);
  g_assert_cmpfloat (f.recovery_rate, <, 0);
  g_assert_cmpfloat (f.reliable_improvement_rate, <, 0);

  /* running courses do not count, however they stand */
  ipt_caseload_figures_compute (running, running_outcomes, kinds, 2, &f);
  g_assert_cmpuint (f.n_active, ==, 2);
  g_assert_cmpuint (f.n_ended, ==, 0);
  g_assert_cmpfloat (f.recovery_rate, <, 0);

  /* ended: recovered, improved but still a case, below caseness from the start, no data */
  ipt_caseload_figures_compute (statuses, outcomes, kinds, G_N_ELEMENTS (outcomes), &f);
  g_assert_cmpuint (f.n_active, ==, 1);
  g_assert_cmpuint (f.n_ended, ==, 4);
  g_assert_cmpuint (f.n_finished, ==, 3);
  g_assert_cmpuint (f.n_caseness, ==, 2);
  g_assert_cmpuint (f.n_recovered, ==, 1);
  g_assert_cmpuint (f.n_reliably_improved, ==, 3);
  /* 1 recovered of (3 finished - 1 not at caseness); 3 reliably improved of 3 finished */
  g_assert_cmpfloat (f.recovery_rate, ==, 0.5);
  g_assert_cmpfloat (f.reliable_improvement_rate, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("ipt-test-outcomes-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outcomes/table", test_table);
  g_test_add_func ("/outcomes/caseload-figures", test_caseload_figures);
  g_test_add_func ("/outcomes/insufficient-data", test_insufficient);
  g_test_add_func ("/outcomes/first-last", test_first_last);
  g_test_add_func ("/outcomes/gad7-once", test_gad7_once);
  g_test_add_func ("/outcomes/rules-in-words", test_rules_in_words);
  g_test_add_func ("/outcomes/copy-and-types", test_copy_and_types);
  g_test_add_func ("/outcomes/exhaustive", test_exhaustive);

  ret = g_test_run ();
  g_rmdir (tmp);
  return ret;
}
