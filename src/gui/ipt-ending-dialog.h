/* Ending a course: end date, reason, the relapse-prevention plan and whether maintenance
 * sessions were offered, with the course's outcome shown beside them. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_ENDING_DIALOG (ipt_ending_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IptEndingDialog, ipt_ending_dialog, IPT, ENDING_DIALOG, IptFormWindow)

/* Ends the running course episode (one step, ipt_store_end_course ()); outcome (may be NULL)
 * is the outcome its scores give, shown beside the form. Emits "saved" (the course's id) once
 * stored, then closes. */
IptEndingDialog *ipt_ending_dialog_new          (GtkWindow        *parent,
                                                 IptStore         *store,
                                                 IptEpisode       *episode,
                                                 const IptOutcome *outcome);
gboolean         ipt_ending_dialog_get_can_save (IptEndingDialog  *self);
/* Fills one part of the plan (as typing would). */
void             ipt_ending_dialog_set_text     (IptEndingDialog  *self,
                                                 IptEndingText     field,
                                                 const char       *text);

G_END_DECLS
