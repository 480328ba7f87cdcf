/* The mood chart's texts: fonts, shaping through a cache kept across renders, drawing. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-mood-chart-layout.h"

#include <pango/pangocairo.h>

#include "ipt-mood-chart-private.h"

static PangoFontDescription *
make_font (const IptChartStyle *style,
           double               size,
           PangoWeight          weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

/* Shaping is the largest part of drawing a chart (profiled: about 40 %), and a chart redraws
 * the same labels again and again (hover, resize of other widgets, print preview). So shaped
 * layouts are kept across renders, keyed by everything that affects them: the target's font
 * options and transformation, the font, the width and the text. */
#define SHAPE_CACHE_MAX 4096

G_LOCK_DEFINE_STATIC (shape_cache);
static GHashTable *shape_cache;

void
ipt_mood_chart_drop_shape_cache (void)
{
  G_LOCK (shape_cache);
  g_clear_pointer (&shape_cache, g_hash_table_unref);
  G_UNLOCK (shape_cache);
}

char *
_ipt_mood_chart_shape_cache_key (cairo_t             *cr,
                                 const IptChartStyle *style,
                                 double               fs,
                                 double               small)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t m;
  char *key;

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_matrix (cr, &m);
  key = g_strdup_printf ("%lx|%g,%g,%g,%g|%s|%g|%g",
                         cairo_font_options_hash (options), m.xx, m.yx, m.xy, m.yy,
                         style->font_family != NULL ? style->font_family : "Sans", fs, small);
  cairo_font_options_destroy (options);
  return key;
}

void
_ipt_mood_chart_text_init (Text                *t,
                           PangoContext        *context,
                           const IptChartStyle *style,
                           double               fs,
                           double               small)
{
  t->context = g_object_ref (context);
  t->layout = pango_layout_new (context);
  t->normal = make_font (style, fs, PANGO_WEIGHT_NORMAL);
  t->bold = make_font (style, fs, PANGO_WEIGHT_BOLD);
  t->small = make_font (style, small, PANGO_WEIGHT_NORMAL);
  t->small_bold = make_font (style, small, PANGO_WEIGHT_BOLD);
  t->title = make_font (style, fs * 1.3, PANGO_WEIGHT_BOLD);
}

void
_ipt_mood_chart_text_clear (Text *t)
{
  g_clear_object (&t->layout);
  g_clear_object (&t->context);
  g_clear_pointer (&t->key, g_free);
  g_clear_pointer (&t->normal, pango_font_description_free);
  g_clear_pointer (&t->bold, pango_font_description_free);
  g_clear_pointer (&t->small, pango_font_description_free);
  g_clear_pointer (&t->small_bold, pango_font_description_free);
  g_clear_pointer (&t->title, pango_font_description_free);
}

/* Sets the text; max_width > 0 ellipsizes it to that width. */
/* One line, ellipsized to width (-1: any width); or up to `lines` lines wrapped at words. */
static void
layout_setup (PangoLayout                *layout,
              const PangoFontDescription *font,
              const char                 *s,
              int                         width,
              int                         lines)
{
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  /* a height of -n keeps n lines at most; -1, one */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_height (layout, lines > 1 && width > 0 ? -lines : -1);
  pango_layout_set_text (layout, s, -1);
}

void
_ipt_mood_chart_text_set_lines (Text                       *t,
                                const PangoFontDescription *font,
                                const char                 *s,
                                double                      max_width,
                                int                         lines)
{
  int width = max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1;
  const PangoFontDescription *fonts[] = { t->normal, t->bold, t->small, t->small_bold, t->title };
  g_autofree char *key = NULL;
  PangoLayout *layout;
  guint index = 0;

  lines = MAX (lines, 1);
  if (t->key == NULL)
    {
      layout_setup (t->layout, font, s, width, lines);
      return;
    }

  while (index + 1 < G_N_ELEMENTS (fonts) && fonts[index] != font)
    index++;
  key = g_strdup_printf ("%s|%u|%d|%d|%s", t->key, index, width, lines, s);

  G_LOCK (shape_cache);
  if (shape_cache == NULL)
    shape_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  layout = g_hash_table_lookup (shape_cache, key);
  if (layout == NULL)
    {
      if (g_hash_table_size (shape_cache) >= SHAPE_CACHE_MAX)
        g_hash_table_remove_all (shape_cache);
      layout = pango_layout_new (t->context);
      layout_setup (layout, font, s, width, lines);
      /* lay it out now, so that the shared layout is only read afterwards */
      pango_layout_get_extents (layout, NULL, NULL);
      g_hash_table_insert (shape_cache, g_steal_pointer (&key), layout);
    }
  g_set_object (&t->layout, layout);
  G_UNLOCK (shape_cache);
}

/* Draws the current text with its top-left corner at (x, y). */
void
_ipt_mood_chart_text_draw (cairo_t             *cr,
                           Text                *t,
                           double               x,
                           double               y,
                           const IptChartColor *color)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, t->layout);

  if (t->boxes != NULL)
    {
      PangoRectangle ink;
      IptChartBox box;

      pango_layout_get_pixel_extents (t->layout, &ink, NULL);
      box.x = x + ink.x;
      box.y = y + ink.y;
      box.w = ink.width;
      box.h = ink.height;
      g_array_append_val (t->boxes, box);
    }
}
