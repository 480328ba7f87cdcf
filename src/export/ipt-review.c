/* An open review file in review mode. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-review.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "ipt-review-file.h"

struct _IptReview
{
  GObject parent_instance;

  char *path;
  char *passphrase;     /* sodium_malloc: locked, wiped on free */
  IptReviewDb *db;
  GPtrArray *cases;
  gboolean modified;
  guint64 generation;   /* additions so far: a save in a thread knows what it saved */
};

G_DEFINE_FINAL_TYPE (IptReview, ipt_review, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_review_finalize (GObject *object)
{
  IptReview *self = (IptReview *) object;

  g_free (self->path);
  if (self->passphrase != NULL)
    sodium_free (self->passphrase);
  g_clear_object (&self->db);
  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (ipt_review_parent_class)->finalize (object);
}

static void
ipt_review_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IptReview *self = IPT_REVIEW (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ipt_review_class_init (IptReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_review_finalize;
  object_class->get_property = ipt_review_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each addition: the case's episode id, so that views of it follow. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
ipt_review_init (IptReview *self)
{
}

static void
set_modified (IptReview *self,
              gboolean   modified)
{
  if (modified)
    self->generation++;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

IptReview *
ipt_review_open (const char *path,
                 const char *passphrase,
                 GError    **error)
{
  g_autoptr(IptReview) self = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED,
                           _("The encryption library could not start"));
      return NULL;
    }

  self = g_object_new (IPT_TYPE_REVIEW, NULL);
  self->db = ipt_review_file_open (path, passphrase, error);
  if (self->db == NULL)
    return NULL;
  self->cases = ipt_review_db_list_cases (self->db, error);
  if (self->cases == NULL)
    return NULL;

  length = strlen (passphrase);
  self->passphrase = sodium_malloc (length + 1);
  if (self->passphrase == NULL)
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED,
                           _("Not enough memory to keep the passphrase"));
      return NULL;
    }
  memcpy (self->passphrase, passphrase, length + 1);
  self->path = g_strdup (path);
  return g_steal_pointer (&self);
}

const char *
ipt_review_get_path (IptReview *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  return self->path;
}

GPtrArray *
ipt_review_get_cases (IptReview *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  return self->cases;
}

IptReviewCase *
ipt_review_find_case (IptReview  *self,
                      const char *code)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      IptReviewCase *rc = g_ptr_array_index (self->cases, i);

      if (g_strcmp0 (rc->code, code) == 0)
        return rc;
    }
  return NULL;
}

gboolean
ipt_review_get_modified (IptReview *self)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), FALSE);
  return self->modified;
}

IptSessionReview *
ipt_review_new_session_review (IptReview           *self,
                               const IptReviewCase *review_case,
                               guint                number)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  g_return_val_if_fail (review_case != NULL, NULL);

  for (guint i = 0; i < review_case->sessions->len; i++)
    {
      const IptReviewSession *s = &g_array_index (review_case->sessions, IptReviewSession, i);

      if (s->number == number)
        return ipt_session_review_new (review_case->episode_id, number, s->phase);
    }
  return NULL;
}

gboolean
ipt_review_add_comment (IptReview  *self,
                        IptComment *comment,
                        GError    **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), FALSE);

  if (!ipt_review_db_add_comment (self->db, comment, error))
    return FALSE;
  set_modified (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, ipt_comment_get_episode_id (comment));
  return TRUE;
}

gboolean
ipt_review_add_session_review (IptReview        *self,
                               IptSessionReview *review,
                               GError          **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), FALSE);

  if (!ipt_review_db_add_session_review (self->db, review, error))
    return FALSE;
  set_modified (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, ipt_session_review_get_episode_id (review));
  return TRUE;
}

gboolean
ipt_review_add_supervision_entry (IptReview           *self,
                                  IptSupervisionEntry *entry,
                                  GError             **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), FALSE);

  if (!ipt_review_db_add_supervision_entry (self->db, entry, error))
    return FALSE;
  set_modified (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, ipt_supervision_entry_get_episode_id (entry));
  return TRUE;
}

GPtrArray *
ipt_review_list_comments (IptReview *self,
                          gint64     episode_id,
                          GError   **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  return ipt_review_db_list_comments (self->db, episode_id, error);
}

GPtrArray *
ipt_review_list_session_reviews (IptReview *self,
                                 gint64     episode_id,
                                 GError   **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  return ipt_review_db_list_session_reviews (self->db, episode_id, error);
}

GPtrArray *
ipt_review_list_supervision_log (IptReview *self,
                                 gint64     episode_id,
                                 GError   **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), NULL);
  return ipt_review_db_list_supervision_log (self->db, episode_id, error);
}

gboolean
ipt_review_save (IptReview *self,
                 GError   **error)
{
  g_return_val_if_fail (IPT_IS_REVIEW (self), FALSE);

  if (!ipt_review_file_save (self->db, self->path, self->passphrase, error))
    return FALSE;
  set_modified (self, FALSE);
  return TRUE;
}

/* Opening in a thread */

typedef struct
{
  char *path;
  char *passphrase;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *d = data;

  g_free (d->path);
  sodium_memzero (d->passphrase, strlen (d->passphrase));
  g_free (d->passphrase);
  g_free (d);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *d = task_data;
  GError *error = NULL;
  IptReview *review = ipt_review_open (d->path, d->passphrase, &error);

  if (review != NULL)
    g_task_return_pointer (task, review, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
ipt_review_open_async (const char          *path,
                       const char          *passphrase,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *d = g_new0 (OpenData, 1);

  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  g_task_set_source_tag (task, ipt_review_open_async);
  d->path = g_strdup (path);
  d->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, d, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

IptReview *
ipt_review_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_review_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving in a thread: the database is copied here, then sealed and written there. */

typedef struct
{
  GBytes  *image;
  char    *path;
  char    *passphrase;
  guint64  generation;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  sodium_memzero ((gpointer) g_bytes_get_data (d->image, NULL), g_bytes_get_size (d->image));
  g_bytes_unref (d->image);
  g_free (d->path);
  sodium_memzero (d->passphrase, strlen (d->passphrase));
  g_free (d->passphrase);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  g_autoptr(GBytes) sealed = NULL;
  GError *error = NULL;

  sealed = ipt_review_envelope_seal (d->image, d->passphrase, crypto_pwhash_OPSLIMIT_MODERATE,
                                     crypto_pwhash_MEMLIMIT_MODERATE, &error);
  if (sealed != NULL && ipt_review_file_write_atomic (d->path, sealed, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ipt_review_save_async (IptReview           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GBytes *image;
  SaveData *d;

  g_return_if_fail (IPT_IS_REVIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipt_review_save_async);
  image = ipt_review_db_serialize (self->db, &error);
  if (image == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  d = g_new0 (SaveData, 1);
  d->image = image;
  d->path = g_strdup (self->path);
  d->passphrase = g_strdup (self->passphrase);
  d->generation = self->generation;
  g_task_set_task_data (task, d, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ipt_review_save_finish (IptReview     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  SaveData *d;

  g_return_val_if_fail (IPT_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_review_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* what was added while the file was being written is still to be saved */
  d = g_task_get_task_data (G_TASK (result));
  if (d->generation == self->generation)
    set_modified (self, FALSE);
  return TRUE;
}

const char *
ipt_review_checklist_notice (void)
{
  return _("This checklist is the app’s own, built from the tasks of each phase of IPT. It is "
           "not the IPT Institute’s Quality and Adherence Scale, whose items are given out on "
           "request.");
}
