/* The practitioner's main window: the caseload on the left, a client's page on the right. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-job.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_WINDOW (ipt_window_get_type ())
G_DECLARE_FINAL_TYPE (IptWindow, ipt_window, IPT, WINDOW, GtkApplicationWindow)

IptWindow *ipt_window_new (GtkApplication *app,
                           IptStore       *store);
IptStore  *ipt_window_get_store (IptWindow *self);
/* Selects the client with this code and shows their page; FALSE when there is none. */
gboolean   ipt_window_show_client (IptWindow  *self,
                                   const char *code);
/* Shows long work under way in the window's busy indicator (its label and progress) until the
 * job finishes, beside any other job's; the notification and its Undo are left alone. */
void       ipt_window_add_job (IptWindow *self,
                               IptJob    *job);
/* Starts the day's automatic backup of the casebook (once a day, the newest N of Preferences
 * kept) in a worker thread, shown in the busy indicator when a copy is made; the application is
 * held until it is done. Returns the job (transfer full). */
IptJob    *ipt_window_back_up_daily (IptWindow *self);
/* Shows an error over the window: what failed (primary) and why. */
void       ipt_window_show_error (IptWindow    *self,
                                  const char   *primary,
                                  const GError *error);
/* Renders the window as it is now into a PNG file. */
gboolean   ipt_window_save_screenshot (IptWindow  *self,
                                       const char *path,
                                       GError    **error);

G_END_DECLS
