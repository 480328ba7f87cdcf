/* One appointment of a course: number, date, attendance, who attended, notes. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-session.h"
#include "ipt-date-format.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

struct _IptSession
{
  GObject parent_instance;

  gint64 id;
  gint64 episode_id;
  guint number;
  char *date;
  IptAttendance attendance;
  IptAttendees attendees;
  guint duration;
  IptPhase phase;
  char *note_agenda;
  char *note_events;
  char *note_between;
  guint tasks_done;
};

G_DEFINE_FINAL_TYPE (IptSession, ipt_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_EPISODE_ID,
  PROP_NUMBER,
  PROP_DATE,
  PROP_ATTENDANCE,
  PROP_ATTENDEES,
  PROP_DURATION,
  PROP_PHASE,
  PROP_NOTE_AGENDA,
  PROP_NOTE_EVENTS,
  PROP_NOTE_BETWEEN,
  PROP_TASKS_DONE,
  PROP_ATTENDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_session_finalize (GObject *object)
{
  IptSession *self = (IptSession *) object;

  g_free (self->date);
  g_free (self->note_agenda);
  g_free (self->note_events);
  g_free (self->note_between);

  G_OBJECT_CLASS (ipt_session_parent_class)->finalize (object);
}

static void
ipt_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IptSession *self = IPT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ATTENDANCE:
      g_value_set_enum (value, self->attendance);
      break;

    case PROP_ATTENDEES:
      g_value_set_enum (value, self->attendees);
      break;

    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;

    case PROP_NOTE_AGENDA:
      g_value_set_string (value, self->note_agenda);
      break;

    case PROP_NOTE_EVENTS:
      g_value_set_string (value, self->note_events);
      break;

    case PROP_NOTE_BETWEEN:
      g_value_set_string (value, self->note_between);
      break;

    case PROP_TASKS_DONE:
      g_value_set_uint (value, self->tasks_done);
      break;

    case PROP_ATTENDED:
      g_value_set_boolean (value, ipt_session_get_attended (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IptSession *self = IPT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_session_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_EPISODE_ID:
      ipt_session_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      ipt_session_set_number (self, g_value_get_uint (value));
      break;

    case PROP_DATE:
      ipt_session_set_date (self, g_value_get_string (value));
      break;

    case PROP_ATTENDANCE:
      ipt_session_set_attendance (self, g_value_get_enum (value));
      break;

    case PROP_ATTENDEES:
      ipt_session_set_attendees (self, g_value_get_enum (value));
      break;

    case PROP_DURATION:
      ipt_session_set_duration (self, g_value_get_uint (value));
      break;

    case PROP_PHASE:
      ipt_session_set_phase (self, g_value_get_enum (value));
      break;

    case PROP_NOTE_AGENDA:
      ipt_session_set_note_agenda (self, g_value_get_string (value));
      break;

    case PROP_NOTE_EVENTS:
      ipt_session_set_note_events (self, g_value_get_string (value));
      break;

    case PROP_NOTE_BETWEEN:
      ipt_session_set_note_between (self, g_value_get_string (value));
      break;

    case PROP_TASKS_DONE:
      ipt_session_set_tasks_done (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_session_class_init (IptSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_session_finalize;
  object_class->get_property = ipt_session_get_property;
  object_class->set_property = ipt_session_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPISODE_ID] =
    g_param_spec_int64 ("episode-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDANCE] =
    g_param_spec_enum ("attendance", NULL, NULL,
                       IPT_TYPE_ATTENDANCE, IPT_ATTENDANCE_ATTENDED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDEES] =
    g_param_spec_enum ("attendees", NULL, NULL,
                       IPT_TYPE_ATTENDEES, IPT_ATTENDEES_CLIENT_ALONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       IPT_TYPE_PHASE, IPT_PHASE_ASSESSMENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_AGENDA] =
    g_param_spec_string ("note-agenda", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_EVENTS] =
    g_param_spec_string ("note-events", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_BETWEEN] =
    g_param_spec_string ("note-between", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASKS_DONE] =
    g_param_spec_uint ("tasks-done", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDED] =
    g_param_spec_boolean ("attended", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_session_init (IptSession *self)
{
  self->attendance = IPT_ATTENDANCE_ATTENDED;
  self->attendees = IPT_ATTENDEES_CLIENT_ALONE;
  self->phase = IPT_PHASE_ASSESSMENT;
}

gint64
ipt_session_get_id (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->id;
}

void
ipt_session_set_id (IptSession *self,
                    gint64 id)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_session_get_episode_id (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->episode_id;
}

void
ipt_session_set_episode_id (IptSession *self,
                            gint64 episode_id)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

guint
ipt_session_get_number (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->number;
}

void
ipt_session_set_number (IptSession *self,
                        guint number)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
ipt_session_get_date (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), NULL);

  return self->date;
}

void
ipt_session_set_date (IptSession *self,
                      const char *date)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

IptAttendance
ipt_session_get_attendance (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->attendance;
}

void
ipt_session_set_attendance (IptSession *self,
                            IptAttendance attendance)
{
  gboolean was_attended;

  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->attendance == attendance)
    return;

  was_attended = ipt_session_get_attended (self);
  self->attendance = attendance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE]);
  if (was_attended != ipt_session_get_attended (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDED]);
}

IptAttendees
ipt_session_get_attendees (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->attendees;
}

void
ipt_session_set_attendees (IptSession *self,
                           IptAttendees attendees)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->attendees == attendees)
    return;

  self->attendees = attendees;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);
}

guint
ipt_session_get_duration (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->duration;
}

void
ipt_session_set_duration (IptSession *self,
                          guint minutes)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->duration == minutes)
    return;

  self->duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

IptPhase
ipt_session_get_phase (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->phase;
}

void
ipt_session_set_phase (IptSession *self,
                       IptPhase phase)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->phase == phase)
    return;

  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

const char *
ipt_session_get_note_agenda (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), NULL);

  return self->note_agenda;
}

void
ipt_session_set_note_agenda (IptSession *self,
                             const char *text)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (g_strcmp0 (self->note_agenda, text) == 0)
    return;

  g_free (self->note_agenda);
  self->note_agenda = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_AGENDA]);
}

const char *
ipt_session_get_note_events (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), NULL);

  return self->note_events;
}

void
ipt_session_set_note_events (IptSession *self,
                             const char *text)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (g_strcmp0 (self->note_events, text) == 0)
    return;

  g_free (self->note_events);
  self->note_events = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_EVENTS]);
}

const char *
ipt_session_get_note_between (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), NULL);

  return self->note_between;
}

void
ipt_session_set_note_between (IptSession *self,
                              const char *text)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (g_strcmp0 (self->note_between, text) == 0)
    return;

  g_free (self->note_between);
  self->note_between = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_BETWEEN]);
}

guint
ipt_session_get_tasks_done (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), 0);

  return self->tasks_done;
}

void
ipt_session_set_tasks_done (IptSession *self,
                            guint tasks_done)
{
  g_return_if_fail (IPT_IS_SESSION (self));

  if (self->tasks_done == tasks_done)
    return;

  self->tasks_done = tasks_done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASKS_DONE]);
}

IptSession *
ipt_session_new (gint64      episode_id,
                 guint       number,
                 const char *date)
{
  return g_object_new (IPT_TYPE_SESSION,
                       "episode-id", episode_id,
                       "number", number,
                       "date", date,
                       NULL);
}

gboolean
ipt_session_get_attended (IptSession *self)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), FALSE);

  return self->attendance == IPT_ATTENDANCE_ATTENDED;
}

gboolean
ipt_session_date_is_near (const char *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) limit = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  now = g_date_time_new_now_local ();
  limit = g_date_time_add_days (now, IPT_SESSION_DAYS_AHEAD_MAX);
  last = g_date_time_format (limit, "%Y-%m-%d");
  /* ISO dates compare as strings */
  return strcmp (date, last) <= 0;
}

gboolean
ipt_session_check_birth (const char  *date,
                         const char  *birth_date,
                         GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *birth_shown = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (birth_date == NULL || *birth_date == '\0' || strcmp (date, birth_date) >= 0)
    return TRUE;
  shown = ipt_date_format_display (date);
  birth_shown = ipt_date_format_display (birth_date);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Session date %s is before the client's birth (%s)"), shown, birth_shown);
  return FALSE;
}

gboolean
ipt_session_validate (IptSession  *self,
                      GError     **error)
{
  g_return_val_if_fail (IPT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 99: the most a record can hold (a contract of 20 and years of monthly maintenance). */
  if (self->number < 1 || self->number > IPT_SESSION_NUMBER_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Session number must be between 1 and %d, not %u"),
                   IPT_SESSION_NUMBER_MAX, self->number);
      return FALSE;
    }
  if (!ipt_date_is_valid (self->date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("Session date “%s” is not a valid date (%s)"),
                   self->date != NULL ? self->date : "", format);
      return FALSE;
    }
  if (!ipt_session_date_is_near (self->date))
    {
      g_autofree char *shown = ipt_date_format_display (self->date);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Session date %s is more than a year ahead"), shown);
      return FALSE;
    }
  if (self->duration > IPT_SESSION_DURATION_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Duration must be between 0 and %d minutes, not %u"),
                   IPT_SESSION_DURATION_MAX, self->duration);
      return FALSE;
    }
  if ((guint) self->attendance > IPT_ATTENDANCE_DID_NOT_ATTEND
      || (guint) self->attendees > IPT_ATTENDEES_OTHER)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Attendance is not one of the known values"));
      return FALSE;
    }
  return TRUE;
}
