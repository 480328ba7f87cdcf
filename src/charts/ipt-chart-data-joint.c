/* Joint sessions on the mood chart: who attended with the client, in words for its tooltips,
 * its description and its mark. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-chart-data.h"

#include <glib/gi18n.h>

#include "ipt-chart-private.h"

gboolean
ipt_chart_session_is_joint (const IptChartSession *session)
{
  g_return_val_if_fail (session != NULL, FALSE);

  return session->attendance == IPT_ATTENDANCE_ATTENDED
         && session->attendees != IPT_ATTENDEES_CLIENT_ALONE;
}

char *
ipt_chart_session_describe_joint (const IptChartSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);

  if (!ipt_chart_session_is_joint (session))
    return NULL;
  if (session->joint_with != NULL && *session->joint_with != '\0')
    /* TRANSLATORS: a joint session on the mood chart: "Joint session with Jamie, partner" */
    return g_strdup_printf (_("Joint session with %s"), session->joint_with);
  switch (session->attendees)
    {
    case IPT_ATTENDEES_WITH_PARTNER:
      return g_strdup (_("Joint session with the client’s partner"));
    case IPT_ATTENDEES_WITH_FAMILY_MEMBER:
      return g_strdup (_("Joint session with a family member"));
    case IPT_ATTENDEES_OTHER:
    case IPT_ATTENDEES_CLIENT_ALONE:
    default:
      return g_strdup (_("Joint session with someone else"));
    }
}

char *
ipt_chart_data_describe_joint_mark (const IptChartData *data,
                                    guint               number)
{
  const IptChartSession *session;
  g_autofree char *date = NULL;
  g_autofree char *joint = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  session = ipt_chart_data_find_session (data, number);
  if (session == NULL || !ipt_chart_session_is_joint (session))
    return NULL;
  date = ipt_chart_format_date (session->date);
  joint = ipt_chart_session_describe_joint (session);
  if (date != NULL)
    /* TRANSLATORS: tooltip of a joint session's mark: "Session 4 · 12 Mar", then who came */
    return g_strdup_printf (_("Session %u · %s\n%s"), number, date, joint);
  return g_strdup_printf (_("Session %u\n%s"), number, joint);
}

char *
ipt_chart_data_describe_joint_sessions (const IptChartData *data)
{
  g_autoptr(GString) list = NULL;
  guint n = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->n_sessions; i++)
    {
      const IptChartSession *s = &data->sessions[i];

      if (!ipt_chart_session_is_joint (s))
        continue;
      if (list == NULL)
        list = g_string_new (NULL);
      else
        /* TRANSLATORS: between joint sessions in a list */
        g_string_append (list, _("; "));
      if (s->joint_with != NULL && *s->joint_with != '\0')
        /* TRANSLATORS: one joint session in a list: "4 with Jamie, partner" */
        g_string_append_printf (list, _("%u with %s"), s->number, s->joint_with);
      else
        g_string_append_printf (list, "%u", s->number);
      n++;
    }
  if (list == NULL)
    return NULL;
  /* TRANSLATORS: "Joint sessions: 4 with Jamie, partner; 9." */
  return g_strdup_printf (ngettext ("Joint session: %s.", "Joint sessions: %s.", n), list->str);
}

void
ipt_chart_data_set_attendees (IptChartData *data,
                              GPtrArray    *sessions,
                              GPtrArray    *attendees,
                              gboolean      with_names)
{
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GHashTable) words = NULL;

  g_return_if_fail (data != NULL);

  if (sessions == NULL || attendees == NULL || attendees->len == 0)
    return;

  numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      gint64 *id = g_new (gint64, 1);

      *id = ipt_session_get_id (session);
      g_hash_table_insert (numbers, id, GUINT_TO_POINTER (ipt_session_get_number (session)));
    }

  /* Who attended each session, in the order given. */
  words = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, NULL);
  for (guint i = 0; i < attendees->len; i++)
    {
      const IptAttendee *attendee = g_ptr_array_index (attendees, i);
      gpointer number = g_hash_table_lookup (numbers, &attendee->session_id);
      g_autofree char *label = NULL;
      GString *text;

      if (number == NULL)
        continue;
      if (with_names)
        label = ipt_attendee_to_label (attendee);
      else if (attendee->person_id != 0 && ipt_relationship_is_plain (attendee->relationship))
        label = g_strdup (attendee->relationship);
      else
        /* TRANSLATORS: who attended a joint session, where names are left out */
        label = g_strdup (_("someone else"));
      if (*label == '\0')
        continue;
      text = g_hash_table_lookup (words, number);
      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (words, number, text);
        }
      else
        /* TRANSLATORS: between people who attended one session: "Jamie, partner and Sam, son" */
        g_string_append (text, _(" and "));
      g_string_append (text, label);
    }

  for (guint i = 0; i < data->n_sessions; i++)
    {
      GString *text = g_hash_table_lookup (words, GUINT_TO_POINTER (data->sessions[i].number));

      if (text == NULL)
        continue;
      g_free (data->sessions[i].joint_with);
      data->sessions[i].joint_with = g_string_free (text, FALSE);
      g_hash_table_remove (words, GUINT_TO_POINTER (data->sessions[i].number));
    }
  /* What no session of the chart took. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, words);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_string_free (value, TRUE);
  }
}
