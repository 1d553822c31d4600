/* fuzz-util.c: what the fuzz targets share
 *
 * Each target feeds its input to one reader of outside data. Whatever is
 * read must then survive everything Gloss does with a corpus next: save it
 * natively and load it back (the same documents and spans must come back:
 * a difference is a bug, so it aborts), and export it to every format that
 * writes a stream.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-util.h"

static char *workdir;

static void
log_nothing (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
}

void
fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  if (workdir != NULL)
    return;

  /* Warnings about bad input are expected; criticals are not, and stay fatal. */
  g_log_set_handler ("Gloss", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                     log_nothing, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

  workdir = g_dir_make_tmp ("gloss-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
}

/* Writes @data to a file named @name in the target's own folder, which
 * lives as long as the process. */
GFile *
fuzz_write_file (const char   *name,
                 const guint8 *data,
                 gsize         size)
{
  g_autofree char *path = g_build_filename (workdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *)data, size, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
assert_same_corpus (GlossCorpus *a,
                    GlossCorpus *b)
{
  g_assert_cmpuint (gloss_corpus_get_n_documents (a), ==, gloss_corpus_get_n_documents (b));
  g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (a)), ==,
                    gloss_schema_get_n_labels (gloss_corpus_get_schema (b)));

  for (guint i = 0; i < gloss_corpus_get_n_documents (a); i++)
    {
      GlossDocument *da = gloss_corpus_get_document (a, i);
      GlossDocument *db = gloss_corpus_get_document (b, i);

      g_assert_cmpstr (gloss_document_get_id (da), ==, gloss_document_get_id (db));
      g_assert_cmpstr (gloss_document_get_text (da), ==, gloss_document_get_text (db));
      g_assert_cmpuint (gloss_document_get_n_spans (da), ==, gloss_document_get_n_spans (db));

      for (guint j = 0; j < gloss_document_get_n_spans (da); j++)
        {
          GlossSpan *sa = gloss_document_get_span (da, j);
          GlossSpan *sb = gloss_document_get_span (db, j);

          g_assert_cmpuint (gloss_span_get_start (sa), ==, gloss_span_get_start (sb));
          g_assert_cmpuint (gloss_span_get_end (sa), ==, gloss_span_get_end (sb));
          g_assert_cmpstr (gloss_span_get_label (sa), ==, gloss_span_get_label (sb));
        }
    }
}

void
fuzz_exercise_corpus (GlossCorpus *corpus)
{
  g_autoptr(GBytes) saved = gloss_corpus_save_to_bytes (corpus);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) reloaded = NULL;
  const char * const *formats = gloss_exporter_list_formats ();

  /* What Gloss writes, Gloss reads back whole. */
  reloaded = gloss_corpus_load_bytes (saved, &problems, &error);
  if (reloaded == NULL)
    g_error ("a saved corpus does not load: %s\n%.*s", error->message,
             (int)MIN (g_bytes_get_size (saved), 4096), (const char *)g_bytes_get_data (saved, NULL));
  assert_same_corpus (corpus, reloaded);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format (formats[i]);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) export_error = NULL;

      /* brat writes a folder, not a stream. */
      if (g_str_equal (formats[i], "brat"))
        continue;

      for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT; unit <= GLOSS_OFFSET_BYTE; unit++)
        {
          if (unit != GLOSS_OFFSET_CODEPOINT && !gloss_exporter_supports_offsets (exporter))
            break;
          gloss_exporter_set_offset_unit (exporter, unit);
          gloss_exporter_export_stream (exporter, corpus, out, NULL, &export_error);
          g_clear_error (&export_error);
        }
    }
}

/* Imports @file as @format into a new corpus, with the offset unit and
 * title source chosen by @options, and exercises what comes of it. */
void
fuzz_import (const char *format,
             GFile      *file,
             guint8      options)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportOptions import_options = {
    .offset_unit = options % 3,
    .title_source = (options >> 2) & 1 ? GLOSS_TITLE_FROM_FILE_NAME : GLOSS_TITLE_FROM_FIRST_LINE,
    .offset_unit_given = (options >> 3) & 1,
  };

  if (gloss_import_paths (corpus, format, &file, 1, &import_options, &problems, NULL, &error) > 0)
    fuzz_exercise_corpus (corpus);
}
