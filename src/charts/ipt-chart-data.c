/* Builds what a mood chart shows from model objects or plain values (ipt-chart-data-describe.c
 * says it in words). */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-chart-data.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipt-chart-private.h"

G_DEFINE_BOXED_TYPE (IptChartData, ipt_chart_data, ipt_chart_data_ref, ipt_chart_data_unref)

static const char * const measure_ids[IPT_CHART_N_MEASURES] = { "phq9", "gad7", "wsas" };

const IptMeasure *
ipt_chart_measure_get (IptChartMeasure measure)
{
  g_return_val_if_fail (measure < IPT_CHART_N_MEASURES, NULL);

  return ipt_measure_lookup (measure_ids[measure]);
}

gboolean
ipt_chart_measure_from_id (const char      *measure_id,
                           IptChartMeasure *out)
{
  if (measure_id == NULL)
    return FALSE;

  for (guint i = 0; i < IPT_CHART_N_MEASURES; i++)
    {
      if (strcmp (measure_id, measure_ids[i]) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
ipt_chart_parse_date (const char *iso_date,
                      gint64     *days)
{
  g_autoptr(GDate) date = NULL;
  unsigned int y, m, d;
  char rest;

  if (iso_date == NULL || !ipt_date_is_valid (iso_date))
    return FALSE;
  if (sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &rest) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  date = g_date_new_dmy (d, m, y);
  *days = g_date_get_julian (date);
  return TRUE;
}

char *
ipt_chart_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 days;
  unsigned int y, m, d;

  if (!ipt_chart_parse_date (iso_date, &days))
    return NULL;
  if (sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;

  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return NULL;
  /* TRANSLATORS: a short date under a session number on the mood chart (strftime format) */
  return g_date_time_format (dt, C_("chart date", "%-d %b"));
}

char *
ipt_chart_format_change (int change)
{
  if (change < 0)
    return g_strdup_printf ("\u2212%d", -change);
  if (change > 0)
    return g_strdup_printf ("+%d", change);
  return g_strdup ("0");
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const IptChartSession *sa = a;
  const IptChartSession *sb = b;

  return (sa->number > sb->number) - (sa->number < sb->number);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const IptChartPoint *pa = a;
  const IptChartPoint *pb = b;

  return (pa->session > pb->session) - (pa->session < pb->session);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const IptChartEvent *ea = a;
  const IptChartEvent *eb = b;

  return g_strcmp0 (ea->date, eb->date);
}

static IptChartData *
chart_data_alloc (const char       *code,
                  IptFocus          focus,
                  IptEpisodeStatus  status,
                  guint             planned,
                  guint             assessment_end,
                  guint             middle_end)
{
  IptChartData *data = g_new0 (IptChartData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  data->code = g_strdup (code != NULL ? code : "");
  data->focus = focus;
  data->status = status;

  /* A malformed contract still draws: fall back to the default boundaries. */
  if (planned == 0)
    planned = IPT_PLANNED_SESSIONS_DEFAULT;
  if (assessment_end < 1 || assessment_end >= middle_end || middle_end >= planned)
    ipt_phase_default_boundaries (planned, &assessment_end, &middle_end);
  data->planned_sessions = planned;
  data->assessment_end = assessment_end;
  data->middle_end = middle_end;

  return data;
}

/* Keeps only attended sessions with a total, one point per session and measure, sorted. */
static void
chart_data_add_points (IptChartData        *data,
                       const IptChartScore *scores,
                       guint                n_scores)
{
  GArray *arrays[IPT_CHART_N_MEASURES];

  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    arrays[m] = g_array_new (FALSE, TRUE, sizeof (IptChartPoint));

  for (guint i = 0; i < n_scores; i++)
    {
      const IptChartScore *score = &scores[i];
      const IptChartSession *session;
      const IptMeasure *measure;
      IptChartMeasure m;
      IptChartPoint point = { 0, };
      gboolean duplicate = FALSE;

      if (!ipt_chart_measure_from_id (score->measure_id, &m))
        continue;
      measure = ipt_chart_measure_get (m);
      if (measure == NULL || !ipt_measure_total_in_range (measure, score->total))
        continue;
      session = ipt_chart_data_find_session (data, score->session);
      if (session != NULL && session->attendance != IPT_ATTENDANCE_ATTENDED)
        continue;

      for (guint j = 0; j < arrays[m]->len; j++)
        if (g_array_index (arrays[m], IptChartPoint, j).session == score->session)
          duplicate = TRUE;
      if (duplicate)
        continue;

      point.session = score->session;
      point.total = score->total;
      point.risk_item = score->risk_item;
      point.risk = measure->risk_item >= 0 && score->risk_item != IPT_ITEM_MISSING
                   && score->risk_item > 0;
      g_array_append_val (arrays[m], point);
    }

  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    {
      g_array_sort (arrays[m], compare_points);
      data->n_points[m] = arrays[m]->len;
      data->points[m] = (IptChartPoint *) (void *) g_array_free (arrays[m], FALSE);
    }
}

/* Every session, and the sessions of scores that have none listed (attended), mapped by the
 * model: the phases of the sessions come from there. */
static void
chart_data_map_course (IptChartData *data,
                       const char   *end_date)
{
  g_autoptr(GArray) appointments = g_array_new (FALSE, FALSE, sizeof (IptAppointment));

  for (guint i = 0; i < data->n_sessions; i++)
    {
      const IptChartSession *s = &data->sessions[i];
      IptAppointment a = { s->number, s->attendance == IPT_ATTENDANCE_ATTENDED, FALSE };

      a.after_end = end_date != NULL && s->date != NULL && strcmp (s->date, end_date) > 0;
      g_array_append_val (appointments, a);
    }
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    for (guint i = 0; i < data->n_points[m]; i++)
      if (ipt_chart_data_find_session (data, data->points[m][i].session) == NULL)
        {
          IptAppointment a = { data->points[m][i].session, TRUE, FALSE };
          g_array_append_val (appointments, a);
        }

  data->course = ipt_course_map_new (data->planned_sessions, data->assessment_end,
                                     data->middle_end, data->status != IPT_EPISODE_STATUS_ACTIVE,
                                     (const IptAppointment *) (void *) appointments->data,
                                     appointments->len);
  for (guint i = 0; i < data->n_sessions; i++)
    data->sessions[i].phase = ipt_course_map_phase_of (data->course, data->sessions[i].number);
}

static IptChartData *
chart_data_build (const char            *code,
                  IptFocus               focus,
                  IptEpisodeStatus       status,
                  guint                  planned_sessions,
                  guint                  assessment_end,
                  guint                  middle_end,
                  const char            *end_date,
                  const IptChartSession *sessions,
                  guint                  n_sessions,
                  const IptChartScore   *scores,
                  guint                  n_scores,
                  const IptChartEvent   *events,
                  guint                  n_events)
{
  IptChartData *data;
  guint n = 0;

  g_return_val_if_fail (sessions != NULL || n_sessions == 0, NULL);
  g_return_val_if_fail (scores != NULL || n_scores == 0, NULL);
  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  data = chart_data_alloc (code, focus, status, planned_sessions, assessment_end, middle_end);

  data->sessions = g_new0 (IptChartSession, MAX (n_sessions, 1));
  for (guint i = 0; i < n_sessions; i++)
    {
      gboolean duplicate = FALSE;

      if (sessions[i].number == 0)
        continue;
      for (guint j = 0; j < n; j++)
        if (data->sessions[j].number == sessions[i].number)
          duplicate = TRUE;
      if (duplicate)
        continue;

      data->sessions[n].number = sessions[i].number;
      data->sessions[n].date = ipt_date_is_valid (sessions[i].date) ? g_strdup (sessions[i].date) : NULL;
      data->sessions[n].attendance = sessions[i].attendance;
      data->sessions[n].attendees = sessions[i].attendees;
      data->sessions[n].joint_with = g_strdup (sessions[i].joint_with);
      n++;
    }
  data->n_sessions = n;
  qsort (data->sessions, n, sizeof (IptChartSession), compare_sessions);

  chart_data_add_points (data, scores, n_scores);
  chart_data_map_course (data, ipt_date_is_valid (end_date) ? end_date : NULL);

  data->events = g_new0 (IptChartEvent, MAX (n_events, 1));
  n = 0;
  for (guint i = 0; i < n_events; i++)
    {
      if (!ipt_date_is_valid (events[i].date) || events[i].title == NULL)
        continue;
      data->events[n].date = g_strdup (events[i].date);
      data->events[n].title = g_strdup (events[i].title);
      data->events[n].impact = CLAMP (events[i].impact, IPT_LIFE_EVENT_IMPACT_MIN,
                                      IPT_LIFE_EVENT_IMPACT_MAX);
      n++;
    }
  data->n_events = n;
  qsort (data->events, n, sizeof (IptChartEvent), compare_events);

  return data;
}

IptChartData *
ipt_chart_data_new_from_arrays (const char            *code,
                                IptFocus               focus,
                                IptEpisodeStatus       status,
                                guint                  planned_sessions,
                                guint                  assessment_end,
                                guint                  middle_end,
                                const IptChartSession *sessions,
                                guint                  n_sessions,
                                const IptChartScore   *scores,
                                guint                  n_scores,
                                const IptChartEvent   *events,
                                guint                  n_events)
{
  return chart_data_build (code, focus, status, planned_sessions, assessment_end, middle_end,
                           NULL, sessions, n_sessions, scores, n_scores, events, n_events);
}

IptChartData *
ipt_chart_data_new (IptClient  *client,
                    IptEpisode *episode,
                    GPtrArray  *sessions,
                    GPtrArray  *scores,
                    GPtrArray  *life_events)
{
  g_autoptr(GArray) plain_sessions = g_array_new (FALSE, TRUE, sizeof (IptChartSession));
  g_autoptr(GArray) plain_scores = g_array_new (FALSE, TRUE, sizeof (IptChartScore));
  g_autoptr(GArray) plain_events = g_array_new (FALSE, TRUE, sizeof (IptChartEvent));
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint planned = IPT_PLANNED_SESSIONS_DEFAULT, a_end = 0, m_end = 0;
  IptFocus focus = IPT_FOCUS_NONE;
  IptEpisodeStatus status = IPT_EPISODE_STATUS_ACTIVE;
  const char *end_date = NULL;

  g_return_val_if_fail (client == NULL || IPT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (episode == NULL || IPT_IS_EPISODE (episode), NULL);

  if (episode != NULL)
    {
      planned = ipt_episode_get_planned_sessions (episode);
      a_end = ipt_episode_get_assessment_end (episode);
      m_end = ipt_episode_get_middle_end (episode);
      focus = ipt_episode_get_focus (episode);
      status = ipt_episode_get_status (episode);
      end_date = ipt_episode_get_end_date (episode);
    }

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      IptChartSession plain = { 0, };
      gint64 *id;

      if (episode != NULL && ipt_session_get_episode_id (session) != ipt_episode_get_id (episode))
        continue;
      plain.number = ipt_session_get_number (session);
      plain.date = (char *) ipt_session_get_date (session);
      plain.attendance = ipt_session_get_attendance (session);
      plain.attendees = ipt_session_get_attendees (session);
      g_array_append_val (plain_sessions, plain);

      id = g_new (gint64, 1);
      *id = ipt_session_get_id (session);
      g_hash_table_insert (numbers, id, GUINT_TO_POINTER (plain.number));
    }

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);
      gint64 session_id = ipt_score_get_session_id (score);
      IptChartScore plain = { 0, };
      gpointer number;

      if (!g_hash_table_lookup_extended (numbers, &session_id, NULL, &number))
        continue;
      plain.session = GPOINTER_TO_UINT (number);
      plain.measure_id = ipt_score_get_measure_id (score);
      plain.total = ipt_score_get_total (score);
      plain.risk_item = ipt_score_get_risk_item (score);
      /* A stored risk flag without item answers still counts. */
      if (plain.risk_item == IPT_ITEM_MISSING && ipt_score_get_risk (score))
        plain.risk_item = 1;
      g_array_append_val (plain_scores, plain);
    }

  for (guint i = 0; life_events != NULL && i < life_events->len; i++)
    {
      IptLifeEvent *event = g_ptr_array_index (life_events, i);
      IptChartEvent plain = { 0, };

      plain.date = (char *) ipt_life_event_get_date (event);
      plain.title = (char *) ipt_life_event_get_title (event);
      plain.impact = ipt_life_event_get_impact (event);
      g_array_append_val (plain_events, plain);
    }

  {
    GHashTableIter iter;
    gpointer key;
    IptChartData *data;

    data = chart_data_build (client != NULL ? ipt_client_get_code (client) : NULL,
                                           focus, status, planned, a_end, m_end, end_date,
                                           (IptChartSession *) (void *) plain_sessions->data,
                                           plain_sessions->len,
                                           (IptChartScore *) (void *) plain_scores->data,
                                           plain_scores->len,
                                           (IptChartEvent *) (void *) plain_events->data,
                                           plain_events->len);

    g_hash_table_iter_init (&iter, numbers);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);

    return data;
  }
}

IptChartData *
ipt_chart_data_ref (IptChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
ipt_chart_data_unref (IptChartData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  for (guint i = 0; i < data->n_sessions; i++)
    {
      g_free (data->sessions[i].date);
      g_free (data->sessions[i].joint_with);
    }
  g_free (data->sessions);
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    g_free (data->points[m]);
  for (guint i = 0; i < data->n_events; i++)
    {
      g_free (data->events[i].date);
      g_free (data->events[i].title);
    }
  g_free (data->events);
  for (guint i = 0; i < data->n_risk_reviews; i++)
    {
      g_free (data->risk_reviews[i].date);
      g_free (data->risk_reviews[i].asked);
      g_free (data->risk_reviews[i].plan);
    }
  g_free (data->risk_reviews);
  g_free (data->code);
  ipt_course_map_free (data->course);
  g_free (data);
}

void
ipt_chart_data_set_risk_reviews (IptChartData *data,
                                 GPtrArray    *sessions,
                                 GPtrArray    *reviews)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->risk_reviews == NULL);

  if (reviews == NULL || reviews->len == 0)
    return;

  data->risk_reviewed_through = ipt_risk_reviewed_through (sessions, reviews);
  data->n_risk_reviews = reviews->len;
  data->risk_reviews = g_new0 (IptChartRiskReview, reviews->len);
  for (guint i = 0; i < reviews->len; i++)
    {
      IptRiskReview *review = g_ptr_array_index (reviews, i);

      data->risk_reviews[i].date = g_strdup (ipt_risk_review_get_date (review));
      data->risk_reviews[i].asked = g_strdup (ipt_risk_review_get_asked (review));
      data->risk_reviews[i].plan = g_strdup (ipt_risk_review_get_plan (review));
    }
}

const IptChartSession *
ipt_chart_data_find_session (const IptChartData *data,
                             guint               number)
{
  guint lo = 0, hi;

  g_return_val_if_fail (data != NULL, NULL);

  hi = data->n_sessions;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (data->sessions[mid].number == number)
        return &data->sessions[mid];
      if (data->sessions[mid].number < number)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

guint
ipt_chart_data_get_current_session (const IptChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  /* Scores given without their sessions (plain arrays) count as attended there too. */
  return ipt_course_map_get_latest_number (data->course);
}

guint
ipt_chart_data_get_sessions_attended (const IptChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return ipt_course_map_get_attended (data->course);
}

guint
ipt_chart_data_get_last_number (const IptChartData *data)
{
  guint last;

  g_return_val_if_fail (data != NULL, 0);

  last = data->planned_sessions;
  if (data->n_sessions > 0)
    last = MAX (last, data->sessions[data->n_sessions - 1].number);
  last = MAX (last, ipt_course_map_get_projected_last (data->course));
  return MAX (last, ipt_chart_data_get_current_session (data));
}

IptSeriesPoint *
_ipt_chart_data_series (const IptChartData *data,
                        IptChartMeasure     m,
                        guint              *n_points)
{
  guint n = data->n_points[m];
  IptSeriesPoint *points = g_new0 (IptSeriesPoint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const IptChartPoint *p = &data->points[m][i];
      points[i] = (IptSeriesPoint) { p->session, p->total, p->risk_item };
    }
  *n_points = n;
  return points;
}

IptOutcome *
ipt_chart_data_compute_outcome (const IptChartData *data)
{
  g_autofree IptSeriesPoint *phq9 = NULL;
  g_autofree IptSeriesPoint *gad7 = NULL;
  guint n_phq9, n_gad7;

  g_return_val_if_fail (data != NULL, NULL);

  phq9 = _ipt_chart_data_series (data, IPT_CHART_MEASURE_PHQ9, &n_phq9);
  gad7 = _ipt_chart_data_series (data, IPT_CHART_MEASURE_GAD7, &n_gad7);
  return ipt_course_map_compute_outcome (data->course, phq9, n_phq9, gad7, n_gad7);
}
