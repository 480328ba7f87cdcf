/* The session form's date: the suggested one, and the question before an unusual one. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-session-date.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

char *
_ipt_session_default_date (IptEpisode *episode,
                           GPtrArray  *sessions)
{
  g_autofree char *today = _ipt_today ();
  const char *last = NULL;

  g_return_val_if_fail (IPT_IS_EPISODE (episode), NULL);

  /* The latest date rather than the highest number: sessions are numbered as held, but a date
   * typed by mistake should not move the suggestion back. */
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const char *date = ipt_session_get_date (g_ptr_array_index (sessions, i));

      if (ipt_date_is_valid (date) && (last == NULL || g_strcmp0 (date, last) > 0))
        last = date;
    }
  return ipt_session_suggest_date (last, ipt_episode_get_start_date (episode), today);
}

const char *
_ipt_session_previous_date (GPtrArray *sessions,
                            guint      number,
                            gint64     self_id)
{
  IptSession *previous = NULL;

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);

      if (self_id != 0 && ipt_session_get_id (session) == self_id)
        continue;
      if (ipt_session_get_number (session) < number
          && (previous == NULL || ipt_session_get_number (session) > ipt_session_get_number (previous)))
        previous = session;
    }
  return previous != NULL ? ipt_session_get_date (previous) : NULL;
}

typedef struct
{
  GCallback confirmed;
  gpointer  user_data;
} Question;

static void
on_response (GtkDialog *dialog,
             int        response,
             Question  *question)
{
  void (*confirmed) (gpointer) = (void (*) (gpointer)) question->confirmed;
  gpointer user_data = question->user_data;

  /* The form may close on saving, while this question is still being let go of. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    confirmed (user_data);
}

GtkWindow *
_ipt_session_ask_date (GtkWindow  *parent,
                       const char *question_text,
                       GCallback   confirmed,
                       gpointer    user_data)
{
  GtkWidget *dialog;
  Question *question = g_new0 (Question, 1);

  question->confirmed = confirmed;
  question->user_data = user_data;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question_text);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Change the Date"), GTK_RESPONSE_CANCEL,
                          _("_Save Anyway"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), question,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
