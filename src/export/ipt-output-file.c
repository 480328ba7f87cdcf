/* Writing an export's file: whole or not at all for regular files, in place for devices. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-output-file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

struct _IptOutputFile
{
  char *display;     /* the name as given, for messages */
  char *target;      /* the file replaced on commit; NULL when written in place */
  char *tmp_path;    /* the temporary file beside target */
  int   fd;
  gboolean is_regular;
};

static void
set_errno_error (GError    **error,
                 const char *display,
                 int         saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write %s: %s"), display, g_strerror (saved_errno));
}

static void
output_file_free (IptOutputFile *self)
{
  g_free (self->display);
  g_free (self->target);
  g_free (self->tmp_path);
  g_free (self);
}

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

/* A temporary file beside target, to be renamed over it. */
static IptOutputFile *
open_replacing (const char *display,
                const char *target,
                GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  IptOutputFile *self;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not write %s: the folder %s does not exist"), display, dir);
      return NULL;
    }

  self = g_new0 (IptOutputFile, 1);
  self->display = g_strdup (display);
  self->target = g_strdup (target);
  self->tmp_path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX", dir, base);
  self->is_regular = TRUE;
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_errno_error (error, display, errno);
      output_file_free (self);
      return NULL;
    }
  /* Whatever the umask: exports hold clinical data. */
  fchmod (self->fd, 0600);
  return self;
}

IptOutputFile *
ipt_output_file_open (const char  *path,
                      GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *resolved = NULL;
  IptOutputFile *self;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          set_errno_error (error, display, saved_errno);
          return NULL;
        }
      return open_replacing (display, path, error);
    }

  if (S_ISLNK (st.st_mode))
    {
      /* Write through the link: whatever it leads to is what the user named. */
      if (g_stat (path, &st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOENT)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("Could not write %s: it is a symbolic link to a file that does not "
                           "exist"), display);
          else
            set_errno_error (error, display, saved_errno);
          return NULL;
        }
      /* a regular file is replaced where it lies, beside it */
      if (S_ISREG (st.st_mode))
        {
          resolved = realpath (path, NULL);
          if (resolved == NULL)
            {
              set_errno_error (error, display, errno);
              return NULL;
            }
        }
    }

  if (S_ISREG (st.st_mode))
    return open_replacing (display, resolved != NULL ? resolved : path, error);

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not write %s: it is a folder"), display);
      return NULL;
    }

  if (!S_ISCHR (st.st_mode) && !S_ISFIFO (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write %s: it is not a file, a pipe or a character device"),
                   display);
      return NULL;
    }

  /* A device or a pipe: renaming over it would replace it with a file. */
  fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, display, errno);
      return NULL;
    }

  self = g_new0 (IptOutputFile, 1);
  self->display = g_steal_pointer (&display);
  self->fd = fd;
  return self;
}

gboolean
ipt_output_file_write (IptOutputFile  *self,
                       const void     *data,
                       gsize           len,
                       GError        **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  while (len > 0)
    {
      ssize_t n = write (self->fd, p, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, self->display, n < 0 ? errno : EIO);
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

gboolean
ipt_output_file_commit (IptOutputFile  *self,
                        GError        **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  /* A regular file must be on disk before it replaces the old one; a device may not sync. */
  if (fsync (self->fd) != 0 && self->is_regular)
    saved_errno = errno;
  if (close (self->fd) != 0 && saved_errno == 0 && errno != EINTR)
    saved_errno = errno;
  self->fd = -1;

  if (saved_errno == 0 && self->target != NULL &&
      g_rename (self->tmp_path, self->target) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      set_errno_error (error, self->display, saved_errno);
      if (self->tmp_path != NULL)
        g_unlink (self->tmp_path);
      output_file_free (self);
      return FALSE;
    }

  if (self->target != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->target);

      sync_dir (dir);
    }
  output_file_free (self);
  return TRUE;
}

void
ipt_output_file_abort (IptOutputFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  output_file_free (self);
}
