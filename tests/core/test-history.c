/* test-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

#define FOX_TEXT "The quick brown fox jumps over the lazy dog."
#define VI_TEXT "Ngoại giao Việt Nam: độc lập, tự chủ, đa phương hóa, đa dạng hóa."

typedef struct
{
  GlossCorpus   *corpus;
  GlossHistory  *history;
  GlossDocument *a;
  GlossDocument *b;
  guint          n_can_undo_notify;
  guint          n_can_redo_notify;
} Fixture;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->corpus = gloss_corpus_new ();
  fixture->history = gloss_corpus_get_history (fixture->corpus);
  fixture->a = format_test_add_document (fixture->corpus, "a", FOX_TEXT);
  fixture->b = format_test_add_document (fixture->corpus, "b", VI_TEXT);
  fixture->n_can_undo_notify = 0;
  fixture->n_can_redo_notify = 0;

  g_signal_connect (fixture->history, "notify::can-undo", G_CALLBACK (count_notify_cb),
                    &fixture->n_can_undo_notify);
  g_signal_connect (fixture->history, "notify::can-redo", G_CALLBACK (count_notify_cb),
                    &fixture->n_can_redo_notify);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->corpus);
}

static void
assert_state (Fixture  *fixture,
              gboolean  can_undo,
              gboolean  can_redo)
{
  gboolean prop_undo = !can_undo;
  gboolean prop_redo = !can_redo;

  g_assert_cmpint (gloss_history_get_can_undo (fixture->history), ==, can_undo);
  g_assert_cmpint (gloss_history_get_can_redo (fixture->history), ==, can_redo);
  g_object_get (fixture->history, "can-undo", &prop_undo, "can-redo", &prop_redo, NULL);
  g_assert_cmpint (prop_undo, ==, can_undo);
  g_assert_cmpint (prop_redo, ==, can_redo);
}

static GlossSpan *
history_add (Fixture       *fixture,
             GlossDocument *document,
             guint          start,
             guint          end,
             const char    *label)
{
  g_autoptr(GlossSpan) span = gloss_span_new (start, end, label);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_add_span (fixture->history, document, span, &error));
  g_assert_no_error (error);

  return span;  /* owned by the document and the history */
}

static GBytes *
save (GlossCorpus *corpus)
{
  return gloss_corpus_save_to_bytes (corpus);
}

static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  gsize actual_size;
  gsize expected_size;
  const char *actual_data = g_bytes_get_data (actual, &actual_size);
  const char *expected_data = g_bytes_get_data (expected, &expected_size);

  if (!g_bytes_equal (actual, expected))
    g_error ("The corpus differs:\n--- got (%" G_GSIZE_FORMAT " bytes)\n%.*s\n"
             "--- expected (%" G_GSIZE_FORMAT " bytes)\n%.*s",
             actual_size, (int)MIN (actual_size, 4000), actual_data,
             expected_size, (int)MIN (expected_size, 4000), expected_data);
}

static void
test_history_initial (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_state (fixture, FALSE, FALSE);
  g_assert_true (gloss_history_get_corpus (fixture->history) == fixture->corpus);

  /* Nothing to undo or redo: FALSE, no signal. */
  g_assert_false (gloss_history_undo (fixture->history));
  g_assert_false (gloss_history_redo (fixture->history));
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 0);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 0);
}

static void
test_history_add (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GlossSpan) span = NULL;

  span = g_object_ref (history_add (fixture, a, 4, 9, "principle"));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  g_assert_cmpstr (gloss_span_get_id (span), ==, "s1");
  assert_state (fixture, TRUE, FALSE);
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 1);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 0);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 0);
  g_assert_false (gloss_document_find_span_position (a, span, NULL));
  assert_state (fixture, FALSE, TRUE);
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 2);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 1);

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  /* The very span comes back, with its id. */
  g_assert_true (gloss_document_get_span (a, 0) == span);
  g_assert_true (gloss_document_lookup_span (a, "s1") == span);
  assert_state (fixture, TRUE, FALSE);
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 3);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 2);

  /* Nothing more to redo. */
  g_assert_false (gloss_history_redo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
}

static void
test_history_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  GlossSpan *other;

  span = g_object_ref (history_add (fixture, a, 4, 9, "principle"));
  other = history_add (fixture, a, 10, 15, "task");
  gloss_history_clear (history);
  assert_state (fixture, FALSE, FALSE);

  g_assert_true (gloss_history_remove_span (history, a, span, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  g_assert_true (gloss_document_get_span (a, 0) == other);
  assert_state (fixture, TRUE, FALSE);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
  g_assert_true (gloss_document_get_span (a, 0) == span);
  g_assert_true (gloss_document_lookup_span (a, "s1") == span);
  assert_state (fixture, FALSE, TRUE);

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  g_assert_null (gloss_document_lookup_span (a, "s1"));
  assert_state (fixture, TRUE, FALSE);
}

static void
test_history_relabel (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GError) error = NULL;
  GlossSpan *span;
  GlossSpan *other;

  span = history_add (fixture, a, 4, 9, "principle");
  other = history_add (fixture, a, 4, 9, "task");
  gloss_history_clear (history);

  g_assert_true (gloss_history_relabel_span (history, a, span, "pillar", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "pillar");
  assert_state (fixture, TRUE, FALSE);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  g_assert_true (gloss_document_get_span (a, 0) == span);
  g_assert_true (gloss_document_get_span (a, 1) == other);
  assert_state (fixture, FALSE, TRUE);

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (gloss_span_get_label (span), ==, "pillar");
  g_assert_true (gloss_document_find_span (a, 4, 9, "pillar") == span);
  assert_state (fixture, TRUE, FALSE);

  /* Relabelling to the label it has records nothing. */
  gloss_history_clear (history);
  g_assert_true (gloss_history_relabel_span (history, a, span, "pillar", &error));
  g_assert_no_error (error);
  assert_state (fixture, FALSE, FALSE);

  /* A clash with another span is refused and records nothing. */
  g_assert_false (gloss_history_relabel_span (history, a, span, "task", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "pillar");
  assert_state (fixture, FALSE, FALSE);
}

static void
test_history_note (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GError) error = NULL;
  GlossSpan *span;

  span = history_add (fixture, a, 4, 9, "principle");
  gloss_history_clear (history);

  g_assert_true (gloss_history_set_span_note (history, a, span, "Cần xem lại", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_note (span), ==, "Cần xem lại");
  assert_state (fixture, TRUE, FALSE);

  g_assert_true (gloss_history_set_span_note (history, a, span, "ملاحظة", &error));
  g_assert_no_error (error);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (gloss_span_get_note (span), ==, "Cần xem lại");
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (gloss_span_get_note (span), ==, "");
  assert_state (fixture, FALSE, TRUE);

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (gloss_span_get_note (span), ==, "Cần xem lại");
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (gloss_span_get_note (span), ==, "ملاحظة");
  assert_state (fixture, TRUE, FALSE);

  /* Clearing with NULL is a step; a second clear with "" is not. */
  gloss_history_clear (history);
  g_assert_true (gloss_history_set_span_note (history, a, span, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_note (span), ==, "");
  assert_state (fixture, TRUE, FALSE);
  gloss_history_clear (history);
  g_assert_true (gloss_history_set_span_note (history, a, span, "", &error));
  g_assert_no_error (error);
  assert_state (fixture, FALSE, FALSE);
}

static void
test_history_notify (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;

  history_add (fixture, a, 0, 3, "principle");
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 1);
  /* More steps: can-undo stays TRUE, no more notifications. */
  history_add (fixture, a, 4, 9, "principle");
  history_add (fixture, a, 10, 15, "principle");
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 1);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 0);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 1);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 1);
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 1);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 1);
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 2);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 1);
  assert_state (fixture, FALSE, TRUE);

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 3);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 1);
  assert_state (fixture, TRUE, TRUE);

  gloss_history_clear (history);
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 4);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 2);
  assert_state (fixture, FALSE, FALSE);

  gloss_history_clear (history);
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 4);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 2);
}

static void
test_history_batch (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GBytes) undone = NULL;
  guint length = gloss_document_get_length (a);

  history_add (fixture, a, 0, 3, "pillar");
  gloss_history_clear (history);
  fixture->n_can_undo_notify = 0;
  before = save (fixture->corpus);

  gloss_history_begin_batch (history);
  for (guint i = 0; i < length; i++)
    for (guint len = 1; len <= 3 && i + len <= length; len++)
      g_ptr_array_add (spans, g_object_ref (history_add (fixture, a, i, i + len, "task")));
  /* Changes inside a batch are one step: nothing to undo until it ends. */
  assert_state (fixture, FALSE, FALSE);
  gloss_history_end_batch (history);

  g_assert_cmpuint (spans->len, ==, 3 * length - 3);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, spans->len + 1);
  assert_state (fixture, TRUE, FALSE);
  g_assert_cmpuint (fixture->n_can_undo_notify, ==, 1);
  after = save (fixture->corpus);

  /* One undo takes them all away. */
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  assert_state (fixture, FALSE, TRUE);
  undone = save (fixture->corpus);
  assert_bytes_equal (undone, before);
  g_assert_false (gloss_history_undo (history));

  /* One redo brings them all back, the same objects with the same ids. */
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, spans->len + 1);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      g_assert_true (gloss_document_lookup_span (a, gloss_span_get_id (span)) == span);
    }
  redone = save (fixture->corpus);
  assert_bytes_equal (redone, after);
  assert_state (fixture, TRUE, FALSE);
}

static void
test_history_batch_mixed (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) now = NULL;
  GlossSpan *old;
  GlossSpan *span;

  old = history_add (fixture, a, 16, 19, "task");
  gloss_history_clear (history);
  before = save (fixture->corpus);

  /* Within one batch: add a span, relabel it, note it, remove an old one
   * and remove the new one again. Undo must replay in reverse order. */
  gloss_history_begin_batch (history);
  span = history_add (fixture, a, 4, 9, "principle");
  g_assert_true (gloss_history_relabel_span (history, a, span, "pillar", NULL));
  g_assert_true (gloss_history_set_span_note (history, a, span, "ghi chú", NULL));
  g_assert_true (gloss_history_remove_span (history, a, old, NULL));
  span = history_add (fixture, a, 20, 25, "principle");
  g_assert_true (gloss_history_relabel_span (history, a, span, "task", NULL));
  gloss_history_end_batch (history);
  after = save (fixture->corpus);

  g_assert_true (gloss_history_undo (history));
  now = save (fixture->corpus);
  assert_bytes_equal (now, before);
  g_clear_pointer (&now, g_bytes_unref);

  g_assert_true (gloss_history_redo (history));
  now = save (fixture->corpus);
  assert_bytes_equal (now, after);
}

static void
test_history_batch_nested (Fixture       *fixture,
                           gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  GlossDocument *b = fixture->b;

  gloss_history_begin_batch (history);
  history_add (fixture, a, 0, 3, "principle");
  gloss_history_begin_batch (history);
  history_add (fixture, a, 4, 9, "task");
  history_add (fixture, b, 0, 5, "pillar");
  gloss_history_end_batch (history);
  /* Only the outermost batch counts: still nothing to undo. */
  assert_state (fixture, FALSE, FALSE);
  history_add (fixture, b, 6, 10, "task");
  gloss_history_end_batch (history);
  assert_state (fixture, TRUE, FALSE);

  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 4);
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 0);
  assert_state (fixture, FALSE, TRUE);
  g_assert_false (gloss_history_undo (history));

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 4);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_spans (b), ==, 2);
  assert_state (fixture, TRUE, FALSE);
}

static void
test_history_batch_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) bad = gloss_span_new (0, 3, "no-such-label");

  /* Empty on a fresh history. */
  gloss_history_begin_batch (history);
  gloss_history_end_batch (history);
  assert_state (fixture, FALSE, FALSE);
  g_assert_false (gloss_history_undo (history));

  history_add (fixture, a, 0, 3, "principle");
  history_add (fixture, a, 4, 9, "principle");
  g_assert_true (gloss_history_undo (history));
  assert_state (fixture, TRUE, TRUE);
  fixture->n_can_undo_notify = 0;
  fixture->n_can_redo_notify = 0;

  /* An empty batch (even one where a change was refused) records nothing
   * and keeps what can be redone. */
  gloss_history_begin_batch (history);
  gloss_history_begin_batch (history);
  g_assert_false (gloss_history_add_span (history, a, bad, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  gloss_history_end_batch (history);
  gloss_history_end_batch (history);
  assert_state (fixture, TRUE, TRUE);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 0);
  g_assert_false (gloss_history_undo (history));
  g_assert_true (gloss_history_redo (history));
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
}

static void
test_history_new_change_clears_redo (Fixture       *fixture,
                                     gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  GlossSpan *x;

  x = history_add (fixture, a, 0, 3, "principle");
  history_add (fixture, a, 4, 9, "principle");
  g_assert_true (gloss_history_undo (history));
  assert_state (fixture, TRUE, TRUE);
  fixture->n_can_redo_notify = 0;

  g_assert_true (gloss_history_relabel_span (history, a, x, "task", NULL));
  assert_state (fixture, TRUE, FALSE);
  g_assert_cmpuint (fixture->n_can_redo_notify, ==, 1);
  g_assert_false (gloss_history_redo (history));
  g_assert_null (gloss_document_find_span (a, 4, 9, "principle"));

  /* Also when the new change happens inside a batch. */
  g_assert_true (gloss_history_undo (history));
  assert_state (fixture, TRUE, TRUE);
  gloss_history_begin_batch (history);
  history_add (fixture, a, 10, 15, "pillar");
  gloss_history_end_batch (history);
  assert_state (fixture, TRUE, FALSE);
  g_assert_false (gloss_history_redo (history));
  g_assert_cmpstr (gloss_span_get_label (x), ==, "principle");
}

static void
test_history_across_documents (Fixture       *fixture,
                               gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  GlossDocument *b = fixture->b;
  g_autoptr(GBytes) initial = NULL;
  g_autoptr(GBytes) final = NULL;
  g_autoptr(GBytes) now = NULL;
  GlossSpan *in_a;
  GlossSpan *in_b;

  in_a = history_add (fixture, a, 4, 9, "principle");
  in_b = history_add (fixture, b, 0, 9, "pillar");
  gloss_history_clear (history);
  initial = save (fixture->corpus);

  g_assert_true (gloss_history_relabel_span (history, a, in_a, "task", NULL));
  g_assert_true (gloss_history_set_span_note (history, b, in_b, "Ngoại giao", NULL));
  final = save (fixture->corpus);

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (gloss_span_get_note (in_b), ==, "");
  g_assert_cmpstr (gloss_span_get_label (in_a), ==, "task");
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpstr (gloss_span_get_label (in_a), ==, "principle");
  assert_state (fixture, FALSE, TRUE);
  now = save (fixture->corpus);
  assert_bytes_equal (now, initial);
  g_clear_pointer (&now, g_bytes_unref);

  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (gloss_span_get_label (in_a), ==, "task");
  g_assert_cmpstr (gloss_span_get_note (in_b), ==, "");
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpstr (gloss_span_get_note (in_b), ==, "Ngoại giao");
  now = save (fixture->corpus);
  assert_bytes_equal (now, final);
}

static void
test_history_unknown_label (Fixture       *fixture,
                            gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GlossSpan) unknown = gloss_span_new (0, 3, "person");
  g_autoptr(GError) error = NULL;
  GlossSpan *span;

  g_assert_false (gloss_history_add_span (history, a, unknown, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  g_clear_error (&error);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 0);
  g_assert_null (gloss_span_get_id (unknown));
  assert_state (fixture, FALSE, FALSE);

  span = history_add (fixture, a, 0, 3, "principle");
  gloss_history_clear (history);
  g_assert_false (gloss_history_relabel_span (history, a, span, "person", &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  g_clear_error (&error);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  assert_state (fixture, FALSE, FALSE);

  /* Labels are case-sensitive ids, not names. */
  g_assert_false (gloss_history_relabel_span (history, a, span, "Task", &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  g_clear_error (&error);

  /* A label removed from the schema is unknown from then on. */
  g_assert_true (gloss_schema_remove (gloss_corpus_get_schema (fixture->corpus), "pillar"));
  g_assert_false (gloss_history_relabel_span (history, a, span, "pillar", &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  assert_state (fixture, FALSE, FALSE);
}

static void
test_history_unknown_document (Fixture       *fixture,
                               gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  g_autoptr(GlossDocument) outside = gloss_document_new ("outside", NULL, FOX_TEXT);
  g_autoptr(GlossSpan) fresh = gloss_span_new (0, 3, "task");
  g_autoptr(GlossSpan) inside = gloss_span_new (4, 9, "task");
  g_autoptr(GError) error = NULL;

  /* A span of the outside document, added directly. */
  g_assert_true (gloss_document_add_span (outside, inside, NULL));

  g_assert_false (gloss_history_add_span (history, outside, fresh, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (gloss_document_get_n_spans (outside), ==, 1);

  g_assert_false (gloss_history_remove_span (history, outside, inside, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);

  g_assert_false (gloss_history_relabel_span (history, outside, inside, "pillar", &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);

  g_assert_false (gloss_history_set_span_note (history, outside, inside, "note", &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_document_get_n_spans (outside), ==, 1);
  g_assert_cmpstr (gloss_span_get_label (inside), ==, "task");
  g_assert_cmpstr (gloss_span_get_note (inside), ==, "");
  assert_state (fixture, FALSE, FALSE);

  /* A document removed from the corpus is outside too. */
  g_object_ref (fixture->b);
  g_assert_true (gloss_corpus_remove_document (fixture->corpus, fixture->b));
  g_assert_false (gloss_history_add_span (history, fixture->b, fresh, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_object_unref (fixture->b);
}

static void
test_history_unknown_span (Fixture       *fixture,
                           gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  GlossDocument *b = fixture->b;
  g_autoptr(GlossSpan) never_added = gloss_span_new (4, 9, "task");
  g_autoptr(GlossSpan) twin = gloss_span_new (4, 9, "principle");
  g_autoptr(GError) error = NULL;
  GlossSpan *in_a;

  in_a = history_add (fixture, a, 4, 9, "principle");
  gloss_history_clear (history);

  g_assert_false (gloss_history_remove_span (history, a, never_added, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_clear_error (&error);

  /* An equal span is not the span. */
  g_assert_false (gloss_history_remove_span (history, a, twin, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_clear_error (&error);

  /* The span of another document. */
  g_assert_false (gloss_history_remove_span (history, b, in_a, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_clear_error (&error);
  g_assert_false (gloss_history_relabel_span (history, b, in_a, "task", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_clear_error (&error);
  g_assert_false (gloss_history_set_span_note (history, b, in_a, "note", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 1);
  g_assert_cmpstr (gloss_span_get_label (in_a), ==, "principle");
  g_assert_cmpstr (gloss_span_get_note (in_a), ==, "");
  assert_state (fixture, FALSE, FALSE);

  /* Removed once through the history, it is gone the second time. */
  g_assert_true (gloss_history_remove_span (history, a, in_a, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_history_remove_span (history, a, in_a, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN);
  g_clear_error (&error);

  /* Document errors pass through the history and record nothing. */
  gloss_history_clear (history);
  {
    g_autoptr(GlossSpan) empty = gloss_span_new (3, 3, "task");
    g_autoptr(GlossSpan) first = gloss_span_new (0, 3, "task");
    g_autoptr(GlossSpan) dup = gloss_span_new (0, 3, "task");

    g_assert_false (gloss_history_add_span (history, a, empty, &error));
    g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE);
    g_clear_error (&error);

    g_assert_true (gloss_history_add_span (history, a, first, NULL));
    gloss_history_clear (history);
    g_assert_false (gloss_history_add_span (history, a, dup, &error));
    g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
    g_clear_error (&error);
  }
  assert_state (fixture, FALSE, FALSE);
}

static void
test_history_remove_document_clears (Fixture       *fixture,
                                     gconstpointer  data)
{
  history_add (fixture, fixture->a, 0, 3, "task");
  history_add (fixture, fixture->b, 0, 3, "task");
  g_assert_true (gloss_history_undo (fixture->history));
  assert_state (fixture, TRUE, TRUE);

  /* The history cannot hold changes to a document that is gone. */
  g_assert_true (gloss_corpus_remove_document (fixture->corpus, fixture->b));
  assert_state (fixture, FALSE, FALSE);
}

/* The random walk. */

static const char * const random_labels[] = { "principle", "task", "pillar" };
static const char * const random_notes[] = { "", "xem lại", "ملاحظة", "note 👩‍👩‍👧", "e\xcc\x81" };

static GlossDocument *
random_document (GlossCorpus *corpus)
{
  guint n = gloss_corpus_get_n_documents (corpus);

  return gloss_corpus_get_document (corpus, g_test_rand_int_range (0, n));
}

static GlossSpan *
random_existing_span (GlossDocument *document)
{
  guint n = gloss_document_get_n_spans (document);

  if (n == 0)
    return NULL;

  return gloss_document_get_span (document, g_test_rand_int_range (0, n));
}

/* Makes one random change; returns whether one was recorded. */
static gboolean
random_change (GlossHistory *history,
               GlossCorpus  *corpus)
{
  GlossDocument *document = random_document (corpus);
  guint length = gloss_document_get_length (document);
  const char *label = random_labels[g_test_rand_int_range (0, G_N_ELEMENTS (random_labels))];
  guint kind = g_test_rand_int_range (0, 100);
  GlossSpan *span = random_existing_span (document);
  g_autoptr(GError) error = NULL;

  if (kind < 50 || span == NULL)
    {
      guint start = g_test_rand_int_range (0, length);
      guint end = g_test_rand_int_range (start + 1, MIN (length, start + 30) + 1);
      g_autoptr(GlossSpan) fresh = gloss_span_new (start, end, label);

      if (gloss_document_find_span (document, start, end, label) != NULL)
        {
          g_assert_false (gloss_history_add_span (history, document, fresh, &error));
          g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
          return FALSE;
        }

      g_assert_true (gloss_history_add_span (history, document, fresh, &error));
      g_assert_no_error (error);
      return TRUE;
    }
  else if (kind < 70)
    {
      g_assert_true (gloss_history_remove_span (history, document, span, &error));
      g_assert_no_error (error);
      return TRUE;
    }
  else if (kind < 85)
    {
      if (g_strcmp0 (gloss_span_get_label (span), label) == 0)
        return FALSE;

      if (gloss_document_find_span (document, gloss_span_get_start (span),
                                    gloss_span_get_end (span), label) != NULL)
        {
          g_assert_false (gloss_history_relabel_span (history, document, span, label, &error));
          g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
          return FALSE;
        }

      g_assert_true (gloss_history_relabel_span (history, document, span, label, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (gloss_span_get_label (span), ==, label);
      return TRUE;
    }
  else
    {
      const char *note = random_notes[g_test_rand_int_range (0, G_N_ELEMENTS (random_notes))];

      if (g_strcmp0 (gloss_span_get_note (span), note) == 0)
        return FALSE;

      g_assert_true (gloss_history_set_span_note (history, document, span, note, &error));
      g_assert_no_error (error);
      return TRUE;
    }
}

static char *
checksum (GlossCorpus *corpus)
{
  g_autoptr(GBytes) bytes = gloss_corpus_save_to_bytes (corpus);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
test_history_random (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  GlossHistory *history = gloss_corpus_get_history (corpus);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) initial = NULL;
  g_autoptr(GBytes) final = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  const guint n_steps = 1500;
  guint n_undone = 0;
  guint n_redone = 0;

  for (guint i = 0; i < 30; i++)
    g_string_append (long_text, VI_TEXT " ");
  format_test_add_document (corpus, "a", FOX_TEXT);
  format_test_add_document (corpus, "b", VI_TEXT);
  format_test_add_document (corpus, "c", long_text->str);
  format_test_add_document (corpus, "d", "👩‍👩‍👧 e\xcc\x81 الدبلوماسية");

  /* Something to start from that is not empty. */
  for (guint i = 0; i < 40; i++)
    random_change (history, corpus);
  gloss_history_clear (history);

  initial = gloss_corpus_save_to_bytes (corpus);
  g_ptr_array_add (states, checksum (corpus));

  while (states->len <= n_steps)
    {
      gboolean recorded = FALSE;

      if (g_test_rand_int_range (0, 10) == 0)
        {
          guint n = g_test_rand_int_range (0, 12);

          /* A batch, sometimes nested, sometimes with nothing in it. */
          gloss_history_begin_batch (history);
          for (guint i = 0; i < n; i++)
            {
              if (i == n / 2)
                gloss_history_begin_batch (history);
              recorded |= random_change (history, corpus);
              if (i == n / 2)
                gloss_history_end_batch (history);
            }
          gloss_history_end_batch (history);
        }
      else
        recorded = random_change (history, corpus);

      if (recorded)
        g_ptr_array_add (states, checksum (corpus));
      else
        {
          g_autofree char *sum = checksum (corpus);

          /* A refused change leaves no trace. */
          g_assert_cmpstr (sum, ==, g_ptr_array_index (states, states->len - 1));
        }

      g_assert_cmpint (gloss_history_get_can_undo (history), ==, states->len > 1);
      g_assert_false (gloss_history_get_can_redo (history));
    }

  final = gloss_corpus_save_to_bytes (corpus);
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), >, 0);

  /* Undo everything, checking every state on the way. */
  while (gloss_history_undo (history))
    {
      g_autofree char *sum = checksum (corpus);

      n_undone++;
      g_assert_cmpuint (n_undone, <, states->len);
      g_assert_cmpstr (sum, ==, g_ptr_array_index (states, states->len - 1 - n_undone));
    }
  g_assert_cmpuint (n_undone, ==, states->len - 1);
  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_true (gloss_history_get_can_redo (history));
  now = gloss_corpus_save_to_bytes (corpus);
  assert_bytes_equal (now, initial);
  g_clear_pointer (&now, g_bytes_unref);

  /* And redo everything. */
  while (gloss_history_redo (history))
    {
      g_autofree char *sum = checksum (corpus);

      n_redone++;
      g_assert_cmpstr (sum, ==, g_ptr_array_index (states, n_redone));
    }
  g_assert_cmpuint (n_redone, ==, states->len - 1);
  g_assert_true (gloss_history_get_can_undo (history));
  g_assert_false (gloss_history_get_can_redo (history));
  now = gloss_corpus_save_to_bytes (corpus);
  assert_bytes_equal (now, final);
  g_clear_pointer (&now, g_bytes_unref);

  /* Half way back, then a new change: the rest of the redo is gone. */
  for (guint i = 0; i < n_steps / 2; i++)
    g_assert_true (gloss_history_undo (history));
  while (!random_change (history, corpus))
    ;
  g_assert_false (gloss_history_get_can_redo (history));
  g_assert_false (gloss_history_redo (history));
}

/* Marking a document done is saved, makes the corpus dirty and is one undo
 * step; marking it again changes nothing and records nothing. */
static void
test_history_done (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossHistory *history = fixture->history;
  GlossDocument *a = fixture->a;
  g_autoptr(GlossDocument) stranger = gloss_document_new ("x", NULL, "x");
  g_autoptr(GError) error = NULL;

  gloss_corpus_set_dirty (fixture->corpus, FALSE);
  g_assert_true (gloss_history_set_document_done (history, a, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_document_get_done (a));
  g_assert_false (gloss_document_get_done (fixture->b));
  g_assert_true (gloss_corpus_get_dirty (fixture->corpus));
  assert_state (fixture, TRUE, FALSE);

  g_assert_true (gloss_history_set_document_done (history, a, TRUE, &error));
  g_assert_true (gloss_history_undo (history));
  g_assert_false (gloss_document_get_done (a));
  assert_state (fixture, FALSE, TRUE);

  g_assert_true (gloss_history_redo (history));
  g_assert_true (gloss_document_get_done (a));

  g_assert_false (gloss_history_set_document_done (history, stranger, TRUE, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_assert_false (gloss_document_get_done (stranger));
}

typedef struct
{
  int  value;
  int *freed;
} Counter;

static void
step_counter (gpointer data,
              gboolean forward)
{
  Counter *counter = data;

  counter->value += forward ? 1 : -1;
}

static void
free_counter (gpointer data)
{
  Counter *counter = data;

  (*counter->freed)++;
}

static void
test_history_custom (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossHistory *history = gloss_corpus_get_history (fixture->corpus);
  int freed = 0;
  Counter counter = { 1, &freed };

  /* The caller made the change; the history only undoes and redoes it. */
  gloss_history_record_custom (history, step_counter, &counter, free_counter);
  g_assert_cmpint (counter.value, ==, 1);
  g_assert_true (gloss_history_get_can_undo (history));

  g_assert_true (gloss_history_undo (history));
  g_assert_cmpint (counter.value, ==, 0);
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpint (counter.value, ==, 1);
  g_assert_cmpint (freed, ==, 0);

  gloss_history_clear (history);
  g_assert_cmpint (freed, ==, 1);
  g_assert_cmpint (counter.value, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/core/history/initial", test_history_initial);
  ADD ("/gloss/core/history/add", test_history_add);
  ADD ("/gloss/core/history/remove", test_history_remove);
  ADD ("/gloss/core/history/relabel", test_history_relabel);
  ADD ("/gloss/core/history/note", test_history_note);
  ADD ("/gloss/core/history/done", test_history_done);
  ADD ("/gloss/core/history/notify", test_history_notify);
  ADD ("/gloss/core/history/batch", test_history_batch);
  ADD ("/gloss/core/history/batch-mixed", test_history_batch_mixed);
  ADD ("/gloss/core/history/batch-nested", test_history_batch_nested);
  ADD ("/gloss/core/history/batch-empty", test_history_batch_empty);
  ADD ("/gloss/core/history/new-change-clears-redo", test_history_new_change_clears_redo);
  ADD ("/gloss/core/history/across-documents", test_history_across_documents);
  ADD ("/gloss/core/history/unknown-label", test_history_unknown_label);
  ADD ("/gloss/core/history/unknown-document", test_history_unknown_document);
  ADD ("/gloss/core/history/unknown-span", test_history_unknown_span);
  ADD ("/gloss/core/history/remove-document-clears", test_history_remove_document_clears);
  ADD ("/gloss/core/history/custom", test_history_custom);
  g_test_add_func ("/gloss/core/history/random", test_history_random);

#undef ADD

  return g_test_run ();
}
