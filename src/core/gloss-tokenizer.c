/* gloss-tokenizer.c
 *
 * The rules (docs/formats.md explains them for users):
 *
 * - A word is a run of letters, marks and digits (Unicode categories L, M
 *   and N). Marks, zero-width joiners and non-joiners, variation selectors,
 *   emoji modifiers and tag characters continue whatever token they follow,
 *   so no token splits a grapheme cluster.
 * - Every other visible character (punctuation, symbols, emoji) is a token
 *   of its own, together with what continues it: a ZWJ emoji sequence or a
 *   flag (a pair of regional indicators) is one token.
 * - Whitespace, control and lone format characters separate tokens and
 *   belong to none.
 * - A sentence ends at a line break, and after a token of sentence-final
 *   punctuation (. ! ? … and their CJK, Arabic and Indic forms), together
 *   with closing quotes and brackets that follow it, when whitespace follows
 *   (or at once after the full-width 。！？．, which need no space).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-tokenizer"

#include "config.h"

#include "gloss-tokenizer.h"

typedef enum
{
  CHAR_SPACE,
  CHAR_NEWLINE,
  CHAR_WORD,
  CHAR_CONTINUE,
  CHAR_REGIONAL_INDICATOR,
  CHAR_OTHER,
} CharClass;

static CharClass
classify (gunichar ch)
{
  GUnicodeType type;

  if (ch < 0x80)
    {
      if (g_ascii_isalnum (ch))
        return CHAR_WORD;
      if (ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f')
        return CHAR_NEWLINE;
      if (ch <= 0x20 || ch == 0x7f)
        return CHAR_SPACE;
      return CHAR_OTHER;
    }

  if (ch == 0x200C || ch == 0x200D ||
      (ch >= 0xFE00 && ch <= 0xFE0F) || (ch >= 0xE0100 && ch <= 0xE01EF) ||
      (ch >= 0x1F3FB && ch <= 0x1F3FF) || (ch >= 0xE0020 && ch <= 0xE007F))
    return CHAR_CONTINUE;
  if (ch >= 0x1F1E6 && ch <= 0x1F1FF)
    return CHAR_REGIONAL_INDICATOR;
  if (ch == 0x2028 || ch == 0x2029 || ch == 0x85)
    return CHAR_NEWLINE;

  type = g_unichar_type (ch);
  switch ((int)type)
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return CHAR_CONTINUE;

    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return CHAR_WORD;

    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
      return CHAR_SPACE;

    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return CHAR_NEWLINE;

    default:
      return CHAR_OTHER;
    }
}

static gboolean
is_sentence_final (gunichar ch)
{
  switch (ch)
    {
    case '.': case '!': case '?':
    case 0x2026: /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: /* 。！？． */
    case 0x061F: case 0x06D4: /* Arabic question mark, full stop */
    case 0x0964: case 0x0965: /* Devanagari danda */
    case 0x1362: /* Ethiopic full stop */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_full_width_final (gunichar ch)
{
  return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0xFF0E;
}

static gboolean
is_closing (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);

  return type == G_UNICODE_CLOSE_PUNCTUATION ||
         type == G_UNICODE_FINAL_PUNCTUATION ||
         ch == '"' || ch == '\'';
}

/**
 * gloss_tokenize:
 * @text: valid UTF-8
 * @n_bytes: its length in bytes
 *
 * Splits @text into tokens by the rules at the top of gloss-tokenizer.c,
 * in one pass.
 *
 * Returns: (transfer full) (element-type GlossToken): the tokens, in order
 */
GArray *
gloss_tokenize (const char *text,
                gsize       n_bytes)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GlossToken));
  const char *end = text + n_bytes;
  GlossToken *current = NULL;
  CharClass current_class = CHAR_SPACE;
  gunichar current_first = 0;
  gboolean after_zwj = FALSE;
  gboolean pending_final = FALSE;  /* the last token(s) may end a sentence */
  gboolean pending_strong = FALSE; /* … even if no space follows */
  guint n_ri = 0;
  guint offset = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p), offset++)
    {
      gunichar ch = g_utf8_get_char (p);
      CharClass klass = classify (ch);
      gboolean joins;

      if (klass == CHAR_SPACE || klass == CHAR_NEWLINE)
        {
          if (current != NULL)
            {
              current->space_after = TRUE;
              if (pending_final || klass == CHAR_NEWLINE)
                current->sentence_end = TRUE;
            }
          else if (klass == CHAR_NEWLINE && tokens->len > 0)
            g_array_index (tokens, GlossToken, tokens->len - 1).sentence_end = TRUE;

          current = NULL;
          pending_final = FALSE;
          after_zwj = FALSE;
          continue;
        }

      joins = current != NULL &&
              (klass == CHAR_CONTINUE ||
               (klass == CHAR_WORD && current_class == CHAR_WORD) ||
               (after_zwj && klass != CHAR_WORD) ||
               (klass == CHAR_REGIONAL_INDICATOR && current_class == CHAR_REGIONAL_INDICATOR && n_ri % 2 == 1));

      if (joins)
        {
          current->end = offset + 1;
          if (klass == CHAR_REGIONAL_INDICATOR)
            n_ri++;
        }
      else
        {
          GlossToken token = { offset, offset + 1, FALSE, FALSE };

          /* Closing quotes and brackets stay in the sentence they close;
           * CJK full stops end it even with no space after them. */
          if (pending_final && !is_closing (ch))
            {
              if (pending_strong)
                g_array_index (tokens, GlossToken, tokens->len - 1).sentence_end = TRUE;
              pending_final = FALSE;
            }

          g_array_append_val (tokens, token);
          current = &g_array_index (tokens, GlossToken, tokens->len - 1);
          current_class = klass == CHAR_CONTINUE ? CHAR_OTHER : klass;
          current_first = ch;
          n_ri = klass == CHAR_REGIONAL_INDICATOR ? 1 : 0;

          if (is_sentence_final (current_first))
            {
              pending_final = TRUE;
              pending_strong = is_full_width_final (current_first);
            }
        }

      after_zwj = ch == 0x200D;
    }

  if (tokens->len > 0)
    g_array_index (tokens, GlossToken, tokens->len - 1).sentence_end = TRUE;

  return tokens;
}

/**
 * gloss_tokens_find_first:
 * @tokens: (element-type GlossToken): gloss_tokenize() of a text
 * @offset: a code point offset
 *
 * Finds the first token that ends after @offset, by binary search: the
 * token holding @offset, or else the next one.
 *
 * Returns: its index, or @tokens->len when every token ends at or before
 *   @offset
 */
guint
gloss_tokens_find_first (GArray *tokens,
                         guint   offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (tokens != NULL, 0);

  hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, GlossToken, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * gloss_snap_range:
 * @tokens: (element-type GlossToken): gloss_tokenize() of the text
 * @start: (inout): the first code point of a selection
 * @end: (inout): the code point after it
 *
 * Widens [@start, @end) outward to whole tokens: a selection that starts or
 * ends inside a word takes the whole word, and whitespace at its edges is
 * dropped. Snapping is what makes a quick, rough selection give a clean
 * span, and since tokens never split a grapheme cluster, neither does a
 * snapped span.
 *
 * Returns: %FALSE (and leaves the range alone) when the selection holds no
 *   token at all, such as a run of spaces
 */
gboolean
gloss_snap_range (GArray *tokens,
                  guint  *start,
                  guint  *end)
{
  guint first;
  guint last;

  g_return_val_if_fail (tokens != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);
  g_return_val_if_fail (*start <= *end, FALSE);

  first = gloss_tokens_find_first (tokens, *start);
  if (first >= tokens->len || g_array_index (tokens, GlossToken, first).start >= MAX (*end, *start + 1))
    return FALSE;

  /* The last token starting before the end (an empty selection snaps to the
   * token it is in). */
  last = gloss_tokens_find_first (tokens, MAX (*end, *start + 1) - 1);
  if (last >= tokens->len || g_array_index (tokens, GlossToken, last).start >= MAX (*end, *start + 1))
    last--;

  *start = g_array_index (tokens, GlossToken, first).start;
  *end = g_array_index (tokens, GlossToken, last).end;

  return TRUE;
}
