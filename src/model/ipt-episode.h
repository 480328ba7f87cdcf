/* A course of IPT (an episode): the contract, its phases, focus and formulation. */
#pragma once

#include <glib-object.h>

#include "ipt-enums.h"

G_BEGIN_DECLS

#define IPT_PLANNED_SESSIONS_MIN 8
#define IPT_PLANNED_SESSIONS_MAX 20
#define IPT_PLANNED_SESSIONS_DEFAULT 16

#define IPT_TYPE_EPISODE (ipt_episode_get_type ())
G_DECLARE_FINAL_TYPE (IptEpisode, ipt_episode, IPT, EPISODE, GObject)

/* A new active course of planned_sessions with the default phase boundaries. */
IptEpisode *ipt_episode_new (gint64 client_id, const char *start_date, guint planned_sessions);

gint64           ipt_episode_get_id (IptEpisode *self);
void             ipt_episode_set_id (IptEpisode *self, gint64 id);
gint64           ipt_episode_get_client_id (IptEpisode *self);
void             ipt_episode_set_client_id (IptEpisode *self, gint64 client_id);
guint            ipt_episode_get_ordinal (IptEpisode *self);       /* 1 for a client's first course */
void             ipt_episode_set_ordinal (IptEpisode *self, guint ordinal);
const char      *ipt_episode_get_start_date (IptEpisode *self);
void             ipt_episode_set_start_date (IptEpisode *self, const char *start_date);
guint            ipt_episode_get_planned_sessions (IptEpisode *self);
void             ipt_episode_set_planned_sessions (IptEpisode *self, guint planned_sessions);
guint            ipt_episode_get_assessment_end (IptEpisode *self);
void             ipt_episode_set_assessment_end (IptEpisode *self, guint assessment_end);
guint            ipt_episode_get_middle_end (IptEpisode *self);
void             ipt_episode_set_middle_end (IptEpisode *self, guint middle_end);
IptFocus         ipt_episode_get_focus (IptEpisode *self);
void             ipt_episode_set_focus (IptEpisode *self, IptFocus focus);
IptFocus         ipt_episode_get_secondary_focus (IptEpisode *self);
void             ipt_episode_set_secondary_focus (IptEpisode *self, IptFocus focus);
IptDisputeStage  ipt_episode_get_dispute_stage (IptEpisode *self);
void             ipt_episode_set_dispute_stage (IptEpisode *self, IptDisputeStage stage);
gint64           ipt_episode_get_focus_person_id (IptEpisode *self); /* died / other party; 0: none */
void             ipt_episode_set_focus_person_id (IptEpisode *self, gint64 person_id);
const char      *ipt_episode_get_focus_date (IptEpisode *self);     /* date of death / of change */
void             ipt_episode_set_focus_date (IptEpisode *self, const char *date);
const char      *ipt_episode_get_old_role (IptEpisode *self);
void             ipt_episode_set_old_role (IptEpisode *self, const char *old_role);
const char      *ipt_episode_get_new_role (IptEpisode *self);
void             ipt_episode_set_new_role (IptEpisode *self, const char *new_role);
const char      *ipt_episode_get_formulation (IptEpisode *self);
void             ipt_episode_set_formulation (IptEpisode *self, const char *formulation);
const char      *ipt_episode_get_agreed_on (IptEpisode *self);      /* date the formulation was agreed */
void             ipt_episode_set_agreed_on (IptEpisode *self, const char *agreed_on);
IptEpisodeStatus ipt_episode_get_status (IptEpisode *self);
void             ipt_episode_set_status (IptEpisode *self, IptEpisodeStatus status);
const char      *ipt_episode_get_end_date (IptEpisode *self);
void             ipt_episode_set_end_date (IptEpisode *self, const char *end_date);
const char      *ipt_episode_get_end_reason (IptEpisode *self);
void             ipt_episode_set_end_reason (IptEpisode *self, const char *end_reason);

/* The phase of the n-th attended session of the contract (1-based); past the plan, maintenance.
 * An appointment's phase, missed appointments and the end date included, comes from the course
 * map (ipt_course_map_new_for_episode ()), which counts attended sessions. */
IptPhase ipt_episode_phase_for_session (IptEpisode *self, guint number);
IptPhase ipt_phase_for_session (guint planned, guint assessment_end, guint middle_end, guint number);
/* Default boundaries for a course of `planned` sessions (16: 4/12, 12: 3/9, 8: 2/6). */
void     ipt_phase_default_boundaries (guint planned, guint *assessment_end, guint *middle_end);
/* Checks the contract: planned sessions 8 to 20, 1 <= assessment_end < middle_end < planned,
 * dates; sets a translated G_IO_ERROR_INVALID_DATA naming the field. */
gboolean ipt_episode_validate (IptEpisode *self, GError **error);

G_END_DECLS
