/* The flow of a course through the window's actions: a session's suggested date and the question
 * before an unusual one. */
#include "config.h"

#include <gtk/gtk.h>

#include "ipt-client-page.h"
#include "ipt-session-editor.h"
#include "ipt-gui-private.h"
#include "ipt-store.h"
#include "ipt-window-private.h"

#include "test-window-common.h"

static IptEpisode *
current_course (Fixture *fixture,
                gint64   client_id)
{
  g_autoptr(GError) error = NULL;
  IptEpisode *episode = ipt_store_get_current_episode (fixture->store, client_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (episode);
  return episode;
}

static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static guint
n_sessions (Fixture *fixture,
            gint64   client_id)
{
  g_autoptr(IptEpisode) episode = current_course (fixture, client_id);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = ipt_store_list_sessions (fixture->store, ipt_episode_get_id (episode), &error);
  g_assert_no_error (error);
  return sessions->len;
}

static void
test_session_date_flow (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "F-0001", "Ari", "Moss");
  g_autofree char *week_on = days_from_today (7);
  g_autofree char *far = days_from_today (IPT_SESSION_FAR_FUTURE_DAYS + 30);
  g_autofree char *between = days_from_today (3);
  IptSessionEditor *editor;
  GtkWindow *question;

  start_course (fixture, 12);
  record_phq9_session (fixture);

  /* A new session is suggested a week after the last one. */
  editor = open_new_session (fixture);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, IPT_TYPE_SESSION_EDITOR, "date_entry")),
                   ==, week_on);

  /* Far in the future: asked first, nothing saved until the answer. */
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", far);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  question = ipt_session_editor_get_date_question (editor);
  g_assert_nonnull (question);
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 1);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_null (fixture->window->dialog);
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 2);

  /* Before the previous session: "Change the Date" keeps the form open and unsaved. */
  editor = open_new_session (fixture);
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", between);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  question = ipt_session_editor_get_date_question (editor);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (ipt_session_editor_get_date_question (editor));
  g_assert_true (fixture->window->dialog == GTK_WINDOW (editor));
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 2);

  /* The date changed: it is asked about again before it is saved. */
  set_text (editor, IPT_TYPE_SESSION_EDITOR, "date_entry", far);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_nonnull (ipt_session_editor_get_date_question (editor));
  gtk_dialog_response (GTK_DIALOG (ipt_session_editor_get_date_question (editor)),
                       GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpuint (n_sessions (fixture, client_id), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-course-flow-XXXXXX"))
    return 77;

  g_test_add ("/course-flow/session-date", Fixture, NULL, fixture_set_up,
              test_session_date_flow, fixture_tear_down);
  return ui_test_run ();
}
