/* gloss-format.c: the native corpus format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gloss-atomic.h"
#include "gloss-document-private.h"
#include "gloss-format.h"
#include "gloss-format-private.h"
#include "gloss-history.h"
#include "gloss-json-stream.h"
#include "gloss-limits.h"
#include "gloss-span-private.h"
#include "gloss-text.h"

/* Past this many problems a file is hopeless; stop collecting. */
#define MAX_PROBLEMS 100

G_DEFINE_QUARK (gloss-format-error-quark, gloss_format_error)
G_DEFINE_BOXED_TYPE (GlossProblem, gloss_problem, gloss_problem_copy, gloss_problem_free)

typedef struct
{
  GString     *path;
  GPtrArray   *problems;
  guint        n_errors;
  GlossCorpus *corpus;
  gboolean     one_line;  /* places are "column N", not "line L, column N" */
  gboolean     strings_valid;  /* every string is known to be UTF-8 */
} LoadContext;

GlossProblem *
gloss_problem_copy (const GlossProblem *self)
{
  GlossProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (GlossProblem, 1);
  copy->severity = self->severity;
  copy->code = self->code;
  copy->path = g_strdup (self->path);
  copy->message = g_strdup (self->message);

  return copy;
}

void
gloss_problem_free (GlossProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

static void write_double (GString *out,
                          double   value);

static void report (LoadContext   *ctx,
                    GlossSeverity  severity,
                    int            code,
                    const char    *format,
                    ...) G_GNUC_PRINTF (4, 5);

static void
report (LoadContext   *ctx,
        GlossSeverity  severity,
        int            code,
        const char    *format,
        ...)
{
  GlossProblem *problem;
  va_list args;

  if (severity == GLOSS_SEVERITY_ERROR)
    ctx->n_errors++;

  /* The first error is always kept, however many warnings came before it:
   * it is what the load fails with. */
  if (ctx->problems->len >= MAX_PROBLEMS &&
      !(severity == GLOSS_SEVERITY_ERROR && ctx->n_errors == 1))
    return;

  problem = g_new0 (GlossProblem, 1);
  problem->severity = severity;
  problem->code = code;
  problem->path = g_strdup (ctx->path->len > 0 ? ctx->path->str : "$");
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (ctx->problems, problem);
}

static gsize
push_member (LoadContext *ctx,
             const char  *name)
{
  gsize len = ctx->path->len;

  if (len > 0)
    g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, name);

  return len;
}

static gsize
push_index (LoadContext *ctx,
            guint        index)
{
  gsize len = ctx->path->len;

  /* Not printf: this runs for every span. */
  g_string_append_c (ctx->path, '[');
  _gloss_format_append_uint (ctx->path, index);
  g_string_append_c (ctx->path, ']');

  return len;
}

static void
pop (LoadContext *ctx,
     gsize        len)
{
  g_string_truncate (ctx->path, len);
}

/* Points the path at a place in the text rather than in the JSON tree. */
static void
set_path_to_position (LoadContext *ctx,
                      guint        line,
                      guint        column)
{
  if (ctx->one_line)
    g_string_printf (ctx->path, _("column %u"), column);
  else
    g_string_printf (ctx->path, _("line %u, column %u"), line, column);
}

/* What a JSON value is, for messages: “found %s”. */
const char *
_gloss_json_describe_node (JsonNode *node)
{
  if (node == NULL)
    /* Translators: what was found where a JSON value was expected */
    return C_("JSON value", "nothing");
  if (JSON_NODE_HOLDS_NULL (node))
    return C_("JSON value", "null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return C_("JSON value", "an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return C_("JSON value", "an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return C_("JSON value", "a string");
    case G_TYPE_BOOLEAN:
      return C_("JSON value", "true or false");
    default:
      return C_("JSON value", "a number");
    }
}

typedef enum
{
  KIND_ANY,
  KIND_OBJECT,
  KIND_ARRAY,
  KIND_STRING,
  KIND_BOOLEAN,
} Kind;

static gboolean
expect_type (LoadContext *ctx,
             JsonNode    *node,
             Kind         wanted)
{
  const char *name = NULL;
  gboolean ok = FALSE;

  switch (wanted)
    {
    case KIND_OBJECT:
      ok = JSON_NODE_HOLDS_OBJECT (node);
      name = C_("JSON value", "an object");
      break;

    case KIND_ARRAY:
      ok = JSON_NODE_HOLDS_ARRAY (node);
      name = C_("JSON value", "an array");
      break;

    case KIND_STRING:
      ok = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
      name = C_("JSON value", "a string");
      break;

    case KIND_BOOLEAN:
      ok = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
      name = C_("JSON value", "true or false");
      break;

    case KIND_ANY:
    default:
      return TRUE;
    }

  if (!ok)
    /* Translators: both are JSON values: “expected an object, found an array” */
    report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
            _("expected %s, found %s"), name, _gloss_json_describe_node (node));

  return ok;
}

/* Looks up @name in @object, reporting it when it is required and missing,
 * or present with the wrong type. Leaves the path pointing at the member
 * when it returns a node; the caller pops to @saved. */
static JsonNode *
member (LoadContext *ctx,
        JsonObject  *object,
        const char  *name,
        Kind         wanted,
        gboolean     required,
        gsize       *saved)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (required)
        report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_MISSING_MEMBER,
                _("the required member “%s” is missing"), name);
      return NULL;
    }

  *saved = push_member (ctx, name);
  if (!expect_type (ctx, node, wanted))
    {
      pop (ctx, *saved);
      return NULL;
    }

  return node;
}

/* json-glib turns an escaped lone surrogate ("\ud800") into bytes that are
 * not UTF-8; nothing that is not UTF-8 may get into the model. */
static gboolean
valid_string (LoadContext *ctx,
              const char  *value)
{
  if (ctx->strings_valid || g_utf8_validate (value, -1, NULL))
    return TRUE;

  report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_UTF8,
          _("the string is not valid Unicode (an escaped lone surrogate such as \\ud800?)"));
  return FALSE;
}

/* Checks every string (and member name) in free-form JSON. */
static void
check_strings (LoadContext *ctx,
               JsonNode    *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &child))
        {
          gsize saved = push_member (ctx, name);

          if (valid_string (ctx, name))
            check_strings (ctx, child);
          pop (ctx, saved);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved = push_index (ctx, i);

          check_strings (ctx, json_array_get_element (array, i));
          pop (ctx, saved);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    valid_string (ctx, json_node_get_string (node));
}

/* A string member; %NULL when absent or wrongly typed (which is reported). */
static const char *
string_member (LoadContext *ctx,
               JsonObject  *object,
               const char  *name,
               gboolean     required)
{
  JsonNode *node;
  gsize saved;

  const char *value;

  if (!(node = member (ctx, object, name, KIND_STRING, required, &saved)))
    return NULL;

  value = json_node_get_string (node);
  if (!valid_string (ctx, value))
    value = NULL;
  pop (ctx, saved);

  return value;
}

/* An offset: a whole number from 0 to G_MAXUINT. */
static gboolean
offset_member (LoadContext *ctx,
               JsonObject  *object,
               const char  *name,
               guint       *out)
{
  JsonNode *node;
  gint64 value;
  gsize saved;

  if (!(node = member (ctx, object, name, KIND_ANY, TRUE, &saved)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          g_autoptr(GString) number = g_string_new (NULL);

          write_double (number, json_node_get_double (node));
          report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
                  _("expected a whole number of characters, found the fraction %s"), number->str);
        }
      else
        report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
                _("expected a whole number, found %s"), _gloss_json_describe_node (node));
      pop (ctx, saved);
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    {
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
              _("the offset %lld is negative or too large"), (long long)value);
      pop (ctx, saved);
      return FALSE;
    }

  pop (ctx, saved);
  *out = (guint)value;

  return TRUE;
}

static void
warn_unknown_members (LoadContext        *ctx,
                      JsonObject         *object,
                      const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  /* In file order, unlike json_object_iter_next(), and with no list
   * made: this runs for every span. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      gsize saved;

      if (g_strv_contains (known, name))
        continue;

      saved = push_member (ctx, name);
      report (ctx, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_VALUE,
              _("unknown member “%s” is ignored and will not be saved"), name);
      pop (ctx, saved);
    }
}

static void
load_label_names (LoadContext *ctx,
                  JsonObject  *object,
                  GlossLabel  *label)
{
  JsonObjectIter iter;
  const char *locale;
  JsonNode *node;
  gsize saved;

  if (!(node = member (ctx, object, "names", KIND_OBJECT, FALSE, &saved)))
    return;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &locale, &node))
    {
      gsize saved_locale = push_member (ctx, locale);

      if (expect_type (ctx, node, KIND_STRING) && locale[0] != '\0' &&
          valid_string (ctx, locale) && valid_string (ctx, json_node_get_string (node)))
        gloss_label_set_name_for_locale (label, locale, json_node_get_string (node));

      pop (ctx, saved_locale);
    }

  pop (ctx, saved);
}

static void
load_label (LoadContext *ctx,
            JsonNode    *node,
            GlossSchema *schema)
{
  static const char * const known[] = { "id", "name", "names", "color", "key", "description", NULL };
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  const char *id;
  const char *name;
  const char *color;
  const char *key;
  gsize saved;

  if (!expect_type (ctx, node, KIND_OBJECT))
    return;

  object = json_node_get_object (node);
  warn_unknown_members (ctx, object, known);

  if (!(id = string_member (ctx, object, "id", TRUE)))
    return;

  if (!gloss_label_id_is_valid (id))
    {
      saved = push_member (ctx, "id");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE,
              _("“%s” is not a valid label id: use 1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”"), id);
      pop (ctx, saved);
      return;
    }

  /* Read in file order, so that problems are reported in file order. */
  name = string_member (ctx, object, "name", FALSE);
  label = gloss_label_new (id, name != NULL && name[0] != '\0' ? name : id, NULL, NULL, NULL);
  load_label_names (ctx, object, label);
  color = string_member (ctx, object, "color", FALSE);

  if (color != NULL && !gloss_label_color_is_valid (color))
    {
      saved = push_member (ctx, "color");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE,
              _("“%s” is not a colour of the form #rrggbb"), color);
      pop (ctx, saved);
      color = NULL;
    }
  gloss_label_set_color (label, color != NULL ? color : gloss_schema_next_color (schema));

  key = string_member (ctx, object, "key", FALSE);
  if (key != NULL && key[0] != '\0' && !gloss_label_key_is_valid (key))
    {
      saved = push_member (ctx, "key");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE,
              _("the key “%s” is not a single visible character"), key);
      pop (ctx, saved);
      key = NULL;
    }
  gloss_label_set_key (label, key);

  gloss_label_set_description (label, string_member (ctx, object, "description", FALSE));

  if (!gloss_schema_add (schema, label, &error))
    {
      gboolean is_key = g_error_matches (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);

      saved = push_member (ctx, is_key ? "key" : "id");
      report (ctx, GLOSS_SEVERITY_ERROR,
              is_key ? GLOSS_FORMAT_ERROR_DUPLICATE_KEY : GLOSS_FORMAT_ERROR_DUPLICATE_ID,
              "%s", error->message);
      pop (ctx, saved);
    }
}

static GlossSchema *
load_schema (LoadContext *ctx,
             JsonObject  *root)
{
  static const char * const known[] = { "labels", NULL };
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  JsonObject *object;
  JsonArray *labels;
  JsonNode *node;
  gsize saved;
  gsize saved_labels;

  if (!(node = member (ctx, root, "schema", KIND_OBJECT, TRUE, &saved)))
    return NULL;

  object = json_node_get_object (node);
  warn_unknown_members (ctx, object, known);

  if ((node = member (ctx, object, "labels", KIND_ARRAY, TRUE, &saved_labels)))
    {
      labels = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (labels); i++)
        {
          gsize saved_index = push_index (ctx, i);

          load_label (ctx, json_array_get_element (labels, i), schema);
          pop (ctx, saved_index);
        }
      pop (ctx, saved_labels);
    }

  pop (ctx, saved);

  return g_steal_pointer (&schema);
}

/* A span's place in its document's text, in bytes: looked up once per
 * span for all the checks that need it. */
typedef struct
{
  gsize from;
  gsize to;
} ByteRange;

static ByteRange
byte_range (GlossDocument *document,
            GlossSpan     *span)
{
  ByteRange range = {
    gloss_document_offset_to_byte (document, gloss_span_get_start (span)),
    gloss_document_offset_to_byte (document, gloss_span_get_end (span)),
  };

  return range;
}

static gboolean
check_span_text (LoadContext     *ctx,
                 const char      *expected,
                 GlossDocument   *document,
                 GlossSpan       *span,
                 const ByteRange *range)
{
  const char *text = gloss_document_get_text (document);
  gsize from = range->from;
  gsize to = range->to;
  gsize saved;

  if (expected == NULL)
    return TRUE;

  if (strlen (expected) == to - from && memcmp (expected, text + from, to - from) == 0)
    return TRUE;

  saved = push_member (ctx, "text");
  report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_TEXT_MISMATCH,
          _("span “%s” of document “%s” says its text is “%s”, but the document has “%.*s” at %u–%u"),
          gloss_span_get_id (span) != NULL ? gloss_span_get_id (span) : "",
          gloss_document_get_id (document), expected, (int)(to - from), text + from,
          gloss_span_get_start (span), gloss_span_get_end (span));
  pop (ctx, saved);

  return FALSE;
}

static void
warn_split_cluster (LoadContext   *ctx,
                    GlossDocument *document,
                    guint          offset,
                    gsize          byte,
                    const char    *name)
{
  gsize saved;

  if (gloss_text_is_cluster_boundary (gloss_document_get_text (document),
                                      gloss_document_get_text_bytes (document), byte))
    return;

  saved = push_member (ctx, name);
  report (ctx, GLOSS_SEVERITY_WARNING, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
          _("offset %u splits a character cluster (a letter and its marks, or an emoji sequence)"),
          offset);
  pop (ctx, saved);
}

/* Adds a checked span, reporting at the span's path (the current one). */
static void
add_span (LoadContext     *ctx,
          GlossDocument   *document,
          GlossSpan       *span,
          const ByteRange *range)
{
  g_autoptr(GError) error = NULL;
  gsize saved;

  if (!gloss_document_add_span (document, span, &error))
    {
      gboolean dup_id = g_error_matches (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_ID);

      saved = dup_id ? push_member (ctx, "id") : ctx->path->len;
      report (ctx, GLOSS_SEVERITY_ERROR,
              dup_id ? GLOSS_FORMAT_ERROR_DUPLICATE_ID : GLOSS_FORMAT_ERROR_DUPLICATE_SPAN,
              "%s", error->message);
      pop (ctx, saved);
      return;
    }

  warn_split_cluster (ctx, document, gloss_span_get_start (span), range->from, "start");
  warn_split_cluster (ctx, document, gloss_span_get_end (span), range->to, "end");
}

static gboolean
check_range (LoadContext   *ctx,
             GlossDocument *document,
             guint          start,
             guint          end)
{
  guint length = gloss_document_get_length (document);
  gsize saved;

  if (start < end && end <= length)
    return TRUE;

  saved = push_member (ctx, start >= end ? "start" : "end");
  if (start > end)
    report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
            _("the span starts at %u, after its end %u"), start, end);
  else if (start == end)
    report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
            _("the span is empty (start and end are both %u)"), start);
  else
    report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_OFFSETS,
            ngettext ("the end %u is past the end of the document “%s” (%u character)",
                      "the end %u is past the end of the document “%s” (%u characters)",
                      length),
            end, gloss_document_get_id (document), length);
  pop (ctx, saved);

  return FALSE;
}

/* The checks of a span whose members have the right types; see
 * load_span(). Takes @id, @note, @annotator and @created. */
static GlossSpan *
make_span (LoadContext   *ctx,
           GlossDocument *document,
           ByteRange     *range,
           char          *id,
           guint          start,
           guint          end,
           const char    *label,
           const char    *text,
           char          *note,
           char          *annotator,
           char          *created)
{
  g_autoptr(GlossSpan) span = NULL;
  GlossSchema *schema = gloss_corpus_get_schema (ctx->corpus);
  gboolean has_id = id != NULL && id[0] != '\0';
  gsize saved;

  if (gloss_schema_lookup (schema, label) == NULL)
    {
      saved = push_member (ctx, "label");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_LABEL,
              _("the label “%s” is not in the schema"), label);
      pop (ctx, saved);
    }
  else if (check_range (ctx, document, start, end))
    {
      if (!has_id)
        g_clear_pointer (&id, g_free);
      span = _gloss_span_new_take (g_steal_pointer (&id), start, end, label,
                                   g_steal_pointer (&note), g_steal_pointer (&annotator),
                                   g_steal_pointer (&created));
    }

  g_free (id);
  g_free (note);
  g_free (annotator);
  g_free (created);

  if (span == NULL)
    return NULL;

  *range = byte_range (document, span);
  if (!check_span_text (ctx, text, document, span, range))
    return NULL;

  if (!has_id)
    return g_steal_pointer (&span);

  add_span (ctx, document, span, range);

  return NULL;
}

/* Returns a span without an id, for the caller to add once every span
 * with an id is in (so that the id it is then given cannot clash with a
 * later one); adds a span with an id itself. */
static GlossSpan *
load_span (LoadContext   *ctx,
           JsonNode      *node,
           GlossDocument *document,
           ByteRange     *range)
{
  static const char * const known[] = {
    "id", "start", "end", "label", "text", "note", "annotator", "created", NULL
  };
  JsonObject *object;
  const char *id;
  const char *label;
  const char *text;
  const char *note;
  const char *annotator;
  const char *created;
  guint start = 0;
  guint end = 0;
  gboolean ok = TRUE;

  if (!expect_type (ctx, node, KIND_OBJECT))
    return NULL;

  object = json_node_get_object (node);
  warn_unknown_members (ctx, object, known);

  /* Read in file order, so that problems are reported in file order. */
  id = string_member (ctx, object, "id", FALSE);
  ok &= offset_member (ctx, object, "start", &start);
  ok &= offset_member (ctx, object, "end", &end);
  ok &= (label = string_member (ctx, object, "label", TRUE)) != NULL;
  text = string_member (ctx, object, "text", FALSE);
  note = string_member (ctx, object, "note", FALSE);
  annotator = string_member (ctx, object, "annotator", FALSE);
  created = string_member (ctx, object, "created", FALSE);
  if (!ok)
    return NULL;

  return make_span (ctx, document, range, g_strdup (id), start, end, label, text,
                    g_strdup (note), g_strdup (annotator), g_strdup (created));
}

/* load_span() for a span the streaming parser read: a record holds only
 * members that load_span() would find present, well typed and valid
 * (the whole file is UTF-8, with no escaped surrogates), so only the
 * checks that follow are left. */
static GlossSpan *
load_span_record (LoadContext   *ctx,
                  GlossJsonSpan *record,
                  GlossDocument *document,
                  ByteRange     *range)
{
  char **strings = record->strings;

  if (record->node != NULL)
    return load_span (ctx, record->node, document, range);

  return make_span (ctx, document, range, g_steal_pointer (&strings[GLOSS_JSON_SPAN_ID]),
                    record->start, record->end,
                    strings[GLOSS_JSON_SPAN_LABEL], strings[GLOSS_JSON_SPAN_TEXT],
                    g_steal_pointer (&strings[GLOSS_JSON_SPAN_NOTE]),
                    g_steal_pointer (&strings[GLOSS_JSON_SPAN_ANNOTATOR]),
                    g_steal_pointer (&strings[GLOSS_JSON_SPAN_CREATED]));
}

typedef struct
{
  GlossSpan *span;
  char      *path;
  ByteRange  range;
} DeferredSpan;

static void
deferred_span_clear (DeferredSpan *deferred)
{
  g_clear_object (&deferred->span);
  g_clear_pointer (&deferred->path, g_free);
}

/* @records: (nullable): the spans as the streaming parser read them */
static void
load_spans (LoadContext   *ctx,
            JsonObject    *object,
            GArray        *records,
            GlossDocument *document)
{
  g_autoptr(GArray) deferred = g_array_new (FALSE, FALSE, sizeof (DeferredSpan));
  JsonArray *spans;
  JsonNode *node;
  guint n_spans;
  gsize saved;

  g_array_set_clear_func (deferred, (GDestroyNotify)deferred_span_clear);

  if (!(node = member (ctx, object, "spans", KIND_ARRAY, FALSE, &saved)))
    return;

  spans = json_node_get_array (node);
  n_spans = records != NULL ? records->len : json_array_get_length (spans);
  for (guint i = 0; i < n_spans && ctx->problems->len < MAX_PROBLEMS; i++)
    {
      gsize saved_index = push_index (ctx, i);
      ByteRange range = { 0, 0 };
      GlossSpan *span = records != NULL
        ? load_span_record (ctx, &g_array_index (records, GlossJsonSpan, i), document, &range)
        : load_span (ctx, json_array_get_element (spans, i), document, &range);

      if (span != NULL)
        {
          DeferredSpan entry = { span, g_strdup (ctx->path->str), range };

          g_array_append_val (deferred, entry);
        }
      pop (ctx, saved_index);
    }

  pop (ctx, saved);

  for (guint i = 0; i < deferred->len; i++)
    {
      DeferredSpan *entry = &g_array_index (deferred, DeferredSpan, i);
      gsize len = ctx->path->len;

      g_string_assign (ctx->path, entry->path);
      add_span (ctx, document, entry->span, &entry->range);
      g_string_truncate (ctx->path, len);
    }
}

/* @records: (nullable): its spans as the streaming parser read them */
static void
load_document (LoadContext *ctx,
               JsonNode    *node,
               GArray      *records)
{
  static const char * const known[] = {
    "id", "title", "source", "lang", "text", "meta", "done", "spans", NULL
  };
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonNode *meta;
  JsonNode *done;
  const char *id;
  const char *title;
  const char *source;
  const char *lang;
  const char *text;
  gsize saved;

  if (!expect_type (ctx, node, KIND_OBJECT))
    return;

  object = json_node_get_object (node);
  warn_unknown_members (ctx, object, known);

  /* Read in file order, so that problems are reported in file order. */
  id = string_member (ctx, object, "id", TRUE);
  title = string_member (ctx, object, "title", FALSE);
  source = string_member (ctx, object, "source", FALSE);
  lang = string_member (ctx, object, "lang", FALSE);
  text = string_member (ctx, object, "text", TRUE);
  if (id == NULL || text == NULL)
    return;

  if (id[0] == '\0')
    {
      saved = push_member (ctx, "id");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE,
              _("a document id cannot be empty"));
      pop (ctx, saved);
      return;
    }

  document = gloss_document_new (id, title, text);
  _gloss_document_set_quiet (document, TRUE);
  gloss_document_set_source (document, source);
  gloss_document_set_lang (document, lang);

  if ((meta = member (ctx, object, "meta", KIND_OBJECT, FALSE, &saved)))
    {
      check_strings (ctx, meta);
      gloss_document_set_meta (document, json_node_get_object (meta));
      pop (ctx, saved);
    }

  if ((done = member (ctx, object, "done", KIND_BOOLEAN, FALSE, &saved)))
    {
      gloss_document_set_done (document, json_node_get_boolean (done));
      pop (ctx, saved);
    }

  load_spans (ctx, object, records, document);
  _gloss_document_set_quiet (document, FALSE);

  if (!gloss_corpus_add_document (ctx->corpus, document, &error))
    {
      saved = push_member (ctx, "id");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_DUPLICATE_ID, "%s", error->message);
      pop (ctx, saved);
    }
}

static gboolean
check_header (LoadContext *ctx,
              JsonObject  *root)
{
  const char *format;
  const char *unit;
  JsonNode *node;
  gsize saved;

  if (!(format = string_member (ctx, root, "format", TRUE)))
    return FALSE;

  if (!g_str_equal (format, "gloss-corpus"))
    {
      saved = push_member (ctx, "format");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN_FORMAT,
              _("“%s” is not a Gloss corpus (expected “gloss-corpus”)"), format);
      pop (ctx, saved);
      return FALSE;
    }

  if (!(node = member (ctx, root, "version", KIND_ANY, TRUE, &saved)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_WRONG_TYPE,
              JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE
                ? _("expected a whole number, found a fraction")
                : _("expected a whole number, found %s"),
              _gloss_json_describe_node (node));
      pop (ctx, saved);
      return FALSE;
    }

  if (json_node_get_int (node) != GLOSS_FORMAT_VERSION)
    {
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED_VERSION,
              json_node_get_int (node) > GLOSS_FORMAT_VERSION
                ? _("version %lld was written by a newer Gloss; this one reads version %d")
                : _("version %lld does not exist; this Gloss reads version %d"),
              (long long)json_node_get_int (node), GLOSS_FORMAT_VERSION);
      pop (ctx, saved);
      return FALSE;
    }
  pop (ctx, saved);

  unit = string_member (ctx, root, "offset_unit", FALSE);
  if (unit != NULL && !g_str_equal (unit, "codepoint"))
    {
      saved = push_member (ctx, "offset_unit");
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED_OFFSET_UNIT,
              _("offsets in “%s” are not supported; native corpora count code points (“codepoint”)"),
              unit);
      pop (ctx, saved);
      return FALSE;
    }

  return ctx->n_errors == 0;
}

static void
load_root (LoadContext *ctx,
           JsonNode    *root)
{
  static const char * const known[] = {
    "format", "version", "offset_unit", "schema", "documents", NULL
  };
  g_autoptr(GlossSchema) schema = NULL;
  JsonObject *object;
  JsonArray *documents;
  JsonNode *node;
  gsize saved;

  if (root == NULL)
    {
      report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_JSON,
              _("the file is empty"));
      return;
    }

  if (!expect_type (ctx, root, KIND_OBJECT) || !check_header (ctx, json_node_get_object (root)))
    return;

  object = json_node_get_object (root);
  warn_unknown_members (ctx, object, known);

  if (!(schema = load_schema (ctx, object)))
    return;

  ctx->corpus = gloss_corpus_new_with_schema (schema);

  if (!(node = member (ctx, object, "documents", KIND_ARRAY, TRUE, &saved)))
    return;

  documents = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (documents) && ctx->problems->len < MAX_PROBLEMS; i++)
    {
      gsize saved_index = push_index (ctx, i);

      load_document (ctx, json_array_get_element (documents, i), NULL);
      pop (ctx, saved_index);
    }

  pop (ctx, saved);
}

/* Streaming */

/* The root's members up to the documents, read as load_root() reads them,
 * so that each document can be loaded as it is read. */
typedef struct
{
  LoadContext *ctx;
  guint        n_root_members;  /* with the documents */
  gsize        saved;
} StreamLoad;

static gboolean
on_documents_begin_cb (JsonObject *root,
                       gpointer    user_data)
{
  static const char * const known[] = {
    "format", "version", "offset_unit", "schema", "documents", NULL
  };
  StreamLoad *load = user_data;
  LoadContext *ctx = load->ctx;
  g_autoptr(GlossSchema) schema = NULL;

  /* The header or the schema after the documents: read as a whole. */
  if (!json_object_has_member (root, "schema") || !check_header (ctx, root))
    return FALSE;

  warn_unknown_members (ctx, root, known);
  if (!(schema = load_schema (ctx, root)))
    return FALSE;

  ctx->corpus = gloss_corpus_new_with_schema (schema);
  load->n_root_members = json_object_get_size (root) + 1;
  load->saved = push_member (ctx, "documents");

  return TRUE;
}

static void
on_document_cb (JsonNode *node,
                GArray   *records,
                guint     index,
                gpointer  user_data)
{
  StreamLoad *load = user_data;
  LoadContext *ctx = load->ctx;
  gsize saved;

  if (ctx->problems->len >= MAX_PROBLEMS)
    return;

  saved = push_index (ctx, index);
  load_document (ctx, node, records);
  pop (ctx, saved);
}

/* Escapes that json-glib and yajl read differently: an escaped NUL, which
 * json-glib cuts a string at and check_nul_escapes() reports, and escaped
 * surrogates, which yajl turns into “?” where json-glib leaves bytes that
 * valid_string() reports. Gloss writes neither. */
static gboolean
has_unequal_escapes (const char *data,
                     gsize       n_bytes)
{
  const char *end = data + n_bytes;

  /* memchr() for speed: this reads every byte of the corpus. */
  for (const char *p = data; (p = memchr (p, '\\', end - p)) != NULL && end - p >= 6; p += 2)
    if (p[1] == 'u' &&
        (strncmp (p + 2, "0000", 4) == 0 ||
         ((p[2] == 'd' || p[2] == 'D') && strchr ("89abcdefABCDEF", p[3]) != NULL && p[3] != '\0')))
      return TRUE;

  return FALSE;
}

static void
reset_context (LoadContext *ctx)
{
  g_clear_object (&ctx->corpus);
  g_ptr_array_set_size (ctx->problems, 0);
  g_string_truncate (ctx->path, 0);
  ctx->n_errors = 0;
  ctx->strings_valid = FALSE;
}

/* Loads @data as json-glib's tree would load it, but each document as
 * yajl reads it, so that the whole tree is never in memory. %FALSE, with
 * nothing loaded or reported, when json-glib must read @data to say
 * what is wrong with it. */
static gboolean
load_streaming (LoadContext *ctx,
                const char  *data,
                gsize        n_bytes)
{
  StreamLoad load = { ctx, 0, 0 };
  g_autoptr(JsonNode) root = NULL;
  gboolean streamed;

  if (has_unequal_escapes (data, n_bytes))
    return FALSE;

  /* The file is UTF-8 and has no escaped surrogates: so is every string. */
  ctx->strings_valid = TRUE;

  root = _gloss_json_stream_parse (data, n_bytes, "documents", "spans",
                                   on_documents_begin_cb, on_document_cb, &load, &streamed);

  /* A root member after the documents would have been reported before them. */
  if (root != NULL && streamed &&
      json_object_get_size (json_node_get_object (root)) == load.n_root_members)
    {
      pop (ctx, load.saved);
      return TRUE;
    }

  /* Streamed documents are gone from the tree: json-glib reads it all. */
  reset_context (ctx);
  if (root == NULL || streamed)
    return FALSE;

  load_root (ctx, root);

  return TRUE;
}

static void
report_parse_error (LoadContext  *ctx,
                    const GError *error)
{
  const char *message = error->message;
  guint line = 0;
  guint column = 0;
  int consumed = 0;

  /* json-glib says "<data>:LINE:COL: Parse error: …"; keep the place
   * as the problem's path and the rest as its message. */
  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
      set_path_to_position (ctx, line, column);
    }

  report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_JSON,
          _("not valid JSON: %s"), message);
}

static void
set_path_to_place (LoadContext *ctx,
                   const char  *data,
                   const char  *at)
{
  const char *line_start = data;
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  set_path_to_position (ctx, line, (guint)g_utf8_strlen (line_start, at - line_start) + 1);
}

/* json-glib parses nested values recursively: refuse nesting deep
 * enough to overflow the stack before it is parsed. */
static void
check_depth (LoadContext *ctx,
             const char  *data,
             gsize        n_bytes)
{
  gsize at = gloss_limits_find_too_deep (data, n_bytes);

  if (at == n_bytes)
    return;

  set_path_to_place (ctx, data, data + at);
  report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_TOO_DEEP,
          _("arrays and objects are nested more than %d deep"), GLOSS_MAX_JSON_DEPTH);
  g_string_truncate (ctx->path, 0);
}

/* json-glib cuts a string at an escaped NUL ("ab\u0000cd" loads as "ab"),
 * which would lose text silently. */
static void
check_nul_escapes (LoadContext *ctx,
                   const char  *data,
                   gsize        n_bytes)
{
  const char *end = data + n_bytes;

  for (const char *p = data; (p = g_strstr_len (p, end - p, "\\u0000")) != NULL; p++)
    {
      guint n_backslashes = 0;

      /* "\\u0000" is a backslash and the letters u0000, not a NUL. */
      for (const char *q = p; q >= data && *q == '\\'; q--)
        n_backslashes++;

      if (n_backslashes % 2 == 1)
        {
          set_path_to_place (ctx, data, p);
          report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_VALUE,
                  _("a string holds an escaped NUL character (\\u0000), which Gloss cannot keep"));
          g_string_truncate (ctx->path, 0);
          return;
        }
    }
}

/* Where the object or array at the start of @data ends, or %NULL when it
 * does not start with one or its brackets do not match (json-glib then
 * says what is wrong). */
static const char *
end_of_first_value (const char *data,
                    const char *end)
{
  g_autoptr(GString) open = g_string_new (NULL);
  const char *p = data;
  gboolean in_string = FALSE;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || (*p != '{' && *p != '['))
    return NULL;

  for (; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        g_string_append_c (open, *p == '{' ? '}' : ']');
      else if (*p == '}' || *p == ']')
        {
          if (open->len == 0 || open->str[open->len - 1] != *p)
            return NULL;
          g_string_truncate (open, open->len - 1);
          if (open->len == 0)
            return p + 1;
        }
    }

  return NULL;
}

/* json-glib keeps only the first of two values ("{…}{…}"), and leaks the
 * second: refuse such data before it is parsed. */
static void
check_single_value (LoadContext *ctx,
                    const char  *data,
                    gsize        n_bytes)
{
  const char *end = data + n_bytes;
  const char *p = end_of_first_value (data, end);

  if (p == NULL)
    return;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end)
    return;

  set_path_to_place (ctx, data, p);
  report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_JSON,
          _("not valid JSON: a second value follows the first"));
  g_string_truncate (ctx->path, 0);
}

/* What json-glib accepts but would lose: a member given twice (it keeps
 * the last). A second value after the first is found by
 * check_single_value() before parsing. */
typedef struct
{
  LoadContext *ctx;
  GArray      *members_seen;  /* per open object */
} ShapeCheck;

static void
report_at_parser (ShapeCheck *check,
                  JsonParser *parser,
                  int         code,
                  const char *message)
{
  set_path_to_position (check->ctx, json_parser_get_current_line (parser),
                        json_parser_get_current_pos (parser));
  report (check->ctx, GLOSS_SEVERITY_ERROR, code, "%s", message);
  g_string_truncate (check->ctx->path, 0);
}

static void
on_object_start_cb (JsonParser *parser,
                    ShapeCheck *check)
{
  guint zero = 0;

  g_array_append_val (check->members_seen, zero);
}

static void
on_object_member_cb (JsonParser *parser,
                     JsonObject *object,
                     const char *name,
                     ShapeCheck *check)
{
  guint *seen = &g_array_index (check->members_seen, guint, check->members_seen->len - 1);

  if (++(*seen) > json_object_get_size (object))
    {
      g_autofree char *message = g_strdup_printf (_("the member “%s” appears twice in one object"), name);

      *seen = json_object_get_size (object);
      report_at_parser (check, parser, GLOSS_FORMAT_ERROR_INVALID_JSON, message);
    }
}

static void
on_object_end_cb (JsonParser *parser,
                  JsonObject *object,
                  ShapeCheck *check)
{
  g_array_set_size (check->members_seen, check->members_seen->len - 1);
}

static gboolean
parse_checked (LoadContext  *ctx,
               JsonParser   *parser,
               const char   *data,
               gsize         n_bytes,
               GError      **error)
{
  g_autoptr(GArray) members_seen = g_array_new (FALSE, FALSE, sizeof (guint));
  ShapeCheck check = { ctx, members_seen };
  gboolean parsed;

  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start_cb), &check);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), &check);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end_cb), &check);

  /* Disconnected whatever happens: the JSONL importers use one parser for
   * every line. */
  parsed = json_parser_load_from_data (parser, data, n_bytes, error);
  g_signal_handlers_disconnect_by_data (parser, &check);
  if (!parsed)
    return FALSE;

  if (json_parser_has_assignment (parser, NULL))
    report (ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_JSON,
            _("not valid JSON: a JavaScript assignment (var x = …)"));

  return TRUE;
}

static void
set_error_from_problems (GPtrArray  *problems,
                         GError    **error)
{
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == GLOSS_SEVERITY_ERROR)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, problem->code,
                       "%s: %s", problem->path, problem->message);
          return;
        }
    }
}

/* The checks of gloss_corpus_load_bytes() before it reads the corpus, and
 * every string checked, for one JSON value on one line. */
JsonNode *
_gloss_json_parse_checked (JsonParser  *parser,
                           const char  *data,
                           gsize        n_bytes,
                           GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_problem_free);
  g_autoptr(GString) path = g_string_new (NULL);
  LoadContext ctx = { .path = path, .problems = found, .one_line = TRUE };
  JsonNode *root;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  check_depth (&ctx, data, n_bytes);
  if (ctx.n_errors == 0)
    check_nul_escapes (&ctx, data, n_bytes);
  if (ctx.n_errors == 0)
    check_single_value (&ctx, data, n_bytes);
  if (ctx.n_errors == 0 && !parse_checked (&ctx, parser, data, n_bytes, error))
    return NULL;

  root = ctx.n_errors == 0 ? json_parser_get_root (parser) : NULL;
  if (ctx.n_errors == 0 && root == NULL)
    report (&ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_JSON,
            _("not valid JSON: there is no value"));
  else if (ctx.n_errors == 0)
    check_strings (&ctx, root);

  if (ctx.n_errors > 0)
    {
      set_error_from_problems (found, error);
      return NULL;
    }

  return json_node_ref (root);
}

/**
 * gloss_corpus_load_bytes:
 * @bytes: the contents of a `.gloss.json` file
 * @problems: (out) (optional) (transfer full) (element-type GlossProblem):
 *   every problem found, errors and warnings, in file order (at most 100)
 * @error: the first error, as "PATH: message"
 *
 * Parses and validates a native corpus. Nothing is half loaded: on any
 * error the result is %NULL. Warnings (a span splitting a character
 * cluster, an unknown member) do not stop the load.
 *
 * Returns: (transfer full) (nullable): the corpus, not dirty
 */
GlossCorpus *
gloss_corpus_load_bytes (GBytes     *bytes,
                         GPtrArray **problems,
                         GError    **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return _gloss_corpus_load_bytes_streaming (bytes, TRUE, problems, error);
}

/* gloss_corpus_load_bytes(), which reads with yajl when @stream is set
 * and json-glib can be spared; the tests compare both ways. */
GlossCorpus *
_gloss_corpus_load_bytes_streaming (GBytes     *bytes,
                                    gboolean    stream,
                                    GPtrArray **problems,
                                    GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  LoadContext ctx = { 0 };
  const char *data;
  gsize n_bytes;
  gsize bad_offset;
  guint bad_line;
  guint bad_column;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_problem_free);
  ctx.path = path;
  ctx.problems = found;

  /* An empty GBytes may have no data at all. */
  if ((data = g_bytes_get_data (bytes, &n_bytes)) == NULL)
    data = "";

  if (!gloss_text_validate_utf8 (data, n_bytes, &bad_offset, &bad_line, &bad_column))
    {
      set_path_to_position (&ctx, bad_line, bad_column);
      report (&ctx, GLOSS_SEVERITY_ERROR, GLOSS_FORMAT_ERROR_INVALID_UTF8,
              _("invalid UTF-8 (byte 0x%02x at byte offset %lu)"),
              (guchar)data[bad_offset], (gulong)bad_offset);
    }
  else if (!stream || !load_streaming (&ctx, data, n_bytes))
    {
      parser = json_parser_new_immutable ();
      check_depth (&ctx, data, n_bytes);
      if (ctx.n_errors == 0)
        check_nul_escapes (&ctx, data, n_bytes);
      if (ctx.n_errors == 0)
        check_single_value (&ctx, data, n_bytes);
      if (ctx.n_errors > 0)
        ;
      else if (!parse_checked (&ctx, parser, data, n_bytes, &parse_error))
        report_parse_error (&ctx, parse_error);
      else if (ctx.n_errors == 0)
        load_root (&ctx, json_parser_get_root (parser));
    }

  if (ctx.n_errors > 0)
    {
      set_error_from_problems (found, error);
      g_clear_object (&ctx.corpus);
    }
  else
    {
      gloss_corpus_set_dirty (ctx.corpus, FALSE);
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return ctx.corpus;
}

/**
 * gloss_corpus_load_file:
 * @problems: (out) (optional) (transfer full) (element-type GlossProblem):
 *   see gloss_corpus_load_bytes()
 *
 * Returns: (transfer full) (nullable): the corpus, with its #GlossCorpus:file
 *   set to @file
 */
GlossCorpus *
gloss_corpus_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GPtrArray    **problems,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;
  GlossCorpus *corpus;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (!(bytes = gloss_limits_load_file (file, &etag, cancellable, error)))
    return NULL;

  if ((corpus = gloss_corpus_load_bytes (bytes, problems, error)))
    {
      gloss_corpus_set_file (corpus, file);
      gloss_corpus_set_file_etag (corpus, etag);
    }

  return corpus;
}

typedef struct
{
  GFile     *file;
  GPtrArray *problems;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GlossCorpus *corpus;
  GError *error = NULL;

  /* The problems stay with the job, so that a file failing validation
   * still hands them to gloss_corpus_load_finish(). */
  if ((corpus = gloss_corpus_load_file (job->file, cancellable, &job->problems, &error)))
    g_task_return_pointer (task, corpus, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * gloss_corpus_load_async:
 *
 * Loads @file in a worker thread; see gloss_corpus_load_file().
 */
void
gloss_corpus_load_async (GFile               *file,
                         int                  io_priority,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_corpus_load_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, job, (GDestroyNotify)load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gloss_corpus_load_finish:
 * @problems: (out) (optional) (transfer full) (element-type GlossProblem):
 *   the problems found, also when the load failed validation
 *
 * Returns: (transfer full) (nullable): the corpus
 */
GlossCorpus *
gloss_corpus_load_finish (GAsyncResult  *result,
                          GPtrArray    **problems,
                          GError       **error)
{
  LoadJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_corpus_load_async, NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = job->problems != NULL ? g_ptr_array_ref (job->problems) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gloss_json_append_string:
 *
 * Appends @str as a JSON string: quotes, backslashes and control characters
 * escaped, everything else as UTF-8.
 */
void
gloss_json_append_string (GString    *out,
                          const char *str)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = str;

  g_string_append_c (out, '"');

  for (const char *p = str;; p++)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
        continue;

      _gloss_string_append_len (out, run, p - run);
      if (c == '\0')
        break;
      run = p + 1;

      switch (c)
        {
        case '"':  _gloss_string_append (out, "\\\""); break;
        case '\\': _gloss_string_append (out, "\\\\"); break;
        case '\b': _gloss_string_append (out, "\\b"); break;
        case '\f': _gloss_string_append (out, "\\f"); break;
        case '\n': _gloss_string_append (out, "\\n"); break;
        case '\r': _gloss_string_append (out, "\\r"); break;
        case '\t': _gloss_string_append (out, "\\t"); break;
        default:
          _gloss_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }

  g_string_append_c (out, '"');
}

/* An offset in decimal, without printf(): exports write two for every
 * span, and formatting them was a tenth of a doccano export. */
void
_gloss_format_append_uint (GString *out,
                           guint    value)
{
  char digits[GLOSS_TEXT_UINT_DIGITS];

  _gloss_string_append_len (out, digits, gloss_text_write_uint (digits, value));
}

static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back as the same double, so that a value
   * written once is written the same way ever after. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    _gloss_string_append (out, ".0");
}

/* Free-form JSON (a document's meta) on one line, members in their order,
 * spaced as Python's json.dumps() spaces it; the doccano and spaCy exports
 * write meta with it too. */
void
_gloss_format_append_json_node (GString  *out,
                                JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *child;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &child))
          {
            g_string_append (out, first ? "" : ", ");
            gloss_json_append_string (out, name);
            _gloss_string_append (out, ": ");
            _gloss_format_append_json_node (out, child);
            first = FALSE;
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_string_append (out, i > 0 ? ", " : "");
            _gloss_format_append_json_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          gloss_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        default:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      _gloss_string_append (out, "null");
      break;
    }
}

static void
write_member (GString    *out,
              const char *indent,
              const char *name,
              const char *value,
              gboolean    last)
{
  g_string_append (out, indent);
  gloss_json_append_string (out, name);
  _gloss_string_append (out, ": ");
  gloss_json_append_string (out, value != NULL ? value : "");
  g_string_append (out, last ? "\n" : ",\n");
}

static void
write_label (GString    *out,
             GlossLabel *label,
             gboolean    last)
{
  g_auto(GStrv) locales = gloss_label_dup_locales (label);

  _gloss_string_append (out, "      { \"id\": ");
  gloss_json_append_string (out, gloss_label_get_id (label));
  _gloss_string_append (out, ", \"name\": ");
  gloss_json_append_string (out, gloss_label_get_name (label));
  _gloss_string_append (out, ", \"names\": {");
  for (guint i = 0; locales[i] != NULL; i++)
    {
      g_string_append (out, i > 0 ? ", " : " ");
      gloss_json_append_string (out, locales[i]);
      _gloss_string_append (out, ": ");
      gloss_json_append_string (out, gloss_label_get_name_for_locale (label, locales[i]));
    }
  g_string_append (out, locales[0] != NULL ? " }" : "}");
  _gloss_string_append (out, ", \"color\": ");
  gloss_json_append_string (out, gloss_label_get_color (label));
  _gloss_string_append (out, ", \"key\": ");
  gloss_json_append_string (out, gloss_label_get_key (label) != NULL ? gloss_label_get_key (label) : "");
  _gloss_string_append (out, ", \"description\": ");
  gloss_json_append_string (out, gloss_label_get_description (label));
  g_string_append (out, last ? " }\n" : " },\n");
}

static void
write_span (GString       *out,
            GlossDocument *document,
            GlossSpan     *span,
            gboolean       last)
{
  g_autofree char *slice = gloss_document_dup_slice (document, gloss_span_get_start (span),
                                                     gloss_span_get_end (span));

  _gloss_string_append (out, "        { \"id\": ");
  gloss_json_append_string (out, gloss_span_get_id (span));
  _gloss_string_append (out, ", \"start\": ");
  _gloss_format_append_uint (out, gloss_span_get_start (span));
  _gloss_string_append (out, ", \"end\": ");
  _gloss_format_append_uint (out, gloss_span_get_end (span));
  _gloss_string_append (out, ", \"label\": ");
  gloss_json_append_string (out, gloss_span_get_label (span));
  _gloss_string_append (out, ", \"text\": ");
  gloss_json_append_string (out, slice);
  _gloss_string_append (out, ", \"note\": ");
  gloss_json_append_string (out, gloss_span_get_note (span));
  _gloss_string_append (out, ", \"annotator\": ");
  gloss_json_append_string (out, gloss_span_get_annotator (span));
  _gloss_string_append (out, ", \"created\": ");
  gloss_json_append_string (out, gloss_span_get_created (span));
  g_string_append (out, last ? " }\n" : " },\n");
}

void
_gloss_format_append_document (GString       *out,
                               GlossDocument *document,
                               gboolean       first)
{
  g_autoptr(JsonNode) meta = json_node_init_object (json_node_alloc (), gloss_document_get_meta (document));
  guint n_spans = gloss_document_get_n_spans (document);

  g_string_append (out, first ? "\n    {\n" : ",\n    {\n");
  write_member (out, "      ", "id", gloss_document_get_id (document), FALSE);
  write_member (out, "      ", "title", gloss_document_get_title (document), FALSE);
  write_member (out, "      ", "source", gloss_document_get_source (document), FALSE);
  write_member (out, "      ", "lang", gloss_document_get_lang (document), FALSE);
  write_member (out, "      ", "text", gloss_document_get_text (document), FALSE);
  _gloss_string_append (out, "      \"meta\": ");
  _gloss_format_append_json_node (out, meta);
  _gloss_string_append (out, ",\n");

  /* Written only when set, so that a corpus nobody marked keeps its bytes. */
  if (gloss_document_get_done (document))
    _gloss_string_append (out, "      \"done\": true,\n");

  if (n_spans == 0)
    _gloss_string_append (out, "      \"spans\": []\n");
  else
    {
      _gloss_string_append (out, "      \"spans\": [\n");
      for (guint i = 0; i < n_spans; i++)
        write_span (out, document, gloss_document_get_span (document, i), i + 1 == n_spans);
      _gloss_string_append (out, "      ]\n");
    }

  _gloss_string_append (out, "    }");
}

/* Everything before the first document, up to the opening of the
 * documents array. */
void
_gloss_format_append_header (GString     *out,
                             GlossCorpus *corpus)
{
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  guint n_labels = gloss_schema_get_n_labels (schema);

  g_string_append_printf (out,
                          "{\n"
                          "  \"format\": \"gloss-corpus\",\n"
                          "  \"version\": %d,\n"
                          "  \"offset_unit\": \"codepoint\",\n"
                          "  \"schema\": {\n",
                          GLOSS_FORMAT_VERSION);

  if (n_labels == 0)
    _gloss_string_append (out, "    \"labels\": []\n");
  else
    {
      _gloss_string_append (out, "    \"labels\": [\n");
      for (guint i = 0; i < n_labels; i++)
        write_label (out, gloss_schema_get_label (schema, i), i + 1 == n_labels);
      _gloss_string_append (out, "    ]\n");
    }
  _gloss_string_append (out, "  },\n  \"documents\": [");
}

void
_gloss_format_append_footer (GString *out,
                             guint    n_documents)
{
  g_string_append (out, n_documents > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

/**
 * gloss_corpus_save_to_bytes:
 *
 * Writes @corpus in the native format. The output depends only on the
 * corpus: fixed member order, documents in corpus order, spans sorted, two
 * spaces of indent and one span per line, so that a corpus kept in version
 * control gives small diffs.
 *
 * Returns: (transfer full): the bytes of a `.gloss.json` file
 */
GBytes *
gloss_corpus_save_to_bytes (GlossCorpus *corpus)
{
  GString *out;
  guint n_documents;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);

  n_documents = gloss_corpus_get_n_documents (corpus);
  out = g_string_sized_new (4096);

  _gloss_format_append_header (out, corpus);
  for (guint i = 0; i < n_documents; i++)
    _gloss_format_append_document (out, gloss_corpus_get_document (corpus, i), i == 0);
  _gloss_format_append_footer (out, n_documents);

  return g_string_free_to_bytes (out);
}

/**
 * gloss_write_file_atomically:
 * @make_backup: whether to keep the previous contents as `FILE~`
 *
 * Writes @bytes to a temporary file beside @file, syncs it and renames it
 * over @file only once it is complete (see #GlossAtomicWriter), so that a
 * crash or a full disk leaves the previous file, or no file, as it was.
 */
gboolean
gloss_write_file_atomically (GFile         *file,
                             GBytes        *bytes,
                             gboolean       make_backup,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GlossAtomicWriter) writer = NULL;
  gsize n_bytes;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &n_bytes);

  if (!(writer = gloss_atomic_writer_new (file, error)))
    return FALSE;

  return gloss_atomic_writer_write_all (writer, data, n_bytes, cancellable, error) &&
         gloss_atomic_writer_commit (writer, make_backup, cancellable, error);
}

/* The entity tag of what was just written, to tell later whether someone
 * else wrote the file since. */
static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/**
 * gloss_corpus_save_file:
 *
 * Saves @corpus to @file atomically, keeping the previous version as
 * `FILE~`. On success the corpus remembers @file and is no longer dirty; on
 * failure the old file and the corpus are untouched.
 */
gboolean
gloss_corpus_save_file (GlossCorpus   *corpus,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = gloss_corpus_save_to_bytes (corpus);
  if (!gloss_write_file_atomically (file, bytes, TRUE, cancellable, error))
    return FALSE;

  etag = query_etag (file);
  gloss_corpus_set_file (corpus, file);
  gloss_corpus_set_file_etag (corpus, etag);
  gloss_corpus_set_dirty (corpus, FALSE);

  return TRUE;
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  guint64  change_count;
  char    *etag;  /* of the file written */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->etag);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (gloss_write_file_atomically (job->file, job->bytes, TRUE, cancellable, &error))
    {
      job->etag = query_etag (job->file);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

/**
 * gloss_corpus_save_async:
 *
 * Serializes @corpus at once (the model is not thread-safe, and this is
 * the quick part) and writes the bytes in a worker thread.
 */
void
gloss_corpus_save_async (GlossCorpus         *corpus,
                         GFile               *file,
                         int                  io_priority,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (GLOSS_IS_CORPUS (corpus));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->bytes = gloss_corpus_save_to_bytes (corpus);
  job->change_count = gloss_corpus_get_change_count (corpus);

  task = g_task_new (corpus, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_corpus_save_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, job, (GDestroyNotify)save_job_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * gloss_corpus_save_finish:
 *
 * On success the corpus remembers the file and is no longer dirty, unless
 * it changed while it was being written.
 */
gboolean
gloss_corpus_save_finish (GlossCorpus   *corpus,
                          GAsyncResult  *result,
                          GError       **error)
{
  SaveJob *job;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, corpus), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_corpus_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  gloss_corpus_set_file (corpus, job->file);
  gloss_corpus_set_file_etag (corpus, job->etag);
  if (gloss_corpus_get_change_count (corpus) == job->change_count)
    gloss_corpus_set_dirty (corpus, FALSE);

  return TRUE;
}
