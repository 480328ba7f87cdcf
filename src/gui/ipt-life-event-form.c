/* Adding or editing a life event on a client's timeline: date, title, impact on mood from -5
 * to +5 and, optionally, the person of the inventory it concerns. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-life-event-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

struct _IptLifeEventForm
{
  IptFormWindow  parent_instance;

  IptStore      *store;
  gint64         client_id;
  IptLifeEvent  *event;          /* NULL for a new event */
  GArray        *person_ids;     /* gint64 by position in the person list; 0 first: nobody */

  GtkEntry      *date_entry;
  GtkLabel      *date_error;
  GtkEntry      *title_entry;
  GtkLabel      *title_error;
  GtkSpinButton *impact_spin;
  GtkLabel      *impact_error;
  GtkDropDown   *person_dropdown;
  GtkLabel      *store_error;
  GtkWidget     *save_button;

  /* An impact typed outside the scale: kept as typed and refused, not clamped. */
  gboolean       impact_refused;
  int            impact_typed;
};

G_DEFINE_FINAL_TYPE (IptLifeEventForm, ipt_life_event_form, IPT_TYPE_FORM_WINDOW)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
fill_event (IptLifeEventForm *self,
            IptLifeEvent     *event)
{
  g_autofree char *date = g_strstrip (_ipt_date_entry_get_iso (self->date_entry));
  g_autofree char *title = entry_text (self->title_entry);
  guint position = gtk_drop_down_get_selected (self->person_dropdown);

  ipt_life_event_set_client_id (event, self->client_id);
  ipt_life_event_set_date (event, date);
  ipt_life_event_set_title (event, title);
  ipt_life_event_set_impact (event, self->impact_refused
                                    ? self->impact_typed
                                    : gtk_spin_button_get_value_as_int (self->impact_spin));
  ipt_life_event_set_person_id (event, position < self->person_ids->len
                                       ? g_array_index (self->person_ids, gint64, position) : 0);
}

/* The model's check of one field: an event valid but for that field. */
static char *
check_field (IptLifeEventForm *self,
             const char       *date,
             const char       *title,
             int               impact)
{
  g_autoptr(IptLifeEvent) probe = ipt_life_event_new (self->client_id, date, title, impact);
  g_autoptr(GError) error = NULL;

  if (ipt_life_event_validate (probe, &error))
    return NULL;
  return g_strdup (error->message);
}

/* An empty title is only pointed out once Save is tried. */
static gboolean
validate (IptLifeEventForm *self,
          gboolean          show_empty)
{
  g_autoptr(IptLifeEvent) whole = ipt_life_event_new (self->client_id, NULL, NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *date_message = NULL;
  g_autofree char *title_message = NULL;
  g_autofree char *impact_message = NULL;
  gboolean valid;

  fill_event (self, whole);
  date_message = check_field (self, ipt_life_event_get_date (whole), "-", 0);
  if (show_empty || *ipt_life_event_get_title (whole) != '\0')
    title_message = check_field (self, "2000-01-01", ipt_life_event_get_title (whole), 0);
  impact_message = check_field (self, "2000-01-01", "-", ipt_life_event_get_impact (whole));

  _ipt_show_field_error (self->date_error, GTK_WIDGET (self->date_entry), date_message);
  _ipt_show_field_error (self->title_error, GTK_WIDGET (self->title_entry), title_message);
  _ipt_show_field_error (self->impact_error, GTK_WIDGET (self->impact_spin), impact_message);

  valid = ipt_life_event_validate (whole, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "life-event.save", valid);
  return valid;
}

static void
on_input_changed (IptLifeEventForm *self)
{
  _ipt_show_field_error (self->store_error, NULL, NULL);
  validate (self, FALSE);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

/* The spin button would clamp −9 to −5 without a word: a whole number outside the scale is
 * kept as typed instead, the value left as it was, and validate () names it beside the field. */
static int
on_impact_input (GtkSpinButton    *spin,
                 double           *new_value,
                 IptLifeEventForm *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  const char *number = text;
  gboolean was_refused = self->impact_refused;
  gint64 typed;

  self->impact_refused = FALSE;
  if (*number == '+')
    number++;
  if (!g_ascii_string_to_signed (number, 10, G_MININT, G_MAXINT, &typed, NULL)
      || (typed >= IPT_LIFE_EVENT_IMPACT_MIN && typed <= IPT_LIFE_EVENT_IMPACT_MAX))
    {
      /* Corrected to the value it already had: no change to tell of otherwise. */
      if (was_refused)
        on_input_changed (self);
      return FALSE;
    }

  self->impact_refused = TRUE;
  self->impact_typed = (int) typed;
  *new_value = gtk_spin_button_get_value (spin);
  /* The value does not change, so nothing else tells the form. */
  on_input_changed (self);
  return TRUE;
}

static gboolean
on_impact_output (GtkSpinButton    *spin,
                  IptLifeEventForm *self)
{
  /* TRUE leaves the refused text in the field for the person to correct. */
  return self->impact_refused;
}

static void
on_impact_changed (IptLifeEventForm *self)
{
  /* Arrows or a new number: the field shows the value again. */
  if (self->impact_refused)
    {
      g_autofree char *text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->impact_spin));

      self->impact_refused = FALSE;
      gtk_editable_set_text (GTK_EDITABLE (self->impact_spin), text);
    }
  on_input_changed (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptLifeEventForm *self = IPT_LIFE_EVENT_FORM (widget);
  g_autoptr(IptLifeEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  /* Ctrl+S while the impact is still being typed: what was typed is checked first. */
  gtk_spin_button_update (self->impact_spin);
  if (!validate (self, TRUE))
    return;

  /* A copy, so that a refused save leaves the event shown as it was. */
  event = ipt_life_event_new (self->client_id, NULL, NULL, 0);
  if (self->event != NULL)
    ipt_life_event_set_id (event, ipt_life_event_get_id (self->event));
  fill_event (self, event);
  if (!ipt_store_save_life_event (self->store, event, &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }
  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_life_event_get_id (event));
}

static char *
form_state (IptFormWindow *form)
{
  IptLifeEventForm *self = IPT_LIFE_EVENT_FORM (form);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);

  return g_strdup_printf ("%s\x1f%s\x1f%d\x1f%u", date,
                          gtk_editable_get_text (GTK_EDITABLE (self->title_entry)),
                          gtk_spin_button_get_value_as_int (self->impact_spin),
                          gtk_drop_down_get_selected (self->person_dropdown));
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_LIFE_EVENT_FORM (form)->event == NULL ? _("Discard this life event?")
                                                   : _("Discard your changes to this life event?");
}

static void
ipt_life_event_form_dispose (GObject *object)
{
  IptLifeEventForm *self = IPT_LIFE_EVENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_LIFE_EVENT_FORM);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_object (&self->event);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_life_event_form_parent_class)->dispose (object);
}

static void
ipt_life_event_form_class_init (IptLifeEventFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_life_event_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-life-event-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, title_entry);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, title_error);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, impact_spin);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, impact_error);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptLifeEventForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_impact_changed);

  gtk_widget_class_install_action (widget_class, "life-event.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "life-event.save", NULL);
}

static void
ipt_life_event_form_init (IptLifeEventForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->date_entry);
  g_signal_connect (self->impact_spin, "input", G_CALLBACK (on_impact_input), self);
  g_signal_connect (self->impact_spin, "output", G_CALLBACK (on_impact_output), self);
}

IptLifeEventForm *
ipt_life_event_form_new (GtkWindow    *parent,
                         IptStore     *store,
                         gint64        client_id,
                         IptLifeEvent *event)
{
  IptLifeEventForm *self;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  gint64 nobody = 0;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);
  g_return_val_if_fail (event == NULL || IPT_IS_LIFE_EVENT (event), NULL);

  self = g_object_new (IPT_TYPE_LIFE_EVENT_FORM,
                       "transient-for", parent,
                       "title", event != NULL ? _("Edit Life Event") : _("New Life Event"),
                       NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->event = event != NULL ? g_object_ref (event) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  names = gtk_string_list_new (NULL);
  g_array_append_val (self->person_ids, nobody);
  /* TRANSLATORS: a life event that concerns no one person of the inventory */
  gtk_string_list_append (names, _("Nobody in particular"));
  people = ipt_store_list_people (store, client_id, &error);
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
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));

  if (event != NULL)
    {
      _ipt_date_entry_set_iso (self->date_entry, ipt_life_event_get_date (event));
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), ipt_life_event_get_title (event));
      gtk_spin_button_set_value (self->impact_spin, ipt_life_event_get_impact (event));
      for (guint i = 0; i < self->person_ids->len; i++)
        if (g_array_index (self->person_ids, gint64, i) == ipt_life_event_get_person_id (event))
          gtk_drop_down_set_selected (self->person_dropdown, i);
    }
  else
    {
      today = _ipt_today ();
      _ipt_date_entry_set_iso (self->date_entry, today);
    }

  validate (self, FALSE);
  if (error != NULL)
    _ipt_show_field_error (self->store_error, NULL, error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

gboolean
ipt_life_event_form_get_can_save (IptLifeEventForm *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT_FORM (self), FALSE);

  return validate (self, FALSE);
}

void
ipt_life_event_form_set_person (IptLifeEventForm *self,
                                gint64            person_id)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT_FORM (self));

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      {
        gtk_drop_down_set_selected (self->person_dropdown, i);
        return;
      }
  g_return_if_reached ();
}
