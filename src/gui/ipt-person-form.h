/* Adding or editing a person of the interpersonal inventory: every field of clinical.md
 * section 3, the closeness ring and the ideal one. */
#pragma once

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_PERSON_FORM (ipt_person_form_get_type ())
G_DECLARE_FINAL_TYPE (IptPersonForm, ipt_person_form, IPT, PERSON_FORM, IptFormWindow)

/* person NULL: a new person of client_id's inventory. Saves with the action "person.save"
 * (Ctrl+S), then emits "saved" (the person's id) and closes. */
IptPersonForm *ipt_person_form_new (GtkWindow *parent,
                                    IptStore  *store,
                                    gint64     client_id,
                                    IptPerson *person);
/* Fills a field as typing would: "name", "relationship", or a text's property name of
 * IptPerson ("contact", "satisfying", "unsatisfying", "changes-wanted", "talk-about",
 * "cannot-talk-about", "arguments"). */
void           ipt_person_form_set_text (IptPersonForm *self,
                                         const char    *field,
                                         const char    *text);
gboolean       ipt_person_form_get_can_save (IptPersonForm *self);

G_END_DECLS
