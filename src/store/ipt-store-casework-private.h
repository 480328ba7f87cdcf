/* Shared inside store/ only: writing an ending record for a course that is already ended (the
 * demo caseload writes its courses as they finished). */
#pragma once

#include "ipt-store-casework.h"

G_BEGIN_DECLS

/* The ending of a course whose status and end date are set already: only the record is written
 * (the database checks that the status fits the reason). */
gboolean _ipt_store_write_course_ending (IptStore        *self,
                                         IptCourseEnding *ending,
                                         GError         **error);

G_END_DECLS
