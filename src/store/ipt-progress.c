/* Progress relayed from a worker thread to the main context, a few times a second at most. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-progress.h"

/* At most this often: a progress bar needs no more, and each call costs the main loop a turn. */
#define RELAY_INTERVAL_US (50 * G_TIME_SPAN_MILLISECOND)

struct _IptProgressRelay
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GMainContext    *context;
  IptProgressFunc  func;
  gpointer         user_data;
  GDestroyNotify   user_data_free;
  double           fraction;     /* the latest reported, not yet relayed */
  gint64           last_relayed; /* monotonic time */
  gboolean         pending;      /* a source is attached to relay it */
  gboolean         closed;
};

static IptProgressRelay *
relay_ref (IptProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static void
relay_unref (gpointer data)
{
  IptProgressRelay *relay = data;

  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;
  if (relay->user_data_free != NULL)
    relay->user_data_free (relay->user_data);
  g_main_context_unref (relay->context);
  g_mutex_clear (&relay->mutex);
  g_free (relay);
}

IptProgressRelay *
ipt_progress_relay_new (IptProgressFunc func,
                        gpointer        user_data,
                        GDestroyNotify  user_data_free)
{
  IptProgressRelay *relay;

  if (func == NULL)
    {
      if (user_data_free != NULL)
        user_data_free (user_data);
      return NULL;
    }

  relay = g_new0 (IptProgressRelay, 1);
  g_atomic_ref_count_init (&relay->ref_count);
  g_mutex_init (&relay->mutex);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->user_data = user_data;
  relay->user_data_free = user_data_free;
  return relay;
}

static gboolean
relay_dispatch (gpointer data)
{
  IptProgressRelay *relay = data;
  gboolean closed;
  double fraction;

  g_mutex_lock (&relay->mutex);
  relay->pending = FALSE;
  relay->last_relayed = g_get_monotonic_time ();
  fraction = relay->fraction;
  closed = relay->closed;
  g_mutex_unlock (&relay->mutex);

  /* Closing happens on this context too: nothing closes it between the check and the call. */
  if (!closed)
    relay->func (fraction, relay->user_data);
  return G_SOURCE_REMOVE;
}

void
ipt_progress_relay_report (IptProgressRelay *relay,
                           double            fraction)
{
  if (relay == NULL)
    return;

  g_mutex_lock (&relay->mutex);
  relay->fraction = CLAMP (fraction, 0.0, 1.0);
  if (!relay->closed && !relay->pending)
    {
      gint64 wait = relay->last_relayed + RELAY_INTERVAL_US - g_get_monotonic_time ();
      GSource *source;

      source = wait > 0 ? g_timeout_source_new ((guint) (wait / 1000) + 1) : g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_static_name (source, "[ipt] progress");
      g_source_set_callback (source, relay_dispatch, relay_ref (relay), relay_unref);
      g_source_attach (source, relay->context);
      g_source_unref (source);
      relay->pending = TRUE;
    }
  g_mutex_unlock (&relay->mutex);
}

void
ipt_progress_relay_func (double   fraction,
                         gpointer relay)
{
  ipt_progress_relay_report (relay, fraction);
}

void
ipt_progress_relay_close (IptProgressRelay *relay)
{
  if (relay == NULL)
    return;

  g_mutex_lock (&relay->mutex);
  relay->closed = TRUE;
  g_mutex_unlock (&relay->mutex);
}

void
ipt_progress_relay_free (IptProgressRelay *relay)
{
  if (relay == NULL)
    return;

  ipt_progress_relay_close (relay);
  relay_unref (relay);
}
