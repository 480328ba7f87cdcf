/* A client, or a session, and every record of theirs, kept in memory to undo a deletion. */
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

/* A session and every record of it: its row, the rows that hang from it (scores with their
 * item answers, techniques, attendees, whatever tables the schema has) and what was given at
 * it by number (goal ratings, a dispute's stage change). */
typedef struct _IptSessionSnapshot IptSessionSnapshot;

/* The snapshot, and the session deleted with all of those records, in one transaction. NULL,
 * with nothing deleted, on failure. */
IptSessionSnapshot *ipt_store_take_session (IptStore *self, gint64 session_id, GError **error);
/* Writes every record back with its ids, in one transaction. Refused, with nothing written,
 * when the course has changed in the way (IPT_STORE_ERROR_CONFLICT): another session with the
 * number, a goal deleted, a focus that is no longer a role dispute. */
gboolean            ipt_store_restore_session (IptStore *self, IptSessionSnapshot *snapshot,
                                               GError **error);
gint64              ipt_session_snapshot_get_session_id (IptSessionSnapshot *snapshot);
guint               ipt_session_snapshot_get_number (IptSessionSnapshot *snapshot);
guint               ipt_session_snapshot_count_rows (IptSessionSnapshot *snapshot,
                                                     const char *table);
void                ipt_session_snapshot_free (IptSessionSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptSessionSnapshot, ipt_session_snapshot_free)

G_END_DECLS
