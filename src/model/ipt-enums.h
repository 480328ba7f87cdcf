/* Enumerations of the IPT model, with the stable ids used in the database and in files. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IPT_PHASE_ASSESSMENT,
  IPT_PHASE_MIDDLE,
  IPT_PHASE_END,
  IPT_PHASE_MAINTENANCE,
} IptPhase;

typedef enum
{
  IPT_FOCUS_NONE,
  IPT_FOCUS_GRIEF,
  IPT_FOCUS_ROLE_DISPUTE,
  IPT_FOCUS_ROLE_TRANSITION,
  IPT_FOCUS_INTERPERSONAL_SENSITIVITY,
} IptFocus;

typedef enum
{
  IPT_DISPUTE_STAGE_NONE,
  IPT_DISPUTE_STAGE_RENEGOTIATION,
  IPT_DISPUTE_STAGE_IMPASSE,
  IPT_DISPUTE_STAGE_DISSOLUTION,
} IptDisputeStage;

typedef enum
{
  IPT_ATTENDANCE_ATTENDED,
  IPT_ATTENDANCE_CANCELLED_BY_CLIENT,
  IPT_ATTENDANCE_CANCELLED_BY_PRACTITIONER,
  IPT_ATTENDANCE_DID_NOT_ATTEND,
} IptAttendance;

typedef enum
{
  IPT_ATTENDEES_CLIENT_ALONE,
  IPT_ATTENDEES_WITH_PARTNER,
  IPT_ATTENDEES_WITH_FAMILY_MEMBER,
  IPT_ATTENDEES_OTHER,
} IptAttendees;

typedef enum
{
  IPT_EPISODE_STATUS_ACTIVE,
  IPT_EPISODE_STATUS_ENDED,
  IPT_EPISODE_STATUS_DROPPED_OUT,
} IptEpisodeStatus;

#define IPT_TYPE_PHASE (ipt_phase_get_type ())
#define IPT_TYPE_FOCUS (ipt_focus_get_type ())
#define IPT_TYPE_DISPUTE_STAGE (ipt_dispute_stage_get_type ())
#define IPT_TYPE_ATTENDANCE (ipt_attendance_get_type ())
#define IPT_TYPE_ATTENDEES (ipt_attendees_get_type ())
#define IPT_TYPE_EPISODE_STATUS (ipt_episode_status_get_type ())

GType ipt_phase_get_type (void);
GType ipt_focus_get_type (void);
GType ipt_dispute_stage_get_type (void);
GType ipt_attendance_get_type (void);
GType ipt_attendees_get_type (void);
GType ipt_episode_status_get_type (void);

/* Stable ids ("middle", "role-dispute", "dna", ...) as stored in the database and files.
 * from_id returns FALSE for an unknown id and leaves *out alone. */
const char *ipt_phase_to_id (IptPhase phase);
gboolean    ipt_phase_from_id (const char *id, IptPhase *out);
const char *ipt_focus_to_id (IptFocus focus);
gboolean    ipt_focus_from_id (const char *id, IptFocus *out);
const char *ipt_dispute_stage_to_id (IptDisputeStage stage);
gboolean    ipt_dispute_stage_from_id (const char *id, IptDisputeStage *out);
const char *ipt_attendance_to_id (IptAttendance attendance);
gboolean    ipt_attendance_from_id (const char *id, IptAttendance *out);
const char *ipt_attendees_to_id (IptAttendees attendees);
gboolean    ipt_attendees_from_id (const char *id, IptAttendees *out);
const char *ipt_episode_status_to_id (IptEpisodeStatus status);
gboolean    ipt_episode_status_from_id (const char *id, IptEpisodeStatus *out);

/* Translated labels for people ("Middle", "Role dispute", "Did not attend"). */
const char *ipt_phase_to_label (IptPhase phase);
/* us_wording: "Interpersonal deficits" instead of "Interpersonal sensitivity". */
const char *ipt_focus_to_label (IptFocus focus, gboolean us_wording);
const char *ipt_focus_to_description (IptFocus focus);
const char *ipt_dispute_stage_to_label (IptDisputeStage stage);
const char *ipt_attendance_to_label (IptAttendance attendance);
const char *ipt_attendees_to_label (IptAttendees attendees);
const char *ipt_episode_status_to_label (IptEpisodeStatus status);

/* The main tasks of a phase (clinical.md section 1), NULL-terminated, translated. */
const char * const *ipt_phase_get_tasks (IptPhase phase);

/* ISO 8601 calendar date check (YYYY-MM-DD, a real date). */
gboolean ipt_date_is_valid (const char *iso_date);

G_END_DECLS
