/* The case report's risk reviews (clinical.md section 6): each review recorded in the course,
 * and for each risk flag (a PHQ-9 item 9 above 0 at a session) whether a review covers it. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-case-report-private.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipt-date-format.h"

/* The session's PHQ-9 risk item, IPT_ITEM_MISSING when not known or not taken. */
static int
session_risk_item (const IptCaseReport *report,
                   IptSession          *session)
{
  for (guint i = 0; i < report->scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (report->scores, i);

      if (ipt_score_get_session_id (score) == ipt_session_get_id (session)
          && g_strcmp0 (ipt_score_get_measure_id (score), "phq9") == 0)
        return ipt_score_get_risk_item (score);
    }
  return IPT_ITEM_MISSING;
}

/* The first review (they are listed by date) that covers a session: dated on or after it. */
static IptRiskReview *
covering_review (const IptCaseReport *report,
                 IptSession          *session)
{
  const char *date = ipt_session_get_date (session);

  for (guint i = 0; date != NULL && i < report->risk_reviews->len; i++)
    {
      IptRiskReview *review = g_ptr_array_index (report->risk_reviews, i);
      const char *reviewed = ipt_risk_review_get_date (review);

      if (reviewed != NULL && strcmp (reviewed, date) >= 0)
        return review;
    }
  return NULL;
}

static void
write_flags (IptReportWriter     *w,
             const IptCaseReport *report)
{
  static const double widths[] = { 0.10, 0.18, 0.12, 0.60 };
  const char *header[] = { _("No."), _("Date"), _("Item 9"),
                           /* TRANSLATORS: column of the case report's risk flags */
                           _("Covered by a review") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint through = ipt_risk_reviewed_through (report->sessions, report->risk_reviews);

  _ipt_report_heading (w, 2, _("Risk flags"));
  for (guint i = 0; i < report->sessions->len; i++)
    {
      IptSession *session = g_ptr_array_index (report->sessions, i);
      int item9 = session_risk_item (report, session);
      IptRiskReview *review;
      g_autofree char *reviewed_shown = NULL;
      char **row;

      if (item9 == IPT_ITEM_MISSING || item9 <= 0)
        continue;
      review = ipt_session_get_number (session) <= through
               ? covering_review (report, session) : NULL;
      if (review != NULL)
        reviewed_shown = ipt_date_format_display (ipt_risk_review_get_date (review));
      row = g_new0 (char *, 5);
      row[0] = g_strdup_printf ("%u", ipt_session_get_number (session));
      row[1] = ipt_date_format_display (ipt_session_get_date (session));
      row[2] = g_strdup_printf ("%d", item9);
      row[3] = review != NULL
               /* TRANSLATORS: a risk flag covered by a review; %s is the review's date */
               ? g_strdup_printf (_("Yes: the review of %s"), reviewed_shown)
               : g_strdup (_("No: no risk review recorded on or after this session"));
      g_ptr_array_add (rows, row);
    }
  if (rows->len == 0)
    _ipt_report_paragraph (w, NULL, _("No PHQ-9 in this course has item 9 above 0."));
  else
    _ipt_report_table (w, header, widths, G_N_ELEMENTS (widths), rows);
}

void
_ipt_report_write_risk (IptReportWriter     *w,
                        const IptCaseReport *report)
{
  _ipt_report_heading (w, 1, _("Risk reviews"));
  _ipt_report_paragraph (w, w->small,
                         _("A PHQ-9 item 9 above 0 raises a risk flag, and it stays until a risk "
                           "review is recorded; a later item 9 of 0 does not clear it. A review "
                           "covers every session dated on or before its own date."));

  if (report->risk_reviews->len == 0)
    _ipt_report_paragraph (w, NULL, _("No risk review recorded in this course."));
  for (guint i = 0; i < report->risk_reviews->len; i++)
    {
      IptRiskReview *review = g_ptr_array_index (report->risk_reviews, i);
      /* TRANSLATORS: heading of one risk review in the case report; %s is its date */
      g_autofree char *shown = ipt_date_format_display (ipt_risk_review_get_date (review));
      g_autofree char *heading = g_strdup_printf (_("Review of %s"), shown);

      _ipt_report_heading (w, 3, heading);
      _ipt_report_field (w, _("Asked"), ipt_risk_review_get_asked (review));
      _ipt_report_field (w, _("Done"), ipt_risk_review_get_done (review));
      _ipt_report_field (w, _("Plan"), ipt_risk_review_get_plan (review));
    }

  write_flags (w, report);
}
