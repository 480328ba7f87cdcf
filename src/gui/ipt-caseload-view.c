/* The caseload dashboard: figures above, a grid of case cards ordered by need below. The grid
 * (IptCardGrid) sits on a list model and makes only the cards in sight.
 *
 * Given the caseload once (ipt_caseload_view_set_cases), the view follows its store: on each
 * IptStore::changed it reads the clients named again and replaces only their cards, each moved
 * to its place by need; in review mode it follows IptReview::changed the same way. */

#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-caseload-view.h"

#include <glib/gi18n.h>

#include "ipt-card-grid.h"
#include "ipt-case-card.h"
#include "ipt-review-case.h"

struct _IptCaseloadView
{
  GtkWidget           parent_instance;

  IptStore           *store;
  GSignalGroup       *store_signals;  /* "changed" of the store */
  IptReview          *review;         /* review mode: the cards' comments come from it */
  GListStore         *cases;          /* IptCaseSummary, by need */
  GHashTable         *by_client;      /* client id (gint64 *) -> the IptCaseSummary of their card */
  IptCaseloadFigures  figures;
  gboolean            codes_only;

  GtkLabel           *figure_values[IPT_CASELOAD_N_FIGURES];
  GtkWidget          *figure_tiles[IPT_CASELOAD_N_FIGURES];

  /* template children */
  GtkBox             *figures_box;
  GtkStack           *stack;
  IptCardGrid        *grid;
};

G_DEFINE_FINAL_TYPE (IptCaseloadView, ipt_caseload_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CODES_ONLY,
  N_PROPS
};

enum {
  SIGNAL_CASE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
summary_need_rank (IptCaseSummary *summary)
{
  return ipt_need_rank (ipt_case_summary_get_signal_kind (summary),
                        ipt_case_summary_get_outcome (summary));
}

static int
compare_need (gconstpointer a,
              gconstpointer b)
{
  IptCaseSummary *summary_a = *(IptCaseSummary **) a;
  IptCaseSummary *summary_b = *(IptCaseSummary **) b;
  guint rank_a = summary_need_rank (summary_a);
  guint rank_b = summary_need_rank (summary_b);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return g_strcmp0 (ipt_client_get_code (ipt_case_summary_get_client (summary_a)),
                    ipt_client_get_code (ipt_case_summary_get_client (summary_b)));
}

static gboolean
is_shown (IptCaseSummary *summary)
{
  return ipt_case_summary_get_episode (summary) != NULL
         && !ipt_client_get_archived (ipt_case_summary_get_client (summary));
}

static void
update_figures (IptCaseloadView *self)
{
  for (guint i = 0; i < IPT_CASELOAD_N_FIGURES; i++)
    {
      g_autofree char *value = ipt_caseload_figure_format (&self->figures, i);
      g_autofree char *label = NULL;

      gtk_label_set_label (self->figure_values[i], value);
      /* TRANSLATORS: a caseload figure read out: "Recovery rate: 48 % (target 50 %)" */
      label = g_strdup_printf (_("%s: %s"), ipt_caseload_figure_to_label (i), value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_tiles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
build_figure_tiles (IptCaseloadView *self)
{
  for (guint i = 0; i < IPT_CASELOAD_N_FIGURES; i++)
    {
      GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *caption = gtk_label_new (ipt_caseload_figure_to_label (i));
      GtkWidget *value = gtk_label_new (NULL);
      const char *definition = ipt_caseload_figure_to_definition (i);

      gtk_widget_add_css_class (tile, "figure");
      gtk_widget_set_hexpand (tile, TRUE);
      gtk_widget_set_focusable (tile, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tile),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, definition,
                                      -1);
      gtk_widget_set_tooltip_text (tile, definition);

      /* Six tiles share the width: a long caption wraps rather than losing its end. */
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_widget_add_css_class (value, "title-4");

      gtk_box_append (GTK_BOX (tile), caption);
      gtk_box_append (GTK_BOX (tile), value);
      gtk_box_append (self->figures_box, tile);
      self->figure_tiles[i] = tile;
      self->figure_values[i] = GTK_LABEL (value);
    }
}

static GtkWidget *
create_card (gpointer user_data)
{
  IptCaseloadView *self = user_data;
  IptCaseCard *card = ipt_case_card_new ();

  g_object_bind_property (self, "codes-only", card, "codes-only", G_BINDING_SYNC_CREATE);
  return GTK_WIDGET (card);
}

/* Review mode: "2 comments · 3 sessions rated · 1 log entry" of what the supervisor wrote. */
static char *
review_comments_text (IptReview *review,
                      gint64     episode_id)
{
  g_autoptr(GPtrArray) comments = ipt_review_list_comments (review, episode_id, NULL);
  g_autoptr(GPtrArray) reviews = ipt_review_list_session_reviews (review, episode_id, NULL);
  g_autoptr(GPtrArray) entries = ipt_review_list_supervision_log (review, episode_id, NULL);
  guint n_comments = comments != NULL ? comments->len : 0;
  guint n_reviews = reviews != NULL ? reviews->len : 0;
  guint n_entries = entries != NULL ? entries->len : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  if (n_comments == 0 && n_reviews == 0 && n_entries == 0)
    return g_strdup (_("No comments yet"));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments",
                                             n_comments), n_comments);
  if (n_reviews > 0)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u session rated",
                                                 "%u sessions rated", n_reviews), n_reviews);
    }
  if (n_entries > 0)
    {
      g_string_append (text, _(" · "));
      /* TRANSLATORS: entries of the supervision log of a case */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u log entry",
                                                 "%u log entries", n_entries), n_entries);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bind_card (GtkWidget *widget,
           gpointer   item,
           gpointer   user_data)
{
  IptCaseloadView *self = user_data;
  IptCaseCard *card = IPT_CASE_CARD (widget);
  IptCaseSummary *summary = item;

  if (summary == NULL)
    {
      ipt_case_card_set_summary (card, NULL, NULL);
      return;
    }
  ipt_case_card_set_summary (card, summary, self->store);
  if (self->review != NULL)
    {
      g_autofree char *text = NULL;

      text = review_comments_text (self->review,
                                   ipt_episode_get_id (ipt_case_summary_get_episode (summary)));
      ipt_case_card_set_comments_text (card, text);
    }
}

/* The figures over the cards shown. */
static void
compute_figures (IptCaseloadView *self)
{
  GListModel *cases = G_LIST_MODEL (self->cases);
  guint n = g_list_model_get_n_items (cases);
  g_autofree IptEpisodeStatus *statuses = g_new (IptEpisodeStatus, MAX (n, 1));
  g_autofree const IptOutcome **outcomes = g_new (const IptOutcome *, MAX (n, 1));
  g_autofree IptSignalKind *kinds = g_new (IptSignalKind, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IptCaseSummary) summary = g_list_model_get_item (cases, i);

      /* The list holds its own reference: the outcome stays while the figures are computed. */
      statuses[i] = ipt_episode_get_status (ipt_case_summary_get_episode (summary));
      outcomes[i] = ipt_case_summary_get_outcome (summary);
      kinds[i] = ipt_case_summary_get_signal_kind (summary);
    }
  ipt_caseload_figures_compute (statuses, (const IptOutcome * const *) outcomes, kinds, n,
                                &self->figures);
  update_figures (self);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "cases" : "empty");
}

static gint64
client_id_of (IptCaseSummary *summary)
{
  return ipt_client_get_id (ipt_case_summary_get_client (summary));
}

static void
remember (IptCaseloadView *self,
          IptCaseSummary  *summary)
{
  gint64 id = client_id_of (summary);

  g_hash_table_insert (self->by_client, g_memdup2 (&id, sizeof id), g_object_ref (summary));
}

void
ipt_caseload_view_set_cases (IptCaseloadView *self,
                             GPtrArray       *summaries)
{
  g_autoptr(GPtrArray) shown = NULL;

  g_return_if_fail (IPT_IS_CASELOAD_VIEW (self));
  g_return_if_fail (summaries != NULL);

  shown = g_ptr_array_sized_new (summaries->len);
  for (guint i = 0; i < summaries->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (summaries, i);

      if (is_shown (summary))
        g_ptr_array_add (shown, summary);
    }
  g_ptr_array_sort (shown, compare_need);

  g_hash_table_remove_all (self->by_client);
  for (guint i = 0; i < shown->len; i++)
    remember (self, g_ptr_array_index (shown, i));
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       shown->pdata, shown->len);
  compute_figures (self);
}

/* Where summary is, or goes, among the cards by need (binary search: the cards are sorted). */
static guint
find_place (IptCaseloadView *self,
            IptCaseSummary  *summary,
            gboolean        *found)
{
  GListModel *cases = G_LIST_MODEL (self->cases);
  guint low = 0;
  guint high = g_list_model_get_n_items (cases);

  *found = FALSE;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(IptCaseSummary) item = g_list_model_get_item (cases, middle);
      int order = compare_need (&item, &summary);

      if (order == 0)
        {
          *found = TRUE;
          return middle;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The card of the client, G_MAXUINT when none: found by the summary the card shows. */
static guint
find_client (IptCaseloadView *self,
             gint64           client_id)
{
  IptCaseSummary *old = g_hash_table_lookup (self->by_client, &client_id);
  gboolean found;
  guint position;

  if (old == NULL)
    return G_MAXUINT;
  position = find_place (self, old, &found);
  return found ? position : G_MAXUINT;
}

/* summary sorts between the neighbours of the card at position. */
static gboolean
fits_at (IptCaseloadView *self,
         IptCaseSummary  *summary,
         guint            position)
{
  GListModel *cases = G_LIST_MODEL (self->cases);

  if (position > 0)
    {
      g_autoptr(IptCaseSummary) before = g_list_model_get_item (cases, position - 1);

      if (compare_need (&before, &summary) >= 0)
        return FALSE;
    }
  if (position + 1 < g_list_model_get_n_items (cases))
    {
      g_autoptr(IptCaseSummary) after = g_list_model_get_item (cases, position + 1);

      if (compare_need (&summary, &after) >= 0)
        return FALSE;
    }
  return TRUE;
}

/* Puts the client's new summary (NULL: the client has gone) in place of their card. */
static void
replace_case (IptCaseloadView *self,
              gint64           client_id,
              IptCaseSummary  *summary)
{
  guint old = find_client (self, client_id);
  gboolean found;
  guint place;

  if (summary != NULL && !is_shown (summary))
    summary = NULL;
  if (old != G_MAXUINT)
    {
      /* Still between its neighbours: the card is bound again where it is. */
      if (summary != NULL && fits_at (self, summary, old))
        {
          remember (self, summary);
          g_list_store_splice (self->cases, old, 1, (gpointer *) &summary, 1);
          return;
        }
      g_list_store_remove (self->cases, old);
    }
  g_hash_table_remove (self->by_client, &client_id);
  if (summary != NULL)
    {
      place = find_place (self, summary, &found);
      remember (self, summary);
      g_list_store_insert (self->cases, place, summary);
    }
}

static void
on_store_changed (IptStore        *store,
                  IptStoreChanges *changes,
                  IptCaseloadView *self)
{
  guint n_ids;
  g_autofree gint64 *ids = ipt_store_changes_get_ids (changes, IPT_STORE_CHANGE_CLIENT, &n_ids);

  if (n_ids == 0)
    return;

  /* A change naming much of the caseload (an import) is read in one query. */
  if (n_ids > 64 && n_ids > g_list_model_get_n_items (G_LIST_MODEL (self->cases)) / 8)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) summaries = ipt_store_load_caseload (store, &error);

      if (summaries == NULL)
        g_warning ("The caseload could not be read: %s", error->message);
      else
        ipt_caseload_view_set_cases (self, summaries);
      return;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IptCaseSummary) summary = ipt_store_load_case_summary (store, ids[i], &error);

      if (summary == NULL && !g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND))
        {
          g_warning ("Client %" G_GINT64_FORMAT " could not be read: %s", ids[i], error->message);
          continue;
        }
      replace_case (self, ids[i], summary);
    }
  compute_figures (self);
}

static void
on_grid_activate (IptCardGrid     *grid,
                  guint            position,
                  IptCaseloadView *self)
{
  ipt_caseload_view_activate_case (self, position);
}

static void
ipt_caseload_view_dispose (GObject *object)
{
  GtkWidget *child;
  IptCaseloadView *self = IPT_CASELOAD_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_CASELOAD_VIEW);
  /* The template's outer box has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cases);
  g_clear_pointer (&self->by_client, g_hash_table_unref);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (ipt_caseload_view_parent_class)->dispose (object);
}

static void
ipt_caseload_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IptCaseloadView *self = IPT_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CODES_ONLY:
      g_value_set_boolean (value, self->codes_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_caseload_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IptCaseloadView *self = IPT_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ipt_caseload_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_CODES_ONLY:
      ipt_caseload_view_set_codes_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_caseload_view_class_init (IptCaseloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_caseload_view_dispose;
  object_class->get_property = ipt_caseload_view_get_property;
  object_class->set_property = ipt_caseload_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IPT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODES_ONLY] =
    g_param_spec_boolean ("codes-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A card was opened: the client's id. */
  signals[SIGNAL_CASE_ACTIVATED] =
    g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/iptcasebook/IptCasebook/ui/ipt-caseload-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IptCaseloadView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, IptCaseloadView, stack);
  gtk_widget_class_bind_template_child (widget_class, IptCaseloadView, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);
  g_type_ensure (IPT_TYPE_CARD_GRID);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caseloadview");
}

static void
ipt_caseload_view_init (IptCaseloadView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cases = g_list_store_new (IPT_TYPE_CASE_SUMMARY);
  self->by_client = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->store_signals = g_signal_group_new (IPT_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_DEFAULT);
  ipt_caseload_figures_compute (NULL, NULL, NULL, 0, &self->figures);
  build_figure_tiles (self);
  update_figures (self);

  ipt_card_grid_set_funcs (self->grid, create_card, bind_card, self);
  ipt_card_grid_set_model (self->grid, G_LIST_MODEL (self->cases));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

IptCaseloadView *
ipt_caseload_view_new (void)
{
  return g_object_new (IPT_TYPE_CASELOAD_VIEW, NULL);
}

void
ipt_caseload_view_set_store (IptCaseloadView *self,
                             IptStore        *store)
{
  g_return_if_fail (IPT_IS_CASELOAD_VIEW (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_group_set_target (self->store_signals, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
on_review_changed (IptReview       *review,
                   gint64           episode_id,
                   IptCaseloadView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));

  /* The case's card is bound again, and counts what was added. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IptCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->cases), i);

      if (ipt_episode_get_id (ipt_case_summary_get_episode (summary)) == episode_id)
        {
          g_list_store_splice (self->cases, i, 1, (gpointer *) &summary, 1);
          break;
        }
    }
}

void
ipt_caseload_view_set_review (IptCaseloadView *self,
                              IptReview       *review)
{
  g_autoptr(GPtrArray) summaries = NULL;
  GPtrArray *cases;

  g_return_if_fail (IPT_IS_CASELOAD_VIEW (self));
  g_return_if_fail (IPT_IS_REVIEW (review));

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  g_signal_connect_object (review, "changed", G_CALLBACK (on_review_changed), self, 0);
  ipt_caseload_view_set_codes_only (self, TRUE);

  cases = ipt_review_get_cases (review);
  summaries = g_ptr_array_new_full (cases->len, g_object_unref);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (summaries, ipt_review_case_to_summary (g_ptr_array_index (cases, i)));
  ipt_caseload_view_set_cases (self, summaries);
}

GListModel *
ipt_caseload_view_get_cases (IptCaseloadView *self)
{
  g_return_val_if_fail (IPT_IS_CASELOAD_VIEW (self), NULL);

  return G_LIST_MODEL (self->cases);
}

const IptCaseloadFigures *
ipt_caseload_view_get_figures (IptCaseloadView *self)
{
  g_return_val_if_fail (IPT_IS_CASELOAD_VIEW (self), NULL);

  return &self->figures;
}

void
ipt_caseload_view_set_codes_only (IptCaseloadView *self,
                                  gboolean         codes_only)
{
  g_return_if_fail (IPT_IS_CASELOAD_VIEW (self));

  codes_only = !!codes_only;
  if (self->codes_only == codes_only)
    return;
  self->codes_only = codes_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODES_ONLY]);
}

gboolean
ipt_caseload_view_get_codes_only (IptCaseloadView *self)
{
  g_return_val_if_fail (IPT_IS_CASELOAD_VIEW (self), FALSE);

  return self->codes_only;
}

void
ipt_caseload_view_activate_case (IptCaseloadView *self,
                                 guint            position)
{
  g_autoptr(IptCaseSummary) summary = NULL;

  g_return_if_fail (IPT_IS_CASELOAD_VIEW (self));

  summary = g_list_model_get_item (G_LIST_MODEL (self->cases), position);
  if (summary == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_CASE_ACTIVATED], 0,
                 ipt_client_get_id (ipt_case_summary_get_client (summary)));
}
