/* What a session did by technique and who from the inventory attended a joint session. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-session-work.h"
#include "ipt-enums-private.h"
#include "ipt-model-text.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <string.h>

/* The nicks are the ids the session form names its sections by. */
G_DEFINE_ENUM_TYPE (IptTechnique, ipt_technique,
  G_DEFINE_ENUM_VALUE (IPT_TECHNIQUE_COMMUNICATION_ANALYSIS, "communication-analysis"),
  G_DEFINE_ENUM_VALUE (IPT_TECHNIQUE_DECISION_ANALYSIS, "decision-analysis"),
  G_DEFINE_ENUM_VALUE (IPT_TECHNIQUE_ROLE_PLAY, "role-play"))

static const char * const technique_labels[IPT_N_TECHNIQUES] = {
  N_("Communication analysis"), N_("Decision analysis"), N_("Role play"),
};

static const struct
{
  const char   *name;
  const char   *label;
  IptTechnique  technique;
} fields[IPT_TECHNIQUE_N_FIELDS] = {
  { "interaction", N_("The interaction"), IPT_TECHNIQUE_COMMUNICATION_ANALYSIS },
  { "said", N_("What was said"), IPT_TECHNIQUE_COMMUNICATION_ANALYSIS },
  { "meant", N_("What was meant"), IPT_TECHNIQUE_COMMUNICATION_ANALYSIS },
  { "alternatives", N_("What else could be said"), IPT_TECHNIQUE_COMMUNICATION_ANALYSIS },
  { "options", N_("Options"), IPT_TECHNIQUE_DECISION_ANALYSIS },
  { "pros-cons", N_("Pros and cons"), IPT_TECHNIQUE_DECISION_ANALYSIS },
  { "choice", N_("Choice"), IPT_TECHNIQUE_DECISION_ANALYSIS },
  { "rehearsed", N_("What was rehearsed"), IPT_TECHNIQUE_ROLE_PLAY },
  { "how-it-went", N_("How it went"), IPT_TECHNIQUE_ROLE_PLAY },
};

const char *
ipt_technique_to_label (IptTechnique technique)
{
  g_return_val_if_fail (technique < IPT_N_TECHNIQUES, NULL);

  return _(technique_labels[technique]);
}

const char *
ipt_technique_to_id (IptTechnique technique)
{
  g_return_val_if_fail (technique < IPT_N_TECHNIQUES, NULL);

  return _ipt_enum_to_nick (IPT_TYPE_TECHNIQUE, technique);
}

gboolean
ipt_technique_from_id (const char   *id,
                       IptTechnique *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!_ipt_enum_from_nick (IPT_TYPE_TECHNIQUE, id, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

IptTechnique
ipt_technique_field_get_technique (IptTechniqueField field)
{
  g_return_val_if_fail (field < IPT_TECHNIQUE_N_FIELDS, IPT_TECHNIQUE_COMMUNICATION_ANALYSIS);

  return fields[field].technique;
}

const char *
ipt_technique_field_to_label (IptTechniqueField field)
{
  g_return_val_if_fail (field < IPT_TECHNIQUE_N_FIELDS, NULL);

  return _(fields[field].label);
}

const char *
ipt_technique_field_to_name (IptTechniqueField field)
{
  g_return_val_if_fail (field < IPT_TECHNIQUE_N_FIELDS, NULL);

  return fields[field].name;
}

/* Attendees */

IptAttendee *
ipt_attendee_new (gint64      session_id,
                  gint64      person_id,
                  const char *name,
                  const char *relationship,
                  const char *description)
{
  IptAttendee *attendee = g_new0 (IptAttendee, 1);

  attendee->session_id = session_id;
  attendee->person_id = person_id;
  attendee->name = g_strdup (name);
  attendee->relationship = g_strdup (relationship);
  attendee->description = g_strdup (description);
  return attendee;
}

void
ipt_attendee_free (IptAttendee *attendee)
{
  if (attendee == NULL)
    return;

  g_free (attendee->name);
  g_free (attendee->relationship);
  g_free (attendee->description);
  g_free (attendee);
}

char *
ipt_attendee_to_label (const IptAttendee *attendee)
{
  g_return_val_if_fail (attendee != NULL, NULL);

  if (attendee->name == NULL || *attendee->name == '\0')
    return g_strdup (attendee->description != NULL ? attendee->description : "");
  if (attendee->relationship == NULL || *attendee->relationship == '\0')
    return g_strdup (attendee->name);
  /* TRANSLATORS: a person who attended a session: name, relationship ("Jamie, partner") */
  return g_strdup_printf (_("%s, %s"), attendee->name, attendee->relationship);
}

/* The record */

struct _IptSessionWork
{
  GObject parent_instance;

  gint64 session_id;
  char *texts[IPT_TECHNIQUE_N_FIELDS];
  GArray *attendee_ids;
  char *other_attendee;
};

G_DEFINE_FINAL_TYPE (IptSessionWork, ipt_session_work, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SESSION_ID,
  PROP_OTHER_ATTENDEE,
  PROP_ATTENDEES,          /* notified when the attendee ids change */
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + IPT_TECHNIQUE_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_session_work_finalize (GObject *object)
{
  IptSessionWork *self = (IptSessionWork *) object;

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    g_free (self->texts[i]);
  g_array_unref (self->attendee_ids);
  g_free (self->other_attendee);

  G_OBJECT_CLASS (ipt_session_work_parent_class)->finalize (object);
}

static void
ipt_session_work_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IptSessionWork *self = IPT_SESSION_WORK (object);

  if (prop_id == PROP_SESSION_ID)
    g_value_set_int64 (value, self->session_id);
  else if (prop_id == PROP_OTHER_ATTENDEE)
    g_value_set_string (value, self->other_attendee);
  else if (prop_id == PROP_ATTENDEES)
    g_value_set_uint (value, self->attendee_ids->len);
  else if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ipt_session_work_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IptSessionWork *self = IPT_SESSION_WORK (object);

  if (prop_id == PROP_SESSION_ID)
    ipt_session_work_set_session_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_OTHER_ATTENDEE)
    ipt_session_work_set_other_attendee (self, g_value_get_string (value));
  else if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    ipt_session_work_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ipt_session_work_class_init (IptSessionWorkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_session_work_finalize;
  object_class->get_property = ipt_session_work_get_property;
  object_class->set_property = ipt_session_work_set_property;

  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OTHER_ATTENDEE] =
    g_param_spec_string ("other-attendee", NULL, NULL, NULL, flags);
  properties[PROP_ATTENDEES] =
    g_param_spec_uint ("n-attendees", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (fields[i].name, NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_session_work_init (IptSessionWork *self)
{
  self->attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

IptSessionWork *
ipt_session_work_new (gint64 session_id)
{
  return g_object_new (IPT_TYPE_SESSION_WORK, "session-id", session_id, NULL);
}

gint64
ipt_session_work_get_session_id (IptSessionWork *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), 0);

  return self->session_id;
}

void
ipt_session_work_set_session_id (IptSessionWork *self,
                                 gint64          session_id)
{
  g_return_if_fail (IPT_IS_SESSION_WORK (self));

  if (self->session_id == session_id)
    return;

  self->session_id = session_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

const char *
ipt_session_work_get_text (IptSessionWork    *self,
                           IptTechniqueField  field)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), NULL);
  g_return_val_if_fail (field < IPT_TECHNIQUE_N_FIELDS, NULL);

  return self->texts[field];
}

void
ipt_session_work_set_text (IptSessionWork    *self,
                           IptTechniqueField  field,
                           const char        *text)
{
  g_return_if_fail (IPT_IS_SESSION_WORK (self));
  g_return_if_fail (field < IPT_TECHNIQUE_N_FIELDS);

  _ipt_model_set_text (G_OBJECT (self), &self->texts[field], text,
                       properties[PROP_FIRST_TEXT + field]);
}

gboolean
ipt_session_work_uses_technique (IptSessionWork *self,
                                 IptTechnique    technique)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), FALSE);

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    if (fields[i].technique == technique && !_ipt_model_text_is_blank (self->texts[i]))
      return TRUE;
  return FALSE;
}

const gint64 *
ipt_session_work_get_attendee_ids (IptSessionWork *self,
                                   guint          *n_ids)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->attendee_ids->len;
  return (const gint64 *) (gpointer) self->attendee_ids->data;
}

void
ipt_session_work_set_attendee_ids (IptSessionWork *self,
                                   const gint64   *ids,
                                   guint           n_ids)
{
  g_return_if_fail (IPT_IS_SESSION_WORK (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (n_ids == self->attendee_ids->len
      && (n_ids == 0 || memcmp (ids, self->attendee_ids->data, n_ids * sizeof (gint64)) == 0))
    return;

  g_array_set_size (self->attendee_ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->attendee_ids, ids, n_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);
}

const char *
ipt_session_work_get_other_attendee (IptSessionWork *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), NULL);

  return self->other_attendee;
}

void
ipt_session_work_set_other_attendee (IptSessionWork *self,
                                     const char     *text)
{
  g_return_if_fail (IPT_IS_SESSION_WORK (self));

  _ipt_model_set_text (G_OBJECT (self), &self->other_attendee, text,
                       properties[PROP_OTHER_ATTENDEE]);
}

gboolean
ipt_session_work_has_attendees (IptSessionWork *self)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), FALSE);

  return self->attendee_ids->len > 0 || !_ipt_model_text_is_blank (self->other_attendee);
}

gboolean
ipt_session_work_validate (IptSessionWork  *self,
                           GError         **error)
{
  g_return_val_if_fail (IPT_IS_SESSION_WORK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < IPT_TECHNIQUE_N_FIELDS; i++)
    if (!_ipt_model_check_text (self->texts[i], ipt_technique_field_to_label (i), error))
      return FALSE;
  if (!_ipt_model_check_text (self->other_attendee, _("Who else attended"), error))
    return FALSE;

  for (guint i = 0; i < self->attendee_ids->len; i++)
    {
      gint64 id = g_array_index (self->attendee_ids, gint64, i);

      if (id <= 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("A person who attended must be chosen from the inventory"));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (self->attendee_ids, gint64, j) == id)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 _("The same person is named twice among those who attended"));
            return FALSE;
          }
    }
  return TRUE;
}
