/* gloss-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-span.h"

G_BEGIN_DECLS

#define GLOSS_DOCUMENT_ERROR (gloss_document_error_quark())

typedef enum
{
  GLOSS_DOCUMENT_ERROR_INVALID_RANGE,
  GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN,
  GLOSS_DOCUMENT_ERROR_DUPLICATE_ID,
  GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN,
  GLOSS_DOCUMENT_ERROR_INVALID_LABEL,
} GlossDocumentError;

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GQuark         gloss_document_error_quark       (void);
GlossDocument *gloss_document_new               (const char     *id,
                                                 const char     *title,
                                                 const char     *text);
GlossDocument *gloss_document_copy              (GlossDocument  *self,
                                                 const char     *id);
const char    *gloss_document_get_id            (GlossDocument  *self);
const char    *gloss_document_get_title         (GlossDocument  *self);
void           gloss_document_set_title         (GlossDocument  *self,
                                                 const char     *title);
const char    *gloss_document_get_source        (GlossDocument  *self);
void           gloss_document_set_source        (GlossDocument  *self,
                                                 const char     *source);
const char    *gloss_document_get_lang          (GlossDocument  *self);
void           gloss_document_set_lang          (GlossDocument  *self,
                                                 const char     *lang);
gboolean       gloss_document_get_done          (GlossDocument  *self);
void           gloss_document_set_done          (GlossDocument  *self,
                                                 gboolean        done);
JsonObject    *gloss_document_get_meta          (GlossDocument  *self);
void           gloss_document_set_meta          (GlossDocument  *self,
                                                 JsonObject     *meta);
const char    *gloss_document_get_text          (GlossDocument  *self);
gsize          gloss_document_get_text_bytes    (GlossDocument  *self);
guint          gloss_document_get_length        (GlossDocument  *self);
gsize          gloss_document_offset_to_byte    (GlossDocument  *self,
                                                 guint           offset);
char          *gloss_document_dup_slice         (GlossDocument  *self,
                                                 guint           start,
                                                 guint           end);
gboolean       gloss_document_is_cluster_boundary (GlossDocument *self,
                                                 guint           offset);

guint          gloss_document_get_n_spans       (GlossDocument  *self);
GlossSpan     *gloss_document_get_span          (GlossDocument  *self,
                                                 guint           position);
gboolean       gloss_document_find_span_position (GlossDocument *self,
                                                 GlossSpan      *span,
                                                 guint          *position);
GlossSpan     *gloss_document_lookup_span       (GlossDocument  *self,
                                                 const char     *id);
GlossSpan     *gloss_document_find_span         (GlossDocument  *self,
                                                 guint           start,
                                                 guint           end,
                                                 const char     *label);
gboolean       gloss_document_add_span          (GlossDocument  *self,
                                                 GlossSpan      *span,
                                                 GError        **error);
gboolean       gloss_document_remove_span       (GlossDocument  *self,
                                                 GlossSpan      *span);
gboolean       gloss_document_relabel_span      (GlossDocument  *self,
                                                 GlossSpan      *span,
                                                 const char     *label,
                                                 GError        **error);
void           gloss_document_set_span_note     (GlossDocument  *self,
                                                 GlossSpan      *span,
                                                 const char     *note);
GPtrArray     *gloss_document_query_range       (GlossDocument  *self,
                                                 guint           start,
                                                 guint           end);
GPtrArray     *gloss_document_query_offset      (GlossDocument  *self,
                                                 guint           offset);

G_END_DECLS
