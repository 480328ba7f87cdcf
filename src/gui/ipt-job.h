/* Long work under way (a demo made, a backup, a pack written): what it is, how far it is, and
 * when it is over. Windows show it in their busy indicator; the application is held while it
 * runs, so closing the last window does not end the program under it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPT_TYPE_JOB (ipt_job_get_type ())
G_DECLARE_FINAL_TYPE (IptJob, ipt_job, IPT, JOB, GObject)

/* app (may be NULL) is held until ipt_job_finish (). */
IptJob     *ipt_job_new           (GApplication *app,
                                   const char   *label);
const char *ipt_job_get_label     (IptJob *self);
/* From 0 to 1; below 0 while the size of the work is not known (the default). */
double      ipt_job_get_fraction  (IptJob *self);
void        ipt_job_set_fraction  (IptJob *self,
                                   double  fraction);
/* An IptProgressFunc whose user_data is the job (see ipt-progress.h). */
void        ipt_job_progress_func (double   fraction,
                                   gpointer job);
/* The work is over: emits "finished" once (every window showing the job drops it) and releases
 * the application. */
void        ipt_job_finish        (IptJob *self);
gboolean    ipt_job_get_finished  (IptJob *self);

G_END_DECLS
