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
  JsonNode *node;       /* an object or an array */
  char     *key;        /* the member whose value comes next, in an object */
  gboolean  streamed;
  guint     n_elements;
} Frame;

typedef struct
{
  GArray                     *stack;  /* of Frame */
  GString                    *scratch;
  JsonNode                   *root;
  const char                 *member;
  GlossJsonStreamBeginFunc    begin;
  GlossJsonStreamElementFunc  element;
  gpointer                    user_data;
  gboolean                    streamed;
} Builder;

static Frame *
top (Builder *self)
{
  return self->stack->len > 0 ? &g_array_index (self->stack, Frame, self->stack->len - 1) : NULL;
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
      self->element (node, frame->n_elements++, self->user_data);
      json_node_unref (node);
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
  return add_value (data, json_node_new (JSON_NODE_NULL));
}

static int
on_boolean_cb (void *data,
               int   value)
{
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
    return add_value (self, json_node_init_double (json_node_alloc (), g_ascii_strtod (self->scratch->str, NULL)));

  errno = 0;
  value = g_ascii_strtoll (self->scratch->str, &end, 10);
  if (errno != 0 || *end != '\0')
    return 0;

  return add_value (self, json_node_init_int (json_node_alloc (), value));
}

static int
on_string_cb (void                *data,
              const unsigned char *text,
              size_t               len)
{
  Builder *self = data;

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, (const char *)text, len);

  return add_value (self, json_node_init_string (json_node_alloc (), self->scratch->str));
}

/* Deeper than GLOSS_MAX_JSON_DEPTH is refused by the json-glib path,
 * which says where; yajl would read it, but the nodes would not be freed
 * without recursing as deep. */
static int
push (Builder  *self,
      JsonNode *node)
{
  Frame frame = { node, NULL, FALSE, 0 };

  g_array_append_val (self->stack, frame);

  return self->stack->len <= GLOSS_MAX_JSON_DEPTH;
}

static int
on_start_map_cb (void *data)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());

  return push (data, node);
}

/* A member given twice is for json-glib to report. */
static int
on_map_key_cb (void                *data,
               const unsigned char *key,
               size_t               len)
{
  Frame *frame = top (data);

  frame->key = g_strndup ((const char *)key, len);

  return !json_object_has_member (json_node_get_object (frame->node), frame->key);
}

static int
on_start_array_cb (void *data)
{
  Builder *self = data;
  Frame *parent = top (self);
  gboolean streamed;

  streamed = self->stack->len == 1 && JSON_NODE_HOLDS_OBJECT (parent->node) &&
             g_str_equal (parent->key, self->member) &&
             self->begin (json_node_get_object (parent->node), self->user_data);

  if (!push (self, json_node_new (JSON_NODE_ARRAY)))
    return 0;
  json_node_take_array (top (self)->node, json_array_new ());
  top (self)->streamed = streamed;
  self->streamed |= streamed;

  return 1;
}

static int
on_end_container_cb (void *data)
{
  Builder *self = data;
  JsonNode *node = top (self)->node;

  g_free (top (self)->key);
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
 * @streamed: (out): whether @element was called
 *
 * Returns: (transfer full) (nullable): the root, without the streamed
 *   elements; %NULL when json-glib must read @data instead
 */
JsonNode *
_gloss_json_stream_parse (const char                 *data,
                          gsize                       n_bytes,
                          const char                 *member,
                          GlossJsonStreamBeginFunc    begin,
                          GlossJsonStreamElementFunc  element,
                          gpointer                    user_data,
                          gboolean                   *streamed)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  Builder self = {
    g_array_new (FALSE, FALSE, sizeof (Frame)), scratch, NULL, member, begin, element, user_data, FALSE
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

      json_node_unref (frame->node);
      g_free (frame->key);
    }
  g_array_unref (self.stack);

  *streamed = self.streamed;
  if (!ok)
    {
      g_clear_pointer (&self.root, json_node_unref);
      return NULL;
    }

  json_node_seal (self.root);

  return self.root;
}
