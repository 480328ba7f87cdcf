/* The mood chart as a widget: measure toggles, hover tooltips, print and export. The focus in
 * its title is named as the preferences say (property "us-wording", bound to them). */
#pragma once

#include <gtk/gtk.h>

#include "ipt-chart-data.h"
#include "ipt-chart-export.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_MOOD_CHART_VIEW (ipt_mood_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (IptMoodChartView, ipt_mood_chart_view, IPT, MOOD_CHART_VIEW, GtkWidget)

IptMoodChartView *ipt_mood_chart_view_new (void);

/* What the chart shows (property "data"); NULL shows an empty state. */
void              ipt_mood_chart_view_set_data (IptMoodChartView *self,
                                                IptChartData     *data);
IptChartData     *ipt_mood_chart_view_get_data (IptMoodChartView *self);
/* Shows course_id of client_id from store (any of them NULL or 0: an empty chart). The chart
 * reads it itself and follows the store's announcements of that client; it is told again only
 * when another course is to be shown. A course that cannot be read leaves the chart empty. */
void              ipt_mood_chart_view_set_course (IptMoodChartView *self,
                                                  IptStore         *store,
                                                  gint64            client_id,
                                                  gint64            course_id);

/* Measure toggles (properties "show-phq9", "show-gad7", "show-wsas", bindable to a toggle
 * button's "active"). */
void              ipt_mood_chart_view_set_measure_visible (IptMoodChartView *self,
                                                           IptChartMeasure   measure,
                                                           gboolean          visible);
gboolean          ipt_mood_chart_view_get_measure_visible (IptMoodChartView *self,
                                                           IptChartMeasure   measure);

/* The title drawn over the chart, NULL when there is none. Newly allocated. */
char             *ipt_mood_chart_view_dup_title (IptMoodChartView *self);
/* The chart in words, as given to screen readers (also the accessible description). */
const char       *ipt_mood_chart_view_get_description (IptMoodChartView *self);

/* Prints the chart on one page (A4 landscape by default) through the print dialog. */
void              ipt_mood_chart_view_print (IptMoodChartView *self,
                                             GtkWindow        *parent);
/* Prints the chart as the print dialog would, into a PDF file, without asking. */
gboolean          ipt_mood_chart_view_print_to_file (IptMoodChartView *self,
                                                     const char       *path,
                                                     GError          **error);
/* Asks for a file name and writes the chart as PDF, PNG or SVG: the type chosen in the dialog's
 * list sets the file's extension (see _ipt_mood_chart_export_path), and "exported" is emitted
 * with the file's path once written. Returns the file chooser shown (owned by the export: it
 * goes when answered), or NULL when there is no chart. */
GtkNativeDialog  *ipt_mood_chart_view_export (IptMoodChartView *self,
                                              GtkWindow        *parent);

/* The file an export writes: chosen_path with the extension of the type chosen in the list
 * (has_format), else as named when it has a chart extension, else with ".pdf". */
char             *_ipt_mood_chart_export_path (const char     *chosen_path,
                                               gboolean        has_format,
                                               IptChartFormat  format);

G_END_DECLS
