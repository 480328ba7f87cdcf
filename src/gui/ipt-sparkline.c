/* The PHQ-9 sparkline of a caseload row, drawn by the chart layer's sparkline renderer. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-sparkline.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-sparkline-renderer.h"

struct _IptSparkline
{
  GtkWidget       parent_instance;

  IptCaseSummary *summary;
  gboolean        show_course;
};

G_DEFINE_FINAL_TYPE (IptSparkline, ipt_sparkline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_SHOW_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_sparkline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IptSparkline *self = IPT_SPARKLINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const IptSeriesPoint *points;
  IptChartStyle style;
  GdkRGBA fg;
  guint n_points;
  cairo_t *cr;

  if (self->summary == NULL || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  ipt_chart_style_init (&style, _ipt_widget_is_dark (widget));
  style.foreground = (IptChartColor) { fg.red, fg.green, fg.blue, 1.0 };

  points = ipt_case_summary_get_phq9 (self->summary, &n_points);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->show_course)
    {
      IptEpisode *episode = ipt_case_summary_get_episode (self->summary);

      ipt_sparkline_renderer_draw_course (cr, points, n_points,
                                          ipt_case_summary_get_course_map (self->summary),
                                          episode != NULL
                                          && ipt_episode_get_status (episode)
                                             == IPT_EPISODE_STATUS_ACTIVE,
                                          &style, width, height);
    }
  else
    ipt_sparkline_renderer_draw (cr, points, n_points,
                                 ipt_case_summary_get_signal_kind (self->summary),
                                 &style, width, height);
  cairo_destroy (cr);
}

static void
ipt_sparkline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 96;
    }
  else
    {
      *minimum = 16;
      *natural = 22;
    }
}

static void
update_accessible (IptSparkline *self)
{
  g_autofree char *text = NULL;
  const IptSeriesPoint *points = NULL;
  guint n = 0;

  if (self->summary != NULL)
    points = ipt_case_summary_get_phq9 (self->summary, &n);

  if (n == 0)
    text = g_strdup (_("No PHQ-9 scores yet"));
  else if (n == 1)
    /* TRANSLATORS: a sparkline with one score, "PHQ-9 18" */
    text = g_strdup_printf (_("PHQ-9 %d"), points[0].total);
  else
    /* TRANSLATORS: a sparkline, "PHQ-9 from 19 to 12" */
    text = g_strdup_printf (_("PHQ-9 from %d to %d"), points[0].total, points[n - 1].total);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  /* A card's chart spans the course: say where it stands and where the cut-off is. */
  if (self->show_course && self->summary != NULL
      && ipt_case_summary_get_episode (self->summary) != NULL)
    {
      const IptMeasure *measure = ipt_measure_lookup ("phq9");
      g_autofree char *description = NULL;
      char cutoff[64];

      /* TRANSLATORS: the caseness cut-off line of a measure, "cut-off 10" */
      g_snprintf (cutoff, sizeof cutoff, _("cut-off %d"), measure->caseness);
      description = g_strjoin (", ", ipt_case_summary_get_progress_text (self->summary), cutoff,
                               NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
ipt_sparkline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IptSparkline *self = IPT_SPARKLINE (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    case PROP_SHOW_COURSE:
      g_value_set_boolean (value, self->show_course);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_sparkline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IptSparkline *self = IPT_SPARKLINE (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      ipt_sparkline_set_summary (self, g_value_get_object (value));
      break;
    case PROP_SHOW_COURSE:
      ipt_sparkline_set_show_course (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_sparkline_dispose (GObject *object)
{
  IptSparkline *self = IPT_SPARKLINE (object);

  g_clear_object (&self->summary);

  G_OBJECT_CLASS (ipt_sparkline_parent_class)->dispose (object);
}

static void
ipt_sparkline_class_init (IptSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_sparkline_dispose;
  object_class->get_property = ipt_sparkline_get_property;
  object_class->set_property = ipt_sparkline_set_property;

  widget_class->snapshot = ipt_sparkline_snapshot;
  widget_class->measure = ipt_sparkline_measure;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, IPT_TYPE_CASE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_COURSE] =
    g_param_spec_boolean ("show-course", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ipt_sparkline_init (IptSparkline *self)
{
  update_accessible (self);
}

IptSparkline *
ipt_sparkline_new (void)
{
  return g_object_new (IPT_TYPE_SPARKLINE, NULL);
}

void
ipt_sparkline_set_summary (IptSparkline   *self,
                           IptCaseSummary *summary)
{
  g_return_if_fail (IPT_IS_SPARKLINE (self));
  g_return_if_fail (summary == NULL || IPT_IS_CASE_SUMMARY (summary));

  if (!g_set_object (&self->summary, summary))
    return;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

IptCaseSummary *
ipt_sparkline_get_summary (IptSparkline *self)
{
  g_return_val_if_fail (IPT_IS_SPARKLINE (self), NULL);

  return self->summary;
}

void
ipt_sparkline_set_show_course (IptSparkline *self,
                               gboolean      show_course)
{
  g_return_if_fail (IPT_IS_SPARKLINE (self));

  show_course = !!show_course;
  if (self->show_course == show_course)
    return;
  self->show_course = show_course;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_COURSE]);
}

gboolean
ipt_sparkline_get_show_course (IptSparkline *self)
{
  g_return_val_if_fail (IPT_IS_SPARKLINE (self), FALSE);

  return self->show_course;
}
