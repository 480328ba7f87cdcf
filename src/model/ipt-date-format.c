/* Dates shown to the user in the format of their locale. What is written to files (CSV, review
 * files) never goes through here: it stays ISO 8601 whatever the locale. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-date-format.h"

#include <locale.h>
#include <stdio.h>

/* TRUE when dates follow the C or POSIX locale, whose %x (MM/DD/YY) no one reads: those keep
 * ISO 8601. */
static gboolean
time_locale_is_c (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

/* YYYY-MM-DD, digits where digits belong. */
static gboolean
is_iso_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    {
      if (text[i] == '\0')
        return FALSE;
      if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return text[10] == '\0';
}

char *
ipt_date_format_display (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  unsigned int y, m, d;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  if (!is_iso_date (iso_date)
      || sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return g_strdup (iso_date);
  if (time_locale_is_c ())
    return g_strdup (iso_date);

  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);
  return g_date_time_format (dt, "%x");
}
