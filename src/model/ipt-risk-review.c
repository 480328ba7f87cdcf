/* A risk review (clinical.md section 6) and the rule that keeps risk open until one is recorded. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-risk-review.h"
#include "ipt-enums.h"
#include "ipt-measure.h"
#include "ipt-session.h"
#include "ipt-date-format.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

struct _IptRiskReview
{
  GObject parent_instance;

  gint64 id;
  gint64 episode_id;
  char  *date;
  char  *asked;
  char  *done;
  char  *plan;
};

G_DEFINE_FINAL_TYPE (IptRiskReview, ipt_risk_review, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_EPISODE_ID,
  PROP_DATE,
  PROP_ASKED,
  PROP_DONE,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_risk_review_finalize (GObject *object)
{
  IptRiskReview *self = (IptRiskReview *) object;

  g_free (self->date);
  g_free (self->asked);
  g_free (self->done);
  g_free (self->plan);

  G_OBJECT_CLASS (ipt_risk_review_parent_class)->finalize (object);
}

static void
ipt_risk_review_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IptRiskReview *self = IPT_RISK_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ASKED:
      g_value_set_string (value, self->asked);
      break;

    case PROP_DONE:
      g_value_set_string (value, self->done);
      break;

    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_risk_review_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IptRiskReview *self = IPT_RISK_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_risk_review_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_EPISODE_ID:
      ipt_risk_review_set_episode_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      ipt_risk_review_set_date (self, g_value_get_string (value));
      break;

    case PROP_ASKED:
      ipt_risk_review_set_asked (self, g_value_get_string (value));
      break;

    case PROP_DONE:
      ipt_risk_review_set_done (self, g_value_get_string (value));
      break;

    case PROP_PLAN:
      ipt_risk_review_set_plan (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_risk_review_class_init (IptRiskReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_risk_review_finalize;
  object_class->get_property = ipt_risk_review_get_property;
  object_class->set_property = ipt_risk_review_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EPISODE_ID] = g_param_spec_int64 ("episode-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_ASKED] = g_param_spec_string ("asked", NULL, NULL, NULL, flags);
  properties[PROP_DONE] = g_param_spec_string ("done", NULL, NULL, NULL, flags);
  properties[PROP_PLAN] = g_param_spec_string ("plan", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_risk_review_init (IptRiskReview *self)
{
}

IptRiskReview *
ipt_risk_review_new (gint64      episode_id,
                     const char *date)
{
  return g_object_new (IPT_TYPE_RISK_REVIEW,
                       "episode-id", episode_id,
                       "date", date,
                       NULL);
}

gint64
ipt_risk_review_get_id (IptRiskReview *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), 0);

  return self->id;
}

void
ipt_risk_review_set_id (IptRiskReview *self,
                        gint64         id)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_risk_review_get_episode_id (IptRiskReview *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), 0);

  return self->episode_id;
}

void
ipt_risk_review_set_episode_id (IptRiskReview *self,
                                gint64         episode_id)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW (self));

  if (self->episode_id == episode_id)
    return;

  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

const char *
ipt_risk_review_get_date (IptRiskReview *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), NULL);

  return self->date;
}

void
ipt_risk_review_set_date (IptRiskReview *self,
                          const char    *date)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
ipt_risk_review_get_asked (IptRiskReview *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), NULL);

  return self->asked;
}

void
ipt_risk_review_set_asked (IptRiskReview *self,
                           const char    *asked)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW (self));

  if (g_strcmp0 (self->asked, asked) == 0)
    return;

  g_free (self->asked);
  self->asked = g_strdup (asked);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKED]);
}

const char *
ipt_risk_review_get_done (IptRiskReview *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), NULL);

  return self->done;
}

void
ipt_risk_review_set_done (IptRiskReview *self,
                          const char    *done)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW (self));

  if (g_strcmp0 (self->done, done) == 0)
    return;

  g_free (self->done);
  self->done = g_strdup (done);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

const char *
ipt_risk_review_get_plan (IptRiskReview *self)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), NULL);

  return self->plan;
}

void
ipt_risk_review_set_plan (IptRiskReview *self,
                          const char    *plan)
{
  g_return_if_fail (IPT_IS_RISK_REVIEW (self));

  if (g_strcmp0 (self->plan, plan) == 0)
    return;

  g_free (self->plan);
  self->plan = g_strdup (plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* NULL, empty or only white space. */
static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
text_too_long (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > IPT_RISK_REVIEW_TEXT_MAX;
}

gboolean
ipt_risk_review_validate (IptRiskReview  *self,
                          GError        **error)
{
  g_return_val_if_fail (IPT_IS_RISK_REVIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_date_is_valid (self->date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s is the format of a date to type (DD.MM.YYYY) */
                   _("The date of the review must be a real date (%s)"), format);
      return FALSE;
    }
  if (is_blank (self->asked))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Say what was asked about the risk"));
      return FALSE;
    }
  if (is_blank (self->plan))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Say what the plan is from here"));
      return FALSE;
    }
  if (text_too_long (self->asked) || text_too_long (self->done) || text_too_long (self->plan))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Each part of the review can hold at most %d characters"),
                   IPT_RISK_REVIEW_TEXT_MAX);
      return FALSE;
    }
  return TRUE;
}

guint
ipt_risk_reviewed_through (GPtrArray *sessions,
                           GPtrArray *reviews)
{
  const char *latest = NULL;
  guint through = 0;

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const char *date = ipt_risk_review_get_date (g_ptr_array_index (reviews, i));

      /* ISO 8601 dates compare as text. */
      if (date != NULL && (latest == NULL || strcmp (date, latest) > 0))
        latest = date;
    }
  if (latest == NULL)
    return 0;

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      const char *date = ipt_session_get_date (session);

      if (date != NULL && strcmp (date, latest) <= 0)
        through = MAX (through, ipt_session_get_number (session));
    }
  return through;
}

const IptSeriesPoint *
ipt_risk_open_point (const IptSeriesPoint *phq9,
                     guint                 n_phq9,
                     guint                 reviewed_through)
{
  const IptMeasure *measure = ipt_measure_lookup ("phq9");

  if (measure->risk_item < 0)
    return NULL;
  for (guint i = n_phq9; phq9 != NULL && i > 0; i--)
    {
      const IptSeriesPoint *point = &phq9[i - 1];

      if (point->session <= reviewed_through)
        break;
      if (point->risk_item != IPT_ITEM_MISSING && point->risk_item > 0)
        return point;
    }
  return NULL;
}

gboolean
ipt_risk_is_open (const IptSeriesPoint *phq9,
                  guint                 n_phq9,
                  guint                 reviewed_through)
{
  return ipt_risk_open_point (phq9, n_phq9, reviewed_through) != NULL;
}
