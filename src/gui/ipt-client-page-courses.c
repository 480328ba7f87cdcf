/* IptClientPage's courses: each earlier one's case report from the client menu, so that a
 * course before the current one stays within reach (read, never edited); who attended the
 * current course's joint sessions, for the Sessions tab. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-store-casework.h"

void
_ipt_client_page_show_earlier_courses (IptClientPage *self)
{
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->earlier_section);
  if (self->store == NULL || self->client == NULL)
    return;

  earlier = ipt_store_list_earlier_courses (self->store, ipt_client_get_id (self->client), &error);
  if (earlier == NULL)
    {
      g_warning ("Earlier courses of client %" G_GINT64_FORMAT " could not be read: %s",
                 ipt_client_get_id (self->client), error->message);
      return;
    }

  for (guint i = 0; i < earlier->len; i++)
    {
      IptEpisode *episode = g_ptr_array_index (earlier, i);
      const char *end_date = ipt_episode_get_end_date (episode);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (end_date != NULL && *end_date != '\0')
        /* TRANSLATORS: a menu item; "Case Report of Course 1 (ended 2026-03-02)…" */
        label = g_strdup_printf (_("Case Report of Course %u (ended %s)…"),
                                 ipt_episode_get_ordinal (episode), end_date);
      else
        /* TRANSLATORS: a menu item; "Case Report of Course 1…" */
        label = g_strdup_printf (_("Case Report of Course %u…"), ipt_episode_get_ordinal (episode));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.export-report",
                                               g_variant_new_int64 (ipt_episode_get_id (episode)));
      g_menu_append_item (self->earlier_section, item);
    }
}

void
_ipt_client_page_load_attendees (IptClientPage *self)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;

  if (self->attendees == NULL)
    self->attendees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_remove_all (self->attendees);
  if (self->store == NULL || self->episode == NULL)
    return;

  attendees = ipt_store_list_course_attendees (self->store, ipt_episode_get_id (self->episode),
                                               &error);
  if (attendees == NULL)
    {
      g_warning ("Who attended the sessions of course %" G_GINT64_FORMAT " could not be read: %s",
                 ipt_episode_get_id (self->episode), error->message);
      return;
    }

  for (guint i = 0; i < attendees->len; i++)
    {
      const IptAttendee *attendee = g_ptr_array_index (attendees, i);
      g_autofree char *label = ipt_attendee_to_label (attendee);
      const char *before = g_hash_table_lookup (self->attendees, &attendee->session_id);
      char *joined = before != NULL ? g_strconcat (before, "; ", label, NULL) : g_strdup (label);

      g_hash_table_replace (self->attendees, g_memdup2 (&attendee->session_id, sizeof (gint64)),
                            joined);
    }
}
