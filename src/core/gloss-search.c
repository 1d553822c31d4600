/* gloss-search.c
 *
 * Search runs GRegex over a document's UTF-8 text; a plain pattern is
 * escaped first, so both kinds share one matcher. Decisions:
 *
 * - Offsets are code points. Byte offsets are turned into code points by a
 *   cursor that only moves forward, so a search costs one pass over the text.
 * - Matches are non-empty (G_REGEX_MATCH_NOTEMPTY: "x*" finds the runs of x,
 *   never the empty string between them) and do not overlap.
 * - A match that would split a grapheme cluster (a base letter from its
 *   combining mark in NFD text, an emoji from its modifier, a ZWJ sequence or
 *   a flag) is dropped, not reported, since it could never become a span; so
 *   is a whole-word match whose ends are not token boundaries. The search
 *   then goes on one code point after the dropped match's start, so a
 *   shorter or later match inside it is still found.
 * - An empty pattern matches nothing and is not an error: it is what a
 *   search entry holds before the user types.
 * - Case-insensitive matching is Unicode-aware but does not normalize: NFC
 *   "ệ" does not match its NFD spelling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-history.h"
#include "gloss-search.h"
#include "gloss-text.h"
#include "gloss-tokenizer.h"

/* Neither between two word characters (letters, marks, digits) nor inside
 * a word. */
#define NOT_INSIDE_WORD "(?:(?<![\\p{L}\\p{M}\\p{N}])|(?![\\p{L}\\p{M}\\p{N}]))"

enum
{
  EDGE_START = 1 << 0,
  EDGE_END   = 1 << 1,
};

G_DEFINE_QUARK (gloss-search-error-quark, gloss_search_error)

static const GlossSearchOptions default_options = { FALSE, FALSE, FALSE };

/* A match inside a word is dropped in whole-word mode, but PCRE only reports
 * its first choice at each position: "pillar|pillars" finds "pillar" in
 * "pillars" and never tries the longer alternative. Requiring that neither
 * end fall between two word characters lets PCRE backtrack to a match the
 * token check will keep; the token check stays the rule. @pattern was compiled
 * on its own first, so its groups are balanced and wrapping it keeps its meaning;
 * the \E closes a \Q quote left open. When the wrapped pattern does not
 * compile (an extended-mode comment running to the end), it is not used. */
static GRegex *
compile_bounded (const char         *pattern,
                 GRegexCompileFlags  flags)
{
  g_autofree char *bounded = NULL;

  bounded = g_strconcat (NOT_INSIDE_WORD "(?:", pattern, "\\E)" NOT_INSIDE_WORD, NULL);

  return g_regex_new (bounded, flags, G_REGEX_MATCH_NOTEMPTY, NULL);
}

/* Returns NULL without an error for an empty pattern. */
static GRegex *
compile_pattern (const char                *pattern,
                 const GlossSearchOptions  *options,
                 GError                   **error)
{
  g_autofree char *escaped = NULL;
  g_autoptr(GError) local_error = NULL;
  GRegexCompileFlags flags = G_REGEX_OPTIMIZE;
  GRegex *regex;

  g_assert (pattern != NULL);
  g_assert (options != NULL);

  if (*pattern == '\0')
    return NULL;

  if (options->ignore_case)
    flags |= G_REGEX_CASELESS;

  if (options->regex)
    flags |= G_REGEX_MULTILINE;
  else
    pattern = escaped = g_regex_escape_string (pattern, -1);

  regex = g_regex_new (pattern, flags, G_REGEX_MATCH_NOTEMPTY, &local_error);
  if (regex == NULL)
    {
      g_set_error_literal (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_PATTERN,
                           local_error->message);
      return NULL;
    }

  if (options->whole_word)
    {
      g_autoptr(GRegex) bounded = compile_bounded (pattern, flags);

      if (bounded != NULL)
        {
          g_regex_unref (regex);
          regex = g_steal_pointer (&bounded);
        }
    }

  return regex;
}

/* One byte per code point offset, telling whether a token starts or ends
 * there. */
static guint8 *
find_word_edges (GlossDocument *document)
{
  g_autoptr(GArray) tokens = NULL;
  guint8 *edges;

  tokens = gloss_tokenize (gloss_document_get_text (document),
                           gloss_document_get_text_bytes (document));
  edges = g_new0 (guint8, gloss_document_get_length (document) + 1);

  for (guint i = 0; i < tokens->len; i++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, i);

      edges[token->start] |= EDGE_START;
      edges[token->end] |= EDGE_END;
    }

  return edges;
}

static gboolean
is_acceptable (const char             *text,
               gsize                   n_bytes,
               int                     start_byte,
               int                     end_byte,
               const guint8           *edges,
               const GlossSearchMatch *match)
{
  if (edges != NULL &&
      (!(edges[match->start] & EDGE_START) || !(edges[match->end] & EDGE_END)))
    return FALSE;

  return gloss_text_is_cluster_boundary (text, n_bytes, start_byte) &&
         gloss_text_is_cluster_boundary (text, n_bytes, end_byte);
}

static gboolean
propagate_match_error (GError  *local_error,
                       GError **error)
{
  if (local_error == NULL)
    return TRUE;

  g_set_error_literal (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_MATCH,
                       local_error->message);
  return FALSE;
}

static gboolean
search_document (GRegex         *regex,
                 GlossDocument  *document,
                 gboolean        whole_word,
                 GArray         *matches,
                 GError        **error)
{
  const char *text = gloss_document_get_text (document);
  gsize n_bytes = gloss_document_get_text_bytes (document);
  g_autofree guint8 *edges = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize cursor_byte = 0;
  guint cursor = 0;

  if (whole_word)
    edges = find_word_edges (document);

  g_regex_match_full (regex, text, n_bytes, 0, G_REGEX_MATCH_NOTEMPTY, &info, &local_error);

  while (local_error == NULL && g_match_info_matches (info))
    {
      GlossSearchMatch match;
      int start_byte;
      int end_byte;

      g_match_info_fetch_pos (info, 0, &start_byte, &end_byte);

      /* Only \K could report a match that goes backwards; stop rather than
       * loop. */
      if (start_byte < (int) cursor_byte || end_byte <= start_byte)
        break;

      cursor += g_utf8_strlen (text + cursor_byte, start_byte - cursor_byte);
      cursor_byte = start_byte;
      match.start = cursor;
      match.end = cursor + g_utf8_strlen (text + start_byte, end_byte - start_byte);

      if (is_acceptable (text, n_bytes, start_byte, end_byte, edges, &match))
        {
          g_array_append_val (matches, match);
          g_match_info_next (info, &local_error);
        }
      else
        {
          gsize next = g_utf8_next_char (text + start_byte) - text;

          g_clear_pointer (&info, g_match_info_free);
          g_regex_match_full (regex, text, n_bytes, next, G_REGEX_MATCH_NOTEMPTY,
                              &info, &local_error);
        }
    }

  return propagate_match_error (local_error, error);
}

/* Searches @document, or every document of @corpus when it is NULL, and
 * returns one array of matches per document, in corpus order. */
static GPtrArray *
search_corpus (GlossCorpus               *corpus,
               GlossDocument             *document,
               const char                *pattern,
               const GlossSearchOptions  *options,
               GPtrArray                 *documents,
               GError                   **error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) local_error = NULL;

  regex = compile_pattern (pattern, options != NULL ? options : &default_options, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (document != NULL)
    g_ptr_array_add (documents, g_object_ref (document));
  else
    for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
      g_ptr_array_add (documents, g_object_ref (gloss_corpus_get_document (corpus, i)));

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < documents->len; i++)
    {
      GArray *matches = g_array_new (FALSE, FALSE, sizeof (GlossSearchMatch));

      g_ptr_array_add (results, matches);
      if (regex != NULL &&
          !search_document (regex, g_ptr_array_index (documents, i),
                            options != NULL && options->whole_word, matches, error))
        return NULL;
    }

  return g_steal_pointer (&results);
}

/**
 * gloss_search_document:
 * @document: a document
 * @pattern: literal text, or a regular expression if @options say so
 * @options: (nullable): how to match; %NULL for a plain, case-sensitive search
 * @error: return location for a #GLOSS_SEARCH_ERROR
 *
 * Finds @pattern in @document. Matches never overlap, are never empty and
 * never split a grapheme cluster: a match that would is dropped. An empty
 * @pattern finds nothing.
 *
 * Returns: (transfer full) (element-type GlossSearchMatch): the matches in
 *   code points, in text order, or %NULL on error
 */
GArray *
gloss_search_document (GlossDocument             *document,
                       const char                *pattern,
                       const GlossSearchOptions  *options,
                       GError                   **error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &default_options;

  matches = g_array_new (FALSE, FALSE, sizeof (GlossSearchMatch));
  regex = compile_pattern (pattern, options, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (regex != NULL && !search_document (regex, document, options->whole_word, matches, error))
    return NULL;

  return g_steal_pointer (&matches);
}

/**
 * gloss_search_corpus_count:
 * @corpus: a corpus
 * @document: (nullable): a document of @corpus, or %NULL for all of them
 * @pattern: literal text, or a regular expression if @options say so
 * @options: (nullable): how to match
 * @error: return location for a #GLOSS_SEARCH_ERROR or #GLOSS_CORPUS_ERROR
 *
 * Returns: how many matches gloss_search_document() finds in @document or
 *   in the whole corpus; 0 with @error set on error
 */
guint
gloss_search_corpus_count (GlossCorpus               *corpus,
                           GlossDocument             *document,
                           const char                *pattern,
                           const GlossSearchOptions  *options,
                           GError                   **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), 0);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (pattern != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (document != NULL && !gloss_corpus_check_document (corpus, document, error))
    return 0;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  results = search_corpus (corpus, document, pattern, options, documents, error);
  if (results == NULL)
    return 0;

  for (guint i = 0; i < results->len; i++)
    n_matches += ((GArray *) g_ptr_array_index (results, i))->len;

  return n_matches;
}

/**
 * gloss_search_label_all:
 * @corpus: a corpus
 * @document: (nullable): a document of @corpus, or %NULL for all of them
 * @pattern: literal text, or a regular expression if @options say so
 * @options: (nullable): how to match
 * @label: the id of a label in the corpus schema
 * @n_skipped: (out) (optional): how many matches already had a @label span
 *   exactly there
 * @error: return location for a #GLOSS_SEARCH_ERROR or #GLOSS_CORPUS_ERROR
 *
 * Adds a @label span over every match, through the corpus history as one
 * undo step. Nothing is changed when the label is unknown, the document is
 * not in @corpus or the pattern is invalid: every match is found before the
 * first span is added.
 *
 * Returns: how many spans were added
 */
guint
gloss_search_label_all (GlossCorpus               *corpus,
                        GlossDocument             *document,
                        const char                *pattern,
                        const GlossSearchOptions  *options,
                        const char                *label,
                        guint                     *n_skipped,
                        GError                   **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) results = NULL;
  GlossHistory *history;
  guint n_added = 0;
  guint skipped = 0;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), 0);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (pattern != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (n_skipped != NULL)
    *n_skipped = 0;

  if (!gloss_corpus_check_label (corpus, label, error) ||
      (document != NULL && !gloss_corpus_check_document (corpus, document, error)))
    return 0;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  results = search_corpus (corpus, document, pattern, options, documents, error);
  if (results == NULL)
    return 0;

  history = gloss_corpus_get_history (corpus);
  gloss_history_begin_batch (history);

  for (guint i = 0; i < documents->len; i++)
    {
      GlossDocument *doc = g_ptr_array_index (documents, i);
      GArray *matches = g_ptr_array_index (results, i);

      for (guint j = 0; j < matches->len; j++)
        {
          const GlossSearchMatch *match = &g_array_index (matches, GlossSearchMatch, j);
          g_autoptr(GlossSpan) span = NULL;

          if (gloss_document_find_span (doc, match->start, match->end, label) != NULL)
            {
              skipped++;
              continue;
            }

          span = gloss_span_new (match->start, match->end, label);
          /* Checked above, so this cannot fail; if it did, what was added
           * stays one undo step. */
          if (!gloss_history_add_span (history, doc, span, error))
            goto out;

          n_added++;
        }
    }

out:
  gloss_history_end_batch (history);

  if (n_skipped != NULL)
    *n_skipped = skipped;

  return n_added;
}
