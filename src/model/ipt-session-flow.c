/* The rules of the session flow: a new session's date, dates to ask about, age, quiet courses. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-session-flow.h"
#include "ipt-date-format.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

static GDate *
parse_date (const char *iso)
{
  GDate *date;
  int year, month, day;

  if (!ipt_date_is_valid (iso) || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  date = g_date_new_dmy (day, month, year);
  return date;
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* "12 March 2026" in the locale's words. */
static char *
format_words (const GDate *date)
{
  char buf[64];

  if (g_date_strftime (buf, sizeof buf, "%-d %B %Y", date) == 0)
    return format_iso (date);
  return g_strdup (buf);
}

char *
ipt_session_suggest_date (const char *last_session_date,
                          const char *course_start,
                          const char *today)
{
  g_autoptr(GDate) last = parse_date (last_session_date);
  g_autoptr(GDate) now = parse_date (today);

  if (last != NULL)
    {
      /* A week on, but a session is recorded once held: never a day that has not come yet. */
      g_date_add_days (last, 7);
      if (now != NULL && g_date_compare (last, now) > 0)
        return format_iso (now);
      return format_iso (last);
    }
  if (ipt_date_is_valid (course_start))
    return g_strdup (course_start);
  return g_strdup (today);
}

IptSessionDateCheck
ipt_session_check_date (const char  *date,
                        const char  *previous_session_date,
                        const char  *course_start,
                        const char  *today,
                        char       **question)
{
  g_autoptr(GDate) when = parse_date (date);
  g_autoptr(GDate) previous = parse_date (previous_session_date);
  g_autoptr(GDate) start = parse_date (course_start);
  g_autoptr(GDate) now = parse_date (today);
  g_autofree char *when_words = NULL;

  if (question != NULL)
    *question = NULL;
  if (when == NULL)
    {
      if (question != NULL)
        {
          g_autofree char *format = ipt_date_format_pattern ();

          /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
          *question = g_strdup_printf (_("“%s” is not a date (%s)"), date != NULL ? date : "",
                                       format);
        }
      return IPT_SESSION_DATE_INVALID;
    }

  when_words = format_words (when);
  if (start != NULL && g_date_compare (when, start) < 0)
    {
      g_autofree char *start_words = format_words (start);

      if (question != NULL)
        *question = g_strdup_printf (_("%s is before the course started (%s). Save it anyway?"),
                                     when_words, start_words);
      return IPT_SESSION_DATE_BEFORE_COURSE;
    }
  if (previous != NULL && g_date_compare (when, previous) < 0)
    {
      g_autofree char *previous_words = format_words (previous);

      if (question != NULL)
        *question = g_strdup_printf (_("%s is before the session before it (%s). Save it anyway?"),
                                     when_words, previous_words);
      return IPT_SESSION_DATE_BEFORE_PREVIOUS;
    }
  if (now != NULL && g_date_days_between (now, when) > 0)
    {
      if (question != NULL)
        *question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s is %d day from today. Save it anyway?",
                                                  "%s is %d days from today. Save it anyway?",
                                                  g_date_days_between (now, when)),
                                     when_words, g_date_days_between (now, when));
      return IPT_SESSION_DATE_FUTURE;
    }
  return IPT_SESSION_DATE_OK;
}

int
ipt_days_between (const char *from,
                  const char *to)
{
  g_autoptr(GDate) a = parse_date (from);
  g_autoptr(GDate) b = parse_date (to);

  if (a == NULL || b == NULL)
    return 0;
  return g_date_days_between (a, b);
}

int
ipt_age_on (const char *birth_date,
            const char *today)
{
  g_autoptr(GDate) birth = parse_date (birth_date);
  g_autoptr(GDate) now = parse_date (today);
  int age;

  if (birth == NULL || now == NULL || g_date_compare (birth, now) > 0)
    return -1;
  age = g_date_get_year (now) - g_date_get_year (birth);
  if (g_date_get_month (now) < g_date_get_month (birth)
      || (g_date_get_month (now) == g_date_get_month (birth)
          && g_date_get_day (now) < g_date_get_day (birth)))
    age--;
  return age;
}

char *
ipt_course_quiet_text (IptEpisodeStatus status,
                       const char      *last_session_date,
                       const char      *today)
{
  int weeks;

  if (status != IPT_EPISODE_STATUS_ACTIVE || !ipt_date_is_valid (last_session_date)
      || !ipt_date_is_valid (today))
    return NULL;
  weeks = ipt_days_between (last_session_date, today) / 7;
  if (weeks < IPT_COURSE_QUIET_WEEKS)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No session for %d week",
                                       "No session for %d weeks", weeks), weeks);
}
