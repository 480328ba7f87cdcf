/* The Inventory tab of a client's page (see ipt-inventory-view.h). It reads the people, the
 * case-level notes and the focus people in its own load, and reads them again when the store
 * announces a change to the client; nobody tells it to. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-inventory-view-private.h"

#include <glib/gi18n.h>

#include "ipt-closeness-circle.h"
#include "ipt-gui-private.h"
#include "ipt-inventory-notes-form.h"
#include "ipt-person-form.h"
#include "ipt-store-casework.h"


G_DEFINE_FINAL_TYPE (IptInventoryView, ipt_inventory_view, GTK_TYPE_WIDGET)

/* The most of one field the tab shows; Edit opens all of it. */
#define DETAIL_MAX_CHARS 600

IptPerson *
_ipt_inventory_view_find_person (IptInventoryView *self,
                                 gint64            person_id)
{
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    if (ipt_person_get_id (g_ptr_array_index (self->people, i)) == person_id)
      return g_ptr_array_index (self->people, i);
  return NULL;
}

IptPerson *
_ipt_inventory_view_selected_person (IptInventoryView *self)
{
  return _ipt_inventory_view_find_person (self, ipt_circle_view_get_selected_id (self->circle));
}

GtkWindow *
_ipt_inventory_view_parent_window (IptInventoryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_move_error (IptInventoryView *self,
                const char       *message)
{
  g_free (self->move_error);
  self->move_error = g_strdup (message != NULL ? message : "");
  _ipt_show_field_error (self->move_error_label, NULL, message);
}

/* One row of a details grid: the field's name, then its text kept whole (wrapped, selectable). */
static void
add_detail (GtkGrid    *grid,
            int         row,
            const char *label,
            const char *value)
{
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *text;
  g_autofree char *shown = NULL;

  /* The tab shows the start of a very long text (the form holds it all): laying out pages
   * of text in a label would stall the window. */
  if (value != NULL && g_utf8_strlen (value, DETAIL_MAX_CHARS + 1) > DETAIL_MAX_CHARS)
    {
      g_autofree char *start = g_utf8_substring (value, 0, DETAIL_MAX_CHARS);

      shown = g_strconcat (start, "…", NULL);
      value = shown;
    }
  text = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  /* A long name (German, Spanish) wraps rather than squeezing the value into a narrow column. */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  -1);
  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static void
show_details (IptInventoryView *self)
{
  IptPerson *person = _ipt_inventory_view_selected_person (self);
  const char *relationship;
  g_autofree char *title = NULL;
  g_autofree char *ring = NULL;
  int row = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-person",
                                 person != NULL && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.delete-person",
                                 person != NULL && !self->read_only);
  clear_grid (self->details_grid);
  gtk_widget_set_visible (self->details_box, person != NULL);
  if (person == NULL)
    return;

  relationship = ipt_person_get_relationship (person);
  if (relationship != NULL && *relationship != '\0')
    /* TRANSLATORS: a person of the inventory and who they are to the client, "Jamie · Partner" */
    title = g_strdup_printf (_("%s · %s"), ipt_person_get_name (person), relationship);
  else
    title = g_strdup (ipt_person_get_name (person));
  gtk_label_set_label (self->details_title, title);

  ring = ipt_person_get_ideal_ring (person) != 0
    /* TRANSLATORS: the closeness ring of a person, then the ring the client would like */
    ? g_strdup_printf (_("Ring %u; ideal ring %u"), ipt_person_get_ring (person),
                       ipt_person_get_ideal_ring (person))
    : g_strdup_printf (_("Ring %u"), ipt_person_get_ring (person));
  add_detail (self->details_grid, row++, _("Closeness"), ring);
  add_detail (self->details_grid, row++, _("Time together"), ipt_person_get_contact (person));
  add_detail (self->details_grid, row++, _("Can talk about"),
              ipt_person_get_text (person, IPT_PERSON_TALK_ABOUT));
  add_detail (self->details_grid, row++, _("Cannot talk about"),
              ipt_person_get_text (person, IPT_PERSON_CANNOT_TALK_ABOUT));
  add_detail (self->details_grid, row++, _("Liked"), ipt_person_get_satisfying (person));
  add_detail (self->details_grid, row++, _("Disliked"), ipt_person_get_unsatisfying (person));
  add_detail (self->details_grid, row++, _("Arguments"),
              ipt_person_get_text (person, IPT_PERSON_ARGUMENTS));
  add_detail (self->details_grid, row++, _("Arguments resolve"),
              ipt_arguments_resolve_to_label (ipt_person_get_arguments_resolve (person)));
  add_detail (self->details_grid, row++, _("Knows about mood"),
              yes_no (ipt_person_get_knows_about_mood (person)));
  add_detail (self->details_grid, row++, _("Wants to change"),
              ipt_person_get_changes_wanted (person));
  add_detail (self->details_grid, row++, _("Support"), yes_no (ipt_person_get_supportive (person)));
  add_detail (self->details_grid, row++, _("Confides in them"),
              yes_no (ipt_person_get_confidant (person)));
}

static void
show_notes (IptInventoryView *self)
{
  int row = 0;

  clear_grid (self->notes_grid);
  for (guint i = 0; self->notes != NULL && i < IPT_INVENTORY_N_TEXTS; i++)
    {
      const char *text = ipt_inventory_notes_get_text (self->notes, i);

      if (text != NULL && *text != '\0')
        add_detail (self->notes_grid, row++, ipt_inventory_text_to_label (i), text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_empty_label), row == 0);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  IptPerson *person = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (ipt_person_get_name (person));
  GtkWidget *relationship = gtk_label_new (ipt_person_get_relationship (person));
  g_autofree char *ring_text = g_strdup_printf (_("ring %u"), ipt_person_get_ring (person));
  GtkWidget *ring = gtk_label_new (ring_text);
  IptCirclePerson circle = {
    .id = ipt_person_get_id (person),
    .name = ipt_person_get_name (person),
    .relationship = ipt_person_get_relationship (person),
    .ring = ipt_person_get_ring (person),
    .ideal_ring = ipt_person_get_ideal_ring (person),
  };
  g_autofree char *description = ipt_closeness_circle_describe (&circle);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 8);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (relationship), 0);
  gtk_label_set_ellipsize (GTK_LABEL (relationship), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (relationship, TRUE);
  gtk_widget_add_css_class (ring, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), relationship);
  gtk_box_append (GTK_BOX (box), ring);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "ipt-person", g_object_ref (person), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return row;
}

static void
select_row_of (IptInventoryView *self,
               gint64            person_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->people_list, i)) != NULL; i++)
    {
      IptPerson *person = g_object_get_data (G_OBJECT (row), "ipt-person");

      if (ipt_person_get_id (person) == person_id)
        {
          gtk_list_box_select_row (self->people_list, row);
          return;
        }
    }
  gtk_list_box_unselect_all (self->people_list);
}

/* The list follows the people as read: when the same people are there in the same order (a
 * ring moved, a person edited), only the rows of those who changed are made again. */
static void
update_model (IptInventoryView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean same_people = n_items == self->people->len;

  for (guint i = 0; same_people && i < n_items; i++)
    {
      g_autoptr(IptPerson) shown = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      same_people = ipt_person_get_id (shown) == ipt_person_get_id (g_ptr_array_index (self->people, i));
    }
  if (!same_people)
    {
      g_list_store_splice (self->model, 0, n_items, self->people->pdata, self->people->len);
      return;
    }
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IptPerson) shown = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      IptPerson *person = g_ptr_array_index (self->people, i);

      if (!_ipt_objects_equal (shown, person))
        g_list_store_splice (self->model, i, 1, (gpointer *) &person, 1);
    }
}

static void
update_actions (IptInventoryView *self)
{
  gboolean editable = self->client_id != 0 && !self->read_only;
  GtkWidget *circle = GTK_WIDGET (self->circle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-person", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-notes", editable);
  /* The circle still shows and selects; it moves nobody. */
  gtk_widget_action_set_enabled (circle, "circle.drop", !self->read_only);
  gtk_widget_action_set_enabled (circle, "circle.move-selected", !self->read_only);
}

static void
show (IptInventoryView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 focus_ids[2] = { 0, 0 };
  const char *missing = NULL;
  gint64 selected = ipt_circle_view_get_selected_id (self->circle);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->notes);

  if (self->store != NULL && self->client_id != 0)
    {
      self->people = ipt_store_list_people (self->store, self->client_id, &error);
      if (self->people != NULL)
        self->notes = ipt_store_get_inventory_notes (self->store, self->client_id, &error);
      for (guint rank = 0; self->notes != NULL && self->episode_id != 0 && rank < 2; rank++)
        {
          g_autoptr(IptFocusFields) fields =
            ipt_store_get_focus_fields (self->store, self->episode_id, rank == 1, &error);

          if (fields == NULL)
            break;
          focus_ids[rank] = ipt_focus_fields_get_person_id (fields);
          if (missing == NULL && ipt_focus_fields_get_missing (fields) != NULL
              && ipt_focus_fields_get_focus (fields) != IPT_FOCUS_NONE)
            {
              /* Only a missing person concerns the inventory. */
              if ((ipt_focus_fields_get_focus (fields) == IPT_FOCUS_GRIEF
                   || ipt_focus_fields_get_focus (fields) == IPT_FOCUS_ROLE_DISPUTE)
                  && focus_ids[rank] == 0)
                missing = ipt_focus_fields_get_missing (fields);
            }
        }
      if (error != NULL)
        {
          g_clear_pointer (&self->people, g_ptr_array_unref);
          g_clear_object (&self->notes);
          if (!g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND))
            _ipt_show_error (_ipt_inventory_view_parent_window (self), _("The inventory could not be read"), error);
        }
    }
  if (self->people == NULL)
    self->people = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_label_set_label (self->focus_label, missing != NULL ? missing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->focus_label), missing != NULL);

  self->selecting = TRUE;
  ipt_circle_view_set_people (self->circle, self->people, focus_ids, G_N_ELEMENTS (focus_ids));
  update_model (self);
  gtk_stack_set_visible_child_name (self->people_stack, self->people->len > 0 ? "list" : "empty");
  ipt_circle_view_set_selected_id (self->circle, selected);
  select_row_of (self, ipt_circle_view_get_selected_id (self->circle));
  self->selecting = FALSE;

  show_details (self);
  show_notes (self);
  gtk_widget_set_sensitive (self->main_box, self->client_id != 0);
  update_actions (self);
}

static void
on_store_changed (IptStore         *store,
                  IptStoreChanges  *changes,
                  IptInventoryView *self)
{
  if (_ipt_tab_should_read (GTK_WIDGET (self), changes, self->client_id, &self->stale))
    show (self);
}

static void
ipt_inventory_view_map (GtkWidget *widget)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);

  GTK_WIDGET_CLASS (ipt_inventory_view_parent_class)->map (widget);
  if (_ipt_tab_take_stale (&self->stale))
    show (self);
}

static void
on_circle_selected (IptCircleView    *circle,
                    GParamSpec       *pspec,
                    IptInventoryView *self)
{
  if (self->selecting)
    return;
  self->selecting = TRUE;
  select_row_of (self, ipt_circle_view_get_selected_id (circle));
  self->selecting = FALSE;
  show_details (self);
}

static void
on_row_selected (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 IptInventoryView *self)
{
  IptPerson *person = row != NULL ? g_object_get_data (G_OBJECT (row), "ipt-person") : NULL;

  /* The list unselects as it goes away with the view. */
  if (self->selecting || self->circle == NULL)
    return;
  self->selecting = TRUE;
  ipt_circle_view_set_selected_id (self->circle, person != NULL ? ipt_person_get_id (person) : 0);
  self->selecting = FALSE;
  show_details (self);
}

static void
on_move_person (IptCircleView    *circle,
                gint64            person_id,
                guint             ring,
                IptInventoryView *self)
{
  IptPerson *person = _ipt_inventory_view_find_person (self, person_id);
  g_autoptr(GError) error = NULL;

  if (person == NULL || self->read_only)
    return;
  /* Only the ring changes; the ideal ring stays as it was. The store refuses a ring outside
   * 1 to 3 with the model's message, shown beside the circle. */
  if (!ipt_store_move_person (self->store, person_id, ring, ipt_person_get_ideal_ring (person),
                              &error))
    {
      set_move_error (self, error->message);
      return;
    }
  set_move_error (self, NULL);
}

/* 1, 2 or 3 with the person selected in the list (as on the circle itself). */
static void
move_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);
  gint64 id = self->circle != NULL ? ipt_circle_view_get_selected_id (self->circle) : 0;

  if (id != 0)
    on_move_person (self->circle, id, g_variant_get_uint32 (parameter), self);
}

static void
forget_form (gpointer  data,
             GObject  *where_the_object_was)
{
  IptInventoryView *self = data;

  self->form = NULL;
}

static void
open_form (IptInventoryView *self,
           GtkWindow        *form)
{
  if (self->form != NULL)
    g_object_weak_unref (G_OBJECT (self->form), forget_form, self);
  self->form = form;
  g_object_weak_ref (G_OBJECT (form), forget_form, self);
  gtk_window_present (form);
}

static void
on_person_saved (IptFormWindow    *form,
                 gint64            person_id,
                 IptInventoryView *self)
{
  /* The store's announcement has already shown the person; select them. */
  ipt_circle_view_set_selected_id (self->circle, person_id);
}

static void
open_person_form (IptInventoryView *self,
                  IptPerson        *person)
{
  IptPersonForm *form = ipt_person_form_new (_ipt_inventory_view_parent_window (self), self->store, self->client_id,
                                             person);

  g_signal_connect_object (form, "saved", G_CALLBACK (on_person_saved), self, 0);
  open_form (self, GTK_WINDOW (form));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);

  if (self->store != NULL && self->client_id != 0)
    open_person_form (self, NULL);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);
  IptPerson *person = _ipt_inventory_view_selected_person (self);

  if (person != NULL)
    open_person_form (self, person);
}

static void
on_person_activated (IptCircleView    *circle,
                     gint64            person_id,
                     IptInventoryView *self)
{
  IptPerson *person = _ipt_inventory_view_find_person (self, person_id);

  if (person != NULL && !self->read_only)
    open_person_form (self, person);
}

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  IptInventoryView *self)
{
  IptPerson *person = g_object_get_data (G_OBJECT (row), "ipt-person");

  if (person != NULL && !self->read_only)
    open_person_form (self, person);
}

static void
edit_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);

  if (self->store == NULL || self->client_id == 0)
    return;
  open_form (self, GTK_WINDOW (ipt_inventory_notes_form_new (_ipt_inventory_view_parent_window (self), self->store,
                                                             self->client_id, self->notes)));
}

static void
select_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (widget);

  ipt_circle_view_set_selected_id (self->circle, g_variant_get_int64 (parameter));
}

void
ipt_inventory_view_set_client (IptInventoryView *self,
                               IptStore         *store,
                               gint64            client_id,
                               gint64            episode_id)
{
  g_return_if_fail (IPT_IS_INVENTORY_VIEW (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  if (store == NULL)
    client_id = episode_id = 0;
  /* The view follows the store by itself: only another client or course is read here. */
  if (self->store == store && self->client_id == client_id && self->episode_id == episode_id)
    return;
  if (g_set_object (&self->store, store))
    g_signal_group_set_target (self->store_signals, store);
  if (self->client_id != client_id)
    {
      ipt_circle_view_set_selected_id (self->circle, 0);
      set_move_error (self, NULL);
    }
  self->client_id = client_id;
  self->episode_id = episode_id;
  show (self);
}

GPtrArray *
ipt_inventory_view_get_people (IptInventoryView *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_VIEW (self), NULL);

  return self->people;
}

IptCircleView *
ipt_inventory_view_get_circle (IptInventoryView *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_VIEW (self), NULL);

  return self->circle;
}

const char *
ipt_inventory_view_get_move_error (IptInventoryView *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_VIEW (self), NULL);

  return self->move_error != NULL ? self->move_error : "";
}

GtkWindow *
ipt_inventory_view_get_question (IptInventoryView *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_VIEW (self), NULL);

  return self->question;
}

GtkWindow *
ipt_inventory_view_get_form (IptInventoryView *self)
{
  g_return_val_if_fail (IPT_IS_INVENTORY_VIEW (self), NULL);

  return self->form;
}

static void
ipt_inventory_view_dispose (GObject *object)
{
  IptInventoryView *self = IPT_INVENTORY_VIEW (object);

  if (self->question != NULL)
    gtk_window_destroy (g_steal_pointer (&self->question));
  if (self->form != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->form), forget_form, self);
      self->form = NULL;
    }
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_INVENTORY_VIEW);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->notes);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ipt_inventory_view_parent_class)->dispose (object);
}

static void
ipt_inventory_view_finalize (GObject *object)
{
  g_free (IPT_INVENTORY_VIEW (object)->move_error);

  G_OBJECT_CLASS (ipt_inventory_view_parent_class)->finalize (object);
}

static void
ipt_inventory_view_class_init (IptInventoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = ipt_inventory_view_map;
  object_class->dispose = ipt_inventory_view_dispose;
  object_class->finalize = ipt_inventory_view_finalize;

  g_type_ensure (IPT_TYPE_CIRCLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ipt-inventory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, main_box);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, circle);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, move_error_label);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, focus_label);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, people_stack);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, people_list);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, details_box);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, details_title);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, details_grid);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, notes_grid);
  gtk_widget_class_bind_template_child (widget_class, IptInventoryView, notes_empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_circle_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_move_person);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "inventory.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "inventory.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "inventory.delete-person", NULL,
                                   _ipt_inventory_view_delete_person_action);
  gtk_widget_class_install_action (widget_class, "inventory.edit-notes", NULL, edit_notes_action);
  gtk_widget_class_install_action (widget_class, "inventory.select-person", "x",
                                   select_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "inventory.delete-person", NULL);
  gtk_widget_class_install_action (widget_class, "inventory.move-selected", "u",
                                   move_selected_action);
  for (guint ring = 1; ring <= 3; ring++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + ring, 0,
                                           "inventory.move-selected", "u", ring);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + ring, 0,
                                           "inventory.move-selected", "u", ring);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipt_inventory_view_init (IptInventoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = g_list_store_new (IPT_TYPE_PERSON);
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->model), create_person_row, self,
                           NULL);
  self->store_signals = g_signal_group_new (IPT_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, 0);
  show (self);
}

GtkWidget *
ipt_inventory_view_new (void)
{
  return g_object_new (IPT_TYPE_INVENTORY_VIEW, NULL);
}

void
ipt_inventory_view_set_read_only (IptInventoryView *self,
                                  gboolean          read_only)
{
  g_return_if_fail (IPT_IS_INVENTORY_VIEW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  show_details (self);
}
