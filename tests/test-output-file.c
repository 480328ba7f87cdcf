/* The files exports write: regular files replaced whole, devices and pipes written in place,
 * symbolic links written through, failures reported. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ipt-csv-export.h"
#include "ipt-output-file.h"

static char *test_dir;

static char *
path_in_test_dir (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static gboolean
is_symlink (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

static void
test_new_and_regular (void)
{
  g_autofree char *path = path_in_test_dir ("plain.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (ipt_export_write_output (path, "one\r\n", 5, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_export_write_output (path, "two\r\n", 5, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two\r\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* A symbolic link to a regular file stays a link; the file it leads to gets the data. */
static void
test_symlink_to_file (void)
{
  g_autofree char *target = path_in_test_dir ("target.csv");
  g_autofree char *link = path_in_test_dir ("link.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.csv", link), ==, 0);

  g_assert_true (ipt_export_write_output (link, "new\r\n", 5, &error));
  g_assert_no_error (error);
  g_assert_true (is_symlink (link));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new\r\n");
}

/* A link to a device that refuses the write (/dev/full): an error, and the link is still there. */
static void
test_symlink_to_full_device (void)
{
  g_autofree char *link = path_in_test_dir ("full.csv");
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  g_assert_cmpint (symlink ("/dev/full", link), ==, 0);

  g_assert_false (ipt_export_write_output (link, "data\r\n", 6, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "full.csv"));
  g_assert_true (is_symlink (link));
}

static void
test_refused (void)
{
  g_autofree char *dangling = path_in_test_dir ("dangling.csv");
  g_autofree char *folder = path_in_test_dir ("folder.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("no-such-file.csv", dangling), ==, 0);
  g_assert_false (ipt_export_write_output (dangling, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (is_symlink (dangling));
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (ipt_export_write_output (folder, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

typedef struct
{
  const char *path;
  GString    *received;
} Reader;

static gpointer
read_fifo (gpointer data)
{
  Reader *reader = data;
  char buf[256];
  int fd = g_open (reader->path, O_RDONLY | O_CLOEXEC, 0);
  ssize_t n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (reader->received, buf, n);
  close (fd);
  return NULL;
}

/* A FIFO (as a device would be) is written in place, not replaced by a regular file; so is a
 * symbolic link to it. */
static void
test_fifo (void)
{
  g_autofree char *fifo = path_in_test_dir ("pipe.csv");
  g_autofree char *link = path_in_test_dir ("pipe-link.csv");
  const char * const names[] = { fifo, link };
  GStatBuf st;
  guint i;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("pipe.csv", link), ==, 0);

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      Reader reader = { fifo, g_string_new (NULL) };
      GThread *thread = g_thread_new ("reader", read_fifo, &reader);

      g_assert_true (ipt_export_write_output (names[i], "a,b\r\n1,2\r\n", 10, &error));
      g_assert_no_error (error);
      g_thread_join (thread);
      g_assert_cmpstr (reader.received->str, ==, "a,b\r\n1,2\r\n");
      g_string_free (reader.received, TRUE);

      g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
      g_assert_true (S_ISFIFO (st.st_mode));
    }
  g_assert_true (is_symlink (link));
}

/* /dev/stdout and its kin lead to a pipe through /proc: written through, as a shell would. */
static void
test_link_to_pipe (void)
{
  g_autofree char *link = path_in_test_dir ("stdout-link.csv");
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  char buf[64] = { 0 };
  int fds[2];

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc");
      return;
    }
  g_assert_cmpint (pipe (fds), ==, 0);
  target = g_strdup_printf ("/proc/self/fd/%d", fds[1]);
  g_assert_cmpint (symlink (target, link), ==, 0);

  g_assert_true (ipt_export_write_output (link, "x,y\r\n", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (fds[0], buf, sizeof buf - 1), ==, 5);
  g_assert_cmpstr (buf, ==, "x,y\r\n");
  g_assert_true (is_symlink (link));
  close (fds[0]);
  close (fds[1]);
}

/* What was written is dropped when the export gives up; the old file stays. */
static void
test_abort (void)
{
  g_autofree char *path = path_in_test_dir ("kept.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  IptOutputFile *output;
  const char *name;

  g_assert_true (g_file_set_contents (path, "kept", -1, NULL));
  output = ipt_output_file_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ipt_output_file_write (output, "half", 4, &error));
  ipt_output_file_abort (output);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "kept");
  dir = g_dir_open (test_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".kept.csv."));
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

  test_dir = g_dir_make_tmp ("ipt-test-output-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output-file/new-and-regular", test_new_and_regular);
  g_test_add_func ("/output-file/symlink-to-file", test_symlink_to_file);
  g_test_add_func ("/output-file/symlink-to-full-device", test_symlink_to_full_device);
  g_test_add_func ("/output-file/refused", test_refused);
  g_test_add_func ("/output-file/fifo", test_fifo);
  g_test_add_func ("/output-file/link-to-pipe", test_link_to_pipe);
  g_test_add_func ("/output-file/abort", test_abort);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
