/* format-test-util.h: what the core tests share
 *
 * Compiled into every core test program; most of it serves the tests of the
 * exchange formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss.h"

G_BEGIN_DECLS

/* Corpus */

GlossDocument *format_test_add_document      (GlossCorpus      *corpus,
                                              const char       *id,
                                              const char       *text);
void           format_test_add_spans         (GlossDocument    *document,
                                              const char       *spans,
                                              const char       *annotator);

/* Files */

GFile       *format_test_data_file           (const char       *name);
char        *format_test_read_data           (const char       *name,
                                              gsize            *length);
GlossCorpus *format_test_load_corpus         (const char       *name);

char        *format_test_make_tmp_dir        (void);
void         format_test_remove_tree         (const char       *path);
void         format_test_write_file          (const char       *dir,
                                              const char       *name,
                                              const char       *contents,
                                              gssize            length);
GFile       *format_test_write_tmp           (const char       *dir,
                                              const char       *name,
                                              const char       *contents);

/* Export */

char        *format_test_export_string       (GlossExporter    *exporter,
                                              GlossCorpus      *corpus,
                                              gsize            *length);
char        *format_test_export_file         (GlossExporter    *exporter,
                                              GlossCorpus      *corpus,
                                              const char       *name,
                                              gsize            *length);
char        *format_test_export_with_unit    (const char       *format,
                                              GlossCorpus      *corpus,
                                              GlossOffsetUnit   unit,
                                              GPtrArray       **problems);
JsonObject  *format_test_jsonl_find_line     (const char       *output,
                                              const char       *document_id,
                                              gboolean          id_in_meta);
void         format_test_assert_same_bytes   (const char       *actual,
                                              gsize             actual_length,
                                              const char       *expected,
                                              gsize             expected_length);

/* Import */

guint        format_test_import_file         (GlossCorpus      *corpus,
                                              const char       *format,
                                              GFile            *file,
                                              GlossOffsetUnit   unit,
                                              gboolean          unit_given,
                                              GPtrArray       **problems,
                                              GError          **error);
guint        format_test_count_problems      (GPtrArray        *problems,
                                              const char       *text);
void         format_test_assert_same_corpus  (GlossCorpus      *expected,
                                              GlossCorpus      *actual);

/* The tests doccano and spaCy JSONL share */

/* A malformed input: it fails with @code, its message starting with
 * "FILE:@line: " and holding @message, and leaves nothing behind. */
typedef struct
{
  const char      *contents;
  GlossOffsetUnit  unit;      /* as --offsets gives it; codepoint stands for none */
  guint            line;
  int              code;
  const char      *message;
} FormatTestMalformed;

typedef struct
{
  const char                *format;

  /* By unit, a line of "👩‍👩‍👧 family" (12 code points, 14 UTF-16 units,
   * 25 bytes) with the family (0–5 in code points, 0–8 in UTF-16 units,
   * 0–18 in bytes) and "family" (6–12) as spans, in that unit. */
  const char * const        *unit_lines;

  /* A line of "👩ab" that declares utf16 and has one span 2–3, of the
   * label "task": "a" in UTF-16 units, but "b" in code points. */
  const char                *declared_line;

  const FormatTestMalformed *malformed;
  guint                      n_malformed;
} FormatTestJsonl;

void         format_test_jsonl_add_tests     (const FormatTestJsonl *jsonl);

G_END_DECLS
