/* gloss-format.h
 *
 * The native corpus format, `*.gloss.json`: loading with full validation and
 * deterministic, atomic saving. Callers only see this small API so that how
 * the bytes are parsed and written can change without touching them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"

G_BEGIN_DECLS

#define GLOSS_FORMAT_ERROR (gloss_format_error_quark())
#define GLOSS_FORMAT_VERSION 1

typedef enum
{
  GLOSS_FORMAT_ERROR_INVALID_JSON,
  GLOSS_FORMAT_ERROR_INVALID_UTF8,
  GLOSS_FORMAT_ERROR_WRONG_TYPE,
  GLOSS_FORMAT_ERROR_MISSING_MEMBER,
  GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT,
  GLOSS_FORMAT_ERROR_UNSUPPORTED_VERSION,
  GLOSS_FORMAT_ERROR_UNSUPPORTED_OFFSET_UNIT,
  GLOSS_FORMAT_ERROR_INVALID_VALUE,
  GLOSS_FORMAT_ERROR_DUPLICATE_ID,
  GLOSS_FORMAT_ERROR_DUPLICATE_KEY,
  GLOSS_FORMAT_ERROR_UNKNOWN_LABEL,
  GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
  GLOSS_FORMAT_ERROR_TEXT_MISMATCH,
  GLOSS_FORMAT_ERROR_DUPLICATE_SPAN,
  GLOSS_FORMAT_ERROR_TOO_LARGE,
  GLOSS_FORMAT_ERROR_TOO_DEEP,
} GlossFormatError;

typedef enum
{
  GLOSS_SEVERITY_WARNING,
  GLOSS_SEVERITY_ERROR,
} GlossSeverity;

/**
 * GlossProblem:
 * @severity: whether the file can still be loaded
 * @code: a #GlossFormatError (for warnings too, to tell them apart)
 * @path: where: a JSON path such as `documents[3].spans[12].end`, or
 *   `line 4, column 7` where the JSON itself is broken
 * @message: what is wrong, for people
 */
typedef struct
{
  GlossSeverity  severity;
  int            code;
  char          *path;
  char          *message;
} GlossProblem;

#define GLOSS_TYPE_PROBLEM (gloss_problem_get_type())

GType         gloss_problem_get_type      (void) G_GNUC_CONST;
GlossProblem *gloss_problem_copy          (const GlossProblem  *self);
void          gloss_problem_free          (GlossProblem        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProblem, gloss_problem_free)

GQuark        gloss_format_error_quark    (void);

GlossCorpus  *gloss_corpus_load_bytes     (GBytes              *bytes,
                                           GPtrArray          **problems,
                                           GError             **error);
GlossCorpus  *gloss_corpus_load_file      (GFile               *file,
                                           GCancellable        *cancellable,
                                           GPtrArray          **problems,
                                           GError             **error);
void          gloss_corpus_load_async     (GFile               *file,
                                           int                  io_priority,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GlossCorpus  *gloss_corpus_load_finish    (GAsyncResult        *result,
                                           GPtrArray          **problems,
                                           GError             **error);

GBytes       *gloss_corpus_save_to_bytes  (GlossCorpus         *corpus);
gboolean      gloss_corpus_save_file      (GlossCorpus         *corpus,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GError             **error);
void          gloss_corpus_save_async     (GlossCorpus         *corpus,
                                           GFile               *file,
                                           int                  io_priority,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      gloss_corpus_save_finish    (GlossCorpus         *corpus,
                                           GAsyncResult        *result,
                                           GError             **error);
void          gloss_json_append_string    (GString             *out,
                                           const char          *str);
gboolean      gloss_write_file_atomically (GFile               *file,
                                           GBytes              *bytes,
                                           gboolean             make_backup,
                                           GCancellable        *cancellable,
                                           GError             **error);

G_END_DECLS
