/* A dated life event on the client's timeline, with its impact on mood. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_LIFE_EVENT_IMPACT_MIN (-5)
#define IPT_LIFE_EVENT_IMPACT_MAX 5

#define IPT_TYPE_LIFE_EVENT (ipt_life_event_get_type ())
G_DECLARE_FINAL_TYPE (IptLifeEvent, ipt_life_event, IPT, LIFE_EVENT, GObject)

IptLifeEvent *ipt_life_event_new (gint64 client_id, const char *date, const char *title, int impact);

gint64      ipt_life_event_get_id (IptLifeEvent *self);
void        ipt_life_event_set_id (IptLifeEvent *self, gint64 id);
gint64      ipt_life_event_get_client_id (IptLifeEvent *self);
void        ipt_life_event_set_client_id (IptLifeEvent *self, gint64 client_id);
const char *ipt_life_event_get_date (IptLifeEvent *self);
void        ipt_life_event_set_date (IptLifeEvent *self, const char *date);
const char *ipt_life_event_get_title (IptLifeEvent *self);
void        ipt_life_event_set_title (IptLifeEvent *self, const char *title);
int         ipt_life_event_get_impact (IptLifeEvent *self);   /* -5 .. +5 */
void        ipt_life_event_set_impact (IptLifeEvent *self, int impact);
/* An impact as shown: "+2", "−2" (a minus sign, not a hyphen), "0". */
char       *ipt_life_event_format_impact (int impact);
gint64      ipt_life_event_get_person_id (IptLifeEvent *self); /* 0: none */
void        ipt_life_event_set_person_id (IptLifeEvent *self, gint64 person_id);

gboolean    ipt_life_event_validate (IptLifeEvent *self, GError **error);

G_END_DECLS
