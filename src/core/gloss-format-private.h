/* gloss-format-private.h: the native writer in pieces, for streaming it,
 * and the native reader's JSON checks, for the other JSON formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

#include "gloss-format.h"

G_BEGIN_DECLS

/* g_string_append_len() without a function call when the bytes fit: the
 * writers append a few bytes at a time, millions of times, and GLib 2.74
 * inlines only g_string_append_c(). */
static inline void
_gloss_string_append_len (GString    *out,
                          const char *bytes,
                          gsize       n_bytes)
{
  if (G_LIKELY (out->len + n_bytes < out->allocated_len))
    {
      memcpy (out->str + out->len, bytes, n_bytes);
      out->len += n_bytes;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, n_bytes);
}

/* For literals (whose length the compiler knows) and other short strings. */
#define _gloss_string_append(out, literal) \
  _gloss_string_append_len ((out), (literal), strlen (literal))

void      _gloss_format_append_header    (GString       *out,
                                          GlossCorpus   *corpus);
void      _gloss_format_append_document  (GString       *out,
                                          GlossDocument *document,
                                          gboolean       first);
void      _gloss_format_append_footer    (GString       *out,
                                          guint          n_documents);
void      _gloss_format_append_json_node (GString       *out,
                                          JsonNode      *node);
void      _gloss_format_append_uint      (GString       *out,
                                          guint          value);

/* Parses @data, one JSON value on one line, with @parser, refusing what
 * json-glib would silently lose: an escaped NUL (it cuts the string), an
 * escaped lone surrogate (it makes the string invalid UTF-8), a member
 * given twice, a second value after the first. Returns the root, or
 * %NULL and either json-glib's own JSON_PARSER_ERROR or a
 * GLOSS_FORMAT_ERROR whose message starts with where: "column N: " or the
 * member's path ("meta.note: "). */
const char *_gloss_json_describe_node (JsonNode *node);
JsonNode *_gloss_json_parse_checked      (JsonParser    *parser,
                                          const char    *data,
                                          gsize          n_bytes,
                                          GError       **error);

GlossCorpus *_gloss_corpus_load_bytes_streaming (GBytes     *bytes,
                                                 gboolean    stream,
                                                 GPtrArray **problems,
                                                 GError    **error);

G_END_DECLS
