/* The one palette: signal, phase and series colours, light and dark. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-palette.h"

typedef struct
{
  const char *css_name;
  guint32     light;
  guint32     dark;
} Entry;

/* Dark shades are lighter tints of the same hues: the saturated ones lose contrast on a dark
 * background. */
static const Entry signals[] = {
  [IPT_SIGNAL_RISK] = { "ipt_risk", 0xc01c28, 0xff7b72 },
  [IPT_SIGNAL_DETERIORATION] = { "ipt_deterioration", 0xc01c28, 0xff7b72 },
  [IPT_SIGNAL_NOT_ON_TRACK] = { "ipt_not_on_track", 0xa85d00, 0xf8c45c },
  [IPT_SIGNAL_ON_TRACK] = { "ipt_on_track", 0x1b7a4b, 0x57e389 },
  [IPT_SIGNAL_OUTCOME] = { "ipt_outcome", 0x1a5fb4, 0x8cbcf2 },
};

static const Entry phases[] = {
  [IPT_PHASE_ASSESSMENT] = { "ipt_phase_assessment", 0x3584e4, 0x3584e4 },
  [IPT_PHASE_MIDDLE] = { "ipt_phase_middle", 0x9141ac, 0xa560c0 },
  [IPT_PHASE_END] = { "ipt_phase_end", 0x26a269, 0x2ec27e },
  [IPT_PHASE_MAINTENANCE] = { "ipt_phase_maintenance", 0x986a44, 0xb5835a },
};

static const Entry phase_texts[] = {
  [IPT_PHASE_ASSESSMENT] = { NULL, 0x1a5fb4, 0x8cbcf2 },
  [IPT_PHASE_MIDDLE] = { NULL, 0x7a3592, 0xd0a4e4 },
  [IPT_PHASE_END] = { NULL, 0x18774a, 0x7be0aa },
  [IPT_PHASE_MAINTENANCE] = { NULL, 0x7d5530, 0xdcb894 },
};

static const Entry series[IPT_CHART_N_MEASURES] = {
  { "ipt_series_phq9", 0x0072b2, 0x56b4e9 },
  { "ipt_series_gad7", 0xd55e00, 0xf5a05a },
  { "ipt_series_wsas", 0x009e73, 0x3fd0a4 },
};

gboolean
ipt_palette_signal (IptSignalKind kind,
                    gboolean      dark,
                    guint32      *rgb)
{
  if ((guint) kind >= G_N_ELEMENTS (signals) || signals[kind].css_name == NULL)
    return FALSE;
  *rgb = dark ? signals[kind].dark : signals[kind].light;
  return TRUE;
}

static const Entry *
phase_entry (const Entry *table,
             IptPhase     phase)
{
  return &table[MIN ((guint) phase, (guint) IPT_PHASE_MAINTENANCE)];
}

guint32
ipt_palette_phase (IptPhase phase,
                   gboolean dark)
{
  const Entry *entry = phase_entry (phases, phase);

  return dark ? entry->dark : entry->light;
}

guint32
ipt_palette_phase_text (IptPhase phase,
                        gboolean dark)
{
  const Entry *entry = phase_entry (phase_texts, phase);

  return dark ? entry->dark : entry->light;
}

guint32
ipt_palette_series (IptChartMeasure measure,
                    gboolean        dark)
{
  g_return_val_if_fail ((guint) measure < IPT_CHART_N_MEASURES, 0);

  return dark ? series[measure].dark : series[measure].light;
}

static void
append_entries (GString     *css,
                const Entry *entries,
                guint        n,
                gboolean     dark)
{
  for (guint i = 0; i < n; i++)
    if (entries[i].css_name != NULL)
      g_string_append_printf (css, "@define-color %s #%06x;\n", entries[i].css_name,
                              dark ? entries[i].dark : entries[i].light);
}

char *
ipt_palette_to_css (gboolean dark)
{
  GString *css = g_string_new ("/* ipt-palette.c */\n");

  append_entries (css, signals, G_N_ELEMENTS (signals), dark);
  append_entries (css, phases, G_N_ELEMENTS (phases), dark);
  append_entries (css, series, G_N_ELEMENTS (series), dark);
  return g_string_free (css, FALSE);
}
