/* A maintenance contract (IPT-M) agreed after a course ended: monthly sessions by default. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_MAINTENANCE_SESSIONS_MIN 1
#define IPT_MAINTENANCE_SESSIONS_MAX 24
#define IPT_MAINTENANCE_SESSIONS_DEFAULT 6
#define IPT_MAINTENANCE_INTERVAL_MIN 1
#define IPT_MAINTENANCE_INTERVAL_MAX 12
#define IPT_MAINTENANCE_INTERVAL_DEFAULT 4

#define IPT_TYPE_MAINTENANCE (ipt_maintenance_get_type ())
G_DECLARE_FINAL_TYPE (IptMaintenance, ipt_maintenance, IPT, MAINTENANCE, GObject)

/* A contract of planned_sessions, one every IPT_MAINTENANCE_INTERVAL_DEFAULT weeks. */
IptMaintenance *ipt_maintenance_new (gint64 episode_id, const char *start_date, guint planned_sessions);

gint64      ipt_maintenance_get_episode_id (IptMaintenance *self);
void        ipt_maintenance_set_episode_id (IptMaintenance *self, gint64 episode_id);
const char *ipt_maintenance_get_start_date (IptMaintenance *self);
void        ipt_maintenance_set_start_date (IptMaintenance *self, const char *start_date);
guint       ipt_maintenance_get_planned_sessions (IptMaintenance *self);
void        ipt_maintenance_set_planned_sessions (IptMaintenance *self, guint planned_sessions);
guint       ipt_maintenance_get_interval_weeks (IptMaintenance *self);
void        ipt_maintenance_set_interval_weeks (IptMaintenance *self, guint weeks);

/* Checks the contract: a real start date not before the course's end_date, 1 to 24 sessions,
 * one every 1 to 12 weeks; a translated G_IO_ERROR_INVALID_DATA naming the field. */
gboolean    ipt_maintenance_validate (IptMaintenance *self, const char *end_date, GError **error);

G_END_DECLS
