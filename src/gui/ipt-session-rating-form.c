/* Review mode: the supervisor's rating of a session. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-session-rating-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

/* Each phase task, then the focus and the stance. */
#define MAX_ITEMS (IPT_REVIEW_TASKS_MAX + 2)

struct _IptSessionRatingForm
{
  IptFormWindow     parent_instance;

  IptReview        *review;
  IptReviewCase    *review_case;
  IptSessionReview *rating;      /* filled from the form on Save */
  guint             n_tasks;
  GtkDropDown      *choices[MAX_ITEMS];
  GtkLabel         *ticks[IPT_REVIEW_TASKS_MAX];

  GtkLabel         *session_label;
  GtkLabel         *notice_label;
  GtkGrid          *rating_grid;
  GtkTextView      *comment_view;
  GtkLabel         *form_error;
  GtkWidget        *save_button;
};

G_DEFINE_FINAL_TYPE (IptSessionRatingForm, ipt_session_rating_form, IPT_TYPE_FORM_WINDOW)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The choice's position 0 is "Not rated", then 0 to 3. */
static int
chosen_rating (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return IPT_REVIEW_RATING_NONE;
  return (int) position - 1;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptSessionRatingForm *self = IPT_SESSION_RATING_FORM (widget);
  g_autofree char *comment = view_text (self->comment_view);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->n_tasks; i++)
    ipt_session_review_set_task_rating (self->rating, i, chosen_rating (self->choices[i]));
  ipt_session_review_set_focus_rating (self->rating, chosen_rating (self->choices[self->n_tasks]));
  ipt_session_review_set_stance_rating (self->rating,
                                        chosen_rating (self->choices[self->n_tasks + 1]));
  g_strstrip (comment);
  ipt_session_review_set_comment (self->rating, comment);

  if (!ipt_session_review_validate (self->rating, &error)
      || !ipt_review_add_session_review (self->review, self->rating, &error))
    {
      _ipt_show_field_error (self->form_error, NULL, error->message);
      return;
    }

  ipt_form_window_saved (IPT_FORM_WINDOW (self), ipt_session_review_get_id (self->rating));
}

static void
on_changed (IptSessionRatingForm *self)
{
  _ipt_show_field_error (self->form_error, NULL, NULL);
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static char *
form_state (IptFormWindow *form)
{
  IptSessionRatingForm *self = IPT_SESSION_RATING_FORM (form);
  GString *state = g_string_new (NULL);
  g_autofree char *comment = view_text (self->comment_view);

  for (guint i = 0; i < self->n_tasks + 2 && self->choices[i] != NULL; i++)
    g_string_append_printf (state, "%d,", chosen_rating (self->choices[i]));
  g_string_append_printf (state, "\x1f%s", comment);
  return g_string_free (state, FALSE);
}

static const char *
discard_question (IptFormWindow *form)
{
  return _("Discard this session rating?");
}

static void
ipt_session_rating_form_dispose (GObject *object)
{
  IptSessionRatingForm *self = IPT_SESSION_RATING_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_SESSION_RATING_FORM);
  g_clear_pointer (&self->review_case, ipt_review_case_unref);
  g_clear_object (&self->rating);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (ipt_session_rating_form_parent_class)->dispose (object);
}

static void
ipt_session_rating_form_class_init (IptSessionRatingFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_session_rating_form_dispose;
  IPT_FORM_WINDOW_CLASS (klass)->get_state = form_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = discard_question;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-session-rating-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptSessionRatingForm, session_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionRatingForm, notice_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionRatingForm, rating_grid);
  gtk_widget_class_bind_template_child (widget_class, IptSessionRatingForm, comment_view);
  gtk_widget_class_bind_template_child (widget_class, IptSessionRatingForm, form_error);
  gtk_widget_class_bind_template_child (widget_class, IptSessionRatingForm, save_button);

  gtk_widget_class_install_action (widget_class, "rating.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "rating.save", NULL);
}

static void
ipt_session_rating_form_init (IptSessionRatingForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

/* One row of the grid: what is rated, the practitioner's tick (tasks only), the rating. */
static void
add_row (IptSessionRatingForm *self,
         guint                 item,
         const char           *what,
         const char           *tick)
{
  static const char *ratings[] = { NULL, NULL, NULL, NULL, NULL, NULL };
  GtkWidget *label = gtk_label_new (what);
  GtkWidget *dropdown;

  if (ratings[0] == NULL)
    {
      ratings[0] = C_("session rating", "Not rated");
      for (int r = 0; r <= IPT_REVIEW_RATING_MAX; r++)
        {
          /* TRANSLATORS: a rating choice, "2 – Adequately" */
          g_autofree char *choice = g_strdup_printf (C_("session rating", "%d – %s"), r,
                                                     ipt_review_rating_to_label (r));

          ratings[r + 1] = g_intern_string (choice);
        }
    }

  dropdown = gtk_drop_down_new_from_strings (ratings);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (self->rating_grid, label, 0, (int) item + 1, 1, 1);
  if (tick != NULL)
    {
      GtkWidget *tick_label = gtk_label_new (tick);

      gtk_widget_add_css_class (tick_label, "dim-label");
      gtk_grid_attach (self->rating_grid, tick_label, 1, (int) item + 1, 1, 1);
      self->ticks[item] = GTK_LABEL (tick_label);
    }
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, what,
                                  -1);
  if (tick != NULL)
    {
      /* TRANSLATORS: read with a task's rating: the practitioner's own tick */
      g_autofree char *description = g_strdup_printf (_("Practitioner: %s"), tick);

      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_grid_attach (self->rating_grid, dropdown, 2, (int) item + 1, 1, 1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);
  self->choices[item] = GTK_DROP_DOWN (dropdown);
}

IptSessionRatingForm *
ipt_session_rating_form_new (GtkWindow     *parent,
                             IptReview     *review,
                             IptReviewCase *review_case,
                             guint          number)
{
  IptSessionRatingForm *self;
  g_autoptr(IptSessionReview) rating = NULL;
  const IptReviewSession *session = NULL;
  const char * const *tasks;
  g_autofree char *title = NULL;
  g_autofree char *about = NULL;

  g_return_val_if_fail (IPT_IS_REVIEW (review), NULL);
  g_return_val_if_fail (review_case != NULL, NULL);

  rating = ipt_review_new_session_review (review, review_case, number);
  for (guint i = 0; i < review_case->sessions->len; i++)
    if (g_array_index (review_case->sessions, IptReviewSession, i).number == number)
      session = &g_array_index (review_case->sessions, IptReviewSession, i);
  if (rating == NULL || session == NULL)
    return NULL;

  /* TRANSLATORS: the rating form's title; %u is a session number, %s a case code */
  title = g_strdup_printf (_("Rate Session %u of %s"), number, review_case->code);
  self = g_object_new (IPT_TYPE_SESSION_RATING_FORM,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->review = g_object_ref (review);
  self->review_case = ipt_review_case_ref (review_case);
  self->rating = g_steal_pointer (&rating);
  self->n_tasks = MIN (ipt_session_review_get_n_tasks (self->rating), IPT_REVIEW_TASKS_MAX);

  /* TRANSLATORS: above the rating form: the phase's name, then what the scale means */
  about = g_strdup_printf (_("%s. Rate each item 0 to 3: 0 not done, 1 partly, 2 adequately, "
                             "3 well. The practitioner's own ticks are shown beside the tasks."),
                           _ipt_phase_tasks_title (ipt_session_review_get_phase (self->rating)));
  gtk_label_set_text (self->session_label, about);
  gtk_label_set_text (self->notice_label, ipt_review_checklist_notice ());

  tasks = ipt_phase_get_tasks (ipt_session_review_get_phase (self->rating));
  for (guint i = 0; i < self->n_tasks && tasks != NULL && tasks[i] != NULL; i++)
    add_row (self, i, tasks[i],
             session->tasks_done & (1u << i) ? C_("practitioner's tick", "Ticked")
                                             : C_("practitioner's tick", "Not ticked"));
  add_row (self, self->n_tasks, _("Kept to the agreed focus"), NULL);
  add_row (self, self->n_tasks + 1, _("IPT stance: active, warm, hopeful, here and now"), NULL);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (self));
  return self;
}

guint
ipt_session_rating_form_get_n_tasks (IptSessionRatingForm *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_RATING_FORM (self), 0);

  return self->n_tasks;
}

void
ipt_session_rating_form_set_rating (IptSessionRatingForm *self,
                                    guint                 item,
                                    int                   rating)
{
  g_return_if_fail (IPT_IS_SESSION_RATING_FORM (self));
  g_return_if_fail (item < self->n_tasks + 2);
  g_return_if_fail (rating >= IPT_REVIEW_RATING_NONE && rating <= IPT_REVIEW_RATING_MAX);

  gtk_drop_down_set_selected (self->choices[item], (guint) (rating + 1));
}

void
ipt_session_rating_form_set_comment (IptSessionRatingForm *self,
                                     const char           *comment)
{
  g_return_if_fail (IPT_IS_SESSION_RATING_FORM (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), comment, -1);
}

const char *
ipt_session_rating_form_get_tick_text (IptSessionRatingForm *self,
                                       guint                 task)
{
  g_return_val_if_fail (IPT_IS_SESSION_RATING_FORM (self), NULL);
  g_return_val_if_fail (task < self->n_tasks, NULL);

  return gtk_label_get_text (self->ticks[task]);
}

const char *
ipt_session_rating_form_get_error (IptSessionRatingForm *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_RATING_FORM (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->form_error)))
    return NULL;
  return gtk_label_get_text (self->form_error);
}
