/* The practitioner's main window: the caseload on the left, a client's page on the right. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-window.h"

#include <glib/gi18n.h>

#include "ipt-client-page.h"
#include "ipt-gui-private.h"
#include "ipt-palette.h"
#include "ipt-preferences.h"
#include "ipt-window-private.h"
#include "ipt-resources.h"

#define TOAST_SECONDS 10

enum {
  SIGNAL_FIRST_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptWindow, ipt_window, GTK_TYPE_APPLICATION_WINDOW)

/* Toast with Undo. A notice (a file written, a merge done) never takes the place of a pending
 * Undo: it waits until the Undo's toast has gone. */

static void
clear_undo (IptWindow *self)
{
  if (self->undo_data != NULL && self->undo_data_free != NULL)
    self->undo_data_free (self->undo_data);
  self->undo_data = NULL;
  self->undo_data_free = NULL;
  self->undo_func = NULL;
}

static void show_notice (IptWindow *self, const char *message, const char *folder_uri);

void
_ipt_window_dismiss_toast (IptWindow *self)
{
  g_autofree char *message = g_steal_pointer (&self->queued_message);
  g_autofree char *folder_uri = g_steal_pointer (&self->queued_folder_uri);

  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  clear_undo (self);
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
  _ipt_window_update_actions (self);
  if (message != NULL)
    show_notice (self, message, folder_uri);
}

static gboolean
on_toast_timeout (gpointer user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);

  self->toast_timeout_id = 0;
  _ipt_window_dismiss_toast (self);
  return G_SOURCE_REMOVE;
}

static void
show_toast (IptWindow     *self,
            const char    *message,
            const char    *folder_uri,
            IptUndoFunc    undo_func,
            gpointer       undo_data,
            GDestroyNotify undo_data_free)
{
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  clear_undo (self);

  self->undo_func = undo_func;
  self->undo_data = undo_data;
  self->undo_data_free = undo_data_free;

  gtk_label_set_label (self->toast_label, message);
  gtk_widget_set_visible (self->toast_undo_button, undo_func != NULL);
  gtk_widget_set_visible (self->toast_open_button, folder_uri != NULL);
  if (folder_uri != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->toast_open_button), "s", folder_uri);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  self->toast_timeout_id = g_timeout_add_seconds (TOAST_SECONDS, on_toast_timeout, self);

  _ipt_window_update_actions (self);
}

static void
show_notice (IptWindow  *self,
             const char *message,
             const char *folder_uri)
{
  if (self->undo_func != NULL)
    {
      /* The latest notice waits; an earlier one still waiting is out of date. */
      g_free (self->queued_message);
      g_free (self->queued_folder_uri);
      self->queued_message = g_strdup (message);
      self->queued_folder_uri = g_strdup (folder_uri);
      return;
    }
  show_toast (self, message, folder_uri, NULL, NULL, NULL);
}

void
_ipt_window_show_toast (IptWindow     *self,
                        const char    *message,
                        IptUndoFunc    undo_func,
                        gpointer       undo_data,
                        GDestroyNotify undo_data_free)
{
  g_return_if_fail (IPT_IS_WINDOW (self));

  if (undo_func == NULL)
    {
      show_notice (self, message, NULL);
      return;
    }
  /* A new Undo replaces the old one; a notice still waiting comes after it. */
  show_toast (self, message, NULL, undo_func, undo_data, undo_data_free);
}

void
_ipt_window_show_file_toast (IptWindow  *self,
                             const char *message,
                             const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (IPT_IS_WINDOW (self));
  g_return_if_fail (message != NULL && path != NULL);

  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  if (folder != NULL)
    uri = g_file_get_uri (folder);
  show_notice (self, message, uri);
}

void
ipt_window_show_error (IptWindow    *self,
                       const char   *primary,
                       const GError *error)
{
  g_return_if_fail (IPT_IS_WINDOW (self));

  _ipt_show_error (GTK_WINDOW (self), primary, error);
}

void
_ipt_window_set_dialog (IptWindow *self,
                        GtkWindow *dialog)
{
  g_return_if_fail (IPT_IS_WINDOW (self));

  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

/* First full frame (for --screenshot) */

#define MAX_SETTLING_FRAMES 10

static gboolean
on_first_frame_idle (gpointer user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->first_frame_idle = 0;
  if (clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, clock);
  g_signal_emit (self, signals[SIGNAL_FIRST_FRAME], 0);
  return G_SOURCE_REMOVE;
}

/* The first full frame: the first one painted with nothing left for a later frame. A list
 * scrolled to the chosen client scrolls in a frame's update phase, once it has a size, so the
 * frame in which it did is the one. (Animations such as fading scrollbars are not waited for.) */
static void
on_after_paint (GdkFrameClock *clock,
                IptWindow     *self)
{
  if (self->scroll_tick_id != 0 && ++self->frames_painted < MAX_SETTLING_FRAMES)
    return;

  g_clear_signal_handler (&self->after_paint_id, clock);
  /* After the paint has finished, on the main loop's next turn. */
  self->first_frame_idle = g_idle_add_full (G_PRIORITY_DEFAULT, on_first_frame_idle, self, NULL);
}

static void
ipt_window_map (GtkWidget *widget)
{
  IptWindow *self = IPT_WINDOW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (ipt_window_parent_class)->map (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL && self->after_paint_id == 0 && self->first_frame_idle == 0)
    self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

static void
ipt_window_unmap (GtkWidget *widget)
{
  IptWindow *self = IPT_WINDOW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, clock);
  self->after_paint_id = 0;

  GTK_WIDGET_CLASS (ipt_window_parent_class)->unmap (widget);
}

gboolean
ipt_window_save_screenshot (IptWindow  *self,
                            const char *path,
                            GError    **error)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _ipt_widget_save_png (GTK_WIDGET (self), path, error);
}

/* Window state */

static void
restore_state (IptWindow *self)
{
  IptWindowState state;

  ipt_preferences_get_window_state (ipt_preferences_get_default (), &state);
  if (state.width > 0 && state.height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), state.width, state.height);
  if (state.maximized)
    gtk_window_maximize (GTK_WINDOW (self));
  if (state.paned_position > 0)
    gtk_paned_set_position (self->paned, state.paned_position);
}

static gboolean
ipt_window_close_request (GtkWindow *window)
{
  IptWindow *self = IPT_WINDOW (window);
  IptWindowState state;

  /* A form open over the window closes first: with unsaved input it asks, and the window
   * stays while it does. */
  if (self->dialog != NULL)
    {
      GtkWindow *dialog = self->dialog;

      gtk_window_close (dialog);
      if (self->dialog == dialog && _ipt_get_discard_question (dialog) != NULL)
        return TRUE;
    }

  gtk_window_get_default_size (window, &state.width, &state.height);
  state.maximized = gtk_window_is_maximized (window);
  state.paned_position = gtk_paned_get_position (self->paned);
  ipt_preferences_set_window_state (ipt_preferences_get_default (), &state);

  return GTK_WINDOW_CLASS (ipt_window_parent_class)->close_request (window);
}

/* GObject */

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_window_constructed (GObject *object)
{
  IptWindow *self = IPT_WINDOW (object);

  G_OBJECT_CLASS (ipt_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  _ipt_window_load_caseload (self);
  _ipt_window_update_actions (self);
}

static void
ipt_window_dispose (GObject *object)
{
  IptWindow *self = IPT_WINDOW (object);

  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  g_clear_pointer (&self->queued_message, g_free);
  g_clear_pointer (&self->queued_folder_uri, g_free);
  g_clear_handle_id (&self->first_frame_idle, g_source_remove);
  g_clear_handle_id (&self->search_key_idle, g_source_remove);
  if (self->copying != NULL)
    g_cancellable_cancel (self->copying);
  g_clear_object (&self->copying);
  _ipt_window_dispose_caseload (self);
  if (self->scroll_tick_id != 0 && self->caseload_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->caseload_view), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  clear_undo (self);
  _ipt_window_dispose_jobs (self);
  _ipt_window_set_dialog (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->caseload, g_ptr_array_unref);
  _ipt_window_forget_search_blob (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_window_parent_class)->dispose (object);
}

static void
ipt_window_finalize (GObject *object)
{
  IptWindow *self = IPT_WINDOW (object);

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (ipt_window_parent_class)->finalize (object);
}

static void
ipt_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IptWindow *self = IPT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IptWindow *self = IPT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* Construct-only. */
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_window_class_init (IptWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ipt_window_constructed;
  object_class->dispose = ipt_window_dispose;
  object_class->finalize = ipt_window_finalize;
  object_class->get_property = ipt_window_get_property;
  object_class->set_property = ipt_window_set_property;
  widget_class->map = ipt_window_map;
  widget_class->unmap = ipt_window_unmap;
  window_class->close_request = ipt_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IPT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once, after the window's first frame has been painted with its content. */
  signals[SIGNAL_FIRST_FRAME] =
    g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (IPT_TYPE_CLIENT_PAGE);
  /* The templates are in a static library's resource: referring to it links it in. */
  g_assert (ipt_get_resource () != NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IptWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, active_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, ended_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, attention_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, caseload_view);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, client_page);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, toast_undo_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, toast_dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, toast_open_button);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, jobs_revealer);
  gtk_widget_class_bind_template_child (widget_class, IptWindow, jobs_list);

  _ipt_window_class_init_caseload (widget_class);
  _ipt_window_class_init_actions (widget_class);
  _ipt_window_class_init_backup (widget_class);
  _ipt_window_class_init_dashboard (widget_class);
  _ipt_window_class_init_supervision (widget_class);
}

/* The style sheet behind the palette's colours, in the shades of a light or dark style. */
static void
load_style (GtkCssProvider *css,
            GtkSettings    *settings)
{
  g_autoptr(GBytes) sheet = g_resources_lookup_data (RESOURCE_PREFIX "/ui/style.css",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *palette = ipt_palette_to_css (_ipt_settings_is_dark (settings));
  g_autofree char *text = NULL;

  text = g_strconcat (palette, sheet != NULL ? (const char *) g_bytes_get_data (sheet, NULL) : "",
                      NULL);
  gtk_css_provider_load_from_data (css, text, -1);
}

static void
on_theme_changed (GtkSettings    *settings,
                  GParamSpec     *pspec,
                  GtkCssProvider *css)
{
  load_style (css, settings);
}

/* The application's style, once per display (also for windows made outside IptApplication). */
void
_ipt_ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkSettings *settings = gtk_settings_get_for_display (display);
  g_autoptr(GtkCssProvider) css = NULL;

  if (g_object_get_data (G_OBJECT (display), "ipt-style") != NULL)
    return;

  css = gtk_css_provider_new ();
  load_style (css, settings);
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (on_theme_changed), css, 0);
  g_signal_connect_object (settings, "notify::gtk-theme-name", G_CALLBACK (on_theme_changed),
                           css, 0);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "ipt-style", g_steal_pointer (&css), g_object_unref);
}

static void
on_page_client_notify (IptClientPage *page,
                       GParamSpec    *pspec,
                       IptWindow     *self)
{
  /* Archived, a course running, ...: what may be done follows what the page shows. */
  _ipt_window_update_actions (self);
}

static void
ipt_window_init (IptWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_ensure_style (GTK_WIDGET (self));

  ipt_preferences_insert_actions (ipt_preferences_get_default (), GTK_WIDGET (self));
  self->filter_mode = IPT_CASELOAD_FILTER_ACTIVE;

  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Typing starts a search from the caseload's side only: on the client page, keys belong to
   * its controls (1, 2 and 3 move a person on the closeness circle). Ctrl+F searches from
   * anywhere. */
  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         gtk_widget_get_parent (GTK_WIDGET (self->search_bar)));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  _ipt_window_init_caseload (self);
  _ipt_window_init_dashboard (self);
  g_signal_connect_object (self->client_page, "notify::client",
                           G_CALLBACK (on_page_client_notify), self, 0);
  _ipt_window_init_backup (self);
  _ipt_window_init_jobs (self);

  restore_state (self);
}

IptWindow *
ipt_window_new (GtkApplication *app,
                IptStore       *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (IPT_IS_STORE (store), NULL);

  return g_object_new (IPT_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

IptStore *
ipt_window_get_store (IptWindow *self)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
ipt_window_show_client (IptWindow  *self,
                        const char *code)
{
  g_autoptr(IptClient) client = NULL;

  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  client = ipt_store_find_client (self->store, code, NULL);
  if (client == NULL)
    return FALSE;

  _ipt_window_select_client (self, ipt_client_get_id (client));
  return TRUE;
}
