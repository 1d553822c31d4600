/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-format.c: the native corpus format (`*.gloss.json`)
 *
 * Assertions are made non-fatal in main(), so that one failing case is
 * reported and the others still run; each test returns early where going
 * on after a failed assertion would only crash.
 */

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* Helpers */

static GFile *
data_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
data_bytes (const char *folder,
            const char *name)
{
  g_autoptr(GFile) file = data_file (folder, name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return bytes;
}

static GlossCorpus *
load_string (const char  *json,
             GPtrArray  **problems,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return gloss_corpus_load_bytes (bytes, problems, error);
}

/* Loads a file of tests/data/valid/ that must load without any problem. */
static GlossCorpus *
load_valid (const char *name)
{
  g_autoptr(GFile) file = data_file ("valid", name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossCorpus *corpus;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  g_assert_nonnull (problems);
  if (problems != NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          GlossProblem *problem = g_ptr_array_index (problems, i);

          g_test_message ("unexpected problem: %s: %s", problem->path, problem->message);
        }
      g_assert_cmpuint (problems->len, ==, 0);
    }

  return corpus;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    {
      g_test_message ("“%s” does not contain “%s”", haystack, needle);
      g_test_fail ();
    }
}

/* Compares two files line by line, so that a failure shows the first
 * line that differs rather than two blobs. */
static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  g_autofree char *actual_str = NULL;
  g_autofree char *expected_str = NULL;
  g_auto(GStrv) actual_lines = NULL;
  g_auto(GStrv) expected_lines = NULL;
  gsize actual_len;
  gsize expected_len;
  const char *actual_data = g_bytes_get_data (actual, &actual_len);
  const char *expected_data = g_bytes_get_data (expected, &expected_len);

  if (actual_len == expected_len && memcmp (actual_data, expected_data, actual_len) == 0)
    return;

  actual_str = g_strndup (actual_len > 0 ? actual_data : "", actual_len);
  expected_str = g_strndup (expected_len > 0 ? expected_data : "", expected_len);
  actual_lines = g_strsplit (actual_str, "\n", -1);
  expected_lines = g_strsplit (expected_str, "\n", -1);

  for (guint i = 0; actual_lines[i] != NULL || expected_lines[i] != NULL; i++)
    {
      if (g_strcmp0 (actual_lines[i], expected_lines[i]) != 0)
        {
          g_test_message ("first difference on line %u", i + 1);
          g_assert_cmpstr (actual_lines[i], ==, expected_lines[i]);
          return;
        }
    }

  /* Same lines, different bytes: a NUL somewhere. */
  g_assert_cmpmem (actual_data, actual_len, expected_data, expected_len);
}

static void
assert_problem (GPtrArray     *problems,
                guint          index,
                GlossSeverity  severity,
                int            code,
                const char    *path)
{
  GlossProblem *problem;

  g_assert_nonnull (problems);
  if (problems == NULL)
    return;

  g_assert_cmpuint (problems->len, >, index);
  if (problems->len <= index)
    return;

  problem = g_ptr_array_index (problems, index);
  g_assert_cmpint (problem->severity, ==, severity);
  g_assert_cmpint (problem->code, ==, code);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_nonnull (problem->message);
  g_assert_cmpstr (problem->message, !=, "");
}

static GlossSpan *
span_by_id (GlossDocument *document,
            const char    *id)
{
  GlossSpan *span = gloss_document_lookup_span (document, id);

  g_assert_nonnull (span);

  return span;
}

static void
assert_span (GlossDocument *document,
             const char    *id,
             guint          start,
             guint          end,
             const char    *label,
             const char    *text)
{
  GlossSpan *span = span_by_id (document, id);
  g_autofree char *slice = NULL;

  if (span == NULL)
    return;

  g_assert_cmpuint (gloss_span_get_start (span), ==, start);
  g_assert_cmpuint (gloss_span_get_end (span), ==, end);
  g_assert_cmpstr (gloss_span_get_label (span), ==, label);

  slice = gloss_document_dup_slice (document, start, end);
  g_assert_cmpstr (slice, ==, text);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path;

  path = g_dir_make_tmp ("gloss-test-format-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static GBytes *
read_path (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_assert_no_error (error);
      return g_bytes_new (NULL, 0);
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Gives @corpus an unsaved change. */
static void
touch_corpus (GlossCorpus *corpus,
              const char  *title)
{
  GlossDocument *document = gloss_corpus_get_document (corpus, 0);

  gloss_document_set_title (document, title);
  g_assert_true (gloss_corpus_get_dirty (corpus));
}

/* Malformed corpora */

typedef struct
{
  const char       *file;
  GlossFormatError  code;
  const char       *path;      /* problem->path of the first error, exactly */
  const char       *message;   /* found in the message */
  const char       *message2;  /* also found in it, or NULL */
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  /* The bytes */
  { "not-json.json", GLOSS_FORMAT_ERROR_INVALID_JSON, "line 3, column 5", "`@'", NULL },
  { "not-json-truncated.json", GLOSS_FORMAT_ERROR_INVALID_JSON, "line 3, column 14", "not valid JSON", NULL },
  { "empty.json", GLOSS_FORMAT_ERROR_INVALID_JSON, "$", "empty", NULL },
  { "invalid-utf8.json", GLOSS_FORMAT_ERROR_INVALID_UTF8, "line 6, column 40", "0xff", "byte offset 134" },
  { "invalid-utf8-nul.json", GLOSS_FORMAT_ERROR_INVALID_UTF8, "line 6, column 31", "0x00", "byte offset 125" },

  /* The header */
  { "root-array.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "$", "expected an object, found an array", NULL },
  { "format-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "$", "“format”", NULL },
  { "format-wrong.json", GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT, "format", "“doccano-jsonl”", "“gloss-corpus”" },
  { "version-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "$", "“version”", NULL },
  { "version-string.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "version", "found a string", NULL },
  { "version-newer.json", GLOSS_FORMAT_ERROR_UNSUPPORTED_VERSION, "version", "version 2", "newer" },
  { "version-zero.json", GLOSS_FORMAT_ERROR_UNSUPPORTED_VERSION, "version", "version 0", "does not exist" },
  { "offset-unit-utf16.json", GLOSS_FORMAT_ERROR_UNSUPPORTED_OFFSET_UNIT, "offset_unit", "“utf16”", NULL },

  /* The schema */
  { "schema-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "$", "“schema”", NULL },
  { "schema-not-object.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "schema", "expected an object, found an array", NULL },
  { "labels-not-array.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "schema.labels", "expected an array, found an object", NULL },
  { "label-id-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "schema.labels[1]", "“id”", NULL },
  { "label-id-invalid.json", GLOSS_FORMAT_ERROR_INVALID_VALUE, "schema.labels[1].id", "“state task”", "not a valid label id" },
  { "label-id-duplicate.json", GLOSS_FORMAT_ERROR_DUPLICATE_ID, "schema.labels[1].id", "“pillar”", NULL },
  { "label-key-duplicate.json", GLOSS_FORMAT_ERROR_DUPLICATE_KEY, "schema.labels[2].key", "“3”", "“pillar”" },
  { "label-key-invalid.json", GLOSS_FORMAT_ERROR_INVALID_VALUE, "schema.labels[0].key", "“ctrl+3”", NULL },
  { "label-color-invalid.json", GLOSS_FORMAT_ERROR_INVALID_VALUE, "schema.labels[0].color", "“orange”", "#rrggbb" },
  { "label-names-not-object.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "schema.labels[0].names", "expected an object, found an array", NULL },

  /* The documents */
  { "documents-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "$", "“documents”", NULL },
  { "document-not-object.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0]", "expected an object, found a string", NULL },
  { "document-id-not-string.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0].id", "expected a string, found a number", NULL },
  { "document-id-empty.json", GLOSS_FORMAT_ERROR_INVALID_VALUE, "documents[0].id", "empty", NULL },
  { "document-id-duplicate.json", GLOSS_FORMAT_ERROR_DUPLICATE_ID, "documents[1].id", "“d1”", NULL },
  { "document-text-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "documents[0]", "“text”", NULL },
  { "meta-not-object.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0].meta", "expected an object, found an array", NULL },
  { "done-not-boolean.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0].done", "expected true or false, found a string", NULL },

  /* The spans */
  { "spans-not-array.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0].spans", "expected an array, found an object", NULL },
  { "span-start-string.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0].spans[0].start", "found a string", NULL },
  { "span-start-fraction.json", GLOSS_FORMAT_ERROR_WRONG_TYPE, "documents[0].spans[0].start", "1.5", NULL },
  { "span-start-negative.json", GLOSS_FORMAT_ERROR_INVALID_OFFSETS, "documents[0].spans[0].start", "-1", NULL },
  { "span-end-too-large.json", GLOSS_FORMAT_ERROR_INVALID_OFFSETS, "documents[0].spans[0].end", "4294967296", NULL },
  { "span-reversed.json", GLOSS_FORMAT_ERROR_INVALID_OFFSETS, "documents[0].spans[1].start", "35", "20" },
  { "span-empty.json", GLOSS_FORMAT_ERROR_INVALID_OFFSETS, "documents[0].spans[1].start", "empty", NULL },
  { "span-end-past-text.json", GLOSS_FORMAT_ERROR_INVALID_OFFSETS, "documents[1].spans[1].end", "“d2”", "21 characters" },
  { "span-label-missing.json", GLOSS_FORMAT_ERROR_MISSING_MEMBER, "documents[0].spans[0]", "“label”", NULL },
  { "span-unknown-label.json", GLOSS_FORMAT_ERROR_UNKNOWN_LABEL, "documents[0].spans[1].label", "“person”", NULL },
  { "span-text-mismatch.json", GLOSS_FORMAT_ERROR_TEXT_MISMATCH, "documents[0].spans[1].text", "“State diplomacy”", "“state diplomacy”" },
  { "span-id-duplicate.json", GLOSS_FORMAT_ERROR_DUPLICATE_ID, "documents[0].spans[1].id", "“s1”", NULL },
  { "span-duplicate.json", GLOSS_FORMAT_ERROR_DUPLICATE_SPAN, "documents[0].spans[1]", "“pillar”", "0–15" },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *test = data;
  g_autoptr(GFile) file = data_file ("malformed", test->file);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *expected_message = NULL;
  GlossProblem *first;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSS_FORMAT_ERROR, (int)test->code);
  if (error == NULL)
    return;

  g_test_message ("%s", error->message);

  g_assert_nonnull (problems);
  if (problems == NULL)
    return;
  assert_problem (problems, 0, GLOSS_SEVERITY_ERROR, test->code, test->path);
  if (problems->len == 0)
    return;

  first = g_ptr_array_index (problems, 0);
  assert_contains (first->message, test->message);
  if (test->message2 != NULL)
    assert_contains (first->message, test->message2);

  /* The error is the first problem, its path first. */
  expected_message = g_strdup_printf ("%s: %s", test->path, first->message);
  g_assert_cmpstr (error->message, ==, expected_message);
}

/* Every case is a file of its own, and no two files are the same. */
static void
test_malformed_distinct (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full ((GHashFunc)g_bytes_hash, (GEqualFunc)g_bytes_equal,
                                                      (GDestroyNotify)g_bytes_unref, NULL);

  g_assert_cmpuint (G_N_ELEMENTS (malformed_cases), >=, 24);

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      GBytes *bytes = data_bytes ("malformed", malformed_cases[i].file);

      if (g_hash_table_contains (seen, bytes))
        g_test_message ("%s repeats another case", malformed_cases[i].file);
      g_assert_false (g_hash_table_contains (seen, bytes));
      g_hash_table_add (seen, bytes);
    }
}

/* Without @problems, the error is the same. */
static void
test_malformed_no_problems (void)
{
  g_autoptr(GBytes) bytes = data_bytes ("malformed", "span-unknown-label.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = gloss_corpus_load_bytes (bytes, NULL, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_LABEL);
  if (error != NULL)
    g_assert_true (g_str_has_prefix (error->message, "documents[0].spans[1].label: "));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = data_file ("malformed", "no-such-file.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (problems);
}

/* Problems */

static void
test_problems_collected (void)
{
  g_autoptr(GFile) file = data_file ("malformed", "three-errors.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE);
  g_assert_nonnull (problems);
  if (problems == NULL)
    return;

  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problems, 0, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE,
                  "schema.labels[0].color");
  assert_problem (problems, 1, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_LABEL,
                  "documents[0].spans[1].label");
  assert_problem (problems, 2, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
                  "documents[1].spans[1].end");
  if (error != NULL)
    g_assert_true (g_str_has_prefix (error->message, "schema.labels[0].color: "));
}

/* The members of one span, wrong in the order the saver writes them, are
 * reported in that order. */
static void
test_problems_member_order (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = load_string ("{\"format\": \"gloss-corpus\", \"version\": 1, \"schema\": {\"labels\": [{\"id\": \"p\"}]},"
                        " \"documents\": [{\"id\": \"d1\", \"text\": \"abcdef\", \"spans\": ["
                        "{\"id\": \"s1\", \"start\": 0, \"end\": 2, \"label\": \"p\", \"text\": \"ab\","
                        " \"note\": 1, \"annotator\": 2, \"created\": 3}]}]}",
                        &problems, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE);
  g_assert_nonnull (problems);
  if (problems == NULL)
    return;

  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problems, 0, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
                  "documents[0].spans[0].note");
  assert_problem (problems, 1, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
                  "documents[0].spans[0].annotator");
  assert_problem (problems, 2, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
                  "documents[0].spans[0].created");
}

static void
test_problem_copy (void)
{
  GlossProblem problem = { GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
                           (char *)"documents[0].spans[1].end", (char *)"offset 12 splits" };
  g_autoptr(GlossProblem) copy = gloss_problem_copy (&problem);

  g_assert_cmpint (copy->severity, ==, GLOSS_SEVERITY_WARNING);
  g_assert_cmpint (copy->code, ==, GLOSS_FORMAT_ERROR_INVALID_OFFSETS);
  g_assert_cmpstr (copy->path, ==, problem.path);
  g_assert_true (copy->path != problem.path);
  g_assert_cmpstr (copy->message, ==, problem.message);
  g_assert_true (G_TYPE_IS_BOXED (GLOSS_TYPE_PROBLEM));
}

/* Warnings */

static void
test_warning_split_zwj (void)
{
  g_autoptr(GFile) file = data_file ("valid", "warn-split-zwj.gloss.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  GlossDocument *document;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  if (corpus == NULL)
    return;

  g_assert_cmpuint (problems->len, ==, 2);
  /* "👩‍👩" ends before a ZWJ, "👧" starts after one. */
  assert_problem (problems, 0, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
                  "documents[0].spans[1].end");
  assert_problem (problems, 1, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
                  "documents[0].spans[2].start");

  /* The spans are kept all the same. */
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 3);
  assert_span (document, "whole", 9, 14, "emoji", "👩\u200d👩\u200d👧");
  assert_span (document, "mothers", 9, 12, "emoji", "👩\u200d👩");
  assert_span (document, "child", 13, 14, "emoji", "👧");
  g_assert_false (gloss_corpus_get_dirty (corpus));
}

static void
test_warning_split_mark (void)
{
  g_autoptr(GFile) file = data_file ("valid", "warn-split-mark.gloss.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  GlossDocument *document;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  if (corpus == NULL)
    return;

  /* "cafe" leaves the acute accent of "cafe\u0301" behind, and the next
   * span starts with it. */
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
                  "documents[0].spans[1].end");
  assert_problem (problems, 1, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
                  "documents[0].spans[2].start");

  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 3);
  assert_span (document, "whole", 3, 8, "word", "cafe\u0301");
  assert_span (document, "base", 3, 7, "word", "cafe");
  assert_span (document, "mark", 7, 13, "word", "\u0301 noir");
}

static void
test_warning_unknown_member (void)
{
  g_autoptr(GFile) file = data_file ("valid", "warn-unknown-member.gloss.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *saved_str = NULL;

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  if (corpus == NULL)
    return;

  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_VALUE, "x-generator");
  assert_problem (problems, 1, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_VALUE,
                  "documents[0].spans[0].confidence");
  if (problems->len == 2)
    {
      assert_contains (((GlossProblem *)g_ptr_array_index (problems, 0))->message, "“x-generator”");
      assert_contains (((GlossProblem *)g_ptr_array_index (problems, 1))->message, "“confidence”");
    }

  g_assert_cmpuint (gloss_document_get_n_spans (gloss_corpus_get_document (corpus, 0)), ==, 1);

  /* As the warning says, unknown members are not saved. */
  saved = gloss_corpus_save_to_bytes (corpus);
  saved_str = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_null (strstr (saved_str, "confidence"));
  g_assert_null (strstr (saved_str, "x-generator"));
}

/* Clusters kept whole (a family, two flags side by side, a letter and its
 * mark) give no warning. */
static void
test_no_warning_whole_clusters (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");

  g_assert_nonnull (corpus);
}

/* Round trip */

static void
check_roundtrip_model (GlossCorpus *corpus)
{
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  GlossDocument *document;
  GlossLabel *label;
  JsonObject *meta;
  JsonObject *nested;
  JsonArray *array;
  GlossSpan *span;
  const char *ids[] = { "s1", "s5", "s2", "s3", "s4" };
  const char *emoji_ids[] = { "family", "wave", "vn", "flags", "fr", "cafe" };

  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, 3);
  label = gloss_schema_lookup (schema, "pillar");
  g_assert_nonnull (label);
  if (label != NULL)
    {
      g_auto(GStrv) locales = gloss_label_dup_locales (label);
      const char * const expected_locales[] = { "ar", "fr", "vi", NULL };

      g_assert_cmpstr (gloss_label_get_name (label), ==, "Pillar");
      g_assert_cmpstr (gloss_label_get_name_for_locale (label, "vi"), ==, "Trụ cột");
      g_assert_cmpstr (gloss_label_get_name_for_locale (label, "ar"), ==, "ركيزة");
      g_assert_cmpstr (gloss_label_get_name_for_locale (label, "fr"), ==, "Pilier");
      g_assert_cmpstrv (locales, expected_locales);
      g_assert_cmpstr (gloss_label_get_color (label), ==, "#e5a50a");
      g_assert_cmpstr (gloss_label_get_key (label), ==, "3");
      g_assert_cmpstr (gloss_label_get_description (label), ==,
                       "A pillar of policy, such as \"party diplomacy\" — see /guide/pillars.");
    }
  label = gloss_schema_lookup (schema, "emoji-seq");
  g_assert_nonnull (label);
  if (label != NULL)
    {
      g_assert_null (gloss_label_get_key (label));
      g_assert_cmpstr (gloss_label_get_name_for_locale (label, "vi"), ==, "Chuỗi biểu tượng");
    }

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 5);
  if (gloss_corpus_get_n_documents (corpus) != 5)
    return;

  /* Vietnamese, precomposed; spans given out of order come out sorted. */
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "d1");
  g_assert_cmpstr (gloss_document_get_lang (document), ==, "vi");
  g_assert_false (gloss_document_get_done (document));
  g_assert_cmpuint (gloss_document_get_length (document), ==, 68);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids) && i < gloss_document_get_n_spans (document); i++)
    g_assert_cmpstr (gloss_span_get_id (gloss_document_get_span (document, i)), ==, ids[i]);
  assert_span (document, "s1", 0, 10, "pillar", "Ngoại giao");
  assert_span (document, "s5", 0, 10, "task", "Ngoại giao");
  assert_span (document, "s2", 11, 19, "pillar", "Việt Nam");
  assert_span (document, "s3", 20, 43, "task", "kiên định về nguyên tắc");
  assert_span (document, "s4", 45, 67, "task", "linh hoạt về sách lược");

  span = span_by_id (document, "s2");
  if (span != NULL)
    {
      g_assert_cmpstr (gloss_span_get_note (span), ==,
                       "Line 1\nLine 2\tTabbed \"quoted\" back\\slash \001 \037 \b \f \r end");
      g_assert_cmpstr (gloss_span_get_annotator (span), ==, "Lan");
      g_assert_cmpstr (gloss_span_get_created (span), ==, "2025-08-28T09:30:00+07:00");
    }

  meta = gloss_document_get_meta (document);
  g_assert_cmpuint (json_object_get_size (meta), ==, 17);
  g_assert_cmpstr (json_object_get_string_member (meta, "url"), ==, "https://example.org/a?b=1&c=2");
  g_assert_cmpfloat (json_object_get_double_member (meta, "score"), ==, 0.1);
  g_assert_cmpfloat (json_object_get_double_member (meta, "sum"), ==, 0.1 + 0.2);
  g_assert_cmpfloat (json_object_get_double_member (meta, "huge"), ==, 1e300);
  g_assert_cmpfloat (json_object_get_double_member (meta, "tiny"), ==, 5e-324);
  g_assert_cmpfloat (json_object_get_double_member (meta, "one"), ==, 1.0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (meta, "one")), ==, G_TYPE_DOUBLE);
  g_assert_true (signbit (json_object_get_double_member (meta, "negzero")));
  g_assert_cmpint (json_object_get_int_member (meta, "neg"), ==, -42);
  g_assert_cmpint (json_object_get_int_member (meta, "zero"), ==, 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (meta, "zero")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (meta, "big"), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_true (json_object_get_boolean_member (meta, "ok"));
  g_assert_false (json_object_get_boolean_member (meta, "no"));
  g_assert_true (json_object_get_null_member (meta, "nothing"));
  g_assert_cmpstr (json_object_get_string_member (meta, "quote"), ==, "say \"hi\"\\n\tthere");
  array = json_object_get_array_member (meta, "tags");
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "ngoại giao");
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, 3);
  g_assert_true (json_array_get_boolean_element (array, 3));
  g_assert_true (json_array_get_null_element (array, 4));
  nested = json_object_get_object_member (meta, "nested");
  array = json_object_get_array_member (json_object_get_object_member (nested, "a"), "b");
  g_assert_cmpfloat (json_array_get_double_element (array, 1), ==, 2.5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "c"), ==, "d");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (nested, "empty")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (nested, "list")), ==, 0);

  /* Vietnamese, decomposed: offsets count the marks. */
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "d2-nfd");
  g_assert_cmpstr (gloss_document_get_text (document), ==,
                   "Vie\u0323\u0302t Nam: ngoa\u0323i giao \u0111a phu\u031bo\u031bng.");
  g_assert_cmpuint (gloss_document_get_length (document), ==, 36);
  assert_span (document, "a", 0, 10, "task", "Vie\u0323\u0302t Nam");
  assert_span (document, "b", 12, 23, "pillar", "ngoa\u0323i giao");

  /* Emoji: a ZWJ family is 5 code points, a flag 2. */
  document = gloss_corpus_get_document (corpus, 2);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "d3-emoji");
  g_assert_true (gloss_document_get_done (document));
  g_assert_cmpuint (gloss_document_get_length (document), ==, 44);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, G_N_ELEMENTS (emoji_ids));
  for (guint i = 0; i < G_N_ELEMENTS (emoji_ids) && i < gloss_document_get_n_spans (document); i++)
    g_assert_cmpstr (gloss_span_get_id (gloss_document_get_span (document, i)), ==, emoji_ids[i]);
  assert_span (document, "family", 9, 14, "emoji-seq", "👩\u200d👩\u200d👧");
  assert_span (document, "wave", 20, 22, "emoji-seq", "👋🏽");
  assert_span (document, "vn", 30, 32, "emoji-seq", "🇻🇳");
  assert_span (document, "fr", 32, 34, "emoji-seq", "🇫🇷");
  assert_span (document, "flags", 30, 34, "emoji-seq", "🇻🇳🇫🇷");
  assert_span (document, "cafe", 38, 43, "task", "cafe\u0301");

  /* Arabic. */
  document = gloss_corpus_get_document (corpus, 3);
  g_assert_cmpstr (gloss_document_get_lang (document), ==, "ar");
  assert_span (document, "s1", 0, 11, "pillar", "الدبلوماسية");
  assert_span (document, "s2", 28, 36, "task", "الشراكات");
  span = span_by_id (document, "s2");
  if (span != NULL)
    g_assert_cmpstr (gloss_span_get_note (span), ==, "الشراكات = partnerships");

  /* Nothing but an id and an empty text. */
  document = gloss_corpus_get_document (corpus, 4);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "d5-empty");
  g_assert_cmpstr (gloss_document_get_text (document), ==, "");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
}

/* The model read from a hand-written file, and read back after a save. */
static void
test_roundtrip_model (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("roundtrip.gloss.json");
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (corpus == NULL)
    return;

  g_assert_false (gloss_corpus_get_dirty (corpus));
  check_roundtrip_model (corpus);

  saved = gloss_corpus_save_to_bytes (corpus);
  g_assert_true (g_utf8_validate (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), NULL));
  reloaded = gloss_corpus_load_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  if (reloaded != NULL)
    check_roundtrip_model (reloaded);
}

/* load → save → load → save gives the same bytes twice, and those are the
 * canonical form of the file. */
static void
test_roundtrip_stable (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("roundtrip.gloss.json");
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) canonical = NULL;
  g_autoptr(GError) error = NULL;

  if (corpus == NULL)
    return;

  first = gloss_corpus_save_to_bytes (corpus);
  reloaded = gloss_corpus_load_bytes (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  if (reloaded == NULL)
    return;

  second = gloss_corpus_save_to_bytes (reloaded);
  assert_bytes_equal (second, first);

  canonical = data_bytes ("valid", "canonical.gloss.json");
  assert_bytes_equal (first, canonical);
}

/* The golden file is exactly what the saver writes. */
static void
test_roundtrip_canonical (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");
  g_autoptr(GBytes) expected = data_bytes ("valid", "canonical.gloss.json");
  g_autoptr(GBytes) saved = NULL;

  if (corpus == NULL)
    return;

  saved = gloss_corpus_save_to_bytes (corpus);
  assert_bytes_equal (saved, expected);

  /* Saving does not change the corpus. */
  g_assert_false (gloss_corpus_get_dirty (corpus));
}

/* Same corpus, same bytes: two saves of one corpus, and of two loads. */
static void
test_roundtrip_deterministic (void)
{
  g_autoptr(GlossCorpus) a = load_valid ("roundtrip.gloss.json");
  g_autoptr(GlossCorpus) b = load_valid ("roundtrip.gloss.json");
  g_autoptr(GBytes) a1 = NULL;
  g_autoptr(GBytes) a2 = NULL;
  g_autoptr(GBytes) b1 = NULL;

  if (a == NULL || b == NULL)
    return;

  a1 = gloss_corpus_save_to_bytes (a);
  a2 = gloss_corpus_save_to_bytes (a);
  b1 = gloss_corpus_save_to_bytes (b);
  assert_bytes_equal (a2, a1);
  assert_bytes_equal (b1, a1);
}

/* The span lines of the output, in sorted order, each with its text. */
static void
test_roundtrip_spans_sorted (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("roundtrip.gloss.json");
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  const char *lines[] = {
    "{ \"id\": \"s1\", \"start\": 0, \"end\": 10, \"label\": \"pillar\", \"text\": \"Ngoại giao\",",
    "{ \"id\": \"s5\", \"start\": 0, \"end\": 10, \"label\": \"task\", \"text\": \"Ngoại giao\",",
    "{ \"id\": \"s2\", \"start\": 11, \"end\": 19, \"label\": \"pillar\", \"text\": \"Việt Nam\",",
    "{ \"id\": \"s3\", \"start\": 20, \"end\": 43,",
    "{ \"id\": \"s4\", \"start\": 45, \"end\": 67,",
    "{ \"id\": \"family\", \"start\": 9, \"end\": 14, \"label\": \"emoji-seq\", \"text\": \"👩\u200d👩\u200d👧\",",
    "{ \"id\": \"wave\", \"start\": 20, \"end\": 22, \"label\": \"emoji-seq\", \"text\": \"👋🏽\",",
    "{ \"id\": \"vn\", \"start\": 30, \"end\": 32, \"label\": \"emoji-seq\", \"text\": \"🇻🇳\",",
    "{ \"id\": \"flags\", \"start\": 30, \"end\": 34, \"label\": \"emoji-seq\", \"text\": \"🇻🇳🇫🇷\",",
    "{ \"id\": \"fr\", \"start\": 32, \"end\": 34, \"label\": \"emoji-seq\", \"text\": \"🇫🇷\",",
    "{ \"id\": \"cafe\", \"start\": 38, \"end\": 43, \"label\": \"task\", \"text\": \"cafe\u0301\",",
  };
  const char *from;

  if (corpus == NULL)
    return;

  saved = gloss_corpus_save_to_bytes (corpus);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

  from = text;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      const char *found = strstr (from, lines[i]);

      if (found == NULL)
        g_test_message ("not found (in this order): %s", lines[i]);
      g_assert_nonnull (found);
      if (found == NULL)
        return;
      from = found + strlen (lines[i]);
    }

  /* Control characters are escaped, nothing else is. */
  assert_contains (text, "\"note\": \"Line 1\\nLine 2\\tTabbed \\\"quoted\\\" back\\\\slash \\u0001 \\u001f \\b \\f \\r end\"");
  assert_contains (text, "\"description\": \"A pillar of policy, such as \\\"party diplomacy\\\" — see /guide/pillars.\"");
  assert_contains (text, "\"huge\": 1e+300");
  assert_contains (text, "\"score\": 0.1,");
  assert_contains (text, "\"sum\": 0.30000000000000004,");
  assert_contains (text, "\"one\": 1.0,");
}

/* A corpus built in code: every control character survives, and offsets
 * written are code points. */
static void
test_roundtrip_built (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  g_autoptr(GlossLabel) label = gloss_label_new ("emoji", "Emoji", "#9141ac", "e", NULL);
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) family = NULL;
  g_autoptr(GlossSpan) flag = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new ("\"\\/");
  g_autofree char *text = NULL;
  GlossDocument *loaded;

  for (char c = 1; c < 0x20; c++)
    g_string_append_c (note, c);
  g_string_append (note, "\x7f end");

  g_assert_true (gloss_schema_add (schema, label, &error));
  g_assert_no_error (error);
  corpus = gloss_corpus_new_with_schema (schema);

  document = gloss_document_new ("family", "👩‍👩‍👧", "👩\u200d👩\u200d👧 🇻🇳");
  g_assert_cmpuint (gloss_document_get_length (document), ==, 8);
  family = gloss_span_new_full ("f", 0, 5, "emoji", note->str, "Lan", NULL);
  flag = gloss_span_new_full ("v", 6, 8, "emoji", NULL, NULL, NULL);
  g_assert_true (gloss_document_add_span (document, flag, &error));
  g_assert_true (gloss_document_add_span (document, family, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_corpus_add_document (corpus, document, &error));
  g_assert_no_error (error);

  saved = gloss_corpus_save_to_bytes (corpus);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  assert_contains (text, "{ \"id\": \"f\", \"start\": 0, \"end\": 5, \"label\": \"emoji\", \"text\": \"👩\u200d👩\u200d👧\",");
  assert_contains (text, "{ \"id\": \"v\", \"start\": 6, \"end\": 8, \"label\": \"emoji\", \"text\": \"🇻🇳\",");
  assert_contains (text, "\\u0001\\u0002");
  assert_contains (text, "\\u001e\\u001f\x7f end");

  reloaded = gloss_corpus_load_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  if (reloaded == NULL)
    return;

  loaded = gloss_corpus_lookup_document (reloaded, "family");
  g_assert_nonnull (loaded);
  if (loaded == NULL)
    return;
  g_assert_cmpstr (gloss_document_get_text (loaded), ==, gloss_document_get_text (document));
  g_assert_cmpstr (gloss_document_get_title (loaded), ==, "👩‍👩‍👧");
  assert_span (loaded, "f", 0, 5, "emoji", "👩\u200d👩\u200d👧");
  assert_span (loaded, "v", 6, 8, "emoji", "🇻🇳");
  if (gloss_document_lookup_span (loaded, "f") != NULL)
    g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (loaded, "f")), ==, note->str);

  saved_again = gloss_corpus_save_to_bytes (reloaded);
  assert_bytes_equal (saved_again, saved);
}

static void
test_roundtrip_empty (void)
{
  static const char expected[] =
    "{\n"
    "  \"format\": \"gloss-corpus\",\n"
    "  \"version\": 1,\n"
    "  \"offset_unit\": \"codepoint\",\n"
    "  \"schema\": {\n"
    "    \"labels\": []\n"
    "  },\n"
    "  \"documents\": []\n"
    "}\n";
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new_with_schema (schema);
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GBytes) saved = gloss_corpus_save_to_bytes (corpus);
  g_autoptr(GBytes) expected_bytes = g_bytes_new_static (expected, strlen (expected));
  g_autoptr(GError) error = NULL;

  assert_bytes_equal (saved, expected_bytes);

  reloaded = gloss_corpus_load_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  if (reloaded == NULL)
    return;
  g_assert_cmpuint (gloss_corpus_get_n_documents (reloaded), ==, 0);
  g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (reloaded)), ==, 0);
}

/* save_file */

static void
test_save_file_atomic (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "corpus.gloss.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) backup_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_entries = 0;

  if (corpus == NULL)
    {
      remove_tree (dir);
      return;
    }

  touch_corpus (corpus, "First title");
  first = gloss_corpus_save_to_bytes (corpus);

  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), file));
  g_assert_false (gloss_corpus_get_dirty (corpus));
  on_disk = read_path (path);
  assert_bytes_equal (on_disk, first);
  /* Nothing to back up the first time. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Overwriting keeps the previous version as FILE~. */
  touch_corpus (corpus, "Second title");
  second = gloss_corpus_save_to_bytes (corpus);
  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = read_path (path);
  assert_bytes_equal (on_disk, second);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  if (g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      backup_bytes = read_path (backup);
      assert_bytes_equal (backup_bytes, first);
    }

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_test_message ("in the folder: %s", name);
      g_assert_true (g_str_equal (name, "corpus.gloss.json") || g_str_equal (name, "corpus.gloss.json~"));
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, 2);

  remove_tree (dir);
}

static void
test_save_file_missing_dir (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");
  g_autoptr(GFile) original = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "corpus.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (corpus == NULL)
    {
      remove_tree (dir);
      return;
    }

  original = g_object_ref (gloss_corpus_get_file (corpus));
  touch_corpus (corpus, "Unsaved");

  g_assert_false (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), original));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_save_file_read_only_dir (void)
{
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores file permissions");
      return;
    }

  corpus = load_valid ("canonical.gloss.json");
  if (corpus == NULL)
    return;

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "corpus.gloss.json", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);
  before = read_path (path);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  touch_corpus (corpus, "Cannot be saved");

  g_assert_false (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_nonnull (error);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == G_IO_ERROR);
    }
  g_assert_true (gloss_corpus_get_dirty (corpus));

  /* The file on disk is the previous version, whole. */
  after = read_path (path);
  assert_bytes_equal (after, before);

  remove_tree (dir);
}

/* Async */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AsyncData;

static void
async_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;

  g_assert_null (data->result);
  data->result = g_object_ref (result);
  g_main_loop_quit (data->loop);
}

static void
async_data_clear (AsyncData *data)
{
  g_clear_pointer (&data->loop, g_main_loop_unref);
  g_clear_object (&data->result);
}

static void
test_async_load (void)
{
  g_autoptr(GFile) file = data_file ("valid", "canonical.gloss.json");
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL };

  gloss_corpus_load_async (file, G_PRIORITY_DEFAULT, NULL, async_ready_cb, &data);
  g_assert_null (data.result);
  g_main_loop_run (data.loop);

  corpus = gloss_corpus_load_finish (data.result, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  g_assert_nonnull (problems);
  if (problems != NULL)
    g_assert_cmpuint (problems->len, ==, 0);
  if (corpus != NULL)
    {
      g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), file));
      g_assert_false (gloss_corpus_get_dirty (corpus));
      g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 5);
    }

  async_data_clear (&data);
}

static void
test_async_load_failure (void)
{
  g_autoptr(GFile) file = data_file ("malformed", "span-text-mismatch.json");
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL };

  gloss_corpus_load_async (file, G_PRIORITY_DEFAULT, NULL, async_ready_cb, &data);
  g_main_loop_run (data.loop);

  corpus = gloss_corpus_load_finish (data.result, &problems, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_TEXT_MISMATCH);
  g_assert_nonnull (problems);
  if (problems != NULL)
    {
      g_assert_cmpuint (problems->len, ==, 1);
      assert_problem (problems, 0, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_TEXT_MISMATCH,
                      "documents[0].spans[1].text");
    }

  async_data_clear (&data);
}

static void
test_async_load_missing (void)
{
  g_autoptr(GFile) file = data_file ("malformed", "no-such-file.json");
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL };

  gloss_corpus_load_async (file, G_PRIORITY_DEFAULT, NULL, async_ready_cb, &data);
  g_main_loop_run (data.loop);

  corpus = gloss_corpus_load_finish (data.result, &problems, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  async_data_clear (&data);
}

static void
test_async_save (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL };

  if (corpus == NULL)
    goto out;

  touch_corpus (corpus, "Saved in a thread");
  expected = gloss_corpus_save_to_bytes (corpus);

  gloss_corpus_save_async (corpus, file, G_PRIORITY_DEFAULT, NULL, async_ready_cb, &data);
  g_main_loop_run (data.loop);

  g_assert_true (gloss_corpus_save_finish (corpus, data.result, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), file));
  on_disk = read_path (path);
  assert_bytes_equal (on_disk, expected);

out:
  async_data_clear (&data);
  remove_tree (dir);
}

/* A change made while the bytes are being written stays unsaved. */
static void
test_async_save_changed_meanwhile (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL };

  if (corpus == NULL)
    goto out;

  touch_corpus (corpus, "Saved in a thread");
  expected = gloss_corpus_save_to_bytes (corpus);

  gloss_corpus_save_async (corpus, file, G_PRIORITY_DEFAULT, NULL, async_ready_cb, &data);
  touch_corpus (corpus, "Changed while saving");
  g_main_loop_run (data.loop);

  g_assert_true (gloss_corpus_save_finish (corpus, data.result, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_corpus_get_dirty (corpus));
  on_disk = read_path (path);
  assert_bytes_equal (on_disk, expected);

out:
  async_data_clear (&data);
  remove_tree (dir);
}

static void
test_async_save_failure (void)
{
  g_autoptr(GlossCorpus) corpus = load_valid ("canonical.gloss.json");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "async.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL };

  if (corpus == NULL)
    goto out;

  touch_corpus (corpus, "Never saved");
  gloss_corpus_save_async (corpus, file, G_PRIORITY_DEFAULT, NULL, async_ready_cb, &data);
  g_main_loop_run (data.loop);

  g_assert_false (gloss_corpus_save_finish (corpus, data.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_false (g_file_equal (gloss_corpus_get_file (corpus), file));

out:
  async_data_clear (&data);
  remove_tree (dir);
}

/* Robustness: files that are wrong in ways json-glib lets through */

#define HEADER "{\"format\": \"gloss-corpus\", \"version\": 1, \"schema\": {\"labels\": [{\"id\": \"p\"}]}, "

/* A span without an id is given one; it must not take the id of a span
 * further down the file. */
static void
test_robust_span_auto_id (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  GlossDocument *document;
  GlossSpan *first;

  corpus = load_string (HEADER "\"documents\": [{\"id\": \"d1\", \"text\": \"abcdef\", \"spans\": ["
                        "{\"start\": 0, \"end\": 1, \"label\": \"p\"},"
                        " {\"id\": \"s1\", \"start\": 2, \"end\": 3, \"label\": \"p\"}]}]}",
                        &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  if (corpus == NULL)
    return;

  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
  assert_span (document, "s1", 2, 3, "p", "c");
  first = gloss_document_get_span (document, 0);
  g_assert_cmpuint (gloss_span_get_start (first), ==, 0);
  g_assert_cmpstr (gloss_span_get_id (first), !=, "s1");
}

/* "\ud800" is valid JSON but no character: json-glib turns it into bytes
 * that are not UTF-8. The load must refuse it, not hand them to the model
 * (which criticals), so this runs in a subprocess. */
static void
test_robust_lone_surrogate_text (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossCorpus) corpus = NULL;

      corpus = load_string (HEADER "\"documents\": [{\"id\": \"d1\", \"text\": \"ab\\ud800cd\"}]}",
                            &problems, &error);
      g_assert_null (corpus);
      g_assert_nonnull (error);
      if (error != NULL)
        g_assert_true (error->domain == GLOSS_FORMAT_ERROR);
      if (problems != NULL && problems->len > 0)
        g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, ==, "documents[0].text");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A lone surrogate in a title must not end up in a saved file that cannot
 * be opened again. */
static void
test_robust_lone_surrogate_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;

  corpus = load_string (HEADER "\"documents\": [{\"id\": \"d1\", \"title\": \"a\\udc00b\", \"text\": \"x\"}]}",
                        NULL, &error);
  if (corpus == NULL)
    {
      /* Refusing the file is fine. */
      g_assert_nonnull (error);
      return;
    }

  saved = gloss_corpus_save_to_bytes (corpus);
  g_assert_true (g_utf8_validate (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), NULL));
  reloaded = gloss_corpus_load_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
}

/* "\u0000" cannot live in a C string: a text that has it must be refused,
 * not cut short without a word. */
static void
test_robust_nul_escape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = load_string (HEADER "\"documents\": [{\"id\": \"d1\", \"text\": \"ab\\u0000cd\"}]}",
                        NULL, &error);
  if (corpus != NULL)
    g_test_message ("loaded text: “%s”",
                    gloss_document_get_text (gloss_corpus_get_document (corpus, 0)));
  g_assert_null (corpus);
  g_assert_nonnull (error);
  if (error != NULL)
    {
      /* Found in the raw bytes, before json-glib cuts the string, so
       * the place is a line and column rather than a JSON path. */
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE);
      g_assert_true (g_str_has_prefix (error->message, "line "));
      g_assert_nonnull (strstr (error->message, "NUL"));
    }
}

/* A member given twice: json-glib keeps the last one. When it is "spans",
 * the first array's spans must not vanish without a word. */
static void
test_robust_duplicate_member (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = load_string (HEADER "\"documents\": [{\"id\": \"d1\", \"text\": \"abcdef\","
                        " \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 1, \"label\": \"p\"}],"
                        " \"spans\": [{\"id\": \"s2\", \"start\": 2, \"end\": 3, \"label\": \"p\"}]}]}",
                        &problems, &error);
  if (corpus != NULL)
    {
      /* Loaded: then with every span, or saying why not. */
      guint n_spans = gloss_document_get_n_spans (gloss_corpus_get_document (corpus, 0));

      g_test_message ("%u spans, %u problems", n_spans, problems->len);
      g_assert_true (n_spans == 2 || problems->len > 0);
    }
  else
    {
      g_assert_nonnull (error);
    }
}

/* Two JSON values one after the other are not a JSON file; loading only
 * the first would drop the rest at the next save. */
static void
test_robust_trailing_value (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;

  corpus = load_string (HEADER "\"documents\": []}\n"
                        HEADER "\"documents\": [{\"id\": \"d1\", \"text\": \"lost\"}]}\n",
                        NULL, &error);
  g_assert_null (corpus);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_INVALID_JSON);
}

#undef HEADER

/* main */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *name = g_strndup (malformed_cases[i].file,
                                         strlen (malformed_cases[i].file) - strlen (".json"));
      g_autofree char *path = g_strconcat ("/gloss/core/format/malformed/", name, NULL);

      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/gloss/core/format/malformed-distinct", test_malformed_distinct);
  g_test_add_func ("/gloss/core/format/malformed-no-problems", test_malformed_no_problems);
  g_test_add_func ("/gloss/core/format/missing-file", test_missing_file);

  g_test_add_func ("/gloss/core/format/problems/collected", test_problems_collected);
  g_test_add_func ("/gloss/core/format/problems/member-order", test_problems_member_order);
  g_test_add_func ("/gloss/core/format/problems/copy", test_problem_copy);

  g_test_add_func ("/gloss/core/format/warning/split-zwj", test_warning_split_zwj);
  g_test_add_func ("/gloss/core/format/warning/split-mark", test_warning_split_mark);
  g_test_add_func ("/gloss/core/format/warning/unknown-member", test_warning_unknown_member);
  g_test_add_func ("/gloss/core/format/warning/none-for-whole-clusters", test_no_warning_whole_clusters);

  g_test_add_func ("/gloss/core/format/roundtrip/model", test_roundtrip_model);
  g_test_add_func ("/gloss/core/format/roundtrip/stable", test_roundtrip_stable);
  g_test_add_func ("/gloss/core/format/roundtrip/canonical", test_roundtrip_canonical);
  g_test_add_func ("/gloss/core/format/roundtrip/deterministic", test_roundtrip_deterministic);
  g_test_add_func ("/gloss/core/format/roundtrip/spans-sorted", test_roundtrip_spans_sorted);
  g_test_add_func ("/gloss/core/format/roundtrip/built", test_roundtrip_built);
  g_test_add_func ("/gloss/core/format/roundtrip/empty", test_roundtrip_empty);

  g_test_add_func ("/gloss/core/format/save-file/atomic", test_save_file_atomic);
  g_test_add_func ("/gloss/core/format/save-file/missing-dir", test_save_file_missing_dir);
  g_test_add_func ("/gloss/core/format/save-file/read-only-dir", test_save_file_read_only_dir);

  g_test_add_func ("/gloss/core/format/async/load", test_async_load);
  g_test_add_func ("/gloss/core/format/async/load-failure", test_async_load_failure);
  g_test_add_func ("/gloss/core/format/async/load-missing", test_async_load_missing);
  g_test_add_func ("/gloss/core/format/async/save", test_async_save);
  g_test_add_func ("/gloss/core/format/async/save-changed-meanwhile", test_async_save_changed_meanwhile);
  g_test_add_func ("/gloss/core/format/async/save-failure", test_async_save_failure);

  g_test_add_func ("/gloss/core/format/robustness/span-auto-id", test_robust_span_auto_id);
  g_test_add_func ("/gloss/core/format/robustness/lone-surrogate-text", test_robust_lone_surrogate_text);
  g_test_add_func ("/gloss/core/format/robustness/lone-surrogate-title", test_robust_lone_surrogate_title);
  g_test_add_func ("/gloss/core/format/robustness/nul-escape", test_robust_nul_escape);
  g_test_add_func ("/gloss/core/format/robustness/duplicate-member", test_robust_duplicate_member);
  g_test_add_func ("/gloss/core/format/robustness/trailing-value", test_robust_trailing_value);

  return g_test_run ();
}
