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
}

static void
ipt_review_init (IptReview *self)
{
}

static void
set_modified (IptReview *self,
              gboolean   modified)
{
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

const char *
ipt_review_checklist_notice (void)
{
  return _("This checklist is the app’s own, built from the tasks of each phase of IPT. It is "
           "not the IPT Institute’s Quality and Adherence Scale, whose items are given out on "
           "request.");
}
