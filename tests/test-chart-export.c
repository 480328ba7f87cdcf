/* Tests of chart export to PDF, SVG and PNG, from chart data and a casebook: no display needed. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipt-chart-export.h"
#include "ipt-store.h"

#include "fixtures/charts/charts-fixtures.h"
#include "test-charts-common.h"

static char *tmp_dir;

/* Export ----------------------------------------------------------------------------------- */

static char *
run_pdftotext (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_export_pdf (void)
{
  g_autoptr(IptChartData) data = fixture_maintenance ();
  g_autofree char *path = g_build_filename (tmp_dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (ipt_chart_export_data (data, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  text = run_pdftotext (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: PDF text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "C-0051"));
  g_assert_nonnull (strstr (text, "Assessment"));
  g_assert_nonnull (strstr (text, "Middle"));
  g_assert_nonnull (strstr (text, "End"));
  g_assert_nonnull (strstr (text, "Maintenance"));
  g_assert_nonnull (strstr (text, "PHQ-9"));
  g_assert_nonnull (strstr (text, "GAD-7"));
  g_assert_nonnull (strstr (text, "WSAS"));
  g_assert_nonnull (strstr (text, "cut-off 10"));
}

/* An ended course with a missed session: the count attended, and the last session's number. */
static void
test_export_pdf_ended (void)
{
  g_autoptr(IptChartData) data = fixture_role_dispute ();
  g_autofree char *path = g_build_filename (tmp_dir, "chart-ended.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (ipt_chart_export_data (data, path, &error));
  g_assert_no_error (error);
  text = run_pdftotext (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: PDF text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "Ended \u00b7 15 sessions attended, the last one session 16"));
}

static void
test_export_svg (void)
{
  g_autoptr(IptChartData) data = fixture_role_dispute ();
  g_autofree char *path = g_build_filename (tmp_dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) parser = NULL;
  static const GMarkupParser nothing = { NULL, };
  gsize length;

  g_assert_true (ipt_chart_export_data (data, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  parser = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
}

static void
test_export_png (void)
{
  g_autoptr(IptChartData) data = fixture_middle ();
  g_autofree char *path = g_build_filename (tmp_dir, "CHART.PNG", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (ipt_chart_export_data (data, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2200);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1240);
  cairo_surface_destroy (surface);
}

/* Bad names and unwritable places fail with one line, leave the old file and no temporary. */
static void
test_export_errors (void)
{
  g_autoptr(IptChartData) data = fixture_middle ();
  g_autofree char *dir = g_build_filename (tmp_dir, "errors", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.jpg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "chart.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  g_assert_false (ipt_chart_export_data (data, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (ipt_chart_export_data (data, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* replacing a file: the new one is whole */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (ipt_chart_export_data (data, existing, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "%%EOF", 5));

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);   /* no temporary file left behind */
}

/* From a casebook: by case code; the name never reaches the file. */
static void
test_export_from_store (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "export.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "store-chart.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(IptClient) client = ipt_client_new ("C-0300");
  g_autoptr(IptEpisode) episode = NULL;
  g_autoptr(GError) error = NULL;
  const IptMeasure *phq9 = ipt_measure_lookup ("phq9");

  store = ipt_store_open (db, IPT_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  ipt_client_set_given_name (client, "Quintessa");
  ipt_client_set_family_name (client, "Holloway");
  g_assert_true (ipt_store_insert_client (store, client, &error));
  g_assert_no_error (error);

  /* no course yet: nothing to chart */
  g_assert_false (ipt_chart_export (store, "C-0300", pdf, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  episode = ipt_episode_new (ipt_client_get_id (client), "2025-01-06", 16);
  ipt_episode_set_focus (episode, IPT_FOCUS_ROLE_DISPUTE);
  g_assert_true (ipt_store_insert_episode (store, episode, &error));
  g_assert_no_error (error);

  for (guint n = 1; n <= 5; n++)
    {
      g_autofree char *date = g_strdup_printf ("2025-01-%02u", 6 + (n - 1) * 5);
      g_autoptr(IptSession) session = ipt_session_new (ipt_episode_get_id (episode), n, date);
      g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (scores, ipt_score_new_from_total (phq9, 20 - (int) n * 2));
      g_assert_true (ipt_store_save_session (store, session, scores, &error));
      g_assert_no_error (error);
    }

  g_assert_true (ipt_chart_export (store, "C-0300", pdf, &error));
  g_assert_no_error (error);

  g_assert_false (ipt_chart_export (store, "C-9999", pdf, &error));
  g_assert_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  text = run_pdftotext (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: PDF text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "C-0300"));
  g_assert_nonnull (strstr (text, "PHQ-9"));
  g_assert_null (strstr (text, "Quintessa"));
  g_assert_null (strstr (text, "Holloway"));
}

/* The type chosen sets the extension: replaced when it is another chart type's, added when the
 * name has none. */
static void
test_path_for_format (void)
{
  static const struct { const char *path; IptChartFormat format; const char *expected; } cases[] = {
    { "/tmp/C-0042 mood chart.pdf", IPT_CHART_FORMAT_PNG, "/tmp/C-0042 mood chart.png" },
    { "/tmp/chart.PNG", IPT_CHART_FORMAT_SVG, "/tmp/chart.svg" },
    { "/tmp/chart.svg", IPT_CHART_FORMAT_SVG, "/tmp/chart.svg" },
    { "/tmp/chart", IPT_CHART_FORMAT_PDF, "/tmp/chart.pdf" },
    { "/tmp/chart.v2", IPT_CHART_FORMAT_PNG, "/tmp/chart.v2.png" },
    { "/tmp/my.pdf.d/chart", IPT_CHART_FORMAT_PNG, "/tmp/my.pdf.d/chart.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = ipt_chart_path_for_format (cases[i].path, cases[i].format);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("ipt-test-chart-export-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/export/path-for-format", test_path_for_format);
  g_test_add_func ("/charts/export/pdf-ended", test_export_pdf_ended);
  g_test_add_func ("/charts/export/pdf", test_export_pdf);
  g_test_add_func ("/charts/export/svg", test_export_svg);
  g_test_add_func ("/charts/export/png", test_export_png);
  g_test_add_func ("/charts/export/errors", test_export_errors);
  g_test_add_func ("/charts/export/from-store", test_export_from_store);

  status = g_test_run ();

  remove_tmp_dir (tmp_dir);
  g_free (tmp_dir);

  return status;
}
