/* The command line (replaced by the headless commands work). */
#include "config.h"

#include "ipt-cli.h"

void
ipt_cli_add_options (GApplication *app)
{
}

int
ipt_cli_handle_local_options (GVariantDict *options)
{
  return -1;
}
