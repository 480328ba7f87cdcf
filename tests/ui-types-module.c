/* Loaded into gtk4-builder-tool by the validate-ui test: our widget types are found through
 * their get_type functions, but a template's parent must already be registered by name. */
#include "config.h"

#include "ipt-form-window.h"

static void register_parent_types (void) __attribute__ ((constructor));

static void
register_parent_types (void)
{
  g_type_ensure (IPT_TYPE_FORM_WINDOW);
}
