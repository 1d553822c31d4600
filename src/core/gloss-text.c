/* gloss-text.c: Unicode helpers the core needs without Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-text"

#include "config.h"

#include <string.h>

#include "gloss-text.h"

typedef enum
{
  CLASS_OTHER,
  CLASS_CR,
  CLASS_LF,
  CLASS_CONTROL,
  CLASS_EXTEND,
  CLASS_ZWJ,
  CLASS_SPACING_MARK,
  CLASS_REGIONAL_INDICATOR,
  CLASS_HANGUL_L,
  CLASS_HANGUL_V,
  CLASS_HANGUL_T,
  CLASS_HANGUL_LV,
  CLASS_HANGUL_LVT,
} ClusterClass;

static gboolean
is_extended_pictographic (gunichar ch)
{
  /* The blocks where Extended_Pictographic characters live; close enough
   * for telling whether a ZWJ joins two emoji. */
  return (ch >= 0x1F000 && ch <= 0x1FAFF) ||
         (ch >= 0x1FC00 && ch <= 0x1FFFD) ||
         (ch >= 0x2600 && ch <= 0x27BF) ||
         (ch >= 0x2300 && ch <= 0x23FF) ||
         (ch >= 0x2B00 && ch <= 0x2BFF) ||
         (ch >= 0x2194 && ch <= 0x21AA) ||
         ch == 0x00A9 || ch == 0x00AE || ch == 0x203C || ch == 0x2049 ||
         ch == 0x2122 || ch == 0x2139 || ch == 0x3030 || ch == 0x303D ||
         ch == 0x3297 || ch == 0x3299;
}

static ClusterClass
classify (gunichar ch)
{
  GUnicodeBreakType break_type;
  GUnicodeType type;

  if (ch == '\r')
    return CLASS_CR;
  if (ch == '\n')
    return CLASS_LF;
  if (ch == 0x200D)
    return CLASS_ZWJ;
  if (ch == 0x200C || (ch >= 0x1F3FB && ch <= 0x1F3FF) || (ch >= 0xE0020 && ch <= 0xE007F))
    return CLASS_EXTEND;

  break_type = g_unichar_break_type (ch);
  if (break_type == G_UNICODE_BREAK_REGIONAL_INDICATOR)
    return CLASS_REGIONAL_INDICATOR;
  if (break_type == G_UNICODE_BREAK_HANGUL_L_JAMO)
    return CLASS_HANGUL_L;
  if (break_type == G_UNICODE_BREAK_HANGUL_V_JAMO)
    return CLASS_HANGUL_V;
  if (break_type == G_UNICODE_BREAK_HANGUL_T_JAMO)
    return CLASS_HANGUL_T;
  if (break_type == G_UNICODE_BREAK_HANGUL_LV_SYLLABLE)
    return CLASS_HANGUL_LV;
  if (break_type == G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE)
    return CLASS_HANGUL_LVT;

  type = g_unichar_type (ch);
  if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
    return CLASS_EXTEND;
  if (type == G_UNICODE_SPACING_MARK)
    return CLASS_SPACING_MARK;
  if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
      type == G_UNICODE_PARAGRAPH_SEPARATOR || type == G_UNICODE_FORMAT)
    return CLASS_CONTROL;

  return CLASS_OTHER;
}

/**
 * gloss_text_is_cluster_boundary:
 * @text: valid UTF-8
 * @n_bytes: the length of @text in bytes
 * @byte_offset: a character boundary in @text
 *
 * Tells whether a grapheme cluster boundary (the extended grapheme clusters
 * of UAX #29, but for the rare Prepend class) lies at @byte_offset: a span
 * may start or end there without splitting a letter from its combining
 * marks, an emoji from its modifiers, or a ZWJ sequence or flag in two.
 */
gboolean
gloss_text_is_cluster_boundary (const char *text,
                                gsize       n_bytes,
                                gsize       byte_offset)
{
  const char *pos;
  const char *prev_pos;
  ClusterClass before;
  ClusterClass after;

  g_return_val_if_fail (text != NULL || n_bytes == 0, TRUE);

  if (byte_offset == 0 || byte_offset >= n_bytes)
    return TRUE;

  pos = text + byte_offset;
  prev_pos = g_utf8_find_prev_char (text, pos);
  if (prev_pos == NULL)
    return TRUE;

  before = classify (g_utf8_get_char (prev_pos));
  after = classify (g_utf8_get_char (pos));

  if (before == CLASS_CR && after == CLASS_LF)
    return FALSE;
  if (before == CLASS_CR || before == CLASS_LF || before == CLASS_CONTROL ||
      after == CLASS_CR || after == CLASS_LF || after == CLASS_CONTROL)
    return TRUE;

  if (before == CLASS_HANGUL_L &&
      (after == CLASS_HANGUL_L || after == CLASS_HANGUL_V ||
       after == CLASS_HANGUL_LV || after == CLASS_HANGUL_LVT))
    return FALSE;
  if ((before == CLASS_HANGUL_LV || before == CLASS_HANGUL_V) &&
      (after == CLASS_HANGUL_V || after == CLASS_HANGUL_T))
    return FALSE;
  if ((before == CLASS_HANGUL_LVT || before == CLASS_HANGUL_T) && after == CLASS_HANGUL_T)
    return FALSE;

  if (after == CLASS_EXTEND || after == CLASS_ZWJ || after == CLASS_SPACING_MARK)
    return FALSE;

  if (before == CLASS_ZWJ && is_extended_pictographic (g_utf8_get_char (pos)))
    return FALSE;

  if (before == CLASS_REGIONAL_INDICATOR && after == CLASS_REGIONAL_INDICATOR)
    {
      guint n_ri = 0;
      const char *p = pos;

      /* Flags pair regional indicators from the left: break only after an
       * even number of them. */
      while ((p = g_utf8_find_prev_char (text, p)) != NULL &&
             classify (g_utf8_get_char (p)) == CLASS_REGIONAL_INDICATOR)
        n_ri++;

      return n_ri % 2 == 0;
    }

  return TRUE;
}

/* Whether the eight bytes at @p are ASCII and none is NUL. */
static inline gboolean
plain_ascii_word (const char *p)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 word;

  memcpy (&word, p, sizeof word);

  return (word & high) == 0 && ((word - ones) & ~word & high) == 0;
}

/* g_utf8_validate_len(), with runs of ASCII (most of a corpus: JSON's
 * punctuation, member names, numbers, English) skipped eight bytes at a
 * time; what is left is handed to g_utf8_validate_len() in short windows
 * that end on a character boundary. */
static gboolean
validate_utf8_fast (const char  *text,
                    gsize        n_bytes,
                    const char **end)
{
  const char *p = text;
  const char *limit = text + n_bytes;

  while (p < limit)
    {
      const char *window_end;

      while (limit - p >= 8 && plain_ascii_word (p))
        p += 8;
      if (p >= limit)
        break;

      window_end = p + MIN (64, limit - p);
      while (window_end < limit && ((guchar)*window_end & 0xc0) == 0x80)
        window_end++;
      if (!g_utf8_validate_len (p, window_end - p, end))
        return FALSE;
      p = window_end;
    }

  *end = limit;

  return TRUE;
}

/**
 * gloss_text_write_uint:
 * @out: room for %GLOSS_TEXT_UINT_DIGITS bytes
 *
 * Writes @value in decimal, without a NUL, as printf's "%u" would: for the
 * writers and id makers that do it too often for printf.
 *
 * Returns: the number of digits written
 */
gsize
gloss_text_write_uint (char  *out,
                       guint  value)
{
  char digits[GLOSS_TEXT_UINT_DIGITS];
  char *p = digits + sizeof digits;

  do
    *--p = '0' + value % 10;
  while ((value /= 10) > 0);

  memcpy (out, p, digits + sizeof digits - p);

  return digits + sizeof digits - p;
}

/**
 * gloss_text_count_chars:
 * @text: valid UTF-8
 *
 * Returns: the number of code points in the @n_bytes bytes of @text, like
 *   g_utf8_strlen() but counting the bytes that start one, which the
 *   compiler can do many at a time
 */
gsize
gloss_text_count_chars (const char *text,
                        gsize       n_bytes)
{
  const guchar *p = (const guchar *)text;
  gsize n_continuation = 0;

  for (gsize i = 0; i < n_bytes; i++)
    n_continuation += (p[i] & 0xc0) == 0x80;

  return n_bytes - n_continuation;
}

/**
 * gloss_text_validate_utf8:
 * @bad_offset: (out) (optional): the byte offset of the first invalid byte
 * @bad_line: (out) (optional): its line, from 1
 * @bad_column: (out) (optional): its column in characters, from 1
 *
 * Like g_utf8_validate_len(), but says where the first problem is in terms
 * a person can find in an editor. A NUL byte counts as invalid.
 */
gboolean
gloss_text_validate_utf8 (const char *text,
                          gsize       n_bytes,
                          gsize      *bad_offset,
                          guint      *bad_line,
                          guint      *bad_column)
{
  const char *end = NULL;
  const char *line_start = text;
  guint line = 1;

  if (validate_utf8_fast (text, n_bytes, &end))
    return TRUE;

  /* LF, CRLF and a lone CR each end a line. */
  for (const char *p = text; p < end; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
      {
        line++;
        line_start = p + 1;
      }

  if (bad_offset != NULL)
    *bad_offset = end - text;
  if (bad_line != NULL)
    *bad_line = line;
  if (bad_column != NULL)
    *bad_column = g_utf8_strlen (line_start, end - line_start) + 1;

  return FALSE;
}

/**
 * gloss_text_to_ascii_id:
 * @text: (nullable): a name, in any script
 * @lowercase: whether to fold ASCII letters to lower case
 * @separator: what stands for each run of other characters
 *
 * Reduces @text to an identifier: transliterated to ASCII, keeping
 * letters, digits, `-` and `_`, with @separator for every run of anything
 * else, at most 64 bytes, without a leading or trailing separator.
 *
 * Returns: (transfer full): the identifier, possibly empty
 */
char *
gloss_text_to_ascii_id (const char *text,
                        gboolean    lowercase,
                        char        separator)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  if (text != NULL)
    {
      g_autoptr(GString) plain = g_string_new (text);

      /* g_str_to_ascii() knows no ASCII for the Vietnamese Đ/đ. */
      g_string_replace (plain, "Đ", "D", 0);
      g_string_replace (plain, "đ", "d", 0);
      ascii = g_str_to_ascii (plain->str, "C");
    }

  for (const char *p = ascii; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        g_string_append_c (id, lowercase ? g_ascii_tolower (*p) : *p);
      else if (id->len > 0 && id->str[id->len - 1] != separator)
        g_string_append_c (id, separator);
    }

  if (id->len > 64)
    g_string_truncate (id, 64);
  while (id->len > 0 && id->str[id->len - 1] == separator)
    g_string_truncate (id, id->len - 1);

  return g_string_free (g_steal_pointer (&id), FALSE);
}
