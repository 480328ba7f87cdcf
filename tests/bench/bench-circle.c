/* Benchmark of the closeness circle: 15 people drawn on an image surface (target: under 1 ms).
 * Prints figures, asserts nothing (see tests/test-closeness-circle.c). */
#include "config.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ipt-closeness-circle.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench (const char *label,
       gboolean    show_ideal,
       int         size)
{
  static const char *names[] = { "Jamie", "Mum", "Priya", "Sam", "Lee", "Ana", "Kofi", "Wen",
                                 "Olu", "Marta", "Ines", "Dev", "Noor", "Theo", "Ruth" };
  static const char *relationships[] = { "Partner", "Mother", "Friend", "Brother", "Manager" };
  IptCirclePerson people[G_N_ELEMENTS (names)];
  IptCircleOptions options = { show_ideal, 3 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  enum { RUNS = 1000 };
  double times[RUNS];
  double cpu[RUNS];
  IptChartStyle style;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    people[i] = (IptCirclePerson) { i + 1, names[i], relationships[i % 5], 1 + i % 3,
                                    (i % 4 == 0) ? 1 + (i + 1) % 3 : 0, i == 0 };
  ipt_chart_style_init (&style, FALSE);
  style.font_family = "DejaVu Sans";

  /* Warm the font and glyph caches, as a running application has them. */
  for (int i = 0; i < 10; i++)
    {
      cairo_t *cr = cairo_create (surface);

      ipt_closeness_circle_render (cr, people, G_N_ELEMENTS (people), &options, &style, size, size);
      cairo_destroy (cr);
    }

  for (int i = 0; i < RUNS; i++)
    {
      struct timespec cpu_start, cpu_end;
      gint64 start;
      cairo_t *cr;

      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_start);
      start = g_get_monotonic_time ();
      cr = cairo_create (surface);

      ipt_closeness_circle_render (cr, people, G_N_ELEMENTS (people), &options, &style, size, size);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_end);
      cpu[i] = (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6;
    }

  qsort (times, RUNS, sizeof times[0], compare_doubles);
  qsort (cpu, RUNS, sizeof cpu[0], compare_doubles);
  /* The processor time of the drawing thread too: the wall clock also counts the time other
   * programs had the processor. */
  printf ("closeness circle, %u people, %s, %dx%d: median %.3f ms (processor %.3f ms), "
          "90th percentile %.3f ms (processor %.3f ms) (target: under 1 ms)\n",
          (guint) G_N_ELEMENTS (people), label, size, size, times[RUNS / 2], cpu[RUNS / 2],
          times[RUNS * 9 / 10], cpu[RUNS * 9 / 10]);
  cairo_surface_destroy (surface);
}

int
main (void)
{
  bench ("actual only", FALSE, 480);
  bench ("with ideal places", TRUE, 480);
  bench ("with ideal places", TRUE, 800);
  return 0;
}
