/* test-format-webanno.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "format-test-util.h"

/* Offsets computed independently with Python: len(text[:i]) for code
 * points, len(text[:i].encode("utf-16-le")) // 2 for UTF-16 units and
 * len(text[:i].encode("utf-8")) for bytes. */
typedef struct
{
  const char *id;
  guint       start[3];  /* by GlossOffsetUnit */
  guint       end[3];
} ExpectedOffsets;

static const ExpectedOffsets expected_offsets[] = {
  { "urn:gloss:span:emoji:s1", { 0, 0, 0 }, { 8, 9, 13 } },         /* Peace 🕊️ */
  { "urn:gloss:span:emoji:s3", { 24, 25, 29 }, { 36, 40, 54 } },    /* family 👩‍👩‍👧 */
  { "urn:gloss:span:emoji:s4", { 54, 58, 72 }, { 58, 66, 88 } },    /* 🇻🇳🇫🇷 */
  { "urn:gloss:span:emoji:s5", { 73, 81, 103 }, { 77, 85, 108 } },  /* café */
  { "urn:gloss:span:vi:s1", { 0, 0, 0 }, { 19, 19, 23 } },          /* Ngoại giao Việt Nam */
  { "urn:gloss:span:vi:s3", { 66, 66, 88 }, { 76, 76, 100 } },      /* NFD Việt Nam */
  { "urn:gloss:span:vi:s4", { 77, 77, 101 }, { 85, 85, 113 } },     /* hội nhập */
  { "urn:gloss:span:ar:s2", { 17, 17, 32 }, { 23, 23, 44 } },       /* السلام */
  { "urn:gloss:span:ar:s3", { 53, 53, 83 }, { 58, 58, 88 } },       /* peace */
};

static GlossExporter *
new_exporter (GlossOffsetUnit unit,
              gboolean        jsonl)
{
  GlossExporter *exporter = gloss_exporter_new_for_format ("webanno");

  g_assert_nonnull (exporter);
  gloss_exporter_set_offset_unit (exporter, unit);
  g_object_set (exporter, "jsonl", jsonl, NULL);

  return exporter;
}

static void
assert_golden (GlossExporter *exporter,
               GlossCorpus   *corpus,
               const char    *golden)
{
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;
  gsize actual_length;
  gsize expected_length;

  actual = format_test_export_string (exporter, corpus, &actual_length);
  expected = format_test_read_data (golden, &expected_length);
  format_test_assert_same_bytes (actual, actual_length, expected, expected_length);
}

static JsonNode *
parse_json (const char *data,
            gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The annotations of an export, in order, whichever its shape. */
static GPtrArray *
parse_annotations (const char *data,
                   gsize       length,
                   gboolean    jsonl)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);

  if (jsonl)
    {
      g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
      guint n_lines = g_strv_length (lines);

      g_assert_cmpstr (lines[n_lines - 1], ==, "");
      for (guint i = 0; i + 1 < n_lines; i++)
        {
          g_autoptr(JsonNode) node = parse_json (lines[i], -1);
          JsonObject *annotation = json_node_get_object (node);

          g_assert_cmpstr (json_object_get_string_member (annotation, "@context"), ==,
                           "http://www.w3.org/ns/anno.jsonld");
          g_ptr_array_add (annotations, json_object_ref (annotation));
        }
    }
  else
    {
      g_autoptr(JsonNode) node = parse_json (data, length);
      JsonObject *collection = json_node_get_object (node);
      JsonObject *page = json_object_get_object_member (collection, "first");
      JsonArray *items = json_object_get_array_member (page, "items");

      g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                       "http://www.w3.org/ns/anno.jsonld");
      g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
      g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
      g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, json_array_get_length (items));
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_ptr_array_add (annotations, json_object_ref (json_array_get_object_element (items, i)));
    }

  return annotations;
}

static JsonObject *
get_selector (JsonObject *annotation,
              const char *type)
{
  JsonObject *target = json_object_get_object_member (annotation, "target");
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *selector = json_array_get_object_element (selectors, i);

      if (g_str_equal (json_object_get_string_member (selector, "type"), type))
        return selector;
    }

  g_assert_not_reached ();
  return NULL;
}

static GlossDocument *
lookup_source (GlossCorpus *corpus,
               JsonObject  *annotation)
{
  JsonObject *target = json_object_get_object_member (annotation, "target");
  const char *source = json_object_get_string_member (target, "source");
  g_autofree char *id = NULL;

  g_assert_true (g_str_has_prefix (source, "urn:gloss:doc:"));
  id = g_uri_unescape_string (source + strlen ("urn:gloss:doc:"), NULL);
  g_assert_nonnull (id);

  return gloss_corpus_lookup_document (corpus, id);
}

/* Checks a prefix (@before) or suffix of a span that starts or ends at
 * @at: it is the text next to the span, at most 32 code points, cut at
 * the grapheme cluster boundary nearest to the 32nd code point on the
 * span's side. */
static void
assert_context (GlossDocument *document,
                const char    *context,
                guint          at,
                gboolean       before)
{
  guint length = gloss_document_get_length (document);
  guint n = g_utf8_strlen (context, -1);
  g_autofree char *slice = NULL;

  g_assert_cmpuint (n, <=, 32);

  if (before)
    {
      guint limit = at > 32 ? at - 32 : 0;

      g_assert_cmpuint (n, <=, at);
      slice = gloss_document_dup_slice (document, at - n, at);
      g_assert_true (gloss_document_is_cluster_boundary (document, at - n));
      for (guint i = limit; i < at - n; i++)
        g_assert_false (gloss_document_is_cluster_boundary (document, i));
    }
  else
    {
      guint limit = MIN (at + 32, length);

      g_assert_cmpuint (at + n, <=, length);
      slice = gloss_document_dup_slice (document, at, at + n);
      g_assert_true (gloss_document_is_cluster_boundary (document, at + n));
      for (guint i = at + n + 1; i <= limit; i++)
        g_assert_false (gloss_document_is_cluster_boundary (document, i));
    }

  g_assert_cmpstr (context, ==, slice);
}

static void
assert_annotation (GlossCorpus     *corpus,
                   JsonObject      *annotation,
                   GlossOffsetUnit  unit)
{
  GlossDocument *document = lookup_source (corpus, annotation);
  JsonObject *position = get_selector (annotation, "TextPositionSelector");
  JsonObject *quote = get_selector (annotation, "TextQuoteSelector");
  JsonArray *body = json_object_get_array_member (annotation, "body");
  JsonObject *tagging = json_array_get_object_element (body, 0);
  g_autoptr(GlossOffsetMap) map = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *document_part = NULL;
  g_autofree char *span_part = NULL;
  g_autofree char *span_urn = NULL;
  GlossSpan *span;
  guint start;
  guint end;

  g_assert_nonnull (document);
  g_assert_cmpstr (json_object_get_string_member (annotation, "type"), ==, "Annotation");

  map = gloss_offset_map_new (gloss_document_get_text (document), gloss_document_get_text_bytes (document), unit);
  g_assert_true (gloss_offset_map_from_unit (map, json_object_get_int_member (position, "start"), &start));
  g_assert_true (gloss_offset_map_from_unit (map, json_object_get_int_member (position, "end"), &end));
  if (unit == GLOSS_OFFSET_CODEPOINT)
    g_assert_false (json_object_has_member (position, "gloss:offsetUnit"));
  else
    g_assert_cmpstr (json_object_get_string_member (position, "gloss:offsetUnit"), ==,
                     gloss_offset_unit_to_string (unit));

  exact = gloss_document_dup_slice (document, start, end);
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, exact);
  assert_context (document, json_object_get_string_member (quote, "prefix"), start, TRUE);
  assert_context (document, json_object_get_string_member (quote, "suffix"), end, FALSE);

  g_assert_cmpstr (json_object_get_string_member (tagging, "purpose"), ==, "tagging");
  span = gloss_document_find_span (document, start, end, json_object_get_string_member (tagging, "value"));
  g_assert_nonnull (span);
  document_part = g_uri_escape_string (gloss_document_get_id (document), NULL, FALSE);
  span_part = g_uri_escape_string (gloss_span_get_id (span), NULL, FALSE);
  span_urn = g_strconcat ("urn:gloss:span:", document_part, ":", span_part, NULL);
  g_assert_cmpstr (json_object_get_string_member (annotation, "id"), ==, span_urn);

  if (gloss_span_get_note (span)[0] != '\0')
    {
      JsonObject *commenting = json_array_get_object_element (body, 1);

      g_assert_cmpstr (json_object_get_string_member (commenting, "purpose"), ==, "commenting");
      g_assert_cmpstr (json_object_get_string_member (commenting, "value"), ==, gloss_span_get_note (span));
    }
  else
    g_assert_cmpuint (json_array_get_length (body), ==, 1);
}

static void
assert_every_annotation (GlossCorpus     *corpus,
                         GlossOffsetUnit  unit,
                         gboolean         jsonl)
{
  g_autoptr(GlossExporter) exporter = new_exporter (unit, jsonl);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *output = NULL;
  gsize length;

  output = format_test_export_string (exporter, corpus, &length);
  annotations = parse_annotations (output, length, jsonl);

  g_assert_cmpuint (annotations->len, ==, gloss_corpus_count_spans (corpus));
  for (guint i = 0; i < annotations->len; i++)
    assert_annotation (corpus, g_ptr_array_index (annotations, i), unit);
}

static void
test_golden_collection (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) codepoint = new_exporter (GLOSS_OFFSET_CODEPOINT, FALSE);
  g_autoptr(GlossExporter) utf16 = new_exporter (GLOSS_OFFSET_UTF16, FALSE);
  g_autofree char *from_file = NULL;
  g_autofree char *expected = NULL;
  gsize from_file_length;
  gsize expected_length;

  assert_golden (codepoint, corpus, "webanno/unicode.webanno.json");
  assert_golden (utf16, corpus, "webanno/unicode.utf16.webanno.json");

  from_file = format_test_export_file (codepoint, corpus, "unicode.json", &from_file_length);
  expected = format_test_read_data ("webanno/unicode.webanno.json", &expected_length);
  format_test_assert_same_bytes (from_file, from_file_length, expected, expected_length);
}

static void
test_golden_jsonl (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) by_property = new_exporter (GLOSS_OFFSET_CODEPOINT, TRUE);
  g_autoptr(GlossExporter) by_name = new_exporter (GLOSS_OFFSET_CODEPOINT, FALSE);
  g_autofree char *expected = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *collection = NULL;
  gsize expected_length;
  gsize length;
  gboolean jsonl = TRUE;

  assert_golden (by_property, corpus, "webanno/unicode.webanno.jsonl");

  /* A target named *.jsonl picks JSONL without touching the property,
   * which the next export (to a stream) follows again. */
  expected = format_test_read_data ("webanno/unicode.webanno.jsonl", &expected_length);
  lower = format_test_export_file (by_name, corpus, "out.jsonl", &length);
  format_test_assert_same_bytes (lower, length, expected, expected_length);
  upper = format_test_export_file (by_name, corpus, "OUT.JSONL", &length);
  format_test_assert_same_bytes (upper, length, expected, expected_length);

  g_object_get (by_name, "jsonl", &jsonl, NULL);
  g_assert_false (jsonl);
  collection = format_test_export_string (by_name, corpus, &length);
  g_assert_true (g_str_has_prefix (collection, "{\n  \"@context\""));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_jsonl_property (void)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format ("webanno");
  guint count = 0;
  gboolean jsonl = TRUE;

  g_assert_true (gloss_exporter_supports_offsets (exporter));
  g_object_get (exporter, "jsonl", &jsonl, NULL);
  g_assert_false (jsonl);

  g_signal_connect (exporter, "notify::jsonl", G_CALLBACK (on_notify_cb), &count);
  g_object_set (exporter, "jsonl", TRUE, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (exporter, "jsonl", TRUE, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (exporter, "jsonl", &jsonl, NULL);
  g_assert_true (jsonl);
  g_object_set (exporter, "jsonl", FALSE, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_valid_json (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossCorpus) clusters = format_test_load_corpus ("webanno/clusters.gloss.json");

  for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT; unit <= GLOSS_OFFSET_BYTE; unit++)
    {
      assert_every_annotation (corpus, unit, FALSE);
      assert_every_annotation (corpus, unit, TRUE);
      assert_every_annotation (clusters, unit, FALSE);
      assert_every_annotation (clusters, unit, TRUE);
    }
}

static void
test_offsets (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");

  for (GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT; unit <= GLOSS_OFFSET_BYTE; unit++)
    {
      g_autoptr(GlossExporter) exporter = new_exporter (unit, FALSE);
      g_autoptr(GPtrArray) annotations = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *output = NULL;
      guint found = 0;
      gsize length;

      output = format_test_export_string (exporter, corpus, &length);
      root = parse_json (output, length);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "gloss:offsetUnit"), ==,
                       gloss_offset_unit_to_string (unit));
      annotations = parse_annotations (output, length, FALSE);

      for (guint i = 0; i < annotations->len; i++)
        {
          JsonObject *annotation = g_ptr_array_index (annotations, i);
          JsonObject *position = get_selector (annotation, "TextPositionSelector");

          for (guint j = 0; j < G_N_ELEMENTS (expected_offsets); j++)
            {
              if (!g_str_equal (json_object_get_string_member (annotation, "id"), expected_offsets[j].id))
                continue;

              g_assert_cmpint (json_object_get_int_member (position, "start"), ==, expected_offsets[j].start[unit]);
              g_assert_cmpint (json_object_get_int_member (position, "end"), ==, expected_offsets[j].end[unit]);
              found++;
            }
        }
      g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected_offsets));
    }
}

static void
test_cluster_context (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("webanno/clusters.gloss.json");
  g_autoptr(GlossExporter) exporter = new_exporter (GLOSS_OFFSET_UTF16, TRUE);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *output = NULL;
  JsonObject *quote;
  JsonObject *target;
  gsize length;

  output = format_test_export_string (exporter, corpus, &length);
  annotations = parse_annotations (output, length, TRUE);
  g_assert_cmpuint (annotations->len, ==, 2);

  /* 32 code points before "TARGET" falls inside 👩‍👩‍👧, and after it
   * between the two regional indicators of 🇫🇷: both cuts move inwards. */
  quote = get_selector (g_ptr_array_index (annotations, 0), "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "TARGET");
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_assert_cmpstr (json_object_get_string_member (quote, "suffix"), ==, "yyyyyyyyyyyyyyyyyyyyyyyyyyyyy🇻🇳");
  target = json_object_get_object_member (g_ptr_array_index (annotations, 0), "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, "urn:gloss:doc:family%3Aflags");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (annotations, 0), "id"), ==,
                   "urn:gloss:span:family%3Aflags:s1");
  /* 👩‍👩‍👧 is 8 UTF-16 units, then 30 x */
  g_assert_cmpint (json_object_get_int_member (get_selector (g_ptr_array_index (annotations, 0), "TextPositionSelector"), "start"), ==, 38);

  /* Before "WORD" the cut falls among the marks of NFD "ệ", after it
   * between ب and its fatha. */
  quote = get_selector (g_ptr_array_index (annotations, 1), "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "WORD");
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, "taaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_assert_cmpstr (json_object_get_string_member (quote, "suffix"), ==, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  target = json_object_get_object_member (g_ptr_array_index (annotations, 1), "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, "urn:gloss:doc:vi%E1%BB%87t%20ar");
}

static void
test_creator_created (void)
{
  g_autoptr(GlossCorpus) corpus = format_test_load_corpus ("unicode.gloss.json");
  g_autoptr(GlossExporter) exporter = new_exporter (GLOSS_OFFSET_CODEPOINT, TRUE);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *output = NULL;
  guint n_creators = 0;
  guint n_created = 0;
  gsize length;

  output = format_test_export_string (exporter, corpus, &length);
  annotations = parse_annotations (output, length, TRUE);

  for (guint i = 0; i < annotations->len; i++)
    {
      JsonObject *annotation = g_ptr_array_index (annotations, i);
      const char *id = json_object_get_string_member (annotation, "id");

      if (json_object_has_member (annotation, "creator"))
        {
          JsonObject *creator = json_object_get_object_member (annotation, "creator");

          g_assert_cmpstr (id, ==, "urn:gloss:span:emoji:s5");
          g_assert_cmpstr (json_object_get_string_member (creator, "nickname"), ==, "an");
          n_creators++;
        }
      if (json_object_has_member (annotation, "created"))
        {
          g_assert_cmpstr (id, ==, "urn:gloss:span:vi:s4");
          g_assert_cmpstr (json_object_get_string_member (annotation, "created"), ==, "2026-11-22T10:00:00Z");
          n_created++;
        }
    }

  g_assert_cmpuint (n_creators, ==, 1);
  g_assert_cmpuint (n_created, ==, 1);
}

static void
test_empty_corpus (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossExporter) collection = new_exporter (GLOSS_OFFSET_CODEPOINT, FALSE);
  g_autoptr(GlossExporter) jsonl = new_exporter (GLOSS_OFFSET_CODEPOINT, TRUE);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lines = NULL;
  gsize length;

  output = format_test_export_string (collection, corpus, &length);
  g_assert_cmpstr (output, ==,
                   "{\n"
                   "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                   "  \"id\": \"urn:gloss:corpus:corpus\",\n"
                   "  \"type\": \"AnnotationCollection\",\n"
                   "  \"gloss:offsetUnit\": \"codepoint\",\n"
                   "  \"total\": 0,\n"
                   "  \"first\": {\n"
                   "    \"id\": \"urn:gloss:corpus:corpus:page1\",\n"
                   "    \"type\": \"AnnotationPage\",\n"
                   "    \"startIndex\": 0,\n"
                   "    \"items\": []\n"
                   "  }\n"
                   "}\n");
  annotations = parse_annotations (output, length, FALSE);
  g_assert_cmpuint (annotations->len, ==, 0);

  lines = format_test_export_string (jsonl, corpus, &length);
  g_assert_cmpstr (lines, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/format-webanno/golden-collection", test_golden_collection);
  g_test_add_func ("/gloss/core/format-webanno/golden-jsonl", test_golden_jsonl);
  g_test_add_func ("/gloss/core/format-webanno/jsonl-property", test_jsonl_property);
  g_test_add_func ("/gloss/core/format-webanno/valid-json", test_valid_json);
  g_test_add_func ("/gloss/core/format-webanno/offsets", test_offsets);
  g_test_add_func ("/gloss/core/format-webanno/cluster-context", test_cluster_context);
  g_test_add_func ("/gloss/core/format-webanno/creator-created", test_creator_created);
  g_test_add_func ("/gloss/core/format-webanno/empty-corpus", test_empty_corpus);

  return g_test_run ();
}
