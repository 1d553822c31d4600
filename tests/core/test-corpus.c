/* test-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

typedef struct
{
  GlossCorpus *corpus;
  GArray      *items_changed;  /* of ItemsChanged */
  guint        n_dirty_notify;
  guint        n_documents_notify;
  guint        n_file_notify;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (fixture->items_changed, change);
}

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
  fixture->items_changed = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  fixture->n_dirty_notify = 0;
  fixture->n_documents_notify = 0;
  fixture->n_file_notify = 0;

  g_signal_connect (fixture->corpus, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  g_signal_connect (fixture->corpus, "notify::dirty", G_CALLBACK (count_notify_cb),
                    &fixture->n_dirty_notify);
  g_signal_connect (fixture->corpus, "notify::n-documents", G_CALLBACK (count_notify_cb),
                    &fixture->n_documents_notify);
  g_signal_connect (fixture->corpus, "notify::file", G_CALLBACK (count_notify_cb),
                    &fixture->n_file_notify);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->corpus);
  g_clear_pointer (&fixture->items_changed, g_array_unref);
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

  g_assert_true (gloss_document_add_span (document, span, NULL));

  return span;
}

/* Clears the dirty flag and the notify count; returns the change count. */
static guint64
clean (Fixture *fixture)
{
  gloss_corpus_set_dirty (fixture->corpus, FALSE);
  g_assert_false (gloss_corpus_get_dirty (fixture->corpus));
  fixture->n_dirty_notify = 0;

  return gloss_corpus_get_change_count (fixture->corpus);
}

static void
test_corpus_new (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossHistory) history = NULL;
  gboolean dirty = TRUE;

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (corpus)) == GLOSS_TYPE_DOCUMENT);
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, 0);
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 0);
  g_assert_null (gloss_corpus_get_file (corpus));
  g_assert_null (gloss_corpus_get_document (corpus, 0));

  /* The default schema. */
  g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus)), ==, 3);
  g_assert_nonnull (gloss_schema_lookup (gloss_corpus_get_schema (corpus), "principle"));

  /* One history, tied to this corpus. */
  g_assert_nonnull (gloss_corpus_get_history (corpus));
  g_assert_true (gloss_history_get_corpus (gloss_corpus_get_history (corpus)) == corpus);
  g_assert_false (gloss_history_get_can_undo (gloss_corpus_get_history (corpus)));

  g_object_get (corpus, "schema", &schema, "history", &history, "dirty", &dirty, NULL);
  g_assert_true (schema == gloss_corpus_get_schema (corpus));
  g_assert_true (history == gloss_corpus_get_history (corpus));
  g_assert_false (dirty);
}

static void
test_corpus_new_with_schema (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  g_autoptr(GlossLabel) label = gloss_label_new ("B-ORG", NULL, NULL, "o", NULL);
  g_autoptr(GlossCorpus) corpus = NULL;

  g_assert_true (gloss_schema_add (schema, label, NULL));
  corpus = gloss_corpus_new_with_schema (schema);

  g_assert_true (gloss_corpus_get_schema (corpus) == schema);
  g_assert_cmpuint (gloss_schema_get_n_labels (gloss_corpus_get_schema (corpus)), ==, 1);
  g_assert_false (gloss_corpus_get_dirty (corpus));

  /* The corpus watches the schema it was given. */
  gloss_label_set_name (label, "Organisation");
  g_assert_true (gloss_corpus_get_dirty (corpus));
}

static void
test_corpus_add_lookup_remove (Fixture       *fixture,
                               gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autoptr(GlossDocument) keep = NULL;
  GlossDocument *a;
  GlossDocument *b;
  GlossDocument *c;
  guint position = G_MAXUINT;

  a = format_test_add_document (corpus, "a", "Alpha");
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  assert_items_changed (fixture, 0, 0, 0, 1);
  g_assert_cmpuint (fixture->n_documents_notify, ==, 1);

  b = format_test_add_document (corpus, "ban-tin-1", "Bản tin số 1");
  assert_items_changed (fixture, 1, 1, 0, 1);
  c = format_test_add_document (corpus, "c", "Gamma");
  assert_items_changed (fixture, 2, 2, 0, 1);
  g_assert_cmpuint (fixture->n_documents_notify, ==, 3);

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 3);
  g_assert_true (gloss_corpus_get_document (corpus, 0) == a);
  g_assert_true (gloss_corpus_get_document (corpus, 1) == b);
  g_assert_true (gloss_corpus_get_document (corpus, 2) == c);
  g_assert_null (gloss_corpus_get_document (corpus, 3));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GlossDocument) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);

      g_assert_true (item == gloss_corpus_get_document (corpus, i));
    }

  g_assert_true (gloss_corpus_lookup_document (corpus, "ban-tin-1") == b);
  g_assert_null (gloss_corpus_lookup_document (corpus, "ban-tin"));
  g_assert_null (gloss_corpus_lookup_document (corpus, "B"));
  g_assert_null (gloss_corpus_lookup_document (corpus, NULL));
  g_assert_true (gloss_corpus_find_document (corpus, c, &position));
  g_assert_cmpuint (position, ==, 2);

  keep = g_object_ref (b);
  g_assert_true (gloss_corpus_remove_document (corpus, b));
  g_assert_cmpuint (fixture->items_changed->len, ==, 4);
  assert_items_changed (fixture, 3, 1, 1, 0);
  g_assert_cmpuint (fixture->n_documents_notify, ==, 4);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  g_assert_null (gloss_corpus_lookup_document (corpus, "ban-tin-1"));
  g_assert_false (gloss_corpus_find_document (corpus, keep, NULL));
  g_assert_true (gloss_corpus_find_document (corpus, c, &position));
  g_assert_cmpuint (position, ==, 1);

  /* Removing twice: nothing. */
  g_assert_false (gloss_corpus_remove_document (corpus, keep));
  g_assert_cmpuint (fixture->items_changed->len, ==, 4);
  g_assert_cmpuint (fixture->n_documents_notify, ==, 4);

  /* The id is free again, and the document can come back (at the end). */
  g_assert_true (gloss_corpus_add_document (corpus, keep, NULL));
  assert_items_changed (fixture, 4, 2, 0, 1);
  g_assert_true (gloss_corpus_lookup_document (corpus, "ban-tin-1") == keep);
  g_assert_true (gloss_corpus_get_document (corpus, 2) == keep);

  g_assert_true (gloss_corpus_remove_document (corpus, a));
  assert_items_changed (fixture, 5, 0, 1, 0);
  g_assert_true (gloss_corpus_get_document (corpus, 0) == c);
}

static void
test_corpus_duplicate_document (Fixture       *fixture,
                                gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autoptr(GlossDocument) dup = gloss_document_new ("a", "Another", "Another text");
  g_autoptr(GError) error = NULL;
  GlossDocument *a;
  guint64 changes;

  a = format_test_add_document (corpus, "a", "Alpha");
  changes = clean (fixture);
  g_array_set_size (fixture->items_changed, 0);
  fixture->n_documents_notify = 0;

  g_assert_false (gloss_corpus_add_document (corpus, dup, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_DUPLICATE_DOCUMENT);
  g_clear_error (&error);

  /* The same object twice, too. */
  g_assert_false (gloss_corpus_add_document (corpus, a, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_DUPLICATE_DOCUMENT);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
  g_assert_true (gloss_corpus_lookup_document (corpus, "a") == a);
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_documents_notify, ==, 0);
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, changes);

  /* The refused document is not watched. */
  add_span (dup, 0, 3, "task");
  g_assert_false (gloss_corpus_get_dirty (corpus));
}

static void
test_corpus_empty_id (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autoptr(GlossDocument) document = gloss_document_new ("", "No id", "Text");
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_corpus_add_document (corpus, document, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_INVALID_ID);

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 0);
  g_assert_null (gloss_corpus_lookup_document (corpus, ""));
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, 0);
}

static void
test_corpus_dirty (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  g_autoptr(GlossDocument) removed = NULL;
  GlossDocument *a;
  GlossDocument *b;
  GlossSpan *span;
  GlossSpan *other;
  guint64 changes;

  /* Adding a document is a change. */
  a = format_test_add_document (corpus, "a", "The quick brown fox jumps over the lazy dog.");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 1);
  b = format_test_add_document (corpus, "b", "Ngoại giao Việt Nam");
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 1);  /* already dirty */

  /* set_dirty() notifies on change only. */
  gloss_corpus_set_dirty (corpus, FALSE);
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 2);
  gloss_corpus_set_dirty (corpus, FALSE);
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 2);
  gloss_corpus_set_dirty (corpus, TRUE);
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 3);
  gloss_corpus_set_dirty (corpus, 42);  /* any true value is TRUE */
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 3);
  g_object_set (corpus, "dirty", TRUE, NULL);
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 3);

  /* A span added to either document. */
  changes = clean (fixture);
  span = add_span (a, 4, 9, "principle");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 1);
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);
  changes = gloss_corpus_get_change_count (corpus);
  other = add_span (a, 10, 15, "task");
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 1);  /* still dirty, no notify */
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  changes = clean (fixture);
  add_span (b, 0, 5, "pillar");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 1);
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  /* Relabel. */
  changes = clean (fixture);
  g_assert_true (gloss_document_relabel_span (a, span, "pillar", NULL));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  /* A note. */
  changes = clean (fixture);
  gloss_document_set_span_note (a, span, "xem lại");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  /* Remove. */
  changes = clean (fixture);
  g_assert_true (gloss_document_remove_span (a, other));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  /* Document metadata. */
  changes = clean (fixture);
  gloss_document_set_title (b, "Ngoại giao");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  /* The schema: a label property, a new label, a removed one. */
  changes = clean (fixture);
  gloss_label_set_name (gloss_schema_lookup (schema, "task"), "Nhiệm vụ");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 1);
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  changes = clean (fixture);
  g_assert_true (gloss_schema_set_label_key (schema, gloss_schema_lookup (schema, "task"),
                                             "t", NULL));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  changes = clean (fixture);
  g_assert_true (gloss_schema_remove (schema, "pillar"));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  /* Things that change nothing leave it clean. */
  changes = clean (fixture);
  gloss_document_set_title (b, "Ngoại giao");
  gloss_document_set_span_note (a, span, "xem lại");
  g_assert_true (gloss_document_relabel_span (a, span, "pillar", NULL));
  gloss_label_set_name (gloss_schema_lookup (schema, "task"), "Nhiệm vụ");
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (fixture->n_dirty_notify, ==, 0);
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, changes);

  /* Removing a document is a change; after that, it is not watched. */
  removed = g_object_ref (b);
  changes = clean (fixture);
  g_assert_true (gloss_corpus_remove_document (corpus, b));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, changes);

  changes = clean (fixture);
  add_span (removed, 6, 10, "task");
  gloss_document_set_title (removed, "Gone");
  g_assert_false (gloss_corpus_get_dirty (corpus));
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, changes);
}

static void
test_corpus_change_count (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  GlossDocument *document;
  guint64 last;

  last = gloss_corpus_get_change_count (corpus);
  document = format_test_add_document (corpus, "d", "0123456789012345678901234567890123456789");
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, last);

  /* Every change counts, dirty or not. */
  for (guint i = 0; i < 20; i++)
    {
      last = gloss_corpus_get_change_count (corpus);
      add_span (document, i, i + 5, "task");
      g_assert_cmpuint (gloss_corpus_get_change_count (corpus), >, last);
      g_assert_true (gloss_corpus_get_dirty (corpus));
    }

  /* Clearing the dirty flag is not a change of the content. */
  last = gloss_corpus_get_change_count (corpus);
  gloss_corpus_set_dirty (corpus, FALSE);
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, last);
}

static void
test_corpus_make_document_id (Fixture       *fixture,
                              gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autofree char *hundred = g_strnfill (100, 'A');
  g_autofree char *sixty_four = g_strnfill (64, 'a');
  static const struct {
    const char *hint;
    const char *id;
  } cases[] = {
    { "Bản tin số 1.txt", "ban-tin-so-1-txt" },
    { "Bản tin số 1", "ban-tin-so-1" },
    { "Ngoại giao Việt Nam", "ngoai-giao-viet-nam" },
    { "report_2024-05", "report_2024-05" },
    { "  Hello,   World!  ", "hello-world" },
    { "Crème brûlée", "creme-brulee" },
    { "a.b.c", "a-b-c" },
    { "UPPER", "upper" },
    { "الدبلوماسية", "doc" },
    { "日本語", "doc" },
    { "!!!", "doc" },
    { "", "doc" },
    { NULL, "doc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = gloss_corpus_make_document_id (corpus, cases[i].hint);

      g_assert_cmpstr (id, ==, cases[i].id);
    }

  /* At most 64 characters. */
  {
    g_autofree char *id = gloss_corpus_make_document_id (corpus, hundred);

    g_assert_cmpstr (id, ==, sixty_four);
  }

  /* Making an id does not take it. */
  {
    g_autofree char *id1 = gloss_corpus_make_document_id (corpus, "Bản tin số 1.txt");
    g_autofree char *id2 = gloss_corpus_make_document_id (corpus, "Bản tin số 1.txt");

    g_assert_cmpstr (id1, ==, id2);
  }
}

static void
test_corpus_make_document_id_unique (Fixture       *fixture,
                                     gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;
  g_autofree char *id4 = NULL;
  g_autofree char *doc1 = NULL;
  g_autofree char *doc2 = NULL;

  id1 = gloss_corpus_make_document_id (corpus, "Bản tin số 1.txt");
  g_assert_cmpstr (id1, ==, "ban-tin-so-1-txt");
  format_test_add_document (corpus, id1, "one");

  id2 = gloss_corpus_make_document_id (corpus, "Bản tin số 1.txt");
  g_assert_cmpstr (id2, ==, "ban-tin-so-1-txt-2");
  format_test_add_document (corpus, id2, "two");

  id3 = gloss_corpus_make_document_id (corpus, "BẢN TIN SỐ 1.TXT");
  g_assert_cmpstr (id3, ==, "ban-tin-so-1-txt-3");
  format_test_add_document (corpus, id3, "three");

  /* A gap is filled first. */
  g_assert_true (gloss_corpus_remove_document (corpus, gloss_corpus_lookup_document (corpus, id2)));
  id4 = gloss_corpus_make_document_id (corpus, "Bản tin số 1.txt");
  g_assert_cmpstr (id4, ==, "ban-tin-so-1-txt-2");

  doc1 = gloss_corpus_make_document_id (corpus, NULL);
  g_assert_cmpstr (doc1, ==, "doc");
  format_test_add_document (corpus, doc1, "doc");
  doc2 = gloss_corpus_make_document_id (corpus, "");
  g_assert_cmpstr (doc2, ==, "doc-2");
}

static void
test_corpus_make_document_id_truncated (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GString) hint = g_string_new (NULL);
  g_autofree char *id = NULL;

  /* Cutting to 64 characters must not leave a dangling '-': the 64th
   * character of the slug here is the '-' after "bi". */
  g_string_append (hint, "Thông cáo báo chí về kết quả chuyến thăm chính thức ");
  g_string_append (hint, "của Tổng Bí thư.txt");
  id = gloss_corpus_make_document_id (fixture->corpus, hint->str);

  g_assert_cmpuint (strlen (id), <=, 64);
  g_assert_cmpstr (id, ==, "thong-cao-bao-chi-ve-ket-qua-chuyen-tham-chinh-thuc-cua-tong-bi");
  g_assert_false (g_str_has_suffix (id, "-"));
}

static void
test_corpus_make_document_id_vietnamese_d (Fixture       *fixture,
                                           gconstpointer  data)
{
  static const struct {
    const char *hint;
    const char *id;
  } cases[] = {
    /* Đ/đ (U+0110/U+0111) are letters of their own, not D with a mark, so
     * a decomposition alone does not make them ASCII; they are a D. */
    { "Đà Nẵng", "da-nang" },
    { "Đại hội Đảng lần thứ XIII.txt", "dai-hoi-dang-lan-thu-xiii-txt" },
    { "Bộ Ngoại giao đón đoàn", "bo-ngoai-giao-don-doan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = gloss_corpus_make_document_id (fixture->corpus, cases[i].hint);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_corpus_count_spans (Fixture       *fixture,
                         gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  GlossDocument *a;
  GlossDocument *b;
  GlossSpan *span;

  a = format_test_add_document (corpus, "a", "The quick brown fox jumps over the lazy dog.");
  b = format_test_add_document (corpus, "b", "Ngoại giao Việt Nam");
  format_test_add_document (corpus, "c", "Empty of spans");
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 0);

  span = add_span (a, 0, 3, "principle");
  add_span (a, 0, 3, "task");
  add_span (a, 4, 9, "pillar");
  add_span (b, 0, 5, "task");
  add_span (b, 6, 10, "task");
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 5);

  g_assert_true (gloss_document_remove_span (a, span));
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 4);

  g_assert_true (gloss_corpus_remove_document (corpus, b));
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 2);
}

static void
test_corpus_file (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossCorpus *corpus = fixture->corpus;
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/gloss-test/corpus.gloss.json");
  g_autoptr(GFile) same = g_file_new_for_path ("/tmp/gloss-test/corpus.gloss.json");
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/gloss-test/other.gloss.json");

  gloss_corpus_set_file (corpus, file);
  g_assert_true (gloss_corpus_get_file (corpus) == file);
  g_assert_cmpuint (fixture->n_file_notify, ==, 1);

  /* An equal file is no change. */
  gloss_corpus_set_file (corpus, same);
  g_assert_cmpuint (fixture->n_file_notify, ==, 1);
  g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), file));

  gloss_corpus_set_file (corpus, other);
  g_assert_cmpuint (fixture->n_file_notify, ==, 2);
  gloss_corpus_set_file (corpus, NULL);
  g_assert_cmpuint (fixture->n_file_notify, ==, 3);
  g_assert_null (gloss_corpus_get_file (corpus));
  gloss_corpus_set_file (corpus, NULL);
  g_assert_cmpuint (fixture->n_file_notify, ==, 3);

  /* The file is where the corpus lives, not its content. */
  g_assert_false (gloss_corpus_get_dirty (corpus));
}

/* n-done follows documents being marked, added already done and removed. */
static void
test_corpus_n_done (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) done = gloss_document_new ("c", NULL, "Đã xong ✅");
  GlossDocument *a = format_test_add_document (corpus, "a", "Một");
  GlossDocument *b = format_test_add_document (corpus, "b", "Hai");
  guint n_notify = 0;

  g_signal_connect (corpus, "notify::n-done", G_CALLBACK (count_notify_cb), &n_notify);
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 0);

  gloss_document_set_done (a, TRUE);
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 1);
  gloss_document_set_done (done, TRUE);
  g_assert_true (gloss_corpus_add_document (corpus, done, NULL));
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 2);
  gloss_document_set_done (b, FALSE);
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 2);
  gloss_document_set_done (a, FALSE);
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 1);
  g_assert_true (gloss_corpus_remove_document (corpus, done));
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 0);
  g_assert_cmpuint (n_notify, ==, 4);

  /* A removed document no longer counts. */
  gloss_document_set_done (done, FALSE);
  gloss_document_set_done (done, TRUE);
  g_assert_cmpuint (gloss_corpus_get_n_done (corpus), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/core/corpus/new", test_corpus_new);
  g_test_add_func ("/gloss/core/corpus/new-with-schema", test_corpus_new_with_schema);
  g_test_add_func ("/gloss/core/corpus/n-done", test_corpus_n_done);
  ADD ("/gloss/core/corpus/add-lookup-remove", test_corpus_add_lookup_remove);
  ADD ("/gloss/core/corpus/duplicate-document", test_corpus_duplicate_document);
  ADD ("/gloss/core/corpus/empty-id", test_corpus_empty_id);
  ADD ("/gloss/core/corpus/dirty", test_corpus_dirty);
  ADD ("/gloss/core/corpus/change-count", test_corpus_change_count);
  ADD ("/gloss/core/corpus/make-document-id", test_corpus_make_document_id);
  ADD ("/gloss/core/corpus/make-document-id-unique", test_corpus_make_document_id_unique);
  ADD ("/gloss/core/corpus/count-spans", test_corpus_count_spans);
  ADD ("/gloss/core/corpus/file", test_corpus_file);
  ADD ("/gloss/core/corpus/make-document-id-truncated", test_corpus_make_document_id_truncated);
  ADD ("/gloss/core/corpus/make-document-id-vietnamese-d",
       test_corpus_make_document_id_vietnamese_d);

#undef ADD

  return g_test_run ();
}
