/* Helpers shared by the CSV test programs: a fresh casebook per test, importing text, SQL. */
#pragma once

#include <string.h>

#include <glib/gstdio.h>

#include "ipt-import.h"
#include "ipt-store-private.h"
#include "ipt-store.h"

#define HEADER "client_code,session,date,measure,total,items\n"
#define EXPECTED_HEADER "client_code,course,session,date,measure,total,items"

/* The program's temporary directory (and XDG_DATA_HOME), made by its main (). */
static char *test_dir;
static guint n_stores;

static inline IptStore *
open_fresh_store (void)
{
  g_autofree char *name = g_strdup_printf ("csv-%u.sqlite", n_stores++);
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  IptStore *store;

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline gboolean
import_text (IptStore         *store,
             const char       *text,
             IptImportFlags    flags,
             IptImportSummary *summary,
             GPtrArray        *problems,
             GError          **error)
{
  return ipt_import_scores_csv_data (store, "in.csv", text, strlen (text), flags, summary,
                                     problems, error);
}

static inline void
import_ok (IptStore         *store,
           const char       *text,
           IptImportFlags    flags,
           IptImportSummary *summary)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = import_text (store, text, flags, summary, problems, &error);
  if (problems->len > 0)
    g_test_message ("first problem: %s", (const char *) g_ptr_array_index (problems, 0));
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (problems->len, ==, 0);
}

static inline void
exec_sql (IptStore   *store,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_ipt_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static inline void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}
