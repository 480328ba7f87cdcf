/* Signals' reasons in a few words, as a caseload row shows them beside the badge. */
#include "config.h"

#include <glib.h>

#include "ipt-model.h"

#define P(session, total, item9) { session, total, item9 }

static void
check (IptSignalKind         kind,
       const IptSeriesPoint *phq9,
       guint                 n_phq9,
       const IptSeriesPoint *gad7,
       guint                 n_gad7,
       const char           *expected)
{
  g_autofree char *brief = ipt_signal_brief (kind, phq9, n_phq9, gad7, n_gad7);

  g_assert_cmpstr (brief, ==, expected);
}

static void
test_brief (void)
{
  const IptSeriesPoint rising[] = { P (1, 9, 0), P (2, 12, 1), P (3, 16, 2) };
  const IptSeriesPoint gad_rising[] = { P (1, 5, IPT_ITEM_MISSING), P (3, 10, IPT_ITEM_MISSING) };
  const IptSeriesPoint gad_flat[] = { P (1, 5, IPT_ITEM_MISSING), P (3, 6, IPT_ITEM_MISSING) };
  const IptSeriesPoint falling[] = { P (1, 19, 0), P (4, IPT_TOTAL_NONE, 0), P (9, 16, 0) };
  const IptSeriesPoint one[] = { P (1, 14, 0) };
  const IptSeriesPoint no_risk_answer[] = { P (1, 14, 1), P (2, 12, IPT_ITEM_MISSING) };
  const IptSeriesPoint raised_then_clear[] = { P (1, 14, 0), P (2, 15, 2), P (3, 12, 0) };

  check (IPT_SIGNAL_RISK, rising, 3, NULL, 0, "item 9 = 2 at session 3");
  /* the latest answer known */
  check (IPT_SIGNAL_RISK, no_risk_answer, 2, NULL, 0, "item 9 = 1 at session 1");
  /* a later 0 does not take the flag down: the answer that raised it is named */
  check (IPT_SIGNAL_RISK, raised_then_clear, 3, NULL, 0, "item 9 = 2 at session 2");
  check (IPT_SIGNAL_DETERIORATION, rising, 3, gad_flat, 2, "PHQ-9 +7");
  check (IPT_SIGNAL_DETERIORATION, rising, 3, gad_rising, 2, "PHQ-9 +7, GAD-7 +5");
  check (IPT_SIGNAL_DETERIORATION, falling, 3, gad_rising, 2, "GAD-7 +5");
  /* a session without a total is skipped */
  check (IPT_SIGNAL_NOT_ON_TRACK, falling, 3, NULL, 0, "PHQ-9 19 → 16");
  check (IPT_SIGNAL_ON_TRACK, one, 1, NULL, 0, "PHQ-9 14");
  check (IPT_SIGNAL_OUTCOME, falling, 3, NULL, 0, "PHQ-9 19 → 16");
  check (IPT_SIGNAL_NO_SCORES, NULL, 0, NULL, 0, NULL);
  check (IPT_SIGNAL_ON_TRACK, NULL, 0, NULL, 0, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signal-brief/brief", test_brief);

  return g_test_run ();
}
