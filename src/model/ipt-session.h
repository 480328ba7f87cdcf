/* One appointment of a course: number, date, attendance, who attended, notes. */
#pragma once

#include <glib-object.h>

#include "ipt-enums.h"

G_BEGIN_DECLS

/* The highest session number a record can hold, and the longest session in minutes. */
#define IPT_SESSION_NUMBER_MAX 99
#define IPT_SESSION_DURATION_MAX 600

#define IPT_TYPE_SESSION (ipt_session_get_type ())
G_DECLARE_FINAL_TYPE (IptSession, ipt_session, IPT, SESSION, GObject)

IptSession   *ipt_session_new (gint64 episode_id, guint number, const char *date);

gint64        ipt_session_get_id (IptSession *self);
void          ipt_session_set_id (IptSession *self, gint64 id);
gint64        ipt_session_get_episode_id (IptSession *self);
void          ipt_session_set_episode_id (IptSession *self, gint64 episode_id);
guint         ipt_session_get_number (IptSession *self);
void          ipt_session_set_number (IptSession *self, guint number);
const char   *ipt_session_get_date (IptSession *self);
void          ipt_session_set_date (IptSession *self, const char *date);
IptAttendance ipt_session_get_attendance (IptSession *self);
void          ipt_session_set_attendance (IptSession *self, IptAttendance attendance);
IptAttendees  ipt_session_get_attendees (IptSession *self);
void          ipt_session_set_attendees (IptSession *self, IptAttendees attendees);
guint         ipt_session_get_duration (IptSession *self);   /* minutes, 0: not recorded */
void          ipt_session_set_duration (IptSession *self, guint minutes);
/* The phase, derived from the course's boundaries; set by whoever loads the session. */
IptPhase      ipt_session_get_phase (IptSession *self);
void          ipt_session_set_phase (IptSession *self, IptPhase phase);
const char   *ipt_session_get_note_agenda (IptSession *self);
void          ipt_session_set_note_agenda (IptSession *self, const char *text);
const char   *ipt_session_get_note_events (IptSession *self);     /* what happened */
void          ipt_session_set_note_events (IptSession *self, const char *text);
const char   *ipt_session_get_note_between (IptSession *self);    /* between sessions */
void          ipt_session_set_note_between (IptSession *self, const char *text);
/* Phase tasks ticked, as a bit set over ipt_phase_get_tasks () of the session's phase. */
guint         ipt_session_get_tasks_done (IptSession *self);
void          ipt_session_set_tasks_done (IptSession *self, guint tasks_done);

gboolean      ipt_session_get_attended (IptSession *self);
gboolean      ipt_session_validate (IptSession *self, GError **error);

/* A session is dated at most this many days after today (sessions booked ahead; a date years
 * ahead is a slip of the keyboard). */
#define IPT_SESSION_DAYS_AHEAD_MAX 366
/* Is the ISO date no further ahead than IPT_SESSION_DAYS_AHEAD_MAX days from today? */
gboolean    ipt_session_date_is_near (const char *date);
/* Refuses a session date before the client's birth date (NULL or "": not known, any date). */
gboolean    ipt_session_check_birth (const char  *date,
                                     const char  *birth_date,
                                     GError     **error);

G_END_DECLS
