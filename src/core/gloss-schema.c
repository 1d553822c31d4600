/* gloss-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-schema"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-schema.h"
#include "gloss-label-names.h"
#include "gloss-text.h"

struct _GlossSchema
{
  GObject     parent_instance;

  GPtrArray  *labels;
  GHashTable *by_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossSchema, gloss_schema, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (gloss-schema-error-quark, gloss_schema_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The GNOME palette, in an order where neighbours are easy to tell apart. */
static const char * const palette[] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#c061cb", "#ff7800",
  "#e01b24", "#986a44", "#1c71d8", "#26a269", "#813d9c",
};

static GType
gloss_schema_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_LABEL;
}

static guint
gloss_schema_get_n_items (GListModel *model)
{
  return GLOSS_SCHEMA (model)->labels->len;
}

static gpointer
gloss_schema_get_item (GListModel *model,
                       guint       position)
{
  GlossSchema *self = GLOSS_SCHEMA (model);

  if (position >= self->labels->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->labels, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_schema_get_item_type;
  iface->get_n_items = gloss_schema_get_n_items;
  iface->get_item = gloss_schema_get_item;
}

static void
on_label_notify_cb (GlossSchema *self,
                    GParamSpec  *pspec,
                    GlossLabel  *label)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
gloss_schema_dispose (GObject *object)
{
  GlossSchema *self = (GlossSchema *)object;

  if (self->labels != NULL)
    for (guint i = 0; i < self->labels->len; i++)
      g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->labels, i),
                                            on_label_notify_cb, self);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_schema_parent_class)->dispose (object);
}

static void
gloss_schema_class_init (GlossSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_schema_dispose;

  /**
   * GlossSchema::changed:
   *
   * Emitted when a label is added, removed, moved, or one of its
   * properties changes.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_schema_init (GlossSchema *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

GlossSchema *
gloss_schema_new (void)
{
  return g_object_new (GLOSS_TYPE_SCHEMA, NULL);
}

/**
 * gloss_schema_new_default:
 *
 * The schema of a new corpus: `principle`, `task` and `pillar` on the
 * keys 1, 2 and 3.
 *
 * Returns: (transfer full): a new #GlossSchema
 */
GlossSchema *
gloss_schema_new_default (void)
{
  static const struct {
    const char *id;
    const char *name;
    const char *color;
    const char *key;
    const char *description;
  } defaults[] = {
    /* Translators: the default labels of a new corpus, and what each is for;
     * “Task” is a kind of statement in a policy text, not a to-do item */
    { "principle", NC_("label name", "Principle"), "#3584e4", "1",
      NC_("label description", "A guiding principle or value the text commits to, such as independence or respect for international law.") },
    { "task", NC_("label name", "Task"), "#2ec27e", "2",
      NC_("label description", "A concrete task, goal or action the text assigns or reports.") },
    { "pillar", NC_("label name", "Pillar"), "#e5a50a", "3",
      NC_("label description", "A pillar or main line of policy the text names, such as party, state or people-to-people diplomacy.") },
  };
  GlossSchema *self = gloss_schema_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(GlossLabel) label = NULL;

      /* The stored name and description stay English: the corpus file is
       * shared between annotators, and translated names live in `names`,
       * one for each language Gloss is translated to. */
      label = gloss_label_new (defaults[i].id, defaults[i].name, defaults[i].color,
                               defaults[i].key, defaults[i].description);
      for (guint j = 0; default_label_names[j].id != NULL; j++)
        if (g_str_equal (default_label_names[j].id, defaults[i].id))
          gloss_label_set_name_for_locale (label, default_label_names[j].locale,
                                           default_label_names[j].name);
      gloss_schema_add (self, label, NULL);
    }

  return self;
}

guint
gloss_schema_get_n_labels (GlossSchema *self)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), 0);

  return self->labels->len;
}

/**
 * gloss_schema_get_label:
 *
 * Returns: (transfer none) (nullable): the label at @position
 */
GlossLabel *
gloss_schema_get_label (GlossSchema *self,
                        guint        position)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  if (position >= self->labels->len)
    return NULL;

  return g_ptr_array_index (self->labels, position);
}

/**
 * gloss_schema_lookup:
 *
 * Returns: (transfer none) (nullable): the label with @id
 */
GlossLabel *
gloss_schema_lookup (GlossSchema *self,
                     const char  *id)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * gloss_schema_lookup_key:
 *
 * Returns: (transfer none) (nullable): the label applied by @key
 */
GlossLabel *
gloss_schema_lookup_key (GlossSchema *self,
                         const char  *key)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  if (key == NULL || key[0] == '\0')
    return NULL;

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (gloss_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

gboolean
gloss_schema_find (GlossSchema *self,
                   GlossLabel  *label,
                   guint       *position)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);

  return g_ptr_array_find (self->labels, label, position);
}

/**
 * gloss_schema_check_key:
 * @label: (nullable): the label that would take @key, which may keep its own
 * @key: (nullable): a key, or %NULL for none
 *
 * Tells whether @label could have @key: it must be a single visible
 * character that no other label uses. Changes nothing.
 */
gboolean
gloss_schema_check_key (GlossSchema  *self,
                        GlossLabel   *label,
                        const char   *key,
                        GError      **error)
{
  GlossLabel *other;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);

  if (key == NULL || key[0] == '\0')
    return TRUE;

  if (!gloss_label_key_is_valid (key))
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY,
                   _("The key “%s” is not a single visible character"), key);
      return FALSE;
    }

  other = gloss_schema_lookup_key (self, key);
  if (other != NULL && other != label)
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE,
                   _("The key “%s” already applies the label “%s”"),
                   key, gloss_label_get_id (other));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_schema_insert:
 *
 * Inserts @label at @position, refusing an invalid or duplicate id and a key
 * that another label already uses.
 */
gboolean
gloss_schema_insert (GlossSchema  *self,
                     guint         position,
                     GlossLabel   *label,
                     GError      **error)
{
  const char *id;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  id = gloss_label_get_id (label);
  if (!gloss_label_id_is_valid (id))
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_ID,
                   _("“%s” is not a valid label id: use 1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”"),
                   id);
      return FALSE;
    }

  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_DUPLICATE_ID,
                   _("There is already a label with the id “%s”"), id);
      return FALSE;
    }

  if (!gloss_schema_check_key (self, label, gloss_label_get_key (label), error))
    return FALSE;

  position = MIN (position, self->labels->len);
  g_ptr_array_insert (self->labels, position, g_object_ref (label));
  g_hash_table_insert (self->by_id, (gpointer)id, label);
  g_signal_connect_swapped (label, "notify", G_CALLBACK (on_label_notify_cb), self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

gboolean
gloss_schema_add (GlossSchema  *self,
                  GlossLabel   *label,
                  GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);

  return gloss_schema_insert (self, self->labels->len, label, error);
}

gboolean
gloss_schema_remove (GlossSchema *self,
                     const char  *id)
{
  GlossLabel *label;
  guint position;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);

  label = gloss_schema_lookup (self, id);
  if (label == NULL || !g_ptr_array_find (self->labels, label, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_func (label, on_label_notify_cb, self);
  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->labels, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

void
gloss_schema_move (GlossSchema *self,
                   guint        from,
                   guint        to)
{
  gpointer label;

  g_return_if_fail (GLOSS_IS_SCHEMA (self));
  g_return_if_fail (from < self->labels->len);
  g_return_if_fail (to < self->labels->len);

  if (from == to)
    return;

  label = g_ptr_array_steal_index (self->labels, from);
  g_ptr_array_insert (self->labels, to, label);

  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * gloss_schema_set_label_key:
 * @key: (nullable): the new key, or %NULL for none
 *
 * Changes the key of @label unless another label of the schema uses it.
 */
gboolean
gloss_schema_set_label_key (GlossSchema  *self,
                            GlossLabel   *label,
                            const char   *key,
                            GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!gloss_schema_check_key (self, label, key, error))
    return FALSE;

  gloss_label_set_key (label, key);

  return TRUE;
}

/**
 * gloss_schema_next_color:
 *
 * Returns: a colour for a new label, the first of the palette no label uses
 */
const char *
gloss_schema_next_color (GlossSchema *self)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < self->labels->len && !used; j++)
        used = g_ascii_strcasecmp (gloss_label_get_color (g_ptr_array_index (self->labels, j)),
                                   palette[i]) == 0;

      if (!used)
        return palette[i];
    }

  return palette[self->labels->len % G_N_ELEMENTS (palette)];
}

/**
 * gloss_schema_next_key:
 *
 * Returns: (nullable): the first of the digits 1 to 9 and 0 that no label
 *   uses as its key, or %NULL when all ten are taken
 */
const char *
gloss_schema_next_key (GlossSchema *self)
{
  static const char * const keys[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0" };

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (gloss_schema_lookup_key (self, keys[i]) == NULL)
      return keys[i];

  return NULL;
}

static gboolean
id_is_taken (GlossSchema *self,
             const char  *id)
{
  /* Some tools fold the case of labels: "Task" beside "task" would merge. */
  for (guint i = 0; i < self->labels->len; i++)
    if (g_ascii_strcasecmp (gloss_label_get_id (g_ptr_array_index (self->labels, i)), id) == 0)
      return TRUE;

  return FALSE;
}

/**
 * gloss_schema_make_label_id:
 * @name: (nullable): the display name the id is for
 *
 * Makes an id no label of the schema has, even ignoring case: @name in
 * ASCII, its case kept (exports write ids, and NER tags such as `ORG` are
 * upper case), with `_` for spaces and punctuation, `label` if nothing is
 * left, and `_2`, `_3`… appended where needed.
 *
 * Returns: (transfer full): a valid, unused label id
 */
char *
gloss_schema_make_label_id (GlossSchema *self,
                            const char  *name)
{
  g_autofree char *base = NULL;
  char *candidate;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  base = gloss_text_to_ascii_id (name, FALSE, '_');
  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup ("label");
    }

  /* Room for the suffix within the 64 bytes an id may have. */
  if (strlen (base) > 56)
    base[56] = '\0';

  candidate = g_strdup (base);
  for (guint n = 2; id_is_taken (self, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s_%u", base, n);
    }

  return candidate;
}

/**
 * gloss_schema_make_label:
 * @name: the display name of the new label
 *
 * Makes a label for this schema without adding it: an id from @name (see
 * gloss_schema_make_label_id()), the next colour of the palette and the
 * first free digit as its key.
 *
 * Returns: (transfer full): a new label
 */
GlossLabel *
gloss_schema_make_label (GlossSchema *self,
                         const char  *name)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  id = gloss_schema_make_label_id (self, name);

  return gloss_label_new (id, name, gloss_schema_next_color (self), gloss_schema_next_key (self), NULL);
}

/**
 * gloss_schema_copy:
 *
 * Returns: (transfer full): a new schema with copies of the labels
 */
GlossSchema *
gloss_schema_copy (GlossSchema *self)
{
  GlossSchema *copy;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), NULL);

  copy = gloss_schema_new ();
  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autoptr(GlossLabel) label = gloss_label_copy (g_ptr_array_index (self->labels, i));

      gloss_schema_add (copy, label, NULL);
    }

  return copy;
}

/**
 * gloss_schema_merge:
 * @other: another schema
 *
 * Adds copies of the labels of @other that @self lacks, in @other's
 * order; a copy keeps its key unless a label of @self already uses it.
 *
 * Returns: the number of labels added
 */
guint
gloss_schema_merge (GlossSchema *self,
                    GlossSchema *other)
{
  guint n_added = 0;

  g_return_val_if_fail (GLOSS_IS_SCHEMA (self), 0);
  g_return_val_if_fail (GLOSS_IS_SCHEMA (other), 0);

  for (guint i = 0; i < other->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (other->labels, i);
      g_autoptr(GlossLabel) copy = NULL;

      if (gloss_schema_lookup (self, gloss_label_get_id (label)) != NULL)
        continue;

      copy = gloss_label_copy (label);
      if (gloss_schema_lookup_key (self, gloss_label_get_key (copy)) != NULL)
        gloss_label_set_key (copy, NULL);

      if (gloss_schema_add (self, copy, NULL))
        n_added++;
    }

  return n_added;
}
