/* A client of the practice: identity, contact details, case code and validation. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-client.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ipt-enums.h"
#include "ipt-date-format.h"

struct _IptClient
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *given_name;
  char *family_name;
  char *preferred_name;
  char *birth_date;
  char *phone;
  char *email;
  char *referrer;
  char *notes;
  gboolean archived;
  char *created_at;
  char *updated_at;
  char *display_name;
};

G_DEFINE_FINAL_TYPE (IptClient, ipt_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_PREFERRED_NAME,
  PROP_BIRTH_DATE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_REFERRER,
  PROP_NOTES,
  PROP_ARCHIVED,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ipt_client_update_display_name (IptClient *self);

static void
ipt_client_finalize (GObject *object)
{
  IptClient *self = (IptClient *) object;

  g_free (self->code);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->preferred_name);
  g_free (self->birth_date);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->referrer);
  g_free (self->notes);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->display_name);

  G_OBJECT_CLASS (ipt_client_parent_class)->finalize (object);
}

static void
ipt_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IptClient *self = IPT_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_PREFERRED_NAME:
      g_value_set_string (value, self->preferred_name);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_REFERRER:
      g_value_set_string (value, self->referrer);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, ipt_client_get_display_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IptClient *self = IPT_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_client_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      ipt_client_set_code (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_NAME:
      ipt_client_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      ipt_client_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_PREFERRED_NAME:
      ipt_client_set_preferred_name (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      ipt_client_set_birth_date (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      ipt_client_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      ipt_client_set_email (self, g_value_get_string (value));
      break;

    case PROP_REFERRER:
      ipt_client_set_referrer (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      ipt_client_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      ipt_client_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      ipt_client_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      ipt_client_set_updated_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_client_class_init (IptClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_client_finalize;
  object_class->get_property = ipt_client_get_property;
  object_class->set_property = ipt_client_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFERRED_NAME] =
    g_param_spec_string ("preferred-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERRER] =
    g_param_spec_string ("referrer", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_client_init (IptClient *self)
{
}

gint64
ipt_client_get_id (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), 0);

  return self->id;
}

void
ipt_client_set_id (IptClient *self,
                   gint64 id)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ipt_client_get_code (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->code;
}

void
ipt_client_set_code (IptClient *self,
                     const char *code)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
  ipt_client_update_display_name (self);
}

const char *
ipt_client_get_given_name (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->given_name;
}

void
ipt_client_set_given_name (IptClient *self,
                           const char *given_name)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->given_name, given_name) == 0)
    return;

  g_free (self->given_name);
  self->given_name = g_strdup (given_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
  ipt_client_update_display_name (self);
}

const char *
ipt_client_get_family_name (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->family_name;
}

void
ipt_client_set_family_name (IptClient *self,
                            const char *family_name)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->family_name, family_name) == 0)
    return;

  g_free (self->family_name);
  self->family_name = g_strdup (family_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
  ipt_client_update_display_name (self);
}

const char *
ipt_client_get_preferred_name (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->preferred_name;
}

void
ipt_client_set_preferred_name (IptClient *self,
                               const char *preferred_name)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->preferred_name, preferred_name) == 0)
    return;

  g_free (self->preferred_name);
  self->preferred_name = g_strdup (preferred_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_NAME]);
  ipt_client_update_display_name (self);
}

const char *
ipt_client_get_birth_date (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->birth_date;
}

void
ipt_client_set_birth_date (IptClient *self,
                           const char *birth_date)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->birth_date, birth_date) == 0)
    return;

  g_free (self->birth_date);
  self->birth_date = g_strdup (birth_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

const char *
ipt_client_get_phone (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->phone;
}

void
ipt_client_set_phone (IptClient *self,
                      const char *phone)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
ipt_client_get_email (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->email;
}

void
ipt_client_set_email (IptClient *self,
                      const char *email)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
ipt_client_get_referrer (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->referrer;
}

void
ipt_client_set_referrer (IptClient *self,
                         const char *referrer)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->referrer, referrer) == 0)
    return;

  g_free (self->referrer);
  self->referrer = g_strdup (referrer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRER]);
}

const char *
ipt_client_get_notes (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->notes;
}

void
ipt_client_set_notes (IptClient *self,
                      const char *notes)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
ipt_client_get_archived (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), FALSE);

  return self->archived;
}

void
ipt_client_set_archived (IptClient *self,
                         gboolean archived)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  archived = !!archived;

  if (self->archived == archived)
    return;

  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

const char *
ipt_client_get_created_at (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->created_at;
}

void
ipt_client_set_created_at (IptClient *self,
                           const char *created_at)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
ipt_client_get_updated_at (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  return self->updated_at;
}

void
ipt_client_set_updated_at (IptClient *self,
                           const char *updated_at)
{
  g_return_if_fail (IPT_IS_CLIENT (self));

  if (g_strcmp0 (self->updated_at, updated_at) == 0)
    return;

  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* "Preferred Family", "Given Family", a single name, or the code when there is no name. */
static char *
compute_display_name (IptClient *self)
{
  const char *first = NULL;
  const char *family = NULL;

  if (self->preferred_name != NULL && *self->preferred_name != '\0')
    first = self->preferred_name;
  else if (self->given_name != NULL && *self->given_name != '\0')
    first = self->given_name;
  if (self->family_name != NULL && *self->family_name != '\0')
    family = self->family_name;

  if (first != NULL && family != NULL)
    return g_strconcat (first, " ", family, NULL);
  if (first != NULL)
    return g_strdup (first);
  if (family != NULL)
    return g_strdup (family);
  return g_strdup (self->code != NULL ? self->code : "");
}

/* Notifies "display-name" only when the name shown changes. */
static void
ipt_client_update_display_name (IptClient *self)
{
  g_autofree char *name = compute_display_name (self);

  if (g_strcmp0 (name, self->display_name) == 0)
    return;
  g_free (self->display_name);
  self->display_name = g_steal_pointer (&name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

IptClient *
ipt_client_new (const char *code)
{
  return g_object_new (IPT_TYPE_CLIENT, "code", code, NULL);
}

const char *
ipt_client_get_display_name (IptClient *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), NULL);

  if (self->display_name == NULL)
    self->display_name = compute_display_name (self);
  return self->display_name;
}

gboolean
ipt_client_birth_date_is_unlikely (const char *birth_date)
{
  if (birth_date == NULL || !ipt_date_is_valid (birth_date))
    return FALSE;
  return g_ascii_strtoll (birth_date, NULL, 10) < IPT_CLIENT_BIRTH_YEAR_ASK_BEFORE;
}

char *
ipt_text_quote_short (const char *text)
{
  const char *end;
  glong n_chars;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (_("(text that is not UTF-8)"));
  n_chars = g_utf8_strlen (text, -1);
  if (n_chars <= IPT_TEXT_QUOTE_MAX_CHARS)
    return g_strdup_printf ("“%s”", text);
  end = g_utf8_offset_to_pointer (text, IPT_TEXT_QUOTE_MAX_CHARS);
  /* TRANSLATORS: a long value cut short in a message: its start and how long it is */
  return g_strdup_printf (_("“%.*s…” (%ld characters)"), (int) (end - text), text, n_chars);
}

gboolean
ipt_client_code_is_valid (const char *code)
{
  gsize len;

  if (code == NULL)
    return FALSE;
  len = strlen (code);
  if (len < 1 || len > 32)
    return FALSE;
  /* Not "-", "+", "=" or "@" first: a spreadsheet would take the code for a formula. */
  if (!g_ascii_isalnum (code[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (code[i]) && code[i] != '-' && code[i] != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* One '@' with text on both sides; the rest is the mail system's business. */
static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && at[1] != '\0' && strchr (at + 1, '@') == NULL;
}

gboolean
ipt_client_validate (IptClient  *self,
                     GError    **error)
{
  g_return_val_if_fail (IPT_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_client_code_is_valid (self->code))
    {
      g_autofree char *shown = ipt_text_quote_short (self->code != NULL ? self->code : "");

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Case code %s must be 1 to 32 letters, digits, “-” or “_”, starting with "
                     "a letter or a digit"), shown);
      return FALSE;
    }

  if (is_set (self->birth_date))
    {
      g_autoptr (GDateTime) now = NULL;
      g_autofree char *today = NULL;

      if (!ipt_date_is_valid (self->birth_date))
        {
          g_autofree char *shown = ipt_text_quote_short (self->birth_date);
          g_autofree char *format = ipt_date_format_pattern ();

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* TRANSLATORS: the first %s is the date as typed, in quotes; the
                        * second the format of a date to type (DD.MM.YYYY) */
                       _("Birth date %s is not a valid date (%s)"), shown, format);
          return FALSE;
        }
      now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
      /* ISO dates compare as strings. */
      if (strcmp (self->birth_date, today) > 0)
        {
          g_autofree char *shown = ipt_date_format_display (self->birth_date);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Birth date %s is in the future"), shown);
          return FALSE;
        }
    }

  if (is_set (self->email) && !email_is_valid (self->email))
    {
      g_autofree char *shown = ipt_text_quote_short (self->email);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("E-mail address %s must have one “@” with text on both sides"), shown);
      return FALSE;
    }

  return TRUE;
}
