/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-format-doccano.c: doccano JSONL export and import
 *
 * The expected offsets written below were computed outside Gloss, with
 * Python slicing of the texts in tests/data/formats/unicode.gloss.json
 * (str indices, UTF-16-LE code units, UTF-8 bytes).
 */

#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* Helpers */

static GFile *
data_file (const char *name)
{
  g_autofree char *path = NULL;

  if (strchr (name, '/') == NULL)
    path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);
  else
    {
      g_auto(GStrv) parts = g_strsplit (name, "/", 2);

      path = g_test_build_filename (G_TEST_DIST, "data", "formats", parts[0], parts[1], NULL);
    }

  return g_file_new_for_path (path);
}

static GlossCorpus *
load_unicode (void)
{
  g_autoptr(GFile) file = data_file ("unicode.gloss.json");
  g_autoptr(GError) error = NULL;
  GlossCorpus *corpus;

  corpus = gloss_corpus_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);

  return corpus;
}

static char *
export_string (GlossCorpus     *corpus,
               GlossOffsetUnit  unit,
               GPtrArray      **problems)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("doccano");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (exporter);
  g_assert_true (gloss_exporter_supports_offsets (exporter));
  gloss_exporter_set_offset_unit (exporter, unit);

  g_assert_true (gloss_exporter_export_stream (exporter, corpus, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));

  if (problems != NULL)
    *problems = g_ptr_array_ref (gloss_exporter_get_problems (exporter));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("gloss-test-doccano-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

static void
remove_tmp_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static GFile *
write_tmp (const char *dir,
           const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static guint
import_file (GlossCorpus      *corpus,
             GFile            *file,
             GlossOffsetUnit   unit,
             GPtrArray       **problems,
             GError          **error)
{
  GlossImportOptions options = { unit, GLOSS_TITLE_FROM_FIRST_LINE };

  return gloss_import_paths (corpus, "doccano", &file, 1, &options, problems, NULL, error);
}

static gboolean
problems_mention (GPtrArray  *problems,
                  const char *text)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (strstr (((GlossProblem *)g_ptr_array_index (problems, i))->message, text) != NULL)
      return TRUE;

  return FALSE;
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

/* Every document, text, span (start, end, label), note, annotator, date
 * and id, compared one by one. */
static void
assert_same_corpus (GlossCorpus *expected,
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

/* The `label` entries of the exported line of @document_id. */
static JsonArray *
exported_labels (const char *output,
                 const char *document_id)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonNode) root = json_from_string (lines[i], NULL);
      JsonObject *object;

      g_assert_nonnull (root);
      object = json_node_get_object (root);
      if (g_str_equal (json_object_get_string_member (object, "id"), document_id))
        return json_array_ref (json_object_get_array_member (object, "label"));
    }

  g_assert_not_reached ();
  return NULL;
}

static void
assert_label (JsonArray  *labels,
              guint       index,
              gint64      start,
              gint64      end,
              const char *label)
{
  JsonArray *entry = json_array_get_array_element (labels, index);

  g_assert_cmpint (json_array_get_int_element (entry, 0), ==, start);
  g_assert_cmpint (json_array_get_int_element (entry, 1), ==, end);
  g_assert_cmpstr (json_array_get_string_element (entry, 2), ==, label);
}

/* Export */

static void
test_export_golden (gconstpointer data)
{
  GlossOffsetUnit unit = GPOINTER_TO_INT (data);
  g_autoptr(GlossCorpus) corpus = load_unicode ();
  g_autofree char *name = g_strdup_printf ("doccano/unicode.%s.jsonl", gloss_offset_unit_to_string (unit));
  g_autoptr(GFile) golden = data_file (name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *output = NULL;

  g_file_load_contents (golden, NULL, &expected, NULL, NULL, &error);
  g_assert_no_error (error);

  output = export_string (corpus, unit, &problems);
  g_assert_cmpstr (output, ==, expected);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_export_offsets (void)
{
  g_autoptr(GlossCorpus) corpus = load_unicode ();
  g_autofree char *utf16 = export_string (corpus, GLOSS_OFFSET_UTF16, NULL);
  g_autofree char *bytes = export_string (corpus, GLOSS_OFFSET_BYTE, NULL);
  g_autofree char *codepoints = export_string (corpus, GLOSS_OFFSET_CODEPOINT, NULL);
  g_autoptr(JsonArray) emoji16 = exported_labels (utf16, "emoji");
  g_autoptr(JsonArray) emoji8 = exported_labels (bytes, "emoji");
  g_autoptr(JsonArray) emoji32 = exported_labels (codepoints, "emoji");
  g_autoptr(JsonArray) vi16 = exported_labels (utf16, "vi");
  g_autoptr(JsonArray) vi8 = exported_labels (bytes, "vi");
  g_autoptr(JsonArray) ar16 = exported_labels (utf16, "ar");
  g_autoptr(JsonArray) ar8 = exported_labels (bytes, "ar");

  /* "Peace 🕊️" (with VS16), "family 👩‍👩‍👧", "🇻🇳🇫🇷", "café" */
  assert_label (emoji32, 0, 0, 8, "principle");
  assert_label (emoji16, 0, 0, 9, "principle");
  assert_label (emoji8, 0, 0, 13, "principle");
  assert_label (emoji32, 2, 24, 36, "task");
  assert_label (emoji16, 2, 25, 40, "task");
  assert_label (emoji8, 2, 29, 54, "task");
  assert_label (emoji32, 3, 54, 58, "pillar");
  assert_label (emoji16, 3, 58, 66, "pillar");
  assert_label (emoji8, 3, 72, 88, "pillar");
  assert_label (emoji16, 4, 81, 85, "task");
  assert_label (emoji8, 4, 103, 108, "task");

  /* "Việt Nam" decomposed (NFD): 10 code points, 10 UTF-16 units, 12 bytes */
  assert_label (vi16, 2, 66, 76, "pillar");
  assert_label (vi8, 2, 88, 100, "pillar");

  /* "السلام": two bytes a letter */
  assert_label (ar16, 1, 17, 23, "principle");
  assert_label (ar8, 1, 32, 44, "principle");
  assert_label (ar8, 2, 83, 88, "principle");
}

static void
test_export_meta_collision (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d", "The title", "Some text");
  g_autoptr(JsonObject) meta = json_object_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *output = NULL;
  GlossProblem *problem;

  json_object_set_string_member (meta, "title", "a title of its own");
  json_object_set_int_member (meta, "batch", 3);
  gloss_document_set_meta (document, meta);
  g_assert_true (gloss_corpus_add_document (corpus, document, NULL));

  output = export_string (corpus, GLOSS_OFFSET_CODEPOINT, &problems);
  g_assert_cmpstr (output, ==,
                   "{\"id\": \"d\", \"text\": \"Some text\", \"label\": [], "
                   "\"meta\": {\"batch\": 3, \"title\": \"The title\", \"offset_unit\": \"codepoint\"}}\n");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "d");
  g_assert_nonnull (strstr (problem->message, "“title”"));
}

/* Round trips */

static void
test_roundtrip (gconstpointer data)
{
  GlossOffsetUnit unit = GPOINTER_TO_INT (data);
  g_autoptr(GlossCorpus) corpus = load_unicode ();
  g_autoptr(GlossCorpus) back = gloss_corpus_new ();
  g_autoptr(GlossCorpus) told = gloss_corpus_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *output = export_string (corpus, unit, NULL);
  g_autoptr(GFile) file = write_tmp (dir, "unicode.jsonl", output);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) told_problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Read as the lines declare, whatever the import was told... */
  g_assert_cmpuint (import_file (back, file, GLOSS_OFFSET_CODEPOINT, &problems, &error), ==, 4);
  g_assert_no_error (error);
  assert_same_corpus (corpus, back);
  g_assert_cmpuint (problems->len, ==, unit == GLOSS_OFFSET_CODEPOINT ? 0 : 1);
  if (unit != GLOSS_OFFSET_CODEPOINT)
    g_assert_true (problems_mention (problems, "meta “offset_unit”"));

  /* ...and without a word when it was told the same. */
  g_assert_cmpuint (import_file (told, file, unit, &told_problems, &error), ==, 4);
  g_assert_no_error (error);
  assert_same_corpus (corpus, told);
  g_assert_cmpuint (told_problems->len, ==, 0);

  remove_tmp_dir (dir);
}

/* Import */

static void
test_import_label_variant (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GFile) file = data_file ("doccano/label-variant.jsonl");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  GlossSpan *span;
  JsonObject *meta;

  g_assert_cmpuint (import_file (corpus, file, GLOSS_OFFSET_CODEPOINT, &problems, &error), ==, 3);
  g_assert_no_error (error);

  /* A number id; spans sorted and numbered whatever the line's order. */
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "7");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
  span = gloss_document_get_span (document, 0);
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s1");
  g_assert_cmpuint (gloss_span_get_start (span), ==, 0);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 8);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  span = gloss_document_get_span (document, 1);
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s2");
  g_assert_cmpuint (gloss_span_get_start (span), ==, 15);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 22);

  /* No id: the file's name and line (blank lines count); `labels`; an
   * unknown label added; doccano's Comments kept quietly in meta. */
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "label-variant-3");
  span = gloss_document_get_span (document, 0);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "Peace_Keeping");
  g_assert_nonnull (gloss_schema_lookup (gloss_corpus_get_schema (corpus), "Peace_Keeping"));
  meta = gloss_document_get_meta (document);
  g_assert_cmpint (json_object_get_int_member (meta, "batch"), ==, 2);
  g_assert_true (json_object_has_member (meta, "Comments"));

  document = gloss_corpus_get_document (corpus, 2);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "plain");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_mention (problems, "Peace Keeping"));
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, "label-variant.jsonl:3"));
}

static void
test_import_entities_variant (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossCorpus) back = gloss_corpus_new ();
  g_autoptr(GFile) file = data_file ("doccano/entities-variant.jsonl");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GFile) exported = NULL;
  GlossDocument *document;
  JsonArray *relations;

  g_assert_cmpuint (import_file (corpus, file, GLOSS_OFFSET_CODEPOINT, &problems, &error), ==, 2);
  g_assert_no_error (error);

  /* Spans keep the entity ids the relations link. */
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "12");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
  g_assert_cmpstr (gloss_span_get_id (gloss_document_get_span (document, 0)), ==, "3");
  g_assert_cmpstr (gloss_span_get_id (gloss_document_get_span (document, 1)), ==, "4");
  g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 1)), ==, 12);
  relations = json_object_get_array_member (gloss_document_get_meta (document), "relations");
  g_assert_nonnull (relations);
  g_assert_cmpuint (json_array_get_length (relations), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (relations, 0), "type"), ==, "needs");

  /* An empty relations list is nothing to keep. */
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_false (json_object_has_member (gloss_document_get_meta (document), "relations"));

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_mention (problems, "relation"));
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, "entities-variant.jsonl:1"));

  /* The ids and relations survive the label variant too. */
  dir = make_tmp_dir ();
  output = export_string (corpus, GLOSS_OFFSET_CODEPOINT, NULL);
  g_assert_nonnull (strstr (output, "\"gloss_spans\": {\"0:5:principle\": {\"id\": \"3\"}, \"12:17:task\": {\"id\": \"4\"}}"));
  exported = write_tmp (dir, "back.jsonl", output);
  g_assert_cmpuint (import_file (back, exported, GLOSS_OFFSET_CODEPOINT, NULL, &error), ==, 2);
  g_assert_no_error (error);
  assert_same_corpus (corpus, back);
  remove_tmp_dir (dir);
}

/* Offsets counted elsewhere: "👩‍👩‍👧 family" is 12 code points, 14 UTF-16
 * units and 25 bytes; the family is 0–5, 0–8 and 0–18. */
static void
test_import_units (void)
{
  static const struct {
    GlossOffsetUnit unit;
    const char *line;
  } cases[] = {
    { GLOSS_OFFSET_CODEPOINT, "{\"text\": \"👩‍👩‍👧 family\", \"label\": [[0, 5, \"task\"], [6, 12, \"pillar\"]]}\n" },
    { GLOSS_OFFSET_UTF16, "{\"text\": \"👩‍👩‍👧 family\", \"label\": [[0, 8, \"task\"], [9, 15, \"pillar\"]]}\n" },
    { GLOSS_OFFSET_BYTE, "{\"text\": \"👩‍👩‍👧 family\", \"label\": [[0, 18, \"task\"], [19, 25, \"pillar\"]]}\n" },
  };
  g_autofree char *dir = make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autoptr(GFile) file = write_tmp (dir, "units.jsonl", cases[i].line);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      GlossDocument *document;

      g_assert_cmpuint (import_file (corpus, file, cases[i].unit, &problems, &error), ==, 1);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      document = gloss_corpus_get_document (corpus, 0);
      g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
      g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 0)), ==, 0);
      g_assert_cmpuint (gloss_span_get_end (gloss_document_get_span (document, 0)), ==, 5);
      g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 1)), ==, 6);
      g_assert_cmpuint (gloss_span_get_end (gloss_document_get_span (document, 1)), ==, 12);
    }

  remove_tmp_dir (dir);
}

static void
test_import_warnings (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  file = write_tmp (dir, "warn.jsonl",
                    /* the same span twice */
                    "{\"id\": \"a\", \"text\": \"abc def\", \"label\": [[0, 3, \"task\"], [0, 3, \"task\"]]}\n"
                    /* a taken id; e + U+0301 split; a member doccano does not write */
                    "{\"id\": \"a\", \"text\": \"cafe\xcc\x81\", \"label\": [[0, 4, \"task\"]], \"extra\": 1}\n"
                    /* notes for a span the line lacks */
                    "{\"id\": \"b\", \"text\": \"xyz\", \"label\": [], \"meta\": {\"gloss_spans\": {\"0:1:task\": {\"note\": \"lost?\"}}}}\n");

  g_assert_cmpuint (import_file (corpus, file, GLOSS_OFFSET_CODEPOINT, &problems, &error), ==, 3);
  g_assert_no_error (error);

  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 1);
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "a-2");
  g_assert_cmpint (json_object_get_int_member (gloss_document_get_meta (document), "extra"), ==, 1);
  document = gloss_corpus_get_document (corpus, 2);
  g_assert_true (json_object_has_member (gloss_document_get_meta (document), "gloss_spans"));

  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (problems_mention (problems, "there twice"));
  g_assert_true (problems_mention (problems, "is now “a-2”"));
  g_assert_true (problems_mention (problems, "splits a character cluster"));
  g_assert_true (problems_mention (problems, "“extra”"));
  g_assert_true (problems_mention (problems, "kept in the document’s meta"));

  remove_tmp_dir (dir);
}

/* Malformed input: each case fails with its code, at its line, and leaves
 * nothing behind (neither documents nor labels). */
static const struct {
  const char      *contents;
  GlossOffsetUnit  unit;
  guint            line;
  int              code;
  const char      *message;
} malformed[] = {
  { "{\"text\": \"a\", \n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "not valid JSON" },
  { "[1, 2]\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "expected a JSON object (one document), found an array" },
  { "{\"text\": \"\xff\"}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "not valid UTF-8" },
  { "{\"label\": []}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“text” is missing" },
  { "{\"text\": 5}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“text” should be a string, found a number" },
  { "{\"text\": \"abc\", \"label\": \"x\"}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“label” should be an array" },
  { "{\"text\": \"abc\", \"label\": [5]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "label entry 1 should be [start, end, \"label\"], found a number" },
  { "{\"text\": \"abc\", \"label\": [[0, 1]]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "found an array of 2 items" },
  { "{\"text\": \"abc\", \"label\": [[0, 1, 5]]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the label should be a non-empty string, found a number" },
  { "{\"text\": \"abc\", \"label\": [[0, 1, \"\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "found an empty string" },
  { "{\"text\": \"abc\", \"label\": [[\"0\", 1, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the start should be a whole number, found a string" },
  { "{\"text\": \"abc\", \"label\": [[0, 1.5, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the end should be a whole number, found 1.5" },
  { "{\"text\": \"abc\", \"label\": [[-1, 2, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the start -1 is negative" },
  { "{\"text\": \"abc\", \"label\": [[2, 1, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "label entry 1 starts at 2, after its end 1" },
  { "{\"text\": \"abc\", \"label\": [[1, 1, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "label entry 1 is empty" },
  { "{\"text\": \"abc\", \"label\": [[0, 4, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the end 4 is past the end of the text, which is 3 long in codepoint offsets" },
  { "{\"text\": \"a👩b\", \"label\": [[0, 2, \"x\"]]}\n", GLOSS_OFFSET_UTF16, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the end 2 falls inside a character in utf16 offsets (between 1 and 3)" },
  { "{\"text\": \"é\", \"label\": [[0, 1, \"x\"]]}\n", GLOSS_OFFSET_BYTE, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the end 1 falls inside a character in byte offsets (between 0 and 2)" },
  { "{\"text\": \"a👩b\", \"label\": [[2, 3, \"x\"]], \"meta\": {\"offset_unit\": \"utf16\"}}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the start 2 falls inside a character in utf16 offsets" },
  { "{\"text\": \"abc\", \"meta\": {\"offset_unit\": \"chars\"}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "meta “offset_unit” should be" },
  { "{\"text\": \"abc\", \"meta\": []}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“meta” should be an object, found an array" },
  { "{\"id\": [1], \"text\": \"abc\"}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“id” should be a string or a whole number" },
  { "{\"text\": \"abc\", \"label\": [], \"entities\": []}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "more than one of" },
  { "{\"text\": \"abc\", \"entities\": {}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“entities” should be an array" },
  { "{\"text\": \"abc\", \"entities\": [[0, 1, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "entity 1 should be an object" },
  { "{\"text\": \"abc\", \"entities\": [{\"label\": \"x\", \"start_offset\": 0}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "entity 1: the end should be a whole number, found nothing" },
  { "{\"text\": \"abc\", \"entities\": [{\"id\": 1, \"label\": \"x\", \"start_offset\": 0, \"end_offset\": 1}, {\"id\": 1, \"label\": \"x\", \"start_offset\": 1, \"end_offset\": 2}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "already has a span with the id “1”" },
  { "{\"text\": \"abc\", \"entities\": [{\"id\": true, \"label\": \"x\", \"start_offset\": 0, \"end_offset\": 1}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the id should be a whole number or a string" },
  { "{\"text\": \"abc\", \"entities\": [], \"relations\": 3}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“relations” should be an array" },
  { "{\"text\": \"abc\", \"meta\": {\"gloss_spans\": []}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "meta “gloss_spans” should be an object" },
  { "{\"text\": \"abc\", \"label\": [[0, 1, \"x\"]], \"meta\": {\"gloss_spans\": {\"0:1:x\": {\"note\": 5}}}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“note” should be a string" },
  { "{\"text\": \"fine\", \"label\": [[0, 4, \"new_label\"]]}\n{\"text\": \"bad\", \"label\": [[0, 9, \"x\"]]}\n", 0, 2, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "past the end" },
  { "\n   \n{\"text\": }\n", 0, 3, GLOSS_IMPORT_ERROR_PARSE, "not valid JSON" },
};

static void
test_import_malformed (void)
{
  g_autofree char *dir = make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autoptr(GFile) file = write_tmp (dir, "bad.jsonl", malformed[i].contents);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, malformed[i].line);
      guint n_labels = gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus));
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, malformed[i].message);
      g_assert_cmpuint (import_file (corpus, file, malformed[i].unit, NULL, &error), ==, 0);
      g_assert_error (error, GLOSS_IMPORT_ERROR, malformed[i].code);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (strstr (error->message, malformed[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, malformed[i].message);
      g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
      g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus)), ==, n_labels);
    }

  remove_tmp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/gloss/core/format/doccano/export/codepoint",
                        GINT_TO_POINTER (GLOSS_OFFSET_CODEPOINT), test_export_golden);
  g_test_add_data_func ("/gloss/core/format/doccano/export/utf16",
                        GINT_TO_POINTER (GLOSS_OFFSET_UTF16), test_export_golden);
  g_test_add_data_func ("/gloss/core/format/doccano/export/byte",
                        GINT_TO_POINTER (GLOSS_OFFSET_BYTE), test_export_golden);
  g_test_add_func ("/gloss/core/format/doccano/export/offsets", test_export_offsets);
  g_test_add_func ("/gloss/core/format/doccano/export/meta-collision", test_export_meta_collision);
  g_test_add_data_func ("/gloss/core/format/doccano/roundtrip/codepoint",
                        GINT_TO_POINTER (GLOSS_OFFSET_CODEPOINT), test_roundtrip);
  g_test_add_data_func ("/gloss/core/format/doccano/roundtrip/utf16",
                        GINT_TO_POINTER (GLOSS_OFFSET_UTF16), test_roundtrip);
  g_test_add_data_func ("/gloss/core/format/doccano/roundtrip/byte",
                        GINT_TO_POINTER (GLOSS_OFFSET_BYTE), test_roundtrip);
  g_test_add_func ("/gloss/core/format/doccano/import/label-variant", test_import_label_variant);
  g_test_add_func ("/gloss/core/format/doccano/import/entities-variant", test_import_entities_variant);
  g_test_add_func ("/gloss/core/format/doccano/import/units", test_import_units);
  g_test_add_func ("/gloss/core/format/doccano/import/warnings", test_import_warnings);
  g_test_add_func ("/gloss/core/format/doccano/import/malformed", test_import_malformed);

  return g_test_run ();
}
