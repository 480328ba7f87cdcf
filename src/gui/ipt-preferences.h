/* The one place GSettings is read: the preferences as properties to bind to, and as stateful
 * actions ("settings.<key>") for menus and switches.
 *
 * A view that shows something a preference changes binds to the property here
 * (g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", view, ...)) and
 * follows every change, whichever window made it; nothing passes a preference down by hand. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_PREFERENCES (ipt_preferences_get_type ())
G_DECLARE_FINAL_TYPE (IptPreferences, ipt_preferences, IPT, PREFERENCES, GObject)

/* The application's preferences (made on first use, kept for the process). */
IptPreferences *ipt_preferences_get_default (void);
/* For window state and g_settings_bind () of a preference's control. */
GSettings      *ipt_preferences_get_settings (IptPreferences *self);
/* Properties "us-focus-names", "planned-sessions", "backups-kept", "measures-in-use". */
gboolean        ipt_preferences_get_us_focus_names (IptPreferences *self);
guint           ipt_preferences_get_planned_sessions (IptPreferences *self);
guint           ipt_preferences_get_backups_kept (IptPreferences *self);
/* NULL-terminated ids (owned by the preferences, valid until the next change). */
const char * const *ipt_preferences_get_measures_in_use (IptPreferences *self);
/* The main window's size and state, as last closed (width and height 0: never saved); saving
 * keeps the size of a maximized window as it was. */
typedef struct
{
  int      width;
  int      height;
  gboolean maximized;
  int      paned_position;
} IptWindowState;
void            ipt_preferences_get_window_state (IptPreferences *self,
                                                  IptWindowState *state);
void            ipt_preferences_set_window_state (IptPreferences       *self,
                                                  const IptWindowState *state);
/* Gives widget the stateful actions made with g_settings_create_action () as the "settings"
 * group ("settings.us-focus-names"), for switches and menu items with no code of their own. */
void            ipt_preferences_insert_actions (IptPreferences *self,
                                                GtkWidget      *widget);

G_END_DECLS
