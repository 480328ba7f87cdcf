/* Which records a transaction wrote, gathered as it runs and announced once it has committed.
 *
 * SQLite's update hook names every row written on the connection (triggers and cascades
 * included), so no write path has to remember to report itself: a form, the import, Undo, a
 * merge. Before the COMMIT the rows are traced to their course and client (`owners` below); a
 * new table whose rows belong to a client gets a line there. A deleted row can no longer be
 * traced, so the delete calls trace it first (_ipt_store_note_owners). */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <string.h>

/* How a row of each table leads to its session, course and client: the query takes the row's
 * id and returns those three (NULL where there is none). */
static const struct
{
  const char *table;
  const char *sql;
} owners[] = {
  { "episodes", "SELECT NULL, id, client_id FROM episodes WHERE id = ?1" },
  { "sessions",
    "SELECT s.id, s.episode_id, e.client_id FROM sessions s "
    "JOIN episodes e ON e.id = s.episode_id WHERE s.id = ?1" },
  { "scores",
    "SELECT s.id, s.episode_id, e.client_id FROM scores sc JOIN sessions s ON s.id = sc.session_id "
    "JOIN episodes e ON e.id = s.episode_id WHERE sc.id = ?1" },
  { "people", "SELECT NULL, NULL, client_id FROM people WHERE id = ?1" },
  { "life_events", "SELECT NULL, NULL, client_id FROM life_events WHERE id = ?1" },
  { "goals",
    "SELECT NULL, g.episode_id, e.client_id FROM goals g "
    "JOIN episodes e ON e.id = g.episode_id WHERE g.id = ?1" },
  { "comments",
    "SELECT NULL, c.episode_id, e.client_id FROM comments c "
    "JOIN episodes e ON e.id = c.episode_id WHERE c.id = ?1" },
  { "risk_reviews",
    "SELECT NULL, r.episode_id, e.client_id FROM risk_reviews r "
    "JOIN episodes e ON e.id = r.episode_id WHERE r.id = ?1" },
  /* Tables whose rowid is their course's id. */
  { "risk_review_cover", "SELECT NULL, id, client_id FROM episodes WHERE id = ?1" },
  { "secondary_focus_fields", "SELECT NULL, id, client_id FROM episodes WHERE id = ?1" },
  { "course_endings", "SELECT NULL, id, client_id FROM episodes WHERE id = ?1" },
  { "maintenance_contracts", "SELECT NULL, id, client_id FROM episodes WHERE id = ?1" },
  /* Its rowid is the client's id. */
  { "inventory_notes", "SELECT NULL, NULL, id FROM clients WHERE id = ?1" },
  /* Its rowid is the session's id. */
  { "session_techniques",
    "SELECT s.id, s.episode_id, e.client_id FROM sessions s "
    "JOIN episodes e ON e.id = s.episode_id WHERE s.id = ?1" },
  { "session_attendees",
    "SELECT s.id, s.episode_id, e.client_id FROM session_attendees a "
    "JOIN sessions s ON s.id = a.session_id JOIN episodes e ON e.id = s.episode_id "
    "WHERE a.id = ?1" },
  { "session_reviews",
    "SELECT NULL, r.episode_id, e.client_id FROM session_reviews r "
    "JOIN episodes e ON e.id = r.episode_id WHERE r.id = ?1" },
  { "supervision_log",
    "SELECT NULL, l.episode_id, e.client_id FROM supervision_log l "
    "JOIN episodes e ON e.id = l.episode_id WHERE l.id = ?1" },
  /* WITHOUT ROWID tables (goal_ratings, dispute_stage_changes) are not named by the update hook:
   * their triggers write the goal or the course they belong to, which is. */
};

static const char *
owner_sql (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    if (strcmp (owners[i].table, table) == 0)
      return owners[i].sql;
  return NULL;
}

static void
on_update (void          *user_data,
           int            op,
           const char    *db_name,
           const char    *table,
           sqlite3_int64  rowid)
{
  IptStore *self = user_data;
  IptPendingRow row;

  /* Temporary tables (the import's) are nobody's records; the caches of the series and of the
   * caseload's order follow the rows they are made from, except that its stale list names the courses whose sessions or scores went. */
  if (strcmp (db_name, "main") != 0 || g_str_has_prefix (table, "sqlite_")
      || strcmp (table, "episode_series") == 0 || strcmp (table, "caseload_order") == 0
      || strcmp (table, "caseload_order_stale") == 0)
    return;
  if (strcmp (table, "episode_series_stale") == 0)
    {
      if (op != SQLITE_INSERT)
        return;
      table = "episodes";
    }

  row.table = g_intern_string (table);
  row.rowid = rowid;
  g_array_append_val (self->pending, row);
}

void
_ipt_store_changes_begin (IptStore *self)
{
  g_array_set_size (self->pending, 0);
  g_array_set_size (self->marks, 0);
  /* Nobody listening (the command line, the demo generator): nothing to gather. */
  self->collecting = _ipt_store_has_listeners (self);
  if (self->collecting)
    sqlite3_update_hook (self->db, on_update, self);
}

void
_ipt_store_changes_savepoint (IptStore *self)
{
  guint mark = self->pending->len;

  g_array_append_val (self->marks, mark);
}

void
_ipt_store_changes_release (IptStore *self,
                            gboolean  rolled_back)
{
  guint mark;

  if (self->marks->len == 0)
    return;
  mark = g_array_index (self->marks, guint, self->marks->len - 1);
  g_array_set_size (self->marks, self->marks->len - 1);
  /* What a failed inner call wrote was undone: it is not announced. */
  if (rolled_back && mark < self->pending->len)
    g_array_set_size (self->pending, mark);
}

void
_ipt_store_changes_discard (IptStore *self)
{
  if (self->collecting && self->db != NULL)
    sqlite3_update_hook (self->db, NULL, NULL);
  self->collecting = FALSE;
  g_array_set_size (self->pending, 0);
  g_array_set_size (self->marks, 0);
}

/* Adds the row and what it belongs to, as far as the casebook still knows. */
static void
trace_row (IptStore        *self,
           IptStoreChanges *changes,
           const char      *table,
           gint64           rowid)
{
  const char *sql = owner_sql (table);
  g_autoptr(IptStmt) stmt = NULL;

  if (strcmp (table, "clients") == 0)
    ipt_store_changes_add (changes, IPT_STORE_CHANGE_CLIENT, rowid);
  else if (strcmp (table, "episodes") == 0)
    ipt_store_changes_add (changes, IPT_STORE_CHANGE_COURSE, rowid);
  else if (strcmp (table, "sessions") == 0)
    ipt_store_changes_add (changes, IPT_STORE_CHANGE_SESSION, rowid);
  else
    ipt_store_changes_add_record (changes, table, rowid);

  if (sql == NULL || (stmt = _ipt_store_prepare (self, sql, NULL)) == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    ipt_store_changes_add (changes, IPT_STORE_CHANGE_SESSION, sqlite3_column_int64 (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    ipt_store_changes_add (changes, IPT_STORE_CHANGE_COURSE, sqlite3_column_int64 (stmt, 1));
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    ipt_store_changes_add (changes, IPT_STORE_CHANGE_CLIENT, sqlite3_column_int64 (stmt, 2));
}

void
_ipt_store_note_owners (IptStore   *self,
                        const char *table,
                        gint64      rowid)
{
  g_autoptr(IptStoreChanges) changes = NULL;
  static const struct { IptStoreChangeKind kind; const char *table; } kinds[] = {
    { IPT_STORE_CHANGE_SESSION, "sessions" },
    { IPT_STORE_CHANGE_COURSE, "episodes" },
    { IPT_STORE_CHANGE_CLIENT, "clients" },
  };

  if (!self->collecting || self->db == NULL)
    return;

  /* The owners go in as rows of their own tables, so that a rolled-back savepoint drops them
   * with the rest. */
  changes = ipt_store_changes_new ();
  trace_row (self, changes, table, rowid);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n;
      g_autofree gint64 *ids = ipt_store_changes_get_ids (changes, kinds[k].kind, &n);

      for (guint i = 0; i < n; i++)
        {
          IptPendingRow row = { g_intern_static_string (kinds[k].table), ids[i] };

          g_array_append_val (self->pending, row);
        }
    }
}

IptStoreChanges *
_ipt_store_changes_collect (IptStore *self)
{
  g_autoptr(IptStoreChanges) changes = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (!self->collecting)
    return NULL;
  sqlite3_update_hook (self->db, NULL, NULL);
  self->collecting = FALSE;

  changes = ipt_store_changes_new ();
  seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < self->pending->len; i++)
    {
      IptPendingRow *row = &g_array_index (self->pending, IptPendingRow, i);
      GHashTable *rows = g_hash_table_lookup (seen, row->table);

      /* An import writes many rows of one session: each is traced once. */
      if (rows == NULL)
        {
          rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (seen, (gpointer) row->table, rows);
        }
      if (g_hash_table_contains (rows, &row->rowid))
        continue;
      g_hash_table_add (rows, g_memdup2 (&row->rowid, sizeof row->rowid));
      trace_row (self, changes, row->table, row->rowid);
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_unref (value);
  }

  g_array_set_size (self->pending, 0);
  g_array_set_size (self->marks, 0);
  if (ipt_store_changes_is_empty (changes))
    return NULL;
  return g_steal_pointer (&changes);
}
