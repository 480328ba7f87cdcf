/* Window tests of supervision: the caseload dashboard orders its cards by need and opens a case;
 * the window exports a supervision pack and a review file and merges a returned one. */
#include "config.h"

#include <string.h>

#include "test-window-common.h"

#include "ipt-case-card.h"
#include "ipt-caseload-view.h"
#include "ipt-demo.h"
#include "ipt-review-file.h"
#include "ipt-review.h"
#include "ipt-store-supervision.h"
#include "ipt-supervision-dialog.h"

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, text);
}

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (IPT_IS_CASE_CARD (widget))
    g_ptr_array_add (cards, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_cards (c, cards);
}

/* Opens the window on a demo casebook of n_clients. */
static void
demo_set_up (Fixture       *fixture,
             gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;

  fixture->path = g_strdup_printf ("%s/demo-%u.sqlite", tmpdir, counter++);
  g_assert_true (ipt_demo_generate (fixture->path, GPOINTER_TO_UINT (data), 7, &error));
  g_assert_no_error (error);
  fixture->store = ipt_store_open (fixture->path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  fixture->window = ipt_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

/* Where a case belongs in the order of need, written out here from the words: risk,
 * deterioration, not on track, on track, no scores yet, then ended courses by outcome from the
 * worst to the best. */
static guint
expected_place (IptCaseSummary *summary)
{
  static const IptSignalKind running[] = {
    IPT_SIGNAL_RISK, IPT_SIGNAL_DETERIORATION, IPT_SIGNAL_NOT_ON_TRACK, IPT_SIGNAL_ON_TRACK,
    IPT_SIGNAL_NO_SCORES,
  };
  static const IptOutcomeCategory ended[] = {
    IPT_OUTCOME_RELIABLE_DETERIORATION, IPT_OUTCOME_NO_RELIABLE_CHANGE,
    IPT_OUTCOME_INSUFFICIENT_DATA, IPT_OUTCOME_RELIABLE_IMPROVEMENT, IPT_OUTCOME_RECOVERY,
    IPT_OUTCOME_RELIABLE_RECOVERY,
  };
  IptSignalKind kind = ipt_case_summary_get_signal_kind (summary);
  const IptOutcome *outcome = ipt_case_summary_get_outcome (summary);

  for (guint i = 0; i < G_N_ELEMENTS (running); i++)
    if (kind == running[i])
      return i;
  g_assert_cmpint (kind, ==, IPT_SIGNAL_OUTCOME);
  if (outcome == NULL)
    return G_N_ELEMENTS (running) + 2;
  for (guint i = 0; i < G_N_ELEMENTS (ended); i++)
    if (outcome->category == ended[i])
      return G_N_ELEMENTS (running) + i;
  g_assert_not_reached ();
}

static IptCaseloadView *
show_dashboard (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-dashboard",
                                             NULL));
  spin ();
  g_assert_nonnull (fixture->window->dashboard);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "dashboard");
  g_assert_true (gtk_toggle_button_get_active (fixture->window->dashboard_button));
  return fixture->window->dashboard;
}

static void
test_dashboard_orders_by_need (Fixture       *fixture,
                               gconstpointer  data)
{
  IptCaseloadView *view = show_dashboard (fixture);
  GListModel *cases = ipt_caseload_view_get_cases (view);
  const IptCaseloadFigures *figures = ipt_caseload_view_get_figures (view);
  guint n = g_list_model_get_n_items (cases);
  guint n_with_course = 0;
  guint previous = 0;
  gboolean places[16] = { FALSE, };
  guint n_places = 0;

  /* Every client with a course and not archived has a card, and the figures count them. */
  for (guint i = 0; i < fixture->window->caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (fixture->window->caseload, i);

      if (ipt_case_summary_get_episode (summary) != NULL
          && !ipt_client_get_archived (ipt_case_summary_get_client (summary)))
        n_with_course++;
    }
  g_assert_cmpuint (n, ==, n_with_course);
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (figures->n_active + figures->n_ended, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IptCaseSummary) summary = g_list_model_get_item (cases, i);
      guint place = expected_place (summary);

      g_assert_cmpuint (place, >=, previous);
      previous = place;
      if (!places[place])
        n_places++;
      places[place] = TRUE;
    }
  /* The demo has cases of several kinds, so the order was put to the test. */
  g_assert_cmpuint (n_places, >=, 3);
  g_assert_true (places[0] || places[1] || places[2]);
  snapshot (fixture->window, "dashboard");
}

/* The card of the client, among those the grid shows. */
static IptCaseCard *
find_card (GtkWidget *widget,
           gint64     client_id)
{
  if (IPT_IS_CASE_CARD (widget))
    {
      IptCaseSummary *summary = ipt_case_card_get_summary (IPT_CASE_CARD (widget));

      if (summary != NULL && ipt_client_get_id (ipt_case_summary_get_client (summary)) == client_id)
        return IPT_CASE_CARD (widget);
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      IptCaseCard *card = find_card (child, client_id);

      if (card != NULL)
        return card;
    }
  return NULL;
}

static void
test_dashboard_opens_case (Fixture       *fixture,
                           gconstpointer  data)
{
  IptCaseloadView *view = show_dashboard (fixture);
  GListModel *cases = ipt_caseload_view_get_cases (view);
  g_autoptr(IptCaseSummary) first = g_list_model_get_item (cases, 0);
  IptClient *client = ipt_case_summary_get_client (first);
  IptCaseCard *card;

  /* The caseload list gives way to the cards. */
  g_assert_false (gtk_widget_get_visible (gtk_paned_get_start_child (fixture->window->paned)));

  /* Cards name the client, or only the code in review mode. */
  card = find_card (GTK_WIDGET (view), ipt_client_get_id (client));
  g_assert_nonnull (card);
  g_assert_cmpstr (ipt_case_card_get_title (card), ==, ipt_client_get_display_name (client));
  g_assert_nonnull (ipt_case_card_get_comments_text (card));
  ipt_caseload_view_set_codes_only (view, TRUE);
  g_assert_cmpstr (ipt_case_card_get_title (card), ==, ipt_client_get_code (client));
  ipt_caseload_view_set_codes_only (view, FALSE);

  ipt_caseload_view_activate_case (view, 0);
  spin ();
  g_assert_cmpint (fixture->window->client_id, ==, ipt_client_get_id (client));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "client");
  g_assert_true (gtk_widget_get_visible (gtk_paned_get_start_child (fixture->window->paned)));
  g_assert_false (gtk_toggle_button_get_active (fixture->window->dashboard_button));

  /* The shortcut's action shows it again and leaves it again. */
  show_dashboard (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-dashboard",
                                             NULL));
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "client");
}

static IptSupervisionDialog *
open_supervision_dialog (Fixture    *fixture,
                         const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  spin ();
  g_assert_true (IPT_IS_SUPERVISION_DIALOG (fixture->window->dialog));
  return IPT_SUPERVISION_DIALOG (fixture->window->dialog);
}

/* Waits for the window's notification to say `words`; the long work runs in a thread. */
static void
wait_for_toast (Fixture    *fixture,
                const char *words)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (strstr (gtk_label_get_label (fixture->window->toast_label), words) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static guint
count_active_courses (Fixture *fixture)
{
  guint n = 0;

  for (guint i = 0; i < fixture->window->caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (fixture->window->caseload, i);
      IptEpisode *episode = ipt_case_summary_get_episode (summary);

      if (episode != NULL && !ipt_client_get_archived (ipt_case_summary_get_client (summary))
          && ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE)
        n++;
    }
  return n;
}

static void
test_export_review_typed (Fixture       *fixture,
                          gconstpointer  data)
{
  IptSupervisionDialog *dialog = open_supervision_dialog (fixture, "win.export-review");
  g_autofree char *path = g_build_filename (tmpdir, "typed.iptreview", NULL);
  g_autoptr(IptReview) review = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *error_label = child (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_error_label");

  g_assert_nonnull (ipt_supervision_dialog_get_generated_passphrase (dialog));
  ipt_supervision_dialog_set_path (dialog, path);

  /* Too short: said beside the field, nothing written. */
  set_text (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_entry", "too short");
  g_assert_true (gtk_check_button_get_active (child (dialog, IPT_TYPE_SUPERVISION_DIALOG,
                                                     "typed_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (fixture->window->dialog == GTK_WINDOW (dialog));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  set_text (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_entry", "a long enough passphrase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  g_assert_null (fixture->window->dialog);
  wait_for_toast (fixture, "Wrote a review file");

  /* The file opens with the typed passphrase and holds the active courses, picked by default. */
  review = ipt_review_open (path, "a long enough passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_review_get_cases (review)->len, ==, count_active_courses (fixture));
  g_assert_cmpuint (ipt_review_get_cases (review)->len, >, 0);
}

static void
test_export_review_generated (Fixture       *fixture,
                              gconstpointer  data)
{
  IptSupervisionDialog *dialog = open_supervision_dialog (fixture, "win.export-review");
  g_autofree char *path = g_build_filename (tmpdir, "generated.iptreview", NULL);
  g_autofree char *passphrase = g_strdup (ipt_supervision_dialog_get_generated_passphrase (dialog));
  g_autoptr(IptReview) review = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (passphrase), >=, 20);
  ipt_supervision_dialog_set_path (dialog, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  wait_for_toast (fixture, "Wrote a review file");

  review = ipt_review_open (path, passphrase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_review_get_cases (review)->len, ==, count_active_courses (fixture));
}

/* A case's row: its check button, then its "Include free text". */
static GtkCheckButton *
case_button (GtkListBoxRow *row)
{
  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));
}

/* Free text goes with the case it is included for, and with no other; the warning shows. */
static void
test_export_review_with_text (Fixture       *fixture,
                              gconstpointer  data)
{
  IptSupervisionDialog *dialog = open_supervision_dialog (fixture, "win.export-review");
  GtkListBox *list = child (dialog, IPT_TYPE_SUPERVISION_DIALOG, "cases_list");
  g_autofree char *path = g_build_filename (tmpdir, "text.iptreview", NULL);
  g_autofree char *passphrase = g_strdup (ipt_supervision_dialog_get_generated_passphrase (dialog));
  g_autofree char *code = NULL;
  g_autoptr(IptReview) review = NULL;
  g_autoptr(GError) error = NULL;
  GtkCheckButton *button = NULL;
  GPtrArray *cases;
  guint n_shared = 0;

  for (guint i = 0; button == NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);

      g_assert_nonnull (row);
      if (gtk_check_button_get_active (case_button (row)))
        button = case_button (row);
    }
  code = g_strdup (g_object_get_data (G_OBJECT (button), "code"));
  g_assert_false (ipt_supervision_dialog_get_text_warning_shown (dialog));
  ipt_supervision_dialog_set_include_text (dialog, code, TRUE);
  g_assert_true (ipt_supervision_dialog_get_text_warning_shown (dialog));

  ipt_supervision_dialog_set_path (dialog, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  wait_for_toast (fixture, "Wrote a review file");

  review = ipt_review_open (path, passphrase, &error);
  g_assert_no_error (error);
  cases = ipt_review_get_cases (review);
  for (guint i = 0; i < cases->len; i++)
    {
      IptReviewCase *rc = g_ptr_array_index (cases, i);

      if (g_strcmp0 (rc->code, code) == 0)
        {
          g_assert_cmpuint (rc->shared, ==, IPT_REVIEW_SHARE_ALL);
          n_shared++;
        }
      else
        {
          g_assert_cmpuint (rc->shared, ==, IPT_REVIEW_SHARE_NONE);
          g_assert_null (rc->formulation);
          for (guint j = 0; j < rc->sessions->len; j++)
            g_assert_null (g_array_index (rc->sessions, IptReviewSession, j).note);
        }
    }
  g_assert_cmpuint (n_shared, ==, 1);
}

static void
test_supervision_pack (Fixture       *fixture,
                       gconstpointer  data)
{
  IptSupervisionDialog *dialog = open_supervision_dialog (fixture, "win.supervision-pack");
  g_autofree char *path = g_build_filename (tmpdir, "pack.pdf", NULL);
  GtkListBox *list = child (dialog, IPT_TYPE_SUPERVISION_DIALOG, "cases_list");
  g_autofree char *contents = NULL;
  gsize length;

  ipt_supervision_dialog_set_path (dialog, path);
  /* No case picked: said beside the list. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_check_button_set_active (case_button (GTK_LIST_BOX_ROW (row)), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_SUPERVISION_DIALOG,
                                                "cases_error_label")));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_check_button_set_active (case_button (gtk_list_box_get_row_at_index (list, 0)), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  wait_for_toast (fixture, "Wrote a supervision pack of 1 case");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

static void
test_merge_review (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *passphrase = "the supervisor's passphrase";
  g_autofree char *path = g_build_filename (tmpdir, "returned.iptreview", NULL);
  g_autoptr(IptReview) review = NULL;
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptCaseSummary) summary = NULL;
  IptSupervisionDialog *dialog;
  IptReviewCase *review_case;
  IptCaseCard *card;
  guint n_cases;
  gint64 until;

  /* A review file made from this casebook, with a supervisor's comment on its first case. */
  g_assert_true (ipt_review_export (fixture->store, NULL, NULL, passphrase, path, &n_cases, &error));
  g_assert_no_error (error);
  review = ipt_review_open (path, passphrase, &error);
  g_assert_no_error (error);
  review_case = g_ptr_array_index (ipt_review_get_cases (review), 0);
  comment = ipt_comment_new (review_case->episode_id, "Supervisor", "Look at the role dispute");
  g_assert_true (ipt_review_add_comment (review, comment, &error));
  g_assert_no_error (error);
  /* and a rating of its first session and a log entry with action points */
  {
    const IptReviewSession *first = &g_array_index (review_case->sessions, IptReviewSession, 0);
    g_autoptr(IptSessionReview) rating = ipt_session_review_new (review_case->episode_id,
                                                                  first->number, first->phase);
    g_autoptr(IptSupervisionEntry) entry = ipt_supervision_entry_new (review_case->episode_id,
                                                                      "2026-03-02");

    ipt_session_review_set_focus_rating (rating, 3);
    ipt_session_review_set_comment (rating, "Good use of the timeline");
    g_assert_true (ipt_review_add_session_review (review, rating, &error));
    g_assert_no_error (error);
    ipt_supervision_entry_set_sessions_text (entry, "1");
    ipt_supervision_entry_set_action_points (entry, "Role play the talk with Jamie.");
    g_assert_true (ipt_review_add_supervision_entry (review, entry, &error));
    g_assert_no_error (error);
  }
  g_assert_true (ipt_review_save (review, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_unread_supervision (fixture->store, review_case->episode_id,
                                                        NULL), ==, 0);

  /* Merge without a file: asked for; choosing one takes the request away. Nothing of a
   * generated passphrase shows when merging. */
  dialog = open_supervision_dialog (fixture, "win.merge-review");
  g_assert_false (gtk_widget_get_visible (child (dialog, IPT_TYPE_SUPERVISION_DIALOG,
                                                 "generated_box")));
  set_text (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_entry", "not the passphrase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  g_assert_true (gtk_widget_get_visible (child (dialog, IPT_TYPE_SUPERVISION_DIALOG,
                                                "passphrase_error_label")));
  ipt_supervision_dialog_set_path (dialog, path);
  g_assert_false (gtk_widget_get_visible (child (dialog, IPT_TYPE_SUPERVISION_DIALOG,
                                                 "passphrase_error_label")));

  /* A wrong passphrase: said beside the field, the casebook untouched. */
  set_text (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_entry", "not the passphrase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!gtk_widget_get_visible (child (dialog, IPT_TYPE_SUPERVISION_DIALOG,
                                         "passphrase_error_label")))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (fixture->window->dialog == GTK_WINDOW (dialog));
  g_assert_cmpuint (ipt_store_count_unread_supervision (fixture->store, review_case->episode_id,
                                                        NULL), ==, 0);

  set_text (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_entry", passphrase);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  wait_for_toast (fixture, "Merged 3 new");
  spin ();
  g_assert_null (fixture->window->dialog);
  g_assert_cmpuint (ipt_store_count_unread_supervision (fixture->store, review_case->episode_id,
                                                        NULL), ==, 3);

  /* The case's card flags the new comment. */
  client = ipt_store_find_client (fixture->store, review_case->code, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < fixture->window->caseload->len && summary == NULL; i++)
    if (ipt_client_get_id (ipt_case_summary_get_client (g_ptr_array_index (fixture->window->caseload, i)))
        == ipt_client_get_id (client))
      summary = g_object_ref (g_ptr_array_index (fixture->window->caseload, i));
  g_assert_nonnull (summary);
  card = g_object_ref_sink (ipt_case_card_new ());
  ipt_case_card_set_summary (card, summary, fixture->store);
  g_assert_cmpstr (ipt_case_card_get_comments_text (card), ==, "2 comments · 1 session rated · 3 new");
  g_object_unref (card);

  /* The same file again adds nothing. */
  dialog = open_supervision_dialog (fixture, "win.merge-review");
  ipt_supervision_dialog_set_path (dialog, path);
  set_text (dialog, IPT_TYPE_SUPERVISION_DIALOG, "passphrase_entry", passphrase);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "supervision.run", NULL));
  spin ();
  wait_for_toast (fixture, "Nothing new");
  g_assert_cmpuint (ipt_store_count_unread_supervision (fixture->store, review_case->episode_id,
                                                        NULL), ==, 3);

  /* The practitioner opens the case: its page shows the comment, the new one flagged; it stays
   * new while the page is on screen. */
  _ipt_window_select_client (fixture->window, ipt_client_get_id (client));
  spin ();
  {
    g_autoptr(GString) text = g_string_new (NULL);

    collect_labels (GTK_WIDGET (fixture->window->client_page), text);
    g_assert_nonnull (strstr (text->str, "3 new from your supervisor"));
    g_assert_nonnull (strstr (text->str, "Look at the role dispute"));
    /* the rating in words, its comment, the log entry's action points */
    g_assert_nonnull (strstr (text->str, "Kept to the agreed focus: Well"));
    g_assert_nonnull (strstr (text->str, "Good use of the timeline"));
    g_assert_nonnull (strstr (text->str, "Action points: Role play the talk with Jamie."));
  }
  g_assert_cmpuint (ipt_store_count_unread_supervision (fixture->store, review_case->episode_id,
                                                        NULL), ==, 3);

  /* Leaving the page (here for the dashboard) marks it read; the card follows the store. */
  show_dashboard (fixture);
  spin ();
  g_assert_cmpuint (ipt_store_count_unread_supervision (fixture->store, review_case->episode_id,
                                                        NULL), ==, 0);
  {
    g_autoptr(GPtrArray) cards = g_ptr_array_new ();
    IptCaseCard *shown = NULL;

    collect_cards (GTK_WIDGET (fixture->window->dashboard), cards);
    for (guint i = 0; i < cards->len; i++)
      {
        IptCaseSummary *s = ipt_case_card_get_summary (g_ptr_array_index (cards, i));

        if (s != NULL && ipt_client_get_id (ipt_case_summary_get_client (s))
                         == ipt_client_get_id (client))
          shown = g_ptr_array_index (cards, i);
      }
    g_assert_nonnull (shown);
    g_assert_cmpstr (ipt_case_card_get_comments_text (shown), ==, "2 comments · 1 session rated");
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-supervision-window-XXXXXX"))
    return 77;

  g_test_add ("/ui/dashboard/orders-by-need", Fixture, GUINT_TO_POINTER (30), demo_set_up,
              test_dashboard_orders_by_need, fixture_tear_down);
  g_test_add ("/ui/dashboard/opens-case", Fixture, GUINT_TO_POINTER (10), demo_set_up,
              test_dashboard_opens_case, fixture_tear_down);

  g_test_add ("/ui/supervision/export-review-typed", Fixture, GUINT_TO_POINTER (8), demo_set_up,
              test_export_review_typed, fixture_tear_down);
  g_test_add ("/ui/supervision/export-review-generated", Fixture, GUINT_TO_POINTER (8),
              demo_set_up, test_export_review_generated, fixture_tear_down);
  g_test_add ("/ui/supervision/export-review-with-text", Fixture, GUINT_TO_POINTER (8),
              demo_set_up, test_export_review_with_text, fixture_tear_down);
  g_test_add ("/ui/supervision/pack", Fixture, GUINT_TO_POINTER (8), demo_set_up,
              test_supervision_pack, fixture_tear_down);
  g_test_add ("/ui/supervision/merge-review", Fixture, GUINT_TO_POINTER (8), demo_set_up,
              test_merge_review, fixture_tear_down);

  return ui_test_run ();
}
