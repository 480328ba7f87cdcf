/* One segment per planned session, coloured by phase, filled when attended. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"

G_BEGIN_DECLS

#define IPT_TYPE_PHASE_BAR (ipt_phase_bar_get_type ())
G_DECLARE_FINAL_TYPE (IptPhaseBar, ipt_phase_bar, IPT, PHASE_BAR, GtkWidget)

GtkWidget *ipt_phase_bar_new (void);
/* episode NULL clears the bar; sessions: the course's IptSession records (may be NULL). */
void       ipt_phase_bar_set_course (IptPhaseBar *self,
                                     IptEpisode  *episode,
                                     GPtrArray   *sessions);
guint      ipt_phase_bar_get_n_segments (IptPhaseBar *self);
guint      ipt_phase_bar_get_n_filled (IptPhaseBar *self);

G_END_DECLS
