/* The Formulation tab of a client's page: the focus and secondary focus with their fields, a
 * role dispute's stages, the formulation and the date the client agreed it, the contract in one
 * line, and the goals with a small chart of their ratings.
 *
 * The view is told which course to show and reads it itself; it follows IptStore::changed and
 * reads the course again when an announcement names its client, and binds the focus wording to
 * the preferences. Its forms write to the store and never tell the view to update. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-formulation-view-private.h"

#include <glib/gi18n.h>

#include "ipt-date-format.h"
#include "ipt-goal-chart.h"
#include "ipt-gui-private.h"
#include "ipt-preferences.h"
#include "ipt-store-casework.h"

G_DEFINE_FINAL_TYPE (IptFormulationView, ipt_formulation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_US_WORDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
goal_line_free (GoalLine *line)
{
  g_array_unref (line->points);
  g_free (line->text);
  g_free (line);
}

void
_ipt_formulation_view_show_error (IptFormulationView *self,
                                  const char         *primary,
                                  const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  _ipt_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, primary, error);
}

static char *
person_name (GPtrArray *people,
             gint64     person_id)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (people, i);

      if (ipt_person_get_id (person) == person_id)
        return g_strdup (ipt_person_get_name (person));
    }
  return NULL;
}

/* The fields of one focus in words: "Jamie (partner) · stage: impasse". */
static char *
describe_fields (IptFocusFields *fields,
                 GPtrArray      *people)
{
  g_autofree char *name = person_name (people, ipt_focus_fields_get_person_id (fields));
  g_autofree char *date = ipt_date_format_display (ipt_focus_fields_get_date (fields));
  GString *text = g_string_new (NULL);

  switch (ipt_focus_fields_get_focus (fields))
    {
    case IPT_FOCUS_GRIEF:
      if (name != NULL)
        /* TRANSLATORS: grief focus: the person who died */
        g_string_append_printf (text, _("Person who died: %s"), name);
      if (date != NULL && *date != '\0')
        {
          if (text->len > 0)
            g_string_append (text, " · ");
          /* TRANSLATORS: grief focus: the date of death */
          g_string_append_printf (text, _("died on %s"), date);
        }
      break;

    case IPT_FOCUS_ROLE_DISPUTE:
      if (name != NULL)
        /* TRANSLATORS: role dispute: the other person */
        g_string_append_printf (text, _("With %s"), name);
      if (ipt_focus_fields_get_dispute_stage (fields) != IPT_DISPUTE_STAGE_NONE)
        {
          if (text->len > 0)
            g_string_append (text, " · ");
          /* TRANSLATORS: role dispute: its current stage ("stage: impasse") */
          g_string_append_printf (text, _("stage: %s"),
                                  ipt_dispute_stage_to_label (ipt_focus_fields_get_dispute_stage (fields)));
        }
      break;

    case IPT_FOCUS_ROLE_TRANSITION:
      {
        const char *old_role = ipt_focus_fields_get_old_role (fields);
        const char *new_role = ipt_focus_fields_get_new_role (fields);

        if (old_role != NULL && *old_role != '\0' && new_role != NULL && *new_role != '\0')
          /* TRANSLATORS: role transition: from the old role to the new one */
          g_string_append_printf (text, _("From %s to %s"), old_role, new_role);
        if (date != NULL && *date != '\0')
          {
            if (text->len > 0)
              g_string_append (text, " · ");
            /* TRANSLATORS: role transition: the date of the change */
            g_string_append_printf (text, _("changed on %s"), date);
          }
      }
      break;

    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
    case IPT_FOCUS_NONE:
    default:
      break;
    }

  return g_string_free (text, FALSE);
}

static void
show_focus (IptFormulationView *self,
            IptFocusFields     *fields,
            GPtrArray          *people,
            GtkLabel           *name_label,
            GtkLabel           *detail_label,
            GtkLabel           *missing_label,
            gboolean            us_wording)
{
  IptFocus focus = fields != NULL ? ipt_focus_fields_get_focus (fields) : IPT_FOCUS_NONE;
  g_autofree char *detail = NULL;
  const char *missing = NULL;

  if (focus == IPT_FOCUS_NONE)
    {
      gtk_label_set_label (name_label, ipt_focus_fields_get_secondary (fields)
                           ? _("No secondary focus")
                           : _("Focus not chosen yet"));
      gtk_widget_set_visible (GTK_WIDGET (detail_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (missing_label), FALSE);
      return;
    }

  gtk_label_set_label (name_label, ipt_focus_to_label (focus, us_wording));
  detail = describe_fields (fields, people);
  gtk_label_set_label (detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (detail_label), *detail != '\0');
  missing = ipt_focus_fields_get_missing (fields);
  gtk_label_set_label (missing_label, missing != NULL ? missing : "");
  gtk_widget_set_visible (GTK_WIDGET (missing_label), missing != NULL);
}

static void
show_stages (IptFormulationView *self,
             IptFocusFields     *fields,
             GArray             *stages)
{
  GtkWidget *row;
  gboolean dispute = fields != NULL && ipt_focus_fields_get_focus (fields) == IPT_FOCUS_ROLE_DISPUTE;

  gtk_widget_set_visible (self->stages_card, dispute);
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->stages_list, 0))) != NULL)
    gtk_list_box_remove (self->stages_list, row);
  if (!dispute)
    return;

  gtk_label_set_label (self->stage_label,
                       ipt_focus_fields_get_dispute_stage (fields) != IPT_DISPUTE_STAGE_NONE
                       ? ipt_dispute_stage_to_label (ipt_focus_fields_get_dispute_stage (fields))
                       : _("Stage not known yet"));
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    {
      const IptDisputeStageChange *change = &g_array_index (stages, IptDisputeStageChange, i);
      /* TRANSLATORS: a role dispute's stage recorded at a session: "Session 3: Impasse" */
      g_autofree char *text = g_strdup_printf (_("Session %u: %s"), change->session_number,
                                               ipt_dispute_stage_to_label (change->stage));
      /* TRANSLATORS: accessible name of the button that removes a stage change */
      g_autofree char *remove_name = g_strdup_printf (_("Remove stage change: %s"), text);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "formulation.remove-stage");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                              g_variant_new_uint32 (change->session_number));
      gtk_widget_set_tooltip_text (remove, _("Remove Stage Change"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_list_box_append (self->stages_list, box);
    }
}

static char *
ratings_text (IptGoal *goal)
{
  int first = ipt_goal_get_first_rating (goal);
  int latest = ipt_goal_get_latest_rating (goal);

  if (first == IPT_GOAL_RATING_NONE)
    return g_strdup (_("Not rated yet"));
  if (latest == IPT_GOAL_RATING_NONE || latest == first)
    /* TRANSLATORS: a goal rated once, out of 10 */
    return g_strdup_printf (_("Rated %d of 10"), first);
  /* TRANSLATORS: a goal's first and latest ratings, out of 10 */
  return g_strdup_printf (_("First %d, latest %d of 10"), first, latest);
}

static GtkWidget *
goal_row (IptFormulationView *self,
          IptGoal            *goal,
          guint               number)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = g_strdup_printf ("%u. %s", number, ipt_goal_get_text (goal));
  g_autofree char *ratings = ratings_text (goal);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *ratings_label = gtk_label_new (ratings);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GVariant *id = g_variant_new_int64 (ipt_goal_get_id (goal));
  /* TRANSLATORS: accessible names of a goal's buttons, with the goal's text */
  g_autofree char *edit_name = g_strdup_printf (_("Edit goal: %s"), ipt_goal_get_text (goal));
  g_autofree char *remove_name = g_strdup_printf (_("Delete goal: %s"), ipt_goal_get_text (goal));

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (ratings_label), 0);
  gtk_widget_add_css_class (ratings_label, "dim-label");
  gtk_widget_add_css_class (ratings_label, "caption");
  gtk_box_append (GTK_BOX (texts), title_label);
  gtk_box_append (GTK_BOX (texts), ratings_label);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "formulation.edit-goal");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), id);
  gtk_widget_set_tooltip_text (edit, _("Edit Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "formulation.delete-goal");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), id);
  gtk_widget_set_tooltip_text (remove, _("Delete Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  for (GtkWidget *button = edit; button != NULL; button = button == edit ? remove : NULL)
    {
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    }

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
show_goals (IptFormulationView *self)
{
  GtkWidget *row;

  /* Rows only: the placeholder stays. */
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->goals_list, 0))) != NULL)
    gtk_list_box_remove (self->goals_list, row);
  for (guint i = 0; self->goals != NULL && i < self->goals->len; i++)
    gtk_list_box_append (self->goals_list, goal_row (self, g_ptr_array_index (self->goals, i), i + 1));
  gtk_widget_queue_draw (GTK_WIDGET (self->goal_chart));
}

static gboolean
load_goals (IptFormulationView *self,
            GError            **error)
{
  gint64 episode_id = ipt_episode_get_id (self->episode);

  self->goals = ipt_store_list_goals (self->store, episode_id, error);
  if (self->goals == NULL)
    return FALSE;
  self->goal_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_line_free);
  for (guint i = 0; i < self->goals->len; i++)
    {
      IptGoal *goal = g_ptr_array_index (self->goals, i);
      g_autoptr(GArray) ratings = ipt_store_list_goal_ratings (self->store, ipt_goal_get_id (goal), error);
      GoalLine *line;

      if (ratings == NULL)
        return FALSE;
      line = g_new0 (GoalLine, 1);
      line->text = g_strdup (ipt_goal_get_text (goal));
      line->points = g_array_new (FALSE, FALSE, sizeof (IptGoalPoint));
      for (guint r = 0; r < ratings->len; r++)
        {
          const IptGoalRating *rating = &g_array_index (ratings, IptGoalRating, r);
          IptGoalPoint point = { rating->session_number, rating->rating };

          g_array_append_val (line->points, point);
          self->last_rated = MAX (self->last_rated, rating->session_number);
        }
      g_ptr_array_add (self->goal_lines, line);
    }
  return TRUE;
}

static void
clear (IptFormulationView *self)
{
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->goal_lines, g_ptr_array_unref);
  g_clear_pointer (&self->contract, g_free);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->primary);
  g_clear_object (&self->secondary);
  g_clear_object (&self->client);
  g_clear_object (&self->episode);
  self->last_rated = 0;
}

/* The focus and secondary focus in the wording chosen. */
static void
show_foci (IptFormulationView *self)
{
  if (self->primary == NULL || self->secondary == NULL)
    return;
  show_focus (self, self->primary, self->people, self->focus_label, self->focus_detail_label,
              self->focus_missing_label, self->us_wording);
  show_focus (self, self->secondary, self->people, self->secondary_label,
              self->secondary_detail_label, self->secondary_missing_label, self->us_wording);
}

static gboolean
load (IptFormulationView *self,
      GError            **error)
{
  gint64 episode_id = self->course_id;
  g_autofree char *focus_person = NULL;
  const char *formulation;
  const char *agreed_on;

  self->client = ipt_store_get_client (self->store, self->client_id, error);
  if (self->client == NULL)
    return FALSE;
  self->episode = ipt_store_get_episode (self->store, episode_id, error);
  if (self->episode == NULL)
    return FALSE;
  formulation = ipt_episode_get_formulation (self->episode);
  agreed_on = ipt_episode_get_agreed_on (self->episode);
  self->primary = ipt_store_get_focus_fields (self->store, episode_id, FALSE, error);
  if (self->primary == NULL)
    return FALSE;
  self->secondary = ipt_store_get_focus_fields (self->store, episode_id, TRUE, error);
  if (self->secondary == NULL)
    return FALSE;
  self->people = ipt_store_list_people (self->store, self->client_id, error);
  if (self->people == NULL)
    return FALSE;
  if (ipt_focus_fields_get_focus (self->primary) == IPT_FOCUS_ROLE_DISPUTE)
    {
      self->stages = ipt_store_list_dispute_stages (self->store, episode_id, FALSE, error);
      if (self->stages == NULL)
        return FALSE;
    }
  if (!load_goals (self, error))
    return FALSE;

  focus_person = person_name (self->people, ipt_focus_fields_get_person_id (self->primary));
  self->contract = ipt_focus_fields_describe_contract (self->primary,
                                                      ipt_episode_get_planned_sessions (self->episode),
                                                      focus_person);
  gtk_label_set_label (self->contract_label, self->contract);
  show_foci (self);
  show_stages (self, self->primary, self->stages);

  if (formulation != NULL && *formulation != '\0')
    {
      gtk_label_set_label (self->formulation_label, formulation);
      gtk_widget_remove_css_class (GTK_WIDGET (self->formulation_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->formulation_label,
                           _("No formulation written yet. Write it with Edit Focus and Formulation once it is agreed with the client: how the symptoms link to the focus, and the time limit."));
      gtk_widget_add_css_class (GTK_WIDGET (self->formulation_label), "dim-label");
    }
  if (agreed_on != NULL && *agreed_on != '\0')
    {
      /* TRANSLATORS: the date the client agreed the formulation */
      g_autofree char *shown = ipt_date_format_display (agreed_on);
      g_autofree char *text = g_strdup_printf (_("Agreed with the client on %s"), shown);

      gtk_label_set_label (self->agreed_label, text);
    }
  else
    gtk_label_set_label (self->agreed_label, _("Not yet agreed with the client"));

  show_goals (self);
  return TRUE;
}

static void
update_actions (IptFormulationView *self)
{
  gboolean editable = self->store != NULL && self->client != NULL && self->episode != NULL
                      && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation.add-goal", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation.edit-goal", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation.delete-goal", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "formulation.remove-stage", editable);
}

void
ipt_formulation_view_set_read_only (IptFormulationView *self,
                                    gboolean            read_only)
{
  g_return_if_fail (IPT_IS_FORMULATION_VIEW (self));

  self->read_only = !!read_only;
  update_actions (self);
}

/* Reads the course shown from the store and shows it. */
static void
show (IptFormulationView *self)
{
  g_autoptr(GError) error = NULL;

  clear (self);
  if (self->store != NULL && self->client_id != 0 && self->course_id != 0 && !load (self, &error))
    {
      clear (self);
      /* A client or course deleted meanwhile simply leaves the tab empty. */
      if (!g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND))
        _ipt_formulation_view_show_error (self, _("The formulation could not be read"), error);
    }
  if (self->episode == NULL)
    show_goals (self);
  update_actions (self);
}

static void
on_store_changed (IptStore           *store,
                  IptStoreChanges    *changes,
                  IptFormulationView *self)
{
  if (_ipt_tab_should_read (GTK_WIDGET (self), changes, self->client_id, &self->stale))
    show (self);
}

static void
ipt_formulation_view_map (GtkWidget *widget)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (widget);

  GTK_WIDGET_CLASS (ipt_formulation_view_parent_class)->map (widget);
  if (_ipt_tab_take_stale (&self->stale))
    show (self);
}

void
ipt_formulation_view_set_course (IptFormulationView *self,
                                 IptStore           *store,
                                 gint64              client_id,
                                 gint64              course_id)
{
  g_return_if_fail (IPT_IS_FORMULATION_VIEW (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  if (store == NULL || client_id == 0)
    client_id = course_id = 0;
  /* The view follows the store by itself: only another client or course is read here. */
  if (self->store == store && self->client_id == client_id && self->course_id == course_id)
    return;
  if (g_set_object (&self->store, store))
    g_signal_group_set_target (self->store_signals, store);
  self->client_id = client_id;
  self->course_id = course_id;
  show (self);
}

static void
set_us_wording (IptFormulationView *self,
                gboolean            us_wording)
{
  us_wording = !!us_wording;
  if (self->us_wording == us_wording)
    return;
  self->us_wording = us_wording;
  show_foci (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_US_WORDING]);
}

GPtrArray *
ipt_formulation_view_get_goals (IptFormulationView *self)
{
  g_return_val_if_fail (IPT_IS_FORMULATION_VIEW (self), NULL);

  return self->goals;
}

const char *
ipt_formulation_view_get_contract (IptFormulationView *self)
{
  g_return_val_if_fail (IPT_IS_FORMULATION_VIEW (self), NULL);

  return self->contract;
}

/* Chart */

static void
draw_goal_chart (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (user_data);
  g_autofree IptGoalSeries *series = NULL;
  guint n = self->goal_lines != NULL ? self->goal_lines->len : 0;
  IptChartStyle style;
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ipt_chart_style_init (&style, _ipt_widget_is_dark (GTK_WIDGET (area)));
  style.foreground = (IptChartColor) { fg.red, fg.green, fg.blue, 1.0 };

  series = g_new0 (IptGoalSeries, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      GoalLine *line = g_ptr_array_index (self->goal_lines, i);

      series[i].text = line->text;
      series[i].points = (const IptGoalPoint *) line->points->data;
      series[i].n_points = line->points->len;
    }
  ipt_goal_chart_render (cr, series, n, self->last_rated, &style, width, height);
}

static void
ipt_formulation_view_dispose (GObject *object)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_FORMULATION_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  clear (self);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_formulation_view_parent_class)->dispose (object);
}

static void
ipt_formulation_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (object);

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
ipt_formulation_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_US_WORDING:
      set_us_wording (IPT_FORMULATION_VIEW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_formulation_view_class_init (IptFormulationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = ipt_formulation_view_map;
  object_class->dispose = ipt_formulation_view_dispose;
  object_class->get_property = ipt_formulation_view_get_property;
  object_class->set_property = ipt_formulation_view_set_property;

  /* US names of the problem areas ("Interpersonal deficits"). */
  properties[PROP_US_WORDING] =
    g_param_spec_boolean ("us-wording", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-formulation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, contract_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, focus_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, focus_detail_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, focus_missing_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, secondary_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, secondary_detail_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, secondary_missing_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, stages_card);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, stage_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, stages_list);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, formulation_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, agreed_label);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, goals_list);
  gtk_widget_class_bind_template_child (widget_class, IptFormulationView, goal_chart);

  gtk_widget_class_install_action (widget_class, "formulation.edit", NULL,
                                   _ipt_formulation_view_edit_action);
  gtk_widget_class_install_action (widget_class, "formulation.add-goal", NULL,
                                   _ipt_formulation_view_add_goal_action);
  gtk_widget_class_install_action (widget_class, "formulation.edit-goal", "x",
                                   _ipt_formulation_view_edit_goal_action);
  gtk_widget_class_install_action (widget_class, "formulation.delete-goal", "x",
                                   _ipt_formulation_view_delete_goal_action);
  gtk_widget_class_install_action (widget_class, "formulation.remove-stage", "u",
                                   _ipt_formulation_view_remove_stage_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipt_formulation_view_init (IptFormulationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->goal_chart, draw_goal_chart, self, NULL);
  update_actions (self);

  self->store_signals = g_signal_group_new (IPT_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_DEFAULT);
  g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", self, "us-wording",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
ipt_formulation_view_new (void)
{
  return g_object_new (IPT_TYPE_FORMULATION_VIEW, NULL);
}
