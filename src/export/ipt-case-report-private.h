/* Shared by the case report's files: what it shows, and the page writer that lays it out. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ipt-case-report.h"
#include "ipt-chart-data.h"
#include "ipt-store-casework.h"

G_BEGIN_DECLS

/* A goal with its ratings (IptGoalRating, by session). */
typedef struct
{
  IptGoal *goal;
  GArray  *ratings;
} IptReportGoal;

struct _IptCaseReport
{
  IptClient         *client;
  IptEpisode        *episode;
  GPtrArray         *sessions;         /* IptSession, by number */
  GPtrArray         *scores;           /* IptScore of the course */
  GPtrArray         *people;           /* IptPerson */
  GPtrArray         *events;           /* IptLifeEvent, by date */
  GPtrArray         *goals;            /* IptReportGoal */
  GPtrArray         *attendees;        /* IptAttendee of the course */
  GPtrArray         *work;             /* IptSessionWork, one per session that has any */
  IptFocusFields    *focus[2];         /* primary, secondary */
  GArray            *stages[2];        /* IptDisputeStageChange of each */
  IptInventoryNotes *notes;
  IptCourseEnding   *ending;           /* NULL: none */
  IptMaintenance    *maintenance;      /* NULL: none */
  GPtrArray         *risk_reviews;     /* IptRiskReview, by date */
  IptChartData      *chart;
  IptOutcome        *outcome;
};

/* The page writer: A4 portrait in points, text flowing from page to page. A measuring pass
 * (cr NULL) counts the pages, so that each page can say "Page 2 of 5". */
#define IPT_REPORT_PAGE_WIDTH 595.28
#define IPT_REPORT_PAGE_HEIGHT 841.89
#define IPT_REPORT_MARGIN 50.0

typedef struct
{
  cairo_t              *cr;            /* NULL while measuring */
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *h1;
  PangoFontDescription *h2;
  const char           *header;        /* at the top of every page */
  double                y;
  guint                 page;          /* 1-based */
  guint                 n_pages;       /* known on the drawing pass */
} IptReportWriter;

void     _ipt_report_writer_init (IptReportWriter *w,
                                  cairo_t         *cr,
                                  PangoContext    *context,
                                  const char      *header,
                                  guint            n_pages);
void     _ipt_report_writer_clear (IptReportWriter *w);
/* Ends the current page (with its number) and starts the next. */
void     _ipt_report_new_page (IptReportWriter *w);
void     _ipt_report_finish (IptReportWriter *w);
double   _ipt_report_content_width (void);
/* Makes room for height points, starting a new page when the current one is full. */
void     _ipt_report_need (IptReportWriter *w,
                           double           height);
void     _ipt_report_heading (IptReportWriter *w,
                              int              level,
                              const char      *text);
/* Wrapped text of any length, line by line across pages; font NULL: the body. */
void     _ipt_report_paragraph (IptReportWriter            *w,
                                const PangoFontDescription *font,
                                const char                 *text);
/* A label in a column on the left, its text wrapped beside it; nothing when text is empty. */
void     _ipt_report_field (IptReportWriter *w,
                            const char      *label,
                            const char      *text);
/* A table: a header row and rows of n_columns cells, columns as fractions of the width. */
void     _ipt_report_table (IptReportWriter    *w,
                            const char * const *header,
                            const double       *widths,
                            guint               n_columns,
                            GPtrArray          *rows);   /* of char ** (n_columns strings) */
/* A picture of width x height points drawn by a function at the current place. */
typedef void (*IptReportDrawFunc) (cairo_t *cr, double width, double height, gpointer data);
void     _ipt_report_picture (IptReportWriter  *w,
                              double            width,
                              double            height,
                              IptReportDrawFunc draw,
                              gpointer          data);
void     _ipt_report_space (IptReportWriter *w,
                            double           points);

/* The sections, in the order of the report (ipt-case-report-sections.c). */
void     _ipt_report_write_contract (IptReportWriter     *w,
                                     const IptCaseReport *report);
void     _ipt_report_write_formulation (IptReportWriter     *w,
                                        const IptCaseReport *report);
void     _ipt_report_write_inventory (IptReportWriter     *w,
                                      const IptCaseReport *report);
void     _ipt_report_write_timeline (IptReportWriter     *w,
                                     const IptCaseReport *report);
void     _ipt_report_write_scores (IptReportWriter     *w,
                                   const IptCaseReport *report);
/* ipt-case-report-risk.c */
void     _ipt_report_write_risk (IptReportWriter     *w,
                                 const IptCaseReport *report);
void     _ipt_report_write_outcome (IptReportWriter     *w,
                                    const IptCaseReport *report);
void     _ipt_report_write_goals (IptReportWriter     *w,
                                  const IptCaseReport *report);
void     _ipt_report_write_session_work (IptReportWriter     *w,
                                         const IptCaseReport *report);
void     _ipt_report_write_ending (IptReportWriter     *w,
                                   const IptCaseReport *report);

G_END_DECLS
