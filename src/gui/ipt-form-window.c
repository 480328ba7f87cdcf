/* The base of the forms over the main window: modified state, discard question, Escape, saved. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-form-window.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"

typedef struct
{
  char     *loaded_state;
  gboolean  modified;
} IptFormWindowPrivate;

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_TYPE_WITH_PRIVATE (IptFormWindow, ipt_form_window, GTK_TYPE_WINDOW)

static void update_save_reason (IptFormWindow *self);

static char *
get_state (IptFormWindow *self)
{
  IptFormWindowClass *klass = IPT_FORM_WINDOW_GET_CLASS (self);

  return klass->get_state != NULL ? klass->get_state (self) : NULL;
}

gboolean
ipt_form_window_get_modified (IptFormWindow *self)
{
  IptFormWindowPrivate *priv = ipt_form_window_get_instance_private (self);
  g_autofree char *state = NULL;

  g_return_val_if_fail (IPT_IS_FORM_WINDOW (self), FALSE);

  state = get_state (self);
  return g_strcmp0 (state, priv->loaded_state) != 0;
}

static void
update_modified (IptFormWindow *self)
{
  IptFormWindowPrivate *priv = ipt_form_window_get_instance_private (self);
  gboolean modified = ipt_form_window_get_modified (self);

  if (modified == priv->modified)
    return;
  priv->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
ipt_form_window_set_loaded (IptFormWindow *self)
{
  IptFormWindowPrivate *priv = ipt_form_window_get_instance_private (self);

  g_return_if_fail (IPT_IS_FORM_WINDOW (self));

  g_free (priv->loaded_state);
  priv->loaded_state = get_state (self);
  update_modified (self);
  update_save_reason (self);
}

/* The messages of the form's field errors that are showing, in the order of the form. */
static void
collect_field_errors (GtkWidget *widget,
                      GString   *messages)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "field-error"))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (text != NULL && *text != '\0')
            g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", text);
          continue;
        }
      collect_field_errors (child, messages);
    }
}

#define SAVE_TOOLTIP_KEY "ipt-form-save-tooltip"

/* A message beside a field may be out of sight in a tall form: the Save button (the form's
 * default widget) says why it is off in its tooltip and its accessible description. */
static void
update_save_reason (IptFormWindow *self)
{
  GtkWidget *save = gtk_window_get_default_widget (GTK_WINDOW (self));
  g_autoptr(GString) messages = g_string_new (NULL);

  if (save == NULL)
    return;
  if (g_object_get_data (G_OBJECT (save), SAVE_TOOLTIP_KEY) == NULL)
    {
      const char *own = gtk_widget_get_tooltip_text (save);

      g_object_set_data_full (G_OBJECT (save), SAVE_TOOLTIP_KEY, g_strdup (own != NULL ? own : ""),
                              g_free);
    }
  collect_field_errors (GTK_WIDGET (self), messages);
  if (messages->len > 0)
    {
      gtk_widget_set_tooltip_text (save, messages->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      messages->str, -1);
    }
  else
    {
      const char *own = g_object_get_data (G_OBJECT (save), SAVE_TOOLTIP_KEY);

      gtk_widget_set_tooltip_text (save, *own != '\0' ? own : NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
ipt_form_window_changed (IptFormWindow *self)
{
  g_return_if_fail (IPT_IS_FORM_WINDOW (self));

  update_modified (self);
  update_save_reason (self);
}

const char *
ipt_form_window_get_save_reason (IptFormWindow *self)
{
  GtkWidget *save;

  g_return_val_if_fail (IPT_IS_FORM_WINDOW (self), NULL);

  save = gtk_window_get_default_widget (GTK_WINDOW (self));
  return save != NULL ? gtk_widget_get_tooltip_text (save) : NULL;
}

void
ipt_form_window_saved (IptFormWindow *self,
                       gint64         id)
{
  g_return_if_fail (IPT_IS_FORM_WINDOW (self));

  g_object_ref (self);
  ipt_form_window_set_loaded (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
ipt_form_window_close_request (GtkWindow *window)
{
  IptFormWindow *self = IPT_FORM_WINDOW (window);
  IptFormWindowClass *klass = IPT_FORM_WINDOW_GET_CLASS (self);
  const char *question = klass->get_discard_question != NULL ? klass->get_discard_question (self)
                                                             : NULL;

  if (_ipt_ask_before_discarding (window, ipt_form_window_get_modified (self),
                                  question != NULL ? question : _("Discard your changes?")))
    return TRUE;
  return GTK_WINDOW_CLASS (ipt_form_window_parent_class)->close_request (window);
}

static void
ipt_form_window_dispose (GObject *object)
{
  _ipt_drop_discard_question (GTK_WINDOW (object));

  G_OBJECT_CLASS (ipt_form_window_parent_class)->dispose (object);
}

static void
ipt_form_window_finalize (GObject *object)
{
  IptFormWindowPrivate *priv = ipt_form_window_get_instance_private (IPT_FORM_WINDOW (object));

  g_free (priv->loaded_state);

  G_OBJECT_CLASS (ipt_form_window_parent_class)->finalize (object);
}

static void
ipt_form_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IptFormWindowPrivate *priv = ipt_form_window_get_instance_private (IPT_FORM_WINDOW (object));

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, priv->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_form_window_class_init (IptFormWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_form_window_dispose;
  object_class->finalize = ipt_form_window_finalize;
  object_class->get_property = ipt_form_window_get_property;
  GTK_WINDOW_CLASS (klass)->close_request = ipt_form_window_close_request;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the record's id once the store has it, just before the form closes. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Escape closes, asking first when something was entered. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipt_form_window_init (IptFormWindow *self)
{
}
