/* gloss-gazetteer-dialog.c
 *
 * Pre-annotation with a term list: the options, a preview of the matches
 * per label, and Apply, which adds the spans as one undo step.
 *
 * The preview counts in a GTask thread, so a large corpus never freezes the
 * window, and a change of option cancels the count under way. The thread
 * only reads: the gazetteer, which never changes once read, and the texts
 * of the documents, which never change either. Whether a match is already a
 * span is asked in the main thread, where spans may change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-gazetteer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color-dot.h"
#include "gloss-gazetteer-dialog.h"

/* The positions in the scope row's model. */
enum {
  SCOPE_DOCUMENT,
  SCOPE_CORPUS,
};

/* Stands for the label of terms without one while no default is chosen: no
 * label id is empty, and their matches are still worth counting. */
#define NO_LABEL_YET ""

struct _GlossGazetteerDialog
{
  AdwWindow             parent_instance;

  GlossCorpus          *corpus;
  GlossDocument        *document;
  GlossGazetteer       *gazetteer;
  GStrv                 label_ids;          /* the default label row's choices */
  GCancellable         *count_cancellable;  /* the latest count */
  GHashTable           *counts;             /* label id → matches */
  guint                 n_matches;
  guint                 n_new;
  gboolean              counting;
  gboolean              missing_labels;
  gboolean              ready;

  /* Template widgets */
  GtkWidget            *apply_button;
  AdwActionRow         *list_row;
  AdwPreferencesGroup  *problems_group;
  GtkListBox           *problems_list;
  GtkSwitch            *ignore_case_switch;
  AdwComboRow          *scope_row;
  AdwComboRow          *default_label_row;
  GtkSpinner           *spinner;
  GtkListBox           *preview_list;
};

G_DEFINE_FINAL_TYPE (GlossGazetteerDialog, gloss_gazetteer_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_DOCUMENT,
  PROP_GAZETTEER,
  PROP_COUNTING,
  N_PROPS
};

enum {
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  GlossGazetteer *gazetteer;
  GPtrArray      *documents;
  char           *default_label;
  gboolean        ignore_case;
} CountJob;

/* Helpers */

static void
count_job_free (gpointer data)
{
  CountJob *job = data;

  g_clear_pointer (&job->gazetteer, gloss_gazetteer_unref);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_pointer (&job->default_label, g_free);
  g_free (job);
}

static gboolean
has_unlabelled (GlossGazetteerDialog *self)
{
  return gloss_gazetteer_has_unlabelled (self->gazetteer);
}

/* The label of terms without one, or %NULL while none is chosen (or none
 * is needed). */
static const char *
get_default_label (GlossGazetteerDialog *self)
{
  guint position = adw_combo_row_get_selected (self->default_label_row);

  if (!has_unlabelled (self) || position == GTK_INVALID_LIST_POSITION ||
      position >= g_strv_length (self->label_ids))
    return NULL;

  return self->label_ids[position];
}

/* The document to annotate, or %NULL for all of them. */
static GlossDocument *
get_scope_document (GlossGazetteerDialog *self)
{
  if (adw_combo_row_get_selected (self->scope_row) == SCOPE_DOCUMENT)
    return self->document;

  return NULL;
}

static gboolean
get_ignore_case (GlossGazetteerDialog *self)
{
  return gtk_switch_get_active (self->ignore_case_switch);
}

static guint
lookup_count (GlossGazetteerDialog *self,
              const char           *label)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));
}

static void
set_counting (GlossGazetteerDialog *self,
              gboolean              counting)
{
  if (self->counting == counting)
    return;

  self->counting = counting;
  gtk_spinner_set_spinning (self->spinner, counting);
  /* The figures shown are those of the previous options until the count
   * is done: dimmed, they do not pass for the new ones. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_list), !counting);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTING]);
}

static void
show_error (GlossGazetteerDialog *self,
            const char           *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Add the Spans"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_warning_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");

  return icon;
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
make_count_row (const char *title,
                const char *subtitle,
                guint       count)
{
  GtkWidget *row = make_row (title, subtitle);
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *number = gtk_label_new (text);

  gtk_widget_add_css_class (number, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);
  g_object_set_data (G_OBJECT (row), "gloss-count", number);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* The labels the list can give, in the schema's order, then those the
 * schema lacks in the list's order, then terms still waiting for a
 * default label. */
static GPtrArray *
preview_labels (GlossGazetteerDialog *self)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) named = gloss_gazetteer_dup_labels (self->gazetteer);
  GlossSchema *schema = gloss_corpus_get_schema (self->corpus);
  const char *default_label = get_default_label (self);

  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      const char *id = gloss_label_get_id (gloss_schema_get_label (schema, i));

      if (g_strv_contains ((const char * const *)named, id) || g_strcmp0 (id, default_label) == 0)
        g_ptr_array_add (labels, g_strdup (id));
    }

  for (guint i = 0; named[i] != NULL; i++)
    if (gloss_schema_lookup (schema, named[i]) == NULL)
      g_ptr_array_add (labels, g_strdup (named[i]));

  if (has_unlabelled (self) && default_label == NULL)
    g_ptr_array_add (labels, g_strdup (NO_LABEL_YET));

  return labels;
}

static GtkWidget *
make_label_row (GlossGazetteerDialog *self,
                const char           *id)
{
  GlossLabel *label = gloss_schema_lookup (gloss_corpus_get_schema (self->corpus), id);
  GtkWidget *row;

  if (g_str_equal (id, NO_LABEL_YET))
    {
      row = make_count_row (_("Terms Without a Label"), _("Choose a default label for them"),
                            lookup_count (self, id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), make_warning_icon ());
    }
  else if (label == NULL)
    {
      row = make_count_row (id, _("Not in the schema"), lookup_count (self, id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), make_warning_icon ());
    }
  else
    {
      row = make_count_row (gloss_label_get_display_name (label, NULL), NULL, lookup_count (self, id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gloss_color_dot_new (gloss_label_get_color (label)));
    }

  g_object_set_data_full (G_OBJECT (row), "gloss-label-id", g_strdup (id), g_free);

  return row;
}

static void
update_apply (GlossGazetteerDialog *self)
{
  g_autofree char *label = NULL;
  gboolean can_apply;

  can_apply = !self->counting && self->n_new > 0 && !self->missing_labels &&
              (!has_unlabelled (self) || get_default_label (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gazetteer.apply", can_apply);

  if (self->counting)
    return;

  /* Translators: the Apply button of the pre-annotation dialog */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Span", "_Add %u Spans", self->n_new),
                           self->n_new);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), label);
}

static void
rebuild_preview (GlossGazetteerDialog *self)
{
  g_autoptr(GPtrArray) labels = preview_labels (self);
  g_autofree char *existing = NULL;
  guint n_existing = self->n_matches - self->n_new;
  GtkWidget *total;

  clear_list (self->preview_list);

  for (guint i = 0; i < labels->len; i++)
    gtk_list_box_append (self->preview_list, make_label_row (self, g_ptr_array_index (labels, i)));

  if (n_existing > 0)
    existing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u is a span already; it is not added twice",
                                             "%u are spans already; they are not added twice",
                                             n_existing),
                                n_existing);

  /* Translators: the row with the number of matches of every label */
  total = make_count_row (_("Total"), existing, self->n_matches);
  gtk_widget_add_css_class (total, "total");
  gtk_list_box_append (self->preview_list, total);

  update_apply (self);
}

/* Labels the list names and the schema lacks: applying would fail, so say
 * which, and where the list names them. */
static void
rebuild_problems (GlossGazetteerDialog *self)
{
  g_auto(GStrv) named = gloss_gazetteer_dup_labels (self->gazetteer);
  GlossSchema *schema = gloss_corpus_get_schema (self->corpus);

  clear_list (self->problems_list);
  self->missing_labels = FALSE;

  for (guint i = 0; named[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      guint line;
      guint n;

      if (gloss_schema_lookup (schema, named[i]) != NULL)
        continue;

      n = gloss_gazetteer_count_terms (self->gazetteer, named[i], &line);
      /* Translators: %s is a label id */
      title = g_strdup_printf (_("No label “%s”"), named[i]);
      /* Translators: where a term list names a label, e.g. "people.txt:12: 4 terms" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s:%u: %u term", "%s:%u: %u terms", n),
                                  gloss_gazetteer_get_name (self->gazetteer), line, n);
      row = make_row (title, subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), make_warning_icon ());
      gtk_list_box_append (self->problems_list, row);
      self->missing_labels = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), self->missing_labels);
}

static void
update_scope_subtitle (GlossGazetteerDialog *self)
{
  g_autofree char *subtitle = NULL;
  guint n;

  if (get_scope_document (self) != NULL)
    {
      const char *title = gloss_document_get_title (self->document);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row),
                                   title[0] != '\0' ? title : gloss_document_get_id (self->document));
      return;
    }

  n = gloss_corpus_get_n_documents (self->corpus);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row), subtitle);
}

static void
update_default_label_subtitle (GlossGazetteerDialog *self)
{
  guint n = gloss_gazetteer_count_terms (self->gazetteer, NULL, NULL);
  g_autofree char *subtitle = NULL;

  if (get_default_label (self) != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For the %u term without a label",
                                             "For the %u terms without a label", n),
                                n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Choose one for the %u term without a label",
                                             "Choose one for the %u terms without a label", n),
                                n);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->default_label_row), subtitle);
}

/* Counting */

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  GError *error = NULL;

  for (guint i = 0; i < job->documents->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      g_ptr_array_add (results, gloss_gazetteer_match (job->gazetteer, g_ptr_array_index (job->documents, i),
                                                       job->default_label, job->ignore_case));
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify)g_ptr_array_unref);
}

static void
tally (GlossGazetteerDialog *self,
       CountJob             *job,
       GPtrArray            *results)
{
  g_hash_table_remove_all (self->counts);
  self->n_matches = 0;
  self->n_new = 0;

  for (guint d = 0; d < results->len; d++)
    {
      GlossDocument *document = g_ptr_array_index (job->documents, d);
      GArray *matches = g_ptr_array_index (results, d);

      for (guint i = 0; i < matches->len; i++)
        {
          const GlossGazetteerMatch *match = &g_array_index (matches, GlossGazetteerMatch, i);

          g_hash_table_insert (self->counts, g_strdup (match->label),
                               GUINT_TO_POINTER (lookup_count (self, match->label) + 1));
          self->n_matches++;
          if (g_str_equal (match->label, NO_LABEL_YET) ||
              gloss_document_find_span (document, match->start, match->end, match->label) == NULL)
            self->n_new++;
        }
    }
}

static void
on_counted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossGazetteerDialog *self = GLOSS_GAZETTEER_DIALOG (object);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  /* A newer count replaced this one, or the dialog is closed. */
  if (g_task_get_cancellable (G_TASK (result)) != self->count_cancellable)
    return;

  if (!(results = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      /* Only a cancelled count fails, and only a replaced one is cancelled. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the matches: %s", error->message);
      set_counting (self, FALSE);
      return;
    }

  tally (self, g_task_get_task_data (G_TASK (result)), results);
  set_counting (self, FALSE);
  rebuild_preview (self);
}

static void
recount (GlossGazetteerDialog *self)
{
  g_autoptr(GTask) task = NULL;
  GlossDocument *document = get_scope_document (self);
  const char *default_label = get_default_label (self);
  CountJob *job;

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();

  job = g_new0 (CountJob, 1);
  job->gazetteer = gloss_gazetteer_ref (self->gazetteer);
  job->documents = g_ptr_array_new_with_free_func (g_object_unref);
  job->default_label = g_strdup (default_label != NULL ? default_label : NO_LABEL_YET);
  job->ignore_case = get_ignore_case (self);

  if (document != NULL)
    g_ptr_array_add (job->documents, g_object_ref (document));
  else
    for (guint i = 0; i < gloss_corpus_get_n_documents (self->corpus); i++)
      g_ptr_array_add (job->documents, g_object_ref (gloss_corpus_get_document (self->corpus, i)));

  set_counting (self, TRUE);
  update_apply (self);

  task = g_task_new (self, self->count_cancellable, on_counted_cb, NULL);
  g_task_set_source_tag (task, recount);
  g_task_set_task_data (task, job, count_job_free);
  g_task_run_in_thread (task, count_thread);
}

/* Callbacks */

static void
on_option_changed_cb (GlossGazetteerDialog *self)
{
  if (!self->ready)
    return;

  update_scope_subtitle (self);
  update_default_label_subtitle (self);
  recount (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GlossGazetteerDialog *self = GLOSS_GAZETTEER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_added;

  n_added = gloss_gazetteer_apply (self->gazetteer, self->corpus, get_scope_document (self),
                                   get_default_label (self), get_ignore_case (self), NULL, &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals [APPLIED], 0, n_added);
  gtk_window_close (GTK_WINDOW (self));
}

/* Setting up */

static void
setup_list_row (GlossGazetteerDialog *self)
{
  guint n = gloss_gazetteer_get_n_terms (self->gazetteer);
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("No terms: every line is blank or a comment"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term", "%u terms", n), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->list_row), gloss_gazetteer_get_name (self->gazetteer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->list_row), subtitle);
}

static void
setup_default_label_row (GlossGazetteerDialog *self)
{
  GlossSchema *schema = gloss_corpus_get_schema (self->corpus);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = gloss_gazetteer_count_terms (self->gazetteer, NULL, NULL);

  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);

      gtk_string_list_append (names, gloss_label_get_display_name (label, NULL));
      g_strv_builder_add (ids, gloss_label_get_id (label));
    }

  self->label_ids = g_strv_builder_end (ids);
  adw_combo_row_set_model (self->default_label_row, G_LIST_MODEL (names));
  /* No label is taken for granted: the user picks one. */
  adw_combo_row_set_selected (self->default_label_row, GTK_INVALID_LIST_POSITION);

  gtk_widget_set_visible (GTK_WIDGET (self->default_label_row), n > 0);
  update_default_label_subtitle (self);
}

static void
setup_scope_row (GlossGazetteerDialog *self)
{
  adw_combo_row_set_selected (self->scope_row, SCOPE_CORPUS);
  /* Without a document shown, the whole corpus is the only scope. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), self->document != NULL);
  update_scope_subtitle (self);
}

/* Overrides */

static void
gloss_gazetteer_dialog_constructed (GObject *object)
{
  GlossGazetteerDialog *self = GLOSS_GAZETTEER_DIALOG (object);

  G_OBJECT_CLASS (gloss_gazetteer_dialog_parent_class)->constructed (object);

  g_assert (GLOSS_IS_CORPUS (self->corpus));
  g_assert (self->gazetteer != NULL);

  setup_list_row (self);
  setup_default_label_row (self);
  setup_scope_row (self);
  rebuild_problems (self);

  self->ready = TRUE;
  recount (self);
}

static void
gloss_gazetteer_dialog_dispose (GObject *object)
{
  GlossGazetteerDialog *self = GLOSS_GAZETTEER_DIALOG (object);

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_GAZETTEER_DIALOG);

  g_clear_object (&self->corpus);
  g_clear_object (&self->document);
  g_clear_pointer (&self->gazetteer, gloss_gazetteer_unref);
  g_clear_pointer (&self->label_ids, g_strfreev);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_gazetteer_dialog_parent_class)->dispose (object);
}

static void
gloss_gazetteer_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossGazetteerDialog *self = GLOSS_GAZETTEER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_GAZETTEER:
      g_value_set_boxed (value, self->gazetteer);
      break;

    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_gazetteer_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossGazetteerDialog *self = GLOSS_GAZETTEER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      self->corpus = g_value_dup_object (value);
      break;

    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_GAZETTEER:
      self->gazetteer = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_gazetteer_dialog_class_init (GlossGazetteerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_gazetteer_dialog_constructed;
  object_class->dispose = gloss_gazetteer_dialog_dispose;
  object_class->get_property = gloss_gazetteer_dialog_get_property;
  object_class->set_property = gloss_gazetteer_dialog_set_property;

  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GAZETTEER] =
    g_param_spec_boxed ("gazetteer", NULL, NULL, GLOSS_TYPE_GAZETTEER,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossGazetteerDialog::applied:
   * @n_added: the number of spans added
   *
   * Emitted once the spans are added, as one undo step, before the dialog
   * closes.
   */
  signals [APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-gazetteer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, list_row);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, ignore_case_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, default_label_row);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossGazetteerDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);

  gtk_widget_class_install_action (widget_class, "gazetteer.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_gazetteer_dialog_init (GlossGazetteerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * gloss_gazetteer_dialog_new:
 * @parent: the window the dialog belongs to
 * @corpus: the corpus to annotate
 * @document: (nullable): the document shown, offered as the scope
 * @gazetteer: the term list
 *
 * Returns: (transfer none): a new modal dialog, not shown yet
 */
GlossGazetteerDialog *
gloss_gazetteer_dialog_new (GtkWindow      *parent,
                            GlossCorpus    *corpus,
                            GlossDocument  *document,
                            GlossGazetteer *gazetteer)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);

  return g_object_new (GLOSS_TYPE_GAZETTEER_DIALOG,
                       "transient-for", parent,
                       "corpus", corpus,
                       "document", document,
                       "gazetteer", gazetteer,
                       NULL);
}

/**
 * gloss_gazetteer_dialog_get_counting:
 *
 * Returns: whether the preview is being counted
 */
gboolean
gloss_gazetteer_dialog_get_counting (GlossGazetteerDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_GAZETTEER_DIALOG (self), FALSE);

  return self->counting;
}
