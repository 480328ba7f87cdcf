/* Dates shown to the user in the format of their locale; files keep ISO 8601. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An ISO 8601 date (YYYY-MM-DD) written the way the user's locale (LC_TIME) writes a date:
 * 07.12.2026 in Germany, 07/12/26 in Spain. The C and POSIX locales keep YYYY-MM-DD. NULL or ""
 * gives "", and a text that is not a valid date is returned as it is. */
char *ipt_date_format_display (const char *iso_date);

/* A date typed by the user, as the ISO 8601 date it names (newly allocated), or NULL when it
 * is none. Taken: YYYY-MM-DD always, and the locale's short date (what %x writes: 07.12.2026
 * in Germany, 07/12/26 in Spain, 12/07/26 in the US) with one or two digits for the day and
 * the month and two or four for the year, spaces around it ignored. A two-digit year is read
 * as the one that puts the date from 80 years before today up to 20 years after it. The C and
 * POSIX locales take only YYYY-MM-DD. */
char *ipt_date_parse_display    (const char *text);
/* The same, with today given (YYYY-MM-DD; NULL: the local date). */
char *ipt_date_parse_display_at (const char *text,
                                 const char *today);

/* How a date is typed in the user's locale, for hints and messages, with the letters of the
 * user's language: "DD.MM.YYYY" (in German "TT.MM.JJJJ"), "DD/MM/YY"; "YYYY-MM-DD" in the C
 * locale. Newly allocated. */
char *ipt_date_format_pattern   (void);

G_END_DECLS
