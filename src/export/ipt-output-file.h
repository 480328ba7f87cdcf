/* Files that exports write: replaced whole when they are regular files, written through when
 * they are something else (a device, a pipe) reached by name or by a symbolic link. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IptOutputFile IptOutputFile;

/* Opens path for writing.
 *
 * - A new name, or a regular file (also reached through symbolic links): the data goes to a
 *   temporary file (mode 0600) beside the file the name leads to, which replaces it on commit;
 *   a failure leaves that file as it was, and a symbolic link stays a link.
 * - A character device or a FIFO (a terminal, /dev/null, a pipe): written in place.
 * - A folder, a block device, a socket, or a link leading nowhere: refused.
 *
 * Every failure, of opening, writing or committing, is an error naming the file and the
 * reason (the disk is full, permission denied, ...). */
IptOutputFile *ipt_output_file_open   (const char     *path,
                                       GError        **error);
gboolean       ipt_output_file_write  (IptOutputFile  *self,
                                       const void     *data,
                                       gsize           len,
                                       GError        **error);
/* Makes the data visible (fsync, rename over the old file) and frees self. */
gboolean       ipt_output_file_commit (IptOutputFile  *self,
                                       GError        **error);
/* Drops what was written (the temporary file) and frees self. */
void           ipt_output_file_abort  (IptOutputFile  *self);

G_END_DECLS
