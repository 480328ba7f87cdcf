/* Asking for a review file's passphrase, then opening the file (in a thread: deriving the key
 * takes about a second); a wrong passphrase or a bad file is said under the field. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-review.h"

G_BEGIN_DECLS

#define IPT_TYPE_PASSPHRASE_DIALOG (ipt_passphrase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IptPassphraseDialog, ipt_passphrase_dialog, IPT, PASSPHRASE_DIALOG, GtkWindow)

/* Emits "opened" (IptReview) once the file opened, then closes; closing it otherwise opens
 * nothing. parent may be NULL (review mode from the command line). */
IptPassphraseDialog *ipt_passphrase_dialog_new (GtkWindow  *parent,
                                                const char *path);
const char          *ipt_passphrase_dialog_get_path (IptPassphraseDialog *self);
/* Types the passphrase (as the user would) and opens, for tests. */
void                 ipt_passphrase_dialog_set_passphrase (IptPassphraseDialog *self,
                                                           const char          *passphrase);
/* The message shown under the field, NULL when none. */
const char          *ipt_passphrase_dialog_get_error (IptPassphraseDialog *self);

G_END_DECLS
