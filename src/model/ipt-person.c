/* A person of the interpersonal inventory, placed on the closeness circle. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-person.h"
#include "ipt-enums-private.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "ipt-model-text.h"

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
  char *texts[IPT_PERSON_N_TEXTS];
  IptArgumentsResolve arguments_resolve;
  gboolean supportive;
  gboolean confidant;
};

G_DEFINE_FINAL_TYPE (IptPerson, ipt_person, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (IptArgumentsResolve, ipt_arguments_resolve,
  G_DEFINE_ENUM_VALUE (IPT_ARGUMENTS_RESOLVE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (IPT_ARGUMENTS_RESOLVE_USUALLY, "usually"),
  G_DEFINE_ENUM_VALUE (IPT_ARGUMENTS_RESOLVE_SOMETIMES, "sometimes"),
  G_DEFINE_ENUM_VALUE (IPT_ARGUMENTS_RESOLVE_RARELY, "rarely"))

static const struct
{
  const char *name;
  const char *label;
} person_texts[IPT_PERSON_N_TEXTS] = {
  { "talk-about", N_("What can be talked about") },
  { "cannot-talk-about", N_("What cannot be talked about") },
  { "arguments", N_("Arguments") },
};

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
  PROP_ARGUMENTS_RESOLVE,
  PROP_SUPPORTIVE,
  PROP_CONFIDANT,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + IPT_PERSON_N_TEXTS
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
  for (guint i = 0; i < IPT_PERSON_N_TEXTS; i++)
    g_free (self->texts[i]);

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

    case PROP_ARGUMENTS_RESOLVE:
      g_value_set_enum (value, self->arguments_resolve);
      break;

    case PROP_SUPPORTIVE:
      g_value_set_boolean (value, self->supportive);
      break;

    case PROP_CONFIDANT:
      g_value_set_boolean (value, self->confidant);
      break;

    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
      else
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

    case PROP_ARGUMENTS_RESOLVE:
      ipt_person_set_arguments_resolve (self, g_value_get_enum (value));
      break;

    case PROP_SUPPORTIVE:
      ipt_person_set_supportive (self, g_value_get_boolean (value));
      break;

    case PROP_CONFIDANT:
      ipt_person_set_confidant (self, g_value_get_boolean (value));
      break;

    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        ipt_person_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      else
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
  properties[PROP_ARGUMENTS_RESOLVE] =
    g_param_spec_enum ("arguments-resolve", NULL, NULL,
                       IPT_TYPE_ARGUMENTS_RESOLVE, IPT_ARGUMENTS_RESOLVE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORTIVE] =
    g_param_spec_boolean ("supportive", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIDANT] =
    g_param_spec_boolean ("confidant", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < IPT_PERSON_N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (person_texts[i].name, NULL, NULL,
                           NULL,
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
  if ((guint) self->arguments_resolve > IPT_ARGUMENTS_RESOLVE_RARELY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Whether arguments resolve must be usually, sometimes, rarely or not known"));
      return FALSE;
    }
  if (!_ipt_model_check_text (self->name, _("Name"), error)
      || !_ipt_model_check_text (self->relationship, _("Relationship"), error)
      || !_ipt_model_check_text (self->contact, _("Time together and shared activities"), error)
      || !_ipt_model_check_text (self->satisfying, _("Liked aspects"), error)
      || !_ipt_model_check_text (self->unsatisfying, _("Disliked aspects"), error)
      || !_ipt_model_check_text (self->changes_wanted, _("Changes wanted"), error))
    return FALSE;
  for (guint i = 0; i < IPT_PERSON_N_TEXTS; i++)
    if (!_ipt_model_check_text (self->texts[i], ipt_person_text_to_label (i), error))
      return FALSE;
  return TRUE;
}

const char *
ipt_person_text_to_label (IptPersonText field)
{
  g_return_val_if_fail (field < IPT_PERSON_N_TEXTS, NULL);

  return _(person_texts[field].label);
}

const char *
ipt_person_text_to_name (IptPersonText field)
{
  g_return_val_if_fail (field < IPT_PERSON_N_TEXTS, NULL);

  return person_texts[field].name;
}

const char *
ipt_arguments_resolve_to_id (IptArgumentsResolve resolve)
{
  const char *id = _ipt_enum_to_nick (IPT_TYPE_ARGUMENTS_RESOLVE, resolve);

  g_return_val_if_fail (id != NULL, NULL);
  return id;
}

gboolean
ipt_arguments_resolve_from_id (const char          *id,
                               IptArgumentsResolve *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!_ipt_enum_from_nick (IPT_TYPE_ARGUMENTS_RESOLVE, id, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
ipt_arguments_resolve_to_label (IptArgumentsResolve resolve)
{
  switch (resolve)
    {
    case IPT_ARGUMENTS_RESOLVE_UNKNOWN:
      return _("Not known");
    case IPT_ARGUMENTS_RESOLVE_USUALLY:
      return _("Usually resolve");
    case IPT_ARGUMENTS_RESOLVE_SOMETIMES:
      return _("Sometimes resolve");
    case IPT_ARGUMENTS_RESOLVE_RARELY:
      return _("Rarely resolve");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ipt_person_get_text (IptPerson     *self,
                     IptPersonText  field)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), NULL);
  g_return_val_if_fail (field < IPT_PERSON_N_TEXTS, NULL);

  return self->texts[field];
}

void
ipt_person_set_text (IptPerson     *self,
                     IptPersonText  field,
                     const char    *text)
{
  g_return_if_fail (IPT_IS_PERSON (self));
  g_return_if_fail (field < IPT_PERSON_N_TEXTS);

  _ipt_model_set_text (G_OBJECT (self), &self->texts[field], text,
                       properties[PROP_FIRST_TEXT + field]);
}

IptArgumentsResolve
ipt_person_get_arguments_resolve (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), IPT_ARGUMENTS_RESOLVE_UNKNOWN);

  return self->arguments_resolve;
}

void
ipt_person_set_arguments_resolve (IptPerson           *self,
                                  IptArgumentsResolve  resolve)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  if (self->arguments_resolve == resolve)
    return;

  self->arguments_resolve = resolve;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARGUMENTS_RESOLVE]);
}

gboolean
ipt_person_get_supportive (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), FALSE);

  return self->supportive;
}

void
ipt_person_set_supportive (IptPerson *self,
                           gboolean   supportive)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  supportive = !!supportive;
  if (self->supportive == supportive)
    return;

  self->supportive = supportive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPORTIVE]);
}

gboolean
ipt_person_get_confidant (IptPerson *self)
{
  g_return_val_if_fail (IPT_IS_PERSON (self), FALSE);

  return self->confidant;
}

void
ipt_person_set_confidant (IptPerson *self,
                          gboolean   confidant)
{
  g_return_if_fail (IPT_IS_PERSON (self));

  confidant = !!confidant;
  if (self->confidant == confidant)
    return;

  self->confidant = confidant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDANT]);
}
