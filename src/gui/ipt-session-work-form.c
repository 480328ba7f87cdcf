/* The session form's work: technique sections, who attended a joint session, goal ratings. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-session-work-form.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-store-casework.h"

struct _IptSessionWorkForm
{
  GtkWidget       parent_instance;

  IptStore       *store;
  gint64          episode_id;
  GtkTextView    *views[IPT_TECHNIQUE_N_FIELDS];
  GArray         *person_ids;      /* gint64, as the check buttons */
  GPtrArray      *person_checks;   /* GtkCheckButton */
  GArray         *goal_ids;        /* gint64, as the dropdowns */
  GPtrArray      *goal_dropdowns;  /* GtkDropDown: "Not rated", 0..10 */
  gboolean        joint;
  gboolean        loading;

  GtkWidget      *attendees_card;
  GtkLabel       *no_people_label;
  GtkBox         *people_box;
  GtkEntry       *other_entry;
  GtkLabel       *no_goals_label;
  GtkGrid        *goals_grid;
  GtkBox         *techniques_box;
  GtkLabel       *error_label;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IptSessionWorkForm, ipt_session_work_form, GTK_TYPE_WIDGET)

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
emit_changed (IptSessionWorkForm *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_input_changed (IptSessionWorkForm *self)
{
  emit_changed (self);
}

/* The work the form holds, for session_id. */
static IptSessionWork *
make_work (IptSessionWorkForm *self,
           gint64              session_id)
{
  IptSessionWork *work = ipt_session_work_new (session_id);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *other = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other_entry)));

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    {
      g_autofree char *text = view_text (self->views[i]);

      ipt_session_work_set_text (work, i, *text != '\0' ? text : NULL);
    }
  /* Who attended counts only for a joint session. */
  if (self->joint)
    {
      for (guint i = 0; i < self->person_checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->person_checks, i)))
          g_array_append_val (ids, g_array_index (self->person_ids, gint64, i));
      ipt_session_work_set_attendee_ids (work, (const gint64 *) ids->data, ids->len);
      g_strstrip (other);
      ipt_session_work_set_other_attendee (work, *other != '\0' ? other : NULL);
    }
  return work;
}

static int
dropdown_rating (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? IPT_GOAL_RATING_NONE
                                                                : (int) selected - 1;
}

char *
ipt_session_work_form_get_state (IptSessionWorkForm *self)
{
  g_autoptr(IptSessionWork) work = NULL;
  GString *state = g_string_new (NULL);
  const gint64 *ids;
  guint n_ids;

  g_return_val_if_fail (IPT_IS_SESSION_WORK_FORM (self), NULL);

  work = make_work (self, 0);
  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    g_string_append_printf (state, "%s\x1f", ipt_session_work_get_text (work, i) != NULL
                                             ? ipt_session_work_get_text (work, i) : "");
  ids = ipt_session_work_get_attendee_ids (work, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (state, "%" G_GINT64_FORMAT ",", ids[i]);
  g_string_append_printf (state, "\x1f%s\x1f", gtk_editable_get_text (GTK_EDITABLE (self->other_entry)));
  for (guint i = 0; i < self->goal_dropdowns->len; i++)
    g_string_append_printf (state, "%d,", dropdown_rating (g_ptr_array_index (self->goal_dropdowns, i)));
  return g_string_free (state, FALSE);
}

gboolean
ipt_session_work_form_save (IptSessionWorkForm *self,
                            gint64              session_id,
                            guint               number,
                            GError            **error)
{
  g_autoptr(IptSessionWork) work = NULL;
  g_autoptr(GArray) ratings = g_array_new (FALSE, FALSE, sizeof (IptSessionGoalRating));

  g_return_val_if_fail (IPT_IS_SESSION_WORK_FORM (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  work = make_work (self, session_id);
  if (!ipt_session_work_validate (work, error)
      || !ipt_store_save_session_work (self->store, work, error))
    {
      _ipt_show_field_error (self->error_label, NULL, error != NULL && *error != NULL
                                                      ? (*error)->message : NULL);
      return FALSE;
    }

  for (guint i = 0; i < self->goal_ids->len; i++)
    {
      IptSessionGoalRating rating = {
        g_array_index (self->goal_ids, gint64, i),
        dropdown_rating (g_ptr_array_index (self->goal_dropdowns, i)),
      };

      g_array_append_val (ratings, rating);
    }
  if (ratings->len > 0
      && !ipt_store_save_session_goal_ratings (self->store, self->episode_id, number,
                                               (const IptSessionGoalRating *) ratings->data,
                                               ratings->len, error))
    return FALSE;

  _ipt_show_field_error (self->error_label, NULL, NULL);
  return TRUE;
}

GtkWidget *
ipt_session_work_form_get_attendees (IptSessionWorkForm *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK_FORM (self), NULL);

  return self->attendees_card;
}

void
ipt_session_work_form_set_joint (IptSessionWorkForm *self,
                                 gboolean            joint)
{
  g_return_if_fail (IPT_IS_SESSION_WORK_FORM (self));

  self->joint = joint;
  gtk_widget_set_visible (self->attendees_card, joint);
  emit_changed (self);
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

static void
build_people (IptSessionWorkForm *self,
              GPtrArray          *people,
              IptSessionWork     *work)
{
  const gint64 *attended = NULL;
  guint n_attended = 0;

  if (work != NULL)
    attended = ipt_session_work_get_attendee_ids (work, &n_attended);

  for (guint i = 0; i < people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (people, i);
      gint64 id = ipt_person_get_id (person);
      const char *relationship = ipt_person_get_relationship (person);
      g_autofree char *label = relationship != NULL && *relationship != '\0'
        /* TRANSLATORS: a person of the inventory, "Jamie, partner" */
        ? g_strdup_printf (_("%s, %s"), ipt_person_get_name (person), relationship)
        : g_strdup (ipt_person_get_name (person));
      GtkWidget *check = gtk_check_button_new_with_label (label);

      for (guint j = 0; j < n_attended; j++)
        if (attended[j] == id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_input_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->people_box, check);
      g_array_append_val (self->person_ids, id);
      g_ptr_array_add (self->person_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_people_label), people->len == 0);
}

static void
build_goals (IptSessionWorkForm *self,
             GPtrArray          *goals,
             GArray             *ratings)
{
  for (guint i = 0; i < goals->len; i++)
    {
      IptGoal *goal = g_ptr_array_index (goals, i);
      gint64 id = ipt_goal_get_id (goal);
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *label = gtk_label_new (ipt_goal_get_text (goal));
      GtkWidget *dropdown;
      int rating = IPT_GOAL_RATING_NONE;

      gtk_string_list_append (choices, C_("goal rating", "Not rated"));
      for (int r = 0; r <= 10; r++)
        {
          char text[4];

          g_snprintf (text, sizeof text, "%d", r);
          gtk_string_list_append (choices, text);
        }
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
      for (guint j = 0; ratings != NULL && j < ratings->len; j++)
        if (g_array_index (ratings, IptSessionGoalRating, j).goal_id == id)
          rating = g_array_index (ratings, IptSessionGoalRating, j).rating;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  rating == IPT_GOAL_RATING_NONE ? 0 : (guint) rating + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ipt_goal_get_text (goal), -1);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_input_changed), self,
                               G_CONNECT_SWAPPED);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
      gtk_grid_attach (self->goals_grid, label, 0, i, 1, 1);
      gtk_grid_attach (self->goals_grid, dropdown, 1, i, 1, 1);
      g_array_append_val (self->goal_ids, id);
      g_ptr_array_add (self->goal_dropdowns, dropdown);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_goals_label), goals->len == 0);
}

gboolean
ipt_session_work_form_load (IptSessionWorkForm *self,
                            IptStore           *store,
                            IptEpisode         *episode,
                            gint64              session_id,
                            guint               number,
                            GError            **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(IptSessionWork) work = NULL;

  g_return_val_if_fail (IPT_IS_SESSION_WORK_FORM (self), FALSE);
  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (IPT_IS_EPISODE (episode), FALSE);

  g_set_object (&self->store, store);
  self->episode_id = ipt_episode_get_id (episode);

  people = ipt_store_list_people (store, ipt_episode_get_client_id (episode), error);
  if (people == NULL)
    return FALSE;
  goals = ipt_store_list_goals (store, self->episode_id, error);
  if (goals == NULL)
    return FALSE;
  if (session_id != 0)
    {
      work = ipt_store_get_session_work (store, session_id, error);
      if (work == NULL)
        return FALSE;
      ratings = ipt_store_list_session_goal_ratings (store, self->episode_id, number, error);
      if (ratings == NULL)
        return FALSE;
    }

  self->loading = TRUE;
  clear_children (GTK_WIDGET (self->people_box));
  clear_children (GTK_WIDGET (self->goals_grid));
  g_array_set_size (self->person_ids, 0);
  g_ptr_array_set_size (self->person_checks, 0);
  g_array_set_size (self->goal_ids, 0);
  g_ptr_array_set_size (self->goal_dropdowns, 0);
  build_people (self, people, work);
  build_goals (self, goals, ratings);
  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    {
      const char *text = work != NULL ? ipt_session_work_get_text (work, i) : NULL;

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[i]), text != NULL ? text : "", -1);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->other_entry),
                         work != NULL && ipt_session_work_get_other_attendee (work) != NULL
                         ? ipt_session_work_get_other_attendee (work) : "");
  self->loading = FALSE;
  return TRUE;
}

/* One expander per technique, its sections inside, open when it holds text. */
static void
build_techniques (IptSessionWorkForm *self)
{
  GtkWidget *boxes[IPT_N_TECHNIQUES];

  for (guint t = 0; t < IPT_N_TECHNIQUES; t++)
    {
      GtkWidget *expander = gtk_expander_new (ipt_technique_to_label (t));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_set_margin_start (box, 18);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_name (expander, ipt_technique_to_id (t));
      /* named for screen readers by its technique, not "GtkExpander" */
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ipt_technique_to_label (t), -1);
      gtk_expander_set_child (GTK_EXPANDER (expander), box);
      gtk_box_append (self->techniques_box, expander);
      boxes[t] = box;
    }

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    {
      const char *label_text = ipt_technique_field_to_label (i);
      GtkWidget *label = gtk_label_new (label_text);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 4);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_name (view, ipt_technique_field_to_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label_text, -1);
      gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 48);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                               G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);

      gtk_box_append (GTK_BOX (boxes[ipt_technique_field_get_technique (i)]), label);
      gtk_box_append (GTK_BOX (boxes[ipt_technique_field_get_technique (i)]), scrolled);
      self->views[i] = GTK_TEXT_VIEW (view);
    }
}

static void
ipt_session_work_form_dispose (GObject *object)
{
  IptSessionWorkForm *self = IPT_SESSION_WORK_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_SESSION_WORK_FORM);
  /* The headings the template puts beside the bound children. */
  clear_children (GTK_WIDGET (self));
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_session_work_form_parent_class)->dispose (object);
}

static void
ipt_session_work_form_finalize (GObject *object)
{
  IptSessionWorkForm *self = IPT_SESSION_WORK_FORM (object);

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->person_checks, g_ptr_array_unref);
  g_clear_pointer (&self->goal_ids, g_array_unref);
  g_clear_pointer (&self->goal_dropdowns, g_ptr_array_unref);

  G_OBJECT_CLASS (ipt_session_work_form_parent_class)->finalize (object);
}

static void
ipt_session_work_form_class_init (IptSessionWorkFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_session_work_form_dispose;
  object_class->finalize = ipt_session_work_form_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-session-work-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, attendees_card);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, no_people_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, people_box);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, other_entry);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, no_goals_label);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, goals_grid);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, techniques_box);
  gtk_widget_class_bind_template_child (widget_class, IptSessionWorkForm, error_label);
}

static void
ipt_session_work_form_init (IptSessionWorkForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_checks = g_ptr_array_new ();
  self->goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->goal_dropdowns = g_ptr_array_new ();
  build_techniques (self);
  g_signal_connect_object (self->other_entry, "changed", G_CALLBACK (on_input_changed), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ipt_session_work_form_new (void)
{
  return g_object_new (IPT_TYPE_SESSION_WORK_FORM, NULL);
}

void
ipt_session_work_form_set_text (IptSessionWorkForm *self,
                                IptTechniqueField   field,
                                const char         *text)
{
  g_return_if_fail (IPT_IS_SESSION_WORK_FORM (self));
  g_return_if_fail ((guint) field < IPT_TECHNIQUE_N_FIELDS);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[field]), text, -1);
}

void
ipt_session_work_form_set_attendee (IptSessionWorkForm *self,
                                    gint64              person_id,
                                    gboolean            attended)
{
  g_return_if_fail (IPT_IS_SESSION_WORK_FORM (self));

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      gtk_check_button_set_active (g_ptr_array_index (self->person_checks, i), attended);
}

void
ipt_session_work_form_set_other (IptSessionWorkForm *self,
                                 const char         *text)
{
  g_return_if_fail (IPT_IS_SESSION_WORK_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->other_entry), text);
}

void
ipt_session_work_form_set_rating (IptSessionWorkForm *self,
                                  gint64              goal_id,
                                  int                 rating)
{
  g_return_if_fail (IPT_IS_SESSION_WORK_FORM (self));
  g_return_if_fail (rating == IPT_GOAL_RATING_NONE || (rating >= 0 && rating <= 10));

  for (guint i = 0; i < self->goal_ids->len; i++)
    if (g_array_index (self->goal_ids, gint64, i) == goal_id)
      gtk_drop_down_set_selected (g_ptr_array_index (self->goal_dropdowns, i),
                                  rating == IPT_GOAL_RATING_NONE ? 0 : (guint) rating + 1);
}
