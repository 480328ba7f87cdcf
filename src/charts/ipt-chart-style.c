/* Chart colours: the style's foreground and background, and the palette's series and tints. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-chart-style.h"

#include "ipt-palette.h"

void
ipt_chart_color_from_rgb (guint32        rgb,
                          IptChartColor *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

void
ipt_chart_style_init (IptChartStyle *style,
                      gboolean       dark)
{
  g_return_if_fail (style != NULL);

  ipt_chart_color_from_rgb (ipt_palette_color (IPT_PALETTE_FOREGROUND, dark), &style->foreground);
  ipt_chart_color_from_rgb (ipt_palette_color (IPT_PALETTE_BACKGROUND, dark), &style->background);
  style->dark = dark;
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    style->show_measure[m] = TRUE;
  style->font_family = NULL;
  style->font_size = 12;
  style->us_focus_names = FALSE;
}

/* The colours themselves are in ipt-palette.c, shared with the list rows and the style sheet. */

void
ipt_chart_style_get_series_color (const IptChartStyle *style,
                                  IptChartMeasure      measure,
                                  IptChartColor       *color)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (measure < IPT_CHART_N_MEASURES);
  g_return_if_fail (color != NULL);

  ipt_chart_color_from_rgb (ipt_palette_series (measure, style->dark), color);
}

void
ipt_chart_style_get_signal_color (const IptChartStyle *style,
                                  IptSignalKind        kind,
                                  IptChartColor       *color)
{
  guint32 rgb;

  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  /* A finished course's line is drawn quietly, as one without scores: it asks for nothing. */
  if (kind == IPT_SIGNAL_OUTCOME || !ipt_palette_signal (kind, style->dark, &rgb))
    {
      *color = style->foreground;
      color->alpha = 0.6;
      return;
    }

  ipt_chart_color_from_rgb (rgb, color);
}

void
ipt_chart_style_get_phase_tint (const IptChartStyle *style,
                                IptPhase             phase,
                                IptChartColor       *color)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  ipt_chart_color_from_rgb (ipt_palette_phase (phase, style->dark), color);
  color->alpha = style->dark ? 0.13 : 0.075;
}
