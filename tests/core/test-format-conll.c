/* test-format-conll.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "format-test-util.h"

typedef struct
{
  const char *path;
  const char *message;
} ExpectedProblem;

static void
assert_problems (GlossExporter         *exporter,
                 const ExpectedProblem *expected,
                 guint                  n_expected)
{
  GPtrArray *problems = gloss_exporter_get_problems (exporter);

  for (guint i = 0; i < MIN (problems->len, n_expected); i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpint (problem->severity, ==, GLOSS_SEVERITY_WARNING);
      g_assert_cmpstr (problem->path, ==, expected[i].path);
      g_assert_cmpstr (problem->message, ==, expected[i].message);
    }
  g_assert_cmpuint (problems->len, ==, n_expected);
}

static void
test_golden_file (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("conll");
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;
  gsize actual_length;
  gsize expected_length;

  actual = format_test_export_file (exporter, corpus, "unicode.conll", &actual_length);
  expected = format_test_read_data ("conll/unicode.conll", &expected_length);
  format_test_assert_same_bytes (actual, actual_length, expected, expected_length);
}

static void
test_shape (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("conll");
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint n_comments = 0;
  guint n_blank = 0;

  output = format_test_export_string (exporter, corpus, &length);
  g_assert_true (g_str_has_prefix (output, "# doc_id = emoji\nPeace\tB-principle\n"));
  g_assert_true (g_str_has_suffix (output, "policy\tI-task\n.\tO\n\n"));
  g_assert_null (strstr (output, "DOCSTART"));

  /* Every line is a comment, a blank sentence break, or token TAB tag with
   * a well-formed IOB2 tag. */
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (g_str_has_prefix (lines[i], "# doc_id = "))
        {
          n_comments++;
          continue;
        }
      if (lines[i][0] == '\0')
        {
          n_blank++;
          continue;
        }

      columns = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (columns), ==, 2);
      g_assert_cmpstr (columns[0], !=, "");
      g_assert_true (g_str_equal (columns[1], "O") ||
                     g_str_has_prefix (columns[1], "B-") ||
                     g_str_has_prefix (columns[1], "I-"));
    }
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");

  g_assert_cmpuint (n_comments, ==, 4);
  /* emoji 2 sentences, vi 2 (a line break and a full stop), ar 2, nested 1 */
  g_assert_cmpuint (n_blank, ==, 7);
}

static void
test_dropped_report (void)
{
  static const ExpectedProblem expected[] = {
    { "nested/s1", "dropped: it overlaps the kept span s2 (pillar 0–63); IOB2 cannot express nested or overlapping spans" },
    { "nested/s3", "dropped: it overlaps the kept span s2 (pillar 0–63); IOB2 cannot express nested or overlapping spans" },
    { "nested/s4", "dropped: it overlaps the kept span s2 (pillar 0–63); IOB2 cannot express nested or overlapping spans" },
    { "nested/s5", "dropped: it overlaps the kept span s2 (pillar 0–63); IOB2 cannot express nested or overlapping spans" },
    { "", "4 spans dropped from document nested" },
  };
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("conll");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length;
  gsize second_length;

  first = format_test_export_string (exporter, corpus, &first_length);
  assert_problems (exporter, expected, G_N_ELEMENTS (expected));

  /* A second export with the same exporter starts afresh. */
  second = format_test_export_string (exporter, corpus, &second_length);
  format_test_assert_same_bytes (second, second_length, first, first_length);
  assert_problems (exporter, expected, G_N_ELEMENTS (expected));

  /* The longest span is kept whole; the spans kept beside it are s6, s7. */
  g_assert_nonnull (strstr (first, "# doc_id = nested\nParty\tB-pillar\ndiplomacy\tI-pillar\n,\tI-pillar\n"));
  g_assert_nonnull (strstr (first, "people\tI-pillar\ndiplomacy\tI-pillar\nare\tO\n"));
  g_assert_nonnull (strstr (first, "three\tB-principle\npillars\tI-principle\n"));
  g_assert_nonnull (strstr (first, "foreign\tB-task\npolicy\tI-task\n"));
}

static void
test_misaligned (void)
{
  static const ExpectedProblem expected[] = {
    { "mid/s1", "dropped: it starts at code point 2, inside the token “Gloss” (0–5); "
                "IOB2 tags whole tokens and Gloss never shifts a span" },
    { "mid/s2", "dropped: it ends at code point 17, inside the token “tokens” (14–20); "
                "IOB2 tags whole tokens and Gloss never shifts a span" },
    { "mid/s3", "dropped: it starts with whitespace (code point 13) rather than with a token; "
                "IOB2 tags whole tokens and Gloss never shifts a span" },
    { "mid/s4", "dropped: it ends with whitespace (code point 22) rather than with a token; "
                "IOB2 tags whole tokens and Gloss never shifts a span" },
    { "mid/s7", "dropped: it overlaps the kept span s6 (principle 26–32); "
                "IOB2 cannot express nested or overlapping spans" },
    { "family/s1", "dropped: it starts at code point 9, inside the token “👩‍👩‍👧” (7–12); "
                   "IOB2 tags whole tokens and Gloss never shifts a span" },
    { "", "the id of document “line\\nbreak” contains a line break, written escaped in its # doc_id line" },
    { "", "6 spans dropped from documents mid, family" },
  };
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("conll/misaligned.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("conll");
  g_autofree char *actual = NULL;
  g_autofree char *expected_output = NULL;
  gsize actual_length;
  gsize expected_length;

  actual = format_test_export_string (exporter, corpus, &actual_length);
  expected_output = format_test_read_data ("conll/misaligned.conll", &expected_length);
  format_test_assert_same_bytes (actual, actual_length, expected_output, expected_length);
  assert_problems (exporter, expected, G_N_ELEMENTS (expected));

  /* Non-aligned spans go before overlaps are resolved: the long
   * misaligned s2 does not push out the aligned s5 it overlaps. */
  g_assert_nonnull (strstr (actual, "exports\tO\ntokens\tB-task\n,\tO\n"));
  /* Nothing was shifted onto a neighbouring token. */
  g_assert_nonnull (strstr (actual, "Gloss\tO\n"));
  g_assert_nonnull (strstr (actual, "Family\tO\n👩‍👩‍👧\tO\nhere\tO\n"));
  /* An empty document is its comment alone. */
  g_assert_true (g_str_has_suffix (actual, "\n# doc_id = empty\n"));
}

static void
test_no_problems (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("conll");
  GlossDocument *nested = gloss_corpus_lookup_document (corpus, "nested");
  g_autofree char *output = NULL;
  gsize length;

  g_assert_true (gloss_corpus_remove_document (corpus, nested));
  output = format_test_export_string (exporter, corpus, &length);

  g_assert_cmpuint (gloss_exporter_get_problems (exporter)->len, ==, 0);
  g_assert_null (strstr (output, "nested"));
}

static void
test_no_offsets (void)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("conll");

  g_assert_nonnull (exporter);
  g_assert_false (gloss_exporter_supports_offsets (exporter));
}

static void
test_cli_stderr (void)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "formats", "unicode.gloss.json", NULL);
  g_autofree char *golden = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize golden_length;
  int status;
  const char *argv[] = { cli, "export", "--to", "conll", input, "-o", "-", NULL };

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("GLOSS_CLI is not set to the built gloss-cli");
      return;
    }

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  golden = format_test_read_data ("conll/unicode.conll", &golden_length);
  g_assert_cmpstr (out, ==, golden);
  g_assert_nonnull (strstr (err, "nested/s1: warning: dropped: it overlaps the kept span s2 (pillar 0–63)"));
  g_assert_nonnull (strstr (err, "warning: 4 spans dropped from document nested\n"));
  /* No offsets to speak of. */
  g_assert_null (strstr (err, "offsets count"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/format-conll/golden-file", test_golden_file);
  g_test_add_func ("/gloss/core/format-conll/shape", test_shape);
  g_test_add_func ("/gloss/core/format-conll/dropped-report", test_dropped_report);
  g_test_add_func ("/gloss/core/format-conll/misaligned", test_misaligned);
  g_test_add_func ("/gloss/core/format-conll/no-problems", test_no_problems);
  g_test_add_func ("/gloss/core/format-conll/no-offsets", test_no_offsets);
  g_test_add_func ("/gloss/core/format-conll/cli-stderr", test_cli_stderr);

  return g_test_run ();
}
