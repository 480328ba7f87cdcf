/* A client's page: header with phase bar, Overview (chart, scores, signal, outcome, tasks) and
 * Sessions (every session of the current course). */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-client-page.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-phase-bar.h"

#include "ipt-mood-chart-view.h"

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_PHASE,
  COLUMN_ATTENDANCE,
  COLUMN_ATTENDEES,
  COLUMN_PHQ9,
  COLUMN_GAD7,
  COLUMN_WSAS,
  COLUMN_NOTE,
  N_COLUMNS
} Column;

struct _IptClientPage
{
  GtkWidget       parent_instance;

  IptStore       *store;
  IptClient      *client;
  IptEpisode     *episode;
  IptCaseSummary *summary;
  GPtrArray      *sessions;          /* IptSession of the current course, by number */
  GHashTable     *scores;            /* session id (gint64 *) -> GPtrArray of IptScore */
  GListStore     *session_store;
  gboolean        us_wording;

  GtkWidget      *mood_chart;

  GtkLabel       *name_label;
  GtkLabel       *details_label;
  IptPhaseBar    *phase_bar;
  GtkLabel       *progress_label;
  GtkLabel       *risk_label;
  GtkStack       *course_stack;
  GtkStack       *tabs_stack;
  GtkBox         *chart_box;
  GtkToggleButton *phq9_toggle;
  GtkToggleButton *gad7_toggle;
  GtkToggleButton *wsas_toggle;
  GtkLabel       *phq9_value_label;
  GtkLabel       *phq9_change_label;
  GtkLabel       *gad7_value_label;
  GtkLabel       *gad7_change_label;
  GtkWidget      *signal_card;
  GtkLabel       *signal_label;
  GtkLabel       *signal_rule_label;
  GtkLabel       *outcome_title_label;
  GtkLabel       *outcome_label;
  GtkLabel       *outcome_rule_label;
  GtkLabel       *tasks_title_label;
  GtkBox         *tasks_box;
  GtkStack       *sessions_stack;
  GtkColumnView  *sessions_view;
};

G_DEFINE_FINAL_TYPE (IptClientPage, ipt_client_page, GTK_TYPE_WIDGET)

static GPtrArray *
scores_for_session (IptClientPage *self,
                    IptSession    *session)
{
  gint64 id = ipt_session_get_id (session);

  return g_hash_table_lookup (self->scores, &id);
}

static IptScore *
score_for_session (IptClientPage *self,
                   IptSession    *session,
                   const char    *measure_id)
{
  GPtrArray *scores = scores_for_session (self, session);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);

      if (g_strcmp0 (ipt_score_get_measure_id (score), measure_id) == 0)
        return score;
    }
  return NULL;
}

/* Columns of the sessions table */

static const char *
column_measure (Column column)
{
  switch (column)
    {
    case COLUMN_PHQ9:
      return "phq9";
    case COLUMN_GAD7:
      return "gad7";
    case COLUMN_WSAS:
      return "wsas";
    default:
      return NULL;
    }
}

static char *
note_excerpt (IptSession *session)
{
  const char *notes[] = {
    ipt_session_get_note_events (session),
    ipt_session_get_note_agenda (session),
    ipt_session_get_note_between (session),
  };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      if (notes[i] != NULL && *notes[i] != '\0')
        {
          g_autofree char *line = g_strdup (notes[i]);
          char *newline = strchr (line, '\n');

          if (newline != NULL)
            *newline = '\0';
          return g_steal_pointer (&line);
        }
    }
  return g_strdup ("");
}

static char *
column_text (IptClientPage *self,
             IptSession    *session,
             Column         column,
             gboolean      *risk)
{
  *risk = FALSE;

  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup_printf ("%u", ipt_session_get_number (session));
    case COLUMN_DATE:
      return g_strdup (ipt_session_get_date (session));
    case COLUMN_PHASE:
      return g_strdup (ipt_phase_to_label (ipt_session_get_phase (session)));
    case COLUMN_ATTENDANCE:
      return g_strdup (ipt_attendance_to_label (ipt_session_get_attendance (session)));
    case COLUMN_ATTENDEES:
      return g_strdup (ipt_session_get_attended (session)
                       ? ipt_attendees_to_label (ipt_session_get_attendees (session)) : "");
    case COLUMN_PHQ9:
    case COLUMN_GAD7:
    case COLUMN_WSAS:
      {
        IptScore *score = score_for_session (self, session, column_measure (column));

        if (score == NULL)
          return g_strdup ("");
        *risk = ipt_score_get_risk (score);
        if (!ipt_score_has_total (score))
          return g_strdup (C_("score", "incomplete"));
        if (*risk)
          /* TRANSLATORS: a PHQ-9 total with the risk item answered above 0 */
          return g_strdup_printf (_("%d · risk"), ipt_score_get_total (score));
        return g_strdup_printf ("%d", ipt_score_get_total (score));
      }
    case COLUMN_NOTE:
      return note_excerpt (session);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_column_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column <= COLUMN_NUMBER || column_measure (column) ? 1.0 : 0.0);
  if (column == COLUMN_NOTE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  if (column == COLUMN_NUMBER || column_measure (column) != NULL || column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_column_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IptClientPage            *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  IptSession *session = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  gboolean risk;

  text = column_text (self, session, column, &risk);
  gtk_label_set_label (GTK_LABEL (label), text);
  if (risk)
    gtk_widget_add_css_class (label, "risk-text");
  else
    gtk_widget_remove_css_class (label, "risk-text");
  if (!ipt_session_get_attended (session) && column == COLUMN_ATTENDANCE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static int
compare_totals (IptClientPage *self,
                IptSession    *a,
                IptSession    *b,
                const char    *measure_id)
{
  IptScore *sa = score_for_session (self, a, measure_id);
  IptScore *sb = score_for_session (self, b, measure_id);
  int ta = sa != NULL && ipt_score_has_total (sa) ? ipt_score_get_total (sa) : -1;
  int tb = sb != NULL && ipt_score_has_total (sb) ? ipt_score_get_total (sb) : -1;

  return (ta > tb) - (ta < tb);
}

static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkColumnViewColumn *column_object = GTK_COLUMN_VIEW_COLUMN (user_data);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column_object), "column"));
  IptClientPage *self = g_object_get_data (G_OBJECT (column_object), "page");
  IptSession *sa = IPT_SESSION ((gpointer) a);
  IptSession *sb = IPT_SESSION ((gpointer) b);
  guint na = ipt_session_get_number (sa);
  guint nb = ipt_session_get_number (sb);
  int result = 0;

  switch (column)
    {
    case COLUMN_NUMBER:
      break;
    case COLUMN_DATE:
      result = g_strcmp0 (ipt_session_get_date (sa), ipt_session_get_date (sb));
      break;
    case COLUMN_PHASE:
      result = (int) ipt_session_get_phase (sa) - (int) ipt_session_get_phase (sb);
      break;
    case COLUMN_ATTENDANCE:
      result = (int) ipt_session_get_attendance (sa) - (int) ipt_session_get_attendance (sb);
      break;
    case COLUMN_ATTENDEES:
      result = (int) ipt_session_get_attendees (sa) - (int) ipt_session_get_attendees (sb);
      break;
    case COLUMN_PHQ9:
    case COLUMN_GAD7:
    case COLUMN_WSAS:
      result = compare_totals (self, sa, sb, column_measure (column));
      break;
    case COLUMN_NOTE:
      {
        g_autofree char *ea = note_excerpt (sa);
        g_autofree char *eb = note_excerpt (sb);
        result = g_utf8_collate (ea, eb);
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties by session number, so the order is stable. */
  if (result == 0)
    result = (na > nb) - (na < nb);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_columns (IptClientPage *self)
{
  const char *titles[N_COLUMNS] = {
    C_("session number column", "No."),
    _("Date"),
    _("Phase"),
    _("Attendance"),
    _("Who attended"),
    _("PHQ-9"),
    _("GAD-7"),
    _("WSAS"),
    _("Note"),
  };
  GtkColumnViewColumn *first = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkCustomSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_column_setup), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (on_column_bind), self, 0);

      column = gtk_column_view_column_new (titles[i], g_object_ref (factory));
      g_object_set_data (G_OBJECT (column), "column", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (column), "page", self);
      sorter = gtk_custom_sorter_new (column_compare, column, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == COLUMN_NOTE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->sessions_view, column);
      if (first == NULL)
        first = column;
    }

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->session_store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->sessions_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_sort_by_column (self->sessions_view, first, GTK_SORT_ASCENDING);
}

static void
on_sessions_view_activate (GtkColumnView *view,
                           guint          position,
                           IptClientPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(IptSession) session = g_list_model_get_item (model, position);

  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-session", "x",
                                ipt_session_get_id (session));
}

/* Overview */

static void
show_measure_card (GtkLabel       *value_label,
                   GtkLabel       *change_label,
                   const char     *measure_id,
                   const IptSeriesPoint *points,
                   guint           n_points)
{
  const IptMeasure *measure = ipt_measure_lookup (measure_id);
  const IptSeriesPoint *first = NULL;
  const IptSeriesPoint *last = NULL;
  g_autofree char *value = NULL;
  g_autofree char *change = NULL;

  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].total == IPT_TOTAL_NONE)
        continue;
      if (first == NULL)
        first = &points[i];
      last = &points[i];
    }

  if (last == NULL)
    {
      gtk_label_set_label (value_label, C_("score", "Not taken yet"));
      gtk_label_set_label (change_label, "");
      return;
    }

  {
    const char *band = ipt_measure_band_label (measure, last->total);

    /* TRANSLATORS: a total and its severity band, e.g. "16 · moderately severe" */
    value = band != NULL ? g_strdup_printf (_("%d · %s"), last->total, band)
                         : g_strdup_printf ("%d", last->total);
  }

  if (first == last)
    /* TRANSLATORS: %u is a session number */
    change = g_strdup_printf (_("session %u · the first score"), last->session);
  else
    /* TRANSLATORS: "first 19 · change −3 · session 9"; the change has its sign */
    change = g_strdup_printf (_("first %d · change %s%d · session %u"),
                              first->total,
                              last->total - first->total > 0 ? "+" :
                              last->total - first->total < 0 ? "−" : "±",
                              ABS (last->total - first->total), last->session);

  gtk_label_set_label (value_label, value);
  gtk_label_set_label (change_label, change);
}

static void
show_tasks (IptClientPage *self)
{
  GtkWidget *child;
  IptPhase phase;
  const char * const *tasks;
  guint done = 0;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tasks_box))) != NULL)
    gtk_box_remove (self->tasks_box, child);

  phase = ipt_case_summary_get_phase (self->summary);
  if (ipt_case_summary_get_current_session (self->summary) == 0)
    phase = IPT_PHASE_ASSESSMENT;

  /* Ticks from the latest session of this phase. */
  for (guint i = self->sessions->len; i > 0; i--)
    {
      IptSession *session = g_ptr_array_index (self->sessions, i - 1);

      if (ipt_session_get_phase (session) == phase)
        {
          done = ipt_session_get_tasks_done (session);
          break;
        }
    }

  /* TRANSLATORS: %s is a phase, e.g. "Middle phase tasks" */
  title = g_strdup_printf (_("%s phase tasks"), ipt_phase_to_label (phase));
  gtk_label_set_label (self->tasks_title_label, title);

  tasks = ipt_phase_get_tasks (phase);
  for (guint i = 0; tasks != NULL && tasks[i] != NULL; i++)
    {
      gboolean ticked = i < 32 && (done & (1u << i)) != 0;
      g_autofree char *text = g_strdup_printf ("%s  %s", ticked ? "☑" : "☐", tasks[i]);
      g_autofree char *accessible = g_strdup_printf (ticked ? _("Done: %s") : _("Not done yet: %s"),
                                                     tasks[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      if (!ticked)
        gtk_widget_add_css_class (label, "task-open");
      gtk_box_append (self->tasks_box, label);
    }
}

static void
show_signal_and_outcome (IptClientPage *self)
{
  GPtrArray *signals = ipt_case_summary_get_signals (self->summary);
  const IptOutcome *outcome = ipt_case_summary_get_outcome (self->summary);
  IptSignalKind kind = ipt_case_summary_get_signal_kind (self->summary);
  g_autoptr(GString) rules = g_string_new (NULL);
  gboolean ended;

  for (guint i = 0; signals != NULL && i < signals->len; i++)
    {
      IptSignal *signal = g_ptr_array_index (signals, i);

      if (signal->kind == IPT_SIGNAL_OUTCOME)
        continue;
      if (rules->len > 0)
        g_string_append (rules, "\n");
      if (signals->len > 1)
        g_string_append_printf (rules, "%s: ", ipt_signal_kind_to_label (signal->kind));
      g_string_append (rules, signal->rule);
    }

  /* A finished course speaks through its outcome card; the signal card stays for risk. */
  if (kind == IPT_SIGNAL_OUTCOME && rules->len == 0)
    gtk_widget_set_visible (self->signal_card, FALSE);
  else
    gtk_widget_set_visible (self->signal_card, TRUE);
  gtk_label_set_label (self->signal_label, ipt_signal_kind_to_label (kind));
  _ipt_widget_set_signal_class (GTK_WIDGET (self->signal_label), kind);
  gtk_label_set_label (self->signal_rule_label, rules->str);

  ended = ipt_episode_get_status (self->episode) != IPT_EPISODE_STATUS_ACTIVE;
  gtk_label_set_label (self->outcome_title_label, ended ? _("Outcome") : _("Outcome so far"));
  if (outcome != NULL)
    {
      gtk_label_set_label (self->outcome_label, ipt_outcome_category_to_label (outcome->category));
      gtk_label_set_label (self->outcome_rule_label, outcome->rule != NULL ? outcome->rule : "");
    }
  else
    {
      gtk_label_set_label (self->outcome_label, "");
      gtk_label_set_label (self->outcome_rule_label, "");
    }
}

static void
show_header (IptClientPage *self)
{
  g_autoptr(GString) details = g_string_new (ipt_client_get_code (self->client));
  g_autofree char *focus = NULL;
  const char *name = ipt_client_get_display_name (self->client);

  gtk_label_set_label (self->name_label, name);

  if (self->episode != NULL)
    {
      focus = _ipt_focus_text (self->episode, self->us_wording);
      g_string_append_printf (details, " · %s", focus);
      /* TRANSLATORS: the ordinal of a client's course of therapy */
      g_string_append_printf (details, _(" · course %u"), ipt_episode_get_ordinal (self->episode));
      if (ipt_episode_get_status (self->episode) != IPT_EPISODE_STATUS_ACTIVE)
        g_string_append_printf (details, " · %s",
                                ipt_episode_status_to_label (ipt_episode_get_status (self->episode)));
    }
  if (ipt_client_get_archived (self->client))
    g_string_append_printf (details, " · %s", _("archived"));
  gtk_label_set_label (self->details_label, details->str);

  ipt_phase_bar_set_course (self->phase_bar, self->episode, self->sessions);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_bar), self->episode != NULL);

  if (self->episode == NULL)
    {
      gtk_label_set_label (self->progress_label, "");
    }
  else
    {
      guint current = ipt_case_summary_get_current_session (self->summary);
      g_autofree char *progress = NULL;

      if (ipt_episode_get_status (self->episode) != IPT_EPISODE_STATUS_ACTIVE)
        progress = g_strdup (ipt_case_summary_get_progress_text (self->summary));
      else if (current == 0)
        /* TRANSLATORS: %u is the number of planned sessions */
        progress = g_strdup_printf (_("No session yet of %u planned"),
                                    ipt_episode_get_planned_sessions (self->episode));
      else
        /* TRANSLATORS: "Session 9 of 16 · Middle phase" */
        progress = g_strdup_printf (_("Session %u of %u · %s phase"), current,
                                    ipt_episode_get_planned_sessions (self->episode),
                                    ipt_phase_to_label (ipt_case_summary_get_phase (self->summary)));
      gtk_label_set_label (self->progress_label, progress);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->risk_label),
                          self->summary != NULL && ipt_case_summary_get_has_risk (self->summary));
  if (self->summary != NULL && ipt_case_summary_get_has_risk (self->summary))
    {
      GPtrArray *signals = ipt_case_summary_get_signals (self->summary);
      for (guint i = 0; i < signals->len; i++)
        {
          IptSignal *signal = g_ptr_array_index (signals, i);
          if (signal->kind == IPT_SIGNAL_RISK)
            gtk_widget_set_tooltip_text (GTK_WIDGET (self->risk_label), signal->rule);
        }
    }
}

static void
clear (IptClientPage *self)
{
  g_clear_object (&self->client);
  g_clear_object (&self->episode);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_hash_table_remove_all (self->scores);
  g_list_store_remove_all (self->session_store);
}

static gboolean
load (IptClientPage *self,
      gint64         client_id,
      GError       **error)
{
  g_autoptr(GPtrArray) scores = NULL;

  self->client = ipt_store_get_client (self->store, client_id, error);
  if (self->client == NULL)
    return FALSE;
  self->summary = ipt_store_load_case_summary (self->store, client_id, error);
  if (self->summary == NULL)
    return FALSE;
  self->episode = ipt_case_summary_get_episode (self->summary);
  if (self->episode != NULL)
    g_object_ref (self->episode);

  if (self->episode == NULL)
    {
      self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
      return TRUE;
    }

  self->sessions = ipt_store_list_sessions (self->store, ipt_episode_get_id (self->episode), error);
  if (self->sessions == NULL)
    return FALSE;
  scores = ipt_store_list_scores (self->store, ipt_episode_get_id (self->episode), error);
  if (scores == NULL)
    return FALSE;

  for (guint i = 0; i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);
      gint64 session_id = ipt_score_get_session_id (score);
      GPtrArray *list = g_hash_table_lookup (self->scores, &session_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->scores, g_memdup2 (&session_id, sizeof session_id), list);
        }
      g_ptr_array_add (list, g_object_ref (score));
    }

  return TRUE;
}

void
ipt_client_page_set_client (IptClientPage *self,
                            IptStore      *store,
                            gint64         client_id,
                            gboolean       us_wording)
{
  g_autoptr(GError) error = NULL;
  const IptSeriesPoint *points;
  guint n_points;

  g_return_if_fail (IPT_IS_CLIENT_PAGE (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  clear (self);
  g_set_object (&self->store, store);
  self->us_wording = us_wording;

  if (store == NULL || client_id == 0)
    return;

  if (!load (self, client_id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      clear (self);
      _ipt_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       _("The client’s records could not be read"), error);
      return;
    }

  show_header (self);

  if (self->episode == NULL)
    {
      gtk_stack_set_visible_child_name (self->course_stack, "no-course");
      return;
    }
  gtk_stack_set_visible_child_name (self->course_stack, "course");

  g_list_store_splice (self->session_store, 0, 0, self->sessions->pdata, self->sessions->len);
  gtk_stack_set_visible_child_name (self->sessions_stack, self->sessions->len > 0 ? "list" : "empty");

  points = ipt_case_summary_get_phq9 (self->summary, &n_points);
  show_measure_card (self->phq9_value_label, self->phq9_change_label, "phq9", points, n_points);
  points = ipt_case_summary_get_gad7 (self->summary, &n_points);
  show_measure_card (self->gad7_value_label, self->gad7_change_label, "gad7", points, n_points);
  show_signal_and_outcome (self);
  show_tasks (self);

  if (!ipt_mood_chart_view_load (IPT_MOOD_CHART_VIEW (self->mood_chart), store, self->client,
                                 self->episode, &error))
    g_debug ("No mood chart for client %" G_GINT64_FORMAT ": %s", client_id, error->message);
}

IptClient *
ipt_client_page_get_client (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return self->client;
}

IptEpisode *
ipt_client_page_get_episode (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return self->episode;
}

GPtrArray *
ipt_client_page_get_sessions (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return self->sessions;
}

IptCaseSummary *
ipt_client_page_get_summary (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return self->summary;
}

void
ipt_client_page_show_tab (IptClientPage *self,
                          const char    *name)
{
  g_return_if_fail (IPT_IS_CLIENT_PAGE (self));

  gtk_stack_set_visible_child_name (self->tabs_stack, name);
}

static void
ipt_client_page_dispose (GObject *object)
{
  IptClientPage *self = IPT_CLIENT_PAGE (object);
  GtkWidget *child;

  if (self->sessions_view != NULL)
    gtk_column_view_set_model (self->sessions_view, NULL);
  clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_CLIENT_PAGE);
  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->session_store);
  g_clear_pointer (&self->scores, g_hash_table_unref);

  G_OBJECT_CLASS (ipt_client_page_parent_class)->dispose (object);
}

static void
ipt_client_page_class_init (IptClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_client_page_dispose;

  g_type_ensure (IPT_TYPE_PHASE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, phase_bar);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, course_stack);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, tabs_stack);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, phq9_toggle);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, gad7_toggle);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, wsas_toggle);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, phq9_value_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, phq9_change_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, gad7_value_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, gad7_change_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, signal_card);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, signal_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, signal_rule_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, outcome_title_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, outcome_rule_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, tasks_title_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, tasks_box);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, sessions_stack);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, sessions_view);
  gtk_widget_class_bind_template_callback (widget_class, on_sessions_view_activate);
  gtk_widget_class_set_css_name (widget_class, "clientpage");
}

static void
ipt_client_page_init (IptClientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->session_store = g_list_store_new (IPT_TYPE_SESSION);
  add_columns (self);

  self->mood_chart = GTK_WIDGET (ipt_mood_chart_view_new ());
  gtk_widget_set_size_request (self->mood_chart, -1, 300);
  gtk_box_append (self->chart_box, self->mood_chart);
  g_object_bind_property (self->mood_chart, "show-phq9", self->phq9_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->mood_chart, "show-gad7", self->gad7_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->mood_chart, "show-wsas", self->wsas_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkWidget *
ipt_client_page_new (void)
{
  return g_object_new (IPT_TYPE_CLIENT_PAGE, NULL);
}
