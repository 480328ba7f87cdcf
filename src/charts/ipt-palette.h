/* The one palette: signal, phase and series colours, light and dark, as 0xRRGGBB. The charts,
 * the list rows, the phase bar and the style sheet (through ipt_palette_to_css ()) all take
 * their colours from here, so a colour is changed in one place. */
#pragma once

#include <glib.h>

#include "ipt-chart-data.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

/* A signal's colour (risk and deterioration red, not on track amber, on track green, outcome
 * blue); FALSE for those drawn in the text colour (no scores). */
gboolean ipt_palette_signal (IptSignalKind kind,
                             gboolean      dark,
                             guint32      *rgb);
/* A phase's hue (assessment blue, middle purple, end green, maintenance brown) and the darker
 * (lighter, on dark) shade its labels are written in. */
guint32  ipt_palette_phase (IptPhase phase,
                            gboolean dark);
guint32  ipt_palette_phase_text (IptPhase phase,
                                 gboolean dark);
/* A measure's line (Okabe and Ito's colour-blind-safe hues). */
guint32  ipt_palette_series (IptChartMeasure measure,
                             gboolean        dark);
/* The palette as @define-color lines for the style sheet: ipt_risk, ipt_deterioration,
 * ipt_not_on_track, ipt_on_track, ipt_outcome, ipt_phase_assessment, ... */
char    *ipt_palette_to_css (gboolean dark);

G_END_DECLS
