/* Review mode: the passphrase dialog, the supervisor's window and its forms, driven through
 * their actions; no clinical edit can be made from it; what the supervisor adds is saved into
 * the review file and read back, and unsaved work is asked about before closing. */
#include "config.h"

#include "test-review-common.h"
#include "test-sanitized.h"

#include <gtk/gtk.h>
#include <sys/wait.h>

#include "ipt-review-file.h"

#include "ipt-application.h"
#include "ipt-gui-private.h"
#include "ipt-passphrase-dialog.h"
#include "ipt-review-mode.h"
#include "ipt-review-comment-form.h"
#include "ipt-review-window.h"
#include "ipt-session-rating-form.h"
#include "ipt-supervision-log-form.h"
#include "ipt-window.h"

/* The practitioner's ticks on session 2 of C-0002: tasks 0 and 2. */
#define TICKED_TASKS 0x5u

static GtkApplication *app;
static char *review_path;       /* the review file the tests start from */
static char *casebook_path;     /* the casebook it was made from (closed) */
static GPtrArray *tokens;       /* every identifying value seeded into the casebook */

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

/* Runs the main loop until *flag is set (work in a thread), at most 60 s. */
static void
spin_until (const gboolean *flag)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!*flag && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (*flag);
  spin ();
}

/* With IPT_UI_SNAPSHOT_DIR set, windows are written there as PNGs to look at. */
static void
snapshot (gpointer    window,
          const char *name)
{
  const char *dir = g_getenv ("IPT_UI_SNAPSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until;

  if (dir == NULL)
    return;
  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  path = g_strdup_printf ("%s/%s.png", dir, name);
  if (!_ipt_widget_save_png (GTK_WIDGET (window), path, &error))
    g_test_message ("%s: %s", path, error->message);
}

/* A copy of the review file for one test. */
static char *
copy_review (void)
{
  g_autofree char *dir = make_dir ();
  char *path = g_build_filename (dir, "cases.iptreview", NULL);
  g_autoptr(GBytes) bytes = read_bytes (review_path);

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

static IptReviewWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReview) review = ipt_review_open (path, PASSPHRASE, &error);
  IptReviewWindow *window;

  g_assert_no_error (error);
  window = ipt_review_window_new (app, review);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static void
close_window (IptReviewWindow *window)
{
  g_object_ref (window);
  if (ipt_review_window_get_dialog (window) != NULL)
    gtk_window_destroy (ipt_review_window_get_dialog (window));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

/* Every label's text under widget, one per line. */
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

static void
on_opened (IptPassphraseDialog *dialog,
           IptReview           *review,
           IptReview          **out)
{
  *out = g_object_ref (review);
}

static void
test_passphrase (void)
{
  g_autofree char *path = copy_review ();
  IptPassphraseDialog *dialog = ipt_passphrase_dialog_new (NULL, path);
  g_autoptr(IptReview) review = NULL;
  gboolean failed = FALSE;
  gint64 until;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "opened", G_CALLBACK (on_opened), &review);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  snapshot (dialog, "review-passphrase");

  /* nothing typed: said beside the field, nothing opened */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "passphrase.open", NULL);
  g_assert_nonnull (ipt_passphrase_dialog_get_error (dialog));

  /* a wrong passphrase: one line under the field, the dialog stays */
  ipt_passphrase_dialog_set_passphrase (dialog, "not the passphrase at all");
  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (ipt_passphrase_dialog_get_error (dialog) == NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  failed = ipt_passphrase_dialog_get_error (dialog) != NULL;
  g_assert_true (failed);
  snapshot (dialog, "review-passphrase-wrong");
  g_assert_null (review);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* the right one opens the file and closes the dialog */
  ipt_passphrase_dialog_set_passphrase (dialog, PASSPHRASE);
  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (review == NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (review);
  g_assert_cmpuint (ipt_review_get_cases (review)->len, ==, 4);
  spin ();
  g_assert_null (dialog);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gpointer
ref_case (gconstpointer review_case,
          gpointer      data)
{
  return ipt_review_case_ref ((IptReviewCase *) review_case);
}

/* As from the main menu's Open Review File: the passphrase, then a review window of the app. */
static void
test_open_from_window (void)
{
  g_autofree char *path = copy_review ();
  IptPassphraseDialog *dialog;
  IptReviewWindow *window = NULL;
  gint64 until;

  ipt_review_mode_open (app, NULL, path);
  spin ();
  dialog = find_toplevel (IPT_TYPE_PASSPHRASE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (ipt_passphrase_dialog_get_path (dialog), ==, path);
  ipt_passphrase_dialog_set_passphrase (dialog, PASSPHRASE);

  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (window == NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
        if (IPT_IS_REVIEW_WINDOW (l->data))
          window = l->data;
    }
  g_assert_nonnull (window);
  spin ();
  g_assert_null (find_toplevel (IPT_TYPE_PASSPHRASE_DIALOG));
  g_assert_cmpstr (ipt_review_get_path (ipt_review_window_get_review (window)), ==, path);
  /* the most urgent case is shown first */
  {
    GPtrArray *cases = ipt_review_get_cases (ipt_review_window_get_review (window));
    g_autoptr(GPtrArray) by_need = g_ptr_array_copy (cases, ref_case, NULL);

    g_ptr_array_sort (by_need, ipt_review_case_compare_need);
    g_assert_nonnull (ipt_review_window_get_case (window));
    g_assert_cmpstr (ipt_review_window_get_case (window)->code, ==,
                     ((IptReviewCase *) g_ptr_array_index (by_need, 0))->code);
  }
  close_window (window);
}

static gboolean
type_passphrase_when_asked (gpointer user_data)
{
  IptPassphraseDialog *dialog = find_toplevel (IPT_TYPE_PASSPHRASE_DIALOG);

  if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    return G_SOURCE_CONTINUE;
  ipt_passphrase_dialog_set_passphrase (dialog, PASSPHRASE);
  *(guint *) user_data = 0;
  return G_SOURCE_REMOVE;
}

/* ipt-casebook --review FILE --screenshot OUT.png: the passphrase asked, then the review
 * window's first frame written, and the program ends with status 0. */
static void
test_command_line_screenshot (void)
{
  g_autofree char *path = copy_review ();
  g_autofree char *dir = make_dir ();
  g_autofree char *png = g_build_filename (dir, "review.png", NULL);
  g_autoptr(IptApplication) review_app = ipt_application_new ();
  char *args[] = { (char *) "ipt-casebook", (char *) "--review", path, (char *) "--screenshot",
                   png, NULL };
  guint typing = 0;
  int status;

  typing = g_timeout_add (50, type_passphrase_when_asked, &typing);
  status = g_application_run (G_APPLICATION (review_app), G_N_ELEMENTS (args) - 1, args);
  g_assert_cmpuint (typing, ==, 0);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (ipt_application_get_exit_status (review_app), ==, 0);
  {
    g_autoptr(GBytes) bytes = read_bytes (png);
    g_assert_cmpuint (g_bytes_get_size (bytes), >, 8);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);
  }
  /* the file was left as it was */
  {
    g_autoptr(GBytes) before = read_bytes (review_path);
    g_autoptr(GBytes) after = read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static gboolean
is_review_work_action (const char *name)
{
  static const char *allowed[] = {
    "review.save", "review.comment-case", "review.comment-session", "review.rate-session",
    "review.add-log-entry",
    /* navigation: the dashboard or the cases, nothing written */
    "review.show-dashboard",
  };

  /* the window's own (close, minimize, ...) change nothing */
  if (g_str_has_prefix (name, "window.") || g_str_has_prefix (name, "default.")
      || g_str_has_prefix (name, "menu.") || g_str_has_prefix (name, "text.")
      || g_str_has_prefix (name, "misc.") || g_str_has_prefix (name, "clipboard.")
      || g_str_has_prefix (name, "selection."))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_strcmp0 (name, allowed[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
test_refuses_clinical_edits (void)
{
  g_autofree char *path = copy_review ();
  IptReviewWindow *window = open_window (path);
  GtkWidgetClass *practitioner = g_type_class_ref (IPT_TYPE_WINDOW);
  GtkWidgetClass *review_class = GTK_WIDGET_GET_CLASS (window);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  const char *title;
  const char *leaked;
  guint n_refused = 0;

  /* the title says Review */
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (title, "Review"));

  /* every action of the practitioner's window (new client, record session, edit course, ...)
   * is refused here: the review window has none of them */
  for (guint i = 0;; i++)
    {
      GType owner;
      const char *name;
      const GVariantType *type;
      const char *property;
      g_autoptr(GVariant) parameter = NULL;

      if (!gtk_widget_class_query_action (practitioner, i, &owner, &name, &type, &property))
        break;
      if (owner != G_TYPE_FROM_CLASS (practitioner) || !g_str_has_prefix (name, "win."))
        continue;
      if (type != NULL)
        parameter = g_variant_ref_sink (g_variant_new_int64 (1));
      g_assert_false (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, parameter));
      g_assert_null (ipt_review_window_get_dialog (window));
      n_refused++;
    }
  g_assert_cmpuint (n_refused, >=, 10);

  /* and every action it has is review work or the window's own */
  for (guint i = 0;; i++)
    {
      GType owner;
      const char *name;
      const GVariantType *type;
      const char *property;

      if (!gtk_widget_class_query_action (review_class, i, &owner, &name, &type, &property))
        break;
      if (!is_review_work_action (name))
        g_error ("review mode offers %s", name);
    }

  /* the cases are shown by code, never by name, contact or note */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *code = g_strdup_printf ("C-%04u", i + 1);

      g_assert_true (ipt_review_window_show_case (window, code));
      spin ();
      g_assert_cmpstr (ipt_review_window_get_case (window)->code, ==, code);
      collect_text (GTK_WIDGET (window), shown);
    }
  g_assert_nonnull (strstr (shown->str, "C-0001"));
  leaked = find_token (shown->str, shown->len, tokens);
  g_assert_null (leaked);
  g_assert_false (ipt_review_window_show_case (window, "C-9999"));

  /* nothing was added: nothing to save, the file untouched */
  g_assert_false (ipt_review_get_modified (ipt_review_window_get_review (window)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "review.save", NULL)
                  && ipt_review_get_modified (ipt_review_window_get_review (window)));
  close_window (window);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_type_class_unref (practitioner);
}

static void
on_saved_flag (IptReview    *review,
               GParamSpec   *pspec,
               gboolean     *flag)
{
  if (!ipt_review_get_modified (review))
    *flag = TRUE;
}

static void
test_round_trip (void)
{
  g_autofree char *path = copy_review ();
  IptReviewWindow *window = open_window (path);
  IptReview *review = ipt_review_window_get_review (window);
  IptReviewCase *review_case;
  IptReviewCommentForm *comment_form;
  IptSessionRatingForm *rating_form;
  IptSupervisionLogForm *log_form;
  const IptReviewSession *session2 = NULL;
  g_autoptr(IptReview) again = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *task_text = NULL;
  gint64 episode_id;
  gboolean saved = FALSE;
  guint n_tasks;
  const guint *sessions;
  guint n_sessions = 0;

  g_assert_true (ipt_review_window_show_case (window, "C-0002"));
  spin ();
  review_case = ipt_review_window_get_case (window);
  episode_id = review_case->episode_id;
  for (guint i = 0; i < review_case->sessions->len; i++)
    if (g_array_index (review_case->sessions, IptReviewSession, i).number == 2)
      session2 = &g_array_index (review_case->sessions, IptReviewSession, i);
  g_assert_nonnull (session2);

  /* a comment on the case */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.comment-case", NULL);
  spin ();
  comment_form = IPT_REVIEW_COMMENT_FORM (ipt_review_window_get_dialog (window));
  g_assert_nonnull (comment_form);
  gtk_widget_activate_action (GTK_WIDGET (comment_form), "comment.save", NULL);
  g_assert_false (ipt_review_get_modified (review));   /* empty: refused beside the field */
  ipt_review_comment_form_set_text (comment_form, "Agree the focus before session 4.");
  gtk_widget_activate_action (GTK_WIDGET (comment_form), "comment.save", NULL);
  spin ();
  g_assert_null (ipt_review_window_get_dialog (window));
  g_assert_true (ipt_review_get_modified (review));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Review"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_widget_get_template_child (
                   GTK_WIDGET (window), IPT_TYPE_REVIEW_WINDOW, "save_button")),
                 "suggested-action"));

  /* a comment on session 2 */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.comment-session", "u", 2);
  spin ();
  comment_form = IPT_REVIEW_COMMENT_FORM (ipt_review_window_get_dialog (window));
  ipt_review_comment_form_set_text (comment_form, "Good use of the interpersonal inventory.");
  gtk_widget_activate_action (GTK_WIDGET (comment_form), "comment.save", NULL);
  spin ();
  g_assert_null (ipt_review_window_get_dialog (window));

  /* a rating of session 2, the practitioner's ticks beside it */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.rate-session", "u", 2);
  spin ();
  rating_form = IPT_SESSION_RATING_FORM (ipt_review_window_get_dialog (window));
  g_assert_nonnull (rating_form);
  snapshot (rating_form, "review-rating-form");
  n_tasks = ipt_session_rating_form_get_n_tasks (rating_form);
  g_assert_cmpuint (n_tasks, >, 2);
  g_assert_cmpuint (session2->tasks_done, ==, TICKED_TASKS);
  g_assert_cmpstr (ipt_session_rating_form_get_tick_text (rating_form, 0), ==, "Ticked");
  g_assert_cmpstr (ipt_session_rating_form_get_tick_text (rating_form, 1), ==, "Not ticked");
  g_assert_cmpstr (ipt_session_rating_form_get_tick_text (rating_form, 2), ==, "Ticked");
  for (guint i = 0; i < n_tasks; i++)
    g_assert_cmpstr (ipt_session_rating_form_get_tick_text (rating_form, i), ==,
                     session2->tasks_done & (1u << i) ? "Ticked" : "Not ticked");
  gtk_widget_activate_action (GTK_WIDGET (rating_form), "rating.save", NULL);
  g_assert_nonnull (ipt_session_rating_form_get_error (rating_form));   /* nothing rated */
  ipt_session_rating_form_set_rating (rating_form, 0, 3);
  ipt_session_rating_form_set_rating (rating_form, 1, 1);
  ipt_session_rating_form_set_rating (rating_form, n_tasks, 2);
  ipt_session_rating_form_set_rating (rating_form, n_tasks + 1, 0);
  ipt_session_rating_form_set_comment (rating_form, "Warm, but the focus drifted.");
  gtk_widget_activate_action (GTK_WIDGET (rating_form), "rating.save", NULL);
  spin ();
  g_assert_null (ipt_review_window_get_dialog (window));

  /* a rating of a session the case does not have opens nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.rate-session", "u", 77);
  spin ();
  g_assert_null (ipt_review_window_get_dialog (window));

  /* the supervision log: a wrong date and an unknown session are said beside their fields */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.add-log-entry", NULL);
  spin ();
  log_form = IPT_SUPERVISION_LOG_FORM (ipt_review_window_get_dialog (window));
  ipt_supervision_log_form_set_fields (log_form, "2026-02-30", "2, 77", 1, "Rate session 3.");
  gtk_widget_activate_action (GTK_WIDGET (log_form), "log.save", NULL);
  g_assert_nonnull (ipt_supervision_log_form_get_date_error (log_form));
  g_assert_nonnull (ipt_supervision_log_form_get_sessions_error (log_form));
  snapshot (log_form, "review-log-form");
  ipt_supervision_log_form_set_fields (log_form, "2026-03-02", "1, 2", 1, NULL);
  gtk_widget_activate_action (GTK_WIDGET (log_form), "log.save", NULL);
  spin ();
  g_assert_null (ipt_review_window_get_dialog (window));

  snapshot (window, "review-window");

  /* Save writes the file again */
  g_signal_connect (review, "notify::modified", G_CALLBACK (on_saved_flag), &saved);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.save", NULL));
  spin_until (&saved);
  g_signal_handlers_disconnect_by_func (review, on_saved_flag, &saved);
  g_assert_false (ipt_review_get_modified (review));
  close_window (window);

  again = ipt_review_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  comments = ipt_review_list_comments (again, episode_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpstr (ipt_comment_get_text (g_ptr_array_index (comments, 0)), ==,
                   "Agree the focus before session 4.");
  g_assert_cmpuint (ipt_comment_get_session_number (g_ptr_array_index (comments, 0)), ==, 0);
  g_assert_cmpstr (ipt_comment_get_text (g_ptr_array_index (comments, 1)), ==,
                   "Good use of the interpersonal inventory.");
  g_assert_cmpuint (ipt_comment_get_session_number (g_ptr_array_index (comments, 1)), ==, 2);

  ratings = ipt_review_list_session_reviews (again, episode_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 1);
  g_assert_cmpuint (ipt_session_review_get_session_number (g_ptr_array_index (ratings, 0)), ==, 2);
  task_text = ipt_session_review_get_task_ratings_text (g_ptr_array_index (ratings, 0));
  g_assert_cmpint (task_text[0], ==, '3');
  g_assert_cmpint (task_text[1], ==, '1');
  for (guint i = 2; i < n_tasks; i++)
    g_assert_cmpint (task_text[i], ==, '-');
  g_assert_cmpint (ipt_session_review_get_focus_rating (g_ptr_array_index (ratings, 0)), ==, 2);
  g_assert_cmpint (ipt_session_review_get_stance_rating (g_ptr_array_index (ratings, 0)), ==, 0);
  g_assert_cmpstr (ipt_session_review_get_comment (g_ptr_array_index (ratings, 0)), ==,
                   "Warm, but the focus drifted.");

  log = ipt_review_list_supervision_log (again, episode_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (ipt_supervision_entry_get_date (g_ptr_array_index (log, 0)), ==, "2026-03-02");
  sessions = ipt_supervision_entry_get_sessions (g_ptr_array_index (log, 0), &n_sessions);
  g_assert_cmpuint (n_sessions, ==, 2);
  g_assert_cmpuint (sessions[0], ==, 1);
  g_assert_cmpuint (sessions[1], ==, 2);
  g_assert_cmpuint (ipt_supervision_entry_get_recordings_reviewed (g_ptr_array_index (log, 0)),
                    ==, 1);
  g_assert_cmpstr (ipt_supervision_entry_get_action_points (g_ptr_array_index (log, 0)), ==,
                   "Rate session 3.");

  /* and home again: merged onto the same course, once however often */
  {
    g_autofree char *dir = make_dir ();
    g_autofree char *copy = g_build_filename (dir, "casebook.sqlite", NULL);
    g_autoptr(GBytes) bytes = read_bytes (casebook_path);
    g_autoptr(IptStore) store = NULL;
    g_autoptr(GPtrArray) home_comments = NULL;
    g_autoptr(GPtrArray) home_reviews = NULL;
    g_autoptr(GPtrArray) home_log = NULL;
    IptSupervisionMerge summary = { 0 };

    write_bytes (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    store = ipt_store_open (copy, IPT_STORE_OPEN_NO_BACKUP, &error);
    g_assert_no_error (error);
    g_assert_true (ipt_review_merge (store, path, PASSPHRASE, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_comments, ==, 2);
    g_assert_cmpuint (summary.n_reviews, ==, 1);
    g_assert_cmpuint (summary.n_entries, ==, 1);
    memset (&summary, 0, sizeof summary);
    g_assert_true (ipt_review_merge (store, path, PASSPHRASE, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_comments + summary.n_reviews + summary.n_entries, ==, 0);

    home_comments = ipt_store_list_comments (store, episode_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (home_comments->len, ==, 2);
    home_reviews = ipt_store_list_session_reviews (store, episode_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (home_reviews->len, ==, 1);
    g_assert_cmpuint (ipt_session_review_get_session_number (g_ptr_array_index (home_reviews, 0)),
                      ==, 2);
    home_log = ipt_store_list_supervision_log (store, episode_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (home_log->len, ==, 1);
  }
}

static void
test_close_asks (void)
{
  g_autofree char *path = copy_review ();
  IptReviewWindow *window = open_window (path);
  IptReview *review = ipt_review_window_get_review (window);
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  GtkWindow *question;

  /* a form open over the window keeps it open: its input is answered for first */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.comment-case", NULL);
  spin ();
  g_assert_true (IPT_IS_REVIEW_COMMENT_FORM (ipt_review_window_get_dialog (window)));
  ipt_review_comment_form_set_text (IPT_REVIEW_COMMENT_FORM (ipt_review_window_get_dialog (window)),
                                    "Half a thought");
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (IPT_IS_REVIEW_COMMENT_FORM (ipt_review_window_get_dialog (window)));
  gtk_window_destroy (ipt_review_window_get_dialog (window));
  spin ();
  g_assert_null (ipt_review_window_get_dialog (window));

  /* nothing added: closes unasked */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);

  window = open_window (path);
  review = ipt_review_window_get_review (window);
  comment = ipt_comment_new (ipt_review_window_get_case (window)->episode_id, "S", "Unsaved.");
  g_assert_true (ipt_review_add_comment (review, comment, &error));
  g_assert_no_error (error);

  /* unsaved work: the window asks and stays */
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  question = ipt_review_window_get_dialog (window);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (question));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Close Without Saving: the file keeps what it had */
  g_object_ref (window);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_finalize_object (window);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* --review: the file must exist, and no casebook goes with it; one line, status 1. */
static void
test_command_line (void)
{
  const char *program = g_getenv ("IPT_CASEBOOK");
  g_autofree char *missing = g_build_filename (tmp_root, "missing.iptreview", NULL);
  struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { program, "--review", missing, NULL }, "No review file at" },
    { { program, "--review", review_path, "--database", review_path, NULL }, "without a casebook" },
    { { program, "--review", review_path, "--demo", NULL }, "without a casebook" },
  };

  if (program == NULL)
    {
      g_test_skip ("IPT_CASEBOOK not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) cases[i].args, NULL, G_SPAWN_DEFAULT, NULL,
                                   NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].message));
      /* one line */
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The case shown follows the review: what is added to it, from a form or from anywhere else,
 * shows at once; and the focus is named as the preference says, changed while it is open. */
static void
test_case_follows (void)
{
  g_autofree char *path = copy_review ();
  IptReviewWindow *window = open_window (path);
  IptReview *review = ipt_review_window_get_review (window);
  GtkWidget *case_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                    IPT_TYPE_REVIEW_WINDOW,
                                                                    "case_box"));
  g_autoptr(GSettings) settings = g_settings_new ("org.iptcasebook.IptCasebook");
  const char *uk = ipt_focus_to_label (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, FALSE);
  const char *us = ipt_focus_to_label (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, TRUE);
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_settings_set_boolean (settings, "us-focus-names", FALSE);
  g_assert_true (ipt_review_window_show_case (window, "C-0004"));
  spin ();
  collect_text (case_box, text);
  g_assert_nonnull (strstr (text->str, uk));
  g_assert_null (strstr (text->str, "Written straight into the review."));

  comment = ipt_comment_new (ipt_review_window_get_case (window)->episode_id, NULL,
                             "Written straight into the review.");
  g_assert_true (ipt_review_add_comment (review, comment, &error));
  g_assert_no_error (error);
  g_string_truncate (text, 0);
  collect_text (case_box, text);
  g_assert_nonnull (strstr (text->str, "Written straight into the review."));

  g_settings_set_boolean (settings, "us-focus-names", TRUE);
  spin ();
  g_string_truncate (text, 0);
  collect_text (case_box, text);
  g_assert_nonnull (strstr (text->str, us));
  g_assert_null (strstr (text->str, uk));
  g_assert_nonnull (strstr (text->str, "Written straight into the review."));
  g_settings_set_boolean (settings, "us-focus-names", FALSE);
  spin ();

  {
    /* Saved work: closing asks nothing. */
    gboolean saved = FALSE;

    g_signal_connect (review, "notify::modified", G_CALLBACK (on_saved_flag), &saved);
    gtk_widget_activate_action (GTK_WIDGET (window), "review.save", NULL);
    spin_until (&saved);
    g_signal_handlers_disconnect_by_func (review, on_saved_flag, &saved);
  }
  close_window (window);
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

  tmp_root = g_dir_make_tmp ("ipt-test-review-mode-XXXXXX", NULL);
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

  /* one review file for every test: making one derives a key (a second or so) */
  tokens = g_ptr_array_new_with_free_func (g_free);
  dir = make_dir ();
  casebook_path = g_build_filename (dir, "casebook.sqlite", NULL);
  store = open_new (dir, "casebook.sqlite");
  seed_identified_caseload (store, 4, 6, tokens);
  {
    /* the practitioner ticked the first and third tasks of C-0002's session 2 */
    g_autoptr(IptClient) client = ipt_store_find_client (store, "C-0002", &error);
    g_autoptr(IptEpisode) episode = NULL;
    g_autoptr(GPtrArray) sessions = NULL;

    g_assert_no_error (error);
    episode = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
    g_assert_no_error (error);
    sessions = ipt_store_list_sessions (store, ipt_episode_get_id (episode), &error);
    g_assert_no_error (error);
    ipt_session_set_tasks_done (g_ptr_array_index (sessions, 1), TICKED_TASKS);
    g_assert_true (ipt_store_save_session (store, g_ptr_array_index (sessions, 1), NULL, &error));
    g_assert_no_error (error);
  }
  {
    /* C-0004 works on interpersonal sensitivity, named differently in the US */
    g_autoptr(IptClient) client = ipt_store_find_client (store, "C-0004", &error);
    g_autoptr(IptEpisode) episode = NULL;

    g_assert_no_error (error);
    episode = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
    g_assert_no_error (error);
    ipt_episode_set_focus (episode, IPT_FOCUS_INTERPERSONAL_SENSITIVITY);
    ipt_episode_set_focus_person_id (episode, 0);
    g_assert_true (ipt_store_update_episode (store, episode, &error));
    g_assert_no_error (error);
  }
  review_path = g_build_filename (dir, "start.iptreview", NULL);
  g_assert_true (ipt_review_export (store, NULL, NULL, PASSPHRASE, review_path, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_func ("/ui/review/command-line", test_command_line);
  g_test_add_func ("/ui/review/passphrase", test_passphrase);
  g_test_add_func ("/ui/review/open-from-window", test_open_from_window);
  g_test_add_func ("/ui/review/command-line-screenshot", test_command_line_screenshot);
  g_test_add_func ("/ui/review/refuses-clinical-edits", test_refuses_clinical_edits);
  g_test_add_func ("/ui/review/round-trip", test_round_trip);
  g_test_add_func ("/ui/review/close-asks", test_close_asks);
  g_test_add_func ("/ui/review/case-follows", test_case_follows);
  status = g_test_run ();

  g_object_unref (app);
  g_ptr_array_unref (tokens);
  g_free (review_path);
  g_free (casebook_path);
  rm[2] = tmp_root;
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (tmp_root);
  return status;
}
