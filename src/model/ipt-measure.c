/* The registry of outcome measures (clinical.md section 4), defined once here, and scoring. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-measure.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

/* The wording of PHQ-9 and GAD-7 (item texts and answer labels) is a validated instrument: it is
 * marked with a context of its own and looked up by ipt_measure_item_text () and
 * ipt_measure_scale_label (). Topics, names, timeframes and bands are ordinary text. */
#define PHQ9_ITEM_CONTEXT "PHQ-9 item"
#define GAD7_ITEM_CONTEXT "GAD-7 item"
#define FREQUENCY_CONTEXT "PHQ-9 and GAD-7 answer"

/* The answers of PHQ-9 and GAD-7. */
static const char * const frequency_scale[] = {
  /* TRANSLATORS: PHQ-9/GAD-7 answer: only the published validated translation, else untranslated */
  NC_("PHQ-9 and GAD-7 answer", "Not at all"),
  /* TRANSLATORS: PHQ-9/GAD-7 answer: only the published validated translation, else untranslated */
  NC_("PHQ-9 and GAD-7 answer", "Several days"),
  /* TRANSLATORS: PHQ-9/GAD-7 answer: only the published validated translation, else untranslated */
  NC_("PHQ-9 and GAD-7 answer", "More than half the days"),
  /* TRANSLATORS: PHQ-9/GAD-7 answer: only the published validated translation, else untranslated */
  NC_("PHQ-9 and GAD-7 answer", "Nearly every day"),
  NULL
};

/* PHQ-9 (Kroenke, Spitzer and Williams): public domain, shipped word for word. The short topics
 * (Interest, Mood, ...) are ordinary text. */
static const IptMeasureItem phq9_items[] = {
  { N_("Interest"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Little interest or pleasure in doing things"), 0, 3 },
  { N_("Mood"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Feeling down, depressed, or hopeless"), 0, 3 },
  { N_("Sleep"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Trouble falling or staying asleep, or sleeping too much"), 0, 3 },
  { N_("Energy"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Feeling tired or having little energy"), 0, 3 },
  { N_("Appetite"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Poor appetite or overeating"), 0, 3 },
  { N_("Self-worth"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Feeling bad about yourself — or that you are a failure or have let "
        "yourself or your family down"), 0, 3 },
  { N_("Concentration"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Trouble concentrating on things, such as reading the newspaper or watching "
        "television"), 0, 3 },
  { N_("Movement"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Moving or speaking so slowly that other people could have noticed? Or the "
        "opposite — being so fidgety or restless that you have been moving around a lot more "
        "than usual"), 0, 3 },
  { N_("Thoughts of death or self-harm"),
    /* TRANSLATORS: PHQ-9 wording: only its published validated translation, else untranslated */
    NC_("PHQ-9 item", "Thoughts that you would be better off dead or of hurting yourself in "
        "some way"), 0, 3 },
};

static const IptBand phq9_bands[] = {
  { 0, 4, N_("minimal") },
  { 5, 9, N_("mild") },
  { 10, 14, N_("moderate") },
  { 15, 19, N_("moderately severe") },
  { 20, 27, N_("severe") },
};

/* GAD-7 (Spitzer, Kroenke, Williams and Löwe): public domain, shipped word for word. The short
 * topics (Nervousness, Fear, ...) are ordinary text. */
static const IptMeasureItem gad7_items[] = {
  { N_("Nervousness"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Feeling nervous, anxious or on edge"), 0, 3 },
  { N_("Uncontrollable worry"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Not being able to stop or control worrying"), 0, 3 },
  { N_("Excessive worry"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Worrying too much about different things"), 0, 3 },
  { N_("Trouble relaxing"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Trouble relaxing"), 0, 3 },
  { N_("Restlessness"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Being so restless that it is hard to sit still"), 0, 3 },
  { N_("Irritability"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Becoming easily annoyed or irritable"), 0, 3 },
  { N_("Fear"),
    /* TRANSLATORS: GAD-7 wording: only its published validated translation, else untranslated */
    NC_("GAD-7 item", "Feeling afraid as if something awful might happen"), 0, 3 },
};

static const IptBand gad7_bands[] = {
  { 0, 4, N_("minimal") },
  { 5, 9, N_("mild") },
  { 10, 14, N_("moderate") },
  { 15, 21, N_("severe") },
};

/* WSAS (Mundt et al. 2002): topic labels only. */
static const IptMeasureItem wsas_items[] = {
  { N_("Work"), NULL, 0, 8 },
  { N_("Home management"), NULL, 0, 8 },
  { N_("Social leisure activities"), NULL, 0, 8 },
  { N_("Private leisure activities"), NULL, 0, 8 },
  { N_("Close relationships"), NULL, 0, 8 },
};

/* Words at the even points of the 0-8 scale; the points between are shown as numbers. */
static const char * const wsas_scale[] = {
  N_("Not at all"),
  "1",
  N_("Slightly"),
  "3",
  N_("Definitely"),
  "5",
  N_("Markedly"),
  "7",
  N_("Very severely"),
  NULL
};

static const IptBand wsas_bands[] = {
  { 0, 9, N_("subclinical") },
  { 10, 20, N_("significant impairment") },
  { 21, 40, N_("moderately severe or worse") },
};

/* HRSD / HAM-D 17 (Hamilton 1960), clinician-rated: topic labels only. */
static const IptMeasureItem hamd17_items[] = {
  { N_("Depressed mood"), NULL, 0, 4 },
  { N_("Feelings of guilt"), NULL, 0, 4 },
  { N_("Suicide"), NULL, 0, 4 },
  { N_("Insomnia: early in the night"), NULL, 0, 2 },
  { N_("Insomnia: middle of the night"), NULL, 0, 2 },
  { N_("Insomnia: early hours of the morning"), NULL, 0, 2 },
  { N_("Work and activities"), NULL, 0, 4 },
  { N_("Retardation"), NULL, 0, 4 },
  { N_("Agitation"), NULL, 0, 4 },
  { N_("Anxiety: psychic"), NULL, 0, 4 },
  { N_("Anxiety: somatic"), NULL, 0, 4 },
  { N_("Somatic symptoms: gastro-intestinal"), NULL, 0, 2 },
  { N_("General somatic symptoms"), NULL, 0, 2 },
  { N_("Genital symptoms"), NULL, 0, 2 },
  { N_("Hypochondriasis"), NULL, 0, 4 },
  { N_("Loss of weight"), NULL, 0, 2 },
  { N_("Insight"), NULL, 0, 2 },
};

static const IptBand hamd17_bands[] = {
  { 0, 7, N_("none") },
  { 8, 16, N_("mild") },
  { 17, 23, N_("moderate") },
  { 24, 52, N_("severe") },
};

static const IptBand bdi2_bands[] = {
  { 0, 13, N_("minimal") },
  { 14, 19, N_("mild") },
  { 20, 28, N_("moderate") },
  { 29, 63, N_("severe") },
};

static const IptBand epds_bands[] = {
  { 0, 12, N_("below threshold") },
  { 13, 30, N_("possible depression") },
};

static const IptMeasure measures[] = {
  {
    .id = "phq9",
    .name = "PHQ-9",
    .version = "1",
    .description = N_("Patient Health Questionnaire: severity of depression"),
    .timeframe = N_("Over the last 2 weeks"),
    .n_items = G_N_ELEMENTS (phq9_items),
    .items = phq9_items,
    .scale_labels = frequency_scale,
    .total_min = 0,
    .total_max = 27,
    .n_bands = G_N_ELEMENTS (phq9_bands),
    .bands = phq9_bands,
    .caseness = 10,
    .rci = 6,
    .risk_item = 8,
    .missing_rule = IPT_MISSING_RULE_NONE,
  },
  {
    .id = "gad7",
    .name = "GAD-7",
    .version = "1",
    .description = N_("Generalised Anxiety Disorder scale: severity of anxiety"),
    .timeframe = N_("Over the last 2 weeks"),
    .n_items = G_N_ELEMENTS (gad7_items),
    .items = gad7_items,
    .scale_labels = frequency_scale,
    .total_min = 0,
    .total_max = 21,
    .n_bands = G_N_ELEMENTS (gad7_bands),
    .bands = gad7_bands,
    .caseness = 8,
    .rci = 4,
    .risk_item = -1,
    .missing_rule = IPT_MISSING_RULE_NONE,
  },
  {
    .id = "wsas",
    .name = "WSAS",
    .version = "1",
    .description = N_("Work and Social Adjustment Scale: how much the problem impairs everyday life"),
    .timeframe = N_("At present"),
    .n_items = G_N_ELEMENTS (wsas_items),
    .items = wsas_items,
    .scale_labels = wsas_scale,
    .total_min = 0,
    .total_max = 40,
    .n_bands = G_N_ELEMENTS (wsas_bands),
    .bands = wsas_bands,
    .caseness = -1,
    .rci = 8,
    .risk_item = -1,
    .missing_rule = IPT_MISSING_RULE_PRORATE_ONE,
  },
  {
    .id = "hamd17",
    .name = "HRSD / HAM-D 17",
    .version = "1",
    .description = N_("Hamilton Rating Scale for Depression, 17 items, rated by the clinician"),
    .timeframe = N_("Over the last week"),
    .n_items = G_N_ELEMENTS (hamd17_items),
    .items = hamd17_items,
    .scale_labels = NULL,
    .total_min = 0,
    .total_max = 52,
    .n_bands = G_N_ELEMENTS (hamd17_bands),
    .bands = hamd17_bands,
    .caseness = 8,
    .rci = 0,
    .risk_item = -1,
    .missing_rule = IPT_MISSING_RULE_NONE,
  },
  {
    .id = "bdi2",
    .name = "BDI-II",
    .version = "1",
    .description = N_("Beck Depression Inventory, second edition (total only: the wording is "
                      "copyrighted)"),
    .timeframe = N_("Over the last 2 weeks"),
    .n_items = 0,
    .items = NULL,
    .scale_labels = NULL,
    .total_min = 0,
    .total_max = 63,
    .n_bands = G_N_ELEMENTS (bdi2_bands),
    .bands = bdi2_bands,
    .caseness = 14,
    .rci = 0,
    .risk_item = -1,
    .missing_rule = IPT_MISSING_RULE_NONE,
  },
  {
    .id = "epds",
    .name = "EPDS",
    .version = "1",
    .description = N_("Edinburgh Postnatal Depression Scale (total only: the wording is "
                      "copyrighted)"),
    .timeframe = N_("Over the last 7 days"),
    .n_items = 0,
    .items = NULL,
    .scale_labels = NULL,
    .total_min = 0,
    .total_max = 30,
    .n_bands = G_N_ELEMENTS (epds_bands),
    .bands = epds_bands,
    .caseness = 13,
    .rci = 0,
    .risk_item = -1,
    .missing_rule = IPT_MISSING_RULE_NONE,
  },
};

guint
ipt_measure_get_n_measures (void)
{
  return G_N_ELEMENTS (measures);
}

const IptMeasure *
ipt_measure_get_nth (guint index)
{
  if (index >= G_N_ELEMENTS (measures))
    return NULL;
  return &measures[index];
}

const IptMeasure *
ipt_measure_lookup (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i].id, id))
      return &measures[i];
  return NULL;
}

int
ipt_measure_compute_total (const IptMeasure *measure,
                           const int        *items,
                           guint             n_items)
{
  int sum = 0;
  guint n_missing = 0;

  g_return_val_if_fail (measure != NULL, IPT_TOTAL_NONE);

  if (measure->n_items == 0 || n_items != measure->n_items || items == NULL)
    return IPT_TOTAL_NONE;

  for (guint i = 0; i < n_items; i++)
    {
      if (items[i] == IPT_ITEM_MISSING)
        {
          n_missing++;
          continue;
        }
      if (items[i] < measure->items[i].min || items[i] > measure->items[i].max)
        return IPT_TOTAL_NONE;
      sum += items[i];
    }

  if (n_missing == 0)
    return sum;

  switch (measure->missing_rule)
    {
    case IPT_MISSING_RULE_PRORATE_ONE:
      if (n_missing > 1 || n_items < 2)
        return IPT_TOTAL_NONE;
      /* The missing item takes the mean of the others: total = sum * n / (n - 1). The total
       * is stored as an integer, so it is rounded half up: with WSAS, 4 answered items adding
       * up to 2 give 2.5 -> 3, up to 1 give 1.25 -> 1, up to 3 give 3.75 -> 4.
       * round (x) = floor (x + 1/2) = floor ((2 * sum * n + (n - 1)) / (2 * (n - 1))). */
      return (int) ((2 * (guint) sum * n_items + (n_items - 1)) / (2 * (n_items - 1)));
    case IPT_MISSING_RULE_NONE:
    default:
      return IPT_TOTAL_NONE;
    }
}

gboolean
ipt_measure_total_is_prorated (const IptMeasure *measure,
                               const int        *items,
                               guint             n_items)
{
  guint n_missing = 0;

  g_return_val_if_fail (measure != NULL, FALSE);

  if (measure->missing_rule != IPT_MISSING_RULE_PRORATE_ONE || items == NULL
      || ipt_measure_compute_total (measure, items, n_items) == IPT_TOTAL_NONE)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    if (items[i] == IPT_ITEM_MISSING)
      n_missing++;
  return n_missing == 1;
}

char *
ipt_measure_describe_prorated (const IptMeasure *measure,
                               const int        *items,
                               guint             n_items)
{
  g_return_val_if_fail (measure != NULL, NULL);

  if (!ipt_measure_total_is_prorated (measure, items, n_items))
    return NULL;
  /* clinical.md section 4: the missing item takes the mean of the others, the total is rounded
   * half up to a whole number */
  return g_strdup (_("one item missing: the mean of the others, rounded half up"));
}

gboolean
ipt_measure_validate_items (const IptMeasure *measure,
                            const int        *items,
                            guint             n_items,
                            GError          **error)
{
  g_return_val_if_fail (measure != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (measure->n_items == 0)
    {
      if (n_items == 0)
        return TRUE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is entered as a total only, without item answers"), measure->name);
      return FALSE;
    }

  if (n_items != measure->n_items || items == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s has %u items, not %u"), measure->name, measure->n_items, n_items);
      return FALSE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      const IptMeasureItem *item = &measure->items[i];

      if (items[i] == IPT_ITEM_MISSING)
        continue;
      if (items[i] < item->min || items[i] > item->max)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s item %u (%s) must be between %d and %d, not %d"),
                       measure->name, i + 1, _(item->topic), item->min, item->max, items[i]);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
ipt_measure_total_in_range (const IptMeasure *measure,
                            int               total)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  return total >= measure->total_min && total <= measure->total_max;
}

const IptBand *
ipt_measure_band_for_total (const IptMeasure *measure,
                            int               total)
{
  g_return_val_if_fail (measure != NULL, NULL);

  if (!ipt_measure_total_in_range (measure, total))
    return NULL;
  for (guint i = 0; i < measure->n_bands; i++)
    if (total >= measure->bands[i].min && total <= measure->bands[i].max)
      return &measure->bands[i];
  return NULL;
}

const char *
ipt_measure_band_label (const IptMeasure *measure,
                        int               total)
{
  const IptBand *band = ipt_measure_band_for_total (measure, total);

  return band != NULL ? _(band->label) : NULL;
}

gboolean
ipt_measure_has_caseness (const IptMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  return measure->caseness >= 0;
}

gboolean
ipt_measure_is_case (const IptMeasure *measure,
                     int               total)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  return ipt_measure_has_caseness (measure)
         && ipt_measure_total_in_range (measure, total)
         && total >= measure->caseness;
}

gboolean
ipt_measure_items_flag_risk (const IptMeasure *measure,
                             const int        *items,
                             guint             n_items)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  if (measure->risk_item < 0 || items == NULL || (guint) measure->risk_item >= n_items)
    return FALSE;
  return items[measure->risk_item] > 0;
}

/* The context under which a measure's wording (item texts and answer labels) is translated,
 * NULL for measures whose texts are ordinary. */
static const char *
item_context (const IptMeasure *measure)
{
  if (g_str_equal (measure->id, "phq9"))
    return PHQ9_ITEM_CONTEXT;
  if (g_str_equal (measure->id, "gad7"))
    return GAD7_ITEM_CONTEXT;
  return NULL;
}

static const char *
scale_context (const IptMeasure *measure)
{
  return measure->scale_labels == frequency_scale ? FREQUENCY_CONTEXT : NULL;
}

/* Ordinary text through _(); a validated instrument's wording only when the catalogue has the
 * whole instrument, so that a questionnaire is never shown half translated. */
static const char *
translate (const IptMeasure *measure,
           const char       *context,
           const char       *msgid)
{
  if (context == NULL)
    return _(msgid);
  if (!ipt_measure_wording_is_translated (measure))
    return msgid;
  return g_dpgettext2 (NULL, context, msgid);
}

const char *
ipt_measure_item_text (const IptMeasure *measure,
                       guint             item)
{
  const IptMeasureItem *spec;

  g_return_val_if_fail (measure != NULL, NULL);
  g_return_val_if_fail (item < measure->n_items, NULL);

  spec = &measure->items[item];
  if (spec->text == NULL)
    return _(spec->topic);
  return translate (measure, item_context (measure), spec->text);
}

const char *
ipt_measure_scale_label (const IptMeasure *measure,
                         int               value)
{
  g_return_val_if_fail (measure != NULL, NULL);

  if (measure->scale_labels == NULL || value < 0)
    return NULL;
  for (int v = 0; v <= value; v++)
    if (measure->scale_labels[v] == NULL)
      return NULL;
  return translate (measure, scale_context (measure), measure->scale_labels[value]);
}

gboolean
ipt_measure_has_validated_wording (const IptMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  return item_context (measure) != NULL;
}

gboolean
ipt_measure_wording_is_translated (const IptMeasure *measure)
{
  const char *context;

  g_return_val_if_fail (measure != NULL, FALSE);

  context = item_context (measure);
  if (context == NULL)
    return FALSE;
  /* gettext hands the msgid itself back when the catalogue has no translation; a translation
   * of the whole instrument is used, never a part of one. */
  for (guint i = 0; i < measure->n_items; i++)
    if (g_dpgettext2 (NULL, context, measure->items[i].text) == measure->items[i].text)
      return FALSE;
  for (guint v = 0; measure->scale_labels != NULL && measure->scale_labels[v] != NULL; v++)
    if (g_dpgettext2 (NULL, scale_context (measure), measure->scale_labels[v])
        == measure->scale_labels[v])
      return FALSE;
  return TRUE;
}
