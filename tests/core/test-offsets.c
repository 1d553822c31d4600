/* test-offsets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"

/* "a", a ZWJ family (👩 ZWJ 👩 ZWJ 👧), "b", the flag 🇻🇳, "é" as e + U+0301,
 * then Arabic "ال". The expected offsets were computed independently with
 * Python (len(s[:i]), len(s[:i].encode("utf-16-le")) // 2,
 * len(s[:i].encode())). */
static const char text[] = "a👩\u200d👩\u200d👧b🇻🇳e\u0301ال";
static const guint utf16[] = { 0, 1, 3, 4, 6, 7, 9, 10, 12, 14, 15, 16, 17, 18 };
static const guint bytes[] = { 0, 1, 5, 8, 12, 15, 19, 20, 24, 28, 29, 31, 33, 35 };

static void
test_offsets_units (void)
{
  g_autoptr(GlossOffsetMap) cp = gloss_offset_map_new (text, strlen (text), GLOSS_OFFSET_CODEPOINT);
  g_autoptr(GlossOffsetMap) u16 = gloss_offset_map_new (text, strlen (text), GLOSS_OFFSET_UTF16);
  g_autoptr(GlossOffsetMap) u8 = gloss_offset_map_new (text, strlen (text), GLOSS_OFFSET_BYTE);

  g_assert_cmpuint (gloss_offset_map_get_length (cp), ==, 13);
  g_assert_cmpuint (gloss_offset_map_get_length (u16), ==, 18);
  g_assert_cmpuint (gloss_offset_map_get_length (u8), ==, 35);

  for (guint i = 0; i < G_N_ELEMENTS (utf16); i++)
    {
      guint back = G_MAXUINT;

      g_assert_cmpuint (gloss_offset_map_to_unit (cp, i), ==, i);
      g_assert_cmpuint (gloss_offset_map_to_unit (u16, i), ==, utf16[i]);
      g_assert_cmpuint (gloss_offset_map_to_unit (u8, i), ==, bytes[i]);

      g_assert_true (gloss_offset_map_from_unit (u16, utf16[i], &back));
      g_assert_cmpuint (back, ==, i);
      g_assert_true (gloss_offset_map_from_unit (u8, bytes[i], &back));
      g_assert_cmpuint (back, ==, i);
    }
}

static void
test_offsets_inside_character (void)
{
  g_autoptr(GlossOffsetMap) u16 = gloss_offset_map_new (text, strlen (text), GLOSS_OFFSET_UTF16);
  g_autoptr(GlossOffsetMap) u8 = gloss_offset_map_new (text, strlen (text), GLOSS_OFFSET_BYTE);
  g_autoptr(GlossOffsetMap) cp = gloss_offset_map_new (text, strlen (text), GLOSS_OFFSET_CODEPOINT);
  guint out = 0;

  /* Between the surrogates of the first 👩, and inside its four bytes. */
  g_assert_false (gloss_offset_map_from_unit (u16, 2, &out));
  g_assert_false (gloss_offset_map_from_unit (u8, 2, &out));
  g_assert_false (gloss_offset_map_from_unit (u8, 4, &out));

  /* Past the end, in every unit. */
  g_assert_false (gloss_offset_map_from_unit (u16, 19, &out));
  g_assert_false (gloss_offset_map_from_unit (u8, 36, &out));
  g_assert_false (gloss_offset_map_from_unit (cp, 14, &out));
  g_assert_true (gloss_offset_map_from_unit (cp, 13, &out));
  g_assert_cmpuint (out, ==, 13);
}

static void
test_offsets_ascii_and_empty (void)
{
  g_autoptr(GlossOffsetMap) ascii = gloss_offset_map_new ("hello", 5, GLOSS_OFFSET_UTF16);
  g_autoptr(GlossOffsetMap) empty = gloss_offset_map_new ("", 0, GLOSS_OFFSET_BYTE);
  guint out = 99;

  g_assert_cmpuint (gloss_offset_map_to_unit (ascii, 5), ==, 5);
  g_assert_true (gloss_offset_map_from_unit (ascii, 3, &out));
  g_assert_cmpuint (out, ==, 3);
  g_assert_false (gloss_offset_map_from_unit (ascii, 6, &out));

  g_assert_cmpuint (gloss_offset_map_get_length (empty), ==, 0);
  g_assert_true (gloss_offset_map_from_unit (empty, 0, &out));
  g_assert_cmpuint (out, ==, 0);
  g_assert_false (gloss_offset_map_from_unit (empty, 1, &out));
}

static void
test_offsets_unit_names (void)
{
  static const char * const names[] = { "codepoint", "utf16", "byte" };
  GlossOffsetUnit unit;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gloss_offset_unit_from_string (names[i], &unit));
      g_assert_cmpint (unit, ==, (GlossOffsetUnit)i);
      g_assert_cmpstr (gloss_offset_unit_to_string (unit), ==, names[i]);
    }

  g_assert_false (gloss_offset_unit_from_string ("utf8", &unit));
  g_assert_false (gloss_offset_unit_from_string ("UTF16", &unit));
  g_assert_false (gloss_offset_unit_from_string (NULL, &unit));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/offsets/units", test_offsets_units);
  g_test_add_func ("/gloss/core/offsets/inside-character", test_offsets_inside_character);
  g_test_add_func ("/gloss/core/offsets/ascii-and-empty", test_offsets_ascii_and_empty);
  g_test_add_func ("/gloss/core/offsets/unit-names", test_offsets_unit_names);

  return g_test_run ();
}
