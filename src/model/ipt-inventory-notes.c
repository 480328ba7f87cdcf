/* The case-level fields of the interpersonal inventory (clinical.md section 3). */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-inventory-notes.h"
#include "ipt-model-text.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

static const struct
{
  const char *name;
  const char *label;
} inventory_texts[IPT_INVENTORY_N_TEXTS] = {
  { "social-support", N_("Social support") },
  { "confiding", N_("Confiding relationships") },
  { "communication-style", N_("Communication style") },
  { "onset-changes", N_("Changes around the onset") },
};

const char *
ipt_inventory_text_to_label (IptInventoryText field)
{
  g_return_val_if_fail (field < IPT_INVENTORY_N_TEXTS, NULL);

  return _(inventory_texts[field].label);
}

const char *
ipt_inventory_text_to_name (IptInventoryText field)
{
  g_return_val_if_fail (field < IPT_INVENTORY_N_TEXTS, NULL);

  return inventory_texts[field].name;
}

struct _IptInventoryNotes
{
  GObject parent_instance;

  gint64 client_id;
  char *texts[IPT_INVENTORY_N_TEXTS];
};

G_DEFINE_FINAL_TYPE (IptInventoryNotes, ipt_inventory_notes, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLIENT_ID,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + IPT_INVENTORY_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_inventory_notes_finalize (GObject *object)
{
  IptInventoryNotes *self = (IptInventoryNotes *) object;

  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (ipt_inventory_notes_parent_class)->finalize (object);
}

static void
ipt_inventory_notes_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IptInventoryNotes *self = IPT_INVENTORY_NOTES (object);

  if (prop_id == PROP_CLIENT_ID)
    g_value_set_int64 (value, self->client_id);
  else if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ipt_inventory_notes_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IptInventoryNotes *self = IPT_INVENTORY_NOTES (object);

  if (prop_id == PROP_CLIENT_ID)
    ipt_inventory_notes_set_client_id (self, g_value_get_int64 (value));
  else if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    ipt_inventory_notes_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ipt_inventory_notes_class_init (IptInventoryNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_inventory_notes_finalize;
  object_class->get_property = ipt_inventory_notes_get_property;
  object_class->set_property = ipt_inventory_notes_set_property;

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (inventory_texts[i].name, NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_inventory_notes_init (IptInventoryNotes *self)
{
}

IptInventoryNotes *
ipt_inventory_notes_new (gint64 client_id)
{
  return g_object_new (IPT_TYPE_INVENTORY_NOTES, "client-id", client_id, NULL);
}

gint64
ipt_inventory_notes_get_client_id (IptInventoryNotes *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_NOTES (self), 0);

  return self->client_id;
}

void
ipt_inventory_notes_set_client_id (IptInventoryNotes *self,
                                   gint64             client_id)
{
  g_return_if_fail (IPT_IS_INVENTORY_NOTES (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

const char *
ipt_inventory_notes_get_text (IptInventoryNotes *self,
                              IptInventoryText   field)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_NOTES (self), NULL);
  g_return_val_if_fail (field < IPT_INVENTORY_N_TEXTS, NULL);

  return self->texts[field];
}

void
ipt_inventory_notes_set_text (IptInventoryNotes *self,
                              IptInventoryText   field,
                              const char        *text)
{
  g_return_if_fail (IPT_IS_INVENTORY_NOTES (self));
  g_return_if_fail (field < IPT_INVENTORY_N_TEXTS);

  _ipt_model_set_text (G_OBJECT (self), &self->texts[field], text,
                       properties[PROP_FIRST_TEXT + field]);
}

gboolean
ipt_inventory_notes_is_empty (IptInventoryNotes *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_NOTES (self), TRUE);

  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    if (self->texts[i] != NULL && *self->texts[i] != '\0')
      return FALSE;
  return TRUE;
}

gboolean
ipt_inventory_notes_validate (IptInventoryNotes  *self,
                              GError            **error)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_NOTES (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
    if (!_ipt_model_check_text (self->texts[i], ipt_inventory_text_to_label (i), error))
      return FALSE;
  return TRUE;
}
