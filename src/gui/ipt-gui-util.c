/* Small helpers shared by the widgets of src/gui/. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-gui-private.h"

#include <glib/gi18n.h>

const char *
_ipt_signal_css_class (IptSignalKind kind)
{
  switch (kind)
    {
    case IPT_SIGNAL_RISK:
      return "signal-risk";
    case IPT_SIGNAL_DETERIORATION:
      return "signal-deterioration";
    case IPT_SIGNAL_NOT_ON_TRACK:
      return "signal-not-on-track";
    case IPT_SIGNAL_ON_TRACK:
      return "signal-on-track";
    case IPT_SIGNAL_OUTCOME:
      return "signal-outcome";
    case IPT_SIGNAL_NO_SCORES:
    default:
      return "signal-no-scores";
    }
}

void
_ipt_widget_set_signal_class (GtkWidget    *widget,
                              IptSignalKind kind)
{
  static const IptSignalKind kinds[] = {
    IPT_SIGNAL_RISK, IPT_SIGNAL_DETERIORATION, IPT_SIGNAL_NOT_ON_TRACK,
    IPT_SIGNAL_ON_TRACK, IPT_SIGNAL_OUTCOME, IPT_SIGNAL_NO_SCORES,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] != kind)
      gtk_widget_remove_css_class (widget, _ipt_signal_css_class (kinds[i]));
  gtk_widget_add_css_class (widget, _ipt_signal_css_class (kind));
}

char *
_ipt_focus_text (IptEpisode *episode,
                 gboolean    us_wording)
{
  GString *text;
  IptFocus focus;
  IptFocus secondary;

  if (episode == NULL)
    return g_strdup (_("No course yet"));

  focus = ipt_episode_get_focus (episode);
  secondary = ipt_episode_get_secondary_focus (episode);
  if (focus == IPT_FOCUS_NONE)
    return g_strdup (_("Focus not chosen yet"));

  text = g_string_new (ipt_focus_to_label (focus, us_wording));
  if (focus == IPT_FOCUS_ROLE_DISPUTE
      && ipt_episode_get_dispute_stage (episode) != IPT_DISPUTE_STAGE_NONE)
    g_string_append_printf (text, " (%s)",
                            ipt_dispute_stage_to_label (ipt_episode_get_dispute_stage (episode)));
  if (secondary != IPT_FOCUS_NONE)
    {
      /* TRANSLATORS: a secondary focus after the primary one, e.g. "Grief · also Role dispute" */
      g_string_append_printf (text, _(" · also %s"), ipt_focus_to_label (secondary, us_wording));
    }

  return g_string_free (text, FALSE);
}

char *
_ipt_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
on_error_dialog_response (GtkDialog *dialog,
                          int        response,
                          gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
_ipt_show_error (GtkWindow    *parent,
                 const char   *primary,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
