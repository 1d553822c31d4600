/* gloss-json-stream.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The members of a span, which most of a corpus is made of: read into
 * this record rather than into json-glib nodes. */
typedef enum
{
  GLOSS_JSON_SPAN_ID,
  GLOSS_JSON_SPAN_START,
  GLOSS_JSON_SPAN_END,
  GLOSS_JSON_SPAN_LABEL,
  GLOSS_JSON_SPAN_TEXT,
  GLOSS_JSON_SPAN_NOTE,
  GLOSS_JSON_SPAN_ANNOTATOR,
  GLOSS_JSON_SPAN_CREATED,
  GLOSS_JSON_SPAN_N_FIELDS
} GlossJsonSpanField;

/* A record holds a span only when json-glib would have read it as an
 * object of known members, each once, with whole offsets from 0 to
 * G_MAXUINT, strings elsewhere, and the start, end and label all there.
 * Any other element of the array is in @node, as json-glib reads it. */
typedef struct
{
  JsonNode *node;
  guint     present;                            /* 1 << GlossJsonSpanField */
  guint     start;
  guint     end;
  char     *strings[GLOSS_JSON_SPAN_N_FIELDS];  /* the members that are strings */
} GlossJsonSpan;

/* Called when the array of @member opens in the root object, with the
 * root's members read so far; %TRUE streams its elements. */
typedef gboolean (*GlossJsonStreamBeginFunc)   (JsonObject *root,
                                                gpointer    user_data);
/* Called with each element of a streamed array, which is then dropped.
 * When the element is an object whose @records_member is an array, that
 * array's elements are in @records (of #GlossJsonSpan) and the member
 * holds an empty array; otherwise @records is %NULL. */
typedef void     (*GlossJsonStreamElementFunc) (JsonNode   *element,
                                                GArray     *records,
                                                guint       index,
                                                gpointer    user_data);

JsonNode *_gloss_json_stream_parse (const char                 *data,
                                    gsize                       n_bytes,
                                    const char                 *member,
                                    const char                 *records_member,
                                    GlossJsonStreamBeginFunc    begin,
                                    GlossJsonStreamElementFunc  element,
                                    gpointer                    user_data,
                                    gboolean                   *streamed);

G_END_DECLS
