/* Tests of the demo caseload generator. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-store-supervision.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Everything of a casebook in text, read through the store API. */

static void
dump_str (GString *out, const char *key, const char *value)
{
  g_string_append_printf (out, " %s=%s", key, value != NULL ? value : "(null)");
}

static void
dump_episode_content (IptStore *store, IptEpisode *ep, GString *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) comments = NULL;

  g_string_append_printf (out, "episode %" G_GINT64_FORMAT " ord=%u planned=%u ae=%u me=%u focus=%d sec=%d stage=%d fp=%" G_GINT64_FORMAT " status=%d",
                          ipt_episode_get_id (ep), ipt_episode_get_ordinal (ep),
                          ipt_episode_get_planned_sessions (ep), ipt_episode_get_assessment_end (ep),
                          ipt_episode_get_middle_end (ep), ipt_episode_get_focus (ep),
                          ipt_episode_get_secondary_focus (ep), ipt_episode_get_dispute_stage (ep),
                          ipt_episode_get_focus_person_id (ep), ipt_episode_get_status (ep));
  dump_str (out, "start", ipt_episode_get_start_date (ep));
  dump_str (out, "fdate", ipt_episode_get_focus_date (ep));
  dump_str (out, "old", ipt_episode_get_old_role (ep));
  dump_str (out, "new", ipt_episode_get_new_role (ep));
  dump_str (out, "form", ipt_episode_get_formulation (ep));
  dump_str (out, "agreed", ipt_episode_get_agreed_on (ep));
  dump_str (out, "end", ipt_episode_get_end_date (ep));
  dump_str (out, "reason", ipt_episode_get_end_reason (ep));
  g_string_append_c (out, '\n');

  sessions = ipt_store_list_sessions (store, ipt_episode_get_id (ep), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *s = g_ptr_array_index (sessions, i);

      g_string_append_printf (out, "session %" G_GINT64_FORMAT " n=%u att=%d who=%d dur=%u phase=%d tasks=%u",
                              ipt_session_get_id (s), ipt_session_get_number (s),
                              ipt_session_get_attendance (s), ipt_session_get_attendees (s),
                              ipt_session_get_duration (s), ipt_session_get_phase (s),
                              ipt_session_get_tasks_done (s));
      dump_str (out, "date", ipt_session_get_date (s));
      dump_str (out, "agenda", ipt_session_get_note_agenda (s));
      dump_str (out, "events", ipt_session_get_note_events (s));
      dump_str (out, "between", ipt_session_get_note_between (s));
      g_string_append_c (out, '\n');
    }

  scores = ipt_store_list_scores (store, ipt_episode_get_id (ep), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < scores->len; i++)
    {
      IptScore *sc = g_ptr_array_index (scores, i);
      guint n_items = 0;
      const int *items = ipt_score_get_items (sc, &n_items);

      g_string_append_printf (out, "score %" G_GINT64_FORMAT " session=%" G_GINT64_FORMAT " %s total=%d items=",
                              ipt_score_get_id (sc), ipt_score_get_session_id (sc),
                              ipt_score_get_measure_id (sc), ipt_score_get_total (sc));
      for (guint k = 0; k < n_items; k++)
        g_string_append_printf (out, "%d,", items[k]);
      g_string_append_c (out, '\n');
    }

  comments = ipt_store_list_comments (store, ipt_episode_get_id (ep), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < comments->len; i++)
    {
      IptComment *cm = g_ptr_array_index (comments, i);

      g_string_append_printf (out, "comment %" G_GINT64_FORMAT " n=%u", ipt_comment_get_id (cm),
                              ipt_comment_get_session_number (cm));
      dump_str (out, "author", ipt_comment_get_author (cm));
      dump_str (out, "created", ipt_comment_get_created_at (cm));
      dump_str (out, "text", ipt_comment_get_text (cm));
      g_string_append_c (out, '\n');
    }

  goals = ipt_store_list_goals (store, ipt_episode_get_id (ep), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < goals->len; i++)
    {
      IptGoal *g = g_ptr_array_index (goals, i);

      g_autoptr(GArray) ratings = ipt_store_list_goal_ratings (store, ipt_goal_get_id (g), &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "goal %" G_GINT64_FORMAT " %d %d", ipt_goal_get_id (g),
                              ipt_goal_get_first_rating (g), ipt_goal_get_latest_rating (g));
      dump_str (out, "text", ipt_goal_get_text (g));
      for (guint k = 0; k < ratings->len; k++)
        g_string_append_printf (out, " %u:%d", g_array_index (ratings, IptGoalRating, k).session_number,
                                g_array_index (ratings, IptGoalRating, k).rating);
      g_string_append_c (out, '\n');
    }
}

static char *
dump_casebook (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) clients = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  clients = ipt_store_list_clients (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < clients->len; i++)
    {
      IptClient *c = g_ptr_array_index (clients, i);
      gint64 id = ipt_client_get_id (c);
      g_autoptr(GPtrArray) episodes = NULL;
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GPtrArray) events = NULL;

      g_string_append_printf (out, "client %" G_GINT64_FORMAT " archived=%d", id, ipt_client_get_archived (c));
      dump_str (out, "code", ipt_client_get_code (c));
      dump_str (out, "given", ipt_client_get_given_name (c));
      dump_str (out, "family", ipt_client_get_family_name (c));
      dump_str (out, "preferred", ipt_client_get_preferred_name (c));
      dump_str (out, "birth", ipt_client_get_birth_date (c));
      dump_str (out, "phone", ipt_client_get_phone (c));
      dump_str (out, "email", ipt_client_get_email (c));
      dump_str (out, "referrer", ipt_client_get_referrer (c));
      dump_str (out, "notes", ipt_client_get_notes (c));
      dump_str (out, "created", ipt_client_get_created_at (c));
      dump_str (out, "updated", ipt_client_get_updated_at (c));
      g_string_append_c (out, '\n');

      people = ipt_store_list_people (store, id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < people->len; k++)
        {
          IptPerson *p = g_ptr_array_index (people, k);

          g_string_append_printf (out, "person %" G_GINT64_FORMAT " ring=%u ideal=%u knows=%d",
                                  ipt_person_get_id (p), ipt_person_get_ring (p),
                                  ipt_person_get_ideal_ring (p), ipt_person_get_knows_about_mood (p));
          dump_str (out, "name", ipt_person_get_name (p));
          dump_str (out, "rel", ipt_person_get_relationship (p));
          dump_str (out, "contact", ipt_person_get_contact (p));
          dump_str (out, "sat", ipt_person_get_satisfying (p));
          dump_str (out, "unsat", ipt_person_get_unsatisfying (p));
          dump_str (out, "changes", ipt_person_get_changes_wanted (p));
          g_string_append_c (out, '\n');
        }

      events = ipt_store_list_life_events (store, id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < events->len; k++)
        {
          IptLifeEvent *e = g_ptr_array_index (events, k);

          g_string_append_printf (out, "event %" G_GINT64_FORMAT " impact=%d person=%" G_GINT64_FORMAT,
                                  ipt_life_event_get_id (e), ipt_life_event_get_impact (e),
                                  ipt_life_event_get_person_id (e));
          dump_str (out, "date", ipt_life_event_get_date (e));
          dump_str (out, "title", ipt_life_event_get_title (e));
          g_string_append_c (out, '\n');
        }

      episodes = ipt_store_list_episodes (store, id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < episodes->len; k++)
        dump_episode_content (store, g_ptr_array_index (episodes, k), out);
    }
  return g_string_free (out, FALSE);
}

static void
generate_or_fail (const char *path, guint n, guint32 seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_demo_generate (path, n, seed, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------------------------------
 * Tests */

static void
test_deterministic (void)
{
  g_autofree char *a = tmp_path ("det-a.sqlite");
  g_autofree char *b = tmp_path ("det-b.sqlite");
  g_autofree char *c = tmp_path ("det-c.sqlite");
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_c = NULL;

  generate_or_fail (a, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT);
  generate_or_fail (b, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT);
  generate_or_fail (c, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT + 1);

  dump_a = dump_casebook (a);
  dump_b = dump_casebook (b);
  dump_c = dump_casebook (c);
  g_assert_cmpuint (strlen (dump_a), >, 100000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
}

/* A smaller demo holds the same first clients as a larger one. */
static void
test_prefix (void)
{
  g_autofree char *small = tmp_path ("prefix-12.sqlite");
  g_autofree char *large = tmp_path ("prefix-40.sqlite");
  g_autofree char *dump_small = NULL;
  g_autofree char *dump_large = NULL;

  generate_or_fail (small, 12, 7);
  generate_or_fail (large, 40, 7);
  dump_small = dump_casebook (small);
  dump_large = dump_casebook (large);
  g_assert_true (g_str_has_prefix (dump_large, dump_small));
  g_assert_cmpuint (strlen (dump_large), >, strlen (dump_small));
}

static void
test_refuses_existing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("existing.txt");
  g_autofree char *contents = NULL;
  g_autofree char *casebook = tmp_path ("existing.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *text = "not a casebook, and it must stay as it is\n";
  gsize len = 0;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_false (ipt_demo_generate (path, 5, 1, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpstr (contents, ==, text);
  g_assert_cmpuint (len, ==, strlen (text));

  /* a casebook (here an earlier demo) is not written over either */
  generate_or_fail (casebook, 3, 1);
  before = dump_casebook (casebook);
  g_assert_false (ipt_demo_generate (casebook, 5, 2, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS);
  after = dump_casebook (casebook);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("zero.sqlite");

  g_assert_false (ipt_demo_generate (path, 0, 1, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (ipt_demo_generate (path, IPT_DEMO_CLIENTS_MAX + 1, 1, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* What the default demo must show. */
typedef struct
{
  guint    n_clients;
  guint    n_courses;
  gboolean focus[5];
  gboolean secondary;
  gboolean stage[4];
  gboolean active_phase[4];
  gboolean outcome[6];
  gboolean planned_8, planned_12, planned_16;
  gboolean status[3];
  gboolean second_course;
  gboolean archived;
  gboolean maintenance;
  gboolean attendance[4];
  gboolean attendees[4];
  gboolean preferred_name;
  guint    risk_sessions;
  guint    active_latest_risk;
  guint    wsas;
  guint    comments;
} Coverage;

static gboolean
is_drama_phone (const char *phone)
{
  return g_regex_match_simple ("^(07700 900[0-9]{3}|01632 960[0-9]{3})$", phone, 0, 0);
}

static void
check_episode (IptStore *store, IptClient *client, IptEpisode *ep, GPtrArray *people,
               Coverage *cov)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GHashTable) by_session = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) phq = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  g_autoptr(GArray) gad = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  g_autoptr(IptCourseMap) course = NULL;
  gint64 episode_id = ipt_episode_get_id (ep);
  IptFocus focus = ipt_episode_get_focus (ep);
  guint planned = ipt_episode_get_planned_sessions (ep);
  guint ae, me;
  guint attended = 0;
  guint last_number = 0;
  int latest_item9 = -1;
  const char *prev_date = NULL;

  cov->n_courses++;
  g_assert_true (ipt_episode_validate (ep, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipt_episode_get_client_id (ep), ==, ipt_client_get_id (client));

  /* default boundaries for the planned length */
  ipt_phase_default_boundaries (planned, &ae, &me);
  g_assert_cmpuint (ipt_episode_get_assessment_end (ep), ==, ae);
  g_assert_cmpuint (ipt_episode_get_middle_end (ep), ==, me);
  cov->planned_8 |= planned == 8;
  cov->planned_12 |= planned == 12;
  cov->planned_16 |= planned == 16;
  cov->status[ipt_episode_get_status (ep)] = TRUE;
  cov->second_course |= ipt_episode_get_ordinal (ep) == 2;
  cov->focus[focus] = TRUE;
  cov->secondary |= ipt_episode_get_secondary_focus (ep) != IPT_FOCUS_NONE;
  g_assert_cmpstr (ipt_episode_get_start_date (ep), <=, IPT_DEMO_REFERENCE_DATE);
  g_assert_cmpstr (ipt_episode_get_start_date (ep), >=, "2025-01-01");

  /* focus fields */
  if (focus == IPT_FOCUS_GRIEF || focus == IPT_FOCUS_ROLE_DISPUTE)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < people->len; i++)
        found |= ipt_person_get_id (g_ptr_array_index (people, i)) == ipt_episode_get_focus_person_id (ep);
      g_assert_true (found);
    }
  if (focus == IPT_FOCUS_ROLE_DISPUTE)
    {
      g_assert_cmpint (ipt_episode_get_dispute_stage (ep), !=, IPT_DISPUTE_STAGE_NONE);
      cov->stage[ipt_episode_get_dispute_stage (ep)] = TRUE;
    }
  if (focus == IPT_FOCUS_GRIEF || focus == IPT_FOCUS_ROLE_TRANSITION)
    {
      g_assert_nonnull (ipt_episode_get_focus_date (ep));
      g_assert_cmpstr (ipt_episode_get_focus_date (ep), <, ipt_episode_get_start_date (ep));
    }
  if (focus == IPT_FOCUS_ROLE_TRANSITION)
    {
      g_assert_nonnull (ipt_episode_get_old_role (ep));
      g_assert_nonnull (ipt_episode_get_new_role (ep));
    }
  if (focus != IPT_FOCUS_NONE)
    {
      const char *formulation = ipt_episode_get_formulation (ep);

      g_assert_nonnull (formulation);
      g_assert_cmpuint (strlen (formulation), >, 120);
      /* personalised: the client's name is in it */
      g_assert_nonnull (strstr (formulation, ipt_client_get_preferred_name (client) != NULL
                                               ? ipt_client_get_preferred_name (client)
                                               : ipt_client_get_given_name (client)));
    }

  {
    g_autoptr(GPtrArray) comments = ipt_store_list_comments (store, episode_id, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < comments->len; i++)
      {
        IptComment *cm = g_ptr_array_index (comments, i);

        g_assert_true (ipt_comment_validate (cm, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (ipt_comment_get_created_at (cm), <=, IPT_DEMO_REFERENCE_DATE "T23:59:59");
        /* written by a supervisor who sees de-identified cases: no name */
        g_assert_null (strstr (ipt_comment_get_text (cm), ipt_client_get_given_name (client)));
        g_assert_null (strstr (ipt_comment_get_text (cm), ipt_client_get_family_name (client)));
        cov->comments++;
      }
    /* every one came back in a review file: the page lists it under Supervision */
    if (comments->len > 0)
      {
        g_autoptr(GPtrArray) merged = NULL;
        g_autoptr(GPtrArray) reviews = NULL;
        g_autoptr(GPtrArray) entries = NULL;

        g_assert_true (ipt_store_list_merged_supervision (store, episode_id, &merged, &reviews,
                                                          &entries, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (merged->len, ==, comments->len);
      }
  }

  goals = ipt_store_list_goals (store, episode_id, &error);
  g_assert_no_error (error);
  if (focus != IPT_FOCUS_NONE)
    {
      g_assert_cmpuint (goals->len, >=, 2);
      g_assert_cmpuint (goals->len, <=, 4);
    }
  for (guint i = 0; i < goals->len; i++)
    {
      IptGoal *g = g_ptr_array_index (goals, i);
      g_autoptr(GArray) ratings = ipt_store_list_goal_ratings (store, ipt_goal_get_id (g), &error);

      g_assert_no_error (error);
      g_assert_true (ipt_goal_validate (g, &error));
      g_assert_no_error (error);
      /* rated at sessions; the first and latest ratings are those of the first and last */
      g_assert_cmpuint (ratings->len, >=, 1);
      g_assert_cmpuint (ratings->len, <=, 3);
      g_assert_cmpint (ipt_goal_get_first_rating (g), ==, g_array_index (ratings, IptGoalRating, 0).rating);
      g_assert_cmpint (ipt_goal_get_latest_rating (g), ==,
                       g_array_index (ratings, IptGoalRating, ratings->len - 1).rating);
      /* the last rating is at an attended session of the contract */
      if (course == NULL)
        {
          g_autoptr(GPtrArray) all = ipt_store_list_sessions (store, episode_id, &error);

          g_assert_no_error (error);
          course = ipt_course_map_new_for_episode (ep, all);
        }
      g_assert_true (ipt_course_map_in_contract (course, g_array_index (ratings, IptGoalRating,
                                                                         ratings->len - 1)
                                                          .session_number));
    }

  /* sessions and their scores */
  sessions = ipt_store_list_sessions (store, episode_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);
  scores = ipt_store_list_scores (store, episode_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < scores->len; i++)
    {
      IptScore *sc = g_ptr_array_index (scores, i);
      gint64 sid = ipt_score_get_session_id (sc);
      GPtrArray *list = g_hash_table_lookup (by_session, &sid);

      g_assert_true (ipt_score_validate (sc, &error));
      g_assert_no_error (error);
      g_assert_true (ipt_score_has_items (sc));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_session, g_memdup2 (&sid, sizeof sid), list);
        }
      g_ptr_array_add (list, sc);
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *s = g_ptr_array_index (sessions, i);
      gint64 sid = ipt_session_get_id (s);
      GPtrArray *list = g_hash_table_lookup (by_session, &sid);
      guint n_scores = list != NULL ? list->len : 0;
      gboolean has_phq = FALSE, has_gad = FALSE, has_wsas = FALSE;

      g_assert_true (ipt_session_validate (s, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ipt_session_get_number (s), >, last_number);
      last_number = ipt_session_get_number (s);
      g_assert_cmpstr (ipt_session_get_date (s), <=, IPT_DEMO_REFERENCE_DATE);
      g_assert_cmpstr (ipt_session_get_date (s), >=, ipt_episode_get_start_date (ep));
      if (prev_date != NULL)
        g_assert_cmpstr (ipt_session_get_date (s), >, prev_date);
      prev_date = ipt_session_get_date (s);
      cov->attendance[ipt_session_get_attendance (s)] = TRUE;
      if (ipt_session_get_phase (s) == IPT_PHASE_MAINTENANCE)
        {
          cov->maintenance = TRUE;
          g_assert_cmpint (ipt_episode_get_status (ep), ==, IPT_EPISODE_STATUS_ENDED);
          /* after the end date: the contract had been attended in full */
          g_assert_cmpstr (ipt_session_get_date (s), >, ipt_episode_get_end_date (ep));
        }

      if (!ipt_session_get_attended (s))
        {
          g_assert_cmpuint (n_scores, ==, 0);
          continue;
        }

      cov->attendees[ipt_session_get_attendees (s)] = TRUE;
      g_assert_cmpuint (ipt_session_get_duration (s), >=, 45);
      g_assert_cmpuint (ipt_session_get_duration (s), <=, 50);
      g_assert_nonnull (ipt_session_get_note_events (s));
      for (guint k = 0; k < n_scores; k++)
        {
          IptScore *sc = g_ptr_array_index (list, k);
          const char *m = ipt_score_get_measure_id (sc);

          if (g_str_equal (m, "phq9"))
            {
              int total = ipt_score_get_total (sc);

              IptSeriesPoint point = { ipt_session_get_number (s), total, IPT_ITEM_MISSING };

              has_phq = TRUE;
              g_array_append_val (phq, point);
              latest_item9 = ipt_score_get_risk_item (sc);
              if (ipt_score_get_risk (sc))
                cov->risk_sessions++;
            }
          else if (g_str_equal (m, "gad7"))
            {
              int total = ipt_score_get_total (sc);
              IptSeriesPoint point = { ipt_session_get_number (s), total, IPT_ITEM_MISSING };

              has_gad = TRUE;
              g_array_append_val (gad, point);
            }
          else if (g_str_equal (m, "wsas"))
            has_wsas = TRUE;
          else
            g_assert_not_reached ();
        }
      /* PHQ-9 and GAD-7 at every attended session, WSAS at the 1st, 5th, 9th, ... */
      g_assert_true (has_phq);
      g_assert_true (has_gad);
      g_assert_cmpint (has_wsas, ==, attended % 4 == 0);
      cov->wsas += has_wsas;
      attended++;
    }
  g_assert_cmpuint (attended, >=, 1);

  if (course == NULL)
    course = ipt_course_map_new_for_episode (ep, sessions);
  if (ipt_episode_get_status (ep) == IPT_EPISODE_STATUS_ACTIVE)
    {
      /* the phase of the latest attended session, counting attended sessions */
      cov->active_phase[ipt_course_map_get_phase (course)] = TRUE;
      g_assert_cmpuint (ipt_course_map_get_maintenance (course), ==, 0);
      if (latest_item9 > 0)
        cov->active_latest_risk++;
      g_assert_null (ipt_episode_get_end_date (ep));
    }
  else
    {
      g_autoptr(IptOutcome) outcome = NULL;

      /* an ended contract was attended in full; maintenance stays out of the outcome */
      if (ipt_episode_get_status (ep) == IPT_EPISODE_STATUS_ENDED)
        g_assert_cmpuint (ipt_course_map_get_attended (course), ==, planned);
      outcome = ipt_course_map_compute_outcome (course, (IptSeriesPoint *) (void *) phq->data,
                                                phq->len, (IptSeriesPoint *) (void *) gad->data,
                                                gad->len);

      cov->outcome[outcome->category] = TRUE;
      g_assert_nonnull (ipt_episode_get_end_date (ep));
      g_assert_cmpstr (ipt_episode_get_end_date (ep), <=, IPT_DEMO_REFERENCE_DATE);
    }
}

static void
check_caseload (const char *path, Coverage *cov)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) clients = NULL;

  g_assert_no_error (error);
  clients = ipt_store_list_clients (store, &error);
  g_assert_no_error (error);
  cov->n_clients = clients->len;

  for (guint i = 0; i < clients->len; i++)
    {
      IptClient *c = g_ptr_array_index (clients, i);
      gint64 id = ipt_client_get_id (c);
      g_autofree char *code = g_strdup_printf ("C-%04u", i + 1);
      g_autofree char *email = NULL;
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GPtrArray) episodes = NULL;
      guint ended_before = 0;

      g_assert_true (ipt_client_validate (c, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (ipt_client_get_code (c), ==, code);
      g_assert_nonnull (ipt_client_get_given_name (c));
      g_assert_nonnull (ipt_client_get_family_name (c));
      g_assert_true (is_drama_phone (ipt_client_get_phone (c)));
      g_assert_true (g_str_has_suffix (ipt_client_get_email (c), "@example.org"));
      email = g_ascii_strdown (ipt_client_get_given_name (c), -1);
      g_assert_true (g_str_has_prefix (ipt_client_get_email (c), email));
      g_assert_nonnull (ipt_client_get_referrer (c));
      g_assert_nonnull (strstr (ipt_client_get_notes (c), "ictional"));
      /* adults of 18 to 75 on the reference day */
      g_assert_cmpstr (ipt_client_get_birth_date (c), >=, "1950-10-30");
      g_assert_cmpstr (ipt_client_get_birth_date (c), <=, "2008-10-30");
      cov->archived |= ipt_client_get_archived (c);
      cov->preferred_name |= ipt_client_get_preferred_name (c) != NULL;

      people = ipt_store_list_people (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, >=, 3);
      g_assert_cmpuint (people->len, <=, 7);
      for (guint k = 0; k < people->len; k++)
        {
          IptPerson *p = g_ptr_array_index (people, k);

          g_assert_true (ipt_person_validate (p, &error));
          g_assert_no_error (error);
          g_assert_nonnull (ipt_person_get_relationship (p));
          g_assert_nonnull (ipt_person_get_contact (p));
        }

      events = ipt_store_list_life_events (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (events->len, >=, 2);
      g_assert_cmpuint (events->len, <=, 4);
      for (guint k = 0; k < events->len; k++)
        {
          IptLifeEvent *e = g_ptr_array_index (events, k);

          g_assert_true (ipt_life_event_validate (e, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (ipt_life_event_get_date (e), <=, IPT_DEMO_REFERENCE_DATE);
          g_assert_cmpstr (ipt_life_event_get_date (e), >, ipt_client_get_birth_date (c));
        }

      episodes = ipt_store_list_episodes (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (episodes->len, >=, 1);
      g_assert_cmpuint (episodes->len, <=, 2);
      for (guint k = 0; k < episodes->len; k++)
        {
          IptEpisode *ep = g_ptr_array_index (episodes, k);

          g_assert_cmpuint (ipt_episode_get_ordinal (ep), ==, k + 1);
          /* a second course only after the first one ended */
          if (k > 0)
            g_assert_cmpuint (ended_before, ==, k);
          if (ipt_episode_get_status (ep) != IPT_EPISODE_STATUS_ACTIVE)
            ended_before++;
          check_episode (store, c, ep, people, cov);
        }
      if (ipt_client_get_archived (c))
        g_assert_cmpuint (ended_before, ==, episodes->len);
    }
}

/* Session count and phase as a clinician counts them by hand: attended sessions only, up to the
 * contract and up to the day the course ended; missed appointments count for nothing. */
static char *
progress_by_hand (IptStore   *store,
                  IptEpisode *ep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = ipt_store_list_sessions (store, ipt_episode_get_id (ep), &error);
  const char *end = ipt_episode_get_end_date (ep);
  guint planned = ipt_episode_get_planned_sessions (ep);
  guint ae = ipt_episode_get_assessment_end (ep), me = ipt_episode_get_middle_end (ep);
  guint n = 0;
  gboolean maintenance = FALSE;
  const char *phase;

  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *s = g_ptr_array_index (sessions, i);

      if (ipt_session_get_attendance (s) != IPT_ATTENDANCE_ATTENDED)
        continue;
      if (n == planned || (end != NULL && strcmp (ipt_session_get_date (s), end) > 0))
        maintenance = TRUE;
      else
        n++;
    }

  switch (ipt_episode_get_status (ep))
    {
    case IPT_EPISODE_STATUS_ENDED:
      return g_strdup_printf (n == 1 ? "Ended after %u session" : "Ended after %u sessions", n);
    case IPT_EPISODE_STATUS_DROPPED_OUT:
      return g_strdup_printf (n == 1 ? "Dropped out after %u session"
                                     : "Dropped out after %u sessions", n);
    case IPT_EPISODE_STATUS_ACTIVE:
    default:
      break;
    }
  if (n == 0)
    return g_strdup_printf ("Not started · %u sessions planned", planned);
  phase = maintenance ? "Maintenance" : n <= ae ? "Assessment" : n <= me ? "Middle" : "End";
  return g_strdup_printf ("Session %u of %u · %s", n, planned, phase);
}

static void
test_default_caseload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("default.sqlite");
  Coverage cov = { 0 };
  gboolean signal[IPT_SIGNAL_NO_SCORES + 1] = { FALSE };

  generate_or_fail (path, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT);
  check_caseload (path, &cov);

  /* the caseload shows every signal a course can have */
  {
    g_autoptr(IptStore) store = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) caseload = NULL;

    g_assert_no_error (error);
    caseload = ipt_store_load_caseload (store, &error);
    g_assert_no_error (error);

    /* every course shows the count and phase of its attended sessions */
    for (guint i = 0; i < caseload->len; i++)
      {
        IptCaseSummary *summary = g_ptr_array_index (caseload, i);
        g_autofree char *expected = NULL;

        if (ipt_case_summary_get_episode (summary) == NULL)
          continue;
        expected = progress_by_hand (store, ipt_case_summary_get_episode (summary));
        g_assert_cmpstr (ipt_case_summary_get_progress_text (summary), ==, expected);
      }
    g_clear_pointer (&caseload, g_ptr_array_unref);
    caseload = ipt_store_load_caseload (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (caseload->len, ==, IPT_DEMO_CLIENTS_DEFAULT);
    for (guint i = 0; i < caseload->len; i++)
      signal[ipt_case_summary_get_signal_kind (g_ptr_array_index (caseload, i))] = TRUE;
  }
  g_assert_true (signal[IPT_SIGNAL_RISK]);
  g_assert_true (signal[IPT_SIGNAL_DETERIORATION]);
  g_assert_true (signal[IPT_SIGNAL_NOT_ON_TRACK]);
  g_assert_true (signal[IPT_SIGNAL_ON_TRACK]);
  g_assert_true (signal[IPT_SIGNAL_OUTCOME]);

  g_assert_cmpuint (cov.n_clients, ==, IPT_DEMO_CLIENTS_DEFAULT);
  g_assert_cmpuint (cov.n_courses, >, IPT_DEMO_CLIENTS_DEFAULT);
  for (IptFocus f = IPT_FOCUS_GRIEF; f <= IPT_FOCUS_INTERPERSONAL_SENSITIVITY; f++)
    g_assert_true (cov.focus[f]);
  g_assert_true (cov.secondary);
  g_assert_true (cov.stage[IPT_DISPUTE_STAGE_RENEGOTIATION]);
  g_assert_true (cov.stage[IPT_DISPUTE_STAGE_IMPASSE]);
  g_assert_true (cov.stage[IPT_DISPUTE_STAGE_DISSOLUTION]);
  g_assert_true (cov.active_phase[IPT_PHASE_ASSESSMENT]);
  g_assert_true (cov.active_phase[IPT_PHASE_MIDDLE]);
  g_assert_true (cov.active_phase[IPT_PHASE_END]);
  g_assert_true (cov.outcome[IPT_OUTCOME_RELIABLE_RECOVERY]);
  g_assert_true (cov.outcome[IPT_OUTCOME_RECOVERY]);
  g_assert_true (cov.outcome[IPT_OUTCOME_RELIABLE_IMPROVEMENT]);
  g_assert_true (cov.outcome[IPT_OUTCOME_RELIABLE_DETERIORATION]);
  g_assert_true (cov.outcome[IPT_OUTCOME_NO_RELIABLE_CHANGE]);
  g_assert_true (cov.outcome[IPT_OUTCOME_INSUFFICIENT_DATA]);
  g_assert_true (cov.planned_8 && cov.planned_12 && cov.planned_16);
  g_assert_true (cov.status[IPT_EPISODE_STATUS_ACTIVE]);
  g_assert_true (cov.status[IPT_EPISODE_STATUS_ENDED]);
  g_assert_true (cov.status[IPT_EPISODE_STATUS_DROPPED_OUT]);
  g_assert_true (cov.second_course);
  g_assert_true (cov.archived);
  g_assert_true (cov.maintenance);
  g_assert_true (cov.preferred_name);
  g_assert_true (cov.attendance[IPT_ATTENDANCE_ATTENDED]);
  g_assert_true (cov.attendance[IPT_ATTENDANCE_DID_NOT_ATTEND]);
  g_assert_true (cov.attendance[IPT_ATTENDANCE_CANCELLED_BY_CLIENT]);
  g_assert_true (cov.attendance[IPT_ATTENDANCE_CANCELLED_BY_PRACTITIONER]);
  g_assert_true (cov.attendees[IPT_ATTENDEES_CLIENT_ALONE]);
  g_assert_true (cov.attendees[IPT_ATTENDEES_WITH_PARTNER]);
  g_assert_true (cov.attendees[IPT_ATTENDEES_WITH_FAMILY_MEMBER]);
  g_assert_cmpuint (cov.risk_sessions, >=, 3);
  g_assert_cmpuint (cov.active_latest_risk, >=, 2);
  g_assert_cmpuint (cov.wsas, >, 0);
  g_assert_cmpuint (cov.comments, >, 0);
}

/* The first twelve clients already show every focus, phase and outcome. */
static void
test_small_caseload (void)
{
  g_autofree char *path = tmp_path ("small.sqlite");
  g_autofree char *one = tmp_path ("one.sqlite");
  Coverage cov = { 0 };
  Coverage cov_one = { 0 };

  generate_or_fail (path, 12, 99);
  check_caseload (path, &cov);
  g_assert_cmpuint (cov.n_clients, ==, 12);
  for (IptFocus f = IPT_FOCUS_GRIEF; f <= IPT_FOCUS_INTERPERSONAL_SENSITIVITY; f++)
    g_assert_true (cov.focus[f]);
  for (IptPhase p = IPT_PHASE_ASSESSMENT; p <= IPT_PHASE_END; p++)
    g_assert_true (cov.active_phase[p]);
  for (guint o = 0; o < G_N_ELEMENTS (cov.outcome); o++)
    g_assert_true (cov.outcome[o]);

  generate_or_fail (one, 1, 99);
  check_caseload (one, &cov_one);
  g_assert_cmpuint (cov_one.n_clients, ==, 1);
}


int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  dir = g_dir_make_tmp ("ipt-test-demo-XXXXXX", NULL);
  g_assert_nonnull (dir);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  tmp_dir = dir;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/prefix", test_prefix);
  g_test_add_func ("/demo/refuses-existing", test_refuses_existing);
  g_test_add_func ("/demo/bad-count", test_bad_count);
  g_test_add_func ("/demo/default-caseload", test_default_caseload);
  g_test_add_func ("/demo/small-caseload", test_small_caseload);
  status = g_test_run ();

  /* clean up the temporary directory */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return status;
}
