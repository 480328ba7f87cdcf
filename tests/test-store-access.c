/* A casebook that cannot be opened or written because of where it lies (a full disk) is
 * reported as such, never as "not an IPT Casebook file". The disk is simulated by a SQLite VFS
 * that wraps the real one and fails as a full disk does. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipt-model.h"
#include "ipt-store.h"

static char *test_dir;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static int shm_fail_errno;     /* when set, mapping the -shm file fails with this errno */
static gboolean wal_full;      /* when set, writing the -wal file fails: the disk is full */
static int last_errno;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  int           flags;
} ShimFile;

#define REAL(f) (((ShimFile *) (f))->real)

static int shim_close (sqlite3_file *f) { return REAL (f)->pMethods->xClose (REAL (f)); }
static int shim_read (sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{ return REAL (f)->pMethods->xRead (REAL (f), b, n, o); }
static int shim_truncate (sqlite3_file *f, sqlite3_int64 s)
{ return REAL (f)->pMethods->xTruncate (REAL (f), s); }
static int shim_sync (sqlite3_file *f, int fl) { return REAL (f)->pMethods->xSync (REAL (f), fl); }
static int shim_file_size (sqlite3_file *f, sqlite3_int64 *s)
{ return REAL (f)->pMethods->xFileSize (REAL (f), s); }
static int shim_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int shim_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int shim_check_lock (sqlite3_file *f, int *r)
{ return REAL (f)->pMethods->xCheckReservedLock (REAL (f), r); }
static int shim_file_control (sqlite3_file *f, int op, void *a)
{ return REAL (f)->pMethods->xFileControl (REAL (f), op, a); }
static int shim_sector_size (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int shim_device (sqlite3_file *f)
{ return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }
static int shim_shm_lock (sqlite3_file *f, int o, int n, int fl)
{ return REAL (f)->pMethods->xShmLock (REAL (f), o, n, fl); }
static void shim_shm_barrier (sqlite3_file *f) { REAL (f)->pMethods->xShmBarrier (REAL (f)); }
static int shim_shm_unmap (sqlite3_file *f, int d)
{ return REAL (f)->pMethods->xShmUnmap (REAL (f), d); }
static int shim_fetch (sqlite3_file *f, sqlite3_int64 o, int n, void **p)
{ return REAL (f)->pMethods->xFetch (REAL (f), o, n, p); }
static int shim_unfetch (sqlite3_file *f, sqlite3_int64 o, void *p)
{ return REAL (f)->pMethods->xUnfetch (REAL (f), o, p); }

static int
shim_write (sqlite3_file  *f,
            const void    *b,
            int            n,
            sqlite3_int64  o)
{
  if (wal_full && (((ShimFile *) f)->flags & SQLITE_OPEN_WAL))
    {
      last_errno = ENOSPC;
      return SQLITE_FULL;
    }
  return REAL (f)->pMethods->xWrite (REAL (f), b, n, o);
}

static int
shim_shm_map (sqlite3_file  *f,
              int            page,
              int            size,
              int            extend,
              void volatile **p)
{
  if (shm_fail_errno != 0)
    {
      last_errno = shm_fail_errno;
      return SQLITE_IOERR_SHMSIZE;
    }
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, p);
}

static const sqlite3_io_methods shim_io = {
  3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size, shim_lock,
  shim_unlock, shim_check_lock, shim_file_control, shim_sector_size, shim_device, shim_shm_map,
  shim_shm_lock, shim_shm_barrier, shim_shm_unmap, shim_fetch, shim_unfetch,
};

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *f,
           int           flags,
           int          *out_flags)
{
  ShimFile *shim = (ShimFile *) f;
  int rc;

  (void) vfs;
  shim->real = (sqlite3_file *) (shim + 1);
  shim->flags = flags;
  shim->base.pMethods = NULL;
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  if (shim->real->pMethods != NULL)
    shim->base.pMethods = &shim_io;
  return rc;
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *buf)
{
  (void) vfs; (void) n; (void) buf;
  return last_errno != 0 ? last_errno : errno;
}

static void
install_shim (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "ipt-test-shim";
  shim_vfs.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;
  shim_vfs.xGetLastError = shim_get_last_error;
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

static char *
make_casebook (const char *name)
{
  char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = ipt_client_new ("C-0001");
  g_autoptr(GError) error = NULL;

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);
  ipt_store_close (store);
  return path;
}

/* Opening needs room for the -shm file: a full disk says so, for writing and reading alike,
 * and the file is left as it was. */
static void
test_full_disk_on_open (void)
{
  g_autofree char *path = make_casebook ("full-open.sqlite");
  const IptStoreOpenFlags flags[] = { IPT_STORE_OPEN_NO_BACKUP, IPT_STORE_OPEN_READ_ONLY };
  g_autofree char *before = NULL;
  gsize before_len;
  guint i;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  for (i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(IptStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gsize after_len;

      shm_fail_errno = ENOSPC;
      store = ipt_store_open (path, flags[i], &error);
      shm_fail_errno = 0;
      last_errno = 0;

      g_assert_null (store);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_false (g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK));
      g_assert_nonnull (strstr (error->message, "the disk is full"));
      g_assert_nonnull (strstr (error->message, "full-open.sqlite"));

      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
    }
}

/* Other failures to reach the file name their cause too. */
static void
test_denied_on_open (void)
{
  g_autofree char *path = make_casebook ("denied-open.sqlite");
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;

  shm_fail_errno = EIO;
  store = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
  shm_fail_errno = 0;
  last_errno = 0;

  g_assert_null (store);
  g_assert_false (g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK));
  g_assert_nonnull (strstr (error->message, g_strerror (EIO)));
}

/* A change that finds the disk full says so, and is not saved. */
static void
test_full_disk_on_write (void)
{
  g_autofree char *path = make_casebook ("full-write.sqlite");
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = ipt_client_new ("C-0002");
  g_autoptr(IptClient) found = NULL;
  g_autoptr(GError) error = NULL;

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);

  wal_full = TRUE;
  g_assert_false (ipt_store_insert_client (store, client, &error));
  wal_full = FALSE;
  last_errno = 0;
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));

  found = ipt_store_find_client (store, "C-0002", NULL);
  g_assert_null (found);
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-store-access-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  install_shim ();

  g_test_add_func ("/store-access/full-disk-on-open", test_full_disk_on_open);
  g_test_add_func ("/store-access/error-on-open", test_denied_on_open);
  g_test_add_func ("/store-access/full-disk-on-write", test_full_disk_on_write);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
