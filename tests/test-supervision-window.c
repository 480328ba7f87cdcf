/* Window tests of supervision: the caseload dashboard orders its cards by need and opens a case;
 * the window exports a supervision pack and a review file and merges a returned one. */
#include "config.h"

#include <string.h>

#include "test-window-common.h"

#include "ipt-case-card.h"
#include "ipt-caseload-view.h"
#include "ipt-demo.h"

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

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-supervision-window-XXXXXX"))
    return 77;

  g_test_add ("/ui/dashboard/orders-by-need", Fixture, GUINT_TO_POINTER (60), demo_set_up,
              test_dashboard_orders_by_need, fixture_tear_down);
  g_test_add ("/ui/dashboard/opens-case", Fixture, GUINT_TO_POINTER (20), demo_set_up,
              test_dashboard_opens_case, fixture_tear_down);

  return ui_test_run ();
}
