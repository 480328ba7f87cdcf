/* A small chart of goal ratings (0 to 10) across a course's sessions, one line per goal: the
 * Formulation tab's and the case report's. Draws on any cairo_t. */
#pragma once

#include <cairo.h>

#include "ipt-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  guint session;     /* session number */
  int   rating;      /* 0 to 10; anything else is left out */
} IptGoalPoint;

typedef struct
{
  const char         *text;      /* the goal, in the legend */
  const IptGoalPoint *points;    /* by session */
  guint               n_points;
} IptGoalSeries;

/* Sessions 1 to MAX (last_session, the latest rated session) on x, 0 to 10 on y, a legend under
 * the plot numbering the goals. Nothing to draw gives the axes and "No ratings yet". */
void ipt_goal_chart_render (cairo_t             *cr,
                            const IptGoalSeries *goals,
                            guint                n_goals,
                            guint                last_session,
                            const IptChartStyle *style,
                            double               width,
                            double               height);

G_END_DECLS
