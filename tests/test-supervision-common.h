/* Shared by the supervision test programs: a caseload whose every identifying field holds a
 * distinctive token, to show that none leaves the machine. */
#pragma once

#include "test-store-common.h"

/* Seeds n clients (C-0001, ...) each with a course of `sessions` sessions (PHQ-9 falling from
 * 20, GAD-7 from 14, a risk answer at the last session), every identifying field filled with a
 * token
 * added to `tokens` (names, contacts, birth date, referrer, notes, people's names and notes,
 * life-event titles, formulation, roles, session notes, goals, session and event dates). */
static inline void
seed_identified_caseload (IptStore  *store,
                          guint      n,
                          guint      sessions,
                          GPtrArray *tokens)
{
  for (guint c = 1; c <= n; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = g_strdup_printf ("C-%04u", c);
      g_autoptr(IptClient) client = ipt_client_new (code);
      g_autoptr(IptEpisode) episode = NULL;
      g_autoptr(IptPerson) person = NULL;
      g_autoptr(IptLifeEvent) event = NULL;
      g_autoptr(IptGoal) goal = NULL;
      char *t;

#define TOKEN(fmt) (t = g_strdup_printf (fmt, c), g_ptr_array_add (tokens, t), t)
      ipt_client_set_given_name (client, TOKEN ("Givenzq%03u"));
      ipt_client_set_family_name (client, TOKEN ("Familyzq%03u"));
      ipt_client_set_preferred_name (client, TOKEN ("Preferredzq%03u"));
      ipt_client_set_birth_date (client, TOKEN ("1961-03-%02u"));
      ipt_client_set_phone (client, TOKEN ("+44 7700 9%05u"));
      ipt_client_set_email (client, TOKEN ("mailzq%03u@example.org"));
      ipt_client_set_referrer (client, TOKEN ("Dr Referrerzq%03u"));
      ipt_client_set_notes (client, TOKEN ("Clientnotezq%03u"));
      g_assert_true (ipt_store_insert_client (store, client, &error));
      g_assert_no_error (error);

      person = ipt_person_new (ipt_client_get_id (client), TOKEN ("Personnamezq%03u"), "partner",
                               1);
      ipt_person_set_contact (person, TOKEN ("Contactzq%03u"));
      ipt_person_set_satisfying (person, TOKEN ("Likedzq%03u"));
      ipt_person_set_unsatisfying (person, TOKEN ("Dislikedzq%03u"));
      ipt_person_set_changes_wanted (person, TOKEN ("Changezq%03u"));
      g_assert_true (ipt_store_save_person (store, person, &error));
      g_assert_no_error (error);
      {
        /* a relationship that holds the name is not shown either */
        g_autofree char *named = g_strdup_printf ("sister Sistnamezq%03u", c);
        g_autoptr(IptPerson) sister = ipt_person_new (ipt_client_get_id (client),
                                                      TOKEN ("Sistnamezq%03u"), named, 2);

        g_assert_true (ipt_store_save_person (store, sister, &error));
        g_assert_no_error (error);
      }
      {
        /* nor free text that names someone or somewhere the app cannot know of */
        g_autofree char *place = g_strdup_printf ("manager at %s", TOKEN ("Placezq%03u"));
        g_autoptr(IptPerson) manager = ipt_person_new (ipt_client_get_id (client),
                                                       TOKEN ("Managernamezq%03u"), place, 3);

        g_assert_true (ipt_store_save_person (store, manager, &error));
        g_assert_no_error (error);
      }
      {
        /* nor one that names another person of the inventory */
        g_autofree char *named = g_strdup_printf ("Personnamezq%03u's mother", c);
        g_autoptr(IptPerson) mother = ipt_person_new (ipt_client_get_id (client),
                                                      TOKEN ("Mothernamezq%03u"), named, 2);

        g_assert_true (ipt_store_save_person (store, mother, &error));
        g_assert_no_error (error);
      }

      episode = ipt_episode_new (ipt_client_get_id (client), "2025-02-03", 16);
      ipt_episode_set_focus (episode, IPT_FOCUS_ROLE_DISPUTE);
      ipt_episode_set_dispute_stage (episode, IPT_DISPUTE_STAGE_IMPASSE);
      ipt_episode_set_focus_person_id (episode, ipt_person_get_id (person));
      ipt_episode_set_formulation (episode, TOKEN ("Formulationzq%03u"));
      ipt_episode_set_old_role (episode, TOKEN ("Oldrolezq%03u"));
      ipt_episode_set_new_role (episode, TOKEN ("Newrolezq%03u"));
      ipt_episode_set_agreed_on (episode, "2025-02-24");
      if (c % 3 == 0)
        {
          ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ENDED);
          ipt_episode_set_end_date (episode, "2025-06-02");
          ipt_episode_set_end_reason (episode, TOKEN ("Endreasonzq%03u"));
        }
      g_assert_true (ipt_store_insert_episode (store, episode, &error));
      g_assert_no_error (error);

      event = ipt_life_event_new (ipt_client_get_id (client), "2025-01-17",
                                  TOKEN ("Eventtitlezq%03u"), -3);
      ipt_life_event_set_person_id (event, ipt_person_get_id (person));
      g_assert_true (ipt_store_save_life_event (store, event, &error));
      g_assert_no_error (error);
      g_ptr_array_add (tokens, g_strdup ("2025-01-17"));

      goal = ipt_goal_new (ipt_episode_get_id (episode), TOKEN ("Goaltextzq%03u"));
      g_assert_true (ipt_store_save_goal (store, goal, &error));
      g_assert_no_error (error);

      for (guint s = 1; s <= sessions; s++)
        {
          g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 2 + s / 4, 3 + (s % 4) * 7);
          g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), s, date);
          g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
          int phq9[9], gad7[7];

          for (guint i = 0; i < 9; i++)
            phq9[i] = CLAMP (((int) (20 - s) + (int) i) / 9, 0, 3);
          phq9[8] = s == sessions ? 1 : 0;
          for (guint i = 0; i < 7; i++)
            gad7[i] = CLAMP (((int) (14 - s) + (int) i) / 7, 0, 3);
          g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq9, 9));
          g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("gad7"), gad7, 7));
          ipt_session_set_note_agenda (session, TOKEN ("Agendazq%03u"));
          ipt_session_set_note_events (session, TOKEN ("Eventsnotezq%03u"));
          ipt_session_set_note_between (session, TOKEN ("Betweenzq%03u"));
          g_assert_true (ipt_store_save_session (store, session, scores, &error));
          g_assert_no_error (error);
          g_ptr_array_add (tokens, g_strdup (date));
        }
#undef TOKEN
    }
}

/* Does the buffer hold any of the tokens? Returns the first found, or NULL. */
static inline const char *
find_token (const void *data,
            gsize       size,
            GPtrArray  *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      if (memmem (data, size, token, strlen (token)) != NULL)
        return token;
    }
  return NULL;
}
