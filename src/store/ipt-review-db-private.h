/* Shared by the review database files of store/ only. */
#pragma once

#include <sqlite3.h>

#include "ipt-review-db.h"

G_BEGIN_DECLS

struct _IptReviewDb
{
  GObject parent_instance;

  sqlite3 *db;
  char *casebook_uid;
  char *created_at;
};

typedef sqlite3_stmt Stmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stmt, sqlite3_finalize)

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Sets an IPT_STORE_ERROR from the connection (or the result code); returns FALSE. */
gboolean _ipt_review_db_fail (sqlite3 *db, int rc, GError **error);
Stmt    *_ipt_review_db_prepare (IptReviewDb *self, const char *sql, GError **error);
gboolean _ipt_review_db_step_done (IptReviewDb *self, Stmt *stmt, GError **error);
gboolean _ipt_review_db_exec (IptReviewDb *self, const char *sql, GError **error);
/* NULL binds NULL; a value equal to `none` (IPT_REVIEW_WEEK_NONE, ...) binds NULL. */
void     _ipt_review_db_bind_text (Stmt *stmt, int index, const char *text);
void     _ipt_review_db_bind_int_or_null (Stmt *stmt, int index, int value, int none);
/* The column's integer, `none` when NULL. */
int      _ipt_review_db_column_int_or (Stmt *stmt, int col, int none);
gboolean _ipt_review_db_open_memory (IptReviewDb *self, GError **error);
/* The current UTC time, ISO 8601. */
char    *_ipt_review_db_now_utc (void);

G_END_DECLS
