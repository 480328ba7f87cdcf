/* Joint sessions on the mood chart: which sessions, who came (named or not), the mark under
 * the axis found by the hit test, the words of tooltips and description. */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "ipt-mood-chart.h"
#include "fixtures/charts/charts-fixtures.h"

#define TEST_FONT "DejaVu Sans"

static void
test_sessions (void)
{
  g_autoptr(IptChartData) data = fixture_joint ();
  g_autofree char *list = ipt_chart_data_describe_joint_sessions (data);
  g_autofree char *described = ipt_chart_data_describe (data);
  g_autofree char *point = NULL;
  g_autofree char *alone = NULL;
  g_autoptr(IptChartData) none = fixture_role_dispute ();
  g_autofree char *no_list = ipt_chart_data_describe_joint_sessions (none);

  for (guint n = 1; n <= 12; n++)
    g_assert_cmpint (ipt_chart_session_is_joint (ipt_chart_data_find_session (data, n)), ==,
                     n == 2 || n == 6 || n == 9 || n == 10);
  g_assert_cmpstr (list, ==, "Joint sessions: 2; 6; 9; 10.");
  g_assert_nonnull (strstr (described, list));
  g_assert_null (no_list);

  /* The point's tooltip says so, from who attended alone when nobody is named. */
  point = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 1);
  g_assert_nonnull (strstr (point, "\nJoint session with the client’s partner"));
  g_assert_nonnull (strstr (point, "Risk: item 9 answered 2"));
  alone = ipt_chart_data_describe_point (data, IPT_CHART_MEASURE_PHQ9, 0);
  g_assert_null (strstr (alone, "Joint"));
  g_assert_null (ipt_chart_data_describe_joint_mark (data, 1));
  g_assert_null (ipt_chart_data_describe_joint_mark (data, 7));
}

/* The sessions 2 and 6 of fixture_joint () as the store gives them, with who attended. */
static void
set_people (IptChartData *data,
            gboolean      with_names)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_attendee_free);
  IptSession *session;

  session = ipt_session_new (1, 2, "2025-03-10");
  ipt_session_set_id (session, 102);
  g_ptr_array_add (sessions, session);
  session = ipt_session_new (1, 6, "2025-04-07");
  ipt_session_set_id (session, 106);
  g_ptr_array_add (sessions, session);
  g_ptr_array_add (attendees, ipt_attendee_new (102, 7, "Jamie", "partner", NULL));
  g_ptr_array_add (attendees, ipt_attendee_new (106, 7, "Jamie", "partner", NULL));
  g_ptr_array_add (attendees, ipt_attendee_new (106, 0, NULL, NULL, "Kim, a friend of Jamie"));
  /* A session of another course is not this chart's. */
  g_ptr_array_add (attendees, ipt_attendee_new (999, 7, "Jamie", "partner", NULL));
  ipt_chart_data_set_attendees (data, sessions, attendees, with_names);
}

static void
test_named (void)
{
  g_autoptr(IptChartData) named = fixture_joint ();
  g_autoptr(IptChartData) unnamed = fixture_joint ();
  g_autofree char *mark = NULL;
  g_autofree char *list = NULL;
  g_autofree char *described = NULL;

  /* The practitioner's window: names. */
  set_people (named, TRUE);
  mark = ipt_chart_data_describe_joint_mark (named, 2);
  g_assert_cmpstr (mark, ==, "Session 2 · 10 Mar\nJoint session with Jamie, partner");
  g_clear_pointer (&mark, g_free);
  mark = ipt_chart_data_describe_joint_mark (named, 6);
  g_assert_cmpstr (mark, ==, "Session 6 · 7 Apr\n"
                             "Joint session with Jamie, partner and Kim, a friend of Jamie");
  g_clear_pointer (&mark, g_free);
  list = ipt_chart_data_describe_joint_sessions (named);
  g_assert_cmpstr (list, ==, "Joint sessions: 2 with Jamie, partner; "
                             "6 with Jamie, partner and Kim, a friend of Jamie; 9; 10.");

  /* Anything that leaves the window: relationships only, words about someone as "someone
   * else" (they may name them). */
  set_people (unnamed, FALSE);
  mark = ipt_chart_data_describe_joint_mark (unnamed, 6);
  g_assert_cmpstr (mark, ==, "Session 6 · 7 Apr\nJoint session with partner and someone else");
  described = ipt_chart_data_describe (unnamed);
  g_assert_null (strstr (described, "Jamie"));
  g_assert_null (strstr (described, "Kim"));
  g_assert_nonnull (strstr (described, "2 with partner"));
}

/* The hit test finds each joint session's mark under the axis, and nothing else there. */
static void
test_hit_marks (void)
{
  g_autoptr(IptChartData) data = fixture_joint ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  gboolean found[13] = { FALSE, };
  IptChartStyle style;
  double width = 900, height = 500, mark_y = -1;

  ipt_chart_style_init (&style, FALSE);
  style.font_family = TEST_FONT;
  /* Down the lower half in columns a slot apart, then along the row where a mark was found. */
  for (double y = height * 0.5; y < height && mark_y < 0; y += 2)
    for (double x = 0; x < width && mark_y < 0; x += 20)
      {
        IptChartHit hit;

        if (ipt_mood_chart_hit_test (context, data, &style, width, height, x, y, &hit)
            && hit.joint_session != 0)
          mark_y = y;
      }
  g_assert_cmpfloat (mark_y, >=, 0);
  for (double x = 0; x < width; x += 2)
    {
      IptChartHit hit;

      if (!ipt_mood_chart_hit_test (context, data, &style, width, height, x, mark_y, &hit)
          || hit.joint_session == 0)
        continue;
      g_assert_cmpuint (hit.joint_session, <=, 12);
      found[hit.joint_session] = TRUE;
    }
  for (guint n = 1; n <= 12; n++)
    g_assert_cmpint (found[n], ==, n == 2 || n == 6 || n == 9 || n == 10);
  g_object_unref (context);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/joint/sessions", test_sessions);
  g_test_add_func ("/charts/joint/named", test_named);
  g_test_add_func ("/charts/joint/hit-marks", test_hit_marks);
  return g_test_run ();
}
