/* Tests of the measure registry: items, bands, caseness, RCI, missing items and risk. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-model.h"

static const IptMeasure *
measure (const char *id)
{
  const IptMeasure *m = ipt_measure_lookup (id);

  g_assert_nonnull (m);
  return m;
}

static void
test_registry (void)
{
  static const struct
  {
    const char *id, *name;
    guint n_items;
    int total_max, caseness, rci, risk_item;
    IptMissingRule rule;
  } expected[] = {
    { "phq9", "PHQ-9", 9, 27, 10, 6, 8, IPT_MISSING_RULE_NONE },
    { "gad7", "GAD-7", 7, 21, 8, 4, -1, IPT_MISSING_RULE_NONE },
    { "wsas", "WSAS", 5, 40, -1, 8, -1, IPT_MISSING_RULE_PRORATE_ONE },
    { "hamd17", "HRSD / HAM-D 17", 17, 52, 8, 0, -1, IPT_MISSING_RULE_NONE },
    { "bdi2", "BDI-II", 0, 63, 14, 0, -1, IPT_MISSING_RULE_NONE },
    { "epds", "EPDS", 0, 30, 13, 0, -1, IPT_MISSING_RULE_NONE },
  };

  g_assert_cmpuint (ipt_measure_get_n_measures (), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const IptMeasure *m = ipt_measure_get_nth (i);

      g_assert_nonnull (m);
      g_assert_cmpstr (m->id, ==, expected[i].id);
      g_assert_true (ipt_measure_lookup (expected[i].id) == m);
      g_assert_cmpstr (m->name, ==, expected[i].name);
      g_assert_nonnull (m->version);
      g_assert_cmpstr (m->version, !=, "");
      g_assert_nonnull (m->description);
      g_assert_nonnull (m->timeframe);
      g_assert_cmpuint (m->n_items, ==, expected[i].n_items);
      g_assert_true ((m->items != NULL) == (m->n_items > 0));
      g_assert_cmpint (m->total_min, ==, 0);
      g_assert_cmpint (m->total_max, ==, expected[i].total_max);
      g_assert_cmpint (m->caseness, ==, expected[i].caseness);
      g_assert_cmpint (m->rci, ==, expected[i].rci);
      g_assert_cmpint (m->risk_item, ==, expected[i].risk_item);
      g_assert_cmpint (m->missing_rule, ==, expected[i].rule);
      g_assert_cmpint (ipt_measure_has_caseness (m), ==, expected[i].caseness >= 0);

      /* With items, the item maxima add up to the total's maximum. */
      if (m->n_items > 0)
        {
          int sum = 0;

          for (guint j = 0; j < m->n_items; j++)
            {
              g_assert_nonnull (m->items[j].topic);
              g_assert_cmpint (m->items[j].min, ==, 0);
              sum += m->items[j].max;
            }
          g_assert_cmpint (sum, ==, m->total_max);
        }
    }

  g_assert_null (ipt_measure_get_nth (G_N_ELEMENTS (expected)));
  g_assert_null (ipt_measure_lookup ("PHQ-9"));
  g_assert_null (ipt_measure_lookup ("phq"));
  g_assert_null (ipt_measure_lookup (""));
  g_assert_null (ipt_measure_lookup (NULL));
}

static void
test_items (void)
{
  const IptMeasure *phq9 = measure ("phq9");
  const IptMeasure *gad7 = measure ("gad7");
  const IptMeasure *wsas = measure ("wsas");
  const IptMeasure *hamd = measure ("hamd17");
  static const int hamd_max[] = { 4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2 };
  static const char * const wsas_topics[] = {
    "Work", "Home management", "Social leisure activities", "Private leisure activities",
    "Close relationships",
  };
  static const char * const frequency[] = {
    "Not at all", "Several days", "More than half the days", "Nearly every day",
  };

  /* Public-domain wordings are shipped. */
  g_assert_cmpstr (phq9->items[0].text, ==, "Little interest or pleasure in doing things");
  g_assert_cmpstr (phq9->items[1].text, ==, "Feeling down, depressed, or hopeless");
  g_assert_cmpstr (phq9->items[8].text, ==,
                   "Thoughts that you would be better off dead or of hurting yourself in some way");
  g_assert_cmpstr (gad7->items[0].text, ==, "Feeling nervous, anxious or on edge");
  g_assert_cmpstr (gad7->items[1].text, ==, "Not being able to stop or control worrying");
  g_assert_cmpstr (gad7->items[6].text, ==, "Feeling afraid as if something awful might happen");
  for (guint i = 0; i < phq9->n_items; i++)
    {
      g_assert_nonnull (phq9->items[i].text);
      g_assert_cmpint (phq9->items[i].max, ==, 3);
    }
  for (guint i = 0; i < gad7->n_items; i++)
    {
      g_assert_nonnull (gad7->items[i].text);
      g_assert_cmpint (gad7->items[i].max, ==, 3);
    }
  g_assert_cmpstr (phq9->timeframe, ==, "Over the last 2 weeks");
  g_assert_cmpstr (gad7->timeframe, ==, "Over the last 2 weeks");

  for (guint i = 0; i < G_N_ELEMENTS (frequency); i++)
    {
      g_assert_cmpstr (phq9->scale_labels[i], ==, frequency[i]);
      g_assert_cmpstr (gad7->scale_labels[i], ==, frequency[i]);
    }
  g_assert_null (phq9->scale_labels[4]);
  g_assert_null (gad7->scale_labels[4]);

  /* Topic labels only for WSAS and HAM-D. */
  g_assert_cmpuint (wsas->n_items, ==, G_N_ELEMENTS (wsas_topics));
  for (guint i = 0; i < wsas->n_items; i++)
    {
      g_assert_cmpstr (wsas->items[i].topic, ==, wsas_topics[i]);
      g_assert_null (wsas->items[i].text);
      g_assert_cmpint (wsas->items[i].max, ==, 8);
    }
  g_assert_cmpstr (wsas->scale_labels[0], ==, "Not at all");
  g_assert_cmpstr (wsas->scale_labels[1], ==, "1");
  g_assert_cmpstr (wsas->scale_labels[2], ==, "Slightly");
  g_assert_cmpstr (wsas->scale_labels[4], ==, "Definitely");
  g_assert_cmpstr (wsas->scale_labels[6], ==, "Markedly");
  g_assert_cmpstr (wsas->scale_labels[7], ==, "7");
  g_assert_cmpstr (wsas->scale_labels[8], ==, "Very severely");
  g_assert_null (wsas->scale_labels[9]);

  g_assert_cmpuint (hamd->n_items, ==, G_N_ELEMENTS (hamd_max));
  for (guint i = 0; i < hamd->n_items; i++)
    {
      g_assert_null (hamd->items[i].text);
      g_assert_cmpint (hamd->items[i].max, ==, hamd_max[i]);
    }

  /* Copyrighted wordings: totals only. */
  g_assert_cmpuint (measure ("bdi2")->n_items, ==, 0);
  g_assert_null (measure ("bdi2")->items);
  g_assert_cmpuint (measure ("epds")->n_items, ==, 0);
  g_assert_null (measure ("epds")->items);
}

typedef struct
{
  const char *measure;
  int         total;
  const char *band;   /* NULL: out of range */
} BandCase;

static void
test_bands (void)
{
  static const BandCase cases[] = {
    { "phq9", -1, NULL },
    { "phq9", 0, "minimal" }, { "phq9", 4, "minimal" },
    { "phq9", 5, "mild" }, { "phq9", 9, "mild" },
    { "phq9", 10, "moderate" }, { "phq9", 14, "moderate" },
    { "phq9", 15, "moderately severe" }, { "phq9", 19, "moderately severe" },
    { "phq9", 20, "severe" }, { "phq9", 27, "severe" },
    { "phq9", 28, NULL },
    { "gad7", -1, NULL },
    { "gad7", 0, "minimal" }, { "gad7", 4, "minimal" },
    { "gad7", 5, "mild" }, { "gad7", 9, "mild" },
    { "gad7", 10, "moderate" }, { "gad7", 14, "moderate" },
    { "gad7", 15, "severe" }, { "gad7", 21, "severe" },
    { "gad7", 22, NULL },
    { "wsas", -1, NULL },
    { "wsas", 0, "subclinical" }, { "wsas", 9, "subclinical" },
    { "wsas", 10, "significant impairment" }, { "wsas", 20, "significant impairment" },
    { "wsas", 21, "moderately severe or worse" }, { "wsas", 40, "moderately severe or worse" },
    { "wsas", 41, NULL },
    { "hamd17", -1, NULL },
    { "hamd17", 0, "none" }, { "hamd17", 7, "none" },
    { "hamd17", 8, "mild" }, { "hamd17", 16, "mild" },
    { "hamd17", 17, "moderate" }, { "hamd17", 23, "moderate" },
    { "hamd17", 24, "severe" }, { "hamd17", 52, "severe" },
    { "hamd17", 53, NULL },
    { "bdi2", -1, NULL },
    { "bdi2", 0, "minimal" }, { "bdi2", 13, "minimal" },
    { "bdi2", 14, "mild" }, { "bdi2", 19, "mild" },
    { "bdi2", 20, "moderate" }, { "bdi2", 28, "moderate" },
    { "bdi2", 29, "severe" }, { "bdi2", 63, "severe" },
    { "bdi2", 64, NULL },
    { "epds", -1, NULL },
    { "epds", 0, "below threshold" }, { "epds", 12, "below threshold" },
    { "epds", 13, "possible depression" }, { "epds", 30, "possible depression" },
    { "epds", 31, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const IptMeasure *m = measure (cases[i].measure);
      const IptBand *band = ipt_measure_band_for_total (m, cases[i].total);

      g_test_message ("%s %d", cases[i].measure, cases[i].total);
      g_assert_cmpstr (ipt_measure_band_label (m, cases[i].total), ==, cases[i].band);
      g_assert_cmpint (ipt_measure_total_in_range (m, cases[i].total), ==, cases[i].band != NULL);
      if (cases[i].band == NULL)
        g_assert_null (band);
      else
        {
          g_assert_nonnull (band);
          g_assert_cmpstr (band->label, ==, cases[i].band);
          g_assert_cmpint (band->min, <=, cases[i].total);
          g_assert_cmpint (band->max, >=, cases[i].total);
        }
    }
}

/* The bands of every measure tile its range: contiguous, in order, no gap, no overlap. */
static void
test_bands_cover_range (void)
{
  for (guint i = 0; i < ipt_measure_get_n_measures (); i++)
    {
      const IptMeasure *m = ipt_measure_get_nth (i);

      g_assert_cmpuint (m->n_bands, >, 0);
      g_assert_cmpint (m->bands[0].min, ==, m->total_min);
      g_assert_cmpint (m->bands[m->n_bands - 1].max, ==, m->total_max);
      for (guint b = 1; b < m->n_bands; b++)
        g_assert_cmpint (m->bands[b].min, ==, m->bands[b - 1].max + 1);
      for (int t = m->total_min; t <= m->total_max; t++)
        g_assert_nonnull (ipt_measure_band_for_total (m, t));
    }
}

static void
test_caseness (void)
{
  static const struct
  {
    const char *measure;
    int total;
    gboolean is_case;
  } cases[] = {
    { "phq9", 0, FALSE }, { "phq9", 9, FALSE }, { "phq9", 10, TRUE }, { "phq9", 27, TRUE },
    { "phq9", 28, FALSE }, { "phq9", -1, FALSE },
    { "gad7", 7, FALSE }, { "gad7", 8, TRUE }, { "gad7", 21, TRUE }, { "gad7", 22, FALSE },
    { "wsas", 0, FALSE }, { "wsas", 20, FALSE }, { "wsas", 40, FALSE },
    { "hamd17", 7, FALSE }, { "hamd17", 8, TRUE }, { "hamd17", 52, TRUE },
    { "bdi2", 13, FALSE }, { "bdi2", 14, TRUE }, { "bdi2", 63, TRUE },
    { "epds", 12, FALSE }, { "epds", 13, TRUE }, { "epds", 30, TRUE }, { "epds", 31, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s %d", cases[i].measure, cases[i].total);
      g_assert_cmpint (ipt_measure_is_case (measure (cases[i].measure), cases[i].total), ==,
                       cases[i].is_case);
    }

  g_assert_false (ipt_measure_has_caseness (measure ("wsas")));
  g_assert_true (ipt_measure_has_caseness (measure ("phq9")));
  g_assert_true (ipt_measure_has_caseness (measure ("epds")));
}

static void
test_total_complete (void)
{
  const int phq_zero[9] = { 0 };
  const int phq_max[9] = { 3, 3, 3, 3, 3, 3, 3, 3, 3 };
  const int phq[9] = { 2, 2, 3, 2, 2, 2, 2, 2, 1 };
  const int gad[7] = { 1, 2, 3, 0, 1, 2, 3 };
  const int wsas[5] = { 8, 0, 4, 2, 6 };
  const int hamd_max[17] = { 4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2 };

  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_zero, 9), ==, 0);
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_max, 9), ==, 27);
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq, 9), ==, 18);
  g_assert_cmpint (ipt_measure_compute_total (measure ("gad7"), gad, 7), ==, 12);
  g_assert_cmpint (ipt_measure_compute_total (measure ("wsas"), wsas, 5), ==, 20);
  g_assert_cmpint (ipt_measure_compute_total (measure ("hamd17"), hamd_max, 17), ==, 52);
}

static void
test_total_missing (void)
{
  const int M = IPT_ITEM_MISSING;
  const int phq_one_missing[9] = { 2, 2, 3, 2, M, 2, 2, 2, 1 };
  const int phq_risk_missing[9] = { 2, 2, 3, 2, 2, 2, 2, 2, M };
  const int gad_one_missing[7] = { M, 2, 3, 0, 1, 2, 3 };
  int hamd[17] = { 0 };

  /* PHQ-9, GAD-7 (and the others without a rule): any missing item, no total. */
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_one_missing, 9), ==,
                   IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_risk_missing, 9), ==,
                   IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("gad7"), gad_one_missing, 7), ==,
                   IPT_TOTAL_NONE);
  hamd[16] = M;
  g_assert_cmpint (ipt_measure_compute_total (measure ("hamd17"), hamd, 17), ==, IPT_TOTAL_NONE);
}

static void
test_total_wsas (void)
{
  const int M = IPT_ITEM_MISSING;
  static const struct
  {
    int items[5];
    int total;
  } cases[] = {
    /* No item missing: the sum. */
    { { 2, 2, 2, 2, 2 }, 10 },
    { { 0, 0, 0, 0, 0 }, 0 },
    { { 8, 8, 8, 8, 8 }, 40 },
    /* One missing: it takes the mean of the other four; the total is rounded half up. */
    { { M, 2, 2, 2, 2 }, 10 },       /* 8 + 2 */
    { { 2, 2, M, 2, 2 }, 10 },
    { { 4, 4, 4, 4, M }, 20 },
    { { M, 8, 8, 8, 8 }, 40 },
    { { M, 0, 0, 0, 0 }, 0 },
    { { M, 1, 0, 0, 0 }, 1 },        /* 1.25 -> 1 */
    { { M, 2, 0, 0, 0 }, 3 },        /* 2.5 -> 3 (half up) */
    { { M, 3, 0, 0, 0 }, 4 },        /* 3.75 -> 4 */
    { { M, 6, 0, 0, 0 }, 8 },        /* 7.5 -> 8 (half up) */
    { { 7, 7, 7, M, 8 }, 36 },       /* 29 + 7.25 = 36.25 -> 36 */
    { { 8, 7, M, 7, 8 }, 38 },       /* 30 + 7.5 = 37.5 -> 38 */
    /* More than one missing: no total. */
    { { M, M, 2, 2, 2 }, IPT_TOTAL_NONE },
    { { 8, 8, 8, M, M }, IPT_TOTAL_NONE },
    { { M, M, M, M, M }, IPT_TOTAL_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_missing = 0;
      g_autofree char *said = ipt_measure_describe_prorated (measure ("wsas"), cases[i].items, 5);

      g_test_message ("case %u", i);
      g_assert_cmpint (ipt_measure_compute_total (measure ("wsas"), cases[i].items, 5), ==,
                       cases[i].total);
      /* a total made with one item missing says so, and how it was rounded */
      for (guint k = 0; k < 5; k++)
        n_missing += cases[i].items[k] == M;
      g_assert_cmpint (ipt_measure_total_is_prorated (measure ("wsas"), cases[i].items, 5), ==,
                       n_missing == 1);
      if (n_missing == 1)
        g_assert_nonnull (strstr (said, "rounded half up"));
      else
        g_assert_null (said);
    }

  /* PHQ-9 never prorates. */
  {
    const int phq9[] = { 1, 1, 1, 1, M, 1, 1, 1, 1 };

    g_assert_false (ipt_measure_total_is_prorated (measure ("phq9"), phq9, 9));
  }
}

static void
test_total_invalid (void)
{
  const int phq_high[9] = { 4, 0, 0, 0, 0, 0, 0, 0, 0 };
  const int phq_low[9] = { 0, 0, 0, 0, 0, 0, 0, 0, -2 };
  const int wsas_high[5] = { 9, 0, 0, 0, 0 };
  const int wsas_high_missing[5] = { 9, IPT_ITEM_MISSING, 0, 0, 0 };
  int hamd[17] = { 0 };
  const int three[3] = { 1, 1, 1 };

  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_high, 9), ==, IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_low, 9), ==, IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("wsas"), wsas_high, 5), ==, IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("wsas"), wsas_high_missing, 5), ==,
                   IPT_TOTAL_NONE);
  /* HAM-D item 4 (insomnia) goes to 2 only, item 1 to 4. */
  hamd[0] = 4;
  g_assert_cmpint (ipt_measure_compute_total (measure ("hamd17"), hamd, 17), ==, 4);
  hamd[3] = 3;
  g_assert_cmpint (ipt_measure_compute_total (measure ("hamd17"), hamd, 17), ==, IPT_TOTAL_NONE);
  /* Wrong count. */
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq_high, 8), ==, IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("gad7"), phq_low, 9), ==, IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), NULL, 0), ==, IPT_TOTAL_NONE);
  /* Totals-only measures have no items to add up. */
  g_assert_cmpint (ipt_measure_compute_total (measure ("bdi2"), three, 3), ==, IPT_TOTAL_NONE);
  g_assert_cmpint (ipt_measure_compute_total (measure ("epds"), NULL, 0), ==, IPT_TOTAL_NONE);
}

static void
test_validate_items (void)
{
  const int M = IPT_ITEM_MISSING;
  const int phq_ok[9] = { 0, 1, 2, 3, 0, 1, 2, 3, 0 };
  const int phq_missing[9] = { 0, 1, 2, 3, M, 1, 2, 3, 0 };
  const int phq_high[9] = { 0, 1, 2, 3, 0, 1, 4, 3, 0 };
  const int phq_neg[9] = { 0, 1, 2, 3, 0, 1, 2, 3, -3 };
  int hamd[17] = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (ipt_measure_validate_items (measure ("phq9"), phq_ok, 9, &error));
  g_assert_no_error (error);
  /* Missing answers are allowed here: the total rule decides. */
  g_assert_true (ipt_measure_validate_items (measure ("phq9"), phq_missing, 9, &error));
  g_assert_no_error (error);

  g_assert_false (ipt_measure_validate_items (measure ("phq9"), phq_high, 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "PHQ-9 item 7"));
  g_clear_error (&error);

  g_assert_false (ipt_measure_validate_items (measure ("phq9"), phq_neg, 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "item 9"));
  g_clear_error (&error);

  g_assert_false (ipt_measure_validate_items (measure ("phq9"), phq_ok, 8, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "9 items"));
  g_clear_error (&error);

  g_assert_false (ipt_measure_validate_items (measure ("gad7"), phq_ok, 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  hamd[4] = 2;
  g_assert_true (ipt_measure_validate_items (measure ("hamd17"), hamd, 17, NULL));
  hamd[4] = 3;
  g_assert_false (ipt_measure_validate_items (measure ("hamd17"), hamd, 17, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "item 5"));
  g_clear_error (&error);

  /* Totals-only measures take no item answers. */
  g_assert_true (ipt_measure_validate_items (measure ("bdi2"), NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_false (ipt_measure_validate_items (measure ("bdi2"), phq_ok, 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "BDI-II"));
  g_clear_error (&error);
}

static void
test_risk (void)
{
  const int M = IPT_ITEM_MISSING;
  int phq[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  const int gad[7] = { 3, 3, 3, 3, 3, 3, 3 };

  g_assert_false (ipt_measure_items_flag_risk (measure ("phq9"), phq, 9));
  for (int v = 1; v <= 3; v++)
    {
      phq[8] = v;
      g_assert_true (ipt_measure_items_flag_risk (measure ("phq9"), phq, 9));
    }
  /* Whatever the total: all other items 0, item 9 at 1. */
  phq[8] = 1;
  g_assert_cmpint (ipt_measure_compute_total (measure ("phq9"), phq, 9), ==, 1);
  g_assert_true (ipt_measure_items_flag_risk (measure ("phq9"), phq, 9));
  /* A missing item 9 does not flag; other items do not flag. */
  phq[8] = M;
  g_assert_false (ipt_measure_items_flag_risk (measure ("phq9"), phq, 9));
  for (guint i = 0; i < 8; i++)
    phq[i] = 3;
  phq[8] = 0;
  g_assert_false (ipt_measure_items_flag_risk (measure ("phq9"), phq, 9));
  /* Item 9 (index 8) exactly, and it must be present in the answers given. */
  phq[8] = 2;
  g_assert_false (ipt_measure_items_flag_risk (measure ("phq9"), phq, 8));
  g_assert_false (ipt_measure_items_flag_risk (measure ("phq9"), NULL, 0));
  /* No other measure has a risk item. */
  g_assert_false (ipt_measure_items_flag_risk (measure ("gad7"), gad, 7));
}

/* The wording shown for each item and answer; PHQ-9 and GAD-7 are validated instruments. */
static void
test_wording (void)
{
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");
  const IptMeasure *gad7 = ipt_measure_lookup ("gad7");
  const IptMeasure *wsas = ipt_measure_lookup ("wsas");
  const IptMeasure *hamd = ipt_measure_lookup ("hamd17");

  g_assert_true (ipt_measure_has_validated_wording (phq9));
  g_assert_true (ipt_measure_has_validated_wording (gad7));
  g_assert_false (ipt_measure_has_validated_wording (wsas));
  g_assert_false (ipt_measure_has_validated_wording (hamd));
  /* no catalogue in the C locale: shown in the original English */
  g_assert_false (ipt_measure_wording_is_translated (phq9));

  g_assert_cmpstr (ipt_measure_item_text (phq9, 0), ==,
                   "Little interest or pleasure in doing things");
  g_assert_cmpstr (ipt_measure_item_text (gad7, 3), ==, "Trouble relaxing");
  /* measures without item texts show their topics */
  g_assert_cmpstr (ipt_measure_item_text (wsas, 0), ==, "Work");
  g_assert_cmpstr (ipt_measure_item_text (hamd, 0), ==, "Depressed mood");

  g_assert_cmpstr (ipt_measure_scale_label (phq9, 0), ==, "Not at all");
  g_assert_cmpstr (ipt_measure_scale_label (gad7, 3), ==, "Nearly every day");
  g_assert_null (ipt_measure_scale_label (phq9, 4));
  g_assert_null (ipt_measure_scale_label (phq9, -1));
  g_assert_cmpstr (ipt_measure_scale_label (wsas, 8), ==, wsas->scale_labels[8]);
  g_assert_null (ipt_measure_scale_label (wsas, 9));
  g_assert_null (ipt_measure_scale_label (hamd, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("ipt-test-measures-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (tmp);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measures/registry", test_registry);
  g_test_add_func ("/measures/items", test_items);
  g_test_add_func ("/measures/bands/boundaries", test_bands);
  g_test_add_func ("/measures/bands/cover-range", test_bands_cover_range);
  g_test_add_func ("/measures/caseness", test_caseness);
  g_test_add_func ("/measures/total/complete", test_total_complete);
  g_test_add_func ("/measures/total/missing-no-total", test_total_missing);
  g_test_add_func ("/measures/total/wsas-prorate-one", test_total_wsas);
  g_test_add_func ("/measures/total/invalid", test_total_invalid);
  g_test_add_func ("/measures/validate-items", test_validate_items);
  g_test_add_func ("/measures/risk-item", test_risk);
  g_test_add_func ("/measures/wording", test_wording);

  ret = g_test_run ();
  g_rmdir (tmp);
  return ret;
}
