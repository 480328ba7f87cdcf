/* Adding or editing a client: code, names, birth date, contact details, referrer, notes. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-client-dialog.h"

#include <glib/gi18n.h>

#include "ipt-date-format.h"
#include "ipt-gui-private.h"

struct _IptClientDialog
{
  IptFormWindow parent_instance;

  IptStore    *store;
  IptClient   *client;      /* NULL for a new client */

  GtkEntry    *code_entry;
  GtkEntry    *given_entry;
  GtkEntry    *family_entry;
  GtkEntry    *preferred_entry;
  GtkEntry    *birth_entry;
  GtkEntry    *phone_entry;
  GtkEntry    *email_entry;
  GtkEntry    *referrer_entry;
  GtkTextView *notes_view;
  GtkLabel    *code_error;
  GtkLabel    *given_error;
  GtkLabel    *family_error;
  GtkLabel    *preferred_error;
  GtkLabel    *birth_error;
  GtkLabel    *phone_error;
  GtkLabel    *email_error;
  GtkLabel    *referrer_error;
  GtkLabel    *store_error;
  GtkWidget   *save_button;
  char        *birth_confirmed; /* an unlikely birth date the practitioner said is right */
  GtkWindow   *birth_question;  /* asking about it, or NULL */
};

G_DEFINE_FINAL_TYPE (IptClientDialog, ipt_client_dialog, IPT_TYPE_FORM_WINDOW)

/* Empty text is no value. */
static const char *
entry_value (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return text != NULL && *text != '\0' ? text : NULL;
}

/* The birth date typed, as ISO 8601 when it is a date (as typed when not); NULL when empty. */
static char *
birth_value (IptClientDialog *self)
{
  g_autofree char *date = _ipt_date_entry_get_iso (self->birth_entry);

  return *date != '\0' ? g_steal_pointer (&date) : NULL;
}

static char *
notes_text (IptClientDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
fill_client (IptClientDialog *self,
             IptClient       *client)
{
  g_autofree char *notes = notes_text (self);
  g_autofree char *birth = birth_value (self);

  ipt_client_set_code (client, entry_value (self->code_entry));
  ipt_client_set_given_name (client, entry_value (self->given_entry));
  ipt_client_set_family_name (client, entry_value (self->family_entry));
  ipt_client_set_preferred_name (client, entry_value (self->preferred_entry));
  ipt_client_set_birth_date (client, birth);
  ipt_client_set_phone (client, entry_value (self->phone_entry));
  ipt_client_set_email (client, entry_value (self->email_entry));
  ipt_client_set_referrer (client, entry_value (self->referrer_entry));
  ipt_client_set_notes (client, notes);
}

/* The model's check for one field: a client holding a valid code and only that field. */
static char *
check_field (void        (*setter) (IptClient *, const char *),
             const char   *value)
{
  g_autoptr(IptClient) probe = ipt_client_new ("C-0000");
  g_autoptr(GError) error = NULL;

  setter (probe, value);
  if (ipt_client_validate (probe, &error))
    return NULL;
  return g_strdup (error->message);
}

static gboolean
validate (IptClientDialog *self)
{
  const char *code = entry_value (self->code_entry);
  g_autofree char *birth = birth_value (self);
  g_autofree char *code_message = NULL;
  g_autofree char *birth_message = NULL;
  g_autofree char *email_message = NULL;
  g_autoptr(IptClient) whole = ipt_client_new ("C-0000");
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (code == NULL)
    code_message = g_strdup (_("Every client needs a case code, e.g. C-0042."));
  else
    code_message = check_field (ipt_client_set_code, code);

  if (code_message == NULL)
    {
      /* found whatever its case: "c-0001" is "C-0001" */
      g_autoptr(IptClient) other = ipt_store_find_client (self->store, code, NULL);

      if (other != NULL &&
          (self->client == NULL || ipt_client_get_id (other) != ipt_client_get_id (self->client)))
        /* TRANSLATORS: %s is a case code */
        code_message = g_strdup_printf (_("%s is already the code of another client."),
                                        ipt_client_get_code (other));
    }

  birth_message = check_field (ipt_client_set_birth_date, birth);
  email_message = check_field (ipt_client_set_email, entry_value (self->email_entry));

  _ipt_show_field_error (self->code_error, GTK_WIDGET (self->code_entry), code_message);
  _ipt_show_field_error (self->birth_error, GTK_WIDGET (self->birth_entry), birth_message);
  _ipt_show_field_error (self->email_error, GTK_WIDGET (self->email_entry), email_message);

  valid = code_message == NULL && birth_message == NULL && email_message == NULL;

  /* And the record as a whole, for any rule that spans fields. */
  if (valid)
    {
      fill_client (self, whole);
      valid = ipt_client_validate (whole, &error);
      gtk_label_set_label (self->store_error, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->store_error), error != NULL);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->store_error), FALSE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.save", valid);
  return valid;
}

static void
on_entry_changed (GtkEntry        *entry,
                  IptClientDialog *self)
{
  validate (self);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
on_birth_question_response (GtkDialog       *question,
                            int              response,
                            IptClientDialog *self)
{
  self->birth_question = NULL;
  gtk_window_destroy (GTK_WINDOW (question));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_free (self->birth_confirmed);
      self->birth_confirmed = birth_value (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "client.save", NULL);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->birth_entry));
}

/* A birth year before 1900 is asked about once before it is saved. TRUE: asking. */
static gboolean
ask_about_birth (IptClientDialog *self)
{
  g_autofree char *birth = birth_value (self);
  g_autofree char *shown = NULL;
  GtkWidget *question;

  if (!ipt_client_birth_date_is_unlikely (birth) || g_strcmp0 (birth, self->birth_confirmed) == 0)
    return FALSE;
  if (self->birth_question != NULL)
    return TRUE;

  shown = ipt_date_format_display (birth);
  question = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL, GTK_MESSAGE_QUESTION,
                                     GTK_BUTTONS_NONE,
                                     /* TRANSLATORS: %.4s is a year */
                                     _("Born in %.4s?"), birth);
  _ipt_message_dialog_name (question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (question),
                                            _("The birth date %s is before 1900: most likely a "
                                              "slip. Check it, or save it as it is."),
                                            shown);
  gtk_dialog_add_button (GTK_DIALOG (question), _("_Correct It"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (question), _("_Save Anyway"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (question, "response", G_CALLBACK (on_birth_question_response),
                           self, 0);
  self->birth_question = GTK_WINDOW (question);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

GtkWindow *
_ipt_client_dialog_get_birth_question (IptClientDialog *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_DIALOG (self), NULL);

  return self->birth_question;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptClientDialog *self = IPT_CLIENT_DIALOG (widget);
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!validate (self))
    return;
  if (ask_about_birth (self))
    return;

  if (self->client != NULL)
    {
      /* Edit a copy, so that a refused save leaves the shown record as it was. */
      client = ipt_store_get_client (self->store, ipt_client_get_id (self->client), &error);
      if (client == NULL)
        goto failed;
      fill_client (self, client);
      ok = ipt_store_update_client (self->store, client, &error);
    }
  else
    {
      client = ipt_client_new (entry_value (self->code_entry));
      fill_client (self, client);
      ok = ipt_store_insert_client (self->store, client, &error);
    }

  if (!ok)
    goto failed;

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_client_get_id (client));
  return;

failed:
  gtk_label_set_label (self->store_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->store_error), TRUE);
}

/* Everything the form holds, as text: differs from what it held when opened when something was
 * typed. */
static char *
form_state (IptFormWindow *form)
{
  IptClientDialog *self = IPT_CLIENT_DIALOG (form);
  GtkEntry *entries[] = { self->code_entry, self->given_entry, self->family_entry,
                          self->preferred_entry, self->phone_entry,
                          self->email_entry, self->referrer_entry };
  g_autofree char *notes = notes_text (self);
  g_autofree char *birth = birth_value (self);
  GString *state = g_string_new (notes);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_string_append_printf (state, "\x1f%s", gtk_editable_get_text (GTK_EDITABLE (entries[i])));
  g_string_append_printf (state, "\x1f%s", birth != NULL ? birth : "");
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_CLIENT_DIALOG (form)->client == NULL ? _("Discard this new client?")
                                                  : _("Discard your changes to this client?");
}

static void
ipt_client_dialog_dispose (GObject *object)
{
  IptClientDialog *self = IPT_CLIENT_DIALOG (object);

  if (self->birth_question != NULL)
    gtk_window_destroy (g_steal_pointer (&self->birth_question));
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_CLIENT_DIALOG);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_client_dialog_parent_class)->dispose (object);
}

static void
ipt_client_dialog_finalize (GObject *object)
{
  g_free (IPT_CLIENT_DIALOG (object)->birth_confirmed);

  G_OBJECT_CLASS (ipt_client_dialog_parent_class)->finalize (object);
}

static void
ipt_client_dialog_class_init (IptClientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_client_dialog_dispose;
  object_class->finalize = ipt_client_dialog_finalize;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-client-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, given_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, family_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, preferred_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, email_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, referrer_entry);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, code_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, given_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, family_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, preferred_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, birth_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, phone_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, email_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, referrer_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptClientDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "client.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "client.save", NULL);
}

static void
ipt_client_dialog_init (IptClientDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->birth_entry);
}

static void
set_entry (GtkEntry   *entry,
           const char *value)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
}

IptClientDialog *
ipt_client_dialog_new (GtkWindow  *parent,
                       IptStore   *store,
                       IptClient  *client,
                       const char *suggested_code)
{
  IptClientDialog *self;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (client == NULL || IPT_IS_CLIENT (client), NULL);

  self = g_object_new (IPT_TYPE_CLIENT_DIALOG,
                       "transient-for", parent,
                       "title", client != NULL ? _("Edit Client") : _("New Client"),
                       NULL);
  self->store = g_object_ref (store);
  self->client = client != NULL ? g_object_ref (client) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  if (client != NULL)
    {
      set_entry (self->code_entry, ipt_client_get_code (client));
      set_entry (self->given_entry, ipt_client_get_given_name (client));
      set_entry (self->family_entry, ipt_client_get_family_name (client));
      set_entry (self->preferred_entry, ipt_client_get_preferred_name (client));
      _ipt_date_entry_set_iso (self->birth_entry, ipt_client_get_birth_date (client));
      set_entry (self->phone_entry, ipt_client_get_phone (client));
      set_entry (self->email_entry, ipt_client_get_email (client));
      set_entry (self->referrer_entry, ipt_client_get_referrer (client));
      if (ipt_client_get_notes (client) != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                  ipt_client_get_notes (client), -1);
    }
  else
    {
      set_entry (self->code_entry, suggested_code);
    }

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (client != NULL ? self->given_entry : self->code_entry));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

gboolean
ipt_client_dialog_get_can_save (IptClientDialog *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_DIALOG (self), FALSE);

  return validate (self);
}
