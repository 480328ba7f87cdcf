/* Entering review mode: choosing a review file, asking for its passphrase, then opening the
 * supervisor's window on it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The patterns of review files for file choosers. */
#define IPT_REVIEW_FILE_PATTERN "*.iptreview"

/* Asks for the passphrase of the file at path (over parent, NULL for none), then opens a review
 * window of app on it; the application is held while the question is open. */
void ipt_review_mode_open (GtkApplication *app,
                           GtkWindow      *parent,
                           const char     *path);
/* Lets the user choose a review file over parent, then does as ipt_review_mode_open (). */
void ipt_review_mode_choose_file (GtkApplication *app,
                                  GtkWindow      *parent);

G_END_DECLS
