/* gloss-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* While a loader fills a document that nothing can be watching yet, its
 * span changes are not announced (no items-changed, notify or changed
 * signal per span: most of the cost of adding one). */
void _gloss_document_set_quiet (GlossDocument *self,
                                gboolean       quiet);

G_END_DECLS
