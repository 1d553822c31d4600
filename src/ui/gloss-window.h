/* gloss-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow   *gloss_window_new              (GtkApplication *application);
GlossCorpus   *gloss_window_get_corpus       (GlossWindow    *self);
void           gloss_window_set_corpus       (GlossWindow    *self,
                                              GlossCorpus    *corpus);
gboolean       gloss_window_get_busy         (GlossWindow    *self);
GlossDocument *gloss_window_get_document     (GlossWindow    *self);
void           gloss_window_show_document    (GlossWindow    *self,
                                              GlossDocument  *document);
void           gloss_window_open_file        (GlossWindow    *self,
                                              GFile          *file);
void           gloss_window_open_files       (GlossWindow    *self,
                                              GFile         **files,
                                              guint           n_files);
void           gloss_window_pre_annotate     (GlossWindow    *self,
                                              GFile          *file);
void           gloss_window_compare_with_file (GlossWindow   *self,
                                              GFile          *file);
GlossCorpus   *gloss_window_get_compare_corpus (GlossWindow  *self);
void           gloss_window_restore_async    (GlossWindow          *self,
                                              GlossRecovery        *recovery,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       gloss_window_restore_finish   (GlossWindow          *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
