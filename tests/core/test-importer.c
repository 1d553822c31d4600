/* test-importer.c: telling which format a file is in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "format-test-util.h"

static const char *
guess (const char *dir,
       const char *name,
       GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_import_guess_format (file, NULL, error);
}

static void
test_importer_guess_format (void)
{
  g_autofree char *dir = format_test_make_tmp_dir ();
  g_autofree char *brat = g_build_filename (dir, "brat", NULL);
  g_autofree char *texts = g_build_filename (dir, "texts", NULL);
  g_autoptr(GError) error = NULL;

  format_test_write_file (dir, "corpus.gloss.json", "{}", -1);
  format_test_write_file (dir, "BÀI VIẾT.TXT", "Hòa bình", -1);
  format_test_write_file (dir, "doc.ann", "T1\tLOC 0 3\tabc\n", -1);
  format_test_write_file (dir, "doccano.jsonl",
                          "{\"text\": \"spans and tokens\", \"label\": [[0, 5, \"X\"]]}\n", -1);
  format_test_write_file (dir, "entities.jsonl", "{\"text\": \"a\", \"entities\": []}\n", -1);
  format_test_write_file (dir, "spacy.jsonl",
                          "\n  \n{\"text\": \"a b\", \"spans\": [], \"tokens\": []}\n", -1);
  format_test_write_file (dir, "tokens-only.jsonl", "{\"text\": \"a\", \"tokens\": []}\n", -1);
  format_test_write_file (dir, "broken.jsonl", "{\"text\": \n", -1);
  format_test_write_file (dir, "empty.jsonl", "", -1);
  format_test_write_file (dir, "photo.png", "\x89PNG", -1);
  g_assert_cmpint (g_mkdir (brat, 0700), ==, 0);
  format_test_write_file (brat, "a.txt", "abc", -1);
  format_test_write_file (brat, "a.ann", "", -1);
  g_assert_cmpint (g_mkdir (texts, 0700), ==, 0);
  format_test_write_file (texts, "a.txt", "abc", -1);

  g_assert_cmpstr (guess (dir, "corpus.gloss.json", NULL), ==, "gloss");
  g_assert_cmpstr (guess (dir, "BÀI VIẾT.TXT", NULL), ==, "text");
  g_assert_cmpstr (guess (dir, "doc.ann", NULL), ==, "brat");
  g_assert_cmpstr (guess (dir, "doccano.jsonl", NULL), ==, "doccano");
  g_assert_cmpstr (guess (dir, "entities.jsonl", NULL), ==, "doccano");
  g_assert_cmpstr (guess (dir, "spacy.jsonl", NULL), ==, "spacy");
  g_assert_cmpstr (guess (dir, "tokens-only.jsonl", NULL), ==, "spacy");

  /* Left to doccano's reader, which says what is wrong and where. */
  g_assert_cmpstr (guess (dir, "broken.jsonl", NULL), ==, "doccano");
  g_assert_cmpstr (guess (dir, "empty.jsonl", NULL), ==, "doccano");

  g_assert_cmpstr (guess (dir, "brat", NULL), ==, "brat");
  g_assert_cmpstr (guess (dir, "texts", NULL), ==, "text");

  g_assert_null (guess (dir, "photo.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "“photo.png” is in no format Gloss imports");
  g_clear_error (&error);

  /* A .jsonl that is not there cannot be looked into. */
  g_assert_null (guess (dir, "missing.jsonl", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  format_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/importer/guess-format", test_importer_guess_format);

  return g_test_run ();
}
