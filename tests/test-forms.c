/* The clinical forms of the second edition, used as a user would: questionnaires with a declined
 * item, and the risk review. */
#include "config.h"

#include <gtk/gtk.h>

#include "ipt-gui-private.h"
#include "ipt-session-editor.h"
#include "ipt-store.h"
#include "ipt-window-private.h"

#include "test-window-common.h"

static GPtrArray *
current_sessions (Fixture *fixture,
                  gint64   client_id)
{
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions;

  episode = ipt_store_get_current_episode (fixture->store, client_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (episode);
  sessions = ipt_store_list_sessions (fixture->store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  return sessions;
}

static IptScore *
find_score (GPtrArray  *scores,
            const char *measure_id)
{
  for (guint i = 0; i < scores->len; i++)
    if (g_strcmp0 (ipt_score_get_measure_id (g_ptr_array_index (scores, i)), measure_id) == 0)
      return g_ptr_array_index (scores, i);
  g_assert_not_reached ();
}

/* Collects the widgets under root that have css_class, in the order they are drawn. */
static void
collect_with_class (GtkWidget  *root,
                    const char *css_class,
                    GPtrArray  *found)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (gtk_widget_has_css_class (w, css_class))
        g_ptr_array_add (found, w);
      collect_with_class (w, css_class, found);
    }
}

/* The questionnaire card of a measure in the editor (named after the measure's id). */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        return w;
      if ((found = find_named (w, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The button that clears one item's answer, as a user would find it on the card. */
static GtkWidget *
item_clear_button (IptSessionEditor *editor,
                   const char       *measure_id,
                   guint             item)
{
  GtkWidget *card = find_named (GTK_WIDGET (editor), measure_id);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_assert_nonnull (card);
  collect_with_class (card, "clear-answer", buttons);
  g_assert_cmpuint (item, <, buttons->len);
  return g_ptr_array_index (buttons, item);
}

static void
test_declined_item (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0070", "Rosa", "Lind");
  IptSessionEditor *editor;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(IptCaseSummary) summary = NULL;
  GtkWidget *clear;
  IptScore *score;
  const int *items;
  guint n_items;
  gint64 session_id;

  start_course (fixture, 16);
  editor = open_new_session (fixture);

  /* Every item answered, then the client takes back item 5: the answer is cleared on its own. */
  for (guint i = 0; i < 9; i++)
    ipt_session_editor_set_item (editor, "phq9", i, phq9_answers[i]);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "17 · moderately severe");
  clear = item_clear_button (editor, "phq9", 4);
  g_assert_true (gtk_widget_get_sensitive (clear));
  g_signal_emit_by_name (clear, "clicked");
  spin ();
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_true (gtk_widget_get_sensitive (item_clear_button (editor, "phq9", 3)));
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "8 of 9 answered");
  /* Saving is not blocked, and the risk banner still reads item 9. */
  g_assert_true (ipt_session_editor_get_can_save (editor));
  g_assert_true (ipt_session_editor_get_risk (editor));

  /* A GAD-7 with one item declined too. */
  for (guint i = 0; i < 6; i++)
    ipt_session_editor_set_item (editor, "gad7", i, 1);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "gad7"), ==, "6 of 7 answered");
  snapshot (editor, "declined-item");

  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  /* Stored: the answers given, item 5 unanswered, no total. */
  sessions = current_sessions (fixture, client_id);
  g_assert_cmpuint (sessions->len, ==, 1);
  session_id = ipt_session_get_id (g_ptr_array_index (sessions, 0));
  scores = ipt_store_list_session_scores (fixture->store, session_id, NULL);
  g_assert_cmpuint (scores->len, ==, 2);
  score = find_score (scores, "phq9");
  g_assert_false (ipt_score_has_total (score));
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpuint (n_items, ==, 9);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (items[i], ==, i == 4 ? IPT_ITEM_MISSING : phq9_answers[i]);
  g_assert_true (ipt_score_get_risk (score));
  score = find_score (scores, "gad7");
  g_assert_false (ipt_score_has_total (score));
  items = ipt_score_get_items (score, &n_items);
  g_assert_cmpuint (n_items, ==, 7);
  g_assert_cmpint (items[5], ==, 1);
  g_assert_cmpint (items[6], ==, IPT_ITEM_MISSING);

  /* The incomplete form has no total in the caseload's series. */
  summary = ipt_store_load_case_summary (fixture->store, client_id, NULL);
  {
    guint n;
    const IptSeriesPoint *phq9 = ipt_case_summary_get_phq9 (summary, &n);

    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (phq9[0].total, ==, IPT_TOTAL_NONE);
    g_assert_cmpint (phq9[0].risk_item, ==, 1);
  }

  /* Opened again: the answers are back, still incomplete; answering item 5 completes it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x", session_id);
  spin ();
  g_assert_true (IPT_IS_SESSION_EDITOR (fixture->window->dialog));
  editor = IPT_SESSION_EDITOR (fixture->window->dialog);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "8 of 9 answered");
  g_assert_false (gtk_widget_get_sensitive (item_clear_button (editor, "phq9", 4)));
  g_assert_true (gtk_widget_get_sensitive (item_clear_button (editor, "phq9", 8)));
  ipt_session_editor_set_item (editor, "phq9", 4, 2);
  g_assert_cmpstr (ipt_session_editor_get_total_text (editor, "phq9"), ==, "17 · moderately severe");
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
  g_clear_pointer (&scores, g_ptr_array_unref);
  scores = ipt_store_list_session_scores (fixture->store, session_id, NULL);
  g_assert_cmpint (ipt_score_get_total (find_score (scores, "phq9")), ==, 17);
  g_assert_false (ipt_score_has_total (find_score (scores, "gad7")));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-forms-XXXXXX"))
    return 77;

  _ipt_renderer_choose (gdk_display_get_default ());

  g_test_add ("/ui/forms/declined-item", Fixture, NULL, fixture_set_up, test_declined_item, fixture_tear_down);

  return ui_test_run ();
}
