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

/* The one lookup of an option, for the headless commands and the window alike: whether it was
 * given (a flag set, or a file or text given), and its text (a file name or a string; borrowed
 * from options, NULL when not given or a flag). */
gboolean    ipt_cli_option_given (GVariantDict *options,
                                  const char   *name);
const char *ipt_cli_option_text  (GVariantDict *options,
                                  const char   *name);

G_END_DECLS
