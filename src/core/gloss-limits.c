/* gloss-limits.c: how much input Gloss takes in before it refuses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-limits"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-format.h"
#include "gloss-limits.h"

/**
 * gloss_limits_get_max_file_size:
 *
 * Returns: the largest file, in bytes, that Gloss loads or imports:
 *   %GLOSS_DEFAULT_MAX_FILE_SIZE unless the environment variable
 *   `GLOSS_MAX_FILE_SIZE` gives another number of bytes
 */
guint64
gloss_limits_get_max_file_size (void)
{
  const char *value = g_getenv ("GLOSS_MAX_FILE_SIZE");
  guint64 size;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT64, &size, NULL))
    return size;

  return GLOSS_DEFAULT_MAX_FILE_SIZE;
}

/**
 * gloss_limits_check_size:
 * @name: the file, for people
 * @size: its size in bytes
 *
 * Returns: whether @size is within gloss_limits_get_max_file_size(); if not,
 *   sets %GLOSS_FORMAT_ERROR_TOO_LARGE naming @name and both sizes
 */
gboolean
gloss_limits_check_size (const char  *name,
                         guint64      size,
                         GError     **error)
{
  guint64 max = gloss_limits_get_max_file_size ();
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  if (size <= max)
    return TRUE;

  size_text = g_format_size (size);
  max_text = g_format_size (max);
  /* Translators: %1$s is a file, %2$s its size and %3$s the largest size
   * Gloss opens, such as “300.0 MB” and “268.4 MB” */
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_TOO_LARGE,
               _("“%1$s” is too large to open (%2$s): Gloss opens files of up to %3$s"),
               name, size_text, max_text);

  return FALSE;
}

/**
 * gloss_limits_check_file:
 *
 * Checks @file's size against the limit before it is read. A file whose
 * size cannot be asked (a pipe) passes; gloss_limits_load_file() checks
 * what it read as well.
 */
gboolean
gloss_limits_check_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return TRUE;

  name = g_file_get_parse_name (file);

  return gloss_limits_check_size (name, g_file_info_get_size (info), error);
}

/**
 * gloss_limits_load_file:
 *
 * @etag_out: (out) (optional): see g_file_load_bytes()
 *
 * g_file_load_bytes() that refuses a file over the size limit before
 * reading it.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
gloss_limits_load_file (GFile         *file,
                        char         **etag_out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!gloss_limits_check_file (file, cancellable, error) ||
      !(bytes = g_file_load_bytes (file, cancellable, etag_out, error)))
    return NULL;

  /* It may have grown since it was asked. */
  name = g_file_get_parse_name (file);
  if (!gloss_limits_check_size (name, g_bytes_get_size (bytes), error))
    {
      if (etag_out != NULL)
        g_clear_pointer (etag_out, g_free);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * gloss_limits_find_too_deep:
 *
 * Scans JSON text for arrays and objects nested deeper than
 * %GLOSS_MAX_JSON_DEPTH, without parsing it (and so without recursion).
 * Brackets inside strings do not count; broken JSON is left to the parser.
 *
 * Returns: the byte offset of the bracket that opens one level too many,
 *   or @n_bytes when there is none
 */
gsize
gloss_limits_find_too_deep (const char *data,
                            gsize       n_bytes)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < n_bytes; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > GLOSS_MAX_JSON_DEPTH)
            return i;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return n_bytes;
}

/**
 * gloss_limits_longest_line:
 * @text: valid UTF-8
 *
 * Returns: the length, in code points, of the longest line of @text
 */
gsize
gloss_limits_longest_line (const char *text)
{
  gsize longest = 0;
  gsize current = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          longest = MAX (longest, current);
          current = 0;
        }
      else if (((guchar)*p & 0xc0) != 0x80)
        current++;
    }

  return MAX (longest, current);
}
