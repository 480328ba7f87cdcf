/* The practitioner's main window: the caseload on the left, a client's page on the right. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-window.h"

#include <glib/gi18n.h>

#include "ipt-case-row.h"
#include "ipt-client-page.h"
#include "ipt-gui-private.h"
#include "ipt-window-private.h"
#include "ipt-resources.h"

#define TOAST_SECONDS 10

enum {
  SIGNAL_FIRST_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptWindow, ipt_window, GTK_TYPE_APPLICATION_WINDOW)

gboolean
_ipt_window_get_us_wording (IptWindow *self)
{
  return g_settings_get_boolean (self->settings, "us-focus-names");
}

static gboolean
summary_course_running (IptCaseSummary *summary)
{
  IptEpisode *episode = ipt_case_summary_get_episode (summary);

  return episode != NULL && ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE;
}

static gboolean
summary_matches_mode (IptCaseSummary   *summary,
                      IptCaseloadFilter mode)
{
  IptEpisode *episode;
  gboolean archived;

  if (mode == IPT_CASELOAD_FILTER_ALL)
    return TRUE;

  archived = ipt_client_get_archived (ipt_case_summary_get_client (summary));
  episode = ipt_case_summary_get_episode (summary);

  switch (mode)
    {
    case IPT_CASELOAD_FILTER_ACTIVE:
      return !archived && (episode == NULL || summary_course_running (summary));
    case IPT_CASELOAD_FILTER_ENDED:
      return archived || (episode != NULL && !summary_course_running (summary));
    case IPT_CASELOAD_FILTER_ATTENTION:
      return !archived && summary_course_running (summary)
             && ipt_case_summary_get_needs_attention (summary);
    case IPT_CASELOAD_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* One function for search and status: it runs for every client on every keystroke, so it
 * reads the summary directly instead of through property expressions. */
static gboolean
caseload_filter_func (IptCaseSummary *summary,
                      gpointer        user_data)
{
  IptWindow *self = user_data;

  if (!summary_matches_mode (summary, self->filter_mode))
    return FALSE;
  if (self->query == NULL)
    return TRUE;
  return strstr (ipt_case_summary_get_search_key (summary), self->query) != NULL;
}

/* Most urgent signal first, then by code: flagged cases come to the top. */
static int
caseload_sort_func (gconstpointer a,
                    gconstpointer b)
{
  IptCaseSummary *sa = *(IptCaseSummary **) a;
  IptCaseSummary *sb = *(IptCaseSummary **) b;
  gboolean ra = summary_course_running (sa);
  gboolean rb = summary_course_running (sb);
  int ka;
  int kb;

  /* Running courses first, ordered by signal; the rest by code. */
  if (ra != rb)
    return ra ? -1 : 1;
  if (ra)
    {
      ka = ipt_case_summary_get_signal_kind (sa);
      kb = ipt_case_summary_get_signal_kind (sb);
      if (ka != kb)
        return ka < kb ? -1 : 1;
    }

  return strcmp (ipt_client_get_code (ipt_case_summary_get_client (sa)),
                 ipt_client_get_code (ipt_case_summary_get_client (sb)));
}

static void
update_list_stack (IptWindow *self)
{
  if (self->caseload->len == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "nothing-found");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
update_counts (IptWindow *self)
{
  guint n = self->caseload->len;
  guint n_active = 0;
  guint n_attention = 0;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *attention = NULL;

  for (guint i = 0; i < n; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (self->caseload, i);

      if (ipt_client_get_archived (ipt_case_summary_get_client (summary))
          || !summary_course_running (summary))
        continue;
      n_active++;
      if (ipt_case_summary_get_needs_attention (summary))
        n_attention++;
    }

  basename = g_path_get_basename (ipt_store_get_path (self->store));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u active course",
                                           "%s · %u active courses", n_active),
                              basename, n_active);
  gtk_label_set_label (self->subtitle_label, subtitle);

  /* TRANSLATORS: a filter button; %u is how many cases it shows */
  attention = g_strdup_printf (_("_Needs attention · %u"), n_attention);
  gtk_button_set_label (GTK_BUTTON (self->attention_button), attention);
}

static guint find_shown (IptWindow *self,
                         gint64     client_id);

/* Shows the clients that pass the search and filter, keeping the shown client selected. */
static void
refilter (IptWindow *self)
{
  guint position;

  ipt_caseload_model_show (self->shown, self->caseload, caseload_filter_func, self);
  update_list_stack (self);

  position = self->client_id != 0 ? find_shown (self, self->client_id) : GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
show_client_page (IptWindow *self,
                  gint64     client_id)
{
  self->client_id = client_id;
  if (client_id == 0)
    {
      ipt_client_page_set_client (self->client_page, self->store, 0,
                                  _ipt_window_get_us_wording (self));
      gtk_stack_set_visible_child_name (self->content_stack, "no-client");
    }
  else
    {
      ipt_client_page_set_client (self->client_page, self->store, client_id,
                                  _ipt_window_get_us_wording (self));
      gtk_stack_set_visible_child_name (self->content_stack, "client");
    }
  _ipt_window_update_actions (self);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      IptWindow         *self)
{
  IptCaseSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  IptCaseSummary *summary = slot != NULL ? ipt_case_slot_get_summary (slot) : NULL;
  gint64 id;

  /* A client hidden by the search keeps their page: nothing was chosen instead. */
  if (summary == NULL)
    return;

  id = ipt_client_get_id (ipt_case_summary_get_client (summary));
  if (id != self->client_id)
    show_client_page (self, id);
}

static guint
find_in_caseload (IptWindow *self,
                  gint64     client_id)
{
  for (guint i = 0; i < self->caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (self->caseload, i);

      if (ipt_client_get_id (ipt_case_summary_get_client (summary)) == client_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static guint
find_shown (IptWindow *self,
            gint64     client_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; i < n; i++)
    {
      IptCaseSummary *summary = ipt_caseload_model_get_summary (self->shown, i);

      if (ipt_client_get_id (ipt_case_summary_get_client (summary)) == client_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
on_scroll_tick (GtkWidget     *list,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);

  /* GTK 4.8's list scrolls right only once it has a size. */
  if (gtk_widget_get_height (list) <= 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  if (self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", self->scroll_position);
  return G_SOURCE_REMOVE;
}

static void
scroll_to (IptWindow *self,
           guint      position)
{
  GtkWidget *list = GTK_WIDGET (self->caseload_view);

  self->scroll_position = position;
  if (gtk_widget_get_mapped (list) && gtk_widget_get_height (list) > 0)
    {
      gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
      return;
    }
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (list, on_scroll_tick, self, NULL);
}

static void
select_client (IptWindow *self,
               gint64     client_id,
               gboolean   reveal)
{
  guint position;

  position = find_shown (self, client_id);
  if (position == GTK_INVALID_LIST_POSITION && client_id != 0 && reveal)
    {
      /* Show the client even when the filters hide them: clear the search and filters. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->query, g_free);
      gtk_toggle_button_set_active (self->active_button, FALSE);
      gtk_toggle_button_set_active (self->ended_button, FALSE);
      gtk_toggle_button_set_active (self->attention_button, FALSE);
      self->filter_mode = IPT_CASELOAD_FILTER_ALL;
      self->client_id = 0;
      refilter (self);
      position = find_shown (self, client_id);
    }

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to (self, position);
    }
  else
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }

  show_client_page (self, client_id);
}

void
_ipt_window_select_client (IptWindow *self,
                           gint64     client_id)
{
  g_return_if_fail (IPT_IS_WINDOW (self));

  select_client (self, client_id, TRUE);
}

void
_ipt_window_reload_caseload (IptWindow *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id = self->client_id;

  summaries = ipt_store_load_caseload (self->store, &error);
  if (summaries == NULL)
    {
      _ipt_show_error (GTK_WINDOW (self), _("The caseload could not be read"), error);
      return;
    }

  g_ptr_array_sort (summaries, caseload_sort_func);
  g_ptr_array_unref (self->caseload);
  self->caseload = g_steal_pointer (&summaries);
  update_counts (self);

  if (client_id != 0 && find_in_caseload (self, client_id) == GTK_INVALID_LIST_POSITION)
    client_id = 0;
  self->client_id = 0;
  refilter (self);
  select_client (self, client_id, FALSE);
}

void
_ipt_window_refresh_client (IptWindow *self,
                            gint64     client_id)
{
  g_autoptr(IptCaseSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_if_fail (IPT_IS_WINDOW (self));

  summary = ipt_store_load_case_summary (self->store, client_id, &error);
  if (summary == NULL)
    {
      _ipt_show_error (GTK_WINDOW (self), _("The client could not be read"), error);
      return;
    }

  position = find_in_caseload (self, client_id);
  if (position == GTK_INVALID_LIST_POSITION)
    g_ptr_array_add (self->caseload, g_steal_pointer (&summary));
  else
    {
      g_object_unref (g_ptr_array_index (self->caseload, position));
      self->caseload->pdata[position] = g_steal_pointer (&summary);
    }
  g_ptr_array_sort (self->caseload, caseload_sort_func);

  update_counts (self);
  refilter (self);

  /* The page follows the change; the filters stay as the practitioner set them. */
  if (self->client_id == client_id || self->client_id == 0)
    {
      self->client_id = 0;
      select_client (self, client_id, FALSE);
    }
}

/* Row factory */

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IptWindow                *self)
{
  gtk_list_item_set_child (item, ipt_case_row_new ());
}

static void
on_slot_summary_changed (IptCaseSlot *slot,
                         GParamSpec  *pspec,
                         IptCaseRow  *row)
{
  IptWindow *self = IPT_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));

  ipt_case_row_set_summary (row, ipt_case_slot_get_summary (slot),
                            self != NULL && _ipt_window_get_us_wording (self));
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 IptWindow                *self)
{
  IptCaseRow *row = IPT_CASE_ROW (gtk_list_item_get_child (item));
  IptCaseSlot *slot = gtk_list_item_get_item (item);

  /* The slot's client changes in place as the search goes: the row follows it. */
  g_signal_connect_object (slot, "notify::summary", G_CALLBACK (on_slot_summary_changed), row, 0);
  ipt_case_row_set_summary (row, ipt_case_slot_get_summary (slot), _ipt_window_get_us_wording (self));
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   IptWindow                *self)
{
  IptCaseRow *row = IPT_CASE_ROW (gtk_list_item_get_child (item));

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_slot_summary_changed, row);
  ipt_case_row_set_summary (row, NULL, FALSE);
}

/* Search and filters */

static void
on_search_entry_search_changed (GtkSearchEntry *entry,
                                IptWindow      *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *query = NULL;

  if (*stripped != '\0')
    query = g_utf8_strdown (stripped, -1);

  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  refilter (self);
}

static void
on_search_entry_activate (GtkSearchEntry *entry,
                          IptWindow      *self)
{
  /* Enter opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    {
      IptCaseSummary *summary = ipt_caseload_model_get_summary (self->shown, 0);

      gtk_single_selection_set_selected (self->selection, 0);
      show_client_page (self, ipt_client_get_id (ipt_case_summary_get_client (summary)));
    }
}

static void
on_search_entry_stop_search (GtkSearchEntry *entry,
                             IptWindow      *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_filter_button_toggled (GtkToggleButton *button,
                          IptWindow       *self)
{
  GtkToggleButton *buttons[] = { self->active_button, self->ended_button, self->attention_button };
  IptCaseloadFilter modes[] = {
    IPT_CASELOAD_FILTER_ACTIVE, IPT_CASELOAD_FILTER_ENDED, IPT_CASELOAD_FILTER_ATTENTION,
  };
  IptCaseloadFilter mode = IPT_CASELOAD_FILTER_ALL;

  if (self->updating_filters)
    return;

  /* One filter at a time; none pressed shows everyone. */
  self->updating_filters = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      if (buttons[i] == button && gtk_toggle_button_get_active (button))
        mode = modes[i];
      else if (buttons[i] != button)
        gtk_toggle_button_set_active (buttons[i], FALSE);
    }
  self->updating_filters = FALSE;

  if (mode != self->filter_mode)
    {
      self->filter_mode = mode;
      refilter (self);
    }
}

static void
on_us_focus_names_changed (GSettings  *settings,
                           const char *key,
                           IptWindow  *self)
{
  gint64 client_id = self->client_id;

  /* Rebind every row with the new wording. */
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  ipt_caseload_model_show (self->shown, none, NULL, NULL);
  refilter (self);
  self->client_id = 0;
  select_client (self, client_id, FALSE);
}

/* Toast with Undo */

static void
clear_undo (IptWindow *self)
{
  if (self->undo_data != NULL && self->undo_data_free != NULL)
    self->undo_data_free (self->undo_data);
  self->undo_data = NULL;
  self->undo_data_free = NULL;
  self->undo_func = NULL;
}

void
_ipt_window_dismiss_toast (IptWindow *self)
{
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  clear_undo (self);
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
  _ipt_window_update_actions (self);
}

static gboolean
on_toast_timeout (gpointer user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);

  self->toast_timeout_id = 0;
  _ipt_window_dismiss_toast (self);
  return G_SOURCE_REMOVE;
}

void
_ipt_window_show_toast (IptWindow     *self,
                        const char    *message,
                        IptUndoFunc    undo_func,
                        gpointer       undo_data,
                        GDestroyNotify undo_data_free)
{
  g_return_if_fail (IPT_IS_WINDOW (self));

  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  clear_undo (self);

  self->undo_func = undo_func;
  self->undo_data = undo_data;
  self->undo_data_free = undo_data_free;

  gtk_label_set_label (self->toast_label, message);
  gtk_widget_set_visible (self->toast_undo_button, undo_func != NULL);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  self->toast_timeout_id = g_timeout_add_seconds (TOAST_SECONDS, on_toast_timeout, self);

  _ipt_window_update_actions (self);
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
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int position = g_settings_get_int (self->settings, "paned-position");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (position > 0)
    gtk_paned_set_position (self->paned, position);
}

static gboolean
ipt_window_close_request (GtkWindow *window)
{
  IptWindow *self = IPT_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_int (self->settings, "paned-position", gtk_paned_get_position (self->paned));
  g_settings_apply (self->settings);

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
  _ipt_window_reload_caseload (self);
  _ipt_window_update_actions (self);
}

static void
ipt_window_dispose (GObject *object)
{
  IptWindow *self = IPT_WINDOW (object);

  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  g_clear_handle_id (&self->first_frame_idle, g_source_remove);
  if (self->scroll_tick_id != 0 && self->caseload_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->caseload_view), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  clear_undo (self);
  _ipt_window_set_dialog (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->caseload, g_ptr_array_unref);
  g_clear_object (&self->settings);
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
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_button_toggled);

  _ipt_window_class_init_actions (widget_class);
}

/* The application's style, once per display (also for windows made outside IptApplication). */
static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) css = NULL;

  if (g_object_get_data (G_OBJECT (display), "ipt-style") != NULL)
    return;

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/ui/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "ipt-style", g_steal_pointer (&css), g_object_unref);
}

static void
ipt_window_init (IptWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->filter_mode = IPT_CASELOAD_FILTER_ACTIVE;

  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* The caseload, sorted once as loaded; the shown slots change in place as the search goes. */
  self->caseload = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = ipt_caseload_model_new ();
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, 0);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind), self, 0);
  gtk_list_view_set_factory (self->caseload_view, factory);
  gtk_list_view_set_model (self->caseload_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->settings, "changed::us-focus-names",
                           G_CALLBACK (on_us_focus_names_changed), self, 0);

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
