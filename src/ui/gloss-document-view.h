/* gloss-document-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_VIEW (gloss_document_view_get_type())

/* The largest #GlossDocumentView:font-size, in points. */
#define GLOSS_DOCUMENT_VIEW_MAX_FONT_SIZE 72

G_DECLARE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GLOSS, DOCUMENT_VIEW, GtkTextView)

GtkWidget     *gloss_document_view_new              (void);
GlossCorpus   *gloss_document_view_get_corpus       (GlossDocumentView  *self);
GlossDocument *gloss_document_view_get_document     (GlossDocumentView  *self);
void           gloss_document_view_set_document     (GlossDocumentView  *self,
                                                     GlossCorpus        *corpus,
                                                     GlossDocument      *document);
const char    *gloss_document_view_get_annotator    (GlossDocumentView  *self);
void           gloss_document_view_set_annotator    (GlossDocumentView  *self,
                                                     const char         *annotator);
int            gloss_document_view_get_font_size    (GlossDocumentView  *self);
void           gloss_document_view_set_font_size    (GlossDocumentView  *self,
                                                     int                 points);
gboolean       gloss_document_view_get_selection    (GlossDocumentView  *self,
                                                     guint              *start,
                                                     guint              *end);
void           gloss_document_view_select_range     (GlossDocumentView  *self,
                                                     guint               start,
                                                     guint               end);
guint          gloss_document_view_get_cursor       (GlossDocumentView  *self);
void           gloss_document_view_reveal_span      (GlossDocumentView  *self,
                                                     GlossSpan          *span);
GlossSpan     *gloss_document_view_label_selection  (GlossDocumentView  *self,
                                                     const char         *label,
                                                     gboolean            snap,
                                                     GError            **error);
gboolean       gloss_document_view_delete_at_cursor (GlossDocumentView  *self);
gboolean       gloss_document_view_edit_at_cursor   (GlossDocumentView  *self);
gboolean       gloss_document_view_delete_span      (GlossDocumentView  *self,
                                                     GlossSpan          *span,
                                                     GError            **error);
gboolean       gloss_document_view_relabel_span     (GlossDocumentView  *self,
                                                     GlossSpan          *span,
                                                     const char         *label,
                                                     GError            **error);
gboolean       gloss_document_view_set_span_note    (GlossDocumentView  *self,
                                                     GlossSpan          *span,
                                                     const char         *note,
                                                     GError            **error);
GPtrArray     *gloss_document_view_get_spans_at_cursor (GlossDocumentView *self);
void           gloss_document_view_show_span_popover (GlossDocumentView *self,
                                                     GlossSpan          *span);
gboolean       gloss_document_view_handle_key       (GlossDocumentView  *self,
                                                     guint               keyval,
                                                     GdkModifierType     state);
char          *gloss_document_view_describe_spans   (GlossDocumentView  *self,
                                                     GPtrArray          *spans,
                                                     gboolean            markup);
void           gloss_document_view_set_matches      (GlossDocumentView  *self,
                                                     GArray             *matches);
guint          gloss_document_view_get_n_matches    (GlossDocumentView  *self);
void           gloss_document_view_set_current_match (GlossDocumentView *self,
                                                     guint               index);
guint          gloss_document_view_get_current_match (GlossDocumentView *self);
void           gloss_document_view_set_disagreements (GlossDocumentView *self,
                                                     GPtrArray          *disagreements,
                                                     guint               current);

G_END_DECLS
