/* What the pieces of the mood chart renderer share: its layout, text and drawing helpers. */
#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "ipt-mood-chart-private.h"

G_BEGIN_DECLS

/* The measures have different ranges, bands and cut-offs (PHQ-9 0-27 with caseness at 10,
 * GAD-7 0-21 at 8, WSAS 0-40 with none). On one shared axis two of the three would be drawn
 * against the wrong bands and cut-off, and a second y axis invites reading crossings that mean
 * nothing. So each measure gets its own panel and scale (small multiples), while the panels
 * share the session axis and the phase shading, which is what is compared between them. */

#define MAX_PANELS IPT_CHART_N_MEASURES
#define N_PHASES 4
#define MAX_EVENT_ROWS 3

typedef struct
{
  double x, y, w, h;
} Rect;

typedef struct
{
  int             measure;     /* IptChartMeasure, or -1: an empty panel */
  Rect            header;
  Rect            plot;
  int             step;        /* tick step in score units */
} Panel;

typedef struct
{
  double   fs;                 /* base font size */
  double   small;
  double   pad;
  double   line;               /* line width of the series */
  double   radius;             /* of a point */

  Rect     title;
  Rect     subtitle;
  Rect     phases;
  Panel    panels[MAX_PANELS];
  guint    n_panels;
  Rect     numbers;
  Rect     dates;
  Rect     marks;
  Rect     events;
  guint    event_rows;
  Rect     legend;
  guint    legend_rows;

  double   plot_x;
  double   plot_w;
  double   right_x;
  double   right_w;
  double   band_top;           /* phase shading spans band_top .. band_bottom */
  double   band_bottom;

  guint    last_number;
  double   slot;
  guint    current;

  gboolean show_subtitle;
  gboolean show_dates;
  gboolean show_marks;
  gboolean show_events;
  gboolean show_legend;
  gboolean has_missed;
  gboolean has_risk;
  gboolean has_joint;
  gboolean has_events;

  /* measured once per layout, drawn from here */
  struct _EventPlace *event_places;   /* one per data->events, or NULL */
  guint              n_event_places;
  GArray            *legend_items;    /* LegendItem */
} Layout;

typedef struct
{
  PangoContext         *context;
  PangoLayout          *layout;     /* the current text (a strong reference) */
  char                 *key;        /* text is shared through the shape cache under this, or NULL */
  PangoFontDescription *normal;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *small_bold;
  PangoFontDescription *title;
  GArray               *boxes;      /* IptChartBox of every text drawn, or NULL */
  GArray               *segments;   /* IptChartSegment of every line drawn, or NULL */
} Text;

typedef struct _EventPlace
{
  double x;
  double label_x;
  double label_w;
  int    row;                  /* -1: no room for the label, only the flag */
  char  *text;
} EventPlace;

typedef enum
{
  LEGEND_SERIES,
  LEGEND_BAND,
  LEGEND_CUTOFF,
  LEGEND_RISK,
  LEGEND_JOINT,
  LEGEND_DNA,
  LEGEND_CANCELLED,
  LEGEND_EVENT,
} LegendKind;

typedef struct
{
  LegendKind kind;
  int        measure;
  char      *text;
  double     w;
  double     x;
  guint      row;
} LegendItem;

/* Colours ---------------------------------------------------------------------------------- */

static inline IptChartColor
mix (IptChartColor base,
     IptChartColor over,
     double        amount)
{
  IptChartColor c = {
    base.red + (over.red - base.red) * amount,
    base.green + (over.green - base.green) * amount,
    base.blue + (over.blue - base.blue) * amount,
    1.0,
  };
  return c;
}

static inline IptChartColor
with_alpha (IptChartColor c,
            double        alpha)
{
  c.alpha = alpha;
  return c;
}

static inline void
set_color (cairo_t             *cr,
           const IptChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static inline IptChartColor
background (const IptChartStyle *style)
{
  return with_alpha (style->background, 1.0);
}

static inline IptChartColor
warning_color (const IptChartStyle *style)
{
  IptChartColor c;

  ipt_chart_style_get_signal_color (style, IPT_SIGNAL_RISK, &c);
  return c;
}

static inline IptChartColor
muted (const IptChartStyle *style)
{
  return mix (background (style), style->foreground, 0.62);
}

/* The shading of a phase, mixed into the background. */
IptChartColor _ipt_mood_chart_phase_tint (const IptChartStyle *style,
                                          IptPhase             phase);

/* Scales ----------------------------------------------------------------------------------- */

static inline double
slot_x (const Layout *l,
        double        number)
{
  return l->plot_x + (number - 0.5) * l->slot;
}

static inline double
value_y (const Panel      *panel,
         const IptMeasure *measure,
         double            value)
{
  double range = measure->total_max - measure->total_min;

  return panel->plot.y + panel->plot.h - (value - measure->total_min) / range * panel->plot.h;
}

static inline double
snap (double v)
{
  return round (v);
}

static inline gboolean
session_missed (const IptChartSession *s)
{
  return s->attendance != IPT_ATTENDANCE_ATTENDED;
}

/* Layout ----------------------------------------------------------------------------------- */

/* Small charts get smaller text, down to a readable floor. */
void        _ipt_mood_chart_font_sizes (const IptChartStyle *style,
                                        double               width,
                                        double               height,
                                        double              *fs,
                                        double              *small);

/* Lays the chart out in width x height, measuring its texts with t (set up here: clear it with
 * _ipt_mood_chart_text_clear () after _ipt_mood_chart_layout_clear ()). */
void        _ipt_mood_chart_layout_compute (Layout              *l,
                                            Text                *t,
                                            PangoContext        *context,
                                            const IptChartData  *data,
                                            const IptChartStyle *style,
                                            double               width,
                                            double               height);
void        _ipt_mood_chart_layout_clear (Layout *l);

/* The first and last session number of each phase on this chart; FALSE when not shown. */
gboolean    _ipt_mood_chart_phase_range (const IptChartData *data,
                                         const Layout       *l,
                                         IptPhase            phase,
                                         guint              *first,
                                         guint              *last);

/* "cut-off 10" in buf. */
const char *_ipt_mood_chart_cutoff_text (char  *buf,
                                         gsize  size,
                                         int    caseness);

/* Text ------------------------------------------------------------------------------------- */

/* The key of a render's texts in the shape cache: all that shapes them but the font, width
 * and text, that is the target's font options and transformation, the family and the sizes. */
char *_ipt_mood_chart_shape_cache_key (cairo_t             *cr,
                                       const IptChartStyle *style,
                                       double               fs,
                                       double               small);

/* Sets up the fonts of a render: fs is the base size, small that of the small texts. */
void  _ipt_mood_chart_text_init (Text                *t,
                                 PangoContext        *context,
                                 const IptChartStyle *style,
                                 double               fs,
                                 double               small);
void  _ipt_mood_chart_text_clear (Text *t);

/* Makes s in font the current text: one line, ellipsized to max_width (-1: any width); or up
 * to `lines` lines wrapped at words. */
void  _ipt_mood_chart_text_set_lines (Text                       *t,
                                      const PangoFontDescription *font,
                                      const char                 *s,
                                      double                      max_width,
                                      int                         lines);

/* Draws the current text with its top-left corner at (x, y). */
void  _ipt_mood_chart_text_draw (cairo_t             *cr,
                                 Text                *t,
                                 double               x,
                                 double               y,
                                 const IptChartColor *color);

static inline void
text_set (Text                       *t,
          const PangoFontDescription *font,
          const char                 *s,
          double                      max_width)
{
  _ipt_mood_chart_text_set_lines (t, font, s, max_width, 1);
}

static inline void
text_size (Text   *t,
           double *w,
           double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (t->layout, NULL, &logical);
  if (w != NULL)
    *w = logical.width / (double) PANGO_SCALE;
  if (h != NULL)
    *h = logical.height / (double) PANGO_SCALE;
}

static inline double
text_measure (Text                       *t,
              const PangoFontDescription *font,
              const char                 *s)
{
  double w;

  text_set (t, font, s, -1);
  text_size (t, &w, NULL);
  return w;
}

static inline double
line_height (Text                       *t,
             const PangoFontDescription *font)
{
  double h;

  text_set (t, font, "0", -1);
  text_size (t, NULL, &h);
  return h;
}

/* Records a straight line for the overlap checks of the tests. */
static inline void
record_line (Text   *t,
             double  x0,
             double  y0,
             double  x1,
             double  y1,
             double  width)
{
  IptChartSegment seg = { x0, y0, x1, y1, width };

  if (t->segments != NULL)
    g_array_append_val (t->segments, seg);
}

/* Drawing ---------------------------------------------------------------------------------- */

static inline void
fill_rect (cairo_t             *cr,
           double               x0,
           double               y0,
           double               x1,
           double               y1,
           const IptChartColor *color)
{
  x0 = snap (x0);
  y0 = snap (y0);
  x1 = snap (x1);
  y1 = snap (y1);
  if (x1 <= x0 || y1 <= y0)
    return;
  set_color (cr, color);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (cr);
}

/* Horizontal and vertical lines as pixel-aligned boxes (added to the path): crisp, and on image
 * surfaces the fast path without tessellation, a good part of what keeps a chart quick. */
static inline void
hline (cairo_t *cr,
       Text    *t,
       double   x0,
       double   x1,
       double   y,
       double   thickness)
{
  double h = MAX (1, round (thickness));
  double top = round (y - (h - 1) / 2);

  cairo_rectangle (cr, round (x0), top, round (x1) - round (x0), h);
  record_line (t, round (x0), top + h / 2, round (x1), top + h / 2, h);
}

static inline void
vline (cairo_t *cr,
       Text    *t,
       double   x,
       double   y0,
       double   y1)
{
  cairo_rectangle (cr, round (x), round (y0), 1, round (y1) - round (y0));
  record_line (t, round (x) + 0.5, round (y0), round (x) + 0.5, round (y1), 1);
}

/* A dashed horizontal line of boxes. */
static inline void
hline_dashed (cairo_t *cr,
              Text    *t,
              double   x0,
              double   x1,
              double   y,
              double   thickness,
              double   dash,
              double   gap)
{
  double h = MAX (1, round (thickness));
  double top = round (y - (h - 1) / 2);

  for (double x = x0; x < x1; x += dash + gap)
    cairo_rectangle (cr, round (x), top, round (MIN (x + dash, x1)) - round (x), h);
  record_line (t, x0, top + h / 2, x1, top + h / 2, h);
}

/* One measure's panel (or the note that there is none): its bands and phases, grid and cut-off,
 * scores, header, and the band names in the right margin. */
void _ipt_mood_chart_draw_panel (cairo_t             *cr,
                                 Text                *t,
                                 const Layout        *l,
                                 const Panel         *panel,
                                 const IptChartData  *data,
                                 const IptChartStyle *style);

G_END_DECLS
