/* A measure's series over a course: one point for each attended session that has the measure. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One point of a measure's series: an attended session that has the measure. */
typedef struct
{
  guint session;     /* appointment number */
  int   total;       /* IPT_TOTAL_NONE when the form had no total */
  int   risk_item;   /* the risk item's answer, IPT_ITEM_MISSING when unknown */
} IptSeriesPoint;

G_END_DECLS
