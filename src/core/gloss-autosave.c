/* gloss-autosave.c
 *
 * Watches one corpus: while it has unsaved changes, writes a recovery copy
 * every so often (and when asked, as when the window loses the focus), and
 * removes the copy once the changes are saved or discarded. One autosave
 * a window, each with a copy id of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-autosave"

#include "config.h"

#include "gloss-autosave.h"

/* The change count of a corpus of which no copy was written. */
#define NEVER_WRITTEN G_MAXUINT64

struct _GlossAutosave
{
  GObject        parent_instance;

  GlossCorpus   *corpus;
  char          *name;
  char          *id;
  char          *adopted_id;     /* an earlier run's copy the corpus came from */
  guint          interval;       /* seconds */
  guint          timeout_id;
  guint64        written_count;  /* the corpus's change count in the copy */
  guint          n_writing;      /* writes not finished, cancelled ones too */
  GCancellable  *cancellable;    /* the write under way */
  gboolean       failing;
};

G_DEFINE_FINAL_TYPE (GlossAutosave, gloss_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_NAME,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GlossAutosave *self;
  GCancellable  *cancellable;
  guint64        change_count;
} WriteData;

static void
remove_copy (const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_recovery_remove (id, &error))
    g_warning ("%s", error->message);
}

/* The changes are saved, discarded, or no longer this window's: no copy
 * of them may stay behind, nor be written by a write under way. */
static void
discard (GlossAutosave *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  remove_copy (self->id);
  if (self->adopted_id != NULL)
    remove_copy (self->adopted_id);
  g_clear_pointer (&self->adopted_id, g_free);
  self->written_count = NEVER_WRITTEN;
}

static gboolean
tick_cb (gpointer user_data)
{
  gloss_autosave_write_now (GLOSS_AUTOSAVE (user_data));

  return G_SOURCE_CONTINUE;
}

static void
update_timer (GlossAutosave *self)
{
  gboolean dirty = self->corpus != NULL && gloss_corpus_get_dirty (self->corpus);

  if (dirty && self->timeout_id == 0)
    self->timeout_id = g_timeout_add_seconds (self->interval, tick_cb, self);
  else if (!dirty)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
on_dirty_changed_cb (GlossAutosave *self)
{
  update_timer (self);

  if (!gloss_corpus_get_dirty (self->corpus))
    discard (self);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  WriteData *data = user_data;
  GlossAutosave *self = data->self;
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (data->cancellable);

  written = gloss_recovery_write_finish (GLOSS_CORPUS (object), result, &error);
  self->n_writing--;
  if (self->cancellable == data->cancellable)
    g_clear_object (&self->cancellable);

  if (written != NULL && cancelled)
    remove_copy (gloss_recovery_get_id (written));
  else if (written != NULL)
    {
      self->written_count = data->change_count;
      self->failing = FALSE;
      if (self->adopted_id != NULL)
        remove_copy (self->adopted_id);
      g_clear_pointer (&self->adopted_id, g_free);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->failing)
    {
      /* Said once, not every interval, while the disk stays full. */
      g_warning ("Could not write a recovery copy: %s", error->message);
      self->failing = TRUE;
    }

  g_object_unref (data->cancellable);
  g_object_unref (data->self);
  g_free (data);
}

static void
disconnect_corpus (GlossAutosave *self)
{
  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_func (self->corpus, on_dirty_changed_cb, self);
}

static void
gloss_autosave_dispose (GObject *object)
{
  GlossAutosave *self = (GlossAutosave *)object;

  /* The copy stays: a window closed without saving or discarding (the
   * session ending) leaves its changes to be offered back. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  disconnect_corpus (self);
  g_clear_object (&self->corpus);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_autosave_parent_class)->dispose (object);
}

static void
gloss_autosave_finalize (GObject *object)
{
  GlossAutosave *self = (GlossAutosave *)object;

  g_free (self->name);
  g_free (self->id);
  g_free (self->adopted_id);

  G_OBJECT_CLASS (gloss_autosave_parent_class)->finalize (object);
}

static void
gloss_autosave_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossAutosave *self = GLOSS_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_autosave_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossAutosave *self = GLOSS_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      gloss_autosave_set_name (self, g_value_get_string (value));
      break;

    case PROP_INTERVAL:
      gloss_autosave_set_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_autosave_class_init (GlossAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_autosave_dispose;
  object_class->finalize = gloss_autosave_finalize;
  object_class->get_property = gloss_autosave_get_property;
  object_class->set_property = gloss_autosave_set_property;

  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossAutosave:name:
   *
   * The corpus name written into the copy, to show when it is offered back.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossAutosave:interval:
   *
   * Seconds between two copies while the corpus has unsaved changes.
   */
  properties [PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, 24 * 60 * 60, GLOSS_AUTOSAVE_DEFAULT_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_autosave_init (GlossAutosave *self)
{
  self->name = g_strdup ("");
  self->id = gloss_recovery_make_id ();
  self->interval = GLOSS_AUTOSAVE_DEFAULT_INTERVAL;
  self->written_count = NEVER_WRITTEN;
}

GlossAutosave *
gloss_autosave_new (void)
{
  return g_object_new (GLOSS_TYPE_AUTOSAVE, NULL);
}

/**
 * gloss_autosave_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus watched
 */
GlossCorpus *
gloss_autosave_get_corpus (GlossAutosave *self)
{
  g_return_val_if_fail (GLOSS_IS_AUTOSAVE (self), NULL);

  return self->corpus;
}

/**
 * gloss_autosave_set_corpus:
 * @corpus: (nullable): the corpus to watch, or %NULL for none
 * @name: (nullable): see #GlossAutosave:name
 *
 * Watches @corpus from now on. The copy of the corpus watched before is
 * removed: another corpus is opened only once its changes are dealt with.
 */
void
gloss_autosave_set_corpus (GlossAutosave *self,
                           GlossCorpus   *corpus,
                           const char    *name)
{
  g_return_if_fail (GLOSS_IS_AUTOSAVE (self));
  g_return_if_fail (!corpus || GLOSS_IS_CORPUS (corpus));

  if (name != NULL)
    gloss_autosave_set_name (self, name);

  if (self->corpus == corpus)
    return;

  discard (self);
  disconnect_corpus (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_set_object (&self->corpus, corpus);

  if (corpus != NULL)
    g_signal_connect_swapped (corpus, "notify::dirty", G_CALLBACK (on_dirty_changed_cb), self);
  update_timer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORPUS]);
}

const char *
gloss_autosave_get_name (GlossAutosave *self)
{
  g_return_val_if_fail (GLOSS_IS_AUTOSAVE (self), NULL);

  return self->name;
}

void
gloss_autosave_set_name (GlossAutosave *self,
                         const char    *name)
{
  g_return_if_fail (GLOSS_IS_AUTOSAVE (self));

  if (name == NULL)
    name = "";

  if (g_str_equal (self->name, name))
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

guint
gloss_autosave_get_interval (GlossAutosave *self)
{
  g_return_val_if_fail (GLOSS_IS_AUTOSAVE (self), 0);

  return self->interval;
}

void
gloss_autosave_set_interval (GlossAutosave *self,
                             guint          interval)
{
  g_return_if_fail (GLOSS_IS_AUTOSAVE (self));
  g_return_if_fail (interval > 0);

  if (self->interval == interval)
    return;

  self->interval = interval;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTERVAL]);
}

/**
 * gloss_autosave_get_id:
 *
 * Returns: the id of this autosave's copy, for gloss_recovery_lookup()
 */
const char *
gloss_autosave_get_id (GlossAutosave *self)
{
  g_return_val_if_fail (GLOSS_IS_AUTOSAVE (self), NULL);

  return self->id;
}

/**
 * gloss_autosave_write_now:
 *
 * Writes a copy now if the corpus has unsaved changes that no copy holds
 * yet. A write already under way is left to finish; the next interval
 * catches up.
 */
void
gloss_autosave_write_now (GlossAutosave *self)
{
  WriteData *data;

  g_return_if_fail (GLOSS_IS_AUTOSAVE (self));

  if (self->corpus == NULL || !gloss_corpus_get_dirty (self->corpus) || self->n_writing > 0 ||
      gloss_corpus_get_change_count (self->corpus) == self->written_count)
    return;

  self->cancellable = g_cancellable_new ();
  self->n_writing++;

  /* The count before serializing: if the corpus changes meanwhile, the
   * copy is newer than it says, and the next write is one too many rather
   * than one too few. */
  data = g_new0 (WriteData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  data->change_count = gloss_corpus_get_change_count (self->corpus);

  gloss_recovery_write_async (self->corpus, self->id, self->name, self->cancellable, on_written_cb, data);
}

/**
 * gloss_autosave_adopt:
 * @recovery: the copy the corpus was restored from
 *
 * Takes over an earlier run's copy: it is removed once this autosave has
 * written a copy of its own, or the changes are saved or discarded.
 */
void
gloss_autosave_adopt (GlossAutosave *self,
                      GlossRecovery *recovery)
{
  g_return_if_fail (GLOSS_IS_AUTOSAVE (self));
  g_return_if_fail (recovery != NULL);

  if (self->adopted_id != NULL && !g_str_equal (self->adopted_id, gloss_recovery_get_id (recovery)))
    remove_copy (self->adopted_id);

  g_free (self->adopted_id);
  self->adopted_id = g_strdup (gloss_recovery_get_id (recovery));
}
