/* IptWindow's actions: clients, courses, sessions, search, undo. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-client-dialog.h"
#include "ipt-course-dialog.h"
#include "ipt-session-editor.h"
#include "ipt-store-snapshot.h"
#include "ipt-window-private.h"

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  IptUndoFunc func = self->undo_func;
  gpointer data = self->undo_data;
  GDestroyNotify data_free = self->undo_data_free;

  if (func == NULL)
    return;

  /* Take the data out first: the undo may show a toast of its own. */
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_data_free = NULL;
  _ipt_window_dismiss_toast (self);

  if (!func (self, data, &error))
    _ipt_show_error (GTK_WINDOW (self), _("This could not be undone"), error);

  if (data_free != NULL)
    data_free (data);
}

static void
dismiss_toast_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ipt_window_dismiss_toast (IPT_WINDOW (widget));
}

/* Clients */

static char *
suggest_code (IptWindow *self)
{
  guint n = self->caseload->len;
  guint64 highest = 0;

  /* After the highest code of the form C-0042, when the practice numbers its clients so. */
  for (guint i = 0; i < n; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (self->caseload, i);
      const char *code = ipt_client_get_code (ipt_case_summary_get_client (summary));
      guint64 number;

      if (g_str_has_prefix (code, "C-")
          && g_ascii_string_to_unsigned (code + 2, 10, 0, 9999999, &number, NULL))
        highest = MAX (highest, number);
    }

  return g_strdup_printf ("C-%04" G_GUINT64_FORMAT, highest + 1);
}

/* The caseload and the page follow the store by themselves; a new client is also opened. */
static void
on_client_saved (IptClientDialog *dialog,
                 gint64           client_id,
                 IptWindow       *self)
{
  if (self->client_id != client_id)
    _ipt_window_select_client (self, client_id);
}

static void
present_dialog (IptWindow *self,
                GtkWindow *dialog)
{
  _ipt_window_set_dialog (self, dialog);
  gtk_window_present (dialog);
}

static void
new_client_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  g_autofree char *code = suggest_code (self);
  IptClientDialog *dialog = ipt_client_dialog_new (GTK_WINDOW (self), self->store, NULL, code);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_client_saved), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  IptClient *client = ipt_client_page_get_client (self->client_page);
  IptClientDialog *dialog;

  if (client == NULL)
    return;

  dialog = ipt_client_dialog_new (GTK_WINDOW (self), self->store, client, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_client_saved), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static gboolean
set_archived (IptWindow *self,
              gint64     client_id,
              gboolean   archived,
              GError   **error)
{
  g_autoptr(IptClient) client = ipt_store_get_client (self->store, client_id, error);

  if (client == NULL)
    return FALSE;
  ipt_client_set_archived (client, archived);
  return ipt_store_update_client (self->store, client, error);
}

static gboolean
undo_archive (IptWindow *self,
              gpointer   data,
              GError   **error)
{
  gint64 *client_id = data;

  return set_archived (self, *client_id, FALSE, error);
}

static void
archive (IptWindow *self,
         gboolean   archived)
{
  IptClient *client = ipt_client_page_get_client (self->client_page);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 client_id;

  if (client == NULL)
    return;

  client_id = ipt_client_get_id (client);
  /* TRANSLATORS: %s is a client's name */
  message = g_strdup_printf (archived ? _("%s archived") : _("%s restored from the archive"),
                             ipt_client_get_display_name (client));
  if (!set_archived (self, client_id, archived, &error))
    {
      _ipt_show_error (GTK_WINDOW (self), _("The client could not be archived"), error);
      return;
    }

  _ipt_window_show_toast (self, message, archived ? undo_archive : NULL,
                          archived ? g_memdup2 (&client_id, sizeof client_id) : NULL, g_free);
}

static void
archive_client_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  archive (IPT_WINDOW (widget), TRUE);
}

static void
unarchive_client_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  archive (IPT_WINDOW (widget), FALSE);
}

/* Deleting a client keeps everything of theirs in memory until the toast goes, so that Undo
 * can write it back (both ways one store call, one transaction). */

static gboolean
undo_delete_client (IptWindow *self,
                    gpointer   data,
                    GError   **error)
{
  if (!ipt_store_restore_client (self->store, data, error))
    return FALSE;
  _ipt_window_select_client (self, ipt_client_snapshot_get_client_id (data));
  return TRUE;
}

static void
delete_client (IptWindow *self,
               gint64     client_id)
{
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  client = ipt_store_get_client (self->store, client_id, &error);
  if (client != NULL)
    snapshot = ipt_store_take_client (self->store, client_id, &error);
  if (snapshot == NULL)
    {
      _ipt_show_error (GTK_WINDOW (self), _("The client could not be deleted"), error);
      return;
    }

  /* TRANSLATORS: %s is a client's name */
  message = g_strdup_printf (_("%s deleted"),
                             ipt_client_get_display_name (client));
  _ipt_window_show_toast (self, message, undo_delete_client, g_steal_pointer (&snapshot),
                          (GDestroyNotify) ipt_client_snapshot_free);
}

static void
on_delete_dialog_response (GtkDialog *dialog,
                           int        response,
                           IptWindow *self)
{
  gint64 client_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "client-id");

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    delete_client (self, client_id);
  else if (response == GTK_RESPONSE_APPLY && self->client_id == client_id)
    archive (self, TRUE);
}

static void
delete_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  IptClient *client = ipt_client_page_get_client (self->client_page);
  GtkWidget *dialog;
  GtkWidget *button;
  gint64 client_id;

  if (client == NULL)
    return;

  client_id = ipt_client_get_id (client);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* TRANSLATORS: %s is a client's name */
                                   _("Delete %s?"), ipt_client_get_display_name (client));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Their courses, sessions, scores, inventory and "
                                              "notes are deleted from the casebook. To keep the "
                                              "records but take the client off the caseload, "
                                              "archive them instead."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Archive Instead"), GTK_RESPONSE_APPLY);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "client-id",
                          g_memdup2 (&client_id, sizeof client_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

/* Courses */

static void
open_course_dialog (IptWindow  *self,
                    IptEpisode *episode)
{
  IptClient *client = ipt_client_page_get_client (self->client_page);
  IptCourseDialog *dialog;

  if (client == NULL)
    return;

  dialog = ipt_course_dialog_new (GTK_WINDOW (self), self->store, ipt_client_get_id (client),
                                  episode);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
new_course_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_course_dialog (IPT_WINDOW (widget), NULL);
}

static void
edit_course_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);

  if (episode != NULL)
    open_course_dialog (self, episode);
}

/* Sessions */

static gboolean
undo_delete_session (IptWindow *self,
                     gpointer   data,
                     GError   **error)
{
  return ipt_store_restore_session (self->store, data, error);
}

static void
on_session_deleted (IptSessionEditor *editor,
                    IptSession       *session,
                    IptWindow        *self)
{
  IptSessionSnapshot *snapshot = ipt_session_editor_steal_deleted (editor);
  g_autofree char *message = NULL;

  if (snapshot == NULL)
    return;
  /* TRANSLATORS: %u is a session number */
  message = g_strdup_printf (_("Session %u deleted"), ipt_session_get_number (session));
  _ipt_window_show_toast (self, message, undo_delete_session, snapshot,
                          (GDestroyNotify) ipt_session_snapshot_free);
}

static void
open_session_editor (IptWindow  *self,
                     IptSession *session)
{
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);
  IptSessionEditor *editor;

  if (episode == NULL)
    return;

  editor = ipt_session_editor_new (GTK_WINDOW (self), self->store, episode,
                                   ipt_client_page_get_sessions (self->client_page), session);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_session_deleted), self, 0);
  g_signal_connect_object (editor, "record-risk-review",
                           G_CALLBACK (_ipt_window_on_record_risk_review), self, 0);
  present_dialog (self, GTK_WINDOW (editor));
}

static void
record_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_session_editor (IPT_WINDOW (widget), NULL);
}

static void
edit_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  GPtrArray *sessions = ipt_client_page_get_sessions (self->client_page);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    if (ipt_session_get_id (g_ptr_array_index (sessions, i)) == id)
      {
        open_session_editor (self, g_ptr_array_index (sessions, i));
        return;
      }
}

/* The chart of the client shown: to a file or to paper. */

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  ipt_mood_chart_view_export (ipt_client_page_get_mood_chart (self->client_page),
                              GTK_WINDOW (self));
}

static void
print_chart_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  ipt_mood_chart_view_print (ipt_client_page_get_mood_chart (self->client_page),
                             GTK_WINDOW (self));
}

void
_ipt_window_update_actions (IptWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  IptClient *client = ipt_client_page_get_client (self->client_page);
  IptEpisode *episode = ipt_client_page_get_episode (self->client_page);
  gboolean writable = !ipt_store_get_read_only (self->store);
  gboolean has_client = client != NULL && writable;
  gboolean archived = client != NULL && ipt_client_get_archived (client);
  gboolean running = episode != NULL && ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE;
  /* An earlier course shown: read and exported, never changed (back to the current one first). */
  gboolean course_writable = has_client && !ipt_client_page_get_read_only (self->client_page);

  gtk_widget_action_set_enabled (widget, "win.undo", self->undo_func != NULL);
  gtk_widget_action_set_enabled (widget, "win.new-client", writable);
  gtk_widget_action_set_enabled (widget, "win.edit-client", has_client);
  gtk_widget_action_set_enabled (widget, "win.archive-client", has_client && !archived);
  gtk_widget_action_set_enabled (widget, "win.unarchive-client", has_client && archived);
  gtk_widget_action_set_enabled (widget, "win.delete-client", has_client);
  gtk_widget_action_set_enabled (widget, "win.new-course", course_writable && !running);
  gtk_widget_action_set_enabled (widget, "win.edit-course", course_writable && episode != NULL);
  gtk_widget_action_set_enabled (widget, "win.record-session", course_writable && episode != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-session", course_writable && episode != NULL);
  gtk_widget_action_set_enabled (widget, "win.open-course", client != NULL);
  /* reading only: a read-only casebook's charts can still be exported and printed */
  gtk_widget_action_set_enabled (widget, "win.export-chart", client != NULL && episode != NULL);
  gtk_widget_action_set_enabled (widget, "win.print-chart", client != NULL && episode != NULL);
  _ipt_window_update_risk_actions (self);
  _ipt_window_update_course_actions (self);
}

void
_ipt_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_action);
  gtk_widget_class_install_action (widget_class, "win.edit-client", NULL, edit_client_action);
  gtk_widget_class_install_action (widget_class, "win.archive-client", NULL, archive_client_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-client", NULL, unarchive_client_action);
  gtk_widget_class_install_action (widget_class, "win.delete-client", NULL, delete_client_action);
  gtk_widget_class_install_action (widget_class, "win.new-course", NULL, new_course_action);
  gtk_widget_class_install_action (widget_class, "win.edit-course", NULL, edit_course_action);
  gtk_widget_class_install_action (widget_class, "win.record-session", NULL, record_session_action);
  gtk_widget_class_install_action (widget_class, "win.edit-session", "x", edit_session_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.print-chart", NULL, print_chart_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-toast", NULL, dismiss_toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.record-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-chart", NULL);

  _ipt_window_class_init_risk (widget_class);
  _ipt_window_class_init_course (widget_class);
}
