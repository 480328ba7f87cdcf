/* A client's mood chart written to a PNG, SVG or PDF file (A4 landscape), atomically. */
#pragma once

#include <gio/gio.h>

#include "ipt-chart-data.h"
#include "ipt-store.h"

G_BEGIN_DECLS

typedef enum
{
  IPT_CHART_FORMAT_PNG,
  IPT_CHART_FORMAT_SVG,
  IPT_CHART_FORMAT_PDF,
} IptChartFormat;

/* The format from the file name's extension (.png, .svg, .pdf, any case); FALSE otherwise. */
gboolean      ipt_chart_format_from_path (const char     *path,
                                          IptChartFormat *format);

/* ".png", ".svg" or ".pdf". */
const char   *ipt_chart_format_to_extension (IptChartFormat format);

/* path named for the format: a chart extension of another type is replaced ("x.pdf" as PNG is
 * "x.png"), a name without one gets the format's ("chart" as SVG is "chart.svg"). */
char         *ipt_chart_path_for_format (const char     *path,
                                         IptChartFormat  format);

/* What the chart of a client's course shows, read from the store. episode NULL: the current
 * course. Fails with IPT_STORE_ERROR_NOT_FOUND when the client has no course. The chart leaves
 * the practitioner's window: who attended joint sessions is named by relationship only. */
IptChartData *ipt_chart_export_load_data (IptStore   *store,
                                          IptClient  *client,
                                          IptEpisode *episode,
                                          GError    **error);
/* The same for the practitioner's own window: joint sessions name who attended
 * ("Jamie, partner"). */
IptChartData *ipt_chart_export_load_named_data (IptStore   *store,
                                                IptClient  *client,
                                                IptEpisode *episode,
                                                GError    **error);

/* Writes the chart to output_path, its type from the extension: first to a temporary file
 * beside it, then renamed over it, so a failure leaves no half-written file. Always in light
 * style (paper), every measure shown. */
gboolean      ipt_chart_export_data (const IptChartData *data,
                                     const char         *output_path,
                                     GError            **error);

/* The chart of the current course of the client with case code `code`. Errors: an unknown
 * extension (G_IO_ERROR_INVALID_ARGUMENT), an unknown code or no course
 * (IPT_STORE_ERROR_NOT_FOUND), store and file errors; each a single translated line. */
gboolean      ipt_chart_export (IptStore   *store,
                                const char *code,
                                const char *output_path,
                                GError    **error);

G_END_DECLS
