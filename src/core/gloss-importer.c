/* gloss-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>

#include "gloss-format.h"
#include "gloss-import-formats.h"
#include "gloss-limits.h"

struct _GlossImportContext
{
  GlossCorpus              *corpus;     /* the staging corpus */
  const GlossImportOptions *options;
  GPtrArray                *problems;   /* of GlossProblem */
  GHashTable               *label_ids;  /* foreign name → label id */
};

typedef gboolean (*ImportFunc) (GlossImportContext  *ctx,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GError             **error);

static gboolean import_native (GlossImportContext  *ctx,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GError             **error);

static const struct {
  const char *name;
  ImportFunc  import;
} formats[] = {
  { "text", NULL },
  { "doccano", _gloss_import_doccano },
  { "spacy", _gloss_import_spacy },
  { "brat", _gloss_import_brat },
  { "gloss", import_native },
};

/**
 * gloss_import_list_formats:
 *
 * Returns: (transfer none): the formats gloss_import_paths() reads
 */
const char * const *
gloss_import_list_formats (void)
{
  static const char *names[G_N_ELEMENTS (formats) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      names[i] = formats[i].name;

  return names;
}

GlossCorpus *
gloss_import_context_get_corpus (GlossImportContext *ctx)
{
  return ctx->corpus;
}

const GlossImportOptions *
gloss_import_context_get_options (GlossImportContext *ctx)
{
  return ctx->options;
}

/**
 * gloss_import_describe_place:
 * @line: a line number from 1, or 0 for the whole file
 *
 * Returns: (transfer full): `FILE:LINE` (or `FILE`), as importers' messages
 *   begin
 */
char *
gloss_import_describe_place (GFile *file,
                             guint  line)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (line == 0)
    return g_steal_pointer (&name);

  return g_strdup_printf ("%s:%u", name, line);
}

void
gloss_import_context_warn (GlossImportContext *ctx,
                           const char         *place,
                           const char         *format,
                           ...)
{
  GlossProblem *problem = g_new0 (GlossProblem, 1);
  va_list args;

  problem->severity = GLOSS_SEVERITY_WARNING;
  problem->code = GLOSS_FORMAT_ERROR_INVALID_VALUE;
  problem->path = g_strdup (place != NULL ? place : "");
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (ctx->problems, problem);
}

/**
 * gloss_import_context_add_document:
 *
 * Adds @document to the corpus being imported. It reaches the caller's
 * corpus only when every input has imported.
 */
gboolean
gloss_import_context_add_document (GlossImportContext  *ctx,
                                   GlossDocument       *document,
                                   GError             **error)
{
  return gloss_corpus_add_document (ctx->corpus, document, error);
}

char *
gloss_import_context_make_document_id (GlossImportContext *ctx,
                                       const char         *hint)
{
  return gloss_corpus_make_document_id (ctx->corpus, hint);
}

static char *
label_id_for_name (const char *name)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; *p != '\0' && id->len < 64; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || strchr ("_-.:", *p) ? *p : '_');

  if (id->len == 0)
    g_string_assign (id, "label");

  return g_string_free (g_steal_pointer (&id), FALSE);
}

/**
 * gloss_import_context_ensure_label:
 * @name: a label as the input names it
 * @place: where it was first seen, for the report
 *
 * Finds the schema label for @name, adding one (with a colour of its own)
 * and reporting it when there is none. A name that is not a valid id
 * (`Organization name`) gets a valid one (`Organization_name`) and keeps
 * the name as its display name.
 *
 * Returns: the label id
 */
const char *
gloss_import_context_ensure_label (GlossImportContext *ctx,
                                   const char         *name,
                                   const char         *place)
{
  GlossSchema *schema = gloss_corpus_get_schema (ctx->corpus);
  g_autoptr(GlossLabel) label = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  const char *known;

  if ((known = g_hash_table_lookup (ctx->label_ids, name)))
    return known;

  if (gloss_label_id_is_valid (name) && gloss_schema_lookup (schema, name) != NULL)
    {
      g_hash_table_insert (ctx->label_ids, g_strdup (name), (gpointer)g_intern_string (name));
      return g_intern_string (name);
    }

  /* The first free id made from the name, unless a label made from the
   * same name by an earlier import is already there. */
  base = label_id_for_name (name);
  id = g_strdup (base);
  for (guint n = 2; ; n++)
    {
      GlossLabel *existing = gloss_schema_lookup (schema, id);

      if (existing != NULL && g_str_equal (gloss_label_get_name (existing), name))
        break;

      if (existing == NULL)
        {
          label = gloss_label_new (id, name, gloss_schema_next_color (schema), NULL, NULL);
          gloss_schema_add (schema, label, NULL);

          if (g_str_equal (id, name))
            gloss_import_context_warn (ctx, place, _("added the label “%s” to the schema"), name);
          else
            gloss_import_context_warn (ctx, place, _("added the label “%s” to the schema with the id “%s”"),
                                       name, id);
          break;
        }

      g_free (id);
      id = g_strdup_printf ("%.58s_%u", base, n);
    }

  g_hash_table_insert (ctx->label_ids, g_strdup (name), (gpointer)g_intern_string (id));

  return g_intern_string (id);
}

static gboolean
import_native (GlossImportContext  *ctx,
               GFile               *file,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GlossCorpus) other = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) renamed = NULL;
  g_autofree char *place = gloss_import_describe_place (file, 0);
  GlossSchema *schema = gloss_corpus_get_schema (ctx->corpus);
  GlossSchema *other_schema;

  if (!(other = gloss_corpus_load_file (file, cancellable, &problems, &local_error)))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                   "%s: %s", place, local_error->message);
      return FALSE;
    }

  other_schema = gloss_corpus_get_schema (other);
  for (guint i = 0; i < gloss_schema_get_n_labels (other_schema); i++)
    {
      const char *id = gloss_label_get_id (gloss_schema_get_label (other_schema, i));

      if (gloss_schema_lookup (schema, id) == NULL)
        gloss_import_context_warn (ctx, place, _("added the label “%s” to the schema"), id);
    }
  gloss_schema_merge (schema, other_schema);

  renamed = g_ptr_array_new_with_free_func (g_free);
  gloss_corpus_take_documents (ctx->corpus, other, renamed);
  for (guint i = 0; i + 1 < renamed->len; i += 2)
    gloss_import_context_warn (ctx, place, _("the document id “%s” is taken; the document is now “%s”"),
                               (char *)g_ptr_array_index (renamed, i),
                               (char *)g_ptr_array_index (renamed, i + 1));

  return TRUE;
}

/**
 * gloss_import_paths:
 * @format: one of gloss_import_list_formats()
 * @files: (array length=n_files): the inputs
 * @options: (nullable): the options, or %NULL for the defaults
 * @problems: (out) (optional) (transfer full) (element-type GlossProblem):
 *   warnings: labels added to the schema, lines kept but not understood
 *
 * Imports every input into @corpus, or nothing: on an error @corpus is
 * left exactly as it was.
 *
 * Returns: the number of documents added, 0 on error
 */
guint
gloss_import_paths (GlossCorpus               *corpus,
                    const char                *format,
                    GFile                    **files,
                    guint                      n_files,
                    const GlossImportOptions  *options,
                    GPtrArray                **problems,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  static const GlossImportOptions defaults = { GLOSS_OFFSET_CODEPOINT, GLOSS_TITLE_FROM_FIRST_LINE, FALSE };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_problem_free);
  g_autoptr(GHashTable) label_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossSchema) schema = NULL;
  g_autoptr(GlossCorpus) staging = NULL;
  GlossImportContext ctx = { NULL, options != NULL ? options : &defaults, found, label_ids };
  ImportFunc import = NULL;
  gboolean known = FALSE;
  guint n_added;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), 0);
  g_return_val_if_fail (format != NULL, 0);

  if (problems != NULL)
    *problems = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (format, formats[i].name))
      {
        import = formats[i].import;
        known = TRUE;
      }

  if (!known)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown import format “%s”"), format);
      return 0;
    }

  if (import == NULL)
    return gloss_import_text_paths (corpus, files, n_files, ctx.options->title_source,
                                    cancellable, error);

  /* Import into a corpus of its own with a copy of the schema, so that a
   * failure leaves @corpus exactly as it was (its undo history too). */
  schema = gloss_schema_copy (gloss_corpus_get_schema (corpus));
  staging = gloss_corpus_new_with_schema (schema);
  ctx.corpus = staging;

  for (guint i = 0; i < n_files; i++)
    if (!import (&ctx, files[i], cancellable, error))
      {
        if (problems != NULL)
          *problems = g_steal_pointer (&found);
        return 0;
      }

  gloss_schema_merge (gloss_corpus_get_schema (corpus), schema);
  n_added = gloss_corpus_take_documents (corpus, staging, renamed);
  for (guint i = 0; i + 1 < renamed->len; i += 2)
    gloss_import_context_warn (&ctx, NULL, _("the document id “%s” is taken; the document is now “%s”"),
                               (char *)g_ptr_array_index (renamed, i),
                               (char *)g_ptr_array_index (renamed, i + 1));

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return n_added;
}

/* doccano and spaCy both write JSONL; spaCy's lines have "spans" or
 * "tokens". A first line that cannot be read goes to doccano's reader,
 * which says what is wrong with it and where. */
static const char *
guess_jsonl_flavour (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *line = NULL;
  GError *local_error = NULL;
  JsonNode *root;

  /* Too large a file is refused by the reader it goes to. */
  if (!gloss_limits_check_file (file, cancellable, NULL))
    return "doccano";

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  lines = g_data_input_stream_new (G_INPUT_STREAM (stream));
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, cancellable, &local_error);
    }
  while (line != NULL && g_strstrip (line)[0] == '\0');

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_clear_error (&local_error);
    }

  if (line != NULL && gloss_limits_find_too_deep (line, strlen (line)) == strlen (line) &&
      json_parser_load_from_data (parser, line, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      (json_object_has_member (json_node_get_object (root), "spans") ||
       json_object_has_member (json_node_get_object (root), "tokens")))
    return "spacy";

  return "doccano";
}

static gboolean
folder_has_ann (GFile        *folder,
                GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    if (g_str_has_suffix (g_file_info_get_name (info), ".ann"))
      return TRUE;

  return FALSE;
}

/**
 * gloss_import_guess_format:
 * @file: a file or folder someone wants in a corpus
 *
 * Tells from its name which of gloss_import_list_formats() @file is in:
 * `.gloss.json` a corpus, `.txt` a text, `.ann` brat, `.jsonl` doccano or
 * spaCy (by the first line), a folder brat when it holds `.ann` files and
 * texts otherwise. Reads no more than that first line.
 *
 * Returns: (nullable): the format, or %NULL with %G_IO_ERROR_NOT_SUPPORTED
 *   for any other file
 */
const char *
gloss_import_guess_format (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    return folder_has_ann (file, cancellable) ? "brat" : "text";

  base = g_file_get_basename (file);
  name = g_ascii_strdown (base, -1);

  if (g_str_has_suffix (name, ".gloss.json"))
    return "gloss";
  if (g_str_has_suffix (name, ".txt"))
    return "text";
  if (g_str_has_suffix (name, ".ann"))
    return "brat";
  if (g_str_has_suffix (name, ".jsonl"))
    return guess_jsonl_flavour (file, cancellable, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("“%s” is in no format Gloss imports"), base);
  return NULL;
}
