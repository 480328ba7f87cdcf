/* Times the demo generator: ipt_demo_generate () for 1,000 and 10,000 clients (or the counts
 * given on the command line), each into a new file in a temporary folder.
 *   ninja -C _build tests/bench/bench-demo && _build/tests/bench/bench-demo [N ...] */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "ipt-demo.h"

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("ipt-bench-demo-XXXXXX", NULL);
  guint defaults[] = { 1000, 10000 };
  guint n_runs = argc > 1 ? (guint) argc - 1 : G_N_ELEMENTS (defaults);
  int status = 0;

  g_assert (dir != NULL);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      guint n = argc > 1 ? (guint) strtoul (argv[i + 1], NULL, 10) : defaults[i];
      g_autofree char *name = g_strdup_printf ("demo-%u.sqlite", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();
      GStatBuf st;

      if (!ipt_demo_generate (path, n, IPT_DEMO_SEED_DEFAULT, &error))
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          continue;
        }
      g_stat (path, &st);
      /* CPU time too: on a busy machine the wall-clock time says little */
      g_print ("ipt_demo_generate: %6u clients in %6.2f s (%.2f s CPU, %.2f ms per client, %.1f MB)\n", n,
               (g_get_monotonic_time () - start) / 1e6, (double) (clock () - cpu_start) / CLOCKS_PER_SEC,
               (g_get_monotonic_time () - start) / 1e3 / n, st.st_size / 1e6);
      g_unlink (path);
    }
  g_rmdir (dir);
  return status;
}
