/* Adding or editing a goal agreed with the client: one short text. */
#pragma once

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_GOAL_FORM (ipt_goal_form_get_type ())
G_DECLARE_FINAL_TYPE (IptGoalForm, ipt_goal_form, IPT, GOAL_FORM, IptFormWindow)

/* goal NULL: a new goal of the course episode_id. Emits "saved" (the goal's id) once the
 * store has it, then closes. */
IptGoalForm *ipt_goal_form_new          (GtkWindow   *parent,
                                         IptStore    *store,
                                         gint64       episode_id,
                                         IptGoal     *goal);
gboolean     ipt_goal_form_get_can_save (IptGoalForm *self);

G_END_DECLS
