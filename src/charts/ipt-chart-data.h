/* What a mood chart shows: one course's sessions, score series and life events, from the model. */
#pragma once

#include <glib-object.h>

#include "ipt-model.h"

G_BEGIN_DECLS

/* The measures a mood chart draws, one panel each, in this order. */
typedef enum
{
  IPT_CHART_MEASURE_PHQ9,
  IPT_CHART_MEASURE_GAD7,
  IPT_CHART_MEASURE_WSAS,
  IPT_CHART_N_MEASURES,
} IptChartMeasure;

/* One session of the course (attended or missed). */
typedef struct
{
  guint         number;      /* appointment number */
  char         *date;        /* ISO 8601, or NULL */
  IptAttendance attendance;
  IptPhase      phase;       /* derived (ipt_course_map_new ()): given values are ignored */
  IptAttendees  attendees;   /* who came with the client: another than alone is a joint session */
  char         *joint_with;  /* who that was, in words ("Jamie, partner"; only relationships
                              * where the chart leaves the practitioner's window), or NULL */
} IptChartSession;

/* One score of a measure's series: an attended session with a total. */
typedef struct
{
  guint session;             /* session number */
  int   total;
  int   risk_item;           /* the risk item's answer, IPT_ITEM_MISSING when unknown or none */
  gboolean risk;             /* the risk item was answered above 0 */
} IptChartPoint;

/* A life event placed on the chart's time axis. */
typedef struct
{
  char  *date;               /* ISO 8601 */
  char  *title;
  int    impact;             /* IPT_LIFE_EVENT_IMPACT_MIN .. MAX */
} IptChartEvent;

/* A risk review of the course (clinical.md section 6), for the tooltips of risk points. */
typedef struct
{
  char  *date;               /* ISO 8601 */
  char  *asked;
  char  *plan;
} IptChartRiskReview;

/* A score given as plain values, for ipt_chart_data_new_from_arrays (). */
typedef struct
{
  guint       session;       /* session number */
  const char *measure_id;    /* "phq9", "gad7", "wsas"; others are ignored */
  int         total;         /* IPT_TOTAL_NONE: no total, not drawn */
  int         risk_item;     /* IPT_ITEM_MISSING when unknown */
} IptChartScore;

/* Read-only once built; reference counted. Fields are public for the renderers. */
typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  char            *code;             /* the case code: the only identity a chart shows */
  IptFocus         focus;
  IptEpisodeStatus status;
  guint            planned_sessions;
  guint            assessment_end;
  guint            middle_end;
  IptChartSession *sessions;         /* by number, unique numbers */
  guint            n_sessions;
  IptChartPoint   *points[IPT_CHART_N_MEASURES];   /* in session order */
  guint            n_points[IPT_CHART_N_MEASURES];
  IptChartEvent   *events;           /* by date */
  guint            n_events;
  IptChartRiskReview *risk_reviews;  /* by date */
  guint            n_risk_reviews;
  guint            risk_reviewed_through;   /* sessions the latest review covers, 0: none */
  IptCourseMap    *course;           /* where each session stands: phases, attended count */
} IptChartData;

#define IPT_TYPE_CHART_DATA (ipt_chart_data_get_type ())
GType ipt_chart_data_get_type (void);

/* sessions: IptSession of the episode; scores: IptScore with session ids of those sessions
 * (others are ignored); life_events: IptLifeEvent of the client. Any array may be NULL.
 * Scores of missed sessions and forms without a total are left out of the series. */
IptChartData *ipt_chart_data_new (IptClient  *client,
                                  IptEpisode *episode,
                                  GPtrArray  *sessions,
                                  GPtrArray  *scores,
                                  GPtrArray  *life_events);

/* The same from plain values (tests, benchmarks). Session phases are derived from the
 * boundaries and the attended sessions; sessions need not be sorted. A score of a session not
 * listed counts as an attended session. No session is after the course's end date. */
IptChartData *ipt_chart_data_new_from_arrays (const char            *code,
                                              IptFocus               focus,
                                              IptEpisodeStatus       status,
                                              guint                  planned_sessions,
                                              guint                  assessment_end,
                                              guint                  middle_end,
                                              const IptChartSession *sessions,
                                              guint                  n_sessions,
                                              const IptChartScore   *scores,
                                              guint                  n_scores,
                                              const IptChartEvent   *events,
                                              guint                  n_events);

/* Adds the course's risk reviews (IptRiskReview, by date) to data just made, before it is
 * shared; sessions (IptSession of the course) tell which sessions they cover. */
void          ipt_chart_data_set_risk_reviews (IptChartData *data,
                                               GPtrArray    *sessions,
                                               GPtrArray    *reviews);

/* Names who attended the joint sessions (IptAttendee of the course, from the store), on data
 * just made, before it is shared; sessions (IptSession of the course) tell their numbers.
 * with_names: "Jamie, partner", for the practitioner's own window; else only relationships
 * ("partner"), and someone described in words only as "someone else": the chart goes out. */
void          ipt_chart_data_set_attendees (IptChartData *data,
                                            GPtrArray    *sessions,
                                            GPtrArray    *attendees,
                                            gboolean      with_names);
/* An attended session with someone beside the client. */
gboolean      ipt_chart_session_is_joint (const IptChartSession *session);
/* "Joint session with Jamie, partner", or from who attended alone: "Joint session with
 * partner"; NULL for a session that is not joint. Translated, newly allocated. */
char         *ipt_chart_session_describe_joint (const IptChartSession *session);
/* The tooltip of a joint session's mark: "Session 4 · 12 Mar\nJoint session with Jamie,
 * partner"; NULL when session number is not a joint session of the chart. */
char         *ipt_chart_data_describe_joint_mark (const IptChartData *data,
                                                  guint               number);
/* The chart's joint sessions in one sentence ("Joint sessions: 4 with Jamie, partner; 9 with
 * Jamie, partner."), or NULL when there are none. */
char         *ipt_chart_data_describe_joint_sessions (const IptChartData *data);

IptChartData *ipt_chart_data_ref (IptChartData *data);
void          ipt_chart_data_unref (IptChartData *data);

const IptMeasure *ipt_chart_measure_get (IptChartMeasure measure);
/* "phq9" -> IPT_CHART_MEASURE_PHQ9; FALSE for a measure the chart does not draw. */
gboolean          ipt_chart_measure_from_id (const char      *measure_id,
                                             IptChartMeasure *out);

/* The appointment number of the latest attended session, 0 when none. */
guint             ipt_chart_data_get_current_session (const IptChartData *data);
/* Attended sessions of the contract so far (maintenance left out). */
guint             ipt_chart_data_get_sessions_attended (const IptChartData *data);
/* The highest appointment number the x axis shows: the latest appointment, the plan, or where
 * the contract would end if every session left were attended, whichever is last. */
guint             ipt_chart_data_get_last_number (const IptChartData *data);
const IptChartSession *ipt_chart_data_find_session (const IptChartData *data,
                                                    guint               number);
/* The outcome so far from the PHQ-9 and GAD-7 series of the contract (clinical.md section 5). */
IptOutcome       *ipt_chart_data_compute_outcome (const IptChartData *data);

/* The chart in words, for screen readers and as the alternative text of an export:
 * "PHQ-9 fell from 18, moderately severe, to 7, mild, over 12 sessions; reliable improvement."
 * Translated; pure (depends on `data` only). */
char             *ipt_chart_data_describe (const IptChartData *data);
/* The tooltip of one point: date, score, severity, change from the first score. */
char             *ipt_chart_data_describe_point (const IptChartData *data,
                                                 IptChartMeasure     measure,
                                                 guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptChartData, ipt_chart_data_unref)

G_END_DECLS
