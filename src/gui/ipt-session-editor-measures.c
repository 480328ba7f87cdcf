/* The session editor's questionnaires, risk banner and phase tasks. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-gui-private.h"
#include "ipt-preferences.h"
#include "ipt-session-editor-private.h"

static IptMeasureForm *
find_form (IptSessionEditor *self,
           const char       *measure_id)
{
  for (guint i = 0; i < self->forms->len; i++)
    {
      IptMeasureForm *form = g_ptr_array_index (self->forms, i);

      if (g_strcmp0 (form->measure->id, measure_id) == 0)
        return form;
    }
  return NULL;
}

gboolean
_ipt_session_editor_attended (IptSessionEditor *self)
{
  return gtk_drop_down_get_selected (self->attendance_dropdown) == IPT_ATTENDANCE_ATTENDED;
}

void
_ipt_session_editor_update_risk (IptSessionEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; _ipt_session_editor_attended (self) && i < self->forms->len; i++)
    {
      IptMeasureForm *form = g_ptr_array_index (self->forms, i);
      const IptMeasure *measure = form->measure;
      int value;
      const char *words;

      if (!ipt_measure_items_flag_risk (measure, form->values, measure->n_items))
        continue;

      value = form->values[measure->risk_item];
      words = ipt_measure_scale_label (measure, value);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* TRANSLATORS: "Risk: PHQ-9 item 9 (Thoughts of death or self-harm) answered “Several days”." */
                              _("Risk: %s item %d (%s) answered “%s”."),
                              measure->name, measure->risk_item + 1,
                              _(measure->items[measure->risk_item].topic),
                              words != NULL ? words : "");
    }

  if (text->len > 0)
    g_string_append (text, _(" Ask about it at this session, follow your risk procedure and "
                             "record a risk review: the flag stays on the client’s row, page "
                             "and chart until one is recorded."));

  gtk_label_set_label (self->risk_label, text->str);
  gtk_info_bar_set_revealed (self->risk_bar, text->len > 0);
}

static void
on_form_changed (gpointer user_data)
{
  IptSessionEditor *self = IPT_SESSION_EDITOR (user_data);

  _ipt_session_editor_update_risk (self);
  _ipt_session_editor_validate (self);
}

void
_ipt_session_editor_build_forms (IptSessionEditor *self)
{
  const char * const *in_use =
    ipt_preferences_get_measures_in_use (ipt_preferences_get_default ());

  /* The questionnaires in use, and any other this session already has answers for, in the
   * registry's order. */
  for (guint m = 0; m < ipt_measure_get_n_measures (); m++)
    {
      const IptMeasure *measure = ipt_measure_get_nth (m);
      IptScore *stored = NULL;
      IptMeasureForm *form;

      for (guint i = 0; self->stored_scores != NULL && i < self->stored_scores->len; i++)
        if (ipt_score_get_measure (g_ptr_array_index (self->stored_scores, i)) == measure)
          stored = g_ptr_array_index (self->stored_scores, i);
      if (stored == NULL && !g_strv_contains ((const char * const *) in_use, measure->id))
        continue;

      form = _ipt_measure_form_new (measure, &self->updating, on_form_changed, self);
      g_ptr_array_add (self->forms, form);
      gtk_box_append (self->measures_box, form->widget);

      if (stored != NULL && form->total_entry != NULL && ipt_score_has_total (stored))
        {
          g_autofree char *text = g_strdup_printf ("%d", ipt_score_get_total (stored));

          self->updating = TRUE;
          _ipt_measure_form_set_total_text (form, text);
          self->updating = FALSE;
        }
      else if (stored != NULL && ipt_score_has_items (stored))
        {
          guint n;
          const int *items = ipt_score_get_items (stored, &n);

          self->updating = TRUE;
          for (guint i = 0; i < n && i < measure->n_items; i++)
            _ipt_measure_form_set_item (form, i, items[i]);
          self->updating = FALSE;
        }
      else if (stored != NULL)
        {
          form->kept_score = g_object_ref (stored);
        }
      _ipt_measure_form_update (form);
    }
}

/* Phase tasks */

/* The phase of this session as the form stands, among the course's other sessions: the model
 * counts attended sessions (a missed one is where the course stands at its date). */
IptPhase
_ipt_session_editor_current_phase (IptSessionEditor *self)
{
  g_autoptr(GArray) appointments = g_array_copy (self->others);
  g_autoptr(IptCourseMap) course = NULL;
  const char *end_date = ipt_episode_get_end_date (self->episode);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);
  IptAppointment here = { 0, };

  here.number = gtk_spin_button_get_value_as_int (self->number_spin);
  here.attended = _ipt_session_editor_attended (self);
  here.after_end = end_date != NULL && *end_date != '\0' && ipt_date_is_valid (date)
                   && strcmp (date, end_date) > 0;
  g_array_append_val (appointments, here);
  course = ipt_course_map_new (ipt_episode_get_planned_sessions (self->episode),
                               ipt_episode_get_assessment_end (self->episode),
                               ipt_episode_get_middle_end (self->episode),
                               ipt_episode_get_status (self->episode)
                               != IPT_EPISODE_STATUS_ACTIVE,
                               (const IptAppointment *) (void *) appointments->data,
                               appointments->len);
  return ipt_course_map_phase_of (course, here.number);
}

void
_ipt_session_editor_build_tasks (IptSessionEditor *self,
                                 guint             tasks_done)
{
  GtkWidget *child;
  IptPhase phase = _ipt_session_editor_current_phase (self);
  const char * const *tasks = ipt_phase_get_tasks (phase);

  if (self->task_buttons->len > 0 && phase == self->tasks_phase)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tasks_box))) != NULL)
    gtk_box_remove (self->tasks_box, child);
  g_ptr_array_set_size (self->task_buttons, 0);
  self->tasks_phase = phase;

  gtk_label_set_label (self->tasks_title_label, _ipt_phase_tasks_title (phase));

  for (guint i = 0; tasks != NULL && tasks[i] != NULL; i++)
    {
      GtkWidget *button = gtk_check_button_new_with_label (tasks[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), i < 32 && (tasks_done & (1u << i)) != 0);
      gtk_box_append (self->tasks_box, button);
      g_ptr_array_add (self->task_buttons, button);
    }
}

guint
_ipt_session_editor_tasks_done (IptSessionEditor *self)
{
  guint bits = 0;

  for (guint i = 0; i < self->task_buttons->len && i < 32; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->task_buttons, i)))
      bits |= 1u << i;
  return bits;
}

GPtrArray *
_ipt_session_editor_build_scores (IptSessionEditor *self)
{
  GPtrArray *scores = g_ptr_array_new_with_free_func (g_object_unref);

  /* A session that did not take place has no questionnaires. */
  if (!_ipt_session_editor_attended (self))
    return scores;

  for (guint i = 0; i < self->forms->len; i++)
    {
      IptScore *score = _ipt_measure_form_make_score (g_ptr_array_index (self->forms, i));

      if (score != NULL)
        g_ptr_array_add (scores, score);
    }

  /* Scores of questionnaires the form does not show (totals only) stay as they are. */
  for (guint i = 0; self->stored_scores != NULL && i < self->stored_scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (self->stored_scores, i);

      if (find_form (self, ipt_score_get_measure_id (score)) == NULL)
        g_ptr_array_add (scores, g_object_ref (score));
    }

  return scores;
}

void
ipt_session_editor_set_item (IptSessionEditor *self,
                             const char       *measure_id,
                             guint             item,
                             int               value)
{
  IptMeasureForm *form;

  g_return_if_fail (IPT_IS_SESSION_EDITOR (self));

  form = find_form (self, measure_id);
  g_return_if_fail (form != NULL);
  g_return_if_fail (item < form->measure->n_items);

  _ipt_measure_form_set_item (form, item, value);
  _ipt_measure_form_update (form);
  _ipt_session_editor_update_risk (self);
  _ipt_session_editor_validate (self);
}

void
ipt_session_editor_set_total (IptSessionEditor *self,
                              const char       *measure_id,
                              const char       *text)
{
  IptMeasureForm *form;

  g_return_if_fail (IPT_IS_SESSION_EDITOR (self));
  g_return_if_fail (text != NULL);

  form = find_form (self, measure_id);
  g_return_if_fail (form != NULL && form->total_entry != NULL);

  /* As typing does: the entry reports the change. */
  _ipt_measure_form_set_total_text (form, text);
}

const char *
ipt_session_editor_get_total_text (IptSessionEditor *self,
                                   const char       *measure_id)
{
  IptMeasureForm *form;

  g_return_val_if_fail (IPT_IS_SESSION_EDITOR (self), NULL);

  form = find_form (self, measure_id);
  return form != NULL ? form->total_text : NULL;
}

gboolean
ipt_session_editor_get_risk (IptSessionEditor *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_EDITOR (self), FALSE);

  return gtk_info_bar_get_revealed (self->risk_bar);
}
