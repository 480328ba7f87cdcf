/* The application: reads the command line, opens the store, shows the window. */
#define G_LOG_DOMAIN "ipt-app"

#include "config.h"

#include "ipt-application.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "ipt-cli.h"
#include "ipt-cli-supervision.h"
#include "ipt-resources.h"
#include "ipt-store.h"
#include "ipt-demo.h"
#include "ipt-review-file.h"
#include "ipt-tasks.h"
#include "gui/ipt-window.h"
#include "gui/ipt-preferences.h"
#include "gui/ipt-preferences-window.h"
#include "gui/ipt-renderer.h"
#include "gui/ipt-review-mode.h"
#include "gui/ipt-review-window.h"

struct _IptApplication
{
  GtkApplication parent_instance;

  IptStore      *store;          /* opened in handle-local-options, handed to the first window */
  char          *client_code;    /* --client */
  char          *screenshot;     /* --screenshot */
  char          *review_path;    /* --review */
  IptReview     *review;         /* --review with --passphrase-file: opened before any window */
  guint          review_ticks;   /* frames of the review window before its screenshot */
  gboolean       dashboard;      /* --dashboard */
  gboolean       back_up;        /* the casebook's daily backup, once its window is shown */
  IptJob        *demo_job;       /* Open Demo Caseload making the demo, NULL: not */
  IptJob        *daily_job;      /* the casebook's daily backup */
  int            exit_status;
};

G_DEFINE_FINAL_TYPE (IptApplication, ipt_application, GTK_TYPE_APPLICATION)

void
ipt_application_ensure_schemas (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *compiled = NULL;
  const char *env = g_getenv ("GSETTINGS_SCHEMA_DIR");
  const char * const *system_dirs = g_get_system_data_dirs ();

  /* The default source is cached on first use, so look the schema up in a source of our own
   * built from the same directories GLib would search. */
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, g_build_filename (system_dirs[i], "glib-2.0", "schemas", NULL));
  g_ptr_array_add (dirs, g_build_filename (g_get_user_data_dir (), "glib-2.0", "schemas", NULL));
  if (env != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
    }

  for (guint i = 0; i < dirs->len; i++)
    {
      GSettingsSchemaSource *next;

      next = g_settings_schema_source_new_from_directory (g_ptr_array_index (dirs, i),
                                                          source, FALSE, NULL);
      if (next != NULL)
        {
          g_clear_pointer (&source, g_settings_schema_source_unref);
          source = next;
        }
    }

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    return;

  compiled = g_build_filename (BUILD_DATADIR, "gschemas.compiled", NULL);
  if (!g_file_test (compiled, G_FILE_TEST_EXISTS))
    return;

  if (env != NULL && *env != '\0')
    {
      g_autofree char *value = g_strconcat (BUILD_DATADIR, G_SEARCHPATH_SEPARATOR_S, env, NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", value, TRUE);
    }
  else
    {
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_DATADIR, TRUE);
    }
}

static gboolean
make_demo_dir (const char *path,
               GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The demo caseload at start-up (--demo) is made here, before any window, when it is not there
 * yet: a window needs its casebook to exist (it reads the caseload as it is made), and making
 * the demo takes about a tenth of a second. Open Demo Caseload from a window makes it in a
 * worker thread instead, with progress (below). */
static IptStore *
open_demo_store (GError **error)
{
  g_autofree char *path = ipt_store_demo_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!make_demo_dir (path, error)
          || !ipt_demo_generate (path, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT, error))
        return NULL;
    }

  /* The demo is synthetic: no backups of it among the casebook's. */
  return ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, error);
}

/* The daily backup is not made here: the window makes it in a worker thread once it is shown
 * (ipt_window_back_up_daily ()), so that nothing stands between start-up and the casebook. */
static IptStore *
open_store (const char *database,
            GError    **error)
{
  g_autofree char *path = NULL;

  path = database != NULL ? g_strdup (database) : ipt_store_default_path ();
  return ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, error);
}

static int
ipt_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  IptApplication *self = IPT_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  IptCliOptions o;
  const char *review;
  int status;

  /* The options are read once, here, for the headless commands and the window alike. */
  ipt_cli_read_options (options, &o);
  status = ipt_cli_handle_local_options (&o);
  if (status >= 0)
    return status;

  /* A review file, by --review or named alone (a file manager, the desktop file's %f). */
  review = o.review != NULL ? o.review : o.file;
  if (review != NULL)
    {
      g_autoptr(GError) header_error = NULL;

      /* Review mode needs no casebook: the passphrase is asked in the window. */
      if (o.database != NULL || o.demo)
        {
          g_printerr ("ipt-casebook: %s\n",
                      _("--review opens a review file, without a casebook: leave out "
                        "--database and --demo"));
          return 1;
        }
      if (!g_file_test (review, G_FILE_TEST_IS_REGULAR))
        {
          /* TRANSLATORS: %s is the path of a review file */
          g_autofree char *message = g_strdup_printf (_("No review file at %s"), review);
          g_printerr ("ipt-casebook: %s\n", message);
          return 1;
        }
      /* Anything else (a casebook, a document) is named now, before a passphrase is asked. */
      if (!ipt_review_file_check_header (review, &header_error))
        {
          g_printerr ("ipt-casebook: %s\n", header_error->message);
          return 1;
        }
      /* With --passphrase-file the file is opened now, like the headless commands do: a wrong
       * passphrase ends the program with one line, before any window. */
      if (o.passphrase_file != NULL)
        {
          g_autoptr(GError) open_error = NULL;
          char *passphrase;

          passphrase = _ipt_cli_read_passphrase (o.passphrase_file, FALSE);
          if (passphrase == NULL)
            return 1;
          self->review = ipt_review_open (review, passphrase, &open_error);
          _ipt_cli_free_passphrase (passphrase);
          if (self->review == NULL)
            {
              g_printerr ("ipt-casebook: %s\n", open_error->message);
              return 1;
            }
        }
      self->review_path = g_strdup (review);
      self->screenshot = g_strdup (o.screenshot);
      return -1;
    }

  if (o.demo && o.database != NULL)
    {
      g_printerr ("ipt-casebook: %s\n", _("--demo and --database cannot be used together"));
      return 1;
    }

  self->client_code = g_strdup (o.client);
  self->screenshot = g_strdup (o.screenshot);
  self->dashboard = o.dashboard;
  /* The demo is synthetic: it gets no daily backup. */
  self->back_up = !o.demo;

  /* The store is opened here, before any display: a file that cannot be opened ends the
   * program with its one line and nothing written. */
  if (o.demo)
    self->store = open_demo_store (&error);
  else
    self->store = open_store (o.database, &error);

  if (self->store == NULL)
    {
      g_printerr ("ipt-casebook: %s\n", error->message);
      return 1;
    }

  if (self->client_code != NULL)
    {
      g_autoptr(IptClient) client = ipt_store_find_client (self->store, self->client_code, &error);

      if (client == NULL)
        {
          if (error != NULL)
            g_printerr ("ipt-casebook: %s\n", error->message);
          else
            {
              /* TRANSLATORS: %s is a case code such as C-0042 */
              g_autofree char *message = g_strdup_printf (_("No client with the code %s"),
                                                          self->client_code);
              g_printerr ("ipt-casebook: %s\n", message);
            }
          g_clear_object (&self->store);
          return 1;
        }
    }

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close each window so that it saves its size and state; a window whose form has unsaved
   * input stays open, asking, and the application with it. With every window closed the
   * application ends by itself, once the work still under way (a backup, a file written) is
   * done: g_application_quit () would end it under that work. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  IptPreferencesWindow *prefs = ipt_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);

  gtk_show_about_dialog (parent,
                         "program-name", _("IPT Casebook"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Case records, questionnaires and mood charts for "
                                       "Interpersonal Psychotherapy"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         "modal", TRUE,
                         NULL);
}

/* Open Demo Caseload: the demo opens in a window of its own; when it must be made first, that
 * runs in a worker thread while every window shows its progress and stays responsive. */

static void
report_demo_error (GtkApplication *app,
                   const GError   *error)
{
  GtkWindow *parent = gtk_application_get_active_window (app);

  if (IPT_IS_WINDOW (parent))
    ipt_window_show_error (IPT_WINDOW (parent), _("The demo caseload could not be opened"), error);
  else
    g_printerr ("ipt-casebook: %s\n", error->message);
}

static void
open_demo_window (GtkApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = open_demo_store (&error);

  if (store == NULL)
    report_demo_error (app, error);
  else
    gtk_window_present (GTK_WINDOW (ipt_window_new (app, store)));
}

static void
on_demo_generated (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IptApplication) self = user_data;
  GtkApplication *app = GTK_APPLICATION (self);
  g_autoptr(IptJob) job = g_steal_pointer (&self->demo_job);
  g_autoptr(GError) error = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), "open-demo");
  gboolean made = ipt_demo_generate_finish (result, &error);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);
  /* Its own row goes from every window, whatever else they are busy with; the application is
   * held until the demo's window is open. */
  if (made)
    open_demo_window (app);
  else
    report_demo_error (app, error);
  ipt_job_finish (job);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  IptApplication *self = IPT_APPLICATION (user_data);
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autofree char *path = ipt_store_demo_path ();
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_demo_window (app);
      return;
    }

  if (!make_demo_dir (path, &error))
    {
      report_demo_error (app, error);
      return;
    }

  /* Once at a time; the application lives on until the demo is made, windows closed or not. */
  g_simple_action_set_enabled (action, FALSE);
  self->demo_job = ipt_job_new (G_APPLICATION (app), _("Making the demo caseload…"));
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (IPT_IS_WINDOW (l->data))
      ipt_window_add_job (IPT_WINDOW (l->data), self->demo_job);
  ipt_demo_generate_async (path, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT, NULL,
                           ipt_job_progress_func, g_object_ref (self->demo_job), g_object_unref,
                           on_demo_generated, g_object_ref (self));
}

static void
open_review_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  ipt_review_mode_choose_file (app, gtk_application_get_active_window (app));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "open-demo", open_demo_action },
  { "open-review", open_review_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
ipt_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (ipt_application_parent_class)->startup (app);

  ipt_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
}

/* The frame written, the program ends, but never under the work it started (the daily
 * backup): g_application_quit () would end it whatever holds the application. */
static void
quit_when_done (IptApplication *self)
{
  if (self->daily_job != NULL && !ipt_job_get_finished (self->daily_job))
    g_signal_connect_object (self->daily_job, "finished", G_CALLBACK (g_application_quit), self,
                             G_CONNECT_SWAPPED);
  else
    g_application_quit (G_APPLICATION (self));
}

static gboolean
quit_when_done_idle (gpointer user_data)
{
  quit_when_done (IPT_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_screenshot_ready (IptWindow *window,
                     gpointer   user_data)
{
  IptApplication *self = IPT_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (!ipt_window_save_screenshot (window, self->screenshot, &error))
    {
      g_printerr ("ipt-casebook: %s\n", error->message);
      self->exit_status = 1;
    }
  /* The backup starts after this handler, in the same emission. */
  g_idle_add_full (G_PRIORITY_DEFAULT, quit_when_done_idle,
                   g_object_ref (self), g_object_unref);
}

static void
on_first_frame_back_up (IptWindow *window,
                        gpointer   user_data)
{
  IptApplication *self = IPT_APPLICATION (user_data);

  g_clear_object (&self->daily_job);
  self->daily_job = ipt_window_back_up_daily (window);
}

/* --review with --screenshot: once the passphrase opened the file, the review window's first
 * frame is written and the program ends. */
static gboolean
on_review_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  IptApplication *self = IPT_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  /* The first tick comes before the first frame is painted. A window opened at once (with
   * --passphrase-file) may tick a few times before it has painted anything: try again for up
   * to a second of frames. */
  if (self->review_ticks++ == 0 || !gtk_widget_get_mapped (widget))
    return G_SOURCE_CONTINUE;
  if (!ipt_review_window_save_screenshot (IPT_REVIEW_WINDOW (widget), self->screenshot, &error))
    {
      if (self->review_ticks < 60)
        return G_SOURCE_CONTINUE;
      g_printerr ("ipt-casebook: %s\n", error->message);
      self->exit_status = 1;
    }
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  IptApplication *self = IPT_APPLICATION (app);

  if (IPT_IS_REVIEW_WINDOW (window) && self->screenshot != NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (window), on_review_tick, self, NULL);
}

static void
ipt_application_activate (GApplication *app)
{
  IptApplication *self = IPT_APPLICATION (app);
  g_autoptr(IptStore) store = g_steal_pointer (&self->store);
  IptWindow *window;

  if (self->review_path != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->review_path);

      g_autoptr(IptReview) review = g_steal_pointer (&self->review);

      if (self->screenshot != NULL)
        g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
      if (review != NULL)
        gtk_window_present (GTK_WINDOW (ipt_review_window_new (GTK_APPLICATION (app), review)));
      else
        ipt_review_mode_open (GTK_APPLICATION (app), NULL, path);
      return;
    }

  /* A second activation (none with NON_UNIQUE, but be safe) raises the window. */
  if (store == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
      if (active != NULL)
        gtk_window_present (active);
      return;
    }

  window = ipt_window_new (GTK_APPLICATION (app), store);

  if (self->client_code != NULL)
    ipt_window_show_client (window, self->client_code);
  /* With --client too, the dashboard shows first and leaving it shows that client. */
  if (self->dashboard)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL);

  /* The screenshot first: the frame is written before the backup shows in it. */
  if (self->screenshot != NULL)
    g_signal_connect_object (window, "first-frame", G_CALLBACK (on_screenshot_ready), self, 0);
  if (self->back_up)
    g_signal_connect_object (window, "first-frame", G_CALLBACK (on_first_frame_back_up), self,
                             0);

  gtk_window_present (GTK_WINDOW (window));
}

static void
ipt_application_finalize (GObject *object)
{
  IptApplication *self = IPT_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->client_code, g_free);
  g_clear_pointer (&self->screenshot, g_free);
  g_clear_pointer (&self->review_path, g_free);
  g_clear_object (&self->review);
  g_clear_object (&self->demo_job);
  g_clear_object (&self->daily_job);

  G_OBJECT_CLASS (ipt_application_parent_class)->finalize (object);
}

static void
ipt_application_class_init (IptApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resources live in a static library: referring to them links them in (they register
   * themselves when loaded). */
  g_assert (ipt_get_resource () != NULL);

  object_class->finalize = ipt_application_finalize;
  app_class->handle_local_options = ipt_application_handle_local_options;
  app_class->startup = ipt_application_startup;
  app_class->activate = ipt_application_activate;
}

static void
ipt_application_init (IptApplication *self)
{
  ipt_cli_add_options (G_APPLICATION (self));
}

IptApplication *
ipt_application_new (void)
{
  /* NON_UNIQUE: each process works on the database it was given (--database, --demo), and
   * --screenshot must render its own window and exit; a unique instance would hand the
   * command line to whichever process came first, with another casebook open. */
  return g_object_new (IPT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

int
ipt_application_get_exit_status (IptApplication *self)
{
  g_return_val_if_fail (IPT_IS_APPLICATION (self), 1);

  return self->exit_status;
}
