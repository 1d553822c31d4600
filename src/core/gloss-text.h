/* gloss-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most digits a guint has in decimal. */
#define GLOSS_TEXT_UINT_DIGITS 10

gboolean gloss_text_is_cluster_boundary (const char  *text,
                                         gsize        n_bytes,
                                         gsize        byte_offset);
gsize    gloss_text_write_uint          (char        *out,
                                         guint        value);
gsize    gloss_text_count_chars         (const char  *text,
                                         gsize        n_bytes);
gboolean gloss_text_validate_utf8       (const char  *text,
                                         gsize        n_bytes,
                                         gsize       *bad_offset,
                                         guint       *bad_line,
                                         guint       *bad_column);
char    *gloss_text_to_ascii_id         (const char  *text,
                                         gboolean     lowercase,
                                         char         separator);

G_END_DECLS
