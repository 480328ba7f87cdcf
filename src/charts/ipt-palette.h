/* The one palette: signal, phase, series and the other colours, light and dark, as 0xRRGGBB.
 * The charts, the reports, the list rows, the phase bar and the style sheet (through
 * ipt_palette_to_css ()) all take their colours from here, so a colour is changed in one
 * place. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ipt-chart-data.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

/* The colours that are neither a signal's, a phase's nor a series'. */
typedef enum
{
  IPT_PALETTE_FOREGROUND,         /* a chart's text and grid, when no widget gives its own */
  IPT_PALETTE_BACKGROUND,         /* under a chart */
  IPT_PALETTE_QUIET,              /* a list row's line with no signal to show */
  IPT_PALETTE_CIRCLE_TINT,        /* the closeness circle's rings, a selected person */
  IPT_PALETTE_CIRCLE_CLIENT,      /* the client's disc at the circle's centre */
  IPT_PALETTE_ON_ACCENT,          /* text on the client's disc and on a selected person */
  IPT_PALETTE_TOAST_FOREGROUND,   /* the in-app notification, light on dark in either style */
  IPT_PALETTE_TOAST_BACKGROUND,
  IPT_PALETTE_SHADOW,
  IPT_PALETTE_PAPER_TEXT,         /* reports and the supervision pack: the text */
  IPT_PALETTE_PAPER_BODY,         /* the supervision pack's paragraphs */
  IPT_PALETTE_PAPER_NOTE,         /* a report's notes under a heading */
  IPT_PALETTE_PAPER_MARGIN,       /* a report's page header and footer */
  IPT_PALETTE_PAPER_FOOTER,       /* the supervision pack's page footer */
  IPT_PALETTE_PAPER_TABLE_HEAD,   /* behind a table's header row */
  IPT_PALETTE_PAPER_RULE,         /* between a table's rows */
  IPT_PALETTE_N_COLORS,
} IptPaletteColor;

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
/* A goal chart's line: index counts from 0 and wraps round the ipt_palette_n_goal_series ()
 * hues. */
guint    ipt_palette_n_goal_series (void);
guint32  ipt_palette_goal_series (guint    index,
                                  gboolean dark);
guint32  ipt_palette_color (IptPaletteColor color,
                            gboolean        dark);
/* The colour as cairo's opaque source; paper is never dark. */
void     ipt_palette_set_source (cairo_t         *cr,
                                 IptPaletteColor  color,
                                 gboolean         dark);
/* The palette as @define-color lines for the style sheet: ipt_risk, ipt_deterioration,
 * ipt_not_on_track, ipt_on_track, ipt_outcome, ipt_phase_assessment, ..., ipt_series_phq9, ...,
 * ipt_goal_1, ..., ipt_chart_fg, ipt_circle_tint, ipt_toast_bg, ... */
char    *ipt_palette_to_css (gboolean dark);

G_END_DECLS
