/* test-format-stream.c: corpora read with yajl as json-glib reads them
 *
 * gloss_corpus_load_bytes() reads a corpus one document at a time with
 * yajl, and lets json-glib read what yajl cannot read the same way. Each
 * file here is loaded both ways: the same corpus (the same saved bytes),
 * the same problems with the same places and words, the same error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gloss.h"
#include "gloss-format-private.h"
#include "format-test-util.h"
#include "gloss-limits.h"

static void
assert_same_problems (GPtrArray *streamed,
                      GPtrArray *tree)
{
  g_assert_cmpuint (streamed->len, ==, tree->len);

  for (guint i = 0; i < tree->len; i++)
    {
      GlossProblem *a = g_ptr_array_index (streamed, i);
      GlossProblem *b = g_ptr_array_index (tree, i);

      g_assert_cmpint (a->severity, ==, b->severity);
      g_assert_cmpint (a->code, ==, b->code);
      g_assert_cmpstr (a->path, ==, b->path);
      g_assert_cmpstr (a->message, ==, b->message);
    }
}

static void
assert_loads_alike (const char *data,
                    gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize)length);
  g_autoptr(GlossCorpus) streamed = NULL;
  g_autoptr(GlossCorpus) tree = NULL;
  g_autoptr(GPtrArray) streamed_problems = NULL;
  g_autoptr(GPtrArray) tree_problems = NULL;
  g_autoptr(GError) streamed_error = NULL;
  g_autoptr(GError) tree_error = NULL;

  streamed = _gloss_corpus_load_bytes_streaming (bytes, TRUE, &streamed_problems, &streamed_error);
  tree = _gloss_corpus_load_bytes_streaming (bytes, FALSE, &tree_problems, &tree_error);

  assert_same_problems (streamed_problems, tree_problems);

  if (tree_error != NULL)
    {
      g_assert_null (streamed);
      g_assert_error (streamed_error, tree_error->domain, tree_error->code);
      g_assert_cmpstr (streamed_error->message, ==, tree_error->message);
    }
  else
    {
      g_autoptr(GBytes) streamed_saved = NULL;
      g_autoptr(GBytes) tree_saved = NULL;

      g_assert_no_error (streamed_error);
      g_assert_nonnull (streamed);
      g_assert_false (gloss_corpus_get_dirty (streamed));
      streamed_saved = gloss_corpus_save_to_bytes (streamed);
      tree_saved = gloss_corpus_save_to_bytes (tree);
      g_assert_true (g_bytes_equal (streamed_saved, tree_saved));
    }
}

/* Every corpus of the format tests, good and bad. */
static void
test_data_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  assert_loads_alike (contents, length);
}

#define HEADER "{ \"format\": \"gloss-corpus\", \"version\": 1, " \
               "\"schema\": { \"labels\": [ { \"id\": \"a\", \"key\": \"1\" } ] }"

static const char * const inline_cases[] = {
  /* The order Gloss writes, and others. */
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"Hà Nội 🕊️\", "
  "\"spans\": [ { \"start\": 0, \"end\": 2, \"label\": \"a\" } ] } ] }",
  "{ \"documents\": [ { \"id\": \"d\", \"text\": \"x\" } ], \"format\": \"gloss-corpus\", "
  "\"version\": 1, \"schema\": { \"labels\": [] } }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\" } ], \"extra\": 1 }",
  "{ \"extra\": true, \"format\": \"gloss-corpus\", \"version\": 1, \"schema\": { \"labels\": [], \"x\": 1 }, "
  "\"documents\": [ { \"id\": \"d\", \"text\": \"x\", \"odd\": [] } ] }",
  HEADER ", \"documents\": [] }",
  HEADER ", \"documents\": {} }",
  HEADER " }",
  /* Numbers as json-glib types them. */
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\", \"meta\": { \"a\": -0, \"b\": 1.0, "
  "\"c\": 1e3, \"d\": -12345678901234, \"e\": 9223372036854775807, \"f\": 0.1, \"g\": -0.0, "
  "\"h\": 2E-5, \"i\": [null, true, false, {}], \"j\": 99999999999999999999 } } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\", "
  "\"spans\": [ { \"start\": 0, \"end\": 1.0, \"label\": \"a\" } ] } ] }",
  /* Escapes: json-glib reads the ones yajl would read otherwise. */
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"\\ud83d\\ude00 \\u00e9 \\\"q\\\" \\\\ \\/ \\t\", "
  "\"spans\": [ { \"start\": 0, \"end\": 1, \"label\": \"a\", \"text\": \"\\ud83d\\ude00\" } ] } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"\\ud800 lone\" } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"title\": \"a\\udc00b\", \"text\": \"x\", "
  "\"spans\": [ { \"start\": 0, \"end\": 1, \"label\": \"a\", \"note\": \"\\uDFFF\" } ] } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"a\\u0000b\" } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"a\\\\u0000b\" } ] }",
  /* Broken JSON, and what json-glib takes that yajl does not. */
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\" }, ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\", \"text\": \"y\" } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\" } ] } { }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"x\" } ",
  "var corpus = " HEADER ", \"documents\": [] }",
  HEADER ", /* a comment */ \"documents\": [] }",
  "",
  "   \n",
  "[]",
  "\"corpus\"",
  /* Spans read as records, and everything a record cannot hold. */
  HEADER ", \"documents\": [ { \"spans\": [ { \"label\": \"a\", \"end\": 3, \"start\": 1, \"id\": \"\", "
  "\"text\": \"bc\", \"note\": \"n\", \"annotator\": \"\", \"created\": \"2026-01-01T00:00:00Z\" }, "
  "{ \"start\": 0, \"end\": 1, \"label\": \"a\", \"id\": \"s1\" } ], \"id\": \"d\", \"text\": \"abcd\" } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"abcd\", \"spans\": ["
  " { \"start\": 0, \"end\": 1, \"label\": \"a\", \"odd\": 1, \"text\": \"a\", \"odder\": [ { } ] },"
  " { \"odd\": null, \"start\": 1, \"end\": 2, \"label\": \"a\" },"
  " { \"start\": \"0\", \"end\": 1, \"label\": \"a\" },"
  " { \"start\": 0, \"end\": 1.0, \"label\": \"a\" },"
  " { \"start\": -1, \"end\": 1, \"label\": \"a\" },"
  " { \"start\": 0, \"end\": 4294967296, \"label\": \"a\" },"
  " { \"start\": 0, \"end\": 4294967295, \"label\": \"a\" },"
  " { \"start\": 0, \"end\": 1, \"label\": 7 },"
  " { \"start\": 0, \"end\": 1, \"label\": \"a\", \"note\": { \"x\": [] } },"
  " { \"start\": 0, \"end\": 1, \"label\": \"a\", \"text\": null, \"id\": true },"
  " { \"start\": 2, \"end\": 3 },"
  " { \"label\": \"zz\", \"start\": 2, \"end\": 3, \"text\": \"x\" },"
  " { \"start\": 2, \"end\": 3, \"label\": \"a\", \"text\": \"x\" },"
  " { \"start\": 3, \"end\": 2, \"label\": \"a\" },"
  " { \"start\": 0, \"end\": 1, \"label\": \"a\", \"id\": \"s\" },"
  " { \"start\": 1, \"end\": 2, \"label\": \"a\", \"id\": \"s\" },"
  " { \"start\": 0, \"end\": 1, \"label\": \"a\" },"
  " { }, [], 3, \"span\", null ] } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"ab\", \"spans\": ["
  " { \"start\": 0, \"end\": 1, \"label\": \"a\", \"start\": 1 } ] } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"ab\", \"spans\": { \"start\": 0 } } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"ab\", \"spans\": [], \"spans\": [] } ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"ab\", \"meta\": { \"spans\": [ { \"start\": 0 } ] }, "
  "\"spans\": [ [ { \"start\": 0, \"end\": 1, \"label\": \"a\" } ] ] },"
  " { \"id\": \"e\", \"text\": \"ab\" }, [ { \"spans\": [] } ] ] }",
  HEADER ", \"documents\": [ { \"id\": \"d\", \"text\": \"a\\u0301b\", \"spans\": ["
  " { \"start\": 1, \"end\": 3, \"label\": \"a\", \"text\": \"\\u0301b\" } ] } ] }",
  /* Problems in the header or the schema, before the documents. */
  "{ \"format\": \"gloss-corpus\", \"version\": 2, \"schema\": { \"labels\": [] }, "
  "\"documents\": [ { \"id\": 3 } ] }",
  "{ \"format\": \"gloss-corpus\", \"version\": 1, \"schema\": { \"labels\": [ { \"id\": \"bad id\" } ] }, "
  "\"documents\": [ { \"id\": \"\" , \"text\": \"x\" } ] }",
  "{ \"format\": \"gloss-corpus\", \"version\": 1, \"schema\": [], \"documents\": [] }",
};

static void
test_inline (gconstpointer data)
{
  assert_loads_alike (data, -1);
}

/* More problems than are kept, across documents: both stop at the same
 * place. */
static void
test_many_problems (void)
{
  g_autoptr(GString) json = g_string_new (HEADER ", \"documents\": [");

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (json, "%s { \"id\": \"d%u\", \"text\": \"abc\", \"spans\": ["
                            " { \"start\": 5, \"end\": 9, \"label\": \"a\" },"
                            " { \"start\": 0, \"end\": 1, \"label\": \"zz\" },"
                            " { \"start\": 2, \"end\": 1, \"label\": \"a\", \"odd\": 1 } ] }",
                            i > 0 ? "," : "", i % 30);
  g_string_append (json, " ] }");

  assert_loads_alike (json->str, json->len);
}

/* Nesting at the limit loads; one level more, or far more, is refused in
 * both ways with the same place, and never overflows the stack. */
static void
test_deep (void)
{
  /* The root, documents, the document and its meta are four levels. */
  const guint depths[] = { GLOSS_MAX_JSON_DEPTH - 4, GLOSS_MAX_JSON_DEPTH - 3, 100000 };

  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GlossCorpus) corpus = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) json = g_string_new (HEADER ", \"documents\": [ { \"id\": \"d\", "
                                              "\"text\": \"x\", \"meta\": { \"deep\": ");
      gsize prefix_length = json->len;

      for (guint i = 0; i < depths[d]; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < depths[d]; i++)
        g_string_append_c (json, ']');
      g_string_append (json, " } } ] }");

      assert_loads_alike (json->str, json->len);

      bytes = g_bytes_new (json->str, json->len);
      corpus = gloss_corpus_load_bytes (bytes, &problems, &error);
      if (d == 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (corpus);
        }
      else
        {
          GlossProblem *problem = g_ptr_array_index (problems, 0);
          /* The bracket one level too deep, counted from column 1. */
          g_autofree char *place = g_strdup_printf ("line 1, column %u",
                                                    (guint)prefix_length + depths[0] + 1);

          g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_TOO_DEEP);
          g_assert_null (corpus);
          g_assert_cmpstr (problem->path, ==, place);
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
add_data_dir (const char *name)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 3);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf ("/gloss/core/format-stream/%s/%s", name, file);

      g_test_add_data_func_full (path, g_build_filename (dir_path, file, NULL), test_data_file, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_data_dir ("valid");
  add_data_dir ("malformed");

  for (guint i = 0; i < G_N_ELEMENTS (inline_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/core/format-stream/inline/%u", i);

      g_test_add_data_func (path, inline_cases[i], test_inline);
    }
  g_test_add_func ("/gloss/core/format-stream/many-problems", test_many_problems);
  g_test_add_func ("/gloss/core/format-stream/deep", test_deep);

  return g_test_run ();
}
