/* A supervisor's rating of one session against the tasks of its phase. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-session-review.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

struct _IptSessionReview
{
  GObject parent_instance;

  gint64 id;
  gint64 episode_id;
  guint session_number;
  IptPhase phase;
  guint n_tasks;
  int task_ratings[IPT_REVIEW_TASKS_MAX];
  int focus_rating;
  int stance_rating;
  char *comment;
  char *reviewer;
  char *created_at;
  char *uid;
};

G_DEFINE_FINAL_TYPE (IptSessionReview, ipt_session_review, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_EPISODE_ID,
  PROP_SESSION_NUMBER,
  PROP_PHASE,
  PROP_FOCUS_RATING,
  PROP_STANCE_RATING,
  PROP_COMMENT,
  PROP_REVIEWER,
  PROP_CREATED_AT,
  PROP_UID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_session_review_finalize (GObject *object)
{
  IptSessionReview *self = (IptSessionReview *) object;

  g_free (self->comment);
  g_free (self->reviewer);
  g_free (self->created_at);
  g_free (self->uid);

  G_OBJECT_CLASS (ipt_session_review_parent_class)->finalize (object);
}

static void
ipt_session_review_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IptSessionReview *self = IPT_SESSION_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;
    case PROP_SESSION_NUMBER:
      g_value_set_uint (value, self->session_number);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_FOCUS_RATING:
      g_value_set_int (value, self->focus_rating);
      break;
    case PROP_STANCE_RATING:
      g_value_set_int (value, self->stance_rating);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_session_review_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IptSessionReview *self = IPT_SESSION_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_session_review_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_EPISODE_ID:
      ipt_session_review_set_episode_id (self, g_value_get_int64 (value));
      break;
    case PROP_SESSION_NUMBER:
      self->session_number = g_value_get_uint (value);
      break;
    case PROP_PHASE:
      {
        const char * const *tasks;

        self->phase = g_value_get_enum (value);
        tasks = ipt_phase_get_tasks (self->phase);
        self->n_tasks = tasks != NULL ? MIN (g_strv_length ((char **) tasks),
                                             IPT_REVIEW_TASKS_MAX) : 0;
      }
      break;
    case PROP_FOCUS_RATING:
      ipt_session_review_set_focus_rating (self, g_value_get_int (value));
      break;
    case PROP_STANCE_RATING:
      ipt_session_review_set_stance_rating (self, g_value_get_int (value));
      break;
    case PROP_COMMENT:
      ipt_session_review_set_comment (self, g_value_get_string (value));
      break;
    case PROP_REVIEWER:
      ipt_session_review_set_reviewer (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      ipt_session_review_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_UID:
      ipt_session_review_set_uid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_session_review_class_init (IptSessionReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_session_review_finalize;
  object_class->get_property = ipt_session_review_get_property;
  object_class->set_property = ipt_session_review_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_EPISODE_ID] = g_param_spec_int64 ("episode-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, rw);
  properties[PROP_SESSION_NUMBER] = g_param_spec_uint ("session-number", NULL, NULL,
                                                       0, G_MAXUINT, 1, construct);
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL, IPT_TYPE_PHASE,
                                              IPT_PHASE_ASSESSMENT, construct);
  properties[PROP_FOCUS_RATING] = g_param_spec_int ("focus-rating", NULL, NULL,
                                                    IPT_REVIEW_RATING_NONE, IPT_REVIEW_RATING_MAX,
                                                    IPT_REVIEW_RATING_NONE, rw);
  properties[PROP_STANCE_RATING] = g_param_spec_int ("stance-rating", NULL, NULL,
                                                     IPT_REVIEW_RATING_NONE, IPT_REVIEW_RATING_MAX,
                                                     IPT_REVIEW_RATING_NONE, rw);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, rw);
  properties[PROP_REVIEWER] = g_param_spec_string ("reviewer", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, rw);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_session_review_init (IptSessionReview *self)
{
  for (guint i = 0; i < IPT_REVIEW_TASKS_MAX; i++)
    self->task_ratings[i] = IPT_REVIEW_RATING_NONE;
  self->focus_rating = IPT_REVIEW_RATING_NONE;
  self->stance_rating = IPT_REVIEW_RATING_NONE;
}

IptSessionReview *
ipt_session_review_new (gint64   episode_id,
                        guint    session_number,
                        IptPhase phase)
{
  return g_object_new (IPT_TYPE_SESSION_REVIEW,
                       "episode-id", episode_id,
                       "session-number", session_number,
                       "phase", phase,
                       NULL);
}

gint64
ipt_session_review_get_id (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), 0);
  return self->id;
}

void
ipt_session_review_set_id (IptSessionReview *self,
                           gint64            id)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_session_review_get_episode_id (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), 0);
  return self->episode_id;
}

void
ipt_session_review_set_episode_id (IptSessionReview *self,
                                   gint64            episode_id)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  if (self->episode_id == episode_id)
    return;
  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

guint
ipt_session_review_get_session_number (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), 0);
  return self->session_number;
}

IptPhase
ipt_session_review_get_phase (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), IPT_PHASE_ASSESSMENT);
  return self->phase;
}

guint
ipt_session_review_get_n_tasks (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), 0);
  return self->n_tasks;
}

static gboolean
rating_is_valid (int rating)
{
  return rating == IPT_REVIEW_RATING_NONE || (rating >= 0 && rating <= IPT_REVIEW_RATING_MAX);
}

int
ipt_session_review_get_task_rating (IptSessionReview *self,
                                    guint             task)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), IPT_REVIEW_RATING_NONE);
  g_return_val_if_fail (task < self->n_tasks, IPT_REVIEW_RATING_NONE);
  return self->task_ratings[task];
}

void
ipt_session_review_set_task_rating (IptSessionReview *self,
                                    guint             task,
                                    int               rating)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  g_return_if_fail (task < self->n_tasks);
  g_return_if_fail (rating_is_valid (rating));
  self->task_ratings[task] = rating;
}

int
ipt_session_review_get_focus_rating (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), IPT_REVIEW_RATING_NONE);
  return self->focus_rating;
}

void
ipt_session_review_set_focus_rating (IptSessionReview *self,
                                     int               rating)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  g_return_if_fail (rating_is_valid (rating));
  if (self->focus_rating == rating)
    return;
  self->focus_rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_RATING]);
}

int
ipt_session_review_get_stance_rating (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), IPT_REVIEW_RATING_NONE);
  return self->stance_rating;
}

void
ipt_session_review_set_stance_rating (IptSessionReview *self,
                                      int               rating)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  g_return_if_fail (rating_is_valid (rating));
  if (self->stance_rating == rating)
    return;
  self->stance_rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE_RATING]);
}

static void
set_string (IptSessionReview *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
ipt_session_review_get_comment (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), NULL);
  return self->comment;
}

void
ipt_session_review_set_comment (IptSessionReview *self,
                                const char       *comment)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  set_string (self, &self->comment, comment, PROP_COMMENT);
}

const char *
ipt_session_review_get_reviewer (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), NULL);
  return self->reviewer;
}

void
ipt_session_review_set_reviewer (IptSessionReview *self,
                                 const char       *reviewer)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  set_string (self, &self->reviewer, reviewer, PROP_REVIEWER);
}

const char *
ipt_session_review_get_created_at (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), NULL);
  return self->created_at;
}

void
ipt_session_review_set_created_at (IptSessionReview *self,
                                   const char       *created_at)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  set_string (self, &self->created_at, created_at, PROP_CREATED_AT);
}

const char *
ipt_session_review_get_uid (IptSessionReview *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), NULL);
  return self->uid;
}

void
ipt_session_review_set_uid (IptSessionReview *self,
                            const char       *uid)
{
  g_return_if_fail (IPT_IS_SESSION_REVIEW (self));
  set_string (self, &self->uid, uid, PROP_UID);
}

char *
ipt_session_review_get_task_ratings_text (IptSessionReview *self)
{
  GString *text;

  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), NULL);

  text = g_string_sized_new (self->n_tasks + 1);
  for (guint i = 0; i < self->n_tasks; i++)
    g_string_append_c (text, self->task_ratings[i] == IPT_REVIEW_RATING_NONE
                             ? '-' : (char) ('0' + self->task_ratings[i]));
  return g_string_free (text, FALSE);
}

gboolean
ipt_session_review_set_task_ratings_text (IptSessionReview *self,
                                          const char       *text)
{
  int ratings[IPT_REVIEW_TASKS_MAX];

  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), FALSE);

  if (text == NULL || strlen (text) != self->n_tasks)
    return FALSE;
  for (guint i = 0; i < self->n_tasks; i++)
    {
      if (text[i] == '-')
        ratings[i] = IPT_REVIEW_RATING_NONE;
      else if (text[i] >= '0' && text[i] <= '0' + IPT_REVIEW_RATING_MAX)
        ratings[i] = text[i] - '0';
      else
        return FALSE;
    }
  memcpy (self->task_ratings, ratings, self->n_tasks * sizeof ratings[0]);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
ipt_session_review_validate (IptSessionReview *self,
                             GError          **error)
{
  gboolean rated = FALSE;

  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->session_number < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A session review needs the number of the session reviewed"));
      return FALSE;
    }
  for (guint i = 0; i < self->n_tasks; i++)
    rated |= self->task_ratings[i] != IPT_REVIEW_RATING_NONE;
  rated |= self->focus_rating != IPT_REVIEW_RATING_NONE;
  rated |= self->stance_rating != IPT_REVIEW_RATING_NONE;
  if (!rated && is_blank (self->comment))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Rate at least one task, the focus or the stance, or write a "
                             "comment"));
      return FALSE;
    }
  return TRUE;
}

static void
append_rating (GString    *out,
               const char *item,
               int         rating)
{
  if (rating < 0 || ipt_review_rating_to_label (rating) == NULL)
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  /* TRANSLATORS: one rated item of a session and its rating, "Kept to the agreed focus: Well" */
  g_string_append_printf (out, C_("session rating", "%s: %s"), item,
                          ipt_review_rating_to_label (rating));
}

char *
ipt_session_review_describe_ratings (IptSessionReview *self)
{
  const char * const *tasks;
  GString *out;

  g_return_val_if_fail (IPT_IS_SESSION_REVIEW (self), NULL);

  out = g_string_new (NULL);
  tasks = ipt_phase_get_tasks (ipt_session_review_get_phase (self));
  for (guint i = 0; tasks != NULL && tasks[i] != NULL && i < ipt_session_review_get_n_tasks (self);
       i++)
    append_rating (out, tasks[i], ipt_session_review_get_task_rating (self, i));
  append_rating (out, _("Kept to the agreed focus"), ipt_session_review_get_focus_rating (self));
  /* TRANSLATORS: a rated item of a session, short for "IPT stance: active, warm, hopeful, here
   * and now" */
  append_rating (out, _("IPT stance"), ipt_session_review_get_stance_rating (self));
  return g_string_free (out, FALSE);
}

const char *
ipt_review_rating_to_label (int rating)
{
  switch (rating)
    {
    case 0:
      return _("Not done");
    case 1:
      return _("Partly");
    case 2:
      return _("Adequately");
    case 3:
      return _("Well");
    default:
      return NULL;
    }
}
