/* Entering review mode: choosing a review file, asking for its passphrase, then opening the
 * supervisor's window on it. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-review-mode.h"

#include <glib/gi18n.h>

#include "ipt-passphrase-dialog.h"
#include "ipt-review-window.h"

static void
on_opened (IptPassphraseDialog *dialog,
           IptReview           *review,
           GtkApplication      *app)
{
  IptReviewWindow *window = ipt_review_window_new (app, review);

  gtk_window_present (GTK_WINDOW (window));
}

static void
on_dialog_destroyed (GtkApplication *app)
{
  g_application_release (G_APPLICATION (app));
}

void
ipt_review_mode_open (GtkApplication *app,
                      GtkWindow      *parent,
                      const char     *path)
{
  IptPassphraseDialog *dialog;

  g_return_if_fail (GTK_IS_APPLICATION (app));
  g_return_if_fail (path != NULL);

  dialog = ipt_passphrase_dialog_new (parent, path);
  /* Held until the question goes, so that review mode from the command line, with no other
   * window, does not end before the review window opens. */
  g_application_hold (G_APPLICATION (app));
  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_opened), app, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed), app,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkApplication *app;
  GtkWindow      *parent;
} ChooseData;

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  ChooseData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        ipt_review_mode_open (data->app, data->parent, path);
    }

  g_application_release (G_APPLICATION (data->app));
  g_clear_weak_pointer (&data->parent);
  g_object_unref (data->app);
  g_free (data);
  g_object_unref (chooser);
}

void
ipt_review_mode_choose_file (GtkApplication *app,
                             GtkWindow      *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ChooseData *data = g_new0 (ChooseData, 1);

  g_return_if_fail (GTK_IS_APPLICATION (app));

  chooser = gtk_file_chooser_native_new (_("Open Review File"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Review files"));
  gtk_file_filter_add_pattern (filter, IPT_REVIEW_FILE_PATTERN);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  data->app = g_object_ref (app);
  g_set_weak_pointer (&data->parent, parent);
  g_application_hold (G_APPLICATION (app));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
