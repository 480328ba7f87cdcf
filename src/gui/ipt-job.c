/* A long piece of work under way: its label, its progress, its end. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-job.h"

struct _IptJob
{
  GObject       parent_instance;

  GApplication *app;       /* held while the job runs, NULL once released */
  char         *label;
  double        fraction;
  gboolean      finished;
};

G_DEFINE_FINAL_TYPE (IptJob, ipt_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_FRACTION,
  N_PROPS
};

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
release_app (IptJob *self)
{
  if (self->app == NULL)
    return;
  g_application_release (self->app);
  g_clear_object (&self->app);
}

static void
ipt_job_dispose (GObject *object)
{
  /* Dropped unfinished (a failure path): the application is not held for ever. */
  release_app (IPT_JOB (object));

  G_OBJECT_CLASS (ipt_job_parent_class)->dispose (object);
}

static void
ipt_job_finalize (GObject *object)
{
  IptJob *self = IPT_JOB (object);

  g_free (self->label);

  G_OBJECT_CLASS (ipt_job_parent_class)->finalize (object);
}

static void
ipt_job_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  IptJob *self = IPT_JOB (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_job_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  IptJob *self = IPT_JOB (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      /* Construct-only. */
      self->label = g_value_dup_string (value);
      break;
    case PROP_FRACTION:
      ipt_job_set_fraction (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_job_class_init (IptJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipt_job_dispose;
  object_class->finalize = ipt_job_finalize;
  object_class->get_property = ipt_job_get_property;
  object_class->set_property = ipt_job_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1.0, 1.0, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ipt_job_init (IptJob *self)
{
  self->fraction = -1.0;
}

IptJob *
ipt_job_new (GApplication *app,
             const char   *label)
{
  IptJob *self;

  g_return_val_if_fail (app == NULL || G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (IPT_TYPE_JOB, "label", label, NULL);
  if (app != NULL)
    {
      self->app = g_object_ref (app);
      g_application_hold (app);
    }
  return self;
}

const char *
ipt_job_get_label (IptJob *self)
{
  g_return_val_if_fail (IPT_IS_JOB (self), NULL);

  return self->label;
}

double
ipt_job_get_fraction (IptJob *self)
{
  g_return_val_if_fail (IPT_IS_JOB (self), -1.0);

  return self->fraction;
}

void
ipt_job_set_fraction (IptJob *self,
                      double  fraction)
{
  g_return_if_fail (IPT_IS_JOB (self));

  fraction = fraction < 0 ? -1.0 : MIN (fraction, 1.0);
  if (self->finished || self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

void
ipt_job_progress_func (double   fraction,
                       gpointer job)
{
  ipt_job_set_fraction (IPT_JOB (job), fraction);
}

void
ipt_job_finish (IptJob *self)
{
  g_return_if_fail (IPT_IS_JOB (self));

  if (self->finished)
    return;
  self->finished = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
  release_app (self);
  g_object_unref (self);
}

gboolean
ipt_job_get_finished (IptJob *self)
{
  g_return_val_if_fail (IPT_IS_JOB (self), TRUE);

  return self->finished;
}
