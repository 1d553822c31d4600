/* gloss-import-text.c: plain-text import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-import-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-import-text.h"
#include "gloss-limits.h"
#include "gloss-text.h"

#define MAX_TITLE_CHARS 200

G_DEFINE_QUARK (gloss-import-error-quark, gloss_import_error)

/**
 * gloss_text_normalize_newlines:
 * @out_n_bytes: (out) (optional): the length of the result
 *
 * Turns CRLF and lone CR line ends into LF, and drops a leading byte-order
 * mark, so that offsets count one character per line end whatever system
 * wrote the file.
 *
 * Returns: (transfer full): the normalised text, NUL-terminated
 */
char *
gloss_text_normalize_newlines (const char *text,
                               gsize       n_bytes,
                               gsize      *out_n_bytes)
{
  char *out = g_malloc (n_bytes + 1);
  gsize j = 0;
  gsize i = 0;

  if (n_bytes >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  for (; i < n_bytes; i++)
    {
      if (text[i] == '\r')
        {
          out[j++] = '\n';
          if (i + 1 < n_bytes && text[i + 1] == '\n')
            i++;
        }
      else
        out[j++] = text[i];
    }

  out[j] = '\0';
  if (out_n_bytes != NULL)
    *out_n_bytes = j;

  return out;
}

static char *
first_line_title (const char *text)
{
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      g_autofree char *stripped = NULL;

      if (end == NULL)
        end = line + strlen (line);

      stripped = g_strstrip (g_strndup (line, end - line));
      if (stripped[0] != '\0')
        {
          if (g_utf8_strlen (stripped, -1) <= MAX_TITLE_CHARS)
            return g_steal_pointer (&stripped);
          return NULL;
        }

      line = *end != '\0' ? end + 1 : end;
    }

  return NULL;
}

static gboolean
has_text_suffix (const char *name)
{
  gsize len = strlen (name);

  return len > 4 && g_ascii_strcasecmp (name + len - 4, ".txt") == 0;
}

static char *
name_stem (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);

  if (has_text_suffix (base))
    base[strlen (base) - 4] = '\0';

  return g_steal_pointer (&base);
}

/**
 * gloss_import_text_bytes:
 * @corpus: the corpus to add the document to
 * @bytes: the file's contents
 * @name: the file name, for the id, the title, `source` and errors
 *
 * Makes a document of a text file: UTF-8 required (an invalid byte is an
 * error naming @name and the byte offset; nothing is replaced), line ends
 * normalised to LF, a byte-order mark dropped. The id comes from the file
 * name, made unique in @corpus.
 *
 * Returns: (transfer none) (nullable): the document, added to @corpus
 */
GlossDocument *
gloss_import_text_bytes (GlossCorpus       *corpus,
                         GBytes            *bytes,
                         const char        *name,
                         GlossTitleSource   title_source,
                         GError           **error)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  const char *data;
  gsize n_bytes;
  gsize bad_offset;
  guint bad_line;
  guint bad_column;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (bytes, &n_bytes);
  if (!gloss_text_validate_utf8 (data, n_bytes, &bad_offset, &bad_line, &bad_column))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID_UTF8,
                   data[bad_offset] == '\0'
                     ? _("%s: line %u, column %u: a NUL byte at byte offset %lu; this is not a text file")
                     : _("%s: line %u, column %u: invalid UTF-8 at byte offset %lu; convert the file to UTF-8 first (for example with iconv)"),
                   name, bad_line, bad_column, (gulong)bad_offset);
      return NULL;
    }

  text = gloss_text_normalize_newlines (data, n_bytes, NULL);
  stem = name_stem (name);

  if (title_source == GLOSS_TITLE_FROM_FIRST_LINE)
    title = first_line_title (text);
  if (title == NULL)
    title = g_strdup (stem);

  id = gloss_corpus_make_document_id (corpus, stem);
  document = gloss_document_new (id, title, text);
  gloss_document_set_source (document, name);

  if (!gloss_corpus_add_document (corpus, document, error))
    return NULL;

  return document;
}

/**
 * gloss_import_text_file:
 *
 * Reads @file and imports it with gloss_import_text_bytes(); `source` is the
 * file's base name, and errors name its whole path.
 *
 * Returns: (transfer none) (nullable): the document, added to @corpus
 */
GlossDocument *
gloss_import_text_file (GlossCorpus       *corpus,
                        GFile             *file,
                        GlossTitleSource   title_source,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = gloss_limits_load_file (file, NULL, cancellable, error)))
    return NULL;

  /* Errors name the whole path (two folders may hold files of one name);
   * the document keeps only the file name, which says nothing of the
   * machine it was imported on. */
  path = g_file_get_parse_name (file);
  if (!(document = gloss_import_text_bytes (corpus, bytes, path, title_source, error)))
    return NULL;

  name = g_file_get_basename (file);
  gloss_document_set_source (document, name);

  return document;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile * const *)a);
  g_autofree char *name_b = g_file_get_basename (*(GFile * const *)b);

  return strcmp (name_a, name_b);
}

static GPtrArray *
list_text_files (GFile         *folder,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          has_text_suffix (g_file_info_get_name (info)))
        g_ptr_array_add (files, g_object_ref (child));
    }

  /* Byte order of the names: the same on every machine, whatever the locale. */
  g_ptr_array_sort (files, compare_files);

  return g_steal_pointer (&files);
}

/**
 * gloss_import_text_paths:
 * @files: (array length=n_files): text files, or folders whose `.txt`
 *   files (not recursing) are imported in sorted order
 *
 * Imports every file, or none: on an error @corpus is left as it was, its
 * undo history too. A `.txt` suffix is matched in any case.
 *
 * Returns: the number of documents added, 0 on error
 */
guint
gloss_import_text_paths (GlossCorpus       *corpus,
                         GFile            **files,
                         guint              n_files,
                         GlossTitleSource   title_source,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GlossCorpus) staging = NULL;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), 0);

  /* Everything is read into a corpus of its own first, so that a failure
   * leaves @corpus exactly as it was: no change, no lost undo history. */
  staging = gloss_corpus_new_with_schema (gloss_corpus_get_schema (corpus));

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GPtrArray) children = NULL;
      GFileType type = g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, cancellable);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *path = g_file_get_parse_name (files[i]);

          if (!(children = list_text_files (files[i], cancellable, error)))
            return 0;

          if (children->len == 0)
            {
              g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY_FOLDER,
                           _("%s: the folder has no .txt files"), path);
              return 0;
            }
        }
      else
        {
          children = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (children, g_object_ref (files[i]));
        }

      for (guint j = 0; j < children->len; j++)
        if (!gloss_import_text_file (staging, g_ptr_array_index (children, j),
                                     title_source, cancellable, error))
          return 0;
    }

  return gloss_corpus_take_documents (corpus, staging, NULL);
}
