/* Which renderer the windows draw with when GL is only a software rasteriser.
 *
 * GTK from 4.14 on does not use its GL renderer when the GL driver is Mesa's software
 * rasteriser (llvmpipe, softpipe): each frame is then rasterised on the processor and redrawn
 * whole, which makes typing in the caseload search several times slower than the cairo
 * renderer on the same machine. GTK 4.8 to 4.12 lack that rule, so the app applies it itself:
 * on those versions only, when GSK_RENDERER does not choose a renderer already, and only for a
 * software GL driver. Computers with a graphics driver keep GL. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>

#include "ipt-renderer.h"

/* The key GDK reads for a display's renderer, as the GTK inspector sets it. */
#define RENDERER_KEY "gsk-renderer"

static gboolean
is_software_rasteriser (const char *renderer)
{
  static const char *const names[] = { "llvmpipe", "softpipe", "swrast", "SWR" };

  if (renderer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (renderer, names[i]) != NULL)
      return TRUE;
  return FALSE;
}

const char *
ipt_renderer_choose (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *chosen;
  const char *renderer;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  chosen = g_object_get_data (G_OBJECT (display), RENDERER_KEY);
  if (chosen != NULL)
    return chosen;
  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 14)
    return NULL;
  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      /* Without GL, GTK chooses the cairo renderer by itself. */
      g_debug ("No GL context: %s", error != NULL ? error->message : "unknown reason");
      return NULL;
    }

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  g_debug ("GL renderer: %s", renderer != NULL ? renderer : "(unknown)");
  if (is_software_rasteriser (renderer))
    g_object_set_data_full (G_OBJECT (display), RENDERER_KEY, g_strdup ("cairo"), g_free);
  gdk_gl_context_clear_current ();

  return g_object_get_data (G_OBJECT (display), RENDERER_KEY);
}
