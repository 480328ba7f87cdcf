/* The closeness circle as a widget (see ipt-circle-view.h). The renderer lays the people out;
 * each person's marker child sits where the renderer draws them, so that the keyboard and
 * assistive technologies reach every person, and the pointer is handled by the view itself. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-circle-view.h"

#include <glib/gi18n.h>

#include "ipt-closeness-circle.h"
#include "ipt-gui-private.h"
#include "ipt-person.h"

struct _IptCircleView
{
  GtkWidget        parent_instance;

  GPtrArray       *people;       /* IptPerson */
  GPtrArray       *markers;      /* GtkWidget, one per person, same order */
  IptCirclePerson *circle;       /* what the renderer is given, same order */
  gint64           selected_id;
  gboolean         show_ideal;

  gint64           drag_id;      /* the person being dragged, 0: none */
  double           drag_x;
  double           drag_y;
};

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_SHOW_IDEAL,
  N_PROPS
};

enum {
  SIGNAL_MOVE_PERSON,
  SIGNAL_ACTIVATE_PERSON,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptCircleView, ipt_circle_view, GTK_TYPE_WIDGET)

static void
options_init (IptCircleView    *self,
              IptCircleOptions *options)
{
  options->show_ideal = self->show_ideal;
  options->selected_id = self->selected_id;
}

static int
index_of (IptCircleView *self,
          gint64         person_id)
{
  for (guint i = 0; i < self->people->len; i++)
    if (ipt_person_get_id (g_ptr_array_index (self->people, i)) == person_id)
      return i;
  return -1;
}

/* The widget's colours and font, read at each draw: a style change shows at the next frame. */
static void
style_from_widget (GtkWidget     *widget,
                   IptChartStyle *style)
{
  GtkStyleContext *context;
  GdkRGBA fg, bg;
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
}

static void
ipt_circle_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  IptCircleOptions options;
  IptChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  options_init (self, &options);
  style_from_widget (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ipt_closeness_circle_render (cr, self->circle, self->people->len, &options, &style,
                               width, height);

  /* While dragging, a ring around the pointer shows where the person would land. */
  if (self->drag_id != 0)
    {
      guint ring = ipt_closeness_circle_ring_at (width, height, self->drag_x, self->drag_y);

      cairo_new_path (cr);
      cairo_arc (cr, self->drag_x, self->drag_y, 14, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, style.foreground.red, style.foreground.green,
                             style.foreground.blue, ring != 0 ? 0.8 : 0.3);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  for (guint i = 0; i < self->markers->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->markers, i), snapshot);
}

static void
ipt_circle_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (widget);
  g_autofree IptCirclePlace *places = g_new0 (IptCirclePlace, MAX (self->people->len, 1));
  IptCircleOptions options;

  options_init (self, &options);
  ipt_closeness_circle_layout (self->circle, self->people->len, &options, width, height, places);
  for (guint i = 0; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);
      int size = (int) ceil (places[i].radius * 2 + 4);
      int min_w, min_h;

      gtk_widget_measure (marker, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (marker, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      size = MAX (size, MAX (min_w, min_h));
      gtk_widget_size_allocate (marker,
                                &(GtkAllocation) { (int) round (places[i].x - size / 2.0),
                                                   (int) round (places[i].y - size / 2.0),
                                                   size, size },
                                -1);
    }
}

static void
ipt_circle_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (widget);

  for (guint i = 0; i < self->markers->len; i++)
    gtk_widget_measure (g_ptr_array_index (self->markers, i), orientation, -1,
                        NULL, NULL, NULL, NULL);
  *minimum = 240;
  *natural = 420;
}

static void
update_marker (IptCircleView *self,
               guint          i)
{
  GtkWidget *marker = g_ptr_array_index (self->markers, i);
  g_autofree char *label = ipt_closeness_circle_describe (&self->circle[i]);

  g_object_set_data_full (G_OBJECT (marker), "ipt-label", g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker),
                               GTK_ACCESSIBLE_STATE_SELECTED,
                               self->circle[i].id == self->selected_id,
                               -1);
}

static void
on_marker_focus_enter (GtkEventControllerFocus *controller,
                       IptCircleView           *self)
{
  GtkWidget *marker = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index;

  if (g_ptr_array_find (self->markers, marker, &index))
    ipt_circle_view_set_selected_id (self, ipt_person_get_id (g_ptr_array_index (self->people,
                                                                                 index)));
}

static void
on_marker_clicked (GtkButton     *marker,
                   IptCircleView *self)
{
  guint index;

  if (g_ptr_array_find (self->markers, marker, &index))
    g_signal_emit (self, signals[SIGNAL_ACTIVATE_PERSON], 0,
                   ipt_person_get_id (g_ptr_array_index (self->people, index)));
}

static void
clear_people (IptCircleView *self)
{
  for (guint i = 0; i < self->markers->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->markers, i));
  g_ptr_array_set_size (self->markers, 0);
  g_ptr_array_set_size (self->people, 0);
  g_clear_pointer (&self->circle, g_free);
}

/* What the renderer draws of a person; the strings point into the person. */
static IptCirclePerson
circle_person_of (IptPerson    *person,
                  const gint64 *focus_ids,
                  guint         n_focus_ids)
{
  return (IptCirclePerson) {
    .id = ipt_person_get_id (person),
    .name = ipt_person_get_name (person),
    .relationship = ipt_person_get_relationship (person),
    .ring = ipt_person_get_ring (person),
    .ideal_ring = ipt_person_get_ideal_ring (person),
    .focus = ipt_closeness_circle_focus_of (ipt_person_get_id (person), focus_ids, n_focus_ids),
  };
}

/* The same people in the same order (a ring moved, a name edited): their markers stay, and only
 * what a person's marker says changes. FALSE when they are not the same people. */
static gboolean
update_people (IptCircleView *self,
               GPtrArray     *people,
               const gint64  *focus_ids,
               guint          n_focus_ids)
{
  guint n = people != NULL ? people->len : 0;

  if (n != self->people->len || n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (ipt_person_get_id (g_ptr_array_index (people, i))
        != ipt_person_get_id (g_ptr_array_index (self->people, i)))
      return FALSE;

  for (guint i = 0; i < n; i++)
    {
      IptPerson *person = g_ptr_array_index (people, i);
      IptCirclePerson place = circle_person_of (person, focus_ids, n_focus_ids);
      gboolean changed = place.ring != self->circle[i].ring
                         || place.ideal_ring != self->circle[i].ideal_ring
                         || place.focus != self->circle[i].focus
                         || g_strcmp0 (place.name, self->circle[i].name) != 0
                         || g_strcmp0 (place.relationship, self->circle[i].relationship) != 0;

      IptPerson *old = g_ptr_array_index (self->people, i);

      /* The strings point into the person: keep the new one. */
      g_ptr_array_index (self->people, i) = g_object_ref (person);
      self->circle[i] = place;
      g_object_unref (old);
      if (changed)
        update_marker (self, i);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

void
ipt_circle_view_set_people (IptCircleView *self,
                            GPtrArray     *people,
                            const gint64  *focus_ids,
                            guint          n_focus_ids)
{
  g_return_if_fail (IPT_IS_CIRCLE_VIEW (self));

  g_return_if_fail (focus_ids != NULL || n_focus_ids == 0);

  if (update_people (self, people, focus_ids, n_focus_ids))
    return;
  clear_people (self);
  self->circle = g_new0 (IptCirclePerson, people != NULL ? MAX (people->len, 1) : 1);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (people, i);
      GtkWidget *marker;
      GtkEventController *focus;

      g_ptr_array_add (self->people, g_object_ref (person));
      self->circle[i] = circle_person_of (person, focus_ids, n_focus_ids);

      /* Drawn by the renderer: the marker only takes the focus, shows the focus ring and
       * speaks for the person. The pointer goes to the view (drag and click). */
      marker = g_object_new (GTK_TYPE_BUTTON, "can-target", FALSE, NULL);
      gtk_widget_add_css_class (marker, "circle-person");
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "enter", G_CALLBACK (on_marker_focus_enter), self, 0);
      gtk_widget_add_controller (marker, focus);
      g_signal_connect_object (marker, "clicked", G_CALLBACK (on_marker_clicked), self, 0);
      gtk_widget_set_parent (marker, GTK_WIDGET (self));
      g_ptr_array_add (self->markers, marker);
    }

  if (index_of (self, self->selected_id) < 0 && self->selected_id != 0)
    {
      self->selected_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
    }
  for (guint i = 0; i < self->markers->len; i++)
    update_marker (self, i);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
ipt_circle_view_get_selected_id (IptCircleView *self)
{
  g_return_val_if_fail (IPT_IS_CIRCLE_VIEW (self), 0);

  return self->selected_id;
}

void
ipt_circle_view_set_selected_id (IptCircleView *self,
                                 gint64         person_id)
{
  int index;

  g_return_if_fail (IPT_IS_CIRCLE_VIEW (self));

  index = index_of (self, person_id);
  if (index < 0)
    person_id = 0;
  if (self->selected_id == person_id)
    return;
  self->selected_id = person_id;
  for (guint i = 0; i < self->markers->len; i++)
    update_marker (self, i);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

gboolean
ipt_circle_view_get_show_ideal (IptCircleView *self)
{
  g_return_val_if_fail (IPT_IS_CIRCLE_VIEW (self), FALSE);

  return self->show_ideal;
}

void
ipt_circle_view_set_show_ideal (IptCircleView *self,
                                gboolean       show_ideal)
{
  g_return_if_fail (IPT_IS_CIRCLE_VIEW (self));

  show_ideal = !!show_ideal;
  if (self->show_ideal == show_ideal)
    return;
  self->show_ideal = show_ideal;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_IDEAL]);
}

const char *
ipt_circle_view_get_person_label (IptCircleView *self,
                                  gint64         person_id)
{
  int index;

  g_return_val_if_fail (IPT_IS_CIRCLE_VIEW (self), NULL);

  index = index_of (self, person_id);
  if (index < 0)
    return NULL;
  return g_object_get_data (g_ptr_array_index (self->markers, index), "ipt-label");
}

static void
move_person (IptCircleView *self,
             gint64         person_id,
             guint          ring)
{
  int index = index_of (self, person_id);

  if (index < 0 || self->circle[index].ring == ring)
    return;
  /* The owner writes the move; the store refuses a ring outside 1 to 3 with its message. */
  g_signal_emit (self, signals[SIGNAL_MOVE_PERSON], 0, person_id, ring);
}

static void
drop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (widget);
  gint64 person_id;
  double x, y;
  guint ring;

  g_variant_get (parameter, "(xdd)", &person_id, &x, &y);
  ring = ipt_closeness_circle_ring_at (gtk_widget_get_width (widget),
                                       gtk_widget_get_height (widget), x, y);
  /* Dropped outside the rings or on the client: the person stays where they were. */
  if (ring == 0)
    return;
  ipt_circle_view_set_selected_id (self, person_id);
  move_person (self, person_id, ring);
}

static void
move_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (widget);

  if (self->selected_id != 0)
    move_person (self, self->selected_id, g_variant_get_uint32 (parameter));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               IptCircleView  *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  IptCircleOptions options;
  int index;

  options_init (self, &options);
  index = ipt_closeness_circle_hit_test (self->circle, self->people->len, &options,
                                         gtk_widget_get_width (widget),
                                         gtk_widget_get_height (widget), x, y);
  if (index < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_id = self->circle[index].id;
  self->drag_x = x;
  self->drag_y = y;
  ipt_circle_view_set_selected_id (self, self->drag_id);
  gtk_widget_grab_focus (g_ptr_array_index (self->markers, index));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                IptCircleView  *self)
{
  double x, y;

  if (self->drag_id == 0)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  self->drag_x = x + dx;
  self->drag_y = y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             IptCircleView  *self)
{
  gint64 person_id = self->drag_id;
  double x, y;

  if (person_id == 0)
    return;
  self->drag_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* A click without a move only selects. */
  if (dx * dx + dy * dy < 9)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  gtk_widget_activate_action (GTK_WIDGET (self), "circle.drop", "(xdd)", person_id, x + dx, y + dy);
}

static void
ipt_circle_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_SHOW_IDEAL:
      g_value_set_boolean (value, self->show_ideal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_circle_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      ipt_circle_view_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_SHOW_IDEAL:
      ipt_circle_view_set_show_ideal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_circle_view_dispose (GObject *object)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (object);

  if (self->markers != NULL)
    clear_people (self);

  G_OBJECT_CLASS (ipt_circle_view_parent_class)->dispose (object);
}

static void
ipt_circle_view_finalize (GObject *object)
{
  IptCircleView *self = IPT_CIRCLE_VIEW (object);

  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_free (self->circle);

  G_OBJECT_CLASS (ipt_circle_view_parent_class)->finalize (object);
}

static void
ipt_circle_view_class_init (IptCircleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ipt_circle_view_get_property;
  object_class->set_property = ipt_circle_view_set_property;
  object_class->dispose = ipt_circle_view_dispose;
  object_class->finalize = ipt_circle_view_finalize;
  widget_class->snapshot = ipt_circle_view_snapshot;
  widget_class->size_allocate = ipt_circle_view_size_allocate;
  widget_class->measure = ipt_circle_view_measure;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_IDEAL] =
    g_param_spec_boolean ("show-ideal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A person (id) moved to a ring; the owner writes it to the store. */
  signals[SIGNAL_MOVE_PERSON] =
    g_signal_new ("move-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  /* A person (id) activated (Enter or Space on their marker): open them. */
  signals[SIGNAL_ACTIVATE_PERSON] =
    g_signal_new ("activate-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "circle.drop", "(xdd)", drop_action);
  gtk_widget_class_install_action (widget_class, "circle.move-selected", "u", move_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "circle.move-selected", "u", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, 0, "circle.move-selected", "u", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, 0, "circle.move-selected", "u", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, 0, "circle.move-selected", "u", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, 0, "circle.move-selected", "u", 3);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_3, 0, "circle.move-selected", "u", 3);

  gtk_widget_class_set_css_name (widget_class, "circleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipt_circle_view_init (IptCircleView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->markers = g_ptr_array_new ();
  self->circle = g_new0 (IptCirclePerson, 1);

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Closeness circle"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Select a person, then press 1, 2 or 3 to move them to that ring"),
                                  -1);
}

GtkWidget *
ipt_circle_view_new (void)
{
  return g_object_new (IPT_TYPE_CIRCLE_VIEW, NULL);
}
