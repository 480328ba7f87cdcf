/* Adding or editing a goal agreed with the client: one short text. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-goal-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

struct _IptGoalForm
{
  IptFormWindow  parent_instance;

  IptStore      *store;
  gint64         episode_id;
  IptGoal       *goal;          /* NULL for a new goal */

  GtkEntry      *text_entry;
  GtkLabel      *text_error;
  GtkLabel      *store_error;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (IptGoalForm, ipt_goal_form, IPT_TYPE_FORM_WINDOW)

static char *
entered_text (IptGoalForm *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_entry))));
}

/* An empty goal is only pointed out on Save; the model's other rules as soon as they apply. */
static gboolean
validate (IptGoalForm *self,
          gboolean     show_empty)
{
  g_autofree char *text = entered_text (self);
  g_autoptr(IptGoal) probe = ipt_goal_new (self->episode_id, text);
  g_autoptr(GError) error = NULL;
  gboolean valid = ipt_goal_validate (probe, &error);

  _ipt_show_field_error (self->text_error, GTK_WIDGET (self->text_entry),
                         !valid && (show_empty || *text != '\0') ? error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.save", valid);
  return valid;
}

static void
on_text_changed (GtkEditable *editable,
                 IptGoalForm *self)
{
  _ipt_show_field_error (self->store_error, NULL, NULL);
  validate (self, FALSE);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptGoalForm *self = IPT_GOAL_FORM (widget);
  g_autofree char *text = entered_text (self);
  g_autoptr(IptGoal) goal = NULL;
  g_autoptr(GError) error = NULL;

  if (!validate (self, TRUE))
    return;

  /* A copy, so that a refused save leaves the goal shown as it was. */
  goal = ipt_goal_new (self->episode_id, text);
  if (self->goal != NULL)
    ipt_goal_set_id (goal, ipt_goal_get_id (self->goal));
  if (!ipt_store_save_goal (self->store, goal, &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }
  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_goal_get_id (goal));
}

static char *
form_state (IptFormWindow *form)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (IPT_GOAL_FORM (form)->text_entry)));
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_GOAL_FORM (form)->goal == NULL ? _("Discard this goal?")
                                            : _("Discard your changes to this goal?");
}

static void
ipt_goal_form_dispose (GObject *object)
{
  IptGoalForm *self = IPT_GOAL_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_GOAL_FORM);
  g_clear_object (&self->goal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_goal_form_parent_class)->dispose (object);
}

static void
ipt_goal_form_class_init (IptGoalFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_goal_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-goal-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptGoalForm, text_entry);
  gtk_widget_class_bind_template_child (widget_class, IptGoalForm, text_error);
  gtk_widget_class_bind_template_child (widget_class, IptGoalForm, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptGoalForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);

  gtk_widget_class_install_action (widget_class, "goal.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "goal.save", NULL);
}

static void
ipt_goal_form_init (IptGoalForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IptGoalForm *
ipt_goal_form_new (GtkWindow *parent,
                   IptStore  *store,
                   gint64     episode_id,
                   IptGoal   *goal)
{
  IptGoalForm *self;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (episode_id > 0, NULL);
  g_return_val_if_fail (goal == NULL || IPT_IS_GOAL (goal), NULL);

  self = g_object_new (IPT_TYPE_GOAL_FORM,
                       "transient-for", parent,
                       "title", goal != NULL ? _("Edit Goal") : _("New Goal"),
                       NULL);
  self->store = g_object_ref (store);
  self->episode_id = episode_id;
  self->goal = goal != NULL ? g_object_ref (goal) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  if (goal != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->text_entry), ipt_goal_get_text (goal));
  validate (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

gboolean
ipt_goal_form_get_can_save (IptGoalForm *self)
{
  g_return_val_if_fail (IPT_IS_GOAL_FORM (self), FALSE);

  return validate (self, FALSE);
}
