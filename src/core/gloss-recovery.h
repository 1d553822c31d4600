/* gloss-recovery.h: recovery copies of corpora with unsaved changes
 *
 * While a corpus has unsaved changes, the application keeps a copy of it
 * under `$XDG_STATE_HOME/gloss/`, so that a crash loses little work. A
 * copy is one file: a line of JSON saying whose copy it is (the corpus
 * name, its file, the time, the process that wrote it), then the corpus
 * in the native format. One rename makes it, so there is never a copy
 * without its details or details without their copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"

G_BEGIN_DECLS

#define GLOSS_RECOVERY_ERROR (gloss_recovery_error_quark())

typedef enum
{
  GLOSS_RECOVERY_ERROR_INVALID,
  GLOSS_RECOVERY_ERROR_NOT_FOUND,
  GLOSS_RECOVERY_ERROR_NEWER_VERSION,
} GlossRecoveryError;

/**
 * GlossRecoveryFilter:
 * @GLOSS_RECOVERY_ORPHANED: only copies whose process is no longer running:
 *   what a crash left behind
 * @GLOSS_RECOVERY_ANY: every readable copy, this process's too
 */
typedef enum
{
  GLOSS_RECOVERY_ORPHANED,
  GLOSS_RECOVERY_ANY,
} GlossRecoveryFilter;

#define GLOSS_TYPE_RECOVERY (gloss_recovery_get_type())

typedef struct _GlossRecovery GlossRecovery;

GType          gloss_recovery_get_type         (void) G_GNUC_CONST;
GQuark         gloss_recovery_error_quark      (void);
GlossRecovery *gloss_recovery_ref              (GlossRecovery        *self);
void           gloss_recovery_unref            (GlossRecovery        *self);
const char    *gloss_recovery_get_id           (GlossRecovery        *self);
const char    *gloss_recovery_get_name         (GlossRecovery        *self);
GFile         *gloss_recovery_get_file         (GlossRecovery        *self);
GDateTime     *gloss_recovery_get_time         (GlossRecovery        *self);
int            gloss_recovery_get_pid          (GlossRecovery        *self);
guint          gloss_recovery_get_n_documents  (GlossRecovery        *self);
guint          gloss_recovery_get_n_spans      (GlossRecovery        *self);
const char    *gloss_recovery_get_problem      (GlossRecovery        *self);
const char    *gloss_recovery_get_path         (GlossRecovery        *self);

char          *gloss_recovery_get_dir          (void);
char          *gloss_recovery_make_id          (void);
GPtrArray     *gloss_recovery_list             (GlossRecoveryFilter   filter);
GPtrArray     *gloss_recovery_set_aside_damaged (void);
GlossRecovery *gloss_recovery_lookup           (const char           *id,
                                                GError              **error);
gboolean       gloss_recovery_remove           (const char           *id,
                                                GError              **error);

GlossRecovery *gloss_recovery_write            (GlossCorpus          *corpus,
                                                const char           *id,
                                                const char           *name,
                                                GCancellable         *cancellable,
                                                GError              **error);
void           gloss_recovery_write_async      (GlossCorpus          *corpus,
                                                const char           *id,
                                                const char           *name,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GlossRecovery *gloss_recovery_write_finish     (GlossCorpus          *corpus,
                                                GAsyncResult         *result,
                                                GError              **error);

GlossCorpus   *gloss_recovery_load             (GlossRecovery        *self,
                                                GCancellable         *cancellable,
                                                GError              **error);
void           gloss_recovery_load_async       (GlossRecovery        *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GlossCorpus   *gloss_recovery_load_finish      (GAsyncResult         *result,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossRecovery, gloss_recovery_unref)

G_END_DECLS
