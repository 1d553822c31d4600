/* test-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

#define FOX_TEXT "The quick brown fox jumps over the lazy dog. A fox."
#define VI_TEXT "Ngoại giao Việt Nam: độc lập, tự chủ, đa phương hóa, đa dạng hóa."

static const GlossSearchOptions plain = { FALSE, FALSE, FALSE };
static const GlossSearchOptions caseless = { FALSE, TRUE, FALSE };
static const GlossSearchOptions regex = { TRUE, FALSE, FALSE };
static const GlossSearchOptions whole_word = { FALSE, FALSE, TRUE };

/* "start-end start-end …", so a failure shows every match at once. */
static char *
format_matches (GArray *matches)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const GlossSearchMatch *match = &g_array_index (matches, GlossSearchMatch, i);

      g_string_append_printf (str, "%s%u-%u", i > 0 ? " " : "", match->start, match->end);
    }

  return g_string_free (str, FALSE);
}

static void
assert_matches (const char               *text,
                const char               *pattern,
                const GlossSearchOptions *options,
                const char               *expected)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *found = NULL;

  matches = gloss_search_document (document, pattern, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matches);
  found = format_matches (matches);
  g_assert_cmpstr (found, ==, expected);
}

static void
test_plain (void)
{
  assert_matches (FOX_TEXT, "fox", &plain, "16-19 47-50");
  assert_matches (FOX_TEXT, "fox", NULL, "16-19 47-50");
  assert_matches (FOX_TEXT, "Fox", &plain, "");
  assert_matches (FOX_TEXT, "cat", &plain, "");
  /* Literal: the dot and the bracket are not regex syntax. */
  assert_matches ("axb a.b (x", "a.b", &plain, "4-7");
  assert_matches ("axb a.b (x", "(x", &plain, "8-10");
  assert_matches ("aaaa", "aa", &plain, "0-2 2-4");
}

static void
test_ignore_case (void)
{
  assert_matches (VI_TEXT, "VIỆT NAM", &caseless, "11-19");
  assert_matches (VI_TEXT, "VIỆT NAM", &plain, "");
  assert_matches (VI_TEXT, "ĐỘC LẬP", &caseless, "21-28");
  assert_matches (FOX_TEXT, "THE", &caseless, "0-3 31-34");
}

static void
test_regex (void)
{
  assert_matches (VI_TEXT, "(độc|tự) (lập|chủ)", &regex, "21-28 30-36");
  assert_matches (VI_TEXT, "đa (phương|dạng) hóa", &regex, "38-51 53-64");
  assert_matches (FOX_TEXT, "\\bf(o)x\\b", &regex, "16-19 47-50");
  /* Lines are anchors. */
  assert_matches ("one\ntwo\nthree", "^t\\w+$", &regex, "4-7 8-13");
  /* \w is Unicode-aware. */
  assert_matches ("Việt Nam", "\\w+", &regex, "0-4 5-8");
}

static void
test_empty_matches (void)
{
  /* x* would match the empty string everywhere; only the runs count. */
  assert_matches ("axxbx", "x*", &regex, "1-3 4-5");
  assert_matches ("abc", "x*", &regex, "");
  assert_matches ("abc", "(?=b)", &regex, "");
}

static void
test_whole_word (void)
{
  assert_matches ("pillars and a pillar, pillar", "pillar", &plain, "0-6 14-20 22-28");
  assert_matches ("pillars and a pillar, pillar", "pillar", &whole_word, "14-20 22-28");
  assert_matches ("Namibia Nam Nam.", "Nam", &whole_word, "8-11 12-15");
  /* Diacritics are letters, not word boundaries. */
  assert_matches ("Việt Viê", "Vi", &whole_word, "");
  assert_matches (VI_TEXT, "hóa", &whole_word, "48-51 61-64");
}

static void
test_whole_word_regex (void)
{
  GlossSearchOptions options = { TRUE, TRUE, TRUE };

  /* A dropped match does not hide a later one inside it. */
  assert_matches ("pillars pillar", "pillar|pillars", &options, "0-7 8-14");
  assert_matches ("xpillar pillar", "\\w*pillar", &options, "0-7 8-14");
  assert_matches ("xpillar pillar", "pillar", &options, "8-14");
  /* Wrapping the pattern for whole words keeps its meaning. */
  assert_matches ("a pillar) pillar", "\\Qpillar)", &options, "2-9");
  assert_matches ("pillars pillar", "(?x) pillars? # a comment", &options, "0-7 8-14");
  assert_matches ("pillar pillars", "(pillar)s|\\1", &options, "7-14");
}

static void
test_emoji (void)
{
  /* 👩‍👩‍👧 is five code points, 👍🏽 two. */
  const char *text = "👩‍👩‍👧 family 👍🏽 fox 👩";

  assert_matches (text, "family", &plain, "6-12");
  assert_matches (text, "fox", &plain, "16-19");
  assert_matches (text, "fox", &whole_word, "16-19");
  /* A woman inside the ZWJ family would split it; the lone one does not. */
  assert_matches (text, "👩", &plain, "20-21");
  assert_matches (text, "👍🏽", &plain, "13-15");
  assert_matches (text, "👍", &plain, "");
  assert_matches (text, "👩‍👩‍👧", &plain, "0-5");
  /* A flag is one cluster. */
  assert_matches ("🇻🇳 Hà Nội", "Hà Nội", &caseless, "3-9");
  assert_matches ("🇻🇳 Hà Nội", "🇻", &plain, "");
}

static void
test_arabic (void)
{
  const char *text = "السلام عليكم يا صديقي، عليكم";

  assert_matches (text, "عليكم", &plain, "7-12 23-28");
  assert_matches (text, "عليكم", &whole_word, "7-12 23-28");
  assert_matches (text, "صديق", &whole_word, "");
  assert_matches (text, "صديق", &plain, "16-20");
  /* With a vowel mark (fatha) on the first letter, a bare-letter match would
   * split the letter from its mark. */
  assert_matches ("بَاب باب", "با", &plain, "5-7");
}

static void
test_nfd (void)
{
  /* e + COMBINING ACUTE ACCENT */
  const char *text = "cafe\xcc\x81 cafe e\xcc\x81";

  assert_matches (text, "cafe", &plain, "6-10");
  assert_matches (text, "cafe\xcc\x81", &plain, "0-5");
  assert_matches (text, "e", &plain, "9-10");
  assert_matches (text, "e\xcc\x81", &plain, "3-5 11-13");
  /* The precomposed é does not match the decomposed one: no normalization. */
  assert_matches (text, "café", &plain, "");
  assert_matches (text, "caf.", &regex, "6-10");
}

static void
test_invalid_regex (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, FOX_TEXT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) regex_error = NULL;
  g_autoptr(GRegex) compiled = NULL;
  GArray *matches;

  matches = gloss_search_document (document, "fox(", &regex, &error);
  g_assert_null (matches);
  g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_PATTERN);

  compiled = g_regex_new ("fox(", G_REGEX_OPTIMIZE | G_REGEX_MULTILINE, 0, &regex_error);
  g_assert_null (compiled);
  g_assert_nonnull (regex_error);
  g_assert_cmpstr (error->message, ==, regex_error->message);

  /* The same text is fine as a plain pattern. */
  assert_matches ("a fox( b", "fox(", &plain, "2-6");
}

static void
test_empty_pattern (void)
{
  assert_matches (FOX_TEXT, "", &plain, "");
  assert_matches (FOX_TEXT, "", &regex, "");
  assert_matches ("", "", &plain, "");
  assert_matches ("", "fox", &plain, "");
}

static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    g_string_append (text, "Việt 👍🏽 ");

  document = gloss_document_new ("d", NULL, text->str);
  matches = gloss_search_document (document, "việt", &caseless, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, n);
  /* Each repetition is 4 + 1 + 2 + 1 code points. */
  g_assert_cmpuint (g_array_index (matches, GlossSearchMatch, n - 1).start, ==, (n - 1) * 8);
  g_assert_cmpuint (g_array_index (matches, GlossSearchMatch, n - 1).end, ==, (n - 1) * 8 + 4);
}

typedef struct
{
  GlossCorpus   *corpus;
  GlossHistory  *history;
  GlossDocument *a;
  GlossDocument *b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->corpus = gloss_corpus_new ();
  fixture->history = gloss_corpus_get_history (fixture->corpus);
  fixture->a = format_test_add_document (fixture->corpus, "a", "Việt Nam và Lào. VIỆT NAM!");
  fixture->b = format_test_add_document (fixture->corpus, "b", "Đối ngoại Việt Nam. Việt Nam-Lào.");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->corpus);
}

static void
test_corpus_count (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) stray = gloss_document_new ("stray", NULL, "Việt Nam");

  g_assert_cmpuint (gloss_search_corpus_count (fixture->corpus, NULL, "Việt Nam", &plain, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_search_corpus_count (fixture->corpus, NULL, "Việt Nam", &caseless, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_search_corpus_count (fixture->corpus, fixture->a, "Việt Nam", &caseless, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_search_corpus_count (fixture->corpus, NULL, "", &plain, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_search_corpus_count (fixture->corpus, NULL, "[", &regex, &error), ==, 0);
  g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_PATTERN);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_search_corpus_count (fixture->corpus, stray, "Việt", &plain, &error), ==, 0);
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
}

static void
test_label_all_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_skipped = 99;
  GlossSpan *span;

  g_assert_false (gloss_history_get_can_undo (fixture->history));

  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, NULL, "việt nam", &caseless,
                                            "principle", &n_skipped, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->a), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->b), ==, 2);
  g_assert_nonnull (gloss_document_find_span (fixture->a, 17, 25, "principle"));
  span = gloss_document_find_span (fixture->b, 20, 28, "principle");
  g_assert_nonnull (span);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  g_assert_true (gloss_corpus_get_dirty (fixture->corpus));

  /* One step. */
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 0);
  g_assert_false (gloss_history_get_can_undo (fixture->history));
  g_assert_true (gloss_history_get_can_redo (fixture->history));

  g_assert_true (gloss_history_redo (fixture->history));
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 4);
  g_assert_nonnull (gloss_document_find_span (fixture->a, 0, 8, "principle"));
  g_assert_nonnull (gloss_document_find_span (fixture->b, 10, 18, "principle"));
  g_assert_false (gloss_history_get_can_redo (fixture->history));
}

static void
test_label_all_document (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, fixture->b, "Lào", &whole_word,
                                            "task", NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->a), ==, 0);
  g_assert_nonnull (gloss_document_find_span (fixture->b, 29, 32, "task"));
}

static void
test_label_all_duplicates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) existing = gloss_span_new (0, 8, "pillar");
  g_autoptr(GlossSpan) other_label = gloss_span_new (17, 25, "task");
  guint n_skipped = 0;

  g_assert_true (gloss_history_add_span (fixture->history, fixture->a, existing, &error));
  g_assert_true (gloss_history_add_span (fixture->history, fixture->a, other_label, &error));
  g_assert_no_error (error);

  /* Only an exact duplicate (same range and label) is skipped. */
  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, NULL, "Việt Nam", &caseless,
                                            "pillar", &n_skipped, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 5);

  /* Everything is there now: nothing added, and no empty undo step. */
  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, NULL, "Việt Nam", &caseless,
                                            "pillar", &n_skipped, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 4);

  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 2);
  g_assert_nonnull (gloss_document_find_span (fixture->a, 0, 8, "pillar"));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_true (gloss_history_undo (fixture->history));
  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 0);
  g_assert_false (gloss_history_get_can_undo (fixture->history));
}

static void
test_label_all_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) stray = gloss_document_new ("stray", NULL, "Việt Nam");
  guint64 change_count = gloss_corpus_get_change_count (fixture->corpus);
  guint n_skipped = 99;

  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, NULL, "Việt", &plain,
                                            "no-such-label", &n_skipped, &error), ==, 0);
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  g_assert_nonnull (strstr (error->message, "no-such-label"));
  g_assert_cmpuint (n_skipped, ==, 0);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, NULL, "Việt(", &regex,
                                            "task", NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_PATTERN);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, stray, "Việt", &plain,
                                            "task", NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);

  /* An empty pattern labels nothing and is no error. */
  g_assert_cmpuint (gloss_search_label_all (fixture->corpus, NULL, "", &plain,
                                            "task", &n_skipped, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 0);

  g_assert_cmpuint (gloss_corpus_count_spans (fixture->corpus), ==, 0);
  g_assert_false (gloss_history_get_can_undo (fixture->history));
  g_assert_cmpuint (gloss_corpus_get_change_count (fixture->corpus), ==, change_count);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/search/plain", test_plain);
  g_test_add_func ("/gloss/core/search/ignore-case", test_ignore_case);
  g_test_add_func ("/gloss/core/search/regex", test_regex);
  g_test_add_func ("/gloss/core/search/empty-matches", test_empty_matches);
  g_test_add_func ("/gloss/core/search/whole-word", test_whole_word);
  g_test_add_func ("/gloss/core/search/whole-word-regex", test_whole_word_regex);
  g_test_add_func ("/gloss/core/search/emoji", test_emoji);
  g_test_add_func ("/gloss/core/search/arabic", test_arabic);
  g_test_add_func ("/gloss/core/search/nfd", test_nfd);
  g_test_add_func ("/gloss/core/search/invalid-regex", test_invalid_regex);
  g_test_add_func ("/gloss/core/search/empty-pattern", test_empty_pattern);
  g_test_add_func ("/gloss/core/search/long-text", test_long_text);
  g_test_add ("/gloss/core/search/corpus-count", Fixture, NULL,
              fixture_set_up, test_corpus_count, fixture_tear_down);
  g_test_add ("/gloss/core/search/label-all/undo", Fixture, NULL,
              fixture_set_up, test_label_all_undo, fixture_tear_down);
  g_test_add ("/gloss/core/search/label-all/document", Fixture, NULL,
              fixture_set_up, test_label_all_document, fixture_tear_down);
  g_test_add ("/gloss/core/search/label-all/duplicates", Fixture, NULL,
              fixture_set_up, test_label_all_duplicates, fixture_tear_down);
  g_test_add ("/gloss/core/search/label-all/errors", Fixture, NULL,
              fixture_set_up, test_label_all_errors, fixture_tear_down);

  return g_test_run ();
}
