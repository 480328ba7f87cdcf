/* The IPT work of each demo client: the inventory's further fields, a dispute's stages as they
 * changed, the secondary focus, who came to joint sessions, session work by technique, the
 * ending with its relapse-prevention plan, maintenance contracts. Random choices here come from
 * a generator of their own, so that the rest of the caseload stays as it was for a seed. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"
#include "ipt-store-casework-private.h"

static GRand *
casework_rand (ClientBuild *cb,
               guint        salt)
{
  return g_rand_new_with_seed ((cb->index + 1) * 2654435761u ^ (salt * 40503u + 7));
}

static const char * const talk_about[] = {
  [CAT_HOUSEHOLD] = "The children, the house, plans for the weekend",
  [CAT_FAMILY] = "News of the family, health, the grandchildren",
  [CAT_FRIEND] = "Films, football, old times",
  [CAT_WORK] = "Work, and not much else",
};

static const char * const cannot_talk_about[] = {
  "Feeling low", "Money", "How things were growing up", "Anything that might upset them",
};

/* The further fields of a person of the inventory (clinical.md section 3). */
void
_ipt_demo_fill_person_inventory (ClientBuild *cb,
                                 guint        index,
                                 IptPerson   *person)
{
  g_autoptr(GRand) r = casework_rand (cb, 100 + index);
  DemoPerson *p = &cb->people[index];
  RelCategory category = _ipt_demo_rels[p->rel].category;
  gboolean dispute = FALSE;
  const char *topic = NULL;

  for (guint k = 0; k < cb->n_courses; k++)
    if (cb->courses[k].focus == IPT_FOCUS_ROLE_DISPUTE && cb->courses[k].focus_person == (int) index)
      {
        dispute = TRUE;
        topic = cb->courses[k].topic;
      }

  if (p->deceased)
    {
      Vars w = { 0 };
      g_autofree char *text = NULL;

      w.person = p->name;
      text = _ipt_demo_expand ("Everything, until the illness; then not the illness itself", &w);
      ipt_person_set_text (person, IPT_PERSON_TALK_ABOUT, text);
      ipt_person_set_text (person, IPT_PERSON_CANNOT_TALK_ABOUT, "How frightened they both were");
      return;
    }

  ipt_person_set_text (person, IPT_PERSON_TALK_ABOUT, talk_about[category]);
  ipt_person_set_text (person, IPT_PERSON_CANNOT_TALK_ABOUT, PICK (r, cannot_talk_about));
  if (dispute)
    {
      Vars w = { 0 };
      g_autofree char *text = NULL;

      w.topic = topic != NULL ? topic : "money";
      text = _ipt_demo_expand ("Most weeks, about {topic}; they end in days of silence", &w);
      ipt_person_set_text (person, IPT_PERSON_ARGUMENTS, text);
      ipt_person_set_arguments_resolve (person, IPT_ARGUMENTS_RESOLVE_RARELY);
      ipt_person_set_supportive (person, FALSE);
      ipt_person_set_confidant (person, FALSE);
      return;
    }

  if (category == CAT_HOUSEHOLD || (category == CAT_FAMILY && chance (r, 0.4)))
    {
      ipt_person_set_text (person, IPT_PERSON_ARGUMENTS,
                           category == CAT_HOUSEHOLD ? "Now and then, about chores and time"
                                                     : "Old arguments about the family, at visits");
      ipt_person_set_arguments_resolve (person, chance (r, 0.6) ? IPT_ARGUMENTS_RESOLVE_SOMETIMES
                                                                : IPT_ARGUMENTS_RESOLVE_USUALLY);
    }
  else if (chance (r, 0.5))
    {
      ipt_person_set_text (person, IPT_PERSON_ARGUMENTS, "Hardly ever");
      ipt_person_set_arguments_resolve (person, IPT_ARGUMENTS_RESOLVE_USUALLY);
    }
  ipt_person_set_supportive (person, p->ring <= 2 && chance (r, 0.7));
  ipt_person_set_confidant (person, p->ring == 1 && ipt_person_get_knows_about_mood (person)
                                    && chance (r, 0.6));
}

/* Inventory notes of the client, from their latest course. */
static gboolean
write_inventory_notes (ClientBuild *cb,
                       Course      *c,
                       const Vars  *v,
                       GError     **error)
{
  static const char * const support[] = {
    [IPT_FOCUS_NONE] = "A few friends, seen less often than before",
    [IPT_FOCUS_GRIEF] = "{other} and a neighbour; most support went with {person}",
    [IPT_FOCUS_ROLE_DISPUTE] = "{other}; fewer friends since the arguments with {person} began",
    [IPT_FOCUS_ROLE_TRANSITION] = "Old friends from before the change, now rarely seen; {other}",
    [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "Very little: {other} now and then",
  };
  static const char * const confiding[] = {
    [IPT_FOCUS_NONE] = "No one at the moment",
    [IPT_FOCUS_GRIEF] = "Confided only in {person}; no one since",
    [IPT_FOCUS_ROLE_DISPUTE] = "Used to confide in {person}; now no one",
    [IPT_FOCUS_ROLE_TRANSITION] = "{other}, a little",
    [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "No one; has never found it easy",
  };
  static const char * const style[] = {
    [IPT_FOCUS_NONE] = "Quiet; waits to be asked",
    [IPT_FOCUS_GRIEF] = "Keeps feelings private so as not to burden others",
    [IPT_FOCUS_ROLE_DISPUTE] = "Goes quiet, then it all comes out at once",
    [IPT_FOCUS_ROLE_TRANSITION] = "Practical; talks about plans rather than feelings",
    [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "Waits to be asked; rarely starts a conversation",
  };
  g_autoptr(IptInventoryNotes) notes = ipt_inventory_notes_new (cb->client_id);
  g_autofree char *onset = _ipt_demo_expand (_ipt_demo_onset_texts[c->focus], v);
  g_autofree char *onset_text = g_strdup_printf ("The low mood began with %s.", onset);
  g_autofree char *support_text = _ipt_demo_expand (support[c->focus], v);
  g_autofree char *confiding_text = _ipt_demo_expand (confiding[c->focus], v);

  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_SOCIAL_SUPPORT, support_text);
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_CONFIDING, confiding_text);
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_COMMUNICATION_STYLE, style[c->focus]);
  ipt_inventory_notes_set_text (notes, IPT_INVENTORY_ONSET_CHANGES, onset_text);
  return ipt_store_save_inventory_notes (cb->demo->store, notes, error);
}

/* The stage a dispute was at when the formulation was agreed, before it reached its latest. */
static IptDisputeStage
earlier_stage (IptDisputeStage latest)
{
  switch (latest)
    {
    case IPT_DISPUTE_STAGE_RENEGOTIATION:
    case IPT_DISPUTE_STAGE_DISSOLUTION:
      return IPT_DISPUTE_STAGE_IMPASSE;
    case IPT_DISPUTE_STAGE_IMPASSE:
    case IPT_DISPUTE_STAGE_NONE:
    default:
      return IPT_DISPUTE_STAGE_RENEGOTIATION;
    }
}

static gboolean
write_stages (ClientBuild *cb,
              Course      *c,
              gint64       episode_id,
              guint        ae,
              guint        last_attended,
              GError     **error)
{
  IptDisputeStageChange first = { MIN (ae, last_attended), earlier_stage (c->stage) };
  IptDisputeStageChange latest = { ae + 3, c->stage };

  if (c->focus != IPT_FOCUS_ROLE_DISPUTE || c->stage == IPT_DISPUTE_STAGE_NONE || last_attended == 0)
    return TRUE;
  /* A course that has not gone far enough to move has its one stage. */
  if (latest.session_number > last_attended)
    {
      first.stage = c->stage;
      return ipt_store_record_dispute_stage (cb->demo->store, episode_id, FALSE, &first, error);
    }
  return ipt_store_record_dispute_stage (cb->demo->store, episode_id, FALSE, &first, error)
         && ipt_store_record_dispute_stage (cb->demo->store, episode_id, FALSE, &latest, error);
}

/* Who came with the client: the focus person when they can, else the closest of the family. */
static int
joint_person (ClientBuild  *cb,
              Course       *c,
              IptAttendees  attendees)
{
  if (c->focus_person >= 0 && !cb->people[c->focus_person].deceased)
    {
      RelCategory category = _ipt_demo_rels[cb->people[c->focus_person].rel].category;

      if ((attendees == IPT_ATTENDEES_WITH_PARTNER && cb->people[c->focus_person].rel == REL_PARTNER)
          || (attendees == IPT_ATTENDEES_WITH_FAMILY_MEMBER
              && (category == CAT_FAMILY || category == CAT_HOUSEHOLD))
          || attendees == IPT_ATTENDEES_OTHER)
        return c->focus_person;
    }
  for (guint ring = 1; ring <= 3; ring++)
    for (guint i = 0; i < cb->n_people; i++)
      {
        DemoPerson *p = &cb->people[i];
        RelCategory category = _ipt_demo_rels[p->rel].category;

        if (p->deceased || p->ring != ring)
          continue;
        if ((attendees == IPT_ATTENDEES_WITH_PARTNER && p->rel == REL_PARTNER)
            || (attendees == IPT_ATTENDEES_WITH_FAMILY_MEMBER && category == CAT_FAMILY))
          return i;
      }
  return -1;
}

typedef struct
{
  IptTechnique technique;
  const char  *texts[4];
} Work;

/* Session work by focus: what a middle-phase session of that focus typically did. */
static const Work focus_work[][2] = {
  [IPT_FOCUS_GRIEF] = {
    { IPT_TECHNIQUE_ROLE_PLAY, { "Telling {other} what the last weeks with {person} were like",
                                 "Halting at first; by the third try {name} could say it without stopping" } },
    { IPT_TECHNIQUE_DECISION_ANALYSIS, { "Keep {person}'s room as it is; clear it; clear part of it with family",
                                         "Keeping it: no upset now, but stuck. Clearing: painful, but a step. Part: shared",
                                         "Clear part of it with {other} next month" } },
  },
  [IPT_FOCUS_ROLE_DISPUTE] = {
    { IPT_TECHNIQUE_COMMUNICATION_ANALYSIS, { "The row with {person} on Sunday about {topic}",
                                              "\"You never think about anyone but yourself\"",
                                              "\"I feel alone with {topic} and I'm frightened\"",
                                              "\"Can we sit down on Saturday and look at {topic} together?\"" } },
    { IPT_TECHNIQUE_ROLE_PLAY, { "Asking {person} for a time to talk about {topic}",
                                 "Calmer the second time; {name} noticed the urge to bring up old rows" } },
  },
  [IPT_FOCUS_ROLE_TRANSITION] = {
    { IPT_TECHNIQUE_DECISION_ANALYSIS, { "Look for similar work; retrain; volunteer for now",
                                         "Similar work: familiar, but few openings. Retraining: a year of study. Volunteering: structure, no pay",
                                         "Volunteer two days a week and look into a course" } },
    { IPT_TECHNIQUE_COMMUNICATION_ANALYSIS, { "Telling {other} about being {new_lc}",
                                              "\"It's fine, really\"",
                                              "\"I miss who I was at work and I don't know what to do with the days\"",
                                              "Saying how it is, and asking {other} to come along to something new" } },
  },
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = {
    { IPT_TECHNIQUE_ROLE_PLAY, { "Asking {other} to meet for a coffee",
                                 "Awkward, then easier; the therapist's reply as {other} was kinder than {name} expected" } },
    { IPT_TECHNIQUE_COMMUNICATION_ANALYSIS, { "A short call from {other} that {name} cut off",
                                              "\"I'm busy, I'll call you\"",
                                              "\"I don't think you really want to hear from me\"",
                                              "\"It's good to hear from you; can I call you back tonight?\"" } },
  },
};

static gboolean
write_session_work (ClientBuild      *cb,
                    IptSession       *session,
                    const Work       *work,
                    const gint64     *attendee,
                    const Vars       *v,
                    GError          **error)
{
  g_autoptr(IptSessionWork) record = ipt_session_work_new (ipt_session_get_id (session));
  guint k = 0;

  if (work != NULL)
    for (guint f = 0; f < IPT_TECHNIQUE_N_FIELDS && k < G_N_ELEMENTS (work->texts); f++)
      if (ipt_technique_field_get_technique (f) == work->technique && work->texts[k] != NULL)
        {
          g_autofree char *text = _ipt_demo_expand (work->texts[k++], v);

          ipt_session_work_set_text (record, f, text);
        }
  if (attendee != NULL)
    ipt_session_work_set_attendee_ids (record, attendee, 1);
  else if (ipt_session_get_attendees (session) == IPT_ATTENDEES_WITH_FAMILY_MEMBER)
    ipt_session_work_set_other_attendee (record, "A cousin who is staying with the family");
  else if (ipt_session_get_attendees (session) != IPT_ATTENDEES_CLIENT_ALONE)
    ipt_session_work_set_other_attendee (record, "A colleague from work");
  return ipt_store_save_session_work (cb->demo->store, record, error);
}

static gboolean
write_sessions_work (ClientBuild *cb,
                     Course      *c,
                     gint64       episode_id,
                     guint        ae,
                     const Vars  *v,
                     GError     **error)
{
  g_autoptr(GPtrArray) sessions = ipt_store_list_sessions (cb->demo->store, episode_id, error);
  guint middle_seen = 0;

  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      IptAttendees attendees = ipt_session_get_attendees (session);
      const Work *work = NULL;
      gint64 attendee_id = 0;

      if (!ipt_session_get_attended (session) || ipt_session_get_number (session) <= ae
          || ipt_session_get_phase (session) != IPT_PHASE_MIDDLE)
        continue;
      /* The first and the fourth attended session of the middle phase show the techniques. */
      if (middle_seen == 0 || middle_seen == 3)
        work = &focus_work[c->focus][middle_seen == 0 ? 0 : 1];
      middle_seen++;
      if (attendees != IPT_ATTENDEES_CLIENT_ALONE)
        {
          int k = joint_person (cb, c, attendees);

          if (k >= 0)
            attendee_id = cb->people[k].id;
        }
      if (work == NULL && attendees == IPT_ATTENDEES_CLIENT_ALONE)
        continue;
      if (!write_session_work (cb, session, work, attendee_id != 0 ? &attendee_id : NULL, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_ending (ClientBuild *cb,
              Course      *c,
              gint64       episode_id,
              const Vars  *v,
              GError     **error)
{
  static const char * const warning_signs[] = {
    [IPT_FOCUS_NONE] = "Sleeping badly; staying in",
    [IPT_FOCUS_GRIEF] = "Avoiding places that remind {name} of {person}; not sleeping; dropping the walking group",
    [IPT_FOCUS_ROLE_DISPUTE] = "Days of silence with {person} after a row; staying late at work to avoid home",
    [IPT_FOCUS_ROLE_TRANSITION] = "Days without a plan; not getting dressed; turning down invitations",
    [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "Not answering messages; cancelling plans at the last minute",
  };
  static const char * const what_helped[] = {
    [IPT_FOCUS_NONE] = "Keeping a routine",
    [IPT_FOCUS_GRIEF] = "Talking about {person} with {other}; the walking group; letting the sadness come",
    [IPT_FOCUS_ROLE_DISPUTE] = "Saying what {name} means rather than what comes first; the Saturday talks with {person}",
    [IPT_FOCUS_ROLE_TRANSITION] = "The volunteering days; seeing what was good in the old role and what the new one gives",
    [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "Meeting {other} every week; saying yes to small invitations",
  };
  g_autoptr(IptCourseEnding) ending = NULL;
  char buf[16];

  if (c->kind == KIND_ACTIVE)
    return TRUE;

  _ipt_demo_iso_from_julian (c->end, buf);
  if (c->kind == KIND_DROPPED)
    {
      ending = ipt_course_ending_new (episode_id, buf, IPT_END_REASON_DROPPED_OUT);
      ipt_course_ending_set_text (ending, IPT_ENDING_IF_SIGNS_RETURN,
                                  "See the GP; a new referral is welcome at any time");
    }
  else
    {
      gboolean unchanged = c->outcome == IPT_OUTCOME_RELIABLE_DETERIORATION
                           || c->outcome == IPT_OUTCOME_NO_RELIABLE_CHANGE;
      g_autofree char *signs = _ipt_demo_expand (warning_signs[c->focus], v);
      g_autofree char *helped = _ipt_demo_expand (what_helped[c->focus], v);
      g_autofree char *people = _ipt_demo_expand (c->focus == IPT_FOCUS_ROLE_DISPUTE
                                                  ? "{person}, once things are calm; {other}"
                                                  : "{other}; the GP", v);

      ending = ipt_course_ending_new (episode_id, buf, unchanged ? IPT_END_REASON_REFERRED_ON
                                                                 : IPT_END_REASON_COMPLETED);
      ipt_course_ending_set_text (ending, IPT_ENDING_WARNING_SIGNS, signs);
      ipt_course_ending_set_text (ending, IPT_ENDING_WHAT_HELPED, unchanged ? NULL : helped);
      ipt_course_ending_set_text (ending, IPT_ENDING_PEOPLE_TO_TURN_TO, people);
      ipt_course_ending_set_text (ending, IPT_ENDING_IF_SIGNS_RETURN,
                                  unchanged
                                  ? "The GP and the community mental health team have the referral letter"
                                  : "Use the plan for two weeks; if the signs stay, book a session");
      ipt_course_ending_set_maintenance_offered (ending, c->maintenance > 0 || !unchanged);
    }
  if (!_ipt_store_write_course_ending (cb->demo->store, ending, error))
    return FALSE;

  if (c->kind == KIND_ENDED && c->maintenance > 0 && c->n_appts > c->n_contract)
    {
      g_autoptr(IptMaintenance) contract = NULL;

      _ipt_demo_iso_from_julian (c->appts[c->n_contract].day, buf);
      contract = ipt_maintenance_new (episode_id, buf, c->maintenance);
      if (!ipt_store_start_maintenance (cb->demo->store, contract, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ipt_demo_write_casework (ClientBuild *cb,
                          Course      *c,
                          gint64       episode_id,
                          const Vars  *v,
                          GError     **error)
{
  guint ae, me, last_attended = 0;

  ipt_phase_default_boundaries (c->planned, &ae, &me);
  for (guint i = 0; i < c->n_contract; i++)
    if (c->appts[i].attendance == IPT_ATTENDANCE_ATTENDED)
      last_attended = c->appts[i].number;

  /* A course that stopped before its formulation has no focus to work on. */
  if (!(c->kind == KIND_DROPPED && c->dropped_after < ae))
    {
      if (!write_stages (cb, c, episode_id, ae, last_attended, error))
        return FALSE;
      if (c->secondary == IPT_FOCUS_ROLE_TRANSITION && c->focus == IPT_FOCUS_GRIEF)
        {
          g_autoptr(IptFocusFields) fields = ipt_focus_fields_new (episode_id, TRUE,
                                                                   IPT_FOCUS_ROLE_TRANSITION);
          char buf[16];

          ipt_focus_fields_set_old_role (fields, "Partner and carer");
          ipt_focus_fields_set_new_role (fields, "Living alone");
          if (c->focus_day != 0)
            {
              _ipt_demo_iso_from_julian (c->focus_day, buf);
              ipt_focus_fields_set_date (fields, buf);
            }
          if (!ipt_store_save_focus_fields (cb->demo->store, fields, FALSE, error))
            return FALSE;
        }
      if (c->focus != IPT_FOCUS_NONE && !write_sessions_work (cb, c, episode_id, ae, v, error))
        return FALSE;
    }

  if (!write_ending (cb, c, episode_id, v, error))
    return FALSE;

  /* The case-level inventory, as it stood in the latest course. */
  if (c == &cb->courses[cb->n_courses - 1] && c->focus != IPT_FOCUS_NONE)
    return write_inventory_notes (cb, c, v, error);
  return TRUE;
}
