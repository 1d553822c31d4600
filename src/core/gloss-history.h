/* gloss-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-corpus.h"

G_BEGIN_DECLS

/**
 * GlossHistoryFunc:
 * @data: the data given to gloss_history_record_custom()
 * @forward: %TRUE to redo the change, %FALSE to undo it
 */
typedef void (*GlossHistoryFunc) (gpointer data,
                                  gboolean forward);

#define GLOSS_TYPE_HISTORY (gloss_history_get_type())

G_DECLARE_FINAL_TYPE (GlossHistory, gloss_history, GLOSS, HISTORY, GObject)

GlossHistory *gloss_history_new            (GlossCorpus    *corpus);
GlossCorpus  *gloss_history_get_corpus     (GlossHistory   *self);
gboolean      gloss_history_get_can_undo   (GlossHistory   *self);
gboolean      gloss_history_get_can_redo   (GlossHistory   *self);
gboolean      gloss_history_undo           (GlossHistory   *self);
gboolean      gloss_history_redo           (GlossHistory   *self);
void          gloss_history_clear          (GlossHistory   *self);
void          gloss_history_begin_batch    (GlossHistory   *self);
void          gloss_history_end_batch      (GlossHistory   *self);
void          gloss_history_record_custom  (GlossHistory     *self,
                                            GlossHistoryFunc  func,
                                            gpointer          data,
                                            GDestroyNotify    destroy);
const char   *gloss_history_get_annotator  (GlossHistory   *self);
void          gloss_history_set_annotator  (GlossHistory   *self,
                                            const char     *annotator);
gboolean      gloss_history_add_span       (GlossHistory   *self,
                                            GlossDocument  *document,
                                            GlossSpan      *span,
                                            GError        **error);
gboolean      gloss_history_remove_span    (GlossHistory   *self,
                                            GlossDocument  *document,
                                            GlossSpan      *span,
                                            GError        **error);
gboolean      gloss_history_relabel_span   (GlossHistory   *self,
                                            GlossDocument  *document,
                                            GlossSpan      *span,
                                            const char     *label,
                                            GError        **error);
gboolean      gloss_history_set_span_note  (GlossHistory   *self,
                                            GlossDocument  *document,
                                            GlossSpan      *span,
                                            const char     *note,
                                            GError        **error);
gboolean      gloss_history_set_document_done (GlossHistory  *self,
                                               GlossDocument *document,
                                               gboolean       done,
                                               GError       **error);

gboolean      gloss_history_add_label      (GlossHistory   *self,
                                            GlossLabel     *label,
                                            guint           position,
                                            GError        **error);
gboolean      gloss_history_remove_label   (GlossHistory   *self,
                                            GlossLabel     *label,
                                            GError        **error);
gboolean      gloss_history_move_label     (GlossHistory   *self,
                                            GlossLabel     *label,
                                            guint           position,
                                            GError        **error);
gboolean      gloss_history_set_label_name (GlossHistory   *self,
                                            GlossLabel     *label,
                                            const char     *name,
                                            GError        **error);
gboolean      gloss_history_set_label_color (GlossHistory  *self,
                                            GlossLabel     *label,
                                            const char     *color,
                                            GError        **error);
gboolean      gloss_history_set_label_key  (GlossHistory   *self,
                                            GlossLabel     *label,
                                            const char     *key,
                                            GError        **error);
gboolean      gloss_history_set_label_description (GlossHistory *self,
                                            GlossLabel     *label,
                                            const char     *description,
                                            GError        **error);
gboolean      gloss_history_set_label_locale_name (GlossHistory *self,
                                            GlossLabel     *label,
                                            const char     *locale,
                                            const char     *name,
                                            GError        **error);

G_END_DECLS
