/* The Formulation and Timeline tabs through the window: focus fields, a dispute's stage change,
 * the formulation and its date, goals and life events added, refused, deleted and put back by
 * Undo. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ipt-client-page.h"
#include "ipt-formulation-form.h"
#include "ipt-formulation-view.h"
#include "ipt-goal-form.h"
#include "ipt-life-event-form.h"
#include "ipt-gui-private.h"
#include "ipt-store-casework.h"
#include "ipt-timeline-view.h"
#include "ipt-window-private.h"
#include "test-window-common.h"

static IptFormulationView *
formulation_view (Fixture *fixture)
{
  return child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "formulation_view");
}

static gint64
add_person (Fixture    *fixture,
            gint64      client_id,
            const char *name,
            const char *relationship)
{
  g_autoptr(IptPerson) person = ipt_person_new (client_id, name, relationship, 1);
  g_autoptr(GError) error = NULL;

  ipt_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  return ipt_person_get_id (person);
}

static IptFormulationForm *
open_formulation_form (Fixture *fixture)
{
  ipt_client_page_show_tab (fixture->window->client_page, "formulation");
  gtk_widget_activate_action (GTK_WIDGET (formulation_view (fixture)), "formulation.edit", NULL);
  spin ();
  g_assert_true (IPT_IS_FORMULATION_FORM (fixture->window->dialog));
  return IPT_FORMULATION_FORM (fixture->window->dialog);
}

static void
test_focus_and_formulation (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "F-001", "Robin", "Hale");
  IptEpisode *episode;
  IptFormulationForm *form;
  gint64 jamie;
  g_autoptr(IptFocusFields) fields = NULL;
  g_autoptr(GArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);

  start_course (fixture, 16);
  record_phq9_session (fixture);
  record_phq9_session (fixture);
  jamie = add_person (fixture, client_id, "Jamie", "partner");
  spin ();
  episode = ipt_client_page_get_episode (fixture->window->client_page);
  g_assert_nonnull (episode);
  /* The contract names the focus, and asks nothing of a person yet. */
  g_assert_nonnull (strstr (ipt_formulation_view_get_contract (formulation_view (fixture)), "16"));
  /* At the window's default width every tab shows whole. */
  g_assert_true (client_tabs_fit (fixture->window));

  form = open_formulation_form (fixture);
  /* A stage change is offered at the latest session. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, IPT_TYPE_FORMULATION_FORM,
                                                            "stage_session_spin")), ==, 2);
  ipt_formulation_form_set_person (form, FALSE, jamie);
  ipt_formulation_form_set_formulation (form, "Low mood since the rows with Jamie about the move; "
                                              "16 weeks to work on the dispute. Ελληνικά, 中文.");
  ipt_formulation_form_set_stage_change (form, 2, IPT_DISPUTE_STAGE_IMPASSE);

  /* A date agreed after today is refused beside the field, and nothing is written. */
  tomorrow = g_date_time_format (later, "%Y-%m-%d");
  set_text (form, IPT_TYPE_FORMULATION_FORM, "agreed_entry", tomorrow);
  g_assert_false (ipt_formulation_form_get_can_save (form));
  g_assert_true (gtk_widget_get_visible (child (form, IPT_TYPE_FORMULATION_FORM, "agreed_error")));
  set_text (form, IPT_TYPE_FORMULATION_FORM, "agreed_entry", "not a date");
  g_assert_false (ipt_formulation_form_get_can_save (form));
  set_text (form, IPT_TYPE_FORMULATION_FORM, "agreed_entry", "");
  g_assert_true (ipt_formulation_form_get_can_save (form));
  g_assert_false (gtk_widget_get_visible (child (form, IPT_TYPE_FORMULATION_FORM, "agreed_error")));

  gtk_widget_activate_action (GTK_WIDGET (form), "formulation-form.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  /* The store has all three, and the tab follows its announcement. */
  episode = ipt_client_page_get_episode (fixture->window->client_page);
  fields = ipt_store_get_focus_fields (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_focus_fields_get_person_id (fields), ==, jamie);
  g_assert_cmpint (ipt_focus_fields_get_dispute_stage (fields), ==, IPT_DISPUTE_STAGE_IMPASSE);
  stages = ipt_store_list_dispute_stages (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 1);
  g_assert_cmpuint (g_array_index (stages, IptDisputeStageChange, 0).session_number, ==, 2);
  g_assert_nonnull (strstr (ipt_episode_get_formulation (episode), "中文"));
  g_assert_nonnull (strstr (ipt_formulation_view_get_contract (formulation_view (fixture)), "Jamie"));
  snapshot (fixture->window, "formulation-tab");

  /* The contract shows the same stage, read only: it follows the history, and saving the
   * contract keeps it. */
  {
    IptCourseDialog *contract;
    GtkDropDown *stage;

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-course", NULL);
    spin ();
    g_assert_true (IPT_IS_COURSE_DIALOG (fixture->window->dialog));
    contract = IPT_COURSE_DIALOG (fixture->window->dialog);
    stage = child (contract, IPT_TYPE_COURSE_DIALOG, "stage_dropdown");
    g_assert_cmpuint (gtk_drop_down_get_selected (stage), ==, IPT_DISPUTE_STAGE_IMPASSE);
    g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (stage)));
    gtk_spin_button_set_value (child (contract, IPT_TYPE_COURSE_DIALOG, "planned_spin"), 14);
    gtk_widget_activate_action (GTK_WIDGET (contract), "course.save", NULL);
    spin ();
    g_assert_null (fixture->window->dialog);
    g_clear_object (&fields);
    episode = ipt_client_page_get_episode (fixture->window->client_page);
    g_assert_cmpuint (ipt_episode_get_planned_sessions (episode), ==, 14);
    fields = ipt_store_get_focus_fields (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ipt_focus_fields_get_dispute_stage (fields), ==, IPT_DISPUTE_STAGE_IMPASSE);
  }

  /* A later change at a session shows in the contract too. */
  form = open_formulation_form (fixture);
  ipt_formulation_form_set_stage_change (form, 2, IPT_DISPUTE_STAGE_RENEGOTIATION);
  gtk_widget_activate_action (GTK_WIDGET (form), "formulation-form.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-course", NULL);
  spin ();
  g_assert_cmpuint (gtk_drop_down_get_selected (child (fixture->window->dialog, IPT_TYPE_COURSE_DIALOG,
                                                       "stage_dropdown")),
                    ==, IPT_DISPUTE_STAGE_RENEGOTIATION);
  gtk_window_destroy (fixture->window->dialog);
  spin ();
  form = open_formulation_form (fixture);
  ipt_formulation_form_set_stage_change (form, 2, IPT_DISPUTE_STAGE_IMPASSE);
  gtk_widget_activate_action (GTK_WIDGET (form), "formulation-form.save", NULL);
  spin ();

  /* A stage change removed from its row goes, and comes back with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (formulation_view (fixture)), "formulation.remove-stage",
                              "u", 2);
  spin ();
  episode = ipt_client_page_get_episode (fixture->window->client_page);
  g_clear_pointer (&stages, g_array_unref);
  stages = ipt_store_list_dispute_stages (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  g_clear_pointer (&stages, g_array_unref);
  episode = ipt_client_page_get_episode (fixture->window->client_page);
  stages = ipt_store_list_dispute_stages (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 1);
  g_assert_cmpint (g_array_index (stages, IptDisputeStageChange, 0).stage, ==, IPT_DISPUTE_STAGE_IMPASSE);

  /* A person removed from the inventory leaves the focus in place, asking for a person. */
  ipt_store_delete_person (fixture->store, jamie, &error);
  g_assert_no_error (error);
  spin ();
  g_assert_true (gtk_widget_get_visible (child (formulation_view (fixture), IPT_TYPE_FORMULATION_VIEW,
                                                "focus_missing_label")));
  g_assert_null (strstr (ipt_formulation_view_get_contract (formulation_view (fixture)), "Jamie"));
}

static void
test_grief_date (Fixture       *fixture,
                 gconstpointer  data)
{
  IptCourseDialog *dialog;
  IptFormulationForm *form;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(IptFocusFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id = add_client (fixture, "G-001", "Lee", "Park");
  gint64 maryam = add_person (fixture, client_id, "Maryam", "mother");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  dialog = IPT_COURSE_DIALOG (fixture->window->dialog);
  ipt_course_dialog_set_focus (dialog, IPT_FOCUS_GRIEF);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "course.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  form = open_formulation_form (fixture);
  ipt_formulation_form_set_person (form, FALSE, maryam);
  /* A death after today is refused beside the date, and Save stays off. */
  set_text (form, IPT_TYPE_FORMULATION_FORM, "agreed_entry", "");
  ipt_formulation_form_set_date (form, FALSE, later_text);
  g_assert_false (ipt_formulation_form_get_can_save (form));
  g_assert_nonnull (ipt_formulation_form_get_date_error (form, FALSE));
  ipt_formulation_form_set_date (form, FALSE, "2024-11-03");
  g_assert_true (ipt_formulation_form_get_can_save (form));
  g_assert_null (ipt_formulation_form_get_date_error (form, FALSE));
  gtk_widget_activate_action (GTK_WIDGET (form), "formulation-form.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  fields = ipt_store_get_focus_fields (fixture->store,
                                       ipt_episode_get_id (ipt_client_page_get_episode (fixture->window->client_page)),
                                       FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_focus_fields_get_date (fields), ==, "2024-11-03");
  g_assert_cmpint (ipt_focus_fields_get_person_id (fields), ==, maryam);
  g_assert_nonnull (strstr (ipt_formulation_view_get_contract (formulation_view (fixture)), "Maryam"));
}

static IptGoalForm *
open_goal_form (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (formulation_view (fixture)), "formulation.add-goal", NULL);
  spin ();
  g_assert_true (IPT_IS_GOAL_FORM (fixture->window->dialog));
  return IPT_GOAL_FORM (fixture->window->dialog);
}

static void
test_goals (Fixture       *fixture,
            gconstpointer  data)
{
  IptGoalForm *form;
  GPtrArray *goals;
  gint64 episode_id;
  gint64 goal_id;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GError) error = NULL;

  add_client (fixture, "F-002", "Sam", "Reyes");
  start_course (fixture, 12);
  ipt_client_page_show_tab (fixture->window->client_page, "formulation");
  g_assert_cmpuint (ipt_formulation_view_get_goals (formulation_view (fixture))->len, ==, 0);

  /* An empty goal cannot be saved; the form says why once Save is tried. */
  form = open_goal_form (fixture);
  set_text (form, IPT_TYPE_GOAL_FORM, "text_entry", "   ");
  g_assert_false (ipt_goal_form_get_can_save (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "goal.save", NULL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (form));
  set_text (form, IPT_TYPE_GOAL_FORM, "text_entry", "Talk to Jamie about the move without a row");
  g_assert_true (ipt_goal_form_get_can_save (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "goal.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  goals = ipt_formulation_view_get_goals (formulation_view (fixture));
  g_assert_cmpuint (goals->len, ==, 1);
  goal_id = ipt_goal_get_id (g_ptr_array_index (goals, 0));
  /* The page reads its course again after each write: keep the id, not the object. */
  episode_id = ipt_episode_get_id (ipt_client_page_get_episode (fixture->window->client_page));
  ipt_store_set_goal_rating (fixture->store, goal_id, 1, 3, &error);
  g_assert_no_error (error);
  ipt_store_set_goal_rating (fixture->store, goal_id, 2, 6, &error);
  g_assert_no_error (error);
  spin ();

  /* Edited through its row's action. */
  gtk_widget_activate_action (GTK_WIDGET (formulation_view (fixture)), "formulation.edit-goal",
                              "x", goal_id);
  spin ();
  g_assert_true (IPT_IS_GOAL_FORM (fixture->window->dialog));
  form = IPT_GOAL_FORM (fixture->window->dialog);
  set_text (form, IPT_TYPE_GOAL_FORM, "text_entry", "See friends once a week");
  gtk_widget_activate_action (GTK_WIDGET (form), "goal.save", NULL);
  spin ();
  stored = ipt_store_list_goals (fixture->store, episode_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (ipt_goal_get_text (g_ptr_array_index (stored, 0)), ==, "See friends once a week");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Deleted, then put back with its ratings by Undo. */
  gtk_widget_activate_action (GTK_WIDGET (formulation_view (fixture)), "formulation.delete-goal",
                              "x", goal_id);
  spin ();
  g_assert_cmpuint (ipt_formulation_view_get_goals (formulation_view (fixture))->len, ==, 0);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->toast_revealer));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  goals = ipt_formulation_view_get_goals (formulation_view (fixture));
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpstr (ipt_goal_get_text (g_ptr_array_index (goals, 0)), ==, "See friends once a week");
  ratings = ipt_store_list_goal_ratings (fixture->store, ipt_goal_get_id (g_ptr_array_index (goals, 0)),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 2);
  g_assert_cmpint (g_array_index (ratings, IptGoalRating, 1).rating, ==, 6);
  g_assert_cmpint (ipt_goal_get_latest_rating (g_ptr_array_index (goals, 0)), ==, 6);
}

static IptTimelineView *
timeline_view (Fixture *fixture)
{
  return child (fixture->window->client_page, IPT_TYPE_CLIENT_PAGE, "timeline_view");
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "T-001", "Ana", "Lima");
  gint64 maryam;
  IptLifeEventForm *form;
  GPtrArray *events;
  gint64 event_id;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;

  start_course (fixture, 16);
  record_phq9_session (fixture);
  maryam = add_person (fixture, client_id, "Maryam", "mother");
  spin ();
  ipt_client_page_show_tab (fixture->window->client_page, "timeline");
  g_assert_cmpuint (ipt_timeline_view_get_events (timeline_view (fixture))->len, ==, 0);
  g_assert_cmpuint (ipt_timeline_view_get_n_scores (timeline_view (fixture)), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (timeline_view (fixture)), "timeline.add-event", NULL);
  spin ();
  g_assert_true (IPT_IS_LIFE_EVENT_FORM (fixture->window->dialog));
  form = IPT_LIFE_EVENT_FORM (fixture->window->dialog);

  /* No title (Save stays off), then a date that is no date: refused beside the field. */
  g_assert_false (ipt_life_event_form_get_can_save (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "life-event.save", NULL);
  spin ();
  g_assert_true (fixture->window->dialog == GTK_WINDOW (form));
  set_text (form, IPT_TYPE_LIFE_EVENT_FORM, "title_entry", "Death of Maryam — وفاة");
  set_text (form, IPT_TYPE_LIFE_EVENT_FORM, "date_entry", "2025-02-30");
  g_assert_false (ipt_life_event_form_get_can_save (form));
  g_assert_true (gtk_widget_get_visible (child (form, IPT_TYPE_LIFE_EVENT_FORM, "date_error")));
  set_text (form, IPT_TYPE_LIFE_EVENT_FORM, "date_entry", "2025-01-12");
  /* An impact typed outside −5 to +5 is refused beside the field, not clamped unsaid. */
  {
    GtkSpinButton *impact = child (form, IPT_TYPE_LIFE_EVENT_FORM, "impact_spin");
    GtkLabel *impact_error = child (form, IPT_TYPE_LIFE_EVENT_FORM, "impact_error");

    ipt_life_event_form_set_person (form, maryam);
    gtk_editable_set_text (GTK_EDITABLE (impact), "-9");
    gtk_spin_button_update (impact);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (impact)), ==, "-9");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (impact_error)));
    g_assert_nonnull (strstr (gtk_label_get_text (impact_error), "-9"));
    g_assert_false (ipt_life_event_form_get_can_save (form));
    gtk_widget_activate_action (GTK_WIDGET (form), "life-event.save", NULL);
    spin ();
    g_assert_true (fixture->window->dialog == GTK_WINDOW (form));

    gtk_editable_set_text (GTK_EDITABLE (impact), "-5");
    gtk_spin_button_update (impact);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (impact_error)));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (impact), ==, -5);

    /* typed and saved at once (Ctrl+S): refused all the same, nothing saved */
    gtk_editable_set_text (GTK_EDITABLE (impact), "12");
    gtk_widget_activate_action (GTK_WIDGET (form), "life-event.save", NULL);
    spin ();
    g_assert_true (fixture->window->dialog == GTK_WINDOW (form));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (impact_error)));
    g_assert_nonnull (strstr (gtk_label_get_text (impact_error), "12"));
    g_assert_nonnull (strstr (ipt_form_window_get_save_reason (IPT_FORM_WINDOW (form)), "12"));

    /* the arrows give the field its value back */
    gtk_spin_button_spin (impact, GTK_SPIN_STEP_FORWARD, 1);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (impact_error)));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (impact), ==, -4);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (impact)), ==, "-4");
    gtk_spin_button_set_value (impact, -5);
  }
  g_assert_true (ipt_life_event_form_get_can_save (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "life-event.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  stored = ipt_store_list_life_events (fixture->store, client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (ipt_life_event_get_impact (g_ptr_array_index (stored, 0)), ==, -5);
  g_assert_cmpint (ipt_life_event_get_person_id (g_ptr_array_index (stored, 0)), ==, maryam);
  events = ipt_timeline_view_get_events (timeline_view (fixture));
  g_assert_cmpuint (events->len, ==, 1);
  event_id = ipt_life_event_get_id (g_ptr_array_index (events, 0));
  snapshot (fixture->window, "timeline-tab");

  /* Deleted from its row, and back by Undo with its person. */
  gtk_widget_activate_action (GTK_WIDGET (timeline_view (fixture)), "timeline.delete-event", "x", event_id);
  spin ();
  g_assert_cmpuint (ipt_timeline_view_get_events (timeline_view (fixture))->len, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  events = ipt_timeline_view_get_events (timeline_view (fixture));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (ipt_life_event_get_person_id (g_ptr_array_index (events, 0)), ==, maryam);
  g_assert_cmpstr (ipt_life_event_get_title (g_ptr_array_index (events, 0)), ==, "Death of Maryam — وفاة");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-casework-tabs-XXXXXX"))
    return 77;

  g_test_add ("/ui/formulation/focus", Fixture, NULL, fixture_set_up, test_focus_and_formulation, fixture_tear_down);
  g_test_add ("/ui/formulation/grief-date", Fixture, NULL, fixture_set_up, test_grief_date, fixture_tear_down);
  g_test_add ("/ui/formulation/goals", Fixture, NULL, fixture_set_up, test_goals, fixture_tear_down);
  g_test_add ("/ui/timeline/events", Fixture, NULL, fixture_set_up, test_timeline, fixture_tear_down);

  return ui_test_run ();
}
