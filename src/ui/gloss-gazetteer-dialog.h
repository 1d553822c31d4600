/* gloss-gazetteer-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_GAZETTEER_DIALOG (gloss_gazetteer_dialog_get_type())

G_DECLARE_FINAL_TYPE (GlossGazetteerDialog, gloss_gazetteer_dialog, GLOSS, GAZETTEER_DIALOG, AdwWindow)

GlossGazetteerDialog *gloss_gazetteer_dialog_new          (GtkWindow            *parent,
                                                           GlossCorpus          *corpus,
                                                           GlossDocument        *document,
                                                           GlossGazetteer       *gazetteer);
gboolean              gloss_gazetteer_dialog_get_counting (GlossGazetteerDialog *self);

G_END_DECLS
