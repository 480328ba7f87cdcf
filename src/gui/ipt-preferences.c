/* The one place GSettings is read: preferences as bindable properties and stateful actions. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-preferences.h"

struct _IptPreferences
{
  GObject    parent_instance;

  GSettings *settings;
  gboolean   us_focus_names;
  int        planned_sessions;
  int        backups_kept;
  GStrv      measures_in_use;
};

enum {
  PROP_0,
  PROP_US_FOCUS_NAMES,
  PROP_PLANNED_SESSIONS,
  PROP_BACKUPS_KEPT,
  PROP_MEASURES_IN_USE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys bound to properties of the same name, and those offered as actions. */
static const char * const bound_keys[] = {
  "us-focus-names", "planned-sessions", "backups-kept", "measures-in-use",
};
static const char * const action_keys[] = { "us-focus-names" };

G_DEFINE_FINAL_TYPE (IptPreferences, ipt_preferences, G_TYPE_OBJECT)

static void
ipt_preferences_finalize (GObject *object)
{
  IptPreferences *self = IPT_PREFERENCES (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->measures_in_use, g_strfreev);

  G_OBJECT_CLASS (ipt_preferences_parent_class)->finalize (object);
}

static void
ipt_preferences_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IptPreferences *self = IPT_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_US_FOCUS_NAMES:
      g_value_set_boolean (value, self->us_focus_names);
      break;
    case PROP_PLANNED_SESSIONS:
      g_value_set_int (value, self->planned_sessions);
      break;
    case PROP_BACKUPS_KEPT:
      g_value_set_int (value, self->backups_kept);
      break;
    case PROP_MEASURES_IN_USE:
      g_value_set_boxed (value, self->measures_in_use);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_preferences_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IptPreferences *self = IPT_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_US_FOCUS_NAMES:
      if (self->us_focus_names != g_value_get_boolean (value))
        {
          self->us_focus_names = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PLANNED_SESSIONS:
      if (self->planned_sessions != g_value_get_int (value))
        {
          self->planned_sessions = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BACKUPS_KEPT:
      if (self->backups_kept != g_value_get_int (value))
        {
          self->backups_kept = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MEASURES_IN_USE:
      if (self->measures_in_use == NULL
          || !g_strv_equal ((const char * const *) self->measures_in_use, g_value_get_boxed (value)))
        {
          g_strfreev (self->measures_in_use);
          self->measures_in_use = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_preferences_class_init (IptPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_preferences_finalize;
  object_class->get_property = ipt_preferences_get_property;
  object_class->set_property = ipt_preferences_set_property;

  properties[PROP_US_FOCUS_NAMES] =
    g_param_spec_boolean ("us-focus-names", NULL, NULL, FALSE, flags);
  properties[PROP_PLANNED_SESSIONS] =
    g_param_spec_int ("planned-sessions", NULL, NULL, 0, G_MAXINT, 16, flags);
  properties[PROP_BACKUPS_KEPT] =
    g_param_spec_int ("backups-kept", NULL, NULL, 0, G_MAXINT, 14, flags);
  properties[PROP_MEASURES_IN_USE] =
    g_param_spec_boxed ("measures-in-use", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_preferences_init (IptPreferences *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  for (guint i = 0; i < G_N_ELEMENTS (bound_keys); i++)
    g_settings_bind (self->settings, bound_keys[i], self, bound_keys[i], G_SETTINGS_BIND_DEFAULT);
}

IptPreferences *
ipt_preferences_get_default (void)
{
  static IptPreferences *preferences;

  if (preferences == NULL)
    preferences = g_object_new (IPT_TYPE_PREFERENCES, NULL);
  return preferences;
}

GSettings *
ipt_preferences_get_settings (IptPreferences *self)
{
  g_return_val_if_fail (IPT_IS_PREFERENCES (self), NULL);

  return self->settings;
}

gboolean
ipt_preferences_get_us_focus_names (IptPreferences *self)
{
  g_return_val_if_fail (IPT_IS_PREFERENCES (self), FALSE);

  return self->us_focus_names;
}

guint
ipt_preferences_get_planned_sessions (IptPreferences *self)
{
  g_return_val_if_fail (IPT_IS_PREFERENCES (self), 0);

  return self->planned_sessions;
}

guint
ipt_preferences_get_backups_kept (IptPreferences *self)
{
  g_return_val_if_fail (IPT_IS_PREFERENCES (self), 0);

  return self->backups_kept;
}

void
ipt_preferences_get_window_state (IptPreferences *self,
                                  IptWindowState *state)
{
  g_return_if_fail (IPT_IS_PREFERENCES (self));
  g_return_if_fail (state != NULL);

  state->width = g_settings_get_int (self->settings, "window-width");
  state->height = g_settings_get_int (self->settings, "window-height");
  state->maximized = g_settings_get_boolean (self->settings, "window-maximized");
  state->paned_position = g_settings_get_int (self->settings, "paned-position");
}

void
ipt_preferences_set_window_state (IptPreferences       *self,
                                  const IptWindowState *state)
{
  g_return_if_fail (IPT_IS_PREFERENCES (self));
  g_return_if_fail (state != NULL);

  /* One write for the four keys. */
  g_settings_delay (self->settings);
  if (!state->maximized && state->width > 0 && state->height > 0)
    {
      g_settings_set_int (self->settings, "window-width", state->width);
      g_settings_set_int (self->settings, "window-height", state->height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", state->maximized);
  g_settings_set_int (self->settings, "paned-position", state->paned_position);
  g_settings_apply (self->settings);
}

const char * const *
ipt_preferences_get_measures_in_use (IptPreferences *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (IPT_IS_PREFERENCES (self), NULL);

  return self->measures_in_use != NULL ? (const char * const *) self->measures_in_use : none;
}

void
ipt_preferences_insert_actions (IptPreferences *self,
                                GtkWidget      *widget)
{
  g_autoptr(GSimpleActionGroup) group = NULL;

  g_return_if_fail (IPT_IS_PREFERENCES (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  group = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (action_keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, action_keys[i]);

      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (widget, "settings", G_ACTION_GROUP (group));
}
