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

/* Okabe and Ito's colour-blind-safe hues, each with the lighter tint it takes on dark. */
#define OKABE_ITO_BLUE 0x0072b2, 0x56b4e9
#define OKABE_ITO_VERMILION 0xd55e00, 0xf5a05a
#define OKABE_ITO_GREEN 0x009e73, 0x3fd0a4
#define OKABE_ITO_PURPLE 0xcc79a7, 0xe7a4c9
#define OKABE_ITO_ORANGE 0xe69f00, 0xf0c05a
#define OKABE_ITO_SKY_BLUE 0x56b4e9, 0x9fd3f2

static const Entry series[IPT_CHART_N_MEASURES] = {
  { "ipt_series_phq9", OKABE_ITO_BLUE },
  { "ipt_series_gad7", OKABE_ITO_VERMILION },
  { "ipt_series_wsas", OKABE_ITO_GREEN },
};

/* A goal chart's lines: a hue the mood chart's series do not start with comes first. */
static const Entry goal_series[] = {
  { "ipt_goal_1", OKABE_ITO_PURPLE },
  { "ipt_goal_2", OKABE_ITO_BLUE },
  { "ipt_goal_3", OKABE_ITO_ORANGE },
  { "ipt_goal_4", OKABE_ITO_GREEN },
  { "ipt_goal_5", OKABE_ITO_SKY_BLUE },
  { "ipt_goal_6", OKABE_ITO_VERMILION },
};

/* Paper (reports, the supervision pack) is white whatever the screen: no dark shades and no
 * name in the style sheet. */
static const Entry colors[IPT_PALETTE_N_COLORS] = {
  [IPT_PALETTE_FOREGROUND] = { "ipt_chart_fg", 0x241f31, 0xffffff },
  [IPT_PALETTE_BACKGROUND] = { "ipt_chart_bg", 0xffffff, 0x242424 },
  [IPT_PALETTE_QUIET] = { "ipt_quiet", 0x808080, 0x808080 },
  [IPT_PALETTE_CIRCLE_TINT] = { "ipt_circle_tint", 0x7354b8, 0x7354b8 },
  [IPT_PALETTE_CIRCLE_CLIENT] = { "ipt_circle_client", 0x5c368c, 0x8057c2 },
  [IPT_PALETTE_ON_ACCENT] = { "ipt_on_accent", 0xffffff, 0xffffff },
  [IPT_PALETTE_TOAST_FOREGROUND] = { "ipt_toast_fg", 0xffffff, 0xffffff },
  [IPT_PALETTE_TOAST_BACKGROUND] = { "ipt_toast_bg", 0x1e1e1e, 0x1e1e1e },
  [IPT_PALETTE_SHADOW] = { "ipt_shadow", 0x000000, 0x000000 },
  [IPT_PALETTE_PAPER_TEXT] = { NULL, 0x000000, 0x000000 },
  [IPT_PALETTE_PAPER_BODY] = { NULL, 0x1a1a1a, 0x1a1a1a },
  [IPT_PALETTE_PAPER_NOTE] = { NULL, 0x4d4d4d, 0x4d4d4d },
  [IPT_PALETTE_PAPER_MARGIN] = { NULL, 0x595959, 0x595959 },
  [IPT_PALETTE_PAPER_FOOTER] = { NULL, 0x666666, 0x666666 },
  [IPT_PALETTE_PAPER_TABLE_HEAD] = { NULL, 0xebebf2, 0xebebf2 },
  [IPT_PALETTE_PAPER_RULE] = { NULL, 0xcccccc, 0xcccccc },
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

guint
ipt_palette_n_goal_series (void)
{
  return G_N_ELEMENTS (goal_series);
}

guint32
ipt_palette_goal_series (guint    index,
                         gboolean dark)
{
  const Entry *entry = &goal_series[index % G_N_ELEMENTS (goal_series)];

  return dark ? entry->dark : entry->light;
}

guint32
ipt_palette_color (IptPaletteColor color,
                   gboolean        dark)
{
  g_return_val_if_fail ((guint) color < IPT_PALETTE_N_COLORS, 0);

  return dark ? colors[color].dark : colors[color].light;
}

void
ipt_palette_set_source (cairo_t         *cr,
                        IptPaletteColor  color,
                        gboolean         dark)
{
  guint32 rgb = ipt_palette_color (color, dark);

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
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
  append_entries (css, goal_series, G_N_ELEMENTS (goal_series), dark);
  append_entries (css, colors, G_N_ELEMENTS (colors), dark);
  return g_string_free (css, FALSE);
}
