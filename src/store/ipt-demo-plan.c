/* Planning one demo client: the people of the inventory, each course's focus and schedule. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"

#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * The people and the focus */

const char *
_ipt_demo_client_first_name (ClientBuild *cb)
{
  if (cb->use_preferred && cb->given->preferred != NULL)
    return cb->given->preferred;
  return cb->given->given;
}

static const char *
pick_person_name (ClientBuild *cb, Sex sex)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      const GivenName *g = &PICK (cb->r, _ipt_demo_given_names);
      gboolean taken = FALSE;

      if (sex != SEX_ANY && g->sex != sex && g->sex != SEX_ANY)
        continue;
      if (g == cb->given)
        continue;
      for (guint i = 0; i < cb->n_people; i++)
        if (strcmp (cb->people[i].name, g->given) == 0)
          taken = TRUE;
      if (!taken)
        return g->given;
    }
  return sex == SEX_M ? "Peter" : "Jean";
}

gboolean
_ipt_demo_rel_fits (ClientBuild *cb, Rel rel)
{
  if (cb->age < _ipt_demo_rels[rel].min_age || cb->age > _ipt_demo_rels[rel].max_age)
    return FALSE;
  for (guint i = 0; i < cb->n_people; i++)
    if (cb->people[i].rel == rel)
      return FALSE;
  return TRUE;
}

static guint
default_ring (ClientBuild *cb, Rel rel)
{
  switch (_ipt_demo_rels[rel].category)
    {
    case CAT_HOUSEHOLD:
      return rel == REL_PARTNER ? 1 : 2;
    case CAT_FAMILY:
      return (guint) rnd (cb->r, 1, 2);
    case CAT_FRIEND:
      return (guint) rnd (cb->r, 2, 3);
    case CAT_WORK:
    default:
      return 3;
    }
}

int
_ipt_demo_add_person (ClientBuild *cb, Rel rel)
{
  DemoPerson *p;

  if (cb->n_people >= MAX_PEOPLE)
    return -1;
  p = &cb->people[cb->n_people];
  memset (p, 0, sizeof *p);
  p->rel = rel;
  p->name = pick_person_name (cb, _ipt_demo_rels[rel].sex);
  p->ring = default_ring (cb, rel);
  if (p->ring > 1 && chance (cb->r, 0.35))
    p->ideal_ring = p->ring - 1;
  return (int) cb->n_people++;
}

/* The person a course's focus is about: an existing one of that relationship, or a new one. */
static int
focus_person_for (ClientBuild *cb, const Rel *choices, guint n_choices)
{
  Rel candidates[N_RELS];
  guint n = 0;

  for (guint i = 0; i < n_choices; i++)
    {
      for (guint k = 0; k < cb->n_people; k++)
        if (cb->people[k].rel == choices[i] && !cb->people[k].deceased)
          return (int) k;
      if (cb->age >= _ipt_demo_rels[choices[i]].min_age
          && cb->age <= _ipt_demo_rels[choices[i]].max_age)
        candidates[n++] = choices[i];
    }
  if (n == 0)
    candidates[n++] = REL_BEST_FRIEND;
  return _ipt_demo_add_person (cb, candidates[g_rand_int_range (cb->r, 0, n)]);
}

void
_ipt_demo_choose_focus_details (ClientBuild *cb, Course *c)
{
  static const Rel grief_rels[] = { REL_MOTHER, REL_FATHER, REL_PARTNER, REL_SISTER, REL_BROTHER,
                                    REL_GRANDMOTHER, REL_BEST_FRIEND };
  static const Rel dispute_rels[] = { REL_PARTNER, REL_PARTNER, REL_PARTNER, REL_MOTHER,
                                      REL_SISTER, REL_DAUGHTER, REL_MANAGER, REL_FLATMATE };
  Rel candidates[G_N_ELEMENTS (grief_rels)];
  guint n = 0;

  c->focus_person = -1;
  c->roles = NULL;
  c->topic = NULL;

  switch (c->focus)
    {
    case IPT_FOCUS_GRIEF:
      for (guint i = 0; i < G_N_ELEMENTS (grief_rels); i++)
        if (_ipt_demo_rel_fits (cb, grief_rels[i]))
          candidates[n++] = grief_rels[i];
      if (n == 0)
        candidates[n++] = REL_OLD_FRIEND;
      c->focus_person = _ipt_demo_add_person (cb, candidates[g_rand_int_range (cb->r, 0, n)]);
      if (c->focus_person >= 0)
        {
          cb->people[c->focus_person].deceased = TRUE;
          cb->people[c->focus_person].ring = 1;
          cb->people[c->focus_person].ideal_ring = 0;
        }
      break;

    case IPT_FOCUS_ROLE_DISPUTE:
      {
        Rel pick = dispute_rels[g_rand_int_range (cb->r, 0, G_N_ELEMENTS (dispute_rels))];

        /* joint sessions in a dispute are with the partner */
        if (c->joint)
          pick = REL_PARTNER;

        c->focus_person = focus_person_for (cb, &pick, 1);
        if (c->focus_person >= 0)
          {
            DemoPerson *p = &cb->people[c->focus_person];

            switch (_ipt_demo_rels[p->rel].category)
              {
              case CAT_HOUSEHOLD:
                if (p->rel == REL_FLATMATE)
                  c->topic = "bills and noise";
                else
                  c->topic = PICK (cb->r, _ipt_demo_household_topics);
                break;
              case CAT_WORK:
                c->topic = PICK (cb->r, _ipt_demo_work_topics);
                break;
              default:
                c->topic = PICK (cb->r, _ipt_demo_family_topics);
                break;
              }
            p->ring = 2;
            p->ideal_ring = 1;
          }
      }
      break;

    case IPT_FOCUS_ROLE_TRANSITION:
      for (guint k = 0; k < G_N_ELEMENTS (_ipt_demo_role_pairs) && c->roles == NULL; k++)
        {
          guint at = (cb->index + (guint) (c - cb->courses) * 3 + k)
                     % G_N_ELEMENTS (_ipt_demo_role_pairs);
          const RolePair *rp = &_ipt_demo_role_pairs[cb->demo->roles_order[at]];

          if (cb->age >= rp->min_age && cb->age <= rp->max_age)
            c->roles = rp;
        }
      if (c->roles == NULL)
        c->roles = &_ipt_demo_role_pairs[4];  /* a move: any age */
      break;

    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
    case IPT_FOCUS_NONE:
    default:
      break;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Schedules */

void
_ipt_demo_build_schedule (ClientBuild *cb, Course *c)
{
  GRand *r = cb->r;
  guint week = 0;
  guint n_contract;
  guint last_attended_needed;
  guint n_attended;
  guint ae, me;

  ipt_phase_default_boundaries (c->planned, &ae, &me);

  switch (c->kind)
    {
    case KIND_ACTIVE:
      {
        if (c->phase == IPT_PHASE_ASSESSMENT)
          n_contract = (guint) rnd (r, 2, (int) ae);
        else if (c->phase == IPT_PHASE_MIDDLE)
          n_contract = (guint) rnd (r, (int) MIN (ae + 2, me), (int) me);
        else
          n_contract = (guint) rnd (r, (int) me + 1, (int) c->planned - 1);
      }
      break;
    case KIND_DROPPED:
      n_contract = c->dropped_after + 2;
      break;
    case KIND_ENDED:
    default:
      n_contract = c->planned;
      break;
    }

  /* n_contract counts attended sessions (clinical.md section 1): missed appointments use up
   * none, so the schedule runs until the course has attended as many as it needs. A dropped-out
   * course attends its first sessions, then misses two appointments. */
  c->n_appts = 0;
  n_attended = 0;
  last_attended_needed = c->kind == KIND_DROPPED ? c->dropped_after : n_contract;
  for (guint n = 1; c->n_appts + c->maintenance < MAX_APPTS; n++)
    {
      Appt *a;

      if (c->kind == KIND_DROPPED ? n > n_contract : n_attended >= last_attended_needed)
        break;
      a = &c->appts[c->n_appts++];
      a->number = n;
      a->day = week * 7;
      a->maintenance = FALSE;
      if (c->kind == KIND_DROPPED && n > c->dropped_after)
        a->attendance = IPT_ATTENDANCE_DID_NOT_ATTEND;
      else if (n == 1 || n_attended + 1 == ae || n_attended + 1 == last_attended_needed
               || c->kind == KIND_DROPPED)
        a->attendance = IPT_ATTENDANCE_ATTENDED;
      else if (n == c->miss_number)
        a->attendance = c->miss;
      else
        {
          double x = g_rand_double (r);

          if (x < 0.05)
            a->attendance = IPT_ATTENDANCE_DID_NOT_ATTEND;
          else if (x < 0.09)
            a->attendance = IPT_ATTENDANCE_CANCELLED_BY_CLIENT;
          else if (x < 0.11)
            a->attendance = IPT_ATTENDANCE_CANCELLED_BY_PRACTITIONER;
          else
            a->attendance = IPT_ATTENDANCE_ATTENDED;
        }
      if (a->attendance == IPT_ATTENDANCE_ATTENDED)
        n_attended++;
      /* Weekly, with an occasional week off (holidays, bank holidays). */
      week += chance (r, 0.07) ? 2 : 1;
    }
  c->n_contract = c->n_appts;
  c->span = c->appts[c->n_appts - 1].day;

  if (c->kind == KIND_DROPPED)
    c->span += 14;  /* discharged two weeks after the last missed appointment */

  for (guint m = 0; m < c->maintenance && c->n_appts < MAX_APPTS; m++)
    {
      Appt *a = &c->appts[c->n_appts];

      a->number = c->appts[c->n_appts - 1].number + 1;
      a->day = c->appts[c->n_appts - 1].day + 28;
      a->attendance = IPT_ATTENDANCE_ATTENDED;
      a->maintenance = TRUE;
      c->n_appts++;
      c->span = a->day;
    }
}

/* Places the course in time: active ones end in the days before the reference date, the others
 * start somewhere in [lo, hi]. Appointment days become julian days. */
void
_ipt_demo_place_course (ClientBuild *cb, Course *c, guint32 lo, guint32 hi)
{
  Demo *d = cb->demo;

  if (c->kind == KIND_ACTIVE)
    {
      guint32 last = _ipt_demo_weekday_at_or_before (d->ref - (guint32) rnd (cb->r, 0, 4));
      c->start = last - c->appts[c->n_contract - 1].day;
    }
  else
    {
      if (hi < lo)
        hi = lo;
      c->start = lo + (guint32) rnd (cb->r, 0, (int) (hi - lo));
      c->start = _ipt_demo_weekday_at_or_before (c->start);
      if (c->start < lo)
        c->start += 7;
    }

  for (guint i = 0; i < c->n_appts; i++)
    c->appts[i].day += c->start;

  if (c->kind == KIND_ENDED)
    c->end = c->appts[c->n_contract - 1].day;
  else if (c->kind == KIND_DROPPED)
    c->end = c->appts[c->n_contract - 1].day + 14;
  else
    c->end = 0;
}
