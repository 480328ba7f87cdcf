/* IptWindow's caseload: the list of clients, search and filters, and which client is shown. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-case-row.h"
#include "ipt-gui-private.h"
#include "ipt-window-private.h"

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
gboolean
_ipt_window_caseload_filter_func (IptCaseSummary *summary,
                                  gpointer        user_data)
{
  IptWindow *self = user_data;

  if (!summary_matches_mode (summary, self->filter_mode))
    return FALSE;
  if (self->query == NULL)
    return TRUE;
  return strstr (ipt_case_summary_get_search_key (summary), self->query) != NULL;
}

static gboolean
filter_mode_func (IptCaseSummary *summary,
                  gpointer        user_data)
{
  IptWindow *self = user_data;

  return summary_matches_mode (summary, self->filter_mode);
}

/* Most urgent signal first, then by code: flagged cases come to the top (the model's order,
 * which the store keeps for the top of a large caseload). */
int
_ipt_window_caseload_sort_func (gconstpointer a,
                                gconstpointer b)
{
  return ipt_case_summary_compare_caseload (a, b);
}

void
_ipt_window_update_list_stack (IptWindow *self)
{
  if (self->caseload->len == 0 && !self->caseload_loading)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  /* While the caseload is still being read, a client not read yet may match. */
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0 && !self->caseload_loading)
    gtk_stack_set_visible_child_name (self->list_stack, "nothing-found");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

void
_ipt_window_update_counts (IptWindow *self)
{
  guint n = self->caseload->len;
  guint n_active = 0;
  guint n_attention = 0;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *attention = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the top of the list is read yet: the store counts the whole caseload, as the loop
   * below counts it once everyone is read. */
  gboolean counted = FALSE;

  if (self->caseload_loading)
    {
      counted = ipt_store_count_caseload (self->store, &n_active, &n_attention, &error);
      if (!counted)
        g_warning ("The caseload could not be counted: %s", error->message);
    }
  for (guint i = 0; i < n && !counted; i++)
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

void
_ipt_window_forget_search_blob (IptWindow *self)
{
  if (self->search_blob != NULL)
    g_string_free (self->search_blob, TRUE);
  self->search_blob = NULL;
  g_clear_pointer (&self->search_starts, g_array_unref);
}

static void
make_search_blob (IptWindow *self)
{
  guint n = self->caseload->len;

  self->search_blob = g_string_sized_new ((gsize) n * 40);
  self->search_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n);
  for (guint i = 0; i < n; i++)
    {
      const char *key = ipt_case_summary_get_search_key (g_ptr_array_index (self->caseload, i));
      gsize start = self->search_blob->len;

      g_array_append_val (self->search_starts, start);
      g_string_append_len (self->search_blob, key, (gssize) strlen (key) + 1);
    }
}

/* The clients of the whole caseload whose search key holds the query, in order: one pass of
 * memmem () through the keys laid end to end, skipping to the next key after each match (the
 * query holds no NUL byte, so no match runs across two keys). */
static GPtrArray *
search_caseload (IptWindow *self)
{
  const gsize *starts;
  const char *blob;
  const char *end;
  const char *p;
  gsize query_len = strlen (self->query);
  guint n = self->caseload->len;
  GPtrArray *found = g_ptr_array_new ();

  if (self->search_blob == NULL)
    make_search_blob (self);
  starts = (const gsize *) (void *) self->search_starts->data;
  blob = self->search_blob->str;
  end = blob + self->search_blob->len;
  p = blob;

  while (p < end && (p = memmem (p, (gsize) (end - p), self->query, query_len)) != NULL)
    {
      gsize at = (gsize) (p - blob);
      guint low = 0;
      guint high = n;

      /* The last key that starts at or before the match. */
      while (high - low > 1)
        {
          guint middle = low + (high - low) / 2;

          if (starts[middle] <= at)
            low = middle;
          else
            high = middle;
        }
      g_ptr_array_add (found, g_ptr_array_index (self->caseload, low));
      p = low + 1 < n ? blob + starts[low + 1] : end;
    }
  return found;
}

/* Shows the clients of `from` that pass the search and filter, keeping the shown client
 * selected. */
static void
refilter_from (IptWindow *self,
               GPtrArray *from)
{
  g_autoptr(GPtrArray) found = NULL;
  guint position;

  /* Through everyone: only the keys that hold the query are looked at one by one, and those
   * found need only the filter. */
  if (from == self->caseload && self->query != NULL && from->len > 0)
    {
      found = search_caseload (self);
      ipt_caseload_model_show (self->shown, found, filter_mode_func, self);
    }
  else
    {
      ipt_caseload_model_show (self->shown, from, _ipt_window_caseload_filter_func, self);
    }
  _ipt_window_update_list_stack (self);

  position = self->client_id != 0 ? _ipt_window_find_shown (self, self->client_id)
                                   : GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

void
_ipt_window_refilter (IptWindow *self)
{
  refilter_from (self, self->caseload);
}

static void
show_client_page (IptWindow *self,
                  gint64     client_id)
{
  self->client_id = client_id;
  if (client_id == 0)
    {
      ipt_client_page_set_client (self->client_page, self->store, 0);
      gtk_stack_set_visible_child_name (self->content_stack, "no-client");
    }
  else
    {
      ipt_client_page_set_client (self->client_page, self->store, client_id);
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

guint
_ipt_window_find_in_caseload (IptWindow *self,
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

guint
_ipt_window_find_shown (IptWindow *self,
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

void
_ipt_window_scroll_to (IptWindow *self,
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

  position = _ipt_window_find_shown (self, client_id);
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
      _ipt_window_refilter (self);
      position = _ipt_window_find_shown (self, client_id);
    }

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      _ipt_window_scroll_to (self, position);
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

/* Row factory */

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IptWindow                *self)
{
  gtk_list_item_set_child (item, ipt_case_row_new ());
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 IptWindow                *self)
{
  GBinding *binding;

  /* The slot's client changes in place as the search goes, or when the store announces a
   * change to them: the row is bound to it. */
  binding = g_object_bind_property (gtk_list_item_get_item (item), "summary",
                                    gtk_list_item_get_child (item), "summary",
                                    G_BINDING_SYNC_CREATE);
  /* Held here, so that unbinding is safe whichever of the two went first. */
  g_object_set_data_full (G_OBJECT (item), "ipt-summary-binding", g_object_ref (binding),
                          g_object_unref);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   IptWindow                *self)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "ipt-summary-binding");

  if (binding != NULL)
    {
      g_binding_unbind (binding);
      g_object_unref (binding);
    }
  ipt_case_row_set_summary (IPT_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Search and filters */

static void
on_search_entry_search_changed (GtkSearchEntry *entry,
                                IptWindow      *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *query = NULL;
  gboolean narrower;

  /* folded as the clients' search keys are: "zoe" finds "Zoë", "Groß" finds "GROSS" */
  if (*stripped != '\0')
    query = ipt_search_fold (stripped);

  if (g_strcmp0 (query, self->query) == 0)
    return;

  /* Typing on only narrows the search: whoever matches the new text matched the old one, so
   * only those shown need checking. */
  narrower = query != NULL && (self->query == NULL || strstr (query, self->query) != NULL);
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  if (narrower)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
      g_autoptr(GPtrArray) shown = g_ptr_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (shown, ipt_caseload_model_get_summary (self->shown, i));
      refilter_from (self, shown);
    }
  else
    {
      _ipt_window_refilter (self);
    }
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
      _ipt_window_refilter (self);
    }
}

void
_ipt_window_class_init_caseload (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_button_toggled);
}

void
_ipt_window_init_caseload (IptWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

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
}
