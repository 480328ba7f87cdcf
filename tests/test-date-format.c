/* Dates typed the way the locale writes them: ipt_date_parse_display () under the C, German,
 * Spanish and English locales, and the format named in hints and messages. Needs the locales
 * de_DE.UTF-8 and es_ES.UTF-8 (build-aux/setup.sh makes them, and en_US and en_GB, whose
 * checks are skipped when missing) and the catalogues of the build (IPT_TEST_LOCALEDIR). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ipt-date-format.h"

/* The day two-digit years are read from in these tests. */
#define TODAY "2026-06-15"

static void
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    g_error ("The locale %s is missing: run build-aux/setup.sh, which generates it", name);
}

/* FALSE, with a message, when the locale is not there. */
static gboolean
try_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  g_test_message ("The locale %s is missing: its checks are skipped", name);
  return FALSE;
}

/* text parses to expected (NULL: refused). */
static void
check (const char *text,
       const char *expected)
{
  g_autofree char *iso = ipt_date_parse_display_at (text, TODAY);

  if (g_strcmp0 (iso, expected) != 0)
    g_error ("“%s” under %s: “%s”, expected “%s”", text, setlocale (LC_TIME, NULL),
             iso != NULL ? iso : "(refused)", expected != NULL ? expected : "(refused)");
}

/* What is shown reads back as the same date. */
static void
check_round_trip (const char *iso)
{
  g_autofree char *shown = ipt_date_format_display (iso);

  check (shown, iso);
}

/* Refused everywhere: not a date, or no such day. */
static void
check_never_dates (void)
{
  check (NULL, NULL);
  check ("", NULL);
  check ("   ", NULL);
  check ("today", NULL);
  check ("2026-02-30", NULL);
  check ("2026-13-01", NULL);
  check ("0000-01-01", NULL);
  check ("2026-11-05x", NULL);
  check ("+026-11-05", NULL);
}

static void
test_c_locale (void)
{
  g_autofree char *pattern = NULL;

  use_locale ("C.UTF-8");
  check ("2026-11-05", "2026-11-05");
  check ("  2026-11-05\t", "2026-11-05");
  check ("2024-02-29", "2024-02-29");
  check ("2026-1-5", NULL);
  /* %x of the C locale (MM/DD/YY) is no one's way of writing a date */
  check ("11/05/26", NULL);
  check ("05.11.2026", NULL);
  check_never_dates ();
  check_round_trip ("2026-11-05");
  pattern = ipt_date_format_pattern ();
  g_assert_cmpstr (pattern, ==, "YYYY-MM-DD");

  use_locale ("C");
  check ("2026-11-05", "2026-11-05");
  check ("05.11.2026", NULL);
}

static void
test_german (void)
{
  g_autofree char *pattern = NULL;

  use_locale ("de_DE.UTF-8");
  check ("05.11.2026", "2026-11-05");
  check ("5.11.2026", "2026-11-05");
  check ("5.1.2026", "2026-01-05");
  check ("05.01.26", "2026-01-05");
  check (" 05.11.2026 ", "2026-11-05");
  check ("05. 11. 2026", "2026-11-05");
  check ("29.02.2024", "2024-02-29");
  check ("31.12.1999", "1999-12-31");
  /* ISO is always taken */
  check ("2026-11-05", "2026-11-05");
  check (" 2026-11-05 ", "2026-11-05");
  /* no such day */
  check ("31.02.2026", NULL);
  check ("29.02.2025", NULL);
  check ("00.11.2026", NULL);
  check ("05.13.2026", NULL);
  check ("05.00.2026", NULL);
  /* not the German way */
  check ("11/05/2026", NULL);
  check ("05-11-2026", NULL);
  check ("05.11", NULL);
  check ("05.11.", NULL);
  check ("05.11.2026.1", NULL);
  check ("005.11.2026", NULL);
  check ("05.11.226", NULL);
  check ("05.11.6", NULL);
  check ("05.11.02026", NULL);
  check ("05.11.2026 12:00", NULL);
  check ("a05.11.2026", NULL);
  check ("−05.11.2026", NULL);
  check_never_dates ();
  check_round_trip ("2026-11-05");
  check_round_trip ("1950-01-31");

  pattern = ipt_date_format_pattern ();
  g_assert_cmpstr (pattern, ==, "TT.MM.JJJJ");
}

/* A two-digit year is the one from 80 years before today up to 20 years after it. */
static void
test_two_digit_years (void)
{
  g_autofree char *now = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) back = g_date_time_add_years (today, -79);

  use_locale ("de_DE.UTF-8");
  /* today is 2026-06-15: 1946-06-15 is 80 years before it, 2046-06-14 less than 20 after */
  check ("15.06.46", "1946-06-15");
  check ("14.06.46", "2046-06-14");
  check ("16.06.46", "1946-06-16");
  check ("31.12.46", "1946-12-31");
  check ("01.01.46", "2046-01-01");
  check ("01.01.45", "2045-01-01");
  check ("31.12.47", "1947-12-31");
  check ("1.1.00", "2000-01-01");
  check ("15.06.26", "2026-06-15");
  check ("01.01.99", "1999-01-01");
  check ("03.04.50", "1950-04-03");
  /* the same day, 29 February, only where the century has it */
  check ("29.02.00", "2000-02-29");
  check ("29.02.25", NULL);

  /* without a day given, today is the local date */
  now = ipt_date_parse_display ("01.01.00");
  g_assert_cmpstr (now, ==, "2000-01-01");
  typed = g_date_time_format (back, "%d.%m.%y");
  iso = ipt_date_parse_display (typed);
  expected = g_date_time_format (back, "%Y-%m-%d");
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_spanish (void)
{
  g_autofree char *pattern = NULL;

  use_locale ("es_ES.UTF-8");
  check ("07/12/26", "2026-12-07");
  check ("7/12/26", "2026-12-07");
  check ("7/2/26", "2026-02-07");
  check ("07/12/2026", "2026-12-07");
  check ("2026-12-07", "2026-12-07");
  check ("31/04/26", NULL);
  check ("12/31/26", NULL);
  check ("07.12.2026", NULL);
  check ("07/12", NULL);
  check_never_dates ();
  check_round_trip ("2026-12-07");
  check_round_trip ("1961-03-20");

  pattern = ipt_date_format_pattern ();
  g_assert_cmpstr (pattern, ==, "DD/MM/AA");
}

static void
test_english (void)
{
  if (try_locale ("en_US.UTF-8"))
    {
      g_autofree char *pattern = NULL;

      /* month first */
      check ("12/07/26", "2026-12-07");
      check ("12/07/2026", "2026-12-07");
      check ("2/7/2026", "2026-02-07");
      check ("2026-12-07", "2026-12-07");
      check ("07/31/2026", "2026-07-31");
      check ("31/07/2026", NULL);
      check ("02/29/2025", NULL);
      check_never_dates ();
      check_round_trip ("2026-12-07");
      pattern = ipt_date_format_pattern ();
      g_assert_true (g_str_equal (pattern, "MM/DD/YYYY") || g_str_equal (pattern, "MM/DD/YY"));
    }
  if (try_locale ("en_GB.UTF-8"))
    {
      check ("07/12/26", "2026-12-07");
      check ("31/07/2026", "2026-07-31");
      check ("07/31/2026", NULL);
      check_never_dates ();
      check_round_trip ("2026-12-07");
    }
}

/* Hints follow the language of the messages and the order of LC_TIME. */
static void
test_pattern_mixed (void)
{
  g_autofree char *german_iso = NULL;
  g_autofree char *spanish_german = NULL;

  use_locale ("de_DE.UTF-8");
  setlocale (LC_TIME, "C.UTF-8");
  german_iso = ipt_date_format_pattern ();
  g_assert_cmpstr (german_iso, ==, "JJJJ-MM-TT");

  use_locale ("es_ES.UTF-8");
  setlocale (LC_TIME, "de_DE.UTF-8");
  spanish_german = ipt_date_format_pattern ();
  g_assert_cmpstr (spanish_german, ==, "DD.MM.AAAA");
  use_locale ("C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IPT_TEST_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  if (localedir == NULL)
    {
      g_printerr ("IPT_TEST_LOCALEDIR must name the build's po folder\n");
      return 1;
    }
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/date-format/c-locale", test_c_locale);
  g_test_add_func ("/date-format/german", test_german);
  g_test_add_func ("/date-format/two-digit-years", test_two_digit_years);
  g_test_add_func ("/date-format/spanish", test_spanish);
  g_test_add_func ("/date-format/english", test_english);
  g_test_add_func ("/date-format/pattern-mixed", test_pattern_mixed);

  return g_test_run ();
}
