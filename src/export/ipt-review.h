/* An open review file, as review mode uses it: its de-identified cases to read, the supervisor's
 * comments, session reviews and log entries to add, and Save, which writes the file again with
 * the same passphrase (a new envelope, atomically). Clinical records cannot be changed: there is
 * no call for it, and the review database refuses it. */
#pragma once

#include <gio/gio.h>

#include "ipt-review-db.h"

G_BEGIN_DECLS

#define IPT_TYPE_REVIEW (ipt_review_get_type ())
G_DECLARE_FINAL_TYPE (IptReview, ipt_review, IPT, REVIEW, GObject)

/* Errors are those of ipt_review_file_open (), one line naming the file. The passphrase is kept
 * in locked memory, wiped when the review is finalized. */
IptReview     *ipt_review_open (const char *path, const char *passphrase, GError **error);

const char    *ipt_review_get_path (IptReview *self);
/* The cases (IptReviewCase) in the order of the file, read once on opening. */
GPtrArray     *ipt_review_get_cases (IptReview *self);
IptReviewCase *ipt_review_find_case (IptReview *self, const char *code);
/* TRUE from the first addition until the next successful save (property "modified"). */
gboolean       ipt_review_get_modified (IptReview *self);

/* A session review of session `number` of the case, for the tasks of that session's phase
 * (the phase the practitioner's record gives it); NULL when the case has no such session. */
IptSessionReview *ipt_review_new_session_review (IptReview           *self,
                                                 const IptReviewCase *review_case,
                                                 guint                number);

/* The additions below emit "changed" (gint64 episode_id) once written. */
gboolean       ipt_review_add_comment (IptReview *self, IptComment *comment, GError **error);
gboolean       ipt_review_add_session_review (IptReview *self, IptSessionReview *review,
                                              GError **error);
gboolean       ipt_review_add_supervision_entry (IptReview *self, IptSupervisionEntry *entry,
                                                 GError **error);
/* episode_id 0: every case. */
GPtrArray     *ipt_review_list_comments (IptReview *self, gint64 episode_id, GError **error);
GPtrArray     *ipt_review_list_session_reviews (IptReview *self, gint64 episode_id,
                                                GError **error);
GPtrArray     *ipt_review_list_supervision_log (IptReview *self, gint64 episode_id,
                                                GError **error);

/* Writes the file again (ipt_review_file_save ()); a failure leaves the file as it was and the
 * review still modified. */
gboolean       ipt_review_save (IptReview *self, GError **error);

/* The same in a GTask thread (opening derives a key and decrypts: about a second). */
void           ipt_review_open_async (const char          *path,
                                      const char          *passphrase,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
IptReview     *ipt_review_open_finish (GAsyncResult  *result,
                                       GError       **error);
/* The database is copied at once; sealing and writing run in a GTask thread. What is added
 * meanwhile keeps the review modified. */
void           ipt_review_save_async (IptReview           *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean       ipt_review_save_finish (IptReview     *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* "This checklist is the app's own, built from the tasks of each phase; it is not the IPT
 * Institute's Quality and Adherence Scale." Translated, for the rating form. */
const char    *ipt_review_checklist_notice (void);

G_END_DECLS
