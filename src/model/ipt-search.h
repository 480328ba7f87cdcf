/* Text folded for searching: case and accents ignored, as GNOME's searches ignore them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text with its case folded and its accents and other marks taken off: "Zoë" and "ZOE" give
 * "zoe", "Nguyễn" gives "nguyen", "Groß" gives "gross"; a few Latin letters that carry their
 * mark inside (ø, đ, ł, æ, œ, ...) become their plain letters. Other scripts keep their letters
 * (without marks). A query folded so matches a folded key as a substring. */
char *ipt_search_fold (const char *text);

G_END_DECLS
