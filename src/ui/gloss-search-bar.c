/* gloss-search-bar.c: find text in a document or the corpus, and label it
 *
 * The bar follows the document view it is given: the document shown there
 * is the one "This Document" searches, and the one whose matches the view
 * highlights. Decisions:
 *
 * - Results are kept per document that has matches, in corpus order, so
 *   that Next and Previous can step from one document to the next (the
 *   window is asked to show it through ::show-document) and wrap around.
 * - One document is searched at once; the whole corpus in a thread, since
 *   a large corpus takes longer than a key press should. The text of a
 *   document never changes, so the thread only reads what stays put; a new
 *   search cancels the one under way.
 * - Spans do not change matches: undo and redo only change what the view
 *   draws over them. Matches go stale when the pattern, an option, the
 *   scope, the corpus or its list of documents changes.
 * - Typing searches from the start of the selection (where the search
 *   started, then the match last moved to, or where the user clicked), and
 *   stays in the document shown; Enter and Shift+Enter move on from the
 *   current match, or from the selection when the user moved away from it,
 *   across documents in the corpus.
 * - The pattern outlives the bar: Ctrl+G after Escape goes on with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-search-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-search-bar.h"
#include "gloss-span-layout.h"

/* A selection longer than this is not taken as the text to find. */
#define MAX_PREFILL_CHARS 200

/* The matches of one document. */
typedef struct
{
  GlossDocument *document;
  guint          position;   /* in the corpus */
  GArray        *matches;    /* GlossSearchMatch */
} DocumentMatches;

/* What a search looks through, copied so a thread can run it. */
typedef struct
{
  GPtrArray          *documents;
  GArray             *positions;
  char               *pattern;
  GlossSearchOptions  options;
} SearchJob;

struct _GlossSearchBar
{
  GtkWidget           parent_instance;

  GlossDocumentView  *view;
  GlossCorpus        *corpus;
  GlossSchema        *schema;
  GlossDocument      *document;       /* shown in the view */

  GlossSearchScope    scope;
  gboolean            regex;
  gboolean            match_case;
  gboolean            whole_words;
  gboolean            can_label;
  char               *label;
  GPtrArray          *label_ids;      /* of the label dropdown's rows */
  gboolean            updating_labels;

  /* The results, for @pattern (NULL while there are none): DocumentMatches
   * of the documents with a match, in corpus order. */
  char               *pattern;
  GPtrArray          *results;
  guint               n_matches;
  GError             *error;
  GCancellable       *search_cancellable;  /* the search under way */
  gboolean            select_on_result;
  int                 pending_step;

  /* The current match, or G_MAXUINT; and where the last move went, which
   * stays selected after the bar closes. */
  guint               current;
  guint               current_match;
  GlossDocument      *found_document;
  guint               found_start;
  guint               found_end;
  gboolean            navigating;
  gboolean            opening_quietly;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *entry;
  GtkLabel           *count_label;
  GtkDropDown        *scope_dropdown;
  GtkDropDown        *label_dropdown;
};

G_DEFINE_ENUM_TYPE (GlossSearchScope, gloss_search_scope,
                    G_DEFINE_ENUM_VALUE (GLOSS_SEARCH_SCOPE_DOCUMENT, "document"),
                    G_DEFINE_ENUM_VALUE (GLOSS_SEARCH_SCOPE_CORPUS, "corpus"))

G_DEFINE_FINAL_TYPE (GlossSearchBar, gloss_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SEARCH_MODE_ENABLED,
  PROP_REGEX,
  PROP_MATCH_CASE,
  PROP_WHOLE_WORDS,
  PROP_SCOPE,
  PROP_LABEL,
  PROP_CAN_LABEL,
  PROP_N_MATCHES,
  PROP_SEARCHING,
  N_PROPS
};

enum {
  SHOW_DOCUMENT,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void run_search   (GlossSearchBar *self,
                          gboolean        select);
static void update_state (GlossSearchBar *self);
static gboolean move     (GlossSearchBar *self,
                          int             step);

/* Helpers */

static void
document_matches_free (DocumentMatches *found)
{
  g_clear_object (&found->document);
  g_clear_pointer (&found->matches, g_array_unref);
  g_free (found);
}

static void
search_job_free (SearchJob *job)
{
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_pointer (&job->positions, g_array_unref);
  g_clear_pointer (&job->pattern, g_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchJob, search_job_free)

/* Returns the DocumentMatches of the documents with a match. */
static GPtrArray *
search_job_run (SearchJob     *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)document_matches_free);

  for (guint i = 0; i < job->documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (job->documents, i);
      DocumentMatches *entry;
      GArray *matches;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      matches = gloss_search_document (document, job->pattern, &job->options, error);
      if (matches == NULL)
        return NULL;
      if (matches->len == 0)
        {
          g_array_unref (matches);
          continue;
        }

      entry = g_new0 (DocumentMatches, 1);
      entry->document = g_object_ref (document);
      entry->position = g_array_index (job->positions, guint, i);
      entry->matches = matches;
      g_ptr_array_add (found, entry);
    }

  return g_steal_pointer (&found);
}

static void
get_options (GlossSearchBar     *self,
             GlossSearchOptions *options)
{
  options->regex = self->regex;
  options->ignore_case = !self->match_case;
  options->whole_word = self->whole_words;
}

static const char *
get_text (GlossSearchBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

static gboolean
is_open (GlossSearchBar *self)
{
  return gtk_search_bar_get_search_mode (self->search_bar);
}

static gboolean
is_searching (GlossSearchBar *self)
{
  return self->search_cancellable != NULL;
}

/* Whether the results are those of the text in the entry. */
static gboolean
is_fresh (GlossSearchBar *self)
{
  return self->pattern != NULL && !is_searching (self) && g_str_equal (self->pattern, get_text (self));
}

static gboolean
has_focus_within (GlossSearchBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

static DocumentMatches *
get_result (GlossSearchBar *self,
            guint           index)
{
  return g_ptr_array_index (self->results, index);
}

static guint
get_n_results (GlossSearchBar *self)
{
  return self->results != NULL ? self->results->len : 0;
}

/* The index in the results of the document shown, or G_MAXUINT. */
static guint
find_shown (GlossSearchBar *self)
{
  for (guint i = 0; self->document != NULL && i < get_n_results (self); i++)
    if (get_result (self, i)->document == self->document)
      return i;

  return G_MAXUINT;
}

static guint
find_position (GlossSearchBar *self,
               GlossDocument  *document)
{
  for (guint i = 0; self->corpus != NULL && i < gloss_corpus_get_n_documents (self->corpus); i++)
    if (gloss_corpus_get_document (self->corpus, i) == document)
      return i;

  return 0;
}

/* The first match starting at or after @offset, or matches->len: the
 * first ending after it, or the one after that when it straddles @offset. */
static guint
first_starting_from (GArray *matches,
                     guint   offset)
{
  const GlossSearchMatch *items = (const GlossSearchMatch *)(gpointer)matches->data;
  guint first = gloss_span_layout_first_match_after (items, matches->len, offset);

  return first < matches->len && items[first].start < offset ? first + 1 : first;
}

static void
show_toast (GlossSearchBar *self,
            const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
update_view_matches (GlossSearchBar *self)
{
  guint shown;

  if (self->view == NULL)
    return;

  shown = is_open (self) ? find_shown (self) : G_MAXUINT;
  gloss_document_view_set_matches (self->view, shown != G_MAXUINT ? get_result (self, shown)->matches : NULL);
}

static void
clear_results (GlossSearchBar *self)
{
  guint n_matches = self->n_matches;

  if (self->search_cancellable != NULL)
    {
      g_cancellable_cancel (self->search_cancellable);
      g_clear_object (&self->search_cancellable);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCHING]);
    }

  g_clear_pointer (&self->pattern, g_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_error (&self->error);
  self->n_matches = 0;
  self->current = G_MAXUINT;
  self->current_match = 0;

  if (n_matches != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
}

/* Moving */

/* Whether the current match is still what the view has selected: when the
 * user clicked elsewhere, moves start from there instead. */
static gboolean
is_on_current (GlossSearchBar *self)
{
  DocumentMatches *found;
  const GlossSearchMatch *match;
  guint start;
  guint end;

  if (self->current == G_MAXUINT || self->view == NULL)
    return FALSE;

  found = get_result (self, self->current);
  match = &g_array_index (found->matches, GlossSearchMatch, self->current_match);
  gloss_document_view_get_selection (self->view, &start, &end);

  return found->document == self->document && start == match->start && end == match->end;
}

static gboolean
go_to (GlossSearchBar *self,
       guint           index,
       guint           match)
{
  DocumentMatches *found = get_result (self, index);
  gboolean had_focus = has_focus_within (self);

  if (found->document != self->document)
    {
      self->navigating = TRUE;
      g_signal_emit (self, signals [SHOW_DOCUMENT], 0, found->document);
      self->navigating = FALSE;

      /* Nobody showed it. */
      if (found->document != self->document)
        return FALSE;
    }

  update_view_matches (self);
  self->current = index;
  self->current_match = match;
  g_set_object (&self->found_document, found->document);
  self->found_start = g_array_index (found->matches, GlossSearchMatch, match).start;
  self->found_end = g_array_index (found->matches, GlossSearchMatch, match).end;
  gloss_document_view_set_current_match (self->view, match);

  /* Showing a document gives the view the keyboard; typing goes on. */
  if (had_focus && !has_focus_within (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));

  update_state (self);

  return TRUE;
}

/* When the document shown has no match: the nearest one that has, in the
 * direction of the move, wrapping around. */
static gboolean
go_to_nearest_document (GlossSearchBar *self,
                        int             step)
{
  guint position = find_position (self, self->document);
  guint n = get_n_results (self);
  guint index = step > 0 ? 0 : n - 1;

  for (guint i = 0; i < n; i++)
    {
      guint candidate = step > 0 ? i : n - 1 - i;
      guint at = get_result (self, candidate)->position;

      if (step > 0 ? at > position : at < position)
        {
          index = candidate;
          break;
        }
    }

  return go_to (self, index, step > 0 ? 0 : get_result (self, index)->matches->len - 1);
}

static gboolean
move (GlossSearchBar *self,
      int             step)
{
  guint index;
  int match;

  if (self->view == NULL || self->corpus == NULL || get_text (self)[0] == '\0')
    return FALSE;

  if (!is_open (self))
    {
      self->opening_quietly = TRUE;
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      self->opening_quietly = FALSE;
    }

  /* Stale or still coming: move once they are in. */
  if (!is_fresh (self))
    {
      self->pending_step = step;
      if (!is_searching (self) || !g_str_equal (self->pattern != NULL ? self->pattern : "", get_text (self)))
        run_search (self, FALSE);
      return TRUE;
    }

  if (self->n_matches == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  index = find_shown (self);
  if (is_on_current (self))
    {
      index = self->current;
      match = (int)self->current_match + step;
    }
  else if (index != G_MAXUINT)
    {
      GArray *matches = get_result (self, index)->matches;
      guint start;
      guint end;

      gloss_document_view_get_selection (self->view, &start, &end);
      match = (int)first_starting_from (matches, step > 0 ? end : start);
      if (step < 0)
        {
          /* The last match ending at or before the selection. */
          while (match > 0 && g_array_index (matches, GlossSearchMatch, match - 1).end > start)
            match--;
          match--;
        }
    }
  else
    return go_to_nearest_document (self, step);

  /* Past either end of a document: on to the next one with a match (the
   * same one when the search is in this document only). */
  if (match < 0)
    {
      index = index == 0 ? get_n_results (self) - 1 : index - 1;
      match = (int)get_result (self, index)->matches->len - 1;
    }
  else if ((guint)match >= get_result (self, index)->matches->len)
    {
      index = (index + 1) % get_n_results (self);
      match = 0;
    }

  return go_to (self, index, (guint)match);
}

/* As the user types: the first match from the start of the selection, in
 * the document shown. */
static void
select_from_origin (GlossSearchBar *self)
{
  guint shown = find_shown (self);
  GArray *matches;
  guint start = 0;
  guint match;

  if (shown == G_MAXUINT)
    return;

  gloss_document_view_get_selection (self->view, &start, NULL);
  matches = get_result (self, shown)->matches;
  match = first_starting_from (matches, start);
  go_to (self, shown, match < matches->len ? match : 0);
}

/* Searching */

static void
finish_search (GlossSearchBar *self,
               const char     *pattern,
               GPtrArray      *results,
               GError         *error)
{
  int step = self->pending_step;

  self->pending_step = 0;
  self->pattern = g_strdup (pattern);
  self->results = results;
  self->error = error;
  self->n_matches = 0;
  for (guint i = 0; i < get_n_results (self); i++)
    self->n_matches += get_result (self, i)->matches->len;

  update_view_matches (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);

  if (error != NULL)
    return;

  if (step != 0)
    move (self, step);
  else if (self->select_on_result)
    select_from_origin (self);
}

static void
on_searched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (object);
  SearchJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GPtrArray *results;

  /* A newer search took its place. */
  if (g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->search_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCHING]);

  finish_search (self, job->pattern, results, error);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *results = search_job_run (task_data, cancellable, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify)g_ptr_array_unref);
}

static SearchJob *
search_job_new (GlossSearchBar *self)
{
  SearchJob *job = g_new0 (SearchJob, 1);

  job->documents = g_ptr_array_new_with_free_func (g_object_unref);
  job->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  job->pattern = g_strdup (get_text (self));
  get_options (self, &job->options);

  if (self->scope == GLOSS_SEARCH_SCOPE_DOCUMENT && self->document != NULL)
    {
      guint position = find_position (self, self->document);

      g_ptr_array_add (job->documents, g_object_ref (self->document));
      g_array_append_val (job->positions, position);
    }
  else if (self->scope == GLOSS_SEARCH_SCOPE_CORPUS)
    for (guint i = 0; i < gloss_corpus_get_n_documents (self->corpus); i++)
      {
        g_ptr_array_add (job->documents, g_object_ref (gloss_corpus_get_document (self->corpus, i)));
        g_array_append_val (job->positions, i);
      }

  return job;
}

/* Searches the scope again for the text in the entry; @select moves to the
 * first match from the origin once the results are in. */
static void
run_search (GlossSearchBar *self,
            gboolean        select)
{
  g_autoptr(SearchJob) job = NULL;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GPtrArray *results;

  clear_results (self);
  self->select_on_result = select;

  if (!is_open (self))
    {
      self->pending_step = 0;
      update_view_matches (self);
      update_state (self);
      return;
    }

  if (self->corpus == NULL || get_text (self)[0] == '\0')
    {
      finish_search (self, get_text (self), NULL, NULL);
      return;
    }

  job = search_job_new (self);

  if (self->scope == GLOSS_SEARCH_SCOPE_DOCUMENT)
    {
      results = search_job_run (job, NULL, &error);
      finish_search (self, job->pattern, results, error);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  update_view_matches (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCHING]);

  task = g_task_new (self, self->search_cancellable, on_searched_cb, NULL);
  g_task_set_source_tag (task, run_search);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify)search_job_free);
  g_task_run_in_thread (task, search_thread);
}

/* What is shown */

static guint
get_ordinal (GlossSearchBar *self)
{
  guint ordinal;

  if (self->current == G_MAXUINT)
    return 0;

  ordinal = self->current_match + 1;
  for (guint i = 0; i < self->current; i++)
    ordinal += get_result (self, i)->matches->len;

  return ordinal;
}

static void
update_state (GlossSearchBar *self)
{
  const char *text = get_text (self);
  g_autofree char *count = NULL;
  gboolean fresh = is_fresh (self);

  if (self->error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), self->error->message);
      count = g_strdup (self->error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
      if (is_searching (self))
        count = g_strdup (_("Searching…"));
      else if (fresh && text[0] != '\0')
        count = gloss_search_bar_describe_count (self->scope, get_ordinal (self), self->n_matches,
                                                 get_n_results (self));
    }

  gtk_label_set_label (self->count_label, count != NULL ? count : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), self->error != NULL ? self->error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.next",
                                 self->corpus != NULL && text[0] != '\0' && self->error == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.previous",
                                 self->corpus != NULL && text[0] != '\0' && self->error == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.label-all",
                                 self->can_label && fresh && self->error == NULL &&
                                 self->n_matches > 0 && self->label != NULL);
}

static void
rebuild_labels (GlossSearchBar *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *keep = g_strdup (self->label);
  guint selected = 0;

  self->updating_labels = TRUE;
  g_ptr_array_set_size (self->label_ids, 0);

  for (guint i = 0; self->schema != NULL && i < gloss_schema_get_n_labels (self->schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (self->schema, i);

      gtk_string_list_append (names, gloss_label_get_display_name (label, NULL));
      g_ptr_array_add (self->label_ids, g_strdup (gloss_label_get_id (label)));
      if (g_strcmp0 (keep, gloss_label_get_id (label)) == 0)
        selected = i;
    }

  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->label_dropdown,
                              self->label_ids->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->updating_labels = FALSE;

  gloss_search_bar_set_label (self, self->label_ids->len > 0 ? g_ptr_array_index (self->label_ids, selected) : NULL);
}

/* Callbacks */

static void
on_schema_changed_cb (GlossSearchBar *self)
{
  rebuild_labels (self);
}

static void
on_corpus_items_changed_cb (GlossSearchBar *self)
{
  run_search (self, FALSE);
}

static void
set_corpus (GlossSearchBar *self,
            GlossCorpus    *corpus)
{
  if (self->corpus == corpus)
    return;

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  if (self->schema != NULL)
    g_signal_handlers_disconnect_by_data (self->schema, self);

  g_set_object (&self->corpus, corpus);
  g_clear_object (&self->schema);

  if (corpus != NULL)
    {
      self->schema = g_object_ref (gloss_corpus_get_schema (corpus));
      g_signal_connect_object (corpus, "items-changed", G_CALLBACK (on_corpus_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->schema, "changed", G_CALLBACK (on_schema_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  rebuild_labels (self);
  clear_results (self);
}

static void
on_view_document_cb (GlossSearchBar *self)
{
  GlossCorpus *corpus = gloss_document_view_get_corpus (self->view);
  gboolean corpus_changed = corpus != self->corpus;

  /* Without a document the view has no corpus either: nothing to search. */
  set_corpus (self, corpus);
  g_set_object (&self->document, gloss_document_view_get_document (self->view));

  /* A move is under way: it says which match is current. */
  if (self->navigating)
    return;

  self->current = G_MAXUINT;

  if (self->scope == GLOSS_SEARCH_SCOPE_DOCUMENT || self->pattern == NULL || corpus_changed)
    run_search (self, FALSE);
  else
    {
      update_view_matches (self);
      update_state (self);
    }
}

static void
on_search_mode_cb (GlossSearchBar *self)
{
  if (is_open (self))
    {
      if (!self->opening_quietly)
        gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      run_search (self, FALSE);
    }
  else
    {
      /* The pattern stays, for Ctrl+G; the view keeps its selection, for
       * a label key. */
      self->pending_step = 0;
      clear_results (self);
      update_view_matches (self);
      update_state (self);
      if (self->view != NULL && gloss_document_view_get_document (self->view) != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_MODE_ENABLED]);
}

static void
on_search_changed_cb (GlossSearchBar *self)
{
  if (is_open (self))
    run_search (self, TRUE);
}

static void
on_entry_activate_cb (GlossSearchBar *self)
{
  move (self, 1);
}

static void
on_entry_next_match_cb (GlossSearchBar *self)
{
  move (self, 1);
}

static void
on_entry_previous_match_cb (GlossSearchBar *self)
{
  move (self, -1);
}

static void
on_entry_stop_search_cb (GlossSearchBar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
on_entry_key_pressed_cb (GlossSearchBar        *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (mods == GDK_SHIFT_MASK &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    {
      move (self, -1);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_scope_selected_cb (GlossSearchBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);

  gloss_search_bar_set_scope (self, selected == 1 ? GLOSS_SEARCH_SCOPE_CORPUS : GLOSS_SEARCH_SCOPE_DOCUMENT);
}

static void
on_label_selected_cb (GlossSearchBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->label_dropdown);

  if (self->updating_labels || selected >= self->label_ids->len)
    return;

  gloss_search_bar_set_label (self, g_ptr_array_index (self->label_ids, selected));
}

static gboolean
close_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (widget);

  if (!is_open (self))
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  return TRUE;
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  move (GLOSS_SEARCH_BAR (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  move (GLOSS_SEARCH_BAR (widget), -1);
}

static void
label_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_skipped = 0;
  guint n_added;

  n_added = gloss_search_bar_label_all (self, &n_skipped, &error);
  if (error != NULL)
    {
      gtk_widget_error_bell (widget);
      show_toast (self, error->message);
      return;
    }

  message = gloss_search_bar_describe_labelled (n_added, n_skipped);
  show_toast (self, message);
}

/* Overrides */

static void
gloss_search_bar_dispose (GObject *object)
{
  GlossSearchBar *self = (GlossSearchBar *)object;

  clear_results (self);
  gloss_search_bar_set_view (self, NULL);
  set_corpus (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SEARCH_BAR);

  g_clear_object (&self->document);
  g_clear_object (&self->found_document);

  G_OBJECT_CLASS (gloss_search_bar_parent_class)->dispose (object);
}

static void
gloss_search_bar_finalize (GObject *object)
{
  GlossSearchBar *self = (GlossSearchBar *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->label_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_search_bar_parent_class)->finalize (object);
}

static gboolean *
find_option (GlossSearchBar *self,
             guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_REGEX:
      return &self->regex;
    case PROP_MATCH_CASE:
      return &self->match_case;
    case PROP_WHOLE_WORDS:
      return &self->whole_words;
    default:
      g_assert_not_reached ();
    }
}

static void
gloss_search_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, is_open (self));
      break;

    case PROP_REGEX:
    case PROP_MATCH_CASE:
    case PROP_WHOLE_WORDS:
      g_value_set_boolean (value, *find_option (self, prop_id));
      break;

    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_CAN_LABEL:
      g_value_set_boolean (value, self->can_label);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, is_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_search_bar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (object);
  gboolean *option;

  switch (prop_id)
    {
    case PROP_VIEW:
      gloss_search_bar_set_view (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE_ENABLED:
      gloss_search_bar_set_search_mode (self, g_value_get_boolean (value));
      break;

    case PROP_REGEX:
    case PROP_MATCH_CASE:
    case PROP_WHOLE_WORDS:
      option = find_option (self, prop_id);
      if (*option != g_value_get_boolean (value))
        {
          *option = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
          run_search (self, TRUE);
        }
      break;

    case PROP_SCOPE:
      gloss_search_bar_set_scope (self, g_value_get_enum (value));
      break;

    case PROP_LABEL:
      gloss_search_bar_set_label (self, g_value_get_string (value));
      break;

    case PROP_CAN_LABEL:
      gloss_search_bar_set_can_label (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_search_bar_class_init (GlossSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_search_bar_dispose;
  object_class->finalize = gloss_search_bar_finalize;
  object_class->get_property = gloss_search_bar_get_property;
  object_class->set_property = gloss_search_bar_set_property;

  /**
   * GlossSearchBar:view:
   *
   * The document view whose document is searched and whose matches are
   * highlighted.
   */
  properties [PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GLOSS_TYPE_DOCUMENT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REGEX] =
    g_param_spec_boolean ("regex", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MATCH_CASE] =
    g_param_spec_boolean ("match-case", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, GLOSS_TYPE_SEARCH_SCOPE, GLOSS_SEARCH_SCOPE_DOCUMENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossSearchBar:label:
   *
   * The id of the label Label All gives.
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossSearchBar:can-label:
   *
   * Whether Label All may change the corpus: not while a thread reads it.
   */
  properties [PROP_CAN_LABEL] =
    g_param_spec_boolean ("can-label", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSearchBar::show-document:
   * @document: a document of the corpus
   *
   * Emitted when a move to a match in the corpus needs @document shown in
   * the view.
   */
  signals [SHOW_DOCUMENT] =
    g_signal_new ("show-document",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, label_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_label_selected_cb);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "search.label-all", NULL, label_all_action);
  gtk_widget_class_install_property_action (widget_class, "search.regex", "regex");
  gtk_widget_class_install_property_action (widget_class, "search.match-case", "match-case");
  gtk_widget_class_install_property_action (widget_class, "search.whole-words", "whole-words");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glosssearchbar");
}

static void
gloss_search_bar_init (GlossSearchBar *self)
{
  GtkEventController *controller;

  self->can_label = TRUE;
  self->current = G_MAXUINT;
  self->label_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Shift+Enter before the entry takes it as Enter. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  update_state (self);
}

/* Public API */

GtkWidget *
gloss_search_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_SEARCH_BAR, NULL);
}

/**
 * gloss_search_bar_get_view:
 *
 * Returns: (transfer none) (nullable): the view searched
 */
GlossDocumentView *
gloss_search_bar_get_view (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), NULL);

  return self->view;
}

/**
 * gloss_search_bar_set_view:
 * @view: (nullable): the document view to search and highlight in
 */
void
gloss_search_bar_set_view (GlossSearchBar    *self,
                           GlossDocumentView *view)
{
  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GLOSS_IS_DOCUMENT_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      gloss_document_view_set_matches (self->view, NULL);
    }

  g_set_object (&self->view, view);

  if (view != NULL)
    {
      g_signal_connect_object (view, "notify::document", G_CALLBACK (on_view_document_cb),
                               self, G_CONNECT_SWAPPED);
      on_view_document_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

gboolean
gloss_search_bar_get_search_mode (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), FALSE);

  return is_open (self);
}

/**
 * gloss_search_bar_set_search_mode:
 *
 * Opens the bar (the entry gets the keyboard) or closes it (the view does).
 */
void
gloss_search_bar_set_search_mode (GlossSearchBar *self,
                                  gboolean        search_mode)
{
  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

/**
 * gloss_search_bar_find:
 *
 * What Ctrl+F does: opens the bar with the entry's text selected, taking a
 * short selection of the view as the text to find; closes it when the
 * keyboard is already in it.
 */
void
gloss_search_bar_find (GlossSearchBar *self)
{
  guint start;
  guint end;

  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  if (is_open (self) && has_focus_within (self))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  /* A match the search found is not new text to find: keep the pattern
   * that found it. */
  if (self->view != NULL && self->document != NULL &&
      gloss_document_view_get_selection (self->view, &start, &end) &&
      end - start <= MAX_PREFILL_CHARS &&
      !(self->document == self->found_document && start == self->found_start && end == self->found_end))
    {
      g_autofree char *slice = gloss_document_dup_slice (self->document, start, end);

      if (strchr (slice, '\n') == NULL)
        {
          g_autofree char *escaped = self->regex ? g_regex_escape_string (slice, -1) : NULL;

          gtk_editable_set_text (GTK_EDITABLE (self->entry), escaped != NULL ? escaped : slice);
        }
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/**
 * gloss_search_bar_next:
 *
 * Moves to the next match after the current one (or the selection),
 * across documents when the whole corpus is searched, and round to the
 * first after the last. Opens the bar when it is closed. When the results
 * are still being searched for, the move is made once they are in.
 *
 * Returns: whether there was a match to move to (or a search under way)
 */
gboolean
gloss_search_bar_next (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), FALSE);

  return move (self, 1);
}

/**
 * gloss_search_bar_previous:
 *
 * Like gloss_search_bar_next(), backwards.
 *
 * Returns: whether there was a match to move to (or a search under way)
 */
gboolean
gloss_search_bar_previous (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), FALSE);

  return move (self, -1);
}

/**
 * gloss_search_bar_label_all:
 * @n_skipped: (out) (optional): how many matches already had the label
 * @error: return location for a #GLOSS_SEARCH_ERROR or #GLOSS_CORPUS_ERROR
 *
 * Gives #GlossSearchBar:label to every match of the entry's text in the
 * scope, through the corpus history as one undo step; an exact duplicate
 * is skipped.
 *
 * Returns: how many spans were added
 */
guint
gloss_search_bar_label_all (GlossSearchBar  *self,
                            guint           *n_skipped,
                            GError         **error)
{
  GlossSearchOptions options;

  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (n_skipped != NULL)
    *n_skipped = 0;

  if (self->corpus == NULL || self->label == NULL ||
      (self->scope == GLOSS_SEARCH_SCOPE_DOCUMENT && self->document == NULL))
    {
      g_set_error_literal (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT,
                           _("No document is open"));
      return 0;
    }

  get_options (self, &options);

  return gloss_search_label_all (self->corpus,
                                 self->scope == GLOSS_SEARCH_SCOPE_DOCUMENT ? self->document : NULL,
                                 get_text (self), &options, self->label, n_skipped, error);
}

GlossSearchScope
gloss_search_bar_get_scope (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), GLOSS_SEARCH_SCOPE_DOCUMENT);

  return self->scope;
}

/**
 * gloss_search_bar_set_scope:
 *
 * Searches the document shown or the whole corpus.
 */
void
gloss_search_bar_set_scope (GlossSearchBar   *self,
                            GlossSearchScope  scope)
{
  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  if (self->scope == scope)
    return;

  self->scope = scope;
  gtk_drop_down_set_selected (self->scope_dropdown, scope == GLOSS_SEARCH_SCOPE_CORPUS ? 1 : 0);
  run_search (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCOPE]);
}

const char *
gloss_search_bar_get_label (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), NULL);

  return self->label;
}

/**
 * gloss_search_bar_set_label:
 * @label: (nullable): the id of a label of the schema
 */
void
gloss_search_bar_set_label (GlossSearchBar *self,
                            const char     *label)
{
  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  for (guint i = 0; label != NULL && i < self->label_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->label_ids, i), label) &&
        gtk_drop_down_get_selected (self->label_dropdown) != i)
      gtk_drop_down_set_selected (self->label_dropdown, i);

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

void
gloss_search_bar_set_can_label (GlossSearchBar *self,
                                gboolean        can_label)
{
  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  can_label = !!can_label;
  if (self->can_label == can_label)
    return;

  self->can_label = can_label;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_LABEL]);
}

/**
 * gloss_search_bar_get_pattern:
 *
 * Returns: (nullable): the text the results are for, or %NULL while there
 *   are none (the bar is closed, or a search is under way)
 */
const char *
gloss_search_bar_get_pattern (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), NULL);

  return self->pattern;
}

gboolean
gloss_search_bar_get_searching (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), FALSE);

  return is_searching (self);
}

/**
 * gloss_search_bar_get_n_matches:
 *
 * Returns: how many matches there are in the scope
 */
guint
gloss_search_bar_get_n_matches (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), 0);

  return self->n_matches;
}

/**
 * gloss_search_bar_get_n_documents:
 *
 * Returns: how many documents have a match
 */
guint
gloss_search_bar_get_n_documents (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), 0);

  return get_n_results (self);
}

/**
 * gloss_search_bar_get_position:
 *
 * Returns: the current match's place among all matches in the scope,
 *   from 1, or 0 when no match is current
 */
guint
gloss_search_bar_get_position (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), 0);

  return get_ordinal (self);
}

/**
 * gloss_search_bar_get_error:
 *
 * Returns: (nullable): why the pattern finds nothing (GRegex's message for
 *   an invalid regular expression), or %NULL
 */
const GError *
gloss_search_bar_get_error (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), NULL);

  return self->error;
}

/**
 * gloss_search_bar_describe_count:
 * @position: the current match's place, from 1, or 0 for none
 * @n_documents: how many documents have a match
 *
 * Returns: (transfer full): the text of the match count, such as “3 of
 *   12” or “3 of 57 in 9 documents”
 */
char *
gloss_search_bar_describe_count (GlossSearchScope scope,
                                 guint            position,
                                 guint            n_matches,
                                 guint            n_documents)
{
  g_autofree char *matches = NULL;

  if (n_matches == 0)
    return g_strdup (_("No matches"));

  if (scope == GLOSS_SEARCH_SCOPE_DOCUMENT && position > 0)
    /* Translators: the current search match and how many there are, e.g. "3 of 12" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u", "%u of %u", n_matches),
                            position, n_matches);

  if (position > 0)
    /* Translators: the current search match, how many there are and in how many documents, e.g. "3 of 57 in 9 documents" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u in %u document", "%u of %u in %u documents",
                                         n_documents),
                            position, n_matches, n_documents);

  matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_matches), n_matches);
  if (scope == GLOSS_SEARCH_SCOPE_DOCUMENT)
    return g_steal_pointer (&matches);

  /* Translators: %s is a number of search matches ("57 matches"), then how many documents they are in */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u document", "%s in %u documents", n_documents),
                          matches, n_documents);
}

/**
 * gloss_search_bar_describe_labelled:
 * @n_added: how many spans Label All added
 * @n_skipped: how many matches already had a span of the label
 *
 * Returns: (transfer full): what Label All did, for a toast
 */
char *
gloss_search_bar_describe_labelled (guint n_added,
                                    guint n_skipped)
{
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;

  if (n_added == 0 && n_skipped == 0)
    return g_strdup (_("No matches to label"));

  if (n_added == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Nothing added: %u match was already labelled",
                                         "Nothing added: all %u matches were already labelled", n_skipped),
                            n_skipped);

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u span", "Added %u spans", n_added), n_added);
  if (n_skipped == 0)
    return g_steal_pointer (&added);

  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was already labelled", "%u were already labelled",
                                          n_skipped),
                             n_skipped);
  /* Translators: what Label All did, e.g. "Added 12 spans" and "3 were already labelled" */
  return g_strdup_printf (_("%s; %s"), added, skipped);
}
