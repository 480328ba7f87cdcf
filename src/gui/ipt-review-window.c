/* Review mode: a supervisor's window on an open review file. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-review-window-private.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-preferences.h"

G_DEFINE_FINAL_TYPE (IptReviewWindow, ipt_review_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_US_WORDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (IptReviewWindow *self)
{
  g_autofree char *basename = g_path_get_basename (ipt_review_get_path (self->review));
  gboolean modified = ipt_review_get_modified (self->review);
  g_autofree char *title = NULL;

  /* TRANSLATORS: the window's title in review mode; %s is the review file's name */
  title = g_strdup_printf (modified ? _("Review — %s (not saved)") : _("Review — %s"), basename);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->title_label, _("Review"));
  gtk_label_set_text (self->subtitle_label, basename);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", modified && !self->saving);
  /* Unsaved work stands out on the button that keeps it. */
  if (modified)
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");
}

void
_ipt_review_window_set_dialog (IptReviewWindow *self,
                               GtkWindow       *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

static GtkWidget *
case_row_new (IptReviewCase *review_case)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *code = gtk_label_new (review_case->code);
  GtkWidget *progress = gtk_label_new (review_case->progress_text);
  IptSignalKind kind = ipt_review_case_get_signal_kind (review_case);
  const IptSignal *first = review_case->signals != NULL && review_case->signals->len > 0
                           ? g_ptr_array_index (review_case->signals, 0) : NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "heading");
  gtk_label_set_xalign (GTK_LABEL (progress), 0);
  gtk_label_set_ellipsize (GTK_LABEL (progress), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (progress, "dim-label");
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), progress);
  if (first != NULL)
    {
      GtkWidget *signal = gtk_label_new (first->rule);

      gtk_label_set_xalign (GTK_LABEL (signal), 0);
      gtk_label_set_ellipsize (GTK_LABEL (signal), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (signal, "caption");
      _ipt_widget_set_signal_class (signal, kind);
      gtk_box_append (GTK_BOX (box), signal);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, review_case->code);

  accessible = g_strdup_printf ("%s, %s%s%s", review_case->code, review_case->progress_text,
                                first != NULL ? ", " : "", first != NULL ? first->rule : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static gboolean
dashboard_shown (IptReviewWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "dashboard") == 0;
}

static void
set_dashboard_shown (IptReviewWindow *self,
                     gboolean         shown)
{
  /* A file without cases has nothing for the dashboard: the cases page says so. */
  shown = shown && self->by_need->len > 0;
  gtk_stack_set_visible_child_name (self->view_stack, shown ? "dashboard" : "cases");
  if (gtk_toggle_button_get_active (self->dashboard_button) != shown)
    gtk_toggle_button_set_active (self->dashboard_button, shown);
  if (shown)
    gtk_widget_grab_focus (GTK_WIDGET (self->dashboard));
  else if (self->shown != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->case_list));
}

static void
on_dashboard_button_toggled (GtkToggleButton *button,
                             IptReviewWindow *self)
{
  if (self->by_need == NULL)
    return;
  set_dashboard_shown (self, gtk_toggle_button_get_active (button));
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (widget);

  set_dashboard_shown (self, !dashboard_shown (self));
}

/* A card opens its case beside the list of cases. */
static void
on_dashboard_case_activated (IptCaseloadView *view,
                             gint64           episode_id,
                             IptReviewWindow *self)
{
  for (guint i = 0; i < self->by_need->len; i++)
    {
      IptReviewCase *review_case = g_ptr_array_index (self->by_need, i);

      if (review_case->episode_id == episode_id)
        {
          ipt_review_window_show_case (self, review_case->code);
          return;
        }
    }
}

/* Review mode starts on the caseload dashboard: which cases need discussion, and why. The
 * most urgent case is selected behind it, so that leaving the dashboard shows a case. */
static void
show_start_view (IptReviewWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->case_list, 0);

  ipt_caseload_view_set_review (self->dashboard, self->review);
  if (first != NULL)
    gtk_list_box_select_row (self->case_list, first);
  set_dashboard_shown (self, TRUE);
}

static void
fill_case_list (IptReviewWindow *self)
{
  GPtrArray *cases = ipt_review_get_cases (self->review);

  g_clear_pointer (&self->by_need, g_ptr_array_unref);
  self->by_need = g_ptr_array_new_full (cases->len, (GDestroyNotify) ipt_review_case_unref);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (self->by_need, ipt_review_case_ref (g_ptr_array_index (cases, i)));
  g_ptr_array_sort (self->by_need, ipt_review_case_compare_need);

  for (guint i = 0; i < self->by_need->len; i++)
    gtk_list_box_append (self->case_list, case_row_new (g_ptr_array_index (self->by_need, i)));

  if (self->by_need->len == 0)
    {
      gtk_label_set_text (self->status_label,
                          _("This review file holds no cases. Ask the practitioner to export "
                            "it again with the cases to discuss."));
      gtk_stack_set_visible_child_name (self->content_stack, "status");
    }
}

static void
on_row_selected (IptReviewWindow *self,
                 GtkListBoxRow   *row)
{
  g_clear_pointer (&self->shown, ipt_review_case_unref);
  if (row != NULL)
    {
      int index = gtk_list_box_row_get_index (row);

      self->shown = ipt_review_case_ref (g_ptr_array_index (self->by_need, index));
    }
  _ipt_review_window_fill_case (self);
}

static void
on_modified_changed (IptReviewWindow *self)
{
  update_title (self);
}

static void
set_saving (IptReviewWindow *self,
            gboolean         saving)
{
  self->saving = saving;
  gtk_spinner_set_spinning (self->save_spinner, saving);
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  update_title (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IptReviewWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = ipt_review_save_finish (IPT_REVIEW (source), result, &error);

  set_saving (self, FALSE);
  if (!ok)
    {
      self->close_after_save = FALSE;
      _ipt_show_error (GTK_WINDOW (self), _("The review file could not be saved"), error);
      return;
    }
  if (self->close_after_save && !ipt_review_get_modified (self->review))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (widget);

  if (self->saving)
    return;
  set_saving (self, TRUE);
  ipt_review_save_async (self->review, NULL, on_saved, g_object_ref (self));
}

static void
on_close_answer (GtkDialog       *dialog,
                 int              response,
                 IptReviewWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "review.save", NULL);
    }
  else if (response == GTK_RESPONSE_REJECT)
    {
      /* Discarded: the file keeps what was saved last. */
      g_signal_handlers_disconnect_by_func (self->review, on_modified_changed, self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
ipt_review_window_close_request (GtkWindow *window)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (window);
  GtkWidget *question;

  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  /* A form open over the window is answered first: it may hold unsaved input of its own. */
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return TRUE;
    }
  if (!ipt_review_get_modified (self->review))
    return GTK_WINDOW_CLASS (ipt_review_window_parent_class)->close_request (window);

  question = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                     GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                     _("Save your review work before closing?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (question), "%s",
                                            _("Comments, ratings and log entries added since "
                                              "the last save are lost unless you save them."));
  gtk_dialog_add_buttons (GTK_DIALOG (question),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Close _Without Saving"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (question),
                                                                GTK_RESPONSE_REJECT),
                            "destructive-action");
  g_signal_connect_object (question, "response", G_CALLBACK (on_close_answer), self, 0);
  _ipt_review_window_set_dialog (self, GTK_WINDOW (question));
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

static void
ipt_review_window_dispose (GObject *object)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (object);

  _ipt_review_window_set_dialog (self, NULL);
  /* The list is emptied as it goes: no case to show then. */
  if (self->case_list != NULL)
    g_signal_handlers_disconnect_by_func (self->case_list, on_row_selected, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_REVIEW_WINDOW);
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_pointer (&self->shown, ipt_review_case_unref);
  g_clear_pointer (&self->by_need, g_ptr_array_unref);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (ipt_review_window_parent_class)->dispose (object);
}

static void
ipt_review_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_US_WORDING:
      g_value_set_boolean (value, self->us_wording);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_review_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_US_WORDING:
      if (self->us_wording != g_value_get_boolean (value))
        {
          self->us_wording = g_value_get_boolean (value);
          /* The case names its focus: shown again in the other wording. */
          if (self->shown != NULL)
            _ipt_review_window_fill_case (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void _ipt_review_window_class_init_actions (GtkWidgetClass *widget_class);

static void
ipt_review_window_class_init (IptReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_review_window_dispose;
  object_class->get_property = ipt_review_window_get_property;
  object_class->set_property = ipt_review_window_set_property;

  /* US names of the problem areas ("Interpersonal deficits"), bound to the preferences. */
  properties[PROP_US_WORDING] =
    g_param_spec_boolean ("us-wording", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (IPT_TYPE_CASELOAD_VIEW);
  GTK_WINDOW_CLASS (klass)->close_request = ipt_review_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, case_box);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, IptReviewWindow, dashboard_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_dashboard_case_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_dashboard_button_toggled);

  gtk_widget_class_install_action (widget_class, "review.show-dashboard", NULL,
                                   show_dashboard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "review.show-dashboard", NULL);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "review.save", NULL);
  _ipt_review_window_class_init_actions (widget_class);
}

static void
ipt_review_window_init (IptReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: the window itself lets go of its child. */
  self->view_stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));
  /* Review mode may be the only window: the cards' colours come from the same style. */
  _ipt_ensure_style (GTK_WIDGET (self));
  g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", self, "us-wording",
                          G_BINDING_SYNC_CREATE);
}

IptReviewWindow *
ipt_review_window_new (GtkApplication *app,
                       IptReview      *review)
{
  IptReviewWindow *self;

  g_return_val_if_fail (IPT_IS_REVIEW (review), NULL);

  self = g_object_new (IPT_TYPE_REVIEW_WINDOW, "application", app, NULL);
  self->review = g_object_ref (review);
  g_signal_connect_object (review, "notify::modified", G_CALLBACK (on_modified_changed), self,
                           G_CONNECT_SWAPPED);
  _ipt_review_window_follow_review (self);
  update_title (self);
  fill_case_list (self);
  show_start_view (self);
  return self;
}

IptReview *
ipt_review_window_get_review (IptReviewWindow *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), NULL);

  return self->review;
}

gboolean
ipt_review_window_show_case (IptReviewWindow *self,
                             const char      *code)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), FALSE);

  for (guint i = 0; i < self->by_need->len; i++)
    {
      IptReviewCase *review_case = g_ptr_array_index (self->by_need, i);

      if (g_strcmp0 (review_case->code, code) == 0)
        {
          gtk_list_box_select_row (self->case_list,
                                   gtk_list_box_get_row_at_index (self->case_list, (int) i));
          set_dashboard_shown (self, FALSE);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
ipt_review_window_get_dashboard_shown (IptReviewWindow *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), FALSE);

  return dashboard_shown (self);
}

IptCaseloadView *
ipt_review_window_get_dashboard (IptReviewWindow *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), NULL);

  return self->dashboard;
}

IptReviewCase *
ipt_review_window_get_case (IptReviewWindow *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), NULL);

  return self->shown;
}

GtkWindow *
ipt_review_window_get_dialog (IptReviewWindow *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), NULL);

  return self->dialog;
}

gboolean
ipt_review_window_save_screenshot (IptReviewWindow *self,
                                   const char      *path,
                                   GError         **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW_WINDOW (self), FALSE);

  return _ipt_widget_save_png (GTK_WIDGET (self), path, error);
}
