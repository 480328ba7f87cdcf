/* A scrollable grid of equal cards over a list model that makes only the cards in sight (and a
 * row either side) and binds them again as it scrolls. GTK 4.8's GtkGridView keeps thirty rows
 * of widgets alive whatever the window shows: for the dashboard's large cards, hundreds of them
 * to build at the first frame and to lay out at every frame while scrolling. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_CARD_GRID (ipt_card_grid_get_type ())
G_DECLARE_FINAL_TYPE (IptCardGrid, ipt_card_grid, IPT, CARD_GRID, GtkWidget)

/* Makes a card (floating or not: the grid takes it). */
typedef GtkWidget *(*IptCardGridCreateFunc) (gpointer user_data);
/* Shows item (the model's, borrowed) on card; item NULL: the card is put aside. */
typedef void       (*IptCardGridBindFunc)   (GtkWidget *card,
                                             gpointer   item,
                                             gpointer   user_data);

IptCardGrid *ipt_card_grid_new (void);

void         ipt_card_grid_set_funcs (IptCardGrid           *self,
                                      IptCardGridCreateFunc  create,
                                      IptCardGridBindFunc    bind,
                                      gpointer               user_data);
/* The cards' items; the grid follows its "items-changed". */
void         ipt_card_grid_set_model (IptCardGrid *self,
                                      GListModel  *model);
/* Cards at least this wide (default 260), at most max_columns of them in a row (default 6). */
void         ipt_card_grid_set_min_card_width (IptCardGrid *self,
                                               int          width);
void         ipt_card_grid_set_max_columns (IptCardGrid *self,
                                            guint        max_columns);
/* How many card widgets exist (those in sight and a row either side, and spares). */
guint        ipt_card_grid_get_n_cards (IptCardGrid *self);
/* How many times a card was bound to an item: a change to the model binds only the cards of
 * the items it replaced (for tests). */
guint        ipt_card_grid_get_n_binds (IptCardGrid *self);
/* The card showing the item at position, NULL when it is not made (out of sight). */
GtkWidget   *ipt_card_grid_get_card (IptCardGrid *self,
                                     guint        position);
/* Scrolls so that the row of position is in sight. */
void         ipt_card_grid_scroll_to (IptCardGrid *self,
                                      guint        position);

G_END_DECLS
