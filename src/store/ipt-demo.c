/* ipt-demo.c: the demo caseload, a synthetic and plainly fictional practice.
 *
 * Every client is built from one row of a scenario table (round robin, so the first clients
 * cover every focus, phase and outcome) and from a random generator seeded with the seed and the
 * client's index: the same seed and number of clients give the same database, and a smaller demo
 * holds the same first clients as a larger one (only the width of the case codes differs beyond
 * 9,999 clients). Dates are anchored to IPT_DEMO_REFERENCE_DATE, never to the current date.
 *
 * The scenario table fixes what each course shows: focus (and secondary focus, dispute stage),
 * planned length (16, 12, or 8 for brief IPT, with the default phase boundaries), where an
 * active course stands (assessment, middle, end) and how it is going (on track, not on track,
 * deterioration, risk), or how an ended course came out: every outcome category of clinical.md
 * section 5. The first and last PHQ-9 and GAD-7 of a course are drawn from ranges that give
 * exactly that outcome; the sessions between follow a shape (improving, stalling, deteriorating,
 * noisy) with some noise, and every score is written item by item, the items summing to the
 * total. Later rounds of the table vary stage, length and how many active courses need attention.
 *
 * Session numbers count appointments of the contract: a missed appointment (did not attend,
 * cancelled) keeps its number, so a course of 16 with one DNA has 15 attended sessions. The first
 * session, the one where the formulation is agreed and the last one are always attended. PHQ-9
 * and GAD-7 are taken at every attended session, WSAS at the 1st, 5th, 9th, ... attended one.
 *
 * All names, phone numbers (Ofcom's drama ranges 07700 900xxx and 01632 960xxx) and addresses
 * (example.org) are fictional, and every client's note says so. */

#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ipt-demo.h"
#include "ipt-demo-private.h"
#include "ipt-store-private.h"
#include "ipt-store.h"

/* ---------------------------------------------------------------------------------------------
 * Random numbers and dates */

static guint32
julian_from_iso (const char *iso)
{
  GDate d;
  unsigned y, m, dd;

  if (sscanf (iso, "%u-%u-%u", &y, &m, &dd) != 3)
    g_assert_not_reached ();
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, dd, m, y);
  return g_date_get_julian (&d);
}

static void
iso_from_julian (guint32 julian, char buf[16])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  g_snprintf (buf, 16, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

static char *
month_year (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%s %u", _ipt_demo_month_names[g_date_get_month (&d)],
                          g_date_get_year (&d));
}

guint32
_ipt_demo_weekday_at_or_before (guint32 julian)
{
  GDate d;
  GDateWeekday w;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  w = g_date_get_weekday (&d);
  if (w == G_DATE_SATURDAY)
    return julian - 1;
  if (w == G_DATE_SUNDAY)
    return julian - 2;
  return julian;
}

/* Lower-cases the first letter: "Retired" -> "retired". */
static char *
lower_first (const char *s)
{
  char *copy = g_strdup (s);

  if (copy[0] != '\0')
    copy[0] = g_ascii_tolower (copy[0]);
  return copy;
}

/* ---------------------------------------------------------------------------------------------
 * Building one client */

static void
shuffle (GRand *r, guint *order, guint n)
{
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint k = (guint) g_rand_int_range (r, 0, (gint32) i);
      guint tmp = order[i - 1];

      order[i - 1] = order[k];
      order[k] = tmp;
    }
}

/* The store stamps clients with the current time; the demo stamps them with its own dates so
 * that its content does not depend on when it was generated. */
static gboolean
set_client_times (Demo        *d,
                  gint64       client_id,
                  const char  *created_at,
                  const char  *updated_at,
                  GError     **error)
{
  sqlite3 *db = _ipt_store_get_db (d->store);
  int rc;

  if (d->times_stmt == NULL)
    {
      rc = sqlite3_prepare_v2 (db, "UPDATE clients SET created_at = ?1, updated_at = ?2 WHERE id = ?3",
                               -1, &d->times_stmt, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          return FALSE;
        }
    }
  sqlite3_bind_text (d->times_stmt, 1, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (d->times_stmt, 2, updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (d->times_stmt, 3, client_id);
  rc = sqlite3_step (d->times_stmt);
  sqlite3_reset (d->times_stmt);
  sqlite3_clear_bindings (d->times_stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Notes */

static guint
count_tasks (IptPhase phase)
{
  const char * const *tasks = ipt_phase_get_tasks (phase);
  guint n = 0;

  while (tasks != NULL && tasks[n] != NULL)
    n++;
  return n;
}

/* Ticks the phase's tasks in order, as far as the session has come through its phase. */
static guint
tasks_for (GRand *r, guint n_tasks, guint pos, guint len)
{
  guint upto;
  guint bits = 0;

  if (n_tasks == 0 || len == 0)
    return 0;
  upto = (n_tasks * pos + len - 1) / len;
  upto = CLAMP (upto, 1, n_tasks);
  for (guint i = 0; i < upto; i++)
    bits |= 1u << i;
  /* now and then one of them is left unticked */
  if (upto > 1 && chance (r, 0.2))
    bits &= ~(1u << rnd (r, 0, (int) upto - 2));
  return bits;
}

/* ---------------------------------------------------------------------------------------------
 * Writing */

static gboolean
write_client (ClientBuild *cb, GError **error)
{
  Demo *d = cb->demo;
  GRand *r = cb->r;
  g_autoptr(IptClient) client = NULL;
  g_autofree char *code = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  char birth[16];
  GString *local;

  code = g_strdup_printf ("C-%0*u", (int) d->code_width, cb->index + 1);
  client = ipt_client_new (code);
  ipt_client_set_given_name (client, cb->given->given);
  ipt_client_set_family_name (client, cb->family);
  if (cb->use_preferred && cb->given->preferred != NULL)
    ipt_client_set_preferred_name (client, cb->given->preferred);

  /* born so that the client is cb->age at the reference date */
  iso_from_julian (d->ref - cb->age * 365 - (guint32) rnd (r, 10, 355) - cb->age / 4, birth);
  ipt_client_set_birth_date (client, birth);

  if (chance (r, 0.75))
    phone = g_strdup_printf ("07700 900%03d", rnd (r, 0, 999));
  else
    phone = g_strdup_printf ("01632 960%03d", rnd (r, 0, 999));
  ipt_client_set_phone (client, phone);

  local = g_string_new (NULL);
  for (const char *p = cb->given->given; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (local, g_ascii_tolower (*p));
  g_string_append_c (local, '.');
  for (const char *p = cb->family; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (local, g_ascii_tolower (*p));
  g_string_append (local, "@example.org");
  email = g_string_free (local, FALSE);
  ipt_client_set_email (client, email);

  {
    const Course *latest = &cb->courses[cb->n_courses - 1];
    const char *referrer = NULL;

    if (latest->roles != NULL && g_str_has_prefix (latest->roles->new_role, "New parent"))
      referrer = PERINATAL_REFERRER;
    while (referrer == NULL)
      {
        const Referrer *ref = &PICK (r, _ipt_demo_referrers);

        if (cb->age >= ref->min_age && cb->age <= ref->max_age)
          referrer = ref->name;
      }
    ipt_client_set_referrer (client, referrer);
  }
  ipt_client_set_notes (client, PICK (r, _ipt_demo_client_notes));
  ipt_client_set_archived (client, cb->scenario->archived);

  if (!ipt_store_insert_client (d->store, client, error))
    return FALSE;
  cb->client_id = ipt_client_get_id (client);
  return TRUE;
}

static const char *
person_text (GRand *r, const char * const *texts, guint n)
{
  return texts[g_rand_int_range (r, 0, (gint32) n)];
}

static gboolean
write_people (ClientBuild *cb, Vars *v, GError **error)
{
  for (guint i = 0; i < cb->n_people; i++)
    {
      DemoPerson *p = &cb->people[i];
      g_autoptr(IptPerson) person = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *satisfying = NULL;
      g_autofree char *unsatisfying = NULL;
      g_autofree char *changes = NULL;
      Vars w = *v;

      w.person = p->name;
      person = ipt_person_new (cb->client_id, p->name, _ipt_demo_rels[p->rel].label, p->ring);
      if (p->ideal_ring != 0)
        ipt_person_set_ideal_ring (person, p->ideal_ring);

      if (p->deceased)
        {
          contact = _ipt_demo_expand ("Saw {person} every week until the illness in the last year.", &w);
          satisfying = _ipt_demo_expand ("Very close; {person} was the one {name} turned to first.", &w);
          unsatisfying = _ipt_demo_expand ("Things left unsaid at the end; guilt about not visiting more often.", &w);
          changes = _ipt_demo_expand ("To remember {person} without being overwhelmed.", &w);
          ipt_person_set_knows_about_mood (person, FALSE);
        }
      else
        {
          contact = _ipt_demo_expand (_ipt_demo_contact_texts[_ipt_demo_rels[p->rel].category], &w);
          satisfying = _ipt_demo_expand (person_text (cb->r, _ipt_demo_satisfying_texts, G_N_ELEMENTS (_ipt_demo_satisfying_texts)), &w);
          {
            guint k = (guint) g_rand_int_range (cb->r, 0,
                                                G_N_ELEMENTS (_ipt_demo_unsatisfying_texts));

            /* "lives far away" is for family and friends, not for the household or work */
            if (k == 4 && (_ipt_demo_rels[p->rel].category == CAT_HOUSEHOLD || _ipt_demo_rels[p->rel].category == CAT_WORK))
              k = 3;
            unsatisfying = _ipt_demo_expand (_ipt_demo_unsatisfying_texts[k], &w);
          }
          changes = _ipt_demo_expand (person_text (cb->r, _ipt_demo_changes_texts, G_N_ELEMENTS (_ipt_demo_changes_texts)), &w);
          ipt_person_set_knows_about_mood (person, chance (cb->r, 0.6));
        }

      /* the other party of a dispute */
      for (guint k = 0; k < cb->n_courses; k++)
        {
          Course *c = &cb->courses[k];

          if (c->focus == IPT_FOCUS_ROLE_DISPUTE && c->focus_person == (int) i && c->topic != NULL)
            {
              Vars x = w;

              x.topic = c->topic;
              g_free (unsatisfying);
              g_free (changes);
              unsatisfying = _ipt_demo_expand ("Arguments about {topic} end in days of silence.", &x);
              changes = _ipt_demo_expand ("To feel listened to, and to agree on {topic}.", &x);
              ipt_person_set_knows_about_mood (person, TRUE);
            }
        }

      ipt_person_set_contact (person, contact);
      ipt_person_set_satisfying (person, satisfying);
      if (unsatisfying[0] != '\0')
        ipt_person_set_unsatisfying (person, unsatisfying);
      ipt_person_set_changes_wanted (person, changes);

      if (!ipt_store_save_person (cb->demo->store, person, error))
        return FALSE;
      p->id = ipt_person_get_id (person);
    }
  return TRUE;
}

static const char *
stage_words (IptDisputeStage stage)
{
  switch (stage)
    {
    case IPT_DISPUTE_STAGE_RENEGOTIATION:
      return "renegotiation: they still talk and both want things to change";
    case IPT_DISPUTE_STAGE_IMPASSE:
      return "impasse: the talking has stopped and resentment has set in";
    case IPT_DISPUTE_STAGE_DISSOLUTION:
      return "dissolution: {name} is deciding whether the relationship can go on";
    case IPT_DISPUTE_STAGE_NONE:
    default:
      return "";
    }
}

static const char *
focus_words (IptFocus focus)
{
  switch (focus)
    {
    case IPT_FOCUS_GRIEF:
      return "grief";
    case IPT_FOCUS_ROLE_DISPUTE:
      return "a role dispute";
    case IPT_FOCUS_ROLE_TRANSITION:
      return "a role transition";
    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
      return "interpersonal sensitivity";
    case IPT_FOCUS_NONE:
    default:
      return "";
    }
}

/* The other person named in notes: a living one who is not the focus person. */
static const char *
other_person (ClientBuild *cb, int focus_person)
{
  for (guint i = 0; i < cb->n_people; i++)
    if ((int) i != focus_person && !cb->people[i].deceased)
      return cb->people[i].name;
  return "an old friend";
}

#define SUPERVISOR "J. Ellison (supervisor)"

/* A supervisor's comment where a case asks for one: risk, deterioration, not on track, and a
 * word on some finished courses. Dated a few days after the session it is about. */
static gboolean
write_comments (ClientBuild *cb, Course *c, gint64 episode_id, const Vars *v, GError **error)
{
  const Appt *last = NULL;
  const char *text = NULL;
  g_autoptr(IptComment) comment = NULL;
  g_autofree char *expanded = NULL;
  char number[16];
  char created[40];
  char day[16];
  guint32 when;
  Vars w = *v;

  for (guint i = 0; i < c->n_contract; i++)
    if (c->appts[i].attendance == IPT_ATTENDANCE_ATTENDED)
      last = &c->appts[i];
  if (last == NULL)
    return TRUE;

  if (c->kind == KIND_ACTIVE)
    {
      if (c->risk == RISK_LATEST)
        text = "PHQ-9 item 9 was answered above 0 at session {n}. Please note the risk assessment and the "
               "safety plan in the session record, and let us start with this case next time.";
      else if (c->shape == SHAPE_DETERIORATING)
        text = "Scores have risen since the start. Is {focus} still the right focus? Worth asking the GP "
               "for a medication review, and talking about it openly with the client.";
      else if (c->shape == SHAPE_STALLING && last->number * 2 >= c->planned)
        text = "Past the midpoint and the PHQ-9 has hardly moved. Let us revisit the formulation with "
               "the client at session {n}: is the focus the one that matters most now?";
    }
  else if (c->kind == KIND_ENDED)
    {
      if (c->outcome == IPT_OUTCOME_RELIABLE_RECOVERY && c->maintenance > 0)
        text = "A clear focus and gains that the client links to the work done. Monthly maintenance fits "
               "the history; suitable as an accreditation case.";
      else if (c->outcome == IPT_OUTCOME_NO_RELIABLE_CHANGE || c->outcome == IPT_OUTCOME_RELIABLE_DETERIORATION)
        text = "The ending was handled well: the treatment, not the client, did not work well enough, and "
               "the alternatives were offered. Please send the GP letter before we close the case.";
    }
  if (text == NULL)
    return TRUE;

  g_snprintf (number, sizeof number, "%u", last->number);
  w.n = number;
  expanded = _ipt_demo_expand (text, &w);
  comment = ipt_comment_new (episode_id, SUPERVISOR, expanded);
  ipt_comment_set_session_number (comment, last->number);
  when = last->day + (guint32) rnd (cb->r, 0, 3);
  when = MIN (when, cb->demo->ref);
  iso_from_julian (when, day);
  g_snprintf (created, sizeof created, "%sT%02d:%02d:00.000000Z", day, 17, 30);
  ipt_comment_set_created_at (comment, created);
  return ipt_store_save_comment (cb->demo->store, comment, error);
}

static gboolean
write_course (ClientBuild *cb, Course *c, GError **error)
{
  Demo *d = cb->demo;
  GRand *r = cb->r;
  g_autoptr(IptEpisode) episode = NULL;
  g_autofree char *when = NULL;
  g_autofree char *old_lc = NULL;
  g_autofree char *new_lc = NULL;
  g_autofree char *stage = NULL;
  char n_text[16];
  char left_text[16];
  char buf[16];
  guint ae, me;
  gint64 episode_id;
  Vars v = { 0 };
  guint n_attended_contract = 0;
  guint attended = 0;
  guint joint_left;
  guint n_tasks[4];
  gboolean formulated;
  gboolean improving;
  guint i;

  ipt_phase_default_boundaries (c->planned, &ae, &me);
  c->note_turn = (guint) rnd (r, 0, 14);
  for (i = 0; i < 4; i++)
    n_tasks[i] = count_tasks ((IptPhase) i);

  when = c->focus_day != 0 ? month_year (c->focus_day) : g_strdup ("the move");
  if (c->roles != NULL)
    {
      old_lc = lower_first (c->roles->old_role);
      new_lc = lower_first (c->roles->new_role);
    }
  g_snprintf (n_text, sizeof n_text, "%u", c->planned);

  v.name = _ipt_demo_client_first_name (cb);
  v.person = c->focus_person >= 0 ? cb->people[c->focus_person].name : NULL;
  v.rel = c->focus_person >= 0 ? _ipt_demo_rels[cb->people[c->focus_person].rel].lower : NULL;
  v.other = other_person (cb, c->focus_person);
  v.topic = c->topic;
  v.when = when;
  v.old_lc = old_lc;
  v.new_lc = new_lc;
  v.n = n_text;
  v.focus = focus_words (c->focus);
  stage = _ipt_demo_expand (stage_words (c->stage), &v);
  v.stage = stage;

  for (i = 0; i < c->n_contract; i++)
    if (c->appts[i].attendance == IPT_ATTENDANCE_ATTENDED)
      n_attended_contract++;

  /* The contract: focus and formulation are agreed at the end of the assessment phase; a course
   * that stopped after its first session never got that far. */
  iso_from_julian (c->start, buf);
  episode = ipt_episode_new (cb->client_id, buf, c->planned);
  formulated = !(c->kind == KIND_DROPPED && c->dropped_after < ae);
  if (formulated)
    {
      g_autofree char *formulation = NULL;
      GString *text = g_string_new (NULL);

      ipt_episode_set_focus (episode, c->focus);
      ipt_episode_set_secondary_focus (episode, c->secondary);
      if (c->focus == IPT_FOCUS_ROLE_DISPUTE)
        ipt_episode_set_dispute_stage (episode, c->stage);
      if (c->focus_person >= 0)
        ipt_episode_set_focus_person_id (episode, cb->people[c->focus_person].id);
      if (c->focus_day != 0 && (c->focus == IPT_FOCUS_GRIEF || c->focus == IPT_FOCUS_ROLE_TRANSITION))
        {
          iso_from_julian (c->focus_day, buf);
          ipt_episode_set_focus_date (episode, buf);
        }
      if (c->roles != NULL)
        {
          ipt_episode_set_old_role (episode, c->roles->old_role);
          ipt_episode_set_new_role (episode, c->roles->new_role);
        }
      _ipt_demo_expand_into (text, _ipt_demo_formulation_texts[c->focus], &v);
      if (c->secondary != IPT_FOCUS_NONE)
        _ipt_demo_expand_into (text, _ipt_demo_secondary_texts[c->secondary], &v);
      formulation = g_string_free (text, FALSE);
      ipt_episode_set_formulation (episode, formulation);
      if (c->n_contract >= ae)
        {
          iso_from_julian (c->appts[ae - 1].day, buf);
          ipt_episode_set_agreed_on (episode, buf);
        }
    }

  if (c->kind == KIND_ENDED)
    {
      ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ENDED);
      iso_from_julian (c->end, buf);
      ipt_episode_set_end_date (episode, buf);
      switch (c->outcome)
        {
        case IPT_OUTCOME_RELIABLE_DETERIORATION:
          ipt_episode_set_end_reason (episode, "Contract completed without improvement. Referred back to the GP "
                                               "for a medication review and to the community mental health team.");
          break;
        case IPT_OUTCOME_NO_RELIABLE_CHANGE:
          ipt_episode_set_end_reason (episode, "Contract completed without reliable change; CBT and a medication "
                                               "review discussed, referral letter sent to the GP.");
          break;
        case IPT_OUTCOME_RELIABLE_IMPROVEMENT:
          ipt_episode_set_end_reason (episode, "Contract completed; improved but still symptomatic. "
                                               "Review in three months agreed.");
          break;
        default:
          ipt_episode_set_end_reason (episode, c->maintenance > 0
                                                 ? "Contract completed; monthly maintenance sessions agreed."
                                                 : "Contract completed; relapse-prevention plan shared with the GP.");
          break;
        }
    }
  else if (c->kind == KIND_DROPPED)
    {
      ipt_episode_set_status (episode, IPT_EPISODE_STATUS_DROPPED_OUT);
      iso_from_julian (c->end, buf);
      ipt_episode_set_end_date (episode, buf);
      ipt_episode_set_end_reason (episode, c->dropped_after <= 1
                                             ? "Did not return after the first session; no reply to two letters. GP informed."
                                             : "Stopped attending in the middle phase; said by text that the timing was wrong. GP informed.");
    }

  if (!ipt_store_insert_episode (d->store, episode, error))
    return FALSE;
  episode_id = ipt_episode_get_id (episode);

  /* Goals, agreed with the formulation, rated when it was agreed (or at the latest session of a
   * course still in its assessment), at the end of the middle phase and at the latest session. */
  if (formulated)
    {
      guint n_goals = (guint) rnd (r, 2, 4);
      guint first_goal = (guint) rnd (r, 0, 3);
      guint points[3];
      guint n_points = 0;
      guint last_attended = 0, last_middle = 0;

      for (i = 0; i < c->n_contract; i++)
        if (c->appts[i].attendance == IPT_ATTENDANCE_ATTENDED)
          {
            last_attended = c->appts[i].number;
            if (c->appts[i].number <= me)
              last_middle = c->appts[i].number;
          }
      points[n_points++] = MIN (ae, last_attended);
      if (last_middle > points[0] && last_middle < last_attended)
        points[n_points++] = last_middle;
      if (last_attended > points[0])
        points[n_points++] = last_attended;

      for (i = 0; i < n_goals; i++)
        {
          g_autoptr(IptGoal) goal = NULL;
          g_autofree char *text = _ipt_demo_expand (_ipt_demo_goal_texts[c->focus][(first_goal + i) % 4], &v);
          int first = rnd (r, 1, 4);
          int latest = first;

          if (c->kind == KIND_ACTIVE)
            {
              if (c->phase != IPT_PHASE_ASSESSMENT)
                latest = first + (c->shape == SHAPE_IMPROVING ? rnd (r, 2, 5) : rnd (r, -1, 1));
            }
          else
            {
              switch (c->outcome)
                {
                case IPT_OUTCOME_RELIABLE_RECOVERY:
                case IPT_OUTCOME_RECOVERY:
                  latest = first + rnd (r, 4, 6);
                  break;
                case IPT_OUTCOME_RELIABLE_IMPROVEMENT:
                  latest = first + rnd (r, 2, 4);
                  break;
                case IPT_OUTCOME_RELIABLE_DETERIORATION:
                  latest = first - rnd (r, 0, 1);
                  break;
                default:
                  latest = first + rnd (r, 0, 1);
                  break;
                }
            }
          latest = CLAMP (latest, 0, 10);
          if (n_points == 1)
            latest = first;
          goal = ipt_goal_new (episode_id, text);
          ipt_goal_set_first_rating (goal, first);
          ipt_goal_set_latest_rating (goal, latest);
          if (!ipt_store_save_goal (d->store, goal, error))
            return FALSE;
          for (guint k = 0; k < n_points; k++)
            {
              int rating = first;

              if (k == n_points - 1)
                rating = latest;
              else if (k > 0)
                rating = (first + latest + rnd (r, 0, 1)) / 2;
              if (!ipt_store_set_goal_rating (d->store, ipt_goal_get_id (goal), points[k], rating, error))
                return FALSE;
            }
        }
    }

  /* Sessions and scores. */
  if (c->kind == KIND_ACTIVE)
    improving = c->shape == SHAPE_IMPROVING;
  else
    improving = c->outcome == IPT_OUTCOME_RELIABLE_RECOVERY || c->outcome == IPT_OUTCOME_RECOVERY
                || c->outcome == IPT_OUTCOME_RELIABLE_IMPROVEMENT;
  joint_left = c->joint ? (guint) rnd (r, 1, 2) : 0;
  for (i = 0; i < c->n_appts; i++)
    {
      const Appt *a = &c->appts[i];
      g_autoptr(IptSession) session = NULL;
      g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
      IptPhase phase = ipt_phase_for_session (c->planned, ae, me, a->number);
      gboolean joint = FALSE;

      iso_from_julian (a->day, buf);
      session = ipt_session_new (episode_id, a->number, buf);
      ipt_session_set_attendance (session, a->attendance);
      ipt_session_set_phase (session, phase);

      g_snprintf (left_text, sizeof left_text, "%u", c->planned > a->number ? c->planned - a->number : 0);
      v.left = left_text;

      if (a->attendance == IPT_ATTENDANCE_ATTENDED)
        {
          double t;
          gboolean last_of_contract = !a->maintenance && attended + 1 == n_attended_contract;
          gboolean exact = attended == 0 || last_of_contract;
          int phq, gad, item9 = 0;
          guint pos, len;

          if (a->maintenance)
            {
              int phq_cap = MIN (9, c->phq_first - 6);
              int gad_cap = MIN (7, c->gad_first - 4);

              phq = c->phq_last + rnd (r, -2, 1);
              phq = CLAMP (phq, 0, MAX (0, phq_cap));
              gad = c->gad_last + rnd (r, -1, 1);
              gad = CLAMP (gad, 0, MAX (0, gad_cap));
            }
          else
            {
              double noise = c->shape == SHAPE_NOISY ? 3.0 : 1.6;

              t = n_attended_contract > 1 ? (double) attended / (n_attended_contract - 1) : 0.0;
              phq = _ipt_demo_trajectory (r, c->shape, c->phq_first, c->phq_last, t, exact, noise);
              gad = _ipt_demo_trajectory (r, c->shape, c->gad_first, c->gad_last, t, exact,
                                          noise * 0.8);
              phq = CLAMP (phq, 0, 24);
              gad = CLAMP (gad, 0, 21);
            }

          /* PHQ-9 item 9: thoughts of death or self-harm. */
          if (c->risk == RISK_EARLY && attended <= 1 && !a->maintenance)
            item9 = attended == 0 ? 1 : rnd (r, 0, 1);
          else if (c->risk == RISK_LATEST && last_of_contract)
            item9 = c->kind == KIND_ACTIVE ? rnd (r, 1, 2) : 1;
          else if (c->risk == RISK_LATEST && c->kind != KIND_ACTIVE
                   && attended + 2 == n_attended_contract)
            item9 = 1;
          else if (phq >= 20 && !last_of_contract && !a->maintenance && chance (r, 0.15))
            item9 = 1;
          if (item9 > 0 && phq < item9 + 6)
            {
              /* a first or last score is an endpoint of the outcome: keep it, lift item 9 less */
              if (exact)
                item9 = MIN (item9, MAX (0, phq - 6));
              else
                phq = item9 + 6;
            }
          if (item9 > 0 && !exact)
            phq = MIN (phq, 24 + item9);

          g_ptr_array_add (scores, _ipt_demo_make_phq9 (cb, phq, item9));
          g_ptr_array_add (scores, _ipt_demo_make_gad7 (cb, gad));
          if (attended % 4 == 0)
            g_ptr_array_add (scores, _ipt_demo_make_wsas (cb, phq));

          /* who came, how long */
          if (joint_left > 0 && phase == IPT_PHASE_MIDDLE && !a->maintenance
              && (a->number == ae + 2 || a->number == ae + 5) && c->focus != IPT_FOCUS_NONE)
            {
              joint = TRUE;
              joint_left--;
              if (c->focus_person >= 0 && cb->people[c->focus_person].rel == REL_PARTNER
                  && !cb->people[c->focus_person].deceased)
                ipt_session_set_attendees (session, IPT_ATTENDEES_WITH_PARTNER);
              else if (c->focus == IPT_FOCUS_ROLE_DISPUTE && c->focus_person >= 0
                       && _ipt_demo_rels[cb->people[c->focus_person].rel].category == CAT_WORK)
                ipt_session_set_attendees (session, IPT_ATTENDEES_OTHER);
              else
                ipt_session_set_attendees (session, IPT_ATTENDEES_WITH_FAMILY_MEMBER);
            }
          ipt_session_set_duration (session, joint ? 50 : (guint) rnd (r, 45, 50));

          /* tasks of the phase, ticked as far as the session has come */
          if (phase == IPT_PHASE_ASSESSMENT)
            pos = a->number, len = ae;
          else if (phase == IPT_PHASE_MIDDLE)
            pos = a->number - ae, len = me - ae;
          else if (phase == IPT_PHASE_END)
            pos = a->number - me, len = c->planned - me;
          else
            pos = 1, len = 1;
          ipt_session_set_tasks_done (session, tasks_for (r, n_tasks[phase], pos, len));

          attended++;
        }

      {
        Vars w = v;

        if (joint && c->focus == IPT_FOCUS_GRIEF)
          w.other = other_person (cb, c->focus_person);
        _ipt_demo_fill_notes (cb, c, session, a, phase, ae, &w, improving, joint);
      }

      if (!ipt_store_save_session (d->store, session, scores, error))
        return FALSE;
    }

  return write_comments (cb, c, episode_id, &v, error);
}

typedef struct
{
  guint32 day;
  char   *title;
  int     impact;
  int     person;   /* index into the people, -1: none */
} EventRow;

static gboolean
write_life_events (ClientBuild *cb, GError **error)
{
  Demo *d = cb->demo;
  GRand *r = cb->r;
  EventRow events[10];
  guint n = 0;
  gboolean ok = TRUE;
  guint i;

  /* something from before the trouble started */
  events[n].day = cb->courses[0].start - (guint32) rnd (r, 400, 1100);
  events[n].title = g_strdup (PICK (r, _ipt_demo_background_events));
  events[n].impact = rnd (r, 1, 3);
  events[n].person = -1;
  n++;

  for (guint k = 0; k < cb->n_courses && n < 6; k++)
    {
      Course *c = &cb->courses[k];
      const char *person = c->focus_person >= 0 ? cb->people[c->focus_person].name : "";
      Vars v = { 0 };
      guint32 last_day = c->appts[c->n_contract - 1].day;

      v.name = _ipt_demo_client_first_name (cb);
      v.person = person;
      v.topic = c->topic;
      v.other = other_person (cb, c->focus_person);

      switch (c->focus)
        {
        case IPT_FOCUS_GRIEF:
          events[n++] = (EventRow) { c->focus_day, _ipt_demo_expand ("Death of {person}", &v), -5, c->focus_person };
          events[n++] = (EventRow) { c->focus_day + (guint32) rnd (r, 8, 16), g_strdup ("Funeral"), -3, c->focus_person };
          break;
        case IPT_FOCUS_ROLE_DISPUTE:
          events[n++] = (EventRow) { c->focus_day, _ipt_demo_expand ("Row with {person} about {topic}", &v), -4, c->focus_person };
          if (c->stage == IPT_DISPUTE_STAGE_DISSOLUTION)
            events[n++] = (EventRow) { c->focus_day + (guint32) rnd (r, 20, 40), _ipt_demo_expand ("{person} stayed with friends for a week", &v), -4, c->focus_person };
          break;
        case IPT_FOCUS_ROLE_TRANSITION:
          events[n++] = (EventRow) { c->focus_day, g_strdup (c->roles->event), rnd (r, -4, -2), -1 };
          break;
        case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
        default:
          events[n++] = (EventRow) { c->focus_day, g_strdup (PICK (r, _ipt_demo_sensitivity_onsets)), -2, -1 };
          events[n++] = (EventRow) { c->focus_day + (guint32) rnd (r, 60, 200), g_strdup ("Closest friend moved abroad"), -3, -1 };
          break;
        }

      /* something during the course */
      if (c->n_contract >= 6)
        {
          guint32 day = c->appts[c->n_contract / 2].day + (guint32) rnd (r, 1, 4);

          if (day <= last_day)
            {
              if (c->kind != KIND_ACTIVE && c->outcome == IPT_OUTCOME_RELIABLE_DETERIORATION)
                events[n++] = (EventRow) { day, g_strdup ("Lost a second job; money worries"), -4, -1 };
              else if (c->shape == SHAPE_IMPROVING || c->outcome == IPT_OUTCOME_RELIABLE_RECOVERY)
                {
                  int other = -1;

                  for (i = 0; i < cb->n_people; i++)
                    if ((int) i != c->focus_person && !cb->people[i].deceased)
                      {
                        other = (int) i;
                        break;
                      }
                  events[n++] = (EventRow) { day, other >= 0 ? _ipt_demo_expand ("Day out with {other}", &v)
                                                                       : g_strdup ("Joined a community choir"),
                                                       rnd (r, 2, 3), other };
                }
              else
                events[n++] = (EventRow) { day, g_strdup ("Started volunteering at the library"), 1, -1 };
            }
        }
    }

  /* 2 to 4 events per client, the newest four at most */
  for (i = 0; i < n && ok; i++)
    {
      g_autoptr(IptLifeEvent) event = NULL;
      char buf[16];

      if (n - i > 4 || events[i].day > d->ref)
        continue;
      iso_from_julian (events[i].day, buf);
      event = ipt_life_event_new (cb->client_id, buf, events[i].title, events[i].impact);
      if (events[i].person >= 0)
        ipt_life_event_set_person_id (event, cb->people[events[i].person].id);
      ok = ipt_store_save_life_event (d->store, event, error);
    }
  for (i = 0; i < n; i++)
    g_free (events[i].title);
  return ok;
}

static void
init_course (Course *c, const Scenario *s)
{
  memset (c, 0, sizeof *c);
  c->focus = s->focus;
  c->secondary = s->secondary;
  c->stage = s->stage;
  c->planned = s->planned;
  c->kind = s->kind;
  c->phase = s->phase;
  c->outcome = s->outcome;
  c->shape = s->shape;
  c->dropped_after = s->dropped_after;
  c->maintenance = s->maintenance;
  c->risk = s->risk;
  c->joint = s->joint;
  c->miss_number = s->miss_number;
  c->miss = s->miss;
}

static guint32
focus_lead_days (GRand *r, IptFocus focus)
{
  switch (focus)
    {
    case IPT_FOCUS_GRIEF:
      return (guint32) rnd (r, 70, 420);
    case IPT_FOCUS_ROLE_DISPUTE:
      return (guint32) rnd (r, 20, 150);
    case IPT_FOCUS_ROLE_TRANSITION:
      return (guint32) rnd (r, 40, 240);
    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
    default:
      return (guint32) rnd (r, 300, 900);
    }
}

static gboolean
generate_client (Demo *d, guint index, guint32 seed, GError **error)
{
  ClientBuild cb;
  guint32 seeds[2] = { seed, index };
  Course *latest;
  Course *prior = NULL;
  guint32 lo, hi;
  guint target;
  gboolean ok = FALSE;
  guint i;

  memset (&cb, 0, sizeof cb);
  cb.demo = d;
  cb.index = index;
  cb.r = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  cb.scenario = &_ipt_demo_scenarios[index % G_N_ELEMENTS (_ipt_demo_scenarios)];

  cb.given = &_ipt_demo_given_names[d->given_order[index % G_N_ELEMENTS (_ipt_demo_given_names)]];
  cb.family = _ipt_demo_family_names[d->family_order[(index + index / G_N_ELEMENTS (_ipt_demo_given_names)) % G_N_ELEMENTS (_ipt_demo_family_names)]];
  cb.use_preferred = chance (cb.r, 0.6);
  cb.age = (guint) rnd (cb.r, 19, 74);
  for (i = 0; i < 8; i++)
    cb.phq_weights[i] = 0.5 + g_rand_double (cb.r) * 2.0;
  cb.phq_weights[3] += 1.0;  /* tiredness */
  cb.phq_weights[2] += 0.7;  /* sleep */
  cb.phq_weights[7] *= 0.4;  /* psychomotor changes are rarer */
  for (i = 0; i < 7; i++)
    cb.gad_weights[i] = 0.5 + g_rand_double (cb.r) * 2.0;
  for (i = 0; i < 5; i++)
    cb.wsas_weights[i] = 0.6 + g_rand_double (cb.r) * 1.5;

  /* Courses: an earlier one first when the scenario has it. */
  if (cb.scenario->prior_focus != IPT_FOCUS_NONE)
    {
      Scenario ps = { 0 };

      ps.focus = cb.scenario->prior_focus;
      ps.stage = ps.focus == IPT_FOCUS_ROLE_DISPUTE ? IPT_DISPUTE_STAGE_RENEGOTIATION : IPT_DISPUTE_STAGE_NONE;
      ps.planned = chance (cb.r, 0.5) ? 16 : 12;
      ps.kind = KIND_ENDED;
      ps.outcome = cb.scenario->prior_outcome;
      ps.shape = SHAPE_IMPROVING;
      init_course (&cb.courses[cb.n_courses++], &ps);
      prior = &cb.courses[0];
    }
  latest = &cb.courses[cb.n_courses];
  init_course (latest, cb.scenario);
  cb.n_courses++;

  /* Later rounds of the table vary a little. */
  if (index >= G_N_ELEMENTS (_ipt_demo_scenarios))
    {
      if (latest->focus == IPT_FOCUS_ROLE_DISPUTE && chance (cb.r, 0.3))
        latest->stage = (IptDisputeStage) rnd (cb.r, IPT_DISPUTE_STAGE_RENEGOTIATION, IPT_DISPUTE_STAGE_DISSOLUTION);
      if (latest->kind != KIND_DROPPED && chance (cb.r, 0.15))
        latest->planned = latest->planned == 16 ? 12 : 16;
      /* most courses of a caseload go well enough: fewer flags than in the first round */
      if (latest->kind == KIND_ACTIVE && latest->risk == RISK_LATEST && chance (cb.r, 0.6))
        latest->risk = RISK_EARLY;
      if (latest->kind == KIND_ACTIVE && latest->shape != SHAPE_IMPROVING && chance (cb.r, 0.5))
        latest->shape = SHAPE_IMPROVING;
    }

  for (i = 0; i < cb.n_courses; i++)
    {
      _ipt_demo_choose_focus_details (&cb, &cb.courses[i]);
      _ipt_demo_build_schedule (&cb, &cb.courses[i]);
      _ipt_demo_choose_endpoints (&cb, &cb.courses[i]);
    }

  /* When: the latest course, then the earlier one before it. */
  lo = d->earliest;
  if (prior != NULL)
    lo += prior->span + 70;
  hi = d->ref - 10 - latest->span;
  if (cb.scenario->archived)
    hi = hi > lo + 200 ? hi - 200 : lo;
  _ipt_demo_place_course (&cb, latest, lo, hi);
  if (prior != NULL)
    {
      guint32 phi = latest->start - 56 - prior->span;
      _ipt_demo_place_course (&cb, prior, d->earliest, MAX (phi, d->earliest));
    }
  for (i = 0; i < cb.n_courses; i++)
    {
      Course *c = &cb.courses[i];
      guint32 lead = focus_lead_days (cb.r, c->focus);

      c->focus_day = c->start - lead;
      if (c->focus == IPT_FOCUS_ROLE_TRANSITION)
        c->focus_day = _ipt_demo_weekday_at_or_before (c->focus_day);
    }

  /* The rest of the inventory: 3 to 7 people (fewer for interpersonal sensitivity). */
  target = latest->focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY ? (guint) rnd (cb.r, 3, 4)
                                                                  : (guint) rnd (cb.r, 4, 7);
  for (guint attempt = 0; cb.n_people < target && attempt < 60; attempt++)
    {
      Rel rel = (Rel) g_rand_int_range (cb.r, 0, N_RELS);

      /* loneliness: nobody at home */
      if (latest->focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY
          && (rel == REL_PARTNER || rel == REL_FLATMATE))
        continue;
      if (_ipt_demo_rel_fits (&cb, rel))
        {
          int k = _ipt_demo_add_person (&cb, rel);

          if (k >= 0 && latest->focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY)
            {
              cb.people[k].ring = MIN (3, cb.people[k].ring + 1);
              cb.people[k].ideal_ring = cb.people[k].ring - 1;
            }
        }
    }

  {
    Vars v = { 0 };

    v.name = _ipt_demo_client_first_name (&cb);
    if (!write_client (&cb, error) || !write_people (&cb, &v, error))
      goto out;
  }
  for (i = 0; i < cb.n_courses; i++)
    if (!write_course (&cb, &cb.courses[i], error))
      goto out;
  if (!write_life_events (&cb, error))
    goto out;

  /* Registered a week or two before the first session; last changed at the latest session. */
  cb.created_day = cb.courses[0].start - (guint32) rnd (cb.r, 5, 20);
  {
    guint32 updated = 0;
    char created[40], changed[40], day[16];
    int hour, minute;

    for (i = 0; i < cb.n_courses; i++)
      {
        Course *c = &cb.courses[i];
        updated = MAX (updated, c->appts[c->n_appts - 1].day);
        updated = MAX (updated, c->end);
      }
    iso_from_julian (cb.created_day, day);
    hour = rnd (cb.r, 8, 17);
    minute = rnd (cb.r, 0, 59);
    g_snprintf (created, sizeof created, "%sT%02d:%02d:00.000000Z", day, hour, minute);
    iso_from_julian (updated, day);
    hour = rnd (cb.r, 9, 19);
    minute = rnd (cb.r, 0, 59);
    g_snprintf (changed, sizeof changed, "%sT%02d:%02d:00.000000Z", day, hour, minute);
    if (!set_client_times (d, cb.client_id, created, changed, error))
      goto out;
  }

  ok = TRUE;
out:
  g_rand_free (cb.r);
  return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Public */

static void
remove_casebook_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

gboolean
ipt_demo_generate (const char  *path,
                   guint        n_clients,
                   guint32      seed,
                   GError     **error)
{
  g_autoptr(IptStore) store = NULL;
  Demo demo = { 0 };
  guint digits;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_clients < 1 || n_clients > IPT_DEMO_CLIENTS_MAX)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("A demo caseload has 1 to %u clients, not %u"), IPT_DEMO_CLIENTS_MAX, n_clients);
      return FALSE;
    }

  demo.phq9 = ipt_measure_lookup ("phq9");
  demo.gad7 = ipt_measure_lookup ("gad7");
  demo.wsas = ipt_measure_lookup ("wsas");
  g_return_val_if_fail (demo.phq9 != NULL && demo.gad7 != NULL && demo.wsas != NULL, FALSE);
  demo.ref = julian_from_iso (IPT_DEMO_REFERENCE_DATE);
  demo.earliest = julian_from_iso ("2025-01-06");
  for (digits = 1; n_clients / (guint) pow (10, digits) > 0; digits++)
    ;
  demo.code_width = MAX (4, digits);
  {
    GRand *r = g_rand_new_with_seed (seed);

    shuffle (r, demo.given_order, G_N_ELEMENTS (_ipt_demo_given_names));
    shuffle (r, demo.family_order, G_N_ELEMENTS (_ipt_demo_family_names));
    shuffle (r, demo.roles_order, G_N_ELEMENTS (_ipt_demo_role_pairs));
    g_rand_free (r);
  }

  store = ipt_store_open (path, IPT_STORE_OPEN_MUST_NOT_EXIST | IPT_STORE_OPEN_NO_BACKUP, error);
  if (store == NULL)
    return FALSE;  /* an existing file stays as it was */
  demo.store = store;

  /* This connection only writes the demo, in one large transaction: a page cache that holds it
   * and statement journals in memory keep SQLite from spilling pages to disk as it goes. */
  sqlite3_exec (_ipt_store_get_db (store), "PRAGMA cache_size = -262144", NULL, NULL, NULL);
  sqlite3_exec (_ipt_store_get_db (store), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  if (!ipt_store_begin (store, error))
    goto fail;
  for (guint i = 0; i < n_clients; i++)
    {
      if (!generate_client (&demo, i, seed, error))
        {
          g_clear_pointer (&demo.times_stmt, sqlite3_finalize);
          ipt_store_rollback (store);
          goto fail;
        }
    }
  g_clear_pointer (&demo.times_stmt, sqlite3_finalize);
  if (!ipt_store_commit (store, error))
    {
      ipt_store_rollback (store);
      goto fail;
    }
  ipt_store_close (store);
  return TRUE;

fail:
  g_clear_pointer (&demo.times_stmt, sqlite3_finalize);
  g_prefix_error (error, _("Cannot write the demo caseload: "));
  ipt_store_close (store);
  remove_casebook_files (path);
  return FALSE;
}
