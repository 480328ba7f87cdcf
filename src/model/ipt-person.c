/* A person of the interpersonal inventory, placed on the closeness circle. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-person.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

struct _IptPerson
{
  GObject parent_instance;

  gint64 id;
  gint64 client_id;
  char *name;
  char *relationship;
  guint ring;
  guint ideal_ring;
  char *contact;
  char *satisfying;
  char *unsatisfying;
  char *changes_wanted;
  gboolean knows_about_mood;
};

G_DEFINE_FINAL_TYPE (IptPerson, ipt_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_NAME,
  PROP_RELATIONSHIP,
  PROP_RING,
  PROP_IDEAL_RING,
  PROP_CONTACT,
  PROP_SATISFYING,
  PROP_UNSATISFYING,
  PROP_CHANGES_WANTED,
  PROP_KNOWS_ABOUT_MOOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_person_finalize (GObject *object)
{
  IptPerson *self = (IptPerson *) object;

  g_free (self->name);
  g_free (self->relationship);
  g_free (self->contact);
  g_free (self->satisfying);
  g_free (self->unsatisfying);
  g_free (self->changes_wanted);

  G_OBJECT_CLASS (ipt_person_parent_class)->finalize (object);
}

static void
ipt_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IptPerson *self = IPT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_RELATIONSHIP:
      g_value_set_string (value, self->relationship);
      break;

    case PROP_RING:
      g_value_set_uint (value, self->ring);
      break;

    case PROP_IDEAL_RING:
      g_value_set_uint (value, self->ideal_ring);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_SATISFYING:
      g_value_set_string (value, self->satisfying);
      break;

    case PROP_UNSATISFYING:
      g_value_set_string (value, self->unsatisfying);
      break;

    case PROP_CHANGES_WANTED:
      g_value_set_string (value, self->changes_wanted);
      break;

    case PROP_KNOWS_ABOUT_MOOD:
      g_value_set_boolean (value, self->knows_about_mood);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_person_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IptPerson *self = IPT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      ipt_person_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      ipt_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_RELATIONSHIP:
      ipt_person_set_relationship (self, g_value_get_string (value));
      break;

    case PROP_RING:
      ipt_person_set_ring (self, g_value_get_uint (value));
      break;

    case PROP_IDEAL_RING:
      ipt_person_set_ideal_ring (self, g_value_get_uint (value));
      break;

    case PROP_CONTACT:
      ipt_person_set_contact (self, g_value_get_string (value));
      break;

    case PROP_SATISFYING:
      ipt_person_set_satisfying (self, g_value_get_string (value));
      break;

    case PROP_UNSATISFYING:
      ipt_person_set_unsatisfying (self, g_value_get_string (value));
      break;

    case PROP_CHANGES_WANTED:
      ipt_person_set_changes_wanted (self, g_value_get_string (value));
      break;

    case PROP_KNOWS_ABOUT_MOOD:
      ipt_person_set_knows_about_mood (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_person_class_init (IptPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_person_finalize;
  object_class->get_property = ipt_person_get_property;
  object_class->set_property = ipt_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATIONSHIP] =
    g_param_spec_string ("relationship", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RING] =
    g_param_spec_uint ("ring", NULL, NULL,
                       1, 3, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDEAL_RING] =
    g_param_spec_uint ("ideal-ring", NULL, NULL,
                       0, 3, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SATISFYING] =
    g_param_spec_string ("satisfying", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSATISFYING] =
    g_param_spec_string ("unsatisfying", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES_WANTED] =
    g_param_spec_string ("changes-wanted", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KNOWS_ABOUT_MOOD] =
    g_param_spec_boolean ("knows-about-mood", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_person_init (IptPerson *self)
{
  self->ring = 1;
}

gint64
ipt_person_get_id (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), 0);

  return self->id;
}

void
ipt_person_set_id (IptPerson *self,
                   gint64 id)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_person_get_client_id (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), 0);

  return self->client_id;
}

void
ipt_person_set_client_id (IptPerson *self,
                          gint64 client_id)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

const char *
ipt_person_get_name (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);

  return self->name;
}

void
ipt_person_set_name (IptPerson *self,
                     const char *name)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ipt_person_get_relationship (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);

  return self->relationship;
}

void
ipt_person_set_relationship (IptPerson *self,
                             const char *relationship)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (g_strcmp0 (self->relationship, relationship) == 0)
    return;

  g_free (self->relationship);
  self->relationship = g_strdup (relationship);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
}

guint
ipt_person_get_ring (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), 0);

  return self->ring;
}

void
ipt_person_set_ring (IptPerson *self,
                     guint ring)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (self->ring == ring)
    return;

  self->ring = ring;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RING]);
}

guint
ipt_person_get_ideal_ring (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), 0);

  return self->ideal_ring;
}

void
ipt_person_set_ideal_ring (IptPerson *self,
                           guint ring)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (self->ideal_ring == ring)
    return;

  self->ideal_ring = ring;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDEAL_RING]);
}

const char *
ipt_person_get_contact (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);

  return self->contact;
}

void
ipt_person_set_contact (IptPerson *self,
                        const char *text)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (g_strcmp0 (self->contact, text) == 0)
    return;

  g_free (self->contact);
  self->contact = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

const char *
ipt_person_get_satisfying (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);

  return self->satisfying;
}

void
ipt_person_set_satisfying (IptPerson *self,
                           const char *text)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (g_strcmp0 (self->satisfying, text) == 0)
    return;

  g_free (self->satisfying);
  self->satisfying = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFYING]);
}

const char *
ipt_person_get_unsatisfying (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);

  return self->unsatisfying;
}

void
ipt_person_set_unsatisfying (IptPerson *self,
                             const char *text)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (g_strcmp0 (self->unsatisfying, text) == 0)
    return;

  g_free (self->unsatisfying);
  self->unsatisfying = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSATISFYING]);
}

const char *
ipt_person_get_changes_wanted (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);

  return self->changes_wanted;
}

void
ipt_person_set_changes_wanted (IptPerson *self,
                               const char *text)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (g_strcmp0 (self->changes_wanted, text) == 0)
    return;

  g_free (self->changes_wanted);
  self->changes_wanted = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES_WANTED]);
}

gboolean
ipt_person_get_knows_about_mood (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), FALSE);

  return self->knows_about_mood;
}

void
ipt_person_set_knows_about_mood (IptPerson *self,
                                 gboolean knows)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  knows = !!knows;

  if (self->knows_about_mood == knows)
    return;

  self->knows_about_mood = knows;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWS_ABOUT_MOOD]);
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

IptPerson *
ipt_person_new (gint64      client_id,
                const char *name,
                const char *relationship,
                guint       ring)
{
  IptPerson *self = g_object_new (IPT_TYPE_PERSON,
                                  "client-id", client_id,
                                  "name", name,
                                  "relationship", relationship,
                                  NULL);

  /* Set directly: an impossible ring is kept for validate () to name, not refused by GObject. */
  self->ring = ring;
  return self;
}

gboolean
ipt_person_validate (IptPerson  *self,
                     GError    **error)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (self->name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Name must not be empty"));
      return FALSE;
    }
  if (self->ring < 1 || self->ring > 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Ring must be 1 (closest) to 3, not %u"), self->ring);
      return FALSE;
    }
  if (self->ideal_ring > 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Ideal ring must be 1 (closest) to 3, or not set, not %u"), self->ideal_ring);
      return FALSE;
    }
  return TRUE;
}
