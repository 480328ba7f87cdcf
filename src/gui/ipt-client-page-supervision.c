/* IptClientPage's supervision card: what supervisors wrote on the course in review files that
 * were merged (comments, session ratings, log entries), the new ones marked. They count as
 * read once the practitioner leaves the page that showed them (another client, the dashboard,
 * the window closed): the card and the dashboard's "N new" then follow the store's
 * announcement of that change. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-store-supervision.h"

static GtkWidget *
line_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
ensure_card (IptClientPage *self)
{
  GtkWidget *tasks_card;
  GtkWidget *title;

  if (self->supervision_card != NULL)
    return;

  tasks_card = gtk_widget_get_parent (GTK_WIDGET (self->tasks_box));
  self->supervision_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->supervision_card, "ipt-card");
  title = line_new (_("Supervision"), "heading");
  gtk_label_set_selectable (GTK_LABEL (title), FALSE);
  gtk_box_append (GTK_BOX (self->supervision_card), title);
  self->supervision_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (self->supervision_card), GTK_WIDGET (self->supervision_box));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->supervision_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Supervision"), -1);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (tasks_card)),
                              self->supervision_card, tasks_card);
}

void
_ipt_client_page_show_supervision (IptClientPage *self)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gint64 episode_id;
  guint unread;

  ensure_card (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->supervision_box))) != NULL)
    gtk_box_remove (self->supervision_box, child);

  episode_id = self->episode != NULL ? ipt_episode_get_id (self->episode) : 0;
  if (episode_id == 0
      || !ipt_store_list_merged_supervision (self->store, episode_id, &comments, &reviews,
                                             &entries, &error))
    {
      if (error != NULL)
        g_debug ("Supervision of course %" G_GINT64_FORMAT " not read: %s", episode_id,
                 error->message);
      gtk_widget_set_visible (self->supervision_card, FALSE);
      self->unread_episode_id = 0;
      return;
    }
  if (comments->len == 0 && reviews->len == 0 && entries->len == 0)
    {
      gtk_widget_set_visible (self->supervision_card, FALSE);
      self->unread_episode_id = 0;
      return;
    }
  gtk_widget_set_visible (self->supervision_card, TRUE);

  unread = ipt_store_count_unread_supervision (self->store, episode_id, NULL);
  if (unread > 0)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: merged from a review file, not seen yet; they count as seen once the
       * practitioner leaves this page */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u new from your supervisor",
                                           "%u new from your supervisor", unread), unread);
      gtk_box_append (self->supervision_box, line_new (text, "accent"));
    }
  /* Seen when the page showing them is left, if it was on screen meanwhile. */
  if (unread > 0 && self->unread_episode_id != episode_id)
    {
      self->unread_episode_id = episode_id;
      self->unread_seen = gtk_widget_get_mapped (GTK_WIDGET (self));
    }
  else if (unread == 0)
    {
      self->unread_episode_id = 0;
    }

  for (guint i = 0; i < comments->len; i++)
    {
      IptComment *comment = g_ptr_array_index (comments, i);
      guint session = ipt_comment_get_session_number (comment);
      g_autofree char *text = NULL;

      if (session > 0)
        /* TRANSLATORS: a supervisor's comment on one session: "Session 3: text" */
        text = g_strdup_printf (_("Session %u: %s"), session, ipt_comment_get_text (comment));
      else
        text = g_strdup (ipt_comment_get_text (comment));
      gtk_box_append (self->supervision_box, line_new (text, NULL));
    }
  for (guint i = 0; i < reviews->len; i++)
    {
      IptSessionReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *ratings = ipt_session_review_describe_ratings (review);
      const char *comment = ipt_session_review_get_comment (review);
      /* TRANSLATORS: above a supervisor's ratings of one session, merged from a review file */
      g_autofree char *heading = g_strdup_printf (_("Rating of session %u"),
                                                  ipt_session_review_get_session_number (review));

      gtk_box_append (self->supervision_box, line_new (heading, "caption-heading"));
      if (*ratings != '\0')
        gtk_box_append (self->supervision_box, line_new (ratings, "dim-label"));
      if (comment != NULL && *comment != '\0')
        gtk_box_append (self->supervision_box, line_new (comment, NULL));
    }
  for (guint i = 0; i < entries->len; i++)
    {
      IptSupervisionEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *text = ipt_supervision_entry_describe (entry);
      const char *points = ipt_supervision_entry_get_action_points (entry);

      gtk_box_append (self->supervision_box, line_new (text, "caption-heading"));
      if (points != NULL && *points != '\0')
        {
          /* TRANSLATORS: what supervision agreed the practitioner does next */
          g_autofree char *agreed = g_strdup_printf (_("Action points: %s"), points);

          gtk_box_append (self->supervision_box, line_new (agreed, NULL));
        }
    }
}

void
_ipt_client_page_note_mapped (IptClientPage *self)
{
  if (self->unread_episode_id != 0)
    self->unread_seen = TRUE;
}

typedef struct
{
  IptStore     *store;
  gint64        episode_id;
  GApplication *app;       /* held meanwhile: closing the last window must not lose it */
} MarkRead;

static gboolean
mark_read (gpointer user_data)
{
  MarkRead *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!ipt_store_mark_supervision_read (data->store, data->episode_id, &error))
    g_warning ("Supervision of course %" G_GINT64_FORMAT " not marked read: %s",
               data->episode_id, error->message);
  g_object_unref (data->store);
  if (data->app != NULL)
    {
      g_application_release (data->app);
      g_object_unref (data->app);
    }
  g_free (data);
  return G_SOURCE_REMOVE;
}

void
_ipt_client_page_leave_supervision (IptClientPage *self)
{
  MarkRead *data;

  if (self->unread_episode_id == 0 || !self->unread_seen || self->store == NULL)
    return;

  /* From the main loop: leaving happens while widgets change (a page switched, a window
   * closing), and the announcement of the change updates widgets in turn. */
  data = g_new0 (MarkRead, 1);
  data->store = g_object_ref (self->store);
  data->episode_id = self->unread_episode_id;
  data->app = g_application_get_default ();
  if (data->app != NULL)
    {
      g_object_ref (data->app);
      g_application_hold (data->app);
    }
  self->unread_episode_id = 0;
  self->unread_seen = FALSE;
  g_idle_add (mark_read, data);
}
