/* gloss-span-layout.h: how spans are drawn, as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "gloss.h"

G_BEGIN_DECLS

/**
 * GlossInterval:
 * @start: the first code point
 * @end: the code point after the last one
 */
typedef struct
{
  guint start;
  guint end;
} GlossInterval;

/**
 * GlossSpanColors:
 * @fill: a translucent fill drawn behind the text of a span
 * @line: the solid underline of a span, contrasting with the background
 */
typedef struct
{
  GdkRGBA fill;
  GdkRGBA line;
} GlossSpanColors;

/**
 * GlossMatchColors:
 * @fill: drawn behind every search match
 * @current_fill: drawn behind the current match, more strongly
 * @current_border: the outline of the current match
 */
typedef struct
{
  GdkRGBA fill;
  GdkRGBA current_fill;
  GdkRGBA current_border;
} GlossMatchColors;

/* The underlines of one line of text: each level takes a pitch of
 * GLOSS_SPAN_LAYOUT_PITCH pixels, a line GLOSS_SPAN_LAYOUT_THICKNESS thick
 * below a gap, until the room under the line runs out. */
#define GLOSS_SPAN_LAYOUT_PITCH     3.0
#define GLOSS_SPAN_LAYOUT_THICKNESS 2.0

/* The minimum contrast (WCAG 2) of an underline against the background. */
#define GLOSS_SPAN_LAYOUT_MIN_LINE_CONTRAST 3.0

/* Text stays as readable as body text should (WCAG AA) under this many
 * overlapping span fills. */
#define GLOSS_SPAN_LAYOUT_MIN_TEXT_CONTRAST 4.5
#define GLOSS_SPAN_LAYOUT_READABLE_STACK    3

guint    gloss_span_layout_assign_levels   (const GlossInterval *intervals,
                                            guint                n_intervals,
                                            guint               *levels);

gboolean gloss_span_layout_parse_color     (const char          *color,
                                            GdkRGBA             *rgba);
double   gloss_span_layout_luminance       (const GdkRGBA       *color);
double   gloss_span_layout_contrast        (const GdkRGBA       *a,
                                            const GdkRGBA       *b);
void     gloss_span_layout_rgb_to_hsl      (const GdkRGBA       *color,
                                            double              *hue,
                                            double              *saturation,
                                            double              *lightness);
void     gloss_span_layout_hsl_to_rgb      (double               hue,
                                            double               saturation,
                                            double               lightness,
                                            GdkRGBA             *color);
void     gloss_span_layout_background      (gboolean             dark,
                                            GdkRGBA             *background);
void     gloss_span_layout_text            (gboolean             dark,
                                            GdkRGBA             *text);
void     gloss_span_layout_colors          (const GdkRGBA       *base,
                                            gboolean             dark,
                                            GlossSpanColors     *colors);
void     gloss_span_layout_match_colors    (gboolean             dark,
                                            GlossMatchColors    *colors);
const char *gloss_span_layout_disagreement_color (GlossDisagreementKind kind,
                                              gboolean             dark);
void     gloss_span_layout_composite       (const GdkRGBA       *over,
                                            const GdkRGBA       *under,
                                            GdkRGBA             *result);

void     gloss_span_layout_underline       (guint                level,
                                            guint                n_levels,
                                            double               room,
                                            double              *offset,
                                            double              *thickness);

int      gloss_span_layout_side_margin     (int                  width,
                                            int                  char_width,
                                            guint                n_chars,
                                            int                  min_margin);

gboolean gloss_span_layout_clip            (guint                start,
                                            guint                end,
                                            guint                visible_start,
                                            guint                visible_end,
                                            guint               *clip_start,
                                            guint               *clip_end);
guint    gloss_span_layout_first_match_after (const GlossSearchMatch *matches,
                                              guint                   n_matches,
                                              guint                   offset);
void     gloss_span_layout_extent          (double               x1,
                                            double               width1,
                                            double               x2,
                                            double               width2,
                                            double              *x,
                                            double              *width);

G_END_DECLS
