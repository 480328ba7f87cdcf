/* IptWindow's caseload reading: at start-up, in two parts when large, and as the store changes. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-window-private.h"

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
  /* Called whenever clients came into the caseload or changed. */
  _ipt_window_forget_search_blob (self);
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

  g_ptr_array_sort (summaries, _ipt_window_caseload_sort_func);
  g_ptr_array_unref (self->caseload);
  self->caseload = g_steal_pointer (&summaries);
  _ipt_window_forget_search_blob (self);
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

      if (_ipt_window_caseload_sort_func (&caseload->pdata[middle], &summary) <= 0)
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
  _ipt_window_forget_search_blob (self);
  return TRUE;
}

/* A large caseload is read in two parts: the top of the list first, on the main connection,
 * from the order the store keeps (ipt-schema-8.sql), with the counts of the header from the
 * store too; then the whole caseload from a thread with its own read-only connection, sorted
 * there, and put in the list after the top a chunk at a time when idle. The top is the first
 * clients of the list, so everyone else sorts after them. */
static guint caseload_background_from = 5000;
static guint caseload_head = 300;
static guint caseload_chunk = 2000;

void
_ipt_window_set_caseload_chunking (guint min_clients,
                                   guint head,
                                   guint chunk)
{
  caseload_background_from = min_clients;
  caseload_head = MAX (head, 1);
  caseload_chunk = MAX (chunk, 1);
}

gboolean
_ipt_window_get_caseload_loading (IptWindow *self)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);

  return self->caseload_loading;
}

static void on_window_map (GtkWidget *widget,
                           IptWindow *self);

static void
stop_starting (IptWindow *self)
{
  g_clear_handle_id (&self->caseload_start_id, g_source_remove);
  if (self->caseload_clock != NULL)
    g_clear_signal_handler (&self->caseload_paint_id, self->caseload_clock);
  g_clear_object (&self->caseload_clock);
  g_signal_handlers_disconnect_by_func (self, on_window_map, self);
  g_clear_pointer (&self->caseload_path, g_free);
}

static void
stop_loading (IptWindow *self)
{
  stop_starting (self);
  g_cancellable_cancel (self->caseload_cancellable);
  g_clear_object (&self->caseload_cancellable);
  g_clear_handle_id (&self->caseload_splice_idle, g_source_remove);
  g_clear_pointer (&self->caseload_rest, g_ptr_array_unref);
  g_clear_pointer (&self->caseload_listed, g_hash_table_unref);
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
  rest = ipt_store_load_caseload (store, &error);
  ipt_store_close (store);
  if (rest == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_sort (rest, ipt_case_summary_compare_caseload);
  g_task_return_pointer (task, rest, (GDestroyNotify) g_ptr_array_unref);
}

/* Puts the next chunk of the rest at the end of the list. A client of the top, or one the store
 * named meanwhile, is in the list already (as read then) or has gone. */
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

      if (g_hash_table_contains (self->caseload_listed, &id))
        continue;
      if (len == 0
          || _ipt_window_caseload_sort_func (&self->caseload->pdata[len - 1], &summary) <= 0)
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

  _ipt_window_forget_search_blob (self);
  if (self->caseload_rest_next >= rest->len)
    {
      self->caseload_splice_idle = 0;
      stop_loading (self);
      /* Everyone is read: the header counts them, a dashboard made meanwhile shows them (it
       * follows the store by itself from then on). */
      _ipt_window_update_counts (self);
      _ipt_window_fill_dashboard (self);
    }

  if (reordered)
    {
      _ipt_window_refilter (self);
    }
  else
    {
      ipt_caseload_model_append (self->shown, appended, _ipt_window_caseload_filter_func, self);
      _ipt_window_update_list_stack (self);
      /* The client on the page comes into the list. */
      if (self->client_id != 0
          && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        {
          guint position = _ipt_window_find_shown (self, self->client_id);

          if (position != GTK_INVALID_LIST_POSITION)
            {
              gtk_single_selection_set_selected (self->selection, position);
              _ipt_window_scroll_to (self, position);
            }
        }
    }
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
      _ipt_window_update_list_stack (self);
      _ipt_show_error (GTK_WINDOW (self), _("The caseload could not be read"), error);
      return;
    }

  self->caseload_rest = g_steal_pointer (&rest);
  self->caseload_rest_next = 0;
  self->caseload_splice_idle = g_idle_add (on_splice_idle, self);
}

static void
start_reading_rest (IptWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = g_steal_pointer (&self->caseload_path);

  stop_starting (self);
  self->caseload_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->caseload_cancellable, on_rest_loaded, NULL);
  g_task_set_source_tag (task, start_reading_rest);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, load_rest_thread);
}

static gboolean
on_start_timeout (gpointer user_data)
{
  IptWindow *self = IPT_WINDOW (user_data);

  self->caseload_start_id = 0;
  start_reading_rest (self);
  return G_SOURCE_REMOVE;
}

/* After the first frame, once the main loop has nothing more urgent to do. */
static gboolean
on_start_idle (gpointer user_data)
{
  return on_start_timeout (user_data);
}

static void
on_first_after_paint (GdkFrameClock *clock,
                      IptWindow     *self)
{
  g_clear_signal_handler (&self->caseload_paint_id, clock);
  g_clear_object (&self->caseload_clock);
  g_clear_handle_id (&self->caseload_start_id, g_source_remove);
  self->caseload_start_id = g_idle_add_full (G_PRIORITY_LOW, on_start_idle, self, NULL);
}

static void
on_window_map (GtkWidget *widget,
               IptWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_map, self);
  if (clock != NULL && self->caseload_path != NULL && self->caseload_clock == NULL)
    {
      self->caseload_clock = g_object_ref (clock);
      self->caseload_paint_id = g_signal_connect (clock, "after-paint",
                                                  G_CALLBACK (on_first_after_paint), self);
    }
}

/* Reads the top of the list now and starts reading the rest; FALSE if that could not start. */
static gboolean
load_in_two_parts (IptWindow *self)
{
  const char *path = ipt_store_get_path (self->store);
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GError) error = NULL;
  guint n_clients;

  if (path == NULL)
    return FALSE;
  n_clients = ipt_store_count_clients (self->store, &error);
  if (error != NULL || n_clients < caseload_background_from)
    return FALSE;
  head = ipt_store_load_caseload_head (self->store, caseload_head, &error);
  if (head == NULL)
    return FALSE;

  g_ptr_array_unref (self->caseload);
  self->caseload = g_steal_pointer (&head);
  _ipt_window_forget_search_blob (self);

  self->caseload_loading = TRUE;
  self->caseload_listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->caseload->len; i++)
    {
      gint64 id = ipt_client_get_id (ipt_case_summary_get_client (self->caseload->pdata[i]));

      g_hash_table_add (self->caseload_listed, g_memdup2 (&id, sizeof id));
    }
  /* The rest is read once the first frame is painted: its thread would only slow that frame
   * down. A window not shown starts after a while all the same. */
  self->caseload_path = g_strdup (path);
  self->caseload_start_id = g_timeout_add_seconds (1, on_start_timeout, self);
  g_signal_connect (self, "map", G_CALLBACK (on_window_map), self);
  return TRUE;
}

/* The store announced a committed change: the rows of the clients it names follow, in place
 * (the slots whose client changed notify, the others stay as they are); the page and the
 * dashboard follow by themselves (IptClientPage and IptCaseloadView listen too). */
static void
on_store_changed (IptStore        *store,
                  IptStoreChanges *changes,
                  IptWindow       *self)
{
  guint n_ids;
  g_autofree gint64 *ids = ipt_store_changes_get_ids (changes, IPT_STORE_CHANGE_CLIENT, &n_ids);
  gint64 client_id = self->client_id;
  gboolean loaded;
  gboolean named = FALSE;

  if (n_ids == 0)
    return;

  /* An import naming much of the caseload is read in one query (and the background reading
   * has nothing more to add); otherwise the clients named are read now, and whatever the
   * background reading brings of them later is left out: it may be older. */
  for (guint i = 0; i < n_ids; i++)
    named = named || ids[i] == client_id;
  if (n_ids > 64 && n_ids > self->caseload->len / 8)
    {
      stop_loading (self);
      loaded = load_all (self);
      named = TRUE;
    }
  else
    {
      if (self->caseload_loading)
        for (guint i = 0; i < n_ids; i++)
          g_hash_table_add (self->caseload_listed, g_memdup2 (&ids[i], sizeof (gint64)));
      loaded = load_some (self, ids, n_ids);
    }
  if (!loaded)
    return;

  _ipt_window_update_counts (self);
  _ipt_window_refilter (self);
  /* The client on the page has gone (one not read yet is not in the list either). */
  if (client_id != 0 && (named || !self->caseload_loading)
      && _ipt_window_find_in_caseload (self, client_id) == GTK_INVALID_LIST_POSITION)
    {
      self->client_id = 0;
      _ipt_window_select_client (self, 0);
    }
  start_search_keys (self);
}

void
_ipt_window_load_caseload (IptWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);
  if (!load_in_two_parts (self) && !load_all (self))
    return;

  _ipt_window_update_counts (self);
  _ipt_window_refilter (self);
  start_search_keys (self);
}
