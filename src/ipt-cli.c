/* The command line: every option, and the headless commands, which never open a display. */
#define G_LOG_DOMAIN "ipt-cli"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipt-cli.h"
#include "ipt-case-report.h"
#include "ipt-cli-supervision.h"
#include "ipt-chart-export.h"
#include "ipt-csv-export.h"
#include "ipt-demo.h"
#include "ipt-import.h"
#include "ipt-store.h"

#define PROGRAM "ipt-casebook"

typedef IptCliOptions CliOptions;

void
ipt_cli_add_options (GApplication *app)
{
  const struct {
    const char *name;
    GOptionArg  arg;
    const char *description;
    const char *arg_description;
  } options[] = {
    { "database", G_OPTION_ARG_FILENAME,
      N_("Use this casebook instead of the default one"), N_("FILE") },
    { "demo", G_OPTION_ARG_NONE,
      N_("Open a generated demo caseload (never the real casebook)"), NULL },
    { "review", G_OPTION_ARG_FILENAME,
      N_("Open a review file as a supervisor"), N_("FILE") },
    { "client", G_OPTION_ARG_STRING,
      N_("Open on the page of the client with this case code"), N_("CODE") },
    { "dashboard", G_OPTION_ARG_NONE,
      N_("Open on the caseload dashboard"), NULL },
    { "import-csv", G_OPTION_ARG_FILENAME,
      N_("Import scores from a CSV file (client_code,[course,]session,date,measure,total,items)"),
      N_("FILE") },
    { "replace", G_OPTION_ARG_NONE,
      N_("With --import-csv: let rows change scores and session dates already recorded"), NULL },
    { "export-csv", G_OPTION_ARG_FILENAME,
      N_("Export the scores as CSV to a file, or to standard output with -"), N_("OUT|-") },
    { "export-outcomes", G_OPTION_ARG_FILENAME,
      N_("Export the outcome of every course as CSV to a file, or to standard output with -"),
      N_("OUT|-") },
    { "export-chart", G_OPTION_ARG_STRING,
      N_("Export the mood chart of a client to --output (PNG, SVG or PDF)"), N_("CODE") },
    { "export-report", G_OPTION_ARG_STRING,
      N_("Export the case report of a client to --output (PDF)"), N_("CODE") },
    { "include-name", G_OPTION_ARG_NONE,
      N_("With --export-report: show the client's name (the case code only by default)"), NULL },
    { "output", G_OPTION_ARG_FILENAME,
      N_("The file written by --export-chart, --export-report, --supervision-pack or "
         "--export-review"), N_("FILE") },
    { "supervision-pack", G_OPTION_ARG_NONE,
      N_("Export a de-identified supervision pack (PDF) to --output"), NULL },
    { "export-review", G_OPTION_ARG_NONE,
      N_("Export a de-identified review file for a supervisor to --output"), NULL },
    { "cases", G_OPTION_ARG_STRING,
      N_("With --supervision-pack or --export-review: only these clients"), N_("CODE,…") },
    { "include-text", G_OPTION_ARG_STRING,
      N_("With --supervision-pack or --export-review: include the free text (formulation, "
         "session notes, goals, life-event titles, inventory notes) of these cases, which may "
         "name people"), N_("CODE,…") },
    { "merge-review", G_OPTION_ARG_FILENAME,
      N_("Bring a supervisor's comments from a review file into the casebook"), N_("FILE") },
    { "passphrase-file", G_OPTION_ARG_FILENAME,
      N_("With --export-review, --merge-review or --review: read the passphrase from the first "
         "line of this file instead of asking for it"), N_("FILE") },
    { "screenshot", G_OPTION_ARG_FILENAME,
      N_("Open the window, write its first full frame as PNG, and exit"), N_("FILE") },
    { "make-demo", G_OPTION_ARG_FILENAME,
      N_("Write a synthetic demo caseload to a new file"), N_("FILE") },
    /* a string, parsed here: GApplication leaves an int option of 0 out of the options */
    { "clients", G_OPTION_ARG_STRING,
      N_("With --make-demo: how many clients (default 40)"), N_("N") },
    /* what a file manager or the desktop file's %f gives: opened as --review FILE is */
    { G_OPTION_REMAINING, G_OPTION_ARG_FILENAME_ARRAY,
      N_("A review file to open as a supervisor, as with --review"), N_("[FILE.iptreview]") },
  };
  guint i;

  g_return_if_fail (G_IS_APPLICATION (app));

  for (i = 0; i < G_N_ELEMENTS (options); i++)
    g_application_add_main_option (app, options[i].name, 0, G_OPTION_FLAG_NONE, options[i].arg,
                                   _(options[i].description),
                                   options[i].arg_description != NULL
                                   ? _(options[i].arg_description) : NULL);
}

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

/* File options come as bytestrings, text options as strings, flags as booleans. */
static const char *
option_text (GVariantDict *options,
             const char   *name)
{
  g_autoptr(GVariant) value = NULL;

  /* The dictionary keeps its own reference: the text stays valid as long as it does. */
  value = g_variant_dict_lookup_value (options, name, NULL);
  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    return g_variant_get_bytestring (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_get_string (value, NULL);
  return NULL;
}

static gboolean
option_given (GVariantDict *options,
              const char   *name)
{
  g_autoptr(GVariant) value = NULL;

  value = g_variant_dict_lookup_value (options, name, NULL);
  if (value == NULL)
    return FALSE;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_get_boolean (value);
  return TRUE;
}

/* The names ipt_cli_read_options () reads the options by. */
#define lookup_filename option_text
#define lookup_string option_text
#define lookup_flag option_given

void
ipt_cli_read_options (GVariantDict  *dict,
                      IptCliOptions *o)
{
  g_return_if_fail (dict != NULL);
  g_return_if_fail (o != NULL);

  memset (o, 0, sizeof *o);
  o->database = lookup_filename (dict, "database");
  o->demo = lookup_flag (dict, "demo");
  o->review = lookup_filename (dict, "review");
  {
    g_autoptr(GVariant) files = g_variant_dict_lookup_value (dict, G_OPTION_REMAINING,
                                                             G_VARIANT_TYPE_BYTESTRING_ARRAY);

    if (files != NULL)
      {
        /* the strings live in the dictionary's own value */
        g_autofree const char **paths = g_variant_get_bytestring_array (files, NULL);

        o->n_files = paths != NULL ? g_strv_length ((char **) paths) : 0;
        o->file = o->n_files > 0 ? paths[0] : NULL;
      }
  }
  o->client = lookup_string (dict, "client");
  o->dashboard = lookup_flag (dict, "dashboard");
  o->import_csv = lookup_filename (dict, "import-csv");
  o->replace = lookup_flag (dict, "replace");
  o->export_csv = lookup_filename (dict, "export-csv");
  o->export_outcomes = lookup_filename (dict, "export-outcomes");
  o->export_chart = lookup_string (dict, "export-chart");
  o->export_report = lookup_string (dict, "export-report");
  o->include_name = lookup_flag (dict, "include-name");
  o->output = lookup_filename (dict, "output");
  o->supervision_pack = lookup_flag (dict, "supervision-pack");
  o->export_review = lookup_flag (dict, "export-review");
  o->cases = lookup_string (dict, "cases");
  o->include_text = lookup_string (dict, "include-text");
  o->merge_review = lookup_filename (dict, "merge-review");
  o->passphrase_file = lookup_filename (dict, "passphrase-file");
  o->screenshot = lookup_filename (dict, "screenshot");
  o->make_demo = lookup_filename (dict, "make-demo");
  o->clients = lookup_string (dict, "clients");
}

/* The number of demo clients, or 0 when the text is not a number from 1 to the maximum. */
static guint
parse_clients (const char *text)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, IPT_DEMO_CLIENTS_MAX, &value, NULL))
    return 0;
  return (guint) value;
}

/* The headless command given, if any; problems with the combination are printed and counted. */
static const char *
check_options (const CliOptions *o,
               guint            *n_problems)
{
  const char *commands[9];
  const char *window[6];
  guint n_commands = 0, n_window = 0;
  gboolean takes_output;
  const char *command;

  if (o->import_csv != NULL)
    commands[n_commands++] = "--import-csv";
  if (o->export_csv != NULL)
    commands[n_commands++] = "--export-csv";
  if (o->export_outcomes != NULL)
    commands[n_commands++] = "--export-outcomes";
  if (o->export_chart != NULL)
    commands[n_commands++] = "--export-chart";
  if (o->export_report != NULL)
    commands[n_commands++] = "--export-report";
  if (o->supervision_pack)
    commands[n_commands++] = "--supervision-pack";
  if (o->export_review)
    commands[n_commands++] = "--export-review";
  if (o->merge_review != NULL)
    commands[n_commands++] = "--merge-review";
  if (o->make_demo != NULL)
    commands[n_commands++] = "--make-demo";

  if (o->demo)
    window[n_window++] = "--demo";
  if (o->review != NULL)
    window[n_window++] = "--review";
  if (o->file != NULL && o->review == NULL)
    window[n_window++] = o->file;
  if (o->client != NULL)
    window[n_window++] = "--client";
  if (o->dashboard)
    window[n_window++] = "--dashboard";
  if (o->screenshot != NULL)
    window[n_window++] = "--screenshot";

  command = n_commands > 0 ? commands[0] : NULL;

  if (n_commands > 1)
    {
      cli_error (_("%s and %s cannot be combined: give one command at a time"),
                 commands[0], commands[1]);
      (*n_problems)++;
    }
  if (n_commands > 0 && n_window > 0)
    {
      cli_error (_("%s opens the window and cannot be combined with %s"), window[0], command);
      (*n_problems)++;
    }

  if (o->n_files > 1)
    {
      cli_error (_("give one review file to open, not %u"), o->n_files);
      (*n_problems)++;
    }
  else if (o->file != NULL && o->review != NULL)
    {
      cli_error (_("give the review file once: %s or --review %s"), o->file, o->review);
      (*n_problems)++;
    }

  if (o->replace && o->import_csv == NULL)
    {
      cli_error (_("--replace only applies to --import-csv"));
      (*n_problems)++;
    }
  if (o->include_name && o->export_report == NULL)
    {
      cli_error (_("--include-name only applies to --export-report"));
      (*n_problems)++;
    }

  takes_output = o->export_chart != NULL || o->export_report != NULL ||
                 o->supervision_pack || o->export_review;
  if (o->output != NULL && !takes_output)
    {
      cli_error (_("--output goes with --export-chart, --export-report, --supervision-pack "
                   "or --export-review (--export-csv and --export-outcomes take the file "
                   "name themselves)"));
      (*n_problems)++;
    }
  if (takes_output && o->output == NULL && n_commands == 1)
    {
      cli_error (_("%s needs --output FILE"), command);
      (*n_problems)++;
    }

  if (o->cases != NULL && !o->supervision_pack && !o->export_review)
    {
      cli_error (_("--cases only applies to --supervision-pack and --export-review"));
      (*n_problems)++;
    }

  if (o->include_text != NULL && !o->supervision_pack && !o->export_review)
    {
      cli_error (_("--include-text only applies to --supervision-pack and --export-review"));
      (*n_problems)++;
    }

  if (o->passphrase_file != NULL && !o->export_review && o->merge_review == NULL
      && o->review == NULL && o->file == NULL)
    {
      cli_error (_("--passphrase-file only applies to --export-review, --merge-review and "
                   "--review"));
      (*n_problems)++;
    }

  if (o->clients != NULL && o->make_demo == NULL)
    {
      cli_error (_("--clients only applies to --make-demo"));
      (*n_problems)++;
    }
  else if (o->clients != NULL && parse_clients (o->clients) == 0)
    {
      cli_error (_("--clients must be a whole number from 1 to %d, not “%s”"),
                 IPT_DEMO_CLIENTS_MAX, o->clients);
      (*n_problems)++;
    }

  if (o->make_demo != NULL && o->database != NULL)
    {
      cli_error (_("--make-demo writes a new file of its own: --database does not apply"));
      (*n_problems)++;
    }

  /* an empty file name (--import-csv "") */
  {
    const struct { const char *name; const char *value; } files[] = {
      { "--database", o->database },
      { "--import-csv", o->import_csv },
      { "--export-csv", o->export_csv },
      { "--export-outcomes", o->export_outcomes },
      { "--output", o->output },
      { "--make-demo", o->make_demo },
      { "--merge-review", o->merge_review },
      { "--passphrase-file", o->passphrase_file },
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS (files); i++)
      {
        if (files[i].value != NULL && files[i].value[0] == '\0')
          {
            cli_error (_("%s needs a file name"), files[i].name);
            (*n_problems)++;
          }
      }
  }

  return command;
}

/* Is `path` the casebook itself (the same file under another name)? */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Opens the casebook named by --database, or the default one (created on first use). Exports
 * open an existing casebook read-only; only the default one is created when missing. */
static IptStore *
open_store (const CliOptions *o,
            gboolean          for_writing)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = o->database;
  IptStoreOpenFlags flags;
  IptStore *store;

  if (path == NULL)
    {
      default_path = ipt_store_default_path ();
      path = default_path;
    }

  if (for_writing)
    {
      /* the daily backup belongs to the default casebook; another file would take its name */
      flags = default_path != NULL ? IPT_STORE_OPEN_DEFAULT : IPT_STORE_OPEN_NO_BACKUP;
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (default_path == NULL)
        {
          cli_error (_("%s: no such casebook"), path);
          return NULL;
        }
      flags = IPT_STORE_OPEN_NO_BACKUP;
    }
  else
    {
      flags = IPT_STORE_OPEN_READ_ONLY;
    }

  store = ipt_store_open (path, flags, &error);
  if (store == NULL)
    {
      cli_error ("%s", error->message);
      return NULL;
    }
  return store;
}

static char *
import_summary (const IptImportSummary *s)
{
  GString *out = g_string_new (NULL);
  guint n_imported = s->n_scores_new + s->n_scores_replaced;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Imported %u score",
                                            "Imported %u scores", n_imported), n_imported);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " for %u client",
                                            " for %u clients", s->n_clients), s->n_clients);

  if (s->n_clients_new > 0)
    g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new client",
                                                            "%u new clients", s->n_clients_new),
                                               s->n_clients_new));
  if (s->n_episodes_new > s->n_clients_new)
    g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new course",
                                                            "%u new courses",
                                                            s->n_episodes_new - s->n_clients_new),
                                               s->n_episodes_new - s->n_clients_new));
  if (s->n_sessions_new > 0)
    g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new session",
                                                            "%u new sessions", s->n_sessions_new),
                                               s->n_sessions_new));
  if (s->n_scores_replaced > 0)
    g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u score replaced",
                                                            "%u scores replaced",
                                                            s->n_scores_replaced),
                                               s->n_scores_replaced));
  if (s->n_sessions_redated > 0)
    g_ptr_array_add (details, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u session date changed",
                                                            "%u session dates changed",
                                                            s->n_sessions_redated),
                                               s->n_sessions_redated));
  if (details->len > 0)
    {
      guint i;

      g_string_append (out, " (");
      for (i = 0; i < details->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          g_string_append (out, g_ptr_array_index (details, i));
        }
      g_string_append_c (out, ')');
    }
  /* TRANSLATORS: how many rows of the file were already in the casebook as they are */
  g_string_append_printf (out, ngettext ("; %u unchanged", "; %u unchanged", s->n_unchanged),
                          s->n_unchanged);
  return g_string_free (out, FALSE);
}

/* Puts back the empty file an import was refused into: no bytes, its mode and its times. */
static void
restore_empty_file (const char     *path,
                    const GStatBuf *before)
{
  struct timespec times[2];
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return;
  fchmod (fd, before->st_mode & 07777);
  times[0] = before->st_atim;
  times[1] = before->st_mtim;
  futimens (fd, times);
  close (fd);
}

static int
run_import_csv (const CliOptions *o)
{
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  IptImportSummary summary = { 0, };
  g_autofree char *line = NULL;
  g_autofree char *db_path = NULL;
  gboolean existed, was_empty;
  GStatBuf before;
  guint i;

  if (!g_file_test (o->import_csv, G_FILE_TEST_IS_REGULAR))
    {
      cli_error (_("%s: no such file"), o->import_csv);
      return 1;
    }

  /* SQLite builds and frees a small temporary table for each row it checks against a list of
   * values; glibc would hand that memory back to the system and ask for it again every time
   * (several times slower on a large file). This process ends after the import. */
#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt (M_TOP_PAD, 16 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 16 * 1024 * 1024);
#endif

  if (o->database != NULL)
    db_path = g_strdup (o->database);
  else
    db_path = ipt_store_default_path ();
  /* A zero-length file becomes a new casebook for the import: a refusal puts it back as it was,
   * empty, with its mode and times. */
  existed = g_stat (db_path, &before) == 0;
  was_empty = existed && S_ISREG (before.st_mode) && before.st_size == 0;

  store = open_store (o, TRUE);
  if (store == NULL)
    return 1;

  if (!ipt_import_scores_csv (store, o->import_csv,
                              o->replace ? IPT_IMPORT_REPLACE : IPT_IMPORT_DEFAULT,
                              &summary, problems, &error))
    {
      for (i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      cli_error ("%s", error->message);

      /* a casebook this command created for the import leaves with it */
      if (!existed || was_empty)
        {
          g_autofree char *path = g_strdup (ipt_store_get_path (store));
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          ipt_store_close (store);
          g_remove (wal);
          g_remove (shm);
          if (!existed)
            g_remove (path);
          else
            restore_empty_file (path, &before);
        }
      return 1;
    }

  line = import_summary (&summary);
  g_print ("%s\n", line);
  return 0;
}

typedef gboolean (*CsvExportFunc) (IptStore *store, GString *out, GError **error);

static int
run_csv_export (const CliOptions *o,
                const char       *output,
                CsvExportFunc     func)
{
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (o, FALSE);
  if (store == NULL)
    return 1;

  if (strcmp (output, "-") != 0 && same_file (output, ipt_store_get_path (store)))
    {
      cli_error (_("%s is the casebook itself: choose another file to export to"), output);
      return 1;
    }

  out = g_string_sized_new (64 * 1024);
  if (!func (store, out, &error) ||
      !ipt_export_write_output (output, out->str, out->len, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  return 0;
}

static int
run_make_demo (const CliOptions *o)
{
  g_autoptr(GError) error = NULL;
  guint n_clients = o->clients != NULL ? parse_clients (o->clients) : IPT_DEMO_CLIENTS_DEFAULT;

  if (!ipt_demo_generate (o->make_demo, n_clients, IPT_DEMO_SEED_DEFAULT, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote a demo caseload of %u client to %s\n",
                        "Wrote a demo caseload of %u clients to %s\n", n_clients),
           n_clients, o->make_demo);
  return 0;
}

static int
run_export_chart (const CliOptions *o)
{
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (o, FALSE);
  if (store == NULL)
    return 1;

  if (same_file (o->output, ipt_store_get_path (store)))
    {
      cli_error (_("%s is the casebook itself: choose another file to export to"), o->output);
      return 1;
    }

  if (!ipt_chart_export (store, o->export_chart, o->output, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  return 0;
}

static int
run_export_report (const CliOptions *o)
{
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (o, FALSE);
  if (store == NULL)
    return 1;

  if (same_file (o->output, ipt_store_get_path (store)))
    {
      cli_error (_("%s is the casebook itself: choose another file to export to"), o->output);
      return 1;
    }

  if (!ipt_case_report_export (store, o->export_report, o->output, o->include_name, &error))
    {
      cli_error ("%s", error->message);
      return 1;
    }
  return 0;
}

static int
run_supervision (const CliOptions         *o,
                 IptCliSupervisionCommand  command)
{
  g_autoptr(IptStore) store = NULL;
  IptCliSupervisionArgs args = {
    o->output, o->cases, o->include_text, o->merge_review, o->passphrase_file,
  };
  gboolean merge = command == IPT_CLI_MERGE_REVIEW;

  /* a merge writes into an existing casebook only: nothing is created for it */
  if (merge)
    {
      g_autofree char *default_path = o->database == NULL ? ipt_store_default_path () : NULL;
      const char *path = o->database != NULL ? o->database : default_path;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          cli_error (_("%s: no such casebook"), path);
          return 1;
        }
    }
  store = open_store (o, merge);
  if (store == NULL)
    return 1;
  if (o->output != NULL && same_file (o->output, ipt_store_get_path (store)))
    {
      cli_error (_("%s is the casebook itself: choose another file to export to"), o->output);
      return 1;
    }
  return _ipt_cli_run_supervision (store, command, &args);
}

int
ipt_cli_handle_local_options (const IptCliOptions *options)
{
  IptCliOptions o;
  const char *command;
  guint n_problems = 0;

  g_return_val_if_fail (options != NULL, 1);

  o = *options;
  command = check_options (&o, &n_problems);
  if (n_problems > 0)
    return 1;
  if (command == NULL)
    return -1;   /* the window's options */

  /* One headless command. The exporters of src/export/ that land later take their place here. */
  if (o.import_csv != NULL)
    return run_import_csv (&o);
  if (o.export_csv != NULL)
    return run_csv_export (&o, o.export_csv, ipt_csv_export_scores);
  if (o.export_outcomes != NULL)
    return run_csv_export (&o, o.export_outcomes, ipt_csv_export_outcomes);
  if (o.make_demo != NULL)
    return run_make_demo (&o);
  if (o.export_chart != NULL)
    return run_export_chart (&o);
  if (o.export_report != NULL)
    return run_export_report (&o);
  if (o.supervision_pack)
    return run_supervision (&o, IPT_CLI_SUPERVISION_PACK);
  if (o.export_review)
    return run_supervision (&o, IPT_CLI_EXPORT_REVIEW);
  if (o.merge_review != NULL)
    return run_supervision (&o, IPT_CLI_MERGE_REVIEW);

  g_assert_not_reached ();
  return 1;
}
