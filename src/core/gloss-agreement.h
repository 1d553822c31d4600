/* gloss-agreement.h: how far annotators agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"

G_BEGIN_DECLS

/* Stands for every label at once where a label index is asked for. */
#define GLOSS_AGREEMENT_ALL_LABELS G_MAXUINT

/**
 * GlossAgreementMatch:
 * @GLOSS_AGREEMENT_EXACT: two spans match when they have the same start, end
 *   and label
 * @GLOSS_AGREEMENT_PARTIAL: two spans match when they have the same label
 *   and share at least one code point; each span matches at most one other,
 *   the pairs sharing the most code points first
 */
typedef enum
{
  GLOSS_AGREEMENT_EXACT,
  GLOSS_AGREEMENT_PARTIAL,
} GlossAgreementMatch;

/**
 * GlossSpanPair:
 * @first: a span's position in the first document
 * @second: the position of the span it matches in the second document
 */
typedef struct
{
  guint first;
  guint second;
} GlossSpanPair;

/**
 * GlossSpanScores:
 * @first: how many spans the first annotator made
 * @second: how many spans the second annotator made
 * @matched: how many pairs of spans matched
 * @precision: @matched / @second, or NaN when @second is 0
 * @recall: @matched / @first, or NaN when @first is 0
 * @f1: 2 × @matched / (@first + @second), or NaN when both are 0
 *
 * For a macro average the counts are the sums over the labels and the three
 * scores the means of the labels' scores.
 */
typedef struct
{
  guint  first;
  guint  second;
  guint  matched;
  double precision;
  double recall;
  double f1;
} GlossSpanScores;

/**
 * GlossAgreementProblemKind:
 * @GLOSS_AGREEMENT_MISSING_DOCUMENT: a corpus lacks a document another has
 * @GLOSS_AGREEMENT_TEXT_DIFFERS: a corpus has a document of the same id with
 *   another text; the document is compared nowhere
 */
typedef enum
{
  GLOSS_AGREEMENT_MISSING_DOCUMENT,
  GLOSS_AGREEMENT_TEXT_DIFFERS,
} GlossAgreementProblemKind;

/**
 * GlossAgreementProblem:
 * @kind: what is wrong
 * @document: the document's id
 * @annotator: the corpus that lacks the document or has another text
 * @reference: the first corpus that has the document
 * @message: the problem for people, naming the document and both corpora
 */
typedef struct
{
  GlossAgreementProblemKind  kind;
  char                      *document;
  guint                      annotator;
  guint                      reference;
  char                      *message;
} GlossAgreementProblem;

typedef struct _GlossAgreement GlossAgreement;

#define GLOSS_TYPE_AGREEMENT (gloss_agreement_get_type())

GType           gloss_agreement_get_type              (void) G_GNUC_CONST;
GlossAgreement *gloss_agreement_compute               (GlossCorpus * const  *corpora,
                                                       const char * const   *names,
                                                       guint                 n_corpora,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
GlossAgreement *gloss_agreement_ref                   (GlossAgreement       *self);
void            gloss_agreement_unref                 (GlossAgreement       *self);

guint           gloss_agreement_get_n_annotators      (GlossAgreement       *self);
const char     *gloss_agreement_get_annotator         (GlossAgreement       *self,
                                                       guint                 annotator);
guint           gloss_agreement_get_n_labels          (GlossAgreement       *self);
const char     *gloss_agreement_get_label             (GlossAgreement       *self,
                                                       guint                 label);
GPtrArray      *gloss_agreement_get_problems          (GlossAgreement       *self);
guint           gloss_agreement_get_n_documents       (GlossAgreement       *self);
guint           gloss_agreement_get_n_tokens          (GlossAgreement       *self);

void            gloss_agreement_get_span_scores       (GlossAgreement       *self,
                                                       guint                 first,
                                                       guint                 second,
                                                       GlossAgreementMatch   match,
                                                       guint                 label,
                                                       GlossSpanScores      *scores);
void            gloss_agreement_get_span_macro        (GlossAgreement       *self,
                                                       guint                 first,
                                                       guint                 second,
                                                       GlossAgreementMatch   match,
                                                       GlossSpanScores      *scores);
double          gloss_agreement_get_cohen_kappa       (GlossAgreement       *self,
                                                       guint                 first,
                                                       guint                 second,
                                                       guint                 label);
double          gloss_agreement_get_fleiss_kappa      (GlossAgreement       *self,
                                                       guint                 label);
double          gloss_agreement_get_krippendorff_alpha (GlossAgreement      *self,
                                                       guint                 label);

GArray         *gloss_agreement_match_spans           (GlossDocument        *first,
                                                       GlossDocument        *second,
                                                       GlossAgreementMatch   match);
GArray         *gloss_agreement_token_labels          (GlossDocument        *document,
                                                       GArray               *tokens,
                                                       const char * const   *labels);

double          gloss_agreement_cohen_kappa           (const guint64        *matrix,
                                                       guint                 n_categories);
double          gloss_agreement_fleiss_kappa          (const guint          *counts,
                                                       gsize                 n_subjects,
                                                       guint                 n_categories);
double          gloss_agreement_krippendorff_alpha    (const guint          *counts,
                                                       gsize                 n_units,
                                                       guint                 n_categories);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreement, gloss_agreement_unref)

G_END_DECLS
