/* The demo's text: templates filled in from a client's details, and each session's notes. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"

#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Text templates: "{name}" and friends, replaced from Vars (no printf formats from tables). */

static const char *
vars_lookup (const Vars *v, const char *key, gsize len)
{
  static const struct { const char *key; gsize offset; } keys[] = {
    { "name", G_STRUCT_OFFSET (Vars, name) },
    { "person", G_STRUCT_OFFSET (Vars, person) },
    { "rel", G_STRUCT_OFFSET (Vars, rel) },
    { "other", G_STRUCT_OFFSET (Vars, other) },
    { "topic", G_STRUCT_OFFSET (Vars, topic) },
    { "stage", G_STRUCT_OFFSET (Vars, stage) },
    { "when", G_STRUCT_OFFSET (Vars, when) },
    { "old_lc", G_STRUCT_OFFSET (Vars, old_lc) },
    { "new_lc", G_STRUCT_OFFSET (Vars, new_lc) },
    { "n", G_STRUCT_OFFSET (Vars, n) },
    { "left", G_STRUCT_OFFSET (Vars, left) },
    { "focus", G_STRUCT_OFFSET (Vars, focus) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (strlen (keys[i].key) == len && strncmp (keys[i].key, key, len) == 0)
        {
          const char *value = G_STRUCT_MEMBER (const char *, v, keys[i].offset);
          return value != NULL ? value : "";
        }
    }
  return NULL;
}

void
_ipt_demo_expand_into (GString *out, const char *tmpl, const Vars *v)
{
  const char *p = tmpl;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      const char *value;

      if (open == NULL)
        {
          g_string_append (out, p);
          return;
        }
      g_string_append_len (out, p, open - p);
      close = strchr (open, '}');
      if (close == NULL)
        {
          g_string_append (out, open);
          return;
        }
      value = vars_lookup (v, open + 1, close - open - 1);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
}

char *
_ipt_demo_expand (const char *tmpl, const Vars *v)
{
  GString *out = g_string_sized_new (strlen (tmpl) + 64);

  _ipt_demo_expand_into (out, tmpl, v);
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------------------
 * Notes */

void
_ipt_demo_fill_notes (ClientBuild *cb, Course *c, IptSession *s, const Appt *a, IptPhase phase,
                      guint ae, const Vars *v, gboolean improving, gboolean joint)
{
  GRand *r = cb->r;
  g_autofree char *agenda = NULL;
  g_autofree char *events = NULL;
  g_autofree char *between = NULL;
  IptFocus f = c->focus;

  if (a->attendance != IPT_ATTENDANCE_ATTENDED)
    {
      if (a->attendance == IPT_ATTENDANCE_DID_NOT_ATTEND)
        events = _ipt_demo_expand (c->kind == KIND_DROPPED
                                     ? "Did not attend. Letter sent offering a further appointment and the GP informed."
                                     : "Did not attend. Text message sent; {name} replied and kept the next slot.", v);
      else if (a->attendance == IPT_ATTENDANCE_CANCELLED_BY_CLIENT)
        events = _ipt_demo_expand (chance (r, 0.5) ? "Cancelled by {name} on the day (unwell); next session kept."
                                                   : "Cancelled by {name} (childcare); next session kept.", v);
      else
        events = _ipt_demo_expand ("Cancelled by the practitioner (illness); {name} offered the next available slot.", v);
      ipt_session_set_note_events (s, events);
      return;
    }

  if (f == IPT_FOCUS_NONE)
    f = IPT_FOCUS_INTERPERSONAL_SENSITIVITY;

  switch (phase)
    {
    case IPT_PHASE_ASSESSMENT:
      if (a->number == 1)
        {
          Vars w = *v;
          g_autofree char *onset = _ipt_demo_expand (_ipt_demo_onset_texts[c->focus], v);

          w.focus = onset;
          agenda = g_strdup ("Introductions; symptoms reviewed with PHQ-9 and GAD-7; history of the current episode.");
          events = _ipt_demo_expand ("{name} described low mood, poor sleep and loss of interest, starting after {focus}. "
                                     "Depression explained as a treatable illness (the sick role); {name} relieved that it is not a personal failing.", &w);
          between = _ipt_demo_expand ("Notice who {name} sees this week and how it feels afterwards.", v);
        }
      else if (a->number == ae)
        {
          agenda = g_strdup ("Formulation and treatment contract.");
          events = _ipt_demo_expand (c->focus == IPT_FOCUS_NONE
                                       ? "Inventory completed; focus still to be agreed."
                                       : "Shared the interpersonal formulation with {focus} as the focus; {name} agreed. "
                                         "Contract of {n} weekly sessions, ending date written down.", v);
          between = g_strdup ("Read the written formulation and note anything to change.");
        }
      else if (a->number == 2)
        {
          agenda = g_strdup ("How the week went; start the interpersonal inventory.");
          events = _ipt_demo_expand ("Inventory: {name} talked about {other} and the people at home; linked the start of "
                                     "the low mood to what happened with the people involved.", v);
          between = g_strdup ("Think about who else matters, for the closeness circle.");
        }
      else
        {
          agenda = g_strdup ("Complete the inventory; closeness circle.");
          events = _ipt_demo_expand ("Placed people on the closeness circle; {name} would like to be closer to {other}.", v);
          between = g_strdup ("Notice which contacts lift the mood and which lower it.");
        }
      break;

    case IPT_PHASE_MIDDLE:
      agenda = _ipt_demo_expand (f == IPT_FOCUS_INTERPERSONAL_SENSITIVITY
                                   ? "How have you been since we last met? Mood, and the week's contacts with people."
                                   : "How have you been since we last met? Mood, and the week's events linked to the focus.", v);
      events = _ipt_demo_expand (joint ? _ipt_demo_joint_events[f] : _ipt_demo_middle_events[f][(c->note_turn + a->number) % 5], v);
      between = _ipt_demo_expand (_ipt_demo_middle_between[f][(c->note_turn + a->number) % 3], v);
      break;

    case IPT_PHASE_END:
      if (a->number >= c->planned)
        agenda = g_strdup ("Final session: review of the course, goals and the relapse-prevention plan.");
      else if (a->number + 1 == c->planned)
        agenda = g_strdup ("Ending: one session left after today. Progress on the goals.");
      else
        agenda = _ipt_demo_expand ("Ending: {left} sessions left. Progress on the goals.", v);
      if (improving)
        events = _ipt_demo_expand (_ipt_demo_end_events[(c->note_turn + a->number)
                                                         % G_N_ELEMENTS (_ipt_demo_end_events)], v);
      else
        events = _ipt_demo_expand (_ipt_demo_end_events_unchanged[(c->note_turn + a->number)
                                                                   % G_N_ELEMENTS (_ipt_demo_end_events_unchanged)], v);
      between = g_strdup ("Write the relapse-prevention plan: early warning signs, what helps, whom to call.");
      break;

    case IPT_PHASE_MAINTENANCE:
    default:
      agenda = g_strdup ("Monthly maintenance session.");
      events = _ipt_demo_expand ("Mood stable; one harder week handled with the relapse-prevention plan. {name} keeps in touch with {other}.", v);
      between = g_strdup ("Next maintenance session in four weeks.");
      break;
    }

  ipt_session_set_note_agenda (s, agenda);
  ipt_session_set_note_events (s, events);
  ipt_session_set_note_between (s, between);
}
