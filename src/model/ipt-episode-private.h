/* IptEpisode's instance, shared by ipt-episode.c and ipt-episode-contract.c. */
#pragma once

#include "ipt-episode.h"

G_BEGIN_DECLS

struct _IptEpisode
{
  GObject parent_instance;

  gint64 id;
  gint64 client_id;
  guint ordinal;
  char *start_date;
  guint planned_sessions;
  guint assessment_end;
  guint middle_end;
  IptFocus focus;
  IptFocus secondary_focus;
  IptDisputeStage dispute_stage;
  gint64 focus_person_id;
  char *focus_date;
  char *old_role;
  char *new_role;
  char *formulation;
  char *agreed_on;
  IptEpisodeStatus status;
  char *end_date;
  char *end_reason;
};

G_END_DECLS
