/* gloss-compare.c: where two annotators of one document disagree
 *
 * The spans of both sides are grouped into clusters, the connected
 * components of "shares a code point with": two annotators who marked
 * "Hà Nội" and "Nội" disagree once, about one stretch of text, not twice.
 * A cluster whose two sides hold the same spans is an agreement; every
 * other cluster is a disagreement for an adjudicator to settle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-compare"

#include "config.h"

#include "gloss-compare.h"

void
gloss_disagreement_free (GlossDisagreement *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->a_spans, g_ptr_array_unref);
  g_clear_pointer (&self->b_spans, g_ptr_array_unref);
  g_free (self);
}

static void
append_spans_key (GString   *key,
                  GPtrArray *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      g_string_append_printf (key, "%u-%u-%s,", gloss_span_get_start (span),
                              gloss_span_get_end (span), gloss_span_get_label (span));
    }
}

/**
 * gloss_disagreement_dup_key:
 *
 * Returns: (transfer full): a string naming the disagreement's range and
 *   the spans of both sides: it changes whenever the disagreement does, so
 *   a mark kept under it lapses when either side is edited
 */
char *
gloss_disagreement_dup_key (const GlossDisagreement *self)
{
  GString *key;

  g_return_val_if_fail (self != NULL, NULL);

  key = g_string_new (NULL);
  g_string_append_printf (key, "%u:%u|", self->start, self->end);
  append_spans_key (key, self->a_spans);
  g_string_append_c (key, '|');
  append_spans_key (key, self->b_spans);

  return g_string_free (key, FALSE);
}

static gboolean
same_spans (GPtrArray *a,
            GPtrArray *b,
            gboolean   compare_labels)
{
  if (a->len != b->len)
    return FALSE;

  /* Both sides are in document order, by start, end, then label. */
  for (guint i = 0; i < a->len; i++)
    {
      GlossSpan *x = g_ptr_array_index (a, i);
      GlossSpan *y = g_ptr_array_index (b, i);

      if (gloss_span_get_start (x) != gloss_span_get_start (y) ||
          gloss_span_get_end (x) != gloss_span_get_end (y))
        return FALSE;
      if (compare_labels && g_strcmp0 (gloss_span_get_label (x), gloss_span_get_label (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Settles the kind of a finished cluster; %FALSE for an agreement. */
static gboolean
classify (GlossDisagreement *cluster)
{
  if (cluster->b_spans->len == 0)
    cluster->kind = GLOSS_DISAGREEMENT_ONLY_A;
  else if (cluster->a_spans->len == 0)
    cluster->kind = GLOSS_DISAGREEMENT_ONLY_B;
  else if (same_spans (cluster->a_spans, cluster->b_spans, TRUE))
    return FALSE;
  else if (same_spans (cluster->a_spans, cluster->b_spans, FALSE))
    cluster->kind = GLOSS_DISAGREEMENT_LABEL;
  else
    cluster->kind = GLOSS_DISAGREEMENT_BOUNDARY;

  return TRUE;
}

static GlossDisagreement *
cluster_new (GlossSpan *span)
{
  GlossDisagreement *cluster = g_new0 (GlossDisagreement, 1);

  cluster->a_spans = g_ptr_array_new_with_free_func (g_object_unref);
  cluster->b_spans = g_ptr_array_new_with_free_func (g_object_unref);
  cluster->start = gloss_span_get_start (span);
  cluster->end = gloss_span_get_end (span);

  return cluster;
}

static void
finish_cluster (GPtrArray          *disagreements,
                GlossDisagreement **cluster)
{
  if (*cluster == NULL)
    return;

  if (classify (*cluster))
    g_ptr_array_add (disagreements, g_steal_pointer (cluster));
  else
    g_clear_pointer (cluster, gloss_disagreement_free);
}

/**
 * gloss_compare_documents:
 * @a: the first annotator's document
 * @b: the second annotator's document of the same text
 *
 * Groups the spans of both documents into clusters of overlapping spans.
 *
 * Returns: (transfer container) (element-type GlossDisagreement): the
 *   clusters where @a and @b did not make the same spans, in text order
 */
GPtrArray *
gloss_compare_documents (GlossDocument *a,
                         GlossDocument *b)
{
  GPtrArray *disagreements;
  GlossDisagreement *cluster = NULL;
  guint n_a;
  guint n_b;
  guint i = 0;
  guint j = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (a), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (b), NULL);

  disagreements = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_disagreement_free);
  n_a = gloss_document_get_n_spans (a);
  n_b = gloss_document_get_n_spans (b);

  /* Both lists are sorted by start: merge them, one cluster growing while
   * the next span starts before its end. */
  while (i < n_a || j < n_b)
    {
      gboolean from_a;
      GlossSpan *span;

      if (i < n_a && j < n_b)
        from_a = gloss_span_get_start (gloss_document_get_span (a, i)) <=
                 gloss_span_get_start (gloss_document_get_span (b, j));
      else
        from_a = i < n_a;
      span = from_a ? gloss_document_get_span (a, i++) : gloss_document_get_span (b, j++);

      if (cluster != NULL && gloss_span_get_start (span) >= cluster->end)
        finish_cluster (disagreements, &cluster);
      if (cluster == NULL)
        cluster = cluster_new (span);

      cluster->end = MAX (cluster->end, gloss_span_get_end (span));
      g_ptr_array_add (from_a ? cluster->a_spans : cluster->b_spans, g_object_ref (span));
    }
  finish_cluster (disagreements, &cluster);

  return disagreements;
}

/**
 * gloss_compare_find_document:
 * @other: the corpus of another annotator
 * @document: a document of one's own corpus
 *
 * Returns: (transfer none) (nullable): the document of @other with the id
 *   and the text of @document, or %NULL if it has none
 */
GlossDocument *
gloss_compare_find_document (GlossCorpus   *other,
                             GlossDocument *document)
{
  GlossDocument *found;

  g_return_val_if_fail (GLOSS_IS_CORPUS (other), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  found = gloss_corpus_lookup_document (other, gloss_document_get_id (document));
  if (found == NULL || g_strcmp0 (gloss_document_get_text (found), gloss_document_get_text (document)) != 0)
    return NULL;

  return found;
}

/**
 * gloss_compare_count_documents:
 *
 * Returns: how many documents of @a have a document of the same id and
 *   text in @b, that is how many can be compared
 */
guint
gloss_compare_count_documents (GlossCorpus *a,
                               GlossCorpus *b)
{
  guint n = gloss_corpus_get_n_documents (a);
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_CORPUS (a), 0);
  g_return_val_if_fail (GLOSS_IS_CORPUS (b), 0);

  for (guint i = 0; i < n; i++)
    if (gloss_compare_find_document (b, gloss_corpus_get_document (a, i)) != NULL)
      count++;

  return count;
}

/**
 * gloss_compare_accept_b:
 * @history: the history of the corpus holding @a
 * @a: the first annotator's document, which the disagreement was found in
 * @disagreement: a disagreement of @a with another document
 *
 * Settles @disagreement for the second annotator, as one undo step: the
 * first annotator's spans there go and copies of the second's take their
 * place, keeping who made them, their notes and when. Nothing changes if
 * a label of the second annotator is not in the schema of @a.
 */
gboolean
gloss_compare_accept_b (GlossHistory             *history,
                        GlossDocument            *a,
                        const GlossDisagreement  *disagreement,
                        GError                  **error)
{
  GlossCorpus *corpus;
  gboolean ok = TRUE;
  guint n_changes = 0;

  g_return_val_if_fail (GLOSS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (disagreement != NULL, FALSE);

  corpus = gloss_history_get_corpus (history);
  if (!gloss_corpus_check_document (corpus, a, error))
    return FALSE;
  for (guint i = 0; i < disagreement->b_spans->len; i++)
    if (!gloss_corpus_check_label (corpus, gloss_span_get_label (g_ptr_array_index (disagreement->b_spans, i)),
                                   error))
      return FALSE;

  gloss_history_begin_batch (history);

  for (guint i = 0; ok && i < disagreement->a_spans->len; i++)
    if ((ok = gloss_history_remove_span (history, a, g_ptr_array_index (disagreement->a_spans, i), error)))
      n_changes++;

  for (guint i = 0; ok && i < disagreement->b_spans->len; i++)
    {
      GlossSpan *theirs = g_ptr_array_index (disagreement->b_spans, i);
      g_autoptr(GlossSpan) copy = NULL;

      copy = gloss_span_new_full (NULL, gloss_span_get_start (theirs), gloss_span_get_end (theirs),
                                  gloss_span_get_label (theirs), gloss_span_get_note (theirs),
                                  gloss_span_get_annotator (theirs), gloss_span_get_created (theirs));
      if ((ok = gloss_history_add_span (history, a, copy, error)))
        n_changes++;
    }

  gloss_history_end_batch (history);

  /* Only spans changed behind the disagreement's back can fail: take back
   * what was done rather than leave half of it. */
  if (!ok && n_changes > 0)
    gloss_history_undo (history);

  return ok;
}
