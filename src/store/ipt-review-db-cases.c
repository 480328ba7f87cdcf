/* Reading the de-identified cases of a review database. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-review-db.h"
#include "ipt-review-db-private.h"
#include "ipt-store.h"

#include <glib/gi18n.h>

static IptReviewCase *
case_from_row (Stmt *stmt)
{
  IptReviewCase *rc = ipt_review_case_new (COL_TEXT (stmt, 1));
  IptOutcomeCategory category;

  rc->episode_id = sqlite3_column_int64 (stmt, 0);
  ipt_episode_status_from_id (COL_TEXT (stmt, 2), &rc->status);
  rc->planned_sessions = sqlite3_column_int (stmt, 3);
  rc->assessment_end = sqlite3_column_int (stmt, 4);
  rc->middle_end = sqlite3_column_int (stmt, 5);
  rc->focus = IPT_FOCUS_NONE;
  ipt_focus_from_id (COL_TEXT (stmt, 6), &rc->focus);
  rc->secondary_focus = IPT_FOCUS_NONE;
  ipt_focus_from_id (COL_TEXT (stmt, 7), &rc->secondary_focus);
  rc->dispute_stage = IPT_DISPUTE_STAGE_NONE;
  ipt_dispute_stage_from_id (COL_TEXT (stmt, 8), &rc->dispute_stage);
  rc->focus_person = g_strdup (COL_TEXT (stmt, 9));
  rc->agreed_week = _ipt_review_db_column_int_or (stmt, 10, IPT_REVIEW_WEEK_NONE);
  rc->weeks_running = sqlite3_column_int (stmt, 11);
  rc->sessions_attended = sqlite3_column_int (stmt, 12);
  rc->current_session = sqlite3_column_int (stmt, 13);
  ipt_phase_from_id (COL_TEXT (stmt, 14), &rc->phase);
  rc->progress_text = g_strdup (COL_TEXT (stmt, 15));
  rc->shared = sqlite3_column_int (stmt, 16) & IPT_REVIEW_SHARE_ALL;
  rc->formulation = g_strdup (COL_TEXT (stmt, 17));
  rc->old_role = g_strdup (COL_TEXT (stmt, 18));
  rc->new_role = g_strdup (COL_TEXT (stmt, 19));
  if (ipt_outcome_category_from_id (COL_TEXT (stmt, 20), &category))
    {
      IptOutcome *o = g_new0 (IptOutcome, 1);

      o->category = category;
      o->rule = g_strdup (COL_TEXT (stmt, 21));
      o->finished_treatment = sqlite3_column_int (stmt, 22);
      o->caseness = sqlite3_column_int (stmt, 23);
      o->recovery = sqlite3_column_int (stmt, 24);
      o->reliable_improvement = sqlite3_column_int (stmt, 25);
      o->reliable_deterioration = sqlite3_column_int (stmt, 26);
      o->reliable_recovery = sqlite3_column_int (stmt, 27);
      o->has_gad7 = sqlite3_column_int (stmt, 28);
      o->phq9_first = _ipt_review_db_column_int_or (stmt, 29, IPT_TOTAL_NONE);
      o->phq9_last = _ipt_review_db_column_int_or (stmt, 30, IPT_TOTAL_NONE);
      o->gad7_first = _ipt_review_db_column_int_or (stmt, 31, IPT_TOTAL_NONE);
      o->gad7_last = _ipt_review_db_column_int_or (stmt, 32, IPT_TOTAL_NONE);
      o->n_phq9 = sqlite3_column_int (stmt, 33);
      rc->outcome = o;
    }
  return rc;
}

static gboolean
read_details (IptReviewDb  *self,
              GHashTable   *by_episode,
              GError      **error)
{
  g_autoptr(Stmt) sessions = _ipt_review_db_prepare (self,
    "SELECT episode_id, number, week, attendance, attendees, duration, phase, tasks_done, note "
    "FROM sessions ORDER BY episode_id, number", error);
  g_autoptr(Stmt) scores = _ipt_review_db_prepare (self,
    "SELECT episode_id, session, measure, total, risk_item FROM scores "
    "ORDER BY episode_id, session, measure", error);
  g_autoptr(Stmt) people = _ipt_review_db_prepare (self,
    "SELECT episode_id, label, ring, ideal_ring, knows_about_mood, notes FROM people "
    "ORDER BY episode_id, position", error);
  g_autoptr(Stmt) events = _ipt_review_db_prepare (self,
    "SELECT episode_id, week, impact, person, title FROM life_events "
    "ORDER BY episode_id, position", error);
  g_autoptr(Stmt) goals = _ipt_review_db_prepare (self,
    "SELECT episode_id, text, first_rating, latest_rating FROM goals "
    "ORDER BY episode_id, position", error);
  g_autoptr(Stmt) signals = _ipt_review_db_prepare (self,
    "SELECT episode_id, kind, rule FROM signals ORDER BY episode_id, position", error);
  IptReviewCase *rc;
  gint64 id;

  if (sessions == NULL || scores == NULL || people == NULL || events == NULL || goals == NULL ||
      signals == NULL)
    return FALSE;

#define CASE_OF(stmt) (id = sqlite3_column_int64 ((stmt), 0), \
                       rc = g_hash_table_lookup (by_episode, &id))
  while (sqlite3_step (sessions) == SQLITE_ROW)
    if (CASE_OF (sessions) != NULL)
      {
        IptReviewSession s = { 0, };

        s.number = sqlite3_column_int (sessions, 1);
        s.week = _ipt_review_db_column_int_or (sessions, 2, IPT_REVIEW_WEEK_NONE);
        ipt_attendance_from_id (COL_TEXT (sessions, 3), &s.attendance);
        ipt_attendees_from_id (COL_TEXT (sessions, 4), &s.attendees);
        s.duration = _ipt_review_db_column_int_or (sessions, 5, 0);
        ipt_phase_from_id (COL_TEXT (sessions, 6), &s.phase);
        s.tasks_done = sqlite3_column_int (sessions, 7);
        s.note = g_strdup (COL_TEXT (sessions, 8));
        g_array_append_val (rc->sessions, s);
      }
  while (sqlite3_step (scores) == SQLITE_ROW)
    if (CASE_OF (scores) != NULL)
      {
        IptReviewScore s = { 0, };

        s.session = sqlite3_column_int (scores, 1);
        g_strlcpy (s.measure, COL_TEXT (scores, 2) != NULL ? COL_TEXT (scores, 2) : "",
                   sizeof s.measure);
        s.total = _ipt_review_db_column_int_or (scores, 3, IPT_TOTAL_NONE);
        s.risk_item = _ipt_review_db_column_int_or (scores, 4, IPT_ITEM_MISSING);
        g_array_append_val (rc->scores, s);
      }
  while (sqlite3_step (people) == SQLITE_ROW)
    if (CASE_OF (people) != NULL)
      {
        IptReviewPerson p = { 0, };

        p.label = g_strdup (COL_TEXT (people, 1));
        p.ring = sqlite3_column_int (people, 2);
        p.ideal_ring = _ipt_review_db_column_int_or (people, 3, 0);
        p.knows_about_mood = sqlite3_column_int (people, 4);
        p.notes = g_strdup (COL_TEXT (people, 5));
        g_array_append_val (rc->people, p);
      }
  while (sqlite3_step (events) == SQLITE_ROW)
    if (CASE_OF (events) != NULL)
      {
        IptReviewEvent e = { 0, };

        e.week = _ipt_review_db_column_int_or (events, 1, IPT_REVIEW_WEEK_NONE);
        e.impact = sqlite3_column_int (events, 2);
        e.person = g_strdup (COL_TEXT (events, 3));
        e.title = g_strdup (COL_TEXT (events, 4));
        g_array_append_val (rc->events, e);
      }
  while (sqlite3_step (goals) == SQLITE_ROW)
    if (CASE_OF (goals) != NULL)
      {
        IptReviewGoal g = { 0, };

        g.text = g_strdup (COL_TEXT (goals, 1));
        g.first_rating = _ipt_review_db_column_int_or (goals, 2, IPT_GOAL_RATING_NONE);
        g.latest_rating = _ipt_review_db_column_int_or (goals, 3, IPT_GOAL_RATING_NONE);
        g_array_append_val (rc->goals, g);
      }
  while (sqlite3_step (signals) == SQLITE_ROW)
    if (CASE_OF (signals) != NULL)
      {
        IptSignal *s = g_new0 (IptSignal, 1);
        s->kind = IPT_SIGNAL_NO_SCORES;
        ipt_signal_kind_from_id (COL_TEXT (signals, 1), &s->kind);
        s->rule = g_strdup (COL_TEXT (signals, 2));
        g_ptr_array_add (rc->signals, s);
      }
#undef CASE_OF
  return TRUE;
}

GPtrArray *
ipt_review_db_list_cases (IptReviewDb *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) by_episode = NULL;
  g_autoptr(Stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (self), NULL);

  stmt = _ipt_review_db_prepare (self,
    "SELECT episode_id, code, status, planned_sessions, assessment_end, middle_end, focus, "
    "secondary_focus, dispute_stage, focus_person, agreed_week, weeks_running, "
    "sessions_attended, current_session, phase, progress_text, shared, formulation, old_role, "
    "new_role, outcome, outcome_rule, finished_treatment, caseness, recovery, "
    "reliable_improvement, reliable_deterioration, reliable_recovery, has_gad7, phq9_first, "
    "phq9_last, gad7_first, gad7_last, n_phq9 FROM cases ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_review_case_unref);
  by_episode = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptReviewCase *review_case = case_from_row (stmt);

      g_ptr_array_add (cases, review_case);
      g_hash_table_insert (by_episode, &review_case->episode_id, review_case);
    }
  if (rc != SQLITE_DONE)
    {
      _ipt_review_db_fail (self->db, rc, error);
      return NULL;
    }
  if (!read_details (self, by_episode, error))
    return NULL;
  return g_steal_pointer (&cases);
}

