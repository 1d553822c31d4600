/* gloss-limits.h: how much input Gloss takes in before it refuses it
 *
 * A corpus is held in memory whole, and json-glib builds a tree of it
 * first: a file of N bytes costs about 8 N of memory while it loads, and
 * json-glib parses nested arrays and objects recursively, so that deep
 * enough nesting overflows the stack. Every loader checks these limits
 * before it reads, so that what is too much gets a clear error naming
 * the file instead of an out-of-memory kill or a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* 256 MiB: a 100 MB corpus of 3,500 documents needs about 800 MB while it
 * loads; GLOSS_MAX_FILE_SIZE (in bytes) raises or lowers the limit. */
#define GLOSS_DEFAULT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (256) * 1024 * 1024)

/* The native format nests 5 deep; `meta` may hold more. json-glib's
 * recursion overflows an 8 MiB stack somewhere between 10,000 and
 * 100,000 levels. */
#define GLOSS_MAX_JSON_DEPTH 512

/* GtkTextView lays a paragraph out whole: one of 1,000,000 characters
 * draws garbled, one of 50,000,000 grows past 3 GB without end. */
#define GLOSS_MAX_VIEW_LINE 200000

guint64   gloss_limits_get_max_file_size  (void);
gboolean  gloss_limits_check_size         (const char    *name,
                                           guint64        size,
                                           GError       **error);
gboolean  gloss_limits_check_file         (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
GBytes   *gloss_limits_load_file          (GFile         *file,
                                           char         **etag_out,
                                           GCancellable  *cancellable,
                                           GError       **error);
gsize     gloss_limits_find_too_deep      (const char    *data,
                                           gsize          n_bytes);
gsize     gloss_limits_longest_line       (const char    *text);

G_END_DECLS
