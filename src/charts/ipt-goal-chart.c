/* A small chart of goal ratings across a course's sessions. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-goal-chart.h"
#include "ipt-palette.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

/* How far in from the plot's sides the first and last sessions sit. */
#define POINT_PAD 12.0

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
set_fg (cairo_t             *cr,
        const IptChartStyle *style,
        double               alpha)
{
  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                         style->foreground.blue, style->foreground.alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)   /* 0 left, 0.5 centre, 1 right of x */
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* Where session s sits across the plot: the first and last sessions are
 * padded in from the plot's edges so that their dots (and their labels)
 * are drawn whole, a lone session in the middle. */
static double
session_x (guint  s,
           guint  max_session,
           double left,
           double right)
{
  double pad = MIN (POINT_PAD, (right - left) / 4);

  if (max_session <= 1)
    return (left + right) / 2;
  return left + pad + (right - left - 2 * pad) * (s - 1) / (max_session - 1);
}

void
ipt_goal_chart_render (cairo_t             *cr,
                       const IptGoalSeries *goals,
                       guint                n_goals,
                       guint                last_session,
                       const IptChartStyle *style,
                       double               width,
                       double               height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  double fs, left, right, top, bottom, legend_h;
  guint max_session = MAX (last_session, 1);
  gboolean any = FALSE;
  int lw, lh;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (goals != NULL || n_goals == 0);

  fs = style->font_size > 0 ? style->font_size * 0.9 : 10.0;
  for (guint g = 0; g < n_goals; g++)
    for (guint i = 0; i < goals[g].n_points; i++)
      if (goals[g].points[i].rating >= 0 && goals[g].points[i].rating <= 10)
        {
          any = TRUE;
          max_session = MAX (max_session, goals[g].points[i].session);
        }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, style->background.red, style->background.green, style->background.blue);
  cairo_paint (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, fs * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, "10", -1);
  pango_layout_get_pixel_size (layout, &lw, &lh);

  legend_h = MIN (n_goals, 6) * (lh + 2) + 4;
  left = lw + 10;
  right = width - 8;
  top = lh / 2.0 + 4;
  bottom = height - legend_h - lh - 8;
  if (bottom <= top + 10 || right <= left + 10)
    {
      cairo_restore (cr);
      return;
    }

  /* Grid at 0, 5 and 10, session numbers under the plot. */
  cairo_set_line_width (cr, 1.0);
  for (int v = 0; v <= 10; v += 5)
    {
      double y = round (bottom - (bottom - top) * v / 10.0) + 0.5;
      char label[4];

      set_fg (cr, style, 0.15);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%d", v);
      set_fg (cr, style, 0.7);
      show_text (cr, layout, label, left - 5, y, 1.0);
    }
  for (guint s = 1; s <= max_session; s++)
    {
      double x = session_x (s, max_session, left, right);
      char label[8];

      /* every session when they fit, else every other one */
      if (max_session > 12 && s % 2 == 0 && s != max_session)
        continue;
      g_snprintf (label, sizeof label, "%u", s);
      set_fg (cr, style, 0.7);
      show_text (cr, layout, label, x, bottom + lh / 2.0 + 3, 0.5);
    }

  if (!any)
    {
      set_fg (cr, style, 0.6);
      show_text (cr, layout, _("No ratings yet"), (left + right) / 2, (top + bottom) / 2, 0.5);
    }

  /* One line per goal, a dot at each rating. */
  for (guint g = 0; g < n_goals; g++)
    {
      guint32 rgb = ipt_palette_goal_series (g, style->dark);
      gboolean started = FALSE;

      cairo_new_path (cr);
      set_rgb (cr, rgb, 1.0);
      cairo_set_line_width (cr, 2.0);
      for (guint i = 0; i < goals[g].n_points; i++)
        {
          const IptGoalPoint *p = &goals[g].points[i];
          double x, y;

          if (p->rating < 0 || p->rating > 10 || p->session < 1)
            continue;
          x = session_x (p->session, max_session, left, right);
          y = bottom - (bottom - top) * p->rating / 10.0;
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);
      for (guint i = 0; i < goals[g].n_points; i++)
        {
          const IptGoalPoint *p = &goals[g].points[i];
          double x, y;

          if (p->rating < 0 || p->rating > 10 || p->session < 1)
            continue;
          x = session_x (p->session, max_session, left, right);
          y = bottom - (bottom - top) * p->rating / 10.0;
          cairo_new_path (cr);
          cairo_arc (cr, x, y, 3.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The legend: a swatch and the goal, ellipsized to the width. */
  pango_layout_set_width (layout, (int) ((width - 30) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint g = 0; g < n_goals && g < 6; g++)
    {
      double y = bottom + lh + 8 + g * (lh + 2);
      g_autofree char *text = g_strdup_printf ("%u  %s", g + 1, goals[g].text != NULL ? goals[g].text : "");

      set_rgb (cr, ipt_palette_goal_series (g, style->dark), 1.0);
      cairo_rectangle (cr, 4, y + lh / 2.0 - 2, 14, 4);
      cairo_fill (cr);
      set_fg (cr, style, 1.0);
      cairo_move_to (cr, 24, y);
      pango_layout_set_text (layout, text, -1);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}
