/* test-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gloss.h"
#include "format-test-util.h"

/* Text with precomposed Vietnamese letters and a family emoji of five code
 * points: "Hà Nội" is 0-6, the emoji 7-12, "Sài Gòn" 13-20. */
#define MIXED_TEXT "Hà Nội 👩‍👩‍👧 Sài Gòn"

typedef struct
{
  GlossCorpus   *a;
  GlossCorpus   *b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->a = gloss_corpus_new ();
  fixture->b = gloss_corpus_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
}

/* Adds the document "d" of @text with @spans to @corpus. */
static GlossDocument *
add_document (GlossCorpus *corpus,
              const char  *text,
              const char  *spans)
{
  GlossDocument *document = format_test_add_document (corpus, "d", text);

  format_test_add_spans (document, spans, "bình");

  return document;
}

/* The disagreements of @a_spans with @b_spans over @text, written
 * "KIND START-END A/B" (kind a, b, l or x for boundary; A and B the
 * number of spans of each side), separated by spaces. */
static char *
describe (Fixture    *fixture,
          const char *text,
          const char *a_spans,
          const char *b_spans)
{
  static const char kinds[] = { 'a', 'b', 'l', 'x' };
  GlossDocument *a = add_document (fixture->a, text, a_spans);
  GlossDocument *b = add_document (fixture->b, text, b_spans);
  g_autoptr(GPtrArray) disagreements = gloss_compare_documents (a, b);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < disagreements->len; i++)
    {
      GlossDisagreement *d = g_ptr_array_index (disagreements, i);

      g_string_append_printf (out, "%s%c %u-%u %u/%u", i > 0 ? " " : "", kinds[d->kind],
                              d->start, d->end, d->a_spans->len, d->b_spans->len);
    }

  return g_string_free (out, FALSE);
}

static void
assert_disagreements (const char *text,
                      const char *a_spans,
                      const char *b_spans,
                      const char *expected)
{
  Fixture fixture;
  g_autofree char *actual = NULL;

  fixture_set_up (&fixture, NULL);
  actual = describe (&fixture, text, a_spans, b_spans);
  g_assert_cmpstr (actual, ==, expected);
  fixture_tear_down (&fixture, NULL);
}

static void
test_compare_no_spans (void)
{
  assert_disagreements ("Nothing labelled here", "", "", "");
}

static void
test_compare_one_side_empty (void)
{
  assert_disagreements ("one two three four", "0-3:task 8-13:pillar", "",
                        "a 0-3 1/0 a 8-13 1/0");
  assert_disagreements ("one two three four", "", "0-3:task 8-13:pillar",
                        "b 0-3 0/1 b 8-13 0/1");
}

static void
test_compare_identical (void)
{
  /* Nested and overlapping spans that both sides made the same way. */
  assert_disagreements ("one two three four", "0-7:task 4-7:pillar 8-18:principle",
                        "0-7:task 4-7:pillar 8-18:principle", "");
}

static void
test_compare_perfect_disagreement (void)
{
  /* Nothing in common: each side's spans are the other's gaps, and where
   * both marked the same words they chose other labels. */
  assert_disagreements ("one two three four", "0-3:task 8-13:task",
                        "4-7:pillar 8-13:principle 14-18:task",
                        "a 0-3 1/0 b 4-7 0/1 l 8-13 1/1 b 14-18 0/1");
}

static void
test_compare_overlaps (void)
{
  /* A chain: A 0-5 overlaps B 4-10, which overlaps A 9-12: one cluster. */
  assert_disagreements ("abcdefghijklmnop", "0-5:task 9-12:task", "4-10:task",
                        "x 0-12 2/1");
  /* Nested: both made 0-10, only B the span inside it. */
  assert_disagreements ("abcdefghijklmnop", "0-10:task", "0-10:task 2-4:pillar",
                        "x 0-10 1/2");
  /* Touching spans share no code point: two clusters. */
  assert_disagreements ("abcdefghijklmnop", "0-3:task", "3-6:task",
                        "a 0-3 1/0 b 3-6 0/1");
  /* The same extents twice, labels swapped over. */
  assert_disagreements ("abcdefghijklmnop", "0-4:task 0-4:pillar", "0-4:principle 0-4:task",
                        "l 0-4 2/2");
  /* One agreement between two disagreements stays out of both. */
  assert_disagreements ("abcdefghijklmnop", "0-2:task 4-6:task 8-10:task", "0-3:task 4-6:task 8-10:pillar",
                        "x 0-3 1/1 l 8-10 1/1");
}

static void
test_compare_offsets (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *actual = NULL;

  actual = describe (fixture, MIXED_TEXT, "0-6:task 13-20:pillar", "0-6:principle 7-12:task");
  g_assert_cmpstr (actual, ==, "l 0-6 1/1 b 7-12 0/1 a 13-20 1/0");
}

static guint
count_disagreements (GlossDocument *a,
                     GlossDocument *b)
{
  g_autoptr(GPtrArray) disagreements = gloss_compare_documents (a, b);

  return disagreements->len;
}

static void
test_compare_accept_b (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossDocument *a = add_document (fixture->a, MIXED_TEXT, "0-6:task 13-20:pillar");
  GlossDocument *b = NULL;
  GlossHistory *history = gloss_corpus_get_history (fixture->a);
  g_autoptr(GlossDocument) b_document = NULL;
  g_autoptr(GPtrArray) disagreements = NULL;
  g_autoptr(GlossSpan) name = gloss_span_new_full (NULL, 0, 6, "principle", "tên riêng", "Minh",
                                                   "2024-06-01T08:00:00Z");
  g_autoptr(GlossSpan) family = gloss_span_new_full (NULL, 7, 12, "task", NULL, "Minh", NULL);
  GlossSpan *span;

  b = add_document (fixture->b, MIXED_TEXT, "");
  b_document = g_object_ref (b);
  g_assert_true (gloss_document_add_span (b, name, NULL));
  g_assert_true (gloss_document_add_span (b, family, NULL));

  disagreements = gloss_compare_documents (a, b);
  g_assert_cmpuint (disagreements->len, ==, 3);

  for (guint i = 0; i < disagreements->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (gloss_compare_accept_b (history, a, g_ptr_array_index (disagreements, i), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpuint (count_disagreements (a, b), ==, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
  span = gloss_document_get_span (a, 0);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 0);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 6);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  g_assert_cmpstr (gloss_span_get_annotator (span), ==, "Minh");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "tên riêng");
  g_assert_cmpstr (gloss_span_get_created (span), ==, "2024-06-01T08:00:00Z");

  /* Each acceptance is one undo step. */
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (count_disagreements (a, b), ==, 1);
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (count_disagreements (a, b), ==, 2);
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (count_disagreements (a, b), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
  g_assert_cmpstr (gloss_span_get_label (gloss_document_get_span (a, 0)), ==, "task");
  g_assert_false (gloss_history_get_can_undo (history));
}

static void
test_compare_accept_b_unknown_label (Fixture       *fixture,
                                     gconstpointer  data)
{
  GlossDocument *a = add_document (fixture->a, MIXED_TEXT, "0-6:task");
  GlossDocument *b = add_document (fixture->b, MIXED_TEXT, "0-6:place");
  GlossHistory *history = gloss_corpus_get_history (fixture->a);
  g_autoptr(GPtrArray) disagreements = gloss_compare_documents (a, b);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (disagreements->len, ==, 1);
  g_assert_false (gloss_compare_accept_b (history, a, g_ptr_array_index (disagreements, 0), &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  g_assert_cmpstr (gloss_span_get_label (gloss_document_get_span (a, 0)), ==, "task");
  g_assert_false (gloss_history_get_can_undo (history));
}

static void
test_compare_key (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossDocument *a = add_document (fixture->a, MIXED_TEXT, "0-6:task");
  GlossDocument *b = add_document (fixture->b, MIXED_TEXT, "0-6:pillar");
  g_autoptr(GPtrArray) before = gloss_compare_documents (a, b);
  g_autoptr(GPtrArray) again = gloss_compare_documents (a, b);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *key_before = gloss_disagreement_dup_key (g_ptr_array_index (before, 0));
  g_autofree char *key_again = gloss_disagreement_dup_key (g_ptr_array_index (again, 0));
  g_autofree char *key_after = NULL;

  g_assert_cmpstr (key_before, ==, key_again);

  /* Either side changing makes another disagreement. */
  gloss_document_relabel_span (b, gloss_document_get_span (b, 0), "principle", NULL);
  after = gloss_compare_documents (a, b);
  key_after = gloss_disagreement_dup_key (g_ptr_array_index (after, 0));
  g_assert_cmpstr (key_before, !=, key_after);
}

static void
test_compare_find_document (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GlossDocument) other_text = gloss_document_new ("e", NULL, "Hà Nội");
  g_autoptr(GlossDocument) same_text = gloss_document_new ("e", NULL, "Hà Nội!");
  GlossDocument *a = add_document (fixture->a, MIXED_TEXT, "");
  GlossDocument *b = add_document (fixture->b, MIXED_TEXT, "");

  g_assert_true (gloss_compare_find_document (fixture->b, a) == b);
  g_assert_true (gloss_corpus_add_document (fixture->a, same_text, NULL));
  g_assert_true (gloss_corpus_add_document (fixture->b, other_text, NULL));
  /* Same id, another text: not comparable. */
  g_assert_null (gloss_compare_find_document (fixture->b, same_text));
  g_assert_cmpuint (gloss_compare_count_documents (fixture->a, fixture->b), ==, 1);
  g_assert_cmpuint (gloss_compare_count_documents (fixture->b, fixture->a), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/compare/no-spans", test_compare_no_spans);
  g_test_add_func ("/gloss/core/compare/one-side-empty", test_compare_one_side_empty);
  g_test_add_func ("/gloss/core/compare/identical", test_compare_identical);
  g_test_add_func ("/gloss/core/compare/perfect-disagreement", test_compare_perfect_disagreement);
  g_test_add_func ("/gloss/core/compare/overlaps", test_compare_overlaps);
  g_test_add ("/gloss/core/compare/offsets", Fixture, NULL, fixture_set_up, test_compare_offsets, fixture_tear_down);
  g_test_add ("/gloss/core/compare/accept-b", Fixture, NULL, fixture_set_up, test_compare_accept_b, fixture_tear_down);
  g_test_add ("/gloss/core/compare/accept-b-unknown-label", Fixture, NULL,
              fixture_set_up, test_compare_accept_b_unknown_label, fixture_tear_down);
  g_test_add ("/gloss/core/compare/key", Fixture, NULL, fixture_set_up, test_compare_key, fixture_tear_down);
  g_test_add ("/gloss/core/compare/find-document", Fixture, NULL,
              fixture_set_up, test_compare_find_document, fixture_tear_down);

  return g_test_run ();
}
