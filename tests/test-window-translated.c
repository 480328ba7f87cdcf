/* The window in German or Spanish (--locale=de_DE.UTF-8 first on the command line): the caseload,
 * a client's page and the session editor, in the light and the dark style. No label is cut off,
 * no label shows an English message that the catalogue translates, and the session editor says
 * which version of PHQ-9 it shows. With IPT_UI_SNAPSHOT_DIR set, every state is written there as
 * a PNG to look at. */
#define G_LOG_DOMAIN "ipt-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ipt-client-page.h"
#include "ipt-preferences-window.h"
#include "test-window-common.h"

static const char *language;   /* "de", "es" */

/* Every label drawn in the widget's tree. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_is_drawable (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
}

static char *
describe (GtkWidget *label)
{
  return g_strdup_printf ("“%s” in %s", gtk_label_get_text (GTK_LABEL (label)),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (label)));
}

/* The wording of validated questionnaires that has no translation here: shown in English on
 * purpose. */
static gboolean
is_validated_english (const char *text)
{
  for (guint m = 0; m < ipt_measure_get_n_measures (); m++)
    {
      const IptMeasure *measure = ipt_measure_get_nth (m);

      if (!ipt_measure_has_validated_wording (measure) || ipt_measure_wording_is_translated (measure))
        continue;
      for (guint i = 0; i < measure->n_items; i++)
        {
          g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1,
                                                       ipt_measure_item_text (measure, i));

          if (g_str_equal (text, numbered))
            return TRUE;
        }
      for (int v = 0; ipt_measure_scale_label (measure, v) != NULL; v++)
        if (g_str_equal (text, ipt_measure_scale_label (measure, v)))
          return TRUE;
    }
  return FALSE;
}

/* Checks the labels of a window; returns how many were checked. */
static guint
check_window (gpointer    window,
              const char *state)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      const char *raw = gtk_label_get_label (GTK_LABEL (label));
      PangoRectangle extents;
      int natural, width;

      if (raw == NULL || *raw == '\0')
        continue;

      /* English left in the window: the catalogue has a translation for this very text */
      if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, raw), raw) != 0 && !is_validated_english (raw))
        {
          g_autofree char *what = describe (label);
          g_printerr ("%s, %s: %s is shown in English\n", language, state, what);
          g_test_fail ();
        }

      /* a date as files keep it, not as the locale writes it */
      if (g_regex_match_simple ("\\b[12][0-9]{3}-[01][0-9]-[0-3][0-9]\\b",
                                gtk_label_get_text (GTK_LABEL (label)), 0, 0))
        {
          g_autofree char *what = describe (label);
          g_printerr ("%s, %s: %s shows an ISO 8601 date\n", language, state, what);
          g_test_fail ();
        }

      /* cut off: a label that neither wraps nor ellipsizes gets less width than it needs */
      if (gtk_label_get_wrap (GTK_LABEL (label))
          || gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
        continue;
      pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &extents);
      natural = extents.width;
      width = gtk_widget_get_width (label);
      if (width + 1 < natural)
        {
          g_autofree char *what = describe (label);
          g_printerr ("%s, %s: %s is cut off (%d of %d pixels)\n", language, state, what, width,
                      natural);
          g_test_fail ();
        }
    }
  return labels->len;
}

static gboolean
shows_label (gpointer    window,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (labels, i))), text) == 0)
      return TRUE;
  return FALSE;
}

static void
set_dark (gboolean dark)
{
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
  spin ();
}

static void
check_and_snapshot (gpointer    window,
                    const char *state,
                    gboolean    dark)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%s", language, state, dark ? "dark" : "light");
  gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

  /* let transitions (the crossfade of the client page's tabs) end and sizes settle */
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  snapshot (window, name);
  g_assert_cmpuint (check_window (window, name), >, 3);
}

/* Opens a dialog of the window through its action, checks it and closes it. */
static void
check_dialog (IptWindow  *window,
              const char *action,
              const char *state,
              gboolean    dark)
{
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  spin ();
  g_assert_nonnull (window->dialog);
  check_and_snapshot (window->dialog, state, dark);
  gtk_window_destroy (window->dialog);
  spin ();
  g_assert_null (window->dialog);
}

/* Opens a demo caseload made by the command line. */
static IptStore *
open_demo (const char *path)
{
  const char *app_path = g_getenv ("IPT_CASEBOOK");
  const char *argv[] = { app_path, "--make-demo", path, "--clients", "12", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (app_path);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return ipt_store_open (path, IPT_STORE_OPEN_NO_BACKUP, &error);
}

static void
test_window (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "demo.sqlite", NULL);
  g_autoptr(IptStore) store = open_demo (path);
  g_autofree char *english_version = g_strdup_printf (_("%s, English version"), "PHQ-9");
  IptWindow *window;
  IptSessionEditor *editor;
  GtkWidget *prefs;

  g_assert_nonnull (store);
  g_assert_cmpstr (_("Sessions"), !=, "Sessions");

  for (guint d = 0; d < 2; d++)
    {
      gboolean dark = d == 1;

      set_dark (dark);
      window = ipt_window_new (app, store);
      gtk_window_present (GTK_WINDOW (window));
      spin ();
      check_and_snapshot (window, "caseload", dark);

      /* a finished course, then a running one with its sessions table */
      g_assert_true (ipt_window_show_client (window, "C-0001"));
      spin ();
      check_and_snapshot (window, "client-ended", dark);
      g_assert_true (ipt_window_show_client (window, "C-0004"));
      spin ();
      check_and_snapshot (window, "client", dark);
      /* at the window's default width, every tab shows whole (the Record Session button is
       * in the page's header, out of their way) */
      g_assert_true (client_tabs_fit (window));
      gtk_stack_set_visible_child_name (child (window->client_page, IPT_TYPE_CLIENT_PAGE,
                                               "tabs_stack"), "sessions");
      spin ();
      check_and_snapshot (window, "sessions", dark);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.record-session", NULL);
      spin ();
      g_assert_true (IPT_IS_SESSION_EDITOR (window->dialog));
      editor = IPT_SESSION_EDITOR (window->dialog);
      check_and_snapshot (editor, "session", dark);
      /* PHQ-9 has no validated translation here: the editor says which version it shows */
      g_assert_true (shows_label (editor, english_version));

      gtk_window_destroy (window->dialog);
      spin ();

      /* the dialogs of the client and of the course contract, and the preferences */
      check_dialog (window, "win.edit-client", "client-dialog", dark);
      check_dialog (window, "win.edit-course", "course-dialog", dark);
      check_dialog (window, "win.end-course", "ending-dialog", dark);
      check_dialog (window, "win.record-risk-review", "risk-review-dialog", dark);
      prefs = GTK_WIDGET (ipt_preferences_window_new (GTK_WINDOW (window)));
      gtk_window_present (GTK_WINDOW (prefs));
      spin ();
      check_and_snapshot (prefs, "preferences", dark);
      gtk_window_destroy (GTK_WINDOW (prefs));
      spin ();

      g_object_ref (window);
      gtk_window_destroy (GTK_WINDOW (window));
      spin ();
      g_assert_finalize_object (window);
    }
  set_dark (FALSE);
}

/* Dates in a German or Spanish window, as the locale writes them. */
typedef struct
{
  const char *start;     /* the course's start, 2026-01-05, typed the locale's short way */
  const char *start_shown;
  const char *date;      /* 2026-11-05 typed, then as it is shown */
  const char *shown;
  const char *impossible; /* 31 February */
  const char *format;    /* the format named in messages */
} LocaleDates;

static const LocaleDates german = { "5.1.26", "05.01.2026", "05.11.2026", "05.11.2026",
                                    "31.02.2026", "TT.MM.JJJJ" };
static const LocaleDates spanish = { "5/1/2026", "05/01/26", "5/11/26", "05/11/26",
                                     "31/02/26", "DD/MM/AA" };

/* Saves the open session editor, saying Save Anyway to a question about its date (a date
 * still to come when the clock is early). */
static void
save_session (IptWindow *window)
{
  IptSessionEditor *editor = IPT_SESSION_EDITOR (window->dialog);
  GtkWindow *question;

  gtk_widget_activate_action (GTK_WIDGET (editor), "session.save", NULL);
  spin ();
  question = window->dialog != NULL ? ipt_session_editor_get_date_question (editor) : NULL;
  if (question != NULL)
    {
      gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
      spin ();
    }
  g_assert_null (window->dialog);
}

/* The only session of the client's course, as stored. */
static IptSession *
stored_session (Fixture *fixture,
                gint64   client_id)
{
  g_autoptr(IptEpisode) episode = ipt_store_get_current_episode (fixture->store, client_id, NULL);
  g_autoptr(GPtrArray) sessions = NULL;

  g_assert_nonnull (episode);
  sessions = ipt_store_list_sessions (fixture->store, ipt_episode_get_id (episode), NULL);
  g_assert_nonnull (sessions);
  g_assert_cmpuint (sessions->len, ==, 1);
  return g_object_ref (g_ptr_array_index (sessions, 0));
}

/* Dates are typed and shown the way the locale writes them, ISO 8601 still taken, and the
 * store keeps ISO 8601 whatever was typed. */
static void
test_session_dates (Fixture       *fixture,
                    gconstpointer  data)
{
  const LocaleDates *dates = g_str_equal (language, "de") ? &german : &spanish;
  gint64 client_id = add_client (fixture, "D-0001", "Dora", "Datum");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptSession) session = NULL;
  IptCourseDialog *course;
  IptSessionEditor *editor;
  GtkEditable *date_entry;
  GtkLabel *date_error;

  /* the course, started on a day typed the locale's short way */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  course = IPT_COURSE_DIALOG (fixture->window->dialog);
  set_text (course, IPT_TYPE_COURSE_DIALOG, "start_entry", dates->start);
  ipt_course_dialog_set_focus (course, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_true (ipt_course_dialog_get_can_save (course));
  gtk_widget_activate_action (GTK_WIDGET (course), "course.save", NULL);
  spin ();
  g_assert_null (fixture->window->dialog);
  episode = ipt_store_get_current_episode (fixture->store, client_id, NULL);
  g_assert_cmpstr (ipt_episode_get_start_date (episode), ==, "2026-01-05");

  /* the first session suggests the course's start, shown the locale's way */
  editor = open_new_session (fixture);
  date_entry = child (editor, IPT_TYPE_SESSION_EDITOR, "date_entry");
  date_error = child (editor, IPT_TYPE_SESSION_EDITOR, "date_error");
  g_assert_cmpstr (gtk_editable_get_text (date_entry), ==, dates->start_shown);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (date_entry)), ==, dates->format);

  /* no such day: refused beside the field, in the format one can type */
  gtk_editable_set_text (date_entry, dates->impossible);
  g_assert_false (ipt_session_editor_get_can_save (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (date_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (date_error), dates->impossible));
  g_assert_nonnull (strstr (gtk_label_get_text (date_error), dates->format));
  check_and_snapshot (editor, "session-date-refused", FALSE);

  gtk_editable_set_text (date_entry, dates->date);
  g_assert_true (ipt_session_editor_get_can_save (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (date_error)));
  save_session (fixture->window);
  session = stored_session (fixture, client_id);
  g_assert_cmpstr (ipt_session_get_date (session), ==, "2026-11-05");

  /* opened again: shown the locale's way, and the same day typed otherwise is no change */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-session", "x",
                              ipt_session_get_id (session));
  spin ();
  editor = IPT_SESSION_EDITOR (fixture->window->dialog);
  date_entry = child (editor, IPT_TYPE_SESSION_EDITOR, "date_entry");
  g_assert_cmpstr (gtk_editable_get_text (date_entry), ==, dates->shown);
  check_and_snapshot (editor, "session-date", FALSE);
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (editor)));
  gtk_editable_set_text (date_entry, "2026-11-05");
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (editor)));

  /* ISO 8601 is still taken */
  gtk_editable_set_text (date_entry, " 2026-11-12 ");
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (editor)));
  g_assert_true (ipt_session_editor_get_can_save (editor));
  save_session (fixture->window);
  g_clear_object (&session);
  session = stored_session (fixture, client_id);
  g_assert_cmpstr (ipt_session_get_date (session), ==, "2026-11-12");
}

int
main (int   argc,
      char *argv[])
{
  const char *locale;

  /* --locale=LL_CC.UTF-8 comes first; the environment is set before GTK reads it */
  if (argc < 2 || !g_str_has_prefix (argv[1], "--locale="))
    {
      g_printerr ("usage: %s --locale=de_DE.UTF-8 [GTEST-OPTION...]\n", argv[0]);
      return 1;
    }
  locale = argv[1] + strlen ("--locale=");
  memmove (&argv[1], &argv[2], (size_t) (argc - 1) * sizeof (char *));
  argc--;

  g_setenv ("LC_ALL", locale, TRUE);
  g_setenv ("LANG", locale, TRUE);
  g_unsetenv ("LANGUAGE");
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("The locale %s is missing: run build-aux/setup.sh, which generates it", locale);
  language = g_strndup (locale, 2);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IPT_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!ui_test_init (&argc, &argv, "ipt-test-window-translated-XXXXXX"))
    return 77;

  g_test_add_func ("/ui/translated/window", test_window);
  g_test_add ("/ui/translated/session-dates", Fixture, NULL, fixture_set_up, test_session_dates,
              fixture_tear_down);

  return ui_test_run ();
}
