/* Folding text for the caseload search. */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "ipt-model.h"

static void
check (const char *text,
       const char *expected)
{
  g_autofree char *folded = ipt_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  check ("Zoë", "zoe");
  check ("ZOE", "zoe");
  check ("Nguyễn", "nguyen");
  check ("Groß", "gross");
  check ("Søren Łukasz Đặng", "soren lukasz dang");
  check ("Æsa Œuvre", "aesa oeuvre");
  check ("François Müller-Lüdenscheidt", "francois muller-ludenscheidt");
  /* precomposed or not, the same */
  check ("Zoe\xcc\x88", "zoe");
  /* other scripts keep their letters */
  check ("Иван Йосиф", "иван иосиф");
  check ("김민준", "김민준");
  check ("C-0001", "c-0001");
  check ("", "");
}

static void
test_case_summary_key (void)
{
  g_autoptr(IptClient) client = ipt_client_new ("C-0042");
  g_autoptr(IptCaseSummary) summary = NULL;
  g_autofree char *query = ipt_search_fold ("ZOE NGUY");

  ipt_client_set_given_name (client, "Zoë");
  ipt_client_set_family_name (client, "Nguyễn");
  summary = ipt_case_summary_new (client, NULL, 0, 0, NULL, 0, NULL, 0);
  g_assert_cmpstr (ipt_case_summary_get_search_key (summary), ==, "zoe nguyen c-0042");
  g_assert_nonnull (strstr (ipt_case_summary_get_search_key (summary), query));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/case-summary-key", test_case_summary_key);

  return g_test_run ();
}
