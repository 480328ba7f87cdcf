/* A whole IPT course in a casebook, for the case report's tests and benchmark: a role dispute
 * with Jamie whose stage changes, an inventory, life events, goals with ratings, a joint session,
 * session work and an ending. */
#pragma once

#include "ipt-model.h"
#include "ipt-store.h"
#include "ipt-store-casework.h"

static inline IptPerson *
fixture_person (IptStore   *store,
                IptClient  *client,
                const char *name,
                const char *relationship,
                guint       ring,
                guint       ideal_ring)
{
  g_autoptr(GError) error = NULL;
  IptPerson *person = ipt_person_new (ipt_client_get_id (client), name, relationship, ring);

  ipt_person_set_ideal_ring (person, ideal_ring);
  ipt_person_set_contact (person, "Evenings; weekends with the children");
  ipt_person_set_text (person, IPT_PERSON_TALK_ABOUT, "the children, money");
  ipt_person_set_text (person, IPT_PERSON_CANNOT_TALK_ABOUT, "feeling low");
  ipt_person_set_satisfying (person, "kind, funny");
  ipt_person_set_unsatisfying (person, "withdraws when upset");
  ipt_person_set_text (person, IPT_PERSON_ARGUMENTS, "weekly, about chores");
  ipt_person_set_arguments_resolve (person, IPT_ARGUMENTS_RESOLVE_RARELY);
  ipt_person_set_supportive (person, TRUE);
  g_assert_true (ipt_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return person;
}

/* A client (Rowan Ashby, C-0042) on a course of `planned` weekly sessions, all attended, PHQ-9
 * falling from 19; the formulation is `formulation` (NULL: a short one). Returns the client. */
static inline IptClient *
fixture_case (IptStore   *store,
              guint       planned,
              guint       n_sessions,
              const char *formulation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptPerson) jamie = NULL;
  g_autoptr(IptPerson) mum = NULL;
  g_autoptr(IptPerson) lee = NULL;
  g_autoptr(IptFocusFields) focus = NULL;
  g_autoptr(IptGoal) goal = NULL;
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(IptInventoryNotes) notes = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  IptClient *client = ipt_client_new ("C-0042");
  gint64 id;

  ipt_client_set_given_name (client, "Rowan");
  ipt_client_set_family_name (client, "Ashby");
  ipt_client_set_birth_date (client, "1985-06-01");
  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);

  jamie = fixture_person (store, client, "Jamie", "partner", 1, 2);
  mum = fixture_person (store, client, "Mum", "mother", 1, 0);
  lee = fixture_person (store, client, "Lee", "manager", 3, 0);

  episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", planned);
  ipt_episode_set_focus (episode, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_true (ipt_store_start_course (store, episode, &error));
  g_assert_no_error (error);
  id = ipt_episode_get_id (episode);

  focus = ipt_store_get_focus_fields (store, id, FALSE, &error);
  ipt_focus_fields_set_person_id (focus, ipt_person_get_id (jamie));
  g_assert_true (ipt_store_save_focus_fields (store, focus, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_store_save_formulation (store, id,
                                             formulation != NULL ? formulation
                                             : "The low mood began when the arguments with "
                                               "Jamie about work and the children grew weekly.",
                                             "2026-01-26", &error));
  g_assert_no_error (error);

  notes = ipt_inventory_notes_new (ipt_client_get_id (client));
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_SOCIAL_SUPPORT, "Mum, and a friend at work");
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_COMMUNICATION_STYLE, "Goes quiet, then explodes");
  g_assert_true (ipt_store_save_inventory_notes (store, notes, &error));

  event = ipt_life_event_new (ipt_client_get_id (client), "2025-11-03", "Jamie changed jobs", -3);
  ipt_life_event_set_person_id (event, ipt_person_get_id (jamie));
  g_assert_true (ipt_store_save_life_event (store, event, &error));

  goal = ipt_goal_new (id, "Talk about money without shouting");
  g_assert_true (ipt_store_save_goal (store, goal, &error));

  for (guint n = 1; n <= n_sessions; n++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start, n - 1);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      g_autoptr(IptSession) session = ipt_session_new (id, n, date);
      g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
      int phq9[9], gad7[7];
      int level = MAX (0, 19 - (int) n);

      for (guint i = 0; i < 9; i++)
        phq9[i] = MIN (3, (level + (int) i) / 9);
      phq9[8] = n == 1 ? 1 : 0;
      for (guint i = 0; i < 7; i++)
        gad7[i] = MIN (3, (level + (int) i) / 8);
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("gad7"), gad7, 7));
      if (n == 6)
        ipt_session_set_attendees (session, IPT_ATTENDEES_WITH_PARTNER);
      g_assert_true (ipt_store_save_session (store, session, scores, &error));
      g_assert_no_error (error);

      if (n == 6)
        {
          g_autoptr(IptSessionWork) work = ipt_session_work_new (ipt_session_get_id (session));
          gint64 jamie_id = ipt_person_get_id (jamie);

          ipt_session_work_set_attendee_ids (work, &jamie_id, 1);
          ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_INTERACTION, "The row about the car");
          ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_SAID, "You never listen");
          ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_MEANT, "I feel alone with this");
          ipt_session_work_set_text (work, IPT_TECHNIQUE_FIELD_ALTERNATIVES, "Can we plan the week together?");
          g_assert_true (ipt_store_save_session_work (store, work, &error));
          g_assert_no_error (error);
        }
      if (n == 2 || n == 6)
        {
          IptDisputeStageChange change = { n, n == 2 ? IPT_DISPUTE_STAGE_IMPASSE
                                                     : IPT_DISPUTE_STAGE_RENEGOTIATION };

          g_assert_true (ipt_store_record_dispute_stage (store, id, FALSE, &change, &error));
          g_assert_no_error (error);
        }
      if (n % 4 == 0)
        g_assert_true (ipt_store_set_goal_rating (store, ipt_goal_get_id (goal), n,
                                                  MIN (10, (int) n / 2), &error));
    }

  if (n_sessions >= planned)
    {
      g_autoptr(GDateTime) last = g_date_time_add_weeks (start, n_sessions - 1);
      g_autofree char *date = g_date_time_format (last, "%Y-%m-%d");
      g_autoptr(IptCourseEnding) ending = ipt_course_ending_new (id, date, IPT_END_REASON_COMPLETED);

      ipt_course_ending_set_text (ending, IPT_ENDING_WARNING_SIGNS, "Avoiding Jamie in the evenings");
      ipt_course_ending_set_text (ending, IPT_ENDING_WHAT_HELPED, "Saying what I mean");
      ipt_course_ending_set_text (ending, IPT_ENDING_PEOPLE_TO_TURN_TO, "Mum");
      ipt_course_ending_set_text (ending, IPT_ENDING_IF_SIGNS_RETURN, "Book a session");
      ipt_course_ending_set_maintenance_offered (ending, TRUE);
      g_assert_true (ipt_store_end_course (store, ending, &error));
      g_assert_no_error (error);
    }
  return client;
}
