/* gloss-bench-ui.c: how fast the window shows, labels and scrolls a document
 *
 * Opens CORPUS in a real GlossWindow and prints, one `name value` a line
 * (milliseconds), for run-bench.py:
 *
 *   load            gloss_corpus_load_file() of CORPUS
 *   first-frame     from giving the window the corpus to the end of the
 *                   first frame painted with its first document
 *   open            load + first-frame: what a user waits for
 *   key-repaint     a label key (as the key handler gets it) on a word in
 *                   view, to the end of the frame that shows the new span;
 *                   one line per press. The press comes at a random moment
 *                   of the frame interval, as a person's does (seeded).
 *   key-work        of that, the time spent in the key handler and in
 *                   painting the frame: what the press costs, without the
 *                   wait for the frame clock's next tick
 *   scroll-frame    a page down, to the end of the frame; one line per
 *                   step, from the top to the bottom of the document
 *
 * and `spans-added N`, `scroll-steps N` as checks. A frame ends with the
 * frame clock's after-paint. The references, what GTK itself takes:
 *
 *   --plain         the same text in a bare GtkTextView (same wrapping),
 *                   a "key" applying a GtkTextTag to the word
 *   --empty-window  prints when an empty libadwaita window paints its
 *                   first frame (as `gloss` does with GLOSS_BENCH_FIRST_FRAME)
 *                   and quits: the floor of a cold start
 *
 * Run under a display (Xvfb): `gloss-bench-ui [--plain] [--presses N] [--no-scroll] CORPUS`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "gloss-application.h"
#include "gloss-document-view.h"
#include "gloss-window.h"

#define FRAME_TIMEOUT_USEC (10 * G_USEC_PER_SEC)

typedef struct
{
  GdkFrameClock *clock;
  guint          n_painted;
  gint64         frame_began;  /* of the frame being painted, or the last one */
  gint64         frame_ended;
} Painter;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Painter       *painter)
{
  painter->frame_began = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Painter       *painter)
{
  painter->frame_ended = g_get_monotonic_time ();
  painter->n_painted++;
}

/* Runs the main loop until a frame is painted after now; returns when it
 * ended, or -1 if none came. */
static gint64
wait_for_frame (Painter *painter)
{
  guint before = painter->n_painted;
  gint64 deadline = g_get_monotonic_time () + FRAME_TIMEOUT_USEC;

  while (painter->n_painted == before)
    {
      if (g_get_monotonic_time () > deadline)
        return -1;
      g_main_context_iteration (NULL, TRUE);
    }

  return g_get_monotonic_time ();
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
print_ms (const char *name,
          gint64      usec)
{
  printf ("%s %.3f\n", name, usec / 1000.0);
}

/* The offset of a word near the middle of what the view shows. */
static guint
word_in_view (GtkTextView *view,
              guint        press)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x + visible.width / 4,
                                      visible.y + visible.height / 4 + (int)(press % 8) * visible.height / 16);
  if (!gtk_text_iter_starts_word (&iter))
    {
      gtk_text_iter_forward_word_end (&iter);
      gtk_text_iter_backward_word_start (&iter);
    }

  return gtk_text_iter_get_offset (&iter);
}

/* Presses a label key on a word in view; FALSE if nothing changed. */
typedef gboolean (*PressFunc) (GtkTextView *view,
                               guint        offset,
                               guint        press);

static gboolean
press_label_key (GtkTextView *view,
                 guint        offset,
                 guint        press)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (view);
  GlossDocument *document = gloss_document_view_get_document (self);
  GlossSchema *schema = gloss_corpus_get_schema (gloss_document_view_get_corpus (self));
  GlossLabel *label = gloss_schema_get_label (schema, press % gloss_schema_get_n_labels (schema));
  guint n_spans = gloss_document_get_n_spans (document);

  if (!gloss_document_view_handle_key (self, gdk_unicode_to_keyval (g_utf8_get_char (gloss_label_get_key (label))), 0))
    return FALSE;

  /* A word that had the span already: refused, nothing to repaint. */
  return gloss_document_get_n_spans (document) > n_spans;
}

static gboolean
press_tag_key (GtkTextView *view,
               guint        offset,
               guint        press)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (!gtk_text_iter_ends_word (&end))
    gtk_text_iter_forward_word_end (&end);
  gtk_text_buffer_apply_tag_by_name (buffer, press % 2 ? "one" : "two", &start, &end);

  return TRUE;
}

/* Not inlined, so that a profiler can be told to look at it alone:
 * valgrind --tool=callgrind --collect-atstart=no --toggle-collect=measure_key_presses */
static G_GNUC_NO_INLINE guint
measure_key_presses (GtkTextView *view,
                     Painter     *painter,
                     PressFunc    press_key,
                     guint        n_presses)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  guint n_changed = 0;

  for (guint i = 0; i < n_presses; i++)
    {
      guint offset = word_in_view (view, i);
      GtkTextIter start;
      GtkTextIter end;
      gint64 pressed;
      gint64 handled;
      gint64 painted;

      /* The selection drawn first, so that its frame is not counted. */
      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + 1);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_widget_queue_draw (GTK_WIDGET (view));
      if (wait_for_frame (painter) < 0)
        return G_MAXUINT;

      /* Somewhere in the next frame interval (60 Hz). */
      g_usleep (g_rand_int_range (rand, 0, G_USEC_PER_SEC / 60));

      pressed = g_get_monotonic_time ();
      if (!press_key (view, offset, i))
        continue;
      handled = g_get_monotonic_time ();
      if ((painted = wait_for_frame (painter)) < 0)
        return G_MAXUINT;
      print_ms ("key-repaint", painted - pressed);
      print_ms ("key-work", (handled - pressed) + (painter->frame_ended - MAX (painter->frame_began, handled)));
      n_changed++;
    }

  return n_changed;
}

static gboolean
measure_scroll (GtkTextView *view,
                Painter     *painter)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n_steps = 0;

  gtk_adjustment_set_value (adjustment, 0);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  if (wait_for_frame (painter) < 0)
    return FALSE;

  /* The text view lays the text out as it goes: the upper bound grows
   * while scrolling, so the bottom is where a step no longer moves. */
  while (n_steps < 100000)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      gint64 start = g_get_monotonic_time ();
      gint64 end;

      gtk_adjustment_set_value (adjustment, value + page);
      if (gtk_adjustment_get_value (adjustment) <= value)
        break;
      if ((end = wait_for_frame (painter)) < 0)
        return FALSE;
      print_ms ("scroll-frame", end - start);
      n_steps++;
    }

  printf ("scroll-steps %u\n", n_steps);

  return n_steps > 0;
}

static GtkTextView *
show_plain (GtkWindow     *window,
            GlossDocument *document)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_create_tag (buffer, "one", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "two", "background", "#f6d32d", NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (window, scrolled);
  gtk_text_buffer_set_text (buffer, gloss_document_get_text (document), -1);

  return GTK_TEXT_VIEW (view);
}

static GtkTextView *
show_corpus (GlossWindow *window,
             GlossCorpus *corpus)
{
  GtkWidget *view;

  gloss_window_set_corpus (window, corpus);
  view = find_widget (GTK_WIDGET (window), GLOSS_TYPE_DOCUMENT_VIEW);
  if (view == NULL || gloss_document_view_get_document (GLOSS_DOCUMENT_VIEW (view)) != gloss_corpus_get_document (corpus, 0))
    return NULL;

  return GTK_TEXT_VIEW (view);
}

static void
on_empty_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gloss_application_quit_on_first_frame (app, GTK_WINDOW (window));
}

/* An empty libadwaita window, started as Gloss starts. */
static int
run_empty_window (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.glossapp.GlossBench", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_empty_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  Painter painter = { 0 };
  GtkWindow *window;
  GtkTextView *view;
  gboolean plain = FALSE;
  gboolean empty_window = FALSE;
  gboolean no_scroll = FALSE;
  int n_presses = 20;
  guint n_changed;
  gint64 start;
  gint64 loaded;
  gint64 shown;
  GOptionEntry entries[] = {
    { "presses", 'n', 0, G_OPTION_ARG_INT, &n_presses, "Label key presses to time", "N" },
    { "plain", 0, 0, G_OPTION_ARG_NONE, &plain, "A bare GtkTextView instead of Gloss’s window", NULL },
    { "empty-window", 0, 0, G_OPTION_ARG_NONE, &empty_window, "Time an empty window’s first frame", NULL },
    { "no-scroll", 0, 0, G_OPTION_ARG_NONE, &no_scroll, "Leave out the scrolling (for profiling)", NULL },
    { NULL }
  };

  context = g_option_context_new ("CORPUS");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || (!empty_window && argc != 2))
    {
      fprintf (stderr, "usage: gloss-bench-ui [--plain] [--presses N] CORPUS | --empty-window\n");
      return 2;
    }

  if (empty_window)
    return run_empty_window ();

  gtk_init ();
  adw_init ();

  app = GTK_APPLICATION (gloss_application_new ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "gloss-bench-ui: %s\n", error->message);
      return 1;
    }

  window = plain ? GTK_WINDOW (gtk_application_window_new (app)) : GTK_WINDOW (gloss_window_new (app));
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  painter.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (painter.clock, "before-paint", G_CALLBACK (on_before_paint_cb), &painter);
  g_signal_connect (painter.clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painter);
  /* The empty window first, so that its own start is not counted. */
  if (wait_for_frame (&painter) < 0)
    return 1;

  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  if (!(corpus = gloss_corpus_load_file (file, NULL, NULL, &error)))
    {
      fprintf (stderr, "gloss-bench-ui: %s: %s\n", argv[1], error->message);
      return 1;
    }
  loaded = g_get_monotonic_time ();

  if (plain)
    view = show_plain (window, gloss_corpus_get_document (corpus, 0));
  else if (!(view = show_corpus (GLOSS_WINDOW (window), corpus)))
    {
      fprintf (stderr, "gloss-bench-ui: the window does not show the first document\n");
      return 1;
    }
  if ((shown = wait_for_frame (&painter)) < 0)
    return 1;

  printf ("renderer %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  print_ms ("load", loaded - start);
  print_ms ("first-frame", shown - loaded);
  print_ms ("open", shown - start);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  n_changed = measure_key_presses (view, &painter, plain ? press_tag_key : press_label_key, n_presses);
  if (n_changed == G_MAXUINT || (!no_scroll && !measure_scroll (view, &painter)))
    {
      fprintf (stderr, "gloss-bench-ui: a frame did not come\n");
      return 1;
    }
  printf ("spans-added %u\n", n_changed);

  gtk_window_destroy (window);

  return 0;
}
