/* test-gazetteer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

static GlossGazetteer *
gazetteer_new (const char  *list,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (list, strlen (list));

  return gloss_gazetteer_new_from_bytes (bytes, "list.txt", error);
}

static GlossCorpus *
corpus_new (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new ();
  const char *ids[] = { "LOC", "PER", "ORG" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GlossLabel) label = gloss_label_new (ids[i], ids[i], NULL, NULL, NULL);

      g_assert_true (gloss_schema_add (schema, label, NULL));
    }

  return gloss_corpus_new_with_schema (schema);
}

/* The matches as "start-end:LABEL=text" joined by spaces. */
static char *
describe_matches (GlossDocument *document,
                  GArray        *matches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const GlossGazetteerMatch *match = &g_array_index (matches, GlossGazetteerMatch, i);
      g_autofree char *slice = gloss_document_dup_slice (document, match->start, match->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%u-%u:%s=%s", match->start, match->end, match->label, slice);
    }

  return g_string_free (out, FALSE);
}

static char *
match_text (const char *list,
            const char *text,
            const char *default_label,
            gboolean    ignore_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = gazetteer_new (list, &error);
  g_autoptr(GlossDocument) document = gloss_document_new ("d", NULL, text);
  g_autoptr(GArray) matches = NULL;

  g_assert_no_error (error);
  matches = gloss_gazetteer_match (gazetteer, document, default_label, ignore_case);

  return describe_matches (document, matches);
}

static void
assert_parse_error (const char *list,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = gazetteer_new (list, &error);

  g_assert_null (gazetteer);
  g_assert_error (error, GLOSS_GAZETTEER_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Tests */

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_auto(GStrv) labels = NULL;
  guint line;

  gazetteer = gazetteer_new ("\xEF\xBB\xBF# Provinces\n"
                             "\n"
                             "Hà Nội\tLOC\r\n"
                             "   # indented comment\n"
                             "  Hồ Chí Minh  \t PER \n"
                             "Huế\n"
                             "Đà Nẵng\t\n"
                             "C#\tLOC",
                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (gazetteer);
  g_assert_cmpstr (gloss_gazetteer_get_name (gazetteer), ==, "list.txt");
  g_assert_cmpuint (gloss_gazetteer_get_n_terms (gazetteer), ==, 5);
  g_assert_true (gloss_gazetteer_has_unlabelled (gazetteer));

  labels = gloss_gazetteer_dup_labels (gazetteer);
  g_assert_cmpuint (g_strv_length (labels), ==, 2);
  g_assert_cmpstr (labels[0], ==, "LOC");
  g_assert_cmpstr (labels[1], ==, "PER");

  /* Where each label comes from, for messages about it. */
  g_assert_cmpuint (gloss_gazetteer_count_terms (gazetteer, "LOC", &line), ==, 2);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (gloss_gazetteer_count_terms (gazetteer, "PER", &line), ==, 1);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (gloss_gazetteer_count_terms (gazetteer, NULL, &line), ==, 2);
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpuint (gloss_gazetteer_count_terms (gazetteer, "ORG", &line), ==, 0);
  g_assert_cmpuint (line, ==, 0);
}

static void
test_parse_errors (void)
{
  assert_parse_error ("Hà Nội\n\tLOC\n", GLOSS_GAZETTEER_ERROR_EMPTY_TERM,
                      "list.txt:2: the term is empty");
  assert_parse_error ("# only punctuation counts as a term\n \u00A0 \n", GLOSS_GAZETTEER_ERROR_EMPTY_TERM,
                      "list.txt:2: the term is empty");
  assert_parse_error ("Hà Nội\tLOC\nHuế\tthủ đô\n", GLOSS_GAZETTEER_ERROR_INVALID_LABEL,
                      "list.txt:2: “thủ đô” is not a label id (1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”)");
  assert_parse_error ("Huế\tLOC\tPER\n", GLOSS_GAZETTEER_ERROR_INVALID_LABEL,
                      "list.txt:1: “LOC\tPER” is not a label id (1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”)");
  assert_parse_error ("Hà Nội\n# ok\nSa\xFF Pa\n", GLOSS_GAZETTEER_ERROR_INVALID_UTF8,
                      "list.txt:3: invalid UTF-8 at byte offset 17; convert the list to UTF-8 first");
}

static void
test_empty_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = gazetteer_new ("# nothing\n\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (gloss_gazetteer_get_n_terms (gazetteer), ==, 0);
  g_assert_false (gloss_gazetteer_has_unlabelled (gazetteer));
}

static void
test_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/gloss/list.txt");
  g_autoptr(GlossGazetteer) gazetteer = gloss_gazetteer_new_from_file (missing, &error);

  g_assert_null (gazetteer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/gloss/list.txt: "));
}

static void
test_whole_words (void)
{
  g_autofree char *found = match_text ("Nam\tLOC\n", "Namibia, Việt Nam và Nam-Phi; Namnam", NULL, FALSE);

  g_assert_cmpstr (found, ==, "14-17:LOC=Nam 21-24:LOC=Nam");
}

static void
test_longest_first (void)
{
  g_autofree char *found = NULL;
  g_autofree char *reversed = NULL;

  found = match_text ("Ha\tPER\nHa Noi\tLOC\nNoi Bai\tORG\n", "Ha Noi Bai. Ha Long.", NULL, FALSE);
  g_assert_cmpstr (found, ==, "0-6:LOC=Ha Noi 12-14:PER=Ha");

  /* The order of the list does not matter, only the length. */
  reversed = match_text ("Ha Noi\tLOC\nHa\tPER\n", "Ha Noi", NULL, FALSE);
  g_assert_cmpstr (reversed, ==, "0-6:LOC=Ha Noi");
}

static void
test_equal_length_first_wins (void)
{
  g_autofree char *found = match_text ("Huế\tLOC\nHuế\tPER\n", "Huế", NULL, FALSE);

  g_assert_cmpstr (found, ==, "0-3:LOC=Huế");
}

static void
test_case (void)
{
  const char *text = "HÀ NỘI, Hà Nội và hà nội";
  g_autofree char *exact = match_text ("Hà Nội\tLOC\n", text, NULL, FALSE);
  g_autofree char *folded = match_text ("Hà Nội\tLOC\n", text, NULL, TRUE);
  g_autofree char *folded_term = match_text ("HÀ NỘI\tLOC\n", text, NULL, TRUE);

  g_assert_cmpstr (exact, ==, "8-14:LOC=Hà Nội");
  g_assert_cmpstr (folded, ==, "0-6:LOC=HÀ NỘI 8-14:LOC=Hà Nội 18-24:LOC=hà nội");
  g_assert_cmpstr (folded_term, ==, folded);
}

static void
test_diacritics_matter (void)
{
  /* Folding case never folds tones: Hà is not Ha, nor Há. */
  g_autofree char *found = match_text ("Hà\tLOC\n", "Ha Há HÀ hà", NULL, TRUE);

  g_assert_cmpstr (found, ==, "6-8:LOC=HÀ 9-11:LOC=hà");
}

static void
test_normalization (void)
{
  /* “Hà Nội” decomposed in the text, composed in the list. */
  g_autofree char *found = match_text ("Hà Nội\tLOC\n", "Ở Ha\xCC\x80 N\xC3\xB4\xCC\xA3i.", NULL, FALSE);

  g_assert_cmpstr (found, ==, "2-10:LOC=Ha\xCC\x80 N\xC3\xB4\xCC\xA3i");
}

static void
test_casefold_changes_length (void)
{
  /* ß folds to “ss” and İ to “i̇”: offsets must still be the text’s. */
  g_autofree char *found = match_text ("STRASSE\tLOC\nİzmir\tLOC\n",
                                       "Eine Straße in İZMIR, STRASSE.", NULL, TRUE);

  g_assert_cmpstr (found, ==, "5-11:LOC=Straße 15-20:LOC=İZMIR 22-29:LOC=STRASSE");
}

static void
test_multi_word (void)
{
  g_autofree char *found = NULL;
  g_autofree char *hyphen = NULL;

  found = match_text ("Hồ Chí Minh\tLOC\n",
                      "Hồ  Chí\tMinh, Hồ\u00A0Chí Minh, Hồ\nChí Minh, Hồ Chí", NULL, FALSE);
  g_assert_cmpstr (found, ==, "0-12:LOC=Hồ  Chí\tMinh 14-25:LOC=Hồ\u00A0Chí Minh");

  /* No space in the term, none in the text. */
  hyphen = match_text ("Bà Rịa-Vũng Tàu\tLOC\n", "Bà Rịa-Vũng Tàu, Bà Rịa - Vũng Tàu", NULL, FALSE);
  g_assert_cmpstr (hyphen, ==, "0-15:LOC=Bà Rịa-Vũng Tàu");
}

static void
test_emoji_offsets (void)
{
  /* Emoji outside the BMP and a ZWJ sequence: offsets count code points. */
  g_autofree char *found = match_text ("Đà Nẵng\tLOC\n", "🇻🇳 👨‍👩‍👧 😀 Đà Nẵng!", NULL, FALSE);

  g_assert_cmpstr (found, ==, "11-18:LOC=Đà Nẵng");
}

static void
test_default_label (void)
{
  g_autofree char *with_default = match_text ("Huế\nHà Nội\tORG\n", "Huế, Hà Nội", "LOC", FALSE);
  g_autofree char *without = match_text ("Huế\nHà Nội\tORG\n", "Huế, Hà Nội", NULL, FALSE);

  g_assert_cmpstr (with_default, ==, "0-3:LOC=Huế 5-11:ORG=Hà Nội");
  g_assert_cmpstr (without, ==, "5-11:ORG=Hà Nội");
}

static void
test_apply_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = gazetteer_new ("Hà Nội\tLOC\nHuế\nHồ Chí Minh\tPER\n", &error);
  g_autoptr(GlossCorpus) corpus = corpus_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) preview = NULL;
  GlossHistory *history = gloss_corpus_get_history (corpus);
  GlossDocument *a = format_test_add_document (corpus, "a", "Hà Nội và Huế.");
  GlossDocument *b = format_test_add_document (corpus, "b", "Hồ Chí Minh ở Hà Nội.");
  guint n;

  g_assert_no_error (error);

  preview = gloss_gazetteer_count_matches (gazetteer, corpus, NULL, "LOC", FALSE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (preview, "LOC")), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (preview, "PER")), ==, 1);

  n = gloss_gazetteer_apply (gazetteer, corpus, NULL, "LOC", FALSE, counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "LOC")), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "PER")), ==, 1);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_spans (b), ==, 2);
  g_assert_nonnull (gloss_document_find_span (b, 0, 11, "PER"));

  /* One undo step takes all of them back, one redo brings them again. */
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 0);
  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_true (gloss_history_redo (history));
  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 4);
}

static void
test_apply_skips_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = gazetteer_new ("Hà Nội\tLOC\nHuế\tLOC\n", &error);
  g_autoptr(GlossCorpus) corpus = corpus_new ();
  g_autoptr(GlossSpan) existing = gloss_span_new (0, 6, "LOC");
  g_autoptr(GlossSpan) other_label = gloss_span_new (10, 13, "PER");
  GlossHistory *history = gloss_corpus_get_history (corpus);
  GlossDocument *a = format_test_add_document (corpus, "a", "Hà Nội và Huế.");
  GlossDocument *b = format_test_add_document (corpus, "b", "Huế");
  guint n;

  g_assert_no_error (error);
  g_assert_true (gloss_document_add_span (a, existing, NULL));
  g_assert_true (gloss_document_add_span (a, other_label, NULL));

  /* Only document a: b is left alone. */
  n = gloss_gazetteer_apply (gazetteer, corpus, a, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (b), ==, 0);

  /* Again: nothing to add, and no empty undo step. */
  g_assert_true (gloss_history_undo (history));
  g_assert_cmpuint (gloss_document_get_n_spans (a), ==, 2);
  g_assert_true (gloss_history_redo (history));
  n = gloss_gazetteer_apply (gazetteer, corpus, a, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (gloss_history_undo (history));
  g_assert_false (gloss_history_get_can_undo (history));
}

static void
test_apply_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) unknown = gazetteer_new ("Huế\tLOC\nHà Nội\tCITY\n", NULL);
  g_autoptr(GlossGazetteer) unlabelled = gazetteer_new ("Huế\tLOC\nHà Nội\n", NULL);
  g_autoptr(GlossCorpus) corpus = corpus_new ();
  g_autoptr(GlossDocument) stranger = gloss_document_new ("x", NULL, "Huế");
  GlossHistory *history = gloss_corpus_get_history (corpus);

  format_test_add_document (corpus, "a", "Hà Nội và Huế.");

  g_assert_cmpuint (gloss_gazetteer_apply (unknown, corpus, NULL, NULL, FALSE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_UNKNOWN_LABEL);
  g_assert_cmpstr (error->message, ==, "list.txt:2: the schema has no label “CITY”");
  g_clear_error (&error);

  g_assert_cmpuint (gloss_gazetteer_apply (unlabelled, corpus, NULL, NULL, FALSE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_NO_LABEL);
  g_assert_cmpstr (error->message, ==, "list.txt:2: the term “Hà Nội” has no label, and no default label was given");
  g_clear_error (&error);

  g_assert_cmpuint (gloss_gazetteer_apply (unlabelled, corpus, NULL, "CITY", FALSE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_UNKNOWN_LABEL);
  g_assert_cmpstr (error->message, ==, "The schema has no label “CITY”");
  g_clear_error (&error);

  g_assert_cmpuint (gloss_gazetteer_apply (unlabelled, corpus, stranger, "LOC", FALSE, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);

  g_assert_cmpuint (gloss_corpus_count_spans (corpus), ==, 0);
  g_assert_false (gloss_history_get_can_undo (history));
}

static void
test_provinces_fixture (void)
{
  const char *dir = g_getenv ("GLOSS_SHARED_FIXTURES");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_autoptr(GlossCorpus) corpus = corpus_new ();
  GlossDocument *document;
  guint n;

  if (dir == NULL)
    {
      g_test_skip ("GLOSS_SHARED_FIXTURES is not set");
      return;
    }

  path = g_build_filename (dir, "vn-provinces.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("vn-provinces.txt is not in GLOSS_SHARED_FIXTURES");
      return;
    }

  file = g_file_new_for_path (path);
  gazetteer = gloss_gazetteer_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_gazetteer_get_n_terms (gazetteer), >, 50);

  /* Names as the list writes them, in upper case, and a near miss. */
  document = format_test_add_document (corpus, "a",
                           "Tu Da Nang ra Ca Mau, qua CAN THO roi ve Bac Ninh. Ben Tre-Bac Lieu. Da Nangs.");
  n = gloss_gazetteer_apply (gazetteer, corpus, NULL, "LOC", TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  g_assert_nonnull (gloss_document_find_span (document, 3, 10, "LOC"));
  g_assert_nonnull (gloss_document_find_span (document, 14, 20, "LOC"));
  g_assert_nonnull (gloss_document_find_span (document, 26, 33, "LOC"));
  g_assert_nonnull (gloss_document_find_span (document, 41, 49, "LOC"));
  g_assert_nonnull (gloss_document_find_span (document, 51, 58, "LOC"));
  g_assert_nonnull (gloss_document_find_span (document, 59, 67, "LOC"));

  g_assert_true (gloss_history_undo (gloss_corpus_get_history (corpus)));
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/gazetteer/parse", test_parse);
  g_test_add_func ("/gloss/gazetteer/parse-errors", test_parse_errors);
  g_test_add_func ("/gloss/gazetteer/empty-list", test_empty_list);
  g_test_add_func ("/gloss/gazetteer/from-file", test_from_file);
  g_test_add_func ("/gloss/gazetteer/whole-words", test_whole_words);
  g_test_add_func ("/gloss/gazetteer/longest-first", test_longest_first);
  g_test_add_func ("/gloss/gazetteer/equal-length-first-wins", test_equal_length_first_wins);
  g_test_add_func ("/gloss/gazetteer/case", test_case);
  g_test_add_func ("/gloss/gazetteer/diacritics-matter", test_diacritics_matter);
  g_test_add_func ("/gloss/gazetteer/normalization", test_normalization);
  g_test_add_func ("/gloss/gazetteer/casefold-changes-length", test_casefold_changes_length);
  g_test_add_func ("/gloss/gazetteer/multi-word", test_multi_word);
  g_test_add_func ("/gloss/gazetteer/emoji-offsets", test_emoji_offsets);
  g_test_add_func ("/gloss/gazetteer/default-label", test_default_label);
  g_test_add_func ("/gloss/gazetteer/apply-batch", test_apply_batch);
  g_test_add_func ("/gloss/gazetteer/apply-skips-duplicates", test_apply_skips_duplicates);
  g_test_add_func ("/gloss/gazetteer/apply-errors", test_apply_errors);
  g_test_add_func ("/gloss/gazetteer/provinces-fixture", test_provinces_fixture);

  return g_test_run ();
}
