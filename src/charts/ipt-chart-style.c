/* Chart colours: the style's foreground and background, and fixed colour-blind-safe series. */
#define G_LOG_DOMAIN "ipt-charts"

#include "config.h"

#include "ipt-chart-style.h"

static void
color_from_rgb (guint32        rgb,
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

  color_from_rgb (dark ? 0xffffff : 0x241f31, &style->foreground);
  color_from_rgb (dark ? 0x242424 : 0xffffff, &style->background);
  style->dark = dark;
  for (guint m = 0; m < IPT_CHART_N_MEASURES; m++)
    style->show_measure[m] = TRUE;
  style->font_family = NULL;
  style->font_size = 12;
}

/* Okabe and Ito's palette stays distinct under the common colour-vision deficiencies. On a
 * dark background the saturated blue and vermillion lose contrast, so lighter tints of the
 * same hues are used there. */
static const guint32 series_light[IPT_CHART_N_MEASURES] = { 0x0072b2, 0xd55e00, 0x009e73 };
static const guint32 series_dark[IPT_CHART_N_MEASURES] = { 0x56b4e9, 0xf5a05a, 0x3fd0a4 };

void
ipt_chart_style_get_series_color (const IptChartStyle *style,
                                  IptChartMeasure      measure,
                                  IptChartColor       *color)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (measure < IPT_CHART_N_MEASURES);
  g_return_if_fail (color != NULL);

  color_from_rgb (style->dark ? series_dark[measure] : series_light[measure], color);
}

void
ipt_chart_style_get_signal_color (const IptChartStyle *style,
                                  IptSignalKind        kind,
                                  IptChartColor       *color)
{
  guint32 rgb;

  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  switch (kind)
    {
    case IPT_SIGNAL_RISK:
    case IPT_SIGNAL_DETERIORATION:
      rgb = style->dark ? 0xff7b72 : 0xc01c28;
      break;
    case IPT_SIGNAL_NOT_ON_TRACK:
      rgb = style->dark ? 0xf8c45c : 0xa85d00;
      break;
    case IPT_SIGNAL_ON_TRACK:
      rgb = style->dark ? 0x57e389 : 0x1b7a4b;
      break;
    case IPT_SIGNAL_OUTCOME:
    case IPT_SIGNAL_NO_SCORES:
    default:
      *color = style->foreground;
      color->alpha = 0.6;
      return;
    }

  color_from_rgb (rgb, color);
}
