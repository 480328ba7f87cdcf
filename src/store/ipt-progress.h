/* Progress of long work: reported by the work as it goes (in whatever thread runs it), relayed
 * to the main context that asked for it, a few times a second at most. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of the work is done, from 0 to 1. */
typedef void (*IptProgressFunc) (double   fraction,
                                 gpointer user_data);

/* Carries a worker thread's progress to func on the main context that was the thread-default
 * one when the relay was made, rate-limited (the latest fraction wins). NULL when func is NULL;
 * every function takes NULL. */
typedef struct _IptProgressRelay IptProgressRelay;

IptProgressRelay *ipt_progress_relay_new    (IptProgressFunc func,
                                             gpointer        user_data,
                                             GDestroyNotify  user_data_free);
/* From any thread. */
void              ipt_progress_relay_report (IptProgressRelay *relay,
                                             double            fraction);
/* An IptProgressFunc whose user_data is the relay, for the synchronous work in a thread. */
void              ipt_progress_relay_func   (double   fraction,
                                             gpointer relay);
/* On the relay's context, when the work's result is taken: no call to func comes after. */
void              ipt_progress_relay_close  (IptProgressRelay *relay);
/* Closes and drops the reference (user_data is freed with the last one). */
void              ipt_progress_relay_free   (IptProgressRelay *relay);

G_END_DECLS
