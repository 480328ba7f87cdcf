/* Review mode: one entry of a case's supervision log. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-supervision-log-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

struct _IptSupervisionLogForm
{
  IptFormWindow  parent_instance;

  IptReview     *review;
  IptReviewCase *review_case;

  GtkLabel      *case_label;
  GtkEntry      *date_entry;
  GtkLabel      *date_error;
  GtkEntry      *sessions_entry;
  GtkLabel      *sessions_error;
  GtkSpinButton *recordings_spin;
  GtkTextView   *points_view;
  GtkLabel      *form_error;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (IptSupervisionLogForm, ipt_supervision_log_form, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
case_has_session (IptSupervisionLogForm *self,
                  guint                  number)
{
  for (guint i = 0; i < self->review_case->sessions->len; i++)
    if (g_array_index (self->review_case->sessions, IptReviewSession, i).number == number)
      return TRUE;
  return FALSE;
}

/* The entry as the form holds it; NULL (and the messages shown) when a field is wrong. */
static IptSupervisionEntry *
read_entry (IptSupervisionLogForm *self)
{
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);
  g_autofree char *date_hint = NULL;
  const char *sessions = gtk_editable_get_text (GTK_EDITABLE (self->sessions_entry));
  g_autofree char *points = view_text (self->points_view);
  g_autoptr(IptSupervisionEntry) entry = NULL;
  g_autofree char *sessions_message = NULL;
  const char *date_message = NULL;
  const guint *numbers;
  guint n_numbers = 0;

  g_strstrip (date);
  g_strstrip (points);
  entry = ipt_supervision_entry_new (self->review_case->episode_id, date);
  if (!ipt_date_is_valid (date))
    date_message = date_hint = _ipt_date_entry_format_message ();

  if (!ipt_supervision_entry_set_sessions_text (entry, sessions))
    sessions_message = g_strdup (_("List session numbers separated by commas, for example "
                                   "3, 4, 7."));
  numbers = ipt_supervision_entry_get_sessions (entry, &n_numbers);
  for (guint i = 0; sessions_message == NULL && i < n_numbers; i++)
    if (!case_has_session (self, numbers[i]))
      /* TRANSLATORS: %u is a session number the case does not have */
      sessions_message = g_strdup_printf (_("This case has no session %u."), numbers[i]);

  _ipt_show_field_error (self->date_error, GTK_WIDGET (self->date_entry), date_message);
  _ipt_show_field_error (self->sessions_error, GTK_WIDGET (self->sessions_entry),
                         sessions_message);
  if (date_message != NULL || sessions_message != NULL)
    return NULL;

  ipt_supervision_entry_set_recordings_reviewed (entry,
    (guint) gtk_spin_button_get_value_as_int (self->recordings_spin));
  ipt_supervision_entry_set_action_points (entry, points);
  return g_steal_pointer (&entry);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptSupervisionLogForm *self = IPT_SUPERVISION_LOG_FORM (widget);
  g_autoptr(IptSupervisionEntry) entry = read_entry (self);
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;
  if (!ipt_supervision_entry_validate (entry, &error)
      || !ipt_review_add_supervision_entry (self->review, entry, &error))
    {
      _ipt_show_field_error (self->form_error, NULL, error->message);
      return;
    }

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_supervision_entry_get_id (entry));
}

static void
on_changed (IptSupervisionLogForm *self)
{
  _ipt_show_field_error (self->form_error, NULL, NULL);
  _ipt_show_field_error (self->date_error, GTK_WIDGET (self->date_entry), NULL);
  _ipt_show_field_error (self->sessions_error, GTK_WIDGET (self->sessions_entry), NULL);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static char *
form_state (IptFormWindow *form)
{
  IptSupervisionLogForm *self = IPT_SUPERVISION_LOG_FORM (form);
  g_autofree char *points = view_text (self->points_view);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);

  return g_strdup_printf ("%s\x1f%s\x1f%d\x1f%s", date,
                          gtk_editable_get_text (GTK_EDITABLE (self->sessions_entry)),
                          gtk_spin_button_get_value_as_int (self->recordings_spin), points);
}

static const char *
discard_question (IptFormWindow *form)
{
  return _("Discard this supervision log entry?");
}

static void
ipt_supervision_log_form_dispose (GObject *object)
{
  IptSupervisionLogForm *self = IPT_SUPERVISION_LOG_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_SUPERVISION_LOG_FORM);
  g_clear_pointer (&self->review_case, ipt_review_case_unref);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (ipt_supervision_log_form_parent_class)->dispose (object);
}

static void
ipt_supervision_log_form_class_init (IptSupervisionLogFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_supervision_log_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-supervision-log-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, case_label);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, sessions_entry);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, sessions_error);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, recordings_spin);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, points_view);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, form_error);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionLogForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "log.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "log.save", NULL);
}

static void
ipt_supervision_log_form_init (IptSupervisionLogForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->date_entry);
  g_signal_connect_object (gtk_text_view_get_buffer (self->points_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

IptSupervisionLogForm *
ipt_supervision_log_form_new (GtkWindow     *parent,
                              IptReview     *review,
                              IptReviewCase *review_case)
{
  IptSupervisionLogForm *self;
  g_autofree char *title = NULL;
  g_autofree char *today = _ipt_today ();

  g_return_val_if_fail (IPT_IS_REVIEW (review), NULL);
  g_return_val_if_fail (review_case != NULL, NULL);

  /* TRANSLATORS: the log form's title; %s is a case code such as C-0042 */
  title = g_strdup_printf (_("Supervision Log of %s"), review_case->code);
  self = g_object_new (IPT_TYPE_SUPERVISION_LOG_FORM,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->review = g_object_ref (review);
  self->review_case = ipt_review_case_ref (review_case);
  gtk_label_set_text (self->case_label, review_case->progress_text);
  _ipt_date_entry_set_iso (self->date_entry, today);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

void
ipt_supervision_log_form_set_fields (IptSupervisionLogForm *self,
                                     const char            *date,
                                     const char            *sessions,
                                     int                    recordings,
                                     const char            *action_points)
{
  g_return_if_fail (IPT_IS_SUPERVISION_LOG_FORM (self));

  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  if (sessions != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->sessions_entry), sessions);
  if (recordings >= 0)
    gtk_spin_button_set_value (self->recordings_spin, recordings);
  if (action_points != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->points_view), action_points, -1);
}

const char *
ipt_supervision_log_form_get_date_error (IptSupervisionLogForm *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_LOG_FORM (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->date_error))
         ? gtk_label_get_text (self->date_error) : NULL;
}

const char *
ipt_supervision_log_form_get_sessions_error (IptSupervisionLogForm *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_LOG_FORM (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->sessions_error))
         ? gtk_label_get_text (self->sessions_error) : NULL;
}
