/* A PHQ-9 sparkline for caseload rows and dashboard cards, coloured by the case's signal. */
#pragma once

#include <cairo.h>

#include "ipt-chart-style.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

/* Draws the series into (0, 0, width, height) on the measure's full range, so that rows compare;
 * a faint line marks the caseness cut-off and a dot the latest score. No text, no background. */
void ipt_sparkline_renderer_draw (cairo_t              *cr,
                                  const IptSeriesPoint *points,
                                  guint                 n_points,
                                  IptSignalKind         kind,
                                  const IptChartStyle  *style,
                                  double                width,
                                  double                height);

G_END_DECLS
