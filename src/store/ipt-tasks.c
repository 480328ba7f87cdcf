/* Long store work in a GTask's worker thread, the result back on the caller's main context. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-tasks.h"

#include "ipt-demo.h"

typedef enum
{
  JOB_DEMO,
  JOB_BACKUP_TO,
  JOB_BACKUP_NOW,
  JOB_BACKUP_DAILY,
} JobKind;

typedef struct
{
  JobKind           kind;
  char             *path;        /* the demo's, or the casebook to copy */
  char             *dest_path;   /* a copy: the file; today's backup: the folder (NULL: default) */
  guint             n_clients;
  guint32           seed;
  guint             keep;
  IptProgressRelay *relay;
} Job;

static void
job_free (Job *job)
{
  ipt_progress_relay_free (job->relay);
  g_free (job->path);
  g_free (job->dest_path);
  g_free (job);
}

static Job *
job_new (JobKind          kind,
         const char      *path,
         IptProgressFunc  progress,
         gpointer         progress_data,
         GDestroyNotify   progress_data_free)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->path = g_strdup (path);
  job->relay = ipt_progress_relay_new (progress, progress_data, progress_data_free);
  return job;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(IptStore) reader = NULL;
  char *path = NULL;
  GError *error = NULL;
  gboolean ok;

  if (job->kind == JOB_DEMO)
    {
      if (ipt_demo_generate_with_progress (job->path, job->n_clients, job->seed,
                                           ipt_progress_relay_func, job->relay, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  if (job->kind == JOB_BACKUP_DAILY)
    {
      if (ipt_store_backup_daily_file (job->path, job->dest_path, job->keep,
                                       ipt_progress_relay_func, job->relay, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  /* A copy reads the casebook on a connection of its own, read-only. */
  reader = ipt_store_open (job->path, IPT_STORE_OPEN_READ_ONLY | IPT_STORE_OPEN_NO_BACKUP, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  switch (job->kind)
    {
    case JOB_BACKUP_TO:
      ok = ipt_store_backup_to_with_progress (reader, job->dest_path, ipt_progress_relay_func,
                                              job->relay, &error);
      break;
    case JOB_BACKUP_NOW:
    default:
      ok = ipt_store_backup_now_with_progress (reader, job->dest_path, job->keep,
                                               ipt_progress_relay_func, job->relay, &path, &error);
      break;
    }
  if (!ok)
    g_task_return_error (task, error);
  else if (job->kind == JOB_BACKUP_NOW)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_job (gpointer             source_object,
         gpointer             source_tag,
         Job                 *job,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* The result taken: no progress is told after it. */
static GTask *
take_result (GAsyncResult *result)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  ipt_progress_relay_close (job->relay);
  return G_TASK (result);
}

void
ipt_demo_generate_async (const char          *path,
                         guint                n_clients,
                         guint32              seed,
                         GCancellable        *cancellable,
                         IptProgressFunc      progress,
                         gpointer             progress_data,
                         GDestroyNotify       progress_data_free,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Job *job;

  g_return_if_fail (path != NULL);

  job = job_new (JOB_DEMO, path, progress, progress_data, progress_data_free);
  job->n_clients = n_clients;
  job->seed = seed;
  run_job (NULL, ipt_demo_generate_async, job, cancellable, callback, user_data);
}

gboolean
ipt_demo_generate_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_demo_generate_async, FALSE);

  return g_task_propagate_boolean (take_result (result), error);
}

void
ipt_store_backup_to_async (IptStore            *store,
                           const char          *dest_path,
                           GCancellable        *cancellable,
                           IptProgressFunc      progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_data_free,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (IPT_IS_STORE (store));
  g_return_if_fail (dest_path != NULL);

  job = job_new (JOB_BACKUP_TO, ipt_store_get_path (store), progress, progress_data,
                 progress_data_free);
  job->dest_path = g_strdup (dest_path);
  run_job (store, ipt_store_backup_to_async, job, cancellable, callback, user_data);
}

gboolean
ipt_store_backup_to_finish (IptStore     *store,
                            GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_store_backup_to_async,
                        FALSE);

  return g_task_propagate_boolean (take_result (result), error);
}

void
ipt_store_backup_now_async (IptStore            *store,
                            const char          *backup_dir,
                            guint                keep,
                            GCancellable        *cancellable,
                            IptProgressFunc      progress,
                            gpointer             progress_data,
                            GDestroyNotify       progress_data_free,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (IPT_IS_STORE (store));

  job = job_new (JOB_BACKUP_NOW, ipt_store_get_path (store), progress, progress_data,
                 progress_data_free);
  job->dest_path = g_strdup (backup_dir);
  job->keep = keep;
  run_job (store, ipt_store_backup_now_async, job, cancellable, callback, user_data);
}

char *
ipt_store_backup_now_finish (IptStore     *store,
                             GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_store_backup_now_async,
                        NULL);

  return g_task_propagate_pointer (take_result (result), error);
}

void
ipt_store_backup_daily_async (IptStore            *store,
                              const char          *backup_dir,
                              guint                keep,
                              GCancellable        *cancellable,
                              IptProgressFunc      progress,
                              gpointer             progress_data,
                              GDestroyNotify       progress_data_free,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job;

  g_return_if_fail (IPT_IS_STORE (store));

  job = job_new (JOB_BACKUP_DAILY, ipt_store_get_path (store), progress, progress_data,
                 progress_data_free);
  job->dest_path = g_strdup (backup_dir);
  job->keep = keep;
  run_job (store, ipt_store_backup_daily_async, job, cancellable, callback, user_data);
}

gboolean
ipt_store_backup_daily_finish (IptStore     *store,
                               GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_store_backup_daily_async,
                        FALSE);

  return g_task_propagate_boolean (take_result (result), error);
}
