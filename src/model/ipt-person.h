/* A person of the interpersonal inventory, placed on the closeness circle. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

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
const char *ipt_person_get_satisfying (IptPerson *self);    /* liked aspects, what can be talked about */
void        ipt_person_set_satisfying (IptPerson *self, const char *text);
const char *ipt_person_get_unsatisfying (IptPerson *self);  /* disliked aspects, arguments */
void        ipt_person_set_unsatisfying (IptPerson *self, const char *text);
const char *ipt_person_get_changes_wanted (IptPerson *self);
void        ipt_person_set_changes_wanted (IptPerson *self, const char *text);
gboolean    ipt_person_get_knows_about_mood (IptPerson *self);
void        ipt_person_set_knows_about_mood (IptPerson *self, gboolean knows);

gboolean    ipt_person_validate (IptPerson *self, GError **error);

G_END_DECLS
