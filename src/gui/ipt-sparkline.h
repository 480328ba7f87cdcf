/* A small PHQ-9 trend for a caseload row or a dashboard card. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"

G_BEGIN_DECLS

#define IPT_TYPE_SPARKLINE (ipt_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (IptSparkline, ipt_sparkline, IPT, SPARKLINE, GtkWidget)

IptSparkline   *ipt_sparkline_new (void);

/* The case whose PHQ-9 series and signal are drawn (property "summary"); NULL draws nothing. */
void            ipt_sparkline_set_summary (IptSparkline   *self,
                                           IptCaseSummary *summary);
IptCaseSummary *ipt_sparkline_get_summary (IptSparkline *self);
/* Draw across the course (property "show-course", a dashboard card): the phases shaded behind
 * the line, session 1 to the end of the contract, the cut-off dashed; otherwise a row's trend
 * fitted to its scores, coloured by the signal. */
void            ipt_sparkline_set_show_course (IptSparkline *self,
                                               gboolean      show_course);
gboolean        ipt_sparkline_get_show_course (IptSparkline *self);

G_END_DECLS
