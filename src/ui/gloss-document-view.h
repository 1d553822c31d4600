/* gloss-document-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_VIEW (gloss_document_view_get_type())

G_DECLARE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GLOSS, DOCUMENT_VIEW, GtkTextView)

GtkWidget     *gloss_document_view_new              (void);
GlossCorpus   *gloss_document_view_get_corpus       (GlossDocumentView  *self);
GlossDocument *gloss_document_view_get_document     (GlossDocumentView  *self);
void           gloss_document_view_set_document     (GlossDocumentView  *self,
                                                     GlossCorpus        *corpus,
                                                     GlossDocument      *document);
gboolean       gloss_document_view_get_selection    (GlossDocumentView  *self,
                                                     guint              *start,
                                                     guint              *end);
void           gloss_document_view_select_range     (GlossDocumentView  *self,
                                                     guint               start,
                                                     guint               end);
void           gloss_document_view_reveal_span      (GlossDocumentView  *self,
                                                     GlossSpan          *span);
GlossSpan     *gloss_document_view_label_selection  (GlossDocumentView  *self,
                                                     const char         *label,
                                                     gboolean            snap,
                                                     GError            **error);
gboolean       gloss_document_view_delete_at_cursor (GlossDocumentView  *self);

G_END_DECLS
