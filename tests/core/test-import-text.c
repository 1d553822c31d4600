/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-import-text.c: plain-text import
 *
 * Assertions are made non-fatal in main(), so that one failing case is
 * reported and the others still run; each test returns early where going
 * on after a failed assertion would only crash.
 */

#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* Helpers */

static GFile *
text_file (const char *first,
           ...) G_GNUC_NULL_TERMINATED;

/* A file or folder under tests/data/text/. */
static GFile *
text_file (const char *first,
           ...)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "text", NULL);
  g_autoptr(GString) path = g_string_new (base);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
    }
  va_end (args);

  return g_file_new_for_path (path->str);
}

static GlossCorpus *
new_corpus (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();

  return gloss_corpus_new_with_schema (schema);
}

static GlossDocument *
import_string (GlossCorpus       *corpus,
               const char        *text,
               gssize             length,
               const char        *name,
               GlossTitleSource   title_source,
               GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length >= 0 ? (gsize)length : strlen (text));

  return gloss_import_text_bytes (corpus, bytes, name, title_source, error);
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

static void
assert_document (GlossCorpus   *corpus,
                 guint          position,
                 const char    *id,
                 const char    *title,
                 const char    *source)
{
  GlossDocument *document;

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), >, position);
  if (gloss_corpus_get_n_documents (corpus) <= position)
    return;

  document = gloss_corpus_get_document (corpus, position);
  g_assert_cmpstr (gloss_document_get_id (document), ==, id);
  g_assert_cmpstr (gloss_document_get_title (document), ==, title);
  g_assert_cmpstr (gloss_document_get_source (document), ==, source);
}

/* Offsets count code points of the normalised text: the length is the
 * number of characters, and every slice is what the text has there. */
static void
assert_offsets_consistent (GlossDocument *document)
{
  const char *text = gloss_document_get_text (document);
  guint length = gloss_document_get_length (document);
  const char *p = text;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (length, ==, g_utf8_strlen (text, -1));
  g_assert_cmpuint (gloss_document_get_text_bytes (document), ==, strlen (text));
  g_assert_null (strchr (text, '\r'));

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *slice = gloss_document_dup_slice (document, i, i + 1);

      g_assert_cmpuint (gloss_document_offset_to_byte (document, i), ==, p - text);
      g_assert_cmpint (g_utf8_get_char (slice), ==, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path;

  path = g_dir_make_tmp ("gloss-test-import-XXXXXX", &error);
  g_assert_no_error (error);

  return path;
}

/* Titles */

static void
test_title_first_line (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = import_string (corpus, "\n   \n\t Diplomacy drives partnerships  \nThe body.\n", -1,
                            "headline.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    return;

  /* The first non-blank line, without its surrounding space. */
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Diplomacy drives partnerships");
  g_assert_cmpstr (gloss_document_get_id (document), ==, "headline");
  g_assert_cmpstr (gloss_document_get_source (document), ==, "headline.txt");
  /* The text itself is kept whole. */
  g_assert_cmpstr (gloss_document_get_text (document), ==,
                   "\n   \n\t Diplomacy drives partnerships  \nThe body.\n");
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
  g_assert_true (gloss_corpus_get_document (corpus, 0) == document);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
}

static void
test_title_file_name (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = import_string (corpus, "Diplomacy drives partnerships\nThe body.\n", -1,
                            "headline.txt", GLOSS_TITLE_FROM_FILE_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    g_assert_cmpstr (gloss_document_get_title (document), ==, "headline");

  /* Without ".txt" only; other names stay whole; the id is plain ASCII. */
  document = import_string (corpus, "x", -1, "Ngoại giao 2025.txt", GLOSS_TITLE_FROM_FILE_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_title (document), ==, "Ngoại giao 2025");
      g_assert_cmpstr (gloss_document_get_id (document), ==, "ngoai-giao-2025");
    }

  document = import_string (corpus, "x", -1, "notes.md", GLOSS_TITLE_FROM_FILE_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    g_assert_cmpstr (gloss_document_get_title (document), ==, "notes.md");
}

/* A first line longer than 200 characters is no headline. Characters, not
 * bytes: 200 "ệ" (600 bytes) still are. */
static void
test_title_long_first_line (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *text = NULL;
  GlossDocument *document;

  for (guint i = 0; i < 200; i++)
    g_string_append (line, "ệ");

  text = g_strconcat (line->str, "\nBody.\n", NULL);
  document = import_string (corpus, text, -1, "exactly-200.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    g_assert_cmpstr (gloss_document_get_title (document), ==, line->str);

  g_string_append (line, "ệ");
  g_free (text);
  text = g_strconcat (line->str, "\nBody.\n", NULL);
  document = import_string (corpus, text, -1, "over-200.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    g_assert_cmpstr (gloss_document_get_title (document), ==, "over-200");
}

static void
test_title_long_first_line_file (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) file = text_file ("long-first-line.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_title (document), ==, "long-first-line");
      g_assert_cmpuint (gloss_document_get_length (document), ==, 201 + 1 + strlen ("Second line.\n"));
    }
}

/* Blank and empty texts fall back to the file name. */
static void
test_title_blank (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = import_string (corpus, " \n\t\n\r\n", -1, "blank.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_title (document), ==, "blank");
      g_assert_cmpstr (gloss_document_get_text (document), ==, " \n\t\n\n");
    }

  document = import_string (corpus, "", 0, "empty.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_title (document), ==, "empty");
      g_assert_cmpstr (gloss_document_get_text (document), ==, "");
      g_assert_cmpuint (gloss_document_get_length (document), ==, 0);
    }
}

static void
test_title_file (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) file = text_file ("headline.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    return;

  g_assert_cmpstr (gloss_document_get_title (document), ==, "Diplomacy drives partnerships");
  g_assert_cmpstr (gloss_document_get_id (document), ==, "headline");
  /* Only the file name: nothing of the machine it came from. */
  g_assert_cmpstr (gloss_document_get_source (document), ==, "headline.txt");
}

/* Line ends and byte-order mark */

static void
test_newlines_crlf (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  g_autofree char *slice = NULL;
  GlossDocument *document;

  document = import_string (corpus, "Tiêu đề\r\nDòng hai\r\n\r\nKết thúc\r\n", -1,
                            "crlf.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    return;

  g_assert_cmpstr (gloss_document_get_text (document), ==, "Tiêu đề\nDòng hai\n\nKết thúc\n");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Tiêu đề");
  g_assert_cmpuint (gloss_document_get_length (document), ==, 27);
  assert_offsets_consistent (document);

  /* One character per line end: "Dòng hai" is at 8–16, "Kết thúc" at 18–26. */
  slice = gloss_document_dup_slice (document, 8, 16);
  g_assert_cmpstr (slice, ==, "Dòng hai");
  g_free (slice);
  slice = gloss_document_dup_slice (document, 18, 26);
  g_assert_cmpstr (slice, ==, "Kết thúc");
}

static void
test_newlines_cr (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  /* Lone CR, CR CR, CR LF and LF CR, each a line end of its own kind. */
  document = import_string (corpus, "A\rB\r\rC\r\n\rD\n\rE\r", -1,
                            "cr.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    return;

  g_assert_cmpstr (gloss_document_get_text (document), ==, "A\nB\n\nC\n\nD\n\nE\n");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "A");
  assert_offsets_consistent (document);
}

static void
test_newlines_files (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) crlf = text_file ("crlf.txt", NULL);
  g_autoptr(GFile) cr = text_file ("cr.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = gloss_import_text_file (corpus, crlf, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_text (document), ==, "Tiêu đề\nDòng hai\n\nKết thúc\n");
      g_assert_cmpstr (gloss_document_get_title (document), ==, "Tiêu đề");
      assert_offsets_consistent (document);
    }

  document = gloss_import_text_file (corpus, cr, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_text (document), ==, "Title\nLine two\n\nEnd");
      g_assert_cmpstr (gloss_document_get_title (document), ==, "Title");
      assert_offsets_consistent (document);
    }
}

static void
test_normalize_newlines (void)
{
  const struct {
    const char *in;
    gsize       in_len;
    const char *out;
  } cases[] = {
    { "", 0, "" },
    { "\r", 1, "\n" },
    { "\r\n", 2, "\n" },
    { "\n\r", 2, "\n\n" },
    { "\r\r\n", 3, "\n\n" },
    { "a\r\nb\rc\nd", 8, "a\nb\nc\nd" },
    /* The BOM goes at the start only, and only whole */
    { "\xef\xbb\xbf", 3, "" },
    { "\xef\xbb\xbf\r\nx", 6, "\nx" },
    { "x\xef\xbb\xbf", 4, "x\xef\xbb\xbf" },
    { "\xef\xbb\xbf\xef\xbb\xbfx", 7, "\xef\xbb\xbfx" },
    /* n_bytes is honoured: what follows is not read */
    { "ab\r\ncd", 3, "ab\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      gsize out_len = G_MAXSIZE;

      out = gloss_text_normalize_newlines (cases[i].in, cases[i].in_len, &out_len);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpuint (out_len, ==, strlen (cases[i].out));
      g_free (out);

      /* The length is optional. */
      out = gloss_text_normalize_newlines (cases[i].in, cases[i].in_len, NULL);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_bom (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) file = text_file ("bom.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *slice = NULL;
  GlossDocument *document;

  document = import_string (corpus, "\xef\xbb\xbfTiêu đề\nNội dung.\n", -1,
                            "bom.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    return;

  g_assert_cmpstr (gloss_document_get_text (document), ==, "Tiêu đề\nNội dung.\n");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Tiêu đề");
  /* Offset 0 is the first letter, not the mark. */
  slice = gloss_document_dup_slice (document, 0, 4);
  g_assert_cmpstr (slice, ==, "Tiêu");
  assert_offsets_consistent (document);

  document = gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document != NULL)
    {
      g_assert_cmpstr (gloss_document_get_title (document), ==, "Tiêu đề có BOM");
      g_assert_true (g_str_has_prefix (gloss_document_get_text (document), "Tiêu"));
      assert_offsets_consistent (document);
    }
}

/* Invalid input */

static void
test_invalid_utf8 (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  /* "Tiêu đề\n" is 12 bytes, "bad " 4 more. */
  document = import_string (corpus, "Tiêu đề\nbad \xff byte\n", -1,
                            "bad.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "bad.txt: "));
      assert_contains (error->message, "byte offset 16");
      assert_contains (error->message, "line 2, column 5");
    }
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
}

static void
test_invalid_utf8_file (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) file = text_file ("invalid.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      assert_contains (error->message, "invalid.txt");
      assert_contains (error->message, "byte offset 16");
    }
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
}

static void
test_nul_byte (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) file = text_file ("nul.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      assert_contains (error->message, "nul.txt");
      assert_contains (error->message, "NUL");
      assert_contains (error->message, "byte offset 3");
    }
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) file = text_file ("no-such-file.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_import_text_paths (corpus, &file, 1, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
}

/* Folders */

/* The .txt files of a folder, in byte order of their names; not other
 * files, not sub-folders, not a folder named like a text file. */
static void
test_folder_sorted (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GFile) folder = text_file ("folder", NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  n = gloss_import_text_paths (corpus, &folder, 1, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 4);

  assert_document (corpus, 0, "10", "Ten", "10.txt");
  assert_document (corpus, 1, "2", "Two", "2.txt");
  assert_document (corpus, 2, "b", "Upper B", "B.txt");
  assert_document (corpus, 3, "a", "Lower a", "a.txt");
}

/* Files and folders together, in the order given. */
static void
test_paths_mixed (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  GFile *files[] = {
    text_file ("headline.txt", NULL),
    text_file ("folder", NULL),
    text_file ("crlf.txt", NULL),
  };
  g_autoptr(GError) error = NULL;
  guint n;

  n = gloss_import_text_paths (corpus, files, G_N_ELEMENTS (files), GLOSS_TITLE_FROM_FILE_NAME, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);

  assert_document (corpus, 0, "headline", "headline", "headline.txt");
  assert_document (corpus, 1, "10", "10", "10.txt");
  assert_document (corpus, 4, "a", "a", "a.txt");
  assert_document (corpus, 5, "crlf", "crlf", "crlf.txt");

  /* Nothing to import is no error. */
  g_assert_cmpuint (gloss_import_text_paths (corpus, NULL, 0, GLOSS_TITLE_FROM_FILE_NAME, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

static void
test_folder_empty (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) no_txt = text_file ("no-txt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gloss_import_text_paths (corpus, &folder, 1, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY_FOLDER);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      assert_contains (error->message, dir);
    }
  g_clear_error (&error);

  /* A folder with files, none of them .txt, is just as empty. */
  g_assert_cmpuint (gloss_import_text_paths (corpus, &no_txt, 1, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY_FOLDER);
  if (error != NULL)
    assert_contains (error->message, "no-txt");

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
  g_rmdir (dir);
}

/* A bad file after good ones: none of them stays. */
static void
test_failure_midway (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  GFile *files[] = {
    text_file ("folder", NULL),
    text_file ("bad-folder", NULL),
    text_file ("headline.txt", NULL),
  };
  g_autoptr(GError) error = NULL;
  GlossDocument *before;

  before = import_string (corpus, "Already here\n", -1, "before.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);

  g_assert_cmpuint (gloss_import_text_paths (corpus, files, G_N_ELEMENTS (files),
                                             GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      assert_contains (error->message, "b-bad.txt");
      assert_contains (error->message, "byte offset 4");
    }

  /* Only what was there before. */
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
  g_assert_true (gloss_corpus_get_document (corpus, 0) == before);
  g_assert_null (gloss_corpus_lookup_document (corpus, "10"));
  g_assert_null (gloss_corpus_lookup_document (corpus, "a-good"));

  /* The ids of the documents rolled back are free again. */
  g_clear_error (&error);
  g_assert_cmpuint (gloss_import_text_paths (corpus, files, 1, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 4);
  g_assert_no_error (error);
  assert_document (corpus, 1, "10", "Ten", "10.txt");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

/* "On an error @corpus is left as it was": its undo history and its
 * saved state too. */
static void
test_failure_keeps_corpus_state (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  g_autoptr(GlossSpan) span = gloss_span_new (0, 7, "pillar");
  GlossHistory *history = gloss_corpus_get_history (corpus);
  GFile *files[] = {
    text_file ("folder", NULL),
    text_file ("invalid.txt", NULL),
  };
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  document = import_string (corpus, "Already here\n", -1, "before.txt", GLOSS_TITLE_FROM_FIRST_LINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    goto out;

  g_assert_true (gloss_history_add_span (history, document, span, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_history_get_can_undo (history));
  /* As after a save. */
  gloss_corpus_set_dirty (corpus, FALSE);

  g_assert_cmpuint (gloss_import_text_paths (corpus, files, G_N_ELEMENTS (files),
                                             GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8);

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 1);
  g_assert_true (gloss_history_get_can_undo (history));
  g_assert_false (gloss_corpus_get_dirty (corpus));

out:
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

/* Two folders with a file of the same name: both imported, the second
 * with a unique id. */
static void
test_duplicate_stems (void)
{
  g_autoptr(GlossCorpus) corpus = new_corpus ();
  GFile *files[] = {
    text_file ("dup-a", NULL),
    text_file ("dup-b", NULL),
    text_file ("dup-a", "same.txt", NULL),
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gloss_import_text_paths (corpus, files, G_N_ELEMENTS (files),
                                             GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error), ==, 3);
  g_assert_no_error (error);

  assert_document (corpus, 0, "same", "Same name, first folder", "same.txt");
  assert_document (corpus, 1, "same-2", "Same name, second folder", "same.txt");
  assert_document (corpus, 2, "same-3", "Same name, first folder", "same.txt");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

/* The shared fixtures, read where they are */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static GFile *
fixtures_dir (void)
{
  const char *path = g_getenv ("GLOSS_SHARED_FIXTURES");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("GLOSS_SHARED_FIXTURES is not set or not a folder");
      return NULL;
    }

  return g_file_new_for_path (path);
}

static void
test_fixture_article (void)
{
  g_autoptr(GFile) dir = fixtures_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GlossDocument *document;

  if (dir == NULL)
    return;

  file = g_file_get_child (dir, "vna-diplomacy-80th.txt");
  if (!g_file_query_exists (file, NULL))
    {
      g_test_skip ("vna-diplomacy-80th.txt is not in the fixtures");
      return;
    }

  corpus = new_corpus ();
  document = gloss_import_text_file (corpus, file, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (document == NULL)
    return;

  g_assert_cmpstr (gloss_document_get_title (document), ==,
                   "Diplomacy drives Vietnam’s partnerships and reputation");
  g_assert_cmpstr (gloss_document_get_id (document), ==, "vna-diplomacy-80th");
  g_assert_cmpstr (gloss_document_get_source (document), ==, "vna-diplomacy-80th.txt");

  /* The text is the file's, one code point per character. */
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  if (contents != NULL)
    {
      g_autofree char *normalized = gloss_text_normalize_newlines (contents, length, NULL);

      g_assert_cmpstr (gloss_document_get_text (document), ==, normalized);
      g_assert_cmpuint (gloss_document_get_length (document), ==, g_utf8_strlen (normalized, -1));
      g_assert_cmpuint (gloss_document_get_length (document), <, gloss_document_get_text_bytes (document));
    }
  assert_offsets_consistent (document);
}

static void
test_fixture_folder (void)
{
  g_autoptr(GFile) dir = fixtures_dir ();
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n;

  if (dir == NULL)
    return;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  for (;;)
    {
      GFileInfo *info = NULL;

      if (enumerator == NULL || !g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (g_file_info_get_name (info), ".txt"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }
  g_assert_no_error (error);
  g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    {
      g_test_skip ("no .txt fixtures");
      return;
    }

  corpus = new_corpus ();
  n = gloss_import_text_paths (corpus, &dir, 1, GLOSS_TITLE_FROM_FIRST_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, names->len);

  for (guint i = 0; i < n && i < names->len; i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);

      g_assert_cmpstr (gloss_document_get_source (document), ==, g_ptr_array_index (names, i));
      assert_offsets_consistent (document);
    }
  g_assert_nonnull (gloss_corpus_lookup_document (corpus, "vna-diplomacy-80th"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/gloss/core/import-text/title/first-line", test_title_first_line);
  g_test_add_func ("/gloss/core/import-text/title/file-name", test_title_file_name);
  g_test_add_func ("/gloss/core/import-text/title/long-first-line", test_title_long_first_line);
  g_test_add_func ("/gloss/core/import-text/title/long-first-line-file", test_title_long_first_line_file);
  g_test_add_func ("/gloss/core/import-text/title/blank", test_title_blank);
  g_test_add_func ("/gloss/core/import-text/title/file", test_title_file);

  g_test_add_func ("/gloss/core/import-text/newlines/crlf", test_newlines_crlf);
  g_test_add_func ("/gloss/core/import-text/newlines/cr", test_newlines_cr);
  g_test_add_func ("/gloss/core/import-text/newlines/files", test_newlines_files);
  g_test_add_func ("/gloss/core/import-text/newlines/normalize", test_normalize_newlines);
  g_test_add_func ("/gloss/core/import-text/bom", test_bom);

  g_test_add_func ("/gloss/core/import-text/invalid/utf8", test_invalid_utf8);
  g_test_add_func ("/gloss/core/import-text/invalid/utf8-file", test_invalid_utf8_file);
  g_test_add_func ("/gloss/core/import-text/invalid/nul", test_nul_byte);
  g_test_add_func ("/gloss/core/import-text/invalid/missing-file", test_missing_file);

  g_test_add_func ("/gloss/core/import-text/paths/folder-sorted", test_folder_sorted);
  g_test_add_func ("/gloss/core/import-text/paths/mixed", test_paths_mixed);
  g_test_add_func ("/gloss/core/import-text/paths/empty-folder", test_folder_empty);
  g_test_add_func ("/gloss/core/import-text/paths/failure-midway", test_failure_midway);
  g_test_add_func ("/gloss/core/import-text/paths/failure-keeps-corpus-state", test_failure_keeps_corpus_state);
  g_test_add_func ("/gloss/core/import-text/paths/duplicate-stems", test_duplicate_stems);

  g_test_add_func ("/gloss/core/import-text/fixtures/article", test_fixture_article);
  g_test_add_func ("/gloss/core/import-text/fixtures/folder", test_fixture_folder);

  return g_test_run ();
}
