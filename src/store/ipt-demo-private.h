/* Shared by the pieces of the demo caseload (ipt-demo*.c): its types, tables and helpers. */
#pragma once

#include <sqlite3.h>

#include "ipt-store.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------------------------
 * Scenarios */

typedef enum
{
  KIND_ACTIVE,
  KIND_ENDED,
  KIND_DROPPED,
} CourseKind;

typedef enum
{
  SHAPE_IMPROVING,
  SHAPE_STALLING,
  SHAPE_DETERIORATING,
  SHAPE_NOISY,
} Shape;

typedef enum
{
  RISK_NONE,
  RISK_EARLY,   /* item 9 answered above 0 at the start of the course */
  RISK_LATEST,  /* ... at the latest attended session */
} Risk;

typedef struct
{
  IptFocus           focus;
  IptFocus           secondary;
  IptDisputeStage    stage;
  guint              planned;
  CourseKind         kind;
  IptPhase           phase;          /* active: the phase reached */
  IptOutcomeCategory outcome;        /* ended or dropped out: the intended outcome */
  Shape              shape;
  guint              dropped_after;  /* dropped out: attended sessions before dropping out */
  guint              maintenance;    /* monthly maintenance sessions after the end */
  Risk               risk;
  gboolean           joint;          /* joint sessions in the middle phase */
  gboolean           archived;
  IptFocus           prior_focus;    /* != NONE: an earlier course that ended */
  IptOutcomeCategory prior_outcome;
  guint              miss_number;    /* a missed appointment at this number (0: none) */
  IptAttendance      miss;
} Scenario;

/* ---------------------------------------------------------------------------------------------
 * Names and words */

typedef enum
{
  SEX_ANY,
  SEX_F,
  SEX_M,
} Sex;

typedef struct
{
  const char *given;
  const char *preferred;  /* a usual short form, or NULL */
  Sex         sex;
} GivenName;

typedef struct
{
  const char *name;
  guint       min_age;
  guint       max_age;
} Referrer;

typedef enum
{
  CAT_HOUSEHOLD,
  CAT_FAMILY,
  CAT_FRIEND,
  CAT_WORK,
} RelCategory;

typedef enum
{
  REL_PARTNER,
  REL_MOTHER,
  REL_FATHER,
  REL_SISTER,
  REL_BROTHER,
  REL_DAUGHTER,
  REL_SON,
  REL_GRANDMOTHER,
  REL_AUNT,
  REL_BEST_FRIEND,
  REL_FRIEND,
  REL_OLD_FRIEND,
  REL_COLLEAGUE,
  REL_MANAGER,
  REL_NEIGHBOUR,
  REL_FLATMATE,
  REL_COUSIN,
  N_RELS
} Rel;

typedef struct
{
  const char *label;     /* as stored: "Mother" */
  const char *lower;     /* in a sentence: "mother" */
  Sex         sex;
  RelCategory category;
  guint       min_age;   /* of the client */
  guint       max_age;
} RelInfo;

typedef struct
{
  const char *old_role;
  const char *new_role;
  guint       min_age;
  guint       max_age;
  const char *event;      /* the life event of the change */
} RolePair;

/* The tables of ipt-demo-data.c, with their sizes spelled out so that the other pieces can
 * count them (G_N_ELEMENTS, PICK): keep each size in step with its table. */
extern const Scenario _ipt_demo_scenarios[20];
extern const GivenName _ipt_demo_given_names[72];
extern const char * const _ipt_demo_family_names[56];
extern const Referrer _ipt_demo_referrers[10];
#define PERINATAL_REFERRER "Perinatal mental health team"
extern const char * const _ipt_demo_client_notes[8];
extern const RelInfo _ipt_demo_rels[N_RELS];
extern const char * const _ipt_demo_contact_texts[4];
extern const char * const _ipt_demo_satisfying_texts[6];
extern const char * const _ipt_demo_unsatisfying_texts[6];
extern const char * const _ipt_demo_changes_texts[6];
extern const RolePair _ipt_demo_role_pairs[10];
extern const char * const _ipt_demo_household_topics[6];
extern const char * const _ipt_demo_family_topics[4];
extern const char * const _ipt_demo_work_topics[3];
extern const char * const _ipt_demo_goal_texts[5][4];
extern const char * const _ipt_demo_formulation_texts[5];
extern const char * const _ipt_demo_secondary_texts[5];
extern const char * const _ipt_demo_onset_texts[5];
extern const char * const _ipt_demo_middle_events[5][5];
extern const char * const _ipt_demo_middle_between[5][3];
extern const char * const _ipt_demo_joint_events[5];
extern const char * const _ipt_demo_end_events_unchanged[3];
extern const char * const _ipt_demo_end_events[3];
extern const char * const _ipt_demo_sensitivity_onsets[4];
extern const char * const _ipt_demo_background_events[5];
extern const char * const _ipt_demo_month_names[13];

/* ---------------------------------------------------------------------------------------------
 * Random numbers and dates */

static inline int
rnd (GRand *r, int lo, int hi)  /* inclusive */
{
  if (hi <= lo)
    return lo;
  return g_rand_int_range (r, lo, hi + 1);
}

static inline gboolean
chance (GRand *r, double p)
{
  return g_rand_double (r) < p;
}

#define PICK(r, array) ((array)[g_rand_int_range ((r), 0, G_N_ELEMENTS (array))])

/* ipt-demo.c */
void     _ipt_demo_iso_from_julian (guint32 julian, char buf[16]);
guint32  _ipt_demo_weekday_at_or_before (guint32 julian);

/* ---------------------------------------------------------------------------------------------
 * Text templates: "{name}" and friends, replaced from Vars (ipt-demo-notes.c) */

typedef struct
{
  const char *name;     /* the client's first name (preferred or given) */
  const char *person;   /* the focus person */
  const char *rel;      /* the focus person's relationship, in a sentence */
  const char *other;    /* another person of the inventory */
  const char *topic;    /* what a dispute is about */
  const char *stage;    /* dispute stage in words */
  const char *when;     /* month and year of the focus event */
  const char *old_lc;   /* old role, in a sentence */
  const char *new_lc;
  const char *n;        /* planned sessions */
  const char *left;     /* sessions left */
  const char *focus;    /* focus in words */
} Vars;

void  _ipt_demo_expand_into (GString *out, const char *tmpl, const Vars *v);
char *_ipt_demo_expand (const char *tmpl, const Vars *v);

/* ---------------------------------------------------------------------------------------------
 * Building one client */

#define MAX_PEOPLE 9
#define MAX_APPTS 40

typedef struct
{
  Rel         rel;
  const char *name;
  guint       ring;
  guint       ideal_ring;
  gboolean    deceased;
  gint64      id;
} DemoPerson;

typedef struct
{
  guint         number;
  guint32       day;
  IptAttendance attendance;
  gboolean      maintenance;
} Appt;

/* One course, resolved from a scenario with this client's random details. */
typedef struct
{
  IptFocus           focus;
  IptFocus           secondary;
  IptDisputeStage    stage;
  guint              planned;
  CourseKind         kind;
  IptPhase           phase;
  IptOutcomeCategory outcome;
  Shape              shape;
  guint              dropped_after;
  guint              maintenance;
  Risk               risk;
  gboolean           joint;
  guint              miss_number;
  IptAttendance      miss;

  int                focus_person;   /* index into people, -1: none */
  guint32            focus_day;      /* date of death / change / onset, 0: none */
  const RolePair    *roles;
  const char        *topic;

  Appt               appts[MAX_APPTS];
  guint              n_appts;
  guint              n_contract;     /* appointments of the contract (not maintenance) */
  guint32            start;
  guint32            end;            /* ended / dropped out: the end date */
  guint              span;           /* days from the first appointment to the last date used */

  int                phq_first, phq_last, gad_first, gad_last;
  guint              note_turn;      /* where the course starts in the lists of middle-phase notes */
} Course;

typedef struct
{
  IptStore          *store;
  const IptMeasure  *phq9;
  const IptMeasure  *gad7;
  const IptMeasure  *wsas;
  guint32            ref;            /* julian day of IPT_DEMO_REFERENCE_DATE */
  guint32            earliest;       /* first start date used: 2025-01-06 */
  guint              code_width;
  sqlite3_stmt      *times_stmt;
  /* Name lists and role changes in an order drawn from the seed, so that neighbouring clients
   * differ; client i takes the i-th entry (modulo the list length). */
  guint              given_order[G_N_ELEMENTS (_ipt_demo_given_names)];
  guint              family_order[G_N_ELEMENTS (_ipt_demo_family_names)];
  guint              roles_order[G_N_ELEMENTS (_ipt_demo_role_pairs)];
} Demo;

typedef struct
{
  Demo              *demo;
  GRand             *r;
  guint              index;
  const Scenario    *scenario;
  const GivenName   *given;
  const char        *family;
  gboolean           use_preferred;
  guint              age;
  gint64             client_id;
  DemoPerson         people[MAX_PEOPLE];
  guint              n_people;
  double             phq_weights[8];
  double             gad_weights[7];
  double             wsas_weights[5];
  Course             courses[2];
  guint              n_courses;
  guint32            created_day;
} ClientBuild;

/* ipt-demo-plan.c */
const char *_ipt_demo_client_first_name (ClientBuild *cb);
gboolean    _ipt_demo_rel_fits (ClientBuild *cb, Rel rel);
int         _ipt_demo_add_person (ClientBuild *cb, Rel rel);
void        _ipt_demo_choose_focus_details (ClientBuild *cb, Course *c);
void        _ipt_demo_build_schedule (ClientBuild *cb, Course *c);
void        _ipt_demo_place_course (ClientBuild *cb, Course *c, guint32 lo, guint32 hi);

/* ipt-demo-scores.c */
void      _ipt_demo_choose_endpoints (ClientBuild *cb, Course *c);
int       _ipt_demo_trajectory (GRand *r, Shape shape, int first, int last, double t,
                                gboolean exact, double noise);
IptScore *_ipt_demo_make_phq9 (ClientBuild *cb, int total, int item9);
IptScore *_ipt_demo_make_gad7 (ClientBuild *cb, int total);
IptScore *_ipt_demo_make_wsas (ClientBuild *cb, int phq);

/* ipt-demo-notes.c */
void _ipt_demo_fill_notes (ClientBuild *cb, Course *c, IptSession *s, const Appt *a,
                           IptPhase phase, guint ae, const Vars *v, gboolean improving,
                           gboolean joint);

/* ipt-demo-casework.c */
void     _ipt_demo_fill_person_inventory (ClientBuild *cb, guint index, IptPerson *person);
gboolean _ipt_demo_write_casework (ClientBuild *cb, Course *c, gint64 episode_id, const Vars *v,
                                   GError **error);

/* ipt-demo-write.c */
gboolean _ipt_demo_write_client (ClientBuild *cb, GError **error);
gboolean _ipt_demo_write_people (ClientBuild *cb, Vars *v, GError **error);
gboolean _ipt_demo_write_course (ClientBuild *cb, Course *c, GError **error);
gboolean _ipt_demo_write_life_events (ClientBuild *cb, GError **error);

/* ipt-demo-risk.c: a review of the risk raised at session, made at it. */
gboolean _ipt_demo_write_risk_review (ClientBuild *cb, gint64 episode_id, IptSession *session,
                                      GError **error);

G_END_DECLS
