/* Session dates: never before the client's birth, never years ahead, in the store and in the
 * import alike. */
#include "config.h"

#include "test-csv-common.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ipt-import.h"
#include "ipt-model.h"
#include "ipt-store.h"

static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_near (void)
{
  g_autofree char *today = days_from_today (0);
  g_autofree char *booked = days_from_today (300);
  g_autofree char *too_far = days_from_today (IPT_SESSION_DAYS_AHEAD_MAX + 2);
  g_autoptr(IptSession) session = ipt_session_new (1, 1, too_far);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_session_date_is_near (today));
  g_assert_true (ipt_session_date_is_near (booked));
  g_assert_true (ipt_session_date_is_near ("1990-01-01"));
  g_assert_false (ipt_session_date_is_near (too_far));
  g_assert_false (ipt_session_date_is_near ("2999-01-01"));

  g_assert_false (ipt_session_validate (session, &error));
  g_assert_nonnull (strstr (error->message, "more than a year ahead"));
  g_clear_error (&error);

  g_assert_true (ipt_session_check_birth ("2026-01-05", "1990-05-01", NULL));
  g_assert_true (ipt_session_check_birth ("2026-01-05", NULL, NULL));
  g_assert_false (ipt_session_check_birth ("1989-12-31", "1990-05-01", &error));
  g_assert_nonnull (strstr (error->message, "before the client's birth (1990-05-01)"));
}

static void
test_store_and_import (void)
{
  g_autoptr(IptStore) store = open_fresh_store ();
  g_autoptr(IptClient) client = ipt_client_new ("B-0001");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptSession) early = NULL;
  g_autoptr(IptSession) fine = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  ipt_client_set_birth_date (client, "1990-05-01");
  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);
  episode = ipt_episode_new (ipt_client_get_id (client), "2026-01-05", 16);
  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  g_assert_no_error (error);

  early = ipt_session_new (ipt_episode_get_id (episode), 1, "1989-04-30");
  g_assert_false (ipt_store_save_session (store, early, NULL, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the client's birth"));
  g_clear_error (&error);
  fine = ipt_session_new (ipt_episode_get_id (episode), 1, "2026-01-05");
  g_assert_true (ipt_store_save_session (store, fine, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (import_text (store, HEADER "b-0001,2,1980-01-01,phq9,3,\n"
                                          "B-0001,3,2999-01-01,phq9,3,\n",
                               IPT_IMPORT_DEFAULT, NULL, problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "in.csv:2: session 2 of B-0001 is dated 1980-01-01, before the client's "
                   "birth (1990-05-01)");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "in.csv:3: date 2999-01-01 is more than a year ahead");
}

int
main (int    argc,
      char **argv)
{
  int status;

  test_dir = g_dir_make_tmp ("ipt-test-session-dates-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-dates/near-and-birth", test_near);
  g_test_add_func ("/session-dates/store-and-import", test_store_and_import);

  status = g_test_run ();

  rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
