/* test-window.c: the main window, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-application.h"
#include "ui-test-util.h"
#include "gloss-document-view.h"
#include "gloss-window.h"

typedef struct
{
  GlossWindow    *window;
  char           *tmpdir;
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

static void
wait_until_clean (GlossCorpus *corpus)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gloss_corpus_get_dirty (corpus) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->window = gloss_window_new (app);
  g_object_ref (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();

  f->tmpdir = g_dir_make_tmp ("gloss-window-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->tmpdir, 0, NULL);
  const char *name;

  {
    GlossCorpus *corpus = gloss_window_get_corpus (f->window);

    if (corpus != NULL)
      gloss_corpus_set_dirty (corpus, FALSE);
    gtk_window_destroy (GTK_WINDOW (f->window));
    iterate ();
  }

  /* Nothing keeps a closed window alive. */
  g_assert_finalize_object (f->window);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);

}

static GlossDocumentView *
find_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossDocumentView *found;

      if (GLOSS_IS_DOCUMENT_VIEW (child))
        return GLOSS_DOCUMENT_VIEW (child);
      if ((found = find_view (child)))
        return found;
    }

  return NULL;
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
test_window_welcome (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_null (gloss_window_get_corpus (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Gloss");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->window)) == FALSE);
}

static void
test_window_open_sample (Fixture       *f,
                         gconstpointer  data)
{
  GlossCorpus *corpus;
  GlossDocument *document;

  activate (f, "win.open-sample", NULL);

  corpus = gloss_window_get_corpus (f->window);
  g_assert_nonnull (corpus);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 5);
  g_assert_false (gloss_corpus_get_dirty (corpus));

  /* The first document is shown, and has the keyboard. */
  document = gloss_window_get_document (f->window);
  g_assert_true (document == gloss_corpus_get_document (corpus, 0));
  g_assert_true (gloss_document_view_get_document (find_view (GTK_WIDGET (f->window))) == document);
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (f->window)), " — Gloss"));
}

static void
test_window_label_undo_redo (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) first = gloss_document_new ("one", "One", "Hòa bình là nguyên tắc.");
  g_autoptr(GlossDocument) second = gloss_document_new ("two", "Two", "Hợp tác là nhiệm vụ.");
  GlossDocumentView *view;
  GlossSpan *span;

  gloss_corpus_add_document (corpus, first, NULL);
  gloss_corpus_add_document (corpus, second, NULL);
  gloss_corpus_set_dirty (corpus, FALSE);
  gloss_window_set_corpus (f->window, corpus);
  iterate ();

  view = find_view (GTK_WIDGET (f->window));
  g_assert_true (gloss_window_get_document (f->window) == first);

  /* "a bình" half selects "Hòa": snapping takes the whole word. */
  gloss_document_view_select_range (view, 2, 8);
  activate (f, "win.label", g_variant_new_string ("principle"));

  g_assert_cmpuint (gloss_document_get_n_spans (first), ==, 1);
  span = gloss_document_get_span (first, 0);
  g_assert_cmpuint (gloss_span_get_start (span), ==, 0);
  g_assert_cmpuint (gloss_span_get_end (span), ==, 8);
  g_assert_cmpstr (gloss_span_get_label (span), ==, "principle");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "• "));

  /* Undo and redo work across a document switch. */
  activate (f, "win.next-document", NULL);
  g_assert_true (gloss_window_get_document (f->window) == second);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (gloss_document_get_n_spans (first), ==, 0);
  activate (f, "win.redo", NULL);
  g_assert_cmpuint (gloss_document_get_n_spans (first), ==, 1);
  activate (f, "win.previous-document", NULL);
  g_assert_true (gloss_window_get_document (f->window) == first);
}

static void
test_window_save (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "saved.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d", "D", "Ngoại giao nhân dân");
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  gloss_corpus_add_document (corpus, document, NULL);
  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);
  gloss_window_set_corpus (f->window, corpus);
  iterate ();

  gloss_document_view_select_range (find_view (GTK_WIDGET (f->window)), 11, 19);
  activate (f, "win.label", g_variant_new_string ("pillar"));
  g_assert_true (gloss_corpus_get_dirty (corpus));

  activate (f, "win.save", NULL);
  wait_until_clean (corpus);
  g_assert_false (gloss_corpus_get_dirty (corpus));

  reloaded = gloss_corpus_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_n_spans (gloss_corpus_get_document (reloaded, 0)), ==, 1);
  g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (gloss_corpus_get_document (reloaded, 0), 0)), ==, 11);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_window_unsaved_guard (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d", "D", "Độc lập, tự chủ");
  AdwMessageDialog *dialog;

  gloss_corpus_add_document (corpus, document, NULL);
  gloss_window_set_corpus (f->window, corpus);
  iterate ();
  g_assert_true (gloss_corpus_get_dirty (corpus));

  /* Closing asks, and Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (f->window));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (gloss_corpus_get_dirty (corpus));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (f->window));
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

static void
test_window_import_texts (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a = g_build_filename (f->tmpdir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (f->tmpdir, "b.txt", NULL);
  GFile *files[2];
  GlossCorpus *corpus;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (a, "Hợp tác khu vực\nNội dung.\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "Peace talks\nText.\n", -1, NULL));
  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);

  /* Texts on the command line become a new, unsaved corpus, read in a
   * thread while the window shows its progress. */
  gloss_window_open_files (f->window, files, 2);
  while (gloss_window_get_corpus (f->window) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  corpus = gloss_window_get_corpus (f->window);
  g_assert_nonnull (corpus);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 2);
  g_assert_cmpstr (gloss_document_get_title (gloss_corpus_get_document (corpus, 0)), ==, "Hợp tác khu vực");
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_null (gloss_corpus_get_file (corpus));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Ctrl+D marks the shown document done, undoably; the sidebar counts
 * progress, and with Hide Done on a document marked done leaves the list
 * and the next one to do opens. */
static void
test_window_done (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) first = gloss_document_new ("one", "Một", "Hòa bình.");
  g_autoptr(GlossDocument) second = gloss_document_new ("two", "Hai", "Hợp tác 🤝.");
  g_autoptr(GlossDocument) third = gloss_document_new ("three", "Ba", "مرحبا.");
  GtkWidget *summary;
  GtkWidget *hide_done;
  GtkListView *list;

  gloss_corpus_add_document (corpus, first, NULL);
  gloss_corpus_add_document (corpus, second, NULL);
  gloss_corpus_add_document (corpus, third, NULL);
  gloss_corpus_set_dirty (corpus, FALSE);
  gloss_window_set_corpus (f->window, corpus);
  iterate ();

  summary = ui_test_find_by_id (GTK_WIDGET (f->window), "progress_summary");
  hide_done = ui_test_find_by_id (GTK_WIDGET (f->window), "hide_done_button");
  list = GTK_LIST_VIEW (ui_test_find_by_id (GTK_WIDGET (f->window), "documents_view"));
  g_assert_nonnull (summary);
  g_assert_nonnull (hide_done);
  g_assert_nonnull (list);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "0 of 3 documents done");

  activate (f, "win.toggle-done", NULL);
  g_assert_true (gloss_document_get_done (first));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "1 of 3 documents done");

  activate (f, "win.undo", NULL);
  g_assert_false (gloss_document_get_done (first));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "0 of 3 documents done");
  activate (f, "win.redo", NULL);
  g_assert_true (gloss_document_get_done (first));

  /* Hide Done: the list keeps the two still to do. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide_done), TRUE);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);

  activate (f, "win.next-document", NULL);
  g_assert_true (gloss_window_get_document (f->window) == second);
  activate (f, "win.toggle-done", NULL);
  g_assert_true (gloss_document_get_done (second));
  g_assert_true (gloss_window_get_document (f->window) == third);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "2 of 3 documents done");

  /* Undone, it comes back into the list. */
  activate (f, "win.undo", NULL);
  g_assert_false (gloss_document_get_done (second));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide_done), FALSE);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/ui/window/welcome", Fixture, NULL, fixture_set_up, test_window_welcome, fixture_tear_down);
  g_test_add ("/gloss/ui/window/open-sample", Fixture, NULL, fixture_set_up, test_window_open_sample, fixture_tear_down);
  g_test_add ("/gloss/ui/window/label-undo-redo", Fixture, NULL, fixture_set_up, test_window_label_undo_redo, fixture_tear_down);
  g_test_add ("/gloss/ui/window/save", Fixture, NULL, fixture_set_up, test_window_save, fixture_tear_down);
  g_test_add ("/gloss/ui/window/import-texts", Fixture, NULL, fixture_set_up, test_window_import_texts, fixture_tear_down);
  g_test_add ("/gloss/ui/window/unsaved-guard", Fixture, NULL, fixture_set_up, test_window_unsaved_guard, fixture_tear_down);
  g_test_add ("/gloss/ui/window/done", Fixture, NULL, fixture_set_up, test_window_done, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
