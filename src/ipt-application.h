/* The application: command line, store, window, app-wide actions. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_APPLICATION (ipt_application_get_type ())
G_DECLARE_FINAL_TYPE (IptApplication, ipt_application, IPT, APPLICATION, GtkApplication)

IptApplication *ipt_application_new (void);

/* Makes an uninstalled build find its GSettings schema: when the installed schema is missing,
 * prepends the build's data directory to GSETTINGS_SCHEMA_DIR. Call before any GSettings. */
void            ipt_application_ensure_schemas (void);

/* 0, or 1 when --screenshot could not write its file. */
int             ipt_application_get_exit_status (IptApplication *self);

/* Its actions: app.open-demo opens the demo caseload (made when missing, off the main thread)
 * in a new window; app.preferences, app.about, app.quit. */

G_END_DECLS
