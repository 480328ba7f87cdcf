/* What one committed transaction changed: the ids of the clients, courses, sessions and other
 * records it wrote, as IptStore's "changed" signal announces them.
 *
 * A view that shows store data connects to IptStore::changed and reloads what it shows when
 * the announcement names it (ipt_store_changes_has_client () for a client's page, for example);
 * nobody calls a view to refresh it. A change to a session, score, person, event, goal or
 * comment also names its course and client, so a view of a client need only ask for them. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_TYPE_STORE_CHANGES (ipt_store_changes_get_type ())

typedef struct _IptStoreChanges IptStoreChanges;

typedef enum
{
  IPT_STORE_CHANGE_CLIENT,
  IPT_STORE_CHANGE_COURSE,
  IPT_STORE_CHANGE_SESSION,
} IptStoreChangeKind;

GType            ipt_store_changes_get_type (void) G_GNUC_CONST;
IptStoreChanges *ipt_store_changes_new (void);
IptStoreChanges *ipt_store_changes_ref (IptStoreChanges *self);
void             ipt_store_changes_unref (IptStoreChanges *self);

void             ipt_store_changes_add (IptStoreChanges   *self,
                                        IptStoreChangeKind kind,
                                        gint64             id);
/* Any other row, by its table's name (people, life_events, goals, comments, scores, ...). */
void             ipt_store_changes_add_record (IptStoreChanges *self,
                                               const char      *table,
                                               gint64           id);

gboolean         ipt_store_changes_is_empty (IptStoreChanges *self);
gboolean         ipt_store_changes_has (IptStoreChanges   *self,
                                        IptStoreChangeKind kind,
                                        gint64             id);
gboolean         ipt_store_changes_has_client (IptStoreChanges *self,
                                               gint64           client_id);
gboolean         ipt_store_changes_has_record (IptStoreChanges *self,
                                               const char      *table,
                                               gint64           id);
/* The ids of one kind, ascending; n_ids set to their number. Free with g_free. */
gint64          *ipt_store_changes_get_ids (IptStoreChanges   *self,
                                            IptStoreChangeKind kind,
                                            guint             *n_ids);
/* The tables with changed records (interned names), NULL-terminated. Free with g_free. */
const char     **ipt_store_changes_get_record_tables (IptStoreChanges *self);
gint64          *ipt_store_changes_get_record_ids (IptStoreChanges *self,
                                                   const char      *table,
                                                   guint           *n_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IptStoreChanges, ipt_store_changes_unref)

G_END_DECLS
