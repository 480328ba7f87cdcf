/* Tests of the closeness circle renderer: pictures, places, hit-testing, words. No display. */
#include "config.h"

#include <math.h>

#include "ipt-closeness-circle.h"

#include "test-picture.h"

#define TEST_FONT "DejaVu Sans"

/* The inventory of the mockup: a dispute with Jamie, the manager wished further away. */
static const IptCirclePerson people[] = {
  { 1, "Jamie", "Partner", 1, 2, TRUE },
  { 2, "Mum", "Mother", 1, 0, FALSE },
  { 3, "Priya", "Friend", 2, 1, FALSE },
  { 4, "Sam", "Brother", 2, 0, FALSE },
  { 5, "Lee", "Manager", 3, 0, FALSE },
  { 6, "Ana", "Colleague", 3, 0, FALSE },
};

static cairo_surface_t *
render (const IptCirclePerson  *list,
        guint                   n,
        const IptCircleOptions *options,
        gboolean                dark,
        int                     width,
        int                     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  IptChartStyle style;

  ipt_chart_style_init (&style, dark);
  style.font_family = TEST_FONT;
  ipt_closeness_circle_render (cr, list, n, options, &style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_pictures (void)
{
  IptCircleOptions plain = { FALSE, 0 };
  IptCircleOptions ideal = { TRUE, 3 };
  cairo_surface_t *surface;

  surface = render (people, G_N_ELEMENTS (people), &plain, FALSE, 480, 480);
  picture_compare (surface, "circle-inventory");
  cairo_surface_destroy (surface);

  surface = render (people, G_N_ELEMENTS (people), &ideal, TRUE, 520, 400);
  picture_compare (surface, "circle-ideal-dark");
  cairo_surface_destroy (surface);
}

/* Each person is drawn in the middle of their own ring's band, whatever the size. */
static void
test_places_on_rings (void)
{
  const int sizes[][2] = { { 480, 480 }, { 300, 600 }, { 900, 400 }, { 120, 120 } };
  IptCircleOptions options = { TRUE, 0 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      IptCirclePlace places[G_N_ELEMENTS (people)];
      double w = sizes[s][0], h = sizes[s][1];

      ipt_closeness_circle_layout (people, G_N_ELEMENTS (people), &options, w, h, places);
      for (guint i = 0; i < G_N_ELEMENTS (people); i++)
        {
          g_assert_cmpuint (ipt_closeness_circle_ring_at (w, h, places[i].x, places[i].y), ==,
                            people[i].ring);
          g_assert_cmpfloat (places[i].radius, >, 0);
          g_assert_cmpint (places[i].has_ideal, ==, people[i].ideal_ring != 0);
          if (places[i].has_ideal)
            g_assert_cmpuint (ipt_closeness_circle_ring_at (w, h, places[i].ideal_x,
                                                            places[i].ideal_y), ==,
                              people[i].ideal_ring);
          /* Markers of one ring do not overlap. */
          for (guint j = 0; j < i; j++)
            if (people[j].ring == people[i].ring)
              g_assert_cmpfloat (hypot (places[i].x - places[j].x, places[i].y - places[j].y), >,
                                 places[i].radius + places[j].radius);
        }
    }

  /* Without show_ideal nobody has an ideal place. */
  {
    IptCirclePlace places[G_N_ELEMENTS (people)];

    ipt_closeness_circle_layout (people, G_N_ELEMENTS (people), NULL, 400, 400, places);
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      g_assert_false (places[i].has_ideal);
  }
}

static void
test_hit_test (void)
{
  IptCirclePlace places[G_N_ELEMENTS (people)];
  IptCircleOptions options = { FALSE, 0 };

  ipt_closeness_circle_layout (people, G_N_ELEMENTS (people), &options, 480, 480, places);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_assert_cmpint (ipt_closeness_circle_hit_test (people, G_N_ELEMENTS (people), &options,
                                                      480, 480, places[i].x, places[i].y), ==, i);
      g_assert_cmpint (ipt_closeness_circle_hit_test (people, G_N_ELEMENTS (people), &options,
                                                      480, 480, places[i].x + places[i].radius * 0.7,
                                                      places[i].y), ==, i);
    }
  /* The client at the centre and the corners are nobody. */
  g_assert_cmpint (ipt_closeness_circle_hit_test (people, G_N_ELEMENTS (people), &options,
                                                  480, 480, 240, 240), ==, -1);
  g_assert_cmpint (ipt_closeness_circle_hit_test (people, G_N_ELEMENTS (people), &options,
                                                  480, 480, 2, 2), ==, -1);
  g_assert_cmpint (ipt_closeness_circle_hit_test (NULL, 0, NULL, 480, 480, 240, 100), ==, -1);

  /* Rings for dropping: the centre and outside are none. */
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, 240, 240), ==, 0);
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, 1, 1), ==, 0);
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, 240, 240 - 60), ==, 1);
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, 240, 240 - 140), ==, 2);
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, 240, 240 - 200), ==, 3);
}

/* Moving a person to another ring moves their marker there: what a drag or the keys 1-3 do. */
static void
test_move_changes_picture (void)
{
  IptCirclePerson moved[G_N_ELEMENTS (people)];
  IptCirclePlace before[G_N_ELEMENTS (people)], after[G_N_ELEMENTS (people)];

  memcpy (moved, people, sizeof people);
  moved[4].ring = 1;
  ipt_closeness_circle_layout (people, G_N_ELEMENTS (people), NULL, 480, 480, before);
  ipt_closeness_circle_layout (moved, G_N_ELEMENTS (moved), NULL, 480, 480, after);
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, before[4].x, before[4].y), ==, 3);
  g_assert_cmpuint (ipt_closeness_circle_ring_at (480, 480, after[4].x, after[4].y), ==, 1);
}

static void
test_describe (void)
{
  g_autofree char *jamie = ipt_closeness_circle_describe (&people[0]);
  g_autofree char *sam = ipt_closeness_circle_describe (&people[3]);
  IptCirclePerson bare = { 9, "Kim", NULL, 3, 0, FALSE };
  g_autofree char *kim = ipt_closeness_circle_describe (&bare);

  g_assert_cmpstr (jamie, ==, "Jamie, Partner: ring 1 (closest), the focus of the course; ideal ring 2");
  g_assert_cmpstr (sam, ==, "Sam, Brother: ring 2");
  g_assert_cmpstr (kim, ==, "Kim: ring 3 (least close)");
}

static void
test_focus_of (void)
{
  gint64 one[2] = { 4, 0 };
  gint64 two[2] = { 4, 7 };
  gint64 same[2] = { 4, 4 };
  IptCirclePerson main_person = { 4, "Jamie", NULL, 1, 0, IPT_CIRCLE_FOCUS_MAIN };
  IptCirclePerson secondary_person = { 7, "Ana", NULL, 2, 0, IPT_CIRCLE_FOCUS_SECONDARY };
  g_autofree char *main_text = ipt_closeness_circle_describe (&main_person);
  g_autofree char *secondary_text = ipt_closeness_circle_describe (&secondary_person);

  g_assert_cmpint (ipt_closeness_circle_focus_of (4, one, 2), ==, IPT_CIRCLE_FOCUS_ONLY);
  g_assert_cmpint (ipt_closeness_circle_focus_of (7, one, 2), ==, IPT_CIRCLE_FOCUS_NONE);
  g_assert_cmpint (ipt_closeness_circle_focus_of (4, two, 2), ==, IPT_CIRCLE_FOCUS_MAIN);
  g_assert_cmpint (ipt_closeness_circle_focus_of (7, two, 2), ==, IPT_CIRCLE_FOCUS_SECONDARY);
  g_assert_cmpint (ipt_closeness_circle_focus_of (4, same, 2), ==, IPT_CIRCLE_FOCUS_ONLY);
  g_assert_cmpint (ipt_closeness_circle_focus_of (0, one, 2), ==, IPT_CIRCLE_FOCUS_NONE);
  g_assert_cmpstr (main_text, ==, "Jamie: ring 1 (closest), the main focus of the course");
  g_assert_cmpstr (secondary_text, ==, "Ana: ring 2, the secondary focus of the course");
}

/* Many people, long names of any script, a tiny size: nothing fails, nothing is drawn outside. */
static void
test_crowded (void)
{
  IptCirclePerson crowd[40];
  g_autofree char *long_name = NULL;
  GString *name = g_string_new (NULL);
  cairo_surface_t *surface;

  for (guint i = 0; i < 60; i++)
    g_string_append (name, "Zoë 李 ");
  long_name = g_string_free (name, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (crowd); i++)
    crowd[i] = (IptCirclePerson) { i + 1, long_name, "Cousin", 1 + i % 3, 1 + (i + 1) % 3, i == 7 };

  surface = render (crowd, G_N_ELEMENTS (crowd), &(IptCircleOptions) { TRUE, 8 }, FALSE, 200, 160);
  cairo_surface_destroy (surface);
  surface = render (crowd, G_N_ELEMENTS (crowd), NULL, FALSE, 1, 1);
  cairo_surface_destroy (surface);
}

/* No person's label covers a ring's label or the client's disc (the trial's "Jamie · partner" on
 * "ring 1"), at the sizes the inventory shows the circle. */
static void
test_labels_clear (void)
{
  static const IptCirclePerson trial[] = {
    { 1, "Jamie", "partner", 1, 0, TRUE },
    { 2, "Sam", "sister", 1, 0, FALSE },
    { 3, "Pat O’Neill", "work colleague", 2, 0, FALSE },
  };
  static const char *names[] = { "Jamie", "Mum", "Priya", "Sam", "Lee", "Ana", "Kofi", "Wen",
                                 "Olu", "Marta", "Ines", "Dev", "Noor", "Theo", "Ruth" };
  static const char *relationships[] = { "Partner", "Mother", "Friend", "Brother", "Manager" };
  static const int sizes[][2] = { { 300, 260 }, { 360, 320 }, { 420, 380 }, { 480, 480 },
                                  { 520, 400 }, { 640, 560 }, { 800, 800 } };
  IptCirclePerson fifteen[G_N_ELEMENTS (names)];
  struct { const IptCirclePerson *list; guint n; } cases[] = {
    { trial, G_N_ELEMENTS (trial) },
    { trial, 1 },
    { people, G_N_ELEMENTS (people) },
    { fifteen, G_N_ELEMENTS (fifteen) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fifteen[i] = (IptCirclePerson) { i + 1, names[i], relationships[i % 5], 1 + i % 3, 0, i == 0 };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        int width = sizes[s][0], height = sizes[s][1];
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        cairo_t *cr = cairo_create (surface);
        g_autofree IptCircleBox *labels = g_new0 (IptCircleBox, cases[c].n);
        IptCircleBox fixed[IPT_CIRCLE_RINGS + 1];
        IptChartStyle style;

        ipt_chart_style_init (&style, FALSE);
        style.font_family = TEST_FONT;
        ipt_closeness_circle_render_boxes (cr, cases[c].list, cases[c].n, NULL, &style, width, height,
                                           labels, fixed);
        for (guint i = 0; i < cases[c].n; i++)
          for (guint f = 0; f <= IPT_CIRCLE_RINGS; f++)
            {
              const IptCircleBox *a = &labels[i], *b = &fixed[f];

              /* half a pixel of anti-aliasing is not an overlap */
              if (a->x + 0.5 < b->x + b->w && b->x + 0.5 < a->x + a->w
                  && a->y + 0.5 < b->y + b->h && b->y + 0.5 < a->y + a->h)
                g_test_fail_printf ("%dx%d: the label of %s (%.1f,%.1f %.1fx%.1f) covers %s",
                                    width, height, cases[c].list[i].name, a->x, a->y, a->w, a->h,
                                    f < IPT_CIRCLE_RINGS ? "a ring's label" : "the client's disc");
            }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/circle/pictures", test_pictures);
  g_test_add_func ("/charts/circle/places-on-rings", test_places_on_rings);
  g_test_add_func ("/charts/circle/hit-test", test_hit_test);
  g_test_add_func ("/charts/circle/move", test_move_changes_picture);
  g_test_add_func ("/charts/circle/describe", test_describe);
  g_test_add_func ("/charts/circle/focus-of", test_focus_of);
  g_test_add_func ("/charts/circle/crowded", test_crowded);
  g_test_add_func ("/charts/circle/labels-clear", test_labels_clear);

  return g_test_run ();
}
