/* Helpers shared by the chart renderers and their data, not part of the public API. */
#pragma once

#include "ipt-chart-data.h"

G_BEGIN_DECLS

/* "1 Jun" for "2024-06-01"; NULL for NULL or a malformed date. */
char    *ipt_chart_format_date (const char *iso_date);
/* Days since 0001-01-01 of an ISO date; FALSE when malformed. */
gboolean ipt_chart_parse_date (const char *iso_date,
                               gint64     *days);
/* The signed change in words: "−14" with a real minus sign, "+3", "0". */
char    *ipt_chart_format_change (int change);
/* One measure's points as a series for the model's rules (g_free the result). */
IptSeriesPoint *_ipt_chart_data_series (const IptChartData *data,
                                        IptChartMeasure     m,
                                        guint              *n_points);

G_END_DECLS
