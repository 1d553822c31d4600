/* test-statistics-window.c: the statistics window on a corpus, what it shows, how
 * it follows changes, the agreement page and the CSV export
 *
 * What the window shows is read back from its labels, as a person (or a
 * screen reader) would read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-application.h"
#include "gloss-bar-chart.h"
#include "gloss-statistics-window.h"
#include "gloss-window.h"
#include "ui-test-util.h"

#include "../core/format-test-util.h"

typedef struct
{
  GlossStatisticsWindow *window;
  GlossCorpus           *corpus;
  char                  *tmpdir;
} Fixture;

static GtkApplication *app;

/* Helpers */

static void
add_span (GlossDocument *document,
          guint          start,
          guint          end,
          const char    *label)
{
  g_autoptr(GlossSpan) span = gloss_span_new_full (NULL, start, end, label, NULL, "an", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);
}

/* Two documents, a Vietnamese title with a comma and an emoji title with
 * quotes and a line break; spans of 1, 3 and 8 code points in the first,
 * 5 (the family emoji) and 2 in the second, which is done. */
static GlossCorpus *
corpus_new (void)
{
  GlossCorpus *corpus = gloss_corpus_new ();
  GlossDocument *first = format_test_add_document (corpus, "vi", "Nguyên tắc, nhiệm vụ và trụ cột");
  GlossDocument *second = format_test_add_document (corpus, "emoji", "👩‍👩‍👧 family ab");

  gloss_document_set_title (first, "Tiếng Việt, có dấu");
  gloss_document_set_title (second, "👩‍👩‍👧 \"family\"\nline two");
  gloss_document_set_done (second, TRUE);
  add_span (first, 0, 1, "principle");
  add_span (first, 0, 3, "task");
  add_span (first, 12, 20, "task");
  add_span (second, 0, 5, "pillar");
  add_span (second, 13, 15, "task");
  gloss_corpus_set_dirty (corpus, FALSE);

  return corpus;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* The text of every label on show in @widget, one a line, in widget
 * order: a summary card reads “5\nspans”, a chart row “Task\n3”. */
static char *
shown_text (GtkWidget *widget)
{
  GString *out = g_string_new ("\n");

  collect_text (widget, out);

  return g_string_free (out, FALSE);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} ShowsData;

static gboolean
shows_cb (gpointer data)
{
  ShowsData *shows = data;
  g_autofree char *text = shown_text (shows->widget);

  return strstr (text, shows->text) != NULL;
}

/* Waits until @widget shows @text, each line of it whole. */
static void
wait_for_text (gpointer    widget,
               const char *text)
{
  g_autofree char *lines = g_strdup_printf ("\n%s\n", text);
  ShowsData data = { widget, lines };

  ui_test_wait_until (shows_cb, &data);
}

static void
assert_shows (gpointer    widget,
              const char *text)
{
  g_autofree char *lines = g_strdup_printf ("\n%s\n", text);
  g_autofree char *shown = shown_text (widget);

  if (strstr (shown, lines) == NULL)
    g_error ("“%s” is not shown in:%s", text, shown);
}

static void
assert_not_shown (gpointer    widget,
                  const char *text)
{
  g_autofree char *lines = g_strdup_printf ("\n%s\n", text);
  g_autofree char *shown = shown_text (widget);

  g_assert_null (strstr (shown, lines));
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
show_page (Fixture    *f,
           const char *name)
{
  GtkWidget *stack = GTK_WIDGET (f->window);

  /* The window's one AdwViewStack, found by walking down to it. */
  while (stack != NULL && !ADW_IS_VIEW_STACK (stack))
    {
      GtkWidget *child = gtk_widget_get_first_child (stack);

      while (child != NULL && !gtk_widget_get_visible (child))
        child = gtk_widget_get_next_sibling (child);
      if (child != NULL && gtk_widget_get_next_sibling (child) != NULL
          && ADW_IS_VIEW_STACK (gtk_widget_get_next_sibling (child)))
        child = gtk_widget_get_next_sibling (child);
      stack = child;
    }
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  ui_test_iterate ();
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contents);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmpdir = format_test_make_tmp_dir ();
  f->corpus = corpus_new ();
  f->window = gloss_statistics_window_new (f->corpus);
  gtk_window_set_application (GTK_WINDOW (f->window), app);
  gtk_window_present (GTK_WINDOW (f->window));
  ui_test_wait_until (mapped_cb, f->window);
  wait_for_text (f->window, "5\nspans");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_iterate ();
  g_clear_object (&f->corpus);
  format_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

/* Tests */

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  GlossStatistics *statistics = gloss_statistics_window_get_statistics (f->window);

  g_assert_cmpuint (gloss_statistics_get_n_spans (statistics), ==, 5);

  /* The summary */
  assert_shows (f->window, "2\ndocuments");
  assert_shows (f->window, "1\ndocument done");
  assert_shows (f->window, "5\nspans");
  assert_shows (f->window, "46\ncharacters");
  assert_shows (f->window, "1\nannotator");

  /* Spans per label, by their display names, then the lengths: 1 | 2–3
   * (3 and 2) | 4–7 (5) | 8–15 (8) */
  assert_shows (f->window, "Principle\n1\nTask\n3\nPillar\n1");
  assert_shows (f->window, "1\n1\n2–3\n2\n4–7\n1\n8–15\n1");
  assert_not_shown (f->window, "No spans yet");
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  show_page (f, "documents");
  wait_for_text (f->window, "Tiếng Việt, có dấu");

  assert_shows (f->window, "1 of 2 documents done");
  /* Title, characters, spans; the done check is an image */
  assert_shows (f->window, "Tiếng Việt, có dấu\n31\n3");
  assert_shows (f->window, "👩‍👩‍👧 \"family\"\nline two\n15\n2");

  /* A row follows its document. */
  add_span (gloss_corpus_get_document (f->corpus, 1), 6, 12, "task");
  wait_for_text (f->window, "👩‍👩‍👧 \"family\"\nline two\n15\n3");
}

/* Many documents: the list makes rows for what shows only. */
static void
test_many_documents (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  /* Grouped as the machine's locale groups digits */
  g_autofree char *progress = g_strdup_printf ("%'u of %'u documents done", 2500, 5000);
  gint64 start;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      GlossDocument *document = format_test_add_document (corpus, id, "một hai ba");

      add_span (document, 0, 3, "task");
      gloss_document_set_done (document, i % 2 == 0);
    }

  show_page (f, "documents");
  start = g_get_monotonic_time ();
  gloss_statistics_window_set_corpus (f->window, corpus);
  wait_for_text (f->window, progress);
  g_test_message ("5,000 documents shown in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  assert_shows (f->window, "d0\n10\n1");
  assert_not_shown (f->window, "d4999");
}

static void
test_follows_corpus (Fixture       *f,
                     gconstpointer  data)
{
  GlossDocument *first = gloss_corpus_get_document (f->corpus, 0);

  add_span (first, 4, 6, "pillar");
  wait_for_text (f->window, "6\nspans");
  assert_shows (f->window, "Principle\n1\nTask\n3\nPillar\n2");

  gloss_document_set_done (first, TRUE);
  wait_for_text (f->window, "2\ndocuments done");

  format_test_add_document (f->corpus, "third", "ba");
  wait_for_text (f->window, "3\ndocuments");

  /* Hidden, the window counts nothing; shown again, it catches up. */
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  add_span (gloss_corpus_lookup_document (f->corpus, "third"), 0, 2, "task");
  ui_test_run_for (400);
  g_assert_cmpuint (gloss_statistics_get_n_spans (gloss_statistics_window_get_statistics (f->window)), ==, 6);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_text (f->window, "7\nspans");
}

static void
test_empty_corpus (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossCorpus) empty = gloss_corpus_new ();

  gloss_statistics_window_set_corpus (f->window, empty);
  wait_for_text (f->window, "0\nspans");
  assert_shows (f->window, "0\ndocuments");
  assert_shows (f->window, "No spans yet");
  assert_shows (f->window, "Principle\n0");
}

static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossCorpus) other = gloss_corpus_new ();
  GlossDocument *document;
  GlossAgreement *agreement;
  GlossSpanScores scores;
  g_autofree char *text = NULL;

  show_page (f, "agreement");
  assert_shows (f->window, "No Second Corpus");
  g_assert_null (gloss_statistics_window_get_agreement (f->window));

  /* The other annotator matches the task span of 0–3 exactly and the
   * long one 12–20 partly (12–18), missed the principle span, and has the
   * second document with another text. */
  document = format_test_add_document (other, "vi", "Nguyên tắc, nhiệm vụ và trụ cột");
  add_span (document, 0, 3, "task");
  add_span (document, 12, 18, "task");
  format_test_add_document (other, "emoji", "another text");

  gloss_statistics_window_set_other_corpus (f->window, other);
  wait_for_text (f->window, "Span F1, exact match");
  agreement = gloss_statistics_window_get_agreement (f->window);
  g_assert_nonnull (agreement);
  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 1);

  /* vi: 3 spans against 2; exact 1 matched: F1 2/5; partial 2: 4/5.
   * Macro over the labels either used: task 1/2 (partial 1), principle 0;
   * pillar, which no one used, is n/a. */
  assert_shows (f->window, "0.40 micro · 0.25 macro");
  assert_shows (f->window, "0.80 micro · 0.50 macro");
  assert_shows (f->window, "This corpus and Other corpus: 1 document compared");
  assert_shows (f->window, "Task\n0.50 / 1.00");
  assert_shows (f->window, "Principle\n0.00 / 0.00");
  assert_shows (f->window, "Pillar\nn/a / n/a");
  text = shown_text (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, "“emoji”"));

  /* The other corpus changes: the scores follow. Exact: 2 of 3 and 3,
   * principle 1 and task 1/2. */
  add_span (document, 0, 1, "principle");
  wait_for_text (f->window, "0.67 micro · 0.75 macro");

  /* On another page the scores wait until their page shows again. */
  show_page (f, "overview");
  add_span (document, 20, 23, "pillar");
  ui_test_run_for (400);
  gloss_agreement_get_span_scores (gloss_statistics_window_get_agreement (f->window), 0, 1,
                                   GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  g_assert_cmpuint (scores.second, ==, 3);
  show_page (f, "agreement");
  gloss_agreement_get_span_scores (gloss_statistics_window_get_agreement (f->window), 0, 1,
                                   GLOSS_AGREEMENT_EXACT, GLOSS_AGREEMENT_ALL_LABELS, &scores);
  g_assert_cmpuint (scores.second, ==, 4);

  gloss_statistics_window_set_other_corpus (f->window, NULL);
  wait_for_text (f->window, "No Second Corpus");
  g_assert_null (gloss_statistics_window_get_agreement (f->window));
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "table.csv", NULL);
  g_autofree char *missing = g_build_filename (f->tmpdir, "no-such-folder", "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GlossCorpus) other = corpus_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (gloss_statistics_window_export_csv (f->window, "documents", file, &error));
  g_assert_no_error (error);
  documents = read_file (path);
  g_assert_cmpstr (documents, ==,
                   "id,title,characters,done,spans,principle,task,pillar\r\n"
                   "vi,\"Tiếng Việt, có dấu\",31,false,3,1,2,0\r\n"
                   "emoji,\"👩‍👩‍👧 \"\"family\"\"\nline two\",15,true,2,0,1,1\r\n");

  /* What is written is the corpus now, even before the window recounts. */
  add_span (gloss_corpus_get_document (f->corpus, 1), 6, 12, "pillar");
  g_assert_true (gloss_statistics_window_export_csv (f->window, "labels", file, &error));
  g_assert_no_error (error);
  labels = read_file (path);
  g_assert_cmpstr (labels, ==,
                   "label,name,color,spans\r\n"
                   "principle,Principle,#3584e4,1\r\n"
                   "task,Task,#2ec27e,3\r\n"
                   "pillar,Pillar,#e5a50a,2\r\n");

  /* No second corpus: no agreement table, and the file stays as it was. */
  g_assert_false (gloss_statistics_window_export_csv (f->window, "agreement", file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  kept = read_file (path);
  g_assert_cmpstr (kept, ==, labels);

  g_assert_false (gloss_statistics_window_export_csv (f->window, "lengths", missing_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  gloss_statistics_window_set_other_corpus (f->window, other);
  g_assert_true (gloss_statistics_window_export_csv (f->window, "agreement", file, &error));
  g_assert_no_error (error);
  agreement = read_file (path);
  g_assert_true (g_str_has_prefix (agreement, "scope,label,first_spans,second_spans,exact_matched,"));
  /* The extra pillar span is the only difference: 6 spans against 5. */
  g_assert_nonnull (strstr (agreement, "\r\nmicro,,6,5,5,1.0000,0.8333,0.9091,"));
}

/* The statistics windows besides the fixture's; the last in @found. */
static guint
count_statistics_windows (Fixture                *f,
                          GlossStatisticsWindow **found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_STATISTICS_WINDOW (toplevel) && toplevel != GTK_WINDOW (f->window))
        {
          *found = GLOSS_STATISTICS_WINDOW (toplevel);
          n++;
        }
    }

  return n;
}

/* The window's action opens one statistics window, which follows the
 * window's corpus and goes with the window. */
static void
test_window_action (Fixture       *f,
                    gconstpointer  data)
{
  GlossWindow *window = gloss_window_new (app);
  g_autoptr(GlossCorpus) other = corpus_new ();
  GlossStatisticsWindow *statistics = NULL;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate ();
  /* Without a corpus there is nothing to count: the action is off. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  ui_test_iterate ();
  g_assert_cmpuint (count_statistics_windows (f, &statistics), ==, 0);

  gloss_window_set_corpus (window, f->corpus);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL));
  ui_test_iterate ();

  g_assert_cmpuint (count_statistics_windows (f, &statistics), ==, 1);
  g_assert_true (gloss_statistics_window_get_corpus (statistics) == f->corpus);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (statistics)) == GTK_WINDOW (window));
  wait_for_text (statistics, "5\nspans");

  gloss_corpus_set_dirty (f->corpus, FALSE);
  gloss_window_set_corpus (window, other);
  g_assert_true (gloss_statistics_window_get_corpus (statistics) == other);

  g_object_add_weak_pointer (G_OBJECT (statistics), (gpointer *)&statistics);
  gloss_corpus_set_dirty (other, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (statistics);
}

typedef struct
{
  GtkWidget *chart;
  gboolean   rtl;
} ChartSides;

/* Whether the chart's first row has been laid out, the name on the side
 * the direction asks for. */
static gboolean
chart_laid_out_cb (gpointer data)
{
  ChartSides *sides = data;
  GtkWidget *name = gtk_widget_get_first_child (sides->chart);
  GtkWidget *value = gtk_widget_get_next_sibling (name);
  graphene_rect_t name_bounds;
  graphene_rect_t value_bounds;

  if (gtk_widget_get_width (sides->chart) == 0 ||
      !gtk_widget_compute_bounds (name, sides->chart, &name_bounds) ||
      !gtk_widget_compute_bounds (value, sides->chart, &value_bounds))
    return FALSE;

  if (sides->rtl)
    return name_bounds.origin.x > value_bounds.origin.x &&
           G_APPROX_VALUE (name_bounds.origin.x + name_bounds.size.width,
                           (float)gtk_widget_get_width (sides->chart), 0.5f);

  return name_bounds.origin.x == 0 && value_bounds.origin.x > name_bounds.size.width;
}

/* Under a right-to-left direction the chart mirrors: the name on the
 * right edge, the value left of the bar. */
static void
test_chart_rtl (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = gloss_bar_chart_new ();
  GlossBarSegment segment = { 3, { 0.2, 0.5, 0.9, 1.0 } };
  ChartSides sides = { chart, FALSE };

  gloss_bar_chart_append (GLOSS_BAR_CHART (chart), "قاعدة", "3", &segment, 1);
  g_assert_cmpuint (gloss_bar_chart_get_n_rows (GLOSS_BAR_CHART (chart)), ==, 1);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 100);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (chart_laid_out_cb, &sides);

  sides.rtl = TRUE;
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_RTL);
  ui_test_wait_until (chart_laid_out_cb, &sides);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screenshots (only with GLOSS_SCREENSHOT_DIR set) */

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static GlossCorpus *
load_sample (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/glossapp/Gloss/sample/sample.gloss.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return gloss_corpus_load_bytes (bytes, NULL, NULL);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("GLOSS_SCREENSHOT_DIR");
  g_autoptr(GlossCorpus) sample = load_sample ();
  g_autoptr(GlossCorpus) other = load_sample ();
  const char *pages[] = { "overview", "documents", "agreement" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *spans = NULL;

  /* The other annotator missed every third span of the first document. */
  for (guint i = 0; i < gloss_corpus_get_n_documents (other); i++)
    {
      GlossDocument *document = gloss_corpus_get_document (other, i);

      for (guint j = gloss_document_get_n_spans (document); j-- > 0;)
        if (j % 3 == i % 3)
          gloss_document_remove_span (document, gloss_document_get_span (document, j));
    }
  gloss_document_set_done (gloss_corpus_get_document (sample, 0), TRUE);
  gloss_document_set_done (gloss_corpus_get_document (sample, 2), TRUE);

  gloss_statistics_window_set_corpus (f->window, sample);
  gloss_statistics_window_set_other_corpus (f->window, other);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 760, 720);
  if (g_strcmp0 (g_getenv ("GLOSS_SCREENSHOT_RTL"), "1") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  spans = g_strdup_printf ("%u\nspans", gloss_corpus_count_spans (sample));
  wait_for_text (f->window, spans);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *name = g_strdup_printf ("stats-%s-%s.png", pages[i], dark ? "dark" : "light");

          show_page (f, pages[i]);
          ui_test_run_for (300);
          save_png (GTK_WIDGET (f->window), dir, name);
        }
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gloss_statistics_window_set_other_corpus (f->window, NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gloss/ui/statistics-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("overview", test_overview);
  ADD ("documents", test_documents);
  ADD ("many-documents", test_many_documents);
  ADD ("follows-corpus", test_follows_corpus);
  ADD ("empty-corpus", test_empty_corpus);
  ADD ("agreement", test_agreement);
  ADD ("export-csv", test_export_csv);
  ADD ("window-action", test_window_action);
  ADD ("chart-rtl", test_chart_rtl);
  if (g_getenv ("GLOSS_SCREENSHOT_DIR") != NULL)
    ADD ("screenshots", test_screenshots);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
