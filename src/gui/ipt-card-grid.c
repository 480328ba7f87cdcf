/* A scrollable grid of equal cards that makes only the cards in sight (ipt-card-grid.h). */

#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-card-grid.h"

#define PADDING 12          /* around the grid */
#define PADDING_BOTTOM 18
#define SPACING 12          /* between cards */
#define SPARE_ROWS 2        /* cards kept aside for reuse, in rows */

typedef struct
{
  GtkWidget *card;
  guint      position;      /* the item shown, G_MAXUINT: put aside */
} Slot;

#define NO_POSITION G_MAXUINT

struct _IptCardGrid
{
  GtkWidget              parent_instance;

  GListModel            *model;
  IptCardGridCreateFunc  create;
  IptCardGridBindFunc    bind;
  gpointer               user_data;

  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;

  GArray                *slots;          /* Slot */
  int                    min_card_width;
  guint                  max_columns;
  guint                  columns;        /* of the last allocation */
  int                    card_width;
  int                    row_height;     /* the tallest card made at this width, 0: not known */
  gboolean               warm;           /* the rows either side of those in sight may be made */
  guint                  warm_id;
  guint                  n_binds;        /* cards bound to an item so far */
};

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum
{
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (IptCardGrid, ipt_card_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
n_items (IptCardGrid *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static Slot *
find_slot_of_widget (IptCardGrid *self,
                     GtkWidget   *widget)
{
  /* widget, or one inside a card */
  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (self))
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL)
    return NULL;
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->card == widget)
        return slot;
    }
  return NULL;
}

static void
put_aside (IptCardGrid *self,
           Slot        *slot)
{
  if (slot->position == NO_POSITION)
    return;
  slot->position = NO_POSITION;
  if (self->bind != NULL)
    self->bind (slot->card, NULL, self->user_data);
  gtk_widget_set_child_visible (slot->card, FALSE);
}

static void
put_all_aside (IptCardGrid *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    put_aside (self, &g_array_index (self->slots, Slot, i));
}

static void
bind_slot (IptCardGrid *self,
           Slot        *slot,
           guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  slot->position = position;
  self->n_binds++;
  self->bind (slot->card, item, self->user_data);
  gtk_widget_set_child_visible (slot->card, TRUE);
}

/* A card for position: one put aside, or a new one. */
static Slot *
take_slot (IptCardGrid *self,
           guint        position)
{
  Slot slot = { NULL, NO_POSITION };

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *spare = &g_array_index (self->slots, Slot, i);

      if (spare->position == NO_POSITION)
        {
          bind_slot (self, spare, position);
          return spare;
        }
    }

  slot.card = self->create (self->user_data);
  gtk_widget_set_focusable (slot.card, TRUE);
  gtk_widget_set_parent (slot.card, GTK_WIDGET (self));
  g_array_append_val (self->slots, slot);
  bind_slot (self, &g_array_index (self->slots, Slot, self->slots->len - 1), position);
  return &g_array_index (self->slots, Slot, self->slots->len - 1);
}

static int
measure_card (IptCardGrid *self,
              GtkWidget   *card)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, self->card_width, &minimum, &natural,
                      NULL, NULL);
  return MAX (minimum, natural);
}

static int
total_height (IptCardGrid *self,
              guint        n)
{
  guint n_rows = (n + self->columns - 1) / self->columns;

  if (n_rows == 0)
    return 0;
  return PADDING + (int) n_rows * self->row_height + ((int) n_rows - 1) * SPACING + PADDING_BOTTOM;
}

static void
on_adjustment_value_changed (GtkAdjustment *adjustment,
                             IptCardGrid   *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
configure_adjustment (IptCardGrid *self,
                      int          height,
                      guint        n)
{
  int total = total_height (self, n);
  double upper = MAX (total, height);
  double value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, upper - height);

  g_signal_handlers_block_by_func (self->vadjustment, on_adjustment_value_changed, self);
  gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                            MAX (self->row_height, 1) / 4.0, height * 0.9, height);
  g_signal_handlers_unblock_by_func (self->vadjustment, on_adjustment_value_changed, self);
}

/* After the first frame: the rows either side, for the keyboard and the first scroll. */
static gboolean
warm_up (gpointer user_data)
{
  IptCardGrid *self = user_data;

  self->warm_id = 0;
  self->warm = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
ipt_card_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IptCardGrid *self = IPT_CARD_GRID (widget);
  guint n = n_items (self);
  guint columns;
  int card_width, stride, value, first_row, last_row;
  guint start, end, n_rows;
  g_autofree Slot **shown = NULL;

  columns = (guint) MAX ((width - 2 * PADDING + SPACING) / (self->min_card_width + SPACING), 1);
  columns = MIN (columns, self->max_columns);
  card_width = MAX ((width - 2 * PADDING - ((int) columns - 1) * SPACING) / (int) columns, 1);
  if (columns != self->columns || card_width != self->card_width)
    self->row_height = 0;
  self->columns = columns;
  self->card_width = card_width;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);

  if (n == 0 || self->bind == NULL)
    {
      put_all_aside (self);
      configure_adjustment (self, height, 0);
      return;
    }

  /* The height of a row: the first card's until taller ones are made. */
  if (self->row_height == 0)
    {
      Slot *first = NULL;

      for (guint i = 0; i < self->slots->len && first == NULL; i++)
        if (g_array_index (self->slots, Slot, i).position != NO_POSITION)
          first = &g_array_index (self->slots, Slot, i);
      if (first == NULL)
        first = take_slot (self, 0);
      self->row_height = MAX (measure_card (self, first->card), 1);
    }
  configure_adjustment (self, height, n);

  /* The rows in sight, and once the first frame is out, one either side. */
  stride = self->row_height + SPACING;
  value = (int) gtk_adjustment_get_value (self->vadjustment);
  n_rows = (n + columns - 1) / columns;
  first_row = MAX (value - PADDING, 0) / stride - (self->warm ? 1 : 0);
  last_row = (value + height - PADDING) / stride + (self->warm ? 1 : 0);
  if (!self->warm && self->warm_id == 0)
    self->warm_id = g_idle_add_full (G_PRIORITY_LOW, warm_up, self, NULL);
  first_row = MAX (first_row, 0);
  last_row = MIN (last_row, (int) n_rows - 1);
  start = (guint) first_row * columns;
  end = MIN (n, (guint) (last_row + 1) * columns);

  shown = g_new0 (Slot *, end - start);
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position >= start && slot->position < end)
        shown[slot->position - start] = slot;
      else
        put_aside (self, slot);
    }
  for (guint p = start; p < end; p++)
    if (shown[p - start] == NULL)
      {
        take_slot (self, p);
        /* the array may have moved: find them again below */
      }
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position >= start && slot->position < end)
        {
          shown[slot->position - start] = slot;
          self->row_height = MAX (self->row_height, measure_card (self, slot->card));
        }
    }
  /* A taller card makes every row taller. */
  if (self->row_height + SPACING != stride)
    {
      configure_adjustment (self, height, n);
      stride = self->row_height + SPACING;
      value = (int) gtk_adjustment_get_value (self->vadjustment);
    }

  for (guint p = start; p < end; p++)
    {
      guint row = p / columns;
      guint column = p % columns;
      GtkAllocation allocation = {
        PADDING + (int) column * (card_width + SPACING),
        PADDING + (int) row * stride - value,
        card_width,
        self->row_height,
      };

      gtk_widget_size_allocate (shown[p - start]->card, &allocation, -1);
    }

  /* Spares beyond a couple of rows go. */
  for (guint i = self->slots->len; i > 0; i--)
    {
      guint n_spare = 0;

      for (guint j = 0; j < self->slots->len; j++)
        n_spare += g_array_index (self->slots, Slot, j).position == NO_POSITION;
      if (n_spare <= SPARE_ROWS * columns)
        break;
      if (g_array_index (self->slots, Slot, i - 1).position == NO_POSITION)
        {
          gtk_widget_unparent (g_array_index (self->slots, Slot, i - 1).card);
          g_array_remove_index (self->slots, i - 1);
        }
    }
}

static void
ipt_card_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IptCardGrid *self = IPT_CARD_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->min_card_width + 2 * PADDING;
      *natural = 3 * self->min_card_width + 2 * (PADDING + SPACING);
    }
  else
    {
      /* A scrollable: the scrolled window gives what it has. */
      *minimum = 0;
      *natural = self->row_height > 0 ? total_height (self, n_items (self)) : 0;
    }
}

static void
activate_slot (IptCardGrid *self,
               Slot        *slot)
{
  if (slot != NULL && slot->position != NO_POSITION)
    g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, slot->position);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   IptCardGrid     *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (n_press != 1)
    return;
  activate_slot (self, find_slot_of_widget (self, picked));
}

static void
activate_focus_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IptCardGrid *self = IPT_CARD_GRID (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);

  if (focus != NULL)
    activate_slot (self, find_slot_of_widget (self, focus));
}

static void
ipt_card_grid_set_focus_child (GtkWidget *widget,
                               GtkWidget *child)
{
  IptCardGrid *self = IPT_CARD_GRID (widget);
  Slot *slot = child != NULL ? find_slot_of_widget (self, child) : NULL;

  GTK_WIDGET_CLASS (ipt_card_grid_parent_class)->set_focus_child (widget, child);
  /* A card reached with the keyboard comes into sight, and its neighbours are made. */
  if (slot != NULL && slot->position != NO_POSITION)
    ipt_card_grid_scroll_to (self, slot->position);
}

static void
set_adjustment (IptCardGrid    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The model changed: the cards made show what is now at their place at once (those past the
 * end are put aside), and before the first allocation the first rows are made, so that the
 * cards are there to find as soon as the items are; the next allocation does the rest. */
static void
rebind_slots (IptCardGrid *self)
{
  guint n = n_items (self);

  if (self->bind == NULL)
    return;
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position == NO_POSITION)
        continue;
      if (slot->position < n)
        bind_slot (self, slot, slot->position);
      else
        put_aside (self, slot);
    }
  if (self->slots->len == 0)
    for (guint p = 0; p < MIN (n, 2 * self->max_columns); p++)
      take_slot (self, p);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Only the cards of the items replaced are bound again: those after them follow their items to
 * their new places, those of items removed are put aside, and items added out of the range
 * replaced get their cards at the next allocation. */
static void
on_items_changed (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  IptCardGrid *self)
{
  if (self->bind == NULL)
    return;
  if (self->slots->len == 0)
    {
      rebind_slots (self);
      return;
    }
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position == NO_POSITION || slot->position < position)
        continue;
      if (slot->position >= position + removed)
        slot->position = slot->position - removed + added;
      else if (slot->position < position + added)
        bind_slot (self, slot, slot->position);
      else
        put_aside (self, slot);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ipt_card_grid_dispose (GObject *object)
{
  IptCardGrid *self = IPT_CARD_GRID (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  if (self->slots != NULL)
    {
      for (guint i = 0; i < self->slots->len; i++)
        gtk_widget_unparent (g_array_index (self->slots, Slot, i).card);
      g_array_set_size (self->slots, 0);
    }
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ipt_card_grid_parent_class)->dispose (object);
}

static void
ipt_card_grid_finalize (GObject *object)
{
  IptCardGrid *self = IPT_CARD_GRID (object);

  g_array_unref (self->slots);

  G_OBJECT_CLASS (ipt_card_grid_parent_class)->finalize (object);
}

static void
ipt_card_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IptCardGrid *self = IPT_CARD_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_card_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IptCardGrid *self = IPT_CARD_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_card_grid_class_init (IptCardGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_card_grid_dispose;
  object_class->finalize = ipt_card_grid_finalize;
  object_class->get_property = ipt_card_grid_get_property;
  object_class->set_property = ipt_card_grid_set_property;
  widget_class->measure = ipt_card_grid_measure;
  widget_class->size_allocate = ipt_card_grid_size_allocate;
  widget_class->set_focus_child = ipt_card_grid_set_focus_child;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* A card was clicked, or Enter pressed on it: the item's position. */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /* Enter or space on the card that has the focus opens it, as a click does. */
  gtk_widget_class_install_action (widget_class, "card-grid.activate-focus", NULL,
                                   activate_focus_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "card-grid.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "card-grid.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0,
                                       "card-grid.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0,
                                       "card-grid.activate-focus", NULL);

  gtk_widget_class_set_css_name (widget_class, "cardgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
ipt_card_grid_init (IptCardGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  self->min_card_width = 260;
  self->max_columns = 6;
  self->columns = 1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

IptCardGrid *
ipt_card_grid_new (void)
{
  return g_object_new (IPT_TYPE_CARD_GRID, NULL);
}

void
ipt_card_grid_set_funcs (IptCardGrid           *self,
                         IptCardGridCreateFunc  create,
                         IptCardGridBindFunc    bind,
                         gpointer               user_data)
{
  g_return_if_fail (IPT_IS_CARD_GRID (self));
  g_return_if_fail (create != NULL && bind != NULL);

  put_all_aside (self);
  self->create = create;
  self->bind = bind;
  self->user_data = user_data;
  rebind_slots (self);
}

void
ipt_card_grid_set_model (IptCardGrid *self,
                         GListModel  *model)
{
  g_return_if_fail (IPT_IS_CARD_GRID (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  put_all_aside (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  rebind_slots (self);
}

void
ipt_card_grid_set_min_card_width (IptCardGrid *self,
                                  int          width)
{
  g_return_if_fail (IPT_IS_CARD_GRID (self));

  self->min_card_width = MAX (width, 1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ipt_card_grid_set_max_columns (IptCardGrid *self,
                               guint        max_columns)
{
  g_return_if_fail (IPT_IS_CARD_GRID (self));

  self->max_columns = MAX (max_columns, 1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
ipt_card_grid_get_n_cards (IptCardGrid *self)
{
  g_return_val_if_fail (IPT_IS_CARD_GRID (self), 0);

  return self->slots->len;
}

guint
ipt_card_grid_get_n_binds (IptCardGrid *self)
{
  g_return_val_if_fail (IPT_IS_CARD_GRID (self), 0);

  return self->n_binds;
}

GtkWidget *
ipt_card_grid_get_card (IptCardGrid *self,
                        guint        position)
{
  g_return_val_if_fail (IPT_IS_CARD_GRID (self), NULL);

  for (guint i = 0; i < self->slots->len; i++)
    if (g_array_index (self->slots, Slot, i).position == position)
      return g_array_index (self->slots, Slot, i).card;
  return NULL;
}

void
ipt_card_grid_scroll_to (IptCardGrid *self,
                         guint        position)
{
  double top, bottom, value, page;
  guint row;

  g_return_if_fail (IPT_IS_CARD_GRID (self));

  if (self->row_height == 0 || self->vadjustment == NULL)
    return;
  row = position / MAX (self->columns, 1);
  top = PADDING + (double) row * (self->row_height + SPACING) - SPACING;
  bottom = top + self->row_height + 2 * SPACING;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, MAX (top, 0));
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, bottom - page);
}
