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

/* A person of the inventory: their row, the rows that hang from it, and every record that
 * deleting them leaves without its link to them (set to none by the schema's foreign keys: the
 * focus of a course, life events, session attendees, whatever tables the schema has). */
typedef struct _IptPersonSnapshot IptPersonSnapshot;

/* The snapshot, and the person deleted, in one transaction. NULL, with nothing deleted, on
 * failure. */
IptPersonSnapshot *ipt_store_take_person (IptStore *self, gint64 person_id, GError **error);
/* Writes the person back with their id, and gives every record kept its link to them again (and
 * what else the deletion changed in it), in one transaction. Refused, with nothing written, when
 * a record made since is in the way (IPT_STORE_ERROR_CONFLICT). */
gboolean           ipt_store_restore_person (IptStore *self, IptPersonSnapshot *snapshot,
                                             GError **error);
gint64             ipt_person_snapshot_get_person_id (IptPersonSnapshot *snapshot);
/* Rows kept of one table (for "people", the person); table NULL: of every table. */
guint              ipt_person_snapshot_count_rows (IptPersonSnapshot *snapshot, const char *table);
void               ipt_person_snapshot_free (IptPersonSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptPersonSnapshot, ipt_person_snapshot_free)

/* What links to a person, for the question before deleting them: the ordinals of the courses
 * whose focus (or secondary focus) is about them, and how many sessions they attended and life
 * events are about them. */
typedef struct
{
  GArray *focus_courses;      /* of guint, in order, each once */
  guint   n_sessions;
  guint   n_life_events;
} IptPersonReferences;

gboolean ipt_store_get_person_references (IptStore *self, gint64 person_id,
                                          IptPersonReferences *references, GError **error);
void     ipt_person_references_clear (IptPersonReferences *references);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IptPersonReferences, ipt_person_references_clear)

G_END_DECLS
