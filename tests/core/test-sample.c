/* test-sample.c: the sample corpus shipped with Gloss
 *
 * data/sample/sample.gloss.json is what a new user sees first (Open Sample
 * Corpus), so it must load without a single problem, show what Gloss does
 * (labelled articles with nested and overlapping spans, one in Vietnamese)
 * and leave some work to do (unlabelled articles). Its spans must look like
 * spans the app itself would make: on word boundaries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "gloss.h"

#define N_DOCUMENTS 5
#define N_LABELLED  3

static GlossCorpus *
load_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GlossCorpus *corpus;

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "sample.gloss.json", NULL);
  file = g_file_new_for_path (path);

  corpus = gloss_corpus_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);

  /* Not even a warning: a sample that warns teaches the wrong thing. */
  if (problems != NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          GlossProblem *problem = g_ptr_array_index (problems, i);

          g_test_message ("unexpected problem: %s: %s", problem->path, problem->message);
        }
      g_assert_cmpuint (problems->len, ==, 0);
    }

  return corpus;
}

static void
test_sample_loads_cleanly (void)
{
  g_autoptr(GlossCorpus) corpus = load_sample ();
  gboolean has_vietnamese = FALSE;

  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, N_DOCUMENTS);

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);
      const char *text = gloss_document_get_text (document);
      const char *lang = gloss_document_get_lang (document);
      g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
      guint n_words = 0;

      g_test_message ("document %u: %s", i, gloss_document_get_id (document));

      g_assert_cmpstr (gloss_document_get_title (document), !=, "");
      g_assert_cmpstr (gloss_document_get_source (document), ==, "Gloss sample corpus");
      g_assert_true (g_str_equal (lang, "en") || g_str_equal (lang, "vi"));
      if (g_str_equal (lang, "vi"))
        has_vietnamese = TRUE;

      /* Short articles, in NFC so that offsets match what people type. */
      g_assert_cmpstr (text, ==, nfc);
      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0')
          n_words++;
      g_assert_cmpuint (n_words, >=, 120);
      g_assert_cmpuint (n_words, <=, 220);
    }

  g_assert_true (has_vietnamese);
}

static void
test_sample_schema_is_default (void)
{
  g_autoptr(GlossCorpus) corpus = load_sample ();
  g_autoptr(GlossSchema) expected = gloss_schema_new_default ();
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  static const char * const vi_names[] = { "Nguyên tắc", "Nhiệm vụ", "Trụ cột" };

  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, gloss_schema_get_n_labels (expected));
  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, G_N_ELEMENTS (vi_names));

  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);
      GlossLabel *want = gloss_schema_get_label (expected, i);

      g_assert_cmpstr (gloss_label_get_id (label), ==, gloss_label_get_id (want));
      g_assert_cmpstr (gloss_label_get_name (label), ==, gloss_label_get_name (want));
      g_assert_cmpstr (gloss_label_get_color (label), ==, gloss_label_get_color (want));
      g_assert_cmpstr (gloss_label_get_key (label), ==, gloss_label_get_key (want));
      g_assert_cmpstr (gloss_label_get_description (label), ==, gloss_label_get_description (want));
      g_assert_cmpstr (gloss_label_get_name_for_locale (label, "vi"), ==, vi_names[i]);

      /* A name in every language Gloss is translated to, as a new corpus
       * gets them, so that the sample reads in the user's language. */
      {
        g_auto(GStrv) locales = gloss_label_dup_locales (want);
        g_auto(GStrv) have = gloss_label_dup_locales (label);

        g_assert_cmpuint (g_strv_length (have), ==, g_strv_length (locales));
        for (guint j = 0; locales[j] != NULL; j++)
          g_assert_cmpstr (gloss_label_get_name_for_locale (label, locales[j]), ==,
                           gloss_label_get_name_for_locale (want, locales[j]));
      }
    }
}

static void
test_sample_labelled_and_unlabelled (void)
{
  g_autoptr(GlossCorpus) corpus = load_sample ();

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);
      guint n_spans = gloss_document_get_n_spans (document);
      gboolean nested = FALSE;
      gboolean overlapping = FALSE;

      g_test_message ("document %u: %s, %u spans", i, gloss_document_get_id (document), n_spans);

      if (i >= N_LABELLED)
        {
          /* Left for the new user to label. */
          g_assert_cmpuint (n_spans, ==, 0);
          continue;
        }

      g_assert_cmpuint (n_spans, >=, 6);
      g_assert_cmpuint (n_spans, <=, 12);

      /* Each labelled article shows that spans may nest and overlap. */
      for (guint a = 0; a < n_spans; a++)
        for (guint b = 0; b < n_spans; b++)
          {
            GlossSpan *sa = gloss_document_get_span (document, a);
            GlossSpan *sb = gloss_document_get_span (document, b);
            guint a_start = gloss_span_get_start (sa), a_end = gloss_span_get_end (sa);
            guint b_start = gloss_span_get_start (sb), b_end = gloss_span_get_end (sb);

            if (a == b)
              continue;
            if (a_start <= b_start && b_end <= a_end)
              nested = TRUE;
            else if (a_start < b_start && b_start < a_end && a_end < b_end)
              overlapping = TRUE;
          }

      g_assert_true (nested);
      g_assert_true (overlapping);
    }
}

static void
test_sample_spans_on_word_boundaries (void)
{
  g_autoptr(GlossCorpus) corpus = load_sample ();

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);
      const char *text = gloss_document_get_text (document);
      g_autoptr(GArray) tokens = gloss_tokenize (text, strlen (text));
      g_autoptr(GHashTable) starts = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) ends = g_hash_table_new (NULL, NULL);

      for (guint t = 0; t < tokens->len; t++)
        {
          GlossToken *token = &g_array_index (tokens, GlossToken, t);

          g_hash_table_add (starts, GUINT_TO_POINTER (token->start));
          g_hash_table_add (ends, GUINT_TO_POINTER (token->end));
        }

      for (guint s = 0; s < gloss_document_get_n_spans (document); s++)
        {
          GlossSpan *span = gloss_document_get_span (document, s);
          guint start = gloss_span_get_start (span);
          guint end = gloss_span_get_end (span);
          guint snapped_start = start;
          guint snapped_end = end;
          g_autofree char *slice = gloss_document_dup_slice (document, start, end);

          g_test_message ("%s %s [%u, %u) “%s”", gloss_document_get_id (document),
                          gloss_span_get_id (span), start, end, slice);

          g_assert_true (g_hash_table_contains (starts, GUINT_TO_POINTER (start)));
          g_assert_true (g_hash_table_contains (ends, GUINT_TO_POINTER (end)));

          /* So snapping, as the app does on a label key, leaves it as it is. */
          g_assert_true (gloss_snap_range (tokens, &snapped_start, &snapped_end));
          g_assert_cmpuint (snapped_start, ==, start);
          g_assert_cmpuint (snapped_end, ==, end);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/sample/loads-cleanly", test_sample_loads_cleanly);
  g_test_add_func ("/gloss/core/sample/schema-is-default", test_sample_schema_is_default);
  g_test_add_func ("/gloss/core/sample/labelled-and-unlabelled", test_sample_labelled_and_unlabelled);
  g_test_add_func ("/gloss/core/sample/spans-on-word-boundaries", test_sample_spans_on_word_boundaries);

  return g_test_run ();
}
