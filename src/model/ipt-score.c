/* One questionnaire answered at a session: item answers and the total computed from them. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-score.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

struct _IptScore
{
  GObject parent_instance;

  gint64            id;
  gint64            session_id;
  const IptMeasure *measure;
  char             *measure_version;
  int              *items;     /* NULL when only a total exists */
  guint             n_items;
  int               total;
};

G_DEFINE_FINAL_TYPE (IptScore, ipt_score, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SESSION_ID,
  PROP_MEASURE_ID,
  PROP_MEASURE_VERSION,
  PROP_TOTAL,
  PROP_HAS_TOTAL,
  PROP_RISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_score_finalize (GObject *object)
{
  IptScore *self = (IptScore *) object;

  g_free (self->measure_version);
  g_free (self->items);

  G_OBJECT_CLASS (ipt_score_parent_class)->finalize (object);
}

static void
ipt_score_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IptScore *self = IPT_SCORE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_MEASURE_ID:
      g_value_set_string (value, ipt_score_get_measure_id (self));
      break;

    case PROP_MEASURE_VERSION:
      g_value_set_string (value, self->measure_version);
      break;

    case PROP_TOTAL:
      g_value_set_int (value, self->total);
      break;

    case PROP_HAS_TOTAL:
      g_value_set_boolean (value, ipt_score_has_total (self));
      break;

    case PROP_RISK:
      g_value_set_boolean (value, ipt_score_get_risk (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_score_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IptScore *self = IPT_SCORE (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_score_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SESSION_ID:
      ipt_score_set_session_id (self, g_value_get_int64 (value));
      break;

    case PROP_MEASURE_ID:
      /* Construct-only; an unknown id leaves no measure, and the constructors refuse that. */
      self->measure = ipt_measure_lookup (g_value_get_string (value));
      break;

    case PROP_MEASURE_VERSION:
      ipt_score_set_measure_version (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_score_class_init (IptScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipt_score_finalize;
  object_class->get_property = ipt_score_get_property;
  object_class->set_property = ipt_score_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE_ID] =
    g_param_spec_string ("measure-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE_VERSION] =
    g_param_spec_string ("measure-version", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* IPT_TOTAL_NONE (-1) when there is no total. */
  properties[PROP_TOTAL] =
    g_param_spec_int ("total", NULL, NULL,
                      G_MININT, G_MAXINT, IPT_TOTAL_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_TOTAL] =
    g_param_spec_boolean ("has-total", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RISK] =
    g_param_spec_boolean ("risk", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_score_init (IptScore *self)
{
  self->total = IPT_TOTAL_NONE;
}

IptScore *
ipt_score_new_from_items (const IptMeasure *measure,
                          const int        *items,
                          guint             n_items)
{
  IptScore *self;

  g_return_val_if_fail (measure != NULL, NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  self = g_object_new (IPT_TYPE_SCORE,
                       "measure-id", measure->id,
                       "measure-version", measure->version,
                       NULL);
  /* The registry's own entry, even when the caller passed a copy. */
  self->measure = ipt_measure_lookup (measure->id);
  if (self->measure == NULL)
    self->measure = measure;
  /* Kept as given, even with the wrong count: validate () names the problem. */
  if (n_items > 0)
    {
      self->items = g_memdup2 (items, n_items * sizeof (int));
      self->n_items = n_items;
    }
  self->total = ipt_measure_compute_total (self->measure, self->items, self->n_items);
  return self;
}

IptScore *
ipt_score_new_from_total (const IptMeasure *measure,
                          int               total)
{
  IptScore *self;

  g_return_val_if_fail (measure != NULL, NULL);

  self = g_object_new (IPT_TYPE_SCORE,
                       "measure-id", measure->id,
                       "measure-version", measure->version,
                       NULL);
  self->measure = ipt_measure_lookup (measure->id);
  if (self->measure == NULL)
    self->measure = measure;
  self->total = total < 0 ? IPT_TOTAL_NONE : total;
  return self;
}

gint64
ipt_score_get_id (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), 0);

  return self->id;
}

void
ipt_score_set_id (IptScore *self,
                  gint64    id)
{
  g_return_if_fail (IPT_IS_SCORE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_score_get_session_id (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), 0);

  return self->session_id;
}

void
ipt_score_set_session_id (IptScore *self,
                          gint64    session_id)
{
  g_return_if_fail (IPT_IS_SCORE (self));

  if (self->session_id == session_id)
    return;

  self->session_id = session_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

const IptMeasure *
ipt_score_get_measure (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), NULL);

  return self->measure;
}

const char *
ipt_score_get_measure_id (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), NULL);

  return self->measure != NULL ? self->measure->id : NULL;
}

const char *
ipt_score_get_measure_version (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), NULL);

  return self->measure_version;
}

void
ipt_score_set_measure_version (IptScore   *self,
                               const char *version)
{
  g_return_if_fail (IPT_IS_SCORE (self));

  if (g_strcmp0 (self->measure_version, version) == 0)
    return;

  g_free (self->measure_version);
  self->measure_version = g_strdup (version);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_VERSION]);
}

const int *
ipt_score_get_items (IptScore *self,
                     guint    *n_items)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), NULL);

  if (n_items != NULL)
    *n_items = self->items != NULL ? self->n_items : 0;
  return self->items;
}

gboolean
ipt_score_has_items (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), FALSE);

  return self->items != NULL;
}

/* Sets the total and notifies what follows from it, only what changed. */
static void
update_total (IptScore *self,
              int       total,
              gboolean  had_risk)
{
  gboolean had_total = self->total >= 0;

  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (had_total != (self->total >= 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TOTAL]);
  if (had_risk != ipt_score_get_risk (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK]);
}

void
ipt_score_set_item (IptScore *self,
                    guint     index,
                    int       value)
{
  gboolean had_risk;

  g_return_if_fail (IPT_IS_SCORE (self));
  g_return_if_fail (self->measure != NULL && self->measure->n_items > 0);
  g_return_if_fail (index < self->measure->n_items);

  had_risk = ipt_score_get_risk (self);

  /* A score that had only a total starts its item answers here, all missing but this one. */
  if (self->items == NULL || self->n_items != self->measure->n_items)
    {
      int *items = g_new (int, self->measure->n_items);

      for (guint i = 0; i < self->measure->n_items; i++)
        items[i] = (self->items != NULL && i < self->n_items) ? self->items[i] : IPT_ITEM_MISSING;
      g_free (self->items);
      self->items = items;
      self->n_items = self->measure->n_items;
    }
  else if (self->items[index] == value)
    return;

  self->items[index] = value;
  update_total (self, ipt_measure_compute_total (self->measure, self->items, self->n_items),
                had_risk);
}

void
ipt_score_set_total (IptScore *self,
                     int       total)
{
  g_return_if_fail (IPT_IS_SCORE (self));
  g_return_if_fail (self->items == NULL);

  update_total (self, total < 0 ? IPT_TOTAL_NONE : total, ipt_score_get_risk (self));
}

int
ipt_score_get_total (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), IPT_TOTAL_NONE);

  return self->total;
}

gboolean
ipt_score_has_total (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), FALSE);

  return self->total >= 0;
}

gboolean
ipt_score_get_risk (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), FALSE);

  return self->measure != NULL && self->items != NULL
         && ipt_measure_items_flag_risk (self->measure, self->items, self->n_items);
}

int
ipt_score_get_risk_item (IptScore *self)
{
  g_return_val_if_fail (IPT_IS_SCORE (self), IPT_ITEM_MISSING);

  if (self->measure == NULL || self->items == NULL || self->measure->risk_item < 0
      || (guint) self->measure->risk_item >= self->n_items)
    return IPT_ITEM_MISSING;
  return self->items[self->measure->risk_item];
}

gboolean
ipt_score_validate (IptScore  *self,
                    GError   **error)
{
  const IptMeasure *m;

  g_return_val_if_fail (IPT_IS_SCORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  m = self->measure;
  if (m == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The measure is not known"));
      return FALSE;
    }

  if (self->items != NULL)
    {
      int computed;

      if (!ipt_measure_validate_items (m, self->items, self->n_items, error))
        return FALSE;
      computed = ipt_measure_compute_total (m, self->items, self->n_items);
      if (computed != self->total)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s total %d does not match its item answers (%d)"),
                       m->name, self->total, computed);
          return FALSE;
        }
      return TRUE;
    }

  if (self->total < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s needs a total or item answers"), m->name);
      return FALSE;
    }
  if (!ipt_measure_total_in_range (m, self->total))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s total must be between %d and %d, not %d"),
                   m->name, m->total_min, m->total_max, self->total);
      return FALSE;
    }
  return TRUE;
}
