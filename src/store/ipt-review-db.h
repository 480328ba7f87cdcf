/* The review database: the SQLite database inside a review file (DESIGN.md, "Review files"),
 * kept in memory only. It holds de-identified cases (IptReviewCase) and what the supervisor adds:
 * comments, session reviews, supervision log entries. */
#pragma once

#include <gio/gio.h>

#include "ipt-model.h"

G_BEGIN_DECLS

/* PRAGMA application_id of a review database: "IPTR". */
#define IPT_REVIEW_DB_APPLICATION_ID 0x49505452
/* The layout this build writes and reads (PRAGMA user_version). */
#define IPT_REVIEW_DB_VERSION 1

#define IPT_TYPE_REVIEW_DB (ipt_review_db_get_type ())
G_DECLARE_FINAL_TYPE (IptReviewDb, ipt_review_db, IPT, REVIEW_DB, GObject)

/* A new, empty review database in memory for the casebook with this identity. */
IptReviewDb *ipt_review_db_new (const char *casebook_uid, GError **error);
/* Opens a database image (sqlite3_deserialize) in memory: refused with one clear line
 * (IPT_STORE_ERROR_NOT_A_CASEBOOK: not a review database; IPT_STORE_ERROR_TOO_NEW: a newer
 * layout; IPT_STORE_ERROR_DAMAGED: fails its check). The image is copied. */
IptReviewDb *ipt_review_db_new_from_image (GBytes *image, GError **error);
/* The whole database as an image (sqlite3_serialize), never written to disk by this call. */
GBytes      *ipt_review_db_serialize (IptReviewDb *self, GError **error);

const char  *ipt_review_db_get_casebook_uid (IptReviewDb *self);
const char  *ipt_review_db_get_created_at (IptReviewDb *self);

/* Cases, in the order they were added; elements IptReviewCase. */
gboolean     ipt_review_db_add_case (IptReviewDb *self, const IptReviewCase *review_case,
                                     GError **error);
GPtrArray   *ipt_review_db_list_cases (IptReviewDb *self, GError **error);

/* What the supervisor adds. Each record names its case by episode id (IptReviewCase's
 * episode_id); a uid and created_at are given when missing. Refused
 * (IPT_STORE_ERROR_INVALID / _NOT_FOUND) when the model refuses it or the case is not here. */
gboolean     ipt_review_db_add_comment (IptReviewDb *self, IptComment *comment, GError **error);
gboolean     ipt_review_db_add_session_review (IptReviewDb *self, IptSessionReview *review,
                                               GError **error);
gboolean     ipt_review_db_add_supervision_entry (IptReviewDb *self, IptSupervisionEntry *entry,
                                                  GError **error);
/* Every one of them, by case then as written; episode_id 0: all cases. */
GPtrArray   *ipt_review_db_list_comments (IptReviewDb *self, gint64 episode_id, GError **error);
GPtrArray   *ipt_review_db_list_session_reviews (IptReviewDb *self, gint64 episode_id,
                                                 GError **error);
GPtrArray   *ipt_review_db_list_supervision_log (IptReviewDb *self, gint64 episode_id,
                                                 GError **error);

G_END_DECLS
