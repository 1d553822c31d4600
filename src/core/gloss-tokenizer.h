/* gloss-tokenizer.h: the one tokenizer and sentence splitter of Gloss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossToken:
 * @start: the first code point
 * @end: the code point after the last one
 * @space_after: whether whitespace follows the token
 * @sentence_end: whether a sentence ends with this token
 */
typedef struct
{
  guint start;
  guint end;
  guint space_after : 1;
  guint sentence_end : 1;
} GlossToken;

GArray   *gloss_tokenize          (const char *text,
                                   gsize       n_bytes);
guint     gloss_tokens_find_first (GArray     *tokens,
                                   guint       offset);
gboolean  gloss_snap_range        (GArray     *tokens,
                                   guint      *start,
                                   guint      *end);

G_END_DECLS
