/* A dated life event on the client's timeline, with its impact on mood. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-life-event.h"
#include "ipt-enums.h"
#include "ipt-date-format.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

struct _IptLifeEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 client_id;
  char *date;
  char *title;
  int impact;
  gint64 person_id;
};

G_DEFINE_FINAL_TYPE (IptLifeEvent, ipt_life_event, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_IMPACT,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_life_event_finalize (GObject *object)
{
  IptLifeEvent *self = (IptLifeEvent *) object;

  g_free (self->date);
  g_free (self->title);

  G_OBJECT_CLASS (ipt_life_event_parent_class)->finalize (object);
}

static void
ipt_life_event_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IptLifeEvent *self = IPT_LIFE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_IMPACT:
      g_value_set_int (value, self->impact);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_life_event_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IptLifeEvent *self = IPT_LIFE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_life_event_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      ipt_life_event_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      ipt_life_event_set_date (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      ipt_life_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_IMPACT:
      ipt_life_event_set_impact (self, g_value_get_int (value));
      break;

    case PROP_PERSON_ID:
      ipt_life_event_set_person_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_life_event_class_init (IptLifeEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_life_event_finalize;
  object_class->get_property = ipt_life_event_get_property;
  object_class->set_property = ipt_life_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPACT] =
    g_param_spec_int ("impact", NULL, NULL,
                      IPT_LIFE_EVENT_IMPACT_MIN, IPT_LIFE_EVENT_IMPACT_MAX, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_life_event_init (IptLifeEvent *self)
{
}

gint64
ipt_life_event_get_id (IptLifeEvent *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), 0);

  return self->id;
}

void
ipt_life_event_set_id (IptLifeEvent *self,
                       gint64 id)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_life_event_get_client_id (IptLifeEvent *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), 0);

  return self->client_id;
}

void
ipt_life_event_set_client_id (IptLifeEvent *self,
                              gint64 client_id)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

const char *
ipt_life_event_get_date (IptLifeEvent *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), NULL);

  return self->date;
}

void
ipt_life_event_set_date (IptLifeEvent *self,
                         const char *date)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
ipt_life_event_get_title (IptLifeEvent *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), NULL);

  return self->title;
}

void
ipt_life_event_set_title (IptLifeEvent *self,
                          const char *title)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
ipt_life_event_get_impact (IptLifeEvent *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), 0);

  return self->impact;
}

char *
ipt_life_event_format_impact (int impact)
{
  if (impact < 0)
    return g_strdup_printf ("\u2212%d", -impact);
  if (impact > 0)
    return g_strdup_printf ("+%d", impact);
  return g_strdup ("0");
}

void
ipt_life_event_set_impact (IptLifeEvent *self,
                           int impact)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT (self));

  if (self->impact == impact)
    return;

  self->impact = impact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT]);
}

gint64
ipt_life_event_get_person_id (IptLifeEvent *self)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), 0);

  return self->person_id;
}

void
ipt_life_event_set_person_id (IptLifeEvent *self,
                              gint64 person_id)
{
  g_return_if_fail (IPT_IS_LIFE_EVENT (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/* NULL, empty or only white space. */
static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

IptLifeEvent *
ipt_life_event_new (gint64      client_id,
                    const char *date,
                    const char *title,
                    int         impact)
{
  IptLifeEvent *self = g_object_new (IPT_TYPE_LIFE_EVENT,
                                     "client-id", client_id,
                                     "date", date,
                                     "title", title,
                                     NULL);

  /* Set directly: an impossible impact is kept for validate () to name. */
  self->impact = impact;
  return self;
}

gboolean
ipt_life_event_validate (IptLifeEvent  *self,
                         GError       **error)
{
  g_return_val_if_fail (IPT_IS_LIFE_EVENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_date_is_valid (self->date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("Date “%s” is not a valid date (%s)"),
                   self->date != NULL ? self->date : "", format);
      return FALSE;
    }
  if (is_blank (self->title))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Title must not be empty"));
      return FALSE;
    }
  if (self->impact < IPT_LIFE_EVENT_IMPACT_MIN || self->impact > IPT_LIFE_EVENT_IMPACT_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Impact on mood must be between %d and +%d, not %d"),
                   IPT_LIFE_EVENT_IMPACT_MIN, IPT_LIFE_EVENT_IMPACT_MAX, self->impact);
      return FALSE;
    }
  return TRUE;
}
