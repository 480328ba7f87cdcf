/* Formatting of the scores CSV and the outcomes CSV; the rows come from the store. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipt-csv-export.h"
#include "ipt-csv.h"
#include "ipt-import.h"
#include "ipt-output-file.h"
#include "ipt-store-export.h"

#define CSV_EOL "\r\n"

gboolean
ipt_csv_export_scores (IptStore  *store,
                       GString   *out,
                       GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint i, j;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  rows = ipt_store_export_scores (store, error);
  if (rows == NULL)
    return FALSE;

  g_string_append (out, IPT_SCORES_CSV_HEADER CSV_EOL);
  for (i = 0; i < rows->len; i++)
    {
      const IptScoreRow *row = g_ptr_array_index (rows, i);

      ipt_csv_append_field (out, row->client_code);
      g_string_append_printf (out, ",%u,%u,", row->course, row->session);
      ipt_csv_append_field (out, row->date);
      g_string_append_c (out, ',');
      ipt_csv_append_field (out, row->measure->id);
      g_string_append_c (out, ',');
      if (row->total != IPT_TOTAL_NONE)
        g_string_append_printf (out, "%d", row->total);
      g_string_append_c (out, ',');
      for (j = 0; j < row->n_items; j++)
        {
          if (j > 0)
            g_string_append_c (out, ';');
          if (row->items[j] != IPT_ITEM_MISSING)
            g_string_append_printf (out, "%d", row->items[j]);
        }
      g_string_append (out, CSV_EOL);
    }
  return TRUE;
}

static void
append_total (GString *out,
              int      total)
{
  g_string_append_c (out, ',');
  if (total != IPT_TOTAL_NONE)
    g_string_append_printf (out, "%d", total);
}

static void
append_flag (GString          *out,
             const IptOutcome *outcome,
             gboolean          value)
{
  g_string_append_c (out, ',');
  if (outcome->category != IPT_OUTCOME_INSUFFICIENT_DATA)
    g_string_append_c (out, value ? '1' : '0');
}

void
ipt_csv_append_outcome_line (GString          *out,
                             const char       *client_code,
                             guint             ordinal,
                             guint             sessions_attended,
                             const IptOutcome *outcome,
                             IptEpisodeStatus  status)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (client_code != NULL);
  g_return_if_fail (outcome != NULL);

  ipt_csv_append_field (out, client_code);
  g_string_append_printf (out, ",%u,%u", ordinal, sessions_attended);
  append_total (out, outcome->phq9_first);
  append_total (out, outcome->phq9_last);
  append_total (out, outcome->gad7_first);
  append_total (out, outcome->gad7_last);
  append_flag (out, outcome, outcome->caseness);
  append_flag (out, outcome, outcome->recovery);
  append_flag (out, outcome, outcome->reliable_improvement);
  append_flag (out, outcome, outcome->reliable_deterioration);
  append_flag (out, outcome, outcome->reliable_recovery);
  g_string_append_c (out, ',');
  g_string_append (out, ipt_outcome_category_to_id (outcome->category));
  g_string_append_c (out, ',');
  g_string_append (out, ipt_episode_status_to_id (status));
  g_string_append (out, CSV_EOL);
}

gboolean
ipt_csv_export_outcomes (IptStore  *store,
                         GString   *out,
                         GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint i;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  rows = ipt_store_export_episode_totals (store, error);
  if (rows == NULL)
    return FALSE;

  g_string_append (out, IPT_OUTCOMES_CSV_HEADER CSV_EOL);
  for (i = 0; i < rows->len; i++)
    {
      const IptEpisodeTotals *totals = g_ptr_array_index (rows, i);
      g_autoptr(IptOutcome) outcome = NULL;
      g_autoptr(IptCourseMap) course = NULL;

      course = ipt_course_map_new (totals->planned_sessions, totals->assessment_end,
                                   totals->middle_end,
                                   totals->status != IPT_EPISODE_STATUS_ACTIVE,
                                   (const IptAppointment *) (void *) totals->appointments->data,
                                   totals->appointments->len);
      outcome = ipt_course_map_compute_outcome (course,
                                                (const IptSeriesPoint *) (void *)
                                                totals->phq9->data, totals->phq9->len,
                                                (const IptSeriesPoint *) (void *)
                                                totals->gad7->data, totals->gad7->len);
      ipt_csv_append_outcome_line (out, totals->client_code, totals->ordinal,
                                   ipt_course_map_get_attended (course), outcome, totals->status);
    }
  return TRUE;
}

gboolean
ipt_export_write_output (const char  *path,
                         const char  *data,
                         gsize        len,
                         GError     **error)
{
  IptOutputFile *output;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (strcmp (path, "-") == 0)
    {
      if ((len > 0 && fwrite (data, 1, len, stdout) != len) || fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not write to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  output = ipt_output_file_open (path, error);
  if (output == NULL)
    return FALSE;
  if (!ipt_output_file_write (output, data, len, error))
    {
      ipt_output_file_abort (output);
      return FALSE;
    }
  return ipt_output_file_commit (output, error);
}
