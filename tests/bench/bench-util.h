/* Helpers shared by the benchmarks. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes a casebook the benchmark made, with SQLite's side files. */
static inline void
bench_remove_casebook (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}
