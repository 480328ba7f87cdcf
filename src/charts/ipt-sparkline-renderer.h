/* A PHQ-9 sparkline for caseload rows and dashboard cards, coloured by the case's signal. */
#pragma once

#include <cairo.h>

#include "ipt-chart-style.h"
#include "ipt-course-map.h"
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

/* A dashboard card's chart: the x axis spans the course, session 1 to the end of the contract
 * (maintenance sessions after it), so a course at session 3 of 16 is a short line on the left;
 * the phases of `course` are shaded behind the line (with `projected`, a running course goes on
 * with the sessions its contract has left, as the mood chart draws it), and the caseness cut-off
 * is dashed in the cut-off colour. The line is drawn in the PHQ-9 series colour, whatever the
 * signal. course NULL draws as ipt_sparkline_renderer_draw (). */
void ipt_sparkline_renderer_draw_course (cairo_t              *cr,
                                         const IptSeriesPoint *points,
                                         guint                 n_points,
                                         const IptCourseMap   *course,
                                         gboolean              projected,
                                         const IptChartStyle  *style,
                                         double                width,
                                         double                height);

G_END_DECLS
