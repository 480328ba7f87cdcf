/* The headless command line, end to end: the built app run without any display. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>

#include <glib.h>
#include <glib/gstdio.h>

static char *test_dir;
static char *fixture;
/* run in the child before the app starts, when set */
static GSpawnChildSetupFunc run_child_setup;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the app with the arguments (NULL-terminated), in test_dir, without DISPLAY or
 * WAYLAND_DISPLAY. */
static void
run_app (Run        *run,
         const char *first,
         ...)
{
  const char *app = g_getenv ("IPT_CASEBOOK");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_assert_nonnull (app);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", test_dir, TRUE);

  g_ptr_array_add (argv, (char *) app);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (test_dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               run_child_setup, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (run->status))
    run->status = WEXITSTATUS (run->status);
  else
    run->status = -1;
  g_test_message ("status %d, stdout: %s, stderr: %s", run->status, run->out, run->err);
}

static char *
path_in_test_dir (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
test_help (void)
{
  static const char * const options[] = {
    "--database=FILE", "--demo", "--review=FILE", "--client=CODE", "--dashboard",
    "--import-csv=FILE", "--replace", "--export-csv=OUT|-", "--export-outcomes=OUT|-",
    "--export-chart=CODE", "--export-report=CODE", "--include-name", "--output=FILE",
    "--supervision-pack",
    "--export-review", "--cases=CODE,", "--merge-review=FILE", "--screenshot=FILE",
    "--make-demo=FILE", "--clients=N", "--passphrase-file=FILE",
  };
  g_auto(Run) run;
  guint i;

  run_app (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *needle = g_strconcat ("  ", options[i], NULL);

      if (strstr (run.out, needle) == NULL)
        g_error ("--help does not list %s", options[i]);
    }
}

static void
test_import_export (void)
{
  g_autofree char *db = path_in_test_dir ("ie.sqlite");
  g_autofree char *out = path_in_test_dir ("ie-out.csv");
  g_autofree char *outcomes = path_in_test_dir ("ie-outcomes.csv");
  g_autofree char *from_file = NULL;
  g_autofree char *outcomes_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;
  g_auto(Run) run4;
  g_auto(Run) run5;
  g_auto(Run) run6;

  run_app (&run1, "--database", db, "--import-csv", fixture, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_cmpstr (run1.out, ==,
                   "Imported 64 scores for 5 clients (5 new clients, 40 new sessions); "
                   "0 unchanged\n");
  g_assert_cmpstr (run1.err, ==, "");

  run_app (&run2, "--database", db, "--import-csv", fixture, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_cmpstr (run2.out, ==, "Imported 0 scores for 5 clients; 64 unchanged\n");

  run_app (&run3, "--database", db, "--export-csv", "-", NULL);
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_true (g_str_has_prefix (run3.out, "client_code,course,session,date,measure,total,"
                                             "items\r\n"
                                             "C-0001,1,1,2026-01-06,phq9,20,3;3;2;3;2;2;3;1;1\r\n"));
  lines = g_strsplit (run3.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 64 + 1);

  run_app (&run4, "--database", db, "--export-csv", out, NULL);
  g_assert_cmpint (run4.status, ==, 0);
  g_assert_cmpstr (run4.out, ==, "");
  from_file = read_file (out);
  g_assert_cmpstr (from_file, ==, run3.out);

  run_app (&run5, "--database", db, "--export-outcomes", outcomes, NULL);
  g_assert_cmpint (run5.status, ==, 0);
  outcomes_text = read_file (outcomes);
  g_assert_true (g_str_has_prefix (outcomes_text,
                                   "client_code,episode,sessions_attended,phq9_first,phq9_last,"
                                   "gad7_first,gad7_last,caseness,recovery,reliable_improvement,"
                                   "reliable_deterioration,reliable_recovery,outcome,status\r\n"
                                   "C-0001,1,8,20,3,"));

  run_app (&run6, "--database", db, "--export-outcomes", "-", NULL);
  g_assert_cmpint (run6.status, ==, 0);
  g_assert_cmpstr (run6.out, ==, outcomes_text);
}

static void
test_import_refused (void)
{
  g_autofree char *db = path_in_test_dir ("bad.sqlite");
  g_autofree char *bad = path_in_test_dir ("bad.csv");
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;
  g_auto(Run) run4;

  run_app (&run1, "--database", db, "--import-csv", fixture, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  run_app (&run2, "--database", db, "--export-csv", "-", NULL);

  write_file (bad, "client_code,session,date,measure,total,items\n"
                   "C-0009,1,2026-01-05,phq9,3,\n"
                   "C-0001,0,2026-01-05,phq9,30,\n"
                   "C-0001,1,2026-01-06,bdi2,,1\n");
  run_app (&run3, "--database", db, "--import-csv", "bad.csv", NULL);
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_cmpstr (run3.out, ==, "");
  g_assert_cmpstr (run3.err, ==,
                   "bad.csv:3: session 0 does not exist: sessions are numbered from 1\n"
                   "bad.csv:3: total 30 is out of range for PHQ-9 (0 to 27)\n"
                   "bad.csv:4: BDI-II is recorded as a total only (its wording is not shipped): "
                   "leave items empty\n"
                   "ipt-casebook: bad.csv: 3 problems, nothing was imported\n");

  /* nothing of the file went in, not even its good first row */
  run_app (&run4, "--database", db, "--export-csv", "-", NULL);
  g_assert_cmpstr (run4.out, ==, run2.out);

  /* a casebook created for a refused import is not left behind */
  {
    g_autofree char *fresh = path_in_test_dir ("fresh.sqlite");
    g_auto(Run) run5;

    run_app (&run5, "--database", "fresh.sqlite", "--import-csv", "bad.csv", NULL);
    g_assert_cmpint (run5.status, ==, 1);
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
}

static void
test_replace (void)
{
  g_autofree char *db = path_in_test_dir ("replace.sqlite");
  g_autofree char *csv = path_in_test_dir ("replace.csv");
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;
  g_auto(Run) run4;

  run_app (&run1, "--database", db, "--import-csv", fixture, NULL);
  write_file (csv, "client_code,session,date,measure,total,items\n"
                   "C-0001,1,2026-01-06,phq9,5,\n");
  run_app (&run2, "--database", db, "--import-csv", "replace.csv", NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_true (g_str_has_prefix (run2.err, "replace.csv:2: PHQ-9 of C-0001 session 1 is "
                                             "already in the casebook"));

  run_app (&run3, "--database", db, "--import-csv", csv, "--replace", NULL);
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_cmpstr (run3.out, ==, "Imported 1 score for 1 client (1 score replaced); 0 unchanged\n");

  run_app (&run4, "--database", db, "--export-csv", "-", NULL);
  g_assert_nonnull (strstr (run4.out, "\r\nC-0001,1,1,2026-01-06,phq9,5,\r\n"));
}

static void
test_default_database (void)
{
  g_autofree char *dir = g_build_filename (test_dir, "ipt-casebook", NULL);
  g_autofree char *db = g_build_filename (dir, "casebook.sqlite", NULL);
  g_auto(Run) run1;
  g_auto(Run) run2;
  GStatBuf st;

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  run_app (&run1, "--export-csv", "-", NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_cmpstr (run1.out, ==, "client_code,course,session,date,measure,total,items\r\n");
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  run_app (&run2, "--import-csv", fixture, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_str_has_prefix (run2.out, "Imported 64 scores"));
}

typedef struct
{
  const char *args[8];
  const char *err;
} Refusal;

static const Refusal refusals[] = {
  { { "--replace", NULL }, "ipt-casebook: --replace only applies to --import-csv\n" },
  { { "--include-name", NULL },
    "ipt-casebook: --include-name only applies to --export-report\n" },
  { { "--import-csv", "a.csv", "--export-csv", "-", NULL },
    "ipt-casebook: --import-csv and --export-csv cannot be combined: give one command at a "
    "time\n" },
  { { "--export-csv", "-", "--export-outcomes", "-", NULL },
    "ipt-casebook: --export-csv and --export-outcomes cannot be combined: give one command at "
    "a time\n" },
  { { "--export-csv", "out.csv", "--output", "x.csv", NULL },
    "ipt-casebook: --output goes with --export-chart, --export-report, --supervision-pack or "
    "--export-review (--export-csv and --export-outcomes take the file name themselves)\n" },
  { { "--output", "x.pdf", NULL },
    "ipt-casebook: --output goes with --export-chart, --export-report, --supervision-pack or "
    "--export-review (--export-csv and --export-outcomes take the file name themselves)\n" },
  { { "--export-report", "C-1", NULL }, "ipt-casebook: --export-report needs --output FILE\n" },
  { { "--clients", "5", NULL }, "ipt-casebook: --clients only applies to --make-demo\n" },
  { { "--make-demo", "new.sqlite", "--clients", "0", NULL },
    "ipt-casebook: --clients must be a whole number from 1 to 100000, not “0”\n" },
  { { "--make-demo", "new.sqlite", "--clients", "100001", NULL },
    "ipt-casebook: --clients must be a whole number from 1 to 100000, not “100001”\n" },
  { { "--make-demo", "new.sqlite", "--clients", "many", NULL },
    "ipt-casebook: --clients must be a whole number from 1 to 100000, not “many”\n" },
  { { "--make-demo", "new.sqlite", "--database", "x.sqlite", NULL },
    "ipt-casebook: --make-demo writes a new file of its own: --database does not apply\n" },
  { { "--cases", "C-1", NULL },
    "ipt-casebook: --cases only applies to --supervision-pack and --export-review\n" },
  { { "--export-csv", "-", "--dashboard", NULL },
    "ipt-casebook: --dashboard opens the window and cannot be combined with --export-csv\n" },
  { { "--database", "missing.sqlite", "--export-csv", "-", NULL },
    "ipt-casebook: missing.sqlite: no such casebook\n" },
  { { "--database", "x.sqlite", "--import-csv", "missing.csv", NULL },
    "ipt-casebook: missing.csv: no such file\n" },
  { { "--import-csv", "", NULL }, "ipt-casebook: --import-csv needs a file name\n" },
  { { "--passphrase-file", "p.txt", "--export-csv", "-", NULL },
    "ipt-casebook: --passphrase-file only applies to --export-review, --merge-review and --review\n" },
  /* a merge never creates the casebook it would write into */
  { { "--database", "x.sqlite", "--merge-review", "x.iptreview", NULL },
    "ipt-casebook: x.sqlite: no such casebook\n" },
};

static void
test_refused (gconstpointer data)
{
  const Refusal *refusal = data;
  g_auto(Run) run;
  const char * const *a = refusal->args;

  run_app (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, refusal->err);
  /* no command that was refused left a file behind */
  {
    g_autofree char *x = path_in_test_dir ("x.sqlite");
    g_autofree char *missing = path_in_test_dir ("missing.sqlite");
    g_autofree char *demo = path_in_test_dir ("new.sqlite");

    g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (demo, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_over_casebook (void)
{
  g_autofree char *db = path_in_test_dir ("self.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run1;
  g_auto(Run) run2;

  run_app (&run1, "--database", db, "--import-csv", fixture, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  before = read_file (db);
  run_app (&run2, "--database", db, "--export-csv", db, NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_true (g_str_has_suffix (run2.err, "self.sqlite is the casebook itself: choose another "
                                             "file to export to\n"));
  after = read_file (db);
  g_assert_true (memcmp (before, after, 16) == 0);   /* still an SQLite file */
}

static void
test_not_a_casebook (void)
{
  g_autofree char *db = path_in_test_dir ("notes.txt");
  g_autofree char *after = NULL;
  const char text[] = "Not a database, just some notes that must stay as they are.\n";
  g_auto(Run) run;

  write_file (db, text);
  run_app (&run, "--database", db, "--import-csv", fixture, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "ipt-casebook: "));
  /* one line */
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  after = read_file (db);
  g_assert_cmpstr (after, ==, text);
}

static void
test_make_demo (void)
{
  g_autofree char *demo = path_in_test_dir ("demo.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  gsize before_len = 0, after_len = 0;
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;

  run_app (&run1, "--make-demo", "demo.sqlite", "--clients", "3", NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_cmpstr (run1.out, ==, "Wrote a demo caseload of 3 clients to demo.sqlite\n");
  g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (demo, &before, &before_len, NULL));

  run_app (&run2, "--make-demo", "demo.sqlite", NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_true (g_str_has_prefix (run2.err, "ipt-casebook: "));
  g_assert_nonnull (strstr (run2.err, "demo.sqlite"));
  g_assert_true (g_file_get_contents (demo, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  /* the demo is a casebook: its outcomes export */
  run_app (&run3, "--database", demo, "--export-outcomes", "-", NULL);
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_true (g_str_has_prefix (run3.out, "client_code,episode,sessions_attended,"));
}

/* An export over a device reached by a symbolic link writes through the link, and a write the
 * device refuses is an error, not a file put in the link's place. */
static void
test_export_to_device (void)
{
  g_autofree char *db = path_in_test_dir ("device.sqlite");
  g_autofree char *link = path_in_test_dir ("device-out.csv");
  g_autofree char *chart_link = path_in_test_dir ("device-chart.pdf");
  GStatBuf st;
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  run_app (&run1, "--database", db, "--import-csv", fixture, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_cmpint (symlink ("/dev/full", link), ==, 0);
  g_assert_cmpint (symlink ("/dev/full", chart_link), ==, 0);

  run_app (&run2, "--database", db, "--export-csv", link, NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_nonnull (strstr (run2.err, "device-out.csv"));
  g_assert_nonnull (strstr (run2.err, g_strerror (ENOSPC)));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  run_app (&run3, "--database", db, "--export-chart", "C-0001", "--output", chart_link, NULL);
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_nonnull (strstr (run3.err, g_strerror (ENOSPC)));
  g_assert_cmpint (g_lstat (chart_link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

/* Is there a file in test_dir whose name starts with prefix? */
static gboolean
has_file_starting (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (test_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/* A --make-demo killed halfway leaves nothing under the name asked for, and a retry works. */
static void
test_make_demo_killed (void)
{
  const char *app = g_getenv ("IPT_CASEBOOK");
  g_autofree char *demo = path_in_test_dir ("killed.sqlite");
  const char *argv[] = { app, "--make-demo", demo, "--clients", "100000", NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autoptr(GError) error = NULL;
  GPid pid;
  int wait_status = 0;
  guint waited = 0;
  g_auto(Run) run;

  g_assert_true (g_spawn_async (test_dir, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  /* wait until the run has begun writing, then a little more */
  while (!has_file_starting ("killed.sqlite") && !has_file_starting (".killed.sqlite.") &&
         waited++ < 3000)
    g_usleep (10 * 1000);
  g_usleep (300 * 1000);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (wait_status));

  g_assert_false (g_file_test (demo, G_FILE_TEST_EXISTS));

  run_app (&run, "--make-demo", demo, "--clients", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
}

/* An import refused into a zero-length file leaves it empty, with its mode and times. */
static void
test_import_refused_empty_file (void)
{
  g_autofree char *db = path_in_test_dir ("empty.sqlite");
  g_autofree char *bad = path_in_test_dir ("empty-bad.csv");
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  struct utimbuf old_times = { 1000000000, 1000000000 };
  GStatBuf st;
  g_auto(Run) run;

  write_file (db, "");
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  g_assert_cmpint (g_utime (db, &old_times), ==, 0);
  write_file (bad, "client_code,session,date,measure,total,items\n"
                   "C-0001,1,2026-01-05,phq9,99,\n");

  run_app (&run, "--database", db, "--import-csv", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);

  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpint (st.st_mtime, ==, 1000000000);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
become_nobody (gpointer data)
{
  (void) data;
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    _exit (99);
}

/* A casebook in a folder that cannot be written (its -wal and -shm cannot be created) is
 * refused for that reason, for exports and imports alike, and left as it was. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = path_in_test_dir ("read-only");
  g_autofree char *db = g_build_filename (dir, "ro.sqlite", NULL);
  g_autofree char *csv = path_in_test_dir ("ro.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  run_app (&run1, "--make-demo", db, "--clients", "2", NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));
  write_file (csv, "client_code,session,date,measure,total,items\n"
                   "C-0001,1,2026-01-05,phq9,3,\n");

  if (geteuid () == 0)
    {
      /* root writes anywhere: run the app as nobody, who may read but not write there */
      g_assert_cmpint (g_chmod (test_dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (db, 0644), ==, 0);
      g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
      run_child_setup = become_nobody;
    }
  else
    g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  run_app (&run2, "--database", db, "--export-csv", "-", NULL);
  run_app (&run3, "--database", db, "--import-csv", csv, NULL);
  run_child_setup = NULL;
  g_chmod (dir, 0700);
  g_chmod (test_dir, 0700);

  g_assert_cmpint (run2.status, ==, 1);
  g_assert_cmpstr (run2.out, ==, "");
  g_assert_null (strstr (run2.err, "not an IPT Casebook"));
  g_assert_nonnull (strstr (run2.err, "cannot be written"));
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_null (strstr (run3.err, "not an IPT Casebook"));
  g_assert_nonnull (strstr (run3.err, "cannot be written"));

  g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
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
  guint i;

  test_dir = g_dir_make_tmp ("ipt-test-cli-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  g_test_init (&argc, &argv, NULL);
  fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "scores.csv", NULL);

  if (g_getenv ("IPT_CASEBOOK") == NULL)
    {
      g_printerr ("IPT_CASEBOOK must name the built ipt-casebook\n");
      return 1;
    }

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/import-refused", test_import_refused);
  g_test_add_func ("/cli/import-refused-empty-file", test_import_refused_empty_file);
  g_test_add_func ("/cli/replace", test_replace);
  g_test_add_func ("/cli/default-database", test_default_database);
  g_test_add_func ("/cli/export-over-casebook", test_export_over_casebook);
  g_test_add_func ("/cli/not-a-casebook", test_not_a_casebook);
  g_test_add_func ("/cli/read-only-folder", test_read_only_folder);
  g_test_add_func ("/cli/make-demo", test_make_demo);
  g_test_add_func ("/cli/make-demo-killed", test_make_demo_killed);
  g_test_add_func ("/cli/export-to-device", test_export_to_device);
  for (i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/refused/%u", i);

      g_test_add_data_func (name, &refusals[i], test_refused);
    }

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  g_free (fixture);
  return status;
}
