/* Enumerations of the IPT model: GTypes, stable ids, translated labels, phase tasks, dates. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-enums.h"
#include "ipt-enums-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The GEnum nicks are the stable ids, so g_enum_get_value_by_nick () agrees with *_from_id (). */

G_DEFINE_ENUM_TYPE (IptPhase, ipt_phase,
  G_DEFINE_ENUM_VALUE (IPT_PHASE_ASSESSMENT, "assessment"),
  G_DEFINE_ENUM_VALUE (IPT_PHASE_MIDDLE, "middle"),
  G_DEFINE_ENUM_VALUE (IPT_PHASE_END, "end"),
  G_DEFINE_ENUM_VALUE (IPT_PHASE_MAINTENANCE, "maintenance"))

/* "none" is only the GEnum nick: the database and files store no id (NULL) for no focus. */
G_DEFINE_ENUM_TYPE (IptFocus, ipt_focus,
  G_DEFINE_ENUM_VALUE (IPT_FOCUS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (IPT_FOCUS_GRIEF, "grief"),
  G_DEFINE_ENUM_VALUE (IPT_FOCUS_ROLE_DISPUTE, "role-dispute"),
  G_DEFINE_ENUM_VALUE (IPT_FOCUS_ROLE_TRANSITION, "role-transition"),
  G_DEFINE_ENUM_VALUE (IPT_FOCUS_INTERPERSONAL_SENSITIVITY, "interpersonal-sensitivity"))

G_DEFINE_ENUM_TYPE (IptDisputeStage, ipt_dispute_stage,
  G_DEFINE_ENUM_VALUE (IPT_DISPUTE_STAGE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (IPT_DISPUTE_STAGE_RENEGOTIATION, "renegotiation"),
  G_DEFINE_ENUM_VALUE (IPT_DISPUTE_STAGE_IMPASSE, "impasse"),
  G_DEFINE_ENUM_VALUE (IPT_DISPUTE_STAGE_DISSOLUTION, "dissolution"))

G_DEFINE_ENUM_TYPE (IptAttendance, ipt_attendance,
  G_DEFINE_ENUM_VALUE (IPT_ATTENDANCE_ATTENDED, "attended"),
  G_DEFINE_ENUM_VALUE (IPT_ATTENDANCE_CANCELLED_BY_CLIENT, "cancelled-by-client"),
  G_DEFINE_ENUM_VALUE (IPT_ATTENDANCE_CANCELLED_BY_PRACTITIONER, "cancelled-by-practitioner"),
  G_DEFINE_ENUM_VALUE (IPT_ATTENDANCE_DID_NOT_ATTEND, "did-not-attend"))

G_DEFINE_ENUM_TYPE (IptAttendees, ipt_attendees,
  G_DEFINE_ENUM_VALUE (IPT_ATTENDEES_CLIENT_ALONE, "client-alone"),
  G_DEFINE_ENUM_VALUE (IPT_ATTENDEES_WITH_PARTNER, "with-partner"),
  G_DEFINE_ENUM_VALUE (IPT_ATTENDEES_WITH_FAMILY_MEMBER, "with-family-member"),
  G_DEFINE_ENUM_VALUE (IPT_ATTENDEES_OTHER, "other"))

G_DEFINE_ENUM_TYPE (IptEpisodeStatus, ipt_episode_status,
  G_DEFINE_ENUM_VALUE (IPT_EPISODE_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (IPT_EPISODE_STATUS_ENDED, "ended"),
  G_DEFINE_ENUM_VALUE (IPT_EPISODE_STATUS_DROPPED_OUT, "dropped-out"))

/* Ids from the GEnum nicks: the type's values are the one table. The nick strings are static
 * (G_DEFINE_ENUM_TYPE), so they outlive the class reference. */
const char *
_ipt_enum_to_nick (GType type,
                   int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
_ipt_enum_from_nick (GType       type,
                     const char *id,
                     int        *out)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (id == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, id);
  g_type_class_unref (klass);
  if (enum_value == NULL)
    return FALSE;
  *out = enum_value->value;
  return TRUE;
}

/* For the optional ones: "none" is stored as no value (NULL), so it is no id of its own. */
#define DEFINE_ID_FUNCS(Type, type, TYPE_MACRO, none)                                    \
  const char *                                                                           \
  ipt_##type##_to_id (Type value)                                                        \
  {                                                                                      \
    if ((int) value == (none))                                                           \
      return NULL;                                                                       \
    return _ipt_enum_to_nick (TYPE_MACRO, value);                                        \
  }                                                                                      \
                                                                                         \
  gboolean                                                                               \
  ipt_##type##_from_id (const char *id,                                                  \
                        Type       *out)                                                 \
  {                                                                                      \
    int v;                                                                               \
                                                                                         \
    g_return_val_if_fail (out != NULL, FALSE);                                           \
    if ((none) >= 0 && (id == NULL || *id == '\0'))                                      \
      {                                                                                  \
        *out = (Type) (none);                                                            \
        return TRUE;                                                                     \
      }                                                                                  \
    if (!_ipt_enum_from_nick (TYPE_MACRO, id, &v) || v == (none))                        \
      return FALSE;                                                                      \
    *out = (Type) v;                                                                     \
    return TRUE;                                                                         \
  }

DEFINE_ID_FUNCS (IptPhase, phase, IPT_TYPE_PHASE, -1)
/* NULL or "" is no focus, as the database stores it. */
DEFINE_ID_FUNCS (IptFocus, focus, IPT_TYPE_FOCUS, IPT_FOCUS_NONE)
DEFINE_ID_FUNCS (IptDisputeStage, dispute_stage, IPT_TYPE_DISPUTE_STAGE, IPT_DISPUTE_STAGE_NONE)
DEFINE_ID_FUNCS (IptAttendance, attendance, IPT_TYPE_ATTENDANCE, -1)
DEFINE_ID_FUNCS (IptAttendees, attendees, IPT_TYPE_ATTENDEES, -1)
DEFINE_ID_FUNCS (IptEpisodeStatus, episode_status, IPT_TYPE_EPISODE_STATUS, -1)

static const char *
label_at (const char * const *labels,
          guint               n_labels,
          int                 value)
{
  if (value < 0 || (guint) value >= n_labels || labels[value] == NULL)
    return NULL;
  return _(labels[value]);
}

const char *
ipt_phase_to_label (IptPhase phase)
{
  static const char * const labels[] = {
    /* TRANSLATORS: the phases of a course of IPT, shown alone ("Phase: Middle") and in
     * "%s phase"; a language may name the whole phase here ("Mittelphase") and leave "phase"
     * out of "%s phase" */
    N_("Assessment"),
    /* TRANSLATORS: the middle phase of a course of IPT */
    N_("Middle"),
    /* TRANSLATORS: the end phase (termination) of a course of IPT */
    N_("End"),
    /* TRANSLATORS: the maintenance phase after a course of IPT */
    N_("Maintenance"),
  };

  return label_at (labels, G_N_ELEMENTS (labels), phase);
}

const char *
ipt_focus_to_label (IptFocus focus,
                    gboolean us_wording)
{
  static const char * const labels[] = {
    N_("No focus yet"), N_("Grief"), N_("Role dispute"), N_("Role transition"),
    N_("Interpersonal sensitivity"),
  };

  if (focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY && us_wording)
    return _("Interpersonal deficits");
  return label_at (labels, G_N_ELEMENTS (labels), focus);
}

/* The goals and strategies of each problem area (clinical.md section 2). */
const char *
ipt_focus_to_description (IptFocus focus)
{
  static const char * const descriptions[] = {
    N_("No focus chosen yet: it is agreed with the client at the end of the assessment."),
    N_("Help the client mourn; rebuild interests and relationships."),
    N_("Identify the dispute, plan action, change communication or expectations."),
    N_("Mourn and accept the old role, see the new role more positively, restore self-esteem "
       "through mastery, build supports."),
    N_("Reduce isolation, use the therapy relationship as a model, form new relationships."),
  };

  return label_at (descriptions, G_N_ELEMENTS (descriptions), focus);
}

const char *
ipt_dispute_stage_to_label (IptDisputeStage stage)
{
  static const char * const labels[] = {
    N_("Not set"), N_("Renegotiation"), N_("Impasse"), N_("Dissolution"),
  };

  return label_at (labels, G_N_ELEMENTS (labels), stage);
}

const char *
ipt_attendance_to_label (IptAttendance attendance)
{
  static const char * const labels[] = {
    N_("Attended"), N_("Cancelled by client"), N_("Cancelled by practitioner"),
    N_("Did not attend"),
  };

  return label_at (labels, G_N_ELEMENTS (labels), attendance);
}

const char *
ipt_attendees_to_label (IptAttendees attendees)
{
  static const char * const labels[] = {
    N_("Client alone"), N_("With partner"), N_("With family member"),
    /* TRANSLATORS: who attended a session: someone other than partner or family */
    N_("Other"),
  };

  return label_at (labels, G_N_ELEMENTS (labels), attendees);
}

const char *
ipt_episode_status_to_label (IptEpisodeStatus status)
{
  static const char * const labels[] = {
    /* TRANSLATORS: the status of a course of therapy: running */
    N_("Active"),
    /* TRANSLATORS: the status of a course of therapy: finished as agreed */
    N_("Ended"),
    /* TRANSLATORS: the status of a course of therapy: the client stopped coming */
    N_("Dropped out"),
  };

  return label_at (labels, G_N_ELEMENTS (labels), status);
}

/* The main tasks of each phase (clinical.md section 1), one short task each, so a session can
 * tick them off (IptSession:tasks-done is a bit set over this list: at most 32 per phase). */
#define MAX_TASKS 12

static const char * const assessment_tasks[] = {
  N_("Review symptoms and make the diagnosis"),
  N_("Give the sick role"),
  N_("Take the interpersonal inventory"),
  N_("Link the onset to interpersonal events"),
  N_("Choose the focus"),
  N_("Agree the formulation with the client"),
  N_("Agree the treatment contract"),
  NULL
};

static const char * const middle_tasks[] = {
  N_("Open with “How have you been since we last met?”"),
  N_("Link mood to the week’s interpersonal events in the focus"),
  N_("Work on the strategies of the agreed focus"),
  NULL
};

static const char * const end_tasks[] = {
  N_("Raise the ending (2 to 4 sessions before the end)"),
  N_("Consolidate gains"),
  N_("Ask why the client feels better"),
  N_("Treat the ending as a role transition"),
  N_("Make a relapse-prevention plan"),
  N_("If there was no improvement: the treatment failed, not the client; offer alternatives"),
  NULL
};

static const char * const maintenance_tasks[] = {
  N_("Review mood since the last monthly session"),
  N_("Check for early warning signs of relapse"),
  N_("Review interpersonal events in the focus area"),
  N_("Revisit the relapse-prevention plan"),
  N_("Agree the date of the next session"),
  NULL
};

const char * const *
ipt_phase_get_tasks (IptPhase phase)
{
  static const char * const * const sources[] = {
    assessment_tasks, middle_tasks, end_tasks, maintenance_tasks,
  };
  /* Translated once; gettext returns strings that live as long as the catalogue. */
  static const char *translated[G_N_ELEMENTS (sources)][MAX_TASKS + 1];
  static gsize initialized = 0;

  if ((guint) phase >= G_N_ELEMENTS (sources))
    return NULL;

  if (g_once_init_enter (&initialized))
    {
      for (guint p = 0; p < G_N_ELEMENTS (sources); p++)
        {
          guint i;

          for (i = 0; sources[p][i] != NULL && i < MAX_TASKS; i++)
            translated[p][i] = _(sources[p][i]);
          translated[p][i] = NULL;
        }
      g_once_init_leave (&initialized, 1);
    }

  return (const char * const *) translated[phase];
}

gboolean
ipt_date_is_valid (const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (iso_date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (iso_date[i]))
        return FALSE;
    }

  year = (iso_date[0] - '0') * 1000 + (iso_date[1] - '0') * 100 + (iso_date[2] - '0') * 10
         + (iso_date[3] - '0');
  month = (iso_date[5] - '0') * 10 + (iso_date[6] - '0');
  day = (iso_date[8] - '0') * 10 + (iso_date[9] - '0');

  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}
