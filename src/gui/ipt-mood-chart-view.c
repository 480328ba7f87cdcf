/* The mood chart widget: draws through the chart renderer, follows the style, explains points. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-mood-chart-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-chart-export.h"
#include "ipt-gui-private.h"
#include "ipt-mood-chart.h"

struct _IptMoodChartView
{
  GtkWidget     parent_instance;

  IptChartData *data;
  gboolean      show_measure[IPT_CHART_N_MEASURES];
  char         *description;
  char         *font_family;

  /* the point under the pointer, drawn highlighted */
  gboolean      has_hover;
  IptChartHit   hover;

  /* The chart as last drawn: moving between points redraws only the highlight. */
  GskRenderNode *cache;
  IptChartStyle  cache_style;
  int            cache_width;
  int            cache_height;
};

G_DEFINE_FINAL_TYPE (IptMoodChartView, ipt_mood_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  PROP_SHOW_PHQ9,
  PROP_SHOW_GAD7,
  PROP_SHOW_WSAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int measure_props[IPT_CHART_N_MEASURES] = {
  PROP_SHOW_PHQ9, PROP_SHOW_GAD7, PROP_SHOW_WSAS,
};

/* The widget's colours and font, read at each draw so that a style change (dark, high
 * contrast, font) shows at the next frame without bookkeeping. */
static void
style_from_widget (IptMoodChartView *self,
                   IptChartStyle    *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context;
  GdkRGBA fg, bg;
  PangoFontDescription *font;
  gboolean have_bg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  have_bg = gtk_style_context_lookup_color (context, "view_bg_color", &bg)
            || gtk_style_context_lookup_color (context, "theme_base_color", &bg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  ipt_chart_style_init (style, _ipt_widget_is_dark (widget));
  style->foreground = (IptChartColor) { fg.red, fg.green, fg.blue, 1.0 };
  if (have_bg)
    style->background = (IptChartColor) { bg.red, bg.green, bg.blue, 1.0 };

  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    style->show_measure[m] = self->show_measure[m];

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

      if (g_strcmp0 (self->font_family, pango_font_description_get_family (font)) != 0)
        {
          /* the cached drawing's style points at the old name */
          g_clear_pointer (&self->cache, gsk_render_node_unref);
          self->cache_style.font_family = NULL;
          g_free (self->font_family);
          self->font_family = g_strdup (pango_font_description_get_family (font));
        }
      style->font_family = self->font_family;
      /* points to pixels, a little smaller than body text */
      if (size > 0)
        style->font_size = pango_font_description_get_size_is_absolute (font)
                           ? size * 0.92 : size * 96.0 / 72.0 * 0.92;
    }
}

static void
update_description (IptMoodChartView *self)
{
  g_free (self->description);
  self->description = self->data != NULL ? ipt_chart_data_describe (self->data)
                                         : g_strdup (_("No course to chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static gboolean
same_style (const IptChartStyle *a,
            const IptChartStyle *b)
{
  return memcmp (&a->foreground, &b->foreground, sizeof a->foreground) == 0
         && memcmp (&a->background, &b->background, sizeof a->background) == 0
         && a->dark == b->dark
         && memcmp (a->show_measure, b->show_measure, sizeof a->show_measure) == 0
         && g_strcmp0 (a->font_family, b->font_family) == 0
         && a->font_size == b->font_size;
}

static void
ipt_mood_chart_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  IptMoodChartView *self = IPT_MOOD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  IptChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->data == NULL)
    return;

  style_from_widget (self, &style);

  if (self->cache == NULL || self->cache_width != width || self->cache_height != height
      || !same_style (&self->cache_style, &style))
    {
      GtkSnapshot *chart = gtk_snapshot_new ();

      /* logical pixels: GTK scales the cairo node for the monitor's scale factor */
      cr = gtk_snapshot_append_cairo (chart, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ipt_mood_chart_render (cr, self->data, &style, width, height);
      cairo_destroy (cr);

      g_clear_pointer (&self->cache, gsk_render_node_unref);
      self->cache = gtk_snapshot_free_to_node (chart);
      self->cache_style = style;
      self->cache_width = width;
      self->cache_height = height;
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  if (self->has_hover)
    {
      IptChartColor c;

      ipt_chart_style_get_series_color (&style, self->hover.measure, &c);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (self->hover.x - 9,
                                                                     self->hover.y - 9, 18, 18));
      cairo_set_source_rgba (cr, c.red, c.green, c.blue, 0.35);
      cairo_arc (cr, self->hover.x, self->hover.y, 8, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_destroy (cr);
    }
}

static void
invalidate (IptMoodChartView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ipt_mood_chart_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 900;
    }
  else
    {
      *minimum = 220;
      *natural = 460;
    }
}

static gboolean
hit_test (IptMoodChartView *self,
          double            x,
          double            y,
          IptChartHit      *hit)
{
  GtkWidget *widget = GTK_WIDGET (self);
  IptChartStyle style;

  if (self->data == NULL)
    return FALSE;

  style_from_widget (self, &style);
  return ipt_mood_chart_hit_test (gtk_widget_get_pango_context (widget), self->data, &style,
                                  gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                  x, y, hit);
}

static void
set_hover (IptMoodChartView  *self,
           const IptChartHit *hit)
{
  if (hit == NULL && !self->has_hover)
    return;
  if (hit != NULL && self->has_hover && hit->measure == self->hover.measure
      && hit->index == self->hover.index && hit->joint_session == self->hover.joint_session)
    return;

  self->has_hover = hit != NULL;
  if (hit != NULL)
    self->hover = *hit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IptMoodChartView         *self)
{
  IptChartHit hit;

  set_hover (self, hit_test (self, x, y, &hit) ? &hit : NULL);
}

static void
on_leave (GtkEventControllerMotion *controller,
          IptMoodChartView         *self)
{
  set_hover (self, NULL);
}

static gboolean
on_query_tooltip (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip,
                  IptMoodChartView *self)
{
  g_autofree char *text = NULL;
  IptChartHit hit;

  if (keyboard_mode || !hit_test (self, x, y, &hit))
    return FALSE;

  if (hit.joint_session != 0)
    text = ipt_chart_data_describe_joint_mark (self->data, hit.joint_session);
  else
    text = ipt_chart_data_describe_point (self->data, hit.measure, hit.index);
  gtk_tooltip_set_text (tooltip, text);
  /* a new tooltip when the pointer moves to another point */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit.x - 6, (int) hit.y - 6, 12, 12 });
  return TRUE;
}

static void
ipt_mood_chart_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IptMoodChartView *self = IPT_MOOD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    case PROP_SHOW_PHQ9:
      g_value_set_boolean (value, self->show_measure[IPT_CHART_MEASURE_PHQ9]);
      break;
    case PROP_SHOW_GAD7:
      g_value_set_boolean (value, self->show_measure[IPT_CHART_MEASURE_GAD7]);
      break;
    case PROP_SHOW_WSAS:
      g_value_set_boolean (value, self->show_measure[IPT_CHART_MEASURE_WSAS]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_mood_chart_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IptMoodChartView *self = IPT_MOOD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      ipt_mood_chart_view_set_data (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_PHQ9:
      ipt_mood_chart_view_set_measure_visible (self, IPT_CHART_MEASURE_PHQ9, g_value_get_boolean (value));
      break;
    case PROP_SHOW_GAD7:
      ipt_mood_chart_view_set_measure_visible (self, IPT_CHART_MEASURE_GAD7, g_value_get_boolean (value));
      break;
    case PROP_SHOW_WSAS:
      ipt_mood_chart_view_set_measure_visible (self, IPT_CHART_MEASURE_WSAS, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_mood_chart_view_finalize (GObject *object)
{
  IptMoodChartView *self = IPT_MOOD_CHART_VIEW (object);

  g_clear_pointer (&self->data, ipt_chart_data_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->cache, gsk_render_node_unref);

  G_OBJECT_CLASS (ipt_mood_chart_view_parent_class)->finalize (object);
}

static void
ipt_mood_chart_view_class_init (IptMoodChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ipt_mood_chart_view_finalize;
  object_class->get_property = ipt_mood_chart_view_get_property;
  object_class->set_property = ipt_mood_chart_view_set_property;

  widget_class->snapshot = ipt_mood_chart_view_snapshot;
  widget_class->measure = ipt_mood_chart_view_measure;

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, IPT_TYPE_CHART_DATA,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PHQ9] =
    g_param_spec_boolean ("show-phq9", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_GAD7] =
    g_param_spec_boolean ("show-gad7", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_WSAS] =
    g_param_spec_boolean ("show-wsas", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A chart was written to a file (its path, in the file system's encoding). */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "moodchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ipt_mood_chart_view_init (IptMoodChartView *self)
{
  GtkEventController *motion;

  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    self->show_measure[m] = TRUE;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mood chart"),
                                  -1);
  update_description (self);
}

IptMoodChartView *
ipt_mood_chart_view_new (void)
{
  return g_object_new (IPT_TYPE_MOOD_CHART_VIEW, NULL);
}

void
ipt_mood_chart_view_set_data (IptMoodChartView *self,
                              IptChartData     *data)
{
  g_return_if_fail (IPT_IS_MOOD_CHART_VIEW (self));

  if (self->data == data)
    return;

  g_clear_pointer (&self->data, ipt_chart_data_unref);
  if (data != NULL)
    self->data = ipt_chart_data_ref (data);
  self->has_hover = FALSE;

  update_description (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

IptChartData *
ipt_mood_chart_view_get_data (IptMoodChartView *self)
{
  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), NULL);

  return self->data;
}

gboolean
ipt_mood_chart_view_load (IptMoodChartView *self,
                          IptStore         *store,
                          IptClient        *client,
                          IptEpisode       *episode,
                          GError          **error)
{
  g_autoptr(IptChartData) data = NULL;

  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (IPT_IS_CLIENT (client), FALSE);

  data = ipt_chart_export_load_named_data (store, client, episode, error);
  ipt_mood_chart_view_set_data (self, data);
  return data != NULL;
}

void
ipt_mood_chart_view_set_measure_visible (IptMoodChartView *self,
                                         IptChartMeasure   measure,
                                         gboolean          visible)
{
  g_return_if_fail (IPT_IS_MOOD_CHART_VIEW (self));
  g_return_if_fail (measure < IPT_CHART_N_MEASURES);

  visible = !!visible;
  if (self->show_measure[measure] == visible)
    return;

  self->show_measure[measure] = visible;
  self->has_hover = FALSE;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[measure_props[measure]]);
}

gboolean
ipt_mood_chart_view_get_measure_visible (IptMoodChartView *self,
                                         IptChartMeasure   measure)
{
  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (measure < IPT_CHART_N_MEASURES, FALSE);

  return self->show_measure[measure];
}

const char *
ipt_mood_chart_view_get_description (IptMoodChartView *self)
{
  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), NULL);

  return self->description;
}

/* Printing --------------------------------------------------------------------------------- */

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              IptChartData      *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  IptChartStyle style;

  /* paper: dark text on white, whatever the screen's style */
  ipt_chart_style_init (&style, FALSE);
  style.font_family = "Cantarell,DejaVu Sans,Sans";
  style.font_size = 10;
  ipt_mood_chart_render (cr, data, &style, gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

static void
show_error (GtkWindow  *parent,
            const char *primary,
            GError     *error)
{
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (parent, _("The chart could not be printed"), error);
    }
}

/* One A4 landscape page, drawn for paper whatever the screen's style. */
static GtkPrintOperation *
make_print_operation (IptChartData *data)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *job = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  /* TRANSLATORS: print job name, "Mood chart C-0042" */
  job = g_strdup_printf (_("Mood chart %s"), data->code);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         ipt_chart_data_ref (data), (GClosureNotify) (void (*) (void)) ipt_chart_data_unref, 0);
  return operation;
}

void
ipt_mood_chart_view_print (IptMoodChartView *self,
                           GtkWindow        *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (IPT_IS_MOOD_CHART_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (self->data == NULL)
    return;

  operation = make_print_operation (self->data);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), parent);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, _("The chart could not be printed"), error);
}

gboolean
ipt_mood_chart_view_print_to_file (IptMoodChartView *self,
                                   const char       *path,
                                   GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->data == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no chart to print"));
      return FALSE;
    }

  operation = make_print_operation (self->data);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Export ----------------------------------------------------------------------------------- */

typedef struct
{
  IptMoodChartView *view;
  IptChartData     *data;
  GtkWindow        *parent;
} ExportRequest;

/* The file types offered, in the order of the chooser's filters. */
static const struct { const char *label; const char *pattern; IptChartFormat format; }
export_types[] = {
  { N_("PDF document (A4)"), "*.pdf", IPT_CHART_FORMAT_PDF },
  { N_("PNG image"), "*.png", IPT_CHART_FORMAT_PNG },
  { N_("SVG drawing"), "*.svg", IPT_CHART_FORMAT_SVG },
};

static void
export_request_free (ExportRequest *request)
{
  ipt_chart_data_unref (request->data);
  g_clear_object (&request->view);
  g_clear_object (&request->parent);
  g_free (request);
}

/* The type of the filter chosen in the dialog; FALSE when none is. */
static gboolean
chosen_format (GtkFileChooser *chooser,
               IptChartFormat *format)
{
  GtkFileFilter *chosen = gtk_file_chooser_get_filter (chooser);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  if (chosen == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (filters) && i < G_N_ELEMENTS (export_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (filter == chosen)
        {
          *format = export_types[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/* The type chosen in the list renames the file as the dialog shows it. */
static void
on_export_filter_changed (GtkFileChooser *chooser,
                          GParamSpec     *pspec,
                          gpointer        user_data)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *renamed = NULL;
  IptChartFormat format;

  if (name == NULL || *name == '\0' || !chosen_format (chooser, &format))
    return;
  renamed = ipt_chart_path_for_format (name, format);
  if (g_strcmp0 (renamed, name) != 0)
    gtk_file_chooser_set_current_name (chooser, renamed);
}

char *
_ipt_mood_chart_export_path (const char *chosen_path,
                             gboolean    has_format,
                             IptChartFormat format)
{
  IptChartFormat named;

  g_return_val_if_fail (chosen_path != NULL, NULL);

  /* the type chosen in the list wins over the name; without one, the name's, else PDF */
  if (has_format)
    return ipt_chart_path_for_format (chosen_path, format);
  if (ipt_chart_format_from_path (chosen_path, &named))
    return g_strdup (chosen_path);
  return ipt_chart_path_for_format (chosen_path, IPT_CHART_FORMAT_PDF);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      IptChartFormat format = IPT_CHART_FORMAT_PDF;
      gboolean has_format = chosen_format (GTK_FILE_CHOOSER (dialog), &format);

      if (chosen == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a local file"));
      else
        path = _ipt_mood_chart_export_path (chosen, has_format, format);
      if (error != NULL || !ipt_chart_export_data (request->data, path, &error))
        show_error (request->parent, _("The chart could not be exported"), error);
      else
        g_signal_emit (request->view, signals[EXPORTED], 0, path);
    }

  export_request_free (request);
  g_object_unref (dialog);
}

GtkNativeDialog *
ipt_mood_chart_view_export (IptMoodChartView *self,
                            GtkWindow        *parent)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  ExportRequest *request;

  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  if (self->data == NULL)
    return NULL;

  dialog = gtk_file_chooser_native_new (_("Export Mood Chart"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* de-identified: the file is named by the case code */
  /* TRANSLATORS: suggested file name, "C-0042 mood chart.pdf" */
  name = g_strdup_printf (_("%s mood chart.pdf"), self->data->code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  _ipt_file_chooser_use_export_folder (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_types[i].label));
      gtk_file_filter_add_pattern (filter, export_types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      g_object_unref (filter);
    }
  g_signal_connect (dialog, "notify::filter", G_CALLBACK (on_export_filter_changed), NULL);

  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->data = ipt_chart_data_ref (self->data);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  return GTK_NATIVE_DIALOG (dialog);
}
