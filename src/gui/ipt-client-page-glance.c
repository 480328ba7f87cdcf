/* IptClientPage at a glance: age, contact details, referrer, when the client was last seen,
 * and "No session for N weeks" when the running course has gone quiet. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-date-format.h"
#include "ipt-gui-private.h"

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

/* The date of the course's latest attended session: when the client was last seen. */
static const char *
last_seen (IptClientPage *self)
{
  const char *last = NULL;

  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (self->sessions, i);
      const char *date = ipt_session_get_date (session);

      if (ipt_session_get_attended (session) && ipt_date_is_valid (date)
          && (last == NULL || g_strcmp0 (date, last) > 0))
        last = date;
    }
  return last;
}

void
_ipt_client_page_show_glance (IptClientPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *today = _ipt_today ();
  g_autofree char *age_text = NULL;
  g_autofree char *referrer_text = NULL;
  g_autofree char *seen_text = NULL;
  g_autofree char *quiet = NULL;
  const char *seen;
  int age;

  if (self->client == NULL)
    {
      gtk_label_set_label (self->glance_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->quiet_label), FALSE);
      return;
    }

  age = ipt_age_on (ipt_client_get_birth_date (self->client), today);
  if (age >= 0)
    /* TRANSLATORS: the client's age in years, "Age 34" */
    age_text = g_strdup_printf (_("Age %d"), age);
  append_part (text, age_text);
  append_part (text, ipt_client_get_phone (self->client));
  append_part (text, ipt_client_get_email (self->client));
  if (ipt_client_get_referrer (self->client) != NULL && *ipt_client_get_referrer (self->client) != '\0')
    /* TRANSLATORS: who referred the client, "Referred by GP Dr Shah" */
    referrer_text = g_strdup_printf (_("Referred by %s"), ipt_client_get_referrer (self->client));
  append_part (text, referrer_text);

  seen = last_seen (self);
  if (seen != NULL)
    {
      g_autofree char *shown = ipt_date_format_display (seen);

      /* TRANSLATORS: the date of the last attended session, "Last seen 2026-11-30" */
      seen_text = g_strdup_printf (_("Last seen %s"), shown);
    }
  else if (self->episode != NULL)
    seen_text = g_strdup (_("Not seen yet in this course"));
  append_part (text, seen_text);
  gtk_label_set_label (self->glance_label, text->str);

  if (self->episode != NULL)
    quiet = ipt_course_quiet_text (ipt_episode_get_status (self->episode), seen, today);
  gtk_label_set_label (self->quiet_label, quiet != NULL ? quiet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quiet_label), quiet != NULL);
}
