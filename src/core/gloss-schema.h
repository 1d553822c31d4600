/* gloss-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-label.h"

G_BEGIN_DECLS

#define GLOSS_SCHEMA_ERROR (gloss_schema_error_quark())

typedef enum
{
  GLOSS_SCHEMA_ERROR_INVALID_ID,
  GLOSS_SCHEMA_ERROR_DUPLICATE_ID,
  GLOSS_SCHEMA_ERROR_INVALID_KEY,
  GLOSS_SCHEMA_ERROR_KEY_IN_USE,
  GLOSS_SCHEMA_ERROR_INVALID_COLOR,
  GLOSS_SCHEMA_ERROR_INVALID_NAME,
  GLOSS_SCHEMA_ERROR_INVALID_LOCALE,
} GlossSchemaError;

#define GLOSS_TYPE_SCHEMA (gloss_schema_get_type())

G_DECLARE_FINAL_TYPE (GlossSchema, gloss_schema, GLOSS, SCHEMA, GObject)

GQuark       gloss_schema_error_quark   (void);
GlossSchema *gloss_schema_new           (void);
GlossSchema *gloss_schema_new_default   (void);
GlossSchema *gloss_schema_copy          (GlossSchema  *self);
guint        gloss_schema_merge         (GlossSchema  *self,
                                         GlossSchema  *other);
guint        gloss_schema_get_n_labels  (GlossSchema  *self);
GlossLabel  *gloss_schema_get_label     (GlossSchema  *self,
                                         guint         position);
GlossLabel  *gloss_schema_lookup        (GlossSchema  *self,
                                         const char   *id);
GlossLabel  *gloss_schema_lookup_key    (GlossSchema  *self,
                                         const char   *key);
gboolean     gloss_schema_find          (GlossSchema  *self,
                                         GlossLabel   *label,
                                         guint        *position);
gboolean     gloss_schema_add           (GlossSchema  *self,
                                         GlossLabel   *label,
                                         GError      **error);
gboolean     gloss_schema_insert        (GlossSchema  *self,
                                         guint         position,
                                         GlossLabel   *label,
                                         GError      **error);
gboolean     gloss_schema_remove        (GlossSchema  *self,
                                         const char   *id);
void         gloss_schema_move          (GlossSchema  *self,
                                         guint         from,
                                         guint         to);
gboolean     gloss_schema_check_key     (GlossSchema  *self,
                                         GlossLabel   *label,
                                         const char   *key,
                                         GError      **error);
gboolean     gloss_schema_set_label_key (GlossSchema  *self,
                                         GlossLabel   *label,
                                         const char   *key,
                                         GError      **error);
const char  *gloss_schema_next_color    (GlossSchema  *self);
const char  *gloss_schema_next_key      (GlossSchema  *self);
char        *gloss_schema_make_label_id (GlossSchema  *self,
                                         const char   *name);
GlossLabel  *gloss_schema_make_label    (GlossSchema  *self,
                                         const char   *name);

G_END_DECLS
