/* One row of the caseload list: name, code, focus, progress, signal badge, sparkline.
 *
 * GTK 4.8's list view keeps up to 200 rows around the visible ones and makes them anew when a
 * search changes the list, so a row is one widget that lays out and draws its text itself
 * (Pango layouts made only when the row is drawn), plus the sparkline. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-case-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-gui-private.h"
#include "ipt-palette.h"
#include "ipt-preferences.h"
#include "ipt-sparkline.h"

#define LINE_SPACING 2
#define BADGE_PAD_X 9
#define BADGE_PAD_Y 1
#define SIDE_GAP 10
#define SPARKLINE_WIDTH 92
#define SPARKLINE_HEIGHT 16

struct _IptCaseRow
{
  GtkWidget       parent_instance;

  IptCaseSummary *summary;
  gboolean        us_wording;

  char           *name;
  char           *code;
  char           *focus;
  char           *progress;
  char           *badge;
  char           *reason;   /* the badge's reason in a few words, NULL: none */
  IptSignalKind   kind;

  /* Made when first drawn, dropped on rebind or style change. */
  PangoLayout    *name_layout;
  PangoLayout    *code_layout;
  PangoLayout    *focus_layout;
  PangoLayout    *progress_layout;
  PangoLayout    *badge_layout;
  graphene_rect_t badge_rect;
  int             heights[4];     /* line height per FontKind, 0: not known yet */

  GtkWidget      *sparkline;
};

G_DEFINE_FINAL_TYPE (IptCaseRow, ipt_case_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_US_WORDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_layouts (IptCaseRow *self)
{
  g_clear_object (&self->name_layout);
  g_clear_object (&self->code_layout);
  g_clear_object (&self->focus_layout);
  g_clear_object (&self->progress_layout);
  g_clear_object (&self->badge_layout);
}

typedef enum
{
  FONT_HEADING,
  FONT_BODY,
  FONT_CAPTION,
  FONT_BADGE,
} FontKind;

static PangoFontDescription *
font_for (IptCaseRow *self,
          FontKind    kind)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (font);
  gboolean absolute = pango_font_description_get_size_is_absolute (font);

  switch (kind)
    {
    case FONT_HEADING:
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case FONT_CAPTION:
      if (absolute)
        pango_font_description_set_absolute_size (font, size * 82 / 100);
      else
        pango_font_description_set_size (font, size * 82 / 100);
      break;
    case FONT_BADGE:
      if (absolute)
        pango_font_description_set_absolute_size (font, size * 82 / 100);
      else
        pango_font_description_set_size (font, size * 82 / 100);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case FONT_BODY:
    default:
      break;
    }
  return font;
}

static int
line_height (IptCaseRow *self,
             FontKind    kind)
{
  /* Metrics are slow to get: shared by every row with the same font. */
  static guint shared_hash[4];
  static int shared_height[4];
  PangoContext *context;
  PangoFontDescription *font;
  PangoFontMetrics *metrics;
  guint hash;
  int height;

  if (self->heights[kind] > 0)
    return self->heights[kind];

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = font_for (self, kind);
  hash = pango_font_description_hash (font);
  if (shared_height[kind] > 0 && shared_hash[kind] == hash)
    {
      pango_font_description_free (font);
      self->heights[kind] = shared_height[kind];
      return shared_height[kind];
    }
  metrics = pango_context_get_metrics (context, font, NULL);
  height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  if (height <= 0)
    height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics)
                                + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  pango_font_description_free (font);
  self->heights[kind] = height;
  shared_hash[kind] = hash;
  shared_height[kind] = height;
  return height;
}

static PangoLayout *
make_layout (IptCaseRow *self,
             const char *text,
             FontKind    kind,
             int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = font_for (self, kind);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width > 0)
    pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_font_description_free (font);
  return layout;
}

static void
ensure_layouts (IptCaseRow *self,
                int         width)
{
  int badge_width = 0;
  int text_width;
  int name_width;
  int code_width;

  if (self->name_layout != NULL || self->summary == NULL)
    return;

  if (self->badge != NULL)
    {
      int w, h;

      self->badge_layout = make_layout (self, self->badge, FONT_BADGE, -1);
      pango_layout_get_pixel_size (self->badge_layout, &w, &h);
      badge_width = w + 2 * BADGE_PAD_X;
      self->badge_rect = GRAPHENE_RECT_INIT (width - badge_width, 1, badge_width, h + 2 * BADGE_PAD_Y);
    }

  text_width = MAX (1, width - MAX (badge_width, SPARKLINE_WIDTH) - SIDE_GAP);

  self->code_layout = self->code != NULL ? make_layout (self, self->code, FONT_CAPTION, -1) : NULL;
  code_width = 0;
  if (self->code_layout != NULL)
    pango_layout_get_pixel_size (self->code_layout, &code_width, NULL);
  name_width = MAX (1, text_width - (code_width > 0 ? code_width + 8 : 0));
  self->name_layout = make_layout (self, self->name, FONT_HEADING, name_width);
  self->focus_layout = make_layout (self, self->focus, FONT_BODY, text_width);
  self->progress_layout = make_layout (self, self->progress, FONT_CAPTION,
                                       width - SPARKLINE_WIDTH - SIDE_GAP);
}

static void
signal_color (IptSignalKind  kind,
              gboolean       dark,
              GdkRGBA       *rgba)
{
  guint32 rgb;

  if (ipt_palette_signal (kind, dark, &rgb))
    *rgba = _ipt_rgba_from_palette (rgb);
  else
    *rgba = _ipt_rgba_from_palette (ipt_palette_color (IPT_PALETTE_QUIET, FALSE));
}

/* As the CSS's mix (): readable on light and dark backgrounds alike. */
static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     float          amount_of_b)
{
  return (GdkRGBA) {
    a->red * (1 - amount_of_b) + b->red * amount_of_b,
    a->green * (1 - amount_of_b) + b->green * amount_of_b,
    a->blue * (1 - amount_of_b) + b->blue * amount_of_b,
    1.0f,
  };
}

static void
ipt_case_row_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  IptCaseRow *self = IPT_CASE_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 280;
    }
  else
    {
      *minimum = *natural = line_height (self, FONT_HEADING) + line_height (self, FONT_BODY)
                            + line_height (self, FONT_CAPTION) + 2 * LINE_SPACING;
    }
}

static void
ipt_case_row_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  IptCaseRow *self = IPT_CASE_ROW (widget);
  int caption = line_height (self, FONT_CAPTION);
  int y = height - caption + (caption - SPARKLINE_HEIGHT) / 2;

  gtk_widget_size_allocate (self->sparkline,
                            &(GtkAllocation) { width - SPARKLINE_WIDTH, MAX (0, y - 4),
                                               SPARKLINE_WIDTH, SPARKLINE_HEIGHT + 4 },
                            -1);
  /* The text is laid out for this width when next drawn. */
  clear_layouts (self);
}

static void
ipt_case_row_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  IptCaseRow *self = IPT_CASE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int heading = line_height (self, FONT_HEADING);
  int body = line_height (self, FONT_BODY);
  GdkRGBA fg;
  GdkRGBA dim;
  int y = 0;

  if (self->summary == NULL)
    return;

  ensure_layouts (self, width);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= 0.6f;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &fg);
  gtk_snapshot_restore (snapshot);

  if (self->code_layout != NULL)
    {
      int name_w, name_baseline, code_baseline;

      pango_layout_get_pixel_size (self->name_layout, &name_w, NULL);
      name_baseline = pango_layout_get_baseline (self->name_layout) / PANGO_SCALE;
      code_baseline = pango_layout_get_baseline (self->code_layout) / PANGO_SCALE;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (name_w + 8, y + name_baseline - code_baseline));
      gtk_snapshot_append_layout (snapshot, self->code_layout, &dim);
      gtk_snapshot_restore (snapshot);
    }

  y += heading + LINE_SPACING;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, self->focus_layout, &fg);
  gtk_snapshot_restore (snapshot);

  y += body + LINE_SPACING;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, self->progress_layout, &dim);
  gtk_snapshot_restore (snapshot);

  if (self->badge_layout != NULL)
    {
      GdkRGBA color;
      GdkRGBA background;
      GdkRGBA text;
      GskRoundedRect pill;

      signal_color (self->kind, _ipt_widget_is_dark (widget), &color);
      background = color;
      background.alpha = self->kind == IPT_SIGNAL_NO_SCORES ? 0.12f : 0.18f;
      text = self->kind == IPT_SIGNAL_NO_SCORES ? dim : mix (&color, &fg, 0.3f);

      gsk_rounded_rect_init_from_rect (&pill, &self->badge_rect, self->badge_rect.size.height / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, &background, &self->badge_rect);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->badge_rect.origin.x + BADGE_PAD_X,
                                                             self->badge_rect.origin.y + BADGE_PAD_Y));
      gtk_snapshot_append_layout (snapshot, self->badge_layout, &text);
      gtk_snapshot_restore (snapshot);
    }

  gtk_widget_snapshot_child (widget, self->sparkline, snapshot);
}

static gboolean
ipt_case_row_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  IptCaseRow *self = IPT_CASE_ROW (widget);
  g_autofree char *rule = NULL;

  if (self->summary == NULL || self->badge == NULL)
    return FALSE;
  /* The badge's rule in words; by keyboard, for the focused row. */
  if (!keyboard && !graphene_rect_contains_point (&self->badge_rect, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;
  rule = ipt_case_summary_dup_signal_rules (self->summary);
  if (rule == NULL || *rule == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, rule);
  return TRUE;
}

static void
ipt_case_row_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ipt_case_row_parent_class)->css_changed (widget, change);

  clear_layouts (IPT_CASE_ROW (widget));
  memset (IPT_CASE_ROW (widget)->heights, 0, sizeof IPT_CASE_ROW (widget)->heights);
  gtk_widget_queue_resize (widget);
}

static void
clear_texts (IptCaseRow *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->focus, g_free);
  g_clear_pointer (&self->progress, g_free);
  g_clear_pointer (&self->badge, g_free);
  g_clear_pointer (&self->reason, g_free);
}

static void
ipt_case_row_dispose (GObject *object)
{
  IptCaseRow *self = IPT_CASE_ROW (object);

  g_clear_object (&self->summary);
  clear_layouts (self);
  g_clear_pointer (&self->sparkline, gtk_widget_unparent);

  G_OBJECT_CLASS (ipt_case_row_parent_class)->dispose (object);
}

static void
ipt_case_row_finalize (GObject *object)
{
  clear_texts (IPT_CASE_ROW (object));

  G_OBJECT_CLASS (ipt_case_row_parent_class)->finalize (object);
}

static void
ipt_case_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, IPT_CASE_ROW (object)->summary);
      break;
    case PROP_US_WORDING:
      g_value_set_boolean (value, IPT_CASE_ROW (object)->us_wording);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IptCaseRow *self = IPT_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      ipt_case_row_set_summary (self, g_value_get_object (value));
      break;
    case PROP_US_WORDING:
      if (self->us_wording != g_value_get_boolean (value))
        {
          self->us_wording = g_value_get_boolean (value);
          /* The texts are made again with the other focus names. */
          if (self->summary != NULL)
            ipt_case_row_set_summary (self, self->summary);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_row_class_init (IptCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_case_row_dispose;
  object_class->finalize = ipt_case_row_finalize;
  object_class->get_property = ipt_case_row_get_property;
  object_class->set_property = ipt_case_row_set_property;
  widget_class->measure = ipt_case_row_measure;
  widget_class->size_allocate = ipt_case_row_size_allocate;
  widget_class->snapshot = ipt_case_row_snapshot;
  widget_class->query_tooltip = ipt_case_row_query_tooltip;
  widget_class->css_changed = ipt_case_row_css_changed;

  /* The client shown (bound to the list slot's "summary"). */
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, IPT_TYPE_CASE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* US names of the problem areas ("Interpersonal deficits"). */
  properties[PROP_US_WORDING] =
    g_param_spec_boolean ("us-wording", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "caserow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipt_case_row_init (IptCaseRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  self->sparkline = GTK_WIDGET (ipt_sparkline_new ());
  gtk_widget_set_parent (self->sparkline, GTK_WIDGET (self));
  g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", self, "us-wording",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
ipt_case_row_new (void)
{
  return g_object_new (IPT_TYPE_CASE_ROW, NULL);
}

IptCaseSummary *
ipt_case_row_get_summary (IptCaseRow *self)
{
  g_return_val_if_fail (IPT_IS_CASE_ROW (self), NULL);

  return self->summary;
}

void
ipt_case_row_set_summary (IptCaseRow     *self,
                          IptCaseSummary *summary)
{
  IptClient *client;
  IptEpisode *episode;
  g_autofree char *accessible = NULL;
  const char *name;

  g_return_if_fail (IPT_IS_CASE_ROW (self));
  g_return_if_fail (summary == NULL || IPT_IS_CASE_SUMMARY (summary));

  g_set_object (&self->summary, summary);
  ipt_sparkline_set_summary (IPT_SPARKLINE (self->sparkline), summary);
  clear_texts (self);
  clear_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (summary == NULL)
    return;

  client = ipt_case_summary_get_client (summary);
  episode = ipt_case_summary_get_episode (summary);
  name = ipt_client_get_display_name (client);

  self->kind = ipt_case_summary_get_signal_kind (summary);
  self->name = g_strdup (name);
  /* The code shows once when the client has no name. */
  if (g_strcmp0 (name, ipt_client_get_code (client)) != 0)
    self->code = g_strdup (ipt_client_get_code (client));
  self->focus = _ipt_focus_text (episode, self->us_wording);

  if (episode != NULL)
    {
      const IptSeriesPoint *phq9, *gad7;
      guint n_phq9, n_gad7;
      g_autofree char *brief = NULL;

      /* the badge's reason in a few words, so that nobody need hover to read it */
      phq9 = ipt_case_summary_get_phq9 (summary, &n_phq9);
      gad7 = ipt_case_summary_get_gad7 (summary, &n_gad7);
      brief = ipt_signal_brief (self->kind, phq9, n_phq9, gad7, n_gad7);
      if (brief != NULL)
        self->progress = g_strdup_printf ("%s · %s",
                                          ipt_case_summary_get_progress_text (summary), brief);
      else
        self->progress = g_strdup (ipt_case_summary_get_progress_text (summary));
      self->reason = g_steal_pointer (&brief);
    }
  else if (ipt_client_get_archived (client))
    self->progress = g_strdup (_("Archived"));
  else
    self->progress = g_strdup (_("Start a course to record sessions"));

  if (episode != NULL)
    {
      IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];
      guint n = ipt_case_summary_get_signal_kinds (summary, kinds);
      guint more = 0;
      const char *label;

      /* An ended course's badge names its outcome ("Recovery"), not the kind of signal. */
      if (self->kind == IPT_SIGNAL_OUTCOME)
        label = ipt_outcome_category_to_label (ipt_case_summary_get_outcome (summary)->category);
      else
        label = ipt_signal_kind_to_label (self->kind);

      /* Several signals can apply: the most urgent names the badge, the count of the others
       * that ask for attention follows it, and the tooltip gives every rule. */
      for (guint i = 1; i < n; i++)
        if (ipt_signal_kind_needs_attention (kinds[i]))
          more++;
      if (more > 0)
        /* TRANSLATORS: a caseload badge when more signals apply: "Risk +1" */
        self->badge = g_strdup_printf (_("%s +%u"), label, more);
      else
        self->badge = g_strdup (label);
    }

  accessible = g_strdup_printf ("%s, %s, %s, %s",
                                name, self->focus, self->progress,
                                self->badge != NULL ? self->badge : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

const char *
ipt_case_row_get_focus_text (IptCaseRow *self)
{
  g_return_val_if_fail (IPT_IS_CASE_ROW (self), NULL);

  return self->focus;
}

const char *
ipt_case_row_get_badge_text (IptCaseRow *self)
{
  g_return_val_if_fail (IPT_IS_CASE_ROW (self), NULL);

  return self->badge;
}

const char *
ipt_case_row_get_reason_text (IptCaseRow *self)
{
  g_return_val_if_fail (IPT_IS_CASE_ROW (self), NULL);

  return self->reason;
}
