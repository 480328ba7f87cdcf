/* Editing the case-level fields of the interpersonal inventory: social support, confiding
 * relationships, communication style and changes around the onset. */
#pragma once

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_INVENTORY_NOTES_FORM (ipt_inventory_notes_form_get_type ())
G_DECLARE_FINAL_TYPE (IptInventoryNotesForm, ipt_inventory_notes_form, IPT, INVENTORY_NOTES_FORM,
                      IptFormWindow)

/* notes: what the store holds now (NULL: none yet). Saves with "inventory-notes.save"
 * (Ctrl+S), then emits "saved" (the client's id) and closes. */
IptInventoryNotesForm *ipt_inventory_notes_form_new (GtkWindow         *parent,
                                                     IptStore          *store,
                                                     gint64             client_id,
                                                     IptInventoryNotes *notes);
/* Fills a field as typing would (for tests). */
void                   ipt_inventory_notes_form_set_text (IptInventoryNotesForm *self,
                                                          IptInventoryText       field,
                                                          const char            *text);

G_END_DECLS
