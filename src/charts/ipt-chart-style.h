/* How a chart looks: colours from the widget's style (or paper), which measures, the font. */
#pragma once

#include <glib.h>

#include "ipt-chart-data.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} IptChartColor;

typedef struct
{
  IptChartColor foreground;     /* text and grid (grid with alpha) */
  IptChartColor background;     /* painted under the chart, always opaque (alpha is ignored) */
  gboolean      dark;           /* lighter tints for series, phases and warnings */
  gboolean      show_measure[IPT_CHART_N_MEASURES];
  const char   *font_family;    /* NULL: "Sans" */
  double        font_size;      /* in user-space units (pixels, points on paper); 0: 12 */
  gboolean      us_focus_names; /* the title names the focus the US way ("Interpersonal
                                 * deficits"); FALSE: the UK way, as files and paper have it */
} IptChartStyle;

/* An opaque colour from the palette's 0xRRGGBB. */
void ipt_chart_color_from_rgb (guint32        rgb,
                               IptChartColor *color);

/* The palette's foreground on its background (dark text on white, or light on dark), every
 * measure shown, "Sans" 12. */
void ipt_chart_style_init (IptChartStyle *style,
                           gboolean       dark);

/* Fixed colour-blind-safe series colours (Okabe-Ito), lighter tints in dark style. */
void ipt_chart_style_get_series_color (const IptChartStyle *style,
                                       IptChartMeasure      measure,
                                       IptChartColor       *color);
/* The colour of a progress signal (risk, deterioration, not on track, on track, ...). */
void ipt_chart_style_get_signal_color (const IptChartStyle *style,
                                       IptSignalKind        kind,
                                       IptChartColor       *color);

/* The shading of a phase band: the phase's hue with the alpha it is laid over the background
 * with (the mood chart and the dashboard cards' charts alike). */
void ipt_chart_style_get_phase_tint (const IptChartStyle *style,
                                     IptPhase             phase,
                                     IptChartColor       *color);

G_END_DECLS
