/* test-exporter.c: what every exporter shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "gloss.h"

/* An exporter that writes a line a document and fails on the second one,
 * to see what a failed export leaves behind. */
#define TEST_TYPE_FAILING_EXPORTER (test_failing_exporter_get_type())
G_DECLARE_FINAL_TYPE (TestFailingExporter, test_failing_exporter, TEST, FAILING_EXPORTER, GlossExporter)

struct _TestFailingExporter
{
  GlossExporter parent_instance;
  guint         n_documents;
};

G_DEFINE_FINAL_TYPE (TestFailingExporter, test_failing_exporter, GLOSS_TYPE_EXPORTER)

static gboolean
test_failing_exporter_write_document (GlossExporter  *exporter,
                                      GlossCorpus    *corpus,
                                      GlossDocument  *document,
                                      GOutputStream  *out,
                                      GCancellable   *cancellable,
                                      GError        **error)
{
  TestFailingExporter *self = TEST_FAILING_EXPORTER (exporter);
  g_autoptr(GString) line = g_string_new (gloss_document_get_id (document));

  if (++self->n_documents == 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full (simulated)");
      return FALSE;
    }

  gloss_exporter_report (exporter, document, NULL, "wrote %s", gloss_document_get_id (document));
  g_string_append_c (line, '\n');

  return gloss_exporter_write (out, line, cancellable, error);
}

static void
test_failing_exporter_class_init (TestFailingExporterClass *klass)
{
  GLOSS_EXPORTER_CLASS (klass)->write_document = test_failing_exporter_write_document;
}

static void
test_failing_exporter_init (TestFailingExporter *self)
{
}

static GlossCorpus *
make_corpus (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  const char *ids[] = { "first", "second", "third" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GlossDocument) document = gloss_document_new (ids[i], NULL, "Hòa bình và hợp tác 🕊️");
      g_autoptr(GlossSpan) span = gloss_span_new (0, 8, "principle");

      gloss_document_add_span (document, span, NULL);
      gloss_corpus_add_document (corpus, document, NULL);
    }

  return g_steal_pointer (&corpus);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-exporter-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static void
test_exporter_formats (void)
{
  const char * const *formats = gloss_exporter_list_formats ();
  static const char * const expected[] = { "doccano", "spacy", "conll", "brat", "webanno", "gloss", NULL };

  g_assert_cmpstrv (formats, expected);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format (formats[i]);

      g_assert_true (GLOSS_IS_EXPORTER (exporter));
      g_assert_cmpint (gloss_exporter_get_offset_unit (exporter), ==, GLOSS_OFFSET_CODEPOINT);
      g_assert_cmpuint (gloss_exporter_get_problems (exporter)->len, ==, 0);
    }

  g_assert_null (gloss_exporter_new_for_format ("docx"));
  g_assert_null (gloss_exporter_new_for_format (""));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_exporter_offset_unit_notify (void)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("doccano");
  guint count = 0;

  g_signal_connect (exporter, "notify::offset-unit", G_CALLBACK (count_notify_cb), &count);

  gloss_exporter_set_offset_unit (exporter, GLOSS_OFFSET_CODEPOINT);
  g_assert_cmpuint (count, ==, 0);
  gloss_exporter_set_offset_unit (exporter, GLOSS_OFFSET_UTF16);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (gloss_exporter_get_offset_unit (exporter), ==, GLOSS_OFFSET_UTF16);
  gloss_exporter_set_offset_unit (exporter, GLOSS_OFFSET_UTF16);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_exporter_native_streams_the_save (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossCorpus) empty = gloss_corpus_new ();
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("gloss");
  GlossCorpus *corpora[] = { corpus, empty };

  g_assert_false (gloss_exporter_supports_offsets (exporter));

  for (guint i = 0; i < G_N_ELEMENTS (corpora); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) saved = gloss_corpus_save_to_bytes (corpora[i]);
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (gloss_exporter_export_stream (exporter, corpora[i], out, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (out, NULL, NULL);
      exported = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

      g_assert_true (g_bytes_equal (saved, exported));
    }
}

static void
test_exporter_failure_keeps_target (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossExporter) exporter = g_object_new (TEST_TYPE_FAILING_EXPORTER, NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "the previous export\n", -1, NULL));

  g_assert_false (gloss_exporter_export_file (exporter, corpus, target, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  /* The old contents, and no temporary file left beside them. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous export\n");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* What was reported before the failure is still there to read. */
  g_assert_cmpuint (gloss_exporter_get_problems (exporter)->len, ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_exporter_failure_writes_nothing (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossExporter) exporter = g_object_new (TEST_TYPE_FAILING_EXPORTER, NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.txt", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_exporter_export_file (exporter, corpus, target, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  g_rmdir (dir);
}

static void
test_exporter_missing_folder (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("gloss");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "out.gloss.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_exporter_export_file (exporter, corpus, target, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_rmdir (dir);
}

static void
test_exporter_cancelled (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("gloss");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.gloss.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (gloss_exporter_export_file (exporter, corpus, target, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  g_rmdir (dir);
}

static void
test_exporter_report_places (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossExporter) exporter = g_object_new (TEST_TYPE_FAILING_EXPORTER, NULL);
  GlossDocument *document = gloss_corpus_get_document (corpus, 0);
  GlossSpan *span = gloss_document_get_span (document, 0);
  GPtrArray *problems = gloss_exporter_get_problems (exporter);
  GlossProblem *problem;

  gloss_exporter_report (exporter, document, span, "dropped: %u", 3u);
  gloss_exporter_report (exporter, document, NULL, "whole document");
  gloss_exporter_report (exporter, NULL, NULL, "summary");

  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, GLOSS_SEVERITY_WARNING);
  g_assert_cmpstr (problem->path, ==, "first/s1");
  g_assert_cmpstr (problem->message, ==, "dropped: 3");
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 1))->path, ==, "first");
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 2))->path, ==, "");

  /* A new export starts with a clean report. */
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

    gloss_exporter_export_stream (exporter, corpus, out, NULL, NULL);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->message, ==, "wrote first");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/exporter/formats", test_exporter_formats);
  g_test_add_func ("/gloss/core/exporter/offset-unit-notify", test_exporter_offset_unit_notify);
  g_test_add_func ("/gloss/core/exporter/native-streams-the-save", test_exporter_native_streams_the_save);
  g_test_add_func ("/gloss/core/exporter/failure-keeps-target", test_exporter_failure_keeps_target);
  g_test_add_func ("/gloss/core/exporter/failure-writes-nothing", test_exporter_failure_writes_nothing);
  g_test_add_func ("/gloss/core/exporter/missing-folder", test_exporter_missing_folder);
  g_test_add_func ("/gloss/core/exporter/cancelled", test_exporter_cancelled);
  g_test_add_func ("/gloss/core/exporter/report-places", test_exporter_report_places);

  return g_test_run ();
}
