/* gloss-agreement.c
 *
 * Agreement between corpora that several people labelled, on two levels
 * (docs/agreement.md gives the formulas and the sources):
 *
 * - Spans: for each pair of annotators, precision, recall and F1 of the
 *   second's spans against the first's, per label, micro and macro
 *   averaged, with exact or partial (overlapping, one-to-one) matching.
 * - Tokens: every token of gloss_tokenize() gets one value per annotator,
 *   the label of the shortest span overlapping it (ties: the label that
 *   comes first) or none. Cohen's κ compares two annotators, Fleiss' κ all
 *   of them on the documents every corpus has, Krippendorff's α (nominal)
 *   all of them on the documents two or more corpora have, the absent ones
 *   being missing values. Each is given over all labels and, for each
 *   label, over “this label” against “anything else”.
 *
 * Documents are aligned by id. A document with another text in some corpus
 * is compared nowhere (its tokens cannot be aligned); one missing from a
 * corpus is compared by the metrics that can do without that corpus. Both
 * are reported.
 *
 * Nothing is kept per token: each document adds its counts to tables
 * (confusion matrices, Fleiss' category totals, Krippendorff's coincidences)
 * and is forgotten, so memory does not grow with the corpus. A score whose
 * expected agreement is 1 (every value in one category) or that has nothing
 * to count is undefined, and is NaN; callers print “n/a”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-agreement"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-agreement.h"
#include "gloss-tokenizer.h"

/* Counts of one pair of annotators. Categories are 0 for no label and
 * 1 + the label's index. */
typedef struct
{
  guint   *matched[2];  /* per GlossAgreementMatch, per label */
  guint   *first;       /* spans per label */
  guint   *second;
  guint64 *matrix;      /* categories², row = the first's category */
} PairTable;

/* Fleiss' κ: every subject rated by the same number of raters. */
typedef struct
{
  guint    n_categories;
  guint    n_raters;
  guint64  n_subjects;
  guint64  sum_squares;  /* Σ over subjects and categories of n_ij² */
  guint64 *totals;       /* ratings per category */
} FleissTable;

/* Krippendorff's α, nominal: only the diagonal of the coincidence matrix
 * and its marginals are needed. */
typedef struct
{
  guint    n_categories;
  guint64  n_values;     /* pairable values, n */
  double   agreeing;     /* Σ_c o_cc */
  guint64 *totals;       /* n_c */
} AlphaTable;

typedef struct
{
  guint first;
  guint second;
  guint overlap;
  guint span_union;
} Candidate;

struct _GlossAgreement
{
  gatomicrefcount  ref_count;
  guint            n_annotators;
  char           **annotators;
  GPtrArray       *labels;       /* label ids, owned */
  GHashTable      *label_index;  /* id → index + 1 */
  GPtrArray       *problems;
  guint            n_documents;
  guint            n_tokens;
  PairTable       *pairs;        /* (0,1), (0,2) … (1,2) … */
  FleissTable     *fleiss;       /* [0] every category, [1 + k] label k or not */
  AlphaTable      *alpha;        /* as fleiss */
};

G_DEFINE_BOXED_TYPE (GlossAgreement, gloss_agreement, gloss_agreement_ref, gloss_agreement_unref)

/* Rating tables */

static void
fleiss_table_init (FleissTable *table,
                   guint        n_categories)
{
  memset (table, 0, sizeof *table);
  table->n_categories = n_categories;
  table->totals = g_new0 (guint64, n_categories);
}

static void
fleiss_table_clear (FleissTable *table)
{
  g_clear_pointer (&table->totals, g_free);
}

/* Adds a subject rated by @n_raters, @counts[j] of whom chose category j. */
static void
fleiss_table_add (FleissTable *table,
                  const guint *counts,
                  guint        n_raters)
{
  g_assert (table->n_subjects == 0 || table->n_raters == n_raters);

  table->n_raters = n_raters;
  table->n_subjects++;
  for (guint j = 0; j < table->n_categories; j++)
    {
      table->sum_squares += (guint64)counts[j] * counts[j];
      table->totals[j] += counts[j];
    }
}

/* κ = (P̄ − P̄e) / (1 − P̄e), with P̄ the mean share of agreeing rater pairs
 * per subject and P̄e = Σ p_j² (Fleiss 1971). */
static double
fleiss_table_kappa (const FleissTable *table)
{
  double ratings = (double)table->n_subjects * table->n_raters;
  double observed;
  double expected = 0;

  if (table->n_subjects == 0 || table->n_raters < 2)
    return NAN;

  for (guint j = 0; j < table->n_categories; j++)
    {
      double share = table->totals[j] / ratings;

      /* Every rating in one category: P̄e = 1 and κ is 0/0. */
      if (table->totals[j] == table->n_subjects * table->n_raters)
        return NAN;
      expected += share * share;
    }

  observed = (table->sum_squares - ratings) / (ratings * (table->n_raters - 1));

  return (observed - expected) / (1 - expected);
}

static void
alpha_table_init (AlphaTable *table,
                  guint       n_categories)
{
  memset (table, 0, sizeof *table);
  table->n_categories = n_categories;
  table->totals = g_new0 (guint64, n_categories);
}

static void
alpha_table_clear (AlphaTable *table)
{
  g_clear_pointer (&table->totals, g_free);
}

/* Adds a unit with @n_values values, @counts[c] of them c. A unit with fewer
 * than two values has no pair to compare and adds nothing (Krippendorff
 * 2011). Each ordered pair of values in the unit weighs 1 / (m − 1). */
static void
alpha_table_add (AlphaTable  *table,
                 const guint *counts,
                 guint        n_values)
{
  if (n_values < 2)
    return;

  table->n_values += n_values;
  for (guint c = 0; c < table->n_categories; c++)
    {
      table->agreeing += (double)counts[c] * ((double)counts[c] - 1) / (n_values - 1);
      table->totals[c] += counts[c];
    }
}

/* α = 1 − Do / De = 1 − (n − 1) (n − Σ_c o_cc) / (n² − Σ_c n_c²). */
static double
alpha_table_alpha (const AlphaTable *table)
{
  double n = table->n_values;
  double expected = n * n;

  if (table->n_values == 0)
    return NAN;

  for (guint c = 0; c < table->n_categories; c++)
    {
      /* No variation: expected disagreement is 0, α is 0/0. */
      if (table->totals[c] == table->n_values)
        return NAN;
      expected -= (double)table->totals[c] * table->totals[c];
    }

  return 1 - (n - 1) * (n - table->agreeing) / expected;
}

/* κ = (po − pe) / (1 − pe), computed as (N Σ n_kk − Σ r_k c_k) / (N² − Σ r_k c_k)
 * (Cohen 1960). */
static double
cohen_kappa_from_margins (guint64        total,
                          guint64        agreeing,
                          const guint64 *rows,
                          const guint64 *columns,
                          guint          n_categories)
{
  double n = total;
  double chance = 0;

  if (total == 0)
    return NAN;

  for (guint k = 0; k < n_categories; k++)
    {
      /* Both gave every item category k: pe = 1. */
      if (rows[k] == total && columns[k] == total)
        return NAN;
      chance += (double)rows[k] * columns[k];
    }

  return (n * agreeing - chance) / (n * n - chance);
}

/* Helpers */

static void
problem_free (gpointer data)
{
  GlossAgreementProblem *problem = data;

  g_free (problem->document);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GlossAgreement            *self,
             GlossAgreementProblemKind  kind,
             const char                *document,
             guint                      annotator,
             guint                      reference)
{
  GlossAgreementProblem *problem = g_new0 (GlossAgreementProblem, 1);
  const char *name = self->annotators[annotator];
  const char *reference_name = self->annotators[reference];

  problem->kind = kind;
  problem->document = g_strdup (document);
  problem->annotator = annotator;
  problem->reference = reference;

  switch (kind)
    {
    case GLOSS_AGREEMENT_MISSING_DOCUMENT:
      /* Translators: the first %s is a document id, the others are file names */
      problem->message = g_strdup_printf (_("The document “%s” of %s is missing from %s"),
                                          document, reference_name, name);
      break;

    case GLOSS_AGREEMENT_TEXT_DIFFERS:
      /* Translators: the first %s is a document id, the others are file names */
      problem->message = g_strdup_printf (_("The document “%s” has another text in %s than in %s; it is not compared"),
                                          document, name, reference_name);
      break;

    default:
      g_assert_not_reached ();
    }

  g_ptr_array_add (self->problems, problem);
}

static guint
pair_index (GlossAgreement *self,
            guint           first,
            guint           second)
{
  g_assert (first < second && second < self->n_annotators);

  return first * self->n_annotators - first * (first + 1) / 2 + (second - first - 1);
}

static guint
n_categories (GlossAgreement *self)
{
  return self->labels->len + 1;
}

static void
add_label (GlossAgreement *self,
           const char     *id)
{
  if (g_hash_table_contains (self->label_index, id))
    return;

  g_ptr_array_add (self->labels, g_strdup (id));
  g_hash_table_insert (self->label_index, g_ptr_array_index (self->labels, self->labels->len - 1),
                       GUINT_TO_POINTER (self->labels->len));
}

/* The schemas' labels in order, then any label a span has that no schema
 * lists, so that no span is left out of the counts. */
static void
collect_labels (GlossAgreement      *self,
                GlossCorpus * const *corpora)
{
  for (guint i = 0; i < self->n_annotators; i++)
    {
      GlossSchema *schema = gloss_corpus_get_schema (corpora[i]);

      for (guint j = 0; j < gloss_schema_get_n_labels (schema); j++)
        add_label (self, gloss_label_get_id (gloss_schema_get_label (schema, j)));
    }

  for (guint i = 0; i < self->n_annotators; i++)
    for (guint j = 0; j < gloss_corpus_get_n_documents (corpora[i]); j++)
      {
        GlossDocument *document = gloss_corpus_get_document (corpora[i], j);

        for (guint k = 0; k < gloss_document_get_n_spans (document); k++)
          add_label (self, gloss_span_get_label (gloss_document_get_span (document, k)));
      }
}

static void
allocate_tables (GlossAgreement *self)
{
  guint n_pairs = self->n_annotators * (self->n_annotators - 1) / 2;
  guint n_labels = self->labels->len;
  guint categories = n_categories (self);

  self->pairs = g_new0 (PairTable, n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    {
      self->pairs[i].matched[GLOSS_AGREEMENT_EXACT] = g_new0 (guint, n_labels);
      self->pairs[i].matched[GLOSS_AGREEMENT_PARTIAL] = g_new0 (guint, n_labels);
      self->pairs[i].first = g_new0 (guint, n_labels);
      self->pairs[i].second = g_new0 (guint, n_labels);
      self->pairs[i].matrix = g_new0 (guint64, (gsize)categories * categories);
    }

  self->fleiss = g_new0 (FleissTable, categories);
  self->alpha = g_new0 (AlphaTable, categories);
  fleiss_table_init (&self->fleiss[0], categories);
  alpha_table_init (&self->alpha[0], categories);
  for (guint k = 1; k < categories; k++)
    {
      fleiss_table_init (&self->fleiss[k], 2);
      alpha_table_init (&self->alpha[k], 2);
    }
}

/* Fills @categories, one per token, with 1 + the index of the label of the
 * shortest span overlapping the token (on equal lengths the smaller index),
 * or 0. Spans of labels @label_index lacks are ignored. */
static void
assign_token_labels (GlossDocument *document,
                     GArray        *tokens,
                     GHashTable    *label_index,
                     guint         *categories)
{
  g_autofree guint *lengths = g_new0 (guint, tokens->len);

  memset (categories, 0, sizeof (guint) * tokens->len);

  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);
      guint category = GPOINTER_TO_UINT (g_hash_table_lookup (label_index, gloss_span_get_label (span)));
      guint start = gloss_span_get_start (span);
      guint end = gloss_span_get_end (span);
      guint length = end - start;

      if (category == 0)
        continue;

      for (guint t = gloss_tokens_find_first (tokens, start);
           t < tokens->len && g_array_index (tokens, GlossToken, t).start < end;
           t++)
        {
          if (categories[t] == 0 || length < lengths[t] ||
              (length == lengths[t] && category < categories[t]))
            {
              categories[t] = category;
              lengths[t] = length;
            }
        }
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->span_union != y->span_union)
    return x->span_union < y->span_union ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->second != y->second)
    return x->second < y->second ? -1 : 1;

  return 0;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const GlossSpanPair *x = a;
  const GlossSpanPair *y = b;

  return x->first < y->first ? -1 : x->first > y->first;
}

static void
match_exact (GlossDocument *first,
             GlossDocument *second,
             GArray        *pairs)
{
  for (guint i = 0; i < gloss_document_get_n_spans (first); i++)
    {
      GlossSpan *span = gloss_document_get_span (first, i);
      GlossSpan *other;
      GlossSpanPair pair = { i, 0 };

      other = gloss_document_find_span (second, gloss_span_get_start (span),
                                        gloss_span_get_end (span), gloss_span_get_label (span));
      if (other != NULL && gloss_document_find_span_position (second, other, &pair.second))
        g_array_append_val (pairs, pair);
    }
}

/* Every pair of spans of the same label that share a code point. */
static GArray *
find_candidates (GlossDocument *first,
                 GlossDocument *second)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < gloss_document_get_n_spans (first); i++)
    {
      GlossSpan *span = gloss_document_get_span (first, i);
      guint start = gloss_span_get_start (span);
      guint end = gloss_span_get_end (span);
      g_autoptr(GPtrArray) overlapping = gloss_document_query_range (second, start, end);

      for (guint j = 0; j < overlapping->len; j++)
        {
          GlossSpan *other = g_ptr_array_index (overlapping, j);
          guint other_start = gloss_span_get_start (other);
          guint other_end = gloss_span_get_end (other);
          Candidate candidate = { i, 0, 0, 0 };

          if (!g_str_equal (gloss_span_get_label (span), gloss_span_get_label (other)) ||
              !gloss_document_find_span_position (second, other, &candidate.second))
            continue;

          candidate.overlap = MIN (end, other_end) - MAX (start, other_start);
          candidate.span_union = MAX (end, other_end) - MIN (start, other_start);
          g_array_append_val (candidates, candidate);
        }
    }

  return candidates;
}

/* Greedy one-to-one matching: the pairs sharing the most code points first,
 * then the tighter ones (smaller union), then in document order. */
static void
match_partial (GlossDocument *first,
               GlossDocument *second,
               GArray        *pairs)
{
  g_autoptr(GArray) candidates = find_candidates (first, second);
  g_autofree guint8 *first_taken = g_new0 (guint8, gloss_document_get_n_spans (first));
  g_autofree guint8 *second_taken = g_new0 (guint8, gloss_document_get_n_spans (second));

  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      GlossSpanPair pair = { candidate->first, candidate->second };

      if (first_taken[pair.first] || second_taken[pair.second])
        continue;

      first_taken[pair.first] = second_taken[pair.second] = TRUE;
      g_array_append_val (pairs, pair);
    }

  g_array_sort (pairs, compare_pairs);
}

static guint
label_of (GlossAgreement *self,
          GlossSpan      *span)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->label_index, gloss_span_get_label (span)));

  g_assert (index > 0);

  return index - 1;
}

static void
add_pair_spans (GlossAgreement *self,
                PairTable      *pair,
                GlossDocument  *first,
                GlossDocument  *second)
{
  for (guint i = 0; i < gloss_document_get_n_spans (first); i++)
    pair->first[label_of (self, gloss_document_get_span (first, i))]++;
  for (guint i = 0; i < gloss_document_get_n_spans (second); i++)
    pair->second[label_of (self, gloss_document_get_span (second, i))]++;

  for (guint match = GLOSS_AGREEMENT_EXACT; match <= GLOSS_AGREEMENT_PARTIAL; match++)
    {
      g_autoptr(GArray) pairs = gloss_agreement_match_spans (first, second, match);

      for (guint i = 0; i < pairs->len; i++)
        {
          GlossSpan *span = gloss_document_get_span (first, g_array_index (pairs, GlossSpanPair, i).first);

          pair->matched[match][label_of (self, span)]++;
        }
    }
}

static void
add_pair_tokens (GlossAgreement *self,
                 PairTable      *pair,
                 const guint    *first,
                 const guint    *second,
                 guint           n_tokens)
{
  guint categories = n_categories (self);

  for (guint t = 0; t < n_tokens; t++)
    pair->matrix[first[t] * categories + second[t]]++;
}

/* Adds each token as a subject of Fleiss' κ (when every annotator has the
 * document) and a unit of Krippendorff's α, over all categories and for
 * each label against the rest. */
static void
add_token_ratings (GlossAgreement *self,
                   guint         **values,
                   guint           n_tokens)
{
  guint categories = n_categories (self);
  g_autofree guint *counts = g_new0 (guint, categories);
  guint n_values = 0;

  for (guint i = 0; i < self->n_annotators; i++)
    n_values += values[i] != NULL;

  for (guint t = 0; t < n_tokens; t++)
    {
      for (guint i = 0; i < self->n_annotators; i++)
        if (values[i] != NULL)
          counts[values[i][t]]++;

      if (n_values == self->n_annotators)
        fleiss_table_add (&self->fleiss[0], counts, n_values);
      alpha_table_add (&self->alpha[0], counts, n_values);

      for (guint k = 1; k < categories; k++)
        {
          guint binary[2] = { counts[k], n_values - counts[k] };

          if (n_values == self->n_annotators)
            fleiss_table_add (&self->fleiss[k], binary, n_values);
          alpha_table_add (&self->alpha[k], binary, n_values);
        }

      for (guint i = 0; i < self->n_annotators; i++)
        if (values[i] != NULL)
          counts[values[i][t]] = 0;
    }
}

/* @documents holds the document of each annotator, NULL where absent; at
 * least two are there, with the same text. */
static void
compare_document (GlossAgreement  *self,
                  GlossDocument  **documents,
                  GlossDocument   *reference)
{
  g_autoptr(GArray) tokens = gloss_tokenize (gloss_document_get_text (reference),
                                             gloss_document_get_text_bytes (reference));
  g_autofree guint **values = g_new0 (guint *, self->n_annotators);

  self->n_documents++;
  self->n_tokens += tokens->len;

  for (guint i = 0; i < self->n_annotators; i++)
    if (documents[i] != NULL)
      {
        values[i] = g_new (guint, MAX (tokens->len, 1));
        assign_token_labels (documents[i], tokens, self->label_index, values[i]);
      }

  for (guint a = 0; a < self->n_annotators; a++)
    for (guint b = a + 1; b < self->n_annotators; b++)
      if (documents[a] != NULL && documents[b] != NULL)
        {
          PairTable *pair = &self->pairs[pair_index (self, a, b)];

          add_pair_spans (self, pair, documents[a], documents[b]);
          add_pair_tokens (self, pair, values[a], values[b], tokens->len);
        }

  add_token_ratings (self, values, tokens->len);

  for (guint i = 0; i < self->n_annotators; i++)
    g_free (values[i]);
}

/* Every document id, in the order of the first corpus, then of the others
 * for ids the earlier ones lack. */
static GPtrArray *
collect_document_ids (GlossCorpus * const *corpora,
                      guint                n_corpora)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < n_corpora; i++)
    for (guint j = 0; j < gloss_corpus_get_n_documents (corpora[i]); j++)
      {
        const char *id = gloss_document_get_id (gloss_corpus_get_document (corpora[i], j));

        if (g_hash_table_add (seen, (gpointer)id))
          g_ptr_array_add (ids, (gpointer)id);
      }

  return ids;
}

/* Finds the document @id in each corpus, reports the corpora that lack it or
 * have another text, and compares it when two or more agree on the text. */
static void
align_document (GlossAgreement      *self,
                GlossCorpus * const *corpora,
                const char          *id)
{
  g_autofree GlossDocument **documents = g_new0 (GlossDocument *, self->n_annotators);
  GlossDocument *reference = NULL;
  guint reference_index = 0;
  guint n_present = 0;
  gboolean text_differs = FALSE;

  for (guint i = 0; i < self->n_annotators; i++)
    {
      documents[i] = gloss_corpus_lookup_document (corpora[i], id);
      if (documents[i] != NULL && reference == NULL)
        {
          reference = documents[i];
          reference_index = i;
        }
    }

  g_assert (reference != NULL);

  for (guint i = 0; i < self->n_annotators; i++)
    {
      if (documents[i] == NULL)
        add_problem (self, GLOSS_AGREEMENT_MISSING_DOCUMENT, id, i, reference_index);
      else if (!g_str_equal (gloss_document_get_text (documents[i]), gloss_document_get_text (reference)))
        {
          add_problem (self, GLOSS_AGREEMENT_TEXT_DIFFERS, id, i, reference_index);
          text_differs = TRUE;
        }
      else
        n_present++;
    }

  if (!text_differs && n_present >= 2)
    compare_document (self, documents, reference);
}

static void
fill_scores (GlossSpanScores *scores,
             guint            first,
             guint            second,
             guint            matched)
{
  scores->first = first;
  scores->second = second;
  scores->matched = matched;
  scores->precision = second > 0 ? (double)matched / second : NAN;
  scores->recall = first > 0 ? (double)matched / first : NAN;
  scores->f1 = first + second > 0 ? 2.0 * matched / (first + second) : NAN;
}

static void
swap_scores (GlossSpanScores *scores)
{
  guint count = scores->first;
  double score = scores->precision;

  scores->first = scores->second;
  scores->second = count;
  scores->precision = scores->recall;
  scores->recall = score;
}

/* The pair's table, and whether @first and @second come in reverse order. */
static PairTable *
lookup_pair (GlossAgreement *self,
             guint           first,
             guint           second,
             gboolean       *swapped)
{
  *swapped = first > second;

  return &self->pairs[pair_index (self, MIN (first, second), MAX (first, second))];
}

/* Public API */

/**
 * gloss_agreement_compute:
 * @corpora: (array length=n_corpora): the corpora, one per annotator
 * @names: (array length=n_corpora): what to call each in problems, such as
 *   its file name
 * @n_corpora: two or more
 * @cancellable: (nullable): checked between documents
 *
 * Aligns the corpora by document id and computes every score. Documents
 * that are missing from a corpus or have another text there are reported in
 * gloss_agreement_get_problems(), not as an error.
 *
 * Returns: (transfer full) (nullable): the scores, or %NULL when cancelled
 */
GlossAgreement *
gloss_agreement_compute (GlossCorpus * const  *corpora,
                         const char * const   *names,
                         guint                 n_corpora,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(GlossAgreement) self = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (corpora != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);
  g_return_val_if_fail (n_corpora >= 2, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_corpora; i++)
    g_return_val_if_fail (GLOSS_IS_CORPUS (corpora[i]) && names[i] != NULL, NULL);

  self = g_new0 (GlossAgreement, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_annotators = n_corpora;
  self->annotators = g_new0 (char *, n_corpora + 1);
  for (guint i = 0; i < n_corpora; i++)
    self->annotators[i] = g_strdup (names[i]);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->label_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_ptr_array_new_with_free_func (problem_free);

  collect_labels (self, corpora);
  allocate_tables (self);

  ids = collect_document_ids (corpora, n_corpora);
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      align_document (self, corpora, g_ptr_array_index (ids, i));
    }

  return g_steal_pointer (&self);
}

GlossAgreement *
gloss_agreement_ref (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
gloss_agreement_unref (GlossAgreement *self)
{
  guint n_pairs;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  n_pairs = self->n_annotators * (self->n_annotators - 1) / 2;
  for (guint i = 0; self->pairs != NULL && i < n_pairs; i++)
    {
      g_free (self->pairs[i].matched[GLOSS_AGREEMENT_EXACT]);
      g_free (self->pairs[i].matched[GLOSS_AGREEMENT_PARTIAL]);
      g_free (self->pairs[i].first);
      g_free (self->pairs[i].second);
      g_free (self->pairs[i].matrix);
    }
  for (guint k = 0; self->fleiss != NULL && k < self->labels->len + 1; k++)
    {
      fleiss_table_clear (&self->fleiss[k]);
      alpha_table_clear (&self->alpha[k]);
    }

  g_clear_pointer (&self->pairs, g_free);
  g_clear_pointer (&self->fleiss, g_free);
  g_clear_pointer (&self->alpha, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->label_index, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->annotators, g_strfreev);
  g_free (self);
}

guint
gloss_agreement_get_n_annotators (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_annotators;
}

/**
 * gloss_agreement_get_annotator:
 *
 * Returns: the name given for the @annotator-th corpus
 */
const char *
gloss_agreement_get_annotator (GlossAgreement *self,
                               guint           annotator)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (annotator < self->n_annotators, NULL);

  return self->annotators[annotator];
}

/**
 * gloss_agreement_get_n_labels:
 *
 * Returns: how many labels the corpora have together: the first corpus's
 *   schema in order, then the labels only later ones have
 */
guint
gloss_agreement_get_n_labels (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

/**
 * gloss_agreement_get_label:
 *
 * Returns: the id of the @label-th label
 */
const char *
gloss_agreement_get_label (GlossAgreement *self,
                           guint           label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, label);
}

/**
 * gloss_agreement_get_problems:
 *
 * Returns: (transfer none) (element-type GlossAgreementProblem): the
 *   documents missing from a corpus or with another text there, in
 *   document order
 */
GPtrArray *
gloss_agreement_get_problems (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

/**
 * gloss_agreement_get_n_documents:
 *
 * Returns: how many documents were compared: those that two or more corpora
 *   have, with the same text in all
 */
guint
gloss_agreement_get_n_documents (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_documents;
}

/**
 * gloss_agreement_get_n_tokens:
 *
 * Returns: how many tokens the compared documents have
 */
guint
gloss_agreement_get_n_tokens (GlossAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_tokens;
}

/**
 * gloss_agreement_get_span_scores:
 * @first: the annotator taken as the reference (recall)
 * @second: the annotator whose spans are scored (precision)
 * @label: a label index, or %GLOSS_AGREEMENT_ALL_LABELS for the micro
 *   average (counts summed over the labels)
 * @scores: (out caller-allocates): the scores
 *
 * Over the documents both corpora have. Swapping @first and @second swaps
 * precision and recall; matching is always done with the lower-numbered
 * annotator first.
 */
void
gloss_agreement_get_span_scores (GlossAgreement      *self,
                                 guint                first,
                                 guint                second,
                                 GlossAgreementMatch  match,
                                 guint                label,
                                 GlossSpanScores     *scores)
{
  PairTable *pair;
  gboolean swapped;
  guint n_first = 0;
  guint n_second = 0;
  guint matched = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (first < self->n_annotators && second < self->n_annotators && first != second);
  g_return_if_fail (match == GLOSS_AGREEMENT_EXACT || match == GLOSS_AGREEMENT_PARTIAL);
  g_return_if_fail (label < self->labels->len || label == GLOSS_AGREEMENT_ALL_LABELS);
  g_return_if_fail (scores != NULL);

  pair = lookup_pair (self, first, second, &swapped);
  for (guint k = 0; k < self->labels->len; k++)
    if (label == GLOSS_AGREEMENT_ALL_LABELS || label == k)
      {
        n_first += pair->first[k];
        n_second += pair->second[k];
        matched += pair->matched[match][k];
      }

  fill_scores (scores, n_first, n_second, matched);
  if (swapped)
    swap_scores (scores);
}

/**
 * gloss_agreement_get_span_macro:
 * @scores: (out caller-allocates): the counts summed over the labels, and
 *   the unweighted means of the labels' precision, recall and F1
 *
 * The mean is over the labels that either annotator used; where one of them
 * has no span of a label, that label's precision (or recall) counts as 0.
 * With no span at all the three scores are NaN.
 */
void
gloss_agreement_get_span_macro (GlossAgreement      *self,
                                guint                first,
                                guint                second,
                                GlossAgreementMatch  match,
                                GlossSpanScores     *scores)
{
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  guint n_used = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (scores != NULL);

  gloss_agreement_get_span_scores (self, first, second, match, GLOSS_AGREEMENT_ALL_LABELS, scores);

  for (guint k = 0; k < self->labels->len; k++)
    {
      GlossSpanScores label;

      gloss_agreement_get_span_scores (self, first, second, match, k, &label);
      if (label.first + label.second == 0)
        continue;

      n_used++;
      precision += isnan (label.precision) ? 0 : label.precision;
      recall += isnan (label.recall) ? 0 : label.recall;
      f1 += label.f1;
    }

  scores->precision = n_used > 0 ? precision / n_used : NAN;
  scores->recall = n_used > 0 ? recall / n_used : NAN;
  scores->f1 = n_used > 0 ? f1 / n_used : NAN;
}

/**
 * gloss_agreement_get_cohen_kappa:
 * @label: a label index for that label against any other value, or
 *   %GLOSS_AGREEMENT_ALL_LABELS for every label and none as categories
 *
 * Over the tokens of the documents both corpora have.
 *
 * Returns: Cohen's κ, or NaN when undefined (no tokens, or both annotators
 *   gave every token the same value)
 */
double
gloss_agreement_get_cohen_kappa (GlossAgreement *self,
                                 guint           first,
                                 guint           second,
                                 guint           label)
{
  PairTable *pair;
  gboolean swapped;
  guint categories;
  guint64 binary[4];
  guint64 row = 0;
  guint64 column = 0;
  guint64 total = 0;
  guint64 both;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (first < self->n_annotators && second < self->n_annotators && first != second, NAN);
  g_return_val_if_fail (label < self->labels->len || label == GLOSS_AGREEMENT_ALL_LABELS, NAN);

  pair = lookup_pair (self, first, second, &swapped);
  categories = n_categories (self);

  if (label == GLOSS_AGREEMENT_ALL_LABELS)
    return gloss_agreement_cohen_kappa (pair->matrix, categories);

  /* This label (category label + 1) against every other value. */
  for (guint i = 0; i < categories; i++)
    {
      row += pair->matrix[(label + 1) * categories + i];
      column += pair->matrix[i * categories + label + 1];
      for (guint j = 0; j < categories; j++)
        total += pair->matrix[i * categories + j];
    }
  both = pair->matrix[(label + 1) * categories + label + 1];

  binary[0] = both;
  binary[1] = row - both;
  binary[2] = column - both;
  binary[3] = total - row - column + both;

  return gloss_agreement_cohen_kappa (binary, 2);
}

/**
 * gloss_agreement_get_fleiss_kappa:
 * @label: a label index, or %GLOSS_AGREEMENT_ALL_LABELS
 *
 * Over the tokens of the documents every corpus has.
 *
 * Returns: Fleiss' κ, or NaN when undefined
 */
double
gloss_agreement_get_fleiss_kappa (GlossAgreement *self,
                                  guint           label)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (label < self->labels->len || label == GLOSS_AGREEMENT_ALL_LABELS, NAN);

  return fleiss_table_kappa (&self->fleiss[label == GLOSS_AGREEMENT_ALL_LABELS ? 0 : label + 1]);
}

/**
 * gloss_agreement_get_krippendorff_alpha:
 * @label: a label index, or %GLOSS_AGREEMENT_ALL_LABELS
 *
 * Nominal α over the tokens of the documents two or more corpora have; a
 * corpus without the document gives missing values.
 *
 * Returns: Krippendorff's α, or NaN when undefined
 */
double
gloss_agreement_get_krippendorff_alpha (GlossAgreement *self,
                                        guint           label)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (label < self->labels->len || label == GLOSS_AGREEMENT_ALL_LABELS, NAN);

  return alpha_table_alpha (&self->alpha[label == GLOSS_AGREEMENT_ALL_LABELS ? 0 : label + 1]);
}

/**
 * gloss_agreement_match_spans:
 * @first: a document
 * @second: the same document (the same text) as another annotator labelled it
 *
 * Pairs the spans of @first with those of @second as @match says; each span
 * is in one pair at most.
 *
 * Returns: (transfer full) (element-type GlossSpanPair): the pairs, in the
 *   order of @first's spans
 */
GArray *
gloss_agreement_match_spans (GlossDocument       *first,
                             GlossDocument       *second,
                             GlossAgreementMatch  match)
{
  GArray *pairs;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (first), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (second), NULL);

  pairs = g_array_new (FALSE, FALSE, sizeof (GlossSpanPair));

  switch (match)
    {
    case GLOSS_AGREEMENT_EXACT:
      match_exact (first, second, pairs);
      break;

    case GLOSS_AGREEMENT_PARTIAL:
      match_partial (first, second, pairs);
      break;

    default:
      g_return_val_if_reached (pairs);
    }

  return pairs;
}

/**
 * gloss_agreement_token_labels:
 * @document: a document
 * @tokens: (element-type GlossToken): gloss_tokenize() of its text
 * @labels: (array zero-terminated=1): the label ids in order
 *
 * Gives each token the label of the shortest span that shares a code point
 * with it; among spans of equal length, the label that comes first in
 * @labels. Spans of labels not in @labels are ignored.
 *
 * Returns: (transfer full) (element-type guint): per token, 0 for no label
 *   or 1 + the label's index in @labels
 */
GArray *
gloss_agreement_token_labels (GlossDocument      *document,
                              GArray             *tokens,
                              const char * const *labels)
{
  g_autoptr(GHashTable) label_index = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *categories;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (tokens != NULL, NULL);
  g_return_val_if_fail (labels != NULL, NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    if (!g_hash_table_contains (label_index, labels[i]))
      g_hash_table_insert (label_index, (gpointer)labels[i], GUINT_TO_POINTER (i + 1));

  categories = g_array_sized_new (FALSE, FALSE, sizeof (guint), tokens->len);
  g_array_set_size (categories, tokens->len);
  assign_token_labels (document, tokens, label_index, (guint *)(gpointer)categories->data);

  return categories;
}

/**
 * gloss_agreement_cohen_kappa:
 * @matrix: (array): @n_categories × @n_categories counts, row-major: row i,
 *   column j counts the items the first rater put in i and the second in j
 *
 * Returns: Cohen's κ, or NaN when there are no items or both raters put
 *   every item in the same category
 */
double
gloss_agreement_cohen_kappa (const guint64 *matrix,
                             guint          n_categories)
{
  g_autofree guint64 *rows = NULL;
  g_autofree guint64 *columns = NULL;
  guint64 total = 0;
  guint64 agreeing = 0;

  g_return_val_if_fail (matrix != NULL || n_categories == 0, NAN);

  rows = g_new0 (guint64, MAX (n_categories, 1));
  columns = g_new0 (guint64, MAX (n_categories, 1));
  for (guint i = 0; i < n_categories; i++)
    for (guint j = 0; j < n_categories; j++)
      {
        guint64 count = matrix[i * n_categories + j];

        rows[i] += count;
        columns[j] += count;
        total += count;
        if (i == j)
          agreeing += count;
      }

  return cohen_kappa_from_margins (total, agreeing, rows, columns, n_categories);
}

/**
 * gloss_agreement_fleiss_kappa:
 * @counts: (array): @n_subjects rows of @n_categories counts: how many raters
 *   put the subject in each category; every row has the same sum
 *
 * Returns: Fleiss' κ, or NaN when undefined (no subjects, fewer than two
 *   raters, or every rating in one category)
 */
double
gloss_agreement_fleiss_kappa (const guint *counts,
                              gsize        n_subjects,
                              guint        n_categories)
{
  FleissTable table;
  guint n_raters = 0;
  double kappa;

  g_return_val_if_fail (counts != NULL || n_subjects == 0, NAN);

  for (guint j = 0; n_subjects > 0 && j < n_categories; j++)
    n_raters += counts[j];

  fleiss_table_init (&table, n_categories);
  for (gsize i = 0; i < n_subjects; i++)
    {
      const guint *row = counts + i * n_categories;
      guint sum = 0;

      for (guint j = 0; j < n_categories; j++)
        sum += row[j];
      if (sum != n_raters)
        {
          fleiss_table_clear (&table);
          g_return_val_if_reached (NAN);
        }
      fleiss_table_add (&table, row, n_raters);
    }

  kappa = fleiss_table_kappa (&table);
  fleiss_table_clear (&table);

  return kappa;
}

/**
 * gloss_agreement_krippendorff_alpha:
 * @counts: (array): @n_units rows of @n_categories counts: how many coders
 *   gave the unit each value; coders who gave none are missing values
 *
 * Units with fewer than two values are left out, as they cannot be paired.
 *
 * Returns: nominal Krippendorff's α, or NaN when undefined (no pairable
 *   values, or all of them the same)
 */
double
gloss_agreement_krippendorff_alpha (const guint *counts,
                                    gsize        n_units,
                                    guint        n_categories)
{
  AlphaTable table;
  double alpha;

  g_return_val_if_fail (counts != NULL || n_units == 0, NAN);

  alpha_table_init (&table, n_categories);
  for (gsize u = 0; u < n_units; u++)
    {
      const guint *row = counts + u * n_categories;
      guint n_values = 0;

      for (guint c = 0; c < n_categories; c++)
        n_values += row[c];
      alpha_table_add (&table, row, n_values);
    }

  alpha = alpha_table_alpha (&table);
  alpha_table_clear (&table);

  return alpha;
}
