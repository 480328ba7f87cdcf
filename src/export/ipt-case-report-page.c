/* The case report's page writer: headings, paragraphs, fields, tables and pictures flowing over
 * A4 pages, each with a header and its page number; no text is ever cut off. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-case-report-private.h"
#include "ipt-palette.h"

#include <glib/gi18n.h>

#include <string.h>

#define FONT_FAMILY "Cantarell,DejaVu Sans,Sans"
#define BODY_SIZE 9.5
#define LABEL_WIDTH 135.0
#define CELL_PADDING 3.0
#define HEADER_HEIGHT 24.0
#define FOOTER_HEIGHT 24.0

static PangoFontDescription *
make_font (double      size,
           PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

double
_ipt_report_content_width (void)
{
  return IPT_REPORT_PAGE_WIDTH - 2 * IPT_REPORT_MARGIN;
}

static double
page_top (void)
{
  return IPT_REPORT_MARGIN + HEADER_HEIGHT;
}

static double
page_bottom (void)
{
  return IPT_REPORT_PAGE_HEIGHT - IPT_REPORT_MARGIN - FOOTER_HEIGHT;
}

static void
set_text (IptReportWriter            *w,
          const PangoFontDescription *font,
          const char                 *text,
          double                      width)
{
  pango_layout_set_font_description (w->layout, font);
  pango_layout_set_width (w->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (w->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (w->layout, text, -1);
}

/* The header and the page number, with a layout of their own: a page may start in the middle
 * of a paragraph whose layout is being drawn. */
static void
draw_page_frame (IptReportWriter *w)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *number = NULL;
  int tw, th;

  if (w->cr == NULL)
    return;

  layout = pango_layout_new (w->context);
  pango_layout_set_font_description (layout, w->small);
  ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_MARGIN, FALSE);
  pango_layout_set_width (layout, (int) (_ipt_report_content_width () * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, w->header, -1);
  cairo_move_to (w->cr, IPT_REPORT_MARGIN, IPT_REPORT_MARGIN);
  pango_cairo_show_layout (w->cr, layout);

  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, IPT_REPORT_MARGIN, IPT_REPORT_MARGIN + HEADER_HEIGHT - 8);
  cairo_line_to (w->cr, IPT_REPORT_PAGE_WIDTH - IPT_REPORT_MARGIN,
                 IPT_REPORT_MARGIN + HEADER_HEIGHT - 8);
  cairo_stroke (w->cr);

  /* TRANSLATORS: the number of a page of a report */
  number = g_strdup_printf (_("Page %u of %u"), w->page, MAX (w->n_pages, w->page));
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (w->cr, IPT_REPORT_PAGE_WIDTH - IPT_REPORT_MARGIN - tw,
                 IPT_REPORT_PAGE_HEIGHT - IPT_REPORT_MARGIN - th);
  pango_cairo_show_layout (w->cr, layout);
  ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_TEXT, FALSE);
}

void
_ipt_report_writer_init (IptReportWriter *w,
                         cairo_t         *cr,
                         PangoContext    *context,
                         const char      *header,
                         guint            n_pages)
{
  memset (w, 0, sizeof *w);
  w->cr = cr;
  w->context = g_object_ref (context);
  w->layout = pango_layout_new (context);
  w->body = make_font (BODY_SIZE, PANGO_WEIGHT_NORMAL);
  w->bold = make_font (BODY_SIZE, PANGO_WEIGHT_BOLD);
  w->small = make_font (BODY_SIZE * 0.85, PANGO_WEIGHT_NORMAL);
  w->h1 = make_font (BODY_SIZE * 1.9, PANGO_WEIGHT_BOLD);
  w->h2 = make_font (BODY_SIZE * 1.35, PANGO_WEIGHT_BOLD);
  w->header = header;
  w->n_pages = n_pages;
  w->page = 1;
  w->y = page_top ();
  draw_page_frame (w);
}

void
_ipt_report_writer_clear (IptReportWriter *w)
{
  g_clear_object (&w->layout);
  g_clear_object (&w->context);
  g_clear_pointer (&w->body, pango_font_description_free);
  g_clear_pointer (&w->bold, pango_font_description_free);
  g_clear_pointer (&w->small, pango_font_description_free);
  g_clear_pointer (&w->h1, pango_font_description_free);
  g_clear_pointer (&w->h2, pango_font_description_free);
}

void
_ipt_report_new_page (IptReportWriter *w)
{
  if (w->cr != NULL)
    cairo_show_page (w->cr);
  w->page++;
  w->y = page_top ();
  draw_page_frame (w);
}

void
_ipt_report_finish (IptReportWriter *w)
{
  if (w->cr != NULL)
    cairo_show_page (w->cr);
}

void
_ipt_report_need (IptReportWriter *w,
                  double           height)
{
  /* Something taller than a page starts on a fresh one and is then drawn as it is. */
  if (w->y + height > page_bottom () && w->y > page_top ())
    _ipt_report_new_page (w);
}

void
_ipt_report_space (IptReportWriter *w,
                   double           points)
{
  w->y += points;
  if (w->y > page_bottom ())
    _ipt_report_new_page (w);
}

/* Draws the lines of the current layout at x from w->y, moving to the next page between lines
 * when the page is full. */
static void
flow_layout (IptReportWriter *w,
             double           x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (w->layout);

  do
    {
      PangoRectangle logical;
      int baseline;
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      height = (double) logical.height / PANGO_SCALE;

      if (w->y + height > page_bottom () && w->y > page_top ())
        _ipt_report_new_page (w);
      if (w->cr != NULL)
        {
          cairo_move_to (w->cr, x + (double) logical.x / PANGO_SCALE,
                         w->y + (double) (baseline - logical.y) / PANGO_SCALE);
          pango_cairo_show_layout_line (w->cr, pango_layout_iter_get_line_readonly (iter));
        }
      w->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

void
_ipt_report_heading (IptReportWriter *w,
                     int              level,
                     const char      *text)
{
  int tw, th;

  set_text (w, level <= 1 ? w->h1 : level == 2 ? w->h2 : w->bold, text,
            _ipt_report_content_width ());
  pango_layout_get_pixel_size (w->layout, &tw, &th);
  /* A heading stays with at least a few lines of what follows it. */
  _ipt_report_need (w, th + 60);
  w->y += level <= 1 ? 6 : level == 2 ? 10 : 6;
  flow_layout (w, IPT_REPORT_MARGIN);
  w->y += level <= 2 ? 4 : 2;
}

void
_ipt_report_paragraph (IptReportWriter            *w,
                       const PangoFontDescription *font,
                       const char                 *text)
{
  if (text == NULL || *text == '\0')
    return;
  set_text (w, font != NULL ? font : w->body, text, _ipt_report_content_width ());
  flow_layout (w, IPT_REPORT_MARGIN);
  w->y += 3;
}

void
_ipt_report_field (IptReportWriter *w,
                   const char      *label,
                   const char      *text)
{
  double value_width = _ipt_report_content_width () - LABEL_WIDTH;
  int lw, lh;

  if (text == NULL || *text == '\0')
    return;

  set_text (w, w->bold, label, LABEL_WIDTH - 8);
  pango_layout_get_pixel_size (w->layout, &lw, &lh);
  _ipt_report_need (w, lh);
  if (w->cr != NULL)
    {
      ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_NOTE, FALSE);
      cairo_move_to (w->cr, IPT_REPORT_MARGIN, w->y);
      pango_cairo_show_layout (w->cr, w->layout);
      ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_TEXT, FALSE);
    }
  {
    double label_bottom = w->y + lh;
    guint page = w->page;

    set_text (w, w->body, text, value_width);
    flow_layout (w, IPT_REPORT_MARGIN + LABEL_WIDTH);
    /* A label longer than its text keeps the next field below it. */
    if (w->page == page && w->y < label_bottom)
      w->y = label_bottom;
  }
  w->y += 2;
}

void
_ipt_report_table (IptReportWriter    *w,
                   const char * const *header,
                   const double       *widths,
                   guint               n_columns,
                   GPtrArray          *rows)
{
  double width = _ipt_report_content_width ();
  gboolean header_drawn = FALSE;

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *cells = r == 0 ? header : g_ptr_array_index (rows, r - 1);
      double row_height = 0;

      /* The height of the row: its tallest cell, wrapped in its column. */
      for (guint c = 0; c < n_columns; c++)
        {
          int cw, ch;

          set_text (w, r == 0 ? w->bold : w->small, cells[c] != NULL ? cells[c] : "",
                    widths[c] * width - 2 * CELL_PADDING);
          pango_layout_get_pixel_size (w->layout, &cw, &ch);
          row_height = MAX (row_height, ch + 2 * CELL_PADDING);
        }

      /* A row taller than a page is drawn as it is on a page of its own; a row that does not
       * fit goes to the next page with the header again. */
      if (w->y + row_height > page_bottom () && w->y > page_top ())
        {
          _ipt_report_new_page (w);
          header_drawn = FALSE;
        }
      if (r > 0 && !header_drawn)
        {
          /* repeat the header at the top of a new page */
          double header_height = 0;

          for (guint c = 0; c < n_columns; c++)
            {
              int cw, ch;

              set_text (w, w->bold, header[c], widths[c] * width - 2 * CELL_PADDING);
              pango_layout_get_pixel_size (w->layout, &cw, &ch);
              header_height = MAX (header_height, ch + 2 * CELL_PADDING);
            }
          if (w->cr != NULL)
            {
              double x = IPT_REPORT_MARGIN;

              ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_TABLE_HEAD, FALSE);
              cairo_rectangle (w->cr, IPT_REPORT_MARGIN, w->y, width, header_height);
              cairo_fill (w->cr);
              ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_TEXT, FALSE);
              for (guint c = 0; c < n_columns; c++)
                {
                  set_text (w, w->bold, header[c], widths[c] * width - 2 * CELL_PADDING);
                  cairo_move_to (w->cr, x + CELL_PADDING, w->y + CELL_PADDING);
                  pango_cairo_show_layout (w->cr, w->layout);
                  x += widths[c] * width;
                }
            }
          w->y += header_height;
          header_drawn = TRUE;
        }
      if (r == 0)
        continue;

      if (w->cr != NULL)
        {
          double x = IPT_REPORT_MARGIN;

          for (guint c = 0; c < n_columns; c++)
            {
              set_text (w, w->small, cells[c] != NULL ? cells[c] : "",
                        widths[c] * width - 2 * CELL_PADDING);
              cairo_move_to (w->cr, x + CELL_PADDING, w->y + CELL_PADDING);
              pango_cairo_show_layout (w->cr, w->layout);
              x += widths[c] * width;
            }
          ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_RULE, FALSE);
          cairo_set_line_width (w->cr, 0.4);
          cairo_move_to (w->cr, IPT_REPORT_MARGIN, w->y + row_height);
          cairo_line_to (w->cr, IPT_REPORT_MARGIN + width, w->y + row_height);
          cairo_stroke (w->cr);
          ipt_palette_set_source (w->cr, IPT_PALETTE_PAPER_TEXT, FALSE);
        }
      w->y += row_height;
    }
  w->y += 6;
}

void
_ipt_report_picture (IptReportWriter  *w,
                     double            width,
                     double            height,
                     IptReportDrawFunc draw,
                     gpointer          data)
{
  _ipt_report_need (w, height);
  if (w->cr != NULL)
    {
      cairo_save (w->cr);
      cairo_translate (w->cr, IPT_REPORT_MARGIN + (_ipt_report_content_width () - width) / 2.0, w->y);
      draw (w->cr, width, height, data);
      cairo_restore (w->cr);
    }
  w->y += height + 6;
}
