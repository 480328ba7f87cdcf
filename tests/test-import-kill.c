/* An import killed at any moment leaves a sound casebook holding all of the file or none of it. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#define N_ROWS 60000

static char *test_dir;

/* PHQ-9 and GAD-7 with item answers at 16 weekly sessions per client. */
static void
generate_csv (const char *path,
              guint       n_rows)
{
  g_autoptr(GString) out = g_string_sized_new (n_rows * 48);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint row = 0, client = 0;

  g_string_append (out, "client_code,session,date,measure,total,items\r\n");
  while (row < n_rows)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1 + client % 28, 1 + client % 12, 2025);
      guint session;

      client++;
      for (session = 1; session <= 16 && row < n_rows; session++)
        {
          char iso[16];
          guint m;

          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
          for (m = 0; m < 2 && row < n_rows; m++, row++)
            {
              guint n_items = m == 0 ? 9 : 7;
              int total = 0;
              guint i;
              GString *items = g_string_new (NULL);

              for (i = 0; i < n_items; i++)
                {
                  int v = g_rand_int_range (rand, 0, 4);

                  total += v;
                  g_string_append_printf (items, "%s%d", i > 0 ? ";" : "", v);
                }
              g_string_append_printf (out, "K-%06u,%u,%s,%s,%d,%s\r\n", client, session, iso,
                                      m == 0 ? "phq9" : "gad7", total, items->str);
              g_string_free (items, TRUE);
            }
          g_date_add_days (date, 7);
        }
    }

  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, &error));
  g_assert_no_error (error);
}

static GPid
spawn_import (const char *db,
              const char *csv)
{
  const char *app = g_getenv ("IPT_CASEBOOK");
  const char *argv[] = { app, "--database", db, "--import-csv", csv, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", test_dir, TRUE);

  g_assert_true (g_spawn_async (test_dir, (char **) argv, envp,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

/* Waits up to `ms` for the child; returns TRUE when it ended by itself (status in *status). */
static gboolean
wait_for (GPid   pid,
          guint  ms,
          int   *status)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  do
    {
      if (waitpid (pid, status, WNOHANG) == pid)
        return TRUE;
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < end);
  return FALSE;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}

/* Opens the casebook as SQLite would after a crash, checks it, and counts the scores
 * (-1 when the schema itself was never committed, or the program was killed before it created
 * the file at all). */
static int
check_casebook (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n_tables, n_scores;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'scores'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_tables = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (n_tables == 0)
    {
      sqlite3_close (db);
      return -1;
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM scores", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_scores = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  /* all of it or none of it, in every table the import writes */
  if (n_scores == 0)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM clients) + "
                                               "(SELECT count(*) FROM sessions) + "
                                               "(SELECT count(*) FROM score_items)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
      sqlite3_finalize (stmt);
    }
  else
    {
      g_assert_cmpint (n_scores, ==, N_ROWS);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM score_items", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, N_ROWS / 2 * 9 + N_ROWS / 2 * 7);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return n_scores;
}

static void
test_kill_during_import (void)
{
  g_autofree char *csv = g_build_filename (test_dir, "big.csv", NULL);
  g_autofree char *full_db = g_build_filename (test_dir, "full.sqlite", NULL);
  static const double fractions[] = { 0.1, 0.3, 0.5, 0.7, 0.85, 0.95 };
  static const guint after_wal_grows_ms[] = { 0, 5, 20, 60 };
  g_autofree char *last_db = NULL;
  gint64 start, duration_ms;
  guint n_none = 0, n_all = 0, n_killed = 0;
  int status = 0;
  guint i;
  GPid pid;

  generate_csv (csv, N_ROWS);

  /* an import left alone: its duration places the kills below */
  start = g_get_monotonic_time ();
  pid = spawn_import (full_db, csv);
  g_assert_true (wait_for (pid, 600 * 1000, &status));
  g_spawn_close_pid (pid);
  duration_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (check_casebook (full_db), ==, N_ROWS);
  g_test_message ("a whole import took %" G_GINT64_FORMAT " ms", duration_ms);

  for (i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      g_autofree char *name = g_strdup_printf ("killed-%u.sqlite", i);
      g_autofree char *db = g_build_filename (test_dir, name, NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      guint delay = (guint) (fractions[i] * (double) duration_ms);
      gboolean ended;
      goffset wal_size;
      int n;

      pid = spawn_import (db, csv);
      ended = wait_for (pid, delay, &status);
      wal_size = file_size (wal);
      if (!ended)
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          /* it may have ended by itself just before the signal */
          if (WIFSIGNALED (status))
            n_killed++;
        }
      g_spawn_close_pid (pid);

      n = check_casebook (db);
      g_test_message ("killed after %u ms (wal %" G_GOFFSET_FORMAT " bytes): %d scores",
                      delay, wal_size, n);
      if (n == N_ROWS)
        n_all++;
      else if (n == 0)
        n_none++;
      g_clear_pointer (&last_db, g_free);
      last_db = g_strdup (db);
    }

  /* the moment the import's transaction reaches the write-ahead log (its commit, or pages
   * spilled from the cache), and a little later */
  for (i = 0; i < G_N_ELEMENTS (after_wal_grows_ms); i++)
    {
      g_autofree char *name = g_strdup_printf ("killed-wal-%u.sqlite", i);
      g_autofree char *db = g_build_filename (test_dir, name, NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      gint64 deadline;
      goffset wal_size = -1;
      gboolean ended = FALSE;
      int n;

      pid = spawn_import (db, csv);
      deadline = g_get_monotonic_time () + 10 * duration_ms * 1000;
      /* the new casebook's schema fills the WAL's first 100 KB; the import comes after it */
      while (!ended && g_get_monotonic_time () < deadline)
        {
          wal_size = file_size (wal);
          if (wal_size > 256 * 1024)
            break;
          ended = waitpid (pid, &status, WNOHANG) == pid;
          if (!ended)
            g_usleep (500);
        }
      if (!ended)
        ended = wait_for (pid, after_wal_grows_ms[i], &status);
      if (!ended)
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          if (WIFSIGNALED (status))
            n_killed++;
        }
      g_spawn_close_pid (pid);

      n = check_casebook (db);
      g_test_message ("killed %u ms after the WAL grew to %" G_GOFFSET_FORMAT " bytes: %d scores",
                      after_wal_grows_ms[i], wal_size, n);
      if (n == N_ROWS)
        n_all++;
      else if (n == 0)
        n_none++;
    }

  /* the kills must have hit imports under way, some before their commit */
  g_assert_cmpuint (n_killed, >=, 3);
  g_assert_cmpuint (n_none, >=, 1);
  g_test_message ("%u killed, %u held none of the file, %u all of it", n_killed, n_none, n_all);

  /* a casebook left by a killed import takes the whole file afterwards */
  pid = spawn_import (last_db, csv);
  g_assert_true (wait_for (pid, 600 * 1000, &status));
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (check_casebook (last_db), ==, N_ROWS);
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

  test_dir = g_dir_make_tmp ("ipt-test-import-kill-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("IPT_CASEBOOK") == NULL)
    {
      g_printerr ("IPT_CASEBOOK must name the built ipt-casebook\n");
      return 1;
    }

  g_test_add_func ("/import-kill/all-or-nothing", test_kill_during_import);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
