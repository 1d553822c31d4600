/* gloss-span.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN (gloss_span_get_type())

G_DECLARE_FINAL_TYPE (GlossSpan, gloss_span, GLOSS, SPAN, GObject)

GlossSpan  *gloss_span_new           (guint        start,
                                      guint        end,
                                      const char  *label);
GlossSpan  *gloss_span_new_full      (const char  *id,
                                      guint        start,
                                      guint        end,
                                      const char  *label,
                                      const char  *note,
                                      const char  *annotator,
                                      const char  *created);
const char *gloss_span_get_id        (GlossSpan   *self);
guint       gloss_span_get_start     (GlossSpan   *self);
guint       gloss_span_get_end       (GlossSpan   *self);
guint       gloss_span_get_length    (GlossSpan   *self);
const char *gloss_span_get_label     (GlossSpan   *self);
const char *gloss_span_get_note      (GlossSpan   *self);
const char *gloss_span_get_annotator (GlossSpan   *self);
const char *gloss_span_get_created   (GlossSpan   *self);
int         gloss_span_compare       (GlossSpan   *a,
                                      GlossSpan   *b);
gboolean    gloss_span_overlaps      (GlossSpan   *self,
                                      guint        start,
                                      guint        end);

G_END_DECLS
