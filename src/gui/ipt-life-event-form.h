/* Adding or editing a life event on a client's timeline: date, title, impact on mood from -5
 * to +5 and, optionally, the person of the inventory it concerns. */
#pragma once

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_LIFE_EVENT_FORM (ipt_life_event_form_get_type ())
G_DECLARE_FINAL_TYPE (IptLifeEventForm, ipt_life_event_form, IPT, LIFE_EVENT_FORM, IptFormWindow)

/* event NULL: a new event of client_id dated today. Emits "saved" (the event's id) once the
 * store has it, then closes. */
IptLifeEventForm *ipt_life_event_form_new          (GtkWindow        *parent,
                                                    IptStore         *store,
                                                    gint64            client_id,
                                                    IptLifeEvent     *event);
gboolean          ipt_life_event_form_get_can_save (IptLifeEventForm *self);
/* Chooses the person as a click would; 0: nobody. */
void              ipt_life_event_form_set_person   (IptLifeEventForm *self,
                                                    gint64            person_id);

G_END_DECLS
