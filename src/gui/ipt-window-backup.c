/* The window's copies of the casebook: Back Up Now (today's backup, made again) and Save a Copy
 * (anywhere the practitioner chooses), both through SQLite's backup API in a worker thread; and the notification
 * that says where a file went (those copies, an exported chart), with a button to its folder. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipt-gui-private.h"
#include "ipt-preferences.h"
#include "ipt-tasks.h"
#include "ipt-window-private.h"

/* Back Up Now and Save a Copy run in a worker thread (on a connection of their own), the
 * window responsive meanwhile, the busy indicator showing how far the copy is; one at a time.
 * The application is held until the copy is done, and its end shows nothing over a window
 * closed meanwhile. */

typedef struct
{
  IptWindow *window;
  IptJob    *job;
  char      *path;      /* Save a Copy: where */
} CopyJob;

static void
copy_job_free (CopyJob *copy)
{
  ipt_job_finish (copy->job);
  g_object_unref (copy->job);
  g_object_unref (copy->window);
  g_free (copy->path);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CopyJob, copy_job_free)

static CopyJob *
copy_started (IptWindow  *self,
              const char *label,
              const char *path)
{
  CopyJob *copy = g_new0 (CopyJob, 1);

  copy->window = g_object_ref (self);
  copy->job = _ipt_window_begin_job (self, label);
  copy->path = g_strdup (path);
  self->copying = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-now", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  return copy;
}

/* FALSE when the window went away meanwhile: nothing more to show over it. */
static gboolean
copy_finished (CopyJob *copy)
{
  IptWindow *self = copy->window;

  ipt_job_finish (copy->job);
  g_clear_object (&self->copying);
  if (!_ipt_window_is_open (self))
    return FALSE;
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
  g_autoptr(CopyJob) copy = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipt_store_backup_now_finish (IPT_STORE (source), result, &error);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (copy->window));
  gboolean open = copy_finished (copy);

  if (path == NULL)
    {
      _ipt_window_report_failure (open ? copy->window : NULL, app,
                                  _("The casebook could not be backed up"), error);
      return;
    }
  if (open)
    {
      g_autofree char *display = g_filename_display_name (path);
      /* TRANSLATORS: %s is the backup file's path */
      g_autofree char *message = g_strdup_printf (_("Backed up to %s"), display);

      _ipt_window_show_file_toast (copy->window, message, path);
    }
}

void
_ipt_window_back_up_now (IptWindow *self)
{
  CopyJob *copy;

  g_return_if_fail (IPT_IS_WINDOW (self));

  if (self->copying != NULL)
    return;
  copy = copy_started (self, _("Backing up the casebook…"), NULL);
  ipt_store_backup_now_async (self->store, NULL,
                              ipt_preferences_get_backups_kept (ipt_preferences_get_default ()),
                              self->copying, ipt_job_progress_func, g_object_ref (copy->job),
                              g_object_unref, on_backed_up, copy);
}

/* The day's automatic backup: once a day, the newest N kept (Preferences), in a worker thread
 * once the window is shown, so that nothing stands between the practitioner and the casebook.
 * The busy indicator shows it only when a copy is made (the first opening of the day). */

typedef struct
{
  IptWindow *window;
  IptJob    *job;
} DailyBackup;

static void
on_daily_backup_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DailyBackup *daily = user_data;
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (daily->window));

  if (!ipt_store_backup_daily_finish (IPT_STORE (source), result, &error))
    /* The casebook stays open: a failed backup is told, and tried again at the next opening. */
    _ipt_window_report_failure (_ipt_window_is_open (daily->window) ? daily->window : NULL, app,
                                _("The casebook could not be backed up"), error);
  ipt_job_finish (daily->job);
  g_object_unref (daily->job);
  g_object_unref (daily->window);
  g_free (daily);
}

IptJob *
ipt_window_back_up_daily (IptWindow *self)
{
  GtkApplication *app;
  DailyBackup *daily;
  const char *label;

  g_return_val_if_fail (IPT_IS_WINDOW (self), NULL);

  app = gtk_window_get_application (GTK_WINDOW (self));
  label = _("Backing up the casebook…");
  daily = g_new0 (DailyBackup, 1);
  daily->window = g_object_ref (self);
  if (ipt_store_backup_daily_due (self->store, NULL))
    daily->job = _ipt_window_begin_job (self, label);
  else
    /* Only the rotation: quick, not worth showing; the application is held all the same. */
    daily->job = ipt_job_new (app != NULL ? G_APPLICATION (app) : NULL, label);
  ipt_store_backup_daily_async (self->store, NULL,
                                ipt_preferences_get_backups_kept (ipt_preferences_get_default ()),
                                NULL, ipt_job_progress_func, g_object_ref (daily->job),
                                g_object_unref, on_daily_backup_done, daily);
  return g_object_ref (daily->job);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
on_copy_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CopyJob) copy = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = ipt_store_backup_to_finish (IPT_STORE (source), result, &error);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (copy->window));
  gboolean open = copy_finished (copy);

  if (!saved)
    {
      _ipt_window_report_failure (open ? copy->window : NULL, app,
                                  _("The copy could not be saved"), error);
      return;
    }
  if (open)
    {
      g_autofree char *display = g_filename_display_name (copy->path);
      /* TRANSLATORS: %s is the copy's path */
      g_autofree char *message = g_strdup_printf (_("Saved a copy to %s"), display);

      _ipt_window_show_file_toast (copy->window, message, copy->path);
    }
}

gboolean
_ipt_window_save_copy (IptWindow  *self,
                       const char *path,
                       GError    **error)
{
  CopyJob *copy;

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

  copy = copy_started (self, _("Saving a copy of the casebook…"), path);
  ipt_store_backup_to_async (self->store, path, self->copying, ipt_job_progress_func,
                             g_object_ref (copy->job), g_object_unref, on_copy_saved, copy);
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
