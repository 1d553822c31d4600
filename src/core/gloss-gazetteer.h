/* gloss-gazetteer.h: pre-annotation from a list of terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"

G_BEGIN_DECLS

#define GLOSS_GAZETTEER_ERROR (gloss_gazetteer_error_quark())

typedef enum
{
  GLOSS_GAZETTEER_ERROR_INVALID_UTF8,
  GLOSS_GAZETTEER_ERROR_EMPTY_TERM,
  GLOSS_GAZETTEER_ERROR_INVALID_LABEL,
  GLOSS_GAZETTEER_ERROR_UNKNOWN_LABEL,
  GLOSS_GAZETTEER_ERROR_NO_LABEL,
  GLOSS_GAZETTEER_ERROR_UNKNOWN_DOCUMENT,
} GlossGazetteerError;

/**
 * GlossGazetteerMatch:
 * @start: the first code point
 * @end: the code point after the last one
 * @label: the label id; owned by the gazetteer, or the default label given
 */
typedef struct
{
  guint       start;
  guint       end;
  const char *label;
} GlossGazetteerMatch;

typedef struct _GlossGazetteer GlossGazetteer;

#define GLOSS_TYPE_GAZETTEER (gloss_gazetteer_get_type())

GType           gloss_gazetteer_get_type         (void) G_GNUC_CONST;
GQuark          gloss_gazetteer_error_quark      (void);
GlossGazetteer *gloss_gazetteer_new_from_bytes   (GBytes          *bytes,
                                                  const char      *name,
                                                  GError         **error);
GlossGazetteer *gloss_gazetteer_new_from_file    (GFile           *file,
                                                  GError         **error);
GlossGazetteer *gloss_gazetteer_ref              (GlossGazetteer  *self);
void            gloss_gazetteer_unref            (GlossGazetteer  *self);
const char     *gloss_gazetteer_get_name         (GlossGazetteer  *self);
guint           gloss_gazetteer_get_n_terms      (GlossGazetteer  *self);
char          **gloss_gazetteer_dup_labels       (GlossGazetteer  *self);
gboolean        gloss_gazetteer_has_unlabelled   (GlossGazetteer  *self);
guint           gloss_gazetteer_count_terms      (GlossGazetteer  *self,
                                                  const char      *label,
                                                  guint           *first_line);
GArray         *gloss_gazetteer_match            (GlossGazetteer  *self,
                                                  GlossDocument   *document,
                                                  const char      *default_label,
                                                  gboolean         ignore_case);
GHashTable     *gloss_gazetteer_count_matches    (GlossGazetteer  *self,
                                                  GlossCorpus     *corpus,
                                                  GlossDocument   *document,
                                                  const char      *default_label,
                                                  gboolean         ignore_case);
guint           gloss_gazetteer_apply            (GlossGazetteer  *self,
                                                  GlossCorpus     *corpus,
                                                  GlossDocument   *document,
                                                  const char      *default_label,
                                                  gboolean         ignore_case,
                                                  GHashTable      *counts,
                                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossGazetteer, gloss_gazetteer_unref)

G_END_DECLS
