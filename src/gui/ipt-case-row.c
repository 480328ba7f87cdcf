/* One row of the caseload list: name, code, focus, progress, signal badge, sparkline. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-case-row.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

#include "ipt-sparkline.h"

struct _IptCaseRow
{
  GtkWidget       parent_instance;

  IptCaseSummary *summary;

  GtkLabel       *name_label;
  GtkLabel       *code_label;
  GtkLabel       *focus_label;
  GtkLabel       *progress_label;
  GtkLabel       *badge_label;
  GtkBox         *side_box;
  GtkWidget      *sparkline;
};

G_DEFINE_FINAL_TYPE (IptCaseRow, ipt_case_row, GTK_TYPE_WIDGET)

static void
ipt_case_row_dispose (GObject *object)
{
  IptCaseRow *self = IPT_CASE_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->summary);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_CASE_ROW);
  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ipt_case_row_parent_class)->dispose (object);
}

static void
ipt_case_row_class_init (IptCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_case_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IptCaseRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseRow, focus_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseRow, side_box);
  gtk_widget_class_set_css_name (widget_class, "caserow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipt_case_row_init (IptCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sparkline = GTK_WIDGET (ipt_sparkline_new ());
  gtk_widget_set_halign (self->sparkline, GTK_ALIGN_END);
  gtk_box_append (self->side_box, self->sparkline);
}

GtkWidget *
ipt_case_row_new (void)
{
  return g_object_new (IPT_TYPE_CASE_ROW, NULL);
}

IptCaseSummary *
ipt_case_row_get_summary (IptCaseRow *self)
{
  g_return_val_if_fail (IPT_IS_CASE_ROW (self), NULL);

  return self->summary;
}

void
ipt_case_row_set_summary (IptCaseRow     *self,
                          IptCaseSummary *summary,
                          gboolean        us_wording)
{
  IptClient *client;
  IptEpisode *episode;
  IptSignalKind kind;
  g_autofree char *focus = NULL;
  g_autofree char *accessible = NULL;
  const char *name;

  g_return_if_fail (IPT_IS_CASE_ROW (self));
  g_return_if_fail (summary == NULL || IPT_IS_CASE_SUMMARY (summary));

  g_set_object (&self->summary, summary);

  ipt_sparkline_set_summary (IPT_SPARKLINE (self->sparkline), summary);

  if (summary == NULL)
    return;

  client = ipt_case_summary_get_client (summary);
  episode = ipt_case_summary_get_episode (summary);
  kind = ipt_case_summary_get_signal_kind (summary);
  name = ipt_client_get_display_name (client);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->code_label, ipt_client_get_code (client));
  /* The code shows once when the client has no name. */
  gtk_widget_set_visible (GTK_WIDGET (self->code_label),
                          g_strcmp0 (name, ipt_client_get_code (client)) != 0);

  focus = _ipt_focus_text (episode, us_wording);
  gtk_label_set_label (self->focus_label, focus);

  if (episode != NULL)
    gtk_label_set_label (self->progress_label, ipt_case_summary_get_progress_text (summary));
  else if (ipt_client_get_archived (client))
    gtk_label_set_label (self->progress_label, _("Archived"));
  else
    gtk_label_set_label (self->progress_label, _("Start a course to record sessions"));

  if (episode != NULL)
    {
      gtk_label_set_label (self->badge_label, ipt_signal_kind_to_label (kind));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_label),
                                   ipt_case_summary_get_signal_rule (summary));
      _ipt_widget_set_signal_class (GTK_WIDGET (self->badge_label), kind);
      gtk_widget_set_visible (GTK_WIDGET (self->badge_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->badge_label), FALSE);
    }

  accessible = g_strdup_printf ("%s, %s, %s, %s",
                                name,
                                gtk_label_get_label (self->focus_label),
                                gtk_label_get_label (self->progress_label),
                                episode != NULL ? ipt_signal_kind_to_label (kind) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
