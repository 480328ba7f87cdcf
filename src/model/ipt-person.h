/* A person of the interpersonal inventory, placed on the closeness circle. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Whether the person's arguments with the client resolve (clinical.md section 3). */
typedef enum
{
  IPT_ARGUMENTS_RESOLVE_UNKNOWN,
  IPT_ARGUMENTS_RESOLVE_USUALLY,
  IPT_ARGUMENTS_RESOLVE_SOMETIMES,
  IPT_ARGUMENTS_RESOLVE_RARELY,
} IptArgumentsResolve;

#define IPT_TYPE_ARGUMENTS_RESOLVE (ipt_arguments_resolve_get_type ())
GType       ipt_arguments_resolve_get_type (void);
/* "unknown", "usually", "sometimes", "rarely" (stored as NULL for unknown). */
const char *ipt_arguments_resolve_to_id (IptArgumentsResolve resolve);
gboolean    ipt_arguments_resolve_from_id (const char *id, IptArgumentsResolve *out);
const char *ipt_arguments_resolve_to_label (IptArgumentsResolve resolve);

/* Further free-text fields of the inventory. */
typedef enum
{
  IPT_PERSON_TALK_ABOUT,         /* what can be talked about */
  IPT_PERSON_CANNOT_TALK_ABOUT,  /* what cannot */
  IPT_PERSON_ARGUMENTS,          /* arguments: what about, how they go */
  IPT_PERSON_N_TEXTS,
} IptPersonText;

/* "What can be talked about", ... translated; property names "talk-about", ... */
const char *ipt_person_text_to_label (IptPersonText field);
const char *ipt_person_text_to_name (IptPersonText field);

#define IPT_TYPE_PERSON (ipt_person_get_type ())
G_DECLARE_FINAL_TYPE (IptPerson, ipt_person, IPT, PERSON, GObject)

IptPerson  *ipt_person_new (gint64 client_id, const char *name, const char *relationship, guint ring);

gint64      ipt_person_get_id (IptPerson *self);
void        ipt_person_set_id (IptPerson *self, gint64 id);
gint64      ipt_person_get_client_id (IptPerson *self);
void        ipt_person_set_client_id (IptPerson *self, gint64 client_id);
const char *ipt_person_get_name (IptPerson *self);
void        ipt_person_set_name (IptPerson *self, const char *name);
const char *ipt_person_get_relationship (IptPerson *self);
void        ipt_person_set_relationship (IptPerson *self, const char *relationship);
guint       ipt_person_get_ring (IptPerson *self);        /* 1 closest .. 3 */
void        ipt_person_set_ring (IptPerson *self, guint ring);
guint       ipt_person_get_ideal_ring (IptPerson *self);  /* 0: not set, else 1..3 */
void        ipt_person_set_ideal_ring (IptPerson *self, guint ring);
/* Inventory fields (clinical.md section 3): free text. */
const char *ipt_person_get_contact (IptPerson *self);       /* time together, shared activities */
void        ipt_person_set_contact (IptPerson *self, const char *text);
const char *ipt_person_get_satisfying (IptPerson *self);    /* liked aspects */
void        ipt_person_set_satisfying (IptPerson *self, const char *text);
const char *ipt_person_get_unsatisfying (IptPerson *self);  /* disliked aspects */
void        ipt_person_set_unsatisfying (IptPerson *self, const char *text);
const char *ipt_person_get_changes_wanted (IptPerson *self);
void        ipt_person_set_changes_wanted (IptPerson *self, const char *text);
gboolean    ipt_person_get_knows_about_mood (IptPerson *self);
void        ipt_person_set_knows_about_mood (IptPerson *self, gboolean knows);
const char *ipt_person_get_text (IptPerson *self, IptPersonText field);
void        ipt_person_set_text (IptPerson *self, IptPersonText field, const char *text);
IptArgumentsResolve ipt_person_get_arguments_resolve (IptPerson *self);
void        ipt_person_set_arguments_resolve (IptPerson *self, IptArgumentsResolve resolve);
/* Case-level support and confiding, person by person: a source of support; someone the client
 * confides in. */
gboolean    ipt_person_get_supportive (IptPerson *self);
void        ipt_person_set_supportive (IptPerson *self, gboolean supportive);
gboolean    ipt_person_get_confidant (IptPerson *self);
void        ipt_person_set_confidant (IptPerson *self, gboolean confidant);

gboolean    ipt_person_validate (IptPerson *self, GError **error);

G_END_DECLS
