/* Where each appointment of a course stands: the one place that maps a course's sessions to
 * their phases (clinical.md section 1, second edition). */
#pragma once

#include <glib-object.h>

#include "ipt-enums.h"
#include "ipt-episode.h"
#include "ipt-outcome.h"
#include "ipt-series.h"

G_BEGIN_DECLS

/* One appointment of a course, as recorded. */
typedef struct
{
  guint    number;     /* appointment number, in date order (the scores CSV's `session`) */
  gboolean attended;   /* FALSE: cancelled or did not attend */
  gboolean after_end;  /* dated after the day the course was ended */
} IptAppointment;

/* Where one appointment stands in the course. */
typedef struct
{
  guint    attended;     /* an attended session of the contract: its place among them (1 for the
                          * first); 0 for a missed appointment or a maintenance session */
  IptPhase phase;        /* an attended session: its phase; a missed appointment: the phase the
                          * course was in (that of the next session to be attended) */
  gboolean maintenance;  /* after the contract: after its N-th attended session or after the
                          * course was ended */
} IptAppointmentPlace;

typedef struct _IptCourseMap IptCourseMap;

#define IPT_TYPE_COURSE_MAP (ipt_course_map_get_type ())
GType ipt_course_map_get_type (void);

/* A contract of `planned` sessions with its phase boundaries, and its appointments in any order
 * (a repeated number is taken once). Attended sessions count through the contract: the n-th
 * attended session has the phase of session n (ipt_phase_for_session ()), missed appointments use
 * up no session, and attended sessions after the N-th or after the end are maintenance. `ended`:
 * the course was ended or dropped out, so an appointment it does not have yet is maintenance. */
IptCourseMap *ipt_course_map_new (guint                 planned,
                                  guint                 assessment_end,
                                  guint                 middle_end,
                                  gboolean              ended,
                                  const IptAppointment *appointments,
                                  guint                 n_appointments);
/* The map of `episode` from its sessions (IptSession; sessions of other courses are left out),
 * with their attendance and their dates against the course's end date. */
IptCourseMap *ipt_course_map_new_for_episode (IptEpisode *episode,
                                              GPtrArray  *sessions);
IptCourseMap *ipt_course_map_copy (const IptCourseMap *map);
void          ipt_course_map_free (IptCourseMap *map);

guint    ipt_course_map_get_planned (const IptCourseMap *map);
guint    ipt_course_map_get_assessment_end (const IptCourseMap *map);
guint    ipt_course_map_get_middle_end (const IptCourseMap *map);
/* Attended sessions of the contract so far (maintenance left out): the n of "session n of N". */
guint    ipt_course_map_get_attended (const IptCourseMap *map);
/* Attended maintenance sessions. */
guint    ipt_course_map_get_maintenance (const IptCourseMap *map);
/* The phase the course is in: that of its latest attended session (assessment before the first). */
IptPhase ipt_course_map_get_phase (const IptCourseMap *map);
/* The number of the latest attended appointment, 0 when none. */
guint    ipt_course_map_get_latest_number (const IptCourseMap *map);
/* Has the course reached its midpoint (attended sessions >= planned / 2)? */
gboolean ipt_course_map_reached_midpoint (const IptCourseMap *map);

/* The place of appointment `number`; FALSE (and *place filled as for a new appointment) when the
 * course has no such appointment. */
gboolean ipt_course_map_lookup (const IptCourseMap  *map,
                                guint                number,
                                IptAppointmentPlace *place);
/* The phase of appointment `number`; for a number the course does not have yet, the phase it
 * would have if attended (the phase of the next session of the contract, or maintenance). */
IptPhase ipt_course_map_phase_of (const IptCourseMap *map,
                                  guint               number);
/* The phase of the k-th session the contract has left (k from 1), if each is attended;
 * maintenance past the contract or once the course has ended. */
IptPhase ipt_course_map_phase_to_come (const IptCourseMap *map,
                                       guint               k);
/* Does appointment `number` count for the outcome: attended and within the contract? */
gboolean ipt_course_map_in_contract (const IptCourseMap *map,
                                     guint               number);

/* The appointments in number order with their places (n_appointments long). */
guint                      ipt_course_map_get_n_appointments (const IptCourseMap *map);
const IptAppointment      *ipt_course_map_get_appointments (const IptCourseMap *map);
const IptAppointmentPlace *ipt_course_map_get_places (const IptCourseMap *map);

/* The appointment numbers a phase spans on the chart: from the attended session that opens it to
 * the attended session that closes it. With `projected`, a course still running goes on with the
 * sessions its contract has left, numbered after its last appointment as if each were attended.
 * FALSE when no session has the phase. */
gboolean ipt_course_map_phase_span (const IptCourseMap *map,
                                    IptPhase            phase,
                                    gboolean            projected,
                                    guint              *first_number,
                                    guint              *last_number);
/* The number of the last session of the contract if the rest are attended: the last appointment's
 * number plus the sessions the contract has left (none once ended). */
guint    ipt_course_map_get_projected_last (const IptCourseMap *map);

/* The outcome of the course (clinical.md section 5) from the series of its attended sessions:
 * points of sessions outside the contract (maintenance, or not in the course) are left out. */
IptOutcome *ipt_course_map_compute_outcome (const IptCourseMap   *map,
                                            const IptSeriesPoint *phq9,
                                            guint                 n_phq9,
                                            const IptSeriesPoint *gad7,
                                            guint                 n_gad7);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptCourseMap, ipt_course_map_free)

G_END_DECLS
