/* Recording or editing a risk review: the date, what was asked, what was done and the plan. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-risk-review-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-gui-private.h"

struct _IptRiskReviewDialog
{
  IptFormWindow  parent_instance;

  IptStore      *store;
  gint64         episode_id;
  IptRiskReview *review;       /* NULL for a new review */

  GtkLabel      *flag_label;
  GtkEntry      *date_entry;
  GtkTextView   *asked_view;
  GtkTextView   *done_view;
  GtkTextView   *plan_view;
  GtkLabel      *date_error;
  GtkLabel      *asked_error;
  GtkLabel      *plan_error;
  GtkLabel      *store_error;
  GtkWidget     *save_button;
  GtkWidget     *delete_button;
};

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptRiskReviewDialog, ipt_risk_review_dialog, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
fill_review (IptRiskReviewDialog *self,
             IptRiskReview       *review)
{
  g_autofree char *asked = view_text (self->asked_view);
  g_autofree char *done = view_text (self->done_view);
  g_autofree char *plan = view_text (self->plan_view);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);

  g_strstrip (date);
  ipt_risk_review_set_episode_id (review, self->episode_id);
  ipt_risk_review_set_date (review, date);
  ipt_risk_review_set_asked (review, asked);
  ipt_risk_review_set_done (review, done);
  ipt_risk_review_set_plan (review, plan);
}

/* The model's check of one field: a review valid but for that field. */
static char *
check_field (IptRiskReviewDialog *self,
             void               (*setter) (IptRiskReview *, const char *),
             const char          *value)
{
  g_autoptr(IptRiskReview) probe = ipt_risk_review_new (self->episode_id, "2000-01-01");
  g_autoptr(GError) error = NULL;

  ipt_risk_review_set_asked (probe, "-");
  ipt_risk_review_set_plan (probe, "-");
  setter (probe, value);
  if (ipt_risk_review_validate (probe, &error))
    return NULL;
  return g_strdup (error->message);
}

/* A field left empty is only pointed out once something was typed, or on Save. */
static gboolean
validate (IptRiskReviewDialog *self,
          gboolean             show_empty)
{
  g_autoptr(IptRiskReview) whole = ipt_risk_review_new (self->episode_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *date_message = NULL;
  g_autofree char *asked_message = NULL;
  g_autofree char *plan_message = NULL;
  g_autofree char *asked = view_text (self->asked_view);
  g_autofree char *plan = view_text (self->plan_view);
  gboolean valid;

  fill_review (self, whole);
  date_message = check_field (self, ipt_risk_review_set_date, ipt_risk_review_get_date (whole));
  if (date_message == NULL)
    {
      g_autofree char *today = _ipt_today ();

      /* A review covers the sessions up to its date: one dated ahead would hide a flag that
       * a session before that date raises later. */
      if (strcmp (ipt_risk_review_get_date (whole), today) > 0)
        date_message = g_strdup (_("A risk review cannot be dated after today."));
    }
  if (show_empty || *asked != '\0')
    asked_message = check_field (self, ipt_risk_review_set_asked, asked);
  if (show_empty || *plan != '\0')
    plan_message = check_field (self, ipt_risk_review_set_plan, plan);

  _ipt_show_field_error (self->date_error, GTK_WIDGET (self->date_entry), date_message);
  _ipt_show_field_error (self->asked_error, GTK_WIDGET (self->asked_view), asked_message);
  _ipt_show_field_error (self->plan_error, GTK_WIDGET (self->plan_view), plan_message);

  valid = ipt_risk_review_validate (whole, &error) && date_message == NULL;
  /* A rule not shown beside a field (the length of "what was done", say) shows below. */
  if (!valid && date_message == NULL && asked_message == NULL && plan_message == NULL
      && (show_empty || (*asked != '\0' && *plan != '\0')))
    _ipt_show_field_error (self->store_error, NULL, error->message);
  else
    _ipt_show_field_error (self->store_error, NULL, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-review.save", valid);
  return valid;
}

static void
on_entry_changed (GtkEntry            *entry,
                  IptRiskReviewDialog *self)
{
  validate (self, FALSE);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
on_buffer_changed (GtkTextBuffer       *buffer,
                   IptRiskReviewDialog *self)
{
  validate (self, FALSE);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptRiskReviewDialog *self = IPT_RISK_REVIEW_DIALOG (widget);
  g_autoptr(IptRiskReview) review = NULL;
  g_autoptr(GError) error = NULL;

  if (!validate (self, TRUE))
    return;

  /* A copy, so that a refused save leaves the shown record as it was. */
  review = ipt_risk_review_new (self->episode_id, NULL);
  if (self->review != NULL)
    ipt_risk_review_set_id (review, ipt_risk_review_get_id (self->review));
  fill_review (self, review);
  if (!ipt_store_save_risk_review (self->store, review, &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_risk_review_get_id (review));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IptRiskReviewDialog *self = IPT_RISK_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->review == NULL)
    return;
  if (!ipt_store_delete_risk_review (self->store, ipt_risk_review_get_id (self->review), &error))
    {
      _ipt_show_field_error (self->store_error, NULL, error->message);
      return;
    }

  /* The review as stored goes with the signal, so that Undo can write it back. */
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->review);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Everything the form holds, as text: a change of input changes it. */
static char *
form_state (IptFormWindow *form)
{
  IptRiskReviewDialog *self = IPT_RISK_REVIEW_DIALOG (form);
  g_autofree char *asked = view_text (self->asked_view);
  g_autofree char *done = view_text (self->done_view);
  g_autofree char *plan = view_text (self->plan_view);
  g_autofree char *date = _ipt_date_entry_get_iso (self->date_entry);

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", date, asked, done, plan);
}

static const char *
discard_question (IptFormWindow *form)
{
  return IPT_RISK_REVIEW_DIALOG (form)->review == NULL
         ? _("Discard this risk review?")
         : _("Discard your changes to this risk review?");
}

static void
ipt_risk_review_dialog_dispose (GObject *object)
{
  IptRiskReviewDialog *self = IPT_RISK_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_RISK_REVIEW_DIALOG);
  g_clear_object (&self->review);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_risk_review_dialog_parent_class)->dispose (object);
}

static void
ipt_risk_review_dialog_class_init (IptRiskReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_risk_review_dialog_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IPT_TYPE_RISK_REVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-risk-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, flag_label);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, asked_view);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, done_view);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, plan_view);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, asked_error);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, plan_error);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, store_error);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, IptRiskReviewDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "risk-review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "risk-review.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "risk-review.save", NULL);
}

static void
ipt_risk_review_dialog_init (IptRiskReviewDialog *self)
{
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  _ipt_date_entry_add_calendar (self->date_entry);

  views[0] = self->asked_view;
  views[1] = self->done_view;
  views[2] = self->plan_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (on_buffer_changed), self, 0);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

IptRiskReviewDialog *
ipt_risk_review_dialog_new (GtkWindow     *parent,
                            IptStore      *store,
                            gint64         episode_id,
                            IptRiskReview *review,
                            const char    *date,
                            const char    *flag)
{
  IptRiskReviewDialog *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), NULL);
  g_return_val_if_fail (episode_id > 0, NULL);
  g_return_val_if_fail (review == NULL || IPT_IS_RISK_REVIEW (review), NULL);

  self = g_object_new (IPT_TYPE_RISK_REVIEW_DIALOG,
                       "transient-for", parent,
                       "title", review != NULL ? _("Edit Risk Review") : _("Record Risk Review"),
                       NULL);
  self->store = g_object_ref (store);
  self->episode_id = episode_id;
  self->review = review != NULL ? g_object_ref (review) : NULL;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  if (flag != NULL)
    {
      gtk_label_set_label (self->flag_label, flag);
      gtk_widget_set_visible (GTK_WIDGET (self->flag_label), TRUE);
    }

  if (review != NULL)
    {
      _ipt_date_entry_set_iso (self->date_entry, ipt_risk_review_get_date (review));
      set_view_text (self->asked_view, ipt_risk_review_get_asked (review));
      set_view_text (self->done_view, ipt_risk_review_get_done (review));
      set_view_text (self->plan_view, ipt_risk_review_get_plan (review));
      gtk_widget_set_visible (self->delete_button, TRUE);
    }
  else
    {
      if (date == NULL)
        date = today = _ipt_today ();
      _ipt_date_entry_set_iso (self->date_entry, date);
    }

  validate (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->asked_view));
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

gboolean
ipt_risk_review_dialog_get_can_save (IptRiskReviewDialog *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW_DIALOG (self), FALSE);

  return validate (self, FALSE);
}

void
ipt_risk_review_dialog_set_text (IptRiskReviewDialog *self,
                                 const char          *field,
                                 const char          *text)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW_DIALOG (self));
  g_return_if_fail (text != NULL);

  if (g_strcmp0 (field, "asked") == 0)
    set_view_text (self->asked_view, text);
  else if (g_strcmp0 (field, "done") == 0)
    set_view_text (self->done_view, text);
  else if (g_strcmp0 (field, "plan") == 0)
    set_view_text (self->plan_view, text);
  else
    g_return_if_reached ();
}
