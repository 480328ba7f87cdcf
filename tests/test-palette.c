/* Tests of the one palette: every colour the style sheet names is defined, light and dark. */
#include "config.h"

#include <string.h>

#include "ipt-palette.h"

static void
test_palette_css_names (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "ui", "style.css", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GRegex) used = g_regex_new ("@(ipt_[a-z0-9_]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &sheet, NULL, &error);
  g_assert_no_error (error);

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *css = ipt_palette_to_css (dark);

      g_regex_match (used, sheet, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autofree char *definition = g_strdup_printf ("@define-color %s #", name);

          if (strstr (css, definition) == NULL)
            g_error ("style.css uses @%s, which the palette does not define", name);
          n++;
          g_match_info_next (match, NULL);
        }
      g_clear_pointer (&match, g_match_info_free);
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_palette_light_and_dark (void)
{
  IptSignalKind kinds[] = { IPT_SIGNAL_RISK, IPT_SIGNAL_DETERIORATION, IPT_SIGNAL_NOT_ON_TRACK,
                            IPT_SIGNAL_ON_TRACK, IPT_SIGNAL_OUTCOME };
  guint32 light;
  guint32 dark;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (ipt_palette_signal (kinds[i], FALSE, &light));
      g_assert_true (ipt_palette_signal (kinds[i], TRUE, &dark));
      g_assert_cmphex (light, !=, dark);
    }
  /* Drawn in the text colour: no colour of its own. */
  g_assert_false (ipt_palette_signal (IPT_SIGNAL_NO_SCORES, FALSE, &light));

  for (IptPhase phase = IPT_PHASE_ASSESSMENT; phase <= IPT_PHASE_MAINTENANCE; phase++)
    {
      g_assert_cmphex (ipt_palette_phase_text (phase, FALSE), !=, ipt_palette_phase_text (phase, TRUE));
      for (IptPhase other = phase + 1; other <= IPT_PHASE_MAINTENANCE; other++)
        g_assert_cmphex (ipt_palette_phase (phase, FALSE), !=, ipt_palette_phase (other, FALSE));
    }
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    g_assert_cmphex (ipt_palette_series (m, FALSE), !=, ipt_palette_series (m, TRUE));

  /* The goals' lines: distinct, lighter on dark, wrapping round. */
  for (guint g = 0; g < ipt_palette_n_goal_series (); g++)
    {
      g_assert_cmphex (ipt_palette_goal_series (g, FALSE), !=, ipt_palette_goal_series (g, TRUE));
      for (guint other = g + 1; other < ipt_palette_n_goal_series (); other++)
        g_assert_cmphex (ipt_palette_goal_series (g, FALSE), !=,
                         ipt_palette_goal_series (other, FALSE));
    }
  g_assert_cmphex (ipt_palette_goal_series (ipt_palette_n_goal_series (), TRUE), ==,
                   ipt_palette_goal_series (0, TRUE));
  /* The mood chart and the goal chart share Okabe and Ito's hues, from one table. */
  g_assert_cmphex (ipt_palette_goal_series (1, FALSE), ==,
                   ipt_palette_series (IPT_CHART_MEASURE_PHQ9, FALSE));

  /* A chart's text stands out of its background in either style, and paper is white. */
  g_assert_cmphex (ipt_palette_color (IPT_PALETTE_BACKGROUND, FALSE), ==, 0xffffff);
  g_assert_cmphex (ipt_palette_color (IPT_PALETTE_FOREGROUND, TRUE), !=,
                   ipt_palette_color (IPT_PALETTE_FOREGROUND, FALSE));
  g_assert_cmphex (ipt_palette_color (IPT_PALETTE_BACKGROUND, TRUE), !=,
                   ipt_palette_color (IPT_PALETTE_BACKGROUND, FALSE));
  g_assert_cmphex (ipt_palette_color (IPT_PALETTE_CIRCLE_CLIENT, TRUE), !=,
                   ipt_palette_color (IPT_PALETTE_CIRCLE_CLIENT, FALSE));
  for (IptPaletteColor c = IPT_PALETTE_PAPER_TEXT; c < IPT_PALETTE_N_COLORS; c++)
    g_assert_cmphex (ipt_palette_color (c, TRUE), ==, ipt_palette_color (c, FALSE));
}

/* Every colour of the style sheet is the palette's: no literal colour of its own. */
static void
test_palette_css_literals (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "ui", "style.css", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GRegex) literal = g_regex_new ("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|[^a-z_](black|white)\\b",
                                           0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *css = ipt_palette_to_css (TRUE);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &sheet, NULL, &error);
  g_assert_no_error (error);
  if (g_regex_match (literal, sheet, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_error ("style.css has the literal colour %s: name it in ipt-palette.c", found);
    }
  g_assert_nonnull (strstr (css, "@define-color ipt_goal_1 #"));
  g_assert_nonnull (strstr (css, "@define-color ipt_circle_tint #"));
  g_assert_nonnull (strstr (css, "@define-color ipt_toast_bg #"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/palette/css-names", test_palette_css_names);
  g_test_add_func ("/charts/palette/light-and-dark", test_palette_light_and_dark);
  g_test_add_func ("/charts/palette/css-literals", test_palette_css_literals);

  return g_test_run ();
}
