/* gloss-span-layout.c: how spans are drawn, as pure functions
 *
 * The document view asks these functions where and in which colours to draw
 * spans; they know nothing of widgets, so they are tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-span-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-span-layout.h"

/* A binary min-heap of 64-bit keys, enough for interval colouring. */

static void
heap_push (GArray  *heap,
           guint64  key)
{
  guint64 *items;
  guint i;

  g_array_append_val (heap, key);
  items = (guint64 *)(gpointer)heap->data;

  for (i = heap->len - 1; i > 0; )
    {
      guint parent = (i - 1) / 2;
      guint64 tmp;

      if (items[parent] <= items[i])
        break;

      tmp = items[parent];
      items[parent] = items[i];
      items[i] = tmp;
      i = parent;
    }
}

static guint64
heap_pop (GArray *heap)
{
  guint64 *items = (guint64 *)(gpointer)heap->data;
  guint64 top = items[0];
  guint i = 0;

  items[0] = items[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);

  for (;;)
    {
      guint left = 2 * i + 1;
      guint right = left + 1;
      guint smallest = i;
      guint64 tmp;

      if (left < heap->len && items[left] < items[smallest])
        smallest = left;
      if (right < heap->len && items[right] < items[smallest])
        smallest = right;
      if (smallest == i)
        break;

      tmp = items[smallest];
      items[smallest] = items[i];
      items[i] = tmp;
      i = smallest;
    }

  return top;
}

static inline guint64
heap_peek (GArray *heap)
{
  return g_array_index (heap, guint64, 0);
}

/**
 * gloss_span_layout_assign_levels:
 * @intervals: (array length=n_intervals): intervals sorted by start
 * @n_intervals: how many
 * @levels: (out caller-allocates) (array length=n_intervals): the stacking
 *   level of each interval
 *
 * Gives each interval the lowest level that no overlapping interval before
 * it holds (greedy interval colouring), so that overlapping intervals never
 * share a level and the number of levels is the largest number of intervals
 * covering one point. Intervals are half-open: [0, 5) and [5, 9) may share
 * a level. O(n log n).
 *
 * Returns: the number of levels used
 */
guint
gloss_span_layout_assign_levels (const GlossInterval *intervals,
                                 guint                n_intervals,
                                 guint               *levels)
{
  g_autoptr(GArray) busy = NULL;
  g_autoptr(GArray) free_levels = NULL;
  guint n_levels = 0;

  g_return_val_if_fail (n_intervals == 0 || intervals != NULL, 0);
  g_return_val_if_fail (n_intervals == 0 || levels != NULL, 0);

  /* busy holds (end << 32 | level) of the intervals still open; free_levels
   * the levels given back by intervals that ended. */
  busy = g_array_new (FALSE, FALSE, sizeof (guint64));
  free_levels = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint i = 0; i < n_intervals; i++)
    {
      guint start = intervals[i].start;
      guint level;

      g_warn_if_fail (i == 0 || intervals[i - 1].start <= start);

      while (busy->len > 0 && (heap_peek (busy) >> 32) <= start)
        heap_push (free_levels, heap_pop (busy) & G_MAXUINT32);

      if (free_levels->len > 0)
        level = (guint)heap_pop (free_levels);
      else
        level = n_levels++;

      levels[i] = level;
      heap_push (busy, ((guint64)intervals[i].end << 32) | level);
    }

  return n_levels;
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

/**
 * gloss_span_layout_parse_color:
 * @color: a `#rrggbb` colour, as labels store them
 * @rgba: (out): the colour, opaque
 *
 * Returns: whether @color was valid; if not, @rgba is a neutral grey
 */
gboolean
gloss_span_layout_parse_color (const char *color,
                               GdkRGBA    *rgba)
{
  int digits[6];

  g_return_val_if_fail (rgba != NULL, FALSE);

  *rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };

  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 0; i < 6; i++)
    if ((digits[i] = hex_digit (color[i + 1])) < 0)
      return FALSE;

  rgba->red = (digits[0] * 16 + digits[1]) / 255.0;
  rgba->green = (digits[2] * 16 + digits[3]) / 255.0;
  rgba->blue = (digits[4] * 16 + digits[5]) / 255.0;

  return TRUE;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * gloss_span_layout_luminance:
 *
 * Returns: the relative luminance of an opaque sRGB colour (WCAG 2)
 */
double
gloss_span_layout_luminance (const GdkRGBA *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linear_channel (color->red) +
         0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

/**
 * gloss_span_layout_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of two opaque colours, from 1 to 21
 */
double
gloss_span_layout_contrast (const GdkRGBA *a,
                            const GdkRGBA *b)
{
  double la;
  double lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  la = gloss_span_layout_luminance (a);
  lb = gloss_span_layout_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * gloss_span_layout_rgb_to_hsl:
 * @hue: (out): the hue in degrees, [0, 360)
 * @saturation: (out): [0, 1]
 * @lightness: (out): [0, 1]
 */
void
gloss_span_layout_rgb_to_hsl (const GdkRGBA *color,
                              double        *hue,
                              double        *saturation,
                              double        *lightness)
{
  double max;
  double min;
  double delta;
  double h = 0.0;
  double s = 0.0;
  double l;

  g_return_if_fail (color != NULL);

  max = MAX (color->red, MAX (color->green, color->blue));
  min = MIN (color->red, MIN (color->green, color->blue));
  delta = max - min;
  l = (max + min) / 2.0;

  if (delta > 1e-9)
    {
      s = l > 0.5 ? delta / (2.0 - max - min) : delta / (max + min);

      if (max == color->red)
        h = fmod ((color->green - color->blue) / delta + 6.0, 6.0);
      else if (max == color->green)
        h = (color->blue - color->red) / delta + 2.0;
      else
        h = (color->red - color->green) / delta + 4.0;

      h *= 60.0;
    }

  *hue = h;
  *saturation = s;
  *lightness = l;
}

static double
hue_channel (double p,
             double q,
             double t)
{
  if (t < 0.0)
    t += 1.0;
  if (t > 1.0)
    t -= 1.0;

  if (t < 1.0 / 6.0)
    return p + (q - p) * 6.0 * t;
  if (t < 1.0 / 2.0)
    return q;
  if (t < 2.0 / 3.0)
    return p + (q - p) * (2.0 / 3.0 - t) * 6.0;
  return p;
}

/**
 * gloss_span_layout_hsl_to_rgb:
 * @color: (out): the opaque colour
 */
void
gloss_span_layout_hsl_to_rgb (double   hue,
                              double   saturation,
                              double   lightness,
                              GdkRGBA *color)
{
  double h = fmod (hue, 360.0) / 360.0;
  double s = CLAMP (saturation, 0.0, 1.0);
  double l = CLAMP (lightness, 0.0, 1.0);
  double q;
  double p;

  g_return_if_fail (color != NULL);

  color->alpha = 1.0;

  if (s < 1e-9)
    {
      color->red = color->green = color->blue = l;
      return;
    }

  q = l < 0.5 ? l * (1.0 + s) : l + s - l * s;
  p = 2.0 * l - q;

  color->red = hue_channel (p, q, h + 1.0 / 3.0);
  color->green = hue_channel (p, q, h);
  color->blue = hue_channel (p, q, h - 1.0 / 3.0);
}

/**
 * gloss_span_layout_background:
 * @background: (out): the background text is shown on (libadwaita's view
 *   background) in the light or dark style
 */
void
gloss_span_layout_background (gboolean  dark,
                              GdkRGBA  *background)
{
  g_return_if_fail (background != NULL);

  if (dark)
    *background = (GdkRGBA) { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0, 1.0 };
  else
    *background = (GdkRGBA) { 1.0, 1.0, 1.0, 1.0 };
}

/**
 * gloss_span_layout_composite:
 * @over: a colour, maybe translucent
 * @under: an opaque colour
 * @result: (out): @over painted on @under, opaque
 */
void
gloss_span_layout_composite (const GdkRGBA *over,
                             const GdkRGBA *under,
                             GdkRGBA       *result)
{
  double a;

  g_return_if_fail (over != NULL && under != NULL && result != NULL);

  a = CLAMP (over->alpha, 0.0, 1.0);
  result->red = over->red * a + under->red * (1.0 - a);
  result->green = over->green * a + under->green * (1.0 - a);
  result->blue = over->blue * a + under->blue * (1.0 - a);
  result->alpha = 1.0;
}

/**
 * gloss_span_layout_text:
 * @text: (out): the colour of body text (libadwaita's view foreground)
 */
void
gloss_span_layout_text (gboolean  dark,
                        GdkRGBA  *text)
{
  g_return_if_fail (text != NULL);

  if (dark)
    *text = (GdkRGBA) { 1.0, 1.0, 1.0, 1.0 };
  else
    *text = (GdkRGBA) { 0.0, 0.0, 0.0, 0.8 };
}

static double
text_contrast_under_fills (const GdkRGBA *fill,
                           gboolean       dark)
{
  GdkRGBA under;
  GdkRGBA text;
  GdkRGBA text_on;

  gloss_span_layout_background (dark, &under);
  for (guint i = 0; i < GLOSS_SPAN_LAYOUT_READABLE_STACK; i++)
    gloss_span_layout_composite (fill, &under, &under);

  gloss_span_layout_text (dark, &text);
  gloss_span_layout_composite (&text, &under, &text_on);

  return gloss_span_layout_contrast (&text_on, &under);
}

/**
 * gloss_span_layout_colors:
 * @base: a label's colour
 * @dark: whether the dark style is in use
 * @colors: (out): the colours to draw a span of that label in
 *
 * The underline keeps the label's hue and saturation but moves its
 * lightness (darker on the light background, lighter on the dark one) until
 * it reaches a contrast of %GLOSS_SPAN_LAYOUT_MIN_LINE_CONTRAST with the
 * background. The fill is the label's colour, translucent, and lightened
 * or darkened where needed so that text keeps a contrast of
 * %GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST under %GLOSS_SPAN_LAYOUT_READABLE_STACK
 * overlapping fills.
 */
void
gloss_span_layout_colors (const GdkRGBA   *base,
                          gboolean         dark,
                          GlossSpanColors *colors)
{
  GdkRGBA background;
  double h;
  double s;
  double l;

  g_return_if_fail (base != NULL && colors != NULL);

  gloss_span_layout_background (dark, &background);
  gloss_span_layout_rgb_to_hsl (base, &h, &s, &l);

  for (;;)
    {
      gloss_span_layout_hsl_to_rgb (h, s, l, &colors->line);
      if (gloss_span_layout_contrast (&colors->line, &background) >= GLOSS_SPAN_LAYOUT_MIN_LINE_CONTRAST)
        break;
      if (dark ? l >= 1.0 : l <= 0.0)
        break;
      l = dark ? MIN (l + 0.01, 1.0) : MAX (l - 0.01, 0.0);
    }

  /* The fill starts as the label's colour, and is made lighter (light
   * style) or darker (dark style) while text under a few overlapping fills
   * would fall below the contrast of body text. */
  gloss_span_layout_rgb_to_hsl (base, &h, &s, &l);
  for (;;)
    {
      gloss_span_layout_hsl_to_rgb (h, s, l, &colors->fill);
      colors->fill.alpha = dark ? 0.30 : 0.22;
      if (text_contrast_under_fills (&colors->fill, dark) >= GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST)
        break;
      if (dark ? l <= 0.0 : l >= 1.0)
        break;
      l = dark ? MAX (l - 0.01, 0.0) : MIN (l + 0.01, 1.0);
    }
}

/**
 * gloss_span_layout_underline:
 * @level: the stacking level of a span
 * @n_levels: how many levels are drawn under the same lines
 * @room: the space below a line of text, in pixels
 * @offset: (out): where the underline starts, down from the bottom of the
 *   line of text
 * @thickness: (out): how thick it is
 *
 * Stacks the underlines of overlapping spans below the text, each level a
 * %GLOSS_SPAN_LAYOUT_PITCH further down. When more levels are drawn than
 * the room holds, they are packed closer (never under a pixel apart), and
 * those that still do not fit share the lowest place.
 */
void
gloss_span_layout_underline (guint   level,
                             guint   n_levels,
                             double  room,
                             double *offset,
                             double *thickness)
{
  double pitch;
  double t;
  double o;

  g_return_if_fail (offset != NULL && thickness != NULL);

  n_levels = MAX (n_levels, level + 1);
  room = MAX (room, 1.0);

  pitch = MIN (GLOSS_SPAN_LAYOUT_PITCH, room / n_levels);
  pitch = MAX (pitch, 1.0);
  t = MAX (pitch * GLOSS_SPAN_LAYOUT_THICKNESS / GLOSS_SPAN_LAYOUT_PITCH, 1.0);
  t = MIN (t, room);
  o = level * pitch + (pitch - t);

  *offset = MIN (o, room - t);
  *thickness = t;
}

/**
 * gloss_span_layout_side_margin:
 * @width: the width of the view
 * @char_width: the average width of a character of its font
 * @n_chars: how many characters a line should hold
 * @min_margin: the margin of a narrow view
 *
 * Lines of some 75 characters are the easiest to read: the view centres a
 * column that wide and leaves the rest as margins on either side.
 *
 * Returns: the left and right margin
 */
int
gloss_span_layout_side_margin (int   width,
                               int   char_width,
                               guint n_chars,
                               int   min_margin)
{
  gint64 column = (gint64)MAX (char_width, 0) * n_chars;
  gint64 margin = ((gint64)width - column) / 2;

  return (int)MAX (margin, (gint64)min_margin);
}

/**
 * gloss_span_layout_clip:
 * @clip_start: (out): the first code point of the span that is visible
 * @clip_end: (out): the code point after the last
 *
 * Clips a span [@start, @end) to the visible range, so that a span over a
 * whole long document costs no more to draw than the lines on screen.
 *
 * Returns: whether any of the span is visible
 */
gboolean
gloss_span_layout_clip (guint  start,
                        guint  end,
                        guint  visible_start,
                        guint  visible_end,
                        guint *clip_start,
                        guint *clip_end)
{
  guint s = MAX (start, visible_start);
  guint e = MIN (end, visible_end);

  g_return_val_if_fail (clip_start != NULL && clip_end != NULL, FALSE);

  if (s >= e)
    return FALSE;

  *clip_start = s;
  *clip_end = e;

  return TRUE;
}

/**
 * gloss_span_layout_extent:
 * @x: (out): the left edge
 * @width: (out): the width
 *
 * The horizontal extent of a span on one line from the boxes of its first
 * and last characters there, whatever the direction of the text (in
 * right-to-left text the first character is the rightmost).
 */
void
gloss_span_layout_extent (double  x1,
                          double  width1,
                          double  x2,
                          double  width2,
                          double *x,
                          double *width)
{
  double left = MIN (MIN (x1, x1 + width1), MIN (x2, x2 + width2));
  double right = MAX (MAX (x1, x1 + width1), MAX (x2, x2 + width2));

  g_return_if_fail (x != NULL && width != NULL);

  *x = left;
  *width = right - left;
}

/**
 * gloss_span_layout_match_colors:
 * @dark: whether the dark style is in use
 * @colors: (out): the colours to draw search matches in
 *
 * Matches are marked in yellow, the colour of found text in most
 * applications, and drawn under the spans' fills: pale behind every match,
 * stronger and outlined behind the current one. Body text keeps a contrast
 * of %GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST over both.
 */
void
gloss_span_layout_match_colors (gboolean          dark,
                                GlossMatchColors *colors)
{
  g_return_if_fail (colors != NULL);

  if (dark)
    {
      colors->fill = (GdkRGBA) { 0xf5 / 255.0, 0xc2 / 255.0, 0x11 / 255.0, 0.26 };
      colors->current_fill = (GdkRGBA) { 0xf5 / 255.0, 0xc2 / 255.0, 0x11 / 255.0, 0.36 };
      colors->current_border = (GdkRGBA) { 0xf8 / 255.0, 0xe4 / 255.0, 0x5c / 255.0, 1.0 };
    }
  else
    {
      colors->fill = (GdkRGBA) { 0xf8 / 255.0, 0xe4 / 255.0, 0x5c / 255.0, 0.45 };
      colors->current_fill = (GdkRGBA) { 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0, 1.0 };
      colors->current_border = (GdkRGBA) { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1.0 };
    }
}

/**
 * gloss_span_layout_disagreement_color:
 * @kind: how two annotators disagree
 * @dark: whether the dark style is in use
 *
 * The four kinds take four hues of the GNOME palette, none of them the
 * yellow of search matches: red where only one's own corpus has spans,
 * blue where only the other's has, purple for another label, orange for
 * other boundaries. They are drawn as a pale fill under the spans, and
 * as an outline of the current disagreement.
 *
 * Returns: the colour, as `#rrggbb`
 */
const char *
gloss_span_layout_disagreement_color (GlossDisagreementKind kind,
                                      gboolean              dark)
{
  static const char * const light[GLOSS_N_DISAGREEMENT_KINDS] = { "#e01b24", "#1c71d8", "#9141ac", "#e66100" };
  static const char * const night[GLOSS_N_DISAGREEMENT_KINDS] = { "#f66151", "#62a0ea", "#c061cb", "#ffa348" };

  g_return_val_if_fail (kind < GLOSS_N_DISAGREEMENT_KINDS, "#000000");

  return dark ? night[kind] : light[kind];
}

/**
 * gloss_span_layout_first_match_after:
 * @matches: (array length=n_matches): matches in text order, not
 *   overlapping, so that their ends are in order too
 * @offset: a code point offset
 *
 * Returns: the index of the first match that ends after @offset, or
 *   @n_matches if none does: where drawing the matches on screen starts
 */
guint
gloss_span_layout_first_match_after (const GlossSearchMatch *matches,
                                     guint                   n_matches,
                                     guint                   offset)
{
  guint low = 0;
  guint high = n_matches;

  g_return_val_if_fail (matches != NULL || n_matches == 0, 0);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (matches[middle].end <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}
