/* Long store work in a GTask's worker thread, the result back on the caller's main context. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-tasks.h"

#include "ipt-demo.h"

typedef struct
{
  char   *path;
  guint   n_clients;
  guint32 seed;
} DemoJob;

static void
demo_job_free (DemoJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
generate_demo_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DemoJob *job = task_data;
  GError *error = NULL;

  if (ipt_demo_generate (job->path, job->n_clients, job->seed, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ipt_demo_generate_async (const char          *path,
                         guint                n_clients,
                         guint32              seed,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  g_return_if_fail (path != NULL);

  job = g_new0 (DemoJob, 1);
  job->path = g_strdup (path);
  job->n_clients = n_clients;
  job->seed = seed;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipt_demo_generate_async);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, generate_demo_thread);
}

gboolean
ipt_demo_generate_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_demo_generate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *source_path;
  char *dest_path;    /* Back Up Now: the folder, NULL for the default one */
  guint keep;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->source_path);
  g_free (job->dest_path);
  g_free (job);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(IptStore) reader = NULL;
  GError *error = NULL;

  reader = ipt_store_open (job->source_path, IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP,
                           &error);
  if (reader == NULL || !ipt_store_backup_to (reader, job->dest_path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ipt_store_backup_to_async (IptStore            *store,
                           const char          *dest_path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (IPT_IS_STORE (store));
  g_return_if_fail (dest_path != NULL);

  job = g_new0 (BackupJob, 1);
  job->source_path = g_strdup (ipt_store_get_path (store));
  job->dest_path = g_strdup (dest_path);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipt_store_backup_to_async);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
ipt_store_backup_to_finish (IptStore     *store,
                            GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_store_backup_to_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
backup_now_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(IptStore) reader = NULL;
  char *path = NULL;
  GError *error = NULL;

  reader = ipt_store_open (job->source_path, IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP,
                           &error);
  if (reader == NULL || !ipt_store_backup_now (reader, job->dest_path, job->keep, &path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

void
ipt_store_backup_now_async (IptStore            *store,
                            const char          *backup_dir,
                            guint                keep,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (IPT_IS_STORE (store));

  job = g_new0 (BackupJob, 1);
  job->source_path = g_strdup (ipt_store_get_path (store));
  job->dest_path = g_strdup (backup_dir);
  job->keep = keep;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipt_store_backup_now_async);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_now_thread);
}

char *
ipt_store_backup_now_finish (IptStore     *store,
                             GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_store_backup_now_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
