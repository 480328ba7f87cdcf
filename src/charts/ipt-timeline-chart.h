/* The timeline of a client: life events by date, each a bar of its impact on mood (−5 to +5),
 * drawn against the PHQ-9 line of the course. Draws on any cairo_t. */
#pragma once

#include <cairo.h>

#include "ipt-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  const char *date;     /* ISO 8601; events with no valid date are left out */
  const char *title;    /* "Death of Maryam", or with the person: "Row with Jamie" */
  int         impact;   /* −5 to +5, clamped */
} IptTimelineEvent;

typedef struct
{
  const char *date;     /* ISO 8601 */
  int         total;    /* PHQ-9, 0 to 27 */
} IptTimelineScore;

/* Dates on x from the earliest to the latest of both, impact bars around a middle line with
 * their titles, the PHQ-9 line and dots over them on its own scale (0 to 27, right). */
void ipt_timeline_chart_render (cairo_t                *cr,
                                const IptTimelineEvent *events,
                                guint                   n_events,
                                const IptTimelineScore *scores,
                                guint                   n_scores,
                                const IptChartStyle    *style,
                                double                  width,
                                double                  height);

G_END_DECLS
