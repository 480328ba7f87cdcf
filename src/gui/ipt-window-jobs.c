/* IptWindow's busy indicator: a row for each long job under way (its label, a progress bar, and
 * how far it is), shown while any job runs, apart from the notification and its Undo; and what a
 * job's end does when the window was closed meanwhile. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-window-private.h"

typedef struct
{
  GtkWidget *spinner;
  GtkWidget *percent;
  GtkWidget *bar;
} JobRow;

static void
update_row (IptJob     *job,
            GParamSpec *pspec,
            GtkWidget  *row)
{
  JobRow *parts = g_object_get_data (G_OBJECT (row), "ipt-job-row");
  double fraction = ipt_job_get_fraction (job);
  gboolean known = fraction >= 0;
  g_autofree char *percent = NULL;
  g_autofree char *description = NULL;

  /* The size of the work not known (yet): a spinner instead of the bar. */
  gtk_widget_set_visible (parts->spinner, !known);
  gtk_spinner_set_spinning (GTK_SPINNER (parts->spinner), !known);
  gtk_widget_set_visible (parts->percent, known);
  gtk_widget_set_visible (parts->bar, known);
  if (known)
    {
      int whole = (int) (fraction * 100 + 0.5);

      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (parts->bar), fraction);
      /* TRANSLATORS: how much of a job is done, "42 %" */
      percent = g_strdup_printf (_("%d %%"), whole);
      gtk_label_set_label (GTK_LABEL (parts->percent), percent);
      /* TRANSLATORS: read out for a job's progress bar */
      description = g_strdup_printf (_("%d percent done"), whole);
    }
  else
    {
      description = g_strdup (_("Under way"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  IptJob *job = IPT_JOB (item);
  JobRow *parts = g_new0 (JobRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (ipt_job_get_label (job));
  GtkWidget *row = gtk_list_box_row_new ();

  parts->spinner = gtk_spinner_new ();
  parts->percent = gtk_label_new (NULL);
  parts->bar = gtk_progress_bar_new ();
  gtk_widget_add_css_class (parts->percent, "busy-percent");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), parts->spinner);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), parts->percent);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), parts->bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ipt_job_get_label (job), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ipt_job_get_label (job), -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "ipt-job-row", parts, g_free);

  update_row (job, NULL, row);
  g_signal_connect_object (job, "notify::fraction", G_CALLBACK (update_row), row, 0);
  return row;
}

static void
on_jobs_changed (GListModel *jobs,
                 guint       position,
                 guint       removed,
                 guint       added,
                 IptWindow  *self)
{
  gtk_revealer_set_reveal_child (self->jobs_revealer, g_list_model_get_n_items (jobs) > 0);
}

static void
on_job_finished (IptJob    *job,
                 IptWindow *self)
{
  guint position;

  /* Only this job's row goes: the others under way stay shown. */
  if (g_list_store_find (self->jobs, job, &position))
    g_list_store_remove (self->jobs, position);
}

void
ipt_window_add_job (IptWindow *self,
                    IptJob    *job)
{
  g_return_if_fail (IPT_IS_WINDOW (self));
  g_return_if_fail (IPT_IS_JOB (job));

  if (ipt_job_get_finished (job) || g_list_store_find (self->jobs, job, NULL))
    return;
  g_signal_connect_object (job, "finished", G_CALLBACK (on_job_finished), self, 0);
  g_list_store_append (self->jobs, job);
}

IptJob *
_ipt_window_begin_job (IptWindow  *self,
                       const char *label)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  IptJob *job = ipt_job_new (app != NULL ? G_APPLICATION (app) : NULL, label);

  ipt_window_add_job (self, job);
  return job;
}

GListModel *
_ipt_window_get_jobs (IptWindow *self)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->jobs);
}

gboolean
_ipt_window_is_open (IptWindow *self)
{
  g_return_val_if_fail (IPT_IS_WINDOW (self), FALSE);

  /* gtk_window_destroy () takes the window out of its application, even while a job still
   * holds a reference to it. */
  return gtk_window_get_application (GTK_WINDOW (self)) != NULL;
}

void
_ipt_window_report_failure (IptWindow      *self,
                            GtkApplication *app,
                            const char     *primary,
                            const GError   *error)
{
  GtkWindow *other;
  g_autoptr(GNotification) notification = NULL;

  /* Cancelled: the window went away and said so itself. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self != NULL && _ipt_window_is_open (self))
    {
      _ipt_show_error (GTK_WINDOW (self), primary, error);
      return;
    }
  /* The window was closed meanwhile: another one of the application says it, or else the
   * desktop does, since the practitioner expects the file and will not find it. */
  other = app != NULL ? gtk_application_get_active_window (app) : NULL;
  if (other != NULL)
    {
      _ipt_show_error (other, primary, error);
      return;
    }
  g_printerr ("ipt-casebook: %s: %s\n", primary, error->message);
  if (app == NULL || !g_application_get_is_registered (G_APPLICATION (app)))
    return;
  notification = g_notification_new (primary);
  g_notification_set_body (notification, error->message);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (G_APPLICATION (app), NULL, notification);
}

void
_ipt_window_init_jobs (IptWindow *self)
{
  self->jobs = g_list_store_new (IPT_TYPE_JOB);
  gtk_list_box_bind_model (self->jobs_list, G_LIST_MODEL (self->jobs), create_row, NULL, NULL);
  g_signal_connect_object (self->jobs, "items-changed", G_CALLBACK (on_jobs_changed), self, 0);
}

void
_ipt_window_dispose_jobs (IptWindow *self)
{
  if (self->jobs != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
        {
          g_autoptr(IptJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

          g_signal_handlers_disconnect_by_data (job, self);
        }
    }
  g_clear_object (&self->jobs);
}
