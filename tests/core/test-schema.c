/* test-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gloss.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

typedef struct
{
  GlossSchema *schema;
  GArray      *items_changed;  /* of ItemsChanged */
  guint        n_changed;
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
on_changed_cb (GlossSchema *schema,
               Fixture     *fixture)
{
  fixture->n_changed++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
fixture_watch (Fixture     *fixture,
               GlossSchema *schema)
{
  fixture->schema = schema;
  fixture->items_changed = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  fixture->n_changed = 0;
  g_signal_connect (schema, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  g_signal_connect (schema, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_watch (fixture, gloss_schema_new ());
}

static void
fixture_set_up_default (Fixture       *fixture,
                        gconstpointer  data)
{
  fixture_watch (fixture, gloss_schema_new_default ());
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->schema);
  g_clear_pointer (&fixture->items_changed, g_array_unref);
}

static void
fixture_reset (Fixture *fixture)
{
  g_array_set_size (fixture->items_changed, 0);
  fixture->n_changed = 0;
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

/* Checks the order of the labels through both the schema API and GListModel. */
static void
assert_order (GlossSchema *schema,
              const char  *expected)
{
  g_auto(GStrv) ids = g_strsplit (expected, " ", -1);
  guint n = g_strv_length (ids);

  if (expected[0] == '\0')
    n = 0;

  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schema)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLabel) item = g_list_model_get_item (G_LIST_MODEL (schema), i);
      GlossLabel *label = gloss_schema_get_label (schema, i);
      guint position = G_MAXUINT;

      g_assert_true (item == label);
      g_assert_cmpstr (gloss_label_get_id (label), ==, ids[i]);
      g_assert_true (gloss_schema_lookup (schema, ids[i]) == label);
      g_assert_true (gloss_schema_find (schema, label, &position));
      g_assert_cmpuint (position, ==, i);
    }

  g_assert_null (gloss_schema_get_label (schema, n));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (schema), n));
}

static void
add_label (GlossSchema *schema,
           const char  *id,
           const char  *key)
{
  g_autoptr(GlossLabel) label = gloss_label_new (id, NULL, NULL, key, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_schema_add (schema, label, &error));
  g_assert_no_error (error);
}

static void
test_schema_default (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *name;
    const char *key;
    const char *color;
  } expected[] = {
    { "principle", "Principle", "1", "#3584e4" },
    { "task", "Task", "2", "#2ec27e" },
    { "pillar", "Pillar", "3", "#e5a50a" },
  };
  GlossSchema *schema = fixture->schema;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (schema)) == GLOSS_TYPE_LABEL);
  assert_order (schema, "principle task pillar");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);

      g_assert_cmpstr (gloss_label_get_id (label), ==, expected[i].id);
      g_assert_cmpstr (gloss_label_get_name (label), ==, expected[i].name);
      g_assert_cmpstr (gloss_label_get_key (label), ==, expected[i].key);
      g_assert_cmpstr (gloss_label_get_color (label), ==, expected[i].color);
      g_assert_true (gloss_label_color_is_valid (gloss_label_get_color (label)));
      g_assert_cmpuint (strlen (gloss_label_get_description (label)), >, 10);
      g_assert_true (gloss_schema_lookup_key (schema, expected[i].key) == label);
    }

  /* The three colours are different. */
  g_assert_cmpstr (gloss_label_get_color (gloss_schema_get_label (schema, 0)), !=,
                   gloss_label_get_color (gloss_schema_get_label (schema, 1)));
  g_assert_cmpstr (gloss_label_get_color (gloss_schema_get_label (schema, 1)), !=,
                   gloss_label_get_color (gloss_schema_get_label (schema, 2)));
  g_assert_cmpstr (gloss_label_get_color (gloss_schema_get_label (schema, 0)), !=,
                   gloss_label_get_color (gloss_schema_get_label (schema, 2)));
}

static void
test_schema_default_independent (void)
{
  g_autoptr(GlossSchema) a = gloss_schema_new_default ();
  g_autoptr(GlossSchema) b = gloss_schema_new_default ();

  /* Each schema owns its labels: editing one must not edit the other. */
  g_assert_true (gloss_schema_get_label (a, 0) != gloss_schema_get_label (b, 0));
  gloss_label_set_name (gloss_schema_lookup (a, "task"), "Nhiệm vụ");
  g_assert_cmpstr (gloss_label_get_name (gloss_schema_lookup (b, "task")), ==, "Task");
}

static void
test_schema_add_insert (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  g_autoptr(GlossLabel) c = gloss_label_new ("c", NULL, NULL, NULL, NULL);
  g_autoptr(GlossLabel) d = gloss_label_new ("d", NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  assert_order (schema, "");

  add_label (schema, "a", "1");
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  assert_items_changed (fixture, 0, 0, 0, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  add_label (schema, "b", NULL);
  g_assert_cmpuint (fixture->items_changed->len, ==, 2);
  assert_items_changed (fixture, 1, 1, 0, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  g_assert_true (gloss_schema_insert (schema, 0, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->items_changed->len, ==, 3);
  assert_items_changed (fixture, 2, 0, 0, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  assert_order (schema, "c a b");

  /* A position past the end appends. */
  g_assert_true (gloss_schema_insert (schema, 99, d, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->items_changed->len, ==, 4);
  assert_items_changed (fixture, 3, 3, 0, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 4);
  assert_order (schema, "c a b d");

  /* The schema keeps the very object added. */
  g_assert_true (gloss_schema_lookup (schema, "c") == c);
  g_assert_true (gloss_schema_lookup (schema, "d") == d);
  g_assert_true (gloss_schema_lookup_key (schema, "1") == gloss_schema_lookup (schema, "a"));
}

static void
test_schema_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  g_autoptr(GlossLabel) task = g_object_ref (gloss_schema_lookup (schema, "task"));
  g_autoptr(GError) error = NULL;

  fixture_reset (fixture);

  g_assert_true (gloss_schema_remove (schema, "task"));
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  assert_items_changed (fixture, 0, 1, 1, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  assert_order (schema, "principle pillar");
  g_assert_null (gloss_schema_lookup (schema, "task"));
  g_assert_null (gloss_schema_lookup_key (schema, "2"));
  g_assert_false (gloss_schema_find (schema, task, NULL));

  /* Unknown ids (and the removed one) are refused without a signal. */
  g_assert_false (gloss_schema_remove (schema, "task"));
  g_assert_false (gloss_schema_remove (schema, "nothing"));
  g_assert_false (gloss_schema_remove (schema, NULL));
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* A removed label no longer reports changes to the schema. */
  gloss_label_set_name (task, "Gone");
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Its key is free again. */
  add_label (schema, "objective", "2");
  g_assert_true (gloss_schema_lookup_key (schema, "2") ==
                 gloss_schema_lookup (schema, "objective"));

  /* And the removed label can be added again. */
  fixture_reset (fixture);
  g_assert_true (gloss_schema_remove (schema, "principle"));
  assert_items_changed (fixture, 0, 0, 1, 0);
  g_assert_false (gloss_schema_add (schema, task, &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);
  gloss_label_set_key (task, NULL);
  g_assert_true (gloss_schema_add (schema, task, NULL));
  assert_order (schema, "pillar objective task");
}

static void
test_schema_move (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;

  add_label (schema, "a", NULL);
  add_label (schema, "b", NULL);
  add_label (schema, "c", NULL);
  add_label (schema, "d", NULL);
  add_label (schema, "e", NULL);
  fixture_reset (fixture);

  gloss_schema_move (schema, 0, 3);
  assert_order (schema, "b c d a e");
  g_assert_cmpuint (fixture->items_changed->len, ==, 1);
  assert_items_changed (fixture, 0, 0, 4, 4);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  gloss_schema_move (schema, 4, 1);
  assert_order (schema, "b e c d a");
  g_assert_cmpuint (fixture->items_changed->len, ==, 2);
  assert_items_changed (fixture, 1, 1, 4, 4);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  gloss_schema_move (schema, 3, 4);
  assert_order (schema, "b e c a d");
  assert_items_changed (fixture, 2, 3, 2, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  /* Moving a label onto itself is not a change. */
  gloss_schema_move (schema, 2, 2);
  assert_order (schema, "b e c a d");
  g_assert_cmpuint (fixture->items_changed->len, ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static void
test_schema_move_out_of_range (Fixture       *fixture,
                               gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;

  fixture_reset (fixture);

  g_test_expect_message ("gloss-schema", G_LOG_LEVEL_CRITICAL, "*to < self->labels->len*");
  gloss_schema_move (schema, 0, 3);
  g_test_assert_expected_messages ();

  assert_order (schema, "principle task pillar");
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_schema_duplicate_id (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  g_autoptr(GlossLabel) dup = gloss_label_new ("task", "Another task", NULL, "9", NULL);
  g_autoptr(GError) error = NULL;
  GlossLabel *original = gloss_schema_lookup (schema, "task");

  fixture_reset (fixture);

  g_assert_false (gloss_schema_add (schema, dup, &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  g_assert_false (gloss_schema_insert (schema, 0, dup, &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  /* The very same label twice is a duplicate too. */
  g_assert_false (gloss_schema_add (schema, original, &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_DUPLICATE_ID);

  assert_order (schema, "principle task pillar");
  g_assert_true (gloss_schema_lookup (schema, "task") == original);
  g_assert_null (gloss_schema_lookup_key (schema, "9"));
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Refused labels are not watched: changing them changes nothing. */
  gloss_label_set_name (dup, "Still not in");
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_schema_invalid_id (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const bad_ids[] = {
    "",
    "two words",
    "nguyên-tắc",
    "a/b",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /* 65 */
  };
  GlossSchema *schema = fixture->schema;

  fixture_reset (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr(GlossLabel) label = gloss_label_new (bad_ids[i], "Bad", NULL, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (gloss_schema_add (schema, label, &error));
      g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_ID);
      g_assert_null (gloss_schema_lookup (schema, bad_ids[i]));
    }

  assert_order (schema, "principle task pillar");
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_schema_key_clash (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  g_autoptr(GlossLabel) clash = gloss_label_new ("objective", NULL, NULL, "2", NULL);
  g_autoptr(GlossLabel) fine = gloss_label_new ("objective", NULL, NULL, "4", NULL);
  g_autoptr(GError) error = NULL;

  fixture_reset (fixture);

  g_assert_false (gloss_schema_add (schema, clash, &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);
  g_clear_error (&error);
  g_assert_null (gloss_schema_lookup (schema, "objective"));
  g_assert_true (gloss_schema_lookup_key (schema, "2") == gloss_schema_lookup (schema, "task"));
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Keys are case-sensitive single characters: "p" and "P" differ. */
  gloss_schema_set_label_key (schema, gloss_schema_lookup (schema, "principle"), "p", &error);
  g_assert_no_error (error);
  gloss_label_set_key (fine, "P");
  g_assert_true (gloss_schema_add (schema, fine, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_schema_lookup_key (schema, "P") == fine);
  g_assert_true (gloss_schema_lookup_key (schema, "p") ==
                 gloss_schema_lookup (schema, "principle"));
}

static void
test_schema_lookup (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  g_autoptr(GlossLabel) stranger = gloss_label_new ("principle", NULL, NULL, NULL, NULL);
  guint position = 42;

  g_assert_cmpstr (gloss_label_get_id (gloss_schema_lookup (schema, "principle")), ==, "principle");
  g_assert_cmpstr (gloss_label_get_id (gloss_schema_lookup (schema, "pillar")), ==, "pillar");
  g_assert_null (gloss_schema_lookup (schema, "Principle"));
  g_assert_null (gloss_schema_lookup (schema, "principle "));
  g_assert_null (gloss_schema_lookup (schema, ""));
  g_assert_null (gloss_schema_lookup (schema, NULL));

  g_assert_cmpstr (gloss_label_get_id (gloss_schema_lookup_key (schema, "3")), ==, "pillar");
  g_assert_null (gloss_schema_lookup_key (schema, "4"));
  g_assert_null (gloss_schema_lookup_key (schema, ""));
  g_assert_null (gloss_schema_lookup_key (schema, NULL));
  g_assert_null (gloss_schema_lookup_key (schema, "12"));

  g_assert_true (gloss_schema_find (schema, gloss_schema_lookup (schema, "pillar"), &position));
  g_assert_cmpuint (position, ==, 2);
  /* find() looks for the object, not an equal id. */
  g_assert_false (gloss_schema_find (schema, stranger, NULL));
}

static void
test_schema_set_label_key (Fixture       *fixture,
                           gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  GlossLabel *principle = gloss_schema_lookup (schema, "principle");
  GlossLabel *task = gloss_schema_lookup (schema, "task");
  g_autoptr(GError) error = NULL;
  guint n_key_notify = 0;

  fixture_reset (fixture);

  /* Another label's key: refused, nothing changes. */
  g_assert_false (gloss_schema_set_label_key (schema, principle, "2", &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);
  g_clear_error (&error);
  g_assert_cmpstr (gloss_label_get_key (principle), ==, "1");
  g_assert_true (gloss_schema_lookup_key (schema, "2") == task);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Not a single visible character: refused. */
  g_assert_false (gloss_schema_set_label_key (schema, principle, "12", &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  g_clear_error (&error);
  g_assert_false (gloss_schema_set_label_key (schema, principle, " ", &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  g_clear_error (&error);
  g_assert_false (gloss_schema_set_label_key (schema, principle, "\t", &error));
  g_assert_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  g_clear_error (&error);
  g_assert_cmpstr (gloss_label_get_key (principle), ==, "1");
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Its own key again: fine and silent. */
  g_signal_connect (principle, "notify::key", G_CALLBACK (count_notify_cb), &n_key_notify);
  g_assert_true (gloss_schema_set_label_key (schema, principle, "1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_key_notify, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* A free key. */
  g_assert_true (gloss_schema_set_label_key (schema, principle, "n", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_key (principle), ==, "n");
  g_assert_true (gloss_schema_lookup_key (schema, "n") == principle);
  g_assert_null (gloss_schema_lookup_key (schema, "1"));
  g_assert_cmpuint (n_key_notify, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* The old key is free for another label now. */
  g_assert_true (gloss_schema_set_label_key (schema, task, "1", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_schema_lookup_key (schema, "1") == task);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* NULL and "" both clear the key. */
  g_assert_true (gloss_schema_set_label_key (schema, principle, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_label_get_key (principle));
  g_assert_cmpuint (n_key_notify, ==, 2);
  g_assert_true (gloss_schema_set_label_key (schema, principle, "", &error));
  g_assert_no_error (error);
  g_assert_null (gloss_label_get_key (principle));
  g_assert_cmpuint (n_key_notify, ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  /* Two labels without a key do not clash. */
  g_assert_true (gloss_schema_set_label_key (schema, task, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_label_get_key (task));
  g_assert_null (gloss_schema_lookup_key (schema, ""));
}

static void
test_schema_next_color (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const palette[] = {
    "#3584e4", "#2ec27e", "#e5a50a", "#c061cb", "#ff7800",
    "#e01b24", "#986a44", "#1c71d8", "#26a269", "#813d9c",
  };
  GlossSchema *schema = fixture->schema;

  g_assert_cmpstr (gloss_schema_next_color (schema), ==, "#3584e4");

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      g_autofree char *id = g_strdup_printf ("label%u", i);
      g_autofree char *upper = g_ascii_strup (palette[i], -1);
      g_autoptr(GlossLabel) label = NULL;

      g_assert_cmpstr (gloss_schema_next_color (schema), ==, palette[i]);

      /* Colours compare case-insensitively. */
      label = gloss_label_new (id, NULL, i % 2 ? upper : palette[i], NULL, NULL);
      g_assert_true (gloss_schema_add (schema, label, NULL));
    }

  /* All taken: cycle by the number of labels. */
  g_assert_cmpstr (gloss_schema_next_color (schema), ==, palette[0]);
  add_label (schema, "extra", NULL);
  g_assert_cmpstr (gloss_schema_next_color (schema), ==, palette[1]);

  /* Freeing a colour makes it the next one again. */
  g_assert_true (gloss_schema_remove (schema, "label4"));
  g_assert_cmpstr (gloss_schema_next_color (schema), ==, "#ff7800");
  gloss_label_set_color (gloss_schema_lookup (schema, "label2"), "#000000");
  g_assert_cmpstr (gloss_schema_next_color (schema), ==, "#e5a50a");
}

static void
test_schema_next_color_default (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_cmpstr (gloss_schema_next_color (fixture->schema), ==, "#c061cb");
}

static void
test_schema_changed (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossSchema *schema = fixture->schema;
  GlossLabel *task = gloss_schema_lookup (schema, "task");

  fixture_reset (fixture);

  gloss_label_set_name (task, "Nhiệm vụ");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  gloss_label_set_name (task, "Nhiệm vụ");
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  gloss_label_set_color (task, "#813d9c");
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  gloss_label_set_description (task, "Một nhiệm vụ cụ thể.");
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  /* Not the Vietnamese name the default label already has. */
  gloss_label_set_name_for_locale (task, "vi", "Công việc");
  g_assert_cmpuint (fixture->n_changed, ==, 4);
  gloss_label_set_name_for_locale (task, "vi", "Công việc");
  g_assert_cmpuint (fixture->n_changed, ==, 4);

  gloss_label_set_key (task, "t");
  g_assert_cmpuint (fixture->n_changed, ==, 5);

  /* Property changes do not touch the list itself. */
  g_assert_cmpuint (fixture->items_changed->len, ==, 0);

  add_label (schema, "objective", NULL);
  g_assert_cmpuint (fixture->n_changed, ==, 6);
  gloss_schema_move (schema, 3, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 7);
  g_assert_true (gloss_schema_remove (schema, "objective"));
  g_assert_cmpuint (fixture->n_changed, ==, 8);
  g_assert_cmpuint (fixture->items_changed->len, ==, 3);
}

static void
test_schema_labels_outlive_schema (void)
{
  GlossSchema *schema = gloss_schema_new_default ();
  g_autoptr(GlossLabel) task = g_object_ref (gloss_schema_lookup (schema, "task"));

  g_assert_finalize_object (schema);

  /* The schema disconnected from its labels when it went away. */
  gloss_label_set_name (task, "After the schema");
  g_assert_cmpstr (gloss_label_get_name (task), ==, "After the schema");
}

/* Every language Gloss is translated to gives the default labels a name of
 * its own, stored in the label (ids stay English, for exports). */
static void
test_schema_default_names (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_languages = 0;

  g_assert_true (g_file_get_contents (path, &linguas, NULL, NULL));
  lines = g_strsplit (linguas, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *language = g_strstrip (lines[i]);

      if (language[0] == '\0' || language[0] == '#')
        continue;
      n_languages++;
      for (guint j = 0; j < gloss_schema_get_n_labels (schema); j++)
        {
          GlossLabel *label = gloss_schema_get_label (schema, j);
          const char *name = gloss_label_get_name_for_locale (label, language);

          g_test_message ("%s %s: %s", gloss_label_get_id (label), language, name);
          g_assert_nonnull (name);
          g_assert_true (g_utf8_validate (name, -1, NULL));
          g_assert_cmpstr (name, !=, "");
        }
    }

  g_test_message ("%u languages", n_languages);
  g_assert_cmpstr (gloss_label_get_id (gloss_schema_get_label (schema, 0)), ==, "principle");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_EMPTY(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_empty, func, fixture_tear_down)
#define ADD_DEFAULT(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_default, func, fixture_tear_down)

  ADD_DEFAULT ("/gloss/core/schema/default", test_schema_default);
  g_test_add_func ("/gloss/core/schema/default-independent", test_schema_default_independent);
  g_test_add_func ("/gloss/core/schema/default-names", test_schema_default_names);
  ADD_EMPTY ("/gloss/core/schema/add-insert", test_schema_add_insert);
  ADD_DEFAULT ("/gloss/core/schema/remove", test_schema_remove);
  ADD_EMPTY ("/gloss/core/schema/move", test_schema_move);
  ADD_DEFAULT ("/gloss/core/schema/move-out-of-range", test_schema_move_out_of_range);
  ADD_DEFAULT ("/gloss/core/schema/duplicate-id", test_schema_duplicate_id);
  ADD_DEFAULT ("/gloss/core/schema/invalid-id", test_schema_invalid_id);
  ADD_DEFAULT ("/gloss/core/schema/key-clash", test_schema_key_clash);
  ADD_DEFAULT ("/gloss/core/schema/lookup", test_schema_lookup);
  ADD_DEFAULT ("/gloss/core/schema/set-label-key", test_schema_set_label_key);
  ADD_EMPTY ("/gloss/core/schema/next-color", test_schema_next_color);
  ADD_DEFAULT ("/gloss/core/schema/next-color-default", test_schema_next_color_default);
  ADD_DEFAULT ("/gloss/core/schema/changed", test_schema_changed);
  g_test_add_func ("/gloss/core/schema/labels-outlive-schema", test_schema_labels_outlive_schema);

#undef ADD_EMPTY
#undef ADD_DEFAULT

  return g_test_run ();
}
