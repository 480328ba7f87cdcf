/* One row of the caseload: a client, their current course, its signals and outcome. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-case-summary.h"
#include "ipt-search.h"
#include "ipt-measure.h"
#include "ipt-risk-review.h"

#include <glib/gi18n.h>
#include <string.h>

struct _IptCaseSummary
{
  GObject parent_instance;

  IptClient      *client;
  IptEpisode     *episode;
  IptCourseMap   *course;
  IptSeriesPoint *phq9;
  guint           n_phq9;
  IptSeriesPoint *gad7;
  guint           n_gad7;
  gboolean        course_running;
  guint           risk_reviewed_through;
  /* The kinds are classified at once (lists sort and filter on them); the words of the rules,
   * the outcome and the texts are made when first asked for: a caseload holds thousands. */
  IptSignalKind   kinds[IPT_SIGNALS_MAX_APPLYING];
  guint           n_kinds;
  GPtrArray      *signals;
  IptOutcome     *outcome;
  char           *progress_text;
  char           *search_key;
};

G_DEFINE_FINAL_TYPE (IptCaseSummary, ipt_case_summary, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_EPISODE,
  PROP_SESSIONS_ATTENDED,
  PROP_CURRENT_SESSION,
  PROP_PHASE,
  PROP_SIGNAL_KIND,
  PROP_SIGNAL_RULE,
  PROP_HAS_RISK,
  PROP_NEEDS_ATTENTION,
  PROP_OUTCOME,
  PROP_PROGRESS_TEXT,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_client_notify (IptClient      *client,
                              GParamSpec     *pspec,
                              IptCaseSummary *self);

static void
ipt_case_summary_dispose (GObject *object)
{
  IptCaseSummary *self = (IptCaseSummary *) object;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, on_client_notify, self);
  g_clear_object (&self->client);
  g_clear_object (&self->episode);

  G_OBJECT_CLASS (ipt_case_summary_parent_class)->dispose (object);
}

static void
ipt_case_summary_finalize (GObject *object)
{
  IptCaseSummary *self = (IptCaseSummary *) object;

  g_clear_pointer (&self->course, ipt_course_map_free);
  g_free (self->phq9);
  g_free (self->gad7);
  g_clear_pointer (&self->signals, g_ptr_array_unref);
  g_clear_pointer (&self->outcome, ipt_outcome_free);
  g_free (self->progress_text);
  g_free (self->search_key);

  G_OBJECT_CLASS (ipt_case_summary_parent_class)->finalize (object);
}

static void
ipt_case_summary_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IptCaseSummary *self = IPT_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_EPISODE:
      g_value_set_object (value, self->episode);
      break;

    case PROP_SESSIONS_ATTENDED:
      g_value_set_uint (value, ipt_case_summary_get_sessions_attended (self));
      break;

    case PROP_CURRENT_SESSION:
      g_value_set_uint (value, ipt_case_summary_get_current_session (self));
      break;

    case PROP_PHASE:
      g_value_set_enum (value, ipt_case_summary_get_phase (self));
      break;

    case PROP_SIGNAL_KIND:
      g_value_set_enum (value, ipt_case_summary_get_signal_kind (self));
      break;

    case PROP_SIGNAL_RULE:
      g_value_set_string (value, ipt_case_summary_get_signal_rule (self));
      break;

    case PROP_HAS_RISK:
      g_value_set_boolean (value, ipt_case_summary_get_has_risk (self));
      break;

    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, ipt_case_summary_get_needs_attention (self));
      break;

    case PROP_OUTCOME:
      g_value_set_boxed (value, ipt_case_summary_get_outcome (self));
      break;

    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, ipt_case_summary_get_progress_text (self));
      break;

    case PROP_SEARCH_KEY:
      g_value_set_string (value, ipt_case_summary_get_search_key (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_summary_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IptCaseSummary *self = IPT_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_EPISODE:
      self->episode = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_summary_class_init (IptCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ipt_case_summary_dispose;
  object_class->finalize = ipt_case_summary_finalize;
  object_class->get_property = ipt_case_summary_get_property;
  object_class->set_property = ipt_case_summary_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         IPT_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EPISODE] =
    g_param_spec_object ("episode", NULL, NULL,
                         IPT_TYPE_EPISODE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSIONS_ATTENDED] =
    g_param_spec_uint ("sessions-attended", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CURRENT_SESSION] =
    g_param_spec_uint ("current-session", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, IPT_TYPE_PHASE, IPT_PHASE_ASSESSMENT, ro);
  properties[PROP_SIGNAL_KIND] =
    g_param_spec_enum ("signal-kind", NULL, NULL, IPT_TYPE_SIGNAL_KIND, IPT_SIGNAL_NO_SCORES, ro);
  properties[PROP_SIGNAL_RULE] =
    g_param_spec_string ("signal-rule", NULL, NULL, NULL, ro);
  properties[PROP_HAS_RISK] =
    g_param_spec_boolean ("has-risk", NULL, NULL, FALSE, ro);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE, ro);
  properties[PROP_OUTCOME] =
    g_param_spec_boxed ("outcome", NULL, NULL, IPT_TYPE_OUTCOME, ro);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL, ro);
  properties[PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_case_summary_init (IptCaseSummary *self)
{
}

static void
append_word (GString    *key,
             const char *word)
{
  if (word == NULL || *word == '\0')
    return;
  if (key->len > 0)
    g_string_append_c (key, ' ');
  g_string_append (key, word);
}

static char *
compute_search_key (IptClient *client)
{
  g_autoptr (GString) key = g_string_new (NULL);

  append_word (key, ipt_client_get_given_name (client));
  append_word (key, ipt_client_get_family_name (client));
  append_word (key, ipt_client_get_preferred_name (client));
  append_word (key, ipt_client_get_code (client));
  return ipt_search_fold (key->str);
}

/* The search key follows the client's names and code as they are edited. */
static void
on_client_notify (IptClient      *client,
                  GParamSpec     *pspec,
                  IptCaseSummary *self)
{
  g_autofree char *key = NULL;

  if (pspec->name != g_intern_static_string ("given-name")
      && pspec->name != g_intern_static_string ("family-name")
      && pspec->name != g_intern_static_string ("preferred-name")
      && pspec->name != g_intern_static_string ("code"))
    return;
  /* Not asked for yet: it will be made from the new names when it is. */
  if (self->search_key == NULL)
    return;
  key = compute_search_key (client);
  if (g_strcmp0 (key, self->search_key) == 0)
    return;
  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_KEY]);
}

static char *
compute_progress_text (IptCaseSummary *self)
{
  IptEpisode *episode = self->episode;
  guint planned, attended;

  if (episode == NULL)
    return g_strdup (_("No course yet"));

  attended = ipt_course_map_get_attended (self->course);
  switch (ipt_episode_get_status (episode))
    {
    case IPT_EPISODE_STATUS_ENDED:
      return g_strdup_printf (ngettext ("Ended after %u session", "Ended after %u sessions",
                                        attended),
                              attended);
    case IPT_EPISODE_STATUS_DROPPED_OUT:
      return g_strdup_printf (ngettext ("Dropped out after %u session",
                                        "Dropped out after %u sessions",
                                        attended),
                              attended);
    case IPT_EPISODE_STATUS_ACTIVE:
    default:
      break;
    }

  planned = ipt_episode_get_planned_sessions (episode);
  if (ipt_course_map_get_latest_number (self->course) == 0)
    return g_strdup_printf (ngettext ("Not started · %u session planned",
                                      "Not started · %u sessions planned", planned),
                            planned);
  /* Attended sessions count, missed appointments do not. */
  /* TRANSLATORS: "Session 7 of 16 · Middle" */
  return g_strdup_printf (_("Session %u of %u · %s"), attended, planned,
                          ipt_phase_to_label (ipt_case_summary_get_phase (self)));
}

static void
get_progress (IptCaseSummary *self,
              IptProgress    *progress)
{
  *progress = (IptProgress) {
    .phq9 = self->phq9,
    .n_phq9 = self->n_phq9,
    .gad7 = self->gad7,
    .n_gad7 = self->n_gad7,
    .course = self->course,
    .course_running = self->course_running,
    .risk_reviewed_through = self->risk_reviewed_through,
  };
}

IptCaseSummary *
ipt_case_summary_new (IptClient            *client,
                      IptEpisode           *episode,
                      const IptAppointment *appointments,
                      guint                 n_appointments,
                      const IptSeriesPoint *phq9,
                      guint                 n_phq9,
                      const IptSeriesPoint *gad7,
                      guint                 n_gad7)
{
  IptCaseSummary *self;

  g_return_val_if_fail (IPT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (episode == NULL || IPT_IS_EPISODE (episode), NULL);
  g_return_val_if_fail (appointments != NULL || n_appointments == 0, NULL);
  g_return_val_if_fail (phq9 != NULL || n_phq9 == 0, NULL);
  g_return_val_if_fail (gad7 != NULL || n_gad7 == 0, NULL);

  self = g_object_new (IPT_TYPE_CASE_SUMMARY, NULL);
  self->client = g_object_ref (client);
  self->episode = episode != NULL ? g_object_ref (episode) : NULL;
  self->n_phq9 = n_phq9;
  self->phq9 = n_phq9 > 0 ? g_memdup2 (phq9, n_phq9 * sizeof *phq9) : NULL;
  self->n_gad7 = n_gad7;
  self->gad7 = n_gad7 > 0 ? g_memdup2 (gad7, n_gad7 * sizeof *gad7) : NULL;

  if (episode != NULL)
    {
      IptProgress progress;

      self->course = ipt_course_map_new (ipt_episode_get_planned_sessions (episode),
                                         ipt_episode_get_assessment_end (episode),
                                         ipt_episode_get_middle_end (episode),
                                         ipt_episode_get_status (episode)
                                         != IPT_EPISODE_STATUS_ACTIVE,
                                         appointments, n_appointments);
      self->course_running = ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE;
      get_progress (self, &progress);
      self->n_kinds = ipt_signals_classify (&progress, self->kinds);
    }

  /* One handler for every property: cheaper than one per name for a caseload of thousands. */
  g_signal_connect (client, "notify", G_CALLBACK (on_client_notify), self);

  return self;
}

IptClient *
ipt_case_summary_get_client (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  return self->client;
}

IptEpisode *
ipt_case_summary_get_episode (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  return self->episode;
}

guint
ipt_case_summary_get_sessions_attended (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), 0);

  return self->course != NULL ? ipt_course_map_get_attended (self->course) : 0;
}

guint
ipt_case_summary_get_current_session (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), 0);

  return self->course != NULL ? ipt_course_map_get_latest_number (self->course) : 0;
}

const IptCourseMap *
ipt_case_summary_get_course_map (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  return self->course;
}

/* The phase of the latest attended session (assessment before the first). */
IptPhase
ipt_case_summary_get_phase (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), IPT_PHASE_ASSESSMENT);

  if (self->course == NULL)
    return IPT_PHASE_ASSESSMENT;
  return ipt_course_map_get_phase (self->course);
}

const IptSeriesPoint *
ipt_case_summary_get_phq9 (IptCaseSummary *self,
                           guint          *n_points)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  if (n_points != NULL)
    *n_points = self->n_phq9;
  return self->phq9;
}

const IptSeriesPoint *
ipt_case_summary_get_gad7 (IptCaseSummary *self,
                           guint          *n_points)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  if (n_points != NULL)
    *n_points = self->n_gad7;
  return self->gad7;
}

GPtrArray *
ipt_case_summary_get_signals (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  if (self->signals == NULL)
    {
      if (self->episode != NULL)
        {
          IptProgress progress;

          get_progress (self, &progress);
          self->signals = ipt_signals_compute (&progress);
        }
      else
        self->signals = g_ptr_array_new_with_free_func ((GDestroyNotify) ipt_signal_free);
    }
  return self->signals;
}

IptSignalKind
ipt_case_summary_get_signal_kind (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), IPT_SIGNAL_NO_SCORES);

  if (self->n_kinds == 0)
    return IPT_SIGNAL_NO_SCORES;
  return self->kinds[0];
}

const char *
ipt_case_summary_get_signal_rule (IptCaseSummary *self)
{
  GPtrArray *signals;

  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  signals = ipt_case_summary_get_signals (self);
  if (signals->len == 0)
    return _("No course yet");
  return ((IptSignal *) g_ptr_array_index (signals, 0))->rule;
}

guint
ipt_case_summary_get_signal_kinds (IptCaseSummary *self,
                                   IptSignalKind  *kinds)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), 0);
  g_return_val_if_fail (kinds != NULL, 0);

  for (guint i = 0; i < self->n_kinds; i++)
    kinds[i] = self->kinds[i];
  return self->n_kinds;
}

char *
ipt_case_summary_dup_signal_rules (IptCaseSummary *self)
{
  GPtrArray *signals;
  GString *rules;

  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  signals = ipt_case_summary_get_signals (self);
  rules = g_string_new (NULL);
  for (guint i = 0; i < signals->len; i++)
    {
      if (rules->len > 0)
        g_string_append_c (rules, '\n');
      g_string_append (rules, ((IptSignal *) g_ptr_array_index (signals, i))->rule);
    }
  return g_string_free (rules, FALSE);
}

GStrv
ipt_case_summary_dup_signal_briefs (IptCaseSummary *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *signals;
  IptProgress progress = { 0 };

  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  signals = ipt_case_summary_get_signals (self);
  if (self->episode != NULL)
    get_progress (self, &progress);
  for (guint i = 0; i < signals->len; i++)
    {
      const IptSignal *signal = g_ptr_array_index (signals, i);
      g_autofree char *brief = ipt_signal_describe_briefly (signal->kind, &progress);

      g_strv_builder_add (builder, brief != NULL ? brief : signal->rule);
    }
  return g_strv_builder_end (builder);
}

/* Risk is open (flagged and not yet reviewed), whether or not the course still runs. */
gboolean
ipt_case_summary_get_has_risk (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), FALSE);

  return self->episode != NULL
         && ipt_risk_is_open (self->phq9, self->n_phq9, self->risk_reviewed_through);
}

guint
ipt_case_summary_get_risk_reviewed_through (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), 0);

  return self->risk_reviewed_through;
}

void
ipt_case_summary_set_risk_reviewed_through (IptCaseSummary *self,
                                            guint           session_number)
{
  g_return_if_fail (IPT_IS_CASE_SUMMARY (self));

  if (self->risk_reviewed_through == session_number)
    return;

  self->risk_reviewed_through = session_number;
  g_clear_pointer (&self->signals, g_ptr_array_unref);
  if (self->episode != NULL)
    {
      IptProgress progress;

      get_progress (self, &progress);
      self->n_kinds = ipt_signals_classify (&progress, self->kinds);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNAL_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNAL_RULE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RISK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
}

gboolean
ipt_case_summary_get_needs_attention (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), FALSE);

  for (guint i = 0; i < self->n_kinds; i++)
    if (ipt_signal_kind_needs_attention (self->kinds[i]))
      return TRUE;
  return FALSE;
}

const IptOutcome *
ipt_case_summary_get_outcome (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  if (self->outcome == NULL)
    {
      if (self->course != NULL)
        self->outcome = ipt_course_map_compute_outcome (self->course, self->phq9, self->n_phq9,
                                                        self->gad7, self->n_gad7);
      else
        self->outcome = ipt_outcome_compute (NULL, 0, NULL, 0);
    }
  return self->outcome;
}

const char *
ipt_case_summary_get_progress_text (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  if (self->progress_text == NULL)
    self->progress_text = compute_progress_text (self);
  return self->progress_text;
}

const char *
ipt_case_summary_get_search_key (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), NULL);

  if (self->search_key == NULL)
    self->search_key = compute_search_key (self->client);
  return self->search_key;
}

guint
ipt_case_summary_get_caseload_rank (IptCaseSummary *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SUMMARY (self), IPT_CASELOAD_RANK_NOT_RUNNING);

  if (!self->course_running)
    return IPT_CASELOAD_RANK_NOT_RUNNING;
  return (guint) ipt_case_summary_get_signal_kind (self);
}

int
ipt_case_summary_compare_caseload (gconstpointer a,
                                   gconstpointer b)
{
  IptCaseSummary *sa = *(IptCaseSummary **) a;
  IptCaseSummary *sb = *(IptCaseSummary **) b;
  guint ra = ipt_case_summary_get_caseload_rank (sa);
  guint rb = ipt_case_summary_get_caseload_rank (sb);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return strcmp (ipt_client_get_code (sa->client), ipt_client_get_code (sb->client));
}
