/* Where each appointment of a course stands: the one place that maps a course's sessions to
 * their phases (clinical.md section 1, second edition). */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-course-map.h"
#include "ipt-episode.h"
#include "ipt-session.h"

#include <stdlib.h>
#include <string.h>

struct _IptCourseMap
{
  guint                planned;
  guint                assessment_end;
  guint                middle_end;
  gboolean             ended;
  IptAppointment      *appointments;   /* by number */
  IptAppointmentPlace *places;
  guint                n_appointments;
  guint                attended;       /* of the contract */
  guint                maintenance;    /* attended maintenance sessions */
  guint                latest;         /* index + 1 of the latest attended appointment, 0: none */
};

G_DEFINE_BOXED_TYPE (IptCourseMap, ipt_course_map, ipt_course_map_copy, ipt_course_map_free)

static int
compare_appointments (const void *a,
                      const void *b)
{
  const IptAppointment *x = a, *y = b;

  return x->number < y->number ? -1 : x->number > y->number;
}

/* The place of the next session of the course after `attended` attended ones. */
static void
next_place (const IptCourseMap  *map,
            guint                attended,
            gboolean             after_end,
            IptAppointmentPlace *place)
{
  place->attended = 0;
  place->maintenance = after_end || attended >= map->planned;
  place->phase = place->maintenance
                 ? IPT_PHASE_MAINTENANCE
                 : ipt_phase_for_session (map->planned, map->assessment_end, map->middle_end,
                                          attended + 1);
}

IptCourseMap *
ipt_course_map_new (guint                 planned,
                    guint                 assessment_end,
                    guint                 middle_end,
                    gboolean              ended,
                    const IptAppointment *appointments,
                    guint                 n_appointments)
{
  IptCourseMap *map;
  guint n = 0;
  guint attended = 0;

  g_return_val_if_fail (appointments != NULL || n_appointments == 0, NULL);

  map = g_new0 (IptCourseMap, 1);
  map->planned = planned;
  map->assessment_end = assessment_end;
  map->middle_end = middle_end;
  map->ended = ended;
  map->appointments = g_new (IptAppointment, MAX (n_appointments, 1));
  map->places = g_new0 (IptAppointmentPlace, MAX (n_appointments, 1));

  if (n_appointments > 0)
    memcpy (map->appointments, appointments, n_appointments * sizeof *appointments);
  qsort (map->appointments, n_appointments, sizeof *appointments, compare_appointments);
  for (guint i = 0; i < n_appointments; i++)
    if (n == 0 || map->appointments[i].number != map->appointments[n - 1].number)
      map->appointments[n++] = map->appointments[i];
  map->n_appointments = n;

  for (guint i = 0; i < n; i++)
    {
      const IptAppointment *a = &map->appointments[i];
      IptAppointmentPlace *place = &map->places[i];

      /* Missed or attended, the appointment belongs where the course stands before it. */
      next_place (map, attended, a->after_end, place);
      if (!a->attended)
        continue;

      map->latest = i + 1;
      if (place->maintenance)
        {
          map->maintenance++;
          continue;
        }
      place->attended = ++attended;
    }
  map->attended = attended;

  return map;
}

IptCourseMap *
ipt_course_map_new_for_episode (IptEpisode *e,
                                GPtrArray  *sessions)
{
  g_autoptr(GArray) appointments = g_array_new (FALSE, FALSE, sizeof (IptAppointment));
  const char *end_date;

  g_return_val_if_fail (IPT_IS_EPISODE (e), NULL);

  end_date = ipt_episode_get_end_date (e);
  if (end_date != NULL && *end_date == '\0')
    end_date = NULL;
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (sessions, i);
      const char *date = ipt_session_get_date (session);
      IptAppointment a = { 0, };

      if (ipt_session_get_episode_id (session) != ipt_episode_get_id (e)
          || ipt_session_get_number (session) == 0)
        continue;
      a.number = ipt_session_get_number (session);
      a.attended = ipt_session_get_attended (session);
      a.after_end = end_date != NULL && date != NULL && strcmp (date, end_date) > 0;
      g_array_append_val (appointments, a);
    }

  return ipt_course_map_new (ipt_episode_get_planned_sessions (e),
                             ipt_episode_get_assessment_end (e), ipt_episode_get_middle_end (e),
                             ipt_episode_get_status (e) != IPT_EPISODE_STATUS_ACTIVE,
                             (const IptAppointment *) (void *) appointments->data,
                             appointments->len);
}

IptCourseMap *
ipt_course_map_copy (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, NULL);

  return ipt_course_map_new (map->planned, map->assessment_end, map->middle_end, map->ended,
                             map->appointments, map->n_appointments);
}

void
ipt_course_map_free (IptCourseMap *map)
{
  if (map == NULL)
    return;
  g_free (map->appointments);
  g_free (map->places);
  g_free (map);
}

guint
ipt_course_map_get_planned (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->planned;
}

guint
ipt_course_map_get_assessment_end (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->assessment_end;
}

guint
ipt_course_map_get_middle_end (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->middle_end;
}

guint
ipt_course_map_get_attended (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->attended;
}

guint
ipt_course_map_get_maintenance (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->maintenance;
}

IptPhase
ipt_course_map_get_phase (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, IPT_PHASE_ASSESSMENT);

  if (map->latest == 0)
    return IPT_PHASE_ASSESSMENT;
  return map->places[map->latest - 1].phase;
}

guint
ipt_course_map_get_latest_number (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  if (map->latest == 0)
    return 0;
  return map->appointments[map->latest - 1].number;
}

gboolean
ipt_course_map_reached_midpoint (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, FALSE);

  /* In whole numbers: a course of 15 reaches it at its 8th attended session. */
  return map->attended > 0 && (guint64) map->attended * 2 >= map->planned;
}

static gboolean
find (const IptCourseMap *map,
      guint               number,
      guint              *index)
{
  guint lo = 0, hi = map->n_appointments;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (map->appointments[mid].number == number)
        {
          *index = mid;
          return TRUE;
        }
      if (map->appointments[mid].number < number)
        lo = mid + 1;
      else
        hi = mid;
    }
  *index = lo;
  return FALSE;
}

gboolean
ipt_course_map_lookup (const IptCourseMap  *map,
                       guint                number,
                       IptAppointmentPlace *place)
{
  IptAppointmentPlace unused;
  guint index, attended = 0;

  g_return_val_if_fail (map != NULL, FALSE);

  if (place == NULL)
    place = &unused;
  if (find (map, number, &index))
    {
      *place = map->places[index];
      return TRUE;
    }

  /* A new appointment: after the attended sessions of the contract before it. */
  for (guint i = 0; i < index; i++)
    if (map->places[i].attended > 0)
      attended = map->places[i].attended;
  next_place (map, attended, map->ended && index == map->n_appointments, place);
  return FALSE;
}

IptPhase
ipt_course_map_phase_of (const IptCourseMap *map,
                         guint               number)
{
  IptAppointmentPlace place;

  g_return_val_if_fail (map != NULL, IPT_PHASE_ASSESSMENT);

  ipt_course_map_lookup (map, number, &place);
  return place.phase;
}

IptPhase
ipt_course_map_phase_to_come (const IptCourseMap *map,
                              guint               k)
{
  guint n;

  g_return_val_if_fail (map != NULL, IPT_PHASE_ASSESSMENT);
  g_return_val_if_fail (k >= 1, IPT_PHASE_ASSESSMENT);

  n = map->attended + k;
  if (map->ended || n > map->planned)
    return IPT_PHASE_MAINTENANCE;
  return ipt_phase_for_session (map->planned, map->assessment_end, map->middle_end, n);
}

gboolean
ipt_course_map_in_contract (const IptCourseMap *map,
                            guint               number)
{
  IptAppointmentPlace place;

  g_return_val_if_fail (map != NULL, FALSE);

  return ipt_course_map_lookup (map, number, &place) && place.attended > 0;
}

guint
ipt_course_map_get_n_appointments (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->n_appointments;
}

const IptAppointment *
ipt_course_map_get_appointments (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, NULL);

  return map->appointments;
}

const IptAppointmentPlace *
ipt_course_map_get_places (const IptCourseMap *map)
{
  g_return_val_if_fail (map != NULL, NULL);

  return map->places;
}

guint
ipt_course_map_get_projected_last (const IptCourseMap *map)
{
  guint last;

  g_return_val_if_fail (map != NULL, 0);

  last = map->n_appointments > 0 ? map->appointments[map->n_appointments - 1].number : 0;
  if (map->ended || map->attended >= map->planned
      || (map->n_appointments > 0 && map->appointments[map->n_appointments - 1].after_end))
    return last;
  return last + (map->planned - map->attended);
}

gboolean
ipt_course_map_phase_span (const IptCourseMap *map,
                           IptPhase            phase,
                           gboolean            projected,
                           guint              *first_number,
                           guint              *last_number)
{
  guint first = 0, last = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (map != NULL, FALSE);

  for (guint i = 0; i < map->n_appointments; i++)
    {
      if (!map->appointments[i].attended || map->places[i].phase != phase)
        continue;
      if (!found)
        first = map->appointments[i].number;
      last = map->appointments[i].number;
      found = TRUE;
    }

  if (projected && phase != IPT_PHASE_MAINTENANCE)
    {
      guint projected_last = ipt_course_map_get_projected_last (map);
      guint next = map->n_appointments > 0
                   ? map->appointments[map->n_appointments - 1].number + 1 : 1;

      /* The k-th attended session of the contract yet to come is appointment next + k - 1. */
      for (guint n = next, k = 1; n <= projected_last; n++, k++)
        {
          if (ipt_course_map_phase_to_come (map, k) != phase)
            continue;
          if (!found)
            first = n;
          last = n;
          found = TRUE;
        }
    }

  if (found && first_number != NULL)
    *first_number = first;
  if (found && last_number != NULL)
    *last_number = last;
  return found;
}

/* The totals of the points of sessions within the contract, in session order. */
static int *
contract_totals (const IptCourseMap   *map,
                 const IptSeriesPoint *points,
                 guint                 n_points,
                 guint                *n_totals)
{
  int *totals = g_new (int, MAX (n_points, 1));
  guint n = 0;

  for (guint i = 0; points != NULL && i < n_points; i++)
    if (points[i].total >= 0 && ipt_course_map_in_contract (map, points[i].session))
      totals[n++] = points[i].total;
  *n_totals = n;
  return totals;
}

IptOutcome *
ipt_course_map_compute_outcome (const IptCourseMap   *map,
                                const IptSeriesPoint *phq9,
                                guint                 n_phq9,
                                const IptSeriesPoint *gad7,
                                guint                 n_gad7)
{
  g_autofree int *pt = NULL;
  g_autofree int *gt = NULL;
  guint n_pt, n_gt;

  g_return_val_if_fail (map != NULL, NULL);

  pt = contract_totals (map, phq9, n_phq9, &n_pt);
  gt = contract_totals (map, gad7, n_gad7, &n_gt);
  return ipt_outcome_compute (pt, n_pt, gt, n_gt);
}
