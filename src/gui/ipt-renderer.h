/* Which renderer the windows draw with when GL is only a software rasteriser. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* On GTK before 4.14, makes the windows of display draw with cairo when GL is a software
 * rasteriser, as newer GTK does by itself; returns the renderer's name when one is set. Call it
 * before the first window is shown. */
const char *ipt_renderer_choose (GdkDisplay *display);

G_END_DECLS
