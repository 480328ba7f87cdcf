/* IptWindow's end of a course: ending it, starting a maintenance contract after it, each one
 * step and undoable from the toast; the case report of a course to a PDF. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-case-report.h"
#include "ipt-ending-dialog.h"
#include "ipt-gui-private.h"
#include "ipt-store-casework.h"
#include "ipt-window-private.h"

/* Undo data of both steps: the course they were taken on. */
static gboolean
undo_end_course (IptWindow *self,
                 gpointer   data,
                 GError   **error)
{
  return ipt_store_reopen_course (self->store, *(gint64 *) data, error);
}

static gboolean
undo_start_maintenance (IptWindow *self,
                        gpointer   data,
                        GError   **error)
{
  return ipt_store_cancel_maintenance (self->store, *(gint64 *) data, error);
}

static void
on_course_ended (IptEndingDialog *dialog,
                 gint64           episode_id,
                 IptWindow       *self)
{
  /* TRANSLATORS: shown in a toast with an Undo button once a course of therapy ended */
  _ipt_window_show_toast (self, _("Course ended"), undo_end_course,
                          g_memdup2 (&episode_id, sizeof episode_id), g_free);
}

static void
end_course_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);
  IptCaseSummary *summary = ipt_client_page_get_summary (self->client_page);
  IptEndingDialog *dialog;

  if (episode == NULL || ipt_episode_get_status (episode) != IPT_EPISODE_STATUS_ACTIVE
      || ipt_store_get_read_only (self->store))
    return;

  dialog = ipt_ending_dialog_new (GTK_WINDOW (self), self->store, episode,
                                  summary != NULL ? ipt_case_summary_get_outcome (summary) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_course_ended), self, 0);
  _ipt_window_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_maintenance_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);
  g_autoptr(IptMaintenance) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = _ipt_today ();
  g_autofree char *message = NULL;
  g_autofree char *every = NULL;
  const char *end_date;
  gint64 episode_id;
  guint planned, weeks;

  if (episode == NULL || ipt_episode_get_status (episode) != IPT_EPISODE_STATUS_ENDED)
    return;

  /* The contract starts today, or on the day the course ended when that is later. */
  end_date = ipt_episode_get_end_date (episode);
  episode_id = ipt_episode_get_id (episode);
  contract = ipt_maintenance_new (episode_id,
                                  end_date != NULL && strcmp (end_date, today) > 0 ? end_date : today,
                                  IPT_MAINTENANCE_SESSIONS_DEFAULT);
  if (!ipt_store_start_maintenance (self->store, contract, &error))
    {
      _ipt_show_error (GTK_WINDOW (self), _("The maintenance contract could not be started"), error);
      return;
    }

  planned = ipt_maintenance_get_planned_sessions (contract);
  weeks = ipt_maintenance_get_interval_weeks (contract);
  /* TRANSLATORS: how often maintenance sessions are, "one every 4 weeks" */
  every = g_strdup_printf (ngettext ("one every %u week", "one every %u weeks", weeks), weeks);
  /* TRANSLATORS: a toast; "Maintenance contract started: 6 sessions, one every 4 weeks" */
  message = g_strdup_printf (ngettext ("Maintenance contract started: %u session, %s",
                                       "Maintenance contract started: %u sessions, %s", planned),
                             planned, every);
  _ipt_window_show_toast (self, message, undo_start_maintenance,
                          g_memdup2 (&episode_id, sizeof episode_id), g_free);
}

/* Opens one of the client's courses on the page: an earlier one to read, 0 the current one. */
static void
open_course_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  ipt_client_page_show_course (self->client_page, g_variant_get_int64 (parameter));
}

void
_ipt_window_update_course_actions (IptWindow *self)
{
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);
  /* An earlier course is read, never changed. */
  gboolean writable = !ipt_store_get_read_only (self->store)
                      && !ipt_client_page_get_read_only (self->client_page);
  IptEpisodeStatus status = episode != NULL ? ipt_episode_get_status (episode)
                                            : IPT_EPISODE_STATUS_ACTIVE;
  gboolean can_maintain = FALSE;

  if (episode != NULL && writable && status == IPT_EPISODE_STATUS_ENDED)
    {
      g_autoptr(IptMaintenance) contract = NULL;
      g_autoptr(GError) error = NULL;

      contract = ipt_store_get_maintenance (self->store, ipt_episode_get_id (episode), &error);
      can_maintain = contract == NULL && error == NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.end-course",
                                 episode != NULL && writable
                                 && status == IPT_EPISODE_STATUS_ACTIVE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-maintenance", can_maintain);
  _ipt_window_update_report_actions (self);
}

void
_ipt_window_class_init_course (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-course", "x", open_course_action);
  gtk_widget_class_install_action (widget_class, "win.end-course", NULL, end_course_action);
  gtk_widget_class_install_action (widget_class, "win.start-maintenance", NULL,
                                   start_maintenance_action);
  _ipt_window_class_init_report (widget_class);
}
