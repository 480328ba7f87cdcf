/* Writes mood charts to PNG, SVG and PDF files through the chart renderer, atomically. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-chart-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-mood-chart.h"
#include "ipt-output-file.h"
#include "ipt-store-casework.h"

/* Screen-sized files read well in a report or on a slide; PNGs at twice the density stay
 * sharp when zoomed. A4 landscape in points for PDF, with a 15 mm margin. */
#define SCREEN_WIDTH 1100.0
#define SCREEN_HEIGHT 620.0
#define PNG_SCALE 2.0
#define A4_WIDTH 841.89
#define A4_HEIGHT 595.28
#define A4_MARGIN 42.5

gboolean
ipt_chart_format_from_path (const char     *path,
                            IptChartFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = IPT_CHART_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = IPT_CHART_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = IPT_CHART_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

const char *
ipt_chart_format_to_extension (IptChartFormat format)
{
  switch (format)
    {
    case IPT_CHART_FORMAT_PNG:
      return ".png";
    case IPT_CHART_FORMAT_SVG:
      return ".svg";
    case IPT_CHART_FORMAT_PDF:
    default:
      return ".pdf";
    }
}

char *
ipt_chart_path_for_format (const char     *path,
                           IptChartFormat  format)
{
  IptChartFormat current;

  g_return_val_if_fail (path != NULL, NULL);

  if (ipt_chart_format_from_path (path, &current))
    {
      if (current == format)
        return g_strdup (path);
      {
        /* every chart extension has four characters */
        g_autofree char *stem = g_strndup (path, strlen (path) - 4);

        return g_strconcat (stem, ipt_chart_format_to_extension (format), NULL);
      }
    }
  return g_strconcat (path, ipt_chart_format_to_extension (format), NULL);
}

static IptChartData *
load_data (IptStore   *store,
           IptClient  *client,
           IptEpisode *episode,
           gboolean    with_names,
           GError    **error)
{
  g_autoptr(IptEpisode) current = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  IptChartData *data;
  GError *local_error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (IPT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (episode == NULL || IPT_IS_EPISODE (episode), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (episode == NULL)
    {
      current = ipt_store_get_current_episode (store, ipt_client_get_id (client), &local_error);
      if (current == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                         _("%s has no course to chart"), ipt_client_get_code (client));
          return NULL;
        }
      episode = current;
    }

  sessions = ipt_store_list_sessions (store, ipt_episode_get_id (episode), error);
  if (sessions == NULL)
    return NULL;
  scores = ipt_store_list_scores (store, ipt_episode_get_id (episode), error);
  if (scores == NULL)
    return NULL;
  events = ipt_store_list_life_events (store, ipt_client_get_id (client), error);
  if (events == NULL)
    return NULL;
  reviews = ipt_store_list_risk_reviews (store, ipt_episode_get_id (episode), error);
  if (reviews == NULL)
    return NULL;
  attendees = ipt_store_list_course_attendees (store, ipt_episode_get_id (episode), error);
  if (attendees == NULL)
    return NULL;

  data = ipt_chart_data_new (client, episode, sessions, scores, events);
  ipt_chart_data_set_risk_reviews (data, sessions, reviews);
  ipt_chart_data_set_attendees (data, sessions, attendees, with_names);
  return data;
}

IptChartData *
ipt_chart_export_load_data (IptStore   *store,
                            IptClient  *client,
                            IptEpisode *episode,
                            GError    **error)
{
  return load_data (store, client, episode, FALSE, error);
}

IptChartData *
ipt_chart_export_load_named_data (IptStore   *store,
                                  IptClient  *client,
                                  IptEpisode *episode,
                                  GError    **error)
{
  return load_data (store, client, episode, TRUE, error);
}

typedef struct
{
  IptOutputFile *output;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *bytes,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!ipt_output_file_write (sink->output, bytes, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
export_style (IptChartStyle *style,
              double         font_size)
{
  ipt_chart_style_init (style, FALSE);
  style->font_family = "Cantarell,DejaVu Sans,Sans";
  style->font_size = font_size;
}

static cairo_status_t
render_to_sink (const IptChartData *data,
                IptChartFormat      format,
                Sink               *sink)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  IptChartStyle style;
  cairo_t *cr;

  switch (format)
    {
    case IPT_CHART_FORMAT_PNG:
      export_style (&style, 13);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH * PNG_SCALE,
                                            SCREEN_HEIGHT * PNG_SCALE);
      cr = cairo_create (surface);
      cairo_scale (cr, PNG_SCALE, PNG_SCALE);
      ipt_mood_chart_render (cr, data, &style, SCREEN_WIDTH, SCREEN_HEIGHT);
      break;

    case IPT_CHART_FORMAT_SVG:
      export_style (&style, 13);
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, SCREEN_WIDTH, SCREEN_HEIGHT);
      cr = cairo_create (surface);
      ipt_mood_chart_render (cr, data, &style, SCREEN_WIDTH, SCREEN_HEIGHT);
      break;

    case IPT_CHART_FORMAT_PDF:
    default:
      {
        g_autofree char *title = g_strdup_printf (_("Mood chart %s"), data->code);

        export_style (&style, 10);
        surface = cairo_pdf_surface_create_for_stream (sink_write, sink, A4_WIDTH, A4_HEIGHT);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPT Casebook");
        cr = cairo_create (surface);
        cairo_translate (cr, A4_MARGIN, A4_MARGIN);
        ipt_mood_chart_render (cr, data, &style, A4_WIDTH - 2 * A4_MARGIN,
                               A4_HEIGHT - 2 * A4_MARGIN);
        cairo_show_page (cr);
      }
      break;
    }

  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == IPT_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, sink);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

gboolean
ipt_chart_export_data (const IptChartData *data,
                       const char         *output_path,
                       GError            **error)
{
  IptChartFormat format;
  cairo_status_t status;
  Sink sink = { NULL, NULL };

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_chart_format_from_path (output_path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: unknown chart type; name the file .png, .svg or .pdf"), output_path);
      return FALSE;
    }

  sink.output = ipt_output_file_open (output_path, error);
  if (sink.output == NULL)
    return FALSE;

  status = render_to_sink (data, format, &sink);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      ipt_output_file_abort (sink.output);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: drawing the chart failed: %s"), output_path,
                   cairo_status_to_string (status));
      ipt_output_file_abort (sink.output);
      return FALSE;
    }

  return ipt_output_file_commit (sink.output, error);
}

gboolean
ipt_chart_export (IptStore   *store,
                  const char *code,
                  const char *output_path,
                  GError    **error)
{
  g_autoptr(IptClient) client = NULL;
  g_autoptr(IptChartData) data = NULL;
  GError *local_error = NULL;
  IptChartFormat format;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refuse a bad name before reading anything. */
  if (!ipt_chart_format_from_path (output_path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: unknown chart type; name the file .png, .svg or .pdf"), output_path);
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

  data = ipt_chart_export_load_data (store, client, NULL, error);
  if (data == NULL)
    return FALSE;

  return ipt_chart_export_data (data, output_path, error);
}
