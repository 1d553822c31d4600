/* gloss-json-stream.c: a corpus read with yajl, one document at a time
 *
 * json-glib's parser builds the whole file as a tree before anything can
 * be checked, which for a large corpus takes most of the load time and
 * several times the file in memory (docs/performance.md). This reads the
 * same JSON with yajl's streaming parser into the same json-glib nodes,
 * but hands the elements of one array of the root object (the documents)
 * to a callback as each is complete, and drops them.
 *
 * It reads only what it can read exactly as json-glib would. Anything
 * else (broken JSON, a member given twice, an integer beyond 64 bits)
 * makes it return %NULL, and the caller reads the file with json-glib,
 * which words the error as it always has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-json-stream"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "gloss-json-stream.h"
#include "gloss-limits.h"

typedef struct
{
  JsonNode      *node;        /* an object or an array; %NULL while filling a record */
  char          *key;         /* the member whose value comes next, in an object */
  gboolean       streamed;
  gboolean       records;     /* an array whose elements go to Builder.records */
  guint          n_elements;
  int            field;       /* in a record, the member whose value comes next, or -1 */
  GlossJsonSpan *record;      /* the record being filled, or %NULL */
} Frame;

typedef struct
{
  GArray                     *stack;  /* of Frame */
  GString                    *scratch;
  JsonNode                   *root;
  const char                 *member;
  const char                 *records_member;
  GArray                     *records;  /* of the element being read, or %NULL */
  GlossJsonStreamBeginFunc    begin;
  GlossJsonStreamElementFunc  element;
  gpointer                    user_data;
  gboolean                    streamed;
} Builder;

static const char * const field_names[GLOSS_JSON_SPAN_N_FIELDS] = {
  "id", "start", "end", "label", "text", "note", "annotator", "created"
};

#define REQUIRED_FIELDS \
  (1u << GLOSS_JSON_SPAN_START | 1u << GLOSS_JSON_SPAN_END | 1u << GLOSS_JSON_SPAN_LABEL)

static void
record_clear (GlossJsonSpan *record)
{
  g_clear_pointer (&record->node, json_node_unref);
  for (guint i = 0; i < GLOSS_JSON_SPAN_N_FIELDS; i++)
    g_clear_pointer (&record->strings[i], g_free);
}

static void
record_free (GlossJsonSpan *record)
{
  record_clear (record);
  g_free (record);
}

static Frame *
top (Builder *self)
{
  return self->stack->len > 0 ? &g_array_index (self->stack, Frame, self->stack->len - 1) : NULL;
}

/* The record being filled becomes the object json-glib would have built
 * so far, for a member or a value that only a node can hold. Member order
 * only matters for unknown members (warned about in file order), and
 * those all come after this. */
static void
degrade (Builder *self)
{
  Frame *frame = top (self);
  GlossJsonSpan *record = frame->record;
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < GLOSS_JSON_SPAN_N_FIELDS; i++)
    {
      JsonNode *value;

      if (!(record->present & (1u << i)))
        continue;
      if (i == GLOSS_JSON_SPAN_START || i == GLOSS_JSON_SPAN_END)
        value = json_node_init_int (json_node_alloc (),
                                    i == GLOSS_JSON_SPAN_START ? record->start : record->end);
      else
        value = json_node_init_string (json_node_alloc (), record->strings[i]);
      json_object_set_member (object, field_names[i], value);
    }

  frame->node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  if (frame->field >= 0)
    frame->key = g_strdup (field_names[frame->field]);
  frame->field = -1;
  g_clear_pointer (&frame->record, record_free);
}

/* Whether a record is being filled: a value or member goes in it, or the
 * record is degraded first. */
static gboolean
in_record (Builder *self)
{
  Frame *frame = top (self);

  return frame != NULL && frame->record != NULL;
}

/* json-glib's parser seals what it builds; of a document, only its meta
 * is kept, and sealing the rest would cost as much as reading it. */
static void
seal_meta (JsonNode *node)
{
  JsonNode *meta;

  if (JSON_NODE_HOLDS_OBJECT (node) &&
      (meta = json_object_get_member (json_node_get_object (node), "meta")) != NULL)
    json_node_seal (meta);
}

/* Puts a complete value in its place; takes @node. */
static int
add_value (Builder  *self,
           JsonNode *node)
{
  Frame *frame = top (self);

  if (frame == NULL)
    self->root = node;
  else if (frame->streamed)
    {
      seal_meta (node);
      self->element (node, self->records, frame->n_elements++, self->user_data);
      json_node_unref (node);
      g_clear_pointer (&self->records, g_array_unref);
    }
  else if (frame->records)
    {
      GlossJsonSpan record = { node, 0, 0, 0, { NULL } };

      g_array_append_val (self->records, record);
    }
  else if (JSON_NODE_HOLDS_ARRAY (frame->node))
    json_array_add_element (json_node_get_array (frame->node), node);
  else
    {
      json_object_set_member (json_node_get_object (frame->node), frame->key, node);
      g_clear_pointer (&frame->key, g_free);
    }

  return 1;
}

static int
on_null_cb (void *data)
{
  if (in_record (data))
    degrade (data);

  return add_value (data, json_node_new (JSON_NODE_NULL));
}

static int
on_boolean_cb (void *data,
               int   value)
{
  if (in_record (data))
    degrade (data);

  return add_value (data, json_node_init_boolean (json_node_alloc (), value));
}

/* Numbers typed as json-glib types them: a fraction or an exponent makes
 * a double, anything else a 64-bit integer. */
static int
on_number_cb (void       *data,
              const char *text,
              size_t      len)
{
  Builder *self = data;
  gint64 value;
  char *end;

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, text, len);

  if (strpbrk (self->scratch->str, ".eE") != NULL)
    {
      if (in_record (self))
        degrade (self);
      return add_value (self, json_node_init_double (json_node_alloc (), g_ascii_strtod (self->scratch->str, NULL)));
    }

  errno = 0;
  value = g_ascii_strtoll (self->scratch->str, &end, 10);
  if (errno != 0 || *end != '\0')
    return 0;

  if (in_record (self))
    {
      Frame *frame = top (self);

      if ((frame->field == GLOSS_JSON_SPAN_START || frame->field == GLOSS_JSON_SPAN_END) &&
          value >= 0 && value <= G_MAXUINT)
        {
          if (frame->field == GLOSS_JSON_SPAN_START)
            frame->record->start = value;
          else
            frame->record->end = value;
          frame->record->present |= 1u << frame->field;
          frame->field = -1;
          return 1;
        }
      degrade (self);
    }

  return add_value (self, json_node_init_int (json_node_alloc (), value));
}

static int
on_string_cb (void                *data,
              const unsigned char *text,
              size_t               len)
{
  Builder *self = data;

  if (in_record (self))
    {
      Frame *frame = top (self);

      if (frame->field != GLOSS_JSON_SPAN_START && frame->field != GLOSS_JSON_SPAN_END)
        {
          frame->record->strings[frame->field] = g_strndup ((const char *)text, len);
          frame->record->present |= 1u << frame->field;
          frame->field = -1;
          return 1;
        }
      degrade (self);
    }

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, (const char *)text, len);

  return add_value (self, json_node_init_string (json_node_alloc (), self->scratch->str));
}

/* Deeper than GLOSS_MAX_JSON_DEPTH is refused by the json-glib path,
 * which says where; yajl would read it, but the nodes would not be freed
 * without recursing as deep. */
static int
push (Builder       *self,
      JsonNode      *node,
      GlossJsonSpan *record)
{
  Frame frame = { node, NULL, FALSE, FALSE, 0, -1, record };

  g_array_append_val (self->stack, frame);

  return self->stack->len <= GLOSS_MAX_JSON_DEPTH;
}

static int
on_start_map_cb (void *data)
{
  Builder *self = data;
  Frame *parent;
  JsonNode *node;

  if (in_record (self))
    degrade (self);

  /* An element of the records array starts as a record. */
  if ((parent = top (self)) != NULL && parent->records)
    return push (self, NULL, g_new0 (GlossJsonSpan, 1));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());

  return push (self, node, NULL);
}

/* A member given twice is for json-glib to report. */
static int
on_map_key_cb (void                *data,
               const unsigned char *key,
               size_t               len)
{
  Builder *self = data;
  Frame *frame = top (self);

  if (frame->record != NULL)
    {
      for (guint i = 0; i < GLOSS_JSON_SPAN_N_FIELDS; i++)
        if (strlen (field_names[i]) == len && memcmp (field_names[i], key, len) == 0)
          {
            if (frame->record->present & (1u << i))
              return 0;
            frame->field = i;
            return 1;
          }
      degrade (self);
    }

  frame->key = g_strndup ((const char *)key, len);

  return !json_object_has_member (json_node_get_object (frame->node), frame->key);
}

static int
on_start_array_cb (void *data)
{
  Builder *self = data;
  Frame *parent;
  Frame *grandparent;
  JsonNode *node;
  gboolean streamed;
  gboolean records;

  if (in_record (self))
    degrade (self);

  parent = top (self);
  grandparent = self->stack->len >= 2 ? &g_array_index (self->stack, Frame, self->stack->len - 2) : NULL;

  streamed = self->stack->len == 1 && JSON_NODE_HOLDS_OBJECT (parent->node) &&
             g_str_equal (parent->key, self->member) &&
             self->begin (json_node_get_object (parent->node), self->user_data);
  records = grandparent != NULL && grandparent->streamed && self->records_member != NULL &&
            JSON_NODE_HOLDS_OBJECT (parent->node) && g_str_equal (parent->key, self->records_member);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, json_array_new ());
  if (!push (self, node, NULL))
    return 0;
  top (self)->streamed = streamed;
  top (self)->records = records;
  self->streamed |= streamed;
  if (records)
    {
      self->records = g_array_new (FALSE, FALSE, sizeof (GlossJsonSpan));
      g_array_set_clear_func (self->records, (GDestroyNotify)record_clear);
    }

  return 1;
}

static int
on_end_container_cb (void *data)
{
  Builder *self = data;
  Frame *frame = top (self);
  JsonNode *node;

  if (frame->record != NULL)
    {
      if ((frame->record->present & REQUIRED_FIELDS) == REQUIRED_FIELDS)
        {
          GlossJsonSpan *record = frame->record;

          g_array_set_size (self->stack, self->stack->len - 1);
          g_array_append_val (self->records, *record);
          g_free (record);
          return 1;
        }
      /* Missing members are load_span()'s to report. */
      degrade (self);
    }

  node = frame->node;
  g_free (frame->key);
  g_array_set_size (self->stack, self->stack->len - 1);

  return add_value (self, node);
}

static const yajl_callbacks callbacks = {
  .yajl_null = on_null_cb,
  .yajl_boolean = on_boolean_cb,
  .yajl_number = on_number_cb,
  .yajl_string = on_string_cb,
  .yajl_start_map = on_start_map_cb,
  .yajl_map_key = on_map_key_cb,
  .yajl_end_map = on_end_container_cb,
  .yajl_start_array = on_start_array_cb,
  .yajl_end_array = on_end_container_cb,
};

/*
 * _gloss_json_stream_parse:
 * @data: UTF-8 JSON text, already checked for invalid UTF-8, escaped NULs
 *   and escaped surrogates (which json-glib and yajl read differently)
 * @member: the member of the root object whose array is streamed
 * @records_member: (nullable): the member of each streamed element whose
 *   array is read into #GlossJsonSpan records
 * @streamed: (out): whether @element was called
 *
 * Returns: (transfer full) (nullable): the root, without the streamed
 *   elements; %NULL when json-glib must read @data instead
 */
JsonNode *
_gloss_json_stream_parse (const char                 *data,
                          gsize                       n_bytes,
                          const char                 *member,
                          const char                 *records_member,
                          GlossJsonStreamBeginFunc    begin,
                          GlossJsonStreamElementFunc  element,
                          gpointer                    user_data,
                          gboolean                   *streamed)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  Builder self = {
    g_array_new (FALSE, FALSE, sizeof (Frame)), scratch, NULL, member, records_member, NULL,
    begin, element, user_data, FALSE
  };
  yajl_handle parser = yajl_alloc (&callbacks, NULL, &self);
  gboolean ok;

  /* Checked as a whole before parsing, faster than string by string. */
  yajl_config (parser, yajl_dont_validate_strings, 1);

  ok = yajl_parse (parser, (const unsigned char *)data, n_bytes) == yajl_status_ok &&
       yajl_complete_parse (parser) == yajl_status_ok && self.root != NULL;
  yajl_free (parser);

  for (guint i = 0; i < self.stack->len; i++)
    {
      Frame *frame = &g_array_index (self.stack, Frame, i);

      g_clear_pointer (&frame->node, json_node_unref);
      g_clear_pointer (&frame->record, record_free);
      g_free (frame->key);
    }
  g_array_unref (self.stack);
  g_clear_pointer (&self.records, g_array_unref);

  *streamed = self.streamed;
  if (!ok)
    {
      g_clear_pointer (&self.root, json_node_unref);
      return NULL;
    }

  json_node_seal (self.root);

  return self.root;
}
