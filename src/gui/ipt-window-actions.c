/* IptWindow's actions: clients, courses, sessions, search, undo. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-application.h"
#include "ipt-gui-private.h"
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
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (IPT_IS_APPLICATION (app) && !ipt_application_open_demo (IPT_APPLICATION (app), &error))
    _ipt_show_error (GTK_WINDOW (self), _("The demo caseload could not be opened"), error);
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

void
_ipt_window_update_actions (IptWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->undo_func != NULL);
}

void
_ipt_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-toast", NULL, dismiss_toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}
