/* Shared inside store/ only: the raw connection for import, demo and export queries. */
#pragma once

#include <sqlite3.h>

#include "ipt-store.h"

G_BEGIN_DECLS

/* A row written in the transaction in progress (ipt-store-notify.c). */
typedef struct
{
  const char *table;     /* interned */
  gint64      rowid;
} IptPendingRow;

/* The instance, shared by ipt-store.c (the object, statements, transactions) and
 * ipt-store-open.c (opening a casebook). */
struct _IptStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt */
  IptStoreOpenFlags flags;
  guint write_depth;
  /* SQLite rolled the transaction back by itself while calls that opened it are still to end:
   * they end with nothing written, and no new write starts until they have. */
  gboolean write_lost;
  GError *backup_error;

  /* What the transaction in progress wrote (ipt-store-notify.c). */
  GArray *pending;          /* IptPendingRow */
  GArray *marks;            /* guint: pending->len at each open savepoint */
  gboolean collecting;
};

sqlite3 *_ipt_store_get_db (IptStore *self);

/* A prepared statement from the connection's cache, reset and with its bindings cleared. Release
 * it (reset) when done, best with g_autoptr (IptStmt), so no read stays open. The SQL must hold
 * no values: bind them. */
typedef sqlite3_stmt IptStmt;
IptStmt *_ipt_store_prepare (IptStore   *self,
                             const char *sql,
                             GError    **error);
void     _ipt_stmt_release (IptStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptStmt, _ipt_stmt_release)

/* Steps a statement that returns no rows (or ignores them); sets the error from the connection. */
gboolean _ipt_store_step_done (IptStore *self,
                               IptStmt  *stmt,
                               GError  **error);
/* Sets an IPT_STORE_ERROR from a SQLite result code and the connection's message; returns FALSE. */
gboolean _ipt_store_fail (IptStore *self,
                          int       rc,
                          GError  **error);

/* Every write call runs between these: the outermost opens a transaction (BEGIN IMMEDIATE), an
 * inner one (inside ipt_store_begin) a savepoint, so a failing call undoes only itself.
 * end (ok = FALSE) rolls back and always returns FALSE. */
gboolean _ipt_store_write_begin (IptStore *self,
                                 GError  **error);
gboolean _ipt_store_write_end (IptStore *self,
                               gboolean  ok,
                               GError  **error);

/* Change announcements (ipt-store-notify.c): begin when the outermost transaction opens,
 * savepoint / release around each inner one, collect just before COMMIT (NULL: nothing to
 * announce), discard on rollback. note_owners traces a row to its session, course and client
 * before it is deleted. */
gboolean         _ipt_store_has_listeners (IptStore *self);
void             _ipt_store_changes_begin (IptStore *self);
void             _ipt_store_changes_savepoint (IptStore *self);
void             _ipt_store_changes_release (IptStore *self,
                                             gboolean  rolled_back);
IptStoreChanges *_ipt_store_changes_collect (IptStore *self);
void             _ipt_store_changes_discard (IptStore *self);
void             _ipt_store_note_owners (IptStore   *self,
                                         const char *table,
                                         gint64      rowid);

/* Recomputes the episode_series rows of the courses marked stale (ipt-schema-2.sql); done
 * before every commit of ipt_store_write_end. */
gboolean _ipt_store_refresh_series (IptStore *self,
                                    GError  **error);
/* Writes the kept caseload order of the clients marked stale (ipt-schema-8.sql), the model
 * working out their signals; after _ipt_store_refresh_series (), whose rows mark their
 * clients (ipt-store-caseload.c). */
gboolean _ipt_store_refresh_caseload_order (IptStore *self,
                                            GError  **error);

/* Item answers as scores.answers holds them (ipt-schema-3.sql): one character per item, the
 * answer's digit or '-' when missing. pack fills buf (IPT_STORE_MAX_ANSWERS + 1 bytes) and returns
 * it, or NULL when there are no answers; unpack fails unless text has exactly n_items characters. */
#define IPT_STORE_MAX_ANSWERS 64
const char *_ipt_store_pack_answers   (const int  *items,
                                       guint       n_items,
                                       char       *buf);
gboolean    _ipt_store_unpack_answers (const char *text,
                                       int        *items,
                                       guint       n_items);

/* NULL binds NULL; _optional_ also stores "" as NULL (fields a person may leave empty). */
void     _ipt_bind_text (IptStmt    *stmt,
                         int         index,
                         const char *text);
void     _ipt_bind_optional_text (IptStmt    *stmt,
                                  int         index,
                                  const char *text);
/* 0 binds NULL (ids that refer to nothing). */
void     _ipt_bind_id (IptStmt *stmt,
                       int      index,
                       gint64   id);
/* The current UTC time as stored in created_at / updated_at, ISO 8601 with microseconds. */
char    *_ipt_store_now (void);

/* Records from the columns of a row starting at `col` (CLIENT_COLUMNS / EPISODE_COLUMNS order in
 * ipt-store-records.c). */
IptClient  *_ipt_store_client_from_row (IptStmt *stmt,
                                        int      col);
IptEpisode *_ipt_store_episode_from_row (IptStmt *stmt,
                                         int      col);

/* Shared by the record files (ipt-store-records.c, -sessions.c, -people.c, -timeline.c). */
#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* The model checked the record first: its message is the one a person should read. */
gboolean   _ipt_store_model_refused (GError **model_error,
                                     GError **error);
gboolean   _ipt_store_not_found     (GError    **error,
                                     const char *what,
                                     gint64      id);
/* Runs a statement that writes one row, or none when it does not exist. */
gboolean   _ipt_store_write_row     (IptStore   *self,
                                     IptStmt    *stmt,
                                     const char *what,
                                     gint64      id,
                                     GError    **error);
gboolean   _ipt_store_delete_by_id  (IptStore   *self,
                                     const char *sql,
                                     const char *what,
                                     gint64      id,
                                     GError    **error);
/* Inserts (id 0) or updates a row with the statement for each; the binder fills ?2 onwards. */
gboolean   _ipt_store_save_record   (IptStore    *self,
                                     gint64      *id,
                                     const char  *insert_sql,
                                     const char  *update_sql,
                                     const char  *what,
                                     void       (*bind) (IptStmt *, gpointer),
                                     gpointer     record,
                                     GError     **error);
/* The rows of one query whose only parameter is the owner's id, each made into an object. */
GPtrArray *_ipt_store_list_by_id    (IptStore   *self,
                                     const char *sql,
                                     gint64      owner_id,
                                     GObject  *(*from_row) (IptStmt *stmt),
                                     GError    **error);

/* Creates a folder for clinical data with mode 0700 (also forced on the default folder). */
gboolean _ipt_store_ensure_private_dir (const char *dir,
                                        GError    **error);

/* Schema and migrations (ipt-store-migrate.c). */
gboolean _ipt_store_create_schema (sqlite3 *db,
                                   GError **error);
gboolean _ipt_store_migrate (sqlite3    *db,
                             int         from_version,
                             const char *display_name,
                             GError    **error);

/* Copies the open database before a migration to `<path>.before-v<N>.bak` (N the version it is
 * being migrated to; -2, -3, ... added when that name is taken); returns the path. */
char    *_ipt_store_backup_before_migration (IptStore *self,
                                             int       to_version,
                                             GError  **error);

G_END_DECLS
