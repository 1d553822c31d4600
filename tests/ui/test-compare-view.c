/* test-compare-view.c: comparing with another annotator's corpus and settling
 * the disagreements, through the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-compare-bar.h"
#include "gloss-document-view.h"
#include "gloss-window.h"
#include "../core/format-test-util.h"
#include "ui-test-util.h"

/* "Hà Nội" is 0-6, the five code points of the family emoji 7-12,
 * "Sài Gòn" 13-20. */
#define TEXT_1 "Hà Nội 👩‍👩‍👧 Sài Gòn"
/* "Ngoại giao" is 0-10, "Ngoại giao nhân dân" 0-19, "trụ cột" 23-30. */
#define TEXT_2 "Ngoại giao nhân dân là trụ cột"

typedef struct
{
  GlossWindow       *window;
  GlossCompareBar   *bar;
  GlossDocumentView *view;
  char              *tmpdir;
  GFile             *mine;
  GFile             *theirs;
  guint              n_notify;
} Fixture;

static GtkApplication *app;

static void
add_document (GlossCorpus *corpus,
              const char  *id,
              const char  *text,
              const char  *spans)
{
  format_test_add_spans (format_test_add_document (corpus, id, text), spans, "Lan");
}

static GFile *
write_corpus (Fixture    *f,
              const char *name,
              GlossCorpus *corpus)
{
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)))
        return found;
    }

  return NULL;
}

static void
on_compare_corpus_cb (Fixture *f)
{
  f->n_notify++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossCorpus) mine = gloss_corpus_new ();
  g_autoptr(GlossCorpus) theirs = gloss_corpus_new ();
  g_autoptr(GError) error = NULL;

  f->tmpdir = g_dir_make_tmp ("gloss-compare-XXXXXX", &error);
  g_assert_no_error (error);

  /* In TEXT_1 both marked "Hà Nội" with other labels, only the second the
   * emoji, only the first "Sài Gòn"; in TEXT_2 they marked "Ngoại giao"
   * with other ends and agree on "trụ cột". The third document is only in
   * the first corpus, and the fourth has another text in each. */
  add_document (mine, "d1", TEXT_1, "0-6:task 13-20:pillar");
  add_document (mine, "d2", TEXT_2, "0-10:task 23-30:pillar");
  add_document (mine, "d3", "Chỉ có ở đây", "0-4:task");
  add_document (mine, "d4", "Văn bản một", "0-3:task");
  add_document (theirs, "d1", TEXT_1, "0-6:principle 7-12:task");
  add_document (theirs, "d2", TEXT_2, "0-19:task 23-30:pillar");
  add_document (theirs, "d4", "Văn bản hai", "");
  f->mine = write_corpus (f, "adjudicated.gloss.json", mine);
  f->theirs = write_corpus (f, "theirs.gloss.json", theirs);

  f->window = g_object_ref (gloss_window_new (app));
  gtk_window_present (GTK_WINDOW (f->window));
  f->bar = GLOSS_COMPARE_BAR (find_child (GTK_WIDGET (f->window), GLOSS_TYPE_COMPARE_BAR));
  f->view = GLOSS_DOCUMENT_VIEW (find_child (GTK_WIDGET (f->window), GLOSS_TYPE_DOCUMENT_VIEW));
  g_assert_nonnull (f->bar);
  g_assert_nonnull (f->view);
  g_signal_connect_swapped (f->window, "notify::compare-corpus", G_CALLBACK (on_compare_corpus_cb), f);
  ui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GlossCorpus *corpus = gloss_window_get_corpus (f->window);

  if (corpus != NULL)
    gloss_corpus_set_dirty (corpus, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_iterate ();
  g_assert_finalize_object (f->window);

  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
  ui_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  ui_test_iterate ();
}

static gboolean
comparing_or_dialog (gpointer data)
{
  Fixture *f = data;

  return gloss_window_get_compare_corpus (f->window) != NULL || ui_test_find_message_dialog () != NULL;
}

static void
open_mine (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCorpus) corpus = gloss_corpus_load_file (f->mine, NULL, NULL, &error);

  g_assert_no_error (error);
  gloss_window_set_corpus (f->window, corpus);
  gloss_window_show_document (f->window, gloss_corpus_get_document (corpus, 0));
  ui_test_iterate ();
}

static void
start_comparing (Fixture *f,
                 GFile   *other)
{
  gloss_window_compare_with_file (f->window, other);
  ui_test_wait_until (comparing_or_dialog, f);
  ui_test_iterate ();
}

/* The current document's id and the range selected, "d1 0-6". */
static char *
describe_selection (Fixture *f)
{
  guint start = 0;
  guint end = 0;

  gloss_document_view_get_selection (f->view, &start, &end);

  return g_strdup_printf ("%s %u-%u", gloss_document_get_id (gloss_window_get_document (f->window)), start, end);
}

#define assert_at(f, expected) G_STMT_START { \
  g_autofree char *actual_ = describe_selection (f); \
  g_assert_cmpstr (actual_, ==, expected); \
} G_STMT_END

/* The spans of document @index of the window's corpus, "0-6:task …". */
static char *
describe_spans (GlossCorpus *corpus,
                guint        index)
{
  GlossDocument *document = gloss_corpus_get_document (corpus, index);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < gloss_document_get_n_spans (document); i++)
    {
      GlossSpan *span = gloss_document_get_span (document, i);

      g_string_append_printf (out, "%s%u-%u:%s", i > 0 ? " " : "", gloss_span_get_start (span),
                              gloss_span_get_end (span), gloss_span_get_label (span));
    }

  return g_string_free (out, FALSE);
}

static void
test_compare_walk (Fixture       *f,
                   gconstpointer  data)
{
  GlossCorpus *corpus;
  g_autoptr(GlossCorpus) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spans = NULL;

  open_mine (f);
  corpus = gloss_window_get_corpus (f->window);
  g_assert_null (gloss_window_get_compare_corpus (f->window));
  g_assert_false (gtk_widget_is_visible (gtk_widget_get_first_child (GTK_WIDGET (f->bar))) &&
                  gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (f->bar)))));

  start_comparing (f, f->theirs);
  g_assert_null (ui_test_find_message_dialog ());
  g_assert_nonnull (gloss_window_get_compare_corpus (f->window));
  g_assert_cmpuint (f->n_notify, ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (f->bar)))));
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 4);
  g_assert_cmpuint (gloss_compare_bar_get_n_found (f->bar), ==, 4);
  g_assert_cmpuint (gloss_compare_bar_get_disagreements (f->bar)->len, ==, 3);

  /* F8 steps through them in text order, into the next document. */
  activate (f, "win.next-disagreement");
  assert_at (f, "d1 0-6");
  activate (f, "win.next-disagreement");
  assert_at (f, "d1 7-12");
  activate (f, "win.previous-disagreement");
  assert_at (f, "d1 0-6");

  /* Accepting theirs takes their label, and goes on to the next. */
  activate (f, "win.accept-theirs");
  spans = describe_spans (corpus, 0);
  g_assert_cmpstr (spans, ==, "0-6:principle 13-20:pillar");
  g_clear_pointer (&spans, g_free);
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 3);
  assert_at (f, "d1 7-12");

  activate (f, "win.undo");
  spans = describe_spans (corpus, 0);
  g_assert_cmpstr (spans, ==, "0-6:task 13-20:pillar");
  g_clear_pointer (&spans, g_free);
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 4);

  /* Accepting mine changes no span; the disagreement is skipped from then
   * on, and undoing brings it back. */
  activate (f, "win.previous-disagreement");
  assert_at (f, "d1 0-6");
  activate (f, "win.accept-mine");
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 3);
  assert_at (f, "d1 7-12");
  activate (f, "win.undo");
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 4);
  activate (f, "win.redo");
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 3);
  spans = describe_spans (corpus, 0);
  g_assert_cmpstr (spans, ==, "0-6:task 13-20:pillar");
  g_clear_pointer (&spans, g_free);

  activate (f, "win.next-disagreement");
  assert_at (f, "d1 13-20");
  activate (f, "win.next-disagreement");
  assert_at (f, "d2 0-19");
  /* Round to the first document, past the settled one. */
  activate (f, "win.next-disagreement");
  assert_at (f, "d1 7-12");
  activate (f, "win.previous-disagreement");
  assert_at (f, "d2 0-19");

  /* Theirs for everything left, then save the adjudicated corpus. */
  for (guint i = 0; i < 10 && gloss_compare_bar_get_n_left (f->bar) > 0; i++)
    activate (f, "win.accept-theirs");
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-disagreement", NULL) &&
                  gloss_compare_bar_get_disagreements (f->bar) != NULL &&
                  gloss_compare_bar_get_disagreements (f->bar)->len > 0);

  activate (f, "win.save");
  for (guint i = 0; i < 100 && gloss_corpus_get_dirty (corpus); i++)
    ui_test_run_for (50);
  g_assert_false (gloss_corpus_get_dirty (corpus));

  saved = gloss_corpus_load_file (f->mine, NULL, NULL, &error);
  g_assert_no_error (error);
  spans = describe_spans (saved, 0);
  g_assert_cmpstr (spans, ==, "0-6:task 7-12:task");
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (saved, 1);
  g_assert_cmpstr (spans, ==, "0-19:task 23-30:pillar");
  g_clear_pointer (&spans, g_free);
  /* The documents the other corpus lacks stay as they were. */
  spans = describe_spans (saved, 2);
  g_assert_cmpstr (spans, ==, "0-4:task");
  g_clear_pointer (&spans, g_free);
  g_assert_cmpstr (gloss_span_get_annotator (gloss_document_get_span (gloss_corpus_get_document (saved, 0), 1)),
                   ==, "Lan");

  activate (f, "win.stop-comparing");
  g_assert_null (gloss_window_get_compare_corpus (f->window));
  g_assert_cmpuint (f->n_notify, ==, 2);
}

static void
test_compare_nothing_in_common (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GlossCorpus) other = gloss_corpus_new ();
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;

  add_document (other, "d1", "Một văn bản khác", "0-3:task");
  file = write_corpus (f, "other.gloss.json", other);

  open_mine (f);
  start_comparing (f, file);
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing to Compare");
  ui_test_respond (dialog, "close");
  g_assert_null (gloss_window_get_compare_corpus (f->window));
  g_assert_cmpuint (f->n_notify, ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.accept-theirs", NULL) &&
                  gloss_document_get_n_spans (gloss_corpus_get_document (gloss_window_get_corpus (f->window), 0)) != 2);
}

static void
test_compare_new_corpus_stops (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GlossCorpus) fresh = gloss_corpus_new ();

  open_mine (f);
  start_comparing (f, f->theirs);
  g_assert_nonnull (gloss_window_get_compare_corpus (f->window));

  add_document (fresh, "x", "Một", "");
  gloss_window_set_corpus (f->window, fresh);
  ui_test_iterate ();
  g_assert_null (gloss_window_get_compare_corpus (f->window));
  g_assert_cmpuint (f->n_notify, ==, 2);
  g_assert_cmpuint (gloss_compare_bar_get_n_left (f->bar), ==, 0);
}

static void
test_compare_describe_left (void)
{
  g_autofree char *none = gloss_compare_bar_describe_left (0, 4);
  g_autofree char *some = gloss_compare_bar_describe_left (3, 4);
  g_autofree char *one = gloss_compare_bar_describe_left (1, 1);

  g_assert_cmpstr (none, ==, "No disagreements left");
  g_assert_cmpstr (some, ==, "3 of 4 disagreements left");
  g_assert_cmpstr (one, ==, "1 of 1 disagreement left");
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/ui/compare-view/walk", Fixture, NULL, fixture_set_up, test_compare_walk, fixture_tear_down);
  g_test_add ("/gloss/ui/compare-view/nothing-in-common", Fixture, NULL,
              fixture_set_up, test_compare_nothing_in_common, fixture_tear_down);
  g_test_add ("/gloss/ui/compare-view/new-corpus-stops", Fixture, NULL,
              fixture_set_up, test_compare_new_corpus_stops, fixture_tear_down);
  g_test_add_func ("/gloss/ui/compare-view/describe-left", test_compare_describe_left);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
