/* gloss-corpus.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-document.h"
#include "gloss-schema.h"

G_BEGIN_DECLS

#define GLOSS_CORPUS_ERROR (gloss_corpus_error_quark())

typedef enum
{
  GLOSS_CORPUS_ERROR_DUPLICATE_DOCUMENT,
  GLOSS_CORPUS_ERROR_INVALID_ID,
  GLOSS_CORPUS_ERROR_UNKNOWN_LABEL,
  GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT,
} GlossCorpusError;

#define GLOSS_TYPE_CORPUS (gloss_corpus_get_type())

G_DECLARE_FINAL_TYPE (GlossCorpus, gloss_corpus, GLOSS, CORPUS, GObject)

typedef struct _GlossHistory GlossHistory;

GQuark         gloss_corpus_error_quark        (void);
GlossCorpus   *gloss_corpus_new                (void);
GlossCorpus   *gloss_corpus_new_with_schema    (GlossSchema    *schema);
GlossSchema   *gloss_corpus_get_schema         (GlossCorpus    *self);
GlossHistory  *gloss_corpus_get_history        (GlossCorpus    *self);
GFile         *gloss_corpus_get_file           (GlossCorpus    *self);
void           gloss_corpus_set_file           (GlossCorpus    *self,
                                                GFile          *file);
const char    *gloss_corpus_get_file_etag      (GlossCorpus    *self);
void           gloss_corpus_set_file_etag      (GlossCorpus    *self,
                                                const char     *etag);
gboolean       gloss_corpus_file_changed       (GlossCorpus    *self,
                                                GCancellable   *cancellable);
gboolean       gloss_corpus_get_dirty          (GlossCorpus    *self);
void           gloss_corpus_set_dirty          (GlossCorpus    *self,
                                                gboolean        dirty);
guint          gloss_corpus_get_n_documents    (GlossCorpus    *self);
GlossDocument *gloss_corpus_get_document       (GlossCorpus    *self,
                                                guint           position);
GlossDocument *gloss_corpus_lookup_document    (GlossCorpus    *self,
                                                const char     *id);
gboolean       gloss_corpus_find_document      (GlossCorpus    *self,
                                                GlossDocument  *document,
                                                guint          *position);
gboolean       gloss_corpus_add_document       (GlossCorpus    *self,
                                                GlossDocument  *document,
                                                GError        **error);
gboolean       gloss_corpus_remove_document    (GlossCorpus    *self,
                                                GlossDocument  *document);
char          *gloss_corpus_make_document_id   (GlossCorpus    *self,
                                                const char     *hint);
guint          gloss_corpus_count_spans        (GlossCorpus    *self);
guint          gloss_corpus_get_n_done         (GlossCorpus    *self);
guint          gloss_corpus_count_label_spans  (GlossCorpus    *self,
                                                const char     *label);
guint          gloss_corpus_take_documents     (GlossCorpus    *self,
                                                GlossCorpus    *from,
                                                GPtrArray      *renamed);
guint64        gloss_corpus_get_change_count   (GlossCorpus    *self);

gboolean       gloss_corpus_check_label        (GlossCorpus    *self,
                                                const char     *label,
                                                GError        **error);
gboolean       gloss_corpus_check_document     (GlossCorpus    *self,
                                                GlossDocument  *document,
                                                GError        **error);

G_END_DECLS
