/* gloss-format-spacy.c: spaCy/Prodigy JSONL, export and import
 *
 * One document a line, as Prodigy writes annotations and spaCy's
 * converters read them:
 *
 *   {"text": TEXT,
 *    "spans": [{"start", "end", "label", "token_start", "token_end"}, …],
 *    "tokens": [{"text", "start", "end", "id", "ws"}, …],
 *    "meta": {…}}
 *
 * Tokens come from gloss_tokenize(); a span's token_end is its last token,
 * inclusive, as in Prodigy. A span's note, annotator, date and (when it is
 * not the default one) id ride along in the span object; the document's
 * id, title, source, language and the offset unit in `meta`. The import
 * reads offsets from `spans` only; tokens are left to the tokenizer.
 * docs/formats/spacy.md describes both for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-spacy"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-export-formats.h"
#include "gloss-import-formats.h"
#include "gloss-tokenizer.h"

struct _GlossSpacyExporter
{
  GlossExporter  parent_instance;

  GString       *buffer;
};

/* A span as a line gives it, before it joins its document. */
typedef struct
{
  guint        start;      /* code points */
  guint        end;
  const char  *label;      /* a schema label id, interned */
  char        *key;        /* "START:END:LABEL" as the line writes it */
  char        *id;
  char        *note;
  char        *annotator;
  char        *created;
} Entry;

typedef struct
{
  GlossImportContext *ctx;
  GFile              *file;
  JsonParser         *parser;
  char               *stem;
  char               *place;     /* "FILE:LINE" of the line being read */
  guint               line;
  GHashTable         *warned;    /* what is reported once a file */
  GlossOffsetUnit     unit;      /* of the line being read */
  GlossOffsetMap     *map;       /* likewise */
} Reader;

G_DEFINE_FINAL_TYPE (GlossSpacyExporter, gloss_spacy_exporter, GLOSS_TYPE_EXPORTER)

/* Top-level members Prodigy writes, kept in `meta` without comment. */
static const char * const quiet_members[] = {
  "_input_hash", "_task_hash", "_view_id", "_timestamp", "_session_id",
  "_annotator_id", "_is_binary", "answer", NULL
};

static const char * const known_members[] = { "text", "spans", "tokens", "meta", NULL };

/* Export */

static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back as the same number. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void append_node (GString  *out,
                         JsonNode *node);

static void
append_object (GString    *out,
               JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &child))
    {
      g_string_append (out, first ? "" : ", ");
      gloss_json_append_string (out, name);
      g_string_append (out, ": ");
      append_node (out, child);
      first = FALSE;
    }
  g_string_append_c (out, '}');
}

/* Free-form JSON on one line, spaced as Python's json.dumps() spaces it. */
static void
append_node (GString  *out,
             JsonNode *node)
{
  JsonArray *array;
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    append_object (out, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append (out, i > 0 ? ", " : "");
          append_node (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if ((type = json_node_get_value_type (node)) == G_TYPE_STRING)
    gloss_json_append_string (out, json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    append_double (out, json_node_get_double (node));
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
}

static gboolean
span_has_default_id (GlossSpan *span,
                     guint      position)
{
  char id[16];

  g_snprintf (id, sizeof id, "s%u", position + 1);

  return g_strcmp0 (gloss_span_get_id (span), id) == 0;
}

static void
append_string_member (GString    *out,
                      gboolean   *first,
                      const char *name,
                      const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  g_string_append (out, *first ? "" : ", ");
  gloss_json_append_string (out, name);
  g_string_append (out, ": ");
  gloss_json_append_string (out, value);
  *first = FALSE;
}

/* The tokens @start–@end overlaps, as indices; %FALSE when it overlaps
 * none (it covers only whitespace). */
static gboolean
find_tokens (GArray *tokens,
             guint   start,
             guint   end,
             guint  *first,
             guint  *last)
{
  guint lo = 0;
  guint hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, GlossToken, mid).end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;

  hi = tokens->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, GlossToken, mid).start < end)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == *first)
    return FALSE;

  *last = lo - 1;

  return TRUE;
}

static void
append_span_tokens (GlossSpacyExporter *self,
                    GlossDocument      *document,
                    GlossSpan          *span,
                    GArray             *tokens)
{
  guint start = gloss_span_get_start (span);
  guint end = gloss_span_get_end (span);
  g_autofree char *text = NULL;
  guint first;
  guint last;

  if (!find_tokens (tokens, start, end, &first, &last))
    {
      text = gloss_document_dup_slice (document, start, end);
      gloss_exporter_report (GLOSS_EXPORTER (self), document, span,
                             _("the span %u–%u (“%s”) covers no token; it is written without token_start and token_end"),
                             start, end, text);
      return;
    }

  g_string_append_printf (self->buffer, ", \"token_start\": %u, \"token_end\": %u", first, last);

  if (g_array_index (tokens, GlossToken, first).start == start &&
      g_array_index (tokens, GlossToken, last).end == end)
    return;

  text = gloss_document_dup_slice (document, start, end);
  gloss_exporter_report (GLOSS_EXPORTER (self), document, span,
                         _("the span %u–%u (“%s”) does not start and end at token boundaries; token_start %u and token_end %u are the tokens it overlaps"),
                         start, end, text, first, last);
}

static void
append_span (GlossSpacyExporter *self,
             GlossDocument      *document,
             GlossOffsetMap     *map,
             GArray             *tokens,
             guint               position)
{
  GlossSpan *span = gloss_document_get_span (document, position);
  GString *out = self->buffer;
  gboolean first = FALSE;

  g_string_append_printf (out, "%s{\"start\": %u, \"end\": %u, \"label\": ",
                          position > 0 ? ", " : "",
                          gloss_offset_map_to_unit (map, gloss_span_get_start (span)),
                          gloss_offset_map_to_unit (map, gloss_span_get_end (span)));
  gloss_json_append_string (out, gloss_span_get_label (span));
  append_span_tokens (self, document, span, tokens);
  if (!span_has_default_id (span, position))
    append_string_member (out, &first, "id", gloss_span_get_id (span));
  append_string_member (out, &first, "note", gloss_span_get_note (span));
  append_string_member (out, &first, "annotator", gloss_span_get_annotator (span));
  append_string_member (out, &first, "created", gloss_span_get_created (span));
  g_string_append_c (out, '}');
}

static void
append_tokens (GString        *out,
               GlossDocument  *document,
               GlossOffsetMap *map,
               GArray         *tokens)
{
  const char *text = gloss_document_get_text (document);

  g_string_append (out, "\"tokens\": [");
  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);
      gsize from = gloss_document_offset_to_byte (document, token->start);
      gsize to = gloss_document_offset_to_byte (document, token->end);
      g_autofree char *slice = g_strndup (text + from, to - from);

      g_string_append (out, i > 0 ? ", {\"text\": " : "{\"text\": ");
      gloss_json_append_string (out, slice);
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"id\": %u, \"ws\": %s}",
                              gloss_offset_map_to_unit (map, token->start),
                              gloss_offset_map_to_unit (map, token->end),
                              i, token->space_after ? "true" : "false");
    }
  g_string_append_c (out, ']');
}

/* Whether the export writes @name into `meta` itself for @document. */
static gboolean
writes_member (GlossDocument *document,
               const char    *name)
{
  if (g_str_equal (name, "title"))
    return gloss_document_get_title (document)[0] != '\0';
  if (g_str_equal (name, "source"))
    return gloss_document_get_source (document)[0] != '\0';
  if (g_str_equal (name, "lang"))
    return gloss_document_get_lang (document)[0] != '\0';

  return g_str_equal (name, "id") || g_str_equal (name, "offset_unit");
}

static void
append_meta (GlossSpacyExporter *self,
             GlossDocument      *document)
{
  GString *out = self->buffer;
  GlossOffsetUnit unit = gloss_exporter_get_offset_unit (GLOSS_EXPORTER (self));
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean first = TRUE;

  g_string_append (out, "\"meta\": {");

  json_object_iter_init_ordered (&iter, gloss_document_get_meta (document));
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (writes_member (document, name))
        {
          gloss_exporter_report (GLOSS_EXPORTER (self), document, NULL,
                                 /* Translators: %s is a member name such as “title” */
                                 _("the meta member “%s” is left out: the spaCy export writes the document’s own “%s” there"),
                                 name, name);
          continue;
        }

      g_string_append (out, first ? "" : ", ");
      gloss_json_append_string (out, name);
      g_string_append (out, ": ");
      append_node (out, node);
      first = FALSE;
    }

  append_string_member (out, &first, "id", gloss_document_get_id (document));
  append_string_member (out, &first, "title", gloss_document_get_title (document));
  append_string_member (out, &first, "source", gloss_document_get_source (document));
  append_string_member (out, &first, "lang", gloss_document_get_lang (document));
  append_string_member (out, &first, "offset_unit", gloss_offset_unit_to_string (unit));

  g_string_append_c (out, '}');
}

static gboolean
gloss_spacy_exporter_write_document (GlossExporter  *exporter,
                                     GlossCorpus    *corpus,
                                     GlossDocument  *document,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error)
{
  GlossSpacyExporter *self = GLOSS_SPACY_EXPORTER (exporter);
  const char *text = gloss_document_get_text (document);
  gsize n_bytes = gloss_document_get_text_bytes (document);
  g_autoptr(GlossOffsetMap) map = gloss_offset_map_new (text, n_bytes, gloss_exporter_get_offset_unit (exporter));
  g_autoptr(GArray) tokens = gloss_tokenize (text, n_bytes);
  GString *buffer = self->buffer;

  g_string_append (buffer, "{\"text\": ");
  gloss_json_append_string (buffer, text);
  g_string_append (buffer, ", \"spans\": [");
  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    append_span (self, document, map, tokens, i);
  g_string_append (buffer, "], ");
  append_tokens (buffer, document, map, tokens);
  g_string_append (buffer, ", ");
  append_meta (self, document);
  g_string_append (buffer, "}\n");

  return gloss_exporter_write (out, buffer, cancellable, error);
}

static void
gloss_spacy_exporter_finalize (GObject *object)
{
  GlossSpacyExporter *self = (GlossSpacyExporter *)object;

  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (gloss_spacy_exporter_parent_class)->finalize (object);
}

static void
gloss_spacy_exporter_class_init (GlossSpacyExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossExporterClass *exporter_class = GLOSS_EXPORTER_CLASS (klass);

  object_class->finalize = gloss_spacy_exporter_finalize;

  exporter_class->write_document = gloss_spacy_exporter_write_document;
  exporter_class->supports_offsets = TRUE;
}

static void
gloss_spacy_exporter_init (GlossSpacyExporter *self)
{
  self->buffer = g_string_sized_new (1 << 14);
}

/* Import */

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->key, g_free);
  g_clear_pointer (&entry->id, g_free);
  g_clear_pointer (&entry->note, g_free);
  g_clear_pointer (&entry->annotator, g_free);
  g_clear_pointer (&entry->created, g_free);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  return strcmp (x->label, y->label);
}

static gboolean fail (Reader      *reader,
                      GError     **error,
                      int          code,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader      *reader,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GLOSS_IMPORT_ERROR, code, "%s: %s", reader->place, message);

  return FALSE;
}

/* What a JSON value is, for messages: “found %s”. */
static const char *
describe_node (JsonNode *node)
{
  GType type;

  if (node == NULL)
    return _("nothing");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _("a string");
  if (type == G_TYPE_BOOLEAN)
    return _("true or false");

  return _("a number");
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Records a warning once a file for each @key. */
static void
warn_once (Reader     *reader,
           const char *key,
           const char *message)
{
  if (!g_hash_table_add (reader->warned, g_strdup (key)))
    return;

  gloss_import_context_warn (reader->ctx, reader->place, "%s", message);
}

static gboolean
find_boundary (Reader *reader,
               gint64  offset,
               int     step,
               gint64 *found)
{
  guint codepoint;

  for (gint64 at = offset + step; at >= 0; at += step)
    if (gloss_offset_map_from_unit (reader->map, at, &codepoint))
      {
        *found = at;
        return TRUE;
      }

  return FALSE;
}

/* Reads @node as an offset in the line's unit and converts it to a code
 * point. @what names the span (“span 2”), @which the offset. */
static gboolean
read_offset (Reader      *reader,
             const char  *what,
             const char  *which,
             JsonNode    *node,
             gint64      *raw,
             guint       *codepoint,
             GError     **error)
{
  guint length = gloss_offset_map_get_length (reader->map);
  const char *unit = gloss_offset_unit_to_string (reader->unit);
  gint64 before = 0;
  gint64 after = 0;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    /* Translators: “%s: the %s” is “span 2: the start” */
    return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                 _("%s: the %s should be a whole number, found %g"), what, which,
                 json_node_get_double (node));

  if (!holds_integer (node))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("%s: the %s should be a whole number, found %s"), what, which, describe_node (node));

  *raw = json_node_get_int (node);
  if (*raw < 0)
    return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                 _("%s: the %s %lld is negative"), what, which, (long long)*raw);

  if (*raw > length)
    /* Translators: the last %s is the unit: “codepoint”, “utf16” or “byte” */
    return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                 _("%s: the %s %lld is past the end of the text, which is %u long in %s offsets; were the offsets counted in another unit? (see --offsets)"),
                 what, which, (long long)*raw, length, unit);

  if (gloss_offset_map_from_unit (reader->map, *raw, codepoint))
    return TRUE;

  find_boundary (reader, *raw, -1, &before);
  find_boundary (reader, *raw, 1, &after);

  return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
               _("%s: the %s %lld falls inside a character in %s offsets (between %lld and %lld); were the offsets counted in another unit? (see --offsets)"),
               what, which, (long long)*raw, unit, (long long)before, (long long)after);
}

static gboolean
add_entry (Reader      *reader,
           GArray      *entries,
           const char  *what,
           JsonNode    *start_node,
           JsonNode    *end_node,
           JsonNode    *label_node,
           GError     **error)
{
  Entry entry = { 0, };
  const char *name;
  gint64 start;
  gint64 end;

  if (!read_offset (reader, what, C_("offset", "start"), start_node, &start, &entry.start, error) ||
      !read_offset (reader, what, C_("offset", "end"), end_node, &end, &entry.end, error))
    return FALSE;

  if (start > end)
    return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                 _("%s starts at %lld, after its end %lld"), what, (long long)start, (long long)end);
  if (start == end)
    return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                 _("%s is empty (start and end are both %lld)"), what, (long long)start);

  if (!holds_string (label_node) || json_node_get_string (label_node)[0] == '\0')
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("%s: the label should be a non-empty string, found %s"), what,
                 holds_string (label_node) ? _("an empty string") : describe_node (label_node));

  name = json_node_get_string (label_node);
  entry.label = gloss_import_context_ensure_label (reader->ctx, name, reader->place);
  entry.key = g_strdup_printf ("%lld:%lld:%s", (long long)start, (long long)end, name);
  g_array_append_val (entries, entry);

  return TRUE;
}

static gboolean
read_span_string (Reader      *reader,
                  const char  *what,
                  JsonObject  *object,
                  const char  *name,
                  char       **field,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!holds_string (node))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("%s: “%s” should be a string, found %s"), what, name, describe_node (node));

  if (json_node_get_string (node)[0] != '\0')
    *field = g_strdup (json_node_get_string (node));

  return TRUE;
}

/* A span may say what text it covers: a cheap check that the offsets
 * count what they are read as. */
static gboolean
check_span_text (Reader      *reader,
                 const char  *what,
                 JsonObject  *object,
                 const char  *text,
                 Entry       *entry,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, "text");
  const char *from;
  const char *to;
  const char *expected;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!holds_string (node))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("%s: “text” should be a string, found %s"), what, describe_node (node));

  expected = json_node_get_string (node);
  from = g_utf8_offset_to_pointer (text, entry->start);
  to = g_utf8_offset_to_pointer (from, entry->end - entry->start);
  if (strlen (expected) == (gsize)(to - from) && memcmp (expected, from, to - from) == 0)
    return TRUE;

  return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
               _("%s says its text is “%s”, but the text has “%.*s” there; were the offsets counted in another unit? (see --offsets)"),
               what, expected, (int)(to - from), from);
}

static void
warn_unknown_span_members (Reader     *reader,
                           JsonObject *object)
{
  static const char * const known[] = {
    "start", "end", "label", "token_start", "token_end", "text",
    "id", "note", "annotator", "created", NULL
  };
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *key = NULL;
      g_autofree char *message = NULL;

      if (g_strv_contains (known, name))
        continue;

      key = g_strdup_printf ("spans.%s", name);
      message = g_strdup_printf (_("spans have a member “%s” Gloss does not keep; it is left out"), name);
      warn_once (reader, key, message);
    }
}

static gboolean
read_span (Reader      *reader,
           GArray      *entries,
           const char  *text,
           JsonNode    *node,
           guint        n,
           GError     **error)
{
  /* Translators: names a span of a spaCy line: “span 2” */
  g_autofree char *what = g_strdup_printf (_("span %u"), n);
  JsonObject *object;
  Entry *entry;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("%s should be an object with “start”, “end” and “label”, found %s"),
                 what, describe_node (node));

  object = json_node_get_object (node);
  if (!add_entry (reader, entries, what,
                  json_object_get_member (object, "start"),
                  json_object_get_member (object, "end"),
                  json_object_get_member (object, "label"), error))
    return FALSE;

  entry = &g_array_index (entries, Entry, entries->len - 1);
  if (!read_span_string (reader, what, object, "id", &entry->id, error) ||
      !read_span_string (reader, what, object, "note", &entry->note, error) ||
      !read_span_string (reader, what, object, "annotator", &entry->annotator, error) ||
      !read_span_string (reader, what, object, "created", &entry->created, error) ||
      !check_span_text (reader, what, object, text, entry, error))
    return FALSE;

  warn_unknown_span_members (reader, object);

  return TRUE;
}

static gboolean
read_spans (Reader      *reader,
            JsonObject  *object,
            const char  *text,
            GArray      *entries,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "spans");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("“spans” should be an array of objects, found %s"), describe_node (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_span (reader, entries, text, json_array_get_element (array, i), i + 1, error))
      return FALSE;

  return TRUE;
}

static void
drop_duplicates (Reader *reader,
                 GArray *entries)
{
  guint kept = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (kept > 0 && entry_compare (&g_array_index (entries, Entry, kept - 1), entry) == 0)
        {
          gloss_import_context_warn (reader->ctx, reader->place,
                                     _("the span %s is there twice; the second one is left out"),
                                     entry->key);
          entry_clear (entry);
          continue;
        }

      if (kept != i)
        g_array_index (entries, Entry, kept) = *entry;
      kept++;
    }

  /* The tail holds moved or cleared entries: drop them without clearing. */
  g_array_set_clear_func (entries, NULL);
  g_array_set_size (entries, kept);
  g_array_set_clear_func (entries, entry_clear);
}

static void
warn_split_cluster (Reader        *reader,
                    GlossDocument *document,
                    Entry         *entry)
{
  if (gloss_document_is_cluster_boundary (document, entry->start) &&
      gloss_document_is_cluster_boundary (document, entry->end))
    return;

  gloss_import_context_warn (reader->ctx, reader->place,
                             _("the span %s splits a character cluster (a letter and its marks, or an emoji sequence)"),
                             entry->key);
}

static gboolean
add_entry_span (Reader         *reader,
                GlossDocument  *document,
                Entry          *entry,
                const char     *id,
                GError        **error)
{
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) local_error = NULL;

  span = gloss_span_new_full (id, entry->start, entry->end, entry->label,
                              entry->note, entry->annotator, entry->created);
  if (!gloss_document_add_span (document, span, &local_error))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE, "%s", local_error->message);

  warn_split_cluster (reader, document, entry);

  return TRUE;
}

/* Adds the spans in sorted order. A span without an id of its own gets
 * `s` and its position from 1, as the export expects, unless another span
 * has taken that id. */
static gboolean
add_spans (Reader         *reader,
           GlossDocument  *document,
           GArray         *entries,
           GError        **error)
{
  g_array_sort (entries, entry_compare);
  drop_duplicates (reader, entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->id != NULL && !add_entry_span (reader, document, entry, entry->id, error))
        return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *id = NULL;

      if (entry->id != NULL)
        continue;

      id = g_strdup_printf ("s%u", i + 1);
      if (!add_entry_span (reader, document, entry,
                           gloss_document_lookup_span (document, id) == NULL ? id : NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* A copy of `meta`, with the top-level members Gloss does not read added. */
static JsonObject *
collect_meta (Reader      *reader,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(JsonObject) meta = json_object_new ();
  JsonNode *given = json_object_get_member (object, "meta");
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (given != NULL && !JSON_NODE_HOLDS_NULL (given))
    {
      if (!JSON_NODE_HOLDS_OBJECT (given))
        {
          fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                _("“meta” should be an object, found %s"), describe_node (given));
          return NULL;
        }

      json_object_iter_init_ordered (&iter, json_node_get_object (given));
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (meta, name, json_node_copy (node));
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *message = NULL;

      if (g_strv_contains (known_members, name))
        continue;

      if (json_object_has_member (meta, name))
        message = g_strdup_printf (_("the member “%s” is left out: “meta” has one of that name too"), name);
      else
        {
          json_object_set_member (meta, name, json_node_copy (node));
          if (!g_strv_contains (quiet_members, name))
            message = g_strdup_printf (_("the member “%s” is neither spaCy’s nor Prodigy’s; it is kept in the document’s meta"), name);
        }

      if (message != NULL)
        {
          g_autofree char *key = g_strconcat ("member:", name, NULL);

          warn_once (reader, key, message);
        }
    }

  return g_steal_pointer (&meta);
}

/* The unit the line's offsets count: what its meta declares, else what
 * the import was asked for. */
static gboolean
take_offset_unit (Reader      *reader,
                  JsonObject  *meta,
                  GError     **error)
{
  GlossOffsetUnit asked = gloss_import_context_get_options (reader->ctx)->offset_unit;
  JsonNode *node = json_object_get_member (meta, "offset_unit");
  g_autofree char *message = NULL;

  reader->unit = asked;
  if (node == NULL)
    return TRUE;

  if (!holds_string (node) || !gloss_offset_unit_from_string (json_node_get_string (node), &reader->unit))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("meta “offset_unit” should be “codepoint”, “utf16” or “byte”"));

  json_object_remove_member (meta, "offset_unit");
  if (reader->unit == asked)
    return TRUE;

  /* Translators: both %s are offset units: “codepoint”, “utf16” or “byte” */
  message = g_strdup_printf (_("the lines declare their offsets in %s (meta “offset_unit”); they are read so, not in %s"),
                             gloss_offset_unit_to_string (reader->unit), gloss_offset_unit_to_string (asked));
  warn_once (reader, "offset_unit", message);

  return TRUE;
}

static char *
take_meta_string (JsonObject *meta,
                  const char *name)
{
  JsonNode *node = json_object_get_member (meta, name);
  char *value;

  if (!holds_string (node))
    return NULL;

  value = g_strdup (json_node_get_string (node));
  json_object_remove_member (meta, name);

  return value;
}

/* meta `id`, a string or a whole number, or %NULL for none. */
static char *
take_meta_id (JsonObject *meta)
{
  JsonNode *node = json_object_get_member (meta, "id");
  char *id;

  if (holds_integer (node))
    id = g_strdup_printf ("%lld", (long long)json_node_get_int (node));
  else if (holds_string (node) && json_node_get_string (node)[0] != '\0')
    id = g_strdup (json_node_get_string (node));
  else
    return NULL;

  json_object_remove_member (meta, "id");

  return id;
}

static char *
choose_document_id (Reader     *reader,
                    const char *wanted)
{
  GlossCorpus *corpus = gloss_import_context_get_corpus (reader->ctx);
  g_autofree char *hint = NULL;
  char *id;

  if (wanted == NULL)
    {
      hint = g_strdup_printf ("%s-%u", reader->stem, reader->line);
      return gloss_import_context_make_document_id (reader->ctx, hint);
    }

  if (gloss_corpus_lookup_document (corpus, wanted) == NULL)
    return g_strdup (wanted);

  id = gloss_import_context_make_document_id (reader->ctx, wanted);
  gloss_import_context_warn (reader->ctx, reader->place,
                             _("the document id “%s” is taken; the document is now “%s”"), wanted, id);

  return id;
}

static GlossDocument *
new_document (Reader      *reader,
              const char  *text,
              JsonObject  *meta)
{
  g_autofree char *wanted = take_meta_id (meta);
  g_autofree char *id = choose_document_id (reader, wanted);
  g_autofree char *title = take_meta_string (meta, "title");
  g_autofree char *source = take_meta_string (meta, "source");
  g_autofree char *lang = take_meta_string (meta, "lang");
  GlossDocument *document;

  document = gloss_document_new (id, title, text);
  gloss_document_set_source (document, source);
  gloss_document_set_lang (document, lang);
  gloss_document_set_meta (document, meta);

  return document;
}

static void
warn_answer (Reader     *reader,
             JsonObject *meta)
{
  JsonNode *node = json_object_get_member (meta, "answer");
  const char *answer;

  if (!holds_string (node))
    return;

  answer = json_node_get_string (node);
  if (g_str_equal (answer, "reject") || g_str_equal (answer, "ignore"))
    gloss_import_context_warn (reader->ctx, reader->place,
                               _("the answer is “%s”; its spans are imported all the same (the answer stays in the document’s meta)"),
                               answer);
}

static const char *
read_text (Reader      *reader,
           JsonObject  *object,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "text");

  if (node == NULL)
    fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
          _("“text” is missing; every line needs the document text as a string"));
  else if (!holds_string (node))
    fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
          _("“text” should be a string, found %s"), describe_node (node));
  else
    return json_node_get_string (node);

  return NULL;
}

static gboolean
import_object (Reader      *reader,
               JsonObject  *object,
               GError     **error)
{
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GlossOffsetMap) map = NULL;
  g_autoptr(GlossDocument) document = NULL;
  const char *text;

  g_array_set_clear_func (entries, entry_clear);

  if (!(text = read_text (reader, object, error)) ||
      !(meta = collect_meta (reader, object, error)) ||
      !take_offset_unit (reader, meta, error))
    return FALSE;

  map = gloss_offset_map_new (text, strlen (text), reader->unit);
  reader->map = map;

  if (!read_spans (reader, object, text, entries, error))
    return FALSE;

  document = new_document (reader, text, meta);
  if (!add_spans (reader, document, entries, error))
    return FALSE;

  warn_answer (reader, meta);

  return gloss_import_context_add_document (reader->ctx, document, error);
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;

  return TRUE;
}

static gboolean
import_line (Reader      *reader,
             const char  *line,
             gsize        length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *message;
  JsonNode *root;

  g_free (reader->place);
  reader->place = gloss_import_describe_place (reader->file, reader->line);
  reader->map = NULL;

  if (length > 0 && line[length - 1] == '\r')
    length--;
  if (reader->line == 1 && length >= 3 && memcmp (line, "\xef\xbb\xbf", 3) == 0)
    {
      line += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (line, length, NULL))
    return fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_UTF8, _("the line is not valid UTF-8"));

  if (is_blank (line, length))
    return TRUE;

  if (!json_parser_load_from_data (reader->parser, line, length, &local_error))
    {
      /* json-glib places the problem as “<data>:1:COLUMN: …”. */
      message = local_error->message;
      if (g_str_has_prefix (message, "<data>:1:"))
        return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                     _("the line is not valid JSON (column %s)"), message + strlen ("<data>:1:"));
      return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE, _("the line is not valid JSON (%s)"), message);
    }

  root = json_parser_get_root (reader->parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                 _("expected a JSON object (one document), found %s"), describe_node (root));

  return import_object (reader, json_node_get_object (root), error);
}

static gboolean
read_lines (Reader        *reader,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;

  if (!(stream = g_file_read (reader->file, cancellable, error)))
    return FALSE;

  data = g_data_input_stream_new (G_INPUT_STREAM (stream));
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *line = NULL;
      gsize length = 0;

      line = g_data_input_stream_read_line (data, &length, cancellable, &local_error);
      if (line == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      reader->line++;
      if (!import_line (reader, line, length, error))
        return FALSE;
    }
}

static char *
file_stem (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return g_steal_pointer (&name);
}

/**
 * _gloss_import_spacy:
 *
 * Imports a spaCy/Prodigy JSONL file: each non-blank line one document
 * with `text`, optional `spans` and `meta`.
 */
gboolean
_gloss_import_spacy (GlossImportContext  *ctx,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *stem = file_stem (file);
  Reader reader = { ctx, file, parser, stem, NULL, 0, warned, GLOSS_OFFSET_CODEPOINT, NULL };
  gboolean ok;

  ok = read_lines (&reader, cancellable, error);
  g_free (reader.place);

  return ok;
}
