/* A client and every record of theirs, kept in memory to undo a deletion. */
#pragma once

#include "ipt-store.h"

G_BEGIN_DECLS

typedef struct _IptClientSnapshot IptClientSnapshot;

/* Copies every row that deleting the client would remove: the rows of all tables that hang from
 * clients through ON DELETE CASCADE foreign keys, whatever tables the schema has. */
IptClientSnapshot *ipt_store_snapshot_client (IptStore *self, gint64 client_id, GError **error);
/* The snapshot of the client, and the client deleted, in one transaction: what Undo keeps is
 * exactly what went. NULL, with nothing deleted, on failure. */
IptClientSnapshot *ipt_store_take_client (IptStore *self, gint64 client_id, GError **error);
/* Writes the rows back with their ids, in one transaction (the undo of a deletion). Refused,
 * with nothing written, when a record made since is in the way (IPT_STORE_ERROR_CONFLICT). */
gboolean           ipt_store_restore_client (IptStore *self, IptClientSnapshot *snapshot,
                                             GError **error);
gint64             ipt_client_snapshot_get_client_id (IptClientSnapshot *snapshot);
/* Rows kept of one table; table NULL: of every table. */
guint              ipt_client_snapshot_count_rows (IptClientSnapshot *snapshot, const char *table);
void               ipt_client_snapshot_free (IptClientSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptClientSnapshot, ipt_client_snapshot_free)

G_END_DECLS
