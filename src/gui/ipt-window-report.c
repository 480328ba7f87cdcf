/* IptWindow's case report: a course of the client shown (the current one or an earlier one) to
 * a PDF, the client's name only when asked for; a toast says where it went. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-case-report.h"
#include "ipt-gui-private.h"
#include "ipt-window-private.h"

#define CHOICE_INCLUDE_NAME "include-name"

/* The report is written through a temporary file renamed over the target at the end, so a
 * program killed meanwhile leaves no half file; the job holds the application until then. */
typedef struct
{
  IptCaseReport  *report;
  char           *path;
  gboolean        include_name;
  IptJob         *job;
  GtkApplication *app;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_clear_pointer (&job->report, ipt_case_report_free);
  if (job->job != NULL)
    ipt_job_finish (job->job);
  g_clear_object (&job->job);
  g_clear_object (&job->app);
  g_free (job->path);
  g_free (job);
}

static void
write_report_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReportJob *job = task_data;
  GError *error = NULL;

  if (!ipt_case_report_write (job->report, job->path, job->include_name, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_report_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  IptWindow *self = IPT_WINDOW (source);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *display = NULL;

  ipt_job_finish (job->job);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _ipt_window_report_failure (_ipt_window_is_open (self) ? self : NULL, job->app,
                                  _("The case report could not be saved"), error);
      return;
    }
  /* Closed meanwhile: the file is there, nothing to show it over. */
  if (!_ipt_window_is_open (self))
    return;

  display = g_filename_display_name (job->path);
  /* TRANSLATORS: a toast; %s is the path of the PDF written */
  message = g_strdup_printf (_("Case report saved to %s"), display);
  _ipt_window_show_file_toast (self, message, job->path);
}

gboolean
_ipt_window_export_report (IptWindow  *self,
                           gint64      episode_id,
                           const char *path,
                           gboolean    include_name,
                           GError    **error)
{
  IptClient *client = ipt_client_page_get_client (self->client_page);
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GTask) task = NULL;
  ReportJob *job;

  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (client == NULL)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                           _("No client is shown"));
      return FALSE;
    }
  if (episode_id != 0)
    {
      episode = ipt_store_get_episode (self->store, episode_id, error);
      if (episode == NULL)
        return FALSE;
      if (ipt_episode_get_client_id (episode) != ipt_client_get_id (client))
        {
          g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                               _("That course is not the shown client’s"));
          return FALSE;
        }
    }

  /* Read here, where the store lives; the drawing and writing run in a thread. */
  job = g_new0 (ReportJob, 1);
  job->report = ipt_case_report_load (self->store, client, episode, error);
  if (job->report == NULL)
    {
      report_job_free (job);
      return FALSE;
    }
  job->path = g_strdup (path);
  job->include_name = include_name;
  job->app = gtk_window_get_application (GTK_WINDOW (self));
  if (job->app != NULL)
    g_object_ref (job->app);
  job->job = _ipt_window_begin_job (self, _("Writing the case report…"));

  task = g_task_new (self, NULL, on_report_written, NULL);
  g_task_set_source_tag (task, _ipt_window_export_report);
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, write_report_thread);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     IptWindow       *self)
{
  gint64 episode_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "episode-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog),
                                                        CHOICE_INCLUDE_NAME);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".pdf"))
        {
          char *with_extension = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_extension;
        }
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a local file"));
      if (error != NULL
          || !_ipt_window_export_report (self, episode_id, path,
                                         g_strcmp0 (choice, "true") == 0, &error))
        _ipt_show_error (GTK_WINDOW (self), _("The case report could not be saved"), error);
    }

  g_object_unref (dialog);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  IptClient *client = ipt_client_page_get_client (self->client_page);
  gint64 episode_id = g_variant_get_int64 (parameter);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;

  if (client == NULL)
    return;
  /* "The course shown": an earlier one when the page shows it. */
  if (episode_id == 0 && ipt_client_page_get_read_only (self->client_page))
    episode_id = ipt_episode_get_id (ipt_client_page_get_episode (self->client_page));

  dialog = gtk_file_chooser_native_new (_("Export Case Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* The file is named by the case code, never the client's name. */
  /* TRANSLATORS: suggested file name, "C-0042 case report.pdf" */
  name = g_strdup_printf (_("%s case report.pdf"), ipt_client_get_code (client));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  _ipt_file_chooser_use_export_folder (dialog);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF document (A4)"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  /* Off by default: the report is de-identified unless the practitioner asks. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), CHOICE_INCLUDE_NAME,
                               _("Include the client’s name"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), CHOICE_INCLUDE_NAME, "false");

  g_object_set_data_full (G_OBJECT (dialog), "episode-id",
                          g_memdup2 (&episode_id, sizeof episode_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ipt_window_update_report_actions (IptWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report",
                                 ipt_client_page_get_client (self->client_page) != NULL
                                 && ipt_client_page_get_episode (self->client_page) != NULL);
}

void
_ipt_window_class_init_report (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", "x", export_report_action);
}
