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
  const char *localedir = g_getenv ("IPT_CASEBOOK_LOCALEDIR");
  int status;

  /* IPT_CASEBOOK_LOCALEDIR points an uninstalled build at its own catalogues (<build>/po). */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  ipt_application_ensure_schemas ();

  app = ipt_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0)
    status = ipt_application_get_exit_status (app);

  return status;
}
