/* IptClientPage's courses: each earlier one opened on the page or as a case report from the
 * client menu, so that a course before the current one stays within reach (read, never
 * edited); who attended the course's joint sessions, for the Sessions tab. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-date-format.h"
#include "ipt-store-casework.h"

gboolean
_ipt_client_page_load_earlier (IptClientPage *self,
                               GError       **error)
{
  IptEpisode *current = ipt_case_summary_get_episode (self->summary);
  g_autoptr(IptCaseSummary) course = NULL;
  GError *local_error = NULL;
  IptEpisode *episode;

  self->earlier = FALSE;
  if (self->course_id == 0
      || (current != NULL && ipt_episode_get_id (current) == self->course_id))
    {
      self->course_id = 0;
      return TRUE;
    }

  course = ipt_store_load_course_summary (self->store, self->course_id, &local_error);
  if (course == NULL && !g_error_matches (local_error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_error (&local_error);
  episode = course != NULL ? ipt_case_summary_get_episode (course) : NULL;
  /* Deleted since, or another client's: the current course it is. */
  if (episode == NULL || ipt_episode_get_client_id (episode) != ipt_client_get_id (self->client))
    {
      self->course_id = 0;
      return TRUE;
    }

  g_set_object (&self->summary, course);
  self->earlier = TRUE;
  return TRUE;
}

/* How the earlier course ended, and its relapse-prevention plan, part by part. */
static void
show_ending (IptClientPage *self)
{
  g_autoptr(IptCourseEnding) ending = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  ending = ipt_store_get_course_ending (self->store, ipt_episode_get_id (self->episode), &error);
  if (ending == NULL)
    {
      if (error != NULL)
        g_warning ("The ending of course %" G_GINT64_FORMAT " could not be read: %s",
                   ipt_episode_get_id (self->episode), error->message);
      gtk_label_set_label (self->ending_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->ending_label), FALSE);
      return;
    }

  g_string_append (text, ipt_end_reason_to_label (ipt_course_ending_get_reason (ending)));
  for (guint i = 0; i < IPT_ENDING_N_TEXTS; i++)
    {
      const char *part = ipt_course_ending_get_text (ending, i);

      if (part == NULL || *part == '\0')
        continue;
      /* TRANSLATORS: one part of the relapse-prevention plan: "Warning signs: sleeping badly" */
      g_string_append_printf (text, _("\n%s: %s"), ipt_ending_text_to_label (i), part);
    }
  g_string_append_printf (text, "\n%s",
                          ipt_course_ending_get_maintenance_offered (ending)
                          ? _("Maintenance sessions were offered.")
                          : _("Maintenance sessions were not offered."));
  gtk_label_set_label (self->ending_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->ending_label), TRUE);
}

void
_ipt_client_page_show_earlier_bar (IptClientPage *self)
{
  const char *end_date;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->earlier_bar, self->earlier);
  if (!self->earlier)
    return;

  end_date = ipt_episode_get_end_date (self->episode);
  date = ipt_date_format_display (end_date);
  if (*date != '\0')
    /* TRANSLATORS: over an earlier course on the client page: "Course 1, ended 2025-03-12 — read
     * only" */
    text = g_strdup_printf (_("Course %u, ended %s — read only"),
                            ipt_episode_get_ordinal (self->episode), date);
  else
    text = g_strdup_printf (_("Course %u, ended — read only"),
                            ipt_episode_get_ordinal (self->episode));
  gtk_label_set_label (self->earlier_label, text);
  show_ending (self);
}

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
      g_autofree char *end_date = ipt_date_format_display (ipt_episode_get_end_date (episode));
      g_autoptr(GMenuItem) item = NULL;
      g_autoptr(GMenuItem) open = NULL;
      g_autofree char *label = NULL;
      g_autofree char *open_label = NULL;

      if (*end_date != '\0')
        /* TRANSLATORS: a menu item; "Open Course 1 (ended 2026-03-02)" */
        open_label = g_strdup_printf (_("Open Course %u (ended %s)"),
                                      ipt_episode_get_ordinal (episode), end_date);
      else
        /* TRANSLATORS: a menu item; "Open Course 1" */
        open_label = g_strdup_printf (_("Open Course %u"), ipt_episode_get_ordinal (episode));
      open = g_menu_item_new (open_label, NULL);
      g_menu_item_set_action_and_target_value (open, "win.open-course",
                                               g_variant_new_int64 (ipt_episode_get_id (episode)));
      g_menu_append_item (self->earlier_section, open);

      if (*end_date != '\0')
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
