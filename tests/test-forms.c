/* Window tests of IptFormWindow, the base of the forms: a form of the tests' own, as the forms
 * to come will be, and the client, course and session forms deriving from it. */
#include "config.h"

#include "test-window-common.h"

#include "ipt-form-window.h"

/* The smallest form: one entry. */
#define TEST_TYPE_FORM (test_form_get_type ())
G_DECLARE_FINAL_TYPE (TestForm, test_form, TEST, FORM, IptFormWindow)

struct _TestForm
{
  IptFormWindow parent_instance;
  GtkWidget    *entry;
};

G_DEFINE_FINAL_TYPE (TestForm, test_form, IPT_TYPE_FORM_WINDOW)

static char *
test_form_get_state (IptFormWindow *form)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (TEST_FORM (form)->entry)));
}

static const char *
test_form_get_discard_question (IptFormWindow *form)
{
  return "Discard this test?";
}

static void
on_entry_changed (GtkEditable *editable,
                  TestForm    *self)
{
  ipt_form_window_changed (IPT_FORM_WINDOW (self));
}

static void
test_form_class_init (TestFormClass *klass)
{
  IPT_FORM_WINDOW_CLASS (klass)->get_state = test_form_get_state;
  IPT_FORM_WINDOW_CLASS (klass)->get_discard_question = test_form_get_discard_question;
}

static void
test_form_init (TestForm *self)
{
  self->entry = gtk_entry_new ();
  gtk_window_set_child (GTK_WINDOW (self), self->entry);
  g_signal_connect (self->entry, "changed", G_CALLBACK (on_entry_changed), self);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
on_saved (IptFormWindow *form,
          gint64         id,
          gint64        *saved_id)
{
  *saved_id = id;
}

static void
test_form_base (void)
{
  TestForm *form = g_object_new (TEST_TYPE_FORM, NULL);
  GtkWindow *question;
  guint notified = 0;
  gint64 saved_id = 0;

  g_object_ref_sink (form);
  g_object_ref (form);
  gtk_editable_set_text (GTK_EDITABLE (form->entry), "loaded");
  ipt_form_window_set_loaded (IPT_FORM_WINDOW (form));
  g_signal_connect (form, "notify::modified", G_CALLBACK (on_notify), &notified);
  g_signal_connect (form, "saved", G_CALLBACK (on_saved), &saved_id);
  gtk_window_present (GTK_WINDOW (form));
  spin ();
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (form)));

  /* Typing makes it modified, once; typing back what was loaded does not count. */
  gtk_editable_set_text (GTK_EDITABLE (form->entry), "typed");
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (form)));
  gtk_editable_set_text (GTK_EDITABLE (form->entry), "typed more");
  g_assert_cmpuint (notified, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (form->entry), "loaded");
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (form)));
  g_assert_cmpuint (notified, ==, 2);

  /* Closing with input asks, with the form's question; Keep Editing keeps it. */
  gtk_editable_set_text (GTK_EDITABLE (form->entry), "typed");
  gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL);
  spin ();
  question = _ipt_get_discard_question (GTK_WINDOW (form));
  g_assert_nonnull (question);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (question));
  {
    g_autofree char *text = NULL;

    g_object_get (question, "text", &text, NULL);
    g_assert_cmpstr (text, ==, "Discard this test?");
  }
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (_ipt_get_discard_question (GTK_WINDOW (form)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));

  /* Saved: the id goes out and the form closes without asking. */
  ipt_form_window_saved (IPT_FORM_WINDOW (form), 42);
  spin ();
  g_assert_cmpint (saved_id, ==, 42);
  g_assert_null (_ipt_get_discard_question (GTK_WINDOW (form)));
  g_object_unref (form);
  g_assert_finalize_object (form);
}

static void
test_forms_derive (Fixture       *fixture,
                   gconstpointer  data)
{
  add_client (fixture, "C-0001", "Ada", "Byrne");

  /* The window's forms share the base: Escape, the question and "saved" come from it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-client", NULL);
  spin ();
  g_assert_true (IPT_IS_FORM_WINDOW (fixture->window->dialog));
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (fixture->window->dialog)));
  set_text (fixture->window->dialog, IPT_TYPE_CLIENT_DIALOG, "given_entry", "Adah");
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (fixture->window->dialog)));
  gtk_window_destroy (fixture->window->dialog);
  spin ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-course", NULL);
  spin ();
  g_assert_true (IPT_IS_FORM_WINDOW (fixture->window->dialog));
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (fixture->window->dialog)));
  gtk_window_destroy (fixture->window->dialog);
  spin ();

  start_course (fixture, 12);
  g_assert_true (IPT_IS_FORM_WINDOW (open_new_session (fixture)));
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (fixture->window->dialog)));
  ipt_session_editor_set_item (IPT_SESSION_EDITOR (fixture->window->dialog), "phq9", 0, 2);
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (fixture->window->dialog)));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-forms-XXXXXX"))
    return 77;

  g_test_add_func ("/ui/form/base", test_form_base);
  g_test_add ("/ui/form/derived", Fixture, NULL, fixture_set_up, test_forms_derive,
              fixture_tear_down);

  return ui_test_run ();
}
