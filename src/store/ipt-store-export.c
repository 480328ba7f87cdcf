/* Queries behind the CSV exports: the scores and the totals of every course. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipt-store-export.h"
#include "ipt-store-private.h"

void
ipt_score_row_free (IptScoreRow *row)
{
  if (row == NULL)
    return;
  g_free (row->client_code);
  g_free (row->date);
  g_free (row->items);
  g_free (row);
}

void
ipt_episode_totals_free (IptEpisodeTotals *totals)
{
  if (totals == NULL)
    return;
  g_free (totals->client_code);
  g_clear_pointer (&totals->appointments, g_array_unref);
  g_clear_pointer (&totals->phq9, g_array_unref);
  g_clear_pointer (&totals->gad7, g_array_unref);
  g_free (totals);
}

static gboolean
export_failed (sqlite3     *db,
               GError     **error)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
               _("Could not read the casebook: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static guint
measure_rank (const IptMeasure *measure)
{
  guint i, n = ipt_measure_get_n_measures ();

  for (i = 0; i < n; i++)
    if (ipt_measure_get_nth (i) == measure)
      return i;
  return n;
}

static int
compare_score_rows (gconstpointer a,
                    gconstpointer b)
{
  const IptScoreRow *ra = *(const IptScoreRow * const *) a;
  const IptScoreRow *rb = *(const IptScoreRow * const *) b;
  int c = strcmp (ra->client_code, rb->client_code);
  guint ma, mb;

  if (c != 0)
    return c;
  if (ra->course != rb->course)
    return ra->course < rb->course ? -1 : 1;
  if (ra->session != rb->session)
    return ra->session < rb->session ? -1 : 1;
  ma = measure_rank (ra->measure);
  mb = measure_rank (rb->measure);
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

/* Both queries run in one read transaction, so that they see the same casebook. */
static gboolean
read_begin (sqlite3   *db,
            gboolean  *own,
            GError   **error)
{
  *own = sqlite3_get_autocommit (db) != 0;
  if (*own && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return export_failed (db, error);
  return TRUE;
}

static void
read_end (sqlite3  *db,
          gboolean  own)
{
  if (own)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

GPtrArray *
ipt_store_export_scores (IptStore  *self,
                         GError   **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  gint64 *ids = NULL;
  guint n_ids = 0;
  gboolean own = FALSE;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _ipt_store_get_db (self);
  if (!read_begin (db, &own, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_score_row_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (sqlite3_prepare_v2 (db,
                          "SELECT sc.id, c.code, s.number, s.date, sc.measure, sc.total, "
                          "       e.ordinal "
                          "FROM scores sc "
                          "JOIN sessions s ON s.id = sc.session_id "
                          "JOIN episodes e ON e.id = s.episode_id "
                          "JOIN clients c ON c.id = e.client_id "
                          "ORDER BY c.code, e.ordinal, s.number",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const IptMeasure *measure = ipt_measure_lookup ((const char *) sqlite3_column_text (stmt, 4));
      IptScoreRow *row;

      if (measure == NULL)
        continue;
      row = g_new0 (IptScoreRow, 1);
      row->client_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->session = (guint) sqlite3_column_int (stmt, 2);
      row->date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->measure = measure;
      row->total = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                   ? IPT_TOTAL_NONE : sqlite3_column_int (stmt, 5);
      row->course = (guint) sqlite3_column_int (stmt, 6);
      g_ptr_array_add (rows, row);
      if (n_ids % 1024 == 0)
        ids = g_renew (gint64, ids, n_ids + 1024);
      ids[n_ids] = sqlite3_column_int64 (stmt, 0);
      n_ids++;
    }
  if (rc != SQLITE_DONE)
    goto failed;
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* ids[] stays put from here on, so the table can point into it */
  {
    guint i;

    for (i = 0; i < n_ids; i++)
      g_hash_table_insert (by_id, &ids[i], g_ptr_array_index (rows, i));
  }

  if (sqlite3_prepare_v2 (db, "SELECT id, answers FROM scores WHERE answers IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 score_id = sqlite3_column_int64 (stmt, 0);
      IptScoreRow *row = g_hash_table_lookup (by_id, &score_id);
      int *items;

      if (row == NULL || row->measure->n_items == 0)
        continue;
      items = g_new (int, row->measure->n_items);
      if (!_ipt_store_unpack_answers ((const char *) sqlite3_column_text (stmt, 1), items,
                                      row->measure->n_items))
        {
          g_free (items);
          continue;
        }
      row->n_items = row->measure->n_items;
      row->items = items;
    }
  if (rc != SQLITE_DONE)
    goto failed;
  sqlite3_finalize (stmt);
  read_end (db, own);
  g_hash_table_remove_all (by_id);
  g_free (ids);

  g_ptr_array_sort (rows, compare_score_rows);
  return g_steal_pointer (&rows);

failed:
  export_failed (db, error);
  sqlite3_finalize (stmt);
  read_end (db, own);
  g_hash_table_remove_all (by_id);
  g_free (ids);
  return NULL;
}

GPtrArray *
ipt_store_export_episode_totals (IptStore  *self,
                                 GError   **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  gint64 *ids = NULL;
  guint n_ids = 0;
  gboolean own = FALSE;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _ipt_store_get_db (self);
  if (!read_begin (db, &own, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_episode_totals_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (sqlite3_prepare_v2 (db,
                          "SELECT e.id, c.code, e.ordinal, e.status, e.planned_sessions, "
                          "  e.assessment_end, e.middle_end "
                          "FROM episodes e JOIN clients c ON c.id = e.client_id "
                          "ORDER BY c.code, e.ordinal",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptEpisodeTotals *totals = g_new0 (IptEpisodeTotals, 1);

      totals->client_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      totals->ordinal = (guint) sqlite3_column_int (stmt, 2);
      if (!ipt_episode_status_from_id ((const char *) sqlite3_column_text (stmt, 3),
                                       &totals->status))
        totals->status = IPT_EPISODE_STATUS_ACTIVE;
      totals->planned_sessions = (guint) sqlite3_column_int (stmt, 4);
      totals->assessment_end = (guint) sqlite3_column_int (stmt, 5);
      totals->middle_end = (guint) sqlite3_column_int (stmt, 6);
      totals->appointments = g_array_new (FALSE, FALSE, sizeof (IptAppointment));
      totals->phq9 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
      totals->gad7 = g_array_new (FALSE, FALSE, sizeof (IptSeriesPoint));
      g_ptr_array_add (rows, totals);
      if (n_ids % 1024 == 0)
        ids = g_renew (gint64, ids, n_ids + 1024);
      ids[n_ids] = sqlite3_column_int64 (stmt, 0);
      n_ids++;
    }
  if (rc != SQLITE_DONE)
    goto failed;
  sqlite3_finalize (stmt);
  stmt = NULL;

  {
    guint i;

    for (i = 0; i < n_ids; i++)
      g_hash_table_insert (by_id, &ids[i], g_ptr_array_index (rows, i));
  }

  if (sqlite3_prepare_v2 (db,
                          "SELECT s.episode_id, s.number, s.attendance = 'attended', "
                          "  e.end_date IS NOT NULL AND s.date > e.end_date "
                          "FROM sessions s JOIN episodes e ON e.id = s.episode_id "
                          "ORDER BY s.episode_id, s.number",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 episode_id = sqlite3_column_int64 (stmt, 0);
      IptEpisodeTotals *totals = g_hash_table_lookup (by_id, &episode_id);
      IptAppointment a = { 0, };

      if (totals == NULL)
        continue;
      a.number = (guint) sqlite3_column_int (stmt, 1);
      a.attended = sqlite3_column_int (stmt, 2) != 0;
      a.after_end = sqlite3_column_int (stmt, 3) != 0;
      g_array_append_val (totals->appointments, a);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT s.episode_id, sc.measure, sc.total, s.number FROM scores sc "
                          "JOIN sessions s ON s.id = sc.session_id "
                          "WHERE s.attendance = 'attended' AND sc.total IS NOT NULL "
                          "  AND sc.measure IN ('phq9', 'gad7') "
                          "ORDER BY s.episode_id, s.number",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 episode_id = sqlite3_column_int64 (stmt, 0);
      const char *measure = (const char *) sqlite3_column_text (stmt, 1);
      IptSeriesPoint point = { 0, };
      IptEpisodeTotals *totals = g_hash_table_lookup (by_id, &episode_id);

      if (totals == NULL)
        continue;
      point.total = sqlite3_column_int (stmt, 2);
      point.session = (guint) sqlite3_column_int (stmt, 3);
      point.risk_item = IPT_ITEM_MISSING;
      if (g_strcmp0 (measure, "phq9") == 0)
        g_array_append_val (totals->phq9, point);
      else
        g_array_append_val (totals->gad7, point);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  sqlite3_finalize (stmt);
  read_end (db, own);
  g_hash_table_remove_all (by_id);
  g_free (ids);
  return g_steal_pointer (&rows);

failed:
  export_failed (db, error);
  sqlite3_finalize (stmt);
  read_end (db, own);
  g_hash_table_remove_all (by_id);
  g_free (ids);
  return NULL;
}
