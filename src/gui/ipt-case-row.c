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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caserow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static gboolean
on_badge_query_tooltip (GtkWidget  *badge,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        IptCaseRow *self)
{
  const char *rule;

  if (self->summary == NULL)
    return FALSE;
  rule = ipt_case_summary_get_signal_rule (self->summary);
  if (rule == NULL || *rule == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, rule);
  return TRUE;
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *first_class,
           const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (first_class != NULL)
    gtk_widget_add_css_class (label, first_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* Built in code, not from a template: rows are made as the list scrolls and filters, and
 * each must cost next to nothing. */
static void
ipt_case_row_init (IptCaseRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 10);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_parent (text, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (text), title);
  self->name_label = add_label (title, "heading", NULL);
  self->code_label = add_label (title, "dim-label", "caption");
  gtk_label_set_ellipsize (self->code_label, PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->code_label), GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (GTK_WIDGET (self->name_label), GTK_ALIGN_BASELINE);
  self->focus_label = add_label (text, NULL, NULL);
  self->progress_label = add_label (text, "dim-label", "caption");

  self->side_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_valign (GTK_WIDGET (self->side_box), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->side_box), GTK_WIDGET (self));
  self->badge_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->badge_label), GTK_ALIGN_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "badge");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->badge_label), TRUE);
  g_signal_connect_object (self->badge_label, "query-tooltip",
                           G_CALLBACK (on_badge_query_tooltip), self, 0);
  gtk_box_append (self->side_box, GTK_WIDGET (self->badge_label));

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
      /* The rule shows as the badge's tooltip, asked for when hovered (query-tooltip). */
      gtk_label_set_label (self->badge_label, ipt_signal_kind_to_label (kind));
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
