/* gloss-label-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_ROW (gloss_label_row_get_type())

G_DECLARE_FINAL_TYPE (GlossLabelRow, gloss_label_row, GLOSS, LABEL_ROW, AdwExpanderRow)

GtkWidget   *gloss_label_row_new             (GlossCorpus    *corpus,
                                              GlossLabel     *label);
GlossLabel  *gloss_label_row_get_label       (GlossLabelRow  *self);
void         gloss_label_row_focus_move      (GlossLabelRow  *self,
                                              int             delta);

G_END_DECLS
