/* The casebook object: its paths, the statement cache and its errors, closing, transactions. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (IptStore, ipt_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ipt-store-error-quark, ipt_store_error)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ipt_store_finalize (GObject *object)
{
  IptStore *self = (IptStore *) object;

  ipt_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_error (&self->backup_error);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->path);

  G_OBJECT_CLASS (ipt_store_parent_class)->finalize (object);
}

static void
ipt_store_class_init (IptStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_store_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, IPT_TYPE_STORE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

gboolean
_ipt_store_has_listeners (IptStore *self)
{
  return g_signal_has_handler_pending (self, signals[SIGNAL_CHANGED], 0, FALSE);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ipt_store_init (IptStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (IptPendingRow));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

char *
ipt_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ipt-casebook", "casebook.sqlite", NULL);
}

char *
ipt_store_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ipt-casebook", "demo.sqlite", NULL);
}

char *
ipt_store_backup_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "ipt-casebook", "backups", NULL);
}

sqlite3 *
_ipt_store_get_db (IptStore *self)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return self->db;
}

const char *
ipt_store_get_path (IptStore *self)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return self->path;
}

gboolean
ipt_store_get_read_only (IptStore *self)
{
  g_return_val_if_fail (IPT_IS_STORE (self), TRUE);

  return (self->flags & IPT_STORE_OPEN_READ_ONLY) != 0;
}

const GError *
ipt_store_get_backup_error (IptStore *self)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return self->backup_error;
}

void
ipt_store_close (IptStore *self)
{
  g_return_if_fail (IPT_IS_STORE (self));

  if (self->db == NULL)
    return;

  if (self->write_depth > 0 && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->write_depth = 0;
  self->write_lost = FALSE;
  _ipt_store_changes_discard (self);

  g_hash_table_remove_all (self->statements);
  /* The last connection to close checkpoints the WAL and removes the -wal and -shm files. */
  sqlite3_close (self->db);
  self->db = NULL;
}

/* Statements and errors */

gboolean
_ipt_store_fail (IptStore *self,
                 int       rc,
                 GError  **error)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                     _("The record conflicts with one already in the casebook (%s)"), message);
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                     _("The record refers to one that is not in the casebook (%s)"), message);
      else
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                     _("The casebook refused an impossible record (%s)"), message);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                   _("The casebook is damaged: %s"), message);
      break;

    case SQLITE_READONLY:
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                   _("The casebook is read-only: %s"), message);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("The casebook is busy in another window or program: %s"), message);
      break;

    case SQLITE_FULL:
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("The disk is full: the change was not saved"));
      break;

    default:
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Casebook error: %s"), message);
      break;
    }

  return FALSE;
}

IptStmt *
_ipt_store_prepare (IptStore   *self,
                    const char *sql,
                    GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("The casebook is closed"));
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          _ipt_store_fail (self, rc, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

void
_ipt_stmt_release (IptStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
_ipt_store_step_done (IptStore *self,
                      IptStmt  *stmt,
                      GError  **error)
{
  int rc;

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);

  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

void
_ipt_bind_text (IptStmt    *stmt,
                int         index,
                const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_ipt_bind_optional_text (IptStmt    *stmt,
                         int         index,
                         const char *text)
{
  _ipt_bind_text (stmt, index, text != NULL && *text != '\0' ? text : NULL);
}

void
_ipt_bind_id (IptStmt *stmt,
              int      index,
              gint64   id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
_ipt_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Transactions */

gboolean
_ipt_store_refresh_series (IptStore *self,
                           GError  **error)
{
  g_autoptr(IptStmt) any = _ipt_store_prepare (self,
                                               "SELECT EXISTS (SELECT 1 FROM episode_series_stale)",
                                               error);
  g_autoptr(IptStmt) refresh = NULL;
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

  refresh = _ipt_store_prepare (self,
                                "INSERT OR REPLACE INTO episode_series "
                                "SELECT * FROM episode_series_view WHERE episode_id IN "
                                "(SELECT episode_id FROM episode_series_stale)",
                                error);
  if (refresh == NULL || !_ipt_store_step_done (self, refresh, error))
    return FALSE;

  clear = _ipt_store_prepare (self, "DELETE FROM episode_series_stale", error);
  return clear != NULL && _ipt_store_step_done (self, clear, error);
}

static gboolean
exec_control (IptStore   *self,
              const char *sql,
              GError    **error)
{
  g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  return _ipt_store_step_done (self, stmt, error);
}

gboolean
_ipt_store_write_begin (IptStore *self,
                        GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (ipt_store_get_read_only (self))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                   _("%s is open read-only"), self->path);
      return FALSE;
    }

  /* A SAVEPOINT now would open a transaction of its own, which the outer calls would then end
   * as if it were theirs. */
  if (self->write_lost)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                           _("The change could not be saved and was undone"));
      return FALSE;
    }

  if (!exec_control (self, self->write_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT ipt_write",
                     error))
    return FALSE;

  if (self->write_depth == 0)
    _ipt_store_changes_begin (self);
  else
    _ipt_store_changes_savepoint (self);
  self->write_depth++;
  return TRUE;
}

gboolean
_ipt_store_write_end (IptStore *self,
                      gboolean  ok,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->write_depth > 0, FALSE);

  self->write_depth--;

  if (self->db == NULL)
    return FALSE;

  /* SQLite rolls the whole transaction back by itself after some errors (disk full, I/O, a
   * trigger's RAISE (ROLLBACK)). The call that sees it first says so (unless its caller already
   * has the error that caused it); the outer calls, which opened the same transaction, end
   * quietly with FALSE: their callers hold that error already. */
  if (self->write_lost || sqlite3_get_autocommit (self->db))
    {
      if (!self->write_lost)
        _ipt_store_changes_discard (self);
      self->write_lost = self->write_depth > 0;
      /* ok: this caller went on as if nothing had failed; it must still hear of it. */
      if (ok && (error == NULL || *error == NULL))
        g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                             _("The change could not be saved and was undone"));
      return FALSE;
    }

  if (self->write_depth == 0)
    {
      if (ok && _ipt_store_refresh_series (self, &local_error)
          && _ipt_store_refresh_caseload_order (self, &local_error))
        {
          g_autoptr(IptStoreChanges) changes = _ipt_store_changes_collect (self);

          if (exec_control (self, "COMMIT", &local_error))
            {
              /* What was saved goes on into the casebook file itself at once, not only into its
               * -wal: a copy of the file alone then holds it. Passive: a reader in another
               * window is not waited for (the rest follows at a later save), and a failure
               * loses nothing, as the change is safe in the -wal. */
              sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
              /* Only now is it in the casebook: listeners read it as committed. */
              if (changes != NULL)
                g_signal_emit (self, signals[SIGNAL_CHANGED], 0, changes);
              return TRUE;
            }
        }
      _ipt_store_changes_discard (self);
      exec_control (self, "ROLLBACK", NULL);
    }
  else
    {
      if (ok && exec_control (self, "RELEASE ipt_write", &local_error))
        {
          _ipt_store_changes_release (self, FALSE);
          return TRUE;
        }
      _ipt_store_changes_release (self, TRUE);
      exec_control (self, "ROLLBACK TO ipt_write", NULL);
      exec_control (self, "RELEASE ipt_write", NULL);
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
ipt_store_begin (IptStore *self,
                 GError  **error)
{
  return _ipt_store_write_begin (self, error);
}

gboolean
ipt_store_commit (IptStore *self,
                  GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (self->write_depth == 0)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("No change is in progress"));
      return FALSE;
    }

  return _ipt_store_write_end (self, TRUE, error);
}

void
ipt_store_rollback (IptStore *self)
{
  g_return_if_fail (IPT_IS_STORE (self));

  if (self->write_depth > 0)
    _ipt_store_write_end (self, FALSE, NULL);
}
