/* format-test-util.c: what the tests of the exchange formats share
 *
 * The expected offsets of the JSONL tests were computed outside Gloss,
 * with Python slicing of the texts in tests/data/formats/unicode.gloss.json
 * (str indices, UTF-16-LE code units, UTF-8 bytes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "format-test-util.h"

/* Files */

/* tests/data/formats/@name; @name may start with a folder ("conll/…"). */
/* Adds a document without a title to @corpus and returns it, owned by the
 * corpus. */
GlossDocument *
format_test_add_document (GlossCorpus *corpus,
                          const char  *id,
                          const char  *text)
{
  g_autoptr(GlossDocument) document = gloss_document_new (id, NULL, text);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_corpus_add_document (corpus, document, &error));
  g_assert_no_error (error);

  return document;
}

/* Adds @spans, written "START-END:LABEL" and separated by spaces, to
 * @document, signed by @annotator (or no one, if %NULL). */
void
format_test_add_spans (GlossDocument *document,
                       const char    *spans,
                       const char    *annotator)
{
  g_auto(GStrv) items = g_strsplit (spans, " ", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(GlossSpan) span = NULL;
      g_autoptr(GError) error = NULL;
      guint start;
      guint end;
      char label[64];

      if (items[i][0] == '\0')
        continue;

      g_assert_cmpint (sscanf (items[i], "%u-%u:%63s", &start, &end, label), ==, 3);
      span = gloss_span_new_full (NULL, start, end, label, NULL, annotator, NULL);
      g_assert_true (gloss_document_add_span (document, span, &error));
      g_assert_no_error (error);
    }
}

GFile *
format_test_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);

  return g_file_new_for_path (path);
}

char *
format_test_read_data (const char *name,
                       gsize      *length)
{
  g_autoptr(GFile) file = format_test_data_file (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, length, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* A native corpus of tests/data/formats, which must load. */
GlossCorpus *
format_test_load_corpus (const char *name)
{
  g_autoptr(GFile) file = format_test_data_file (name);
  g_autoptr(GError) error = NULL;
  GlossCorpus *corpus;

  corpus = gloss_corpus_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);

  return corpus;
}

char *
format_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("gloss-test-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

/* Removes @path and everything in it. */
void
format_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_assert_cmpint (g_remove (path), ==, 0);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      format_test_remove_tree (child);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

void
format_test_write_file (const char *dir,
                        const char *name,
                        const char *contents,
                        gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

GFile *
format_test_write_tmp (const char *dir,
                       const char *name,
                       const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  format_test_write_file (dir, name, contents, -1);

  return g_file_new_for_path (path);
}

/* Export */

/* What @exporter writes of @corpus to a stream, NUL-terminated; @length
 * leaves the NUL out. */
char *
format_test_export_string (GlossExporter *exporter,
                           GlossCorpus   *corpus,
                           gsize         *length)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_exporter_export_stream (exporter, corpus, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  if (length != NULL)
    *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) - 1;

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* What @exporter writes of @corpus to a file called @name in a new
 * folder, removed again. */
char *
format_test_export_file (GlossExporter *exporter,
                         GlossCorpus   *corpus,
                         const char    *name,
                         gsize         *length)
{
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (gloss_exporter_export_file (exporter, corpus, target, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return contents;
}

/* @corpus exported as @format (which must take an offset unit) in @unit. */
char *
format_test_export_with_unit (const char       *format,
                              GlossCorpus      *corpus,
                              GlossOffsetUnit   unit,
                              GPtrArray       **problems)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format (format);
  char *output;

  g_assert_nonnull (exporter);
  g_assert_true (gloss_exporter_supports_offsets (exporter));
  gloss_exporter_set_offset_unit (exporter, unit);

  output = format_test_export_string (exporter, corpus, NULL);

  if (problems != NULL)
    *problems = g_ptr_array_ref (gloss_exporter_get_problems (exporter));

  return output;
}

void
format_test_assert_same_bytes (const char *actual,
                               gsize       actual_length,
                               const char *expected,
                               gsize       expected_length)
{
  /* cmpstr first, for a readable failure */
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpmem (actual, actual_length, expected, expected_length);
}

/* The line of @output, a JSONL export, of the document @document_id: its
 * member `id` names it, or `meta.id` when @id_in_meta. */
JsonObject *
format_test_jsonl_find_line (const char *output,
                             const char *document_id,
                             gboolean    id_in_meta)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonNode) root = json_from_string (lines[i], NULL);
      JsonObject *object;

      g_assert_nonnull (root);
      object = json_node_get_object (root);
      if (id_in_meta)
        object = json_object_get_object_member (object, "meta");
      if (g_str_equal (json_object_get_string_member (object, "id"), document_id))
        return json_object_ref (json_node_get_object (root));
    }

  g_assert_not_reached ();
  return NULL;
}

/* Import */

/* Imports @file as @format into @corpus, the offsets in @unit, given as
 * `--offsets` would give it when @unit_given. */
guint
format_test_import_file (GlossCorpus      *corpus,
                         const char       *format,
                         GFile            *file,
                         GlossOffsetUnit   unit,
                         gboolean          unit_given,
                         GPtrArray       **problems,
                         GError          **error)
{
  GlossImportOptions options = {
    .offset_unit = unit,
    .title_source = GLOSS_TITLE_FROM_FIRST_LINE,
    .offset_unit_given = unit_given,
  };

  return gloss_import_paths (corpus, format, &file, 1, &options, problems, NULL, error);
}

guint
format_test_count_problems (GPtrArray  *problems,
                            const char *text)
{
  guint n = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (strstr (((GlossProblem *)g_ptr_array_index (problems, i))->message, text) != NULL)
      n++;

  return n;
}

static void
assert_same_meta (GlossDocument *a,
                  GlossDocument *b)
{
  g_autoptr(JsonNode) x = json_node_init_object (json_node_alloc (), gloss_document_get_meta (a));
  g_autoptr(JsonNode) y = json_node_init_object (json_node_alloc (), gloss_document_get_meta (b));
  g_autofree char *xs = json_to_string (x, FALSE);
  g_autofree char *ys = json_to_string (y, FALSE);

  g_assert_cmpstr (xs, ==, ys);
}

/* Every document, text, meta, span (start, end, label), note, annotator,
 * date and id, compared one by one. */
void
format_test_assert_same_corpus (GlossCorpus *expected,
                                GlossCorpus *actual)
{
  g_assert_cmpuint (gloss_corpus_get_n_documents (actual), ==, gloss_corpus_get_n_documents (expected));

  for (guint i = 0; i < gloss_corpus_get_n_documents (expected); i++)
    {
      GlossDocument *a = gloss_corpus_get_document (expected, i);
      GlossDocument *b = gloss_corpus_get_document (actual, i);

      g_assert_cmpstr (gloss_document_get_id (b), ==, gloss_document_get_id (a));
      g_assert_cmpstr (gloss_document_get_title (b), ==, gloss_document_get_title (a));
      g_assert_cmpstr (gloss_document_get_source (b), ==, gloss_document_get_source (a));
      g_assert_cmpstr (gloss_document_get_lang (b), ==, gloss_document_get_lang (a));
      g_assert_cmpstr (gloss_document_get_text (b), ==, gloss_document_get_text (a));
      assert_same_meta (a, b);
      g_assert_cmpuint (gloss_document_get_n_spans (b), ==, gloss_document_get_n_spans (a));

      for (guint j = 0; j < gloss_document_get_n_spans (a); j++)
        {
          GlossSpan *x = gloss_document_get_span (a, j);
          GlossSpan *y = gloss_document_get_span (b, j);

          g_assert_cmpuint (gloss_span_get_start (y), ==, gloss_span_get_start (x));
          g_assert_cmpuint (gloss_span_get_end (y), ==, gloss_span_get_end (x));
          g_assert_cmpstr (gloss_span_get_label (y), ==, gloss_span_get_label (x));
          g_assert_cmpstr (gloss_span_get_note (y), ==, gloss_span_get_note (x));
          g_assert_cmpstr (gloss_span_get_annotator (y), ==, gloss_span_get_annotator (x));
          g_assert_cmpstr (gloss_span_get_created (y), ==, gloss_span_get_created (x));
          g_assert_cmpstr (gloss_span_get_id (y), ==, gloss_span_get_id (x));
        }
    }
}

/* JSONL */

typedef struct
{
  const FormatTestJsonl *jsonl;
  GlossOffsetUnit        unit;
} UnitTest;

/* The export of unicode.gloss.json is FORMAT/unicode.UNIT.jsonl, byte for
 * byte, and says nothing. */
static void
test_jsonl_golden (gconstpointer data)
{
  const char *format = ((const UnitTest *)data)->jsonl->format;
  GlossOffsetUnit unit = ((const UnitTest *)data)->unit;
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autofree char *name = g_strdup_printf ("%s/unicode.%s.jsonl", format, gloss_offset_unit_to_string (unit));
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *output = NULL;

  expected = format_test_read_data (name, NULL);
  output = format_test_export_with_unit (format, corpus, unit, &problems);
  g_assert_cmpstr (output, ==, expected);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* What is exported in @unit imports back the same: as the lines declare
 * when the import is told no unit, and without a word when it is told the
 * same one. */
static void
test_jsonl_roundtrip (gconstpointer data)
{
  const char *format = ((const UnitTest *)data)->jsonl->format;
  GlossOffsetUnit unit = ((const UnitTest *)data)->unit;
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossCorpus) back = gloss_corpus_new ();
  g_autoptr(GlossCorpus) told = gloss_corpus_new ();
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autofree char *output = format_test_export_with_unit (format, corpus, unit, NULL);
  g_autoptr(GFile) file = format_test_write_tmp (dir, "unicode.jsonl", output);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) told_problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (format_test_import_file (back, format, file, GLOSS_OFFSET_CODEPOINT, FALSE,
                                             &problems, &error), ==, 4);
  g_assert_no_error (error);
  format_test_assert_same_corpus (corpus, back);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpuint (format_test_import_file (told, format, file, unit, TRUE,
                                             &told_problems, &error), ==, 4);
  g_assert_no_error (error);
  format_test_assert_same_corpus (corpus, told);
  g_assert_cmpuint (told_problems->len, ==, 0);

  format_test_remove_tree (dir);
}

/* Offsets counted elsewhere (see FormatTestJsonl). */
static void
test_jsonl_units (gconstpointer data)
{
  const char *format = ((const FormatTestJsonl *)data)->format;
  const char * const *lines = ((const FormatTestJsonl *)data)->unit_lines;
  g_autofree char *dir = format_test_make_tmp_dir ();

  for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT; unit <= GLOSS_OFFSET_BYTE; unit++)
    {
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autoptr(GFile) file = format_test_write_tmp (dir, "units.jsonl", lines[unit]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      GlossDocument *document;

      g_assert_cmpuint (format_test_import_file (corpus, format, file, unit, TRUE, &problems, &error), ==, 1);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      document = gloss_corpus_get_document (corpus, 0);
      g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
      g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 0)), ==, 0);
      g_assert_cmpuint (gloss_span_get_end (gloss_document_get_span (document, 0)), ==, 5);
      g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 1)), ==, 6);
      g_assert_cmpuint (gloss_span_get_end (gloss_document_get_span (document, 1)), ==, 12);
    }

  format_test_remove_tree (dir);
}

/* Which unit wins (see FormatTestJsonl). */
static void
test_jsonl_offset_unit (gconstpointer data)
{
  const char *format = ((const FormatTestJsonl *)data)->format;
  const char *line = ((const FormatTestJsonl *)data)->declared_line;
  static const struct {
    GlossOffsetUnit unit;
    gboolean        given;
    guint           start;     /* in code points */
    guint           n_problems;
  } cases[] = {
    /* No unit given: the line's, quietly, whatever the default. */
    { GLOSS_OFFSET_CODEPOINT, FALSE, 1, 0 },
    { GLOSS_OFFSET_BYTE, FALSE, 1, 0 },
    /* The line's unit given: nothing to say. */
    { GLOSS_OFFSET_UTF16, TRUE, 1, 0 },
    /* Another unit given: it wins, and that is said once a file. */
    { GLOSS_OFFSET_CODEPOINT, TRUE, 2, 1 },
  };
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autofree char *contents = g_strconcat (line, line, NULL);
  g_autoptr(GFile) file = format_test_write_tmp (dir, "declared.jsonl", contents);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *place = g_strdup_printf ("%s:1", name);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpuint (format_test_import_file (corpus, format, file, cases[i].unit, cases[i].given,
                                                 &problems, &error), ==, 2);
      g_assert_no_error (error);

      for (guint j = 0; j < 2; j++)
        {
          GlossDocument *document = gloss_corpus_get_document (corpus, j);

          g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 1);
          g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 0)), ==, cases[i].start);
          g_assert_cmpuint (gloss_span_get_end (gloss_document_get_span (document, 0)), ==, cases[i].start + 1);
          g_assert_false (json_object_has_member (gloss_document_get_meta (document), "offset_unit"));
        }

      g_assert_cmpuint (problems->len, ==, cases[i].n_problems);
      if (cases[i].n_problems > 0)
        {
          GlossProblem *problem = g_ptr_array_index (problems, 0);

          g_assert_cmpstr (problem->path, ==, place);
          g_assert_nonnull (strstr (problem->message, "declare their offsets in utf16 (meta “offset_unit”)"));
          g_assert_nonnull (strstr (problem->message, "read in codepoint"));
        }
    }

  format_test_remove_tree (dir);
}

/* What json-glib reads right is kept: an escaped backslash before
 * "u0000" is no NUL, and a surrogate pair is one character. */
static void
test_jsonl_escapes (gconstpointer data)
{
  const char *format = ((const FormatTestJsonl *)data)->format;
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  file = format_test_write_tmp (dir, "escapes.jsonl",
                                "{\"text\": \"a\\\\u0000b \\ud83d\\udc69\", \"meta\": {\"note\": \"\\\\ud800\"}}\n");

  g_assert_cmpuint (format_test_import_file (corpus, format, file, GLOSS_OFFSET_CODEPOINT, FALSE,
                                             &problems, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "a\\u0000b 👩");
  g_assert_cmpstr (json_object_get_string_member (gloss_document_get_meta (document), "note"), ==, "\\ud800");

  format_test_remove_tree (dir);
}

/* Each case fails with its code, at its line, and leaves nothing behind
 * (neither documents nor labels). */
static void
test_jsonl_malformed (gconstpointer data)
{
  const char *format = ((const FormatTestJsonl *)data)->format;
  const FormatTestMalformed *cases = ((const FormatTestJsonl *)data)->malformed;
  guint n_cases = ((const FormatTestJsonl *)data)->n_malformed;
  g_autofree char *dir = format_test_make_tmp_dir ();

  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autoptr(GFile) file = format_test_write_tmp (dir, "bad.jsonl", cases[i].contents);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, cases[i].line);
      guint n_labels = gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus));
      gboolean given = cases[i].unit != GLOSS_OFFSET_CODEPOINT;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_cmpuint (format_test_import_file (corpus, format, file, cases[i].unit, given,
                                                 NULL, &error), ==, 0);
      g_assert_error (error, GLOSS_IMPORT_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
      g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
      g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus)), ==, n_labels);
    }

  format_test_remove_tree (dir);
}

static void
add_unit_test (const FormatTestJsonl *jsonl,
               const char            *kind,
               GlossOffsetUnit        unit,
               GTestDataFunc          func)
{
  g_autofree char *path = g_strdup_printf ("/gloss/core/format/%s/%s/%s",
                                           jsonl->format, kind, gloss_offset_unit_to_string (unit));
  UnitTest *test = g_new (UnitTest, 1);

  test->jsonl = jsonl;
  test->unit = unit;
  g_test_add_data_func_full (path, test, func, g_free);
}

static void
add_test (const FormatTestJsonl *jsonl,
          const char            *name,
          GTestDataFunc          func)
{
  g_autofree char *path = g_strdup_printf ("/gloss/core/format/%s/%s", jsonl->format, name);

  g_test_add_data_func (path, jsonl, func);
}

/* Adds the tests doccano and spaCy share, as /gloss/core/format/FORMAT/… */
void
format_test_jsonl_add_tests (const FormatTestJsonl *jsonl)
{
  for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT; unit <= GLOSS_OFFSET_BYTE; unit++)
    add_unit_test (jsonl, "export", unit, test_jsonl_golden);
  for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT; unit <= GLOSS_OFFSET_BYTE; unit++)
    add_unit_test (jsonl, "roundtrip", unit, test_jsonl_roundtrip);
  add_test (jsonl, "import/units", test_jsonl_units);
  add_test (jsonl, "import/offset-unit", test_jsonl_offset_unit);
  add_test (jsonl, "import/escapes", test_jsonl_escapes);
  add_test (jsonl, "import/malformed", test_jsonl_malformed);
}
