/* gloss-label.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL (gloss_label_get_type())

G_DECLARE_FINAL_TYPE (GlossLabel, gloss_label, GLOSS, LABEL, GObject)

GlossLabel  *gloss_label_new                  (const char  *id,
                                               const char  *name,
                                               const char  *color,
                                               const char  *key,
                                               const char  *description);
GlossLabel  *gloss_label_copy                 (GlossLabel  *self);
const char  *gloss_label_get_id               (GlossLabel  *self);
const char  *gloss_label_get_name             (GlossLabel  *self);
void         gloss_label_set_name             (GlossLabel  *self,
                                               const char  *name);
const char  *gloss_label_get_color            (GlossLabel  *self);
void         gloss_label_set_color            (GlossLabel  *self,
                                               const char  *color);
const char  *gloss_label_get_key              (GlossLabel  *self);
void         gloss_label_set_key              (GlossLabel  *self,
                                               const char  *key);
const char  *gloss_label_get_description      (GlossLabel  *self);
void         gloss_label_set_description      (GlossLabel  *self,
                                               const char  *description);
const char  *gloss_label_get_name_for_locale  (GlossLabel  *self,
                                               const char  *locale);
void         gloss_label_set_name_for_locale  (GlossLabel  *self,
                                               const char  *locale,
                                               const char  *name);
char       **gloss_label_dup_locales          (GlossLabel  *self);
const char  *gloss_label_get_display_name     (GlossLabel  *self,
                                               const char  *locale);
const char  *gloss_label_get_display_description (GlossLabel *self);

gboolean     gloss_label_id_is_valid          (const char  *id);
gboolean     gloss_label_color_is_valid       (const char  *color);
gboolean     gloss_label_key_is_valid         (const char  *key);
gboolean     gloss_label_locale_is_valid      (const char  *locale);

G_END_DECLS
