/* The Timeline tab of a client's page: the client's life events, each with its impact on mood,
 * drawn against the PHQ-9 of the current course, with their list to add, edit and delete. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_TIMELINE_VIEW (ipt_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (IptTimelineView, ipt_timeline_view, IPT, TIMELINE_VIEW, GtkWidget)

GtkWidget *ipt_timeline_view_new        (void);
/* Shows the life events of client and the PHQ-9 of episode (either may be NULL). The client page
 * calls it each time it reloads from the store's announcements. */
void       ipt_timeline_view_set_client (IptTimelineView *self,
                                         IptStore        *store,
                                         IptClient       *client,
                                         IptEpisode      *episode);
/* The events shown (IptLifeEvent, by date), for tests. */
GPtrArray *ipt_timeline_view_get_events (IptTimelineView *self);
/* The number of PHQ-9 scores drawn, for tests. */
guint      ipt_timeline_view_get_n_scores (IptTimelineView *self);

/* Read only (the page shows an earlier course): nothing on the tab can be edited. */
void ipt_timeline_view_set_read_only (IptTimelineView *self,
                                      gboolean         read_only);

G_END_DECLS
