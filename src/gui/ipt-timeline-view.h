/* The Timeline tab of a client's page: the client's life events, each with its impact on mood,
 * drawn against the PHQ-9 of the current course, with their list to add, edit and delete. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_TIMELINE_VIEW (ipt_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (IptTimelineView, ipt_timeline_view, IPT, TIMELINE_VIEW, GtkWidget)

GtkWidget *ipt_timeline_view_new        (void);
/* Shows the life events of client_id and the PHQ-9 of course_id (0: none) from store. The view
 * reads them itself and follows the store's announcements of that client; it is told again only
 * when another client or course is to be shown. */
void       ipt_timeline_view_set_client (IptTimelineView *self,
                                         IptStore        *store,
                                         gint64           client_id,
                                         gint64           course_id);
/* The events shown (IptLifeEvent, by date), for tests. */
GPtrArray *ipt_timeline_view_get_events (IptTimelineView *self);
/* The number of PHQ-9 scores drawn, for tests. */
guint      ipt_timeline_view_get_n_scores (IptTimelineView *self);

/* Read only (the page shows an earlier course): nothing on the tab can be edited. */
void ipt_timeline_view_set_read_only (IptTimelineView *self,
                                      gboolean         read_only);

G_END_DECLS
