/* gloss-format-doccano.c: doccano JSONL, export and import
 *
 * One document a line. The export writes doccano's `label` variant,
 *
 *   {"id": ID, "text": TEXT, "label": [[START, END, "LABEL"], …], "meta": {…}}
 *
 * and keeps in `meta` what doccano has no place for: the title, source and
 * language, the offset unit, and per span its note, annotator, date and
 * (when it is not the default one) id, as `gloss_spans` keyed by
 * "START:END:LABEL". The import reads that back, and doccano's
 * `entities`/`relations` variant too. docs/formats.md describes
 * both for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-doccano"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-export-formats.h"
#include "gloss-format-jsonl.h"
#include "gloss-format-private.h"

struct _GlossDoccanoExporter
{
  GlossExporter  parent_instance;

  GString       *buffer;
};

G_DEFINE_FINAL_TYPE (GlossDoccanoExporter, gloss_doccano_exporter, GLOSS_TYPE_EXPORTER)

/* Top-level members doccano itself writes that Gloss keeps in `meta`
 * without comment. */
static const char * const quiet_members[] = { "Comments", "comments", NULL };

static const char * const known_members[] = {
  "id", "text", "label", "labels", "entities", "relations", "meta", NULL
};

/* Export */

static gboolean
span_has_extras (GlossSpan *span,
                 guint      position)
{
  return gloss_span_get_note (span)[0] != '\0' ||
         gloss_span_get_annotator (span)[0] != '\0' ||
         gloss_span_get_created (span)[0] != '\0' ||
         !gloss_jsonl_span_has_default_id (span, position);
}

static gboolean
document_has_span_extras (GlossDocument *document)
{
  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    if (span_has_extras (gloss_document_get_span (document, i), i))
      return TRUE;

  return FALSE;
}

static void
append_span_extras (GString        *out,
                    GlossDocument  *document,
                    GlossOffsetMap *map)
{
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean first = TRUE;

  _gloss_string_append (out, ", \"gloss_spans\": {");
  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);
      gboolean first_member = TRUE;

      if (!span_has_extras (span, i))
        continue;

      /* START:END:LABEL */
      g_string_truncate (key, 0);
      _gloss_format_append_uint (key, gloss_offset_map_to_unit (map, gloss_span_get_start (span)));
      g_string_append_c (key, ':');
      _gloss_format_append_uint (key, gloss_offset_map_to_unit (map, gloss_span_get_end (span)));
      g_string_append_c (key, ':');
      g_string_append (key, gloss_span_get_label (span));
      g_string_append (out, first ? "" : ", ");
      gloss_json_append_string (out, key->str);
      _gloss_string_append (out, ": {");
      gloss_jsonl_append_span_members (out, &first_member, span, i);
      g_string_append_c (out, '}');
      first = FALSE;
    }
  g_string_append_c (out, '}');
}

static void
append_meta (GlossDoccanoExporter *self,
             GlossDocument        *document,
             GlossOffsetMap       *map)
{
  gboolean has_extras = document_has_span_extras (document);

  gloss_jsonl_append_meta (self->buffer, GLOSS_EXPORTER (self), "doccano", document,
                           NULL, has_extras ? "gloss_spans" : NULL);
  if (has_extras)
    append_span_extras (self->buffer, document, map);
  g_string_append_c (self->buffer, '}');
}

static gboolean
gloss_doccano_exporter_write_document (GlossExporter  *exporter,
                                       GlossCorpus    *corpus,
                                       GlossDocument  *document,
                                       GOutputStream  *out,
                                       GCancellable   *cancellable,
                                       GError        **error)
{
  GlossDoccanoExporter *self = GLOSS_DOCCANO_EXPORTER (exporter);
  g_autoptr(GlossOffsetMap) map = NULL;
  GString *buffer = self->buffer;

  map = gloss_offset_map_new (gloss_document_get_text (document),
                              gloss_document_get_text_bytes (document),
                              gloss_exporter_get_offset_unit (exporter));

  _gloss_string_append (buffer, "{\"id\": ");
  gloss_json_append_string (buffer, gloss_document_get_id (document));
  _gloss_string_append (buffer, ", \"text\": ");
  gloss_json_append_string (buffer, gloss_document_get_text (document));
  _gloss_string_append (buffer, ", \"label\": [");
  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);

      g_string_append (buffer, i > 0 ? ", [" : "[");
      _gloss_format_append_uint (buffer, gloss_offset_map_to_unit (map, gloss_span_get_start (span)));
      _gloss_string_append (buffer, ", ");
      _gloss_format_append_uint (buffer, gloss_offset_map_to_unit (map, gloss_span_get_end (span)));
      _gloss_string_append (buffer, ", ");
      gloss_json_append_string (buffer, gloss_span_get_label (span));
      g_string_append_c (buffer, ']');
    }
  _gloss_string_append (buffer, "], ");
  append_meta (self, document, map);
  _gloss_string_append (buffer, "}\n");

  return gloss_exporter_write (out, buffer, cancellable, error);
}

static void
gloss_doccano_exporter_finalize (GObject *object)
{
  GlossDoccanoExporter *self = (GlossDoccanoExporter *)object;

  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (gloss_doccano_exporter_parent_class)->finalize (object);
}

static void
gloss_doccano_exporter_class_init (GlossDoccanoExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossExporterClass *exporter_class = GLOSS_EXPORTER_CLASS (klass);

  object_class->finalize = gloss_doccano_exporter_finalize;

  exporter_class->write_document = gloss_doccano_exporter_write_document;
  exporter_class->supports_offsets = TRUE;
}

static void
gloss_doccano_exporter_init (GlossDoccanoExporter *self)
{
  self->buffer = g_string_sized_new (1 << 14);
}

/* Import */

static char *
describe_unknown_member (const char *name)
{
  return g_strdup_printf (_("the member “%s” is not doccano’s; it is kept in the document’s meta"), name);
}

static gboolean
read_label_entry (GlossJsonlReader  *reader,
                  GArray            *entries,
                  JsonNode          *node,
                  guint              n,
                  GError           **error)
{
  /* Translators: names a span of a doccano line: “label entry 2” */
  g_autofree char *what = g_strdup_printf (_("label entry %u"), n);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s should be [start, end, \"label\"], found %s"),
                                    what, _gloss_json_describe_node (node));

  array = json_node_get_array (node);
  if (json_array_get_length (array) != 3)
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    ngettext ("%s should be [start, end, \"label\"], found an array of %u item",
                                              "%s should be [start, end, \"label\"], found an array of %u items",
                                              json_array_get_length (array)),
                                    what, json_array_get_length (array));

  return gloss_jsonl_reader_add_entry (reader, entries, what,
                                       json_array_get_element (array, 0),
                                       json_array_get_element (array, 1),
                                       json_array_get_element (array, 2), error) != NULL;
}

static gboolean
read_labels (GlossJsonlReader  *reader,
             GArray            *entries,
             const char        *member,
             JsonNode          *node,
             GError           **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("“%s” should be an array of [start, end, \"label\"] entries, found %s"),
                                    member, _gloss_json_describe_node (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_label_entry (reader, entries, json_array_get_element (array, i), i + 1, error))
      return FALSE;

  return TRUE;
}

static gboolean
read_entity (GlossJsonlReader  *reader,
             GArray            *entries,
             JsonNode          *node,
             guint              n,
             GError           **error)
{
  /* Translators: names a span of a doccano line: “entity 2” */
  g_autofree char *what = g_strdup_printf (_("entity %u"), n);
  GlossJsonlEntry *entry;
  JsonObject *object;
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s should be an object with “start_offset”, “end_offset” and “label”, found %s"),
                                    what, _gloss_json_describe_node (node));

  object = json_node_get_object (node);
  if (!(entry = gloss_jsonl_reader_add_entry (reader, entries, what,
                                              json_object_get_member (object, "start_offset"),
                                              json_object_get_member (object, "end_offset"),
                                              json_object_get_member (object, "label"), error)))
    return FALSE;

  id = json_object_get_member (object, "id");
  if (id == NULL || JSON_NODE_HOLDS_NULL (id))
    return TRUE;

  if (!gloss_jsonl_id_from_node (id, &entry->id) || entry->id == NULL)
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("%s: the id should be a whole number or a string, found %s"),
                                    what, _gloss_json_describe_node (id));

  return TRUE;
}

static gboolean
read_entities (GlossJsonlReader  *reader,
               GArray            *entries,
               JsonNode          *node,
               GError           **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("“entities” should be an array of objects, found %s"),
                                    _gloss_json_describe_node (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_entity (reader, entries, json_array_get_element (array, i), i + 1, error))
      return FALSE;

  return TRUE;
}

static gboolean
read_spans (GlossJsonlReader  *reader,
            JsonObject        *object,
            GArray            *entries,
            GError           **error)
{
  JsonNode *label = json_object_get_member (object, "label");
  JsonNode *labels = json_object_get_member (object, "labels");
  JsonNode *entities = json_object_get_member (object, "entities");
  guint n_given = (label != NULL) + (labels != NULL) + (entities != NULL);

  if (n_given > 1)
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("the line has more than one of “label”, “labels” and “entities”; expected one"));

  if (label != NULL)
    return read_labels (reader, entries, "label", label, error);
  if (labels != NULL)
    return read_labels (reader, entries, "labels", labels, error);
  if (entities != NULL)
    return read_entities (reader, entries, entities, error);

  return TRUE;
}

static gboolean
set_extra_string (GlossJsonlReader  *reader,
                  const char        *key,
                  const char        *name,
                  JsonNode          *node,
                  char             **field,
                  GError           **error)
{
  if (!gloss_jsonl_holds_string (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("meta “gloss_spans” “%s”: “%s” should be a string, found %s"),
                                    key, name, _gloss_json_describe_node (node));

  g_free (*field);
  *field = json_node_get_string (node)[0] != '\0' ? g_strdup (json_node_get_string (node)) : NULL;

  return TRUE;
}

static gboolean
read_extra (GlossJsonlReader  *reader,
            const char        *key,
            JsonNode          *node,
            GlossJsonlEntry   *entry,
            GError           **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("meta “gloss_spans” “%s” should be an object, found %s"),
                                    key, _gloss_json_describe_node (node));

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (ok && json_object_iter_next_ordered (&iter, &name, &value))
    {
      if (g_str_equal (name, "id"))
        ok = set_extra_string (reader, key, name, value, &entry->id, error);
      else if (g_str_equal (name, "note"))
        ok = set_extra_string (reader, key, name, value, &entry->note, error);
      else if (g_str_equal (name, "annotator"))
        ok = set_extra_string (reader, key, name, value, &entry->annotator, error);
      else if (g_str_equal (name, "created"))
        ok = set_extra_string (reader, key, name, value, &entry->created, error);
      else
        {
          g_autofree char *warned = g_strdup_printf ("gloss_spans.%s", name);
          g_autofree char *message = g_strdup_printf (_("meta “gloss_spans” entries have a member “%s” Gloss does not know; it is left out"), name);

          gloss_jsonl_reader_warn_once (reader, warned, message);
        }
    }

  return ok;
}

/* Takes `gloss_spans` out of @meta into the entries it names, keeping in
 * @meta the entries that name no span of the line. */
static gboolean
take_span_extras (GlossJsonlReader  *reader,
                  JsonObject        *meta,
                  GArray            *entries,
                  GError           **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(JsonObject) unmatched = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  guint n_unmatched;

  if (!json_object_has_member (meta, "gloss_spans"))
    return TRUE;

  node = json_node_ref (json_object_get_member (meta, "gloss_spans"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("meta “gloss_spans” should be an object, found %s"),
                                    _gloss_json_describe_node (node));

  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      GlossJsonlEntry *entry = &g_array_index (entries, GlossJsonlEntry, i);

      g_hash_table_insert (by_key, entry->key, entry);
    }

  unmatched = json_object_new ();
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      GlossJsonlEntry *entry = g_hash_table_lookup (by_key, key);

      if (entry == NULL)
        json_object_set_member (unmatched, key, json_node_copy (value));
      else if (!read_extra (reader, key, value, entry, error))
        return FALSE;
    }

  json_object_remove_member (meta, "gloss_spans");
  if ((n_unmatched = json_object_get_size (unmatched)) > 0)
    {
      gloss_jsonl_reader_warn (reader,
                               g_dngettext (GETTEXT_PACKAGE, "meta “gloss_spans” describes %u span the line does not have; it is kept in the document’s meta",
                                         "meta “gloss_spans” describes %u spans the line does not have; they are kept in the document’s meta",
                                         n_unmatched),
                               n_unmatched);
      json_object_set_object_member (meta, "gloss_spans", g_steal_pointer (&unmatched));
    }

  return TRUE;
}

static gboolean
take_relations (GlossJsonlReader  *reader,
                JsonObject        *object,
                JsonObject        *meta,
                GError           **error)
{
  JsonNode *node = json_object_get_member (object, "relations");
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("“relations” should be an array, found %s"),
                                    _gloss_json_describe_node (node));

  if ((n = json_array_get_length (json_node_get_array (node))) == 0)
    return TRUE;

  if (json_object_has_member (meta, "relations"))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("the line has “relations” both in “meta” and outside it; expected one"));

  json_object_set_member (meta, "relations", json_node_copy (node));
  gloss_jsonl_reader_warn (reader,
                           g_dngettext (GETTEXT_PACKAGE, "%u relation is kept in the document’s meta “relations”; Gloss does not show or edit relations (spans keep the entity ids they link)",
                                     "%u relations are kept in the document’s meta “relations”; Gloss does not show or edit relations (spans keep the entity ids they link)",
                                     n), n);

  return TRUE;
}

/* The id the line asks for, or %NULL for none. */
static gboolean
read_document_id (GlossJsonlReader  *reader,
                  JsonObject        *object,
                  char             **id,
                  GError           **error)
{
  JsonNode *node = json_object_get_member (object, "id");

  *id = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!gloss_jsonl_id_from_node (node, id))
    return gloss_jsonl_reader_fail (reader, error, GLOSS_IMPORT_ERROR_PARSE,
                                    _("“id” should be a string or a whole number, found %s"),
                                    _gloss_json_describe_node (node));

  return TRUE;
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
      !take_relations (reader, object, meta, error) ||
      !gloss_jsonl_reader_take_offset_unit (reader, meta, text, error) ||
      !read_spans (reader, object, entries, error) ||
      !take_span_extras (reader, meta, entries, error) ||
      !read_document_id (reader, object, &id, error))
    return FALSE;

  document = gloss_jsonl_reader_new_document (reader, id, text, meta);

  return gloss_jsonl_reader_add_spans (reader, document, entries, error) &&
         gloss_jsonl_reader_add_document (reader, document, error);
}

static const GlossJsonlFormat doccano_format = {
  known_members,
  quiet_members,
  describe_unknown_member,
  import_object,
};

/**
 * _gloss_import_doccano:
 *
 * Imports a doccano JSONL file: each non-blank line one document, in the
 * `label` (or `labels`) variant or the `entities`/`relations` one.
 */
gboolean
_gloss_import_doccano (GlossImportContext  *ctx,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GError             **error)
{
  return _gloss_jsonl_import (ctx, file, &doccano_format, cancellable, error);
}
