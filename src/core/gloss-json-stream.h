/* gloss-json-stream.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Called when the array of @member opens in the root object, with the
 * root's members read so far; %TRUE streams its elements. */
typedef gboolean (*GlossJsonStreamBeginFunc)   (JsonObject *root,
                                                gpointer    user_data);
/* Called with each element of a streamed array, which is then dropped. */
typedef void     (*GlossJsonStreamElementFunc) (JsonNode   *element,
                                                guint       index,
                                                gpointer    user_data);

JsonNode *_gloss_json_stream_parse (const char                 *data,
                                    gsize                       n_bytes,
                                    const char                 *member,
                                    GlossJsonStreamBeginFunc    begin,
                                    GlossJsonStreamElementFunc  element,
                                    gpointer                    user_data,
                                    gboolean                   *streamed);

G_END_DECLS
