/* Plain relationship words: what a de-identified file may say of a person of the inventory. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-relationship.h"

#include <glib/gi18n.h>

/* Kin, partners, friends, work and care, with the few words that join them ("best", "former",
 * "at work"). Compared case-folded, word by word; a hyphen joins words ("mother-in-law"). */
static const char *const english_words[] = {
  "partner", "husband", "wife", "spouse", "boyfriend", "girlfriend", "fiance", "fiancé",
  "fiancee", "fiancée", "ex", "mother", "mum", "mom", "mummy", "mommy", "father", "dad",
  "daddy", "parent", "parents", "son", "daughter", "child", "children", "baby", "stepson",
  "stepdaughter", "stepchild", "stepmother", "stepfather", "stepmum", "stepmom", "stepdad",
  "step", "brother", "sister", "sibling", "twin", "half", "grandmother", "grandfather",
  "grandma", "grandpa", "gran", "granny", "grandad", "granddad", "nan", "nana", "grandparent",
  "grandson", "granddaughter", "grandchild", "aunt", "auntie", "uncle", "cousin", "niece",
  "nephew", "in", "law", "godmother", "godfather", "godchild", "family", "relative", "friend",
  "friends", "best", "close", "old", "oldest", "childhood", "school", "schoolfriend",
  "classmate", "flatmate", "housemate", "roommate", "neighbour", "neighbor", "colleague",
  "coworker", "co", "worker", "workmate", "manager", "boss", "line", "supervisor", "employer",
  "employee", "team", "leader", "mentor", "teacher", "tutor", "student", "landlord",
  "landlady", "tenant", "carer", "caregiver", "nurse", "doctor", "gp", "therapist",
  "counsellor", "counselor", "social", "support", "key", "priest", "pastor", "vicar", "imam",
  "rabbi", "faith", "leader", "pet", "dog", "cat", "late", "former", "deceased", "elder",
  "eldest", "younger", "youngest", "older", "big", "little", "new", "first", "second",
  "third", "at", "from", "of", "the", "a", "an", "and", "work", "church", "mosque",
  "temple", "club", "group", "own", "biological", "adoptive", "adopted", "foster",
};

static GHashTable *
plain_words (void)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_auto(GStrv) translated = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
        g_hash_table_add (set, g_utf8_casefold (english_words[i], -1));
      /* TRANSLATORS: the plain words of relationships in your language, separated by spaces
       * ("Mutter Vater Schwester beste Freundin ..."), not a translation of this text: a
       * relationship typed in the inventory appears in de-identified supervision material
       * only when all its words are plain relationship words (English or these); anything
       * else may name someone and is shown as "Person 2". Leave as "-" to add none. */
      translated = g_strsplit_set (C_("plain relationship words", "-"), " \t\n", -1);
      for (guint i = 0; translated[i] != NULL; i++)
        if (translated[i][0] != '\0' && g_strcmp0 (translated[i], "-") != 0)
          g_hash_table_add (set, g_utf8_casefold (translated[i], -1));
      g_once_init_leave (&words, set);
    }
  return words;
}

gboolean
ipt_relationship_is_plain (const char *relationship)
{
  GHashTable *words;
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (relationship == NULL || !g_utf8_validate (relationship, -1, NULL))
    return FALSE;
  words = plain_words ();
  folded = g_utf8_casefold (relationship, -1);
  /* Only letters, spaces and hyphens: digits, punctuation, brackets and apostrophes ("Jo's
   * mum", "14 Elm Road", "boss, Mr Hughes") make it free text. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != ' ' && c != '-')
        return FALSE;
    }
  parts = g_strsplit_set (folded, " -", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (!g_hash_table_contains (words, parts[i]))
        return FALSE;
      n++;
    }
  /* a few words, not a sentence made of them */
  return n > 0 && n <= 5;
}
