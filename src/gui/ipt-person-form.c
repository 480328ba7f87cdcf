/* Adding or editing a person of the interpersonal inventory (see ipt-person-form.h). */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-person-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

/* The free texts of a person, in the order of the form. */
enum {
  TEXT_CONTACT,
  TEXT_TALK_ABOUT,
  TEXT_CANNOT_TALK_ABOUT,
  TEXT_SATISFYING,
  TEXT_UNSATISFYING,
  TEXT_ARGUMENTS,
  TEXT_CHANGES_WANTED,
  N_TEXTS
};

/* The property name of IptPerson each text view edits. */
static const char * const text_names[N_TEXTS] = {
  "contact", "talk-about", "cannot-talk-about", "satisfying", "unsatisfying", "arguments",
  "changes-wanted",
};

struct _IptPersonForm
{
  IptFormWindow   parent_instance;

  IptStore       *store;
  gint64          client_id;
  IptPerson      *person;        /* NULL for a new person */

  GtkEntry       *name_entry;
  GtkLabel       *name_error;
  GtkEntry       *relationship_entry;
  GtkCheckButton *ring1_button;
  GtkCheckButton *ring2_button;
  GtkCheckButton *ring3_button;
  GtkDropDown    *ideal_dropdown;
  GtkDropDown    *resolve_dropdown;
  GtkTextView    *texts[N_TEXTS];
  GtkCheckButton *knows_check;
  GtkCheckButton *supportive_check;
  GtkCheckButton *confidant_check;
  GtkLabel       *store_error;
  GtkWidget      *save_button;

  gboolean        name_touched;  /* an empty name is pointed out once typed in, or on Save */
};

G_DEFINE_FINAL_TYPE (IptPersonForm, ipt_person_form, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
selected_ring (IptPersonForm *self)
{
  if (gtk_check_button_get_active (self->ring1_button))
    return 1;
  if (gtk_check_button_get_active (self->ring2_button))
    return 2;
  if (gtk_check_button_get_active (self->ring3_button))
    return 3;
  return 0;
}

/* Texts are kept as typed, whatever their length or script; only the name and relationship
 * lose the spaces around them. */
static void
fill_person (IptPersonForm *self,
             IptPerson     *person)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  g_autofree char *relationship =
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->relationship_entry)));
  guint ideal = gtk_drop_down_get_selected (self->ideal_dropdown);
  guint resolve = gtk_drop_down_get_selected (self->resolve_dropdown);

  ipt_person_set_client_id (person, self->client_id);
  ipt_person_set_name (person, g_strstrip (name));
  ipt_person_set_relationship (person, g_strstrip (relationship));
  ipt_person_set_ring (person, selected_ring (self));
  ipt_person_set_ideal_ring (person, ideal != GTK_INVALID_LIST_POSITION ? ideal : 0);
  ipt_person_set_arguments_resolve (person, resolve != GTK_INVALID_LIST_POSITION
                                            ? (IptArgumentsResolve) resolve
                                            : IPT_ARGUMENTS_RESOLVE_UNKNOWN);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *text = view_text (self->texts[i]);

      g_object_set (person, text_names[i], text, NULL);
    }
  ipt_person_set_knows_about_mood (person, gtk_check_button_get_active (self->knows_check));
  ipt_person_set_supportive (person, gtk_check_button_get_active (self->supportive_check));
  ipt_person_set_confidant (person, gtk_check_button_get_active (self->confidant_check));
}

static gboolean
validate (IptPersonForm *self,
          gboolean       show_empty)
{
  g_autoptr(IptPerson) person = ipt_person_new (self->client_id, NULL, NULL, 1);
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  gboolean blank = TRUE;
  gboolean valid;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      blank = FALSE;

  fill_person (self, person);
  valid = ipt_person_validate (person, &error);

  if (blank)
    _ipt_show_field_error (self->name_error, GTK_WIDGET (self->name_entry),
                           show_empty || self->name_touched
                           ? _("Give the person a name or a label (“Mum”, “J.”).") : NULL);
  else
    _ipt_show_field_error (self->name_error, GTK_WIDGET (self->name_entry), NULL);
  /* Any other rule the model holds shows below the form. */
  _ipt_show_field_error (self->store_error, NULL, !valid && !blank ? error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", valid);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
  return valid;
}

static void
on_entry_changed (GtkEditable   *editable,
                  IptPersonForm *self)
{
  if (GTK_ENTRY (editable) == self->name_entry)
    self->name_touched = TRUE;
  validate (self, FALSE);
}

static void
on_check_toggled (GtkCheckButton *button,
                  IptPersonForm  *self)
{
  validate (self, FALSE);
}

static void
on_dropdown_changed (GObject       *object,
                     GParamSpec    *pspec,
                     IptPersonForm *self)
{
  validate (self, FALSE);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   IptPersonForm *self)
{
  validate (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptPersonForm *self = IPT_PERSON_FORM (widget);
  g_autoptr(IptPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (!validate (self, TRUE))
    return;

  /* A copy, so that a refused save leaves the shown record as it was. */
  person = ipt_person_new (self->client_id, NULL, NULL, 1);
  if (self->person != NULL)
    ipt_person_set_id (person, ipt_person_get_id (self->person));
  fill_person (self, person);
  if (!ipt_store_save_person (self->store, person, &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }
  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_person_get_id (person));
}

static char *
form_state (IptFormWindow *form)
{
  IptPersonForm *self = IPT_PERSON_FORM (form);
  GString *state = g_string_new (NULL);

  g_string_append_printf (state, "%s\x1f%s\x1f%u\x1f%u\x1f%u\x1f%d%d%d",
                          gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                          gtk_editable_get_text (GTK_EDITABLE (self->relationship_entry)),
                          selected_ring (self),
                          gtk_drop_down_get_selected (self->ideal_dropdown),
                          gtk_drop_down_get_selected (self->resolve_dropdown),
                          gtk_check_button_get_active (self->knows_check),
                          gtk_check_button_get_active (self->supportive_check),
                          gtk_check_button_get_active (self->confidant_check));
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *text = view_text (self->texts[i]);

      g_string_append_printf (state, "\x1f%s", text);
    }
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_PERSON_FORM (form)->person == NULL ? _("Discard this new person?")
                                                : _("Discard your changes to this person?");
}

static void
ipt_person_form_dispose (GObject *object)
{
  IptPersonForm *self = IPT_PERSON_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_PERSON_FORM);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_person_form_parent_class)->dispose (object);
}

static void
ipt_person_form_class_init (IptPersonFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_person_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-person-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, relationship_entry);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, ring1_button);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, ring2_button);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, ring3_button);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, ideal_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, resolve_dropdown);
  gtk_widget_class_bind_template_child_full (widget_class, "contact_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm, texts[TEXT_CONTACT]));
  gtk_widget_class_bind_template_child_full (widget_class, "talk_about_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm, texts[TEXT_TALK_ABOUT]));
  gtk_widget_class_bind_template_child_full (widget_class, "cannot_talk_about_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm,
                                                              texts[TEXT_CANNOT_TALK_ABOUT]));
  gtk_widget_class_bind_template_child_full (widget_class, "satisfying_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm, texts[TEXT_SATISFYING]));
  gtk_widget_class_bind_template_child_full (widget_class, "unsatisfying_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm,
                                                              texts[TEXT_UNSATISFYING]));
  gtk_widget_class_bind_template_child_full (widget_class, "arguments_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm, texts[TEXT_ARGUMENTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "changes_wanted_view", FALSE,
                                             G_STRUCT_OFFSET (IptPersonForm,
                                                              texts[TEXT_CHANGES_WANTED]));
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, knows_check);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, supportive_check);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, confidant_check);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptPersonForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_changed);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save", NULL);
}

static void
ipt_person_form_init (IptPersonForm *self)
{
  g_autoptr(GtkStringList) resolve = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = IPT_ARGUMENTS_RESOLVE_UNKNOWN; i <= IPT_ARGUMENTS_RESOLVE_RARELY; i++)
    gtk_string_list_append (resolve, ipt_arguments_resolve_to_label (i));
  gtk_drop_down_set_model (self->resolve_dropdown, G_LIST_MODEL (resolve));

  for (guint i = 0; i < N_TEXTS; i++)
    g_signal_connect_object (gtk_text_view_get_buffer (self->texts[i]), "changed",
                             G_CALLBACK (on_buffer_changed), self, 0);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

IptPersonForm *
ipt_person_form_new (GtkWindow *parent,
                     IptStore  *store,
                     gint64     client_id,
                     IptPerson *person)
{
  IptPersonForm *self;
  GtkCheckButton *rings[3];

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);
  g_return_val_if_fail (person == NULL || IPT_IS_PERSON (person), NULL);

  self = g_object_new (IPT_TYPE_PERSON_FORM,
                       "transient-for", parent,
                       "title", person != NULL ? _("Edit Person") : _("Add Person"),
                       NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->person = person != NULL ? g_object_ref (person) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  rings[0] = self->ring1_button;
  rings[1] = self->ring2_button;
  rings[2] = self->ring3_button;
  if (person != NULL)
    {
      guint ring = CLAMP (ipt_person_get_ring (person), 1, 3);

      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), ipt_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (self->relationship_entry),
                             ipt_person_get_relationship (person) != NULL
                             ? ipt_person_get_relationship (person) : "");
      gtk_check_button_set_active (rings[ring - 1], TRUE);
      gtk_drop_down_set_selected (self->ideal_dropdown, MIN (ipt_person_get_ideal_ring (person), 3));
      gtk_drop_down_set_selected (self->resolve_dropdown, ipt_person_get_arguments_resolve (person));
      for (guint i = 0; i < N_TEXTS; i++)
        {
          g_autofree char *text = NULL;

          g_object_get (person, text_names[i], &text, NULL);
          set_view_text (self->texts[i], text);
        }
      gtk_check_button_set_active (self->knows_check, ipt_person_get_knows_about_mood (person));
      gtk_check_button_set_active (self->supportive_check, ipt_person_get_supportive (person));
      gtk_check_button_set_active (self->confidant_check, ipt_person_get_confidant (person));
    }
  self->name_touched = FALSE;

  validate (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

void
ipt_person_form_set_text (IptPersonForm *self,
                          const char    *field,
                          const char    *text)
{
  g_return_if_fail (IPT_IS_PERSON_FORM (self));
  g_return_if_fail (field != NULL && text != NULL);

  if (g_str_equal (field, "name"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text);
      return;
    }
  if (g_str_equal (field, "relationship"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->relationship_entry), text);
      return;
    }
  for (guint i = 0; i < N_TEXTS; i++)
    if (g_str_equal (field, text_names[i]))
      {
        set_view_text (self->texts[i], text);
        return;
      }
  g_return_if_reached ();
}

gboolean
ipt_person_form_get_can_save (IptPersonForm *self)
{
  g_return_val_if_fail (IPT_IS_PERSON_FORM (self), FALSE);

  return validate (self, FALSE);
}
