/* Entry point: hands the command line to IptApplication. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ipt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IptApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  ipt_application_ensure_schemas ();

  app = ipt_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0)
    status = ipt_application_get_exit_status (app);

  return status;
}
