/* Tests of the goal ratings chart: a picture, each goal's colour drawn, odd input survived. */
#include "config.h"

#include "ipt-goal-chart.h"

#include "test-picture.h"

static const IptGoalPoint talk[] = { { 4, 2 }, { 8, 4 }, { 12, 6 }, { 16, 9 } };
static const IptGoalPoint sleep_well[] = { { 4, 5 }, { 12, 7 }, { 16, 10 } };
static const IptGoalSeries goals[] = {
  { "Talk with Jamie about money without shouting", talk, G_N_ELEMENTS (talk) },
  { "Sleep through the night most nights", sleep_well, G_N_ELEMENTS (sleep_well) },
};

static cairo_surface_t *
render (const IptGoalSeries *list,
        guint                n,
        guint                last,
        gboolean             dark,
        int                  width,
        int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  IptChartStyle style;

  ipt_chart_style_init (&style, dark);
  style.font_family = "DejaVu Sans";
  ipt_goal_chart_render (cr, list, n, last, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels of (about) this colour. */
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
        if (d <= 24)
          count++;
      }
  return count;
}

static void
test_picture (void)
{
  cairo_surface_t *surface = render (goals, G_N_ELEMENTS (goals), 16, FALSE, 480, 220);

  picture_compare (surface, "goal-chart");
  /* both goals' colours are drawn: lines, dots and swatches */
  g_assert_cmpuint (count_rgb (surface, 0xcc79a7), >, 200);
  g_assert_cmpuint (count_rgb (surface, 0x0072b2), >, 200);
  cairo_surface_destroy (surface);
}

static void
test_odd_input (void)
{
  static const IptGoalPoint odd[] = { { 0, 5 }, { 3, 11 }, { 3, -1 }, { 99, 4 } };
  IptGoalSeries series = { NULL, odd, G_N_ELEMENTS (odd) };
  cairo_surface_t *surface;

  /* no goals: axes and words only; nothing of the goals' colours */
  surface = render (NULL, 0, 0, TRUE, 300, 150);
  g_assert_cmpuint (count_rgb (surface, 0xe7a4c9), ==, 0);
  cairo_surface_destroy (surface);
  /* ratings outside 0-10 and session 0 left out; a session past the plan widens the axis */
  surface = render (&series, 1, 16, FALSE, 300, 150);
  cairo_surface_destroy (surface);
  /* too small to draw */
  surface = render (goals, G_N_ELEMENTS (goals), 16, FALSE, 20, 10);
  cairo_surface_destroy (surface);
}

/* A lone rating at the last session of the axis (the trial's chart) is
 * drawn whole, inside the plot, not cut in half at its right edge. */
static void
test_point_inside (void)
{
  static const IptGoalPoint one[] = { { 2, 3 } };
  IptGoalSeries series = { "Talk with Jamie", one, G_N_ELEMENTS (one) };
  const int width = 330, height = 220;
  cairo_surface_t *surface;

  for (guint last = 1; last <= 2; last++)
    {
      int min_x = width, max_x = -1;
      guint count = 0;

      surface = render (&series, 1, last, FALSE, width, height);
      /* the plot, above the session numbers and the legend */
      for (int y = 0; y < 150; y++)
        for (int x = 30; x < width; x++)
          {
            guint32 p = picture_pixel (surface, x, y);
            int d = 0;

            for (int shift = 0; shift <= 16; shift += 8)
              d = MAX (d, ABS ((int) ((p >> shift) & 0xff) - (int) ((0xcc79a7 >> shift) & 0xff)));
            if (d <= 24)
              {
                min_x = MIN (min_x, x);
                max_x = MAX (max_x, x);
                count++;
              }
          }
      /* a whole dot of radius 3, clear of the plot's right side (width - 8) */
      g_assert_cmpuint (count, >=, 16);
      g_assert_cmpint (max_x - min_x, >=, 4);
      g_assert_cmpint (max_x, <, width - 8 - 4);
      cairo_surface_destroy (surface);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/goals/picture", test_picture);
  g_test_add_func ("/charts/goals/odd-input", test_odd_input);
  g_test_add_func ("/charts/goals/point-inside", test_point_inside);

  return g_test_run ();
}
