/* What the mood chart drew where, for the tests that check no label overlaps a line or label. */
#pragma once

#include "ipt-mood-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, w, h;           /* ink extents of one drawn text */
} IptChartBox;

typedef struct
{
  double x0, y0, x1, y1;
  double width;
} IptChartSegment;

/* ipt_mood_chart_render (), also collecting the boxes of all texts and the drawn lines. */
void ipt_mood_chart_render_recorded (cairo_t             *cr,
                                     const IptChartData  *data,
                                     const IptChartStyle *style,
                                     double               width,
                                     double               height,
                                     GArray              *boxes,
                                     GArray              *segments);

/* The line under the chart's title: "Middle phase · session 9 of 16 · Not on track" or
 * "Ended · 16 sessions attended · 2 maintenance sessions · Reliable recovery". */
char *_ipt_mood_chart_subtitle (const IptChartData *data);

/* Forgets the shaped labels kept across renders (benchmarks measure a cold start with it). */
void ipt_mood_chart_drop_shape_cache (void);

G_END_DECLS
