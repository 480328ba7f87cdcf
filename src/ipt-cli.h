/* The command line: every option, and the headless commands that run without a display. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds every option of DESIGN's "Command line" (app and headless) to the application, with
 * translated descriptions, so that --help lists them all. */
void ipt_cli_add_options (GApplication *app);

/* Every option given: file names and texts are borrowed from the options dictionary (NULL when
 * not given), flags TRUE when given. */
typedef struct
{
  const char *database;
  gboolean    demo;
  const char *review;
  guint       n_files;      /* review files named without an option (the desktop's %f) */
  const char *file;         /* the first of them */
  const char *client;
  gboolean    dashboard;
  const char *import_csv;
  gboolean    replace;
  const char *export_csv;
  const char *export_outcomes;
  const char *export_chart;
  const char *export_report;
  gboolean    include_name;
  const char *output;
  gboolean    supervision_pack;
  gboolean    export_review;
  const char *cases;
  const char *include_text;
  const char *merge_review;
  const char *passphrase_file;
  const char *screenshot;
  const char *make_demo;
  const char *clients;
} IptCliOptions;

/* The one lookup of the options, for the headless commands and the window alike (in
 * GApplication::handle-local-options, before any display is opened). */
void ipt_cli_read_options (GVariantDict  *dict,
                           IptCliOptions *options);

/* Runs a headless command when one is given and returns its exit status (0, or 1 with one clear
 * line per problem on stderr); checks the window's options and returns -1 when they are for the
 * window. */
int  ipt_cli_handle_local_options (const IptCliOptions *options);

G_END_DECLS
