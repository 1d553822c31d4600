/* gloss-offsets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-offsets"

#include "config.h"

#include "gloss-offsets.h"
#include "gloss-text.h"

struct _GlossOffsetMap
{
  GlossOffsetUnit  unit;
  guint            n_chars;
  /* offsets[i] is where code point i starts in the unit, for i in
   * [0, n_chars]; NULL for code points and for text that is all ASCII,
   * where every unit is the identity. */
  guint32         *offsets;
};

gboolean
gloss_offset_unit_from_string (const char      *name,
                               GlossOffsetUnit *unit)
{
  g_return_val_if_fail (unit != NULL, FALSE);

  if (g_strcmp0 (name, "codepoint") == 0)
    *unit = GLOSS_OFFSET_CODEPOINT;
  else if (g_strcmp0 (name, "utf16") == 0)
    *unit = GLOSS_OFFSET_UTF16;
  else if (g_strcmp0 (name, "byte") == 0)
    *unit = GLOSS_OFFSET_BYTE;
  else
    return FALSE;

  return TRUE;
}

/**
 * gloss_offset_unit_to_string:
 *
 * Returns: `codepoint`, `utf16` or `byte`, as written in files and options
 */
const char *
gloss_offset_unit_to_string (GlossOffsetUnit unit)
{
  switch (unit)
    {
    case GLOSS_OFFSET_UTF16:
      return "utf16";
    case GLOSS_OFFSET_BYTE:
      return "byte";
    case GLOSS_OFFSET_CODEPOINT:
    default:
      return "codepoint";
    }
}

/**
 * gloss_offset_map_new:
 * @text: valid UTF-8
 *
 * Prepares conversions between code-point offsets in @text and @unit.
 *
 * Returns: (transfer full): a new map
 */
GlossOffsetMap *
gloss_offset_map_new (const char      *text,
                      gsize            n_bytes,
                      GlossOffsetUnit  unit)
{
  GlossOffsetMap *map = g_new0 (GlossOffsetMap, 1);
  const char *end = text + n_bytes;
  guint32 at = 0;
  guint i = 0;

  map->unit = unit;
  map->n_chars = gloss_text_count_chars (text, n_bytes);

  if (unit == GLOSS_OFFSET_CODEPOINT || map->n_chars == n_bytes)
    return map;

  map->offsets = g_new (guint32, map->n_chars + 1);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      map->offsets[i++] = at;
      if (unit == GLOSS_OFFSET_BYTE)
        at += g_utf8_skip[*(const guchar *)p];
      else
        at += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
    }
  map->offsets[i] = at;

  return map;
}

void
gloss_offset_map_free (GlossOffsetMap *map)
{
  if (map == NULL)
    return;

  g_free (map->offsets);
  g_free (map);
}

/**
 * gloss_offset_map_get_length:
 *
 * Returns: the length of the text in the map's unit
 */
guint
gloss_offset_map_get_length (GlossOffsetMap *map)
{
  return gloss_offset_map_to_unit (map, map->n_chars);
}

/**
 * gloss_offset_map_to_unit:
 * @codepoint: at most the text's length in code points
 *
 * Returns: the same place in the map's unit
 */
guint
gloss_offset_map_to_unit (GlossOffsetMap *map,
                          guint           codepoint)
{
  g_return_val_if_fail (map != NULL, 0);
  g_return_val_if_fail (codepoint <= map->n_chars, 0);

  return map->offsets != NULL ? map->offsets[codepoint] : codepoint;
}

/**
 * gloss_offset_map_from_unit:
 * @codepoint: (out): the code-point offset
 *
 * Returns: %FALSE when @offset lies past the end of the text or inside a
 *   character (between the two halves of a surrogate pair, or inside a
 *   character's UTF-8 bytes)
 */
gboolean
gloss_offset_map_from_unit (GlossOffsetMap *map,
                            guint           offset,
                            guint          *codepoint)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (codepoint != NULL, FALSE);

  if (map->offsets == NULL)
    {
      *codepoint = offset;
      return offset <= map->n_chars;
    }

  hi = map->n_chars + 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (map->offsets[mid] < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > map->n_chars || map->offsets[lo] != offset)
    return FALSE;

  *codepoint = lo;

  return TRUE;
}
