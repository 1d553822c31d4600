/* gloss-compare-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_COMPARE_BAR (gloss_compare_bar_get_type())

G_DECLARE_FINAL_TYPE (GlossCompareBar, gloss_compare_bar, GLOSS, COMPARE_BAR, GtkWidget)

GtkWidget         *gloss_compare_bar_new              (void);
GlossDocumentView *gloss_compare_bar_get_view         (GlossCompareBar    *self);
void               gloss_compare_bar_set_view         (GlossCompareBar    *self,
                                                       GlossDocumentView  *view);
GlossCorpus       *gloss_compare_bar_get_other        (GlossCompareBar    *self);
void               gloss_compare_bar_start            (GlossCompareBar    *self,
                                                       GlossCorpus        *corpus,
                                                       GlossCorpus        *other,
                                                       const char         *name);
void               gloss_compare_bar_stop             (GlossCompareBar    *self);
void               gloss_compare_bar_set_document     (GlossCompareBar    *self,
                                                       GlossDocument      *document);
guint              gloss_compare_bar_get_n_left       (GlossCompareBar    *self);
guint              gloss_compare_bar_get_n_found      (GlossCompareBar    *self);
GPtrArray         *gloss_compare_bar_get_disagreements (GlossCompareBar   *self);
GlossDocument     *gloss_compare_bar_find             (GlossCompareBar    *self,
                                                       gboolean            forward,
                                                       guint              *start);
void               gloss_compare_bar_select           (GlossCompareBar    *self,
                                                       guint               start);
gboolean           gloss_compare_bar_accept           (GlossCompareBar    *self,
                                                       gboolean            theirs,
                                                       GError            **error);
char              *gloss_compare_bar_describe_left    (guint               n_left,
                                                       guint               n_found);

G_END_DECLS
