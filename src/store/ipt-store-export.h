/* What the CSV exports read from the casebook, as plain rows (the formatting is in export/). */
#pragma once

#include <gio/gio.h>

#include "ipt-store.h"

G_BEGIN_DECLS

/* One score as the scores CSV writes it. */
typedef struct
{
  char             *client_code;
  guint             course;    /* the course's ordinal, 1 for the client's first */
  guint             session;   /* number in that course */
  char             *date;      /* ISO 8601 */
  const IptMeasure *measure;
  int               total;     /* IPT_TOTAL_NONE when none */
  guint             n_items;   /* 0: a total without item answers */
  int              *items;     /* IPT_ITEM_MISSING for an unanswered item */
} IptScoreRow;

void       ipt_score_row_free (IptScoreRow *row);

/* Every score of every course, sorted by client code, course, session number, then measure in
 * registry order (phq9, gad7, wsas, ...). Elements IptScoreRow. */
GPtrArray *ipt_store_export_scores (IptStore *self, GError **error);

/* One course with what its outcome is computed from. */
typedef struct
{
  char             *client_code;
  guint             ordinal;          /* 1 for the client's first course */
  IptEpisodeStatus  status;
  guint             planned_sessions;
  guint             assessment_end;
  guint             middle_end;
  GArray           *appointments;     /* IptAppointment: every session, by number */
  GArray           *phq9;             /* IptSeriesPoint: PHQ-9 totals of the attended sessions,
                                       * by session number */
  GArray           *gad7;             /* IptSeriesPoint: GAD-7 totals likewise */
} IptEpisodeTotals;

void       ipt_episode_totals_free (IptEpisodeTotals *totals);

/* Every course of every client, sorted by client code then ordinal. Elements IptEpisodeTotals.
 * ipt_course_map_new () of the contract and appointments says which sessions count. */
GPtrArray *ipt_store_export_episode_totals (IptStore *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptScoreRow, ipt_score_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptEpisodeTotals, ipt_episode_totals_free)

G_END_DECLS
