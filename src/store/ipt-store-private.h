/* Shared inside store/ only: the raw connection for import, demo and export queries. */
#pragma once

#include <sqlite3.h>

#include "ipt-store.h"

G_BEGIN_DECLS

sqlite3 *_ipt_store_get_db (IptStore *self);

G_END_DECLS
