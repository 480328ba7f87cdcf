/* The Inventory tab of a client's page: the closeness circle, the people of the interpersonal
 * inventory with every field of the selected one, and the case-level inventory. It follows the
 * store's announcements. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-circle-view.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_INVENTORY_VIEW (ipt_inventory_view_get_type ())
G_DECLARE_FINAL_TYPE (IptInventoryView, ipt_inventory_view, IPT, INVENTORY_VIEW, GtkWidget)

GtkWidget     *ipt_inventory_view_new (void);
/* Shows client_id's inventory, with the focus people of the course episode_id (0: no course);
 * store NULL or client_id 0 shows nothing. From then on the view follows the store. */
void           ipt_inventory_view_set_client (IptInventoryView *self,
                                              IptStore         *store,
                                              gint64            client_id,
                                              gint64            episode_id);
/* The people shown (IptPerson, as the circle draws them). */
GPtrArray     *ipt_inventory_view_get_people (IptInventoryView *self);
IptCircleView *ipt_inventory_view_get_circle (IptInventoryView *self);
/* The last refusal shown beside the circle ("" when none). */
const char    *ipt_inventory_view_get_move_error (IptInventoryView *self);
/* The question open over the window (deleting a person), or NULL (for tests). */
GtkWindow     *ipt_inventory_view_get_question (IptInventoryView *self);
/* The form the view last opened that is still open, or NULL (for tests). */
GtkWindow     *ipt_inventory_view_get_form (IptInventoryView *self);

/* Actions: inventory.add-person, inventory.edit-person, inventory.delete-person (asks first),
 * inventory.edit-notes; inventory.select-person (x) selects a person in the list and circle. */

/* Read only (the page shows an earlier course): the inventory is shown, never changed. */
void ipt_inventory_view_set_read_only (IptInventoryView *self,
                                       gboolean          read_only);

G_END_DECLS
