/* gloss-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget   *gloss_preferences_window_new        (void);
GlossCorpus *gloss_preferences_window_get_corpus (GlossPreferencesWindow *self);
void         gloss_preferences_window_set_corpus (GlossPreferencesWindow *self,
                                                  GlossCorpus            *corpus);
gboolean     gloss_preferences_window_get_locked (GlossPreferencesWindow *self);
void         gloss_preferences_window_set_locked (GlossPreferencesWindow *self,
                                                  gboolean                locked);

G_END_DECLS
