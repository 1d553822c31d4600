/* gloss-format-conll.c: CoNLL IOB2 export
 *
 * One `token<TAB>tag` line a token, tokens and sentences from
 * gloss_tokenize(), a blank line after each sentence and a `# doc_id = ID`
 * comment opening each document. IOB2 gives each token one tag, so a span
 * must start and end on token boundaries and may not overlap another one:
 *
 * 1. A span whose start is not the start of a token, or whose end is not
 *    the end of a token, is dropped (never shifted to the nearest token).
 * 2. The remaining spans are ordered longest first (in code points), then
 *    in document order (start, end, label), and kept greedily: a span that
 *    shares a token with a span kept before it is dropped.
 *
 * Every dropped span is reported with its reason, and the end of the
 * export reports how many were dropped and from which documents.
 * docs/formats.md describes this for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-conll"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-export-formats.h"
#include "gloss-format-private.h"
#include "gloss-tokenizer.h"

struct _GlossConllExporter
{
  GlossExporter  parent_instance;

  GString       *buffer;
  /* ids of the documents that lost spans in this export, in corpus order */
  GPtrArray     *dropped_from;
  guint          n_dropped;
};

G_DEFINE_FINAL_TYPE (GlossConllExporter, gloss_conll_exporter, GLOSS_TYPE_EXPORTER)

/* A span that lies on token boundaries: it tags tokens [first, last). */
typedef struct
{
  GlossSpan *span;
  guint      position;
  guint      first;
  guint      last;
} Candidate;

/* What the export works out about the document being written. */
typedef struct
{
  GlossDocument  *document;
  GArray         *tokens;
  char          **reasons;  /* why the span at each position was dropped */
  GlossSpan     **owners;   /* the kept span tagging each token, or NULL */
  guint           offset;   /* where append_token() has got to, in code points */
  gsize           byte;     /* … and in bytes */
} DocumentState;

static void
document_state_clear (DocumentState *state)
{
  guint n_spans = gloss_document_get_n_spans (state->document);

  for (guint i = 0; state->reasons != NULL && i < n_spans; i++)
    g_free (state->reasons[i]);
  g_clear_pointer (&state->reasons, g_free);
  g_clear_pointer (&state->owners, g_free);
  g_clear_pointer (&state->tokens, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocumentState, document_state_clear)

#define TOKEN(tokens, i) (&g_array_index ((tokens), GlossToken, (i)))

/* The first token that ends after @offset, or tokens->len. */
static guint
find_token (GArray *tokens,
            guint   offset)
{
  guint lo = 0;
  guint hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (TOKEN (tokens, mid)->end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static char *
describe_inside (DocumentState *state,
                 gboolean       at_start,
                 guint          offset,
                 GlossToken    *token)
{
  g_autofree char *text = gloss_document_dup_slice (state->document, token->start, token->end);

  if (at_start)
    /* Translators: %u are code-point offsets, %s is the token's text */
    return g_strdup_printf (_("dropped: it starts at code point %u, inside the token “%s” (%u–%u); "
                              "IOB2 tags whole tokens and Gloss never shifts a span"),
                            offset, text, token->start, token->end);
  else
    return g_strdup_printf (_("dropped: it ends at code point %u, inside the token “%s” (%u–%u); "
                              "IOB2 tags whole tokens and Gloss never shifts a span"),
                            offset, text, token->start, token->end);
}

/* Finds the tokens @span covers, or says why it does not lie on token
 * boundaries. */
static char *
align_span (DocumentState *state,
            GlossSpan     *span,
            guint         *first,
            guint         *last)
{
  guint start = gloss_span_get_start (span);
  guint end = gloss_span_get_end (span);
  guint i = find_token (state->tokens, start);
  guint j = find_token (state->tokens, end - 1);

  if (i < state->tokens->len && TOKEN (state->tokens, i)->start < start)
    return describe_inside (state, TRUE, start, TOKEN (state->tokens, i));
  if (i == state->tokens->len || TOKEN (state->tokens, i)->start != start)
    return g_strdup_printf (_("dropped: it starts with whitespace (code point %u) rather than with a token; "
                              "IOB2 tags whole tokens and Gloss never shifts a span"), start);
  if (j < state->tokens->len && TOKEN (state->tokens, j)->start < end && end < TOKEN (state->tokens, j)->end)
    return describe_inside (state, FALSE, end, TOKEN (state->tokens, j));
  if (j == state->tokens->len || TOKEN (state->tokens, j)->end != end)
    return g_strdup_printf (_("dropped: it ends with whitespace (code point %u) rather than with a token; "
                              "IOB2 tags whole tokens and Gloss never shifts a span"), end);

  *first = i;
  *last = j + 1;

  return NULL;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;
  guint len_a = gloss_span_get_length (ca->span);
  guint len_b = gloss_span_get_length (cb->span);

  if (len_a != len_b)
    return len_a > len_b ? -1 : 1;

  return ca->position < cb->position ? -1 : ca->position > cb->position;
}

static void
keep_or_drop (DocumentState   *state,
              const Candidate *candidate)
{
  for (guint t = candidate->first; t < candidate->last; t++)
    {
      GlossSpan *kept = state->owners[t];

      if (kept != NULL)
        {
          /* Translators: “%s (%s %u–%u)”: the span id, its label and its
           * code-point offsets */
          state->reasons[candidate->position] =
            g_strdup_printf (_("dropped: it overlaps the kept span %s (%s %u–%u); "
                               "IOB2 cannot express nested or overlapping spans"),
                             gloss_span_get_id (kept), gloss_span_get_label (kept),
                             gloss_span_get_start (kept), gloss_span_get_end (kept));
          return;
        }
    }

  for (guint t = candidate->first; t < candidate->last; t++)
    state->owners[t] = candidate->span;
}

/* Fills state->owners with the spans kept and state->reasons for the
 * others, by the rules at the top of this file. */
static void
choose_spans (DocumentState *state)
{
  guint n_spans = gloss_document_get_n_spans (state->document);
  g_autoptr(GArray) candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n_spans);

  for (guint i = 0; i < n_spans; i++)
    {
      Candidate candidate = { gloss_document_get_span (state->document, i), i, 0, 0 };

      state->reasons[i] = align_span (state, candidate.span, &candidate.first, &candidate.last);
      if (state->reasons[i] == NULL)
        g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    keep_or_drop (state, &g_array_index (candidates, Candidate, i));
}

static void
report_dropped (GlossConllExporter *self,
                DocumentState      *state,
                const char         *display_id)
{
  guint n_spans = gloss_document_get_n_spans (state->document);
  guint n_dropped = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      if (state->reasons[i] == NULL)
        continue;

      gloss_exporter_report (GLOSS_EXPORTER (self), state->document,
                             gloss_document_get_span (state->document, i),
                             "%s", state->reasons[i]);
      n_dropped++;
    }

  if (n_dropped > 0)
    {
      g_ptr_array_add (self->dropped_from, g_strdup (display_id));
      self->n_dropped += n_dropped;
    }
}

/* A line break in a document id would end its `# doc_id` comment early:
 * returns the id with line breaks escaped, or NULL when it has none. */
static char *
escape_doc_id (const char *id)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  gboolean changed = FALSE;

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\n')
        g_string_append (escaped, "\\n");
      else if (ch == '\r')
        g_string_append (escaped, "\\r");
      else if (ch == '\v' || ch == '\f' || ch == 0x85 || ch == 0x2028 || ch == 0x2029)
        g_string_append_printf (escaped, "\\u%04X", ch);
      else
        {
          g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
          continue;
        }
      changed = TRUE;
    }

  return changed ? g_string_free (g_steal_pointer (&escaped), FALSE) : NULL;
}

/* The byte offset of code point @offset, walking on from the last one
 * asked for: tokens come in order, and a lookup from the start of the
 * text for each would cost more than the rest of the export. */
static gsize
walk_to (DocumentState *state,
         const char    *text,
         guint          offset)
{
  g_assert (offset >= state->offset);

  for (; state->offset < offset; state->offset++)
    state->byte = g_utf8_next_char (text + state->byte) - text;

  return state->byte;
}

static void
append_token (GString       *out,
              DocumentState *state,
              guint          index)
{
  GlossToken *token = TOKEN (state->tokens, index);
  GlossSpan *owner = state->owners[index];
  const char *text = gloss_document_get_text (state->document);
  gsize from = walk_to (state, text, token->start);
  gsize to = walk_to (state, text, token->end);

  /* The tokenizer never puts whitespace in a token, so neither column
   * separators nor line breaks can get into the output through one. */
  g_assert (memchr (text + from, '\t', to - from) == NULL);
  g_assert (memchr (text + from, '\n', to - from) == NULL);
  g_assert (memchr (text + from, '\r', to - from) == NULL);

  _gloss_string_append_len (out, text + from, to - from);
  if (owner == NULL)
    _gloss_string_append (out, "\tO\n");
  else
    {
      _gloss_string_append (out, gloss_span_get_start (owner) == token->start ? "\tB-" : "\tI-");
      _gloss_string_append (out, gloss_span_get_label (owner));
      g_string_append_c (out, '\n');
    }

  if (token->sentence_end)
    g_string_append_c (out, '\n');
}

static gboolean
gloss_conll_exporter_begin (GlossExporter  *exporter,
                            GlossCorpus    *corpus,
                            GOutputStream  *out,
                            GCancellable   *cancellable,
                            GError        **error)
{
  GlossConllExporter *self = GLOSS_CONLL_EXPORTER (exporter);

  g_ptr_array_set_size (self->dropped_from, 0);
  self->n_dropped = 0;

  return TRUE;
}

static gboolean
gloss_conll_exporter_write_document (GlossExporter  *exporter,
                                     GlossCorpus    *corpus,
                                     GlossDocument  *document,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error)
{
  GlossConllExporter *self = GLOSS_CONLL_EXPORTER (exporter);
  g_auto(DocumentState) state = { document, NULL, NULL, NULL, 0, 0 };
  g_autofree char *escaped_id = NULL;
  const char *display_id;

  state.tokens = gloss_tokenize (gloss_document_get_text (document),
                                 gloss_document_get_text_bytes (document));
  state.reasons = g_new0 (char *, gloss_document_get_n_spans (document));
  state.owners = g_new0 (GlossSpan *, state.tokens->len);

  escaped_id = escape_doc_id (gloss_document_get_id (document));
  display_id = escaped_id != NULL ? escaped_id : gloss_document_get_id (document);
  if (escaped_id != NULL)
    /* Translators: %s is a document id with its line breaks written as \n */
    gloss_exporter_report (exporter, NULL, NULL,
                           _("the id of document “%s” contains a line break, written escaped in its # doc_id line"),
                           escaped_id);

  choose_spans (&state);
  report_dropped (self, &state, display_id);

  g_string_append_printf (self->buffer, "# doc_id = %s\n", display_id);
  for (guint i = 0; i < state.tokens->len; i++)
    append_token (self->buffer, &state, i);

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static gboolean
gloss_conll_exporter_end (GlossExporter  *exporter,
                          GlossCorpus    *corpus,
                          GOutputStream  *out,
                          GCancellable   *cancellable,
                          GError        **error)
{
  GlossConllExporter *self = GLOSS_CONLL_EXPORTER (exporter);
  g_autoptr(GString) documents = NULL;

  if (self->n_dropped == 0)
    return TRUE;

  documents = g_string_new (g_ptr_array_index (self->dropped_from, 0));
  for (guint i = 1; i < self->dropped_from->len; i++)
    g_string_append_printf (documents, ", %s", (char *)g_ptr_array_index (self->dropped_from, i));

  if (self->dropped_from->len == 1)
    /* Translators: the summary of a CoNLL export; %s is a document id */
    gloss_exporter_report (exporter, NULL, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u span dropped from document %s",
                                        "%u spans dropped from document %s",
                                        self->n_dropped),
                           self->n_dropped, documents->str);
  else
    /* Translators: the summary of a CoNLL export; %s is a list of
     * document ids separated by commas */
    gloss_exporter_report (exporter, NULL, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u span dropped from documents %s",
                                        "%u spans dropped from documents %s",
                                        self->n_dropped),
                           self->n_dropped, documents->str);

  return TRUE;
}

static void
gloss_conll_exporter_finalize (GObject *object)
{
  GlossConllExporter *self = (GlossConllExporter *)object;

  g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->dropped_from, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_conll_exporter_parent_class)->finalize (object);
}

static void
gloss_conll_exporter_class_init (GlossConllExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossExporterClass *exporter_class = GLOSS_EXPORTER_CLASS (klass);

  object_class->finalize = gloss_conll_exporter_finalize;

  exporter_class->begin = gloss_conll_exporter_begin;
  exporter_class->write_document = gloss_conll_exporter_write_document;
  exporter_class->end = gloss_conll_exporter_end;
  exporter_class->supports_offsets = FALSE;
}

static void
gloss_conll_exporter_init (GlossConllExporter *self)
{
  self->buffer = g_string_sized_new (1 << 16);
  self->dropped_from = g_ptr_array_new_with_free_func (g_free);
}
