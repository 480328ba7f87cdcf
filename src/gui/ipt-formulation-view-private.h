/* IptFormulationView's insides, shared by ipt-formulation-view.c and its actions file. */
#pragma once

#include "ipt-formulation-view.h"

#include "ipt-model.h"
#include "ipt-store.h"

G_BEGIN_DECLS

typedef struct
{
  GArray *points;    /* IptGoalPoint */
  char   *text;
} GoalLine;

struct _IptFormulationView
{
  GtkWidget       parent_instance;

  IptStore       *store;
  GSignalGroup   *store_signals;  /* "changed" of the store shown */
  gint64          client_id;      /* the client and course shown, 0: none */
  gboolean        stale;          /* changed while hidden: read again when shown */
  gint64          course_id;
  gboolean        us_wording;     /* US names of the focus (the preference, bound) */
  IptClient      *client;         /* as last read from the store */
  IptEpisode     *episode;
  IptFocusFields *primary;        /* the foci and people as last read, shown again when the */
  IptFocusFields *secondary;      /* wording changes */
  GPtrArray      *people;
  gboolean        read_only;      /* an earlier course: nothing here may change it */
  GPtrArray      *goals;          /* IptGoal */
  GPtrArray      *goal_lines;     /* GoalLine, one per goal */
  GArray         *stages;         /* IptDisputeStageChange of the primary focus, or NULL */
  guint           last_rated;     /* the latest session with a rating */
  char           *contract;

  GtkLabel       *contract_label;
  GtkLabel       *focus_label;
  GtkLabel       *focus_detail_label;
  GtkLabel       *focus_missing_label;
  GtkLabel       *secondary_label;
  GtkLabel       *secondary_detail_label;
  GtkLabel       *secondary_missing_label;
  GtkWidget      *stages_card;
  GtkLabel       *stage_label;
  GtkListBox     *stages_list;
  GtkLabel       *formulation_label;
  GtkLabel       *agreed_label;
  GtkListBox     *goals_list;
  GtkDrawingArea *goal_chart;
};

void _ipt_formulation_view_show_error          (IptFormulationView *self,
                                                const char         *primary,
                                                const GError       *error);

void _ipt_formulation_view_edit_action         (GtkWidget          *widget,
                                                const char         *action_name,
                                                GVariant           *parameter);
void _ipt_formulation_view_add_goal_action     (GtkWidget          *widget,
                                                const char         *action_name,
                                                GVariant           *parameter);
void _ipt_formulation_view_edit_goal_action    (GtkWidget          *widget,
                                                const char         *action_name,
                                                GVariant           *parameter);
void _ipt_formulation_view_delete_goal_action  (GtkWidget          *widget,
                                                const char         *action_name,
                                                GVariant           *parameter);
void _ipt_formulation_view_remove_stage_action (GtkWidget          *widget,
                                                const char         *action_name,
                                                GVariant           *parameter);

G_END_DECLS
