/* The supervision pack PDF, drawn with cairo and Pango from de-identified cases only. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-supervision-pack.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ipt-chart-style.h"
#include "ipt-csv-export.h"
#include "ipt-date-format.h"
#include "ipt-deidentify.h"
#include "ipt-mood-chart.h"
#include "ipt-palette.h"

/* A4 portrait in points, 18 mm margins. */
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define MARGIN 51.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CHART_HEIGHT 300.0
#define FONT "Cantarell,DejaVu Sans,Sans"

IptChartData *
ipt_supervision_chart_data (const IptReviewCase *rc)
{
  g_autofree IptChartSession *sessions = NULL;
  g_autofree IptChartScore *scores = NULL;

  g_return_val_if_fail (rc != NULL, NULL);

  sessions = g_new0 (IptChartSession, MAX (rc->sessions->len, 1));
  for (guint i = 0; i < rc->sessions->len; i++)
    {
      const IptReviewSession *s = &g_array_index (rc->sessions, IptReviewSession, i);

      sessions[i].number = s->number;
      sessions[i].date = NULL;
      sessions[i].attendance = s->attendance;
      sessions[i].phase = s->phase;
      /* Who came is not in a review file: the chart says partner, family member or other. */
      sessions[i].attendees = s->attendees;
    }
  scores = g_new0 (IptChartScore, MAX (rc->scores->len, 1));
  for (guint i = 0; i < rc->scores->len; i++)
    {
      const IptReviewScore *s = &g_array_index (rc->scores, IptReviewScore, i);

      scores[i].session = s->session;
      scores[i].measure_id = s->measure;
      scores[i].total = s->total;
      scores[i].risk_item = s->risk_item;
    }
  return ipt_chart_data_new_from_arrays (rc->code, rc->focus, rc->status, rc->planned_sessions,
                                         rc->assessment_end, rc->middle_end,
                                         sessions, rc->sessions->len, scores, rc->scores->len,
                                         NULL, 0);
}

void
ipt_supervision_compute_figures (GPtrArray          *cases,
                                 IptCaseloadFigures *figures)
{
  g_autofree IptEpisodeStatus *statuses = NULL;
  g_autofree const IptOutcome **outcomes = NULL;
  g_autofree IptSignalKind *kinds = NULL;

  g_return_if_fail (cases != NULL);

  statuses = g_new0 (IptEpisodeStatus, MAX (cases->len, 1));
  outcomes = g_new0 (const IptOutcome *, MAX (cases->len, 1));
  kinds = g_new0 (IptSignalKind, MAX (cases->len, 1));
  for (guint i = 0; i < cases->len; i++)
    {
      const IptReviewCase *rc = g_ptr_array_index (cases, i);

      statuses[i] = rc->status;
      outcomes[i] = rc->outcome;
      kinds[i] = ipt_review_case_get_signal_kind (rc);
    }
  ipt_caseload_figures_compute (statuses, outcomes, kinds, cases->len, figures);
}

/* Text flowing down the pages. */
typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
  guint        page;
} Pen;

static void
pen_footer (Pen *pen)
{
  g_autofree char *footer = g_strdup_printf (_("De-identified supervision pack · page %u"),
                                             pen->page);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT " 8");
  /* A layout of its own: the paragraph that starts the next page is still in pen->layout. */
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, TEXT_WIDTH * PANGO_SCALE);
  pango_layout_set_text (layout, footer, -1);
  ipt_palette_set_source (pen->cr, IPT_PALETTE_PAPER_FOOTER, FALSE);
  cairo_move_to (pen->cr, MARGIN, PAGE_HEIGHT - MARGIN + 14);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
pen_new_page (Pen *pen)
{
  if (pen->page > 0)
    {
      pen_footer (pen);
      cairo_show_page (pen->cr);
    }
  pen->page++;
  pen->y = MARGIN;
}

/* Lays text out in pen->layout in the font given ("Bold 14"), indented; its height in Pango
 * units. */
static int
pen_lay_out (Pen        *pen,
             const char *font_spec,
             const char *text,
             double      indent)
{
  g_autofree char *spec = g_strconcat (FONT " ", font_spec, NULL);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (spec);
  int height = 0;

  pango_layout_set_font_description (pen->layout, font);
  pango_layout_set_width (pen->layout, (int) ((TEXT_WIDTH - indent) * PANGO_SCALE));
  pango_layout_set_wrap (pen->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (pen->layout, text, -1);
  pango_layout_get_size (pen->layout, NULL, &height);
  return height;
}

/* A paragraph in the font given ("Bold 14"), indented, with space after it. */
static void
pen_text (Pen        *pen,
          const char *font_spec,
          const char *text,
          double      indent,
          double      space_after)
{
  int height;

  if (text == NULL || text[0] == '\0')
    return;
  height = pen_lay_out (pen, font_spec, text, indent);
  if (pen->y + (double) height / PANGO_SCALE <= PAGE_HEIGHT - MARGIN)
    {
      ipt_palette_set_source (pen->cr, IPT_PALETTE_PAPER_BODY, FALSE);
      cairo_move_to (pen->cr, MARGIN + indent, pen->y);
      pango_cairo_show_layout (pen->cr, pen->layout);
      pen->y += (double) height / PANGO_SCALE + space_after;
      return;
    }

  /* Longer than what is left of the page: line by line, onto as many pages as it takes, so
   * that nothing of a long text is lost past the bottom of a page. */
  {
    PangoLayoutIter *iter = pango_layout_get_iter (pen->layout);
    double top = pen->y;   /* where the line that began this page's part would have been */
    gboolean first = TRUE;

    do
      {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
        PangoRectangle logical;
        double line_top, line_height;

        pango_layout_iter_get_line_extents (iter, NULL, &logical);
        line_top = (double) logical.y / PANGO_SCALE;
        line_height = (double) logical.height / PANGO_SCALE;
        if (top + line_top + line_height > PAGE_HEIGHT - MARGIN
            && !(first && pen->y == MARGIN))
          {
            pen_new_page (pen);
            top = pen->y - line_top;
          }
        ipt_palette_set_source (pen->cr, IPT_PALETTE_PAPER_BODY, FALSE);
        cairo_move_to (pen->cr, MARGIN + indent,
                       top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
        pango_cairo_show_layout_line (pen->cr, line);
        pen->y = top + line_top + line_height;
        first = FALSE;
      }
    while (pango_layout_iter_next_line (iter));
    pango_layout_iter_free (iter);
    pen->y += space_after;
  }
}

/* Room kept under a heading for the start of what it heads: about two lines of body text, or a
 * smaller heading and two lines. */
#define KEEP_LINES 28.0
#define KEEP_HEADING_AND_LINES 48.0

/* A heading: on a new page when it would otherwise end this one, apart from what it heads. */
static void
pen_heading_keeping (Pen        *pen,
                     const char *font_spec,
                     const char *text,
                     double      indent,
                     double      space_after,
                     double      keep)
{
  int height;

  if (text == NULL || text[0] == '\0')
    return;
  height = pen_lay_out (pen, font_spec, text, indent);
  if (pen->y > MARGIN
      && pen->y + (double) height / PANGO_SCALE + space_after + keep > PAGE_HEIGHT - MARGIN)
    pen_new_page (pen);
  pen_text (pen, font_spec, text, indent, space_after);
}

static void
pen_heading (Pen        *pen,
             const char *font_spec,
             const char *text,
             double      indent,
             double      space_after)
{
  pen_heading_keeping (pen, font_spec, text, indent, space_after, KEEP_LINES);
}

/* "3 meetings, 5 sessions discussed, 2 recordings reviewed" */
static char *
totals_text (const IptSupervisionTotals *totals)
{
  g_autofree char *meetings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting",
                                                            "%u meetings", totals->n_entries),
                                               totals->n_entries);
  g_autofree char *sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u session discussed",
                                                            "%u sessions discussed",
                                                            totals->n_sessions_discussed),
                                               totals->n_sessions_discussed);
  g_autofree char *recordings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u recording reviewed",
                                                              "%u recordings reviewed",
                                                              totals->n_recordings_reviewed),
                                                 totals->n_recordings_reviewed);

  /* TRANSLATORS: meetings, sessions discussed, recordings reviewed */
  return g_strdup_printf (_("%s, %s, %s"), meetings, sessions, recordings);
}

static void
draw_cover (Pen       *pen,
            GPtrArray *cases)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso_today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = ipt_date_format_display (iso_today);
  g_autofree char *prepared = NULL;
  g_autofree char *count = NULL;
  g_autofree char *period = NULL;
  IptCaseloadFigures figures;
  int weeks = 0;

  for (guint i = 0; i < cases->len; i++)
    weeks = MAX (weeks, ((const IptReviewCase *) g_ptr_array_index (cases, i))->weeks_running);

  pen_text (pen, "Bold 24", _("Supervision pack"), 0, 8);
  pen_text (pen, "11", _("De-identified: case codes instead of names, session numbers and weeks "
                         "from the start of each course instead of dates, no contact details, "
                         "and free text only where the practitioner chose to include it."), 0, 18);
  prepared = g_strdup_printf (_("Prepared on %s"), today);
  pen_text (pen, "12", prepared, 0, 4);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", cases->len),
                           cases->len);
  pen_text (pen, "12", count, 0, 4);
  /* TRANSLATORS: the period the pack covers, as the span of its longest course */
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Period: courses of up to %d week, first to latest "
                                         "session",
                                         "Period: courses of up to %d weeks, first to latest "
                                         "session",
                                         weeks), weeks);
  pen_text (pen, "12", period, 0, 24);

  {
    g_autoptr(GPtrArray) log = g_ptr_array_new ();
    IptSupervisionTotals totals;

    for (guint i = 0; i < cases->len; i++)
      {
        const IptReviewCase *rc = g_ptr_array_index (cases, i);

        for (guint j = 0; j < rc->supervision_log->len; j++)
          g_ptr_array_add (log, g_ptr_array_index (rc->supervision_log, j));
      }
    if (log->len > 0)
      {
        g_autofree char *line = NULL;

        g_autofree char *counts = NULL;

        ipt_supervision_totals_compute (log, &totals);
        counts = totals_text (&totals);
        /* TRANSLATORS: "Supervision so far: 3 meetings, 5 sessions discussed, ..." */
        line = g_strdup_printf (_("Supervision so far: %s"), counts);
        pen_text (pen, "12", line, 0, 24);
      }
  }

  pen_heading (pen, "Bold 16", _("Caseload figures"), 0, 4);
  pen_text (pen, "10", _("Outcome figures count ended courses only."), 0, 10);
  ipt_supervision_compute_figures (cases, &figures);
  for (IptCaseloadFigure f = 0; f < IPT_CASELOAD_N_FIGURES; f++)
    {
      g_autofree char *value = ipt_caseload_figure_format (&figures, f);
      g_autofree char *line = g_strdup_printf ("%s: %s", ipt_caseload_figure_to_label (f), value);

      pen_heading (pen, "Bold 12", line, 0, 2);
      pen_text (pen, "10", ipt_caseload_figure_to_definition (f), 12, 10);
    }
}

static char *
focus_text (const IptReviewCase *rc)
{
  GString *out = g_string_new (NULL);

  if (rc->focus == IPT_FOCUS_NONE)
    g_string_append (out, _("Focus not yet chosen"));
  else
    g_string_append (out, ipt_focus_to_label (rc->focus, FALSE));
  if (rc->dispute_stage != IPT_DISPUTE_STAGE_NONE)
    g_string_append_printf (out, " (%s)", ipt_dispute_stage_to_label (rc->dispute_stage));
  if (rc->secondary_focus != IPT_FOCUS_NONE)
    g_string_append_printf (out, _("; secondary: %s"),
                            ipt_focus_to_label (rc->secondary_focus, FALSE));
  if (rc->focus_person != NULL)
    g_string_append_printf (out, _("; about: %s"), rc->focus_person);
  if (rc->agreed_week != IPT_REVIEW_WEEK_NONE)
    g_string_append_printf (out, _("; agreed in week %d"), rc->agreed_week);
  return g_string_free (out, FALSE);
}

static void
draw_included (Pen                 *pen,
               const IptReviewCase *rc)
{
  if (rc->shared == IPT_REVIEW_SHARE_NONE)
    {
      pen_text (pen, "10", _("No free text included."), 0, 10);
      return;
    }
  pen_heading_keeping (pen, "Bold 13", _("Included by the practitioner"), 0, 4,
                       KEEP_HEADING_AND_LINES);
  if (rc->formulation != NULL)
    {
      pen_heading (pen, "Bold 10", _("Formulation"), 0, 2);
      pen_text (pen, "10", rc->formulation, 12, 6);
    }
  if (rc->old_role != NULL || rc->new_role != NULL)
    {
      g_autofree char *roles = g_strdup_printf (_("Old role: %s; new role: %s"),
                                                rc->old_role != NULL ? rc->old_role : "—",
                                                rc->new_role != NULL ? rc->new_role : "—");

      pen_text (pen, "10", roles, 12, 6);
    }
  for (guint i = 0; i < rc->goals->len; i++)
    {
      const IptReviewGoal *g = &g_array_index (rc->goals, IptReviewGoal, i);
      g_autofree char *line = NULL;

      if (g->text == NULL)
        continue;
      line = g_strdup_printf (_("Goal: %s"), g->text);
      pen_text (pen, "10", line, 12, 4);
    }
  for (guint i = 0; i < rc->events->len; i++)
    {
      const IptReviewEvent *e = &g_array_index (rc->events, IptReviewEvent, i);
      g_autofree char *line = NULL;

      if (e->title == NULL)
        continue;
      line = g_strdup_printf (_("Week %d: %s"), e->week, e->title);
      pen_text (pen, "10", line, 12, 4);
    }
  for (guint i = 0; i < rc->people->len; i++)
    {
      const IptReviewPerson *p = &g_array_index (rc->people, IptReviewPerson, i);
      g_autofree char *line = NULL;

      if (p->notes == NULL)
        continue;
      line = g_strdup_printf ("%s: %s", p->label, p->notes);
      pen_text (pen, "10", line, 12, 4);
    }
  for (guint i = 0; i < rc->sessions->len; i++)
    {
      const IptReviewSession *s = &g_array_index (rc->sessions, IptReviewSession, i);
      g_autofree char *line = NULL;

      if (s->note == NULL)
        continue;
      line = g_strdup_printf (_("Session %u: %s"), s->number, s->note);
      pen_text (pen, "10", line, 12, 4);
    }
  pen->y += 6;
}

static void
draw_case (Pen                 *pen,
           const IptReviewCase *rc)
{
  g_autoptr(IptChartData) data = ipt_supervision_chart_data (rc);
  g_autofree char *focus = focus_text (rc);
  guint n_signals = 0;
  IptChartStyle style;

  pen_new_page (pen);
  pen_text (pen, "Bold 20", rc->code, 0, 4);
  pen_text (pen, "12", rc->progress_text, 0, 2);
  pen_text (pen, "12", focus, 0, 10);

  ipt_chart_style_init (&style, FALSE);
  style.font_family = FONT;
  style.font_size = 8;
  cairo_save (pen->cr);
  cairo_translate (pen->cr, MARGIN, pen->y);
  ipt_mood_chart_render (pen->cr, data, &style, TEXT_WIDTH, CHART_HEIGHT);
  cairo_restore (pen->cr);
  pen->y += CHART_HEIGHT + 12;

  pen_heading_keeping (pen, "Bold 13", _("Signals"), 0, 4, KEEP_HEADING_AND_LINES);
  for (guint i = 0; i < rc->signals->len; i++)
    {
      const IptSignal *s = g_ptr_array_index (rc->signals, i);

      /* an ended course's outcome has its own section, just below */
      if (s->kind == IPT_SIGNAL_OUTCOME)
        continue;
      pen_heading (pen, "Bold 10", ipt_signal_kind_to_label (s->kind), 0, 1);
      pen_text (pen, "10", s->rule, 12, 6);
      n_signals++;
    }
  if (n_signals == 0)
    pen_text (pen, "10", _("None"), 12, 6);

  pen_heading_keeping (pen, "Bold 13",
                       rc->status == IPT_EPISODE_STATUS_ACTIVE ? _("Outcome so far")
                                                               : _("Outcome"),
                       0, 4, KEEP_HEADING_AND_LINES);
  if (rc->outcome != NULL)
    {
      pen_heading (pen, "Bold 10", ipt_outcome_category_to_label (rc->outcome->category), 0, 1);
      pen_text (pen, "10", rc->outcome->rule, 12, 10);
    }

  if (rc->people->len > 0)
    {
      GString *people = g_string_new (NULL);

      for (guint i = 0; i < rc->people->len; i++)
        {
          const IptReviewPerson *p = &g_array_index (rc->people, IptReviewPerson, i);

          if (i > 0)
            g_string_append (people, "; ");
          g_string_append_printf (people, _("%s (ring %u)"), p->label, p->ring);
        }
      pen_heading (pen, "Bold 13", _("Inventory"), 0, 4);
      pen_text (pen, "10", people->str, 12, 10);
      g_string_free (people, TRUE);
    }

  if (rc->supervision_log->len > 0)
    {
      IptSupervisionTotals totals;
      g_autofree char *line = NULL;

      ipt_supervision_totals_compute (rc->supervision_log, &totals);
      line = totals_text (&totals);
      pen_heading (pen, "Bold 13", _("Supervision log"), 0, 4);
      pen_text (pen, "10", line, 12, 10);
    }

  draw_included (pen, rc);
}

static GBytes *render_pack (GPtrArray *cases, IptProgressFunc progress, gpointer progress_data,
                            GError **error);

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
ipt_supervision_pack_render (GPtrArray *cases,
                             GError   **error)
{
  return render_pack (cases, NULL, NULL, error);
}

/* progress: cases drawn of all, the file written counted as one more. */
static GBytes *
render_pack (GPtrArray        *cases,
             IptProgressFunc   progress,
             gpointer          progress_data,
             GError          **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { 0, };

  g_return_val_if_fail (cases != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Supervision pack"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IPT Casebook");
  pen.cr = cairo_create (surface);
  pen.layout = pango_cairo_create_layout (pen.cr);

  pen_new_page (&pen);
  draw_cover (&pen, cases);
  for (guint i = 0; i < cases->len; i++)
    {
      draw_case (&pen, g_ptr_array_index (cases, i));
      if (progress != NULL)
        progress ((double) (i + 1) / (cases->len + 1), progress_data);
    }
  pen_footer (&pen);
  cairo_show_page (pen.cr);

  g_object_unref (pen.layout);
  status = cairo_status (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Drawing the supervision pack failed: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean write_pack (GPtrArray *cases, const char *output_path, IptProgressFunc progress,
                            gpointer progress_data, GError **error);

gboolean
ipt_supervision_pack_write (GPtrArray   *cases,
                            const char  *output_path,
                            GError     **error)
{
  return write_pack (cases, output_path, NULL, NULL, error);
}

static gboolean
write_pack (GPtrArray        *cases,
            const char       *output_path,
            IptProgressFunc   progress,
            gpointer          progress_data,
            GError          **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (cases != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cases->len == 0)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                           _("The casebook has no course to put in a supervision pack"));
      return FALSE;
    }
  pdf = render_pack (cases, progress, progress_data, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  if (!ipt_export_write_output (output_path, data, size, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

typedef struct
{
  GPtrArray        *cases;
  char             *output_path;
  IptProgressRelay *relay;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *d = data;

  ipt_progress_relay_free (d->relay);
  g_ptr_array_unref (d->cases);
  g_free (d->output_path);
  g_free (d);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *d = task_data;
  GError *error = NULL;

  if (write_pack (d->cases, d->output_path, ipt_progress_relay_func, d->relay, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ipt_supervision_pack_write_async (GPtrArray           *cases,
                                  const char          *output_path,
                                  GCancellable        *cancellable,
                                  IptProgressFunc      progress,
                                  gpointer             progress_data,
                                  GDestroyNotify       progress_data_free,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteData *d = g_new0 (WriteData, 1);

  g_return_if_fail (cases != NULL);
  g_return_if_fail (output_path != NULL);

  g_task_set_source_tag (task, ipt_supervision_pack_write_async);
  d->cases = g_ptr_array_ref (cases);
  d->output_path = g_strdup (output_path);
  d->relay = ipt_progress_relay_new (progress, progress_data, progress_data_free);
  g_task_set_task_data (task, d, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ipt_supervision_pack_write_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ipt_supervision_pack_write_async, FALSE);

  ipt_progress_relay_close (((WriteData *) g_task_get_task_data (G_TASK (result)))->relay);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ipt_supervision_pack_export (IptStore           *store,
                             const char * const *codes,
                             GHashTable         *shares,
                             const char         *output_path,
                             guint              *n_cases,
                             GError            **error)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cases = ipt_deidentify_cases (store, codes, shares, error);
  if (cases == NULL || !ipt_supervision_pack_write (cases, output_path, error))
    return FALSE;
  if (n_cases != NULL)
    *n_cases = cases->len;
  return TRUE;
}
