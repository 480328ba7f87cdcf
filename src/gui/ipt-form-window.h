/* The base of the forms shown over the main window (client, course, session, and those to
 * come): it owns the modified state, the "Discard changes?" question on close, Escape and the
 * "saved" signal.
 *
 * A form derives from IptFormWindow (G_DECLARE_FINAL_TYPE (..., IptFormWindow)) and
 *   - implements get_state (everything the form holds, as text: a change of input changes it)
 *     and get_discard_question ("Discard your changes to this goal?");
 *   - calls ipt_form_window_set_loaded () once its fields are filled from the record, and
 *     ipt_form_window_changed () when its input changes;
 *   - writes to the store in its save action, in one transaction, then calls
 *     ipt_form_window_saved () with the record's id, which emits "saved" and closes the form.
 * A form never tells a view to update: views follow the store's announcements. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_FORM_WINDOW (ipt_form_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (IptFormWindow, ipt_form_window, IPT, FORM_WINDOW, GtkWindow)

struct _IptFormWindowClass
{
  GtkWindowClass parent_class;

  /* Everything the form holds, as text (newly allocated). */
  char       *(*get_state)            (IptFormWindow *self);
  /* The question asked before unsaved input is thrown away. */
  const char *(*get_discard_question) (IptFormWindow *self);

  gpointer padding[8];
};

/* What the form holds now is what was loaded: not modified. */
void     ipt_form_window_set_loaded   (IptFormWindow *self);
/* Call when the input changed: updates "modified", and the tooltip of the Save button (the
 * window's default widget), which gives the messages beside fields (labels of the CSS class
 * "field-error") that are showing, so that the reason Save is off is seen from Save. */
void     ipt_form_window_changed      (IptFormWindow *self);
/* The Save button's tooltip: the reasons it is off, or its own tooltip. */
const char *ipt_form_window_get_save_reason (IptFormWindow *self);
/* Whether the input differs from what was loaded (property "modified"). */
gboolean ipt_form_window_get_modified (IptFormWindow *self);
/* The store has the record: emits "saved" (the record's id) and closes the form unasked. */
void     ipt_form_window_saved        (IptFormWindow *self,
                                       gint64         id);

G_END_DECLS
