/* What a person of the inventory is to the client, as it may leave the machine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when a relationship as typed ("partner", "best friend", "Mother-in-law") is made only
 * of plain relationship words, in English or in the words the translation lists, and so names
 * and tells nobody: it may appear in de-identified material. Anything else ("Manager at
 * Riverside Surgery", "Mrs Okafor next door", "Daughter (lives at 14 Elm Road)") is free text
 * and may name someone or a place: FALSE, as for an empty text. */
gboolean ipt_relationship_is_plain (const char *relationship);

G_END_DECLS
