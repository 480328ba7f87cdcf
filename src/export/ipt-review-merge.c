/* Merging a review file back into the casebook it was made from: every case and record checked
 * against the casebook, then one transaction. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-review-file.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

/* Is each case of the file still the same course of the same client in the casebook? */
static gboolean
check_cases (IptStore    *store,
             IptReviewDb *db,
             const char  *path,
             GHashTable  *episode_ids,
             GError     **error)
{
  g_autoptr(GPtrArray) cases = ipt_review_db_list_cases (db, error);

  if (cases == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    {
      IptReviewCase *rc = g_ptr_array_index (cases, i);
      g_autoptr(IptEpisode) episode = ipt_store_get_episode (store, rc->episode_id, NULL);
      g_autoptr(IptClient) client = NULL;

      if (episode != NULL)
        client = ipt_store_get_client (store, ipt_episode_get_client_id (episode), NULL);
      if (client == NULL || g_strcmp0 (ipt_client_get_code (client), rc->code) != 0)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                       _("%s: the course of %s in this review file is no longer in the "
                         "casebook"), path, rc->code);
          return FALSE;
        }
      g_hash_table_add (episode_ids, g_memdup2 (&rc->episode_id, sizeof rc->episode_id));
    }
  return TRUE;
}

/* Every record the supervisor added belongs to a case of the file: a record for any other
 * course of the casebook was not written by review mode, and nothing of it is merged. */
static gboolean
check_records (GHashTable *episode_ids,
               GPtrArray  *comments,
               GPtrArray  *reviews,
               GPtrArray  *entries,
               const char *path,
               GError    **error)
{
  gint64 outside = 0;

  for (guint i = 0; outside == 0 && i < comments->len; i++)
    {
      gint64 id = ipt_comment_get_episode_id (g_ptr_array_index (comments, i));

      if (!g_hash_table_contains (episode_ids, &id))
        outside = id;
    }
  for (guint i = 0; outside == 0 && i < reviews->len; i++)
    {
      gint64 id = ipt_session_review_get_episode_id (g_ptr_array_index (reviews, i));

      if (!g_hash_table_contains (episode_ids, &id))
        outside = id;
    }
  for (guint i = 0; outside == 0 && i < entries->len; i++)
    {
      gint64 id = ipt_supervision_entry_get_episode_id (g_ptr_array_index (entries, i));

      if (!g_hash_table_contains (episode_ids, &id))
        outside = id;
    }
  if (outside != 0)
    {
      g_set_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED,
                   _("%s: this review file holds comments on a course that was not sent for "
                     "review; nothing was merged"), path);
      return FALSE;
    }
  return TRUE;
}

/* The merge itself, once the file is open: short, on the thread of the casebook. */
static gboolean
merge_db (IptStore            *store,
          IptReviewDb         *db,
          const char          *path,
          IptSupervisionMerge *summary,
          GError             **error)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) episode_ids = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(GError) local_error = NULL;

  uid = ipt_store_get_casebook_uid (store, error);
  if (uid == NULL)
    return FALSE;
  if (g_strcmp0 (ipt_review_db_get_casebook_uid (db), uid) != 0)
    {
      g_set_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_OTHER_CASEBOOK,
                   _("%s: this review file was made from another casebook"), path);
      return FALSE;
    }
  episode_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!check_cases (store, db, path, episode_ids, error))
    return FALSE;

  comments = ipt_review_db_list_comments (db, 0, error);
  if (comments == NULL)
    return FALSE;
  reviews = ipt_review_db_list_session_reviews (db, 0, error);
  if (reviews == NULL)
    return FALSE;
  entries = ipt_review_db_list_supervision_log (db, 0, error);
  if (entries == NULL)
    return FALSE;
  if (!check_records (episode_ids, comments, reviews, entries, path, error))
    return FALSE;

  if (!ipt_store_merge_supervision (store, comments, reviews, entries, summary, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
ipt_review_merge (IptStore            *store,
                  const char          *path,
                  const char          *passphrase,
                  IptSupervisionMerge *summary,
                  GError             **error)
{
  g_autoptr(IptReviewDb) db = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = ipt_review_file_open (path, passphrase, error);
  if (db == NULL)
    return FALSE;
  return merge_db (store, db, path, summary, error);
}

typedef struct
{
  char *path;
  char *passphrase;
} MergeData;

static void
merge_data_free (MergeData *data)
{
  g_free (data->path);
  if (data->passphrase != NULL)
    sodium_memzero (data->passphrase, strlen (data->passphrase));
  g_free (data->passphrase);
  g_free (data);
}

static void
merge_open_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  MergeData *data = task_data;
  GError *error = NULL;
  IptReviewDb *db = ipt_review_file_open (data->path, data->passphrase, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

void
ipt_review_merge_async (IptStore            *store,
                        const char          *path,
                        const char          *passphrase,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  MergeData *data;

  g_return_if_fail (IPT_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  data = g_new0 (MergeData, 1);
  data->path = g_strdup (path);
  data->passphrase = g_strdup (passphrase);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipt_review_merge_async);
  g_task_set_task_data (task, data, (GDestroyNotify) merge_data_free);
  g_task_run_in_thread (task, merge_open_thread);
}

gboolean
ipt_review_merge_finish (IptStore             *store,
                         GAsyncResult         *result,
                         IptSupervisionMerge  *summary,
                         GError              **error)
{
  g_autoptr(IptReviewDb) db = NULL;
  MergeData *data;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  db = g_task_propagate_pointer (G_TASK (result), error);
  if (db == NULL)
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  return merge_db (store, db, data->path, summary, error);
}
