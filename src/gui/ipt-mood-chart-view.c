/* The mood chart widget: draws through the chart renderer, follows the style, explains points.
 *
 * Told which course to show (ipt_mood_chart_view_set_course), it reads the chart itself and
 * follows IptStore::changed, reading again when an announcement names its client. The focus
 * wording of its title follows the preferences (property "us-wording", bound to them). */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-mood-chart-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-chart-export.h"
#include "ipt-gui-private.h"
#include "ipt-mood-chart.h"
#include "ipt-preferences.h"

struct _IptMoodChartView
{
  GtkWidget     parent_instance;

  IptStore     *store;
  GSignalGroup *store_signals;    /* "changed" of the store shown */
  gint64        client_id;        /* the course read from the store, 0: none (data set as such) */
  gint64        course_id;
  gboolean      us_wording;       /* US names of the focus in the title */

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
  PROP_US_WORDING,
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
  style->us_focus_names = self->us_wording;
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
         && a->font_size == b->font_size
         && a->us_focus_names == b->us_focus_names;
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

/* Reads the course shown from the store; a course gone meanwhile leaves the chart empty. */
static void
read_course (IptMoodChartView *self)
{
  g_autoptr(IptClient) client = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptChartData) data = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->client_id != 0 && self->course_id != 0)
    {
      client = ipt_store_get_client (self->store, self->client_id, &error);
      if (client != NULL)
        episode = ipt_store_get_episode (self->store, self->course_id, &error);
      if (episode != NULL)
        data = ipt_chart_export_load_named_data (self->store, client, episode, &error);
      if (data == NULL)
        g_debug ("No mood chart for client %" G_GINT64_FORMAT ": %s", self->client_id,
                 error->message);
    }
  ipt_mood_chart_view_set_data (self, data);
}

static void
on_store_changed (IptStore         *store,
                  IptStoreChanges  *changes,
                  IptMoodChartView *self)
{
  if (self->client_id != 0 && ipt_store_changes_has_client (changes, self->client_id))
    read_course (self);
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
    case PROP_US_WORDING:
      g_value_set_boolean (value, self->us_wording);
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
    case PROP_US_WORDING:
      if (self->us_wording != g_value_get_boolean (value))
        {
          self->us_wording = g_value_get_boolean (value);
          invalidate (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_mood_chart_view_dispose (GObject *object)
{
  IptMoodChartView *self = IPT_MOOD_CHART_VIEW (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_mood_chart_view_parent_class)->dispose (object);
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

  object_class->dispose = ipt_mood_chart_view_dispose;
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
  /* US names of the problem areas in the title ("Interpersonal deficits"). */
  properties[PROP_US_WORDING] =
    g_param_spec_boolean ("us-wording", NULL, NULL, FALSE,
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

  self->store_signals = g_signal_group_new (IPT_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_DEFAULT);
  g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", self, "us-wording",
                          G_BINDING_SYNC_CREATE);
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

void
ipt_mood_chart_view_set_course (IptMoodChartView *self,
                                IptStore         *store,
                                gint64            client_id,
                                gint64            course_id)
{
  g_return_if_fail (IPT_IS_MOOD_CHART_VIEW (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  if (store == NULL || client_id == 0 || course_id == 0)
    client_id = course_id = 0;
  /* The chart follows the store by itself: only another course is read here. */
  if (self->store == store && self->client_id == client_id && self->course_id == course_id)
    return;
  if (g_set_object (&self->store, store))
    g_signal_group_set_target (self->store_signals, store);
  self->client_id = client_id;
  self->course_id = course_id;
  read_course (self);
}

char *
ipt_mood_chart_view_dup_title (IptMoodChartView *self)
{
  IptChartStyle style;

  g_return_val_if_fail (IPT_IS_MOOD_CHART_VIEW (self), NULL);

  if (self->data == NULL)
    return NULL;
  style_from_widget (self, &style);
  return ipt_mood_chart_dup_title (self->data, &style);
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
