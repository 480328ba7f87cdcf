/* Tests of the chart renderers, their words and data, and sparklines: no display needed. */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ipt-chart-marker.h"
#include "ipt-mood-chart-private.h"
#include "ipt-mood-chart.h"
#include "ipt-sparkline-renderer.h"

#include "fixtures/charts/charts-fixtures.h"
#include "test-charts-common.h"

/* Fonts differ between machines, so pictures are compared with a tolerance: a pixel differs
 * when a channel is off by more than CHANNEL_TOLERANCE, and at most MAX_DIFFERING of the
 * pixels may differ. A missing line, band or label moves far more than that. */
#define CHANNEL_TOLERANCE 48
#define MAX_DIFFERING 0.006
#define TEST_FONT "DejaVu Sans"

static char *tmp_dir;

static void
test_style (IptChartStyle *style,
            gboolean       dark)
{
  ipt_chart_style_init (style, dark);
  style->font_family = TEST_FONT;
}

static cairo_surface_t *
render (const IptChartData  *data,
        const IptChartStyle *style,
        int                  width,
        int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  ipt_mood_chart_render (cr, data, style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *row = cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface);

  return ((guint32 *) (void *) row)[x];
}

/* How many pixels have (about) this colour. */
static guint
count_color (cairo_surface_t *surface,
             guint32          rgb,
             int              tolerance)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint count = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = pixel_at (surface, x, y);

        if (ABS ((int) ((p >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff)) <= tolerance
            && ABS ((int) ((p >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff)) <= tolerance
            && ABS ((int) (p & 0xff) - (int) (rgb & 0xff)) <= tolerance)
          count++;
      }

  return count;
}

/* Reference pictures ----------------------------------------------------------------------- */

static void
compare_with_reference (cairo_surface_t *actual,
                        const char      *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "fixtures", "charts",
                                                           file, NULL);
  cairo_surface_t *reference;
  cairo_surface_t *diff;
  int w = cairo_image_surface_get_width (actual);
  int h = cairo_image_surface_get_height (actual);
  guint differing = 0;
  double fraction;

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

  diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_flush (reference);
  for (int y = 0; y < h; y++)
    {
      guint32 *out = (guint32 *) (void *) (cairo_image_surface_get_data (diff)
                                           + y * cairo_image_surface_get_stride (diff));

      for (int x = 0; x < w; x++)
        {
          guint32 a = pixel_at (actual, x, y), b = pixel_at (reference, x, y);
          int d = 0;

          for (int shift = 0; shift <= 24; shift += 8)
            d = MAX (d, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
          if (d > CHANNEL_TOLERANCE)
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
  if (fraction > MAX_DIFFERING)
    {
      g_autofree char *actual_name = g_strconcat (name, "-actual.png", NULL);
      g_autofree char *diff_name = g_strconcat (name, "-diff.png", NULL);
      g_autofree char *actual_path = g_build_filename (g_test_get_dir (G_TEST_BUILT), actual_name, NULL);
      g_autofree char *diff_path = g_build_filename (g_test_get_dir (G_TEST_BUILT), diff_name, NULL);

      cairo_surface_write_to_png (actual, actual_path);
      cairo_surface_write_to_png (diff, diff_path);
      g_test_fail_printf ("%s: %.2f %% of the pixels differ from the reference (at most %.2f %%); "
                          "see %s and %s", name, fraction * 100, MAX_DIFFERING * 100,
                          actual_path, diff_path);
    }

  cairo_surface_destroy (diff);
  cairo_surface_destroy (reference);
}

typedef struct
{
  const char     *name;
  IptChartData *(*build) (void);
  gboolean        dark;
  int             width;
  int             height;
} ReferenceCase;

static const ReferenceCase reference_cases[] = {
  { "role-dispute-ended", fixture_role_dispute, FALSE, 1100, 600 },
  { "middle-phase-600x300", fixture_middle, FALSE, 600, 300 },
  { "maintenance-dark", fixture_maintenance, TRUE, 900, 500 },
  { "deterioration", fixture_deterioration, FALSE, 900, 500 },
};

static void
test_reference (gconstpointer user_data)
{
  const ReferenceCase *c = user_data;
  g_autoptr(IptChartData) data = c->build ();
  IptChartStyle style;
  cairo_surface_t *surface;

  test_style (&style, c->dark);
  surface = render (data, &style, c->width, c->height);
  compare_with_reference (surface, c->name);
  cairo_surface_destroy (surface);
}

/* No text over a line or another text ------------------------------------------------------ */

static gboolean
boxes_overlap (const IptChartBox *a,
               const IptChartBox *b)
{
  /* half a pixel of anti-aliasing is not an overlap */
  return a->x + 0.5 < b->x + b->w && b->x + 0.5 < a->x + a->w
         && a->y + 0.5 < b->y + b->h && b->y + 0.5 < a->y + a->h;
}

static gboolean
segment_crosses_box (const IptChartSegment *s,
                     const IptChartBox     *b)
{
  double length = hypot (s->x1 - s->x0, s->y1 - s->y0);
  guint steps = MAX (1, (guint) (length * 2));
  double half = s->width / 2 - 0.25;

  for (guint i = 0; i <= steps; i++)
    {
      double x = s->x0 + (s->x1 - s->x0) * i / steps;
      double y = s->y0 + (s->y1 - s->y0) * i / steps;

      if (x + half > b->x && x - half < b->x + b->w && y + half > b->y && y - half < b->y + b->h)
        return TRUE;
    }
  return FALSE;
}

static void
assert_no_overlap (const IptChartData *data,
                   gboolean            dark,
                   double              width,
                   double              height)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (IptChartBox));
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (IptChartSegment));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  IptChartStyle style;

  test_style (&style, dark);
  ipt_mood_chart_render_recorded (cr, data, &style, width, height, boxes, segments);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (boxes->len, >, 5);
  g_assert_cmpuint (segments->len, >, 0);

  for (guint i = 0; i < boxes->len; i++)
    {
      const IptChartBox *a = &g_array_index (boxes, IptChartBox, i);

      if (a->w <= 0 || a->h <= 0)
        continue;
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const IptChartBox *b = &g_array_index (boxes, IptChartBox, j);

          if (b->w > 0 && b->h > 0 && boxes_overlap (a, b))
            g_test_fail_printf ("%.0fx%.0f: text %u (%.1f,%.1f %.1fx%.1f) overlaps text %u "
                                "(%.1f,%.1f %.1fx%.1f)", width, height, i, a->x, a->y, a->w,
                                a->h, j, b->x, b->y, b->w, b->h);
        }
      for (guint j = 0; j < segments->len; j++)
        {
          const IptChartSegment *s = &g_array_index (segments, IptChartSegment, j);

          if (segment_crosses_box (s, a))
            g_test_fail_printf ("%.0fx%.0f: text %u (%.1f,%.1f %.1fx%.1f) overlaps the line "
                                "(%.1f,%.1f)-(%.1f,%.1f)", width, height, i, a->x, a->y, a->w,
                                a->h, s->x0, s->y0, s->x1, s->y1);
        }
    }
}

static void
test_no_overlap (void)
{
  IptChartData *(*builders[]) (void) = {
    fixture_role_dispute, fixture_middle, fixture_maintenance, fixture_deterioration,
    fixture_joint,
  };
  static const double sizes[][2] = {
    { 600, 300 }, { 900, 500 }, { 1100, 600 }, { 1600, 900 }, { 756.9, 510.3 } /* A4 page */,
    { 420, 260 },
  };

  for (guint b = 0; b < G_N_ELEMENTS (builders); b++)
    {
      g_autoptr(IptChartData) data = builders[b] ();

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        assert_no_overlap (data, b % 2 == 1, sizes[s][0], sizes[s][1]);
    }
}

/* Edge cases draw --------------------------------------------------------------------------- */

static void
test_empty_course (void)
{
  g_autoptr(IptChartData) data = ipt_chart_data_new_from_arrays ("C-0100", IPT_FOCUS_NONE,
                                                                 IPT_EPISODE_STATUS_ACTIVE, 16,
                                                                 4, 12, NULL, 0, NULL, 0, NULL, 0);
  IptChartStyle style;
  cairo_surface_t *surface;
  IptChartColor phq9;

  test_style (&style, FALSE);
  surface = render (data, &style, 900, 500);
  /* phases are drawn (the middle tint covers a good part), no series colour anywhere */
  g_assert_cmpuint (count_color (surface, 0xffffff, 0), <, 900 * 500 * 0.8);
  ipt_chart_style_get_series_color (&style, IPT_CHART_MEASURE_PHQ9, &phq9);
  g_assert_cmpuint (count_color (surface, ((guint32) (phq9.red * 255) << 16)
                                          | ((guint32) (phq9.green * 255) << 8)
                                          | (guint32) (phq9.blue * 255), 8), ==, 0);
  cairo_surface_destroy (surface);

  /* degenerate sizes draw nothing and do not fail */
  surface = render (data, &style, 1, 1);
  cairo_surface_destroy (surface);
  surface = render (data, &style, 40, 30);
  cairo_surface_destroy (surface);
  assert_no_overlap (data, FALSE, 900, 500);
}

static void
test_one_score (void)
{
  static const IptChartSession sessions[] = { { 1, (char *) "2025-05-05", IPT_ATTENDANCE_ATTENDED, 0 } };
  static const IptChartScore scores[] = { { 1, "phq9", 18, 0 } };
  g_autoptr(IptChartData) data = ipt_chart_data_new_from_arrays ("C-0101", IPT_FOCUS_GRIEF,
                                                                 IPT_EPISODE_STATUS_ACTIVE, 12,
                                                                 3, 9, sessions, 1, scores, 1,
                                                                 NULL, 0);
  IptChartStyle style;
  cairo_surface_t *surface;
  IptChartHit hit;
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context;

  test_style (&style, FALSE);
  surface = render (data, &style, 900, 500);
  /* the single point is drawn in the PHQ-9 colour (#0072b2) */
  g_assert_cmpuint (count_color (surface, 0x0072b2, 10), >, 10);
  cairo_surface_destroy (surface);
  assert_no_overlap (data, FALSE, 900, 500);

  context = pango_font_map_create_context (font_map);
  g_assert_false (ipt_mood_chart_hit_test (context, data, &style, 900, 500, 5, 5, &hit));
  g_object_unref (context);
}

static void
test_twenty_sessions (void)
{
  g_autoptr(IptChartData) data = fixture_maintenance ();
  IptChartStyle style;
  cairo_surface_t *surface;

  g_assert_cmpuint (ipt_chart_data_get_last_number (data), ==, 20);
  g_assert_cmpuint (ipt_chart_data_get_current_session (data), ==, 20);
  g_assert_cmpint (ipt_chart_data_find_session (data, 18)->phase, ==, IPT_PHASE_MAINTENANCE);

  test_style (&style, FALSE);
  surface = render (data, &style, 1100, 600);
  g_assert_cmpuint (count_color (surface, 0x0072b2, 10), >, 200);
  g_assert_cmpuint (count_color (surface, 0xd55e00, 10), >, 200);
  g_assert_cmpuint (count_color (surface, 0x009e73, 10), >, 200);
  cairo_surface_destroy (surface);
}

/* Attended sessions drive the chart: missed appointments keep their place on the axis, the
 * bands begin and end at the attended sessions that open and close each phase, and sessions
 * after the end date are maintenance, out of the outcome. */
static void
test_missed_appointments (void)
{
  g_autoptr(IptClient) client = ipt_client_new ("C-0300");
  g_autoptr(IptEpisode) episode = ipt_episode_new (1, "2025-01-06", 8);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IptChartData) data = NULL;
  g_autoptr(IptChartData) running = NULL;
  g_autoptr(IptOutcome) outcome = NULL;
  g_autofree char *text = NULL;
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  /* 8 planned (2 / 6): appointments 1 to 12; 3 and 9 missed; ended on the 10th's date. */
  static const int totals[] = { 18, 16, 0, 14, 12, 11, 9, 8, 0, 6, 20, 21 };
  guint first = 0, last = 0;

  ipt_episode_set_id (episode, 9);
  ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ENDED);
  ipt_episode_set_end_date (episode, "2025-03-10");
  for (guint n = 1; n <= 12; n++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 1, 6, 0, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_days (day, 7 * (n - 1));
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      IptSession *session = ipt_session_new (9, n, date);
      IptScore *score;

      ipt_session_set_id (session, 300 + n);
      if (n == 3 || n == 9)
        ipt_session_set_attendance (session, IPT_ATTENDANCE_DID_NOT_ATTEND);
      g_ptr_array_add (sessions, session);
      if (totals[n - 1] == 0)
        continue;
      score = ipt_score_new_from_total (phq9, totals[n - 1]);
      ipt_score_set_session_id (score, 300 + n);
      g_ptr_array_add (scores, score);
    }

  data = ipt_chart_data_new (client, episode, sessions, scores, NULL);
  /* 2025-03-10 is appointment 10: 11 and 12 come after the end. */
  g_assert_cmpuint (ipt_chart_data_get_sessions_attended (data), ==, 8);
  g_assert_cmpuint (ipt_chart_data_get_current_session (data), ==, 12);
  g_assert_cmpint (ipt_chart_data_find_session (data, 3)->phase, ==, IPT_PHASE_MIDDLE);
  g_assert_cmpint (ipt_chart_data_find_session (data, 7)->phase, ==, IPT_PHASE_MIDDLE);
  g_assert_cmpint (ipt_chart_data_find_session (data, 8)->phase, ==, IPT_PHASE_END);
  g_assert_cmpint (ipt_chart_data_find_session (data, 11)->phase, ==, IPT_PHASE_MAINTENANCE);
  g_assert_true (ipt_course_map_phase_span (data->course, IPT_PHASE_MIDDLE, FALSE, &first, &last));
  g_assert_cmpuint (first, ==, 4);
  g_assert_cmpuint (last, ==, 7);
  g_assert_true (ipt_course_map_phase_span (data->course, IPT_PHASE_END, FALSE, &first, &last));
  g_assert_cmpuint (first, ==, 8);
  g_assert_cmpuint (last, ==, 10);

  outcome = ipt_chart_data_compute_outcome (data);
  g_assert_cmpint (outcome->phq9_last, ==, 6);
  g_assert_cmpint (outcome->category, ==, IPT_OUTCOME_RELIABLE_RECOVERY);
  text = ipt_chart_data_describe (data);
  g_assert_nonnull (strstr (text, "course ended at session 8 of 8"));
  /* totals only: item 9 is not known at these sessions, which is not "no risk" */
  g_clear_pointer (&text, g_free);
  text = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 0);
  g_assert_true (g_str_has_suffix (text, "\nItem 9 not known"));
  g_clear_pointer (&text, g_free);
  text = _ipt_mood_chart_subtitle (data);
  g_assert_cmpstr (text, ==, "Ended \u00b7 8 sessions attended, the last one session 10 \u00b7 "
                             "2 maintenance sessions \u00b7 Reliable recovery");

  /* Running, after appointment 5 (3 missed): session 4 of 8, middle; the rest projected. */
  g_ptr_array_set_size (sessions, 5);
  ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ACTIVE);
  ipt_episode_set_end_date (episode, NULL);
  running = ipt_chart_data_new (client, episode, sessions, scores, NULL);
  g_assert_cmpuint (ipt_chart_data_get_sessions_attended (running), ==, 4);
  g_assert_cmpuint (ipt_chart_data_get_last_number (running), ==, 9);
  g_clear_pointer (&text, g_free);
  text = ipt_chart_data_describe (running);
  g_assert_nonnull (strstr (text, "session 4 of 8, middle phase"));
  g_clear_pointer (&text, g_free);
  text = _ipt_mood_chart_subtitle (running);
  g_assert_true (g_str_has_prefix (text, "Middle phase \u00b7 session 4 of 8"));
  g_assert_true (ipt_course_map_phase_span (running->course, IPT_PHASE_END, TRUE, &first, &last));
  g_assert_cmpuint (first, ==, 8);
  g_assert_cmpuint (last, ==, 9);
}

static void
test_hidden_measures (void)
{
  g_autoptr(IptChartData) data = fixture_role_dispute ();
  IptChartStyle style;
  cairo_surface_t *surface;

  test_style (&style, FALSE);
  style.show_measure[IPT_CHART_MEASURE_GAD7] = FALSE;
  style.show_measure[IPT_CHART_MEASURE_WSAS] = FALSE;
  surface = render (data, &style, 900, 500);
  g_assert_cmpuint (count_color (surface, 0x0072b2, 10), >, 200);
  g_assert_cmpuint (count_color (surface, 0xd55e00, 10), ==, 0);
  g_assert_cmpuint (count_color (surface, 0x009e73, 10), ==, 0);
  cairo_surface_destroy (surface);
}

/* The dark style keeps its contrast: lighter series colours and no white background. */
static void
test_dark_style (void)
{
  g_autoptr(IptChartData) data = fixture_deterioration ();
  IptChartStyle style;
  IptChartColor light_red, dark_red;
  cairo_surface_t *surface;

  test_style (&style, TRUE);
  ipt_chart_style_get_signal_color (&style, IPT_SIGNAL_RISK, &dark_red);
  style.dark = FALSE;
  ipt_chart_style_get_signal_color (&style, IPT_SIGNAL_RISK, &light_red);
  style.dark = TRUE;
  g_assert_cmpfloat (dark_red.red + dark_red.green + dark_red.blue, >,
                     light_red.red + light_red.green + light_red.blue + 0.5);

  surface = render (data, &style, 900, 500);
  g_assert_cmpuint (count_color (surface, 0xffffff, 0), <, 900 * 500 / 50);
  g_assert_cmpuint (count_color (surface, 0x56b4e9, 10), >, 100);
  cairo_surface_destroy (surface);
}

/* Hover: the point under the pointer. */
static void
test_hit_test (void)
{
  g_autoptr(IptChartData) data = fixture_role_dispute ();
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_surface_t *surface;
  IptChartStyle style;
  guint found[IPT_CHART_N_MEASURES] = { 0, };

  test_style (&style, FALSE);
  surface = render (data, &style, 900, 500);

  for (int y = 0; y < 500; y += 4)
    for (int x = 0; x < 900; x += 9)
      {
        IptChartHit hit, again;

        if (!ipt_mood_chart_hit_test (context, data, &style, 900, 500, x, y, &hit))
          continue;
        g_assert_cmpuint (hit.index, <, data->n_points[hit.measure]);
        g_assert_cmpfloat (fabs (hit.x - x), <=, 40);
        /* a hit is stable at the point itself */
        g_assert_true (ipt_mood_chart_hit_test (context, data, &style, 900, 500, hit.x, hit.y, &again));
        g_assert_cmpint (again.measure, ==, hit.measure);
        g_assert_cmpuint (again.index, ==, hit.index);
        found[hit.measure] |= 1;
      }

  /* every measure can be hovered, and a point is where it was drawn (its ring in its colour) */
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    g_assert_cmpuint (found[m], ==, 1);
  {
    IptChartHit hit;
    guint32 p;
    IptChartColor c;

    g_assert_true (ipt_mood_chart_hit_test (context, data, &style, 900, 500, 450, 120, &hit));
    ipt_chart_style_get_series_color (&style, hit.measure, &c);
    p = pixel_at (surface, (int) round (hit.x + 3.6), (int) round (hit.y));
    g_assert_cmpint (ABS ((int) ((p >> 16) & 0xff) - (int) (c.red * 255)), <, 90);
    g_assert_cmpint (ABS ((int) (p & 0xff) - (int) (c.blue * 255)), <, 90);
  }
  {
    IptChartHit nowhere;

    g_assert_false (ipt_mood_chart_hit_test (context, data, &style, 900, 500, 2, 2, &nowhere));
  }
  g_object_unref (context);

  cairo_surface_destroy (surface);
}

/* Words ------------------------------------------------------------------------------------ */

static void
test_describe (void)
{
  struct
  {
    IptChartData *(*build) (void);
    const char   *expected;
  } cases[] = {
    { fixture_role_dispute,
      /* 16 appointments, the 7th missed: 15 sessions */
      "Mood chart of C-0042, course ended at session 15 of 16. "
      "PHQ-9 fell from 19, moderately severe, to 5, mild, over 15 sessions; reliable improvement, "
      "now below the cut-off of 10. "
      "GAD-7 fell from 13, moderate, to 4, minimal, over 15 sessions; reliable improvement, "
      "now below the cut-off of 8. "
      "WSAS fell from 24, moderately severe or worse, to 9, subclinical, over 15 sessions; "
      "reliable improvement." },
    { fixture_middle,
      "Mood chart of C-0017, session 8 of 16, middle phase. "
      "PHQ-9 fell from 19, moderately severe, to 16, moderately severe, over 8 sessions; "
      "no reliable change. "
      "GAD-7 fell from 13, moderate, to 10, moderate, over 8 sessions; no reliable change." },
    { fixture_deterioration,
      "Mood chart of C-0029, session 4 of 8, middle phase. "
      "PHQ-9 rose from 11, moderate, to 18, moderately severe, over 4 sessions; "
      "reliable deterioration. "
      "GAD-7 rose from 9, mild, to 14, moderate, over 4 sessions; reliable deterioration." },
    { fixture_maintenance,
      "Mood chart of C-0051, maintenance phase after a 16-session course. "
      "PHQ-9 fell from 22, severe, to 5, mild, over 18 sessions; reliable improvement, "
      "now below the cut-off of 10. "
      "GAD-7 fell from 16, severe, to 4, minimal, over 18 sessions; reliable improvement, "
      "now below the cut-off of 8. "
      "WSAS fell from 30, moderately severe or worse, to 7, subclinical, over 18 sessions; "
      "reliable improvement." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IptChartData) data = cases[i].build ();
      g_autofree char *text = ipt_chart_data_describe (data);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autoptr(IptChartData) empty = ipt_chart_data_new_from_arrays ("C-0100", IPT_FOCUS_NONE,
                                                                    IPT_EPISODE_STATUS_ACTIVE,
                                                                    16, 4, 12, NULL, 0, NULL, 0,
                                                                    NULL, 0);
    g_autofree char *text = ipt_chart_data_describe (empty);

    g_assert_cmpstr (text, ==, "Mood chart of C-0100: no session attended yet. No scores recorded yet.");
  }
  {
    static const IptChartSession sessions[] = { { 1, (char *) "2025-05-05", IPT_ATTENDANCE_ATTENDED, 0 } };
    static const IptChartScore scores[] = { { 1, "phq9", 18, 0 } };
    g_autoptr(IptChartData) one = ipt_chart_data_new_from_arrays ("C-0101", IPT_FOCUS_NONE,
                                                                  IPT_EPISODE_STATUS_ACTIVE, 12,
                                                                  3, 9, sessions, 1, scores, 1,
                                                                  NULL, 0);
    g_autofree char *text = ipt_chart_data_describe (one);

    g_assert_cmpstr (text, ==, "Mood chart of C-0101, session 1 of 12, assessment phase. "
                               "PHQ-9 was 18, moderately severe, at session 1; one score so far.");
  }
}

/* The phase inside the description is the language's own phrase, not the phase's label
 * lowercased: German capitalises its nouns ("Mittelphase"). A catalogue without the phrase keeps
 * the label lowercased. Run in German and Spanish too. */
static void
assert_phase_described (IptChartData *data,
                        IptPhase      phase,
                        const char   *english,
                        const char   *phrase)
{
  g_autofree char *text = ipt_chart_data_describe (data);
  g_autofree char *expected = g_str_equal (phrase, english)
                                ? g_utf8_strdown (ipt_phase_to_label (phase), -1)
                                : g_strdup (phrase);

  g_assert_nonnull (strstr (text, expected));
}

static void
test_describe_phase (void)
{
  g_autoptr(IptChartData) middle = fixture_middle ();
  g_autoptr(IptChartData) maintenance = fixture_maintenance ();

  assert_phase_described (middle, IPT_PHASE_MIDDLE, "middle",
                          C_("phase in a sentence", "middle"));
  assert_phase_described (maintenance, IPT_PHASE_MAINTENANCE, "maintenance",
                          C_("phase in a sentence", "maintenance"));
}

static void
test_describe_point (void)
{
  g_autoptr(IptChartData) data = fixture_role_dispute ();
  g_autofree char *first = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 0);
  g_autofree char *risk = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 1);
  g_autofree char *later = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 8);
  g_autofree char *gad7 = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_GAD7, 2);

  g_assert_cmpstr (first, ==, "Session 1 · 1 Jun\nPHQ-9 19 · moderately severe\nFirst score");
  g_assert_cmpstr (risk, ==, "Session 2 · 8 Jun\nPHQ-9 18 · moderately severe\n"
                             "\u22121 from the first score (19): within ±6, not reliable\n"
                             "Risk: item 9 answered 1\n"
                             "No risk review recorded since: the flag stays until one is");
  /* index 8 is session 10: the DNA at session 7 has no point */
  g_assert_cmpstr (later, ==, "Session 10 · 3 Aug\nPHQ-9 9 · mild\n"
                              "\u221210 from the first score (19): reliable improvement");
  g_assert_cmpstr (gad7, ==, "Session 3 · 15 Jun\nGAD-7 12 · moderate\n"
                             "\u22121 from the first score (13): within ±4, not reliable");
}

/* Data from model objects ------------------------------------------------------------------- */

static void
test_data_from_model (void)
{
  g_autoptr(IptClient) client = ipt_client_new ("C-0200");
  g_autoptr(IptEpisode) episode = ipt_episode_new (1, "2025-01-06", 12);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IptChartData) data = NULL;
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  static const int items1[] = { 2, 2, 2, 2, 2, 2, 2, 2, 1 };
  static const int items3[] = { 1, 1, 1, 1, 1, 1, 1, 1, 0 };
  IptScore *score;
  IptSession *session;

  ipt_client_set_id (client, 1);
  ipt_client_set_given_name (client, "Rowan");
  ipt_episode_set_id (episode, 7);
  ipt_episode_set_focus (episode, IPT_FOCUS_GRIEF);

  for (guint n = 1; n <= 3; n++)
    {
      g_autofree char *date = g_strdup_printf ("2025-01-%02u", 6 + 7 * (n - 1));

      session = ipt_session_new (7, n, date);
      ipt_session_set_id (session, 100 + n);
      if (n == 2)
        ipt_session_set_attendance (session, IPT_ATTENDANCE_DID_NOT_ATTEND);
      g_ptr_array_add (sessions, session);
    }
  /* a session of another course is left out */
  session = ipt_session_new (8, 4, "2025-02-01");
  ipt_session_set_id (session, 200);
  g_ptr_array_add (sessions, session);

  score = ipt_score_new_from_items (phq9, items1, G_N_ELEMENTS (items1));
  ipt_score_set_session_id (score, 101);
  g_ptr_array_add (scores, score);
  /* a score on the missed session is not drawn */
  score = ipt_score_new_from_total (phq9, 20);
  ipt_score_set_session_id (score, 102);
  g_ptr_array_add (scores, score);
  score = ipt_score_new_from_items (phq9, items3, G_N_ELEMENTS (items3));
  ipt_score_set_session_id (score, 103);
  g_ptr_array_add (scores, score);
  score = ipt_score_new_from_total (ipt_measure_lookup ("gad7"), 9);
  ipt_score_set_session_id (score, 103);
  g_ptr_array_add (scores, score);

  g_ptr_array_add (events, ipt_life_event_new (1, "2025-01-10", "Funeral", -4));

  data = ipt_chart_data_new (client, episode, sessions, scores, events);
  g_assert_cmpstr (data->code, ==, "C-0200");
  g_assert_cmpint (data->focus, ==, IPT_FOCUS_GRIEF);
  g_assert_cmpuint (data->planned_sessions, ==, 12);
  g_assert_cmpuint (data->assessment_end, ==, 3);
  g_assert_cmpuint (data->middle_end, ==, 9);
  g_assert_cmpuint (data->n_sessions, ==, 3);
  g_assert_cmpint (data->sessions[1].attendance, ==, IPT_ATTENDANCE_DID_NOT_ATTEND);
  g_assert_cmpuint (data->n_points[IPT_CHART_MEASURE_PHQ9], ==, 2);
  g_assert_cmpint (data->points[IPT_CHART_MEASURE_PHQ9][0].total, ==, 17);
  g_assert_true (data->points[IPT_CHART_MEASURE_PHQ9][0].risk);
  g_assert_cmpint (data->points[IPT_CHART_MEASURE_PHQ9][1].total, ==, 8);
  g_assert_false (data->points[IPT_CHART_MEASURE_PHQ9][1].risk);
  g_assert_cmpuint (data->n_points[IPT_CHART_MEASURE_GAD7], ==, 1);
  g_assert_cmpuint (data->points[IPT_CHART_MEASURE_GAD7][0].session, ==, 3);
  g_assert_cmpuint (data->n_events, ==, 1);
  g_assert_cmpstr (data->events[0].title, ==, "Funeral");
}

/* Sparklines ------------------------------------------------------------------------------- */

static void
test_sparkline (void)
{
  static const IptSeriesPoint points[] = { { 1, 19, 0 }, { 2, 17, 0 }, { 3, 12, 0 }, { 5, 8, 0 } };
  IptChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 24);
  cairo_t *cr = cairo_create (surface);
  IptChartColor on_track;

  test_style (&style, FALSE);
  ipt_sparkline_renderer_draw (cr, points, G_N_ELEMENTS (points), IPT_SIGNAL_ON_TRACK, &style, 100, 24);
  cairo_surface_flush (surface);
  ipt_chart_style_get_signal_color (&style, IPT_SIGNAL_ON_TRACK, &on_track);
  g_assert_cmpuint (count_color (surface, ((guint32) (on_track.red * 255 + 0.5) << 16)
                                          | ((guint32) (on_track.green * 255 + 0.5) << 8)
                                          | (guint32) (on_track.blue * 255 + 0.5), 12), >, 20);
  /* falling scores: the line starts high on the left and ends low on the right */
  {
    guint top_left = 0, bottom_right = 0;

    for (int y = 0; y < 12; y++)
      for (int x = 0; x < 20; x++)
        top_left += (pixel_at (surface, x, y) >> 24) > 0x80;
    for (int y = 12; y < 24; y++)
      for (int x = 80; x < 100; x++)
        bottom_right += (pixel_at (surface, x, y) >> 24) > 0x80;
    g_assert_cmpuint (top_left, >, 0);
    g_assert_cmpuint (bottom_right, >, 0);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* no scores: only the faint cut-off line, nothing strong */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 24);
  cr = cairo_create (surface);
  ipt_sparkline_renderer_draw (cr, NULL, 0, IPT_SIGNAL_NO_SCORES, &style, 100, 24);
  cairo_surface_flush (surface);
  for (int y = 0; y < 24; y++)
    for (int x = 0; x < 100; x++)
      g_assert_cmpuint (pixel_at (surface, x, y) >> 24, <, 0x60);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A card's chart across the course: session 3 of 16 is a short line on the left, over the three
 * phase bands, with the cut-off dashed in the cut-off colour. */
static void
test_sparkline_course (void)
{
  static const IptSeriesPoint points[] = { { 1, 19, 0 }, { 2, 18, 0 }, { 3, 20, 0 } };
  IptAppointment appointments[3];
  g_autoptr(IptCourseMap) course = NULL;
  IptChartStyle style;
  IptChartColor phq9;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 80);
  cairo_t *cr = cairo_create (surface);
  guint a_end, m_end, left = 0, right = 0, dashes = 0, cutoff_y;

  for (guint i = 0; i < 3; i++)
    appointments[i] = (IptAppointment) { i + 1, TRUE, FALSE };
  ipt_phase_default_boundaries (16, &a_end, &m_end);
  course = ipt_course_map_new (16, a_end, m_end, FALSE, appointments, 3);

  test_style (&style, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ipt_sparkline_renderer_draw_course (cr, points, G_N_ELEMENTS (points), course, TRUE, &style,
                                      160, 80);
  cairo_surface_flush (surface);
  ipt_chart_style_get_series_color (&style, IPT_CHART_MEASURE_PHQ9, &phq9);

  for (int y = 0; y < 80; y++)
    for (int x = 0; x < 160; x++)
      {
        guint32 p = pixel_at (surface, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        gboolean line = ABS (r - (int) (phq9.red * 255)) < 40
                        && ABS (g - (int) (phq9.green * 255)) < 40
                        && ABS (b - (int) (phq9.blue * 255)) < 40;

        if (line && x < 40)
          left++;
        if (line && x >= 48)
          right++;
      }
  g_assert_cmpuint (left, >, 10);
  g_assert_cmpuint (right, ==, 0);

  /* assessment blue, middle purple, end green, behind everything (the top row has no line) */
  {
    guint32 a = pixel_at (surface, 2, 1), m = pixel_at (surface, 80, 1), e = pixel_at (surface, 157, 1);

    g_assert_cmpuint (a & 0xff, >, (a >> 16) & 0xff);
    g_assert_cmpuint (a & 0xffffff, !=, 0xffffff);
    g_assert_cmpuint ((m >> 16) & 0xff, >, (m >> 8) & 0xff);
    g_assert_cmpuint (m & 0xff, >, (m >> 8) & 0xff);
    g_assert_cmpuint ((e >> 8) & 0xff, >, (e >> 16) & 0xff);
  }

  /* the cut-off (10 of 27) dashed across in red: neither missing nor solid */
  cutoff_y = (guint) round (4 + 72 - 10.0 / 27 * 72);
  for (int x = 0; x < 160; x++)
    {
      guint32 p = pixel_at (surface, x, cutoff_y);

      dashes += ((p >> 16) & 0xff) > ((p >> 8) & 0xff) + 60;
    }
  g_assert_cmpuint (dashes, >, 50);
  g_assert_cmpuint (dashes, <, 110);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Markers stamped on pixels ------------------------------------------------------------- */

/* At device scales 1 and 2 the marker lands centred on the pixel its point was snapped to,
 * painted symmetrically around it; vector targets get no marker (paths are drawn instead). */
static void
test_marker_stamp (void)
{
  const IptChartColor outer = { 1, 0, 0, 1 };
  const IptChartColor inner = { 1, 1, 1, 1 };

  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40 * scale, 40 * scale);
      cairo_t *cr;
      g_autoptr(IptChartMarker) marker = NULL;
      double x = 10.3, y = 20.8;
      int cx, cy, reach;

      cairo_surface_set_device_scale (surface, scale, scale);
      cr = cairo_create (surface);
      marker = ipt_chart_marker_new (cr, 4, 2, &outer, &inner);
      g_assert_nonnull (marker);

      ipt_chart_marker_snap (marker, cr, &x, &y);
      /* the centre of a device pixel, within half a pixel of the point */
      g_assert_cmpfloat (fabs (x * scale - floor (x * scale) - 0.5), <, 1e-9);
      g_assert_cmpfloat (fabs (y * scale - floor (y * scale) - 0.5), <, 1e-9);
      g_assert_cmpfloat (fabs (x - 10.3), <=, 0.5 / scale + 1e-9);
      g_assert_cmpfloat (fabs (y - 20.8), <=, 0.5 / scale + 1e-9);

      ipt_chart_marker_stamp (marker, cr, x, y);
      cairo_surface_flush (surface);
      cx = (int) floor (x * scale);
      cy = (int) floor (y * scale);
      /* white inside, red ring, nothing beyond the outer radius */
      g_assert_cmphex (pixel_at (surface, cx, cy), ==, 0xffffffff);
      reach = 3 * scale;
      g_assert_cmphex (pixel_at (surface, cx - reach, cy), ==, 0xffff0000);
      g_assert_cmphex (pixel_at (surface, cx + reach, cy), ==, 0xffff0000);
      g_assert_cmphex (pixel_at (surface, cx, cy - reach), ==, 0xffff0000);
      g_assert_cmphex (pixel_at (surface, cx, cy + reach), ==, 0xffff0000);
      g_assert_cmphex (pixel_at (surface, cx + 6 * scale, cy), ==, 0);
      g_assert_cmphex (pixel_at (surface, cx, cy - 6 * scale), ==, 0);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  {
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, 100, 100);
    cairo_t *cr = cairo_create (pdf);

    g_assert_null (ipt_chart_marker_new (cr, 4, 2, &outer, &inner));
    cairo_destroy (cr);
    cairo_surface_destroy (pdf);
  }
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);

    /* rotated: paths keep it exact */
    cairo_rotate (cr, 0.3);
    g_assert_null (ipt_chart_marker_new (cr, 4, 2, &outer, &inner));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("ipt-test-charts-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  /* --locale=de_DE.UTF-8 first: the charts are drawn with that language's labels and dates
   * (the catalogues of the build, IPT_TEST_LOCALEDIR), for the overlap checks. */
  if (argc > 1 && g_str_has_prefix (argv[1], "--locale="))
    {
      const char *locale = argv[1] + strlen ("--locale=");

      if (setlocale (LC_ALL, locale) == NULL)
        g_error ("The locale %s is missing: run build-aux/setup.sh, which generates it", locale);
      g_unsetenv ("LANGUAGE");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IPT_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      if (g_str_equal (_("Mood chart"), "Mood chart"))
        g_error ("No catalogue for %s in %s", locale, g_getenv ("IPT_TEST_LOCALEDIR"));
      memmove (&argv[1], &argv[2], (size_t) (argc - 1) * sizeof (char *));
      argc--;
    }

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reference_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/charts/render/reference/", reference_cases[i].name, NULL);

      g_test_add_data_func (path, &reference_cases[i], test_reference);
    }
  g_test_add_func ("/charts/render/no-overlap", test_no_overlap);
  g_test_add_func ("/charts/render/empty-course", test_empty_course);
  g_test_add_func ("/charts/render/one-score", test_one_score);
  g_test_add_func ("/charts/render/twenty-sessions", test_twenty_sessions);
  g_test_add_func ("/charts/render/hidden-measures", test_hidden_measures);
  g_test_add_func ("/charts/data/missed-appointments", test_missed_appointments);
  g_test_add_func ("/charts/render/dark-style", test_dark_style);
  g_test_add_func ("/charts/render/hit-test", test_hit_test);
  g_test_add_func ("/charts/render/marker-stamp", test_marker_stamp);
  g_test_add_func ("/charts/describe/course", test_describe);
  g_test_add_func ("/charts/describe/phase", test_describe_phase);
  g_test_add_func ("/charts/describe/point", test_describe_point);
  g_test_add_func ("/charts/data/from-model", test_data_from_model);
  g_test_add_func ("/charts/sparkline/render", test_sparkline);
  g_test_add_func ("/charts/sparkline/course", test_sparkline_course);

  status = g_test_run ();

  remove_tmp_dir (tmp_dir);
  g_free (tmp_dir);

  return status;
}
