/* gloss-offsets.h: code points, UTF-16 code units and UTF-8 bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossOffsetUnit:
 * @GLOSS_OFFSET_CODEPOINT: Unicode code points (Python `str` indices); what
 *   Gloss uses inside
 * @GLOSS_OFFSET_UTF16: UTF-16 code units (JavaScript and Java string indices)
 * @GLOSS_OFFSET_BYTE: bytes of the UTF-8 encoding
 */
typedef enum
{
  GLOSS_OFFSET_CODEPOINT,
  GLOSS_OFFSET_UTF16,
  GLOSS_OFFSET_BYTE,
} GlossOffsetUnit;

typedef struct _GlossOffsetMap GlossOffsetMap;

gboolean        gloss_offset_unit_from_string (const char      *name,
                                               GlossOffsetUnit *unit);
const char     *gloss_offset_unit_to_string   (GlossOffsetUnit  unit);

GlossOffsetMap *gloss_offset_map_new          (const char      *text,
                                               gsize            n_bytes,
                                               GlossOffsetUnit  unit);
void            gloss_offset_map_free         (GlossOffsetMap  *map);
guint           gloss_offset_map_get_length   (GlossOffsetMap  *map);
guint           gloss_offset_map_to_unit      (GlossOffsetMap  *map,
                                               guint            codepoint);
gboolean        gloss_offset_map_from_unit    (GlossOffsetMap  *map,
                                               guint            offset,
                                               guint           *codepoint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossOffsetMap, gloss_offset_map_free)

G_END_DECLS
