/* Score markers stamped from a small image instead of filled as paths, on pixel targets. */
#pragma once

#include <cairo.h>

#include "ipt-chart-style.h"

G_BEGIN_DECLS

typedef struct _IptChartMarker IptChartMarker;

/* A ring marker: a disc of outer_radius in outer, with a disc of inner_radius in inner over it.
 * NULL when cr does not draw on pixels, or draws rotated or skewed (PDF, SVG, printing): the
 * caller then fills the discs as paths, which stay exact at any zoom. */
IptChartMarker *ipt_chart_marker_new   (cairo_t              *cr,
                                        double                outer_radius,
                                        double                inner_radius,
                                        const IptChartColor  *outer,
                                        const IptChartColor  *inner);
void            ipt_chart_marker_free  (IptChartMarker       *marker);
/* Moves (x, y), in cr's user space, to the centre of the nearest device pixel: where a marker's
 * centre is when stamped, so a line through the same points meets the markers' centres. */
void            ipt_chart_marker_snap  (const IptChartMarker *marker,
                                        cairo_t              *cr,
                                        double               *x,
                                        double               *y);
/* Draws the marker centred on (x, y), a point snapped by ipt_chart_marker_snap (). */
void            ipt_chart_marker_stamp (const IptChartMarker *marker,
                                        cairo_t              *cr,
                                        double                x,
                                        double                y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptChartMarker, ipt_chart_marker_free)

G_END_DECLS
