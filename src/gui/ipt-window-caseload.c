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
  if (self->caseload->len == 0 && !self->caseload_loading)
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

/* Shows the clients of `from` that pass the search and filter, keeping the shown client
 * selected. */
static void
refilter_from (IptWindow *self,
               GPtrArray *from)
{
  guint position;

  ipt_caseload_model_show (self->shown, from, caseload_filter_func, self);
  update_list_stack (self);

  position = self->client_id != 0 ? find_shown (self, self->client_id) : GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
refilter (IptWindow *self)
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

/* The search keys are made when idle, a slice at a time, so that the first keystroke only
 * compares them. */
#define SEARCH_KEYS_PER_SLICE 2000

static gboolean
on_search_key_idle (gpointer user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);
  guint end = MIN (self->search_key_next + SEARCH_KEYS_PER_SLICE, self->caseload->len);

  for (; self->search_key_next < end; self->search_key_next++)
    ipt_case_summary_get_search_key (g_ptr_array_index (self->caseload, self->search_key_next));
  if (self->search_key_next < self->caseload->len)
    return G_SOURCE_CONTINUE;
  self->search_key_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
continue_search_keys (IptWindow *self)
{
  if (self->search_key_idle == 0 && self->search_key_next < self->caseload->len)
    self->search_key_idle = g_idle_add_full (G_PRIORITY_LOW, on_search_key_idle, self, NULL);
}

static void
start_search_keys (IptWindow *self)
{
  self->search_key_next = 0;
  continue_search_keys (self);
}

/* Reads every client's summary (start-up, or a change that names many clients). */
static gboolean
load_all (IptWindow *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  summaries = ipt_store_load_caseload (self->store, &error);
  if (summaries == NULL)
    {
      _ipt_show_error (GTK_WINDOW (self), _("The caseload could not be read"), error);
      return FALSE;
    }

  g_ptr_array_sort (summaries, caseload_sort_func);
  g_ptr_array_unref (self->caseload);
  self->caseload = g_steal_pointer (&summaries);
  return TRUE;
}

/* Puts a summary in its place of the sorted caseload. */
static void
insert_sorted (GPtrArray      *caseload,
               IptCaseSummary *summary)
{
  guint low = 0;
  guint high = caseload->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (caseload_sort_func (&caseload->pdata[middle], &summary) <= 0)
        low = middle + 1;
      else
        high = middle;
    }
  g_ptr_array_insert (caseload, low, summary);
}

static int
compare_positions_descending (gconstpointer a,
                              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x < y) - (x > y);
}

/* Reads the summaries of these clients again, each taken out and put back in its sorted place
 * (the caseload is not sorted again as a whole); a client no longer in the casebook leaves. */
static gboolean
load_some (IptWindow    *self,
           const gint64 *ids,
           guint         n_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) old_positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      IptCaseSummary *summary = ipt_store_load_case_summary (self->store, ids[i], &error);

      if (summary == NULL && !g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND))
        {
          _ipt_show_error (GTK_WINDOW (self), _("The client could not be read"), error);
          return FALSE;
        }
      if (summary != NULL)
        g_ptr_array_add (fresh, summary);
      g_hash_table_add (wanted, (gpointer) &ids[i]);
    }

  /* Where the changed clients are now: one pass over the caseload. */
  for (guint i = 0; i < self->caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (self->caseload, i);
      gint64 id = ipt_client_get_id (ipt_case_summary_get_client (summary));

      if (g_hash_table_contains (wanted, &id))
        g_array_append_val (old_positions, i);
    }

  g_array_sort (old_positions, compare_positions_descending);
  for (guint i = 0; i < old_positions->len; i++)
    g_ptr_array_remove_index (self->caseload, g_array_index (old_positions, guint, i));
  for (guint i = 0; i < fresh->len; i++)
    insert_sorted (self->caseload, g_object_ref (g_ptr_array_index (fresh, i)));
  return TRUE;
}

/* A large caseload is read in two parts: the clients whose course runs first, on the main
 * connection (the top of the list, with every figure of the header: the others all sort after
 * them, by code), then the others from a thread with its own read-only connection, put at the
 * end of the list a chunk at a time when idle. */
static guint caseload_background_from = 5000;
static guint caseload_chunk = 2000;

void
_ipt_window_set_caseload_chunking (guint min_clients,
                                   guint chunk)
{
  caseload_background_from = min_clients;
  caseload_chunk = MAX (chunk, 1);
}

gboolean
_ipt_window_get_caseload_loading (IptWindow *self)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);

  return self->caseload_loading;
}

static void
stop_loading (IptWindow *self)
{
  g_cancellable_cancel (self->caseload_cancellable);
  g_clear_object (&self->caseload_cancellable);
  g_clear_handle_id (&self->caseload_splice_idle, g_source_remove);
  g_clear_pointer (&self->caseload_rest, g_ptr_array_unref);
  g_clear_pointer (&self->caseload_changed, g_hash_table_unref);
  self->caseload_rest_next = 0;
  self->caseload_loading = FALSE;
}

void
_ipt_window_dispose_caseload (IptWindow *self)
{
  stop_loading (self);
}

static void
load_rest_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rest;

  store = ipt_store_open (task_data, IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rest = ipt_store_load_caseload_rest (store, &error);
  ipt_store_close (store);
  if (rest == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rest, (GDestroyNotify) g_ptr_array_unref);
}

/* Puts the next chunk of the rest at the end of the list. A client the store named meanwhile is
 * in the list already, as read then, or has gone. */
static gboolean
on_splice_idle (gpointer user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);
  GPtrArray *rest = self->caseload_rest;
  guint end = MIN (self->caseload_rest_next + caseload_chunk, rest->len);
  g_autoptr(GPtrArray) appended = g_ptr_array_new ();
  gboolean reordered = FALSE;

  for (; self->caseload_rest_next < end; self->caseload_rest_next++)
    {
      IptCaseSummary *summary = g_ptr_array_index (rest, self->caseload_rest_next);
      gint64 id = ipt_client_get_id (ipt_case_summary_get_client (summary));
      guint len = self->caseload->len;

      if (g_hash_table_contains (self->caseload_changed, &id))
        continue;
      if (len == 0 || caseload_sort_func (&self->caseload->pdata[len - 1], &summary) <= 0)
        {
          g_ptr_array_add (self->caseload, g_object_ref (summary));
          g_ptr_array_add (appended, summary);
        }
      else
        {
          /* After a client read on their own that sorts later. */
          insert_sorted (self->caseload, g_object_ref (summary));
          reordered = TRUE;
        }
    }

  if (self->caseload_rest_next >= rest->len)
    {
      self->caseload_splice_idle = 0;
      stop_loading (self);
    }

  if (reordered)
    {
      refilter (self);
    }
  else
    {
      ipt_caseload_model_append (self->shown, appended, caseload_filter_func, self);
      update_list_stack (self);
      /* The client on the page comes into the list. */
      if (self->client_id != 0
          && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        {
          guint position = find_shown (self, self->client_id);

          if (position != GTK_INVALID_LIST_POSITION)
            {
              gtk_single_selection_set_selected (self->selection, position);
              scroll_to (self, position);
            }
        }
    }
  /* The counts in the header are of running courses: they were all read first. */
  if (reordered)
    start_search_keys (self);
  else
    continue_search_keys (self);

  return self->caseload_loading ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_rest_loaded (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IptWindow *self = IPT_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rest = g_task_propagate_pointer (G_TASK (result), &error);

  /* Stopped: the window closed, or the whole caseload was read again. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  if (rest == NULL)
    {
      stop_loading (self);
      update_list_stack (self);
      _ipt_show_error (GTK_WINDOW (self), _("The caseload could not be read"), error);
      return;
    }

  self->caseload_rest = g_steal_pointer (&rest);
  self->caseload_rest_next = 0;
  self->caseload_splice_idle = g_idle_add (on_splice_idle, self);
}

/* Reads the running courses now and starts reading the rest; FALSE if that could not start. */
static gboolean
load_in_two_parts (IptWindow *self)
{
  const char *path = ipt_store_get_path (self->store);
  g_autoptr(GPtrArray) running = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  guint n_clients;

  if (path == NULL)
    return FALSE;
  n_clients = ipt_store_count_clients (self->store, &error);
  if (error != NULL || n_clients < caseload_background_from)
    return FALSE;
  running = ipt_store_load_caseload_running (self->store, &error);
  if (running == NULL)
    return FALSE;

  g_ptr_array_sort (running, caseload_sort_func);
  g_ptr_array_unref (self->caseload);
  self->caseload = g_steal_pointer (&running);

  self->caseload_loading = TRUE;
  self->caseload_changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->caseload_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->caseload_cancellable, on_rest_loaded, NULL);
  g_task_set_source_tag (task, load_in_two_parts);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_rest_thread);
  return TRUE;
}

/* The store announced a committed change: the rows of the clients it names follow, in place
 * (the slots whose client changed notify, the others stay as they are); the page follows by
 * itself (IptClientPage listens too). */
static void
on_store_changed (IptStore        *store,
                  IptStoreChanges *changes,
                  IptWindow       *self)
{
  guint n_ids;
  g_autofree gint64 *ids = ipt_store_changes_get_ids (changes, IPT_STORE_CHANGE_CLIENT, &n_ids);
  gint64 client_id = self->client_id;
  gboolean loaded;

  if (n_ids == 0)
    return;

  /* An import naming much of the caseload is read in one query (and the background reading
   * has nothing more to add); otherwise the clients named are read now, and whatever the
   * background reading brings of them later is left out: it may be older. */
  if (n_ids > 64 && n_ids > self->caseload->len / 8)
    {
      stop_loading (self);
      loaded = load_all (self);
    }
  else
    {
      if (self->caseload_loading)
        for (guint i = 0; i < n_ids; i++)
          g_hash_table_add (self->caseload_changed, g_memdup2 (&ids[i], sizeof (gint64)));
      loaded = load_some (self, ids, n_ids);
    }
  if (!loaded)
    return;

  update_counts (self);
  refilter (self);
  _ipt_window_update_dashboard (self);
  if (client_id != 0 && find_in_caseload (self, client_id) == GTK_INVALID_LIST_POSITION)
    {
      self->client_id = 0;
      select_client (self, 0, FALSE);
    }
  start_search_keys (self);
}

void
_ipt_window_load_caseload (IptWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);
  if (!load_in_two_parts (self) && !load_all (self))
    return;

  update_counts (self);
  refilter (self);
  start_search_keys (self);
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
      refilter (self);
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
      refilter (self);
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
