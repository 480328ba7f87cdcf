/* Helpers shared by the chart tests: tests/test-charts.c and tests/test-chart-export.c. */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

/* Removes a test program's temporary directory. */
static inline void
remove_tmp_dir (const char *dir_path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  /* best effort: remove the temporary directory, two levels deep */
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir_path, g_file_info_get_name (info), NULL);
      g_autoptr(GDir) sub = g_dir_open (child, 0, NULL);
      const char *name;

      while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
        {
          g_autofree char *grandchild = g_build_filename (child, name, NULL);
          g_unlink (grandchild);
        }
      if (g_remove (child) != 0)
        g_rmdir (child);
      g_object_unref (info);
    }
  g_rmdir (dir_path);
}
