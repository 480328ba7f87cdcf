/* The demo caseload: a synthetic, plainly fictional practice written into a new casebook. */
#pragma once

#include <glib.h>

#include "ipt-progress.h"

G_BEGIN_DECLS

#define IPT_DEMO_SEED_DEFAULT 20260105
#define IPT_DEMO_CLIENTS_DEFAULT 40
/* The largest caseload ipt_demo_generate () writes. */
#define IPT_DEMO_CLIENTS_MAX 100000
/* "Today" in the demo: every date of the generated caseload lies on or before this day, active
 * courses had their latest session in the five days before it. Fixed, so that the content does
 * not depend on the day the demo is generated. */
#define IPT_DEMO_REFERENCE_DATE "2026-10-30"

/* Writes a synthetic, plainly fictional caseload into a NEW casebook at path (refuses an existing
 * file with IPT_STORE_ERROR_EXISTS). Deterministic: the same seed and n_clients give the same
 * database content. n_clients: 1 to IPT_DEMO_CLIENTS_MAX. On failure nothing is left at path. */
gboolean ipt_demo_generate (const char *path, guint n_clients, guint32 seed, GError **error);
/* The same, telling the clients written so far of n_clients as they go (called in the thread
 * that generates; ipt-tasks.h relays it to the main context). */
gboolean ipt_demo_generate_with_progress (const char *path, guint n_clients, guint32 seed,
                                          IptProgressFunc progress, gpointer progress_data,
                                          GError **error);

G_END_DECLS
