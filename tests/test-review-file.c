/* Tests of review files: de-identification, bad files refused, review mode, review records
 * round-tripped and merged home, work in threads. */
#include "config.h"

#include "test-review-common.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ipt-deidentify.h"
#include "ipt-review-file.h"
#include "ipt-review.h"
#include "ipt-supervision-pack.h"

static char *
dump_review_db (GBytes *image)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReviewDb) db = ipt_review_db_new_from_image (image, &error);
  g_autoptr(GPtrArray) cases = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  cases = ipt_review_db_list_cases (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      IptReviewCase *rc = g_ptr_array_index (cases, i);

      g_string_append_printf (out, "%s %s %s %s %s %s\n", rc->code, rc->progress_text,
                              rc->focus_person, rc->formulation, rc->old_role, rc->new_role);
      for (guint j = 0; j < rc->people->len; j++)
        g_string_append_printf (out, "%s %s\n",
                                g_array_index (rc->people, IptReviewPerson, j).label,
                                g_array_index (rc->people, IptReviewPerson, j).notes);
      for (guint j = 0; j < rc->events->len; j++)
        g_string_append_printf (out, "%s %s\n",
                                g_array_index (rc->events, IptReviewEvent, j).person,
                                g_array_index (rc->events, IptReviewEvent, j).title);
      for (guint j = 0; j < rc->sessions->len; j++)
        g_string_append_printf (out, "%s\n",
                                g_array_index (rc->sessions, IptReviewSession, j).note);
      for (guint j = 0; j < rc->goals->len; j++)
        g_string_append_printf (out, "%s\n", g_array_index (rc->goals, IptReviewGoal, j).text);
      for (guint j = 0; j < rc->signals->len; j++)
        g_string_append_printf (out, "%s\n",
                                ((IptSignal *) g_ptr_array_index (rc->signals, j))->rule);
    }
  return g_string_free (out, FALSE);
}

static void
test_nothing_identifying_leaves (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "all.iptreview", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *text = NULL;
  g_autoptr(IptReviewDb) db = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  guint n_cases = 0;

  seed_identified_caseload (store, 24, 8, tokens);

  g_assert_true (ipt_review_export (store, NULL, NULL, PASSPHRASE, path, &n_cases, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cases, ==, 24);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  file = read_bytes (path);
  g_assert_null (find_token (g_bytes_get_data (file, NULL), g_bytes_get_size (file), tokens));
  /* the documented limits */
  {
    const guint8 *d = g_bytes_get_data (file, NULL);
    guint64 ops = 0, mem = 0;

    for (int i = 7; i >= 0; i--)
      {
        ops = ops << 8 | d[24 + i];
        mem = mem << 8 | d[32 + i];
      }
    g_assert_cmpuint (ops, ==, crypto_pwhash_OPSLIMIT_MODERATE);
    g_assert_cmpuint (mem, ==, crypto_pwhash_MEMLIMIT_MODERATE);
  }
  image = open_by_the_book (file, PASSPHRASE);
  g_assert_null (find_token (g_bytes_get_data (image, NULL), g_bytes_get_size (image), tokens));
  text = dump_review_db (image);
  g_assert_null (find_token (text, strlen (text), tokens));

  /* what the cases hold: codes, people by relationship, weeks */
  db = ipt_review_db_new_from_image (image, &error);
  cases = ipt_review_db_list_cases (db, &error);
  g_assert_no_error (error);
  {
    IptReviewCase *rc = g_ptr_array_index (cases, 0);

    g_assert_cmpstr (rc->code, ==, "C-0001");
    g_assert_cmpstr (rc->focus_person, ==, "Partner");
    g_assert_cmpstr (g_array_index (rc->people, IptReviewPerson, 1).label, ==, "Person 2");
    g_assert_cmpstr (g_array_index (rc->people, IptReviewPerson, 2).label, ==, "Person 3");
    g_assert_cmpint (g_array_index (rc->events, IptReviewEvent, 0).week, ==, -3);
    g_assert_cmpint (g_array_index (rc->sessions, IptReviewSession, 0).week, ==, 1);  /* 02-10 */
    g_assert_cmpuint (rc->sessions->len, ==, 8);
    g_assert_cmpuint (rc->scores->len, ==, 16);
    g_assert_cmpint (ipt_review_case_get_signal_kind (rc), ==, IPT_SIGNAL_RISK);
    g_assert_null (rc->formulation);
    g_assert_null (g_array_index (rc->goals, IptReviewGoal, 0).text);
    g_assert_cmpint (g_array_index (rc->goals, IptReviewGoal, 0).first_rating, ==,
                     IPT_GOAL_RATING_NONE);
  }
}

static void
test_shared_free_text (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) shares = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_auto(GStrv) codes = NULL;
  IptReviewCase *rc;

  seed_identified_caseload (store, 3, 2, tokens);
  g_hash_table_insert (shares, (gpointer) "C-0002",
                       GUINT_TO_POINTER (IPT_REVIEW_SHARE_FORMULATION | IPT_REVIEW_SHARE_GOALS));
  codes = ipt_deidentify_parse_codes (" C-0002, C-0001 ,C-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (codes), ==, 2);

  cases = ipt_deidentify_cases (store, (const char * const *) codes, shares, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  rc = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (rc->code, ==, "C-0002");
  g_assert_cmpstr (rc->formulation, ==, "Formulationzq002");
  g_assert_cmpstr (g_array_index (rc->goals, IptReviewGoal, 0).text, ==, "Goaltextzq002");
  g_assert_null (g_array_index (rc->events, IptReviewEvent, 0).title);   /* not chosen */
  g_assert_null (g_array_index (rc->sessions, IptReviewSession, 0).note);
  rc = g_ptr_array_index (cases, 1);
  g_assert_null (rc->formulation);   /* chosen for another case only */

  /* an unknown code, an empty one */
  g_clear_pointer (&codes, g_strfreev);
  codes = ipt_deidentify_parse_codes ("C-0001,C-9999", &error);
  g_assert_null (ipt_deidentify_cases (store, (const char * const *) codes, NULL, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "C-9999"));
  g_clear_error (&error);
  g_assert_null (ipt_deidentify_parse_codes ("C-0001,,C-0002", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_review_round_trip_and_merge (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(IptStore) other = open_new (dir, "other.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "two.iptreview", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReviewDb) db = NULL;
  g_autoptr(IptReviewDb) reopened = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(IptSessionReview) review = NULL;
  g_autoptr(IptSupervisionEntry) entry = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  IptSupervisionMerge summary;
  IptReviewCase *rc;
  const char *codes[] = { "C-0001", "C-0002", NULL };

  seed_identified_caseload (store, 3, 4, tokens);
  {
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

    seed_identified_caseload (other, 2, 2, more);
  }
  g_assert_true (ipt_review_export (store, codes, NULL, PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);

  /* the supervisor opens it, comments, rates, logs, saves */
  db = ipt_review_file_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  cases = ipt_review_db_list_cases (db, &error);
  g_assert_cmpuint (cases->len, ==, 2);
  rc = g_ptr_array_index (cases, 1);

  comment = ipt_comment_new (rc->episode_id, "Supervisor", "Explore the impasse further.");
  ipt_comment_set_session_number (comment, 3);
  g_assert_true (ipt_review_db_add_comment (db, comment, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ipt_comment_get_uid (comment));
  review = ipt_session_review_new (rc->episode_id, 3, IPT_PHASE_ASSESSMENT);
  ipt_session_review_set_task_rating (review, 0, 2);
  ipt_session_review_set_stance_rating (review, 3);
  g_assert_true (ipt_review_db_add_session_review (db, review, &error));
  g_assert_no_error (error);
  entry = ipt_supervision_entry_new (rc->episode_id, "2026-03-02");
  ipt_supervision_entry_set_sessions_text (entry, "2,3");
  ipt_supervision_entry_set_recordings_reviewed (entry, 1);
  ipt_supervision_entry_set_action_points (entry, "Role play the talk.");
  g_assert_true (ipt_review_db_add_supervision_entry (db, entry, &error));
  g_assert_no_error (error);

  /* records for a case that is not in the file, or that the model refuses */
  {
    g_autoptr(IptComment) stray = ipt_comment_new (rc->episode_id + 1000, NULL, "Lost");
    g_autoptr(IptComment) empty = ipt_comment_new (rc->episode_id, NULL, "  ");

    g_assert_false (ipt_review_db_add_comment (db, stray, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (ipt_review_db_add_comment (db, empty, &error));
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  before = read_bytes (path);
  g_assert_true (ipt_review_file_save (db, path, PASSPHRASE, &error));
  g_assert_no_error (error);
  after = read_bytes (path);
  g_assert_false (g_bytes_equal (before, after));   /* a new envelope, new salt */

  reopened = ipt_review_file_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  list = ipt_review_db_list_comments (reopened, rc->episode_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (ipt_comment_get_text (g_ptr_array_index (list, 0)), ==,
                   "Explore the impasse further.");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ipt_review_db_list_session_reviews (reopened, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (ipt_session_review_get_stance_rating (g_ptr_array_index (list, 0)), ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ipt_review_db_list_supervision_log (reopened, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* another casebook refuses it, untouched */
  g_assert_false (ipt_review_merge (other, path, PASSPHRASE, &summary, &error));
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_OTHER_CASEBOOK);
  g_clear_error (&error);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM comments"), ==, 0);

  /* a wrong passphrase: refused, nothing written */
  g_assert_false (ipt_review_merge (store, path, "not the passphrase", &summary, &error));
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM comments"), ==, 0);

  /* home: on the right course and session; the second time adds nothing */
  g_assert_true (ipt_review_merge (store, path, PASSPHRASE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_comments, ==, 1);
  g_assert_cmpuint (summary.n_reviews, ==, 1);
  g_assert_cmpuint (summary.n_entries, ==, 1);
  list = ipt_store_list_comments (store, rc->episode_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (ipt_comment_get_session_number (g_ptr_array_index (list, 0)), ==, 3);
  g_assert_cmpuint (ipt_store_count_unread_supervision (store, rc->episode_id, &error), ==, 3);
  g_assert_true (ipt_review_merge (store, path, PASSPHRASE, &summary, &error));
  g_assert_cmpuint (summary.n_comments + summary.n_reviews + summary.n_entries, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM comments"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session_reviews"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM supervision_log"), ==, 1);

  /* the next review file carries the supervisor's earlier records back, never the
   * practitioner's own comments; merging it adds nothing */
  {
    g_autofree char *next = g_build_filename (dir, "next.iptreview", NULL);
    g_autoptr(IptComment) own = ipt_comment_new (rc->episode_id, NULL, "Ownnotezq about her son");
    g_autoptr(IptReviewDb) next_db = NULL;
    g_autoptr(GPtrArray) next_list = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GBytes) image = NULL;

    g_assert_true (ipt_store_save_comment (store, own, &error));
    g_assert_no_error (error);
    g_assert_true (ipt_review_export (store, codes, NULL, PASSPHRASE, next, NULL, &error));
    g_assert_no_error (error);
    bytes = read_bytes (next);
    image = open_by_the_book (bytes, PASSPHRASE);
    g_assert_null (memmem (g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                           "Ownnotezq", 9));
    next_db = ipt_review_file_open (next, PASSPHRASE, &error);
    g_assert_no_error (error);
    next_list = ipt_review_db_list_comments (next_db, 0, &error);
    g_assert_cmpuint (next_list->len, ==, 1);
    g_assert_cmpstr (ipt_comment_get_uid (g_ptr_array_index (next_list, 0)), ==,
                     ipt_comment_get_uid (comment));
    g_clear_pointer (&next_list, g_ptr_array_unref);
    next_list = ipt_review_db_list_session_reviews (next_db, 0, &error);
    g_assert_cmpuint (next_list->len, ==, 1);
    g_clear_pointer (&next_list, g_ptr_array_unref);
    next_list = ipt_review_db_list_supervision_log (next_db, 0, &error);
    g_assert_cmpuint (next_list->len, ==, 1);

    g_assert_true (ipt_review_merge (store, next, PASSPHRASE, &summary, &error));
    g_assert_cmpuint (summary.n_comments + summary.n_reviews + summary.n_entries, ==, 0);
    g_assert_cmpuint (summary.n_unchanged, ==, 3);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM comments"), ==, 2);
  }
}

static void
test_save_is_atomic (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sub = g_build_filename (dir, "sent", NULL);
  g_autofree char *path = g_build_filename (sub, "one.iptreview", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReviewDb) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *codes[] = { "C-0001", NULL };

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  seed_identified_caseload (store, 1, 2, tokens);
  g_assert_true (ipt_review_export (store, codes, NULL, PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);
  before = read_bytes (path);

  db = ipt_review_file_open (path, PASSPHRASE, &error);
  cases = ipt_review_db_list_cases (db, &error);
  comment = ipt_comment_new (((IptReviewCase *) g_ptr_array_index (cases, 0))->episode_id, NULL,
                             "A comment");
  g_assert_true (ipt_review_db_add_comment (db, comment, &error));

  /* the disk fills up halfway through (a file size limit, root or not): the save fails and
   * the file is as it was */
  {
    struct rlimit old_limit, limit;

    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
    limit = old_limit;
    limit.rlim_cur = 4096;
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    g_assert_false (ipt_review_file_save (db, path, PASSPHRASE, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
    signal (SIGXFSZ, SIG_DFL);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    g_clear_error (&error);
  }
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* no temporary file left behind */
  listing = g_dir_open (sub, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "one.iptreview");
  g_assert_null (g_dir_read_name (listing));
}

static void
test_refuses_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autofree char *renamed = g_build_filename (dir, "plain.iptreview", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) casebook = NULL;
  g_autoptr(IptReviewDb) db = NULL;

  ipt_store_close (store);
  casebook = read_bytes (ipt_store_get_path (store));
  write_bytes (renamed, g_bytes_get_data (casebook, NULL), g_bytes_get_size (casebook));
  db = ipt_review_file_open (renamed, PASSPHRASE, &error);
  g_assert_null (db);
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_NOT_REVIEW);
  g_assert_nonnull (strstr (error->message, "plain SQLite"));
  g_clear_error (&error);

  /* a well-sealed envelope around a casebook (not a review database) */
  {
    g_autoptr(GBytes) sealed = ipt_review_envelope_seal (casebook, PASSPHRASE,
                                                         crypto_pwhash_OPSLIMIT_MIN,
                                                         crypto_pwhash_MEMLIMIT_MIN, &error);
    write_bytes (renamed, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
    db = ipt_review_file_open (renamed, PASSPHRASE, &error);
    g_assert_null (db);
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_A_CASEBOOK);
    g_clear_error (&error);
  }

  /* a review database of a newer layout, well sealed */
  {
    g_autoptr(IptReviewDb) fresh = ipt_review_db_new ("0123456789abcdef0123456789abcdef", &error);
    g_autoptr(GBytes) image = ipt_review_db_serialize (fresh, &error);
    g_autoptr(GBytes) newer = NULL;
    g_autoptr(GBytes) sealed = NULL;
    sqlite3 *raw = NULL;
    gsize size = g_bytes_get_size (image);
    unsigned char *copy = sqlite3_malloc64 (size);
    sqlite3_int64 new_size = 0;
    unsigned char *data;

    memcpy (copy, g_bytes_get_data (image, NULL), size);
    g_assert_cmpint (sqlite3_open (":memory:", &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_deserialize (raw, "main", copy, size, size,
                                          SQLITE_DESERIALIZE_FREEONCLOSE |
                                          SQLITE_DESERIALIZE_RESIZEABLE), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 2", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    data = sqlite3_serialize (raw, "main", &new_size, 0);
    newer = g_bytes_new (data, new_size);
    sqlite3_free (data);
    sqlite3_close (raw);

    sealed = ipt_review_envelope_seal (newer, PASSPHRASE, crypto_pwhash_OPSLIMIT_MIN,
                                       crypto_pwhash_MEMLIMIT_MIN, &error);
    write_bytes (renamed, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
    db = ipt_review_file_open (renamed, PASSPHRASE, &error);
    g_assert_null (db);
    g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_TOO_NEW);
    g_assert_nonnull (strstr (error->message, "newer version"));
  }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_review_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "mode.iptreview", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReview) review = NULL;
  g_autoptr(IptReview) reopened = NULL;
  g_autoptr(IptSessionReview) rating = NULL;
  g_autoptr(IptComment) comment = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) image = NULL;
  IptReviewCase *rc;
  guint notified = 0;

  seed_identified_caseload (store, 3, 6, tokens);
  g_assert_true (ipt_review_export (store, NULL, NULL, PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);

  g_assert_null (ipt_review_open (path, "not the passphrase", &error));
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  review = ipt_review_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_signal_connect (review, "notify::modified", G_CALLBACK (on_notify), &notified);
  g_assert_cmpuint (ipt_review_get_cases (review)->len, ==, 3);
  g_assert_false (ipt_review_get_modified (review));
  rc = ipt_review_find_case (review, "C-0002");
  g_assert_nonnull (rc);
  g_assert_null (ipt_review_find_case (review, "C-0404"));

  /* session 6 of a 16-session course is in the middle phase: its tasks are rated */
  g_assert_null (ipt_review_new_session_review (review, rc, 40));
  rating = ipt_review_new_session_review (review, rc, 6);
  g_assert_cmpint (ipt_session_review_get_phase (rating), ==, IPT_PHASE_MIDDLE);
  g_assert_cmpuint (ipt_session_review_get_n_tasks (rating), ==,
                    g_strv_length ((char **) ipt_phase_get_tasks (IPT_PHASE_MIDDLE)));
  ipt_session_review_set_task_rating (rating, 0, 1);
  ipt_session_review_set_focus_rating (rating, 2);
  g_assert_true (ipt_review_add_session_review (review, rating, &error));
  g_assert_no_error (error);
  g_assert_true (ipt_review_get_modified (review));
  comment = ipt_comment_new (rc->episode_id, "Supervisor", "Keep to the dispute.");
  g_assert_true (ipt_review_add_comment (review, comment, &error));
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (ipt_review_save (review, &error));
  g_assert_no_error (error);
  g_assert_false (ipt_review_get_modified (review));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_nonnull (strstr (ipt_review_checklist_notice (), "Quality and Adherence Scale"));

  reopened = ipt_review_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  list = ipt_review_list_session_reviews (reopened, rc->episode_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (ipt_session_review_get_focus_rating (g_ptr_array_index (list, 0)), ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ipt_review_list_comments (reopened, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* the clinical records refuse every change, whoever tries */
  file = read_bytes (path);
  image = open_by_the_book (file, PASSPHRASE);
  {
    static const char * const edits[] = {
      "UPDATE scores SET total = 0",
      "DELETE FROM scores",
      "UPDATE sessions SET attendance = 'attended'",
      "DELETE FROM sessions",
      "UPDATE cases SET status = 'ended'",
      "DELETE FROM cases",
      "UPDATE people SET ring = 1",
      "DELETE FROM life_events",
      "UPDATE goals SET latest_rating = 10",
      "DELETE FROM signals",
    };
    sqlite3 *db = NULL;
    gsize size = g_bytes_get_size (image);
    unsigned char *copy = sqlite3_malloc64 (size);

    memcpy (copy, g_bytes_get_data (image, NULL), size);
    g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_deserialize (db, "main", copy, size, size,
                                          SQLITE_DESERIALIZE_FREEONCLOSE |
                                          SQLITE_DESERIALIZE_RESIZEABLE), ==, SQLITE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        char *message = NULL;

        g_assert_cmpint (sqlite3_exec (db, edits[i], NULL, NULL, &message), !=, SQLITE_OK);
        g_assert_nonnull (strstr (message, "read-only"));
        sqlite3_free (message);
      }
    /* the supervisor's own records do take changes */
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM comments", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "async.iptreview", NULL);
  g_autofree char *pdf = g_build_filename (dir, "async.pdf", NULL);
  g_autofree char *uid = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IptReview) review = NULL;
  g_autoptr(IptReview) reopened = NULL;
  g_autoptr(IptComment) first = NULL;
  g_autoptr(IptComment) second = NULL;
  GAsyncResult *written = NULL, *packed = NULL, *opened = NULL, *saved = NULL;
  gint64 episode_id;

  seed_identified_caseload (store, 3, 4, tokens);
  uid = ipt_store_get_casebook_uid (store, &error);
  cases = ipt_deidentify_cases (store, NULL, NULL, &error);
  g_assert_no_error (error);

  ipt_review_write_cases_async (cases, uid, PASSPHRASE, path, NULL, NULL, NULL, NULL, on_done,
                                &written);
  ipt_supervision_pack_write_async (cases, pdf, NULL, NULL, NULL, NULL, on_done, &packed);
  g_assert_true (ipt_review_write_cases_finish (wait_for (&written), &error));
  g_assert_no_error (error);
  g_assert_true (ipt_supervision_pack_write_finish (wait_for (&packed), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  ipt_review_open_async (path, PASSPHRASE, NULL, on_done, &opened);
  review = ipt_review_open_finish (wait_for (&opened), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipt_review_get_cases (review)->len, ==, 3);
  episode_id = ((IptReviewCase *) g_ptr_array_index (ipt_review_get_cases (review), 0))->episode_id;

  first = ipt_comment_new (episode_id, NULL, "Saved in a thread");
  g_assert_true (ipt_review_add_comment (review, first, &error));
  ipt_review_save_async (review, NULL, on_done, &saved);
  /* added while the file is being written: still to be saved afterwards */
  second = ipt_comment_new (episode_id, NULL, "Added meanwhile");
  g_assert_true (ipt_review_add_comment (review, second, &error));
  g_assert_true (ipt_review_save_finish (review, wait_for (&saved), &error));
  g_assert_no_error (error);
  g_assert_true (ipt_review_get_modified (review));

  reopened = ipt_review_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  list = ipt_review_list_comments (reopened, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (ipt_comment_get_text (g_ptr_array_index (list, 0)), ==, "Saved in a thread");

  g_object_unref (written);
  g_object_unref (packed);
  g_object_unref (opened);
  g_object_unref (saved);
}

/* A review file whose database holds a comment on a course of the casebook that was not sent
 * (written by hand, not by review mode): the merge refuses it and writes nothing. */
static void
test_merge_refuses_other_courses (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, "one.iptreview", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *insert = NULL;
  IptSupervisionMerge summary;
  const char *codes[] = { "C-0001", NULL };
  gint64 other_course = 0;
  sqlite3 *raw = NULL;

  seed_identified_caseload (store, 2, 3, tokens);
  g_assert_true (ipt_review_export (store, codes, NULL, PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (ipt_store_get_path (store), &raw, SQLITE_OPEN_READONLY,
                                      NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT e.id FROM episodes e JOIN clients c "
                                              "ON c.id = e.client_id WHERE c.code = 'C-0002'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    other_course = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
    raw = NULL;
  }
  before = ipt_store_list_comments (store, other_course, &error);
  g_assert_no_error (error);

  /* the file's database, with a comment on C-0002's course added by hand */
  {
    g_autoptr(GBytes) envelope = read_bytes (path);
    gsize size = 0;
    unsigned char *copy;
    unsigned char *data;
    sqlite3_int64 new_size = 0;

    image = ipt_review_envelope_open (envelope, PASSPHRASE, &error);
    g_assert_no_error (error);
    size = g_bytes_get_size (image);
    copy = sqlite3_malloc64 (size);
    memcpy (copy, g_bytes_get_data (image, NULL), size);
    g_assert_cmpint (sqlite3_open (":memory:", &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_deserialize (raw, "main", copy, size, size,
                                          SQLITE_DESERIALIZE_FREEONCLOSE |
                                          SQLITE_DESERIALIZE_RESIZEABLE), ==, SQLITE_OK);
    insert = g_strdup_printf ("INSERT INTO comments (uid, episode_id, author, created_at, text) "
                              "VALUES ('stray', %" G_GINT64_FORMAT ", 'X', "
                              "'2026-03-02T10:00:00Z', 'Not sent for review')", other_course);
    g_assert_cmpint (sqlite3_exec (raw, insert, NULL, NULL, NULL), ==, SQLITE_OK);
    data = sqlite3_serialize (raw, "main", &new_size, 0);
    changed = g_bytes_new (data, new_size);
    sqlite3_free (data);
    sqlite3_close (raw);
  }
  sealed = ipt_review_envelope_seal (changed, PASSPHRASE, crypto_pwhash_OPSLIMIT_MIN,
                                     crypto_pwhash_MEMLIMIT_MIN, &error);
  g_assert_no_error (error);
  write_bytes (path, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));

  g_assert_false (ipt_review_merge (store, path, PASSPHRASE, &summary, &error));
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not sent for review"));
  g_clear_error (&error);
  after = ipt_store_list_comments (store, other_course, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* Saving a review file over a pipe writes into it, never replaces it by a file; through a
 * symbolic link it replaces the file the link leads to, and the link stays a link. */
static void
test_write_over_pipe_and_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *target = g_build_filename (dir, "target.iptreview", NULL);
  g_autofree char *link = g_build_filename (dir, "link.iptreview", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("sealed", 6);
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GError) error = NULL;
  char buffer[16] = { 0, };
  struct stat st;
  int reader;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (ipt_review_file_write_atomic (fifo, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (reader, buffer, sizeof buffer), ==, 6);
  g_assert_cmpstr (buffer, ==, "sealed");
  close (reader);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  write_bytes (target, "old", 3);
  g_assert_cmpint (symlink ("target.iptreview", link), ==, 0);
  g_assert_true (ipt_review_file_write_atomic (link, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  read_back = read_bytes (target);
  g_assert_true (g_bytes_equal (read_back, bytes));
}

/* A formulation longer than a page runs on over the next pages, every word of it, and no page
 * of the pack ends with a heading whose text is on the next. */
static void
test_pack_long_text (void)
{
  const char *headings[] = { "Signals", "Outcome", "Outcome so far", "Inventory",
                             "Supervision log", "Included by the practitioner", "Formulation",
                             "Caseload figures", NULL };
  g_autofree char *dir = make_dir ();
  g_autoptr(IptStore) store = open_new (dir, "casebook.sqlite");
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) shares = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GString *long_text;
  IptReviewCase *rc;
  guint found = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  seed_identified_caseload (store, 2, 3, tokens);
  g_hash_table_insert (shares, (gpointer) "C-0001", GUINT_TO_POINTER (IPT_REVIEW_SHARE_ALL));
  cases = ipt_deidentify_cases (store, NULL, shares, &error);
  g_assert_no_error (error);
  rc = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (rc->code, ==, "C-0001");
  long_text = g_string_new (NULL);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (long_text, "w%04u ", i);
  g_free (rc->formulation);
  rc->formulation = g_string_free (long_text, FALSE);

  bytes = ipt_supervision_pack_render (cases, &error);
  g_assert_no_error (error);
  write_bytes (pdf, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%04u", i);

      found += strstr (text, word) != NULL;
    }
  g_assert_cmpuint (found, ==, 1500);

  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >, 3);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[i], "\n", -1);
      const char *last = NULL;

      for (guint j = 0; lines[j] != NULL; j++)
        if (g_strstrip (lines[j])[0] != '\0'
            && !g_str_has_prefix (lines[j], "De-identified supervision pack"))
          last = lines[j];
      if (last != NULL)
        g_assert_false (g_strv_contains (headings, last));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-review-file-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/review-file/nothing-identifying-leaves", test_nothing_identifying_leaves);
  g_test_add_func ("/review-file/shared-free-text", test_shared_free_text);
  g_test_add_func ("/review-file/round-trip-and-merge", test_review_round_trip_and_merge);
  g_test_add_func ("/review-file/save-is-atomic", test_save_is_atomic);
  g_test_add_func ("/review-file/pack-long-text", test_pack_long_text);
  g_test_add_func ("/review-file/merge-refuses-other-courses", test_merge_refuses_other_courses);
  g_test_add_func ("/review-file/write-over-pipe-and-link", test_write_over_pipe_and_link);
  g_test_add_func ("/review-file/refuses-files", test_refuses_files);
  g_test_add_func ("/review-file/review-mode", test_review_mode);
  g_test_add_func ("/review-file/async", test_async);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
