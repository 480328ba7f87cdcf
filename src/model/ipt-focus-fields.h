/* The fields of one focus of a course (primary or secondary), and a dispute's stage history. */
#pragma once

#include <glib-object.h>

#include "ipt-enums.h"

G_BEGIN_DECLS

/* A change of a role dispute's stage, recorded at a session of the course. */
typedef struct
{
  guint           session_number;
  IptDisputeStage stage;
} IptDisputeStageChange;

#define IPT_TYPE_FOCUS_FIELDS (ipt_focus_fields_get_type ())
G_DECLARE_FINAL_TYPE (IptFocusFields, ipt_focus_fields, IPT, FOCUS_FIELDS, GObject)

/* secondary: FALSE for the course's primary focus, TRUE for its optional second one. */
IptFocusFields  *ipt_focus_fields_new (gint64 episode_id, gboolean secondary, IptFocus focus);

gint64           ipt_focus_fields_get_episode_id (IptFocusFields *self);
void             ipt_focus_fields_set_episode_id (IptFocusFields *self, gint64 episode_id);
gboolean         ipt_focus_fields_get_secondary (IptFocusFields *self);
IptFocus         ipt_focus_fields_get_focus (IptFocusFields *self);
void             ipt_focus_fields_set_focus (IptFocusFields *self, IptFocus focus);
/* Grief: the person who died; role dispute: the other person (inventory ids, 0: none). */
gint64           ipt_focus_fields_get_person_id (IptFocusFields *self);
void             ipt_focus_fields_set_person_id (IptFocusFields *self, gint64 person_id);
/* Grief: date of death; role transition: date of the change. */
const char      *ipt_focus_fields_get_date (IptFocusFields *self);
void             ipt_focus_fields_set_date (IptFocusFields *self, const char *date);
const char      *ipt_focus_fields_get_old_role (IptFocusFields *self);
void             ipt_focus_fields_set_old_role (IptFocusFields *self, const char *old_role);
const char      *ipt_focus_fields_get_new_role (IptFocusFields *self);
void             ipt_focus_fields_set_new_role (IptFocusFields *self, const char *new_role);
/* Role dispute: the current stage (the latest change recorded at a session). */
IptDisputeStage  ipt_focus_fields_get_dispute_stage (IptFocusFields *self);
void             ipt_focus_fields_set_dispute_stage (IptFocusFields *self, IptDisputeStage stage);

/* Checks what is filled in: a date of death not after today (NULL: the local date) nor before
 * the client's birth_date (NULL: unknown), a change of role not before birth, a real stage,
 * texts that are UTF-8. Fields the focus does not use must be empty. A translated
 * G_IO_ERROR_INVALID_DATA naming the field. */
gboolean         ipt_focus_fields_validate (IptFocusFields *self, const char *birth_date,
                                            const char *today, GError **error);
/* What the focus still asks for, in words ("Choose the person who died from the inventory"),
 * or NULL when nothing is missing. A person removed from the inventory leaves the focus in
 * place, asking for a person again. */
const char      *ipt_focus_fields_get_missing (IptFocusFields *self);

/* The contract in one line: "16 sessions, weekly, focus: Role dispute with Jamie" (with the
 * person who died for grief, the old and new role for a transition); person_name is the focus
 * person's name or NULL. Translated, newly allocated. */
char            *ipt_focus_fields_describe_contract (IptFocusFields *self, guint planned_sessions,
                                                     const char *person_name);

/* Checks one stage change: a session number 1 to 99 and a stage that is not "none". */
gboolean         ipt_dispute_stage_change_validate (const IptDisputeStageChange *change,
                                                    GError                     **error);

G_END_DECLS
