/* gloss-statistics.c: what a corpus holds, counted, and as CSV tables
 *
 * A GlossStatistics is a snapshot: it copies what it counted (ids, titles,
 * label names), so the corpus may change or go while it is shown or
 * written. Span lengths are in code points and fall into bins that double
 * in width (1, 2–3, 4–7, …): span lengths run from one letter to whole
 * paragraphs, and equal-width bins would put almost all of them in the
 * first.
 *
 * The CSV follows RFC 4180: comma-separated, fields quoted where they hold
 * a comma, a quote or a line break, CRLF line ends, UTF-8 without a byte
 * order mark. Column names are fixed ASCII keys, not translated, so that
 * scripts can read the tables whatever the language of whoever wrote them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-statistics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-statistics.h"

typedef struct
{
  char     *id;
  char     *title;
  guint     characters;
  guint     n_spans;
  gboolean  done;
} DocumentRow;

struct _GlossStatistics
{
  gatomicrefcount  ref_count;

  guint            n_done;
  guint            n_spans;
  guint64          n_characters;
  guint            n_annotators;

  /* The schema's labels in its order, then any label a span has that the
   * schema lacks (the corpus refuses those, but a snapshot must not lose
   * a span whatever the corpus allowed). */
  GPtrArray       *labels;
  GPtrArray       *label_names;
  GPtrArray       *label_colors;
  GHashTable      *label_index;
  guint           *label_spans;

  GArray          *documents;
  /* documents × labels */
  guint           *document_spans;

  guint            n_bins;
  /* bins × labels */
  guint           *bin_spans;
  guint           *bin_totals;
};

G_DEFINE_BOXED_TYPE (GlossStatistics, gloss_statistics, gloss_statistics_ref, gloss_statistics_unref)

static void
document_row_clear (gpointer data)
{
  DocumentRow *row = data;

  g_free (row->id);
  g_free (row->title);
}

static guint
length_bin (guint length)
{
  return g_bit_storage (MAX (length, 1)) - 1;
}

static guint
add_label (GlossStatistics *self,
           const char      *id,
           const char      *name,
           const char      *color)
{
  guint index = self->labels->len;

  g_ptr_array_add (self->labels, g_strdup (id));
  g_ptr_array_add (self->label_names, g_strdup (name));
  g_ptr_array_add (self->label_colors, g_strdup (color));
  g_hash_table_insert (self->label_index, (gpointer)g_intern_string (id), GUINT_TO_POINTER (index + 1));

  return index;
}

/* What the counting needs of a span, read in one pass over the spans
 * (scattered in memory: reading them twice costs twice). */
typedef struct
{
  guint label;
  guint length;
} SpanEntry;

/* The labels, the documents' rows, the annotators, and each span's label
 * and length, in corpus order: what sizes the tables and fills them. */
static void
collect (GlossStatistics *self,
         GlossCorpus     *corpus,
         GArray          *entries)
{
  GlossSchema *schema = gloss_corpus_get_schema (corpus);
  g_autoptr(GHashTable) annotators = g_hash_table_new (g_str_hash, g_str_equal);
  const char *last_annotator = "";

  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);

      add_label (self, gloss_label_get_id (label), gloss_label_get_display_name (label, NULL),
                 gloss_label_get_color (label));
    }

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);
      guint n_spans = gloss_document_get_n_spans (document);
      DocumentRow row = {
        .id = g_strdup (gloss_document_get_id (document)),
        .title = g_strdup (gloss_document_get_title (document)),
        .characters = gloss_document_get_length (document),
        .done = gloss_document_get_done (document),
        .n_spans = n_spans,
      };

      g_array_append_val (self->documents, row);
      self->n_characters += row.characters;
      self->n_done += row.done;
      self->n_spans += n_spans;

      for (guint j = 0; j < n_spans; j++)
        {
          GlossSpan *span = gloss_document_get_span (document, j);
          const char *label = gloss_span_get_label (span);
          const char *annotator = gloss_span_get_annotator (span);
          gpointer index;
          SpanEntry entry = { 0, gloss_span_get_length (span) };

          /* Spans come in runs by one annotator: hashing each name would
           * be much of the time on a large corpus. */
          if (annotator != NULL && annotator[0] != '\0' && g_strcmp0 (annotator, last_annotator) != 0)
            {
              g_hash_table_add (annotators, (gpointer)annotator);
              last_annotator = annotator;
            }

          if ((index = g_hash_table_lookup (self->label_index, label)) != NULL)
            entry.label = GPOINTER_TO_UINT (index) - 1;
          else
            entry.label = add_label (self, label, label, NULL);
          g_array_append_val (entries, entry);
        }
    }

  self->n_annotators = g_hash_table_size (annotators);
}

static void
count (GlossStatistics *self,
       GArray          *entries)
{
  guint n_labels = self->labels->len;
  guint next = 0;

  for (guint i = 0; i < self->documents->len; i++)
    {
      guint n_spans = g_array_index (self->documents, DocumentRow, i).n_spans;

      for (guint j = 0; j < n_spans; j++, next++)
        {
          SpanEntry *entry = &g_array_index (entries, SpanEntry, next);
          guint bin = length_bin (entry->length);

          self->label_spans[entry->label]++;
          self->document_spans[i * n_labels + entry->label]++;
          self->bin_spans[bin * n_labels + entry->label]++;
          self->bin_totals[bin]++;
        }
    }
}

/* CSV */

/**
 * gloss_csv_append_field:
 * @out: the CSV so far
 * @field: (nullable): a field's text, UTF-8; %NULL writes an empty field
 *
 * Appends @field, quoted as RFC 4180 asks when it holds a comma, a double
 * quote or a line break (quotes inside doubled). Separators and line ends
 * are the caller's.
 */
void
gloss_csv_append_field (GString    *out,
                        const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      gloss_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* A row built field by field; the strings are the row's. */
static void
row_add (GPtrArray  *row,
         char       *field)
{
  g_ptr_array_add (row, field);
}

static void
row_add_uint (GPtrArray *row,
              guint64    value)
{
  row_add (row, g_strdup_printf ("%" G_GUINT64_FORMAT, value));
}

/* A score with a dot for decimals whatever the locale; empty when
 * undefined, as for κ when no one labelled anything. */
static void
row_add_score (GPtrArray *row,
               double     score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (score))
    row_add (row, g_strdup (""));
  else
    row_add (row, g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", score)));
}

static void
row_end (GString   *out,
         GPtrArray *row)
{
  append_row (out, (const char * const *)row->pdata, row->len);
  g_ptr_array_set_size (row, 0);
}

static void
labels_csv (GlossStatistics *self,
            GString         *out)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

  append_row (out, (const char *[]) { "label", "name", "color", "spans" }, 4);
  for (guint i = 0; i < self->labels->len; i++)
    {
      row_add (row, g_strdup (g_ptr_array_index (self->labels, i)));
      row_add (row, g_strdup (g_ptr_array_index (self->label_names, i)));
      row_add (row, g_strdup (g_ptr_array_index (self->label_colors, i)));
      row_add_uint (row, self->label_spans[i]);
      row_end (out, row);
    }
}

static void
documents_csv (GlossStatistics *self,
               GString         *out)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  guint n_labels = self->labels->len;

  row_add (row, g_strdup ("id"));
  row_add (row, g_strdup ("title"));
  row_add (row, g_strdup ("characters"));
  row_add (row, g_strdup ("done"));
  row_add (row, g_strdup ("spans"));
  for (guint j = 0; j < n_labels; j++)
    row_add (row, g_strdup (g_ptr_array_index (self->labels, j)));
  row_end (out, row);

  for (guint i = 0; i < self->documents->len; i++)
    {
      DocumentRow *document = &g_array_index (self->documents, DocumentRow, i);
      guint spans = 0;

      for (guint j = 0; j < n_labels; j++)
        spans += self->document_spans[i * n_labels + j];

      row_add (row, g_strdup (document->id));
      row_add (row, g_strdup (document->title));
      row_add_uint (row, document->characters);
      row_add (row, g_strdup (document->done ? "true" : "false"));
      row_add_uint (row, spans);
      for (guint j = 0; j < n_labels; j++)
        row_add_uint (row, self->document_spans[i * n_labels + j]);
      row_end (out, row);
    }
}

static void
lengths_csv (GlossStatistics *self,
             GString         *out)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  guint n_labels = self->labels->len;

  row_add (row, g_strdup ("min_length"));
  row_add (row, g_strdup ("max_length"));
  row_add (row, g_strdup ("spans"));
  for (guint j = 0; j < n_labels; j++)
    row_add (row, g_strdup (g_ptr_array_index (self->labels, j)));
  row_end (out, row);

  for (guint bin = 0; bin < self->n_bins; bin++)
    {
      row_add_uint (row, gloss_statistics_get_bin_start (self, bin));
      row_add_uint (row, gloss_statistics_get_bin_end (self, bin));
      row_add_uint (row, self->bin_totals[bin]);
      for (guint j = 0; j < n_labels; j++)
        row_add_uint (row, self->bin_spans[bin * n_labels + j]);
      row_end (out, row);
    }
}

static void
add_agreement_row (GPtrArray      *row,
                   GlossAgreement *agreement,
                   guint           first,
                   guint           second,
                   guint           label,
                   gboolean        macro)
{
  GlossAgreementMatch matches[] = { GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_PARTIAL };

  for (guint m = 0; m < G_N_ELEMENTS (matches); m++)
    {
      GlossSpanScores scores;

      if (macro)
        gloss_agreement_get_span_macro (agreement, first, second, matches[m], &scores);
      else
        gloss_agreement_get_span_scores (agreement, first, second, matches[m], label, &scores);

      if (m == 0)
        {
          row_add_uint (row, scores.first);
          row_add_uint (row, scores.second);
        }
      row_add_uint (row, scores.matched);
      row_add_score (row, scores.precision);
      row_add_score (row, scores.recall);
      row_add_score (row, scores.f1);
    }

  /* κ and α are over tokens: a macro average of them is no score the
   * agreement module defines. */
  row_add_score (row, macro ? NAN : gloss_agreement_get_cohen_kappa (agreement, first, second, label));
  row_add_score (row, macro ? NAN : gloss_agreement_get_krippendorff_alpha (agreement, label));
}

/* Public API */

/**
 * gloss_statistics_compute:
 *
 * Counts what @corpus holds now. Linear in its documents and spans.
 *
 * Returns: (transfer full): the counts
 */
GlossStatistics *
gloss_statistics_compute (GlossCorpus *corpus)
{
  g_autoptr(GlossStatistics) self = NULL;
  g_autoptr(GArray) entries = NULL;
  guint max_length = 0;
  guint n_labels;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);

  self = g_new0 (GlossStatistics, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->label_names = g_ptr_array_new_with_free_func (g_free);
  self->label_colors = g_ptr_array_new_with_free_func (g_free);
  /* Keyed by interned ids, as spans hold them */
  self->label_index = g_hash_table_new (NULL, NULL);
  self->documents = g_array_new (FALSE, FALSE, sizeof (DocumentRow));
  g_array_set_clear_func (self->documents, document_row_clear);

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SpanEntry), gloss_corpus_count_spans (corpus));
  collect (self, corpus, entries);
  for (guint i = 0; i < entries->len; i++)
    max_length = MAX (max_length, g_array_index (entries, SpanEntry, i).length);
  n_labels = self->labels->len;
  self->n_bins = self->n_spans > 0 ? length_bin (max_length) + 1 : 0;
  self->label_spans = g_new0 (guint, n_labels);
  self->document_spans = g_new0 (guint, (gsize)self->documents->len * n_labels);
  self->bin_spans = g_new0 (guint, (gsize)self->n_bins * n_labels);
  self->bin_totals = g_new0 (guint, self->n_bins);
  count (self, entries);

  return g_steal_pointer (&self);
}

GlossStatistics *
gloss_statistics_ref (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
gloss_statistics_unref (GlossStatistics *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->label_names, g_ptr_array_unref);
  g_clear_pointer (&self->label_colors, g_ptr_array_unref);
  g_clear_pointer (&self->label_index, g_hash_table_unref);
  g_clear_pointer (&self->label_spans, g_free);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_pointer (&self->document_spans, g_free);
  g_clear_pointer (&self->bin_spans, g_free);
  g_clear_pointer (&self->bin_totals, g_free);
  g_free (self);
}

guint
gloss_statistics_get_n_documents (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->documents->len;
}

guint
gloss_statistics_get_n_done (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_done;
}

guint
gloss_statistics_get_n_spans (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_spans;
}

/**
 * gloss_statistics_get_n_characters:
 *
 * Returns: the length of all the documents' texts together, in code points
 */
guint64
gloss_statistics_get_n_characters (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_characters;
}

/**
 * gloss_statistics_get_n_annotators:
 *
 * Returns: how many different annotator names the spans carry (unsigned
 *   spans count for none)
 */
guint
gloss_statistics_get_n_annotators (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_annotators;
}

guint
gloss_statistics_get_n_labels (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

/**
 * gloss_statistics_get_label:
 *
 * Returns: the id of the @label-th label
 */
const char *
gloss_statistics_get_label (GlossStatistics *self,
                            guint            label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, label);
}

/**
 * gloss_statistics_get_label_name:
 *
 * Returns: the @label-th label's display name in the language of the
 *   interface when the statistics were computed
 */
const char *
gloss_statistics_get_label_name (GlossStatistics *self,
                                 guint            label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);

  return g_ptr_array_index (self->label_names, label);
}

/**
 * gloss_statistics_get_label_color:
 *
 * Returns: (nullable): the @label-th label's colour, `#rrggbb`, or %NULL
 *   for a label the schema lacks
 */
const char *
gloss_statistics_get_label_color (GlossStatistics *self,
                                  guint            label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);

  return g_ptr_array_index (self->label_colors, label);
}

guint
gloss_statistics_get_label_spans (GlossStatistics *self,
                                  guint            label)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (label < self->labels->len, 0);

  return self->label_spans[label];
}

/**
 * gloss_statistics_get_document_spans:
 * @document: a document's position in the corpus
 * @label: a label's index, or %GLOSS_STATISTICS_ALL_LABELS
 *
 * Returns: how many spans of @label the document has
 */
guint
gloss_statistics_get_document_spans (GlossStatistics *self,
                                     guint            document,
                                     guint            label)
{
  guint n_labels;
  guint sum = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (document < self->documents->len, 0);
  g_return_val_if_fail (label < self->labels->len || label == GLOSS_STATISTICS_ALL_LABELS, 0);

  n_labels = self->labels->len;
  if (label != GLOSS_STATISTICS_ALL_LABELS)
    return self->document_spans[document * n_labels + label];

  for (guint j = 0; j < n_labels; j++)
    sum += self->document_spans[document * n_labels + j];

  return sum;
}

/**
 * gloss_statistics_get_n_bins:
 *
 * Returns: how many length bins there are, up to the one holding the
 *   longest span; none when there are no spans
 */
guint
gloss_statistics_get_n_bins (GlossStatistics *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bins;
}

/**
 * gloss_statistics_get_bin_start:
 *
 * Returns: the shortest length, in code points, bin @bin holds: 2^@bin
 */
guint
gloss_statistics_get_bin_start (GlossStatistics *self,
                                guint            bin)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (bin < self->n_bins, 0);

  return 1u << bin;
}

/**
 * gloss_statistics_get_bin_end:
 *
 * Returns: the longest length, in code points, bin @bin holds (included):
 *   2^(@bin + 1) − 1
 */
guint
gloss_statistics_get_bin_end (GlossStatistics *self,
                              guint            bin)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (bin < self->n_bins, 0);

  return bin >= 31 ? G_MAXUINT : (2u << bin) - 1;
}

/**
 * gloss_statistics_get_bin_spans:
 * @label: a label's index, or %GLOSS_STATISTICS_ALL_LABELS
 *
 * Returns: how many spans of @label have a length in bin @bin
 */
guint
gloss_statistics_get_bin_spans (GlossStatistics *self,
                                guint            bin,
                                guint            label)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (bin < self->n_bins, 0);
  g_return_val_if_fail (label < self->labels->len || label == GLOSS_STATISTICS_ALL_LABELS, 0);

  if (label == GLOSS_STATISTICS_ALL_LABELS)
    return self->bin_totals[bin];

  return self->bin_spans[bin * self->labels->len + label];
}

/**
 * gloss_statistics_to_csv:
 * @table: which table
 *
 * Writes one table as CSV (see the top of gloss-statistics.c). The labels
 * table has a row per label (`label`, `name`, `color`, `spans`); the
 * documents table a row per document (`id`, `title`, `characters`, `done`,
 * `spans`, then a column per label id); the lengths table a row per bin
 * (`min_length`, `max_length`, `spans`, then a column per label id).
 *
 * Returns: (transfer full): the CSV, UTF-8
 */
GBytes *
gloss_statistics_to_csv (GlossStatistics      *self,
                         GlossStatisticsTable  table)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  switch (table)
    {
    case GLOSS_STATISTICS_TABLE_LABELS:
      labels_csv (self, out);
      break;

    case GLOSS_STATISTICS_TABLE_DOCUMENTS:
      documents_csv (self, out);
      break;

    case GLOSS_STATISTICS_TABLE_LENGTHS:
      lengths_csv (self, out);
      break;

    default:
      g_string_free (out, TRUE);
      g_return_val_if_reached (NULL);
    }

  return g_string_free_to_bytes (out);
}

/**
 * gloss_statistics_agreement_to_csv:
 * @agreement: scores computed over two or more corpora
 * @first: an annotator of @agreement
 * @second: another
 *
 * Writes the scores of the pair as CSV: a row per label (`scope` `label`),
 * then the scores over all labels (`micro`) and the mean of the labels'
 * (`macro`). Columns: the spans of each annotator (`first_spans`,
 * `second_spans`), for exact then partial matching the matched spans,
 * precision, recall and F1, then Cohen's κ and Krippendorff's α on tokens.
 * An undefined score is an empty field.
 *
 * Returns: (transfer full): the CSV, UTF-8
 */
GBytes *
gloss_statistics_agreement_to_csv (GlossAgreement *agreement,
                                   guint           first,
                                   guint           second)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  GString *out;
  static const char * const header[] = {
    "scope", "label", "first_spans", "second_spans",
    "exact_matched", "exact_precision", "exact_recall", "exact_f1",
    "partial_matched", "partial_precision", "partial_recall", "partial_f1",
    "cohen_kappa", "krippendorff_alpha",
  };

  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (first != second, NULL);
  g_return_val_if_fail (first < gloss_agreement_get_n_annotators (agreement), NULL);
  g_return_val_if_fail (second < gloss_agreement_get_n_annotators (agreement), NULL);

  out = g_string_new (NULL);
  append_row (out, header, G_N_ELEMENTS (header));

  for (guint k = 0; k < gloss_agreement_get_n_labels (agreement); k++)
    {
      row_add (row, g_strdup ("label"));
      row_add (row, g_strdup (gloss_agreement_get_label (agreement, k)));
      add_agreement_row (row, agreement, first, second, k, FALSE);
      row_end (out, row);
    }

  row_add (row, g_strdup ("micro"));
  row_add (row, g_strdup (""));
  add_agreement_row (row, agreement, first, second, GLOSS_AGREEMENT_ALL_LABELS, FALSE);
  row_end (out, row);

  row_add (row, g_strdup ("macro"));
  row_add (row, g_strdup (""));
  add_agreement_row (row, agreement, first, second, GLOSS_AGREEMENT_ALL_LABELS, TRUE);
  row_end (out, row);

  return g_string_free_to_bytes (out);
}
