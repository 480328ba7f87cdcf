/* A client and everything of theirs, copied out of the casebook before a deletion and written
 * back by Undo: every row that the deletion removes, found through the schema's foreign keys
 * (ON DELETE CASCADE from clients), so that tables added later come along by themselves. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-snapshot.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  char      *table;
  char      *insert_sql;    /* INSERT INTO "table" ("a", "b") VALUES (?1, ?2) */
  guint      n_columns;
  GPtrArray *rows;          /* of sqlite3_value *[n_columns] */
} TableRows;

struct _IptClientSnapshot
{
  gint64     client_id;
  GPtrArray *tables;        /* TableRows, parents before children */
};

static void
table_rows_free (TableRows *t)
{
  for (guint i = 0; i < t->rows->len; i++)
    {
      sqlite3_value **row = g_ptr_array_index (t->rows, i);

      for (guint c = 0; c < t->n_columns; c++)
        sqlite3_value_free (row[c]);
      g_free (row);
    }
  g_ptr_array_unref (t->rows);
  g_free (t->table);
  g_free (t->insert_sql);
  g_free (t);
}

/* Rows kept of one table; table NULL: of every table. */
static guint
count_rows (GPtrArray  *tables,
            const char *table)
{
  guint count = 0;

  for (guint i = 0; i < tables->len; i++)
    {
      TableRows *t = g_ptr_array_index (tables, i);

      if (table == NULL || g_strcmp0 (t->table, table) == 0)
        count += t->rows->len;
    }
  return count;
}

void
ipt_client_snapshot_free (IptClientSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->tables, g_ptr_array_unref);
  g_free (snapshot);
}

gint64
ipt_client_snapshot_get_client_id (IptClientSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->client_id;
}

guint
ipt_client_snapshot_count_rows (IptClientSnapshot *snapshot,
                                const char        *table)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return count_rows (snapshot->tables, table);
}

/* The schema: each table's cascade links to its parents. */
typedef struct
{
  char      *name;
  GPtrArray *links;         /* of char *: "child_col\x1fparent\x1fparent_col" */
} TableInfo;

static void
table_info_free (TableInfo *info)
{
  g_free (info->name);
  g_ptr_array_unref (info->links);
  g_free (info);
}

static char *
quote_identifier (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static GPtrArray *
read_schema (sqlite3 *db,
             GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_info_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* In the order the tables were made: parents first, as the schema steps create them. */
  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TableInfo *info = g_new0 (TableInfo, 1);

      rc = SQLITE_OK;
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->links = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tables, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not read the casebook’s tables: %s"), sqlite3_errmsg (db));
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      TableInfo *info = g_ptr_array_index (tables, i);

      /* The table-valued pragma takes the table's name as a bound value. */
      rc = sqlite3_prepare_v2 (db, "SELECT \"from\", \"table\", \"to\", on_delete "
                                   "FROM pragma_foreign_key_list (?1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_TRANSIENT);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          rc = SQLITE_OK;
          if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 3), "CASCADE") != 0)
            continue;
          g_ptr_array_add (info->links,
                           g_strdup_printf ("%s\x1f%s\x1f%s",
                                            (const char *) sqlite3_column_text (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            sqlite3_column_text (stmt, 2) != NULL
                                            ? (const char *) sqlite3_column_text (stmt, 2) : "id"));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                       _("Could not read the casebook’s tables: %s"), sqlite3_errmsg (db));
          return NULL;
        }
    }
  return g_steal_pointer (&tables);
}

static TableInfo *
find_table (GPtrArray  *tables,
            const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    {
      TableInfo *info = g_ptr_array_index (tables, i);

      if (g_ascii_strcasecmp (info->name, name) == 0)
        return info;
    }
  return NULL;
}

/* The condition that selects a table's rows that hang from one row of root (its id bound as
 * ?1), or NULL when the table does not hang from root by cascades. depth guards against a
 * cycle. */
static char *
rows_condition (GPtrArray  *tables,
                TableInfo  *info,
                const char *root,
                guint       depth)
{
  g_autoptr(GString) condition = NULL;

  if (g_ascii_strcasecmp (info->name, root) == 0)
    return g_strdup ("\"id\" = ?1");
  if (depth > 16)
    return NULL;

  for (guint i = 0; i < info->links->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (info->links, i), "\x1f", 3);
      TableInfo *parent = find_table (tables, parts[1]);
      g_autofree char *parent_condition = parent != NULL
                                          ? rows_condition (tables, parent, root, depth + 1)
                                          : NULL;
      g_autofree char *column = NULL;
      g_autofree char *parent_table = NULL;
      g_autofree char *parent_column = NULL;

      if (parent_condition == NULL)
        continue;
      column = quote_identifier (parts[0]);
      parent_table = quote_identifier (parent->name);
      parent_column = quote_identifier (parts[2]);
      if (condition == NULL)
        condition = g_string_new (NULL);
      else
        g_string_append (condition, " OR ");
      g_string_append_printf (condition, "%s IN (SELECT %s FROM %s WHERE %s)",
                              column, parent_column, parent_table, parent_condition);
    }
  return condition != NULL ? g_string_free (g_steal_pointer (&condition), FALSE) : NULL;
}

/* Copies the rows of table that condition selects (?1 bound to id) into a new TableRows
 * appended to into; with its INSERT statement. */
static gboolean
copy_rows (IptStore   *self,
           const char *table_name,
           const char *condition,
           gint64      id,
           GPtrArray  *into,
           GError    **error)
{
  sqlite3 *db = _ipt_store_get_db (self);
  g_autofree char *table = quote_identifier (table_name);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", table, condition);
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) values = NULL;
  sqlite3_stmt *stmt = NULL;
  TableRows *rows;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _ipt_store_fail (self, rc, error);
  sqlite3_bind_int64 (stmt, 1, id);

  rows = g_new0 (TableRows, 1);
  rows->table = g_strdup (table_name);
  rows->n_columns = sqlite3_column_count (stmt);
  rows->rows = g_ptr_array_new ();
  g_ptr_array_add (into, rows);

  insert = g_string_new ("INSERT INTO ");
  values = g_string_new (") VALUES (");
  g_string_append_printf (insert, "%s (", table);
  for (guint c = 0; c < rows->n_columns; c++)
    {
      g_autofree char *column = quote_identifier (sqlite3_column_name (stmt, c));

      g_string_append_printf (insert, "%s%s", c > 0 ? ", " : "", column);
      g_string_append_printf (values, "%s?%u", c > 0 ? ", " : "", c + 1);
    }
  g_string_append (values, ")");
  g_string_append (insert, values->str);
  rows->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_value **row = g_new0 (sqlite3_value *, MAX (rows->n_columns, 1));

      for (guint c = 0; c < rows->n_columns; c++)
        row[c] = sqlite3_value_dup (sqlite3_column_value (stmt, c));
      g_ptr_array_add (rows->rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

IptClientSnapshot *
ipt_store_snapshot_client (IptStore *self,
                           gint64    client_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(IptClientSnapshot) snapshot = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  tables = read_schema (_ipt_store_get_db (self), error);
  if (tables == NULL)
    return NULL;

  snapshot = g_new0 (IptClientSnapshot, 1);
  snapshot->client_id = client_id;
  snapshot->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_rows_free);

  for (guint i = 0; i < tables->len; i++)
    {
      TableInfo *info = g_ptr_array_index (tables, i);
      g_autofree char *condition = rows_condition (tables, info, "clients", 0);
      TableRows *rows;

      if (condition == NULL)
        continue;
      if (!copy_rows (self, info->name, condition, client_id, snapshot->tables, error))
        return NULL;
      rows = g_ptr_array_index (snapshot->tables, snapshot->tables->len - 1);
      if (g_ascii_strcasecmp (info->name, "clients") == 0 && rows->rows->len == 0)
        {
          _ipt_store_not_found (error, "client", client_id);
          return NULL;
        }
    }

  return g_steal_pointer (&snapshot);
}

IptClientSnapshot *
ipt_store_take_client (IptStore *self,
                       gint64    client_id,
                       GError  **error)
{
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  if (!_ipt_store_write_begin (self, error))
    return NULL;
  snapshot = ipt_store_snapshot_client (self, client_id, error);
  ok = snapshot != NULL && ipt_store_delete_client (self, client_id, error);
  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return NULL;

  return g_steal_pointer (&snapshot);
}

typedef enum
{
  RESTORE_CLIENT,
  RESTORE_SESSION,
  RESTORE_PERSON,
} RestoreWhat;

/* Writes rows back with their ids, in the order kept; inside a transaction. */
static gboolean
write_rows (IptStore   *self,
            GPtrArray  *tables,
            RestoreWhat what,
            GError    **error)
{
  sqlite3 *db = _ipt_store_get_db (self);
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < tables->len; i++)
    {
      TableRows *t = g_ptr_array_index (tables, i);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (t->rows->len == 0)
        continue;
      rc = sqlite3_prepare_v2 (db, t->insert_sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return _ipt_store_fail (self, rc, error);
      for (guint r = 0; ok && r < t->rows->len; r++)
        {
          sqlite3_value **row = g_ptr_array_index (t->rows, r);

          sqlite3_reset (stmt);
          for (guint c = 0; c < t->n_columns; c++)
            sqlite3_bind_value (stmt, c + 1, row[c]);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_DONE)
            {
              /* A record made since takes the place of one to restore, or one that a restored
               * row needs is gone. */
              if ((rc & 0xff) == SQLITE_CONSTRAINT && what == RESTORE_CLIENT)
                g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                             _("The client cannot come back: a record made since their deletion "
                               "is in the way (%s)"), sqlite3_errmsg (db));
              else if ((rc & 0xff) == SQLITE_CONSTRAINT && what == RESTORE_PERSON)
                g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                             /* TRANSLATORS: Undo of deleting a person from the inventory failed;
                              * %s is the database's own words */
                             _("The person cannot come back: a record made since their deletion "
                               "is in the way (%s)"), sqlite3_errmsg (db));
              else if ((rc & 0xff) == SQLITE_CONSTRAINT)
                g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                             _("The session cannot come back: the course has changed since its "
                               "deletion (%s)"), sqlite3_errmsg (db));
              else
                _ipt_store_fail (self, rc, error);
              ok = FALSE;
            }
        }
      sqlite3_finalize (stmt);
    }
  return ok;
}

gboolean
ipt_store_restore_client (IptStore          *self,
                          IptClientSnapshot *snapshot,
                          GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  ok = write_rows (self, snapshot->tables, RESTORE_CLIENT, error);
  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* Sessions */

struct _IptSessionSnapshot
{
  gint64     session_id;
  guint      number;
  GPtrArray *tables;        /* TableRows: the session first, then what hangs from it */
};

void
ipt_session_snapshot_free (IptSessionSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->tables, g_ptr_array_unref);
  g_free (snapshot);
}

gint64
ipt_session_snapshot_get_session_id (IptSessionSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->session_id;
}

guint
ipt_session_snapshot_get_number (IptSessionSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->number;
}

guint
ipt_session_snapshot_count_rows (IptSessionSnapshot *snapshot,
                                 const char         *table)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return count_rows (snapshot->tables, table);
}

/* Records kept by the session's number in its course rather than by its id: what was given at
 * the session (goal ratings, a dispute's stage change) goes and comes back with it. The
 * supervisor's ratings and comments of a session are theirs, and stay. */
#define SESSION_EPISODE "(SELECT episode_id FROM sessions WHERE id = ?1)"
#define SESSION_NUMBER "(SELECT number FROM sessions WHERE id = ?1)"
static const struct
{
  const char *table;
  const char *condition;
} by_number[] = {
  { "goal_ratings",
    "goal_id IN (SELECT id FROM goals WHERE episode_id = " SESSION_EPISODE ") "
    "AND session_number = " SESSION_NUMBER },
  { "dispute_stage_changes",
    "episode_id = " SESSION_EPISODE " AND session_number = " SESSION_NUMBER },
};

IptSessionSnapshot *
ipt_store_take_session (IptStore *self,
                        gint64    session_id,
                        GError  **error)
{
  g_autoptr(IptSessionSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  if (!_ipt_store_write_begin (self, error))
    return NULL;

  snapshot = g_new0 (IptSessionSnapshot, 1);
  snapshot->session_id = session_id;
  snapshot->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_rows_free);

  tables = read_schema (_ipt_store_get_db (self), error);
  ok = tables != NULL;
  for (guint i = 0; ok && i < tables->len; i++)
    {
      TableInfo *info = g_ptr_array_index (tables, i);
      g_autofree char *condition = rows_condition (tables, info, "sessions", 0);

      if (condition == NULL)
        continue;
      ok = copy_rows (self, info->name, condition, session_id, snapshot->tables, error);
      if (ok && g_ascii_strcasecmp (info->name, "sessions") == 0)
        {
          TableRows *rows = g_ptr_array_index (snapshot->tables, snapshot->tables->len - 1);

          if (rows->rows->len == 0)
            {
              _ipt_store_not_found (error, "session", session_id);
              ok = FALSE;
            }
        }
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (by_number); i++)
    ok = copy_rows (self, by_number[i].table, by_number[i].condition, session_id,
                    snapshot->tables, error);

  if (ok)
    {
      g_autoptr(IptStmt) number = _ipt_store_prepare (self, "SELECT " SESSION_NUMBER, error);

      ok = number != NULL;
      if (ok)
        {
          int rc;

          sqlite3_bind_int64 (number, 1, session_id);
          rc = sqlite3_step (number);
          ok = rc == SQLITE_ROW;
          if (ok)
            snapshot->number = sqlite3_column_int (number, 0);
          else if (rc == SQLITE_DONE)
            _ipt_store_not_found (error, "session", session_id);
          else
            _ipt_store_fail (self, rc, error);
        }
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (by_number); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s", by_number[i].table,
                                              by_number[i].condition);
      g_autoptr(IptStmt) stmt = _ipt_store_prepare (self, sql, error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, session_id);
          ok = _ipt_store_step_done (self, stmt, error);
        }
    }
  ok = ok && ipt_store_delete_session (self, session_id, error);

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&snapshot);
}

gboolean
ipt_store_restore_session (IptStore           *self,
                           IptSessionSnapshot *snapshot,
                           GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  ok = write_rows (self, snapshot->tables, RESTORE_SESSION, error);
  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* People */

/* The columns of the schema that link to people without a cascade (ON DELETE SET NULL, or
 * anything else that leaves the row in place): "table\x1fcolumn" each. */
static GPtrArray *
read_person_links (sqlite3 *db,
                   GError **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT m.name, f.\"from\" FROM sqlite_schema AS m, "
                               "pragma_foreign_key_list (m.name) AS f "
                               "WHERE m.type = 'table' AND f.\"table\" = 'people' "
                               "AND f.on_delete <> 'CASCADE' ORDER BY m.rowid, f.id",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rc = SQLITE_OK;
      g_ptr_array_add (links, g_strdup_printf ("%s\x1f%s", (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not read the casebook’s tables: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&links);
}

/* The rows of table whose column linked to the person (?1): each row's rowid and its values
 * before the deletion; after it, only the values that the deletion changed are kept (the link
 * set to none, an attendee's description written in), so that Undo gives back just those and
 * leaves what was written since. */
typedef struct
{
  char      *table;
  GPtrArray *columns;       /* of char *, quoted; the row's columns after its rowid */
  GPtrArray *rows;          /* of LinkRow */
} LinkRows;

typedef struct
{
  gint64           rowid;
  sqlite3_value  **before;  /* [columns->len]; NULL where the deletion left the value */
} LinkRow;

static void
link_rows_free (LinkRows *t)
{
  for (guint i = 0; i < t->rows->len; i++)
    {
      LinkRow *row = g_ptr_array_index (t->rows, i);

      for (guint c = 0; c < t->columns->len; c++)
        g_clear_pointer (&row->before[c], sqlite3_value_free);
      g_free (row->before);
      g_free (row);
    }
  g_ptr_array_unref (t->rows);
  g_ptr_array_unref (t->columns);
  g_free (t->table);
  g_free (t);
}

static guint
count_link_rows (GPtrArray  *links,
                 const char *table)
{
  guint count = 0;

  for (guint i = 0; i < links->len; i++)
    {
      LinkRows *t = g_ptr_array_index (links, i);

      if (table == NULL || g_strcmp0 (t->table, table) == 0)
        count += t->rows->len;
    }
  return count;
}

static gboolean
copy_link_rows (IptStore   *self,
                const char *table_name,
                const char *column_name,
                gint64      person_id,
                GPtrArray  *into,
                GError    **error)
{
  sqlite3 *db = _ipt_store_get_db (self);
  g_autofree char *table = quote_identifier (table_name);
  g_autofree char *column = quote_identifier (column_name);
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM %s WHERE %s = ?1", table, column);
  sqlite3_stmt *stmt = NULL;
  LinkRows *rows;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _ipt_store_fail (self, rc, error);
  sqlite3_bind_int64 (stmt, 1, person_id);

  rows = g_new0 (LinkRows, 1);
  rows->table = g_strdup (table_name);
  rows->columns = g_ptr_array_new_with_free_func (g_free);
  rows->rows = g_ptr_array_new ();
  g_ptr_array_add (into, rows);
  for (int c = 1; c < sqlite3_column_count (stmt); c++)
    g_ptr_array_add (rows->columns, quote_identifier (sqlite3_column_name (stmt, c)));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinkRow *row = g_new0 (LinkRow, 1);

      row->rowid = sqlite3_column_int64 (stmt, 0);
      row->before = g_new0 (sqlite3_value *, MAX (rows->columns->len, 1));
      for (guint c = 0; c < rows->columns->len; c++)
        row->before[c] = sqlite3_value_dup (sqlite3_column_value (stmt, c + 1));
      g_ptr_array_add (rows->rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

/* After the deletion: forgets the values of the kept rows that it left as they were. */
static gboolean
keep_changed_values (IptStore  *self,
                     LinkRows  *t,
                     GError   **error)
{
  sqlite3 *db = _ipt_store_get_db (self);
  g_autofree char *table = quote_identifier (t->table);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE rowid = ?1", table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (t->rows->len == 0)
    return TRUE;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _ipt_store_fail (self, rc, error);
  for (guint r = 0; r < t->rows->len; r++)
    {
      LinkRow *row = g_ptr_array_index (t->rows, r);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->rowid);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;               /* gone with the person: a cascade, kept in tables */
      if (rc != SQLITE_ROW)
        break;
      for (guint c = 0; c < t->columns->len; c++)
        {
          sqlite3_value *after = sqlite3_column_value (stmt, c);
          sqlite3_value *before = row->before[c];
          gboolean same = sqlite3_value_type (after) == sqlite3_value_type (before)
                          && sqlite3_value_bytes (after) == sqlite3_value_bytes (before)
                          && (sqlite3_value_type (before) == SQLITE_NULL
                              || memcmp (sqlite3_value_blob (after), sqlite3_value_blob (before),
                                         sqlite3_value_bytes (before)) == 0);

          if (same)
            g_clear_pointer (&row->before[c], sqlite3_value_free);
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

/* Gives the kept rows back the values that the deletion changed; inside a transaction. */
static gboolean
write_link_rows (IptStore  *self,
                 GPtrArray *links,
                 GError   **error)
{
  sqlite3 *db = _ipt_store_get_db (self);

  for (guint i = 0; i < links->len; i++)
    {
      LinkRows *t = g_ptr_array_index (links, i);
      g_autofree char *table = quote_identifier (t->table);

      for (guint r = 0; r < t->rows->len; r++)
        {
          LinkRow *row = g_ptr_array_index (t->rows, r);
          g_autoptr(GString) sql = g_string_new ("UPDATE ");
          sqlite3_stmt *stmt = NULL;
          guint n = 0;
          int rc;

          g_string_append_printf (sql, "%s SET ", table);
          for (guint c = 0; c < t->columns->len; c++)
            if (row->before[c] != NULL)
              {
                g_string_append_printf (sql, "%s%s = ?%u", n > 0 ? ", " : "",
                                        (const char *) g_ptr_array_index (t->columns, c), n + 2);
                n++;
              }
          if (n == 0)
            continue;
          g_string_append (sql, " WHERE rowid = ?1");
          rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
          if (rc != SQLITE_OK)
            return _ipt_store_fail (self, rc, error);
          sqlite3_bind_int64 (stmt, 1, row->rowid);
          n = 0;
          for (guint c = 0; c < t->columns->len; c++)
            if (row->before[c] != NULL)
              sqlite3_bind_value (stmt, 2 + n++, row->before[c]);
          rc = sqlite3_step (stmt);
          sqlite3_finalize (stmt);
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            {
              g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                           _("The person cannot come back: a record made since their deletion "
                             "is in the way (%s)"), sqlite3_errmsg (db));
              return FALSE;
            }
          if (rc != SQLITE_DONE)
            return _ipt_store_fail (self, rc, error);
        }
    }
  return TRUE;
}

struct _IptPersonSnapshot
{
  gint64     person_id;
  GPtrArray *tables;        /* TableRows: the person, then what hangs from them (INSERT) */
  GPtrArray *links;         /* LinkRows: rows that linked to them */
};

void
ipt_person_snapshot_free (IptPersonSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->tables, g_ptr_array_unref);
  g_clear_pointer (&snapshot->links, g_ptr_array_unref);
  g_free (snapshot);
}

gint64
ipt_person_snapshot_get_person_id (IptPersonSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->person_id;
}

guint
ipt_person_snapshot_count_rows (IptPersonSnapshot *snapshot,
                                const char        *table)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return count_rows (snapshot->tables, table) + count_link_rows (snapshot->links, table);
}

IptPersonSnapshot *
ipt_store_take_person (IptStore *self,
                       gint64    person_id,
                       GError  **error)
{
  g_autoptr(IptPersonSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  if (!_ipt_store_write_begin (self, error))
    return NULL;

  snapshot = g_new0 (IptPersonSnapshot, 1);
  snapshot->person_id = person_id;
  snapshot->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_rows_free);
  snapshot->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_rows_free);

  tables = read_schema (_ipt_store_get_db (self), error);
  ok = tables != NULL;
  for (guint i = 0; ok && i < tables->len; i++)
    {
      TableInfo *info = g_ptr_array_index (tables, i);
      g_autofree char *condition = rows_condition (tables, info, "people", 0);

      if (condition == NULL)
        continue;
      ok = copy_rows (self, info->name, condition, person_id, snapshot->tables, error);
      if (ok && g_ascii_strcasecmp (info->name, "people") == 0)
        {
          TableRows *rows = g_ptr_array_index (snapshot->tables, snapshot->tables->len - 1);

          if (rows->rows->len == 0)
            {
              _ipt_store_not_found (error, "person", person_id);
              ok = FALSE;
            }
        }
    }
  if (ok)
    {
      links = read_person_links (_ipt_store_get_db (self), error);
      ok = links != NULL;
    }
  for (guint i = 0; ok && i < links->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (links, i), "\x1f", 2);

      ok = copy_link_rows (self, parts[0], parts[1], person_id, snapshot->links, error);
    }
  ok = ok && ipt_store_delete_person (self, person_id, error);
  for (guint i = 0; ok && i < snapshot->links->len; i++)
    ok = keep_changed_values (self, g_ptr_array_index (snapshot->links, i), error);

  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&snapshot);
}

gboolean
ipt_store_restore_person (IptStore          *self,
                          IptPersonSnapshot *snapshot,
                          GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  /* the person first, then the links to them: the rows are still there, linked to no one */
  ok = write_rows (self, snapshot->tables, RESTORE_PERSON, error)
       && write_link_rows (self, snapshot->links, error);
  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

void
ipt_person_references_clear (IptPersonReferences *references)
{
  g_clear_pointer (&references->focus_courses, g_array_unref);
  references->n_sessions = 0;
  references->n_life_events = 0;
}

gboolean
ipt_store_get_person_references (IptStore            *self,
                                 gint64               person_id,
                                 IptPersonReferences *references,
                                 GError             **error)
{
  g_autoptr(IptStmt) courses = NULL;
  g_autoptr(IptStmt) counts = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (references != NULL, FALSE);

  references->focus_courses = g_array_new (FALSE, FALSE, sizeof (guint));
  references->n_sessions = 0;
  references->n_life_events = 0;

  courses = _ipt_store_prepare (self,
                                "SELECT ordinal FROM episodes WHERE focus_person_id = ?1 "
                                "OR id IN (SELECT episode_id FROM secondary_focus_fields "
                                "WHERE person_id = ?1) ORDER BY ordinal",
                                error);
  if (courses == NULL)
    return FALSE;
  sqlite3_bind_int64 (courses, 1, person_id);
  while ((rc = sqlite3_step (courses)) == SQLITE_ROW)
    {
      guint ordinal = sqlite3_column_int (courses, 0);

      g_array_append_val (references->focus_courses, ordinal);
    }
  if (rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);

  counts = _ipt_store_prepare (self,
                               "SELECT (SELECT count (DISTINCT session_id) FROM session_attendees "
                               "WHERE person_id = ?1), "
                               "(SELECT count (*) FROM life_events WHERE person_id = ?1)",
                               error);
  if (counts == NULL)
    return FALSE;
  sqlite3_bind_int64 (counts, 1, person_id);
  rc = sqlite3_step (counts);
  if (rc != SQLITE_ROW)
    return _ipt_store_fail (self, rc, error);
  references->n_sessions = sqlite3_column_int (counts, 0);
  references->n_life_events = sqlite3_column_int (counts, 1);
  return TRUE;
}
