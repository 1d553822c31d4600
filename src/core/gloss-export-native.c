/* gloss-export-native.c: the native format through the exporter interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-export-native"

#include "config.h"

#include "gloss-export-formats.h"
#include "gloss-format-private.h"

struct _GlossNativeExporter
{
  GlossExporter  parent_instance;

  GString       *buffer;
  guint          n_written;
};

G_DEFINE_FINAL_TYPE (GlossNativeExporter, gloss_native_exporter, GLOSS_TYPE_EXPORTER)

static gboolean
gloss_native_exporter_begin (GlossExporter  *exporter,
                             GlossCorpus    *corpus,
                             GOutputStream  *out,
                             GCancellable   *cancellable,
                             GError        **error)
{
  GlossNativeExporter *self = GLOSS_NATIVE_EXPORTER (exporter);

  self->n_written = 0;
  _gloss_format_append_header (self->buffer, corpus);

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static gboolean
gloss_native_exporter_write_document (GlossExporter  *exporter,
                                      GlossCorpus    *corpus,
                                      GlossDocument  *document,
                                      GOutputStream  *out,
                                      GCancellable   *cancellable,
                                      GError        **error)
{
  GlossNativeExporter *self = GLOSS_NATIVE_EXPORTER (exporter);

  _gloss_format_append_document (self->buffer, document, self->n_written++ == 0);

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static gboolean
gloss_native_exporter_end (GlossExporter  *exporter,
                           GlossCorpus    *corpus,
                           GOutputStream  *out,
                           GCancellable   *cancellable,
                           GError        **error)
{
  GlossNativeExporter *self = GLOSS_NATIVE_EXPORTER (exporter);

  _gloss_format_append_footer (self->buffer, self->n_written);

  return gloss_exporter_write (out, self->buffer, cancellable, error);
}

static void
gloss_native_exporter_finalize (GObject *object)
{
  GlossNativeExporter *self = (GlossNativeExporter *)object;

  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (gloss_native_exporter_parent_class)->finalize (object);
}

static void
gloss_native_exporter_class_init (GlossNativeExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossExporterClass *exporter_class = GLOSS_EXPORTER_CLASS (klass);

  object_class->finalize = gloss_native_exporter_finalize;

  exporter_class->begin = gloss_native_exporter_begin;
  exporter_class->write_document = gloss_native_exporter_write_document;
  exporter_class->end = gloss_native_exporter_end;
  exporter_class->supports_offsets = FALSE;
}

static void
gloss_native_exporter_init (GlossNativeExporter *self)
{
  self->buffer = g_string_sized_new (1 << 16);
}
