/* test-drop.c: files dropped on the window, through its drop target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-application.h"
#include "gloss-window.h"
#include "ui-test-util.h"

typedef struct
{
  GlossWindow *window;
  char        *tmpdir;
} Fixture;

/* One application for the whole run: it is exported on the session bus
 * under its id once registered. */
static GtkApplication *app;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->window = g_object_ref (gloss_window_new (app));
  gtk_window_present (GTK_WINDOW (f->window));
  ui_test_iterate ();

  f->tmpdir = g_dir_make_tmp ("gloss-drop-XXXXXX", &error);
  g_assert_no_error (error);
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

  ui_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return g_file_new_for_path (path);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Drops @files on the window as a file manager would hand them over: a
 * GdkFileList, to the window's drop target. */
static void
drop (Fixture  *f,
      GFile   **files,
      guint     n_files)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (f->window));
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));
  g_assert_true (gtk_drop_target_get_actions (target) & GDK_ACTION_COPY);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &handled);
  g_value_unset (&value);

  g_assert_true (handled);
  ui_test_iterate ();
}

static gboolean
has_corpus (gpointer data)
{
  return gloss_window_get_corpus (data) != NULL;
}

static gboolean
has_n_documents (gpointer data)
{
  Fixture *f = data;
  GlossCorpus *corpus = gloss_window_get_corpus (f->window);

  return corpus != NULL && gloss_corpus_get_n_documents (corpus) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "expected"));
}

/* The text of every label in @widget's tree, for finding a toast. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  collect_labels (widget, labels);

  return strstr (labels->str, text) != NULL;
}

static const char *doccano_lines =
  "{\"text\": \"Hà Nội và Huế\", \"label\": [[0, 6, \"LOC\"], [10, 13, \"LOC\"]]}\n"
  "{\"text\": \"Hợp tác\", \"label\": [[0, 7, \"task\"]]}\n";

static const char *spacy_line =
  "{\"text\": \"Đà Nẵng 🌊\", \"spans\": [{\"start\": 0, \"end\": 7, \"label\": \"LOC\"}], "
  "\"tokens\": [{\"text\": \"Đà\", \"start\": 0, \"end\": 2, \"id\": 0, \"ws\": true}]}\n";

/* Nothing open: one drop of texts and exchange formats makes a new corpus,
 * in the order dropped, each file read as what its name says; a brat
 * text comes with its .ann; what Gloss cannot read is named. */
static void
test_drop_into_new_corpus (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) text = write_file (f, "bai-viet.txt", "Quan hệ ngoại giao\nNội dung.\n");
  g_autoptr(GFile) doccano = write_file (f, "doccano.jsonl", doccano_lines);
  g_autoptr(GFile) brat_text = write_file (f, "bo.txt", "Bộ Ngoại giao");
  g_autoptr(GFile) brat_ann = write_file (f, "bo.ann", "T1\tORG 0 13\tBộ Ngoại giao\n");
  g_autoptr(GFile) spacy = write_file (f, "spacy.jsonl", spacy_line);
  g_autoptr(GFile) photo = write_file (f, "ảnh.png", "\x89PNG");
  GFile *files[] = { text, doccano, brat_text, brat_ann, spacy, photo };
  GlossSchema *schema;
  GlossCorpus *corpus;
  GlossDocument *document;

  drop (f, files, G_N_ELEMENTS (files));
  ui_test_wait_until (has_corpus, f->window);

  corpus = gloss_window_get_corpus (f->window);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 5);
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_null (gloss_corpus_get_file (corpus));

  g_assert_cmpstr (gloss_document_get_title (gloss_corpus_get_document (corpus, 0)), ==, "Quan hệ ngoại giao");
  document = gloss_corpus_get_document (corpus, 1);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "Hà Nội và Huế");
  g_assert_cmpuint (gloss_document_get_n_spans (document), ==, 2);
  g_assert_cmpstr (gloss_span_get_label (gloss_document_get_span (document, 1)), ==, "LOC");
  g_assert_cmpuint (gloss_span_get_start (gloss_document_get_span (document, 1)), ==, 10);
  g_assert_cmpstr (gloss_document_get_text (gloss_corpus_get_document (corpus, 2)), ==, "Hợp tác");
  document = gloss_corpus_get_document (corpus, 3);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "Bộ Ngoại giao");
  g_assert_cmpstr (gloss_span_get_label (gloss_document_get_span (document, 0)), ==, "ORG");
  document = gloss_corpus_get_document (corpus, 4);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "Đà Nẵng 🌊");
  g_assert_cmpuint (gloss_span_get_end (gloss_document_get_span (document, 0)), ==, 7);

  schema = gloss_corpus_get_schema (corpus);
  g_assert_nonnull (gloss_schema_lookup (schema, "LOC"));
  g_assert_nonnull (gloss_schema_lookup (schema, "ORG"));
  g_assert_nonnull (gloss_schema_lookup (schema, "principle"));

  g_assert_true (shows_text (GTK_WIDGET (f->window), "Imported 5 documents, with new labels; not imported: “ảnh.png”"));
}

/* A corpus open: the documents join it, and its schema gains the labels
 * it lacked. */
static void
test_drop_into_open_corpus (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) first = gloss_document_new ("dau", "Đầu", "Văn bản đầu tiên");
  g_autoptr(GFile) doccano = write_file (f, "more.jsonl", doccano_lines);
  GFile *files[] = { doccano };

  g_assert_true (gloss_corpus_add_document (corpus, first, NULL));
  gloss_corpus_set_dirty (corpus, FALSE);
  gloss_window_set_corpus (f->window, corpus);
  ui_test_iterate ();

  g_object_set_data (G_OBJECT (f->window), "expected", GUINT_TO_POINTER (3));
  drop (f, files, G_N_ELEMENTS (files));
  ui_test_wait_until (has_n_documents, f);

  g_assert_true (gloss_window_get_corpus (f->window) == corpus);
  g_assert_true (gloss_corpus_get_document (corpus, 0) == first);
  g_assert_cmpstr (gloss_document_get_text (gloss_corpus_get_document (corpus, 1)), ==, "Hà Nội và Huế");
  g_assert_nonnull (gloss_schema_lookup (gloss_corpus_get_schema (corpus), "LOC"));
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_true (gloss_window_get_document (f->window) == gloss_corpus_get_document (corpus, 1));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "Imported 2 documents, with new labels"));
}

/* A bad line anywhere: nothing joins the corpus, and the error says
 * which file and line. */
static void
test_drop_bad_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GFile) text = write_file (f, "good.txt", "Tốt");
  g_autoptr(GFile) bad = write_file (f, "bad.jsonl", "{\"text\": \"abc\", \"label\": [[0, 9, \"X\"]]}\n");
  GFile *files[] = { text, bad };
  g_autoptr(GlossDocument) document = gloss_document_new ("a", "A", "Một");
  AdwMessageDialog *dialog = NULL;

  g_assert_true (gloss_corpus_add_document (corpus, document, NULL));
  gloss_corpus_set_dirty (corpus, FALSE);
  gloss_window_set_corpus (f->window, corpus);
  ui_test_iterate ();

  drop (f, files, G_N_ELEMENTS (files));
  while ((dialog = ui_test_find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the Files");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.jsonl:1"));
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), ==, 1);
  g_assert_null (gloss_schema_lookup (gloss_corpus_get_schema (corpus), "X"));
  g_assert_false (gloss_corpus_get_dirty (corpus));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
}

/* Only files Gloss cannot read: no corpus is made, and the toast names
 * them all. */
static void
test_drop_unsupported (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) photo = write_file (f, "photo.png", "\x89PNG");
  g_autoptr(GFile) sheet = write_file (f, "bảng.csv", "a,b\n");
  GFile *files[] = { photo, sheet };

  drop (f, files, G_N_ELEMENTS (files));
  while (!shows_text (GTK_WIDGET (f->window), "Not imported"))
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (gloss_window_get_corpus (f->window));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "Not imported: “photo.png”, “bảng.csv”"));
}

static gboolean
shows_corpus_from (gpointer data)
{
  Fixture *f = data;
  GlossCorpus *corpus = gloss_window_get_corpus (f->window);
  GFile *expected = g_object_get_data (G_OBJECT (f->window), "expected-file");

  return corpus != NULL && gloss_corpus_get_file (corpus) != NULL &&
         g_file_equal (gloss_corpus_get_file (corpus), expected);
}

/* A corpus dropped opens, after the question about unsaved changes. */
static void
test_drop_corpus (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "khac.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossCorpus) other = gloss_corpus_new ();
  g_autoptr(GlossCorpus) unsaved = gloss_corpus_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("k", "Khác", "Một văn bản khác");
  g_autoptr(GlossDocument) draft = gloss_document_new ("n", "Nháp", "Bản nháp");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GFile *files[] = { file };

  g_assert_true (gloss_corpus_add_document (other, document, NULL));
  g_assert_true (gloss_corpus_save_file (other, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_corpus_add_document (unsaved, draft, NULL));
  gloss_window_set_corpus (f->window, unsaved);
  ui_test_iterate ();

  drop (f, files, G_N_ELEMENTS (files));
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (gloss_window_get_corpus (f->window) == unsaved);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_object_set_data (G_OBJECT (f->window), "expected-file", file);
  ui_test_wait_until (shows_corpus_from, f);
  g_assert_cmpstr (gloss_document_get_text (gloss_corpus_get_document (gloss_window_get_corpus (f->window), 0)),
                   ==, "Một văn bản khác");
}

/* The window drawn to pixels, in its own coordinates. */
static GdkTexture *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  /* A widget paintable draws nothing of a toplevel: ask the window itself,
   * as GTK does for each frame. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Red, green and blue of one pixel. */
static void
read_pixel (GdkTexture *texture,
            int         x,
            int         y,
            guint       rgb[3])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  const guchar *pixel;

  gdk_texture_download (texture, data, width * 4);
  pixel = data + (y * width + x) * 4;

  /* CAIRO_FORMAT_ARGB32: B, G, R, A in memory on little-endian machines */
  rgb[0] = G_BYTE_ORDER == G_LITTLE_ENDIAN ? pixel[2] : pixel[1];
  rgb[1] = G_BYTE_ORDER == G_LITTLE_ENDIAN ? pixel[1] : pixel[2];
  rgb[2] = G_BYTE_ORDER == G_LITTLE_ENDIAN ? pixel[0] : pixel[3];
}

/* While files are dragged over it, the window is framed in the accent
 * colour; not otherwise. */
static void
test_drop_highlight (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  g_autoptr(GdkTexture) idle = NULL;
  g_autoptr(GdkTexture) dragging = NULL;
  graphene_rect_t bounds;
  guint before[3];
  guint during[3];
  int x;
  int y;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL));
  ui_test_iterate ();
  g_assert_nonnull (gloss_window_get_corpus (f->window));
  ui_test_run_for (500);  /* the crossfade from the welcome page */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_compute_bounds (content, GTK_WIDGET (f->window), &bounds));
  x = bounds.origin.x + bounds.size.width - 8;
  y = bounds.origin.y + bounds.size.height / 2;

  idle = render (GTK_WIDGET (f->window));
  gtk_widget_set_state_flags (GTK_WIDGET (f->window), GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  dragging = render (GTK_WIDGET (f->window));

  /* To look at it: GLOSS_TEST_PAUSE=5 keeps it on screen that long. */
  if (g_getenv ("GLOSS_TEST_PAUSE") != NULL)
    ui_test_run_for (1000 * atoi (g_getenv ("GLOSS_TEST_PAUSE")));

  gtk_widget_unset_state_flags (GTK_WIDGET (f->window), GTK_STATE_FLAG_DROP_ACTIVE);

  /* On the frame's right side: the side panel's light grey, then
   * Adwaita's blue accent. */
  read_pixel (idle, x, y, before);
  read_pixel (dragging, x, y, during);
  g_assert_cmpuint (before[0], >, 200);
  g_assert_cmpuint (before[2], <, before[0] + 30);
  g_assert_cmpuint (during[2], >, during[0] + 80);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/ui/drop/into-new-corpus", Fixture, NULL, fixture_set_up, test_drop_into_new_corpus, fixture_tear_down);
  g_test_add ("/gloss/ui/drop/into-open-corpus", Fixture, NULL, fixture_set_up, test_drop_into_open_corpus, fixture_tear_down);
  g_test_add ("/gloss/ui/drop/bad-file", Fixture, NULL, fixture_set_up, test_drop_bad_file, fixture_tear_down);
  g_test_add ("/gloss/ui/drop/unsupported", Fixture, NULL, fixture_set_up, test_drop_unsupported, fixture_tear_down);
  g_test_add ("/gloss/ui/drop/corpus", Fixture, NULL, fixture_set_up, test_drop_corpus, fixture_tear_down);
  g_test_add ("/gloss/ui/drop/highlight", Fixture, NULL, fixture_set_up, test_drop_highlight, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
