/* IptWindow's instance, shared by ipt-window.c and ipt-window-actions.c (and the UI tests). */
#pragma once

#include "ipt-window.h"
#include "ipt-caseload-model.h"
#include "ipt-caseload-view.h"
#include "ipt-client-page.h"

G_BEGIN_DECLS

typedef enum
{
  IPT_CASELOAD_FILTER_ALL,
  IPT_CASELOAD_FILTER_ACTIVE,
  IPT_CASELOAD_FILTER_ENDED,
  IPT_CASELOAD_FILTER_ATTENTION,
} IptCaseloadFilter;

/* Undoes a destructive action; data is what was removed. */
typedef gboolean (*IptUndoFunc) (IptWindow *self,
                                 gpointer   data,
                                 GError   **error);

struct _IptWindow
{
  GtkApplicationWindow parent_instance;

  IptStore           *store;

  GPtrArray          *caseload;        /* IptCaseSummary, in the list's order */
  IptCaseloadModel   *shown;           /* those the search and filter let through */
  GtkSingleSelection *selection;
  IptCaseloadFilter   filter_mode;
  char               *query;           /* lower-cased search text, NULL: none */
  gint64              client_id;       /* the client on the page, 0: none */
  gboolean            updating_filters;

  gulong              after_paint_id;
  guint               first_frame_idle;
  guint               frames_painted;
  guint               scroll_tick_id;
  guint               scroll_position;
  guint               search_key_idle;  /* makes the search keys before the first keystroke */
  guint               search_key_next;
  /* Every search key of the caseload, in its order, each ended by a NUL byte, and where each
   * starts: a search through everyone is one memmem () pass (NULL: made at the next one). */
  GString            *search_blob;
  GArray             *search_starts;
  /* A large caseload: the top of its list is read first, the rest in the background (see
   * ipt-window-caseload-loading.c); the clients the store names meanwhile are read on their own. */
  GCancellable       *caseload_cancellable;
  GPtrArray          *caseload_rest;    /* read, not yet put in the list */
  guint               caseload_rest_next;
  guint               caseload_splice_idle;
  guint               caseload_start_id;  /* starts the reading of the rest */
  GdkFrameClock      *caseload_clock;     /* its first after-paint starts it */
  gulong              caseload_paint_id;
  char               *caseload_path;
  GHashTable         *caseload_listed;  /* gint64 client ids listed while loading: the top,
                                          * and those the store announced */
  gboolean            caseload_loading;

  IptUndoFunc         undo_func;
  gpointer            undo_data;
  GDestroyNotify      undo_data_free;
  guint               toast_timeout_id;
  char               *queued_message;  /* a notice waiting for the Undo's toast to go */
  char               *queued_folder_uri;
  GCancellable       *copying;         /* Back Up Now or Save a Copy under way, NULL: none */
  GListStore         *jobs;            /* IptJob under way, shown by the busy indicator */

  /* The dialog open over the window (client, course, session, question), for Escape and tests. */
  GtkWindow          *dialog;

  IptCaseloadView    *dashboard;       /* made when first shown */

  /* template children */
  GtkLabel           *subtitle_label;
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *active_button;
  GtkToggleButton    *ended_button;
  GtkToggleButton    *attention_button;
  GtkStack           *list_stack;
  GtkListView        *caseload_view;
  GtkStack           *content_stack;
  IptClientPage      *client_page;
  GtkPaned           *paned;
  GtkRevealer        *toast_revealer;
  GtkLabel           *toast_label;
  GtkWidget          *toast_undo_button;
  GtkWidget          *toast_dismiss_button;
  GtkWidget          *toast_open_button;
  GtkRevealer        *jobs_revealer;
  GtkListBox         *jobs_list;
  GtkToggleButton    *dashboard_button;
};

/* ipt-window.c */
void      _ipt_window_select_client (IptWindow *self,
                                     gint64     client_id);
void      _ipt_window_show_toast (IptWindow     *self,
                                  const char    *message,
                                  IptUndoFunc    undo_func,
                                  gpointer       undo_data,
                                  GDestroyNotify undo_data_free);
void      _ipt_window_dismiss_toast (IptWindow *self);
void      _ipt_window_set_dialog (IptWindow *self,
                                  GtkWindow *dialog);

/* ipt-window-caseload.c and ipt-window-caseload-loading.c */
void      _ipt_window_class_init_caseload (GtkWidgetClass *widget_class);
void      _ipt_window_init_caseload (IptWindow *self);
/* Reads the caseload once; from then on it follows the store's announcements. */
void      _ipt_window_load_caseload (IptWindow *self);
/* Stops the background reading of the caseload (dispose). */
void      _ipt_window_dispose_caseload (IptWindow *self);
/* Whether the caseload is still being read or put in the list (tests). */
gboolean  _ipt_window_get_caseload_loading (IptWindow *self);
/* From how many clients the caseload is read in two parts, how many clients the top read first
 * holds, and how many of the rest are put in the list at a time (tests; defaults 5,000, 300 and
 * 2,000). */
void      _ipt_window_set_caseload_chunking (guint min_clients,
                                             guint head,
                                             guint chunk);
/* The caseload changed: the search keys are gathered again when next searched. */
void      _ipt_window_forget_search_blob (IptWindow *self);
/* Shared by ipt-window-caseload.c and ipt-window-caseload-loading.c */
gboolean  _ipt_window_caseload_filter_func (IptCaseSummary *summary,
                                            gpointer        user_data);
int       _ipt_window_caseload_sort_func (gconstpointer a,
                                          gconstpointer b);
void      _ipt_window_update_list_stack (IptWindow *self);
void      _ipt_window_update_counts (IptWindow *self);
void      _ipt_window_refilter (IptWindow *self);
guint     _ipt_window_find_in_caseload (IptWindow *self,
                                        gint64     client_id);
guint     _ipt_window_find_shown (IptWindow *self,
                                  gint64     client_id);
void      _ipt_window_scroll_to (IptWindow *self,
                                 guint      position);

/* A notification that a file was written, with a button that opens its folder; it waits while
 * an Undo is offered, as every notification without Undo does. */
void      _ipt_window_show_file_toast (IptWindow  *self,
                                       const char *message,
                                       const char *path);

/* ipt-window-jobs.c: the busy indicator */
void      _ipt_window_init_jobs (IptWindow *self);
void      _ipt_window_dispose_jobs (IptWindow *self);
/* A new job (transfer full) shown in this window, the application held until it finishes. */
IptJob   *_ipt_window_begin_job (IptWindow  *self,
                                 const char *label);
/* The jobs shown (IptJob), for tests. */
GListModel *_ipt_window_get_jobs (IptWindow *self);
/* FALSE once the window has been closed (a job's end then shows nothing over it). */
gboolean  _ipt_window_is_open (IptWindow *self);
/* A job failed: shown over self while open, else over another window of app, else told on
 * standard error and as a desktop notification. self may be NULL. */
void      _ipt_window_report_failure (IptWindow      *self,
                                      GtkApplication *app,
                                      const char     *primary,
                                      const GError   *error);

/* ipt-window-backup.c: the actions win.back-up-now, win.save-copy and win.open-folder and what
 * they do, and the day's automatic backup */
void      _ipt_window_class_init_backup (GtkWidgetClass *widget_class);
void      _ipt_window_init_backup (IptWindow *self);
/* Both start the copy in a worker thread and return; the notification area shows it under way,
 * then where the file went (or a dialog why it failed). Save a Copy refuses at once the
 * casebook itself (G_IO_ERROR_EXISTS) and a second copy while one is under way. */
void      _ipt_window_back_up_now (IptWindow *self);
gboolean  _ipt_window_save_copy (IptWindow  *self,
                                 const char *path,
                                 GError    **error);
/* Is Back Up Now or Save a Copy under way? */
gboolean  _ipt_window_is_copying (IptWindow *self);

/* ipt-window-actions.c */
void      _ipt_window_class_init_actions (GtkWidgetClass *widget_class);
void      _ipt_window_update_actions (IptWindow *self);

/* ipt-window-risk.c */
void      _ipt_window_class_init_risk (GtkWidgetClass *widget_class);
void      _ipt_window_update_risk_actions (IptWindow *self);
/* A session's form asks for a risk review over it (its "record-risk-review" signal). */
void      _ipt_window_on_record_risk_review (GtkWindow  *editor,
                                             const char *date,
                                             const char *flag,
                                             IptWindow  *self);

/* ipt-window-course.c */
void      _ipt_window_class_init_course (GtkWidgetClass *widget_class);
void      _ipt_window_update_course_actions (IptWindow *self);

/* ipt-window-report.c */
void      _ipt_window_class_init_report (GtkWidgetClass *widget_class);
void      _ipt_window_update_report_actions (IptWindow *self);
/* Writes the case report of the shown client's course episode_id (0: the current one) to path
 * in a thread; a toast says where it went, a dialog why it could not. FALSE with error when the
 * course cannot be read. */
gboolean  _ipt_window_export_report (IptWindow  *self,
                                     gint64      episode_id,
                                     const char *path,
                                     gboolean    include_name,
                                     GError    **error);
/* ipt-window-dashboard.c */
void      _ipt_window_class_init_dashboard (GtkWidgetClass *widget_class);
void      _ipt_window_init_dashboard (IptWindow *self);
/* Gives a dashboard made the caseload read so far (it follows the store by itself). */
void      _ipt_window_fill_dashboard (IptWindow *self);
/* ipt-window-supervision.c */
void      _ipt_window_class_init_supervision (GtkWidgetClass *widget_class);

/* Shows the caseload dashboard over the whole window, or the client page again. */
void      _ipt_window_set_dashboard_shown (IptWindow *self,
                                           gboolean   shown);

G_END_DECLS
