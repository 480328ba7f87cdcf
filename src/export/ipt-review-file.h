/* Review files (*.iptreview): the encrypted envelope of DESIGN.md ("Review files") around a
 * review database, written and read here with libsodium; exporting a casebook's cases into one,
 * opening and saving one in review mode, and merging one back into the casebook. */
#pragma once

#include <gio/gio.h>

#include "ipt-review-db.h"
#include "ipt-store.h"
#include "ipt-store-supervision.h"

G_BEGIN_DECLS

#define IPT_REVIEW_FILE_ERROR (ipt_review_file_error_quark ())
GQuark ipt_review_file_error_quark (void);

typedef enum
{
  IPT_REVIEW_FILE_ERROR_NOT_REVIEW,       /* not a review file (a plain SQLite file, ...) */
  IPT_REVIEW_FILE_ERROR_TOO_NEW,          /* a newer format of review file */
  IPT_REVIEW_FILE_ERROR_AUTHENTICATION,   /* wrong passphrase, or changed, cut or truncated */
  IPT_REVIEW_FILE_ERROR_WEAK_PASSPHRASE,  /* shorter than IPT_REVIEW_PASSPHRASE_MIN_CHARS */
  IPT_REVIEW_FILE_ERROR_OTHER_CASEBOOK,   /* made from another casebook (merge) */
  IPT_REVIEW_FILE_ERROR_FAILED,
} IptReviewFileError;

/* The envelope, byte by byte. */
#define IPT_REVIEW_FILE_MAGIC "IPTREVW1"
#define IPT_REVIEW_FILE_HEADER_SIZE 64
#define IPT_REVIEW_FILE_AD_SIZE 40          /* bytes 0 to 39, the additional data of each message */
#define IPT_REVIEW_FILE_CHUNK 65536         /* plaintext bytes per secretstream message */

/* A typed passphrase has at least this many characters; a generated one at least 80 bits. */
#define IPT_REVIEW_PASSPHRASE_MIN_CHARS 12
#define IPT_REVIEW_PASSPHRASE_GENERATED_BITS 99

/* The envelope around `plaintext`: a new random salt, the key from the passphrase with
 * crypto_pwhash (Argon2id) at these limits. */
GBytes     *ipt_review_envelope_seal (GBytes     *plaintext,
                                      const char *passphrase,
                                      guint64     opslimit,
                                      guint64     memlimit,
                                      GError    **error);
/* The plaintext, when every message authenticates and the last is tagged final. */
GBytes     *ipt_review_envelope_open (GBytes     *envelope,
                                      const char *passphrase,
                                      GError    **error);

/* A new passphrase of IPT_REVIEW_PASSPHRASE_GENERATED_BITS random bits: twenty letters and
 * digits that cannot be mistaken for each other, in five groups of four ("k7pq-…"). */
char       *ipt_review_passphrase_generate (void);
/* A typed passphrase: at least IPT_REVIEW_PASSPHRASE_MIN_CHARS characters of valid UTF-8. */
gboolean    ipt_review_passphrase_check (const char *passphrase, GError **error);

/* Writes `bytes` to a temporary file in the folder of `path` (mode 0600), fsyncs it and renames
 * it over `path`: a failure or a crash leaves the earlier file whole. */
gboolean    ipt_review_file_write_atomic (const char *path, GBytes *bytes, GError **error);

/* Writes de-identified cases (IptReviewCase, from ipt_deidentify_cases ()) as a review file of
 * the casebook with this identity (ipt_store_get_casebook_uid ()). It needs no casebook, so the
 * window can de-identify on the main thread and write in a thread (_async: a GTask thread; the
 * cases must not change meanwhile; progress, may be NULL: cases written of all, on the caller's
 * main context as ipt-tasks.h describes). Nothing is written on failure. */
gboolean    ipt_review_write_cases (GPtrArray   *cases,
                                    const char  *casebook_uid,
                                    const char  *passphrase,
                                    const char  *output_path,
                                    GError     **error);
void        ipt_review_write_cases_async (GPtrArray           *cases,
                                          const char          *casebook_uid,
                                          const char          *passphrase,
                                          const char          *output_path,
                                          GCancellable        *cancellable,
                                          IptProgressFunc      progress,
                                          gpointer             progress_data,
                                          GDestroyNotify       progress_data_free,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    ipt_review_write_cases_finish (GAsyncResult  *result,
                                           GError       **error);

/* The de-identified cases (ipt_deidentify_cases ()) of `codes` (NULL: every active client
 * with a course) with what `shares` includes, written as a review file at `output_path`.
 * n_cases: how many went in. Nothing is written on failure. */
gboolean    ipt_review_export (IptStore           *store,
                               const char * const *codes,
                               GHashTable         *shares,
                               const char         *passphrase,
                               const char         *output_path,
                               guint              *n_cases,
                               GError            **error);

/* Is the file at `path` a review file of a format this version reads, by its first bytes alone
 * (no passphrase)? Otherwise one line naming the file (IPT_REVIEW_FILE_ERROR_NOT_REVIEW,
 * _TOO_NEW, or _FAILED when it cannot be read). */
gboolean    ipt_review_file_check_header (const char *path,
                                          GError    **error);

/* Reads and opens a review file: the database exists in memory only. */
IptReviewDb *ipt_review_file_open (const char *path,
                                   const char *passphrase,
                                   GError    **error);
/* Writes the database back as a new envelope (new salt, the same passphrase), atomically. */
gboolean    ipt_review_file_save (IptReviewDb *db,
                                  const char  *path,
                                  const char  *passphrase,
                                  GError     **error);

/* Brings the supervisor's comments, session reviews and log entries of a review file into the
 * casebook it was made from, onto the same courses and sessions, in one transaction; what an
 * earlier merge brought is not added again. Refused, nothing written: another casebook's file,
 * a course no longer in the casebook or under another code, and every error of opening. */
gboolean    ipt_review_merge (IptStore            *store,
                              const char          *path,
                              const char          *passphrase,
                              IptSupervisionMerge *summary,
                              GError             **error);
/* The same for the window: opening the file (key derivation and decryption, about a second)
 * runs in a GTask thread; _finish, on the casebook's thread, checks the file against the
 * casebook and writes the merge in one transaction (short). Refused as above, nothing written. */
void        ipt_review_merge_async (IptStore            *store,
                                    const char          *path,
                                    const char          *passphrase,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean    ipt_review_merge_finish (IptStore             *store,
                                     GAsyncResult         *result,
                                     IptSupervisionMerge  *summary,
                                     GError              **error);

G_END_DECLS
