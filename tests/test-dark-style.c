/* The light and the dark style: the style sheet's palette and the colours the charts draw in
 * follow the same answer, whether the dark style comes from gtk-application-prefer-dark-theme or
 * from GTK_THEME (--gtk-theme=Adwaita:dark first on the command line). */
#define G_LOG_DOMAIN "ipt-test"

#include "config.h"

#include "ipt-client-page-private.h"
#include "ipt-palette.h"
#include "test-window-common.h"

static gboolean theme_from_environment;

/* The colour the style sheet names name, as 0xRRGGBB. */
static guint32
css_color (GtkWidget  *widget,
           const char *name)
{
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name,
                                                 &rgba));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return ((guint32) (rgba.red * 255 + 0.5) << 16) | ((guint32) (rgba.green * 255 + 0.5) << 8)
         | (guint32) (rgba.blue * 255 + 0.5);
}

/* How many of the widget's drawn pixels are exactly rgb. */
static guint
count_pixels (GtkWidget *widget,
              guint32    rgb)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guint n = 0;

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* GDK_MEMORY_DEFAULT: B, G, R, A premultiplied; only opaque pixels count */
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      if (p[3] == 0xff && (((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0]) == rgb)
        n++;
    }
  return n;
}

static void
check_style (IptWindow *window,
             gboolean   dark)
{
  GtkWidget *chart = window->client_page->mood_chart;
  guint32 phq9 = ipt_palette_series (IPT_CHART_MEASURE_PHQ9, dark);
  guint32 other = ipt_palette_series (IPT_CHART_MEASURE_PHQ9, !dark);
  guint32 risk;

  g_assert_true (_ipt_widget_is_dark (chart) == dark);
  /* The style sheet's palette... */
  g_assert_cmphex (css_color (chart, "ipt_series_phq9"), ==, phq9);
  g_assert_true (ipt_palette_signal (IPT_SIGNAL_RISK, dark, &risk));
  g_assert_cmphex (css_color (chart, "ipt_risk"), ==, risk);
  g_assert_cmphex (css_color (chart, "ipt_chart_bg"), ==,
                   ipt_palette_color (IPT_PALETTE_BACKGROUND, dark));
  /* ...and the chart's line, in the same shades. */
  g_assert_cmpuint (count_pixels (chart, phq9), >, 20);
  g_assert_cmpuint (count_pixels (chart, other), ==, 0);
}

static void
set_prefer_dark (gboolean dark)
{
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
  spin ();
}

static void
test_dark_style (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *argv[] = { g_getenv ("IPT_CASEBOOK"), "--database", fixture->path,
                         "--import-csv", NULL, NULL };
  g_autofree char *csv = g_build_filename (tmpdir, "scores.csv", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  /* A course with PHQ-9 scores to chart, put in by the command line. */
  g_assert_true (g_file_set_contents (csv,
                                      "client_code,session,date,measure,total,items\n"
                                      "C-0001,1,2026-01-05,phq9,18,\n"
                                      "C-0001,2,2026-01-12,phq9,15,\n"
                                      "C-0001,3,2026-01-19,phq9,11,\n"
                                      "C-0001,4,2026-01-26,phq9,8,\n", -1, &error));
  argv[4] = csv;
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_window_show_client (fixture->window, "C-0001"));
  spin ();

  if (theme_from_environment)
    {
      /* GTK_THEME wins over the setting, as GTK's own theme does. */
      check_style (fixture->window, TRUE);
      set_prefer_dark (FALSE);
      check_style (fixture->window, TRUE);
      return;
    }

  set_prefer_dark (FALSE);
  check_style (fixture->window, FALSE);
  set_prefer_dark (TRUE);
  check_style (fixture->window, TRUE);
  set_prefer_dark (FALSE);
  check_style (fixture->window, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 2 && g_str_has_prefix (argv[1], "--gtk-theme="))
    {
      g_setenv ("GTK_THEME", argv[1] + strlen ("--gtk-theme="), TRUE);
      memmove (&argv[1], &argv[2], (size_t) (argc - 1) * sizeof (char *));
      argc--;
      theme_from_environment = TRUE;
    }
  else
    g_unsetenv ("GTK_THEME");

  if (!ui_test_init (&argc, &argv, "ipt-test-dark-style-XXXXXX"))
    return 77;

  g_test_add ("/ui/style/dark", Fixture, NULL, fixture_set_up, test_dark_style, fixture_tear_down);

  return ui_test_run ();
}
