/* gloss-format-webanno.c: W3C Web Annotation export
 *
 * Each span becomes an Annotation of the W3C Web Annotation Data Model: its
 * label a TextualBody with purpose "tagging", its note a second one with
 * purpose "commenting", and its place a TextPositionSelector and a
 * TextQuoteSelector (with up to 32 code points of prefix and suffix, cut at
 * grapheme cluster boundaries). The annotations go out either as one
 * JSON-LD AnnotationCollection, streamed document by document, or as JSONL,
 * one Annotation a line. docs/formats.md describes the shape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-webanno"

#include "config.h"

#include <string.h>

#include "gloss-export-formats.h"

#define CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define CONTEXT_LENGTH 32 /* code points of prefix and suffix, at most */
#define FLUSH_SIZE (1 << 16)

struct _GlossWebannoExporter
{
  GlossExporter  parent_instance;

  GString       *buffer;
  guint          jsonl : 1;          /* the property */
  guint          target_is_jsonl : 1; /* while export_file writes a .jsonl */
  guint          writing_jsonl : 1;   /* what this export writes */
  guint          n_written;
};

G_DEFINE_FINAL_TYPE (GlossWebannoExporter, gloss_webanno_exporter, GLOSS_TYPE_EXPORTER)

enum {
  PROP_0,
  PROP_JSONL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Escapes everything but the unreserved characters of RFC 3986, so that
 * any id (with spaces, colons or non-ASCII letters) fits in a URN and the
 * colons between the parts stay unambiguous. */
static void
append_urn_part (GString    *out,
                 const char *part)
{
  g_autofree char *escaped = g_uri_escape_string (part, NULL, FALSE);

  g_string_append (out, escaped);
}

static void
append_member_urn (GString    *out,
                   const char *name,
                   const char *kind,
                   const char *first,
                   const char *second)
{
  g_string_append_printf (out, "\"%s\": \"urn:gloss:%s:", name, kind);
  append_urn_part (out, first);
  if (second != NULL)
    {
      g_string_append_c (out, ':');
      append_urn_part (out, second);
    }
  g_string_append_c (out, '"');
}

static void
append_member_string (GString    *out,
                      const char *name,
                      const char *value)
{
  g_string_append_printf (out, "\"%s\": ", name);
  gloss_json_append_string (out, value);
}

/* The span getters give "" for a note, annotator or date a span lacks. */
static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

static void
append_body (GString    *out,
             const char *purpose,
             const char *value)
{
  g_string_append_printf (out, "{\"type\": \"TextualBody\", \"purpose\": \"%s\", ", purpose);
  append_member_string (out, "value", value);
  g_string_append_c (out, '}');
}

/* Where a prefix of at most CONTEXT_LENGTH code points before @start may
 * begin without splitting a grapheme cluster. */
static guint
prefix_start (GlossDocument *document,
              guint          start)
{
  guint from = start > CONTEXT_LENGTH ? start - CONTEXT_LENGTH : 0;

  while (from < start && !gloss_document_is_cluster_boundary (document, from))
    from++;

  return from;
}

static guint
suffix_end (GlossDocument *document,
            guint          end)
{
  guint length = gloss_document_get_length (document);
  guint to = length - end > CONTEXT_LENGTH ? end + CONTEXT_LENGTH : length;

  while (to > end && !gloss_document_is_cluster_boundary (document, to))
    to--;

  return to;
}

static void
append_slice_member (GString       *out,
                     const char    *name,
                     GlossDocument *document,
                     guint          start,
                     guint          end)
{
  g_autofree char *slice = gloss_document_dup_slice (document, start, end);

  append_member_string (out, name, slice);
}

static void
append_selectors (GlossWebannoExporter *self,
                  GString              *out,
                  GlossDocument        *document,
                  GlossSpan            *span,
                  GlossOffsetMap       *map)
{
  GlossOffsetUnit unit = gloss_exporter_get_offset_unit (GLOSS_EXPORTER (self));
  guint start = gloss_span_get_start (span);
  guint end = gloss_span_get_end (span);

  g_string_append_printf (out, "\"selector\": [{\"type\": \"TextPositionSelector\", \"start\": %u, \"end\": %u",
                          gloss_offset_map_to_unit (map, start), gloss_offset_map_to_unit (map, end));
  /* The W3C model counts code points; any other unit is said on the
   * selector itself, so that no annotation can be read with the wrong one. */
  if (unit != GLOSS_OFFSET_CODEPOINT)
    g_string_append_printf (out, ", \"gloss:offsetUnit\": \"%s\"", gloss_offset_unit_to_string (unit));

  g_string_append (out, "}, {\"type\": \"TextQuoteSelector\", ");
  append_slice_member (out, "exact", document, start, end);
  g_string_append (out, ", ");
  append_slice_member (out, "prefix", document, prefix_start (document, start), start);
  g_string_append (out, ", ");
  append_slice_member (out, "suffix", document, end, suffix_end (document, end));
  g_string_append (out, "}]");
}

static void
append_annotation (GlossWebannoExporter *self,
                   GString              *out,
                   GlossDocument        *document,
                   GlossSpan            *span,
                   GlossOffsetMap       *map)
{
  const char *document_id = gloss_document_get_id (document);

  g_string_append_c (out, '{');
  if (self->writing_jsonl)
    g_string_append (out, "\"@context\": \"" CONTEXT "\", ");
  append_member_urn (out, "id", "span", document_id, gloss_span_get_id (span));
  g_string_append (out, ", \"type\": \"Annotation\", \"body\": [");
  append_body (out, "tagging", gloss_span_get_label (span));
  if (is_set (gloss_span_get_note (span)))
    {
      g_string_append (out, ", ");
      append_body (out, "commenting", gloss_span_get_note (span));
    }
  g_string_append (out, "], \"target\": {");
  append_member_urn (out, "source", "doc", document_id, NULL);
  g_string_append (out, ", ");
  append_selectors (self, out, document, span, map);
  g_string_append_c (out, '}');

  if (is_set (gloss_span_get_annotator (span)))
    {
      /* Gloss does not know whether the annotator is a person or a program,
       * so the Agent gets no type. */
      g_string_append (out, ", \"creator\": {");
      append_member_string (out, "nickname", gloss_span_get_annotator (span));
      g_string_append_c (out, '}');
    }
  if (is_set (gloss_span_get_created (span)))
    {
      g_string_append (out, ", ");
      append_member_string (out, "created", gloss_span_get_created (span));
    }
  g_string_append_c (out, '}');
}

static char *
dup_corpus_name (GlossCorpus *corpus)
{
  GFile *file = gloss_corpus_get_file (corpus);

  return file != NULL ? g_file_get_basename (file) : g_strdup ("corpus");
}

static gboolean
gloss_webanno_exporter_begin (GlossExporter  *exporter,
                              GlossCorpus    *corpus,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error)
{
  GlossWebannoExporter *self = GLOSS_WEBANNO_EXPORTER (exporter);
  g_autofree char *name = NULL;

  self->n_written = 0;
  self->writing_jsonl = self->jsonl || self->target_is_jsonl;
  if (self->writing_jsonl)
    return TRUE;

  name = dup_corpus_name (corpus);
  g_string_append (self->buffer, "{\n  \"@context\": \"" CONTEXT "\",\n  ");
  append_member_urn (self->buffer, "id", "corpus", name, NULL);
  g_string_append_printf (self->buffer,
                          ",\n  \"type\": \"AnnotationCollection\",\n"
                          "  \"gloss:offsetUnit\": \"%s\",\n"
                          "  \"total\": %u,\n"
                          "  \"first\": {\n    ",
                          gloss_offset_unit_to_string (gloss_exporter_get_offset_unit (exporter)),
                          gloss_corpus_count_spans (corpus));
  append_member_urn (self->buffer, "id", "corpus", name, "page1");
  g_string_append (self->buffer,
                   ",\n    \"type\": \"AnnotationPage\",\n"
                   "    \"startIndex\": 0,\n"
                   "    \"items\": [");

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static gboolean
gloss_webanno_exporter_write_document (GlossExporter  *exporter,
                                       GlossCorpus    *corpus,
                                       GlossDocument  *document,
                                       GOutputStream  *out,
                                       GCancellable   *cancellable,
                                       GError        **error)
{
  GlossWebannoExporter *self = GLOSS_WEBANNO_EXPORTER (exporter);
  g_autoptr(GlossOffsetMap) map = NULL;
  guint n_spans = gloss_document_get_n_spans (document);

  map = gloss_offset_map_new (gloss_document_get_text (document),
                              gloss_document_get_text_bytes (document),
                              gloss_exporter_get_offset_unit (exporter));

  for (guint i = 0; i < n_spans; i++)
    {
      if (!self->writing_jsonl)
        g_string_append (self->buffer, self->n_written == 0 ? "\n      " : ",\n      ");
      append_annotation (self, self->buffer, document, gloss_document_get_span (document, i), map);
      if (self->writing_jsonl)
        g_string_append_c (self->buffer, '\n');
      self->n_written++;

      if (self->buffer->len >= FLUSH_SIZE &&
          !gloss_exporter_write (out, self->buffer, cancellable, error))
        return FALSE;
    }

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static gboolean
gloss_webanno_exporter_end (GlossExporter  *exporter,
                            GlossCorpus    *corpus,
                            GOutputStream  *out,
                            GCancellable   *cancellable,
                            GError        **error)
{
  GlossWebannoExporter *self = GLOSS_WEBANNO_EXPORTER (exporter);

  if (self->writing_jsonl)
    return TRUE;

  g_string_append (self->buffer, self->n_written > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static gboolean
gloss_webanno_exporter_export_file (GlossExporter  *exporter,
                                    GlossCorpus    *corpus,
                                    GFile          *target,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  GlossWebannoExporter *self = GLOSS_WEBANNO_EXPORTER (exporter);
  g_autofree char *name = g_file_get_basename (target);
  gsize len = name != NULL ? strlen (name) : 0;
  gboolean ok;

  self->target_is_jsonl = len >= 6 && g_ascii_strcasecmp (name + len - 6, ".jsonl") == 0;
  ok = GLOSS_EXPORTER_CLASS (gloss_webanno_exporter_parent_class)->export_file (exporter, corpus, target,
                                                                                cancellable, error);
  self->target_is_jsonl = FALSE;

  return ok;
}

static void
gloss_webanno_exporter_finalize (GObject *object)
{
  GlossWebannoExporter *self = (GlossWebannoExporter *)object;

  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (gloss_webanno_exporter_parent_class)->finalize (object);
}

static void
gloss_webanno_exporter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossWebannoExporter *self = GLOSS_WEBANNO_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_JSONL:
      g_value_set_boolean (value, self->jsonl);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_webanno_exporter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossWebannoExporter *self = GLOSS_WEBANNO_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_JSONL:
      if (self->jsonl != !!g_value_get_boolean (value))
        {
          self->jsonl = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_webanno_exporter_class_init (GlossWebannoExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossExporterClass *exporter_class = GLOSS_EXPORTER_CLASS (klass);

  object_class->finalize = gloss_webanno_exporter_finalize;
  object_class->get_property = gloss_webanno_exporter_get_property;
  object_class->set_property = gloss_webanno_exporter_set_property;

  exporter_class->begin = gloss_webanno_exporter_begin;
  exporter_class->write_document = gloss_webanno_exporter_write_document;
  exporter_class->end = gloss_webanno_exporter_end;
  exporter_class->export_file = gloss_webanno_exporter_export_file;
  exporter_class->supports_offsets = TRUE;

  /**
   * GlossWebannoExporter:jsonl:
   *
   * Whether to write JSONL, one Annotation a line, rather than one
   * AnnotationCollection. gloss_exporter_export_file() also writes JSONL
   * when the target's name ends in `.jsonl`.
   */
  properties [PROP_JSONL] =
    g_param_spec_boolean ("jsonl", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_webanno_exporter_init (GlossWebannoExporter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
}
