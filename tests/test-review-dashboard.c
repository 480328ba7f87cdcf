/* Review mode opens on the caseload dashboard of the review file's cases: codes only, the
 * caseload figures, ordered by need, an ended course's card naming its outcome, a card opening
 * its case, the comment count following what the supervisor adds; and a review file named
 * alone on the command line (the desktop file's %f) opens review mode, anything else refused. */
#include "config.h"

#include "test-review-common.h"
#include "test-sanitized.h"

#include <gtk/gtk.h>
#include <sys/wait.h>

#include "ipt-application.h"
#include "ipt-case-card.h"
#include "ipt-passphrase-dialog.h"
#include "ipt-review-file.h"
#include "ipt-review-window.h"

static GtkApplication *app;
static char *review_path;
static GPtrArray *tokens;

static void
spin (void)
{
  for (guint round = 0; round < 3; round++)
    {
      guint n = 0;

      while (g_main_context_iteration (NULL, FALSE) && n < 10000)
        n++;
      g_usleep (2000);
    }
}

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (IPT_IS_CASE_CARD (widget))
    g_ptr_array_add (cards, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_cards (c, cards);
}

static IptCaseCard *
find_card (IptReviewWindow *window,
           const char      *code)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_cards (GTK_WIDGET (ipt_review_window_get_dashboard (window)), cards);
  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (ipt_case_card_get_title (g_ptr_array_index (cards, i)), code) == 0)
      return g_ptr_array_index (cards, i);
  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

static gpointer
ref_case (gconstpointer review_case,
          gpointer      data)
{
  return ipt_review_case_ref ((IptReviewCase *) review_case);
}

static void
test_opens_on_dashboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReview) review = ipt_review_open (review_path, PASSPHRASE, &error);
  g_autoptr(GPtrArray) by_need = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(IptComment) comment = NULL;
  IptReviewWindow *window;
  IptCaseloadView *dashboard;
  GListModel *shown;
  const IptCaseloadFigures *figures;
  IptCaseCard *card;
  IptReviewCase *first;
  guint n_ended = 0;

  g_assert_no_error (error);
  window = ipt_review_window_new (app, review);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* the dashboard first, the file's cases by need, codes only */
  g_assert_true (ipt_review_window_get_dashboard_shown (window));
  dashboard = ipt_review_window_get_dashboard (window);
  g_assert_true (ipt_caseload_view_get_codes_only (dashboard));
  shown = ipt_caseload_view_get_cases (dashboard);
  by_need = g_ptr_array_copy (ipt_review_get_cases (review), ref_case, NULL);
  g_ptr_array_set_free_func (by_need, (GDestroyNotify) ipt_review_case_unref);
  g_ptr_array_sort (by_need, ipt_review_case_compare_need);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, by_need->len);
  g_assert_cmpuint (by_need->len, ==, 5);
  for (guint i = 0; i < by_need->len; i++)
    {
      IptReviewCase *rc = g_ptr_array_index (by_need, i);
      g_autoptr(IptCaseSummary) summary = g_list_model_get_item (shown, i);

      g_assert_cmpstr (ipt_client_get_code (ipt_case_summary_get_client (summary)), ==,
                       rc->code);
      /* the signals are those of the file */
      g_assert_cmpint (ipt_case_summary_get_signal_kind (summary), ==,
                       ipt_review_case_get_signal_kind (rc));
      n_ended += rc->status != IPT_EPISODE_STATUS_ACTIVE;
    }
  figures = ipt_caseload_view_get_figures (dashboard);
  g_assert_cmpuint (figures->n_ended, ==, n_ended);
  g_assert_cmpuint (figures->n_active, ==, by_need->len - n_ended);
  {
    guint n_need = 0;

    for (guint i = 0; i < by_need->len; i++)
      n_need += ipt_signal_kind_needs_attention (
        ipt_review_case_get_signal_kind (g_ptr_array_index (by_need, i)));
    g_assert_cmpuint (n_need, >, 0);
    g_assert_cmpuint (figures->n_need_discussion, ==, n_need);
  }

  /* every card gives each signal's rule whole in a few words, one a line, and every rule in
   * full for its tooltip and description */
  for (guint i = 0; i < by_need->len; i++)
    {
      IptReviewCase *rc = g_ptr_array_index (by_need, i);
      g_autoptr(IptCaseSummary) summary = g_list_model_get_item (shown, i);
      g_auto(GStrv) briefs = ipt_case_summary_dup_signal_briefs (summary);
      g_autofree char *full = ipt_case_summary_dup_signal_rules (summary);
      g_auto(GStrv) lines = NULL;
      IptCaseCard *shown_card = find_card (window, rc->code);

      g_assert_nonnull (shown_card);
      lines = g_strsplit (ipt_case_card_get_rules_text (shown_card), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (briefs));
      g_assert_cmpuint (g_strv_length (lines), ==,
                        ipt_case_summary_get_signals (summary)->len);
      for (guint k = 0; lines[k] != NULL; k++)
        {
          g_assert_true (g_str_has_suffix (lines[k], briefs[k]));
          g_assert_null (strstr (lines[k], "…"));
        }
      g_assert_cmpstr (ipt_case_card_get_rules_in_full (shown_card), ==, full);
      if (ipt_review_case_get_signal_kind (rc) == IPT_SIGNAL_RISK)
        g_assert_nonnull (strstr (full, "stays until a risk review is recorded"));
    }

  /* nothing identifying on screen */
  collect_text (GTK_WIDGET (window), text);
  for (guint i = 0; i < tokens->len; i++)
    g_assert_null (strstr (text->str, g_ptr_array_index (tokens, i)));

  /* an ended course's badge names its outcome */
  card = find_card (window, "C-0003");
  g_assert_nonnull (card);
  g_assert_null (strstr (ipt_case_card_get_badge_text (card), "Outcome"));
  {
    IptReviewCase *rc = ipt_review_find_case (review, "C-0003");

    g_assert_nonnull (strstr (ipt_case_card_get_badge_text (card),
                              ipt_outcome_category_to_label (rc->outcome->category)));
  }
  card = find_card (window, "C-0001");
  g_assert_cmpstr (ipt_case_card_get_comments_text (card), ==, "No comments yet");

  /* a comment: the card counts it */
  first = ipt_review_find_case (review, "C-0001");
  comment = ipt_comment_new (first->episode_id, "Supervisor", "Look at the inventory again.");
  g_assert_true (ipt_review_add_comment (review, comment, &error));
  g_assert_no_error (error);
  spin ();
  card = find_card (window, "C-0001");
  g_assert_cmpstr (ipt_case_card_get_comments_text (card), ==, "1 comment");

  /* a card opens its case; Ctrl+D comes back */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(IptCaseSummary) summary = g_list_model_get_item (shown, i);

      if (g_strcmp0 (ipt_client_get_code (ipt_case_summary_get_client (summary)), "C-0002") == 0)
        ipt_caseload_view_activate_case (dashboard, i);
    }
  spin ();
  g_assert_false (ipt_review_window_get_dashboard_shown (window));
  g_assert_cmpstr (ipt_review_window_get_case (window)->code, ==, "C-0002");
  gtk_widget_activate_action (GTK_WIDGET (window), "review.show-dashboard", NULL);
  spin ();
  g_assert_true (ipt_review_window_get_dashboard_shown (window));

  {
    const char *dir = g_getenv ("IPT_UI_SNAPSHOT_DIR");

    if (dir != NULL)
      {
        g_autofree char *png = g_build_filename (dir, "review-dashboard.png", NULL);
        g_autoptr(GError) snap_error = NULL;

        /* a picture to look at, not a check */
        g_usleep (300000);
        spin ();
        if (!ipt_review_window_save_screenshot (window, png, &snap_error))
          g_test_message ("%s: %s", png, snap_error->message);
      }
  }

  /* destroyed, not closed: the comment is not to be saved */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static gboolean
type_passphrase_when_asked (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IPT_IS_PASSPHRASE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          ipt_passphrase_dialog_set_passphrase (IPT_PASSPHRASE_DIALOG (window), PASSPHRASE);
          *(guint *) user_data = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* --review with --passphrase-file: no question asked, review mode on the dashboard at once. A
 * passphrase dialog would be answered wrongly, so that the test fails rather than waits. */
static gboolean
refuse_when_asked (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IPT_IS_PASSPHRASE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(gboolean *) user_data = TRUE;
          gtk_window_destroy (GTK_WINDOW (window));
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
test_passphrase_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *png = g_build_filename (dir, "opened.png", NULL);
  g_autofree char *pass = g_build_filename (dir, "passphrase", NULL);
  g_autoptr(IptApplication) review_app = ipt_application_new ();
  char *args[] = { (char *) "ipt-casebook", (char *) "--review", review_path,
                   (char *) "--passphrase-file", pass, (char *) "--screenshot", png, NULL };
  gboolean asked = FALSE;
  guint watch;
  int status;

  write_bytes (pass, PASSPHRASE "\n", strlen (PASSPHRASE) + 1);
  watch = g_timeout_add (20, refuse_when_asked, &asked);
  status = g_application_run (G_APPLICATION (review_app), G_N_ELEMENTS (args) - 1, args);
  g_source_remove (watch);
  g_assert_false (asked);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (ipt_application_get_exit_status (review_app), ==, 0);
  {
    g_autoptr(GBytes) bytes = read_bytes (png);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);
  }
}

/* ipt-casebook FILE.iptreview (as the desktop file's Exec=ipt-casebook %f runs it): the
 * passphrase asked, then review mode on the dashboard. */
static void
test_file_argument (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *png = g_build_filename (dir, "opened.png", NULL);
  g_autoptr(IptApplication) review_app = ipt_application_new ();
  char *args[] = { (char *) "ipt-casebook", review_path, (char *) "--screenshot", png, NULL };
  guint typing = 0;
  int status;

  typing = g_timeout_add (50, type_passphrase_when_asked, &typing);
  status = g_application_run (G_APPLICATION (review_app), G_N_ELEMENTS (args) - 1, args);
  g_assert_cmpuint (typing, ==, 0);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (ipt_application_get_exit_status (review_app), ==, 0);
  {
    g_autoptr(GBytes) bytes = read_bytes (png);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);
  }
}

/* A file that is not a review file, two files, a file with a command: one line, status 1. */
static void
test_file_argument_refused (void)
{
  const char *program = g_getenv ("IPT_CASEBOOK");
  g_autofree char *dir = make_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *sqlite = g_build_filename (dir, "casebook.iptreview", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.iptreview", NULL);
  g_autofree char *out_csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *wrong = g_build_filename (dir, "wrong-passphrase", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty-passphrase", NULL);
  struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { program, text, NULL }, "notes.txt: this is not a review file" },
    { { program, sqlite, NULL }, "this is a plain SQLite database, not a review file" },
    { { program, newer, NULL }, "written by a newer version" },
    { { program, review_path, text, NULL }, "give one review file to open, not 2" },
    { { program, review_path, "--export-csv", out_csv, NULL }, "cannot be combined" },
    { { program, review_path, "--review", review_path, NULL }, "give the review file once" },
    /* before any display: the file is opened with the passphrase first */
    { { program, "--review", review_path, "--passphrase-file", wrong, NULL },
      "the passphrase is wrong" },
    { { program, review_path, "--passphrase-file", empty, NULL }, "holds no passphrase" },
    { { program, "--passphrase-file", wrong, NULL }, "--passphrase-file only applies to" },
  };

  if (program == NULL)
    {
      g_test_skip ("IPT_CASEBOOK not set");
      return;
    }
  write_bytes (text, "Nothing to see here, not a review file at all.\n", 47);
  write_bytes (sqlite, "SQLite format 3\0 and the rest of a database", 44);
  write_bytes (newer, "IPTREVW2 and what a newer version writes after it", 50);
  write_bytes (wrong, "wrong horse battery staple\n", 27);
  write_bytes (empty, "\n", 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
      int status = 0;

      envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
      g_assert_true (g_spawn_sync (NULL, (char **) cases[i].args, envp, G_SPAWN_DEFAULT, NULL,
                                   NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
  g_assert_false (g_file_test (out_csv, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *rm[] = { "rm", "-rf", NULL, NULL };
  int status;

  tmp_root = g_dir_make_tmp ("ipt-test-review-dashboard-XXXXXX", NULL);
  g_assert_nonnull (tmp_root);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  app = gtk_application_new ("org.iptcasebook.IptCasebook.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  tokens = g_ptr_array_new_with_free_func (g_free);
  dir = make_dir ();
  store = open_new (dir, "casebook.sqlite");
  seed_identified_caseload (store, 5, 6, tokens);
  review_path = g_build_filename (dir, "start.iptreview", NULL);
  g_assert_true (ipt_review_export (store, NULL, NULL, PASSPHRASE, review_path, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_func ("/ui/review-dashboard/opens-on-dashboard", test_opens_on_dashboard);
  g_test_add_func ("/ui/review-dashboard/file-argument", test_file_argument);
  g_test_add_func ("/ui/review-dashboard/file-argument-refused", test_file_argument_refused);
  g_test_add_func ("/ui/review-dashboard/passphrase-file", test_passphrase_file);
  status = g_test_run ();

  g_object_unref (app);
  g_ptr_array_unref (tokens);
  g_free (review_path);
  rm[2] = tmp_root;
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (tmp_root);
  return status;
}
