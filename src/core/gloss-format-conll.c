/* gloss-format-conll.c: PLACEHOLDER, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-conll"

#include "config.h"

#include "gloss-export-formats.h"
#include "gloss-import-formats.h"

struct _GlossConllExporter
{
  GlossExporter parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossConllExporter, gloss_conll_exporter, GLOSS_TYPE_EXPORTER)

static gboolean
gloss_conll_exporter_write_document (GlossExporter  *exporter,
                                    GlossCorpus    *corpus,
                                    GlossDocument  *document,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "conll export is not written yet");
  return FALSE;
}

static void
gloss_conll_exporter_class_init (GlossConllExporterClass *klass)
{
  GLOSS_EXPORTER_CLASS (klass)->write_document = gloss_conll_exporter_write_document;
}

static void
gloss_conll_exporter_init (GlossConllExporter *self)
{
}

