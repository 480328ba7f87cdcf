/* Preparing supervision from the window: a supervision pack or a review file of the cases the
 * practitioner picks (a review file with a generated or typed passphrase), or merging a review
 * file the supervisor sent back. The long work runs in a GTask thread while the window shows
 * that it is busy; the result shows in its notification. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-window.h"

G_BEGIN_DECLS

typedef enum
{
  IPT_SUPERVISION_DIALOG_PACK,
  IPT_SUPERVISION_DIALOG_REVIEW_FILE,
  IPT_SUPERVISION_DIALOG_MERGE,
} IptSupervisionDialogMode;

#define IPT_TYPE_SUPERVISION_DIALOG (ipt_supervision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IptSupervisionDialog, ipt_supervision_dialog, IPT, SUPERVISION_DIALOG, GtkWindow)

IptSupervisionDialog *ipt_supervision_dialog_new (IptWindow                *window,
                                                  IptSupervisionDialogMode  mode);

/* The file to write (pack, review file) or to merge, as the file chooser sets it; NULL: the
 * chooser asks when the dialog's action runs. */
void                  ipt_supervision_dialog_set_path (IptSupervisionDialog *self,
                                                       const char           *path);
/* Ticks or clears the case's "Include free text" (pack, review file), as a click does; the
 * warning that free text may name people shows while any is ticked. */
void                  ipt_supervision_dialog_set_include_text (IptSupervisionDialog *self,
                                                               const char           *code,
                                                               gboolean              include);
gboolean              ipt_supervision_dialog_get_text_warning_shown (IptSupervisionDialog *self);
/* The generated passphrase shown to copy (review file). */
const char           *ipt_supervision_dialog_get_generated_passphrase (IptSupervisionDialog *self);

G_END_DECLS
