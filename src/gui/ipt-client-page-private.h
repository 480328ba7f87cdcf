/* IptClientPage's instance, shared by ipt-client-page.c and ipt-client-page-sessions.c. */
#pragma once

#include "ipt-client-page.h"
#include "ipt-phase-bar.h"

G_BEGIN_DECLS

struct _IptClientPage
{
  GtkWidget       parent_instance;

  IptStore       *store;
  GSignalGroup   *store_signals;     /* "changed" of the store shown */
  GBindingGroup  *client_bindings;   /* labels bound to the client shown */
  GBindingGroup  *summary_bindings;  /* and to their case summary */
  gint64          client_id;
  IptClient      *client;
  IptEpisode     *episode;
  IptCaseSummary *summary;
  GPtrArray      *sessions;          /* IptSession of the current course, by number */
  GHashTable     *scores;            /* session id (gint64 *) -> GPtrArray of IptScore */
  GListStore     *session_store;
  gboolean        us_wording;

  GtkWidget      *mood_chart;

  GtkLabel       *name_label;
  GtkLabel       *details_label;
  IptPhaseBar    *phase_bar;
  GtkLabel       *progress_label;
  GtkLabel       *risk_label;
  GtkStack       *course_stack;
  GtkWidget      *record_button;
  GtkStack       *tabs_stack;
  GtkBox         *chart_box;
  GtkToggleButton *phq9_toggle;
  GtkToggleButton *gad7_toggle;
  GtkToggleButton *wsas_toggle;
  GtkLabel       *phq9_value_label;
  GtkLabel       *phq9_change_label;
  GtkLabel       *gad7_value_label;
  GtkLabel       *gad7_change_label;
  GtkWidget      *signal_card;
  GtkLabel       *signal_label;
  GtkLabel       *signal_rule_label;
  GtkLabel       *outcome_title_label;
  GtkLabel       *outcome_label;
  GtkLabel       *outcome_rule_label;
  GtkLabel       *tasks_title_label;
  GtkBox         *tasks_box;
  GtkStack       *sessions_stack;
  GtkColumnView  *sessions_view;
  GPtrArray      *risk_reviews;      /* IptRiskReview of the current course, by date */
  GtkWidget      *risk_review_button;
  GtkBox         *risk_reviews_box;
  GtkWidget      *formulation_view;  /* IptFormulationView */
  GtkWidget      *timeline_view;     /* IptTimelineView */
  GtkWidget      *inventory_view;    /* IptInventoryView */
  IptStore       *tabs_store;        /* what the chart and the tabs were told to show: they */
  gint64          tabs_client_id;    /* follow the store by themselves and are told again */
  gint64          tabs_course_id;    /* only when another client or course is shown */
  gboolean        tabs_read_only;
  GMenu          *earlier_section;   /* the client menu's earlier courses */
  GtkLabel       *glance_label;      /* age, contact, referrer, last seen */
  GtkLabel       *quiet_label;       /* "No session for 4 weeks" */
  GHashTable     *attendees;         /* session id (gint64 *) -> "Jamie, partner; …", or NULL */
  GtkWidget      *supervision_card;  /* made when first shown */
  GtkBox         *supervision_box;
  gint64          unread_episode_id; /* course whose new supervision the page shows, 0: none */
  gboolean        unread_seen;       /* the page was on screen meanwhile */
  gint64          course_id;         /* the course asked for; 0: the current one */
  gboolean        earlier;           /* an earlier course is shown: read only */
  GtkWidget      *earlier_bar;       /* says so, with the way back */
  GtkLabel       *earlier_label;
  GtkLabel       *ending_label;      /* its ending and relapse-prevention plan */
};

/* The supervision card of the Overview (ipt-client-page-supervision.c); new comments count as
 * read once the page that showed them is left (note_mapped: it is on screen). */
void _ipt_client_page_show_supervision (IptClientPage *self);
void _ipt_client_page_note_mapped (IptClientPage *self);
void _ipt_client_page_leave_supervision (IptClientPage *self);

/* Adds the columns of the Sessions tab, with their factories and sorters, and its sorted model. */
void _ipt_client_page_add_columns (IptClientPage *self);
/* Reads the course's risk reviews (ipt-client-page-risk.c); FALSE with error when it cannot. */
gboolean _ipt_client_page_load_risk_reviews (IptClientPage *self,
                                             GError       **error);
/* Lists the risk reviews on the Overview and offers a review while risk is open. */
void _ipt_client_page_show_risk_reviews (IptClientPage *self);
/* When an earlier course was asked for (self->course_id), puts its summary in place of the
 * current course's and sets self->earlier; a course that is gone, or the current one, leaves
 * the current course shown. FALSE with error when it cannot be read. */
gboolean _ipt_client_page_load_earlier (IptClientPage *self,
                                        GError       **error);
/* Shows or hides the bar over an earlier course ("Course 1, ended 12 March 2025 — read only"). */
void _ipt_client_page_show_earlier_bar (IptClientPage *self);
/* Offers each of the client's earlier courses, to open and as a case report, in the client
 * menu. */
void _ipt_client_page_show_earlier_courses (IptClientPage *self);
/* Reads who attended the course's joint sessions into self->attendees. */
void _ipt_client_page_load_attendees (IptClientPage *self);
/* What the practitioner needs at a glance: age, contact details, referrer, when the client was
 * last seen, and a running course gone quiet (ipt-client-page-glance.c). */
void _ipt_client_page_show_glance (IptClientPage *self);
/* How far the course's phase tasks are done (ipt-client-page-tasks.c). */
void _ipt_client_page_phase_progress (IptClientPage    *self,
                                      IptPhase          phase,
                                      IptPhaseProgress *progress);

G_END_DECLS
