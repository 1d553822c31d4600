/* gloss-format-private.h: the native writer in pieces, for streaming it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

void _gloss_format_append_header   (GString       *out,
                                    GlossCorpus   *corpus);
void _gloss_format_append_document (GString       *out,
                                    GlossDocument *document,
                                    gboolean       first);
void _gloss_format_append_footer   (GString       *out,
                                    guint          n_documents);

G_END_DECLS
