/* gloss-exporter.h: what every export format shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-corpus.h"
#include "gloss-format.h"
#include "gloss-offsets.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORTER (gloss_exporter_get_type())

G_DECLARE_DERIVABLE_TYPE (GlossExporter, gloss_exporter, GLOSS, EXPORTER, GObject)

/**
 * GlossExporterClass:
 * @begin: writes what comes before the first document (may be %NULL)
 * @write_document: writes one document; called in corpus order, so that a
 *   large corpus streams out without being built in memory as a whole
 * @end: writes what comes after the last document (may be %NULL)
 * @export_file: writes the corpus to a file or folder; the default opens
 *   @target for atomic replacement and calls the three above
 * @supports_offsets: whether the format carries offsets, so that
 *   #GlossExporter:offset-unit means something
 */
struct _GlossExporterClass
{
  GObjectClass parent_class;

  gboolean (*begin)          (GlossExporter  *self,
                              GlossCorpus    *corpus,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error);
  gboolean (*write_document) (GlossExporter  *self,
                              GlossCorpus    *corpus,
                              GlossDocument  *document,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error);
  gboolean (*end)            (GlossExporter  *self,
                              GlossCorpus    *corpus,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error);
  gboolean (*export_file)    (GlossExporter  *self,
                              GlossCorpus    *corpus,
                              GFile          *target,
                              GCancellable   *cancellable,
                              GError        **error);

  gboolean supports_offsets;
};

const char * const *gloss_exporter_list_formats     (void);
GlossExporter      *gloss_exporter_new_for_format   (const char      *format);
GlossOffsetUnit     gloss_exporter_get_offset_unit  (GlossExporter   *self);
void                gloss_exporter_set_offset_unit  (GlossExporter   *self,
                                                     GlossOffsetUnit  unit);
gboolean            gloss_exporter_supports_offsets (GlossExporter   *self);
GPtrArray          *gloss_exporter_get_problems     (GlossExporter   *self);
void                gloss_exporter_report           (GlossExporter   *self,
                                                     GlossDocument   *document,
                                                     GlossSpan       *span,
                                                     const char      *format,
                                                     ...) G_GNUC_PRINTF (4, 5);
gboolean            gloss_exporter_export_stream    (GlossExporter   *self,
                                                     GlossCorpus     *corpus,
                                                     GOutputStream   *out,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
gboolean            gloss_exporter_export_file      (GlossExporter   *self,
                                                     GlossCorpus     *corpus,
                                                     GFile           *target,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
gboolean            gloss_exporter_write            (GOutputStream   *out,
                                                     GString         *buffer,
                                                     GCancellable    *cancellable,
                                                     GError         **error);

G_END_DECLS
