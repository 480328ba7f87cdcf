/* The end of a course: date, reason, the relapse-prevention plan, maintenance offered. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-course-ending.h"
#include "ipt-enums.h"
#include "ipt-enums-private.h"
#include "ipt-model-text.h"
#include "ipt-date-format.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <string.h>

/* Reasons */

G_DEFINE_ENUM_TYPE (IptEndReason, ipt_end_reason,
  G_DEFINE_ENUM_VALUE (IPT_END_REASON_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (IPT_END_REASON_DROPPED_OUT, "dropped-out"),
  G_DEFINE_ENUM_VALUE (IPT_END_REASON_REFERRED_ON, "referred-on"))

const char *
ipt_end_reason_to_id (IptEndReason reason)
{
  const char *id = _ipt_enum_to_nick (IPT_TYPE_END_REASON, reason);

  g_return_val_if_fail (id != NULL, NULL);
  return id;
}

gboolean
ipt_end_reason_from_id (const char   *id,
                        IptEndReason *out)
{
  int value;

  if (!_ipt_enum_from_nick (IPT_TYPE_END_REASON, id, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
ipt_end_reason_to_label (IptEndReason reason)
{
  switch (reason)
    {
    case IPT_END_REASON_COMPLETED:
      return _("Completed");
    case IPT_END_REASON_DROPPED_OUT:
      return _("Dropped out");
    case IPT_END_REASON_REFERRED_ON:
      return _("Referred on");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *name;
  const char *label;
} ending_texts[IPT_ENDING_N_TEXTS] = {
  { "warning-signs", N_("Warning signs") },
  { "what-helped", N_("What helped") },
  { "people-to-turn-to", N_("People to turn to") },
  { "if-signs-return", N_("What to do if the signs come back") },
};

const char *
ipt_ending_text_to_label (IptEndingText field)
{
  g_return_val_if_fail (field < IPT_ENDING_N_TEXTS, NULL);

  return _(ending_texts[field].label);
}

const char *
ipt_ending_text_to_name (IptEndingText field)
{
  g_return_val_if_fail (field < IPT_ENDING_N_TEXTS, NULL);

  return ending_texts[field].name;
}

/* The record */

struct _IptCourseEnding
{
  GObject parent_instance;

  gint64 episode_id;
  char *end_date;
  IptEndReason reason;
  char *texts[IPT_ENDING_N_TEXTS];
  gboolean maintenance_offered;
};

G_DEFINE_FINAL_TYPE (IptCourseEnding, ipt_course_ending, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_EPISODE_ID,
  PROP_END_DATE,
  PROP_REASON,
  PROP_MAINTENANCE_OFFERED,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + IPT_ENDING_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_course_ending_finalize (GObject *object)
{
  IptCourseEnding *self = (IptCourseEnding *) object;

  g_free (self->end_date);
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (ipt_course_ending_parent_class)->finalize (object);
}

static void
ipt_course_ending_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IptCourseEnding *self = IPT_COURSE_ENDING (object);

  switch (prop_id)
    {
    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;

    case PROP_MAINTENANCE_OFFERED:
      g_value_set_boolean (value, self->maintenance_offered);
      break;

    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_course_ending_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IptCourseEnding *self = IPT_COURSE_ENDING (object);

  switch (prop_id)
    {
    case PROP_EPISODE_ID:
      ipt_course_ending_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_END_DATE:
      ipt_course_ending_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      ipt_course_ending_set_reason (self, g_value_get_enum (value));
      break;

    case PROP_MAINTENANCE_OFFERED:
      ipt_course_ending_set_maintenance_offered (self, g_value_get_boolean (value));
      break;

    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        ipt_course_ending_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_course_ending_class_init (IptCourseEndingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_course_ending_finalize;
  object_class->get_property = ipt_course_ending_get_property;
  object_class->set_property = ipt_course_ending_set_property;

  properties[PROP_EPISODE_ID] =
    g_param_spec_int64 ("episode-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL, flags);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL, IPT_TYPE_END_REASON, IPT_END_REASON_COMPLETED, flags);
  properties[PROP_MAINTENANCE_OFFERED] =
    g_param_spec_boolean ("maintenance-offered", NULL, NULL, FALSE, flags);
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (ending_texts[i].name, NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_course_ending_init (IptCourseEnding *self)
{
}

IptCourseEnding *
ipt_course_ending_new (gint64        episode_id,
                       const char   *end_date,
                       IptEndReason  reason)
{
  IptCourseEnding *self = g_object_new (IPT_TYPE_COURSE_ENDING,
                                        "episode-id", episode_id,
                                        "end-date", end_date,
                                        NULL);

  /* Set directly: an impossible reason is kept for validate () to name. */
  self->reason = reason;
  return self;
}

gint64
ipt_course_ending_get_episode_id (IptCourseEnding *self)
{
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (self), 0);

  return self->episode_id;
}

void
ipt_course_ending_set_episode_id (IptCourseEnding *self,
                                  gint64           episode_id)
{
  g_return_if_fail (IPT_IS_COURSE_ENDING (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

const char *
ipt_course_ending_get_end_date (IptCourseEnding *self)
{
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (self), NULL);

  return self->end_date;
}

void
ipt_course_ending_set_end_date (IptCourseEnding *self,
                                const char      *end_date)
{
  g_return_if_fail (IPT_IS_COURSE_ENDING (self));

  _ipt_model_set_text (G_OBJECT (self), &self->end_date, end_date, properties[PROP_END_DATE]);
}

IptEndReason
ipt_course_ending_get_reason (IptCourseEnding *self)
{
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (self), IPT_END_REASON_COMPLETED);

  return self->reason;
}

void
ipt_course_ending_set_reason (IptCourseEnding *self,
                              IptEndReason     reason)
{
  g_return_if_fail (IPT_IS_COURSE_ENDING (self));

  if (self->reason == reason)
    return;

  self->reason = reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
ipt_course_ending_get_text (IptCourseEnding *self,
                            IptEndingText    field)
{
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (self), NULL);
  g_return_val_if_fail (field < IPT_ENDING_N_TEXTS, NULL);

  return self->texts[field];
}

void
ipt_course_ending_set_text (IptCourseEnding *self,
                            IptEndingText    field,
                            const char      *text)
{
  g_return_if_fail (IPT_IS_COURSE_ENDING (self));
  g_return_if_fail (field < IPT_ENDING_N_TEXTS);

  _ipt_model_set_text (G_OBJECT (self), &self->texts[field], text,
                       properties[PROP_FIRST_TEXT + field]);
}

gboolean
ipt_course_ending_get_maintenance_offered (IptCourseEnding *self)
{
  g_return_val_if_fail (IPT_IS_COURSE_ENDING (self), FALSE);

  return self->maintenance_offered;
}

void
ipt_course_ending_set_maintenance_offered (IptCourseEnding *self,
                                           gboolean         offered)
{
  g_return_if_fail (IPT_IS_COURSE_ENDING (self));

  offered = !!offered;
  if (self->maintenance_offered == offered)
    return;

  self->maintenance_offered = offered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAINTENANCE_OFFERED]);
}

gboolean
ipt_course_ending_validate (IptCourseEnding  *self,
                            const char       *start_date,
                            const char       *today,
                            GError          **error)
{
  g_autofree char *local_today = NULL;

  g_return_val_if_fail (IPT_IS_COURSE_ENDING (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = local_today = _ipt_model_today ();

  if (!ipt_date_is_valid (self->end_date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("End date “%s” is not a valid date (%s)"),
                   self->end_date != NULL ? self->end_date : "", format);
      return FALSE;
    }
  if (start_date != NULL && strcmp (self->end_date, start_date) < 0)
    {
      g_autofree char *shown = ipt_date_format_display (self->end_date);
      g_autofree char *start_shown = ipt_date_format_display (start_date);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("End date %s is before the course started (%s)"), shown, start_shown);
      return FALSE;
    }
  if (strcmp (self->end_date, today) > 0)
    {
      g_autofree char *shown = ipt_date_format_display (self->end_date);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("End date %s is in the future: a course ends on the day it ends"), shown);
      return FALSE;
    }
  if ((guint) self->reason > IPT_END_REASON_REFERRED_ON)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Reason must be completed, dropped out or referred on"));
      return FALSE;
    }
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    if (!_ipt_model_check_text (self->texts[i], ipt_ending_text_to_label (i), error))
      return FALSE;

  return TRUE;
}
