/* test-statistics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gloss.h"
#include "format-test-util.h"

/* Helpers */

static void
add_span (GlossDocument *document,
          guint          start,
          guint          end,
          const char    *label,
          const char    *annotator)
{
  g_autoptr(GlossSpan) span = gloss_span_new_full (NULL, start, end, label, NULL, annotator, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);
}

static char *
csv_string (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (g_utf8_validate (data, length, NULL));

  return g_strndup (data, length);
}

static char *
table_csv (GlossStatistics      *statistics,
           GlossStatisticsTable  table)
{
  g_autoptr(GBytes) bytes = gloss_statistics_to_csv (statistics, table);

  return csv_string (bytes);
}

static guint
label_index (GlossStatistics *statistics,
             const char      *id)
{
  for (guint i = 0; i < gloss_statistics_get_n_labels (statistics); i++)
    if (g_str_equal (gloss_statistics_get_label (statistics, i), id))
      return i;

  g_assert_not_reached ();
}

/* Two documents: a Vietnamese title with a comma, and an emoji title with
 * quotes and a line break; spans of lengths 1, 2, 3, 4, 7 and 8 code
 * points, the emoji counting as the code points they are. */
static GlossCorpus *
make_corpus (void)
{
  GlossCorpus *corpus = gloss_corpus_new ();
  GlossDocument *first = format_test_add_document (corpus, "vi", "Nguyên tắc, nhiệm vụ và trụ cột");
  GlossDocument *second = format_test_add_document (corpus, "emoji", "👩‍👩‍👧 family ab");

  gloss_document_set_title (first, "Tiếng Việt, có dấu");
  gloss_document_set_title (second, "👩‍👩‍👧 \"family\"\nline two");
  gloss_document_set_done (second, TRUE);

  add_span (first, 0, 1, "principle", "an");
  add_span (first, 0, 3, "task", "an");
  add_span (first, 12, 20, "task", "bình");
  add_span (second, 0, 5, "pillar", NULL);
  add_span (second, 6, 12, "pillar", "");
  add_span (second, 13, 15, "task", "bình");

  return corpus;
}

/* Tests */

static void
test_empty (void)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossStatistics) statistics = gloss_statistics_compute (corpus);
  g_autofree char *labels = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *lengths = NULL;

  g_assert_cmpuint (gloss_statistics_get_n_documents (statistics), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_n_done (statistics), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_n_spans (statistics), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_n_characters (statistics), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_n_annotators (statistics), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_n_bins (statistics), ==, 0);
  /* The default schema's labels are there, with nothing. */
  g_assert_cmpuint (gloss_statistics_get_n_labels (statistics), ==, 3);
  g_assert_cmpuint (gloss_statistics_get_label_spans (statistics, 0), ==, 0);

  labels = table_csv (statistics, GLOSS_STATISTICS_TABLE_LABELS);
  g_assert_true (g_str_has_prefix (labels, "label,name,color,spans\r\nprinciple,"));
  g_assert_true (g_str_has_suffix (labels, ",0\r\n"));
  documents = table_csv (statistics, GLOSS_STATISTICS_TABLE_DOCUMENTS);
  g_assert_cmpstr (documents, ==, "id,title,characters,done,spans,principle,task,pillar\r\n");
  lengths = table_csv (statistics, GLOSS_STATISTICS_TABLE_LENGTHS);
  g_assert_cmpstr (lengths, ==, "min_length,max_length,spans,principle,task,pillar\r\n");
}

static void
test_counts (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossStatistics) statistics = gloss_statistics_compute (corpus);
  guint task;
  guint pillar;

  g_assert_cmpuint (gloss_statistics_get_n_documents (statistics), ==, 2);
  g_assert_cmpuint (gloss_statistics_get_n_done (statistics), ==, 1);
  g_assert_cmpuint (gloss_statistics_get_n_spans (statistics), ==, 6);
  /* 31 code points of Vietnamese (precomposed), 5 + 10 of the second */
  g_assert_cmpuint (gloss_statistics_get_n_characters (statistics), ==, 31 + 15);
  /* "an" and "bình"; unsigned and empty annotators count for none */
  g_assert_cmpuint (gloss_statistics_get_n_annotators (statistics), ==, 2);

  task = label_index (statistics, "task");
  pillar = label_index (statistics, "pillar");
  g_assert_cmpuint (gloss_statistics_get_label_spans (statistics, task), ==, 3);
  g_assert_cmpuint (gloss_statistics_get_label_spans (statistics, pillar), ==, 2);
  g_assert_cmpstr (gloss_statistics_get_label_color (statistics, pillar), ==, "#e5a50a");
  g_assert_cmpuint (gloss_statistics_get_document_spans (statistics, 0, task), ==, 2);
  g_assert_cmpuint (gloss_statistics_get_document_spans (statistics, 0, pillar), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_document_spans (statistics, 1, GLOSS_STATISTICS_ALL_LABELS), ==, 3);
}

static void
test_bins (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossStatistics) statistics = gloss_statistics_compute (corpus);
  guint task;
  guint pillar;

  /* Lengths 1, 3, 8 (task 3 and 8), 5 and 6 (pillar), 2 (task):
   * bins 1 | 2–3 | 4–7 | 8–15 */
  g_assert_cmpuint (gloss_statistics_get_n_bins (statistics), ==, 4);
  g_assert_cmpuint (gloss_statistics_get_bin_start (statistics, 0), ==, 1);
  g_assert_cmpuint (gloss_statistics_get_bin_end (statistics, 0), ==, 1);
  g_assert_cmpuint (gloss_statistics_get_bin_start (statistics, 1), ==, 2);
  g_assert_cmpuint (gloss_statistics_get_bin_end (statistics, 1), ==, 3);
  g_assert_cmpuint (gloss_statistics_get_bin_start (statistics, 3), ==, 8);
  g_assert_cmpuint (gloss_statistics_get_bin_end (statistics, 3), ==, 15);

  task = label_index (statistics, "task");
  pillar = label_index (statistics, "pillar");
  g_assert_cmpuint (gloss_statistics_get_bin_spans (statistics, 0, GLOSS_STATISTICS_ALL_LABELS), ==, 1);
  g_assert_cmpuint (gloss_statistics_get_bin_spans (statistics, 1, GLOSS_STATISTICS_ALL_LABELS), ==, 2);
  g_assert_cmpuint (gloss_statistics_get_bin_spans (statistics, 1, task), ==, 2);
  g_assert_cmpuint (gloss_statistics_get_bin_spans (statistics, 2, pillar), ==, 2);
  g_assert_cmpuint (gloss_statistics_get_bin_spans (statistics, 2, task), ==, 0);
  g_assert_cmpuint (gloss_statistics_get_bin_spans (statistics, 3, task), ==, 1);
}

static void
test_csv_field (void)
{
  static const struct {
    const char *field;
    const char *expected;
  } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "Trụ cột 👩‍👩‍👧", "Trụ cột 👩‍👩‍👧" },
    { " spaces kept ", " spaces kept " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      gloss_csv_append_field (out, cases[i].field);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
}

static void
test_csv_tables (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  g_autoptr(GlossStatistics) statistics = gloss_statistics_compute (corpus);
  g_autofree char *documents = table_csv (statistics, GLOSS_STATISTICS_TABLE_DOCUMENTS);
  g_autofree char *lengths = table_csv (statistics, GLOSS_STATISTICS_TABLE_LENGTHS);
  g_autofree char *labels = table_csv (statistics, GLOSS_STATISTICS_TABLE_LABELS);

  g_assert_cmpstr (documents, ==,
                   "id,title,characters,done,spans,principle,task,pillar\r\n"
                   "vi,\"Tiếng Việt, có dấu\",31,false,3,1,2,0\r\n"
                   "emoji,\"👩‍👩‍👧 \"\"family\"\"\nline two\",15,true,3,0,1,2\r\n");
  g_assert_cmpstr (lengths, ==,
                   "min_length,max_length,spans,principle,task,pillar\r\n"
                   "1,1,1,1,0,0\r\n"
                   "2,3,2,0,2,0\r\n"
                   "4,7,2,0,0,2\r\n"
                   "8,15,1,0,1,0\r\n");
  g_assert_cmpstr (labels, ==,
                   "label,name,color,spans\r\n"
                   "principle,Principle,#3584e4,1\r\n"
                   "task,Task,#2ec27e,3\r\n"
                   "pillar,Pillar,#e5a50a,2\r\n");
}

/* A span whose label the schema lacks still counts, under its id. */
static void
test_unknown_label (void)
{
  g_autoptr(GlossSchema) schema = gloss_schema_new_default ();
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new_with_schema (schema);
  g_autoptr(GlossStatistics) statistics = NULL;
  GlossDocument *document = format_test_add_document (corpus, "d", "abc");
  g_autoptr(GlossLabel) extra = gloss_label_new ("extra", "Extra", "#000000", NULL, NULL);
  guint index;

  g_assert_true (gloss_schema_add (schema, extra, NULL));
  add_span (document, 0, 3, "extra", NULL);
  g_assert_true (gloss_schema_remove (schema, "extra"));

  statistics = gloss_statistics_compute (corpus);
  index = label_index (statistics, "extra");
  g_assert_cmpuint (index, ==, 3);
  g_assert_cmpuint (gloss_statistics_get_label_spans (statistics, index), ==, 1);
  g_assert_null (gloss_statistics_get_label_color (statistics, index));
}

static void
test_agreement_csv (void)
{
  g_autoptr(GlossCorpus) a = gloss_corpus_new ();
  g_autoptr(GlossCorpus) b = gloss_corpus_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *micro = NULL;
  char kappa[G_ASCII_DTOSTR_BUF_SIZE];
  char alpha[G_ASCII_DTOSTR_BUF_SIZE];
  GlossCorpus *corpora[2] = { a, b };
  const char *names[2] = { "a", "b" };

  add_span (format_test_add_document (a, "d", "ab cd"), 0, 2, "task", NULL);
  add_span (gloss_corpus_lookup_document (a, "d"), 3, 5, "pillar", NULL);
  add_span (format_test_add_document (b, "d", "ab cd"), 0, 2, "task", NULL);

  agreement = gloss_agreement_compute (corpora, names, 2, NULL, NULL);
  bytes = gloss_statistics_agreement_to_csv (agreement, 0, 1);
  csv = csv_string (bytes);
  lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "scope,label,first_spans,second_spans,exact_matched,exact_precision,exact_recall,"
                   "exact_f1,partial_matched,partial_precision,partial_recall,partial_f1,cohen_kappa,"
                   "krippendorff_alpha");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + gloss_agreement_get_n_labels (agreement) + 2 + 1);
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");

  /* task: 1 and 1, matched; pillar: the first's only, so precision is
   * undefined (empty) and recall and F1 are 0. */
  g_assert_nonnull (strstr (csv, "\r\nlabel,pillar,1,0,0,,0.0000,0.0000,0,,0.0000,0.0000,"));
  g_assert_nonnull (strstr (csv, "\r\nlabel,task,1,1,1,1.0000,1.0000,1.0000,1,1.0000,1.0000,1.0000,"));

  /* Over all labels: 2 and 1 spans, 1 matched: P 1, R 0.5, F1 2/3. */
  g_ascii_formatd (kappa, sizeof kappa, "%.4f",
                   gloss_agreement_get_cohen_kappa (agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS));
  g_ascii_formatd (alpha, sizeof alpha, "%.4f",
                   gloss_agreement_get_krippendorff_alpha (agreement, GLOSS_AGREEMENT_ALL_LABELS));
  micro = g_strdup_printf ("micro,,2,1,1,1.0000,0.5000,0.6667,1,1.0000,0.5000,0.6667,%s,%s", kappa, alpha);
  g_assert_cmpstr (lines[g_strv_length (lines) - 3], ==, micro);
  /* The macro row has no token scores. */
  g_assert_true (g_str_has_prefix (lines[g_strv_length (lines) - 2], "macro,,2,1,1,"));
  g_assert_true (g_str_has_suffix (lines[g_strv_length (lines) - 2], ",,"));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The signal the statistics window follows the corpus by. */
static void
test_corpus_changed (void)
{
  g_autoptr(GlossCorpus) corpus = make_corpus ();
  GlossDocument *document = gloss_corpus_get_document (corpus, 0);
  guint changes = 0;
  guint64 count = gloss_corpus_get_change_count (corpus);

  g_signal_connect_swapped (corpus, "changed", G_CALLBACK (count_cb), &changes);

  add_span (document, 4, 6, "pillar", NULL);
  g_assert_cmpuint (changes, ==, 1);
  gloss_document_set_done (document, TRUE);
  g_assert_cmpuint (changes, ==, 2);
  gloss_document_set_done (document, TRUE);
  g_assert_cmpuint (changes, ==, 2);
  format_test_add_document (corpus, "third", "x");
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (gloss_corpus_get_change_count (corpus), ==, count + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/core/statistics/empty", test_empty);
  g_test_add_func ("/gloss/core/statistics/counts", test_counts);
  g_test_add_func ("/gloss/core/statistics/bins", test_bins);
  g_test_add_func ("/gloss/core/statistics/csv-field", test_csv_field);
  g_test_add_func ("/gloss/core/statistics/csv-tables", test_csv_tables);
  g_test_add_func ("/gloss/core/statistics/unknown-label", test_unknown_label);
  g_test_add_func ("/gloss/core/statistics/agreement-csv", test_agreement_csv);
  g_test_add_func ("/gloss/core/statistics/corpus-changed", test_corpus_changed);

  return g_test_run ();
}
