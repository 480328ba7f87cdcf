/* One entry of a case's supervision log (clinical.md section 7): the date, the sessions
 * discussed, the recordings reviewed and the action points. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_TYPE_SUPERVISION_ENTRY (ipt_supervision_entry_get_type ())
G_DECLARE_FINAL_TYPE (IptSupervisionEntry, ipt_supervision_entry, IPT, SUPERVISION_ENTRY, GObject)

IptSupervisionEntry *ipt_supervision_entry_new (gint64 episode_id, const char *date);

gint64       ipt_supervision_entry_get_id (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_id (IptSupervisionEntry *self, gint64 id);
gint64       ipt_supervision_entry_get_episode_id (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_episode_id (IptSupervisionEntry *self, gint64 episode_id);
const char  *ipt_supervision_entry_get_date (IptSupervisionEntry *self);    /* ISO 8601 */
void         ipt_supervision_entry_set_date (IptSupervisionEntry *self, const char *date);
/* Session numbers discussed, ascending, no repeats; *n_sessions set. */
const guint *ipt_supervision_entry_get_sessions (IptSupervisionEntry *self, guint *n_sessions);
void         ipt_supervision_entry_set_sessions (IptSupervisionEntry *self,
                                                 const guint *sessions, guint n_sessions);
/* The same as text, "3,4,7" ("" for none); from_text fails (FALSE, nothing changed) on anything
 * but session numbers 1 to 99 separated by commas (spaces allowed). */
char        *ipt_supervision_entry_get_sessions_text (IptSupervisionEntry *self);
gboolean     ipt_supervision_entry_set_sessions_text (IptSupervisionEntry *self, const char *text);
guint        ipt_supervision_entry_get_recordings_reviewed (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_recordings_reviewed (IptSupervisionEntry *self, guint n);
const char  *ipt_supervision_entry_get_action_points (IptSupervisionEntry *self);
/* The entry in one line, translated, its date the locale's way: "02.03.2026: sessions 3,4
 * discussed, 1 recording reviewed" (the action points are not in it). */
char        *ipt_supervision_entry_describe (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_action_points (IptSupervisionEntry *self, const char *text);
const char  *ipt_supervision_entry_get_author (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_author (IptSupervisionEntry *self, const char *author);
const char  *ipt_supervision_entry_get_created_at (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_created_at (IptSupervisionEntry *self, const char *created_at);
/* A random id given where the entry was written, so that merging it twice adds it once. */
const char  *ipt_supervision_entry_get_uid (IptSupervisionEntry *self);
void         ipt_supervision_entry_set_uid (IptSupervisionEntry *self, const char *uid);

/* A real date, and at least one session, recording or action point. */
gboolean     ipt_supervision_entry_validate (IptSupervisionEntry *self, GError **error);

/* What accreditation counts (clinical.md section 7), summed over log entries (elements
 * IptSupervisionEntry): entries, distinct sessions discussed per course, recordings reviewed. */
typedef struct
{
  guint n_entries;
  guint n_sessions_discussed;
  guint n_recordings_reviewed;
} IptSupervisionTotals;

void         ipt_supervision_totals_compute (GPtrArray *entries, IptSupervisionTotals *totals);

G_END_DECLS
