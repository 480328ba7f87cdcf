/* The client page's risk reviews: listed on the Overview, offered while risk is open. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-date-format.h"
#include "ipt-gui-private.h"

gboolean
_ipt_client_page_load_risk_reviews (IptClientPage *self,
                                    GError       **error)
{
  g_clear_pointer (&self->risk_reviews, g_ptr_array_unref);
  if (self->episode == NULL)
    return TRUE;
  self->risk_reviews = ipt_store_list_risk_reviews (self->store, ipt_episode_get_id (self->episode),
                                                    error);
  return self->risk_reviews != NULL;
}

/* "Asked about plans and means · Plan: weekly calls", on one line. */
static char *
review_summary (IptRiskReview *review)
{
  g_autofree char *asked = g_strdup (ipt_risk_review_get_asked (review));
  g_autofree char *plan = g_strdup (ipt_risk_review_get_plan (review));

  g_strdelimit (asked, "\n\r\t", ' ');
  g_strdelimit (plan, "\n\r\t", ' ');
  /* TRANSLATORS: a risk review in a list: what was asked, then the plan */
  return g_strdup_printf (_("%s · Plan: %s"), g_strstrip (asked), g_strstrip (plan));
}

static GtkWidget *
review_row (IptRiskReview *review)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *shown = ipt_date_format_display (ipt_risk_review_get_date (review));
  GtkWidget *date = gtk_label_new (shown);
  g_autofree char *summary = review_summary (review);
  GtkWidget *text = gtk_label_new (summary);
  g_autofree char *tooltip = NULL;
  const char *done = ipt_risk_review_get_done (review);
  /* TRANSLATORS: %s is a date; the accessible name of a risk review in the client's list */
  g_autofree char *name = g_strdup_printf (_("Risk review of %s"), shown);

  tooltip = g_strdup_printf ("%s\n%s %s\n%s %s\n%s %s", shown,
                             _("Asked:"), ipt_risk_review_get_asked (review),
                             _("Done:"), done != NULL && *done != '\0' ? done : "—",
                             _("Plan:"), ipt_risk_review_get_plan (review));

  gtk_widget_add_css_class (date, "numeric");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "risk-review-row");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-risk-review");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (ipt_risk_review_get_id (review)));
  return button;
}

void
_ipt_client_page_show_risk_reviews (IptClientPage *self)
{
  GtkWidget *child;
  gboolean open = self->summary != NULL && ipt_case_summary_get_has_risk (self->summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->risk_reviews_box))) != NULL)
    gtk_box_remove (self->risk_reviews_box, child);

  gtk_widget_set_visible (self->risk_review_button, open);

  /* Newest first: the one that counts now leads. */
  for (guint i = self->risk_reviews != NULL ? self->risk_reviews->len : 0; i > 0; i--)
    gtk_box_append (self->risk_reviews_box,
                    review_row (g_ptr_array_index (self->risk_reviews, i - 1)));

  if (self->risk_reviews == NULL || self->risk_reviews->len == 0)
    {
      GtkWidget *none = gtk_label_new (open
                                       ? _("None recorded yet: the risk flag stays until one is.")
                                       : _("None recorded in this course."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->risk_reviews_box, none);
    }
}

const char *
ipt_client_page_get_risk_rule (IptClientPage *self)
{
  GPtrArray *signals;

  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  if (self->summary == NULL || !ipt_case_summary_get_has_risk (self->summary))
    return NULL;
  signals = ipt_case_summary_get_signals (self->summary);
  for (guint i = 0; i < signals->len; i++)
    {
      IptSignal *signal = g_ptr_array_index (signals, i);

      if (signal->kind == IPT_SIGNAL_RISK)
        return signal->rule;
    }
  return NULL;
}
