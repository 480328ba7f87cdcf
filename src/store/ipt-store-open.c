/* Opening a casebook: checks a file before touching it, creates a new one, opens, configures. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* Opening: nothing is written to a file until it is known to be ours and sound. */

/* How much of a file is checked on opening, by size. Up to 4 MiB (about a thousand clients)
 * everything, indexes against tables too (integrity_check); up to 16 MiB every page and row
 * (quick_check, a quarter of a second at most); beyond, the header, length and schema only, as
 * a full check of a 10,000-client casebook takes seconds: damage in a table is then reported as
 * IPT_STORE_ERROR_DAMAGED by the query that reaches it. */
#define FULL_CHECK_MAX_BYTES (4 * 1024 * 1024)
#define QUICK_CHECK_MAX_BYTES (16 * 1024 * 1024)

typedef enum
{
  CHECK_SCHEMA,
  CHECK_QUICK,
  CHECK_FULL,
} CheckDepth;

static CheckDepth
check_depth_for_size (goffset size)
{
  if (size <= FULL_CHECK_MAX_BYTES)
    return CHECK_FULL;
  if (size <= QUICK_CHECK_MAX_BYTES)
    return CHECK_QUICK;
  return CHECK_SCHEMA;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
set_not_a_casebook (GError    **error,
                    const char *display)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK,
               _("%s is not an IPT Casebook file"), display);
}

/* Is this failure about where the file lies (its folder, its disk, permissions) rather than
 * about what it holds? */
static gboolean
is_access_failure (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Says what stands in the way of reading or writing the casebook at path: a full disk, a
 * read-only disk, a folder where the journal (-wal, -shm) cannot be created, permissions. */
static void
set_access_error (GError    **error,
                  const char *path,
                  const char *display,
                  sqlite3    *db,
                  int         rc)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_display = g_filename_display_name (dir);
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  if ((rc & 0xff) == SQLITE_FULL || sys_errno == ENOSPC || sys_errno == EDQUOT)
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                 _("Could not open %s: the disk is full"), display);
  else if (sys_errno == EROFS || (access (dir, W_OK) != 0 && errno == EROFS))
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                 _("Could not open %s: the disk it is on is read-only"), display);
  else if (access (path, R_OK) != 0 && (errno == EACCES || errno == EPERM))
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                 _("Could not open %s: permission denied"), display);
  else if (access (dir, W_OK) != 0 && (errno == EACCES || errno == EPERM))
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                 _("Could not open %s: the folder %s cannot be written, and a casebook needs "
                   "to keep its journal files (-wal, -shm) beside it"), display, dir_display);
  else if (sys_errno == EACCES || sys_errno == EPERM)
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                 _("Could not open %s: permission denied"), display);
  else if (sys_errno != 0)
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                 _("Could not open %s: %s"), display, g_strerror (sys_errno));
  else
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                 _("Could not open %s: %s"), display,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static void
set_too_new (GError    **error,
             const char *display,
             gint64      version)
{
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_TOO_NEW,
               _("%s was written by a newer version of IPT Casebook (schema %lld; this version "
                 "reads up to %d)"),
               display, (long long) version, IPT_STORE_SCHEMA_VERSION);
}

static void
set_damaged (GError    **error,
             const char *display,
             const char *why)
{
  g_autofree char *first_line = g_strndup (why, strcspn (why, "\r\n"));

  /* One line: SQLite's report may go on for pages. */
  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
               _("%s is damaged: %s"), display, first_line);
}

static gboolean
check_integrity (sqlite3    *db,
                 CheckDepth  depth,
                 const char *path,
                 const char *display,
                 GError    **error)
{
  static const char * const checks[] = {
    [CHECK_SCHEMA] = "PRAGMA quick_check(sqlite_schema)",
    [CHECK_QUICK] = "PRAGMA quick_check(1)",
    [CHECK_FULL] = "PRAGMA integrity_check(1)",
  };
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, checks[depth], -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          set_damaged (error, display, result != NULL ? result : "?");
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if ((rc & 0xff) == SQLITE_NOTADB)
    set_not_a_casebook (error, display);
  else if (is_access_failure (rc))
    set_access_error (error, path, display, db, rc);
  else
    set_damaged (error, display, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* Reads the file as it lies on disk, through an immutable connection: no lock, no journal, no
 * -wal or -shm file is created, nothing is written. */
static gboolean
check_file_contents (const char  *path,
                     const char  *display,
                     goffset      size,
                     GError     **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_access_error (error, path, display, db, rc);
      sqlite3_close (db);
      return FALSE;
    }

  ok = check_integrity (db, check_depth_for_size (size), path, display, error);
  sqlite3_close (db);
  return ok;
}

/* Checks an existing, non-empty file before SQLite opens it for writing: the header (magic,
 * application id, schema version, page size, length) and the contents. Only for a file without a
 * WAL holding pages: see has_live_wal (). */
static gboolean
check_existing_file (const char        *path,
                     const char        *display,
                     const struct stat *st,
                     gboolean          *checked,
                     GError           **error)
{
  /* the database header, then page 1's b-tree header (the schema table) */
  guint8 header[108];
  gsize n_read = 0;
  guint32 page_size;
  gint32 version;
  int fd;

  *checked = FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not open %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  while (n_read < sizeof header)
    {
      ssize_t n = read (fd, header + n_read, sizeof header - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      n_read += n;
    }
  close (fd);

  if (n_read < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      set_not_a_casebook (error, display);
      return FALSE;
    }

  if (read_be32 (header + 68) != IPT_STORE_APPLICATION_ID)
    {
      /* A new casebook's contents are in its -wal until they are checkpointed: an empty
       * database in WAL mode (one page, no table in its schema) with no -wal beside it is most
       * likely such a file copied without it. */
      if (n_read == sizeof header && header[18] == 2 && header[19] == 2 &&
          read_be32 (header + 68) == 0 && read_be32 (header + 60) == 0 &&
          read_be32 (header + 28) <= 1 && header[100] == 0x0d &&
          header[103] == 0 && header[104] == 0)
        {
          g_autofree char *wal = g_strconcat (display, "-wal", NULL);

          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_DAMAGED,
                       _("%s is empty: if it is a copy of a casebook, it was copied without "
                         "its journal file %s, which holds the rest. Copy both files together, "
                         "or make the copy with Back Up Now or Save a Copy in the app"),
                       display, wal);
          return FALSE;
        }
      set_not_a_casebook (error, display);
      return FALSE;
    }

  version = (gint32) read_be32 (header + 60);
  if (version > IPT_STORE_SCHEMA_VERSION)
    {
      set_too_new (error, display, version);
      return FALSE;
    }
  if (version < 1)
    {
      set_damaged (error, display, _("it has no schema version"));
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      set_damaged (error, display, _("its header is invalid"));
      return FALSE;
    }

  if (st->st_size % page_size != 0)
    {
      set_damaged (error, display, _("it is not a whole number of pages long (truncated?)"));
      return FALSE;
    }

  /* The page count in the header is valid when its change counters agree. */
  if (read_be32 (header + 24) == read_be32 (header + 92))
    {
      guint64 n_pages = read_be32 (header + 28);

      if (n_pages * page_size > (guint64) st->st_size)
        {
          set_damaged (error, display, _("it is shorter than its header says (truncated)"));
          return FALSE;
        }
    }

  if (!check_file_contents (path, display, st->st_size, error))
    return FALSE;

  *checked = TRUE;
  return TRUE;
}

/* A WAL with frames holds pages the main file does not have yet: all of a new casebook until its
 * first checkpoint, recent changes while another window has the file open, or after a crash.
 * Then the file itself says little, and SQLite must read both; refusing still writes nothing, as
 * the WAL is not checkpointed on closing (see ipt_store_open). */
static gboolean
has_live_wal (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal_path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0;
}

static gboolean
ensure_private_dir (const char *dir,
                    gboolean    force_mode,
                    GError    **error)
{
  gboolean existed = g_file_test (dir, G_FILE_TEST_IS_DIR);

  if (!existed && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The umask may have taken bits away; clinical data lives in a folder only its owner reads. */
  if ((!existed || force_mode) && g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not protect the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Our own folders get mode 0700 even when they already existed; a folder the user chose for a
 * file elsewhere only when we create it. */
static gboolean
is_default_dir (const char *dir)
{
  g_autofree char *default_path = ipt_store_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *backup_dir = ipt_store_backup_dir ();

  return g_strcmp0 (dir, default_dir) == 0 || g_strcmp0 (dir, backup_dir) == 0;
}

gboolean
_ipt_store_ensure_private_dir (const char *dir,
                               GError    **error)
{
  return ensure_private_dir (dir, is_default_dir (dir), error);
}

/* Creates the file (or takes the empty one) with mode 0600 whatever the umask; SQLite gives the
 * -wal and -shm files the mode of the database file. */
static gboolean
prepare_new_file (const char *path,
                  const char *display,
                  gboolean    must_not_exist,
                  GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;
  int fd;

  if (!ensure_private_dir (dir, is_default_dir (dir), error))
    return FALSE;

  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC | (must_not_exist ? O_EXCL : 0),
               0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS,
                     _("%s already exists"), display);
      else
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                     _("Could not create %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || st.st_size != 0)
    {
      close (fd);
      set_not_a_casebook (error, display);
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not protect %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
exec_simple (IptStore   *self,
             const char *sql,
             GError    **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return _ipt_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
query_int (IptStore   *self,
           const char *sql,
           gint64     *out,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ipt_store_fail (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
set_journal_mode_wal (IptStore *self,
                      GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ok = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  else
    _ipt_store_fail (self, rc, error);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW && !ok)
    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                 _("Could not switch %s to write-ahead logging"), self->path);
  return ok;
}

static gboolean
open_connection (IptStore   *self,
                 const char *display,
                 gboolean    is_new,
                 gboolean    contents_checked,
                 goffset     file_size,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean read_only = ipt_store_get_read_only (self);
  gint64 application_id = 0;
  gint64 version = 0;
  gint64 stale = 0;
  int rc;

  /* A store, like any GObject, is used from one thread at a time: no SQLite mutex is taken
   * around each call (a bulk import makes hundreds of thousands of them). */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_access_error (error, self->path, display, self->db, rc);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Read what SQLite sees (a WAL may hold a newer version than the main file's header). */
  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", &version, &local_error))
    {
      int rc_query = sqlite3_extended_errcode (self->db);

      /* The file may be sound and only its folder or disk in the way: say which. */
      if (is_access_failure (rc_query))
        set_access_error (error, self->path, display, self->db, rc_query);
      else if (is_new)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_a_casebook (error, display);
      return FALSE;
    }

  if (is_new)
    {
      gint64 n_objects = 0;

      if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      if (application_id != 0 || version != 0 || n_objects != 0)
        {
          set_not_a_casebook (error, display);
          return FALSE;
        }
    }
  else
    {
      if (application_id != IPT_STORE_APPLICATION_ID)
        {
          set_not_a_casebook (error, display);
          return FALSE;
        }
      if (version > IPT_STORE_SCHEMA_VERSION)
        {
          set_too_new (error, display, version);
          return FALSE;
        }
      if (version < 1)
        {
          set_damaged (error, display, _("it has no schema version"));
          return FALSE;
        }
      if (!contents_checked &&
          !check_integrity (self->db, check_depth_for_size (file_size), self->path, display, error))
        return FALSE;
      if (read_only && version < IPT_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_READ_ONLY,
                       _("%s was written by an older version of IPT Casebook (schema %d) and "
                         "cannot be read without upgrading it"),
                       display, (int) version);
          return FALSE;
        }
    }

  /* Savepoint journals stay small (one user action): memory is faster than a temporary file. */
  if (!exec_simple (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_simple (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  if (read_only)
    return TRUE;

  if (is_new)
    {
      if (!set_journal_mode_wal (self, error) ||
          !exec_simple (self, "PRAGMA synchronous = FULL", error))
        return FALSE;
      return _ipt_store_create_schema (self->db, error);
    }

  if (version < IPT_STORE_SCHEMA_VERSION)
    {
      g_autofree char *backup = NULL;

      backup = _ipt_store_backup_before_migration (self, IPT_STORE_SCHEMA_VERSION, error);
      if (backup == NULL)
        return FALSE;
    }

  if (!set_journal_mode_wal (self, error) ||
      !exec_simple (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  if (version < IPT_STORE_SCHEMA_VERSION &&
      !_ipt_store_migrate (self->db, (int) version, display, error))
    return FALSE;

  /* Courses and clients left stale by a program that wrote the records by hand, or by the step
   * to version 8 (the caseload's order), are brought up to date; if another program holds the
   * file for writing, the caseload works them out from their records. */
  if (query_int (self, "SELECT EXISTS (SELECT 1 FROM episode_series_stale) "
                       "OR EXISTS (SELECT 1 FROM caseload_order_stale)", &stale, NULL) &&
      stale != 0 && _ipt_store_write_begin (self, NULL))
    _ipt_store_write_end (self, TRUE, NULL);

  return TRUE;
}

IptStore *
ipt_store_open (const char        *path,
                IptStoreOpenFlags  flags,
                GError           **error)
{
  g_autoptr(IptStore) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *default_path = NULL;
  gboolean read_only = (flags & IPT_STORE_OPEN_READ_ONLY) != 0;
  gboolean is_new = FALSE;
  gboolean contents_checked = FALSE;
  struct stat st;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  default_path = ipt_store_default_path ();
  if (path == NULL)
    path = default_path;
  display = g_filename_display_basename (path);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                       _("Could not open %s: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      if (read_only)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                       _("%s does not exist"), display);
          return NULL;
        }
      is_new = TRUE;
    }
  else
    {
      if (flags & IPT_STORE_OPEN_MUST_NOT_EXIST)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS,
                       _("%s already exists"), display);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          set_not_a_casebook (error, display);
          return NULL;
        }
      if (has_live_wal (path))
        contents_checked = FALSE;
      else if (st.st_size == 0)
        {
          if (read_only)
            {
              set_not_a_casebook (error, display);
              return NULL;
            }
          is_new = TRUE;
        }
      else if (!check_existing_file (path, display, &st, &contents_checked, error))
        return NULL;
    }

  if (is_new &&
      !prepare_new_file (path, display, (flags & IPT_STORE_OPEN_MUST_NOT_EXIST) != 0, error))
    return NULL;

  self = g_object_new (IPT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->flags = flags;

  if (!open_connection (self, display, is_new, contents_checked, is_new ? 0 : st.st_size, error))
    {
      /* Refused: closing must not move a WAL into the file either. */
      if (self->db != NULL)
        sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      ipt_store_close (self);
      return NULL;
    }

  /* A 16 MiB page cache keeps a large caseload's pages in memory between loads. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);

  if (!read_only && g_strcmp0 (path, default_path) == 0)
    {
      /* The default casebook and its folder are private whoever put them there. */
      if (!is_new && (st.st_mode & 077) != 0)
        g_chmod (path, 0600);
      if (!is_new)
        {
          g_autofree char *dir = g_path_get_dirname (path);

          ensure_private_dir (dir, TRUE, NULL);
        }

      if (!is_new && !(flags & IPT_STORE_OPEN_NO_BACKUP))
        ipt_store_backup_daily (self, NULL, IPT_STORE_BACKUPS_KEPT_DEFAULT, &self->backup_error);
    }

  return g_steal_pointer (&self);
}
