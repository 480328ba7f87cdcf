/* IptCardGrid: only the cards in sight (and a row either side) exist, whatever the number of
 * items; scrolling binds them again to the items that come into sight; a card reached with the
 * keyboard is scrolled into sight; Enter on a card activates its item; the model's changes show
 * at once. */
#include "config.h"

#include "test-window-common.h"

#include "ipt-card-grid.h"

#define N_ITEMS 500
#define CARD_HEIGHT 120

static GtkWidget *
create_card (gpointer user_data)
{
  /* a widget that takes the focus, as the dashboard's cards do */
  GtkWidget *card = gtk_button_new ();

  gtk_widget_set_size_request (card, -1, CARD_HEIGHT);
  (*(guint *) user_data)++;
  return card;
}

static void
bind_card (GtkWidget *card,
           gpointer   item,
           gpointer   user_data)
{
  gtk_button_set_label (GTK_BUTTON (card),
                        item != NULL ? gtk_string_object_get_string (item) : "");
}

static void
on_activate (IptCardGrid *grid,
             guint        position,
             guint       *activated)
{
  *activated = position;
}

static void
wait_frames (GtkWidget *window)
{
  for (guint i = 0; i < 4; i++)
    {
      gint64 until = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;

      gtk_widget_queue_draw (window);
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
    }
}

static void
test_cards_in_sight (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  IptCardGrid *grid = ipt_card_grid_new ();
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  GtkAdjustment *adjustment;
  guint n_created = 0;
  guint activated = G_MAXUINT;
  guint n_binds;
  guint n_cards;

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("item %u", i);

      gtk_string_list_append (items, text);
    }
  ipt_card_grid_set_funcs (grid, create_card, bind_card, &n_created);
  ipt_card_grid_set_model (grid, G_LIST_MODEL (items));
  g_signal_connect (grid, "activate", G_CALLBACK (on_activate), &activated);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window);
  wait_frames (window);

  /* 900 px: three columns of at least 260 px; 600 px: five rows of 132 px in sight, and one
   * either side at most: never more than 7 rows of cards, out of 167. */
  n_cards = ipt_card_grid_get_n_cards (grid);
  g_test_message ("%u cards made", n_cards);
  g_assert_cmpuint (n_cards, >, 0);
  g_assert_cmpuint (n_cards, <=, 3 * (7 + 2));
  g_assert_nonnull (ipt_card_grid_get_card (grid, 0));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ipt_card_grid_get_card (grid, 0))), ==,
                   "item 0");
  g_assert_null (ipt_card_grid_get_card (grid, N_ITEMS - 1));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 100 * CARD_HEIGHT);

  /* To the end: the last items get cards, the first give theirs up, no more are made. */
  ipt_card_grid_scroll_to (grid, N_ITEMS - 1);
  wait_frames (window);
  g_assert_nonnull (ipt_card_grid_get_card (grid, N_ITEMS - 1));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ipt_card_grid_get_card (grid, N_ITEMS - 1))),
                   ==, "item 499");
  g_assert_null (ipt_card_grid_get_card (grid, 0));
  g_assert_cmpuint (ipt_card_grid_get_n_cards (grid), <=, 3 * (7 + 2));

  /* Enter on a card in sight activates its item. */
  {
    GtkWidget *card = ipt_card_grid_get_card (grid, N_ITEMS - 2);

    g_assert_true (gtk_widget_grab_focus (card));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "card-grid.activate-focus",
                                               NULL));
    g_assert_cmpuint (activated, ==, N_ITEMS - 2);
  }

  /* A change to the model shows at once on the cards made, and only the card of the item
   * replaced is bound again. */
  n_binds = ipt_card_grid_get_n_binds (grid);
  gtk_string_list_splice (items, N_ITEMS - 1, 1, (const char * const[]) { "changed", NULL });
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ipt_card_grid_get_card (grid, N_ITEMS - 1))),
                   ==, "changed");
  g_assert_cmpuint (ipt_card_grid_get_n_binds (grid) - n_binds, ==, 1);
  /* An item taken out before the cards made: they follow their items, bound again only for
   * the one that comes into sight. */
  n_binds = ipt_card_grid_get_n_binds (grid);
  gtk_string_list_remove (items, 0);
  wait_frames (window);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ipt_card_grid_get_card (grid, N_ITEMS - 2))),
                   ==, "changed");
  g_assert_cmpuint (ipt_card_grid_get_n_binds (grid) - n_binds, <=, 3);
  /* Fewer items: the cards past the end are put aside. */
  gtk_string_list_splice (items, 10, N_ITEMS - 11, NULL);
  wait_frames (window);
  g_assert_nonnull (ipt_card_grid_get_card (grid, 9));
  g_assert_null (ipt_card_grid_get_card (grid, N_ITEMS - 1));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "ipt-test-card-grid-XXXXXX"))
    return 77;

  g_test_add_func ("/ui/card-grid/cards-in-sight", test_cards_in_sight);
  return ui_test_run ();
}
