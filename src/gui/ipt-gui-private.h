/* Small helpers shared by the widgets of src/gui/. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"
#include "ipt-store-changes.h"

G_BEGIN_DECLS

/* The CSS class of a signal's badge and card ("signal-not-on-track"). */
const char *_ipt_signal_css_class (IptSignalKind kind);
/* "Role dispute (renegotiation) · also Grief", or "Focus not chosen yet". */
char       *_ipt_focus_text (IptEpisode *episode,
                             gboolean    us_wording);
/* Today as YYYY-MM-DD in local time. */
char       *_ipt_today (void);
/* Replaces the signal-* class of a widget. */
void        _ipt_widget_set_signal_class (GtkWidget    *widget,
                                          IptSignalKind kind);
/* Shows an error the store gave in a dialog over parent (for failures that are not the
 * user's input, which is explained next to its field instead). */
/* A message dialog's title, read as its accessible name, from its primary text (message dialogs
 * show no title bar, and a dialog without a name is announced as nothing). */
void        _ipt_message_dialog_name (GtkWidget *dialog);
/* For a tab that follows the store for one client: TRUE when an announcement concerns that
 * client and the tab is in sight, so it reads again now. Out of sight it only sets *stale,
 * and _ipt_tab_take_stale () in its map handler says whether to read then. */
gboolean    _ipt_tab_should_read (GtkWidget       *tab,
                                  IptStoreChanges *changes,
                                  gint64           client_id,
                                  gboolean        *stale);
gboolean    _ipt_tab_take_stale (gboolean *stale);
void        _ipt_show_error (GtkWindow  *parent,
                             const char *primary,
                             const GError *error);

/* A file chooser of the app's exports opens in the folder the last one was saved to in this
 * run, else the documents folder (else home), and remembers the folder chosen. */
void        _ipt_file_chooser_use_export_folder (GtkFileChooserNative *chooser);

/* Shows message in label under a form field and marks the field invalid (red, and for assistive
 * technologies); NULL clears both. field may be NULL for a message about the whole form. */
void        _ipt_show_field_error (GtkLabel   *label,
                                   GtkWidget  *field,
                                   const char *message);

/* For a form's close-request: when changed and not yet confirmed, asks whether to discard what
 * was entered (Keep Editing or Discard, which closes window again) and returns TRUE to keep the
 * window open meanwhile; otherwise returns FALSE to let it close. */
gboolean    _ipt_ask_before_discarding (GtkWindow  *window,
                                        gboolean    changed,
                                        const char *primary);
/* Closes the question, if any, when window goes away (from its dispose). */
void        _ipt_drop_discard_question (GtkWindow *window);
/* The question _ipt_ask_before_discarding () shows over window, or NULL (for tests). */
GtkWindow  *_ipt_get_discard_question (GtkWindow *window);

/* Whole phrases for a phase ("Middle phase", "Middle phase tasks"), translated as wholes: a
 * phase's name spliced into a sentence would not translate. */
const char *_ipt_phase_phrase (IptPhase phase);
const char *_ipt_phase_tasks_title (IptPhase phase);

/* A colour of the palette (ipt-palette.h, 0xRRGGBB) for GTK. */
GdkRGBA     _ipt_rgba_from_palette (guint32 rgb);
/* Whether the style is dark, so the palette's dark shades are used: the one answer the style
 * sheet (ipt-window.c) and every widget that draws go by, so they never disagree. */
gboolean    _ipt_settings_is_dark (GtkSettings *settings);
gboolean    _ipt_widget_is_dark (GtkWidget *widget);

/* Loads the application's style sheet and palette once per display (ipt-window.c): every
 * top-level window of ours calls it, review mode's too. */
void        _ipt_ensure_style (GtkWidget *widget);

/* Whether two objects of one type hold the same values in every readable property: a view that
 * reloads a list replaces only the items that changed. */
gboolean    _ipt_objects_equal (gpointer a,
                                gpointer b);

/* Renders a shown widget as it is now into a PNG file. */
gboolean    _ipt_widget_save_png (GtkWidget  *widget,
                                  const char *path,
                                  GError    **error);

/* ipt-date-entry.c: date fields show a date the way the locale writes it (07.12.2026 in
 * German) and take it typed that way or as YYYY-MM-DD; records keep ISO 8601.
 * Adds the calendar popover beside the typing (the entry's icon; a chosen day is written the
 * locale's way) and the format to type as the placeholder. Every date field has it. */
void        _ipt_date_entry_add_calendar (GtkEntry *entry);
/* Shows an ISO 8601 date (NULL: none) the locale's way. */
void        _ipt_date_entry_set_iso      (GtkEntry   *entry,
                                          const char *iso_date);
/* The date typed, as ISO 8601 (newly allocated); a text that is no date is returned as typed,
 * so that validation refuses it with its own message. */
char       *_ipt_date_entry_get_iso      (GtkEntry *entry);
/* "Enter the date as DD.MM.YYYY, for example 14.03.2026." in the user's locale. */
char       *_ipt_date_entry_format_message (void);
/* Opens the calendar on the entry's day (today when it holds none), as the icon does. */
void        _ipt_date_entry_show_calendar (GtkEntry *entry);
GtkPopover *_ipt_date_entry_get_popover (GtkEntry *entry);

G_END_DECLS
