/* IptWindow's risk reviews: recorded from the client page or a session's form, edited, deleted,
 * each undoable from the toast. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-risk-review-dialog.h"
#include "ipt-window-private.h"

/* What Undo needs: the review as it was before (NULL: none). The page follows the store's
 * announcements, so nothing here refreshes it. */
typedef struct
{
  gint64         review_id;   /* the review written (recorded or edited) */
  IptRiskReview *before;      /* as it was: deleted or edited; NULL when newly recorded */
} ReviewUndo;

static void
review_undo_free (ReviewUndo *undo)
{
  g_clear_object (&undo->before);
  g_free (undo);
}

static gboolean
undo_review (IptWindow *self,
             gpointer   data,
             GError   **error)
{
  ReviewUndo *undo = data;

  if (undo->before == NULL)
    {
      /* Newly recorded: it goes. */
      if (!ipt_store_delete_risk_review (self->store, undo->review_id, error))
        return FALSE;
    }
  else
    {
      /* Edited: the old words go back in place. Deleted: it comes back as a new row. */
      if (undo->review_id == 0)
        ipt_risk_review_set_id (undo->before, 0);
      if (!ipt_store_save_risk_review (self->store, undo->before, error))
        return FALSE;
    }

  return TRUE;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The dialog over a session's form: when it closes, the form is the window's dialog again. */
static void
on_dialog_destroy (GtkWindow *dialog,
                   IptWindow *self)
{
  GWeakRef *over = g_object_get_data (G_OBJECT (dialog), "over");
  g_autoptr(GtkWindow) parent = over != NULL ? g_weak_ref_get (over) : NULL;

  if (self->dialog == dialog)
    _ipt_window_set_dialog (self, parent);
}

static void
on_review_saved (IptRiskReviewDialog *dialog,
                 gint64               review_id,
                 IptWindow           *self)
{
  ReviewUndo *undo = g_new0 (ReviewUndo, 1);
  IptRiskReview *before = g_object_get_data (G_OBJECT (dialog), "before");

  undo->review_id = review_id;
  undo->before = before != NULL ? g_object_ref (before) : NULL;

  _ipt_window_show_toast (self,
                          before != NULL ? _("Risk review changed") : _("Risk review recorded"),
                          undo_review, undo, (GDestroyNotify) review_undo_free);
}

static void
on_review_deleted (IptRiskReviewDialog *dialog,
                   IptRiskReview       *review,
                   IptWindow           *self)
{
  ReviewUndo *undo = g_new0 (ReviewUndo, 1);

  undo->review_id = 0;
  undo->before = g_object_ref (review);

  _ipt_window_show_toast (self, _("Risk review deleted"), undo_review, undo,
                          (GDestroyNotify) review_undo_free);
}

static void
open_dialog (IptWindow     *self,
             GtkWindow     *parent,
             IptRiskReview *review,
             const char    *date,
             const char    *flag)
{
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);
  IptRiskReviewDialog *dialog;

  if (episode == NULL || ipt_store_get_read_only (self->store))
    return;

  dialog = ipt_risk_review_dialog_new (parent, self->store, ipt_episode_get_id (episode), review,
                                       date, flag);
  if (review != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "before", g_object_ref (review), g_object_unref);
  if (parent != GTK_WINDOW (self))
    {
      GWeakRef *over = g_new0 (GWeakRef, 1);

      g_weak_ref_init (over, parent);
      g_object_set_data_full (G_OBJECT (dialog), "over", over, (GDestroyNotify) weak_ref_free);
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_review_saved), self, 0);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_review_deleted), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroy), self, 0);
  _ipt_window_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ipt_window_on_record_risk_review (GtkWindow  *editor,
                                   const char *date,
                                   const char *flag,
                                   IptWindow  *self)
{
  /* The page's open risk, when the form itself shows none (an earlier session raised it). */
  if (flag == NULL)
    flag = ipt_client_page_get_risk_rule (self->client_page);
  open_dialog (self, editor, NULL, date, flag);
}

static void
record_risk_review_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  open_dialog (self, GTK_WINDOW (self), NULL, NULL,
               ipt_client_page_get_risk_rule (self->client_page));
}

static void
edit_risk_review_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  GPtrArray *reviews = ipt_client_page_get_risk_reviews (self->client_page);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    if (ipt_risk_review_get_id (g_ptr_array_index (reviews, i)) == id)
      {
        open_dialog (self, GTK_WINDOW (self), g_ptr_array_index (reviews, i), NULL, NULL);
        return;
      }
}

void
_ipt_window_update_risk_actions (IptWindow *self)
{
  gboolean can = ipt_client_page_get_client (self->client_page) != NULL
                 && ipt_client_page_get_episode (self->client_page) != NULL
                 && !ipt_client_page_get_read_only (self->client_page)
                 && !ipt_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-risk-review", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-risk-review", can);
}

void
_ipt_window_class_init_risk (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.record-risk-review", NULL,
                                   record_risk_review_action);
  gtk_widget_class_install_action (widget_class, "win.edit-risk-review", "x",
                                   edit_risk_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.record-risk-review", NULL);
}
