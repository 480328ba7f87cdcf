/* A large caseload read in two parts: the top of the list first (from the order the store keeps),
 * the rest from a thread, put in the list a chunk at a time. The list ends the same as if read at
 * once; the header counts the whole caseload all along; a change announced by the store
 * meanwhile is kept, and a search typed meanwhile applies to everything. */
#define G_LOG_DOMAIN "ipt-test"

#include "config.h"

#include <string.h>

#include "ipt-demo.h"
#include "test-window-common.h"

#define N_CLIENTS 300
#define N_HEAD 20

static gboolean
running (IptCaseSummary *summary)
{
  IptEpisode *episode = ipt_case_summary_get_episode (summary);

  return episode != NULL && ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE;
}

/* The caseload's order (README: running courses first by signal, then everyone by code). */
static int
expected_order (gconstpointer a,
                gconstpointer b)
{
  IptCaseSummary *sa = *(IptCaseSummary **) a;
  IptCaseSummary *sb = *(IptCaseSummary **) b;

  if (running (sa) != running (sb))
    return running (sa) ? -1 : 1;
  if (running (sa) && ipt_case_summary_get_signal_kind (sa) != ipt_case_summary_get_signal_kind (sb))
    return ipt_case_summary_get_signal_kind (sa) < ipt_case_summary_get_signal_kind (sb) ? -1 : 1;
  return strcmp (ipt_client_get_code (ipt_case_summary_get_client (sa)),
                 ipt_client_get_code (ipt_case_summary_get_client (sb)));
}

/* The whole caseload as the store reads it at once, sorted. */
static GPtrArray *
whole_caseload (IptStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries = ipt_store_load_caseload (store, &error);

  g_assert_no_error (error);
  g_ptr_array_sort (summaries, expected_order);
  return summaries;
}

static gint64
id_of (IptCaseSummary *summary)
{
  return ipt_client_get_id (ipt_case_summary_get_client (summary));
}

static void
wait_loaded (IptWindow *window)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (_ipt_window_get_caseload_loading (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  spin ();
}

/* The list shows exactly these summaries' clients, in this order (the filter shows everyone). */
static void
assert_shown (IptWindow *window,
              GPtrArray *expected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (window->shown));

  g_assert_cmpint (window->filter_mode, ==, IPT_CASELOAD_FILTER_ALL);

  g_assert_cmpuint (n, ==, expected->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (id_of (ipt_caseload_model_get_summary (window->shown, i)), ==,
                     id_of (g_ptr_array_index (expected, i)));
}

static void
fixture_set_up_large (Fixture       *fixture,
                      gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;

  fixture->path = g_strdup_printf ("%s/large-%u.sqlite", tmpdir, counter++);
  g_assert_true (ipt_demo_generate (fixture->path, N_CLIENTS, 7, &error));
  g_assert_no_error (error);
  fixture->store = ipt_store_open (fixture->path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);

  /* Every caseload in two parts, the rest in small chunks: several idles put it in the list. */
  _ipt_window_set_caseload_chunking (1, N_HEAD, 25);
  fixture->window = ipt_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  /* Everyone shown, ended courses too. */
  gtk_toggle_button_set_active (fixture->window->active_button, FALSE);
  gtk_toggle_button_set_active (fixture->window->ended_button, FALSE);
  gtk_toggle_button_set_active (fixture->window->attention_button, FALSE);
}

/* The window's caseload holds exactly these clients, in this order. */
static void
assert_caseload (IptWindow *window,
                 GPtrArray *expected)
{
  g_assert_cmpuint (window->caseload->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (id_of (g_ptr_array_index (window->caseload, i)), ==,
                     id_of (g_ptr_array_index (expected, i)));
}

/* The labels of the header: active courses, and those needing attention. */
static char *
header_counts (IptWindow *window)
{
  return g_strdup_printf ("%s | %s", gtk_label_get_label (window->subtitle_label),
                          gtk_button_get_label (GTK_BUTTON (window->attention_button)));
}

static void
test_top_first_then_all (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) whole = whole_caseload (fixture->store);
  g_autoptr(GPtrArray) head = g_ptr_array_new ();
  g_autofree char *counts_first = NULL;
  g_autofree char *counts_after = NULL;
  guint n_running = 0;

  for (guint i = 0; i < whole->len; i++)
    n_running += running (g_ptr_array_index (whole, i));
  /* The top is a part of the running courses: the others come later. */
  g_assert_cmpuint (n_running, >, N_HEAD);
  for (guint i = 0; i < N_HEAD; i++)
    g_ptr_array_add (head, g_ptr_array_index (whole, i));

  /* Before the main loop runs: the top of the list, in its final order, and the counts of the
   * whole caseload. */
  g_assert_true (_ipt_window_get_caseload_loading (fixture->window));
  assert_shown (fixture->window, head);
  counts_first = header_counts (fixture->window);

  wait_loaded (fixture->window);
  assert_caseload (fixture->window, whole);
  assert_shown (fixture->window, whole);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->list_stack), ==, "list");
  counts_after = header_counts (fixture->window);
  g_assert_cmpstr (counts_first, ==, counts_after);
}

static void
test_change_while_loading (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) before = whole_caseload (fixture->store);
  g_autoptr(GPtrArray) after = NULL;
  IptCaseSummary *last = g_ptr_array_index (before, before->len - 1);
  IptCaseSummary *gone = g_ptr_array_index (before, before->len - 2);
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  /* Both are in the part read in the background, which has not reached the list yet. */
  g_assert_false (running (last));
  g_assert_false (running (gone));
  g_assert_cmpint (_ipt_window_find_in_caseload (fixture->window, id_of (last)), ==,
                   GTK_INVALID_LIST_POSITION);
  g_assert_true (_ipt_window_get_caseload_loading (fixture->window));

  client = ipt_store_get_client (fixture->store, id_of (last), &error);
  g_assert_no_error (error);
  ipt_client_set_family_name (client, "Renamed-While-Loading");
  g_assert_true (ipt_store_update_client (fixture->store, client, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_store_delete_client (fixture->store, id_of (gone), &error));
  g_assert_no_error (error);

  wait_loaded (fixture->window);

  after = whole_caseload (fixture->store);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  assert_caseload (fixture->window, after);
  assert_shown (fixture->window, after);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->window->shown)); i++)
    {
      IptCaseSummary *summary = ipt_caseload_model_get_summary (fixture->window->shown, i);

      g_assert_cmpint (id_of (summary), !=, id_of (gone));
      if (id_of (summary) == id_of (last))
        {
          g_assert_false (found);
          found = TRUE;
          g_assert_cmpstr (ipt_client_get_family_name (ipt_case_summary_get_client (summary)), ==,
                           "Renamed-While-Loading");
        }
    }
  g_assert_true (found);

  /* A search through everyone finds the new name, and no longer the one deleted. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), "renamed-while");
  g_signal_emit_by_name (fixture->window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->shown)), ==, 1);
  g_assert_cmpint (id_of (ipt_caseload_model_get_summary (fixture->window->shown, 0)), ==,
                   id_of (last));
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry),
                         ipt_client_get_code (ipt_case_summary_get_client (gone)));
  g_signal_emit_by_name (fixture->window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->window->shown)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->list_stack), ==,
                   "nothing-found");
}

/* Those of the whole caseload whose search key holds `text` (folded), in order. */
static GPtrArray *
matching (GPtrArray  *whole,
          const char *text)
{
  g_autofree char *query = ipt_search_fold (text);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < whole->len; i++)
    if (strstr (ipt_case_summary_get_search_key (g_ptr_array_index (whole, i)), query) != NULL)
      g_ptr_array_add (found, g_ptr_array_index (whole, i));
  return found;
}

static void
search (IptWindow  *window,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  /* Now, not after the entry's delay: the loading must not have gone further. */
  g_signal_emit_by_name (window->search_entry, "search-changed");
}

static void
test_search_while_loading (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) whole = whole_caseload (fixture->store);
  g_autoptr(GPtrArray) expected = NULL;
  const char *code = ipt_client_get_code (ipt_case_summary_get_client (g_ptr_array_index (whole, whole->len - 1)));
  g_autofree char *narrow = g_strndup (code, strlen (code) - 1);
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  /* A search before the rest has arrived: typing on narrows within what is shown. */
  g_assert_true (_ipt_window_get_caseload_loading (fixture->window));
  search (fixture->window, "c-0");
  search (fixture->window, narrow);
  /* Clients not read yet may match: the list does not say that nothing does. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->list_stack), ==, "list");

  /* Another while the rest is being put in the list. */
  while (fixture->window->caseload_rest == NULL || fixture->window->caseload_rest_next == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_assert_true (_ipt_window_get_caseload_loading (fixture->window));
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  search (fixture->window, code);
  g_assert_true (_ipt_window_get_caseload_loading (fixture->window));

  wait_loaded (fixture->window);
  expected = matching (whole, code);
  g_assert_cmpuint (expected->len, >=, 1);
  assert_shown (fixture->window, expected);

  /* And widening it again shows every match of the whole caseload. */
  search (fixture->window, narrow);
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = matching (whole, narrow);
  g_assert_cmpuint (expected->len, >, 1);
  assert_shown (fixture->window, expected);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-caseload-loading-XXXXXX"))
    return 77;

  g_test_add ("/ui/caseload-loading/top-first-then-all", Fixture, NULL,
              fixture_set_up_large, test_top_first_then_all, fixture_tear_down);
  g_test_add ("/ui/caseload-loading/change-while-loading", Fixture, NULL,
              fixture_set_up_large, test_change_while_loading, fixture_tear_down);
  g_test_add ("/ui/caseload-loading/search-while-loading", Fixture, NULL,
              fixture_set_up_large, test_search_while_loading, fixture_tear_down);

  return ui_test_run ();
}
