/* gloss-atomic.h: files that are either the old or the new, never half
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GlossAtomicWriter GlossAtomicWriter;

GlossAtomicWriter *gloss_atomic_writer_new        (GFile              *target,
                                                   GError            **error);
GOutputStream     *gloss_atomic_writer_get_stream (GlossAtomicWriter  *self);
gboolean           gloss_atomic_writer_write_all  (GlossAtomicWriter  *self,
                                                   const void         *data,
                                                   gsize               n_bytes,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void               gloss_atomic_writer_name_error (GlossAtomicWriter  *self,
                                                   GError            **error);
gboolean           gloss_atomic_writer_commit     (GlossAtomicWriter  *self,
                                                   gboolean            make_backup,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void               gloss_atomic_writer_free       (GlossAtomicWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAtomicWriter, gloss_atomic_writer_free)

G_END_DECLS
