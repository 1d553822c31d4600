/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-format-doccano.c: doccano JSONL export and import
 *
 * The expected offsets written below were computed outside Gloss, with
 * Python slicing of the texts in tests/data/formats/unicode.gloss.json
 * (str indices, UTF-16-LE code units, UTF-8 bytes).
 */

#include <string.h>

#include "format-test-util.h"

#define FORMAT "doccano"

/* Helpers */

/* The `label` entries of the exported line of @document_id. */
static JsonArray *
exported_labels (const char *output,
                 const char *document_id)
{
  g_autoptr(JsonObject) line = format_test_jsonl_find_line (output, document_id, FALSE);

  return json_array_ref (json_object_get_array_member (line, "label"));
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
test_export_offsets (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autofree char *utf16 = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_UTF16, NULL);
  g_autofree char *bytes = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_BYTE, NULL);
  g_autofree char *codepoints = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_CODEPOINT, NULL);
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

  output = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_CODEPOINT, &problems);
  g_assert_cmpstr (output, ==,
                   "{\"id\": \"d\", \"text\": \"Some text\", \"label\": [], "
                   "\"meta\": {\"batch\": 3, \"title\": \"The title\", \"offset_unit\": \"codepoint\"}}\n");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "d");
  g_assert_nonnull (strstr (problem->message, "“title”"));
}

/* Import */

static void
test_import_label_variant (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GFile) file = format_test_data_file ("doccano/label-variant.jsonl");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  GlossSpan *span;
  JsonObject *meta;

  g_assert_cmpuint (format_test_import_file (corpus, FORMAT, file, GLOSS_OFFSET_CODEPOINT, FALSE, &problems, &error), ==, 3);
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
  g_assert_cmpuint (format_test_count_problems (problems, "Peace Keeping"), >, 0);
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, "label-variant.jsonl:3"));
}

static void
test_import_entities_variant (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossCorpus) back = gloss_corpus_new ();
  g_autoptr(GFile) file = format_test_data_file ("doccano/entities-variant.jsonl");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GFile) exported = NULL;
  GlossDocument *document;
  JsonArray *relations;

  g_assert_cmpuint (format_test_import_file (corpus, FORMAT, file, GLOSS_OFFSET_CODEPOINT, FALSE, &problems, &error), ==, 2);
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
  g_assert_cmpuint (format_test_count_problems (problems, "relation"), >, 0);
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, "entities-variant.jsonl:1"));

  /* The ids and relations survive the label variant too. */
  dir = format_test_make_tmp_dir ();
  output = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_CODEPOINT, NULL);
  g_assert_nonnull (strstr (output, "\"gloss_spans\": {\"0:5:principle\": {\"id\": \"3\"}, \"12:17:task\": {\"id\": \"4\"}}"));
  exported = format_test_write_tmp (dir, "back.jsonl", output);
  g_assert_cmpuint (format_test_import_file (back, FORMAT, exported, GLOSS_OFFSET_CODEPOINT, FALSE, NULL, &error), ==, 2);
  g_assert_no_error (error);
  format_test_assert_same_corpus (corpus, back);
  format_test_remove_tree (dir);
}

static void
test_import_warnings (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  file = format_test_write_tmp (dir, "warn.jsonl",
                                /* the same span twice */
                                "{\"id\": \"a\", \"text\": \"abc def\", \"label\": [[0, 3, \"task\"], [0, 3, \"task\"]]}\n"
                                /* a taken id; e + U+0301 split; a member doccano does not write */
                                "{\"id\": \"a\", \"text\": \"cafe\xcc\x81\", \"label\": [[0, 4, \"task\"]], \"extra\": 1}\n"
                                /* notes for a span the line lacks */
                                "{\"id\": \"b\", \"text\": \"xyz\", \"label\": [], \"meta\": {\"gloss_spans\": {\"0:1:task\": {\"note\": \"lost?\"}}}}\n");

  g_assert_cmpuint (format_test_import_file (corpus, FORMAT, file, GLOSS_OFFSET_CODEPOINT, FALSE, &problems, &error), ==, 3);
  g_assert_no_error (error);

  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 1);
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "a-2");
  g_assert_cmpint (json_object_get_int_member (gloss_document_get_meta (document), "extra"), ==, 1);
  document = gloss_corpus_get_document (corpus, 2);
  g_assert_true (json_object_has_member (gloss_document_get_meta (document), "gloss_spans"));

  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_cmpuint (format_test_count_problems (problems, "there twice"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "is now “a-2”"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "splits a character cluster"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "“extra”"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "kept in the document’s meta"), >, 0);

  format_test_remove_tree (dir);
}

/* Offsets counted elsewhere, by unit (see FormatTestJsonl) */
static const char * const unit_lines[] = {
  "{\"text\": \"👩‍👩‍👧 family\", \"label\": [[0, 5, \"task\"], [6, 12, \"pillar\"]]}\n",
  "{\"text\": \"👩‍👩‍👧 family\", \"label\": [[0, 8, \"task\"], [9, 15, \"pillar\"]]}\n",
  "{\"text\": \"👩‍👩‍👧 family\", \"label\": [[0, 18, \"task\"], [19, 25, \"pillar\"]]}\n",
};

/* Which unit wins (see FormatTestJsonl) */
static const char declared_line[] =
  "{\"text\": \"👩ab\", \"label\": [[2, 3, \"task\"]], \"meta\": {\"offset_unit\": \"utf16\"}}\n";

/* Malformed input */

static const FormatTestMalformed malformed[] = {
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
  { "{\"text\": \"a👩b\", \"label\": [[2, 3, \"task\"]], \"meta\": {\"offset_unit\": \"utf16\"}}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the start 2 falls inside a character in utf16 offsets" },
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
  /* What json-glib would lose without a word, refused as in a corpus. */
  { "{\"text\": \"ab\\u0000cd\", \"label\": []}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "column 13: a string holds an escaped NUL character (\\u0000)" },
  { "{\"text\": \"fine\"}\n{\"text\": \"abc\", \"meta\": {\"why\": \"\\\\\\u0000\"}}\n", 0, 2, GLOSS_IMPORT_ERROR_PARSE, "escaped NUL character" },
  { "{\"text\": \"abc\", \"label\": [[0, 1, \"x\\udc00y\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "label[0][2]: the string is not valid Unicode" },
  { "{\"text\": \"abc\", \"meta\": {\"note\": \"a\\ud800bc\"}}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "meta.note: the string is not valid Unicode" },
  { "{\"text\": \"abc\", \"meta\": {\"x\\ud800y\": 1}}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "the string is not valid Unicode" },
  { "{\"text\": \"abc\", \"label\": [], \"text\": \"abd\"}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the member “text” appears twice in one object" },
  { "{\"text\": \"abc\", \"meta\": {\"batch\": 1, \"batch\": 2}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the member “batch” appears twice in one object" },
  { "{\"text\": \"abc\"} {\"text\": \"def\"}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "a second value follows the first" },
  { "var doc = {\"text\": \"abc\"}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "not valid JSON: a JavaScript assignment" },
};

int
main (int    argc,
      char **argv)
{
  static const FormatTestJsonl jsonl = {
    FORMAT, unit_lines, declared_line, malformed, G_N_ELEMENTS (malformed)
  };

  g_test_init (&argc, &argv, NULL);

  format_test_jsonl_add_tests (&jsonl);

  g_test_add_func ("/gloss/core/format/doccano/export/offsets", test_export_offsets);
  g_test_add_func ("/gloss/core/format/doccano/export/meta-collision", test_export_meta_collision);
  g_test_add_func ("/gloss/core/format/doccano/import/label-variant", test_import_label_variant);
  g_test_add_func ("/gloss/core/format/doccano/import/entities-variant", test_import_entities_variant);
  g_test_add_func ("/gloss/core/format/doccano/import/warnings", test_import_warnings);

  return g_test_run ();
}
