/* Asking for a review file's passphrase, then opening the file. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-passphrase-dialog.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

struct _IptPassphraseDialog
{
  GtkWindow       parent_instance;

  char           *path;
  GCancellable   *cancellable;

  GtkLabel       *file_label;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel       *passphrase_error;
  GtkSpinner     *spinner;
  GtkWidget      *open_button;
};

enum {
  SIGNAL_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptPassphraseDialog, ipt_passphrase_dialog, GTK_TYPE_WINDOW)

static void
set_working (IptPassphraseDialog *self,
             gboolean             working)
{
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), working);
  /* The entry keeps its focus (and stays sensitive) meanwhile: the Open action is off. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "passphrase.open", !working);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IptPassphraseDialog) self = user_data;
  g_autoptr(IptReview) review = NULL;
  g_autoptr(GError) error = NULL;

  review = ipt_review_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_working (self, FALSE);
  if (review == NULL)
    {
      _ipt_show_field_error (self->passphrase_error, GTK_WIDGET (self->passphrase_entry),
                             error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_OPENED], 0, review);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptPassphraseDialog *self = IPT_PASSPHRASE_DIALOG (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (*passphrase == '\0')
    {
      _ipt_show_field_error (self->passphrase_error, GTK_WIDGET (self->passphrase_entry),
                             _("Type the passphrase the practitioner gave you with this file."));
      return;
    }

  _ipt_show_field_error (self->passphrase_error, GTK_WIDGET (self->passphrase_entry), NULL);
  set_working (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ipt_review_open_async (self->path, passphrase, self->cancellable, on_opened,
                         g_object_ref (self));
}

static void
on_passphrase_changed (IptPassphraseDialog *self)
{
  _ipt_show_field_error (self->passphrase_error, GTK_WIDGET (self->passphrase_entry), NULL);
}

static void
on_passphrase_activate (IptPassphraseDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "passphrase.open", NULL);
}

static gboolean
ipt_passphrase_dialog_close_request (GtkWindow *window)
{
  IptPassphraseDialog *self = IPT_PASSPHRASE_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (ipt_passphrase_dialog_parent_class)->close_request (window);
}

static void
ipt_passphrase_dialog_dispose (GObject *object)
{
  IptPassphraseDialog *self = IPT_PASSPHRASE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_PASSPHRASE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ipt_passphrase_dialog_parent_class)->dispose (object);
}

static void
ipt_passphrase_dialog_class_init (IptPassphraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_passphrase_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = ipt_passphrase_dialog_close_request;

  /* Emitted with the open review, just before the dialog closes. */
  signals[SIGNAL_OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, IPT_TYPE_REVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-passphrase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IptPassphraseDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, IptPassphraseDialog, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, IptPassphraseDialog, passphrase_error);
  gtk_widget_class_bind_template_child (widget_class, IptPassphraseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, IptPassphraseDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activate);

  gtk_widget_class_install_action (widget_class, "passphrase.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipt_passphrase_dialog_init (IptPassphraseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IptPassphraseDialog *
ipt_passphrase_dialog_new (GtkWindow  *parent,
                           const char *path)
{
  IptPassphraseDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (IPT_TYPE_PASSPHRASE_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->path = g_strdup (path);
  basename = g_path_get_basename (path);
  /* TRANSLATORS: %s is the name of a review file, such as cases.iptreview */
  text = g_strdup_printf (_("“%s” is encrypted. Type the passphrase the practitioner gave you "
                            "by another channel."), basename);
  gtk_label_set_text (self->file_label, text);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->open_button);
  return self;
}

const char *
ipt_passphrase_dialog_get_path (IptPassphraseDialog *self)
{
  g_return_val_if_fail (IPT_IS_PASSPHRASE_DIALOG (self), NULL);

  return self->path;
}

void
ipt_passphrase_dialog_set_passphrase (IptPassphraseDialog *self,
                                      const char          *passphrase)
{
  g_return_if_fail (IPT_IS_PASSPHRASE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), passphrase);
  gtk_widget_activate_action (GTK_WIDGET (self), "passphrase.open", NULL);
}

const char *
ipt_passphrase_dialog_get_error (IptPassphraseDialog *self)
{
  g_return_val_if_fail (IPT_IS_PASSPHRASE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->passphrase_error)))
    return NULL;
  return gtk_label_get_text (self->passphrase_error);
}
