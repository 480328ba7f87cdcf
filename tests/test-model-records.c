/* Tests of the model's property notification on every type, the smaller records (people, life
 * events, goals, comments) and the caseload summary. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-model.h"

#include "test-model-common.h"

/* ---- property notification: every writable property of every type --------------------------- */

/* A value different from the current one, and valid for the property. */
static gboolean
other_value (GParamSpec   *pspec,
             const GValue *current,
             GValue       *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    {
      const char *now = g_value_get_string (current);
      g_value_set_string (value, g_strcmp0 (now, "2026-03-02") == 0 ? "2026-03-09" : "2026-03-02");
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (current));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, g_value_get_int64 (current) + 7);
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *u = G_PARAM_SPEC_UINT (pspec);
      guint now = g_value_get_uint (current);
      g_value_set_uint (value, now < u->maximum ? now + 1 : now - 1);
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *i = G_PARAM_SPEC_INT (pspec);
      int now = g_value_get_int (current);
      g_value_set_int (value, now < i->maximum ? now + 1 : now - 1);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_ref (type);
      int now = g_value_get_enum (current);
      g_value_set_enum (value, now == klass->maximum ? klass->minimum : now + 1);
      g_type_class_unref (klass);
    }
  else
    return FALSE;
  return TRUE;
}

static void
check_notify (GObject *object)
{
  guint n_props = 0;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                  &n_props);
  guint checked = 0;

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = props[i];
      g_auto (GValue) current = G_VALUE_INIT;
      g_auto (GValue) other = G_VALUE_INIT;
      g_auto (GValue) read_back = G_VALUE_INIT;
      g_autofree char *detailed = g_strconcat ("notify::", pspec->name, NULL);
      guint count = 0;
      gulong id;

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &current);
      g_assert_true (other_value (pspec, &current, &other));

      id = g_signal_connect (object, detailed, G_CALLBACK (count_notify), &count);

      /* The same value: no notification. */
      g_object_set_property (object, pspec->name, &current);
      g_assert_cmpuint (count, ==, 0);
      /* Another value: exactly one. */
      g_object_set_property (object, pspec->name, &other);
      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);
      g_assert_cmpuint (count, ==, 1);
      g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &read_back);
      g_assert_cmpint (g_param_values_cmp (pspec, &read_back, &other), ==, 0);
      /* That value again: nothing more. */
      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);

      g_signal_handler_disconnect (object, id);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_notify_all (void)
{
  static const int phq[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 0 };
  g_autoptr (IptClient) client = ipt_client_new ("C-0001");
  g_autoptr (IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr (IptSession) session = ipt_session_new (1, 1, "2026-01-05");
  g_autoptr (IptScore) score = ipt_score_new_from_items (ipt_measure_lookup ("phq9"), phq, 9);
  g_autoptr (IptPerson) person = ipt_person_new (1, "Sam", "partner", 1);
  g_autoptr (IptLifeEvent) event = ipt_life_event_new (1, "2025-10-01", "Moved house", -2);
  g_autoptr (IptGoal) goal = ipt_goal_new (1, "See friends weekly");
  g_autoptr (IptComment) comment = ipt_comment_new (1, "Supervisor", "Focus fits the story");

  check_notify (G_OBJECT (client));
  check_notify (G_OBJECT (episode));
  check_notify (G_OBJECT (session));
  check_notify (G_OBJECT (score));
  check_notify (G_OBJECT (person));
  check_notify (G_OBJECT (event));
  check_notify (G_OBJECT (goal));
  check_notify (G_OBJECT (comment));
}

/* ---- inventory, timeline, goals, comments --------------------------------------------------- */

static void
test_small_records (void)
{
  g_autoptr (IptPerson) p = ipt_person_new (1, "Sam", "partner", 1);
  g_autoptr (IptPerson) bad_ring = ipt_person_new (1, "Jo", "friend", 4);
  g_autoptr (IptLifeEvent) e = ipt_life_event_new (1, "2025-10-01", "Moved house", -2);
  g_autoptr (IptLifeEvent) bad_impact = ipt_life_event_new (1, "2025-10-01", "Promotion", 6);
  g_autoptr (IptGoal) g = ipt_goal_new (1, "See friends weekly");
  g_autoptr (IptComment) c = ipt_comment_new (1, "Supervisor", "Focus fits the story");
  g_autoptr (GError) error = NULL;

  g_assert_true (ipt_person_validate (p, NULL));
  g_assert_cmpuint (ipt_person_get_ring (p), ==, 1);
  g_assert_cmpuint (ipt_person_get_ideal_ring (p), ==, 0);
  ipt_person_set_ideal_ring (p, 3);
  g_assert_true (ipt_person_validate (p, NULL));
  ipt_person_set_name (p, "  ");
  g_assert_false (ipt_person_validate (p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (ipt_person_validate (bad_ring, &error));
  g_assert_nonnull (strstr (error->message, "Ring"));
  g_clear_error (&error);

  g_assert_true (ipt_life_event_validate (e, NULL));
  g_assert_cmpint (ipt_life_event_get_impact (e), ==, -2);
  /* shown with a minus sign, not a hyphen */
  {
    g_autofree char *minus = ipt_life_event_format_impact (-2);
    g_autofree char *plus = ipt_life_event_format_impact (3);
    g_autofree char *none = ipt_life_event_format_impact (0);

    g_assert_cmpstr (minus, ==, "\u22122");
    g_assert_cmpstr (plus, ==, "+3");
    g_assert_cmpstr (none, ==, "0");
  }
  ipt_life_event_set_impact (e, -5);
  g_assert_true (ipt_life_event_validate (e, NULL));
  g_assert_false (ipt_life_event_validate (bad_impact, &error));
  g_assert_nonnull (strstr (error->message, "Impact"));
  g_clear_error (&error);
  ipt_life_event_set_date (e, "2025-09-31");
  g_assert_false (ipt_life_event_validate (e, &error));
  g_assert_nonnull (strstr (error->message, "Date"));
  g_clear_error (&error);

  g_assert_cmpint (ipt_goal_get_first_rating (g), ==, IPT_GOAL_RATING_NONE);
  g_assert_cmpint (ipt_goal_get_latest_rating (g), ==, IPT_GOAL_RATING_NONE);
  g_assert_true (ipt_goal_validate (g, NULL));
  ipt_goal_set_first_rating (g, 0);
  ipt_goal_set_latest_rating (g, 10);
  g_assert_true (ipt_goal_validate (g, NULL));
  ipt_goal_set_text (g, "");
  g_assert_false (ipt_goal_validate (g, &error));
  g_clear_error (&error);

  g_assert_true (ipt_comment_validate (c, NULL));
  g_assert_cmpuint (ipt_comment_get_session_number (c), ==, 0);
  ipt_comment_set_text (c, NULL);
  g_assert_false (ipt_comment_validate (c, &error));
  g_clear_error (&error);
}

/* ---- caseload summary ----------------------------------------------------------------------- */

/* Appointments 1 to n, attended unless listed in `missed` (0 ends the list). */
static IptAppointment *
appointments_new (guint        n,
                  const guint *missed)
{
  IptAppointment *a = g_new0 (IptAppointment, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      a[i].number = i + 1;
      a[i].attended = TRUE;
      for (guint j = 0; missed != NULL && missed[j] != 0; j++)
        if (missed[j] == i + 1)
          a[i].attended = FALSE;
    }
  return a;
}

static void
test_case_summary (void)
{
  const IptSeriesPoint phq9[] = { { 1, 19, 0 }, { 5, 17, 0 }, { 9, 16, 0 } };
  const IptSeriesPoint gad7[] = { { 1, 12, IPT_ITEM_MISSING }, { 9, 10, IPT_ITEM_MISSING } };
  g_autoptr (IptClient) client = ipt_client_new ("C-0042");
  g_autoptr (IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr (IptCaseSummary) s = NULL;
  g_autofree IptAppointment *nine = appointments_new (9, NULL);
  const IptSeriesPoint *points;
  guint n = 0, key_count = 0;
  GPtrArray *signals;

  ipt_client_set_given_name (client, "Zoë");
  ipt_client_set_family_name (client, "Van Dijk");
  ipt_client_set_preferred_name (client, "Zo");

  s = ipt_case_summary_new (client, episode, nine, 9, phq9, G_N_ELEMENTS (phq9), gad7,
                            G_N_ELEMENTS (gad7));
  g_assert_true (ipt_case_summary_get_client (s) == client);
  g_assert_true (ipt_case_summary_get_episode (s) == episode);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (s), ==, 9);
  g_assert_cmpuint (ipt_case_summary_get_current_session (s), ==, 9);
  g_assert_cmpint (ipt_case_summary_get_phase (s), ==, IPT_PHASE_MIDDLE);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (s), ==, "Session 9 of 16 · Middle");

  points = ipt_case_summary_get_phq9 (s, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (points != phq9);
  g_assert_cmpint (points[2].total, ==, 16);
  points = ipt_case_summary_get_gad7 (s, &n);
  g_assert_cmpuint (n, ==, 2);

  signals = ipt_case_summary_get_signals (s);
  g_assert_cmpuint (signals->len, ==, 1);
  g_assert_cmpint (ipt_case_summary_get_signal_kind (s), ==, IPT_SIGNAL_NOT_ON_TRACK);
  g_assert_nonnull (strstr (ipt_case_summary_get_signal_rule (s), "9 of 16 sessions attended"));
  g_assert_nonnull (strstr (ipt_case_summary_get_signal_rule (s), "19 → 16"));
  g_assert_true (ipt_case_summary_get_needs_attention (s));
  g_assert_false (ipt_case_summary_get_has_risk (s));
  g_assert_cmpint (ipt_case_summary_get_outcome (s)->category, ==, IPT_OUTCOME_NO_RELIABLE_CHANGE);
  g_assert_cmpint (ipt_case_summary_get_outcome (s)->phq9_first, ==, 19);

  /* The search key: given, family, preferred names and code, case and accents folded. */
  g_assert_cmpstr (ipt_case_summary_get_search_key (s), ==, "zoe van dijk zo c-0042");
  g_signal_connect (s, "notify::search-key", G_CALLBACK (count_notify), &key_count);
  ipt_client_set_family_name (client, "Jansen");
  g_assert_cmpuint (key_count, ==, 1);
  g_assert_cmpstr (ipt_case_summary_get_search_key (s), ==, "zoe jansen zo c-0042");
  ipt_client_set_phone (client, "0123");
  g_assert_cmpuint (key_count, ==, 1);

  /* Properties mirror the getters. */
  {
    g_autofree char *progress = NULL;
    IptSignalKind kind;
    gboolean attention;

    g_object_get (s, "progress-text", &progress, "signal-kind", &kind, "needs-attention",
                  &attention, NULL);
    g_assert_cmpstr (progress, ==, "Session 9 of 16 · Middle");
    g_assert_cmpint (kind, ==, IPT_SIGNAL_NOT_ON_TRACK);
    g_assert_true (attention);
  }
}

static void
test_case_summary_states (void)
{
  const IptSeriesPoint improving[] = { { 1, 18, 0 }, { 3, 14, 0 } };
  const IptSeriesPoint risky[] = { { 1, 18, 0 }, { 16, 7, 2 } };
  g_autoptr (IptClient) client = ipt_client_new ("C-0007");
  g_autoptr (IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);
  g_autofree IptAppointment *three = appointments_new (3, NULL);
  g_autofree IptAppointment *sixteen = appointments_new (16, NULL);
  const guint two_missed[] = { 2, 3, 0 };
  g_autofree IptAppointment *one_of_three = appointments_new (3, two_missed);
  g_autoptr (IptCaseSummary) no_course = ipt_case_summary_new (client, NULL, NULL, 0, NULL, 0,
                                                               NULL, 0);
  g_autoptr (IptCaseSummary) fresh = ipt_case_summary_new (client, episode, NULL, 0, NULL, 0, NULL,
                                                           0);
  g_autoptr (IptCaseSummary) early = ipt_case_summary_new (client, episode, three, 3, improving, 2,
                                                           NULL, 0);
  g_autoptr (IptEpisode) ended = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr (IptCaseSummary) finished = NULL;
  g_autoptr (IptEpisode) dropped = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr (IptCaseSummary) dropped_out = NULL;
  GPtrArray *signals;

  g_assert_null (ipt_case_summary_get_episode (no_course));
  g_assert_cmpstr (ipt_case_summary_get_progress_text (no_course), ==, "No course yet");
  g_assert_cmpuint (ipt_case_summary_get_signals (no_course)->len, ==, 0);
  g_assert_cmpint (ipt_case_summary_get_signal_kind (no_course), ==, IPT_SIGNAL_NO_SCORES);
  g_assert_false (ipt_case_summary_get_needs_attention (no_course));
  g_assert_cmpint (ipt_case_summary_get_outcome (no_course)->category, ==,
                   IPT_OUTCOME_INSUFFICIENT_DATA);
  g_assert_cmpstr (ipt_case_summary_get_search_key (no_course), ==, "c-0007");

  g_assert_cmpint (ipt_case_summary_get_signal_kind (fresh), ==, IPT_SIGNAL_NO_SCORES);
  g_assert_cmpstr (ipt_case_summary_get_signal_rule (fresh), ==, "No PHQ-9 recorded yet");
  g_assert_cmpint (ipt_case_summary_get_phase (fresh), ==, IPT_PHASE_ASSESSMENT);
  g_assert_false (ipt_case_summary_get_needs_attention (fresh));

  g_assert_cmpint (ipt_case_summary_get_signal_kind (early), ==, IPT_SIGNAL_ON_TRACK);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (early), ==, "Session 3 of 16 · Assessment");
  g_assert_false (ipt_case_summary_get_needs_attention (early));

  ipt_episode_set_status (ended, IPT_EPISODE_STATUS_ENDED);
  finished = ipt_case_summary_new (client, ended, sixteen, 16, risky, 2, NULL, 0);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (finished), ==, "Ended after 16 sessions");
  signals = ipt_case_summary_get_signals (finished);
  g_assert_cmpuint (signals->len, ==, 2);
  g_assert_cmpint (((IptSignal *) g_ptr_array_index (signals, 0))->kind, ==, IPT_SIGNAL_RISK);
  g_assert_cmpint (((IptSignal *) g_ptr_array_index (signals, 1))->kind, ==, IPT_SIGNAL_OUTCOME);
  g_assert_true (ipt_case_summary_get_has_risk (finished));
  g_assert_true (ipt_case_summary_get_needs_attention (finished));
  g_assert_cmpint (ipt_case_summary_get_outcome (finished)->category, ==,
                   IPT_OUTCOME_RELIABLE_RECOVERY);
  g_assert_cmpstr (((IptSignal *) g_ptr_array_index (signals, 1))->rule, ==,
                   ipt_case_summary_get_outcome (finished)->rule);
  {
    IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];
    g_autofree char *rules = ipt_case_summary_dup_signal_rules (finished);

    /* every signal, most urgent first, each rule on its own line */
    g_assert_cmpuint (ipt_case_summary_get_signal_kinds (finished, kinds), ==, 2);
    g_assert_cmpint (kinds[0], ==, IPT_SIGNAL_RISK);
    g_assert_cmpint (kinds[1], ==, IPT_SIGNAL_OUTCOME);
    g_assert_true (g_str_has_prefix (rules, "Risk: "));
    g_assert_nonnull (strstr (rules, "\nReliable recovery: "));
  }

  ipt_episode_set_status (dropped, IPT_EPISODE_STATUS_DROPPED_OUT);
  dropped_out = ipt_case_summary_new (client, dropped, one_of_three, 3, improving, 1, NULL, 0);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (dropped_out), ==,
                   "Dropped out after 1 session");
  g_assert_cmpint (ipt_case_summary_get_signal_kind (dropped_out), ==, IPT_SIGNAL_OUTCOME);
  g_assert_true (g_str_has_prefix (ipt_case_summary_get_signal_rule (dropped_out),
                                   "Insufficient data"));
  g_assert_false (ipt_case_summary_get_needs_attention (dropped_out));
}

/* clinical.md section 1: 14 appointments with 3 missed is session 11 of 16, middle phase; the
 * midpoint and the outcome count attended sessions, and maintenance stays out of the outcome. */
static void
test_case_summary_attended (void)
{
  const guint missed[] = { 3, 7, 12, 0 };
  g_autofree IptAppointment *fourteen = appointments_new (14, missed);
  g_autofree IptAppointment *twenty = appointments_new (20, NULL);
  const IptSeriesPoint phq9[] = { { 1, 18, 0 }, { 14, 14, 0 } };
  /* A reliable recovery by session 16; maintenance sessions 17 to 20 worse again. */
  const IptSeriesPoint maintained[] = { { 1, 18, 0 }, { 16, 6, 0 }, { 20, 15, 0 } };
  g_autoptr (IptClient) client = ipt_client_new ("C-0011");
  g_autoptr (IptEpisode) episode = ipt_episode_new (1, "2026-01-05", 16);
  g_autoptr (IptCaseSummary) s = NULL;
  g_autoptr (IptCaseSummary) m = NULL;

  s = ipt_case_summary_new (client, episode, fourteen, 14, phq9, 2, NULL, 0);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (s), ==, 11);
  g_assert_cmpuint (ipt_case_summary_get_current_session (s), ==, 14);
  g_assert_cmpint (ipt_case_summary_get_phase (s), ==, IPT_PHASE_MIDDLE);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (s), ==, "Session 11 of 16 · Middle");
  g_assert_nonnull (strstr (ipt_case_summary_get_signal_rule (s), "11 of 16 sessions attended"));

  m = ipt_case_summary_new (client, episode, twenty, 20, maintained, 3, NULL, 0);
  g_assert_cmpuint (ipt_case_summary_get_sessions_attended (m), ==, 16);
  g_assert_cmpint (ipt_case_summary_get_phase (m), ==, IPT_PHASE_MAINTENANCE);
  g_assert_cmpstr (ipt_case_summary_get_progress_text (m), ==, "Session 16 of 16 · Maintenance");
  g_assert_cmpint (ipt_case_summary_get_outcome (m)->phq9_last, ==, 6);
  g_assert_cmpint (ipt_case_summary_get_outcome (m)->category, ==, IPT_OUTCOME_RELIABLE_RECOVERY);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("ipt-test-model-records-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/notify/only-on-change", test_notify_all);
  g_test_add_func ("/model/case-summary/attended", test_case_summary_attended);
  g_test_add_func ("/model/small-records", test_small_records);
  g_test_add_func ("/model/case-summary/running", test_case_summary);
  g_test_add_func ("/model/case-summary/states", test_case_summary_states);

  ret = g_test_run ();
  g_rmdir (tmp);
  return ret;
}
