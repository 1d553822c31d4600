/* gloss-format-webanno.c: PLACEHOLDER, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-webanno"

#include "config.h"

#include "gloss-export-formats.h"
#include "gloss-import-formats.h"

struct _GlossWebannoExporter
{
  GlossExporter parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossWebannoExporter, gloss_webanno_exporter, GLOSS_TYPE_EXPORTER)

static gboolean
gloss_webanno_exporter_write_document (GlossExporter  *exporter,
                                    GlossCorpus    *corpus,
                                    GlossDocument  *document,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "webanno export is not written yet");
  return FALSE;
}

static void
gloss_webanno_exporter_class_init (GlossWebannoExporterClass *klass)
{
  GLOSS_EXPORTER_CLASS (klass)->write_document = gloss_webanno_exporter_write_document;
}

static void
gloss_webanno_exporter_init (GlossWebannoExporter *self)
{
}

