/* gloss-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-exporter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-atomic.h"
#include "gloss-exporter.h"
#include "gloss-export-formats.h"

typedef struct
{
  GlossOffsetUnit  offset_unit;
  GPtrArray       *problems;
} GlossExporterPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GlossExporter, gloss_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OFFSET_UNIT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct {
  const char *name;
  GType     (*get_type) (void);
} formats[] = {
  { "doccano", gloss_doccano_exporter_get_type },
  { "spacy", gloss_spacy_exporter_get_type },
  { "conll", gloss_conll_exporter_get_type },
  { "brat", gloss_brat_exporter_get_type },
  { "webanno", gloss_webanno_exporter_get_type },
  { "gloss", gloss_native_exporter_get_type },
};

static gboolean
gloss_exporter_real_export_file (GlossExporter  *self,
                                 GlossCorpus    *corpus,
                                 GFile          *target,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(GlossAtomicWriter) writer = NULL;
  g_autoptr(GOutputStream) buffered = NULL;

  if (!(writer = gloss_atomic_writer_new (target, error)))
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (gloss_atomic_writer_get_stream (writer), 1 << 16);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  /* Until the commit, the target is untouched; a writer freed uncommitted
   * takes its temporary file with it. */
  if (!gloss_exporter_export_stream (self, corpus, buffered, cancellable, error) ||
      !g_output_stream_flush (buffered, cancellable, error))
    {
      gloss_atomic_writer_name_error (writer, error);
      return FALSE;
    }

  return gloss_atomic_writer_commit (writer, FALSE, cancellable, error);
}

static void
gloss_exporter_finalize (GObject *object)
{
  GlossExporter *self = (GlossExporter *)object;
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);

  g_clear_pointer (&priv->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_exporter_parent_class)->finalize (object);
}

static void
gloss_exporter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossExporter *self = GLOSS_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_OFFSET_UNIT:
      g_value_set_int (value, gloss_exporter_get_offset_unit (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_exporter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossExporter *self = GLOSS_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_OFFSET_UNIT:
      gloss_exporter_set_offset_unit (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_exporter_class_init (GlossExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_exporter_finalize;
  object_class->get_property = gloss_exporter_get_property;
  object_class->set_property = gloss_exporter_set_property;

  klass->export_file = gloss_exporter_real_export_file;

  /**
   * GlossExporter:offset-unit:
   *
   * The #GlossOffsetUnit offsets are written in, for formats that carry
   * offsets.
   */
  properties [PROP_OFFSET_UNIT] =
    g_param_spec_int ("offset-unit", NULL, NULL,
                      GLOSS_OFFSET_CODEPOINT, GLOSS_OFFSET_BYTE, GLOSS_OFFSET_CODEPOINT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_exporter_init (GlossExporter *self)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);

  priv->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_problem_free);
}

/**
 * gloss_exporter_list_formats:
 *
 * Returns: (transfer none): the names gloss_exporter_new_for_format() takes
 */
const char * const *
gloss_exporter_list_formats (void)
{
  static const char *names[G_N_ELEMENTS (formats) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      names[i] = formats[i].name;

  return names;
}

/**
 * gloss_exporter_new_for_format:
 * @format: `doccano`, `spacy`, `conll`, `brat`, `webanno` or `gloss`
 *
 * Returns: (transfer full) (nullable): an exporter, or %NULL for an unknown
 *   format
 */
GlossExporter *
gloss_exporter_new_for_format (const char *format)
{
  g_return_val_if_fail (format != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (format, formats[i].name))
      return g_object_new (formats[i].get_type (), NULL);

  return NULL;
}

GlossOffsetUnit
gloss_exporter_get_offset_unit (GlossExporter *self)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), GLOSS_OFFSET_CODEPOINT);

  return priv->offset_unit;
}

void
gloss_exporter_set_offset_unit (GlossExporter   *self,
                                GlossOffsetUnit  unit)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);

  g_return_if_fail (GLOSS_IS_EXPORTER (self));
  g_return_if_fail (unit <= GLOSS_OFFSET_BYTE);

  if (priv->offset_unit == unit)
    return;

  priv->offset_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OFFSET_UNIT]);
}

gboolean
gloss_exporter_supports_offsets (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);

  return GLOSS_EXPORTER_GET_CLASS (self)->supports_offsets;
}

/**
 * gloss_exporter_get_problems:
 *
 * Returns: (transfer none) (element-type GlossProblem): what the last export
 *   could not express (spans dropped or moved), each with its place
 */
GPtrArray *
gloss_exporter_get_problems (GlossExporter *self)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), NULL);

  return priv->problems;
}

/**
 * gloss_exporter_report:
 * @document: (nullable): the document concerned
 * @span: (nullable): the span concerned
 *
 * Records a warning about the export, placed as `DOCUMENT` or
 * `DOCUMENT/SPAN` by their ids. For exporter implementations.
 */
void
gloss_exporter_report (GlossExporter *self,
                       GlossDocument *document,
                       GlossSpan     *span,
                       const char    *format,
                       ...)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);
  GlossProblem *problem;
  va_list args;

  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  problem = g_new0 (GlossProblem, 1);
  problem->severity = GLOSS_SEVERITY_WARNING;
  problem->code = GLOSS_FORMAT_ERROR_INVALID_OFFSETS;
  if (document != NULL && span != NULL)
    problem->path = g_strdup_printf ("%s/%s", gloss_document_get_id (document), gloss_span_get_id (span));
  else if (document != NULL)
    problem->path = g_strdup (gloss_document_get_id (document));
  else
    problem->path = g_strdup ("");
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (priv->problems, problem);
}

/**
 * gloss_exporter_export_stream:
 *
 * Writes @corpus to @out document by document. Clears the problems of a
 * previous export first.
 */
gboolean
gloss_exporter_export_stream (GlossExporter  *self,
                              GlossCorpus    *corpus,
                              GOutputStream  *out,
                              GCancellable   *cancellable,
                              GError        **error)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);
  GlossExporterClass *klass;

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  klass = GLOSS_EXPORTER_GET_CLASS (self);
  g_return_val_if_fail (klass->write_document != NULL, FALSE);

  g_ptr_array_set_size (priv->problems, 0);

  if (klass->begin != NULL && !klass->begin (self, corpus, out, cancellable, error))
    return FALSE;

  for (guint i = 0; i < gloss_corpus_get_n_documents (corpus); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!klass->write_document (self, corpus, gloss_corpus_get_document (corpus, i),
                                  out, cancellable, error))
        return FALSE;
    }

  if (klass->end != NULL && !klass->end (self, corpus, out, cancellable, error))
    return FALSE;

  return TRUE;
}

/**
 * gloss_exporter_export_file:
 * @target: the file (or, for brat, the folder) to write
 *
 * Exports @corpus to @target. A file is replaced atomically: on any error
 * the previous contents stay as they were.
 */
gboolean
gloss_exporter_export_file (GlossExporter  *self,
                            GlossCorpus    *corpus,
                            GFile          *target,
                            GCancellable   *cancellable,
                            GError        **error)
{
  GlossExporterPrivate *priv = gloss_exporter_get_instance_private (self);

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  g_ptr_array_set_size (priv->problems, 0);

  return GLOSS_EXPORTER_GET_CLASS (self)->export_file (self, corpus, target, cancellable, error);
}

/**
 * gloss_exporter_write:
 * @buffer: what to write; emptied afterwards
 *
 * Writes and empties @buffer, for exporters that build a document's output
 * in a #GString.
 */
gboolean
gloss_exporter_write (GOutputStream  *out,
                      GString        *buffer,
                      GCancellable   *cancellable,
                      GError        **error)
{
  gboolean ok;

  ok = g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);
  g_string_truncate (buffer, 0);

  return ok;
}
