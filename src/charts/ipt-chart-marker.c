/* Score markers stamped from a small image instead of filled as paths, on pixel targets.
 *
 * Filling a disc makes cairo flatten the arc and scan-convert the polygon; for the points of a
 * chart that was about half of its drawing time. On an image surface each marker is drawn once
 * into a small image and then copied where it goes: a pixel-aligned copy, with no filtering.
 * The copy lands on whole device pixels, so the points it marks are moved to the nearest pixel
 * centre (at most half a pixel), and the lines through them are drawn through the same
 * centres. */
#include "config.h"

#include <math.h>

#include "ipt-chart-marker.h"

struct _IptChartMarker
{
  cairo_surface_t *image;       /* its pixels are the target's pixels */
  double           device_x;    /* the target's device scale and offset */
  double           device_y;
  double           offset_x;
  double           offset_y;
  int              half;        /* pixels from the image's corner to its centre pixel */
};

static void
set_color (cairo_t             *cr,
           const IptChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

IptChartMarker *
ipt_chart_marker_new (cairo_t             *cr,
                      double               outer_radius,
                      double               inner_radius,
                      const IptChartColor *outer,
                      const IptChartColor *inner)
{
  cairo_surface_t *target = cairo_get_target (cr);
  IptChartMarker *marker;
  cairo_matrix_t ctm;
  double scale_x, scale_y;
  int size;
  cairo_t *mcr;

  g_return_val_if_fail (outer_radius > 0, NULL);

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return NULL;
  cairo_get_matrix (cr, &ctm);
  if (ctm.xy != 0 || ctm.yx != 0 || ctm.xx <= 0 || ctm.yy <= 0)
    return NULL;

  marker = g_new0 (IptChartMarker, 1);
  cairo_surface_get_device_scale (target, &marker->device_x, &marker->device_y);
  cairo_surface_get_device_offset (target, &marker->offset_x, &marker->offset_y);
  scale_x = ctm.xx * marker->device_x;
  scale_y = ctm.yy * marker->device_y;
  /* An odd number of pixels, so that the centre is a pixel's centre. */
  marker->half = (int) ceil (outer_radius * MAX (scale_x, scale_y)) + 1;
  size = 2 * marker->half + 1;

  marker->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  mcr = cairo_create (marker->image);
  cairo_translate (mcr, marker->half + 0.5, marker->half + 0.5);
  cairo_scale (mcr, scale_x, scale_y);
  cairo_arc (mcr, 0, 0, outer_radius, 0, 2 * G_PI);
  set_color (mcr, outer);
  cairo_fill (mcr);
  if (inner_radius > 0 && inner != NULL)
    {
      cairo_arc (mcr, 0, 0, inner_radius, 0, 2 * G_PI);
      set_color (mcr, inner);
      cairo_fill (mcr);
    }
  cairo_destroy (mcr);
  /* Painted with the target's device scale, one image pixel covers one target pixel. */
  cairo_surface_set_device_scale (marker->image, marker->device_x, marker->device_y);

  return marker;
}

void
ipt_chart_marker_free (IptChartMarker *marker)
{
  if (marker == NULL)
    return;
  cairo_surface_destroy (marker->image);
  g_free (marker);
}

void
ipt_chart_marker_snap (const IptChartMarker *marker,
                       cairo_t              *cr,
                       double               *x,
                       double               *y)
{
  double px = *x, py = *y;

  g_return_if_fail (marker != NULL);

  /* user space -> device space -> pixels, to the pixel's centre, and back */
  cairo_user_to_device (cr, &px, &py);
  px = floor (px * marker->device_x + marker->offset_x) + 0.5;
  py = floor (py * marker->device_y + marker->offset_y) + 0.5;
  px = (px - marker->offset_x) / marker->device_x;
  py = (py - marker->offset_y) / marker->device_y;
  cairo_device_to_user (cr, &px, &py);
  *x = px;
  *y = py;
}

void
ipt_chart_marker_stamp (const IptChartMarker *marker,
                        cairo_t              *cr,
                        double                x,
                        double                y)
{
  int size;
  double left, top;

  g_return_if_fail (marker != NULL);

  size = 2 * marker->half + 1;
  cairo_user_to_device (cr, &x, &y);
  left = floor (x * marker->device_x + marker->offset_x) - marker->half;
  top = floor (y * marker->device_y + marker->offset_y) - marker->half;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  left = (left - marker->offset_x) / marker->device_x;
  top = (top - marker->offset_y) / marker->device_y;
  cairo_set_source_surface (cr, marker->image, left, top);
  cairo_rectangle (cr, left, top, size / marker->device_x, size / marker->device_y);
  cairo_fill (cr);
  cairo_restore (cr);
}
