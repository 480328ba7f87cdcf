/* The German and Spanish catalogues at work: messages and plurals, the validated questionnaires
 * that stay in English, dates in the locale's format, and exports that do not change with the
 * locale. Needs the locales de_DE.UTF-8 and es_ES.UTF-8 (build-aux/setup.sh makes them) and the
 * catalogues of the build (IPT_TEST_LOCALEDIR). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ipt-date-format.h"
#include "ipt-model.h"

static char *test_dir;

/* Switches the whole process to a locale, as the app does from the environment at start. */
static void
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    g_error ("The locale %s is missing: run build-aux/setup.sh, which generates it", name);
}

static void
test_messages (void)
{
  use_locale ("de_DE.UTF-8");
  g_assert_cmpstr (_("Sessions"), ==, "Sitzungen");
  g_assert_cmpstr (C_("chart mark", "cancelled"), ==, "abgesagt");
  g_assert_cmpstr (ngettext ("%u session attended", "%u sessions attended", 1), ==,
                   "%u Sitzung wahrgenommen");
  g_assert_cmpstr (ngettext ("%u session attended", "%u sessions attended", 2), ==,
                   "%u Sitzungen wahrgenommen");
  g_assert_cmpstr (ipt_phase_to_label (IPT_PHASE_MIDDLE), ==, "Mittelphase");

  use_locale ("es_ES.UTF-8");
  g_assert_cmpstr (_("Sessions"), ==, "Sesiones");
  g_assert_cmpstr (ngettext ("%u new client", "%u new clients", 1), ==, "%u cliente nuevo");
  g_assert_cmpstr (ngettext ("%u new client", "%u new clients", 0), ==, "%u clientes nuevos");
  g_assert_cmpstr (ngettext ("%s · %u planned", "%s · %u planned", 1), ==, "%s · %u prevista");
  g_assert_cmpstr (ngettext ("%s · %u planned", "%s · %u planned", 16), ==, "%s · %u previstas");

  use_locale ("C.UTF-8");
  g_assert_cmpstr (_("Sessions"), ==, "Sessions");
}

/* PHQ-9 and GAD-7 have no validated German or Spanish text here: their items and answers stay
 * in English, while their topics, bands and the other measures are translated. */
static void
test_validated_wording (void)
{
  const char *locales[] = { "de_DE.UTF-8", "es_ES.UTF-8" };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
      const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
      const IptMeasure *wsas = ipt_measure_lookup ("wsas");

      use_locale (locales[l]);
      g_assert_true (ipt_measure_has_validated_wording (phq9));
      g_assert_true (ipt_measure_has_validated_wording (gad7));
      g_assert_false (ipt_measure_has_validated_wording (wsas));
      g_assert_false (ipt_measure_wording_is_translated (phq9));
      g_assert_false (ipt_measure_wording_is_translated (gad7));

      for (guint i = 0; i < phq9->n_items; i++)
        g_assert_cmpstr (ipt_measure_item_text (phq9, i), ==, phq9->items[i].text);
      for (guint i = 0; i < gad7->n_items; i++)
        g_assert_cmpstr (ipt_measure_item_text (gad7, i), ==, gad7->items[i].text);
      for (int v = 0; v <= 3; v++)
        g_assert_cmpstr (ipt_measure_scale_label (phq9, v), ==, phq9->scale_labels[v]);
      g_assert_null (ipt_measure_scale_label (phq9, 4));
      g_assert_null (ipt_measure_scale_label (phq9, -1));

      /* ordinary text around them is translated */
      g_assert_cmpstr (_(phq9->items[0].topic), !=, phq9->items[0].topic);
      g_assert_cmpstr (ipt_measure_band_label (phq9, 22), !=, "severe");
      g_assert_cmpstr (_(phq9->timeframe), !=, phq9->timeframe);
      g_assert_cmpstr (ipt_measure_item_text (wsas, 0), !=, wsas->items[0].topic);
      g_assert_cmpstr (ipt_measure_scale_label (wsas, 0), !=, wsas->scale_labels[0]);
    }
  use_locale ("de_DE.UTF-8");
  g_assert_cmpstr (ipt_measure_scale_label (ipt_measure_lookup ("wsas"), 0), ==,
                   "Überhaupt nicht");
  use_locale ("C.UTF-8");
}

static void
test_dates (void)
{
  g_autofree char *de = NULL;
  g_autofree char *es = NULL;
  g_autofree char *c = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *impossible = NULL;
  g_autofree char *empty = NULL;

  use_locale ("de_DE.UTF-8");
  de = ipt_date_format_display ("2026-03-07");
  use_locale ("es_ES.UTF-8");
  es = ipt_date_format_display ("2026-03-07");
  use_locale ("C.UTF-8");
  c = ipt_date_format_display ("2026-03-07");
  bad = ipt_date_format_display ("+026-03-07");
  impossible = ipt_date_format_display ("2026-02-30");
  empty = ipt_date_format_display (NULL);

  g_assert_cmpstr (de, ==, "07.03.2026");
  g_assert_cmpstr (es, ==, "07/03/26");
  g_assert_cmpstr (c, ==, "2026-03-07");
  g_assert_cmpstr (bad, ==, "+026-03-07");
  g_assert_cmpstr (impossible, ==, "2026-02-30");
  g_assert_cmpstr (empty, ==, "");
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

/* Runs the command line app under a locale (LC_ALL) and with the build's catalogues. */
static void
run_app (Run        *run,
         const char *locale,
         const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
  envp = g_environ_setenv (envp, "LANG", locale, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", test_dir, TRUE);
  envp = g_environ_setenv (envp, "IPT_CASEBOOK_LOCALEDIR", g_getenv ("IPT_TEST_LOCALEDIR"), TRUE);

  g_ptr_array_add (argv, (char *) g_getenv ("IPT_CASEBOOK"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (test_dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The exports are the same bytes under German and Spanish as under the C locale: ISO dates,
 * plain digits, English column names and ids. */
static void
test_exports_locale_independent (void)
{
  g_autofree char *db = g_build_filename (test_dir, "demo.sqlite", NULL);
  const char *make[] = { "--make-demo", db, "--clients", "15", NULL };
  const char *csv[] = { "--database", db, "--export-csv", "-", NULL };
  const char *outcomes[] = { "--database", db, "--export-outcomes", "-", NULL };
  const char *missing[] = { "--database", "no-such.sqlite", "--export-csv", "-", NULL };
  const char *const *exports[] = { csv, outcomes };
  const char *locales[] = { "de_DE.UTF-8", "es_ES.UTF-8" };
  Run run;

  run_app (&run, "C.UTF-8", make);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* the catalogues are in use in these runs: the same mistake is told in German */
  run_app (&run, "de_DE.UTF-8", missing);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "kein solches Fallbuch"));
  run_clear (&run);

  for (guint e = 0; e < G_N_ELEMENTS (exports); e++)
    {
      Run c;

      run_app (&c, "C", exports[e]);
      g_assert_cmpint (c.status, ==, 0);
      g_assert_cmpuint (strlen (c.out), >, 100);
      /* rows, not just a header; the scores carry their ISO dates */
      g_assert_true (g_str_has_prefix (c.out, "client_code,"));
      g_assert_cmpuint (count_lines (c.out), >, 10);
      if (exports[e] == csv)
        g_assert_true (g_regex_match_simple (",[0-9]{4}-[0-9]{2}-[0-9]{2},", c.out, 0, 0));
      for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
        {
          run_app (&run, locales[l], exports[e]);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.out, ==, c.out);
          run_clear (&run);
        }
      run_clear (&c);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IPT_TEST_LOCALEDIR");
  const char *rm[] = { "rm", "-rf", NULL, NULL };
  int status;

  g_test_init (&argc, &argv, NULL);

  if (localedir == NULL || g_getenv ("IPT_CASEBOOK") == NULL)
    {
      g_printerr ("IPT_TEST_LOCALEDIR must name the build's po folder and IPT_CASEBOOK the app\n");
      return 1;
    }
  test_dir = g_dir_make_tmp ("ipt-test-translations-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/translations/messages", test_messages);
  g_test_add_func ("/translations/validated-wording", test_validated_wording);
  g_test_add_func ("/translations/dates", test_dates);
  g_test_add_func ("/translations/exports-locale-independent", test_exports_locale_independent);

  status = g_test_run ();
  rm[2] = test_dir;
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (test_dir);
  return status;
}
