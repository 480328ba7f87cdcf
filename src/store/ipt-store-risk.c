/* Reading and writing a course's risk reviews (clinical.md section 6). */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

static void
bind_risk_review (IptStmt *stmt,
                  gpointer record)
{
  IptRiskReview *review = record;

  sqlite3_bind_int64 (stmt, 2, ipt_risk_review_get_episode_id (review));
  _ipt_bind_text (stmt, 3, ipt_risk_review_get_date (review));
  _ipt_bind_text (stmt, 4, ipt_risk_review_get_asked (review));
  _ipt_bind_text (stmt, 5, ipt_risk_review_get_done (review) != NULL
                           ? ipt_risk_review_get_done (review) : "");
  _ipt_bind_text (stmt, 6, ipt_risk_review_get_plan (review));
}

gboolean
ipt_store_save_risk_review (IptStore      *self,
                            IptRiskReview *review,
                            GError       **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (review), FALSE);

  if (!ipt_risk_review_validate (review, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  id = ipt_risk_review_get_id (review);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO risk_reviews (episode_id, date, asked, done, plan) "
                               "VALUES (?2, ?3, ?4, ?5, ?6)",
                               "UPDATE risk_reviews SET episode_id = ?2, date = ?3, asked = ?4, "
                               "done = ?5, plan = ?6 WHERE id = ?1",
                               "risk review", bind_risk_review, review, error))
    return FALSE;

  ipt_risk_review_set_id (review, id);
  return TRUE;
}

gboolean
ipt_store_delete_risk_review (IptStore *self,
                              gint64    review_id,
                              GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  return _ipt_store_delete_by_id (self, "DELETE FROM risk_reviews WHERE id = ?1",
                                  "risk review", review_id, error);
}

static GObject *
risk_review_from_row (IptStmt *stmt)
{
  IptRiskReview *review = ipt_risk_review_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 2));

  ipt_risk_review_set_id (review, sqlite3_column_int64 (stmt, 0));
  ipt_risk_review_set_asked (review, COL_TEXT (stmt, 3));
  ipt_risk_review_set_done (review, COL_TEXT (stmt, 4));
  ipt_risk_review_set_plan (review, COL_TEXT (stmt, 5));
  return G_OBJECT (review);
}

GPtrArray *
ipt_store_list_risk_reviews (IptStore *self,
                             gint64    episode_id,
                             GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT id, episode_id, date, asked, done, plan FROM risk_reviews "
                                "WHERE episode_id = ?1 ORDER BY date, id",
                                episode_id, risk_review_from_row, error);
}
