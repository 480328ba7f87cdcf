/* A supervision comment on a course (or one of its sessions). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_TYPE_COMMENT (ipt_comment_get_type ())
G_DECLARE_FINAL_TYPE (IptComment, ipt_comment, IPT, COMMENT, GObject)

IptComment *ipt_comment_new (gint64 episode_id, const char *author, const char *text);

gint64      ipt_comment_get_id (IptComment *self);
void        ipt_comment_set_id (IptComment *self, gint64 id);
gint64      ipt_comment_get_episode_id (IptComment *self);
void        ipt_comment_set_episode_id (IptComment *self, gint64 episode_id);
guint       ipt_comment_get_session_number (IptComment *self);  /* 0: the whole course */
void        ipt_comment_set_session_number (IptComment *self, guint number);
const char *ipt_comment_get_author (IptComment *self);
void        ipt_comment_set_author (IptComment *self, const char *author);
const char *ipt_comment_get_created_at (IptComment *self);
void        ipt_comment_set_created_at (IptComment *self, const char *created_at);
const char *ipt_comment_get_text (IptComment *self);
void        ipt_comment_set_text (IptComment *self, const char *text);

/* The review file entry a merged comment came from (so that merging twice adds it once), NULL
 * for a comment written in the casebook. */
const char *ipt_comment_get_uid (IptComment *self);
void        ipt_comment_set_uid (IptComment *self, const char *uid);

gboolean    ipt_comment_validate (IptComment *self, GError **error);

G_END_DECLS
