/* Folding text for the caseload search: case, accents and a few letters with built-in marks. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-search.h"

#include <string.h>

/* Letters that Unicode does not decompose into a base letter and a mark. */
static const char *
plain_letters (gunichar c)
{
  switch (c)
    {
    case 0x00D8: case 0x00F8: return "o";   /* Ø ø */
    case 0x0110: case 0x0111: return "d";   /* Đ đ */
    case 0x00D0: case 0x00F0: return "d";   /* Ð ð */
    case 0x0141: case 0x0142: return "l";   /* Ł ł */
    case 0x0126: case 0x0127: return "h";   /* Ħ ħ */
    case 0x0131:              return "i";   /* ı */
    case 0x00C6: case 0x00E6: return "ae";  /* Æ æ */
    case 0x0152: case 0x0153: return "oe";  /* Œ œ */
    case 0x00DE: case 0x00FE: return "th";  /* Þ þ */
    default:                  return NULL;
    }
}

char *
ipt_search_fold (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  /* casefold first: "ß" becomes "ss", and the marks come off below */
  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));

  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      const char *plain = plain_letters (c);
      gsize n, i;

      if (plain != NULL)
        {
          g_string_append (out, plain);
          continue;
        }

      n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      for (i = 0; i < n; i++)
        {
          if (g_unichar_ismark (decomposed[i]))
            continue;
          g_string_append_unichar (out, decomposed[i]);
        }
    }

  /* composed again (Hangul syllables come apart in decomposing; marks are gone by now) */
  {
    g_autofree char *stripped = g_string_free (out, FALSE);
    char *composed = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT_COMPOSE);

    return composed != NULL ? composed : g_steal_pointer (&stripped);
  }
}
