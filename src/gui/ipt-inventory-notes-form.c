/* Editing the case-level fields of the interpersonal inventory (see ipt-inventory-notes-form.h). */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-inventory-notes-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-store-casework.h"

struct _IptInventoryNotesForm
{
  IptFormWindow  parent_instance;

  IptStore      *store;
  gint64         client_id;

  GtkTextView   *views[IPT_INVENTORY_N_TEXTS];
  GtkLabel      *store_error;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (IptInventoryNotesForm, ipt_inventory_notes_form, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Texts are kept as typed, whatever their length or script. */
static IptInventoryNotes *
notes_from_form (IptInventoryNotesForm *self)
{
  IptInventoryNotes *notes = ipt_inventory_notes_new (self->client_id);

  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    {
      g_autofree char *text = view_text (self->views[i]);

      ipt_inventory_notes_set_text (notes, i, text);
    }
  return notes;
}

static void
on_buffer_changed (GtkTextBuffer         *buffer,
                   IptInventoryNotesForm *self)
{
  g_autoptr(IptInventoryNotes) notes = notes_from_form (self);
  g_autoptr(GError) error = NULL;
  gboolean valid = ipt_inventory_notes_validate (notes, &error);

  _ipt_show_field_error (self->store_error, NULL, valid ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory-notes.save", valid);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptInventoryNotesForm *self = IPT_INVENTORY_NOTES_FORM (widget);
  g_autoptr(IptInventoryNotes) notes = notes_from_form (self);
  g_autoptr(GError) error = NULL;

  if (!ipt_store_save_inventory_notes (self->store, notes, &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }
  ipt_form_window_saved (IPT_FORM_WINDOW (self), self->client_id);
}

static char *
form_state (IptFormWindow *form)
{
  IptInventoryNotesForm *self = IPT_INVENTORY_NOTES_FORM (form);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    {
      g_autofree char *text = view_text (self->views[i]);

      g_string_append_printf (state, "%s\x1f", text);
    }
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return _("Discard your changes to the case-level inventory?");
}

static void
ipt_inventory_notes_form_dispose (GObject *object)
{
  IptInventoryNotesForm *self = IPT_INVENTORY_NOTES_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_INVENTORY_NOTES_FORM);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_inventory_notes_form_parent_class)->dispose (object);
}

static void
ipt_inventory_notes_form_class_init (IptInventoryNotesFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_inventory_notes_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-inventory-notes-form.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "support_view", FALSE,
                                             G_STRUCT_OFFSET (IptInventoryNotesForm,
                                                              views[IPT_INVENTORY_SOCIAL_SUPPORT]));
  gtk_widget_class_bind_template_child_full (widget_class, "confiding_view", FALSE,
                                             G_STRUCT_OFFSET (IptInventoryNotesForm,
                                                              views[IPT_INVENTORY_CONFIDING]));
  gtk_widget_class_bind_template_child_full (widget_class, "communication_view", FALSE,
                                             G_STRUCT_OFFSET (IptInventoryNotesForm,
                                                              views[IPT_INVENTORY_COMMUNICATION_STYLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "onset_view", FALSE,
                                             G_STRUCT_OFFSET (IptInventoryNotesForm,
                                                              views[IPT_INVENTORY_ONSET_CHANGES]));
  gtk_widget_class_bind_template_child (widget_class, IptInventoryNotesForm, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryNotesForm, save_button);

  gtk_widget_class_install_action (widget_class, "inventory-notes.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "inventory-notes.save", NULL);
}

static void
ipt_inventory_notes_form_init (IptInventoryNotesForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    g_signal_connect_object (gtk_text_view_get_buffer (self->views[i]), "changed",
                             G_CALLBACK (on_buffer_changed), self, 0);
}

IptInventoryNotesForm *
ipt_inventory_notes_form_new (GtkWindow         *parent,
                              IptStore          *store,
                              gint64             client_id,
                              IptInventoryNotes *notes)
{
  IptInventoryNotesForm *self;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);
  g_return_val_if_fail (notes == NULL || IPT_IS_INVENTORY_NOTES (notes), NULL);

  self = g_object_new (IPT_TYPE_INVENTORY_NOTES_FORM,
                       "transient-for", parent,
                       "title", _("Case-Level Inventory"),
                       NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  for (guint i = 0; notes != NULL && i < IPT_INVENTORY_N_TEXTS; i++)
    {
      const char *text = ipt_inventory_notes_get_text (notes, i);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[i]),
                                text != NULL ? text : "", -1);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->views[0]));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

void
ipt_inventory_notes_form_set_text (IptInventoryNotesForm *self,
                                   IptInventoryText       field,
                                   const char            *text)
{
  g_return_if_fail (IPT_IS_INVENTORY_NOTES_FORM (self));
  g_return_if_fail (field < IPT_INVENTORY_N_TEXTS);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[field]),
                            text != NULL ? text : "", -1);
}
