/* Preferences: default planned sessions, questionnaires in use, focus wording, backups. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-preferences-window.h"

#include <glib/gi18n.h>

#include "ipt-model.h"
#include "ipt-preferences.h"
#include "ipt-store.h"

struct _IptPreferencesWindow
{
  GtkWindow      parent_instance;

  GSettings     *settings;
  GPtrArray     *measure_buttons;   /* GtkCheckButton, one per measure, in registry order */
  gboolean       updating;

  GtkSpinButton *planned_spin;
  GtkSpinButton *backups_spin;
  GtkSwitch     *us_switch;
  GtkBox        *measures_box;
  GtkLabel      *backups_dir_label;
};

G_DEFINE_FINAL_TYPE (IptPreferencesWindow, ipt_preferences_window, GTK_TYPE_WINDOW)

static void
sync_measure_buttons (IptPreferencesWindow *self)
{
  const char * const *in_use =
    ipt_preferences_get_measures_in_use (ipt_preferences_get_default ());

  self->updating = TRUE;
  for (guint i = 0; i < self->measure_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->measure_buttons, i);
      const IptMeasure *measure = g_object_get_data (G_OBJECT (button), "measure");

      gtk_check_button_set_active (button, g_strv_contains (in_use, measure->id));
    }
  self->updating = FALSE;
}

static void
on_measure_toggled (GtkCheckButton       *button,
                    IptPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) in_use = NULL;
  const char * const *current;

  if (self->updating)
    return;

  /* Kept in the registry's order; ids the window does not show (totals only) stay as set. */
  current = ipt_preferences_get_measures_in_use (ipt_preferences_get_default ());
  builder = g_strv_builder_new ();
  for (guint i = 0; i < ipt_measure_get_n_measures (); i++)
    {
      const IptMeasure *measure = ipt_measure_get_nth (i);
      gboolean on = g_strv_contains (current, measure->id);

      for (guint j = 0; j < self->measure_buttons->len; j++)
        {
          GtkCheckButton *check = g_ptr_array_index (self->measure_buttons, j);

          if (g_object_get_data (G_OBJECT (check), "measure") == measure)
            on = gtk_check_button_get_active (check);
        }
      if (on)
        g_strv_builder_add (builder, measure->id);
    }
  in_use = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "measures-in-use", (const char * const *) in_use);
}

static void
on_measures_changed (GSettings            *settings,
                     const char           *key,
                     IptPreferencesWindow *self)
{
  sync_measure_buttons (self);
}

static void
ipt_preferences_window_dispose (GObject *object)
{
  IptPreferencesWindow *self = IPT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->measure_buttons, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ipt_preferences_window_parent_class)->dispose (object);
}

static void
ipt_preferences_window_class_init (IptPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IptPreferencesWindow, planned_spin);
  gtk_widget_class_bind_template_child (widget_class, IptPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, IptPreferencesWindow, us_switch);
  gtk_widget_class_bind_template_child (widget_class, IptPreferencesWindow, measures_box);
  gtk_widget_class_bind_template_child (widget_class, IptPreferencesWindow, backups_dir_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipt_preferences_window_init (IptPreferencesWindow *self)
{
  g_autofree char *backup_dir = ipt_store_backup_dir ();
  g_autofree char *where = NULL;
  GtkWidget *grid;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_object_ref (ipt_preferences_get_settings (ipt_preferences_get_default ()));
  self->measure_buttons = g_ptr_array_new ();
  /* The focus names switch is the stateful action "settings.us-focus-names" (its .ui). */
  ipt_preferences_insert_actions (ipt_preferences_get_default (), GTK_WIDGET (self));

  g_settings_bind (self->settings, "planned-sessions", self->planned_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backups-kept", self->backups_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_box_append (self->measures_box, grid);
  for (guint i = 0; i < ipt_measure_get_n_measures (); i++)
    {
      const IptMeasure *measure = ipt_measure_get_nth (i);
      GtkWidget *button;
      GtkWidget *description;

      button = gtk_check_button_new_with_label (measure->name);
      description = gtk_label_new (_(measure->description));
      gtk_widget_set_name (button, measure->id);
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
      gtk_widget_set_hexpand (description, TRUE);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(measure->description),
                                      -1);
      g_object_set_data (G_OBJECT (button), "measure", (gpointer) measure);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_measure_toggled), self, 0);
      gtk_grid_attach (GTK_GRID (grid), button, 0, self->measure_buttons->len, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), description, 1, self->measure_buttons->len, 1, 1);
      g_ptr_array_add (self->measure_buttons, button);
    }
  sync_measure_buttons (self);
  g_signal_connect_object (self->settings, "changed::measures-in-use",
                           G_CALLBACK (on_measures_changed), self, 0);

  /* TRANSLATORS: %s is a folder */
  where = g_strdup_printf (_("One copy of the casebook a day is kept in %s."), backup_dir);
  gtk_label_set_label (self->backups_dir_label, where);
}

IptPreferencesWindow *
ipt_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (IPT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
