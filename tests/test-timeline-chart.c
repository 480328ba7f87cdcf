/* Tests of the timeline chart: a picture, events worse and better in their colours, the PHQ-9
 * line, odd input survived. */
#include "config.h"

#include "ipt-timeline-chart.h"

#include "test-picture.h"

static const IptTimelineEvent events[] = {
  { "2025-11-03", "Jamie changed jobs", -3 },
  { "2025-12-24", "Row at Christmas", -5 },
  { "2026-02-14", "A weekend away with Jamie", 3 },
};
static const IptTimelineScore scores[] = {
  { "2026-01-05", 19 }, { "2026-01-12", 18 }, { "2026-01-19", 17 }, { "2026-02-02", 14 },
  { "2026-02-16", 12 }, { "2026-03-02", 9 }, { "2026-03-16", 7 },
};

static cairo_surface_t *
render (const IptTimelineEvent *e,
        guint                   n_e,
        const IptTimelineScore *s,
        guint                   n_s,
        int                     width,
        int                     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  IptChartStyle style;

  ipt_chart_style_init (&style, FALSE);
  style.font_family = "DejaVu Sans";
  ipt_timeline_chart_render (cr, e, n_e, s, n_s, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_rgb (cairo_surface_t *surface,
           guint32          rgb)
{
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = picture_pixel (surface, x, y);
        int d = 0;

        for (int shift = 0; shift <= 16; shift += 8)
          d = MAX (d, ABS ((int) ((p >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)));
        if (d <= 40)
          count++;
      }
  return count;
}

static void
test_picture (void)
{
  cairo_surface_t *surface = render (events, G_N_ELEMENTS (events), scores, G_N_ELEMENTS (scores),
                                     640, 240);
  cairo_surface_t *no_events = render (NULL, 0, scores, G_N_ELEMENTS (scores), 640, 240);

  picture_compare (surface, "timeline");
  /* worse in red, better in green, the PHQ-9 line in its series colour */
  g_assert_cmpuint (count_rgb (surface, 0xc01c28), >, 150);
  g_assert_cmpuint (count_rgb (surface, 0x1b7a4b), >, 40);
  g_assert_cmpuint (count_rgb (surface, 0x0072b2), >, 150);
  g_assert_cmpuint (count_rgb (no_events, 0xc01c28), ==, 0);
  cairo_surface_destroy (no_events);
  cairo_surface_destroy (surface);
}

static void
test_odd_input (void)
{
  static const IptTimelineEvent odd[] = {
    { "not a date", "Nothing", 2 }, { "2026-01-01", NULL, 9 }, { "2026-01-01", "Same day", -9 },
  };
  cairo_surface_t *surface;

  surface = render (NULL, 0, NULL, 0, 300, 120);
  cairo_surface_destroy (surface);
  surface = render (odd, G_N_ELEMENTS (odd), NULL, 0, 300, 120);
  cairo_surface_destroy (surface);
  surface = render (events, G_N_ELEMENTS (events), scores, G_N_ELEMENTS (scores), 10, 10);
  cairo_surface_destroy (surface);
}

static gboolean
is_dark (guint32 p)
{
  /* text in the light style's foreground, antialiased */
  return ((p >> 16) & 0xff) < 120 && ((p >> 8) & 0xff) < 120 && (p & 0xff) < 120;
}

/* A title stops before the next bar in its way, even on a narrow picture (the case report's). */
static void
test_titles_clear_bars (void)
{
  static const IptTimelineEvent close[] = {
    { "2025-01-06", "Started working from home full time, every single day", -2 },
    { "2025-01-30", "Closest friend moved abroad", -4 },
  };
  cairo_surface_t *surface = render (close, G_N_ELEMENTS (close), NULL, 0, 400, 190);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int runs[4] = { -1, -1, -1, -1 };   /* first and last columns of the two red bars */
  guint n_runs = 0;
  gboolean in_run = FALSE;
  guint dark = 0;

  for (int x = 0; x < width && n_runs <= 2; x++)
    {
      gboolean red = FALSE;

      for (int y = 0; y < height && !red; y++)
        {
          guint32 p = picture_pixel (surface, x, y);

          red = ((p >> 16) & 0xff) > 150 && ((p >> 8) & 0xff) < 80 && (p & 0xff) < 80;
        }
      if (red && !in_run && n_runs < 2)
        runs[2 * n_runs] = x;
      if (!red && in_run)
        runs[2 * n_runs++ + 1] = x - 1;
      in_run = red;
    }
  g_assert_cmpuint (n_runs, ==, 2);
  /* just either side of the second bar, above the months under the axis, no title: neither
   * the first one running on, nor its own pushed back from the picture's edge */
  for (int x = runs[2] - 2; x <= runs[3] + 2 && x < width; x++)
    for (int y = 0; y < height - 24; y++)
      if (x < runs[2] || x > runs[3])
        dark += is_dark (picture_pixel (surface, x, y));
  g_assert_cmpuint (dark, ==, 0);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/timeline/picture", test_picture);
  g_test_add_func ("/charts/timeline/odd-input", test_odd_input);
  g_test_add_func ("/charts/timeline/titles-clear-bars", test_titles_clear_bars);

  return g_test_run ();
}
