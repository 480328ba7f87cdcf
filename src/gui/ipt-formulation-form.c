/* Editing a course's focus fields (primary and secondary), recording a change of a role
 * dispute's stage at a session, and writing the formulation with the date the client agreed it.
 *
 * The focus itself (which problem area) is part of the course's contract and is chosen in the
 * course form; this form fills in what that focus asks for. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-formulation-form.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-date-format.h"
#include "ipt-gui-private.h"
#include "ipt-preferences.h"
#include "ipt-store-casework.h"

/* The fields of one focus: which of them show depends on the focus. */
typedef struct
{
  IptFocusFields *fields;          /* as loaded */
  GtkWidget      *box;
  GtkLabel       *title;
  GtkWidget      *person_row;
  GtkLabel       *person_label;
  GtkDropDown    *person_dropdown;
  GtkWidget      *date_row;
  GtkLabel       *date_label;
  GtkEntry       *date_entry;
  GtkLabel       *date_error;
  GtkWidget      *roles_row;
  GtkEntry       *old_role_entry;
  GtkEntry       *new_role_entry;
  GtkLabel       *error;
} FocusSection;

struct _IptFormulationForm
{
  IptFormWindow   parent_instance;

  IptStore       *store;
  IptClient      *client;
  IptEpisode     *episode;
  GArray         *person_ids;      /* gint64, position in the person lists; 0 first: none */
  FocusSection    sections[2];     /* primary, secondary */

  GtkBox         *primary_box;
  GtkBox         *secondary_box;
  GtkWidget      *stage_box;
  GtkSpinButton  *stage_session_spin;
  GtkDropDown    *stage_dropdown;
  GtkLabel       *stage_error;
  GtkTextView    *formulation_view;
  GtkLabel       *formulation_error;
  GtkEntry       *agreed_entry;
  GtkLabel       *agreed_error;
  GtkLabel       *store_error;
  GtkWidget      *save_button;
};

G_DEFINE_FINAL_TYPE (IptFormulationForm, ipt_formulation_form, IPT_TYPE_FORM_WINDOW)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* A date field's date, as ISO 8601 when it is one; "" when empty. */
static char *
date_text (GtkEntry *entry)
{
  return g_strstrip (_ipt_date_entry_get_iso (entry));
}

static char *
formulation_text (IptFormulationForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->formulation_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static IptFocus
section_focus (FocusSection *section)
{
  return ipt_focus_fields_get_focus (section->fields);
}

/* The section's input as fields of its focus (a new object). */
static IptFocusFields *
section_fields (IptFormulationForm *self,
                FocusSection       *section)
{
  IptFocus focus = section_focus (section);
  IptFocusFields *fields = ipt_focus_fields_new (ipt_episode_get_id (self->episode),
                                                 ipt_focus_fields_get_secondary (section->fields),
                                                 focus);
  guint position = gtk_drop_down_get_selected (section->person_dropdown);
  g_autofree char *date = date_text (section->date_entry);
  g_autofree char *old_role = entry_text (section->old_role_entry);
  g_autofree char *new_role = entry_text (section->new_role_entry);

  if (focus == IPT_FOCUS_GRIEF || focus == IPT_FOCUS_ROLE_DISPUTE)
    ipt_focus_fields_set_person_id (fields, position < self->person_ids->len
                                            ? g_array_index (self->person_ids, gint64, position)
                                            : 0);
  if (focus == IPT_FOCUS_GRIEF || focus == IPT_FOCUS_ROLE_TRANSITION)
    ipt_focus_fields_set_date (fields, *date != '\0' ? date : NULL);
  if (focus == IPT_FOCUS_ROLE_TRANSITION)
    {
      ipt_focus_fields_set_old_role (fields, *old_role != '\0' ? old_role : NULL);
      ipt_focus_fields_set_new_role (fields, *new_role != '\0' ? new_role : NULL);
    }
  /* The stage follows the changes recorded at sessions; it is kept as it is. */
  if (focus == IPT_FOCUS_ROLE_DISPUTE)
    ipt_focus_fields_set_dispute_stage (fields, ipt_focus_fields_get_dispute_stage (section->fields));
  return fields;
}

static gboolean
validate_section (IptFormulationForm *self,
                  FocusSection       *section,
                  const char         *today)
{
  g_autoptr(IptFocusFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = date_text (section->date_entry);
  g_autofree char *date_hint = NULL;
  const char *date_message = NULL;
  gboolean valid;

  if (section_focus (section) == IPT_FOCUS_NONE)
    return TRUE;

  fields = section_fields (self, section);
  if (gtk_widget_get_visible (section->date_row) && *date != '\0' && !ipt_date_is_valid (date))
    date_message = date_hint = _ipt_date_entry_format_message ();
  valid = date_message == NULL
          && ipt_focus_fields_validate (fields, ipt_client_get_birth_date (self->client), today,
                                        &error);
  if (!valid && date_message == NULL && *date != '\0')
    {
      /* Refused with the date, accepted without it: the date is what is wrong (after today,
       * before the client's birth), and its message goes beside it. */
      g_autoptr(IptFocusFields) undated = section_fields (self, section);

      ipt_focus_fields_set_date (undated, NULL);
      if (ipt_focus_fields_validate (undated, ipt_client_get_birth_date (self->client), today, NULL))
        date_message = error->message;
    }
  _ipt_show_field_error (section->date_error, GTK_WIDGET (section->date_entry), date_message);
  _ipt_show_field_error (section->error, NULL,
                         error != NULL && date_message != error->message ? error->message : NULL);
  return valid;
}

static gboolean
validate (IptFormulationForm *self)
{
  g_autofree char *today = _ipt_today ();
  g_autofree char *agreed = date_text (self->agreed_entry);
  g_autofree char *text = formulation_text (self);
  g_autofree char *agreed_hint = NULL;
  const char *start = ipt_episode_get_start_date (self->episode);
  const char *agreed_message = NULL;
  const char *formulation_message = NULL;
  const char *stage_message = NULL;
  gboolean valid = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    valid = validate_section (self, &self->sections[i], today) && valid;

  if (*agreed != '\0' && !ipt_date_is_valid (agreed))
    agreed_message = agreed_hint = _ipt_date_entry_format_message ();
  else if (*agreed != '\0' && start != NULL && strcmp (agreed, start) < 0)
    agreed_message = _("The formulation cannot be agreed before the course started.");
  else if (*agreed != '\0' && strcmp (agreed, today) > 0)
    agreed_message = _("The date agreed cannot be after today.");
  else if (*agreed != '\0' && *g_strstrip (g_strdup (text)) == '\0')
    agreed_message = _("Write the formulation the client agreed before giving the date.");
  if (!g_utf8_validate (text, -1, NULL))
    formulation_message = _("The formulation is not valid text.");

  if (gtk_widget_get_visible (self->stage_box)
      && gtk_drop_down_get_selected (self->stage_dropdown) != IPT_DISPUTE_STAGE_NONE)
    {
      IptDisputeStageChange change = {
        gtk_spin_button_get_value_as_int (self->stage_session_spin),
        gtk_drop_down_get_selected (self->stage_dropdown),
      };
      g_autoptr(GError) error = NULL;

      if (!ipt_dispute_stage_change_validate (&change, &error))
        {
          stage_message = NULL;
          _ipt_show_field_error (self->stage_error, GTK_WIDGET (self->stage_session_spin),
                                 error->message);
          valid = FALSE;
        }
      else
        _ipt_show_field_error (self->stage_error, GTK_WIDGET (self->stage_session_spin), NULL);
    }
  else
    _ipt_show_field_error (self->stage_error, GTK_WIDGET (self->stage_session_spin), stage_message);

  _ipt_show_field_error (self->agreed_error, GTK_WIDGET (self->agreed_entry), agreed_message);
  _ipt_show_field_error (self->formulation_error, GTK_WIDGET (self->formulation_view),
                         formulation_message);
  valid = valid && agreed_message == NULL && formulation_message == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation-form.save", valid);
  return valid;
}

static void
on_input_changed (IptFormulationForm *self)
{
  _ipt_show_field_error (self->store_error, NULL, NULL);
  validate (self);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptFormulationForm *self = IPT_FORMULATION_FORM (widget);
  gint64 episode_id = ipt_episode_get_id (self->episode);
  g_autofree char *text = formulation_text (self);
  g_autofree char *agreed = date_text (self->agreed_entry);
  gboolean us_wording = ipt_preferences_get_us_focus_names (ipt_preferences_get_default ());
  g_autoptr(GError) error = NULL;

  if (!validate (self))
    return;

  /* The focus fields, a stage change and the formulation: one step, all or none. */
  if (!ipt_store_begin (self->store, &error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      g_autoptr(IptFocusFields) fields = NULL;

      if (section_focus (&self->sections[i]) == IPT_FOCUS_NONE)
        continue;
      fields = section_fields (self, &self->sections[i]);
      if (!ipt_store_save_focus_fields (self->store, fields, us_wording, &error))
        goto rollback;
    }
  if (gtk_widget_get_visible (self->stage_box)
      && gtk_drop_down_get_selected (self->stage_dropdown) != IPT_DISPUTE_STAGE_NONE)
    {
      IptDisputeStageChange change = {
        gtk_spin_button_get_value_as_int (self->stage_session_spin),
        gtk_drop_down_get_selected (self->stage_dropdown),
      };

      if (!ipt_store_record_dispute_stage (self->store, episode_id, FALSE, &change, &error))
        goto rollback;
    }
  if (!ipt_store_save_formulation (self->store, episode_id, *g_strstrip (text) != '\0' ? text : NULL,
                                   *agreed != '\0' ? agreed : NULL, &error))
    goto rollback;
  if (!ipt_store_commit (self->store, &error))
    goto rollback;

  ipt_form_window_saved (IPT_FORM_WINDOW (self), episode_id);
  return;

rollback:
  ipt_store_rollback (self->store);
fail:
  _ipt_show_field_error (self->store_error, NULL, error->message);
}

static char *
form_state (IptFormWindow *form)
{
  IptFormulationForm *self = IPT_FORMULATION_FORM (form);
  g_autofree char *text = formulation_text (self);
  GString *state = g_string_new (text);

  g_autofree char *agreed = date_text (self->agreed_entry);

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      FocusSection *section = &self->sections[i];
      g_autofree char *date = date_text (section->date_entry);

      g_string_append_printf (state, "\x1f%u\x1f%s\x1f%s\x1f%s",
                              gtk_drop_down_get_selected (section->person_dropdown), date,
                              gtk_editable_get_text (GTK_EDITABLE (section->old_role_entry)),
                              gtk_editable_get_text (GTK_EDITABLE (section->new_role_entry)));
    }
  g_string_append_printf (state, "\x1f%s\x1f%d\x1f%u", agreed,
                          gtk_spin_button_get_value_as_int (self->stage_session_spin),
                          gtk_drop_down_get_selected (self->stage_dropdown));
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return _("Discard your changes to the focus and formulation?");
}

/* Sections */

static GtkWidget *
field_label (const char *text,
             GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_widget_set_size_request (label, 140, -1);
  return label;
}

static GtkLabel *
error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static GtkWidget *
row (GtkWidget *label,
     GtkWidget *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_hexpand (field, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), field);
  return box;
}

static void
build_section (IptFormulationForm *self,
               FocusSection       *section,
               GtkBox             *parent,
               GtkStringList      *people,
               gboolean            us_wording)
{
  IptFocus focus = section_focus (section);
  gboolean secondary = ipt_focus_fields_get_secondary (section->fields);
  const char *date = ipt_focus_fields_get_date (section->fields);
  const char *old_role = ipt_focus_fields_get_old_role (section->fields);
  const char *new_role = ipt_focus_fields_get_new_role (section->fields);
  g_autofree char *title = NULL;
  GtkWidget *roles_box;

  section->box = GTK_WIDGET (parent);
  if (focus == IPT_FOCUS_NONE)
    title = g_strdup (secondary ? _("No secondary focus") : _("No focus chosen yet: choose it in the course contract."));
  else
    /* TRANSLATORS: heading of a focus's fields: "Focus: Role dispute", "Secondary focus: Grief" */
    title = g_strdup_printf (secondary ? _("Secondary focus: %s") : _("Focus: %s"),
                             ipt_focus_to_label (focus, us_wording));
  section->title = GTK_LABEL (gtk_label_new (title));
  gtk_label_set_xalign (section->title, 0);
  gtk_label_set_wrap (section->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (section->title), "heading");
  gtk_box_append (parent, GTK_WIDGET (section->title));

  section->person_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (people)), NULL));
  section->person_label = GTK_LABEL (field_label (focus == IPT_FOCUS_GRIEF ? _("_Person who died")
                                                  : _("_Other person"),
                                                  GTK_WIDGET (section->person_dropdown)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->person_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  focus == IPT_FOCUS_GRIEF ? _("Person who died") : _("Other person"),
                                  -1);
  section->person_row = row (GTK_WIDGET (section->person_label), GTK_WIDGET (section->person_dropdown));
  gtk_box_append (parent, section->person_row);
  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == ipt_focus_fields_get_person_id (section->fields))
      gtk_drop_down_set_selected (section->person_dropdown, i);

  section->date_entry = GTK_ENTRY (gtk_entry_new ());
  _ipt_date_entry_add_calendar (section->date_entry);
  gtk_entry_set_max_length (section->date_entry, 20);
  _ipt_date_entry_set_iso (section->date_entry, date);
  section->date_label = GTK_LABEL (field_label (focus == IPT_FOCUS_GRIEF ? _("Date of _death")
                                                : _("Date of the _change"),
                                                GTK_WIDGET (section->date_entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  focus == IPT_FOCUS_GRIEF ? _("Date of death") : _("Date of the change"),
                                  -1);
  section->date_row = row (GTK_WIDGET (section->date_label), GTK_WIDGET (section->date_entry));
  gtk_box_append (parent, section->date_row);
  section->date_error = error_label ();
  gtk_box_append (parent, GTK_WIDGET (section->date_error));

  roles_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  section->old_role_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (section->old_role_entry, _("Full-time nurse"));
  gtk_editable_set_text (GTK_EDITABLE (section->old_role_entry), old_role != NULL ? old_role : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->old_role_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Old role"), -1);
  gtk_box_append (GTK_BOX (roles_box), row (field_label (_("O_ld role"), GTK_WIDGET (section->old_role_entry)),
                                            GTK_WIDGET (section->old_role_entry)));
  section->new_role_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (section->new_role_entry, _("Retired"));
  gtk_editable_set_text (GTK_EDITABLE (section->new_role_entry), new_role != NULL ? new_role : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->new_role_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New role"), -1);
  gtk_box_append (GTK_BOX (roles_box), row (field_label (_("Ne_w role"), GTK_WIDGET (section->new_role_entry)),
                                            GTK_WIDGET (section->new_role_entry)));
  section->roles_row = roles_box;
  gtk_box_append (parent, roles_box);

  section->error = error_label ();
  gtk_box_append (parent, GTK_WIDGET (section->error));

  gtk_widget_set_visible (section->person_row, focus == IPT_FOCUS_GRIEF || focus == IPT_FOCUS_ROLE_DISPUTE);
  gtk_widget_set_visible (section->date_row, focus == IPT_FOCUS_GRIEF || focus == IPT_FOCUS_ROLE_TRANSITION);
  gtk_widget_set_visible (section->roles_row, focus == IPT_FOCUS_ROLE_TRANSITION);

  g_signal_connect_object (section->person_dropdown, "notify::selected",
                           G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (section->date_entry, "changed", G_CALLBACK (on_input_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (section->old_role_entry, "changed", G_CALLBACK (on_input_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (section->new_role_entry, "changed", G_CALLBACK (on_input_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
ipt_formulation_form_dispose (GObject *object)
{
  IptFormulationForm *self = IPT_FORMULATION_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_FORMULATION_FORM);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_clear_object (&self->sections[i].fields);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_object (&self->episode);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_formulation_form_parent_class)->dispose (object);
}

static void
ipt_formulation_form_class_init (IptFormulationFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_formulation_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-formulation-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, primary_box);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, secondary_box);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, stage_box);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, stage_session_spin);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, stage_error);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, formulation_view);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, formulation_error);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, agreed_entry);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, agreed_error);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);

  gtk_widget_class_install_action (widget_class, "formulation-form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "formulation-form.save", NULL);
}

static void
ipt_formulation_form_init (IptFormulationForm *self)
{
  g_autofree char *format = ipt_date_format_pattern ();
  g_autofree char *placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  _ipt_date_entry_add_calendar (self->agreed_entry);
  /* TRANSLATORS: the placeholder of the date the formulation was agreed; %s is the format of a
   * date to type (DD.MM.YYYY) */
  placeholder = g_strdup_printf (_("%s, empty: not yet"), format);
  gtk_entry_set_placeholder_text (self->agreed_entry, placeholder);

  g_signal_connect_object (gtk_text_view_get_buffer (self->formulation_view), "changed",
                           G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
}

IptFormulationForm *
ipt_formulation_form_new (GtkWindow  *parent,
                          IptStore   *store,
                          IptClient  *client,
                          IptEpisode *episode)
{
  IptFormulationForm *self;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gboolean us_wording = ipt_preferences_get_us_focus_names (ipt_preferences_get_default ());
  const char *formulation = ipt_episode_get_formulation (episode);
  const char *agreed = ipt_episode_get_agreed_on (episode);
  gint64 none = 0;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (IPT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), NULL);

  self = g_object_new (IPT_TYPE_FORMULATION_FORM,
                       "transient-for", parent,
                       "title", _("Focus and Formulation"),
                       NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->episode = g_object_ref (episode);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  /* What cannot be read is said below the form, and Save stays off. */
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  names = gtk_string_list_new (NULL);
  g_array_append_val (self->person_ids, none);
  /* TRANSLATORS: no person chosen for a focus */
  gtk_string_list_append (names, _("Not chosen"));
  people = ipt_store_list_people (store, ipt_client_get_id (client), &error);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (people, i);
      const char *relationship = ipt_person_get_relationship (person);
      gint64 id = ipt_person_get_id (person);
      g_autofree char *text = relationship != NULL && *relationship != '\0'
        /* TRANSLATORS: a person of the inventory and their relationship: "Jamie, partner" */
        ? g_strdup_printf (_("%s, %s"), ipt_person_get_name (person), relationship)
        : g_strdup (ipt_person_get_name (person));

      g_array_append_val (self->person_ids, id);
      gtk_string_list_append (names, text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->sections) && error == NULL; i++)
    {
      self->sections[i].fields = ipt_store_get_focus_fields (store, ipt_episode_get_id (episode),
                                                             i == 1, &error);
      if (self->sections[i].fields == NULL)
        break;
      build_section (self, &self->sections[i], i == 0 ? self->primary_box : self->secondary_box,
                     names, us_wording);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    if (self->sections[i].fields == NULL)
      {
        self->sections[i].fields = ipt_focus_fields_new (ipt_episode_get_id (episode), i == 1,
                                                         IPT_FOCUS_NONE);
        build_section (self, &self->sections[i], i == 0 ? self->primary_box : self->secondary_box,
                       names, us_wording);
      }

  gtk_widget_set_visible (self->stage_box,
                          section_focus (&self->sections[0]) == IPT_FOCUS_ROLE_DISPUTE);
  if (error == NULL && section_focus (&self->sections[0]) == IPT_FOCUS_ROLE_DISPUTE)
    {
      /* A change of stage is most often seen at the latest session. */
      g_autoptr(GPtrArray) sessions = ipt_store_list_sessions (store, ipt_episode_get_id (episode),
                                                               &error);

      if (sessions != NULL && sessions->len > 0)
        gtk_spin_button_set_value (self->stage_session_spin,
                                   ipt_session_get_number (g_ptr_array_index (sessions,
                                                                              sessions->len - 1)));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->formulation_view),
                            formulation != NULL ? formulation : "", -1);
  _ipt_date_entry_set_iso (self->agreed_entry, agreed);

  validate (self);
  if (error != NULL)
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation-form.save", FALSE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->formulation_view));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

gboolean
ipt_formulation_form_get_can_save (IptFormulationForm *self)
{
  g_return_val_if_fail (IPT_IS_FORMULATION_FORM (self), FALSE);

  return validate (self);
}

void
ipt_formulation_form_set_person (IptFormulationForm *self,
                                 gboolean            secondary,
                                 gint64              person_id)
{
  FocusSection *section;

  g_return_if_fail (IPT_IS_FORMULATION_FORM (self));

  section = &self->sections[secondary ? 1 : 0];
  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      {
        gtk_drop_down_set_selected (section->person_dropdown, i);
        return;
      }
  g_return_if_reached ();
}

void
ipt_formulation_form_set_date (IptFormulationForm *self,
                               gboolean            secondary,
                               const char         *date)
{
  g_return_if_fail (IPT_IS_FORMULATION_FORM (self));
  g_return_if_fail (date != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->sections[secondary ? 1 : 0].date_entry), date);
}

const char *
ipt_formulation_form_get_date_error (IptFormulationForm *self,
                                     gboolean            secondary)
{
  GtkLabel *label;

  g_return_val_if_fail (IPT_IS_FORMULATION_FORM (self), NULL);

  label = self->sections[secondary ? 1 : 0].date_error;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

void
ipt_formulation_form_set_formulation (IptFormulationForm *self,
                                      const char         *text)
{
  g_return_if_fail (IPT_IS_FORMULATION_FORM (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->formulation_view), text, -1);
}

void
ipt_formulation_form_set_stage_change (IptFormulationForm *self,
                                       guint               session_number,
                                       IptDisputeStage     stage)
{
  g_return_if_fail (IPT_IS_FORMULATION_FORM (self));

  gtk_spin_button_set_value (self->stage_session_spin, session_number);
  gtk_drop_down_set_selected (self->stage_dropdown, stage);
}
