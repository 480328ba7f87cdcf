/* Deleting a person from the Inventory tab: the question names what links to them; the
 * deletion takes a snapshot that Undo brings back whole. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-inventory-view-private.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-store-snapshot.h"
#include "ipt-window-private.h"

static gboolean
undo_delete_person (IptWindow *window,
                    gpointer   data,
                    GError   **error)
{
  /* The person comes back with their id, and every link to them with them; the views follow
   * the store's announcement. */
  return ipt_store_restore_person (window->store, data, error);
}

static void
on_delete_response (GtkDialog        *dialog,
                    int               response,
                    IptInventoryView *self)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ipt-person-id"));
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (dialog), "ipt-person-name"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(IptPersonSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->question = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  /* A focus about this person keeps its place and asks for a person again (the store sets its
   * link to none in the same transaction); Undo gives every link back. */
  snapshot = ipt_store_take_person (self->store, person_id, &error);
  if (snapshot == NULL)
    {
      _ipt_show_error (_ipt_inventory_view_parent_window (self), _("The person could not be deleted"), error);
      return;
    }
  if (!IPT_IS_WINDOW (root))
    return;
  /* TRANSLATORS: %s is the name of a person of the client's inventory */
  message = g_strdup_printf (_("%s deleted"), name);
  _ipt_window_show_toast (IPT_WINDOW (root), message, undo_delete_person,
                          g_steal_pointer (&snapshot), (GDestroyNotify) ipt_person_snapshot_free);
}

/* What the question before the deletion says: what links to the person, in sentences, then
 * what becomes of it. */
static char *
describe_references (IptInventoryView *self,
                     IptPerson        *person)
{
  g_auto(IptPersonReferences) refs = { 0 };
  const char *name = ipt_person_get_name (person);
  g_autoptr(GString) text = g_string_new (NULL);

  if (!ipt_store_get_person_references (self->store, ipt_person_get_id (person), &refs, NULL))
    return g_strdup (_("Everything recorded about this person is deleted. "
                       "Life events and sessions linked to them keep their "
                       "place without the link."));

  if (refs.focus_courses->len > 0)
    {
      g_autoptr(GString) courses = g_string_new (NULL);

      for (guint i = 0; i < refs.focus_courses->len; i++)
        g_string_append_printf (courses, "%s%u", i > 0 ? ", " : "",
                                g_array_index (refs.focus_courses, guint, i));
      /* TRANSLATORS: the question before deleting a person of the inventory; the first %s is
       * their name, the second the numbers of the courses, "1" or "1, 2" */
      g_string_append_printf (text, ngettext ("%s is the focus person of course %s.",
                                              "%s is the focus person of courses %s.",
                                              refs.focus_courses->len),
                              name, courses->str);
    }
  if (refs.n_sessions > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* TRANSLATORS: the question before deleting a person of the inventory; %s is their name,
       * %u how many of the client's sessions they came to */
      g_string_append_printf (text, ngettext ("%s attended %u session.", "%s attended %u sessions.",
                                              refs.n_sessions),
                              name, refs.n_sessions);
    }
  if (refs.n_life_events > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* TRANSLATORS: the question before deleting a person of the inventory; %s is their name,
       * %u how many life events of the client's timeline are linked to them */
      g_string_append_printf (text, ngettext ("%s is linked to %u life event.",
                                              "%s is linked to %u life events.",
                                              refs.n_life_events),
                              name, refs.n_life_events);
    }
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, refs.focus_courses->len > 0
                         ? _("The course’s focus is about this person. The focus "
                             "keeps its place and will ask for a person again. "
                             "Everything recorded about this person is deleted.")
                         : _("Everything recorded about this person is deleted. "
                             "Life events and sessions linked to them keep their "
                             "place without the link."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_ipt_inventory_view_delete_person_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);
  IptPerson *person = _ipt_inventory_view_selected_person (self);
  GtkWidget *dialog;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  if (person == NULL || self->question != NULL)
    return;

  /* TRANSLATORS: %s is a person's name or label in the inventory */
  primary = g_strdup_printf (_("Delete %s from the inventory?"), ipt_person_get_name (person));
  secondary = describe_references (self, person);
  dialog = gtk_message_dialog_new (_ipt_inventory_view_parent_window (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", primary);
  _ipt_message_dialog_name (dialog);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"),
                                                   GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data (G_OBJECT (dialog), "ipt-person-id",
                     GSIZE_TO_POINTER ((gsize) ipt_person_get_id (person)));
  g_object_set_data_full (G_OBJECT (dialog), "ipt-person-name",
                          g_strdup (ipt_person_get_name (person)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  self->question = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
