/* Tests of the review file envelope, byte by byte: the layout DESIGN.md documents, every
 * altered, cut or foreign file refused, passphrases generated and checked. */
#include "config.h"

#include "test-review-common.h"

#include <math.h>

#include "ipt-review-file.h"

static void
test_envelope_layout (void)
{
  g_autoptr(GError) error = NULL;
  /* two full chunks and a short one */
  g_autoptr(GBytes) plain = pattern (2 * 65536 + 1000);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GBytes) by_book = NULL;
  const guint8 *data;
  gsize size;

  sealed = ipt_review_envelope_seal (plain, PASSPHRASE, crypto_pwhash_OPSLIMIT_MIN,
                                     crypto_pwhash_MEMLIMIT_MIN, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (sealed, &size);
  g_assert_cmpuint (size, ==, 64 + 2 * (65536 + 17) + 1000 + 17);

  by_book = open_by_the_book (sealed, PASSPHRASE);
  g_assert_true (g_bytes_equal (by_book, plain));
  opened = ipt_review_envelope_open (sealed, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (opened, plain));

  /* a new salt every time */
  again = ipt_review_envelope_seal (plain, PASSPHRASE, crypto_pwhash_OPSLIMIT_MIN,
                                    crypto_pwhash_MEMLIMIT_MIN, &error);
  g_assert_cmpint (memcmp ((const guint8 *) g_bytes_get_data (again, NULL) + 8, data + 8, 16),
                   !=, 0);

  /* an exact number of chunks, and nothing at all */
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GBytes) exact = pattern (k == 0 ? 65536 : 0);
      g_autoptr(GBytes) s = ipt_review_envelope_seal (exact, PASSPHRASE,
                                                      crypto_pwhash_OPSLIMIT_MIN,
                                                      crypto_pwhash_MEMLIMIT_MIN, &error);
      g_autoptr(GBytes) o = ipt_review_envelope_open (s, PASSPHRASE, &error);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (o, exact));
    }
}

static void
assert_refused_bytes (const guint8 *data,
                      gsize         size,
                      const char   *passphrase,
                      int           code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = ipt_review_envelope_open (bytes, passphrase, &error);

  g_assert_null (opened);
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, code);
}

static void
test_envelope_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = pattern (65536 + 500);
  g_autoptr(GBytes) sealed = ipt_review_envelope_seal (plain, PASSPHRASE,
                                                       crypto_pwhash_OPSLIMIT_MIN,
                                                       crypto_pwhash_MEMLIMIT_MIN, &error);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (sealed, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size + 1);
  /* salt, limits, stream header, first message, its tag, the last byte */
  const gsize positions[] = { 8, 23, 24, 33, 40, 63, 64, 100, 64 + 65536 + 16, size - 1 };

  assert_refused_bytes (data, size, "wrong passphrase!", IPT_REVIEW_FILE_ERROR_AUTHENTICATION);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      memcpy (copy, data, size);
      copy[positions[i]] ^= 0x01;
      assert_refused_bytes (copy, size, PASSPHRASE, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);
    }
  memcpy (copy, data, size);

  /* cut: inside a message, at a message boundary (no final tag), just the header */
  assert_refused_bytes (copy, size - 1, PASSPHRASE, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);
  assert_refused_bytes (copy, 64 + 65536 + 17, PASSPHRASE, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);
  assert_refused_bytes (copy, 64, PASSPHRASE, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);
  /* a byte after the final message */
  copy[size] = 0;
  assert_refused_bytes (copy, size + 1, PASSPHRASE, IPT_REVIEW_FILE_ERROR_AUTHENTICATION);

  /* a newer format, another file, a plain SQLite database */
  copy[7] = '2';
  assert_refused_bytes (copy, size, PASSPHRASE, IPT_REVIEW_FILE_ERROR_TOO_NEW);
  assert_refused_bytes ((const guint8 *) "hello, world", 12, PASSPHRASE,
                        IPT_REVIEW_FILE_ERROR_NOT_REVIEW);
  memcpy (copy, "SQLite format 3\0", 16);
  assert_refused_bytes (copy, size, PASSPHRASE, IPT_REVIEW_FILE_ERROR_NOT_REVIEW);
}

static void
test_passphrases (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = ipt_review_passphrase_generate ();
  g_autofree char *b = ipt_review_passphrase_generate ();

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpuint (strlen (a), ==, 24);
  for (guint i = 0; a[i] != '\0'; i++)
    {
      if (i % 5 == 4)
        g_assert_cmpint (a[i], ==, '-');
      else
        g_assert_nonnull (strchr ("abcdefghjkmnpqrstuvwxyz23456789", a[i]));
    }
  /* 20 symbols of 31: at least 80 bits */
  g_assert_cmpfloat (20 * log2 (31), >=, IPT_REVIEW_PASSPHRASE_GENERATED_BITS);
  g_assert_cmpint (IPT_REVIEW_PASSPHRASE_GENERATED_BITS, >=, 80);
  g_assert_true (ipt_review_passphrase_check (a, &error));

  g_assert_false (ipt_review_passphrase_check ("elevenchars", &error));
  g_assert_error (error, IPT_REVIEW_FILE_ERROR, IPT_REVIEW_FILE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);
  /* characters, not bytes */
  g_assert_false (ipt_review_passphrase_check ("ééééééééééé", &error));
  g_clear_error (&error);
  g_assert_true (ipt_review_passphrase_check ("twelve chars", &error));
}

/* Every text in every table of the review database. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_root = g_dir_make_tmp ("test-review-envelope-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/review-envelope/layout", test_envelope_layout);
  g_test_add_func ("/review-envelope/refuses", test_envelope_refuses);
  g_test_add_func ("/review-envelope/passphrases", test_passphrases);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}
