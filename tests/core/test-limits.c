/* test-limits.c: huge and deeply nested input is refused or handled with
 * bounded memory, never an out-of-memory kill or a stack overflow
 *
 * Inputs are generated into a temporary folder. The size limit is lowered
 * through GLOSS_MAX_FILE_SIZE instead of writing hundreds of megabytes;
 * docs/reliability.md has the figures of the real 500 MB case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "format-test-util.h"

#define HEADER "{\"format\": \"gloss-corpus\", \"version\": 1, \"offset_unit\": \"codepoint\", " \
               "\"schema\": {\"labels\": [{\"id\": \"task\", \"name\": \"Task\", \"color\": \"#33d17a\", \"key\": \"2\"}]}, "

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = format_test_make_tmp_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unsetenv ("GLOSS_MAX_FILE_SIZE");
  format_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A corpus of one document whose meta holds @depth nested arrays, so that
 * the whole nests @depth + 4 deep. */
static char *
nested_corpus (guint depth)
{
  GString *out = g_string_new (HEADER "\"documents\": [{\"id\": \"d\", \"text\": \"Xin chào\", \"meta\": {\"x\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (out, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (out, ']');
  g_string_append (out, "}}]}\n");

  return g_string_free (out, FALSE);
}

static GlossCorpus *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return gloss_corpus_load_bytes (bytes, NULL, error);
}

static void
test_depth_native (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *deepest = nested_corpus (GLOSS_MAX_JSON_DEPTH - 4);
  g_autofree char *too_deep = nested_corpus (GLOSS_MAX_JSON_DEPTH - 3);
  g_autofree char *huge = nested_corpus (100000);

  /* Root, documents, the document and meta make four levels. */
  corpus = load_string (deepest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  g_clear_object (&corpus);

  corpus = load_string (too_deep, &error);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_TOO_DEEP);
  g_assert_null (corpus);
  g_assert_true (g_str_has_prefix (error->message, "line 1, column "));
  g_assert_nonnull (strstr (error->message, "nested more than 512 deep"));
  g_clear_error (&error);

  /* Without the check json-glib overflows the stack here. */
  corpus = load_string (huge, &error);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_TOO_DEEP);
  g_assert_null (corpus);
}

static void
test_depth_brackets_in_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GString) text = g_string_new (HEADER "\"documents\": [{\"id\": \"d\", \"text\": \"");

  /* Brackets in a string, and escaped quotes among them, are text. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, i % 100 == 0 ? "\\\"[" : "[");
  g_string_append (text, "\"}]}");

  corpus = load_string (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
}

static void
test_depth_jsonl (Fixture       *f,
                  gconstpointer  data)
{
  const char *format = data;
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GString) line = g_string_new ("{\"text\": \"abc\", \"label\": ");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (line, ']');
  g_string_append (line, "}\n");
  file = format_test_write_tmp (f->dir, "deep.jsonl", line->str);

  n = format_test_import_file (corpus, format, file, GLOSS_OFFSET_CODEPOINT, FALSE, NULL, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE);
  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (strstr (error->message, "deep.jsonl:1: column "));
  g_assert_nonnull (strstr (error->message, "nested more than 512 deep"));
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
}

static void
assert_too_large (const GError *error,
                  const char   *path)
{
  g_autofree char *limit = g_format_size (1000);

  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, limit));
}

static void
test_size_native (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER "\"documents\": [{\"id\": \"d\", \"text\": \"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "Tiếng ");
  g_string_append (text, "\"}]}\n");
  file = format_test_write_tmp (f->dir, "big.gloss.json", text->str);
  path = g_file_get_path (file);

  corpus = gloss_corpus_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&corpus);

  g_setenv ("GLOSS_MAX_FILE_SIZE", "1000", TRUE);
  g_assert_cmpuint (gloss_limits_get_max_file_size (), ==, 1000);
  corpus = gloss_corpus_load_file (file, NULL, NULL, &error);
  assert_too_large (error, path);
  g_assert_null (corpus);

  /* Nonsense leaves the default. */
  g_setenv ("GLOSS_MAX_FILE_SIZE", "lots", TRUE);
  g_assert_cmpuint (gloss_limits_get_max_file_size (), ==, GLOSS_DEFAULT_MAX_FILE_SIZE);
}

static void
test_size_import (Fixture       *f,
                  gconstpointer  data)
{
  const char *format = data;
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *name;

  if (g_str_equal (format, "text"))
    {
      name = "big.txt";
      for (guint i = 0; i < 300; i++)
        g_string_append (text, "مرحبا ");
    }
  else if (g_str_equal (format, "brat"))
    {
      name = "big.txt";
      for (guint i = 0; i < 300; i++)
        g_string_append (text, "Tiếng ");
    }
  else
    {
      name = "big.jsonl";
      for (guint i = 0; i < 100; i++)
        g_string_append (text, "{\"text\": \"Tiếng Việt\", \"label\": []}\n");
    }

  file = format_test_write_tmp (f->dir, name, text->str);
  path = g_file_get_path (file);
  /* brat is given the .ann; its text is what is too large. */
  if (g_str_equal (format, "brat"))
    {
      g_clear_object (&file);
      file = format_test_write_tmp (f->dir, "big.ann", "");
    }
  g_setenv ("GLOSS_MAX_FILE_SIZE", "1000", TRUE);

  g_assert_cmpuint (format_test_import_file (corpus, format, file, GLOSS_OFFSET_CODEPOINT, FALSE, NULL, &error),
                    ==, 0);
  assert_too_large (error, path);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
}

static void
test_size_gazetteer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "term %u\ttask\n", i);
  file = format_test_write_tmp (f->dir, "terms.tsv", text->str);
  path = g_file_get_path (file);
  g_setenv ("GLOSS_MAX_FILE_SIZE", "1000", TRUE);

  gazetteer = gloss_gazetteer_new_from_file (file, &error);
  assert_too_large (error, path);
  g_assert_null (gazetteer);
}

/* The largest resident set so far, in KiB. */
static long
max_rss (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return usage.ru_maxrss;
}

static gboolean
under_valgrind (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload != NULL && strstr (preload, "vgpreload") != NULL;
}

/* 1,000,000 spans take 8 s and 1.2 GB (docs/reliability.md); a fifth of
 * them shows the cost stays proportional. */
static void
test_many_spans (void)
{
  const guint n_spans = 200000;
  g_autoptr(GString) text = g_string_new (HEADER "\"documents\": [{\"id\": \"d\", \"text\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  guint text_length = n_spans / 2 + 10;
  long before;

  for (guint i = 0; i < text_length; i++)
    g_string_append_c (text, i % 5 == 4 ? ' ' : 'a' + i % 5);
  g_string_append (text, "\", \"spans\": [\n");
  for (guint i = 0; i < n_spans; i++)
    g_string_append_printf (text, "%s{\"id\": \"s%u\", \"start\": %u, \"end\": %u, \"label\": \"task\"}",
                            i > 0 ? ",\n" : "", i, i / 2, i / 2 + 1 + i % 2);
  g_string_append (text, "]}]}\n");
  bytes = g_bytes_new (text->str, text->len);

  before = max_rss ();
  corpus = gloss_corpus_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, n_spans);
  g_test_message ("%u spans from %" G_GSIZE_FORMAT " bytes: peak grew by %ld KiB",
                  n_spans, text->len, max_rss () - before);
  /* AddressSanitizer's red zones and quarantine, or valgrind's own
   * bookkeeping, would dwarf the bound. */
  if (!GLOSS_SANITIZED && !under_valgrind ())
    g_assert_cmpint (max_rss () - before, <, 25 * (long)text->len / 1024);
}

/* 8 MB on one line, a fraction of the 50 MB measured by hand. */
static void
test_long_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GString) text = g_string_sized_new (8 * 1000 * 1000);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  while (text->len < 8 * 1000 * 1000)
    g_string_append (text, "Tiếng Việt 👩‍👩‍👧 ");
  file = format_test_write_tmp (f->dir, "line.txt", text->str);

  g_assert_cmpuint (format_test_import_file (corpus, "text", file, GLOSS_OFFSET_CODEPOINT, FALSE, NULL, &error),
                    ==, 1);
  g_assert_no_error (error);
  document = gloss_corpus_get_document (corpus, 0);
  g_assert_cmpuint (strlen (gloss_document_get_text (document)), ==, text->len);
}

static void
test_longest_line (void)
{
  g_assert_cmpuint (gloss_limits_longest_line (""), ==, 0);
  g_assert_cmpuint (gloss_limits_longest_line ("\n\n"), ==, 0);
  /* Code points, not bytes: 10, then 1 (a family of 5 code points). */
  g_assert_cmpuint (gloss_limits_longest_line ("Tiếng Việt\nab\n👩‍👩‍👧"), ==, 10);
  g_assert_cmpuint (gloss_limits_longest_line ("ab\n👩‍👩‍👧 مرحبا"), ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/limits/depth/native", test_depth_native);
  g_test_add_func ("/gloss/core/limits/depth/brackets-in-strings", test_depth_brackets_in_strings);
  g_test_add ("/gloss/core/limits/depth/doccano", Fixture, "doccano",
              fixture_set_up, test_depth_jsonl, fixture_tear_down);
  g_test_add ("/gloss/core/limits/depth/spacy", Fixture, "spacy",
              fixture_set_up, test_depth_jsonl, fixture_tear_down);
  g_test_add ("/gloss/core/limits/size/native", Fixture, NULL,
              fixture_set_up, test_size_native, fixture_tear_down);
  g_test_add ("/gloss/core/limits/size/text", Fixture, "text",
              fixture_set_up, test_size_import, fixture_tear_down);
  g_test_add ("/gloss/core/limits/size/brat", Fixture, "brat",
              fixture_set_up, test_size_import, fixture_tear_down);
  g_test_add ("/gloss/core/limits/size/doccano", Fixture, "doccano",
              fixture_set_up, test_size_import, fixture_tear_down);
  g_test_add ("/gloss/core/limits/size/spacy", Fixture, "spacy",
              fixture_set_up, test_size_import, fixture_tear_down);
  g_test_add ("/gloss/core/limits/size/gazetteer", Fixture, NULL,
              fixture_set_up, test_size_gazetteer, fixture_tear_down);
  g_test_add_func ("/gloss/core/limits/many-spans", test_many_spans);
  g_test_add_func ("/gloss/core/limits/longest-line", test_longest_line);
  g_test_add ("/gloss/core/limits/long-line", Fixture, NULL,
              fixture_set_up, test_long_line, fixture_tear_down);

  return g_test_run ();
}
