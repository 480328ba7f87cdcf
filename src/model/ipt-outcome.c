/* Outcome of a course by the NHS Talking Therapies definitions (clinical.md section 5). */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-outcome.h"
#include "ipt-enums-private.h"
#include "ipt-measure.h"

#include <glib/gi18n.h>

G_DEFINE_ENUM_TYPE (IptOutcomeCategory, ipt_outcome_category,
  G_DEFINE_ENUM_VALUE (IPT_OUTCOME_INSUFFICIENT_DATA, "insufficient-data"),
  G_DEFINE_ENUM_VALUE (IPT_OUTCOME_RELIABLE_RECOVERY, "reliable-recovery"),
  G_DEFINE_ENUM_VALUE (IPT_OUTCOME_RELIABLE_DETERIORATION, "reliable-deterioration"),
  G_DEFINE_ENUM_VALUE (IPT_OUTCOME_RECOVERY, "recovery"),
  G_DEFINE_ENUM_VALUE (IPT_OUTCOME_RELIABLE_IMPROVEMENT, "reliable-improvement"),
  G_DEFINE_ENUM_VALUE (IPT_OUTCOME_NO_RELIABLE_CHANGE, "no-reliable-change"))

G_DEFINE_BOXED_TYPE (IptOutcome, ipt_outcome, ipt_outcome_copy, ipt_outcome_free)

IptOutcome *
ipt_outcome_copy (const IptOutcome *outcome)
{
  IptOutcome *copy;

  g_return_val_if_fail (outcome != NULL, NULL);

  copy = g_memdup2 (outcome, sizeof *outcome);
  copy->rule = g_strdup (outcome->rule);
  return copy;
}

void
ipt_outcome_free (IptOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->rule);
  g_free (outcome);
}

const char *
ipt_outcome_category_to_id (IptOutcomeCategory category)
{
  return _ipt_enum_to_nick (IPT_TYPE_OUTCOME_CATEGORY, category);
}

gboolean
ipt_outcome_category_from_id (const char         *id,
                              IptOutcomeCategory *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!_ipt_enum_from_nick (IPT_TYPE_OUTCOME_CATEGORY, id, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
ipt_outcome_category_to_label (IptOutcomeCategory category)
{
  static const char * const labels[] = {
    N_("Insufficient data"), N_("Reliable recovery"), N_("Reliable deterioration"),
    N_("Recovery"), N_("Reliable improvement"), N_("No reliable change"),
  };

  if ((guint) category >= G_N_ELEMENTS (labels))
    return NULL;
  return _(labels[category]);
}

/* First and last of the totals that exist (a form without a total, IPT_TOTAL_NONE or any
 * negative value, is not a score and is skipped). */
static guint
first_last (const int *totals,
            guint      n_totals,
            int       *first,
            int       *last)
{
  guint count = 0;

  *first = IPT_TOTAL_NONE;
  *last = IPT_TOTAL_NONE;
  for (guint i = 0; totals != NULL && i < n_totals; i++)
    {
      if (totals[i] < 0)
        continue;
      if (count == 0)
        *first = totals[i];
      *last = totals[i];
      count++;
    }
  return count;
}

/* "PHQ-9 fell by 11 from 18 to 7" */
static char *
describe_change (const IptMeasure *measure,
                 int               first,
                 int               last)
{
  int d = last - first;

  if (d < 0)
    return g_strdup_printf (_("%s fell by %d from %d to %d"), measure->name, -d, first, last);
  if (d > 0)
    return g_strdup_printf (_("%s rose by %d from %d to %d"), measure->name, d, first, last);
  return g_strdup_printf (_("%s stayed at %d"), measure->name, first);
}

/* "PHQ-9 18, at or above the cut-off of 10" or "PHQ-9 7, below the cut-off of 10" */
static char *
describe_cutoff (const IptMeasure *measure,
                 int               total)
{
  if (total >= measure->caseness)
    return g_strdup_printf (_("%s %d, at or above the cut-off of %d"), measure->name, total,
                            measure->caseness);
  return g_strdup_printf (_("%s %d, below the cut-off of %d"), measure->name, total,
                          measure->caseness);
}

/* Frees the parts once joined. */
static char *
take_joined (char *joined,
             char *a,
             char *b)
{
  g_free (a);
  g_free (b);
  return joined;
}

/* Either part alone, or both in the format; takes the parts. A macro so that the format,
 * translated, is still checked against its arguments. */
#define join_parts(format, a, b)                                                        \
  ((a) == NULL ? (b) : (b) == NULL ? (a) : take_joined (g_strdup_printf (format, a, b), a, b))

/* The totals at the start or the end against caseness. */
static char *
describe_cutoffs (const IptOutcome *o,
                  gboolean          at_start,
                  int               which)   /* 0: all, 1: only at caseness, -1: only below */
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  int p = at_start ? o->phq9_first : o->phq9_last;
  int g = at_start ? o->gad7_first : o->gad7_last;
  char *a = NULL, *b = NULL;

  if (which == 0 || (which > 0) == (p >= phq9->caseness))
    a = describe_cutoff (phq9, p);
  if (o->has_gad7 && (which == 0 || (which > 0) == (g >= gad7->caseness)))
    b = describe_cutoff (gad7, g);
  /* TRANSLATORS: PHQ-9's then GAD-7's total against its cut-off, each a phrase of its own
   * ("PHQ-9 18, at or above the cut-off of 10") */
  return join_parts (_("%s; %s"), a, b);
}

/* The reliable changes in one direction (direction < 0: falls, > 0: rises), with the threshold:
 * "PHQ-9 fell by 11 from 18 to 7 (a reliable change is 6 or more)". */
static char *
describe_reliable (const IptOutcome *o,
                   int               direction)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  int dp = o->phq9_last - o->phq9_first;
  int dg = o->has_gad7 ? o->gad7_last - o->gad7_first : 0;
  char *a = NULL, *b = NULL;

  if (direction * dp >= phq9->rci)
    {
      g_autofree char *change = describe_change (phq9, o->phq9_first, o->phq9_last);
      a = g_strdup_printf (_("%s (a reliable change is %d or more)"), change, phq9->rci);
    }
  if (o->has_gad7 && direction * dg >= gad7->rci)
    {
      g_autofree char *change = describe_change (gad7, o->gad7_first, o->gad7_last);
      b = g_strdup_printf (_("%s (a reliable change is %d or more)"), change, gad7->rci);
    }
  /* TRANSLATORS: PHQ-9's then GAD-7's reliable change, each a phrase of its own ("PHQ-9 fell
   * by 11 from 18 to 7 (a reliable change is 6 or more)") */
  return join_parts (_("%s and %s"), a, b);
}

/* Both changes, whatever their size: "PHQ-9 fell by 4 from 18 to 14, GAD-7 stayed at 9". */
static char *
describe_changes (const IptOutcome *o)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  char *a = describe_change (phq9, o->phq9_first, o->phq9_last);
  char *b = o->has_gad7 ? describe_change (gad7, o->gad7_first, o->gad7_last) : NULL;

  /* TRANSLATORS: PHQ-9's then GAD-7's change, each a phrase of its own ("PHQ-9 fell by 4
   * from 18 to 14", "GAD-7 stayed at 9") */
  return join_parts (_("%s, %s"), a, b);
}

static char *
describe_thresholds (const IptOutcome *o)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");

  if (o->has_gad7)
    return g_strdup_printf (_("a reliable change is %d or more on %s, %d or more on %s"),
                            phq9->rci, phq9->name, gad7->rci, gad7->name);
  return g_strdup_printf (_("a reliable change is %d or more on %s"), phq9->rci, phq9->name);
}

/* A reliable fall on one measure and a reliable rise on the other. */
static gboolean
changed_both_ways (const IptOutcome *o)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  int dp = o->phq9_last - o->phq9_first;
  int dg = o->has_gad7 ? o->gad7_last - o->gad7_first : 0;
  gboolean fell = dp <= -phq9->rci || (o->has_gad7 && dg <= -gad7->rci);
  gboolean rose = dp >= phq9->rci || (o->has_gad7 && dg >= gad7->rci);

  return fell && rose;
}

static char *
describe_rule (const IptOutcome *o)
{
  const char *label = ipt_outcome_category_to_label (o->category);

  switch (o->category)
    {
    case IPT_OUTCOME_INSUFFICIENT_DATA:
      return g_strdup_printf (_("%s: a PHQ-9 score at 2 or more attended sessions of the "
                                "contract is needed (%u so far)"), label, o->n_phq9);

    case IPT_OUTCOME_RELIABLE_RECOVERY:
      {
        g_autofree char *start = describe_cutoffs (o, TRUE, 1);
        g_autofree char *end = describe_cutoffs (o, FALSE, 0);
        g_autofree char *change = describe_reliable (o, -1);

        if (o->has_gad7)
          return g_strdup_printf (_("%s: at caseness at start (%s), ended below caseness on both "
                                    "measures (%s) and %s"), label, start, end, change);
        return g_strdup_printf (_("%s: at caseness at start (%s), ended below caseness (%s) "
                                  "and %s"), label, start, end, change);
      }

    case IPT_OUTCOME_RECOVERY:
      {
        g_autofree char *start = describe_cutoffs (o, TRUE, 1);
        g_autofree char *end = describe_cutoffs (o, FALSE, 0);
        g_autofree char *changes = describe_changes (o);
        g_autofree char *thresholds = describe_thresholds (o);

        if (o->has_gad7)
          return g_strdup_printf (_("%s: at caseness at start (%s) and ended below caseness on "
                                    "both measures (%s), without a reliable improvement (%s; %s)"),
                                  label, start, end, changes, thresholds);
        return g_strdup_printf (_("%s: at caseness at start (%s) and ended below caseness (%s), "
                                  "without a reliable improvement (%s; %s)"),
                                label, start, end, changes, thresholds);
      }

    case IPT_OUTCOME_RELIABLE_IMPROVEMENT:
      {
        g_autofree char *change = describe_reliable (o, -1);

        if (!o->caseness)
          {
            g_autofree char *start = describe_cutoffs (o, TRUE, 0);
            return g_strdup_printf (_("%s: %s, with no reliable deterioration; not a recovery "
                                      "because not at caseness at start (%s)"),
                                    label, change, start);
          }
        else
          {
            g_autofree char *end = describe_cutoffs (o, FALSE, 1);
            return g_strdup_printf (_("%s: %s, with no reliable deterioration; not a recovery "
                                      "because still at caseness at the end (%s)"),
                                    label, change, end);
          }
      }

    case IPT_OUTCOME_RELIABLE_DETERIORATION:
      {
        g_autofree char *change = describe_reliable (o, 1);

        /* Never hidden behind a recovery by the letter of the rules. */
        if (o->recovery)
          {
            g_autofree char *start = describe_cutoffs (o, TRUE, 1);
            g_autofree char *end = describe_cutoffs (o, FALSE, 0);

            return g_strdup_printf (_("%s: %s, with no reliable improvement; it comes before "
                                      "the recovery by the letter of the rules (at caseness at "
                                      "start, %s; below caseness at the end, %s)"),
                                    label, change, start, end);
          }
        if (o->has_gad7)
          return g_strdup_printf (_("%s: %s, with no reliable improvement on either measure"),
                                  label, change);
        return g_strdup_printf (_("%s: %s, with no reliable improvement"), label, change);
      }

    case IPT_OUTCOME_NO_RELIABLE_CHANGE:
    default:
      {
        g_autofree char *changes = describe_changes (o);
        g_autofree char *thresholds = describe_thresholds (o);

        /* Both directions at once: improvement on one measure, deterioration on the other. */
        if (changed_both_ways (o))
          return g_strdup_printf (_("%s: %s, reliable changes in opposite directions (%s)"),
                                  label, changes, thresholds);
        return g_strdup_printf (_("%s: %s, less than a reliable change (%s)"),
                                label, changes, thresholds);
      }
    }
}

IptOutcome *
ipt_outcome_compute (const int *phq9,
                     guint      n_phq9,
                     const int *gad7,
                     guint      n_gad7)
{
  const IptMeasure *p = ipt_measure_lookup ("phq9");
  const IptMeasure *g = ipt_measure_lookup ("gad7");
  IptOutcome *o = g_new0 (IptOutcome, 1);
  gboolean improved, worsened;
  int dp, dg;

  o->n_phq9 = first_last (phq9, n_phq9, &o->phq9_first, &o->phq9_last);
  o->n_gad7 = first_last (gad7, n_gad7, &o->gad7_first, &o->gad7_last);
  /* Paired scores only: a measure taken at a single session is treated as not taken. */
  o->has_gad7 = o->n_gad7 >= 2;
  if (!o->has_gad7)
    o->gad7_first = o->gad7_last = IPT_TOTAL_NONE;
  if (o->n_phq9 < 2)
    o->phq9_first = o->phq9_last = IPT_TOTAL_NONE;

  if (o->n_phq9 < 2)
    {
      o->category = IPT_OUTCOME_INSUFFICIENT_DATA;
      o->rule = describe_rule (o);
      return o;
    }

  o->finished_treatment = TRUE;
  dp = o->phq9_last - o->phq9_first;
  dg = o->has_gad7 ? o->gad7_last - o->gad7_first : 0;

  o->caseness = o->phq9_first >= p->caseness || (o->has_gad7 && o->gad7_first >= g->caseness);
  o->recovery = o->caseness && o->phq9_last < p->caseness
                && (!o->has_gad7 || o->gad7_last < g->caseness);

  improved = dp <= -p->rci || (o->has_gad7 && dg <= -g->rci);
  worsened = dp >= p->rci || (o->has_gad7 && dg >= g->rci);
  o->reliable_improvement = improved && !worsened;
  o->reliable_deterioration = worsened && !improved;
  o->reliable_recovery = o->recovery && o->reliable_improvement;

  if (o->reliable_recovery)
    o->category = IPT_OUTCOME_RELIABLE_RECOVERY;
  else if (o->reliable_deterioration)
    o->category = IPT_OUTCOME_RELIABLE_DETERIORATION;
  else if (o->recovery)
    o->category = IPT_OUTCOME_RECOVERY;
  else if (o->reliable_improvement)
    o->category = IPT_OUTCOME_RELIABLE_IMPROVEMENT;
  else
    o->category = IPT_OUTCOME_NO_RELIABLE_CHANGE;

  o->rule = describe_rule (o);
  return o;
}
