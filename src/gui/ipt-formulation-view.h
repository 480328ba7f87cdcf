/* The Formulation tab of a client's page: the focus and secondary focus with their fields, a
 * role dispute's stages, the formulation and the date the client agreed it, the contract in one
 * line, and the goals with a small chart of their ratings. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_FORMULATION_VIEW (ipt_formulation_view_get_type ())
G_DECLARE_FINAL_TYPE (IptFormulationView, ipt_formulation_view, IPT, FORMULATION_VIEW, GtkWidget)

GtkWidget *ipt_formulation_view_new        (void);
/* Shows course_id of client_id from store (any of them NULL or 0: nothing). The view reads it
 * itself and follows the store's announcements of that client; it is told again only when
 * another client or course is to be shown. The focus wording follows the preferences (property
 * "us-wording", bound to them). */
void       ipt_formulation_view_set_course (IptFormulationView *self,
                                            IptStore           *store,
                                            gint64              client_id,
                                            gint64              course_id);
/* The goals shown (IptGoal, in the course's order) and the contract line, for tests. */
GPtrArray  *ipt_formulation_view_get_goals    (IptFormulationView *self);
const char *ipt_formulation_view_get_contract (IptFormulationView *self);

/* Read only (an earlier course): nothing on the tab can be edited. */
void ipt_formulation_view_set_read_only (IptFormulationView *self,
                                         gboolean            read_only);

G_END_DECLS
