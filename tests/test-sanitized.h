/* Window test programs in the sanitizer run: libraries stay loaded to the end. */
#pragma once

#ifdef IPT_TEST_SANITIZED
/* In the sanitizer run, libraries stay loaded until the process ends: this program's dlclose ()
 * (exported, so that every library's call comes here) does nothing. A GL driver that GDK loads
 * (Mesa's swrast_dri.so, iris_dri.so, ...: whichever the machine has) keeps some memory for its
 * life and may be unloaded and loaded again while GDK probes EGL and GLX; once unloaded, its
 * blocks are reported from an unknown module, which no suppression can name. Kept loaded, they
 * carry the driver's name, which build-aux/lsan.supp lists; our own leaks still show, with our
 * frames. */
int
dlclose (void *handle)
{
  (void) handle;
  return 0;
}
#endif
