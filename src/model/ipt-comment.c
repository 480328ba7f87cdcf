/* A supervision comment on a course or one of its sessions. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-comment.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

struct _IptComment
{
  GObject parent_instance;

  gint64 id;
  gint64 episode_id;
  guint session_number;
  char *author;
  char *created_at;
  char *text;
  char *uid;
};

G_DEFINE_FINAL_TYPE (IptComment, ipt_comment, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_EPISODE_ID,
  PROP_SESSION_NUMBER,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_TEXT,
  PROP_UID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_comment_finalize (GObject *object)
{
  IptComment *self = (IptComment *) object;

  g_free (self->author);
  g_free (self->created_at);
  g_free (self->text);
  g_free (self->uid);

  G_OBJECT_CLASS (ipt_comment_parent_class)->finalize (object);
}

static void
ipt_comment_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IptComment *self = IPT_COMMENT (object);

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

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_comment_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IptComment *self = IPT_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_comment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_EPISODE_ID:
      ipt_comment_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_SESSION_NUMBER:
      ipt_comment_set_session_number (self, g_value_get_uint (value));
      break;

    case PROP_AUTHOR:
      ipt_comment_set_author (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      ipt_comment_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      ipt_comment_set_text (self, g_value_get_string (value));
      break;

    case PROP_UID:
      ipt_comment_set_uid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_comment_class_init (IptCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_comment_finalize;
  object_class->get_property = ipt_comment_get_property;
  object_class->set_property = ipt_comment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPISODE_ID] =
    g_param_spec_int64 ("episode-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_NUMBER] =
    g_param_spec_uint ("session-number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_comment_init (IptComment *self)
{
}

gint64
ipt_comment_get_id (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), 0);

  return self->id;
}

void
ipt_comment_set_id (IptComment *self,
                    gint64 id)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_comment_get_episode_id (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), 0);

  return self->episode_id;
}

void
ipt_comment_set_episode_id (IptComment *self,
                            gint64 episode_id)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

guint
ipt_comment_get_session_number (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), 0);

  return self->session_number;
}

void
ipt_comment_set_session_number (IptComment *self,
                                guint number)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (self->session_number == number)
    return;

  self->session_number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_NUMBER]);
}

const char *
ipt_comment_get_author (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), NULL);

  return self->author;
}

void
ipt_comment_set_author (IptComment *self,
                        const char *author)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
ipt_comment_get_created_at (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), NULL);

  return self->created_at;
}

void
ipt_comment_set_created_at (IptComment *self,
                            const char *created_at)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
ipt_comment_get_text (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), NULL);

  return self->text;
}

void
ipt_comment_set_text (IptComment *self,
                      const char *text)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
ipt_comment_get_uid (IptComment *self)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), NULL);

  return self->uid;
}

void
ipt_comment_set_uid (IptComment *self,
                     const char *uid)
{
  g_return_if_fail (IPT_IS_COMMENT (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
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

IptComment *
ipt_comment_new (gint64      episode_id,
                 const char *author,
                 const char *text)
{
  return g_object_new (IPT_TYPE_COMMENT,
                       "episode-id", episode_id,
                       "author", author,
                       "text", text,
                       NULL);
}

gboolean
ipt_comment_validate (IptComment  *self,
                      GError     **error)
{
  g_return_val_if_fail (IPT_IS_COMMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (self->text))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Comment must not be empty"));
      return FALSE;
    }
  return TRUE;
}
