/* The case report: its sections in order, written as a PDF through the page writer. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-case-report-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-date-format.h"
#include "ipt-output-file.h"

static void
write_all (IptReportWriter     *w,
           const IptCaseReport *report,
           gboolean             include_name)
{
  const char *code = ipt_client_get_code (report->client);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *started = NULL;

  /* TRANSLATORS: the title of a case report, with the case code */
  title = g_strdup_printf (_("Case report %s"), code);
  _ipt_report_heading (w, 1, title);
  if (include_name)
    _ipt_report_field (w, _("Client"), ipt_client_get_display_name (report->client));
  /* TRANSLATORS: "Course 2, started 2026-01-05" */
  started = ipt_date_format_display (ipt_episode_get_start_date (report->episode));
  subtitle = g_strdup_printf (_("Course %u, started %s"), ipt_episode_get_ordinal (report->episode),
                              started);
  _ipt_report_paragraph (w, w->small, subtitle);

  _ipt_report_write_contract (w, report);
  _ipt_report_write_formulation (w, report);
  _ipt_report_write_inventory (w, report);
  _ipt_report_write_timeline (w, report);
  _ipt_report_write_scores (w, report);
  _ipt_report_write_risk (w, report);
  _ipt_report_write_outcome (w, report);
  _ipt_report_write_goals (w, report);
  _ipt_report_write_session_work (w, report);
  _ipt_report_write_ending (w, report);
  _ipt_report_finish (w);
}

/* Writing the file */

typedef struct
{
  IptOutputFile *file;
  GError        *error;  /* the first failure to write */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *bytes,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!ipt_output_file_write (sink->file, bytes, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
render_report (const IptCaseReport *report,
               gboolean             include_name,
               Sink                *sink)
{
  g_autofree char *header = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  IptReportWriter w;
  PangoContext *context;
  guint n_pages;
  cairo_t *cr;

  /* TRANSLATORS: the header of every page of a case report */
  header = g_strdup_printf (_("IPT Casebook · case report · %s"), ipt_client_get_code (report->client));
  title = g_strdup_printf (_("Case report %s"), ipt_client_get_code (report->client));

  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, IPT_REPORT_PAGE_WIDTH,
                                                 IPT_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPT Casebook");
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);

  /* First the pages are counted, with text measured exactly as it will be drawn. */
  _ipt_report_writer_init (&w, NULL, context, header, 0);
  write_all (&w, report, include_name);
  n_pages = w.page;
  _ipt_report_writer_clear (&w);

  _ipt_report_writer_init (&w, cr, context, header, n_pages);
  write_all (&w, report, include_name);
  _ipt_report_writer_clear (&w);

  g_object_unref (context);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
is_pdf_name (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL && g_ascii_strcasecmp (dot, ".pdf") == 0;
}

gboolean
ipt_case_report_write (const IptCaseReport *report,
                       const char          *output_path,
                       gboolean             include_name,
                       GError             **error)
{
  cairo_status_t status;
  Sink sink = { NULL, NULL };

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_pdf_name (output_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: a case report is a PDF; name the file .pdf"), output_path);
      return FALSE;
    }

  /* A regular file is replaced whole or left as it was; a device is written in place, never
   * replaced by a file. */
  sink.file = ipt_output_file_open (output_path, error);
  if (sink.file == NULL)
    return FALSE;

  status = render_report (report, include_name, &sink);
  if (sink.error != NULL)
    {
      ipt_output_file_abort (sink.file);
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      ipt_output_file_abort (sink.file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: drawing the report failed: %s"), output_path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return ipt_output_file_commit (sink.file, error);
}

gboolean
ipt_case_report_export (IptStore   *store,
                        const char *code,
                        const char *output_path,
                        gboolean    include_name,
                        GError    **error)
{
  g_autoptr(IptClient) client = NULL;
  g_autoptr(IptCaseReport) report = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refuse a bad name before reading anything. */
  if (!is_pdf_name (output_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: a case report is a PDF; name the file .pdf"), output_path);
      return FALSE;
    }

  client = ipt_store_find_client (store, code, &local_error);
  if (client == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                     _("No client with the code %s"), code);
      return FALSE;
    }

  report = ipt_case_report_load (store, client, NULL, error);
  if (report == NULL)
    return FALSE;
  return ipt_case_report_write (report, output_path, include_name, error);
}
