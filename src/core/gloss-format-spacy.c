/* gloss-format-spacy.c: PLACEHOLDER, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-format-spacy"

#include "config.h"

#include "gloss-export-formats.h"
#include "gloss-import-formats.h"

struct _GlossSpacyExporter
{
  GlossExporter parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossSpacyExporter, gloss_spacy_exporter, GLOSS_TYPE_EXPORTER)

static gboolean
gloss_spacy_exporter_write_document (GlossExporter  *exporter,
                                    GlossCorpus    *corpus,
                                    GlossDocument  *document,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "spacy export is not written yet");
  return FALSE;
}

static void
gloss_spacy_exporter_class_init (GlossSpacyExporterClass *klass)
{
  GLOSS_EXPORTER_CLASS (klass)->write_document = gloss_spacy_exporter_write_document;
}

static void
gloss_spacy_exporter_init (GlossSpacyExporter *self)
{
}

gboolean
_gloss_import_spacy (GlossImportContext  *ctx,
                  GFile               *file,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNKNOWN_FORMAT, "spacy import is not written yet");
  return FALSE;
}
