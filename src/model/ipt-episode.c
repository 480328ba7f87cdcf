/* A course of IPT: the GObject with its fields, properties and accessors, and its constructor. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-episode.h"
#include "ipt-episode-private.h"

G_DEFINE_FINAL_TYPE (IptEpisode, ipt_episode, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_ORDINAL,
  PROP_START_DATE,
  PROP_PLANNED_SESSIONS,
  PROP_ASSESSMENT_END,
  PROP_MIDDLE_END,
  PROP_FOCUS,
  PROP_SECONDARY_FOCUS,
  PROP_DISPUTE_STAGE,
  PROP_FOCUS_PERSON_ID,
  PROP_FOCUS_DATE,
  PROP_OLD_ROLE,
  PROP_NEW_ROLE,
  PROP_FORMULATION,
  PROP_AGREED_ON,
  PROP_STATUS,
  PROP_END_DATE,
  PROP_END_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_episode_finalize (GObject *object)
{
  IptEpisode *self = (IptEpisode *) object;

  g_free (self->start_date);
  g_free (self->focus_date);
  g_free (self->old_role);
  g_free (self->new_role);
  g_free (self->formulation);
  g_free (self->agreed_on);
  g_free (self->end_date);
  g_free (self->end_reason);

  G_OBJECT_CLASS (ipt_episode_parent_class)->finalize (object);
}

static void
ipt_episode_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IptEpisode *self = IPT_EPISODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_ORDINAL:
      g_value_set_uint (value, self->ordinal);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_PLANNED_SESSIONS:
      g_value_set_uint (value, self->planned_sessions);
      break;

    case PROP_ASSESSMENT_END:
      g_value_set_uint (value, self->assessment_end);
      break;

    case PROP_MIDDLE_END:
      g_value_set_uint (value, self->middle_end);
      break;

    case PROP_FOCUS:
      g_value_set_enum (value, self->focus);
      break;

    case PROP_SECONDARY_FOCUS:
      g_value_set_enum (value, self->secondary_focus);
      break;

    case PROP_DISPUTE_STAGE:
      g_value_set_enum (value, self->dispute_stage);
      break;

    case PROP_FOCUS_PERSON_ID:
      g_value_set_int64 (value, self->focus_person_id);
      break;

    case PROP_FOCUS_DATE:
      g_value_set_string (value, self->focus_date);
      break;

    case PROP_OLD_ROLE:
      g_value_set_string (value, self->old_role);
      break;

    case PROP_NEW_ROLE:
      g_value_set_string (value, self->new_role);
      break;

    case PROP_FORMULATION:
      g_value_set_string (value, self->formulation);
      break;

    case PROP_AGREED_ON:
      g_value_set_string (value, self->agreed_on);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_END_REASON:
      g_value_set_string (value, self->end_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_episode_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IptEpisode *self = IPT_EPISODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_episode_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      ipt_episode_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORDINAL:
      ipt_episode_set_ordinal (self, g_value_get_uint (value));
      break;

    case PROP_START_DATE:
      ipt_episode_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_PLANNED_SESSIONS:
      ipt_episode_set_planned_sessions (self, g_value_get_uint (value));
      break;

    case PROP_ASSESSMENT_END:
      ipt_episode_set_assessment_end (self, g_value_get_uint (value));
      break;

    case PROP_MIDDLE_END:
      ipt_episode_set_middle_end (self, g_value_get_uint (value));
      break;

    case PROP_FOCUS:
      ipt_episode_set_focus (self, g_value_get_enum (value));
      break;

    case PROP_SECONDARY_FOCUS:
      ipt_episode_set_secondary_focus (self, g_value_get_enum (value));
      break;

    case PROP_DISPUTE_STAGE:
      ipt_episode_set_dispute_stage (self, g_value_get_enum (value));
      break;

    case PROP_FOCUS_PERSON_ID:
      ipt_episode_set_focus_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_FOCUS_DATE:
      ipt_episode_set_focus_date (self, g_value_get_string (value));
      break;

    case PROP_OLD_ROLE:
      ipt_episode_set_old_role (self, g_value_get_string (value));
      break;

    case PROP_NEW_ROLE:
      ipt_episode_set_new_role (self, g_value_get_string (value));
      break;

    case PROP_FORMULATION:
      ipt_episode_set_formulation (self, g_value_get_string (value));
      break;

    case PROP_AGREED_ON:
      ipt_episode_set_agreed_on (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      ipt_episode_set_status (self, g_value_get_enum (value));
      break;

    case PROP_END_DATE:
      ipt_episode_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_END_REASON:
      ipt_episode_set_end_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_episode_class_init (IptEpisodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_episode_finalize;
  object_class->get_property = ipt_episode_get_property;
  object_class->set_property = ipt_episode_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDINAL] =
    g_param_spec_uint ("ordinal", NULL, NULL,
                       0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLANNED_SESSIONS] =
    g_param_spec_uint ("planned-sessions", NULL, NULL,
                       0, G_MAXUINT, IPT_PLANNED_SESSIONS_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT_END] =
    g_param_spec_uint ("assessment-end", NULL, NULL,
                       0, G_MAXUINT, 4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIDDLE_END] =
    g_param_spec_uint ("middle-end", NULL, NULL,
                       0, G_MAXUINT, 12,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS] =
    g_param_spec_enum ("focus", NULL, NULL,
                       IPT_TYPE_FOCUS, IPT_FOCUS_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDARY_FOCUS] =
    g_param_spec_enum ("secondary-focus", NULL, NULL,
                       IPT_TYPE_FOCUS, IPT_FOCUS_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPUTE_STAGE] =
    g_param_spec_enum ("dispute-stage", NULL, NULL,
                       IPT_TYPE_DISPUTE_STAGE, IPT_DISPUTE_STAGE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_PERSON_ID] =
    g_param_spec_int64 ("focus-person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_DATE] =
    g_param_spec_string ("focus-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OLD_ROLE] =
    g_param_spec_string ("old-role", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_ROLE] =
    g_param_spec_string ("new-role", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMULATION] =
    g_param_spec_string ("formulation", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREED_ON] =
    g_param_spec_string ("agreed-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       IPT_TYPE_EPISODE_STATUS, IPT_EPISODE_STATUS_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_REASON] =
    g_param_spec_string ("end-reason", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_episode_init (IptEpisode *self)
{
  self->ordinal = 1;
  self->planned_sessions = IPT_PLANNED_SESSIONS_DEFAULT;
  self->assessment_end = 4;
  self->middle_end = 12;
  self->focus = IPT_FOCUS_NONE;
  self->secondary_focus = IPT_FOCUS_NONE;
  self->dispute_stage = IPT_DISPUTE_STAGE_NONE;
  self->status = IPT_EPISODE_STATUS_ACTIVE;
}

gint64
ipt_episode_get_id (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->id;
}

void
ipt_episode_set_id (IptEpisode *self,
                    gint64 id)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_episode_get_client_id (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->client_id;
}

void
ipt_episode_set_client_id (IptEpisode *self,
                           gint64 client_id)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

guint
ipt_episode_get_ordinal (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->ordinal;
}

void
ipt_episode_set_ordinal (IptEpisode *self,
                         guint ordinal)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->ordinal == ordinal)
    return;

  self->ordinal = ordinal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDINAL]);
}

const char *
ipt_episode_get_start_date (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->start_date;
}

void
ipt_episode_set_start_date (IptEpisode *self,
                            const char *start_date)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->start_date, start_date) == 0)
    return;

  g_free (self->start_date);
  self->start_date = g_strdup (start_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

guint
ipt_episode_get_planned_sessions (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->planned_sessions;
}

void
ipt_episode_set_planned_sessions (IptEpisode *self,
                                  guint planned_sessions)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->planned_sessions == planned_sessions)
    return;

  self->planned_sessions = planned_sessions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_SESSIONS]);
}

guint
ipt_episode_get_assessment_end (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->assessment_end;
}

void
ipt_episode_set_assessment_end (IptEpisode *self,
                                guint assessment_end)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->assessment_end == assessment_end)
    return;

  self->assessment_end = assessment_end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT_END]);
}

guint
ipt_episode_get_middle_end (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->middle_end;
}

void
ipt_episode_set_middle_end (IptEpisode *self,
                            guint middle_end)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->middle_end == middle_end)
    return;

  self->middle_end = middle_end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIDDLE_END]);
}

IptFocus
ipt_episode_get_focus (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->focus;
}

void
ipt_episode_set_focus (IptEpisode *self,
                       IptFocus focus)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->focus == focus)
    return;

  self->focus = focus;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

IptFocus
ipt_episode_get_secondary_focus (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->secondary_focus;
}

void
ipt_episode_set_secondary_focus (IptEpisode *self,
                                 IptFocus focus)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->secondary_focus == focus)
    return;

  self->secondary_focus = focus;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDARY_FOCUS]);
}

IptDisputeStage
ipt_episode_get_dispute_stage (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->dispute_stage;
}

void
ipt_episode_set_dispute_stage (IptEpisode *self,
                               IptDisputeStage stage)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->dispute_stage == stage)
    return;

  self->dispute_stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPUTE_STAGE]);
}

gint64
ipt_episode_get_focus_person_id (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->focus_person_id;
}

void
ipt_episode_set_focus_person_id (IptEpisode *self,
                                 gint64 person_id)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->focus_person_id == person_id)
    return;

  self->focus_person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_PERSON_ID]);
}

const char *
ipt_episode_get_focus_date (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->focus_date;
}

void
ipt_episode_set_focus_date (IptEpisode *self,
                            const char *date)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->focus_date, date) == 0)
    return;

  g_free (self->focus_date);
  self->focus_date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_DATE]);
}

const char *
ipt_episode_get_old_role (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->old_role;
}

void
ipt_episode_set_old_role (IptEpisode *self,
                          const char *old_role)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->old_role, old_role) == 0)
    return;

  g_free (self->old_role);
  self->old_role = g_strdup (old_role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OLD_ROLE]);
}

const char *
ipt_episode_get_new_role (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->new_role;
}

void
ipt_episode_set_new_role (IptEpisode *self,
                          const char *new_role)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->new_role, new_role) == 0)
    return;

  g_free (self->new_role);
  self->new_role = g_strdup (new_role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_ROLE]);
}

const char *
ipt_episode_get_formulation (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->formulation;
}

void
ipt_episode_set_formulation (IptEpisode *self,
                             const char *formulation)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->formulation, formulation) == 0)
    return;

  g_free (self->formulation);
  self->formulation = g_strdup (formulation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMULATION]);
}

const char *
ipt_episode_get_agreed_on (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->agreed_on;
}

void
ipt_episode_set_agreed_on (IptEpisode *self,
                           const char *agreed_on)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->agreed_on, agreed_on) == 0)
    return;

  g_free (self->agreed_on);
  self->agreed_on = g_strdup (agreed_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREED_ON]);
}

IptEpisodeStatus
ipt_episode_get_status (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), 0);

  return self->status;
}

void
ipt_episode_set_status (IptEpisode *self,
                        IptEpisodeStatus status)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
ipt_episode_get_end_date (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->end_date;
}

void
ipt_episode_set_end_date (IptEpisode *self,
                          const char *end_date)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->end_date, end_date) == 0)
    return;

  g_free (self->end_date);
  self->end_date = g_strdup (end_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

const char *
ipt_episode_get_end_reason (IptEpisode *self)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), NULL);

  return self->end_reason;
}

void
ipt_episode_set_end_reason (IptEpisode *self,
                            const char *end_reason)
{
  g_return_if_fail (IPT_IS_EPISODE (self));

  if (g_strcmp0 (self->end_reason, end_reason) == 0)
    return;

  g_free (self->end_reason);
  self->end_reason = g_strdup (end_reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_REASON]);
}

IptEpisode *
ipt_episode_new (gint64      client_id,
                 const char *start_date,
                 guint       planned_sessions)
{
  IptEpisode *self;
  guint assessment_end, middle_end;

  ipt_phase_default_boundaries (planned_sessions, &assessment_end, &middle_end);
  self = g_object_new (IPT_TYPE_EPISODE,
                       "client-id", client_id,
                       "start-date", start_date,
                       NULL);
  /* Set directly: a plan out of range is kept for validate () to name. */
  self->planned_sessions = planned_sessions;
  self->assessment_end = assessment_end;
  self->middle_end = middle_end;
  return self;
}
