/* The mood chart: phases, severity bands, cut-offs, reliable change, scores and life events. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ipt-chart-data.h"
#include "ipt-chart-style.h"

G_BEGIN_DECLS

/* Draws the whole chart into (0, 0, width, height) of `cr`, in user-space units; the same call
 * serves the widget, PNG, SVG, PDF and printing. */
void     ipt_mood_chart_render (cairo_t             *cr,
                                const IptChartData  *data,
                                const IptChartStyle *style,
                                double               width,
                                double               height);

/* The chart's title as drawn ("C-0042 · Grief · 16-session course"), the focus named as the
 * style says. Translated, newly allocated. */
char    *ipt_mood_chart_dup_title (const IptChartData  *data,
                                   const IptChartStyle *style);

typedef struct
{
  IptChartMeasure measure;
  guint           index;       /* into data->points[measure] */
  double          x;           /* where the point is drawn */
  double          y;
  guint           joint_session;  /* not a point: the mark of this joint session; 0 for a point */
} IptChartHit;

/* Finds the score point nearest to (x, y) within a few pixels, or a joint session's mark, laid
 * out as
 * ipt_mood_chart_render () would with text measured in `context`. */
gboolean ipt_mood_chart_hit_test (PangoContext        *context,
                                  const IptChartData  *data,
                                  const IptChartStyle *style,
                                  double               width,
                                  double               height,
                                  double               x,
                                  double               y,
                                  IptChartHit         *hit);

G_END_DECLS
