/* fuzz-util.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss.h"

G_BEGIN_DECLS

void         fuzz_init              (void);
GFile       *fuzz_write_file        (const char   *name,
                                     const guint8 *data,
                                     gsize         size);
void         fuzz_exercise_corpus   (GlossCorpus  *corpus);
void         fuzz_import            (const char   *format,
                                     GFile        *file,
                                     guint8        options);

G_END_DECLS
