/* The session form's date: the one a new session suggests, and the question asked before a
 * date that needs asking about is saved (the rules are ipt-session-flow.h's). */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"

G_BEGIN_DECLS

/* A week after the course's last session (sessions: IptSession by number), or its start date,
 * or today. Newly allocated. */
char      *_ipt_session_default_date (IptEpisode *episode,
                                      GPtrArray  *sessions);
/* The date of the session before number `number` in sessions, leaving out the session with id
 * `self_id` (the one being edited); NULL when there is none. */
const char *_ipt_session_previous_date (GPtrArray *sessions,
                                        guint      number,
                                        gint64     self_id);
/* Asks question over parent ("… Save it anyway?"); on "Save Anyway" calls confirmed (user_data)
 * once. Returns the question's window, which closes itself. */
GtkWindow *_ipt_session_ask_date (GtkWindow  *parent,
                                  const char *question,
                                  GCallback   confirmed,
                                  gpointer    user_data);

G_END_DECLS
