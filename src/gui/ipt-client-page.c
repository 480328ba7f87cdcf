/* A client's page: header with phase bar, Overview (chart, scores, signal, outcome, tasks) and
 * Sessions (every session of the current course).
 *
 * The page follows the store: it listens to IptStore::changed (through a GSignalGroup whose
 * target is the store shown) and reads its client again when an announcement names them, so
 * nobody has to tell it to. The chart and the tabs do the same by themselves: the page only
 * tells them which client and course to show when that changes (show_tabs ()). A new tab does
 * the same: read in its own load, listen, bind. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-client-page.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-formulation-view.h"
#include "ipt-gui-private.h"
#include "ipt-phase-bar.h"
#include "ipt-preferences.h"
#include "ipt-timeline-view.h"

#include "ipt-mood-chart-view.h"
#include "ipt-inventory-view.h"

G_DEFINE_FINAL_TYPE (IptClientPage, ipt_client_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_EPISODE,
  PROP_US_WORDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sessions: the columns are set up in ipt-client-page-sessions.c; a row opens its session. */

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
  IptPhaseProgress progress;
  g_autofree char *summary = NULL;
  GtkWidget *summary_label;
  guint done;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tasks_box))) != NULL)
    gtk_box_remove (self->tasks_box, child);

  phase = ipt_case_summary_get_phase (self->summary);
  if (ipt_case_summary_get_current_session (self->summary) == 0)
    phase = IPT_PHASE_ASSESSMENT;

  /* Ticks at the phase's sessions, and what the records show (an inventory, a focus...). */
  _ipt_client_page_phase_progress (self, phase, &progress);
  done = progress.done;

  gtk_label_set_label (self->tasks_title_label, _ipt_phase_tasks_title (phase));
  summary = ipt_phase_progress_describe (&progress);
  summary_label = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (summary_label), 0);
  gtk_label_set_wrap (GTK_LABEL (summary_label), TRUE);
  gtk_widget_set_name (summary_label, "tasks-progress");
  gtk_widget_add_css_class (summary_label, "dim-label");
  gtk_box_append (self->tasks_box, summary_label);

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
  g_autoptr(GString) labels = g_string_new (NULL);
  gboolean ended;

  /* Every signal that applies, most urgent first; each rule starts with its name. */
  for (guint i = 0; signals != NULL && i < signals->len; i++)
    {
      IptSignal *signal = g_ptr_array_index (signals, i);

      if (signal->kind == IPT_SIGNAL_OUTCOME)
        continue;
      if (rules->len > 0)
        {
          g_string_append (rules, "\n");
          g_string_append (labels, " \u00b7 ");
        }
      g_string_append (rules, signal->rule);
      g_string_append (labels, ipt_signal_kind_to_label (signal->kind));
    }

  /* A finished course speaks through its outcome card; the signal card stays for risk. */
  /* the card and its place among the cards (a GtkFlowBoxChild) show or hide together */
  gtk_widget_set_visible (self->signal_card, !(kind == IPT_SIGNAL_OUTCOME && rules->len == 0));
  gtk_widget_set_visible (gtk_widget_get_parent (self->signal_card),
                          gtk_widget_get_visible (self->signal_card));
  gtk_label_set_label (self->signal_label,
                       labels->len > 0 ? labels->str : ipt_signal_kind_to_label (kind));
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
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *focus = NULL;
  const char *name = ipt_client_get_display_name (self->client);
  const char *code = ipt_client_get_code (self->client);

  /* The code shows once: a client without a name is titled by it already. */
  if (g_strcmp0 (name, code) != 0)
    g_string_append (details, code);
  if (self->episode != NULL)
    {
      focus = _ipt_focus_text (self->episode, self->us_wording);
      g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", focus);
      /* TRANSLATORS: the ordinal of a client's course of therapy */
      g_string_append_printf (details, _(" · course %u"), ipt_episode_get_ordinal (self->episode));
      if (ipt_episode_get_status (self->episode) != IPT_EPISODE_STATUS_ACTIVE)
        g_string_append_printf (details, " · %s",
                                ipt_episode_status_to_label (ipt_episode_get_status (self->episode)));
    }
  if (ipt_client_get_archived (self->client))
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", _("archived"));
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
        progress = g_strdup_printf (ngettext ("No session yet of %u planned",
                                              "No session yet of %u planned",
                                              ipt_episode_get_planned_sessions (self->episode)),
                                    ipt_episode_get_planned_sessions (self->episode));
      else
        /* Attended sessions count: missed appointments use up no session of the contract. */
        /* TRANSLATORS: "Session 9 of 16 · Middle phase"; %s is a phase ("Middle phase") */
        progress = g_strdup_printf (_("Session %u of %u · %s"),
                                    ipt_case_summary_get_sessions_attended (self->summary),
                                    ipt_episode_get_planned_sessions (self->episode),
                                    _ipt_phase_phrase (ipt_case_summary_get_phase (self->summary)));
      gtk_label_set_label (self->progress_label, progress);
    }

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
  g_clear_pointer (&self->risk_reviews, g_ptr_array_unref);
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
  if (!_ipt_client_page_load_earlier (self, error))
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
  if (!_ipt_client_page_load_risk_reviews (self, error))
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

/* Tells the chart and the tabs which client and course to show, when that changed: each reads
 * them itself, and follows the store's announcements of the client by itself. */
static void
show_tabs (IptClientPage *self)
{
  IptStore *store = self->client != NULL ? self->store : NULL;
  gint64 client_id = self->client != NULL ? self->client_id : 0;
  gint64 course_id = self->episode != NULL ? ipt_episode_get_id (self->episode) : 0;

  if (self->tabs_store == store && self->tabs_client_id == client_id
      && self->tabs_course_id == course_id && self->tabs_read_only == self->earlier)
    return;
  g_set_object (&self->tabs_store, store);
  self->tabs_client_id = client_id;
  self->tabs_course_id = course_id;
  self->tabs_read_only = self->earlier;

  /* An earlier course is read, never edited, on every tab. */
  ipt_formulation_view_set_read_only (IPT_FORMULATION_VIEW (self->formulation_view), self->earlier);
  ipt_timeline_view_set_read_only (IPT_TIMELINE_VIEW (self->timeline_view), self->earlier);
  ipt_inventory_view_set_read_only (IPT_INVENTORY_VIEW (self->inventory_view), self->earlier);
  ipt_mood_chart_view_set_course (IPT_MOOD_CHART_VIEW (self->mood_chart), store, client_id,
                                  course_id);
  ipt_formulation_view_set_course (IPT_FORMULATION_VIEW (self->formulation_view), store,
                                   client_id, course_id);
  ipt_timeline_view_set_client (IPT_TIMELINE_VIEW (self->timeline_view), store, client_id,
                                course_id);
  ipt_inventory_view_set_client (IPT_INVENTORY_VIEW (self->inventory_view), store, client_id,
                                 course_id);
}

static void
show (IptClientPage *self)
{
  g_autoptr(GError) error = NULL;
  const IptSeriesPoint *points;
  guint n_points;

  clear (self);
  gtk_widget_set_visible (self->record_button, FALSE);

  if (self->store != NULL && self->client_id != 0 && !load (self, self->client_id, &error))
    {
      clear (self);
      /* A client deleted while shown simply leaves the page. */
      if (!g_error_matches (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          _ipt_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           _("The client’s records could not be read"), error);
        }
    }

  if (self->client == NULL)
    goto out;

  show_header (self);
  _ipt_client_page_show_earlier_bar (self);
  _ipt_client_page_show_risk_reviews (self);
  _ipt_client_page_show_earlier_courses (self);
  _ipt_client_page_load_attendees (self);
  _ipt_client_page_show_glance (self);

  if (self->episode == NULL)
    {
      gtk_stack_set_visible_child_name (self->course_stack, "no-course");
      _ipt_client_page_show_supervision (self);
      goto out;
    }
  gtk_stack_set_visible_child_name (self->course_stack, "course");
  gtk_widget_set_visible (self->record_button, TRUE);

  g_list_store_splice (self->session_store, 0, 0, self->sessions->pdata, self->sessions->len);
  gtk_stack_set_visible_child_name (self->sessions_stack, self->sessions->len > 0 ? "list" : "empty");

  points = ipt_case_summary_get_phq9 (self->summary, &n_points);
  show_measure_card (self->phq9_value_label, self->phq9_change_label, "phq9", points, n_points);
  points = ipt_case_summary_get_gad7 (self->summary, &n_points);
  show_measure_card (self->gad7_value_label, self->gad7_change_label, "gad7", points, n_points);
  show_signal_and_outcome (self);
  show_tasks (self);
  _ipt_client_page_show_supervision (self);

out:
  if (self->client == NULL)
    {
      self->earlier = FALSE;
      gtk_widget_set_visible (self->earlier_bar, FALSE);
    }
  show_tabs (self);
  g_binding_group_set_source (self->client_bindings, self->client);
  g_binding_group_set_source (self->summary_bindings, self->summary);
  /* Whoever shows what the page holds (the window's actions, a title) follows these. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE]);
}

static void
on_store_changed (IptStore        *store,
                  IptStoreChanges *changes,
                  IptClientPage   *self)
{
  if (self->client_id != 0 && ipt_store_changes_has_client (changes, self->client_id))
    show (self);
}

void
ipt_client_page_set_client (IptClientPage *self,
                            IptStore      *store,
                            gint64         client_id)
{
  g_return_if_fail (IPT_IS_CLIENT_PAGE (self));
  g_return_if_fail (store == NULL || IPT_IS_STORE (store));

  if (self->client_id != client_id || self->store != store)
    _ipt_client_page_leave_supervision (self);
  if (g_set_object (&self->store, store))
    g_signal_group_set_target (self->store_signals, store);
  /* Another client opens on their current course. */
  if (self->client_id != (store != NULL ? client_id : 0))
    self->course_id = 0;
  self->client_id = store != NULL ? client_id : 0;
  show (self);
}

void
ipt_client_page_show_course (IptClientPage *self,
                             gint64         episode_id)
{
  g_return_if_fail (IPT_IS_CLIENT_PAGE (self));

  if (self->course_id == episode_id)
    return;
  self->course_id = episode_id;
  show (self);
}

gboolean
ipt_client_page_get_read_only (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), FALSE);

  return self->earlier;
}

static void
set_us_wording (IptClientPage *self,
                gboolean       us_wording)
{
  if (self->us_wording == us_wording)
    return;
  self->us_wording = us_wording;
  /* Only the header names the focus. */
  if (self->client != NULL)
    show_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_US_WORDING]);
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

IptMoodChartView *
ipt_client_page_get_mood_chart (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return IPT_MOOD_CHART_VIEW (self->mood_chart);
}

GPtrArray *
ipt_client_page_get_sessions (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return self->sessions;
}

GPtrArray *
ipt_client_page_get_risk_reviews (IptClientPage *self)
{
  g_return_val_if_fail (IPT_IS_CLIENT_PAGE (self), NULL);

  return self->risk_reviews;
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
ipt_client_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ipt_client_page_parent_class)->map (widget);
  _ipt_client_page_note_mapped (IPT_CLIENT_PAGE (widget));
}

static void
ipt_client_page_unmap (GtkWidget *widget)
{
  _ipt_client_page_leave_supervision (IPT_CLIENT_PAGE (widget));
  GTK_WIDGET_CLASS (ipt_client_page_parent_class)->unmap (widget);
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
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->client_bindings);
  g_clear_object (&self->summary_bindings);
  g_clear_object (&self->tabs_store);
  g_clear_object (&self->store);
  g_clear_object (&self->session_store);
  g_clear_pointer (&self->scores, g_hash_table_unref);

  g_clear_pointer (&self->attendees, g_hash_table_unref);
  G_OBJECT_CLASS (ipt_client_page_parent_class)->dispose (object);
}

static void
ipt_client_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IptClientPage *self = IPT_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_EPISODE:
      g_value_set_object (value, self->episode);
      break;
    case PROP_US_WORDING:
      g_value_set_boolean (value, self->us_wording);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_client_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_US_WORDING:
      set_us_wording (IPT_CLIENT_PAGE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_client_page_class_init (IptClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_client_page_dispose;
  object_class->get_property = ipt_client_page_get_property;
  object_class->set_property = ipt_client_page_set_property;
  widget_class->map = ipt_client_page_map;
  widget_class->unmap = ipt_client_page_unmap;

  /* The client shown and their current course, as last read from the store (notified each
   * time the page reads them, also when the store announces a change). */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, IPT_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPISODE] =
    g_param_spec_object ("episode", NULL, NULL, IPT_TYPE_EPISODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* US names of the problem areas ("Interpersonal deficits"). */
  properties[PROP_US_WORDING] =
    g_param_spec_boolean ("us-wording", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IPT_TYPE_PHASE_BAR);
  g_type_ensure (IPT_TYPE_FORMULATION_VIEW);
  g_type_ensure (IPT_TYPE_TIMELINE_VIEW);
  g_type_ensure (IPT_TYPE_INVENTORY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ipt-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, phase_bar);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, course_stack);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, tabs_stack);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, formulation_view);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, inventory_view);
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
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, earlier_section);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, glance_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, quiet_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, earlier_bar);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, earlier_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, ending_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, outcome_rule_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, tasks_title_label);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, tasks_box);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, sessions_stack);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, risk_review_button);
  gtk_widget_class_bind_template_child (widget_class, IptClientPage, risk_reviews_box);
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
  _ipt_client_page_add_columns (self);

  self->store_signals = g_signal_group_new (IPT_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_DEFAULT);
  g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", self, "us-wording",
                          G_BINDING_SYNC_CREATE);

  /* What shows a property of the client or their summary is bound to it. */
  self->client_bindings = g_binding_group_new ();
  g_binding_group_bind (self->client_bindings, "display-name", self->name_label, "label",
                        G_BINDING_SYNC_CREATE);
  self->summary_bindings = g_binding_group_new ();
  g_binding_group_bind (self->summary_bindings, "has-risk", self->risk_label, "visible",
                        G_BINDING_SYNC_CREATE);

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
