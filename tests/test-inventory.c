/* The Inventory tab used as a practitioner would: people added through the person form, moved
 * on the closeness circle by a drag and by the keyboard, named for assistive technologies with
 * their ring, deleted while the focus is about them, and the case-level notes. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ipt-circle-view.h"
#include "ipt-client-page.h"
#include "ipt-closeness-circle.h"
#include "ipt-inventory-notes-form.h"
#include "ipt-inventory-view.h"
#include "ipt-person-form.h"
#include "ipt-store-casework.h"

#include "test-window-common.h"

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
      if ((found = find_of_type (w, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The Inventory tab of the client page, shown. */
static IptInventoryView *
inventory_view (Fixture *fixture)
{
  IptInventoryView *view;

  view = IPT_INVENTORY_VIEW (find_of_type (GTK_WIDGET (fixture->window->client_page),
                                           IPT_TYPE_INVENTORY_VIEW));
  g_assert_nonnull (view);

  ipt_client_page_show_tab (fixture->window->client_page, "inventory");
  spin ();
  return view;
}

static IptPerson *
stored_person (Fixture    *fixture,
               gint64      client_id,
               const char *name)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = ipt_store_list_people (fixture->store, client_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (ipt_person_get_name (g_ptr_array_index (people, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (people, i));
  return NULL;
}

static guint
count_people (Fixture *fixture,
              gint64   client_id)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = ipt_store_list_people (fixture->store, client_id, &error);
  g_assert_no_error (error);
  return people->len;
}

/* Adds a person through the form, as typed. */
static void
add_person (IptInventoryView *view,
            const char       *name,
            const char       *relationship,
            const char       *arguments)
{
  IptPersonForm *form;

  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.add-person", NULL);
  spin ();
  form = IPT_PERSON_FORM (ipt_inventory_view_get_form (view));
  g_assert_nonnull (form);
  ipt_person_form_set_text (form, "name", name);
  ipt_person_form_set_text (form, "relationship", relationship);
  if (arguments != NULL)
    ipt_person_form_set_text (form, "arguments", arguments);
  g_assert_true (ipt_person_form_get_can_save (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "person.save", NULL);
  spin ();
  g_assert_null (ipt_inventory_view_get_form (view));
}

/* A point of the circle widget on ring, along the line right of the centre. */
static void
point_on_ring (IptCircleView *circle,
               guint          ring,
               double        *x,
               double        *y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (circle));
  double height = gtk_widget_get_height (GTK_WIDGET (circle));

  g_assert_cmpfloat (width, >, 0);
  for (double px = width / 2; px < width; px += 1)
    if (ipt_closeness_circle_ring_at (width, height, px, height / 2) == ring)
      {
        /* the middle of the band, not its edge */
        double end = px;

        while (end < width && ipt_closeness_circle_ring_at (width, height, end, height / 2) == ring)
          end += 1;
        *x = (px + end) / 2;
        *y = height / 2;
        return;
      }
  g_assert_not_reached ();
}

static void
test_people_and_circle (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0100", "Rowan", "Ashby");
  IptInventoryView *view;
  IptCircleView *circle;
  g_autoptr(IptPerson) jamie = NULL;
  g_autoptr(IptPerson) mum = NULL;
  g_autoptr(IptPerson) moved = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  IptPersonForm *form;
  GtkListBox *list;
  GtkWidget *first_marker;
  GtkListBoxRow *jamie_row;
  GtkListBoxRow *mum_row;
  double x, y;

  start_course (fixture, 16);
  view = inventory_view (fixture);
  circle = ipt_inventory_view_get_circle (view);
  g_assert_cmpuint (ipt_inventory_view_get_people (view)->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (view)));

  /* A long text in several scripts is kept whole. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (long_text, "Streit über Geld — 争吵 — شجار; ");
  add_person (view, "Jamie", "Partner", long_text->str);
  add_person (view, "Mum", "Mother", NULL);
  jamie = stored_person (fixture, client_id, "Jamie");
  mum = stored_person (fixture, client_id, "Mum");
  g_assert_nonnull (jamie);
  g_assert_nonnull (mum);
  g_assert_cmpstr (ipt_person_get_text (jamie, IPT_PERSON_ARGUMENTS), ==, long_text->str);
  g_assert_cmpuint (ipt_person_get_ring (jamie), ==, 1);

  /* The view followed the store: both people are on the circle, each named with their ring. */
  g_assert_cmpuint (ipt_inventory_view_get_people (view)->len, ==, 2);
  g_assert_cmpstr (ipt_circle_view_get_person_label (circle, ipt_person_get_id (jamie)), ==,
                   "Jamie, Partner: ring 1 (closest)");
  g_assert_cmpstr (ipt_circle_view_get_person_label (circle, ipt_person_get_id (mum)), ==,
                   "Mum, Mother: ring 1 (closest)");

  /* A name is required: the form says so and does not save. */
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.add-person", NULL);
  spin ();
  form = IPT_PERSON_FORM (ipt_inventory_view_get_form (view));
  ipt_person_form_set_text (form, "name", "   ");
  g_assert_false (ipt_person_form_get_can_save (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "person.save", NULL);
  spin ();
  g_assert_cmpuint (count_people (fixture, client_id), ==, 2);
  ipt_person_form_set_text (form, "name", "");
  gtk_window_destroy (GTK_WINDOW (form));
  spin ();

  /* Dragging Mum onto ring 3 moves her there; the tab follows by changing only what changed:
   * the circle keeps its markers, the list Jamie's row. */
  list = GTK_LIST_BOX (find_of_type (GTK_WIDGET (view), GTK_TYPE_LIST_BOX));
  first_marker = gtk_widget_get_first_child (GTK_WIDGET (circle));
  jamie_row = gtk_list_box_get_row_at_index (list, 0);
  mum_row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_true (g_object_get_data (G_OBJECT (jamie_row), "ipt-person") != NULL);
  point_on_ring (circle, 3, &x, &y);
  gtk_widget_activate_action (GTK_WIDGET (circle), "circle.drop", "(xdd)",
                              ipt_person_get_id (mum), x, y);
  spin ();
  moved = stored_person (fixture, client_id, "Mum");
  g_assert_cmpuint (ipt_person_get_ring (moved), ==, 3);
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (circle)) == first_marker);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == jamie_row);
  g_assert_true (gtk_list_box_get_row_at_index (list, 1) != mum_row);
  g_assert_cmpuint (ipt_person_get_ring (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 1)),
                                                            "ipt-person")), ==, 3);
  g_assert_cmpint (ipt_circle_view_get_selected_id (circle), ==, ipt_person_get_id (mum));
  g_assert_cmpstr (ipt_circle_view_get_person_label (circle, ipt_person_get_id (mum)), ==,
                   "Mum, Mother: ring 3 (least close)");
  g_clear_object (&moved);

  snapshot (fixture->window, "inventory");

  /* Dropped on the client at the centre: nothing moves. */
  gtk_widget_activate_action (GTK_WIDGET (circle), "circle.drop", "(xdd)",
                              ipt_person_get_id (mum),
                              gtk_widget_get_width (GTK_WIDGET (circle)) / 2.0,
                              gtk_widget_get_height (GTK_WIDGET (circle)) / 2.0);
  spin ();
  moved = stored_person (fixture, client_id, "Mum");
  g_assert_cmpuint (ipt_person_get_ring (moved), ==, 3);
  g_clear_object (&moved);

  /* The keyboard: select Jamie, then 2. */
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.select-person", "x",
                              ipt_person_get_id (jamie));
  g_assert_cmpint (ipt_circle_view_get_selected_id (circle), ==, ipt_person_get_id (jamie));
  gtk_widget_activate_action (GTK_WIDGET (circle), "circle.move-selected", "u", 2);
  spin ();
  moved = stored_person (fixture, client_id, "Jamie");
  g_assert_cmpuint (ipt_person_get_ring (moved), ==, 2);
  g_assert_cmpstr (ipt_person_get_text (moved, IPT_PERSON_ARGUMENTS), ==, long_text->str);
  g_assert_cmpstr (ipt_circle_view_get_person_label (circle, ipt_person_get_id (jamie)), ==,
                   "Jamie, Partner: ring 2");
  g_assert_cmpstr (ipt_inventory_view_get_move_error (view), ==, "");
  g_clear_object (&moved);

  /* From the list of people too: the keys 1, 2 and 3 of the tab move the one selected, and
   * a single click only selects (it leaves the editor closed). */
  g_assert_false (gtk_list_box_get_activate_on_single_click (
    child (view, IPT_TYPE_INVENTORY_VIEW, "people_list")));
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.move-selected", "u", 1);
  spin ();
  moved = stored_person (fixture, client_id, "Jamie");
  g_assert_cmpuint (ipt_person_get_ring (moved), ==, 1);
  g_clear_object (&moved);
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.move-selected", "u", 2);
  spin ();

  /* A ring outside 1 to 3 is refused beside the circle, and nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (circle), "circle.move-selected", "u", 4);
  spin ();
  moved = stored_person (fixture, client_id, "Jamie");
  g_assert_cmpuint (ipt_person_get_ring (moved), ==, 2);
  g_assert_cmpstr (ipt_inventory_view_get_move_error (view), !=, "");
  g_clear_object (&moved);
}

static void
test_focus_person_deleted (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0101", "Sam", "Lee");
  IptInventoryView *view;
  IptCircleView *circle;
  g_autoptr(IptPerson) jamie = NULL;
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(IptFocusFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *question;
  const char *label;

  start_course (fixture, 16);
  view = inventory_view (fixture);
  circle = ipt_inventory_view_get_circle (view);
  add_person (view, "Jamie", "Partner", NULL);
  jamie = stored_person (fixture, client_id, "Jamie");

  /* The course's dispute is with Jamie: the circle marks them. */
  episode = ipt_store_get_current_episode (fixture->store, client_id, &error);
  g_assert_no_error (error);
  fields = ipt_store_get_focus_fields (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  ipt_focus_fields_set_person_id (fields, ipt_person_get_id (jamie));
  g_assert_true (ipt_store_save_focus_fields (fixture->store, fields, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&fields);
  spin ();
  label = ipt_circle_view_get_person_label (circle, ipt_person_get_id (jamie));
  g_assert_nonnull (strstr (label, "the focus of the course"));

  /* Deleting asks first; Cancel keeps the person. */
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.select-person", "x",
                              ipt_person_get_id (jamie));
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.delete-person", NULL);
  spin ();
  question = ipt_inventory_view_get_question (view);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (ipt_inventory_view_get_question (view));
  g_assert_cmpuint (count_people (fixture, client_id), ==, 1);

  /* Delete: the question names what links to the person; the focus keeps its place and asks
   * for a person. */
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.delete-person", NULL);
  spin ();
  question = ipt_inventory_view_get_question (view);
  g_assert_nonnull (question);
  {
    g_autofree char *secondary = NULL;

    g_object_get (question, "secondary-text", &secondary, NULL);
    g_assert_nonnull (strstr (secondary, "Jamie is the focus person of course 1."));
  }
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpuint (count_people (fixture, client_id), ==, 0);
  g_assert_cmpuint (ipt_inventory_view_get_people (view)->len, ==, 0);
  fields = ipt_store_get_focus_fields (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_focus_fields_get_focus (fields), ==, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_cmpint (ipt_focus_fields_get_person_id (fields), ==, 0);
  g_assert_nonnull (ipt_focus_fields_get_missing (fields));
  g_assert_true (gtk_widget_get_visible (child (view, IPT_TYPE_INVENTORY_VIEW, "focus_label")));
  g_assert_cmpstr (gtk_label_get_label (child (view, IPT_TYPE_INVENTORY_VIEW, "focus_label")), ==,
                   ipt_focus_fields_get_missing (fields));

  /* Undo brings Jamie back, with their id, as the course's focus again; the views follow. */
  g_assert_true (gtk_widget_get_visible (fixture->window->toast_undo_button));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (count_people (fixture, client_id), ==, 1);
  g_assert_cmpuint (ipt_inventory_view_get_people (view)->len, ==, 1);
  g_assert_cmpint (ipt_person_get_id (g_ptr_array_index (ipt_inventory_view_get_people (view), 0)), ==,
                   ipt_person_get_id (jamie));
  g_clear_object (&fields);
  fields = ipt_store_get_focus_fields (fixture->store, ipt_episode_get_id (episode), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipt_focus_fields_get_person_id (fields), ==, ipt_person_get_id (jamie));
  label = ipt_circle_view_get_person_label (circle, ipt_person_get_id (jamie));
  g_assert_nonnull (strstr (label, "the focus of the course"));
}

/* Every field of a person goes through the form and back: opened again, the form holds what was
 * saved, and unsaved input is asked about before it is thrown away. */
static void
test_person_form_fields (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0103", "Kim", "Park");
  IptInventoryView *view;
  IptPersonForm *form;
  g_autoptr(IptPerson) jamie = NULL;
  g_autoptr(IptPerson) saved = NULL;
  static const char * const texts[] = {
    "contact", "talk-about", "cannot-talk-about", "satisfying", "unsatisfying", "arguments",
    "changes-wanted",
  };

  /* the page shows its tabs once the client has a course */
  start_course (fixture, 16);
  view = inventory_view (fixture);
  add_person (view, "Jamie", "Partner", NULL);
  jamie = stored_person (fixture, client_id, "Jamie");

  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.select-person", "x",
                              ipt_person_get_id (jamie));
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.edit-person", NULL);
  spin ();
  form = IPT_PERSON_FORM (ipt_inventory_view_get_form (view));
  g_assert_nonnull (form);
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (form)));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s: line one\nline two — ünïcødé %u", texts[i], i);

      ipt_person_form_set_text (form, texts[i], text);
    }
  gtk_check_button_set_active (child (form, IPT_TYPE_PERSON_FORM, "ring3_button"), TRUE);
  gtk_drop_down_set_selected (child (form, IPT_TYPE_PERSON_FORM, "ideal_dropdown"), 1);
  gtk_drop_down_set_selected (child (form, IPT_TYPE_PERSON_FORM, "resolve_dropdown"),
                              IPT_ARGUMENTS_RESOLVE_RARELY);
  gtk_check_button_set_active (child (form, IPT_TYPE_PERSON_FORM, "knows_check"), TRUE);
  gtk_check_button_set_active (child (form, IPT_TYPE_PERSON_FORM, "supportive_check"), TRUE);
  gtk_check_button_set_active (child (form, IPT_TYPE_PERSON_FORM, "confidant_check"), TRUE);
  g_assert_true (ipt_form_window_get_modified (IPT_FORM_WINDOW (form)));
  snapshot (form, "person-form");
  gtk_widget_activate_action (GTK_WIDGET (form), "person.save", NULL);
  spin ();
  g_assert_null (ipt_inventory_view_get_form (view));

  saved = stored_person (fixture, client_id, "Jamie");
  g_assert_cmpint (ipt_person_get_id (saved), ==, ipt_person_get_id (jamie));
  g_assert_cmpuint (ipt_person_get_ring (saved), ==, 3);
  g_assert_cmpuint (ipt_person_get_ideal_ring (saved), ==, 1);
  g_assert_cmpint (ipt_person_get_arguments_resolve (saved), ==, IPT_ARGUMENTS_RESOLVE_RARELY);
  g_assert_true (ipt_person_get_knows_about_mood (saved));
  g_assert_true (ipt_person_get_supportive (saved));
  g_assert_true (ipt_person_get_confidant (saved));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s: line one\nline two — ünïcødé %u",
                                                   texts[i], i);
      g_autofree char *text = NULL;

      g_object_get (saved, texts[i], &text, NULL);
      g_assert_cmpstr (text, ==, expected);
    }
  /* The circle shows the ideal ring in the person's name. */
  g_assert_cmpstr (ipt_circle_view_get_person_label (ipt_inventory_view_get_circle (view),
                                                     ipt_person_get_id (jamie)),
                   ==, "Jamie, Partner: ring 3 (least close); ideal ring 1");

  /* Opened again, the form holds what was saved; a change is asked about on close. */
  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.edit-person", NULL);
  spin ();
  form = IPT_PERSON_FORM (ipt_inventory_view_get_form (view));
  g_assert_nonnull (form);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (form, IPT_TYPE_PERSON_FORM,
                                                       "ideal_dropdown")), ==, 1);
  g_assert_true (gtk_check_button_get_active (child (form, IPT_TYPE_PERSON_FORM, "ring3_button")));
  g_assert_false (ipt_form_window_get_modified (IPT_FORM_WINDOW (form)));
  ipt_person_form_set_text (form, "name", "Jamie R.");
  gtk_window_close (GTK_WINDOW (form));
  spin ();
  g_assert_nonnull (ipt_inventory_view_get_form (view));
  g_assert_nonnull (_ipt_get_discard_question (GTK_WINDOW (form)));
  gtk_window_destroy (GTK_WINDOW (form));
  spin ();
  g_clear_object (&saved);
  saved = stored_person (fixture, client_id, "Jamie");
  g_assert_nonnull (saved);
}

static void
test_case_level_notes (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 client_id = add_client (fixture, "C-0102", "Ana", "Ruiz");
  IptInventoryView *view;
  IptInventoryNotesForm *form;
  g_autoptr(IptInventoryNotes) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *onset = g_strnfill (50000, 'x');

  start_course (fixture, 16);
  view = inventory_view (fixture);
  g_assert_true (gtk_widget_get_visible (child (view, IPT_TYPE_INVENTORY_VIEW,
                                                "notes_empty_label")));

  gtk_widget_activate_action (GTK_WIDGET (view), "inventory.edit-notes", NULL);
  spin ();
  form = IPT_INVENTORY_NOTES_FORM (ipt_inventory_view_get_form (view));
  g_assert_nonnull (form);
  ipt_inventory_notes_form_set_text (form, IPT_INVENTORY_CONFIDING,
                                     "Confides in her sister only — 只有她的姐姐");
  ipt_inventory_notes_form_set_text (form, IPT_INVENTORY_ONSET_CHANGES, onset);
  gtk_widget_activate_action (GTK_WIDGET (form), "inventory-notes.save", NULL);
  spin ();
  g_assert_null (ipt_inventory_view_get_form (view));

  notes = ipt_store_get_inventory_notes (fixture->store, client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipt_inventory_notes_get_text (notes, IPT_INVENTORY_CONFIDING), ==,
                   "Confides in her sister only — 只有她的姐姐");
  g_assert_cmpstr (ipt_inventory_notes_get_text (notes, IPT_INVENTORY_ONSET_CHANGES), ==, onset);
  /* The tab follows: the notes are shown, the hint is gone. */
  g_assert_false (gtk_widget_get_visible (child (view, IPT_TYPE_INVENTORY_VIEW,
                                                 "notes_empty_label")));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-inventory-XXXXXX"))
    return 77;

  g_test_add ("/ui/inventory/people-and-circle", Fixture, NULL, fixture_set_up,
              test_people_and_circle, fixture_tear_down);
  g_test_add ("/ui/inventory/focus-person-deleted", Fixture, NULL, fixture_set_up,
              test_focus_person_deleted, fixture_tear_down);
  g_test_add ("/ui/inventory/person-form-fields", Fixture, NULL, fixture_set_up,
              test_person_form_fields, fixture_tear_down);
  g_test_add ("/ui/inventory/case-level-notes", Fixture, NULL, fixture_set_up,
              test_case_level_notes, fixture_tear_down);

  return ui_test_run ();
}
