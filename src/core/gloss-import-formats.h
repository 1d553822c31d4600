/* gloss-import-formats.h: what the importers of each format share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-importer.h"
#include "gloss-format.h"

G_BEGIN_DECLS

typedef struct _GlossImportContext GlossImportContext;

/* One importer a format. Each reads one input (a file, or for brat a
 * folder or a .ann/.txt pair), adds documents through the context and
 * fails with GLOSS_IMPORT_ERROR and a message starting "FILE:LINE: ".
 * The caller rolls the corpus back when any input fails. */
gboolean    _gloss_import_doccano                (GlossImportContext  *ctx,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
gboolean    _gloss_import_spacy                  (GlossImportContext  *ctx,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
gboolean    _gloss_import_brat                   (GlossImportContext  *ctx,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

GlossCorpus              *gloss_import_context_get_corpus    (GlossImportContext  *ctx);
const GlossImportOptions *gloss_import_context_get_options   (GlossImportContext  *ctx);
gboolean                  gloss_import_context_add_document  (GlossImportContext  *ctx,
                                                              GlossDocument       *document,
                                                              GError             **error);
const char               *gloss_import_context_ensure_label  (GlossImportContext  *ctx,
                                                              const char          *name,
                                                              const char          *place);
char                     *gloss_import_context_make_document_id (GlossImportContext *ctx,
                                                              const char          *hint);
void                      gloss_import_context_warn          (GlossImportContext  *ctx,
                                                              const char          *place,
                                                              const char          *format,
                                                              ...) G_GNUC_PRINTF (3, 4);
char                     *gloss_import_describe_place        (GFile               *file,
                                                              guint                line);

G_END_DECLS
