/* A client and everything of theirs, as read from the casebook before deleting them, so that
 * Undo can write them back: each way is one transaction. */
#pragma once

#include "ipt-store.h"

G_BEGIN_DECLS

typedef struct _IptClientSnapshot IptClientSnapshot;

/* Reads the client with their inventory, events, courses, sessions, scores, goals and comments
 * and deletes them, in one transaction; returns what was deleted (NULL and nothing deleted on
 * failure). */
IptClientSnapshot *ipt_store_take_client (IptStore *self,
                                          gint64    client_id,
                                          GError  **error);
/* Writes the snapshot back in one transaction (new ids; people kept linked to their events and
 * courses); the client's new id in client_id. The snapshot serves once. */
gboolean           ipt_store_restore_client (IptStore          *self,
                                             IptClientSnapshot *snapshot,
                                             gint64            *client_id,
                                             GError           **error);
/* The client as it was (borrowed). */
IptClient         *ipt_client_snapshot_get_client (IptClientSnapshot *snapshot);
void               ipt_client_snapshot_free (IptClientSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptClientSnapshot, ipt_client_snapshot_free)

G_END_DECLS
