/* gloss-gazetteer.c
 *
 * A gazetteer is a list of terms, read from a UTF-8 text file:
 *
 * - one term a line, optionally followed by a TAB and a label id;
 * - a line whose first non-blank character is `#` is a comment, a blank
 *   line is skipped; a `#` later in a line is part of the term;
 * - spaces around the term and the label are dropped, and a TAB followed
 *   by nothing means no label.
 *
 * Matching works on the tokens of gloss_tokenize(), so a match always starts
 * and ends on a token boundary (whole words: “Nam” never matches inside
 * “Namibia”). A term of several tokens matches the same tokens in the text;
 * where the term has whitespace between two tokens the text must have a run
 * of whitespace without a line break there (any number of spaces or tabs, a
 * no-break space…), and where the term has none (“Bà Rịa-Vũng Tàu”) the text
 * must have none either. Terms never match across lines.
 *
 * Tokens are compared after NFC normalisation, so composed and decomposed
 * Vietnamese diacritics are the same; ignoring case compares the
 * g_utf8_casefold() of each token, token by token, so that offsets stay those
 * of the original text even where casefolding changes lengths.
 *
 * At each token the longest term (in tokens) that matches wins, and the scan
 * goes on after it, so matches never overlap; among terms of equal length
 * the first in the file wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-gazetteer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-gazetteer.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-limits.h"
#include "gloss-text.h"
#include "gloss-tokenizer.h"

typedef enum
{
  KEY_EXACT,
  KEY_FOLDED,
  N_KEYS,
} KeyKind;

typedef enum
{
  GAP_NONE,
  GAP_SPACE,
  GAP_BREAK,
} GapKind;

/* A token of a text with its bytes and its comparison key. */
typedef struct
{
  guint  start;
  guint  end;
  gsize  byte_start;
  gsize  byte_end;
  char  *key;
} KeyedToken;

typedef struct
{
  char      *text;
  char      *label;
  guint      line;
  guint      n_tokens;
  char     **keys[N_KEYS];
  gboolean  *spaced;
} Term;

struct _GlossGazetteer
{
  gatomicrefcount  ref_count;
  char            *name;
  GPtrArray       *terms;
  /* First token key → GPtrArray of Term, longest first. */
  GHashTable      *index[N_KEYS];
};

G_DEFINE_QUARK (gloss-gazetteer-error-quark, gloss_gazetteer_error)
G_DEFINE_BOXED_TYPE (GlossGazetteer, gloss_gazetteer, gloss_gazetteer_ref, gloss_gazetteer_unref)

/* Helpers */

static gboolean
is_ascii (const char *text,
          gsize       n_bytes)
{
  for (gsize i = 0; i < n_bytes; i++)
    if ((guchar)text[i] >= 0x80)
      return FALSE;

  return TRUE;
}

static char *
make_key (const char *text,
          gsize       n_bytes,
          KeyKind     kind)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;

  if (is_ascii (text, n_bytes))
    return kind == KEY_FOLDED ? g_ascii_strdown (text, n_bytes) : g_strndup (text, n_bytes);

  if (kind == KEY_EXACT)
    return g_utf8_normalize (text, n_bytes, G_NORMALIZE_NFC);

  decomposed = g_utf8_normalize (text, n_bytes, G_NORMALIZE_NFD);
  folded = g_utf8_casefold (decomposed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static void
keyed_token_clear (gpointer data)
{
  KeyedToken *token = data;

  g_clear_pointer (&token->key, g_free);
}

static gboolean
is_line_break (gunichar ch)
{
  return ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f' ||
         ch == 0x85 || ch == 0x2028 || ch == 0x2029;
}

static GapKind
gap_between (const char       *text,
             const KeyedToken *before,
             const KeyedToken *after)
{
  const char *end = text + after->byte_start;

  if (before->byte_end == after->byte_start)
    return GAP_NONE;

  for (const char *p = text + before->byte_end; p < end; p = g_utf8_next_char (p))
    if (is_line_break (g_utf8_get_char (p)))
      return GAP_BREAK;

  return GAP_SPACE;
}

/* Tokenizes @text and keys every token; the byte offsets are found in one
 * walk, since tokens come in order. */
static GArray *
tokenize_keyed (const char *text,
                gsize       n_bytes,
                KeyKind     kind)
{
  g_autoptr(GArray) tokens = gloss_tokenize (text, n_bytes);
  GArray *keyed = g_array_sized_new (FALSE, FALSE, sizeof (KeyedToken), tokens->len);
  const char *p = text;
  guint offset = 0;

  g_array_set_clear_func (keyed, keyed_token_clear);

  for (guint i = 0; i < tokens->len; i++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, i);
      KeyedToken out = { token->start, token->end, 0, 0, NULL };

      for (; offset < token->start; offset++)
        p = g_utf8_next_char (p);
      out.byte_start = p - text;
      for (; offset < token->end; offset++)
        p = g_utf8_next_char (p);
      out.byte_end = p - text;
      out.key = make_key (text + out.byte_start, out.byte_end - out.byte_start, kind);
      g_array_append_val (keyed, out);
    }

  return keyed;
}

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->text);
  g_free (term->label);
  for (guint k = 0; k < N_KEYS; k++)
    g_strfreev (term->keys[k]);
  g_free (term->spaced);
  g_free (term);
}

/* Returns NULL when @text has no token at all. */
static Term *
term_new (const char *text,
          const char *label,
          guint       line)
{
  gsize n_bytes = strlen (text);
  g_autoptr(GArray) tokens = tokenize_keyed (text, n_bytes, KEY_EXACT);
  Term *term;

  if (tokens->len == 0)
    return NULL;

  term = g_new0 (Term, 1);
  term->text = g_strdup (text);
  term->label = g_strdup (label);
  term->line = line;
  term->n_tokens = tokens->len;
  term->spaced = g_new0 (gboolean, tokens->len);
  term->keys[KEY_EXACT] = g_new0 (char *, tokens->len + 1);
  term->keys[KEY_FOLDED] = g_new0 (char *, tokens->len + 1);

  for (guint i = 0; i < tokens->len; i++)
    {
      KeyedToken *token = &g_array_index (tokens, KeyedToken, i);

      term->keys[KEY_EXACT][i] = g_steal_pointer (&token->key);
      term->keys[KEY_FOLDED][i] = make_key (text + token->byte_start,
                                            token->byte_end - token->byte_start, KEY_FOLDED);
      if (i > 0)
        term->spaced[i - 1] = gap_between (text, token - 1, token) != GAP_NONE;
    }

  return term;
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const Term *term_a = *(const Term * const *)a;
  const Term *term_b = *(const Term * const *)b;

  if (term_a->n_tokens != term_b->n_tokens)
    return term_a->n_tokens > term_b->n_tokens ? -1 : 1;

  return term_a->line < term_b->line ? -1 : term_a->line > term_b->line;
}

static void
build_index (GlossGazetteer *self)
{
  for (KeyKind kind = KEY_EXACT; kind < N_KEYS; kind++)
    {
      GHashTableIter iter;
      gpointer candidates;

      self->index[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify)g_ptr_array_unref);
      for (guint i = 0; i < self->terms->len; i++)
        {
          Term *term = g_ptr_array_index (self->terms, i);
          GPtrArray *list = g_hash_table_lookup (self->index[kind], term->keys[kind][0]);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->index[kind], term->keys[kind][0], list);
            }
          g_ptr_array_add (list, term);
        }

      g_hash_table_iter_init (&iter, self->index[kind]);
      while (g_hash_table_iter_next (&iter, NULL, &candidates))
        g_ptr_array_sort (candidates, compare_terms);
    }
}

/* Reads one line (without its line end) into a term, or into nothing for a
 * comment or a blank line. */
static gboolean
parse_line (GlossGazetteer  *self,
            char            *line,
            guint            line_number,
            GError         **error)
{
  const char *first = line + strspn (line, " \t\r\v\f");
  char *tab;
  char *label = NULL;
  Term *term;

  if (*first == '#' || *first == '\0')
    return TRUE;

  if ((tab = strchr (line, '\t')) != NULL)
    {
      *tab = '\0';
      label = g_strstrip (tab + 1);
      if (label[0] == '\0')
        label = NULL;
    }

  if (label != NULL && !gloss_label_id_is_valid (label))
    {
      g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_INVALID_LABEL,
                   _("%s:%u: “%s” is not a label id (1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”)"),
                   self->name, line_number, label);
      return FALSE;
    }

  if ((term = term_new (g_strstrip (line), label, line_number)) == NULL)
    {
      g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_EMPTY_TERM,
                   _("%s:%u: the term is empty"), self->name, line_number);
      return FALSE;
    }

  g_ptr_array_add (self->terms, term);

  return TRUE;
}

static gboolean
parse (GlossGazetteer  *self,
       const char      *data,
       gsize            n_bytes,
       GError         **error)
{
  const char *end = data + n_bytes;
  gsize bad_offset;
  guint bad_line;
  guint line_number = 1;

  if (!gloss_text_validate_utf8 (data, n_bytes, &bad_offset, &bad_line, NULL))
    {
      g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_INVALID_UTF8,
                   _("%s:%u: invalid UTF-8 at byte offset %lu; convert the list to UTF-8 first"),
                   self->name, bad_line, (gulong)bad_offset);
      return FALSE;
    }

  if (n_bytes >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;

  for (const char *p = data; p < end; line_number++)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;
      g_autofree char *line = g_strndup (p, line_end - p);

      if (!parse_line (self, line, line_number, error))
        return FALSE;

      p = newline != NULL ? newline + 1 : end;
    }

  return TRUE;
}

static gboolean
term_matches_at (const Term *term,
                 KeyKind     kind,
                 const char *text,
                 GArray     *tokens,
                 guint       position)
{
  if (position + term->n_tokens > tokens->len)
    return FALSE;

  for (guint k = 1; k < term->n_tokens; k++)
    {
      const KeyedToken *before = &g_array_index (tokens, KeyedToken, position + k - 1);
      const KeyedToken *token = &g_array_index (tokens, KeyedToken, position + k);

      if (gap_between (text, before, token) != (term->spaced[k - 1] ? GAP_SPACE : GAP_NONE))
        return FALSE;
      if (!g_str_equal (term->keys[kind][k], token->key))
        return FALSE;
    }

  return TRUE;
}

/* The documents to work on: @document, or every one of @corpus. */
static GPtrArray *
collect_documents (GlossCorpus    *corpus,
                   GlossDocument  *document,
                   GError        **error)
{
  GPtrArray *documents = g_ptr_array_new ();

  if (document != NULL)
    {
      if (!gloss_corpus_find_document (corpus, document, NULL))
        {
          g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_UNKNOWN_DOCUMENT,
                       _("The document “%s” is not in the corpus"), gloss_document_get_id (document));
          g_ptr_array_unref (documents);
          return NULL;
        }
      g_ptr_array_add (documents, document);
      return documents;
    }

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    g_ptr_array_add (documents, gloss_corpus_get_document (corpus, i));

  return documents;
}

static gboolean
check_labels (GlossGazetteer  *self,
              GlossSchema     *schema,
              const char      *default_label,
              GError         **error)
{
  if (default_label != NULL && gloss_schema_lookup (schema, default_label) == NULL)
    {
      g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_UNKNOWN_LABEL,
                   _("The schema has no label “%s”"), default_label);
      return FALSE;
    }

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);

      if (term->label == NULL && default_label == NULL)
        {
          g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_NO_LABEL,
                       _("%s:%u: the term “%s” has no label, and no default label was given"),
                       self->name, term->line, term->text);
          return FALSE;
        }

      if (term->label != NULL && gloss_schema_lookup (schema, term->label) == NULL)
        {
          g_set_error (error, GLOSS_GAZETTEER_ERROR, GLOSS_GAZETTEER_ERROR_UNKNOWN_LABEL,
                       _("%s:%u: the schema has no label “%s”"),
                       self->name, term->line, term->label);
          return FALSE;
        }
    }

  return TRUE;
}

static void
count_label (GHashTable *counts,
             const char *label)
{
  gpointer old_key;
  gpointer old_value;

  if (g_hash_table_lookup_extended (counts, label, &old_key, &old_value))
    g_hash_table_insert (counts, g_strdup (label), GUINT_TO_POINTER (GPOINTER_TO_UINT (old_value) + 1));
  else
    g_hash_table_insert (counts, g_strdup (label), GUINT_TO_POINTER (1));
}

/* Public API */

/**
 * gloss_gazetteer_new_from_bytes:
 * @bytes: the list, UTF-8
 * @name: what to call the list in messages, usually its file name
 *
 * Reads a term list; the first problem (invalid UTF-8, an empty term, a label
 * that is not an id) is an error that starts with “@name:LINE:”.
 *
 * Returns: (transfer full) (nullable): the gazetteer
 */
GlossGazetteer *
gloss_gazetteer_new_from_bytes (GBytes      *bytes,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(GlossGazetteer) self = NULL;
  gsize n_bytes;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &n_bytes);

  self = g_new0 (GlossGazetteer, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->terms = g_ptr_array_new_with_free_func (term_free);

  if (!parse (self, data != NULL ? data : "", n_bytes, error))
    return NULL;

  build_index (self);

  return g_steal_pointer (&self);
}

/**
 * gloss_gazetteer_new_from_file:
 *
 * Like gloss_gazetteer_new_from_bytes(), named by the parse name of @file.
 *
 * Returns: (transfer full) (nullable): the gazetteer
 */
GlossGazetteer *
gloss_gazetteer_new_from_file (GFile   *file,
                               GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  if (!gloss_limits_check_file (file, NULL, error))
    return NULL;
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return gloss_gazetteer_new_from_bytes (bytes, name, error);
}

GlossGazetteer *
gloss_gazetteer_ref (GlossGazetteer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
gloss_gazetteer_unref (GlossGazetteer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint k = 0; k < N_KEYS; k++)
    g_clear_pointer (&self->index[k], g_hash_table_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_free (self);
}

const char *
gloss_gazetteer_get_name (GlossGazetteer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
gloss_gazetteer_get_n_terms (GlossGazetteer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->terms->len;
}

/**
 * gloss_gazetteer_dup_labels:
 *
 * Returns: (transfer full): the labels the terms name, each once, in the
 *   order of the list
 */
char **
gloss_gazetteer_dup_labels (GlossGazetteer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);

      if (term->label != NULL && g_hash_table_add (seen, term->label))
        g_strv_builder_add (builder, term->label);
    }

  return g_strv_builder_end (builder);
}

/**
 * gloss_gazetteer_has_unlabelled:
 *
 * Returns: whether some term has no label of its own, and so needs a
 *   default label
 */
gboolean
gloss_gazetteer_has_unlabelled (GlossGazetteer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->terms->len; i++)
    if (((const Term *)g_ptr_array_index (self->terms, i))->label == NULL)
      return TRUE;

  return FALSE;
}

/**
 * gloss_gazetteer_count_terms:
 * @label: (nullable): a label id, or %NULL for the terms without a label
 * @first_line: (out) (optional): the line of the first such term, 0 if none
 *
 * Lets a caller say where in the list a label comes from, for example when
 * the schema lacks it.
 *
 * Returns: the number of terms with @label (or without one)
 */
guint
gloss_gazetteer_count_terms (GlossGazetteer *self,
                             const char     *label,
                             guint          *first_line)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (first_line != NULL)
    *first_line = 0;

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);

      if (g_strcmp0 (term->label, label) != 0)
        continue;
      if (n++ == 0 && first_line != NULL)
        *first_line = term->line;
    }

  return n;
}

/**
 * gloss_gazetteer_match:
 * @default_label: (nullable): the label of terms without one; when %NULL
 *   such terms are not looked for
 * @ignore_case: whether to compare casefolded tokens
 *
 * Finds the terms in @document: whole tokens only, the longest term first,
 * no two matches overlapping (see the top of gloss-gazetteer.c).
 *
 * Returns: (transfer full) (element-type GlossGazetteerMatch): the matches
 *   in text order; their labels live as long as @self and @default_label
 */
GArray *
gloss_gazetteer_match (GlossGazetteer *self,
                       GlossDocument  *document,
                       const char     *default_label,
                       gboolean        ignore_case)
{
  g_autoptr(GArray) tokens = NULL;
  GArray *matches;
  KeyKind kind = ignore_case ? KEY_FOLDED : KEY_EXACT;
  const char *text;
  guint i = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (GlossGazetteerMatch));
  text = gloss_document_get_text (document);
  tokens = tokenize_keyed (text, gloss_document_get_text_bytes (document), kind);

  while (i < tokens->len)
    {
      const KeyedToken *first = &g_array_index (tokens, KeyedToken, i);
      GPtrArray *candidates = g_hash_table_lookup (self->index[kind], first->key);
      guint step = 1;

      for (guint c = 0; candidates != NULL && c < candidates->len; c++)
        {
          const Term *term = g_ptr_array_index (candidates, c);
          const char *label = term->label != NULL ? term->label : default_label;
          GlossGazetteerMatch match;

          if (label == NULL || !term_matches_at (term, kind, text, tokens, i))
            continue;

          match.start = first->start;
          match.end = g_array_index (tokens, KeyedToken, i + term->n_tokens - 1).end;
          match.label = label;
          g_array_append_val (matches, match);
          step = term->n_tokens;
          break;
        }

      i += step;
    }

  return matches;
}

/**
 * gloss_gazetteer_count_matches:
 * @document: (nullable): the document to look in, or %NULL for every
 *   document of @corpus
 *
 * Counts what gloss_gazetteer_apply() would find, per label, for a preview;
 * spans already there are counted too.
 *
 * Returns: (transfer full) (element-type utf8 guint): label id → number of
 *   matches
 */
GHashTable *
gloss_gazetteer_count_matches (GlossGazetteer *self,
                               GlossCorpus    *corpus,
                               GlossDocument  *document,
                               const char     *default_label,
                               gboolean        ignore_case)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (self != NULL, counts);
  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), counts);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), counts);

  if (!(documents = collect_documents (corpus, document, NULL)))
    return counts;

  for (guint d = 0; d < documents->len; d++)
    {
      g_autoptr(GArray) matches = gloss_gazetteer_match (self, g_ptr_array_index (documents, d),
                                                         default_label, ignore_case);

      for (guint i = 0; i < matches->len; i++)
        count_label (counts, g_array_index (matches, GlossGazetteerMatch, i).label);
    }

  return counts;
}

/**
 * gloss_gazetteer_apply:
 * @document: (nullable): the document to annotate, or %NULL for every
 *   document of @corpus
 * @default_label: (nullable): the label of terms without one
 * @counts: (nullable) (element-type utf8 guint): a table made with
 *   `g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL)` to which
 *   the number of spans added per label is added
 *
 * Adds a span for every match through the corpus history, as one undo step;
 * a span that is already there (same range and label) is skipped. Every
 * label must be in the schema, and every term must have a label or
 * @default_label be given; otherwise nothing changes and @error is set.
 *
 * Returns: the number of spans added (0 with @error set on failure)
 */
guint
gloss_gazetteer_apply (GlossGazetteer  *self,
                       GlossCorpus     *corpus,
                       GlossDocument   *document,
                       const char      *default_label,
                       gboolean         ignore_case,
                       GHashTable      *counts,
                       GError         **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  GlossHistory *history;
  guint n_added = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), 0);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_labels (self, gloss_corpus_get_schema (corpus), default_label, error) ||
      !(documents = collect_documents (corpus, document, error)))
    return 0;

  history = gloss_corpus_get_history (corpus);
  gloss_history_begin_batch (history);

  for (guint d = 0; d < documents->len; d++)
    {
      GlossDocument *doc = g_ptr_array_index (documents, d);
      g_autoptr(GArray) matches = gloss_gazetteer_match (self, doc, default_label, ignore_case);

      for (guint i = 0; i < matches->len; i++)
        {
          const GlossGazetteerMatch *match = &g_array_index (matches, GlossGazetteerMatch, i);
          g_autoptr(GlossSpan) span = NULL;

          if (gloss_document_find_span (doc, match->start, match->end, match->label) != NULL)
            continue;

          span = gloss_span_new (match->start, match->end, match->label);
          /* Labels and documents were checked, so this cannot fail. */
          if (!gloss_history_add_span (history, doc, span, error))
            {
              gloss_history_end_batch (history);
              return 0;
            }

          n_added++;
          if (counts != NULL)
            count_label (counts, match->label);
        }
    }

  gloss_history_end_batch (history);

  return n_added;
}
