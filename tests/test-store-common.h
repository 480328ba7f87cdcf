/* Helpers shared by the store's test programs: a folder per test, small records, queries. */
#pragma once

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ipt-model.h"
#include "ipt-store.h"
#include "ipt-store-private.h"

/* The program's temporary directory (and XDG_DATA_HOME), made by its main (). */
static char *tmp_root;

/* A fresh folder for each test, inside the program's temporary directory. */
static inline char *
make_dir (void)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/t%u", tmp_root, ++counter);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline gboolean
exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static inline guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static inline gint64
query_int (IptStore   *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_ipt_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static inline IptStore *
open_new (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  IptStore *store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline IptClient *
add_client (IptStore   *store,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  IptClient *client = ipt_client_new (code);

  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);
  return client;
}

static inline IptEpisode *
add_episode (IptStore   *store,
             IptClient  *client,
             const char *start,
             guint       planned)
{
  g_autoptr(GError) error = NULL;
  IptEpisode *episode = ipt_episode_new (ipt_client_get_id (client), start, planned);

  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  g_assert_no_error (error);
  return episode;
}

/* A session with a PHQ-9 of nine equal answers but item 9 = risk, and a GAD-7 of seven equal
 * answers (NULL skips a measure; -1 answers mean no score). */
static inline IptSession *
add_session (IptStore     *store,
             IptEpisode   *episode,
             guint         number,
             IptAttendance attendance,
             int           phq9_each,
             int           phq9_risk,
             int           gad7_each)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + number / 28, 1 + number % 28);
  IptSession *session = ipt_session_new (ipt_episode_get_id (episode), number, date);

  ipt_session_set_attendance (session, attendance);
  if (phq9_each >= 0)
    {
      int items[9];

      for (guint i = 0; i < 8; i++)
        items[i] = phq9_each;
      items[8] = phq9_risk;
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("phq9"), items, 9));
    }
  if (gad7_each >= 0)
    {
      int items[7];

      for (guint i = 0; i < 7; i++)
        items[i] = gad7_each;
      g_ptr_array_add (scores, ipt_score_new_from_items (ipt_measure_lookup ("gad7"), items, 7));
    }

  g_assert_true (ipt_store_save_session (store, session, scores, &error));
  g_assert_no_error (error);
  return session;
}

/* A database that is not a casebook, or a casebook changed behind the store's back. */
static inline void
make_foreign_db (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}
