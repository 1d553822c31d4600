/* test-agreement.c
 *
 * Every expected value below is worked out by hand in the comment above it,
 * from the formulas in docs/agreement.md; the published examples give their
 * source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

#define EPSILON 1e-9

/* The default schema's labels, in order: categories 1, 2 and 3. */
static const char * const default_labels[] = { "principle", "task", "pillar", NULL };

/* Helpers */

/* Adds the document @id with @spans, written "START-END:LABEL" and separated
 * by spaces, to @corpus. */
static GlossDocument *
add_document (GlossCorpus *corpus,
              const char  *id,
              const char  *text,
              const char  *spans)
{
  GlossDocument *document = format_test_add_document (corpus, id, text);

  format_test_add_spans (document, spans, NULL);

  return document;
}

static GlossAgreement *
compute (GlossCorpus **corpora,
         guint         n_corpora)
{
  static const char * const names[] = { "a.gloss.json", "b.gloss.json", "c.gloss.json", "d.gloss.json" };
  g_autoptr(GError) error = NULL;
  GlossAgreement *agreement;

  g_assert_cmpuint (n_corpora, <=, G_N_ELEMENTS (names));

  agreement = gloss_agreement_compute (corpora, names, n_corpora, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (agreement);

  return agreement;
}

/* @n corpora, each with the one document "d" of @text and its own spans. */
static GlossAgreement *
compare_spans (const char         *text,
               const char * const *spans,
               guint               n)
{
  GlossCorpus *corpora[4];
  GlossAgreement *agreement;

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (corpora));

  for (guint i = 0; i < n; i++)
    {
      corpora[i] = gloss_corpus_new ();
      add_document (corpora[i], "d", text, spans[i]);
    }

  agreement = compute (corpora, n);

  for (guint i = 0; i < n; i++)
    g_object_unref (corpora[i]);

  return agreement;
}

static GlossAgreement *
compare_two (const char *text,
             const char *first_spans,
             const char *second_spans)
{
  const char * const spans[] = { first_spans, second_spans };

  return compare_spans (text, spans, 2);
}

#define assert_near(value, expected) \
  G_STMT_START { \
    double v_ = (value); \
    double e_ = (expected); \
    if (!(fabs (v_ - e_) < EPSILON)) \
      g_error ("%s:%d: %s is %.12g, not %.12g", __FILE__, __LINE__, #value, v_, e_); \
  } G_STMT_END

#define assert_nan(value) \
  G_STMT_START { \
    double v_ = (value); \
    if (!isnan (v_)) \
      g_error ("%s:%d: %s is %.12g, not NaN", __FILE__, __LINE__, #value, v_); \
  } G_STMT_END

static void
assert_scores (const GlossSpanScores *scores,
               guint                  first,
               guint                  second,
               guint                  matched,
               double                 precision,
               double                 recall,
               double                 f1)
{
  g_assert_cmpuint (scores->first, ==, first);
  g_assert_cmpuint (scores->second, ==, second);
  g_assert_cmpuint (scores->matched, ==, matched);
  if (isnan (precision))
    assert_nan (scores->precision);
  else
    assert_near (scores->precision, precision);
  if (isnan (recall))
    assert_nan (scores->recall);
  else
    assert_near (scores->recall, recall);
  if (isnan (f1))
    assert_nan (scores->f1);
  else
    assert_near (scores->f1, f1);
}

static char *
describe_pairs (GArray *pairs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      const GlossSpanPair *pair = &g_array_index (pairs, GlossSpanPair, i);

      g_string_append_printf (out, "%s%u=%u", i > 0 ? " " : "", pair->first, pair->second);
    }

  return g_string_free (out, FALSE);
}

static char *
match_spans (const char          *text,
             const char          *first_spans,
             const char          *second_spans,
             GlossAgreementMatch  match)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossCorpus) b = gloss_corpus_new ();
  g_autoptr(GArray) pairs = NULL;

  pairs = gloss_agreement_match_spans (add_document (a, "d", text, first_spans),
                                       add_document (b, "d", text, second_spans), match);

  return describe_pairs (pairs);
}

/* The token categories of @spans on @text as "c c c …". */
static char *
token_labels (const char         *text,
              const char         *spans,
              const char * const *labels)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  GlossDocument *document = add_document (corpus, "d", text, spans);
  g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));
  g_autoptr(GArray) categories = gloss_agreement_token_labels (document, tokens, labels);
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (categories->len, ==, tokens->len);
  for (guint i = 0; i < categories->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? " " : "", g_array_index (categories, guint, i));

  return g_string_free (out, FALSE);
}

/* Rating tables */

/* Wikipedia, “Cohen's kappa”, worked example: 50 grant proposals read by A
 * and B. Both yes 20, A yes B no 5, A no B yes 10, both no 15.
 *   po = (20 + 15) / 50 = 0.7
 *   A says yes 25 times, B 30: pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.5
 *   κ = (0.7 − 0.5) / (1 − 0.5) = 0.4 */
static void
test_cohen_table (void)
{
  const guint64 proposals[] = { 20, 5, 10, 15 };
  /* Each always says the opposite: po = 0, pe = 0.5, κ = −1. */
  const guint64 opposite[] = { 0, 3, 3, 0 };
  /* Both put everything in the first category: pe = 1, κ = 0/0. */
  const guint64 one_category[] = { 7, 0, 0, 0 };
  /* A uses one category, B two: po = 0.5, pe = (1 × 0.5) = 0.5, κ = 0. */
  const guint64 one_sided[] = { 2, 2, 0, 0 };

  assert_near (gloss_agreement_cohen_kappa (proposals, 2), 0.4);
  assert_near (gloss_agreement_cohen_kappa (opposite, 2), -1.0);
  assert_nan (gloss_agreement_cohen_kappa (one_category, 2));
  assert_near (gloss_agreement_cohen_kappa (one_sided, 2), 0.0);
  assert_nan (gloss_agreement_cohen_kappa (NULL, 0));
}

/* Wikipedia, “Fleiss' kappa”, worked example: 14 raters put 10 subjects in
 * 5 categories.
 *   Σ over the table of n_ij² = 828, so
 *   P̄ = (828 − 10 × 14) / (10 × 14 × 13) = 688 / 1820 = 0.378022
 *   category totals 20, 28, 39, 21, 32 of 140:
 *   P̄e = (20² + 28² + 39² + 21² + 32²) / 140² = 4170 / 19600 = 0.212755
 *   κ = (0.378022 − 0.212755) / (1 − 0.212755) = 0.209931 */
static void
test_fleiss_table (void)
{
  const guint table[] = {
    0, 0, 0, 0, 14,
    0, 2, 6, 4, 2,
    0, 0, 3, 5, 6,
    0, 3, 9, 2, 0,
    2, 2, 8, 1, 1,
    7, 7, 0, 0, 0,
    3, 2, 6, 3, 0,
    2, 5, 3, 2, 2,
    6, 5, 2, 1, 0,
    0, 2, 2, 3, 7,
  };
  /* Every rating in the second category: P̄e = 1, κ = 0/0. */
  const guint unanimous[] = { 0, 3, 0, 3 };
  double p = 688.0 / 1820.0;
  double pe = 4170.0 / 19600.0;

  assert_near (gloss_agreement_fleiss_kappa (table, 10, 5), (p - pe) / (1 - pe));
  g_assert_cmpfloat (fabs (gloss_agreement_fleiss_kappa (table, 10, 5) - 0.210), <, 0.0005);
  assert_nan (gloss_agreement_fleiss_kappa (unanimous, 2, 2));
  assert_nan (gloss_agreement_fleiss_kappa (NULL, 0, 5));
}

/* Krippendorff (2011), “Computing Krippendorff's Alpha-Reliability”, the
 * nominal data with missing values: observers A–D, 12 units.
 *   unit   1 2 3 4 5 6 7 8 9 10 11 12
 *   A      1 2 3 3 2 1 4 1 2 .  .  .
 *   B      1 2 3 3 2 2 4 1 2 5  .  3
 *   C      . 3 3 3 2 3 4 2 2 5  1  .
 *   D      1 2 3 3 2 4 4 1 2 5  1  .
 * Unit 12 has one value and is left out. As counts of values 1–5 per unit:
 *   n = 40 pairable values; n_c = 9, 13, 10, 5, 3; Σ n_c² = 384
 *   Σ_c o_cc = Σ_u Σ_c n_uc (n_uc − 1) / (m_u − 1) = 32, unit by unit below
 *   α = 1 − (n − 1)(n − Σ o_cc) / (n² − Σ n_c²) = 1 − 39 × 8 / 1216 = 0.743421 */
static void
test_krippendorff_table (void)
{
  const guint table[] = {
    /* 1  2  3  4  5      m  Σ n(n−1)/(m−1) */
    3, 0, 0, 0, 0,   /* 3  6/2 = 3 */
    0, 3, 1, 0, 0,   /* 4  6/3 = 2 */
    0, 0, 4, 0, 0,   /* 4  12/3 = 4 */
    0, 0, 4, 0, 0,   /* 4  4 */
    0, 4, 0, 0, 0,   /* 4  4 */
    1, 1, 1, 1, 0,   /* 4  0 */
    0, 0, 0, 4, 0,   /* 4  4 */
    3, 1, 0, 0, 0,   /* 4  6/3 = 2 */
    0, 4, 0, 0, 0,   /* 4  4 */
    0, 0, 0, 0, 3,   /* 3  6/2 = 3 */
    2, 0, 0, 0, 0,   /* 2  2/1 = 2 */
    0, 0, 1, 0, 0,   /* 1  left out; total 32 */
  };
  const guint same[] = { 2, 0, 3, 0 };

  assert_near (gloss_agreement_krippendorff_alpha (table, 12, 5), 1.0 - 39.0 * 8.0 / 1216.0);
  g_assert_cmpfloat (fabs (gloss_agreement_krippendorff_alpha (table, 12, 5) - 0.743), <, 0.0005);

  /* The lone value of unit 12 changes nothing. */
  assert_near (gloss_agreement_krippendorff_alpha (table, 11, 5), 1.0 - 39.0 * 8.0 / 1216.0);

  /* Every value the same: no variation, α = 0/0. */
  assert_nan (gloss_agreement_krippendorff_alpha (same, 2, 2));
  /* Only lone values: nothing to pair. */
  assert_nan (gloss_agreement_krippendorff_alpha (table + 11 * 5, 1, 5));
}

/* Span matching */

static void
test_match_exact (void)
{
  g_autofree char *pairs = NULL;
  g_autofree char *none = NULL;

  /* The second document's spans sort as 0-3:principle, 0-3:task, 4-5:task. */
  pairs = match_spans ("aaa b", "0-3:principle 4-5:task", "0-3:task 0-3:principle 4-5:task",
                       GLOSS_AGREEMENT_EXACT);
  g_assert_cmpstr (pairs, ==, "0=0 1=2");

  /* Overlap is not enough, nor the same range with another label. */
  none = match_spans ("aaa b", "0-3:principle 4-5:task", "0-2:principle 4-5:pillar",
                      GLOSS_AGREEMENT_EXACT);
  g_assert_cmpstr (none, ==, "");
}

static void
test_match_partial (void)
{
  g_autofree char *largest = NULL;
  g_autofree char *tighter = NULL;
  g_autofree char *once = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *touching = NULL;

  /* First 0-3 (0) and 0-10 (1), second 0-3 (0) and 2-10 (1). Overlaps:
   * 0-10/2-10 8, 0-10/0-3 3, 0-3/0-3 3, 0-3/2-10 1. Greedy takes 0-10/2-10,
   * then of the two overlaps of 3 the tighter 0-3/0-3 (union 3, not 10). */
  largest = match_spans ("0123456789", "0-10:task 0-3:task", "0-3:task 2-10:task",
                         GLOSS_AGREEMENT_PARTIAL);
  g_assert_cmpstr (largest, ==, "0=0 1=1");

  /* 2-6 shares 4 code points with 0-6 (union 6) and with 2-7 (union 5):
   * the tighter pair wins. */
  tighter = match_spans ("0123456789", "2-6:task", "0-6:task 2-7:task", GLOSS_AGREEMENT_PARTIAL);
  g_assert_cmpstr (tighter, ==, "0=1");

  /* One span matches once: 0-5 against 0-2 and 3-5 (equal overlap and
   * union) takes the first in document order. */
  once = match_spans ("0123456789", "0-5:task", "0-2:task 3-5:task", GLOSS_AGREEMENT_PARTIAL);
  g_assert_cmpstr (once, ==, "0=0");

  /* Overlap with another label, or ranges that only touch, match nothing. */
  labels = match_spans ("0123456789", "0-5:task", "2-4:pillar", GLOSS_AGREEMENT_PARTIAL);
  g_assert_cmpstr (labels, ==, "");
  touching = match_spans ("0123456789", "0-5:task", "5-9:task", GLOSS_AGREEMENT_PARTIAL);
  g_assert_cmpstr (touching, ==, "");
}

/* Token labels */

static void
test_token_labels (void)
{
  static const char * const reversed[] = { "pillar", "task", "principle", NULL };
  static const char * const only_task[] = { "task", NULL };
  g_autofree char *nested = NULL;
  g_autofree char *tie = NULL;
  g_autofree char *tie_reversed = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *ignored = NULL;

  /* Tokens a 0-1, bb 2-4, ccc 5-8. The shortest span over a token wins:
   * a only has pillar 0-8, bb has pillar (8) and task 2-8 (6), ccc has
   * those and principle 5-8 (3). */
  nested = token_labels ("a bb ccc", "0-8:pillar 2-8:task 5-8:principle", default_labels);
  g_assert_cmpstr (nested, ==, "3 2 1");

  /* Two spans of the same length: the label that comes first. */
  tie = token_labels ("a bb ccc", "2-4:task 2-4:principle", default_labels);
  g_assert_cmpstr (tie, ==, "0 1 0");
  tie_reversed = token_labels ("a bb ccc", "2-4:task 2-4:principle", reversed);
  g_assert_cmpstr (tie_reversed, ==, "0 2 0");

  /* A span over part of a word labels the whole token; one over only the
   * space between tokens labels none. */
  partial = token_labels ("a bb ccc", "6-7:task 1-2:pillar", default_labels);
  g_assert_cmpstr (partial, ==, "0 0 2");

  /* Labels not listed are ignored. */
  ignored = token_labels ("a bb ccc", "0-1:principle 2-4:task", only_task);
  g_assert_cmpstr (ignored, ==, "0 1 0");
}

/* Corpora */

/* Ten one-letter tokens: token t is the code points 2t to 2t + 1.
 *   token    a b c d e f g h i j
 *   A        P P T . P P P . I .     (P principle, T task, I pillar)
 *   B        P P T T . P P . T P
 *   C        P P T . P P . . I . */
#define TEN_TOKENS "a b c d e f g h i j"
#define SPANS_A "0-3:principle 4-5:task 8-13:principle 16-17:pillar"
#define SPANS_B "0-3:principle 4-7:task 10-13:principle 16-17:task 18-19:principle"
#define SPANS_C "0-3:principle 4-5:task 8-11:principle 16-17:pillar"

/* Spans of A against B:
 *   A: 0-3 P, 4-5 T, 8-13 P, 16-17 I       (P 2, T 1, I 1; 4 in all)
 *   B: 0-3 P, 4-7 T, 10-13 P, 16-17 T, 18-19 P   (P 3, T 2, I 0; 5 in all)
 * Exact: 0-3 P only.
 *   P: 1 of 2 / 3: precision 1/3, recall 1/2, F1 2/5
 *   T: 0 of 1 / 2: 0, 0, 0
 *   I: 0 of 1 / 0: precision n/a, recall 0, F1 0
 *   micro: 1 of 4 / 5: 1/5, 1/4, F1 2/9
 *   macro: (1/3 + 0 + 0) / 3 = 1/9, (1/2 + 0 + 0) / 3 = 1/6, (2/5) / 3 = 2/15
 * Partial: 0-3/0-3 P, 4-5/4-7 T, 8-13/10-13 P.
 *   P: 2 of 2 / 3: 2/3, 1, 4/5
 *   T: 1 of 1 / 2: 1/2, 1, 2/3
 *   I: 0, as above
 *   micro: 3 of 4 / 5: 3/5, 3/4, 2/3
 *   macro: (2/3 + 1/2 + 0) / 3 = 7/18, (1 + 1 + 0) / 3 = 2/3,
 *          (4/5 + 2/3 + 0) / 3 = 22/45 */
static void
test_corpus_spans (void)
{
  g_autoptr(GlossAgreement) agreement = compare_two (TEN_TOKENS, SPANS_A, SPANS_B);
  GlossSpanScores scores;

  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 3);
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 2), ==, "pillar");
  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 1);
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 10);
  g_assert_cmpuint (gloss_agreement_get_problems (agreement)->len, ==, 0);

  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, 0, &scores);
  assert_scores (&scores, 2, 3, 1, 1.0 / 3, 1.0 / 2, 2.0 / 5);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, 1, &scores);
  assert_scores (&scores, 1, 2, 0, 0, 0, 0);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, 2, &scores);
  assert_scores (&scores, 1, 0, 0, NAN, 0, 0);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 4, 5, 1, 1.0 / 5, 1.0 / 4, 2.0 / 9);
  gloss_agreement_get_span_macro (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, &scores);
  assert_scores (&scores, 4, 5, 1, 1.0 / 9, 1.0 / 6, 2.0 / 15);

  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, 0, &scores);
  assert_scores (&scores, 2, 3, 2, 2.0 / 3, 1, 4.0 / 5);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, 1, &scores);
  assert_scores (&scores, 1, 2, 1, 1.0 / 2, 1, 2.0 / 3);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 4, 5, 3, 3.0 / 5, 3.0 / 4, 2.0 / 3);
  gloss_agreement_get_span_macro (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, &scores);
  assert_scores (&scores, 4, 5, 3, 7.0 / 18, 2.0 / 3, 22.0 / 45);

  /* B as the reference: precision and recall trade places. */
  gloss_agreement_get_span_scores (agreement, 1, 0, GLOSS_AGREEMENT_PARTIAL, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 5, 4, 3, 3.0 / 4, 3.0 / 5, 2.0 / 3);
}

/* Tokens of A against B (see TEN_TOKENS):
 *   agree on a b c f g h: po = 6/10
 *   A: none 3, P 5, T 1, I 1; B: none 2, P 5, T 3, I 0
 *   pe = (3×2 + 5×5 + 1×3 + 1×0) / 100 = 34/100
 *   κ = (0.6 − 0.34) / (1 − 0.34) = 26/66 = 13/33
 * Per label, that label or not:
 *   P: both 4 (a b f g), A only e, B only j, neither 4:
 *      po = 0.8, pe = (5×5 + 5×5) / 100 = 0.5, κ = 0.6
 *   T: both 1 (c), B only d i, neither 7:
 *      po = 0.8, pe = (1×3 + 9×7) / 100 = 0.66, κ = 0.14 / 0.34 = 7/17
 *   I: A only i, neither 9: po = 0.9, pe = (1×0 + 9×10) / 100 = 0.9, κ = 0
 * Krippendorff's α, 10 units of two values:
 *   n = 20; n_c: none 5, P 10, T 4, I 1; Σ n_c² = 142
 *   Σ o_cc = 6 agreeing units × 2 = 12
 *   α = 1 − 19 × (20 − 12) / (400 − 142) = 1 − 152/258 = 53/129
 *   P or not: n_c 10, 10; 8 agreeing units: α = 1 − 19 × 4 / 200 = 0.62 */
static void
test_corpus_tokens (void)
{
  g_autoptr(GlossAgreement) agreement = compare_two (TEN_TOKENS, SPANS_A, SPANS_B);

  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS), 13.0 / 33);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 1, 0, GLOSS_AGREEMENT_ALL_LABELS), 13.0 / 33);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 0), 0.6);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 1), 7.0 / 17);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 2), 0.0);

  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS), 53.0 / 129);
  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, 0), 0.62);
}

/* A, B and C (see TEN_TOKENS). Ratings per token (none, P, T, I):
 *   a b f: 0 3 0 0   c: 0 0 3 0   h: 3 0 0 0      Σ n² = 9, P_i = (9 − 3)/6 = 1
 *   d: 2 0 1 0   e g: 1 2 0 0   i: 0 0 1 2   j: 2 1 0 0   Σ n² = 5, P_i = 1/3
 *   P̄ = (5 × 1 + 5 × 1/3) / 10 = 2/3
 *   totals 9, 14, 5, 2 of 30: P̄e = (81 + 196 + 25 + 4) / 900 = 0.34
 *   Fleiss' κ = (2/3 − 0.34) / 0.66 = 49/99
 * Krippendorff's α: n = 30, Σ n_c² = 306,
 *   Σ o_cc = 5 × (3×2)/2 + 5 × (2×1)/2 = 20
 *   α = 1 − 29 × 10 / (900 − 306) = 152/297
 * P or not, Fleiss: a b f have 3 P, c d h i none, e g 2, j 1; over
 *   (P, not) Σ n² is 9 for a b c d f h i (63) and 5 for e g j (15): 78
 *   P̄ = (78 − 30) / 60 = 0.8; P 14 of 30: P̄e = (196 + 256) / 900 = 452/900
 *   κ = (0.8 − 452/900) / (448/900) = 268/448 = 67/112 */
static void
test_corpus_three (void)
{
  const char * const spans[] = { SPANS_A, SPANS_B, SPANS_C };
  g_autoptr(GlossAgreement) agreement = compare_spans (TEN_TOKENS, spans, 3);
  GlossSpanScores scores;

  g_assert_cmpuint (gloss_agreement_get_n_annotators (agreement), ==, 3);
  g_assert_cmpstr (gloss_agreement_get_annotator (agreement, 2), ==, "c.gloss.json");

  assert_near (gloss_agreement_get_fleiss_kappa (agreement, GLOSS_AGREEMENT_ALL_LABELS), 49.0 / 99);
  assert_near (gloss_agreement_get_fleiss_kappa (agreement, 0), 67.0 / 112);
  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS), 152.0 / 297);

  /* Pairs are kept apart: A–B as with two corpora, A–C differ at g only
   * (spans: 8-13 against 8-11 P). */
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS), 13.0 / 33);
  gloss_agreement_get_span_scores (agreement, 0, 2, GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 4, 4, 3, 3.0 / 4, 3.0 / 4, 3.0 / 4);
  gloss_agreement_get_span_scores (agreement, 2, 0, GLOSS_AGREEMENT_PARTIAL, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 4, 4, 4, 1, 1, 1);
}

/* The same spans in every corpus: every score is 1. */
static void
test_corpus_identical (void)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  GlossCorpus *corpora[3] = { a, a, a };
  GlossSpanScores scores;

  add_document (a, "d1", TEN_TOKENS, SPANS_A);
  add_document (a, "d2", "Hòa bình và hợp tác", "0-8:principle 12-19:task");
  agreement = compute (corpora, 3);

  for (guint match = GLOSS_AGREEMENT_EXACT; match <= GLOSS_AGREEMENT_PARTIAL; match++)
    {
      gloss_agreement_get_span_scores (agreement, 0, 1, match, GLOSS_AGREEMENT_ALL_LABELS, &scores);
      assert_scores (&scores, 6, 6, 6, 1, 1, 1);
      gloss_agreement_get_span_macro (agreement, 1, 2, match, &scores);
      assert_scores (&scores, 6, 6, 6, 1, 1, 1);
    }

  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 2, GLOSS_AGREEMENT_ALL_LABELS), 1);
  assert_near (gloss_agreement_get_fleiss_kappa (agreement, GLOSS_AGREEMENT_ALL_LABELS), 1);
  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS), 1);
  for (guint k = 0; k < 3; k++)
    {
      assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, k), 1);
      assert_near (gloss_agreement_get_fleiss_kappa (agreement, k), 1);
      assert_near (gloss_agreement_get_krippendorff_alpha (agreement, k), 1);
    }
}

/* No spans anywhere: every token is “none” for everyone, so the expected
 * agreement is 1 and κ and α are 0/0; no span makes F1 0/0 too. */
static void
test_corpus_no_spans (void)
{
  const char * const spans[] = { "", "", "" };
  g_autoptr(GlossAgreement) agreement = compare_spans (TEN_TOKENS, spans, 3);
  GlossSpanScores scores;

  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 10);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 0, 0, 0, NAN, NAN, NAN);
  gloss_agreement_get_span_macro (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, &scores);
  assert_scores (&scores, 0, 0, 0, NAN, NAN, NAN);

  assert_nan (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS));
  assert_nan (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 0));
  assert_nan (gloss_agreement_get_fleiss_kappa (agreement, GLOSS_AGREEMENT_ALL_LABELS));
  assert_nan (gloss_agreement_get_fleiss_kappa (agreement, 2));
  assert_nan (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS));
  assert_nan (gloss_agreement_get_krippendorff_alpha (agreement, 1));
}

/* Nothing to compare at all: two corpora without documents. */
static void
test_corpus_empty (void)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossCorpus) b = gloss_corpus_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  GlossCorpus *corpora[2] = { a, b };
  GlossSpanScores scores;

  agreement = compute (corpora, 2);

  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 0);
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 0);
  g_assert_cmpuint (gloss_agreement_get_problems (agreement)->len, ==, 0);
  gloss_agreement_get_span_macro (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, &scores);
  assert_scores (&scores, 0, 0, 0, NAN, NAN, NAN);
  assert_nan (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS));
  assert_nan (gloss_agreement_get_fleiss_kappa (agreement, GLOSS_AGREEMENT_ALL_LABELS));
  assert_nan (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS));
}

/* A labelled “a b” of “a b c d”, B nothing.
 *   Spans: A 1, B 0: precision n/a, recall 0, F1 0; macro over principle
 *   alone: 0, 0, 0.
 *   Tokens: A P P . ., B . . . .: po = 2/4, pe = (2×4 + 2×0) / 16 = 1/2, κ = 0
 *   α: n = 8, n_c: none 6, P 2; Σ o_cc = 2 units × 2 = 4;
 *   α = 1 − 7 × 4 / (64 − 36 − 4) = 1 − 28/24 = −1/6 */
static void
test_corpus_one_empty (void)
{
  g_autoptr(GlossAgreement) agreement = compare_two ("a b c d", "0-3:principle", "");
  GlossSpanScores scores;

  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 1, 0, 0, NAN, 0, 0);
  gloss_agreement_get_span_macro (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, &scores);
  assert_scores (&scores, 1, 0, 0, 0, 0, 0);

  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS), 0);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 0), 0);
  /* No one used task: its table is all “not task”. */
  assert_nan (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 1));
  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS), -1.0 / 6);
}

/* A: a principle, b task; B: a task, b principle.
 *   Spans overlap only across labels: no match, F1 0.
 *   Tokens: po = 0, pe = (1×1 + 1×1) / 4 = 1/2, κ = −1
 *   α: n = 4, n_c 2 and 2, Σ o_cc = 0: α = 1 − 3 × 4 / (16 − 8) = −1/2 */
static void
test_corpus_disagreement (void)
{
  g_autoptr(GlossAgreement) agreement = compare_two ("a b", "0-1:principle 2-3:task", "0-1:task 2-3:principle");
  GlossSpanScores scores;

  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 2, 2, 0, 0, 0, 0);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS), -1);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, 0), -1);
  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS), -0.5);
}

/* Vietnamese with combining marks (NFD), a ZWJ family, Hebrew and Arabic.
 * In code points: Việt 0-6 (V i e + U+0302 + U+0323 t), Nam 7-10, the
 * family 11-16 (three people, two joiners), שלום 17-21, עולם 22-26,
 * مرحبا 27-32 — in bytes the same words sit far later, so counting bytes
 * would label other tokens.
 *   A: 0-10 P (Việt Nam), 11-16 T, 22-26 I
 *   B: 0-6 P (Việt), 11-16 T, 17-26 I, 27-32 T
 *   tokens A: P P T . I .   B: P . T I I T
 *   po = 3/6; A: none 2, P 2, T 1, I 1; B: none 1, P 1, T 2, I 2
 *   pe = (2 + 2 + 2 + 2) / 36 = 2/9; κ = (1/2 − 2/9) / (7/9) = 5/14
 *   exact: the family only, F1 = 2 × 1 / (3 + 4) = 2/7
 *   partial: P 0-10/0-6, T, I 22-26/17-26: F1 = 6/7 */
static void
test_corpus_unicode (void)
{
  static const char text[] = "Vie\xcc\x82\xcc\xa3t Nam \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 "
                             "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d "
                             "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7";
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, text);
  g_autofree char *family = gloss_document_dup_slice (document, 11, 16);
  g_autoptr(GlossAgreement) agreement = NULL;
  GlossSpanScores scores;

  g_assert_cmpstr (family, ==, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7");
  agreement = compare_two (text, "0-10:principle 11-16:task 22-26:pillar",
                           "0-6:principle 11-16:task 17-26:pillar 27-32:task");

  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 6);
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS), 5.0 / 14);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 3, 4, 1, 1.0 / 4, 1.0 / 3, 2.0 / 7);
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 3, 4, 3, 3.0 / 4, 1, 6.0 / 7);
}

static const GlossAgreementProblem *
get_problem (GlossAgreement *agreement,
             guint           index)
{
  GPtrArray *problems = gloss_agreement_get_problems (agreement);

  g_assert_cmpuint (index, <, problems->len);

  return g_ptr_array_index (problems, index);
}

/* d1 (TEN_TOKENS) is in A, B and C; d2 “x y” in A and B only; d3 has
 * another text in B and is compared nowhere.
 *   Fleiss' κ: d1 alone, 49/99 as in test_corpus_three.
 *   α: d2 adds two units of two values: x (P, P), y (none, none):
 *   n = 34; n_c: none 11, P 16, T 5, I 2; Σ n_c² = 121 + 256 + 25 + 4 = 406;
 *   Σ o_cc = 20 + 2 + 2 = 24;
 *   α = 1 − 33 × (34 − 24) / (1156 − 406) = 1 − 330/750 = 0.56 */
static void
test_corpus_alignment (void)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossCorpus) b = gloss_corpus_new ();
  g_autoptr(GlossCorpus) c = gloss_corpus_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  GlossCorpus *corpora[3] = { a, b, c };
  const GlossAgreementProblem *problem;
  GlossSpanScores scores;

  add_document (a, "d1", TEN_TOKENS, SPANS_A);
  add_document (a, "d2", "x y", "0-1:principle");
  add_document (a, "d3", "same text", "0-4:task");
  add_document (b, "d3", "same text, edited", "0-4:task");
  add_document (b, "d2", "x y", "0-1:principle");
  add_document (b, "d1", TEN_TOKENS, SPANS_B);
  add_document (c, "d1", TEN_TOKENS, SPANS_C);
  add_document (c, "d3", "same text", "0-4:task");
  agreement = compute (corpora, 3);

  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 2);
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 12);
  g_assert_cmpuint (gloss_agreement_get_problems (agreement)->len, ==, 2);

  problem = get_problem (agreement, 0);
  g_assert_cmpint (problem->kind, ==, GLOSS_AGREEMENT_MISSING_DOCUMENT);
  g_assert_cmpstr (problem->document, ==, "d2");
  g_assert_cmpuint (problem->annotator, ==, 2);
  g_assert_cmpuint (problem->reference, ==, 0);
  g_assert_cmpstr (problem->message, ==, "The document “d2” of a.gloss.json is missing from c.gloss.json");

  problem = get_problem (agreement, 1);
  g_assert_cmpint (problem->kind, ==, GLOSS_AGREEMENT_TEXT_DIFFERS);
  g_assert_cmpstr (problem->document, ==, "d3");
  g_assert_cmpuint (problem->annotator, ==, 1);
  g_assert_cmpuint (problem->reference, ==, 0);
  g_assert_cmpstr (problem->message, ==,
                   "The document “d3” has another text in b.gloss.json than in a.gloss.json; it is not compared");

  /* A–B has d1 and d2: d2 adds one exact match to the four and five of d1;
   * A–C has d1 only, and d3 nowhere. */
  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 5, 6, 2, 2.0 / 6, 2.0 / 5, 4.0 / 11);
  gloss_agreement_get_span_scores (agreement, 0, 2, GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  assert_scores (&scores, 4, 4, 3, 3.0 / 4, 3.0 / 4, 3.0 / 4);

  assert_near (gloss_agreement_get_fleiss_kappa (agreement, GLOSS_AGREEMENT_ALL_LABELS), 49.0 / 99);
  assert_near (gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS), 0.56);
}

/* Labels are those of the first schema in order, then the others'. */
static void
test_corpus_label_union (void)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossCorpus) b = NULL;
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  g_autoptr(GlossLabel) loc = gloss_label_new ("LOC", "Location", NULL, NULL, NULL);
  g_autoptr(GlossLabel) task = gloss_label_new ("task", "Task", NULL, NULL, NULL);
  g_autoptr(GlossAgreement) agreement = NULL;
  GlossCorpus *corpora[2] = { NULL, NULL };
  GlossSpanScores scores;

  g_assert_true (gloss_schema_add (schema, loc, NULL));
  g_assert_true (gloss_schema_add (schema, task, NULL));
  b = gloss_corpus_new_with_schema (schema);
  corpora[0] = a;
  corpora[1] = b;

  add_document (a, "d", "Hà Nội", "0-6:task");
  add_document (b, "d", "Hà Nội", "0-6:LOC");
  agreement = compute (corpora, 2);

  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 4);
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 0), ==, "principle");
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 3), ==, "LOC");

  gloss_agreement_get_span_scores (agreement, 0, 1, GLOSS_AGREEMENT_EXACT, 3, &scores);
  assert_scores (&scores, 0, 1, 0, 0, NAN, 0);
  /* Both tokens: task against LOC; po = 0, pe = 0, κ = 0. */
  assert_near (gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS), 0);
}

static void
test_corpus_cancelled (void)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossCorpus) b = gloss_corpus_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  GlossCorpus *corpora[2] = { a, b };
  const char * const names[] = { "a", "b" };

  add_document (a, "d", TEN_TOKENS, SPANS_A);
  add_document (b, "d", TEN_TOKENS, SPANS_B);
  g_cancellable_cancel (cancellable);

  agreement = gloss_agreement_compute (corpora, names, 2, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (agreement);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/agreement/table/cohen", test_cohen_table);
  g_test_add_func ("/gloss/core/agreement/table/fleiss", test_fleiss_table);
  g_test_add_func ("/gloss/core/agreement/table/krippendorff", test_krippendorff_table);
  g_test_add_func ("/gloss/core/agreement/match/exact", test_match_exact);
  g_test_add_func ("/gloss/core/agreement/match/partial", test_match_partial);
  g_test_add_func ("/gloss/core/agreement/token-labels", test_token_labels);
  g_test_add_func ("/gloss/core/agreement/corpus/spans", test_corpus_spans);
  g_test_add_func ("/gloss/core/agreement/corpus/tokens", test_corpus_tokens);
  g_test_add_func ("/gloss/core/agreement/corpus/three", test_corpus_three);
  g_test_add_func ("/gloss/core/agreement/corpus/identical", test_corpus_identical);
  g_test_add_func ("/gloss/core/agreement/corpus/no-spans", test_corpus_no_spans);
  g_test_add_func ("/gloss/core/agreement/corpus/empty", test_corpus_empty);
  g_test_add_func ("/gloss/core/agreement/corpus/one-empty", test_corpus_one_empty);
  g_test_add_func ("/gloss/core/agreement/corpus/disagreement", test_corpus_disagreement);
  g_test_add_func ("/gloss/core/agreement/corpus/unicode", test_corpus_unicode);
  g_test_add_func ("/gloss/core/agreement/corpus/alignment", test_corpus_alignment);
  g_test_add_func ("/gloss/core/agreement/corpus/label-union", test_corpus_label_union);
  g_test_add_func ("/gloss/core/agreement/corpus/cancelled", test_corpus_cancelled);

  return g_test_run ();
}
