/* gloss-document-view.c: PLACEHOLDER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-document-view.h"

struct _GlossDocumentView
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GTK_TYPE_TEXT_VIEW)

static void
gloss_document_view_class_init (GlossDocumentViewClass *klass)
{
}

static void
gloss_document_view_init (GlossDocumentView *self)
{
}

GtkWidget *
gloss_document_view_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_VIEW, NULL);
}
