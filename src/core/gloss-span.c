/* gloss-span.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-span"

#include "config.h"

#include <string.h>

#include "gloss-span-private.h"

struct _GlossSpan
{
  GObject  parent_instance;

  guint    start;
  guint    end;
  char    *id;
  /* interned: a corpus has few label ids and many spans */
  const char *label;
  char    *note;
  char    *annotator;
  char    *created;
};

G_DEFINE_FINAL_TYPE (GlossSpan, gloss_span, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START,
  PROP_END,
  PROP_LABEL,
  PROP_NOTE,
  PROP_ANNOTATOR,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
gloss_span_finalize (GObject *object)
{
  GlossSpan *self = (GlossSpan *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->created, g_free);

  G_OBJECT_CLASS (gloss_span_parent_class)->finalize (object);
}

static void
gloss_span_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlossSpan *self = GLOSS_SPAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_NOTE:
      g_value_set_string (value, gloss_span_get_note (self));
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, gloss_span_get_annotator (self));
      break;

    case PROP_CREATED:
      g_value_set_string (value, gloss_span_get_created (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_span_class_init (GlossSpanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* Read-only: a span is made by gloss_span_new_full() and changed by its
   * document. Construct properties would cost a GValue and a
   * set_property() call each for every span made, which is most of the
   * time of loading a large corpus. */
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_span_finalize;
  object_class->get_property = gloss_span_get_property;

  /**
   * GlossSpan:id:
   *
   * Unique within its document; given by the document when %NULL.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         flags | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * GlossSpan:start:
   *
   * The first code point of the span in its document's text.
   */
  properties [PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * GlossSpan:end:
   *
   * The code point after the span's last one (end-exclusive).
   */
  properties [PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * GlossSpan:label:
   *
   * The label id. Changed only through gloss_document_relabel_span().
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         flags | G_PARAM_EXPLICIT_NOTIFY);

  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         flags | G_PARAM_EXPLICIT_NOTIFY);

  properties [PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL, flags);

  properties [PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_span_init (GlossSpan *self)
{
}

/**
 * gloss_span_new:
 * @start: the first code point
 * @end: the code point after the last one
 * @label: the label id
 *
 * Returns: (transfer full): a new span, with no id until a document takes it
 */
GlossSpan *
gloss_span_new (guint       start,
                guint       end,
                const char *label)
{
  return gloss_span_new_full (NULL, start, end, label, NULL, NULL, NULL);
}

/**
 * gloss_span_new_full:
 * @id: (nullable): the id, or %NULL to let the document choose one
 * @note: (nullable): a free-text note
 * @annotator: (nullable): who made the span
 * @created: (nullable): when, as an ISO 8601 date and time
 *
 * Returns: (transfer full): a new span
 */
GlossSpan *
gloss_span_new_full (const char *id,
                     guint       start,
                     guint       end,
                     const char *label,
                     const char *note,
                     const char *annotator,
                     const char *created)
{
  g_return_val_if_fail (label != NULL, NULL);

  return _gloss_span_new_take (g_strdup (id), start, end, label,
                               g_strdup (note), g_strdup (annotator), g_strdup (created));
}

/* An empty string is kept as %NULL; takes @value. */
static char *
take_nonempty (char *value)
{
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

GlossSpan *
_gloss_span_new_take (char       *id,
                      guint       start,
                      guint       end,
                      const char *label,
                      char       *note,
                      char       *annotator,
                      char       *created)
{
  GlossSpan *self;

  g_return_val_if_fail (label != NULL, NULL);

  /* Spans are made by the hundred thousand when a corpus loads: fill the
   * fields directly (the properties are read-only, none is set by
   * g_object_new()). */
  self = g_object_new (GLOSS_TYPE_SPAN, NULL);
  self->id = id;
  self->start = start;
  self->end = end;
  self->label = g_intern_string (label);
  self->note = take_nonempty (note);
  self->annotator = take_nonempty (annotator);
  self->created = take_nonempty (created);

  return self;
}

/**
 * gloss_span_get_id:
 *
 * Returns: (nullable): the id, %NULL until a document has taken the span
 */
const char *
gloss_span_get_id (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->id;
}

guint
gloss_span_get_start (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->start;
}

guint
gloss_span_get_end (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->end;
}

guint
gloss_span_get_length (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->end > self->start ? self->end - self->start : 0;
}

const char *
gloss_span_get_label (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->label;
}

/**
 * gloss_span_get_note:
 *
 * Returns: the note, `""` when there is none
 */
const char *
gloss_span_get_note (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->note != NULL ? self->note : "";
}

const char *
gloss_span_get_annotator (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->annotator != NULL ? self->annotator : "";
}

const char *
gloss_span_get_created (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->created != NULL ? self->created : "";
}

/**
 * gloss_span_compare:
 *
 * The order of spans in a document: by start, then end, then label id.
 */
int
gloss_span_compare (GlossSpan *a,
                    GlossSpan *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return strcmp (a->label, b->label);
}

/**
 * gloss_span_overlaps:
 *
 * Returns: whether the span shares at least one code point with
 *   [@start, @end)
 */
gboolean
gloss_span_overlaps (GlossSpan *self,
                     guint      start,
                     guint      end)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), FALSE);

  return self->start < end && start < self->end;
}

void
_gloss_span_set_id (GlossSpan  *self,
                    const char *id)
{
  g_assert (GLOSS_IS_SPAN (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

void
_gloss_span_set_label (GlossSpan  *self,
                       const char *label)
{
  g_assert (GLOSS_IS_SPAN (self));
  g_assert (label != NULL);

  if (g_strcmp0 (self->label, label) == 0)
    return;

  self->label = g_intern_string (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

void
_gloss_span_set_note (GlossSpan  *self,
                      const char *note)
{
  g_assert (GLOSS_IS_SPAN (self));

  if (note != NULL && note[0] == '\0')
    note = NULL;

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

void
_gloss_span_set_annotator (GlossSpan  *self,
                           const char *annotator)
{
  g_assert (GLOSS_IS_SPAN (self));

  if (annotator != NULL && annotator[0] == '\0')
    annotator = NULL;

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANNOTATOR]);
}
