/* test-schema-edit.c: undoable edits of the label schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

#define VI_TEXT "Ngoại giao Việt Nam: độc lập, tự chủ, đa phương hóa, đa dạng hóa."
#define MIXED_TEXT "Hợp tác 🤝🏽 với שלום và e\xcc\x81 👩‍👩‍👧."

typedef struct
{
  GlossCorpus   *corpus;
  GlossSchema   *schema;
  GlossHistory  *history;
  GlossDocument *a;
  GlossDocument *b;
} Fixture;

static void
add_span (Fixture       *f,
          GlossDocument *document,
          guint          start,
          guint          end,
          const char    *label)
{
  g_autoptr(GlossSpan) span = gloss_span_new (start, end, label);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->corpus = gloss_corpus_new ();
  f->schema = gloss_corpus_get_schema (f->corpus);
  f->history = gloss_corpus_get_history (f->corpus);
  f->a = format_test_add_document (f->corpus, "a", VI_TEXT);
  f->b = format_test_add_document (f->corpus, "b", MIXED_TEXT);

  /* "Ngoại giao", "độc lập", "tự chủ"; nested and overlapping spans of
   * "task" beside the others, and one over an emoji with a skin tone. */
  add_span (f, f->a, 0, 10, "pillar");
  add_span (f, f->a, 21, 28, "principle");
  add_span (f, f->a, 21, 36, "task");
  add_span (f, f->a, 30, 36, "principle");
  add_span (f, f->a, 30, 36, "task");
  add_span (f, f->b, 0, 7, "task");
  add_span (f, f->b, 8, 10, "principle");
  add_span (f, f->b, 15, 19, "task");

  gloss_corpus_set_dirty (f->corpus, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->corpus);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

/* The whole corpus as the native format writes it: schema, order, spans. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GBytes) bytes = gloss_corpus_save_to_bytes (f->corpus);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
count_undo_steps (Fixture *f)
{
  guint n = 0;

  while (gloss_history_undo (f->history))
    n++;
  for (guint i = 0; i < n; i++)
    g_assert_true (gloss_history_redo (f->history));

  return n;
}

static void
assert_order (Fixture    *f,
              const char *ids)
{
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; i < gloss_schema_get_n_labels (f->schema); i++)
    g_string_append_printf (actual, "%s%s", i > 0 ? " " : "",
                            gloss_label_get_id (gloss_schema_get_label (f->schema, i)));

  g_assert_cmpstr (actual->str, ==, ids);
}

/* A refused edit: the error, and not a byte of the corpus changed, not
 * even its dirty flag or its history. */
#define ASSERT_REFUSED(f, call, domain, code)                              \
  G_STMT_START {                                                           \
    g_autofree char *before_ = snapshot (f);                               \
    g_autofree char *after_ = NULL;                                        \
    g_autoptr(GError) error_ = NULL;                                       \
    gboolean could_undo_ = gloss_history_get_can_undo ((f)->history);      \
    GError **refused = &error_;                                            \
                                                                           \
    g_assert_false (call);                                                 \
    g_assert_error (error_, domain, code);                                 \
    after_ = snapshot (f);                                                 \
    g_assert_cmpstr (before_, ==, after_);                                 \
    g_assert_false (gloss_corpus_get_dirty ((f)->corpus));                 \
    g_assert_cmpint (gloss_history_get_can_undo ((f)->history), ==, could_undo_); \
  } G_STMT_END

static void
test_make_label_id (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *id;
  } cases[] = {
    { "Organisation", "Organisation" },
    { "ORG", "ORG" },
    { "Đối tác chiến lược", "Doi_tac_chien_luoc" },
    { "Work of art", "Work_of_art" },
    { "  a/b  ", "a_b" },
    { "🤝", "label" },
    { "שלום", "label" },
    { "", "label" },
    /* "task" is taken, whatever the case. */
    { "Task", "Task_2" },
    { "PRINCIPLE", "PRINCIPLE_2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = gloss_schema_make_label_id (f->schema, cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (gloss_label_id_is_valid (id));
    }

  /* A long name leaves room for the suffix within the 64 bytes of an id. */
  {
    g_autofree char *long_name = g_strnfill (100, 'x');
    g_autoptr(GlossLabel) label = gloss_schema_make_label (f->schema, long_name);
    g_autofree char *second = NULL;

    g_assert_cmpuint (strlen (gloss_label_get_id (label)), ==, 56);
    gloss_schema_add (f->schema, label, NULL);
    second = gloss_schema_make_label_id (f->schema, long_name);
    g_assert_cmpuint (strlen (second), <=, 64);
    g_assert_true (g_str_has_suffix (second, "_2"));
    g_assert_true (gloss_label_id_is_valid (second));
  }
}

static void
test_make_label (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GlossLabel) label = gloss_schema_make_label (f->schema, "Tổ chức");

  /* The palette's fourth colour and the first free digit. */
  g_assert_cmpstr (gloss_label_get_id (label), ==, "To_chuc");
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Tổ chức");
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#c061cb");
  g_assert_cmpstr (gloss_label_get_key (label), ==, "4");
  g_assert_cmpstr (gloss_label_get_description (label), ==, "");

  /* With every digit taken, a new label has no key. */
  for (guint i = 4; i <= 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra %u", i);
      g_autofree char *key = g_strdup_printf ("%u", i % 10);
      g_autoptr(GlossLabel) extra = gloss_schema_make_label (f->schema, name);

      g_assert_cmpstr (gloss_label_get_key (extra), ==, key);
      g_assert_true (gloss_schema_add (f->schema, extra, NULL));
    }
  g_assert_null (gloss_schema_next_key (f->schema));
  {
    g_autoptr(GlossLabel) keyless = gloss_schema_make_label (f->schema, "Eleventh");

    g_assert_null (gloss_label_get_key (keyless));
  }
}

static void
test_add_label (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossLabel) label = gloss_schema_make_label (f->schema, "Đối tác");
  g_autoptr(GlossLabel) first = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_add_label (f->history, label, G_MAXUINT, &error));
  g_assert_no_error (error);
  assert_order (f, "principle task pillar Doi_tac");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
  g_assert_true (gloss_history_get_can_undo (f->history));
  after = snapshot (f);

  g_assert_true (gloss_history_undo (f->history));
  assert_order (f, "principle task pillar");
  undone = snapshot (f);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (gloss_history_redo (f->history));
  g_clear_pointer (&undone, g_free);
  undone = snapshot (f);
  g_assert_cmpstr (undone, ==, after);

  /* At a position; undone and redone there. */
  first = gloss_schema_make_label (f->schema, "Đầu tiên");
  g_assert_cmpstr (gloss_label_get_key (first), ==, "5");
  g_assert_true (gloss_history_add_label (f->history, first, 0, &error));
  g_assert_no_error (error);
  assert_order (f, "Dau_tien principle task pillar Doi_tac");
  g_assert_true (gloss_history_undo (f->history));
  assert_order (f, "principle task pillar Doi_tac");
  g_assert_true (gloss_history_redo (f->history));
  assert_order (f, "Dau_tien principle task pillar Doi_tac");
  g_assert_cmpuint (count_undo_steps (f), ==, 2);

  /* The new label takes spans like any other. */
  {
    g_autoptr(GlossSpan) span = gloss_span_new (0, 10, "Doi_tac");

    g_assert_true (gloss_history_add_span (f->history, f->a, span, &error));
    g_assert_no_error (error);
  }
}

static void
test_add_label_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GlossLabel) duplicate = gloss_label_new ("task", "Another task", "#ff7800", "9", NULL);
  g_autoptr(GlossLabel) bad_id = gloss_label_new ("has space", NULL, NULL, "9", NULL);
  g_autoptr(GlossLabel) empty_id = gloss_label_new ("", NULL, NULL, "9", NULL);
  g_autoptr(GlossLabel) vi_id = gloss_label_new ("tổ-chức", NULL, NULL, "9", NULL);
  g_autoptr(GlossLabel) clash = gloss_label_new ("fresh", NULL, NULL, "2", NULL);

  ASSERT_REFUSED (f, gloss_history_add_label (f->history, duplicate, 0, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_DUPLICATE_ID);
  ASSERT_REFUSED (f, gloss_history_add_label (f->history, bad_id, 0, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_ID);
  ASSERT_REFUSED (f, gloss_history_add_label (f->history, empty_id, 0, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_ID);
  ASSERT_REFUSED (f, gloss_history_add_label (f->history, vi_id, 0, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_ID);
  ASSERT_REFUSED (f, gloss_history_add_label (f->history, clash, 0, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);

  /* The label already in the schema, added again. */
  ASSERT_REFUSED (f, gloss_history_add_label (f->history, gloss_schema_get_label (f->schema, 0), 0, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_DUPLICATE_ID);
}

static void
test_remove_label (Fixture       *f,
                   gconstpointer  data)
{
  GlossLabel *task = gloss_schema_lookup (f->schema, "task");
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) spans_a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 4);
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "principle"), ==, 3);
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "pillar"), ==, 1);
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "nothing"), ==, 0);

  for (guint i = 0; i < gloss_document_get_n_spans (f->a); i++)
    g_ptr_array_add (spans_a, g_object_ref (gloss_document_get_span (f->a, i)));

  g_assert_true (gloss_history_remove_label (f->history, task, &error));
  g_assert_no_error (error);

  /* The label and its spans are gone from both documents; the others stay. */
  assert_order (f, "principle pillar");
  g_assert_null (gloss_schema_lookup (f->schema, "task"));
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 0);
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "principle"), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (f->a), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (f->b), ==, 1);
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
  after = snapshot (f);

  /* One step puts back the label at its place and every span, the very
   * same objects with their ids. */
  g_assert_true (gloss_history_undo (f->history));
  g_assert_false (gloss_history_get_can_undo (f->history));
  assert_order (f, "principle task pillar");
  g_assert_true (gloss_schema_lookup (f->schema, "task") == task);
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 4);
  g_assert_cmpuint (gloss_document_get_n_spans (f->a), ==, spans_a->len);
  for (guint i = 0; i < spans_a->len; i++)
    g_assert_true (gloss_document_get_span (f->a, i) == g_ptr_array_index (spans_a, i));
  {
    g_autofree char *undone = snapshot (f);

    g_assert_cmpstr (undone, ==, before);
  }

  g_assert_true (gloss_history_redo (f->history));
  again = snapshot (f);
  g_assert_cmpstr (again, ==, after);
  g_assert_cmpuint (count_undo_steps (f), ==, 1);
}

static void
test_remove_label_then_reuse (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *undone = NULL;
  g_autoptr(GlossLabel) replacement = NULL;
  g_autoptr(GError) error = NULL;

  /* A new label takes the removed one's key and colour; undoing both
   * gives the old label its key back. */
  g_assert_true (gloss_history_remove_label (f->history, gloss_schema_lookup (f->schema, "task"), &error));
  g_assert_no_error (error);
  replacement = gloss_schema_make_label (f->schema, "Task");
  g_assert_cmpstr (gloss_label_get_id (replacement), ==, "Task");
  g_assert_cmpstr (gloss_label_get_key (replacement), ==, "2");
  g_assert_cmpstr (gloss_label_get_color (replacement), ==, "#2ec27e");
  g_assert_true (gloss_history_add_label (f->history, replacement, 1, &error));
  g_assert_no_error (error);

  g_assert_true (gloss_history_undo (f->history));
  g_assert_true (gloss_history_undo (f->history));
  undone = snapshot (f);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_remove_label_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossLabel) stranger = gloss_label_new ("task", NULL, NULL, NULL, NULL);

  /* Same id, another object: not this schema's label. */
  ASSERT_REFUSED (f, gloss_history_remove_label (f->history, stranger, refused),
                  GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  ASSERT_REFUSED (f, gloss_history_set_label_name (f->history, stranger, "X", refused),
                  GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  ASSERT_REFUSED (f, gloss_history_move_label (f->history, stranger, 0, refused),
                  GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  GlossLabel *task = gloss_schema_lookup (f->schema, "task");
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_set_label_name (f->history, task, "  Nhiệm vụ 🎯 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_name (task), ==, "Nhiệm vụ 🎯");
  g_assert_cmpstr (gloss_label_get_id (task), ==, "task");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* The same name again is no step. */
  g_assert_true (gloss_history_set_label_name (f->history, task, "Nhiệm vụ 🎯", &error));
  g_assert_cmpuint (count_undo_steps (f), ==, 1);

  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_name (task), ==, "Task");
  g_assert_true (gloss_history_redo (f->history));
  g_assert_cmpstr (gloss_label_get_name (task), ==, "Nhiệm vụ 🎯");

  gloss_corpus_set_dirty (f->corpus, FALSE);
  ASSERT_REFUSED (f, gloss_history_set_label_name (f->history, task, "", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_NAME);
  ASSERT_REFUSED (f, gloss_history_set_label_name (f->history, task, " \t ", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_NAME);
  ASSERT_REFUSED (f, gloss_history_set_label_name (f->history, task, NULL, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_NAME);
}

static void
test_recolor (Fixture       *f,
              gconstpointer  data)
{
  GlossLabel *pillar = gloss_schema_lookup (f->schema, "pillar");
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_set_label_color (f->history, pillar, "#813d9c", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_color (pillar), ==, "#813d9c");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_color (pillar), ==, "#e5a50a");
  g_assert_true (gloss_history_redo (f->history));
  g_assert_cmpstr (gloss_label_get_color (pillar), ==, "#813d9c");

  gloss_corpus_set_dirty (f->corpus, FALSE);
  ASSERT_REFUSED (f, gloss_history_set_label_color (f->history, pillar, "red", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_COLOR);
  ASSERT_REFUSED (f, gloss_history_set_label_color (f->history, pillar, "#12345", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_COLOR);
  ASSERT_REFUSED (f, gloss_history_set_label_color (f->history, pillar, "#12345g", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_COLOR);
  ASSERT_REFUSED (f, gloss_history_set_label_color (f->history, pillar, "", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_COLOR);
  ASSERT_REFUSED (f, gloss_history_set_label_color (f->history, pillar, NULL, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_COLOR);
}

static void
test_rekey (Fixture       *f,
            gconstpointer  data)
{
  GlossLabel *principle = gloss_schema_lookup (f->schema, "principle");
  GlossLabel *task = gloss_schema_lookup (f->schema, "task");
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_set_label_key (f->history, principle, "p", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_schema_lookup_key (f->schema, "p") == principle);
  g_assert_null (gloss_schema_lookup_key (f->schema, "1"));
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* Keys swap through a free one; each change is a step. */
  g_assert_true (gloss_history_set_label_key (f->history, task, "1", &error));
  g_assert_true (gloss_history_set_label_key (f->history, principle, "2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_undo_steps (f), ==, 3);
  g_assert_true (gloss_history_undo (f->history));
  g_assert_true (gloss_history_undo (f->history));
  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_key (principle), ==, "1");
  g_assert_cmpstr (gloss_label_get_key (task), ==, "2");

  /* Its own key again is no change. */
  g_assert_true (gloss_history_set_label_key (f->history, task, "2", &error));
  g_assert_no_error (error);

  /* Non-ASCII keys are fine. */
  g_assert_true (gloss_history_set_label_key (f->history, task, "đ", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_history_undo (f->history));

  gloss_corpus_set_dirty (f->corpus, FALSE);
  ASSERT_REFUSED (f, gloss_history_set_label_key (f->history, principle, "", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  ASSERT_REFUSED (f, gloss_history_set_label_key (f->history, principle, NULL, refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  ASSERT_REFUSED (f, gloss_history_set_label_key (f->history, principle, " ", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  ASSERT_REFUSED (f, gloss_history_set_label_key (f->history, principle, "12", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  ASSERT_REFUSED (f, gloss_history_set_label_key (f->history, principle, "\xcc\x81", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  ASSERT_REFUSED (f, gloss_history_set_label_key (f->history, principle, "2", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);

  /* The message names the label that has the key. */
  g_assert_false (gloss_history_set_label_key (f->history, principle, "3", &error));
  g_assert_nonnull (strstr (error->message, "“3”"));
  g_assert_nonnull (strstr (error->message, "“Pillar”"));
}

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  GlossLabel *task = gloss_schema_lookup (f->schema, "task");
  g_autofree char *original = g_strdup (gloss_label_get_description (task));
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_set_label_description (f->history, task, "Một việc cụ thể 📌", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_description (task), ==, "Một việc cụ thể 📌");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  g_assert_true (gloss_history_set_label_description (f->history, task, NULL, &error));
  g_assert_cmpstr (gloss_label_get_description (task), ==, "");
  g_assert_cmpuint (count_undo_steps (f), ==, 2);

  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_description (task), ==, "Một việc cụ thể 📌");
  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_description (task), ==, original);
}

static void
test_locale_names (Fixture       *f,
                   gconstpointer  data)
{
  GlossLabel *principle = gloss_schema_lookup (f->schema, "principle");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f);

  /* Not the Vietnamese name the default label already has. */
  g_assert_true (gloss_history_set_label_locale_name (f->history, principle, "vi", "Nguyên lý", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_history_set_label_locale_name (f->history, principle, "he", "עיקרון", &error));
  g_assert_true (gloss_history_set_label_locale_name (f->history, principle, "sr@latin", "Načelo", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_display_name (principle, "vi_VN.UTF-8"), ==, "Nguyên lý");
  g_assert_cmpstr (gloss_label_get_display_name (principle, "he_IL"), ==, "עיקרון");
  /* Catalan is not among the languages Gloss ships names for. */
  g_assert_cmpstr (gloss_label_get_display_name (principle, "ca"), ==, "Principle");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* Changed, then removed with an empty name. */
  g_assert_true (gloss_history_set_label_locale_name (f->history, principle, "vi", "Nguyên tắc chỉ đạo", &error));
  g_assert_true (gloss_history_set_label_locale_name (f->history, principle, "he", "  ", &error));
  g_assert_no_error (error);
  g_assert_null (gloss_label_get_name_for_locale (principle, "he"));
  g_assert_cmpuint (count_undo_steps (f), ==, 5);

  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_name_for_locale (principle, "he"), ==, "עיקרון");
  g_assert_true (gloss_history_undo (f->history));
  g_assert_cmpstr (gloss_label_get_name_for_locale (principle, "vi"), ==, "Nguyên lý");
  while (gloss_history_undo (f->history))
    ;
  {
    g_autofree char *undone = snapshot (f);

    g_assert_cmpstr (undone, ==, before);
  }

  /* Removing a name that is not there is no step. */
  g_assert_true (gloss_history_set_label_locale_name (f->history, principle, "ca", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_history_get_can_undo (f->history));

  gloss_corpus_set_dirty (f->corpus, FALSE);
  ASSERT_REFUSED (f, gloss_history_set_label_locale_name (f->history, principle, "", "X", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE);
  ASSERT_REFUSED (f, gloss_history_set_label_locale_name (f->history, principle, NULL, "X", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE);
  ASSERT_REFUSED (f, gloss_history_set_label_locale_name (f->history, principle, "vi VN", "X", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE);
  ASSERT_REFUSED (f, gloss_history_set_label_locale_name (f->history, principle, "tiếng", "X", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE);
  ASSERT_REFUSED (f, gloss_history_set_label_locale_name (f->history, principle, "_vi", "X", refused),
                  GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  GlossLabel *principle = gloss_schema_lookup (f->schema, "principle");
  GlossLabel *pillar = gloss_schema_lookup (f->schema, "pillar");
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_move_label (f->history, principle, 2, &error));
  g_assert_no_error (error);
  assert_order (f, "task pillar principle");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* Past the end is last; its own place is no step. */
  g_assert_true (gloss_history_move_label (f->history, pillar, 0, &error));
  assert_order (f, "pillar task principle");
  g_assert_true (gloss_history_move_label (f->history, pillar, 99, &error));
  assert_order (f, "task principle pillar");
  g_assert_true (gloss_history_move_label (f->history, pillar, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_undo_steps (f), ==, 3);

  g_assert_true (gloss_history_undo (f->history));
  assert_order (f, "pillar task principle");
  g_assert_true (gloss_history_undo (f->history));
  assert_order (f, "task pillar principle");
  g_assert_true (gloss_history_undo (f->history));
  assert_order (f, "principle task pillar");
  g_assert_true (gloss_history_redo (f->history));
  assert_order (f, "task pillar principle");
}

/* Every edit is one step, and undoing all of them gives back the corpus
 * byte for byte; the spans keep their labels through renames and moves. */
static void
test_every_edit_one_step (Fixture       *f,
                          gconstpointer  data)
{
  GlossLabel *task = gloss_schema_lookup (f->schema, "task");
  g_autoptr(GlossLabel) added = gloss_schema_make_label (f->schema, "Đối tác");
  g_autofree char *before = snapshot (f);
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  g_assert_true (gloss_history_set_label_name (f->history, task, "Nhiệm vụ", &error)); n_changes++;
  g_assert_true (gloss_history_set_label_color (f->history, task, "#ff7800", &error)); n_changes++;
  g_assert_true (gloss_history_set_label_key (f->history, task, "n", &error)); n_changes++;
  g_assert_true (gloss_history_set_label_description (f->history, task, "Việc", &error)); n_changes++;
  g_assert_true (gloss_history_set_label_locale_name (f->history, task, "en", "Task", &error)); n_changes++;
  g_assert_true (gloss_history_move_label (f->history, task, 0, &error)); n_changes++;
  g_assert_true (gloss_history_add_label (f->history, added, 1, &error)); n_changes++;
  g_assert_true (gloss_history_remove_label (f->history, gloss_schema_lookup (f->schema, "principle"), &error)); n_changes++;
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 4);
  g_assert_cmpuint (count_undo_steps (f), ==, n_changes);

  while (gloss_history_undo (f->history))
    ;
  {
    g_autofree char *undone = snapshot (f);

    g_assert_cmpstr (undone, ==, before);
  }
}

/* The edits survive a save and a load. */
static void
test_edits_saved (Fixture       *f,
                  gconstpointer  data)
{
  GlossLabel *pillar = gloss_schema_lookup (f->schema, "pillar");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GlossLabel *label;

  gloss_history_set_label_name (f->history, pillar, "Trụ cột", &error);
  gloss_history_set_label_locale_name (f->history, pillar, "en", "Pillar", &error);
  gloss_history_set_label_key (f->history, pillar, "t", &error);
  gloss_history_set_label_color (f->history, pillar, "#26a269", &error);
  gloss_history_set_label_description (f->history, pillar, "Một trụ cột của chính sách", &error);
  gloss_history_move_label (f->history, pillar, 0, &error);
  g_assert_no_error (error);

  bytes = gloss_corpus_save_to_bytes (f->corpus);
  reloaded = gloss_corpus_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  label = gloss_schema_get_label (gloss_corpus_get_schema (reloaded), 0);
  g_assert_cmpstr (gloss_label_get_id (label), ==, "pillar");
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Trụ cột");
  g_assert_cmpstr (gloss_label_get_name_for_locale (label, "en"), ==, "Pillar");
  g_assert_cmpstr (gloss_label_get_key (label), ==, "t");
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#26a269");
  g_assert_cmpstr (gloss_label_get_description (label), ==, "Một trụ cột của chính sách");
  g_assert_cmpuint (gloss_corpus_count_label_spans (reloaded, "pillar"), ==, 1);
}

static void
test_annotator (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossSpan) unsigned_span = gloss_span_new (11, 20, "task");
  g_autoptr(GlossSpan) own = gloss_span_new_full (NULL, 38, 52, "task", NULL, "Lan", NULL);
  g_autoptr(GlossSpan) duplicate = gloss_span_new (0, 10, "pillar");
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_null (gloss_history_get_annotator (f->history));
  g_signal_connect (f->history, "notify::annotator", G_CALLBACK (count_notify_cb), &notified);

  gloss_history_set_annotator (f->history, "Minh");
  gloss_history_set_annotator (f->history, "Minh");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (gloss_history_get_annotator (f->history), ==, "Minh");

  /* A span without an annotator is signed; one with its own keeps it. */
  g_assert_true (gloss_history_add_span (f->history, f->a, unsigned_span, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_annotator (unsigned_span), ==, "Minh");
  g_assert_true (gloss_history_add_span (f->history, f->a, own, &error));
  g_assert_cmpstr (gloss_span_get_annotator (own), ==, "Lan");

  /* A refused span is left as it came. */
  g_assert_false (gloss_history_add_span (f->history, f->a, duplicate, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_assert_cmpstr (gloss_span_get_annotator (duplicate), ==, "");

  /* Label all signs its spans too. */
  g_clear_error (&error);
  gloss_history_set_annotator (f->history, "");
  g_assert_null (gloss_history_get_annotator (f->history));
  g_assert_cmpuint (notified, ==, 2);
  g_object_set (f->history, "annotator", "Hoa", NULL);
  {
    GlossSearchOptions options = { FALSE, TRUE, TRUE };
    guint n = gloss_search_label_all (f->corpus, f->b, "với", &options, "pillar", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpstr (gloss_span_get_annotator (gloss_document_find_span (f->b, 11, 14, "pillar")), ==, "Hoa");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gloss/core/schema-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("make-label-id", test_make_label_id);
  ADD ("make-label", test_make_label);
  ADD ("add", test_add_label);
  ADD ("add-refused", test_add_label_refused);
  ADD ("remove", test_remove_label);
  ADD ("remove-then-reuse", test_remove_label_then_reuse);
  ADD ("unknown-label", test_remove_label_refused);
  ADD ("rename", test_rename);
  ADD ("recolor", test_recolor);
  ADD ("rekey", test_rekey);
  ADD ("describe", test_describe);
  ADD ("locale-names", test_locale_names);
  ADD ("move", test_move);
  ADD ("every-edit-one-step", test_every_edit_one_step);
  ADD ("edits-saved", test_edits_saved);
  ADD ("annotator", test_annotator);

#undef ADD

  return g_test_run ();
}
