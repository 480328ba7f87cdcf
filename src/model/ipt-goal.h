/* A goal agreed with the client, rated 0 to 10 at sessions (goal-based outcomes). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_GOAL_RATING_NONE (-1)

#define IPT_TYPE_GOAL (ipt_goal_get_type ())
G_DECLARE_FINAL_TYPE (IptGoal, ipt_goal, IPT, GOAL, GObject)

IptGoal    *ipt_goal_new (gint64 episode_id, const char *text);

gint64      ipt_goal_get_id (IptGoal *self);
void        ipt_goal_set_id (IptGoal *self, gint64 id);
gint64      ipt_goal_get_episode_id (IptGoal *self);
void        ipt_goal_set_episode_id (IptGoal *self, gint64 episode_id);
const char *ipt_goal_get_text (IptGoal *self);
void        ipt_goal_set_text (IptGoal *self, const char *text);
int         ipt_goal_get_first_rating (IptGoal *self);   /* 0..10 or IPT_GOAL_RATING_NONE */
void        ipt_goal_set_first_rating (IptGoal *self, int rating);
int         ipt_goal_get_latest_rating (IptGoal *self);  /* 0..10 or IPT_GOAL_RATING_NONE */
void        ipt_goal_set_latest_rating (IptGoal *self, int rating);

gboolean    ipt_goal_validate (IptGoal *self, GError **error);

G_END_DECLS
