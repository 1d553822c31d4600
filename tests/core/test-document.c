/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"

#define FAMILY "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define E_ACUTE_DECOMPOSED "e\xcc\x81"
#define VIETNAMESE "Ngo\xe1\xba\xa1i giao Vi\xe1\xbb\x87t Nam"
#define ARABIC "\xd8\xa7\xd9\x84\xd8\xaf\xd8\xa8\xd9\x84\xd9\x88" \
               "\xd9\x85\xd8\xa7\xd8\xb3\xd9\x8a\xd8\xa9"

/* 40 code points, 69 bytes:
 *   0..4   the family (5 code points, 18 bytes)
 *   5      space
 *   6..7   e + U+0301
 *   8      space
 *   9..27  Vietnamese (19 code points, 23 bytes)
 *   28     space
 *   29..39 Arabic (11 code points, 22 bytes) */
#define MIXED_TEXT FAMILY " " E_ACUTE_DECOMPOSED " " VIETNAMESE " " ARABIC

#define FOX_TEXT "The quick brown fox jumps over the lazy dog."

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

typedef struct
{
  GlossDocument *document;
  GArray        *items_changed;  /* of ItemsChanged */
  GPtrArray     *span_changed;   /* of GlossSpan, as emitted */
  guint          n_changed;
  guint          n_spans_notify;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  ItemsChanged change = { position, removed, added };

  /* Whoever reacts to items-changed must already see the new list. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    gloss_document_get_n_spans (fixture->document));
  g_array_append_val (fixture->items_changed, change);
}

static void
on_span_changed_cb (GlossDocument *document,
                    GlossSpan     *span,
                    Fixture       *fixture)
{
  g_ptr_array_add (fixture->span_changed, g_object_ref (span));
}

static void
on_changed_cb (GlossDocument *document,
               Fixture       *fixture)
{
  fixture->n_changed++;
}

static void
on_n_spans_notify_cb (GlossDocument *document,
                      GParamSpec    *pspec,
                      Fixture       *fixture)
{
  fixture->n_spans_notify++;
}

/* For signals connected swapped: the counter comes first. */
static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
fixture_watch (Fixture       *fixture,
               GlossDocument *document)
{
  fixture->document = document;
  fixture->items_changed = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  fixture->span_changed = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->n_changed = 0;
  fixture->n_spans_notify = 0;

  g_signal_connect (document, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  g_signal_connect (document, "span-changed", G_CALLBACK (on_span_changed_cb), fixture);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed_cb), fixture);
  g_signal_connect (document, "notify::n-spans", G_CALLBACK (on_n_spans_notify_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_watch (fixture, gloss_document_new ("fox", "The fox", FOX_TEXT));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->span_changed, g_ptr_array_unref);
  g_clear_pointer (&fixture->items_changed, g_array_unref);
  g_assert_finalize_object (fixture->document);
}

static void
fixture_reset (Fixture *fixture)
{
  g_array_set_size (fixture->items_changed, 0);
  g_ptr_array_set_size (fixture->span_changed, 0);
  fixture->n_changed = 0;
  fixture->n_spans_notify = 0;
}

static void
assert_items_changed (Fixture *fixture,
                      guint    index,
                      guint    position,
                      guint    removed,
                      guint    added)
{
  const ItemsChanged *change;

  g_assert_cmpuint (index, <, fixture->items_changed->len);
  change = &g_array_index (fixture->items_changed, ItemsChanged, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static GlossSpan *
add_span (GlossDocument *document,
          guint          start,
          guint          end,
          const char    *label)
{
  g_autoptr(GlossSpan) span = gloss_span_new (start, end, label);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);

  return span;  /* owned by the document now */
}

static void
assert_span (GlossSpan  *span,
             guint       start,
             guint       end,
             const char *label)
{
  g_assert_nonnull (span);
  g_assert_cmpuint (gloss_span_get_start (span), ==, start);
  g_assert_cmpuint (gloss_span_get_end (span), ==, end);
  g_assert_cmpstr (gloss_span_get_label (span), ==, label);
}

/* Independent of gloss_span_compare() on purpose. */
static int
reference_compare (GlossSpan *a,
                   GlossSpan *b)
{
  if (gloss_span_get_start (a) != gloss_span_get_start (b))
    return gloss_span_get_start (a) < gloss_span_get_start (b) ? -1 : 1;
  if (gloss_span_get_end (a) != gloss_span_get_end (b))
    return gloss_span_get_end (a) < gloss_span_get_end (b) ? -1 : 1;
  return strcmp (gloss_span_get_label (a), gloss_span_get_label (b));
}

static void
assert_sorted (GlossDocument *document)
{
  guint n = gloss_document_get_n_spans (document);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (document)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);
      g_autoptr(GlossSpan) item = g_list_model_get_item (G_LIST_MODEL (document), i);
      guint position = G_MAXUINT;

      g_assert_true (item == span);
      g_assert_true (gloss_document_find_span_position (document, span, &position));
      g_assert_cmpuint (position, ==, i);
      g_assert_true (gloss_document_lookup_span (document, gloss_span_get_id (span)) == span);

      if (i > 0)
        g_assert_cmpint (reference_compare (gloss_document_get_span (document, i - 1), span), <, 0);
    }

  g_assert_null (gloss_document_get_span (document, n));
}

static void
test_document_properties (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("d1", NULL, MIXED_TEXT);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  guint n_spans = 99;
  guint n_title = 0;
  guint n_source = 0;
  guint n_lang = 0;
  guint n_changed = 0;

  g_signal_connect_swapped (document, "notify::title", G_CALLBACK (count_cb), &n_title);
  g_signal_connect_swapped (document, "notify::source", G_CALLBACK (count_cb), &n_source);
  g_signal_connect_swapped (document, "notify::lang", G_CALLBACK (count_cb), &n_lang);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (count_cb), &n_changed);

  g_object_get (document, "id", &id, "text", &text, "n-spans", &n_spans, NULL);
  g_assert_cmpstr (id, ==, "d1");
  g_assert_cmpstr (text, ==, MIXED_TEXT);
  g_assert_cmpuint (n_spans, ==, 0);
  g_assert_cmpstr (gloss_document_get_id (document), ==, "d1");
  g_assert_cmpstr (gloss_document_get_text (document), ==, MIXED_TEXT);
  g_assert_cmpuint (gloss_document_get_length (document), ==, 40);
  g_assert_cmpuint (gloss_document_get_text_bytes (document), ==, 69);
  g_assert_cmpuint (gloss_document_get_text_bytes (document), ==, strlen (MIXED_TEXT));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (document)) == GLOSS_TYPE_SPAN);

  g_assert_cmpstr (gloss_document_get_title (document), ==, "");
  g_assert_cmpstr (gloss_document_get_source (document), ==, "");
  g_assert_cmpstr (gloss_document_get_lang (document), ==, "");
  g_assert_nonnull (gloss_document_get_meta (document));

  gloss_document_set_title (document, "Ngoại giao");
  gloss_document_set_source (document, "ngoai-giao.txt");
  gloss_document_set_lang (document, "vi");
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_cmpuint (n_source, ==, 1);
  g_assert_cmpuint (n_lang, ==, 1);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Ngoại giao");
  g_assert_cmpstr (gloss_document_get_source (document), ==, "ngoai-giao.txt");
  g_assert_cmpstr (gloss_document_get_lang (document), ==, "vi");

  /* No change, no signal. */
  gloss_document_set_title (document, "Ngoại giao");
  g_object_set (document, "source", "ngoai-giao.txt", "lang", "vi", NULL);
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_cmpuint (n_source, ==, 1);
  g_assert_cmpuint (n_lang, ==, 1);
  g_assert_cmpuint (n_changed, ==, 3);

  /* "" and NULL are the same: no value. */
  gloss_document_set_title (document, "");
  g_assert_cmpuint (n_title, ==, 2);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "");
  gloss_document_set_title (document, NULL);
  g_assert_cmpuint (n_title, ==, 2);
  g_assert_cmpuint (n_changed, ==, 4);
}

static void
test_document_sorted (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    guint start;
    guint end;
    const char *label;
    guint expected_position;
  } adds[] = {
    { 10, 15, "task", 0 },
    { 0, 3, "principle", 0 },
    { 4, 9, "pillar", 1 },
    { 4, 9, "principle", 2 },
    { 4, 19, "task", 3 },        /* overlaps (10, 15) */
    { 0, 44, "pillar", 1 },      /* the whole text, nesting everything */
    { 4, 9, "a:b", 2 },
    { 10, 15, "principle", 6 },  /* same range as (10, 15, task) */
    { 16, 19, "task", 8 },       /* nested in (4, 19) */
  };
  static const struct {
    guint start;
    guint end;
    const char *label;
  } sorted[] = {
    { 0, 3, "principle" },
    { 0, 44, "pillar" },
    { 4, 9, "a:b" },
    { 4, 9, "pillar" },
    { 4, 9, "principle" },
    { 4, 19, "task" },
    { 10, 15, "principle" },
    { 10, 15, "task" },
    { 16, 19, "task" },
  };
  GlossDocument *document = fixture->document;

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      add_span (document, adds[i].start, adds[i].end, adds[i].label);
      g_assert_cmpuint (fixture->items_changed->len, ==, i + 1);
      assert_items_changed (fixture, i, adds[i].expected_position, 0, 1);
      g_assert_cmpuint (fixture->n_spans_notify, ==, i + 1);
      g_assert_cmpuint (fixture->n_changed, ==, i + 1);
      assert_sorted (document);
    }

  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);

      assert_span (span, sorted[i].start, sorted[i].end, sorted[i].label);
      g_assert_true (gloss_document_find_span (document, sorted[i].start, sorted[i].end,
                                               sorted[i].label) == span);
    }

  g_assert_null (gloss_document_find_span (document, 4, 9, "task"));
  g_assert_null (gloss_document_find_span (document, 4, 10, "pillar"));
  g_assert_null (gloss_document_find_span (document, 30, 31, "pillar"));
  g_assert_cmpuint (fixture->span_changed->len, ==, 0);
}

static void
test_document_duplicate_span (Fixture       *fixture,
                              gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) dup_last = gloss_span_new (10, 15, "task");
  g_autoptr(GlossSpan) dup_middle = gloss_span_new (0, 3, "principle");
  g_autoptr(GlossSpan) other_label = gloss_span_new (0, 3, "task");
  g_autoptr(GError) error = NULL;

  add_span (document, 0, 3, "principle");
  add_span (document, 4, 9, "pillar");
  add_span (document, 10, 15, "task");
  fixture_reset (fixture);

  g_assert_false (gloss_document_add_span (document, dup_last, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_clear_error (&error);

  g_assert_false (gloss_document_add_span (document, dup_middle, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_clear_error (&error);

  /* A refused span is left as it was: no id. */
  g_assert_null (gloss_span_get_id (dup_last));
  g_assert_null (gloss_span_get_id (dup_middle));
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 3);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (fixture->n_spans_notify, ==, 0);

  /* Same range, other label: fine. */
  g_assert_true (gloss_document_add_span (document, other_label, &error));
  g_assert_no_error (error);
  assert_items_changed (fixture, 0, 1, 0, 1);
  assert_sorted (document);

  /* The very same object twice is a duplicate too. */
  g_assert_false (gloss_document_add_span (document, other_label, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 4);
}

static void
test_document_invalid_range (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct {
    guint start;
    guint end;
  } bad[] = {
    { 3, 3 },           /* empty */
    { 0, 0 },
    { 44, 44 },         /* empty at the very end */
    { 5, 2 },           /* reversed */
    { 44, 0 },
    { 40, 45 },         /* past the end (44) */
    { 44, 45 },
    { 45, 46 },
    { 0, G_MAXUINT },
    { G_MAXUINT - 1, G_MAXUINT },
  };
  GlossDocument *document = fixture->document;

  g_assert_cmpuint (gloss_document_get_length (document), ==, 44);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GlossSpan) span = gloss_span_new (bad[i].start, bad[i].end, "task");
      g_autoptr(GError) error = NULL;

      g_assert_false (gloss_document_add_span (document, span, &error));
      g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE);
      g_assert_null (gloss_span_get_id (span));
    }

  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* The boundaries themselves are fine. */
  add_span (document, 0, 44, "task");
  add_span (document, 43, 44, "task");
  add_span (document, 0, 1, "task");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 3);
}

static void
test_document_invalid_label (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const bad[] = { "", "two words", "nguyên-tắc", "a/b" };
  GlossDocument *document = fixture->document;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GlossSpan) span = gloss_span_new (0, 3, bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (gloss_document_add_span (document, span, &error));
      g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_LABEL);
    }

  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_document_ids (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) explicit4 = gloss_span_new_full ("s4", 20, 25, "task", NULL, NULL, NULL);
  g_autoptr(GlossSpan) custom = gloss_span_new_full ("custom", 30, 34, "task", "note", "an", NULL);
  g_autoptr(GlossSpan) explicit8 = gloss_span_new_full ("s8", 1, 2, "task", NULL, NULL, NULL);
  g_autoptr(GlossSpan) dup_id = gloss_span_new_full ("s1", 35, 39, "pillar", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GlossSpan *s1;
  GlossSpan *s2;
  GlossSpan *s3;
  GlossSpan *span;

  s1 = add_span (document, 10, 15, "task");
  s2 = add_span (document, 0, 3, "principle");
  s3 = add_span (document, 4, 9, "pillar");
  g_assert_cmpstr (gloss_span_get_id (s1), ==, "s1");
  g_assert_cmpstr (gloss_span_get_id (s2), ==, "s2");
  g_assert_cmpstr (gloss_span_get_id (s3), ==, "s3");

  /* An id given by the caller is kept, and never handed out again. */
  g_assert_true (gloss_document_add_span (document, explicit4, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_id (explicit4), ==, "s4");
  span = add_span (document, 5, 6, "task");
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s5");

  g_assert_true (gloss_document_add_span (document, custom, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_id (custom), ==, "custom");
  g_assert_cmpstr (gloss_span_get_note (custom), ==, "note");
  g_assert_cmpstr (gloss_span_get_annotator (custom), ==, "an");

  /* A duplicate id is refused even for an otherwise new span. */
  g_assert_false (gloss_document_add_span (document, dup_id, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 6);
  g_assert_true (gloss_document_lookup_span (document, "s1") == s1);

  /* Ids of removed spans are not reused. */
  g_assert_true (gloss_document_remove_span (document, s2));
  g_assert_null (gloss_document_lookup_span (document, "s2"));
  span = add_span (document, 7, 8, "task");
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s6");

  span = add_span (document, 7, 9, "task");
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s7");
  g_assert_true (gloss_document_add_span (document, explicit8, &error));
  g_assert_no_error (error);
  span = add_span (document, 7, 10, "task");
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s9");

  g_assert_true (gloss_document_lookup_span (document, "custom") == custom);
  g_assert_true (gloss_document_lookup_span (document, "s8") == explicit8);
  g_assert_null (gloss_document_lookup_span (document, "s10"));
  g_assert_null (gloss_document_lookup_span (document, ""));
  g_assert_null (gloss_document_lookup_span (document, NULL));
  assert_sorted (document);
}

static void
test_document_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) twin = gloss_span_new (4, 9, "pillar");
  g_autoptr(GlossSpan) keep = NULL;
  GlossSpan *a;
  GlossSpan *b;
  GlossSpan *c;

  a = add_span (document, 0, 3, "principle");
  b = add_span (document, 4, 9, "pillar");
  c = add_span (document, 10, 15, "task");
  keep = g_object_ref (b);
  fixture_reset (fixture);

  /* An equal span that is not the one in the document is not removed. */
  g_assert_false (gloss_document_remove_span (document, twin));
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);

  g_assert_true (gloss_document_remove_span (document, b));
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  assert_items_changed (fixture, 0, 1, 1, 0);
  g_assert_cmpuint (fixture->n_spans_notify, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
  g_assert_true (gloss_document_get_span (document, 0) == a);
  g_assert_true (gloss_document_get_span (document, 1) == c);
  g_assert_null (gloss_document_find_span (document, 4, 9, "pillar"));
  g_assert_null (gloss_document_lookup_span (document, "s2"));
  g_assert_false (gloss_document_find_span_position (document, keep, NULL));

  /* Twice: nothing happens. */
  g_assert_false (gloss_document_remove_span (document, keep));
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The removed span keeps its id and can come back. */
  g_assert_cmpstr (gloss_span_get_id (keep), ==, "s2");
  g_assert_true (gloss_document_add_span (document, keep, NULL));
  assert_items_changed (fixture, 1, 1, 0, 1);
  g_assert_true (gloss_document_lookup_span (document, "s2") == keep);

  g_assert_true (gloss_document_remove_span (document, c));
  assert_items_changed (fixture, 2, 2, 1, 0);
  g_assert_true (gloss_document_remove_span (document, a));
  assert_items_changed (fixture, 3, 0, 1, 0);
  g_assert_true (gloss_document_remove_span (document, keep));
  assert_items_changed (fixture, 4, 0, 1, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (fixture->n_spans_notify, ==, 5);
}

static void
test_document_relabel (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GlossSpan) stranger = gloss_span_new (0, 5, "a");
  g_autoptr(GError) error = NULL;
  GlossSpan *a;
  GlossSpan *c;
  GlossSpan *e;
  GlossSpan *b;
  guint n_label_notify = 0;

  a = add_span (document, 0, 5, "a");
  c = add_span (document, 0, 5, "c");
  e = add_span (document, 0, 5, "e");
  b = add_span (document, 1, 2, "b");
  fixture_reset (fixture);
  g_signal_connect_swapped (a, "notify::label", G_CALLBACK (count_cb), &n_label_notify);

  /* a → d: from position 0 to 1, the range 0..1 changes. */
  g_assert_true (gloss_document_relabel_span (document, a, "d", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_label (a), ==, "d");
  g_assert_cmpuint (n_label_notify, ==, 1);
  g_assert_true (gloss_document_get_span (document, 0) == c);
  g_assert_true (gloss_document_get_span (document, 1) == a);
  g_assert_true (gloss_document_get_span (document, 2) == e);
  g_assert_true (gloss_document_get_span (document, 3) == b);
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  assert_items_changed (fixture, 0, 0, 2, 2);
  g_assert_cmpuint (fixture->span_changed->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->span_changed, 0) == a);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->n_spans_notify, ==, 0);
  g_assert_true (gloss_document_find_span (document, 0, 5, "d") == a);
  g_assert_null (gloss_document_find_span (document, 0, 5, "a"));
  assert_sorted (document);

  /* d → f: from 1 to 2. */
  g_assert_true (gloss_document_relabel_span (document, a, "f", &error));
  g_assert_no_error (error);
  assert_items_changed (fixture, 1, 1, 2, 2);
  assert_sorted (document);

  /* f → a: from 2 back to 0. */
  g_assert_true (gloss_document_relabel_span (document, a, "a", &error));
  g_assert_no_error (error);
  assert_items_changed (fixture, 2, 0, 3, 3);
  g_assert_true (gloss_document_get_span (document, 0) == a);
  assert_sorted (document);

  /* a → b: stays at 0, the one item changes. */
  g_assert_true (gloss_document_relabel_span (document, a, "b", &error));
  g_assert_no_error (error);
  assert_items_changed (fixture, 3, 0, 1, 1);
  g_assert_cmpuint (fixture->span_changed->len, ==, 4);
  g_assert_cmpuint (fixture->n_changed, ==, 4);
  fixture_reset (fixture);

  /* The same label: a no-op that succeeds silently. */
  g_assert_true (gloss_document_relabel_span (document, a, "b", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->span_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Onto another span's label at the same range: refused, unchanged. */
  g_assert_false (gloss_document_relabel_span (document, a, "e", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_clear_error (&error);
  g_assert_cmpstr (gloss_span_get_label (a), ==, "b");
  g_assert_true (gloss_document_get_span (document, 0) == a);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->span_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* The same label at another range is no clash. */
  g_assert_true (gloss_document_relabel_span (document, b, "c", &error));
  g_assert_no_error (error);
  assert_sorted (document);

  /* A span that is not in the document. */
  g_assert_false (gloss_document_relabel_span (document, stranger, "z", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_assert_cmpstr (gloss_span_get_label (stranger), ==, "a");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 4);
}

static void
test_document_relabel_invalid_label (Fixture       *fixture,
                                     gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  GlossSpan *span;

  span = add_span (document, 0, 5, "task");
  fixture_reset (fixture);

  /* add_span() refuses a label that is not a valid id; relabelling must
   * not be a way around that. */
  g_assert_false (gloss_document_relabel_span (document, span, "two words", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_LABEL);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "task");
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_document_note (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  GlossSpan *span;
  GlossSpan *other;

  span = add_span (document, 4, 9, "pillar");
  other = add_span (document, 10, 15, "task");
  fixture_reset (fixture);

  g_assert_cmpstr (gloss_span_get_note (span), ==, "");

  gloss_document_set_span_note (document, span, "Ghi chú: xem lại");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "Ghi chú: xem lại");
  g_assert_cmpuint (fixture->span_changed->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->span_changed, 0) == span);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_spans_notify, ==, 0);

  /* Same note: silent. */
  gloss_document_set_span_note (document, span, "Ghi chú: xem lại");
  g_assert_cmpuint (fixture->span_changed->len, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  gloss_document_set_span_note (document, other, "ملاحظة");
  g_assert_cmpuint (fixture->span_changed->len, ==, 2);
  g_assert_true (g_ptr_array_index (fixture->span_changed, 1) == other);
  g_assert_cmpstr (gloss_span_get_note (span), ==, "Ghi chú: xem lại");

  /* "" clears; NULL then is no change. */
  gloss_document_set_span_note (document, span, "");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "");
  g_assert_cmpuint (fixture->span_changed->len, ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  gloss_document_set_span_note (document, span, NULL);
  g_assert_cmpuint (fixture->span_changed->len, ==, 3);

  gloss_document_set_span_note (document, other, NULL);
  g_assert_cmpstr (gloss_span_get_note (other), ==, "");
  g_assert_cmpuint (fixture->span_changed->len, ==, 4);
  g_assert_cmpuint (fixture->n_changed, ==, 4);

  /* Notes do not move spans. */
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  assert_sorted (document);
}

static void
test_document_offsets_unicode (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("mixed", NULL, MIXED_TEXT);
  const char *text = gloss_document_get_text (document);
  g_autofree char *family = NULL;
  g_autofree char *e_acute = NULL;
  g_autofree char *vietnamese = NULL;
  g_autofree char *viet = NULL;
  g_autofree char *a_dot = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *al = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *all = NULL;
  g_autofree char *mark = NULL;

  g_assert_cmpuint (gloss_document_get_length (document), ==, 40);

  g_assert_cmpuint (gloss_document_offset_to_byte (document, 0), ==, 0);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 1), ==, 4);   /* after 👩 */
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 2), ==, 7);   /* after ZWJ */
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 5), ==, 18);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 6), ==, 19);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 7), ==, 20);  /* U+0301 */
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 8), ==, 22);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 9), ==, 23);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 12), ==, 26); /* ạ */
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 13), ==, 29);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 28), ==, 46);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 29), ==, 47);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 30), ==, 49);
  g_assert_cmpuint (gloss_document_offset_to_byte (document, 40), ==, 69);

  for (guint i = 0; i <= 40; i++)
    g_assert_cmpuint (gloss_document_offset_to_byte (document, i), ==,
                      g_utf8_offset_to_pointer (text, i) - text);

  family = gloss_document_dup_slice (document, 0, 5);
  g_assert_cmpstr (family, ==, FAMILY);
  e_acute = gloss_document_dup_slice (document, 6, 8);
  g_assert_cmpstr (e_acute, ==, E_ACUTE_DECOMPOSED);
  mark = gloss_document_dup_slice (document, 7, 8);
  g_assert_cmpstr (mark, ==, "\xcc\x81");
  vietnamese = gloss_document_dup_slice (document, 9, 28);
  g_assert_cmpstr (vietnamese, ==, VIETNAMESE);
  viet = gloss_document_dup_slice (document, 20, 24);
  g_assert_cmpstr (viet, ==, "Việt");
  a_dot = gloss_document_dup_slice (document, 12, 13);
  g_assert_cmpstr (a_dot, ==, "ạ");
  arabic = gloss_document_dup_slice (document, 29, 40);
  g_assert_cmpstr (arabic, ==, ARABIC);
  g_assert_cmpstr (arabic, ==, "الدبلوماسية");
  al = gloss_document_dup_slice (document, 29, 31);
  g_assert_cmpstr (al, ==, "ال");
  empty = gloss_document_dup_slice (document, 17, 17);
  g_assert_cmpstr (empty, ==, "");
  all = gloss_document_dup_slice (document, 0, 40);
  g_assert_cmpstr (all, ==, MIXED_TEXT);
}

static void
test_document_offsets_long (void)
{
  g_autoptr(GString) builder = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  const char *text;
  guint length;

  /* Long enough for the byte-offset checkpoints to matter, with an ASCII
   * stretch so the checkpoints are not evenly spaced in bytes. */
  for (guint i = 0; i < 60; i++)
    {
      g_string_append (builder, MIXED_TEXT);
      if (i % 7 == 3)
        g_string_append (builder, "plain ASCII text, plain ASCII text, plain ASCII text. ");
      g_string_append_c (builder, '\n');
    }

  document = gloss_document_new ("long", NULL, builder->str);
  text = gloss_document_get_text (document);
  length = g_utf8_strlen (text, -1);
  g_assert_cmpuint (gloss_document_get_length (document), ==, length);
  g_assert_cmpuint (length, >, 2000);

  /* Every offset, in both directions so a cache cannot hide errors. */
  for (guint i = 0; i <= length; i++)
    g_assert_cmpuint (gloss_document_offset_to_byte (document, i), ==,
                      g_utf8_offset_to_pointer (text, i) - text);
  for (guint i = length + 1; i > 0; i--)
    g_assert_cmpuint (gloss_document_offset_to_byte (document, i - 1), ==,
                      g_utf8_offset_to_pointer (text, i - 1) - text);

  for (guint i = 0; i < 500; i++)
    {
      guint start = g_test_rand_int_range (0, length + 1);
      guint end = g_test_rand_int_range (start, length + 1);
      g_autofree char *slice = gloss_document_dup_slice (document, start, end);
      g_autofree char *expected = g_utf8_substring (text, start, end);

      g_assert_cmpstr (slice, ==, expected);
    }
}

static void
test_document_offsets_ascii (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("fox", NULL, FOX_TEXT);
  g_autofree char *fox = NULL;

  for (guint i = 0; i <= 44; i++)
    g_assert_cmpuint (gloss_document_offset_to_byte (document, i), ==, i);

  fox = gloss_document_dup_slice (document, 16, 19);
  g_assert_cmpstr (fox, ==, "fox");
}

static void
assert_boundaries (const char *text,
                   const char *expected)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("b", NULL, text);
  guint length = gloss_document_get_length (document);

  /* expected has one character per offset 0..length: 'T' or 'F'. */
  g_assert_cmpuint (strlen (expected), ==, length + 1);

  for (guint i = 0; i <= length; i++)
    {
      gboolean is_boundary = gloss_document_is_cluster_boundary (document, i);

      if (is_boundary != (expected[i] == 'T'))
        g_error ("In “%s” offset %u: expected %s, got %s",
                 text, i, expected[i] == 'T' ? "a boundary" : "no boundary",
                 is_boundary ? "a boundary" : "none");
    }
}

static void
test_document_cluster_boundaries (void)
{
  /* The family: no boundary between its five code points. */
  assert_boundaries (FAMILY, "TFFFFT");
  /* e + combining acute is one cluster. */
  assert_boundaries (E_ACUTE_DECOMPOSED, "TFT");
  assert_boundaries ("x" E_ACUTE_DECOMPOSED "y", "TTFTT");
  /* The whole mixed text. */
  assert_boundaries (MIXED_TEXT,
                     "TFFFFTTFT"                  /* family, space, e + U+0301, space */
                     "TTTTTTTTTTTTTTTTTTTT"       /* NFC Vietnamese and its space */
                     "TTTTTTTTTTTT");             /* Arabic letters, no marks */
  /* Vietnamese written decomposed: e + dot below + circumflex. */
  assert_boundaries ("Vie\xcc\xa3\xcc\x82t", "TTTFFTT");
  /* Arabic with vowel marks: ب + kasra, ل + shadda + fatha. */
  assert_boundaries ("\xd8\xa8\xd9\x90\xd9\x84\xd9\x91\xd9\x8e", "TFTFFT");
  /* A thumbs-up with a skin tone, and two flags. */
  assert_boundaries ("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "TFT");
  assert_boundaries ("\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", "TFTFT");
  /* CR LF stays together. */
  assert_boundaries ("a\r\nb", "TTFTT");
}

static void
test_document_query_basic (Fixture       *fixture,
                           gconstpointer  data)
{
  GlossDocument *document = fixture->document;
  g_autoptr(GPtrArray) result = NULL;
  GlossSpan *whole;
  GlossSpan *quick;
  GlossSpan *brown;
  GlossSpan *fox;

  result = gloss_document_query_range (document, 0, 44);
  g_assert_cmpuint (result->len, ==, 0);
  g_clear_pointer (&result, g_ptr_array_unref);
  result = gloss_document_query_offset (document, 3);
  g_assert_cmpuint (result->len, ==, 0);
  g_clear_pointer (&result, g_ptr_array_unref);

  fox = add_span (document, 16, 19, "task");
  whole = add_span (document, 0, 44, "pillar");
  brown = add_span (document, 10, 15, "principle");
  quick = add_span (document, 4, 9, "principle");

  /* [10, 15) touches 9 and 15 but shares no code point with them. */
  result = gloss_document_query_range (document, 9, 10);
  g_assert_cmpuint (result->len, ==, 1);
  g_assert_true (g_ptr_array_index (result, 0) == whole);
  g_clear_pointer (&result, g_ptr_array_unref);

  result = gloss_document_query_range (document, 8, 11);
  g_assert_cmpuint (result->len, ==, 3);
  g_assert_true (g_ptr_array_index (result, 0) == whole);
  g_assert_true (g_ptr_array_index (result, 1) == quick);
  g_assert_true (g_ptr_array_index (result, 2) == brown);
  g_clear_pointer (&result, g_ptr_array_unref);

  /* An empty range finds what contains its start. */
  result = gloss_document_query_range (document, 15, 15);
  g_assert_cmpuint (result->len, ==, 1);
  g_assert_true (g_ptr_array_index (result, 0) == whole);
  g_clear_pointer (&result, g_ptr_array_unref);

  result = gloss_document_query_range (document, 16, 16);
  g_assert_cmpuint (result->len, ==, 2);
  g_assert_true (g_ptr_array_index (result, 0) == whole);
  g_assert_true (g_ptr_array_index (result, 1) == fox);
  g_clear_pointer (&result, g_ptr_array_unref);

  result = gloss_document_query_offset (document, 18);
  g_assert_cmpuint (result->len, ==, 2);
  g_assert_true (g_ptr_array_index (result, 0) == whole);
  g_assert_true (g_ptr_array_index (result, 1) == fox);
  g_clear_pointer (&result, g_ptr_array_unref);

  result = gloss_document_query_offset (document, 19);
  g_assert_cmpuint (result->len, ==, 1);
  g_clear_pointer (&result, g_ptr_array_unref);

  /* The end of the text is inside nothing. */
  result = gloss_document_query_offset (document, 44);
  g_assert_cmpuint (result->len, ==, 0);
  g_clear_pointer (&result, g_ptr_array_unref);
  result = gloss_document_query_range (document, 44, 44);
  g_assert_cmpuint (result->len, ==, 0);
  g_clear_pointer (&result, g_ptr_array_unref);

  result = gloss_document_query_range (document, 0, 44);
  g_assert_cmpuint (result->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (g_ptr_array_index (result, i) == gloss_document_get_span (document, i));
  g_clear_pointer (&result, g_ptr_array_unref);

  /* After a removal the index must not return the removed span. */
  g_assert_true (gloss_document_remove_span (document, whole));
  result = gloss_document_query_range (document, 9, 10);
  g_assert_cmpuint (result->len, ==, 0);
  g_clear_pointer (&result, g_ptr_array_unref);
  result = gloss_document_query_offset (document, 17);
  g_assert_cmpuint (result->len, ==, 1);
  g_assert_true (g_ptr_array_index (result, 0) == fox);
}

static void
test_document_query_nested (void)
{
  static const char * const labels[] = { "pillar", "principle", "task" };
  g_autofree char *text = g_strnfill (2000, 'x');
  g_autoptr(GlossDocument) document = gloss_document_new ("nested", NULL, text);

  /* 3000 spans nested like onion skins, [i, 2000 - i), added innermost
   * first so that no add is an append. */
  for (guint i = 1000; i > 0; i--)
    for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
      add_span (document, i - 1, 2000 - (i - 1), labels[l]);

  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 3000);
  assert_sorted (document);

  for (guint offset = 0; offset <= 2000; offset++)
    {
      g_autoptr(GPtrArray) result = gloss_document_query_offset (document, offset);
      guint depth = offset < 2000 ? MIN (offset, 1999 - offset) + 1 : 0;

      g_assert_cmpuint (result->len, ==, 3 * depth);
      for (guint i = 0; i < result->len; i++)
        g_assert_true (g_ptr_array_index (result, i) == gloss_document_get_span (document, i));
    }

  for (guint i = 0; i < 200; i++)
    {
      guint start = g_test_rand_int_range (0, 2001);
      guint end = g_test_rand_int_range (start, 2001);
      g_autoptr(GPtrArray) result = gloss_document_query_range (document, start, end);
      guint depth;

      /* [j, 2000 - j) shares a code point with a non-empty [start, end)
       * when j < end and start < 2000 - j; an empty range asks for
       * j <= start < 2000 - j. */
      if (start == 2000)
        depth = 0;
      else if (start == end)
        depth = MIN (start, 1999 - start) + 1;
      else
        depth = MIN (MIN (end - 1, 1999 - start), 999) + 1;

      g_assert_cmpuint (result->len, ==, 3 * depth);
      for (guint j = 0; j < result->len; j++)
        g_assert_true (g_ptr_array_index (result, j) == gloss_document_get_span (document, j));
    }
}

/* A mirror of the document: a plain array kept sorted by linear insertion,
 * scanned in full for every query. */
typedef struct
{
  GPtrArray *spans;
} Mirror;

static guint
mirror_search (Mirror    *mirror,
               GlossSpan *probe,
               gboolean  *found)
{
  guint lo = 0;
  guint hi = mirror->spans->len;

  *found = FALSE;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = reference_compare (g_ptr_array_index (mirror->spans, mid), probe);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static GPtrArray *
mirror_query (Mirror *mirror,
              guint   start,
              guint   end)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < mirror->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (mirror->spans, i);
      guint s = gloss_span_get_start (span);
      guint e = gloss_span_get_end (span);
      gboolean hit;

      if (start == end)
        hit = s <= start && start < e;
      else
        hit = s < end && start < e;

      if (hit)
        g_ptr_array_add (result, span);
    }

  return result;
}

static void
assert_same_spans (GPtrArray *actual,
                   GPtrArray *expected,
                   guint      start,
                   guint      end)
{
  if (actual->len != expected->len)
    g_error ("query [%u, %u): %u spans, expected %u", start, end, actual->len, expected->len);

  for (guint i = 0; i < actual->len; i++)
    {
      GlossSpan *a = g_ptr_array_index (actual, i);

      if (a != g_ptr_array_index (expected, i))
        g_error ("query [%u, %u): result %u is [%u, %u) %s, expected [%u, %u) %s",
                 start, end, i,
                 gloss_span_get_start (a), gloss_span_get_end (a), gloss_span_get_label (a),
                 gloss_span_get_start (g_ptr_array_index (expected, i)),
                 gloss_span_get_end (g_ptr_array_index (expected, i)),
                 gloss_span_get_label (g_ptr_array_index (expected, i)));

      if (i > 0)
        g_assert_cmpint (reference_compare (g_ptr_array_index (actual, i - 1), a), <, 0);
    }
}

static void
assert_mirror (GlossDocument *document,
               Mirror        *mirror)
{
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, mirror->spans->len);
  for (guint i = 0; i < mirror->spans->len; i++)
    g_assert_true (gloss_document_get_span (document, i) == g_ptr_array_index (mirror->spans, i));
}

/* MIN() would evaluate a random number twice. */
static guint
clamp_end (guint end,
           guint length)
{
  return end < length ? end : length;
}

static GlossSpan *
random_span (guint length)
{
  static const char * const labels[] = { "pillar", "principle", "task" };
  const char *label = labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))];
  guint kind = g_test_rand_int_range (0, 100);
  guint start;
  guint end;

  if (kind < 55)
    {
      /* short: a word or two */
      start = g_test_rand_int_range (0, length);
      end = clamp_end (start + g_test_rand_int_range (1, 12), length);
    }
  else if (kind < 80)
    {
      /* a sentence or a paragraph */
      start = g_test_rand_int_range (0, length);
      end = clamp_end (start + g_test_rand_int_range (1, 400), length);
    }
  else if (kind < 92)
    {
      /* anything up to the end */
      start = g_test_rand_int_range (0, length);
      end = g_test_rand_int_range (start + 1, length + 1);
    }
  else
    {
      /* long and centred: these nest many others */
      start = g_test_rand_int_range (0, length / 2);
      end = length - g_test_rand_int_range (0, length / 2 - start + 1);
      if (end <= start)
        end = start + 1;
    }

  return gloss_span_new (start, end, label);
}

static void
random_query (GlossDocument *document,
              Mirror        *mirror,
              guint          length)
{
  guint kind = g_test_rand_int_range (0, 100);
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  guint start = g_test_rand_int_range (0, length + 1);
  guint end;

  if (kind < 30)
    end = start;
  else if (kind < 70)
    end = clamp_end (start + g_test_rand_int_range (1, 20), length);
  else
    end = g_test_rand_int_range (start, length + 1);

  if (kind < 15)
    actual = gloss_document_query_offset (document, start);
  else
    actual = gloss_document_query_range (document, start, end);

  expected = mirror_query (mirror, start, end);
  assert_same_spans (actual, expected, start, end);
}

static void
test_document_query_random (void)
{
  static const char * const labels[] = { "pillar", "principle", "task" };
  const guint length = 3000;
  const guint n_ops = 15000;
  g_autofree char *text = g_strnfill (length, 'w');
  g_autoptr(GlossDocument) document = gloss_document_new ("random", NULL, text);
  Mirror mirror = { g_ptr_array_new_with_free_func (g_object_unref) };
  Fixture watch;
  guint n_added = 0;
  guint n_queries = 0;

  fixture_watch (&watch, document);

  for (guint op = 0; op < n_ops; op++)
    {
      guint kind = g_test_rand_int_range (0, 100);

      g_array_set_size (watch.items_changed, 0);

      if (kind < 45 || mirror.spans->len == 0)
        {
          g_autoptr(GlossSpan) span = random_span (length);
          g_autoptr(GError) error = NULL;
          gboolean found;
          guint position = mirror_search (&mirror, span, &found);

          if (found)
            {
              g_assert_false (gloss_document_add_span (document, span, &error));
              g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
              g_assert_cmpuint (watch.items_changed->len, ==, 0);
            }
          else
            {
              g_assert_true (gloss_document_add_span (document, span, &error));
              g_assert_no_error (error);
              g_ptr_array_insert (mirror.spans, position, g_object_ref (span));
              g_assert_cmpuint (watch.items_changed->len, ==, 1);
              assert_items_changed (&watch, 0, position, 0, 1);
              n_added++;
            }
        }
      else if (kind < 60)
        {
          guint position = g_test_rand_int_range (0, mirror.spans->len);
          GlossSpan *span = g_ptr_array_index (mirror.spans, position);

          g_assert_true (gloss_document_remove_span (document, span));
          assert_items_changed (&watch, 0, position, 1, 0);
          g_ptr_array_remove_index (mirror.spans, position);
        }
      else if (kind < 66)
        {
          guint position = g_test_rand_int_range (0, mirror.spans->len);
          GlossSpan *span = g_ptr_array_index (mirror.spans, position);
          const char *label = labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))];
          g_autoptr(GlossSpan) probe = gloss_span_new (gloss_span_get_start (span),
                                                       gloss_span_get_end (span), label);
          g_autoptr(GError) error = NULL;
          gboolean found;

          if (g_strcmp0 (label, gloss_span_get_label (span)) == 0)
            continue;

          mirror_search (&mirror, probe, &found);
          if (found)
            {
              g_assert_false (gloss_document_relabel_span (document, span, label, &error));
              g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
            }
          else
            {
              g_autoptr(GlossSpan) keep = g_ptr_array_steal_index (mirror.spans, position);
              guint new_position;
              guint lo;
              guint n;

              g_assert_true (gloss_document_relabel_span (document, span, label, &error));
              g_assert_no_error (error);
              new_position = mirror_search (&mirror, span, &found);
              g_assert_false (found);
              g_ptr_array_insert (mirror.spans, new_position, g_steal_pointer (&keep));
              lo = MIN (position, new_position);
              n = MAX (position, new_position) - lo + 1;
              assert_items_changed (&watch, 0, lo, n, n);
            }
        }
      else
        {
          /* Several queries in a row, so the index is reused as well as rebuilt. */
          for (guint q = 0; q < 3; q++)
            random_query (document, &mirror, length);
          n_queries += 3;
        }

      if (op % 1000 == 0)
        assert_mirror (document, &mirror);
    }

  assert_mirror (document, &mirror);
  assert_sorted (document);
  g_assert_cmpuint (n_added, >, 4000);
  g_assert_cmpuint (n_queries, >, 5000);

  /* A final sweep: every offset and a range at every offset. */
  for (guint offset = 0; offset <= length; offset++)
    {
      g_autoptr(GPtrArray) actual = gloss_document_query_offset (document, offset);
      g_autoptr(GPtrArray) expected = mirror_query (&mirror, offset, offset);

      assert_same_spans (actual, expected, offset, offset);

      if (offset < length)
        {
          g_autoptr(GPtrArray) actual2 = gloss_document_query_range (document, offset, offset + 1);

          /* A one-character range and an empty one at its start agree. */
          assert_same_spans (actual2, expected, offset, offset + 1);
        }
    }

  g_clear_pointer (&mirror.spans, g_ptr_array_unref);
  g_clear_pointer (&watch.span_changed, g_ptr_array_unref);
  g_clear_pointer (&watch.items_changed, g_array_unref);
}

/* "done" notifies and emits ::changed once per real change, and a copy
 * (taken when an imported corpus is merged under a new id) keeps it. */
static void
test_document_done (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, "Hà Nội 🇻🇳");
  g_autoptr(GlossDocument) copy = NULL;
  guint n_notify = 0;
  guint n_changed = 0;

  g_signal_connect_swapped (document, "notify::done", G_CALLBACK (count_cb), &n_notify);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_false (gloss_document_get_done (document));
  gloss_document_set_done (document, TRUE);
  gloss_document_set_done (document, TRUE);
  g_assert_true (gloss_document_get_done (document));
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);

  copy = gloss_document_copy (document, "d2");
  g_assert_true (gloss_document_get_done (copy));

  g_object_set (document, "done", FALSE, NULL);
  g_assert_false (gloss_document_get_done (document));
  g_assert_cmpuint (n_notify, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/gloss/core/document/properties", test_document_properties);
  g_test_add_func ("/gloss/core/document/done", test_document_done);
  ADD ("/gloss/core/document/sorted", test_document_sorted);
  ADD ("/gloss/core/document/duplicate-span", test_document_duplicate_span);
  ADD ("/gloss/core/document/invalid-range", test_document_invalid_range);
  ADD ("/gloss/core/document/invalid-label", test_document_invalid_label);
  ADD ("/gloss/core/document/ids", test_document_ids);
  ADD ("/gloss/core/document/remove", test_document_remove);
  ADD ("/gloss/core/document/relabel", test_document_relabel);
  ADD ("/gloss/core/document/note", test_document_note);
  g_test_add_func ("/gloss/core/document/offsets-unicode", test_document_offsets_unicode);
  g_test_add_func ("/gloss/core/document/offsets-long", test_document_offsets_long);
  g_test_add_func ("/gloss/core/document/offsets-ascii", test_document_offsets_ascii);
  g_test_add_func ("/gloss/core/document/cluster-boundaries", test_document_cluster_boundaries);
  ADD ("/gloss/core/document/query-basic", test_document_query_basic);
  g_test_add_func ("/gloss/core/document/query-nested", test_document_query_nested);
  g_test_add_func ("/gloss/core/document/query-random", test_document_query_random);
  ADD ("/gloss/core/document/relabel-invalid-label", test_document_relabel_invalid_label);

#undef ADD

  return g_test_run ();
}
