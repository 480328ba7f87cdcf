/* Tests of the store work run off the main thread: results come back on the main context. */
#include "config.h"

#include "test-store-common.h"

#include "ipt-demo.h"
#include "ipt-tasks.h"

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  gboolean   ok;
  GError    *error;
} Waiter;

static void
on_generated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Waiter *waiter = user_data;

  /* Back on the thread that asked. */
  g_assert_true (g_thread_self () == waiter->main_thread);
  waiter->ok = ipt_demo_generate_finish (result, &waiter->error);
  g_main_loop_quit (waiter->loop);
}

static void
test_demo_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { g_main_loop_new (NULL, FALSE), g_thread_self (), FALSE, NULL };

  ipt_demo_generate_async (path, 12, IPT_DEMO_SEED_DEFAULT, NULL, NULL, NULL, NULL, on_generated,
                           &waiter);
  g_main_loop_run (waiter.loop);
  g_assert_no_error (waiter.error);
  g_assert_true (waiter.ok);

  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_clients (store, NULL), ==, 12);

  /* An existing file is refused, as the synchronous call does. */
  ipt_demo_generate_async (path, 12, IPT_DEMO_SEED_DEFAULT, NULL, NULL, NULL, NULL, on_generated,
                           &waiter);
  g_main_loop_run (waiter.loop);
  g_assert_false (waiter.ok);
  g_assert_error (waiter.error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS);
  g_clear_error (&waiter.error);
  g_main_loop_unref (waiter.loop);
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Waiter *waiter = user_data;

  g_assert_true (g_thread_self () == waiter->main_thread);
  waiter->ok = ipt_store_backup_to_finish (IPT_STORE (source), result, &waiter->error);
  g_main_loop_quit (waiter->loop);
}

static void
test_backup_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autofree char *copy_path = g_build_filename (dir, "copy.sqlite", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "copy.sqlite", NULL);
  g_autoptr(IptStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { g_main_loop_new (NULL, FALSE), g_thread_self (), FALSE, NULL };

  ipt_store_backup_to_async (store, copy_path, NULL, NULL, NULL, NULL, on_backed_up, &waiter);
  g_main_loop_run (waiter.loop);
  g_assert_no_error (waiter.error);
  g_assert_true (waiter.ok);
  /* The window's connection was free all along. */
  g_assert_true (sqlite3_get_autocommit (_ipt_store_get_db (store)));

  copy = ipt_store_open (copy_path, IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_clients (copy, NULL), ==, 1);

  /* A folder that is not there: the error comes back, nothing is written. */
  ipt_store_backup_to_async (store, missing, NULL, NULL, NULL, NULL, on_backed_up, &waiter);
  g_main_loop_run (waiter.loop);
  g_assert_false (waiter.ok);
  g_assert_nonnull (waiter.error);
  g_clear_error (&waiter.error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_main_loop_unref (waiter.loop);
}

typedef struct
{
  Waiter  base;
  char   *path;
} PathWaiter;

static void
on_backed_up_now (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PathWaiter *waiter = user_data;

  g_assert_true (g_thread_self () == waiter->base.main_thread);
  waiter->path = ipt_store_backup_now_finish (IPT_STORE (source), result, &waiter->base.error);
  waiter->base.ok = waiter->path != NULL;
  g_main_loop_quit (waiter->base.loop);
}

/* Back Up Now in a worker thread: today's backup with what is saved, older ones rotated. */
static void
test_backup_now_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptClient) client = add_client (store, "C-0001");
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *oldest = g_build_filename (backups, "casebook-2020-01-01.sqlite", NULL);
  g_autofree char *older = g_build_filename (backups, "casebook-2020-01-02.sqlite", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "casebook-%Y-%m-%d.sqlite");
  g_autofree char *expected = g_build_filename (backups, today, NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *blocked = g_build_filename (file, "backups", NULL);
  g_autoptr(IptStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  PathWaiter waiter = { { g_main_loop_new (NULL, FALSE), g_thread_self (), FALSE, NULL }, NULL };

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (oldest, "", 0, NULL));
  g_assert_true (g_file_set_contents (older, "", 0, NULL));

  ipt_store_backup_now_async (store, backups, 2, NULL, NULL, NULL, NULL, on_backed_up_now,
                              &waiter);
  g_main_loop_run (waiter.base.loop);
  g_assert_no_error (waiter.base.error);
  g_assert_true (waiter.base.ok);
  g_assert_cmpstr (waiter.path, ==, expected);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (older, G_FILE_TEST_EXISTS));
  copy = ipt_store_open (waiter.path, IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_store_count_clients (copy, NULL), ==, 1);
  g_clear_pointer (&waiter.path, g_free);

  /* A folder that cannot be made: the error comes back, no path. */
  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  ipt_store_backup_now_async (store, blocked, 2, NULL, NULL, NULL, NULL, on_backed_up_now,
                              &waiter);
  g_main_loop_run (waiter.base.loop);
  g_assert_false (waiter.base.ok);
  g_assert_null (waiter.path);
  g_assert_nonnull (waiter.base.error);
  g_clear_error (&waiter.base.error);
  g_main_loop_unref (waiter.base.loop);
}

/* Progress comes on the main thread, never going back, never after the result was taken. */
typedef struct
{
  Waiter   base;
  GArray  *fractions;
  gboolean finished;
  gboolean freed;
} ProgressWaiter;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ProgressWaiter *waiter = user_data;

  g_assert_true (g_thread_self () == waiter->base.main_thread);
  g_assert_false (waiter->finished);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  if (waiter->fractions->len > 0)
    g_assert_cmpfloat (fraction, >=, g_array_index (waiter->fractions, double,
                                                     waiter->fractions->len - 1));
  g_array_append_val (waiter->fractions, fraction);
}

static void
on_progress_freed (gpointer user_data)
{
  ProgressWaiter *waiter = user_data;

  waiter->freed = TRUE;
}

static void
on_generated_with_progress (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  ProgressWaiter *waiter = user_data;

  waiter->base.ok = ipt_demo_generate_finish (result, &waiter->base.error);
  waiter->finished = TRUE;
  g_main_loop_quit (waiter->base.loop);
}

static void
on_daily_with_progress (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ProgressWaiter *waiter = user_data;

  waiter->base.ok = ipt_store_backup_daily_finish (IPT_STORE (source), result,
                                                   &waiter->base.error);
  waiter->finished = TRUE;
  g_main_loop_quit (waiter->base.loop);
}

/* Let any progress still queued run: it must not come (on_progress asserts). */
static void
drain (void)
{
  gint64 until = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_progress (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *oldest = g_build_filename (backups, "demo-2020-01-01.sqlite", NULL);
  g_autofree char *older = g_build_filename (backups, "demo-2020-01-02.sqlite", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "demo-%Y-%m-%d.sqlite");
  g_autofree char *expected = g_build_filename (backups, today, NULL);
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ProgressWaiter waiter = { { g_main_loop_new (NULL, FALSE), g_thread_self (), FALSE, NULL },
                            g_array_new (FALSE, FALSE, sizeof (double)), FALSE, FALSE };
  GStatBuf before;

  /* The demo: clients written of all, the last report the whole. */
  ipt_demo_generate_async (path, 300, IPT_DEMO_SEED_DEFAULT, NULL, on_progress, &waiter,
                           on_progress_freed, on_generated_with_progress, &waiter);
  g_main_loop_run (waiter.base.loop);
  g_assert_no_error (waiter.base.error);
  g_assert_true (waiter.base.ok);
  drain ();
  g_assert_true (waiter.freed);
  g_assert_cmpuint (waiter.fractions->len, >=, 1);
  /* Rate-limited: far fewer calls than clients. */
  g_assert_cmpuint (waiter.fractions->len, <, 300);

  /* The daily backup: pages copied of all, then once a day, the newest `keep` kept. */
  store = ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (oldest, "", 0, NULL));
  g_assert_true (g_file_set_contents (older, "", 0, NULL));
  g_assert_true (ipt_store_backup_daily_due (store, backups));
  g_array_set_size (waiter.fractions, 0);
  waiter.finished = waiter.freed = FALSE;
  ipt_store_backup_daily_async (store, backups, 2, NULL, on_progress, &waiter, on_progress_freed,
                                on_daily_with_progress, &waiter);
  g_main_loop_run (waiter.base.loop);
  g_assert_no_error (waiter.base.error);
  g_assert_true (waiter.base.ok);
  drain ();
  g_assert_true (waiter.freed);
  g_assert_cmpuint (waiter.fractions->len, >=, 1);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (older, G_FILE_TEST_EXISTS));
  g_assert_false (ipt_store_backup_daily_due (store, backups));

  /* Once a day: the second run of the day copies nothing. */
  g_assert_cmpint (g_stat (expected, &before), ==, 0);
  waiter.finished = FALSE;
  ipt_store_backup_daily_async (store, backups, 1, NULL, NULL, NULL, NULL,
                                on_daily_with_progress, &waiter);
  g_main_loop_run (waiter.base.loop);
  g_assert_no_error (waiter.base.error);
  g_assert_true (waiter.base.ok);
  {
    GStatBuf after;

    /* A copy would have been renamed into place: another file. */
    g_assert_cmpint (g_stat (expected, &after), ==, 0);
    g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  }
  /* ... but keeps the newest one only when asked to keep one. */
  g_assert_false (g_file_test (older, G_FILE_TEST_EXISTS));

  g_array_unref (waiter.fractions);
  g_main_loop_unref (waiter.base.loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-tasks-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/tasks/demo", test_demo_async);
  g_test_add_func ("/store/tasks/backup", test_backup_async);
  g_test_add_func ("/store/tasks/backup-now", test_backup_now_async);
  g_test_add_func ("/store/tasks/progress", test_progress);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
