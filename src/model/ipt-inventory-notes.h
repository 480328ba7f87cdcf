/* The case-level fields of the interpersonal inventory (clinical.md section 3). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IPT_INVENTORY_SOCIAL_SUPPORT,
  IPT_INVENTORY_CONFIDING,
  IPT_INVENTORY_COMMUNICATION_STYLE,
  IPT_INVENTORY_ONSET_CHANGES,
  IPT_INVENTORY_N_TEXTS,
} IptInventoryText;

/* "Social support", "Confiding relationships", ... translated; property names "social-support", ... */
const char *ipt_inventory_text_to_label (IptInventoryText field);
const char *ipt_inventory_text_to_name (IptInventoryText field);

#define IPT_TYPE_INVENTORY_NOTES (ipt_inventory_notes_get_type ())
G_DECLARE_FINAL_TYPE (IptInventoryNotes, ipt_inventory_notes, IPT, INVENTORY_NOTES, GObject)

IptInventoryNotes *ipt_inventory_notes_new (gint64 client_id);

gint64      ipt_inventory_notes_get_client_id (IptInventoryNotes *self);
void        ipt_inventory_notes_set_client_id (IptInventoryNotes *self, gint64 client_id);
const char *ipt_inventory_notes_get_text (IptInventoryNotes *self, IptInventoryText field);
void        ipt_inventory_notes_set_text (IptInventoryNotes *self, IptInventoryText field, const char *text);
/* TRUE when every field is empty. */
gboolean    ipt_inventory_notes_is_empty (IptInventoryNotes *self);
gboolean    ipt_inventory_notes_validate (IptInventoryNotes *self, GError **error);

G_END_DECLS
