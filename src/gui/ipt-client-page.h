/* A client's page: header with phase bar, Overview and Sessions tabs. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-mood-chart-view.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_CLIENT_PAGE (ipt_client_page_get_type ())
G_DECLARE_FINAL_TYPE (IptClientPage, ipt_client_page, IPT, CLIENT_PAGE, GtkWidget)

GtkWidget      *ipt_client_page_new (void);
/* Loads the client's records (client_id 0 or store NULL: shows nothing); from then on the page
 * follows the store's announcements. The focus wording follows the preferences (property
 * "us-wording", bound to IptPreferences). */
void            ipt_client_page_set_client (IptClientPage *self,
                                            IptStore      *store,
                                            gint64         client_id);
IptClient      *ipt_client_page_get_client (IptClientPage *self);
/* The course shown: the current one, or an earlier one opened with show_course. */
IptEpisode     *ipt_client_page_get_episode (IptClientPage *self);
/* Shows one of the client's courses (episode_id 0: the current one). An earlier course is shown
 * read only, and says so; the page keeps it while the client is shown. */
void            ipt_client_page_show_course (IptClientPage *self,
                                             gint64         episode_id);
/* TRUE while an earlier course is shown: nothing on the page may change it. */
gboolean        ipt_client_page_get_read_only (IptClientPage *self);
IptMoodChartView *ipt_client_page_get_mood_chart (IptClientPage *self);
GPtrArray      *ipt_client_page_get_sessions (IptClientPage *self);    /* IptSession, by number */
IptCaseSummary *ipt_client_page_get_summary (IptClientPage *self);
/* The current course's risk reviews (IptRiskReview, by date), NULL without a course. */
GPtrArray      *ipt_client_page_get_risk_reviews (IptClientPage *self);
/* The open risk in words (its signal's rule), NULL when risk is not open. */
const char     *ipt_client_page_get_risk_rule (IptClientPage *self);
/* "overview", "sessions", "formulation" or "timeline" */
void            ipt_client_page_show_tab (IptClientPage *self,
                                          const char    *name);

G_END_DECLS
