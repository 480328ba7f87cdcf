/* The window's caseload dashboard: a page of its own, over the whole window; a card opens the
 * client's page beside the caseload list again. The window gives it the caseload read so far
 * when it is made (and the rest once a large caseload is read in the background); from then on
 * the dashboard follows the store by itself. */

#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-caseload-view.h"
#include "ipt-window-private.h"

#define DASHBOARD_PAGE "dashboard"

static gboolean
dashboard_shown (IptWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), DASHBOARD_PAGE) == 0;
}

void
_ipt_window_fill_dashboard (IptWindow *self)
{
  if (self->dashboard != NULL)
    ipt_caseload_view_set_cases (self->dashboard, self->caseload);
}

static void
ensure_dashboard (IptWindow *self);

void
_ipt_window_set_dashboard_shown (IptWindow *self,
                                 gboolean   shown)
{
  g_return_if_fail (IPT_IS_WINDOW (self));

  if (shown == dashboard_shown (self))
    return;

  if (shown)
    {
      ensure_dashboard (self);
      gtk_stack_set_visible_child_name (self->content_stack, DASHBOARD_PAGE);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack,
                                        self->client_id != 0 ? "client" : "no-client");
    }
}

static void
on_dashboard_case_activated (IptCaseloadView *view,
                             gint64           client_id,
                             IptWindow       *self)
{
  _ipt_window_select_client (self, client_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->client_page));
}

/* The dashboard takes the whole window: the caseload list comes back with any other page. */
static void
on_content_stack_visible_child_notify (GtkStack   *stack,
                                       GParamSpec *pspec,
                                       IptWindow  *self)
{
  gboolean shown = dashboard_shown (self);

  gtk_widget_set_visible (gtk_paned_get_start_child (self->paned), !shown);
  if (gtk_toggle_button_get_active (self->dashboard_button) != shown)
    gtk_toggle_button_set_active (self->dashboard_button, shown);
  if (shown)
    gtk_widget_grab_focus (GTK_WIDGET (self->dashboard));
}

static void
on_dashboard_button_toggled (GtkToggleButton *button,
                             IptWindow       *self)
{
  _ipt_window_set_dashboard_shown (self, gtk_toggle_button_get_active (button));
}

static void
ensure_dashboard (IptWindow *self)
{
  if (self->dashboard != NULL)
    return;

  /* Made when first shown: a window that never shows it pays nothing at start-up. */
  self->dashboard = ipt_caseload_view_new ();
  ipt_caseload_view_set_store (self->dashboard, self->store);
  g_signal_connect_object (self->dashboard, "case-activated",
                           G_CALLBACK (on_dashboard_case_activated), self, 0);
  gtk_stack_add_titled (self->content_stack, GTK_WIDGET (self->dashboard), DASHBOARD_PAGE,
                        _("Caseload Dashboard"));
  _ipt_window_fill_dashboard (self);
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IptWindow *self = IPT_WINDOW (widget);

  _ipt_window_set_dashboard_shown (self, !dashboard_shown (self));
}

void
_ipt_window_class_init_dashboard (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, IptWindow, dashboard_button);
  gtk_widget_class_bind_template_callback (widget_class, on_dashboard_button_toggled);

  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL,
                                   show_dashboard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.show-dashboard", NULL);
}

void
_ipt_window_init_dashboard (IptWindow *self)
{
  g_signal_connect_object (self->content_stack, "notify::visible-child",
                           G_CALLBACK (on_content_stack_visible_child_notify), self, 0);
}
