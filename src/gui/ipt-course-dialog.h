/* Starting a course of IPT or editing its contract: sessions, phases, focus. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_COURSE_DIALOG (ipt_course_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IptCourseDialog, ipt_course_dialog, IPT, COURSE_DIALOG, IptFormWindow)

/* episode NULL: a new course for client_id. Emits "saved" (episode id) once stored, then closes. */
IptCourseDialog *ipt_course_dialog_new (GtkWindow  *parent,
                                        IptStore   *store,
                                        gint64      client_id,
                                        IptEpisode *episode);
gboolean         ipt_course_dialog_get_can_save (IptCourseDialog *self);
/* Chooses the primary focus (as a click on its choice would). */
void             ipt_course_dialog_set_focus (IptCourseDialog *self,
                                              IptFocus         focus);

G_END_DECLS
