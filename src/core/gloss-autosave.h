/* gloss-autosave.h: keeping a recovery copy of a corpus while it has
 * unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"
#include "gloss-recovery.h"

G_BEGIN_DECLS

#define GLOSS_AUTOSAVE_DEFAULT_INTERVAL 30

#define GLOSS_TYPE_AUTOSAVE (gloss_autosave_get_type())

G_DECLARE_FINAL_TYPE (GlossAutosave, gloss_autosave, GLOSS, AUTOSAVE, GObject)

GlossAutosave *gloss_autosave_new          (void);
GlossCorpus   *gloss_autosave_get_corpus   (GlossAutosave  *self);
void           gloss_autosave_set_corpus   (GlossAutosave  *self,
                                            GlossCorpus    *corpus,
                                            const char     *name);
const char    *gloss_autosave_get_name     (GlossAutosave  *self);
void           gloss_autosave_set_name     (GlossAutosave  *self,
                                            const char     *name);
guint          gloss_autosave_get_interval (GlossAutosave  *self);
void           gloss_autosave_set_interval (GlossAutosave  *self,
                                            guint           interval);
const char    *gloss_autosave_get_id       (GlossAutosave  *self);
void           gloss_autosave_write_now    (GlossAutosave  *self);
void           gloss_autosave_adopt        (GlossAutosave  *self,
                                            GlossRecovery  *recovery);

G_END_DECLS
