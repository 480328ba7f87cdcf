/* The mood chart widget's printing and export: the chart on paper and in files, drawn for paper
 * whatever the screen's style. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-mood-chart-view.h"

#include <glib/gi18n.h>

#include "ipt-chart-export.h"
#include "ipt-gui-private.h"
#include "ipt-mood-chart.h"

/* Printing --------------------------------------------------------------------------------- */

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              IptChartData      *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  IptChartStyle style;

  /* paper: dark text on white, whatever the screen's style */
  ipt_chart_style_init (&style, FALSE);
  style.font_family = "Cantarell,DejaVu Sans,Sans";
  style.font_size = 10;
  ipt_mood_chart_render (cr, data, &style, gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

static void
show_error (GtkWindow  *parent,
            const char *primary,
            GError     *error)
{
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  _ipt_message_dialog_name (dialog);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (parent, _("The chart could not be printed"), error);
    }
}

/* One A4 landscape page, drawn for paper whatever the screen's style. */
static GtkPrintOperation *
make_print_operation (IptChartData *data)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *job = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  /* TRANSLATORS: print job name, "Mood chart C-0042" */
  job = g_strdup_printf (_("Mood chart %s"), data->code);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         ipt_chart_data_ref (data), (GClosureNotify) (void (*) (void)) ipt_chart_data_unref, 0);
  return operation;
}

void
ipt_mood_chart_view_print (IptMoodChartView *self,
                           GtkWindow        *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (IPT_IS_MOOD_CHART_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (ipt_mood_chart_view_get_data (self) == NULL)
    return;

  operation = make_print_operation (ipt_mood_chart_view_get_data (self));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), parent);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, _("The chart could not be printed"), error);
}

gboolean
ipt_mood_chart_view_print_to_file (IptMoodChartView *self,
                                   const char       *path,
                                   GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ipt_mood_chart_view_get_data (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no chart to print"));
      return FALSE;
    }

  operation = make_print_operation (ipt_mood_chart_view_get_data (self));
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Export ----------------------------------------------------------------------------------- */

typedef struct
{
  IptMoodChartView *view;
  IptChartData     *data;
  GtkWindow        *parent;
} ExportRequest;

/* The file types offered, in the order of the chooser's filters. */
static const struct { const char *label; const char *pattern; IptChartFormat format; }
export_types[] = {
  { N_("PDF document (A4)"), "*.pdf", IPT_CHART_FORMAT_PDF },
  { N_("PNG image"), "*.png", IPT_CHART_FORMAT_PNG },
  { N_("SVG drawing"), "*.svg", IPT_CHART_FORMAT_SVG },
};

static void
export_request_free (ExportRequest *request)
{
  ipt_chart_data_unref (request->data);
  g_clear_object (&request->view);
  g_clear_object (&request->parent);
  g_free (request);
}

/* The type of the filter chosen in the dialog; FALSE when none is. */
static gboolean
chosen_format (GtkFileChooser *chooser,
               IptChartFormat *format)
{
  GtkFileFilter *chosen = gtk_file_chooser_get_filter (chooser);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  if (chosen == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (filters) && i < G_N_ELEMENTS (export_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (filter == chosen)
        {
          *format = export_types[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/* The type chosen in the list renames the file as the dialog shows it. */
static void
on_export_filter_changed (GtkFileChooser *chooser,
                          GParamSpec     *pspec,
                          gpointer        user_data)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *renamed = NULL;
  IptChartFormat format;

  if (name == NULL || *name == '\0' || !chosen_format (chooser, &format))
    return;
  renamed = ipt_chart_path_for_format (name, format);
  if (g_strcmp0 (renamed, name) != 0)
    gtk_file_chooser_set_current_name (chooser, renamed);
}

char *
_ipt_mood_chart_export_path (const char *chosen_path,
                             gboolean    has_format,
                             IptChartFormat format)
{
  IptChartFormat named;

  g_return_val_if_fail (chosen_path != NULL, NULL);

  /* the type chosen in the list wins over the name; without one, the name's, else PDF */
  if (has_format)
    return ipt_chart_path_for_format (chosen_path, format);
  if (ipt_chart_format_from_path (chosen_path, &named))
    return g_strdup (chosen_path);
  return ipt_chart_path_for_format (chosen_path, IPT_CHART_FORMAT_PDF);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      IptChartFormat format = IPT_CHART_FORMAT_PDF;
      gboolean has_format = chosen_format (GTK_FILE_CHOOSER (dialog), &format);

      if (chosen == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a local file"));
      else
        path = _ipt_mood_chart_export_path (chosen, has_format, format);
      if (error != NULL || !ipt_chart_export_data (request->data, path, &error))
        show_error (request->parent, _("The chart could not be exported"), error);
      else
        g_signal_emit_by_name (request->view, "exported", path);
    }

  export_request_free (request);
  g_object_unref (dialog);
}

GtkNativeDialog *
ipt_mood_chart_view_export (IptMoodChartView *self,
                            GtkWindow        *parent)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  ExportRequest *request;

  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  if (ipt_mood_chart_view_get_data (self) == NULL)
    return NULL;

  dialog = gtk_file_chooser_native_new (_("Export Mood Chart"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* de-identified: the file is named by the case code */
  /* TRANSLATORS: suggested file name, "C-0042 mood chart.pdf" */
  name = g_strdup_printf (_("%s mood chart.pdf"), ipt_mood_chart_view_get_data (self)->code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  _ipt_file_chooser_use_export_folder (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_types[i].label));
      gtk_file_filter_add_pattern (filter, export_types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      g_object_unref (filter);
    }
  g_signal_connect (dialog, "notify::filter", G_CALLBACK (on_export_filter_changed), NULL);

  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->data = ipt_chart_data_ref (ipt_mood_chart_view_get_data (self));
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  return GTK_NATIVE_DIALOG (dialog);
}
