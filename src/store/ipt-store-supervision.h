/* Supervision in the casebook (clinical.md section 7): the casebook's identity for review files,
 * session reviews, the supervision log, and bringing a supervisor's work home. */
#pragma once

#include "ipt-store.h"

G_BEGIN_DECLS

/* The casebook's random identity (32 hex digits), written into the review files made from it. */
char      *ipt_store_get_casebook_uid (IptStore *self, GError **error);

/* Save inserts (id 0) or updates; created_at is set when missing. */
gboolean   ipt_store_save_session_review (IptStore *self, IptSessionReview *review, GError **error);
/* By session number, then as written; elements IptSessionReview. */
GPtrArray *ipt_store_list_session_reviews (IptStore *self, gint64 episode_id, GError **error);
gboolean   ipt_store_save_supervision_entry (IptStore *self, IptSupervisionEntry *entry,
                                             GError **error);
/* By date, then as written; elements IptSupervisionEntry. */
GPtrArray *ipt_store_list_supervision_log (IptStore *self, gint64 episode_id, GError **error);

typedef struct
{
  guint n_comments;     /* added */
  guint n_reviews;
  guint n_entries;
  guint n_unchanged;    /* already in the casebook from an earlier merge */
} IptSupervisionMerge;

/* Brings a supervisor's comments (IptComment), session reviews (IptSessionReview) and log
 * entries (IptSupervisionEntry) into the casebook in one transaction: each carries a uid and an
 * episode id of this casebook; one whose uid is already here is left out (merging the same file
 * twice adds nothing); new ones are marked unread. Any invalid record or unknown course: nothing
 * is written. Any array may be NULL. */
gboolean   ipt_store_merge_supervision (IptStore            *self,
                                        GPtrArray           *comments,
                                        GPtrArray           *reviews,
                                        GPtrArray           *entries,
                                        IptSupervisionMerge *summary,
                                        GError             **error);

/* The comments, session reviews and log entries of the course that came from review files
 * (each with its uid): supervisors wrote them on de-identified cases, so they may go out again
 * in the next review file. Elements IptComment, IptSessionReview, IptSupervisionEntry. */
gboolean   ipt_store_list_merged_supervision (IptStore   *self,
                                              gint64      episode_id,
                                              GPtrArray **comments,
                                              GPtrArray **reviews,
                                              GPtrArray **entries,
                                              GError    **error);

/* Merged comments, reviews and log entries of the course not yet seen by the practitioner. */
guint      ipt_store_count_unread_supervision (IptStore *self, gint64 episode_id, GError **error);
gboolean   ipt_store_mark_supervision_read (IptStore *self, gint64 episode_id, GError **error);

G_END_DECLS
