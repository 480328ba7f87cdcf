/* A supervisor's rating of one session (clinical.md section 7): each task of the session's phase,
 * "kept to the agreed focus" and "IPT stance", 0 to 3, and a comment. */
#pragma once

#include <glib-object.h>

#include "ipt-enums.h"

G_BEGIN_DECLS

/* 0 not done, 1 partly, 2 adequately, 3 well; NONE: not rated. */
#define IPT_REVIEW_RATING_NONE (-1)
#define IPT_REVIEW_RATING_MAX 3
/* No phase has more tasks than this. */
#define IPT_REVIEW_TASKS_MAX 16

#define IPT_TYPE_SESSION_REVIEW (ipt_session_review_get_type ())
G_DECLARE_FINAL_TYPE (IptSessionReview, ipt_session_review, IPT, SESSION_REVIEW, GObject)

/* Every rating starts as IPT_REVIEW_RATING_NONE; the phase decides which tasks are rated. */
IptSessionReview *ipt_session_review_new (gint64 episode_id, guint session_number, IptPhase phase);

gint64      ipt_session_review_get_id (IptSessionReview *self);
void        ipt_session_review_set_id (IptSessionReview *self, gint64 id);
gint64      ipt_session_review_get_episode_id (IptSessionReview *self);
void        ipt_session_review_set_episode_id (IptSessionReview *self, gint64 episode_id);
guint       ipt_session_review_get_session_number (IptSessionReview *self);
IptPhase    ipt_session_review_get_phase (IptSessionReview *self);
/* The number of tasks of the phase (ipt_phase_get_tasks ()). */
guint       ipt_session_review_get_n_tasks (IptSessionReview *self);
int         ipt_session_review_get_task_rating (IptSessionReview *self, guint task);
void        ipt_session_review_set_task_rating (IptSessionReview *self, guint task, int rating);
int         ipt_session_review_get_focus_rating (IptSessionReview *self);   /* kept to the focus */
void        ipt_session_review_set_focus_rating (IptSessionReview *self, int rating);
int         ipt_session_review_get_stance_rating (IptSessionReview *self);  /* IPT stance */
void        ipt_session_review_set_stance_rating (IptSessionReview *self, int rating);
const char *ipt_session_review_get_comment (IptSessionReview *self);
void        ipt_session_review_set_comment (IptSessionReview *self, const char *comment);
const char *ipt_session_review_get_reviewer (IptSessionReview *self);
void        ipt_session_review_set_reviewer (IptSessionReview *self, const char *reviewer);
const char *ipt_session_review_get_created_at (IptSessionReview *self);
void        ipt_session_review_set_created_at (IptSessionReview *self, const char *created_at);
/* A random id given where the review was written, so that merging it twice adds it once. */
const char *ipt_session_review_get_uid (IptSessionReview *self);
void        ipt_session_review_set_uid (IptSessionReview *self, const char *uid);

/* The task ratings as text, one character per task: the digit, or '-' when not rated
 * ("32-1" for four tasks). from_text fails (FALSE, nothing changed) unless the text has one
 * valid character per task of the phase. */
char       *ipt_session_review_get_task_ratings_text (IptSessionReview *self);
gboolean    ipt_session_review_set_task_ratings_text (IptSessionReview *self, const char *text);

/* At least one rating or a comment; every rating 0 to 3 or none. */
gboolean    ipt_session_review_validate (IptSessionReview *self, GError **error);

/* The ratings in words, one per line, only those given: each task of the phase by name, then
 * "Kept to the agreed focus" and "IPT stance", each with its rating ("…: Well"); "" when no
 * rating is given. Translated. */
char       *ipt_session_review_describe_ratings (IptSessionReview *self);

/* "Not done", "Partly", "Adequately", "Well", translated; NULL for another value. */
const char *ipt_review_rating_to_label (int rating);

G_END_DECLS
