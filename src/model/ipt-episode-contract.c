/* A course's contract: its phases from the planned sessions, and the checks of its fields. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-episode.h"
#include "ipt-episode-private.h"
#include "ipt-date-format.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

/* Scales the UK default (16 sessions: 1-4 / 5-12 / 13-16) to a course of `planned` sessions,
 * rounding to the nearest session: 8 -> 2/6, 12 -> 3/9, 16 -> 4/12, 20 -> 5/15. */
void
ipt_phase_default_boundaries (guint  planned,
                              guint *assessment_end,
                              guint *middle_end)
{
  if (assessment_end != NULL)
    *assessment_end = (planned + 2) / 4;
  if (middle_end != NULL)
    *middle_end = (3 * planned + 2) / 4;
}

IptPhase
ipt_phase_for_session (guint planned,
                       guint assessment_end,
                       guint middle_end,
                       guint number)
{
  if (number <= assessment_end)
    return IPT_PHASE_ASSESSMENT;
  if (number <= middle_end)
    return IPT_PHASE_MIDDLE;
  if (number <= planned)
    return IPT_PHASE_END;
  return IPT_PHASE_MAINTENANCE;
}

IptPhase
ipt_episode_phase_for_session (IptEpisode *self,
                               guint       number)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), IPT_PHASE_ASSESSMENT);

  return ipt_phase_for_session (self->planned_sessions, self->assessment_end,
                                self->middle_end, number);
}

static gboolean
optional_date_is_valid (const char *date)
{
  return date == NULL || *date == '\0' || ipt_date_is_valid (date);
}

static gboolean
check_date (const char  *date,
            const char  *field,
            GError     **error)
{
  g_autofree char *format = NULL;

  if (optional_date_is_valid (date))
    return TRUE;
  format = ipt_date_format_pattern ();
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: "Date of death or change “30.02.2026” is not a valid date
                * (DD.MM.YYYY)": the last %s is the format of a date to type */
               _("%s “%s” is not a valid date (%s)"), field, date, format);
  return FALSE;
}

gboolean
ipt_episode_validate (IptEpisode  *self,
                      GError     **error)
{
  g_return_val_if_fail (IPT_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->planned_sessions < IPT_PLANNED_SESSIONS_MIN
      || self->planned_sessions > IPT_PLANNED_SESSIONS_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Planned sessions must be between %d and %d"),
                   IPT_PLANNED_SESSIONS_MIN, IPT_PLANNED_SESSIONS_MAX);
      return FALSE;
    }
  if (self->assessment_end < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("End of the assessment phase must be session 1 or later"));
      return FALSE;
    }
  if (self->middle_end <= self->assessment_end)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("End of the middle phase must come after the end of the assessment phase "
                     "(session %u)"), self->assessment_end);
      return FALSE;
    }
  if (self->middle_end >= self->planned_sessions)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("End of the middle phase must come before the last planned session "
                     "(session %u)"), self->planned_sessions);
      return FALSE;
    }
  if (self->ordinal < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Course number must be 1 or more"));
      return FALSE;
    }
  if (self->start_date == NULL || !ipt_date_is_valid (self->start_date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("Start date “%s” is not a valid date (%s)"),
                   self->start_date != NULL ? self->start_date : "", format);
      return FALSE;
    }
  if (!check_date (self->focus_date, _("Date of death or change"), error)
      || !check_date (self->agreed_on, _("Date the formulation was agreed"), error)
      || !check_date (self->end_date, _("End date"), error))
    return FALSE;
  if (self->end_date != NULL && *self->end_date != '\0'
      && strcmp (self->end_date, self->start_date) < 0)
    {
      g_autofree char *shown = ipt_date_format_display (self->end_date);
      g_autofree char *start_shown = ipt_date_format_display (self->start_date);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("End date %s is before the start date %s"), shown, start_shown);
      return FALSE;
    }
  if ((guint) self->focus > IPT_FOCUS_INTERPERSONAL_SENSITIVITY
      || (guint) self->secondary_focus > IPT_FOCUS_INTERPERSONAL_SENSITIVITY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Focus is not one of the four problem areas"));
      return FALSE;
    }
  if (self->secondary_focus != IPT_FOCUS_NONE && self->secondary_focus == self->focus)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Secondary focus must differ from the focus"));
      return FALSE;
    }
  if ((guint) self->dispute_stage > IPT_DISPUTE_STAGE_DISSOLUTION)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Dispute stage is not one of renegotiation, impasse, dissolution"));
      return FALSE;
    }
  return TRUE;
}
