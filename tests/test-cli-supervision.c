/* The supervision commands of the command line, end to end: --supervision-pack, --export-review
 * and --merge-review run as the built app, without a display. */
#include "config.h"

#include "test-supervision-common.h"

#include "ipt-review-file.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define PASSPHRASE "a long enough passphrase"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv (Run               *run,
          const char        *dir,
          const char * const *args)
{
  const char *app = g_getenv ("IPT_CASEBOOK");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (app);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);
  g_ptr_array_add (argv, (char *) app);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  /* no terminal: the passphrase always comes from --passphrase-file here */
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL,
                               NULL, NULL, &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
  g_test_message ("status %d, stdout: %s, stderr: %s", run->status, run->out, run->err);
}

#define RUN(run, dir, ...) run_argv ((run), (dir), (const char * const[]) { __VA_ARGS__, NULL })

/* A casebook of n seeded clients in dir; the passphrase in dir/pass.txt. */
static char *
make_casebook (const char *dir,
               guint       n,
               GPtrArray  *tokens)
{
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autofree char *pass = g_build_filename (dir, "pass.txt", NULL);
  char *path = g_strdup (ipt_store_get_path (store));

  seed_identified_caseload (store, n, 6, tokens);
  g_assert_true (g_file_set_contents (pass, PASSPHRASE "\nsecond line\n", -1, NULL));
  return path;
}

static gint64
count_rows (const char *casebook,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = ipt_store_open (casebook, IPT_STORE_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  g_assert_no_error (error);
  return query_int (store, sql);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (; *text != '\0'; text++)
    n += *text == '\n';
  return n;
}

static void
test_pack (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *casebook = make_casebook (dir, 12, tokens);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *some = g_build_filename (dir, "some.pdf", NULL);
  g_autofree char *pdftotext = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize size = 0;
  g_auto(Run) run1;
  g_auto(Run) run3;
  g_auto(Run) run4;

  RUN (&run1, dir, "--database", casebook, "--supervision-pack", "--output", pdf);
  g_assert_cmpint (run1.status, ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("Wrote a supervision pack of 12 cases to %s\n",
                                                 pdf);

    g_assert_cmpstr (run1.out, ==, expected);
  }
  g_assert_true (g_file_get_contents (pdf, &bytes, &size, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF"));
  g_assert_null (find_token (bytes, size, tokens));

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  {
    /* pdftotext, not the app */
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_null (find_token (text, strlen (text), tokens));
  g_assert_nonnull (strstr (text, "Supervision pack"));
  g_assert_nonnull (strstr (text, "12 cases"));
  g_assert_nonnull (strstr (text, "Caseload figures"));
  g_assert_nonnull (strstr (text, "Recovery rate"));
  g_assert_nonnull (strstr (text, "target 50 %"));
  g_assert_nonnull (strstr (text, "Reliable improvement rate"));
  g_assert_nonnull (strstr (text, "Reliable deterioration"));
  g_assert_nonnull (strstr (text, "C-0001"));
  g_assert_nonnull (strstr (text, "C-0012"));
  g_assert_nonnull (strstr (text, "Role dispute"));
  g_assert_nonnull (strstr (text, "Partner"));
  g_assert_nonnull (strstr (text, "Risk"));
  g_assert_nonnull (strstr (text, "Signals"));
  g_assert_nonnull (strstr (text, "Outcome"));
  g_assert_nonnull (strstr (text, "No free text included."));

  /* some cases only */
  g_clear_pointer (&text, g_free);
  RUN (&run3, dir, "--database", casebook, "--supervision-pack", "--output", some,
       "--cases", "C-0003,C-0005");
  g_assert_cmpint (run3.status, ==, 0);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", some, "-", NULL };

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, NULL));
  }
  g_assert_nonnull (strstr (text, "2 cases"));
  g_assert_nonnull (strstr (text, "C-0003"));
  g_assert_nonnull (strstr (text, "C-0005"));
  g_assert_null (strstr (text, "C-0001"));

  /* an unknown code: one line, no file */
  g_unlink (some);
  RUN (&run4, dir, "--database", casebook, "--supervision-pack", "--output", some,
       "--cases", "C-0003,C-0404");
  g_assert_cmpint (run4.status, ==, 1);
  g_assert_cmpstr (run4.err, ==,
                   "ipt-casebook: No client with case code “C-0404” in the casebook\n");
  g_assert_false (g_file_test (some, G_FILE_TEST_EXISTS));
}

static void
test_export_and_merge (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *casebook = make_casebook (dir, 4, tokens);
  g_autofree char *review = g_build_filename (dir, "out.iptreview", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;
  g_auto(Run) run4;

  RUN (&run1, dir, "--database", casebook, "--export-review", "--output", review,
       "--cases", "C-0002,C-0004", "--passphrase-file", "pass.txt");
  g_assert_cmpint (run1.status, ==, 0);
  expected = g_strdup_printf ("Wrote a review file of 2 cases to %s\n", review);
  g_assert_cmpstr (run1.out, ==, expected);
  g_assert_cmpuint (file_mode (review), ==, 0600);
  g_assert_true (g_file_get_contents (review, &bytes, &size, NULL));
  g_assert_cmpmem (bytes, 8, "IPTREVW1", 8);
  g_assert_null (find_token (bytes, size, tokens));

  /* the supervisor's work, as review mode writes it */
  {
    g_autoptr(IptReviewDb) db = ipt_review_file_open (review, PASSPHRASE, &error);
    g_autoptr(GPtrArray) cases = NULL;
    g_autoptr(IptComment) comment = NULL;
    g_autoptr(IptSupervisionEntry) entry = NULL;
    IptReviewCase *rc;

    g_assert_no_error (error);
    cases = ipt_review_db_list_cases (db, &error);
    rc = g_ptr_array_index (cases, 1);
    g_assert_cmpstr (rc->code, ==, "C-0004");
    comment = ipt_comment_new (rc->episode_id, "Supervisor", "Good work on the inventory.");
    g_assert_true (ipt_review_db_add_comment (db, comment, &error));
    entry = ipt_supervision_entry_new (rc->episode_id, "2026-04-01");
    ipt_supervision_entry_set_recordings_reviewed (entry, 2);
    g_assert_true (ipt_review_db_add_supervision_entry (db, entry, &error));
    g_assert_true (ipt_review_file_save (db, review, PASSPHRASE, &error));
    g_assert_no_error (error);
  }

  RUN (&run2, dir, "--database", casebook, "--merge-review", review, "--passphrase-file",
       "pass.txt");
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_cmpstr (run2.out, ==, "Merged 1 comment, 0 session reviews and 1 log entry "
                                 "(0 already merged)\n");
  g_assert_cmpint (count_rows (casebook, "comments WHERE text = 'Good work on the inventory.' "
                                         "AND episode_id = (SELECT e.id FROM episodes e JOIN "
                                         "clients c ON c.id = e.client_id "
                                         "WHERE c.code = 'C-0004')"), ==, 1);
  RUN (&run3, dir, "--database", casebook, "--merge-review", review, "--passphrase-file",
       "pass.txt");
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_cmpstr (run3.out, ==, "Merged 0 comments, 0 session reviews and 0 log entries "
                                 "(2 already merged)\n");
  g_assert_cmpint (count_rows (casebook, "comments"), ==, 1);

  /* the pack counts the supervision log, per case and over the caseload */
  {
    g_autofree char *pdf = g_build_filename (dir, "logged.pdf", NULL);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_auto(Run) r;

    RUN (&r, dir, "--database", casebook, "--supervision-pack", "--output", pdf,
         "--cases", "C-0004");
    g_assert_cmpint (r.status, ==, 0);
    if (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL,
                      NULL, NULL))
      {
        /* the line may wrap after "recordings" */
        g_assert_nonnull (strstr (text, "Supervision so far: 1 meeting, 0 sessions discussed, "
                                        "2 recordings"));
        g_assert_nonnull (strstr (text, "Supervision log"));
      }
  }

  /* an unknown code: one line, no file */
  g_unlink (review);
  RUN (&run4, dir, "--database", casebook, "--export-review", "--output", review,
       "--cases", "C-0404", "--passphrase-file", "pass.txt");
  g_assert_cmpint (run4.status, ==, 1);
  g_assert_cmpstr (run4.err, ==,
                   "ipt-casebook: No client with case code “C-0404” in the casebook\n");
  g_assert_false (g_file_test (review, G_FILE_TEST_EXISTS));
}

/* --include-text: free text leaves for the cases it names, and for no other. */
static void
test_include_text (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *casebook = make_casebook (dir, 4, tokens);
  g_autofree char *review = g_build_filename (dir, "text.iptreview", NULL);
  g_autofree char *refused = g_build_filename (dir, "refused.iptreview", NULL);
  g_autofree char *pdf = g_build_filename (dir, "text.pdf", NULL);
  g_autofree char *pdftotext = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run1;
  g_auto(Run) run2;
  g_auto(Run) run3;
  g_auto(Run) run4;

  RUN (&run1, dir, "--database", casebook, "--export-review", "--output", review,
       "--cases", "C-0001,C-0002,C-0003", "--include-text", "c-0002",
       "--passphrase-file", "pass.txt");
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_nonnull (strstr (run1.err, "Free text included for C-0002."));
  g_assert_nonnull (strstr (run1.err, "may name people"));
  {
    g_autoptr(IptReviewDb) db = ipt_review_file_open (review, PASSPHRASE, &error);
    g_autoptr(GPtrArray) cases = NULL;

    g_assert_no_error (error);
    cases = ipt_review_db_list_cases (db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cases->len, ==, 3);
    for (guint i = 0; i < cases->len; i++)
      {
        IptReviewCase *rc = g_ptr_array_index (cases, i);
        gboolean chosen = g_strcmp0 (rc->code, "C-0002") == 0;

        if (chosen)
          {
            g_assert_cmpstr (rc->formulation, ==, "Formulationzq002");
            g_assert_cmpuint (rc->shared, ==, IPT_REVIEW_SHARE_ALL);
          }
        else
          {
            g_assert_null (rc->formulation);
            g_assert_null (rc->old_role);
            g_assert_cmpuint (rc->shared, ==, IPT_REVIEW_SHARE_NONE);
          }
        for (guint j = 0; j < rc->sessions->len; j++)
          {
            const char *note = g_array_index (rc->sessions, IptReviewSession, j).note;

            if (chosen)
              g_assert_nonnull (note);
            else
              g_assert_null (note);
          }
        for (guint j = 0; j < rc->goals->len; j++)
          {
            const char *text = g_array_index (rc->goals, IptReviewGoal, j).text;

            if (chosen)
              g_assert_cmpstr (text, ==, "Goaltextzq002");
            else
              g_assert_null (text);
          }
      }
  }

  /* a code that is not exported: refused, nothing written */
  RUN (&run2, dir, "--database", casebook, "--export-review", "--output", refused,
       "--cases", "C-0001", "--include-text", "C-0003", "--passphrase-file", "pass.txt");
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_cmpstr (run2.err, ==, "ipt-casebook: --include-text names C-0003, which is not "
                                 "among the cases exported\n");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  RUN (&run3, dir, "--database", casebook, "--export-csv", "-", "--include-text", "C-0001");
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_cmpstr (run3.err, ==, "ipt-casebook: --include-text only applies to "
                                 "--supervision-pack and --export-review\n");

  /* the pack: the chosen case's free text, nobody else's */
  RUN (&run4, dir, "--database", casebook, "--supervision-pack", "--output", pdf,
       "--include-text", "C-0004");
  g_assert_cmpint (run4.status, ==, 0);
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *text = NULL;

      g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "Formulationzq004"));
      for (guint c = 1; c <= 3; c++)
        {
          g_autofree char *other = g_strdup_printf ("Formulationzq%03u", c);
          g_autofree char *goal = g_strdup_printf ("Goaltextzq%03u", c);

          g_assert_null (strstr (text, other));
          g_assert_null (strstr (text, goal));
        }
    }
}

static void
test_refusals (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *casebook = make_casebook (dir, 2, tokens);
  g_autofree char *review = g_build_filename (dir, "good.iptreview", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.iptreview", NULL);
  g_autofree char *short_pass = g_build_filename (dir, "short.txt", NULL);
  g_autofree char *wrong_pass = g_build_filename (dir, "wrong.txt", NULL);
  g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
  g_autofree char *other = NULL;
  g_autofree char *other_review = g_build_filename (dir, "other.iptreview", NULL);
  g_autofree char *good = NULL;
  g_autofree char *plain = NULL;
  gsize good_size = 0, plain_size = 0;
  g_auto(Run) run;

  g_assert_true (g_file_set_contents (short_pass, "too short\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong_pass, "a wrong passphrase, long enough\n", -1, NULL));
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  {
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

    other = make_casebook (other_dir, 1, more);
  }

  /* no default casebook yet: a merge does not make one */
  {
    g_autofree char *empty_home = g_build_filename (dir, "home", NULL);
    g_autofree char *default_casebook = g_build_filename (empty_home, "ipt-casebook",
                                                          "casebook.sqlite", NULL);
    g_auto(Run) r;

    g_assert_cmpint (g_mkdir (empty_home, 0700), ==, 0);
    RUN (&r, empty_home, "--merge-review", review, "--passphrase-file", "../pass.txt");
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "casebook.sqlite: no such casebook"));
    g_assert_false (g_file_test (default_casebook, G_FILE_TEST_EXISTS));
  }

  /* standard output is no place for a review file */
  RUN (&run, dir, "--database", casebook, "--export-review", "--output", "-",
       "--passphrase-file", "pass.txt");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "ipt-casebook: --export-review writes a file: give its name, not -\n");
  run_clear (&run);

  /* a typed passphrase too short: no file */
  RUN (&run, dir, "--database", casebook, "--export-review", "--output", review,
       "--passphrase-file", short_pass);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "ipt-casebook: The passphrase needs at least 12 characters\n");
  g_assert_false (g_file_test (review, G_FILE_TEST_EXISTS));
  run_clear (&run);

  RUN (&run, dir, "--database", casebook, "--export-review", "--output", review,
       "--passphrase-file", "pass.txt");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  RUN (&run, other_dir, "--database", other, "--export-review", "--output", other_review,
       "--passphrase-file", "pass.txt");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (review, &good, &good_size, NULL));
  g_assert_true (g_file_get_contents (casebook, &plain, &plain_size, NULL));

  {
    struct {
      const char *what;
      const char *file;
      const char *pass;
      const char *contains;
    } cases[] = {
      { "wrong passphrase", review, wrong_pass,
        "the passphrase is wrong, or the file was changed" },
      { "flipped byte", bad, "pass.txt", "the passphrase is wrong, or the file was changed" },
      { "cut short", bad, "pass.txt", "the passphrase is wrong, or the file was changed" },
      { "plain SQLite", bad, "pass.txt", "this is a plain SQLite database, not a review file" },
      { "newer format", bad, "pass.txt", "written by a newer version of IPT Casebook" },
      { "another casebook", other_review, "pass.txt", "was made from another casebook" },
      { "missing", "missing.iptreview", "pass.txt", "missing.iptreview: no such file" },
      { "a folder", ".", "pass.txt", ".: a folder, a device or a pipe, not a review file" },
      { "a device", "/dev/null", "pass.txt",
        "/dev/null: a folder, a device or a pipe, not a review file" },
      { "no passphrase file", review, "nothing.txt", "nothing.txt: cannot read the passphrase" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(Run) r;
        g_autofree char *expected_end = NULL;

        g_test_message ("%s", cases[i].what);
        if (i == 1)
          {
            good[good_size / 2] ^= 0x20;
            g_assert_true (g_file_set_contents (bad, good, good_size, NULL));
            good[good_size / 2] ^= 0x20;
          }
        else if (i == 2)
          g_assert_true (g_file_set_contents (bad, good, good_size - 100, NULL));
        else if (i == 3)
          g_assert_true (g_file_set_contents (bad, plain, plain_size, NULL));
        else if (i == 4)
          {
            good[7] = '2';
            g_assert_true (g_file_set_contents (bad, good, good_size, NULL));
            good[7] = '1';
          }

        RUN (&r, dir, "--database", casebook, "--merge-review", cases[i].file,
             "--passphrase-file", cases[i].pass);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_cmpstr (r.out, ==, "");
        g_assert_cmpuint (count_lines (r.err), ==, 1);
        g_assert_true (g_str_has_prefix (r.err, "ipt-casebook: "));
        g_assert_nonnull (strstr (r.err, cases[i].contains));
        g_assert_cmpint (count_rows (casebook, "comments"), ==, 0);
        g_assert_cmpint (count_rows (casebook, "supervision_log"), ==, 0);
      }
  }
}

/* Reads what the terminal shows until `text` appears (or 30 s pass). */
static gboolean
read_until (int         master,
            GString    *screen,
            const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (text == NULL || strstr (screen->str, text) == NULL)
    {
      struct pollfd pfd = { master, POLLIN, 0 };
      char buf[256];
      ssize_t n;

      if (g_get_monotonic_time () > deadline || poll (&pfd, 1, 1000) < 0)
        return FALSE;
      if (!(pfd.revents & (POLLIN | POLLHUP)))
        continue;
      n = read (master, buf, sizeof buf);
      if (n <= 0)
        return text == NULL;   /* the app closed the terminal */
      g_string_append_len (screen, buf, n);
    }
  return TRUE;
}

/* Runs the app on a new terminal of its own, typing `lines` at each prompt. */
static int
run_on_terminal (const char         *dir,
                 const char * const *args,
                 const char * const *prompts,
                 const char * const *lines,
                 GString            *screen)
{
  const char *app = g_getenv ("IPT_CASEBOOK");
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  int status = 0;
  pid_t pid;

  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      const char *argv[16] = { app, };
      guint n = 1;
      int slave;

      setsid ();
      slave = open (ptsname (master), O_RDWR);
      if (slave < 0 || ioctl (slave, TIOCSCTTY, 0) != 0 || chdir (dir) != 0)
        _exit (126);
      dup2 (slave, 0);
      dup2 (slave, 1);
      dup2 (slave, 2);
      close (master);
      unsetenv ("DISPLAY");
      unsetenv ("WAYLAND_DISPLAY");
      setenv ("XDG_DATA_HOME", dir, 1);
      for (guint i = 0; args[i] != NULL && n < G_N_ELEMENTS (argv) - 1; i++)
        argv[n++] = args[i];
      argv[n] = NULL;
      execv (app, (char **) argv);
      _exit (127);
    }

  for (guint i = 0; prompts[i] != NULL; i++)
    {
      g_assert_true (read_until (master, screen, prompts[i]));
      g_assert_cmpint (write (master, lines[i], strlen (lines[i])), ==, (gssize) strlen (lines[i]));
    }
  read_until (master, screen, NULL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (master);
  g_test_message ("terminal: %s", screen->str);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_terminal_passphrase (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *casebook = make_casebook (dir, 2, tokens);
  g_autofree char *review = g_build_filename (dir, "typed.iptreview", NULL);
  g_autoptr(GString) screen = g_string_new (NULL);
  g_autoptr(GString) screen2 = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReviewDb) db = NULL;
  const char *args[] = { "--database", casebook, "--export-review", "--output", review, NULL };
  const char *prompts[] = { "Passphrase: ", "again: ", NULL };
  const char *typed[] = { "typed on the terminal\n", "typed on the terminal\n", NULL };
  const char *mistyped[] = { "typed on the terminal\n", "typed on the terminaL\n", NULL };

  g_assert_cmpint (run_on_terminal (dir, args, prompts, typed, screen), ==, 0);
  /* not echoed */
  g_assert_null (strstr (screen->str, "typed on the"));
  g_assert_nonnull (strstr (screen->str, "Wrote a review file of 2 cases"));
  db = ipt_review_file_open (review, "typed on the terminal", &error);
  g_assert_no_error (error);

  /* two different answers: nothing written */
  g_unlink (review);
  g_assert_cmpint (run_on_terminal (dir, args, prompts, mistyped, screen2), ==, 1);
  g_assert_nonnull (strstr (screen2->str, "the two passphrases differ; nothing was written"));
  g_assert_false (g_file_test (review, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-cli-supervision-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-supervision/pack", test_pack);
  g_test_add_func ("/cli-supervision/export-and-merge", test_export_and_merge);
  g_test_add_func ("/cli-supervision/include-text", test_include_text);
  g_test_add_func ("/cli-supervision/refusals", test_refusals);
  g_test_add_func ("/cli-supervision/terminal-passphrase", test_terminal_passphrase);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
