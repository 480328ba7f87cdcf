/* Writing one planned demo client into the casebook: client, people, courses, life events. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"
#include "ipt-store-supervision.h"

/* ---------------------------------------------------------------------------------------------
 * Helpers */

static char *
month_year (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%s %u", _ipt_demo_month_names[g_date_get_month (&d)],
                          g_date_get_year (&d));
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

gboolean
_ipt_demo_write_client (ClientBuild *cb, GError **error)
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
  _ipt_demo_iso_from_julian (d->ref - cb->age * 365 - (guint32) rnd (r, 10, 355) - cb->age / 4,
                             birth);
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

gboolean
_ipt_demo_write_people (ClientBuild *cb, Vars *v, GError **error)
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
      _ipt_demo_fill_person_inventory (cb, i, person);

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

  guint n_attended = 0;

  for (guint i = 0; i < c->n_contract; i++)
    if (c->appts[i].attendance == IPT_ATTENDANCE_ATTENDED)
      {
        last = &c->appts[i];
        n_attended++;
      }
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
      else if (c->shape == SHAPE_STALLING && n_attended * 2 >= c->planned)
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
  _ipt_demo_iso_from_julian (when, day);
  g_snprintf (created, sizeof created, "%sT%02d:%02d:00.000000Z", day, 17, 30);
  ipt_comment_set_created_at (comment, created);
  /* As if merged from a review file the supervisor sent back: the practitioner's page lists
   * it under Supervision. */
  {
    g_autoptr(GPtrArray) comments = g_ptr_array_new ();
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    char uid[33];
    IptSupervisionMerge summary;

    for (guint i = 0; i < 32; i++)
      uid[i] = "0123456789abcdef"[rnd (cb->r, 0, 15)];
    uid[32] = '\0';
    ipt_comment_set_uid (comment, uid);
    g_ptr_array_add (comments, comment);
    /* merged long ago, and seen since */
    return ipt_store_merge_supervision (cb->demo->store, comments, none, none, &summary, error)
           && ipt_store_mark_supervision_read (cb->demo->store, episode_id, error);
  }
}

/* Where the model puts each appointment of the course: attended sessions count, and what comes
 * after the end date (maintenance) is out of the contract. */
static IptCourseMap *
course_map (const Course *c)
{
  IptAppointment appointments[MAX_APPTS];
  guint ae, me;

  ipt_phase_default_boundaries (c->planned, &ae, &me);
  for (guint i = 0; i < c->n_appts; i++)
    {
      appointments[i].number = c->appts[i].number;
      appointments[i].attended = c->appts[i].attendance == IPT_ATTENDANCE_ATTENDED;
      appointments[i].after_end = c->kind != KIND_ACTIVE && c->appts[i].day > c->end;
    }
  return ipt_course_map_new (c->planned, ae, me, c->kind != KIND_ACTIVE, appointments,
                             c->n_appts);
}

gboolean
_ipt_demo_write_course (ClientBuild *cb, Course *c, GError **error)
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
  g_autoptr(IptCourseMap) course = course_map (c);
  const IptAppointmentPlace *places = ipt_course_map_get_places (course);
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
  _ipt_demo_iso_from_julian (c->start, buf);
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
          _ipt_demo_iso_from_julian (c->focus_day, buf);
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
      /* agreed at the last session of the assessment phase, the ae-th attended */
      for (i = 0; i < c->n_contract; i++)
        if (places[i].attended == ae)
          {
            _ipt_demo_iso_from_julian (c->appts[i].day, buf);
            ipt_episode_set_agreed_on (episode, buf);
          }
    }

  if (c->kind == KIND_ENDED)
    {
      ipt_episode_set_status (episode, IPT_EPISODE_STATUS_ENDED);
      _ipt_demo_iso_from_julian (c->end, buf);
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
      _ipt_demo_iso_from_julian (c->end, buf);
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
        if (places[i].attended > 0)
          {
            last_attended = c->appts[i].number;
            if (places[i].phase <= IPT_PHASE_MIDDLE)
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
      IptPhase phase = places[i].phase;
      /* the session of the contract this is, or would have been if missed */
      guint nth = places[i].attended > 0 ? places[i].attended : attended + 1;
      gboolean joint = FALSE;
      gboolean review_risk = FALSE;

      _ipt_demo_iso_from_julian (a->day, buf);
      session = ipt_session_new (episode_id, a->number, buf);
      ipt_session_set_attendance (session, a->attendance);
      ipt_session_set_phase (session, phase);

      g_snprintf (left_text, sizeof left_text, "%u", c->planned > nth ? c->planned - nth : 0);
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
          /* Every raised flag is reviewed at its session but a latest-risk case's own: that one
           * stays open, as the case is meant to show. */
          review_risk = item9 > 0
                        && !(c->risk == RISK_LATEST
                             && (last_of_contract || attended + 2 == n_attended_contract));

          g_ptr_array_add (scores, _ipt_demo_make_phq9 (cb, phq, item9));
          g_ptr_array_add (scores, _ipt_demo_make_gad7 (cb, gad));
          if (attended % 4 == 0)
            g_ptr_array_add (scores, _ipt_demo_make_wsas (cb, phq));

          /* who came, how long */
          if (joint_left > 0 && phase == IPT_PHASE_MIDDLE && !a->maintenance
              && (nth == ae + 2 || nth == ae + 5) && c->focus != IPT_FOCUS_NONE)
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
            pos = nth, len = ae;
          else if (phase == IPT_PHASE_MIDDLE)
            pos = nth - ae, len = me - ae;
          else if (phase == IPT_PHASE_END)
            pos = nth - me, len = c->planned - me;
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
      if (review_risk && !_ipt_demo_write_risk_review (cb, episode_id, session, error))
        return FALSE;
    }

  if (!_ipt_demo_write_casework (cb, c, episode_id, &v, error))
    return FALSE;
  return write_comments (cb, c, episode_id, &v, error);
}

typedef struct
{
  guint32 day;
  char   *title;
  int     impact;
  int     person;   /* index into the people, -1: none */
} EventRow;

gboolean
_ipt_demo_write_life_events (ClientBuild *cb, GError **error)
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
      _ipt_demo_iso_from_julian (events[i].day, buf);
      event = ipt_life_event_new (cb->client_id, buf, events[i].title, events[i].impact);
      if (events[i].person >= 0)
        ipt_life_event_set_person_id (event, cb->people[events[i].person].id);
      ok = ipt_store_save_life_event (d->store, event, error);
    }
  for (i = 0; i < n; i++)
    g_free (events[i].title);
  return ok;
}
