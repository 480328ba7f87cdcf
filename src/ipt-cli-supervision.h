/* The supervision commands of the command line: --supervision-pack, --export-review and
 * --merge-review (ipt-cli.c parses the options and opens the casebook). */
#pragma once

#include "ipt-store.h"

G_BEGIN_DECLS

typedef enum
{
  IPT_CLI_SUPERVISION_PACK,
  IPT_CLI_EXPORT_REVIEW,
  IPT_CLI_MERGE_REVIEW,
} IptCliSupervisionCommand;

typedef struct
{
  const char *output;            /* --output (pack, export) */
  const char *cases;             /* --cases, or NULL */
  const char *include_text;      /* --include-text: codes whose free text goes too, or NULL */
  const char *review;            /* --merge-review FILE */
  const char *passphrase_file;   /* --passphrase-file, or NULL: ask on the terminal */
} IptCliSupervisionArgs;

/* Runs the command on an open casebook; returns the exit status (0, or 1 after one line on
 * standard error). */
int _ipt_cli_run_supervision (IptStore                    *store,
                              IptCliSupervisionCommand     command,
                              const IptCliSupervisionArgs *args);

/* The passphrase: the first line of `path`, or asked on the terminal without echo (twice when
 * `confirm`). NULL after one line on standard error. */
char *_ipt_cli_read_passphrase (const char *path,
                                gboolean    confirm);
/* Wipes and frees what _ipt_cli_read_passphrase () returned. */
void  _ipt_cli_free_passphrase (char *passphrase);

G_END_DECLS
