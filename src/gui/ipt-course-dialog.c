/* Starting a course of IPT or editing its contract: sessions, phases, focus. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-course-dialog.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-preferences.h"

#define N_FOCUS (IPT_FOCUS_INTERPERSONAL_SENSITIVITY + 1)

struct _IptCourseDialog
{
  IptFormWindow   parent_instance;

  IptStore       *store;
  gint64          client_id;
  IptEpisode     *episode;          /* NULL for a new course */
  GtkCheckButton *focus_buttons[N_FOCUS];

  GtkEntry       *start_entry;
  GtkLabel       *start_error;
  GtkSpinButton  *planned_spin;
  GtkSpinButton  *assessment_spin;
  GtkSpinButton  *middle_spin;
  GtkLabel       *phases_label;
  GtkLabel       *contract_error;
  GtkBox         *focus_box;
  GtkWidget      *stage_box;
  GtkDropDown    *stage_dropdown;
  GtkDropDown    *secondary_dropdown;
  GtkLabel       *focus_error;
  GtkWidget      *save_button;
};

G_DEFINE_FINAL_TYPE (IptCourseDialog, ipt_course_dialog, IPT_TYPE_FORM_WINDOW)

static IptFocus
selected_focus (IptCourseDialog *self)
{
  for (guint i = 0; i < N_FOCUS; i++)
    if (gtk_check_button_get_active (self->focus_buttons[i]))
      return (IptFocus) i;
  return IPT_FOCUS_NONE;
}

/* Writes the fields into episode; with_focus FALSE leaves the focus fields empty. */
static void
fill_episode (IptCourseDialog *self,
              IptEpisode      *episode,
              gboolean         with_focus)
{
  IptFocus focus = with_focus ? selected_focus (self) : IPT_FOCUS_NONE;
  guint secondary = gtk_drop_down_get_selected (self->secondary_dropdown);
  g_autofree char *start = _ipt_date_entry_get_iso (self->start_entry);

  ipt_episode_set_start_date (episode, start);
  ipt_episode_set_planned_sessions (episode, gtk_spin_button_get_value_as_int (self->planned_spin));
  ipt_episode_set_assessment_end (episode, gtk_spin_button_get_value_as_int (self->assessment_spin));
  ipt_episode_set_middle_end (episode, gtk_spin_button_get_value_as_int (self->middle_spin));
  ipt_episode_set_focus (episode, focus);
  /* The stage is the latest change recorded at a session (Edit Focus and Formulation), with
   * its history: the contract shows it and keeps it as the store has it (episode is a fresh
   * copy), and a focus that is no longer a dispute has none. */
  if (!with_focus || focus != IPT_FOCUS_ROLE_DISPUTE)
    ipt_episode_set_dispute_stage (episode, IPT_DISPUTE_STAGE_NONE);
  ipt_episode_set_secondary_focus (episode,
                                   with_focus && secondary != GTK_INVALID_LIST_POSITION
                                   ? (IptFocus) secondary : IPT_FOCUS_NONE);
}

static void
update_phases_label (IptCourseDialog *self)
{
  int planned = gtk_spin_button_get_value_as_int (self->planned_spin);
  int assessment = gtk_spin_button_get_value_as_int (self->assessment_spin);
  int middle = gtk_spin_button_get_value_as_int (self->middle_spin);
  g_autofree char *text = NULL;

  if (assessment < middle && middle < planned)
    /* TRANSLATORS: the sessions of each phase, e.g. "Assessment 1–4 · Middle 5–12 · End 13–16" */
    text = g_strdup_printf (_("Assessment 1–%d · Middle %d–%d · End %d–%d"),
                            assessment, assessment + 1, middle, middle + 1, planned);
  gtk_label_set_label (self->phases_label, text != NULL ? text : "");
}

static gboolean
validate (IptCourseDialog *self)
{
  g_autoptr(IptEpisode) contract = ipt_episode_new (self->client_id, "2000-01-01", 16);
  g_autoptr(IptEpisode) whole = ipt_episode_new (self->client_id, "2000-01-01", 16);
  g_autoptr(GError) contract_error = NULL;
  g_autoptr(GError) focus_error = NULL;
  g_autofree char *start = _ipt_date_entry_get_iso (self->start_entry);
  gboolean start_ok = ipt_date_is_valid (start);
  gboolean contract_ok;
  gboolean focus_ok = TRUE;

  update_phases_label (self);

  fill_episode (self, contract, FALSE);
  contract_ok = ipt_episode_validate (contract, &contract_error);
  if (contract_ok)
    {
      fill_episode (self, whole, TRUE);
      focus_ok = ipt_episode_validate (whole, &focus_error);
    }

  _ipt_show_field_error (self->start_error, GTK_WIDGET (self->start_entry),
              !start_ok && contract_error != NULL ? contract_error->message : NULL);
  _ipt_show_field_error (self->contract_error, NULL,
              start_ok && contract_error != NULL ? contract_error->message : NULL);
  _ipt_show_field_error (self->focus_error, NULL, focus_error != NULL ? focus_error->message : NULL);

  gtk_widget_set_visible (self->stage_box, selected_focus (self) == IPT_FOCUS_ROLE_DISPUTE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "course.save", contract_ok && focus_ok);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
  return contract_ok && focus_ok;
}

static void
on_entry_changed (GtkEditable     *editable,
                  IptCourseDialog *self)
{
  validate (self);
}

static void
on_spin_changed (GtkSpinButton   *spin,
                 IptCourseDialog *self)
{
  validate (self);
}

static void
on_dropdown_changed (GObject         *object,
                     GParamSpec      *pspec,
                     IptCourseDialog *self)
{
  validate (self);
}

static void
on_planned_changed (GtkSpinButton   *spin,
                    IptCourseDialog *self)
{
  guint assessment;
  guint middle;
  guint planned = gtk_spin_button_get_value_as_int (spin);

  /* The phases follow the plan (the practitioner can then move them). */
  ipt_phase_default_boundaries (planned, &assessment, &middle);
  gtk_spin_button_set_range (self->assessment_spin, 1, planned - 1);
  gtk_spin_button_set_range (self->middle_spin, 2, planned - 1);
  gtk_spin_button_set_value (self->assessment_spin, assessment);
  gtk_spin_button_set_value (self->middle_spin, middle);
  validate (self);
}

static void
on_focus_toggled (GtkCheckButton  *button,
                  IptCourseDialog *self)
{
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptCourseDialog *self = IPT_COURSE_DIALOG (widget);
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!validate (self))
    return;

  if (self->episode != NULL)
    {
      /* Edit a fresh copy: a refused save leaves the shown course as it was. */
      episode = ipt_store_get_episode (self->store, ipt_episode_get_id (self->episode), &error);
      if (episode == NULL)
        goto failed;
      fill_episode (self, episode, TRUE);
      ok = ipt_store_update_episode (self->store, episode, &error);
    }
  else
    {
      g_autofree char *start = _ipt_date_entry_get_iso (self->start_entry);

      episode = ipt_episode_new (self->client_id, start,
                                 gtk_spin_button_get_value_as_int (self->planned_spin));
      fill_episode (self, episode, TRUE);
      ok = ipt_store_insert_episode (self->store, episode, &error);
    }

  if (!ok)
    goto failed;

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_episode_get_id (episode));
  return;

failed:
  _ipt_show_field_error (self->focus_error, NULL, error->message);
}

/* Everything the form holds, as text: differs from loaded_state when something was changed. */
static char *
form_state (IptFormWindow *form)
{
  IptCourseDialog *self = IPT_COURSE_DIALOG (form);
  g_autofree char *start = _ipt_date_entry_get_iso (self->start_entry);

  return g_strdup_printf ("%s\x1f%d\x1f%d\x1f%d\x1f%d\x1f%u\x1f%u", start,
                          gtk_spin_button_get_value_as_int (self->planned_spin),
                          gtk_spin_button_get_value_as_int (self->assessment_spin),
                          gtk_spin_button_get_value_as_int (self->middle_spin),
                          (int) selected_focus (self),
                          gtk_drop_down_get_selected (self->stage_dropdown),
                          gtk_drop_down_get_selected (self->secondary_dropdown));
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_COURSE_DIALOG (form)->episode == NULL ? _("Discard this new course?")
                                                   : _("Discard your changes to this contract?");
}

static void
ipt_course_dialog_dispose (GObject *object)
{
  IptCourseDialog *self = IPT_COURSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_COURSE_DIALOG);
  g_clear_object (&self->episode);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_course_dialog_parent_class)->dispose (object);
}

static void
ipt_course_dialog_class_init (IptCourseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_course_dialog_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-course-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, start_entry);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, start_error);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, planned_spin);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, assessment_spin);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, middle_spin);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, phases_label);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, contract_error);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, focus_box);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, stage_box);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, secondary_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, focus_error);
  gtk_widget_class_bind_template_child (widget_class, IptCourseDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_planned_changed);

  gtk_widget_class_install_action (widget_class, "course.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "course.save", NULL);
}

static void
ipt_course_dialog_init (IptCourseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->start_entry);
}

static void
build_choices (IptCourseDialog *self,
               gboolean         us_wording)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) secondary = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_FOCUS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *button;
      const char *label = i == IPT_FOCUS_NONE ? _("Not chosen yet")
                                              : ipt_focus_to_label ((IptFocus) i, us_wording);
      const char *description = i == IPT_FOCUS_NONE
        ? _("The focus is usually agreed with the client by the end of the assessment phase.")
        : ipt_focus_to_description ((IptFocus) i);
      GtkWidget *description_label = gtk_label_new (description);

      button = gtk_check_button_new_with_label (label);
      gtk_widget_set_name (button, ipt_focus_to_id ((IptFocus) i) != NULL
                                   ? ipt_focus_to_id ((IptFocus) i) : "none");
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), self->focus_buttons[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_focus_toggled), self, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      self->focus_buttons[i] = GTK_CHECK_BUTTON (button);

      gtk_label_set_wrap (GTK_LABEL (description_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (description_label), 0);
      gtk_widget_set_margin_start (description_label, 28);
      gtk_widget_add_css_class (description_label, "dim-label");
      gtk_widget_add_css_class (description_label, "caption");

      gtk_box_append (GTK_BOX (box), button);
      gtk_box_append (GTK_BOX (box), description_label);
      gtk_box_append (self->focus_box, box);

      gtk_string_list_append (secondary, i == IPT_FOCUS_NONE ? C_("secondary focus", "None") : label);
    }

  gtk_string_list_append (stages, C_("dispute stage", "Not assessed yet"));
  for (guint i = IPT_DISPUTE_STAGE_RENEGOTIATION; i <= IPT_DISPUTE_STAGE_DISSOLUTION; i++)
    gtk_string_list_append (stages, ipt_dispute_stage_to_label ((IptDisputeStage) i));

  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  gtk_drop_down_set_model (self->secondary_dropdown, G_LIST_MODEL (secondary));
}

IptCourseDialog *
ipt_course_dialog_new (GtkWindow  *parent,
                       IptStore   *store,
                       gint64      client_id,
                       IptEpisode *episode)
{
  IptPreferences *preferences = ipt_preferences_get_default ();
  IptCourseDialog *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (episode == NULL || IPT_IS_EPISODE (episode), NULL);

  self = g_object_new (IPT_TYPE_COURSE_DIALOG,
                       "transient-for", parent,
                       "title", episode != NULL ? _("Course Contract") : _("New Course"),
                       NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->episode = episode != NULL ? g_object_ref (episode) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  build_choices (self, ipt_preferences_get_us_focus_names (preferences));

  if (episode != NULL)
    {
      guint planned = ipt_episode_get_planned_sessions (episode);

      _ipt_date_entry_set_iso (self->start_entry, ipt_episode_get_start_date (episode));
      gtk_spin_button_set_value (self->planned_spin, planned);
      gtk_spin_button_set_range (self->assessment_spin, 1, planned - 1);
      gtk_spin_button_set_range (self->middle_spin, 2, planned - 1);
      gtk_spin_button_set_value (self->assessment_spin, ipt_episode_get_assessment_end (episode));
      gtk_spin_button_set_value (self->middle_spin, ipt_episode_get_middle_end (episode));
      gtk_check_button_set_active (self->focus_buttons[ipt_episode_get_focus (episode)], TRUE);
      {
        /* the current stage as the store has it now, not as the page last read it */
        g_autoptr(IptEpisode) fresh = ipt_store_get_episode (store, ipt_episode_get_id (episode), NULL);

        gtk_drop_down_set_selected (self->stage_dropdown,
                                    ipt_episode_get_dispute_stage (fresh != NULL ? fresh : episode));
      }
      gtk_drop_down_set_selected (self->secondary_dropdown, ipt_episode_get_secondary_focus (episode));
    }
  else
    {
      today = _ipt_today ();
      _ipt_date_entry_set_iso (self->start_entry, today);
      gtk_check_button_set_active (self->focus_buttons[IPT_FOCUS_NONE], TRUE);
      gtk_spin_button_set_value (self->planned_spin,
                                 ipt_preferences_get_planned_sessions (preferences));
      /* The spin may already hold that value: set the phases from the plan in any case. */
      on_planned_changed (self->planned_spin, self);
    }

  validate (self);
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

gboolean
ipt_course_dialog_get_can_save (IptCourseDialog *self)
{
  g_return_val_if_fail (IPT_IS_COURSE_DIALOG (self), FALSE);

  return validate (self);
}

void
ipt_course_dialog_set_focus (IptCourseDialog *self,
                             IptFocus         focus)
{
  g_return_if_fail (IPT_IS_COURSE_DIALOG (self));
  g_return_if_fail ((guint) focus < N_FOCUS);

  gtk_check_button_set_active (self->focus_buttons[focus], TRUE);
}
