/* The practitioner's main window: the caseload on the left, a client's page on the right. */
#pragma once

#include <gtk/gtk.h>

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
/* Shows that long work runs (message beside a spinner, in place of the notification) until
 * called again with NULL; the window stays responsive meanwhile. */
void       ipt_window_set_busy (IptWindow  *self,
                                const char *message);
/* Shows an error over the window: what failed (primary) and why. */
void       ipt_window_show_error (IptWindow    *self,
                                  const char   *primary,
                                  const GError *error);
/* Renders the window as it is now into a PNG file. */
gboolean   ipt_window_save_screenshot (IptWindow  *self,
                                       const char *path,
                                       GError    **error);

G_END_DECLS
