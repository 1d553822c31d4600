/* gloss-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-history.h"

typedef enum
{
  COMMAND_ADD,
  COMMAND_REMOVE,
  COMMAND_RELABEL,
  COMMAND_NOTE,
  COMMAND_DONE,
  COMMAND_BATCH,
} CommandKind;

typedef struct
{
  CommandKind    kind;
  GlossDocument *document;
  GlossSpan     *span;
  char          *before;   /* label or note before the change */
  char          *after;    /* … and after it */
  GPtrArray     *children; /* of Command, for a batch */
  gboolean       done;     /* the document's state after a COMMAND_DONE */
} Command;

struct _GlossHistory
{
  GObject      parent_instance;

  GlossCorpus *corpus;     /* unowned: the corpus owns its history */
  GPtrArray   *undo;       /* of Command, oldest first */
  GPtrArray   *redo;       /* of Command, the next to redo last */
  Command     *batch;      /* open batch, or NULL */
  guint        batch_depth;
  guint        can_undo : 1;
  guint        can_redo : 1;
};

G_DEFINE_FINAL_TYPE (GlossHistory, gloss_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
command_free (Command *command)
{
  g_clear_object (&command->document);
  g_clear_object (&command->span);
  g_clear_pointer (&command->before, g_free);
  g_clear_pointer (&command->after, g_free);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

static Command *
command_new (CommandKind    kind,
             GlossDocument *document,
             GlossSpan     *span,
             const char    *before,
             const char    *after)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->document = document != NULL ? g_object_ref (document) : NULL;
  command->span = span != NULL ? g_object_ref (span) : NULL;
  command->before = g_strdup (before);
  command->after = g_strdup (after);
  if (kind == COMMAND_BATCH)
    command->children = g_ptr_array_new_with_free_func ((GDestroyNotify)command_free);

  return command;
}

static void
command_run (Command  *command,
             gboolean  forward)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (command->kind)
    {
    case COMMAND_ADD:
    case COMMAND_REMOVE:
      if ((command->kind == COMMAND_ADD) == forward)
        ok = gloss_document_add_span (command->document, command->span, &error);
      else
        ok = gloss_document_remove_span (command->document, command->span);
      break;

    case COMMAND_RELABEL:
      ok = gloss_document_relabel_span (command->document, command->span,
                                        forward ? command->after : command->before, &error);
      break;

    case COMMAND_NOTE:
      gloss_document_set_span_note (command->document, command->span,
                                    forward ? command->after : command->before);
      break;

    case COMMAND_DONE:
      gloss_document_set_done (command->document, forward ? command->done : !command->done);
      break;

    case COMMAND_BATCH:
      if (forward)
        for (guint i = 0; i < command->children->len; i++)
          command_run (g_ptr_array_index (command->children, i), TRUE);
      else
        for (guint i = command->children->len; i > 0; i--)
          command_run (g_ptr_array_index (command->children, i - 1), FALSE);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Only changes made behind the history's back can get here. */
  if (!ok)
    g_warning ("Could not %s a change to “%s”: %s",
               forward ? "redo" : "undo",
               gloss_document_get_id (command->document),
               error != NULL ? error->message : "the span is gone");
}

static void
update_state (GlossHistory *self)
{
  gboolean can_undo = self->undo->len > 0 && self->batch_depth == 0;
  gboolean can_redo = self->redo->len > 0 && self->batch_depth == 0;

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
    }

  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
    }
}

static void
record (GlossHistory *self,
        Command      *command)
{
  if (self->batch != NULL)
    g_ptr_array_add (self->batch->children, command);
  else
    g_ptr_array_add (self->undo, command);

  g_ptr_array_set_size (self->redo, 0);
  update_state (self);
}

static gboolean
check_span (GlossDocument  *document,
            GlossSpan      *span,
            GError        **error)
{
  if (gloss_document_find_span_position (document, span, NULL))
    return TRUE;

  g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_UNKNOWN_SPAN,
               _("The span is not in the document “%s”"),
               gloss_document_get_id (document));
  return FALSE;
}

static void
gloss_history_finalize (GObject *object)
{
  GlossHistory *self = (GlossHistory *)object;

  g_clear_pointer (&self->batch, command_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_history_parent_class)->finalize (object);
}

static void
gloss_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_class_init (GlossHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_history_finalize;
  object_class->get_property = gloss_history_get_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_history_init (GlossHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)command_free);
}

/**
 * gloss_history_new:
 * @corpus: the corpus whose changes this history records; it must outlive
 *   the history (gloss_corpus_get_history() gives the one it owns)
 *
 * Returns: (transfer full): a new, empty history
 */
GlossHistory *
gloss_history_new (GlossCorpus *corpus)
{
  GlossHistory *self;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);

  self = g_object_new (GLOSS_TYPE_HISTORY, NULL);
  self->corpus = corpus;

  return self;
}

/**
 * gloss_history_get_corpus:
 *
 * Returns: (transfer none): the corpus
 */
GlossCorpus *
gloss_history_get_corpus (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  return self->corpus;
}

gboolean
gloss_history_get_can_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
gloss_history_get_can_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

/**
 * gloss_history_undo:
 *
 * Reverts the last change (a whole batch at once).
 *
 * Returns: %FALSE if there was nothing to undo
 */
gboolean
gloss_history_undo (GlossHistory *self)
{
  Command *command;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  command_run (command, FALSE);
  g_ptr_array_add (self->redo, command);
  update_state (self);

  return TRUE;
}

/**
 * gloss_history_redo:
 *
 * Returns: %FALSE if there was nothing to redo
 */
gboolean
gloss_history_redo (GlossHistory *self)
{
  Command *command;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  command_run (command, TRUE);
  g_ptr_array_add (self->undo, command);
  update_state (self);

  return TRUE;
}

void
gloss_history_clear (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  if (self->batch != NULL)
    g_ptr_array_set_size (self->batch->children, 0);
  update_state (self);
}

/**
 * gloss_history_begin_batch:
 *
 * Groups every change until the matching gloss_history_end_batch() into one
 * undo step. Batches nest; only the outermost one counts.
 */
void
gloss_history_begin_batch (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (self->batch_depth++ == 0)
    self->batch = command_new (COMMAND_BATCH, NULL, NULL, NULL, NULL);

  update_state (self);
}

void
gloss_history_end_batch (GlossHistory *self)
{
  Command *batch;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  batch = g_steal_pointer (&self->batch);
  if (batch->children->len == 0)
    command_free (batch);
  else
    g_ptr_array_add (self->undo, batch);

  update_state (self);
}

/**
 * gloss_history_add_span:
 *
 * Adds @span to @document as an undoable step. The label must be in the
 * corpus schema.
 */
gboolean
gloss_history_add_span (GlossHistory   *self,
                        GlossDocument  *document,
                        GlossSpan      *span,
                        GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!gloss_corpus_check_document (self->corpus, document, error) ||
      !gloss_corpus_check_label (self->corpus, gloss_span_get_label (span), error) ||
      !gloss_document_add_span (document, span, error))
    return FALSE;

  record (self, command_new (COMMAND_ADD, document, span, NULL, NULL));

  return TRUE;
}

gboolean
gloss_history_remove_span (GlossHistory   *self,
                           GlossDocument  *document,
                           GlossSpan      *span,
                           GError        **error)
{
  g_autoptr(GlossSpan) keep = NULL;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!gloss_corpus_check_document (self->corpus, document, error) ||
      !check_span (document, span, error))
    return FALSE;

  keep = g_object_ref (span);
  gloss_document_remove_span (document, span);
  record (self, command_new (COMMAND_REMOVE, document, span, NULL, NULL));

  return TRUE;
}

gboolean
gloss_history_relabel_span (GlossHistory   *self,
                            GlossDocument  *document,
                            GlossSpan      *span,
                            const char     *label,
                            GError        **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!gloss_corpus_check_document (self->corpus, document, error) ||
      !check_span (document, span, error) ||
      !gloss_corpus_check_label (self->corpus, label, error))
    return FALSE;

  if (g_strcmp0 (gloss_span_get_label (span), label) == 0)
    return TRUE;

  before = g_strdup (gloss_span_get_label (span));
  if (!gloss_document_relabel_span (document, span, label, error))
    return FALSE;

  record (self, command_new (COMMAND_RELABEL, document, span, before, label));

  return TRUE;
}

/**
 * gloss_history_set_span_note:
 * @note: (nullable): the new note; %NULL or `""` removes it
 */
gboolean
gloss_history_set_span_note (GlossHistory   *self,
                             GlossDocument  *document,
                             GlossSpan      *span,
                             const char     *note,
                             GError        **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!gloss_corpus_check_document (self->corpus, document, error) ||
      !check_span (document, span, error))
    return FALSE;

  if (note == NULL)
    note = "";
  if (g_strcmp0 (gloss_span_get_note (span), note) == 0)
    return TRUE;

  before = g_strdup (gloss_span_get_note (span));
  gloss_document_set_span_note (document, span, note);
  record (self, command_new (COMMAND_NOTE, document, span, before, note));

  return TRUE;
}

/**
 * gloss_history_set_document_done:
 * @done: whether the document is finished
 *
 * Marks @document as finished or not, as one undo step.
 */
gboolean
gloss_history_set_document_done (GlossHistory   *self,
                                 GlossDocument  *document,
                                 gboolean        done,
                                 GError        **error)
{
  Command *command;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  if (!gloss_corpus_check_document (self->corpus, document, error))
    return FALSE;

  done = !!done;
  if (gloss_document_get_done (document) == done)
    return TRUE;

  gloss_document_set_done (document, done);
  command = command_new (COMMAND_DONE, document, NULL, NULL, NULL);
  command->done = done;
  record (self, command);

  return TRUE;
}
