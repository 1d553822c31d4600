/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-text.c: grapheme cluster boundaries and UTF-8 validation */

#include <string.h>

#include "gloss.h"

/* A text and, for each of its byte offsets that starts a character, whether
 * a cluster boundary lies there. */
typedef struct
{
  const char *name;
  const char *text;
  gsize       n_bytes;      /* 0: strlen (text) */
  /* Offsets, ending with -1. */
  int         boundaries[24];
  int         inside[24];
} ClusterCase;

static const ClusterCase cluster_cases[] = {
  { "ascii", "Party", 0,
    { 0, 1, 2, 3, 4, 5, -1 },
    { -1 } },
  /* e + COMBINING ACUTE ACCENT (2 bytes) */
  { "combining-acute", "e\u0301x", 0,
    { 0, 3, 4, -1 },
    { 1, -1 } },
  /* "Việt", ệ precomposed (3 bytes): one code point, a boundary around it */
  { "vietnamese-nfc", "Vi\u1ec7t", 0,
    { 0, 1, 2, 5, 6, -1 },
    { -1 } },
  /* "Việt" decomposed: e + DOT BELOW + CIRCUMFLEX, two marks on one letter */
  { "vietnamese-nfd", "Vie\u0323\u0302t", 0,
    { 0, 1, 2, 7, 8, -1 },
    { 3, 5, -1 } },
  /* "ở" decomposed: o + HORN + HOOK ABOVE */
  { "vietnamese-nfd-horn", "o\u031b\u0309 ", 0,
    { 0, 5, 6, -1 },
    { 1, 3, -1 } },
  /* WAVING HAND + MEDIUM SKIN TONE (4 + 4 bytes) between letters */
  { "skin-tone", "a👋🏽b", 0,
    { 0, 1, 9, 10, -1 },
    { 5, -1 } },
  /* 👩 ZWJ 👩 ZWJ 👧: 4 + 3 + 4 + 3 + 4 bytes */
  { "zwj-family", "👩\u200d👩\u200d👧!", 0,
    { 0, 18, 19, -1 },
    { 4, 7, 11, 14, -1 } },
  /* Two flags, four regional indicators of 4 bytes: pairs from the left */
  { "flags", "🇻🇳🇫🇷", 0,
    { 0, 8, 16, -1 },
    { 4, 12, -1 } },
  { "flags-after-letter", "a🇻🇳🇫🇷b", 0,
    { 0, 1, 9, 17, 18, -1 },
    { 5, 13, -1 } },
  /* Three regional indicators: a flag and a lone one */
  { "flags-odd", "🇻🇳🇫", 0,
    { 0, 8, 12, -1 },
    { 4, -1 } },
  /* CR LF is one cluster; a lone CR or LF is a cluster of its own */
  { "crlf", "a\r\nb", 0,
    { 0, 1, 3, 4, -1 },
    { 2, -1 } },
  { "lf-cr", "a\n\rb", 0,
    { 0, 1, 2, 3, 4, -1 },
    { -1 } },
  /* A mark after a line end does not join it */
  { "mark-after-lf", "\n\u0301", 0,
    { 0, 1, 3, -1 },
    { -1 } },
  /* Hangul: L V T jamo (3 bytes each) make one syllable */
  { "hangul-jamo", "\u1100\u1161\u11a8\u1100", 0,
    { 0, 9, 12, -1 },
    { 3, 6, -1 } },
  /* LV syllable + T jamo; L + LV; T then L breaks */
  { "hangul-lv-t", "\uac00\u11a8", 0,
    { 0, 6, -1 },
    { 3, -1 } },
  { "hangul-l-lv", "\u1100\uac00", 0,
    { 0, 6, -1 },
    { 3, -1 } },
  { "hangul-syllables", "\ud55c\uad6d", 0,
    { 0, 3, 6, -1 },
    { -1 } },
  /* Devanagari "कि": KA + VOWEL SIGN I, a spacing mark (Mc) */
  { "devanagari-spacing-mark", "\u0915\u093f\u0930", 0,
    { 0, 6, 9, -1 },
    { 3, -1 } },
  /* "क्": KA + VIRAMA, a non-spacing mark (Mn) */
  { "devanagari-virama", "\u0915\u094d", 0,
    { 0, 6, -1 },
    { 3, -1 } },
  /* Keycap: 1 + VARIATION SELECTOR-16 + COMBINING ENCLOSING KEYCAP */
  { "keycap", "1\ufe0f\u20e3", 0,
    { 0, 7, -1 },
    { 1, 4, -1 } },
  /* A ZWJ between letters joins the ZWJ to the letter before only */
  { "zwj-letters", "a\u200db", 0,
    { 0, 4, 5, -1 },
    { 1, -1 } },
  /* The end of a shorter n_bytes is a boundary even inside a cluster */
  { "n-bytes-cut", "e\u0301", 1,
    { 0, 1, -1 },
    { -1 } },
};

static void
test_cluster (gconstpointer data)
{
  const ClusterCase *test = data;
  gsize n_bytes = test->n_bytes != 0 ? test->n_bytes : strlen (test->text);

  for (guint i = 0; test->boundaries[i] >= 0; i++)
    {
      g_test_message ("%s: boundary at byte %d", test->name, test->boundaries[i]);
      g_assert_true (gloss_text_is_cluster_boundary (test->text, n_bytes, test->boundaries[i]));
    }

  for (guint i = 0; test->inside[i] >= 0; i++)
    {
      g_test_message ("%s: no boundary at byte %d", test->name, test->inside[i]);
      g_assert_false (gloss_text_is_cluster_boundary (test->text, n_bytes, test->inside[i]));
    }
}

/* Every character start of each case is listed, one way or the other. */
static void
test_cluster_cases_complete (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cluster_cases); c++)
    {
      const ClusterCase *test = &cluster_cases[c];
      gsize n_bytes = test->n_bytes != 0 ? test->n_bytes : strlen (test->text);
      guint n_listed = 0;
      guint n_chars;

      for (guint i = 0; test->boundaries[i] >= 0; i++)
        n_listed++;
      for (guint i = 0; test->inside[i] >= 0; i++)
        n_listed++;

      n_chars = g_utf8_strlen (test->text, n_bytes);
      g_test_message ("%s: %u characters, %u offsets listed", test->name, n_chars, n_listed);
      /* n_chars + 1 offsets: before each character and at the end. */
      g_assert_cmpuint (n_listed, ==, n_chars + 1);
    }
}

static void
test_cluster_empty (void)
{
  g_assert_true (gloss_text_is_cluster_boundary ("", 0, 0));
  g_assert_true (gloss_text_is_cluster_boundary (NULL, 0, 0));
}

/* The boundaries of a whole sentence, walked character by character,
 * give the clusters a reader sees. */
static void
test_cluster_walk (void)
{
  const char *text = "Việt Nam 🇻🇳 👩\u200d👩\u200d👧 cafe\u0301\r\n";
  const char *expected[] = {
    "V", "i", "\u1ec7", "t", " ", "N", "a", "m", " ", "🇻🇳", " ",
    "👩\u200d👩\u200d👧", " ", "c", "a", "f", "e\u0301", "\r\n", NULL
  };
  g_autoptr(GPtrArray) clusters = g_ptr_array_new_with_free_func (g_free);
  gsize n_bytes = strlen (text);
  const char *start = text;

  for (const char *p = g_utf8_next_char (text); p <= text + n_bytes; p = g_utf8_next_char (p))
    {
      if (gloss_text_is_cluster_boundary (text, n_bytes, p - text))
        {
          g_ptr_array_add (clusters, g_strndup (start, p - start));
          start = p;
        }
      if (p == text + n_bytes)
        break;
    }
  g_ptr_array_add (clusters, NULL);

  g_assert_cmpstrv ((const char * const *)clusters->pdata, expected);
}

/* UTF-8 validation */

typedef struct
{
  const char *name;
  const char *text;
  gsize       n_bytes;
  gsize       offset;
  guint       line;
  guint       column;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "ff-first", "\xff", 1, 0, 1, 1 },
  { "ff-ascii", "abc\xff" "def", 7, 3, 1, 4 },
  /* Columns count characters: "đây " is 4 characters in 6 bytes */
  { "column-in-characters", "line one\n\xc4\x91\xc3\xa2y \xc3(", 17, 15, 2, 5 },
  { "third-line", "a\nb\n\xe1\xbb\x87\xe1\xbb" "x", 10, 7, 3, 2 },
  /* A sequence cut off by the end of the data */
  { "truncated", "ab\xe1\xbb", 4, 2, 1, 3 },
  /* Overlong "/" and an encoded surrogate */
  { "overlong", "\xc0\xaf", 2, 0, 1, 1 },
  { "surrogate", "x\ny\xed\xa0\x80", 6, 3, 2, 2 },
  /* A lone continuation byte */
  { "continuation", "Vi\x87t", 4, 2, 1, 3 },
  /* NUL counts as invalid */
  { "nul", "ab\ncd\0ef", 8, 5, 2, 3 },
  { "nul-first", "\0", 1, 0, 1, 1 },
  /* Only LF starts a line */
  { "crlf", "a\r\nb\xff", 5, 4, 2, 2 },
};

static void
test_validate_invalid (gconstpointer data)
{
  const InvalidCase *test = data;
  gsize offset = G_MAXSIZE;
  guint line = G_MAXUINT;
  guint column = G_MAXUINT;

  g_assert_false (gloss_text_validate_utf8 (test->text, test->n_bytes, &offset, &line, &column));
  g_assert_cmpuint (offset, ==, test->offset);
  g_assert_cmpuint (line, ==, test->line);
  g_assert_cmpuint (column, ==, test->column);

  /* Every out argument may be left out. */
  g_assert_false (gloss_text_validate_utf8 (test->text, test->n_bytes, NULL, NULL, NULL));
}

static void
test_validate_valid (void)
{
  const char *texts[] = {
    "",
    "ASCII only",
    "Ngoại giao Việt Nam",
    "Vie\u0323\u0302t",
    "👩\u200d👩\u200d👧 🇻🇳🇫🇷",
    "الدبلوماسية",
    "\ud55c\uad6d\uc5b4",
    "line\r\nline\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gsize offset = 42;
      guint line = 42;
      guint column = 42;

      g_assert_true (gloss_text_validate_utf8 (texts[i], strlen (texts[i]), &offset, &line, &column));
      /* Untouched when there is nothing to report. */
      g_assert_cmpuint (offset, ==, 42);
      g_assert_cmpuint (line, ==, 42);
      g_assert_cmpuint (column, ==, 42);
    }

  /* n_bytes is honoured: the invalid byte after it is not looked at. */
  g_assert_true (gloss_text_validate_utf8 ("abc\xff", 3, NULL, NULL, NULL));
}

/* Long texts take the fast paths (ASCII eight bytes at a time, windows
 * of the rest): each invalid case, and a valid text, at every offset
 * after ASCII or Vietnamese, must give what g_utf8_validate_len() and
 * g_utf8_strlen() give. Random bytes too. */
static void
test_validate_long (void)
{
  const char *prefixes[] = {
    "Quan he ngoai giao giua hai nuoc duoc thiet lap tu lau va phat trien ",
    "Quan hệ ngoại giao giữa hai nước được thiết lập từ lâu và phát triển ",
  };
  const char *valid = "Việt Nam 👩\u200d👩\u200d👧 🇻🇳 e\u0301 الدبلوماسية 한국어";
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (gsize cut = 0; cut <= strlen (prefixes[p]); cut++)
      {
        g_autoptr(GString) text = NULL;
        gsize at = cut;

        /* Back up to a character boundary. */
        while (at > 0 && ((guchar)prefixes[p][at] & 0xc0) == 0x80)
          at--;
        text = g_string_new_len (prefixes[p], at);

        for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
          {
            g_autoptr(GString) bad = g_string_new_len (text->str, text->len);
            const char *end = NULL;
            gsize offset = 0;

            g_string_append_len (bad, invalid_cases[i].text, invalid_cases[i].n_bytes);
            g_string_append (bad, prefixes[p]);
            g_assert_false (g_utf8_validate_len (bad->str, bad->len, &end));
            g_assert_false (gloss_text_validate_utf8 (bad->str, bad->len, &offset, NULL, NULL));
            g_assert_cmpuint (offset, ==, end - bad->str);
          }

        g_string_append (text, valid);
        g_string_append (text, prefixes[p]);
        g_assert_true (gloss_text_validate_utf8 (text->str, text->len, NULL, NULL, NULL));
        g_assert_cmpuint (gloss_text_count_chars (text->str, text->len), ==,
                          g_utf8_strlen (text->str, text->len));
      }

  for (guint i = 0; i < 20000; i++)
    {
      guchar bytes[48];
      gsize n = g_rand_int_range (rand, 1, sizeof bytes);
      const char *end = NULL;
      gsize offset = 0;
      gboolean valid_bytes;

      for (gsize j = 0; j < n; j++)
        {
          /* Mostly ASCII, as a corpus is, with the bytes that start and
           * continue sequences. */
          guint32 r = g_rand_int_range (rand, 0, 10);

          bytes[j] = r < 6 ? g_rand_int_range (rand, 1, 0x80) : g_rand_int_range (rand, 0x80, 0x100);
        }
      valid_bytes = g_utf8_validate_len ((const char *)bytes, n, &end);
      g_assert_cmpint (gloss_text_validate_utf8 ((const char *)bytes, n, &offset, NULL, NULL), ==, valid_bytes);
      if (!valid_bytes)
        g_assert_cmpuint (offset, ==, end - (const char *)bytes);
      else
        g_assert_cmpuint (gloss_text_count_chars ((const char *)bytes, n), ==,
                          g_utf8_strlen ((const char *)bytes, n));
    }
}

/* Digits as printf writes them, up to G_MAXUINT. */
static void
test_write_uint (void)
{
  const guint values[] = { 0, 7, 10, 99, 100, 65536, 1000000000, G_MAXUINT };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u", values[i]);
      char out[GLOSS_TEXT_UINT_DIGITS + 1];
      gsize n = gloss_text_write_uint (out, values[i]);

      out[n] = '\0';
      g_assert_cmpstr (out, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/text/validate/long", test_validate_long);
  g_test_add_func ("/gloss/core/text/write-uint", test_write_uint);

  for (guint i = 0; i < G_N_ELEMENTS (cluster_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/gloss/core/text/cluster/", cluster_cases[i].name, NULL);

      g_test_add_data_func (path, &cluster_cases[i], test_cluster);
    }
  g_test_add_func ("/gloss/core/text/cluster-cases-complete", test_cluster_cases_complete);
  g_test_add_func ("/gloss/core/text/cluster-empty", test_cluster_empty);
  g_test_add_func ("/gloss/core/text/cluster-walk", test_cluster_walk);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/gloss/core/text/validate/", invalid_cases[i].name, NULL);

      g_test_add_data_func (path, &invalid_cases[i], test_validate_invalid);
    }
  g_test_add_func ("/gloss/core/text/validate/valid", test_validate_valid);

  return g_test_run ();
}
