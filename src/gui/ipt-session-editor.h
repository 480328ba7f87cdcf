/* Recording or editing a session: attendance, questionnaires item by item, tasks, notes. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-session-work-form.h"
#include "ipt-store.h"
#include "ipt-store-snapshot.h"

G_BEGIN_DECLS

#define IPT_TYPE_SESSION_EDITOR (ipt_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (IptSessionEditor, ipt_session_editor, IPT, SESSION_EDITOR, IptFormWindow)

/* session NULL: a new session of the course, numbered after `sessions` (the course's sessions).
 * Emits "saved" (session id) after the store saved it, "deleted" (the session) after the store
 * deleted it with all its records (ipt_session_editor_steal_deleted () keeps them for Undo);
 * then closes. "record-risk-review" (the session's date or
 * NULL, the risk banner's text or NULL) asks for the risk review form over this one. */
IptSessionEditor *ipt_session_editor_new (GtkWindow  *parent,
                                          IptStore   *store,
                                          IptEpisode *episode,
                                          GPtrArray  *sessions,
                                          IptSession *session);

/* For tests and keyboard users alike: answer an item (IPT_ITEM_MISSING clears it). */
void              ipt_session_editor_set_item (IptSessionEditor *self,
                                               const char       *measure_id,
                                               guint             item,
                                               int              value);
/* Types the total of a totals-only questionnaire (BDI-II, EPDS); "" clears it. */
void              ipt_session_editor_set_total (IptSessionEditor *self,
                                                const char       *measure_id,
                                                const char       *text);
/* "16 · moderately severe", "3 of 9 answered", "Not taken" */
const char       *ipt_session_editor_get_total_text (IptSessionEditor *self,
                                                     const char       *measure_id);
gboolean          ipt_session_editor_get_risk (IptSessionEditor *self);
gboolean          ipt_session_editor_get_can_save (IptSessionEditor *self);
/* The question asked before saving a date before the previous session's or far ahead (its
 * "Save Anyway" saves), NULL when none is open. */
GtkWindow        *ipt_session_editor_get_date_question (IptSessionEditor *self);
/* The technique sections, who attended and the goal ratings, saved with the session. */
IptSessionWorkForm *ipt_session_editor_get_work_form (IptSessionEditor *self);
/* After "deleted": every record the deletion took, for Undo (the caller owns it). */
IptSessionSnapshot *ipt_session_editor_steal_deleted (IptSessionEditor *self);

G_END_DECLS
