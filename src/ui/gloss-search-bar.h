/* gloss-search-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document-view.h"

G_BEGIN_DECLS

/**
 * GlossSearchScope:
 * @GLOSS_SEARCH_SCOPE_DOCUMENT: the document shown
 * @GLOSS_SEARCH_SCOPE_CORPUS: every document of the corpus
 */
typedef enum
{
  GLOSS_SEARCH_SCOPE_DOCUMENT,
  GLOSS_SEARCH_SCOPE_CORPUS,
} GlossSearchScope;

#define GLOSS_TYPE_SEARCH_SCOPE (gloss_search_scope_get_type())
#define GLOSS_TYPE_SEARCH_BAR (gloss_search_bar_get_type())

GType gloss_search_scope_get_type (void);

G_DECLARE_FINAL_TYPE (GlossSearchBar, gloss_search_bar, GLOSS, SEARCH_BAR, GtkWidget)

GtkWidget         *gloss_search_bar_new                (void);
GlossDocumentView *gloss_search_bar_get_view           (GlossSearchBar    *self);
void               gloss_search_bar_set_view           (GlossSearchBar    *self,
                                                        GlossDocumentView *view);
gboolean           gloss_search_bar_get_search_mode    (GlossSearchBar    *self);
void               gloss_search_bar_set_search_mode    (GlossSearchBar    *self,
                                                        gboolean           search_mode);
void               gloss_search_bar_find               (GlossSearchBar    *self);
gboolean           gloss_search_bar_next               (GlossSearchBar    *self);
gboolean           gloss_search_bar_previous           (GlossSearchBar    *self);
guint              gloss_search_bar_label_all          (GlossSearchBar    *self,
                                                        guint             *n_skipped,
                                                        GError           **error);
GlossSearchScope   gloss_search_bar_get_scope          (GlossSearchBar    *self);
void               gloss_search_bar_set_scope          (GlossSearchBar    *self,
                                                        GlossSearchScope   scope);
const char        *gloss_search_bar_get_label          (GlossSearchBar    *self);
void               gloss_search_bar_set_label          (GlossSearchBar    *self,
                                                        const char        *label);
void               gloss_search_bar_set_can_label      (GlossSearchBar    *self,
                                                        gboolean           can_label);
const char        *gloss_search_bar_get_pattern        (GlossSearchBar    *self);
gboolean           gloss_search_bar_get_searching      (GlossSearchBar    *self);
guint              gloss_search_bar_get_n_matches      (GlossSearchBar    *self);
guint              gloss_search_bar_get_n_documents    (GlossSearchBar    *self);
guint              gloss_search_bar_get_position       (GlossSearchBar    *self);
const GError      *gloss_search_bar_get_error          (GlossSearchBar    *self);

char              *gloss_search_bar_describe_count     (GlossSearchScope   scope,
                                                        guint              position,
                                                        guint              n_matches,
                                                        guint              n_documents);
char              *gloss_search_bar_describe_labelled  (guint              n_added,
                                                        guint              n_skipped);

G_END_DECLS
