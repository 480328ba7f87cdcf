/* Dates shown to the user in the format of their locale, and read back from it. What is
 * written to files (CSV, review files) never goes through here: it stays ISO 8601 whatever the
 * locale. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-date-format.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ipt-enums.h"
#include "ipt-model-text.h"

typedef enum
{
  FIELD_DAY,
  FIELD_MONTH,
  FIELD_YEAR,
} Field;

/* A short date as a locale writes it: three numbers in some order, with text around them. */
typedef struct
{
  Field order[3];
  char *text[4];       /* before the first number, between them, after the last */
  guint year_digits;   /* 2 or 4 */
} DateLayout;

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

static void
date_layout_clear (DateLayout *layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout->text); i++)
    g_clear_pointer (&layout->text[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DateLayout, date_layout_clear)

static void
date_layout_set_iso (DateLayout *layout)
{
  const char *text[] = { "", "-", "-", "" };

  layout->order[0] = FIELD_YEAR;
  layout->order[1] = FIELD_MONTH;
  layout->order[2] = FIELD_DAY;
  for (guint i = 0; i < G_N_ELEMENTS (layout->text); i++)
    layout->text[i] = g_strdup (text[i]);
  layout->year_digits = 4;
}

/* Splits text into three runs of ASCII digits and the four texts around them (any of which may
 * be empty). FALSE when it does not hold exactly three numbers. */
static gboolean
split_numbers (const char *text,
               char       *around[4],
               char       *numbers[3])
{
  const char *p = text;
  guint n = 0;

  for (;;)
    {
      const char *start = p;

      while (*p != '\0' && !g_ascii_isdigit (*p))
        p++;
      if (n == 3 && *p != '\0')
        return FALSE;
      around[n] = g_strndup (start, (gsize) (p - start));
      if (n == 3)
        return TRUE;
      if (*p == '\0')
        return FALSE;
      start = p;
      while (g_ascii_isdigit (*p))
        p++;
      numbers[n++] = g_strndup (start, (gsize) (p - start));
    }
}

static void
free_parts (char *around[4],
            char *numbers[3])
{
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&around[i], g_free);
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&numbers[i], g_free);
}

/* How the locale writes a short date: learnt from what %x makes of a day whose day, month and
 * year cannot be taken for one another (28 November 2033), so that any locale's order and
 * separators are followed without a table of them. FALSE when %x writes it some other way
 * (names of months, other digits): such a locale takes ISO 8601 only. */
static gboolean
date_layout_from_locale (DateLayout *layout)
{
  g_autoptr(GDateTime) known = g_date_time_new_utc (2033, 11, 28, 12, 0, 0);
  g_autofree char *written = g_date_time_format (known, "%x");
  char *around[4] = { NULL };
  char *numbers[3] = { NULL };
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  gboolean ok;

  if (time_locale_is_c ())
    {
      date_layout_set_iso (layout);
      return TRUE;
    }
  ok = written != NULL && split_numbers (written, around, numbers);
  for (guint i = 0; ok && i < 3; i++)
    {
      Field field;

      if (g_str_equal (numbers[i], "28"))
        field = FIELD_DAY;
      else if (g_str_equal (numbers[i], "11"))
        field = FIELD_MONTH;
      else if (g_str_equal (numbers[i], "2033") || g_str_equal (numbers[i], "33"))
        {
          field = FIELD_YEAR;
          layout->year_digits = (guint) strlen (numbers[i]);
        }
      else
        {
          ok = FALSE;
          break;
        }
      ok = !seen[field];
      seen[field] = TRUE;
      layout->order[i] = field;
    }
  for (guint i = 0; ok && i < 4; i++)
    layout->text[i] = g_steal_pointer (&around[i]);
  free_parts (around, numbers);
  return ok;
}

/* The text between or around the numbers, spaces left out: "07. 12. 2026" and "07.12.2026"
 * are one date. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_text (const char *typed,
           const char *expected,
           gboolean    may_be_left_out)
{
  g_autofree char *a = without_spaces (typed);
  g_autofree char *b = without_spaces (expected);

  return g_str_equal (a, b) || (may_be_left_out && *a == '\0');
}

/* The year of a two-digit year yy: from 80 years before today up to 20 years after. */
static guint
full_year (guint  yy,
           guint  month,
           guint  day,
           GDate *today)
{
  guint first = g_date_get_year (today) - 80;
  guint year = first + (yy + 100 - first % 100) % 100;

  if (year == first
      && (month < g_date_get_month (today)
          || (month == g_date_get_month (today) && day < g_date_get_day (today))))
    year += 100;
  return year;
}

char *
ipt_date_parse_display_at (const char *text,
                           const char *today)
{
  g_auto(DateLayout) layout = { { 0 } };
  g_autofree char *trimmed = NULL;
  g_autofree char *local_today = NULL;
  g_autoptr(GDate) now = g_date_new ();
  char *around[4] = { NULL };
  char *numbers[3] = { NULL };
  guint day = 0, month = 0, year = 0;
  guint year_digits = 0;
  gboolean ok;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (ipt_date_is_valid (trimmed))
    return g_steal_pointer (&trimmed);
  if (time_locale_is_c () || !date_layout_from_locale (&layout))
    return NULL;

  ok = split_numbers (trimmed, around, numbers)
       && same_text (around[0], layout.text[0], TRUE)
       && same_text (around[1], layout.text[1], FALSE)
       && same_text (around[2], layout.text[2], FALSE)
       && same_text (around[3], layout.text[3], TRUE);
  for (guint i = 0; ok && i < 3; i++)
    {
      gsize digits = strlen (numbers[i]);
      guint value = (guint) g_ascii_strtoull (numbers[i], NULL, 10);

      switch (layout.order[i])
        {
        case FIELD_DAY:
          ok = digits <= 2;
          day = value;
          break;
        case FIELD_MONTH:
          ok = digits <= 2;
          month = value;
          break;
        case FIELD_YEAR:
        default:
          ok = digits == 2 || digits == 4;
          year = value;
          year_digits = (guint) digits;
          break;
        }
    }
  free_parts (around, numbers);
  if (!ok || month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;

  if (year_digits == 2)
    {
      guint y, m, d;

      if (today == NULL)
        today = local_today = _ipt_model_today ();
      if (!ipt_date_is_valid (today) || sscanf (today, "%4u-%2u-%2u", &y, &m, &d) != 3)
        return NULL;
      g_date_set_dmy (now, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      year = full_year (year, month, day, now);
    }
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

char *
ipt_date_parse_display (const char *text)
{
  return ipt_date_parse_display_at (text, NULL);
}

static void
append_letters (GString    *out,
                const char *letter,
                guint       count)
{
  for (guint i = 0; i < count; i++)
    g_string_append (out, letter);
}

char *
ipt_date_format_pattern (void)
{
  g_auto(DateLayout) layout = { { 0 } };
  GString *out = g_string_new (NULL);

  if (!date_layout_from_locale (&layout))
    {
      date_layout_clear (&layout);
      date_layout_set_iso (&layout);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_string_append (out, layout.text[i]);
      switch (layout.order[i])
        {
        case FIELD_DAY:
          /* TRANSLATORS: the letter for the day in the format of a date to type, as in
           * DD.MM.YYYY (German: T) */
          append_letters (out, C_("date format", "D"), 2);
          break;
        case FIELD_MONTH:
          /* TRANSLATORS: the letter for the month in the format of a date to type, as in
           * DD.MM.YYYY */
          append_letters (out, C_("date format", "M"), 2);
          break;
        case FIELD_YEAR:
        default:
          /* TRANSLATORS: the letter for the year in the format of a date to type, as in
           * DD.MM.YYYY (German: J, Spanish: A) */
          append_letters (out, C_("date format", "Y"), layout.year_digits);
          break;
        }
    }
  g_string_append (out, layout.text[3]);
  return g_string_free (out, FALSE);
}
