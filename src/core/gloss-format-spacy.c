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
 * docs/formats.md describes both for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-spacy"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-export-formats.h"
#include "gloss-format-jsonl.h"
#include "gloss-format-private.h"
#include "gloss-tokenizer.h"

struct _GlossSpacyExporter
{
  GlossExporter  parent_instance;

  GString       *buffer;
};

G_DEFINE_FINAL_TYPE (GlossSpacyExporter, gloss_spacy_exporter, GLOSS_TYPE_EXPORTER)

/* Top-level members Prodigy writes, kept in `meta` without comment. */
static const char * const quiet_members[] = {
  "_input_hash", "_task_hash", "_view_id", "_timestamp", "_session_id",
  "_annotator_id", "_is_binary", "answer", NULL
};

static const char * const known_members[] = { "text", "spans", "tokens", "meta", NULL };

/* Export */

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
  gloss_jsonl_append_span_members (out, &first, span, position);
  g_string_append_c (out, '}');
}

static void
append_tokens (GString        *out,
               GlossDocument  *document,
               GlossOffsetMap *map,
               GArray         *tokens)
{
  g_string_append (out, "\"tokens\": [");
  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);
      g_autofree char *slice = gloss_document_dup_slice (document, token->start, token->end);

      g_string_append (out, i > 0 ? ", {\"text\": " : "{\"text\": ");
      gloss_json_append_string (out, slice);
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"id\": %u, \"ws\": %s}",
                              gloss_offset_map_to_unit (map, token->start),
                              gloss_offset_map_to_unit (map, token->end),
                              i, token->space_after ? "true" : "false");
    }
  g_string_append_c (out, ']');
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
  gloss_jsonl_append_meta (buffer, exporter, "spaCy", document, gloss_document_get_id (document), NULL);
  g_string_append (buffer, "}}\n");  /* meta, then the line */

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

static char *
describe_unknown_member (const char *name)
{
  return g_strdup_printf (_("the member “%s” is neither spaCy’s nor Prodigy’s; it is kept in the document’s meta"), name);
}

static gboolean
read_span_string (GlossJsonlReader  *reader,
                  const char        *what,
                  JsonObject        *object,
                  const char        *name,
                  char             **field,
                  GError           **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!gloss_jsonl_holds_string (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s: “%s” should be a string, found %s"),
                                    what, name, _gloss_json_describe_node (node));

  if (json_node_get_string (node)[0] != '\0')
    *field = g_strdup (json_node_get_string (node));

  return TRUE;
}

/* A span may say what text it covers: a cheap check that the offsets
 * count what they are read as. */
static gboolean
check_span_text (GlossJsonlReader  *reader,
                 const char        *what,
                 JsonObject        *object,
                 const char        *text,
                 GlossJsonlEntry   *entry,
                 GError           **error)
{
  JsonNode *node = json_object_get_member (object, "text");
  const char *from;
  const char *to;
  const char *expected;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!gloss_jsonl_holds_string (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s: “text” should be a string, found %s"),
                                    what, _gloss_json_describe_node (node));

  expected = json_node_get_string (node);
  from = g_utf8_offset_to_pointer (text, entry->start);
  to = g_utf8_offset_to_pointer (from, entry->end - entry->start);
  if (strlen (expected) == (gsize)(to - from) && memcmp (expected, from, to - from) == 0)
    return TRUE;

  return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                                  _("%s says its text is “%s”, but the text has “%.*s” there; were the offsets counted in another unit? (see --offsets)"),
                                  what, expected, (int)(to - from), from);
}

static void
warn_unknown_span_members (GlossJsonlReader *reader,
                           JsonObject       *object)
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
      gloss_jsonl_reader_warn_once (reader, key, message);
    }
}

static gboolean
read_span (GlossJsonlReader  *reader,
           GArray            *entries,
           const char        *text,
           JsonNode          *node,
           guint              n,
           GError           **error)
{
  /* Translators: names a span of a spaCy line: “span 2” */
  g_autofree char *what = g_strdup_printf (_("span %u"), n);
  GlossJsonlEntry *entry;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s should be an object with “start”, “end” and “label”, found %s"),
                                    what, _gloss_json_describe_node (node));

  object = json_node_get_object (node);
  if (!(entry = gloss_jsonl_reader_add_entry (reader, entries, what,
                                              json_object_get_member (object, "start"),
                                              json_object_get_member (object, "end"),
                                              json_object_get_member (object, "label"), error)) ||
      !read_span_string (reader, what, object, "id", &entry->id, error) ||
      !read_span_string (reader, what, object, "note", &entry->note, error) ||
      !read_span_string (reader, what, object, "annotator", &entry->annotator, error) ||
      !read_span_string (reader, what, object, "created", &entry->created, error) ||
      !check_span_text (reader, what, object, text, entry, error))
    return FALSE;

  warn_unknown_span_members (reader, object);

  return TRUE;
}

static gboolean
read_spans (GlossJsonlReader  *reader,
            JsonObject        *object,
            const char        *text,
            GArray            *entries,
            GError           **error)
{
  JsonNode *node = json_object_get_member (object, "spans");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("“spans” should be an array of objects, found %s"),
                                    _gloss_json_describe_node (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_span (reader, entries, text, json_array_get_element (array, i), i + 1, error))
      return FALSE;

  return TRUE;
}

/* meta `id`, a string or a whole number, or %NULL for none. */
static char *
take_meta_id (JsonObject *meta)
{
  char *id = NULL;

  if (!gloss_jsonl_id_from_node (json_object_get_member (meta, "id"), &id) || id == NULL)
    return NULL;

  json_object_remove_member (meta, "id");

  return id;
}

static void
warn_answer (GlossJsonlReader *reader,
             JsonObject       *meta)
{
  JsonNode *node = json_object_get_member (meta, "answer");
  const char *answer;

  if (!gloss_jsonl_holds_string (node))
    return;

  answer = json_node_get_string (node);
  if (g_str_equal (answer, "reject") || g_str_equal (answer, "ignore"))
    gloss_jsonl_reader_warn (reader,
                             _("the answer is “%s”; its spans are imported all the same (the answer stays in the document’s meta)"),
                             answer);
}

static gboolean
import_object (GlossJsonlReader  *reader,
               JsonObject        *object,
               GError           **error)
{
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GArray) entries = gloss_jsonl_entries_new ();
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *id = NULL;
  const char *text;

  if (!(text = gloss_jsonl_reader_read_text (reader, object, error)) ||
      !(meta = gloss_jsonl_reader_collect_meta (reader, object, error)) ||
      !gloss_jsonl_reader_take_offset_unit (reader, meta, text, error) ||
      !read_spans (reader, object, text, entries, error))
    return FALSE;

  id = take_meta_id (meta);
  document = gloss_jsonl_reader_new_document (reader, id, text, meta);
  if (!gloss_jsonl_reader_add_spans (reader, document, entries, error))
    return FALSE;

  warn_answer (reader, meta);

  return gloss_jsonl_reader_add_document (reader, document, error);
}

static const GlossJsonlFormat spacy_format = {
  known_members,
  quiet_members,
  describe_unknown_member,
  import_object,
};

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
  return _gloss_jsonl_import (ctx, file, &spacy_format, cancellable, error);
}
