/* Supervision on a 50-case caseload: the supervision pack, exporting a review file (key
 * derivation included) and opening it (key derivation, decryption, reading every case).
 * Targets: pack under 2 s, export under 2 s, opening under 1.5 s. Prints each figure. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-util.h"
#include "ipt-deidentify.h"
#include "ipt-demo.h"
#include "ipt-review-file.h"
#include "ipt-store.h"
#include "ipt-supervision-pack.h"

#define N_CASES 50
#define PASSPHRASE "k7pq-m3xa-9fhr-tw2c-ye6b"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The processor time of this process, in seconds: unlike the wall clock, it does not grow when
 * other programs share the processor. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
report (const char *what,
        double     *seconds,
        double     *cpu,
        guint       rounds,
        double      target)
{
  qsort (seconds, rounds, sizeof (double), compare_double);
  qsort (cpu, rounds, sizeof (double), compare_double);
  g_print ("%-44s median %.3f s, slowest %.3f s, processor time median %.3f s "
           "(target < %.1f s): %s\n", what, seconds[rounds / 2], seconds[rounds - 1],
           cpu[rounds / 2], target, seconds[rounds - 1] < target ? "met" : "NOT MET");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-supervision-XXXXXX", &error);
  g_autofree char *casebook = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *review = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;
  guint rounds = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 5;
  double *pack_s = g_new0 (double, rounds);
  double *export_s = g_new0 (double, rounds);
  double *open_s = g_new0 (double, rounds);
  double *pack_cpu = g_new0 (double, rounds);
  double *export_cpu = g_new0 (double, rounds);
  double *open_cpu = g_new0 (double, rounds);

  g_assert_no_error (error);
  casebook = g_build_filename (dir, "casebook.sqlite", NULL);
  pdf = g_build_filename (dir, "pack.pdf", NULL);
  review = g_build_filename (dir, "cases.iptreview", NULL);

  /* a demo caseload large enough for 50 clients with a course */
  if (!ipt_demo_generate (casebook, 60, IPT_DEMO_SEED_DEFAULT, &error))
    g_error ("%s", error->message);
  store = ipt_store_open (casebook, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  all = ipt_deidentify_cases (store, NULL, NULL, &error);
  g_assert_no_error (error);
  if (all->len < N_CASES)
    g_error ("the demo caseload has only %u cases", all->len);
  for (guint i = 0; i < N_CASES; i++)
    g_strv_builder_add (builder, ((IptReviewCase *) g_ptr_array_index (all, i))->code);
  codes = g_strv_builder_end (builder);

  g_print ("Supervision, %d cases, %u rounds\n", N_CASES, rounds);
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(IptReviewDb) db = NULL;
      g_autoptr(GPtrArray) cases = NULL;
      guint n = 0;
      gint64 t0, t1, t2, t3;
      double c0, c1, c2, c3;

      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      if (!ipt_supervision_pack_export (store, (const char * const *) codes, NULL, pdf, &n, &error))
        g_error ("%s", error->message);
      g_assert_cmpuint (n, ==, N_CASES);
      t1 = g_get_monotonic_time ();
      c1 = cpu_seconds ();
      if (!ipt_review_export (store, (const char * const *) codes, NULL, PASSPHRASE, review, &n,
                              &error))
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();
      c2 = cpu_seconds ();
      db = ipt_review_file_open (review, PASSPHRASE, &error);
      g_assert_no_error (error);
      cases = ipt_review_db_list_cases (db, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cases->len, ==, N_CASES);
      t3 = g_get_monotonic_time ();
      c3 = cpu_seconds ();

      pack_s[r] = (t1 - t0) / 1e6;
      export_s[r] = (t2 - t1) / 1e6;
      open_s[r] = (t3 - t2) / 1e6;
      pack_cpu[r] = c1 - c0;
      export_cpu[r] = c2 - c1;
      open_cpu[r] = c3 - c2;
    }

  report ("supervision pack (PDF, 50 cases)", pack_s, pack_cpu, rounds, 2.0);
  report ("review file export (key derivation incl.)", export_s, export_cpu, rounds, 2.0);
  report ("review file opening (key derivation incl.)", open_s, open_cpu, rounds, 1.5);
  {
    double load[3];

    if (getloadavg (load, 3) == 3)
      g_print ("load average during the run: %.2f (the machine has %u processors)\n", load[0],
               g_get_num_processors ());
  }
  {
    GStatBuf st;

    if (g_stat (review, &st) == 0)
      g_print ("review file size: %" G_GINT64_FORMAT " bytes\n", (gint64) st.st_size);
    if (g_stat (pdf, &st) == 0)
      g_print ("pack size: %" G_GINT64_FORMAT " bytes\n", (gint64) st.st_size);
  }

  g_clear_object (&store);
  bench_remove_casebook (casebook);
  g_remove (pdf);
  g_remove (review);
  g_rmdir (dir);
  g_free (pack_s);
  g_free (export_s);
  g_free (open_s);
  g_free (pack_cpu);
  g_free (export_cpu);
  g_free (open_cpu);
  return 0;
}
