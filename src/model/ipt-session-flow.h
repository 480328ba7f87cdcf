/* The rules of the session flow a form follows: a new session's date, dates that need asking
 * about, the client's age, a running course that has gone quiet. Pure functions of their
 * arguments (dates ISO 8601, "today" given by the caller). */
#pragma once

#include <glib.h>

#include "ipt-enums.h"

G_BEGIN_DECLS

/* Weeks without a session after which a running course has gone quiet. */
#define IPT_COURSE_QUIET_WEEKS 3

typedef enum
{
  IPT_SESSION_DATE_OK,
  IPT_SESSION_DATE_INVALID,          /* not a date */
  IPT_SESSION_DATE_BEFORE_COURSE,    /* before the course started */
  IPT_SESSION_DATE_BEFORE_PREVIOUS,  /* before the session before it */
  IPT_SESSION_DATE_FUTURE,           /* after today: a session is recorded once held */
} IptSessionDateCheck;

/* A week after the last session but never after today; without one, the course's start date,
 * or today. Newly allocated. */
char               *ipt_session_suggest_date (const char *last_session_date,
                                              const char *course_start,
                                              const char *today);
/* Whether a session's date needs asking about before saving; question (may be NULL) gets the
 * question to ask, translated ("12 March is before the last session (19 March). Save it
 * anyway?"), NULL when the date is fine. */
IptSessionDateCheck ipt_session_check_date (const char  *date,
                                            const char  *previous_session_date,
                                            const char  *course_start,
                                            const char  *today,
                                            char       **question);
/* Whole days from `from` to `to` (negative when to is earlier); 0 when either is not a date. */
int                 ipt_days_between (const char *from,
                                      const char *to);
/* Age in whole years on `today`; -1 when the birth date is unknown or after today. */
int                 ipt_age_on (const char *birth_date,
                                const char *today);
/* "No session for 4 weeks" for a running course whose last session was 3 weeks or more ago;
 * NULL otherwise. Newly allocated, translated. */
char               *ipt_course_quiet_text (IptEpisodeStatus status,
                                           const char      *last_session_date,
                                           const char      *today);

G_END_DECLS
