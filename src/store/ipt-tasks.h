/* Long store work run off the main thread (GTask): the caller's main context gets the result,
 * so a window stays responsive meanwhile. Each runs on its own connection to its own file.
 *
 * Each tells its progress to `progress` (may be NULL) on the caller's main context, a few times
 * a second at most and never after the callback has taken the result with _finish;
 * progress_data_free frees progress_data when the work is over. */
#pragma once

#include <gio/gio.h>

#include "ipt-progress.h"
#include "ipt-store.h"

G_BEGIN_DECLS

/* ipt_demo_generate () in a worker thread; progress: clients written of n_clients. */
void     ipt_demo_generate_async  (const char          *path,
                                   guint                n_clients,
                                   guint32              seed,
                                   GCancellable        *cancellable,
                                   IptProgressFunc      progress,
                                   gpointer             progress_data,
                                   GDestroyNotify       progress_data_free,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean ipt_demo_generate_finish (GAsyncResult *result,
                                   GError      **error);

/* ipt_store_backup_to () in a worker thread, from a connection of its own to the casebook
 * (read-only, so the window's connection goes on meanwhile); progress: pages copied. */
void     ipt_store_backup_to_async  (IptStore            *store,
                                     const char          *dest_path,
                                     GCancellable        *cancellable,
                                     IptProgressFunc      progress,
                                     gpointer             progress_data,
                                     GDestroyNotify       progress_data_free,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean ipt_store_backup_to_finish (IptStore     *store,
                                     GAsyncResult *result,
                                     GError      **error);

/* ipt_store_backup_now () in a worker thread, from a connection of its own to the casebook
 * (read-only): today's backup made again, the same name and rotation; backup_dir NULL: the
 * default folder. The finish function returns the backup's path (free it), NULL on error. */
void     ipt_store_backup_now_async  (IptStore            *store,
                                      const char          *backup_dir,
                                      guint                keep,
                                      GCancellable        *cancellable,
                                      IptProgressFunc      progress,
                                      gpointer             progress_data,
                                      GDestroyNotify       progress_data_free,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
char    *ipt_store_backup_now_finish (IptStore     *store,
                                      GAsyncResult *result,
                                      GError      **error);

/* ipt_store_backup_daily () in a worker thread, the same way: today's backup when there is none
 * yet (once a day), then the newest `keep` kept. */
void     ipt_store_backup_daily_async  (IptStore            *store,
                                        const char          *backup_dir,
                                        guint                keep,
                                        GCancellable        *cancellable,
                                        IptProgressFunc      progress,
                                        gpointer             progress_data,
                                        GDestroyNotify       progress_data_free,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean ipt_store_backup_daily_finish (IptStore     *store,
                                        GAsyncResult *result,
                                        GError      **error);

G_END_DECLS
