/* gloss-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-history.h"
#include "gloss-span-private.h"

typedef enum
{
  COMMAND_ADD,
  COMMAND_REMOVE,
  COMMAND_RELABEL,
  COMMAND_NOTE,
  COMMAND_DONE,
  COMMAND_BATCH,
  COMMAND_ADD_LABEL,
  COMMAND_REMOVE_LABEL,
  COMMAND_MOVE_LABEL,
  COMMAND_EDIT_LABEL,
  COMMAND_CUSTOM,
} CommandKind;

/* What a COMMAND_EDIT_LABEL changes. */
typedef enum
{
  FIELD_NAME,
  FIELD_COLOR,
  FIELD_KEY,
  FIELD_DESCRIPTION,
  FIELD_LOCALE_NAME,
} LabelField;

typedef struct
{
  CommandKind    kind;
  GlossDocument *document;
  GlossSpan     *span;
  char          *before;   /* label, note or label field before the change */
  char          *after;    /* … and after it */
  GPtrArray     *children; /* of Command, for a batch */
  gboolean       done;     /* the document's state after a COMMAND_DONE */

  /* The commands on the schema */
  GlossLabel    *label;
  LabelField     field;
  char          *locale;   /* of a per-locale name */
  guint          position; /* where the label was added, removed or moved from */
  guint          to;       /* where it was moved to */

  /* A change to state kept outside the corpus (COMMAND_CUSTOM) */
  GlossHistoryFunc custom_func;
  gpointer         custom_data;
  GDestroyNotify   custom_destroy;
} Command;

struct _GlossHistory
{
  GObject      parent_instance;

  GlossCorpus *corpus;     /* unowned: the corpus owns its history */
  char        *annotator;
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
  PROP_ANNOTATOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
command_free (Command *command)
{
  g_clear_object (&command->document);
  g_clear_object (&command->span);
  g_clear_object (&command->label);
  g_clear_pointer (&command->locale, g_free);
  g_clear_pointer (&command->before, g_free);
  g_clear_pointer (&command->after, g_free);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  if (command->custom_destroy != NULL)
    command->custom_destroy (command->custom_data);
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

static Command *
label_command_new (CommandKind  kind,
                   GlossLabel  *label,
                   guint        position)
{
  Command *command = command_new (kind, NULL, NULL, NULL, NULL);

  command->label = g_object_ref (label);
  command->position = position;

  return command;
}

static const char *
get_label_field (GlossLabel *label,
                 LabelField  field,
                 const char *locale)
{
  switch (field)
    {
    case FIELD_NAME:
      return gloss_label_get_name (label);

    case FIELD_COLOR:
      return gloss_label_get_color (label);

    case FIELD_KEY:
      return gloss_label_get_key (label);

    case FIELD_DESCRIPTION:
      return gloss_label_get_description (label);

    case FIELD_LOCALE_NAME:
      return gloss_label_get_name_for_locale (label, locale);

    default:
      g_assert_not_reached ();
    }
}

/* Values were checked when the change was first made, and the history
 * puts the schema back exactly as it was, so they are still good. */
static void
set_label_field (GlossLabel *label,
                 LabelField  field,
                 const char *locale,
                 const char *value)
{
  switch (field)
    {
    case FIELD_NAME:
      gloss_label_set_name (label, value);
      break;

    case FIELD_COLOR:
      gloss_label_set_color (label, value);
      break;

    case FIELD_KEY:
      gloss_label_set_key (label, value);
      break;

    case FIELD_DESCRIPTION:
      gloss_label_set_description (label, value);
      break;

    case FIELD_LOCALE_NAME:
      gloss_label_set_name_for_locale (label, locale, value);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Only the commands on the schema come here (an if chain rather than a
 * switch, which would have to name every other kind). */
static gboolean
run_label_command (GlossSchema  *schema,
                   Command      *command,
                   gboolean      forward,
                   GError      **error)
{
  guint from;

  if (command->kind == COMMAND_ADD_LABEL || command->kind == COMMAND_REMOVE_LABEL)
    {
      if ((command->kind == COMMAND_ADD_LABEL) == forward)
        return gloss_schema_insert (schema, command->position, command->label, error);
      return gloss_schema_remove (schema, gloss_label_get_id (command->label));
    }

  if (command->kind == COMMAND_MOVE_LABEL)
    {
      if (!gloss_schema_find (schema, command->label, &from))
        return FALSE;
      gloss_schema_move (schema, from, forward ? command->to : command->position);
      return TRUE;
    }

  g_assert (command->kind == COMMAND_EDIT_LABEL);
  set_label_field (command->label, command->field, command->locale,
                   forward ? command->after : command->before);

  return TRUE;
}

static void
command_run (GlossHistory *self,
             Command      *command,
             gboolean      forward)
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
          command_run (self, g_ptr_array_index (command->children, i), TRUE);
      else
        for (guint i = command->children->len; i > 0; i--)
          command_run (self, g_ptr_array_index (command->children, i - 1), FALSE);
      break;

    case COMMAND_ADD_LABEL:
    case COMMAND_REMOVE_LABEL:
    case COMMAND_MOVE_LABEL:
    case COMMAND_EDIT_LABEL:
      ok = run_label_command (gloss_corpus_get_schema (self->corpus), command, forward, &error);
      break;

    case COMMAND_CUSTOM:
      command->custom_func (command->custom_data, forward);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Only changes made behind the history's back can get here. */
  if (!ok)
    g_warning ("Could not %s a change to “%s”: %s",
               forward ? "redo" : "undo",
               command->document != NULL ? gloss_document_get_id (command->document)
                                         : gloss_label_get_id (command->label),
               error != NULL ? error->message : "it is gone");
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
  g_clear_pointer (&self->annotator, g_free);

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

    case PROP_ANNOTATOR:
      g_value_set_string (value, gloss_history_get_annotator (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      gloss_history_set_annotator (self, g_value_get_string (value));
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
  object_class->set_property = gloss_history_set_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossHistory:annotator:
   *
   * Who makes the changes: a span added through the history without an
   * annotator of its own is signed with this name, whichever part of the
   * application made it (a key press, "label all", a term list).
   */
  properties [PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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
  command_run (self, command, FALSE);
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
  command_run (self, command, TRUE);
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
 * gloss_history_record_custom:
 * @func: undoes (its @forward %FALSE) and redoes (%TRUE) the change
 * @data: (transfer full): passed to @func
 * @destroy: (nullable): frees @data when the step leaves the history
 *
 * Records a change to state kept outside the corpus (such as a
 * disagreement marked as settled) as an undo step, or as part of the open
 * batch. The caller has already made the change.
 */
void
gloss_history_record_custom (GlossHistory     *self,
                             GlossHistoryFunc  func,
                             gpointer          data,
                             GDestroyNotify    destroy)
{
  Command *command;

  g_return_if_fail (GLOSS_IS_HISTORY (self));
  g_return_if_fail (func != NULL);

  command = command_new (COMMAND_CUSTOM, NULL, NULL, NULL, NULL);
  command->custom_func = func;
  command->custom_data = data;
  command->custom_destroy = destroy;
  record (self, command);
}

/**
 * gloss_history_add_span:
 *
 * Adds @span to @document as an undoable step. The label must be in the
 * corpus schema. A span without an annotator is signed with
 * #GlossHistory:annotator.
 */
gboolean
gloss_history_add_span (GlossHistory   *self,
                        GlossDocument  *document,
                        GlossSpan      *span,
                        GError        **error)
{
  gboolean signed_here;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!gloss_corpus_check_document (self->corpus, document, error) ||
      !gloss_corpus_check_label (self->corpus, gloss_span_get_label (span), error))
    return FALSE;

  signed_here = self->annotator != NULL && gloss_span_get_annotator (span)[0] == '\0';
  if (signed_here)
    _gloss_span_set_annotator (span, self->annotator);

  if (!gloss_document_add_span (document, span, error))
    {
      if (signed_here)
        _gloss_span_set_annotator (span, NULL);
      return FALSE;
    }

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

const char *
gloss_history_get_annotator (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), NULL);

  return self->annotator;
}

/**
 * gloss_history_set_annotator:
 * @annotator: (nullable): who labels, or %NULL (or `""`) to sign nothing
 */
void
gloss_history_set_annotator (GlossHistory *self,
                             const char   *annotator)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  if (annotator != NULL && annotator[0] == '\0')
    annotator = NULL;

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANNOTATOR]);
}

/* Schema edits */

static gboolean
check_label (GlossHistory  *self,
             GlossLabel    *label,
             guint         *position,
             GError       **error)
{
  if (gloss_schema_find (gloss_corpus_get_schema (self->corpus), label, position))
    return TRUE;

  g_set_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL,
               _("The schema has no label “%s”"), gloss_label_get_id (label));
  return FALSE;
}

/* Records and makes one change to a field of @label, unless it changes
 * nothing. */
static void
edit_label (GlossHistory *self,
            GlossLabel   *label,
            LabelField    field,
            const char   *locale,
            const char   *value)
{
  Command *command;

  if (g_strcmp0 (get_label_field (label, field, locale), value) == 0)
    return;

  command = label_command_new (COMMAND_EDIT_LABEL, label, 0);
  command->field = field;
  command->locale = g_strdup (locale);
  command->before = g_strdup (get_label_field (label, field, locale));
  command->after = g_strdup (value);

  set_label_field (label, field, locale, value);
  record (self, command);
}

/* A name without the spaces around it, or %NULL with @error set if
 * nothing is left. */
static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_NAME,
                           _("A label needs a name"));
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/**
 * gloss_history_add_label:
 * @label: a label in no schema
 * @position: where to insert it; past the end (%G_MAXUINT) appends it
 *
 * Adds @label to the schema as an undoable step, refusing an invalid or
 * duplicate id and a key another label uses. gloss_schema_make_label()
 * makes a label with a fresh id, colour and key.
 */
gboolean
gloss_history_add_label (GlossHistory  *self,
                         GlossLabel    *label,
                         guint          position,
                         GError       **error)
{
  GlossSchema *schema;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  schema = gloss_corpus_get_schema (self->corpus);
  position = MIN (position, gloss_schema_get_n_labels (schema));
  if (!gloss_schema_insert (schema, position, label, error))
    return FALSE;

  record (self, label_command_new (COMMAND_ADD_LABEL, label, position));

  return TRUE;
}

/* The spans of @label in @document, in order. */
static GPtrArray *
collect_label_spans (GlossDocument *document,
                     const char    *label)
{
  GPtrArray *spans = g_ptr_array_new ();
  guint n = gloss_document_get_n_spans (document);

  for (guint i = 0; i < n; i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);

      if (g_str_equal (gloss_span_get_label (span), label))
        g_ptr_array_add (spans, span);
    }

  return spans;
}

/**
 * gloss_history_remove_label:
 *
 * Removes @label and every span of it in every document, as one undoable
 * step: undoing it puts the label back at its place, with all its spans.
 * gloss_corpus_count_label_spans() tells how many spans go.
 */
gboolean
gloss_history_remove_label (GlossHistory  *self,
                            GlossLabel    *label,
                            GError       **error)
{
  g_autoptr(GlossLabel) keep = NULL;
  const char *id;
  guint position;
  guint n_documents;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, &position, error))
    return FALSE;

  keep = g_object_ref (label);
  id = gloss_label_get_id (label);
  n_documents = gloss_corpus_get_n_documents (self->corpus);

  gloss_history_begin_batch (self);

  for (guint i = 0; i < n_documents; i++)
    {
      GlossDocument *document = gloss_corpus_get_document (self->corpus, i);
      g_autoptr(GPtrArray) spans = collect_label_spans (document, id);

      /* From the last, so that fewer spans move up each time. */
      for (guint j = spans->len; j > 0; j--)
        {
          GlossSpan *span = g_ptr_array_index (spans, j - 1);

          record (self, command_new (COMMAND_REMOVE, document, span, NULL, NULL));
          gloss_document_remove_span (document, span);
        }
    }

  gloss_schema_remove (gloss_corpus_get_schema (self->corpus), id);
  record (self, label_command_new (COMMAND_REMOVE_LABEL, label, position));

  gloss_history_end_batch (self);

  return TRUE;
}

/**
 * gloss_history_move_label:
 * @position: the label's new place; past the end moves it last
 *
 * Moves @label within the schema (the order of the palette and of
 * exported label lists) as an undoable step.
 */
gboolean
gloss_history_move_label (GlossHistory  *self,
                          GlossLabel    *label,
                          guint          position,
                          GError       **error)
{
  GlossSchema *schema;
  Command *command;
  guint from;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, &from, error))
    return FALSE;

  schema = gloss_corpus_get_schema (self->corpus);
  position = MIN (position, gloss_schema_get_n_labels (schema) - 1);
  if (position == from)
    return TRUE;

  command = label_command_new (COMMAND_MOVE_LABEL, label, from);
  command->to = position;
  gloss_schema_move (schema, from, position);
  record (self, command);

  return TRUE;
}

/**
 * gloss_history_set_label_name:
 * @name: the new display name; the spaces around it are dropped
 *
 * Renames @label for display. Its id, which exports write, stays.
 */
gboolean
gloss_history_set_label_name (GlossHistory  *self,
                              GlossLabel    *label,
                              const char    *name,
                              GError       **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, NULL, error) ||
      !(clean = clean_name (name, error)))
    return FALSE;

  edit_label (self, label, FIELD_NAME, NULL, clean);

  return TRUE;
}

/**
 * gloss_history_set_label_color:
 * @color: a colour of the form `#rrggbb`
 */
gboolean
gloss_history_set_label_color (GlossHistory  *self,
                               GlossLabel    *label,
                               const char    *color,
                               GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, NULL, error))
    return FALSE;

  if (!gloss_label_color_is_valid (color))
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_COLOR,
                   _("“%s” is not a colour of the form #rrggbb"), color != NULL ? color : "");
      return FALSE;
    }

  edit_label (self, label, FIELD_COLOR, NULL, color);

  return TRUE;
}

/**
 * gloss_history_set_label_key:
 * @key: one visible character that no other label uses
 *
 * Refuses an empty key, one that is not a single visible character, and
 * the key of another label (the message names it).
 */
gboolean
gloss_history_set_label_key (GlossHistory  *self,
                             GlossLabel    *label,
                             const char    *key,
                             GError       **error)
{
  GlossLabel *other;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, NULL, error))
    return FALSE;

  if (key == NULL || key[0] == '\0')
    {
      g_set_error_literal (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY,
                           _("A label’s key cannot be empty: give it one visible character"));
      return FALSE;
    }

  /* Named as the user sees it, where the schema names the id. */
  other = gloss_schema_lookup_key (gloss_corpus_get_schema (self->corpus), key);
  if (other != NULL && other != label)
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE,
                   _("The key “%s” already applies the label “%s”"),
                   key, gloss_label_get_display_name (other, NULL));
      return FALSE;
    }

  if (!gloss_schema_check_key (gloss_corpus_get_schema (self->corpus), label, key, error))
    return FALSE;

  edit_label (self, label, FIELD_KEY, NULL, key);

  return TRUE;
}

/**
 * gloss_history_set_label_description:
 * @description: (nullable): the annotation guideline, or %NULL for none
 */
gboolean
gloss_history_set_label_description (GlossHistory  *self,
                                     GlossLabel    *label,
                                     const char    *description,
                                     GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, NULL, error))
    return FALSE;

  edit_label (self, label, FIELD_DESCRIPTION, NULL, description != NULL ? description : "");

  return TRUE;
}

/**
 * gloss_history_set_label_locale_name:
 * @locale: a locale such as `vi` or `pt_BR` (see gloss_label_locale_is_valid())
 * @name: (nullable): the display name in that locale; %NULL, or only
 *   spaces, removes it
 */
gboolean
gloss_history_set_label_locale_name (GlossHistory  *self,
                                     GlossLabel    *label,
                                     const char    *locale,
                                     const char    *name,
                                     GError       **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (!check_label (self, label, NULL, error))
    return FALSE;

  if (!gloss_label_locale_is_valid (locale))
    {
      g_set_error (error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE,
                   _("“%s” is not a locale: use a language code such as “vi” or “pt_BR”"),
                   locale != NULL ? locale : "");
      return FALSE;
    }

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  edit_label (self, label, FIELD_LOCALE_NAME, locale, clean[0] != '\0' ? clean : NULL);

  return TRUE;
}
