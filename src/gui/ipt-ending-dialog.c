/* Ending a course: end date, reason, the relapse-prevention plan, maintenance offered. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-ending-dialog.h"

#include <glib/gi18n.h>

#include "ipt-date-format.h"
#include "ipt-gui-private.h"
#include "ipt-store-casework.h"

struct _IptEndingDialog
{
  IptFormWindow   parent_instance;

  IptStore       *store;
  IptEpisode     *episode;
  GtkTextView    *text_views[IPT_ENDING_N_TEXTS];

  GtkLabel       *course_label;
  GtkEntry       *end_entry;
  GtkLabel       *end_error;
  GtkDropDown    *reason_dropdown;
  GtkLabel       *reason_hint;
  GtkBox         *plan_box;
  GtkLabel       *plan_error;
  GtkCheckButton *maintenance_check;
  GtkLabel       *outcome_label;
  GtkLabel       *outcome_rule_label;
  GtkLabel       *store_error;
  GtkWidget      *save_button;

  /* The course's latest session, which the end date may not come before. */
  char           *last_date;
  guint           last_number;
};

G_DEFINE_FINAL_TYPE (IptEndingDialog, ipt_ending_dialog, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static IptEndReason
selected_reason (IptEndingDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->reason_dropdown);

  return selected <= IPT_END_REASON_REFERRED_ON ? (IptEndReason) selected
                                                : IPT_END_REASON_COMPLETED;
}

static IptCourseEnding *
make_ending (IptEndingDialog *self)
{
  g_autofree char *date = _ipt_date_entry_get_iso (self->end_entry);
  IptCourseEnding *ending;

  g_strstrip (date);
  ending = ipt_course_ending_new (ipt_episode_get_id (self->episode), date,
                                  selected_reason (self));
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    {
      g_autofree char *text = view_text (self->text_views[i]);

      ipt_course_ending_set_text (ending, i, text);
    }
  ipt_course_ending_set_maintenance_offered (ending,
                                             gtk_check_button_get_active (self->maintenance_check));
  return ending;
}

static void
find_last_session (IptEndingDialog *self)
{
  g_autoptr(GPtrArray) sessions = NULL;

  /* Unread, the store still refuses on saving: its message then shows at the foot. */
  sessions = ipt_store_list_sessions (self->store, ipt_episode_get_id (self->episode), NULL);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      const char *date = ipt_session_get_date (session);

      if (ipt_date_is_valid (date) && g_strcmp0 (date, self->last_date) > 0)
        {
          g_free (self->last_date);
          self->last_date = g_strdup (date);
          self->last_number = ipt_session_get_number (session);
        }
    }
}

static gboolean
validate (IptEndingDialog *self)
{
  g_autoptr(IptCourseEnding) ending = NULL;
  g_autoptr(IptCourseEnding) dated = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_shown = NULL;
  gboolean valid;

  /* The choices are filled in while the form is built, before it has its course. */
  if (self->episode == NULL)
    return FALSE;
  ending = make_ending (self);

  /* The date alone first, so that its message goes beside its field. */
  dated = ipt_course_ending_new (ipt_episode_get_id (self->episode),
                                 ipt_course_ending_get_end_date (ending), IPT_END_REASON_COMPLETED);
  ipt_course_ending_validate (dated, ipt_episode_get_start_date (self->episode), NULL, &date_error);
  if (date_error == NULL && self->last_date != NULL
      && g_strcmp0 (self->last_date, ipt_course_ending_get_end_date (ending)) > 0)
    {
      /* Said beside the date, with the way out when it is the session's date that is wrong. */
      last_shown = ipt_date_format_display (self->last_date);
      g_set_error (&date_error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   /* TRANSLATORS: %u is a session number, %s its date as the locale writes it */
                   _("Session %u is dated %s, after this end date. If that date is wrong, "
                     "correct it in the Sessions tab first."),
                   self->last_number, last_shown);
    }
  valid = date_error == NULL && ipt_course_ending_validate (ending, ipt_episode_get_start_date (self->episode), NULL,
                                      &error);

  _ipt_show_field_error (self->end_error, GTK_WIDGET (self->end_entry),
                         date_error != NULL ? date_error->message : NULL);
  _ipt_show_field_error (self->plan_error, NULL,
                         date_error == NULL && error != NULL ? error->message : NULL);
  /* Dropping out ends the course as "dropped out": maintenance follows only a completed or
   * referred course. */
  gtk_widget_set_visible (GTK_WIDGET (self->reason_hint),
                          selected_reason (self) == IPT_END_REASON_DROPPED_OUT);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ending.save", valid);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
  return valid;
}

static void
on_entry_changed (GtkEditable     *editable,
                  IptEndingDialog *self)
{
  validate (self);
}

static void
on_reason_changed (GObject         *object,
                   GParamSpec      *pspec,
                   IptEndingDialog *self)
{
  validate (self);
}

static void
on_maintenance_toggled (GtkCheckButton  *button,
                        IptEndingDialog *self)
{
  validate (self);
}

static void
on_buffer_changed (GtkTextBuffer   *buffer,
                   IptEndingDialog *self)
{
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptEndingDialog *self = IPT_ENDING_DIALOG (widget);
  g_autoptr(IptCourseEnding) ending = NULL;
  g_autoptr(GError) error = NULL;

  if (!validate (self))
    return;

  ending = make_ending (self);
  if (!ipt_store_end_course (self->store, ending, &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_episode_get_id (self->episode));
}

static char *
form_state (IptFormWindow *form)
{
  IptEndingDialog *self = IPT_ENDING_DIALOG (form);
  g_autofree char *end_date = _ipt_date_entry_get_iso (self->end_entry);
  GString *state = g_string_new (end_date);

  g_string_append_printf (state, "\x1f%u\x1f%d", gtk_drop_down_get_selected (self->reason_dropdown),
                          gtk_check_button_get_active (self->maintenance_check));
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    {
      g_autofree char *text = self->text_views[i] != NULL ? view_text (self->text_views[i]) : NULL;

      g_string_append_printf (state, "\x1f%s", text != NULL ? text : "");
    }
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return _("Discard this ending?");
}

static void
ipt_ending_dialog_dispose (GObject *object)
{
  IptEndingDialog *self = IPT_ENDING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_ENDING_DIALOG);
  g_clear_object (&self->episode);
  g_clear_object (&self->store);
  g_clear_pointer (&self->last_date, g_free);

  G_OBJECT_CLASS (ipt_ending_dialog_parent_class)->dispose (object);
}

static void
ipt_ending_dialog_class_init (IptEndingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_ending_dialog_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-ending-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, course_label);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, end_entry);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, end_error);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, reason_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, reason_hint);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, plan_box);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, plan_error);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, maintenance_check);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, outcome_rule_label);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptEndingDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_maintenance_toggled);

  gtk_widget_class_install_action (widget_class, "ending.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "ending.save", NULL);
}

/* One labelled text view per part of the plan, in the model's order. */
static void
build_plan (IptEndingDialog *self)
{
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    {
      const char *label_text = ipt_ending_text_to_label (i);
      GtkWidget *label = gtk_label_new (label_text);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
      gtk_widget_set_margin_top (label, i > 0 ? 6 : 0);

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_name (view, ipt_ending_text_to_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);

      gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 64);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

      gtk_box_append (self->plan_box, label);
      gtk_box_append (self->plan_box, scrolled);
      self->text_views[i] = GTK_TEXT_VIEW (view);
    }
}

static void
ipt_ending_dialog_init (IptEndingDialog *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->end_entry);

  for (guint i = IPT_END_REASON_COMPLETED; i <= IPT_END_REASON_REFERRED_ON; i++)
    gtk_string_list_append (reasons, ipt_end_reason_to_label (i));
  gtk_drop_down_set_model (self->reason_dropdown, G_LIST_MODEL (reasons));
  build_plan (self);
}

IptEndingDialog *
ipt_ending_dialog_new (GtkWindow        *parent,
                       IptStore         *store,
                       IptEpisode       *episode,
                       const IptOutcome *outcome)
{
  IptEndingDialog *self;
  g_autofree char *today = _ipt_today ();
  g_autofree char *course = NULL;
  g_autofree char *started = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), NULL);

  self = g_object_new (IPT_TYPE_ENDING_DIALOG,
                       "transient-for", parent,
                       "title", _("End Course"),
                       NULL);
  self->store = g_object_ref (store);
  self->episode = g_object_ref (episode);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  find_last_session (self);

  /* TRANSLATORS: "Course 2, started 2026-03-02" */
  started = ipt_date_format_display (ipt_episode_get_start_date (episode));
  course = g_strdup_printf (_("Course %u, started %s"), ipt_episode_get_ordinal (episode),
                            started);
  gtk_label_set_label (self->course_label, course);
  _ipt_date_entry_set_iso (self->end_entry, today);
  gtk_drop_down_set_selected (self->reason_dropdown, IPT_END_REASON_COMPLETED);

  if (outcome != NULL)
    {
      gtk_label_set_label (self->outcome_label, ipt_outcome_category_to_label (outcome->category));
      gtk_label_set_label (self->outcome_rule_label, outcome->rule != NULL ? outcome->rule : "");
    }
  else
    {
      gtk_label_set_label (self->outcome_label,
                           ipt_outcome_category_to_label (IPT_OUTCOME_INSUFFICIENT_DATA));
    }

  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    g_signal_connect_object (gtk_text_view_get_buffer (self->text_views[i]), "changed",
                             G_CALLBACK (on_buffer_changed), self, 0);

  validate (self);
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_views[IPT_ENDING_WARNING_SIGNS]));
  return self;
}

gboolean
ipt_ending_dialog_get_can_save (IptEndingDialog *self)
{
  g_return_val_if_fail (IPT_IS_ENDING_DIALOG (self), FALSE);

  return validate (self);
}

void
ipt_ending_dialog_set_text (IptEndingDialog *self,
                            IptEndingText    field,
                            const char      *text)
{
  g_return_if_fail (IPT_IS_ENDING_DIALOG (self));
  g_return_if_fail ((guint) field < IPT_ENDING_N_TEXTS);
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_views[field]), text, -1);
}
