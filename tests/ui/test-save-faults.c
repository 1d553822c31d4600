/* test-save-faults.c: the window when saving or opening goes wrong
 *
 * A file changed by another program since it was opened, a disk that
 * takes no more (RLIMIT_FSIZE in this process), files too large or too
 * deeply nested to open: each time a dialog says what happened, naming
 * the file, and the corpus shown stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "gloss-document-view.h"
#include "gloss-window.h"
#include "ui-test-util.h"

typedef struct
{
  GlossWindow *window;
  char        *dir;
  char        *path;
  GFile       *file;
  GlossCorpus *corpus;
} Fixture;

static GtkApplication *app;

static gboolean
is_clean (gpointer data)
{
  return !gloss_corpus_get_dirty (data);
}

static gboolean
has_dialog (gpointer data)
{
  return ui_test_find_message_dialog () != NULL;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (contents, length);
}

static void
assert_file_holds (const char  *path,
                   GlossCorpus *corpus)
{
  g_autoptr(GBytes) on_disk = read_bytes (path);
  g_autoptr(GBytes) expected = gloss_corpus_save_to_bytes (corpus);

  g_assert_true (g_bytes_equal (on_disk, expected));
}

/* A corpus saved to a file of the test's folder, opened in the window, and
 * then given an unsaved span. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("d", "Một", "Hòa bình 🕊️ và مرحبا");
  g_autoptr(GlossSpan) span = gloss_span_new (0, 3, "principle");
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-save-faults-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "corpus.gloss.json", NULL);
  f->file = g_file_new_for_path (f->path);

  g_assert_true (gloss_corpus_add_document (corpus, document, NULL));
  g_assert_true (gloss_corpus_save_file (corpus, f->file, NULL, &error));
  g_assert_no_error (error);

  f->corpus = gloss_corpus_load_file (f->file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->window = g_object_ref (gloss_window_new (app));
  gloss_window_set_corpus (f->window, f->corpus);
  gtk_window_present (GTK_WINDOW (f->window));
  ui_test_iterate ();

  g_assert_true (gloss_document_add_span (gloss_corpus_get_document (f->corpus, 0), span, NULL));
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = ui_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_corpus_set_dirty (f->corpus, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_iterate ();
  g_assert_finalize_object (f->window);

  g_unsetenv ("GLOSS_MAX_FILE_SIZE");
  ui_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->file);
  g_object_unref (f->corpus);
}

/* Writes @contents to the corpus file as another program would, a few
 * seconds in the future, so that its time differs whatever the clock's
 * resolution. */
static void
write_behind_back (Fixture    *f,
                   const char *contents)
{
  g_autoptr(GError) error = NULL;
  guint64 later = g_get_real_time () / G_USEC_PER_SEC + 5;

  g_assert_true (g_file_set_contents (f->path, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_attribute_uint64 (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, later,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  const char *theirs = "{\"format\": \"gloss-corpus\", \"version\": 1, \"documents\": []}\n";
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GlossSpan) later = gloss_span_new (4, 8, "task");
  AdwMessageDialog *dialog;

  /* Nothing changed yet: Save saves without asking. */
  g_assert_false (gloss_corpus_file_changed (f->corpus, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ui_test_wait_until (is_clean, f->corpus);
  g_assert_null (ui_test_find_message_dialog ());
  assert_file_holds (f->path, f->corpus);

  g_assert_true (gloss_document_add_span (gloss_corpus_get_document (f->corpus, 0), later, NULL));
  write_behind_back (f, theirs);
  g_assert_true (gloss_corpus_file_changed (f->corpus, NULL));

  /* Cancel: their file stays, the changes stay unsaved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ui_test_iterate ();
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Changed on Disk");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->path));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "overwrite"), ==, "_Overwrite");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save-as"), ==, "_Save As…");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Cancel");
  ui_test_respond (dialog, "cancel");
  ui_test_iterate ();
  on_disk = read_bytes (f->path);
  g_assert_cmpmem (g_bytes_get_data (on_disk, NULL), g_bytes_get_size (on_disk), theirs, strlen (theirs));
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* Overwrite: ours replaces theirs, and the next save asks no more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ui_test_iterate ();
  ui_test_respond (ui_test_find_message_dialog (), "overwrite");
  ui_test_wait_until (is_clean, f->corpus);
  assert_file_holds (f->path, f->corpus);
  g_assert_false (gloss_corpus_file_changed (f->corpus, NULL));

  g_assert_true (gloss_document_remove_span (gloss_corpus_get_document (f->corpus, 0), later));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ui_test_wait_until (is_clean, f->corpus);
  g_assert_null (ui_test_find_message_dialog ());
  assert_file_holds (f->path, f->corpus);
}

/* A disk that is full: an error naming the file, the old file intact, the
 * changes still unsaved; once there is room, Save works. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) before = read_bytes (f->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) big = NULL;
  struct rlimit saved;
  struct rlimit limited;
  void (*old_handler) (int);
  AdwMessageDialog *dialog;

  /* More than the limit lets through. */
  while (text->len < 256 * 1024)
    g_string_append (text, "Tiếng Việt 👩‍👩‍👧 ");
  big = gloss_document_new ("big", "Lớn", text->str);
  g_assert_true (gloss_corpus_add_document (f->corpus, big, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 64 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ui_test_wait_until (has_dialog, NULL);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  dialog = ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Corpus");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "File too large"));
  ui_test_respond (dialog, "close");

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
  g_assert_true (gloss_window_get_corpus (f->window) == f->corpus);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ui_test_wait_until (is_clean, f->corpus);
  assert_file_holds (f->path, f->corpus);
}

static void
open_and_expect_error (Fixture    *f,
                       const char *name,
                       const char *contents,
                       const char *message)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  /* Nothing unsaved to ask about first. */
  gloss_corpus_set_dirty (f->corpus, FALSE);
  gloss_window_open_file (f->window, file);
  ui_test_wait_until (has_dialog, NULL);

  dialog = ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Corpus");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), message));
  ui_test_respond (dialog, "close");

  g_assert_true (gloss_window_get_corpus (f->window) == f->corpus);
  g_assert_cmpuint (gloss_corpus_get_n_documents (f->corpus), ==, 1);
}

static void
test_open_too_large (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"gloss-corpus\", \"version\": 1, \"documents\": [");
  g_autofree char *path = g_build_filename (f->dir, "big.gloss.json", NULL);

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "%s{\"id\": \"d%u\", \"text\": \"Xin chào\"}", i > 0 ? ", " : "", i);
  g_string_append (text, "]}");

  g_setenv ("GLOSS_MAX_FILE_SIZE", "1000", TRUE);
  open_and_expect_error (f, "big.gloss.json", text->str, path);
  open_and_expect_error (f, "big.gloss.json", text->str, "is too large to open");
}

static void
test_open_too_deep (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"gloss-corpus\", \"version\": 1, \"documents\": [{\"id\": \"d\", "
                                          "\"text\": \"x\", \"meta\": {\"x\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}}]}");

  open_and_expect_error (f, "deep.gloss.json", text->str, "nested more than 512 deep");
  open_and_expect_error (f, "deep.gloss.json", text->str, "deep.gloss.json\n\nline 1, column ");
}

static GlossDocumentView *
find_view (GtkWidget *widget)
{
  if (GLOSS_IS_DOCUMENT_VIEW (widget))
    return GLOSS_DOCUMENT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossDocumentView *found = find_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A line longer than the view can lay out: said, and not shown; the
 * document stays in the corpus and the others show as before. */
static void
test_line_too_long (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GlossDocument) longest = NULL;
  GlossDocument *first = gloss_corpus_get_document (f->corpus, 0);
  GlossDocumentView *view = find_view (GTK_WIDGET (f->window));
  AdwMessageDialog *dialog;

  while (g_utf8_strlen (text->str, text->len) <= GLOSS_MAX_VIEW_LINE)
    g_string_append (text, "Tiếng Việt 👩‍👩‍👧 مرحبا ");
  longest = gloss_document_new ("long", "Dòng dài", text->str);
  g_assert_true (gloss_corpus_add_document (f->corpus, longest, NULL));
  g_assert_true (gloss_document_view_get_document (view) == first);

  gloss_window_show_document (f->window, longest);
  ui_test_iterate ();
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Show the Document");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Dòng dài” has a line of "));
  ui_test_respond (dialog, "close");
  g_assert_null (gloss_document_view_get_document (view));
  g_assert_cmpuint (gloss_corpus_get_n_documents (f->corpus), ==, 2);

  gloss_window_show_document (f->window, first);
  ui_test_iterate ();
  g_assert_null (ui_test_find_message_dialog ());
  g_assert_true (gloss_document_view_get_document (view) == first);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/ui/save-faults/changed-on-disk", Fixture, NULL,
              fixture_set_up, test_changed_on_disk, fixture_tear_down);
  g_test_add ("/gloss/ui/save-faults/disk-full", Fixture, NULL,
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/gloss/ui/save-faults/open-too-large", Fixture, NULL,
              fixture_set_up, test_open_too_large, fixture_tear_down);
  g_test_add ("/gloss/ui/save-faults/open-too-deep", Fixture, NULL,
              fixture_set_up, test_open_too_deep, fixture_tear_down);
  g_test_add ("/gloss/ui/save-faults/line-too-long", Fixture, NULL,
              fixture_set_up, test_line_too_long, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
