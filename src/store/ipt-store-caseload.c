/* The caseload: every client with their current course and its PHQ-9 and GAD-7 series. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

/* Two queries whatever the number of clients: clients with their latest course, then one scan
 * of the sessions (with their PHQ-9 and GAD-7) ordered by course and number; the rows are
 * stitched together here. */

#define CASE_CLIENT_COLUMNS \
  "c.id, c.code, c.given_name, c.family_name, c.preferred_name, c.birth_date, c.phone, " \
  "c.email, c.referrer, c.notes, c.archived, c.created_at, c.updated_at"
#define CASE_EPISODE_COLUMNS \
  "e.id, e.client_id, e.ordinal, e.start_date, e.planned_sessions, e.assessment_end, " \
  "e.middle_end, e.focus, e.secondary_focus, e.dispute_stage, e.focus_person_id, e.focus_date, " \
  "e.old_role, e.new_role, e.formulation, e.agreed_on, e.status, e.end_date, e.end_reason"
#define CASE_N_CLIENT_COLUMNS 13

#define CASES_SQL \
  "SELECT " CASE_CLIENT_COLUMNS ", " CASE_EPISODE_COLUMNS " FROM clients c " \
  "LEFT JOIN episodes e ON e.client_id = c.id " \
  "AND e.ordinal = (SELECT max (ordinal) FROM episodes WHERE client_id = c.id) "

/* Rows: course id, session number, attended, measure (NULL when the session has neither),
 * total, risk item answer. */
#define SERIES_SQL \
  "SELECT s.episode_id, s.number, s.attendance = 'attended', sc.measure, sc.total, " \
  "sc.risk_item FROM sessions s " \
  "LEFT JOIN scores sc ON sc.session_id = s.id AND sc.measure IN ('phq9', 'gad7') "

typedef struct
{
  IptClient *client;
  IptEpisode *episode;
  guint sessions_attended;
  guint current_session;
  guint phq9_start, n_phq9;
  guint gad7_start, n_gad7;
} CaseRow;

static void
case_row_clear (CaseRow *row)
{
  g_clear_object (&row->client);
  g_clear_object (&row->episode);
}

static gboolean
load_cases (IptStore   *self,
            const char *sql,
            gint64      client_id,
            GArray     *rows,
            GHashTable *by_episode,
            GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (client_id != 0)
    sqlite3_bind_int64 (stmt, 1, client_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CaseRow row = { 0, };

      row.client = _ipt_store_client_from_row (stmt, 0);
      if (sqlite3_column_type (stmt, CASE_N_CLIENT_COLUMNS) != SQLITE_NULL)
        {
          row.episode = _ipt_store_episode_from_row (stmt, CASE_N_CLIENT_COLUMNS);
          g_hash_table_insert (by_episode,
                               GSIZE_TO_POINTER ((gsize) ipt_episode_get_id (row.episode)),
                               GUINT_TO_POINTER (rows->len + 1));
        }
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
load_series (IptStore   *self,
             const char *sql,
             gint64      episode_id,
             GArray     *rows,
             GHashTable *by_episode,
             GArray     *phq9,
             GArray     *gad7,
             GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  CaseRow *row = NULL;
  gint64 current_episode = 0;
  gint64 last_number = -1;
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (episode_id != 0)
    sqlite3_bind_int64 (stmt, 1, episode_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 episode = sqlite3_column_int64 (stmt, 0);
      gint64 number = sqlite3_column_int64 (stmt, 1);
      gboolean attended = sqlite3_column_int (stmt, 2) != 0;
      const char *measure;
      IptSeriesPoint point;

      if (episode != current_episode)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_episode,
                                                               GSIZE_TO_POINTER ((gsize) episode)));

          /* Only each client's current course counts; earlier ones are skipped. */
          row = index > 0 ? &g_array_index (rows, CaseRow, index - 1) : NULL;
          current_episode = episode;
          last_number = -1;
          if (row != NULL)
            {
              row->phq9_start = phq9->len;
              row->gad7_start = gad7->len;
            }
        }

      if (row == NULL || !attended)
        continue;

      /* A session with both measures comes as two rows. */
      if (number != last_number)
        {
          row->sessions_attended++;
          row->current_session = MAX (row->current_session, (guint) number);
          last_number = number;
        }

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        continue;

      measure = (const char *) sqlite3_column_text (stmt, 3);
      point.session = number;
      point.total = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                    ? IPT_TOTAL_NONE : sqlite3_column_int (stmt, 4);
      point.risk_item = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                        ? IPT_ITEM_MISSING : sqlite3_column_int (stmt, 5);

      if (measure[0] == 'p')
        {
          g_array_append_val (phq9, point);
          row->n_phq9++;
        }
      else
        {
          /* GAD-7 has no risk item. */
          point.risk_item = IPT_ITEM_MISSING;
          g_array_append_val (gad7, point);
          row->n_gad7++;
        }
    }

  if (rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

static GPtrArray *
load_caseload (IptStore *self,
               gint64    client_id,
               GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (CaseRow));
  g_autoptr(GHashTable) by_episode = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) phq9 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  g_autoptr(GArray) gad7 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  g_autoptr(GPtrArray) summaries = NULL;
  gboolean ok;

  g_array_set_clear_func (rows, (GDestroyNotify) case_row_clear);

  if (client_id == 0)
    ok = load_cases (self, CASES_SQL "ORDER BY c.code", 0, rows, by_episode, error) &&
         load_series (self, SERIES_SQL "ORDER BY s.episode_id, s.number", 0, rows, by_episode,
                      phq9, gad7, error);
  else
    {
      ok = load_cases (self, CASES_SQL "WHERE c.id = ?1", client_id, rows, by_episode, error);
      if (ok && rows->len == 0)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                       _("No client with id %" G_GINT64_FORMAT " in the casebook"), client_id);
          return NULL;
        }
      if (ok && g_array_index (rows, CaseRow, 0).episode != NULL)
        ok = load_series (self, SERIES_SQL "WHERE s.episode_id = ?1 ORDER BY s.number",
                          ipt_episode_get_id (g_array_index (rows, CaseRow, 0).episode),
                          rows, by_episode, phq9, gad7, error);
    }

  if (!ok)
    return NULL;

  summaries = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      CaseRow *row = &g_array_index (rows, CaseRow, i);

      g_ptr_array_add (summaries,
                       ipt_case_summary_new (row->client, row->episode,
                                             row->sessions_attended, row->current_session,
                                             row->n_phq9 > 0
                                               ? &g_array_index (phq9, IptSeriesPoint, row->phq9_start)
                                               : NULL,
                                             row->n_phq9,
                                             row->n_gad7 > 0
                                               ? &g_array_index (gad7, IptSeriesPoint, row->gad7_start)
                                               : NULL,
                                             row->n_gad7));
    }

  return g_steal_pointer (&summaries);
}

GPtrArray *
ipt_store_load_caseload (IptStore *self,
                         GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return load_caseload (self, 0, error);
}

IptCaseSummary *
ipt_store_load_case_summary (IptStore *self,
                             gint64    client_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (client_id > 0, NULL);

  summaries = load_caseload (self, client_id, error);
  if (summaries == NULL)
    return NULL;
  return g_object_ref (g_ptr_array_index (summaries, 0));
}
