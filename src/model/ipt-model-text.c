/* The free-text fields of the IPT records: set with notification, checked for UTF-8. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-model-text.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

void
_ipt_model_set_text (GObject     *object,
                     char       **slot,
                     const char  *text,
                     GParamSpec  *pspec)
{
  g_assert (slot != NULL);

  if (g_strcmp0 (*slot, text) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (text);
  g_object_notify_by_pspec (object, pspec);
}

gboolean
_ipt_model_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
_ipt_model_check_text (const char  *text,
                       const char  *label,
                       GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  /* TRANSLATORS: %s names a field of a form, e.g. "Warning signs" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s holds bytes that are not text (not UTF-8)"), label);
  return FALSE;
}

char *
_ipt_model_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
