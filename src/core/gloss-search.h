/* gloss-search.h: finding text in documents, and labelling what is found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gloss-corpus.h"
#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_SEARCH_ERROR (gloss_search_error_quark())

/**
 * GlossSearchError:
 * @GLOSS_SEARCH_ERROR_INVALID_PATTERN: the regular expression does not
 *   compile; the message is GRegex's own
 * @GLOSS_SEARCH_ERROR_MATCH: matching failed (a backtracking or recursion
 *   limit was hit); the message is GRegex's own
 */
typedef enum
{
  GLOSS_SEARCH_ERROR_INVALID_PATTERN,
  GLOSS_SEARCH_ERROR_MATCH,
} GlossSearchError;

/**
 * GlossSearchOptions:
 * @regex: the pattern is a Perl-compatible regular expression (GRegex, with
 *   `^` and `$` matching at line breaks) rather than literal text
 * @ignore_case: match regardless of case (Unicode simple case folding)
 * @whole_word: both ends of a match must fall on token boundaries from
 *   gloss_tokenize()
 */
typedef struct
{
  gboolean regex;
  gboolean ignore_case;
  gboolean whole_word;
} GlossSearchOptions;

/**
 * GlossSearchMatch:
 * @start: the first code point
 * @end: the code point after the last one
 */
typedef struct
{
  guint start;
  guint end;
} GlossSearchMatch;

GQuark  gloss_search_error_quark   (void);
GArray *gloss_search_document      (GlossDocument             *document,
                                    const char                *pattern,
                                    const GlossSearchOptions  *options,
                                    GError                   **error);
guint   gloss_search_corpus_count  (GlossCorpus               *corpus,
                                    GlossDocument             *document,
                                    const char                *pattern,
                                    const GlossSearchOptions  *options,
                                    GError                   **error);
guint   gloss_search_label_all     (GlossCorpus               *corpus,
                                    GlossDocument             *document,
                                    const char                *pattern,
                                    const GlossSearchOptions  *options,
                                    const char                *label,
                                    guint                     *n_skipped,
                                    GError                   **error);

G_END_DECLS
