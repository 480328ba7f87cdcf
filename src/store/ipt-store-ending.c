/* Ending a course and its undo, maintenance contracts, starting the next course. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-casework.h"
#include "ipt-store-casework-private.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

/* What the ending rules need to know of a course. */
typedef struct
{
  gint64            client_id;
  guint             ordinal;
  IptEpisodeStatus  status;
  char             *start_date;
  char             *end_date;
} CourseState;

static void
course_state_clear (CourseState *state)
{
  g_clear_pointer (&state->start_date, g_free);
  g_clear_pointer (&state->end_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CourseState, course_state_clear)

static gboolean
read_course_state (IptStore    *self,
                   gint64       episode_id,
                   CourseState *state,
                   GError     **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  stmt = _ipt_store_prepare (self,
                             "SELECT client_id, ordinal, status, start_date, end_date "
                             "FROM episodes WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return _ipt_store_not_found (error, "course", episode_id);
  if (rc != SQLITE_ROW)
    return _ipt_store_fail (self, rc, error);

  state->client_id = sqlite3_column_int64 (stmt, 0);
  state->ordinal = sqlite3_column_int (stmt, 1);
  state->status = IPT_EPISODE_STATUS_ACTIVE;
  ipt_episode_status_from_id (COL_TEXT (stmt, 2), &state->status);
  state->start_date = g_strdup (COL_TEXT (stmt, 3));
  state->end_date = g_strdup (COL_TEXT (stmt, 4));
  return TRUE;
}

/* Counts the rows of a query with one id parameter; -1 on failure. */
static gint64
count_rows (IptStore   *self,
            const char *sql,
            gint64      id,
            GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Ending a course */

static gboolean
insert_ending (IptStore         *self,
               IptCourseEnding  *ending,
               GError          **error)
{
  g_autoptr(IptStmt) insert = NULL;

  insert = _ipt_store_prepare (self,
                               "INSERT OR REPLACE INTO course_endings (episode_id, reason, "
                               "warning_signs, what_helped, people_to_turn_to, "
                               "if_signs_return, maintenance_offered) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, ipt_course_ending_get_episode_id (ending));
  _ipt_bind_text (insert, 2, ipt_end_reason_to_id (ipt_course_ending_get_reason (ending)));
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    _ipt_bind_optional_text (insert, 3 + i, ipt_course_ending_get_text (ending, i));
  sqlite3_bind_int (insert, 7, ipt_course_ending_get_maintenance_offered (ending) ? 1 : 0);
  return _ipt_store_step_done (self, insert, error);
}

gboolean
_ipt_store_write_course_ending (IptStore         *self,
                                IptCourseEnding  *ending,
                                GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (ending), FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  ok = insert_ending (self, ending, error);
  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
ipt_store_end_course (IptStore         *self,
                      IptCourseEnding  *ending,
                      GError          **error)
{
  g_auto(CourseState) state = { 0, };
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) update = NULL;
  gint64 episode_id;
  IptEndReason reason;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (ending), FALSE);

  episode_id = ipt_course_ending_get_episode_id (ending);
  reason = ipt_course_ending_get_reason (ending);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_course_state (self, episode_id, &state, error);
  if (ok && state.status != IPT_EPISODE_STATUS_ACTIVE)
    {
      if (state.end_date != NULL)
        /* TRANSLATORS: %s is the date the course ended, YYYY-MM-DD */
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                     _("The course already ended on %s"), state.end_date);
      else
        g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                             _("The course already ended"));
      ok = FALSE;
    }
  if (ok && !ipt_course_ending_validate (ending, state.start_date, NULL, &model_error))
    ok = _ipt_store_model_refused (&model_error, error);
  if (ok)
    {
      /* The ending is the day of the last session or after it. */
      g_autoptr(IptStmt) last = _ipt_store_prepare (self,
                                                    "SELECT max (date) FROM sessions "
                                                    "WHERE episode_id = ?1",
                                                    error);

      ok = last != NULL;
      if (ok)
        {
          int rc;

          sqlite3_bind_int64 (last, 1, episode_id);
          rc = sqlite3_step (last);
          ok = rc == SQLITE_ROW || _ipt_store_fail (self, rc, error);
          if (ok && sqlite3_column_type (last, 0) != SQLITE_NULL
              && g_strcmp0 (COL_TEXT (last, 0), ipt_course_ending_get_end_date (ending)) > 0)
            {
              g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           _("End date %s is before the course’s last session (%s)"),
                           ipt_course_ending_get_end_date (ending), COL_TEXT (last, 0));
              ok = FALSE;
            }
        }
    }
  if (ok)
    {
      update = _ipt_store_prepare (self,
                                   "UPDATE episodes SET status = ?2, end_date = ?3, "
                                   "end_reason = ?4 WHERE id = ?1",
                                   error);
      ok = update != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (update, 1, episode_id);
      _ipt_bind_text (update, 2, ipt_episode_status_to_id (reason == IPT_END_REASON_DROPPED_OUT
                                                           ? IPT_EPISODE_STATUS_DROPPED_OUT
                                                           : IPT_EPISODE_STATUS_ENDED));
      _ipt_bind_text (update, 3, ipt_course_ending_get_end_date (ending));
      _ipt_bind_text (update, 4, ipt_end_reason_to_id (reason));
      ok = _ipt_store_write_row (self, update, "course", episode_id, error);
    }
  if (ok)
    ok = insert_ending (self, ending, error);

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
ipt_store_reopen_course (IptStore *self,
                         gint64    episode_id,
                         GError  **error)
{
  g_auto(CourseState) state = { 0, };
  g_autoptr(IptStmt) update = NULL;
  g_autoptr(IptStmt) remove = NULL;
  gint64 n;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_course_state (self, episode_id, &state, error);
  if (ok && state.status == IPT_EPISODE_STATUS_ACTIVE)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                           _("The course is still running: there is no ending to undo"));
      ok = FALSE;
    }
  if (ok)
    {
      n = count_rows (self, "SELECT count(*) FROM maintenance_contracts WHERE episode_id = ?1",
                      episode_id, error);
      ok = n >= 0;
      if (n > 0)
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                               _("A maintenance contract follows the course: undo it first"));
          ok = FALSE;
        }
    }
  if (ok)
    {
      n = count_rows (self,
                      "SELECT count(*) FROM episodes e JOIN episodes later "
                      "ON later.client_id = e.client_id AND later.ordinal > e.ordinal "
                      "WHERE e.id = ?1",
                      episode_id, error);
      ok = n >= 0;
      if (n > 0)
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                               _("A later course of the client has started: this one stays ended"));
          ok = FALSE;
        }
    }
  if (ok)
    {
      remove = _ipt_store_prepare (self, "DELETE FROM course_endings WHERE episode_id = ?1", error);
      ok = remove != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (remove, 1, episode_id);
          ok = _ipt_store_step_done (self, remove, error);
        }
    }
  if (ok)
    {
      update = _ipt_store_prepare (self,
                                   "UPDATE episodes SET status = 'active', end_date = NULL, "
                                   "end_reason = NULL WHERE id = ?1",
                                   error);
      ok = update != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (update, 1, episode_id);
          ok = _ipt_store_write_row (self, update, "course", episode_id, error);
        }
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

IptCourseEnding *
ipt_store_get_course_ending (IptStore *self,
                             gint64    episode_id,
                             GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  IptCourseEnding *ending;
  IptEndReason reason = IPT_END_REASON_COMPLETED;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT e.end_date, c.reason, c.warning_signs, c.what_helped, "
                             "c.people_to_turn_to, c.if_signs_return, c.maintenance_offered "
                             "FROM course_endings c JOIN episodes e ON e.id = c.episode_id "
                             "WHERE c.episode_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }

  ipt_end_reason_from_id (COL_TEXT (stmt, 1), &reason);
  ending = ipt_course_ending_new (episode_id, COL_TEXT (stmt, 0), reason);
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    ipt_course_ending_set_text (ending, i, COL_TEXT (stmt, 2 + i));
  ipt_course_ending_set_maintenance_offered (ending, sqlite3_column_int (stmt, 6) != 0);
  return ending;
}

/* Maintenance */

gboolean
ipt_store_start_maintenance (IptStore        *self,
                             IptMaintenance  *contract,
                             GError         **error)
{
  g_auto(CourseState) state = { 0, };
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) insert = NULL;
  gint64 episode_id, n;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_MAINTENANCE (contract), FALSE);

  episode_id = ipt_maintenance_get_episode_id (contract);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_course_state (self, episode_id, &state, error);
  if (ok && state.status != IPT_EPISODE_STATUS_ENDED)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           state.status == IPT_EPISODE_STATUS_ACTIVE
                           ? _("End the course before starting maintenance sessions")
                           : _("The client dropped out of this course: maintenance follows a "
                               "course that ended"));
      ok = FALSE;
    }
  if (ok && !ipt_maintenance_validate (contract, state.end_date, &model_error))
    ok = _ipt_store_model_refused (&model_error, error);
  if (ok)
    {
      n = count_rows (self, "SELECT count(*) FROM maintenance_contracts WHERE episode_id = ?1",
                      episode_id, error);
      ok = n >= 0;
      if (n > 0)
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                               _("The course already has a maintenance contract"));
          ok = FALSE;
        }
    }
  if (ok)
    {
      insert = _ipt_store_prepare (self,
                                   "INSERT INTO maintenance_contracts (episode_id, start_date, "
                                   "planned_sessions, interval_weeks) VALUES (?1, ?2, ?3, ?4)",
                                   error);
      ok = insert != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (insert, 1, episode_id);
      _ipt_bind_text (insert, 2, ipt_maintenance_get_start_date (contract));
      sqlite3_bind_int (insert, 3, ipt_maintenance_get_planned_sessions (contract));
      sqlite3_bind_int (insert, 4, ipt_maintenance_get_interval_weeks (contract));
      ok = _ipt_store_step_done (self, insert, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
ipt_store_cancel_maintenance (IptStore *self,
                              gint64    episode_id,
                              GError  **error)
{
  g_autoptr(IptStmt) remove = NULL;
  gint64 n;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  n = count_rows (self,
                  "SELECT count(*) FROM sessions s JOIN episodes e ON e.id = s.episode_id "
                  "WHERE e.id = ?1 AND e.end_date IS NOT NULL AND s.date > e.end_date",
                  episode_id, error);
  ok = n >= 0;
  if (n > 0)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                           _("Maintenance sessions were recorded: the contract stays"));
      ok = FALSE;
    }
  if (ok)
    {
      remove = _ipt_store_prepare (self, "DELETE FROM maintenance_contracts WHERE episode_id = ?1",
                                   error);
      ok = remove != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (remove, 1, episode_id);
          ok = _ipt_store_write_row (self, remove, "maintenance contract", episode_id, error);
        }
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

IptMaintenance *
ipt_store_get_maintenance (IptStore *self,
                           gint64    episode_id,
                           GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  IptMaintenance *contract;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT start_date, planned_sessions, interval_weeks "
                             "FROM maintenance_contracts WHERE episode_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }

  contract = ipt_maintenance_new (episode_id, COL_TEXT (stmt, 0), sqlite3_column_int (stmt, 1));
  ipt_maintenance_set_interval_weeks (contract, sqlite3_column_int (stmt, 2));
  return contract;
}

/* Courses */

gboolean
ipt_store_start_course (IptStore   *self,
                        IptEpisode *episode,
                        GError    **error)
{
  g_autoptr(IptEpisode) current = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  current = ipt_store_get_current_episode (self, ipt_episode_get_client_id (episode), &local_error);
  ok = local_error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  if (ok && current != NULL && ipt_episode_get_status (current) == IPT_EPISODE_STATUS_ACTIVE)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                   _("Course %u is still running: end it before starting another"),
                   ipt_episode_get_ordinal (current));
      ok = FALSE;
    }
  if (ok && current != NULL && ipt_episode_get_end_date (current) != NULL
      && g_strcmp0 (ipt_episode_get_start_date (episode), ipt_episode_get_end_date (current)) < 0)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("The new course cannot start on %s, before the last one ended (%s)"),
                   ipt_episode_get_start_date (episode), ipt_episode_get_end_date (current));
      ok = FALSE;
    }
  if (ok)
    ok = ipt_store_insert_episode (self, episode, error);

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

GPtrArray *
ipt_store_list_earlier_courses (IptStore *self,
                                gint64    client_id,
                                GError  **error)
{
  GPtrArray *courses;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  courses = ipt_store_list_episodes (self, client_id, error);
  if (courses != NULL && courses->len > 0)
    g_ptr_array_remove_index (courses, courses->len - 1);
  return courses;
}
