/* The window's supervision actions: a supervision pack and a review file of the cases the
 * practitioner picks, and merging a review file the supervisor sent back. */

#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-supervision-dialog.h"
#include "ipt-window-private.h"

static void
open_dialog (IptWindow                *self,
             IptSupervisionDialogMode  mode)
{
  IptSupervisionDialog *dialog = ipt_supervision_dialog_new (self, mode);

  _ipt_window_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
supervision_pack_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_dialog (IPT_WINDOW (widget), IPT_SUPERVISION_DIALOG_PACK);
}

static void
export_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_dialog (IPT_WINDOW (widget), IPT_SUPERVISION_DIALOG_REVIEW_FILE);
}

static void
merge_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_dialog (IPT_WINDOW (widget), IPT_SUPERVISION_DIALOG_MERGE);
}

void
_ipt_window_class_init_supervision (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.supervision-pack", NULL,
                                   supervision_pack_action);
  gtk_widget_class_install_action (widget_class, "win.export-review", NULL, export_review_action);
  gtk_widget_class_install_action (widget_class, "win.merge-review", NULL, merge_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.merge-review", NULL);
}
