/* Shared inside the Inventory tab's files only (ipt-inventory-view*.c). */
#pragma once

#include "ipt-inventory-view.h"

G_BEGIN_DECLS

struct _IptInventoryView
{
  GtkWidget          parent_instance;

  IptStore          *store;
  GSignalGroup      *store_signals;
  gint64             client_id;
  gint64             episode_id;
  GPtrArray         *people;          /* IptPerson, as listed by the store */
  GListStore        *model;           /* the same, for the list: items replaced one by one */
  IptInventoryNotes *notes;
  GtkWindow         *question;        /* deleting a person, while open */
  GtkWindow         *form;            /* a form opened from here, while open */
  char              *move_error;
  gboolean           selecting;       /* the list and the circle follow each other */
  gboolean           read_only;       /* the page shows an earlier course: look, never change */

  GtkWidget         *main_box;
  IptCircleView     *circle;
  GtkLabel          *move_error_label;
  GtkLabel          *focus_label;
  GtkStack          *people_stack;
  GtkListBox        *people_list;
  GtkWidget         *details_box;
  GtkLabel          *details_title;
  GtkGrid           *details_grid;
  GtkGrid           *notes_grid;
  GtkLabel          *notes_empty_label;
  gboolean           stale;           /* changed while hidden: read again when shown */
};

IptPerson *_ipt_inventory_view_find_person     (IptInventoryView *self,
                                                gint64            person_id);
IptPerson *_ipt_inventory_view_selected_person (IptInventoryView *self);
GtkWindow *_ipt_inventory_view_parent_window   (IptInventoryView *self);
/* inventory.delete-person: asks, naming what links to the person, then deletes with Undo
 * (ipt-inventory-view-delete.c). */
void       _ipt_inventory_view_delete_person_action (GtkWidget  *widget,
                                                     const char *action_name,
                                                     GVariant   *parameter);

G_END_DECLS
