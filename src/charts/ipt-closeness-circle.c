/* The closeness circle: geometry shared by drawing, hit-testing and accessible positions. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-closeness-circle.h"
#include "ipt-palette.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* The geometry of one size: the centre, the outer radius of each ring, the client's disc, the
 * marker's radius. */
typedef struct
{
  double cx;
  double cy;
  double outer;               /* outer radius of ring 3 */
  double client;              /* radius of the client's disc */
  double marker;
  double font;                /* label size */
} Geometry;

static void
geometry_init (Geometry *g,
               double    width,
               double    height)
{
  double side = MIN (width, height);

  g->font = CLAMP (side / 40.0, 8.0, 13.0);
  g->cx = width / 2.0;
  g->cy = height / 2.0;
  /* Room outside ring 3 for the label under a marker on it. */
  g->outer = MAX (side / 2.0 - 2.2 * g->font, side / 4.0);
  g->client = g->outer * 0.1;
  g->marker = CLAMP (g->outer * 0.065, 6.0, 18.0);
}

static double
ring_outer_radius (const Geometry *g,
                   guint           ring)
{
  return g->outer * ring / IPT_CIRCLE_RINGS;
}

/* People sit in the middle of their ring's band (ring 1: between the client and its edge). */
static double
ring_mid_radius (const Geometry *g,
                 guint           ring)
{
  double inner = ring == 1 ? g->client : ring_outer_radius (g, ring - 1);

  return (inner + ring_outer_radius (g, ring)) / 2.0;
}

/* Radians kept free either side of the top of each ring, where its label is. */
#define LABEL_GAP 0.42

static guint
clamp_ring (guint ring)
{
  return ring >= 1 && ring <= IPT_CIRCLE_RINGS ? ring : IPT_CIRCLE_RINGS;
}

static void
layout_places (const Geometry         *g,
               const IptCirclePerson  *people,
               guint                   n_people,
               const IptCircleOptions *options,
               IptCirclePlace         *places)
{
  guint count[IPT_CIRCLE_RINGS + 1] = { 0, };
  guint seen[IPT_CIRCLE_RINGS + 1] = { 0, };

  for (guint i = 0; i < n_people; i++)
    count[clamp_ring (people[i].ring)]++;

  for (guint i = 0; i < n_people; i++)
    {
      guint ring = clamp_ring (people[i].ring);
      double r = ring_mid_radius (g, ring);
      /* Spread evenly round the ring, leaving its top free for the ring's label; the order
       * of the list decides the order round the ring, so nobody jumps when another moves. */
      /* Each ring turned a little against the others, so that rings do not line up. */
      double phase = 0.5 + 0.3 * ((int) ring - 2);
      double angle = LABEL_GAP + (2.0 * G_PI - 2.0 * LABEL_GAP) * (seen[ring] + phase) / count[ring];
      IptCirclePlace *place = &places[i];

      seen[ring]++;
      place->angle = angle;
      place->x = g->cx + r * sin (angle);
      place->y = g->cy - r * cos (angle);
      place->radius = MIN (g->marker,
                           count[ring] > 1
                           ? r * sin ((G_PI - LABEL_GAP) / count[ring]) * 0.9
                           : g->marker);
      place->has_ideal = options != NULL && options->show_ideal
                         && people[i].ideal_ring >= 1 && people[i].ideal_ring <= IPT_CIRCLE_RINGS
                         && people[i].ideal_ring != ring;
      if (place->has_ideal)
        {
          double ideal_r = ring_mid_radius (g, people[i].ideal_ring);
          /* Beside the actual place, a little round the circle, so that both can be seen. */
          double ideal_angle = angle + place->radius * 1.6 / ideal_r;

          place->ideal_x = g->cx + ideal_r * sin (ideal_angle);
          place->ideal_y = g->cy - ideal_r * cos (ideal_angle);
        }
      else
        {
          place->ideal_x = place->x;
          place->ideal_y = place->y;
        }
    }
}

void
ipt_closeness_circle_layout (const IptCirclePerson  *people,
                             guint                   n_people,
                             const IptCircleOptions *options,
                             double                  width,
                             double                  height,
                             IptCirclePlace         *places)
{
  Geometry g;

  g_return_if_fail (people != NULL || n_people == 0);
  g_return_if_fail (places != NULL || n_people == 0);

  geometry_init (&g, width, height);
  layout_places (&g, people, n_people, options, places);
}

int
ipt_closeness_circle_hit_test (const IptCirclePerson  *people,
                               guint                   n_people,
                               const IptCircleOptions *options,
                               double                  width,
                               double                  height,
                               double                  x,
                               double                  y)
{
  g_autofree IptCirclePlace *places = g_new (IptCirclePlace, MAX (n_people, 1));
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (people != NULL || n_people == 0, -1);

  ipt_closeness_circle_layout (people, n_people, options, width, height, places);
  for (guint i = 0; i < n_people; i++)
    {
      double dx = x - places[i].x, dy = y - places[i].y;
      double d = dx * dx + dy * dy;
      /* A little more than the marker, so a small marker is easy to catch. */
      double reach = MAX (places[i].radius + 2.0, 8.0);

      if (d <= reach * reach && d < best)
        {
          best = d;
          found = i;
        }
    }
  return found;
}

guint
ipt_closeness_circle_ring_at (double width,
                              double height,
                              double x,
                              double y)
{
  Geometry g;
  double d;

  geometry_init (&g, width, height);
  d = hypot (x - g.cx, y - g.cy);
  if (d <= g.client || d > g.outer)
    return 0;
  for (guint ring = 1; ring <= IPT_CIRCLE_RINGS; ring++)
    if (d <= ring_outer_radius (&g, ring))
      return ring;
  return 0;
}

IptCircleFocus
ipt_closeness_circle_focus_of (gint64        person_id,
                               const gint64 *focus_ids,
                               guint         n_focus_ids)
{
  gboolean main_focus = n_focus_ids > 0 && focus_ids[0] != 0 && focus_ids[0] == person_id;
  gboolean secondary = n_focus_ids > 1 && focus_ids[1] != 0 && focus_ids[1] == person_id;
  gboolean has_secondary = n_focus_ids > 1 && focus_ids[1] != 0;

  if (person_id == 0 || (!main_focus && !secondary))
    return IPT_CIRCLE_FOCUS_NONE;
  /* Both foci about the one person, or the course with one: just "the focus". */
  if (main_focus && secondary)
    return IPT_CIRCLE_FOCUS_ONLY;
  if (main_focus)
    return has_secondary ? IPT_CIRCLE_FOCUS_MAIN : IPT_CIRCLE_FOCUS_ONLY;
  return IPT_CIRCLE_FOCUS_SECONDARY;
}

char *
ipt_closeness_circle_describe (const IptCirclePerson *person)
{
  GString *text;
  static const char *ring_words[] = {
    N_("ring 1 (closest)"), N_("ring 2"), N_("ring 3 (least close)"),
  };

  g_return_val_if_fail (person != NULL, NULL);

  text = g_string_new (person->name != NULL ? person->name : "");
  if (person->relationship != NULL && *person->relationship != '\0')
    /* TRANSLATORS: a person of the inventory and their relationship: ", partner" */
    g_string_append_printf (text, _(", %s"), person->relationship);
  /* TRANSLATORS: after a person's name: ": ring 2" */
  g_string_append_printf (text, _(": %s"), _(ring_words[clamp_ring (person->ring) - 1]));
  if (person->focus == IPT_CIRCLE_FOCUS_MAIN)
    /* TRANSLATORS: after a person's place in the circle, when the course has a secondary focus */
    g_string_append (text, _(", the main focus of the course"));
  else if (person->focus == IPT_CIRCLE_FOCUS_SECONDARY)
    /* TRANSLATORS: after a person's place in the circle: the course's secondary focus is about
     * them */
    g_string_append (text, _(", the secondary focus of the course"));
  else if (person->focus)
    g_string_append (text, _(", the focus of the course"));
  if (person->ideal_ring >= 1 && person->ideal_ring <= IPT_CIRCLE_RINGS)
    /* TRANSLATORS: the ring the client would like a person on */
    g_string_append_printf (text, _("; ideal ring %u"), person->ideal_ring);
  return g_string_free (text, FALSE);
}

/* Drawing */

static void
set_color (cairo_t             *cr,
           const IptChartColor *color,
           double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Shaping text is most of the cost of drawing the circle, and a widget draws the same names
 * again and again (hover, drag, resize); so shaped layouts are kept across renders, keyed by
 * everything that affects them: the target's font options and transformation, the font, the
 * width and the text (as the mood chart does). */
#define SHAPE_CACHE_MAX 2048

G_LOCK_DEFINE_STATIC (shape_cache);
static GHashTable *shape_cache;

typedef struct
{
  cairo_t              *cr;
  double                size;
  PangoFontDescription *font;
  char                 *key;     /* the part of the cache key that is the same for every text */
} Text;

static void
text_init (Text                *t,
           cairo_t             *cr,
           const IptChartStyle *style,
           double               size)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t m;

  t->cr = cr;
  t->size = size;
  t->font = pango_font_description_new ();
  pango_font_description_set_family (t->font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (t->font, size * PANGO_SCALE);
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_matrix (cr, &m);
  t->key = g_strdup_printf ("%lx|%g,%g,%g,%g|%s|%g", cairo_font_options_hash (options),
                            m.xx, m.yx, m.xy, m.yy,
                            style->font_family != NULL ? style->font_family : "Sans", size);
  cairo_font_options_destroy (options);
}

static void
text_clear (Text *t)
{
  g_clear_pointer (&t->font, pango_font_description_free);
  g_clear_pointer (&t->key, g_free);
}

/* A shaped layout of the text, one line, ellipsized to max_width (> 0) and centred in it. */
static PangoLayout *
text_layout (Text       *t,
             const char *text,
             double      max_width)
{
  int width = max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1;
  g_autofree char *key = g_strdup_printf ("%s|%d|%s", t->key, width, text);
  PangoLayout *layout;

  G_LOCK (shape_cache);
  if (shape_cache == NULL)
    shape_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  layout = g_hash_table_lookup (shape_cache, key);
  if (layout == NULL)
    {
      if (g_hash_table_size (shape_cache) >= SHAPE_CACHE_MAX)
        g_hash_table_remove_all (shape_cache);
      layout = pango_cairo_create_layout (t->cr);
      pango_layout_set_font_description (layout, t->font);
      pango_layout_set_width (layout, width);
      pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, text, -1);
      /* Lay it out now, so that the shared layout is only read afterwards. */
      pango_layout_get_extents (layout, NULL, NULL);
      g_hash_table_insert (shape_cache, g_steal_pointer (&key), layout);
    }
  g_object_ref (layout);
  G_UNLOCK (shape_cache);
  return layout;
}

/* Text centred on x with its top at y (or its bottom, above); with a max_width, ellipsized to
 * it and kept inside the picture's width. */
static void
draw_text (Text         *t,
           const char   *text,
           double        x,
           double        y,
           gboolean      above,
           double        max_width,
           double        picture_width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  if (max_width > 0)
    max_width = MIN (max_width, picture_width);
  layout = text_layout (t, text, max_width);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (above)
    y -= h;
  if (max_width > 0)
    {
      x = CLAMP (x, max_width / 2.0, picture_width - max_width / 2.0);
      cairo_move_to (t->cr, x - max_width / 2.0, y);
    }
  else
    cairo_move_to (t->cr, x - w / 2.0, y);
  pango_cairo_show_layout (t->cr, layout);
}

/* Where a person's label may go, tried in turn: on the outer side of the marker (away from the
 * client and the ring inside), on its inner side, then beside it, right and left. The first that
 * keeps clear of the ring labels and of the client's disc is taken; when none does, the one that
 * covers least of them. */
static gboolean
boxes_meet (const IptCircleBox *a,
            const IptCircleBox *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static double
overlap_area (const IptCircleBox *a,
              const IptCircleBox *b)
{
  double w = MIN (a->x + a->w, b->x + b->w) - MAX (a->x, b->x);
  double h = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

/* The ring labels' boxes and the client's disc (a square round it): what people's labels keep
 * clear of. */
static void
fixed_boxes (const Geometry *g,
             Text           *t,
             IptCircleBox    boxes[IPT_CIRCLE_RINGS + 1])
{
  for (guint ring = 1; ring <= IPT_CIRCLE_RINGS; ring++)
    {
      g_autofree char *label = g_strdup_printf (_("ring %u"), ring);
      g_autoptr(PangoLayout) layout = text_layout (t, label, -1);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      boxes[ring - 1] = (IptCircleBox) { g->cx - w / 2.0, g->cy - ring_outer_radius (g, ring) + 2, w, h };
    }
  boxes[IPT_CIRCLE_RINGS] = (IptCircleBox) { g->cx - g->client, g->cy - g->client,
                                             2 * g->client, 2 * g->client };
}

static void
place_label (const Geometry       *g,
             Text                 *t,
             const IptCircleBox    fixed[IPT_CIRCLE_RINGS + 1],
             const IptCirclePlace *p,
             const char           *label,
             double                gap,
             double                max_width,
             double                picture_width,
             IptCircleBox         *out)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean outer_above = p->y < g->cy - p->radius;
  double best_cost = G_MAXDOUBLE;
  int w, h;

  max_width = MIN (max_width, picture_width);
  layout = text_layout (t, label, max_width);
  pango_layout_get_pixel_size (layout, &w, &h);
  w = MIN (w, (int) ceil (max_width));

  for (guint c = 0; c < 4; c++)
    {
      IptCircleBox box = { 0, 0, w, h };
      double cost = 0;

      switch (c)
        {
        case 0:
        case 1:
          box.x = p->x - w / 2.0;
          box.y = (outer_above == (c == 0)) ? p->y - gap - h : p->y + gap;
          break;
        case 2:
          box.x = p->x + gap;
          box.y = p->y - h / 2.0;
          break;
        default:
          box.x = p->x - gap - w;
          box.y = p->y - h / 2.0;
          break;
        }
      /* inside the picture's width, as drawn */
      box.x = CLAMP (box.x, 0, MAX (picture_width - w, 0));
      for (guint f = 0; f <= IPT_CIRCLE_RINGS; f++)
        if (boxes_meet (&box, &fixed[f]))
          cost += 1 + overlap_area (&box, &fixed[f]);
      if (cost < best_cost)
        {
          best_cost = cost;
          *out = box;
        }
      if (cost == 0)
        break;
    }
}

/* The label drawn in its box: the layout is centred in max_width. */
static void
draw_label (Text               *t,
            const char         *label,
            const IptCircleBox *box,
            double              max_width,
            double              picture_width)
{
  g_autoptr(PangoLayout) layout = NULL;

  max_width = MIN (max_width, picture_width);
  layout = text_layout (t, label, max_width);
  cairo_move_to (t->cr, box->x + box->w / 2.0 - max_width / 2.0, box->y);
  pango_cairo_show_layout (t->cr, layout);
}

/* The first letter of a name, upper-cased: the marker's text. */
static void
initial_of (const char *name,
            char        out[8])
{
  gunichar c = ' ';

  if (name != NULL && g_utf8_validate (name, -1, NULL) && *name != '\0')
    c = g_unichar_toupper (g_utf8_get_char (name));
  out[g_unichar_to_utf8 (c, out)] = '\0';
}

/* The tint over the background, as one opaque colour: a band is filled once, with no
 * blending (the costliest part of the drawing after the text). */
static void
set_tint (cairo_t             *cr,
          const IptChartStyle *style,
          double               alpha)
{
  IptChartColor tint;

  ipt_chart_color_from_rgb (ipt_palette_color (IPT_PALETTE_CIRCLE_TINT, style->dark), &tint);
  cairo_set_source_rgb (cr,
                        style->background.red * (1 - alpha) + tint.red * alpha,
                        style->background.green * (1 - alpha) + tint.green * alpha,
                        style->background.blue * (1 - alpha) + tint.blue * alpha);
}

/* What stays the same while people move: the background, the rings with their labels and
 * the client. */
static void
draw_background (cairo_t             *cr,
                 const Geometry      *g,
                 const IptChartStyle *style,
                 Text                *t,
                 double               width)
{
  double step = style->dark ? 0.14 : 0.08;

  cairo_set_source_rgb (cr, style->background.red, style->background.green, style->background.blue);
  cairo_paint (cr);

  /* Rings, outer first: each band a deeper tint towards the client, opaque (no blending);
   * then their edges. */
  for (guint ring = IPT_CIRCLE_RINGS; ring >= 1; ring--)
    {
      cairo_new_path (cr);
      cairo_arc (cr, g->cx, g->cy, ring_outer_radius (g, ring), 0, 2 * G_PI);
      set_tint (cr, style, step * (IPT_CIRCLE_RINGS + 1 - ring));
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.0);
  set_tint (cr, style, style->dark ? 0.8 : 0.55);
  for (guint ring = 1; ring <= IPT_CIRCLE_RINGS; ring++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, g->cx, g->cy, ring_outer_radius (g, ring), 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  /* Ring labels at the top of each band, where nobody is placed. */
  for (guint ring = 1; ring <= IPT_CIRCLE_RINGS; ring++)
    {
      g_autofree char *label = g_strdup_printf (_("ring %u"), ring);

      set_color (cr, &style->foreground, 0.55);
      draw_text (t, label, g->cx, g->cy - ring_outer_radius (g, ring) + 2, FALSE, -1, width);
    }

  /* The client. */
  cairo_new_path (cr);
  cairo_arc (cr, g->cx, g->cy, g->client, 0, 2 * G_PI);
  ipt_palette_set_source (cr, IPT_PALETTE_CIRCLE_CLIENT, style->dark);
  cairo_fill (cr);
  {
    g_autoptr(PangoLayout) layout = text_layout (t, _("Client"), -1);
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    ipt_palette_set_source (cr, IPT_PALETTE_ON_ACCENT, style->dark);
    cairo_move_to (cr, g->cx - w / 2.0, g->cy - h / 2.0);
    pango_cairo_show_layout (cr, layout);
  }
}

/* On an image surface (a widget's or a PNG's) the background is drawn once for a size and style
 * and then copied: filling and stroking the large rings is most of the drawing's cost once the
 * text is shaped. Vector targets (PDF, SVG, print) get it drawn as vectors. */
G_LOCK_DEFINE_STATIC (background_cache);
static char *background_key;
static cairo_surface_t *background_surface;

static void
paint_background (cairo_t             *cr,
                  const Geometry      *g,
                  const IptChartStyle *style,
                  Text                *t,
                  double               width,
                  double               height)
{
  cairo_matrix_t m;
  g_autofree char *key = NULL;
  int device_width, device_height;

  cairo_get_matrix (cr, &m);
  device_width = (int) ceil (width * m.xx);
  device_height = (int) ceil (height * m.yy);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE
      || m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.yy <= 0
      || device_width <= 0 || device_height <= 0 || device_width > 4096 || device_height > 4096)
    {
      draw_background (cr, g, style, t, width);
      return;
    }

  key = g_strdup_printf ("%s|%g|%g|%g,%g,%g|%g,%g,%g|%d", t->key, width, height,
                         style->foreground.red, style->foreground.green, style->foreground.blue,
                         style->background.red, style->background.green, style->background.blue,
                         style->dark);
  G_LOCK (background_cache);
  if (g_strcmp0 (key, background_key) != 0)
    {
      cairo_surface_t *surface = cairo_surface_create_similar_image (cairo_get_target (cr),
                                                                     CAIRO_FORMAT_RGB24,
                                                                     device_width, device_height);
      cairo_t *bcr = cairo_create (surface);
      Text bt;

      cairo_scale (bcr, m.xx, m.yy);
      text_init (&bt, bcr, style, g->font);
      draw_background (bcr, g, style, &bt, width);
      text_clear (&bt);
      cairo_destroy (bcr);
      cairo_surface_flush (surface);

      g_clear_pointer (&background_surface, cairo_surface_destroy);
      g_free (background_key);
      background_surface = surface;
      background_key = g_steal_pointer (&key);
    }
  cairo_save (cr);
  cairo_scale (cr, 1.0 / m.xx, 1.0 / m.yy);
  cairo_set_source_surface (cr, background_surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  G_UNLOCK (background_cache);
}

/* A person's marker at (x, y): a disc with the initial; the focus person with a second ring.
 * ideal: the hollow, fainter marker of their ideal place instead. */
static void
draw_marker (cairo_t               *cr,
             Text                  *t,
             const IptCirclePerson *person,
             gboolean               ideal,
             double                 x,
             double                 y,
             double                 radius,
             gboolean               selected,
             const IptChartStyle   *style,
             const IptChartColor   *focus_color,
             const IptChartColor   *accent)
{
  char initial[8];

  if (ideal)
    {
      cairo_new_path (cr);
      cairo_set_line_width (cr, 1.0);
      cairo_arc (cr, x, y, radius * 0.8, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, style->background.red, style->background.green,
                            style->background.blue);
      cairo_fill_preserve (cr);
      set_color (cr, &style->foreground, 0.55);
      cairo_stroke (cr);
      return;
    }

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (selected)
    set_color (cr, accent, 1.0);
  else
    cairo_set_source_rgb (cr, style->background.red, style->background.green,
                          style->background.blue);
  cairo_fill_preserve (cr);
  if (person->focus)
    {
      set_color (cr, focus_color, 1.0);
      cairo_set_line_width (cr, 2.5);
    }
  else
    {
      set_color (cr, &style->foreground, 0.85);
      cairo_set_line_width (cr, 1.2);
    }
  cairo_stroke (cr);
  if (person->focus)
    {
      /* A second, outer ring: the mark does not rest on colour alone. */
      cairo_arc (cr, x, y, radius + 3.0, 0, 2 * G_PI);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  initial_of (person->name, initial);
  if (selected)
    ipt_palette_set_source (cr, IPT_PALETTE_ON_ACCENT, style->dark);
  else if (person->focus)
    set_color (cr, focus_color, 1.0);
  else
    set_color (cr, &style->foreground, 1.0);
  {
    g_autoptr(PangoLayout) layout = text_layout (t, initial, -1);
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
    pango_cairo_show_layout (cr, layout);
  }
}

/* Filling and stroking small antialiased circles is most of what drawing the people costs on an
 * image surface; yet there are only a few different markers (a size, an initial, plain, focus
 * or selected). Each is drawn once into a small image and then copied, at a whole device pixel.
 * Vector targets get vectors. */
#define SPRITE_CACHE_MAX 512

G_LOCK_DEFINE_STATIC (sprite_cache);
static GHashTable *sprite_cache;

static void
paint_marker (cairo_t               *cr,
              Text                  *t,
              const IptCirclePerson *person,
              gboolean               ideal,
              const IptCirclePlace  *p,
              gboolean               selected,
              const IptChartStyle   *style,
              const IptChartColor   *focus_color,
              const IptChartColor   *accent)
{
  cairo_matrix_t m;
  char initial[8];
  g_autofree char *key = NULL;
  cairo_surface_t *sprite;
  double half, device_x, device_y;

  double x = ideal ? p->ideal_x : p->x, y = ideal ? p->ideal_y : p->y;

  cairo_get_matrix (cr, &m);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE
      || m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.yy <= 0 || m.xx > 8 || m.yy > 8)
    {
      draw_marker (cr, t, person, ideal, x, y, p->radius, selected, style, focus_color, accent);
      return;
    }

  /* Room for the focus ring and antialiasing round the disc. */
  half = p->radius + 5.0;
  if (ideal)
    g_strlcpy (initial, "", sizeof initial);
  else
    initial_of (person->name, initial);
  key = g_strdup_printf ("%s|%g,%g|%.3f|%d%d%d|%s|%g,%g,%g|%g,%g,%g|%g,%g,%g", t->key, m.xx, m.yy,
                         p->radius, ideal, !ideal && person->focus, !ideal && selected, initial,
                         style->foreground.red, style->foreground.green, style->foreground.blue,
                         style->background.red, style->background.green, style->background.blue,
                         focus_color->red, focus_color->green, focus_color->blue);
  G_LOCK (sprite_cache);
  if (sprite_cache == NULL)
    sprite_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cairo_surface_destroy);
  sprite = g_hash_table_lookup (sprite_cache, key);
  if (sprite == NULL)
    {
      cairo_t *scr;
      Text st;

      if (g_hash_table_size (sprite_cache) >= SPRITE_CACHE_MAX)
        g_hash_table_remove_all (sprite_cache);
      sprite = cairo_surface_create_similar_image (cairo_get_target (cr), CAIRO_FORMAT_ARGB32,
                                                   (int) ceil (2 * half * m.xx),
                                                   (int) ceil (2 * half * m.yy));
      scr = cairo_create (sprite);
      cairo_scale (scr, m.xx, m.yy);
      text_init (&st, scr, style, t->size);
      draw_marker (scr, &st, person, ideal, half, half, p->radius, selected, style, focus_color,
                   accent);
      text_clear (&st);
      cairo_destroy (scr);
      cairo_surface_flush (sprite);
      g_hash_table_insert (sprite_cache, g_steal_pointer (&key), sprite);
    }

  /* The marker's centre on a whole device pixel, so the copy needs no resampling. */
  device_x = round ((x - half) * m.xx + m.x0);
  device_y = round ((y - half) * m.yy + m.y0);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, sprite, device_x, device_y);
  cairo_paint (cr);
  cairo_restore (cr);
  G_UNLOCK (sprite_cache);
}

void
ipt_closeness_circle_render (cairo_t                *cr,
                             const IptCirclePerson  *people,
                             guint                   n_people,
                             const IptCircleOptions *options,
                             const IptChartStyle    *style,
                             double                  width,
                             double                  height)
{
  ipt_closeness_circle_render_boxes (cr, people, n_people, options, style, width, height, NULL,
                                     NULL);
}

void
ipt_closeness_circle_render_boxes (cairo_t                *cr,
                                   const IptCirclePerson  *people,
                                   guint                   n_people,
                                   const IptCircleOptions *options,
                                   const IptChartStyle    *style,
                                   double                  width,
                                   double                  height,
                                   IptCircleBox           *label_boxes,
                                   IptCircleBox           *ring_boxes)
{
  g_autofree IptCirclePlace *places = NULL;
  IptChartColor focus_color, accent;
  IptCircleBox fixed[IPT_CIRCLE_RINGS + 1];
  IptCircleBox box = { 0, };
  Geometry g;
  Text t;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (people != NULL || n_people == 0);

  geometry_init (&g, width, height);
  places = g_new (IptCirclePlace, MAX (n_people, 1));
  layout_places (&g, people, n_people, options, places);
  ipt_chart_style_get_signal_color (style, IPT_SIGNAL_RISK, &focus_color);
  ipt_chart_color_from_rgb (ipt_palette_color (IPT_PALETTE_CIRCLE_TINT, style->dark), &accent);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  text_init (&t, cr, style, g.font);
  paint_background (cr, &g, style, &t, width, height);

  /* Ideal placements under the people: a hollow, fainter marker joined to the actual place by a
   * thin line (solid: dashes cost more than the rest of a person's drawing). */
  for (guint i = 0; i < n_people; i++)
    {
      const IptCirclePlace *p = &places[i];

      if (!p->has_ideal)
        continue;
      cairo_set_line_width (cr, 1.0);
      set_color (cr, &style->foreground, 0.45);
      cairo_new_path (cr);
      cairo_move_to (cr, p->x, p->y);
      cairo_line_to (cr, p->ideal_x, p->ideal_y);
      cairo_stroke (cr);
      paint_marker (cr, &t, &people[i], TRUE, p, FALSE, style, &focus_color, &accent);
    }

  /* People: a disc with the initial, the name and relationship beside it. */
  fixed_boxes (&g, &t, fixed);
  for (guint i = 0; i < n_people; i++)
    {
      const IptCirclePerson *person = &people[i];
      const IptCirclePlace *p = &places[i];
      gboolean selected = options != NULL && options->selected_id != 0
                          && options->selected_id == person->id;
      double gap = p->radius + 2.0 + (person->focus ? 3.0 : 0.0);
      g_autofree char *label = NULL;

      paint_marker (cr, &t, person, FALSE, p, selected, style, &focus_color, &accent);

      if (person->relationship != NULL && *person->relationship != '\0')
        /* TRANSLATORS: a label on the closeness circle: name · relationship */
        label = g_strdup_printf (_("%s · %s"), person->name != NULL ? person->name : "",
                                 person->relationship);
      else
        label = g_strdup (person->name != NULL ? person->name : "");
      /* The label on the outer side of the marker, away from the client and the ring inside,
       * unless a ring's label or the client's disc is in the way there. */
      set_color (cr, &style->foreground, 1.0);
      place_label (&g, &t, fixed, p, label, gap, MAX (g.outer * 0.55, 40.0), width, &box);
      draw_label (&t, label, &box, MAX (g.outer * 0.55, 40.0), width);
      if (label_boxes != NULL)
        label_boxes[i] = box;
    }
  if (ring_boxes != NULL)
    memcpy (ring_boxes, fixed, sizeof fixed);

  text_clear (&t);
  cairo_restore (cr);
}
