/* gloss-compare.h: where two annotators of one document disagree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-corpus.h"
#include "gloss-history.h"

G_BEGIN_DECLS

/**
 * GlossDisagreementKind:
 * @GLOSS_DISAGREEMENT_ONLY_A: only the first annotator labelled the text
 * @GLOSS_DISAGREEMENT_ONLY_B: only the second annotator labelled the text
 * @GLOSS_DISAGREEMENT_LABEL: both marked the same extents with other labels
 * @GLOSS_DISAGREEMENT_BOUNDARY: both labelled the text, with other extents
 */
typedef enum
{
  GLOSS_DISAGREEMENT_ONLY_A,
  GLOSS_DISAGREEMENT_ONLY_B,
  GLOSS_DISAGREEMENT_LABEL,
  GLOSS_DISAGREEMENT_BOUNDARY,
} GlossDisagreementKind;

#define GLOSS_N_DISAGREEMENT_KINDS 4

/**
 * GlossDisagreement:
 * @kind: how the annotators disagree
 * @start: the first code point of the spans of both sides
 * @end: the code point after the last one
 * @a_spans: (element-type GlossSpan): the first annotator's spans, in order
 * @b_spans: (element-type GlossSpan): the second annotator's spans, in order
 *
 * A cluster of spans that overlap one another, over both sides, where the
 * two sides did not make the same spans.
 */
typedef struct
{
  GlossDisagreementKind  kind;
  guint                  start;
  guint                  end;
  GPtrArray             *a_spans;
  GPtrArray             *b_spans;
} GlossDisagreement;

void           gloss_disagreement_free       (GlossDisagreement  *self);
char          *gloss_disagreement_dup_key    (const GlossDisagreement *self);

GPtrArray     *gloss_compare_documents       (GlossDocument      *a,
                                              GlossDocument      *b);
GlossDocument *gloss_compare_find_document   (GlossCorpus        *other,
                                              GlossDocument      *document);
guint          gloss_compare_count_documents (GlossCorpus        *a,
                                              GlossCorpus        *b);
gboolean       gloss_compare_accept_b        (GlossHistory       *history,
                                              GlossDocument      *a,
                                              const GlossDisagreement *disagreement,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDisagreement, gloss_disagreement_free)

G_END_DECLS
