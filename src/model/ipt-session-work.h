/* What a session did by technique (communication analysis, decision analysis, role play) and
 * who from the inventory attended a joint session. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IPT_TECHNIQUE_COMMUNICATION_ANALYSIS,
  IPT_TECHNIQUE_DECISION_ANALYSIS,
  IPT_TECHNIQUE_ROLE_PLAY,
  IPT_N_TECHNIQUES,
} IptTechnique;

/* The structured sections of each technique, in the order a form shows them. */
typedef enum
{
  IPT_TECHNIQUE_FIELD_INTERACTION,     /* communication analysis: the interaction */
  IPT_TECHNIQUE_FIELD_SAID,            /* what was said */
  IPT_TECHNIQUE_FIELD_MEANT,           /* what was meant */
  IPT_TECHNIQUE_FIELD_ALTERNATIVES,    /* what else could be said */
  IPT_TECHNIQUE_FIELD_OPTIONS,         /* decision analysis: the options */
  IPT_TECHNIQUE_FIELD_PROS_CONS,       /* pros and cons */
  IPT_TECHNIQUE_FIELD_CHOICE,          /* the choice */
  IPT_TECHNIQUE_FIELD_REHEARSED,       /* role play: what was rehearsed */
  IPT_TECHNIQUE_FIELD_HOW_IT_WENT,     /* how it went */
  IPT_TECHNIQUE_N_FIELDS,
} IptTechniqueField;

#define IPT_TYPE_TECHNIQUE (ipt_technique_get_type ())
GType         ipt_technique_get_type (void);

/* "Communication analysis", ...; ids "communication-analysis", ... (the GEnum nicks). */
const char   *ipt_technique_to_label (IptTechnique technique);
const char   *ipt_technique_to_id (IptTechnique technique);
gboolean      ipt_technique_from_id (const char *id, IptTechnique *out);
IptTechnique  ipt_technique_field_get_technique (IptTechniqueField field);
/* "The interaction", "What was said", ... translated; property names "interaction", ... */
const char   *ipt_technique_field_to_label (IptTechniqueField field);
const char   *ipt_technique_field_to_name (IptTechniqueField field);

/* One person who attended a joint session: from the inventory (person_id, with its name and
 * relationship as read), or described in words (person_id 0). */
typedef struct
{
  gint64  session_id;
  gint64  person_id;
  char   *name;
  char   *relationship;
  char   *description;
} IptAttendee;

IptAttendee *ipt_attendee_new (gint64 session_id, gint64 person_id, const char *name,
                               const char *relationship, const char *description);
void         ipt_attendee_free (IptAttendee *attendee);
/* "Jamie, partner", "Jamie", or the words given; newly allocated. */
char        *ipt_attendee_to_label (const IptAttendee *attendee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptAttendee, ipt_attendee_free)

#define IPT_TYPE_SESSION_WORK (ipt_session_work_get_type ())
G_DECLARE_FINAL_TYPE (IptSessionWork, ipt_session_work, IPT, SESSION_WORK, GObject)

IptSessionWork *ipt_session_work_new (gint64 session_id);

gint64        ipt_session_work_get_session_id (IptSessionWork *self);
void          ipt_session_work_set_session_id (IptSessionWork *self, gint64 session_id);
const char   *ipt_session_work_get_text (IptSessionWork *self, IptTechniqueField field);
void          ipt_session_work_set_text (IptSessionWork *self, IptTechniqueField field, const char *text);
/* TRUE when a section of that technique holds text. */
gboolean      ipt_session_work_uses_technique (IptSessionWork *self, IptTechnique technique);
/* The people of the inventory who attended with the client (ids, in the order given). */
const gint64 *ipt_session_work_get_attendee_ids (IptSessionWork *self, guint *n_ids);
void          ipt_session_work_set_attendee_ids (IptSessionWork *self, const gint64 *ids, guint n_ids);
/* Someone not in the inventory, in words ("a friend from church"); NULL: nobody. */
const char   *ipt_session_work_get_other_attendee (IptSessionWork *self);
void          ipt_session_work_set_other_attendee (IptSessionWork *self, const char *text);
gboolean      ipt_session_work_has_attendees (IptSessionWork *self);

/* Texts that are UTF-8, attendee ids that are real and given once. */
gboolean      ipt_session_work_validate (IptSessionWork *self, GError **error);

G_END_DECLS
