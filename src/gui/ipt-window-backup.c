/* The window's copies of the casebook: Back Up Now (today's backup, made again) and Save a Copy
 * (anywhere the practitioner chooses), both through SQLite's backup API in a worker thread; and the notification
 * that says where a file went (those copies, an exported chart), with a button to its folder. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipt-gui-private.h"
#include "ipt-tasks.h"
#include "ipt-window-private.h"

/* Back Up Now and Save a Copy run in a worker thread (on a connection of their own), the
 * window responsive meanwhile, the notification area saying what is under way; one at a time. */

static void
copy_started (IptWindow  *self,
              const char *message)
{
  self->copying = g_cancellable_new ();
  ipt_window_set_busy (self, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-now", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
}

/* FALSE when the window went away meanwhile: nothing more to show. */
static gboolean
copy_finished (IptWindow    *self,
               const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  g_clear_object (&self->copying);
  ipt_window_set_busy (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-now", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", TRUE);
  return TRUE;
}

gboolean
_ipt_window_is_copying (IptWindow *self)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);

  return self->copying != NULL;
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IptWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipt_store_backup_now_finish (IPT_STORE (source), result, &error);

  if (!copy_finished (self, error))
    return;
  if (path == NULL)
    {
      _ipt_show_error (GTK_WINDOW (self), _("The casebook could not be backed up"), error);
      return;
    }

  {
    g_autofree char *display = g_filename_display_name (path);
    /* TRANSLATORS: %s is the backup file's path */
    g_autofree char *message = g_strdup_printf (_("Backed up to %s"), display);

    _ipt_window_show_file_toast (self, message, path);
  }
}

void
_ipt_window_back_up_now (IptWindow *self)
{
  int keep = IPT_STORE_BACKUPS_KEPT_DEFAULT;

  g_return_if_fail (IPT_IS_WINDOW (self));

  if (self->copying != NULL)
    return;
  if (self->settings != NULL)
    keep = g_settings_get_int (self->settings, "backups-kept");
  copy_started (self, _("Backing up the casebook…"));
  ipt_store_backup_now_async (self->store, NULL, (guint) MAX (keep, 1), self->copying,
                              on_backed_up, g_object_ref (self));
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

typedef struct
{
  IptWindow *window;
  char      *path;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_object_unref (job->window);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CopyJob, copy_job_free)

static void
on_copy_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CopyJob) job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = ipt_store_backup_to_finish (IPT_STORE (source), result, &error);

  if (!copy_finished (job->window, error))
    return;
  if (!saved)
    {
      _ipt_show_error (GTK_WINDOW (job->window), _("The copy could not be saved"), error);
      return;
    }

  {
    g_autofree char *display = g_filename_display_name (job->path);
    /* TRANSLATORS: %s is the copy's path */
    g_autofree char *message = g_strdup_printf (_("Saved a copy to %s"), display);

    _ipt_window_show_file_toast (job->window, message, job->path);
  }
}

gboolean
_ipt_window_save_copy (IptWindow  *self,
                       const char *path,
                       GError    **error)
{
  CopyJob *job;

  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->copying != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("A copy of the casebook is being made: try again when it is done"));
      return FALSE;
    }
  if (same_file (path, ipt_store_get_path (self->store)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("That is the casebook itself: choose another name for the copy"));
      return FALSE;
    }

  job = g_new0 (CopyJob, 1);
  job->window = g_object_ref (self);
  job->path = g_strdup (path);
  copy_started (self, _("Saving a copy of the casebook…"));
  ipt_store_backup_to_async (self->store, path, self->copying, on_copy_saved, job);
  return TRUE;
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ipt_window_back_up_now (IPT_WINDOW (widget));
}

static void
on_save_copy_response (GtkNativeDialog *dialog,
                       int              response,
                       IptWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a local file"));
      if (error != NULL || !_ipt_window_save_copy (self, path, &error))
        _ipt_show_error (GTK_WINDOW (self), _("The copy could not be saved"), error);
    }

  g_object_unref (self);
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *base = g_path_get_basename (ipt_store_get_path (self->store));
  g_autofree char *stem = g_strdup (base);
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkFileFilter *filter;
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';

  dialog = gtk_file_chooser_native_new (_("Save a Copy of the Casebook"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* TRANSLATORS: suggested file name for a copy, "casebook copy 2026-12-07.sqlite" */
  name = g_strdup_printf (_("%s copy %s.sqlite"), stem, today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  _ipt_file_chooser_use_export_folder (dialog);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("IPT Casebook"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_copy_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ipt_window_show_file_toast (IptWindow  *self,
                             const char *message,
                             const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (IPT_IS_WINDOW (self));
  g_return_if_fail (message != NULL && path != NULL);

  _ipt_window_show_toast (self, message, NULL, NULL, NULL);
  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  if (folder == NULL)
    return;
  uri = g_file_get_uri (folder);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->toast_open_button), "s", uri);
  gtk_widget_set_visible (self->toast_open_button, TRUE);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  _ipt_window_dismiss_toast (self);
  gtk_show_uri (GTK_WINDOW (self), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
on_chart_exported (IptMoodChartView *view,
                   const char       *path,
                   IptWindow        *self)
{
  g_autofree char *display = g_filename_display_name (path);
  /* TRANSLATORS: %s is the chart file's path */
  g_autofree char *message = g_strdup_printf (_("Chart saved to %s"), display);

  _ipt_window_show_file_toast (self, message, path);
}

void
_ipt_window_init_backup (IptWindow *self)
{
  g_signal_connect_object (ipt_client_page_get_mood_chart (self->client_page), "exported",
                           G_CALLBACK (on_chart_exported), self, 0);
}

void
_ipt_window_class_init_backup (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
}
