/* test-format-brat.c: brat standoff export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "format-test-util.h"

/* Helpers */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @path, sorted and joined by spaces. */
static char *
list_names (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
export_to (GlossCorpus     *corpus,
           const char      *folder,
           GlossOffsetUnit  unit,
           GlossExporter  **out_exporter)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("brat");
  g_autoptr(GFile) target = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;

  gloss_exporter_set_offset_unit (exporter, unit);
  g_assert_true (gloss_exporter_export_file (exporter, corpus, target, NULL, &error));
  g_assert_no_error (error);

  if (out_exporter != NULL)
    *out_exporter = g_steal_pointer (&exporter);
}

/* Imports @path (a folder or a .ann file) into a new corpus. */
static GlossCorpus *
import_path (const char       *path,
             GlossOffsetUnit   unit,
             GPtrArray       **problems,
             GError          **error)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (format_test_import_file (corpus, "brat", file, unit, TRUE, problems, error) == 0)
    return NULL;

  return g_steal_pointer (&corpus);
}

/* Every document of @expected is in @actual (same id), with the same text
 * byte for byte and the same spans: start, end, label and note. */
static void
assert_same_documents (GlossCorpus *expected,
                       GlossCorpus *actual)
{
  g_assert_cmpuint (gloss_corpus_get_n_documents (actual), ==, gloss_corpus_get_n_documents (expected));

  for (guint i = 0; i < gloss_corpus_get_n_documents (expected); i++)
    {
      GlossDocument *want = gloss_corpus_get_document (expected, i);
      GlossDocument *got = gloss_corpus_lookup_document (actual, gloss_document_get_id (want));

      g_assert_nonnull (got);
      g_assert_cmpuint (gloss_document_get_text_bytes (got), ==, gloss_document_get_text_bytes (want));
      g_assert_cmpmem (gloss_document_get_text (got), gloss_document_get_text_bytes (got),
                       gloss_document_get_text (want), gloss_document_get_text_bytes (want));
      g_assert_cmpuint (gloss_document_get_n_spans (got), ==, gloss_document_get_n_spans (want));

      for (guint j = 0; j < gloss_document_get_n_spans (want); j++)
        {
          GlossSpan *a = gloss_document_get_span (want, j);
          GlossSpan *b = gloss_document_get_span (got, j);

          g_assert_cmpuint (gloss_span_get_start (b), ==, gloss_span_get_start (a));
          g_assert_cmpuint (gloss_span_get_end (b), ==, gloss_span_get_end (a));
          g_assert_cmpstr (gloss_span_get_label (b), ==, gloss_span_get_label (a));
          g_assert_cmpstr (gloss_span_get_note (b), ==, gloss_span_get_note (a));
        }
    }
}

/* Export */

static void
test_brat_golden (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = NULL;
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", "formats", "brat", "unicode", NULL);
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *expected_names = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) list = NULL;
  GPtrArray *problems;

  /* The folder is made when missing. */
  export_to (corpus, out, GLOSS_OFFSET_CODEPOINT, &exporter);

  expected_names = list_names (golden);
  names = list_names (out);
  g_assert_cmpstr (names, ==, "annotation.conf ar.ann ar.txt emoji.ann emoji.txt nested.ann nested.txt vi.ann vi.txt");
  g_assert_cmpstr (names, ==, expected_names);

  list = g_strsplit (names, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *path_a = g_build_filename (golden, list[i], NULL);
      g_autofree char *path_b = g_build_filename (out, list[i], NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize len_a;
      gsize len_b;

      g_assert_true (g_file_get_contents (path_a, &a, &len_a, NULL));
      g_assert_true (g_file_get_contents (path_b, &b, &len_b, NULL));
      g_test_message ("comparing %s", list[i]);
      g_assert_cmpmem (b, len_b, a, len_a);
    }

  /* The annotator of one span and the creation time of another have no
   * place in brat, and are said. */
  problems = gloss_exporter_get_problems (exporter);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, ==, "emoji");
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 1))->path, ==, "vi");
  g_assert_cmpuint (format_test_count_problems (problems, "annotator or a creation time"), ==, 2);

  format_test_remove_tree (tmp);
}

/* The expected numbers come from Python: len(t[:i]),
 * len(t[:i].encode("utf-16-le")) // 2 and len(t[:i].encode()). */
static const struct {
  GlossOffsetUnit  unit;
  const char      *conf_line;
  const char      *emoji[3];
  const char      *arabic[2];
  const char      *nfd;
} unit_cases[] = {
  { GLOSS_OFFSET_CODEPOINT, "# offsets: codepoint\n",
    { "T1\tprinciple 0 8\tPeace 🕊️\n",
      "T3\ttask 24 36\tfamily 👩‍👩‍👧\n",
      "T4\tpillar 54 58\t🇻🇳🇫🇷\n" },
    { "T1\tpillar 0 11\tالدبلوماسية\n",
      "T2\tprinciple 17 23\tالسلام\n" },
    "T3\tpillar 66 76\tVie\u0323\u0302t Nam\n" },
  { GLOSS_OFFSET_UTF16, "# offsets: utf16\n",
    { "T1\tprinciple 0 9\tPeace 🕊️\n",
      "T3\ttask 25 40\tfamily 👩‍👩‍👧\n",
      "T4\tpillar 58 66\t🇻🇳🇫🇷\n" },
    { "T1\tpillar 0 11\tالدبلوماسية\n",
      "T2\tprinciple 17 23\tالسلام\n" },
    "T3\tpillar 66 76\tVie\u0323\u0302t Nam\n" },
  { GLOSS_OFFSET_BYTE, "# offsets: byte\n",
    { "T1\tprinciple 0 13\tPeace 🕊️\n",
      "T3\ttask 29 54\tfamily 👩‍👩‍👧\n",
      "T4\tpillar 72 88\t🇻🇳🇫🇷\n" },
    { "T1\tpillar 0 22\tالدبلوماسية\n",
      "T2\tprinciple 32 44\tالسلام\n" },
    "T3\tpillar 88 100\tVie\u0323\u0302t Nam\n" },
};

static void
test_brat_units (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");

  for (guint i = 0; i < G_N_ELEMENTS (unit_cases); i++)
    {
      g_autofree char *tmp = format_test_make_tmp_dir ();
      g_autofree char *emoji = NULL;
      g_autofree char *arabic = NULL;
      g_autofree char *vi = NULL;
      g_autofree char *conf = NULL;
      g_autoptr(GlossCorpus) back = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      export_to (corpus, tmp, unit_cases[i].unit, NULL);

      emoji = read_file (tmp, "emoji.ann");
      arabic = read_file (tmp, "ar.ann");
      vi = read_file (tmp, "vi.ann");
      conf = read_file (tmp, "annotation.conf");

      for (guint j = 0; j < G_N_ELEMENTS (unit_cases[i].emoji); j++)
        g_assert_nonnull (strstr (emoji, unit_cases[i].emoji[j]));
      for (guint j = 0; j < G_N_ELEMENTS (unit_cases[i].arabic); j++)
        g_assert_nonnull (strstr (arabic, unit_cases[i].arabic[j]));
      g_assert_nonnull (strstr (vi, unit_cases[i].nfd));
      g_assert_nonnull (strstr (conf, unit_cases[i].conf_line));

      /* Read in the same unit, the spans come back as they were. */
      back = import_path (tmp, unit_cases[i].unit, &problems, &error);
      g_assert_no_error (error);
      assert_same_documents (corpus, back);
      g_assert_cmpuint (format_test_count_problems (problems, "offsets count"), ==, 0);

      format_test_remove_tree (tmp);
    }
}

static void
test_brat_wrong_unit (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *prefix = g_build_filename (tmp, "emoji.ann:1: ", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) back = NULL;

  export_to (corpus, tmp, GLOSS_OFFSET_UTF16, NULL);

  /* ar.ann imports (its text is all in the BMP), emoji.ann cannot: the
   * error says what annotation.conf says, and nothing is kept. */
  back = import_path (tmp, GLOSS_OFFSET_CODEPOINT, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_OFFSETS);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "annotation.conf says the offsets count utf16"));
  g_assert_nonnull (strstr (error->message, "try --offsets utf16"));

  format_test_remove_tree (tmp);
}

static const char newline_text[] = "Alpha beta\ngamma\n\ndelta\r\nepsilon 🕊️\nzeta\u2028eta";

/* Each span crossing a line break becomes fragments cut at the breaks; a
 * span beginning or ending with a break keeps an empty fragment there.
 * Expected lines computed independently with Python. */
static const char newline_ann_codepoint[] =
  "T1\tpart 0 10;11 16;18 23;25 35;36 40;41 44\tAlpha beta gamma delta epsilon 🕊️ zeta eta\n"
  "T2\tpart 6 10;11 16\tbeta gamma\n"
  "T3\tpart 10 10;11 11\t \n"
  "T4\tpart 11 16;18 23\tgamma delta\n"
  "T5\tpart 17 17;18 23\t delta\n"
  "T6\tpart 18 23;25 32\tdelta epsilon\n"
  "T7\tpart 25 35;36 36\tepsilon 🕊️ \n"
  "T8\tpart 36 40;41 44\tzeta eta\n"
  "#1\tAnnotatorNotes T2\tline one\\nline two\\ttabbed, a \\\\n that is no line break\\r\\u2028end\n";

static const char newline_ann_utf16[] =
  "T1\tpart 0 10;11 16;18 23;25 36;37 41;42 45\tAlpha beta gamma delta epsilon 🕊️ zeta eta\n"
  "T2\tpart 6 10;11 16\tbeta gamma\n"
  "T3\tpart 10 10;11 11\t \n"
  "T4\tpart 11 16;18 23\tgamma delta\n"
  "T5\tpart 17 17;18 23\t delta\n"
  "T6\tpart 18 23;25 32\tdelta epsilon\n"
  "T7\tpart 25 36;37 37\tepsilon 🕊️ \n"
  "T8\tpart 37 41;42 45\tzeta eta\n"
  "#1\tAnnotatorNotes T2\tline one\\nline two\\ttabbed, a \\\\n that is no line break\\r\\u2028end\n";

static const char newline_ann_byte[] =
  "T1\tpart 0 10;11 16;18 23;25 40;41 45;48 51\tAlpha beta gamma delta epsilon 🕊️ zeta eta\n"
  "T2\tpart 6 10;11 16\tbeta gamma\n"
  "T3\tpart 10 10;11 11\t \n"
  "T4\tpart 11 16;18 23\tgamma delta\n"
  "T5\tpart 17 17;18 23\t delta\n"
  "T6\tpart 18 23;25 32\tdelta epsilon\n"
  "T7\tpart 25 40;41 41\tepsilon 🕊️ \n"
  "T8\tpart 41 45;48 51\tzeta eta\n"
  "#1\tAnnotatorNotes T2\tline one\\nline two\\ttabbed, a \\\\n that is no line break\\r\\u2028end\n";

static GlossCorpus *
make_newline_corpus (void)
{
  static const struct {
    guint start;
    guint end;
  } ranges[] = {
    { 0, 44 }, { 6, 16 }, { 10, 11 }, { 11, 23 }, { 17, 23 }, { 18, 32 }, { 25, 36 }, { 36, 44 },
  };
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("lines", "Lines", newline_text);
  g_autoptr(GlossLabel) label = gloss_label_new ("part", "Part", "#3584e4", NULL, NULL);

  gloss_schema_add (gloss_corpus_get_schema (corpus), label, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GlossSpan) span = gloss_span_new (ranges[i].start, ranges[i].end, "part");

      g_assert_true (gloss_document_add_span (document, span, NULL));
      if (ranges[i].start == 6)
        gloss_document_set_span_note (document, span,
                                      "line one\nline two\ttabbed, a \\n that is no line break\r\u2028end");
    }

  g_assert_true (gloss_corpus_add_document (corpus, document, NULL));

  return g_steal_pointer (&corpus);
}

static void
test_brat_newlines (void)
{
  g_autoptr(GlossCorpus) corpus = make_newline_corpus ();
  const struct {
    GlossOffsetUnit  unit;
    const char      *ann;
  } cases[] = {
    { GLOSS_OFFSET_CODEPOINT, newline_ann_codepoint },
    { GLOSS_OFFSET_UTF16, newline_ann_utf16 },
    { GLOSS_OFFSET_BYTE, newline_ann_byte },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tmp = format_test_make_tmp_dir ();
      g_autofree char *ann = NULL;
      g_autofree char *txt = NULL;
      g_autofree char *ann_path = NULL;
      g_autoptr(GlossCorpus) back = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      export_to (corpus, tmp, cases[i].unit, NULL);

      txt = read_file (tmp, "lines.txt");
      g_assert_cmpstr (txt, ==, newline_text);
      ann = read_file (tmp, "lines.ann");
      g_assert_cmpstr (ann, ==, cases[i].ann);

      /* The fragments come back as one span each, the note unescaped;
       * line breaks between fragments are not worth a warning. */
      ann_path = g_build_filename (tmp, "lines.ann", NULL);
      back = import_path (ann_path, cases[i].unit, &problems, &error);
      g_assert_no_error (error);
      assert_same_documents (corpus, back);
      g_assert_cmpuint (format_test_count_problems (problems, "fragments"), ==, 0);

      format_test_remove_tree (tmp);
    }
}

static void
test_brat_round_trip (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossCorpus) back = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = format_test_make_tmp_dir ();
  GlossDocument *emoji;
  GlossDocument *vi;
  GlossSpan *span;

  export_to (corpus, tmp, GLOSS_OFFSET_CODEPOINT, NULL);
  back = import_path (tmp, GLOSS_OFFSET_CODEPOINT, &problems, &error);
  g_assert_no_error (error);

  assert_same_documents (corpus, back);

  /* The note with a line break and a tab, and the NFD “Việt”, exactly. */
  emoji = gloss_corpus_lookup_document (back, "emoji");
  span = gloss_document_lookup_span (emoji, "T3");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "line one\nline two\ttabbed");
  vi = gloss_corpus_lookup_document (back, "vi");
  span = gloss_document_lookup_span (vi, "T3");
  g_assert_cmpuint (gloss_span_get_start (span), ==, 66);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 76);
  {
    g_autofree char *slice = gloss_document_dup_slice (vi, 66, 76);

    g_assert_cmpstr (slice, ==, "Vie\u0323\u0302t Nam");
  }

  /* Titles and sources come from the file names; the labels were in the
   * new corpus's schema already, so nothing was added. */
  g_assert_cmpstr (gloss_document_get_title (emoji), ==, "emoji");
  g_assert_cmpstr (gloss_document_get_source (emoji), ==, "emoji.txt");
  g_assert_cmpuint (problems->len, ==, 0);

  format_test_remove_tree (tmp);
}

static void
test_brat_file_names (void)
{
  static const char * const ids[] = { "../evil", ".hidden", "a/b", "A", "a", "plain" };
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossExporter) exporter = NULL;
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *names = NULL;
  GPtrArray *problems;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GlossDocument) document = gloss_document_new (ids[i], NULL, ids[i]);

      g_assert_true (gloss_corpus_add_document (corpus, document, NULL));
    }

  export_to (corpus, tmp, GLOSS_OFFSET_CODEPOINT, &exporter);

  names = list_names (tmp);
  g_assert_cmpstr (names, ==,
                   "A.ann A.txt _._evil.ann _._evil.txt _hidden.ann _hidden.txt a-2.ann a-2.txt "
                   "a_b.ann a_b.txt annotation.conf plain.ann plain.txt");

  /* Each renamed document is said, by its id. */
  problems = gloss_exporter_get_problems (exporter);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, ==, "../evil");
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (problems, 0))->message, "“_._evil.txt”"));
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 3))->path, ==, "a");
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (problems, 3))->message, "“a-2.ann”"));

  format_test_remove_tree (tmp);
}

static void
test_brat_existing_folder (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = NULL;
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *old = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *txt = NULL;
  GPtrArray *problems;
  GlossProblem *problem;

  format_test_write_file (tmp, "old.ann", "T1\tx 0 1\ty\n", -1);
  format_test_write_file (tmp, "keep.me", "mine", -1);
  format_test_write_file (tmp, "emoji.txt", "an older text", -1);

  export_to (corpus, tmp, GLOSS_OFFSET_CODEPOINT, &exporter);

  /* Files of the same names are replaced, others are left and said. */
  txt = read_file (tmp, "emoji.txt");
  g_assert_true (g_str_has_prefix (txt, "Peace"));
  old = read_file (tmp, "old.ann");
  g_assert_cmpstr (old, ==, "T1\tx 0 1\ty\n");
  keep = read_file (tmp, "keep.me");
  g_assert_cmpstr (keep, ==, "mine");

  problems = gloss_exporter_get_problems (exporter);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpstr (problem->path, ==, "");
  g_assert_nonnull (strstr (problem->message, "1 other brat file (“old.ann”)"));

  format_test_remove_tree (tmp);
}

static void
test_brat_not_a_folder (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("brat");
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "file", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  format_test_write_file (tmp, "file", "", 0);

  g_assert_false (gloss_exporter_export_file (exporter, corpus, target, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  /* brat is no stream. */
  g_assert_true (gloss_exporter_supports_offsets (exporter));
  g_assert_false (gloss_exporter_export_stream (exporter, corpus, out, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "folder"));

  format_test_remove_tree (tmp);
}

/* Import */

static void
test_brat_import_kept_lines (void)
{
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *meta = NULL;
  g_autofree char *place = NULL;
  GlossDocument *document;
  GlossSpan *span;

  format_test_write_file (tmp, "news.txt", "Sony met Ericsson in Sweden.\n", -1);
  format_test_write_file (tmp, "news.ann",
              "#1\tAnnotatorNotes T1\tcheck \\\\ this\\tlater\n"
              "T1\tOrganization 0 4\tSony\n"
              "T2\tOrganization 9 17\tEricsson\n"
              "T3\tCountry 21 27\tSweden\n"
              "R1\tOrigin Arg1:T2 Arg2:T3\t\n"
              "E1\tMeet:T1 Arg:T2\n"
              "A1\tNegation E1\n"
              "M1\tSpeculation E1\n"
              "N1\tReference T3 Wikipedia:5058739\tSweden\n"
              "*\tEquiv T1 T2\n"
              "#2\tAnnotatorNotes R1\tabout a relation\n"
              "#3\tOtherNote T1\tnot a note Gloss knows\n"
              "\n"
              "T4\tOrganization 0 4\tSony\n"
              "#4\tAnnotatorNotes T4\tsecond note\n",
              -1);

  corpus = import_path (tmp, GLOSS_OFFSET_CODEPOINT, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);

  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "news");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "news");
  g_assert_cmpstr (gloss_document_get_source (document), ==, "news.txt");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 3);

  /* A note before its T line, and a second one through a repeated T. */
  span = gloss_document_lookup_span (document, "T1");
  g_assert_cmpstr (gloss_span_get_label (span), ==, "Organization");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "check \\ this\tlater\nsecond note");
  g_assert_null (gloss_document_lookup_span (document, "T4"));

  json_node_set_object (node, gloss_document_get_meta (document));
  meta = json_to_string (node, FALSE);
  g_assert_cmpstr (meta, ==,
                   "{\"brat\":{"
                   "\"relations\":[\"R1\\tOrigin Arg1:T2 Arg2:T3\\t\"],"
                   "\"events\":[\"E1\\tMeet:T1 Arg:T2\"],"
                   "\"attributes\":[\"A1\\tNegation E1\",\"M1\\tSpeculation E1\"],"
                   "\"normalizations\":[\"N1\\tReference T3 Wikipedia:5058739\\tSweden\"],"
                   "\"equivalences\":[\"*\\tEquiv T1 T2\"],"
                   "\"notes\":[\"#2\\tAnnotatorNotes R1\\tabout a relation\",\"#3\\tOtherNote T1\\tnot a note Gloss knows\"]"
                   "}}");

  /* Said: two labels added, six kinds of lines kept (with the line of the
   * first of each), the repeated T and the second note. */
  place = g_build_filename (tmp, "news.ann:5", NULL);
  g_assert_cmpuint (format_test_count_problems (problems, "added the label"), ==, 2);
  g_assert_cmpuint (format_test_count_problems (problems, "in the document meta “brat."), ==, 6);
  g_assert_cmpuint (format_test_count_problems (problems, "T4 repeats T1"), ==, 1);
  g_assert_cmpuint (format_test_count_problems (problems, "a second note about T4"), ==, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (strstr (problem->message, "brat.relations") != NULL)
        g_assert_cmpstr (problem->path, ==, place);
    }
  g_assert_cmpuint (problems->len, ==, 10);

  format_test_remove_tree (tmp);
}

static void
test_brat_import_folder (void)
{
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *sub = g_build_filename (tmp, "sub", NULL);
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  /* Name order; the same stem twice gets a new id; a .txt alone is said;
   * a .txt with CRLF keeps them, a CRLF .ann and a BOM are read. */
  format_test_write_file (tmp, "b.txt", "one\r\ntwo", -1);
  format_test_write_file (tmp, "b.ann", "\xef\xbb\xbfT1\tX 5 8\ttwo\r\n", -1);
  format_test_write_file (tmp, "a.txt", "", 0);
  format_test_write_file (tmp, "a.ann", "", 0);
  format_test_write_file (tmp, "lonely.txt", "no annotations", -1);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  corpus = import_path (tmp, GLOSS_OFFSET_CODEPOINT, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);

  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 0)), ==, "a");
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "b");
  g_assert_cmpstr (gloss_document_get_text (document), ==, "one\r\ntwo");
  g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 0)), ==, 5);

  g_assert_cmpuint (format_test_count_problems (problems, "there is no lonely.ann beside it"), ==, 1);
  g_assert_cmpuint (format_test_count_problems (problems, "a folder inside the folder"), ==, 1);
  g_assert_cmpuint (problems->len, ==, 3);

  format_test_remove_tree (tmp);
}

static void
test_brat_import_discontinuous (void)
{
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossSpan *span;

  /* A real discontinuous span ("North … America") becomes one span over
   * the gap, which is said; fragments cut at a line break with spaces
   * around it (as brat's own editor makes them) are not. */
  format_test_write_file (tmp, "d.txt", "North and South America\nLatin \n America", -1);
  format_test_write_file (tmp, "d.ann",
              "T1\tLocation 0 5;16 23\tNorth America\n"
              "T2\tLocation 24 29;32 39\tLatin America\n",
              -1);

  corpus = import_path (tmp, GLOSS_OFFSET_CODEPOINT, &problems, &error);
  g_assert_no_error (error);

  span = gloss_document_lookup_span (gloss_corpus_get_document (corpus, 0), "T1");
  g_assert_cmpuint (gloss_span_get_start (span), ==, 0);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 23);
  span = gloss_document_lookup_span (gloss_corpus_get_document (corpus, 0), "T2");
  g_assert_cmpuint (gloss_span_get_start (span), ==, 24);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 39);

  g_assert_cmpuint (format_test_count_problems (problems, "T1: its fragments are joined"), ==, 1);
  g_assert_cmpuint (format_test_count_problems (problems, "T2:"), ==, 0);

  format_test_remove_tree (tmp);
}

/* The malformed-input catalogue: each case is a doc.txt (NULL: none) and
 * doc.ann, read in @unit; the error names @file at @line (0: no line). */
typedef struct
{
  const char      *name;
  const char      *txt;
  gssize           txt_length;
  const char      *ann;
  GlossOffsetUnit  unit;
  int              code;
  const char      *file;
  guint            line;
  const char      *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "space-for-tab", "Sony rocks", -1, "T1\tPerson 0 4 Sony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 1,
    "T1: expected “T1<TAB>TYPE START END<TAB>TEXT”" },
  { "no-tab", "Sony rocks", -1, "T1\tPerson 0 4\tSony\nT2 Person 5 10 rocks\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 2,
    "expected an annotation id and a tab" },
  { "no-type", "Sony rocks", -1, "T1\t 0 4\tSony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 1,
    "T1: expected “T1<TAB>TYPE START END<TAB>TEXT”" },
  { "not-numbers", "Sony rocks", -1, "\nT1\tPerson 0 four\tSony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 2,
    "T1: “0 four” is not a pair of offsets" },
  { "negative", "Sony rocks", -1, "T1\tPerson -1 4\tSony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 1,
    "T1: “-1 4” is not a pair of offsets" },
  { "bad-fragment", "Sony rocks", -1, "T1\tPerson 0 4;\tSony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 1,
    "T1: “” is not a pair of offsets" },
  { "reversed", "Sony rocks", -1, "T1\tPerson 4 0\tSony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the start 4 comes after the end 0" },
  { "out-of-range", "Sony rocks", -1, "T1\tPerson 5 11\trocks\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the offset 11 lies past the end of doc.txt, which is 10 long" },
  { "fragments-overlap", "Sony rocks", -1, "T1\tPerson 0 4;2 6\tSony ny r\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the fragment 2 6 overlaps or precedes the one before it" },
  { "empty-span", "Sony rocks", -1, "T1\tPerson 2 2\t\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the span is empty" },
  { "text-mismatch", "Sony rocks", -1, "T1\tPerson 0 4\tSony\nT2\tPerson 5 10\trock\\s\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 2,
    "T2: the line gives the text “rock\\\\s”, but its offsets cover “rocks” in doc.txt; the offsets were read as codepoint" },
  { "duplicate-id", "Sony rocks", -1, "T1\tPerson 0 4\tSony\nT1\tPerson 5 10\trocks\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 2,
    "T1 is defined twice" },
  { "note-unknown-t", "Sony rocks", -1, "T1\tPerson 0 4\tSony\n#1\tAnnotatorNotes T9\tnote\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 2,
    "the note is about T9, but no T line of this file defines T9" },
  { "note-without-target", "Sony rocks", -1, "T1\tPerson 0 4\tSony\n#1\tAnnotatorNotes\tnote\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 2,
    "expected “#N<TAB>AnnotatorNotes ID<TAB>NOTE”" },
  { "missing-txt", NULL, 0, "T1\tPerson 0 4\tSony\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_PARSE, "doc.ann", 0,
    "there is no doc.txt beside it" },
  { "txt-invalid-utf8", "Sony\nrocks \xff!", -1, "",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_UTF8, "doc.txt", 2,
    "invalid UTF-8 at byte offset 11 (column 7)" },
  { "txt-nul", "Sony\0rocks", 10, "",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_UTF8, "doc.txt", 1,
    "a NUL byte at byte offset 4" },
  { "ann-invalid-utf8", "Sony rocks", -1, "T1\tPerson 0 4\tSony\nT2\tPerson 5 10\tro\xc3\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_UTF8, "doc.ann", 2,
    "invalid UTF-8 at byte offset 36" },
  /* 👩 is two UTF-16 units and four bytes: 1 and 2 fall inside it. */
  { "inside-surrogate-pair", "👩 Ann", -1, "T1\tPerson 1 6\tAnn\n",
    GLOSS_OFFSET_UTF16, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the offset 1 falls inside a character of doc.txt, where no utf16 offset can be" },
  { "inside-utf8-bytes", "👩 Ann", -1, "T1\tPerson 2 8\tAnn\n",
    GLOSS_OFFSET_BYTE, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the offset 2 falls inside a character of doc.txt, where no byte offset can be" },
  { "utf16-past-end", "👩 Ann", -1, "T1\tPerson 3 7\tAnn\n",
    GLOSS_OFFSET_UTF16, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the offset 7 lies past the end of doc.txt, which is 6 long" },
  /* Read as code points, UTF-16 offsets point at the wrong text. */
  { "wrong-unit", "👩 Ann!", -1, "T1\tPerson 3 6\tAnn\n",
    GLOSS_OFFSET_CODEPOINT, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "doc.ann", 1,
    "T1: the line gives the text “Ann”, but its offsets cover “nn!” in doc.txt" },
};

static void
test_brat_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autofree char *tmp = format_test_make_tmp_dir ();
      g_autofree char *prefix = NULL;
      g_autofree char *where = g_build_filename (tmp, bad->file, NULL);
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autoptr(GFile) folder = g_file_new_for_path (tmp);
      g_autoptr(GError) error = NULL;
      guint n_labels = gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus));

      g_test_message ("case %s", bad->name);

      /* A good document first, to see that it is taken out again. */
      format_test_write_file (tmp, "a-good.txt", "Fine text", -1);
      format_test_write_file (tmp, "a-good.ann", "T1\tNewLabel 0 4\tFine\n", -1);
      if (bad->txt != NULL)
        format_test_write_file (tmp, "doc.txt", bad->txt, bad->txt_length);
      format_test_write_file (tmp, "doc.ann", bad->ann, -1);

      g_assert_cmpuint (format_test_import_file (corpus, "brat", folder, bad->unit, TRUE, NULL, &error), ==, 0);
      g_assert_error (error, GLOSS_IMPORT_ERROR, bad->code);

      if (bad->line > 0)
        prefix = g_strdup_printf ("%s:%u: ", where, bad->line);
      else
        prefix = g_strdup_printf ("%s: ", where);
      if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, bad->message) == NULL)
        g_error ("case %s: unexpected message “%s”", bad->name, error->message);

      g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
      g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus)), ==, n_labels);

      format_test_remove_tree (tmp);
    }
}

static void
test_brat_bad_inputs (void)
{
  g_autofree char *tmp = format_test_make_tmp_dir ();
  g_autofree char *empty = g_build_filename (tmp, "empty", NULL);
  g_autofree char *txt = g_build_filename (tmp, "doc.txt", NULL);
  g_autofree char *gone = g_build_filename (tmp, "gone", NULL);
  const struct {
    const char *path;
    int         code;
    const char *message;
  } cases[] = {
    { empty, GLOSS_IMPORT_ERROR_EMPTY_FOLDER, "no .ann files here" },
    { txt, GLOSS_IMPORT_ERROR_PARSE, "brat import takes a folder or a .ann file" },
    { gone, GLOSS_IMPORT_ERROR_PARSE, "no such file or folder" },
  };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  format_test_write_file (tmp, "doc.txt", "text", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = g_strdup_printf ("%s: ", cases[i].path);
      g_autoptr(GlossCorpus) corpus = import_path (cases[i].path, GLOSS_OFFSET_CODEPOINT, NULL, &error);

      g_assert_null (corpus);
      g_assert_error (error, GLOSS_IMPORT_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  format_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/format-brat/golden", test_brat_golden);
  g_test_add_func ("/gloss/core/format-brat/units", test_brat_units);
  g_test_add_func ("/gloss/core/format-brat/wrong-unit", test_brat_wrong_unit);
  g_test_add_func ("/gloss/core/format-brat/newlines", test_brat_newlines);
  g_test_add_func ("/gloss/core/format-brat/round-trip", test_brat_round_trip);
  g_test_add_func ("/gloss/core/format-brat/file-names", test_brat_file_names);
  g_test_add_func ("/gloss/core/format-brat/existing-folder", test_brat_existing_folder);
  g_test_add_func ("/gloss/core/format-brat/not-a-folder", test_brat_not_a_folder);
  g_test_add_func ("/gloss/core/format-brat/import/kept-lines", test_brat_import_kept_lines);
  g_test_add_func ("/gloss/core/format-brat/import/folder", test_brat_import_folder);
  g_test_add_func ("/gloss/core/format-brat/import/discontinuous", test_brat_import_discontinuous);
  g_test_add_func ("/gloss/core/format-brat/import/malformed", test_brat_malformed);
  g_test_add_func ("/gloss/core/format-brat/import/bad-inputs", test_brat_bad_inputs);

  return g_test_run ();
}
