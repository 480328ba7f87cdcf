/* Reading and writing clients and courses, and the row helpers of every record file. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

/* The model checked the record first: its message is the one a person should read. */
gboolean
_ipt_store_model_refused (GError **model_error,
                          GError **error)
{
  g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID, (*model_error)->message);
  g_clear_error (model_error);
  return FALSE;
}

gboolean
_ipt_store_not_found (GError    **error,
                      const char *what,
                      gint64      id)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
               _("No %s with id %lld in the casebook"), what, (long long) id);
  return FALSE;
}

/* Runs a statement that writes one row, or none when it does not exist. */
gboolean
_ipt_store_write_row (IptStore   *self,
                      IptStmt    *stmt,
                      const char *what,
                      gint64      id,
                      GError    **error)
{
  if (!_ipt_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_ipt_store_get_db (self)) == 0)
    return _ipt_store_not_found (error, what, id);
  return TRUE;
}

gboolean
_ipt_store_delete_by_id (IptStore   *self,
                         const char *sql,
                         const char *what,
                         gint64      id,
                         GError    **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  stmt = _ipt_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = _ipt_store_write_row (self, stmt, what, id, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* Inserts (id 0) or updates a row with the statement for each; the binder fills ?2 onwards. */
gboolean
_ipt_store_save_record (IptStore    *self,
                        gint64      *id,
                        const char  *insert_sql,
                        const char  *update_sql,
                        const char  *what,
                        void       (*bind) (IptStmt *, gpointer),
                        gpointer     record,
                        GError     **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;
  gint64 new_id = *id;

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  stmt = _ipt_store_prepare (self, *id == 0 ? insert_sql : update_sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      bind (stmt, record);
      if (*id == 0)
        {
          ok = _ipt_store_step_done (self, stmt, error);
          new_id = sqlite3_last_insert_rowid (_ipt_store_get_db (self));
        }
      else
        {
          sqlite3_bind_int64 (stmt, 1, *id);
          ok = _ipt_store_write_row (self, stmt, what, *id, error);
        }
    }

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  *id = new_id;
  return TRUE;
}

/* The rows of one query whose only parameter is the owner's id, each made into an object. */
GPtrArray *
_ipt_store_list_by_id (IptStore   *self,
                       const char *sql,
                       gint64      owner_id,
                       GObject  *(*from_row) (IptStmt *stmt),
                       GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Clients */

#define CLIENT_COLUMNS \
  "id, code, given_name, family_name, preferred_name, birth_date, phone, email, referrer, " \
  "notes, archived, created_at, updated_at"

IptClient *
_ipt_store_client_from_row (IptStmt *stmt,
                            int      col)
{
  IptClient *client = ipt_client_new (COL_TEXT (stmt, col + 1));

  ipt_client_set_id (client, sqlite3_column_int64 (stmt, col));
  ipt_client_set_given_name (client, COL_TEXT (stmt, col + 2));
  ipt_client_set_family_name (client, COL_TEXT (stmt, col + 3));
  ipt_client_set_preferred_name (client, COL_TEXT (stmt, col + 4));
  ipt_client_set_birth_date (client, COL_TEXT (stmt, col + 5));
  ipt_client_set_phone (client, COL_TEXT (stmt, col + 6));
  ipt_client_set_email (client, COL_TEXT (stmt, col + 7));
  ipt_client_set_referrer (client, COL_TEXT (stmt, col + 8));
  ipt_client_set_notes (client, COL_TEXT (stmt, col + 9));
  ipt_client_set_archived (client, sqlite3_column_int (stmt, col + 10) != 0);
  ipt_client_set_created_at (client, COL_TEXT (stmt, col + 11));
  ipt_client_set_updated_at (client, COL_TEXT (stmt, col + 12));

  return client;
}

static void
bind_client (IptStmt   *stmt,
             IptClient *client)
{
  _ipt_bind_text (stmt, 2, ipt_client_get_code (client));
  _ipt_bind_optional_text (stmt, 3, ipt_client_get_given_name (client));
  _ipt_bind_optional_text (stmt, 4, ipt_client_get_family_name (client));
  _ipt_bind_optional_text (stmt, 5, ipt_client_get_preferred_name (client));
  _ipt_bind_optional_text (stmt, 6, ipt_client_get_birth_date (client));
  _ipt_bind_optional_text (stmt, 7, ipt_client_get_phone (client));
  _ipt_bind_optional_text (stmt, 8, ipt_client_get_email (client));
  _ipt_bind_optional_text (stmt, 9, ipt_client_get_referrer (client));
  _ipt_bind_optional_text (stmt, 10, ipt_client_get_notes (client));
  sqlite3_bind_int (stmt, 11, ipt_client_get_archived (client) ? 1 : 0);
}

gboolean
ipt_store_insert_client (IptStore  *self,
                         IptClient *client,
                         GError   **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  g_autofree char *now = NULL;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_CLIENT (client), FALSE);

  if (!ipt_client_validate (client, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  now = _ipt_store_now ();
  stmt = _ipt_store_prepare (self,
                             "INSERT INTO clients (code, given_name, family_name, preferred_name, "
                             "birth_date, phone, email, referrer, notes, archived, created_at, "
                             "updated_at) "
                             "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_client (stmt, client);
      _ipt_bind_text (stmt, 12, now);
      ok = _ipt_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (_ipt_store_get_db (self));
    }

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  ipt_client_set_id (client, id);
  ipt_client_set_created_at (client, now);
  ipt_client_set_updated_at (client, now);
  return TRUE;
}

gboolean
ipt_store_update_client (IptStore  *self,
                         IptClient *client,
                         GError   **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_CLIENT (client), FALSE);

  if (!ipt_client_validate (client, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  now = _ipt_store_now ();
  stmt = _ipt_store_prepare (self,
                             "UPDATE clients SET code = ?2, given_name = ?3, family_name = ?4, "
                             "preferred_name = ?5, birth_date = ?6, phone = ?7, email = ?8, "
                             "referrer = ?9, notes = ?10, archived = ?11, updated_at = ?12 "
                             "WHERE id = ?1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, ipt_client_get_id (client));
      bind_client (stmt, client);
      _ipt_bind_text (stmt, 12, now);
      ok = _ipt_store_write_row (self, stmt, "client", ipt_client_get_id (client), error);
    }

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  ipt_client_set_updated_at (client, now);
  return TRUE;
}

gboolean
ipt_store_delete_client (IptStore *self,
                         gint64    client_id,
                         GError  **error)
{
  return _ipt_store_delete_by_id (self, "DELETE FROM clients WHERE id = ?1", "client", client_id,
                                  error);
}

static IptClient *
get_one_client (IptStore   *self,
                const char *sql,
                gint64      id,
                const char *code,
                GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (code != NULL)
    _ipt_bind_text (stmt, 1, code);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _ipt_store_client_from_row (stmt, 0);
  if (rc != SQLITE_DONE)
    _ipt_store_fail (self, rc, error);
  else if (code == NULL)
    _ipt_store_not_found (error, "client", id);
  return NULL;
}

IptClient *
ipt_store_get_client (IptStore *self,
                      gint64    client_id,
                      GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return get_one_client (self, "SELECT " CLIENT_COLUMNS " FROM clients WHERE id = ?1",
                         client_id, NULL, error);
}

IptClient *
ipt_store_find_client (IptStore   *self,
                       const char *code,
                       GError    **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return get_one_client (self, "SELECT " CLIENT_COLUMNS " FROM clients WHERE code = ?1",
                         0, code, error);
}

GPtrArray *
ipt_store_list_clients (IptStore *self,
                        GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self, "SELECT " CLIENT_COLUMNS " FROM clients ORDER BY code", error);
  if (stmt == NULL)
    return NULL;

  clients = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (clients, _ipt_store_client_from_row (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&clients);
}

guint
ipt_store_count_clients (IptStore *self,
                         GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), 0);

  stmt = _ipt_store_prepare (self, "SELECT count(*) FROM clients", error);
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Courses */

#define EPISODE_COLUMNS \
  "id, client_id, ordinal, start_date, planned_sessions, assessment_end, middle_end, focus, " \
  "secondary_focus, dispute_stage, focus_person_id, focus_date, old_role, new_role, " \
  "formulation, agreed_on, status, end_date, end_reason"
#define EPISODE_N_COLUMNS 19

IptEpisode *
_ipt_store_episode_from_row (IptStmt *stmt,
                             int      col)
{
  IptEpisode *episode;
  IptFocus focus = IPT_FOCUS_NONE;
  IptFocus secondary = IPT_FOCUS_NONE;
  IptDisputeStage stage = IPT_DISPUTE_STAGE_NONE;
  IptEpisodeStatus status = IPT_EPISODE_STATUS_ACTIVE;

  episode = ipt_episode_new (sqlite3_column_int64 (stmt, col + 1), COL_TEXT (stmt, col + 3),
                             sqlite3_column_int (stmt, col + 4));
  ipt_episode_set_id (episode, sqlite3_column_int64 (stmt, col));
  ipt_episode_set_ordinal (episode, sqlite3_column_int (stmt, col + 2));
  ipt_episode_set_assessment_end (episode, sqlite3_column_int (stmt, col + 5));
  ipt_episode_set_middle_end (episode, sqlite3_column_int (stmt, col + 6));
  if (ipt_focus_from_id (COL_TEXT (stmt, col + 7), &focus))
    ipt_episode_set_focus (episode, focus);
  if (ipt_focus_from_id (COL_TEXT (stmt, col + 8), &secondary))
    ipt_episode_set_secondary_focus (episode, secondary);
  if (ipt_dispute_stage_from_id (COL_TEXT (stmt, col + 9), &stage))
    ipt_episode_set_dispute_stage (episode, stage);
  ipt_episode_set_focus_person_id (episode, sqlite3_column_int64 (stmt, col + 10));
  ipt_episode_set_focus_date (episode, COL_TEXT (stmt, col + 11));
  ipt_episode_set_old_role (episode, COL_TEXT (stmt, col + 12));
  ipt_episode_set_new_role (episode, COL_TEXT (stmt, col + 13));
  ipt_episode_set_formulation (episode, COL_TEXT (stmt, col + 14));
  ipt_episode_set_agreed_on (episode, COL_TEXT (stmt, col + 15));
  if (ipt_episode_status_from_id (COL_TEXT (stmt, col + 16), &status))
    ipt_episode_set_status (episode, status);
  ipt_episode_set_end_date (episode, COL_TEXT (stmt, col + 17));
  ipt_episode_set_end_reason (episode, COL_TEXT (stmt, col + 18));

  return episode;
}

/* Binds parameters 3 to 19 (all but id, client and ordinal). */
static void
bind_episode (IptStmt    *stmt,
              IptEpisode *episode)
{
  _ipt_bind_text (stmt, 4, ipt_episode_get_start_date (episode));
  sqlite3_bind_int (stmt, 5, ipt_episode_get_planned_sessions (episode));
  sqlite3_bind_int (stmt, 6, ipt_episode_get_assessment_end (episode));
  sqlite3_bind_int (stmt, 7, ipt_episode_get_middle_end (episode));
  _ipt_bind_text (stmt, 8, ipt_focus_to_id (ipt_episode_get_focus (episode)));
  _ipt_bind_text (stmt, 9, ipt_focus_to_id (ipt_episode_get_secondary_focus (episode)));
  _ipt_bind_text (stmt, 10, ipt_dispute_stage_to_id (ipt_episode_get_dispute_stage (episode)));
  _ipt_bind_id (stmt, 11, ipt_episode_get_focus_person_id (episode));
  _ipt_bind_optional_text (stmt, 12, ipt_episode_get_focus_date (episode));
  _ipt_bind_optional_text (stmt, 13, ipt_episode_get_old_role (episode));
  _ipt_bind_optional_text (stmt, 14, ipt_episode_get_new_role (episode));
  _ipt_bind_optional_text (stmt, 15, ipt_episode_get_formulation (episode));
  _ipt_bind_optional_text (stmt, 16, ipt_episode_get_agreed_on (episode));
  _ipt_bind_text (stmt, 17, ipt_episode_status_to_id (ipt_episode_get_status (episode)));
  _ipt_bind_optional_text (stmt, 18, ipt_episode_get_end_date (episode));
  _ipt_bind_optional_text (stmt, 19, ipt_episode_get_end_reason (episode));
}

gboolean
ipt_store_insert_episode (IptStore   *self,
                          IptEpisode *episode,
                          GError    **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) next = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;
  guint ordinal = 0;
  gint64 id = 0;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), FALSE);

  if (!ipt_episode_validate (episode, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  next = _ipt_store_prepare (self,
                             "SELECT coalesce (max (ordinal), 0) + 1 FROM episodes "
                             "WHERE client_id = ?1",
                             error);
  ok = next != NULL;
  if (ok)
    {
      int rc;

      sqlite3_bind_int64 (next, 1, ipt_episode_get_client_id (episode));
      rc = sqlite3_step (next);
      ok = rc == SQLITE_ROW || _ipt_store_fail (self, rc, error);
      if (ok)
        ordinal = sqlite3_column_int (next, 0);
      _ipt_stmt_release (next);
    }

  if (ok)
    {
      stmt = _ipt_store_prepare (self,
                                 "INSERT INTO episodes (client_id, ordinal, start_date, "
                                 "planned_sessions, assessment_end, middle_end, focus, "
                                 "secondary_focus, dispute_stage, focus_person_id, focus_date, "
                                 "old_role, new_role, formulation, agreed_on, status, end_date, "
                                 "end_reason) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                 "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 2, ipt_episode_get_client_id (episode));
      sqlite3_bind_int (stmt, 3, ordinal);
      bind_episode (stmt, episode);
      ok = _ipt_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (_ipt_store_get_db (self));
    }

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  ipt_episode_set_id (episode, id);
  ipt_episode_set_ordinal (episode, ordinal);
  return TRUE;
}

gboolean
ipt_store_update_episode (IptStore   *self,
                          IptEpisode *episode,
                          GError    **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), FALSE);

  if (!ipt_episode_validate (episode, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  stmt = _ipt_store_prepare (self,
                             "UPDATE episodes SET start_date = ?4, planned_sessions = ?5, "
                             "assessment_end = ?6, middle_end = ?7, focus = ?8, "
                             "secondary_focus = ?9, dispute_stage = ?10, focus_person_id = ?11, "
                             "focus_date = ?12, old_role = ?13, new_role = ?14, "
                             "formulation = ?15, agreed_on = ?16, status = ?17, end_date = ?18, "
                             "end_reason = ?19 WHERE id = ?1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, ipt_episode_get_id (episode));
      bind_episode (stmt, episode);
      ok = _ipt_store_write_row (self, stmt, "course", ipt_episode_get_id (episode), error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
ipt_store_delete_episode (IptStore *self,
                          gint64    episode_id,
                          GError  **error)
{
  return _ipt_store_delete_by_id (self, "DELETE FROM episodes WHERE id = ?1", "course", episode_id,
                                  error);
}

static GPtrArray *
list_episodes (IptStore   *self,
               const char *sql,
               gint64      key,
               GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) episodes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, key);
  episodes = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (episodes, _ipt_store_episode_from_row (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&episodes);
}

IptEpisode *
ipt_store_get_episode (IptStore *self,
                       gint64    episode_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) episodes = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  episodes = list_episodes (self, "SELECT " EPISODE_COLUMNS " FROM episodes WHERE id = ?1",
                            episode_id, error);
  if (episodes == NULL)
    return NULL;
  if (episodes->len == 0)
    {
      _ipt_store_not_found (error, "course", episode_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (episodes, 0));
}

GPtrArray *
ipt_store_list_episodes (IptStore *self,
                         gint64    client_id,
                         GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return list_episodes (self,
                        "SELECT " EPISODE_COLUMNS " FROM episodes WHERE client_id = ?1 "
                        "ORDER BY ordinal",
                        client_id, error);
}

IptEpisode *
ipt_store_get_current_episode (IptStore *self,
                               gint64    client_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) episodes = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  episodes = list_episodes (self,
                            "SELECT " EPISODE_COLUMNS " FROM episodes WHERE client_id = ?1 "
                            "ORDER BY ordinal DESC LIMIT 1",
                            client_id, error);
  if (episodes == NULL || episodes->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (episodes, 0));
}
