/* What one committed transaction changed: sets of ids, as IptStore::changed announces them. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-changes.h"

#include <stdlib.h>

#define N_KINDS (IPT_STORE_CHANGE_SESSION + 1)

struct _IptStoreChanges
{
  gatomicrefcount ref_count;
  GHashTable     *ids[N_KINDS];   /* gint64 * set */
  GHashTable     *records;        /* interned table name -> gint64 * set */
};

G_DEFINE_BOXED_TYPE (IptStoreChanges, ipt_store_changes, ipt_store_changes_ref,
                     ipt_store_changes_unref)

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

IptStoreChanges *
ipt_store_changes_new (void)
{
  IptStoreChanges *self = g_new0 (IptStoreChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint i = 0; i < N_KINDS; i++)
    self->ids[i] = id_set_new ();
  self->records = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_hash_table_unref);
  return self;
}

IptStoreChanges *
ipt_store_changes_ref (IptStoreChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ipt_store_changes_unref (IptStoreChanges *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < N_KINDS; i++)
    g_hash_table_unref (self->ids[i]);
  g_hash_table_unref (self->records);
  g_free (self);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
ipt_store_changes_add (IptStoreChanges   *self,
                       IptStoreChangeKind kind,
                       gint64             id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) kind < N_KINDS);

  if (id > 0)
    id_set_add (self->ids[kind], id);
}

void
ipt_store_changes_add_record (IptStoreChanges *self,
                              const char      *table,
                              gint64           id)
{
  const char *name;
  GHashTable *set;

  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL);

  name = g_intern_string (table);
  set = g_hash_table_lookup (self->records, name);
  if (set == NULL)
    {
      set = id_set_new ();
      g_hash_table_insert (self->records, (gpointer) name, set);
    }
  id_set_add (set, id);
}

gboolean
ipt_store_changes_is_empty (IptStoreChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < N_KINDS; i++)
    if (g_hash_table_size (self->ids[i]) > 0)
      return FALSE;
  return g_hash_table_size (self->records) == 0;
}

gboolean
ipt_store_changes_has (IptStoreChanges   *self,
                       IptStoreChangeKind kind,
                       gint64             id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) kind < N_KINDS, FALSE);

  return g_hash_table_contains (self->ids[kind], &id);
}

gboolean
ipt_store_changes_has_client (IptStoreChanges *self,
                              gint64           client_id)
{
  return ipt_store_changes_has (self, IPT_STORE_CHANGE_CLIENT, client_id);
}

gboolean
ipt_store_changes_has_record (IptStoreChanges *self,
                              const char      *table,
                              gint64           id)
{
  GHashTable *set;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  set = g_hash_table_lookup (self->records, g_intern_string (table));
  return set != NULL && g_hash_table_contains (set, &id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64 *
id_set_to_array (GHashTable *set,
                 guint      *n_ids)
{
  guint n = set != NULL ? g_hash_table_size (set) : 0;
  gint64 *ids = g_new (gint64, n + 1);
  GHashTableIter iter;
  gpointer key;
  guint i = 0;

  if (set != NULL)
    {
      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        ids[i++] = *(gint64 *) key;
    }
  qsort (ids, n, sizeof (gint64), compare_ids);
  ids[n] = 0;
  if (n_ids != NULL)
    *n_ids = n;
  return ids;
}

gint64 *
ipt_store_changes_get_ids (IptStoreChanges   *self,
                           IptStoreChangeKind kind,
                           guint             *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  return id_set_to_array (self->ids[kind], n_ids);
}

const char **
ipt_store_changes_get_record_tables (IptStoreChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char **) g_hash_table_get_keys_as_array (self->records, NULL);
}

gint64 *
ipt_store_changes_get_record_ids (IptStoreChanges *self,
                                  const char      *table,
                                  guint           *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return id_set_to_array (g_hash_table_lookup (self->records, g_intern_string (table)), n_ids);
}
