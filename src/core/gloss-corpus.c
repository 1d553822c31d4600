/* gloss-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-corpus.h"
#include "gloss-history.h"
#include "gloss-text.h"

struct _GlossCorpus
{
  GObject       parent_instance;

  GlossSchema  *schema;
  GlossHistory *history;
  GFile        *file;
  char         *file_etag;  /* of @file as last loaded or saved */
  GPtrArray    *documents;
  GHashTable   *by_id;
  guint64       change_count;
  guint         n_done;
  guint         dirty : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossCorpus, gloss_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (gloss-corpus-error-quark, gloss_corpus_error)

enum {
  PROP_0,
  PROP_SCHEMA,
  PROP_HISTORY,
  PROP_FILE,
  PROP_DIRTY,
  PROP_N_DOCUMENTS,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GType
gloss_corpus_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_DOCUMENT;
}

static guint
gloss_corpus_get_n_items (GListModel *model)
{
  return GLOSS_CORPUS (model)->documents->len;
}

static gpointer
gloss_corpus_get_item (GListModel *model,
                       guint       position)
{
  GlossCorpus *self = GLOSS_CORPUS (model);

  if (position >= self->documents->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->documents, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_corpus_get_item_type;
  iface->get_n_items = gloss_corpus_get_n_items;
  iface->get_item = gloss_corpus_get_item;
}

static void
on_content_changed_cb (GlossCorpus *self)
{
  self->change_count++;
  gloss_corpus_set_dirty (self, TRUE);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
on_document_done_cb (GlossCorpus   *self,
                     GParamSpec    *pspec,
                     GlossDocument *document)
{
  if (gloss_document_get_done (document))
    self->n_done++;
  else
    self->n_done--;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DONE]);
}

static void
gloss_corpus_dispose (GObject *object)
{
  GlossCorpus *self = (GlossCorpus *)object;

  if (self->documents != NULL)
    for (guint i = 0; i < self->documents->len; i++)
      {
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->documents, i),
                                              on_content_changed_cb, self);
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->documents, i),
                                              on_document_done_cb, self);
      }
  if (self->schema != NULL)
    g_signal_handlers_disconnect_by_func (self->schema, on_content_changed_cb, self);

  g_clear_object (&self->history);
  g_clear_object (&self->schema);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_etag, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_corpus_parent_class)->dispose (object);
}

static void
gloss_corpus_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossCorpus *self = GLOSS_CORPUS (object);

  switch (prop_id)
    {
    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->documents->len);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_corpus_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossCorpus *self = GLOSS_CORPUS (object);

  switch (prop_id)
    {
    case PROP_SCHEMA:
      self->schema = g_value_dup_object (value);
      break;

    case PROP_FILE:
      gloss_corpus_set_file (self, g_value_get_object (value));
      break;

    case PROP_DIRTY:
      gloss_corpus_set_dirty (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_corpus_constructed (GObject *object)
{
  GlossCorpus *self = (GlossCorpus *)object;

  G_OBJECT_CLASS (gloss_corpus_parent_class)->constructed (object);

  if (self->schema == NULL)
    self->schema = gloss_schema_new_default ();

  g_signal_connect_swapped (self->schema, "changed", G_CALLBACK (on_content_changed_cb), self);
  self->history = gloss_history_new (self);
}

static void
gloss_corpus_class_init (GlossCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gloss_corpus_constructed;
  object_class->dispose = gloss_corpus_dispose;
  object_class->get_property = gloss_corpus_get_property;
  object_class->set_property = gloss_corpus_set_property;

  properties [PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, GLOSS_TYPE_SCHEMA,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossCorpus:history:
   *
   * The undo history, one for the whole corpus.
   */
  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, GLOSS_TYPE_HISTORY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossCorpus:dirty:
   *
   * Whether the corpus changed since it was loaded or last saved.
   */
  properties [PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossCorpus:n-done:
   *
   * How many documents are marked done.
   */
  properties [PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossCorpus::changed:
   *
   * Emitted after anything a save would write changed: a document added
   * or removed, a span, a document's state, the schema. The change count
   * has grown by then.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_corpus_init (GlossCorpus *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * gloss_corpus_new:
 *
 * Returns: (transfer full): an empty corpus with the default schema
 */
GlossCorpus *
gloss_corpus_new (void)
{
  return g_object_new (GLOSS_TYPE_CORPUS, NULL);
}

/**
 * gloss_corpus_new_with_schema:
 *
 * Returns: (transfer full): an empty corpus using @schema
 */
GlossCorpus *
gloss_corpus_new_with_schema (GlossSchema *schema)
{
  g_return_val_if_fail (GLOSS_IS_SCHEMA (schema), NULL);

  return g_object_new (GLOSS_TYPE_CORPUS, "schema", schema, NULL);
}

/**
 * gloss_corpus_get_schema:
 *
 * Returns: (transfer none): the schema
 */
GlossSchema *
gloss_corpus_get_schema (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  return self->schema;
}

/**
 * gloss_corpus_get_history:
 *
 * Returns: (transfer none): the undo history
 */
GlossHistory *
gloss_corpus_get_history (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  return self->history;
}

/**
 * gloss_corpus_get_file:
 *
 * Returns: (transfer none) (nullable): where the corpus was loaded from or
 *   last saved to
 */
GFile *
gloss_corpus_get_file (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  return self->file;
}

void
gloss_corpus_set_file (GlossCorpus *self,
                       GFile       *file)
{
  g_return_if_fail (GLOSS_IS_CORPUS (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->file_etag, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

/**
 * gloss_corpus_get_file_etag:
 *
 * Returns: (nullable): the entity tag (see %G_FILE_ATTRIBUTE_ETAG_VALUE)
 *   of #GlossCorpus:file as it was loaded or last saved, or %NULL if it is
 *   not known
 */
const char *
gloss_corpus_get_file_etag (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  return self->file_etag;
}

/**
 * gloss_corpus_set_file_etag:
 * @etag: (nullable): what the file's entity tag is now
 *
 * Called by whatever loads or saves #GlossCorpus:file; setting another
 * file forgets it.
 */
void
gloss_corpus_set_file_etag (GlossCorpus *self,
                            const char  *etag)
{
  g_return_if_fail (GLOSS_IS_CORPUS (self));

  g_free (self->file_etag);
  self->file_etag = g_strdup (etag);
}

/**
 * gloss_corpus_file_changed:
 *
 * Asks whether another program changed #GlossCorpus:file since the corpus
 * was loaded from it or saved to it: its entity tag (its modification
 * time, for a local file) is not what it was. A file that is gone, or
 * whose tag was never known, has not changed: saving loses nothing.
 *
 * Returns: whether saving would overwrite someone else's changes
 */
gboolean
gloss_corpus_file_changed (GlossCorpus  *self,
                           GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);

  if (self->file == NULL || self->file_etag == NULL)
    return FALSE;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info == NULL || (etag = g_file_info_get_etag (info)) == NULL)
    return FALSE;

  return !g_str_equal (etag, self->file_etag);
}

gboolean
gloss_corpus_get_dirty (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);

  return self->dirty;
}

void
gloss_corpus_set_dirty (GlossCorpus *self,
                        gboolean     dirty)
{
  g_return_if_fail (GLOSS_IS_CORPUS (self));

  dirty = !!dirty;
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
}

guint
gloss_corpus_get_n_documents (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), 0);

  return self->documents->len;
}

/**
 * gloss_corpus_get_document:
 *
 * Returns: (transfer none) (nullable): the document at @position
 */
GlossDocument *
gloss_corpus_get_document (GlossCorpus *self,
                           guint        position)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  if (position >= self->documents->len)
    return NULL;

  return g_ptr_array_index (self->documents, position);
}

/**
 * gloss_corpus_lookup_document:
 *
 * Returns: (transfer none) (nullable): the document with @id
 */
GlossDocument *
gloss_corpus_lookup_document (GlossCorpus *self,
                              const char  *id)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
gloss_corpus_find_document (GlossCorpus   *self,
                            GlossDocument *document,
                            guint         *position)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);

  return g_ptr_array_find (self->documents, document, position);
}

guint
gloss_corpus_get_n_done (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), 0);

  return self->n_done;
}

/**
 * gloss_corpus_check_label:
 *
 * Returns %TRUE when the schema has a label @label, and sets
 * %GLOSS_CORPUS_ERROR_UNKNOWN_LABEL otherwise.
 */
gboolean
gloss_corpus_check_label (GlossCorpus  *self,
                          const char   *label,
                          GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);

  if (label != NULL && gloss_schema_lookup (self->schema, label) != NULL)
    return TRUE;

  g_set_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL,
               _("The schema has no label “%s”"), label != NULL ? label : "");
  return FALSE;
}

/**
 * gloss_corpus_check_document:
 *
 * Returns %TRUE when @document belongs to this corpus, and sets
 * %GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT otherwise.
 */
gboolean
gloss_corpus_check_document (GlossCorpus    *self,
                             GlossDocument  *document,
                             GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  if (g_ptr_array_find (self->documents, document, NULL))
    return TRUE;

  g_set_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT,
               _("The document “%s” is not in this corpus"),
               gloss_document_get_id (document));
  return FALSE;
}

/**
 * gloss_corpus_add_document:
 *
 * Appends @document, refusing an empty id or one already in use.
 */
gboolean
gloss_corpus_add_document (GlossCorpus    *self,
                           GlossDocument  *document,
                           GError        **error)
{
  const char *id;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  id = gloss_document_get_id (document);
  if (id == NULL || id[0] == '\0')
    {
      g_set_error_literal (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_INVALID_ID,
                           _("A document needs a non-empty id"));
      return FALSE;
    }

  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_DUPLICATE_DOCUMENT,
                   _("There is already a document with the id “%s”"), id);
      return FALSE;
    }

  g_ptr_array_add (self->documents, g_object_ref (document));
  g_hash_table_insert (self->by_id, (gpointer)id, document);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_content_changed_cb), self);
  g_signal_connect_swapped (document, "notify::done", G_CALLBACK (on_document_done_cb), self);

  g_list_model_items_changed (G_LIST_MODEL (self), self->documents->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DOCUMENTS]);
  if (gloss_document_get_done (document))
    {
      self->n_done++;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DONE]);
    }
  on_content_changed_cb (self);

  return TRUE;
}

/**
 * gloss_corpus_remove_document:
 *
 * Removes @document. This cannot be undone: the history forgets it too.
 */
gboolean
gloss_corpus_remove_document (GlossCorpus   *self,
                              GlossDocument *document)
{
  gboolean was_done;
  guint position;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  if (!g_ptr_array_find (self->documents, document, &position))
    return FALSE;

  was_done = gloss_document_get_done (document);
  g_signal_handlers_disconnect_by_func (document, on_content_changed_cb, self);
  g_signal_handlers_disconnect_by_func (document, on_document_done_cb, self);
  g_hash_table_remove (self->by_id, gloss_document_get_id (document));
  g_ptr_array_remove_index (self->documents, position);
  gloss_history_clear (self->history);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DOCUMENTS]);
  if (was_done)
    {
      self->n_done--;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DONE]);
    }
  on_content_changed_cb (self);

  return TRUE;
}

/**
 * gloss_corpus_make_document_id:
 * @hint: (nullable): a name to base the id on, such as a file name
 *
 * Makes an id no document of the corpus has: @hint reduced to ASCII letters,
 * digits, `-` and `_`, with `-2`, `-3`… appended where needed.
 *
 * Returns: (transfer full): a new id
 */
char *
gloss_corpus_make_document_id (GlossCorpus *self,
                               const char  *hint)
{
  g_autofree char *base = NULL;
  char *candidate;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), NULL);

  base = gloss_text_to_ascii_id (hint, TRUE, '-');
  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup ("doc");
    }

  candidate = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (self->by_id, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }

  return candidate;
}

guint
gloss_corpus_count_spans (GlossCorpus *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), 0);

  for (guint i = 0; i < self->documents->len; i++)
    n += gloss_document_get_n_spans (g_ptr_array_index (self->documents, i));

  return n;
}

/**
 * gloss_corpus_count_label_spans:
 * @label: a label id
 *
 * Returns: how many spans of @label the documents hold, all together
 */
guint
gloss_corpus_count_label_spans (GlossCorpus *self,
                                const char  *label)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  for (guint i = 0; i < self->documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (self->documents, i);
      guint n_spans = gloss_document_get_n_spans (document);

      for (guint j = 0; j < n_spans; j++)
        if (g_str_equal (gloss_span_get_label (gloss_document_get_span (document, j)), label))
          n++;
    }

  return n;
}

/**
 * gloss_corpus_get_change_count:
 *
 * Returns: a number that grows with every change to the content, for
 *   telling whether the corpus changed between two moments
 */
guint64
gloss_corpus_get_change_count (GlossCorpus *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (self), 0);

  return self->change_count;
}

/**
 * gloss_corpus_take_documents:
 * @from: a corpus to empty
 * @renamed: (nullable) (element-type utf8): where to add, for each document
 *   whose id was taken, its old id and its new one
 *
 * Moves every document of @from to the end of @self, in order. A document
 * whose id @self already uses is given a new one (`id-2`…). Labels are not
 * touched: merge the schemas first.
 *
 * Returns: the number of documents moved
 */
guint
gloss_corpus_take_documents (GlossCorpus *self,
                             GlossCorpus *from,
                             GPtrArray   *renamed)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_CORPUS (self), 0);
  g_return_val_if_fail (GLOSS_IS_CORPUS (from), 0);
  g_return_val_if_fail (self != from, 0);

  while (gloss_corpus_get_n_documents (from) > 0)
    {
      g_autoptr(GlossDocument) document = g_object_ref (gloss_corpus_get_document (from, 0));
      const char *id = gloss_document_get_id (document);

      gloss_corpus_remove_document (from, document);

      if (g_hash_table_contains (self->by_id, id))
        {
          g_autofree char *new_id = gloss_corpus_make_document_id (self, id);
          g_autoptr(GlossDocument) copy = gloss_document_copy (document, new_id);

          if (renamed != NULL)
            {
              g_ptr_array_add (renamed, g_strdup (id));
              g_ptr_array_add (renamed, g_strdup (new_id));
            }
          g_set_object (&document, copy);
        }

      if (gloss_corpus_add_document (self, document, NULL))
        n++;
    }

  return n;
}
