/* Comparing a rendered picture with a reference PNG in tests/fixtures/charts/, within a
 * tolerance (fonts differ between machines); the actual picture and a map of the differing
 * pixels are written beside the test log when they differ. IPT_UPDATE_REFERENCES=1 writes the
 * reference instead. */
#pragma once

#include <cairo.h>
#include <glib.h>

#define PICTURE_CHANNEL_TOLERANCE 48
#define PICTURE_MAX_DIFFERING 0.006

static inline guint32
picture_pixel (cairo_surface_t *surface,
               int              x,
               int              y)
{
  unsigned char *row = cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface);

  return ((guint32 *) (void *) row)[x];
}

static inline void
picture_compare (cairo_surface_t *actual,
                 const char      *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "fixtures", "charts",
                                                           file, NULL);
  cairo_surface_t *reference;
  int w = cairo_image_surface_get_width (actual);
  int h = cairo_image_surface_get_height (actual);
  guint differing = 0;
  double fraction;

  cairo_surface_flush (actual);
  if (g_strcmp0 (g_getenv ("IPT_UPDATE_REFERENCES"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, reference_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", reference_path);
      return;
    }

  reference = cairo_image_surface_create_from_png (reference_path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (reference);
      g_test_fail_printf ("no reference picture %s (run with IPT_UPDATE_REFERENCES=1)",
                          reference_path);
      return;
    }
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, h);
  cairo_surface_flush (reference);

  {
    cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

    for (int y = 0; y < h; y++)
      {
        guint32 *out = (guint32 *) (void *) (cairo_image_surface_get_data (diff)
                                             + y * cairo_image_surface_get_stride (diff));

        for (int x = 0; x < w; x++)
          {
            guint32 a = picture_pixel (actual, x, y), b = picture_pixel (reference, x, y);
            int d = 0;

            for (int shift = 0; shift <= 24; shift += 8)
              d = MAX (d, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
            if (d > PICTURE_CHANNEL_TOLERANCE)
              {
                differing++;
                out[x] = 0xffff0000;
              }
            else
              out[x] = 0xff000000 | (((a >> 2) & 0x3f3f3f) + 0x808080);
          }
      }
    cairo_surface_mark_dirty (diff);

    fraction = (double) differing / (w * h);
    if (fraction > PICTURE_MAX_DIFFERING)
      {
        g_autofree char *actual_name = g_strconcat (name, "-actual.png", NULL);
        g_autofree char *diff_name = g_strconcat (name, "-diff.png", NULL);
        g_autofree char *actual_path = g_build_filename (g_test_get_dir (G_TEST_BUILT), actual_name, NULL);
        g_autofree char *diff_path = g_build_filename (g_test_get_dir (G_TEST_BUILT), diff_name, NULL);

        cairo_surface_write_to_png (actual, actual_path);
        cairo_surface_write_to_png (diff, diff_path);
        g_test_fail_printf ("%s: %.2f %% of the pixels differ from the reference (at most %.2f %%); "
                            "see %s and %s", name, fraction * 100, PICTURE_MAX_DIFFERING * 100,
                            actual_path, diff_path);
      }
    cairo_surface_destroy (diff);
  }
  cairo_surface_destroy (reference);
}
