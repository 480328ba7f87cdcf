/* Review mode: the supervisor's comment on a case or on one of its sessions. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-review-comment-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

struct _IptReviewCommentForm
{
  IptFormWindow  parent_instance;

  IptReview     *review;
  IptReviewCase *review_case;

  GtkLabel      *about_label;
  GtkDropDown   *about_dropdown;
  GtkTextView   *text_view;
  GtkLabel      *text_error;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (IptReviewCommentForm, ipt_review_comment_form, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Position 0 of the choice is the whole case, then the case's sessions in order. */
static guint
chosen_session (IptReviewCommentForm *self)
{
  guint position = gtk_drop_down_get_selected (self->about_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION
      || position > self->review_case->sessions->len)
    return 0;
  return g_array_index (self->review_case->sessions, IptReviewSession, position - 1).number;
}

/* The supervisor who writes: the name of the account they use. */
static const char *
author_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptReviewCommentForm *self = IPT_REVIEW_COMMENT_FORM (widget);
  g_autofree char *text = view_text (self->text_view);
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (text);
  if (*text == '\0')
    {
      _ipt_show_field_error (self->text_error, GTK_WIDGET (self->text_view),
                             _("Write the comment first."));
      return;
    }

  comment = ipt_comment_new (self->review_case->episode_id, author_name (), text);
  ipt_comment_set_session_number (comment, chosen_session (self));
  if (!ipt_comment_validate (comment, &error)
      || !ipt_review_add_comment (self->review, comment, &error))
    {
      _ipt_show_field_error (self->text_error, GTK_WIDGET (self->text_view), error->message);
      return;
    }

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_comment_get_id (comment));
}

static void
on_changed (IptReviewCommentForm *self)
{
  _ipt_show_field_error (self->text_error, GTK_WIDGET (self->text_view), NULL);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static char *
form_state (IptFormWindow *form)
{
  IptReviewCommentForm *self = IPT_REVIEW_COMMENT_FORM (form);
  g_autofree char *text = view_text (self->text_view);

  return g_strdup_printf ("%u\x1f%s", gtk_drop_down_get_selected (self->about_dropdown), text);
}

static const char *
discard_question (IptFormWindow *form)
{
  return _("Discard this comment?");
}

static void
ipt_review_comment_form_dispose (GObject *object)
{
  IptReviewCommentForm *self = IPT_REVIEW_COMMENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_REVIEW_COMMENT_FORM);
  g_clear_pointer (&self->review_case, ipt_review_case_unref);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (ipt_review_comment_form_parent_class)->dispose (object);
}

static void
ipt_review_comment_form_class_init (IptReviewCommentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_review_comment_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-review-comment-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptReviewCommentForm, about_label);
  gtk_widget_class_bind_template_child (widget_class, IptReviewCommentForm, about_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IptReviewCommentForm, text_view);
  gtk_widget_class_bind_template_child (widget_class, IptReviewCommentForm, text_error);
  gtk_widget_class_bind_template_child (widget_class, IptReviewCommentForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "comment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "comment.save", NULL);
}

static void
ipt_review_comment_form_init (IptReviewCommentForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

IptReviewCommentForm *
ipt_review_comment_form_new (GtkWindow     *parent,
                             IptReview     *review,
                             IptReviewCase *review_case,
                             guint          session_number)
{
  IptReviewCommentForm *self;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *about = NULL;
  guint selected = 0;

  g_return_val_if_fail (IPT_IS_REVIEW (review), NULL);
  g_return_val_if_fail (review_case != NULL, NULL);

  /* TRANSLATORS: the title of the comment form; %s is a case code such as C-0042 */
  about = g_strdup_printf (_("Comment on %s"), review_case->code);
  self = g_object_new (IPT_TYPE_REVIEW_COMMENT_FORM,
                       "transient-for", parent,
                       "title", about,
                       NULL);
  self->review = g_object_ref (review);
  self->review_case = ipt_review_case_ref (review_case);

  gtk_string_list_append (choices, _("The whole case"));
  for (guint i = 0; i < review_case->sessions->len; i++)
    {
      guint number = g_array_index (review_case->sessions, IptReviewSession, i).number;
      /* TRANSLATORS: a choice of what a comment is about; %u is a session number */
      g_autofree char *label = g_strdup_printf (_("Session %u"), number);

      gtk_string_list_append (choices, label);
      if (number == session_number)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->about_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->about_dropdown, selected);
  gtk_label_set_text (self->about_label, review_case->progress_text);
  g_signal_connect_object (self->about_dropdown, "notify::selected", G_CALLBACK (on_changed),
                           self, G_CONNECT_SWAPPED);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

void
ipt_review_comment_form_set_text (IptReviewCommentForm *self,
                                  const char           *text)
{
  g_return_if_fail (IPT_IS_REVIEW_COMMENT_FORM (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}
