/* gloss-format-brat.c: PLACEHOLDER, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-brat"

#include "config.h"

#include "gloss-export-formats.h"
#include "gloss-import-formats.h"

struct _GlossBratExporter
{
  GlossExporter parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossBratExporter, gloss_brat_exporter, GLOSS_TYPE_EXPORTER)

static gboolean
gloss_brat_exporter_write_document (GlossExporter  *exporter,
                                    GlossCorpus    *corpus,
                                    GlossDocument  *document,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "brat export is not written yet");
  return FALSE;
}

static void
gloss_brat_exporter_class_init (GlossBratExporterClass *klass)
{
  GLOSS_EXPORTER_CLASS (klass)->write_document = gloss_brat_exporter_write_document;
}

static void
gloss_brat_exporter_init (GlossBratExporter *self)
{
}

gboolean
_gloss_import_brat (GlossImportContext  *ctx,
                  GFile               *file,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNKNOWN_FORMAT, "brat import is not written yet");
  return FALSE;
}
