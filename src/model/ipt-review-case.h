/* One case as it leaves the practitioner's machine (supervision pack, review file): the case
 * code and clinical facts only. Plain data, filled by the one de-identification function of
 * src/export/ (ipt-deidentify.h) or read back from a review file; it has no field for a name,
 * a birth date, contact details, a referrer, notes or a calendar date. */
#pragma once

#include <glib-object.h>

#include "ipt-case-summary.h"
#include "ipt-enums.h"
#include "ipt-outcome.h"
#include "ipt-signal.h"

G_BEGIN_DECLS

/* Free text the practitioner may choose to include, case by case (it may name people). */
typedef enum
{
  IPT_REVIEW_SHARE_NONE              = 0,
  IPT_REVIEW_SHARE_FORMULATION       = 1 << 0,  /* formulation, old and new role */
  IPT_REVIEW_SHARE_SESSION_NOTES     = 1 << 1,
  IPT_REVIEW_SHARE_GOALS             = 1 << 2,
  IPT_REVIEW_SHARE_LIFE_EVENT_TITLES = 1 << 3,
  IPT_REVIEW_SHARE_INVENTORY_NOTES   = 1 << 4,  /* what the inventory says about each person */
} IptReviewShare;

#define IPT_REVIEW_SHARE_ALL (IPT_REVIEW_SHARE_FORMULATION | IPT_REVIEW_SHARE_SESSION_NOTES | \
                              IPT_REVIEW_SHARE_GOALS | IPT_REVIEW_SHARE_LIFE_EVENT_TITLES | \
                              IPT_REVIEW_SHARE_INVENTORY_NOTES)

/* A week counted from the course's first day (week 0 holds days 0 to 6; earlier is negative). */
#define IPT_REVIEW_WEEK_NONE G_MININT

typedef struct
{
  guint         number;
  int           week;
  IptAttendance attendance;
  IptAttendees  attendees;
  guint         duration;        /* minutes, 0: not recorded */
  IptPhase      phase;
  guint         tasks_done;      /* the practitioner's ticks over the phase's tasks */
  char         *note;            /* NULL unless session notes are shared */
} IptReviewSession;

typedef struct
{
  guint session;
  char  measure[8];              /* "phq9", ... */
  int   total;                   /* IPT_TOTAL_NONE when the form had no total */
  int   risk_item;               /* IPT_ITEM_MISSING when unknown */
} IptReviewScore;

typedef struct
{
  char    *label;                /* the relationship ("Partner"), never a name */
  guint    ring;
  guint    ideal_ring;           /* 0: not set */
  gboolean knows_about_mood;
  char    *notes;                /* NULL unless inventory notes are shared */
} IptReviewPerson;

typedef struct
{
  int   week;
  int   impact;
  char *person;                  /* the person's label, or NULL */
  char *title;                   /* NULL unless life-event titles are shared */
} IptReviewEvent;

typedef struct
{
  char *text;                    /* NULL unless goals are shared */
  int   first_rating;            /* IPT_GOAL_RATING_NONE or 0..10 */
  int   latest_rating;
} IptReviewGoal;

typedef struct
{
  /*< private >*/
  gatomicrefcount   ref_count;
  /*< public >*/
  char             *code;
  gint64            episode_id;          /* the course in the practitioner's casebook */
  IptEpisodeStatus  status;
  guint             planned_sessions;
  guint             assessment_end;
  guint             middle_end;
  IptFocus          focus;
  IptFocus          secondary_focus;
  IptDisputeStage   dispute_stage;
  char             *focus_person;        /* label of the person the focus is about, or NULL */
  int               agreed_week;         /* formulation agreed, IPT_REVIEW_WEEK_NONE */
  int               weeks_running;       /* first to latest session */
  guint             sessions_attended;
  guint             current_session;
  IptPhase          phase;
  char             *progress_text;       /* "Session 7 of 16 · Middle", translated */
  char             *formulation;         /* NULL unless shared */
  char             *old_role;            /* NULL unless the formulation is shared */
  char             *new_role;
  IptReviewShare    shared;              /* what the practitioner chose to include */
  GArray           *sessions;            /* IptReviewSession, by number */
  GArray           *scores;              /* IptReviewScore, by session then measure */
  GArray           *people;              /* IptReviewPerson */
  GArray           *events;              /* IptReviewEvent, by week */
  GArray           *goals;               /* IptReviewGoal */
  GPtrArray        *signals;             /* IptSignal, most urgent first */
  IptOutcome       *outcome;             /* so far, or final once ended */
  /* What supervisors wrote on earlier review files of this course, merged into the casebook
   * (IptComment, IptSessionReview, IptSupervisionEntry, each with its uid); never what the
   * practitioner wrote. Filled by de-identification; a review file keeps them in its own
   * tables (ipt_review_db_list_comments (), ...), so cases read from one leave these empty. */
  GPtrArray        *comments;
  GPtrArray        *session_reviews;
  GPtrArray        *supervision_log;
} IptReviewCase;

#define IPT_TYPE_REVIEW_CASE (ipt_review_case_get_type ())
GType          ipt_review_case_get_type (void);

IptReviewCase *ipt_review_case_new (const char *code);
IptReviewCase *ipt_review_case_ref (IptReviewCase *self);
void           ipt_review_case_unref (IptReviewCase *self);

/* The most urgent signal's kind (IPT_SIGNAL_NO_SCORES when none). */
IptSignalKind  ipt_review_case_get_signal_kind (const IptReviewCase *self);
/* Where a case stands in a list ordered by need (lower first): risk, deterioration, not on
 * track, on track, no scores yet, then ended courses by outcome (reliable deterioration, no
 * reliable change, insufficient data, reliable improvement, recovery, reliable recovery).
 * kind: the case's most urgent signal; outcome: its outcome, NULL when none. */
guint          ipt_need_rank (IptSignalKind kind, const IptOutcome *outcome);
/* For g_ptr_array_sort () of IptReviewCase: by need, then by code. */
int            ipt_review_case_compare_need (gconstpointer a, gconstpointer b);

/* The case as the caseload dashboard shows it: a summary whose client holds the code only (its
 * id is the case's episode_id, so that a card opened names the case) and whose course holds
 * the contract, focus and status, its appointments and PHQ-9 and GAD-7 series, so that
 * progress, signals and outcome are those of the review file. A risk the practitioner has
 * reviewed (no risk signal while an item 9 was above 0) stays reviewed. */
IptCaseSummary *ipt_review_case_to_summary (const IptReviewCase *self);

/* The week of `date` counted from `start` (both ISO 8601), IPT_REVIEW_WEEK_NONE when either is
 * not a date. */
int            ipt_review_week_between (const char *start, const char *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptReviewCase, ipt_review_case_unref)

G_END_DECLS
