/* Signals' reasons in a few words (clinical.md section 6), beside the badge of a caseload row. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-signal-brief.h"

#include <glib/gi18n.h>

#include "ipt-measure.h"

/* The first and last points of a series that have a total; FALSE when none has. */
static gboolean
first_and_last (const IptSeriesPoint  *points,
                guint                  n_points,
                const IptSeriesPoint **first,
                const IptSeriesPoint **last)
{
  *first = *last = NULL;
  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].total == IPT_TOTAL_NONE)
        continue;
      if (*first == NULL)
        *first = &points[i];
      *last = &points[i];
    }
  return *first != NULL;
}

/* "PHQ-9 +7" when the measure rose reliably, else NULL. */
static char *
describe_rise (const IptMeasure     *measure,
               const IptSeriesPoint *points,
               guint                 n_points)
{
  const IptSeriesPoint *first, *last;

  if (!first_and_last (points, n_points, &first, &last) ||
      last->total - first->total < measure->rci)
    return NULL;
  /* TRANSLATORS: a measure and how far it rose, "PHQ-9 +7" */
  return g_strdup_printf (_("%s +%d"), measure->name, last->total - first->total);
}

char *
ipt_signal_brief (IptSignalKind         kind,
                  const IptSeriesPoint *phq9,
                  guint                 n_phq9,
                  const IptSeriesPoint *gad7,
                  guint                 n_gad7)
{
  const IptMeasure *phq9_measure = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7_measure = ipt_measure_lookup ("gad7");
  const IptSeriesPoint *first, *last;

  g_return_val_if_fail (phq9 != NULL || n_phq9 == 0, NULL);
  g_return_val_if_fail (gad7 != NULL || n_gad7 == 0, NULL);

  switch (kind)
    {
    case IPT_SIGNAL_RISK:
      for (guint i = n_phq9; i > 0; i--)
        {
          const IptSeriesPoint *point = &phq9[i - 1];

          /* The answer that raised the flag: when the flag is up, the latest answer above 0
           * comes after the last review, and a later 0 does not take it down. */
          if (point->risk_item == IPT_ITEM_MISSING || point->risk_item == 0)
            continue;
          /* TRANSLATORS: the risk item's number, its answer and the session, "item 9 = 2 at
           * session 3" */
          return g_strdup_printf (_("item %d = %d at session %u"),
                                  phq9_measure->risk_item + 1, point->risk_item, point->session);
        }
      return NULL;

    case IPT_SIGNAL_DETERIORATION:
      {
        g_autofree char *p = describe_rise (phq9_measure, phq9, n_phq9);
        g_autofree char *g = describe_rise (gad7_measure, gad7, n_gad7);

        if (p != NULL && g != NULL)
          return g_strdup_printf ("%s, %s", p, g);
        if (p != NULL || g != NULL)
          return g_strdup (p != NULL ? p : g);
        return NULL;
      }

    case IPT_SIGNAL_NOT_ON_TRACK:
    case IPT_SIGNAL_ON_TRACK:
    case IPT_SIGNAL_OUTCOME:
      if (!first_and_last (phq9, n_phq9, &first, &last))
        return NULL;
      if (first == last)
        return g_strdup_printf ("%s %d", phq9_measure->name, first->total);
      /* TRANSLATORS: a measure's first and latest totals, "PHQ-9 19 → 16" */
      return g_strdup_printf (_("%s %d → %d"), phq9_measure->name, first->total, last->total);

    case IPT_SIGNAL_NO_SCORES:
    default:
      return NULL;
    }
}
