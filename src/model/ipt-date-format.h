/* Dates shown to the user in the format of their locale; files keep ISO 8601. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An ISO 8601 date (YYYY-MM-DD) written the way the user's locale (LC_TIME) writes a date:
 * 07.12.2026 in Germany, 07/12/26 in Spain. The C and POSIX locales keep YYYY-MM-DD. NULL or ""
 * gives "", and a text that is not a valid date is returned as it is. */
char *ipt_date_format_display (const char *iso_date);

G_END_DECLS
