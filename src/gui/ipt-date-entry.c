/* Date fields: they show a date the way the locale writes it and take it typed that way or as
 * YYYY-MM-DD, with a calendar beside the typing (an icon in the entry opens a popover with a
 * GtkCalendar). Records keep ISO 8601. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-gui-private.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ipt-date-format.h"

#define POPOVER_KEY "ipt-date-entry-popover"

static void
on_day_selected (GtkCalendar *calendar,
                 GtkEntry    *entry)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  _ipt_date_entry_set_iso (entry, iso);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The day the entry holds, else today. */
static GDateTime *
entry_date (GtkEntry *entry)
{
  g_autofree char *iso = ipt_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (entry)));
  int y, m, d;

  if (iso != NULL && sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    return g_date_time_new_local (y, m, d, 0, 0, 0);
  return g_date_time_new_now_local ();
}

void
_ipt_date_entry_set_iso (GtkEntry   *entry,
                         const char *iso_date)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (GTK_IS_ENTRY (entry));

  shown = ipt_date_format_display (iso_date);
  gtk_editable_set_text (GTK_EDITABLE (entry), shown);
}

char *
_ipt_date_entry_get_iso (GtkEntry *entry)
{
  const char *text;
  char *iso;

  g_return_val_if_fail (GTK_IS_ENTRY (entry), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  iso = ipt_date_parse_display (text);
  return iso != NULL ? iso : g_strdup (text);
}

char *
_ipt_date_entry_format_message (void)
{
  g_autofree char *format = ipt_date_format_pattern ();
  g_autofree char *example = ipt_date_format_display ("2026-03-14");

  /* TRANSLATORS: the first %s is the format of a date to type (DD.MM.YYYY), the second a date
   * written that way */
  return g_strdup_printf (_("Enter the date as %s, for example %s."), format, example);
}

GtkPopover *
_ipt_date_entry_get_popover (GtkEntry *entry)
{
  g_return_val_if_fail (GTK_IS_ENTRY (entry), NULL);

  return g_object_get_data (G_OBJECT (entry), POPOVER_KEY);
}

void
_ipt_date_entry_show_calendar (GtkEntry *entry)
{
  GtkPopover *popover;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (GTK_IS_ENTRY (entry));

  popover = _ipt_date_entry_get_popover (entry);
  if (popover == NULL)
    return;
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  date = entry_date (entry);
  /* the day shown follows the text; selecting it is not choosing it */
  g_signal_handlers_block_by_func (calendar, on_day_selected, entry);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected, entry);
  gtk_popover_popup (popover);
}

static void
on_icon_press (GtkEntry             *entry,
               GtkEntryIconPosition  position,
               gpointer              user_data)
{
  if (position == GTK_ENTRY_ICON_SECONDARY)
    _ipt_date_entry_show_calendar (entry);
}

/* The popover belongs to the entry: it goes when the entry does. */
static void
on_entry_destroy (GtkEntry *entry,
                  gpointer  user_data)
{
  GtkWidget *popover = g_object_steal_data (G_OBJECT (entry), POPOVER_KEY);

  if (popover != NULL)
    gtk_widget_unparent (popover);
}

void
_ipt_date_entry_add_calendar (GtkEntry *entry)
{
  g_autofree char *format = ipt_date_format_pattern ();
  GtkWidget *popover;
  GtkWidget *calendar;

  g_return_if_fail (GTK_IS_ENTRY (entry));
  g_return_if_fail (_ipt_date_entry_get_popover (entry) == NULL);

  gtk_entry_set_placeholder_text (entry, format);
  calendar = gtk_calendar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"), -1);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_widget_set_parent (popover, GTK_WIDGET (entry));
  g_object_set_data (G_OBJECT (entry), POPOVER_KEY, popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), entry);

  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, "x-office-calendar-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, _("Choose a date"));
  gtk_entry_set_icon_activatable (entry, GTK_ENTRY_ICON_SECONDARY, TRUE);
  g_signal_connect (entry, "icon-press", G_CALLBACK (on_icon_press), NULL);
  g_signal_connect (entry, "destroy", G_CALLBACK (on_entry_destroy), NULL);
}
