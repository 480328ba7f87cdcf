/* Helpers shared by the tests of the IPT work of a case (test-casework*.c). */
#pragma once

#include "test-store-common.h"
#include "ipt-store-casework.h"

/* Text of every script and of any length, kept byte for byte. */
static inline char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 4000; i++)
    g_string_append (text, "Ärger — 争吵 — نزاع — ссора 🙂\n");
  return g_string_free (text, FALSE);
}

static inline IptPerson *
add_person (IptStore   *store,
            IptClient  *client,
            const char *name,
            const char *relationship,
            guint       ring)
{
  g_autoptr(GError) error = NULL;
  IptPerson *person = ipt_person_new (ipt_client_get_id (client), name, relationship, ring);

  g_assert_true (ipt_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return person;
}

/* Runs raw SQL that a CHECK, a foreign key or a trigger must refuse. */
static inline void
assert_sql_refused (IptStore   *store,
                    const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (_ipt_store_get_db (store), sql, NULL, NULL, &message);

  if (rc == SQLITE_OK)
    g_error ("accepted: %s", sql);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  sqlite3_free (message);
}

static inline void
exec_ok (IptStore   *store,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (_ipt_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static inline IptSession *
add_dated_session (IptStore     *store,
                   IptEpisode   *episode,
                   guint         number,
                   const char   *date,
                   IptAttendees  attendees)
{
  g_autoptr(GError) error = NULL;
  IptSession *session = ipt_session_new (ipt_episode_get_id (episode), number, date);

  ipt_session_set_attendees (session, attendees);
  g_assert_true (ipt_store_save_session (store, session, NULL, &error));
  g_assert_no_error (error);
  return session;
}

