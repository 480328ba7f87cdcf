/* Shared by the review file test programs: reading and writing files, and opening an envelope
 * by DESIGN.md's table alone, with libsodium directly. */
#pragma once

#include "test-supervision-common.h"

#include <sodium.h>

#define PASSPHRASE "correct horse battery staple"

static inline GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline void
write_bytes (const char *path,
             const void *data,
             gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
}

static inline GBytes *
pattern (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 31 + i / 251);
  return g_bytes_new_take (data, size);
}

/* The envelope opened with libsodium directly, by DESIGN.md's table alone. */
static inline GBytes *
open_by_the_book (GBytes     *file,
                  const char *passphrase)
{
  const guint8 *data;
  gsize size = 0, offset = 64;
  guint8 key[32];
  crypto_secretstream_xchacha20poly1305_state state;
  GByteArray *plain = g_byte_array_new ();
  guint64 opslimit = 0, memlimit = 0;
  unsigned char tag = 0;

  data = g_bytes_get_data (file, &size);
  g_assert_cmpmem (data, 8, "IPTREVW1", 8);
  for (int i = 7; i >= 0; i--)
    {
      opslimit = opslimit << 8 | data[24 + i];
      memlimit = memlimit << 8 | data[32 + i];
    }
  g_assert_cmpint (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), data + 8,
                                  opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  g_assert_cmpint (crypto_secretstream_xchacha20poly1305_init_pull (&state, data + 40, key), ==, 0);
  while (offset < size)
    {
      gsize n = MIN (size - offset, 65536 + 17);
      guint old = plain->len;
      unsigned long long mlen = 0;

      g_assert_cmpint (tag, !=, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
      g_byte_array_set_size (plain, old + n - 17);
      g_assert_cmpint (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + old, &mlen,
                                                                   &tag, data + offset, n,
                                                                   data, 40), ==, 0);
      g_assert_cmpuint (mlen, ==, n - 17);
      offset += n;
    }
  g_assert_cmpint (tag, ==, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  return g_byte_array_free_to_bytes (plain);
}

