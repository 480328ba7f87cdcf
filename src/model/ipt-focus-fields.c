/* The fields of one focus of a course (primary or secondary), and a dispute's stage history. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-focus-fields.h"
#include "ipt-model-text.h"
#include "ipt-session.h"
#include "ipt-date-format.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <string.h>

struct _IptFocusFields
{
  GObject parent_instance;

  gint64 episode_id;
  gboolean secondary;
  IptFocus focus;
  gint64 person_id;
  char *date;
  char *old_role;
  char *new_role;
  IptDisputeStage stage;
};

G_DEFINE_FINAL_TYPE (IptFocusFields, ipt_focus_fields, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_EPISODE_ID,
  PROP_SECONDARY,
  PROP_FOCUS,
  PROP_PERSON_ID,
  PROP_DATE,
  PROP_OLD_ROLE,
  PROP_NEW_ROLE,
  PROP_DISPUTE_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_focus_fields_finalize (GObject *object)
{
  IptFocusFields *self = (IptFocusFields *) object;

  g_free (self->date);
  g_free (self->old_role);
  g_free (self->new_role);

  G_OBJECT_CLASS (ipt_focus_fields_parent_class)->finalize (object);
}

static void
ipt_focus_fields_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IptFocusFields *self = IPT_FOCUS_FIELDS (object);

  switch (prop_id)
    {
    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;

    case PROP_SECONDARY:
      g_value_set_boolean (value, self->secondary);
      break;

    case PROP_FOCUS:
      g_value_set_enum (value, self->focus);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_OLD_ROLE:
      g_value_set_string (value, self->old_role);
      break;

    case PROP_NEW_ROLE:
      g_value_set_string (value, self->new_role);
      break;

    case PROP_DISPUTE_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_focus_fields_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IptFocusFields *self = IPT_FOCUS_FIELDS (object);

  switch (prop_id)
    {
    case PROP_EPISODE_ID:
      ipt_focus_fields_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_SECONDARY:
      self->secondary = g_value_get_boolean (value);
      break;

    case PROP_FOCUS:
      ipt_focus_fields_set_focus (self, g_value_get_enum (value));
      break;

    case PROP_PERSON_ID:
      ipt_focus_fields_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      ipt_focus_fields_set_date (self, g_value_get_string (value));
      break;

    case PROP_OLD_ROLE:
      ipt_focus_fields_set_old_role (self, g_value_get_string (value));
      break;

    case PROP_NEW_ROLE:
      ipt_focus_fields_set_new_role (self, g_value_get_string (value));
      break;

    case PROP_DISPUTE_STAGE:
      ipt_focus_fields_set_dispute_stage (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_focus_fields_class_init (IptFocusFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_focus_fields_finalize;
  object_class->get_property = ipt_focus_fields_get_property;
  object_class->set_property = ipt_focus_fields_set_property;

  properties[PROP_EPISODE_ID] =
    g_param_spec_int64 ("episode-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SECONDARY] =
    g_param_spec_boolean ("secondary", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS] =
    g_param_spec_enum ("focus", NULL, NULL, IPT_TYPE_FOCUS, IPT_FOCUS_NONE, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_OLD_ROLE] =
    g_param_spec_string ("old-role", NULL, NULL, NULL, flags);
  properties[PROP_NEW_ROLE] =
    g_param_spec_string ("new-role", NULL, NULL, NULL, flags);
  properties[PROP_DISPUTE_STAGE] =
    g_param_spec_enum ("dispute-stage", NULL, NULL, IPT_TYPE_DISPUTE_STAGE,
                       IPT_DISPUTE_STAGE_NONE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_focus_fields_init (IptFocusFields *self)
{
}

IptFocusFields *
ipt_focus_fields_new (gint64   episode_id,
                      gboolean secondary,
                      IptFocus focus)
{
  return g_object_new (IPT_TYPE_FOCUS_FIELDS,
                       "episode-id", episode_id,
                       "secondary", secondary,
                       "focus", focus,
                       NULL);
}

gint64
ipt_focus_fields_get_episode_id (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), 0);

  return self->episode_id;
}

void
ipt_focus_fields_set_episode_id (IptFocusFields *self,
                                 gint64          episode_id)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

gboolean
ipt_focus_fields_get_secondary (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), FALSE);

  return self->secondary;
}

IptFocus
ipt_focus_fields_get_focus (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), IPT_FOCUS_NONE);

  return self->focus;
}

void
ipt_focus_fields_set_focus (IptFocusFields *self,
                            IptFocus        focus)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  if (self->focus == focus)
    return;

  self->focus = focus;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

gint64
ipt_focus_fields_get_person_id (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), 0);

  return self->person_id;
}

void
ipt_focus_fields_set_person_id (IptFocusFields *self,
                                gint64          person_id)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
ipt_focus_fields_get_date (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), NULL);

  return self->date;
}

void
ipt_focus_fields_set_date (IptFocusFields *self,
                           const char     *date)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  _ipt_model_set_text (G_OBJECT (self), &self->date, date, properties[PROP_DATE]);
}

const char *
ipt_focus_fields_get_old_role (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), NULL);

  return self->old_role;
}

void
ipt_focus_fields_set_old_role (IptFocusFields *self,
                               const char     *old_role)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  _ipt_model_set_text (G_OBJECT (self), &self->old_role, old_role, properties[PROP_OLD_ROLE]);
}

const char *
ipt_focus_fields_get_new_role (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), NULL);

  return self->new_role;
}

void
ipt_focus_fields_set_new_role (IptFocusFields *self,
                               const char     *new_role)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  _ipt_model_set_text (G_OBJECT (self), &self->new_role, new_role, properties[PROP_NEW_ROLE]);
}

IptDisputeStage
ipt_focus_fields_get_dispute_stage (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), IPT_DISPUTE_STAGE_NONE);

  return self->stage;
}

void
ipt_focus_fields_set_dispute_stage (IptFocusFields  *self,
                                    IptDisputeStage  stage)
{
  g_return_if_fail (IPT_IS_FOCUS_FIELDS (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPUTE_STAGE]);
}

static gboolean
unused_field (const char  *label,
              IptFocus     focus,
              GError     **error)
{
  /* TRANSLATORS: first %s is a field ("Date"), second a focus ("Role dispute") */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s is not a field of the focus %s"), label, ipt_focus_to_label (focus, FALSE));
  return FALSE;
}

gboolean
ipt_focus_fields_validate (IptFocusFields  *self,
                           const char      *birth_date,
                           const char      *today,
                           GError         **error)
{
  g_autofree char *local_today = NULL;
  gboolean has_person, has_date, has_roles, has_stage;

  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = local_today = _ipt_model_today ();
  if (!ipt_date_is_valid (birth_date))
    birth_date = NULL;

  if ((guint) self->focus > IPT_FOCUS_INTERPERSONAL_SENSITIVITY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Focus must be one of the four problem areas"));
      return FALSE;
    }
  if ((guint) self->stage > IPT_DISPUTE_STAGE_DISSOLUTION)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Stage must be renegotiation, impasse or dissolution"));
      return FALSE;
    }
  if (self->date != NULL && *self->date != '\0' && !ipt_date_is_valid (self->date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("Date “%s” is not a valid date (%s)"), self->date, format);
      return FALSE;
    }
  if (!_ipt_model_check_text (self->old_role, _("Old role"), error)
      || !_ipt_model_check_text (self->new_role, _("New role"), error))
    return FALSE;

  has_person = self->person_id != 0;
  has_date = self->date != NULL && *self->date != '\0';
  has_roles = !_ipt_model_text_is_blank (self->old_role) || !_ipt_model_text_is_blank (self->new_role);
  has_stage = self->stage != IPT_DISPUTE_STAGE_NONE;

  switch (self->focus)
    {
    case IPT_FOCUS_GRIEF:
      if (has_roles)
        return unused_field (_("A role"), self->focus, error);
      if (has_stage)
        return unused_field (_("Stage"), self->focus, error);
      if (has_date && strcmp (self->date, today) > 0)
        {
          g_autofree char *shown = ipt_date_format_display (self->date);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Date of death %s is after today"), shown);
          return FALSE;
        }
      if (has_date && birth_date != NULL && strcmp (self->date, birth_date) < 0)
        {
          g_autofree char *shown = ipt_date_format_display (self->date);
          g_autofree char *birth_shown = ipt_date_format_display (birth_date);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Date of death %s is before the client was born (%s)"),
                       shown, birth_shown);
          return FALSE;
        }
      break;

    case IPT_FOCUS_ROLE_DISPUTE:
      if (has_roles)
        return unused_field (_("A role"), self->focus, error);
      if (has_date)
        return unused_field (_("Date"), self->focus, error);
      break;

    case IPT_FOCUS_ROLE_TRANSITION:
      if (has_person)
        return unused_field (_("Person"), self->focus, error);
      if (has_stage)
        return unused_field (_("Stage"), self->focus, error);
      if (has_date && birth_date != NULL && strcmp (self->date, birth_date) < 0)
        {
          g_autofree char *shown = ipt_date_format_display (self->date);
          g_autofree char *birth_shown = ipt_date_format_display (birth_date);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Date of the change %s is before the client was born (%s)"),
                       shown, birth_shown);
          return FALSE;
        }
      break;

    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
    case IPT_FOCUS_NONE:
    default:
      if (has_person)
        return unused_field (_("Person"), self->focus, error);
      if (has_date)
        return unused_field (_("Date"), self->focus, error);
      if (has_roles)
        return unused_field (_("A role"), self->focus, error);
      if (has_stage)
        return unused_field (_("Stage"), self->focus, error);
      break;
    }

  return TRUE;
}

const char *
ipt_focus_fields_get_missing (IptFocusFields *self)
{
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), NULL);

  switch (self->focus)
    {
    case IPT_FOCUS_GRIEF:
      if (self->person_id == 0)
        return _("Choose the person who died from the inventory");
      if (self->date == NULL || *self->date == '\0')
        return _("Give the date of death");
      return NULL;

    case IPT_FOCUS_ROLE_DISPUTE:
      if (self->person_id == 0)
        return _("Choose the other person in the dispute from the inventory");
      if (self->stage == IPT_DISPUTE_STAGE_NONE)
        return _("Choose the stage of the dispute");
      return NULL;

    case IPT_FOCUS_ROLE_TRANSITION:
      if (_ipt_model_text_is_blank (self->old_role) || _ipt_model_text_is_blank (self->new_role))
        return _("Name the old role and the new one");
      if (self->date == NULL || *self->date == '\0')
        return _("Give the date of the change");
      return NULL;

    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
      return NULL;

    case IPT_FOCUS_NONE:
    default:
      return _("Choose the focus of the course");
    }
}

char *
ipt_focus_fields_describe_contract (IptFocusFields *self,
                                    guint           planned_sessions,
                                    const char     *person_name)
{
  g_autoptr(GString) focus = NULL;

  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (self), NULL);

  focus = g_string_new (self->focus != IPT_FOCUS_NONE ? ipt_focus_to_label (self->focus, FALSE)
                                                      : _("not chosen yet"));
  if (person_name != NULL && *person_name != '\0' && self->focus == IPT_FOCUS_ROLE_DISPUTE)
    /* TRANSLATORS: a role dispute and the other person: " with Jamie" */
    g_string_append_printf (focus, _(" with %s"), person_name);
  else if (person_name != NULL && *person_name != '\0' && self->focus == IPT_FOCUS_GRIEF)
    /* TRANSLATORS: grief and the person who died: " for Jamie" */
    g_string_append_printf (focus, _(" for %s"), person_name);
  else if (self->focus == IPT_FOCUS_ROLE_TRANSITION && !_ipt_model_text_is_blank (self->new_role))
    /* TRANSLATORS: a role transition: " from employee to retired" */
    g_string_append_printf (focus, _(" from %s to %s"),
                            !_ipt_model_text_is_blank (self->old_role) ? self->old_role : "…",
                            self->new_role);

  /* TRANSLATORS: the contract of a course in one line */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session, weekly, focus: %s",
                                       "%u sessions, weekly, focus: %s", planned_sessions),
                          planned_sessions, focus->str);
}

gboolean
ipt_dispute_stage_change_validate (const IptDisputeStageChange  *change,
                                   GError                      **error)
{
  g_return_val_if_fail (change != NULL, FALSE);

  if (change->session_number < 1 || change->session_number > IPT_SESSION_NUMBER_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Session number must be 1 to %d, not %u"), IPT_SESSION_NUMBER_MAX,
                   change->session_number);
      return FALSE;
    }
  if (change->stage == IPT_DISPUTE_STAGE_NONE
      || (guint) change->stage > IPT_DISPUTE_STAGE_DISSOLUTION)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Stage must be renegotiation, impasse or dissolution"));
      return FALSE;
    }
  return TRUE;
}
