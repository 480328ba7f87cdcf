/* Copies of the casebook: daily rotating backups and the copy made before a migration. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
remove_temp (const char *tmp_path)
{
  g_autofree char *journal = g_strconcat (tmp_path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (tmp_path);
}

/* The backup API's steps: a few hundred pages each, so that progress can be told as it goes. The
 * source's read transaction is held across them, so a change committed meanwhile by another
 * connection (the window's) neither restarts the copy nor gets into it half. */
static int
copy_pages (sqlite3         *src,
            sqlite3         *dest,
            IptProgressFunc  progress,
            gpointer         progress_data)
{
  sqlite3_backup *backup;
  gboolean in_transaction;
  int step = 256;
  int rc;

  in_transaction = sqlite3_exec (src, "BEGIN; SELECT count (*) FROM sqlite_schema", NULL, NULL,
                                 NULL) == SQLITE_OK;
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto out;
    }
  for (int attempt = 0; attempt < 50;)
    {
      int total;

      rc = sqlite3_backup_step (backup, step);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          attempt++;
          g_usleep (100 * 1000);
          continue;
        }
      if (rc != SQLITE_OK)
        break;
      total = sqlite3_backup_pagecount (backup);
      /* About a hundred steps, whatever the size. */
      step = MAX (256, total / 100);
      if (progress != NULL && total > 0)
        progress ((double) (total - sqlite3_backup_remaining (backup)) / total, progress_data);
    }
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    {
      rc = sqlite3_errcode (dest);
      if (progress != NULL)
        progress (1.0, progress_data);
    }

out:
  if (in_transaction)
    sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  return rc;
}

/* Copies the database page by page through the SQLite backup API into a temporary file beside
 * dest_path (mode 0600), then renames it: dest_path is either the old file or the whole copy. */
gboolean
ipt_store_backup_to (IptStore   *self,
                     const char *dest_path,
                     GError    **error)
{
  return ipt_store_backup_to_with_progress (self, dest_path, NULL, NULL, error);
}

gboolean
ipt_store_backup_to_with_progress (IptStore        *self,
                                   const char      *dest_path,
                                   IptProgressFunc  progress,
                                   gpointer         progress_data,
                                   GError         **error)
{
  sqlite3 *src = _ipt_store_get_db (self);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *resolved = NULL;
  sqlite3 *dest = NULL;
  int rc;
  int fd;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  display = g_filename_display_name (dest_path);

  if (src == NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, _("The casebook is closed"));
      return FALSE;
    }
  if (!sqlite3_get_autocommit (src))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Cannot back up the casebook while a change is in progress"));
      return FALSE;
    }

  /* The copy replaces a regular file, also one reached through a symbolic link (which stays a
   * link); never a device, a pipe or a folder. */
  {
    struct stat st;

    if (g_lstat (dest_path, &st) == 0 && S_ISLNK (st.st_mode))
      {
        resolved = realpath (dest_path, NULL);
        if (resolved == NULL || g_stat (resolved, &st) != 0)
          {
            g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                         _("Could not write %s: it is a symbolic link to a file that does not "
                           "exist"), display);
            return FALSE;
          }
        dest_path = resolved;
      }
    if (g_stat (dest_path, &st) == 0 && !S_ISREG (st.st_mode))
      {
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                     _("Could not write %s: it is not a regular file"), display);
        return FALSE;
      }
  }

  dir = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  /* Whatever the umask: the copy holds the same clinical data as the casebook. */
  fchmod (fd, 0600);
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (src, dest, progress, progress_data);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not write %s: %s"), display,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      remove_temp (tmp_path);
      return FALSE;
    }

  /* The backup commits on the copy with synchronous=FULL (SQLite's default), so its pages are on
   * disk before the rename makes it visible. */
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not write %s: %s"), display, g_strerror (saved_errno));
      remove_temp (tmp_path);
      return FALSE;
    }

  sync_dir (dir);
  return TRUE;
}

char *
_ipt_store_backup_before_migration (IptStore *self,
                                    int       to_version,
                                    GError  **error)
{
  const char *path = ipt_store_get_path (self);
  g_autofree char *backup = NULL;

  backup = g_strdup_printf ("%s.before-v%d.bak", path, to_version);
  /* Never over an earlier copy: it may be the only one of an older state. */
  for (guint n = 2; g_file_test (backup, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup);
      backup = g_strdup_printf ("%s.before-v%d-%u.bak", path, to_version, n);
    }

  if (!ipt_store_backup_to (self, backup, error))
    return NULL;

  return g_steal_pointer (&backup);
}

/* "casebook" for casebook.sqlite: daily copies are named <stem>-YYYY-MM-DD.sqlite. */
static char *
backup_stem (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

static gboolean
is_daily_backup_name (const char *name,
                      const char *stem)
{
  gsize stem_len = strlen (stem);
  const char *date;
  static const char pattern[] = "DDDD-DD-DD.sqlite";

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return FALSE;

  date = name + stem_len + 1;
  if (strlen (date) != strlen (pattern))
    return FALSE;

  for (gsize i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'D' ? !g_ascii_isdigit (date[i]) : date[i] != pattern[i])
        return FALSE;
    }

  return TRUE;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
rotate_backups (const char *dir,
                const char *stem,
                guint       keep,
                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, &local_error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (gdir == NULL)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not list the backups: %s"), local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (is_daily_backup_name (name, stem))
        g_ptr_array_add (names, g_strdup (name));
    }

  /* The date in the name sorts like the calendar. */
  g_ptr_array_sort (names, compare_names_newest_first);

  for (guint i = keep; i < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_unlink (old) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                       _("Could not remove the old backup %s: %s"),
                       (const char *) g_ptr_array_index (names, i), g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
backup_today (IptStore        *self,
              const char      *backup_dir,
              guint            keep,
              gboolean         again,
              IptProgressFunc  progress,
              gpointer         progress_data,
              char           **out_path,
              GError         **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (backup_dir == NULL)
    backup_dir = default_dir = ipt_store_backup_dir ();
  if (keep == 0)
    keep = IPT_STORE_BACKUPS_KEPT_DEFAULT;

  if (!_ipt_store_ensure_private_dir (backup_dir, error))
    return FALSE;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  stem = backup_stem (ipt_store_get_path (self));
  name = g_strdup_printf ("%s-%s.sqlite", stem, today);
  dest = g_build_filename (backup_dir, name, NULL);

  if ((again || !g_file_test (dest, G_FILE_TEST_EXISTS)) &&
      !ipt_store_backup_to_with_progress (self, dest, progress, progress_data, error))
    return FALSE;

  if (!rotate_backups (backup_dir, stem, keep, error))
    return FALSE;
  if (out_path != NULL)
    *out_path = g_steal_pointer (&dest);
  return TRUE;
}

gboolean
ipt_store_backup_daily (IptStore   *self,
                        const char *backup_dir,
                        guint       keep,
                        GError    **error)
{
  return backup_today (self, backup_dir, keep, FALSE, NULL, NULL, NULL, error);
}

gboolean
ipt_store_backup_daily_with_progress (IptStore        *self,
                                      const char      *backup_dir,
                                      guint            keep,
                                      IptProgressFunc  progress,
                                      gpointer         progress_data,
                                      GError         **error)
{
  return backup_today (self, backup_dir, keep, FALSE, progress, progress_data, NULL, error);
}

static char *
daily_backup_path (const char *casebook_path,
                   const char *backup_dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *stem = backup_stem (casebook_path);
  g_autofree char *name = g_strdup_printf ("%s-%s.sqlite", stem, today);

  return g_build_filename (backup_dir, name, NULL);
}

/* Whether today's backup is still to be made (its file is not there yet). */
gboolean
ipt_store_backup_daily_due (IptStore   *self,
                            const char *backup_dir)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (backup_dir == NULL)
    backup_dir = default_dir = ipt_store_backup_dir ();
  dest = daily_backup_path (ipt_store_get_path (self), backup_dir);
  return !g_file_test (dest, G_FILE_TEST_EXISTS);
}

gboolean
ipt_store_backup_daily_file (const char       *casebook_path,
                             const char       *backup_dir,
                             guint             keep,
                             IptProgressFunc   progress,
                             gpointer          progress_data,
                             GError          **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(IptStore) reader = NULL;

  g_return_val_if_fail (casebook_path != NULL, FALSE);

  if (backup_dir == NULL)
    backup_dir = default_dir = ipt_store_backup_dir ();
  dest = daily_backup_path (casebook_path, backup_dir);
  if (!g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      reader = ipt_store_open (casebook_path,
                               IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP, error);
      return reader != NULL
             && ipt_store_backup_daily_with_progress (reader, backup_dir, keep, progress,
                                                      progress_data, error);
    }
  /* Made already today: only the rotation, with no connection to open. */
  if (keep == 0)
    keep = IPT_STORE_BACKUPS_KEPT_DEFAULT;
  stem = backup_stem (casebook_path);
  return rotate_backups (backup_dir, stem, keep, error);
}

gboolean
ipt_store_backup_now (IptStore   *self,
                      const char *backup_dir,
                      guint       keep,
                      char      **out_path,
                      GError    **error)
{
  return backup_today (self, backup_dir, keep, TRUE, NULL, NULL, out_path, error);
}

gboolean
ipt_store_backup_now_with_progress (IptStore        *self,
                                    const char      *backup_dir,
                                    guint            keep,
                                    IptProgressFunc  progress,
                                    gpointer         progress_data,
                                    char           **out_path,
                                    GError         **error)
{
  return backup_today (self, backup_dir, keep, TRUE, progress, progress_data, out_path, error);
}
