/* gloss-importer.h: importing exchange formats into a corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"
#include "gloss-import-text.h"
#include "gloss-offsets.h"

G_BEGIN_DECLS

/**
 * GlossImportOptions:
 * @offset_unit: the unit the input's offsets count (doccano, spaCy, brat)
 * @title_source: where plain-text documents take their titles from
 * @offset_unit_given: whether the user chose @offset_unit (`--offsets`),
 *   rather than it being the default: only then does it win over the unit
 *   a doccano or spaCy line declares in its `meta.offset_unit`
 */
typedef struct
{
  GlossOffsetUnit  offset_unit;
  GlossTitleSource title_source;
  gboolean         offset_unit_given;
} GlossImportOptions;

const char * const *gloss_import_list_formats (void);
const char         *gloss_import_guess_format (GFile                     *file,
                                               GCancellable              *cancellable,
                                               GError                   **error);
guint               gloss_import_paths        (GlossCorpus               *corpus,
                                               const char                *format,
                                               GFile                    **files,
                                               guint                      n_files,
                                               const GlossImportOptions  *options,
                                               GPtrArray                **problems,
                                               GCancellable              *cancellable,
                                               GError                   **error);

G_END_DECLS
