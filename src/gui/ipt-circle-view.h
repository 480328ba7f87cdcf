/* The closeness circle as a widget: drawn by the renderer of src/charts/, one small focusable
 * child per person carrying their accessible name, a drag or the keys 1, 2 and 3 to move the
 * selected person to another ring. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_CIRCLE_VIEW (ipt_circle_view_get_type ())
G_DECLARE_FINAL_TYPE (IptCircleView, ipt_circle_view, IPT, CIRCLE_VIEW, GtkWidget)

GtkWidget  *ipt_circle_view_new (void);
/* people: IptPerson (the view keeps references); focus_ids: the people the course's focus
 * (and its secondary focus) are about, n_focus_ids of them. The selection stays on a person
 * still there. */
void        ipt_circle_view_set_people (IptCircleView *self,
                                        GPtrArray     *people,
                                        const gint64  *focus_ids,
                                        guint          n_focus_ids);
/* Property "selected-id": the person selected (0: none). */
gint64      ipt_circle_view_get_selected_id (IptCircleView *self);
void        ipt_circle_view_set_selected_id (IptCircleView *self,
                                             gint64         person_id);
/* Property "show-ideal": each ideal ring that differs from the actual one is drawn too. */
gboolean    ipt_circle_view_get_show_ideal (IptCircleView *self);
void        ipt_circle_view_set_show_ideal (IptCircleView *self,
                                            gboolean       show_ideal);
/* The accessible name given to a person's marker, NULL when they are not shown (for tests). */
const char *ipt_circle_view_get_person_label (IptCircleView *self,
                                              gint64         person_id);

/* Actions (for the pointer, the keys and tests):
 *   circle.drop (xdd)        the person with that id dropped at (x, y) of the widget;
 *   circle.move-selected (u) the selected person to ring 1, 2 or 3 (keys 1, 2, 3).
 * Either emits "move-person" (person id, ring) when the ring changes; the owner writes it. */

G_END_DECLS
