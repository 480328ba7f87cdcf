/* The fixture and helpers shared by the window tests: tests/test-window.c and tests/test-dialogs.c. */
#pragma once

#ifdef IPT_TEST_SANITIZED
#include <dlfcn.h>
#endif

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ipt-client-dialog.h"
#include "ipt-gui-private.h"
#include "ipt-renderer.h"
#include "ipt-course-dialog.h"
#include "ipt-session-editor.h"
#include "ipt-store.h"
#include "ipt-window-private.h"

static char *tmpdir;
static GtkApplication *app;

typedef struct
{
  char      *path;
  IptStore  *store;
  IptWindow *window;
} Fixture;

/* Runs the main loop until nothing is pending (frames, idles, resizes). */
static inline void
spin (void)
{
  for (guint round = 0; round < 3; round++)
    {
      guint n = 0;

      while (g_main_context_iteration (NULL, FALSE) && n < 10000)
        n++;
      g_usleep (2000);
    }
}

/* With IPT_UI_SNAPSHOT_DIR set, windows are written there as PNGs to look at. */
static inline void
snapshot (gpointer    window,
          const char *name)
{
  const char *dir = g_getenv ("IPT_UI_SNAPSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until;

  if (dir == NULL)
    return;
  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  path = g_strdup_printf ("%s/%s.png", dir, name);
  if (!_ipt_widget_save_png (GTK_WIDGET (window), path, &error))
    g_test_message ("%s: %s", path, error->message);
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;

  fixture->path = g_strdup_printf ("%s/casebook-%u.sqlite", tmpdir, counter++);
  fixture->store = ipt_store_open (fixture->path, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  fixture->window = ipt_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_ref (fixture->window);
  if (fixture->window->dialog != NULL)
    gtk_window_destroy (fixture->window->dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_free (fixture->path);
}

static inline gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static inline void
set_text (gpointer    widget,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
}

/* Adds a client through the New Client dialog; returns their id. */
static inline gint64
add_client (Fixture    *fixture,
            const char *code,
            const char *given,
            const char *family)
{
  IptClientDialog *dialog;
  g_autoptr(IptClient) client = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL);
  spin ();
  g_assert_true (IPT_IS_CLIENT_DIALOG (fixture->window->dialog));
  dialog = IPT_CLIENT_DIALOG (fixture->window->dialog);

  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "code_entry", code);
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "given_entry", given);
  set_text (dialog, IPT_TYPE_CLIENT_DIALOG, "family_entry", family);
  g_assert_true (ipt_client_dialog_get_can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "client.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);

  client = ipt_store_find_client (fixture->store, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (client);
  return ipt_client_get_id (client);
}

static inline void
start_course (Fixture *fixture,
              guint    planned)
{
  IptCourseDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  g_assert_true (IPT_IS_COURSE_DIALOG (fixture->window->dialog));
  dialog = IPT_COURSE_DIALOG (fixture->window->dialog);

  gtk_spin_button_set_value (child (dialog, IPT_TYPE_COURSE_DIALOG, "planned_spin"), planned);
  ipt_course_dialog_set_focus (dialog, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_true (ipt_course_dialog_get_can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "course.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
}

static inline IptSessionEditor *
open_new_session (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-session", NULL);
  spin ();
  g_assert_true (IPT_IS_SESSION_EDITOR (fixture->window->dialog));
  return IPT_SESSION_EDITOR (fixture->window->dialog);
}

/* The first descendant of root of this type, depth first. */
static inline GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* TRUE when the client page's tabs all fit the width they are given: none is
 * scrolled out of sight or clipped. */
static inline gboolean
client_tabs_fit (IptWindow *window)
{
  GtkWidget *switcher = find_descendant (GTK_WIDGET (window->client_page), GTK_TYPE_STACK_SWITCHER);
  GtkWidget *scrolled;
  int natural;

  g_assert_nonnull (switcher);
  scrolled = gtk_widget_get_ancestor (switcher, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  gtk_widget_measure (switcher, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (natural > gtk_widget_get_width (scrolled))
    {
      g_printerr ("the client page's tabs need %d pixels and have %d\n", natural,
                  gtk_widget_get_width (scrolled));
      return FALSE;
    }
  return TRUE;
}

static const int phq9_answers[9] = { 2, 2, 2, 2, 2, 2, 2, 2, 1 };

static inline void
record_phq9_session (Fixture *fixture)
{
  IptSessionEditor *editor = open_new_session (fixture);

  for (guint i = 0; i < 9; i++)
    ipt_session_editor_set_item (editor, "phq9", i, phq9_answers[i]);
  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
}

/* Start of a window test program: a private data folder and settings, then GTK. FALSE when
 * there is no display (the program then reports a skip and exits 77). */
static inline gboolean
ui_test_init (int        *argc,
              char     ***argv,
              const char *tmp_template)
{
  tmpdir = g_dir_make_tmp (tmp_template, NULL);
  g_assert_nonnull (tmpdir);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  app = gtk_application_new ("org.iptcasebook.IptCasebook.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  return TRUE;
}

#include "test-sanitized.h"

/* End of a window test program: runs the tests and removes the data folder. */
static inline int
ui_test_run (void)
{
  const char *rm[] = { "rm", "-rf", tmpdir, NULL };
  int status = g_test_run ();


  g_object_unref (app);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (tmpdir);
  return status;
}
