/* The demo caseload's tables: a scenario for each client, and the pools of names and words. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"

/* ---------------------------------------------------------------------------------------------
 * Scenarios */

#define F_NONE IPT_FOCUS_NONE
#define F_GRIEF IPT_FOCUS_GRIEF
#define F_DISPUTE IPT_FOCUS_ROLE_DISPUTE
#define F_TRANSITION IPT_FOCUS_ROLE_TRANSITION
#define F_SENSITIVITY IPT_FOCUS_INTERPERSONAL_SENSITIVITY
#define S_NONE IPT_DISPUTE_STAGE_NONE
#define O_RR IPT_OUTCOME_RELIABLE_RECOVERY
#define O_R IPT_OUTCOME_RECOVERY
#define O_RI IPT_OUTCOME_RELIABLE_IMPROVEMENT
#define O_RD IPT_OUTCOME_RELIABLE_DETERIORATION
#define O_NRC IPT_OUTCOME_NO_RELIABLE_CHANGE
#define O_ID IPT_OUTCOME_INSUFFICIENT_DATA
#define P_A IPT_PHASE_ASSESSMENT
#define P_M IPT_PHASE_MIDDLE
#define P_E IPT_PHASE_END
#define A_OK IPT_ATTENDANCE_ATTENDED
#define A_DNA IPT_ATTENDANCE_DID_NOT_ATTEND
#define A_CBC IPT_ATTENDANCE_CANCELLED_BY_CLIENT
#define A_CBP IPT_ATTENDANCE_CANCELLED_BY_PRACTITIONER

/* The first 20 clients take one row each; later clients start over with new random details. */
const Scenario _ipt_demo_scenarios[] = {
  /* focus  secondary  stage  planned  kind  phase  outcome  shape  dropped  maint  risk  joint  archived  prior  prior outcome  miss */
  { F_GRIEF, F_NONE, S_NONE, 16, KIND_ENDED, P_E, O_RR, SHAPE_IMPROVING, 0, 2, RISK_EARLY, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_DISPUTE, F_NONE, IPT_DISPUTE_STAGE_RENEGOTIATION, 16, KIND_ACTIVE, P_M, O_RR, SHAPE_IMPROVING, 0, 0, RISK_NONE, TRUE, FALSE, F_NONE, O_RR, 8, A_DNA },
  { F_TRANSITION, F_NONE, S_NONE, 12, KIND_ENDED, P_E, O_R, SHAPE_STALLING, 0, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_SENSITIVITY, F_NONE, S_NONE, 16, KIND_ACTIVE, P_A, O_RR, SHAPE_NOISY, 0, 0, RISK_LATEST, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_DISPUTE, F_SENSITIVITY, IPT_DISPUTE_STAGE_IMPASSE, 16, KIND_ENDED, P_E, O_RI, SHAPE_STALLING, 0, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 7, A_CBC },
  { F_GRIEF, F_NONE, S_NONE, 16, KIND_ACTIVE, P_E, O_RR, SHAPE_IMPROVING, 0, 0, RISK_NONE, TRUE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_TRANSITION, F_NONE, S_NONE, 16, KIND_ENDED, P_E, O_RD, SHAPE_DETERIORATING, 0, 0, RISK_LATEST, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_DISPUTE, F_NONE, IPT_DISPUTE_STAGE_DISSOLUTION, 12, KIND_ACTIVE, P_M, O_RR, SHAPE_NOISY, 0, 0, RISK_LATEST, FALSE, FALSE, F_NONE, O_RR, 5, A_CBP },
  { F_SENSITIVITY, F_NONE, S_NONE, 16, KIND_DROPPED, P_A, O_ID, SHAPE_NOISY, 1, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_GRIEF, F_TRANSITION, S_NONE, 16, KIND_ENDED, P_E, O_NRC, SHAPE_NOISY, 0, 0, RISK_NONE, FALSE, TRUE, F_NONE, O_RR, 0, A_OK },
  { F_TRANSITION, F_NONE, S_NONE, 8, KIND_ACTIVE, P_A, O_RR, SHAPE_IMPROVING, 0, 0, RISK_NONE, FALSE, FALSE, F_GRIEF, O_RR, 0, A_OK },
  { F_DISPUTE, F_NONE, IPT_DISPUTE_STAGE_RENEGOTIATION, 16, KIND_ENDED, P_E, O_RR, SHAPE_IMPROVING, 0, 3, RISK_NONE, TRUE, TRUE, F_NONE, O_RR, 0, A_OK },
  { F_SENSITIVITY, F_NONE, S_NONE, 12, KIND_ENDED, P_E, O_RI, SHAPE_IMPROVING, 0, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_TRANSITION, F_SENSITIVITY, S_NONE, 16, KIND_DROPPED, P_M, O_NRC, SHAPE_NOISY, 5, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_GRIEF, F_NONE, S_NONE, 8, KIND_ENDED, P_E, O_RR, SHAPE_IMPROVING, 0, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_DISPUTE, F_NONE, IPT_DISPUTE_STAGE_IMPASSE, 16, KIND_ACTIVE, P_E, O_RR, SHAPE_STALLING, 0, 0, RISK_NONE, TRUE, FALSE, F_NONE, O_RR, 0, A_OK },
  { F_DISPUTE, F_NONE, IPT_DISPUTE_STAGE_RENEGOTIATION, 16, KIND_ACTIVE, P_M, O_RR, SHAPE_DETERIORATING, 0, 0, RISK_NONE, FALSE, FALSE, F_DISPUTE, O_R, 0, A_OK },
  { F_SENSITIVITY, F_NONE, S_NONE, 16, KIND_ENDED, P_E, O_RR, SHAPE_IMPROVING, 0, 0, RISK_NONE, FALSE, FALSE, F_NONE, O_RR, 9, A_DNA },
  { F_TRANSITION, F_NONE, S_NONE, 16, KIND_ENDED, P_E, O_R, SHAPE_IMPROVING, 0, 0, RISK_NONE, FALSE, FALSE, F_SENSITIVITY, O_RR, 0, A_OK },
  { F_GRIEF, F_NONE, S_NONE, 12, KIND_ACTIVE, P_M, O_RR, SHAPE_STALLING, 0, 0, RISK_EARLY, FALSE, FALSE, F_NONE, O_RR, 0, A_OK },
};

/* ---------------------------------------------------------------------------------------------
 * Names and words */

const GivenName _ipt_demo_given_names[] = {
  { "Amara", NULL, SEX_F }, { "Aisha", NULL, SEX_F }, { "Bethan", NULL, SEX_F },
  { "Chloe", NULL, SEX_F }, { "Deborah", "Debbie", SEX_F }, { "Eilidh", NULL, SEX_F },
  { "Fatima", NULL, SEX_F }, { "Grace", NULL, SEX_F }, { "Hannah", NULL, SEX_F },
  { "Ifeoma", "Ify", SEX_F }, { "Joanna", "Jo", SEX_F }, { "Katarzyna", "Kasia", SEX_F },
  { "Leila", NULL, SEX_F }, { "Mei", NULL, SEX_F }, { "Niamh", NULL, SEX_F },
  { "Olivia", "Liv", SEX_F }, { "Priya", NULL, SEX_F }, { "Rosa", NULL, SEX_F },
  { "Siobhan", NULL, SEX_F }, { "Tamsin", NULL, SEX_F }, { "Yasmin", NULL, SEX_F },
  { "Zainab", NULL, SEX_F }, { "Anjali", NULL, SEX_F }, { "Carmen", NULL, SEX_F },
  { "Ewa", NULL, SEX_F }, { "Gemma", NULL, SEX_F }, { "Ingrid", NULL, SEX_F },
  { "Lucia", NULL, SEX_F }, { "Nadia", NULL, SEX_F }, { "Ruth", NULL, SEX_F },
  { "Sunita", NULL, SEX_F }, { "Thandiwe", "Thandi", SEX_F }, { "Maryam", NULL, SEX_F },
  { "Margaret", "Maggie", SEX_F }, { "Patricia", "Trish", SEX_F }, { "Elizabeth", "Beth", SEX_F },
  { "Aaron", NULL, SEX_M }, { "Bilal", NULL, SEX_M }, { "Callum", "Cal", SEX_M },
  { "Dariusz", "Darek", SEX_M }, { "Emeka", NULL, SEX_M }, { "Farhan", NULL, SEX_M },
  { "Gareth", NULL, SEX_M }, { "Hamish", NULL, SEX_M }, { "Idris", NULL, SEX_M },
  { "Jonah", NULL, SEX_M }, { "Kwame", NULL, SEX_M }, { "Luca", NULL, SEX_M },
  { "Mateusz", "Matt", SEX_M }, { "Nikhil", "Nik", SEX_M }, { "Oisin", NULL, SEX_M },
  { "Patrick", "Paddy", SEX_M }, { "Rhys", NULL, SEX_M }, { "Samuel", "Sam", SEX_M },
  { "Tariq", NULL, SEX_M }, { "Viktor", NULL, SEX_M }, { "Wei", NULL, SEX_M },
  { "Yusuf", NULL, SEX_M }, { "Ahmed", NULL, SEX_M }, { "Connor", NULL, SEX_M },
  { "Desmond", "Des", SEX_M }, { "Felix", NULL, SEX_M }, { "Hiroshi", NULL, SEX_M },
  { "Ibrahim", NULL, SEX_M }, { "Marcus", NULL, SEX_M }, { "Tomasz", "Tom", SEX_M },
  { "Robert", "Bob", SEX_M }, { "William", "Bill", SEX_M }, { "Alex", NULL, SEX_ANY },
  { "Jordan", NULL, SEX_ANY }, { "Robin", NULL, SEX_ANY }, { "Sasha", NULL, SEX_ANY },
};

const char * const _ipt_demo_family_names[] = {
  "Adeyemi", "Ahmed", "Bennett", "Brennan", "Chowdhury", "Clarke", "Da Silva", "Davies",
  "Evans", "Fitzgerald", "Gallagher", "Haddad", "Hughes", "Ibrahim", "Jankowski", "Kaur",
  "Kowalski", "Lewis", "MacLeod", "Mensah", "Morgan", "Nakamura", "Nguyen", "Novak",
  "O'Brien", "Okafor", "Owusu", "Patel", "Pereira", "Quinn", "Rahman", "Robertson",
  "Rossi", "Santos", "Sharma", "Singh", "Sullivan", "Thomas", "Wang", "Williams",
  "Wojcik", "Yilmaz", "Zielinski", "Hussain", "Campbell", "Murphy", "Ogunleye", "Kim",
  "Fernandes", "Andersson", "Price", "Achterberg", "Baptiste", "Kovacs", "Lindqvist", "Mbeki",
};

const Referrer _ipt_demo_referrers[] = {
  { "GP (Dr R. Ashworth, Riverside Surgery)", 18, 99 },
  { "GP (Dr N. Begum, Parkview Medical Centre)", 18, 99 },
  { "GP (Dr T. Okonjo, Canal Street Practice)", 18, 99 },
  { "Self-referral", 18, 99 },
  { "Self-referral (via the practice website)", 18, 99 },
  { "Occupational health", 21, 64 },
  { "Employee assistance programme", 21, 64 },
  { "Community mental health team", 18, 99 },
  { "University wellbeing service", 18, 25 },
  { "Private medical insurer", 25, 99 },
};

const char * const _ipt_demo_client_notes[] = {
  "Fictional demo client. Prefers morning appointments.",
  "Fictional demo client. Happy to be contacted by text.",
  "Fictional demo client. Works shifts; appointments booked a week ahead.",
  "Fictional demo client. Takes sertraline 50 mg, prescribed by the GP.",
  "Fictional demo client. Prefers video sessions in bad weather.",
  "Fictional demo client. Letters to the home address are fine.",
  "Fictional demo client. No contact at work, please.",
  "Fictional demo client. Interested in a group after the course.",
};

const RelInfo _ipt_demo_rels[N_RELS] = {
  [REL_PARTNER] = { "Partner", "partner", SEX_ANY, CAT_HOUSEHOLD, 18, 99 },
  [REL_MOTHER] = { "Mother", "mother", SEX_F, CAT_FAMILY, 18, 62 },
  [REL_FATHER] = { "Father", "father", SEX_M, CAT_FAMILY, 18, 58 },
  [REL_SISTER] = { "Sister", "sister", SEX_F, CAT_FAMILY, 18, 99 },
  [REL_BROTHER] = { "Brother", "brother", SEX_M, CAT_FAMILY, 18, 99 },
  [REL_DAUGHTER] = { "Daughter", "daughter", SEX_F, CAT_FAMILY, 38, 99 },
  [REL_SON] = { "Son", "son", SEX_M, CAT_FAMILY, 38, 99 },
  [REL_GRANDMOTHER] = { "Grandmother", "grandmother", SEX_F, CAT_FAMILY, 18, 40 },
  [REL_AUNT] = { "Aunt", "aunt", SEX_F, CAT_FAMILY, 18, 55 },
  [REL_BEST_FRIEND] = { "Best friend", "best friend", SEX_ANY, CAT_FRIEND, 18, 99 },
  [REL_FRIEND] = { "Friend", "friend", SEX_ANY, CAT_FRIEND, 18, 99 },
  [REL_OLD_FRIEND] = { "Friend from school", "friend from school", SEX_ANY, CAT_FRIEND, 18, 99 },
  [REL_COLLEAGUE] = { "Colleague", "colleague", SEX_ANY, CAT_WORK, 18, 66 },
  [REL_MANAGER] = { "Line manager", "line manager", SEX_ANY, CAT_WORK, 18, 66 },
  [REL_NEIGHBOUR] = { "Neighbour", "neighbour", SEX_ANY, CAT_FRIEND, 18, 99 },
  [REL_FLATMATE] = { "Flatmate", "flatmate", SEX_ANY, CAT_HOUSEHOLD, 18, 34 },
  [REL_COUSIN] = { "Cousin", "cousin", SEX_ANY, CAT_FAMILY, 18, 99 },
};

const char * const _ipt_demo_contact_texts[] = {
  [CAT_HOUSEHOLD] = "Live together; evenings and weekends at home.",
  [CAT_FAMILY] = "Phone calls most weeks; visits once a month.",
  [CAT_FRIEND] = "Meets for coffee every few weeks; messages in between.",
  [CAT_WORK] = "Sees {person} at work most days; little contact outside work.",
};

const char * const _ipt_demo_satisfying_texts[] = {
  "Easy to talk to; makes {name} laugh.",
  "Reliable in a crisis; practical help.",
  "Shares an interest in music and films.",
  "Can talk about most things, except money.",
  "Long shared history; feels accepted.",
  "Good company on walks at the weekend.",
};

const char * const _ipt_demo_unsatisfying_texts[] = {
  "Can be critical; {name} avoids mentioning problems.",
  "Hard to reach; conversations stay on the surface.",
  "Disagreements about plans that never quite resolve.",
  "Tends to give advice instead of listening.",
  "Lives far away; contact has dropped off.",
  "",
};

const char * const _ipt_demo_changes_texts[] = {
  "More time together.",
  "To be able to ask {person} for help.",
  "To say no without feeling guilty.",
  "To tell {person} about the low mood.",
  "None at the moment.",
  "To get back in touch regularly.",
};

const RolePair _ipt_demo_role_pairs[] = {
  { "Full-time teacher", "Retired", 58, 99, "Retired from teaching" },
  { "Site manager", "Made redundant, looking for work", 25, 64, "Made redundant" },
  { "Student", "Graduate trainee in an accountancy firm", 20, 28, "Started the graduate scheme" },
  { "Working full time", "New parent on parental leave", 24, 44, "Birth of first child" },
  { "Living near family in Leeds", "Moved to Bristol for a partner's job", 22, 60, "Moved to Bristol" },
  { "Married", "Separated, living alone", 28, 75, "Separation; moved into a flat" },
  { "Fit and independent", "Living with a heart condition", 45, 75, "Heart attack; two weeks in hospital" },
  { "Carer for a parent", "No longer caring; parent moved to a care home", 40, 70, "Parent moved to a care home" },
  { "Team member", "Newly promoted team leader", 24, 60, "Promoted to team leader" },
  { "Nurse on a hospital ward", "Working from home in a call centre", 25, 60, "Left nursing after an injury" },
};

const char * const _ipt_demo_household_topics[] = {
  "sharing the housework", "money", "time with the children", "long working hours",
  "where to live", "how often to see family",
};
const char * const _ipt_demo_family_topics[] = {
  "caring for a parent", "money lent and not repaid", "a wedding that went badly",
  "how the children are brought up",
};
const char * const _ipt_demo_work_topics[] = {
  "workload and deadlines", "a refused request for flexible hours", "being passed over for a post",
};

const char * const _ipt_demo_goal_texts[][4] = {
  [IPT_FOCUS_GRIEF] = {
    "Visit {person}'s grave without dreading it",
    "Go back to the walking group",
    "Sort through {person}'s things with family",
    "Sleep through the night most nights",
  },
  [IPT_FOCUS_ROLE_DISPUTE] = {
    "Talk with {person} about {topic} without shouting",
    "Agree a plan with {person} about {topic}",
    "One evening a week doing something enjoyable together",
    "Say what I need instead of going quiet",
  },
  [IPT_FOCUS_ROLE_TRANSITION] = {
    "Feel confident as {new_lc}",
    "Build a weekly routine",
    "Make one new contact through the new role",
    "Let myself miss the old role without feeling useless",
  },
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = {
    "Meet a friend once a week",
    "Join a group activity and keep going",
    "Tell one person how I have been feeling",
    "Reply to messages within a day",
  },
};

const char * const _ipt_demo_formulation_texts[] = {
  [IPT_FOCUS_GRIEF] =
    "{name}'s depression began in the months after the death of {person}, {name}'s {rel}, in {when}. "
    "Since then {name} has withdrawn from friends, sleeps badly and feels guilty about the last weeks of "
    "{person}'s illness; we understand the low mood as a grief that has not been able to move on. "
    "Over {n} weekly sessions we will work on mourning {person} and on rebuilding interests and relationships.",
  [IPT_FOCUS_ROLE_DISPUTE] =
    "{name} has been depressed since the arguments with {person} ({rel}) about {topic} became more frequent. "
    "The dispute is at the stage of {stage}; the low mood, irritability and poor sleep go with feeling unheard. "
    "In {n} sessions we will clarify what each of them expects, look closely at how the arguments go, "
    "and try new ways of asking for change.",
  [IPT_FOCUS_ROLE_TRANSITION] =
    "The low mood started after {name}'s life changed in {when}: {old_lc} to {new_lc}. "
    "{name} misses what the old role gave (structure, company, feeling competent) and feels unskilled in the new one. "
    "Over {n} sessions we will mourn the old role, look at the new one more evenly, and build support and mastery.",
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] =
    "{name} has felt isolated for a long time, with few close relationships and little contact since {when}. "
    "Loneliness keeps the depression going, and the depression makes contact harder. "
    "Over {n} sessions we will use our working relationship as a model, practise starting and keeping up "
    "contact, and build a small network, starting with {other}.",
};

const char * const _ipt_demo_secondary_texts[] = {
  [IPT_FOCUS_GRIEF] = " A secondary focus on grief was agreed: {name} has not yet mourned a loss that matters here.",
  [IPT_FOCUS_ROLE_DISPUTE] = " A secondary focus on a role dispute was agreed.",
  [IPT_FOCUS_ROLE_TRANSITION] = " A secondary focus on the role transition that came with it was agreed.",
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = " A secondary focus on interpersonal sensitivity was agreed: {name} finds it hard to ask anyone for support.",
};

const char * const _ipt_demo_onset_texts[] = {
  [IPT_FOCUS_NONE] = "a difficult few months",
  [IPT_FOCUS_GRIEF] = "the death of {person}",
  [IPT_FOCUS_ROLE_DISPUTE] = "the arguments with {person} about {topic}",
  [IPT_FOCUS_ROLE_TRANSITION] = "the change in {when} ({new_lc})",
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "a long spell of isolation since {when}",
};

const char * const _ipt_demo_middle_events[][5] = {
  [IPT_FOCUS_GRIEF] = {
    "Talked about the last weeks of {person}'s illness and the funeral; {name} cried for the first time in a session.",
    "Looked at photographs of {person}; mixed feelings, including anger at being left with everything.",
    "Reconstructed the relationship with {person}, good and bad sides; less idealised than before.",
    "Planned a return to the walking group; {other} offered to come along the first time.",
    "Talked about the approaching anniversary and how the family might mark it.",
  },
  [IPT_FOCUS_ROLE_DISPUTE] = {
    "Communication analysis of the latest argument with {person} about {topic}: voices raised, nothing agreed, days of tension after.",
    "Role play: asking {person} for a change about {topic} without blaming; {name} found the first sentence hardest.",
    "Decision analysis: options for {topic}, pros and cons of each; {name} chose to propose a compromise.",
    "Looked at what {name} and {person} each expect; the expectations are further apart than {name} thought.",
    "Reviewed the week's talk with {person}: calmer, and an agreement on one small point.",
  },
  [IPT_FOCUS_ROLE_TRANSITION] = {
    "Pros and cons of the old role ({old_lc}) and the new one ({new_lc}); more losses than gains listed so far.",
    "Mourned the old role: what it gave and what {name} misses most (the people, the routine).",
    "Mastery: listed skills that carry over into the new role; fewer than hoped, more than feared.",
    "Looked for support in the new situation; {name} contacted {other} after a long gap.",
    "Role play: introducing the new situation to people without apologising for it.",
  },
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = {
    "Used the therapy relationship as a model: {name} noticed discomfort when the session started late and could say so.",
    "Role play: starting a conversation with a colleague at lunch; tried it twice during the week.",
    "Went to the book group once; left early but plans to return.",
    "Looked at past friendships and how they ended; a pattern of withdrawing first.",
    "Met {other} for coffee; anxious beforehand, pleased afterwards.",
  },
};

const char * const _ipt_demo_middle_between[][3] = {
  [IPT_FOCUS_GRIEF] = {
    "Write down three memories of {person} to bring next week.",
    "Call {other} once this week.",
    "Go to the walking group on Saturday.",
  },
  [IPT_FOCUS_ROLE_DISPUTE] = {
    "Ask {person} for twenty minutes to talk about {topic}.",
    "Notice what happens just before an argument starts.",
    "Try the rehearsed opening with {person}.",
  },
  [IPT_FOCUS_ROLE_TRANSITION] = {
    "Do one thing that the new role makes possible.",
    "Contact someone from the old role, just to catch up.",
    "List what went well this week, however small.",
  },
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = {
    "Send one message to {other}.",
    "Stay until the end of the group meeting.",
    "Say yes to one invitation.",
  },
};

const char * const _ipt_demo_joint_events[] = {
  [IPT_FOCUS_GRIEF] = "Joint session with {other}: shared memories of {person}; agreed to sort the belongings together.",
  [IPT_FOCUS_ROLE_DISPUTE] = "Joint session with {person}: each described the last argument about {topic}; agreed to try a weekly twenty-minute talk.",
  [IPT_FOCUS_ROLE_TRANSITION] = "Joint session with {other}: talked about how the change affects them both and what practical help would work.",
  [IPT_FOCUS_INTERPERSONAL_SENSITIVITY] = "Joint session with {other}: {name} said how lonely the last year had been; {other} had not known.",
};

const char * const _ipt_demo_end_events_unchanged[] = {
  "Little change in the scores. Discussed that the treatment, not {name}, has not worked well enough; "
  "options: medication review with the GP, CBT, a further course.",
  "Disappointment that the mood has not lifted; {name} wondered whether trying harder would have helped. "
  "Named it as the treatment falling short, not {name}.",
  "Agreed the next steps: letter to the GP, referral for CBT discussed, and what helped a little "
  "(seeing {other}) kept in the plan.",
};

const char * const _ipt_demo_end_events[] = {
  "Reviewed what changed and why {name} feels better: doing more with people, saying what is needed. "
  "Sadness about ending acknowledged; the ending treated as a transition.",
  "{name} credits the changes to talking with {other} again and to the work on the focus. "
  "Early warning signs listed for the relapse-prevention plan.",
  "Mood better most days. Talked about missing the sessions and what will replace them.",
};

const char * const _ipt_demo_sensitivity_onsets[] = {
  "Moved to a new town for work",
  "Started working from home full time",
  "Long-standing friendship ended",
  "Left a shared house to live alone",
};

const char * const _ipt_demo_background_events[] = {
  "Started the current job",
  "Moved house",
  "Passed the driving test",
  "Finished a college course",
  "Holiday with family",
};

const char * const _ipt_demo_month_names[] = {
  "", "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
