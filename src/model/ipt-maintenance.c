/* A maintenance contract (IPT-M) agreed after a course ended: monthly sessions by default. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-maintenance.h"
#include "ipt-enums.h"
#include "ipt-model-text.h"
#include "ipt-date-format.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <string.h>

struct _IptMaintenance
{
  GObject parent_instance;

  gint64 episode_id;
  char *start_date;
  guint planned_sessions;
  guint interval_weeks;
};

G_DEFINE_FINAL_TYPE (IptMaintenance, ipt_maintenance, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_EPISODE_ID,
  PROP_START_DATE,
  PROP_PLANNED_SESSIONS,
  PROP_INTERVAL_WEEKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_maintenance_finalize (GObject *object)
{
  IptMaintenance *self = (IptMaintenance *) object;

  g_free (self->start_date);

  G_OBJECT_CLASS (ipt_maintenance_parent_class)->finalize (object);
}

static void
ipt_maintenance_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IptMaintenance *self = IPT_MAINTENANCE (object);

  switch (prop_id)
    {
    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_PLANNED_SESSIONS:
      g_value_set_uint (value, self->planned_sessions);
      break;

    case PROP_INTERVAL_WEEKS:
      g_value_set_uint (value, self->interval_weeks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_maintenance_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IptMaintenance *self = IPT_MAINTENANCE (object);

  switch (prop_id)
    {
    case PROP_EPISODE_ID:
      ipt_maintenance_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_START_DATE:
      ipt_maintenance_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_PLANNED_SESSIONS:
      ipt_maintenance_set_planned_sessions (self, g_value_get_uint (value));
      break;

    case PROP_INTERVAL_WEEKS:
      ipt_maintenance_set_interval_weeks (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_maintenance_class_init (IptMaintenanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_maintenance_finalize;
  object_class->get_property = ipt_maintenance_get_property;
  object_class->set_property = ipt_maintenance_set_property;

  properties[PROP_EPISODE_ID] =
    g_param_spec_int64 ("episode-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  /* The ranges are checked by validate (), so that a form can hold what was typed. */
  properties[PROP_PLANNED_SESSIONS] =
    g_param_spec_uint ("planned-sessions", NULL, NULL, 0, G_MAXUINT,
                       IPT_MAINTENANCE_SESSIONS_DEFAULT, flags);
  properties[PROP_INTERVAL_WEEKS] =
    g_param_spec_uint ("interval-weeks", NULL, NULL, 0, G_MAXUINT,
                       IPT_MAINTENANCE_INTERVAL_DEFAULT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_maintenance_init (IptMaintenance *self)
{
  self->planned_sessions = IPT_MAINTENANCE_SESSIONS_DEFAULT;
  self->interval_weeks = IPT_MAINTENANCE_INTERVAL_DEFAULT;
}

IptMaintenance *
ipt_maintenance_new (gint64      episode_id,
                     const char *start_date,
                     guint       planned_sessions)
{
  return g_object_new (IPT_TYPE_MAINTENANCE,
                       "episode-id", episode_id,
                       "start-date", start_date,
                       "planned-sessions", planned_sessions,
                       NULL);
}

gint64
ipt_maintenance_get_episode_id (IptMaintenance *self)
{
  g_return_val_if_fail (IPT_IS_MAINTENANCE (self), 0);

  return self->episode_id;
}

void
ipt_maintenance_set_episode_id (IptMaintenance *self,
                                gint64          episode_id)
{
  g_return_if_fail (IPT_IS_MAINTENANCE (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

const char *
ipt_maintenance_get_start_date (IptMaintenance *self)
{
  g_return_val_if_fail (IPT_IS_MAINTENANCE (self), NULL);

  return self->start_date;
}

void
ipt_maintenance_set_start_date (IptMaintenance *self,
                                const char     *start_date)
{
  g_return_if_fail (IPT_IS_MAINTENANCE (self));

  _ipt_model_set_text (G_OBJECT (self), &self->start_date, start_date,
                       properties[PROP_START_DATE]);
}

guint
ipt_maintenance_get_planned_sessions (IptMaintenance *self)
{
  g_return_val_if_fail (IPT_IS_MAINTENANCE (self), 0);

  return self->planned_sessions;
}

void
ipt_maintenance_set_planned_sessions (IptMaintenance *self,
                                      guint           planned_sessions)
{
  g_return_if_fail (IPT_IS_MAINTENANCE (self));

  if (self->planned_sessions == planned_sessions)
    return;

  self->planned_sessions = planned_sessions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_SESSIONS]);
}

guint
ipt_maintenance_get_interval_weeks (IptMaintenance *self)
{
  g_return_val_if_fail (IPT_IS_MAINTENANCE (self), 0);

  return self->interval_weeks;
}

void
ipt_maintenance_set_interval_weeks (IptMaintenance *self,
                                    guint           weeks)
{
  g_return_if_fail (IPT_IS_MAINTENANCE (self));

  if (self->interval_weeks == weeks)
    return;

  self->interval_weeks = weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_WEEKS]);
}

gboolean
ipt_maintenance_validate (IptMaintenance  *self,
                          const char      *end_date,
                          GError         **error)
{
  g_return_val_if_fail (IPT_IS_MAINTENANCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_date_is_valid (self->start_date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("Start date “%s” is not a valid date (%s)"),
                   self->start_date != NULL ? self->start_date : "", format);
      return FALSE;
    }
  if (end_date != NULL && strcmp (self->start_date, end_date) < 0)
    {
      g_autofree char *shown = ipt_date_format_display (self->start_date);
      g_autofree char *end_shown = ipt_date_format_display (end_date);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Maintenance cannot start on %s, before the course ended (%s)"),
                   shown, end_shown);
      return FALSE;
    }
  if (self->planned_sessions < IPT_MAINTENANCE_SESSIONS_MIN
      || self->planned_sessions > IPT_MAINTENANCE_SESSIONS_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Maintenance sessions must be %d to %d, not %u"),
                   IPT_MAINTENANCE_SESSIONS_MIN, IPT_MAINTENANCE_SESSIONS_MAX,
                   self->planned_sessions);
      return FALSE;
    }
  if (self->interval_weeks < IPT_MAINTENANCE_INTERVAL_MIN
      || self->interval_weeks > IPT_MAINTENANCE_INTERVAL_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Weeks between maintenance sessions must be %d to %d, not %u"),
                   IPT_MAINTENANCE_INTERVAL_MIN, IPT_MAINTENANCE_INTERVAL_MAX,
                   self->interval_weeks);
      return FALSE;
    }
  return TRUE;
}
