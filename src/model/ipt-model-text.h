/* Shared inside model/ only: the free-text fields of the IPT records (setting, checking). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *slot with a copy of text ("" kept as "") and notifies pspec when it changed. */
void     _ipt_model_set_text (GObject     *object,
                              char       **slot,
                              const char  *text,
                              GParamSpec  *pspec);
/* NULL, empty or only white space (any Unicode space). */
gboolean _ipt_model_text_is_blank (const char *text);
/* Texts of any length and script are kept as they are; only bytes that are not UTF-8 are
 * refused, naming the field (label, translated). */
gboolean _ipt_model_check_text (const char  *text,
                                const char  *label,
                                GError     **error);
/* Dates compare as text (ISO 8601). today: the local date, YYYY-MM-DD, newly allocated. */
char    *_ipt_model_today (void);

G_END_DECLS
