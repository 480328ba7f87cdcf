/* De-identification: what of a case leaves the practitioner's machine, decided here only. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-deidentify.h"
#include "ipt-store-supervision.h"

#include <glib/gi18n.h>
#include <string.h>

GStrv
ipt_deidentify_parse_codes (const char *list,
                            GError    **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (list != NULL, NULL);

  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("--cases needs case codes separated by commas, not “%s”"), list);
          return NULL;
        }
      if (g_hash_table_add (seen, parts[i]))
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

const char *
ipt_deidentify_free_text_warning (void)
{
  return _("Free text may name people or places. Include it only after reading it, and only "
           "for the cases that need it.");
}

/* Does `text` hold `name` (case-folded)? Names shorter than two characters are not looked for. */
static gboolean
mentions (const char *text,
          const char *name)
{
  g_autofree char *t = NULL;
  g_autofree char *n = NULL;

  if (text == NULL || name == NULL || g_utf8_strlen (name, -1) < 2)
    return FALSE;
  t = g_utf8_casefold (text, -1);
  n = g_utf8_casefold (name, -1);
  return strstr (t, n) != NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A person's label: the relationship with a capital when it is plain relationship words
 * ("best friend") that name no one (the client or anyone of the inventory); otherwise, as for
 * any free text that may name someone or a place ("Manager at Riverside Surgery"), "Person N". */
static char *
person_label (IptPerson *person,
              guint      index,
              IptClient *client,
              GPtrArray *people)
{
  const char *relationship = ipt_person_get_relationship (person);
  const char *names[] = {
    ipt_client_get_given_name (client),
    ipt_client_get_family_name (client),
    ipt_client_get_preferred_name (client),
  };

  if (is_blank (relationship) || !ipt_relationship_is_plain (relationship))
    return g_strdup_printf (_("Person %u"), index + 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (mentions (relationship, names[i]))
      return g_strdup_printf (_("Person %u"), index + 1);
  for (guint i = 0; i < people->len; i++)
    if (mentions (relationship, ipt_person_get_name (g_ptr_array_index (people, i))))
      return g_strdup_printf (_("Person %u"), index + 1);

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (relationship));
    g_autofree char *first = g_utf8_strup (trimmed, g_utf8_next_char (trimmed) - trimmed);

    return g_strconcat (first, g_utf8_next_char (trimmed), NULL);
  }
}

static char *
join_person_notes (IptPerson *person)
{
  const char *parts[] = {
    ipt_person_get_contact (person),
    ipt_person_get_satisfying (person),
    ipt_person_get_unsatisfying (person),
    ipt_person_get_changes_wanted (person),
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_blank (parts[i]))
        continue;
      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append (out, parts[i]);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
join_session_notes (IptSession *session)
{
  const char *parts[] = {
    ipt_session_get_note_agenda (session),
    ipt_session_get_note_events (session),
    ipt_session_get_note_between (session),
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_blank (parts[i]))
        continue;
      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append (out, parts[i]);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
fill_case (IptStore       *store,
           IptClient      *client,
           IptEpisode     *episode,
           IptReviewShare  share,
           IptReviewCase  *rc,
           GError        **error)
{
  gint64 episode_id = ipt_episode_get_id (episode);
  const char *start = ipt_episode_get_start_date (episode);
  g_autoptr(IptCaseSummary) summary = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GHashTable) session_numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                g_free, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  GPtrArray *signals;
  int first_week = IPT_REVIEW_WEEK_NONE, last_week = IPT_REVIEW_WEEK_NONE;

  summary = ipt_store_load_case_summary (store, ipt_client_get_id (client), error);
  if (summary == NULL)
    return FALSE;
  sessions = ipt_store_list_sessions (store, episode_id, error);
  if (sessions == NULL)
    return FALSE;
  scores = ipt_store_list_scores (store, episode_id, error);
  if (scores == NULL)
    return FALSE;
  people = ipt_store_list_people (store, ipt_client_get_id (client), error);
  if (people == NULL)
    return FALSE;
  events = ipt_store_list_life_events (store, ipt_client_get_id (client), error);
  if (events == NULL)
    return FALSE;
  goals = ipt_store_list_goals (store, episode_id, error);
  if (goals == NULL)
    return FALSE;

  /* supervisors' own records from earlier review files go back; the practitioner's don't */
  {
    g_autoptr(GPtrArray) comments = NULL;
    g_autoptr(GPtrArray) reviews = NULL;
    g_autoptr(GPtrArray) entries = NULL;

    if (!ipt_store_list_merged_supervision (store, episode_id, &comments, &reviews, &entries,
                                            error))
      return FALSE;
    g_ptr_array_extend_and_steal (rc->comments, g_steal_pointer (&comments));
    g_ptr_array_extend_and_steal (rc->session_reviews, g_steal_pointer (&reviews));
    g_ptr_array_extend_and_steal (rc->supervision_log, g_steal_pointer (&entries));
  }

  rc->episode_id = episode_id;
  rc->status = ipt_episode_get_status (episode);
  rc->planned_sessions = ipt_episode_get_planned_sessions (episode);
  rc->assessment_end = ipt_episode_get_assessment_end (episode);
  rc->middle_end = ipt_episode_get_middle_end (episode);
  rc->focus = ipt_episode_get_focus (episode);
  rc->secondary_focus = ipt_episode_get_secondary_focus (episode);
  rc->dispute_stage = ipt_episode_get_dispute_stage (episode);
  rc->agreed_week = ipt_review_week_between (start, ipt_episode_get_agreed_on (episode));
  rc->sessions_attended = ipt_case_summary_get_sessions_attended (summary);
  rc->current_session = ipt_case_summary_get_current_session (summary);
  rc->phase = ipt_case_summary_get_phase (summary);
  rc->progress_text = g_strdup (ipt_case_summary_get_progress_text (summary));
  rc->shared = share;
  if (share & IPT_REVIEW_SHARE_FORMULATION)
    {
      rc->formulation = g_strdup (ipt_episode_get_formulation (episode));
      rc->old_role = g_strdup (ipt_episode_get_old_role (episode));
      rc->new_role = g_strdup (ipt_episode_get_new_role (episode));
    }

  signals = ipt_case_summary_get_signals (summary);
  for (guint i = 0; signals != NULL && i < signals->len; i++)
    g_ptr_array_add (rc->signals, ipt_signal_copy (g_ptr_array_index (signals, i)));
  if (ipt_case_summary_get_outcome (summary) != NULL)
    rc->outcome = ipt_outcome_copy (ipt_case_summary_get_outcome (summary));

  for (guint i = 0; i < people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (people, i);
      IptReviewPerson rp = { 0, };
      gint64 *key = g_new (gint64, 1);

      rp.label = person_label (person, i, client, people);
      rp.ring = ipt_person_get_ring (person);
      rp.ideal_ring = ipt_person_get_ideal_ring (person);
      rp.knows_about_mood = ipt_person_get_knows_about_mood (person);
      if (share & IPT_REVIEW_SHARE_INVENTORY_NOTES)
        rp.notes = join_person_notes (person);
      *key = ipt_person_get_id (person);
      g_hash_table_insert (labels, key, g_strdup (rp.label));
      g_array_append_val (rc->people, rp);
    }
  if (ipt_episode_get_focus_person_id (episode) != 0)
    {
      gint64 id = ipt_episode_get_focus_person_id (episode);

      rc->focus_person = g_strdup (g_hash_table_lookup (labels, &id));
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      IptReviewSession rs = { 0, };

      rs.number = ipt_session_get_number (session);
      rs.week = ipt_review_week_between (start, ipt_session_get_date (session));
      rs.attendance = ipt_session_get_attendance (session);
      rs.attendees = ipt_session_get_attendees (session);
      rs.duration = ipt_session_get_duration (session);
      rs.phase = ipt_session_get_phase (session);
      rs.tasks_done = ipt_session_get_tasks_done (session);
      if (share & IPT_REVIEW_SHARE_SESSION_NOTES)
        rs.note = join_session_notes (session);
      if (first_week == IPT_REVIEW_WEEK_NONE)
        first_week = rs.week;
      last_week = rs.week;
      g_hash_table_insert (session_numbers, g_memdup2 (&(gint64) { ipt_session_get_id (session) },
                                                       sizeof (gint64)),
                           GUINT_TO_POINTER (rs.number));
      g_array_append_val (rc->sessions, rs);
    }
  rc->weeks_running = first_week != IPT_REVIEW_WEEK_NONE && last_week != IPT_REVIEW_WEEK_NONE
                      ? last_week - first_week : 0;

  for (guint i = 0; i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);
      gint64 session_id = ipt_score_get_session_id (score);
      IptReviewScore rs = { 0, };

      rs.session = GPOINTER_TO_UINT (g_hash_table_lookup (session_numbers, &session_id));
      if (rs.session == 0)
        continue;
      g_strlcpy (rs.measure, ipt_score_get_measure_id (score), sizeof rs.measure);
      rs.total = ipt_score_get_total (score);
      rs.risk_item = ipt_score_get_risk_item (score);
      g_array_append_val (rc->scores, rs);
    }

  for (guint i = 0; i < events->len; i++)
    {
      IptLifeEvent *event = g_ptr_array_index (events, i);
      gint64 person_id = ipt_life_event_get_person_id (event);
      IptReviewEvent re = { 0, };

      re.week = ipt_review_week_between (start, ipt_life_event_get_date (event));
      re.impact = ipt_life_event_get_impact (event);
      if (person_id != 0)
        re.person = g_strdup (g_hash_table_lookup (labels, &person_id));
      if (share & IPT_REVIEW_SHARE_LIFE_EVENT_TITLES)
        re.title = g_strdup (ipt_life_event_get_title (event));
      g_array_append_val (rc->events, re);
    }

  for (guint i = 0; i < goals->len; i++)
    {
      IptGoal *goal = g_ptr_array_index (goals, i);
      IptReviewGoal rg = { 0, };

      rg.first_rating = ipt_goal_get_first_rating (goal);
      rg.latest_rating = ipt_goal_get_latest_rating (goal);
      if (share & IPT_REVIEW_SHARE_GOALS)
        rg.text = g_strdup (ipt_goal_get_text (goal));
      g_array_append_val (rc->goals, rg);
    }
  return TRUE;
}

GPtrArray *
ipt_deidentify_cases (IptStore           *store,
                      const char * const *codes,
                      GHashTable         *shares,
                      GError            **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) clients = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_review_case_unref);
  if (codes != NULL)
    {
      clients = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          GError *local_error = NULL;
          IptClient *client = ipt_store_find_client (store, codes[i], &local_error);

          if (client == NULL)
            {
              if (local_error != NULL)
                g_propagate_error (error, local_error);
              else
                g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                             _("No client with case code “%s” in the casebook"), codes[i]);
              return NULL;
            }
          g_ptr_array_add (clients, client);
        }
    }
  else
    {
      clients = ipt_store_list_clients (store, error);
      if (clients == NULL)
        return NULL;
    }

  for (guint i = 0; i < clients->len; i++)
    {
      IptClient *client = g_ptr_array_index (clients, i);
      const char *code = ipt_client_get_code (client);
      g_autoptr(IptEpisode) episode = NULL;
      g_autoptr(IptReviewCase) rc = NULL;
      GError *local_error = NULL;
      IptReviewShare share = IPT_REVIEW_SHARE_NONE;

      if (codes == NULL && ipt_client_get_archived (client))
        continue;
      episode = ipt_store_get_current_episode (store, ipt_client_get_id (client), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (episode == NULL)
        {
          if (codes == NULL)
            continue;
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                       _("%s has no course to review"), code);
          return NULL;
        }
      if (shares != NULL)
        share = GPOINTER_TO_UINT (g_hash_table_lookup (shares, code)) & IPT_REVIEW_SHARE_ALL;

      rc = ipt_review_case_new (code);
      if (!fill_case (store, client, episode, share, rc, error))
        return NULL;
      g_ptr_array_add (cases, g_steal_pointer (&rc));
    }

  return g_steal_pointer (&cases);
}
