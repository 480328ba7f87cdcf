/* The casebook on disk: one SQLite file, opened, checked, migrated, queried and backed up here. */
#pragma once

#include <gio/gio.h>

#include "ipt-model.h"
#include "ipt-store-changes.h"
#include "ipt-progress.h"

G_BEGIN_DECLS

#define IPT_STORE_ERROR (ipt_store_error_quark ())
GQuark ipt_store_error_quark (void);

typedef enum
{
  IPT_STORE_ERROR_FAILED,         /* SQLite or I/O failure */
  IPT_STORE_ERROR_NOT_A_CASEBOOK, /* random bytes, another program's database */
  IPT_STORE_ERROR_DAMAGED,        /* truncated or corrupt casebook */
  IPT_STORE_ERROR_TOO_NEW,        /* written by a newer version */
  IPT_STORE_ERROR_INVALID,        /* the record breaks a rule of the model */
  IPT_STORE_ERROR_CONFLICT,       /* would change an existing record (unique code, ...) */
  IPT_STORE_ERROR_NOT_FOUND,
  IPT_STORE_ERROR_READ_ONLY,
  IPT_STORE_ERROR_EXISTS,         /* refusing to write over an existing file */
} IptStoreError;

/* The value of PRAGMA application_id in every casebook: "IPTC". */
#define IPT_STORE_APPLICATION_ID 0x49505443
/* The schema version this build writes (PRAGMA user_version). Version 1 files are migrated. */
#define IPT_STORE_SCHEMA_VERSION 8
#define IPT_STORE_BACKUPS_KEPT_DEFAULT 14

typedef enum
{
  IPT_STORE_OPEN_DEFAULT   = 0,
  IPT_STORE_OPEN_READ_ONLY = 1 << 0, /* never writes, never migrates, never backs up */
  IPT_STORE_OPEN_NO_BACKUP = 1 << 1, /* skip the daily backup on opening */
  IPT_STORE_OPEN_MUST_NOT_EXIST = 1 << 2, /* refuse (IPT_STORE_ERROR_EXISTS) an existing file */
} IptStoreOpenFlags;

#define IPT_TYPE_STORE (ipt_store_get_type ())
G_DECLARE_FINAL_TYPE (IptStore, ipt_store, IPT, STORE, GObject)

/* Signal "changed" (IptStore *store, IptStoreChanges *changes): emitted after every committed
 * transaction that wrote something, whoever wrote it (a form, the import, Undo, a merge), with
 * the ids of the clients, courses, sessions and records it changed. A rolled-back transaction
 * announces nothing. Views listen to it instead of being told to refresh. */

/* $XDG_DATA_HOME/ipt-casebook/casebook.sqlite, demo.sqlite and backups/ */
char       *ipt_store_default_path (void);
char       *ipt_store_demo_path (void);
char       *ipt_store_backup_dir (void);

/* Opens or creates a casebook (path NULL: the default one). A missing or empty file becomes a
 * new casebook (directory 0700, file 0600); ours with an older schema is first copied to
 * `<path>.before-v<N>.bak` (N the version it is upgraded to), then migrated; anything else is
 * refused with one clear translated line in the error and the file left byte for byte as it was.
 * READ_ONLY refuses an older schema (IPT_STORE_ERROR_READ_ONLY): it cannot be upgraded.
 * Opening the default casebook for writing (not NO_BACKUP, not a new one) makes the daily
 * backup; other files are backed up only when asked (ipt_store_backup_daily). */
IptStore   *ipt_store_open (const char *path, IptStoreOpenFlags flags, GError **error);
const char *ipt_store_get_path (IptStore *self);
gboolean    ipt_store_get_read_only (IptStore *self);
/* Closes the connection now (also done on finalize). */
void        ipt_store_close (IptStore *self);
/* Why the automatic backup made on opening failed (the casebook still opened), or NULL. */
const GError *ipt_store_get_backup_error (IptStore *self);

/* Backups: a copy through the SQLite backup API into backup_dir (default: ipt_store_backup_dir)
 * named after the database file, casebook-YYYY-MM-DD.sqlite for casebook.sqlite (local date), at
 * most one a day, newest `keep` kept (0: IPT_STORE_BACKUPS_KEPT_DEFAULT); other files in the
 * folder are left alone. Folder 0700, files 0600, written to a temporary file then renamed. */
gboolean    ipt_store_backup_daily (IptStore *self, const char *backup_dir, guint keep, GError **error);
gboolean    ipt_store_backup_to (IptStore *self, const char *dest_path, GError **error);
/* Today's backup made again now, with what is saved at this moment (the same name and rotation
 * as the daily one); *out_path (may be NULL) gets the file's path. */
gboolean    ipt_store_backup_now (IptStore *self, const char *backup_dir, guint keep, char **out_path,
                                  GError **error);
/* The same, telling the pages copied (the folder's rotation is quick) as they go; in a worker
 * thread, progress is called there (ipt-tasks.h relays it to the main context). */
gboolean    ipt_store_backup_to_with_progress (IptStore *self, const char *dest_path,
                                               IptProgressFunc progress, gpointer progress_data,
                                               GError **error);
gboolean    ipt_store_backup_daily_with_progress (IptStore *self, const char *backup_dir,
                                                  guint keep, IptProgressFunc progress,
                                                  gpointer progress_data, GError **error);
gboolean    ipt_store_backup_now_with_progress (IptStore *self, const char *backup_dir, guint keep,
                                                IptProgressFunc progress, gpointer progress_data,
                                                char **out_path, GError **error);
/* Whether today's backup (ipt_store_backup_daily ()) is still to be made: no copy yet today. */
gboolean    ipt_store_backup_daily_due (IptStore *self, const char *backup_dir);
/* ipt_store_backup_daily () of the casebook at casebook_path, for a worker thread: it opens a
 * read-only connection of its own only when today's copy is still to be made. */
gboolean    ipt_store_backup_daily_file (const char *casebook_path, const char *backup_dir,
                                         guint keep, IptProgressFunc progress,
                                         gpointer progress_data, GError **error);

/* A transaction around several calls (one user action). Calls made outside one run in their own. */
gboolean    ipt_store_begin (IptStore *self, GError **error);
gboolean    ipt_store_commit (IptStore *self, GError **error);
void        ipt_store_rollback (IptStore *self);

/* Clients. insert sets the id (and created/updated times). */
gboolean    ipt_store_insert_client (IptStore *self, IptClient *client, GError **error);
gboolean    ipt_store_update_client (IptStore *self, IptClient *client, GError **error);
/* Deletes the client and everything of theirs (courses, sessions, scores, inventory, ...). */
gboolean    ipt_store_delete_client (IptStore *self, gint64 client_id, GError **error);
IptClient  *ipt_store_get_client (IptStore *self, gint64 client_id, GError **error);
/* The client with that code, whatever its case ("c-0001" finds "C-0001"); NULL, no error: none */
IptClient  *ipt_store_find_client (IptStore *self, const char *code, GError **error);
/* All clients sorted by code, elements IptClient. */
GPtrArray  *ipt_store_list_clients (IptStore *self, GError **error);
guint       ipt_store_count_clients (IptStore *self, GError **error);

/* Courses. The ordinal is set on insert (1 + the client's count). */
gboolean    ipt_store_insert_episode (IptStore *self, IptEpisode *episode, GError **error);
gboolean    ipt_store_update_episode (IptStore *self, IptEpisode *episode, GError **error);
gboolean    ipt_store_delete_episode (IptStore *self, gint64 episode_id, GError **error);
IptEpisode *ipt_store_get_episode (IptStore *self, gint64 episode_id, GError **error);
/* The client's courses by ordinal, elements IptEpisode. */
GPtrArray  *ipt_store_list_episodes (IptStore *self, gint64 client_id, GError **error);
/* The latest course (highest ordinal), NULL without error when none. */
IptEpisode *ipt_store_get_current_episode (IptStore *self, gint64 client_id, GError **error);

/* Sessions with their scores, saved as one transaction: the session is inserted or updated
 * (by id), its scores replaced by `scores` (elements IptScore; NULL leaves them as they are). */
gboolean    ipt_store_save_session (IptStore *self, IptSession *session, GPtrArray *scores, GError **error);
gboolean    ipt_store_delete_session (IptStore *self, gint64 session_id, GError **error);
/* By number, phase filled in; elements IptSession. */
GPtrArray  *ipt_store_list_sessions (IptStore *self, gint64 episode_id, GError **error);
/* Every score of the course, by session number then measure; elements IptScore. */
GPtrArray  *ipt_store_list_scores (IptStore *self, gint64 episode_id, GError **error);
GPtrArray  *ipt_store_list_session_scores (IptStore *self, gint64 session_id, GError **error);

/* Inventory, timeline, goals, supervision comments: save inserts (id 0) or updates. */
gboolean    ipt_store_save_person (IptStore *self, IptPerson *person, GError **error);
gboolean    ipt_store_delete_person (IptStore *self, gint64 person_id, GError **error);
GPtrArray  *ipt_store_list_people (IptStore *self, gint64 client_id, GError **error);
gboolean    ipt_store_save_life_event (IptStore *self, IptLifeEvent *event, GError **error);
gboolean    ipt_store_delete_life_event (IptStore *self, gint64 event_id, GError **error);
GPtrArray  *ipt_store_list_life_events (IptStore *self, gint64 client_id, GError **error);
gboolean    ipt_store_save_goal (IptStore *self, IptGoal *goal, GError **error);
gboolean    ipt_store_delete_goal (IptStore *self, gint64 goal_id, GError **error);
GPtrArray  *ipt_store_list_goals (IptStore *self, gint64 episode_id, GError **error);
/* A goal's rating (0 to 10) at a session; the goal's first and latest ratings follow them.
 * IPT_GOAL_RATING_NONE removes the rating of that session. */
typedef struct
{
  guint session_number;
  int   rating;
} IptGoalRating;
gboolean    ipt_store_set_goal_rating (IptStore *self, gint64 goal_id, guint session_number,
                                       int rating, GError **error);
/* By session number, elements IptGoalRating. */
GArray     *ipt_store_list_goal_ratings (IptStore *self, gint64 goal_id, GError **error);
gboolean    ipt_store_save_comment (IptStore *self, IptComment *comment, GError **error);
GPtrArray  *ipt_store_list_comments (IptStore *self, gint64 episode_id, GError **error);

/* Risk reviews of a course: save inserts (id 0) or updates, checked by the model first. A
 * review restored by Undo is saved again as new (id 0). List: by date, then as recorded. */
gboolean    ipt_store_save_risk_review (IptStore *self, IptRiskReview *review, GError **error);
gboolean    ipt_store_delete_risk_review (IptStore *self, gint64 review_id, GError **error);
GPtrArray  *ipt_store_list_risk_reviews (IptStore *self, gint64 episode_id, GError **error);

/* The caseload: one IptCaseSummary per client (current course, progress, series, signals),
 * sorted by code. Must stay fast: 10,000 clients well under 50 ms. */
GPtrArray      *ipt_store_load_caseload (IptStore *self, GError **error);
IptCaseSummary *ipt_store_load_case_summary (IptStore *self, gint64 client_id, GError **error);
/* The summary of one course of a client, an earlier one as well as the current one. */
IptCaseSummary *ipt_store_load_course_summary (IptStore *self, gint64 episode_id, GError **error);
/* The first n clients of the caseload in its order (ipt_case_summary_compare_caseload ()), read
 * from the order the store keeps (ipt-schema-8.sql) without working out everyone's signals. */
GPtrArray      *ipt_store_load_caseload_head (IptStore *self, guint n, GError **error);
/* Clients not archived whose current course runs, and those of them that need attention, as
 * the whole caseload's summaries would count them. */
gboolean        ipt_store_count_caseload (IptStore *self, guint *n_running, guint *n_attention,
                                          GError **error);

G_END_DECLS
