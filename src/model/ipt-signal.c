/* Progress signals during a course (clinical.md section 6), each with its rule in words. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-signal.h"
#include "ipt-enums-private.h"
#include "ipt-measure.h"
#include "ipt-risk-review.h"

#include <glib/gi18n.h>

G_DEFINE_ENUM_TYPE (IptSignalKind, ipt_signal_kind,
  G_DEFINE_ENUM_VALUE (IPT_SIGNAL_RISK, "risk"),
  G_DEFINE_ENUM_VALUE (IPT_SIGNAL_DETERIORATION, "deterioration"),
  G_DEFINE_ENUM_VALUE (IPT_SIGNAL_NOT_ON_TRACK, "not-on-track"),
  G_DEFINE_ENUM_VALUE (IPT_SIGNAL_ON_TRACK, "on-track"),
  G_DEFINE_ENUM_VALUE (IPT_SIGNAL_OUTCOME, "outcome"),
  G_DEFINE_ENUM_VALUE (IPT_SIGNAL_NO_SCORES, "no-scores"))

G_DEFINE_BOXED_TYPE (IptSignal, ipt_signal, ipt_signal_copy, ipt_signal_free)

IptSignal *
ipt_signal_copy (const IptSignal *signal)
{
  IptSignal *copy;

  g_return_val_if_fail (signal != NULL, NULL);

  copy = g_new0 (IptSignal, 1);
  copy->kind = signal->kind;
  copy->rule = g_strdup (signal->rule);
  return copy;
}

void
ipt_signal_free (IptSignal *signal)
{
  if (signal == NULL)
    return;
  g_free (signal->rule);
  g_free (signal);
}

const char *
ipt_signal_kind_to_id (IptSignalKind kind)
{
  return _ipt_enum_to_nick (IPT_TYPE_SIGNAL_KIND, kind);
}

gboolean
ipt_signal_kind_from_id (const char    *id,
                         IptSignalKind *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!_ipt_enum_from_nick (IPT_TYPE_SIGNAL_KIND, id, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
ipt_signal_kind_to_label (IptSignalKind kind)
{
  static const char * const labels[] = {
    N_("Risk"), N_("Deterioration"), N_("Not on track"), N_("On track"), N_("Outcome"),
    N_("No scores yet"),
  };

  if ((guint) kind >= G_N_ELEMENTS (labels))
    return NULL;
  return _(labels[kind]);
}

gboolean
ipt_signal_kind_needs_attention (IptSignalKind kind)
{
  return kind == IPT_SIGNAL_RISK || kind == IPT_SIGNAL_DETERIORATION
         || kind == IPT_SIGNAL_NOT_ON_TRACK;
}

/* Takes ownership of rule. */
static void
add_signal (GPtrArray     *signals,
            IptSignalKind  kind,
            char          *rule)
{
  IptSignal *signal = g_new0 (IptSignal, 1);

  signal->kind = kind;
  signal->rule = rule;
  g_ptr_array_add (signals, signal);
}

/* First and last points that have a total; points without one (IPT_TOTAL_NONE) are skipped. */
static guint
series_first_last (const IptSeriesPoint  *points,
                   guint                  n_points,
                   const IptSeriesPoint **first,
                   const IptSeriesPoint **last)
{
  guint count = 0;

  *first = NULL;
  *last = NULL;
  for (guint i = 0; points != NULL && i < n_points; i++)
    {
      if (points[i].total < 0)
        continue;
      if (*first == NULL)
        *first = &points[i];
      *last = &points[i];
      count++;
    }
  return count;
}

/* "PHQ-9 rose from 12 to 19 (+7; a rise of 6 or more is a reliable deterioration)" */
static char *
describe_rise (const IptMeasure *measure,
               int               first,
               int               last)
{
  return g_strdup_printf (_("%s rose from %d to %d (+%d; a rise of %d or more is a reliable "
                            "deterioration)"),
                          measure->name, first, last, last - first, measure->rci);
}

/* "PHQ-9 19, at or above the cut-off of 10" or "PHQ-9 7, below the cut-off of 10" */
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

IptRiskItemState
ipt_signal_risk_item_state (const char *measure_id,
                            int         answer,
                            gboolean    flagged)
{
  const IptMeasure *measure = ipt_measure_lookup (measure_id);

  if (measure == NULL || measure->risk_item < 0)
    return IPT_RISK_ITEM_NONE;
  if (answer > 0 || (answer == IPT_ITEM_MISSING && flagged))
    return IPT_RISK_ITEM_RAISED;
  if (answer == 0)
    return IPT_RISK_ITEM_CLEAR;
  return IPT_RISK_ITEM_NOT_KNOWN;
}

char *
ipt_signal_risk_item_not_known_text (const char *measure_id)
{
  const IptMeasure *measure = ipt_measure_lookup (measure_id);

  g_return_val_if_fail (measure != NULL && measure->risk_item >= 0, NULL);

  /* TRANSLATORS: a PHQ-9 recorded as a total only says nothing about item 9: "item 9 not known" */
  return g_strdup_printf (_("item %d not known"), measure->risk_item + 1);
}

/* What the rules look at, gathered once from the series. */
typedef struct
{
  const IptSeriesPoint *p_first, *p_last, *g_first, *g_last;
  const IptSeriesPoint *risk;     /* the PHQ-9 form that raises the risk flag, or NULL */
  guint                 n_p, n_g;
  guint                 attended; /* attended sessions of the contract */
  guint                 planned;
  gboolean              caseness;
  gboolean              midpoint;
} Facts;

static void
gather_facts (const IptProgress *progress,
              Facts             *f)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");

  f->n_p = series_first_last (progress->phq9, progress->n_phq9, &f->p_first, &f->p_last);
  f->n_g = series_first_last (progress->gad7, progress->n_gad7, &f->g_first, &f->g_last);
  f->risk = ipt_risk_open_point (progress->phq9, progress->n_phq9,
                                progress->risk_reviewed_through);
  f->caseness = (f->n_p > 0 && f->p_first->total >= phq9->caseness)
                || (f->n_g > 0 && f->g_first->total >= gad7->caseness);
  /* The midpoint counts attended sessions: attended >= planned / 2. */
  f->attended = progress->course != NULL ? ipt_course_map_get_attended (progress->course) : 0;
  f->planned = progress->course != NULL ? ipt_course_map_get_planned (progress->course) : 0;
  f->midpoint = progress->course != NULL && ipt_course_map_reached_midpoint (progress->course);
}

static guint
classify (const IptProgress *progress,
          const Facts       *f,
          IptSignalKind     *kinds)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  guint n = 0;

  /* Risk stays open until reviewed, whatever later forms say (clinical.md section 6). */
  if (f->risk != NULL)
    kinds[n++] = IPT_SIGNAL_RISK;

  if (!progress->course_running)
    {
      kinds[n++] = IPT_SIGNAL_OUTCOME;
      return n;
    }

  if ((f->n_p > 0 && f->p_last->total - f->p_first->total >= phq9->rci)
      || (f->n_g > 0 && f->g_last->total - f->g_first->total >= gad7->rci))
    kinds[n++] = IPT_SIGNAL_DETERIORATION;

  if (f->n_p > 0 && f->caseness && f->midpoint
      && f->p_last->total - f->p_first->total > -phq9->rci)
    kinds[n++] = IPT_SIGNAL_NOT_ON_TRACK;

  if (n == 0)
    kinds[n++] = f->n_p == 0 ? IPT_SIGNAL_NO_SCORES : IPT_SIGNAL_ON_TRACK;
  return n;
}

guint
ipt_signals_classify (const IptProgress *progress,
                      IptSignalKind     *kinds)
{
  Facts f;

  g_return_val_if_fail (progress != NULL, 0);
  g_return_val_if_fail (kinds != NULL, 0);

  gather_facts (progress, &f);
  return classify (progress, &f, kinds);
}

/* The rule of one kind that applies, in words with this case's numbers. */
static char *
describe (IptSignalKind      kind,
          const IptProgress *progress,
          const Facts       *f)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");

  switch (kind)
    {
    case IPT_SIGNAL_RISK:
      return g_strdup_printf (_("Risk: %s item %d (thoughts of death or self-harm) was "
                                "answered %d at session %u; any answer above 0 raises the flag, "
                                "whatever the total, and it stays until a risk review is "
                                "recorded"),
                              phq9->name, phq9->risk_item + 1, f->risk->risk_item,
                              f->risk->session);

    case IPT_SIGNAL_OUTCOME:
      {
        g_autoptr (IptOutcome) outcome = NULL;

        if (progress->course != NULL)
          outcome = ipt_course_map_compute_outcome (progress->course, progress->phq9,
                                                    progress->n_phq9, progress->gad7,
                                                    progress->n_gad7);
        else
          outcome = ipt_outcome_compute (NULL, 0, NULL, 0);

        /* The outcome's rule starts with its label ("Recovery: ..."). */
        return g_strdup (outcome->rule);
      }

    case IPT_SIGNAL_DETERIORATION:
      {
        gboolean by_p = f->n_p > 0 && f->p_last->total - f->p_first->total >= phq9->rci;
        gboolean by_g = f->n_g > 0 && f->g_last->total - f->g_first->total >= gad7->rci;
        g_autofree char *a = by_p ? describe_rise (phq9, f->p_first->total, f->p_last->total)
                                  : NULL;
        g_autofree char *b = by_g ? describe_rise (gad7, f->g_first->total, f->g_last->total)
                                  : NULL;

        if (a != NULL && b != NULL)
          return g_strdup_printf (_("Deterioration: %s; %s"), a, b);
        return g_strdup_printf (_("Deterioration: %s"), a != NULL ? a : b);
      }

    case IPT_SIGNAL_NOT_ON_TRACK:
      {
        g_autofree char *start = NULL;

        if (f->p_first->total >= phq9->caseness)
          start = describe_cutoff (phq9, f->p_first->total);
        else
          start = describe_cutoff (gad7, f->g_first->total);
        return g_strdup_printf (_("Not on track: at caseness at start (%s), at or past the "
                                  "midpoint (%u of %u sessions attended) and %s %d → %d is not "
                                  "yet %d below the first score"),
                                start, f->attended, f->planned,
                                phq9->name, f->p_first->total, f->p_last->total, phq9->rci);
      }

    case IPT_SIGNAL_NO_SCORES:
      return g_strdup (_("No PHQ-9 recorded yet"));

    case IPT_SIGNAL_ON_TRACK:
    default:
      if (!f->caseness)
        {
          g_autofree char *a = describe_cutoff (phq9, f->p_first->total);
          g_autofree char *b = f->n_g > 0 ? describe_cutoff (gad7, f->g_first->total) : NULL;

          return b != NULL
                 ? g_strdup_printf (_("On track: not at caseness at start (%s, %s)"), a, b)
                 : g_strdup_printf (_("On track: not at caseness at start (%s)"), a);
        }
      if (!f->midpoint)
        return g_strdup_printf (_("On track: before the midpoint (%u of %u sessions attended), "
                                  "%s %d → %d so far, with no reliable deterioration"),
                                f->attended, f->planned,
                                phq9->name, f->p_first->total, f->p_last->total);
      return g_strdup_printf (_("On track: %s %d → %d is %d below the first score (%d or "
                                "more is a reliable improvement)"),
                              phq9->name, f->p_first->total, f->p_last->total,
                              f->p_first->total - f->p_last->total, phq9->rci);
    }
}

GPtrArray *
ipt_signals_compute (const IptProgress *progress)
{
  GPtrArray *signals = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_signal_free);
  IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];
  Facts f;
  guint n;

  g_return_val_if_fail (progress != NULL, signals);

  gather_facts (progress, &f);
  n = classify (progress, &f, kinds);
  for (guint i = 0; i < n; i++)
    add_signal (signals, kinds[i], describe (kinds[i], progress, &f));
  return signals;
}

/* "PHQ-9 19 → 16", the measure's first and latest totals. */
static char *
describe_change (const IptMeasure *measure,
                 int               first,
                 int               last)
{
  /* TRANSLATORS: a measure's first and latest totals, "PHQ-9 19 → 16" */
  return g_strdup_printf (_("%s %d → %d"), measure->name, first, last);
}

/* "PHQ-9 +7 since session 1 (+6 or more)" */
static char *
describe_rise_briefly (const IptMeasure     *measure,
                       const IptSeriesPoint *first,
                       const IptSeriesPoint *last)
{
  /* TRANSLATORS: a reliable rise on a dashboard card: the measure, how far it rose, the
   * session of the first score and the rise that counts, "PHQ-9 +7 since session 1 (+6 or
   * more)" */
  return g_strdup_printf (_("%s +%d since session %u (+%d or more)"), measure->name,
                          last->total - first->total, first->session, measure->rci);
}

char *
ipt_signal_describe_briefly (IptSignalKind      kind,
                             const IptProgress *progress)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  Facts f;

  g_return_val_if_fail (progress != NULL, NULL);

  gather_facts (progress, &f);
  switch (kind)
    {
    case IPT_SIGNAL_RISK:
      if (f.risk == NULL)
        return NULL;
      /* TRANSLATORS: on a dashboard card, "PHQ-9 item 9 = 2 at session 3, not yet reviewed":
       * an answer above 0 raises the risk flag until a risk review is recorded */
      return g_strdup_printf (_("%s item %d = %d at session %u, not yet reviewed"), phq9->name,
                              phq9->risk_item + 1, f.risk->risk_item, f.risk->session);

    case IPT_SIGNAL_DETERIORATION:
      {
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;

        if (f.n_p > 0 && f.p_last->total - f.p_first->total >= phq9->rci)
          a = describe_rise_briefly (phq9, f.p_first, f.p_last);
        if (f.n_g > 0 && f.g_last->total - f.g_first->total >= gad7->rci)
          b = describe_rise_briefly (gad7, f.g_first, f.g_last);
        if (a != NULL && b != NULL)
          /* TRANSLATORS: PHQ-9's then GAD-7's rise, each a phrase of its own */
          return g_strdup_printf (_("%s; %s"), a, b);
        return g_strdup (a != NULL ? a : b);
      }

    case IPT_SIGNAL_NOT_ON_TRACK:
      if (f.n_p == 0)
        return NULL;
      /* TRANSLATORS: on a dashboard card, "midpoint reached, PHQ-9 19 → 17, not yet 6 lower" */
      return g_strdup_printf (_("midpoint reached, %s %d → %d, not yet %d lower"), phq9->name,
                              f.p_first->total, f.p_last->total, phq9->rci);

    case IPT_SIGNAL_ON_TRACK:
      if (f.n_p == 0)
        return NULL;
      if (!f.caseness)
        /* TRANSLATORS: on a dashboard card, "not at caseness at start (PHQ-9 7)" */
        return g_strdup_printf (_("not at caseness at start (%s %d)"), phq9->name,
                                f.p_first->total);
      if (!f.midpoint)
        /* TRANSLATORS: on a dashboard card, "PHQ-9 19 → 14, midpoint not reached" */
        return g_strdup_printf (_("%s %d → %d, midpoint not reached"), phq9->name,
                                f.p_first->total, f.p_last->total);
      /* TRANSLATORS: on a dashboard card, "PHQ-9 19 → 8, 11 lower (6 or more)" */
      return g_strdup_printf (_("%s %d → %d, %d lower (%d or more)"), phq9->name,
                              f.p_first->total, f.p_last->total,
                              f.p_first->total - f.p_last->total, phq9->rci);

    case IPT_SIGNAL_OUTCOME:
      {
        g_autoptr (IptOutcome) outcome = NULL;
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;

        if (progress->course != NULL)
          outcome = ipt_course_map_compute_outcome (progress->course, progress->phq9,
                                                    progress->n_phq9, progress->gad7,
                                                    progress->n_gad7);
        else
          outcome = ipt_outcome_compute (NULL, 0, NULL, 0);
        if (outcome->phq9_first == IPT_TOTAL_NONE)
          return g_strdup (outcome->rule);
        a = describe_change (phq9, outcome->phq9_first, outcome->phq9_last);
        if (outcome->has_gad7)
          b = describe_change (gad7, outcome->gad7_first, outcome->gad7_last);
        return b != NULL ? g_strdup_printf ("%s, %s", a, b) : g_steal_pointer (&a);
      }

    case IPT_SIGNAL_NO_SCORES:
    default:
      return g_strdup (_("No PHQ-9 recorded yet"));
    }
}
