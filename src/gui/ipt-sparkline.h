/* A small PHQ-9 trend for a caseload row or a dashboard card, coloured by the case's signal. */
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

G_END_DECLS
