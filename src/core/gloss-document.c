/* gloss-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-label.h"
#include "gloss-span-private.h"
#include "gloss-text.h"

/* One byte offset is remembered every CHECKPOINT_STRIDE code points, so that
 * turning a code-point offset into a byte offset walks at most that many
 * characters however long the text is. */
#define CHECKPOINT_STRIDE 128

struct _GlossDocument
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *source;
  char       *lang;
  JsonObject *meta;

  char       *text;
  gsize       n_bytes;
  guint       n_chars;
  guint32    *checkpoints;  /* lazily built; NULL for ASCII text */

  /* Spans sorted by gloss_span_compare(). max_end is a segment tree over
   * their ends (leaves at [tree_size, 2 * tree_size)) that lets a query skip
   * every run of spans ending before it; it is rebuilt lazily after changes. */
  GPtrArray  *spans;
  GHashTable *by_id;
  guint      *max_end;
  guint       tree_size;
  guint       next_span_id;
  guint       index_valid : 1;
  guint       done : 1;
  guint       quiet : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossDocument, gloss_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (gloss-document-error-quark, gloss_document_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_LANG,
  PROP_TEXT,
  PROP_N_SPANS,
  PROP_DONE,
  N_PROPS
};

enum {
  SPAN_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GType
gloss_document_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_SPAN;
}

static guint
gloss_document_get_n_items (GListModel *model)
{
  return GLOSS_DOCUMENT (model)->spans->len;
}

static gpointer
gloss_document_get_item (GListModel *model,
                         guint       position)
{
  GlossDocument *self = GLOSS_DOCUMENT (model);

  if (position >= self->spans->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->spans, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_document_get_item_type;
  iface->get_n_items = gloss_document_get_n_items;
  iface->get_item = gloss_document_get_item;
}

static void
spans_changed (GlossDocument *self,
               guint          position,
               guint          removed,
               guint          added)
{
  self->index_valid = FALSE;
  if (self->quiet)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SPANS]);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
set_text (GlossDocument *self,
          const char    *text)
{
  gsize n_bytes;

  if (text == NULL)
    text = "";

  n_bytes = strlen (text);
  g_return_if_fail (gloss_text_validate_utf8 (text, n_bytes, NULL, NULL, NULL));

  self->text = g_memdup2 (text, n_bytes + 1);
  self->n_bytes = n_bytes;
  self->n_chars = gloss_text_count_chars (text, n_bytes);
}

/* How many characters start in the eight bytes at @p: the bytes that
 * are not continuation bytes (10xxxxxx). */
static inline guint
count_starts_in_word (const char *p)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 word;

  memcpy (&word, p, sizeof word);

  return 8 - __builtin_popcountll (word & ~(word << 1) & high);
}

static void
ensure_checkpoints (GlossDocument *self)
{
  const char *p = self->text;
  const char *end = self->text + self->n_bytes;
  guint n;

  if (self->checkpoints != NULL || self->n_bytes == self->n_chars)
    return;

  n = self->n_chars / CHECKPOINT_STRIDE + 1;
  self->checkpoints = g_new (guint32, n);
  for (guint i = 0; i < n; i++)
    {
      guint j = 0;

      self->checkpoints[i] = p - self->text;
      while (j < CHECKPOINT_STRIDE && p < end)
        {
          guint starts;

          /* Eight bytes at a time while the stride does not end in them,
           * then on past the rest of the character they end in. */
          if (end - p >= 8 && j + (starts = count_starts_in_word (p)) <= CHECKPOINT_STRIDE)
            {
              p += 8;
              j += starts;
              while (p < end && ((guchar)*p & 0xc0) == 0x80)
                p++;
              continue;
            }

          p = g_utf8_next_char (p);
          j++;
        }
    }
}

static void
ensure_index (GlossDocument *self)
{
  guint n = self->spans->len;
  guint size = 1;

  if (self->index_valid)
    return;

  while (size < n)
    size <<= 1;

  if (size != self->tree_size || self->max_end == NULL)
    {
      g_free (self->max_end);
      self->max_end = g_new (guint, 2 * size);
      self->tree_size = size;
    }

  for (guint i = 0; i < size; i++)
    self->max_end[size + i] = i < n ? gloss_span_get_end (g_ptr_array_index (self->spans, i)) : 0;
  for (guint i = size - 1; i > 0; i--)
    self->max_end[i] = MAX (self->max_end[2 * i], self->max_end[2 * i + 1]);

  self->index_valid = TRUE;
}

/* The index of the first span whose start is >= @start. */
static guint
lower_bound_start (GlossDocument *self,
                   guint          start)
{
  guint lo = 0;
  guint hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_span_get_start (g_ptr_array_index (self->spans, mid)) < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Where @span sits (found == TRUE) or would be inserted. */
static guint
search_position (GlossDocument *self,
                 GlossSpan     *span,
                 gboolean      *found)
{
  guint lo = 0;
  guint hi = self->spans->len;

  *found = FALSE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = gloss_span_compare (g_ptr_array_index (self->spans, mid), span);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      else if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Appends to @result the spans among the first @limit whose end is after
 * @after, in order, visiting only subtrees whose greatest end is. */
static void
collect_ending_after (GlossDocument *self,
                      guint          node,
                      guint          node_lo,
                      guint          node_hi,
                      guint          limit,
                      guint          after,
                      GPtrArray     *result)
{
  guint mid;

  if (node_lo >= limit || self->max_end[node] <= after)
    return;

  if (node >= self->tree_size)
    {
      g_ptr_array_add (result, g_object_ref (g_ptr_array_index (self->spans, node_lo)));
      return;
    }

  mid = node_lo + (node_hi - node_lo) / 2;
  collect_ending_after (self, 2 * node, node_lo, mid, limit, after, result);
  collect_ending_after (self, 2 * node + 1, mid, node_hi, limit, after, result);
}

static char *
make_span_id (GlossDocument *self)
{
  char id[1 + GLOSS_TEXT_UINT_DIGITS + 1] = "s";

  /* The first id made in a document loaded with s1…sN tries N ids:
   * written by hand, not printed. */
  for (;;)
    {
      id[1 + gloss_text_write_uint (id + 1, ++self->next_span_id)] = '\0';

      if (!g_hash_table_contains (self->by_id, id))
        return g_strdup (id);
    }
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->checkpoints, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->max_end, g_free);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, gloss_document_get_title (self));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, gloss_document_get_source (self));
      break;

    case PROP_LANG:
      g_value_set_string (value, gloss_document_get_lang (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_N_SPANS:
      g_value_set_uint (value, self->spans->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      gloss_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      gloss_document_set_source (self, g_value_get_string (value));
      break;

    case PROP_LANG:
      gloss_document_set_lang (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      set_text (self, g_value_get_string (value));
      break;

    case PROP_DONE:
      gloss_document_set_done (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossDocument:text:
   *
   * The text, valid UTF-8. It never changes: span offsets point into it.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossDocument:done:
   *
   * Whether an annotator marked the document as finished.
   */
  properties [PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocument::span-changed:
   * @span: the span whose label or note changed
   *
   * Emitted after a span was relabelled or its note edited.
   */
  signals [SPAN_CHANGED] =
    g_signal_new ("span-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_SPAN);

  /**
   * GlossDocument::changed:
   *
   * Emitted after anything a save would write changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_document_init (GlossDocument *self)
{
  self->spans = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->meta = json_object_new ();
}

/**
 * gloss_document_new:
 * @id: the id, unique in its corpus
 * @title: (nullable): the title
 * @text: the text, valid UTF-8
 *
 * Returns: (transfer full): a new document with no spans
 */
GlossDocument *
gloss_document_new (const char *id,
                    const char *title,
                    const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (GLOSS_TYPE_DOCUMENT,
                       "id", id,
                       "title", title,
                       "text", text,
                       NULL);
}

const char *
gloss_document_get_id (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->id;
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                                  \
const char *                                                                  \
gloss_document_get_##field (GlossDocument *self)                              \
{                                                                             \
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);                      \
  return self->field != NULL ? self->field : "";                              \
}                                                                             \
                                                                              \
void                                                                          \
gloss_document_set_##field (GlossDocument *self,                              \
                            const char    *value)                             \
{                                                                             \
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));                                \
  if (value != NULL && value[0] == '\0')                                      \
    value = NULL;                                                             \
  if (g_strcmp0 (self->field, value) == 0)                                    \
    return;                                                                   \
  g_free (self->field);                                                       \
  self->field = g_strdup (value);                                             \
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);              \
  g_signal_emit (self, signals [CHANGED], 0);                                 \
}

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (source, PROP_SOURCE)
DEFINE_STRING_ACCESSORS (lang, PROP_LANG)

#undef DEFINE_STRING_ACCESSORS

gboolean
gloss_document_get_done (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  return self->done;
}

/**
 * gloss_document_set_done:
 *
 * Marks the document as finished or not. Saved with the corpus; through
 * gloss_history_set_document_done() it can be undone.
 */
void
gloss_document_set_done (GlossDocument *self,
                         gboolean       done)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  done = !!done;
  if (self->done == (guint)done)
    return;

  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DONE]);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * gloss_document_get_meta:
 *
 * Returns: (transfer none): free-form metadata, kept as it was loaded
 */
JsonObject *
gloss_document_get_meta (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->meta;
}

/**
 * gloss_document_set_meta:
 * @meta: (nullable): the metadata, or %NULL for none
 */
void
gloss_document_set_meta (GlossDocument *self,
                         JsonObject    *meta)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (meta == self->meta)
    return;

  json_object_unref (self->meta);
  self->meta = meta != NULL ? json_object_ref (meta) : json_object_new ();
  g_signal_emit (self, signals [CHANGED], 0);
}

const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->text;
}

gsize
gloss_document_get_text_bytes (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->n_bytes;
}

/**
 * gloss_document_get_length:
 *
 * Returns: the length of the text in code points
 */
guint
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->n_chars;
}

/**
 * gloss_document_offset_to_byte:
 * @offset: a code-point offset, at most the text's length
 *
 * Returns: the byte offset of @offset in the UTF-8 text
 */
gsize
gloss_document_offset_to_byte (GlossDocument *self,
                               guint          offset)
{
  const char *p;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (offset <= self->n_chars, self->n_bytes);

  if (self->n_bytes == self->n_chars)
    return offset;

  ensure_checkpoints (self);

  p = self->text + self->checkpoints[offset / CHECKPOINT_STRIDE];
  for (guint i = 0; i < offset % CHECKPOINT_STRIDE; i++)
    p = g_utf8_next_char (p);

  return p - self->text;
}

/**
 * gloss_document_dup_slice:
 *
 * Returns: (transfer full): the text from code point @start to @end
 */
char *
gloss_document_dup_slice (GlossDocument *self,
                          guint          start,
                          guint          end)
{
  gsize from;
  gsize to;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->n_chars, NULL);

  from = gloss_document_offset_to_byte (self, start);
  to = gloss_document_offset_to_byte (self, end);

  return g_strndup (self->text + from, to - from);
}

/**
 * gloss_document_is_cluster_boundary:
 *
 * Returns: whether a span may start or end at @offset without splitting a
 *   grapheme cluster
 */
gboolean
gloss_document_is_cluster_boundary (GlossDocument *self,
                                    guint          offset)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), TRUE);
  g_return_val_if_fail (offset <= self->n_chars, TRUE);

  return gloss_text_is_cluster_boundary (self->text, self->n_bytes,
                                         gloss_document_offset_to_byte (self, offset));
}

guint
gloss_document_get_n_spans (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->spans->len;
}

/**
 * gloss_document_get_span:
 *
 * Returns: (transfer none) (nullable): the span at @position in sorted order
 */
GlossSpan *
gloss_document_get_span (GlossDocument *self,
                         guint          position)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (position >= self->spans->len)
    return NULL;

  return g_ptr_array_index (self->spans, position);
}

/**
 * gloss_document_find_span_position:
 * @position: (out) (optional): where @span is in the list
 *
 * Finds @span itself (not an equal one) in O(log n).
 */
gboolean
gloss_document_find_span_position (GlossDocument *self,
                                   GlossSpan     *span,
                                   guint         *position)
{
  gboolean found;
  guint pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  pos = search_position (self, span, &found);
  if (!found || g_ptr_array_index (self->spans, pos) != span)
    return FALSE;

  if (position != NULL)
    *position = pos;

  return TRUE;
}

/**
 * gloss_document_lookup_span:
 *
 * Returns: (transfer none) (nullable): the span with @id
 */
GlossSpan *
gloss_document_lookup_span (GlossDocument *self,
                            const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * gloss_document_find_span:
 *
 * Returns: (transfer none) (nullable): the span covering exactly
 *   [@start, @end) with @label
 */
GlossSpan *
gloss_document_find_span (GlossDocument *self,
                          guint          start,
                          guint          end,
                          const char    *label)
{
  g_autoptr(GlossSpan) key = NULL;
  gboolean found;
  guint pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  key = gloss_span_new (start, end, label);
  pos = search_position (self, key, &found);

  return found ? g_ptr_array_index (self->spans, pos) : NULL;
}

static gboolean
check_range (GlossDocument  *self,
             guint           start,
             guint           end,
             GError        **error)
{
  if (start >= end || end > self->n_chars)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE,
                   ngettext ("The range %u–%u is not a non-empty range inside the document “%s” (%u character)",
                             "The range %u–%u is not a non-empty range inside the document “%s” (%u characters)",
                             self->n_chars),
                   start, end, self->id, self->n_chars);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_document_add_span:
 * @span: a span not in any document; it is given an id if it has none
 *
 * Inserts @span in sorted order. Refuses a range outside the text or empty,
 * an exact duplicate (same start, end and label), and a duplicate id.
 */
gboolean
gloss_document_add_span (GlossDocument  *self,
                         GlossSpan      *span,
                         GError        **error)
{
  const char *id;
  gboolean found;
  guint pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!check_range (self, gloss_span_get_start (span), gloss_span_get_end (span), error))
    return FALSE;

  if (!gloss_label_id_is_valid (gloss_span_get_label (span)))
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_LABEL,
                   _("“%s” is not a valid label id"), gloss_span_get_label (span));
      return FALSE;
    }

  /* Spans usually arrive in order (loading, a scan through the text): take
   * the short way when the new one sorts last. */
  if (self->spans->len == 0 ||
      gloss_span_compare (g_ptr_array_index (self->spans, self->spans->len - 1), span) < 0)
    {
      pos = self->spans->len;
      found = FALSE;
    }
  else
    pos = search_position (self, span, &found);

  if (found)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN,
                   _("The document “%s” already has a “%s” span at %u–%u"),
                   self->id, gloss_span_get_label (span),
                   gloss_span_get_start (span), gloss_span_get_end (span));
      return FALSE;
    }

  id = gloss_span_get_id (span);
  if (id != NULL && g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_ID,
                   _("The document “%s” already has a span with the id “%s”"),
                   self->id, id);
      return FALSE;
    }

  if (id == NULL)
    {
      g_autofree char *new_id = make_span_id (self);

      _gloss_span_set_id (span, new_id);
    }

  g_ptr_array_insert (self->spans, pos, g_object_ref (span));
  g_hash_table_insert (self->by_id, (gpointer)gloss_span_get_id (span), span);
  spans_changed (self, pos, 0, 1);

  return TRUE;
}

void
_gloss_document_set_quiet (GlossDocument *self,
                           gboolean       quiet)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  self->quiet = !!quiet;
}

/**
 * gloss_document_remove_span:
 *
 * Returns: %TRUE if @span was in the document and is removed
 */
gboolean
gloss_document_remove_span (GlossDocument *self,
                            GlossSpan     *span)
{
  guint pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!gloss_document_find_span_position (self, span, &pos))
    return FALSE;

  g_hash_table_remove (self->by_id, gloss_span_get_id (span));
  g_ptr_array_remove_index (self->spans, pos);
  spans_changed (self, pos, 1, 0);

  return TRUE;
}

/**
 * gloss_document_relabel_span:
 *
 * Gives @span the label @label, moving it to keep the list sorted. Refuses
 * a relabel that would make it an exact duplicate of another span.
 */
gboolean
gloss_document_relabel_span (GlossDocument  *self,
                             GlossSpan      *span,
                             const char     *label,
                             GError        **error)
{
  g_autoptr(GlossSpan) probe = NULL;
  g_autoptr(GlossSpan) keep = NULL;
  gboolean found;
  guint old_pos;
  guint new_pos;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!gloss_document_find_span_position (self, span, &old_pos))
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN,
                   _("The span is not in the document “%s”"), self->id);
      return FALSE;
    }

  if (g_strcmp0 (gloss_span_get_label (span), label) == 0)
    return TRUE;

  if (!gloss_label_id_is_valid (label))
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_LABEL,
                   _("“%s” is not a valid label id"), label);
      return FALSE;
    }

  probe = gloss_span_new (gloss_span_get_start (span), gloss_span_get_end (span), label);
  search_position (self, probe, &found);
  if (found)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN,
                   _("The document “%s” already has a “%s” span at %u–%u"),
                   self->id, label, gloss_span_get_start (span), gloss_span_get_end (span));
      return FALSE;
    }

  keep = g_ptr_array_steal_index (self->spans, old_pos);
  _gloss_span_set_label (span, label);
  new_pos = search_position (self, span, &found);
  g_ptr_array_insert (self->spans, new_pos, g_steal_pointer (&keep));

  if (new_pos == old_pos)
    spans_changed (self, old_pos, 1, 1);
  else
    spans_changed (self, MIN (old_pos, new_pos), MAX (old_pos, new_pos) - MIN (old_pos, new_pos) + 1,
                   MAX (old_pos, new_pos) - MIN (old_pos, new_pos) + 1);

  g_signal_emit (self, signals [SPAN_CHANGED], 0, span);

  return TRUE;
}

/**
 * gloss_document_set_span_note:
 * @note: (nullable): the note, or %NULL or `""` for none
 */
void
gloss_document_set_span_note (GlossDocument *self,
                              GlossSpan     *span,
                              const char    *note)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));
  g_return_if_fail (gloss_document_find_span_position (self, span, NULL));

  if (g_strcmp0 (gloss_span_get_note (span), note != NULL ? note : "") == 0)
    return;

  _gloss_span_set_note (span, note);
  g_signal_emit (self, signals [SPAN_CHANGED], 0, span);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * gloss_document_query_range:
 *
 * Finds the spans sharing at least one code point with [@start, @end), in
 * sorted order, in O(log n + k) for k results (binary search on the starts,
 * then a max-end segment tree that skips spans ending too early). An empty
 * range @start == @end finds the spans containing @start.
 *
 * Returns: (transfer container) (element-type GlossSpan): the spans
 */
GPtrArray *
gloss_document_query_range (GlossDocument *self,
                            guint          start,
                            guint          end)
{
  GPtrArray *result;
  guint limit;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->spans->len == 0)
    return result;

  if (start == end)
    end = start + 1;

  ensure_index (self);
  limit = lower_bound_start (self, end);
  collect_ending_after (self, 1, 0, self->tree_size, limit, start, result);

  return result;
}

/**
 * gloss_document_query_offset:
 *
 * Returns: (transfer container) (element-type GlossSpan): the spans with
 *   start <= @offset < end, in sorted order
 */
GPtrArray *
gloss_document_query_offset (GlossDocument *self,
                             guint          offset)
{
  return gloss_document_query_range (self, offset, offset);
}

/**
 * gloss_document_copy:
 * @id: (nullable): the copy's id, or %NULL to keep @self's
 *
 * Copies the document with its metadata and spans (new span objects with
 * the same ids and fields), for moving documents between corpora.
 *
 * Returns: (transfer full): a new document
 */
GlossDocument *
gloss_document_copy (GlossDocument *self,
                     const char    *id)
{
  GlossDocument *copy;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  copy = gloss_document_new (id != NULL ? id : self->id, self->title, self->text);
  gloss_document_set_source (copy, self->source);
  gloss_document_set_lang (copy, self->lang);
  copy->done = self->done;

  /* Metadata is replaced, never changed in place, so it can be shared. */
  gloss_document_set_meta (copy, self->meta);

  for (guint i = 0; i < self->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (self->spans, i);
      g_autoptr(GlossSpan) span_copy = NULL;

      span_copy = gloss_span_new_full (gloss_span_get_id (span),
                                       gloss_span_get_start (span), gloss_span_get_end (span),
                                       gloss_span_get_label (span), gloss_span_get_note (span),
                                       gloss_span_get_annotator (span), gloss_span_get_created (span));
      g_ptr_array_add (copy->spans, g_steal_pointer (&span_copy));
      g_hash_table_insert (copy->by_id, (gpointer)gloss_span_get_id (g_ptr_array_index (copy->spans, i)),
                           g_ptr_array_index (copy->spans, i));
    }
  copy->index_valid = FALSE;

  return copy;
}
