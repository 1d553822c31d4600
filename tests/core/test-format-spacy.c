/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-format-spacy.c: spaCy/Prodigy JSONL export and import
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
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("spacy");
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
  char *path = g_dir_make_tmp ("gloss-test-spacy-XXXXXX", &error);

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

  return gloss_import_paths (corpus, "spacy", &file, 1, &options, problems, NULL, error);
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

/* The line of @document_id, parsed. */
static JsonObject *
exported_line (const char *output,
               const char *document_id)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonNode) root = json_from_string (lines[i], NULL);
      JsonObject *object;

      g_assert_nonnull (root);
      object = json_node_get_object (root);
      if (g_str_equal (json_object_get_string_member (json_object_get_object_member (object, "meta"), "id"), document_id))
        return json_object_ref (object);
    }

  g_assert_not_reached ();
  return NULL;
}

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
test_export_golden (gconstpointer data)
{
  GlossOffsetUnit unit = GPOINTER_TO_INT (data);
  g_autoptr(GlossCorpus) corpus = load_unicode ();
  g_autofree char *name = g_strdup_printf ("spacy/unicode.%s.jsonl", gloss_offset_unit_to_string (unit));
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
  g_autoptr(JsonObject) emoji32 = exported_line (codepoints, "emoji");
  g_autoptr(JsonObject) emoji16 = exported_line (utf16, "emoji");
  g_autoptr(JsonObject) emoji8 = exported_line (bytes, "emoji");
  g_autoptr(JsonObject) vi16 = exported_line (utf16, "vi");
  g_autoptr(JsonObject) vi8 = exported_line (bytes, "vi");
  g_autoptr(JsonObject) ar16 = exported_line (utf16, "ar");
  g_autoptr(JsonObject) ar8 = exported_line (bytes, "ar");

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

  output = export_string (corpus, GLOSS_OFFSET_CODEPOINT, &problems);
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

  output = export_string (corpus, GLOSS_OFFSET_UTF16, &problems);
  g_assert_cmpstr (output, ==,
                   "{\"text\": \"Hi\", \"spans\": [], \"tokens\": [{\"text\": \"Hi\", \"start\": 0, \"end\": 2, \"id\": 0, \"ws\": false}], "
                   "\"meta\": {\"title\": \"kept: the document has no title\", \"id\": \"d\", \"offset_unit\": \"utf16\"}}\n");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "d");
  g_assert_nonnull (strstr (problem->message, "“id”"));
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
test_import_prodigy (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GFile) file = data_file ("spacy/prodigy.jsonl");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  GlossSpan *span;
  JsonObject *meta;

  g_assert_cmpuint (import_file (corpus, file, GLOSS_OFFSET_CODEPOINT, &problems, &error), ==, 3);
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
  g_assert_true (problems_mention (problems, "Peace Keeping"));
  g_assert_true (problems_mention (problems, "the answer is “reject”"));
  g_assert_true (problems_mention (problems, "“priority”"));
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
    { GLOSS_OFFSET_CODEPOINT, "{\"text\": \"👩‍👩‍👧 family\", \"spans\": [{\"start\": 0, \"end\": 5, \"label\": \"task\"}, {\"start\": 6, \"end\": 12, \"label\": \"pillar\", \"text\": \"family\"}]}\n" },
    { GLOSS_OFFSET_UTF16, "{\"text\": \"👩‍👩‍👧 family\", \"spans\": [{\"start\": 0, \"end\": 8, \"label\": \"task\"}, {\"start\": 9, \"end\": 15, \"label\": \"pillar\", \"text\": \"family\"}]}\n" },
    { GLOSS_OFFSET_BYTE, "{\"text\": \"👩‍👩‍👧 family\", \"spans\": [{\"start\": 0, \"end\": 18, \"label\": \"task\"}, {\"start\": 19, \"end\": 25, \"label\": \"pillar\", \"text\": \"family\"}]}\n" },
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

  file = write_tmp (dir, "warn.jsonl",
                    /* the same span twice; a span member Gloss does not keep */
                    "{\"text\": \"abc def\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"task\", \"source\": \"model\"}, {\"start\": 0, \"end\": 3, \"label\": \"task\"}], \"meta\": {\"id\": \"a\"}}\n"
                    /* a taken id; e + U+0301 split */
                    "{\"text\": \"cafe\xcc\x81\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"task\"}], \"meta\": {\"id\": \"a\"}}\n");

  g_assert_cmpuint (import_file (corpus, file, GLOSS_OFFSET_CODEPOINT, &problems, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_n_spans (gloss_corpus_get_document (corpus, 0)), ==, 1);
  g_assert_cmpstr (gloss_document_get_id (gloss_corpus_get_document (corpus, 1)), ==, "a-2");

  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_true (problems_mention (problems, "there twice"));
  g_assert_true (problems_mention (problems, "member “source”"));
  g_assert_true (problems_mention (problems, "is now “a-2”"));
  g_assert_true (problems_mention (problems, "splits a character cluster"));

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

  g_test_add_data_func ("/gloss/core/format/spacy/export/codepoint",
                        GINT_TO_POINTER (GLOSS_OFFSET_CODEPOINT), test_export_golden);
  g_test_add_data_func ("/gloss/core/format/spacy/export/utf16",
                        GINT_TO_POINTER (GLOSS_OFFSET_UTF16), test_export_golden);
  g_test_add_data_func ("/gloss/core/format/spacy/export/byte",
                        GINT_TO_POINTER (GLOSS_OFFSET_BYTE), test_export_golden);
  g_test_add_func ("/gloss/core/format/spacy/export/offsets", test_export_offsets);
  g_test_add_func ("/gloss/core/format/spacy/export/misaligned", test_export_misaligned);
  g_test_add_func ("/gloss/core/format/spacy/export/meta-collision", test_export_meta_collision);
  g_test_add_data_func ("/gloss/core/format/spacy/roundtrip/codepoint",
                        GINT_TO_POINTER (GLOSS_OFFSET_CODEPOINT), test_roundtrip);
  g_test_add_data_func ("/gloss/core/format/spacy/roundtrip/utf16",
                        GINT_TO_POINTER (GLOSS_OFFSET_UTF16), test_roundtrip);
  g_test_add_data_func ("/gloss/core/format/spacy/roundtrip/byte",
                        GINT_TO_POINTER (GLOSS_OFFSET_BYTE), test_roundtrip);
  g_test_add_func ("/gloss/core/format/spacy/import/prodigy", test_import_prodigy);
  g_test_add_func ("/gloss/core/format/spacy/import/units", test_import_units);
  g_test_add_func ("/gloss/core/format/spacy/import/warnings", test_import_warnings);
  g_test_add_func ("/gloss/core/format/spacy/import/malformed", test_import_malformed);

  return g_test_run ();
}
