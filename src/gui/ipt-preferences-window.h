/* Preferences: default planned sessions, questionnaires in use, focus wording, backups. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_PREFERENCES_WINDOW (ipt_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (IptPreferencesWindow, ipt_preferences_window, IPT, PREFERENCES_WINDOW, GtkWindow)

IptPreferencesWindow *ipt_preferences_window_new (GtkWindow *parent);

G_END_DECLS
