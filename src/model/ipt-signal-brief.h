/* A signal's reason in a few words, for a row that has room for little more than its badge. */
#pragma once

#include <glib.h>

#include "ipt-signal.h"

G_BEGIN_DECLS

/* What made this kind apply, in a few words with the case's numbers (translated):
 * "item 9 = 2 at session 3" (risk), "PHQ-9 +7" (deterioration; "PHQ-9 +7, GAD-7 +5" for both),
 * "PHQ-9 19 → 16" (not on track, on track, outcome). NULL when there is nothing to say (no
 * scores). phq9 and gad7 are a course's series as in IptProgress. */
char *ipt_signal_brief (IptSignalKind         kind,
                        const IptSeriesPoint *phq9,
                        guint                 n_phq9,
                        const IptSeriesPoint *gad7,
                        guint                 n_gad7);

G_END_DECLS
