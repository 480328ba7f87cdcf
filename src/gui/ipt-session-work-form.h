/* The session form's work: the technique sections (communication analysis, decision analysis,
 * role play), who attended a joint session from the inventory or in words, and the ratings of
 * the course's goals at the session. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_SESSION_WORK_FORM (ipt_session_work_form_get_type ())
G_DECLARE_FINAL_TYPE (IptSessionWorkForm, ipt_session_work_form, IPT, SESSION_WORK_FORM, GtkWidget)

GtkWidget *ipt_session_work_form_new   (void);
/* Reads the client's people, the course's goals and, for a stored session (session_id and
 * number), its work and ratings. Emits "changed" when the input changes afterwards. */
gboolean   ipt_session_work_form_load  (IptSessionWorkForm *self,
                                        IptStore           *store,
                                        IptEpisode         *episode,
                                        gint64              session_id,
                                        guint               number,
                                        GError            **error);
/* Whether the session was a joint one: only then can people be chosen as attending. */
void       ipt_session_work_form_set_joint (IptSessionWorkForm *self,
                                            gboolean            joint);
/* The card of who attended a joint session with the client, for the session form to place
 * beside its "Who attended" (it stays the work form's: its choices are read and saved here). */
GtkWidget *ipt_session_work_form_get_attendees (IptSessionWorkForm *self);
/* Everything the form holds, as text. */
char      *ipt_session_work_form_get_state (IptSessionWorkForm *self);
/* Writes the work and the goal ratings of the session (call inside ipt_store_begin). */
gboolean   ipt_session_work_form_save  (IptSessionWorkForm *self,
                                        gint64              session_id,
                                        guint               number,
                                        GError            **error);

/* For tests and keyboard users alike: as typing, ticking and choosing would. */
void       ipt_session_work_form_set_text (IptSessionWorkForm *self,
                                           IptTechniqueField   field,
                                           const char         *text);
void       ipt_session_work_form_set_attendee (IptSessionWorkForm *self,
                                               gint64              person_id,
                                               gboolean            attended);
void       ipt_session_work_form_set_other (IptSessionWorkForm *self,
                                            const char         *text);
/* rating 0..10 or IPT_GOAL_RATING_NONE */
void       ipt_session_work_form_set_rating (IptSessionWorkForm *self,
                                             gint64              goal_id,
                                             int                 rating);

G_END_DECLS
