/* test-document-view.c: the document view, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "gloss-document-view.h"
#include "gloss-resources.h"
#include "gloss-span-layout.h"

typedef struct
{
  GlossCorpus       *corpus;
  GlossDocument     *document;
  GtkWidget         *window;
  GlossDocumentView *view;
} Fixture;

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
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

  return g_steal_pointer (&document);
}

static void
fixture_set_up_text (Fixture    *fixture,
                     const char *text)
{
  GtkWidget *scroller;

  fixture->corpus = gloss_corpus_new ();
  fixture->document = add_document (fixture->corpus, "doc", text);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 500);
  scroller = gtk_scrolled_window_new ();
  fixture->view = GLOSS_DOCUMENT_VIEW (gloss_document_view_new ());
  g_object_ref (fixture->view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);

  gloss_document_view_set_document (fixture->view, fixture->corpus, fixture->document);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_text (fixture, data != NULL ? data : "Hello world");
}

static void
fixture_present (Fixture *fixture)
{
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->view)))
    g_main_context_iteration (NULL, TRUE);
  wait_ms (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossDocumentView *view = fixture->view;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->corpus);

  /* Nothing else keeps the view, its popovers or its connections alive. */
  g_assert_finalize_object (view);
}

static GlossHistory *
history (Fixture *fixture)
{
  return gloss_corpus_get_history (fixture->corpus);
}

static GlossSpan *
add_span (Fixture    *fixture,
          guint       start,
          guint       end,
          const char *label)
{
  g_autoptr(GlossSpan) span = gloss_span_new (start, end, label);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_add_span (history (fixture), fixture->document, span, &error));
  g_assert_no_error (error);

  return span;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_by_css_class (child, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* The popover of the view that is open, with a given style class. */
static GtkWidget *
find_popover (Fixture    *fixture,
              const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_has_css_class (child, css_class) &&
        gtk_widget_get_visible (child))
      return child;

  return NULL;
}

static GdkTexture *render          (GtkWidget  *widget);
static void        save_screenshot (GdkTexture *texture,
                                    const char *name);

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_set_document (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint notified = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Hello world");
  g_assert_true (gloss_document_view_get_document (fixture->view) == fixture->document);
  g_assert_true (gloss_document_view_get_corpus (fixture->view) == fixture->corpus);

  /* Read-only, but with a cursor for keyboard selection. */
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (fixture->view)));
  g_assert_true (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (fixture->view)));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (fixture->view)), !=, GTK_WRAP_NONE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->view), "documentview"));

  g_signal_connect (fixture->view, "notify::document", G_CALLBACK (on_notify_cb), &notified);

  /* The same document again changes nothing. */
  gloss_document_view_set_document (fixture->view, fixture->corpus, fixture->document);
  g_assert_cmpuint (notified, ==, 0);

  gloss_document_view_set_document (fixture->view, NULL, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (gloss_document_view_get_document (fixture->view));
  g_assert_null (gloss_document_view_get_corpus (fixture->view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);

  gloss_document_view_set_document (fixture->view, fixture->corpus, fixture->document);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 11);
}

static void
test_annotator_property (Fixture       *fixture,
                         gconstpointer  data)
{
  guint notified = 0;
  g_autofree char *value = NULL;

  g_signal_connect (fixture->view, "notify::annotator", G_CALLBACK (on_notify_cb), &notified);
  gloss_document_view_set_annotator (fixture->view, "ada");
  g_assert_cmpuint (notified, ==, 1);
  gloss_document_view_set_annotator (fixture->view, "ada");
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (fixture->view, "annotator", "grace", NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (fixture->view, "annotator", &value, NULL);
  g_assert_cmpstr (value, ==, "grace");
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  guint start, end;

  g_assert_false (gloss_document_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 0);

  gloss_document_view_select_range (fixture->view, 3, 9);
  g_assert_true (gloss_document_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, 3);
  g_assert_cmpuint (end, ==, 9);
  g_assert_cmpuint (gloss_document_view_get_cursor (fixture->view), ==, 9);
}

static void
test_selection_code_points (Fixture       *fixture,
                            gconstpointer  data)
{
  guint start, end;
  g_autofree char *slice = NULL;

  /* Offsets are code points, not bytes: "Xin chào 👋 thế giới". */
  gloss_document_view_select_range (fixture->view, 9, 10);
  g_assert_true (gloss_document_view_get_selection (fixture->view, &start, &end));
  slice = gloss_document_dup_slice (fixture->document, start, end);
  g_assert_cmpstr (slice, ==, "👋");
}

static void
test_keyboard_selection (Fixture       *fixture,
                         gconstpointer  data)
{
  guint start, end;

  /* Ctrl+Shift+Right is the text view's own move-cursor, extending. */
  fixture_present (fixture);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  g_signal_emit_by_name (fixture->view, "move-cursor", GTK_MOVEMENT_WORDS, 1, TRUE);
  g_assert_true (gloss_document_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 5);

  /* Shift+Right: one more character. */
  g_signal_emit_by_name (fixture->view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, 1, TRUE);
  g_assert_true (gloss_document_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (end, ==, 6);

  /* Typing does not change a read-only text. */
  g_signal_emit_by_name (fixture->view, "insert-at-cursor", "zzz");
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view))), ==, 11);
}

static void
test_label_snap (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  GlossSpan *span;

  gloss_document_view_set_annotator (fixture->view, "ada");
  gloss_document_view_select_range (fixture->view, 3, 9);
  span = gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);

  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 1);
  g_assert_true (gloss_document_get_span (fixture->document, 0) == span);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 0);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 11);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  g_assert_cmpstr (gloss_span_get_annotator (span), ==, "ada");

  /* Created now, in ISO 8601 UTC. */
  g_assert_true (g_str_has_suffix (gloss_span_get_created (span), "Z"));
  parsed = g_date_time_new_from_iso8601 (gloss_span_get_created (span), NULL);
  g_assert_nonnull (parsed);

  /* The cursor moves past the span and the selection goes. */
  g_assert_false (gloss_document_view_get_selection (fixture->view, NULL, NULL));
  g_assert_cmpuint (gloss_document_view_get_cursor (fixture->view), ==, 11);
}

static void
test_label_exact (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossSpan *span;

  gloss_document_view_select_range (fixture->view, 3, 9);
  span = gloss_document_view_label_selection (fixture->view, "task", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 3);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 9);
  g_assert_cmpstr (gloss_span_get_annotator (span), ==, "");
  g_assert_true (gloss_document_find_span (fixture->document, 3, 9, "task") == span);
}

static void
test_label_clusters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossSpan *span;

  /* "cafe\u0301 👩‍💻 ok": selecting "caf" + "e" without its accent, or half
   * of a ZWJ sequence, takes the whole cluster even without snapping. */
  gloss_document_view_select_range (fixture->view, 1, 4);
  span = gloss_document_view_label_selection (fixture->view, "task", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 1);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 5);

  gloss_document_view_select_range (fixture->view, 7, 8);
  span = gloss_document_view_label_selection (fixture->view, "task", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 6);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 9);
}

static void
test_label_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing selected. */
  g_assert_null (gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE);
  g_clear_error (&error);
  g_assert_null (gloss_document_view_label_selection (fixture->view, "principle", FALSE, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  /* Only spaces, snapping. */
  gloss_document_view_select_range (fixture->view, 5, 6);
  g_assert_null (gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  /* A label the schema lacks. */
  gloss_document_view_select_range (fixture->view, 0, 5);
  g_assert_null (gloss_document_view_label_selection (fixture->view, "nonsense", TRUE, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_LABEL);
  g_clear_error (&error);

  /* A duplicate. */
  g_assert_nonnull (gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error));
  g_assert_no_error (error);
  gloss_document_view_select_range (fixture->view, 1, 3);
  g_assert_null (gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_clear_error (&error);
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 1);

  /* No document. */
  gloss_document_view_set_document (fixture->view, NULL, NULL);
  g_assert_null (gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error));
  g_assert_error (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gloss_document_view_select_range (fixture->view, 3, 9);
  g_assert_nonnull (gloss_document_view_label_selection (fixture->view, "principle", TRUE, &error));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 1);
  g_assert_true (gloss_history_get_can_undo (history (fixture)));

  g_assert_true (gloss_history_undo (history (fixture)));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 0);

  g_assert_true (gloss_history_redo (history (fixture)));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 0, 11, "principle"));
}

static void
test_relabel_and_note (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossSpan *span = add_span (fixture, 0, 5, "principle");

  add_span (fixture, 0, 5, "pillar");

  g_assert_true (gloss_document_view_relabel_span (fixture->view, span, "task", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "task");

  g_assert_false (gloss_document_view_relabel_span (fixture->view, span, "pillar", &error));
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_DUPLICATE_SPAN);
  g_clear_error (&error);

  g_assert_true (gloss_document_view_set_span_note (fixture->view, span, "check this", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_note (span), ==, "check this");

  /* Each went through the history. */
  g_assert_true (gloss_history_undo (history (fixture)));
  g_assert_cmpstr (gloss_span_get_note (span) ? gloss_span_get_note (span) : "", ==, "");
  g_assert_true (gloss_history_undo (history (fixture)));
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
}

static void
test_popover (Fixture       *fixture,
              gconstpointer  data)
{
  GlossSpan *span = add_span (fixture, 6, 11, "principle");
  GtkWidget *popover;
  GtkWidget *dropdown;
  GtkWidget *entry;
  GtkWidget *button;
  GListModel *model;

  fixture_present (fixture);
  gloss_document_view_show_span_popover (fixture->view, span);
  popover = find_popover (fixture, "documentview-span-popover");
  g_assert_nonnull (popover);

  /* The dropdown lists the labels by name, the span's own selected. */
  dropdown = find_descendant (popover, GTK_TYPE_DROP_DOWN);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Principle");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);

  /* Rendered, for a look when asked. */
  if (g_getenv ("GLOSS_TEST_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = render (popover);

      save_screenshot (texture, "document-view-popover.png");
    }

  /* Choosing another relabels. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "pillar");

  /* A note is set on Enter, and closes the popover. */
  entry = find_descendant (popover, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "a <note> & more");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gloss_span_get_note (span), ==, "a <note> & more");
  wait_ms (50);
  g_assert_null (find_popover (fixture, "documentview-span-popover"));

  /* Undo of the note while the popover is open shows in the entry. */
  gloss_document_view_show_span_popover (fixture->view, span);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "a <note> & more");
  g_assert_true (gloss_history_undo (history (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* A relabel elsewhere updates the dropdown. */
  gloss_document_view_relabel_span (fixture->view, span, "task", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 1);

  /* Delete removes the span and closes the popover. */
  button = find_by_css_class (popover, "destructive-action");
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 0);
  wait_ms (50);
  g_assert_null (find_popover (fixture, "documentview-span-popover"));

  g_assert_true (gloss_history_undo (history (fixture)));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 1);
}

static void
test_edit_at_cursor (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *popover;
  GtkWidget *list;

  fixture_present (fixture);

  /* Nothing to edit: Enter stays the text view's. */
  g_assert_false (gloss_document_view_handle_key (fixture->view, GDK_KEY_Return, 0));
  g_assert_false (gloss_document_view_edit_at_cursor (fixture->view));

  /* One span: its popover. */
  add_span (fixture, 6, 11, "task");
  gloss_document_view_select_range (fixture->view, 8, 8);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_Return, 0));
  popover = find_popover (fixture, "documentview-span-popover");
  g_assert_nonnull (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_ms (50);

  /* Two: which one first, then its popover. */
  add_span (fixture, 0, 11, "principle");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.edit-span", NULL));
  popover = find_popover (fixture, "documentview-choose-popover");
  g_assert_nonnull (popover);
  list = find_descendant (popover, GTK_TYPE_LIST_BOX);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 2);
  wait_ms (50);
  g_assert_null (find_popover (fixture, "documentview-choose-popover"));
  popover = find_popover (fixture, "documentview-span-popover");
  g_assert_nonnull (popover);

  /* Its dropdown shows the span chosen: [6,11) task, after [0,11). */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_descendant (popover, GTK_TYPE_DROP_DOWN))), ==, 1);
}

static void
test_popover_span_removed (Fixture       *fixture,
                           gconstpointer  data)
{
  GlossSpan *span = add_span (fixture, 6, 11, "principle");

  fixture_present (fixture);
  gloss_document_view_show_span_popover (fixture->view, span);
  g_assert_nonnull (find_popover (fixture, "documentview-span-popover"));

  /* Undo removes the span under the popover: it closes. */
  g_assert_true (gloss_history_undo (history (fixture)));
  wait_ms (50);
  g_assert_null (find_popover (fixture, "documentview-span-popover"));
}

static void
test_delete_at_cursor (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *popover;
  GtkWidget *list;
  GlossSpan *inner;

  /* Nothing at the cursor. */
  g_assert_false (gloss_document_view_delete_at_cursor (fixture->view));

  /* One span: removed at once, from inside or just after it. */
  add_span (fixture, 0, 5, "principle");
  gloss_document_view_select_range (fixture->view, 2, 2);
  g_assert_true (gloss_document_view_delete_at_cursor (fixture->view));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 0);

  add_span (fixture, 0, 5, "principle");
  gloss_document_view_select_range (fixture->view, 5, 5);
  g_assert_true (gloss_document_view_delete_at_cursor (fixture->view));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 0);
  g_assert_true (gloss_history_undo (history (fixture)));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 1);

  /* Several: a popover asks which. */
  fixture_present (fixture);
  add_span (fixture, 0, 11, "task");
  inner = add_span (fixture, 0, 5, "pillar");
  gloss_document_view_select_range (fixture->view, 1, 1);
  g_assert_true (gloss_document_view_delete_at_cursor (fixture->view));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 3);

  popover = find_popover (fixture, "documentview-choose-popover");
  g_assert_nonnull (popover);
  if (g_getenv ("GLOSS_TEST_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = render (popover);

      save_screenshot (texture, "document-view-choose.png");
    }
  list = find_descendant (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));

  /* Rows are in document order: [0,5) pillar, [0,5) principle, [0,11) task. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 2);
  g_assert_false (gloss_document_find_span_position (fixture->document, inner, NULL));
  wait_ms (50);
  g_assert_null (find_popover (fixture, "documentview-choose-popover"));
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GlossLabel) label = NULL;

  /* 1 labels with snapping. */
  gloss_document_view_select_range (fixture->view, 3, 9);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_1, 0));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 0, 11, "principle"));

  /* Alt+2 labels exactly the selection. */
  gloss_document_view_select_range (fixture->view, 3, 9);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 3, 9, "task"));

  /* Ctrl+3 is a shortcut, not a label; keys of no label pass. */
  gloss_document_view_select_range (fixture->view, 0, 5);
  g_assert_false (gloss_document_view_handle_key (fixture->view, GDK_KEY_3, GDK_CONTROL_MASK));
  g_assert_false (gloss_document_view_handle_key (fixture->view, GDK_KEY_x, 0));
  g_assert_false (gloss_document_view_handle_key (fixture->view, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 2);

  /* A key that needs Shift, such as !, works once a label has it. */
  label = gloss_label_new ("claim", "Claim", "#c01c28", "!", NULL);
  g_assert_true (gloss_schema_add (gloss_corpus_get_schema (fixture->corpus), label, NULL));
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_exclam, GDK_SHIFT_MASK));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 0, 5, "claim"));

  /* A refused label (a duplicate) is still handled, with a bell. */
  gloss_document_view_select_range (fixture->view, 0, 5);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_exclam, GDK_SHIFT_MASK));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 3);

  /* Delete removes the span at the cursor. */
  gloss_document_view_select_range (fixture->view, 10, 10);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_Delete, 0));
  g_assert_null (gloss_document_find_span (fixture->document, 0, 11, "principle"));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture->document), ==, 2);

  /* Shift+Delete is not ours. */
  g_assert_false (gloss_document_view_handle_key (fixture->view, GDK_KEY_Delete, GDK_SHIFT_MASK));
}

static void
test_keys_without_snapping (Fixture       *fixture,
                            gconstpointer  data)
{
  g_object_set (fixture->view, "snap-to-words", FALSE, NULL);

  /* With snapping off, a label key keeps the selection as it is. */
  gloss_document_view_select_range (fixture->view, 3, 9);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_1, 0));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 3, 9, "principle"));
  g_assert_null (gloss_document_find_span (fixture->document, 0, 11, "principle"));

  g_object_set (fixture->view, "snap-to-words", TRUE, NULL);
  gloss_document_view_select_range (fixture->view, 3, 9);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_1, 0));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 0, 11, "principle"));
}

static void
on_action_failed_cb (GlossDocumentView *view,
                     const GError      *error,
                     GError           **copy)
{
  g_clear_error (copy);
  *copy = g_error_copy (error);
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) failed = NULL;

  g_signal_connect (fixture->view, "action-failed", G_CALLBACK (on_action_failed_cb), &failed);

  gloss_document_view_select_range (fixture->view, 1, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.label", "s", "pillar"));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 0, 5, "pillar"));
  g_assert_no_error (failed);

  gloss_document_view_select_range (fixture->view, 1, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.label-exact", "s", "pillar"));
  g_assert_nonnull (gloss_document_find_span (fixture->document, 1, 2, "pillar"));

  /* A refusal is told through ::action-failed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.label", "s", "pillar"));
  g_assert_error (failed, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE);

  gloss_document_view_select_range (fixture->view, 0, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete-span", NULL));
  g_assert_null (gloss_document_find_span (fixture->document, 0, 5, "pillar"));
}

static void
test_describe (Fixture       *fixture,
               gconstpointer  data)
{
  GlossSpan *span = add_span (fixture, 0, 5, "principle");
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  add_span (fixture, 0, 11, "task");
  gloss_document_view_set_span_note (fixture->view, span, "x < y", NULL);

  gloss_document_view_select_range (fixture->view, 2, 2);
  spans = gloss_document_view_get_spans_at_cursor (fixture->view);
  g_assert_cmpuint (spans->len, ==, 2);

  plain = gloss_document_view_describe_spans (fixture->view, spans, FALSE);
  g_assert_cmpstr (plain, ==, "Principle: x < y\nTask");
  markup = gloss_document_view_describe_spans (fixture->view, spans, TRUE);
  g_assert_cmpstr (markup, ==, "<b>Principle</b>: x &lt; y\n<b>Task</b>");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
}

static void
test_margins (Fixture       *fixture,
              gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (fixture->view);
  int wide_margin;

  /* A wide window centres the reading column... */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 500);
  fixture_present (fixture);
  wide_margin = gtk_text_view_get_left_margin (view);
  g_assert_cmpint (wide_margin, >, 100);
  g_assert_cmpint (gtk_text_view_get_right_margin (view), ==, wide_margin);

  /* ...and a narrow one keeps a small margin. */
  gtk_widget_set_visible (fixture->window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 400);
  fixture_present (fixture);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <, 500);
  g_assert_cmpint (gtk_text_view_get_left_margin (view), <, 30);
  g_assert_cmpint (gtk_text_view_get_right_margin (view), ==, gtk_text_view_get_left_margin (view));
}

/* Rendering */

typedef struct
{
  GtkWidget     *widget;
  GdkPaintable  *paintable;
  GskRenderNode *node;
} Capture;

/* Right after a frame is drawn, before anything else (a large text is
 * still being laid out in idle time) can invalidate it. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   Capture       *capture)
{
  GtkSnapshot *snapshot;

  if (capture->node != NULL)
    return;

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (capture->paintable, snapshot,
                          gtk_widget_get_width (capture->widget),
                          gtk_widget_get_height (capture->widget));
  capture->node = gtk_snapshot_free_to_node (snapshot);

  if (capture->node == NULL)
    gtk_widget_queue_draw (capture->widget);
}

static GdkTexture *
render (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Capture capture = { widget, gtk_widget_paintable_new (widget), NULL };
  GdkTexture *texture;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &capture);
  gtk_widget_queue_draw (widget);
  while (capture.node == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         capture.node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gsk_render_node_unref (capture.node);
  g_object_unref (capture.paintable);

  return texture;
}

/* How many pixels are (nearly) @color, and the leftmost and rightmost
 * columns they are in (@min_x and @max_x may be %NULL). */
static guint
find_color (GdkTexture    *texture,
            const GdkRGBA *color,
            int           *min_x,
            int           *max_x)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize)width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  int r = (int)(color->red * 255 + 0.5);
  int g = (int)(color->green * 255 + 0.5);
  int b = (int)(color->blue * 255 + 0.5);
  int left = width;
  int right = -1;
  guint count = 0;

  /* Cairo's ARGB32: B, G, R, A in memory on little-endian machines. */
  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + x * 4;
        int pb = G_BYTE_ORDER == G_LITTLE_ENDIAN ? p[0] : p[3];
        int pg = G_BYTE_ORDER == G_LITTLE_ENDIAN ? p[1] : p[2];
        int pr = G_BYTE_ORDER == G_LITTLE_ENDIAN ? p[2] : p[1];

        if (ABS (pr - r) <= 3 && ABS (pg - g) <= 3 && ABS (pb - b) <= 3)
          {
            count++;
            left = MIN (left, x);
            right = MAX (right, x);
          }
      }

  if (min_x != NULL)
    *min_x = left;
  if (max_x != NULL)
    *max_x = right;

  return count;
}

static guint
count_color (GdkTexture    *texture,
             const GdkRGBA *color)
{
  return find_color (texture, color, NULL, NULL);
}

static guint
count_label_lines (Fixture    *fixture,
                   GdkTexture *texture,
                   const char *label_id,
                   gboolean    dark)
{
  GlossLabel *label = gloss_schema_lookup (gloss_corpus_get_schema (fixture->corpus), label_id);
  GlossSpanColors colors;
  GdkRGBA base;

  gloss_span_layout_parse_color (gloss_label_get_color (label), &base);
  gloss_span_layout_colors (&base, dark, &colors);

  return count_color (texture, &colors.line);
}

static void
save_screenshot (GdkTexture *texture,
                 const char *name)
{
  const char *dir = g_getenv ("GLOSS_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  /* Only on request: screenshots are looked at, not kept. */
  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

#define SAMPLE_TEXT \
  "Diplomacy serves independence, sovereignty and the respect of international law. " \
  "Its first task is to keep a peaceful environment for development, and its pillars are " \
  "party diplomacy, state diplomacy and people-to-people diplomacy.\n" \
  "Ngoại giao phục vụ độc lập, chủ quyền và hòa bình. 👩‍💻 Emoji and cafe\u0301 stay whole.\n" \
  "السلام عليكم: right-to-left text is shown as well."

static void
add_sample_spans (Fixture *fixture)
{
  /* Nested (a phrase, a word in it, a letter run in the word), chained
   * overlaps, and spans across a line break. */
  add_span (fixture, 0, 9, "principle");
  add_span (fixture, 0, 81, "task");
  add_span (fixture, 17, 29, "principle");
  add_span (fixture, 21, 50, "pillar");
  add_span (fixture, 35, 63, "task");
  add_span (fixture, 86, 100, "task");
  add_span (fixture, 180, 250, "pillar");
  add_span (fixture, 195, 215, "principle");
  add_span (fixture, 231, 282, "task");
  add_span (fixture, 290, 300, "principle");
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *labels[] = { "principle", "task", "pillar" };

  add_sample_spans (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 520);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GdkTexture) texture = NULL;

      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      fixture_present (fixture);
      g_assert_true (adw_style_manager_get_dark (manager) == dark);

      texture = render (fixture->window);
      save_screenshot (texture, dark ? "document-view-dark.png" : "document-view-light.png");

      /* Every label's underline is drawn in its own colour, overlapping
       * spans included. */
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_assert_cmpuint (count_label_lines (fixture, texture, labels[i], dark), >, 100);
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_follows_model (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossSchema *schema = gloss_corpus_get_schema (fixture->corpus);
  GlossLabel *task = gloss_schema_lookup (schema, "task");
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) added = NULL;
  g_autoptr(GdkTexture) recoloured = NULL;
  g_autoptr(GdkTexture) undone = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture_present (fixture);
  before = render (fixture->window);
  g_assert_cmpuint (count_label_lines (fixture, before, "task", FALSE), ==, 0);

  /* A span added through the history, not the view, is drawn. */
  add_span (fixture, 0, 5, "task");
  wait_ms (50);
  added = render (fixture->window);
  g_assert_cmpuint (count_label_lines (fixture, added, "task", FALSE), >, 10);

  /* A new colour for its label is drawn at once. */
  gloss_label_set_color (task, "#c01c28");
  wait_ms (50);
  recoloured = render (fixture->window);
  g_assert_cmpuint (count_label_lines (fixture, recoloured, "task", FALSE), >, 10);

  /* Undone, it goes. */
  g_assert_true (gloss_history_undo (history (fixture)));
  wait_ms (50);
  undone = render (fixture->window);
  g_assert_cmpuint (count_label_lines (fixture, undone, "task", FALSE), ==, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* "As-salamu alaykum wa-rahmatullah": four Arabic words, code points
 * 0–6, 7–12, 13–18 and 19–23. */
#define ARABIC_TEXT "السلام عليكم ورحمة الله"

/* Right-to-left text is laid out from the right, selected and labelled in
 * code points, and its spans are drawn under the words they cover. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossLabel *label = gloss_schema_lookup (gloss_corpus_get_schema (fixture->corpus), "principle");
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) last = NULL;
  g_autofree char *slice = NULL;
  GlossSpanColors colors;
  GdkRGBA base;
  GlossSpan *span;
  int first_left, first_right, last_left, last_right;
  int width;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture_present (fixture);
  gloss_span_layout_parse_color (gloss_label_get_color (label), &base);
  gloss_span_layout_colors (&base, FALSE, &colors);

  /* A selection inside the second word snaps to the whole word. */
  gloss_document_view_select_range (fixture->view, 8, 10);
  g_assert_true (gloss_document_view_handle_key (fixture->view, GDK_KEY_1, 0));
  span = gloss_document_find_span (fixture->document, 7, 12, "principle");
  g_assert_nonnull (span);
  slice = gloss_document_dup_slice (fixture->document, 7, 12);
  g_assert_cmpstr (slice, ==, "عليكم");

  /* The paragraph starts at the right: its first word's line is in the
   * right half of the view. */
  g_assert_true (gloss_history_undo (history (fixture)));
  add_span (fixture, 0, 6, "principle");
  wait_ms (50);
  first = render (fixture->window);
  width = gdk_texture_get_width (first);
  g_assert_cmpuint (find_color (first, &colors.line, &first_left, &first_right), >, 10);
  g_assert_cmpint (first_left, >, width / 2);

  /* The last word is drawn to the left of the first. */
  g_assert_true (gloss_history_undo (history (fixture)));
  add_span (fixture, 19, 23, "principle");
  wait_ms (50);
  last = render (fixture->window);
  g_assert_cmpuint (find_color (last, &colors.line, &last_left, &last_right), >, 10);
  g_assert_cmpint (last_right, <, first_left);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_large_document (void)
{
  const char *words[] = { "diplomacy", "serves", "peace", "and", "development", "of", "the", "nation" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkAdjustment *vadjustment;
  Fixture fixture = { 0 };
  guint n_words = 0;

  /* 200 KB of text, a span on every fifth word: 5,000 spans and more. */
  while (text->len < 200 * 1024)
    {
      g_string_append (text, words[n_words % G_N_ELEMENTS (words)]);
      n_words++;
      g_string_append (text, n_words % 60 == 0 ? ".\n" : " ");
    }

  fixture_set_up_text (&fixture, text->str);

  for (guint i = 0, offset = 0, w = 0; offset < gloss_document_get_length (fixture.document); w++)
    {
      guint len = strlen (words[w % G_N_ELEMENTS (words)]);

      if (w % 5 == 0)
        {
          g_autoptr(GlossSpan) span = gloss_span_new (offset, offset + len, i % 2 ? "task" : "principle");

          g_assert_true (gloss_document_add_span (fixture.document, span, NULL));
          i++;
        }
      offset += len + ((w + 1) % 60 == 0 ? 2 : 1);
    }
  g_assert_cmpuint (gloss_document_get_n_spans (fixture.document), >=, 5000);

  /* Shown again from scratch, with all its spans. */
  gloss_document_view_set_document (fixture.view, NULL, NULL);
  timer = g_timer_new ();
  gloss_document_view_set_document (fixture.view, fixture.corpus, fixture.document);
  fixture_present (&fixture);
  g_test_message ("200 KB with %u spans: first frame after %.0f ms",
                  gloss_document_get_n_spans (fixture.document), g_timer_elapsed (timer, NULL) * 1000);

  texture = render (fixture.window);
  g_assert_cmpuint (count_label_lines (&fixture, texture, "principle", adw_style_manager_get_dark (adw_style_manager_get_default ())), >, 10);

  /* Scroll to the middle and label there. */
  g_timer_start (timer);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture.view));
  for (guint i = 0; i < 20; i++)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) * i / 40);
      g_clear_object (&texture);
      texture = render (fixture.window);
    }
  g_test_message ("20 scroll steps, each rendered: %.0f ms", g_timer_elapsed (timer, NULL) * 1000);

  gloss_document_view_select_range (fixture.view, 100003, 100004);
  g_assert_true (gloss_document_view_handle_key (fixture.view, GDK_KEY_3, 0));
  g_assert_cmpuint (gloss_document_get_n_spans (fixture.document), >=, 5001);
  wait_ms (50);

  fixture_tear_down (&fixture, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application's styles, as the application loads them (naming the
   * resource links it in, and so registers it). */
  g_assert_nonnull (gloss_get_resource ());
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func, text) \
  g_test_add ("/gloss/ui/document-view/" path, Fixture, text, fixture_set_up, func, fixture_tear_down)

  ADD ("set-document", test_set_document, NULL);
  ADD ("annotator", test_annotator_property, NULL);
  ADD ("selection", test_selection, NULL);
  ADD ("selection-code-points", test_selection_code_points, "Xin chào 👋 thế giới");
  ADD ("keyboard-selection", test_keyboard_selection, NULL);
  ADD ("label/snap", test_label_snap, NULL);
  ADD ("label/exact", test_label_exact, NULL);
  ADD ("label/clusters", test_label_clusters, "cafe\u0301 👩\u200d💻 ok");
  ADD ("label/errors", test_label_errors, NULL);
  ADD ("undo", test_undo, NULL);
  ADD ("relabel-and-note", test_relabel_and_note, NULL);
  ADD ("popover", test_popover, NULL);
  ADD ("popover-span-removed", test_popover_span_removed, NULL);
  ADD ("edit-at-cursor", test_edit_at_cursor, NULL);
  ADD ("delete-at-cursor", test_delete_at_cursor, NULL);
  ADD ("keys", test_keys, NULL);
  ADD ("keys-without-snapping", test_keys_without_snapping, NULL);
  ADD ("actions", test_actions, NULL);
  ADD ("describe", test_describe, NULL);
  ADD ("margins", test_margins, NULL);
  ADD ("render", test_render, SAMPLE_TEXT);
  ADD ("follows-model", test_follows_model, NULL);
  ADD ("right-to-left", test_right_to_left, ARABIC_TEXT);
  g_test_add_func ("/gloss/ui/document-view/large-document", test_large_document);

#undef ADD

  return g_test_run ();
}
