/* A goal agreed with the client, rated 0 to 10 at sessions. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-goal.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

struct _IptGoal
{
  GObject parent_instance;

  gint64 id;
  gint64 episode_id;
  char *text;
  int first_rating;
  int latest_rating;
};

G_DEFINE_FINAL_TYPE (IptGoal, ipt_goal, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_EPISODE_ID,
  PROP_TEXT,
  PROP_FIRST_RATING,
  PROP_LATEST_RATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_goal_finalize (GObject *object)
{
  IptGoal *self = (IptGoal *) object;

  g_free (self->text);

  G_OBJECT_CLASS (ipt_goal_parent_class)->finalize (object);
}

static void
ipt_goal_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IptGoal *self = IPT_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_FIRST_RATING:
      g_value_set_int (value, self->first_rating);
      break;

    case PROP_LATEST_RATING:
      g_value_set_int (value, self->latest_rating);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_goal_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  IptGoal *self = IPT_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_goal_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_EPISODE_ID:
      ipt_goal_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      ipt_goal_set_text (self, g_value_get_string (value));
      break;

    case PROP_FIRST_RATING:
      ipt_goal_set_first_rating (self, g_value_get_int (value));
      break;

    case PROP_LATEST_RATING:
      ipt_goal_set_latest_rating (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_goal_class_init (IptGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_goal_finalize;
  object_class->get_property = ipt_goal_get_property;
  object_class->set_property = ipt_goal_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPISODE_ID] =
    g_param_spec_int64 ("episode-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_RATING] =
    g_param_spec_int ("first-rating", NULL, NULL,
                      IPT_GOAL_RATING_NONE, 10, IPT_GOAL_RATING_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_RATING] =
    g_param_spec_int ("latest-rating", NULL, NULL,
                      IPT_GOAL_RATING_NONE, 10, IPT_GOAL_RATING_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_goal_init (IptGoal *self)
{
  self->first_rating = IPT_GOAL_RATING_NONE;
  self->latest_rating = IPT_GOAL_RATING_NONE;
}

gint64
ipt_goal_get_id (IptGoal *self)
{
  g_return_val_if_fail (IPT_IS_GOAL (self), 0);

  return self->id;
}

void
ipt_goal_set_id (IptGoal *self,
                 gint64 id)
{
  g_return_if_fail (IPT_IS_GOAL (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_goal_get_episode_id (IptGoal *self)
{
  g_return_val_if_fail (IPT_IS_GOAL (self), 0);

  return self->episode_id;
}

void
ipt_goal_set_episode_id (IptGoal *self,
                         gint64 episode_id)
{
  g_return_if_fail (IPT_IS_GOAL (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

const char *
ipt_goal_get_text (IptGoal *self)
{
  g_return_val_if_fail (IPT_IS_GOAL (self), NULL);

  return self->text;
}

void
ipt_goal_set_text (IptGoal *self,
                   const char *text)
{
  g_return_if_fail (IPT_IS_GOAL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
ipt_goal_get_first_rating (IptGoal *self)
{
  g_return_val_if_fail (IPT_IS_GOAL (self), 0);

  return self->first_rating;
}

void
ipt_goal_set_first_rating (IptGoal *self,
                           int rating)
{
  g_return_if_fail (IPT_IS_GOAL (self));

  if (self->first_rating == rating)
    return;

  self->first_rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_RATING]);
}

int
ipt_goal_get_latest_rating (IptGoal *self)
{
  g_return_val_if_fail (IPT_IS_GOAL (self), 0);

  return self->latest_rating;
}

void
ipt_goal_set_latest_rating (IptGoal *self,
                            int rating)
{
  g_return_if_fail (IPT_IS_GOAL (self));

  if (self->latest_rating == rating)
    return;

  self->latest_rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_RATING]);
}

/* NULL, empty or only white space. */
static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

IptGoal *
ipt_goal_new (gint64      episode_id,
              const char *text)
{
  return g_object_new (IPT_TYPE_GOAL,
                       "episode-id", episode_id,
                       "text", text,
                       NULL);
}

static gboolean
rating_is_valid (int rating)
{
  return rating == IPT_GOAL_RATING_NONE || (rating >= 0 && rating <= 10);
}

gboolean
ipt_goal_validate (IptGoal  *self,
                   GError  **error)
{
  g_return_val_if_fail (IPT_IS_GOAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (self->text))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Goal text must not be empty"));
      return FALSE;
    }
  if (!rating_is_valid (self->first_rating))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("First rating must be between 0 and 10, not %d"), self->first_rating);
      return FALSE;
    }
  if (!rating_is_valid (self->latest_rating))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Latest rating must be between 0 and 10, not %d"), self->latest_rating);
      return FALSE;
    }
  return TRUE;
}
