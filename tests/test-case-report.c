/* Tests of the case report PDF: read back as text (headings, no name unless asked, every page
 * numbered, long texts kept whole), A4, and its refusals; through the command line too. */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-store-common.h"
#include "ipt-case-report.h"
#include "test-case-report-fixture.h"

/* The text of a PDF, or NULL when pdftotext is not installed. */
static char *
pdf_text (const char *pdf,
          gboolean    info)
{
  g_autofree char *program = g_find_program_in_path (info ? "pdfinfo" : "pdftotext");
  const char *argv[] = { program, pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  if (info)
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The body text of a report as one line: the running header and the page footers left out, so
 * that a sentence a page break divides reads on. */
static char *
body_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\n\f", -1);
  GString *body = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint page = 0, pages = 0;

      if (*lines[i] == '\0'
          || g_str_has_prefix (lines[i], "IPT Casebook · case report")
          || sscanf (lines[i], "Page %u of %u", &page, &pages) == 2)
        continue;
      g_string_append (body, lines[i]);
      g_string_append_c (body, ' ');
    }
  return g_string_free (body, FALSE);
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  for (const char *p = text; (p = strchr (p, '\f')) != NULL; p++)
    pages++;
  return pages;
}

static void
test_headings_and_name (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 16, 16, NULL);
  g_autofree char *plain = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *named = g_build_filename (dir, "named.PDF", NULL);
  g_autofree char *text = NULL;
  g_autofree char *named_text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[] = {
    "Case report C-0042", "Contract and phases",
    "16 sessions, weekly, focus: Role dispute with Jamie",
    "Focus and formulation", "Role dispute", "Formulation", "Agreed with the client on 2026-01-26",
    "Impasse from session 2; Renegotiation from session 6",
    "Interpersonal inventory", "Closeness circle", "Jamie, partner: ring 1 (closest), the focus",
    "ideal ring 2", "Goes quiet, then explodes", "Timeline", "Jamie changed jobs", "Mood chart",
    "PHQ-9", "GAD-7", "Jamie, partner", "Outcome", "The rules, in words", "Goals",
    "Talk about money without shouting", "session 16: 8/10", "Communication analysis",
    "I feel alone with this", "Ending and relapse prevention", "Avoiding Jamie in the evenings",
    "Maintenance sessions",
  };
  guint pages;

  g_assert_true (ipt_case_report_export (store, "C-0042", plain, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (plain, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report's text not checked");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_test_fail_printf ("“%s” is not in the report", expected[i]);
  /* The case code always, the name never unless asked. */
  g_assert_null (strstr (text, "Rowan"));
  g_assert_null (strstr (text, "Ashby"));
  g_assert_null (strstr (text, "1985-06-01"));

  /* Every page says its number and how many there are. */
  pages = count_pages (text);
  g_assert_cmpuint (pages, >=, 3);
  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i, pages);

      g_assert_nonnull (strstr (text, number));
    }

  info = pdf_text (plain, TRUE);
  if (info != NULL)
    {
      g_assert_nonnull (strstr (info, "(A4)"));
      g_assert_nonnull (strstr (info, "Case report C-0042"));
    }

  g_assert_true (ipt_case_report_export (store, "C-0042", named, TRUE, &error));
  g_assert_no_error (error);
  named_text = pdf_text (named, FALSE);
  g_assert_nonnull (strstr (named_text, "Rowan Ashby"));
}

/* A formulation far longer than a page, in several scripts: it flows over the pages, whole. */
static void
test_long_text (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GString) formulation = g_string_new ("FIRSTWORDS ");
  g_autoptr(IptClient) client = NULL;
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *squeezed = NULL;
  guint found = 0;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (formulation, "Absatz %u: Ärger und Streit, 争吵, ссора. ", i);
  g_string_append (formulation, "LASTWORDS");
  client = fixture_case (store, 12, 5, formulation->str);

  g_assert_true (ipt_case_report_export (store, "C-0042", path, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (path, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report's text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "FIRSTWORDS"));
  g_assert_nonnull (strstr (text, "LASTWORDS"));
  g_assert_nonnull (strstr (text, "ссора"));
  /* Every numbered piece is there: no line was cut off at a page's end. */
  squeezed = body_text (text);
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *piece = g_strdup_printf ("Absatz %u:", i);

      if (strstr (squeezed, piece) != NULL)
        found++;
    }
  g_assert_cmpuint (found, ==, 600);
  g_assert_cmpuint (count_pages (text), >=, 6);
  /* A running course says so; no ending yet. */
  g_assert_nonnull (strstr (text, "so far"));
  g_assert_nonnull (strstr (text, "The course is still running."));
}

static void
test_refused (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 16, 3, NULL);
  g_autoptr(IptClient) new_client = add_client (store, "C-0099");
  g_autofree char *png = g_build_filename (dir, "report.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "report.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ipt_case_report_export (store, "C-0042", png, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (ipt_case_report_export (store, "C-7777", pdf, FALSE, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No client with the code C-7777");
  g_clear_error (&error);
  g_assert_false (ipt_case_report_export (store, "C-0099", pdf, FALSE, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "C-0099 has no course to report on");
  g_clear_error (&error);
  g_assert_false (ipt_case_report_export (store, "C-0042", missing, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  g_assert_false (exists (pdf));
  g_assert_false (exists (png));
}

static gpointer
drain (gpointer data)
{
  int fd = g_open (data, O_RDONLY, 0);
  gsize total = 0;
  char buffer[4096];
  gssize n;

  while (fd >= 0 && (n = read (fd, buffer, sizeof buffer)) > 0)
    total += n;
  if (fd >= 0)
    close (fd);
  return GSIZE_TO_POINTER (total);
}

/* A pipe is written into, never replaced by a file; a symbolic link stays a link and the file
 * it leads to is replaced. */
static void
test_pipe_and_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 16, 3, NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.pdf", NULL);
  g_autofree char *target = g_build_filename (dir, "target.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GThread *reader;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("drain", drain, fifo);
  g_assert_true (ipt_case_report_export (store, "C-0042", fifo, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_SIZE (g_thread_join (reader)), >, 1000);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.pdf", link), ==, 0);
  g_assert_true (ipt_case_report_export (store, "C-0042", link, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The earlier course of a client on their second is reported when asked for. */
static void
test_earlier_course (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 16, 16, NULL);
  g_autoptr(IptEpisode) second = ipt_episode_new (ipt_client_get_id (client), "2026-09-01", 12);
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(IptCaseReport) report = NULL;
  g_autofree char *path = g_build_filename (dir, "first.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_store_start_course (store, second, &error));
  g_assert_no_error (error);
  earlier = ipt_store_list_earlier_courses (store, ipt_client_get_id (client), &error);
  g_assert_cmpuint (earlier->len, ==, 1);
  report = ipt_case_report_load (store, client, g_ptr_array_index (earlier, 0), &error);
  g_assert_no_error (error);
  g_assert_true (ipt_case_report_write (report, path, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (path, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report's text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Course 1, started 2026-01-05"));
  g_assert_nonnull (strstr (text, "Avoiding Jamie in the evenings"));
}

/* The risk reviews: the flag of session 1 (item 9 of 1) not covered, then covered by a review
 * whose texts are all in the report, whole. */
static void
test_risk_reviews (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 16, 4, NULL);
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptRiskReview) review = NULL;
  g_autoptr(GString) plan = g_string_new ("PLANSTART ");
  g_autofree char *before = g_build_filename (dir, "before.pdf", NULL);
  g_autofree char *after = g_build_filename (dir, "after.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0;

  g_assert_true (ipt_case_report_export (store, "C-0042", before, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (before, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report's text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Risk reviews"));
  g_assert_nonnull (strstr (text, "No risk review recorded in this course."));
  g_assert_nonnull (strstr (text, "Risk flags"));
  g_assert_nonnull (strstr (text, "No: no risk review"));
  g_assert_null (strstr (text, "Yes: the review of"));
  g_clear_pointer (&text, g_free);

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (plan, "Schritt %u: call the crisis line, Krisendienst anrufen. ", i);
  g_string_append (plan, "PLANEND");
  episode = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  review = ipt_risk_review_new (ipt_episode_get_id (episode), "2026-01-05");
  ipt_risk_review_set_asked (review, "Thoughts of not waking up, no plan, no means");
  ipt_risk_review_set_done (review, "Safety plan written together; GP told");
  ipt_risk_review_set_plan (review, plan->str);
  g_assert_true (ipt_store_save_risk_review (store, review, &error));
  g_assert_no_error (error);

  g_assert_true (ipt_case_report_export (store, "C-0042", after, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (after, FALSE);
  g_assert_nonnull (strstr (text, "Risk reviews"));
  g_assert_nonnull (strstr (text, "Review of 2026-01-05"));
  g_assert_nonnull (strstr (text, "Thoughts of not waking up, no plan, no means"));
  g_assert_nonnull (strstr (text, "Safety plan written together; GP told"));
  g_assert_nonnull (strstr (text, "Yes: the review of 2026-01-05"));
  g_assert_null (strstr (text, "No: no risk review"));
  /* The plan is whole: every numbered piece, no line cut off. */
  squeezed = body_text (text);
  g_assert_nonnull (strstr (squeezed, "PLANSTART"));
  g_assert_nonnull (strstr (squeezed, "PLANEND"));
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *piece = g_strdup_printf ("Schritt %u:", i);

      if (strstr (squeezed, piece) != NULL)
        found++;
    }
  g_assert_cmpuint (found, ==, 60);
}

/* The command line: --export-report with --output, --include-name. */
static void
test_command_line (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "casebook.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  const char *app = g_getenv ("IPT_CASEBOOK");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  int status = 0;

  {
    g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
    g_autoptr(IptClient) client = fixture_case (store, 16, 8, NULL);
  }

  {
    const char *argv[] = { app, "--database", db, "--export-report", "C-0042", "--output", pdf,
                           "--include-name", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  text = pdf_text (pdf, FALSE);
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Rowan Ashby"));

  {
    const char *argv[] = { app, "--database", db, "--export-csv", "-", "--include-name", NULL };

    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (err, ==, "ipt-casebook: --include-name only applies to --export-report\n");
  }
}

/* Dates in a report are written the way the reader's locale writes them; the C locale keeps
 * ISO 8601. */
static void
test_locale_dates (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 12, 6, "Formulation.");
  g_autofree char *path = g_build_filename (dir, "de.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the locale de_DE.UTF-8 is missing (build-aux/setup.sh makes it)");
      return;
    }
  g_assert_true (ipt_case_report_export (store, "C-0042", path, FALSE, &error));
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_no_error (error);
  text = pdf_text (path, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report's text not checked");
      return;
    }
  /* the life event of 3 November 2025, in the timeline's table */
  g_assert_nonnull (strstr (text, "03.11.2025"));
  g_assert_false (g_regex_match_simple ("[12][0-9]{3}-[01][0-9]-[0-3][0-9]", text, 0, 0));
}

/* With a secondary focus, the inventory says which focus each person is the person of. */
static void
test_secondary_focus (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = fixture_case (store, 16, 4, NULL);
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptFocusFields) secondary = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *path = g_build_filename (dir, "secondary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mum_id = 0;

  episode = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  ipt_episode_set_secondary_focus (episode, IPT_FOCUS_GRIEF);
  g_assert_true (ipt_store_update_episode (store, episode, &error));
  g_assert_no_error (error);
  people = ipt_store_list_people (store, ipt_client_get_id (client), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (ipt_person_get_name (g_ptr_array_index (people, i)), "Mum") == 0)
      mum_id = ipt_person_get_id (g_ptr_array_index (people, i));
  g_assert_cmpint (mum_id, !=, 0);
  secondary = ipt_store_get_focus_fields (store, ipt_episode_get_id (episode), TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (secondary);
  ipt_focus_fields_set_person_id (secondary, mum_id);
  g_assert_true (ipt_store_save_focus_fields (store, secondary, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (ipt_case_report_export (store, "C-0042", path, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (path, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the report's text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Jamie, partner: ring 1 (closest), the main focus of the course"));
  g_assert_nonnull (strstr (text, "Mum, mother: ring 1 (closest), the secondary focus of the course"));
  g_assert_null (strstr (text, "the focus of the course"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-case-report-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/report/headings-and-name", test_headings_and_name);
  g_test_add_func ("/export/report/long-text", test_long_text);
  g_test_add_func ("/export/report/refused", test_refused);
  g_test_add_func ("/export/report/pipe-and-link", test_pipe_and_link);
  g_test_add_func ("/export/report/earlier-course", test_earlier_course);
  g_test_add_func ("/export/report/risk-reviews", test_risk_reviews);
  g_test_add_func ("/export/report/command-line", test_command_line);
  g_test_add_func ("/export/report/locale-dates", test_locale_dates);
  g_test_add_func ("/export/report/secondary-focus", test_secondary_focus);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
