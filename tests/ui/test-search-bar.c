/* test-search-bar.c: the search bar in the main window, driven through
 * its entry, its actions and the window's shortcuts' actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-application.h"
#include "ui-test-util.h"
#include "gloss-document-view.h"
#include "gloss-search-bar.h"
#include "gloss-window.h"

#define FOX_TEXT "The quick brown fox jumps over the lazy fox. Foxes? A fox."
#define VI_TEXT "Việt Nam 👍🏽 hòa bình, hòa hợp; việt nam 👩‍👩‍👧 Hòa Bình."

typedef struct
{
  GlossWindow       *window;
  GlossCorpus       *corpus;
  GlossSearchBar    *bar;
  GlossDocumentView *view;
  GtkEditable       *entry;
} Fixture;

/* One application for the whole run: it is exported on the session bus
 * under its id once registered. */
static GtkApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)))
        return found;
    }

  return NULL;
}

static GtkWidget *
get_part (Fixture    *f,
          const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->bar), GLOSS_TYPE_SEARCH_BAR, name));
}

/* A button by its icon or its action. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *icon_name,
             const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          ((icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0) ||
           (action_name != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)))
        return child;
      if ((found = find_button (child, icon_name, action_name)))
        return found;
    }

  return NULL;
}

static GtkWidget *
find_label_all (Fixture *f)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->bar), NULL, "search.label-all");

  g_assert_nonnull (button);

  return button;
}

static const char *
get_count (Fixture *f)
{
  return gtk_label_get_label (GTK_LABEL (get_part (f, "count_label")));
}

static GlossDocument *
add_document (GlossCorpus *corpus,
              const char  *id,
              const char  *text)
{
  g_autoptr(GlossDocument) document = gloss_document_new (id, id, text);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_corpus_add_document (corpus, document, &error));
  g_assert_no_error (error);

  return document;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gloss_window_new (app);
  g_object_ref (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));

  f->corpus = gloss_corpus_new ();
  f->bar = find_descendant (GTK_WIDGET (f->window), GLOSS_TYPE_SEARCH_BAR);
  f->view = find_descendant (GTK_WIDGET (f->window), GLOSS_TYPE_DOCUMENT_VIEW);
  g_assert_nonnull (f->bar);
  g_assert_nonnull (f->view);
  f->entry = GTK_EDITABLE (get_part (f, "entry"));
  iterate ();
}

static void
show_corpus (Fixture *f)
{
  gloss_corpus_set_dirty (f->corpus, FALSE);
  gloss_window_set_corpus (f->window, f->corpus);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_corpus_set_dirty (f->corpus, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* Nothing keeps a closed window alive, a search thread included. */
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->corpus);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
  iterate ();
}

static void
activate_in_bar (Fixture    *f,
                 const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), action, NULL));
  iterate ();
}

/* Waits until the results are those of the entry's text: the entry
 * searches a moment after the last key, the corpus in a thread. */
static void
wait_for_results (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((gloss_search_bar_get_searching (f->bar) ||
          g_strcmp0 (gloss_search_bar_get_pattern (f->bar), gtk_editable_get_text (f->entry)) != 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  iterate ();
  g_assert_false (gloss_search_bar_get_searching (f->bar));
  g_assert_cmpstr (gloss_search_bar_get_pattern (f->bar), ==, gtk_editable_get_text (f->entry));
}

static void
type (Fixture    *f,
      const char *text)
{
  gtk_editable_set_text (f->entry, text);
  wait_for_results (f);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The text view gives up X11's PRIMARY selection when its selection goes
 * empty, and claims it again with the next one. The X server tells of the
 * first after the fact, and a text buffer that hears it lost PRIMARY drops
 * its selection: people take longer between a click and Ctrl+G, tests must
 * wait as long. */
static void
let_selection_settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_selection (Fixture *f,
                  guint    start,
                  guint    end)
{
  guint s;
  guint e;

  g_assert_true (gloss_document_view_get_selection (f->view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
}

static gboolean
focus_is_within (Fixture   *f,
                 GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tests */

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  GlossDocument *document = add_document (f->corpus, "fox", FOX_TEXT);

  show_corpus (f);
  g_assert_false (gloss_search_bar_get_search_mode (f->bar));

  activate (f, "win.find", NULL);
  g_assert_true (gloss_search_bar_get_search_mode (f->bar));
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->entry)));

  /* Case is ignored by default; typing moves to the first match. */
  type (f, "fox");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
  g_assert_cmpuint (gloss_search_bar_get_position (f->bar), ==, 1);
  g_assert_cmpstr (get_count (f), ==, "1 of 4");
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 4);
  g_assert_cmpuint (gloss_document_view_get_current_match (f->view), ==, 0);
  assert_selection (f, 16, 19);
  /* The keyboard stays in the entry while typing. */
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->entry)));

  type (f, "foxes");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 1);
  g_assert_cmpstr (get_count (f), ==, "1 of 1");
  assert_selection (f, 45, 50);

  type (f, "fax");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 0);
  g_assert_cmpstr (get_count (f), ==, "No matches");
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 0);

  type (f, "");
  g_assert_cmpstr (get_count (f), ==, "");
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 0);
  g_assert_true (gloss_window_get_document (f->window) == document);
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  add_document (f->corpus, "fox", FOX_TEXT);
  add_document (f->corpus, "pillars", "pillars and a pillar, Pillar.");
  show_corpus (f);
  activate (f, "win.find", NULL);

  /* Literal text: the dot is a dot. */
  type (f, "f.x");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 0);
  activate_in_bar (f, "search.regex");
  g_assert_true (gtk_toggle_button_get_active (find_descendant (get_part (f, "search_bar"), GTK_TYPE_TOGGLE_BUTTON)));
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
  type (f, "f[aeiou]x(es)?\\b");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
  activate_in_bar (f, "search.regex");
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 0);

  /* Match Case. */
  type (f, "Fox");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
  activate_in_bar (f, "search.match-case");
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 1);
  assert_selection (f, 45, 48);
  activate_in_bar (f, "search.match-case");
  wait_for_results (f);

  /* Whole Words: "Foxes" no longer counts. */
  type (f, "fox");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
  activate_in_bar (f, "search.whole-words");
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 3);

  /* The options hold in the next document too. */
  activate (f, "win.next-document", NULL);
  type (f, "pillar");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 2);
  activate_in_bar (f, "search.match-case");
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 1);
  assert_selection (f, 14, 20);
}

static void
test_unicode (Fixture       *f,
              gconstpointer  data)
{
  GlossDocument *document = add_document (f->corpus, "vi", VI_TEXT);
  GlossSpan *span;

  show_corpus (f);
  activate (f, "win.find", NULL);

  /* Offsets are code points: 👍🏽 is two, the ZWJ family five. */
  type (f, "việt nam");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 2);
  assert_selection (f, 0, 8);
  activate (f, "win.find-next", NULL);
  assert_selection (f, 31, 39);

  type (f, "👍🏽");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 1);
  assert_selection (f, 9, 11);

  /* A woman alone would split the family: no match. */
  type (f, "👩");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 0);

  type (f, "hòa bình");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 2);
  assert_selection (f, 12, 20);
  activate (f, "win.find-previous", NULL);
  assert_selection (f, 46, 54);

  /* Part of a word: after Escape, the label key labels exactly the match,
   * not the words it touches, and the view has the keyboard. Typing
   * searches from the selection, wherever the user put it. */
  gloss_document_view_select_range (f->view, 0, 0);
  type (f, "òa b");
  assert_selection (f, 13, 17);
  g_signal_emit_by_name (f->entry, "stop-search");
  iterate ();
  g_assert_false (gloss_search_bar_get_search_mode (f->bar));
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->view)));
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 0);
  g_assert_true (gloss_document_view_handle_key (f->view, GDK_KEY_1, 0));

  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 1);
  span = gloss_document_get_span (document, 0);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 13);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 17);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");

  /* The pattern outlives the bar: Ctrl+G opens it again and goes on, the
   * keyboard staying in the text. */
  let_selection_settle ();
  activate (f, "win.find-next", NULL);
  g_assert_true (gloss_search_bar_get_search_mode (f->bar));
  assert_selection (f, 47, 51);
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->view)));

  /* A selection that is not a match does snap to words. */
  gloss_document_view_select_range (f->view, 23, 27);
  g_assert_true (gloss_document_view_handle_key (f->view, GDK_KEY_2, 0));
  g_assert_nonnull (gloss_document_find_span (document, 22, 29, "task"));
}

static void
test_next_previous_wrap (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (f->entry);

  add_document (f->corpus, "fox", FOX_TEXT);
  show_corpus (f);
  activate (f, "win.find", NULL);
  activate_in_bar (f, "search.whole-words");
  type (f, "fox");
  g_assert_cmpuint (gloss_search_bar_get_position (f->bar), ==, 1);

  /* Enter and Ctrl+G in the entry, and the buttons' actions. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (get_count (f), ==, "2 of 3");
  assert_selection (f, 40, 43);
  g_signal_emit_by_name (entry, "next-match");
  assert_selection (f, 54, 57);
  activate_in_bar (f, "search.next");
  g_assert_cmpstr (get_count (f), ==, "1 of 3");
  assert_selection (f, 16, 19);
  activate_in_bar (f, "search.previous");
  g_assert_cmpstr (get_count (f), ==, "3 of 3");
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpstr (get_count (f), ==, "2 of 3");
  g_assert_true (focus_is_within (f, entry));

  /* From a cursor the user moved off the match: the last one before it,
   * or the next one after it. */
  gloss_document_view_select_range (f->view, 44, 44);
  let_selection_settle ();
  activate (f, "win.find-previous", NULL);
  assert_selection (f, 40, 43);
  g_assert_cmpstr (get_count (f), ==, "2 of 3");
  gloss_document_view_select_range (f->view, 20, 20);
  let_selection_settle ();
  activate (f, "win.find-next", NULL);
  assert_selection (f, 40, 43);
}

static void
test_corpus_scope (Fixture       *f,
                   gconstpointer  data)
{
  GlossDocument *first = add_document (f->corpus, "a", "Hòa bình và hợp tác. Hòa bình!");
  GlossDocument *second = add_document (f->corpus, "b", "Không có gì ở đây.");
  GlossDocument *third = add_document (f->corpus, "c", "Một nền hòa bình lâu dài.");
  GtkWidget *entry = GTK_WIDGET (f->entry);

  show_corpus (f);
  activate (f, "win.find", NULL);
  type (f, "hòa bình");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 2);
  g_assert_cmpstr (get_count (f), ==, "1 of 2");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_part (f, "scope_dropdown")), 1);
  g_assert_cmpint (gloss_search_bar_get_scope (f->bar), ==, GLOSS_SEARCH_SCOPE_CORPUS);
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 3);
  g_assert_cmpuint (gloss_search_bar_get_n_documents (f->bar), ==, 2);
  g_assert_cmpstr (get_count (f), ==, "1 of 3 in 2 documents");

  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gloss_window_get_document (f->window) == first);
  assert_selection (f, 21, 29);

  /* On to the next document with a match, which the window shows (and
   * selects in the sidebar); the keyboard stays in the entry. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gloss_window_get_document (f->window) == third);
  g_assert_true (gloss_document_view_get_document (f->view) == third);
  g_assert_cmpstr (get_count (f), ==, "3 of 3 in 2 documents");
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 1);
  assert_selection (f, 8, 16);
  g_assert_true (focus_is_within (f, entry));

  /* Round to the first document, and back. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gloss_window_get_document (f->window) == first);
  g_assert_cmpstr (get_count (f), ==, "1 of 3 in 2 documents");
  assert_selection (f, 0, 8);
  activate (f, "win.find-previous", NULL);
  g_assert_true (gloss_window_get_document (f->window) == third);
  g_assert_cmpuint (gloss_search_bar_get_position (f->bar), ==, 3);

  /* From a document without a match, Next takes the nearest one after it. */
  gloss_window_show_document (f->window, second);
  iterate ();
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 0);
  g_assert_cmpstr (get_count (f), ==, "3 matches in 2 documents");
  activate (f, "win.find-next", NULL);
  g_assert_true (gloss_window_get_document (f->window) == third);
  gloss_window_show_document (f->window, second);
  iterate ();
  activate (f, "win.find-previous", NULL);
  g_assert_true (gloss_window_get_document (f->window) == first);
  g_assert_cmpuint (gloss_search_bar_get_position (f->bar), ==, 2);

  /* A new document joins the results. */
  add_document (f->corpus, "d", "Hòa bình.");
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
  g_assert_cmpuint (gloss_search_bar_get_n_documents (f->bar), ==, 3);
}

static void
test_real_text (Fixture       *f,
                gconstpointer  data)
{
  const char *dir = g_getenv ("GLOSS_SHARED_FIXTURES");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GError) error = NULL;
  guint expected = 0;

  if (dir == NULL)
    {
      g_test_skip ("GLOSS_SHARED_FIXTURES is not set");
      return;
    }

  path = g_build_filename (dir, "vna-diplomacy-80th.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("vna-diplomacy-80th.txt is not in GLOSS_SHARED_FIXTURES");
      return;
    }
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  /* Counted here independently of GRegex: the text is ASCII where it
   * matters, so lower case is case folding. */
  lower = g_ascii_strdown (text, -1);
  for (const char *p = lower; (p = strstr (p, "diplomacy")) != NULL; p += strlen ("diplomacy"))
    expected++;
  g_assert_cmpuint (expected, >, 3);

  add_document (f->corpus, "real", text);
  add_document (f->corpus, "other", "Public diplomacy; DIPLOMACY.");
  show_corpus (f);
  activate (f, "win.find", NULL);
  type (f, "diplomacy");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, expected);

  gloss_search_bar_set_scope (f->bar, GLOSS_SEARCH_SCOPE_CORPUS);
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, expected + 2);
  g_assert_cmpuint (gloss_search_bar_get_n_documents (f->bar), ==, 2);
}

static void
test_label_all (Fixture       *f,
                gconstpointer  data)
{
  GlossDocument *first = add_document (f->corpus, "a", "Hòa bình và hợp tác. Hòa bình!");
  GlossDocument *second = add_document (f->corpus, "b", "Một nền hòa bình lâu dài.");
  GlossHistory *history = gloss_corpus_get_history (f->corpus);
  g_autoptr(GlossSpan) existing = gloss_span_new (21, 29, "task");
  g_autoptr(GError) error = NULL;
  GtkDropDown *labels;
  guint n_skipped = 0;

  g_assert_true (gloss_document_add_span (first, existing, &error));
  g_assert_no_error (error);
  show_corpus (f);
  activate (f, "win.find", NULL);

  /* Nothing to label yet. */
  g_assert_false (gtk_widget_get_sensitive (find_label_all (f)));
  type (f, "hòa bình");
  g_assert_true (gtk_widget_get_sensitive (find_label_all (f)));

  /* The dropdown lists the schema's labels by their display names. */
  labels = GTK_DROP_DOWN (get_part (f, "label_dropdown"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (labels)), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (labels)), 1), ==, "Task");
  gtk_drop_down_set_selected (labels, 1);
  g_assert_cmpstr (gloss_search_bar_get_label (f->bar), ==, "task");

  /* This document: one added, the labelled one skipped. */
  g_assert_cmpuint (gloss_search_bar_label_all (f->bar, &n_skipped, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_nonnull (gloss_document_find_span (first, 0, 8, "task"));
  g_assert_cmpuint (gloss_document_get_n_spans (second), ==, 0);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (gloss_document_get_n_spans (first), ==, 1);

  /* The whole corpus, from the button's action: one undo step. */
  gloss_search_bar_set_scope (f->bar, GLOSS_SEARCH_SCOPE_CORPUS);
  gloss_search_bar_set_label (f->bar, "pillar");
  g_assert_cmpuint (gtk_drop_down_get_selected (labels), ==, 2);
  wait_for_results (f);
  activate_in_bar (f, "search.label-all");
  g_assert_cmpuint (gloss_document_get_n_spans (first), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (second), ==, 1);
  g_assert_nonnull (gloss_document_find_span (first, 0, 8, "pillar"));
  g_assert_nonnull (gloss_document_find_span (first, 21, 29, "pillar"));
  g_assert_nonnull (gloss_document_find_span (second, 8, 16, "pillar"));

  /* The matches stay highlighted through undo and redo. */
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (gloss_document_get_n_spans (first), ==, 1);
  g_assert_cmpuint (gloss_document_get_n_spans (second), ==, 0);
  g_assert_true (gloss_document_get_span (first, 0) == existing);
  g_assert_false (gloss_history_get_can_undo (history));
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 3);
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 2);
  activate (f, "win.redo", NULL);
  g_assert_cmpuint (gloss_document_get_n_spans (second), ==, 1);
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 2);
  g_assert_true (g_str_has_suffix (get_count (f), " of 3 in 2 documents"));

  /* Not while a thread reads the corpus. */
  gloss_search_bar_set_can_label (f->bar, FALSE);
  g_assert_false (gtk_widget_get_sensitive (find_label_all (f)));
}

static void
test_invalid_regex (Fixture       *f,
                    gconstpointer  data)
{
  GlossDocument *document = add_document (f->corpus, "fox", FOX_TEXT);
  GtkWidget *entry = GTK_WIDGET (f->entry);
  g_autoptr(GError) error = NULL;
  const GError *shown;

  show_corpus (f);
  activate (f, "win.find", NULL);
  activate_in_bar (f, "search.regex");
  type (f, "fox(");

  shown = gloss_search_bar_get_error (f->bar);
  g_assert_error (shown, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_PATTERN);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, shown->message);
  g_assert_cmpstr (get_count (f), ==, shown->message);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 0);
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 0);

  /* Label All is off, and refuses when called anyway. */
  g_assert_false (gtk_widget_get_sensitive (find_label_all (f)));
  g_assert_cmpuint (gloss_search_bar_label_all (f->bar, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_PATTERN);
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 0);
  g_assert_false (gloss_history_get_can_undo (gloss_corpus_get_history (f->corpus)));
  g_assert_false (gloss_search_bar_next (f->bar));

  /* In the corpus too, and fixing the pattern clears the error. */
  gloss_search_bar_set_scope (f->bar, GLOSS_SEARCH_SCOPE_CORPUS);
  wait_for_results (f);
  g_assert_nonnull (gloss_search_bar_get_error (f->bar));
  type (f, "fox(es)?");
  g_assert_null (gloss_search_bar_get_error (f->bar));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 4);
}

static void
test_open_close (Fixture       *f,
                 gconstpointer  data)
{
  GlossDocument *first = add_document (f->corpus, "a", "alpha beta alpha");
  GlossDocument *second = add_document (f->corpus, "b", "beta beta alpha beta");
  GtkToggleButton *button = NULL;

  show_corpus (f);
  g_assert_true (gloss_window_get_document (f->window) == first);

  /* The header bar's toggle follows the bar, both ways. */
  button = GTK_TOGGLE_BUTTON (find_button (GTK_WIDGET (f->window), "edit-find-symbolic", NULL));
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (button, TRUE);
  iterate ();
  g_assert_true (gloss_search_bar_get_search_mode (f->bar));
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->entry)));

  /* Ctrl+F in the entry closes the bar, and the text has the keyboard. */
  activate (f, "win.find", NULL);
  g_assert_false (gloss_search_bar_get_search_mode (f->bar));
  g_assert_false (gtk_toggle_button_get_active (button));
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->view)));

  /* Ctrl+F again after Escape keeps the pattern that found the match
   * still selected. */
  gtk_toggle_button_set_active (button, TRUE);
  activate_in_bar (f, "search.regex");
  type (f, "al[a-z]+");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 2);
  assert_selection (f, 0, 5);
  g_signal_emit_by_name (f->entry, "stop-search");
  iterate ();
  activate (f, "win.find", NULL);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "al[a-z]+");
  activate_in_bar (f, "search.regex");
  activate (f, "win.find", NULL);
  g_assert_false (gloss_search_bar_get_search_mode (f->bar));

  /* Ctrl+F with a short selection searches for it. */
  gloss_document_view_select_range (f->view, 6, 10);
  activate (f, "win.find", NULL);
  g_assert_true (gtk_toggle_button_get_active (button));
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "beta");
  wait_for_results (f);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 1);

  /* Another document is searched as soon as it is shown. */
  activate (f, "win.next-document", NULL);
  g_assert_true (gloss_window_get_document (f->window) == second);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (f->bar), ==, 3);
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 3);
  g_assert_cmpuint (gloss_search_bar_get_position (f->bar), ==, 0);
  g_assert_cmpstr (get_count (f), ==, "3 matches");

  /* The buttons move from the cursor at the top; closing keeps the
   * selection and hands the keyboard to the text. */
  gtk_widget_grab_focus (get_part (f, "scope_dropdown"));
  g_assert_true (gtk_widget_activate_action (get_part (f, "scope_dropdown"), "search.next", NULL));
  g_assert_true (gtk_widget_activate_action (get_part (f, "scope_dropdown"), "search.next", NULL));
  g_assert_cmpuint (gloss_search_bar_get_position (f->bar), ==, 2);
  gtk_toggle_button_set_active (button, FALSE);
  iterate ();
  g_assert_false (gloss_search_bar_get_search_mode (f->bar));
  g_assert_cmpuint (gloss_document_view_get_n_matches (f->view), ==, 0);
  g_assert_true (focus_is_within (f, GTK_WIDGET (f->view)));
  assert_selection (f, 5, 9);
}

static void
test_describe (void)
{
  g_autofree char *none = gloss_search_bar_describe_count (GLOSS_SEARCH_SCOPE_DOCUMENT, 0, 0, 0);
  g_autofree char *one_of = gloss_search_bar_describe_count (GLOSS_SEARCH_SCOPE_DOCUMENT, 3, 12, 1);
  g_autofree char *some = gloss_search_bar_describe_count (GLOSS_SEARCH_SCOPE_DOCUMENT, 0, 1, 1);
  g_autofree char *corpus = gloss_search_bar_describe_count (GLOSS_SEARCH_SCOPE_CORPUS, 3, 57, 9);
  g_autofree char *corpus_one = gloss_search_bar_describe_count (GLOSS_SEARCH_SCOPE_CORPUS, 0, 2, 1);
  g_autofree char *added = gloss_search_bar_describe_labelled (12, 3);
  g_autofree char *added_one = gloss_search_bar_describe_labelled (1, 0);
  g_autofree char *skipped = gloss_search_bar_describe_labelled (0, 4);

  g_assert_cmpstr (none, ==, "No matches");
  g_assert_cmpstr (one_of, ==, "3 of 12");
  g_assert_cmpstr (some, ==, "1 match");
  g_assert_cmpstr (corpus, ==, "3 of 57 in 9 documents");
  g_assert_cmpstr (corpus_one, ==, "2 matches in 1 document");
  g_assert_cmpstr (added, ==, "Added 12 spans; 3 were already labelled");
  g_assert_cmpstr (added_one, ==, "Added 1 span");
  g_assert_cmpstr (skipped, ==, "Nothing added: all 4 matches were already labelled");
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/gloss/ui/search-bar/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("count", test_count);
  ADD ("options", test_options);
  ADD ("unicode", test_unicode);
  ADD ("next-previous-wrap", test_next_previous_wrap);
  ADD ("corpus-scope", test_corpus_scope);
  ADD ("real-text", test_real_text);
  ADD ("label-all", test_label_all);
  ADD ("invalid-regex", test_invalid_regex);
  ADD ("open-close", test_open_close);
#undef ADD
  g_test_add_func ("/gloss/ui/search-bar/describe", test_describe);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
