/* The supervision commands: a de-identified pack, an encrypted review file, a merge. */
#define G_LOG_DOMAIN "ipt-cli"

#include "config.h"

#include "ipt-cli-supervision.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ipt-deidentify.h"
#include "ipt-review-file.h"
#include "ipt-supervision-pack.h"

#define PROGRAM "ipt-casebook"

G_GNUC_PRINTF (1, 2)
static void
cli_error (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", PROGRAM, message);
}

/* Wipes and frees a passphrase. */
static void
free_secret (char *secret)
{
  if (secret != NULL)
    {
      volatile char *p = secret;

      while (*p != '\0')
        *p++ = '\0';
      g_free (secret);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (char, free_secret)

void
_ipt_cli_free_passphrase (char *passphrase)
{
  free_secret (passphrase);
}

/* One line from the terminal, without echo; NULL at end of input. */
static char *
ask (int         fd,
     const char *prompt)
{
  struct termios old, quiet;
  GString *line = g_string_new (NULL);
  gboolean echo_untouched = TRUE;
  char c;
  ssize_t n;

  /* echo off before the prompt shows, so nothing typed after it is echoed or discarded */
  if (tcgetattr (fd, &old) == 0)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) (ECHO | ECHONL);
      quiet.c_lflag |= ICANON;
      echo_untouched = tcsetattr (fd, TCSAFLUSH, &quiet) != 0;
    }
  if (write (fd, prompt, strlen (prompt)) < 0)
    {
      if (!echo_untouched)
        tcsetattr (fd, TCSAFLUSH, &old);
      g_string_free (line, TRUE);
      return NULL;
    }

  while ((n = read (fd, &c, 1)) == 1 || (n < 0 && errno == EINTR))
    {
      if (n < 0)
        continue;
      if (c == '\n')
        break;
      g_string_append_c (line, c);
    }
  if (!echo_untouched)
    tcsetattr (fd, TCSAFLUSH, &old);
  if (write (fd, "\n", 1) < 0)
    {
      /* the newline only tidies the terminal */
    }
  if (n <= 0 && line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;   /* end of input */
    }
  return g_string_free (line, FALSE);
}

char *
_ipt_cli_read_passphrase (const char *path,
                          gboolean    confirm)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  char *secret;
  int fd;

  if (path != NULL)
    {
      gsize length = 0;
      char *end;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          cli_error (_("%s: cannot read the passphrase: %s"), path, error->message);
          return NULL;
        }
      end = memchr (contents, '\n', length);
      secret = g_strndup (contents, end != NULL ? (gsize) (end - contents) : length);
      memset (contents, 0, length);
      g_free (contents);
      if (secret[0] != '\0' && secret[strlen (secret) - 1] == '\r')
        secret[strlen (secret) - 1] = '\0';
      if (secret[0] == '\0')
        {
          free_secret (secret);
          cli_error (_("%s: the first line holds no passphrase"), path);
          return NULL;
        }
      return secret;
    }

  fd = open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      cli_error (_("no terminal to ask for the passphrase on: give --passphrase-file FILE"));
      return NULL;
    }
  secret = ask (fd, _("Passphrase: "));
  if (secret != NULL && confirm)
    {
      g_autoptr(char) again = ask (fd, _("The same passphrase again: "));

      if (again == NULL || strcmp (again, secret) != 0)
        {
          free_secret (secret);
          close (fd);
          cli_error (_("the two passphrases differ; nothing was written"));
          return NULL;
        }
    }
  close (fd);
  if (secret == NULL || secret[0] == '\0')
    {
      free_secret (secret);
      cli_error (_("no passphrase given; nothing was written"));
      return NULL;
    }
  return secret;
}

/* --include-text: the free text of each case it names goes out with that case only. Every code
 * must be one of the cases exported (those of --cases, or every active client with a course). */
static gboolean
build_shares (IptStore           *store,
              const char * const *codes,
              const char         *include_text,
              GHashTable        **shares)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) included = NULL;
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(GString) named = g_string_new (NULL);
  g_autofree char *note = NULL;

  *shares = NULL;
  if (include_text == NULL)
    return TRUE;

  included = ipt_deidentify_parse_codes (include_text, &error);
  if (included == NULL)
    {
      cli_error ("--include-text: %s", error->message);
      return FALSE;
    }

  chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; included[i] != NULL; i++)
    {
      g_autoptr(IptClient) client = ipt_store_find_client (store, included[i], &error);
      g_autoptr(IptEpisode) episode = NULL;
      const char *code;
      gboolean exported = FALSE;

      if (client == NULL)
        {
          if (error != NULL)
            cli_error ("%s", error->message);
          else
            cli_error (_("No client with case code “%s” in the casebook"), included[i]);
          return FALSE;
        }
      code = ipt_client_get_code (client);
      if (codes != NULL)
        {
          for (guint j = 0; codes[j] != NULL && !exported; j++)
            exported = g_ascii_strcasecmp (codes[j], code) == 0;
        }
      else
        {
          episode = ipt_store_get_current_episode (store, ipt_client_get_id (client), &error);
          if (error != NULL)
            {
              cli_error ("%s", error->message);
              return FALSE;
            }
          exported = episode != NULL && !ipt_client_get_archived (client);
        }
      if (!exported)
        {
          /* TRANSLATORS: %s is a case code such as C-0042 */
          cli_error (_("--include-text names %s, which is not among the cases exported"), code);
          return FALSE;
        }
      if (g_hash_table_insert (chosen, g_strdup (code),
                               GUINT_TO_POINTER (IPT_REVIEW_SHARE_ALL)))
        g_string_append_printf (named, "%s%s", named->len > 0 ? ", " : "", code);
    }

  /* Not an error: the practitioner asked for it, and is told what it means. */
  /* TRANSLATORS: %s lists case codes ("C-0001, C-0003"); a warning follows */
  note = g_strdup_printf (_("Free text included for %s."), named->str);
  g_printerr ("%s: %s %s\n", PROGRAM, note, ipt_deidentify_free_text_warning ());
  *shares = g_steal_pointer (&chosen);
  return TRUE;
}

static int
export_review (IptStore                    *store,
               const char * const          *codes,
               const IptCliSupervisionArgs *args)
{
  g_autoptr(GHashTable) shares = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(char) passphrase = NULL;
  guint n_cases = 0;

  if (g_strcmp0 (args->output, "-") == 0)
    {
      cli_error (_("--export-review writes a file: give its name, not -"));
      return 1;
    }
  if (!build_shares (store, codes, args->include_text, &shares))
    return 1;
  passphrase = _ipt_cli_read_passphrase (args->passphrase_file, TRUE);
  if (passphrase == NULL)
    return 1;
  if (!ipt_review_export (store, codes, shares, passphrase, args->output, &n_cases, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote a review file of %u case to %s\n",
                        "Wrote a review file of %u cases to %s\n", n_cases),
           n_cases, args->output);
  return 0;
}

static int
merge_review (IptStore                    *store,
              const IptCliSupervisionArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(char) passphrase = NULL;
  IptSupervisionMerge summary = { 0, };

  if (!g_file_test (args->review, G_FILE_TEST_IS_REGULAR))
    {
      if (g_file_test (args->review, G_FILE_TEST_EXISTS))
        cli_error (_("%s: a folder, a device or a pipe, not a review file"), args->review);
      else
        cli_error (_("%s: no such file"), args->review);
      return 1;
    }
  passphrase = _ipt_cli_read_passphrase (args->passphrase_file, FALSE);
  if (passphrase == NULL)
    return 1;
  if (!ipt_review_merge (store, args->review, passphrase, &summary, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  {
    g_autofree char *comments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment",
                                                              "%u comments", summary.n_comments),
                                                 summary.n_comments);
    g_autofree char *reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session review",
                                                             "%u session reviews",
                                                             summary.n_reviews),
                                                summary.n_reviews);
    g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u log entry",
                                                             "%u log entries", summary.n_entries),
                                                summary.n_entries);

    /* TRANSLATORS: "Merged 2 comments, 1 session review and 1 log entry (3 already merged)" */
    g_print (_("Merged %s, %s and %s (%u already merged)\n"), comments, reviews, entries,
             summary.n_unchanged);
  }
  return 0;
}

static int
supervision_pack (IptStore                    *store,
                  const char * const          *codes,
                  const IptCliSupervisionArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) shares = NULL;
  guint n_cases = 0;

  if (!build_shares (store, codes, args->include_text, &shares))
    return 1;
  if (!ipt_supervision_pack_export (store, codes, shares, args->output, &n_cases, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote a supervision pack of %u case to %s\n",
                        "Wrote a supervision pack of %u cases to %s\n", n_cases),
           n_cases, args->output);
  return 0;
}

int
_ipt_cli_run_supervision (IptStore                    *store,
                          IptCliSupervisionCommand     command,
                          const IptCliSupervisionArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (IPT_IS_STORE (store), 1);

  if (args->cases != NULL)
    {
      codes = ipt_deidentify_parse_codes (args->cases, &error);
      if (codes == NULL)
        {
          cli_error ("%s", error->message);
          return 1;
        }
    }

  switch (command)
    {
    case IPT_CLI_SUPERVISION_PACK:
      return supervision_pack (store, (const char * const *) codes, args);
    case IPT_CLI_EXPORT_REVIEW:
      return export_review (store, (const char * const *) codes, args);
    case IPT_CLI_MERGE_REVIEW:
      return merge_review (store, args);
    default:
      g_return_val_if_reached (1);
    }
}
