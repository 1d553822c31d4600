/* gloss-compare-bar.c: comparing one's corpus with another annotator's
 *
 * The bar under the header bar while comparing. It keeps what comparing
 * needs besides the corpus: the other corpus, the disagreements of the
 * document shown (recomputed whenever its spans change, which is cheap: one
 * document), how many are left in each document, and the disagreements
 * settled for one's own side ("Accept Mine" changes no span, so it is
 * remembered here, keyed by the disagreement, and lapses when either side
 * of it changes). The window owns the actions and moves between documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-compare-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-color-dot.h"
#include "gloss-compare-bar.h"
#include "gloss-span-layout.h"

struct _GlossCompareBar
{
  GtkWidget          parent_instance;

  GlossDocumentView *view;
  GlossCorpus       *corpus;
  GlossCorpus       *other;
  GHashTable        *settled;       /* GlossDocument * → set of keys */
  GHashTable        *counts;        /* GlossDocument * → disagreements left */
  guint              n_found;       /* when comparing began, or the most since */

  GlossDocument     *document;
  GPtrArray         *disagreements; /* of the document shown, not settled */
  gint64             position;      /* the start of the last one gone to, or -1 */
  gboolean           on_current;    /* still there: it is the current one */

  /* Template widgets */
  GtkRevealer       *revealer;
  GtkLabel          *title_label;
  GtkLabel          *count_label;
  GtkBox            *legend;
};

G_DEFINE_FINAL_TYPE (GlossCompareBar, gloss_compare_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* An "Accept Mine" in the history, which undoes and redoes it. */
typedef struct
{
  GWeakRef       bar;
  GlossDocument *document;
  char          *key;
} SettleStep;

static void
settle_step_free (gpointer data)
{
  SettleStep *step = data;

  g_weak_ref_clear (&step->bar);
  g_clear_object (&step->document);
  g_free (step->key);
  g_free (step);
}

static GHashTable *
settled_keys (GlossCompareBar *self,
              GlossDocument   *document,
              gboolean         create)
{
  GHashTable *keys = g_hash_table_lookup (self->settled, document);

  if (keys == NULL && create)
    {
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->settled, g_object_ref (document), keys);
    }

  return keys;
}

/* The disagreements of @document with the other corpus, less the settled
 * ones; none for a document the other corpus lacks. */
static GPtrArray *
unsettled (GlossCompareBar *self,
           GlossDocument   *document)
{
  GlossDocument *theirs = gloss_compare_find_document (self->other, document);
  GHashTable *keys = settled_keys (self, document, FALSE);
  GPtrArray *disagreements;

  if (theirs == NULL)
    return g_ptr_array_new ();

  disagreements = gloss_compare_documents (document, theirs);
  for (guint i = disagreements->len; keys != NULL && i > 0; i--)
    {
      g_autofree char *key = gloss_disagreement_dup_key (g_ptr_array_index (disagreements, i - 1));

      if (g_hash_table_contains (keys, key))
        g_ptr_array_remove_index (disagreements, i - 1);
    }

  return disagreements;
}

static void
update_count (GlossCompareBar *self)
{
  g_autofree char *text = NULL;
  guint n_left = gloss_compare_bar_get_n_left (self);

  self->n_found = MAX (self->n_found, n_left);
  text = gloss_compare_bar_describe_left (n_left, self->n_found);
  gtk_label_set_label (self->count_label, text);
}

static void
recount (GlossCompareBar *self,
         GlossDocument   *document,
         GPtrArray       *disagreements)
{
  g_autoptr(GPtrArray) computed = NULL;

  if (disagreements == NULL)
    disagreements = computed = unsettled (self, document);

  g_hash_table_insert (self->counts, document, GUINT_TO_POINTER (disagreements->len));
  update_count (self);
}

/* The index of the disagreement holding @offset, or G_MAXUINT. */
static guint
find_at (GPtrArray *disagreements,
         gint64     offset)
{
  for (guint i = 0; disagreements != NULL && i < disagreements->len; i++)
    {
      const GlossDisagreement *disagreement = g_ptr_array_index (disagreements, i);

      if (disagreement->start <= offset && offset < disagreement->end)
        return i;
    }

  return G_MAXUINT;
}

static void
refresh (GlossCompareBar *self)
{
  g_clear_pointer (&self->disagreements, g_ptr_array_unref);

  if (self->other != NULL && self->document != NULL)
    {
      self->disagreements = unsettled (self, self->document);
      recount (self, self->document, self->disagreements);
    }

  if (self->view != NULL)
    gloss_document_view_set_disagreements (self->view, self->disagreements,
                                           self->on_current ? find_at (self->disagreements, self->position)
                                                            : G_MAXUINT);
}

static void
rebuild_legend (GlossCompareBar *self)
{
  static const char * const names[GLOSS_N_DISAGREEMENT_KINDS] = {
    /* Translators: a kind of disagreement: only your corpus has spans there */
    N_("Only mine"),
    /* Translators: a kind of disagreement: only the other corpus has spans there */
    N_("Only theirs"),
    /* Translators: a kind of disagreement: the same text with another label */
    N_("Other label"),
    /* Translators: a kind of disagreement: spans that start or end elsewhere */
    N_("Other boundaries"),
  };
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_box_remove (self->legend, child);

  for (guint kind = 0; kind < GLOSS_N_DISAGREEMENT_KINDS; kind++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (_(names[kind]));

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (item), gloss_color_dot_new (gloss_span_layout_disagreement_color (kind, dark)));
      gtk_box_append (GTK_BOX (item), label);
      gtk_box_append (self->legend, item);
    }
}

/* Callbacks */

static void
on_document_changed_cb (GlossDocument   *document,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GlossCompareBar *self)
{
  if (document == self->document)
    refresh (self);
  else
    recount (self, document, NULL);
}

static void
run_settle_step (gpointer data,
                 gboolean forward)
{
  SettleStep *step = data;
  g_autoptr(GlossCompareBar) self = g_weak_ref_get (&step->bar);

  /* Comparing may have stopped, or begun again with another corpus. */
  if (self == NULL || !g_hash_table_contains (self->counts, step->document))
    return;

  if (forward)
    g_hash_table_add (settled_keys (self, step->document, TRUE), g_strdup (step->key));
  else
    g_hash_table_remove (settled_keys (self, step->document, TRUE), step->key);

  if (step->document == self->document)
    refresh (self);
  else
    recount (self, step->document, NULL);
}

/* Overrides */

static void
gloss_compare_bar_dispose (GObject *object)
{
  GlossCompareBar *self = (GlossCompareBar *)object;

  gloss_compare_bar_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_COMPARE_BAR);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (gloss_compare_bar_parent_class)->dispose (object);
}

static void
gloss_compare_bar_finalize (GObject *object)
{
  GlossCompareBar *self = (GlossCompareBar *)object;

  g_clear_pointer (&self->settled, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_compare_bar_parent_class)->finalize (object);
}

static void
gloss_compare_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossCompareBar *self = GLOSS_COMPARE_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_compare_bar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossCompareBar *self = GLOSS_COMPARE_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      gloss_compare_bar_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_compare_bar_class_init (GlossCompareBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_compare_bar_dispose;
  object_class->finalize = gloss_compare_bar_finalize;
  object_class->get_property = gloss_compare_bar_get_property;
  object_class->set_property = gloss_compare_bar_set_property;

  properties [PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GLOSS_TYPE_DOCUMENT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-compare-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCompareBar, legend);
}

static void
gloss_compare_bar_init (GlossCompareBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settled = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify)g_hash_table_unref);
  self->counts = g_hash_table_new (NULL, NULL);
  self->position = -1;

  rebuild_legend (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (rebuild_legend), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gloss_compare_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_COMPARE_BAR, NULL);
}

/**
 * gloss_compare_bar_get_view:
 *
 * Returns: (transfer none) (nullable): the view showing the disagreements
 */
GlossDocumentView *
gloss_compare_bar_get_view (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  return self->view;
}

void
gloss_compare_bar_set_view (GlossCompareBar   *self,
                            GlossDocumentView *view)
{
  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));
  g_return_if_fail (view == NULL || GLOSS_IS_DOCUMENT_VIEW (view));

  if (g_set_object (&self->view, view))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

/**
 * gloss_compare_bar_get_other:
 *
 * Returns: (transfer none) (nullable): the corpus compared with, or %NULL
 *   when not comparing
 */
GlossCorpus *
gloss_compare_bar_get_other (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  return self->other;
}

/**
 * gloss_compare_bar_start:
 * @corpus: one's own corpus, which settling disagreements changes
 * @other: the other annotator's corpus
 * @name: the name to show for @other
 *
 * Begins comparing, and shows the bar. Documents of @corpus that @other
 * lacks, or has with another text, have no disagreements.
 */
void
gloss_compare_bar_start (GlossCompareBar *self,
                         GlossCorpus     *corpus,
                         GlossCorpus     *other,
                         const char      *name)
{
  g_autofree char *title = NULL;
  guint n;

  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));
  g_return_if_fail (GLOSS_IS_CORPUS (corpus));
  g_return_if_fail (GLOSS_IS_CORPUS (other));

  gloss_compare_bar_stop (self);
  self->corpus = g_object_ref (corpus);
  self->other = g_object_ref (other);

  n = gloss_corpus_get_n_documents (corpus);
  for (guint i = 0; i < n; i++)
    {
      GlossDocument *document = gloss_corpus_get_document (corpus, i);

      if (gloss_compare_find_document (other, document) == NULL)
        continue;
      g_signal_connect_object (document, "items-changed", G_CALLBACK (on_document_changed_cb), self, 0);
      recount (self, document, NULL);
    }

  /* Translators: %s is the name of the other annotator's corpus file */
  title = g_strdup_printf (_("Comparing with %s"), name);
  gtk_label_set_label (self->title_label, title);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  refresh (self);
}

/**
 * gloss_compare_bar_stop:
 *
 * Stops comparing, forgetting the settled disagreements, and hides the bar.
 */
void
gloss_compare_bar_stop (GlossCompareBar *self)
{
  GHashTableIter iter;
  gpointer document;

  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &document, NULL))
    g_signal_handlers_disconnect_by_func (document, on_document_changed_cb, self);
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->settled);
  g_clear_object (&self->corpus);
  g_clear_object (&self->other);
  self->n_found = 0;
  self->position = -1;
  self->on_current = FALSE;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  refresh (self);
}

/**
 * gloss_compare_bar_set_document:
 * @document: (nullable): the document shown
 */
void
gloss_compare_bar_set_document (GlossCompareBar *self,
                                GlossDocument   *document)
{
  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  /* A weak pointer: the window shows only documents of its corpus, and
   * tells the bar whenever it shows another. */
  self->document = document;
  self->position = -1;
  self->on_current = FALSE;
  refresh (self);
}

/**
 * gloss_compare_bar_get_n_left:
 *
 * Returns: how many disagreements are neither settled nor agreed on, in
 *   every document
 */
guint
gloss_compare_bar_get_n_left (GlossCompareBar *self)
{
  GHashTableIter iter;
  gpointer count;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), 0);

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    n += GPOINTER_TO_UINT (count);

  return n;
}

/**
 * gloss_compare_bar_get_n_found:
 *
 * Returns: how many disagreements there were when comparing began (or
 *   since, if edits made more)
 */
guint
gloss_compare_bar_get_n_found (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), 0);

  return self->n_found;
}

/**
 * gloss_compare_bar_get_disagreements:
 *
 * Returns: (transfer none) (nullable) (element-type GlossDisagreement):
 *   the disagreements left in the document shown
 */
GPtrArray *
gloss_compare_bar_get_disagreements (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  return self->disagreements;
}

/* The start of the first (or last) disagreement of @disagreements in
 * [@low, @high), or -1. */
static gint64
pick (GPtrArray *disagreements,
      gboolean   forward,
      gint64     low,
      gint64     high)
{
  for (guint k = 0; k < disagreements->len; k++)
    {
      guint i = forward ? k : disagreements->len - 1 - k;
      const GlossDisagreement *disagreement = g_ptr_array_index (disagreements, i);

      if (disagreement->start >= low && disagreement->start < high)
        return disagreement->start;
    }

  return -1;
}

/**
 * gloss_compare_bar_find:
 * @forward: whether to look after the last one gone to, or before
 * @start: (out): where the disagreement found starts
 *
 * Finds the next (or previous) disagreement left, in the document shown
 * and then in the others in corpus order, coming round to the start of the
 * document shown at the end.
 *
 * Returns: (transfer none) (nullable): the document of the disagreement
 *   found, or %NULL if none is left
 */
GlossDocument *
gloss_compare_bar_find (GlossCompareBar *self,
                        gboolean         forward,
                        guint           *start)
{
  gint64 found = -1;
  guint n;
  guint here = 0;

  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  if (self->other == NULL || gloss_compare_bar_get_n_left (self) == 0)
    return NULL;

  if (self->document != NULL && self->disagreements != NULL)
    {
      found = forward ? pick (self->disagreements, TRUE, self->position + 1, G_MAXINT64)
                      : pick (self->disagreements, FALSE, 0, self->position < 0 ? G_MAXINT64 : self->position);
      if (found >= 0)
        {
          *start = found;
          return self->document;
        }
      gloss_corpus_find_document (self->corpus, self->document, &here);
    }

  n = gloss_corpus_get_n_documents (self->corpus);
  for (guint k = 1; k <= n; k++)
    {
      guint i = forward ? (here + k) % n : (here + n - k % n) % n;
      GlossDocument *document = gloss_corpus_get_document (self->corpus, i);
      g_autoptr(GPtrArray) disagreements = NULL;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, document)) == 0)
        continue;

      /* Back in the document shown: whatever came before the last one. */
      disagreements = unsettled (self, document);
      found = pick (disagreements, forward, 0, G_MAXINT64);
      if (found >= 0)
        {
          *start = found;
          return document;
        }
    }

  return NULL;
}

/**
 * gloss_compare_bar_select:
 * @start: where a disagreement of the document shown starts
 *
 * Makes the disagreement at @start the current one: outlined, selected
 * and scrolled to.
 */
void
gloss_compare_bar_select (GlossCompareBar *self,
                          guint            start)
{
  const GlossDisagreement *disagreement;
  guint index;

  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  self->position = start;
  self->on_current = TRUE;
  refresh (self);

  index = find_at (self->disagreements, start);
  if (index == G_MAXUINT || self->view == NULL)
    return;

  disagreement = g_ptr_array_index (self->disagreements, index);
  gloss_document_view_select_range (self->view, disagreement->start, disagreement->end);
}

/**
 * gloss_compare_bar_accept:
 * @theirs: %TRUE to take the other annotator's spans, %FALSE to keep one's own
 *
 * Settles the current disagreement (the last one gone to, or else the one
 * at the cursor), as one undo step. Going to the next one afterwards finds
 * the one after it.
 *
 * Returns: %FALSE with @error set if there is no disagreement to settle, or
 *   the other annotator's label is not in the schema
 */
gboolean
gloss_compare_bar_accept (GlossCompareBar  *self,
                          gboolean          theirs,
                          GError          **error)
{
  g_autoptr(GlossDisagreement) settled = NULL;
  const GlossDisagreement *disagreement;
  guint index;

  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), FALSE);

  index = self->on_current ? find_at (self->disagreements, self->position) : G_MAXUINT;
  if (index == G_MAXUINT && self->view != NULL)
    index = find_at (self->disagreements, gloss_document_view_get_cursor (self->view));
  if (index == G_MAXUINT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no disagreement here: go to one with F8"));
      return FALSE;
    }

  disagreement = g_ptr_array_index (self->disagreements, index);
  self->position = (gint64)disagreement->start - 1;
  self->on_current = FALSE;

  if (theirs)
    {
      /* The array goes when the spans change: keep the disagreement. */
      g_autoptr(GPtrArray) keep = g_ptr_array_ref (self->disagreements);

      return gloss_compare_accept_b (gloss_corpus_get_history (self->corpus), self->document,
                                     disagreement, error);
    }
  else
    {
      SettleStep *step = g_new0 (SettleStep, 1);

      g_weak_ref_init (&step->bar, self);
      step->document = g_object_ref (self->document);
      step->key = gloss_disagreement_dup_key (disagreement);
      g_hash_table_add (settled_keys (self, self->document, TRUE), g_strdup (step->key));
      gloss_history_record_custom (gloss_corpus_get_history (self->corpus), run_settle_step,
                                   step, settle_step_free);
      refresh (self);
    }

  return TRUE;
}

/**
 * gloss_compare_bar_describe_left:
 *
 * Returns: (transfer full): how many disagreements are left, for people
 */
char *
gloss_compare_bar_describe_left (guint n_left,
                                 guint n_found)
{
  if (n_left == 0)
    return g_strdup (_("No disagreements left"));

  /* Translators: %1$u disagreements are left of the %2$u found */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u disagreement left",
                                       "%1$u of %2$u disagreements left", n_found),
                          n_left, n_found);
}
