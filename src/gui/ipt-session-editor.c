/* Recording or editing a session: attendance, questionnaires item by item, tasks, notes. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-session-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-gui-private.h"
#include "ipt-session-date.h"
#include "ipt-session-work-form.h"
#include "ipt-session-editor-private.h"

enum {
  SIGNAL_DELETED,
  SIGNAL_RECORD_RISK_REVIEW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptSessionEditor, ipt_session_editor, IPT_TYPE_FORM_WINDOW)

/* Validation and saving */

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static IptSession *
build_session (IptSessionEditor *self)
{
  guint number = gtk_spin_button_get_value_as_int (self->number_spin);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);
  IptSession *session = ipt_session_new (ipt_episode_get_id (self->episode), number, date);
  g_autofree char *agenda = text_of (self->agenda_view);
  g_autofree char *events = text_of (self->events_view);
  g_autofree char *between = text_of (self->between_view);
  guint attendance = gtk_drop_down_get_selected (self->attendance_dropdown);
  guint attendees = gtk_drop_down_get_selected (self->attendees_dropdown);

  if (self->session != NULL)
    ipt_session_set_id (session, ipt_session_get_id (self->session));
  ipt_session_set_attendance (session, attendance != GTK_INVALID_LIST_POSITION
                                       ? (IptAttendance) attendance : IPT_ATTENDANCE_ATTENDED);
  ipt_session_set_attendees (session, attendees != GTK_INVALID_LIST_POSITION
                                      ? (IptAttendees) attendees : IPT_ATTENDEES_CLIENT_ALONE);
  ipt_session_set_duration (session, gtk_spin_button_get_value_as_int (self->duration_spin));
  ipt_session_set_phase (session, _ipt_session_editor_current_phase (self));
  ipt_session_set_note_agenda (session, agenda);
  ipt_session_set_note_events (session, events);
  ipt_session_set_note_between (session, between);
  ipt_session_set_tasks_done (session, _ipt_session_editor_tasks_done (self));
  return session;
}

static void
update_titles (IptSessionEditor *self)
{
  guint number = gtk_spin_button_get_value_as_int (self->number_spin);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  IptPhase phase = _ipt_session_editor_current_phase (self);

  /* TRANSLATORS: a window title, "Session 9" */
  title = g_strdup_printf (_("Session %u"), number);
  /* TRANSLATORS: "Middle phase · 16 planned"; %s is a phase ("Middle phase") */
  subtitle = g_strdup_printf (ngettext ("%s · %u planned", "%s · %u planned",
                                        ipt_episode_get_planned_sessions (self->episode)),
                              _ipt_phase_phrase (phase),
                              ipt_episode_get_planned_sessions (self->episode));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_ipt_session_editor_validate (IptSessionEditor *self)
{
  guint number = gtk_spin_button_get_value_as_int (self->number_spin);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);
  g_autofree char *date_hint = NULL;
  g_autofree char *number_message = NULL;
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean forms_ok = TRUE;
  gboolean date_ok = ipt_date_is_valid (date);
  gboolean date_refused = FALSE;
  gboolean session_ok;

  /* Signals from the template run before the course is known. */
  if (self->episode == NULL)
    return;

  for (guint i = 0; i < self->other_numbers->len; i++)
    if (GPOINTER_TO_UINT (g_ptr_array_index (self->other_numbers, i)) == number)
      /* TRANSLATORS: %u is a session number */
      number_message = g_strdup_printf (_("Session %u is already recorded in this course."), number);

  for (guint i = 0; _ipt_session_editor_attended (self) && i < self->forms->len; i++)
    if (!((IptMeasureForm *) g_ptr_array_index (self->forms, i))->valid)
      forms_ok = FALSE;

  session = build_session (self);
  session_ok = ipt_session_validate (session, &error);
  if (date_ok && !session_ok)
    {
      g_autofree char *today = _ipt_today ();

      /* Valid but for its date ("more than a year ahead"): said beside the date, at the top of
       * the form, not at its foot. */
      ipt_session_set_date (session, today);
      date_refused = ipt_session_validate (session, NULL);
    }

  _ipt_show_field_error (self->number_error, GTK_WIDGET (self->number_spin), number_message);
  if (!date_ok && error == NULL)
    date_hint = _ipt_date_entry_format_message ();
  _ipt_show_field_error (self->date_error, GTK_WIDGET (self->date_entry),
              !date_ok ? (error != NULL ? error->message : date_hint)
                       : date_refused ? error->message : NULL);
  _ipt_show_field_error (self->save_error, NULL,
                         date_ok && !session_ok && !date_refused ? error->message : NULL);

  self->valid = number_message == NULL && forms_ok && date_ok && session_ok && !self->load_failed;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", self->valid);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
on_number_changed (GtkSpinButton    *spin,
                   IptSessionEditor *self)
{
  if (self->episode == NULL)
    return;
  update_titles (self);
  _ipt_session_editor_build_tasks (self, 0);
  _ipt_session_editor_validate (self);
}

static void
on_date_changed (GtkEditable      *editable,
                 IptSessionEditor *self)
{
  self->date_confirmed = FALSE;
  /* After the course's end date a session is maintenance. */
  if (self->episode != NULL && !self->updating)
    {
      update_titles (self);
      _ipt_session_editor_build_tasks (self, _ipt_session_editor_tasks_done (self));
    }
  _ipt_session_editor_validate (self);
}

/* Who attended can be chosen for a joint session that took place. */
static void
update_joint (IptSessionEditor *self)
{
  ipt_session_work_form_set_joint (self->work_form,
                                   _ipt_session_editor_attended (self)
                                   && gtk_drop_down_get_selected (self->attendees_dropdown)
                                      != IPT_ATTENDEES_CLIENT_ALONE);
}

static void
on_attendees_changed (IptSessionEditor *self)
{
  if (self->episode != NULL)
    update_joint (self);
}

static void
on_attendance_changed (GObject          *object,
                       GParamSpec       *pspec,
                       IptSessionEditor *self)
{
  gboolean took_place = _ipt_session_editor_attended (self);

  if (self->episode == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->measures_box), took_place);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attendees_dropdown), took_place);
  gtk_widget_set_sensitive (GTK_WIDGET (self->duration_spin), took_place);
  update_joint (self);
  /* Whether it took place moves the course on, or not. */
  if (!self->updating)
    {
      update_titles (self);
      _ipt_session_editor_build_tasks (self, _ipt_session_editor_tasks_done (self));
    }
  _ipt_session_editor_update_risk (self);
  _ipt_session_editor_validate (self);
}

static void
on_date_confirmed (IptSessionEditor *self)
{
  if (self->date_question != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->date_question),
                                  (gpointer *) &self->date_question);
  self->date_question = NULL;
  self->date_confirmed = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self), "session.save", NULL);
}

/* A date before the previous session's or far ahead is asked about first: TRUE when asked. */
static gboolean
ask_about_date (IptSessionEditor *self,
                IptSession       *session)
{
  g_autofree char *today = _ipt_today ();
  g_autofree char *question = NULL;
  const char *previous;

  previous = _ipt_session_previous_date (self->sessions, ipt_session_get_number (session),
                                         self->session != NULL ? ipt_session_get_id (self->session) : 0);
  ipt_session_check_date (ipt_session_get_date (session), previous,
                          ipt_episode_get_start_date (self->episode), today, &question);
  if (question == NULL)
    return FALSE;

  if (self->date_question != NULL)
    gtk_window_destroy (self->date_question);
  self->date_question = _ipt_session_ask_date (GTK_WINDOW (self), question,
                                               G_CALLBACK (on_date_confirmed), self);
  g_object_add_weak_pointer (G_OBJECT (self->date_question), (gpointer *) &self->date_question);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (widget);
  g_autoptr(IptSession) session = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GError) error = NULL;

  _ipt_session_editor_validate (self);
  if (!self->valid)
    return;

  session = build_session (self);
  scores = _ipt_session_editor_build_scores (self);
  if (!ipt_session_get_attended (session))
    ipt_session_set_duration (session, 0);
  if (!self->date_confirmed && ask_about_date (self, session))
    return;

  /* The session, its scores, its work and its goal ratings: one step, all or nothing. */
  if (!ipt_store_begin (self->store, &error))
    goto failed;
  if (!ipt_store_save_session (self->store, session, scores, &error)
      || !ipt_session_work_form_save (self->work_form, ipt_session_get_id (session),
                                      ipt_session_get_number (session), &error)
      || !ipt_store_commit (self->store, &error))
    {
      ipt_store_rollback (self->store);
      if (self->session == NULL)
        ipt_session_set_id (session, 0);
      goto failed;
    }

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_session_get_id (session));
  return;

failed:
  _ipt_show_field_error (self->save_error, NULL, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  /* What is deleted is kept for Undo: every record of the session as stored, taken in the
   * transaction that deletes them. */
  ipt_session_snapshot_free (self->deleted);
  self->deleted = ipt_store_take_session (self->store, ipt_session_get_id (self->session), &error);
  if (self->deleted == NULL)
    {
      _ipt_show_field_error (self->save_error, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ipt_session_editor_dispose (GObject *object)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_SESSION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->episode);
  g_clear_object (&self->session);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  if (self->date_question != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->date_question),
                                    (gpointer *) &self->date_question);
      gtk_window_destroy (g_steal_pointer (&self->date_question));
    }

  G_OBJECT_CLASS (ipt_session_editor_parent_class)->dispose (object);
}

/* Everything the form holds, as text: differs from loaded_state when something was entered. */
static char *
editor_state (IptFormWindow *window)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (window);
  g_autoptr(IptSession) session = build_session (self);
  GString *state = g_string_new (NULL);

  g_string_append_printf (state, "%u\x1f%s\x1f%d\x1f%d\x1f%u\x1f%s\x1f%s\x1f%s\x1f%u",
                          ipt_session_get_number (session), ipt_session_get_date (session),
                          (int) ipt_session_get_attendance (session),
                          (int) ipt_session_get_attendees (session),
                          ipt_session_get_duration (session),
                          ipt_session_get_note_agenda (session) != NULL ? ipt_session_get_note_agenda (session) : "",
                          ipt_session_get_note_events (session) != NULL ? ipt_session_get_note_events (session) : "",
                          ipt_session_get_note_between (session) != NULL ? ipt_session_get_note_between (session) : "",
                          ipt_session_get_tasks_done (session));
  for (guint i = 0; i < self->forms->len; i++)
    {
      IptMeasureForm *form = g_ptr_array_index (self->forms, i);

      g_string_append_printf (state, "\x1e%s:", form->measure->id);
      if (form->total_entry != NULL)
        g_string_append (state, gtk_editable_get_text (GTK_EDITABLE (form->total_entry)));
      for (guint item = 0; item < form->measure->n_items; item++)
        g_string_append_printf (state, "%d,", form->values[item]);
    }
  {
    g_autofree char *work = ipt_session_work_form_get_state (self->work_form);

    g_string_append_printf (state, "\x1e%s", work);
  }
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_SESSION_EDITOR (form)->session == NULL ? _("Discard this session?")
                                                    : _("Discard your changes to this session?");
}

static void
ipt_session_editor_finalize (GObject *object)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (object);

  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->task_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->other_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->others, g_array_unref);
  g_clear_pointer (&self->stored_scores, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, ipt_session_snapshot_free);

  G_OBJECT_CLASS (ipt_session_editor_parent_class)->finalize (object);
}

/* The review is its own record, written by its own form over this one: the session's answers
 * stay here, unsaved or not. The date is the session's (a review made at it covers it). */
static void
record_risk_review_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (widget);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);
  const char *flag = gtk_info_bar_get_revealed (self->risk_bar)
                     ? gtk_label_get_label (self->risk_label) : NULL;

  g_signal_emit (self, signals[SIGNAL_RECORD_RISK_REVIEW], 0,
                 ipt_date_is_valid (date) ? date : NULL, flag);
}

static void
ipt_session_editor_class_init (IptSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_session_editor_dispose;
  object_class->finalize = ipt_session_editor_finalize;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = editor_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IPT_TYPE_SESSION);
  signals[SIGNAL_RECORD_RISK_REVIEW] =
    g_signal_new ("record-risk-review", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (IPT_TYPE_SESSION_WORK_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, risk_bar);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, risk_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, number_spin);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, number_error);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, attendance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, attendees_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, work_form);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, attendees_slot);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, measures_box);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, tasks_title_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, tasks_box);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, events_view);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, between_view);
  gtk_widget_class_bind_template_child (widget_class, IptSessionEditor, save_error);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_attendance_changed);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "session.record-risk-review", NULL,
                                   record_risk_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "session.record-risk-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save", NULL);
}

static void
ipt_session_editor_init (IptSessionEditor *self)
{
  g_autoptr(GtkStringList) attendance = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) attendees = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->date_entry);
  /* Who came to a joint session is chosen right under "Who attended", not after the
   * questionnaires. */
  {
    GtkWidget *card = ipt_session_work_form_get_attendees (self->work_form);

    g_object_ref (card);
    gtk_widget_unparent (card);
    gtk_box_append (self->attendees_slot, card);
    g_object_unref (card);
  }

  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) _ipt_measure_form_free);
  self->task_buttons = g_ptr_array_new ();
  self->other_numbers = g_ptr_array_new ();
  self->others = g_array_new (FALSE, FALSE, sizeof (IptAppointment));

  for (guint i = IPT_ATTENDANCE_ATTENDED; i <= IPT_ATTENDANCE_DID_NOT_ATTEND; i++)
    gtk_string_list_append (attendance, ipt_attendance_to_label ((IptAttendance) i));
  for (guint i = IPT_ATTENDEES_CLIENT_ALONE; i <= IPT_ATTENDEES_OTHER; i++)
    gtk_string_list_append (attendees, ipt_attendees_to_label ((IptAttendees) i));
  gtk_drop_down_set_model (self->attendance_dropdown, G_LIST_MODEL (attendance));
  gtk_drop_down_set_model (self->attendees_dropdown, G_LIST_MODEL (attendees));
}

IptSessionEditor *
ipt_session_editor_new (GtkWindow  *parent,
                        IptStore   *store,
                        IptEpisode *episode,
                        GPtrArray  *sessions,
                        IptSession *session)
{
  IptSessionEditor *self;
  guint next = 1;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), NULL);
  g_return_val_if_fail (session == NULL || IPT_IS_SESSION (session), NULL);

  self = g_object_new (IPT_TYPE_SESSION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->episode = g_object_ref (episode);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  self->sessions = sessions != NULL ? g_ptr_array_ref (sessions) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *other = g_ptr_array_index (sessions, i);

      next = MAX (next, ipt_session_get_number (other) + 1);
      if (session == NULL || ipt_session_get_id (other) != ipt_session_get_id (session))
        {
          const char *end_date = ipt_episode_get_end_date (episode);
          const char *date = ipt_session_get_date (other);
          IptAppointment a = { ipt_session_get_number (other), ipt_session_get_attended (other),
                               FALSE };

          a.after_end = end_date != NULL && *end_date != '\0' && date != NULL
                        && strcmp (date, end_date) > 0;
          g_array_append_val (self->others, a);
          g_ptr_array_add (self->other_numbers, GUINT_TO_POINTER (ipt_session_get_number (other)));
        }
    }

  self->updating = TRUE;
  if (session != NULL)
    {
      self->stored_scores = ipt_store_list_session_scores (store, ipt_session_get_id (session), &error);
      if (self->stored_scores == NULL)
        {
          /* Without the stored answers the form would save over them: no saving. */
          self->load_failed = TRUE;
        }
      gtk_spin_button_set_value (self->number_spin, ipt_session_get_number (session));
      _ipt_date_entry_set_iso (self->date_entry, ipt_session_get_date (session));
      gtk_drop_down_set_selected (self->attendance_dropdown, ipt_session_get_attendance (session));
      gtk_drop_down_set_selected (self->attendees_dropdown, ipt_session_get_attendees (session));
      gtk_spin_button_set_value (self->duration_spin, ipt_session_get_duration (session));
      set_text (self->agenda_view, ipt_session_get_note_agenda (session));
      set_text (self->events_view, ipt_session_get_note_events (session));
      set_text (self->between_view, ipt_session_get_note_between (session));
      gtk_widget_set_visible (self->delete_button, TRUE);
      _ipt_session_editor_build_tasks (self, ipt_session_get_tasks_done (session));
    }
  else
    {
      g_autofree char *date = _ipt_session_default_date (episode, sessions);

      gtk_spin_button_set_value (self->number_spin, MIN (next, 99));
      _ipt_date_entry_set_iso (self->date_entry, date);
      _ipt_session_editor_build_tasks (self, 0);
    }
  self->updating = FALSE;

  if (!ipt_session_work_form_load (self->work_form, store, episode,
                                   session != NULL ? ipt_session_get_id (session) : 0,
                                   session != NULL ? ipt_session_get_number (session) : 0,
                                   error == NULL ? &error : NULL))
    self->load_failed = TRUE;
  if (self->load_failed && error == NULL)
    g_set_error_literal (&error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                         _("The session’s records could not be read"));
  g_signal_connect_object (self->work_form, "changed", G_CALLBACK (ipt_form_window_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attendees_dropdown, "notify::selected",
                           G_CALLBACK (on_attendees_changed), self, G_CONNECT_SWAPPED);

  _ipt_session_editor_build_forms (self);
  update_titles (self);
  on_attendance_changed (NULL, NULL, self);
  if (self->load_failed)
    _ipt_show_field_error (self->save_error, NULL, error->message);
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));

  return self;
}


gboolean
ipt_session_editor_get_can_save (IptSessionEditor *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_EDITOR (self), FALSE);

  _ipt_session_editor_validate (self);
  return self->valid;
}

IptSessionWorkForm *
ipt_session_editor_get_work_form (IptSessionEditor *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_EDITOR (self), NULL);

  return self->work_form;
}

GtkWindow *
ipt_session_editor_get_date_question (IptSessionEditor *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_EDITOR (self), NULL);

  return self->date_question;
}

IptSessionSnapshot *
ipt_session_editor_steal_deleted (IptSessionEditor *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_EDITOR (self), NULL);

  return g_steal_pointer (&self->deleted);
}
