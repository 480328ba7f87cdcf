/* The Timeline tab of a client's page: the client's life events, each with its impact on mood,
 * drawn against the PHQ-9 of the current course, with their list to add, edit and delete.
 *
 * The view is told which client and course to show and reads them itself; it follows
 * IptStore::changed and reads them again when an announcement names its client. Its form writes
 * to the store and never tells the view to update. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-timeline-view.h"

#include <glib/gi18n.h>

#include "ipt-date-format.h"
#include "ipt-gui-private.h"
#include "ipt-life-event-form.h"
#include "ipt-timeline-chart.h"
#include "ipt-window-private.h"

struct _IptTimelineView
{
  GtkWidget       parent_instance;

  IptStore       *store;
  GSignalGroup   *store_signals;   /* "changed" of the store shown */
  gint64          client_id;       /* the client shown, 0: none */
  gint64          course_id;       /* the course whose PHQ-9 is drawn, 0: none */
  gboolean        read_only;       /* the page shows an earlier course */
  GPtrArray      *events;          /* IptLifeEvent, by date */
  GPtrArray      *titles;          /* char *, the chart's title of each event */
  GArray         *chart_events;    /* IptTimelineEvent, pointing into events and titles */
  GArray         *chart_scores;    /* IptTimelineScore */
  GPtrArray      *score_dates;     /* char *, owned dates of chart_scores */

  GtkDrawingArea *chart;
  GtkListBox     *events_list;
  gboolean           stale;           /* changed while hidden: read again when shown */
};

G_DEFINE_FINAL_TYPE (IptTimelineView, ipt_timeline_view, GTK_TYPE_WIDGET)

static void
clear (IptTimelineView *self)
{
  g_clear_pointer (&self->chart_events, g_array_unref);
  g_clear_pointer (&self->chart_scores, g_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->score_dates, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
}

static IptWindow *
get_window (IptTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return IPT_IS_WINDOW (root) ? IPT_WINDOW (root) : NULL;
}

static GtkWindow *
parent_window (IptTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (IptTimelineView *self,
            const char      *primary,
            const GError    *error)
{
  _ipt_show_error (parent_window (self), primary, error);
}

static const char *
person_name (GPtrArray *people,
             gint64     person_id)
{
  for (guint i = 0; person_id != 0 && people != NULL && i < people->len; i++)
    if (ipt_person_get_id (g_ptr_array_index (people, i)) == person_id)
      return ipt_person_get_name (g_ptr_array_index (people, i));
  return NULL;
}

static GtkWidget *
event_row (IptTimelineView *self,
           IptLifeEvent    *event,
           const char      *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  int impact = ipt_life_event_get_impact (event);
  /* TRANSLATORS: a life event's date and its impact on mood: "2024-03-01 · impact −4" */
  g_autofree char *shown = ipt_date_format_display (ipt_life_event_get_date (event));
  g_autofree char *signed_impact = ipt_life_event_format_impact (impact);
  g_autofree char *detail = g_strdup_printf (_("%s · impact %s"), shown, signed_impact);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *detail_label = gtk_label_new (detail);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GVariant *id = g_variant_new_int64 (ipt_life_event_get_id (event));
  /* TRANSLATORS: accessible names of a life event's buttons, with the event's title */
  g_autofree char *edit_name = g_strdup_printf (_("Edit life event: %s"), title);
  g_autofree char *remove_name = g_strdup_printf (_("Delete life event: %s"), title);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_box_append (GTK_BOX (texts), title_label);
  gtk_box_append (GTK_BOX (texts), detail_label);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "timeline.edit-event");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), id);
  gtk_widget_set_tooltip_text (edit, _("Edit Life Event"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "timeline.delete-event");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), id);
  gtk_widget_set_tooltip_text (remove, _("Delete Life Event"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
show_events (IptTimelineView *self)
{
  GtkWidget *row;

  /* Rows only: the placeholder stays. */
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->events_list, 0))) != NULL)
    gtk_list_box_remove (self->events_list, row);
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    gtk_list_box_append (self->events_list, event_row (self, g_ptr_array_index (self->events, i),
                                                       g_ptr_array_index (self->titles, i)));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* The PHQ-9 totals of the course's sessions, with their dates. */
static gboolean
load_scores (IptTimelineView *self,
             GError         **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GHashTable) dates = NULL;

  sessions = ipt_store_list_sessions (self->store, self->course_id, error);
  if (sessions == NULL)
    return FALSE;
  scores = ipt_store_list_scores (self->store, self->course_id, error);
  if (scores == NULL)
    return FALSE;

  dates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      gint64 id = ipt_session_get_id (session);

      g_hash_table_insert (dates, g_memdup2 (&id, sizeof id), (gpointer) ipt_session_get_date (session));
    }
  for (guint i = 0; i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);
      gint64 session_id = ipt_score_get_session_id (score);
      const char *date = g_hash_table_lookup (dates, &session_id);
      IptTimelineScore point;

      if (g_strcmp0 (ipt_score_get_measure_id (score), "phq9") != 0
          || ipt_score_get_total (score) == IPT_TOTAL_NONE || date == NULL)
        continue;
      g_ptr_array_add (self->score_dates, g_strdup (date));
      point.date = g_ptr_array_index (self->score_dates, self->score_dates->len - 1);
      point.total = ipt_score_get_total (score);
      g_array_append_val (self->chart_scores, point);
    }
  return TRUE;
}

static gboolean
load (IptTimelineView *self,
      GError         **error)
{
  g_autoptr(GPtrArray) people = NULL;
  gint64 client_id = self->client_id;

  self->events = ipt_store_list_life_events (self->store, client_id, error);
  if (self->events == NULL)
    return FALSE;
  people = ipt_store_list_people (self->store, client_id, error);
  if (people == NULL)
    return FALSE;
  if (self->course_id != 0 && !load_scores (self, error))
    return FALSE;

  for (guint i = 0; i < self->events->len; i++)
    {
      IptLifeEvent *event = g_ptr_array_index (self->events, i);
      const char *name = person_name (people, ipt_life_event_get_person_id (event));
      IptTimelineEvent chart_event;

      if (name != NULL)
        /* TRANSLATORS: a life event's title and the person it concerns: "Row about the move (Jamie)" */
        g_ptr_array_add (self->titles, g_strdup_printf (_("%s (%s)"), ipt_life_event_get_title (event), name));
      else
        g_ptr_array_add (self->titles, g_strdup (ipt_life_event_get_title (event)));
      chart_event.date = ipt_life_event_get_date (event);
      chart_event.title = g_ptr_array_index (self->titles, i);
      chart_event.impact = ipt_life_event_get_impact (event);
      g_array_append_val (self->chart_events, chart_event);
    }
  return TRUE;
}

static void
update_actions (IptTimelineView *self)
{
  gboolean editable = self->store != NULL && self->client_id != 0 && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-event", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.edit-event", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.delete-event", editable);
}

void
ipt_timeline_view_set_read_only (IptTimelineView *self,
                                 gboolean         read_only)
{
  g_return_if_fail (IPT_IS_TIMELINE_VIEW (self));

  self->read_only = !!read_only;
  update_actions (self);
}

/* Reads the client and course shown from the store and shows them. */
static void
show (IptTimelineView *self)
{
  g_autoptr(GError) error = NULL;

  clear (self);
  update_actions (self);
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->score_dates = g_ptr_array_new_with_free_func (g_free);
  self->chart_events = g_array_new (FALSE, FALSE, sizeof (IptTimelineEvent));
  self->chart_scores = g_array_new (FALSE, FALSE, sizeof (IptTimelineScore));

  if (self->store != NULL && self->client_id != 0 && !load (self, &error))
    {
      g_clear_pointer (&self->events, g_ptr_array_unref);
      g_array_set_size (self->chart_events, 0);
      g_array_set_size (self->chart_scores, 0);
      show_error (self, _("The timeline could not be read"), error);
    }
  show_events (self);
}

static void
on_store_changed (IptStore        *store,
                  IptStoreChanges *changes,
                  IptTimelineView *self)
{
  if (_ipt_tab_should_read (GTK_WIDGET (self), changes, self->client_id, &self->stale))
    show (self);
}

static void
ipt_timeline_view_map (GtkWidget *widget)
{
  IptTimelineView *self = IPT_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (ipt_timeline_view_parent_class)->map (widget);
  if (_ipt_tab_take_stale (&self->stale))
    show (self);
}

void
ipt_timeline_view_set_client (IptTimelineView *self,
                              IptStore        *store,
                              gint64           client_id,
                              gint64           course_id)
{
  g_return_if_fail (IPT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  if (store == NULL || client_id == 0)
    client_id = course_id = 0;
  /* The view follows the store by itself: only another client or course is read here. */
  if (self->store == store && self->client_id == client_id && self->course_id == course_id)
    return;
  if (g_set_object (&self->store, store))
    g_signal_group_set_target (self->store_signals, store);
  self->client_id = client_id;
  self->course_id = course_id;
  show (self);
}

GPtrArray *
ipt_timeline_view_get_events (IptTimelineView *self)
{
  g_return_val_if_fail (IPT_IS_TIMELINE_VIEW (self), NULL);

  return self->events;
}

guint
ipt_timeline_view_get_n_scores (IptTimelineView *self)
{
  g_return_val_if_fail (IPT_IS_TIMELINE_VIEW (self), 0);

  return self->chart_scores != NULL ? self->chart_scores->len : 0;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  IptTimelineView *self = IPT_TIMELINE_VIEW (user_data);
  IptChartStyle style;
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ipt_chart_style_init (&style, _ipt_widget_is_dark (GTK_WIDGET (area)));
  style.foreground = (IptChartColor) { fg.red, fg.green, fg.blue, 1.0 };

  if (self->chart_events == NULL)
    return;
  ipt_timeline_chart_render (cr,
                             (const IptTimelineEvent *) self->chart_events->data, self->chart_events->len,
                             (const IptTimelineScore *) self->chart_scores->data, self->chart_scores->len,
                             &style, width, height);
}

/* Actions */

static void
on_form_destroy (GtkWindow *form,
                 IptWindow *window)
{
  if (window->dialog == form)
    _ipt_window_set_dialog (window, NULL);
}

static void
present_form (IptTimelineView *self,
              GtkWindow       *form)
{
  IptWindow *window = get_window (self);

  if (window != NULL)
    {
      g_signal_connect_object (form, "destroy", G_CALLBACK (on_form_destroy), window, 0);
      _ipt_window_set_dialog (window, form);
    }
  gtk_window_present (form);
}

static IptLifeEvent *
find_event (IptTimelineView *self,
            gint64           event_id)
{
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    if (ipt_life_event_get_id (g_ptr_array_index (self->events, i)) == event_id)
      return g_ptr_array_index (self->events, i);
  return NULL;
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IptTimelineView *self = IPT_TIMELINE_VIEW (widget);

  if (self->client_id == 0)
    return;
  present_form (self, GTK_WINDOW (ipt_life_event_form_new (parent_window (self), self->store,
                                                           self->client_id, NULL)));
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IptTimelineView *self = IPT_TIMELINE_VIEW (widget);
  IptLifeEvent *event = find_event (self, g_variant_get_int64 (parameter));

  if (event == NULL)
    return;
  present_form (self, GTK_WINDOW (ipt_life_event_form_new (parent_window (self), self->store,
                                                           self->client_id, event)));
}

typedef struct
{
  IptStore     *store;
  IptLifeEvent *event;    /* a copy of the deleted event, id 0 */
} EventUndo;

static void
event_undo_free (EventUndo *undo)
{
  g_object_unref (undo->store);
  g_object_unref (undo->event);
  g_free (undo);
}

static gboolean
undo_delete_event (IptWindow *window,
                   gpointer   data,
                   GError   **error)
{
  EventUndo *undo = data;

  return ipt_store_save_life_event (undo->store, undo->event, error);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IptTimelineView *self = IPT_TIMELINE_VIEW (widget);
  IptLifeEvent *event = find_event (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  IptWindow *window = get_window (self);
  EventUndo *undo;

  if (event == NULL)
    return;
  undo = g_new0 (EventUndo, 1);
  undo->store = g_object_ref (self->store);
  undo->event = ipt_life_event_new (ipt_life_event_get_client_id (event),
                                    ipt_life_event_get_date (event),
                                    ipt_life_event_get_title (event),
                                    ipt_life_event_get_impact (event));
  ipt_life_event_set_person_id (undo->event, ipt_life_event_get_person_id (event));

  /* The view reads again on the store's announcement: event is gone after this call. */
  if (!ipt_store_delete_life_event (self->store, ipt_life_event_get_id (event), &error))
    {
      event_undo_free (undo);
      show_error (self, _("The life event could not be deleted"), error);
      return;
    }
  if (window != NULL)
    _ipt_window_show_toast (window, _("Life event deleted"), undo_delete_event, undo,
                            (GDestroyNotify) event_undo_free);
  else
    event_undo_free (undo);
}

static void
ipt_timeline_view_dispose (GObject *object)
{
  IptTimelineView *self = IPT_TIMELINE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_TIMELINE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  clear (self);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_timeline_view_parent_class)->dispose (object);
}

static void
ipt_timeline_view_class_init (IptTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = ipt_timeline_view_map;
  object_class->dispose = ipt_timeline_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IptTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, IptTimelineView, events_list);

  gtk_widget_class_install_action (widget_class, "timeline.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit-event", "x", edit_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete-event", "x", delete_event_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipt_timeline_view_init (IptTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  update_actions (self);

  self->store_signals = g_signal_group_new (IPT_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_DEFAULT);
}

GtkWidget *
ipt_timeline_view_new (void)
{
  return g_object_new (IPT_TYPE_TIMELINE_VIEW, NULL);
}
