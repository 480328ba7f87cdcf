/* Review mode: the case on the right (what the file says of it, and what the supervisor added)
 * and the supervisor's actions on it. The case follows the review's announcements: its forms
 * only save. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-review-window-private.h"

#include <glib/gi18n.h>

#include "ipt-supervision-pack.h"

#include "ipt-gui-private.h"
#include "ipt-mood-chart-view.h"
#include "ipt-review-comment-form.h"
#include "ipt-session-rating-form.h"
#include "ipt-supervision-log-form.h"

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
append_heading (GtkBox     *box,
                const char *text)
{
  GtkWidget *label = text_label (text, "heading");

  gtk_widget_set_margin_top (label, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (box, label);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               GVariant   *target,
               const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  return button;
}

static const IptReviewScore *
find_score (IptReviewCase *review_case,
            guint          number,
            const char    *measure)
{
  for (guint i = 0; i < review_case->scores->len; i++)
    {
      const IptReviewScore *score = &g_array_index (review_case->scores, IptReviewScore, i);

      if (score->session == number && g_strcmp0 (score->measure, measure) == 0)
        return score;
    }
  return NULL;
}

static guint
count_ticks (guint done,
             guint n_tasks)
{
  guint n = 0;

  for (guint i = 0; i < n_tasks; i++)
    if (done & (1u << i))
      n++;
  return n;
}

/* "Session 5 · week 4 · Middle · attended · PHQ-9 12 · 3 of 5 tasks ticked" */
static char *
session_text (IptReviewCase          *review_case,
              const IptReviewSession *session)
{
  GString *text = g_string_new (NULL);
  const char * const *tasks = ipt_phase_get_tasks (session->phase);
  guint n_tasks = tasks != NULL ? g_strv_length ((char **) tasks) : 0;
  const IptReviewScore *phq9 = find_score (review_case, session->number, "phq9");
  const IptReviewScore *gad7 = find_score (review_case, session->number, "gad7");

  /* TRANSLATORS: %u is a session number */
  g_string_append_printf (text, _("Session %u"), session->number);
  if (session->week != IPT_REVIEW_WEEK_NONE)
    /* TRANSLATORS: %d is a week counted from the course's first day */
    g_string_append_printf (text, _(" · week %d"), session->week);
  g_string_append_printf (text, " · %s · %s", ipt_phase_to_label (session->phase),
                          ipt_attendance_to_label (session->attendance));
  if (phq9 != NULL && phq9->total != IPT_TOTAL_NONE)
    /* TRANSLATORS: %d is a PHQ-9 total */
    g_string_append_printf (text, _(" · PHQ-9 %d"), phq9->total);
  if (gad7 != NULL && gad7->total != IPT_TOTAL_NONE)
    /* TRANSLATORS: %d is a GAD-7 total */
    g_string_append_printf (text, _(" · GAD-7 %d"), gad7->total);
  if (n_tasks > 0)
    /* TRANSLATORS: the practitioner's own ticks over the phase's tasks */
    g_string_append_printf (text, _(" · %u of %u tasks ticked"),
                            count_ticks (session->tasks_done, n_tasks), n_tasks);
  return g_string_free (text, FALSE);
}

static void
append_session (IptReviewWindow        *self,
                GtkBox                 *box,
                const IptReviewSession *session)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *text = session_text (self->shown, session);
  GtkWidget *label = text_label (text, NULL);
  g_autofree char *rate_name = NULL;
  g_autofree char *comment_name = NULL;
  GtkWidget *rate, *comment;

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);

  /* TRANSLATORS: accessible names of the buttons beside a session; %u is its number */
  rate_name = g_strdup_printf (_("Rate session %u"), session->number);
  comment_name = g_strdup_printf (_("Comment on session %u"), session->number);
  rate = action_button (_("_Rate…"), "review.rate-session",
                        g_variant_new_uint32 (session->number), rate_name);
  comment = action_button (_("C_omment…"), "review.comment-session",
                           g_variant_new_uint32 (session->number), comment_name);
  gtk_widget_set_tooltip_text (rate, rate_name);
  gtk_widget_set_tooltip_text (comment, comment_name);
  gtk_box_append (GTK_BOX (row), rate);
  gtk_box_append (GTK_BOX (row), comment);
  gtk_box_append (box, row);

  if (session->note != NULL && *session->note != '\0')
    {
      GtkWidget *note = text_label (session->note, "dim-label");

      gtk_widget_set_margin_start (note, 18);
      gtk_box_append (box, note);
    }
}

static void
append_details (IptReviewWindow *self,
                GtkBox          *box)
{
  IptReviewCase *c = self->shown;
  gboolean us = self->us_wording;
  g_autoptr(GString) focus = g_string_new (NULL);
  GtkWidget *title = text_label (c->code, "title-1");

  gtk_box_append (box, title);
  gtk_box_append (box, text_label (c->progress_text, "dim-label"));

  if (c->focus == IPT_FOCUS_NONE)
    g_string_append (focus, _("Focus not chosen yet"));
  else
    g_string_append (focus, ipt_focus_to_label (c->focus, us));
  if (c->focus == IPT_FOCUS_ROLE_DISPUTE && c->dispute_stage != IPT_DISPUTE_STAGE_NONE)
    g_string_append_printf (focus, " (%s)", ipt_dispute_stage_to_label (c->dispute_stage));
  if (c->focus_person != NULL)
    g_string_append_printf (focus, " · %s", c->focus_person);
  if (c->secondary_focus != IPT_FOCUS_NONE)
    /* TRANSLATORS: the secondary focus after the first, "Grief · also Role transition" */
    g_string_append_printf (focus, _(" · also %s"), ipt_focus_to_label (c->secondary_focus, us));
  gtk_box_append (box, text_label (focus->str, NULL));

  {
    /* The chart the practitioner sees, drawn from the case as the file has it. */
    g_autoptr(IptChartData) data = ipt_supervision_chart_data (c);
    IptMoodChartView *chart = ipt_mood_chart_view_new ();

    ipt_mood_chart_view_set_data (chart, data);
    gtk_widget_set_size_request (GTK_WIDGET (chart), -1, 300);
    gtk_widget_set_margin_top (GTK_WIDGET (chart), 12);
    gtk_box_append (box, GTK_WIDGET (chart));
  }

  append_heading (box, _("Signals"));
  for (guint i = 0; c->signals != NULL && i < c->signals->len; i++)
    {
      const IptSignal *signal = g_ptr_array_index (c->signals, i);
      GtkWidget *label = text_label (signal->rule, NULL);

      _ipt_widget_set_signal_class (label, signal->kind);
      gtk_box_append (box, label);
    }
  if (c->outcome != NULL && c->outcome->rule != NULL)
    {
      /* TRANSLATORS: %s is an outcome such as "Reliable recovery" */
      g_autofree char *outcome = g_strdup_printf (c->status == IPT_EPISODE_STATUS_ACTIVE
                                                  ? _("Outcome so far: %s") : _("Outcome: %s"),
                                                  ipt_outcome_category_to_label (c->outcome->category));
      gtk_box_append (box, text_label (outcome, NULL));
      gtk_box_append (box, text_label (c->outcome->rule, "dim-label"));
    }

  if (c->formulation != NULL && *c->formulation != '\0')
    {
      append_heading (box, _("Formulation"));
      gtk_box_append (box, text_label (c->formulation, NULL));
    }
}

static void
append_supervision (IptReviewWindow *self,
                    GtkBox          *box)
{
  gint64 episode_id = self->shown->episode_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = ipt_review_list_comments (self->review, episode_id, &error);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) log = NULL;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  IptSupervisionTotals totals;

  append_heading (box, _("Your Supervision"));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Comment on the Case…"), "review.comment-case", NULL, NULL));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("Add to the Supervision _Log…"), "review.add-log-entry",
                                 NULL, NULL));
  gtk_box_append (box, buttons);

  if (comments != NULL)
    reviews = ipt_review_list_session_reviews (self->review, episode_id, &error);
  if (reviews != NULL)
    log = ipt_review_list_supervision_log (self->review, episode_id, &error);
  if (log == NULL)
    {
      gtk_box_append (box, text_label (error->message, "error"));
      return;
    }

  if (comments->len == 0 && reviews->len == 0 && log->len == 0)
    gtk_box_append (box, text_label (_("Nothing added yet. Comment on the case, rate a session "
                                       "you heard with the Rate button beside it, or add what "
                                       "you discussed to the supervision log."), "dim-label"));

  for (guint i = 0; i < comments->len; i++)
    {
      IptComment *comment = g_ptr_array_index (comments, i);
      guint number = ipt_comment_get_session_number (comment);
      g_autofree char *about = number > 0
        /* TRANSLATORS: what a comment is about; %u is a session number */
        ? g_strdup_printf (_("Comment on session %u"), number)
        : g_strdup (_("Comment on the case"));

      gtk_box_append (box, text_label (about, "caption-heading"));
      gtk_box_append (box, text_label (ipt_comment_get_text (comment), NULL));
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      IptSessionReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *ratings = ipt_session_review_describe_ratings (review);
      g_autofree char *text = g_strdup_printf (_("Rating of session %u"),
                                               ipt_session_review_get_session_number (review));

      gtk_box_append (box, text_label (text, "caption-heading"));
      if (*ratings != '\0')
        gtk_box_append (box, text_label (ratings, "dim-label"));
      if (*ipt_session_review_get_comment (review) != '\0')
        gtk_box_append (box, text_label (ipt_session_review_get_comment (review), NULL));
    }

  ipt_supervision_totals_compute (log, &totals);
  if (log->len > 0)
    {
      g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u entry", "%u entries",
                                                               totals.n_entries),
                                                  totals.n_entries);
      g_autofree char *discussed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u session discussed",
                                                                 "%u sessions discussed",
                                                                 totals.n_sessions_discussed),
                                                    totals.n_sessions_discussed);
      g_autofree char *recordings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u recording reviewed",
                                                                  "%u recordings reviewed",
                                                                  totals.n_recordings_reviewed),
                                                     totals.n_recordings_reviewed);
      /* TRANSLATORS: the supervision log's totals for one case: "2 entries", "3 sessions
       * discussed", "1 recording reviewed" */
      g_autofree char *sums = g_strdup_printf (_("Supervision log: %s, %s, %s"), entries,
                                               discussed, recordings);
      gtk_box_append (box, text_label (sums, "caption-heading"));
    }
  for (guint i = 0; i < log->len; i++)
    {
      IptSupervisionEntry *entry = g_ptr_array_index (log, i);
      g_autofree char *text = ipt_supervision_entry_describe (entry);
      const char *points = ipt_supervision_entry_get_action_points (entry);

      gtk_box_append (box, text_label (text, NULL));
      if (points != NULL && *points != '\0')
        gtk_box_append (box, text_label (points, "dim-label"));
    }
}

void
_ipt_review_window_fill_case (IptReviewWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->case_box))) != NULL)
    gtk_box_remove (self->case_box, child);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.comment-case", self->shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-log-entry", self->shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.comment-session", self->shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.rate-session", self->shown != NULL);
  if (self->shown == NULL)
    {
      if (self->by_need != NULL && self->by_need->len > 0)
        {
          gtk_label_set_text (self->status_label, _("Choose a case from the list to see its "
                                                    "chart, its signals and its sessions."));
          gtk_stack_set_visible_child_name (self->content_stack, "status");
        }
      return;
    }

  append_details (self, self->case_box);
  append_supervision (self, self->case_box);

  append_heading (self->case_box, _("Sessions"));
  if (self->shown->sessions->len == 0)
    gtk_box_append (self->case_box, text_label (_("No sessions recorded yet."), "dim-label"));
  for (guint i = 0; i < self->shown->sessions->len; i++)
    append_session (self, self->case_box,
                    &g_array_index (self->shown->sessions, IptReviewSession, i));

  gtk_stack_set_visible_child_name (self->content_stack, "case");
}

/* What the supervisor added to the case shown, whoever added it: the case is built again. */
static void
on_review_changed (IptReview       *review,
                   gint64           episode_id,
                   IptReviewWindow *self)
{
  if (self->shown != NULL && self->shown->episode_id == episode_id)
    _ipt_review_window_fill_case (self);
}

void
_ipt_review_window_follow_review (IptReviewWindow *self)
{
  g_signal_connect_object (self->review, "changed", G_CALLBACK (on_review_changed), self, 0);
}

/* The actions: each opens a form over the window, which only saves. */

static void
present_form (IptReviewWindow *self,
              GtkWindow       *form)
{
  _ipt_review_window_set_dialog (self, form);
  gtk_window_present (form);
}

static gboolean
has_session (IptReviewCase *review_case,
             guint          number)
{
  for (guint i = 0; i < review_case->sessions->len; i++)
    if (g_array_index (review_case->sessions, IptReviewSession, i).number == number)
      return TRUE;
  return FALSE;
}

static void
comment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (widget);
  guint number = parameter != NULL ? g_variant_get_uint32 (parameter) : 0;

  if (self->shown == NULL || (number > 0 && !has_session (self->shown, number)))
    return;
  present_form (self, GTK_WINDOW (ipt_review_comment_form_new (GTK_WINDOW (self), self->review,
                                                               self->shown, number)));
}

static void
rate_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (widget);
  IptSessionRatingForm *form;

  if (self->shown == NULL)
    return;
  form = ipt_session_rating_form_new (GTK_WINDOW (self), self->review, self->shown,
                                      g_variant_get_uint32 (parameter));
  if (form != NULL)
    present_form (self, GTK_WINDOW (form));
}

static void
add_log_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IptReviewWindow *self = IPT_REVIEW_WINDOW (widget);

  if (self->shown == NULL)
    return;
  present_form (self, GTK_WINDOW (ipt_supervision_log_form_new (GTK_WINDOW (self), self->review,
                                                                self->shown)));
}

void _ipt_review_window_class_init_actions (GtkWidgetClass *widget_class);

void
_ipt_review_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.comment-case", NULL, comment_action);
  gtk_widget_class_install_action (widget_class, "review.comment-session", "u", comment_action);
  gtk_widget_class_install_action (widget_class, "review.rate-session", "u", rate_session_action);
  gtk_widget_class_install_action (widget_class, "review.add-log-entry", NULL,
                                   add_log_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "review.comment-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "review.add-log-entry", NULL);
}
