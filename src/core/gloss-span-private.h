/* gloss-span-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-span.h"

G_BEGIN_DECLS

/* A span's sort key (start, end, label) may only change while the document
 * holding it re-sorts it, and a note change must be announced by that
 * document, so these setters are for GlossDocument alone. */
void _gloss_span_set_id    (GlossSpan  *self,
                            const char *id);
void _gloss_span_set_label (GlossSpan  *self,
                            const char *label);
void _gloss_span_set_note  (GlossSpan  *self,
                            const char *note);

/* For GlossHistory, which signs a span on its way into a document. */
void _gloss_span_set_annotator (GlossSpan  *self,
                                const char *annotator);

/* gloss_span_new_full() taking the strings (a loader has just read them). */
GlossSpan *_gloss_span_new_take (char       *id,
                                 guint       start,
                                 guint       end,
                                 const char *label,
                                 char       *note,
                                 char       *annotator,
                                 char       *created);

G_END_DECLS
