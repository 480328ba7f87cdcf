/* The review file envelope (libsodium: Argon2id, XChaCha20-Poly1305 secretstream) and what is
 * done with review files: export, open, save. Merging one back is in ipt-review-merge.c. */
#define G_LOG_DOMAIN "ipt-export"

#include "config.h"

#include "ipt-review-file.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "ipt-deidentify.h"
#include "ipt-output-file.h"

G_DEFINE_QUARK (ipt-review-file-error-quark, ipt_review_file_error)

#define SALT_OFFSET 8
#define OPSLIMIT_OFFSET 24
#define MEMLIMIT_OFFSET 32
#define STREAM_HEADER_OFFSET 40
#define MESSAGE_MAX (IPT_REVIEW_FILE_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES)

G_STATIC_ASSERT (crypto_pwhash_SALTBYTES == 16);
G_STATIC_ASSERT (crypto_secretstream_xchacha20poly1305_HEADERBYTES == 24);
G_STATIC_ASSERT (crypto_secretstream_xchacha20poly1305_KEYBYTES == 32);
G_STATIC_ASSERT (crypto_secretstream_xchacha20poly1305_ABYTES == 17);

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED,
                           _("The encryption library could not start"));
      return FALSE;
    }
  return TRUE;
}

static void
put_u64 (guint8 *out,
         guint64 value)
{
  for (guint i = 0; i < 8; i++)
    out[i] = (guint8) (value >> (8 * i));
}

static guint64
get_u64 (const guint8 *in)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value |= (guint64) in[i] << (8 * i);
  return value;
}

static gboolean
derive_key (guint8       *key,
            const char   *passphrase,
            const guint8 *salt,
            guint64       opslimit,
            guint64       memlimit,
            GError      **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase,
                     strlen (passphrase), salt, opslimit, (size_t) memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED,
                           _("Not enough memory to derive the key from the passphrase"));
      return FALSE;
    }
  return TRUE;
}

GBytes *
ipt_review_envelope_seal (GBytes     *plaintext,
                          const char *passphrase,
                          guint64     opslimit,
                          guint64     memlimit,
                          GError    **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  g_autoptr(GByteArray) out = NULL;
  const guint8 *data;
  gsize size = 0, offset = 0;
  guint8 *header;

  g_return_val_if_fail (plaintext != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  data = g_bytes_get_data (plaintext, &size);
  out = g_byte_array_sized_new (IPT_REVIEW_FILE_HEADER_SIZE + size +
                                (size / IPT_REVIEW_FILE_CHUNK + 1) *
                                crypto_secretstream_xchacha20poly1305_ABYTES);
  g_byte_array_set_size (out, IPT_REVIEW_FILE_HEADER_SIZE);
  header = out->data;
  memcpy (header, IPT_REVIEW_FILE_MAGIC, 8);
  randombytes_buf (header + SALT_OFFSET, crypto_pwhash_SALTBYTES);
  put_u64 (header + OPSLIMIT_OFFSET, opslimit);
  put_u64 (header + MEMLIMIT_OFFSET, memlimit);

  if (!derive_key (key, passphrase, header + SALT_OFFSET, opslimit, memlimit, error))
    return NULL;
  crypto_secretstream_xchacha20poly1305_init_push (&state, header + STREAM_HEADER_OFFSET, key);
  sodium_memzero (key, sizeof key);

  /* Every chunk but the last is full; the last (possibly full, or empty for an empty
   * plaintext) carries TAG_FINAL. */
  do
    {
      gsize n = MIN (size - offset, IPT_REVIEW_FILE_CHUNK);
      gboolean last = offset + n == size;
      guint old_len = out->len;
      unsigned long long clen = 0;
      unsigned char tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                               : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;

      g_byte_array_set_size (out, old_len + n + crypto_secretstream_xchacha20poly1305_ABYTES);
      crypto_secretstream_xchacha20poly1305_push (&state, out->data + old_len, &clen,
                                                  data + offset, n,
                                                  out->data, IPT_REVIEW_FILE_AD_SIZE, tag);
      offset += n;
      if (last)
        break;
    }
  while (TRUE);

  sodium_memzero (&state, sizeof state);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
refuse_auth (GError **error)
{
  g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_AUTHENTICATION,
                       _("the passphrase is wrong, or the file was changed or cut short"));
  return FALSE;
}

/* The file's first bytes: a review file of the format this version reads? */
static gboolean
check_magic (const guint8 *data,
             gsize         size,
             GError      **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";

  if (size >= sizeof sqlite_magic && memcmp (data, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_NOT_REVIEW,
                           _("this is a plain SQLite database, not a review file"));
      return FALSE;
    }
  if (size >= 8 && memcmp (data, IPT_REVIEW_FILE_MAGIC, 7) == 0 &&
      data[7] != (guint8) IPT_REVIEW_FILE_MAGIC[7])
    {
      if (data[7] > (guint8) IPT_REVIEW_FILE_MAGIC[7] && g_ascii_isdigit (data[7]))
        g_set_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_TOO_NEW,
                     _("this review file has format %c, written by a newer version of IPT "
                       "Casebook (this version reads format 1)"), data[7]);
      else
        g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_NOT_REVIEW,
                             _("this is not a review file"));
      return FALSE;
    }
  if (size < 8 || memcmp (data, IPT_REVIEW_FILE_MAGIC, 8) != 0)
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_NOT_REVIEW,
                           _("this is not a review file"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ipt_review_file_check_header (const char *path,
                              GError    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 head[16];
  gsize n = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL,
                                   &local_error))
    {
      /* TRANSLATORS: %s is the path of a file, the second %s why it cannot be read */
      g_set_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_FAILED,
                   _("%s: %s"), path, local_error->message);
      return FALSE;
    }
  if (!check_magic (head, n, &local_error))
    {
      g_set_error (error, IPT_REVIEW_FILE_ERROR, local_error->code, _("%s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

GBytes *
ipt_review_envelope_open (GBytes     *envelope,
                          const char *passphrase,
                          GError    **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  g_autoptr(GByteArray) plain = NULL;
  const guint8 *data;
  gsize size = 0, offset = IPT_REVIEW_FILE_HEADER_SIZE;
  guint64 opslimit, memlimit;
  gboolean final = FALSE;

  g_return_val_if_fail (envelope != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  data = g_bytes_get_data (envelope, &size);
  if (!check_magic (data, size, error))
    return NULL;
  if (size < IPT_REVIEW_FILE_HEADER_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES)
    {
      refuse_auth (error);
      return NULL;
    }

  opslimit = get_u64 (data + OPSLIMIT_OFFSET);
  memlimit = get_u64 (data + MEMLIMIT_OFFSET);
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
    {
      /* limits outside what we accept: a changed header, or not ours */
      refuse_auth (error);
      return NULL;
    }

  if (!derive_key (key, passphrase, data + SALT_OFFSET, opslimit, memlimit, error))
    return NULL;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, data + STREAM_HEADER_OFFSET,
                                                       key) != 0)
    {
      sodium_memzero (key, sizeof key);
      refuse_auth (error);
      return NULL;
    }
  sodium_memzero (key, sizeof key);

  plain = g_byte_array_sized_new (size);
  while (offset < size)
    {
      gsize n = MIN (size - offset, MESSAGE_MAX);
      guint old_len = plain->len;
      unsigned long long mlen = 0;
      unsigned char tag = 0;

      if (final || n < crypto_secretstream_xchacha20poly1305_ABYTES)
        break;   /* bytes after the final message, or a cut message */
      g_byte_array_set_size (plain, old_len + n - crypto_secretstream_xchacha20poly1305_ABYTES);
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + old_len, &mlen, &tag,
                                                      data + offset, n,
                                                      data, IPT_REVIEW_FILE_AD_SIZE) != 0)
        break;
      g_byte_array_set_size (plain, old_len + mlen);
      offset += n;
      final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
  sodium_memzero (&state, sizeof state);

  if (!final || offset != size)
    {
      sodium_memzero (plain->data, plain->len);
      refuse_auth (error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&plain));
}

char *
ipt_review_passphrase_generate (void)
{
  /* 31 symbols (no i, l, o, 0 or 1 to misread), log2 (31) = 4.95 bits each: 20 of them give
   * 99 bits, in five groups of four */
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  GString *out = g_string_sized_new (32);

  G_STATIC_ASSERT (sizeof alphabet - 1 == 31);
  if (sodium_init () < 0)
    g_error ("libsodium could not start");

  for (guint i = 0; i < 20; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, alphabet[randombytes_uniform (sizeof alphabet - 1)]);
    }
  return g_string_free (out, FALSE);
}

gboolean
ipt_review_passphrase_check (const char *passphrase,
                             GError    **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error_literal (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_WEAK_PASSPHRASE,
                           _("The passphrase is not valid text"));
      return FALSE;
    }
  if (g_utf8_strlen (passphrase, -1) < IPT_REVIEW_PASSPHRASE_MIN_CHARS)
    {
      g_set_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_WEAK_PASSPHRASE,
                   _("The passphrase needs at least %d characters"),
                   IPT_REVIEW_PASSPHRASE_MIN_CHARS);
      return FALSE;
    }
  return TRUE;
}

gboolean
ipt_review_file_write_atomic (const char *path,
                              GBytes     *bytes,
                              GError    **error)
{
  IptOutputFile *file;
  const guint8 *data;
  gsize size = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  /* A regular file (also behind a symbolic link) is replaced whole or left as it was; a device
   * or a pipe is written in place, never replaced by a file. */
  file = ipt_output_file_open (path, error);
  if (file == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!ipt_output_file_write (file, data, size, error))
    {
      ipt_output_file_abort (file);
      return FALSE;
    }
  return ipt_output_file_commit (file, error);
}

static GBytes *
seal_db (IptReviewDb *db,
         const char  *passphrase,
         GError     **error)
{
  g_autoptr(GBytes) image = ipt_review_db_serialize (db, error);
  GBytes *sealed;

  if (image == NULL)
    return NULL;
  sealed = ipt_review_envelope_seal (image, passphrase, crypto_pwhash_OPSLIMIT_MODERATE,
                                     crypto_pwhash_MEMLIMIT_MODERATE, error);
  /* the clear image leaves memory wiped */
  sodium_memzero ((gpointer) g_bytes_get_data (image, NULL), g_bytes_get_size (image));
  return sealed;
}

/* progress: cases written of all, the encryption and the file counted as one more. */
static gboolean
write_cases (GPtrArray        *cases,
             const char       *casebook_uid,
             const char       *passphrase,
             const char       *output_path,
             IptProgressFunc   progress,
             gpointer          progress_data,
             GError          **error)
{
  g_autoptr(IptReviewDb) db = NULL;
  g_autoptr(GBytes) sealed = NULL;

  g_return_val_if_fail (cases != NULL, FALSE);
  g_return_val_if_fail (casebook_uid != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_review_passphrase_check (passphrase, error))
    return FALSE;
  if (cases->len == 0)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND,
                           _("The casebook has no course to review"));
      return FALSE;
    }

  db = ipt_review_db_new (casebook_uid, error);
  if (db == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    {
      if (!ipt_review_db_add_case (db, g_ptr_array_index (cases, i), error))
        return FALSE;
      if (progress != NULL)
        progress ((double) (i + 1) / (cases->len + 1), progress_data);
    }

  sealed = seal_db (db, passphrase, error);
  if (sealed == NULL || !ipt_review_file_write_atomic (output_path, sealed, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
ipt_review_write_cases (GPtrArray   *cases,
                        const char  *casebook_uid,
                        const char  *passphrase,
                        const char  *output_path,
                        GError     **error)
{
  return write_cases (cases, casebook_uid, passphrase, output_path, NULL, NULL, error);
}

typedef struct
{
  GPtrArray        *cases;
  char             *casebook_uid;
  char             *passphrase;
  char             *output_path;
  IptProgressRelay *relay;
} WriteCasesData;

static void
write_cases_data_free (gpointer data)
{
  WriteCasesData *d = data;

  ipt_progress_relay_free (d->relay);
  g_ptr_array_unref (d->cases);
  g_free (d->casebook_uid);
  sodium_memzero (d->passphrase, strlen (d->passphrase));
  g_free (d->passphrase);
  g_free (d->output_path);
  g_free (d);
}

static void
write_cases_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WriteCasesData *d = task_data;
  GError *error = NULL;

  if (write_cases (d->cases, d->casebook_uid, d->passphrase, d->output_path,
                   ipt_progress_relay_func, d->relay, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ipt_review_write_cases_async (GPtrArray           *cases,
                              const char          *casebook_uid,
                              const char          *passphrase,
                              const char          *output_path,
                              GCancellable        *cancellable,
                              IptProgressFunc      progress,
                              gpointer             progress_data,
                              GDestroyNotify       progress_data_free,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteCasesData *d = g_new0 (WriteCasesData, 1);

  g_return_if_fail (cases != NULL && casebook_uid != NULL && passphrase != NULL);
  g_return_if_fail (output_path != NULL);

  g_task_set_source_tag (task, ipt_review_write_cases_async);
  d->cases = g_ptr_array_ref (cases);
  d->casebook_uid = g_strdup (casebook_uid);
  d->passphrase = g_strdup (passphrase);
  d->output_path = g_strdup (output_path);
  d->relay = ipt_progress_relay_new (progress, progress_data, progress_data_free);
  g_task_set_task_data (task, d, write_cases_data_free);
  g_task_run_in_thread (task, write_cases_thread);
}

gboolean
ipt_review_write_cases_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipt_review_write_cases_async,
                        FALSE);

  ipt_progress_relay_close (((WriteCasesData *) g_task_get_task_data (G_TASK (result)))->relay);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ipt_review_export (IptStore           *store,
                   const char * const *codes,
                   GHashTable         *shares,
                   const char         *passphrase,
                   const char         *output_path,
                   guint              *n_cases,
                   GError            **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *uid = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_review_passphrase_check (passphrase, error))
    return FALSE;
  uid = ipt_store_get_casebook_uid (store, error);
  if (uid == NULL)
    return FALSE;
  cases = ipt_deidentify_cases (store, codes, shares, error);
  if (cases == NULL || !ipt_review_write_cases (cases, uid, passphrase, output_path, error))
    return FALSE;
  if (n_cases != NULL)
    *n_cases = cases->len;
  return TRUE;
}

IptReviewDb *
ipt_review_file_open (const char *path,
                      const char *passphrase,
                      GError    **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) local_error = NULL;
  IptReviewDb *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     _("%s: a folder, a device or a pipe, not a review file"), path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: no such file"), path);
      return NULL;
    }
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: %s"), path, local_error->message);
      return NULL;
    }
  envelope = g_mapped_file_get_bytes (file);
  image = ipt_review_envelope_open (envelope, passphrase, &local_error);
  if (image == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), path,
                   local_error->message);
      return NULL;
    }
  db = ipt_review_db_new_from_image (image, &local_error);
  sodium_memzero ((gpointer) g_bytes_get_data (image, NULL), g_bytes_get_size (image));
  if (db == NULL)
    g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), path,
                 local_error->message);
  return db;
}

gboolean
ipt_review_file_save (IptReviewDb *db,
                      const char  *path,
                      const char  *passphrase,
                      GError     **error)
{
  g_autoptr(GBytes) sealed = NULL;

  g_return_val_if_fail (IPT_IS_REVIEW_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  sealed = seal_db (db, passphrase, error);
  return sealed != NULL && ipt_review_file_write_atomic (path, sealed, error);
}
