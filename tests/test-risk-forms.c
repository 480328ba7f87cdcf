/* The clinical forms of the second edition, used as a user would: questionnaires with a declined
 * item, and the risk review. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ipt-client-page.h"
#include "ipt-gui-private.h"
#include "ipt-risk-review-dialog.h"
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

/* A session with item 9 answered `risk`, on a date of its own. */
static void
record_session_on (Fixture    *fixture,
                   const char *date,
                   int         risk)
{
  IptSessionEditor *editor = open_new_session (fixture);

  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", date);
  for (guint i = 0; i < 8; i++)
    ipt_session_editor_set_item (editor, "phq9", i, phq9_answers[i]);
  ipt_session_editor_set_item (editor, "phq9", 8, risk);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  /* A date before the course started is asked about first: save it anyway. */
  if (ipt_session_editor_get_date_question (editor) != NULL)
    {
      gtk_dialog_response (GTK_DIALOG (ipt_session_editor_get_date_question (editor)),
                           GTK_RESPONSE_ACCEPT);
      spin ();
    }
  g_assert_null (fixture->window->dialog);
}

static gboolean
page_has_risk (Fixture *fixture)
{
  IptCaseSummary *summary = ipt_client_page_get_summary (fixture->window->client_page);

  return ipt_case_summary_get_has_risk (summary);
}

static IptRiskReviewDialog *
open_risk_review (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-risk-review", NULL);
  spin ();
  g_assert_true (IPT_IS_RISK_REVIEW_DIALOG (fixture->window->dialog));
  return IPT_RISK_REVIEW_DIALOG (fixture->window->dialog);
}

static guint
n_reviews (Fixture *fixture)
{
  GPtrArray *reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);

  return reviews != NULL ? reviews->len : 0;
}

static void
test_risk_review (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0071", "Noor", "Haddad");
  IptRiskReviewDialog *dialog;
  IptSessionEditor *editor;
  IptCaseSummary *row;
  g_autoptr(GPtrArray) sessions = NULL;
  GPtrArray *reviews;
  gint64 review_id;

  start_course (fixture, 16);

  /* Item 9 above 0, then 0 at the next session: the flag stays on the row and the page. */
  record_session_on (fixture, "2026-03-02", 1);
  record_session_on (fixture, "2026-03-09", 0);
  g_assert_true (page_has_risk (fixture));
  g_assert_true (gtk_widget_get_visible (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "risk_label")));
  g_assert_true (gtk_widget_get_visible (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "risk_review_button")));
  row = ipt_caseload_model_get_summary (fixture->window->shown, 0);
  g_assert_cmpint (ipt_case_summary_get_signal_kind (row), ==, IPT_SIGNAL_RISK);
  g_assert_cmpuint (n_reviews (fixture), ==, 0);

  /* The form from the page: nothing typed, Escape closes it at once. */
  dialog = open_risk_review (fixture);
  g_assert_true (IPT_IS_FORM_WINDOW (dialog));
  g_assert_false (ipt_risk_review_dialog_get_can_save (dialog));
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  /* Something typed: Escape asks first; Keep Editing keeps it. */
  dialog = open_risk_review (fixture);
  set_text (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_entry", "2026-03-09");
  ipt_risk_review_dialog_set_text (dialog, "asked", "Asked about thoughts of death: passive, no plan.");
  g_assert_false (ipt_risk_review_dialog_get_can_save (dialog));
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  spin ();
  g_assert_nonnull (_ipt_get_discard_question (GTK_WINDOW (dialog)));
  gtk_dialog_response (GTK_DIALOG (_ipt_get_discard_question (GTK_WINDOW (dialog))), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (dialog));

  /* A date that is not one, or one after today, blocks saving. */
  set_text (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_entry", "2026-02-30");
  ipt_risk_review_dialog_set_text (dialog, "plan", "Ask item 9 at every session.");
  g_assert_false (ipt_risk_review_dialog_get_can_save (dialog));
  set_text (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_entry", "2999-01-01");
  g_assert_false (ipt_risk_review_dialog_get_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_error")));
  set_text (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_entry", "2026-03-09");
  ipt_risk_review_dialog_set_text (dialog, "done", "Safety plan written together.");
  g_assert_true (ipt_risk_review_dialog_get_can_save (dialog));
  snapshot (dialog, "risk-review-dialog");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "risk-review.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  /* Recorded: listed on the page, the flag gone from the row and the page. */
  g_assert_cmpuint (n_reviews (fixture), ==, 1);
  reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);
  review_id = ipt_risk_review_get_id (g_ptr_array_index (reviews, 0));
  g_assert_cmpstr (ipt_risk_review_get_plan (g_ptr_array_index (reviews, 0)), ==,
                   "Ask item 9 at every session.");
  g_assert_false (page_has_risk (fixture));
  g_assert_false (gtk_widget_get_visible (child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "risk_label")));
  row = ipt_caseload_model_get_summary (fixture->window->shown, 0);
  g_assert_cmpint (ipt_case_summary_get_signal_kind (row), !=, IPT_SIGNAL_RISK);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->toast_revealer));
  snapshot (fixture->window, "risk-reviewed");
  {
    /* Listed on the Overview: one row, which opens the review. */
    GtkWidget *box = child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "risk_reviews_box");
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *scroller = gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    collect_with_class (box, "risk-review-row", rows);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (gtk_actionable_get_action_name (g_ptr_array_index (rows, 0)), ==,
                     "win.edit-risk-review");
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    snapshot (fixture->window, "risk-reviews-listed");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* Undo takes it away again, and the flag is back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (n_reviews (fixture), ==, 0);
  g_assert_true (page_has_risk (fixture));

  /* From a session's form: the review is dated as the session, over the form. */
  sessions = current_sessions (fixture, client_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x",
                              ipt_session_get_id (g_ptr_array_index (sessions, 0)));
  spin ();
  editor = IPT_SESSION_EDITOR (fixture->window->dialog);
  g_assert_true (ipt_session_editor_get_risk (editor));
  snapshot (editor, "risk-banner");
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.record-risk-review", NULL);
  spin ();
  g_assert_true (IPT_IS_RISK_REVIEW_DIALOG (fixture->window->dialog));
  dialog = IPT_RISK_REVIEW_DIALOG (fixture->window->dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_entry"))),
                   ==, "2026-03-02");
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "flag_label")));
  ipt_risk_review_dialog_set_text (dialog, "asked", "Asked at the session.");
  ipt_risk_review_dialog_set_text (dialog, "plan", "Review next week.");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "risk-review.save", NULL);
  spin ();
  /* The session's form is still open, and closes as it was. */
  g_assert_true (fixture->window->dialog == GTK_WINDOW (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  /* Reviewed at session 1 only: session 2 said 0, so the flag is closed. */
  g_assert_cmpuint (n_reviews (fixture), ==, 1);
  g_assert_false (page_has_risk (fixture));

  /* A new item 9 above 0 after the review raises it again. */
  record_session_on (fixture, "2026-03-16", 2);
  g_assert_true (page_has_risk (fixture));
  g_assert_nonnull (strstr (ipt_client_page_get_risk_rule (fixture->window->client_page), "session 3"));

  /* Edited from the page's list, then undone: the words come back. */
  reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);
  review_id = ipt_risk_review_get_id (g_ptr_array_index (reviews, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-risk-review", "x", review_id);
  spin ();
  dialog = IPT_RISK_REVIEW_DIALOG (fixture->window->dialog);
  set_text (dialog, IPT_TYPE_RISK_REVIEW_DIALOG, "date_entry", "2026-03-16");
  ipt_risk_review_dialog_set_text (dialog, "plan", "Crisis line number given.");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "risk-review.save", NULL);
  spin ();
  g_assert_false (page_has_risk (fixture));
  reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);
  g_assert_cmpstr (ipt_risk_review_get_plan (g_ptr_array_index (reviews, 0)), ==, "Crisis line number given.");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (ipt_risk_review_get_id (g_ptr_array_index (reviews, 0)), ==, review_id);
  g_assert_cmpstr (ipt_risk_review_get_plan (g_ptr_array_index (reviews, 0)), ==, "Review next week.");
  g_assert_true (page_has_risk (fixture));

  /* Deleted from its form, then undone. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-risk-review", "x", review_id);
  spin ();
  dialog = IPT_RISK_REVIEW_DIALOG (fixture->window->dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "risk-review.delete", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
  g_assert_cmpuint (n_reviews (fixture), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (n_reviews (fixture), ==, 1);
  reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);
  g_assert_cmpstr (ipt_risk_review_get_asked (g_ptr_array_index (reviews, 0)), ==, "Asked at the session.");

  /* Deleting the client and undoing brings the review back with everything else. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-client", NULL);
  spin ();
  gtk_dialog_response (GTK_DIALOG (fixture->window->dialog), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpuint (ipt_store_count_clients (fixture->store, NULL), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (n_reviews (fixture), ==, 1);
  reviews = ipt_client_page_get_risk_reviews (fixture->window->client_page);
  g_assert_cmpstr (ipt_risk_review_get_date (g_ptr_array_index (reviews, 0)), ==, "2026-03-02");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-risk-forms-XXXXXX"))
    return 77;

  g_test_add ("/ui/forms/declined-item", Fixture, NULL, fixture_set_up, test_declined_item, fixture_tear_down);
  g_test_add ("/ui/forms/risk-review", Fixture, NULL, fixture_set_up, test_risk_review, fixture_tear_down);

  return ui_test_run ();
}
