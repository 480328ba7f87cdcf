/* The caseload: every client with their current course and its PHQ-9 and GAD-7 series. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

/* One query whatever the number of clients: each client with their latest course and its row of
 * episode_series (schema version 2), kept up to date at each commit. A course still marked stale
 * (its records written by hand since) is read from the view instead, one query each. */

#define CASE_CLIENT_COLUMNS \
  "c.id, c.code, c.given_name, c.family_name, c.preferred_name, c.birth_date, c.phone, " \
  "c.email, c.referrer, c.notes, c.archived, c.created_at, c.updated_at"
#define CASE_EPISODE_COLUMNS \
  "e.id, e.client_id, e.ordinal, e.start_date, e.planned_sessions, e.assessment_end, " \
  "e.middle_end, e.focus, e.secondary_focus, e.dispute_stage, e.focus_person_id, e.focus_date, " \
  "e.old_role, e.new_role, e.formulation, e.agreed_on, e.status, e.end_date, e.end_reason"
#define CASE_N_CLIENT_COLUMNS 13
#define CASE_N_EPISODE_COLUMNS 19
#define CASE_SERIES_COLUMN (CASE_N_CLIENT_COLUMNS + CASE_N_EPISODE_COLUMNS)

/* The sessions the latest risk review covers (ipt-schema-5.sql keeps risk_review_cover). */
#define CASE_RISK_REVIEWED_COLUMN (CASE_SERIES_COLUMN + 5)

#define CASES_SQL \
  "SELECT " CASE_CLIENT_COLUMNS ", " CASE_EPISODE_COLUMNS ", " \
  "es.sessions_attended, es.current_session, es.phq9, es.gad7, es.attended, " \
  "coalesce (rc.reviewed_through, 0) FROM clients c " \
  "LEFT JOIN episodes e ON e.client_id = c.id " \
  "AND e.ordinal = (SELECT max (ordinal) FROM episodes WHERE client_id = c.id) " \
  "LEFT JOIN episode_series es ON es.episode_id = e.id " \
  "LEFT JOIN risk_review_cover rc ON rc.episode_id = e.id "
/* One course, whichever it is of its client's. */
#define COURSE_SQL \
  "SELECT " CASE_CLIENT_COLUMNS ", " CASE_EPISODE_COLUMNS ", " \
  "es.sessions_attended, es.current_session, es.phq9, es.gad7, es.attended, " \
  "coalesce (rc.reviewed_through, 0) FROM episodes e JOIN clients c ON c.id = e.client_id " \
  "LEFT JOIN episode_series es ON es.episode_id = e.id " \
  "LEFT JOIN risk_review_cover rc ON rc.episode_id = e.id WHERE e.id = ?1"
#define CASE_SERIES_SQL \
  "SELECT sessions_attended, current_session, phq9, gad7, attended FROM episode_series_view " \
  "WHERE episode_id = ?1"

static gboolean
parse_number (const char **p,
              int         *out,
              int          none)
{
  gint64 value = 0;
  gboolean negative = FALSE;
  const char *q = *p;

  if (*q == ':' || *q == ',' || *q == '\0')
    {
      *out = none;
      return TRUE;
    }
  if (*q == '-')
    {
      negative = TRUE;
      q++;
    }
  if (!g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q) && value < 1000000)
    value = value * 10 + (*q++ - '0');

  *out = (int) (negative ? -value : value);
  *p = q;
  return TRUE;
}

/* "number:total:risk,..." (see ipt-schema-2.sql) into points. */
static gboolean
parse_series (const char *text,
              GArray     *points)
{
  const char *p = text != NULL ? text : "";

  g_array_set_size (points, 0);
  while (*p != '\0')
    {
      IptSeriesPoint point;
      int number;

      if (!parse_number (&p, &number, -1) || number < 1 || *p++ != ':' ||
          !parse_number (&p, &point.total, IPT_TOTAL_NONE) || *p++ != ':' ||
          !parse_number (&p, &point.risk_item, IPT_ITEM_MISSING))
        return FALSE;
      point.session = number;
      g_array_append_val (points, point);

      if (*p == ',')
        p++;
      else if (*p != '\0')
        return FALSE;
    }

  return TRUE;
}

/* "1,2,4,17+" (see ipt-schema-4.sql) into attended appointments. */
static gboolean
parse_attended (const char *text,
                GArray     *appointments)
{
  const char *p = text != NULL ? text : "";

  g_array_set_size (appointments, 0);
  while (*p != '\0')
    {
      IptAppointment a = { 0, TRUE, FALSE };
      int number;

      if (!parse_number (&p, &number, -1) || number < 1)
        return FALSE;
      a.number = (guint) number;
      if (*p == '+')
        {
          a.after_end = TRUE;
          p++;
        }
      g_array_append_val (appointments, a);

      if (*p == ',')
        p++;
      else if (*p != '\0')
        return FALSE;
    }

  return TRUE;
}

static GHashTable *
load_stale (IptStore *self,
            GError  **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, "SELECT episode_id FROM episode_series_stale",
                                                error);
  g_autoptr(GHashTable) stale = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (stale, id);
    }
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&stale);
}

/* The five series columns of a row: from `stmt` at `col`, or computed now by the view. */
static gboolean
read_series (IptStore  *self,
             IptStmt   *stmt,
             int        col,
             gint64     episode_id,
             gboolean   stale,
             GArray    *attended,
             GArray    *phq9,
             GArray    *gad7,
             GError   **error)
{
  g_autoptr(IptStmt) computed = NULL;

  if (stale || sqlite3_column_type (stmt, col) == SQLITE_NULL)
    {
      int rc;

      computed = _ipt_store_prepare (self, CASE_SERIES_SQL, error);
      if (computed == NULL)
        return FALSE;
      sqlite3_bind_int64 (computed, 1, episode_id);
      rc = sqlite3_step (computed);
      if (rc != SQLITE_ROW)
        return _ipt_store_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      stmt = computed;
      col = 0;
    }

  /* Columns col and col + 1 (the counts) are for readers of the file: the model counts. */
  if (!parse_series ((const char *) sqlite3_column_text (stmt, col + 2), phq9) ||
      !parse_series ((const char *) sqlite3_column_text (stmt, col + 3), gad7) ||
      !parse_attended ((const char *) sqlite3_column_text (stmt, col + 4), attended))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                   _("The progress of course %lld is damaged"), (long long) episode_id);
      return FALSE;
    }

  /* GAD-7 has no risk item. */
  for (guint i = 0; i < gad7->len; i++)
    g_array_index (gad7, IptSeriesPoint, i).risk_item = IPT_ITEM_MISSING;
  return TRUE;
}

/* The summaries of the rows `sql` (CASES_SQL and a condition) gives; `param`, unless 0, is
 * bound to ?1. */
static GPtrArray *
load_caseload (IptStore   *self,
               const char *sql,
               gint64      param,
               GError    **error)
{
  g_autoptr(GHashTable) stale = load_stale (self, error);
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GArray) phq9 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  g_autoptr(GArray) gad7 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
  g_autoptr(GArray) attended = g_array_new (FALSE, FALSE, sizeof (IptAppointment));
  g_autoptr(GPtrArray) summaries = NULL;
  int rc;

  if (stale == NULL)
    return NULL;
  stmt = _ipt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);

  summaries = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IptClient) client = _ipt_store_client_from_row (stmt, 0);
      g_autoptr(IptEpisode) episode = NULL;
      IptCaseSummary *summary;

      g_array_set_size (phq9, 0);
      g_array_set_size (gad7, 0);
      g_array_set_size (attended, 0);

      if (sqlite3_column_type (stmt, CASE_N_CLIENT_COLUMNS) != SQLITE_NULL)
        {
          gint64 episode_id;

          episode = _ipt_store_episode_from_row (stmt, CASE_N_CLIENT_COLUMNS);
          episode_id = ipt_episode_get_id (episode);
          if (!read_series (self, stmt, CASE_SERIES_COLUMN, episode_id,
                            g_hash_table_contains (stale, &episode_id),
                            attended, phq9, gad7, error))
            return NULL;
        }

      summary = ipt_case_summary_new (client, episode,
                                      (const IptAppointment *) (void *) attended->data,
                                      attended->len,
                                      (const IptSeriesPoint *) phq9->data, phq9->len,
                                      (const IptSeriesPoint *) gad7->data, gad7->len);
      if (episode != NULL)
        {
          int reviewed = sqlite3_column_int (stmt, CASE_RISK_REVIEWED_COLUMN);

          ipt_case_summary_set_risk_reviewed_through (summary, (guint) MAX (reviewed, 0));
        }
      g_ptr_array_add (summaries, summary);
    }

  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&summaries);
}

GPtrArray *
ipt_store_load_caseload (IptStore *self,
                         GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return load_caseload (self, CASES_SQL "ORDER BY c.code", 0, error);
}

IptCaseSummary *
ipt_store_load_case_summary (IptStore *self,
                             gint64    client_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (client_id > 0, NULL);

  summaries = load_caseload (self, CASES_SQL "WHERE c.id = ?1", client_id, error);
  if (summaries == NULL)
    return NULL;
  if (summaries->len == 0)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                   _("No client with id %lld in the casebook"), (long long) client_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (summaries, 0));
}

IptCaseSummary *
ipt_store_load_course_summary (IptStore *self,
                               gint64    episode_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (episode_id > 0, NULL);

  summaries = load_caseload (self, COURSE_SQL, episode_id, error);
  if (summaries == NULL)
    return NULL;
  if (summaries->len == 0)
    {
      _ipt_store_not_found (error, "course", episode_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (summaries, 0));
}

/* The caseload's order kept for each client (ipt-schema-8.sql) */

/* Clients whose kept row may be out of date: marked by the triggers since the last commit of
 * this program (a person's writes with the sqlite3 shell, say), or whose course's progress is. */
#define STALE_CLIENTS_SQL \
  "SELECT client_id FROM caseload_order_stale UNION " \
  "SELECT client_id FROM episodes WHERE id IN (SELECT episode_id FROM episode_series_stale)"

#define HEAD_SQL \
  CASES_SQL "WHERE c.id IN (SELECT client_id FROM caseload_order " \
  "WHERE client_id NOT IN (" STALE_CLIENTS_SQL ") ORDER BY rank, code LIMIT ?1)"
#define STALE_SQL CASES_SQL "WHERE c.id IN (" STALE_CLIENTS_SQL ")"

G_STATIC_ASSERT (IPT_SIGNAL_NO_SCORES < IPT_CASELOAD_RANK_NOT_RUNNING);

gboolean
_ipt_store_refresh_caseload_order (IptStore *self,
                                   GError  **error)
{
  g_autoptr(IptStmt) any = _ipt_store_prepare (self,
                                               "SELECT EXISTS (SELECT 1 FROM caseload_order_stale)",
                                               error);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(IptStmt) gone = NULL;
  g_autoptr(IptStmt) clear = NULL;
  int rc;

  if (any == NULL)
    return FALSE;
  rc = sqlite3_step (any);
  if (rc != SQLITE_ROW)
    return _ipt_store_fail (self, rc, error);
  if (sqlite3_column_int (any, 0) == 0)
    return TRUE;
  _ipt_stmt_release (g_steal_pointer (&any));

  /* The model works out each client's place, as it does for the window's list. */
  summaries = load_caseload (self, CASES_SQL "WHERE c.id IN "
                             "(SELECT client_id FROM caseload_order_stale)", 0, error);
  if (summaries == NULL)
    return FALSE;
  for (guint i = 0; i < summaries->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (summaries, i);
      IptClient *client = ipt_case_summary_get_client (summary);
      g_autoptr(IptStmt) write = NULL;

      write = _ipt_store_prepare (self, "INSERT OR REPLACE INTO caseload_order "
                                  "(client_id, rank, code, archived, attention) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, ipt_client_get_id (client));
      sqlite3_bind_int (write, 2, (int) ipt_case_summary_get_caseload_rank (summary));
      sqlite3_bind_text (write, 3, ipt_client_get_code (client), -1, SQLITE_STATIC);
      sqlite3_bind_int (write, 4, ipt_client_get_archived (client) ? 1 : 0);
      sqlite3_bind_int (write, 5, ipt_case_summary_get_needs_attention (summary) ? 1 : 0);
      if (!_ipt_store_step_done (self, write, error))
        return FALSE;
    }

  gone = _ipt_store_prepare (self, "DELETE FROM caseload_order WHERE client_id IN "
                             "(SELECT client_id FROM caseload_order_stale) "
                             "AND client_id NOT IN (SELECT id FROM clients)", error);
  if (gone == NULL || !_ipt_store_step_done (self, gone, error))
    return FALSE;
  clear = _ipt_store_prepare (self, "DELETE FROM caseload_order_stale", error);
  return clear != NULL && _ipt_store_step_done (self, clear, error);
}

/* The first n clients of the caseload, in its order: from the kept order, with any client whose
 * kept row may be out of date worked out from their records and put in their place. */
GPtrArray *
ipt_store_load_caseload_head (IptStore *self,
                              guint     n,
                              GError  **error)
{
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  gpointer last;
  guint keep;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (n > 0, NULL);

  head = load_caseload (self, HEAD_SQL, n, error);
  if (head == NULL)
    return NULL;
  g_ptr_array_sort (head, ipt_case_summary_compare_caseload);

  stale = load_caseload (self, STALE_SQL, 0, error);
  if (stale == NULL)
    return NULL;
  if (stale->len == 0)
    return g_steal_pointer (&head);

  /* Those of the others that come before the last of the kept order's n belong to the head;
   * with fewer than n there, every client is in one of the two. */
  last = head->len == n ? head->pdata[head->len - 1] : NULL;
  for (guint i = 0; i < stale->len; i++)
    g_ptr_array_add (head, g_object_ref (g_ptr_array_index (stale, i)));
  g_ptr_array_sort (head, ipt_case_summary_compare_caseload);
  keep = head->len;
  if (last != NULL)
    while (keep > 0 && head->pdata[keep - 1] != last)
      keep--;
  g_ptr_array_set_size (head, MIN (keep, n));
  return g_steal_pointer (&head);
}

gboolean
ipt_store_count_caseload (IptStore *self,
                          guint    *n_running,
                          guint    *n_attention,
                          GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  guint running;
  guint attention;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  stale = load_caseload (self, STALE_SQL, 0, error);
  if (stale == NULL)
    return FALSE;

  /* Mostly none is stale: the kept rows alone, from their index. */
  stmt = _ipt_store_prepare (self, stale->len == 0
                             ? "SELECT count (*), coalesce (sum (attention), 0) "
                               "FROM caseload_order WHERE archived = 0 AND rank < ?1"
                             : "SELECT count (*), coalesce (sum (attention), 0) "
                               "FROM caseload_order WHERE archived = 0 AND rank < ?1 "
                               "AND client_id NOT IN (" STALE_CLIENTS_SQL ")", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, IPT_CASELOAD_RANK_NOT_RUNNING);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _ipt_store_fail (self, rc, error);
  running = (guint) sqlite3_column_int64 (stmt, 0);
  attention = (guint) sqlite3_column_int64 (stmt, 1);
  _ipt_stmt_release (g_steal_pointer (&stmt));

  for (guint i = 0; i < stale->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (stale, i);

      if (ipt_client_get_archived (ipt_case_summary_get_client (summary))
          || ipt_case_summary_get_caseload_rank (summary) == IPT_CASELOAD_RANK_NOT_RUNNING)
        continue;
      running++;
      if (ipt_case_summary_get_needs_attention (summary))
        attention++;
    }

  if (n_running != NULL)
    *n_running = running;
  if (n_attention != NULL)
    *n_attention = attention;
  return TRUE;
}
