/* Helpers shared by the benchmarks. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <time.h>

/* The processor time of the calling thread, in ms: on a shared machine the wall clock also
 * counts the time other programs had the processor. GTK lays out and paints on the main
 * thread. */
static inline double
bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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
