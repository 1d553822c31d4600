/* gloss-format-jsonl.c: what the doccano and spaCy formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-jsonl"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-format-jsonl.h"
#include "gloss-format-private.h"
#include "gloss-limits.h"

struct _GlossJsonlReader
{
  GlossImportContext     *ctx;
  GFile                  *file;
  const GlossJsonlFormat *format;
  JsonParser             *parser;
  char                   *stem;
  char                   *place;     /* "FILE:LINE" of the line being read */
  guint                   line;
  GHashTable             *warned;    /* what is reported once a file */
  GlossOffsetUnit         unit;      /* of the line being read */
  GlossOffsetMap         *map;       /* likewise */
};

/* Helpers */

static void
entry_clear (gpointer data)
{
  GlossJsonlEntry *entry = data;

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
  const GlossJsonlEntry *x = a;
  const GlossJsonlEntry *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  return strcmp (x->label, y->label);
}

static gboolean
holds_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
find_boundary (GlossJsonlReader *reader,
               gint64            offset,
               int               step,
               gint64           *found)
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
 * point. @what names the span (“label entry 2”, “span 2”), @which the
 * offset. */
static gboolean
read_offset (GlossJsonlReader  *reader,
             const char        *what,
             const char        *which,
             JsonNode          *node,
             gint64            *raw,
             guint             *codepoint,
             GError           **error)
{
  guint length = gloss_offset_map_get_length (reader->map);
  const char *unit = gloss_offset_unit_to_string (reader->unit);
  gint64 before = 0;
  gint64 after = 0;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    /* Translators: “%s: the %s” is “label entry 2: the start” */
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                                    _("%s: the %s should be a whole number, found %g"), what, which,
                                    json_node_get_double (node));

  if (!holds_integer (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s: the %s should be a whole number, found %s"),
                                    what, which, _gloss_json_describe_node (node));

  *raw = json_node_get_int (node);
  if (*raw < 0)
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                                    _("%s: the %s %lld is negative"), what, which, (long long)*raw);

  if (*raw > length)
    /* Translators: the last %s is the unit: “codepoint”, “utf16” or “byte” */
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                                    _("%s: the %s %lld is past the end of the text, which is %u long in %s offsets; were the offsets counted in another unit? (see --offsets)"),
                                    what, which, (long long)*raw, length, unit);

  if (gloss_offset_map_from_unit (reader->map, *raw, codepoint))
    return TRUE;

  find_boundary (reader, *raw, -1, &before);
  find_boundary (reader, *raw, 1, &after);

  return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                                  _("%s: the %s %lld falls inside a character in %s offsets (between %lld and %lld); were the offsets counted in another unit? (see --offsets)"),
                                  what, which, (long long)*raw, unit, (long long)before, (long long)after);
}

static void
drop_duplicates (GlossJsonlReader *reader,
                 GArray           *entries)
{
  guint kept = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      GlossJsonlEntry *entry = &g_array_index (entries, GlossJsonlEntry, i);

      if (kept > 0 && entry_compare (&g_array_index (entries, GlossJsonlEntry, kept - 1), entry) == 0)
        {
          gloss_jsonl_reader_warn (reader, _("the span %s is there twice; the second one is left out"),
                                   entry->key);
          entry_clear (entry);
          continue;
        }

      if (kept != i)
        g_array_index (entries, GlossJsonlEntry, kept) = *entry;
      kept++;
    }

  /* The tail holds moved or cleared entries: drop them without clearing. */
  g_array_set_clear_func (entries, NULL);
  g_array_set_size (entries, kept);
  g_array_set_clear_func (entries, entry_clear);
}

static void
warn_split_cluster (GlossJsonlReader *reader,
                    GlossDocument    *document,
                    GlossJsonlEntry  *entry)
{
  if (gloss_document_is_cluster_boundary (document, entry->start) &&
      gloss_document_is_cluster_boundary (document, entry->end))
    return;

  gloss_jsonl_reader_warn (reader,
                           _("the span %s splits a character cluster (a letter and its marks, or an emoji sequence)"),
                           entry->key);
}

static gboolean
add_entry_span (GlossJsonlReader  *reader,
                GlossDocument     *document,
                GlossJsonlEntry   *entry,
                const char        *id,
                GError           **error)
{
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) local_error = NULL;

  span = gloss_span_new_full (id, entry->start, entry->end, entry->label,
                              entry->note, entry->annotator, entry->created);
  if (!gloss_document_add_span (document, span, &local_error))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE, "%s", local_error->message);

  warn_split_cluster (reader, document, entry);

  return TRUE;
}

static char *
take_meta_string (JsonObject *meta,
                  const char *name)
{
  JsonNode *node = json_object_get_member (meta, name);
  char *value;

  if (!gloss_jsonl_holds_string (node))
    return NULL;

  value = g_strdup (json_node_get_string (node));
  json_object_remove_member (meta, name);

  return value;
}

static char *
choose_document_id (GlossJsonlReader *reader,
                    const char       *wanted)
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
  gloss_jsonl_reader_warn (reader, _("the document id “%s” is taken; the document is now “%s”"), wanted, id);

  return id;
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
fail_parse (GlossJsonlReader  *reader,
            const GError      *parse_error,
            GError           **error)
{
  const char *message = parse_error->message;

  if (parse_error->domain == GLOSS_FORMAT_ERROR)
    return gloss_jsonl_reader_fail (reader, error,
                                    parse_error->code == GLOSS_FORMAT_ERROR_INVALID_UTF8
                                      ? GLOSS_IMPORT_ERROR_INVALID_UTF8
                                      : GLOSS_IMPORT_ERROR_PARSE,
                                    "%s", message);

  /* json-glib places the problem as “<data>:1:COLUMN: …”. */
  if (g_str_has_prefix (message, "<data>:1:"))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("the line is not valid JSON (column %s)"), message + strlen ("<data>:1:"));

  return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                  _("the line is not valid JSON (%s)"), message);
}

static gboolean
import_line (GlossJsonlReader  *reader,
             const char        *line,
             gsize              length,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_free (reader->place);
  reader->place = gloss_import_describe_place (reader->file, reader->line);
  g_clear_pointer (&reader->map, gloss_offset_map_free);

  if (length > 0 && line[length - 1] == '\r')
    length--;
  if (reader->line == 1 && length >= 3 && memcmp (line, "\xef\xbb\xbf", 3) == 0)
    {
      line += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (line, length, NULL))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_UTF8,
                                    _("the line is not valid UTF-8"));

  if (is_blank (line, length))
    return TRUE;

  if (!(root = _gloss_json_parse_checked (reader->parser, line, length, &local_error)))
    return fail_parse (reader, local_error, error);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("expected a JSON object (one document), found %s"),
                                    _gloss_json_describe_node (root));

  return reader->format->import_object (reader, json_node_get_object (root), error);
}

static gboolean
read_lines (GlossJsonlReader  *reader,
            GCancellable      *cancellable,
            GError           **error)
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

/* Appends `"NAME": "VALUE"` to an object, after a comma unless it is the
 * @first member; nothing when @value is %NULL or empty. */
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
  _gloss_string_append (out, ": ");
  gloss_json_append_string (out, value);
  *first = FALSE;
}

/* Whether the export writes @name into `meta` itself for @document. */
static gboolean
writes_member (GlossDocument *document,
               const char    *id,
               const char    *also_written,
               const char    *name)
{
  if (g_str_equal (name, "title"))
    return gloss_document_get_title (document)[0] != '\0';
  if (g_str_equal (name, "source"))
    return gloss_document_get_source (document)[0] != '\0';
  if (g_str_equal (name, "lang"))
    return gloss_document_get_lang (document)[0] != '\0';

  return g_str_equal (name, "offset_unit") ||
         (id != NULL && g_str_equal (name, "id")) ||
         g_strcmp0 (name, also_written) == 0;
}

/* Public API */

/**
 * _gloss_jsonl_import:
 *
 * Imports a JSONL file for @format: each non-blank line one document,
 * handed to @format's import_object as an object, once json-glib and the
 * native loader's checks (see _gloss_json_parse_checked()) accept it.
 * Errors are "FILE:LINE: message".
 */
gboolean
_gloss_jsonl_import (GlossImportContext      *ctx,
                     GFile                   *file,
                     const GlossJsonlFormat  *format,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *stem = file_stem (file);
  GlossJsonlReader reader = {
    .ctx = ctx,
    .file = file,
    .format = format,
    .parser = parser,
    .stem = stem,
    .warned = warned,
    .unit = GLOSS_OFFSET_CODEPOINT,
  };
  gboolean ok;

  if (!gloss_limits_check_file (file, cancellable, error))
    return FALSE;

  ok = read_lines (&reader, cancellable, error);
  g_free (reader.place);
  g_clear_pointer (&reader.map, gloss_offset_map_free);

  return ok;
}

/* An array of #GlossJsonlEntry that frees what its entries hold. */
GArray *
gloss_jsonl_entries_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (GlossJsonlEntry));

  g_array_set_clear_func (entries, entry_clear);

  return entries;
}

gboolean
gloss_jsonl_holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* @node as an id: a whole number, or a string (%NULL when it is empty).
 * %FALSE when @node is neither. */
gboolean
gloss_jsonl_id_from_node (JsonNode  *node,
                          char     **id)
{
  *id = NULL;

  if (holds_integer (node))
    *id = g_strdup_printf ("%lld", (long long)json_node_get_int (node));
  else if (gloss_jsonl_holds_string (node))
    *id = json_node_get_string (node)[0] != '\0' ? g_strdup (json_node_get_string (node)) : NULL;
  else
    return FALSE;

  return TRUE;
}

/* Sets @error to "FILE:LINE: message"; returns %FALSE. */
gboolean
gloss_jsonl_reader_fail (GlossJsonlReader  *reader,
                         GError           **error,
                         int                code,
                         const char        *format,
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

/* Records a warning at the line being read. */
void
gloss_jsonl_reader_warn (GlossJsonlReader *reader,
                         const char       *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  gloss_import_context_warn (reader->ctx, reader->place, "%s", message);
}

/* Records a warning once a file for each @key. */
void
gloss_jsonl_reader_warn_once (GlossJsonlReader *reader,
                              const char       *key,
                              const char       *message)
{
  if (!g_hash_table_add (reader->warned, g_strdup (key)))
    return;

  gloss_import_context_warn (reader->ctx, reader->place, "%s", message);
}

const char *
gloss_jsonl_reader_read_text (GlossJsonlReader  *reader,
                              JsonObject        *object,
                              GError           **error)
{
  JsonNode *node = json_object_get_member (object, "text");

  if (node == NULL)
    gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                             _("“text” is missing; every line needs the document text as a string"));
  else if (!gloss_jsonl_holds_string (node))
    gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                             _("“text” should be a string, found %s"), _gloss_json_describe_node (node));
  else
    return json_node_get_string (node);

  return NULL;
}

/* A copy of `meta`, with the top-level members the format does not read
 * added. */
JsonObject *
gloss_jsonl_reader_collect_meta (GlossJsonlReader  *reader,
                                 JsonObject        *object,
                                 GError           **error)
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
          gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                   _("“meta” should be an object, found %s"), _gloss_json_describe_node (given));
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

      if (g_strv_contains (reader->format->known_members, name))
        continue;

      if (json_object_has_member (meta, name))
        message = g_strdup_printf (_("the member “%s” is left out: “meta” has one of that name too"), name);
      else
        {
          json_object_set_member (meta, name, json_node_copy (node));
          if (!g_strv_contains (reader->format->quiet_members, name))
            message = reader->format->describe_unknown_member (name);
        }

      if (message != NULL)
        {
          g_autofree char *key = g_strconcat ("member:", name, NULL);

          gloss_jsonl_reader_warn_once (reader, key, message);
        }
    }

  return g_steal_pointer (&meta);
}

/* Takes `offset_unit` out of @meta and sets the unit of the line, @text,
 * for the offsets read next: the unit the import was told, when it was
 * told one (said once a file when the line declares another), else the
 * one the line declares, else the default. */
gboolean
gloss_jsonl_reader_take_offset_unit (GlossJsonlReader  *reader,
                                     JsonObject        *meta,
                                     const char        *text,
                                     GError           **error)
{
  const GlossImportOptions *options = gloss_import_context_get_options (reader->ctx);
  JsonNode *node = json_object_get_member (meta, "offset_unit");
  GlossOffsetUnit declared;

  reader->unit = options->offset_unit;

  if (node != NULL)
    {
      g_autofree char *message = NULL;

      if (!gloss_jsonl_holds_string (node) ||
          !gloss_offset_unit_from_string (json_node_get_string (node), &declared))
        return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                        _("meta “offset_unit” should be “codepoint”, “utf16” or “byte”"));

      json_object_remove_member (meta, "offset_unit");

      if (!options->offset_unit_given)
        reader->unit = declared;
      else if (declared != options->offset_unit)
        {
          /* Translators: both %s are offset units: “codepoint”, “utf16” or “byte” */
          message = g_strdup_printf (_("the lines declare their offsets in %s (meta “offset_unit”), but the import was told %s (--offsets); they are read in %s"),
                                     gloss_offset_unit_to_string (declared),
                                     gloss_offset_unit_to_string (options->offset_unit),
                                     gloss_offset_unit_to_string (options->offset_unit));
          gloss_jsonl_reader_warn_once (reader, "offset_unit", message);
        }
    }

  g_clear_pointer (&reader->map, gloss_offset_map_free);
  reader->map = gloss_offset_map_new (text, strlen (text), reader->unit);

  return TRUE;
}

/* Reads a span's offsets and label into a new entry of @entries. @what
 * names the span in messages. Returns the entry, or %NULL. */
GlossJsonlEntry *
gloss_jsonl_reader_add_entry (GlossJsonlReader  *reader,
                              GArray            *entries,
                              const char        *what,
                              JsonNode          *start_node,
                              JsonNode          *end_node,
                              JsonNode          *label_node,
                              GError           **error)
{
  GlossJsonlEntry entry = { 0, };
  const char *name;
  gint64 start;
  gint64 end;

  g_assert (reader->map != NULL);

  if (!read_offset (reader, what, C_("offset", "start"), start_node, &start, &entry.start, error) ||
      !read_offset (reader, what, C_("offset", "end"), end_node, &end, &entry.end, error))
    return NULL;

  if (start > end)
    {
      gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                               _("%s starts at %lld, after its end %lld"), what, (long long)start, (long long)end);
      return NULL;
    }
  if (start == end)
    {
      gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_INVALID_OFFSETS,
                               _("%s is empty (start and end are both %lld)"), what, (long long)start);
      return NULL;
    }

  if (!gloss_jsonl_holds_string (label_node) || json_node_get_string (label_node)[0] == '\0')
    {
      gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                               _("%s: the label should be a non-empty string, found %s"), what,
                               gloss_jsonl_holds_string (label_node) ? _("an empty string")
                                                                     : _gloss_json_describe_node (label_node));
      return NULL;
    }

  name = json_node_get_string (label_node);
  entry.label = gloss_import_context_ensure_label (reader->ctx, name, reader->place);
  entry.key = g_strdup_printf ("%lld:%lld:%s", (long long)start, (long long)end, name);
  g_array_append_val (entries, entry);

  return &g_array_index (entries, GlossJsonlEntry, entries->len - 1);
}

/* A document of @text, with the id the line asks for (@wanted_id, when
 * the corpus does not have it yet) or one made of the file name and line;
 * its title, source and language taken out of @meta, the rest its meta. */
GlossDocument *
gloss_jsonl_reader_new_document (GlossJsonlReader *reader,
                                 const char       *wanted_id,
                                 const char       *text,
                                 JsonObject       *meta)
{
  g_autofree char *id = choose_document_id (reader, wanted_id);
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

/* Adds the spans in sorted order, the same span twice once. A span
 * without an id of its own gets `s` and its position from 1, as the
 * export expects, unless another span has taken that id. */
gboolean
gloss_jsonl_reader_add_spans (GlossJsonlReader  *reader,
                              GlossDocument     *document,
                              GArray            *entries,
                              GError           **error)
{
  g_array_sort (entries, entry_compare);
  drop_duplicates (reader, entries);

  for (guint i = 0; i < entries->len; i++)
    {
      GlossJsonlEntry *entry = &g_array_index (entries, GlossJsonlEntry, i);

      if (entry->id != NULL && !add_entry_span (reader, document, entry, entry->id, error))
        return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GlossJsonlEntry *entry = &g_array_index (entries, GlossJsonlEntry, i);
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

gboolean
gloss_jsonl_reader_add_document (GlossJsonlReader  *reader,
                                 GlossDocument     *document,
                                 GError           **error)
{
  return gloss_import_context_add_document (reader->ctx, document, error);
}

/* Export */

/* Whether @span has the id the import gives a span without one: `s` and
 * its @position from 1. */
gboolean
gloss_jsonl_span_has_default_id (GlossSpan *span,
                                 guint      position)
{
  const char *id = gloss_span_get_id (span);
  char *end;

  /* Whether @id is "s%u" of @position + 1, read rather than printed:
   * this runs twice for every span of a doccano or spaCy export. */
  if (id == NULL || id[0] != 's' || id[1] < '1' || id[1] > '9')
    return FALSE;

  return g_ascii_strtoull (id + 1, &end, 10) == (guint64)position + 1 && *end == '\0';
}

/* What of @span has no place in a line of its own: its id (unless it is
 * the default one at @position), note, annotator and date. */
void
gloss_jsonl_append_span_members (GString   *out,
                                 gboolean  *first,
                                 GlossSpan *span,
                                 guint      position)
{
  if (!gloss_jsonl_span_has_default_id (span, position))
    append_string_member (out, first, "id", gloss_span_get_id (span));
  append_string_member (out, first, "note", gloss_span_get_note (span));
  append_string_member (out, first, "annotator", gloss_span_get_annotator (span));
  append_string_member (out, first, "created", gloss_span_get_created (span));
}

/* Appends `"meta": {` and the members of @document's own meta (spaced as
 * Python's json.dumps() spaces them), then @id unless it is %NULL, the
 * document's title, source and language, and the offset unit. A member of
 * the document's meta named like one written here, or like @also_written
 * (which the caller appends next), is left out and reported. Leaves the
 * object open. @format_name names the export in the report. */
void
gloss_jsonl_append_meta (GString       *out,
                         GlossExporter *exporter,
                         const char    *format_name,
                         GlossDocument *document,
                         const char    *id,
                         const char    *also_written)
{
  GlossOffsetUnit unit = gloss_exporter_get_offset_unit (exporter);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean first = TRUE;

  _gloss_string_append (out, "\"meta\": {");

  json_object_iter_init_ordered (&iter, gloss_document_get_meta (document));
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (writes_member (document, id, also_written, name))
        {
          gloss_exporter_report (exporter, document, NULL,
                                 /* Translators: the first and last %s are a member name such as
                                  * “title”, the middle one the format: “doccano” or “spaCy” */
                                 _("the meta member “%s” is left out: the %s export writes the document’s own “%s” there"),
                                 name, format_name, name);
          continue;
        }

      g_string_append (out, first ? "" : ", ");
      gloss_json_append_string (out, name);
      _gloss_string_append (out, ": ");
      _gloss_format_append_json_node (out, node);
      first = FALSE;
    }

  append_string_member (out, &first, "id", id);
  append_string_member (out, &first, "title", gloss_document_get_title (document));
  append_string_member (out, &first, "source", gloss_document_get_source (document));
  append_string_member (out, &first, "lang", gloss_document_get_lang (document));
  append_string_member (out, &first, "offset_unit", gloss_offset_unit_to_string (unit));
}
