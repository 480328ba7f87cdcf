/* Stable ids from the GEnum nicks, shared by every enumeration of the model. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of value in the enum type (static, never freed), NULL when it has none. */
const char *_ipt_enum_to_nick (GType       type,
                               int         value);
/* The value whose nick is id; FALSE for NULL or an unknown id, leaving *out alone. */
gboolean    _ipt_enum_from_nick (GType       type,
                                 const char *id,
                                 int        *out);

G_END_DECLS
