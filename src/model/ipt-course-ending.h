/* The end of a course: date, reason, the relapse-prevention plan, maintenance offered. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IPT_END_REASON_COMPLETED,
  IPT_END_REASON_DROPPED_OUT,
  IPT_END_REASON_REFERRED_ON,
} IptEndReason;

/* The parts of the relapse-prevention plan (clinical.md section 1, end phase). */
typedef enum
{
  IPT_ENDING_WARNING_SIGNS,
  IPT_ENDING_WHAT_HELPED,
  IPT_ENDING_PEOPLE_TO_TURN_TO,
  IPT_ENDING_IF_SIGNS_RETURN,
  IPT_ENDING_N_TEXTS,
} IptEndingText;

#define IPT_TYPE_END_REASON (ipt_end_reason_get_type ())
GType       ipt_end_reason_get_type (void);
/* "completed", "dropped-out", "referred-on" as stored. */
const char *ipt_end_reason_to_id (IptEndReason reason);
gboolean    ipt_end_reason_from_id (const char *id, IptEndReason *out);
const char *ipt_end_reason_to_label (IptEndReason reason);
/* "Warning signs", "What helped", ... translated; property names "warning-signs", ... */
const char *ipt_ending_text_to_label (IptEndingText field);
const char *ipt_ending_text_to_name (IptEndingText field);

#define IPT_TYPE_COURSE_ENDING (ipt_course_ending_get_type ())
G_DECLARE_FINAL_TYPE (IptCourseEnding, ipt_course_ending, IPT, COURSE_ENDING, GObject)

IptCourseEnding *ipt_course_ending_new (gint64 episode_id, const char *end_date, IptEndReason reason);

gint64        ipt_course_ending_get_episode_id (IptCourseEnding *self);
void          ipt_course_ending_set_episode_id (IptCourseEnding *self, gint64 episode_id);
const char   *ipt_course_ending_get_end_date (IptCourseEnding *self);
void          ipt_course_ending_set_end_date (IptCourseEnding *self, const char *end_date);
IptEndReason  ipt_course_ending_get_reason (IptCourseEnding *self);
void          ipt_course_ending_set_reason (IptCourseEnding *self, IptEndReason reason);
const char   *ipt_course_ending_get_text (IptCourseEnding *self, IptEndingText field);
void          ipt_course_ending_set_text (IptCourseEnding *self, IptEndingText field, const char *text);
gboolean      ipt_course_ending_get_maintenance_offered (IptCourseEnding *self);
void          ipt_course_ending_set_maintenance_offered (IptCourseEnding *self, gboolean offered);

/* Checks the ending against its course: a real end date, not before the course started
 * (start_date) nor after today (YYYY-MM-DD; NULL: the local date), texts that are UTF-8.
 * Sets a translated G_IO_ERROR_INVALID_DATA naming the field. */
gboolean      ipt_course_ending_validate (IptCourseEnding *self, const char *start_date,
                                          const char *today, GError **error);

G_END_DECLS
