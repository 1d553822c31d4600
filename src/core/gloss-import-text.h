/* gloss-import-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"

G_BEGIN_DECLS

#define GLOSS_IMPORT_ERROR (gloss_import_error_quark())

typedef enum
{
  GLOSS_IMPORT_ERROR_INVALID_UTF8,
  GLOSS_IMPORT_ERROR_NOT_TEXT,
  GLOSS_IMPORT_ERROR_EMPTY_FOLDER,
  GLOSS_IMPORT_ERROR_PARSE,
  GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
  GLOSS_IMPORT_ERROR_UNKNOWN_FORMAT,
} GlossImportError;

/**
 * GlossTitleSource:
 * @GLOSS_TITLE_FROM_FIRST_LINE: the first non-blank line, when it is short
 *   enough to be a headline (at most 200 characters); the file name otherwise
 * @GLOSS_TITLE_FROM_FILE_NAME: the file name without `.txt`
 */
typedef enum
{
  GLOSS_TITLE_FROM_FIRST_LINE,
  GLOSS_TITLE_FROM_FILE_NAME,
} GlossTitleSource;

GQuark         gloss_import_error_quark    (void);
char          *gloss_text_normalize_newlines (const char      *text,
                                            gsize            n_bytes,
                                            gsize           *out_n_bytes);
GlossDocument *gloss_import_text_bytes     (GlossCorpus     *corpus,
                                            GBytes          *bytes,
                                            const char      *name,
                                            GlossTitleSource title_source,
                                            GError         **error);
GlossDocument *gloss_import_text_file      (GlossCorpus     *corpus,
                                            GFile           *file,
                                            GlossTitleSource title_source,
                                            GCancellable    *cancellable,
                                            GError         **error);
guint          gloss_import_text_paths     (GlossCorpus     *corpus,
                                            GFile          **files,
                                            guint            n_files,
                                            GlossTitleSource title_source,
                                            GCancellable    *cancellable,
                                            GError         **error);

G_END_DECLS
