/* The command line: every option, and the headless commands that run without a display. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds every option of DESIGN's "Command line" (app and headless) to the application, with
 * translated descriptions, so that --help lists them all. */
void ipt_cli_add_options (GApplication *app);

/* Called from GApplication::handle-local-options, before any display is opened. Runs a
 * headless command when one is given and returns its exit status (0, or 1 with one clear line
 * per problem on stderr); returns -1 when the options are for the window. */
int  ipt_cli_handle_local_options (GVariantDict *options);

G_END_DECLS
