/* test-tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"

/* Renders the tokens of @text as "tok|tok‖tok": "|" between tokens of a
 * sentence, "‖" where a sentence ends (also after the last token). */
static char *
render (const char *text)
{
  g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);
      g_autofree char *slice = g_utf8_substring (text, token->start, token->end);

      g_assert_cmpuint (token->start, <, token->end);
      if (i > 0)
        g_assert_cmpuint (g_array_index (tokens, GlossToken, i - 1).end, <=, token->start);

      g_string_append (out, slice);
      if (token->sentence_end)
        g_string_append (out, "‖");
      else if (i + 1 < tokens->len)
        g_string_append (out, "|");
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static const Case cases[] = {
  { "Hello, world! It's 3.5 km.", "Hello|,|world|!‖It|'|s|3|.|5|km|.‖" },
  { "Ngoại giao Việt Nam giữ vững độc lập.", "Ngoại|giao|Việt|Nam|giữ|vững|độc|lập|.‖" },
  /* NFD: the combining marks stay in their word. */
  { "Vie\u0323\u0302t Nam", "Vie\u0323\u0302t|Nam‖" },
  /* An emoji with VS16, a ZWJ family and two flags are one token each. */
  { "I \u2764\ufe0f 👩\u200d👩\u200d👧 🇻🇳🇫🇷!", "I|\u2764\ufe0f|👩\u200d👩\u200d👧|🇻🇳|🇫🇷|!‖" },
  { "Thumbs 👍🏽 up", "Thumbs|👍🏽|up‖" },
  { "السلام عليكم. مرحبا؟ نعم", "السلام|عليكم|.‖مرحبا|؟‖نعم‖" },
  /* A zero-width non-joiner inside a Persian word keeps it whole. */
  { "می\u200cخواهم", "می\u200cخواهم‖" },
  { "Line one\nLine two", "Line|one‖Line|two‖" },
  { "He said \"Stop.\" Then he left.", "He|said|\"|Stop|.|\"‖Then|he|left|.‖" },
  { "Wait… (really?) Yes.", "Wait|…‖(|really|?|)‖Yes|.‖" },
  { "外交政策。合作！", "外交政策|。‖合作|！‖" },
  { "  \t\n  ", "" },
  { "", "" },
  { "x", "x‖" },
};

static void
test_tokenizer_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rendered = render (cases[i].text);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (rendered, ==, cases[i].expected);
    }
}

static void
test_tokenizer_offsets_and_space (void)
{
  /* Offsets are code points: 👩‍💻 is 3 of them. */
  const char *text = "a 👩\u200d💻,b";
  g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));
  GlossToken *t;

  g_assert_cmpuint (tokens->len, ==, 4);

  t = &g_array_index (tokens, GlossToken, 0);
  g_assert_cmpuint (t->start, ==, 0);
  g_assert_cmpuint (t->end, ==, 1);
  g_assert_true (t->space_after);

  t = &g_array_index (tokens, GlossToken, 1);
  g_assert_cmpuint (t->start, ==, 2);
  g_assert_cmpuint (t->end, ==, 5);
  g_assert_false (t->space_after);

  t = &g_array_index (tokens, GlossToken, 2);
  g_assert_cmpuint (t->start, ==, 5);
  g_assert_cmpuint (t->end, ==, 6);
  g_assert_false (t->space_after);

  t = &g_array_index (tokens, GlossToken, 3);
  g_assert_cmpuint (t->start, ==, 6);
  g_assert_cmpuint (t->end, ==, 7);
  g_assert_false (t->space_after);
  g_assert_true (t->sentence_end);
}

static void
test_tokenizer_never_splits_clusters (void)
{
  const char *text = "Vie\u0323\u0302t 👩\u200d👩\u200d👧 🇻🇳🇫🇷🇯 e\u0301!";
  g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));
  gsize n_bytes = strlen (text);

  for (guint i = 0; i < tokens->len; i++)
    {
      GlossToken *token = &g_array_index (tokens, GlossToken, i);
      const char *start = g_utf8_offset_to_pointer (text, token->start);
      const char *end = g_utf8_offset_to_pointer (text, token->end);

      g_assert_true (gloss_text_is_cluster_boundary (text, n_bytes, start - text));
      g_assert_true (gloss_text_is_cluster_boundary (text, n_bytes, end - text));
    }
}

typedef struct
{
  const char *text;
  guint       start;
  guint       end;
  gboolean    snapped;
  const char *expected;
} SnapCase;

static const SnapCase snap_cases[] = {
  /* Inside two words: both whole. */
  { "Hello wonderful world", 3, 9, TRUE, "Hello wonderful" },
  /* Exactly a word, and a word with spaces around it. */
  { "Hello wonderful world", 6, 15, TRUE, "wonderful" },
  { "Hello wonderful world", 5, 16, TRUE, "wonderful" },
  /* Only spaces: nothing to label. */
  { "Hello   world", 6, 7, FALSE, NULL },
  /* An empty selection (a cursor) takes the word it is in. */
  { "Hello world", 8, 8, TRUE, "world" },
  /* A cursor right before a word takes that word. */
  { "Hello world", 6, 6, TRUE, "world" },
  /* Half a ZWJ family takes the whole family. */
  { "a 👩\u200d👩\u200d👧 b", 3, 4, TRUE, "👩\u200d👩\u200d👧" },
  /* Decomposed Vietnamese: the marks come along. */
  { "Vie\u0323\u0302t Nam", 0, 3, TRUE, "Vie\u0323\u0302t" },
  /* Punctuation is a token of its own and is kept when selected. */
  { "độc lập, tự chủ", 1, 8, TRUE, "độc lập," },
  { "", 0, 0, FALSE, NULL },
};

static void
test_tokenizer_snap (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (snap_cases); i++)
    {
      const SnapCase *c = &snap_cases[i];
      g_autoptr(GArray) tokens = gloss_tokenize (c->text, strlen (c->text));
      guint start = c->start;
      guint end = c->end;

      g_test_message ("snap case %u: %s [%u, %u)", i, c->text, c->start, c->end);
      g_assert_cmpint (gloss_snap_range (tokens, &start, &end), ==, c->snapped);

      if (c->snapped)
        {
          g_autofree char *slice = g_utf8_substring (c->text, start, end);

          g_assert_cmpstr (slice, ==, c->expected);
        }
      else
        {
          g_assert_cmpuint (start, ==, c->start);
          g_assert_cmpuint (end, ==, c->end);
        }
    }
}

/* “Tiếng 👩‍💻 Việt”: tokens 0–5, 6–9 (the ZWJ sequence), 10–14. */
static void
test_tokenizer_find_first (void)
{
  static const char text[] = "Tiếng 👩‍💻 Việt";
  static const guint expected[] = {
    /* Tiếng, 0–4 */ 0, 0, 0, 0, 0,
    /* the space at 5, the emoji 6–8 */ 1, 1, 1, 1,
    /* the space at 9, Việt 10–13 */ 2, 2, 2, 2, 2,
    /* the end, 14, and past it */ 3, 3,
  };
  g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));

  g_assert_cmpuint (tokens->len, ==, 3);
  for (guint offset = 0; offset < G_N_ELEMENTS (expected); offset++)
    g_assert_cmpuint (gloss_tokens_find_first (tokens, offset), ==, expected[offset]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/tokenizer/cases", test_tokenizer_cases);
  g_test_add_func ("/gloss/core/tokenizer/offsets-and-space", test_tokenizer_offsets_and_space);
  g_test_add_func ("/gloss/core/tokenizer/never-splits-clusters", test_tokenizer_never_splits_clusters);
  g_test_add_func ("/gloss/core/tokenizer/snap", test_tokenizer_snap);
  g_test_add_func ("/gloss/core/tokenizer/find-first", test_tokenizer_find_first);

  return g_test_run ();
}
