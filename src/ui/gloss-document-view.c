/* gloss-document-view.c: the text of a document with its spans
 *
 * A read-only GtkTextView. Spans are not GtkTextTags (20,000 tags would make
 * a large document slow to open and to change): they are drawn in
 * snapshot_layer, only those on screen, as a translucent fill behind the
 * text and a stacked underline each below it, so that nested and
 * overlapping spans stay apart. Search matches are drawn the same way, as
 * a background under the spans' fills.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-document-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-document-view.h"
#include "gloss-span-layout.h"

/* The reading column, and the space below every line that holds the
 * underlines (pixels-inside-wrap and pixels-below-lines). */
#define READING_WIDTH_CHARS 75
#define MIN_SIDE_MARGIN     18
#define VERTICAL_MARGIN     24
#define LINE_ROOM           12
#define PARAGRAPH_GAP       8

/* How far the pointer may move between press and release for a click. */
#define CLICK_SLOP 4.0

/* How long a span's text may be in a popover before it is shortened. */
#define SLICE_CHARS 60

typedef enum
{
  CHOOSE_TO_DELETE,
  CHOOSE_TO_EDIT,
} ChooseMode;

/* One display line's piece of a range of text, in buffer coordinates. */
typedef struct
{
  graphene_rect_t  rect;
  guint            start;
  guint            end;
} LinePiece;

/* One line's piece of a visible span, in buffer coordinates. */
typedef struct
{
  graphene_rect_t  rect;
  GlossSpanColors  colors;
  guint            level;
  guint            first : 1;
  guint            last : 1;
} Segment;

struct _GlossDocumentView
{
  GtkTextView      parent_instance;

  GlossCorpus     *corpus;
  GlossDocument   *document;
  GlossSchema     *schema;
  char            *annotator;
  gboolean         snap_to_words;
  int              font_size;      /* points, 0 for the style's */
  GtkCssProvider  *font_provider;

  /* Caches, NULL when stale. */
  GHashTable      *levels;         /* GlossSpan * → level + 1 */
  GArray          *tokens;         /* GlossToken, for snapping */
  GCancellable    *tokenizing;     /* while a thread makes them */
  GHashTable      *colors;         /* label id → GlossSpanColors */

  /* The segments of the frame being drawn, from the layer below the text
   * to the one above it. */
  GArray          *segments;
  GArray          *pieces;         /* LinePiece, scratch */

  /* Search matches (GlossSearchMatch, in text order) and the current one,
   * G_MAXUINT for none; the range the search last selected, which a label
   * key labels as it is. */
  GArray          *matches;
  guint            current_match;
  guint            found_start;
  guint            found_end;
  gboolean         has_found;

  /* Disagreements with another annotator (GlossDisagreement, in text
   * order) and the one being settled, G_MAXUINT for none. */
  GPtrArray       *disagreements;
  guint            current_disagreement;

  /* A click without a drag (a press and a release close together) opens
   * the span popover, once it is clear that it is not a double click. */
  double           press_x;
  double           press_y;
  guint32          last_release_time;
  guint            click_timeout_id;
  guint            accessible_idle_id;
  guint            press_pending : 1;

  GtkWidget       *span_popover;
  GtkWidget       *span_title;
  GtkWidget       *label_dropdown;
  GtkWidget       *note_entry;
  GPtrArray       *dropdown_ids;
  GlossSpan       *popover_span;
  gboolean         updating_popover;

  GtkAdjustment   *vadjustment;    /* followed for redraws */
  guint            redraw_source;

  GtkWidget       *choose_popover;
  GtkWidget       *choose_heading;
  GtkWidget       *choose_list;
  GPtrArray       *choose_spans;
  ChooseMode       choose_mode;
};

G_DEFINE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_DOCUMENT,
  PROP_ANNOTATOR,
  PROP_SNAP_TO_WORDS,
  PROP_FONT_SIZE,
  N_PROPS
};

enum {
  ACTION_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void rebuild_dropdown    (GlossDocumentView *self);
static void disconnect_document (GlossDocumentView *self);

/* Helpers */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static GlossHistory *
get_history (GlossDocumentView *self)
{
  return gloss_corpus_get_history (self->corpus);
}

static gboolean
check_document (GlossDocumentView  *self,
                GError            **error)
{
  if (self->document != NULL)
    return TRUE;

  g_set_error_literal (error, GLOSS_CORPUS_ERROR, GLOSS_CORPUS_ERROR_UNKNOWN_DOCUMENT,
                       _("No document is open"));
  return FALSE;
}

static void
report_error (GlossDocumentView *self,
              const GError      *error)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  g_signal_emit (self, signals [ACTION_FAILED], 0, error);
}

static void
get_iter_at_offset (GlossDocumentView *self,
                    GtkTextIter       *iter,
                    guint              offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int)offset);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
label_name (GlossDocumentView *self,
            const char        *label_id)
{
  GlossLabel *label = NULL;

  if (self->schema != NULL)
    label = gloss_schema_lookup (self->schema, label_id);

  return label != NULL ? gloss_label_get_display_name (label, NULL) : label_id;
}

/* The span's text, shortened to fit a popover row. */
static char *
dup_span_slice (GlossDocumentView *self,
                GlossSpan         *span)
{
  guint start = gloss_span_get_start (span);
  guint end = gloss_span_get_end (span);
  g_autofree char *slice = NULL;
  g_autofree char *flat = NULL;

  if (end - start <= SLICE_CHARS)
    slice = gloss_document_dup_slice (self->document, start, end);
  else
    {
      g_autofree char *head = gloss_document_dup_slice (self->document, start, start + SLICE_CHARS / 2);
      g_autofree char *tail = gloss_document_dup_slice (self->document, end - SLICE_CHARS / 2, end);

      slice = g_strconcat (head, "…", tail, NULL);
    }

  flat = g_strdelimit (g_steal_pointer (&slice), "\r\n\t", ' ');

  /* TRANSLATORS: the text of a span, quoted */
  return g_strdup_printf (_("“%s”"), flat);
}

static void
ensure_levels (GlossDocumentView *self)
{
  guint n;
  g_autofree GlossInterval *intervals = NULL;
  g_autofree guint *levels = NULL;

  if (self->levels != NULL)
    return;

  self->levels = g_hash_table_new (NULL, NULL);
  if (self->document == NULL)
    return;

  /* Spans are kept sorted by start, as the colouring needs. */
  n = gloss_document_get_n_spans (self->document);
  intervals = g_new (GlossInterval, MAX (n, 1));
  levels = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      GlossSpan *span = gloss_document_get_span (self->document, i);

      intervals[i].start = gloss_span_get_start (span);
      intervals[i].end = gloss_span_get_end (span);
    }

  gloss_span_layout_assign_levels (intervals, n, levels);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->levels, gloss_document_get_span (self->document, i),
                         GUINT_TO_POINTER (levels[i] + 1));
}

static guint
lookup_level (GlossDocumentView *self,
              GlossSpan         *span)
{
  guint level = GPOINTER_TO_UINT (g_hash_table_lookup (self->levels, span));

  return level > 0 ? level - 1 : 0;
}

static const GlossSpanColors *
lookup_colors (GlossDocumentView *self,
               const char        *label_id)
{
  GlossSpanColors *colors;
  GlossLabel *label = NULL;
  GdkRGBA base;

  if (self->colors == NULL)
    self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  colors = g_hash_table_lookup (self->colors, label_id);
  if (colors != NULL)
    return colors;

  if (self->schema != NULL)
    label = gloss_schema_lookup (self->schema, label_id);

  /* A span whose label is not in the schema is drawn grey. */
  gloss_span_layout_parse_color (label != NULL ? gloss_label_get_color (label) : NULL, &base);

  colors = g_new0 (GlossSpanColors, 1);
  gloss_span_layout_colors (&base, is_dark (), colors);
  g_hash_table_insert (self->colors, g_strdup (label_id), colors);

  return colors;
}

/* The code points on screen, a line more on either side for the underlines
 * of the line above the top edge. */
static gboolean
get_visible_range (GlossDocumentView *self,
                   guint             *start,
                   guint             *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter first;
  GtkTextIter last;

  gtk_text_view_get_visible_rect (view, &visible);
  if (visible.width <= 0 || visible.height <= 0)
    return FALSE;

  gtk_text_view_get_iter_at_location (view, &first, visible.x, MAX (visible.y - LINE_ROOM, 0));
  gtk_text_view_backward_display_line_start (view, &first);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width,
                                      visible.y + visible.height + LINE_ROOM);
  gtk_text_view_forward_display_line_end (view, &last);
  gtk_text_iter_forward_char (&last);

  *start = gtk_text_iter_get_offset (&first);
  *end = gtk_text_iter_get_offset (&last);

  return *start < *end;
}

/* Splits [start, end) into one piece per display line, leaving out line
 * breaks. */
static void
collect_line_pieces (GlossDocumentView *self,
                     guint              start,
                     guint              end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;

  g_array_set_size (self->pieces, 0);
  get_iter_at_offset (self, &iter, start);

  while ((guint)gtk_text_iter_get_offset (&iter) < end)
    {
      GtkTextIter next = iter;
      GtkTextIter last;
      GdkRectangle r1;
      GdkRectangle r2;
      LinePiece piece;
      double x;
      double width;

      if (!gtk_text_view_forward_display_line (view, &next) ||
          (guint)gtk_text_iter_get_offset (&next) > end)
        get_iter_at_offset (self, &next, end);

      piece.start = gtk_text_iter_get_offset (&iter);
      piece.end = gtk_text_iter_get_offset (&next);
      if (piece.end <= piece.start)
        break;

      /* The line break or the space where a line wraps has no useful box
       * (it may be placed on the next line): end on the last visible
       * character. */
      last = next;
      gtk_text_iter_backward_char (&last);
      while (gtk_text_iter_compare (&last, &iter) > 0 &&
             (gtk_text_iter_ends_line (&last) || g_unichar_isspace (gtk_text_iter_get_char (&last))))
        gtk_text_iter_backward_char (&last);

      if (!gtk_text_iter_ends_line (&last))
        {
          gtk_text_view_get_iter_location (view, &iter, &r1);
          gtk_text_view_get_iter_location (view, &last, &r2);
          gloss_span_layout_extent (r1.x, r1.width, r2.x, r2.width, &x, &width);
          piece.rect = GRAPHENE_RECT_INIT (x, r1.y, width, r1.height);
          g_array_append_val (self->pieces, piece);
        }

      iter = next;
    }
}

/* The visible part [start, end) of a span, a segment per display line. */
static void
add_span_segments (GlossDocumentView     *self,
                   GlossSpan             *span,
                   guint                  start,
                   guint                  end,
                   const GlossSpanColors *colors,
                   guint                  level)
{
  collect_line_pieces (self, start, end);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const LinePiece *piece = &g_array_index (self->pieces, LinePiece, i);
      Segment segment;

      segment.rect = piece->rect;
      segment.colors = *colors;
      segment.level = level;
      segment.first = piece->start == gloss_span_get_start (span);
      segment.last = piece->end == gloss_span_get_end (span);
      g_array_append_val (self->segments, segment);
    }
}

static void
compute_segments (GlossDocumentView *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  guint visible_start;
  guint visible_end;

  g_array_set_size (self->segments, 0);

  if (self->document == NULL || gloss_document_get_n_spans (self->document) == 0)
    return;

  if (!get_visible_range (self, &visible_start, &visible_end))
    return;

  ensure_levels (self);

  spans = gloss_document_query_range (self->document, visible_start, visible_end);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      guint start;
      guint end;

      if (gloss_span_layout_clip (gloss_span_get_start (span), gloss_span_get_end (span),
                                  visible_start, visible_end, &start, &end))
        add_span_segments (self, span, start, end,
                           lookup_colors (self, gloss_span_get_label (span)),
                           lookup_level (self, span));
    }
}

static void
snapshot_match (GlossDocumentView      *self,
                GtkSnapshot            *snapshot,
                const GlossSearchMatch *match,
                guint                   visible_start,
                guint                   visible_end,
                gboolean                current,
                const GlossMatchColors *colors)
{
  guint start;
  guint end;

  if (!gloss_span_layout_clip (match->start, match->end, visible_start, visible_end, &start, &end))
    return;

  collect_line_pieces (self, start, end);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const LinePiece *piece = &g_array_index (self->pieces, LinePiece, i);
      const float widths[4] = { 1, 1, 1, 1 };
      const GdkRGBA borders[4] = {
        colors->current_border, colors->current_border, colors->current_border, colors->current_border
      };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &piece->rect, 3);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, current ? &colors->current_fill : &colors->fill, &piece->rect);
      gtk_snapshot_pop (snapshot);
      if (current)
        gtk_snapshot_append_border (snapshot, &outline, widths, borders);
    }
}

/* Under the spans, the matches on screen. */
static void
snapshot_matches (GlossDocumentView *self,
                  GtkSnapshot       *snapshot)
{
  const GlossSearchMatch *matches;
  GlossMatchColors colors;
  guint visible_start;
  guint visible_end;

  if (self->matches == NULL || self->matches->len == 0 ||
      !get_visible_range (self, &visible_start, &visible_end))
    return;

  matches = (const GlossSearchMatch *)(gpointer)self->matches->data;
  gloss_span_layout_match_colors (is_dark (), &colors);

  for (guint i = gloss_span_layout_first_match_after (matches, self->matches->len, visible_start);
       i < self->matches->len && matches[i].start < visible_end;
       i++)
    snapshot_match (self, snapshot, &matches[i], visible_start, visible_end,
                    i == self->current_match, &colors);
}

static void
snapshot_fills (GlossDocumentView *self,
                GtkSnapshot       *snapshot)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      gtk_snapshot_append_color (snapshot, &segment->colors.fill, &segment->rect);
    }
}

/* Underlines are packed by how many levels share a line. */
static void
snapshot_underlines (GlossDocumentView *self,
                     GtkSnapshot       *snapshot)
{
  g_autoptr(GHashTable) line_levels = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      gpointer key = GINT_TO_POINTER ((int)segment->rect.origin.y);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (line_levels, key));

      g_hash_table_insert (line_levels, key, GUINT_TO_POINTER (MAX (n, segment->level + 1)));
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      gpointer key = GINT_TO_POINTER ((int)segment->rect.origin.y);
      guint n_levels = GPOINTER_TO_UINT (g_hash_table_lookup (line_levels, key));
      double inset_start = segment->first ? 1.0 : 0.0;
      double inset_end = segment->last ? 1.0 : 0.0;
      double offset;
      double thickness;
      graphene_rect_t rect;

      /* A small gap at each end keeps touching spans of one label apart. */
      gloss_span_layout_underline (segment->level, n_levels, LINE_ROOM, &offset, &thickness);
      rect = GRAPHENE_RECT_INIT (segment->rect.origin.x + inset_start,
                                 segment->rect.origin.y + segment->rect.size.height + offset,
                                 MAX (segment->rect.size.width - inset_start - inset_end, 1.0),
                                 thickness);
      gtk_snapshot_append_color (snapshot, &segment->colors.line, &rect);
    }
}

static void
invalidate_levels (GlossDocumentView *self)
{
  g_clear_pointer (&self->levels, g_hash_table_unref);
}

static void
invalidate_colors (GlossDocumentView *self)
{
  g_clear_pointer (&self->colors, g_hash_table_unref);
}

static GArray *
ensure_tokens (GlossDocumentView *self)
{
  if (self->tokens == NULL)
    self->tokens = gloss_tokenize (gloss_document_get_text (self->document),
                                   gloss_document_get_text_bytes (self->document));

  return self->tokens;
}

static void
tokenize_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GlossDocument *document = task_data;

  g_task_return_pointer (task,
                         gloss_tokenize (gloss_document_get_text (document),
                                         gloss_document_get_text_bytes (document)),
                         (GDestroyNotify)g_array_unref);
}

static void
on_tokenized_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree GWeakRef *weak = user_data;
  g_autoptr(GlossDocumentView) self = g_weak_ref_get (weak);
  g_autoptr(GArray) tokens = g_task_propagate_pointer (G_TASK (result), NULL);

  g_weak_ref_clear (weak);

  /* Cancelled (NULL), or for a document shown before this one. */
  if (self == NULL || tokens == NULL ||
      g_task_get_task_data (G_TASK (result)) != self->document)
    return;

  g_clear_object (&self->tokenizing);
  if (self->tokens == NULL)
    self->tokens = g_steal_pointer (&tokens);
}

/* Snapping a selection to words needs the tokens of the whole document:
 * a long one takes tens of milliseconds to tokenize, which the first
 * label key would wait for. They are made in a thread as soon as the
 * document shows (ensure_tokens() still makes them if a key comes first). */
static void
start_tokenizing (GlossDocumentView *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  self->tokenizing = g_cancellable_new ();
  task = g_task_new (NULL, self->tokenizing, on_tokenized_cb, weak);
  g_task_set_source_tag (task, start_tokenizing);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->document), g_object_unref);
  g_task_run_in_thread (task, tokenize_thread);
}

/* Never split a grapheme cluster, snapping or not. */
static void
widen_to_clusters (GlossDocument *document,
                   guint         *start,
                   guint         *end)
{
  guint length = gloss_document_get_length (document);

  while (*start > 0 && !gloss_document_is_cluster_boundary (document, *start))
    (*start)--;
  while (*end < length && !gloss_document_is_cluster_boundary (document, *end))
    (*end)++;
}

static void
update_accessible_description (GlossDocumentView *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *description = NULL;

  if (self->document != NULL)
    spans = gloss_document_view_get_spans_at_cursor (self);

  if (spans == NULL || spans->len == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  description = gloss_document_view_describe_spans (self, spans, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
accessible_idle_cb (gpointer data)
{
  GlossDocumentView *self = data;

  self->accessible_idle_id = 0;
  update_accessible_description (self);

  return G_SOURCE_REMOVE;
}

/* A batch (a label removed with its spans, "label all") changes thousands
 * of spans in a row; the description is worked out once, after them. */
static void
queue_accessible_update (GlossDocumentView *self)
{
  if (self->accessible_idle_id == 0)
    self->accessible_idle_id = g_idle_add (accessible_idle_cb, self);
}

static void
get_span_pointing_rect (GlossDocumentView *self,
                        guint              offset,
                        GdkRectangle      *rect)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;

  get_iter_at_offset (self, &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect->x, rect->y, &rect->x, &rect->y);
  rect->width = MAX (rect->width, 1);
}

static gboolean
span_is_shown (GlossDocumentView *self,
               GlossSpan         *span)
{
  return self->document != NULL && span != NULL &&
         gloss_document_find_span_position (self->document, span, NULL);
}

/* The span popover */

static void
commit_note (GlossDocumentView *self)
{
  g_autoptr(GError) error = NULL;
  const char *note;

  if (self->updating_popover || !span_is_shown (self, self->popover_span))
    return;

  note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  if (g_strcmp0 (note, gloss_span_get_note (self->popover_span) != NULL ?
                       gloss_span_get_note (self->popover_span) : "") == 0)
    return;

  if (!gloss_document_view_set_span_note (self, self->popover_span, note, &error))
    report_error (self, error);
}

/* The dropdown's model is rebuilt only when the popover opens or the
 * schema changes: never while the dropdown is telling of a choice. */
static void
update_span_popover (GlossDocumentView *self,
                     gboolean           rebuild)
{
  g_autofree char *slice = NULL;
  const char *note;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (!span_is_shown (self, self->popover_span))
    return;

  self->updating_popover = TRUE;

  if (rebuild)
    rebuild_dropdown (self);
  for (guint i = 0; i < self->dropdown_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->dropdown_ids, i), gloss_span_get_label (self->popover_span)) == 0)
      selected = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->label_dropdown), selected);

  slice = dup_span_slice (self, self->popover_span);
  gtk_label_set_text (GTK_LABEL (self->span_title), slice);

  note = gloss_span_get_note (self->popover_span);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), note != NULL ? note : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");

  self->updating_popover = FALSE;
}

/* The dropdown lists every label of the schema, plus the span's own label
 * when the schema lacks it. */
static void
rebuild_dropdown (GlossDocumentView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean has_own = FALSE;

  g_ptr_array_set_size (self->dropdown_ids, 0);

  for (guint i = 0; self->schema != NULL && i < gloss_schema_get_n_labels (self->schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (self->schema, i);

      gtk_string_list_append (names, gloss_label_get_display_name (label, NULL));
      g_ptr_array_add (self->dropdown_ids, g_strdup (gloss_label_get_id (label)));
      if (self->popover_span != NULL &&
          g_strcmp0 (gloss_label_get_id (label), gloss_span_get_label (self->popover_span)) == 0)
        has_own = TRUE;
    }

  if (self->popover_span != NULL && !has_own)
    {
      gtk_string_list_append (names, gloss_span_get_label (self->popover_span));
      g_ptr_array_add (self->dropdown_ids, g_strdup (gloss_span_get_label (self->popover_span)));
    }

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->label_dropdown), G_LIST_MODEL (names));
}

static void
on_dropdown_selected_cb (GlossDocumentView *self,
                         GParamSpec        *pspec,
                         GtkDropDown       *dropdown)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  if (self->updating_popover || !span_is_shown (self, self->popover_span))
    return;

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected >= self->dropdown_ids->len)
    return;

  if (!gloss_document_view_relabel_span (self, self->popover_span,
                                         g_ptr_array_index (self->dropdown_ids, selected), &error))
    {
      report_error (self, error);
      update_span_popover (self, FALSE);
    }
}

static void
on_note_activate_cb (GlossDocumentView *self,
                     GtkEntry          *entry)
{
  commit_note (self);
  gtk_popover_popdown (GTK_POPOVER (self->span_popover));
}

static void
on_note_focus_leave_cb (GlossDocumentView        *self,
                        GtkEventControllerFocus  *controller)
{
  commit_note (self);
}

static void
on_delete_clicked_cb (GlossDocumentView *self,
                      GtkButton         *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = NULL;

  if (!span_is_shown (self, self->popover_span))
    return;

  span = g_object_ref (self->popover_span);
  gtk_popover_popdown (GTK_POPOVER (self->span_popover));

  if (!gloss_document_view_delete_span (self, span, &error))
    report_error (self, error);
}

static void
on_span_popover_closed_cb (GlossDocumentView *self,
                           GtkPopover        *popover)
{
  commit_note (self);
  g_clear_object (&self->popover_span);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
create_span_popover (GlossDocumentView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label_caption;
  GtkWidget *note_caption;
  GtkWidget *delete_button;
  GtkEventController *focus;

  gtk_widget_add_css_class (popover, "documentview-span-popover");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 260, -1);

  self->span_title = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->span_title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->span_title), 40);
  gtk_label_set_xalign (GTK_LABEL (self->span_title), 0.0);
  gtk_widget_add_css_class (self->span_title, "heading");
  gtk_box_append (GTK_BOX (box), self->span_title);

  /* TRANSLATORS: caption of the list to choose the label of a span */
  label_caption = gtk_label_new_with_mnemonic (C_("span", "_Label"));
  gtk_label_set_xalign (GTK_LABEL (label_caption), 0.0);
  gtk_widget_add_css_class (label_caption, "dim-label");
  gtk_box_append (GTK_BOX (box), label_caption);

  self->label_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label_caption), self->label_dropdown);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->label_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label_caption, NULL,
                                  -1);
  g_signal_connect_object (self->label_dropdown, "notify::selected",
                           G_CALLBACK (on_dropdown_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->label_dropdown);

  /* TRANSLATORS: caption of the entry for a span's note */
  note_caption = gtk_label_new_with_mnemonic (C_("span", "_Note"));
  gtk_label_set_xalign (GTK_LABEL (note_caption), 0.0);
  gtk_widget_add_css_class (note_caption, "dim-label");
  gtk_box_append (GTK_BOX (box), note_caption);

  self->note_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Add a note…"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (note_caption), self->note_entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, note_caption, NULL,
                                  -1);
  g_signal_connect_object (self->note_entry, "activate",
                           G_CALLBACK (on_note_activate_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_note_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->note_entry, focus);
  gtk_box_append (GTK_BOX (box), self->note_entry);

  /* TRANSLATORS: button that deletes a span */
  delete_button = gtk_button_new_with_mnemonic (C_("span", "_Delete Span"));
  gtk_widget_add_css_class (delete_button, "destructive-action");
  g_signal_connect_object (delete_button, "clicked",
                           G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), delete_button);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "closed",
                           G_CALLBACK (on_span_popover_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));

  return popover;
}

static void
show_span_popover_at (GlossDocumentView  *self,
                      GlossSpan          *span,
                      const GdkRectangle *pointing_to)
{
  if (self->span_popover == NULL)
    self->span_popover = create_span_popover (self);

  if (self->choose_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->choose_popover));

  g_set_object (&self->popover_span, span);
  update_span_popover (self, TRUE);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->span_popover), pointing_to);
  gtk_popover_popup (GTK_POPOVER (self->span_popover));

  /* A popover is placed when its parent is allocated. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The popover to choose one of several spans */

static void
on_choose_row_activated_cb (GlossDocumentView *self,
                            GtkListBoxRow     *row,
                            GtkListBox        *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = NULL;
  int index = gtk_list_box_row_get_index (row);
  GdkRectangle rect;

  if (index < 0 || (guint)index >= self->choose_spans->len)
    return;

  span = g_object_ref (g_ptr_array_index (self->choose_spans, index));
  gtk_popover_get_pointing_to (GTK_POPOVER (self->choose_popover), &rect);
  gtk_popover_popdown (GTK_POPOVER (self->choose_popover));

  if (!span_is_shown (self, span))
    return;

  if (self->choose_mode == CHOOSE_TO_DELETE)
    {
      if (!gloss_document_view_delete_span (self, span, &error))
        report_error (self, error);
    }
  else
    show_span_popover_at (self, span, &rect);
}

static void
on_choose_popover_closed_cb (GlossDocumentView *self,
                             GtkPopover        *popover)
{
  g_ptr_array_set_size (self->choose_spans, 0);
  if (self->span_popover == NULL || !gtk_widget_get_visible (self->span_popover))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
create_choose_popover (GlossDocumentView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (popover, "documentview-choose-popover");

  self->choose_heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->choose_heading), 0.0);
  gtk_widget_add_css_class (self->choose_heading, "heading");
  gtk_widget_set_margin_start (self->choose_heading, 6);
  gtk_widget_set_margin_top (self->choose_heading, 6);
  gtk_box_append (GTK_BOX (box), self->choose_heading);

  self->choose_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->choose_list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->choose_list), TRUE);
  gtk_widget_add_css_class (self->choose_list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->choose_list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->choose_heading, NULL,
                                  -1);
  g_signal_connect_object (self->choose_list, "row-activated",
                           G_CALLBACK (on_choose_row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->choose_list);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "closed",
                           G_CALLBACK (on_choose_popover_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));

  return popover;
}

static GtkWidget *
create_choose_row (GlossDocumentView *self,
                   GlossSpan         *span)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (label_name (self, gloss_span_get_label (span)));
  g_autofree char *slice = dup_span_slice (self, span);
  GtkWidget *text = gtk_label_new (slice);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
show_choose_popover (GlossDocumentView  *self,
                     GPtrArray          *spans,
                     ChooseMode          mode,
                     const GdkRectangle *pointing_to)
{
  GtkWidget *child;

  if (self->choose_popover == NULL)
    self->choose_popover = create_choose_popover (self);

  if (self->span_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->span_popover));

  while ((child = gtk_widget_get_first_child (self->choose_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->choose_list), child);

  g_ptr_array_set_size (self->choose_spans, 0);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      g_ptr_array_add (self->choose_spans, g_object_ref (span));
      gtk_list_box_append (GTK_LIST_BOX (self->choose_list), create_choose_row (self, span));
    }

  self->choose_mode = mode;
  gtk_label_set_text (GTK_LABEL (self->choose_heading),
                      mode == CHOOSE_TO_DELETE ? _("Delete Which Span?") : _("Edit Which Span?"));

  gtk_popover_set_pointing_to (GTK_POPOVER (self->choose_popover), pointing_to);
  gtk_popover_popup (GTK_POPOVER (self->choose_popover));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Clicks */

static void
open_popover_at (GlossDocumentView *self,
                 double             x,
                 double             y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GPtrArray) spans = NULL;
  GtkTextIter iter;
  GdkRectangle rect;
  int bx;
  int by;

  if (self->document == NULL || gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return;

  spans = gloss_document_query_offset (self->document, gtk_text_iter_get_offset (&iter));
  if (spans->len == 0)
    return;

  get_span_pointing_rect (self, gtk_text_iter_get_offset (&iter), &rect);

  if (spans->len == 1)
    show_span_popover_at (self, g_ptr_array_index (spans, 0), &rect);
  else
    show_choose_popover (self, spans, CHOOSE_TO_EDIT, &rect);
}

static gboolean
on_click_timeout_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;

  self->click_timeout_id = 0;
  open_popover_at (self, self->press_x, self->press_y);

  return G_SOURCE_REMOVE;
}

static guint
get_double_click_time (GlossDocumentView *self)
{
  int ms = 400;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &ms, NULL);

  return (guint)MAX (ms, 1);
}

static gboolean
event_is_ours (GlossDocumentView *self,
               GdkEvent          *event,
               double            *x,
               double            *y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  double nx;
  double ny;

  /* Events in the popovers come through the view too: leave them. */
  if (native == NULL || gdk_event_get_surface (event) != gtk_native_get_surface (native))
    return FALSE;

  if (x == NULL)
    return TRUE;

  gdk_event_get_position (event, x, y);
  gtk_native_get_surface_transform (native, &nx, &ny);

  return gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                           *x - nx, *y - ny, x, y);
}

static gboolean
on_legacy_event_cb (GlossDocumentView        *self,
                    GdkEvent                 *event,
                    GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x;
  double y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;

  if (!event_is_ours (self, event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      guint32 time = gdk_event_get_time (event);

      /* A second press soon after a click is a double click (select a
       * word), not a click on a span. */
      self->press_pending = gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY &&
                            self->click_timeout_id == 0 &&
                            (self->last_release_time == 0 ||
                             time - self->last_release_time > get_double_click_time (self));
      g_clear_handle_id (&self->click_timeout_id, g_source_remove);
      self->press_x = x;
      self->press_y = y;
      return GDK_EVENT_PROPAGATE;
    }

  self->last_release_time = gdk_event_get_time (event);

  if (!self->press_pending)
    return GDK_EVENT_PROPAGATE;

  self->press_pending = FALSE;

  if ((gdk_event_get_modifier_state (event) & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      ABS (x - self->press_x) > CLICK_SLOP || ABS (y - self->press_y) > CLICK_SLOP)
    return GDK_EVENT_PROPAGATE;

  self->click_timeout_id = g_timeout_add (get_double_click_time (self), on_click_timeout_cb, self);

  return GDK_EVENT_PROPAGATE;
}

/* Callbacks */

static void
on_items_changed_cb (GlossDocumentView *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *model)
{
  invalidate_levels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_accessible_update (self);

  if (self->popover_span != NULL && !span_is_shown (self, self->popover_span))
    gtk_popover_popdown (GTK_POPOVER (self->span_popover));
  if (self->choose_popover != NULL && removed > 0)
    gtk_popover_popdown (GTK_POPOVER (self->choose_popover));
}

static void
on_span_changed_cb (GlossDocumentView *self,
                    GlossSpan         *span,
                    GlossDocument     *document)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible_description (self);

  if (span == self->popover_span)
    update_span_popover (self, FALSE);
}

static void
on_schema_changed_cb (GlossDocumentView *self,
                      GlossSchema       *schema)
{
  invalidate_colors (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible_description (self);

  if (self->popover_span != NULL)
    update_span_popover (self, TRUE);
}

static void
on_dark_changed_cb (GlossDocumentView *self,
                    GParamSpec        *pspec,
                    AdwStyleManager   *manager)
{
  invalidate_colors (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
redraw_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;

  self->redraw_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* GtkTextView measures the lines of a new text, or of the place it scrolls
 * to, in idle callbacks after the frame that shows them: until then the
 * lines on screen, and so the spans and matches to draw, are guesses. The
 * text redraws itself as its lines are measured, not what is drawn around
 * it: once the measuring is done (an idle of lower priority runs after
 * it), the view draws again. */
static void
redraw_when_measured (GlossDocumentView *self)
{
  if (self->redraw_source == 0)
    self->redraw_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, redraw_cb, self, NULL);
}

static void
on_vadjustment_changed_cb (GlossDocumentView *self,
                           GtkAdjustment     *adjustment)
{
  redraw_when_measured (self);
}

static void
on_vadjustment_set_cb (GlossDocumentView *self,
                       GParamSpec        *pspec,
                       gpointer           user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == self->vadjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_changed_cb, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_vadjustment_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_vadjustment_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
on_cursor_position_cb (GlossDocumentView *self,
                       GParamSpec        *pspec,
                       GtkTextBuffer     *buffer)
{
  update_accessible_description (self);
}

static gboolean
on_key_pressed_cb (GlossDocumentView     *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (event != NULL && !event_is_ours (self, event, NULL, NULL))
    return GDK_EVENT_PROPAGATE;

  return gloss_document_view_handle_key (self, keyval, state);
}

static gboolean
on_query_tooltip_cb (GlossDocumentView *self,
                     int                x,
                     int                y,
                     gboolean           keyboard_mode,
                     GtkTooltip        *tooltip)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *markup = NULL;
  GtkTextIter iter;
  int bx;
  int by;

  if (self->document == NULL)
    return FALSE;

  if (keyboard_mode)
    spans = gloss_document_view_get_spans_at_cursor (self);
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
        return FALSE;
      spans = gloss_document_query_offset (self->document, gtk_text_iter_get_offset (&iter));
    }

  if (spans->len == 0)
    return FALSE;

  markup = gloss_document_view_describe_spans (self, spans, TRUE);
  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

/* Actions */

static void
label_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean snap = self->snap_to_words && g_str_equal (action_name, "view.label");

  if (gloss_document_view_label_selection (self, g_variant_get_string (parameter, NULL), snap, &error) == NULL)
    report_error (self, error);
}

static void
edit_span_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  if (!gloss_document_view_edit_at_cursor (GLOSS_DOCUMENT_VIEW (widget)))
    gtk_widget_error_bell (widget);
}

static void
delete_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (widget);

  if (!gloss_document_view_delete_at_cursor (self))
    gtk_widget_error_bell (widget);
}

/* Overrides */

static void
snapshot_disagreement (GlossDocumentView       *self,
                       GtkSnapshot             *snapshot,
                       const GlossDisagreement *disagreement,
                       guint                    visible_start,
                       guint                    visible_end,
                       gboolean                 current)
{
  GdkRGBA color;
  GdkRGBA fill;
  guint start;
  guint end;

  if (!gloss_span_layout_clip (disagreement->start, disagreement->end, visible_start, visible_end, &start, &end))
    return;

  gdk_rgba_parse (&color, gloss_span_layout_disagreement_color (disagreement->kind, is_dark ()));
  fill = color;
  fill.alpha = current ? 0.34 : 0.2;

  collect_line_pieces (self, start, end);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const LinePiece *piece = &g_array_index (self->pieces, LinePiece, i);
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA borders[4] = { color, color, color, color };
      GskRoundedRect outline;

      graphene_rect_t strip;

      gsk_rounded_rect_init_from_rect (&outline, &piece->rect, 3);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill, &piece->rect);
      /* A span's fill would mix with the tint: a strip along the top, in
       * the kind's own colour, keeps the kinds apart over any label. */
      graphene_rect_init (&strip, piece->rect.origin.x, piece->rect.origin.y, piece->rect.size.width, 3);
      gtk_snapshot_append_color (snapshot, &color, &strip);
      gtk_snapshot_pop (snapshot);
      if (current)
        gtk_snapshot_append_border (snapshot, &outline, widths, borders);
    }
}

/* Under the spans, the disagreements on screen. */
static void
snapshot_disagreements (GlossDocumentView *self,
                        GtkSnapshot       *snapshot)
{
  guint visible_start;
  guint visible_end;

  if (self->disagreements == NULL || self->disagreements->len == 0 ||
      !get_visible_range (self, &visible_start, &visible_end))
    return;

  for (guint i = 0; i < self->disagreements->len; i++)
    {
      const GlossDisagreement *disagreement = g_ptr_array_index (self->disagreements, i);

      if (disagreement->start >= visible_end)
        break;
      snapshot_disagreement (self, snapshot, disagreement, visible_start, visible_end,
                             i == self->current_disagreement);
    }
}

static void
gloss_document_view_snapshot_layer (GtkTextView      *text_view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (text_view);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    {
      snapshot_disagreements (self, snapshot);
      snapshot_matches (self, snapshot);
      compute_segments (self);
      snapshot_fills (self, snapshot);
    }
  else if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    snapshot_underlines (self, snapshot);
}

static void
update_margins (GlossDocumentView *self,
                int                width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  PangoFontMetrics *metrics;
  int char_width;
  int margin;

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  margin = gloss_span_layout_side_margin (width, char_width, READING_WIDTH_CHARS, MIN_SIDE_MARGIN);
  if (gtk_text_view_get_left_margin (view) != margin)
    gtk_text_view_set_left_margin (view, margin);
  if (gtk_text_view_get_right_margin (view) != margin)
    gtk_text_view_set_right_margin (view, margin);
}

/* The text view offers its selection as the PRIMARY selection. Here most
 * selections are made by Gloss, not by the user (the current search match,
 * a span jumped to), and each would replace whatever the user last selected
 * in another application for middle-click paste; on X11 the round trip that
 * takes PRIMARY back can also clear a selection Gloss has just made. Copy
 * (Ctrl+C) still works. */
static void
gloss_document_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gloss_document_view_parent_class)->map (widget);

  /* GtkTextView offers its selection as PRIMARY from map to unmap. */
  gtk_text_buffer_remove_selection_clipboard (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                              gtk_widget_get_primary_clipboard (widget));
}

static void
gloss_document_view_unmap (GtkWidget *widget)
{
  /* … and takes it back at unmap: give it what it expects to find. */
  gtk_text_buffer_add_selection_clipboard (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                           gtk_widget_get_primary_clipboard (widget));

  GTK_WIDGET_CLASS (gloss_document_view_parent_class)->unmap (widget);
}

static void
gloss_document_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (widget);

  update_margins (self, width);

  GTK_WIDGET_CLASS (gloss_document_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->span_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->span_popover));
  if (self->choose_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->choose_popover));
}

static void
gloss_document_view_dispose (GObject *object)
{
  GlossDocumentView *self = (GlossDocumentView *)object;

  disconnect_document (self);

  g_clear_handle_id (&self->click_timeout_id, g_source_remove);
  g_clear_handle_id (&self->accessible_idle_id, g_source_remove);
  g_clear_handle_id (&self->redraw_source, g_source_remove);
  g_clear_pointer (&self->span_popover, gtk_widget_unparent);
  g_clear_pointer (&self->choose_popover, gtk_widget_unparent);
  g_clear_object (&self->popover_span);
  g_clear_pointer (&self->choose_spans, g_ptr_array_unref);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_vadjustment_changed_cb, self);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (gloss_document_view_parent_class)->dispose (object);
}

static void
gloss_document_view_finalize (GObject *object)
{
  GlossDocumentView *self = (GlossDocumentView *)object;

  g_clear_pointer (&self->annotator, g_free);
  g_clear_object (&self->font_provider);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->disagreements, g_ptr_array_unref);
  g_clear_pointer (&self->dropdown_ids, g_ptr_array_unref);
  invalidate_levels (self);
  invalidate_colors (self);
  g_clear_pointer (&self->tokens, g_array_unref);

  G_OBJECT_CLASS (gloss_document_view_parent_class)->finalize (object);
}

static void
gloss_document_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;

    case PROP_FONT_SIZE:
      g_value_set_int (value, self->font_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      gloss_document_view_set_annotator (self, g_value_get_string (value));
      break;

    case PROP_SNAP_TO_WORDS:
      if (self->snap_to_words != g_value_get_boolean (value))
        {
          self->snap_to_words = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_FONT_SIZE:
      gloss_document_view_set_font_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_view_class_init (GlossDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = gloss_document_view_dispose;
  object_class->finalize = gloss_document_view_finalize;
  object_class->get_property = gloss_document_view_get_property;
  object_class->set_property = gloss_document_view_set_property;

  widget_class->map = gloss_document_view_map;
  widget_class->unmap = gloss_document_view_unmap;
  widget_class->size_allocate = gloss_document_view_size_allocate;

  text_view_class->snapshot_layer = gloss_document_view_snapshot_layer;

  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossDocumentView:annotator:
   *
   * Who labels: written into the spans the view adds.
   */
  properties [PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossDocumentView:snap-to-words:
   *
   * Whether a label key widens the selection to whole words (Alt with the
   * key always keeps the selection as it is).
   */
  properties [PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossDocumentView:font-size:
   *
   * The size of the text in points, or 0 for the style's (a little larger
   * than the interface font).
   */
  properties [PROP_FONT_SIZE] =
    g_param_spec_int ("font-size", NULL, NULL, 0, GLOSS_DOCUMENT_VIEW_MAX_FONT_SIZE, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDocumentView::action-failed:
   * @error: what went wrong
   *
   * Emitted when labelling, relabelling, a note or a deletion asked for
   * from the keyboard or a popover is refused, for the window to tell.
   */
  signals [ACTION_FAILED] =
    g_signal_new ("action-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "view.label", "s", label_action);
  gtk_widget_class_install_action (widget_class, "view.label-exact", "s", label_action);
  gtk_widget_class_install_action (widget_class, "view.edit-span", NULL, edit_span_action);
  gtk_widget_class_install_action (widget_class, "view.delete-span", NULL, delete_span_action);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
gloss_document_view_init (GlossDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *controller;

  self->snap_to_words = TRUE;
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->pieces = g_array_new (FALSE, FALSE, sizeof (LinePiece));
  self->current_match = G_MAXUINT;
  self->current_disagreement = G_MAXUINT;
  self->dropdown_ids = g_ptr_array_new_with_free_func (g_free);
  self->choose_spans = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_add_css_class (GTK_WIDGET (self), "documentview");

  /* Above the application's style.css, which sets the default size. */
  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, VERTICAL_MARGIN);
  gtk_text_view_set_bottom_margin (view, VERTICAL_MARGIN);
  gtk_text_view_set_left_margin (view, MIN_SIDE_MARGIN);
  gtk_text_view_set_right_margin (view, MIN_SIDE_MARGIN);
  gtk_text_view_set_pixels_above_lines (view, PARAGRAPH_GAP);
  gtk_text_view_set_pixels_below_lines (view, LINE_ROOM);
  gtk_text_view_set_pixels_inside_wrap (view, LINE_ROOM);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);

  /* Before the text view's own key handling, which would swallow the keys
   * of labels as typing. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Watches presses and releases without taking part in the gestures of
   * the text view, which claim them for selecting. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_legacy_event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::cursor-position",
                           G_CALLBACK (on_cursor_position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (on_vadjustment_set_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
gloss_document_view_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_VIEW, NULL);
}

/**
 * gloss_document_view_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus of the document shown
 */
GlossCorpus *
gloss_document_view_get_corpus (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  return self->corpus;
}

/**
 * gloss_document_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
GlossDocument *
gloss_document_view_get_document (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  return self->document;
}

static void
disconnect_document (GlossDocumentView *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->schema != NULL)
    g_signal_handlers_disconnect_by_data (self->schema, self);

  if (self->span_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->span_popover));
  if (self->choose_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->choose_popover));
  g_clear_object (&self->popover_span);

  g_cancellable_cancel (self->tokenizing);
  g_clear_object (&self->tokenizing);
  g_clear_object (&self->document);
  g_clear_object (&self->schema);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = G_MAXUINT;
  g_clear_pointer (&self->disagreements, g_ptr_array_unref);
  self->current_disagreement = G_MAXUINT;
  self->has_found = FALSE;
  invalidate_levels (self);
  invalidate_colors (self);
}

/**
 * gloss_document_view_set_document:
 * @corpus: (nullable): the corpus @document belongs to, whose history
 *   records the changes made in the view
 * @document: (nullable): the document to show, or %NULL for none
 *
 * Shows @document and follows its spans and its corpus's schema.
 */
void
gloss_document_view_set_document (GlossDocumentView *self,
                                  GlossCorpus       *corpus,
                                  GlossDocument     *document)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (corpus == NULL || GLOSS_IS_CORPUS (corpus));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (document == NULL || corpus != NULL);

  if (corpus == self->corpus && document == self->document)
    return;

  disconnect_document (self);

  if (document != NULL)
    {
      self->corpus = g_object_ref (corpus);
      self->document = g_object_ref (document);
      self->schema = g_object_ref (gloss_corpus_get_schema (corpus));

      g_signal_connect_object (document, "items-changed",
                               G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "span-changed",
                               G_CALLBACK (on_span_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->schema, "changed",
                               G_CALLBACK (on_schema_changed_cb), self, G_CONNECT_SWAPPED);
      start_tokenizing (self);
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (document != NULL)
    gtk_text_buffer_set_text (buffer, gloss_document_get_text (document),
                              (int)gloss_document_get_text_bytes (document));
  else
    gtk_text_buffer_set_text (buffer, "", 0);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  redraw_when_measured (self);
  update_accessible_description (self);

  if (document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORPUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

const char *
gloss_document_view_get_annotator (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  return self->annotator;
}

/**
 * gloss_document_view_set_annotator:
 * @annotator: (nullable): who labels, or %NULL to leave spans unsigned
 */
void
gloss_document_view_set_annotator (GlossDocumentView *self,
                                   const char        *annotator)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANNOTATOR]);
}

int
gloss_document_view_get_font_size (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), 0);

  return self->font_size;
}

/**
 * gloss_document_view_set_font_size:
 * @points: the size of the text in points, or 0 for the style's
 */
void
gloss_document_view_set_font_size (GlossDocumentView *self,
                                   int                points)
{
  g_autofree char *css = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  points = CLAMP (points, 0, GLOSS_DOCUMENT_VIEW_MAX_FONT_SIZE);
  if (self->font_size == points)
    return;

  self->font_size = points;
  css = points > 0 ? g_strdup_printf ("textview.documentview { font-size: %dpt; }", points) : g_strdup ("");
  gtk_css_provider_load_from_data (self->font_provider, css, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FONT_SIZE]);
}

/**
 * gloss_document_view_get_selection:
 * @start: (out) (optional): the first code point selected
 * @end: (out) (optional): the code point after the last
 *
 * Without a selection, both are the cursor's offset.
 *
 * Returns: whether some text is selected
 */
gboolean
gloss_document_view_get_selection (GlossDocumentView *self,
                                   guint             *start,
                                   guint             *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s;
  GtkTextIter e;
  gboolean selected;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  selected = gtk_text_buffer_get_selection_bounds (buffer, &s, &e);

  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);

  return selected;
}

/**
 * gloss_document_view_select_range:
 * @start: the first code point
 * @end: the code point after the last, where the cursor goes
 *
 * Selects [@start, @end) (clamped to the text) and scrolls it into view.
 */
void
gloss_document_view_select_range (GlossDocumentView *self,
                                  guint              start,
                                  guint              end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s;
  GtkTextIter e;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  get_iter_at_offset (self, &s, start);
  get_iter_at_offset (self, &e, end);
  gtk_text_buffer_select_range (buffer, &e, &s);

  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_selection_bound (buffer),
                                0.2, FALSE, 0.0, 0.0);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer));
}

/**
 * gloss_document_view_get_cursor:
 *
 * Returns: the code point offset of the cursor
 */
guint
gloss_document_view_get_cursor (GlossDocumentView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

/**
 * gloss_document_view_reveal_span:
 *
 * Selects @span and scrolls it into view.
 */
void
gloss_document_view_reveal_span (GlossDocumentView *self,
                                 GlossSpan         *span)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));

  gloss_document_view_select_range (self, gloss_span_get_start (span), gloss_span_get_end (span));
}

/**
 * gloss_document_view_label_selection:
 * @label: the id of a label of the schema
 * @snap: whether to widen the selection to whole words
 *
 * Adds a span of @label over the selection through the corpus history (so
 * it can be undone), signed with #GlossDocumentView:annotator and dated
 * now. The selection is widened to whole words when @snap is set, and to
 * whole grapheme clusters in any case, unless it is the search match that
 * gloss_document_view_set_current_match() selected: that is labelled as
 * it is. The cursor then moves to the end of
 * the span.
 *
 * Returns: (transfer none) (nullable): the new span, or %NULL with @error
 *   set if there is nothing selected, no word in the selection, or the
 *   core refuses it (an unknown label, an exact duplicate)
 */
GlossSpan *
gloss_document_view_label_selection (GlossDocumentView  *self,
                                     const char         *label,
                                     gboolean            snap,
                                     GError            **error)
{
  g_autoptr(GlossSpan) span = NULL;
  g_autofree char *created = NULL;
  GtkTextIter end_iter;
  GlossSpan *result;
  guint start;
  guint end;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_document (self, error))
    return NULL;

  /* An empty selection goes on to the core, which refuses it. What a
   * search found is labelled as it is: the pattern already said what to
   * take, and a match never splits a cluster. */
  if (gloss_document_view_get_selection (self, &start, &end) &&
      !(self->has_found && start == self->found_start && end == self->found_end))
    {
      if (snap && !gloss_snap_range (ensure_tokens (self), &start, &end))
        {
          g_set_error_literal (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_INVALID_RANGE,
                               _("The selection holds no word to label"));
          return NULL;
        }

      widen_to_clusters (self->document, &start, &end);
    }

  created = now_iso8601 ();
  span = gloss_span_new_full (NULL, start, end, label, NULL,
                              self->annotator != NULL && self->annotator[0] != '\0' ? self->annotator : NULL,
                              created);

  if (!gloss_history_add_span (get_history (self), self->document, span, error))
    return NULL;

  get_iter_at_offset (self, &end_iter, end);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &end_iter);

  /* The document holds the span now. */
  result = span;

  return result;
}

/**
 * gloss_document_view_get_spans_at_cursor:
 *
 * The spans containing the cursor or, when none does, those ending just
 * before it (the cursor sits after a word it has just selected).
 *
 * Returns: (transfer container) (element-type GlossSpan): the spans
 */
GPtrArray *
gloss_document_view_get_spans_at_cursor (GlossDocumentView *self)
{
  GPtrArray *spans;
  guint cursor;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  if (self->document == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  cursor = gloss_document_view_get_cursor (self);
  spans = gloss_document_query_offset (self->document, cursor);
  if (spans->len == 0 && cursor > 0)
    {
      g_ptr_array_unref (spans);
      spans = gloss_document_query_offset (self->document, cursor - 1);
    }

  return spans;
}

/**
 * gloss_document_view_delete_at_cursor:
 *
 * Removes the span at the cursor through the history. When several spans
 * are there, a popover asks which.
 *
 * Returns: whether a span was removed or the popover opened
 */
gboolean
gloss_document_view_delete_at_cursor (GlossDocumentView *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  GdkRectangle rect;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  spans = gloss_document_view_get_spans_at_cursor (self);
  if (spans->len == 0)
    return FALSE;

  if (spans->len == 1)
    {
      if (gloss_document_view_delete_span (self, g_ptr_array_index (spans, 0), &error))
        return TRUE;

      report_error (self, error);
      return FALSE;
    }

  get_span_pointing_rect (self, gloss_document_view_get_cursor (self), &rect);
  show_choose_popover (self, spans, CHOOSE_TO_DELETE, &rect);

  return TRUE;
}

/**
 * gloss_document_view_edit_at_cursor:
 *
 * Opens the popover of the span at the cursor, as a click on it does (or,
 * when several spans are there, a popover asking which): the keyboard's
 * way to relabel, annotate or delete a span.
 *
 * Returns: whether there was a span to edit
 */
gboolean
gloss_document_view_edit_at_cursor (GlossDocumentView *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  GdkRectangle rect;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  spans = gloss_document_view_get_spans_at_cursor (self);
  if (spans->len == 0)
    return FALSE;

  get_span_pointing_rect (self, gloss_document_view_get_cursor (self), &rect);
  if (spans->len == 1)
    show_span_popover_at (self, g_ptr_array_index (spans, 0), &rect);
  else
    show_choose_popover (self, spans, CHOOSE_TO_EDIT, &rect);

  return TRUE;
}

/**
 * gloss_document_view_delete_span:
 *
 * Removes @span from the document shown, through the history.
 */
gboolean
gloss_document_view_delete_span (GlossDocumentView  *self,
                                 GlossSpan          *span,
                                 GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!check_document (self, error))
    return FALSE;

  return gloss_history_remove_span (get_history (self), self->document, span, error);
}

/**
 * gloss_document_view_relabel_span:
 *
 * Gives @span the label @label, through the history.
 */
gboolean
gloss_document_view_relabel_span (GlossDocumentView  *self,
                                  GlossSpan          *span,
                                  const char         *label,
                                  GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!check_document (self, error))
    return FALSE;

  return gloss_history_relabel_span (get_history (self), self->document, span, label, error);
}

/**
 * gloss_document_view_set_span_note:
 * @note: (nullable): the note, or %NULL or `""` for none
 *
 * Sets the note of @span, through the history.
 */
gboolean
gloss_document_view_set_span_note (GlossDocumentView  *self,
                                   GlossSpan          *span,
                                   const char         *note,
                                   GError            **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!check_document (self, error))
    return FALSE;

  return gloss_history_set_span_note (get_history (self), self->document, span, note, error);
}

/**
 * gloss_document_view_show_span_popover:
 *
 * Opens the popover to relabel @span, edit its note or delete it, as a
 * click on the span does.
 */
void
gloss_document_view_show_span_popover (GlossDocumentView *self,
                                       GlossSpan         *span)
{
  GdkRectangle rect;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (span_is_shown (self, span));

  get_span_pointing_rect (self, gloss_span_get_start (span), &rect);
  show_span_popover_at (self, span, &rect);
}

/**
 * gloss_document_view_handle_key:
 * @keyval: the key pressed
 * @state: the modifiers held
 *
 * What the view does with a key press before the text view sees it: the
 * key of a label labels the selection (snapped to words, or exactly as
 * selected with Alt held), Delete removes the span at the cursor, Enter
 * opens its popover.
 *
 * Returns: whether the key was handled
 */
gboolean
gloss_document_view_handle_key (GlossDocumentView *self,
                                guint              keyval,
                                GdkModifierType    state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autoptr(GError) error = NULL;
  GlossLabel *label;
  char key[8] = { 0 };
  gunichar ch;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      if (mods != 0)
        return FALSE;
      if (!gloss_document_view_delete_at_cursor (self))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  /* Enter (or the Menu key) on a span opens its popover; elsewhere the
   * text view keeps them. */
  if (mods == 0 && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
                    keyval == GDK_KEY_ISO_Enter || keyval == GDK_KEY_Menu))
    return gloss_document_view_edit_at_cursor (self);

  /* Leave shortcuts alone. */
  if ((mods & (GDK_CONTROL_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK)) != 0)
    return FALSE;

  ch = gdk_keyval_to_unicode (keyval);
  if (ch == 0 || !g_unichar_isgraph (ch))
    return FALSE;

  g_unichar_to_utf8 (ch, key);
  label = gloss_schema_lookup_key (self->schema, key);
  if (label == NULL)
    return FALSE;

  if (gloss_document_view_label_selection (self, gloss_label_get_id (label),
                                           self->snap_to_words && (mods & GDK_ALT_MASK) == 0,
                                           &error) == NULL)
    report_error (self, error);

  return TRUE;
}

/**
 * gloss_document_view_describe_spans:
 * @spans: (element-type GlossSpan): spans of the document shown
 * @markup: whether to give Pango markup (for a tooltip) or plain text
 *   (for screen readers)
 *
 * Returns: (transfer full): the label names and notes of @spans, a line
 *   each
 */
char *
gloss_document_view_describe_spans (GlossDocumentView *self,
                                    GPtrArray         *spans,
                                    gboolean           markup)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (spans != NULL, NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      const char *name = label_name (self, gloss_span_get_label (span));
      const char *note = gloss_span_get_note (span);
      gboolean has_note = note != NULL && note[0] != '\0';

      if (i > 0)
        g_string_append_c (out, '\n');

      if (markup)
        {
          g_autofree char *escaped = NULL;

          if (has_note)
            escaped = g_markup_printf_escaped ("<b>%s</b>: %s", name, note);
          else
            escaped = g_markup_printf_escaped ("<b>%s</b>", name);
          g_string_append (out, escaped);
        }
      else if (has_note)
        /* TRANSLATORS: a span for screen readers: its label, then its note */
        g_string_append_printf (out, C_("span description", "%s: %s"), name, note);
      else
        g_string_append (out, name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * gloss_document_view_set_matches:
 * @matches: (nullable) (element-type GlossSearchMatch): search matches in
 *   the document shown, in text order and not overlapping, or %NULL for
 *   none
 *
 * Highlights @matches (the view keeps a reference) under the spans, until
 * another document is shown. No match is current afterwards.
 */
void
gloss_document_view_set_matches (GlossDocumentView *self,
                                 GArray            *matches)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (matches == NULL || g_array_get_element_size (matches) == sizeof (GlossSearchMatch));

  if (matches != NULL && (matches->len == 0 || self->document == NULL))
    matches = NULL;
  if (matches != NULL)
    g_array_ref (matches);
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = matches;
  self->current_match = G_MAXUINT;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gloss_document_view_get_n_matches:
 *
 * Returns: how many search matches are highlighted
 */
guint
gloss_document_view_get_n_matches (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), 0);

  return self->matches != NULL ? self->matches->len : 0;
}

/**
 * gloss_document_view_set_current_match:
 * @index: the index of a match given to gloss_document_view_set_matches(),
 *   or %G_MAXUINT for none
 *
 * Highlights the match at @index more strongly than the others, selects it
 * and scrolls it into view, so that a label key labels exactly that text.
 */
void
gloss_document_view_set_current_match (GlossDocumentView *self,
                                       guint              index)
{
  const GlossSearchMatch *match;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (index == G_MAXUINT || (self->matches != NULL && index < self->matches->len));

  self->current_match = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (index == G_MAXUINT)
    return;

  match = &g_array_index (self->matches, GlossSearchMatch, index);
  self->found_start = match->start;
  self->found_end = match->end;
  self->has_found = TRUE;
  gloss_document_view_select_range (self, match->start, match->end);
}

/**
 * gloss_document_view_get_current_match:
 *
 * Returns: the index of the current match, or %G_MAXUINT for none
 */
guint
gloss_document_view_get_current_match (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), G_MAXUINT);

  return self->current_match;
}

/**
 * gloss_document_view_set_disagreements:
 * @disagreements: (nullable) (element-type GlossDisagreement): the
 *   disagreements of the document shown with another annotator's, in text
 *   order
 * @current: the index of the one being settled, or %G_MAXUINT
 *
 * Shows @disagreements (the view keeps a reference) under the spans, in a
 * colour for each kind, the current one outlined, until another document
 * is shown.
 */
void
gloss_document_view_set_disagreements (GlossDocumentView *self,
                                       GPtrArray         *disagreements,
                                       guint              current)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (current == G_MAXUINT || (disagreements != NULL && current < disagreements->len));

  if (disagreements != NULL && (disagreements->len == 0 || self->document == NULL))
    disagreements = NULL;
  if (disagreements != NULL)
    g_ptr_array_ref (disagreements);
  g_clear_pointer (&self->disagreements, g_ptr_array_unref);
  self->disagreements = disagreements;
  self->current_disagreement = disagreements != NULL ? current : G_MAXUINT;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
