/* The Formulation tab's actions: its forms, and deleting goals and stage changes with Undo. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-formulation-view-private.h"

#include <glib/gi18n.h>

#include "ipt-formulation-form.h"
#include "ipt-goal-form.h"
#include "ipt-store-casework.h"
#include "ipt-window-private.h"

static IptWindow *
get_window (IptFormulationView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return IPT_IS_WINDOW (root) ? IPT_WINDOW (root) : NULL;
}

static void
on_form_destroy (GtkWindow *form,
                 IptWindow *window)
{
  if (window->dialog == form)
    _ipt_window_set_dialog (window, NULL);
}

static void
present_form (IptFormulationView *self,
              GtkWindow          *form)
{
  IptWindow *window = get_window (self);

  if (window != NULL)
    {
      g_signal_connect_object (form, "destroy", G_CALLBACK (on_form_destroy), window, 0);
      _ipt_window_set_dialog (window, form);
    }
  gtk_window_present (form);
}

static GtkWindow *
parent_window (IptFormulationView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_ipt_formulation_view_edit_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (widget);
  IptFormulationForm *form;

  if (self->episode == NULL)
    return;
  form = ipt_formulation_form_new (parent_window (self), self->store, self->client, self->episode);
  present_form (self, GTK_WINDOW (form));
}

static IptGoal *
find_goal (IptFormulationView *self,
           gint64              goal_id)
{
  for (guint i = 0; self->goals != NULL && i < self->goals->len; i++)
    if (ipt_goal_get_id (g_ptr_array_index (self->goals, i)) == goal_id)
      return g_ptr_array_index (self->goals, i);
  return NULL;
}

void
_ipt_formulation_view_add_goal_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (widget);

  if (self->episode == NULL)
    return;
  present_form (self, GTK_WINDOW (ipt_goal_form_new (parent_window (self), self->store,
                                                     ipt_episode_get_id (self->episode), NULL)));
}

void
_ipt_formulation_view_edit_goal_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (widget);
  IptGoal *goal = find_goal (self, g_variant_get_int64 (parameter));

  if (goal == NULL)
    return;
  present_form (self, GTK_WINDOW (ipt_goal_form_new (parent_window (self), self->store,
                                                     ipt_episode_get_id (self->episode), goal)));
}

/* What Undo needs to put a deleted goal back: its text and its ratings by session. */
typedef struct
{
  IptStore *store;
  gint64    episode_id;
  char     *text;
  GArray   *ratings;   /* IptGoalRating */
} GoalUndo;

static void
goal_undo_free (GoalUndo *undo)
{
  g_object_unref (undo->store);
  g_free (undo->text);
  g_array_unref (undo->ratings);
  g_free (undo);
}

static gboolean
undo_delete_goal (IptWindow *window,
                  gpointer   data,
                  GError   **error)
{
  GoalUndo *undo = data;
  g_autoptr(IptGoal) goal = ipt_goal_new (undo->episode_id, undo->text);

  /* The goal and its ratings come back as one step, or not at all. */
  if (!ipt_store_begin (undo->store, error))
    return FALSE;
  if (!ipt_store_save_goal (undo->store, goal, error))
    goto fail;
  for (guint i = 0; i < undo->ratings->len; i++)
    {
      const IptGoalRating *rating = &g_array_index (undo->ratings, IptGoalRating, i);

      if (!ipt_store_set_goal_rating (undo->store, ipt_goal_get_id (goal), rating->session_number,
                                      rating->rating, error))
        goto fail;
    }
  return ipt_store_commit (undo->store, error);

fail:
  ipt_store_rollback (undo->store);
  return FALSE;
}

void
_ipt_formulation_view_delete_goal_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (widget);
  IptGoal *goal = find_goal (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ratings = NULL;
  IptWindow *window;
  GoalUndo *undo;

  if (goal == NULL)
    return;
  ratings = ipt_store_list_goal_ratings (self->store, ipt_goal_get_id (goal), &error);
  if (ratings == NULL)
    {
      _ipt_formulation_view_show_error (self, _("The goal could not be deleted"), error);
      return;
    }
  undo = g_new0 (GoalUndo, 1);
  undo->store = g_object_ref (self->store);
  undo->episode_id = ipt_episode_get_id (self->episode);
  undo->text = g_strdup (ipt_goal_get_text (goal));
  undo->ratings = g_steal_pointer (&ratings);

  /* The page reloads from the store's announcement: goal is gone after this call. */
  window = get_window (self);
  if (!ipt_store_delete_goal (self->store, ipt_goal_get_id (goal), &error))
    {
      goal_undo_free (undo);
      _ipt_formulation_view_show_error (self, _("The goal could not be deleted"), error);
      return;
    }
  if (window != NULL)
    _ipt_window_show_toast (window, _("Goal deleted"), undo_delete_goal, undo,
                            (GDestroyNotify) goal_undo_free);
  else
    goal_undo_free (undo);
}

/* What Undo needs to record a removed stage change again. */
typedef struct
{
  IptStore              *store;
  gint64                 episode_id;
  IptDisputeStageChange  change;
} StageUndo;

static void
stage_undo_free (StageUndo *undo)
{
  g_object_unref (undo->store);
  g_free (undo);
}

static gboolean
undo_remove_stage (IptWindow *window,
                   gpointer   data,
                   GError   **error)
{
  StageUndo *undo = data;

  return ipt_store_record_dispute_stage (undo->store, undo->episode_id, FALSE, &undo->change, error);
}

void
_ipt_formulation_view_remove_stage_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  IptFormulationView *self = IPT_FORMULATION_VIEW (widget);
  guint session_number = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  IptWindow *window = get_window (self);
  StageUndo *undo = NULL;

  for (guint i = 0; self->stages != NULL && i < self->stages->len && undo == NULL; i++)
    if (g_array_index (self->stages, IptDisputeStageChange, i).session_number == session_number)
      {
        undo = g_new0 (StageUndo, 1);
        undo->store = g_object_ref (self->store);
        undo->episode_id = ipt_episode_get_id (self->episode);
        undo->change = g_array_index (self->stages, IptDisputeStageChange, i);
      }
  if (undo == NULL)
    return;

  if (!ipt_store_remove_dispute_stage (self->store, undo->episode_id, FALSE, session_number, &error))
    {
      stage_undo_free (undo);
      _ipt_formulation_view_show_error (self, _("The stage change could not be removed"), error);
      return;
    }
  if (window != NULL)
    _ipt_window_show_toast (window, _("Stage change removed"), undo_remove_stage, undo,
                            (GDestroyNotify) stage_undo_free);
  else
    stage_undo_free (undo);
}
