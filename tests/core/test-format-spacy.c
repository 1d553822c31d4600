/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-format-spacy.c: spaCy/Prodigy JSONL export and import
 *
 * The expected offsets written below were computed outside Gloss, with
 * Python slicing of the texts in tests/data/formats/unicode.gloss.json
 * (str indices, UTF-16-LE code units, UTF-8 bytes).
 */

#include <string.h>

#include "format-test-util.h"

#define FORMAT "spacy"

/* Helpers */

static void
assert_span (JsonObject *line,
             guint       index,
             gint64      start,
             gint64      end,
             gint64      token_start,
             gint64      token_end)
{
  JsonObject *span = json_array_get_object_element (json_object_get_array_member (line, "spans"), index);

  g_assert_cmpint (json_object_get_int_member (span, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (span, "end"), ==, end);
  g_assert_cmpint (json_object_get_int_member (span, "token_start"), ==, token_start);
  g_assert_cmpint (json_object_get_int_member (span, "token_end"), ==, token_end);
}

static void
assert_token (JsonObject *line,
              guint       index,
              const char *text,
              gint64      start,
              gint64      end)
{
  JsonObject *token = json_array_get_object_element (json_object_get_array_member (line, "tokens"), index);

  g_assert_cmpstr (json_object_get_string_member (token, "text"), ==, text);
  g_assert_cmpint (json_object_get_int_member (token, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (token, "end"), ==, end);
  g_assert_cmpint (json_object_get_int_member (token, "id"), ==, index);
}

/* Export */

static void
test_export_offsets (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autofree char *utf16 = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_UTF16, NULL);
  g_autofree char *bytes = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_BYTE, NULL);
  g_autofree char *codepoints = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_CODEPOINT, NULL);
  g_autoptr(JsonObject) emoji32 = format_test_jsonl_find_line (codepoints, "emoji", TRUE);
  g_autoptr(JsonObject) emoji16 = format_test_jsonl_find_line (utf16, "emoji", TRUE);
  g_autoptr(JsonObject) emoji8 = format_test_jsonl_find_line (bytes, "emoji", TRUE);
  g_autoptr(JsonObject) vi16 = format_test_jsonl_find_line (utf16, "vi", TRUE);
  g_autoptr(JsonObject) vi8 = format_test_jsonl_find_line (bytes, "vi", TRUE);
  g_autoptr(JsonObject) ar16 = format_test_jsonl_find_line (utf16, "ar", TRUE);
  g_autoptr(JsonObject) ar8 = format_test_jsonl_find_line (bytes, "ar", TRUE);

  /* "Peace 🕊️" (with VS16): tokens 0–1 */
  assert_span (emoji16, 0, 0, 9, 0, 1);
  assert_span (emoji8, 0, 0, 13, 0, 1);
  assert_token (emoji32, 1, "🕊️", 6, 8);
  assert_token (emoji16, 1, "🕊️", 6, 9);
  assert_token (emoji8, 1, "🕊️", 6, 13);

  /* "family 👩‍👩‍👧": the ZWJ family is one token, the last one, inclusive */
  assert_span (emoji32, 2, 24, 36, 6, 7);
  assert_span (emoji16, 2, 25, 40, 6, 7);
  assert_span (emoji8, 2, 29, 54, 6, 7);
  assert_token (emoji32, 7, "👩‍👩‍👧", 31, 36);
  assert_token (emoji16, 7, "👩‍👩‍👧", 32, 40);
  assert_token (emoji8, 7, "👩‍👩‍👧", 36, 54);

  /* "🇻🇳🇫🇷": one token a flag */
  assert_span (emoji16, 3, 58, 66, 12, 13);
  assert_span (emoji8, 3, 72, 88, 12, 13);
  assert_token (emoji16, 13, "🇫🇷", 62, 66);
  assert_token (emoji8, 13, "🇫🇷", 80, 88);

  /* "Việt Nam" decomposed (NFD), marks inside the word */
  assert_span (vi16, 2, 66, 76, 17, 18);
  assert_span (vi8, 2, 88, 100, 17, 18);
  assert_token (vi8, 17, "Vie\xcc\xa3\xcc\x82t", 88, 96);

  /* "السلام" */
  assert_span (ar16, 1, 17, 23, 2, 2);
  assert_span (ar8, 1, 32, 44, 2, 2);
  assert_token (ar8, 2, "السلام", 32, 44);
}

static void
test_export_misaligned (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, "Party diplomacy works.  Yes");
  g_autoptr(GlossSpan) inside = gloss_span_new (2, 9, "task");
  g_autoptr(GlossSpan) aligned = gloss_span_new (6, 15, "task");
  g_autoptr(GlossSpan) blank = gloss_span_new (22, 24, "pillar");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *output = NULL;
  GlossProblem *problem;

  g_assert_true (gloss_document_add_span (document, inside, NULL));
  g_assert_true (gloss_document_add_span (document, aligned, NULL));
  g_assert_true (gloss_document_add_span (document, blank, NULL));
  g_assert_true (gloss_corpus_add_document (corpus, document, NULL));

  output = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_CODEPOINT, &problems);
  g_assert_nonnull (strstr (output,
                            "\"spans\": [{\"start\": 2, \"end\": 9, \"label\": \"task\", \"token_start\": 0, \"token_end\": 1}, "
                            "{\"start\": 6, \"end\": 15, \"label\": \"task\", \"token_start\": 1, \"token_end\": 1}, "
                            "{\"start\": 22, \"end\": 24, \"label\": \"pillar\"}], "));

  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "d/s1");
  g_assert_nonnull (strstr (problem->message, "“rty dip”"));
  g_assert_nonnull (strstr (problem->message, "token boundaries"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->path, ==, "d/s3");
  g_assert_nonnull (strstr (problem->message, "covers no token"));
}

static void
test_export_meta_collision (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, "Hi");
  g_autoptr(JsonObject) meta = json_object_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *output = NULL;
  GlossProblem *problem;

  json_object_set_string_member (meta, "id", "another id");
  json_object_set_string_member (meta, "title", "kept: the document has no title");
  gloss_document_set_meta (document, meta);
  g_assert_true (gloss_corpus_add_document (corpus, document, NULL));

  output = format_test_export_with_unit (FORMAT, corpus, GLOSS_OFFSET_UTF16, &problems);
  g_assert_cmpstr (output, ==,
                   "{\"text\": \"Hi\", \"spans\": [], \"tokens\": [{\"text\": \"Hi\", \"start\": 0, \"end\": 2, \"id\": 0, \"ws\": false}], "
                   "\"meta\": {\"title\": \"kept: the document has no title\", \"id\": \"d\", \"offset_unit\": \"utf16\"}}\n");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "d");
  g_assert_nonnull (strstr (problem->message, "“id”"));
}

/* Import */

static void
test_import_prodigy (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GFile) file = format_test_data_file ("spacy/prodigy.jsonl");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  GlossSpan *span;
  JsonObject *meta;

  g_assert_cmpuint (format_test_import_file (corpus, FORMAT, file, GLOSS_OFFSET_CODEPOINT, FALSE, &problems, &error), ==, 3);
  g_assert_no_error (error);

  /* Prodigy's own members kept quietly in meta; tokens not read; spans
   * sorted and numbered whatever the line's order. */
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "prodigy-1");
  g_assert_cmpstr (gloss_document_get_source (document), ==, "news.txt");
  meta = gloss_document_get_meta (document);
  g_assert_cmpint (json_object_get_int_member (meta, "_input_hash"), ==, 123);
  g_assert_cmpint (json_object_get_int_member (meta, "_task_hash"), ==, -45);
  g_assert_cmpstr (json_object_get_string_member (meta, "_view_id"), ==, "ner_manual");
  g_assert_cmpstr (json_object_get_string_member (meta, "answer"), ==, "accept");
  g_assert_false (json_object_has_member (meta, "source"));
  g_assert_false (json_object_has_member (meta, "tokens"));
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
  span = gloss_document_get_span (document, 0);
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s1");
  g_assert_cmpuint (gloss_span_get_start (span), ==, 0);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 8);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  span = gloss_document_get_span (document, 1);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 15);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 22);

  /* meta id; a new label; a note; a rejected answer reported */
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "9");
  span = gloss_document_get_span (document, 0);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "Peace_Keeping");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "main point");
  meta = gloss_document_get_meta (document);
  g_assert_cmpint (json_object_get_int_member (meta, "batch"), ==, 2);
  g_assert_false (json_object_has_member (meta, "id"));

  /* No spans; a member of no known tool kept in meta and reported. */
  document = gloss_corpus_get_document (corpus, 2);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "prodigy-4");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (gloss_document_get_meta (document), "priority"), ==, 0.5);

  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpuint (format_test_count_problems (problems, "Peace Keeping"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "the answer is “reject”"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "“priority”"), >, 0);
}

static void
test_import_warnings (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  file = format_test_write_tmp (dir, "warn.jsonl",
                                /* the same span twice; a span member Gloss does not keep */
                                "{\"text\": \"abc def\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"task\", \"source\": \"model\"}, {\"start\": 0, \"end\": 3, \"label\": \"task\"}], \"meta\": {\"id\": \"a\"}}\n"
                                /* a taken id; e + U+0301 split */
                                "{\"text\": \"cafe\xcc\x81\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"task\"}], \"meta\": {\"id\": \"a\"}}\n");

  g_assert_cmpuint (format_test_import_file (corpus, FORMAT, file, GLOSS_OFFSET_CODEPOINT, FALSE, &problems, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_n_spans (gloss_corpus_get_document (corpus, 0)), ==, 1);
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 1)), ==, "a-2");

  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpuint (format_test_count_problems (problems, "there twice"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "member “source”"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "is now “a-2”"), >, 0);
  g_assert_cmpuint (format_test_count_problems (problems, "splits a character cluster"), >, 0);

  format_test_remove_tree (dir);
}

/* Offsets counted elsewhere, by unit (see FormatTestJsonl) */
static const char * const unit_lines[] = {
  "{\"text\": \"👩‍👩‍👧 family\", \"spans\": [{\"start\": 0, \"end\": 5, \"label\": \"task\"}, {\"start\": 6, \"end\": 12, \"label\": \"pillar\", \"text\": \"family\"}]}\n",
  "{\"text\": \"👩‍👩‍👧 family\", \"spans\": [{\"start\": 0, \"end\": 8, \"label\": \"task\"}, {\"start\": 9, \"end\": 15, \"label\": \"pillar\", \"text\": \"family\"}]}\n",
  "{\"text\": \"👩‍👩‍👧 family\", \"spans\": [{\"start\": 0, \"end\": 18, \"label\": \"task\"}, {\"start\": 19, \"end\": 25, \"label\": \"pillar\", \"text\": \"family\"}]}\n",
};

/* Which unit wins (see FormatTestJsonl) */
static const char declared_line[] =
  "{\"text\": \"👩ab\", \"spans\": [{\"start\": 2, \"end\": 3, \"label\": \"task\"}], \"meta\": {\"offset_unit\": \"utf16\"}}\n";

/* Malformed input */

static const FormatTestMalformed malformed[] = {
  { "{\"text\": \"a\", \n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "not valid JSON" },
  { "\"text\"\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "expected a JSON object (one document), found a string" },
  { "{\"text\": \"\xc3\x28\"}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "not valid UTF-8" },
  { "{\"spans\": []}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“text” is missing" },
  { "{\"text\": null}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“text” should be a string, found null" },
  { "{\"text\": \"abc\", \"spans\": {}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“spans” should be an array of objects, found an object" },
  { "{\"text\": \"abc\", \"spans\": [[0, 1, \"x\"]]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "span 1 should be an object with “start”, “end” and “label”, found an array" },
  { "{\"text\": \"abc\", \"spans\": [{\"end\": 1, \"label\": \"x\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "span 1: the start should be a whole number, found nothing" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0.5, \"end\": 1, \"label\": \"x\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "span 1: the start should be a whole number, found 0.5" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "span 1: the label should be a non-empty string, found nothing" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"x\"}, {\"start\": 3, \"end\": 1, \"label\": \"x\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "span 2 starts at 3, after its end 1" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 2, \"end\": 2, \"label\": \"x\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "span 1 is empty (start and end are both 2)" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 7, \"label\": \"x\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the end 7 is past the end of the text" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": -2, \"end\": 1, \"label\": \"x\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the start -2 is negative" },
  { "{\"text\": \"a👩b\", \"spans\": [{\"start\": 2, \"end\": 4, \"label\": \"x\"}]}\n", GLOSS_OFFSET_UTF16, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the start 2 falls inside a character in utf16 offsets (between 1 and 3)" },
  { "{\"text\": \"a👩b\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"x\"}]}\n", GLOSS_OFFSET_BYTE, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "the end 3 falls inside a character in byte offsets (between 1 and 5)" },
  /* "ab👩cdef": "cd" is 4–6 in UTF-16, but 4–6 in code points is "de" */
  { "{\"text\": \"ab👩cdef\", \"spans\": [{\"start\": 4, \"end\": 6, \"label\": \"x\", \"text\": \"cd\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "span 1 says its text is “cd”, but the text has “de” there" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"x\", \"text\": 1}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "span 1: “text” should be a string" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"x\", \"note\": []}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "span 1: “note” should be a string, found an array" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"x\", \"id\": \"a\"}, {\"start\": 1, \"end\": 2, \"label\": \"x\", \"id\": \"a\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "already has a span with the id “a”" },
  { "{\"text\": \"abc\", \"meta\": \"x\"}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "“meta” should be an object, found a string" },
  { "{\"text\": \"abc\", \"meta\": {\"offset_unit\": 16}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "meta “offset_unit” should be" },
  { "{\"text\": \"fine\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"new_label\"}]}\n\n{\"text\": \"bad\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"x\"}]}\n", 0, 3, GLOSS_IMPORT_ERROR_INVALID_OFFSETS, "past the end" },
  /* What json-glib would lose without a word, refused as in a corpus. */
  { "{\"text\": \"ab\\u0000cd\", \"spans\": []}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "column 13: a string holds an escaped NUL character (\\u0000)" },
  { "{\"text\": \"fine\"}\n{\"text\": \"abc\", \"meta\": {\"why\": \"\\\\\\u0000\"}}\n", 0, 2, GLOSS_IMPORT_ERROR_PARSE, "escaped NUL character" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"x\", \"note\": \"x\\udc00y\"}]}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "spans[0].note: the string is not valid Unicode" },
  { "{\"text\": \"abc\", \"meta\": {\"note\": \"a\\ud800bc\"}}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "meta.note: the string is not valid Unicode" },
  { "{\"text\": \"abc\", \"_view_id\": {\"x\\ud800y\": 1}}\n", 0, 1, GLOSS_IMPORT_ERROR_INVALID_UTF8, "the string is not valid Unicode" },
  { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"x\", \"end\": 2}]}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the member “end” appears twice in one object" },
  { "{\"text\": \"abc\", \"meta\": {\"id\": \"a\", \"id\": \"b\"}}\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "the member “id” appears twice in one object" },
  { "{\"text\": \"abc\"}[]\n", 0, 1, GLOSS_IMPORT_ERROR_PARSE, "a second value follows the first" },
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

  g_test_add_func ("/gloss/core/format/spacy/export/offsets", test_export_offsets);
  g_test_add_func ("/gloss/core/format/spacy/export/misaligned", test_export_misaligned);
  g_test_add_func ("/gloss/core/format/spacy/export/meta-collision", test_export_meta_collision);
  g_test_add_func ("/gloss/core/format/spacy/import/prodigy", test_import_prodigy);
  g_test_add_func ("/gloss/core/format/spacy/import/warnings", test_import_warnings);

  return g_test_run ();
}
